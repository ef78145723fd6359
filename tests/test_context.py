"""Context stages: tatweel by context, lone marks, invisible word breaks, hamza seats in search."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import arnorm
from arnorm.offsets import normalize_with_offsets
from arnorm.stages.context import (
    BREAKING,
    LINE_BREAKS,
    LONE,
    break_invisible,
    delete_inner_tatweel,
    drop_lone_marks,
)

SEARCH, CLEAN, ML = arnorm.preset("search"), arnorm.preset("clean"), arnorm.preset("ml")
SOCIAL = arnorm.preset("social")
BLOCKS = [*range(0x0600, 0x0700), *range(0x0750, 0x0780), *range(0x08A0, 0x0900), *range(0xFB50, 0xFE00),
          *range(0xFE70, 0xFF00)]
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئةى"
words = st.text(st.sampled_from(LETTERS), min_size=1, max_size=7)
separators = st.sampled_from([" ", "\u200f", "\u200e", "\u061c", "\u200b", " \u200f ", " \u0640\u0640 ", "  ", "\u200f "])
texts = st.text(st.sampled_from(LETTERS + " \u0640\u200f\u200b\u06d6\u064e\n\u2066\u00ad"), max_size=40)


@given(st.lists(st.tuples(words, separators), min_size=1, max_size=8))
@example([("المعايدة", "\u200f"), ("تواصلت", " ")])
def test_no_preset_merges_separated_words(pairs: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in pairs)
    for pipe in (SEARCH, CLEAN, ML, SOCIAL):
        tokens = [t for t in pipe(text).split() if set(t) != {"\u0640"}]
        assert len(tokens) == len(pairs), (pipe.spec, text)


@given(texts)
@example("a \u0640\u0640 b")
@example("\u0640 \u0640")
def test_context_stages_idempotent_and_keep_lines(text: str) -> None:
    for func in (break_invisible, drop_lone_marks, delete_inner_tatweel):
        once = func(text)
        assert func(once) == once
        assert [once.count(b) for b in LINE_BREAKS] == [text.count(b) for b in LINE_BREAKS]


@given(texts)
def test_context_stage_offsets_are_exact(text: str) -> None:
    for name in ("lone_marks", "tatweel(where=inside)", "invisible"):
        stage = arnorm.Pipeline([name])
        out, alignment = normalize_with_offsets(stage, text)
        assert out == stage(text)
        assert alignment.to_original(0, len(out)) == (0, len(text))


@given(texts)
def test_search_leaves_no_double_space_where_input_had_none(text: str) -> None:
    # Known limit: a combining mark standing alone after a space (" \u064e ") still
    # leaves two spaces; lone_marks looks only for spacing characters.
    if "  " not in text and " \u064e" not in text:
        assert "  " not in SEARCH(text)


def test_every_arabic_code_point_between_letters_under_lone_marks_and_breaks() -> None:
    # Exhaustive over the Arabic blocks: only the listed characters are ever touched.
    for cp in BLOCKS:
        char = chr(cp)
        inside = "ب" + char + "ب"
        assert break_invisible(inside) == ("ب ب" if char in BREAKING else inside)  # only U+061C ALM
        lone = "ب " + char + " ب"
        assert drop_lone_marks(lone) == ("ب ب" if char in LONE else lone)
        kept = delete_inner_tatweel(inside)
        assert kept == ("بب" if char == "\u0640" else inside)
    assert set(BREAKING) <= set(LONE)


@pytest.mark.parametrize(
    ("text", "clean", "search"),
    [
        # A tatweel between spaces is a dash in news text (SaudiNewsNet, 260 times in 108 lines).
        ("الإحصائية ــ اطلعت", "الإحصائية ــ اطلعت", "الاحصاءيه اطلعت"),
        # هـ abbreviates the Hijri era (هجري); clean keeps it.
        ("عام 1440 هـ", "عام 1440 هـ", "عام 1440 ه"),
        # Elongation between joining letters is deleted everywhere.
        ("جمـــيل", "جميل", "جميل"),
        # A tatweel carrying marks (Uthmani hamza on a tooth) is not elongation: clean keeps it
        # rather than stacking its marks on the letter before.
        ("يَسْـَٔلُونَ", "يَسْـَٔلُونَ", "يسالون"),
        # A bidi mark that is the only separator between two words is a space.
        ("المعايدة\u200fتواصلت", "المعايدة تواصلت", "المعايده تواصلت"),
    ],
)
def test_tatweel_and_breaks_by_context(text: str, clean: str, search: str) -> None:
    assert CLEAN(text) == clean
    assert SEARCH(text) == search


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Hamza-seat variants: the older/Egyptian convention (ئ before و, ء on the line) and the
        # Cairo Academy rules (ؤ) spell the same word (counts in SaudiNewsNet: مسئول 58, مسؤول 1,246).
        ("مسئول", "مسؤول"),
        ("شئون", "شؤون"),
        ("يقرءون", "يقرؤون"),
        ("رءوف", "رؤوف"),
    ],
)
def test_search_hamza_seat_variants_meet(a: str, b: str) -> None:
    assert SEARCH(a) == SEARCH(b)


@pytest.mark.parametrize(("a", "b"), [("سئل", "سأل"), ("مؤمن", "ممن"), ("رءوف", "روف"), ("بيئة", "بيت")])
def test_search_keeps_different_words_apart(a: str, b: str) -> None:
    assert SEARCH(a) != SEARCH(b)
