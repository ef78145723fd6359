"""README.md stays true: its commands, stage table and preset table."""

from __future__ import annotations

import re
from pathlib import Path

import arnorm

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, flags=re.DOTALL)
    test_command = next(b for b in blocks if "pytest" in b)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command.strip() in ci.splitlines()


def test_every_stage_and_preset_is_in_the_readme() -> None:
    for name in arnorm.stage_names():
        if name.startswith("test_"):
            continue  # registered by other tests
        assert f"`{name}`" in README, name
    for name in arnorm.PRESETS:
        assert f"| `{name}` |" in README, name


def test_readme_python_example_is_true() -> None:
    assert arnorm.normalize("أخبارٌ ســورية ٢٦ مايو ٢٠١٩") == "اخبار سوريه 26 مايو 2019"
    pipe = arnorm.Pipeline(["diacritics(keep=shadda)", "tatweel", "alef"])
    assert pipe("إِنَّ الـعـربـيّة") == "انّ العربيّة"
    assert pipe.spec == "diacritics(keep=shadda),tatweel,alef"


def test_readme_offsets_example_is_true() -> None:
    text = "قال أَحْمَـــدُ ٢٦ ﷺ"
    norm, alignment = arnorm.preset("search").normalize_with_offsets(text)
    assert norm == "قال احمد 26 صلي الله عليه وسلم"
    start, end = alignment.to_original(4, 8)
    assert text[start:end] == "أَحْمَـــدُ"
    assert alignment.to_original(16, 20) == (19, 20)


def test_readme_dates_and_translit_examples_are_true() -> None:
    from datetime import date

    m = arnorm.find_dates("● أخبار سورية ٢٦ مايو ٢٠١٩")[0]
    assert (m.date == date(2019, 5, 26), m.calendar, m.precision) == (True, "gregorian", "day")
    assert arnorm.rewrite_dates("صدر يوم الأحد ٢١ رمضان ١٤٤٠ هـ", keep_original=True) == (
        "صدر يوم الأحد ٢١ رمضان ١٤٤٠ هـ [2019-05-26]"
    )
    assert arnorm.find_dates("وصل أمس", ref=date(2021, 9, 1))[0].date == date(2021, 8, 31)
    assert arnorm.transliterate("كَتَبَ", scheme="buckwalter") == "kataba"
    assert arnorm.to_arabic("kataba", scheme="buckwalter") == "كَتَبَ"


def test_readme_names_example_is_true() -> None:
    from arnorm.translit.names import vocalize

    assert arnorm.transliterate_name("أبو محمد الجولاني") == "Abu Mohammed al-Julani"
    assert arnorm.name_variants("محمد", 4) == ["Mohammed", "Muhammad", "Mohamed", "Mohammad"]
    assert vocalize("محمد") == "مُحَمَّد"
    assert arnorm.transliterate_name("بوتين") == "Putin"


def test_readme_search_examples_are_true() -> None:
    text = "وَبِالصَّلَاةِ قال أَحْمَـــدُ"
    assert [(t.text, text[t.start : t.end]) for t in arnorm.tokenize(text, "search", clitics=True)][:4] == [
        ("و", "وَ"),
        ("ب", "بِ"),
        ("ال", "ال"),
        ("صلاه", "صَّلَاةِ"),
    ]
    assert arnorm.find(text, "احمد") == [(19, 30)]
    assert arnorm.highlight(text, "احمد") == "وَبِالصَّلَاةِ قال <mark>أَحْمَـــدُ</mark>"
    assert arnorm.preset("lucene_stem")("والكتاب") == "كتاب"
    assert arnorm.Pipeline([arnorm.preset("search"), "light_stem(algorithm=light10)"])("وبالصلاة") == "صلا"
