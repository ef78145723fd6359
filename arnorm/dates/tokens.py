"""Tokens of the date grammar and the stream the grammar reads them from.

One compiled pattern (:attr:`arnorm.dates.lexicon.Lexicon.token_pattern`) cuts
a text into tokens - digit runs, numeric dates such as ``٢٦/٥/٢٠١٩``, clock
times, and lexicon words, tolerant of diacritics, tatweel and alef/ya/ta
marbuta variants - with offsets into the original text.  :class:`Stream`
holds them with, for each token, whether it *touches* the one before (only
spaces, commas, dashes or a gap word such as ``من``/``في`` between them,
never a line break), and answers the questions the grammar asks: what a
token reads as, whether it is a number, where it ends.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .lexicon import fold, lexicon, number_after, to_int
from .scan import windows

__all__ = ["NONE", "Stream", "Tok", "scan", "tokenize"]

NONE: Mapping[str, Any] = MappingProxyType({})

# Spaced separators of a numeric date: ``10 /10 / 1436``; the grammar rebuilds
# such dates from three number tokens (see :meth:`Stream.spaced_date`).
_SPACED_SEP = re.compile(r"[ \t\u00a0]*([/\-])[ \t\u00a0]*")
# Entries past the end of Stream.linked and Stream.readings (see Stream.__init__).
_PAD = 8


@dataclass(slots=True)
class Tok:
    """One token: its group (``num``, ``ndate``, ``time``, ``word``), offsets and readings."""

    group: str
    start: int
    end: int
    text: str
    readings: Mapping[str, Any]


@functools.lru_cache(maxsize=4096)
def _readings(token: str) -> tuple[int, Mapping[str, Any]]:
    """``(proclitic length, readings)`` of a word as written (cached: news repeats words)."""
    readings = lexicon().readings
    found = readings.get(fold(token))
    if found is not None:
        return 0, found
    # a proclitic wa-, fa-, bi-, li- glued to the word
    return 1, readings.get(fold(token[1:])) or NONE


def _word(toks: list[Tok], text: str, token: str, start: int, end: int, group: str) -> None:
    """Append a lexicon word (stripping a glued proclitic) and any digits glued after it."""
    skip, found = _readings(token)
    start, token = start + skip, token[skip:]
    toks.append(Tok("word", start, end, token, found))
    readings = lexicon().readings
    if group == "word" and text[end : end + 1].isdigit():
        # digits glued to the word: عام2014
        n = number_after(text, end)
        if n is not None:
            toks.append(Tok("num", n.start("num"), n.end("num"), n.group("num"), NONE))
            if n.group("era"):
                era = n.group("era")
                toks.append(Tok("word", n.start("era"), n.end("era"), era, readings.get(fold(era)) or NONE))


def tokenize(text: str, alone: frozenset[str] | None = None) -> list[Tok]:
    """The tokens of ``text`` with their offsets into ``text``.

    A long text is scanned only in the windows :func:`arnorm.dates.scan.windows`
    finds (the same tokens, several times faster on news); with ``alone``,
    only in those that may hold a date.
    """
    toks: list[Tok] = []
    spans = windows(text, alone)
    for lo, hi in spans if spans is not None else [(0, len(text))]:
        scan(toks, text, lo, hi)
    return toks


def scan(toks: list[Tok], text: str, lo: int, hi: int) -> None:
    """Append the tokens of ``text[lo:hi]``; ``lo`` is 0 or a boundary character before a token."""
    # The pattern consumes one boundary character before each token: from the
    # start of the text, scan with a space in front (offsets shifted by one).
    pattern = lexicon().token_pattern
    shift = 1 if lo == 0 else 0
    found = pattern.finditer(" " + text[:hi]) if lo == 0 else pattern.finditer(text, lo, hi)
    for m in found:
        group = m.lastgroup or ""
        if group == "sep":  # the inner group of a numeric date
            group = "ndate"
        elif group in ("era", "dera"):  # a number, then its era marker
            inner = "num" if group == "era" else "ndate"
            start, end = m.span(inner)
            toks.append(Tok(inner, start - shift, end - shift, m.group(inner), NONE))
        start, end = m.span(group)
        token = m.group(group)
        if group in ("word", "short", "era", "dera"):
            _word(toks, text, token, start - shift, end - shift, group)
        else:
            toks.append(Tok(group, start - shift, end - shift, token, NONE))


class Stream:
    """The tokens of one text, as the grammar reads them.

    ``linked[i]`` says whether token ``i`` touches token ``i - 1``.  While a
    rule runs from token ``start``, that token counts as linked so that
    every piece can test it with :meth:`at`; :meth:`linked_before` gives
    its true link, for context tests.
    """

    def __init__(self, text: str, toks: list[Tok]) -> None:
        self.text = text
        self.toks = toks
        self.gap = lexicon().gap_pattern
        self.n = n = len(toks)
        fullmatch = self.gap.fullmatch
        # Both lists have _PAD entries past the end (not linked, no reading), which
        # index -1 also reaches: the readers below need no bounds test.
        self.linked = [False] + [fullmatch(text, toks[i - 1].end, toks[i].start) is not None for i in range(1, n)]
        self.linked += [False] * _PAD
        self.readings = [t.readings for t in toks] + [NONE] * _PAD
        self.start, self.start_link = -1, False

    def __len__(self) -> int:
        return self.n

    def begin(self, i: int) -> tuple[int, bool]:
        """Start a rule at token ``i`` (see the class docstring); undo with :meth:`done`.

        Returns what :meth:`done` needs to restore, so that rules may nest.
        """
        saved = (self.start, self.start_link)
        self.start, self.start_link = i, self.linked[i]
        self.linked[i] = True
        return saved

    def done(self, saved: tuple[int, bool]) -> None:
        """Restore the link of the token :meth:`begin` marked, and the rule start before it."""
        self.linked[self.start] = self.start_link
        self.start, self.start_link = saved

    def relink(self, j: int, end: int) -> None:
        """Token ``j`` follows a piece that ended at ``end`` (after a ``)``): relink it."""
        if j < len(self.toks):
            self.linked[j] = self.gap.fullmatch(self.text, end, self.toks[j].start) is not None

    def linked_before(self, k: int) -> bool:
        """Whether token ``k`` really touches token ``k - 1`` (ignoring the rule start)."""
        return self.start_link if k == self.start else self.linked[k]

    def get(self, i: int, kind: str) -> Any:
        """The value of reading ``kind`` of token ``i`` (linked or not), or None.

        Kinds are those of :class:`arnorm.dates.lexicon.Lexicon` (``"gm"``,
        ``"wd"``, ``"kw:day"`` ...).
        """
        if i < -_PAD:
            return None
        try:
            return self.readings[i].get(kind)
        except IndexError:
            return None

    def at(self, i: int, kind: str) -> Any:
        """Like :meth:`get`, but only if token ``i`` touches token ``i - 1``."""
        try:
            return self.readings[i].get(kind) if self.linked[i] else None
        except IndexError:
            return None

    def tight(self, i: int) -> bool:
        """Whether only spaces separate token ``i`` from the token before (no gap word, no comma)."""
        # a closing bracket may stand between: فبراير (شباط) الماضي
        return 0 < i < len(self.toks) and self.linked[i] and not self.gap_text(i).strip(" \t\u00a0\u200f\u200e)")

    def mod_at(self, i: int) -> Any:
        """The modifier at token ``i`` (``الماضي``, ``القادم``) if only spaces separate it from the word before."""
        if i >= len(self.toks) or i == 0 or not self.linked[i]:
            return None
        found = self.toks[i].readings.get("mod")
        return found if found is not None and self.tight(i) else None

    def group(self, i: int) -> str | None:
        """The group of token ``i``, or None past the end."""
        return self.toks[i].group if 0 <= i < len(self.toks) else None

    def num(self, i: int, *, max_digits: int = 4) -> tuple[int, int] | None:
        """``(value, digits)`` if token ``i`` is a digit run (linked)."""
        if i >= self.n or not self.linked[i]:
            return None
        tok = self.toks[i]
        if tok.group != "num" or len(tok.text) > max_digits:
            return None
        return to_int(tok.text), len(tok.text)

    def end(self, i: int) -> int:
        """The end offset of token ``i``."""
        return self.toks[i].end

    def gap_text(self, i: int) -> str:
        """The text between token ``i - 1`` and token ``i``."""
        return self.text[self.toks[i - 1].end : self.toks[i].start]

    def spaced_date(self, i: int) -> tuple[list[str], str, int] | None:
        """Numbers joined by one separator with spaces around it: ``10 /10 / 1436``.

        Reads digit runs and numeric-date tokens from token ``i`` whose gaps
        are one ``/``, ``-`` or ``.`` between optional spaces, the same
        separator throughout.  Returns ``(parts, separator, j)`` for two or
        three numbers with at least one spaced gap, or None.
        """
        parts: list[str] = []
        sep = ""
        k = i
        while k < len(self.toks) and len(parts) < 3:
            tok = self.toks[k]
            if tok.group not in ("num", "ndate"):
                break
            if k > i:
                m = _SPACED_SEP.fullmatch(self.gap_text(k))
                if m is None or (sep and m.group(1) != sep):
                    break
                sep = m.group(1)
            inner = next((c for c in tok.text if c in "/-."), "")
            if inner and (sep and inner != sep):
                break
            sep = sep or inner
            pieces = tok.text.split(inner) if inner else [tok.text]
            if len(parts) + len(pieces) > 3:
                break
            parts += pieces
            k += 1
        if len(parts) < 2 or k == i + 1:
            return None
        return parts, sep, k
