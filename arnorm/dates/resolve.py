"""Resolution: all date arithmetic against the reference date, for one reading at a time.

:func:`resolve` turns an unresolved :class:`~arnorm.dates.readings.Reading`
into the fields of a :class:`~arnorm.dates.model.DateMatch`: the Gregorian
date (Hijri dates converted with the Umm al-Qura calendar), the year and
month after resolution, and the issues (``needs_ref``,
``hijri_out_of_range``, ``weekday_mismatch``).  A reading that names an
impossible date, or a date outside the range of ``datetime.date`` (years
1-9999, e.g. ``أمس`` against the reference 0001-01-01), comes back invalid:
it is not returned as a match.
"""

from __future__ import annotations

import copy
import datetime
from dataclasses import dataclass, field

from . import calendar as cal
from . import holidays
from .model import Issue
from .readings import Reading, clock_time

__all__ = ["Ref", "Resolved", "resolve"]


@dataclass
class Ref:
    """The reference date and weekday rule, with its Hijri date computed once."""

    date: datetime.date | None
    weekdays: str = "nearest"
    time: datetime.time | None = None
    _hijri: tuple[int, int, int] | None = None
    _hijri_done: bool = False

    @property
    def hijri(self) -> tuple[int, int, int] | None:
        """The reference date in the Umm al-Qura calendar, None outside its range."""
        if not self._hijri_done and self.date is not None:
            self._hijri_done = True
            try:
                self._hijri = cal.gregorian_to_hijri(self.date)
            except cal.HijriRangeError:
                self._hijri = None
        return self._hijri

    def ymd(self, calname: str) -> tuple[int, int, int] | None:
        """The reference ``(year, month, day)`` in ``calname``, or None."""
        if self.date is None:
            return None
        if calname == "gregorian":
            return self.date.year, self.date.month, self.date.day
        return self.hijri

    def year(self, calname: str) -> int | None:
        """The reference year in ``calname``, or None."""
        ymd = self.ymd(calname)
        return ymd[0] if ymd else None


@dataclass
class Resolved:
    """What resolution adds to a reading."""

    date: datetime.date | None = None
    resolved_year: int | None = None
    resolved_month: int | None = None
    relative: bool = False
    issues: list[Issue] = field(default_factory=list)
    invalid: bool = False
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    time: datetime.time | None = None
    end_time: datetime.time | None = None


def year_for(ref: Ref, calname: str, month: int, day: int | None, mod: str | None) -> int | None:
    """The year of a month (and day) written without a year, chosen by a modifier."""
    ymd = ref.ymd(calname)
    if ymd is None:
        return None
    ry, rmonth, rday = ymd
    if mod is None or mod == "this":
        return ry
    here = (month, day or 0)
    now = (rmonth, rday if day is not None else 0)
    if mod in ("next", "after_next"):
        y = ry if here > now else ry + 1
        return y + (1 if mod == "after_next" else 0)
    y = ry if here < now else ry - 1
    return y - (1 if mod == "before_last" else 0)


def _set_date(out: Resolved, date: datetime.date | None) -> Resolved:
    if date is None:
        out.issues.append("needs_ref")
    else:
        out.date = date
        out.resolved_year, out.resolved_month = date.year, date.month
    return out


def _month_year(r: Reading, ref: Ref, out: Resolved) -> tuple[int | None, int | None]:
    """The ``(year, month)`` of a ``date`` or ``nth`` reading, None where the reference is missing."""
    if r.month_offset is not None:
        if ref.date is None:
            return None, None
        return cal.add_months(ref.date.year, ref.date.month, r.month_offset)
    if r.ref_month:
        if ref.date is None:
            return None, None
        return ref.date.year, ref.date.month
    month = r.month
    if r.year is not None:
        return r.year, month
    if r.year_offset is not None:
        ry = ref.year(r.cal)
        return (None if ry is None else ry + r.year_offset), month
    assert month is not None
    return year_for(ref, r.cal, month, r.day if r.precision == "day" else None, r.mod), month


def _day(r: Reading, ref: Ref, out: Resolved) -> Resolved:
    """A day-precision ``date`` reading: check and convert (see the module docstring)."""
    year, month = _month_year(r, ref, out)
    assert r.day is not None
    if year is None or month is None:
        # the longest the month can be: February of a leap year, 30-day Hijri months
        longest = 30 if r.cal == "hijri" else 31 if month is None else cal.month_length("gregorian", 2000, month)
        if r.day > longest:
            out.invalid = True
        else:
            out.issues.append("needs_ref")
        return out
    if not cal.is_valid(r.cal, year, month, r.day):
        out.invalid = True
        return out
    out.resolved_year, out.resolved_month = year, month
    try:
        out.date = cal.to_gregorian(r.cal, year, month, r.day)
    except cal.HijriRangeError:
        out.issues.append("hijri_out_of_range")
        return out
    if r.weekday is not None and out.date.weekday() != r.weekday:
        out.issues.append("weekday_mismatch")
    return out


def _period(r: Reading, ref: Ref, out: Resolved) -> Resolved:
    """A month or year precision ``date`` reading."""
    year, month = _month_year(r, ref, out) if r.precision == "month" else (r.year, None)
    if year is None:
        out.issues.append("needs_ref")
        return out
    if r.cal == "gregorian" and not 1 <= year <= 9999:
        out.invalid = True
        return out
    out.resolved_year, out.resolved_month = year, month
    return out


def _nth(r: Reading, ref: Ref, out: Resolved) -> Resolved:
    """The ``nth`` weekday (or day) of a month."""
    year, month = _month_year(r, ref, out)
    if year is None or month is None:
        out.issues.append("needs_ref")
        return out
    assert r.nth is not None
    if r.day is not None and r.weekday is not None and cal.is_valid(r.cal, year, month, r.day):
        try:
            as_day = cal.to_gregorian(r.cal, year, month, r.day)
        except cal.HijriRangeError:
            as_day = None
        if as_day is not None and as_day.weekday() == r.weekday:
            out.date, out.resolved_year, out.resolved_month = as_day, year, month
            return out
    date = cal.nth_weekday(r.cal, year, month, r.nth, r.weekday)
    if date is None:
        if r.cal == "hijri" and not cal.in_hijri_range(year):
            out.issues.append("hijri_out_of_range")
        else:
            out.invalid = True
        return out
    out.date = date
    out.resolved_year, out.resolved_month = year, month
    return out


def _weekday(r: Reading, ref: Ref, out: Resolved) -> Resolved:
    """A weekday named alone, with a modifier, or in a given week."""
    assert r.weekday is not None
    if ref.date is None:
        return _set_date(out, None)
    if r.week is not None:
        # in the week ``week`` weeks from the one holding the (moved) reference; weeks start on Sunday
        anchor = _moved(ref.date, r.day_offset, r.month_offset or 0)
        start = anchor - datetime.timedelta(days=(anchor.weekday() + 1) % 7)
        return _set_date(out, start + datetime.timedelta(days=7 * r.week + (r.weekday + 1) % 7))
    return _set_date(out, cal.weekday_from(ref.date, r.weekday, r.how or ref.weekdays))


def _minutes(r: Reading, ref: Ref, out: Resolved) -> Resolved:
    """``قبل ٥ ساعات``: the reference time moved; without one, the reference day."""
    assert ref.date is not None
    if ref.time is None:
        return _set_date(out, ref.date)
    moved = datetime.datetime.combine(ref.date, ref.time) + datetime.timedelta(minutes=r.minute_offset)
    _set_date(out, moved.date())
    out.time = moved.time()
    return out


def _moved(date: datetime.date, days: int, months: int) -> datetime.date:
    """``date`` moved by ``months`` (the day clamped to the month's length), then ``days``."""
    if months:
        year, month = cal.add_months(date.year, date.month, months)
        day = min(date.day, cal.month_length("gregorian", year, month))
        date = datetime.date(year, month, day)
    return date + datetime.timedelta(days=days)


def _days(r: Reading, ref: Ref, out: Resolved) -> Resolved:
    """A day offset from the reference (``أمس``), with any weekday written beside it."""
    if ref.date is None:
        return _set_date(out, None)
    if r.minute_offset:
        return _minutes(r, ref, out)
    _set_date(out, _moved(ref.date, r.day_offset, r.month_offset or 0))
    if r.weekday is not None and out.date is not None and out.date.weekday() != r.weekday:
        out.issues.append("weekday_mismatch")
    return out


def _week_start(ref: datetime.date, offset: int) -> datetime.date:
    """The Sunday that starts the week ``offset`` weeks from the reference week."""
    return ref - datetime.timedelta(days=(ref.weekday() + 1) % 7) + datetime.timedelta(days=7 * offset)


def _period_of_ref(r: Reading, ref: Ref, out: Resolved) -> Resolved:
    """The reference week, month or year moved by ``r.period_offset`` (``الشهر الماضي``)."""
    if ref.date is None:
        out.issues.append("needs_ref")
        return out
    if r.precision == "week":
        start = _week_start(ref.date, r.period_offset)
        out.start_date, out.end_date = start, start + datetime.timedelta(days=6)
        out.resolved_year, out.resolved_month = start.year, start.month
        return out
    year = ref.date.year + r.period_offset
    month = None
    if r.precision == "month":
        year, month = cal.add_months(ref.date.year, ref.date.month, r.period_offset)
    if not 1 <= year <= 9999:
        out.invalid = True
        return out
    out.resolved_year, out.resolved_month = year, month
    return out


def _holiday(r: Reading, ref: Ref, out: Resolved) -> Resolved:
    """A holiday in a written or relative year, or nearest the reference."""
    assert r.holiday is not None
    h = holidays.holiday(r.holiday)
    if r.year is not None:
        find = holidays.in_hijri_year if r.cal == "hijri" else holidays.in_gregorian_year
        date = find(h, r.year)
        if date is None:
            out.issues.append("hijri_out_of_range")
            return out
        return _set_date(out, date)
    if ref.date is None:
        return _set_date(out, None)
    if r.year_offset is not None:
        return _set_date(out, holidays.in_gregorian_year(h, ref.date.year + r.year_offset))
    return _set_date(out, holidays.nearest(h, ref.date, r.mod))


def _bounds(r: Reading, out: Resolved) -> None:
    """Fill ``start_date``/``end_date`` from the resolved fields, where they exist."""
    if out.start_date is not None or out.invalid:
        return
    if out.date is not None:
        out.start_date = out.end_date = out.date
        return
    year, month = out.resolved_year, out.resolved_month
    if year is None or r.precision not in ("month", "year") or out.issues:
        return
    try:
        if r.precision == "month" and month is not None:
            out.start_date, out.end_date = cal.month_bounds(r.cal, year, month, r.part)
        elif r.precision == "year":
            out.start_date, out.end_date = cal.year_bounds(r.cal, year)
    except (cal.HijriRangeError, ValueError):
        return


def _single(r: Reading, ref: Ref) -> Resolved:
    out = Resolved(relative=is_relative(r))
    if r.invalid:
        out.invalid = True
        return out
    if r.kind == "days":
        out = _days(r, ref, out)
    elif r.kind == "weekday":
        out = _weekday(r, ref, out)
    elif r.kind == "nth":
        out = _nth(r, ref, out)
    elif r.kind == "period":
        out = _period_of_ref(r, ref, out)
    elif r.kind == "holiday":
        out = _holiday(r, ref, out)
    elif r.precision == "day":
        out = _day(r, ref, out)
    else:
        out = _period(r, ref, out)
    _bounds(r, out)
    if out.time is None and out.date is not None:
        out.time = clock_time(r)
    return out


def _range(r: Reading, until: Reading, ref: Ref) -> Resolved:
    """A range: both ends resolved; a start that took its year from the end may move a year back."""
    b = _single(until, ref)
    if r.year_from_end and b.resolved_year is not None and r.cal == until.cal:
        r = copy.copy(r)
        r.year = b.resolved_year
    a = _single(r, ref)
    if a.invalid or b.invalid:
        return Resolved(invalid=True)
    if (
        a.start_date is not None
        and b.end_date is not None
        and a.start_date > b.end_date
        and r.year is not None
        and r.year == b.resolved_year
        and r.precision != "year"
    ):
        r = copy.copy(r)
        r.year = b.resolved_year - 1  # من 25 ديسمبر إلى 5 يناير 2015
        a = _single(r, ref)
    if a.start_date is not None and b.end_date is not None and a.start_date > b.end_date:
        return Resolved(invalid=True)
    a.end_date, a.end_time = b.end_date, b.time
    if a.time is not None and b.time is not None and b.time < a.time and b.end_date is not None:
        a.end_date = b.end_date + datetime.timedelta(days=1)  # من العاشرة مساء إلى الثانية فجرا
    a.issues.extend(b.issues)
    a.relative = a.relative or b.relative
    return a


def is_relative(r: Reading) -> bool:
    """Whether the reading needs the reference date (see :attr:`DateMatch.relative`)."""
    if r.kind in ("days", "weekday", "period") or (r.kind == "holiday" and r.year is None):
        return True
    if r.kind == "nth":
        return r.year is None or r.weekday is not None
    return r.year is None and r.kind != "holiday"


def resolve(r: Reading, ref: Ref) -> Resolved:
    """Resolve ``r`` against ``ref`` (see the module docstring); never raises ``OverflowError``."""
    try:
        if r.until is not None:
            return _range(r, r.until, ref)
        return _single(r, ref)
    except (OverflowError, ValueError):
        # beyond datetime.date (years 1-9999): no such date to return
        return Resolved(invalid=True)
