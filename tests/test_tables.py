"""Character tables: validation on load, generated data, exhaustive block checks."""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from pathlib import Path

import pytest

import arnorm
from arnorm.errors import TableError
from arnorm.stages.unicode import COMPOSABLE_BASES
from arnorm.tables import compose, load_table, parse_map, table_names

ROOT = Path(__file__).resolve().parents[1]
ARABIC_BLOCKS = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x089F), (0x08A0, 0x08FF),
                 (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]


def arabic_code_points() -> list[int]:
    return [cp for lo, hi in ARABIC_BLOCKS for cp in range(lo, hi + 1)]


# -- the map grammar ---------------------------------------------------------

def test_ranges_expand() -> None:
    assert parse_map("t", {"\u064b-\u064d": ""}) == {"\u064b": "", "\u064c": "", "\u064d": ""}


@pytest.mark.parametrize(
    "raw, message",
    [
        ({"\u064d-\u064b": ""}, "lower to a higher"),
        ({"\u064b-\u064d": "", "\u064c": "x"}, "overlap"),
        ({"b": "", "a": ""}, "ascending"),
        ({"ab": ""}, "one character or a range"),
        ({"a": 1}, "must be a string"),
    ],
)
def test_bad_maps_are_rejected(raw: dict, message: str) -> None:
    with pytest.raises(TableError, match=message):
        parse_map("t", raw)


def test_bijective_claims_are_checked() -> None:
    with pytest.raises(TableError, match="bijective"):
        parse_map("t", {"a": "x", "b": "x"}, bijective=True)
    with pytest.raises(TableError, match="bijective"):
        parse_map("t", {"a": "xy"}, bijective=True)
    assert parse_map("t", {"a": "x", "b": "y"}, bijective=True) == {"a": "x", "b": "y"}


def test_null_keeps() -> None:
    assert parse_map("t", {"a": None, "b": "c"}) == {"b": "c"}


def test_unknown_table_lists_the_valid_ones() -> None:
    with pytest.raises(TableError, match="tanwin"):
        load_table("diacritics", "nope")


@pytest.mark.parametrize("family", ["diacritics", "letters", "digits", "punctuation", "invisible", "presentation"])
def test_every_data_file_loads_and_documents_itself(family: str) -> None:
    path = ROOT / "arnorm" / "data" / f"{family}.json"
    raw = path.read_text(encoding="utf-8")
    assert raw.isascii(), "tables are written with \\u escapes"
    for entry in json.loads(raw)["tables"]:
        assert entry["description"] and entry["source"]
    for name in table_names(family):
        assert load_table(family, name).mapping


def test_compose_is_sequential_application() -> None:
    a = {"\ufef7": "\u0644\u0623", "x": "y"}
    b = {"\u0623": "\u0627", "y": "x"}
    assert compose([a, b]) == {"\ufef7": "\u0644\u0627", "\u0623": "\u0627", "y": "x"}


# -- generated data regenerates ----------------------------------------------

def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "gen_unicode_tables.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_presentation_table_regenerates() -> None:
    gen = _generator()
    committed = json.loads((ROOT / "arnorm" / "data" / "presentation.json").read_text(encoding="utf-8"))
    fresh = gen.build()
    if committed["unicode_version"] == unicodedata.unidata_version:
        assert gen.render() == (ROOT / "arnorm" / "data" / "presentation.json").read_text(encoding="utf-8")
    else:  # an older or newer Unicode: what both know must agree
        for old, new in zip(committed["tables"], fresh["tables"]):
            common = old["map"].keys() & new["map"].keys()
            assert {k: old["map"][k] for k in common} == {k: new["map"][k] for k in common}


# -- exhaustive checks over the Arabic blocks ----------------------------------

def test_presentation_forms_is_nfkc_on_exactly_those_blocks() -> None:
    stage = arnorm.stage("presentation_forms")
    word_ligatures = load_table("presentation", "word_ligatures").mapping
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        if unicodedata.category(ch) == "Cn" or ch == "\ufdfd":
            continue
        assert stage(ch) == unicodedata.normalize("NFKC", ch), hex(cp)
    assert stage("\ufdfd") == word_ligatures["\ufdfd"]
    assert stage("\ufeff") == "\ufeff"  # the BOM is not a presentation form
    assert set(stage.mapping) <= {chr(cp) for cp in range(0xFB50, 0xFEFF)}


def test_every_arabic_mark_is_in_a_diacritic_class_or_deliberately_kept() -> None:
    stage = arnorm.stage("diacritics")
    kept = set()
    for cp in arabic_code_points():
        ch = chr(cp)
        if unicodedata.category(ch) == "Mn" and cp < 0xFB50 and stage(ch) != "":
            kept.add(cp)
    assert kept == set(), [hex(c) for c in sorted(kept)]
    # Symbols of the Quranic text that are not marks stay.
    for ch in "\u06dd\u06de\u06e9":
        assert stage(ch) == ch


def test_composable_bases_are_complete() -> None:
    bases = set()
    for cp in arabic_code_points():
        decomposition = unicodedata.normalize("NFD", chr(cp))
        if len(decomposition) > 1 and decomposition[1] in "\u0653\u0654\u0655":
            bases.add(decomposition[0])
    assert bases == set(COMPOSABLE_BASES)
    compose_stage = arnorm.stage("compose")
    for cp in arabic_code_points():
        ch = chr(cp)
        nfd = unicodedata.normalize("NFD", ch)
        if len(nfd) > 1 and nfd != ch:
            assert compose_stage(nfd) == ch


def test_every_arabic_digit_becomes_ascii() -> None:
    stage = arnorm.stage("digits")
    for cp in arabic_code_points():
        ch = chr(cp)
        if unicodedata.category(ch) == "Nd":
            assert stage(ch) == str(unicodedata.digit(ch))


def test_every_arabic_space_and_format_control_is_handled() -> None:
    invisible = arnorm.stage("invisible")
    for ch in "\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad":
        assert invisible(ch) == ""
    spaces = arnorm.stage("spaces")
    for cp in range(0x110000):
        ch = chr(cp)
        if unicodedata.category(ch) == "Zs":
            assert spaces(ch) == " "
