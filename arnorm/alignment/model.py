"""The :class:`Alignment` model: edit segments between two texts, and their algebra."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import AlignmentError
from ._arrays import (
    EMPTY,
    I64,
    Columns,
    attach_insertions,
    columns,
    compose_columns,
    cumulative_shift,
    frozen,
    map_spans,
    merge_deletions,
)
from .diff import diff_rows

__all__ = ["Alignment"]

_NAMES = ("orig_start", "orig_end", "norm_start", "norm_end")


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
    or get one from :func:`~arnorm.alignment.normalize_with_offsets`.  The
    constructor checks that the edits describe an alignment in canonical
    form (no insertion).  Alignments are immutable, compare by value and pickle.

    Example:
        >>> al = Alignment.from_edits([(1, 2, 1, 1)], 3, 2)  # "abc" -> "ac"
        >>> al.to_original(0, 1), al.to_original(1, 2), al.to_normalized(1, 2)
        ((0, 2), (2, 3), (1, 1))
    """

    orig_len: int
    norm_len: int
    orig_start: np.ndarray
    orig_end: np.ndarray
    norm_start: np.ndarray
    norm_end: np.ndarray

    def __post_init__(self) -> None:
        for name in _NAMES:
            column = getattr(self, name)
            if not (isinstance(column, np.ndarray) and column.dtype == I64 and not column.flags.writeable):
                object.__setattr__(self, name, frozen(column))
        if not (len(self.orig_start) == len(self.orig_end) == len(self.norm_start) == len(self.norm_end)):
            raise AlignmentError("the four edit columns differ in length")
        _validate(self._columns, self.orig_len, self.norm_len)
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
        return _trusted((EMPTY, EMPTY, EMPTY, EMPTY), n, n)

    @classmethod
    def from_edits(cls, edits: Iterable[Sequence[int]] | np.ndarray, orig_len: int, norm_len: int) -> Alignment:
        """An alignment from rows ``(orig_start, orig_end, norm_start, norm_end)``.

        Rows must be sorted and non-overlapping on both sides, and the text
        between two rows must have the same length on both sides (it is
        aligned one to one).  Rows that change nothing (both sides empty) are
        dropped; insertions (empty original side) are attached to a
        neighbouring character and adjacent deletions merged, as described in
        :mod:`arnorm.alignment`.

        Raises:
            AlignmentError: the rows do not describe an alignment of texts of
                lengths ``orig_len`` and ``norm_len``.
        """
        rows = np.asarray(list(edits) if not isinstance(edits, np.ndarray) else edits, dtype=I64)
        if rows.size == 0:
            rows = rows.reshape(0, 4)
        if rows.ndim != 2 or rows.shape[1] != 4:
            raise AlignmentError(f"edits must be rows of 4 integers, got an array of shape {rows.shape}")
        cols = (rows[:, 0], rows[:, 1], rows[:, 2], rows[:, 3])
        _validate(cols, orig_len, norm_len)
        return canonical(cols, orig_len, norm_len)

    @classmethod
    def from_diff(cls, original: str, normalized: str) -> Alignment:
        """An alignment of two texts computed by comparing them, line by line.

        This is the generic fallback of :func:`~arnorm.alignment.stage_alignment`:
        exact for deletions, insertions and replacements that a diff can see.
        """
        rows = diff_rows(original, normalized)
        if not rows:
            return cls.identity(len(original))
        return canonical(columns(rows), len(original), len(normalized))

    # -- inspection -------------------------------------------------------------------------
    @property
    def _columns(self) -> Columns:
        return self.orig_start, self.orig_end, self.norm_start, self.norm_end

    def __len__(self) -> int:
        """The number of edits."""
        return int(self.orig_start.shape[0])

    @property
    def edits(self) -> np.ndarray:
        """The edits as a read-only ``(n, 4)`` array of ``(orig_start, orig_end, norm_start, norm_end)``."""
        out = np.stack(self._columns, axis=1)
        out.flags.writeable = False
        return out

    @property
    def nbytes(self) -> int:
        """Bytes held by the edit arrays."""
        return sum(int(c.nbytes) for c in self._columns)

    @property
    def is_identity(self) -> bool:
        """True when the two texts are the same (no edits)."""
        return len(self) == 0

    def __repr__(self) -> str:
        return f"<Alignment {self.orig_len} -> {self.norm_len} chars, {len(self)} edits>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Alignment):
            return NotImplemented
        return (self.orig_len, self.norm_len) == (other.orig_len, other.norm_len) and all(
            np.array_equal(a, b) for a, b in zip(self._columns, other._columns)
        )

    def __hash__(self) -> int:
        return hash((self.orig_len, self.norm_len, self.orig_start.tobytes(), self.norm_start.tobytes()))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.orig_len, self.norm_len, *self._columns))

    # -- mapping ----------------------------------------------------------------------------
    @functools.cached_property
    def _shift_to_norm(self) -> np.ndarray:
        return cumulative_shift(*self._columns)

    @functools.cached_property
    def _shift_to_orig(self) -> np.ndarray:
        return cumulative_shift(self.norm_start, self.norm_end, self.orig_start, self.orig_end)

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
        back = (self.norm_start, self.norm_end, self.orig_start, self.orig_end)
        return map_spans(back, self._shift_to_orig, self.norm_len, self.orig_len, starts, ends, "normalized")

    def to_normalized_many(self, starts: Any, ends: Any) -> tuple[np.ndarray, np.ndarray]:
        """Vectorised :meth:`to_normalized`: arrays of starts and ends in, arrays out."""
        return map_spans(self._columns, self._shift_to_norm, self.orig_len, self.norm_len, starts, ends, "original")

    # -- algebra ----------------------------------------------------------------------------
    def inverse(self) -> Alignment:
        """The alignment from the normalized text back to the original.

        Deletions become insertions, which are attached to a neighbouring
        character as :meth:`from_edits` does.
        """
        back = (self.norm_start, self.norm_end, self.orig_start, self.orig_end)
        return canonical(back, self.norm_len, self.orig_len)

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
        if self.norm_len == 0:  # everything deleted, then anything inserted
            rows = [(0, self.orig_len, 0, other.norm_len)] if self.orig_len or other.norm_len else []
            return canonical(columns(rows), self.orig_len, other.norm_len)
        cols = compose_columns(self._columns, self._shift_to_orig, other._columns, other._shift_to_norm)
        return canonical(cols, self.orig_len, other.norm_len)


def _rebuild(orig_len: int, norm_len: int, *cols: np.ndarray) -> Alignment:
    return Alignment(orig_len, norm_len, *(frozen(c) for c in cols))


def _trusted(cols: Columns, orig_len: int, norm_len: int) -> Alignment:
    """An :class:`Alignment` from columns known to be valid and canonical (no checks)."""
    al = object.__new__(Alignment)
    for name, value in zip(("orig_len", "norm_len", *_NAMES), (orig_len, norm_len, *map(frozen, cols))):
        object.__setattr__(al, name, value)
    return al


def _validate(cols: Columns, olen: int, nlen: int) -> None:
    """Raise :class:`AlignmentError` unless ``cols`` are sorted, disjoint edits of these lengths."""
    os_, oe, ns, ne = cols
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


def canonical(cols: Columns, olen: int, nlen: int) -> Alignment:
    """Valid edits to an :class:`Alignment`: drop empty rows, attach insertions, merge deletions."""
    os_, oe, ns, ne = (np.asarray(a, dtype=I64) for a in cols)
    keep = (oe > os_) | (ne > ns)
    if not keep.all():
        os_, oe, ns, ne = os_[keep], oe[keep], ns[keep], ne[keep]
    if olen > 0 and (oe == os_).any():
        os_, oe, ns, ne = attach_insertions(os_, oe, ns, ne)
    return _trusted(merge_deletions(os_, oe, ns, ne), olen, nlen)


def diff_alignment(original: str, normalized: str) -> Alignment:
    """The alignment of two texts from a line-by-line diff (:meth:`Alignment.from_diff`)."""
    return Alignment.from_diff(original, normalized)
