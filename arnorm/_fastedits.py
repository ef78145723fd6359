"""Character-map edits located in the executor's NumPy pass (for exact offsets).

:func:`map_with_edits` applies a :class:`~arnorm._fastmap.MapExecutor`'s map
to a long text and, in the same pass over the UTF-16 code units, records
where the output differs from the input, as four ``int64`` columns that
:mod:`arnorm.alignment` turns into an alignment.
"""

from __future__ import annotations

from typing import Any

from ._fastmap import _CHUNK, _DELETED, _SPECIAL, MapExecutor, _np, map_units

__all__ = ["map_with_edits"]


#: At most this many rows are reserved before the edits are seen (then the columns grow by half).
_FIRST_ROWS = 1 << 20


def _block(capacity: int) -> list[Any]:
    """Four ``int64`` columns of ``capacity`` rows in one allocation.

    One large block instead of four: when it is freed, glibc raises its
    mmap and trim thresholds to its size, so the next call reuses the same
    (already mapped) pages instead of faulting fresh ones, a large share of
    the cost on dense text.
    """
    return list(_np.empty((4, capacity), dtype=_np.int64))


class _Columns:
    """Four ``int64`` edit columns filled slice by slice, in place (few, large allocations).

    Page faults dominate the cost of fresh memory, so every value is written
    straight into its column (``out=``) instead of through temporaries.
    """

    __slots__ = ("cols", "size")

    def __init__(self, capacity: int) -> None:
        self.cols = _block(capacity)
        self.size = 0

    def reserve(self, n: int) -> tuple[Any, Any, Any, Any]:
        """Views of the next ``n`` rows of the four columns (grown if needed)."""
        if self.size + n > len(self.cols[0]):
            capacity = max(self.size + n, len(self.cols[0]) * 3 // 2)
            grown = _block(capacity)
            for new, old in zip(grown, self.cols):
                new[: self.size] = old[: self.size]
            self.cols = grown
        a, b, c, d = (col[self.size : self.size + n] for col in self.cols)
        return a, b, c, d

    def result(self) -> tuple[Any, Any, Any, Any]:
        """The filled rows (copied to a block of their own when most of the capacity went unused)."""
        if self.size * 2 < len(self.cols[0]) - 1024:
            exact = _block(self.size)
            for new, old in zip(exact, self.cols):
                new[:] = old[: self.size]
            self.cols = exact
        a, b, c, d = (col[: self.size] for col in self.cols)
        return a, b, c, d


def map_with_edits(executor: MapExecutor, text: str) -> tuple[str, tuple[Any, Any, Any, Any]] | None:
    """Apply ``executor``'s map to ``text`` and locate what it changed, in the same NumPy pass.

    Returns ``(output, (orig_start, orig_end, out_start, out_end))``: four
    sorted ``int64`` arrays of edits, ``text[orig_start[k]:orig_end[k]]``
    became ``output[out_start[k]:out_end[k]]``, and the text between edits is
    unchanged.  An edit is one changed character, or a run of adjacent deleted
    characters.  Returns ``None`` where the NumPy plan does not apply: no NumPy
    table, astral keys, or text with astral characters, lone surrogates,
    U+FFFE or U+FFFF (code-unit positions would not be code-point positions).
    The text is read in slices of :data:`_CHUNK` characters through scratch
    buffers allocated once per call: fresh pages cost more than the work.
    """
    plan = executor.np_plan()
    if plan is None or "\uffff" in text or "\ufffe" in text:
        return None
    table, specials = plan
    deletes = executor.deletes
    has_special = len(specials) > 2  # U+FFFE and U+FFFF are always listed (and excluded above)
    pieces: list[bytes] = []
    columns: _Columns | None = None
    shift = 0  # how much longer the output is than the text before the current slice
    size = min(len(text), _CHUNK)
    scratch = (_np.empty(size, dtype=_np.uint16), _np.empty(size, dtype=bool), _np.empty(size, dtype=bool))
    for start in range(0, len(text), _CHUNK):
        part = text[start : start + _CHUNK]
        try:
            encoded = part.encode("utf-16-le")
        except UnicodeEncodeError:  # lone surrogates
            return None
        if len(encoded) != 2 * len(part):  # astral characters take two code units
            return None
        units = _np.frombuffer(encoded, dtype=_np.uint16)
        mapped, deleted, starts = _slice_edits(table, deletes, units, scratch)
        if columns is None:  # room for this slice's density of edits over the whole text, and a margin
            estimate = len(starts) * -(-len(text) // _CHUNK) * 9 // 8 + 1024
            columns = _Columns(min(len(text), estimate, _FIRST_ROWS))
        cols = columns.reserve(len(starts))
        special = _np.flatnonzero(_np.take(mapped, starts) == _SPECIAL) if has_special else ()
        shift = _fill_edits(specials, units, deleted, starts, special, start, shift, cols, scratch[1])
        if columns.size and len(starts) and _deletion_continues(columns, start):
            columns.cols[1][columns.size - 1] = cols[1][0]  # a run of deletions across the cut: one edit
            for col in cols:
                col[:-1] = col[1:].copy()
            columns.size -= 1
        columns.size += len(starts)
        if len(special):
            # replacements longer than one unit: the executor's own path
            mapped_text = map_units(table, specials, units.tobytes())
            pieces.append((executor.small(part) if mapped_text is None else mapped_text).encode("utf-16-le"))
        elif deleted is None:
            pieces.append(mapped.tobytes())
        else:
            keep = _np.logical_not(deleted, out=scratch[1][: len(units)])
            pieces.append(mapped[keep].tobytes())
    out = b"".join(pieces).decode("utf-16-le")
    if columns is None:
        empty = _np.zeros(0, dtype=_np.int64)
        return out, (empty, empty, empty, empty)
    return out, columns.result()


def _slice_edits(table: Any, deletes: bool, units: Any, scratch: tuple[Any, Any, Any]) -> tuple[Any, Any, Any]:
    """Map one slice into the scratch buffers: ``(mapped, deleted mask or None, edit starts)``.

    An edit starts at every changed unit except a deleted one that follows a
    deleted one (a run of deletions is one edit).
    """
    n = len(units)
    mapped = table.take(units, out=scratch[0][:n], mode="clip")
    changed = _np.not_equal(mapped, units, out=scratch[1][:n])
    if not deletes:
        return mapped, None, _np.flatnonzero(changed)
    deleted = _np.equal(mapped, _DELETED, out=scratch[2][:n])
    # changed ^ (deleted after a deleted unit); the first unit follows none
    inside = _np.logical_and(deleted[1:], deleted[:-1])
    _np.logical_xor(changed[1:], inside, out=changed[1:])
    return mapped, deleted, _np.flatnonzero(changed)


def _deletion_continues(columns: _Columns, start: int) -> bool:
    """Whether the slice at ``start`` opens with a deletion that continues the previous slice's last edit."""
    os_, oe, ns, ne = columns.cols
    k = columns.size
    return bool(
        os_[k] == start and ns[k] == ne[k] and oe[k - 1] == start and ns[k - 1] == ne[k - 1]
    )


def _fill_edits(
    specials: dict[int, str], units: Any, deleted: Any, starts: Any, special: Any, start: int, shift: int,
    cols: tuple[Any, Any, Any, Any], buffer: Any,
) -> int:
    """Write the edits of one slice into ``cols``; return the output's growth so far.

    ``starts`` are the slice's edit positions, ``special`` the indices of those
    whose replacement is not one BMP character; ``buffer`` is a scratch mask.
    """
    os_, oe, ns, ne = cols
    if not len(starts):
        return shift
    _np.add(starts, start, out=os_)
    _np.add(os_, 1, out=oe)
    if deleted is None:
        ne.fill(1)  # ne holds each edit's output length until the end
    else:
        is_run = _np.take(deleted, starts)
        _np.logical_not(is_run, out=ne, casting="unsafe")
        last = buffer[: len(deleted)]  # the last unit of each run of deletions
        _np.logical_not(deleted[1:], out=last[:-1])
        _np.logical_and(last[:-1], deleted[:-1], out=last[:-1])
        last[-1] = deleted[-1]
        oe[_np.flatnonzero(is_run)] = _np.flatnonzero(last) + (start + 1)  # indices: faster than a mask
    for k in special.tolist() if len(special) else ():
        ne[k] = len(specials[int(units[starts[k]])])
    # out_start = orig_start + shift + growth of the edits before; growth = length - (oe - os)
    _np.subtract(oe, os_, out=ns)
    _np.subtract(ne, ns, out=ns)
    _np.cumsum(ns, out=ns)
    total = shift + int(ns[-1])
    ns += oe
    ns -= ne
    ns += shift
    _np.add(ns, ne, out=ne)
    return total
