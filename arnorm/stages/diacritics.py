"""Diacritic stages: ``diacritics`` and ``case_endings``.

``diacritics`` deletes combining marks by class.  The classes and the exact
code points of each are the tables of ``arnorm/data/diacritics.json``:

=============  ===============================================================
class          code points
=============  ===============================================================
tanwin         U+064B-U+064D
harakat        U+064E-U+0650
shadda         U+0651
sukun          U+0652
hamza_marks    U+0653-U+0655 (combining maddah, hamza above, hamza below)
extended       U+0656-U+065F, U+0898-U+089F, U+08CA-U+08E1, U+08E3-U+08FF
dagger_alef    U+0670
quranic        U+0610-U+061A, U+06D6-U+06DC, U+06DF-U+06E8, U+06EA-U+06ED
=============  ===============================================================

Equivalents in other libraries:

* CAMeL Tools ``dediac_ar``: ``diacritics(drop=tanwin+harakat+shadda+sukun+dagger_alef)``
* PyArabic ``strip_tashkeel``: ``diacritics(drop=tanwin+harakat+shadda+sukun)``
* PyArabic ``strip_harakat``: ``diacritics(drop=tanwin+harakat+sukun)``
* PyArabic ``strip_diacritics``: ``diacritics`` (all classes)
* PyArabic ``strip_lastharaka``: ``case_endings`` (per word, not only at the end of the string)

Hamza and madda written as combining marks are part of a letter: run
``compose`` first so that ``ا`` + U+0654 becomes ``أ`` instead of losing its
hamza (NFD followed by stripping every Mn would turn ``أحمد`` into ``احمد``).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Literal

from ..registry import register
from ..stage import FunctionStage, Stage
from ..tables import table_names
from ._common import table_map

if TYPE_CHECKING:
    import regex

DiacriticClass = Literal[
    "tanwin", "harakat", "shadda", "sukun", "hamza_marks", "extended", "dagger_alef", "quranic"
]


@register("diacritics", family="diacritics")
def diacritics(keep: tuple[DiacriticClass, ...] = (), drop: tuple[DiacriticClass, ...] = ()) -> Stage:
    """Delete diacritics (tashkeel, dagger alef, Quranic marks); keep= or drop= classes."""
    classes = drop or table_names("diacritics")
    return table_map("diacritics", [c for c in table_names("diacritics") if c in classes and c not in keep], "diacritics")


# The final cluster of short vowels, tanwin, sukun and shadda of a word.
@functools.cache
def _final_marks() -> regex.Pattern[str]:
    """Compiled on first use: ``regex`` costs start-up time."""
    import regex

    return regex.compile(r"(?<=\p{L})[\u064B-\u0652]+(?![\p{L}\p{Mn}])")


def _strip_case_ending(match: regex.Match[str]) -> str:
    return "\u0651" * match.group().count("\u0651")


def strip_case_endings(text: str) -> str:
    """Delete the short vowel, tanwin or sukun that ends each word, keeping shadda."""
    return _final_marks().sub(_strip_case_ending, text)


@register("case_endings", family="diacritics")
def case_endings() -> Stage:
    """Delete word-final short vowels, tanwin and sukun (i'rab); keep shadda and inner marks."""
    return FunctionStage(name="case_endings", func=strip_case_endings, context="word")
