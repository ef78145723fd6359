"""The ``uthmani`` stage over UTF-16 code units with NumPy (long Uthmani texts).

:func:`arnorm.stages.uthmani.uthmani_to_standard` rewrites, on every line
that holds Uthmani evidence, each word (a maximal run of
:data:`~arnorm.stages._uthmani_rules.LETTERS_AND_MARKS`) that
:data:`~arnorm.stages._uthmani_rules.FEATURE` matches with
:func:`~arnorm.stages._uthmani_rules.standard_word`.  This module serves the
stage on long texts with many such lines:

* :func:`evidence_blocks` finds the runs of lines with evidence in one NumPy
  pass, so that the plain stage rewrites each run with one split, one
  dictionary lookup per token (in C) and one join;
* :func:`fast_uthmani` computes the rewritten text *and one edit row per
  rewritten word* (the ``with_edits`` hook, for exact offsets) without
  visiting each word in Python: word by word that path ran at about 1 MB/s on
  the Quran.  Most words are rewritten in place by character rules that give
  exactly what ``standard_word`` gives on them; only the words whose rules
  look further go through ``standard_word`` (memoized per word).

**Simple words** (the character rules): alef wasla -> alef; a dagger alef ->
alef (on a bare waw the waw becomes alef, on a final alef maksura without
vowel it goes); Quranic marks and the maddah deleted; small waw and yeh ->
waw and yeh, or deleted after a word-final heh; alef maksura -> yeh inside a
word, with a vowel or shadda, or after a kasra; an alef with a rounded zero
deleted before a yeh or after an alef, its rounded zero otherwise.

**Complex words** (``standard_word``): a hamza on the line, a madda letter or a
combining hamza, a tatweel, a small high yeh, noon or seen, the place of
sajdah; a word starting with a mark; the particles يٰ/هٰ, a wasla before a lam
with shadda, a dagger alef that one of the ``dagger_silent`` stems may own, a
final ىِ, a rounded zero on a yeh or where the plural-alef rules may apply, a
medial alef maksura with dagger alef; a run of marks too long to look through.
The conditions are conservative: a word that might need the whole rules is
complex.  ``tests/test_fast_paths.py`` checks both functions against the
word-by-word path on generated text and on the reference corpus.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from typing import Any, cast

from .._fastmap import bmp_units, by_line_slices, compact, numpy
from ..chars import LINE_BREAKS
from ._uthmani_rules import FEATURE, standard_word
from ._uthmani_vec import (
    _ALEF,
    _BREAK,
    _CAND,
    _COMPLEX,
    _HAMZA,
    _LM,
    _PAD,
    _STRONG,
    _STRONG_CHARS,
    Cells,
    char_set,
    dagger_alef,
    maksura,
    rounded_zero,
    small_letters,
    spread,
    tables,
    wasla,
)

__all__ = ["evidence_blocks", "fast_uthmani", "rewrite_word"]

_WORD_CACHE: dict[str, str] = {}
_WORD_CACHE_SIZE = 1 << 17
#: The word-by-word path: a text's rewriting and its edit rows ``(start, end, out_start, out_end)``.
Slow = Callable[[str], "tuple[str, list[tuple[int, int, int, int]]]"]


def evidence_blocks(text: str) -> list[tuple[int, int]] | None:
    """The ``(start, end)`` of each run of consecutive lines of ``text`` that hold Uthmani
    evidence (a STRONG code point, or ``ءَا``), each line with its "\\n".

    ``None`` where this does not apply: without NumPy, or for text with line breaks
    other than "\\n" (lines would not be ``str.splitlines`` lines), astral characters
    or lone surrogates (code units would not be characters).
    """
    np = numpy()
    if np is None:
        return None
    units = bmp_units(np, text)
    if units is None:
        return None
    table = _evidence_table()
    found = np.flatnonzero(table.take(units))
    kinds = table[units[found]]
    if (kinds & 2).any():
        return None
    evidence = found[(kinds & 1) != 0]
    hamzas = found[(kinds & 4) != 0]
    hamzas = hamzas[hamzas + 2 < len(units)]
    madda = hamzas[(units[hamzas + 1] == 0x064E) & (units[hamzas + 2] == _ALEF)]
    if len(madda):
        evidence = np.concatenate((evidence, madda))
    if not len(evidence):
        return []
    newlines = np.flatnonzero(units == 0x0A)
    lines = np.zeros(len(newlines) + 3, dtype=np.int8)  # the lines, and one without evidence on each side
    lines[np.searchsorted(newlines, evidence) + 1] = 1
    change = np.flatnonzero(np.diff(lines))  # runs of lines with evidence: [first, last + 1)
    bounds = np.concatenate(([0], newlines + 1, [len(units)]))
    return list(zip(bounds[change[0::2]].tolist(), bounds[change[1::2]].tolist()))


@functools.cache
def _evidence_table() -> Any:
    """uint8 over the 64K code units: 1 a STRONG code point, 2 a line break other than "\\n", 4 hamza."""
    np = numpy()
    table = np.zeros(0x10000, dtype=np.uint8)
    for c in _STRONG_CHARS:
        table[ord(c)] = 1
    for c in LINE_BREAKS[1:]:
        table[ord(c)] = 2
    table[_HAMZA] = 4
    return table


def rewrite_word(word: str) -> str:
    """A word through the word rules, as the stage does (FEATURE first), memoized."""
    new = _WORD_CACHE.get(word)
    if new is None:
        new = standard_word(word) if FEATURE.search(word) else word
        if len(_WORD_CACHE) >= _WORD_CACHE_SIZE:
            _WORD_CACHE.clear()
        _WORD_CACHE[word] = new
    return new


def fast_uthmani(text: str, slow: Slow, rows: bool = False) -> tuple[str, Any] | None:
    """``uthmani_to_standard(text)`` (and, with ``rows``, one edit row per rewritten
    word as an ``(n, 4)`` array), by slices of whole lines; ``None`` without NumPy.

    A slice with astral characters or lone surrogates (code units would not be
    characters) takes ``slow``, the word-by-word path (text and edit rows).
    """
    np = numpy()
    if np is None:
        return None
    return by_line_slices(np, text, rows, lambda part: _slice(np, part, rows), slow)


def _slice(np: Any, text: str, rows: bool) -> tuple[str, Any] | None:
    """:func:`fast_uthmani` on one slice of whole lines; ``None`` where code units are not characters."""
    units = bmp_units(np, text)
    if units is None:
        return None
    found = _cells(np, units)
    if found is None:
        return text, np.zeros((0, 4), dtype=np.int64)
    cells, bounds = found
    for rule in (dagger_alef, rounded_zero, wasla, small_letters, maksura):
        rule(np, cells)
    return _apply(np, text, cells, bounds, rows)


def _cells(np: Any, units: Any) -> tuple[Cells, Any] | None:
    """The candidates of a slice, on its lines with evidence, and the bounds of its
    words (every unit outside words); ``None`` when nothing can change."""
    n = len(units)
    flags_t, _, class1_t, is_mark = tables()
    flags = flags_t.take(units)
    cand = np.flatnonzero((flags & _CAND) != 0)
    cflags = flags[cand]
    cu = units[cand]
    # lines with evidence: a STRONG code point, or hamza + fatha + alef
    evidence = cand[(cflags & _STRONG) != 0]
    hamzas = cand[(cu == _HAMZA) & (cand + 2 < n)]
    madda = hamzas[(units[hamzas + 1] == 0x064E) & (units[hamzas + 2] == _ALEF)]
    evidence = np.concatenate((evidence, madda))
    if not len(evidence):
        return None
    bounds = np.flatnonzero((flags & _LM) == 0)
    breaks = bounds[(flags[bounds] & _BREAK) != 0]
    if len(breaks):
        lines = np.zeros(len(breaks) + 1, dtype=bool)
        lines[np.searchsorted(breaks, evidence)] = True
        if not lines.all():
            keep = lines[np.searchsorted(breaks, cand)]
            cand, cflags, cu = cand[keep], cflags[keep], cu[keep]
    padded = np.concatenate(([-1], bounds, [n]))
    wi = np.searchsorted(bounds, cand)
    pu = np.full(n + 2 * _PAD, 0x20, dtype=np.uint16)
    pu[_PAD:-_PAD] = units
    nwords = len(bounds) + 1
    cells = Cells(units, pu, cand, cu, cflags, wi, padded[wi] + 1, padded[wi + 1],
                  np.zeros(nwords, dtype=bool), np.zeros(nwords, dtype=bool))
    cells.complex_w[wi[char_set(_COMPLEX)[cu]]] = True
    cells.complex_w[wi[is_mark[units[cells.ws]]]] = True  # a word starting with a mark: its clusters are not ours
    cells.feature_w[wi[class1_t[cu]]] = True
    # marks are deleted, except the dagger alef and the rounded zero, which have rules
    plain = ((cflags & 2) != 0) & (cu != 0x0670) & (cu != 0x06DF)
    cells.dels.append((cand[plain], wi[plain]))
    cells.reps.append((cand[:0], cu[:0], wi[:0]))
    return cells, padded


def _complex_words(np: Any, units: Any, padded: Any, cw: Any) -> tuple[Any, Any, Any, list[str]]:
    """The complex words ``cw`` that ``standard_word`` changes: their indexes, starts,
    lengths and new spellings.  Every loop over the words runs in C: the words are
    gathered into one string, one space after each (no word holds one), and split."""
    if not len(cw):
        return cw, cw, cw, []
    starts = padded[cw] + 1
    lengths = padded[cw + 1] - starts
    ends = np.cumsum(lengths + 1)
    gathered = np.full(int(ends[-1]), 0x20, dtype=np.uint16)
    slots = np.ones(len(gathered), dtype=bool)
    slots[ends - 1] = False
    gathered[slots] = units[spread(np, starts, lengths)]
    words = str(memoryview(gathered), "utf-16-le").split(" ")[:-1]
    found = list(map(_WORD_CACHE.get, words))
    if None in found:
        found = [rewrite_word(word) if new is None else new for word, new in zip(words, found)]
    news = cast("list[str]", found)
    moved = np.array(list(map(str.__ne__, words, news)), dtype=bool)
    if not moved.all():
        news = list(itertools.compress(news, moved.tolist()))
        cw, starts, lengths = cw[moved], starts[moved], lengths[moved]
    return cw, starts, lengths, news


def _apply(np: Any, text: str, c: Cells, padded: Any, rows: bool) -> tuple[str, Any]:
    """The slice with the simple words' edits applied and the complex words rewritten."""
    ok_w = c.feature_w & ~c.complex_w
    rp, rv, rw = (np.concatenate([r[k] for r in c.reps]) for k in range(3))
    good = ok_w[rw]
    rp, rv, rw = rp[good], rv[good], rw[good]
    dp = [d[0][ok_w[d[1]]] for d in c.dels]
    for s, e, w in c.spans:
        good = ok_w[w]
        dp.append(spread(np, s[good], e[good] - s[good]))
    cw, cs, cl, news = _complex_words(np, c.units, padded, np.flatnonzero(c.complex_w))
    if news:
        dp.append(spread(np, cs, cl))
    deleted = np.concatenate(dp)
    if not len(rp) and not len(deleted):
        return text, np.zeros((0, 4), dtype=np.int64)
    out = c.units.copy()
    out[rp] = rv
    keep = np.ones(len(out), dtype=bool)
    keep[deleted] = False
    result = compact(np, out, keep)
    gone = np.flatnonzero(~keep)
    new_len = np.fromiter(map(len, news), dtype=np.int64, count=len(news))
    if news:
        inserted = np.frombuffer("".join(news).encode("utf-16-le"), dtype=np.uint16)
        result = np.insert(result, np.repeat(cs - np.searchsorted(gone, cs), new_len), inserted)
    string = str(memoryview(result), "utf-16-le")
    return string, _word_rows(np, padded, rw, gone, cw, new_len) if rows else None


def _word_rows(np: Any, padded: Any, replaced: Any, gone: Any, cw: Any, new_len: Any) -> Any:
    """One row ``(start, end, out_start, out_end)`` per rewritten word: the words of
    the units ``replaced`` or ``gone`` (deleted), and the complex words ``cw``."""
    bounds = padded[1:-1]
    nwords = len(bounds) + 1
    changed_w = np.zeros(nwords, dtype=bool)
    changed_w[replaced] = True
    dropped = np.bincount(np.searchsorted(bounds, gone), minlength=nwords)
    changed_w[dropped > 0] = True
    word_new = (padded[1:] - padded[:-1] - 1) - dropped
    word_new[cw] = new_len
    ids = np.flatnonzero(changed_w)
    start_col = padded[ids] + 1
    end_col = padded[ids + 1]
    length = word_new[ids]
    shift = np.zeros(len(ids), dtype=np.int64)
    np.cumsum((length - (end_col - start_col))[:-1], out=shift[1:])
    out_start = start_col + shift
    return np.stack((start_col, end_col, out_start, out_start + length), axis=1)
