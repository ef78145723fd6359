"""The date families of issue 12: Hijri numeric dates, ranges, periods, nth weekdays, month words.

Properties first (a date written in a supported form is found back, as a
range too; no exception at the ends of the calendar), then examples pinned
against the Umm al-Qura calendar (hijridate 2.6) or the Gregorian calendar
(Python's ``datetime``), with the source of each fact in a comment.
"""

from __future__ import annotations

import datetime
import itertools

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from arnorm.dates import find_dates
from arnorm.dates.calendar import HIJRI_MAX_YEAR, hijri_to_gregorian, month_length
from arnorm.dates.render import render_arabic
from arnorm.errors import ArnormError, OptionValueError
from arnorm.strategies import any_unicode_text

REF = datetime.date(2015, 7, 20)  # a Monday
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@st.composite
def hijri_dates(draw: st.DrawFn) -> tuple[int, int, int]:
    year = draw(st.integers(1343, HIJRI_MAX_YEAR))
    month = draw(st.integers(1, 12))
    return year, month, draw(st.integers(1, month_length("hijri", year, month)))


spaces = st.sampled_from(["", " ", "  "])


@given(
    hijri=hijri_dates(),
    left=spaces,
    right=spaces,
    era=st.sampled_from(["", "هـ", " هـ", " للهجرة"]),
    arabic=st.booleans(),
    sep=st.sampled_from("/-"),
)
@example(hijri=(1436, 10, 10), left=" ", right=" ", era="هـ", arabic=False, sep="/")
def test_numeric_hijri_dates_with_spaced_separators(
    hijri: tuple[int, int, int], left: str, right: str, era: str, arabic: bool, sep: str
) -> None:
    y, m, d = hijri
    written = f"{d}{left}{sep}{right}{m}{left}{sep}{right}{y}{era}"
    if arabic:
        written = written.translate(ARABIC)
    text = f"بتاريخ {written} في الرياض"
    (match,) = find_dates(text)
    assert match.text == written
    assert (match.calendar, match.year, match.month, match.day) == ("hijri", y, m, d)
    assert match.date == hijri_to_gregorian(y, m, d)


@given(
    date=st.dates(datetime.date(1950, 1, 1), datetime.date(2049, 12, 31)),
    length=st.integers(1, 27),
    words=st.sampled_from([("من ", " إلى "), ("من ", " حتى "), ("", " - "), ("", "-")]),
)
def test_day_ranges_within_a_month_are_found_with_both_ends(
    date: datetime.date, length: int, words: tuple[str, str]
) -> None:
    start = date.replace(day=1 + date.day % 3)
    last = month_length("gregorian", date.year, date.month)
    end = start.replace(day=min(last, start.day + length))
    tail = render_arabic(end.year, end.month, end.day, digits="ascii")  # "30 يوليو 2015"
    text = f"المهرجان {words[0]}{start.day}{words[1]}{tail} في جدة"
    (m,) = find_dates(text)
    assert m.is_range and (m.start_date, m.end_date) == (start, end), text
    assert m.iso() == f"{start.isoformat()}/{end.isoformat()}"


@given(
    a=st.dates(datetime.date(1950, 1, 1), datetime.date(2040, 12, 31)),
    days=st.integers(1, 400),
)
def test_ranges_of_full_dates_round_trip(a: datetime.date, days: int) -> None:
    b = a + datetime.timedelta(days=days)
    text = f"من {render_arabic(a.year, a.month, a.day)} إلى {render_arabic(b.year, b.month, b.day)}"
    (m,) = find_dates(text)
    assert (m.start_date, m.end_date, m.precision, m.end_precision) == (a, b, "day", "day")


@given(ref=st.dates(), text=st.sampled_from(["وصل أمس", "غدا", "أول أمس", "الأحد القادم", "مايو القادم",
                                              "العام المقبل", "الشهر الماضي", "الأسبوع المقبل", "بعد ٣ أيام",
                                              "النصف الثاني من العام الجاري", "في يناير", "اول ثلاثاء من الشهر القادم"]))
@example(ref=datetime.date(1, 1, 1), text="وصل أمس")
@example(ref=datetime.date(9999, 12, 31), text="غدا")
@example(ref=datetime.date(9999, 12, 31), text="الأسبوع المقبل")
def test_no_exception_at_the_ends_of_the_calendar(ref: datetime.date, text: str) -> None:
    """Issue 16: a result outside datetime.date's range is not returned (no OverflowError)."""
    for m in find_dates(text, ref=ref):
        assert m.start_date is None or datetime.date.min <= m.start_date <= datetime.date.max


def test_out_of_range_results_are_dropped() -> None:
    assert find_dates("وصل أمس", ref=datetime.date(1, 1, 1)) == []
    assert find_dates("غدا", ref=datetime.date(9999, 12, 31)) == []
    (m,) = find_dates("أمس", ref=datetime.date(9999, 12, 31))
    assert m.date == datetime.date(9999, 12, 30)


@given(text=any_unicode_text())
def test_no_exception_on_any_text(text: str) -> None:
    for m in find_dates(text, ref=REF):
        assert text[m.start : m.end] == m.text
        if m.start_date and m.end_date:
            assert m.start_date <= m.end_date


def test_bad_weekday_rule_is_a_library_error_naming_the_choices() -> None:
    with pytest.raises(OptionValueError, match="nearest, on_or_after, after, before") as info:
        find_dates("أمس", weekdays="sometimes")  # type: ignore[arg-type]
    assert isinstance(info.value, ArnormError)
    assert info.value.choices == ("nearest", "on_or_after", "after", "before")


# -- examples ----------------------------------------------------------------------------------


def _one(text: str, ref: datetime.date = REF) -> tuple[str, str | None]:
    (m,) = find_dates(text, ref=ref)
    return m.text, m.iso()


@pytest.mark.parametrize(
    ("text", "written", "iso"),
    [
        # 10 Shawwal 1436 = 26 July 2015 (Umm al-Qura, hijridate 2.6)
        ("وذلك يوم 10 /10 / 1436هـ", "10 /10 / 1436هـ", "2015-07-26"),
        # 2 Jumada al-Akhira 1436 = 22 March 2015 (Umm al-Qura)
        ("بتاريخ 2 / 6 / 1436هـ", "2 / 6 / 1436هـ", "2015-03-22"),
        # no era marker: a year of 1300-1500 written in digits is Hijri
        ("بتاريخ ١٠/١٠/١٤٣٦", "١٠/١٠/١٤٣٦", "2015-07-26"),
    ],
)
def test_hijri_numeric_examples(text: str, written: str, iso: str) -> None:
    assert _one(text) == (written, iso)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("من 21 إلى 30 يوليو الجاري", "2015-07-21/2015-07-30"),
        ("15-25 يوليو الحالي", "2015-07-15/2015-07-25"),
        # 1 Muharram 1436 = 25 Oct 2014; 29 Dhu al-Hijja 1437 = 1 Oct 2017 (Umm al-Qura)
        ("خلال الأعوام 1436 - 1437هـ", "2014-10-25/2016-10-01"),
        ("بين عامي 2010 و2015", "2010/2015"),
        ("من 25 ديسمبر إلى 5 يناير 2015", "2014-12-25/2015-01-05"),
        ("يناير - مارس 2015", "2015-01/2015-03"),
        ("النصف الثاني من العام الجاري", "2015-07/2015-12"),
    ],
)
def test_range_examples(text: str, iso: str) -> None:
    (m,) = find_dates(text, ref=REF)
    assert m.iso() == iso


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("العام الماضي", "2014", "year"),
        ("الشهر المقبل", "2015-08", "month"),
        ("منذ فبراير (شباط) الماضي", "2015-02", "month"),
        ("في مايو من العام المنصرم", "2014-05", "month"),
        ("هذا الشهر", "2015-07", "month"),
        # weeks start on Sunday; REF is Monday 20 July 2015, its week starts on Sunday 19 July
        ("الأسبوع الماضي", "2015-07-12/2015-07-18", "week"),
        ("في يناير", "2015-01", "month"),
        ("في 2013", "2013", "year"),
        ("أمس الأول", "2015-07-18", "day"),
        ("أول أمس", "2015-07-18", "day"),
        ("شهر ثلاثة", "2015-03", "month"),
    ],
)
def test_relative_and_bare_examples(text: str, iso: str, precision: str) -> None:
    (m,) = find_dates(text, ref=REF)
    assert (m.iso(), m.precision) == (iso, precision)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # Gregorian calendar: 16 Sep 2014 is the third Tuesday of September 2014 (2, 9, 16)
        ("الثلاثاء الثالث من شهر ايلول من عام 2014", "2014-09-16"),
        # October 2015: Wednesdays 7, 14, 21, 28
        ("الاربعاء الثانية من شهر اكتوبر", "2015-10-14"),
        # October 2015: the first Tuesday is the 6th
        ("اول ثلاثاء من شهر عشرة", "2015-10-06"),
        # March 2015: the last Monday is the 30th
        ("الاثنين الاخير من شهر ثلاثة", "2015-03-30"),
        # the weekday fits the day of the month: Tuesday 3 Sep 2019 is the date, not an nth
        ("الثلاثاء الثالث من سبتمبر 2019", "2019-09-03"),
    ],
)
def test_nth_weekday_examples(text: str, iso: str) -> None:
    (m,) = find_dates(text, ref=REF)
    assert m.iso() == iso


def test_a_range_is_serialised_with_both_ends() -> None:
    from arnorm.dates import dates_to_jsonl

    out = dates_to_jsonl("من 21 إلى 30 يوليو 2015")
    assert '"start_date": "2015-07-21"' in out and '"end_date": "2015-07-30"' in out
    assert '"end_precision": "day"' in out and '"iso": "2015-07-21/2015-07-30"' in out


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # 1 Shawwal 1436 = 17 July 2015; 10 Dhu al-Hijja 1436 = 23 Sep 2015 (Umm al-Qura, hijridate 2.6)
        ("عيد الفطر", "2015-07-17"),
        ("عيد الأضحى المقبل", "2015-09-23"),
        ("عيد الفطر 1436هـ", "2015-07-17"),
        # 9 Dhu al-Hijja 1436 = 22 Sep 2015; 1 Muharram 1437 = 14 Oct 2015 (Umm al-Qura)
        ("يوم عرفة", "2015-09-22"),
        ("رأس السنة الهجرية", "2015-10-14"),
        # Easter 2015: 5 April (Western), 12 April (Orthodox) (dateutil.easter; Meeus)
        ("عيد الفصح 2015", "2015-04-05"),
        ("عيد الفصح الشرقي 2015", "2015-04-12"),
        ("عيد الميلاد", "2015-12-25"),
    ],
)
def test_holiday_examples(text: str, iso: str) -> None:
    (m,) = find_dates(text, ref=REF)
    assert m.iso() == iso


@pytest.mark.parametrize(
    "text",
    ["شارع ٢٦ سبتمبر", "ليلة 14 رمضان من كل عام", "عين اليوم", "كل يوم الجمعة", "يقع في ميدان 6 أكتوبر"],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, ref=REF) == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("اليوم الثالث من اكتوبر", "2015-10-03"),
        ("اليوم الذي بعد الغد", "2015-07-22"),
        # REF is Monday 20 July 2015: the last Saturday is the 18th, the next Sunday the 26th
        ("وأبلغ خامنئي أنصاره يوم السبت", "2015-07-18"),
        ("ويلعب الأحد", "2015-07-26"),
        ("وسيلعب الفريق يوم الأحد", "2015-07-26"),
        ("وقال الوزير إن الاجتماع عقد يوم الأحد", "2015-07-19"),
    ],
)
def test_today_words_and_weekday_tense(text: str, iso: str) -> None:
    (m,) = find_dates(text, ref=REF)
    assert m.iso() == iso


@given(ref=st.dates(datetime.date(1950, 1, 1), datetime.date(2070, 1, 1)), weekday=st.integers(0, 6))
def test_weekday_tense_picks_the_side_of_the_reference(ref: datetime.date, weekday: int) -> None:
    from arnorm.dates.lexicon import lexicon

    name = lexicon().weekday_names[weekday]
    (past,) = find_dates(f"وقال الوزير إن الاجتماع عقد يوم {name}", ref=ref)
    (future,) = find_dates(f"وسوف يعقد الاجتماع يوم {name}", ref=ref)
    assert past.date is not None and future.date is not None
    assert ref - datetime.timedelta(days=6) <= past.date <= ref <= future.date <= ref + datetime.timedelta(days=6)
    assert past.date.weekday() == future.date.weekday() == weekday


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # ref 2021-09-01 (Wednesday), weeks start on Sunday
        ("الخميس بعد اسبوعين", "2021-09-16"),  # the week of 15 Sep (Sun 12 - Sat 18)
        ("بعد شهرين يوم الخميس", "2021-11-04"),  # the week of 1 Nov (Sun 31 Oct - Sat 6 Nov)
        ("قبل ثلاثة أشهر", "2021-06-01"),
        ("بعد عام", "2022-09-01"),
        ("حزيران ٥، ١٩٦٧", "1967-06-05"),
        ("شباط الرابع عشر", "2021-02-14"),
        ("آخر ثلاثا", "2021-09-28"),  # September 2021: Tuesdays 7, 14, 21, 28
        ("قبل عام 2015", "2015"),  # the year 2015, not a year ago
    ],
)
def test_offsets_with_weekdays_month_first_and_nth_of_this_month(text: str, iso: str) -> None:
    (m,) = find_dates(text, ref=datetime.date(2021, 9, 1))
    assert m.iso() == iso


REF_TIME = datetime.datetime(2015, 7, 20, 10, 0)


@pytest.mark.parametrize(
    ("text", "date", "time", "part"),
    [
        # عصر is 14-17h, so "the third hour" in the afternoon is 15:00
        ("الساعة الثالثة عصرا", "2015-07-20", "15:00", "afternoon"),
        ("14:30", "2015-07-20", "14:30", None),
        ("الساعة الواحدة ظهرا", "2015-07-20", "13:00", "noon"),
        ("الساعة الحادية عشرة ليلا", "2015-07-20", "23:00", "night"),
        ("الساعة الثالثة والنصف فجرا", "2015-07-20", "03:30", "dawn"),
        ("ظهر اليوم", "2015-07-20", None, "noon"),
        ("مساء أمس", "2015-07-19", None, "evening"),
        ("منذ يومين", "2015-07-18", None, None),
        ("قبل ٥ ساعات", "2015-07-20", "05:00", None),
        ("بعد ساعتين", "2015-07-20", "12:00", None),
        ("الساعة ٣:٣٠ فجرا من يوم ٥ مايو ٢٠١٥", "2015-05-05", "03:30", "dawn"),
        ("يوم الأحد الساعة ١٠ مساء", "2015-07-19", "22:00", "evening"),
    ],
)
def test_times(text: str, date: str, time: str | None, part: str | None) -> None:
    (m,) = find_dates(text, ref=REF_TIME)
    assert m.text == text
    assert m.date is not None and m.date.isoformat() == date
    assert (m.time.isoformat(timespec="minutes") if m.time else None, m.day_part) == (time, part)


def test_durations_are_ranges_from_the_reference() -> None:
    (m,) = find_dates("خلال ثلاثة أيام", ref=REF)
    assert m.iso() == "2015-07-20/2015-07-23"
    # without a time of reference, hours ago are the reference day
    (h,) = find_dates("قبل ٥ ساعات", ref=REF)
    assert (h.date, h.time) == (REF, None)


@given(ref=st.datetimes(datetime.datetime(1900, 1, 1), datetime.datetime(2100, 1, 1)), hours=st.integers(1, 99))
def test_hours_ago_move_the_reference_time(ref: datetime.datetime, hours: int) -> None:
    (m,) = find_dates(f"قبل {hours} ساعة", ref=ref)
    assert m.datetime == ref - datetime.timedelta(hours=hours)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # the start takes the resolved year of the end (المقبل: October 2015 from REF)
        ("عقد الجلسات بين 20 يوليو و22 أكتوبر (تشرين الأول) المقبل.", "2015-07-20/2015-10-22"),
        # the dual عامي names two years
        ("خلال عامي 2012 و2013، وقام", "2012/2013"),
    ],
)
def test_range_examples_from_news(text: str, iso: str) -> None:
    (m,) = find_dates(text, ref=REF)
    assert m.iso() == iso


def test_years_after_a_season() -> None:
    ms = find_dates("أسبوع الهوت كوتير لخريف 2015 وشتاء 2016، فقد", ref=REF)
    assert [m.iso() for m in ms] == ["2015", "2016"]
    (m,) = find_dates("خلال أواخر موسم 2014 - 2015. وفي", ref=REF)
    assert m.iso() == "2014/2015"


def test_a_year_in_brackets() -> None:
    (m,) = find_dates("على فيلمه «أفاتار» (2009). جلس")
    assert (m.text, m.iso()) == ("2009", "2009")


def test_the_whole_day_is_not_today() -> None:
    assert find_dates("أستخدم الهاتف طوال اليوم", ref=REF) == []


# Words of news text that are no date, alone or in any order: ordinary words, and words of the
# date grammar that make no date without their other parts (بعد, العام, الأول, آخر, الساعة ...).
NON_DATE_WORDS = ["قال", "الوزير", "المملكة", "الرياض", "الاقتصاد", "الشركة", "المشروع", "رئيس", "مجلس", "الأمن", "الدولي", "الحكومة", "المواطنين", "أكد", "أن", "على", "إلى", "من", "في", "عن", "مع", "هذا", "هذه", "بعد", "قبل", "منذ", "حتى", "خلال", "العام", "المدير", "الأول", "الثاني", "أحد", "آخر", "نهاية", "وسط", "مطلع", "الساعة", "الأسبوع", "الشهر", "أيام", "سنوات", "السنة", "الماضي", "المقبل", "الجاري", "كل", "بين", "و"]


@given(words=st.lists(st.sampled_from(NON_DATE_WORDS), max_size=12))
@example(words=["المدير", "العام"])
@example(words=["بعد", "أيام"])
@example(words=["الأول", "من", "نوعه"])
@example(words=["هذا", "من", "الأسبوع"])
@example(words=["الأسبوع", "من", "الماضي"])
@example(words=["الساعة", "الأول"])
@example(words=["آخر", "أحد"])
def test_text_without_a_date_expression_is_never_matched(words: list[str]) -> None:
    text = " ".join(words)
    # a modifier after a period noun is a date (العام الماضي): leave those pairs out
    periods = {"العام", "الأسبوع", "الشهر", "السنة"}
    mods = {"الماضي", "المقبل", "الجاري"}
    if any(a in periods and b in mods for a, b in itertools.pairwise(words)):
        return
    if any(a in {"هذا", "هذه"} and b in periods for a, b in itertools.pairwise(words)):
        return
    assert find_dates(text, ref=REF) == [], text
