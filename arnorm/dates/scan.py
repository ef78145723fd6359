"""Where a long text can hold date tokens: one vectorised pass that skips the rest.

Scanning a whole news text with the token pattern costs ~0.3 s per MB: the
pattern is tried at every space, and most words are no date word.  This
module finds, with a handful of NumPy passes over the code points, the
*windows* of a text that may hold a token; :func:`arnorm.dates.tokens.tokenize`
then runs the token pattern over those windows only.  The tokens are exactly
those of a scan of the whole text (``tests/test_dates_scan.py`` checks it on
every corpus file and on random texts).

Why that holds.  A *breaking word* is a maximal run of letters (and marks)
that is no lexicon word nor any word of a multi-word lexicon form, with or
without a glued ``و``/``ف``/``ب``/``ل``, and that stands between two
*boundary* characters (those the token pattern may consume before a token:
neither a word character nor a mark) or the ends of the text.  No token can
start inside a breaking word, end inside it or span it, so a scan started at
the boundary character after one finds exactly the tokens a scan of the whole
text finds there.  The text between two breaking words is a window; a window
with no lexicon word and no digit holds no token and is skipped.

With ``alone`` (the reading kinds that make a date by themselves, such as
``wd`` for ``الأحد``), a window that holds a single token is skipped too,
unless the token is a word with one of those kinds or a number of four
digits (``في 2013``, ``(2009)``): any other date takes two tokens (a number
and a month, an era, a separator and a number ...), and a token a breaking
word away from every other token joins none.  The tokens are then those of
every window that can hold a date, and the matches the same
(``tests/test_dates_scan.py`` checks both).

Lexicon words are recognised by a key computed with cumulative sums (the
count of letters after the lexicon's folding, the sum of their indices, and
the sum of each index times its place in the word): a
collision can only err towards a lexicon word, which makes a window longer,
never shorter.  The text is processed in slices of :data:`SLICE` characters
cut at spaces, so that the buffers stay in cache.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from .._fastmap import numpy
from .lexicon import _FOLD_TABLE, _MARKS, DIGITS, fold, lexicon

__all__ = ["LARGE_TEXT", "SLICE", "windows"]

#: Texts shorter than this are scanned whole: below it the NumPy passes cost more than they save.
LARGE_TEXT = 4096
#: Texts are processed in slices of about this many characters.
SLICE = 1 << 16

_OTHER, _LETTER, _MARK, _BOUNDARY, _DIGIT = 0, 1, 2, 3, 4
_PROCLITICS = "\u0648\u0641\u0628\u0644"
# Bits of the key: letters (6), sum of indices (12), of index x place (17).
# Words that may join two tokens without being tokens: besides the lexicon's
# gap words (من, في), the range connectors of grammar_range (إلى, وإلى; و after بين).
_JOINERS = ("\u0627\u0644\u064a", "\u0648\u0627\u0644\u064a", "\u0648")
_FILTER_BITS = 22
_FILTER_SIZE = 1 << _FILTER_BITS


@dataclass(frozen=True)
class _Tables:
    """The lookup tables over the BMP and the keys of the lexicon words."""

    kind: Any  #: code point -> _OTHER, _LETTER ...
    value: Any  #: code point -> index (from 1) of its folded letter, 0 for a non-letter
    proclitic: Any  #: code point -> whether it is a one-letter proclitic
    keys: Any  #: key filter (see :func:`_slot`) of every letter run of every lexicon form
    first_keys: Any  #: key filter of the first letter run of each form a proclitic may precede
    alone_keys: Any  #: key filter of the one-run forms with an ``alone`` reading
    alone_first_keys: Any  #: the same, for forms a proclitic may precede
    joiner_keys: Any  #: key filter of the words that join tokens (never breaking words)


@functools.cache
def _tables(alone: frozenset[str]) -> _Tables:
    """The tables; boundary characters are computed with the stdlib ``re``, the
    engine of the token pattern, so that both agree on every code point."""
    np = numpy()
    readings = lexicon().readings
    runs = re.compile(r"[^\W\d_]+")  # the letter runs of a form (``ق.م`` has two)
    words = {w for form in readings for w in runs.findall(form)}
    # forms of three letters or more may follow a proclitic (see lexicon._build_pattern)
    firsts = {runs.findall(form)[0] for form in readings if len(form.replace(" ", "")) >= 3}
    lone = {w for w in words if not alone.isdisjoint(readings.get(w, ()))}
    joiners = {fold(w) for w in (*lexicon().gap_words, *_JOINERS)}
    index = {c: i + 1 for i, c in enumerate(sorted({c for w in words | joiners for c in w}))}
    assert len(index) < 40, "the key's bit widths assume fewer than 40 letters"
    # over every code point, so that no clipping pass is needed; astral ones stay "other"
    value = np.zeros(0x110000, dtype=np.uint8)
    kind = np.zeros(0x110000, dtype=np.uint8)
    mark, digit, word_char = (re.compile(f"[{c}]") for c in (_MARKS, DIGITS, rf"\w{_MARKS}"))
    for cp in range(0x10000):
        char = chr(cp)
        folded = char.translate(_FOLD_TABLE)
        if folded in index:
            value[cp], kind[cp] = index[folded], _LETTER
        elif mark.match(char):
            kind[cp] = _MARK
        elif digit.match(char):
            kind[cp] = _DIGIT
        elif not word_char.match(char):
            kind[cp] = _BOUNDARY
    proclitic = np.zeros(0x110000, dtype=bool)
    proclitic[[ord(c) for c in _PROCLITICS]] = True

    def keys(group: set[str]) -> Any:
        table = np.zeros(_FILTER_SIZE, dtype=bool)
        table[_slot(np, np.array([_key_of(np, [index[c] for c in w]) for w in group], dtype=np.int64))] = True
        return table

    return _Tables(kind, value, proclitic, keys(words), keys(firsts), keys(lone), keys(lone & firsts), keys(joiners))


def _key_of(np: Any, values: list[int]) -> int:
    """The key of one word given as letter indices; see :func:`_pack`."""
    count, s1, s2 = len(values), sum(values), sum(i * v for i, v in enumerate(values))
    return int(_pack(np, np.int64(count), np.int64(s1), np.int64(s2)))


def _pack(np: Any, count: Any, s1: Any, s2: Any) -> Any:
    """Letter count, sum of indices and sum of index x place packed in one int64.

    The fields overlap for words of more than 63 letters, longer than any
    lexicon word: their keys are arbitrary, and at worst taken for lexicon keys.
    """
    return ((count << 12 | s1) << 17) | s2


def _slot(np: Any, keys: Any) -> Any:
    """Slots in a key filter (a one-hash Bloom filter) of int64 keys: Fibonacci hashing.

    A false positive (a word taken for a lexicon word) only lengthens a window.
    """
    return (keys.view(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(64 - _FILTER_BITS)


def _slice(np: Any, t: _Tables, cps: Any, last: bool) -> tuple[Any, Any, Any, Any]:
    """``(breaking starts, breaking ends, trigger starts, strong trigger starts)`` of one slice.

    Triggers are the lexicon runs and the digit runs; strong ones are the
    lexicon runs that may be a word with an ``alone`` reading and the runs of
    four digits.  The slice starts at the text start or at a space, and ends at
    the text end (``last``) or before a space: a letter run never crosses its ends.
    """
    kind = np.take(t.kind, cps)  # np.take: five times faster than kind[cps] here
    in_run = (kind == _LETTER) | (kind == _MARK)
    edges = np.diff(in_run.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    value = np.take(t.value, cps)
    place = np.cumsum(value > 0, dtype=np.int64)
    sums = [np.concatenate(([0], x)) for x in (place, np.cumsum(value, dtype=np.int64), np.cumsum(value * place))]
    count, s1, s2 = (c[ends] - c[starts] for c in sums)
    s2 -= (sums[0][starts] + 1) * s1  # each index times its place in its own word, from 0
    whole = _slot(np, _pack(np, count, s1, s2))
    hit = np.take(t.keys, whole)
    strong = np.take(t.alone_keys, whole)
    # the same runs without a glued proclitic (its index drops out, the others move up a place)
    clitic = np.flatnonzero(np.take(t.proclitic, cps[starts]))
    first, c1 = value[starts[clitic]].astype(np.int64), s1[clitic]
    rest = _slot(np, _pack(np, count[clitic] - 1, c1 - first, s2[clitic] - (c1 - first)))
    hit[clitic] |= np.take(t.first_keys, rest)
    strong[clitic] |= np.take(t.alone_first_keys, rest)
    before = np.ones(len(starts), dtype=bool)
    before[starts > 0] = kind[starts[starts > 0] - 1] == _BOUNDARY
    after = np.ones(len(ends), dtype=bool)
    inner = ends < len(cps)
    after[inner] = kind[ends[inner]] == _BOUNDARY
    if not last:
        after[~inner] = True  # a space follows the slice
    breaking = ~hit & ~np.take(t.joiner_keys, whole) & before & after
    digit_edges = np.diff((kind == _DIGIT).view(np.int8), prepend=np.int8(0), append=np.int8(0))
    d_starts = np.flatnonzero(digit_edges == 1)
    four = np.flatnonzero(digit_edges == -1) - d_starts == 4
    runs = np.concatenate((starts[hit], d_starts))
    return starts[breaking], ends[breaking], runs, np.concatenate((starts[strong], d_starts[four]))


def windows(text: str, alone: frozenset[str] | None = None) -> list[tuple[int, int]] | None:
    """The ``(start, end)`` windows of ``text`` that may hold tokens, in order; None = scan it whole.

    A window after the first starts at the boundary character that follows
    a breaking word (the token pattern consumes it); the first starts at 0.
    With ``alone``, the windows that may hold a date (see the module docstring).
    """
    np = numpy()
    if np is None or not text or len(text) < LARGE_TEXT:
        return None
    t = _tables(alone or frozenset())
    found: list[tuple[Any, ...]] = []
    lo, n = 0, len(text)
    while lo < n:
        hi = text.find(" ", lo + SLICE)
        hi = n if hi < 0 else hi
        cps = np.frombuffer(text[lo:hi].encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        found.append(tuple(a + lo for a in _slice(np, t, cps, hi == n)))
        lo = hi
    b_starts, b_ends, runs, strong = (np.concatenate(parts) for parts in zip(*found, strict=True))
    in_window = np.sort(np.searchsorted(b_starts, runs, side="right"))
    strong_windows = np.searchsorted(b_starts, strong, side="right")
    if alone is None:
        wanted = np.unique(in_window)
    else:  # two triggers, or a strong one
        wanted = np.union1d(in_window[1:][in_window[1:] == in_window[:-1]], strong_windows)
    if not len(wanted):
        return []
    # (merging windows a short breaking word apart saves nothing: measured)
    lows = np.concatenate(([0], b_ends))[wanted]
    highs = np.concatenate((b_starts, [n]))[wanted]
    return list(zip(lows.tolist(), highs.tolist(), strict=True))
