"""The date grammar, part three: ranges, periods relative to the reference, bare months and years.

* ranges ``X (إلى|حتى|لغاية|-) Y`` and ``بين X و Y``, where ``X`` is a full
  reading or a bare piece that takes what it lacks from ``Y``: a day
  (``من 21 إلى 30 يوليو``, ``15-25 يوليو``), a month (``يناير - مارس 2015``)
  or a year (``1436 - 1437هـ``; ``بين عامي 2010 و2015`` takes a bare end);
* periods: ``الأسبوع|الشهر|العام|السنة`` + modifier, ``هذا الشهر``,
  ``النصف الأول|الثاني من`` + a year (a range of months);
* a month or a year alone after ``في``/``منذ``/``خلال``/``حتى``/``قبل``/``بعد``
  or a season (``خريف 2015``, ``موسم 2014 - 2015``: the year only)
  (``في يناير``, ``في 2013``: years 1950-2049 only, a bare number is
  otherwise too often a count), and a year alone in brackets (``«أفاتار» (2009)``,
  years 1000-2099).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable

from .grammar import dated_tail, month, year
from .grammar_relative import week_ref
from .lexicon import DIGITS, to_int
from .readings import Reading, clock_time
from .tokens import Stream

__all__ = ["clock_range", "rule_bare", "rule_half", "rule_period", "with_range"]

Longest = Callable[[Stream, int], "Reading | None"]

_TO = "(?:\u0625\u0644\u0649|\u0627\u0644\u0649|\u0625\u0644\u064a|\u0627\u0644\u064a|\u062d\u062a\u0649|\u062d\u062a\u064a|\u0644\u063a\u0627\u064a\u0629)"
# What may join the two ends of a range: a dash, or (و)إلى/حتى/لغاية between spaces.
_CONNECTOR = re.compile(rf"[ \t\u00a0]*(?:[\-\u2013\u2014]|\u0648?{_TO}[ \t\u00a0]+)[ \t\u00a0]*")
# After بين: "و", glued to the second end or standing alone.
_AND = re.compile(r"[ \t\u00a0]+\u0648[ \t\u00a0]*")
_BETWEEN = re.compile(r"\u0628\u064a\u0646[ \t\u00a0]+$")
# Words after which a month or year named alone is a date.
_BARE_PREFIX = re.compile(
    r"(?:^|[\s(\u060c,])\u0648?(?:\u0641\u064a|\u0645\u0646\u0630|\u062e\u0644\u0627\u0644|"
    r"\u062d\u062a\u0649|\u0642\u0628\u0644|\u0628\u0639\u062f|\u0645\u0637\u0644\u0639|\u0623\u0648\u0627\u0626\u0644|"
    # seasons before a year: صيف, خريف, شتاء, ربيع, موسم (لخريف 2015, موسم 2014 - 2015)
    r"\u0644?(?:\u0635\u064a\u0641|\u062e\u0631\u064a\u0641|\u0634\u062a\u0627\u0621|\u0631\u0628\u064a\u0639|\u0645\u0648\u0633\u0645))[ \t\u00a0]+$"
)
_PARENS = re.compile(rf"\([{DIGITS}]{{4}}\)")
_SPACES = re.compile(r"[ \t\u00a0]+")
_DAY_RANGE = re.compile(rf"([{DIGITS}]{{1,2}})-([{DIGITS}]{{1,2}})")


def _bare_start(s: Stream, i: int) -> tuple[str, int, int] | None:
    """A bare piece at token ``i``: ``(kind, value, next)`` for a day, a month or a year."""
    tok = s.toks[i]
    if tok.group == "num":
        value = to_int(tok.text)
        if len(tok.text) <= 2 and 1 <= value <= 31:
            return "day", value, i + 1
        if len(tok.text) == 4:
            return "year", value, i + 1
        return None
    saved = s.begin(i)
    try:
        m = month(s, i, allow_relative=False)
    finally:
        s.done(saved)
    if m is not None and m.month is not None:
        return "month", m.month, m.j
    return None


def _joined(s: Stream, j: int, between: bool) -> int | None:
    """The token after a range connector before token ``j`` (``j`` or past ``حتى``), or None."""
    if j >= len(s) or j == 0:
        return None
    gap = s.gap_text(j)
    if _CONNECTOR.fullmatch(gap) is not None or (between and _AND.fullmatch(gap) is not None):
        return j
    if s.get(j, "kw:to") and j + 1 < len(s) and _SPACES.fullmatch(gap) and _SPACES.fullmatch(s.gap_text(j + 1)):
        return j + 1  # حتى and لغاية are tokens (they also introduce dates)
    return None


def _merge_bare(kind: str, value: int, end: Reading) -> Reading | None:
    """The start of a range written as a bare piece, completed from its end."""
    start = copy.copy(end)
    start.until, start.weekday = None, None
    if kind == "day" and end.precision == "day" and end.kind == "date" and not end.ref_month:
        start.day = value
        return start
    if kind == "month" and end.kind == "date" and end.precision in ("day", "month") and end.month is not None:
        start.precision, start.month, start.day, start.part = "month", value, None, None
        return start
    if kind == "year" and end.kind == "date" and end.precision == "year":
        start.year = value
        return start
    return None


def _bare_end(s: Stream, k: int, start: Reading) -> Reading | None:
    """A bare year ending a range whose start is a year: ``بين عامي 2010 و2015``."""
    if start.precision != "year" or s.group(k) != "num" or len(s.toks[k].text) != 4:
        return None
    end = copy.copy(start)
    end.year, end.j, end.end = to_int(s.toks[k].text), k + 1, s.end(k)
    return end


def with_range(s: Stream, i: int, best: Reading | None, longest: Longest) -> Reading | None:
    """``best`` (or a bare piece at ``i``) extended into a range, or None if no range follows."""
    tok = s.toks[i]
    if best is None and tok.group == "ndate":
        return _day_range(s, i)
    if best is None and tok.group != "num" and "gm" not in tok.readings and "hm" not in tok.readings:
        return None
    if best is not None and (best.kind != "date" or best.invalid):
        return None
    # بين X و Y; عامي X و Y (the dual names two years)
    between = _BETWEEN.search(s.text, max(0, tok.start - 8), tok.start) is not None or bool(s.get(i, "kw:year_pair"))
    bare = None if best is not None else _bare_start(s, i)
    j = best.j if best is not None else bare[2] if bare is not None else i
    joined = None if j == i else _joined(s, j, between)
    if joined is None:
        return None
    j = joined
    end = longest(s, j)
    if end is None and best is not None:
        end = _bare_end(s, j, best)
    if end is None or end.invalid or end.kind != "date" or end.until is not None:
        return None
    if best is not None:
        if best.cal != end.cal:
            return None  # عام ٢٠١١م حتى ١٤٤٠هـ: two dates, not one range
        start = copy.copy(best)
        if start.year is None and start.year_offset is None and start.mod is None and start.kind == "date":
            start.year_from_end = True  # من 20 يوليو إلى 22 أكتوبر المقبل: the year of the end
    else:
        assert bare is not None
        merged = _merge_bare(bare[0], bare[1], end)
        if merged is None:
            return None
        start = merged
    start.until, start.j, start.end = end, end.j, end.end
    return start


def _is_clock(r: Reading | None) -> bool:
    """Whether ``r`` is a clock time alone (``الساعة ٩``, ``14:30``, ``الخامسة عصرا``)."""
    return (
        r is not None
        and r.kind == "days"
        and r.hour is not None
        and r.day_offset == 0
        and r.month_offset is None
        and r.minute_offset == 0
        and r.until is None
        and not r.invalid
    )


def _dated_clock(r: Reading | None) -> bool:
    """Whether ``r`` is a day with a clock time (``الأحد من الساعة ٩``)."""
    return r is not None and r.hour is not None and r.precision == "day" and r.until is None and not r.invalid


def clock_range(s: Stream, i: int, best: Reading | None, longest: Longest) -> Reading | None:
    """Two clock times joined like the ends of a range: ``من الساعة ٩ إلى الساعة ١١ صباحا``.

    A start without a part of the day takes the end's when it then comes
    first (``بين الساعة الثالثة والخامسة عصرا``: 15:00 to 17:00).  A start
    with a day (``الأحد من الساعة ٩ إلى ١١ مساء``) gives the end its day.
    """
    if best is None or not _dated_clock(best):
        return None
    between = _BETWEEN.search(s.text, max(0, s.toks[i].start - 8), s.toks[i].start) is not None
    j = _joined(s, best.j, between)
    end = longest(s, j) if j is not None else None
    if end is None or not _is_clock(end):
        return None
    if not _is_clock(best):
        day = copy.copy(best)  # the end on the start's day
        day.hour, day.minute, day.day_part, day.j, day.end = end.hour, end.minute, end.day_part, end.j, end.end
        end = day
    start = copy.copy(best)
    if start.day_part is None and end.day_part is not None:
        start.day_part = end.day_part
        begins, ends = clock_time(start), clock_time(end)
        if begins is None or ends is None or begins > ends:
            start.day_part = None
    start.until, start.j, start.end = end, end.j, end.end
    return start


def _day_range(s: Stream, i: int) -> Reading | None:
    """``15-25 يوليو``: a numeric-date token of two days, then a month."""
    tok = s.toks[i]
    m = _DAY_RANGE.fullmatch(tok.text) if tok.group == "ndate" else None
    if m is None:
        return None
    end = dated_tail(s, i + 1, to_int(m.group(2)))
    if end is None or end.invalid:
        return None
    start = _merge_bare("day", to_int(m.group(1)), end)
    if start is None:
        return None
    start.until, start.j, start.end = end, end.j, end.end
    return start


def rule_period(s: Stream, i: int) -> Reading | None:
    """``العام الماضي``, ``الشهر المقبل``, ``الأسبوع الماضي``, ``هذا الشهر``, ``العام الجاري``."""
    y = year(s, i)
    if y is not None and y.offset is not None:
        return Reading(j=y.j, end=y.end, kind="period", precision="year", period_offset=y.offset)
    m = month(s, i)
    if m is not None and m.offset is not None:
        return Reading(j=m.j, end=m.end, kind="period", precision="month", period_offset=m.offset)
    w = week_ref(s, i)
    if w is not None:
        return Reading(j=w[0], end=s.end(w[0] - 1), kind="period", precision="week", period_offset=w[1])
    return None


def rule_half(s: Stream, i: int) -> Reading | None:
    """``النصف الأول|الثاني من`` + a year: a range of six months."""
    if not s.get(i, "kw:half"):
        return None
    half = s.at(i + 1, "ord")
    if half not in (1, 2):
        return None
    y = year(s, i + 2)
    if y is None:
        return None
    first = 1 if half == 1 else 7
    start = Reading(j=y.j, end=y.end, precision="month", month=first, year=y.year, year_offset=y.offset)
    if y.era == "hijri":
        start.cal = "hijri"
    start.until = copy.copy(start)
    start.until.month = first + 5
    return start


def rule_bare(s: Stream, i: int) -> Reading | None:
    """A month or a year named alone after ``في``, ``منذ`` ... (see the module docstring)."""
    tok = s.toks[i]
    if tok.group == "num" and len(tok.text) == 4 and _PARENS.fullmatch(s.text, max(0, tok.start - 1), tok.end + 1):
        value = to_int(tok.text)  # «أفاتار» (2009)
        if 1000 <= value <= 2099:
            return Reading(j=i + 1, end=tok.end, precision="year", year=value)
    if _BARE_PREFIX.search(s.text, max(0, tok.start - 8), tok.start) is None:
        return None
    if tok.group == "num":
        value = to_int(tok.text)
        if len(tok.text) == 4 and 1950 <= value <= 2049:
            return Reading(j=i + 1, end=tok.end, precision="year", year=value)
        return None
    m = month(s, i, allow_relative=False)
    if m is None or m.month is None or s.get(i, "kw:month"):
        return None
    return Reading(j=m.j, end=m.end, cal=m.cal, precision="month", month=m.month)

