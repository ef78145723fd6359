"""Character tables: loading, validation and composition.

A table is data: a JSON file in ``arnorm/data/`` holding a list of tables, each
an object with ``name``, ``description``, ``source`` and ``map``.  The grammar of
``map`` follows CAMeL Tools' charmaps, made strict:

* a key is one code point (``"\\u0623"``) or an inclusive range of code points
  written ``"\\u064B-\\u0652"`` (first, hyphen, last; first < last);
* a value is the replacement string (``""`` deletes the character) or ``null``,
  which keeps the character (useful to document a deliberate exception);
* keys are written as ``\\u`` escapes in the files, so that a reviewer can read
  them, and must appear in ascending order without overlapping: overlapping
  ranges are rejected, not resolved by insertion order;
* a table may set ``"bijective": true``; then every value must be exactly one
  character and no two keys may share a value (checked on load).

Files are read through :func:`arnorm.datafile.load_records` (lazily, with
:mod:`importlib.resources`, cached), so importing arnorm reads no data file and
a missing file, or an entry that breaks :class:`TableRecord` (a missing
field, a value of the wrong type), raises :class:`~arnorm.errors.DataFileError`
naming the file, the entry and the field.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .datafile import Described, load_records
from .errors import TableError

__all__ = ["Table", "TableRecord", "apply_map", "compose", "load_table", "parse_map", "table_names"]


@dataclass(frozen=True)
class Table(Described):
    """One validated character table.

    Attributes:
        name: the table's name, unique within its file.
        description: one line saying what it does.
        source: where the facts in it come from.
        mapping: code point -> replacement (``""`` = delete); identities removed.
    """

    mapping: Mapping[str, str]


def _parse_key(table: str, key: str) -> tuple[int, int]:
    """Return the inclusive code point range a key stands for."""
    if len(key) == 1:
        return ord(key), ord(key)
    if len(key) == 3 and key[1] == "-":
        first, last = ord(key[0]), ord(key[2])
        if first >= last:
            raise TableError(table, "range must go from a lower to a higher code point", key)
        return first, last
    raise TableError(table, "a key must be one character or a range 'A-B'", key)


def parse_map(table: str, raw: Mapping[str, str | None], *, bijective: bool = False) -> dict[str, str]:
    """Expand and validate a raw ``map`` object into ``{char: replacement}``.

    Raises:
        TableError: for malformed keys, keys out of order, overlapping ranges,
            non-string values, or a table claimed bijective that is not.
    """
    out: dict[str, str] = {}
    previous_last = -1
    for key, value in raw.items():
        first, last = _parse_key(table, key)
        if first <= previous_last:
            raise TableError(table, "keys overlap or are out of ascending order", key)
        previous_last = last
        if value is not None and not isinstance(value, str):
            raise TableError(table, f"value must be a string or null, not {type(value).__name__}", key)
        for cp in range(first, last + 1):
            char = chr(cp)
            if value is not None and value != char:
                out[char] = value
    if bijective:
        seen: dict[str, str] = {}
        for char, value in out.items():
            if len(value) != 1:
                raise TableError(table, "claimed bijective but maps to a non-single character", char)
            if value in seen:
                raise TableError(
                    table, f"claimed bijective but {seen[value]!r} maps to {value!r} too", char
                )
            seen[value] = char
    return out


@dataclass(frozen=True)
class TableRecord(Described):
    """The schema of one entry of a table file's ``tables`` list (see the module docstring)."""

    map: Mapping[str, str | None]
    bijective: bool = False


@functools.cache
def _load_file(family: str) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for entry in load_records(f"{family}.json", TableRecord, key="tables"):
        if entry.name in tables:
            raise TableError(entry.name, f"defined twice in {family}.json")
        mapping = parse_map(entry.name, entry.map, bijective=entry.bijective)
        tables[entry.name] = Table(entry.name, entry.description, entry.source, MappingProxyType(mapping))
    return tables


def load_table(family: str, name: str) -> Table:
    """Load table ``name`` from ``arnorm/data/{family}.json`` (cached).

    Raises:
        DataFileError: the file does not exist or breaks :class:`TableRecord`.
        TableError: the table does not exist, or fails validation.
    """
    tables = _load_file(family)
    try:
        return tables[name]
    except KeyError:
        raise TableError(
            name, f"not in {family}.json; tables there: {', '.join(sorted(tables))}"
        ) from None


def table_names(family: str) -> tuple[str, ...]:
    """The names of the tables in ``arnorm/data/{family}.json``, in file order."""
    return tuple(_load_file(family))


def merge(*maps: Mapping[str, str]) -> dict[str, str]:
    """Union of disjoint maps; raises ``TableError`` if two maps share a key."""
    out: dict[str, str] = {}
    for m in maps:
        for key, value in m.items():
            if key in out and out[key] != value:
                raise TableError("merge", f"conflicting replacements {out[key]!r} and {value!r}", key)
            out[key] = value
    return out


def apply_map(mapping: Mapping[str, str], text: str) -> str:
    """Apply a character map once to every character of ``text`` (reference semantics)."""
    get = mapping.get
    return "".join([get(c, c) for c in text])


def compose(maps: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """Compose character maps applied in order into one equivalent map.

    For ``a`` then ``b``: ``out[k] = b(a[k])`` for ``a``'s keys, then ``b``'s keys
    that ``a`` lacks; identities are dropped.  Applying the result once equals
    applying each map in turn.

    Each map revisits only the entries whose value holds one of its keys (an
    index from characters to the keys whose value holds them), so that the
    fourteen maps of a preset compose in about a millisecond: the command line
    does it at every start.
    """
    out: dict[str, str] = {}
    holders: dict[str, set[str]] = {}  # character -> keys of out whose value held it (may be stale)
    for b in maps:
        get = b.get
        touched: set[str] = set()
        for char in b:
            touched.update(holders.get(char, ()))
        added = [(k, v) for k, v in b.items() if k not in out]
        changed = [(k, "".join([get(c, c) for c in out[k]])) for k in touched]
        for k, v in (*changed, *added):
            out[k] = v
            for char in v:
                holders.setdefault(char, set()).add(k)
    return {k: v for k, v in out.items() if k != v}
