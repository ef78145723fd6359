"""Normalization of names before lookup and modelling.

Names arrive unvocalized, or with stray harakat, tatweel, invisible marks,
Persian letter forms or punctuation.  The name model works on a canonical copy:

* :func:`arabic_key` - the Arabic side: NFC, invisible marks, harakat and
  tatweel removed with arnorm's own stages, Persian ک/ی folded to ك/ي, alef
  wasla to bare alef, and every character that is not an Arabic letter (or one
  of the Persian letters پ چ ژ گ ڤ, which stand for sounds Arabic lacks)
  turned into a word break.  Hamza forms (أ إ آ ؤ ئ ء) are kept: they carry
  information about the vowels.
* :func:`latin_key` - the Latin side, for training and scoring only: ASCII
  folded with unidecode, lower case, letters a-z only.

Both functions are pure and idempotent.
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from ...pipeline import Pipeline

__all__ = ["ARABIC_LETTERS", "arabic_key", "arabic_words", "latin_key", "name_pieces"]

#: The letters a normalized name may contain (besides single spaces).
ARABIC_LETTERS = frozenset(
    "\u0621\u0622\u0623\u0624\u0625\u0626\u0627\u0628\u0629\u062a\u062b\u062c\u062d\u062e\u062f"
    "\u0630\u0631\u0632\u0633\u0634\u0635\u0636\u0637\u0638\u0639\u063a\u0641\u0642\u0643\u0644"
    "\u0645\u0646\u0647\u0648\u0649\u064a"
    "\u067e\u0686\u0698\u06af\u06a4"  # پ چ ژ گ ڤ
)

_NOT_LETTER = regex.compile(
    "[^" + "".join(sorted(ARABIC_LETTERS)) + "]+"
)
_NON_AZ = regex.compile("[^a-z]+")
_LETTERS_OR_DIGITS = regex.compile("([" + "".join(sorted(ARABIC_LETTERS)) + r"]+)|(\d+)")
_EXTRA_FOLD = str.maketrans({"\u0671": "\u0627"})  # alef wasla -> alef


@functools.cache
def _pipeline() -> Pipeline:
    return Pipeline(["nfc", "invisible(zwnj=remove,zwj=remove)", "diacritics", "tatweel", "farsi"])


def arabic_words(name: str) -> list[str]:
    """The normalized Arabic words of ``name``, in order (see module docstring).

    >>> arabic_words("مُحَمَّد  الجولانـي")
    ['محمد', 'الجولاني']
    """
    text = _pipeline()(name).translate(_EXTRA_FOLD)
    return [w for w in _NOT_LETTER.split(text) if w]


def name_pieces(token: str) -> list[tuple[str, bool]]:
    """The pieces of one white-space-free token: (normalized Arabic word, True) or (digits, False).

    Digits of any script are kept as ASCII digits (a name such as ``محمد ٢``
    keeps its number); every other character that is not an Arabic letter
    separates words, as in :func:`arabic_words`.

    >>> name_pieces("الملك٢")
    [('الملك', True), ('2', False)]
    """
    text = _pipeline()(token).translate(_EXTRA_FOLD)
    pieces: list[tuple[str, bool]] = []
    for m in _LETTERS_OR_DIGITS.finditer(text):
        if m.group(1):
            pieces.append((m.group(1), True))
        else:
            pieces.append(("".join(str(unicodedata.digit(c)) for c in m.group(2)), False))
    return pieces


def arabic_key(name: str) -> str:
    """``name`` normalized for lookup: its words joined by single spaces.

    >>> arabic_key("عبدُ اللهِ")
    'عبد الله'
    """
    return " ".join(arabic_words(name))


def latin_key(latin: str) -> str:
    """A Latin spelling folded for comparison: ASCII, lower case, a-z only.

    >>> latin_key("Günthardt")
    'gunthardt'
    >>> latin_key("al-Saleh")
    'alsaleh'
    """
    from unidecode import unidecode

    folded = unidecode(unicodedata.normalize("NFC", latin)).lower()
    return _NON_AZ.sub("", folded)
