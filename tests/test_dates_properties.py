"""Properties of date recognition and of the ``dates`` stage (the specification).

* rendering any valid date in Arabic - any Gregorian naming system, any digit
  system, or the Hijri calendar - and reading it back with ``find_dates`` gives
  the same date, wherever it stands in a text;
* Hijri -> Gregorian -> Hijri round-trips over the whole supported range;
* the stage honours the stage contract on date-dense text: idempotent, line
  by line, line breaks kept, never raises; text without digits is untouched
  (absolute dates need digits, relative ones a reference date);
* ``find_dates`` offsets always index the original text.
"""

from __future__ import annotations

import datetime
import doctest
import functools
import json
import pickle
import sys
from collections.abc import Iterator

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import arnorm.dates
import arnorm.dates.find
import arnorm.dates.lexicon
import arnorm.dates.render
from arnorm.dates import dates_to_jsonl, find_dates, render_arabic, rewrite_dates
from arnorm.dates.calendar import (
    HIJRI_MAX_YEAR,
    HIJRI_MIN_YEAR,
    gregorian_to_hijri,
    hijri_to_gregorian,
    month_length,
)
from arnorm.dates.lexicon import MONTH_SYSTEMS, lexicon
from arnorm.pipeline import Pipeline
from arnorm.strategies import any_unicode_text, arabic_text

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
DIGIT_SYSTEMS = ("ascii", "arabic", "persian")


@st.composite
def gregorian_dates(draw: st.DrawFn) -> datetime.date:
    return draw(st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(2999, 12, 31)))


@st.composite
def hijri_dates(draw: st.DrawFn) -> tuple[int, int, int]:
    year = draw(st.integers(HIJRI_MIN_YEAR, HIJRI_MAX_YEAR))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, month_length("hijri", year, month)))
    return year, month, day


# Context that cannot join a date: Arabic letters, marks and spaces, ended by a full stop.
context = st.text(alphabet="ابتجدهوزحطيكلمنسعفصقرشةىأإآءئؤ َُِّْ\u0640", max_size=30).map(lambda t: t + ". ")


@given(
    date=gregorian_dates(),
    names=st.sampled_from(MONTH_SYSTEMS),
    digits=st.sampled_from(DIGIT_SYSTEMS),
    before=context,
    after=context,
)
@example(date=datetime.date(2019, 5, 26), names="egyptian", digits="arabic", before="", after="")
@example(date=datetime.date(2020, 2, 29), names="levantine", digits="persian", before="", after="")
def test_gregorian_rendering_round_trips(
    date: datetime.date, names: str, digits: str, before: str, after: str
) -> None:
    written = render_arabic(date.year, date.month, date.day, names=names, digits=digits)  # type: ignore[arg-type]
    text = before + written + " ." + after
    hits = [m for m in find_dates(text) if m.text == written]
    assert len(hits) == 1, (text, find_dates(text))
    m = hits[0]
    assert text[m.start : m.end] == written
    assert m.date == date
    assert (m.calendar, m.precision, m.year, m.month, m.day) == ("gregorian", "day", date.year, date.month, date.day)


@given(date=gregorian_dates(), names=st.sampled_from(MONTH_SYSTEMS), digits=st.sampled_from(DIGIT_SYSTEMS))
def test_month_and_year_renderings_round_trip(date: datetime.date, names: str, digits: str) -> None:
    (m,) = find_dates(render_arabic(date.year, date.month, names=names, digits=digits))  # type: ignore[arg-type]
    assert (m.precision, m.year, m.month, m.date, m.iso()) == (
        "month", date.year, date.month, None, f"{date.year:04d}-{date.month:02d}"
    )
    (y,) = find_dates(render_arabic(date.year, digits=digits))  # type: ignore[arg-type]
    assert (y.precision, y.year, y.iso()) == ("year", date.year, f"{date.year:04d}")


@given(hijri=hijri_dates(), digits=st.sampled_from(DIGIT_SYSTEMS))
def test_hijri_rendering_round_trips(hijri: tuple[int, int, int], digits: str) -> None:
    written = render_arabic(*hijri, calendar="hijri", digits=digits)  # type: ignore[arg-type]
    (m,) = find_dates(written)
    assert m.calendar == "hijri"
    assert (m.year, m.month, m.day) == hijri
    assert m.date == hijri_to_gregorian(*hijri)


@given(hijri=hijri_dates())
def test_hijri_gregorian_hijri_round_trip(hijri: tuple[int, int, int]) -> None:
    assert gregorian_to_hijri(hijri_to_gregorian(*hijri)) == hijri


@given(date=st.dates(min_value=datetime.date(1924, 8, 1), max_value=datetime.date(2077, 11, 16)))
def test_gregorian_hijri_gregorian_round_trip(date: datetime.date) -> None:
    assert hijri_to_gregorian(*gregorian_to_hijri(date)) == date


@given(date=gregorian_dates(), sep=st.sampled_from("/-."), digits=st.sampled_from(DIGIT_SYSTEMS))
def test_numeric_dates_day_first_and_year_first(date: datetime.date, sep: str, digits: str) -> None:
    # years 1300-1500 written with digits only are read as Hijri (tests/test_dates_families.py)
    assume(not 1300 <= date.year <= 1500)
    table = str.maketrans("0123456789", {"ascii": "0123456789", "arabic": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹"}[digits])
    for written in (f"{date.day}{sep}{date.month}{sep}{date.year}", f"{date.year}{sep}{date.month:02d}{sep}{date.day:02d}"):
        (m,) = find_dates(written.translate(table))
        assert m.date == date


# -- the stage contract on date-dense text -------------------------------------

_WORDS = sorted(lexicon().readings)
date_token = st.one_of(
    st.sampled_from(_WORDS),
    st.integers(0, 2100).map(str),
    st.integers(0, 40).map(lambda n: str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))),
    st.builds(lambda d: d.isoformat(), gregorian_dates()),
    st.builds(lambda d: f"{d.day}/{d.month}/{d.year}", gregorian_dates()),
    arabic_text(max_tokens=2, lines=False),
)
date_soup = st.lists(
    st.tuples(date_token, st.sampled_from([" ", " ", " ", "/", "-", " (", ") ", "، ", "\n", "\r\n", "\u2028", ". ", "", "هـ "])),
    max_size=14,
).map(lambda pairs: "".join(a + b for a, b in pairs))

STAGES = [
    "dates",
    "dates(keep_original=true)",
    "dates(ref=2021-09-01)",
    "dates(ref=2021-09-01,keep_original=true)",
    "dates(format=dmy,digits=ascii,ref=2021-09-01)",
    "dates(format=arabic,names=levantine,ref=2021-09-01)",
    "dates(format=arabic,names=maghrebi,digits=persian,keep_original=true,ref=2021-09-01)",
    "dates(ref=2021-09-01,weekdays=after)",
]


@pytest.fixture(scope="module", autouse=True)
def dates_stage_registered() -> Iterator[None]:
    """Register the ``dates`` stage for this module only, until ``arnorm.stages`` imports it.

    Importing ``arnorm.stages.dates`` registers the stage process-wide, which
    other test modules (the README and config checks) would then see before
    the stage is wired into the package; so undo it afterwards.
    """
    from arnorm import registry

    registry._ensure_builtins()
    already = "dates" in registry._REGISTRY
    import arnorm.stages.dates  # noqa: F401

    yield
    if not already:
        registry._REGISTRY.pop("dates", None)
        sys.modules.pop("arnorm.stages.dates", None)


@functools.cache
def pipe_for(spec: str) -> Pipeline:
    return Pipeline.from_spec(spec)


@given(spec=st.sampled_from(STAGES), text=st.one_of(date_soup, arabic_text(), any_unicode_text(surrogates=True)))
@example(spec=STAGES[3], text="● أخبار سورية ٢٦ مايو ٢٠١٩ وأمس")
@example(spec=STAGES[0], text="الأحد ٢٦ أيار (مايو) ٢٠١٩")
@example(spec=STAGES[1], text="٢٦ مايو ٢٠١٩ [2019-05-27]")
@example(spec=STAGES[2], text="في 1/9 و 2019-05")
@example(spec=STAGES[2], text="٢٦ مايو\n٢٠١٩ أمس\r\nغدا")
def test_stage_contract(spec: str, text: str) -> None:
    """Idempotent, line breaks kept, line by line, never raises (every option set)."""
    pipe = pipe_for(spec)
    out = pipe(text)
    assert isinstance(out, str)
    assert pipe(out) == out
    assert [c for c in out if c in LINE_BREAKS] == [c for c in text if c in LINE_BREAKS]
    assert "".join(pipe(line) for line in text.splitlines(keepends=True)) == out


@given(text=st.one_of(date_soup, arabic_text()))
def test_text_without_digits_is_untouched(text: str) -> None:
    text = "".join(c for c in text if not c.isdigit())
    assert pipe_for("dates")(text) == text
    assert pipe_for("dates(keep_original=true)")(text) == text


@given(text=st.one_of(date_soup, arabic_text(), any_unicode_text(surrogates=True)))
def test_matches_index_the_original_text(text: str) -> None:
    matches = find_dates(text, ref=datetime.date(2021, 9, 1))
    last = 0
    for m in matches:
        assert text[m.start : m.end] == m.text
        assert m.start >= last and m.end > m.start
        assert not any(c in LINE_BREAKS for c in m.text)
        last = m.end
        json.dumps(m.to_dict())


@given(text=date_soup)
def test_rewrite_changes_only_recognised_dates(text: str) -> None:
    """Outside the spans of resolved matches, every character survives in order."""
    ref = datetime.date(2021, 9, 1)
    out = rewrite_dates(text, ref=ref)
    pos = 0
    for m in find_dates(text, ref=ref):
        if m.iso() is None or m.part is not None:
            continue
        kept = text[pos : m.start]
        assert out.startswith(kept)
        out = out[len(kept) :]
        assert out.startswith(m.iso())  # type: ignore[arg-type]
        out = out[len(m.iso()) :]  # type: ignore[arg-type]
        pos = m.end
    assert out == text[pos:]


def test_stage_spec_and_pickle_round_trip() -> None:
    for spec in STAGES:
        pipe = pipe_for(spec)
        assert Pipeline.from_spec(pipe.spec) == pipe
        clone = pickle.loads(pickle.dumps(pipe))
        assert clone == pipe
        assert clone("في ٢٦ مايو ٢٠١٩ وأمس") == pipe("في ٢٦ مايو ٢٠١٩ وأمس")


def test_jsonl_one_line_per_input_line() -> None:
    out = dates_to_jsonl("● أخبار سورية ٢٦ مايو ٢٠١٩\n", ref="2021-09-01")
    assert "\n" not in out
    (d,) = json.loads(out)
    assert (d["text"], d["date"], d["iso"], d["precision"]) == ("٢٦ مايو ٢٠١٩", "2019-05-26", "2019-05-26", "day")
    assert dates_to_jsonl("لا تاريخ هنا") == "[]"


@pytest.mark.parametrize(
    "module", [arnorm.dates, arnorm.dates.find, arnorm.dates.lexicon, arnorm.dates.render], ids=lambda m: m.__name__
)
def test_doctests(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0


@given(text=st.one_of(date_soup, arabic_text()))
@example(text="٢٦\nمايو ٢٠١٩")
@example(text="عام\u2028٢٠١٩ ٢٦ مايو\r\n٢٠٢٠")
def test_find_dates_is_line_local(text: str) -> None:
    """The text is tokenized as a whole; the matches are those of its lines."""
    ref = datetime.date(2021, 9, 1)
    per_line = []
    offset = 0
    for line in text.splitlines(keepends=True):
        per_line += [(m.start + offset, m.end + offset, m.date, m.precision) for m in find_dates(line, ref=ref)]
        offset += len(line)
    assert [(m.start, m.end, m.date, m.precision) for m in find_dates(text, ref=ref)] == per_line


def test_stage_option_errors_name_the_choices() -> None:
    from arnorm.dates import DateRefError
    from arnorm.errors import StageOptionError

    with pytest.raises(StageOptionError, match="iso, dmy, arabic"):
        Pipeline.from_spec("dates(format=xml)")
    with pytest.raises(StageOptionError, match="egyptian"):
        Pipeline.from_spec("dates(names=french)")
    with pytest.raises(DateRefError, match="2021-09-01"):
        Pipeline.from_spec("dates(ref=yesterday)")


def test_stage_examples() -> None:
    # Seed article dateline; 1 Ramadan 1440 = 6 May 2019 (Umm al-Qura, hijridate 2.6).
    assert pipe_for("dates")("● أخبار سورية ٢٦ مايو ٢٠١٩") == "● أخبار سورية 2019-05-26"
    assert pipe_for("dates")("١ رمضان ١٤٤٠ هـ وأمس") == "2019-05-06 وأمس"
    assert pipe_for("dates(ref=2021-09-01,keep_original=true)")("وأمس") == "وأمس [2021-08-31]"
    assert pipe_for("dates(format=arabic,names=levantine)")("26/5/2019") == "٢٦ أيار ٢٠١٩"
    assert pipe_for("dates(format=dmy,digits=ascii)")("مايو ٢٠١٩") == "05/2019"
    # left alone: Hijri month (no Gregorian month), month part, weekday that does not fit
    for text in ("رمضان ١٤٤٠", "منتصف مايو ٢٠١٩", "الاثنين ٢٦ مايو ٢٠١٩"):
        assert pipe_for("dates")(text) == text
