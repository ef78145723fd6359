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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal

from ...datafile import load_json, validate
from ...errors import DataFileError
from .normalize import arabic_key

__all__ = ["KINDS", "Entry", "fold", "lexicon", "lookup", "lookup_loose"]

#: The kinds of entry, as written in the data file.
KINDS = ("given", "family", "nisba", "particle", "divine", "title", "foreign", "name", "place", "noun")


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


Kind = Literal["given", "family", "nisba", "particle", "divine", "title", "foreign", "name", "place", "noun"]
LEXICON_FILE = "names/lexicon.json"


@dataclass(frozen=True)
class _Stored:
    """One entry as ``lexicon.json`` stores it (the schema :func:`validate` checks)."""

    en: tuple[str, ...]
    k: tuple[Kind, ...]
    s: tuple[str, ...]
    fr: tuple[str, ...] = ()
    v: str | None = None
    vq: Literal["curated", "source", "derived", ""] = ""


def _entry(key: str, raw: Any) -> Entry:
    """Validate one stored entry (raises :class:`DataFileError` naming it) and build its :class:`Entry`."""
    stored: _Stored = validate(raw, _Stored, f"{LEXICON_FILE}:entries.{key}")
    if not stored.en:
        raise DataFileError(f"{LEXICON_FILE}:entries.{key}.en", "an entry needs at least one English spelling")
    return Entry(
        key=key,
        vocalized=stored.v or None,
        vocalization=stored.vq if stored.v else "",
        english=stored.en,
        french=stored.fr,
        kinds=stored.k,
        sources=stored.s,
    )


class _Lexicon(Mapping[str, Entry]):
    """The entries, validated and built from the parsed JSON on first access to each (cheap to load)."""

    def __init__(self, raw: dict[str, Any]) -> None:
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

    def raw(self) -> Mapping[str, Any]:
        """The entries as stored (read-only use)."""
        return self._raw


@functools.cache
def _load() -> _Lexicon:
    entries = load_json(LEXICON_FILE).get("entries")
    if not isinstance(entries, dict):
        raise DataFileError(LEXICON_FILE, "no object under the top-level key 'entries'")
    return _Lexicon(entries)


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
        sources = raw[key].get("s", []) if isinstance(raw[key], dict) else []
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
    stored = validate(load_json("names/latin_names.json"), _LatinNames, "names/latin_names.json")
    return frozenset(stored.names.split())


@dataclass(frozen=True)
class _LatinNames:
    """The schema of ``latin_names.json``: the spellings, space-separated, in one string."""

    name: str
    description: str
    source: str
    names: str
