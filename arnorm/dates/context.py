"""The words around a date: the tense of its clause, and contexts in which it is no date.

Both read only the text near a match, with patterns built once from the
``tense`` and ``not_dates`` sections of ``arnorm/data/dates.json``:

* :func:`tense` - ``"past"``, ``"future"`` or None for the clause around a
  position (back to the previous sentence end, at most 120 characters, and
  on to the next, at most 60): decides which weekday ``يوم السبت`` is;
* :func:`not_a_date` - True for a place named after a date (``شارع ٢٦
  سبتمبر``), a recurring day (``ليلة 14 رمضان من كل عام``, ``كل يوم جمعة``)
  or a publication named with ``اليوم`` (``عين اليوم``).
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from .lexicon import fold
from .schema import load

__all__ = ["not_a_date", "tense"]

Tense = Literal["past", "future"]

_CLAUSE_END = re.compile(r"[.!?\u061f\u061b\n;:]")
_WORD = re.compile(r"[^\W\d_]+")
_SA_FUTURE = re.compile("^[\u0648\u0641]?\u0633[\u064a\u062a\u0646\u0627]")  # sa- + imperfect prefix


def _words(section: str, key: str) -> frozenset[str]:
    doc = load()
    group = doc.tense if section == "tense" else doc.not_dates
    return frozenset(fold(w) for w in group.words[key]) if group is not None else frozenset()


@functools.cache
def _lists() -> dict[str, frozenset[str]]:
    return {
        "future": _words("tense", "future"),
        "past": _words("tense", "past"),
        "not_future": _words("tense", "not_future"),
        "place": _words("not_dates", "place_before"),
        "recurring": _words("not_dates", "recurring"),
        "name": _words("not_dates", "name_before_today"),
    }


@functools.lru_cache(maxsize=8192)
def _fold(word: str) -> str:
    return fold(word)


@functools.lru_cache(maxsize=8192)
def _bare(word: str) -> frozenset[str]:
    """The folded word, and without a glued wa-/fa-/bi-/li- or the article (cached: news repeats words)."""
    w = _fold(word)
    forms = {w}
    if len(w) > 3 and w[0] in "\u0648\u0641\u0628\u0644":
        forms.add(w[1:])
    if w.startswith("\u0627\u0644") and len(w) > 4:
        forms.add(w[2:])
    return frozenset(forms)


def tense(text: str, start: int, end: int) -> Tense | None:
    """The tense of the clause around ``text[start:end]`` (see the module docstring)."""
    lists = _lists()
    lo = max(0, start - 120)
    before = text[lo:start]
    cut = [m.end() for m in _CLAUSE_END.finditer(before)]
    lo += cut[-1] if cut else 0
    after = text[end : end + 60]
    stop = _CLAUSE_END.search(after)
    clause = text[lo:start] + " " + (after[: stop.start()] if stop else after)
    future = past = False
    for word in _WORD.findall(clause):
        forms = _bare(word)
        if forms & lists["future"]:
            future = True
        elif forms & lists["past"]:
            past = True
        elif len(word) >= 5 and _SA_FUTURE.match(word) and not forms & lists["not_future"]:
            future = True
    if future != past:
        return "future" if future else "past"
    if not future and _imperfect_before(text, start):
        return "future"  # ويلعب الأحد: a present-tense verb right before the day
    return None


_YA_NOUNS = frozenset(fold(w) for w in ("يوم", "يناير", "يونيو", "يوليو", "يونيه", "يوليه", "يد", "يمين", "يسار"))


def _imperfect_before(text: str, start: int) -> bool:
    """Whether the word just before ``start`` looks like a yaf'al verb (``يلعب``, ``ويلتقي``)."""
    words = _WORD.findall(text[max(0, start - 20) : start])
    if not words:
        return False
    word = _fold(words[-1])
    if len(word) > 4 and word[0] in "\u0648\u0641":
        word = word[1:]
    return len(word) >= 4 and word[0] == "\u064a" and word not in _YA_NOUNS


def _last_word(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 30) : start])
    return _fold(words[-1]) if words else ""


def not_a_date(text: str, start: int, end: int, *, has_year: bool, today_word: bool) -> bool:
    """Whether the date-like ``text[start:end]`` is no date here (see the module docstring)."""
    lists = _lists()
    before = _last_word(text, start)
    forms = _bare(before) if before else frozenset()
    if forms & lists["place"] or forms & lists["recurring"]:
        return True
    if today_word and forms & lists["name"]:
        return True
    if not has_year:
        following = _WORD.findall(text[end : end + 20])[:2]
        if any(_fold(w) in lists["recurring"] for w in following):
            return True
    return False
