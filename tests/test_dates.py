"""Example tests for date recognition (arnorm.dates).

Each linguistic or calendar fact is pinned with its source in a comment.
The properties (round trips, stage contract) are in test_dates_properties.py.
"""

from __future__ import annotations

import datetime

import pytest

from arnorm.dates import DateRefError, find_dates
from arnorm.errors import ArnormError

REF = datetime.date(2021, 9, 1)  # a Wednesday


def one(text: str, ref: datetime.date | None = REF):
    matches = find_dates(text, ref=ref)
    assert len(matches) == 1, matches
    return matches[0]


# -- the seed article --------------------------------------------------------


def test_seed_article_date(seed_text: str) -> None:
    # The seed article's dateline: "● أخبار سورية ٢٦ مايو ٢٠١٩" (Shaam Network, 26 May 2019).
    matches = [m for m in find_dates(seed_text) if m.precision == "day"]
    assert matches, "the dateline was not found"
    m = matches[0]
    assert m.text == "٢٦ مايو ٢٠١٩"
    assert seed_text[m.start : m.end] == m.text
    assert m.date == datetime.date(2019, 5, 26)


# -- Gregorian month names in every naming system ---------------------------

# Month names: CLDR via dateparser ar.py (see ../shared/data/months.txt).
@pytest.mark.parametrize(
    "text",
    [
        "٢٦ مايو ٢٠١٩",  # Egyptian/Gulf
        "٢٦ أيار ٢٠١٩",  # Levantine/Iraqi (Syriac)
        "٢٦ ماي ٢٠١٩",  # Maghrebi/Moroccan
        "٢٦ أيار/مايو ٢٠١٩",  # doubled form
        "٢٦ أيار (مايو) ٢٠١٩",  # doubled form in brackets
        "26 مايو 2019",
        "۲۶ مايو ۲۰۱۹",  # Persian/Urdu digits
        "٢٦ مايو 2019",  # mixed digits
        "٢٦ ايار ٢٠١٩",  # without hamza
        "٢٦ أَيَّار ٢٠١٩",  # with diacritics
        "٢٦ مايــــو ٢٠١٩",  # with tatweel
        "26/5/2019",
        "26-05-2019",
        "٢٠١٩/٠٥/٢٦",
        "26.05.2019",
    ],
)
def test_same_date_many_spellings(text: str) -> None:
    m = one(text, ref=None)
    assert m.date == datetime.date(2019, 5, 26)
    assert m.text == text
    assert (m.year, m.month, m.day) == (2019, 5, 26)


@pytest.mark.parametrize(
    ("name", "month"),
    [
        ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("جوان", 6), ("جويلية", 7), ("أوت", 8),  # ar-DZ/TN
        ("يوليوز", 7), ("غشت", 8), ("شتنبر", 9), ("نونبر", 11), ("دجنبر", 12),  # ar-MA
        ("كانون الثاني", 1), ("تشرين الأول", 10), ("تشرين الثاني", 11), ("كانون الأول", 12),  # Levantine
        ("يونيه", 6), ("يوليه", 7), ("إبريل", 4),  # Egyptian variants
    ],
)
def test_month_names(name: str, month: int) -> None:
    # CLDR ar-DZ, ar-TN, ar-MA, ar-SY/IQ month names (../shared/data/months.txt).
    m = one(f"3 {name} 2020", ref=None)
    assert m.date == datetime.date(2020, month, 3)


def test_prefixes_stay_outside_the_match() -> None:
    text = "في ٢٦ مايو ٢٠١٩، بتاريخ ٢٧ مايو ٢٠١٩ ومنذ ٢٨ مايو ٢٠١٩"
    assert [m.text for m in find_dates(text)] == ["٢٦ مايو ٢٠١٩", "٢٧ مايو ٢٠١٩", "٢٨ مايو ٢٠١٩"]


# -- Hijri -------------------------------------------------------------------


def test_first_of_ramadan_1440() -> None:
    # 1 Ramadan 1440 AH = 6 May 2019 under Umm al-Qura (hijridate 2.6; also
    # the Saudi announcement of the start of Ramadan 1440, 5 May 2019 evening).
    m = one("١ رمضان ١٤٤٠ هـ", ref=None)
    assert m.calendar == "hijri"
    assert (m.year, m.month, m.day) == (1440, 9, 1)
    assert m.date == datetime.date(2019, 5, 6)


def test_hijri_out_of_range_is_reported_not_converted() -> None:
    # hijridate 2.6 covers 1343-1500 AH only.
    m = one("١ محرم ١٣٠٠ هـ", ref=None)
    assert m.date is None
    assert m.issues == ("hijri_out_of_range",)
    assert (m.year, m.month, m.day) == (1300, 1, 1)


def test_hijri_year_and_gregorian_year_markers() -> None:
    ms = find_dates("منذ عام ٢٠١١م حتى ١٤٤٠هـ")
    assert [(m.text, m.calendar, m.precision, m.year) for m in ms] == [
        ("عام ٢٠١١م", "gregorian", "year", 2011),
        ("١٤٤٠هـ", "hijri", "year", 1440),
    ]


# -- partial dates -------------------------------------------------------------


def test_partial_dates_report_precision() -> None:
    a, b = find_dates("في مايو ٢٠١٩ وفي عام ٢٠٢٠")
    assert (a.precision, a.year, a.month, a.date, a.iso()) == ("month", 2019, 5, None, "2019-05")
    assert (b.precision, b.year, b.date, b.iso()) == ("year", 2020, None, "2020")


# -- invalid dates -------------------------------------------------------------


@pytest.mark.parametrize("text", ["٣١ شباط ٢٠١٩", "13/13/2019", "30/02/2020", "٢٩ فبراير ٢٠١٩", "32 مايو 2019"])
def test_invalid_dates_are_not_recognised(text: str) -> None:
    assert find_dates(text) == []


def test_clock_times_are_times_not_days() -> None:
    # issue 12: a clock time is the time of the date beside it (or of the reference day);
    # its numbers are never read as a day of the month
    (t,) = find_dates("الساعة ١٠:٣٠ صباحا")
    assert (t.text, t.date, t.time, t.issues) == ("الساعة ١٠:٣٠ صباحا", None, None, ("needs_ref",))
    (m,) = find_dates("الأحد ٢٦ مايو ٢٠١٩ الساعة ١٠:٣٠")
    assert m.text == "الأحد ٢٦ مايو ٢٠١٩ الساعة ١٠:٣٠"
    assert m.datetime is not None and m.datetime.isoformat() == "2019-05-26T10:30:00"


# -- relative dates -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اليوم", "2021-09-01"),
        ("أمس", "2021-08-31"),
        ("البارحة", "2021-08-31"),
        ("امبارح", "2021-08-31"),
        ("أول أمس", "2021-08-30"),
        ("غداً", "2021-09-02"),
        ("بكرة", "2021-09-02"),
        ("بعد غد", "2021-09-03"),
        ("الأحد القادم", "2021-09-05"),
        ("الأحد الماضي", "2021-08-29"),
        ("الخميس", "2021-09-02"),  # nearest Thursday
        ("الأربعاء", "2021-09-01"),  # the reference day itself
        ("الأول من آذار", "2021-03-01"),
        ("الحادي والعشرين من مايو", "2021-05-21"),
        ("٢٦ مايو", "2021-05-26"),
        ("قبل ثلاثة أيام", "2021-08-29"),
        ("بعد يومين", "2021-09-03"),
    ],
)
def test_relative_dates(text: str, expected: str) -> None:
    # Reference 2021-09-01 is a Wednesday (Python's calendar).
    m = one(text)
    assert m.relative
    assert m.date == datetime.date.fromisoformat(expected)


def test_relative_dates_need_a_reference() -> None:
    m = one("أمس", ref=None)
    assert m.date is None and m.issues == ("needs_ref",)


def test_weekday_consistency_is_checked() -> None:
    # 26 May 2019 was a Sunday.
    assert one("الأحد ٢٦ مايو ٢٠١٩").issues == ()
    m = one("الاثنين ٢٦ مايو ٢٠١٩")
    assert m.issues == ("weekday_mismatch",) and m.weekday == 0


# -- API errors ------------------------------------------------------------------


def test_bad_reference_raises_arnorm_error() -> None:
    with pytest.raises(DateRefError):
        find_dates("أمس", ref="yesterday")
    with pytest.raises(ArnormError, match="nearest"):
        find_dates("أمس", weekdays="sometimes")  # type: ignore[arg-type]


def test_bytes_are_rejected() -> None:
    with pytest.raises(TypeError):
        find_dates("٢٦ مايو".encode())  # type: ignore[arg-type]


def test_reference_as_iso_string() -> None:
    assert one("أمس", ref="2021-09-01").date == datetime.date(2021, 8, 31)


def test_relative_word_with_its_weekday() -> None:
    # News style: "الرياض اليوم (الاثنين)"; 2021-09-06 was a Monday.
    m = one("الرياض اليوم (الاثنين) قال", ref=datetime.date(2021, 9, 6))
    assert (m.text, m.weekday, m.issues) == ("اليوم (الاثنين)", 0, ())
    assert one("غدا الثلاثاء", ref=datetime.date(2021, 9, 6)).date == datetime.date(2021, 9, 7)
    assert one("غدا الأربعاء", ref=datetime.date(2021, 9, 6)).issues == ("weekday_mismatch",)


def test_vague_plural_offsets_are_not_dates() -> None:
    # "بعد أيام" = "a few days later": no number, no date.
    assert find_dates("بعد أيام من الهجوم", ref=REF) == []
    assert one("قبل 10 أيام").date == datetime.date(2021, 8, 22)
    assert one("بعد أسبوع").date == datetime.date(2021, 9, 8)


def test_month_parts() -> None:
    m = one("منتصف مايو ٢٠١٩")
    assert (m.precision, m.part, m.year, m.month, m.date) == ("month", "middle", 2019, 5, None)
    m = one("بداية فبراير (شباط) الماضي")
    assert (m.part, m.resolved_year, m.resolved_month) == ("start", 2021, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Maha test suite conventions for nth weekday of a month (ref 2021-09-01).
        ("آخر خميس من شهر 9", "2021-09-30"),
        ("آخر يوم بالشهر الجاي", "2021-10-31"),
        ("ثالث جمعة من شهر 5 السنة الماضية", "2020-05-15"),
        ("أول اثنين من شهر جمادى الأولى من عام 1443", "2021-12-06"),
        ("آخر جمعة من رمضان ١٤٤٠", "2019-05-31"),  # 29 Ramadan 1440 (Umm al-Qura) was a Friday
    ],
)
def test_nth_weekday_of_month(text: str, expected: str) -> None:
    assert one(text).date == datetime.date.fromisoformat(expected)


def test_metres_are_not_years() -> None:
    # "م" after a number is also the abbreviation of metre (متر).
    assert find_dates("على مسافة ٢٠٠ م من المبنى") == []
    assert one("سنة ٦٢٢ م", ref=None).year == 622
    assert one("عام ٢٠١٩ م", ref=None).year == 2019


def test_centuries_are_not_years() -> None:
    assert find_dates("في القرن ١١ الميلادي") == []
    assert find_dates("مطلع القرن ١٥ هـ") == []


def test_digits_glued_to_words_and_era_markers() -> None:
    assert one("عام2014", ref=None).year == 2014
    m = one("بتاريخ 4/2/1436هـ", ref=None)
    # 4 Safar 1436 AH = 26 November 2014 (Umm al-Qura, hijridate 2.6).
    assert (m.calendar, m.text, m.date) == ("hijri", "4/2/1436هـ", datetime.date(2014, 11, 26))


def test_classical_words_are_not_dialect_dates() -> None:
    # Quran 19:11 "بُكْرَةً وَعَشِيًّا" (early morning and evening); dialect بكرة = tomorrow.
    assert find_dates("فَسَبِّحُوا بُكْرَةً وَعَشِيًّا", ref=REF) == []
    assert one("نلتقي بكرة").date == datetime.date(2021, 9, 2)


def test_construct_day_is_not_an_offset() -> None:
    # "قبل يوم الجمعة" = before Friday; "قبل يوم من الانتخابات" = a day before the elections.
    assert [m.text for m in find_dates("قبل يوم الجمعة", ref=REF)] == ["يوم الجمعة"]
    assert find_dates("قبل يوم من الانتخابات", ref=REF) == []
    assert one("وصل قبل يوم واحد.").date == datetime.date(2021, 8, 31)


def _months_txt() -> list[tuple[str, str, int, str]]:
    from conftest import shared_file

    rows = []
    for line in shared_file("data", "months.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        calendar, variant, num, _english, arabic = line.split("\t")
        if calendar in ("gregorian", "hijri") and "duckling" not in variant:  # duckling rows are regexes
            rows += [(calendar, variant, int(num), name) for name in arabic.split("|")]
    return rows


def test_every_month_name_of_the_reference_list_is_recognised() -> None:
    # ../shared/data/months.txt: CLDR (via dateparser ar.py) and hijridate 2.6 month names.
    rows = _months_txt()
    assert len(rows) > 60
    for calendar, variant, month, name in rows:
        year = 1440 if calendar == "hijri" else 2020
        (m,) = find_dates(f"٣ {name} {year}", ref=None)
        assert (m.calendar, m.month, m.day, m.year) == (calendar, month, 3, year), (variant, name)


def test_data_file_is_escaped_and_cites_sources() -> None:
    import json
    from importlib import resources

    raw = resources.files("arnorm.data").joinpath("dates.json").read_text(encoding="utf-8")
    assert raw.isascii(), "data files are written with \\u escapes"
    doc = json.loads(raw)
    for entry in doc["gregorian_months"] + doc["hijri_months"]:
        for name in entry["names"]:
            assert name["source"] in doc["sources"], name
    for key, group in doc.items():
        if isinstance(group, dict) and key != "sources":
            assert group.get("source") and group.get("description"), key
