"""Executors for character maps, chosen per table and per input size.

CPython has no single fast way to apply a character map to non-ASCII text:
``str.translate`` costs ~70 ns per character on Arabic text, while a chained
``str.replace`` runs at GB/s per pass and a NumPy table lookup over the UTF-16
code units runs at ~500 MB/s whatever the table's size.  :class:`MapExecutor`
compiles one table into three plans and picks one per call:

* **large** inputs (NumPy present, BMP text without U+FFFF): encode to UTF-16,
  one vectorised table lookup, drop deleted units, decode; then expand the few
  keys whose replacement is not one BMP character (ligatures such as U+FDF2)
  with ``str.replace``;
* **small** inputs, and tables of a handful of keys: ``str.replace`` for the keys that are common in Arabic text
  (letters, harakat, digits, tatweel), each guarded by ``in``; one compiled
  character-class search for every other key, and ``str.translate`` over the
  rare keys only when that search hits;
* ``str.translate`` alone when the table is not *closed* (some replacement
  contains a key, so the order of replacements would matter).

All three give exactly the result of applying the map once to every character
(:func:`arnorm.tables.apply_map`); the test suite checks that for every stage.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_np: Any
try:  # NumPy makes large inputs ~3x faster; arnorm stays correct without it.
    import numpy as _np
except ImportError:  # pragma: no cover - exercised only where NumPy is absent
    _np = None

__all__ = ["LARGE_INPUT", "MapExecutor", "_np"]

#: Inputs of at least this many characters take the NumPy plan.
LARGE_INPUT = 4096

# Sentinels in the NumPy table: U+FFFF and U+FFFE are noncharacters, and
# inputs that contain either avoid the NumPy plan.
_DELETED = 0xFFFF
_SPECIAL = 0xFFFE  # a key whose replacement is not one BMP character
_CHUNK = 1 << 18
# Tables this small run as guarded str.replace calls at any size: each ``in``
# check scans at ~5 GB/s, cheaper than one NumPy pass over the text.
_FEW_KEYS = 6


def _is_common(char: str) -> bool:
    """Characters frequent enough in Arabic text to deserve their own replace pass."""
    cp = ord(char)
    return cp in (0x060C, 0x061B, 0x061F, 0x0640, 0x0670, 0x0671) or (
        0x0621 <= cp <= 0x0652 or 0x0660 <= cp <= 0x0669
    )


def _char_class(chars: list[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


class MapExecutor:
    """Apply one character map, fast.  Call it with a string.

    Args:
        mapping: ``{char: replacement}``; ``""`` deletes.  Keys are single
            code points.
    """

    __slots__ = (
        "_astral",
        "_closed",
        "_common",
        "_empty",
        "_np_deletes",
        "_np_table",
        "_rare",
        "_rare_table",
        "_special",
        "_translate",
    )

    def __init__(self, mapping: Mapping[str, str]) -> None:
        table = {k: v for k, v in mapping.items() if k != v}
        self._empty = not table
        self._translate = {ord(k): v for k, v in table.items()}
        keys = table.keys()
        self._closed = not any(c in keys for v in table.values() for c in v)
        few = len(table) <= _FEW_KEYS
        common = [k for k in table if few or _is_common(k)]
        rare = [k for k in table if not (few or _is_common(k))]
        self._common = tuple((k, table[k]) for k in common)
        self._rare = _char_class(rare) if rare else None
        self._rare_table = {ord(k): table[k] for k in rare}
        self._np_table = None
        self._np_deletes = False
        self._special: dict[int, str] = {}
        if _np is not None and self._closed and not few:
            np_table = _np.arange(0x10000, dtype=_np.uint16)
            for k, v in table.items():
                cp = ord(k)
                if cp > 0xFFFF:
                    continue  # astral keys: see large(), which then declines
                if v == "":
                    np_table[cp] = _DELETED
                    self._np_deletes = True
                elif len(v) == 1 and (ord(v) < 0xD800 or 0xE000 <= ord(v) < _SPECIAL):
                    np_table[cp] = ord(v)
                else:
                    np_table[cp] = _SPECIAL
                    self._special[cp] = v
            self._np_table = np_table
            self._astral = any(ord(k) > 0xFFFF for k in table)

    def __call__(self, text: str) -> str:
        if self._empty:
            return text
        if not self._closed:
            return text.translate(self._translate)
        if self._np_table is not None and len(text) >= LARGE_INPUT:
            out = self.large(text)
            if out is not None:
                return out
        return self.small(text)

    def small(self, text: str) -> str:
        """The plan for short inputs: guarded ``str.replace`` plus a rare-key translate."""
        if not self._closed:
            return text.translate(self._translate)
        for key, value in self._common:
            if key in text:
                text = text.replace(key, value)
        if self._rare is not None and self._rare.search(text) is not None:
            text = text.translate(self._rare_table)
        return text

    def large(self, text: str) -> str | None:
        """The NumPy plan; ``None`` when the table cannot take it (astral keys).

        The text is processed in slices of :data:`_CHUNK` characters, so that
        every buffer stays small (cache-resident, and reused by the allocator
        instead of being mapped afresh); a slice with lone surrogates, U+FFFE
        or U+FFFF takes the small plan.
        """
        if self._np_table is None or self._astral:
            return None
        pieces = []
        for start in range(0, len(text), _CHUNK):
            part = text[start : start + _CHUNK]
            if "\uffff" in part or "\ufffe" in part:
                pieces.append(self.small(part))
                continue
            try:
                units = _np.frombuffer(part.encode("utf-16-le"), dtype=_np.uint16)
            except UnicodeEncodeError:  # lone surrogates
                pieces.append(self.small(part))
                continue
            pieces.append(b"".join(self._chunk(units)).decode("utf-16-le"))
        return "".join(pieces)

    def _chunk(self, units: Any) -> list[bytes]:
        mapped = self._np_table.take(units)  # type: ignore[union-attr]
        parts: list[bytes] = []
        if self._special:
            where = _np.flatnonzero(mapped == _SPECIAL)
            if len(where) * 64 > len(units):  # dense: the small plan is faster
                return [self.small(units.tobytes().decode("utf-16-le")).encode("utf-16-le")]
            prev = 0
            for i in where.tolist():
                parts.append(self._drop(mapped[prev:i]))
                parts.append(self._special[int(units[i])].encode("utf-16-le"))
                prev = i + 1
            mapped = mapped[prev:]
        parts.append(self._drop(mapped))
        return parts

    def _drop(self, mapped: Any) -> bytes:
        if self._np_deletes:
            mapped = mapped[mapped != _DELETED]
        out: bytes = mapped.tobytes()
        return out


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
    table = executor._np_table
    if table is None or executor._astral or "\uffff" in text or "\ufffe" in text:
        return None
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
        mapped, deleted, starts = _slice_edits(executor, units, scratch)
        if columns is None:  # room for this slice's density of edits over the whole text, and a margin
            estimate = len(starts) * -(-len(text) // _CHUNK) * 9 // 8 + 1024
            columns = _Columns(min(len(text), estimate, _FIRST_ROWS))
        cols = columns.reserve(len(starts))
        special = _np.flatnonzero(_np.take(mapped, starts) == _SPECIAL) if executor._special else ()
        shift = _fill_edits(executor, units, deleted, starts, special, start, shift, cols, scratch[1])
        if columns.size and len(starts) and _deletion_continues(columns, start):
            columns.cols[1][columns.size - 1] = cols[1][0]  # a run of deletions across the cut: one edit
            for col in cols:
                col[:-1] = col[1:].copy()
            columns.size -= 1
        columns.size += len(starts)
        if len(special):
            pieces.extend(executor._chunk(units))  # replacements longer than one unit: the executor's path
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


def _slice_edits(executor: MapExecutor, units: Any, scratch: tuple[Any, Any, Any]) -> tuple[Any, Any, Any]:
    """Map one slice into the scratch buffers: ``(mapped, deleted mask or None, edit starts)``.

    An edit starts at every changed unit except a deleted one that follows a
    deleted one (a run of deletions is one edit).
    """
    n = len(units)
    mapped = executor._np_table.take(units, out=scratch[0][:n], mode="clip")  # type: ignore[union-attr]
    changed = _np.not_equal(mapped, units, out=scratch[1][:n])
    if not executor._np_deletes:
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
    executor: MapExecutor, units: Any, deleted: Any, starts: Any, special: Any, start: int, shift: int,
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
        ne[k] = len(executor._special[int(units[starts[k]])])
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
