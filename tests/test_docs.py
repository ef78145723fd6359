"""The documentation: generated tables agree with the code, examples run, the site builds."""

from __future__ import annotations

import doctest
import importlib.util
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT

import arnorm
from arnorm import registry
from arnorm.stage import CharMap

DOCS = ROOT / "docs"


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_docs_tables", ROOT / "scripts" / "gen_docs_tables.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _load_generator()
FAMILIES = sorted({registry.stage_info(n).family for n in arnorm.stage_names()})


def _rows(markdown: str) -> list[list[str]]:
    """The cells of the code point rows (``| U+XXXX | ...``) of the tables in ``markdown``."""
    return [
        [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        for line in markdown.splitlines()
        if line.strip().startswith("| U+")
    ]


def _char(cell: str) -> str:
    return chr(int(cell.removeprefix("U+"), 16))


def _code_points(cell: str) -> str:
    """The text a 'becomes' cell stands for (``*deleted*`` -> '')."""
    if cell.strip() == "*deleted*":
        return ""
    listed = re.search(r"\(((?:U\+[0-9A-F]+ ?)+)\)", cell)
    if listed:
        return "".join(_char(cp) for cp in listed.group(1).split())
    single = re.match(r"\s*(?:<code>[^<]*</code> )?U\+([0-9A-F]+)", cell)
    assert single, cell
    return chr(int(single.group(1), 16))


@pytest.mark.parametrize("family", FAMILIES)
def test_family_tables_are_exactly_the_stage_maps(family: str) -> None:
    text = gen.family_markdown(family)
    for name in gen.stages_of(family):
        assert f"## `{name}`\n" in text
        stage = arnorm.stage(name)
        if not isinstance(stage, CharMap):
            continue
        section = text.split(f"## `{name}`\n", 1)[1].split("\n## `", 1)[0].split("### With", 1)[0]
        rows = {_char(cp): (name_cell, becomes) for cp, _, name_cell, becomes in _rows(section)}
        assert set(rows) == set(stage.mapping), name
        for char, (name_cell, becomes) in rows.items():
            assert name_cell == unicodedata.name(char)
            assert _code_points(becomes) == stage.mapping[char], (name, f"U+{ord(char):04X}")


def test_option_tables_show_exactly_the_differences() -> None:
    text = gen.family_markdown("diacritics")
    keep_shadda = text.split("### With `diacritics(keep=shadda)`", 1)[1].split("###", 1)[0]
    assert _rows(keep_shadda) == [["U+0651", "<code>\u25cc\u0651</code>", "ARABIC SHADDA", "*deleted*", "unchanged"]]
    alef = gen.family_markdown("letters").split("### With `alef(extended=false)`", 1)[1].split("##", 1)[0]
    assert [row[0] for row in _rows(alef)] == ["U+0672", "U+0673", "U+0675"]


def test_every_family_has_a_page_and_every_page_a_family() -> None:
    hand_written = {p.stem for p in (DOCS / "stages").glob("*.md")} - {"index"}
    assert hand_written == set(gen.FAMILY_PAGES)
    for family in gen.FAMILY_PAGES:
        page = (DOCS / "stages" / f"{family}.md").read_text(encoding="utf-8")
        assert f"<!-- arnorm:generate stages {family} -->" in page
        assert gen.stages_of(family), f"docs/stages/{family}.md documents a family with no stage"
    # families registered elsewhere (by plugins, new modules or other tests) get a generated page
    pages = gen._generated_pages()
    for family in gen.extra_families():
        assert family not in gen.FAMILY_PAGES
        assert f"<!-- arnorm:generate stages {family} -->" in pages[f"stages/{family}.md"]
        assert gen.expand(pages[f"stages/{family}.md"]).count("\n## `") == len(gen.stages_of(family))


def test_stage_index_lists_every_stage() -> None:
    index = gen.stage_index()
    for name in arnorm.stage_names():
        assert f"[`{name}`]({registry.stage_info(name).family}.md#{name})" in index


def test_directives() -> None:
    assert gen.expand("a\n<!-- arnorm:generate presets -->\nb").startswith("a\n| preset |")
    with pytest.raises(ValueError, match="unknown directive 'tables'; valid: stages"):
        gen.expand("<!-- arnorm:generate tables -->")
    with pytest.raises(ValueError, match="no registered stage has family 'nope'"):
        gen.expand("<!-- arnorm:generate stages nope -->")


def test_cli_reference_comes_from_the_cli() -> None:
    pytest.importorskip("arnorm.cli")
    text = gen.cli_markdown()
    assert text is not None
    import typer

    from arnorm.cli import app

    group = typer.main.get_command(app)
    for name in group.commands:  # type: ignore[attr-defined]
        assert f"## `arnorm {name}`" in text


def test_translit_page_when_the_package_is_there() -> None:
    api = gen.translit_api()
    if api is None:
        assert gen.translit_markdown() is None
        return
    schemes, transliterate = api
    text = gen.translit_markdown()
    for scheme in schemes:
        assert f"`{scheme}`" in text
    assert f"<code>{transliterate('كِتَابٌ', scheme='buckwalter')}</code>" in text


PYCON = re.compile(r"^```pycon\n(.*?)^```$", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", ["index.md", "stages/index.md", "config.md", "integrations.md"])
def test_examples_in_the_docs_run(page: str) -> None:
    markdown = (DOCS / page).read_text(encoding="utf-8")
    source = "\n".join(PYCON.findall(markdown))
    test = doctest.DocTestParser().get_doctest(source, {}, page, str(DOCS / page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0 and result.failed == 0


def test_site_builds_strict(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    pytest.importorskip("mkdocstrings_handlers.python")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    site = tmp_path / "site"
    diacritics = (site / "stages" / "diacritics" / "index.html").read_text(encoding="utf-8")
    assert "U+0651" in diacritics and "ARABIC SHADDA" in diacritics
    assert "arnorm:generate" not in diacritics
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert "load_config" in api and "hf_map_function" in api and ":class:" not in api
    assert ((site / "translit" / "index.html").exists()) == (gen.translit_api() is not None)


def test_hook_adds_generated_pages_to_the_nav(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gen, "extra_families", lambda: ["digits"])
    nav = [{"Getting started": "index.md"}, {"Stages": [{"Overview": "stages/index.md"}]}, {"API": "api.md"}]
    gen.on_config({"nav": nav})
    assert nav[1] == {"Stages": [{"Overview": "stages/index.md"}, {"digits": "stages/digits.md"}]}
    has_translit = gen.translit_api() is not None
    assert (nav[2] == {"Transliteration": "translit.md"}) == has_translit
    assert len(nav) == 3 + has_translit
