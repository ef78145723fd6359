"""Finding dates in Arabic text: :func:`find_dates`.

How it works (a date never spans a line break, so the result for a text is
the concatenation of the results for its lines):

1. :mod:`arnorm.dates.tokens` cuts the text into tokens with offsets into
   the original text (digit runs, numeric dates, clock times, lexicon words);
2. the grammar (:mod:`arnorm.dates.grammar`,
   :mod:`arnorm.dates.grammar_relative`) reads runs of tokens that touch and
   returns unresolved readings; at each position the longest reading wins
   (the first rule on a tie), and an invalid date (``٣١ شباط ٢٠١٩``, month
   13) suppresses its whole span instead of falling back to a shorter one;
3. :mod:`arnorm.dates.resolve` does all the arithmetic against the
   reference date.

Clock times (``١٠:٣٠``, ``الساعة ٣``) are tokens too, so that their numbers
are never read as days; they are not part of any match.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from collections.abc import Callable, Iterator
from typing import Literal

from ..errors import OptionValueError
from .context import not_a_date
from .evidence import by_corresponding, by_weekday
from .grammar import rule_dated, rule_month_day, rule_month_year, rule_numeric, rule_year
from .grammar_range import clock_range, rule_bare, rule_half, rule_period, with_range
from .grammar_relative import rule_holiday, rule_nth, rule_offset, rule_part, rule_relative_day, rule_weekday
from .grammar_time import attach_time, rule_clock, rule_day_part, rule_hours, rule_within
from .model import DateMatch, coerce_ref
from .readings import Reading
from .resolve import Ref, resolve
from .tokens import Stream, tokenize

__all__ = ["WEEKDAY_RULES", "WeekdayRule", "find_dates"]

#: How a weekday named alone (``الأحد``) is resolved against the reference date.
WeekdayRule = Literal["nearest", "on_or_after", "after", "before"]
WEEKDAY_RULES: tuple[str, ...] = ("nearest", "on_or_after", "after", "before")

Rule = Callable[[Stream, int], "Reading | None"]

def rule_day_part_here(s: Stream, i: int) -> Reading | None:
    """:func:`~arnorm.dates.grammar_time.rule_day_part` reading the day with :func:`longest`."""
    return rule_day_part(s, i, longest)


# Which rules can start at a token, by token group or reading kind; rules are
# tried in _ORDER and the longest reading wins (the first on a tie).
_ORDER: tuple[Rule, ...] = (
    rule_nth,
    rule_dated,
    rule_numeric,
    rule_month_year,
    rule_month_day,
    rule_year,
    rule_relative_day,
    rule_offset,
    rule_weekday,
    rule_part,
    rule_period,
    rule_half,
    rule_bare,
    rule_holiday,
    rule_clock,
    rule_hours,
    rule_within,
    rule_day_part_here,
)
_STARTS: dict[str, tuple[Rule, ...]] = {
    "num": (rule_dated, rule_year, rule_numeric, rule_bare, rule_clock),
    "time": (rule_clock,),
    "kw:hour": (rule_clock,),
    "kw:within": (rule_within,),
    "kw:since": (rule_offset, rule_hours),
    "dpn": (rule_day_part_here,),
    "ndate": (rule_numeric,),
    "wd": (rule_dated, rule_numeric, rule_weekday, rule_nth),
    "kw:day": (rule_dated, rule_numeric, rule_weekday),
    "ord": (rule_dated, rule_clock),
    "nth": (rule_dated, rule_nth),
    "gm": (rule_month_year, rule_month_day, rule_bare),
    "hm": (rule_month_year, rule_month_day, rule_bare),
    "kw:month": (rule_month_year, rule_month_day),
    "kw:the_month": (rule_period,),
    "kw:half": (rule_half,),
    "kw:year": (rule_year,),
    "kw:year_pair": (rule_year,),
    "kw:the_year": (rule_year, rule_period),
    "rel": (rule_relative_day, rule_dated),
    "kw:after": (rule_offset, rule_hours),
    "kw:before": (rule_offset, rule_hours),
    "kw:this": (rule_weekday, rule_period),
    "kw:week": (rule_weekday, rule_period),
    "part": (rule_part,),
    "hol": (rule_holiday,),
    "kw:one_oclock": (rule_clock,),
}


#: Readings that may make a date alone; a word without one needs a linked next token.
_ALONE = frozenset({"rel", "wd", "hol", "gm", "hm"})


def parse_at(s: Stream, i: int) -> Reading | None:
    """The longest reading starting at token ``i`` (a range if one starts there), or None."""
    tok = s.toks[i]
    if tok.group == "word" and (i + 1 >= len(s) or not s.linked[i + 1]) and _ALONE.isdisjoint(tok.readings):
        return None  # بعد, هذا, منذ ... followed by no part of a date: the common case, made cheap
    best = longest(s, i)
    if best is not None:
        best = attach_time(s, best, longest)
    return with_range(s, i, best, longest) or clock_range(s, i, best, longest) or best



def longest(s: Stream, i: int) -> Reading | None:
    """The longest single (non-range) reading starting at token ``i``, or None."""
    tok = s.toks[i]
    best: Reading | None = None
    saved = s.begin(i)
    try:
        for rule in _rules(tok.group, tuple(tok.readings) if tok.group == "word" else ()):
            p = rule(s, i)
            if p is not None and (best is None or p.end > best.end):
                best = p
    finally:
        s.done(saved)
    return best


@functools.lru_cache(maxsize=1024)
def _rules(group: str, kinds: tuple[str, ...]) -> tuple[Rule, ...]:
    """The rules that may start at a token of ``group`` (with reading ``kinds`` for a word), in order."""
    keys = kinds if group == "word" else (group,)
    rules = {r for kind in keys for r in _STARTS.get(kind, ())}
    return tuple(r for r in _ORDER if r in rules)


def _match(s: Stream, i: int, r: Reading, ref: Ref) -> tuple[Reading, DateMatch] | None:
    """The match of reading ``r`` from token ``i`` (with the reading it kept), or None if it resolves to no date."""
    r, res = by_weekday(r, resolve(r, ref), ref)
    if res.invalid:
        return None
    start = s.toks[i].start
    today = r.kind == "days" and r.day_offset == 0
    if not_a_date(s.text, start, r.end, has_year=r.year is not None, today_word=today):
        return None
    return r, DateMatch.of_fields(
        {
            "start": start,
            "end": r.end,
            "text": s.text[start : r.end],
            "calendar": r.cal,
            "precision": r.precision,
            "year": r.year,
            "month": r.month,
            "day": r.day if r.kind == "date" else None,
            "date": res.date,
            "resolved_year": res.resolved_year,
            "resolved_month": res.resolved_month,
            "weekday": r.weekday,
            "relative": res.relative,
            "part": r.part,
            "issues": tuple(dict.fromkeys(res.issues)),
            "start_date": res.start_date,
            "end_date": res.end_date,
            "end_precision": r.until.precision if r.until is not None else None,
            "time": res.time,
            "day_part": r.day_part,
            "end_time": res.end_time,
        }
    )


Placed = tuple[int, Reading, "DateMatch | None"]  # first token, reading, match (None: no date)


def matches(s: Stream, ref: Ref) -> Iterator[DateMatch]:
    """The matches of a token stream, in text order, without overlaps.

    ``الموافق`` between two dates may move one of them to the Hijri calendar
    (:mod:`arnorm.dates.evidence`): a numeric date that is no Gregorian date
    is kept until its neighbours are known.
    """
    placed: list[Placed] = []
    i = 0
    while i < len(s):
        p = parse_at(s, i)
        if p is None:
            i += 1
            continue
        found = _match(s, i, p, ref)
        if found is not None:
            placed.append((i, *found))
        elif p.cal_guessed:
            placed.append((i, p, None))
        i = max(p.j, i + 1)
    for k in range(1, len(placed)):
        placed[k - 1], placed[k] = _corresponding(s, placed[k - 1], placed[k], ref)
    return (m for _, _, m in placed if m is not None)


def _corresponding(s: Stream, a: Placed, b: Placed, ref: Ref) -> tuple[Placed, Placed]:
    """Two neighbours, one rebuilt as Hijri where :func:`~arnorm.dates.evidence.by_corresponding` says."""
    which = by_corresponding(s.text, (s.toks[a[0]].start, *a[1:]), (s.toks[b[0]].start, *b[1:]), ref)
    if which is None:
        return a, b
    k, alt = which
    i, guessed, _ = (a, b)[k]
    rebuilt = _match(s, i, alt, ref)
    if rebuilt is None:
        return a, b
    # the year came from the other date: not written here
    placed = (i, rebuilt[0], dataclasses.replace(rebuilt[1], year=guessed.year))
    return (placed, b) if k == 0 else (a, placed)


def find_dates(
    text: str, ref: datetime.date | str | None = None, *, weekdays: WeekdayRule = "nearest"
) -> list[DateMatch]:
    """Find the dates in ``text``; offsets index ``text`` itself.

    Args:
        text: any text; it is read line by line (a date never spans a line break).
        ref: the reference date for relative expressions (``أمس``, ``الأحد
            القادم``, dates without a year).  A ``datetime.date``, a datetime,
            an ISO string, or None: then relative dates are reported with
            ``date=None`` and the issue ``needs_ref``.
        weekdays: how a weekday named alone (``الأحد``) is resolved when
            its clause gives no tense: ``"nearest"`` (default; the reference
            date itself if it is that weekday), ``"on_or_after"``, ``"after"``
            (strictly), ``"before"``.  With ``القادم``/``الماضي`` the
            next/previous one is always taken; in a clause with a past verb
            (``قال``, ``أعلن``, ``قد``, ``أمس`` ...) the last one (the reference
            day included), with a future marker (``سوف``, ``سـ`` + verb,
            ``المقبل``) or a present verb just before it (``ويلعب الأحد``)
            the next one (the reference day included).

    Returns:
        The matches in text order, without overlaps.  A date that would fall
        outside ``datetime.date`` (years 1-9999, e.g. ``أمس`` against the
        reference 0001-01-01) is not returned.  ``ref`` may be a datetime:
        its time resolves ``قبل ٥ ساعات``.

    Raises:
        DateRefError: ``ref`` is not a date or ISO date string.
        OptionValueError: ``weekdays`` is not one of the rules.
        TypeError: ``text`` is not a ``str``.

    >>> [m.date.isoformat() for m in find_dates("أخبار سورية ٢٦ مايو ٢٠١٩")]
    ['2019-05-26']
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates takes str, not {type(text).__name__}")
    ref_date = coerce_ref(ref)
    if weekdays not in WEEKDAY_RULES:
        raise OptionValueError("find_dates", "weekdays", weekdays, WEEKDAY_RULES)
    toks = tokenize(text, _ALONE)
    if not toks:
        return []
    ref_time = ref.time() if isinstance(ref, datetime.datetime) else None
    return list(matches(Stream(text, toks), Ref(ref_date, weekdays, ref_time)))
