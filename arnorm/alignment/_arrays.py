"""Array kernels of the alignment algebra: canonical form, span mapping, composition.

Every function here works on the four edit columns ``orig_start, orig_end,
norm_start, norm_end`` (sorted, non-overlapping ``int64`` arrays) and knows
nothing of :class:`~arnorm.alignment.Alignment` itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..errors import ArnormError, SpanError

I64 = np.int64
#: Four edit columns: orig_start, orig_end, norm_start, norm_end.
Columns = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def frozen(values: Any) -> np.ndarray:
    """``values`` as a contiguous, read-only ``int64`` array."""
    array: np.ndarray = np.ascontiguousarray(values, dtype=I64)
    array.flags.writeable = False
    return array


EMPTY = frozen(np.zeros(0, dtype=I64))


def columns(rows: Sequence[Sequence[int]]) -> Columns:
    """Rows ``(orig_start, orig_end, norm_start, norm_end)`` as four columns."""
    arr = np.array(rows, dtype=I64).reshape(-1, 4)
    return arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3]


def attach_insertions(os_: np.ndarray, oe: np.ndarray, ns: np.ndarray, ne: np.ndarray) -> Columns:
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
    return columns(out)


def merge_deletions(os_: np.ndarray, oe: np.ndarray, ns: np.ndarray, ne: np.ndarray) -> Columns:
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


def cumulative_shift(src0: np.ndarray, src1: np.ndarray, dst0: np.ndarray, dst1: np.ndarray) -> np.ndarray:
    """``shift[k]``: how much longer the destination is after the first ``k`` edits."""
    delta = (dst1 - dst0) - (src1 - src0)
    out = np.zeros(len(delta) + 1, dtype=I64)
    np.cumsum(delta, out=out[1:])
    return out


def map_spans(
    edits: Columns, shift: np.ndarray, src_len: int, dst_len: int, starts: Any, ends: Any, side: str
) -> tuple[np.ndarray, np.ndarray]:
    """Map spans of the source side of ``edits`` to the destination side (see the package rules).

    Raises:
        SpanError: a span is not ``0 <= start <= end <= src_len``.
    """
    src0, src1, dst0, dst1 = edits
    starts = np.atleast_1d(np.asarray(starts, dtype=I64))
    ends = np.atleast_1d(np.asarray(ends, dtype=I64))
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


def compose_columns(x: Columns, x_shift_back: np.ndarray, y: Columns, y_shift: np.ndarray) -> Columns:
    """A -> B (``x``) then B -> C (``y``): group the edits that overlap in B, map each group's ends.

    ``x_shift_back`` is ``cumulative_shift`` of x from B to A, ``y_shift`` of y
    from B to C.  The result may hold insertions and adjacent deletions: bring
    it to canonical form.

    The B intervals of the two are each sorted (by start, then end: edits are
    sorted and disjoint), so they are merged, not sorted: each one's place is
    its index plus how many of the other list come before it (x first on a tie).
    """
    x0, x1, xb0, xb1 = x
    yb0, yb1, y0, y1 = y
    nx, ny = len(x0), len(y0)
    n = nx + ny
    top = int(max(xb1[-1] if nx else 0, yb1[-1] if ny else 0)) + 1
    if top > 3_000_000_000:  # (start, end) would not fit one int64 key
        return _compose_columns_sorted(x, x_shift_back, y, y_shift)
    at_x = np.arange(nx) + np.searchsorted(yb0 * top + yb1, xb0 * top + xb1, side="left")
    is_x = np.zeros(n, dtype=bool)
    is_x[at_x] = True
    at_y = np.flatnonzero(~is_x)
    big = np.iinfo(I64).max
    starts = np.empty(n, dtype=I64)
    ends = np.empty(n, dtype=I64)
    starts[at_x], starts[at_y] = xb0, yb0
    ends[at_x], ends[at_y] = xb1, yb1
    a0 = np.full(n, big, dtype=I64)
    a1 = np.full(n, -1, dtype=I64)
    c0 = np.full(n, big, dtype=I64)
    c1 = np.full(n, -1, dtype=I64)
    a0[at_x], a1[at_x] = x0, x1
    c0[at_y], c1[at_y] = y0, y1
    return _group_ends(x_shift_back, y_shift, starts, ends, is_x, a0, a1, c0, c1)


def _group_ends(
    x_shift_back: np.ndarray, y_shift: np.ndarray, starts: np.ndarray, ends: np.ndarray, is_x: np.ndarray,
    a0: np.ndarray, a1: np.ndarray, c0: np.ndarray, c1: np.ndarray,
) -> Columns:
    """The ends, on the A and C sides, of each group of overlapping B intervals (given in order,
    ``is_x`` telling which are x's).

    Where a group's ends ``lo`` and ``hi`` fall in A and C takes how many edits of
    each side end at or before them; those are counts of the intervals before the
    group (and in it, for ``hi``), read off one running count instead of searched:
    an interval before the group ends at or before ``lo``, one after it starts at
    or after ``hi``, and an empty (x) interval at ``lo`` can only open its group.
    """
    reach = np.maximum.accumulate(ends)
    new_group = np.ones(len(starts), dtype=bool)
    new_group[1:] = starts[1:] >= reach[:-1]  # touching intervals stay apart
    firsts = np.flatnonzero(new_group)
    if len(firsts) == len(starts):  # no two intervals overlap: every group is one interval
        lasts = firsts
        lo, hi = starts, ends
        out_a0, out_a1, out_c0, out_c1 = a0, a1, c0, c1
    else:
        lasts = np.concatenate([firsts[1:], [len(starts)]]) - 1
        lo, hi = starts[firsts], reach[lasts]
        out_a0 = np.minimum.reduceat(a0, firsts)
        out_a1 = np.maximum.reduceat(a1, firsts)
        out_c0 = np.minimum.reduceat(c0, firsts)
        out_c1 = np.maximum.reduceat(c1, firsts)
    x_upto = np.cumsum(is_x)  # x intervals up to and including each position
    first_x = is_x[firsts]
    x_before = x_upto[firsts] - first_x
    x_last = x_upto[lasts]
    # A side: the group's own x edits, widened to where lo and hi fall in A (after the
    # deletions at lo, before those at hi; a group with lo == hi is one x deletion).
    out_a0 = np.minimum(out_a0, lo + x_shift_back[x_before + (first_x & (lo == ends[firsts]))])
    out_a1 = np.maximum(out_a1, hi + x_shift_back[x_last - (lo == hi)])
    # C side: y has no insertions (canonical form), so every B boundary has one image.
    out_c0 = np.minimum(out_c0, lo + y_shift[firsts - x_before])
    out_c1 = np.maximum(out_c1, hi + y_shift[lasts + 1 - x_last])
    return out_a0, out_a1, out_c0, out_c1


def _compose_columns_sorted(x: Columns, x_shift_back: np.ndarray, y: Columns, y_shift: np.ndarray) -> Columns:
    """:func:`compose_columns` with a sort instead of the merge (texts beyond int64 keys)."""
    x0, x1, xb0, xb1 = x
    yb0, yb1, y0, y1 = y
    nx, ny = len(x0), len(y0)
    starts = np.concatenate([xb0, yb0])
    ends = np.concatenate([xb1, yb1])
    from_x = np.concatenate([np.ones(nx, dtype=bool), np.zeros(ny, dtype=bool)])
    order = np.lexsort((ends, starts))  # by start; at one start an empty (deletion) first
    starts, ends, from_x = starts[order], ends[order], from_x[order]
    big = np.iinfo(I64).max
    a0 = np.where(from_x, np.concatenate([x0, np.full(ny, big)])[order], big)
    a1 = np.where(from_x, np.concatenate([x1, np.full(ny, -1)])[order], -1)
    c0 = np.where(~from_x, np.concatenate([np.full(nx, big), y0])[order], big)
    c1 = np.where(~from_x, np.concatenate([np.full(nx, -1), y1])[order], -1)
    return _group_ends(x_shift_back, y_shift, starts, ends, from_x, a0, a1, c0, c1)
