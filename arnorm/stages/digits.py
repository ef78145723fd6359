"""The ``digits`` stage.

* ``to=ascii`` (default): Arabic-Indic digits U+0660-U+0669 and Extended
  Arabic-Indic (Persian/Urdu) digits U+06F0-U+06F9 -> ASCII 0-9; with
  ``separators=true`` (default) also U+066A ٪ -> ``%``, U+066B ٫ -> ``.``,
  U+066C ٬ -> ``,``.
* ``to=arabic``: ASCII digits and U+06F0-U+06F9 -> U+0660-U+0669.
* ``to=persian``: ASCII digits and U+0660-U+0669 -> U+06F0-U+06F9.

The reverse directions change every ASCII digit, including digits in Latin
text, and leave separators alone (``.`` and ``,`` are also sentence
punctuation).
"""

from __future__ import annotations

from typing import Literal

from ..registry import register
from ..stage import CharMap, Stage
from ..tables import load_table, merge
from ._common import inverse


@register("digits", family="digits")
def digits(to: Literal["ascii", "arabic", "persian"] = "ascii", separators: bool = True) -> Stage:
    """Convert digits between Arabic-Indic, Persian and ASCII (default: to ASCII)."""
    arabic = dict(load_table("digits", "arabic_indic").mapping)
    persian = dict(load_table("digits", "persian").mapping)
    if to == "ascii":
        maps = [arabic, persian]
        if separators:
            maps.append(dict(load_table("digits", "separators").mapping))
        return CharMap.from_mapping("digits", merge(*maps))
    target, other = (arabic, persian) if to == "arabic" else (persian, arabic)
    ascii_to = inverse(target)
    other_to = {k: ascii_to[v] for k, v in other.items()}
    return CharMap.from_mapping("digits", merge(ascii_to, other_to))
