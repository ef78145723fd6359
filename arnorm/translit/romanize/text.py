"""The line driver: find the Arabic words of each line, decide construct, romanize each word."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

import regex

from .chars import DAMMATAN, FATHATAN, KASRATAN, MARKS, PUNCTUATION, STRUCTURAL, TEH_MARBUTA, skeleton
from .fold import Marks, fold_ascii
from .render import Endings
from .standards import Standard, letters, standard
from .word import romanize_word
from .words import not_construct_before

__all__ = ["Capitalize", "Construct", "romanize"]

Capitalize = Literal["none", "first", "words"]
Construct = Literal["auto", "never"]

#: A word that starts with a conjunction or preposition + article: it cannot be
#: the second term of a construct (Al Ḩarajah bil Qurʾān, madrasah wa-al-...).
_PREPOSITION_PHRASE = regex.compile(
    "^(?:[\u0648\u0641](?:[\u0628\u0643]?\u0627\u0644|\u0644\u0644)|[\u0628\u0643]\u0627\u0644|\u0644\u0644)"
)
_HORIZONTAL_SPACE = regex.compile(r"[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_ARABIC = regex.compile("[\u0600-\u06ff]")
_TANWIN_SIGNS = (FATHATAN, DAMMATAN, KASRATAN)
#: Punctuation that ends a phrase: the word before it is in pause.
_PAUSE_PUNCTUATION = regex.compile("[.!?;:,\u060c\u061b\u061f\u06d4]")


@functools.cache
def _word_pattern(name: str) -> regex.Pattern[str]:
    """A word of standard ``name``: letters it owns, then letters and marks."""
    owned = "".join(sorted((set(letters(name)) | STRUCTURAL) - {""}))
    cls = regex.escape(owned)
    return regex.compile(f"[{cls}][{cls}{MARKS}]*")


def _is_construct(line: str, m: regex.Match[str], nxt: regex.Match[str]) -> bool:
    """The word ``m`` ends in tāʾ marbūṭa and heads a construct with ``nxt`` (a heuristic)."""
    word = m.group()
    if TEH_MARBUTA not in word:
        return False
    following = skeleton(nxt.group())
    return bool(
        skeleton(word).endswith(TEH_MARBUTA)
        and _HORIZONTAL_SPACE.fullmatch(line[m.end():nxt.start()])
        and following not in not_construct_before()
        and not _PREPOSITION_PHRASE.match(following)
        and not any(c in word for c in _TANWIN_SIGNS)
    )


_BISM = "\u0628\u0633\u0645"
#: ZERO WIDTH NON-JOINER between two Arabic words: one word with a final-form letter inside.
_ZWNJ = "\u200c"
_ALLAH = frozenset(("\u0627\u0644\u0644\u0647", "\u0671\u0644\u0644\u0647"))


def _bismillah(line: str, matches: list[regex.Match[str]], idx: int) -> bool:
    """Words ``idx`` and ``idx + 1`` are bism(i) Allāh, written as one word (ALA-LC rule 23)."""
    word = matches[idx].group()
    if idx + 1 >= len(matches) or word[0] != _BISM[0] or skeleton(word) != _BISM:
        return False
    nxt = matches[idx + 1]
    return skeleton(nxt.group()) in _ALLAH and bool(_HORIZONTAL_SPACE.fullmatch(line[matches[idx].end():nxt.start()]))


def _in_pause(line: str, matches: list[regex.Match[str]], idx: int) -> bool:
    """Word ``idx`` ends a phrase: punctuation follows it, or it ends a line of two words or more."""
    end = matches[idx + 1].start() if idx + 1 < len(matches) else len(line)
    start = matches[idx].end()
    single_space = end - start == 1 and line[start] == " "
    if not single_space and _PAUSE_PUNCTUATION.search(line, start, end):
        return True
    return idx == len(matches) - 1 and idx > 0


@dataclass(frozen=True, slots=True)
class _Options:
    """The options of one :func:`romanize` call."""

    std: Standard
    capitalize: Capitalize
    construct: Construct
    endings: Endings
    vocalize: bool
    marks: Marks | None  # None: no ASCII folding


def _word(line: str, matches: list[regex.Match[str]], idx: int, opts: _Options) -> tuple[str, int]:
    """The Latin of word ``idx`` and the index of the last word it took (``idx + 1`` for bismillāh)."""
    m = matches[idx]
    first = idx == 0 and not line[: m.start()].strip()  # a word before it is Arabic text
    inside = idx > 0 and line[matches[idx - 1].end():m.start()] == _ZWNJ  # the rest of one word
    capitalize = not inside and (opts.capitalize == "words" or (opts.capitalize == "first" and first))
    if _bismillah(line, matches, idx):
        latin, last = ("Bismill\u0101h" if capitalize else "bismill\u0101h"), idx + 1
    else:
        construct = opts.construct == "auto" and idx + 1 < len(matches) and _is_construct(line, m, matches[idx + 1])
        latin, last = romanize_word(
            m.group(),
            opts.std.name,
            construct=construct,
            endings=opts.endings,
            capitalize=capitalize,
            initial=first,
            vocalize=opts.vocalize,
            pause=_in_pause(line, matches, idx),
        ), idx
    return (latin if opts.marks is None else fold_ascii(latin, opts.marks)), last


def _line(line: str, opts: _Options) -> str:
    """One line: its Arabic words romanized, Arabic punctuation made ASCII, the rest as it is."""
    matches = list(_word_pattern(opts.std.name).finditer(line))
    if not matches:
        return line.translate(PUNCTUATION)
    parts: list[str] = []
    pos = idx = 0
    while idx < len(matches):
        gap = line[pos:matches[idx].start()]
        sep = opts.std.final_form_sep
        parts.append(sep if gap == _ZWNJ and idx and sep is not None else gap.translate(PUNCTUATION))
        latin, idx = _word(line, matches, idx, opts)
        parts.append(latin)
        pos = matches[idx].end()
        idx += 1
    parts.append(line[pos:].translate(PUNCTUATION))
    return "".join(parts)


def romanize(
    text: str,
    standard_name: str = "ala-lc",
    *,
    capitalize: Capitalize = "none",
    construct: Construct = "auto",
    endings: Endings = "pausal",
    vocalize: bool = True,
    ascii: bool = False,
    marks: Marks = "apostrophe",
) -> str:
    """Romanize the Arabic words of ``text`` under a standard; the rest is unchanged.

    >>> romanize("وِزَارَةُ التَّرْبِيَةِ", "ala-lc", capitalize="words")
    'Wizārat al-Tarbiyah'
    >>> romanize("الشَّمْسُ", "din-31635")
    'aš-šams'

    Args:
        text: any text; it is processed line by line.
        standard_name: ``ala-lc``, ``din-31635``, ``iso-233``, ``ungegn`` or ``bgn-pcgn``.
        capitalize: ``none``, ``first`` (first word of each line) or ``words``.
        construct: ``auto`` detects construct tāʾ marbūṭa (-t); ``never`` always
            writes the pausal form (use it for lists of names).
        endings: ``pausal`` (no case endings) or ``full``.
        vocalize: supply vowels for unvocalized words from the name lexicon.
        ascii: fold each romanized word to ASCII (:func:`fold_ascii`).
        marks: with ``ascii``: ʿayn/hamza signs become ``'`` or are dropped.

    Raises:
        UnknownSchemeError: an unknown standard.
    """
    opts = _Options(standard(standard_name), capitalize, construct, endings, vocalize, marks if ascii else None)
    if not _ARABIC.search(text):
        return text
    return "".join(_line(line, opts) for line in text.splitlines(keepends=True))
