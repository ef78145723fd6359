"""Romanizing one word: segmentation into prefixes, article and stem, then rendering.

The options of one word travel in a :class:`WordContext`; the segmentation
of one word in a :class:`Parts`.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field, replace

from .chars import ALEFS, BEH, DAMMA, HEH, KASRA, LAM, SUN_LETTERS, TEH, YEH, fold_key
from .lexicon import lexicon_spelling
from .render import Endings, render
from .segment import PRONOUN_SUFFIXES, conjunction_at_start, future_at, is_allah, is_article, preposition_at
from .standards import Standard, letters, standard
from .units import Unit, letters_of, parse
from .verbs import is_verb
from .words import function_words, irregular, keep_final, unvocalized_words

__all__ = ["WordContext", "capital", "romanize_word"]

_ABD = "\u0639\u0628\u062f"
_IMPERFECT_PREFIXES = frozenset(("\u064a", "\u062a", "\u0646", "\u0623"))
_LILLAH = "\u0644\u0644\u0647"
_BIN = "\u0628\u0646"
_IBN = "\u0627\u0628\u0646"
_ALLAH = "All\u0101h"
#: Signs that only mark ʿayn or hamza: a capital goes on the letter after them.
_APOSTROPHES = frozenset("\u02bb\u02bc\u02be\u02bf\u2018\u2019")


@dataclass(frozen=True, slots=True)
class WordContext:
    """The options under which one word is romanized.

    Attributes:
        std: the standard.
        construct: the word is the first term of a construct (tāʾ marbūṭa -> t).
        endings: ``"pausal"`` drops final case vowels; ``"full"`` keeps them.
        capitalize: capitalize the word.
        initial: the word starts its line.
        vocalize: look unvocalized words up in the name lexicon.
        known: the name lexicon supplied the whole word's vowels.
        pause: the word ends a phrase (a verb drops its final vowel there).
    """

    std: Standard
    construct: bool = False
    endings: Endings = "pausal"
    capitalize: bool = False
    initial: bool = True
    vocalize: bool = True
    known: bool = False
    pause: bool = False


@dataclass(slots=True)
class Parts:
    """A word cut into prefixes (wa-, bi-, ...), an optional article and a stem."""

    prefixes: list[Unit]
    stem: list[Unit]
    vocalized: bool
    article: bool = False
    sun: bool = False
    allah: bool = field(default=False)


def capital(text: str) -> str:
    """``text`` with its first letter (not an ʿayn/hamza sign) in upper case."""
    for i, ch in enumerate(text):
        if ch.isalpha() and ch not in _APOSTROPHES and not unicodedata.category(ch).startswith("Lm"):
            return text[:i] + ch.upper() + text[i + 1:]
    return text


def _prefix_latin(u: Unit, std: Standard) -> str:
    cons = letters(std.name).get(u.letter, u.letter)
    default = "i" if u.letter in (BEH, LAM) else "a"
    return cons + (u.vowel or default)


def _split_prefixes(units: list[Unit], vocalized: bool, known: bool) -> list[Unit]:
    """The prefixes at the start of ``units``: wa-/fa-, then bi-/ka-/li- or the future sa-."""
    whole = fold_key(letters_of(units))
    if whole in irregular() or (whole in function_words() and not is_article(units, 1)):
        return []
    prefixes: list[Unit] = []
    if conjunction_at_start(units, vocalized, known):
        prefixes.append(units[0])
    i = len(prefixes)
    if preposition_at(units, i, vocalized, known):
        prep = units[i]
        if prep.letter == LAM and not prep.vowel and letters_of(units[i + 1:]) in PRONOUN_SUFFIXES:
            prep = Unit(LAM, "a")  # la-hum, la-hu
        prefixes.append(prep)
    elif future_at(units, i):
        prefixes.append(units[i])  # sa-yakūnu
    return prefixes


def _segment(units: list[Unit], vocalized: bool, known: bool) -> Parts:
    """Cut ``units`` into prefixes, article and stem; respell irregular and function words."""
    prefixes = _split_prefixes(units, vocalized, known)
    rest = units[len(prefixes):]
    rest_letters = letters_of(rest)
    if rest_letters == _LILLAH and not (prefixes and prefixes[-1].letter == LAM):
        return Parts([*prefixes, rest[0]], [], vocalized, allah=True)  # lillāh (لله)
    if is_allah(rest, 0):
        return Parts(prefixes, [], vocalized, allah=True)
    key = fold_key(rest_letters)
    if key in irregular():
        return Parts(prefixes, parse(irregular()[key]), True)
    if not any(u.marked for u in rest) and rest_letters in unvocalized_words():
        spelling = unvocalized_words()[rest_letters]
        if prefixes and prefixes[-1].letter == BEH and spelling[:1] == HEH:
            spelling = spelling.replace(DAMMA, KASRA)  # bihi, bihim
        return Parts(prefixes, parse(spelling), True)
    if is_article(rest, 0):
        return Parts(prefixes, rest[2:], vocalized, article=True)
    if (
        len(rest) >= 4
        and rest[0].letter == LAM
        and rest[1].letter == LAM
        and not rest[1].vowel
        and not rest[1].shadda
        and rest[0].vowel in ("", "i")
    ):
        return Parts([*prefixes, rest[0]], rest[2:], vocalized, article=True)  # li + article: لل
    return Parts(prefixes, rest, vocalized)


def _article_stem(parts: Parts, ctx: WordContext) -> None:
    """After the article: vowels from the lexicon or the irregular list; sun letter; no shadda."""
    stem_letters = fold_key(letters_of(parts.stem))
    found: str | None = None
    if not parts.vocalized and ctx.vocalize and not any(u.marked for u in parts.stem):
        found = lexicon_spelling(stem_letters)
    if found is not None:
        parts.stem, parts.vocalized = parse(found), True
    elif stem_letters in irregular():
        parts.stem = parse(irregular()[stem_letters])
    first = parts.stem[0]
    parts.sun = first.letter in SUN_LETTERS
    parts.stem = [Unit(first.letter, first.vowel, first.tanwin, False, first.sukun, first.dagger, first.silent),
                  *parts.stem[1:]]


def _head(parts: Parts, std: Standard) -> str:
    """The Latin of the prefixes and the article, with their separators."""
    if not parts.prefixes and not parts.article:
        return ""
    if not parts.article:
        return "".join(_prefix_latin(p, std) + std.prefix_sep for p in parts.prefixes)
    # a digraph sun letter assimilates whole: ash-Sh
    cons = letters(std.name).get(parts.stem[0].letter, "l") if (parts.sun and std.assimilate) else "l"
    if not parts.prefixes:
        return "a" + cons + std.article_sep
    *outer, last = parts.prefixes
    head = "".join(_prefix_latin(p, std) + std.prefix_sep for p in outer)
    form = std.prefix_article.get(last.letter, "full")
    latin = _prefix_latin(last, std)
    if form == "contract":
        return head + latin + cons + std.article_sep
    if form == "elide":
        return head + latin + std.prefix_sep + cons + std.article_sep
    return head + latin + std.prefix_sep + "a" + cons + std.article_sep


def _join_allah(prefixes: list[Unit], ctx: WordContext) -> str:
    """Allāh and its prefixed forms: Allāh, lillāh, billāh, wa-Allāh."""
    if not prefixes:
        return _ALLAH
    std = ctx.std
    *outer, last = prefixes
    head = "".join(_prefix_latin(p, std) + std.prefix_sep for p in outer)
    latin = _prefix_latin(last, std)
    if last.letter in (LAM, BEH):
        word = latin[:-1] + "ill\u0101h"  # lillāh, billāh
    else:
        word = latin + std.prefix_sep + _ALLAH
    out = head + word
    return capital(out) if ctx.capitalize and ctx.initial else out


def _pronoun_after_sukun(stem: list[Unit]) -> bool:
    """The final ه after a consonant with sukun is the pronoun -hu/-hi, not a root letter (wajh).

    After a function word (``minhu``, ``ʻanhu``), the perfect's ``-at``
    (``akhadhathu``), a jussive (``yalzamhu``: an
    imperfect prefix with a vowel) or an imperative (``ittabiʻhu``: a bare
    alif); other words ending in consonant + ه are read as nouns.
    """
    if len(stem) < 3 or not stem[-2].sukun:
        return False
    first = stem[0]
    return (
        letters_of(stem[:-1]) in function_words()
        or (stem[-2].letter == TEH and stem[-3].vowel == "a")  # the perfect's -at: katabathu
        or (first.letter in _IMPERFECT_PREFIXES and first.vowel in ("a", "u"))
        or (first.letter in ALEFS and not first.vowel)
    )


def _keeps_final_vowel(parts: Parts, ctx: WordContext) -> bool:
    """The stem's final short vowel is written even in pausal romanization.

    Particles, pronouns and demonstratives (a word list), one-letter stems,
    the pronoun ``-ya`` after ``ay`` (``ilayya``, ``ʻalayya``) and, where the
    standard writes verb endings, a verb that is not in pause (:mod:`.verbs`).
    """
    stem = parts.stem
    if len(stem) <= 1 or letters_of(stem) in keep_final():
        return True
    last = stem[-1]
    if last.letter == HEH and last.vowel in ("u", "i") and _pronoun_after_sukun(stem):
        return True  # minhu, lam yalzamhu, ittabiʻhu
    if last.letter == YEH and last.shadda and last.vowel == "a" and stem[-2].vowel == "a":
        return True
    return ctx.std.verb_endings and not ctx.pause and not parts.article and is_verb(stem)


def _romanize_units(units: list[Unit], ctx: WordContext, vocalized: bool) -> str:
    """The Latin of a parsed word: segment, render the stem, add the head, capitalize."""
    parts = _segment(units, vocalized, ctx.known)
    if parts.allah:
        return _join_allah(parts.prefixes, ctx)
    if parts.article and parts.stem:
        _article_stem(parts, ctx)
    std = ctx.std
    keep = _keeps_final_vowel(parts, ctx)
    if std.ibn and letters_of(parts.stem) == _BIN and not parts.prefixes and not parts.article:
        parts.stem = parse(irregular()[_IBN])
    construct = ctx.construct and not parts.article
    stem = render(parts.stem, std, construct=construct, endings=ctx.endings, keep_final=keep)
    head = _head(parts, std)
    if ctx.capitalize:
        if not (stem in std.lower_in_names and not (ctx.initial and not head)):
            stem = capital(stem)
        if head and ctx.initial and std.capital_article:
            head = capital(head)
    return unicodedata.normalize("NFC", head + stem)


@functools.lru_cache(maxsize=65536)
def romanize_word(
    word: str,
    name: str = "ala-lc",
    *,
    construct: bool = False,
    endings: Endings = "pausal",
    capitalize: bool = False,
    initial: bool = True,
    vocalize: bool = True,
    pause: bool = False,
) -> str:
    """Romanize one Arabic word (letters and harakat only) under standard ``name``.

    Args:
        construct: the word is the first term of a construct (tāʾ marbūṭa -> t).
        endings: ``"pausal"`` drops final case vowels; ``"full"`` keeps them.
        capitalize: capitalize the word (a name or title word).
        initial: the word starts its line (for BGN/PCGN and UN ``Al``).
        vocalize: look unvocalized words up in the name lexicon.
        pause: the word ends a phrase: a verb drops its final vowel, as a noun
            does (a word romanized alone is its citation form, not in pause).

    Raises:
        UnknownSchemeError: an unknown standard.
    """
    ctx = WordContext(standard(name), construct, endings, capitalize, initial, vocalize, pause=pause)
    units = parse(word)
    vocalized = any(u.marked for u in units)
    if not vocalized and vocalize:
        spelling = lexicon_spelling(letters_of(units))
        if spelling is not None:
            units = parse(spelling)
            vocalized = any(u.marked for u in units)
            ctx = replace(ctx, known=True)
    if len(units) >= 6 and letters_of(units).startswith(_ABD) and is_article(units, 3):
        # ʻAbd + divine name written as one word
        head = _romanize_units(units[:3], replace(ctx, construct=False, vocalize=True), vocalized)
        tail = _romanize_units(units[3:], replace(ctx, initial=False), vocalized)
        return head + " " + tail
    return _romanize_units(units, ctx, vocalized)
