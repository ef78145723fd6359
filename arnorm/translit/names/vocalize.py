"""Vocalization of name words: lexicon lookup, and derivation from Latin spellings.

:func:`vocalize` returns the lexicon's vocalized spelling of one name word
(short vowels and shadda; no sukun, no case ending), so that romanization
standards such as ALA-LC can supply the vowels an unvocalized name lacks.

:func:`derive_vocalization` is what ``scripts/build_name_lexicon.py`` uses to
vocalize lexicon entries that come without harakat: it aligns the Arabic
letters with Latin spellings that write the vowels unambiguously (only ``a``,
``i``, ``u``; long vowels ``a``/``aa``, ``i``/``ee``/``ii``, ``u``/``oo``/
``ou``/``uu``) and keeps the result only when it is unique.  Shadda is
written only when every spelling that aligns doubles the consonant (``hasan``
next to ``hassan`` leaves حسن without shadda).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from .lexicon import lookup_loose
from .normalize import arabic_key, latin_key

__all__ = ["derive_vocalization", "vocalize"]

FATHA, DAMMA, KASRA, SHADDA = "\u064e", "\u064f", "\u0650", "\u0651"
ALEF, WAW, YEH, ALEF_MAKSURA, TEH_MARBUTA = "\u0627", "\u0648", "\u064a", "\u0649", "\u0629"
HAMZA_ALEFS = "\u0623\u0625\u0622"
ARTICLE = ALEF + "\u0644"

_VOWEL_MARK = {"a": FATHA, "i": KASRA, "u": DAMMA}
_LONG = {ALEF: ("a", "aa"), WAW: ("u", "uu", "oo", "ou"), YEH: ("i", "ii", "ee"), ALEF_MAKSURA: ("a",)}
_LONG_MARK = {ALEF: FATHA, WAW: DAMMA, YEH: KASRA, ALEF_MAKSURA: FATHA}
#: Latin spellings of each consonant letter (strict: no ambiguity between vowel qualities).
_CONSONANTS: dict[str, tuple[str, ...]] = {
    "\u0628": ("b",), "\u062a": ("t",), "\u062b": ("th",), "\u062c": ("j", "g"), "\u062d": ("h",),
    "\u062e": ("kh",), "\u062f": ("d",), "\u0630": ("dh", "th"), "\u0631": ("r",), "\u0632": ("z",),
    "\u0633": ("s",), "\u0634": ("sh",), "\u0635": ("s",), "\u0636": ("d", "dh"), "\u0637": ("t",),
    "\u0638": ("z", "dh"), "\u0639": ("", "'"), "\u063a": ("gh",), "\u0641": ("f",), "\u0642": ("q", "k"),
    "\u0643": ("k",), "\u0644": ("l",), "\u0645": ("m",), "\u0646": ("n",), "\u0647": ("h",),
    "\u0621": ("", "'"), "\u0624": ("", "'"), "\u0626": ("", "'"), "\u0623": ("", "'"),
    "\u0625": ("",), WAW: ("w",), YEH: ("y",),
}


def _align(word: str, latin: str) -> set[tuple[tuple[str, bool], ...]]:
    """Every vocalization of ``word`` (per letter: mark, doubled) that spells ``latin``."""

    @functools.cache
    def go(i: int, j: int, prev_mark_pending: bool) -> frozenset[tuple[tuple[str, bool], ...]]:
        # prev_mark_pending: the previous consonant has no vowel yet and may take a long vowel's mark
        if i == len(word):
            return frozenset({()}) if j == len(latin) else frozenset()
        letter = word[i]
        results: set[tuple[tuple[str, bool], ...]] = set()
        first, last = i == 0, i == len(word) - 1
        # long vowel letters after a consonant with no vowel of its own
        if letter in _LONG and not first and prev_mark_pending:
            for spelling in _LONG[letter]:
                if latin.startswith(spelling, j):
                    for rest in go(i + 1, j + len(spelling), False):
                        results.add((("long", False),) + rest)
            if letter == YEH and last and latin.startswith("y", j):
                for rest in go(i + 1, j + 1, False):
                    results.add((("long", False),) + rest)
        if letter == TEH_MARBUTA and last and prev_mark_pending:
            for spelling in ("a", "ah", "at"):
                if latin.endswith(spelling) and j + len(spelling) == len(latin):
                    results.add((("tm", False),))
        # initial alef (bare or with hamza) carrying a short vowel, or madda alef
        if first and letter in ALEF + HAMZA_ALEFS:
            if letter == "\u0622":
                for spelling in ("aa", "a"):
                    if latin.startswith(spelling, j):
                        for rest in go(i + 1, j + len(spelling), False):
                            results.add((("", False),) + rest)
            else:
                vowels = "i" if letter == "\u0625" else "aiu"
                for v in vowels:
                    if latin.startswith(v, j):
                        for rest in go(i + 1, j + 1, False):
                            results.add(((_VOWEL_MARK[v], False),) + rest)
            return frozenset(results)
        # consonants, possibly doubled, then an optional short vowel
        for cons in _CONSONANTS.get(letter, ()):
            forms = [(cons, False)]
            if len(cons) == 1:
                forms.append((cons * 2, True))
            if letter == YEH and i > 0 and j > 0 and latin[j - 1] == "a":
                forms.append(("i", False))  # diphthong ai
            for form, doubled in forms:
                if not latin.startswith(form, j):
                    continue
                k = j + len(form)
                for v in "aiu":
                    if latin.startswith(v, k) and not latin.startswith(v * 2, k):
                        for rest in go(i + 1, k + 1, False):
                            results.add(((_VOWEL_MARK[v], doubled),) + rest)
                for rest in go(i + 1, k, True):
                    results.add((("", doubled),) + rest)
        return frozenset(results)

    return set(go(0, 0, False))


def _render(word: str, marks: Sequence[tuple[str, bool]], shadda: Sequence[bool]) -> str:
    out = []
    for i, (letter, (mark, _)) in enumerate(zip(word, marks)):
        nxt = marks[i + 1][0] if i + 1 < len(marks) else ""
        own = ""
        if mark in (FATHA, DAMMA, KASRA):
            own = mark
        elif nxt == "long":
            own = _LONG_MARK[word[i + 1]]
        elif nxt == "tm":
            own = FATHA
        out.append(letter + (SHADDA if shadda[i] else "") + own)
    import unicodedata

    return unicodedata.normalize("NFC", "".join(out))


def derive_vocalization(key: str, spellings: Sequence[str]) -> str | None:
    """Vocalize a single-word lexicon key from its Latin spellings, or ``None``.

    The first spelling (in the given order) that aligns gives the vowels; the
    result is kept only if that spelling allows exactly one vocalization.

    >>> derive_vocalization("جميل", ["Jameel", "Jamil"])
    'جَمِيل'
    >>> derive_vocalization("حسن", ["Hassan", "Hasan"])
    'حَسَن'
    """
    if " " in key or not key or key.startswith(ARTICLE):
        return None
    aligned = [(s, _align(key, latin_key(s))) for s in spellings]
    aligned = [(s, found) for s, found in aligned if found]
    if not aligned:
        return None
    _, found = aligned[0]
    vowels = {tuple(m for m, _ in marks) for marks in found}
    if len(vowels) != 1:
        return None
    marks = min(found, key=lambda ms: sum(d for _, d in ms))
    # shadda only where every aligned spelling doubles the letter
    shadda = [all(any(ms[i][1] for ms in f) for _, f in aligned) for i in range(len(key))]
    return _render(key, marks, shadda)


def vocalize(word: str) -> str | None:
    """The lexicon's vocalized spelling of one name word, or ``None`` if unknown.

    Harakat are short vowels and shadda (no sukun, no case ending).  The word
    is normalized first; if it is not in the lexicon as written, spellings that
    differ only in hamza on alef, ة/ه or ى/ي are tried (so ``احمد`` gives
    ``أَحْمَد``'s vowels as ``أَحمَد``), and a word with the article is
    vocalized as the article plus its stem.

    >>> vocalize("محمد")
    'مُحَمَّد'
    >>> vocalize("الجولاني")
    'الجُولَانِيّ'
    >>> vocalize("xyz") is None
    True
    """
    key = arabic_key(word)
    if not key or " " in key:
        return None
    entry = lookup_loose(key)
    if entry is not None and entry.vocalized:
        return entry.vocalized
    if key.startswith(ARTICLE) and len(key) > 3:
        stem = vocalize(key[2:])
        if stem is not None:
            return ARTICLE + stem
    return None
