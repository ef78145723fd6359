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
