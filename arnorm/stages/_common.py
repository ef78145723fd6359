"""Helpers shared by the stage families."""

from __future__ import annotations

from collections.abc import Iterable

from ..stage import CharMap
from ..tables import load_table, merge


def table_map(family: str, names: Iterable[str], stage: str) -> CharMap:
    """A CharMap named ``stage`` made of the union of tables ``names`` of ``family``."""
    tables = [load_table(family, n) for n in names]
    return CharMap.from_mapping(stage, merge(*(t.mapping for t in tables)))


def inverse(mapping: dict[str, str]) -> dict[str, str]:
    """The inverse of a bijective single-character map."""
    return {v: k for k, v in mapping.items()}


#: One edit of a spliced text: ``text[start:end]`` becomes ``new``.
Splice = tuple[int, int, str]


def splice(text: str, edits: Iterable[Splice]) -> tuple[str, list[tuple[int, int, int, int]]]:
    """Apply sorted, non-overlapping ``(start, end, new)`` edits to ``text``.

    Returns the new text and the edit rows ``(start, end, out_start, out_end)``
    that :meth:`arnorm.offsets.Alignment.from_edits` takes (a function stage's
    ``with_edits`` hook), so that offsets through the stage are exact.
    """
    pieces: list[str] = []
    rows: list[tuple[int, int, int, int]] = []
    last = size = 0
    for start, end, new in edits:
        pieces += [text[last:start], new]
        size += start - last
        rows.append((start, end, size, size + len(new)))
        size += len(new)
        last = end
    if not rows:
        return text, rows
    pieces.append(text[last:])
    return "".join(pieces), rows


def runs_of(text: str, chars: Iterable[str]) -> list[tuple[int, int]]:
    """The maximal runs ``(start, end)`` of ``text`` made of ``chars``, in order.

    Fast when the characters are rare: each is looked for with ``str.find``
    (characters absent from the text cost one scan each).
    """
    hits = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            hits.append(at)
            at = text.find(char, at + 1)
    runs: list[tuple[int, int]] = []
    for at in sorted(hits):
        if runs and runs[-1][1] == at:
            runs[-1] = (runs[-1][0], at + 1)
        else:
            runs.append((at, at + 1))
    return runs
