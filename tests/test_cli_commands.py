"""The CLI commands wired to the library's families: translit, dates, --config, presets --show."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import arnorm
from arnorm.cli import app
from arnorm.strategies import ARABIC_LETTERS, HARAKAT

runner = CliRunner()


def invoke(*args: str, data: str = "") -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=data.encode("utf-8"))
    return result.exit_code, result.stdout_bytes.decode("utf-8"), result.stderr


def test_translit_and_back() -> None:
    code, out, _ = invoke("translit", data="كَتَبَ\nbook\n")
    assert (code, out) == (0, "kataba\nbook\n")
    code, out, _ = invoke("translit", "--to-arabic", data="kataba\n")
    assert (code, out) == (0, "كَتَبَ\n")


@given(st.text(alphabet=ARABIC_LETTERS + HARAKAT + " \n", max_size=40))
def test_translit_round_trips_on_the_command_line(text: str) -> None:
    for scheme in ("buckwalter", "safe-buckwalter", "hsb"):
        code, latin, _ = invoke("translit", "-S", scheme, data=text)
        assert code == 0
        code, back, _ = invoke("translit", "-S", scheme, "--to-arabic", data=latin)
        assert (code, back) == (0, text)


def test_translit_names_and_standards() -> None:
    # The seed article's names, as people spell them (issue 5).
    code, out, _ = invoke("translit", "-S", "english", data="أبو محمد الجولاني\n")
    assert (code, out) == (0, "Abu Mohammed al-Julani\n")
    code, out, _ = invoke("translit", "-S", "ala-lc", data="مُحَمَّد\n")
    assert (code, out) == (0, "muḥammad\n")


def test_translit_errors() -> None:
    code, out, err = invoke("translit", "-S", "morse", data="x")
    assert code == 2 and out == ""
    assert "morse" in err and "buckwalter" in err and len(err.strip().splitlines()) == 1
    code, _, err = invoke("translit", "-S", "ala-lc", "--to-arabic", data="x")
    assert code == 2 and "buckwalter" in err
    code, _, err = invoke("translit", "--to-arabic", "--ascii", data="x")
    assert code == 2


def test_dates_lists_matches_one_json_line_per_input_line() -> None:
    data = "صدر يوم الأحد ٢١ رمضان ١٤٤٠ هـ\nوصل أمس\n\nلا شيء\n"
    code, out, _ = invoke("dates", "--ref", "2021-09-01", data=data)
    assert code == 0
    lines = out.split("\n")
    assert len(lines) == 5 and lines[-1] == ""
    first = json.loads(lines[0])
    # 1 Ramadan 1440 AH = 6 May 2019 (Umm al-Qura), so 21 Ramadan = 26 May 2019, a Sunday.
    assert first[0]["date"] == "2019-05-26" and first[0]["calendar"] == "hijri"
    assert json.loads(lines[1])[0]["date"] == "2021-08-31"
    assert lines[2] == "[]" and json.loads(lines[3]) == []  # an empty line has no dates: []


def test_dates_rewrite() -> None:
    code, out, _ = invoke("dates", "--rewrite", "--keep-original", data="في ٢٦ أيار (مايو) ٢٠١٩\n")
    assert (code, out) == (0, "في ٢٦ أيار (مايو) ٢٠١٩ [2019-05-26]\n")
    code, out, _ = invoke("dates", "--rewrite", data="في ٢٦ مايو ٢٠١٩\n")
    assert (code, out) == (0, "في 2019-05-26\n")


def test_dates_errors() -> None:
    code, _, err = invoke("dates", "--ref", "yesterday", data="x")
    assert code == 2 and "yesterday" in err
    code, _, err = invoke("dates", "--keep-original", data="x")
    assert code == 2 and "--rewrite" in err


def test_config_round_trip_through_presets_show(tmp_path: Path) -> None:
    code, toml, _ = invoke("presets", "--show", "clean")
    assert code == 0 and toml.startswith("[[stages]]")
    config = tmp_path / "clean.toml"
    config.write_text(toml, encoding="utf-8")
    text = "أَخْبَارٌ  ســورية\u2002٢٦\n"
    assert invoke("-c", str(config), data=text) == invoke("--preset", "clean", data=text)
    code, js, _ = invoke("presets", "--show", "search", "--json")
    assert code == 0 and arnorm.Pipeline.from_dict(json.loads(js)) == arnorm.preset("search")


def test_config_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[stages]]\nstage = "diacritics"\nkeep = ["shada"]\n', encoding="utf-8")
    code, _, err = invoke("-c", str(bad), data="x")
    assert code == 2 and "shada" in err and "shadda" in err
    code, _, err = invoke("-c", str(tmp_path / "missing.toml"), data="x")
    assert code == 66
    code, _, err = invoke("-c", str(bad), "--preset", "search", data="x")
    assert code == 2 and "one of" in err
    code, _, err = invoke("presets", "--show", "nope")
    assert code == 2 and "search" in err
