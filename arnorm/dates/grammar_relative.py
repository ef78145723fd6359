"""The date grammar, part two: dates relative to the reference, weekdays, nth days, month parts.

Like :mod:`arnorm.dates.grammar`, each rule returns an unresolved
:class:`~arnorm.dates.readings.Reading`:

* relative days: ``اليوم``, ``أمس``, ``غدا``, ``بعد غد``, ``أول أمس`` and dialect
  forms, ``اليوم`` + modifier, ``بعد|قبل`` + a number of days or weeks;
* weekdays: ``[يوم] W [modifier]``, ``W`` + ``الأسبوع الماضي``/``هذا الأسبوع``;
* ``أول|ثاني|...|آخر`` + weekday or ``يوم`` + ``من`` + month [+ year];
* ``مطلع|منتصف|أواخر`` + month [+ year] (month precision, with ``part``).
"""

from __future__ import annotations

import re

from .context import tense
from .grammar import HIJRI_YEARS, month, set_year, year, year_ok
from .lexicon import HARAKAT
from .readings import MOD_DAYS, MOD_WEEKDAY, Reading
from .tokens import Stream

__all__ = ["offset", "rule_holiday", "rule_nth", "rule_offset", "rule_part", "rule_relative_day", "rule_weekday"]

# A word (letters) after spaces: the noun of a construct such as قبل يوم الجمعة.
_WORD_NEXT = re.compile(r"[ \t\u00a0]+[^\W\d_]")
# اليوم الذي / التي: "the day which ...", not today (not a token: these words are too common).
_WHICH = re.compile(r"[ \t\u00a0]+(?:\u0627\u0644\u0630\u064a|\u0627\u0644\u062a\u064a)(?![^\W\d_])")
_PAREN_GAP = re.compile(r"[ \t\u00a0]*\([ \t\u00a0]*")
_PAREN_CLOSE = re.compile(r"[ \t\u00a0]*\)")


def _trailing_weekday(s: Stream, p: Reading) -> None:
    """The weekday that often follows a relative day: ``اليوم (الاثنين)``, ``غدا الأربعاء``."""
    k = p.j
    if k >= len(s) or s.get(k, "wd") is None:
        return
    gap = s.text[p.end : s.toks[k].start]
    close = _PAREN_CLOSE.match(s.text, s.toks[k].end) if _PAREN_GAP.fullmatch(gap) else None
    if close is not None:
        p.weekday, p.j, p.end = s.get(k, "wd"), k + 1, close.end()
        s.relink(k + 1, close.end())
    elif s.linked[k] and s.mod_at(k + 1) is None:
        p.weekday, p.j, p.end = s.get(k, "wd"), k + 1, s.end(k)


def rule_relative_day(s: Stream, i: int) -> Reading | None:
    """``أمس``, ``غدا``, ``اليوم`` [modifier], ``أول أمس`` / ``أمس الأول`` ..."""
    offset = s.get(i, "rel")
    if offset is None:
        return None
    if s.get(i, "dialect") and HARAKAT.intersection(s.toks[i].text):
        return None  # بُكْرَةً: classical "early in the morning", not dialect "tomorrow"
    p = Reading(j=i + 1, end=s.end(i), kind="days")
    if offset == 0 and (s.at(i + 1, "ord") is not None or _WHICH.match(s.text, s.end(i))):
        return None  # اليوم الثالث (من اكتوبر), اليوم الذي بعد الغد: not today
    if offset == 0:
        mod = s.mod_at(i + 1)
        if mod is not None:
            offset = MOD_DAYS[mod]
            p.j, p.end = i + 2, s.end(i + 1)
    elif offset == -1 and (s.at(i + 1, "ord") == 1 or s.at(i + 1, "nth") == 1) and not s.at(i + 2, "wd"):
        offset, p.j, p.end = -2, i + 2, s.end(i + 1)  # أمس الأول: the day before yesterday
    p.day_offset = offset
    _trailing_weekday(s, p)
    return p


def _count(s: Stream, k: int) -> tuple[int, int] | None:
    """A count at ``k`` (digits or a cardinal word): ``(value, next)``."""
    n = s.num(k, max_digits=3)
    if n is not None:
        return n[0], k + 1
    if s.at(k, "card") is not None:
        return s.get(k, "card"), k + 1
    return None


# Units of an offset: (days, months) per unit, for a counted unit and for a dual.
_UNITS = {
    "kw:days": (1, 0), "kw:one_day": (1, 0), "kw:weeks": (7, 0), "kw:one_week": (7, 0),
    "kw:months": (0, 1), "kw:one_month": (0, 1), "kw:years": (0, 12), "kw:one_year": (0, 12),
}
_DUALS = {"kw:two_days": (2, 0), "kw:two_weeks": (14, 0), "kw:two_months": (0, 2), "kw:two_years": (0, 24)}
_ONES = ("kw:one_day", "kw:one_week", "kw:one_month", "kw:one_year")
# A word or a number after spaces: the noun of a construct (قبل يوم الجمعة, قبل عام 2015).
_WORD_OR_NUMBER_NEXT = re.compile(r"[ \t\u00a0]+[^\W_]")


def _unit(s: Stream, k: int, kinds: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    return next((v for kind, v in kinds.items() if s.at(k, kind)), None)


def offset(s: Stream, i: int, sign: int = 0) -> tuple[int, int, int] | None:
    """``بعد|قبل|منذ`` (or ``sign``) + a count and a unit at ``i``: ``(days, months, next)``."""
    if not sign:
        sign = 1 if s.get(i, "kw:after") else -1 if s.get(i, "kw:before") or s.get(i, "kw:since") else 0
    if not sign:
        return None
    k = i + 1
    counted = _count(s, k)
    if counted is not None:
        count, k = counted
        unit = _unit(s, k, _UNITS)  # بعد ٣ أيام, قبل 10 يوم, قبل عشرين يوما, بعد شهرين
        if unit is None:
            return None
        return sign * count * unit[0], sign * count * unit[1], k + 1
    dual = _unit(s, k, _DUALS)
    if dual is not None:
        return sign * dual[0], sign * dual[1], k + 1
    one = next((kind for kind in _ONES if s.at(k, kind)), None)
    if one is None:
        return None  # بعد أيام: "a few days later" is no date
    unit = _UNITS[one]
    # قبل يوم / بعد أسبوع [واحد], but not the construct قبل يوم الجمعة ("before
    # Friday") or قبل عام 2015: a word may not follow, except "one".
    if s.at(k + 1, "card") == 1:
        k += 1
    elif (_WORD_NEXT if one in ("kw:one_day", "kw:one_week") else _WORD_OR_NUMBER_NEXT).match(s.text, s.end(k)):
        return None
    return sign * unit[0], sign * unit[1], k + 1


def rule_offset(s: Stream, i: int) -> Reading | None:
    """``بعد|قبل`` + number + unit (``قبل ثلاثة أيام``, ``بعد يومين``, ``بعد شهرين``), then maybe a weekday.

    ``بعد شهرين يوم الخميس``: the Thursday of the week that holds the day two
    months from the reference.
    """
    found = offset(s, i)
    if found is None:
        return None
    days, months, k = found
    p = Reading(j=k, end=s.end(k - 1), kind="days", day_offset=days, month_offset=months or None)
    w = k + 1 if s.at(k, "kw:day") else k
    weekday = s.at(w, "wd")
    if weekday is not None:
        p.kind, p.weekday, p.week, p.j, p.end = "weekday", weekday, 0, w + 1, s.end(w)
    return p


def week_ref(s: Stream, k: int) -> tuple[int, int] | None:
    """``الأسبوع`` + modifier or ``هذا الأسبوع`` at ``k``: ``(j, week offset)``."""
    if s.at(k, "kw:week"):
        mod = s.mod_at(k + 1)
        if mod is not None:
            return k + 2, MOD_DAYS[mod]
        return None
    if s.at(k, "kw:this") and s.tight(k + 1) and s.at(k + 1, "kw:week"):
        return k + 2, 0
    return None


def rule_weekday(s: Stream, i: int) -> Reading | None:
    """``[هذا|يوم] W [modifier]``, ``W الأسبوع الماضي``, ``الأسبوع القادم [يوم] W``."""
    k = i
    how = None
    wk = week_ref(s, k) if s.get(k, "kw:week") or s.get(k, "kw:this") else None
    if wk is not None:
        # الأسبوع القادم يوم الأحد
        j, weeks = wk
        if s.at(j, "kw:day"):
            j += 1
        w = s.at(j, "wd")
        if w is None:
            return None
        return Reading(j=j + 1, end=s.end(j), kind="weekday", weekday=w, week=weeks)
    if s.get(k, "kw:this") and s.tight(k + 1) and s.at(k + 1, "wd") is not None:
        k += 1
        how = "on_or_after"
    elif s.get(k, "kw:day") and s.at(k + 1, "wd") is not None:
        k += 1
    w = s.at(k, "wd")
    if w is None:
        return None
    p = Reading(j=k + 1, end=s.end(k), kind="weekday", weekday=w)
    after = offset(s, k + 1) if k + 1 < len(s) and s.linked[k + 1] else None
    if after is not None:  # الخميس بعد اسبوعين
        p.day_offset, p.month_offset, p.week = after[0], after[1] or None, 0
        p.j, p.end = after[2], s.end(after[2] - 1)
        return p
    wk = week_ref(s, k + 1)
    if wk is not None:
        p.j, p.end, p.week = wk[0], s.end(wk[0] - 1), wk[1]
        return p
    mod = s.mod_at(k + 1)
    if mod is not None and how is None:
        how = MOD_WEEKDAY[mod]
        p.j, p.end = k + 2, s.end(k + 1)
    if how is None:
        # the tense of the clause: وأبلغ ... يوم السبت (past), ويلعب سـ... الأحد (future)
        t = tense(s.text, s.toks[i].start, p.end)
        how = None if t is None else "on_or_before" if t == "past" else "on_or_after"
    p.how = how
    return p


def _nth_head(s: Stream, i: int) -> tuple[int, int | None, int] | None:
    """``أول ثلاثاء``, ``الثلاثاء الثالث``, ``آخر يوم``: ``(n, weekday, next)``.

    After a weekday, an ordinal of 1-5 may also be the day of the month
    (``الثلاثاء الثالث من سبتمبر``): the resolver takes the day when the
    weekday fits it, the nth weekday otherwise.
    """
    n = s.get(i, "nth")
    if n is not None:
        weekday = s.at(i + 1, "wdb")
        if weekday is None:
            weekday = s.at(i + 1, "wd")
        if weekday is None and not s.at(i + 1, "kw:day"):
            return None
        return n, weekday, i + 2
    w = s.get(i, "wd")
    if w is None:
        return None
    k = i + 1
    n = s.at(k, "ord")
    if n is None or n > 5:
        n = -1 if s.at(k, "kw:last") else None
    if n is None:
        return None
    return n, w, k + 1


def rule_nth(s: Stream, i: int) -> Reading | None:
    """``أول|ثاني|...|آخر`` + weekday or ``يوم``, or weekday + ordinal, + [من] month [year]."""
    head = _nth_head(s, i)
    if head is None:
        return None
    n, weekday, k = head
    m = month(s, k)
    if m is None:
        if weekday is None or s.get(i, "nth") is None:
            return None
        if s.get(i + 1, "wd") is None and weekday in (6, 0):
            return None  # آخر أحد, أول اثنين: bare أحد / اثنين are also "one" / "two"
        # آخر ثلاثاء, أول خميس: of the reference month
        return Reading(j=k, end=s.end(k - 1), kind="nth", nth=n, weekday=weekday, month_offset=0)
    p = Reading(j=m.j, end=m.end, kind="nth", cal=m.cal, nth=n, weekday=weekday)
    if s.get(i, "wd") is not None and n > 0:
        p.day = n  # the other reading: the day of the month
    if m.offset is not None:
        p.month_offset = m.offset
        return p
    p.month = m.month
    y = year(s, m.j)
    if y is not None and y.era != "bce":
        p.j, p.end = y.j, y.end
        if y.offset is not None:
            p.year_offset = y.offset
        else:
            p.year = y.year
    return p


def rule_part(s: Stream, i: int) -> Reading | None:
    """``مطلع|منتصف|أواخر`` + month [+ year]: month precision with ``part``."""
    part = s.get(i, "part")
    if part is None:
        return None
    m = month(s, i + 1)
    if m is None or m.month is None:
        return None
    p = Reading(j=m.j, end=m.end, cal=m.cal, precision="month", month=m.month, part=part)
    mod = s.mod_at(m.j)
    if mod is not None:
        # بداية فبراير (شباط) الماضي
        p.j, p.end, p.mod = m.j + 1, s.end(m.j), mod
        return p
    y = year(s, m.j)
    if y is not None and y.offset is None and y.era != "bce":
        assert y.year is not None
        if not year_ok(m.cal, y.year, y.era):
            return Reading(j=y.j, end=y.end, invalid=True)
        p.j, p.end, p.year = y.j, y.end, y.year
    return p


def rule_holiday(s: Stream, i: int) -> Reading | None:
    """A holiday (``عيد الفطر``, ``عيد الفصح``) with an optional year or modifier."""
    index = s.get(i, "hol")
    if index is None:
        return None
    p = Reading(j=i + 1, end=s.end(i), kind="holiday", holiday=index)
    mod = s.mod_at(i + 1)
    if mod is not None:
        p.j, p.end, p.mod = i + 2, s.end(i + 1), mod
        return p
    y = year(s, i + 1)
    if y is None or y.era == "bce":
        return p
    absolute = set_year(p, y)
    if absolute is not None and (y.era == "hijri" or (y.era is None and HIJRI_YEARS[0] <= absolute <= HIJRI_YEARS[1])):
        p.cal = "hijri"
    return p
