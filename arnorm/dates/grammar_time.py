"""The date grammar, part four: clock times, parts of the day, durations.

* clock times: ``الساعة`` + an hour (digits or ``الثالثة``) [``والنصف``|``والربع``]
  [part of day], ``14:30`` [part of day], ``الثالثة عصرا``; alone they mean
  the reference day, and they join a date written next to them
  (``الساعة العاشرة صباح يوم الأحد``, ``يوم الأحد الساعة ١٠``);
* a part of the day before a day: ``ظهر اليوم``, ``مساء أمس``, ``صباح يوم الأحد``;
* durations: ``قبل ٥ ساعات``, ``بعد ساعتين`` (from the reference time),
  ``منذ يومين`` (like ``قبل``), ``خلال ثلاثة أيام`` (a range from the reference).
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from .grammar_relative import offset
from .lexicon import fold, to_int
from .readings import Reading
from .tokens import Stream

__all__ = ["attach_time", "rule_clock", "rule_day_part", "rule_hours", "rule_within"]

Longest = Callable[[Stream, int], "Reading | None"]


def _hour(s: Stream, k: int) -> tuple[int, int, int] | None:
    """An hour at ``k`` (linked): ``(hour, minute, next)`` from digits, ``14:30`` or an ordinal."""
    tok = s.toks[k] if k < len(s) and s.linked[k] else None
    if tok is None:
        return None
    if tok.group == "time":
        parts = [to_int(x) for x in tok.text.split(":")]
        if parts[0] > 24 or parts[1] > 59:
            return None
        return parts[0], parts[1], k + 1
    if tok.group == "num" and len(tok.text) <= 2:
        hour = to_int(tok.text)
        return (hour, 0, k + 1) if hour <= 24 else None
    o = 1 if s.get(k, "kw:one_oclock") else s.get(k, "ord")
    if o is not None and 1 <= o <= 12 and _feminine(tok.text):
        return o, 0, k + 1
    return None


def _feminine(word: str) -> bool:
    """Hours are feminine ordinals (``الثالثة``, ``الأولى``, ``الحادية عشرة``), not ``الأول``."""
    w = fold(word)
    return w.endswith("\u0647") or w == "\u0627\u0644\u0627\u0648\u0644\u064a"


def _minutes_and_part(s: Stream, p: Reading, k: int) -> Reading:
    """``والنصف``/``والربع`` and a part-of-day adverb after the hour (``p.j`` is ``k``)."""
    if s.at(k, "kw:and_half") or s.at(k, "kw:and_quarter"):
        p.minute = 30 if s.get(k, "kw:and_half") else 15
        p.j, p.end, k = k + 1, s.end(k), k + 1
    elif s.at(k + 1, "kw:minutes") and s.text[s.toks[k - 1].end : s.toks[k].start].strip() in ("", "\u0648"):
        tok = s.toks[k]
        count = to_int(tok.text) if tok.group == "num" and len(tok.text) <= 2 else s.get(k, "card")
        if count is not None and count < 60:  # الساعة 7 وعشر دقائق, الساعة ٧ و ١٠ دقائق
            p.minute, p.j, p.end, k = count, k + 2, s.end(k + 1), k + 2
    part = s.at(k, "dpa")
    if part is not None:
        p.day_part, p.j, p.end = part, k + 1, s.end(k)
    return p


def rule_clock(s: Stream, i: int) -> Reading | None:
    """``الساعة ٣``, ``الساعة الثالثة والنصف عصرا``, ``14:30``, ``الثالثة عصرا``."""
    k = i + 1 if s.get(i, "kw:hour") else i
    h = _hour(s, k)
    if h is None:
        return None
    hour, minute, j = h
    p = Reading(j=j, end=s.end(j - 1), kind="days", hour=hour, minute=minute)
    p = _minutes_and_part(s, p, j)
    if k == i and s.toks[i].group != "time" and p.day_part is None:
        return None  # الثالثة alone is an ordinal, not 3 o'clock
    return p


def attach_time(s: Stream, p: Reading, longest: Longest) -> Reading:
    """A date followed by a clock time, or a clock time followed by a date: one reading."""
    if p.hour is None and p.kind in ("date", "days", "weekday", "nth", "holiday") and p.precision == "day":
        k = p.j
        if k < len(s) and s.linked[k]:
            t = rule_clock(s, k) if (s.get(k, "kw:hour") or s.toks[k].group == "time") else None
            if t is not None:
                p = copy.copy(p)
                p.hour, p.minute, p.day_part, p.j, p.end = t.hour, t.minute, t.day_part, t.j, t.end
        return p
    if p.hour is not None and p.kind == "days" and p.day_offset == 0 and p.j < len(s) and s.linked[p.j]:
        k = p.j + 1 if s.get(p.j, "dpn") else p.j
        d = longest(s, k) if k == p.j or s.linked[k] else None
        if d is None and s.get(k, "kw:day") and k + 1 < len(s) and s.linked[k + 1]:
            d = longest(s, k + 1)  # الساعة ٣ من يوم ٥ مايو
        if d is not None and d.hour is None and d.precision == "day" and d.until is None and not d.invalid:
            d = copy.copy(d)
            d.hour, d.minute = p.hour, p.minute
            d.day_part = p.day_part or s.get(p.j, "dpn")
            return d
    return p


def rule_day_part(s: Stream, i: int, longest: Longest) -> Reading | None:
    """``ظهر اليوم``, ``مساء أمس``, ``صباح يوم الأحد``: a day with its part."""
    part = s.get(i, "dpn")
    if part is None or i + 1 >= len(s) or not s.linked[i + 1]:
        return None
    d = longest(s, i + 1)
    if d is None or d.invalid or d.precision != "day" or d.until is not None or d.hour is not None:
        return None
    d = copy.copy(d)
    d.day_part = part
    return d


def rule_hours(s: Stream, i: int) -> Reading | None:
    """``قبل ٥ ساعات``, ``بعد ساعتين``, ``منذ ١٠ دقائق``: minutes from the reference time."""
    sign = 1 if s.get(i, "kw:after") else -1 if s.get(i, "kw:before") or s.get(i, "kw:since") else 0
    if not sign or i + 1 >= len(s):
        return None
    k = i + 1
    n = s.num(k, max_digits=3)
    count = n[0] if n is not None else s.at(k, "card")
    if count is not None:
        k += 1
        per = 60 if s.at(k, "kw:hours") else 1 if s.at(k, "kw:minutes") else 0
    else:
        count, per = 1, 120 if s.at(k, "kw:two_hours") else 0
    if not per:
        return None
    return Reading(j=k + 1, end=s.end(k), kind="days", minute_offset=sign * count * per)


def rule_within(s: Stream, i: int) -> Reading | None:
    """``خلال ثلاثة أيام``, ``في غضون أسبوعين``: from the reference to the end of the duration."""
    if not s.get(i, "kw:within"):
        return None
    found = offset(s, i, sign=1)
    if found is None:
        return None
    days, months, k = found
    start = Reading(j=k, end=s.end(k - 1), kind="days")
    start.until = Reading(j=k, end=s.end(k - 1), kind="days", day_offset=days, month_offset=months or None)
    return start
