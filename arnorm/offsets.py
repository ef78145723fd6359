"""Offsets: map spans of normalized text back to the original text, and forth.

NER, search highlighting and annotation run on normalized text; their spans
must point into the text the user gave.  :func:`normalize_with_offsets`
returns the normalized text and an :class:`Alignment` between the two::

    >>> import arnorm
    >>> from arnorm.offsets import normalize_with_offsets
    >>> text = "قال أَحْمَـــدُ"
    >>> norm, alignment = normalize_with_offsets(arnorm.preset("search"), text)
    >>> norm
    'قال احمد'
    >>> start, end = alignment.to_original(4, 8)
    >>> text[start:end]
    'أَحْمَـــدُ'
    >>> alignment.to_normalized(4, 5)
    (4, 5)

How an alignment is stored
--------------------------
An :class:`Alignment` holds **edit segments**: four NumPy ``int64`` arrays
``orig_start, orig_end, norm_start, norm_end``, sorted and non-overlapping.
Between two edits the texts agree one character for one character, so the
memory is proportional to the number of edits, not to the length of the text.
A character that a stage deletes is an edit with an empty normalized side; a
ligature that expands (U+FDF2 ﷲ -> ``الله``) is an edit of one character to
four.

How spans map
-------------
* A span that covers part of an edit expands to the whole edit on the other
  side (any part of ``الله`` maps to the one character ``ﷲ``).
* A deleted character (a haraka, a tatweel, a bidi control) belongs to the
  character before it; deletions at the very start of the text belong to the
  first character.  So the original spans of consecutive normalized spans
  tile the original text, and a word's span includes its trailing
  diacritics.
* Inserted text (where a stage adds characters and removes none) is attached
  to the character before it when the alignment is built (to the one after
  it at the start of the text), so that every normalized character comes
  from at least one original character.
* An empty span maps to an empty span at the corresponding boundary (after
  the deletions that stand there; at 0 for 0).  An empty span strictly inside
  an edit has no corresponding boundary and maps to the whole edit.
* The whole range always maps to the whole range, and mapping is monotone.

How each stage's edits are found
--------------------------------
:func:`stage_alignment` is a :func:`functools.singledispatch` function on the
stage's class, returning ``(output, alignment)`` for one stage:

* :class:`~arnorm.stage.CharMap`: every occurrence of a key is an edit of one
  character to ``len(value)`` characters, found with NumPy over UTF-32 code
  points for large inputs and a compiled character class for small ones;
  adjacent deletions are merged (a run of tatweel is one edit).
* :class:`~arnorm.stage.RegexSub`: one edit per match, ``match.expand(repl)``
  long.
* :class:`~arnorm.pipeline.Pipeline`: the alignments of the steps of its
  fused plan, composed in order.  Consecutive character maps are fused into
  one map first, exactly as the pipeline runs them: the per-character edits
  of the composed map are the composition of the per-stage edits, but a
  character that a map changes and a later map changes back is no edit at
  all.
* :class:`~arnorm.stage.FunctionStage` whose function has a ``with_edits``
  attribute: ``func.with_edits(text, **kwargs)`` returns ``(output, edits)``
  where ``edits`` is an :class:`Alignment` or an iterable of
  ``(orig_start, orig_end, out_start, out_end)`` rows (see
  :meth:`Alignment.from_edits`).
* Anything else (other function stages, :class:`~arnorm.stage.UnicodeForm`,
  dates, transliteration, third-party stages): the stage runs once on the
  whole text and the lines that changed are compared, word by word and then
  character by character (common prefix and suffix first, then
  :class:`difflib.SequenceMatcher`; see :func:`_diff_rows`).  A line with
  as many words before and after aligns word for word, so a romanized word
  maps back to its Arabic word; a stretch that is mostly rewritten (a date
  turned into ISO form) is one edit.  Lines are matched by their line-break
  characters, which the stage contract says a stage keeps; for a stage that
  breaks the contract the whole texts are compared instead.  Unchanged lines
  cost nothing.

When alignments compose (stage after stage), edits that overlap in the text
between them become one edit; so a span never maps to less than the stages
chained one by one would give.

Third parties register exact edits for their own stage classes::

    @stage_alignment.register
    def _(stage: MyStage, text: str) -> tuple[str, Alignment]:
        ...
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .errors import ArnormError
from .pipeline import Pipeline
from .stage import CharMap, FunctionStage, RegexSub, Stage, _check_text

__all__ = [
    "Alignment",
    "AlignmentError",
    "OffsetChange",
    "OffsetStep",
    "SpanError",
    "explain_with_offsets",
    "normalize_with_offsets",
    "stage_alignment",
]

_I64 = np.int64
#: Four edit columns: orig_start, orig_end, norm_start, norm_end.
_Columns = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
#: Inputs of at least this many characters find CharMap edits with NumPy.
LARGE_INPUT = 2048
#: ... reading this many characters at a time.
FIND_CHUNK = 1 << 20
# Every line boundary str.splitlines() knows.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK_RE = re.compile(f"[{_LINE_BREAKS}]")
# Words with the spaces after them (and spaces at the start), for the word-level pass.
_TOKEN_RE = re.compile(r"\S+\s*|\s+")
# A character diff is kept only if the characters it keeps make at least this share
# of the shorter side; otherwise the stretch is one edit.
_CHAR_DIFF_KEPT = 0.75
# A changed block longer than this (product of its two sides) after the word pass is
# one edit: a character diff of it would be quadratic.
_CHAR_DIFF_MAX = 1 << 20


class AlignmentError(ArnormError):
    """Edits that do not describe an alignment (unsorted, overlapping, wrong lengths)."""


class SpanError(ArnormError):
    """A span that is not ``0 <= start <= end <= length`` of the text it refers to.

    Attributes:
        start: the span's start.
        end: the span's end.
        length: the length of the text the span refers to.
    """

    def __init__(self, start: int, end: int, length: int, side: str) -> None:
        self.start = start
        self.end = end
        self.length = length
        super().__init__(
            f"span ({start}, {end}) is not within the {side} text of length {length} "
            f"(need 0 <= start <= end <= {length})"
        )


def _frozen(values: Any) -> np.ndarray:
    array: np.ndarray = np.ascontiguousarray(values, dtype=_I64)
    array.flags.writeable = False
    return array


_EMPTY = _frozen(np.zeros(0, dtype=_I64))


@dataclass(frozen=True, eq=False, repr=False)
class Alignment:
    """A monotone alignment between an original text and a normalized text.

    Attributes:
        orig_len: length of the original text (code points).
        norm_len: length of the normalized text (code points).
        orig_start, orig_end, norm_start, norm_end: the edits, as read-only
            ``int64`` arrays of equal length, sorted and non-overlapping;
            between edits the texts agree character for character.

    Build one with :meth:`identity`, :meth:`from_edits` (which also brings
    edits to the canonical form the span rules assume) or :meth:`from_diff`,
    or get one from :func:`normalize_with_offsets`.  The constructor checks
    that the edits describe an alignment in canonical form (no insertion).
    Alignments are immutable, compare by value and pickle.
    """

    orig_len: int
    norm_len: int
    orig_start: np.ndarray
    orig_end: np.ndarray
    norm_start: np.ndarray
    norm_end: np.ndarray

    def __post_init__(self) -> None:
        for name in ("orig_start", "orig_end", "norm_start", "norm_end"):
            column = getattr(self, name)
            if not (isinstance(column, np.ndarray) and column.dtype == _I64 and not column.flags.writeable):
                object.__setattr__(self, name, _frozen(column))
        if not (len(self.orig_start) == len(self.orig_end) == len(self.norm_start) == len(self.norm_end)):
            raise AlignmentError("the four edit columns differ in length")
        _validate(self.orig_start, self.orig_end, self.norm_start, self.norm_end, self.orig_len, self.norm_len)
        if self.orig_len and (self.orig_start == self.orig_end).any():
            raise AlignmentError(
                "an edit inserts text where the original has none; build the alignment with "
                "Alignment.from_edits, which attaches insertions to a neighbouring character"
            )

    # -- construction -----------------------------------------------------------------------
    @classmethod
    def identity(cls, n: int) -> Alignment:
        """The alignment of a text of length ``n`` with itself (no edits)."""
        if n < 0:
            raise AlignmentError(f"a text length cannot be negative, got {n}")
        return cls(n, n, _EMPTY, _EMPTY, _EMPTY, _EMPTY)

    @classmethod
    def from_edits(
        cls, edits: Iterable[Sequence[int]] | np.ndarray, orig_len: int, norm_len: int
    ) -> Alignment:
        """An alignment from rows ``(orig_start, orig_end, norm_start, norm_end)``.

        Rows must be sorted and non-overlapping on both sides, and the text
        between two rows must have the same length on both sides (it is
        aligned one to one).  Rows that change nothing (both sides empty) are
        dropped; insertions (empty original side) are attached to a
        neighbouring character and adjacent deletions merged, as described in
        the module documentation.

        Raises:
            AlignmentError: the rows do not describe an alignment of texts of
                lengths ``orig_len`` and ``norm_len``.
        """
        rows = np.asarray(list(edits) if not isinstance(edits, np.ndarray) else edits, dtype=_I64)
        if rows.size == 0:
            rows = rows.reshape(0, 4)
        if rows.ndim != 2 or rows.shape[1] != 4:
            raise AlignmentError(f"edits must be rows of 4 integers, got an array of shape {rows.shape}")
        _validate(rows[:, 0], rows[:, 1], rows[:, 2], rows[:, 3], orig_len, norm_len)
        return _canonical(rows[:, 0], rows[:, 1], rows[:, 2], rows[:, 3], orig_len, norm_len)

    @classmethod
    def from_diff(cls, original: str, normalized: str) -> Alignment:
        """An alignment of two texts computed by comparing them, line by line.

        This is the generic fallback of :func:`stage_alignment`: exact for
        deletions, insertions and replacements that a character diff can see.
        """
        _check_text(original)
        _check_text(normalized)
        return _diff_alignment(original, normalized)

    # -- inspection -------------------------------------------------------------------------
    def __len__(self) -> int:
        """The number of edits."""
        return int(self.orig_start.shape[0])

    @property
    def edits(self) -> np.ndarray:
        """The edits as a read-only ``(n, 4)`` array of ``(orig_start, orig_end, norm_start, norm_end)``."""
        out = np.stack([self.orig_start, self.orig_end, self.norm_start, self.norm_end], axis=1)
        out.flags.writeable = False
        return out

    @property
    def nbytes(self) -> int:
        """Bytes held by the edit arrays."""
        return int(self.orig_start.nbytes + self.orig_end.nbytes + self.norm_start.nbytes + self.norm_end.nbytes)

    @property
    def is_identity(self) -> bool:
        """True when the two texts are the same (no edits)."""
        return len(self) == 0

    def __repr__(self) -> str:
        return f"<Alignment {self.orig_len} -> {self.norm_len} chars, {len(self)} edits>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Alignment):
            return NotImplemented
        return (
            self.orig_len == other.orig_len
            and self.norm_len == other.norm_len
            and all(
                np.array_equal(a, b)
                for a, b in zip(
                    (self.orig_start, self.orig_end, self.norm_start, self.norm_end),
                    (other.orig_start, other.orig_end, other.norm_start, other.norm_end),
                )
            )
        )

    def __hash__(self) -> int:
        return hash((self.orig_len, self.norm_len, self.orig_start.tobytes(), self.norm_start.tobytes()))

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild,
            (self.orig_len, self.norm_len, self.orig_start, self.orig_end, self.norm_start, self.norm_end),
        )

    # -- mapping ----------------------------------------------------------------------------
    @functools.cached_property
    def _shift_to_norm(self) -> np.ndarray:
        return _cumulative_shift(self.orig_start, self.orig_end, self.norm_start, self.norm_end)

    @functools.cached_property
    def _shift_to_orig(self) -> np.ndarray:
        return _cumulative_shift(self.norm_start, self.norm_end, self.orig_start, self.orig_end)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that normalized ``[start, end)`` comes from.

        Raises:
            SpanError: unless ``0 <= start <= end <= norm_len``.
        """
        s, e = self.to_original_many([start], [end])
        return int(s[0]), int(e[0])

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """The span of the normalized text that original ``[start, end)`` became.

        Raises:
            SpanError: unless ``0 <= start <= end <= orig_len``.
        """
        s, e = self.to_normalized_many([start], [end])
        return int(s[0]), int(e[0])

    def to_original_many(self, starts: Any, ends: Any) -> tuple[np.ndarray, np.ndarray]:
        """Vectorised :meth:`to_original`: arrays of starts and ends in, arrays out."""
        return _map_spans(
            self.norm_start, self.norm_end, self.orig_start, self.orig_end, self._shift_to_orig,
            self.norm_len, self.orig_len, starts, ends, "normalized",
        )

    def to_normalized_many(self, starts: Any, ends: Any) -> tuple[np.ndarray, np.ndarray]:
        """Vectorised :meth:`to_normalized`: arrays of starts and ends in, arrays out."""
        return _map_spans(
            self.orig_start, self.orig_end, self.norm_start, self.norm_end, self._shift_to_norm,
            self.orig_len, self.norm_len, starts, ends, "original",
        )

    # -- algebra ----------------------------------------------------------------------------
    def inverse(self) -> Alignment:
        """The alignment from the normalized text back to the original.

        Deletions become insertions, which are attached to a neighbouring
        character as :meth:`from_edits` does.
        """
        return _canonical(self.norm_start, self.norm_end, self.orig_start, self.orig_end, self.norm_len, self.orig_len)

    def compose(self, other: Alignment) -> Alignment:
        """``self`` maps A to B and ``other`` maps B to C: the alignment of A to C.

        Edits of the two that overlap in B become one edit.

        Raises:
            AlignmentError: ``other`` does not start from a text of ``self.norm_len``.
        """
        if other.orig_len != self.norm_len:
            raise AlignmentError(
                f"cannot compose: the first alignment ends in a text of length {self.norm_len}, "
                f"the second starts from one of length {other.orig_len}"
            )
        if other.is_identity:
            return self
        if self.is_identity:
            return other
        return _compose(self, other)


def _rebuild(
    orig_len: int, norm_len: int, os_: np.ndarray, oe: np.ndarray, ns: np.ndarray, ne: np.ndarray
) -> Alignment:
    return Alignment(orig_len, norm_len, _frozen(os_), _frozen(oe), _frozen(ns), _frozen(ne))


# -- validation and canonical form ---------------------------------------------------------
def _validate(os_: np.ndarray, oe: np.ndarray, ns: np.ndarray, ne: np.ndarray, olen: int, nlen: int) -> None:
    if olen < 0 or nlen < 0:
        raise AlignmentError(f"text lengths cannot be negative: {olen}, {nlen}")
    if len(os_) == 0:
        if olen != nlen:
            raise AlignmentError(f"no edits, but the texts have different lengths ({olen} and {nlen})")
        return
    if (oe < os_).any() or (ne < ns).any():
        raise AlignmentError("an edit ends before it starts")
    if (os_[1:] < oe[:-1]).any() or (ns[1:] < ne[:-1]).any():
        raise AlignmentError("edits overlap or are not sorted")
    if os_[0] < 0 or ns[0] < 0 or oe[-1] > olen or ne[-1] > nlen:
        raise AlignmentError(f"an edit lies outside texts of lengths {olen} and {nlen}")
    gaps_o = np.concatenate([[os_[0]], os_[1:] - oe[:-1], [olen - oe[-1]]])
    gaps_n = np.concatenate([[ns[0]], ns[1:] - ne[:-1], [nlen - ne[-1]]])
    bad = np.flatnonzero(gaps_o != gaps_n)
    if len(bad):
        where = f"before edit {int(bad[0])}" if bad[0] < len(os_) else "after the last edit"
        raise AlignmentError(
            f"the text {where} has {int(gaps_o[bad[0]])} characters in the original "
            f"but {int(gaps_n[bad[0]])} in the normalized text; unchanged text must align one to one"
        )


def _canonical(
    os_: np.ndarray, oe: np.ndarray, ns: np.ndarray, ne: np.ndarray, olen: int, nlen: int
) -> Alignment:
    """Drop empty rows, attach insertions to a neighbour, merge adjacent deletions."""
    os_, oe, ns, ne = (np.asarray(a, dtype=_I64) for a in (os_, oe, ns, ne))
    keep = (oe > os_) | (ne > ns)
    if not keep.all():
        os_, oe, ns, ne = os_[keep], oe[keep], ns[keep], ne[keep]
    inserts = oe == os_
    if inserts.any() and olen > 0:
        os_, oe, ns, ne = _attach_insertions(os_, oe, ns, ne, olen)
    os_, oe, ns, ne = _merge_deletions(os_, oe, ns, ne)
    return Alignment(olen, nlen, _frozen(os_), _frozen(oe), _frozen(ns), _frozen(ne))


def _attach_insertions(
    os_: np.ndarray, oe: np.ndarray, ns: np.ndarray, ne: np.ndarray, olen: int
) -> _Columns:
    """Turn each insertion into an expansion of the character before it (or after it, at 0)."""
    out: list[list[int]] = []
    pending: list[int] | None = None  # an insertion at 0, waiting for what follows it
    for a0, a1, b0, b1 in zip(os_.tolist(), oe.tolist(), ns.tolist(), ne.tolist()):
        if pending is not None and a0 > 0:  # nothing else at 0: the first character expands
            out.append([0, 1, pending[0], pending[1] + 1])
            pending = None
        if a0 == a1:
            if pending is not None:  # another insertion at 0
                pending[1] = b1
            elif out and out[-1][1] == a0:  # right after an edit: join it
                out[-1][3] = b1
            elif a0 > 0:  # after an unchanged character: that character expands
                out.append([a0 - 1, a0, b0 - 1, b1])
            else:
                pending = [b0, b1]
        elif pending is not None:  # an edit at 0 takes the insertion before it
            out.append([0, a1, pending[0], b1])
            pending = None
        else:
            out.append([a0, a1, b0, b1])
    if pending is not None:
        out.append([0, 1, pending[0], pending[1] + 1])
    arr = np.array(out, dtype=_I64).reshape(-1, 4)
    return arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3]


def _merge_deletions(
    os_: np.ndarray, oe: np.ndarray, ns: np.ndarray, ne: np.ndarray
) -> _Columns:
    """Merge runs of adjacent deletions (empty normalized side) into one edit each."""
    if len(os_) < 2:
        return os_, oe, ns, ne
    deleted = ne == ns
    join = deleted[1:] & deleted[:-1] & (os_[1:] == oe[:-1])
    if not join.any():
        return os_, oe, ns, ne
    keep = np.concatenate([[True], ~join])
    firsts = np.flatnonzero(keep)
    lasts = np.concatenate([firsts[1:], [len(os_)]]) - 1
    return os_[firsts], oe[lasts], ns[firsts], ne[lasts]


# -- mapping -------------------------------------------------------------------------------
def _cumulative_shift(src0: np.ndarray, src1: np.ndarray, dst0: np.ndarray, dst1: np.ndarray) -> np.ndarray:
    """``shift[k]``: how much longer the destination is after the first ``k`` edits."""
    delta = (dst1 - dst0) - (src1 - src0)
    out = np.zeros(len(delta) + 1, dtype=_I64)
    np.cumsum(delta, out=out[1:])
    return out


def _map_spans(
    src0: np.ndarray,
    src1: np.ndarray,
    dst0: np.ndarray,
    dst1: np.ndarray,
    shift: np.ndarray,
    src_len: int,
    dst_len: int,
    starts: Any,
    ends: Any,
    side: str,
) -> tuple[np.ndarray, np.ndarray]:
    starts = np.atleast_1d(np.asarray(starts, dtype=_I64))
    ends = np.atleast_1d(np.asarray(ends, dtype=_I64))
    if starts.shape != ends.shape:
        raise ArnormError(f"starts and ends differ in shape: {starts.shape} and {ends.shape}")
    bad = (starts < 0) | (ends < starts) | (ends > src_len)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise SpanError(int(starts[i]), int(ends[i]), src_len, side)
    if len(src0) == 0:
        return starts.copy(), ends.copy()

    def boundary(points: np.ndarray) -> np.ndarray:
        # The destination boundary after every edit that ends at or before the point
        # (so after the deletions that stand at it).
        out: np.ndarray = points + shift[np.searchsorted(src1, points, side="right")]
        return out

    def inside(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # The edit strictly containing each point (src0 < p < src1), if any.
        k = np.searchsorted(src0, points, side="left") - 1
        kc = np.maximum(k, 0)
        return (k >= 0) & (src1[kc] > points), kc

    in_s, ks = inside(starts)
    in_e, ke = inside(ends)
    out_s = np.where(in_s, dst0[ks], np.where(starts == 0, 0, boundary(starts)))
    out_e = np.where(in_e, dst1[ke], boundary(ends))
    empty = (starts == ends) & ~in_s
    out_e = np.where(empty, out_s, out_e)
    whole = (starts == 0) & (ends == src_len)
    if whole.any():
        out_s = np.where(whole, 0, out_s)
        out_e = np.where(whole, dst_len, out_e)
    return out_s, out_e


# -- composition ---------------------------------------------------------------------------
def _compose(x: Alignment, y: Alignment) -> Alignment:
    """A -> B (x) then B -> C (y): group the edits that overlap in B, map each group's ends."""
    if x.norm_len == 0:  # everything deleted, then anything inserted
        rows = [(0, x.orig_len, 0, y.norm_len)] if x.orig_len or y.norm_len else []
        return _canonical(*_columns(rows), x.orig_len, y.norm_len)
    nx = len(x)
    starts = np.concatenate([x.norm_start, y.orig_start])
    ends = np.concatenate([x.norm_end, y.orig_end])
    from_x = np.concatenate([np.ones(nx, dtype=bool), np.zeros(len(y), dtype=bool)])
    order = np.lexsort((ends, starts))  # by start; at one start an empty (deletion) first
    starts, ends, from_x = starts[order], ends[order], from_x[order]
    big = np.iinfo(_I64).max
    a0 = np.where(from_x, np.concatenate([x.orig_start, np.full(len(y), big)])[order], big)
    a1 = np.where(from_x, np.concatenate([x.orig_end, np.full(len(y), -1)])[order], -1)
    c0 = np.where(~from_x, np.concatenate([np.full(nx, big), y.norm_start])[order], big)
    c1 = np.where(~from_x, np.concatenate([np.full(nx, -1), y.norm_end])[order], -1)
    reach = np.maximum.accumulate(ends)
    new_group = np.ones(len(starts), dtype=bool)
    new_group[1:] = starts[1:] >= reach[:-1]  # touching intervals stay apart
    firsts = np.flatnonzero(new_group)
    lasts = np.concatenate([firsts[1:], [len(starts)]]) - 1
    lo, hi = starts[firsts], reach[lasts]

    # A side: the group's own x edits, widened to where lo and hi fall in A.
    xshift = x._shift_to_orig
    after_deletions = lo + xshift[np.searchsorted(x.norm_end, lo, side="right")]
    k = np.searchsorted(x.norm_end, hi, side="left")
    kc = np.minimum(k, nx - 1)
    k = k + ((k < nx) & (x.norm_end[kc] == hi) & (x.norm_start[kc] < hi))
    before_deletions = hi + xshift[k]
    out_a0 = np.minimum(np.minimum.reduceat(a0, firsts), after_deletions)
    out_a1 = np.maximum(np.maximum.reduceat(a1, firsts), before_deletions)
    # C side: y has no insertions (canonical form), so every B boundary has one image.
    yshift = y._shift_to_norm
    out_c0 = np.minimum(np.minimum.reduceat(c0, firsts), lo + yshift[np.searchsorted(y.orig_end, lo, side="right")])
    out_c1 = np.maximum(np.maximum.reduceat(c1, firsts), hi + yshift[np.searchsorted(y.orig_end, hi, side="right")])
    return _canonical(out_a0, out_a1, out_c0, out_c1, x.orig_len, y.norm_len)


def _columns(rows: Sequence[Sequence[int]]) -> _Columns:
    arr = np.array(rows, dtype=_I64).reshape(-1, 4)
    return arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3]


# -- edits of one stage --------------------------------------------------------------------
@functools.singledispatch
def stage_alignment(stage: Stage, text: str) -> tuple[str, Alignment]:
    """Run one stage on ``text``; return its output and the alignment of ``text`` to it.

    Dispatches on the stage's class.  The generic case (this function) runs
    the stage and compares input and output line by line; register exact
    edits for a stage class with ``@stage_alignment.register``.
    """
    out = stage(text)
    return out, _diff_alignment(text, out)


@stage_alignment.register
def _charmap_alignment(stage: CharMap, text: str) -> tuple[str, Alignment]:
    out = stage(text)
    tables = _map_tables(stage)
    found = tables.find(text)
    positions, lengths = tables.find_small(text) if found is None else found
    if len(positions) == 0:
        return out, Alignment.identity(len(text))
    delta = lengths - 1
    norm_start = positions.copy()
    if len(delta) > 1:
        norm_start[1:] += np.cumsum(delta[:-1])
    os_, oe, ns, ne = _merge_deletions(positions, positions + 1, norm_start, norm_start + lengths)
    return out, Alignment(len(text), len(out), _frozen(os_), _frozen(oe), _frozen(ns), _frozen(ne))


@stage_alignment.register
def _regex_alignment(stage: RegexSub, text: str) -> tuple[str, Alignment]:
    out = stage(text)
    if out == text:
        return out, Alignment.identity(len(text))
    rows: list[tuple[int, int, int, int]] = []
    shift = 0
    for match in stage._c_compiled.finditer(text):
        new = match.expand(stage.repl)
        start, end = match.span()
        if new != match.group():
            rows.append((start, end, start + shift, start + shift + len(new)))
        shift += len(new) - (end - start)
    return out, _canonical(*_columns(rows), len(text), len(out))


@stage_alignment.register
def _function_alignment(stage: FunctionStage, text: str) -> tuple[str, Alignment]:
    with_edits = getattr(stage.func, "with_edits", None)
    if with_edits is None:
        out = stage(text)
        return out, _diff_alignment(text, out)
    _check_text(text)
    out, edits = with_edits(text, **dict(stage.kwargs))
    if isinstance(edits, Alignment):
        if (edits.orig_len, edits.norm_len) != (len(text), len(out)):
            raise AlignmentError(
                f"{stage.spec}: with_edits returned an alignment of {edits.orig_len} -> {edits.norm_len} "
                f"characters for {len(text)} -> {len(out)}"
            )
        return out, edits
    return out, Alignment.from_edits(edits, len(text), len(out))


@stage_alignment.register
def _pipeline_alignment(stage: Pipeline, text: str) -> tuple[str, Alignment]:
    _check_text(text)
    alignment = Alignment.identity(len(text))
    for step in stage.plan:
        text, step_alignment = stage_alignment(step, text)
        alignment = alignment.compose(step_alignment)
    return text, alignment


def normalize_with_offsets(pipe: Stage, text: str) -> tuple[str, Alignment]:
    """Normalize ``text`` with ``pipe`` (a :class:`~arnorm.Pipeline` or any stage).

    Returns ``(normalized, alignment)``: ``normalized == pipe(text)`` and
    ``alignment`` maps spans between ``text`` and ``normalized`` (see
    :class:`Alignment`).

    Raises:
        TypeError: ``text`` is not a ``str``.
    """
    _check_text(text)
    out, alignment = stage_alignment(pipe, text)
    if (alignment.orig_len, alignment.norm_len) != (len(text), len(out)):  # pragma: no cover - a bug
        raise AssertionError(
            f"alignment of {alignment.orig_len} -> {alignment.norm_len} chars for {len(text)} -> {len(out)}"
        )
    return out, alignment


# -- CharMap edits -------------------------------------------------------------------------
class _MapTables:
    """Lookup structures for finding the keys of one character map in a text."""

    __slots__ = ("__weakref__", "astral_keys", "astral_lengths", "bmp", "lengths", "pattern")

    def __init__(self, mapping: dict[str, str]) -> None:
        table = {k: v for k, v in mapping.items() if k != v}
        self.lengths = {k: len(v) for k, v in table.items()}
        self.pattern = re.compile("[" + "".join(re.escape(k) for k in sorted(table)) + "]") if table else None
        # Index 0x10000 stands for every astral code point.  A small dtype keeps the
        # table in cache (int16 is ~5x faster to look up than int64).
        longest = max((len(v) for v in table.values()), default=0)
        bmp = np.full(0x10001, -1, dtype=np.int16 if longest < 1 << 15 else _I64)
        astral = sorted((ord(k), len(v)) for k, v in table.items() if ord(k) > 0xFFFF)
        for k, v in table.items():
            if ord(k) <= 0xFFFF:
                bmp[ord(k)] = len(v)
        self.bmp = bmp
        self.astral_keys = np.array([k for k, _ in astral], dtype=np.uint32)
        self.astral_lengths = np.array([n for _, n in astral], dtype=_I64)

    def find_small(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Positions of keys and the lengths of their replacements, with a regex."""
        if self.pattern is None:
            return _EMPTY, _EMPTY
        positions: list[int] = []
        lengths: list[int] = []
        table = self.lengths
        for match in self.pattern.finditer(text):
            positions.append(match.start())
            lengths.append(table[match.group()])
        return np.array(positions, dtype=_I64), np.array(lengths, dtype=_I64)

    def find(self, text: str) -> tuple[np.ndarray, np.ndarray] | None:
        """The same with NumPy over UTF-32 code points; ``None`` for small or unencodable text.

        The text is read in chunks of :data:`FIND_CHUNK` characters, so the
        temporary arrays stay small whatever the text's length.
        """
        if len(text) < LARGE_INPUT:
            return None
        positions: list[np.ndarray] = []
        lengths: list[np.ndarray] = []
        for start in range(0, len(text), FIND_CHUNK):
            try:
                cps = np.frombuffer(text[start:start + FIND_CHUNK].encode("utf-32-le"), dtype=np.uint32)
            except UnicodeEncodeError:  # lone surrogates
                return None
            found = self.bmp.take(np.minimum(cps, 0x10000))
            if len(self.astral_keys):
                astral = np.flatnonzero(cps > 0xFFFF)
                if len(astral):
                    where = np.minimum(np.searchsorted(self.astral_keys, cps[astral]), len(self.astral_keys) - 1)
                    hit = self.astral_keys[where] == cps[astral]
                    found[astral[hit]] = self.astral_lengths[where[hit]].astype(found.dtype)
            at = np.flatnonzero(found >= 0)
            positions.append(at + start)
            lengths.append(found[at].astype(_I64))
        return np.concatenate(positions).astype(_I64), np.concatenate(lengths)


_TABLES: dict[int, tuple[weakref.ref[CharMap], _MapTables]] = {}


def _map_tables(stage: CharMap) -> _MapTables:
    """The lookup tables of ``stage``, built once per CharMap object."""
    key = id(stage)
    cached = _TABLES.get(key)
    if cached is not None and cached[0]() is stage:
        return cached[1]
    tables = _MapTables(stage.mapping)
    _TABLES[key] = (weakref.ref(stage, _forget(key)), tables)
    return tables


def _forget(key: int) -> Callable[[weakref.ref[CharMap]], None]:
    """A weakref callback that drops the cached tables of a collected CharMap."""

    def forget(_ref: weakref.ref[CharMap]) -> None:
        _TABLES.pop(key, None)

    return forget


# -- generic diff --------------------------------------------------------------------------
def _common_prefix(a: str, b: str, i0: int = 0, j0: int = 0) -> int:
    """Length of the common prefix of ``a[i0:]`` and ``b[j0:]``.

    Compares growing blocks (C-speed slice comparisons), then bisects inside
    the first block that differs: linear time, small copies.
    """
    n = min(len(a) - i0, len(b) - j0)
    i, block = 0, 256
    while i < n:
        j = min(i + block, n)
        if a[i0 + i:i0 + j] != b[j0 + i:j0 + j]:
            lo, hi = i, j - 1  # the first i..lo agree; the answer is at most j - 1
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if a[i0 + i:i0 + mid] == b[j0 + i:j0 + mid]:
                    lo = mid
                else:
                    hi = mid - 1
            return lo
        i, block = j, min(block * 2, 1 << 20)
    return n


def _common_suffix(a: str, b: str) -> int:
    """Length of the common suffix of ``a`` and ``b`` (as :func:`_common_prefix`)."""
    la, lb = len(a), len(b)
    n = min(la, lb)
    i, block = 0, 256
    while i < n:
        j = min(i + block, n)
        if a[la - j:la - i] != b[lb - j:lb - i]:
            lo, hi = i, j - 1
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if a[la - mid:la - i] == b[lb - mid:lb - i]:
                    lo = mid
                else:
                    hi = mid - 1
            return lo
        i, block = j, min(block * 2, 1 << 20)
    return n


def _diff_rows(a: str, b: str, a_off: int, b_off: int, rows: list[tuple[int, int, int, int]]) -> None:
    """Append the edits turning line ``a`` into line ``b`` (at ``a_off``, ``b_off``) to ``rows``.

    Character diffs of whole lines are slow (``SequenceMatcher`` is quadratic
    on text with few distinct characters) and align letters of unrelated
    words, so lines are compared word by word first (a token is a word with
    the spaces after it).  Lines with as many words on both sides pair them in
    order (a transliterated line aligns word for word); others are matched by
    ``SequenceMatcher`` over the words.  Words that differ are then compared
    character by character, pairwise when a changed block has as many words
    on both sides; a stretch that is mostly rewritten is one edit.
    """
    p = _common_prefix(a, b)
    s = _common_suffix(a[p:], b[p:])
    a_mid, b_mid = a[p:len(a) - s], b[p:len(b) - s]
    a_off += p
    b_off += p
    a_tokens, b_tokens = _TOKEN_RE.findall(a_mid), _TOKEN_RE.findall(b_mid)
    if len(a_tokens) < 2 or len(b_tokens) < 2:
        _char_rows(a_mid, b_mid, a_off, b_off, rows)
        return
    a_at = [0, *itertools.accumulate(map(len, a_tokens))]
    b_at = [0, *itertools.accumulate(map(len, b_tokens))]
    blocks: Sequence[tuple[str, int, int, int, int]]
    if len(a_tokens) == len(b_tokens):  # as many words: pair them in order
        blocks = [("replace", 0, len(a_tokens), 0, len(b_tokens))]
    else:
        blocks = difflib.SequenceMatcher(None, a_tokens, b_tokens, autojunk=False).get_opcodes()
    for op, i1, i2, j1, j2 in blocks:
        if op == "equal":
            continue
        if i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2)):
                if a_tokens[i] != b_tokens[j]:
                    _char_rows(a_tokens[i], b_tokens[j], a_off + a_at[i], b_off + b_at[j], rows)
        else:
            _char_rows(a_mid[a_at[i1]:a_at[i2]], b_mid[b_at[j1]:b_at[j2]], a_off + a_at[i1], b_off + b_at[j1], rows)


def _char_rows(a: str, b: str, a_off: int, b_off: int, rows: list[tuple[int, int, int, int]]) -> None:
    """Append the edits of a character diff of ``a`` and ``b`` to ``rows``."""
    p = _common_prefix(a, b)
    s = _common_suffix(a[p:], b[p:])
    a_mid, b_mid = a[p:len(a) - s], b[p:len(b) - s]
    a_off += p
    b_off += p
    if min(len(a_mid), len(b_mid)) <= 1 or max(len(a_mid), len(b_mid)) <= 3 or (
        len(a_mid) * len(b_mid) > _CHAR_DIFF_MAX
    ):  # nothing finer to find (a swap of two marks is one edit), or too long to diff
        if a_mid or b_mid:
            rows.append((a_off, a_off + len(a_mid), b_off, b_off + len(b_mid)))
        return
    opcodes = difflib.SequenceMatcher(None, a_mid, b_mid, autojunk=False).get_opcodes()
    kept = sum(i2 - i1 for op, i1, i2, _, _ in opcodes if op == "equal")
    if kept < _CHAR_DIFF_KEPT * min(len(a_mid), len(b_mid)):
        # Mostly rewritten (a date "3/5/2020" -> "2020-05-03"): the characters a diff
        # would keep are coincidences, so the whole stretch is one edit.
        rows.append((a_off, a_off + len(a_mid), b_off, b_off + len(b_mid)))
        return
    for op, i1, i2, j1, j2 in opcodes:
        if op != "equal":
            rows.append((a_off + i1, a_off + i2, b_off + j1, b_off + j2))


def _diff_alignment(a: str, b: str) -> Alignment:
    """The alignment of ``a`` to ``b`` from a line-by-line diff (see :func:`_diff_rows`)."""
    if a == b:
        return Alignment.identity(len(a))
    rows: list[tuple[int, int, int, int]] = []
    if _only_newlines(a) and _only_newlines(b) and a.count("\n") == b.count("\n"):
        _diff_newline_lines(a, b, rows)
        return _canonical(*_columns(rows), len(a), len(b))
    p = _common_prefix(a, b)
    s = _common_suffix(a[p:], b[p:])
    a_mid, b_mid = a[p:len(a) - s], b[p:len(b) - s]
    a_breaks = _BREAK_RE.findall(a_mid)
    if a_breaks and a_breaks == _BREAK_RE.findall(b_mid):
        a_pos, b_pos = p, p
        for a_line, b_line in zip(_BREAK_RE.split(a_mid), _BREAK_RE.split(b_mid)):
            if a_line != b_line:
                _diff_rows(a_line, b_line, a_pos, b_pos, rows)
            a_pos += len(a_line) + 1  # the break character itself
            b_pos += len(b_line) + 1
    else:  # the stage broke the contract: compare the whole texts
        _diff_rows(a_mid, b_mid, p, p, rows)
    return _canonical(*_columns(rows), len(a), len(b))


def _only_newlines(text: str) -> bool:
    """True if ``"\\n"`` is the only line-break character in ``text`` (fast ``in`` scans)."""
    return not any(c in text for c in _LINE_BREAKS[1:])


def _diff_newline_lines(a: str, b: str, rows: list[tuple[int, int, int, int]]) -> None:
    """:func:`_diff_alignment` for texts whose only line break is ``"\\n"``, as many in both.

    Jumps from one changed line to the next with C-speed comparisons and
    ``str.find``, so the cost follows the changed lines, not the text.
    """
    i = j = 0  # the starts of the same line in a and b
    while True:
        k = _common_prefix(a, b, i, j)
        if i + k == len(a) and j + k == len(b):
            return
        before = a.rfind("\n", i, i + k)
        start_a = i if before < 0 else before + 1
        start_b = j + (start_a - i)
        end_a = a.find("\n", i + k)
        end_b = b.find("\n", j + k)
        end_a = len(a) if end_a < 0 else end_a
        end_b = len(b) if end_b < 0 else end_b
        _diff_rows(a[start_a:end_a], b[start_b:end_b], start_a, start_b, rows)
        if end_a == len(a) or end_b == len(b):
            return
        i, j = end_a + 1, end_b + 1


# -- explanation with original positions -------------------------------------------------
@dataclass(frozen=True)
class OffsetChange:
    """One change a stage made, located in the stage's input and in the original text.

    Attributes:
        start, end: the changed span of the text the stage was given.
        before: that text, ``input[start:end]``.
        after: what the stage made of it.
        orig_start, orig_end: the span of the original text it comes from.
        original: ``original_text[orig_start:orig_end]``.
    """

    start: int
    end: int
    before: str
    after: str
    orig_start: int
    orig_end: int
    original: str


@dataclass(frozen=True)
class OffsetStep:
    """What one stage of a pipeline changed, with original positions."""

    stage: str
    before: str
    after: str
    changes: tuple[OffsetChange, ...]


def explain_with_offsets(pipe: Pipeline, text: str) -> list[OffsetStep]:
    """Like :meth:`Pipeline.explain`, but every change also names its original span.

    The stages run one by one, unfused (nested pipelines such as
    ``whitespace`` as one step).  Each change is an edit of that stage's
    alignment (edits that touch are one change), mapped back to ``text``
    through the stages before it.  Replaying the changes of a step on its
    ``before`` text gives its ``after`` text.

    Example:
        >>> import arnorm
        >>> steps = explain_with_offsets(arnorm.Pipeline("tatweel,digits"), "سـوريا ٢٦")
        >>> [(c.before, c.after, c.orig_start, c.orig_end) for c in steps[1].changes]
        [('٢٦', '26', 7, 9)]
    """
    _check_text(text)
    steps: list[OffsetStep] = []
    so_far = Alignment.identity(len(text))
    current = text
    for stage in pipe.stages:
        after, alignment = stage_alignment(stage, current)
        changes = []
        if len(alignment):
            # Edits that touch (two digits in a row) read as one change.
            starts, ends = alignment.orig_start, alignment.orig_end
            first = np.concatenate([[True], starts[1:] != ends[:-1]])
            firsts = np.flatnonzero(first)
            lasts = np.concatenate([firsts[1:], [len(starts)]]) - 1
            s_, e_ = starts[firsts], ends[lasts]
            n0_, n1_ = alignment.norm_start[firsts], alignment.norm_end[lasts]
            o_s, o_e = so_far.to_original_many(s_, e_)
            for s, e, n0, n1, a, b in zip(
                s_.tolist(), e_.tolist(), n0_.tolist(), n1_.tolist(), o_s.tolist(), o_e.tolist()
            ):
                changes.append(OffsetChange(s, e, current[s:e], after[n0:n1], a, b, text[a:b]))
        steps.append(OffsetStep(stage.spec, current, after, tuple(changes)))
        so_far = so_far.compose(alignment)
        current = after
    return steps
