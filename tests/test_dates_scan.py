"""The speed-ups of ``find_dates`` change nothing but the speed.

The windowed scan of long texts (:mod:`arnorm.dates.scan`):

* tokens: scanning only the windows gives exactly the tokens of a scan of the
  whole text (random texts of lexicon words, other words, digits, marks,
  punctuation and line breaks; and every corpus file, slow);
* matches: ``find_dates``, which also skips the windows that cannot hold a
  date, returns exactly what it returns with the whole text scanned.

And matches built by :meth:`DateMatch.of_fields` equal those of ``__init__``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
from collections.abc import Iterator

import pytest
from conftest import shared_file
from hypothesis import example, given, settings
from hypothesis import strategies as st

from arnorm.dates import find_dates
from arnorm.dates import scan as scan_module
from arnorm.dates.find import _ALONE
from arnorm.dates.lexicon import lexicon
from arnorm.dates.model import DateMatch
from arnorm.dates.tokens import Tok, scan, tokenize
from arnorm.strategies import any_unicode_text, arabic_text

CORPUS_FILES = ("news_saudinewsnet.txt", "classical_tashkeela.txt", "quran_uthmani.txt", "seed_article.txt")


def _whole(text: str) -> list[Tok]:
    toks: list[Tok] = []
    scan(toks, text, 0, len(text))
    return toks


def _key(toks: list[Tok]) -> list[tuple[object, ...]]:
    return [(t.group, t.start, t.end, t.text, dict(t.readings)) for t in toks]


@contextlib.contextmanager
def large_text(size: int) -> Iterator[None]:
    """Texts of at least ``size`` characters take the windowed path (0: all; a huge size: none)."""
    saved = scan_module.LARGE_TEXT
    scan_module.LARGE_TEXT = size
    try:
        yield
    finally:
        scan_module.LARGE_TEXT = saved


WHOLE = 1 << 62


def _forms() -> list[str]:
    return sorted(lexicon().readings)


# Pieces of text: lexicon forms (some with a glued proclitic, a mark, a hamza
# variant), words that are no date word, the joiners, digits, punctuation.
_PIECES = st.one_of(
    st.sampled_from(_forms()),
    st.sampled_from(_forms()).map(lambda w: "\u0648" + w),
    st.sampled_from(_forms()).map(lambda w: w[:1] + "\u064e" + w[1:]),
    st.sampled_from(_forms()).map(lambda w: w.replace("\u0627", "\u0623", 1)),
    st.sampled_from(["\u0642\u0627\u0644", "\u0627\u0644\u0648\u0632\u064a\u0631", "\u0639\u0628\u062f", "x", "CNN"]),
    st.sampled_from(["\u0645\u0646", "\u0641\u064a", "\u0625\u0644\u0649", "\u0648", "\u0628\u064a\u0646"]),
    st.from_regex(r"[0-9\u0660-\u0669]{1,4}([/.:\-][0-9]{1,4}){0,2}", fullmatch=True),
    st.sampled_from(["\u0647\u0640", "\u0645", "(", ")", "\u060c", ".", "-", "/", "\n", "\u00a0", "\u0640"]),
)
_SEPS = st.sampled_from([" ", " ", " ", "", "  ", " - ", "\u060c ", "\n", " / "])


@st.composite
def texts(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.tuples(_PIECES, _SEPS), max_size=60))
    return "".join(p + s for p, s in pieces)


@settings(max_examples=300)
@given(texts())
@example("\u0627\u0644\u0623\u0648\u0644\u0649 \u0641\u064a \u062f\u064a\u0633\u0645\u0628\u0631 2009")
@example("\u0642.\u0645 \u0642\u0627\u0644 \u0627\u0644\u062d\u0627\u062f\u064a \u0639\u0634\u0631")
def test_windows_give_the_tokens_of_the_whole_text(text: str) -> None:
    with large_text(0):
        assert _key(tokenize(text)) == _key(_whole(text))


# date-like texts mixed with anything: astral characters, lone surrogates, marks, other scripts
mixed_texts = st.lists(st.one_of(texts(), any_unicode_text(max_size=20), arabic_text()), max_size=4).map("".join)


@settings(max_examples=200)
@given(mixed_texts)
def test_windows_give_the_tokens_of_any_text(text: str) -> None:
    with large_text(0):
        assert _key(tokenize(text)) == _key(_whole(text))


@settings(max_examples=200)
@given(st.one_of(texts(), mixed_texts))
def test_skipped_windows_change_no_match(text: str) -> None:
    ref = datetime.date(2015, 7, 20)
    with large_text(0):
        windowed = find_dates(text, ref=ref)
    with large_text(WHOLE):
        assert find_dates(text, ref=ref) == windowed


def test_short_texts_are_scanned_whole() -> None:
    assert scan_module.windows("\u0627\u0644\u0623\u062d\u062f 2015") is None


@pytest.mark.slow
@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_tokens_and_matches_unchanged(name: str) -> None:
    text = shared_file("corpus", name).read_text(encoding="utf-8")
    whole = _whole(text)
    assert _key(tokenize(text)) == _key(whole)
    spans = {(t.group, t.start, t.end) for t in whole}
    assert {(t.group, t.start, t.end) for t in tokenize(text, _ALONE)} <= spans
    windowed = find_dates(text, ref="2015-07-20")
    with large_text(WHOLE):
        assert find_dates(text, ref="2015-07-20") == windowed


@settings(max_examples=100)
@given(texts())
def test_matches_built_from_fields_equal_those_built_by_init(text: str) -> None:
    for m in find_dates(text, ref="2015-07-20"):
        fields = {f.name: getattr(m, f.name) for f in dataclasses.fields(m)}
        again = DateMatch(**fields)
        assert (again, hash(again), repr(again)) == (m, hash(m), repr(m))


def test_of_fields_wants_every_field() -> None:
    with pytest.raises(TypeError, match="end_time"):
        DateMatch.of_fields({"start": 0})
