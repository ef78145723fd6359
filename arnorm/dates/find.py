"""Finding dates in Arabic text: :func:`find_dates`.

How it works (a date never spans a line break, so the result for a text is
the concatenation of the results for its lines):

1. one compiled pattern (:mod:`arnorm.dates.lexicon`) cuts the text into
   tokens - digit runs, numeric dates such as ``٢٦/٥/٢٠١٩``, clock times, and
   lexicon words, tolerant of diacritics, tatweel and alef/ya/ta marbuta
   variants - with offsets into the original text; the pattern only tries
   word starts, so text without date words costs little (the prefilter);
2. a small hand-written grammar reads runs of tokens that touch (separated
   only by spaces, commas, dashes or the words ``من``/``في``, never by a line
   break) and keeps, at each position, the longest reading; an invalid date
   (``٣١ شباط ٢٠١٩``, month 13) suppresses its whole span instead of falling
   back to a shorter reading;
3. the reading is resolved against the reference date if it needs one.

The grammar (``D`` day, ``M`` month, ``Y`` year, ``W`` weekday; ``[]`` optional):

* ``[W [الموافق|في]] D [من] [شهر] M [Y [era]]`` where ``D`` is digits, an
  ordinal word (``الحادي والعشرين``) or ``أول``, and ``M`` a month name in
  any naming system, a doubled name (``أيار/مايو``, ``أيار (مايو)``),
  ``شهر`` + a number, or a relative month (``من هذا الشهر``, ``الشهر الجاي``);
* numeric dates ``d/m/yyyy``, ``yyyy/m/d`` (also ``-`` and ``.``), ``m/yyyy``;
  ``d/m`` only after a weekday or a word such as ``بتاريخ``/``الموافق``;
* ``[شهر] M Y`` (month precision), ``عام|سنة Y [era]`` and ``Y era`` (year);
* relative days: ``اليوم``, ``أمس``, ``غدا``, ``بعد غد``, ``أول أمس`` and dialect
  forms, ``اليوم`` + modifier, ``بعد|قبل`` + a number of days or weeks;
* weekdays: ``[يوم] W [modifier]``, ``W`` + ``الأسبوع الماضي``/``هذا الأسبوع``,
  ``W`` + an ordinal (that day of the reference month);
* ``أول|ثاني|...|آخر`` + weekday or ``يوم`` + ``من`` + month [+ year];
* ``مطلع|منتصف|أواخر`` + month [+ year] (month precision, with ``part``).

Clock times (``١٠:٣٠``, ``الساعة ٣``) are tokens too, so that their numbers
are never read as days; they are not part of any match.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

import regex

from . import calendar as cal
from .lexicon import HARAKAT, fold, lexicon, number_after, to_int
from .model import DateMatch, Issue, coerce_ref

__all__ = ["WeekdayRule", "find_dates"]

#: How a weekday named alone (``الأحد``) is resolved against the reference date.
WeekdayRule = Literal["nearest", "on_or_after", "after", "before"]
_WEEKDAY_RULES = ("nearest", "on_or_after", "after", "before")

_NONE: Mapping[str, Any] = MappingProxyType({})
# A word (letters) after spaces: the noun of a construct such as قبل يوم الجمعة.
_WORD_NEXT = regex.compile(r"[ \t\u00a0]+[\p{L}]")
_SLASH_GAP = regex.compile(r"[ \t\u00a0]*/[ \t\u00a0]*")
_PAREN_GAP = regex.compile(r"[ \t\u00a0]*\([ \t\u00a0]*")
_PAREN_CLOSE = regex.compile(r"[ \t\u00a0]*\)")

# Which rules can start at a token, by token group or reading kind; rules are
# tried in _RULES order and the longest reading wins (the first on a tie).
_RULES = (
    "rule_dated",
    "rule_numeric",
    "rule_month_year",
    "rule_year",
    "rule_relative_day",
    "rule_offset",
    "rule_weekday",
    "rule_nth",
    "rule_part",
)
_STARTS: dict[str, tuple[str, ...]] = {
    "num": ("rule_dated", "rule_year"),
    "ndate": ("rule_numeric",),
    "wd": ("rule_dated", "rule_numeric", "rule_weekday"),
    "kw:day": ("rule_dated", "rule_numeric", "rule_weekday"),
    "ord": ("rule_dated",),
    "nth": ("rule_dated", "rule_nth"),
    "gm": ("rule_month_year",),
    "hm": ("rule_month_year",),
    "kw:month": ("rule_month_year",),
    "kw:year": ("rule_year",),
    "kw:the_year": ("rule_year",),
    "rel": ("rule_relative_day",),
    "kw:after": ("rule_offset",),
    "kw:before": ("rule_offset",),
    "kw:this": ("rule_weekday",),
    "kw:week": ("rule_weekday",),
    "part": ("rule_part",),
}

_MOD_DAYS = {"next": 1, "after_next": 2, "previous": -1, "before_last": -2, "this": 0}
_MOD_WEEKDAY = {
    "next": "after",
    "after_next": "after_next",
    "previous": "before",
    "before_last": "before_last",
    "this": "on_or_after",
}


@dataclass(slots=True)
class _Tok:
    group: str
    start: int
    end: int
    text: str
    readings: Mapping[str, Any]


@dataclass(slots=True)
class _Parse:
    """A reading of tokens ``i..j-1`` ending at character ``end``."""

    j: int
    end: int
    cal: Literal["gregorian", "hijri"] = "gregorian"
    precision: Literal["day", "month", "year"] = "day"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    date: datetime.date | None = None
    resolved_year: int | None = None
    resolved_month: int | None = None
    relative: bool = False
    part: str | None = None
    issues: list[Issue] = field(default_factory=list)
    invalid: bool = False


@dataclass(slots=True)
class _Month:
    """A month reference: a name/number (``month``) or a relative month (``offset``)."""

    j: int
    end: int
    cal: Literal["gregorian", "hijri"]
    month: int | None = None
    offset: int | None = None  # months from the reference month


@dataclass(slots=True)
class _Year:
    j: int
    end: int
    year: int | None = None
    offset: int | None = None  # years from the reference year
    era: str | None = None


def _tokens(text: str) -> list[_Tok]:
    """The tokens of ``text`` with their offsets (see :func:`lexicon.Lexicon.token_pattern`)."""
    lex = lexicon()
    readings = lex.readings
    toks = []
    # The pattern consumes one boundary character before each token: scan
    # with a space in front, so that offsets are shifted by one.
    for m in lex.token_pattern.finditer(" " + text):
        group = m.lastgroup or ""
        if group == "sep":  # the inner group of a numeric date
            group = "ndate"
        elif group in ("era", "dera"):  # a number, then its era marker
            inner = "num" if group == "era" else "ndate"
            start, end = m.span(inner)
            toks.append(_Tok(inner, start - 1, end - 1, m.group(inner), _NONE))
        start, end = m.span(group)
        token = m.group(group)
        if group in ("word", "short", "era", "dera"):
            found: Mapping[str, Any] | None = readings.get(fold(token))
            if found is None:  # a proclitic wa-, fa-, bi-, li- glued to the word
                start, token = start + 1, token[1:]
                found = readings.get(fold(token))
            toks.append(_Tok("word", start - 1, end - 1, token, found or _NONE))
            if group == "word" and text[end - 1 : end].isdigit():
                # digits glued to the word: عام2014
                n = number_after(text, end - 1)
                if n is not None:
                    toks.append(_Tok("num", n.start("num"), n.end("num"), n.group("num"), _NONE))
                    if n.group("era"):
                        era = n.group("era")
                        era_readings: Mapping[str, Any] = readings.get(fold(era)) or _NONE
                        toks.append(_Tok("word", n.start("era"), n.end("era"), era, era_readings))
        else:
            toks.append(_Tok(group, start - 1, end - 1, token, _NONE))
    return toks


class _Parser:
    """The grammar over the tokens of a text (see the module docstring).

    ``linked[i]`` says whether token ``i`` touches token ``i - 1`` (only a
    gap of spaces, commas, dashes or a gap word between them).  Rules read
    tokens with :meth:`at` (linked) and :meth:`get` (any); each returns a
    :class:`_Parse` or None, and :meth:`parse_at` keeps the longest.
    """

    def __init__(
        self, text: str, toks: list[_Tok], ref: datetime.date | None, weekdays: WeekdayRule
    ) -> None:
        self.text = text
        self.toks = toks
        self.ref = ref
        self.weekdays = weekdays
        n = len(toks)
        self.gap = lexicon().gap_pattern
        self.linked = [False] * (n + 1)
        for i in range(1, n):
            self.linked[i] = self.gap.fullmatch(text, toks[i - 1].end, toks[i].start) is not None
        self._ref_hijri: tuple[int, int, int] | None = None
        self._start, self._start_link = -1, False

    def relink(self, j: int, end: int) -> None:
        """Token ``j`` follows a piece that ended at ``end`` (after a ``)``): relink it."""
        if j < len(self.toks):
            self.linked[j] = self.gap.fullmatch(self.text, end, self.toks[j].start) is not None

    # -- token tests ---------------------------------------------------------

    def get(self, i: int, kind: str) -> Any:
        """The value of reading ``kind`` of token ``i`` (linked or not), or None.

        Kinds are those of :class:`arnorm.dates.lexicon.Lexicon` (``"gm"``,
        ``"wd"``, ``"kw:day"`` ...).
        """
        if i >= len(self.toks):
            return None
        return self.toks[i].readings.get(kind)

    def at(self, i: int, kind: str) -> Any:
        """Like :meth:`get`, but only if token ``i`` touches token ``i - 1``."""
        if i >= len(self.toks) or not self.linked[i]:
            return None
        return self.toks[i].readings.get(kind)

    def num(self, i: int, *, max_digits: int = 4) -> tuple[int, int] | None:
        """``(value, digits)`` if token ``i`` is a digit run (linked)."""
        if i >= len(self.toks) or not self.linked[i]:
            return None
        tok = self.toks[i]
        if tok.group != "num" or len(tok.text) > max_digits:
            return None
        return to_int(tok.text), len(tok.text)

    def end(self, i: int) -> int:
        return self.toks[i].end

    @property
    def ref_hijri(self) -> tuple[int, int, int] | None:
        if self._ref_hijri is None and self.ref is not None:
            try:
                self._ref_hijri = cal.gregorian_to_hijri(self.ref)
            except cal.HijriRangeError:
                return None
        return self._ref_hijri

    # -- pieces --------------------------------------------------------------

    def day(self, i: int) -> tuple[int, int] | None:
        """A day of the month at ``i``: ``(j, day)``."""
        n = self.num(i, max_digits=2)
        if n is not None:
            if i > 0 and self.linked_before(i) and self.get(i - 1, "time"):
                return None  # الساعة ٣
            return i + 1, n[0]  # 0 and 32-99 are checked (and rejected) with the month
        if i >= len(self.toks) or not self.linked[i]:
            return None
        o = self.get(i, "ord")
        if o is not None:
            return i + 1, o
        if self.get(i, "nth") == 1:  # أول سبتمبر
            return i + 1, 1
        return None

    def month(self, i: int, *, allow_relative: bool = True) -> _Month | None:
        """A month at ``i``, optionally after ``شهر``; with ``allow_relative``, also ``الشهر القادم``."""
        k = i
        said_month = False
        if self.at(k, "kw:month"):
            k += 1
            said_month = True
        if k >= len(self.toks) or not self.linked[k]:
            return None
        tok = self.toks[k]
        for kind in ("gm", "hm"):
            m = self.get(k, kind)
            if m is None:
                continue
            calname: Literal["gregorian", "hijri"] = "gregorian" if kind == "gm" else "hijri"
            end = tok.end
            j = k + 1
            # doubled names: أيار/مايو, أيار (مايو)
            if j < len(self.toks) and self.get(j, "gm") == m and kind == "gm":
                gap = self.text[tok.end : self.toks[j].start]
                if _SLASH_GAP.fullmatch(gap):
                    end, j = self.toks[j].end, j + 1
                elif _PAREN_GAP.fullmatch(gap):
                    close = _PAREN_CLOSE.match(self.text, self.toks[j].end)
                    if close:
                        end, j = close.end(), j + 1
                        self.relink(j, end)
            return _Month(j, end, calname, month=m)
        if said_month:
            n = self.num(k, max_digits=2)
            if n is not None and 1 <= n[0] <= 12:
                return _Month(k + 1, tok.end, "gregorian", month=n[0])
            return None
        if not allow_relative:
            return None
        # relative: الشهر [modifier], هذا الشهر
        if self.get(k, "kw:this") and self.at(k + 1, "kw:the_month"):
            return _Month(k + 2, self.end(k + 1), "gregorian", offset=0)
        if self.get(k, "kw:the_month"):
            mod = self.at(k + 1, "mod")
            if mod is not None:
                return _Month(k + 2, self.end(k + 1), "gregorian", offset=_MOD_DAYS[mod])
        return None

    def year(self, i: int, *, need_word: bool = False) -> _Year | None:
        """A year at ``i``: ``[عام|سنة] digits [era]`` or a relative year (``العام الماضي``)."""
        k = i
        said = self.at(k, "kw:year") or self.at(k, "kw:the_year")
        if said:
            k += 1
        elif need_word:
            return None
        n = self.num(k)
        if n is not None:
            value, digits = n
            era = self.at(k + 1, "era")
            if era is not None:
                return _Year(k + 2, self.end(k + 1), year=value, era=era)
            if digits == 4:
                return _Year(k + 1, self.end(k), year=value)
            return None
        # relative year: العام القادم, السنة الماضية, هذا العام
        if said and self.get(k - 1, "kw:the_year"):
            mod = self.at(k, "mod")
            if mod is not None:
                return _Year(k + 1, self.end(k), offset=_MOD_DAYS[mod])
        if self.at(k, "kw:this") and self.at(k + 1, "kw:the_year"):
            return _Year(k + 2, self.end(k + 1), offset=0)
        return None

    # -- resolution ----------------------------------------------------------

    def ref_year(self, calname: str) -> int | None:
        if self.ref is None:
            return None
        if calname == "gregorian":
            return self.ref.year
        h = self.ref_hijri
        return h[0] if h else None

    def ref_month(self, calname: str) -> tuple[int, int] | None:
        if self.ref is None:
            return None
        if calname == "gregorian":
            return self.ref.year, self.ref.month
        h = self.ref_hijri
        return (h[0], h[1]) if h else None

    def finish_day(self, p: _Parse) -> _Parse:
        """Check and resolve a day-precision reading: its month and day are known.

        The year is the written one, else ``resolved_year`` (from the
        reference); without either the reading is checked against a leap
        year and reported with the issue ``needs_ref``.
        """
        month = p.month if p.month is not None else p.resolved_month
        assert month is not None and p.day is not None
        year = p.year if p.year is not None else p.resolved_year
        if year is None:
            # the longest the month can be: February of a leap year, 30-day Hijri months
            longest = 30 if p.cal == "hijri" else cal.month_length("gregorian", 2000, month)
            if p.day > longest:
                p.invalid = True
            else:
                p.issues.append("needs_ref")
            return p
        if not cal.is_valid(p.cal, year, month, p.day):
            p.invalid = True
            return p
        p.resolved_year, p.resolved_month = year, month
        try:
            p.date = cal.to_gregorian(p.cal, year, month, p.day)
        except cal.HijriRangeError:
            p.issues.append("hijri_out_of_range")
            return p
        if p.weekday is not None and p.date.weekday() != p.weekday:
            p.issues.append("weekday_mismatch")
        return p

    def year_for(self, calname: str, month: int, day: int | None, mod: str | None) -> int | None:
        """The year of a month (and day) written without a year, from the reference."""
        rm = self.ref_month(calname)
        if rm is None:
            return None
        ry, rmonth = rm
        if mod is None or mod == "this":
            return ry
        if calname == "gregorian":
            assert self.ref is not None
            rday = self.ref.day
        else:
            h = self.ref_hijri
            assert h is not None
            rday = h[2]
        here = (month, day or 0)
        now = (rmonth, rday if day is not None else 0)
        if mod in ("next", "after_next"):
            y = ry if here > now else ry + 1
            return y + (1 if mod == "after_next" else 0)
        y = ry if here < now else ry - 1
        return y - (1 if mod == "before_last" else 0)

    def relative_day(self, p: _Parse, date: datetime.date | None) -> _Parse:
        p.relative = True
        if date is None:
            p.issues.append("needs_ref")
        else:
            p.date = date
            p.resolved_year, p.resolved_month = date.year, date.month
        return p

    # -- rules ---------------------------------------------------------------

    def linked_before(self, k: int) -> bool:
        """Whether token ``k`` really touches token ``k - 1`` (ignoring the rule start)."""
        return self._start_link if k == self._start else self.linked[k]

    def parse_at(self, i: int) -> _Parse | None:
        """The longest reading starting at token ``i``, or None."""
        # Inside the rules, token i counts as linked so that every piece can
        # test it with at(); linked_before() gives the true link for context.
        self._start, self._start_link = i, self.linked[i]
        self.linked[i] = True
        try:
            return self._parse_at(i)
        finally:
            self.linked[i] = self._start_link

    def _parse_at(self, i: int) -> _Parse | None:
        tok = self.toks[i]
        if tok.group == "word":
            rules = {r for kind in tok.readings for r in _STARTS.get(kind, ())}
        else:
            rules = set(_STARTS.get(tok.group, ()))
        best: _Parse | None = None
        for name in _RULES:
            if name in rules:
                p = getattr(self, name)(i)
                if p is not None and (best is None or p.end > best.end):
                    best = p
        return best

    def weekday_head(self, i: int) -> tuple[int, int] | None:
        """``[يوم] W [،] [الموافق|في]`` at ``i``: ``(j, weekday)`` with ``j`` after any connector."""
        k = i
        if self.get(k, "kw:day") and self.at(k + 1, "wd") is not None:
            k += 1
        w = self.at(k, "wd")
        if w is None:
            return None
        k += 1
        if self.at(k, "kw:corresponding"):
            k += 1
        return k, w

    def rule_dated(self, i: int) -> _Parse | None:
        """``[W] D [من] [شهر] M [modifier] [Y]`` and ``W ordinal`` (day of the reference month)."""
        k, weekday = self.weekday_head(i) or (i, None)
        d = self.day(k)
        if d is None:
            return None
        k, day = d
        m = self.month(k)
        if m is None:
            if weekday is not None and self.get(k - 1, "ord") is not None:
                # الأحد السابع عشر: that day of the reference month
                p = _Parse(j=k, end=self.end(k - 1), day=day, weekday=weekday, relative=True)
                rm = self.ref_month("gregorian")
                if rm is None:
                    p.issues.append("needs_ref")
                    return p
                p.resolved_year, p.resolved_month = rm
                return self.finish_day(p)
            return None
        p = _Parse(j=m.j, end=m.end, cal=m.cal, day=day, weekday=weekday)
        if not 1 <= day <= 31:
            y = self.year(m.j)
            if y is not None:
                p.j, p.end = y.j, y.end
            p.invalid = True
            return p
        if m.offset is not None:
            rm = self.ref_month("gregorian")
            p.relative = True
            if rm is None:
                p.issues.append("needs_ref")
                return p
            p.resolved_year, p.resolved_month = cal.add_months(rm[0], rm[1], m.offset)
            return self.finish_day(p)
        p.month = m.month
        k = m.j
        mod = self.at(k, "mod")
        if mod is not None:
            p.j, p.end = k + 1, self.end(k)
            p.relative = True
            p.resolved_year = self.year_for(m.cal, m.month, day, mod)  # type: ignore[arg-type]
            return self.finish_day(p)
        y = self.year(k)
        if y is not None:
            if y.era == "bce":
                p.invalid = True
                p.j, p.end = y.j, y.end
                return p
            if y.era is not None and y.era != m.cal:
                # a marker of the other calendar: stop before it
                y = _Year(y.j - 1, self.end(y.j - 2), year=y.year)
            p.j, p.end = y.j, y.end
            if y.offset is not None:
                ry = self.ref_year(m.cal)
                p.relative = True
                p.resolved_year = None if ry is None else ry + y.offset
            else:
                p.year = y.year
                if not self.year_ok(m.cal, y.year, y.era):  # type: ignore[arg-type]
                    p.invalid = True
                    return p
            return self.finish_day(p)
        # no year: the year of the reference date
        p.relative = True
        p.resolved_year = self.ref_year(m.cal)
        return self.finish_day(p)

    @staticmethod
    def year_ok(calname: str, year: int, era: str | None) -> bool:
        if calname == "hijri":
            return 1 <= year <= 1700
        if era is not None:
            return 1 <= year <= cal.GREGORIAN_MAX_YEAR
        return cal.GREGORIAN_MIN_YEAR <= year <= cal.GREGORIAN_MAX_YEAR

    def rule_numeric(self, i: int) -> _Parse | None:
        """``[W] d/m/yyyy``, ``yyyy/m/d``, ``m/yyyy``, contextual ``d/m``; optional era."""
        k, weekday = self.weekday_head(i) or (i, None)
        if weekday is not None and (k >= len(self.toks) or not self.linked[k]):
            return None
        tok = self.toks[k] if k < len(self.toks) else None
        if tok is None or tok.group != "ndate":
            return None
        sep = next(c for c in tok.text if c in "/-.")
        parts = tok.text.split(sep)
        values = [to_int(x) for x in parts]
        p = _Parse(j=k + 1, end=tok.end, weekday=weekday)
        era = self.at(k + 1, "era")
        if era in ("hijri", "gregorian"):
            p.cal = era
            p.j, p.end = k + 2, self.end(k + 1)
        elif era == "bce":
            return None
        if len(parts) == 3:
            if len(parts[0]) == 4 and len(parts[2]) <= 2:
                y, m, d = values
            elif len(parts[2]) == 4 and len(parts[0]) <= 2:
                d, m, y = values
            else:
                return None
            if not self.year_ok(p.cal, y, era):
                return None
            p.year, p.month, p.day = y, m, d
            return self.finish_day(p)
        if sep == ".":
            return None
        a, b = parts
        if len(b) == 4 and len(a) <= 2 and weekday is None:
            if not 1 <= values[0] <= 12 or not self.year_ok(p.cal, values[1], era):
                return None
            p.precision = "month"
            p.month, p.year = values[0], values[1]
            p.resolved_year, p.resolved_month = p.year, p.month
            return p
        if len(a) <= 2 and len(b) <= 2 and sep == "/":
            context = weekday is not None or (
                k > 0
                and self.linked_before(k)
                and (self.get(k - 1, "prefix") or self.get(k - 1, "kw:corresponding"))
            )
            if not context:
                return None
            p.day, p.month = values
            p.relative = True
            p.resolved_year = self.ref_year(p.cal)
            return self.finish_day(p)
        return None

    def rule_month_year(self, i: int) -> _Parse | None:
        """``[شهر] M Y`` (month precision) and ``شهر M [modifier]`` / ``M modifier``."""
        m = self.month(i, allow_relative=False)
        if m is None:
            return None
        said = bool(self.get(i, "kw:month"))
        p = _Parse(j=m.j, end=m.end, cal=m.cal, precision="month", month=m.month)
        y = self.year(m.j)
        if y is not None and y.offset is None and y.era != "bce":
            if y.era is not None and y.era != m.cal:
                y = _Year(y.j - 1, self.end(y.j - 2), year=y.year)
            assert y.year is not None
            if not self.year_ok(m.cal, y.year, y.era):
                return _Parse(j=y.j, end=y.end, invalid=True)
            p.j, p.end, p.year = y.j, y.end, y.year
            p.resolved_year, p.resolved_month = y.year, m.month
            return p
        mod = self.at(m.j, "mod")
        if mod is None and not said:
            return None  # a month name alone is too ambiguous (مارس is also a verb)
        if mod is not None:
            p.j, p.end = m.j + 1, self.end(m.j)
        p.relative = True
        assert m.month is not None
        ry = self.year_for(m.cal, m.month, None, mod)
        if ry is None:
            p.issues.append("needs_ref")
        else:
            p.resolved_year, p.resolved_month = ry, m.month
        return p

    def rule_year(self, i: int) -> _Parse | None:
        """``عام|سنة Y [era]`` and ``Y era`` (year precision)."""
        y = self.year(i, need_word=True)
        if y is None:
            n = self.num(i)
            era = self.at(i + 1, "era")
            if n is None or era is None:
                return None
            if era == "gregorian" and (n[1] < 3 or (n[1] < 4 and self.toks[i + 1].text == "\u0645")):
                return None  # ٢٠٠ م: metres, not the year 200; القرن ١١ الميلادي
            if i > 0 and self.linked_before(i) and self.get(i - 1, "kw:century"):
                return None  # القرن ١٥ هـ: a century
            y = _Year(i + 2, self.end(i + 1), year=n[0], era=era)
        if y.offset is not None or y.year is None:
            return None
        if y.era == "bce":
            return _Parse(j=y.j, end=y.end, invalid=True)
        calname: Literal["gregorian", "hijri"] = "hijri" if y.era == "hijri" else "gregorian"
        if not self.year_ok(calname, y.year, y.era):
            return None
        return _Parse(
            j=y.j, end=y.end, cal=calname, precision="year", year=y.year, resolved_year=y.year
        )

    def rule_relative_day(self, i: int) -> _Parse | None:
        """``أمس``, ``غدا``, ``اليوم`` [modifier] ..."""
        offset = self.get(i, "rel")
        if offset is None:
            return None
        if self.get(i, "dialect") and HARAKAT.intersection(self.toks[i].text):
            return None  # بُكْرَةً: classical "early in the morning", not dialect "tomorrow"
        p = _Parse(j=i + 1, end=self.end(i))
        if offset == 0:
            mod = self.at(i + 1, "mod")
            if mod is not None:
                offset = _MOD_DAYS[mod]
                p.j, p.end = i + 2, self.end(i + 1)
        # the weekday often follows: اليوم (الاثنين), غدا الأربعاء
        k = p.j
        if k < len(self.toks) and self.get(k, "wd") is not None:
            gap = self.text[p.end : self.toks[k].start]
            close = None
            if _PAREN_GAP.fullmatch(gap):
                close = _PAREN_CLOSE.match(self.text, self.toks[k].end)
            if close is not None:
                p.weekday, p.j, p.end = self.get(k, "wd"), k + 1, close.end()
                self.relink(k + 1, close.end())
            elif self.linked[k] and self.at(k + 1, "mod") is None:
                p.weekday, p.j, p.end = self.get(k, "wd"), k + 1, self.end(k)
        date = None if self.ref is None else self.ref + datetime.timedelta(days=offset)
        p = self.relative_day(p, date)
        if date is not None and p.weekday is not None and date.weekday() != p.weekday:
            p.issues.append("weekday_mismatch")
        return p

    def rule_offset(self, i: int) -> _Parse | None:
        """``بعد|قبل`` + number + days/weeks: ``قبل ثلاثة أيام``, ``بعد يومين``, ``بعد أسبوع``."""
        sign = 1 if self.get(i, "kw:after") else -1 if self.get(i, "kw:before") else 0
        if not sign:
            return None
        k = i + 1
        count = None
        n = self.num(k, max_digits=3)
        if n is not None:
            count, k = n[0], k + 1
        elif self.at(k, "card") is not None:
            count, k = self.get(k, "card"), k + 1
        if count is not None:
            # بعد ٣ أيام, قبل 10 يوم, قبل عشرين يوما
            if self.at(k, "kw:days") or self.at(k, "kw:one_day"):
                days = count
            elif self.at(k, "kw:weeks") or self.at(k, "kw:one_week"):
                days = 7 * count
            else:
                return None
        elif self.at(k, "kw:two_days"):
            days = 2
        elif self.at(k, "kw:two_weeks"):
            days = 14
        elif self.at(k, "kw:one_day") or self.at(k, "kw:one_week"):
            # قبل يوم / بعد أسبوع [واحد], but not the construct قبل يوم الجمعة
            # ("before Friday"): a word may not follow, except "one".
            days = 1 if self.get(k, "kw:one_day") else 7
            if self.at(k + 1, "card") == 1:
                k += 1
            elif _WORD_NEXT.match(self.text, self.end(k)):
                return None
        else:
            return None  # بعد أيام: "a few days later" is no date
        p = _Parse(j=k + 1, end=self.end(k))
        date = None if self.ref is None else self.ref + datetime.timedelta(days=sign * days)
        return self.relative_day(p, date)

    def week_ref(self, k: int) -> tuple[int, int] | None:
        """``الأسبوع`` + modifier or ``هذا الأسبوع`` at ``k``: ``(j, week offset)``."""
        if self.at(k, "kw:week"):
            mod = self.at(k + 1, "mod")
            if mod is not None:
                return k + 2, _MOD_DAYS[mod]
            return None
        if self.at(k, "kw:this") and self.at(k + 1, "kw:week"):
            return k + 2, 0
        return None

    def week_day(self, offset: int, weekday: int) -> datetime.date | None:
        """``weekday`` in the week ``offset`` weeks from the reference week (weeks start on Sunday)."""
        if self.ref is None:
            return None
        start = self.ref - datetime.timedelta(days=(self.ref.weekday() + 1) % 7)
        return start + datetime.timedelta(days=7 * offset + (weekday + 1) % 7)

    def rule_weekday(self, i: int) -> _Parse | None:
        """``[هذا|يوم] W [modifier]``, ``W الأسبوع الماضي``, ``الأسبوع القادم [يوم] W``."""
        k = i
        how = None
        wk = self.week_ref(k) if self.get(k, "kw:week") or self.get(k, "kw:this") else None
        if wk is not None:
            # الأسبوع القادم يوم الأحد
            j, offset = wk
            if self.at(j, "kw:day"):
                j += 1
            w = self.at(j, "wd")
            if w is None:
                return None
            p = _Parse(j=j + 1, end=self.end(j), weekday=w)
            return self.relative_day(p, self.week_day(offset, w))
        if self.get(k, "kw:this") and self.at(k + 1, "wd") is not None:
            k += 1
            how = "on_or_after"
        elif self.get(k, "kw:day") and self.at(k + 1, "wd") is not None:
            k += 1
        w = self.at(k, "wd")
        if w is None:
            return None
        p = _Parse(j=k + 1, end=self.end(k), weekday=w)
        wk = self.week_ref(k + 1)
        if wk is not None:
            p.j, p.end = wk[0], self.end(wk[0] - 1)
            return self.relative_day(p, self.week_day(wk[1], w))
        mod = self.at(k + 1, "mod")
        if mod is not None and how is None:
            how = _MOD_WEEKDAY[mod]
            p.j, p.end = k + 2, self.end(k + 1)
        date = None if self.ref is None else cal.weekday_from(self.ref, w, how or self.weekdays)
        return self.relative_day(p, date)

    def rule_nth(self, i: int) -> _Parse | None:
        """``أول|ثاني|...|آخر`` + weekday or ``يوم`` + [من] month [year]."""
        n = self.get(i, "nth")
        if n is None:
            return None
        weekday = self.at(i + 1, "wdb")
        if weekday is None:
            weekday = self.at(i + 1, "wd")
        if weekday is None and not self.at(i + 1, "kw:day"):
            return None
        k = i + 2
        m = self.month(k)
        if m is None:
            return None
        p = _Parse(j=m.j, end=m.end, cal=m.cal, relative=True)
        if m.offset is not None:
            rm = self.ref_month("gregorian")
            if rm is None:
                p.issues.append("needs_ref")
                return p
            year, month = cal.add_months(rm[0], rm[1], m.offset)
        else:
            assert m.month is not None
            month = m.month
            y = self.year(m.j)
            year_opt: int | None
            if y is not None and y.era != "bce":
                p.j, p.end = y.j, y.end
                if y.offset is not None:
                    ry = self.ref_year(m.cal)
                    year_opt = None if ry is None else ry + y.offset
                else:
                    year_opt = y.year
                    p.year = y.year
                    p.relative = False if weekday is None else p.relative
            else:
                year_opt = self.ref_year(m.cal)
            if year_opt is None:
                p.issues.append("needs_ref")
                p.month = month
                return p
            year = year_opt
        p.month = month if m.offset is None else None
        date = cal.nth_weekday(m.cal, year, month, n, weekday)
        if date is None:
            if m.cal == "hijri" and not cal.in_hijri_range(year):
                p.issues.append("hijri_out_of_range")
                return p
            p.invalid = True
            return p
        p.date = date
        p.resolved_year, p.resolved_month = year, month
        return p

    def rule_part(self, i: int) -> _Parse | None:
        """``مطلع|منتصف|أواخر`` + month [+ year]: month precision with ``part``."""
        part = self.get(i, "part")
        if part is None:
            return None
        m = self.month(i + 1)
        if m is None or m.month is None:
            return None
        p = _Parse(j=m.j, end=m.end, cal=m.cal, precision="month", month=m.month, part=part)
        mod = self.at(m.j, "mod")
        if mod is not None:
            # بداية فبراير (شباط) الماضي
            p.j, p.end, p.relative = m.j + 1, self.end(m.j), True
            ry = self.year_for(m.cal, m.month, None, mod)
            if ry is None:
                p.issues.append("needs_ref")
            else:
                p.resolved_year, p.resolved_month = ry, m.month
            return p
        y = self.year(m.j)
        if y is not None and y.offset is None and y.era != "bce":
            assert y.year is not None
            if not self.year_ok(m.cal, y.year, y.era):
                return _Parse(j=y.j, end=y.end, invalid=True)
            p.j, p.end, p.year = y.j, y.end, y.year
            p.resolved_year, p.resolved_month = y.year, m.month
            return p
        p.relative = True
        ry = self.ref_year(m.cal)
        if ry is None:
            p.issues.append("needs_ref")
        else:
            p.resolved_year, p.resolved_month = ry, m.month
        return p

    # -- driver ----------------------------------------------------------------

    def matches(self, offset: int) -> Iterator[DateMatch]:
        i = 0
        toks = self.toks
        while i < len(toks):
            p = self.parse_at(i)
            if p is None:
                i += 1
                continue
            if not p.invalid:
                start = toks[i].start
                yield DateMatch(
                    start=offset + start,
                    end=offset + p.end,
                    text=self.text[start : p.end],
                    calendar=p.cal,
                    precision=p.precision,
                    year=p.year,
                    month=p.month,
                    day=p.day,
                    date=p.date,
                    resolved_year=p.resolved_year,
                    resolved_month=p.resolved_month,
                    weekday=p.weekday,
                    relative=p.relative,
                    part=p.part,  # type: ignore[arg-type]
                    issues=tuple(dict.fromkeys(p.issues)),
                )
            i = max(p.j, i + 1)


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
        weekdays: how a weekday named alone (``الأحد``) is resolved:
            ``"nearest"`` (default; the reference date itself if it is that
            weekday), ``"on_or_after"``, ``"after"`` (strictly), ``"before"``.
            With ``القادم``/``الماضي`` the next/previous one is always taken.

    Returns:
        The matches in text order, without overlaps.

    Raises:
        DateRefError: ``ref`` is not a date or ISO date string.
        ArnormError: ``weekdays`` is not one of the rules.
        TypeError: ``text`` is not a ``str``.

    >>> [m.date.isoformat() for m in find_dates("أخبار سورية ٢٦ مايو ٢٠١٩")]
    ['2019-05-26']
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates takes str, not {type(text).__name__}")
    ref_date = coerce_ref(ref)
    if weekdays not in _WEEKDAY_RULES:
        from ..errors import StageOptionError

        raise StageOptionError("dates", "weekdays", f"invalid value {weekdays!r}", value=weekdays, choices=_WEEKDAY_RULES)
    toks = _tokens(text)
    if not toks:
        return []
    return list(_Parser(text, toks, ref_date, weekdays).matches(0))
