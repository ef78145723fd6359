"""The word lists of the romanizer (``arnorm/data/translit_words.json``), read through the data layer.

Each list is a record with ``name``, ``description``, ``source`` and either a
``map`` (unvocalized letters -> vocalized spelling) or ``words`` (a set).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ...datafile import Described, load_records
from ...errors import DataFileError
from .chars import WAW

__all__ = ["function_words", "irregular", "keep_final", "not_construct_before", "unvocalized_words"]

DATA_FILE = "translit_words.json"


@dataclass(frozen=True)
class WordList(Described):
    """One list of :data:`DATA_FILE`: a ``map`` or a set of ``words``, never both."""

    map: Mapping[str, str] | None = None
    words: tuple[str, ...] | None = None


@functools.cache
def _lists() -> Mapping[str, WordList]:
    out: dict[str, WordList] = {}
    for i, record in enumerate(load_records(DATA_FILE, WordList, key="tables")):
        if (record.map is None) == (record.words is None):
            raise DataFileError(f"{DATA_FILE}:tables[{i}]", "needs exactly one of 'map' and 'words'")
        out[record.name] = record
    return out


def _list(name: str) -> WordList:
    try:
        return _lists()[name]
    except KeyError:
        raise DataFileError(DATA_FILE, f"no word list {name!r}") from None


@functools.cache
def _mapping(name: str) -> Mapping[str, str]:
    return MappingProxyType(dict(_list(name).map or {}))


@functools.cache
def _set(name: str) -> frozenset[str]:
    return frozenset(_list(name).words or ())


def irregular() -> Mapping[str, str]:
    """Words whose spelling hides long vowels or writes silent letters -> vocalized spelling."""
    return _mapping("irregular_words")


def unvocalized_words() -> Mapping[str, str]:
    """Function words written without harakat -> their vocalization."""
    return _mapping("unvocalized_function_words")


def keep_final() -> frozenset[str]:
    """Particles, pronouns and demonstratives that keep their final short vowel in pause."""
    return _set("keep_final_vowel")


def not_construct_before() -> frozenset[str]:
    """Words before which tāʾ marbūṭa is not read as a construct."""
    return _set("not_construct_before")


@functools.cache
def function_words() -> frozenset[str]:
    """Particles, pronouns and prepositions: after wa-/fa- they mark the conjunction."""
    return (keep_final() | not_construct_before()) - {WAW}
