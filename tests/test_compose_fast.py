"""The fast ``compose`` (pair replacement, regex only after harakat) equals its definition."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from arnorm._fastmap import LARGE_INPUT
from arnorm.stages.unicode import _DECOMPOSED, COMPOSABLE_BASES, _compose_units, compose_arabic

ALPHABET = COMPOSABLE_BASES + "\u064b\u064e\u0651\u0652\u0653\u0654\u0655\u0640\u0670\u0628 \n\U0001f600\ud800"


def reference(text: str) -> str:
    return _DECOMPOSED.sub(lambda m: unicodedata.normalize("NFC", m.group()), text)


@given(st.text(alphabet=ALPHABET, max_size=40))
@example("\u0627\u0653\u0654")
@example("\u0627\u0651\u064e\u0654 \u0648\u0654")
@example("\u0653\u0627\u064e\u0655")
def test_compose_equals_regex_definition(text: str) -> None:
    assert compose_arabic(text) == reference(text)
    vectorised = _compose_units(text)
    assert vectorised is None or vectorised == reference(text)
    big = text + "\u0628" * LARGE_INPUT + text
    assert compose_arabic(big) == reference(big)


def test_every_base_and_mark_pair_composes_as_nfc() -> None:
    for base in COMPOSABLE_BASES:
        for mark in "\u0653\u0654\u0655":
            for between in ("", "\u064e", "\u0651\u064e"):
                text = "\u0628" + base + between + mark + "\u0628"
                assert compose_arabic(text) == reference(text)
