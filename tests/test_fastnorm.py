"""The vectorised NFC/NFKC equals ``unicodedata.normalize`` exactly."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from arnorm._fastnorm import _normalize_slice, normalize
from arnorm.strategies import any_unicode_text, arabic_text

MARKS = st.sampled_from(
    ["\u064e", "\u0651", "\u0650", "\u064b", "\u0652", "\u0670", "\u0653", "\u0654", "\u0655", "\u06e5", "\u06df",
     "\u0301", "\u0327", "\u1161", "\u11a8", "\u3099", "\u0345"]
)
BASES = st.sampled_from(["\u0627", "\u0648", "\u064a", "\u0628", "a", "e", "\u1100", "\uac00", "\u304b", " ", "\n"])
ODD = st.sampled_from(["\ufefb", "\ufdf2", "\ufb50", "\u00c5", "\u212b", "\U0001d15e", "\U00011099\U000110ba",
                       "\u0f73", "\u0344", "\ufb2c", "\u1e9b\u0323"])
COMBINING = st.lists(st.one_of(BASES, MARKS, ODD), max_size=40).map("".join)
TEXTS = st.one_of(COMBINING, arabic_text(), any_unicode_text(surrogates=False))


@pytest.mark.parametrize("form", ["NFC", "NFKC"])
@given(text=TEXTS)
@example(text="\u0628\u0651\u064e\u0627\u0653")
@example(text="\u0627\u064e\u0654\u0651\u064e")
@example(text="\u0651\u064e")
@example(text="\u0628\u0627\u0653\u0628 \u0648\u0654\u0628 \u0628\u0653\u0628")  # lone pairs composed in place
@example(text="\u1100\u1161 \u0627\u0653\u0628\uffff")  # Hangul by rule; a U+FFFF of the text's own
@example(text="\u0628\u0670\u064e\u0650")  # a run of three: the first pair alone is out of order
def test_equals_unicodedata(form: str, text: str) -> None:
    expected = unicodedata.normalize(form, text)
    assert _normalize_slice(form, text) in (expected, None)  # type: ignore[arg-type]
    big = (text + "\n") * (5000 // (len(text) + 1) + 2)
    assert normalize(form, big) == unicodedata.normalize(form, big)


@pytest.mark.parametrize("form", ["NFC", "NFKC"])
def test_every_bmp_code_point_after_a_letter_and_before_marks(form: str) -> None:
    """Exhaustive: each BMP code point between a letter and a pair of marks out of order."""
    cps = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
    text = "\n".join("\u0627" + c + "\u0651\u064e" + "\u0627\u0653" for c in cps)
    assert normalize(form, text) == unicodedata.normalize(form, text)


ARABIC_MARKS = [chr(c) for c in [*range(0x064B, 0x0656), 0x0670, *range(0x06D6, 0x06EE)]]


@pytest.mark.parametrize("form", ["NFC", "NFKC"])
def test_every_run_of_up_to_three_arabic_marks(form: str) -> None:
    """Exhaustive: every sequence of one to three Arabic marks after alef and after beh."""
    runs = [a + b + c for a in ARABIC_MARKS for b in ARABIC_MARKS for c in ["", *ARABIC_MARKS]]
    for base in ("\u0627", "\u0628"):
        text = "\n".join(base + run + "\u0628" for run in runs)
        assert normalize(form, text) == unicodedata.normalize(form, text)


def test_lone_surrogates_and_other_forms_decline() -> None:
    assert normalize("NFC", "\ud800" * 5000) is None
    assert normalize("NFD", "a" * 5000) is None
