"""Ranges of clock times (issue 12, "times"): ``من الساعة ٩ إلى الساعة ١١ صباحا``.

Two clock times joined as the ends of a date range are (``إلى``, ``حتى``,
``لغاية``, a dash, ``بين ... و``) are one match with ``time`` and
``end_time``, written as an ISO 8601 interval of date-times.  Properties
first, then examples; the hours of each part of the day are those of the
``day_parts`` section of ``arnorm/data/dates.json`` (afternoon = 14-17,
evening = 16-23, dawn = 3-6, after Maha's time expressions).
"""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnorm.dates import find_dates, render_match, rewrite_dates

REF = datetime.date(2015, 7, 20)
DIGITS = {"ascii": str.maketrans("", ""), "arabic": str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")}
# A dash glued to both times (9:00-11:00) is not a connector yet: the tokenizer
# reads no number right after "digit-" (it would split 10-12-2015).
CONNECTORS = (" إلى ", " حتى ", " لغاية ", " - ", " وإلى ")

times = st.times(max_value=datetime.time(23, 59)).map(lambda t: t.replace(second=0, microsecond=0))


def _hm(t: datetime.time, digits: str) -> str:
    return f"{t.hour}:{t.minute:02d}".translate(DIGITS[digits])


@given(
    a=times,
    b=times,
    connector=st.sampled_from(CONNECTORS),
    hour_word=st.sampled_from(["", "الساعة "]),
    digits=st.sampled_from(sorted(DIGITS)),
)
def test_two_clock_times_make_one_range(
    a: datetime.time, b: datetime.time, connector: str, hour_word: str, digits: str
) -> None:
    text = f"يبدأ الاجتماع من {hour_word}{_hm(a, digits)}{connector}{hour_word}{_hm(b, digits)} بتوقيت مكة."
    (m,) = find_dates(text, ref=REF)
    assert (m.time, m.end_time, m.date, m.is_range) == (a, b, REF, True)
    # an end earlier than the start is on the next day (من العاشرة مساء إلى الثانية فجرا)
    end_day = REF + datetime.timedelta(days=1) if b < a else REF
    assert m.iso() == f"{REF.isoformat()}T{a:%H:%M}/{end_day.isoformat()}T{b:%H:%M}"
    assert text[m.start : m.end] == m.text


@given(a=times, b=times)
def test_clock_ranges_need_a_reference_day(a: datetime.time, b: datetime.time) -> None:
    # as for one clock time: without a reference day, no date and no time
    (m,) = find_dates(f"من {_hm(a, 'ascii')} إلى {_hm(b, 'ascii')}")
    assert (m.is_range, m.date, m.iso()) == (True, None, None)
    assert "needs_ref" in m.issues


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # the start takes the end's part of the day: afternoon (عصرا) is 14-17
        ("بين الساعة الثالثة والخامسة عصرا", "2015-07-20T15:00", "2015-07-20T17:00"),
        # each end with its own part; noon (ظهرا) is 11-14
        ("من الساعة العاشرة صباحا حتى الساعة الثانية ظهرا", "2015-07-20T10:00", "2015-07-20T14:00"),
        # evening (مساء) 16-23, dawn (فجرا) 3-6: the night runs into the next day
        ("من العاشرة مساء إلى الثانية فجرا", "2015-07-20T22:00", "2015-07-21T02:00"),
        ("من الساعة ٩ إلى الساعة ١١ صباحا", "2015-07-20T09:00", "2015-07-20T11:00"),
        # the end's part is not given to a start it would put after the end
        ("من الساعة 10 إلى الساعة 2 ظهرا", "2015-07-20T10:00", "2015-07-20T14:00"),
        # a start with a day gives the end its day (the nearest Sunday to Monday 20 July 2015 is the 19th)
        ("الأحد من الساعة 9 إلى 11 مساء", "2015-07-19T21:00", "2015-07-19T23:00"),
        ("أمس من الساعة العاشرة مساء إلى الثانية فجرا", "2015-07-19T22:00", "2015-07-20T02:00"),
    ],
)
def test_clock_range_examples(text: str, start: str, end: str) -> None:
    (m,) = find_dates(text, ref=REF)
    assert m.iso() == f"{start}/{end}"
    assert rewrite_dates(text, ref=REF).endswith(f"{start}/{end}")


@given(day=st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)), a=times, b=times)
def test_a_dated_clock_range_puts_both_times_on_that_day(day: datetime.date, a: datetime.time, b: datetime.time) -> None:
    text = f"يوم {day.day}/{day.month}/{day.year} من الساعة {_hm(a, 'ascii')} إلى الساعة {_hm(b, 'ascii')}"
    (m,) = find_dates(text, ref=REF)
    end_day = day + datetime.timedelta(days=1) if b < a else day
    assert (m.start_date, m.time, m.end_date, m.end_time) == (day, a, end_day, b)


def test_a_bare_number_after_a_clock_time_is_no_range() -> None:
    # الساعة 9 إلى 11: "11" alone could be anything (a count, a day)
    (m,) = find_dates("الساعة 9 إلى 11", ref=REF)
    assert (m.text, m.end_time, m.is_range) == ("الساعة 9", None, False)


def test_a_date_range_is_not_a_clock_range() -> None:
    (m,) = find_dates("من 21 إلى 30 يوليو", ref=REF)
    assert (m.iso(), m.time, m.end_time) == ("2015-07-21/2015-07-30", None, None)


def test_clock_range_in_json_and_arabic() -> None:
    (m,) = find_dates("بين الساعة الثالثة والخامسة عصرا", ref=REF)
    assert m.to_dict()["end_time"] == "17:00"
    assert render_match(m, "dmy", digits="ascii") == "20/07/2015 15:00 - 20/07/2015 17:00"
