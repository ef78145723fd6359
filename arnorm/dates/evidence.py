"""Numeric dates whose calendar the text decides: a written weekday, or ``الموافق`` + the other calendar's date.

A numeric date without an era marker (``الأحد 10/10``, ``بتاريخ 10/10``) is
read as Gregorian unless its year is 1300-1500 (:mod:`arnorm.dates.grammar`).
Saudi news, however, writes the Hijri date first and the Gregorian one beside
it, so the text often says which calendar is meant:

* **the weekday written with it**: when the Gregorian reading contradicts the
  weekday (or is no date: ``الأحد 30/2``) and the Hijri one (Umm al-Qura, in
  the same year or the reference's Hijri year) fits it, the date is Hijri (``الأحد 10/10``, reference July
  2015: 10 Shawwal 1436, a Sunday, not Saturday 10 October 2015);
* **the corresponding date** (``الموافق``/``الموافقة``/``موافق`` between two
  dates): when the Hijri reading of the numeric date, in the Hijri year of
  the other date, is that very day, the date is Hijri and takes that year
  (``بتاريخ 10/10 الموافق 26/7/2015`` = 10 Shawwal 1436).

Both only ever move a guessed Gregorian reading to the Hijri calendar, and
only when the Hijri reading is confirmed.
"""

from __future__ import annotations

import copy
import re

from .calendar import HijriRangeError, gregorian_to_hijri
from .lexicon import fold, lexicon
from .model import DateMatch
from .readings import Reading
from .resolve import Ref, Resolved, resolve

__all__ = ["Found", "by_corresponding", "by_weekday"]

#: Where a reading starts in the text, the reading, and its match (None if it resolves to no date).
Found = tuple[int, Reading, "DateMatch | None"]

_GAP = re.compile(r"[\s,\u060c(\-]*([^\W\d_]+)[\s:\u060c,]*")


def _hijri(r: Reading, ref: Ref, year: int | None = None) -> tuple[Reading, Resolved] | None:
    """``r`` read as a Hijri date (in ``year`` when given), if that resolves to a day."""
    alt = copy.copy(r)
    alt.cal = "hijri"
    alt.cal_guessed = False
    if year is not None:
        alt.year = year
    res = resolve(alt, ref)
    if res.invalid or res.date is None:
        return None
    return alt, res


def by_weekday(r: Reading, res: Resolved, ref: Ref) -> tuple[Reading, Resolved]:
    """``(r, res)``, or the Hijri reading when only it fits the weekday written (see the module docstring)."""
    if not r.cal_guessed or r.weekday is None or not (res.invalid or "weekday_mismatch" in res.issues):
        return r, res
    found = _hijri(r, ref)
    if found is None or found[1].issues:
        return r, res
    return found


def _corresponds(text: str, end: int, start: int) -> bool:
    """Whether only ``الموافق`` (and spaces, commas) stands between offsets ``end`` and ``start``."""
    gap = _GAP.fullmatch(text, end, start)
    return gap is not None and "kw:corresponding" in lexicon().readings.get(fold(gap.group(1)), {})


def _confirmed(guessed: Reading, other: DateMatch | None, ref: Ref) -> Reading | None:
    """The Hijri reading of ``guessed`` if it names the same day as ``other`` (a Gregorian date)."""
    if not guessed.cal_guessed or guessed.until is not None or other is None:
        return None
    if other.calendar != "gregorian" or other.date is None:
        return None
    try:
        year, month, day = gregorian_to_hijri(other.date)
    except HijriRangeError:
        return None
    if (guessed.month, guessed.day) != (month, day) or guessed.year not in (None, year):
        return None
    found = _hijri(guessed, ref, year)
    return found[0] if found is not None and found[1].date == other.date else None


def by_corresponding(text: str, a: Found, b: Found, ref: Ref) -> tuple[int, Reading] | None:
    """Which of two neighbours (0 or 1) ``الموافق`` shows to be Hijri, with its Hijri reading.

    A neighbour's match is None when its Gregorian reading is no date
    (``29/2`` in 1961): it is kept for this test only.
    """
    (_, ra, ma), (sb, rb, mb) = a, b
    if not (ra.cal_guessed or rb.cal_guessed) or not _corresponds(text, ra.end, sb):
        return None
    alt = _confirmed(ra, mb, ref)
    if alt is not None:
        return 0, alt
    alt = _confirmed(rb, ma, ref)
    return (1, alt) if alt is not None else None
