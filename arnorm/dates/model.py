"""The result type of date recognition, :class:`DateMatch`, and its errors."""

from __future__ import annotations

import calendar as _stdcal
import datetime
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import DateRefError

__all__ = ["Calendar", "DateMatch", "DateRefError", "Issue", "Part", "Precision", "coerce_ref"]

Calendar = Literal["gregorian", "hijri"]
Precision = Literal["day", "week", "month", "year"]
Part = Literal["start", "middle", "end"]
DayPart = Literal["dawn", "morning", "noon", "afternoon", "evening", "night"]

#: Why a recognised date has no Gregorian ``date``, or why it is doubtful:
#:
#: * ``needs_ref`` - relative (``أمس``, ``الأحد القادم``) or written without a
#:   year, and no reference date was given;
#: * ``hijri_out_of_range`` - a Hijri date outside 1343-1500 AH, the range of
#:   the Umm al-Qura tables in ``hijridate`` (1924-2077 CE); the Hijri fields
#:   are reported, ``date`` is None;
#: * ``weekday_mismatch`` - the weekday written beside the date is not the
#:   weekday of that date (the written date is kept).
Issue = Literal["needs_ref", "hijri_out_of_range", "weekday_mismatch"]

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")




def coerce_ref(ref: datetime.date | str | None) -> datetime.date | None:
    """``ref`` as a ``datetime.date``: a date, a datetime (its date), an ISO string, or None.

    Raises:
        DateRefError: for any other value or an unparsable string.
    """
    if ref is None or ref == "":
        return None
    if isinstance(ref, datetime.datetime):
        return ref.date()
    if isinstance(ref, datetime.date):
        return ref
    if isinstance(ref, str):
        try:
            return datetime.date.fromisoformat(ref.strip())
        except ValueError:
            raise DateRefError(ref) from None
    raise DateRefError(ref)


@dataclass(frozen=True)
class DateMatch:
    """One date recognised in a text.

    Attributes:
        start: offset of the first character of the match in the original text.
        end: offset just past its last character (``text[start:end]`` is ``text``).
        text: the matched text, exactly as written.
        calendar: the calendar the date is written in.
        precision: ``"day"``, ``"month"`` (``مايو ٢٠١٩``) or ``"year"`` (``عام ٢٠١٩``).
        year: the year as written (in ``calendar``), None if not written.
        month: the month as written (1-12, in ``calendar``), None if not written.
        day: the day of the month as written, None if not written.
        date: the Gregorian date, when the precision is a day and the date is
            resolved (Hijri dates converted with the Umm al-Qura calendar);
            None otherwise, with the reason in ``issues``.
        resolved_year: the year (in ``calendar``) after resolution against
            the reference date; equals ``year`` when one is written.
        resolved_month: the month (in ``calendar``) after resolution.
        weekday: the weekday written in the match (0 = Monday ... 6 = Sunday), if any.
        relative: True if the date was computed from the reference date
            (``أمس``, ``الأحد الماضي``, a date written without a year).
        part: for ``مطلع``/``منتصف``/``أواخر`` + month: which part of the month.
        issues: why ``date`` is missing or doubtful (see :data:`Issue`).
        start_date: the first Gregorian day the match covers: the date itself
            at day precision, the Sunday of a week, the first day of a month
            or year (Hijri ones converted), the first day of a month part
            (``start`` = days 1-10, ``middle`` = 11-20, ``end`` = 21 to the
            last), the first day of a range's start; None when unresolved.
        end_date: the last Gregorian day the match covers (the last day of a
            range's end), None when unresolved.
        end_precision: for a range (``من 21 إلى 30 يوليو``, ``1436 - 1437هـ``,
            ``النصف الثاني من العام``): the precision of its end (``precision``
            is that of its start, and ``year``/``month``/``day``/``date``
            describe the start); None for a single date or period.
        time: the time of day written with the date (``الساعة ١٠:٣٠``,
            ``الثالثة عصرا`` = 15:00: an hour is moved into the hours of its
            part of the day), or computed (``قبل ٥ ساعات`` with a reference
            datetime); None otherwise.
        day_part: the part of the day written (``مساء أمس``: ``evening``).
        end_time: for a range of clock times (``من الساعة ٩ إلى الساعة ١١
            صباحا``, ``بين الساعة الثالثة والخامسة عصرا``): the time of its
            end (on ``end_date``: the next day when it is earlier than
            ``time``); None otherwise.
    """

    start: int
    end: int
    text: str
    calendar: Calendar
    precision: Precision
    year: int | None = None
    month: int | None = None
    day: int | None = None
    date: datetime.date | None = None
    resolved_year: int | None = None
    resolved_month: int | None = None
    weekday: int | None = None
    relative: bool = False
    part: Part | None = None
    issues: tuple[Issue, ...] = ()
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    end_precision: Precision | None = None
    time: datetime.time | None = None
    day_part: DayPart | None = None
    end_time: datetime.time | None = None

    @classmethod
    def of_fields(cls, fields: dict[str, Any]) -> DateMatch:
        """A match from every one of its fields, built without the frozen ``__init__``.

        That ``__init__`` sets each of the 21 fields through ``object.__setattr__``
        (~10 us a match, a fifth of the time :func:`find_dates` spends on a
        news text); this sets the instance dictionary at once.

        Raises:
            TypeError: ``fields`` does not name every field exactly once.
        """
        if fields.keys() != _FIELD_NAMES:
            raise TypeError(f"DateMatch fields: {sorted(fields.keys() ^ _FIELD_NAMES)} missing or unknown")
        match = object.__new__(cls)
        match.__dict__.update(fields)
        return match

    @property
    def datetime(self) -> datetime.datetime | None:
        """``date`` at ``time`` when both are known (``الساعة الثالثة عصرا``), else None."""
        if self.date is None or self.time is None:
            return None
        return datetime.datetime.combine(self.date, self.time)

    @property
    def is_range(self) -> bool:
        """True for a range with two written ends."""
        return self.end_precision is not None

    @property
    def resolved(self) -> bool:
        """True when the match is fully understood at its precision (no issue blocks it)."""
        if self.issues:
            return False
        if self.precision == "day":
            return self.date is not None
        return self.resolved_year is not None

    def iso(self) -> str | None:
        """The date in ISO 8601 at its precision (``2019-05-26``, ``2019-05``, ``2019``).

        With a time, ``2019-05-26T15:00``; a range or a week is an interval
        (``2015-07-21/2015-07-30``, ``2015-07-20T09:00/2015-07-20T11:00``).

        None when it is not resolved, and for Hijri months and years, which
        have no Gregorian equivalent at that precision.
        """
        if not self.resolved:
            return None
        if self.is_range or self.precision == "week":
            return self._iso_interval()
        if self.precision == "day":
            assert self.date is not None
            if self.time is not None:
                return f"{self.date.isoformat()}T{_hm(self.time)}"
            return self.date.isoformat()
        if self.calendar == "hijri":
            return None
        assert self.resolved_year is not None
        if self.precision == "month":
            return f"{self.resolved_year:04d}-{self.resolved_month:02d}"
        return f"{self.resolved_year:04d}"

    def _iso_interval(self) -> str | None:
        """``start/end`` (ISO 8601 interval), each end at its precision when Gregorian, else as days."""
        if self.start_date is None or self.end_date is None:
            return None
        a, b = self.start_date, self.end_date
        if self.time is not None and self.end_time is not None:
            return f"{a.isoformat()}T{_hm(self.time)}/{b.isoformat()}T{_hm(self.end_time)}"
        start_precision = self.precision
        end_precision = self.end_precision or self.precision
        if self.calendar == "hijri" or self.precision == "week":
            start_precision = end_precision = "day"
        return f"{_iso_at(a, start_precision, True)}/{_iso_at(b, end_precision, False)}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary of every field, plus ``iso``; dates as ISO strings."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "calendar": self.calendar,
            "precision": self.precision,
            "year": self.year,
            "month": self.month,
            "day": self.day,
            "date": self.date.isoformat() if self.date else None,
            "iso": self.iso(),
            "resolved_year": self.resolved_year,
            "resolved_month": self.resolved_month,
            "weekday": WEEKDAY_NAMES[self.weekday] if self.weekday is not None else None,
            "relative": self.relative,
            "part": self.part,
            "issues": list(self.issues),
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "end_precision": self.end_precision,
            "time": _hm(self.time) if self.time else None,
            "day_part": self.day_part,
            "end_time": _hm(self.end_time) if self.end_time else None,
        }


_FIELD_NAMES = frozenset(DateMatch.__dataclass_fields__)


def _hm(t: datetime.time) -> str:
    """``15:00``: a time of day in ISO 8601, to the minute."""
    return t.isoformat(timespec="minutes")


def _iso_at(d: datetime.date, precision: str, start: bool) -> str:
    """``d`` written at ``precision`` (a month or year only when ``d`` is its first/last day)."""
    if precision == "year" and (d.month, d.day) == ((1, 1) if start else (12, 31)):
        return f"{d.year:04d}"
    if precision == "month":
        last = d.day == _stdcal.monthrange(d.year, d.month)[1]
        if (d.day == 1) if start else last:
            return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()
