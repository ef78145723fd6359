"""Writing dates: ISO 8601, day/month/year numbers, or Arabic words; rewriting text.

* :func:`render_arabic` writes a date in Arabic in a chosen month naming
  system and digit system (``٢٦ مايو ٢٠١٩``, ``٢٦ أيار ٢٠١٩``, ``۲۶ ماي ۲۰۱۹``,
  ``١ رمضان ١٤٤٠ هـ``); :func:`find_dates` reads every such rendering back;
* :func:`render_match` writes a :class:`DateMatch` in a format;
* :func:`rewrite_dates` rewrites every resolved date of a text in place (the
  ``dates`` stage);
* :func:`dates_to_jsonl` turns one input line into one JSON line (the CLI).
"""

from __future__ import annotations

import datetime
import json
from typing import Literal

from ..errors import StageOptionError
from .find import WeekdayRule, find_dates
from .lexicon import MONTH_SYSTEMS, lexicon
from .model import DateMatch, coerce_ref

__all__ = [
    "DIGIT_SYSTEMS",
    "FORMATS",
    "DigitSystem",
    "Format",
    "MonthSystem",
    "dates_to_jsonl",
    "render_arabic",
    "render_match",
    "rewrite_dates",
]

Format = Literal["iso", "dmy", "arabic"]
MonthSystem = Literal["egyptian", "levantine", "maghrebi", "moroccan", "mauritanian"]
DigitSystem = Literal["ascii", "arabic", "persian"]
FORMATS: tuple[Format, ...] = ("iso", "dmy", "arabic")
DIGIT_SYSTEMS: tuple[DigitSystem, ...] = ("ascii", "arabic", "persian")

_TO_DIGITS = {
    "ascii": str.maketrans("", ""),
    "arabic": str.maketrans("0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
    "persian": str.maketrans("0123456789", "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"),
}
_HIJRI_ERA = "\u0647\u0640"  # هـ
_YEAR_WORD = "\u0639\u0627\u0645"  # عام


def _check(option: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise StageOptionError("dates", option, f"invalid value {value!r}", value=value, choices=choices)


def render_arabic(
    year: int,
    month: int | None = None,
    day: int | None = None,
    *,
    calendar: Literal["gregorian", "hijri"] = "gregorian",
    names: MonthSystem = "egyptian",
    digits: DigitSystem = "arabic",
) -> str:
    """A date written in Arabic: ``٢٦ مايو ٢٠١٩``, ``مايو ٢٠١٩``, ``عام ٢٠١٩``.

    Hijri dates take the Hijri month names and the marker ``هـ``
    (``١ رمضان ١٤٤٠ هـ``); ``names`` chooses among the Gregorian naming systems.
    The numbers are not checked: this only writes.

    Raises:
        StageOptionError: unknown ``names`` or ``digits``.

    >>> render_arabic(2019, 5, 26, names="levantine")
    '٢٦ أيار ٢٠١٩'
    """
    _check("names", names, MONTH_SYSTEMS)
    _check("digits", digits, DIGIT_SYSTEMS)
    table = _TO_DIGITS[digits]
    y = str(year).translate(table)
    era = f" {_HIJRI_ERA}" if calendar == "hijri" else ""
    if month is None:
        return f"{_YEAR_WORD} {y}{era}"
    name = lexicon().month_names[("hijri" if calendar == "hijri" else names, month)]
    if day is None:
        return f"{name} {y}{era}"
    return f"{str(day).translate(table)} {name} {y}{era}"


def render_match(
    m: DateMatch, format: Format = "iso", *, names: MonthSystem = "egyptian", digits: DigitSystem = "arabic"
) -> str | None:
    """``m`` written in ``format``, or None when it cannot be rewritten.

    Formats: ``"iso"`` (``2019-05-26``, ``2019-05``, ``2019``; always ASCII
    digits), ``"dmy"`` (``26/05/2019``, ``05/2019``, ``2019``), ``"arabic"``
    (:func:`render_arabic`, Gregorian).  Hijri dates are converted to
    Gregorian.  Not rewritable (None): unresolved matches (a relative date
    without a reference, an out-of-range Hijri date, a weekday that does not
    fit the date), Hijri months and years (no Gregorian equivalent), and
    month parts (``منتصف مايو``: the part would be lost).  Ranges and weeks
    are written as ISO 8601 intervals (``2015-07-21/2015-07-30``,
    ``2015-01/2015-03``) or as two renderings joined by `` - ``.
    """
    _check("format", format, FORMATS)
    iso = m.iso()
    if iso is None or m.part is not None or (m.day_part is not None and m.time is None):
        return None  # the part of the month or of the day would be lost
    if format == "iso":
        return iso
    if m.is_range or m.precision == "week":
        assert m.start_date is not None and m.end_date is not None
        by_day = m.precision == "week" or m.calendar == "hijri"  # no Gregorian month/year to name
        start_precision = "day" if by_day else m.precision
        end_precision = "day" if by_day else (m.end_precision or m.precision)
        a = _render_day(m.start_date, start_precision, format, names, digits)
        b = _render_day(m.end_date, end_precision, format, names, digits)
        if m.time is not None and m.end_time is not None:
            a, b = f"{a} {_clock(m.time, digits)}", f"{b} {_clock(m.end_time, digits)}"
        return f"{a} - {b}"
    if m.precision == "day":
        assert m.date is not None
        day = _render(m.date.year, m.date.month, m.date.day, format, names, digits)
        if m.time is not None:
            return f"{day} {_clock(m.time, digits)}"
        return day
    assert m.resolved_year is not None
    return _render(m.resolved_year, m.resolved_month, None, format, names, digits)


def _clock(t: datetime.time, digits: DigitSystem) -> str:
    """``15:00`` in ``digits``."""
    return t.isoformat(timespec="minutes").translate(_TO_DIGITS[digits])


def _render_day(d: datetime.date, precision: str, format: Format, names: MonthSystem, digits: DigitSystem) -> str:
    """One end of a range at its precision."""
    if precision == "year":
        return _render(d.year, None, None, format, names, digits)
    if precision == "month":
        return _render(d.year, d.month, None, format, names, digits)
    return _render(d.year, d.month, d.day, format, names, digits)


def _render(y: int, mo: int | None, d: int | None, format: Format, names: MonthSystem, digits: DigitSystem) -> str:
    """A Gregorian date in ``dmy`` or ``arabic`` format."""
    if format == "arabic":
        return render_arabic(y, mo, d, names=names, digits=digits)
    _check("digits", digits, DIGIT_SYSTEMS)
    if mo is None:
        text = f"{y:04d}"
    elif d is None:
        text = f"{mo:02d}/{y:04d}"
    else:
        text = f"{d:02d}/{mo:02d}/{y:04d}"
    return text.translate(_TO_DIGITS[digits])


def rewrite_dates(
    text: str,
    ref: datetime.date | str | None = None,
    *,
    format: Format = "iso",
    names: MonthSystem = "egyptian",
    digits: DigitSystem = "arabic",
    keep_original: bool = False,
    weekdays: WeekdayRule = "nearest",
) -> str:
    """``text`` with every rewritable date (see :func:`render_match`) rewritten in place.

    With ``keep_original`` the date is kept and the rendering follows it in
    brackets: ``٢٦ مايو ٢٠١٩ [2019-05-26]``.  The function is idempotent: a
    rendering equal to the original is left alone, and a date already followed
    by its bracketed rendering is not annotated again.  Everything that is not
    part of a recognised date is left untouched.

    >>> rewrite_dates("أخبار سورية ٢٦ مايو ٢٠١٩")
    'أخبار سورية 2019-05-26'
    """
    _check("format", format, FORMATS)
    _check("names", names, MONTH_SYSTEMS)
    _check("digits", digits, DIGIT_SYSTEMS)
    ref_date = coerce_ref(ref)
    pieces: list[str] = []
    last = 0
    for m in find_dates(text, ref=ref_date, weekdays=weekdays):
        new = render_match(m, format, names=names, digits=digits)
        if new is None or new == m.text:
            continue
        if keep_original:
            note = f" [{new}]"
            if text.startswith(note, m.end) or (
                text[m.start - 1 : m.start] == "[" and text[m.end : m.end + 1] == "]"
            ):
                continue
            new = m.text + note
        pieces.append(text[last : m.start])
        pieces.append(new)
        last = m.end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def dates_to_jsonl(line: str, ref: datetime.date | str | None = None, *, weekdays: WeekdayRule = "nearest") -> str:
    """One JSON line (no trailing newline) for one input line: a list of matches.

    Each match is :meth:`DateMatch.to_dict` (offsets index ``line``).  A
    trailing line break in ``line`` is ignored; a line without dates gives
    ``[]``, so output lines correspond one to one to input lines.

    >>> dates_to_jsonl("٢٦ مايو ٢٠١٩")[:31]
    '[{"start": 0, "end": 12, "text"'
    """
    line = line.rstrip("\r\n")
    # One match encoded at a time: a line with many dates never holds all their dicts at once.
    matches = find_dates(line, ref=ref, weekdays=weekdays)
    return "[" + ", ".join(json.dumps(m.to_dict(), ensure_ascii=False) for m in matches) + "]"
