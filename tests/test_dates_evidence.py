"""Numeric dates whose calendar the text decides (issue 12): the weekday written, ``الموافق``.

Properties over the Umm al-Qura range (every Hijri date with its Gregorian
day from :mod:`arnorm.dates.calendar`, which wraps hijridate's Umm al-Qura
tables), then examples whose calendar facts are cited in comments.
"""

from __future__ import annotations

import datetime

from hypothesis import assume, given
from hypothesis import strategies as st

from arnorm.dates import find_dates
from arnorm.dates.calendar import hijri_to_gregorian, month_length
from arnorm.dates.lexicon import lexicon

WEEKDAY = lexicon().weekday_names  # 0 = Monday, as datetime.weekday()


@st.composite
def hijri_days(draw: st.DrawFn) -> tuple[int, int, int, datetime.date]:
    """A Hijri day of the years Saudi news writes (1380-1480) and its Gregorian day."""
    year = draw(st.integers(1380, 1480))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, month_length("hijri", year, month)))
    return year, month, day, hijri_to_gregorian(year, month, day)


def _gregorian_reading(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


@given(hijri_days(), st.sampled_from(["الموافق", "الموافقة", "، الموافق", " موافق"]))
def test_corresponding_gregorian_date_makes_a_numeric_date_hijri(
    h: tuple[int, int, int, datetime.date], word: str
) -> None:
    year, month, day, g = h
    text = f"بتاريخ {day}/{month} {word} {g.day}/{g.month}/{g.year}م"
    first, second = find_dates(text, ref=g)
    assert second.date == g
    assert first.date == g
    assert first.year is None  # the year came from the other date
    if first.calendar == "hijri":
        assert (first.resolved_year, first.resolved_month) == (year, month)


@given(hijri_days())
def test_corresponding_hijri_date_after_a_gregorian_one(h: tuple[int, int, int, datetime.date]) -> None:
    _year, month, day, g = h
    first, second = find_dates(f"بتاريخ {g.day}/{g.month}/{g.year} الموافق {day}/{month}", ref=g)
    assert (first.date, second.date) == (g, g)


@given(hijri_days())
def test_weekday_decides_the_calendar(h: tuple[int, int, int, datetime.date]) -> None:
    _year, month, day, g = h
    (m,) = find_dates(f"يوم {WEEKDAY[g.weekday()]} {day}/{month}", ref=g)
    gregorian = _gregorian_reading(g.year, month, day)
    if gregorian is not None and gregorian.weekday() == g.weekday():
        assert m.date in (g, gregorian)  # both readings fit the weekday
    else:
        assert (m.calendar, m.date, m.issues) == ("hijri", g, ())


@given(hijri_days(), st.integers(1, 6))
def test_a_weekday_that_fits_neither_reading_stays_a_mismatch(h: tuple[int, int, int, datetime.date], shift: int) -> None:
    _year, month, day, g = h
    weekday = (g.weekday() + shift) % 7
    gregorian = _gregorian_reading(g.year, month, day)
    assume(gregorian is None or gregorian.weekday() != weekday)
    found = find_dates(f"يوم {WEEKDAY[weekday]} {day}/{month}", ref=g)
    if gregorian is None:
        assert found == []  # 30/2: no Gregorian date, and the Hijri one is another weekday
    else:
        assert [(m.calendar, m.issues) for m in found] == [("gregorian", ("weekday_mismatch",))]


def test_examples() -> None:
    # 10 Shawwal 1436 AH = Sunday 26 July 2015 (Umm al-Qura, hijridate 2.6:
    # Hijri(1436, 10, 10).to_gregorian()); 10 October 2015 was a Saturday.
    ref = datetime.date(2015, 7, 20)
    (m,) = find_dates("الأحد 10/10", ref=ref)
    assert (m.calendar, m.iso()) == ("hijri", "2015-07-26")
    (m,) = find_dates("السبت 10/10", ref=ref)
    assert (m.calendar, m.iso()) == ("gregorian", "2015-10-10")
    a, b = find_dates("بتاريخ 10/10 الموافق 26/7/2015", ref=ref)
    assert (a.calendar, a.resolved_year, a.iso(), b.iso()) == ("hijri", 1436, "2015-07-26", "2015-07-26")
    # 5/6 is neither 26 July 2015 in the Hijri calendar (5 Jumada II 1436 =
    # 25 March 2015) nor in the Gregorian one: both dates stay as written
    a, b = find_dates("بتاريخ 5/6 الموافق 26/7/2015", ref=ref)
    assert (a.calendar, a.iso()) == ("gregorian", "2015-06-05")
    # a written Gregorian year is never moved
    (m,) = find_dates("يوم الاحد 2015/10/10", ref=ref)
    assert (m.calendar, m.iso(), m.issues) == ("gregorian", None, ("weekday_mismatch",))
