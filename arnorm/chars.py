"""Shared Unicode facts: line breaks and the Arabic letter and mark classes.

One home for the character classes that several modules need, written out as
literals (not computed from :mod:`unicodedata` at import, whose answers change
with the Python version).  ``tests/test_chars.py`` checks each against the
Unicode Character Database of the running Python, over every code point.

Sources: Python's ``str.splitlines`` documentation (line boundaries); the
Unicode Standard, chapter 9.2 (Arabic) and the code charts of the Arabic
block U+0600-U+06FF.
"""

from __future__ import annotations

__all__ = [
    "ARABIC_LETTERS",
    "ARABIC_MARKS",
    "DAGGER_ALEF",
    "HARAKAT",
    "LINE_BREAKS",
    "SHADDA",
    "SHORT_VOWELS",
    "SUKUN",
    "TANWIN",
    "TATWEEL",
    "char_class",
]

#: Every character ``str.splitlines`` breaks a line at (LF, CR, VT, FF, FS, GS,
#: RS, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR), LF first.  CR LF is one
#: break of two characters.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

#: U+0640 ARABIC TATWEEL (kashida): category Lm, a letter, not a mark.
TATWEEL = "\u0640"

#: Fathatan, dammatan, kasratan (U+064B-U+064D).
TANWIN = "\u064b\u064c\u064d"
#: Fatha, damma, kasra (U+064E-U+0650).
SHORT_VOWELS = "\u064e\u064f\u0650"
#: U+0651 ARABIC SHADDA.
SHADDA = "\u0651"
#: U+0652 ARABIC SUKUN.
SUKUN = "\u0652"
#: The harakat proper: tanwin, short vowels, shadda and sukun (U+064B-U+0652).
HARAKAT = TANWIN + SHORT_VOWELS + SHADDA + SUKUN
#: U+0670 ARABIC LETTER SUPERSCRIPT ALEF (dagger alef): category Mn.
DAGGER_ALEF = "\u0670"

#: The 36 letters of the Arabic alphabet as written in Arabic: hamza and its
#: seats, alef to ghain, feh to yeh, teh marbuta and alef maksura
#: (U+0621-U+063A, U+0641-U+064A).  Tatweel (U+0640) is not among them.
ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x063B)) + "".join(chr(c) for c in range(0x0641, 0x064B))

#: Every nonspacing mark (category Mn) of the Arabic block U+0600-U+06FF, as a
#: regular-expression class body: Quranic annotation signs, harakat and the
#: other vowel signs, dagger alef and the small high/low Quranic marks.
ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"


def char_class(body: str) -> frozenset[str]:
    """The characters a regular-expression class body such as :data:`ARABIC_MARKS` stands for.

    ``body`` holds single characters and ranges ``a-z``; no escapes or negation.
    """
    out: set[str] = set()
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            out.update(chr(c) for c in range(ord(body[i]), ord(body[i + 2]) + 1))
            i += 3
        else:
            out.add(body[i])
            i += 1
    return frozenset(out)
