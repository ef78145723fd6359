"""The ``punctuation`` stage.

* ``to=latin`` (default): U+060C ، -> ``,``; U+060D ؍ -> ``/``; U+061B ؛ ->
  ``;``; U+061F ؟ -> ``?``; U+066D ٭ -> ``*``; U+06D4 ۔ -> ``.``.
* ``to=arabic``: ``,`` ``;`` ``?`` -> ، ؛ ؟, only where the mark follows an
  Arabic letter (optionally with diacritics), so that URLs, numbers and Latin
  text keep their ASCII punctuation.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Literal

from ..registry import register
from ..stage import FunctionStage, Stage
from ..tables import load_table
from ._common import table_map

if TYPE_CHECKING:
    import regex

_ARABIC_LETTER = "\u0620-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee-\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9"


@functools.cache
def _after_arabic() -> regex.Pattern[str]:
    """The pattern of ``to=arabic`` (compiled on first use: ``regex`` costs start-up time)."""
    import regex

    return regex.compile(f"(?<=[{_ARABIC_LETTER}][\\u064b-\\u065f\\u0670]*)[,;?]")


def to_arabic_punctuation(text: str) -> str:
    """Replace ``,`` ``;`` ``?`` that follow an Arabic letter with the Arabic marks."""
    if "," not in text and ";" not in text and "?" not in text:
        return text
    table = load_table("punctuation", "to_arabic").mapping
    return _after_arabic().sub(lambda m: table[m.group()], text)


@register("punctuation", family="punctuation")
def punctuation(to: Literal["latin", "arabic"] = "latin") -> Stage:
    """Map Arabic punctuation (، ؛ ؟) to Latin (, ; ?), or the reverse after Arabic letters."""
    if to == "latin":
        return table_map("punctuation", ["to_latin"], "punctuation")
    return FunctionStage(name="punctuation", func=to_arabic_punctuation, context="word")
