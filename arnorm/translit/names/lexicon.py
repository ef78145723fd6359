"""The name lexicon: known Arabic names with their vocalization and Latin spellings.

The data is ``arnorm/data/names/lexicon.json``, built by
``scripts/build_name_lexicon.py`` from the curated core list
(``arnorm/data/names/core.tsv``) and public, licensed lists (arabnamer,
GeoNames, Unicode CLDR, algeria-wilayas-communes; attributions in
``arnorm/data/names/README.md``).  Keys are normalized Arabic spellings
(:func:`~arnorm.translit.names.normalize.arabic_key`); a family name that takes
the article is listed without it when it comes from the curated core.

The file is read lazily, once, on first lookup.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from .normalize import arabic_key

__all__ = ["KINDS", "Entry", "fold", "lexicon", "lookup", "lookup_loose"]

#: The kinds of entry, as written in the data file.
KINDS = ("given", "family", "nisba", "particle", "divine", "title", "foreign", "name", "place")


@dataclass(frozen=True)
class Entry:
    """One lexicon entry.

    Attributes:
        key: the normalized Arabic spelling (no harakat).
        vocalized: the spelling with short vowels and shadda, or ``None`` when
            no reliable vocalization is known.
        vocalization: where ``vocalized`` comes from: ``"curated"`` (the core
            list), ``"source"`` (the source data had harakat), ``"derived"``
            (inferred from the Latin spellings by
            ``scripts/build_name_lexicon.py``) or ``""``.
        english: Latin spellings in English-language use, preferred first.
        french: spellings in French/Maghrebi use, preferred first (may be empty).
        kinds: what the name is (see :data:`KINDS`), most specific first.
        sources: the lists the entry comes from.
    """

    key: str
    vocalized: str | None
    vocalization: str
    english: tuple[str, ...]
    french: tuple[str, ...]
    kinds: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def is_place(self) -> bool:
        """Whether the entry is only known as a place name."""
        return self.kinds == ("place",)


def _entry(key: str, raw: Mapping[str, object]) -> Entry:
    def strings(field: str) -> tuple[str, ...]:
        value = raw.get(field, [])
        assert isinstance(value, list)
        return tuple(str(v) for v in value)

    vocalized = raw.get("v")
    return Entry(
        key=key,
        vocalized=str(vocalized) if vocalized else None,
        vocalization=str(raw.get("vq", "")) if vocalized else "",
        english=strings("en"),
        french=strings("fr"),
        kinds=strings("k"),
        sources=strings("s"),
    )


class _Lexicon(Mapping[str, Entry]):
    """The entries, built from the parsed JSON on first access to each (cheap to load)."""

    def __init__(self, raw: dict[str, dict[str, object]]) -> None:
        self._raw = raw
        self._built: dict[str, Entry] = {}

    def __getitem__(self, key: str) -> Entry:
        entry = self._built.get(key)
        if entry is None:
            entry = self._built[key] = _entry(key, self._raw[key])
        return entry

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def raw(self) -> Mapping[str, Mapping[str, object]]:
        """The entries as stored (read-only use)."""
        return self._raw


@functools.cache
def _load() -> _Lexicon:
    text = resources.files("arnorm.data.names").joinpath("lexicon.json").read_text(encoding="utf-8")
    return _Lexicon(json.loads(text)["entries"])


def lexicon() -> Mapping[str, Entry]:
    """Every entry, by normalized key (the file is read once, on first use)."""
    return _load()


def lookup(name: str) -> Entry | None:
    """The entry for ``name`` (normalized first), or ``None``.

    >>> lookup("مُحَمَّد").english[0]
    'Mohammed'
    """
    return lexicon().get(arabic_key(name))


_FOLD = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0629": "\u0647", "\u0649": "\u064a"})


def fold(key: str) -> str:
    """A looser spelling key: hamza on alef dropped (أ إ آ -> ا), ة -> ه, ى -> ي.

    These are the spellings people vary most when they type names.

    >>> fold("أسامة")
    'اسامه'
    """
    return key.translate(_FOLD)


@functools.cache
def _folded() -> Mapping[str, str]:
    """Folded key -> the entry key to use for it (curated entries win, then the most sources)."""
    index: dict[str, str] = {}
    raw = _load().raw()

    def rank(key: str) -> tuple[bool, int, str]:
        sources = raw[key].get("s", [])
        assert isinstance(sources, list)
        return ("core" not in sources, -len(sources), key)

    for key in sorted(raw, key=rank):
        index.setdefault(fold(key), key)
    return MappingProxyType(index)


def lookup_loose(name: str) -> Entry | None:
    """Like :func:`lookup`, but falling back to spellings that differ only as :func:`fold` allows.

    >>> lookup_loose("احمد").key
    'أحمد'
    """
    key = arabic_key(name)
    entry = lexicon().get(key)
    if entry is not None:
        return entry
    other = _folded().get(fold(key))
    return lexicon()[other] if other is not None else None


@functools.cache
def known_latin() -> frozenset[str]:
    """Latin spellings of names people write (folded to a-z; ``latin_names.json``)."""
    text = resources.files("arnorm.data.names").joinpath("latin_names.json").read_text(encoding="utf-8")
    return frozenset(json.loads(text)["names"].split())
