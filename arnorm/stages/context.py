"""Stages that decide by the characters around: ``lone_marks``, the word breaks of
``invisible`` and ``tatweel(where=inside)``.

* **Invisible word breaks** (:func:`break_invisible`, run by ``invisible``
  before it deletes): a run of bidi controls (U+061C ALM, U+200E LRM, U+200F
  RLM, U+202A-U+202E, U+2066-U+2069) or U+200B ZWSP that is the only thing
  between two letters separates two words (``المعايدة\\u200fتواصلت``), so it
  becomes one space instead of merging them.  Soft hyphen, word joiner and
  ZWNJ/ZWJ sit inside words and are left to ``invisible``'s policy.
* **Lone marks** (``lone_marks``, in ``search``): a token made only of
  tatweel, Quranic pause marks (U+06D6-U+06DB) or the word-break controls, standing
  between spaces or line ends (the dash of ``الإحصائية ــ اطلعت``, the pause
  sign of ``رَيْبَ ۛ فِيهِ``), is deleted together with one space beside it, so
  that the stages that delete its characters leave one clean space.
* **Tatweel inside words** (``tatweel(where=inside)``, in ``clean``): tatweel
  between a letter (or its marks) and a following letter is elongation and is
  deleted; a standalone tatweel (a dash), a tatweel ending a word (the
  abbreviation ``هـ`` of the Hijri era, ``1440 هـ``) and a tatweel carrying
  marks (Uthmani ``يَسْـَٔلُونَ``: deleting it would stack its marks on the
  letter before) are kept.

Each is a function stage with a ``with_edits`` hook, so offsets through it
are exact; each is idempotent and keeps line breaks.
"""

from __future__ import annotations

import unicodedata

from ..registry import register
from ..stage import FunctionStage, Stage
from ._common import Splice, runs_of, splice

#: Every line boundary str.splitlines() knows.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
#: Controls that separate words when nothing else does.
BREAKING = "\u061c\u200b\u200e\u200f"
#: Characters a lone token of which ``lone_marks`` removes.
#: (Each costs one scan of the text when absent: the list is kept short.)
LONE = "\u0640\u06d6\u06d7\u06d8\u06d9\u06da\u06db" + BREAKING
TATWEEL = "\u0640"


def _is_letter(char: str) -> bool:
    return char != TATWEEL and char.isalpha()


def _in_word(char: str) -> bool:
    """A letter or a combining mark (which only follows a letter)."""
    return _is_letter(char) or unicodedata.combining(char) > 0


def _break_edits(text: str) -> list[Splice]:
    n = len(text)
    return [
        (start, end, " ")
        for start, end in runs_of(text, [c for c in BREAKING if c in text])
        if start > 0 and end < n and _in_word(text[start - 1]) and _is_letter(text[end])
    ]


def break_invisible(text: str) -> str:
    """Turn bidi controls / ZWSP that are the only separator between two letters into a space."""
    return splice(text, _break_edits(text))[0]


def _break_with_edits(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    return splice(text, _break_edits(text))


break_invisible.with_edits = _break_with_edits  # type: ignore[attr-defined]


def _lone_edits(text: str) -> list[Splice]:
    n, edits, last = len(text), [], 0
    bound = " " + LINE_BREAKS
    for start, end in runs_of(text, [c for c in LONE if c in text]):
        if (start and text[start - 1] not in bound) or (end < n and text[end] not in bound):
            continue
        if end < n and text[end] == " ":
            end += 1
        elif start > last and text[start - 1] == " ":
            start -= 1
        edits.append((start, end, ""))
        last = end
    return edits


def drop_lone_marks(text: str) -> str:
    """Delete tokens made only of tatweel, pause marks or invisible controls, with one space."""
    return splice(text, _lone_edits(text))[0]


def _lone_with_edits(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    return splice(text, _lone_edits(text))


drop_lone_marks.with_edits = _lone_with_edits  # type: ignore[attr-defined]


def _tatweel_edits(text: str) -> list[Splice]:
    if TATWEEL not in text:
        return []
    n = len(text)
    return [
        (start, end, "")
        for start, end in runs_of(text, TATWEEL)
        if start > 0 and end < n and _in_word(text[start - 1]) and _is_letter(text[end])
    ]


def delete_inner_tatweel(text: str) -> str:
    """Delete tatweel between a letter and a following letter (elongation); keep the rest."""
    return splice(text, _tatweel_edits(text))[0]


def _tatweel_with_edits(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    return splice(text, _tatweel_edits(text))


delete_inner_tatweel.with_edits = _tatweel_with_edits  # type: ignore[attr-defined]


@register("lone_marks", family="invisible")
def lone_marks() -> Stage:
    """Delete standalone tatweel / pause-mark / invisible-control tokens with one adjacent space."""
    return FunctionStage(name="lone_marks", func=drop_lone_marks)
