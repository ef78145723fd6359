"""Executors for character maps, chosen per table and per input size.

CPython has no single fast way to apply a character map to non-ASCII text:
``str.translate`` costs ~70 ns per character on Arabic text, while a chained
``str.replace`` runs at GB/s per pass and a NumPy table lookup over the UTF-16
code units runs at GB/s whatever the table's size.  :class:`MapExecutor`
compiles one table into up to three plans and picks one per call:

* **large** inputs (at least :data:`LARGE_INPUT` characters): in slices of
  :data:`SLICE` characters, encode to UTF-16, one vectorised lookup in a
  64K-entry table (``np.take``), drop deleted units with ``np.compress``,
  decode; the few keys whose replacement is not one BMP character (ligatures
  such as U+FDF2) are spliced in afterwards;
* **small** inputs, and tables of a handful of keys: ``str.replace`` for the
  keys that are common in Arabic text (letters, harakat, digits, tatweel),
  each guarded by ``in``; one compiled character-class search for every other
  key, and ``str.translate`` over the rare keys only when that search hits;
* ``str.translate`` alone when the table is not *closed* (some replacement
  contains a key, so the order of replacements would matter).

All three give exactly the result of applying the map once to every character
(:func:`arnorm.tables.apply_map`); ``tests/test_fastmap.py`` checks that on
any text, lone surrogates and astral characters included.

NumPy is imported on the first large input only (:func:`numpy`): importing
arnorm, and normalizing short strings, never pays for it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["LARGE_INPUT", "SLICE", "MapExecutor", "compact", "line_slices", "map_units", "numpy"]

#: Inputs of at least this many characters take the NumPy plan.
LARGE_INPUT = 4096
#: The NumPy plan works on slices of this many characters (buffers stay in cache).
SLICE = 1 << 16
_CHUNK = SLICE  # the former name, kept for callers and tests

# Sentinels in the NumPy table; U+FFFE and U+FFFF are noncharacters, which the
# table marks as "special" (replaced by themselves) so that they never pass
# for a sentinel.
_DELETED = 0xFFFE
_SPECIAL = 0xFFFF  # a key whose replacement is not one BMP character
# Tables this small run as guarded str.replace calls at any size: each ``in``
# check scans at ~5 GB/s, cheaper than one NumPy pass over the text.
_FEW_KEYS = 6


@functools.cache
def numpy() -> Any:
    """The ``numpy`` module, imported on first call; ``None`` if it is not installed."""
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - exercised only where NumPy is absent
        return None
    return np


class _LazyNumpy:
    """Stands for the ``numpy`` module and imports it on first attribute access.

    ``from arnorm._fastmap import _np`` (as :mod:`arnorm.stages.invisible`
    does) therefore costs nothing until NumPy is actually used.
    """

    def __getattr__(self, name: str) -> Any:
        return getattr(numpy(), name)


_np: Any = _LazyNumpy()


def _is_common(char: str) -> bool:
    """Characters frequent enough in Arabic text to deserve their own replace pass."""
    cp = ord(char)
    return cp in (0x060C, 0x061B, 0x061F, 0x0640, 0x0670, 0x0671) or (
        0x0621 <= cp <= 0x0652 or 0x0660 <= cp <= 0x0669
    )


def _char_class(chars: list[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


def _np_eligible(table: Mapping[str, str]) -> bool:
    """Whether the UTF-16 plan can run ``table``: no astral or surrogate keys."""
    return all(ord(k) < 0xD800 or 0xE000 <= ord(k) <= 0xFFFF for k in table)


class MapExecutor:
    """Apply one character map, fast.  Call it with a string.

    Args:
        mapping: ``{char: replacement}``; ``""`` deletes.  Keys are single
            code points.
    """

    __slots__ = (
        "_closed",
        "_common",
        "_empty",
        "_large_ok",
        "_plan",
        "_rare",
        "_rare_only",
        "_rare_table",
        "_table",
        "_translate",
    )

    def __init__(self, mapping: Mapping[str, str]) -> None:
        table = {k: v for k, v in mapping.items() if k != v}
        self._table = table
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
        self._large_ok = self._closed and not few and _np_eligible(table)
        # A map of rare characters only (controls, presentation forms, odd spaces) leaves most
        # text as it is: large() then checks each slice for a change before decoding it.
        self._rare_only = not any(_is_common(k) for k in table)
        self._plan: tuple[Any, dict[int, str]] | None = None

    def __call__(self, text: str) -> str:
        if self._empty:
            return text
        if not self._closed:
            return text.translate(self._translate)
        if self._large_ok and len(text) >= LARGE_INPUT:
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

    def np_plan(self) -> tuple[Any, dict[int, str]] | None:
        """The NumPy table and special keys of this map, built on first use; ``None`` if it cannot take one."""
        if not self._large_ok:
            return None
        if self._plan is None:
            self._plan = _build_np_plan(self._table)
            if self._plan is None:  # pragma: no cover - NumPy absent
                self._large_ok = False
        return self._plan

    @property
    def deletes(self) -> bool:
        """Whether the map deletes any character."""
        return "" in self._table.values()

    def large(self, text: str, size: int = 0) -> str | None:
        """The NumPy plan; ``None`` when the table cannot take it.

        The text is processed in slices of ``size`` (default :data:`SLICE`)
        characters, so that
        every buffer stays small (cache-resident, and reused by the allocator
        instead of being mapped afresh).  A slice with lone surrogates, which
        UTF-16 cannot encode, takes the small plan.
        """
        plan = self.np_plan()
        if plan is None:
            return None
        np_table, special = plan
        np = numpy()
        size = size or SLICE
        pieces = []
        changed = False
        for start in range(0, len(text), size):
            part = text[start : start + size]
            try:
                data = part.encode("utf-16-le")
            except UnicodeEncodeError:  # lone surrogates
                out = self.small(part)
            else:
                units = np.frombuffer(data, dtype=np.uint16)
                mapped = np_table.take(units)
                top = int(mapped.max()) if len(mapped) else 0
                if self._rare_only and top < _DELETED and not (mapped != units).any():  # unchanged: no decoding
                    pieces.append(part)
                    continue
                found = _finish(np, special, units, mapped, top)
                out = self.small(part) if found is None else found
            changed = changed or out != part
            pieces.append(out)
        return "".join(pieces) if changed else text


def _build_np_plan(table: Mapping[str, str]) -> tuple[Any, dict[int, str]] | None:
    """The 64K-entry uint16 table of a character map and its special keys.

    Deleted keys map to ``_DELETED``; keys whose replacement is not one BMP
    character, and U+FFFE/U+FFFF themselves, map to ``_SPECIAL`` and are
    listed in the returned dictionary with their replacement.
    """
    np = numpy()
    if np is None:  # pragma: no cover - exercised only where NumPy is absent
        return None
    np_table = np.arange(0x10000, dtype=np.uint16)
    special: dict[int, str] = {0xFFFE: "\ufffe", 0xFFFF: "\uffff"}
    for k, v in table.items():
        cp = ord(k)
        if v == "":
            np_table[cp] = _DELETED
        elif len(v) == 1 and (ord(v) < 0xD800 or 0xE000 <= ord(v) < _DELETED):
            np_table[cp] = ord(v)
        else:
            special[cp] = v
    for cp in special:
        np_table[cp] = _SPECIAL
    return np_table, special


def map_units(np_table: Any, special: dict[int, str], data: bytes) -> str | None:
    """Map one slice of UTF-16-LE ``data`` through ``np_table``; return the text.

    ``None`` when special keys are dense (one unit in 64 or more): then the
    small plan, one ``str.replace`` per key, is faster than splicing.
    """
    np = numpy()
    units = np.frombuffer(data, dtype=np.uint16)
    return _finish(np, special, units, np_table.take(units))


def _finish(np: Any, special: dict[int, str], units: Any, mapped: Any, top: int | None = None) -> str | None:
    """The text of ``mapped``, the table's image of ``units`` (see :func:`map_units`);
    ``top`` is ``mapped.max()`` when known."""
    if top is None:
        top = int(mapped.max()) if len(mapped) else 0
    if top < _DELETED:
        return str(memoryview(mapped), "utf-16-le")
    if top == _DELETED:
        return _drop_deleted(np, mapped)
    where = np.flatnonzero(mapped == _SPECIAL).tolist()
    if len(where) * 64 > len(units):
        return None
    parts: list[str] = []
    prev = 0
    for i in where:
        parts.append(_drop_deleted(np, mapped[prev:i]))
        parts.append(special[int(units[i])])
        prev = i + 1
    parts.append(_drop_deleted(np, mapped[prev:]))
    return "".join(parts)


def _drop_deleted(np: Any, mapped: Any) -> str:
    """Decode ``mapped`` without its deleted units.

    Dense deletions (vocalized text: every other unit) are compacted with
    ``np.compress``, ~4x faster than a boolean index; sparse ones (news) are
    decoded with the sentinel and removed by ``str.replace``, which copies
    whole runs between occurrences.
    """
    keep = mapped != _DELETED
    if (len(mapped) - int(np.count_nonzero(keep))) * 32 < len(mapped):
        return str(memoryview(mapped), "utf-16-le").replace("\ufffe", "")
    return str(memoryview(np.compress(keep, mapped)), "utf-16-le")


def line_slices(text: str, size: int = SLICE) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces of ``text`` of at least ``size`` characters,
    each but the last ending just after a "\n" (so that no line is cut)."""
    pieces = []
    start = 0
    while start < len(text):
        cut = text.find("\n", start + size)
        end = len(text) if cut < 0 else cut + 1
        pieces.append((start, end))
        start = end
    return pieces


def compact(np: Any, units: Any, keep: Any) -> Any:
    """``units`` without the units where ``keep`` is False.

    A boolean index copies runs and is fast when little goes (about 40 us per 64K
    units at 0.1%); ``np.compress`` costs the same whatever goes (about 120 us),
    so it takes over from about 3%.
    """
    dropped = len(keep) - int(np.count_nonzero(keep))
    if not dropped:
        return units
    return units[keep] if dropped * 32 < len(keep) else np.compress(keep, units)


def bmp_units(np: Any, text: str) -> Any | None:
    """The UTF-16 code units of ``text`` (a uint16 array); ``None`` where they are not its
    characters (astral characters take two, a lone surrogate cannot be encoded)."""
    try:
        units = np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16)
    except UnicodeEncodeError:
        return None
    return units if len(units) == len(text) else None


def by_line_slices(
    np: Any,
    text: str,
    rows: bool,
    fast: Callable[[str], tuple[str, Any] | None],
    slow: Callable[[str], tuple[str, list[tuple[int, int, int, int]]]],
    size: int = SLICE,
) -> tuple[str, Any]:
    """Rewrite ``text`` by slices of whole lines: ``fast(slice)`` gives the output and its
    ``(n, 4)`` edit rows, or ``None`` to leave the slice to ``slow`` (output and edit tuples).

    Returns the output (``text`` itself when no slice changed) and, with ``rows``, every
    edit row in ``text``'s and the output's positions (``None`` without ``rows``).
    """
    pieces: list[str] = []
    blocks: list[Any] = []
    done = 0  # output characters so far
    changed = False
    for start, end in line_slices(text, size):
        part = text[start:end]
        result = fast(part)
        if result is None:
            out, found = slow(part)
            result = out, np.array(found, dtype=np.int64).reshape(-1, 4)
        changed = changed or result[0] is not part
        pieces.append(result[0])
        if rows and len(result[1]):
            blocks.append(result[1] + np.array([start, start, done, done], dtype=np.int64))
        done += len(result[0])
    out = "".join(pieces) if changed else text
    if not rows:
        return out, None
    return out, np.concatenate(blocks) if blocks else np.zeros((0, 4), dtype=np.int64)

