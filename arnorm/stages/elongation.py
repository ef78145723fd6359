"""The ``elongation`` stage: letters repeated for emphasis (جمييييل، واااو، هههههه).

A run of three or more of one Arabic letter (U+0621-U+064A) inside a word
(harakat between the repeats are allowed and dropped with them) is shortened:

* a word that is one letter repeated (laughter, ``هههههه``) keeps three;
* a run of exactly three lams or tehs is kept: standard spelling writes them
  where a proclitic meets the article or a prefix (``للليبيين`` = لِ + الليبيين,
  ``تتتابع`` = تَ + تتابع);
* otherwise the run becomes two letters when the word so spelled is in the
  list ``doubled_letters`` of ``arnorm/data/elongation.json`` (words with a
  doubled letter, from the Tashkeela corpus: ``الللليل`` -> ``الليل``), and one
  letter when it is not (``جمييييل`` -> ``جميل``, ``واااو`` -> ``واو``).

A function stage with exact offsets (``with_edits``); idempotent.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..datafile import Described, load_records
from ..registry import register
from ..stage import FunctionStage, Stage
from ._common import Splice, splice

_RUN = re.compile(r"([\u0621-\u064a])(?:[\u064b-\u0652]*\1){2,}")
_WORD_CHARS = re.compile(r"[\u0621-\u064a\u064b-\u0652]*")
_MARKS = re.compile("[\u064b-\u0652]")


@dataclass(frozen=True)
class WordList(Described):
    """A word list of ``arnorm/data/elongation.json``."""

    words: tuple[str, ...]


@functools.cache
def doubled_letters() -> frozenset[str]:
    """Words written with a doubled letter (the list ``doubled_letters``)."""
    lists = load_records("elongation.json", WordList, key="lists")
    return frozenset(next(r.words for r in lists if r.name == "doubled_letters"))


def _word_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the word (letters and harakat) around ``text[start:end]``."""
    left = start
    while left > 0 and _WORD_CHARS.fullmatch(text[left - 1]) and text[left - 1]:
        left -= 1
    match = _WORD_CHARS.match(text, end)
    return left, match.end() if match else end


def _shortened(text: str, match: re.Match[str]) -> str:
    letter, run = match.group(1), match.group()
    count = run.count(letter)
    left, right = _word_at(text, match.start(), match.end())
    before, after = text[left:match.start()], text[match.end():right]
    if not _MARKS.sub("", before + after):
        return letter * 3
    if count == 3 and letter in "\u0644\u062a":
        return run
    doubled = _MARKS.sub("", before) + letter * 2 + _MARKS.sub("", after)
    return letter * 2 if doubled in doubled_letters() else letter


def _edits(text: str) -> list[Splice]:
    edits = []
    for match in _RUN.finditer(text):
        new = _shortened(text, match)
        if new != match.group():
            edits.append((match.start(), match.end(), new))
    return edits


def shorten_elongation(text: str) -> str:
    """Shorten letters repeated for emphasis (see the module docstring)."""
    return splice(text, _edits(text))[0]


def _with_edits(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    return splice(text, _edits(text))


shorten_elongation.with_edits = _with_edits  # type: ignore[attr-defined]


@register("elongation", family="letters")
def elongation() -> Stage:
    """Shorten letters repeated for emphasis (جمييييل -> جميل, هههههه -> ههه), keeping real repeats."""
    return FunctionStage(name="elongation", func=shorten_elongation)
