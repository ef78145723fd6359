"""Unresolved readings: what the grammar says a run of tokens means.

A :class:`Reading` records only what is *written* (numbers, names, offsets,
modifiers); it never looks at the reference date.  :mod:`arnorm.dates.resolve`
turns it into a :class:`~arnorm.dates.model.DateMatch` against the reference.

Kinds of reading (``kind``):

* ``date`` - a calendar date or period from its fields: ``year`` as written,
  or ``year_offset`` years from the reference year, or the year chosen by
  ``mod`` (``مايو الماضي``), or the reference year; ``month`` as written, or
  ``month_offset`` months from the reference month, or the reference month
  (``ref_month``); ``day`` at day precision;
* ``days`` - ``day_offset`` days from the reference (``أمس``, ``بعد يومين``);
* ``weekday`` - ``weekday`` chosen by ``how`` (a weekday rule) or in the
  week ``week`` weeks from the reference week;
* ``nth`` - the ``nth`` (``-1`` = last) ``weekday`` (or day, if None) of a month;
* ``holiday`` - holiday ``holiday`` (an index into the data) in ``year``
  (Hijri or Gregorian, by ``cal``), ``year_offset``, or nearest the reference;
* ``period`` - the reference period moved by ``period_offset`` units of
  ``precision`` (``الأسبوع الماضي``, ``العام المقبل``), optionally its ``half``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

from .model import Calendar, Precision
from .schema import load

__all__ = ["MOD_DAYS", "MOD_WEEKDAY", "Kind", "MonthRef", "Reading", "YearRef", "clock_time", "day_part_hours"]

Kind = Literal["date", "days", "weekday", "nth", "period", "holiday"]

#: Offset selected by a modifier word (``القادم`` next, ``الماضي`` previous ...).
MOD_DAYS = {"next": 1, "after_next": 2, "previous": -1, "before_last": -2, "this": 0}
#: Weekday rule selected by a modifier after a weekday.
MOD_WEEKDAY = {
    "next": "after",
    "after_next": "after_next",
    "previous": "before",
    "before_last": "before_last",
    "this": "on_or_after",
}


@dataclass(slots=True)
class Reading:
    """A reading of tokens ``i..j-1`` that ends at character ``end`` (see the module docstring).

    ``invalid`` marks a reading that is a date but an impossible one
    (``٣١ شباط ٢٠١٩``): it suppresses its whole span.  ``until`` is the
    reading of the other end of a range; ``year_from_end`` marks a start
    written without a year, which takes the resolved year of the end (a
    year earlier if it would otherwise come after the end).  ``cal_guessed``
    marks a numeric date read as Gregorian for want of an era marker (see
    :mod:`arnorm.dates.evidence`).
    """

    j: int
    end: int
    kind: Kind = "date"
    cal: Calendar = "gregorian"
    precision: Precision = "day"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    year_offset: int | None = None
    month_offset: int | None = None
    ref_month: bool = False
    mod: str | None = None
    day_offset: int = 0
    how: str | None = None
    week: int | None = None
    nth: int | None = None
    period_offset: int = 0
    half: int | None = None
    part: str | None = None
    holiday: int | None = None
    hour: int | None = None
    minute: int | None = None
    day_part: str | None = None
    minute_offset: int = 0
    year_from_end: bool = False
    invalid: bool = False
    until: Reading | None = None
    cal_guessed: bool = False


@dataclass(slots=True)
class MonthRef:
    """A month: a name or number (``month``) or a month relative to the reference (``offset``)."""

    j: int
    end: int
    cal: Calendar
    month: int | None = None
    offset: int | None = None


@dataclass(slots=True)
class YearRef:
    """A year: written (``year``, with its ``era`` marker) or relative to the reference (``offset``)."""

    j: int
    end: int
    year: int | None = None
    offset: int | None = None
    era: str | None = None


def clock_time(r: Reading) -> datetime.time | None:
    """The time of day of a reading: its hour moved into the hours of its part of day."""
    if r.hour is None:
        return None
    hour = r.hour % 24
    if r.day_part is not None:
        lo, hi = day_part_hours(r.day_part)
        for h in (hour, hour + 12):
            h24 = h if h >= lo else h + 24
            if lo <= h24 <= hi:
                hour = h % 24
                break
    return datetime.time(hour, r.minute or 0)


def day_part_hours(part: str) -> tuple[int, int]:
    """The hours of a part of the day (the end may pass 24: night runs 20 to 28)."""
    parts = load().day_parts
    assert parts is not None
    lo, hi = parts.parts[part].hours
    return lo, hi
