"""Folding romanized text to plain ASCII."""

from __future__ import annotations

import functools
from typing import Literal

from unidecode import unidecode

from ...errors import StageOptionError

__all__ = ["MARKS_CHOICES", "Marks", "fold_ascii"]

Marks = Literal["apostrophe", "drop"]
MARKS_CHOICES: tuple[Marks, ...] = ("apostrophe", "drop")

#: ʿayn and hamza signs of every scheme (incl. HSB's ʿayn ς), folded per ``marks``.
_MARK_SIGNS = "\u02bb\u02bc\u02be\u02bf\u2018\u2019\u02c8\u02cc\u03c2"
#: Separators that only disambiguate digraphs (ALA-LC prime, BGN/PCGN middle dot).
_SEPARATORS = "\u02b9\u00b7"


@functools.cache
def _fold_table(marks: Marks) -> dict[int, str]:
    sign = "'" if marks == "apostrophe" else ""
    table = {ord(c): sign for c in _MARK_SIGNS}
    table.update({ord(c): "" for c in _SEPARATORS})
    return table


def fold_ascii(text: str, marks: Marks = "apostrophe") -> str:
    """Fold transliterated text to plain ASCII.

    ʿayn and hamza signs (``ʿ ʾ ʻ ʼ ‘ ’ ˈ ˌ``, HSB ``ς``) become ``'`` (or
    nothing with ``marks="drop"``); the ALA-LC prime and BGN/PCGN middle dot
    are dropped; everything else goes through ``unidecode`` (``ā`` -> ``a``,
    ``š`` -> ``s``, ``ḏ`` -> ``d``).

    >>> fold_ascii("ʻAbd al-Raḥmān")
    "'Abd al-Rahman"
    >>> fold_ascii("ʻAbd al-Raḥmān", marks="drop")
    'Abd al-Rahman'

    Raises:
        StageOptionError: ``marks`` is not ``"apostrophe"`` or ``"drop"`` (lists both).
    """
    if marks not in MARKS_CHOICES:
        raise StageOptionError("translit", "marks", f"not a valid value: {marks!r}", value=marks,
                               choices=MARKS_CHOICES)
    if text.isascii():
        return text
    return unidecode(text.translate(_fold_table(marks)))
