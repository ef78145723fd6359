"""The date grammar, part one: the pieces (day, month, year, weekday head) and written dates.

Every rule is a function ``(stream, i) -> Reading | None`` that reads tokens
from ``i`` and returns an unresolved :class:`~arnorm.dates.readings.Reading`;
nothing here looks at the reference date.  The grammar (``D`` day, ``M``
month, ``Y`` year, ``W`` weekday; ``[]`` optional):

* ``[W [الموافق|في]] D [من] [شهر] M [Y [era]]`` where ``D`` is digits, an
  ordinal word (``الحادي والعشرين``) or ``أول``, and ``M`` a month name in
  any naming system, a doubled name (``أيار/مايو``, ``أيار (مايو)``),
  ``شهر`` + a number, or a relative month (``من هذا الشهر``, ``الشهر الجاي``);
* numeric dates ``d/m/yyyy``, ``yyyy/m/d`` (also ``-`` and ``.``, also with
  spaces around the separators), ``m/yyyy``; ``d/m`` only after a weekday or
  a word such as ``بتاريخ``/``الموافق``;
* ``[شهر] M Y`` (month precision), ``عام|سنة Y [era]`` and ``Y era`` (year).

The other rules are in :mod:`arnorm.dates.grammar_relative`.
"""

from __future__ import annotations

import re

from ..dates import calendar as cal
from .lexicon import to_int
from .model import Calendar
from .readings import MOD_DAYS, MonthRef, Reading, YearRef
from .tokens import Stream

__all__ = ["dated_tail", "day", "month", "rule_dated", "rule_month_day", "rule_month_year", "rule_numeric", "rule_year", "weekday_head", "year"]

#: Years read as Hijri in a numeric date without an era marker.
HIJRI_YEARS = (1300, 1500)

_SLASH_GAP = re.compile(r"[ \t\u00a0]*/[ \t\u00a0]*")
_PAREN_GAP = re.compile(r"[ \t\u00a0]*\([ \t\u00a0]*")
_PAREN_CLOSE = re.compile(r"[ \t\u00a0]*\)")


def year_ok(calname: str, year: int, era: str | None) -> bool:
    """Whether ``year`` is plausible as a written year of ``calname``."""
    if calname == "hijri":
        return 1 <= year <= 1700
    if era is not None:
        return 1 <= year <= cal.GREGORIAN_MAX_YEAR
    return cal.GREGORIAN_MIN_YEAR <= year <= cal.GREGORIAN_MAX_YEAR


def day(s: Stream, i: int) -> tuple[int, int] | None:
    """A day of the month at ``i``: ``(j, day)``."""
    n = s.num(i, max_digits=2)
    if n is not None:
        if i > 0 and s.linked_before(i) and s.get(i - 1, "time"):
            return None  # الساعة ٣
        return i + 1, n[0]  # 0 and 32-99 are checked (and rejected) with the month
    if i >= len(s) or not s.linked[i]:
        return None
    o = s.get(i, "ord")
    if o is not None:
        return i + 1, o
    if s.get(i, "nth") == 1:  # أول سبتمبر
        return i + 1, 1
    return None


def _doubled(s: Stream, k: int, m: int) -> tuple[int, int]:
    """After a Gregorian month name at ``k``: ``(j, end)`` past a doubled name (``أيار/مايو``)."""
    tok = s.toks[k]
    end, j = tok.end, k + 1
    if j < len(s) and s.get(j, "gm") == m:
        gap = s.text[tok.end : s.toks[j].start]
        if _SLASH_GAP.fullmatch(gap):
            return j + 1, s.toks[j].end
        if _PAREN_GAP.fullmatch(gap):
            close = _PAREN_CLOSE.match(s.text, s.toks[j].end)
            if close:
                s.relink(j + 1, close.end())
                return j + 1, close.end()
    return j, end


def month(s: Stream, i: int, *, allow_relative: bool = True) -> MonthRef | None:
    """A month at ``i``, optionally after ``شهر``; with ``allow_relative``, also ``الشهر القادم``."""
    k = i
    said_month = False
    if s.at(k, "kw:month"):
        k += 1
        said_month = True
    if k >= len(s) or not s.linked[k]:
        return None
    gm, hm = s.get(k, "gm"), s.get(k, "hm")
    if gm is not None:
        j, end = _doubled(s, k, gm)
        return MonthRef(j, end, "gregorian", month=gm)
    if hm is not None:
        return MonthRef(k + 1, s.end(k), "hijri", month=hm)
    if said_month:
        n = s.num(k, max_digits=2)
        if n is None and s.at(k, "card") is not None:
            n = (s.get(k, "card"), 0)  # شهر ثلاثة
        if n is not None and 1 <= n[0] <= 12:
            return MonthRef(k + 1, s.end(k), "gregorian", month=n[0])
        return None
    if not allow_relative:
        return None
    # relative: الشهر [modifier], هذا الشهر
    if s.get(k, "kw:this") and s.tight(k + 1) and s.at(k + 1, "kw:the_month"):
        return MonthRef(k + 2, s.end(k + 1), "gregorian", offset=0)
    if s.get(k, "kw:the_month"):
        mod = s.mod_at(k + 1)
        if mod is not None:
            return MonthRef(k + 2, s.end(k + 1), "gregorian", offset=MOD_DAYS[mod])
    return None


def year(s: Stream, i: int, *, need_word: bool = False) -> YearRef | None:
    """A year at ``i``: ``[عام|سنة] digits [era]`` or a relative year (``العام الماضي``)."""
    k = i
    said = s.at(k, "kw:year") or s.at(k, "kw:the_year") or s.at(k, "kw:year_pair")
    if said:
        k += 1
    elif need_word:
        return None
    n = s.num(k)
    if n is not None:
        value, digits = n
        era = s.at(k + 1, "era")
        if era is not None:
            return YearRef(k + 2, s.end(k + 1), year=value, era=era)
        if digits == 4:
            return YearRef(k + 1, s.end(k), year=value)
        return None
    # relative year: العام القادم, السنة الماضية, هذا العام
    if said and s.get(k - 1, "kw:the_year"):
        mod = s.mod_at(k)
        if mod is not None:
            return YearRef(k + 1, s.end(k), offset=MOD_DAYS[mod])
    if s.at(k, "kw:this") and s.tight(k + 1) and s.at(k + 1, "kw:the_year"):
        return YearRef(k + 2, s.end(k + 1), offset=0)
    return None


def weekday_head(s: Stream, i: int) -> tuple[int, int] | None:
    """``[يوم] W [،] [الموافق|في]`` at ``i``: ``(j, weekday)`` with ``j`` after any connector."""
    k = i
    if s.get(k, "kw:day") and s.at(k + 1, "wd") is not None:
        k += 1
    w = s.at(k, "wd")
    if w is None:
        return None
    k += 1
    if s.at(k, "kw:corresponding"):
        k += 1
    return k, w


def _year_tail(s: Stream, p: Reading, mcal: Calendar) -> Reading:
    """The optional year after a day and month (``p.j``): written, relative, or none."""
    mod = s.mod_at(p.j)
    if mod is not None:
        p.j, p.end, p.mod = p.j + 1, s.end(p.j), mod
        return p
    y = year(s, p.j)
    if y is None:
        return p
    if y.era == "bce":
        p.invalid = True
        p.j, p.end = y.j, y.end
        return p
    if y.era is not None and y.era != mcal:
        # a marker of the other calendar: stop before it
        y = YearRef(y.j - 1, s.end(y.j - 2), year=y.year)
    absolute = set_year(p, y)
    if absolute is not None and not year_ok(mcal, absolute, y.era):
        p.invalid = True
    return p


def set_year(p: Reading, y: YearRef) -> int | None:
    """Extend reading ``p`` over year ``y``; return the year if it is absolute (not an offset)."""
    p.j, p.end = y.j, y.end
    if y.offset is not None:
        p.year_offset = y.offset
        return None
    assert y.year is not None
    p.year = y.year
    return y.year


def dated_tail(s: Stream, k: int, dnum: int, weekday: int | None = None) -> Reading | None:
    """The month and optional year after a day ``dnum`` whose next token is ``k``."""
    m = month(s, k)
    if m is None:
        return None
    p = Reading(j=m.j, end=m.end, cal=m.cal, day=dnum, weekday=weekday)
    if not 1 <= dnum <= 31:
        y = year(s, m.j)
        if y is not None:
            p.j, p.end = y.j, y.end
        p.invalid = True
        return p
    if m.offset is not None:
        p.month_offset = m.offset
        return p
    p.month = m.month
    return _year_tail(s, p, m.cal)


def rule_dated(s: Stream, i: int) -> Reading | None:
    """``[W] D [من] [شهر] M [modifier] [Y]`` and ``W ordinal`` (day of the reference month)."""
    k, weekday = weekday_head(s, i) or (i, None)
    if weekday is None and s.get(i, "rel") == 0 and s.at(i + 1, "ord") is not None:
        k = i + 1  # اليوم الثالث من اكتوبر
    d = day(s, k)
    if d is None:
        return None
    k, dnum = d
    p = dated_tail(s, k, dnum, weekday)
    if p is None and weekday is not None and s.get(k - 1, "ord") is not None:
        # الأحد السابع عشر: that day of the reference month
        return Reading(j=k, end=s.end(k - 1), day=dnum, weekday=weekday, ref_month=True)
    return p


def _era_calendar(s: Stream, p: Reading, k: int) -> bool:
    """Apply an era marker at ``k`` to ``p``; False for a BCE marker."""
    era = s.at(k, "era")
    if era in ("hijri", "gregorian"):
        p.cal = era
        p.j, p.end = k + 1, s.end(k)
    return bool(era != "bce")


def _hijri_by_year(p: Reading, era: str | None) -> None:
    """A numeric date without an era marker whose year is 1300-1500 is Hijri (``١٠/١٠/١٤٣٦``).

    Nobody writes a Gregorian date of the 14th or 15th century with digits
    only, while Saudi news writes Hijri dates so every day.
    """
    if era is None and p.year is not None and HIJRI_YEARS[0] <= p.year <= HIJRI_YEARS[1]:
        p.cal = "hijri"


def _numeric_parts(s: Stream, k: int) -> tuple[list[str], str, int] | None:
    """The numbers of a numeric date at ``k`` (one token or spaced), with separator and next index."""
    spaced = s.spaced_date(k)
    if spaced is not None:
        return spaced
    tok = s.toks[k]
    if tok.group != "ndate":
        return None
    sep = next(c for c in tok.text if c in "/-.")
    return tok.text.split(sep), sep, k + 1


def rule_numeric(s: Stream, i: int) -> Reading | None:
    """``[W] d/m/yyyy``, ``yyyy/m/d``, ``m/yyyy``, contextual ``d/m``; optional era."""
    k, weekday = weekday_head(s, i) or (i, None)
    if k >= len(s) or (weekday is not None and not s.linked[k]):
        return None
    found = _numeric_parts(s, k)
    if found is None:
        return None
    parts, sep, j = found
    values = [to_int(x) for x in parts]
    p = Reading(j=j, end=s.end(j - 1), weekday=weekday)
    if not _era_calendar(s, p, j):
        return None
    era = s.at(j, "era")
    if len(parts) == 3:
        if len(parts[0]) == 4 and len(parts[2]) <= 2:
            y, mo, d = values
        elif len(parts[2]) == 4 and len(parts[0]) <= 2:
            d, mo, y = values
        else:
            return None
        if not year_ok(p.cal, y, era):
            return None
        p.year, p.month, p.day = y, mo, d
        _hijri_by_year(p, era)
        p.cal_guessed = era is None and p.cal == "gregorian"
        return p
    if sep == ".":
        return None
    a, b = parts
    if len(b) == 4 and len(a) <= 2 and weekday is None:
        if not 1 <= values[0] <= 12 or not year_ok(p.cal, values[1], era):
            return None
        p.precision = "month"
        p.month, p.year = values[0], values[1]
        _hijri_by_year(p, era)
        return p
    if len(a) <= 2 and len(b) <= 2 and sep == "/":
        context = weekday is not None or (
            k > 0 and s.linked_before(k) and (s.get(k - 1, "prefix") or s.get(k - 1, "kw:corresponding"))
        )
        if not context:
            return None
        p.day, p.month = values
        p.cal_guessed = era is None and p.cal == "gregorian"
        return p
    return None


def rule_month_day(s: Stream, i: int) -> Reading | None:
    """The month before the day: ``حزيران ٥، ١٩٦٧``, ``شباط 13``, ``شباط الرابع عشر``."""
    m = month(s, i, allow_relative=False)
    if m is None or m.month is None:
        return None
    d = day(s, m.j)
    if d is None or not 1 <= d[1] <= 31 or s.get(m.j, "nth") is not None:
        return None
    p = Reading(j=d[0], end=s.end(d[0] - 1), cal=m.cal, day=d[1], month=m.month)
    return _year_tail(s, p, m.cal)


def rule_month_year(s: Stream, i: int) -> Reading | None:
    """``[شهر] M Y`` (month precision) and ``شهر M [modifier]`` / ``M modifier``."""
    m = month(s, i, allow_relative=False)
    if m is None:
        return None
    said = bool(s.get(i, "kw:month"))
    p = Reading(j=m.j, end=m.end, cal=m.cal, precision="month", month=m.month)
    y = year(s, m.j)
    if y is not None and y.offset is not None:
        p.j, p.end, p.year_offset = y.j, y.end, y.offset  # مايو من العام المنصرم
        return p
    if y is not None and y.era != "bce":
        if y.era is not None and y.era != m.cal:
            y = YearRef(y.j - 1, s.end(y.j - 2), year=y.year)
        assert y.year is not None
        if not year_ok(m.cal, y.year, y.era):
            return Reading(j=y.j, end=y.end, invalid=True)
        p.j, p.end, p.year = y.j, y.end, y.year
        return p
    mod = s.mod_at(m.j)
    if mod is None and not said:
        return None  # a month name alone is too ambiguous (مارس is also a verb)
    if mod is not None:
        p.j, p.end, p.mod = m.j + 1, s.end(m.j), mod
    return p


def rule_year(s: Stream, i: int) -> Reading | None:
    """``عام|سنة Y [era]`` and ``Y era`` (year precision)."""
    y = year(s, i, need_word=True)
    if y is None:
        n = s.num(i)
        era = s.at(i + 1, "era")
        if n is None or era is None:
            return None
        if era == "gregorian" and (n[1] < 3 or (n[1] < 4 and s.toks[i + 1].text == "\u0645")):
            return None  # ٢٠٠ م: metres, not the year 200; القرن ١١ الميلادي
        if i > 0 and s.linked_before(i) and s.get(i - 1, "kw:century"):
            return None  # القرن ١٥ هـ: a century
        y = YearRef(i + 2, s.end(i + 1), year=n[0], era=era)
    if y.offset is not None or y.year is None:
        return None
    if y.era == "bce":
        return Reading(j=y.j, end=y.end, invalid=True)
    calname: Calendar = "hijri" if y.era == "hijri" else "gregorian"
    if not year_ok(calname, y.year, y.era):
        return None
    return Reading(j=y.j, end=y.end, cal=calname, precision="year", year=y.year)
