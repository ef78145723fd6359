"""The typed schema of ``arnorm/data/dates.json``, read through :mod:`arnorm.datafile`.

:func:`load` returns the whole file as one validated, immutable
:class:`DatesFile`; a file that breaks the schema raises
:class:`~arnorm.errors.DataFileError` naming the section, record and field.
Every section carries a ``description`` and a ``source``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from ..datafile import Sourced, load_json, validate

__all__ = ["DatesFile", "load"]

Words = tuple[str, ...]
#: Number (as a JSON key) -> word forms.
NumberedWords = Mapping[str, Words]


@dataclass(frozen=True)
class MonthName:
    """One written form of a month; ``canonical`` forms are used to render."""

    form: str
    source: str
    system: str | None = None
    canonical: bool = False


@dataclass(frozen=True)
class Month:
    """A month (1-12) and its names."""

    month: int
    gloss: str
    names: tuple[MonthName, ...]


@dataclass(frozen=True)
class Weekday:
    """A weekday (0 = Monday): forms with the article and bare forms."""

    weekday: int
    gloss: str
    forms: Words
    bare_forms: Words
    source: str


@dataclass(frozen=True)
class WordList(Sourced):
    """A plain list of words."""

    words: Words


@dataclass(frozen=True)
class WordGroups(Sourced):
    """Words grouped by a name (keyword, modifier kind, month part)."""

    words: Mapping[str, Words]


@dataclass(frozen=True)
class NumberWords(Sourced):
    """Words grouped by a number (as a string key)."""

    forms: NumberedWords


@dataclass(frozen=True)
class Ordinals(Sourced):
    """Ordinal day words, from which 1-31 are built."""

    forms: NumberedWords
    compound_one: Words
    teen_words: Words
    tens: NumberedWords


@dataclass(frozen=True)
class Cardinals(Sourced):
    """Cardinal number words for counts (units, teens, tens)."""

    units: NumberedWords
    teens: NumberedWords
    tens: NumberedWords


@dataclass(frozen=True)
class RelativeDays(Sourced):
    """Words for a day relative to the reference, by offset in days."""

    offsets: NumberedWords
    dialect_description: str
    dialect_offsets: NumberedWords


@dataclass(frozen=True)
class Modifiers(Sourced):
    """Modifier words by kind (next, previous ...)."""

    kinds: Mapping[str, Words]


@dataclass(frozen=True)
class MonthParts(Sourced):
    """Words for the start, middle or end of a month."""

    parts: Mapping[Literal["start", "middle", "end"], Words]


@dataclass(frozen=True)
class EraMarkers(Sourced):
    """Markers written after a year."""

    hijri: Words
    gregorian: Words
    bce: Words


@dataclass(frozen=True)
class Holiday:
    """A holiday: a fixed day of a calendar, or Easter (computed).

    ``calendar`` is ``hijri`` or ``gregorian`` with ``month`` and ``day``, or
    ``easter_western`` / ``easter_orthodox`` (no month or day).
    """

    names: Words
    calendar: Literal["hijri", "gregorian", "easter_western", "easter_orthodox"]
    gloss: str
    source: str
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class Holidays(Sourced):
    """The holidays section."""

    days: tuple[Holiday, ...]


@dataclass(frozen=True)
class DayPart:
    """A part of the day: nouns before a day, adverbs after a clock time, its hours (end may pass 24)."""

    nouns: Words
    adverbs: Words
    hours: tuple[int, int]


@dataclass(frozen=True)
class DayParts(Sourced):
    """The day_parts section."""

    parts: Mapping[str, DayPart]


@dataclass(frozen=True)
class DatesFile:
    """The whole of ``dates.json``."""

    description: str
    sources: Mapping[str, str]
    gregorian_months: tuple[Month, ...]
    hijri_months: tuple[Month, ...]
    weekdays: tuple[Weekday, ...]
    ordinal_units: Ordinals
    nth_words: NumberWords
    cardinals: Cardinals
    relative_days: RelativeDays
    modifiers: Modifiers
    keywords: WordGroups
    gap_words: WordList
    month_parts: MonthParts
    era_markers: EraMarkers
    prefixes: WordList
    time_words: WordList
    holidays: Holidays | None = None
    tense: WordGroups | None = None
    not_dates: WordGroups | None = None
    day_parts: DayParts | None = None


@functools.cache
def load() -> DatesFile:
    """``arnorm/data/dates.json``, validated (cached).

    Raises:
        DataFileError: the file is missing, not JSON, or breaks the schema.
    """
    result: DatesFile = validate(load_json("dates.json"), DatesFile, "dates.json")
    return result
