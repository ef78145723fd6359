"""Holidays as dates: the day a holiday falls on in a year, or nearest a reference date.

The holidays and their calendar days are data (``holidays`` in
``arnorm/data/dates.json``): fixed Hijri days converted with the Umm al-Qura
calendar, fixed Gregorian days, and Western and Orthodox Easter from
``dateutil.easter``.
"""

from __future__ import annotations

import datetime

from dateutil import easter

from . import calendar as cal
from .schema import Holiday, load

__all__ = ["holiday", "in_gregorian_year", "in_hijri_year", "nearest"]


def holiday(index: int) -> Holiday:
    """The holiday ``index`` of the data file."""
    days = load().holidays
    assert days is not None
    return days.days[index]


def in_hijri_year(h: Holiday, year: int) -> datetime.date | None:
    """The Gregorian day of ``h`` in Hijri ``year`` (None for Easter or outside 1343-1500 AH)."""
    if h.calendar != "hijri" or not cal.in_hijri_range(year):
        return None
    assert h.month is not None and h.day is not None
    return cal.hijri_to_gregorian(year, h.month, h.day)


def in_gregorian_year(h: Holiday, year: int) -> datetime.date | None:
    """The (first) day of ``h`` in Gregorian ``year``, or None if it cannot be computed."""
    if not 1 <= year <= 9999:
        return None
    if h.calendar == "gregorian":
        assert h.month is not None and h.day is not None
        return datetime.date(year, h.month, h.day)
    if h.calendar == "easter_western":
        return easter.easter(year, easter.EASTER_WESTERN)
    if h.calendar == "easter_orthodox":
        return easter.easter(year, easter.EASTER_ORTHODOX)
    try:
        first = cal.gregorian_to_hijri(datetime.date(year, 1, 1))[0]
    except cal.HijriRangeError:
        return None
    days = [in_hijri_year(h, y) for y in (first, first + 1)]
    hits = [d for d in days if d is not None and d.year == year]
    return min(hits) if hits else None


def nearest(h: Holiday, ref: datetime.date, mod: str | None) -> datetime.date | None:
    """The day of ``h`` nearest ``ref``: after it (``next``), before it (``previous``), or either.

    ``this`` and no modifier take the nearest (ties to the future); the
    reference day itself counts for every choice but ``next``/``previous``.
    """
    found = [in_gregorian_year(h, y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    days = sorted(d for d in found if d is not None)
    if mod in ("next", "after_next"):
        later = [d for d in days if d > ref]
        return later[0] if later else None
    if mod in ("previous", "before_last"):
        earlier = [d for d in days if d < ref]
        return earlier[-1] if earlier else None
    if not days:
        return None
    return min(days, key=lambda d: (abs((d - ref).days), d < ref))
