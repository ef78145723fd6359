"""Search-engine export: settings JSON, and Lucene's own MappingCharFilter on the exported file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import shared_file
from lucene_harness import java_home, lucene_jar, run_lucene_mapping

import arnorm
from arnorm.errors import UnknownFormatError, UnsupportedStageError
from arnorm.export import analysis_settings, export, mapping_rules, unsupported_stages


def test_lucene_presets_become_the_builtin_filters() -> None:
    # Elasticsearch reference, "Arabic analyzer": arabic_normalization and arabic_stem
    # are Lucene's ArabicNormalizationFilter and ArabicStemFilter.
    analyzer = analysis_settings("lucene_stem")["analysis"]["analyzer"]["arnorm"]
    assert analyzer == {"type": "custom", "tokenizer": "standard", "filter": ["arabic_normalization", "arabic_stem"]}


def test_search_becomes_one_mapping_char_filter_without_its_context_stages() -> None:
    # Uthmani spelling and the context-dependent stages have no engine equivalent.
    assert unsupported_stages("search") == ("uthmani", "lone_marks", "invisible_breaks")
    with pytest.raises(UnsupportedStageError, match="'uthmani'"):
        export("search")
    settings = json.loads(export("search", "opensearch", name="ar", skip_unsupported=True))["settings"]["analysis"]
    assert settings["analyzer"]["ar"]["char_filter"] == ["ar"]
    rules = settings["char_filter"]["ar"]["mappings"]
    assert '"\\u0623" => "\\u0627"' in rules and '"\\u064E" => ""' in rules


def test_rules_escape_everything_but_printable_ascii() -> None:
    assert mapping_rules({"\u0623": "\u0627", '"': "\\"}) == ['"\\u0022" => "\\u005C"', '"\\u0623" => "\\u0627"']


def test_errors_name_the_stage_and_the_choices() -> None:
    with pytest.raises(UnsupportedStageError, match="'compose'"):
        export("compose")
    assert "compose" in unsupported_stages("ml")
    with pytest.raises(UnsupportedStageError, match="after a token filter"):
        export(arnorm.Pipeline(["lucene_normalize", "digits"]))
    with pytest.raises(UnsupportedStageError, match="'uthmani'"):
        export("ml")
    with pytest.raises(UnknownFormatError, match="valid formats: elasticsearch, lucene-mapping, opensearch"):
        export("search", "solr")


@pytest.mark.slow
def test_lucene_mapping_char_filter_equals_the_exported_part_of_search_on_every_corpus_line(tmp_path: Path) -> None:
    if lucene_jar() is None or java_home() is None:
        pytest.skip("Lucene jar or JDK 21+ not found (see tests/lucene_harness.py)")
    mapping = tmp_path / "search-mapping.txt"
    mapping.write_text(export("search", "lucene-mapping", skip_unsupported=True), encoding="utf-8")
    lines: list[str] = []
    for corpus in ("news_saudinewsnet.txt", "classical_tashkeela.txt", "quran_uthmani.txt"):
        lines += shared_file("corpus", corpus).read_text(encoding="utf-8").splitlines()
    got = run_lucene_mapping(mapping, lines, tmp_path)
    skipped = set(unsupported_stages("search"))
    search = arnorm.Pipeline([s for s in arnorm.preset("search").leaves() if s.spec not in skipped])
    bad = [line for line, out in zip(lines, got) if out != search(line)]
    print(f"MappingCharFilter: {len(lines) - len(bad)}/{len(lines)} corpus lines identical to search's map")
    assert bad == []


def test_export_command() -> None:
    # In process (a real process costs a second each; tests/test_cli.py runs those).
    from typer.testing import CliRunner

    from arnorm.cli import app

    def run(*args: str) -> Any:
        return CliRunner().invoke(app, ["export", *args])

    done = run("lucene_stem")
    assert done.exit_code == 0 and json.loads(done.stdout) == json.loads(export("lucene_stem"))
    done = run("search", "--format", "lucene-mapping", "--skip-unsupported")
    assert done.exit_code == 0 and done.stdout == export("search", "lucene-mapping", skip_unsupported=True)
    assert "left out (no engine equivalent): uthmani, lone_marks, invisible_breaks" in done.stderr
    done = run("search")
    assert done.exit_code == 2 and done.stderr.count("\n") == 1 and "'uthmani'" in done.stderr
    done = run("search", "-f", "solr")
    assert done.exit_code == 2 and "valid formats: elasticsearch, lucene-mapping, opensearch" in done.stderr
