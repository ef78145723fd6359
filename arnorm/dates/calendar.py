"""Calendar arithmetic for date recognition: validity, Hijri conversion, relative days.

Hijri dates are converted with the Umm al-Qura calendar of the maintained
``hijridate`` package, which covers 1343-1500 AH (1924-08-01 to 2077-11-16
CE).  Outside that range a Hijri date cannot be checked beyond ``month <= 12``
and ``day <= 30`` and has no Gregorian equivalent: :func:`hijri_to_gregorian`
raises :class:`HijriRangeError` and the matcher reports the date without a
Gregorian ``date``.
"""

from __future__ import annotations

import calendar as _stdcal
import datetime
from typing import Literal

from hijridate import Gregorian, Hijri

from ..errors import ArnormError, HijriRangeError

__all__ = [
    "HIJRI_MAX_YEAR",
    "HIJRI_MIN_YEAR",
    "PART_DAYS",
    "HijriRangeError",
    "add_months",
    "gregorian_to_hijri",
    "hijri_to_gregorian",
    "is_valid",
    "month_bounds",
    "month_length",
    "nth_weekday",
    "to_gregorian",
    "weekday_from",
    "year_bounds",
]

HIJRI_MIN_YEAR = 1343
HIJRI_MAX_YEAR = 1500
#: Gregorian years accepted as written years (a wider range is read as noise).
GREGORIAN_MIN_YEAR = 1000
GREGORIAN_MAX_YEAR = 2999

CalendarName = Literal["gregorian", "hijri"]




def in_hijri_range(year: int) -> bool:
    """True if ``year`` AH can be converted."""
    return HIJRI_MIN_YEAR <= year <= HIJRI_MAX_YEAR


def month_length(cal: CalendarName, year: int, month: int) -> int:
    """Days in ``month`` of ``year``; 30 for Hijri months outside the convertible range.

    Raises:
        ValueError: if ``month`` is not 1-12.
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1-12, got {month}")
    if cal == "gregorian":
        return _stdcal.monthrange(year, month)[1]
    if not in_hijri_range(year):
        return 30
    return int(Hijri(year, month, 1).month_length())


def is_valid(cal: CalendarName, year: int, month: int, day: int) -> bool:
    """True if the date exists (Hijri outside the table range: day <= 30)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    if cal == "gregorian" and not 1 <= year <= 9999:
        return False
    if cal == "hijri" and year < 1:
        return False
    return day <= month_length(cal, year, month)


def hijri_to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian date of a Hijri date (Umm al-Qura).

    Raises:
        HijriRangeError: outside 1343-1500 AH.
        ValueError: if the date does not exist.
    """
    if not in_hijri_range(year):
        raise HijriRangeError(year, HIJRI_MIN_YEAR, HIJRI_MAX_YEAR)
    g = Hijri(year, month, day, validate=True).to_gregorian()
    return datetime.date(g.year, g.month, g.day)


def gregorian_to_hijri(date: datetime.date) -> tuple[int, int, int]:
    """The Umm al-Qura Hijri date ``(year, month, day)`` of a Gregorian date.

    Raises:
        HijriRangeError: outside 1924-08-01 .. 2077-11-16.
    """
    try:
        h = Gregorian(date.year, date.month, date.day).to_hijri()
    except OverflowError:
        raise HijriRangeError(
            HIJRI_MIN_YEAR - 1 if date.year < 1924 else HIJRI_MAX_YEAR + 1, HIJRI_MIN_YEAR, HIJRI_MAX_YEAR
        ) from None
    return h.year, h.month, h.day


def to_gregorian(cal: CalendarName, year: int, month: int, day: int) -> datetime.date:
    """The Gregorian date of a valid date in ``cal``.

    Raises:
        HijriRangeError: a Hijri date outside the convertible range.
        ValueError: the date does not exist.
    """
    if cal == "gregorian":
        return datetime.date(year, month, day)
    return hijri_to_gregorian(year, month, day)


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``count`` months (same in both calendars: 12 a year)."""
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def weekday_from(ref: datetime.date, weekday: int, how: str) -> datetime.date:
    """The date with ``weekday`` (0 = Monday) relative to ``ref``.

    ``how``: ``"nearest"`` (the closest, ties to the future; ``ref`` itself
    if it has that weekday), ``"on_or_after"``, ``"after"`` (strictly),
    ``"before"`` (strictly), ``"after_next"`` (a week after ``"after"``),
    ``"before_last"`` (a week before ``"before"``).
    """
    ahead = (weekday - ref.weekday()) % 7
    if how == "on_or_after":
        return ref + datetime.timedelta(days=ahead)
    if how == "on_or_before":
        return ref - datetime.timedelta(days=(ref.weekday() - weekday) % 7)
    if how == "nearest":
        back = (ref.weekday() - weekday) % 7
        return ref + datetime.timedelta(days=ahead) if ahead <= back else ref - datetime.timedelta(days=back)
    after = ref + datetime.timedelta(days=ahead or 7)
    back = (ref.weekday() - weekday) % 7 or 7
    before = ref - datetime.timedelta(days=back)
    if how == "after":
        return after
    if how == "after_next":
        return after + datetime.timedelta(days=7)
    if how == "before":
        return before
    if how == "before_last":
        return before - datetime.timedelta(days=7)
    raise ValueError(f"unknown weekday rule {how!r}")


def nth_weekday(
    cal: CalendarName, year: int, month: int, n: int, weekday: int | None
) -> datetime.date | None:
    """The ``n``-th (``-1`` = last) ``weekday`` of a month, or its ``n``-th day if ``weekday`` is None.

    Returns None if there is no such day (a fifth Monday that does not
    exist, a month beyond the Hijri range).
    """
    try:
        length = month_length(cal, year, month)
        if cal == "hijri" and not in_hijri_range(year):
            return None
        if weekday is None:
            day = length if n == -1 else n
            if not 1 <= day <= length:
                return None
            return to_gregorian(cal, year, month, day)
        first = to_gregorian(cal, year, month, 1)
    except (ValueError, OverflowError, ArnormError):
        return None
    days = [first + datetime.timedelta(days=i) for i in range(length)]
    hits = [d for d in days if d.weekday() == weekday]
    if n == -1:
        return hits[-1]
    return hits[n - 1] if 1 <= n <= len(hits) else None


#: Days of a month part (``start``/``middle``/``end``): first day and last day (None = to the end).
PART_DAYS = {"start": (1, 10), "middle": (11, 20), "end": (21, None)}


def month_bounds(cal: CalendarName, year: int, month: int, part: str | None = None) -> tuple[datetime.date, datetime.date]:
    """The first and last Gregorian days of a month (or of a part of it, see :data:`PART_DAYS`).

    Raises:
        HijriRangeError: a Hijri month outside the convertible range.
        ValueError: a Gregorian year outside 1-9999.
    """
    length = month_length(cal, year, month)
    first, last = PART_DAYS[part] if part else (1, None)
    return to_gregorian(cal, year, month, first), to_gregorian(cal, year, month, last or length)


def year_bounds(cal: CalendarName, year: int) -> tuple[datetime.date, datetime.date]:
    """The first and last Gregorian days of a year (Hijri: 1 Muharram to the end of Dhu al-Hijja).

    Raises:
        HijriRangeError: a Hijri year outside the convertible range.
        ValueError: a Gregorian year outside 1-9999.
    """
    return month_bounds(cal, year, 1)[0], month_bounds(cal, year, 12)[1]
