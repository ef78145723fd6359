"""``marks``: one canonical order of the harakat, never two of one class on a letter.

The same vocalized word is typed in several ways that look alike:

* **Order of marks.** Shadda before or after its vowel (``شَدَّ`` typed
  U+0651 U+064E or U+064E U+0651).  The marks of a letter are put in Unicode
  canonical order (by canonical combining class, as NFC and NFD do: tanwin,
  fatha, damma, kasra, shadda, sukun, then the others), without composing or
  decomposing anything, so base letters never change.
* **Tanwin and alef.** The fathatan of an accusative is written on the
  letter before the alef (``شكرًا``, the Tanzil / King Fahd Complex spelling
  and the modern school rule) or on the alef (``شكراً``).  A fathatan on a
  word-final alef (or alef maksura) moves to the letter before it; a fatha
  already there becomes the fathatan (the vowel is one).
* **Stacked marks.** Two marks of one class on one letter (two harakat,
  two tanwin, two shaddas, two sukuns) keep only the last one typed.

The classes are those of ``arnorm/data/diacritics.json`` (tanwin
U+064B-U+064D; harakat U+064E-U+0650; shadda U+0651; sukun U+0652).  Used by
``clean``; a function stage with exact offsets (``with_edits``).
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator

from ..registry import register
from ..stage import FunctionStage, Stage
from ._common import Splice, splice

FATHATAN, FATHA, SHADDA = "\u064b", "\u064e", "\u0651"
#: The combining marks of the Arabic block that this stage orders.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
_RUN = re.compile(f"[{_MARKS}]{{2,}}")
#: A fathatan on a word-final alef or alef maksura, with the marks of the letter before.
_TANWIN_ALEF = re.compile(
    f"(?<=[^\\W\\d_])([{_MARKS}]*)([\\u0627\\u0649])([{_MARKS}]*\\u064b[{_MARKS}]*)(?![{_MARKS}]|[^\\W\\d_])"
)
#: Where a fathatan on an alef can be: the alef (or alef maksura) and its marks; the full
#: pattern above is tried only there (its look-behind at every position is slow).
_CANDIDATE = re.compile(f"[\\u0627\\u0649][{_MARKS}]*\\u064b")
_MARK_SET = frozenset(c for c in map(chr, range(0x0610, 0x06EE)) if re.fullmatch(f"[{_MARKS}]", c))
_CLASSES = {"\u064b": 0, "\u064c": 0, "\u064d": 0, "\u064e": 1, "\u064f": 1, "\u0650": 1, SHADDA: 2, "\u0652": 3}


@functools.lru_cache(maxsize=4096)
def canonical_run(marks: str) -> str:
    """The marks of one letter without same-class repeats (last kept), in canonical order."""
    last: dict[object, str] = {}
    for mark in marks:
        last[_CLASSES.get(mark, mark)] = mark
    kept = [m for i, m in enumerate(marks) if last[_CLASSES.get(m, m)] == m and m not in marks[i + 1:]]
    return "".join(sorted(kept, key=unicodedata.combining))


def _tanwin(match: re.Match[str]) -> str:
    marks, alef, on_alef = match.group(1), match.group(2), match.group(3)
    marks = marks.replace(FATHA, "").replace(FATHATAN, "")
    return canonical_run(marks + FATHATAN) + alef + canonical_run(on_alef.replace(FATHATAN, ""))


def _tanwin_edits(text: str) -> Iterator[Splice]:
    end = 0
    for candidate in _CANDIDATE.finditer(text):
        start = candidate.start()
        while start > end and text[start - 1] in _MARK_SET:  # the marks of the letter before
            start -= 1
        match = _TANWIN_ALEF.match(text, start)
        if match is not None:
            end = match.end()
            yield match.start(), end, _tanwin(match)


def _edits(text: str) -> list[Splice]:
    tanwin: list[Splice] = []
    if FATHATAN in text:
        tanwin = list(_tanwin_edits(text))
    starts = [start for start, _, _ in tanwin]
    edits = list(tanwin)
    for match in _RUN.finditer(text):
        run = match.group()
        new = canonical_run(run)
        if new == run:
            continue
        k = bisect.bisect_right(starts, match.start()) - 1  # the tanwin edit that may cover this run
        if k < 0 or not tanwin[k][0] <= match.start() < tanwin[k][1]:
            edits.append((match.start(), match.end(), new))
    edits.sort(key=lambda edit: edit[0])
    return edits


def canonical_marks(text: str) -> str:
    """Put the marks of every letter in one canonical order (see the module docstring)."""
    return splice(text, _edits(text))[0]


def _with_edits(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    return splice(text, _edits(text))


canonical_marks.with_edits = _with_edits  # type: ignore[attr-defined]


@register("marks", family="diacritics")
def marks() -> Stage:
    """Harakat in canonical order, tanwin before a final alef (شكراً -> شكرًا), no stacked marks."""
    return FunctionStage(name="marks", func=canonical_marks)
