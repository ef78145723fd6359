"""Spelling conventions of names: a ``style`` (news, scholarly) and a ``region``.

English-language text spells the same Arabic name differently by purpose and by
the bearer's country: news writes ``Salman bin Abdulaziz`` where a library
catalogue (ALA-LC) writes ``Salman ibn Abd al-Aziz``; Egyptian names are written
with ``g`` for jim and ``Abdel`` (``Gamal Abdel Nasser``, ``Abdel Fattah
el-Sisi``), Iraqi ones with ``Abdul-`` (``Adel Abdul-Mahdi``), Maghrebi ones in
French-based spellings (``Abdelaziz Bouteflika``).

The conventions are data (``arnorm/data/names/conventions.json``, each with its
source): a style or region replaces some templates of ``grammar.json``, and a
region may rewrite the letters of Arab name spellings and prefer some spellings
of frequent names.  They apply to the ``english`` scheme; the ``french`` scheme
is itself the Maghrebi French convention.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

import regex

from ...datafile import Described, load_json, validate
from ...errors import DataFileError, UnknownConventionError

__all__ = ["REGIONS", "STYLES", "Convention", "UnknownConventionError", "convention"]

CONVENTIONS_FILE = "names/conventions.json"
#: The styles, the default first.
STYLES = ("news", "scholarly")
#: The regions (``None`` = no region: international news usage).
REGIONS = ("egypt", "gulf", "iraq", "levant", "maghreb")


@dataclass(frozen=True)
class _Style:
    source: str
    templates: Mapping[str, tuple[str, ...]]
    rewrites: tuple[tuple[str, str], ...]
    rewrites_source: str


@dataclass(frozen=True)
class _Region:
    source: str
    templates: Mapping[str, tuple[str, ...]]
    rewrites: tuple[tuple[str, str], ...]
    prefer: tuple[str, ...]


@dataclass(frozen=True)
class _Conventions(Described):
    styles: Mapping[str, _Style]
    regions: Mapping[str, _Region]


@functools.cache
def _data() -> _Conventions:
    data: _Conventions = validate(load_json(CONVENTIONS_FILE), _Conventions, CONVENTIONS_FILE)
    if set(data.styles) != set(STYLES) or set(data.regions) != set(REGIONS):
        raise DataFileError(CONVENTIONS_FILE, f"expected the styles {STYLES} and the regions {REGIONS}")
    groups = [(f"styles.{n}", v.rewrites) for n, v in data.styles.items()]
    groups += [(f"regions.{n}", v.rewrites) for n, v in data.regions.items()]
    for where, rewrites in groups:
        for i, (pattern, _) in enumerate(rewrites):
            try:
                regex.compile(pattern)
            except regex.error as exc:
                raise DataFileError(f"{CONVENTIONS_FILE}:{where}.rewrites[{i}]", str(exc)) from None
    return data


@functools.cache
def _compiled(group: str, name: str) -> tuple[tuple[regex.Pattern[str], str], ...]:
    """The letter rewrites of a style or region (``group``: ``styles`` or ``regions``), compiled once."""
    data = _data()
    rewrites = data.styles[name].rewrites if group == "styles" else data.regions[name].rewrites
    return tuple((regex.compile(pattern), repl) for pattern, repl in rewrites)


@dataclass(frozen=True)
class Convention:
    """A scheme with its style and region (hashable: spellings are cached per convention).

    Attributes:
        scheme: ``"english"`` or ``"french"``.
        style: one of :data:`STYLES`.
        region: one of :data:`REGIONS`, or ``None``.
    """

    scheme: str
    style: str = "news"
    region: str | None = None

    @property
    def applies(self) -> bool:
        """Whether style and region change anything (they apply to the english scheme only)."""
        return self.scheme == "english"

    def templates(self, name: str, base: tuple[str, ...]) -> tuple[str, ...]:
        """The templates for ``name`` (``abd``, ``bin``, ...): the region's, else the style's, else ``base``."""
        if not self.applies:
            return base
        data = _data()
        if self.region is not None and self.style == "news":
            found = data.regions[self.region].templates.get(name)
            if found:
                return found
        return data.styles[self.style].templates.get(name) or base

    def rewrite(self, spelling: str) -> str:
        """An Arab name's spelling in the region's letters (Egypt: ``Jamal`` -> ``Gamal``)."""
        if not self.applies or self.region is None:
            return spelling
        out = spelling.lower()
        for pattern, repl in _compiled("regions", self.region):
            out = pattern.sub(repl, out)
        return out[:1].upper() + out[1:] if spelling[:1].isupper() else out

    def restyle(self, spelling: str) -> str:
        """One word's spelling in the style's vowel conventions (news: fuʿayl ``Jubayr`` -> ``Jubeir``)."""
        if not self.applies:
            return spelling
        out = spelling.lower()
        for pattern, repl in _compiled("styles", self.style):
            out = pattern.sub(repl, out)
        if out == spelling.lower():
            return spelling
        return out[:1].upper() + out[1:] if spelling[:1].isupper() else out

    def preferred(self) -> frozenset[str]:
        """Spellings of frequent names that the region prefers (compared case-insensitively)."""
        if not self.applies or self.region is None:
            return frozenset()
        return frozenset(s.casefold() for s in _data().regions[self.region].prefer)


def convention(scheme: str, style: str = "news", region: str | None = None) -> Convention:
    """A checked :class:`Convention`.

    Raises:
        UnknownConventionError: for a style or region that does not exist (lists the valid ones).
    """
    if style not in STYLES:
        raise UnknownConventionError(style, STYLES)
    if region is not None and region not in REGIONS:
        raise UnknownConventionError(region, REGIONS)
    return Convention(scheme, style, region)


def sources() -> Mapping[str, str]:
    """The source of every style and region, by name (for documentation)."""
    data = _data()
    return {**{k: v.source for k, v in data.styles.items()}, **{k: v.source for k, v in data.regions.items()}}
