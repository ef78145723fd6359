"""Lossless transliteration schemes (Buckwalter family), the translit API and stage.

Specification, in order: hypothesis properties (round trip over each scheme's
alphabet, passthrough of everything else, the stage contract); exhaustive
loops over the Arabic blocks; every row of the shared test vectors
(CAMeL Tools' char maps, the Quranic Arabic Corpus word list); parity with
CAMeL Tools' ``CharMapper`` on the shared corpus.
"""

from __future__ import annotations

import pickle
import typing
import unicodedata
from pathlib import Path

import pytest
from conftest import shared_file
from hypothesis import example, given
from hypothesis import strategies as st

import arnorm
import arnorm.stages.translit  # registers the stage until arnorm.stages imports it
from arnorm.errors import ArnormError, StageOptionError, UnknownSchemeError
from arnorm.stage import CharMap
from arnorm.strategies import NASTY, any_unicode_text, arabic_text
from arnorm.tables import load_table
from arnorm.translit import (
    LOSSLESS_SCHEMES,
    ROMANIZATION_STANDARDS,
    SCHEMES,
    IrreversibleSchemeError,
    fold_ascii,
    to_arabic,
    transliterate,
)
from arnorm.translit.schemes import arabic_alphabet, decode, encode, symbol_alphabet

LOSSLESS = sorted(LOSSLESS_SCHEMES)
ARABIC_BLOCKS = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _unescape(field: str) -> str:
    """Undo the shared vectors' escaping of backslash, tab and newline."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 1 < len(field):
            out.append({"\\": "\\", "t": "\t", "n": "\n"}.get(field[i + 1], field[i : i + 2]))
            i += 2
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [[_unescape(f) for f in line.split("\t")] for line in lines[1:] if line]


# -- properties -----------------------------------------------------------------
def _round_trip_text(scheme: str) -> st.SearchStrategy[str]:
    """Text over the scheme's Arabic alphabet plus neutral characters it does not write."""
    extra = set(" \n\t0123456789\u060c\u061f\u0660\u0661\u06d6\u00e9") - symbol_alphabet(scheme)
    return st.text(alphabet=st.sampled_from(sorted(arabic_alphabet(scheme) | extra)), max_size=60)


@pytest.mark.parametrize("scheme", LOSSLESS)
@given(data=st.data())
def test_round_trip_over_the_scheme_alphabet(scheme: str, data: st.DataObject) -> None:
    text = data.draw(_round_trip_text(scheme))
    encoded = transliterate(text, scheme)
    assert not arabic_alphabet(scheme) & set(encoded)
    assert to_arabic(encoded, scheme) == text


@pytest.mark.parametrize("scheme", LOSSLESS)
@given(text=st.one_of(any_unicode_text(surrogates=False), arabic_text(), st.sampled_from(NASTY)))
@example(text="Hello, world! 123 é \U0001f600")
def test_transliterate_touches_only_the_scheme_alphabet(scheme: str, text: str) -> None:
    out = transliterate(text, scheme)
    owned = arabic_alphabet(scheme)
    table = load_table("translit_buckwalter", scheme).mapping
    assert out == "".join(table.get(c, c) for c in text)
    if not owned & set(text):
        assert out == text


@pytest.mark.parametrize("scheme", LOSSLESS)
@given(text=st.one_of(any_unicode_text(surrogates=False), arabic_text()))
def test_to_arabic_touches_only_the_symbol_alphabet(scheme: str, text: str) -> None:
    out = to_arabic(text, scheme)
    if not symbol_alphabet(scheme) & set(text) and (scheme != "hsb" or unicodedata.is_normalized("NFC", text)):
        assert out == text


def test_mixed_latin_is_decoded_too_documented_ambiguity() -> None:
    # Buckwalter symbols are ASCII letters: pre-existing Latin cannot be told apart.
    text = "\u0643\u062a\u0627\u0628 book"
    assert transliterate(text, "buckwalter") == "ktAb book"
    assert to_arabic("ktAb book", "buckwalter") == "\u0643\u062a\u0627\u0628 \u0628\u0652\u0652\u0643"


@pytest.mark.parametrize("scheme", LOSSLESS)
def test_tables_are_bijective_and_disjoint_from_arabic(scheme: str) -> None:
    mapping = load_table("translit_buckwalter", scheme).mapping
    assert len(set(mapping.values())) == len(mapping)
    assert all(len(v) == 1 for v in mapping.values())
    assert not set(mapping.values()) & set(mapping)


# -- exhaustive --------------------------------------------------------------------
@pytest.mark.parametrize("scheme", LOSSLESS)
def test_every_arabic_block_code_point(scheme: str) -> None:
    table = load_table("translit_buckwalter", scheme).mapping
    for lo, hi in ARABIC_BLOCKS:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            expected = table.get(ch, ch)
            assert encode(ch, scheme) == expected, f"U+{cp:04X}"
            assert encode("x" + ch + "\n", scheme) == "x" + expected + "\n"
            if ch in table:
                assert decode(expected, scheme) == ch


def test_hsb_decodes_decomposed_symbols() -> None:
    word = "\u0623\u064e\u0634\u0652\u0639\u064e\u0627\u0631\u064c"  # أَشْعَارٌ
    hsb = transliterate(word, "hsb")
    assert hsb == "\u00c2a\u0161.\u03c2aAr\u0169"
    nfd = unicodedata.normalize("NFD", hsb)
    assert nfd != hsb
    assert to_arabic(nfd, "hsb") == word
    # a decomposed letter that is not an HSB symbol is left alone
    assert to_arabic("e\u0301", "hsb") == "e\u0301"


# -- shared test vectors -------------------------------------------------------------
CAMEL_TO_SCHEME = {"bw": "buckwalter", "safebw": "safe-buckwalter", "xmlbw": "xml-buckwalter", "hsb": "hsb"}


def test_camel_char_map_vectors_every_row() -> None:
    """All 445 rows of buckwalter_chars.tsv (CAMeL Tools @ be79ca9 char maps)."""
    rows = _rows(shared_file("data", "buckwalter_chars.tsv"))
    assert len(rows) == 445
    failures, passed = [], 0
    for source, expected, operation, _ in rows:
        op = operation.split()[2]  # e.g. ar2bw, bw2ar, bw2hsb
        src, dst = op.split("2")
        expected = "" if expected == "<deleted>" else expected
        if src == "ar":
            got = transliterate(source, CAMEL_TO_SCHEME[dst])
        elif dst == "ar":
            got = to_arabic(source, CAMEL_TO_SCHEME[src])
        else:  # between two schemes: through Arabic
            got = transliterate(to_arabic(source, CAMEL_TO_SCHEME[src]), CAMEL_TO_SCHEME[dst])
        if got == expected:
            passed += 1
        else:
            failures.append((op, source, expected, got))
    assert not failures, f"{passed}/{len(rows)} pass; failures: {failures[:20]}"
    assert passed == 445


def test_quranic_corpus_word_pairs_every_row() -> None:
    """All 3,821 Uthmani word <-> extended Buckwalter pairs of quran_buckwalter_dev.tsv."""
    rows = _rows(shared_file("data", "quran_buckwalter_dev.tsv"))
    assert len(rows) == 3821
    forward = sum(transliterate(ar, "buckwalter-quranic") == bw for ar, bw, *_ in rows)
    backward = sum(to_arabic(bw, "buckwalter-quranic") == ar for ar, bw, *_ in rows)
    assert (forward, backward) == (3821, 3821)


def test_quranic_scheme_extends_buckwalter() -> None:
    plain = load_table("translit_buckwalter", "buckwalter").mapping
    quranic = load_table("translit_buckwalter", "buckwalter-quranic").mapping
    assert all(quranic[k] == v for k, v in plain.items())
    # Corpus.quran.com's table: maddah ^, hamza above #, small high seen :, small low meem ]
    assert (quranic["\u0653"], quranic["\u0654"], quranic["\u06dc"], quranic["\u06ed"]) == ("^", "#", ":", "]")


# -- CAMeL Tools parity on the shared corpus ---------------------------------------
CORPUS_FILES = ["seed_article.txt", "classical_tashkeela.txt", "news_saudinewsnet.txt", "quran_uthmani.txt"]


@pytest.fixture(scope="module")
def corpus_sample() -> str:
    parts = []
    for name in CORPUS_FILES:
        lines = shared_file("corpus", name).read_text(encoding="utf-8").splitlines(keepends=True)
        parts.append("".join(lines[:150]))
    return "".join(parts)


@pytest.mark.parametrize("camel_name", sorted(CAMEL_TO_SCHEME))
def test_agrees_with_camel_charmapper_on_corpus(camel_name: str, corpus_sample: str) -> None:
    charmap = pytest.importorskip("camel_tools.utils.charmap")
    scheme = CAMEL_TO_SCHEME[camel_name]
    forward = charmap.CharMapper.builtin_mapper(f"ar2{camel_name}").map_string(corpus_sample)
    assert transliterate(corpus_sample, scheme) == forward
    # the reverse maps agree on the transliterated corpus (which has no Latin symbols
    # of its own once the few Latin words are left aside: compare on Arabic lines only)
    arabic_lines = "".join(
        line for line in corpus_sample.splitlines(keepends=True) if line.isascii() is False and not any(
            c.isascii() and c.isalpha() for c in line
        )
    )
    encoded = transliterate(arabic_lines, scheme)
    backward = charmap.CharMapper.builtin_mapper(f"{camel_name}2ar").map_string(encoded)
    assert to_arabic(encoded, scheme) == backward


# -- API ----------------------------------------------------------------------------
def test_schemes_listing() -> None:
    assert set(LOSSLESS_SCHEMES) == {"buckwalter", "safe-buckwalter", "xml-buckwalter", "hsb", "buckwalter-quranic"}
    assert set(ROMANIZATION_STANDARDS) == {"ala-lc", "din-31635", "iso-233", "ungegn", "bgn-pcgn"}
    assert set(SCHEMES) == set(LOSSLESS_SCHEMES) | set(ROMANIZATION_STANDARDS) | {"english", "french"}
    assert all(isinstance(d, str) and d for d in SCHEMES.values())


def test_every_lossless_scheme_has_a_table() -> None:
    from arnorm.tables import table_names

    assert set(table_names("translit_buckwalter")) == set(LOSSLESS_SCHEMES)


def test_unknown_scheme_lists_choices() -> None:
    with pytest.raises(UnknownSchemeError) as info:
        transliterate("\u0643", "buckwalter2")
    assert "buckwalter" in str(info.value) and "ala-lc" in str(info.value)
    assert info.value.name == "buckwalter2"
    assert isinstance(info.value, ValueError)
    with pytest.raises(UnknownSchemeError):
        to_arabic("k", "nope")


def test_to_arabic_refuses_lossy_schemes() -> None:
    with pytest.raises(IrreversibleSchemeError) as info:
        to_arabic("al-Qāhirah", "ala-lc")
    assert "cannot be reversed" in str(info.value)
    assert set(info.value.choices) == set(LOSSLESS_SCHEMES)


def test_bytes_and_options_errors() -> None:
    with pytest.raises(TypeError):
        transliterate(b"\xd9\x83", "buckwalter")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_arabic(b"k", "buckwalter")  # type: ignore[arg-type]
    with pytest.raises(ArnormError, match="romanization standards only"):
        transliterate("\u0643", "buckwalter", capitalize="words")


def test_ascii_fold() -> None:
    assert transliterate("\u0639\u064e\u0631\u064e\u0628", "hsb") == "\u03c2arab"
    assert transliterate("\u0639\u064e\u0631\u064e\u0628", "hsb", ascii=True) == "'arab"
    assert transliterate("\u0639\u064e\u0631\u064e\u0628", "hsb", ascii=True, marks="drop") == "arab"
    assert transliterate("\u0643\u062a\u0627\u0628", "buckwalter", ascii=True) == "ktAb"
    assert fold_ascii("Ad\u02b9ham \u02bfAbd \u0161ams") == "Adham 'Abd sams"
    assert fold_ascii("caf\u00e9") == "cafe"
    with pytest.raises(ArnormError):
        fold_ascii("x", marks="keep")  # type: ignore[arg-type]


# -- the stage ---------------------------------------------------------------------
def test_stage_scheme_literal_matches_schemes() -> None:
    from arnorm.stages.translit import SchemeName

    assert set(typing.get_args(SchemeName)) == set(SCHEMES)


STAGE_SPECS = [
    "translit",
    "translit(scheme=safe-buckwalter)",
    "translit(scheme=xml-buckwalter)",
    "translit(scheme=hsb)",
    "translit(scheme=hsb,ascii=true,marks=drop)",
    "translit(scheme=buckwalter-quranic)",
    "translit(scheme=ala-lc)",
    "translit(scheme=ala-lc,capitalize=words,ascii=true)",
    "translit(scheme=din-31635,construct=never)",
    "translit(scheme=iso-233,capitalize=first)",
    "translit(scheme=ungegn)",
    "translit(scheme=bgn-pcgn,capitalize=words)",
]
STAGES = [arnorm.Pipeline.from_spec(s) for s in STAGE_SPECS]
# The standards' own contract properties are in test_romanize.py; here the lossless
# maps and two romanizing stage configurations.
CONTRACT_SPECS = [s for s in STAGE_SPECS if "scheme=" not in s or "buckwalter" in s or "hsb" in s] + [
    "translit(scheme=ala-lc,capitalize=words,ascii=true)",
    "translit(scheme=bgn-pcgn,capitalize=words)",
]
CONTRACT_STAGES = [arnorm.Pipeline.from_spec(s) for s in CONTRACT_SPECS]
texts = st.one_of(arabic_text(), any_unicode_text(surrogates=False), st.sampled_from(NASTY))


@pytest.mark.parametrize("pipe", CONTRACT_STAGES, ids=CONTRACT_SPECS)
@given(text=texts)
@example(text="\u0627\u0644\u0642\u0627\u0647\u0631\u0629 \u0645\u062f\u0631\u0633\u0629\n\u0639\u0628\u062f\u0627\u0644\u0644\u0647")
@example(text="\u0640\u064e\u0628\u064e \u0654\u0670 \u06d6")
def test_stage_contract(pipe: arnorm.Pipeline, text: str) -> None:
    out = pipe(text)
    assert pipe(out) == out  # idempotent: the output has nothing left to transliterate
    assert [c for c in out if c in LINE_BREAKS] == [c for c in text if c in LINE_BREAKS]
    assert "".join(pipe(line) for line in text.splitlines(keepends=True)) == out


@pytest.mark.parametrize("pipe", CONTRACT_STAGES, ids=CONTRACT_SPECS)
@given(text=st.text(alphabet=st.characters(max_codepoint=0x5FF, blacklist_categories=["Cs"]), max_size=60))
def test_stage_passes_non_arabic_through(pipe: arnorm.Pipeline, text: str) -> None:
    assert pipe(text) == text


@pytest.mark.parametrize("pipe", STAGES, ids=STAGE_SPECS)
def test_stage_spec_and_pickle_round_trip(pipe: arnorm.Pipeline) -> None:
    assert arnorm.Pipeline.from_spec(pipe.spec) == pipe
    clone = pickle.loads(pickle.dumps(pipe))
    sample = "\u0623\u064e\u062e\u0652\u0628\u064e\u0627\u0631\u064f \u0633\u064f\u0648\u0631\u0650\u064a\u064e\u0651\u0629\u064e x"
    assert clone == pipe and clone(sample) == pipe(sample)


def test_lossless_stage_is_a_char_map_that_fuses() -> None:
    pipe = arnorm.Pipeline.from_spec("tatweel,translit")
    assert len(pipe.plan) == 1 and isinstance(pipe.plan[0], CharMap)
    assert pipe("\u0643\u0640\u0640\u062a\u0627\u0628") == "ktAb"
    assert pipe.stages[1].spec == "translit"


def test_stage_option_errors() -> None:
    with pytest.raises(StageOptionError) as info:
        arnorm.Pipeline.from_spec("translit(scheme=klingon)")
    assert "buckwalter" in info.value.choices
    # romanization options are ignored by the other schemes (any option combination builds)
    assert arnorm.Pipeline.from_spec("translit(scheme=hsb,capitalize=words)")("\u0643") == "k"
