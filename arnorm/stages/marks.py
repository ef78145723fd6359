"""``marks``: one canonical order of the harakat, never two of one class on a letter.

The same vocalized word is typed in several ways that look alike:

* **Order of marks.** Shadda before or after its vowel (``شَدَّ`` typed
  U+0651 U+064E or U+064E U+0651).  The marks of a letter are put in Unicode
  canonical order (by canonical combining class, as NFC and NFD do: tanwin,
  fatha, damma, kasra, shadda, sukun, then the others), without composing or
  decomposing anything, so base letters never change.
* **Tanwin and alef.** The fathatan of an accusative is written on the
  letter before the alef (``شكرًا``, the Tanzil / King Fahd Complex spelling
  and the modern school rule) or on the alef (``شكراً``).  A fathatan on a
  word-final alef (or alef maksura) moves to the letter before it; a fatha
  already there becomes the fathatan (the vowel is one).
* **Stacked marks.** Two marks of one class on one letter (two harakat,
  two tanwin, two shaddas, two sukuns) keep only the last one typed.

The classes are those of ``arnorm/data/diacritics.json`` (tanwin
U+064B-U+064D; harakat U+064E-U+0650; shadda U+0651; sukun U+0652).  Used by
``clean``; a function stage with exact offsets (``with_edits``).
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from .._fastmap import LARGE_INPUT, bmp_units, by_line_slices, compact, numpy
from ..registry import register
from ..stage import FunctionStage, Stage
from ._common import Splice, splice

FATHATAN, FATHA, SHADDA = "\u064b", "\u064e", "\u0651"
#: The combining marks of the Arabic block that this stage orders.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
_RUN = re.compile(f"[{_MARKS}]{{2,}}")
#: A fathatan on a word-final alef or alef maksura, with the marks of the letter before.
_TANWIN_ALEF = re.compile(
    f"(?<=[^\\W\\d_])([{_MARKS}]*)([\\u0627\\u0649])([{_MARKS}]*\\u064b[{_MARKS}]*)(?![{_MARKS}]|[^\\W\\d_])"
)
#: Where a fathatan on an alef can be: the alef (or alef maksura) and its marks; the full
#: pattern above is tried only there (its look-behind at every position is slow).
_CANDIDATE = re.compile(f"[\\u0627\\u0649][{_MARKS}]*\\u064b")
_MARK_SET = frozenset(c for c in map(chr, range(0x0610, 0x06EE)) if re.fullmatch(f"[{_MARKS}]", c))
_CLASSES = {"\u064b": 0, "\u064c": 0, "\u064d": 0, "\u064e": 1, "\u064f": 1, "\u0650": 1, SHADDA: 2, "\u0652": 3}


@functools.lru_cache(maxsize=4096)
def canonical_run(marks: str) -> str:
    """The marks of one letter without same-class repeats (last kept), in canonical order."""
    last: dict[object, str] = {}
    for mark in marks:
        last[_CLASSES.get(mark, mark)] = mark
    kept = [m for i, m in enumerate(marks) if last[_CLASSES.get(m, m)] == m and m not in marks[i + 1:]]
    return "".join(sorted(kept, key=unicodedata.combining))


def _tanwin(match: re.Match[str]) -> str:
    marks, alef, on_alef = match.group(1), match.group(2), match.group(3)
    marks = marks.replace(FATHA, "").replace(FATHATAN, "")
    return canonical_run(marks + FATHATAN) + alef + canonical_run(on_alef.replace(FATHATAN, ""))


def _tanwin_edits(text: str) -> Iterator[Splice]:
    return _tanwin_edits_at(text, (candidate.start() for candidate in _CANDIDATE.finditer(text)))


def _tanwin_edits_at(text: str, candidates: Iterable[int]) -> Iterator[Splice]:
    """The tanwin edits at ``candidates``, the starts of the matches of :data:`_CANDIDATE` (in order)."""
    end = 0
    for start in candidates:
        while start > end and text[start - 1] in _MARK_SET:  # the marks of the letter before
            start -= 1
        match = _TANWIN_ALEF.match(text, start)
        if match is not None:
            end = match.end()
            yield match.start(), end, _tanwin(match)


def _edits(text: str) -> list[Splice]:
    tanwin: list[Splice] = []
    if FATHATAN in text:
        tanwin = list(_tanwin_edits(text))
    starts = [start for start, _, _ in tanwin]
    edits = list(tanwin)
    for match in _RUN.finditer(text):
        run = match.group()
        new = canonical_run(run)
        if new == run:
            continue
        k = bisect.bisect_right(starts, match.start()) - 1  # the tanwin edit that may cover this run
        if k < 0 or not tanwin[k][0] <= match.start() < tanwin[k][1]:
            edits.append((match.start(), match.end(), new))
    edits.sort(key=lambda edit: edit[0])
    return edits


def canonical_marks(text: str) -> str:
    """Put the marks of every letter in one canonical order (see the module docstring)."""
    if len(text) >= LARGE_INPUT:
        fast = fast_marks(text)
        if fast is not None:
            return fast[0]
    return splice(text, _edits(text))[0]


def _with_edits(text: str) -> tuple[str, Any]:
    if len(text) >= LARGE_INPUT:
        fast = fast_marks(text, rows=True)
        if fast is not None:
            return fast[0], fast[1]
    return splice(text, _edits(text))


canonical_marks.with_edits = _with_edits  # type: ignore[attr-defined]


# -- the same edits located with NumPy over UTF-16 code units (long texts) -------------------------

_DEL = 0xFFFF  # "no code unit" in the run tables (U+FFFF is not a mark)
#: Characters per slice (whole lines): few NumPy calls per slice, buffers still in cache.
_SLICE = 1 << 18
_SORTED_MARKS = sorted(_MARK_SET)


@functools.cache
def _tables() -> tuple[Any, Any, Any, Any]:
    """``(index, table, changed, letter)``: each mark's index in :data:`_SORTED_MARKS`
    (255 for any other unit); the canonical run of every run of two marks, as two
    units (``_DEL``: none), and whether it differs from the run; and which units
    are letters for ``[^\\W\\d_]`` (the look-around of :data:`_TANWIN_ALEF`)."""
    np = numpy()
    marks = _SORTED_MARKS
    index = np.full(0x10000, 255, dtype=np.uint8)
    for i, mark in enumerate(marks):
        index[ord(mark)] = i
    k = len(marks)
    table = np.full((k * k, 2), _DEL, dtype=np.uint16)
    changed = np.zeros(k * k, dtype=bool)
    for i, a in enumerate(marks):
        for j, b in enumerate(marks):
            new = canonical_run(a + b)
            table[i * k + j, : len(new)] = [ord(c) for c in new]
            changed[i * k + j] = new != a + b
    bmp = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
    letter = np.zeros(0x10000, dtype=bool)
    letter[[ord(c) for c in re.findall(r"[^\W\d_]", bmp)]] = True
    return index, table, changed, letter


def fast_marks(text: str, rows: bool = False) -> tuple[str, Any] | None:
    """:func:`canonical_marks` (and, with ``rows``, its edit rows as an ``(n, 4)`` array)
    over UTF-16 code units.

    Runs of two marks go through a table, longer runs through
    :func:`canonical_run` once per distinct run, a fathatan after a final alef by
    a swap where only the alef and the fathatan are involved (``راً`` -> ``رًا``),
    and the other tanwin spellings by the regular expression at the places
    found.  The text goes in slices of whole lines (no edit crosses a line
    break); a slice with astral characters or lone surrogates (code units would
    not be characters) takes the regular expressions.  ``None`` without NumPy.
    """
    np = numpy()
    if np is None:
        return None
    return by_line_slices(
        np, text, rows, lambda part: _fast_slice(np, part, rows), lambda part: splice(part, _edits(part)), _SLICE
    )


def _fast_slice(np: Any, text: str, rows: bool) -> tuple[str, Any] | None:
    """:func:`fast_marks` on one slice; ``None`` where code units are not characters."""
    units = bmp_units(np, text)
    if units is None:
        return None
    n = len(units)
    index, _, _, letter = _tables()
    is_mark = _marks_of(np, units, index)
    pairs = np.flatnonzero(is_mark[:-1] & is_mark[1:])
    tanwin = _fast_tanwin(np, text, units, is_mark, letter) if FATHATAN in text else ([], pairs[:0])
    if tanwin is None:
        return None
    slow_tanwin, swaps = tanwin
    if not len(pairs) and not len(swaps) and not slow_tanwin:
        return text, np.zeros((0, 4), dtype=np.int64)
    # runs of two or more marks: (first, last) units
    firsts = pairs[(pairs == 0) | ~is_mark[pairs - 1]]
    lasts = pairs[(pairs + 2 == n) | ~is_mark[np.minimum(pairs + 2, n - 1)]] + 1
    lengths = lasts - firsts + 1
    if slow_tanwin:  # runs that start inside a tanwin edit are left to it
        t_start = np.array([e[0] for e in slow_tanwin], dtype=np.int64)
        t_end = np.array([e[1] for e in slow_tanwin], dtype=np.int64)
        k = np.searchsorted(t_start, firsts, "right") - 1
        covered = (k >= 0) & (firsts < t_end[np.maximum(k, 0)])
        firsts, lengths = firsts[~covered], lengths[~covered]
    edits = _Edits(np, units)
    _two_mark_runs(np, edits, firsts[lengths == 2])
    for size in (3, 4):
        _runs_of_size(np, edits, firsts[lengths == size], size)
    slow: list[Splice] = []  # five or more marks, and the general tanwin edits: one by one
    for start in firsts[lengths > 4].tolist():
        run = _RUN.match(text, start).group()  # type: ignore[union-attr]
        canon = canonical_run(run)
        if canon != run:
            slow.append((start, start + len(run), canon))
    edits.splice(np, slow + slow_tanwin)
    edits.out[swaps] = 0x064B  # the plain tanwin swaps
    edits.out[swaps + 1] = units[swaps]
    edits.record(swaps, swaps + 2, np.full(len(swaps), 2))
    return edits.finish(np, rows)


class _Edits:
    """The edits of one slice: its units rewritten in place (``out``, ``keep``) and,
    for the edit rows, each edit's start, end and new length."""

    def __init__(self, np: Any, units: Any) -> None:
        self.units = units
        self.out = units.copy()
        self.keep = np.ones(len(units), dtype=bool)
        self.starts: list[Any] = []
        self.ends: list[Any] = []
        self.lengths: list[Any] = []

    def record(self, starts: Any, ends: Any, lengths: Any) -> None:
        self.starts.append(starts)
        self.ends.append(ends)
        self.lengths.append(lengths)

    def splice(self, np: Any, edits: list[Splice]) -> None:
        """Apply ``(start, end, new)`` edits whose new text is no longer than the old."""
        for start, end, new in edits:
            self.out[start : start + len(new)] = [ord(c) for c in new]
            self.keep[start + len(new) : end] = False
        if edits:
            starts = np.array([e[0] for e in edits], dtype=np.int64)
            ends = np.array([e[1] for e in edits], dtype=np.int64)
            self.record(starts, ends, np.array([len(e[2]) for e in edits], dtype=np.int64))

    def finish(self, np: Any, rows: bool) -> tuple[str, Any]:
        """The slice's text and (with ``rows``) its edit rows, in order."""
        result = str(memoryview(compact(np, self.out, self.keep)), "utf-16-le")
        if not rows:
            return result, None
        start_col = np.concatenate(self.starts).astype(np.int64)
        order = np.argsort(start_col, kind="stable")
        start_col = start_col[order]
        end_col = np.concatenate(self.ends).astype(np.int64)[order]
        new_len = np.concatenate(self.lengths).astype(np.int64)[order]
        shift = np.zeros(len(start_col), dtype=np.int64)
        np.cumsum((new_len - (end_col - start_col))[:-1], out=shift[1:])
        out_start = start_col + shift
        return result, np.stack((start_col, end_col, out_start, out_start + new_len), axis=1)


def _two_mark_runs(np: Any, edits: _Edits, two: Any) -> None:
    """Runs of two marks, through the table of every pair."""
    index, table, changed, _ = _tables()
    units = edits.units
    key = index[units[two]].astype(np.intp) * len(_SORTED_MARKS) + index[units[two + 1]]
    hit = changed[key]
    two, new = two[hit], table[key[hit]]
    edits.out[two] = new[:, 0]
    edits.out[two + 1] = new[:, 1]
    gone = new[:, 1] == _DEL
    edits.keep[two[gone] + 1] = False
    edits.record(two, two + 2, 2 - gone)


def _runs_of_size(np: Any, edits: _Edits, at: Any, size: int) -> None:
    """Runs of ``size`` marks: :func:`canonical_run` once per distinct run."""
    if not len(at):
        return
    units = edits.units
    packed = units[at].astype(np.uint64)
    for j in range(1, size):
        packed = (packed << np.uint64(16)) | units[at + j]
    distinct, inverse = np.unique(packed, return_inverse=True)
    runs = ["".join(chr(c >> (16 * (size - 1 - j)) & 0xFFFF) for j in range(size)) for c in distinct.tolist()]
    canons = [canonical_run(run) for run in runs]
    moved = np.array([c != r for c, r in zip(canons, runs)], dtype=bool)[inverse]
    padded = np.full((len(canons), size), _DEL, dtype=np.uint16)
    for i, c in enumerate(canons):
        padded[i, : len(c)] = [ord(x) for x in c]
    at, rows_new = at[moved], padded[inverse[moved]]
    for j in range(size):
        edits.out[at + j] = rows_new[:, j]
        edits.keep[at[rows_new[:, j] == _DEL] + j] = False
    edits.record(at, at + size, (rows_new != _DEL).sum(axis=1))


def _marks_of(np: Any, units: Any, index: Any) -> Any:
    """Which units are marks of :data:`_MARKS`: comparisons for U+064B-U+065F, the table
    only where a unit is in the other ranges (U+0610-U+061A, U+0670, U+06D6-U+06ED)."""
    is_mark = (units - np.uint16(0x064B)) <= 0x14
    rare = ((units - np.uint16(0x0610)) <= 0x0A) | (units == 0x0670) | ((units - np.uint16(0x06D6)) <= 0x17)
    if rare.any():
        at = np.flatnonzero(rare)
        is_mark[at] = index[units[at]] != 255
    return is_mark


def _fast_tanwin(np: Any, text: str, units: Any, is_mark: Any, letter: Any) -> tuple[list[Splice], Any] | None:
    """The tanwin edits of one slice: ``(edits by the regular expression, starts of plain swaps)``.

    The candidates are the alefs (and alef maksuras) whose run of marks holds a
    fathatan, the starts of the matches of :data:`_CANDIDATE`.  A plain swap is
    an alef carrying only a fathatan, after a letter without marks and before
    neither a mark nor a letter: ``راً`` -> ``رًا``.  The other candidates go
    through :func:`_tanwin_edits`' loop, in order: the backward walk of a
    candidate stops at a non-mark, so a swap never changes where a later edit
    starts.  ``None``: a run of marks too long to look through.
    """
    n = len(units)
    fathatan = np.flatnonzero(units == 0x064B)
    empty = fathatan[:0]
    if not len(fathatan):
        return [], empty
    base = fathatan - 1  # the unit before each fathatan's run of marks
    deep = np.flatnonzero((base >= 0) & is_mark[np.maximum(base, 0)])
    if len(deep):
        back = base[deep, None] - np.arange(8)
        inside = (back >= 0) & is_mark[np.maximum(back, 0)]
        if inside.all(axis=1).any():
            return None
        base[deep] -= np.argmin(inside, axis=1)
    base = base[base >= 0]
    base = base[(units[base] == 0x0627) | (units[base] == 0x0649)]
    if len(base) > 1:  # fathatans in order, so their bases too: drop repeats
        base = base[np.concatenate(([True], base[1:] != base[:-1]))]
    if not len(base):
        return [], empty
    after = np.minimum(base + 2, n - 1)
    before = np.maximum(base - 1, 0)
    plain = (
        (base > 0)
        & (units[base + 1] == 0x064B)
        & ((base + 2 == n) | (~is_mark[after] & ~letter[units[after]]))
        & ~is_mark[before]
        & letter[units[before]]
    )
    if plain.all():
        return [], base
    return list(_tanwin_edits_at(text, base[~plain].tolist())), base[plain]


@register("marks", family="diacritics")
def marks() -> Stage:
    """Harakat in canonical order, tanwin before a final alef (شكراً -> شكرًا), no stacked marks."""
    return FunctionStage(name="marks", func=canonical_marks)
