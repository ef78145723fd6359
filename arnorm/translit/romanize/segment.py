"""Prefix segmentation: the article, Allāh, and the prefixes wa-, fa-, bi-, li-, ka-.

A word-initial و ف ب ل ك is usually a root letter, so a prefix is split off
only where what follows reads as a word of its own (see
:func:`conjunction_at_start` and :func:`preposition_at`).  ``vocalized`` says
the word carries harakat; ``known`` that the name lexicon knew the whole word
(then it is never split, except before the article or Allāh).
"""

from __future__ import annotations

from .chars import (
    ALEF_HAMZAS,
    ALEF_MAKSURA,
    ALEF_WASLA,
    ALEFS,
    BEH,
    FEH,
    KAF,
    LAM,
    NOON,
    TEH,
    VOWEL_LETTERS,
    WAW,
    YEH,
    fold_key,
)
from .units import Unit, letters_of
from .verbs import is_imperfect, is_verb
from .words import function_words, irregular

__all__ = ["PRONOUN_SUFFIXES", "conjunction_at_start", "future_at", "is_allah", "is_article", "preposition_at"]

#: Attached pronouns after bi-/li-: bi-hi, la-hum, la-nā (not -ī: lī, bī stay whole).
PRONOUN_SUFFIXES = frozenset(
    {"\u0647", "\u0647\u0627", "\u0647\u0645", "\u0647\u0645\u0627", "\u0647\u0646", "\u0643",
     "\u0643\u0645", "\u0643\u0645\u0627", "\u0643\u0646", "\u0646\u0627"}
)
#: Unvocalized, و/ف + these are nouns as often as conjunction + pronoun: وهم wahm, فهم fahm.
_AMBIGUOUS_AFTER_CONJUNCTION = frozenset({"\u0647\u0645", "\u0647\u0646"})
_ALLAH = frozenset(("\u0627\u0644\u0644\u0647", ALEF_WASLA + "\u0644\u0644\u0647"))


def _helping_kasra(units: list[Unit], k: int) -> bool:
    """The lam ``units[k]`` carries the kasra that links it to a wasla alif after it (الِابْنَيْنِ)."""
    return units[k].vowel == "i" and k + 1 < len(units) and units[k + 1].letter in ALEFS and not units[k + 1].vowel


def is_article(units: list[Unit], j: int) -> bool:
    """``units[j:]`` starts with the article ال / ٱل followed by two letters or more."""
    return (
        len(units) - j >= 4
        and units[j].letter in ALEFS
        and units[j].vowel in ("", "a")
        and not units[j].tanwin
        and units[j + 1].letter == LAM
        and not units[j + 1].shadda
        and (not units[j + 1].vowel or _helping_kasra(units, j + 1))
        and not units[j + 1].tanwin
        and fold_key(letters_of(units[j:])) not in irregular()
    )


def is_allah(units: list[Unit], j: int) -> bool:
    """``units[j:]`` is the word Allāh (الله / ٱلله)."""
    return len(units) - j == 4 and letters_of(units[j:]) in _ALLAH


def _function_word_with_pronoun(letters: str) -> bool:
    """``letters`` is a function word + attached pronoun: maʻahu, ʻalayhim, baynahumā."""
    words = function_words()
    for suffix in PRONOUN_SUFFIXES:
        stem = letters[: -len(suffix)]
        if (
            len(letters) > len(suffix)
            and letters.endswith(suffix)
            and len(stem) >= 2
            and (stem in words or (stem.endswith(YEH) and stem[:-1] + ALEF_MAKSURA in words))
        ):
            return True
    return False


def _word_starts(units: list[Unit], j: int, vocalized: bool, known: bool) -> bool:
    """``units[j:]`` reads as a word of its own after a prefix.

    The article or Allāh; a function word (``huwa``, ``lā``, ``mā``), whose
    first letter carries a vowel when the text is vocalized (so فَهْم, fahm,
    is not fa-hum), unless the name lexicon knew the whole word; or, in
    vocalized text, a word starting with hamza on alif (``anna``, ``idhā``).
    """
    if j >= len(units):
        return False
    if is_article(units, j) or is_allah(units, j):
        return True
    first = units[j]
    rest = fold_key(letters_of(units[j:]))
    if vocalized:
        voiced = first.letter in ALEFS or (bool(first.vowel) and not first.sukun)
    else:
        voiced = rest not in _AMBIGUOUS_AFTER_CONJUNCTION
    if not known and voiced and (rest in function_words() or _function_word_with_pronoun(rest)):
        return True
    if vocalized and first.letter in ALEFS and not first.vowel and len(units) - j >= 3 and units[j + 1].sukun:
        return True  # hamzat al-waṣl before a cluster: wa-imraʼah, fa-ishtará
    return vocalized and first.letter in ALEF_HAMZAS and len(units) - j >= 2


def preposition_at(units: list[Unit], j: int, vocalized: bool, known: bool) -> bool:
    """``units[j]`` is bi-, li- or ka- attached to the word that follows."""
    if len(units) - j < 2:
        return False
    u = units[j]
    if u.letter not in (BEH, LAM, KAF) or u.shadda or u.sukun or u.tanwin:
        return False
    allowed = {BEH: ("", "i"), LAM: ("", "i", "a"), KAF: ("", "a")}[u.letter]
    if u.vowel not in allowed:
        return False
    rest = letters_of(units[j + 1:])
    if not known and u.letter != KAF and rest in PRONOUN_SUFFIXES:
        return True  # bi-hi, la-hum
    if _word_starts(units, j + 1, vocalized, known):
        return True
    if not vocalized or known or u.vowel != "i" or u.letter == KAF:
        return False
    return _genitive_noun(units[j + 1:]) or (u.letter == LAM and is_imperfect(units[j + 1:]))


def _genitive_noun(rest: list[Unit]) -> bool:
    """Vocalized ``rest`` reads as a noun in the genitive, as after bi-/li- (``bi-dafʻi``, ``li-khuzāʻata``).

    Its first letter carries a vowel (بِنْت bint, بِدْعَة bidʻah keep their b),
    it is not of the shape CaA... (بِلَاد bilād, لِسَان lisān, لِقَاء liqāʼ: the
    pattern fiʻāl, at the cost of bi-ḥāl), and it ends in kasra or kasratan,
    before an attached pronoun if there is one (``bi-riddatihi``).
    """
    if len(rest) < 2 or not rest[0].vowel or rest[0].shadda or rest[0].sukun:
        return False
    if rest[0].vowel == "a" and rest[1].letter in ALEFS:
        return False
    letters = letters_of(rest)
    suffix = max((s for s in PRONOUN_SUFFIXES if letters.endswith(s) and len(letters) - len(s) >= 2),
                 key=len, default="")
    before = rest[len(rest) - len(suffix) - 1] if suffix and len(rest) > len(suffix) else None
    last = rest[-1]
    return last.vowel == "i" or last.tanwin == "i" or (before is not None and before.vowel == "i")


_SEEN = "\u0633"
_MEEM = "\u0645"


def future_at(units: list[Unit], j: int) -> bool:
    """``units[j]`` is the future prefix sa- before an imperfect verb (vocalized: ``sa-yakūnu``)."""
    if len(units) - j < 4:
        return False
    u, rest = units[j], units[j + 1:]
    return (
        u.letter == _SEEN
        and u.vowel == "a"
        and not (u.shadda or u.tanwin)
        and is_imperfect(rest)
    )


def _verb_after_conjunction(units: list[Unit]) -> bool:
    """Vocalized wa-/fa- + bi-, a form II verb or an imperfect verb of the shape yafʻalu."""
    second, third = units[1], units[2]
    if second.letter == BEH and second.vowel == "i" and not second.shadda:
        return True  # wa-bi- (not wa-li-: وَلِيد is Walīd)
    if second.vowel and not second.shadda and third.shadda and third.letter not in VOWEL_LETTERS:
        return True  # form II verb: wa-sallam, fa-qaddama
    return (
        len(units) >= 5
        and second.letter in (YEH, TEH, NOON)
        and second.vowel in ("a", "u")
        and third.sukun
        and bool(units[3].vowel)
    )  # imperfect verb: wa-yakhruju, wa-nastaʻīnu


def conjunction_at_start(units: list[Unit], vocalized: bool, known: bool) -> bool:
    """``units`` start with the conjunction wa- or fa-.

    Before the article, Allāh, li- + article (لل), a preposition, a function
    word or a hamza-initial word (see :func:`_word_starts`); and in vocalized
    text before a verb (``wa-sallam``, ``wa-qāla``, ``wa-yakhruju``).  Heuristics: a noun whose root starts with w or f and
    looks like one of these is misread.
    """
    if len(units) <= 2 or units[0].letter not in (WAW, FEH) or units[0].shadda or units[0].sukun:
        return False
    if units[0].vowel not in ("", "a") or units[0].tanwin:
        return False
    if known and not (is_article(units, 1) or is_allah(units, 1)):
        return False
    if _word_starts(units, 1, vocalized, known) or preposition_at(units, 1, vocalized, known):
        return True
    if units[1].letter == LAM and units[2].letter == LAM and len(units) >= 5 and not units[1].shadda:
        return True  # wa + li + article: وللشعب
    if not vocalized or units[0].vowel != "a":
        return False
    if is_verb(units[1:]) or future_at(units, 1):
        return True  # wa-qāla, fa-dalla, wa-sa-yakūnu (a root w/f verb leaves two letters: وَجَدَ)
    if len(units) < 4:
        return False
    if units[1].letter == _MEEM and units[1].vowel and not units[1].shadda:
        # no common root starts with w-m or f-m (but فَم, mouth: فَمُهُمْ is left whole)
        return letters_of(units[2:]) not in PRONOUN_SUFFIXES  # wa-muslim, wa-mawt
    return _verb_after_conjunction(units)
