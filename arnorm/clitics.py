"""Splitting Arabic proclitics off a word: و ف, ب ك ل, the future س, the article ال.

A word is split only when the split is better supported than the whole word:
each proclitic ``c`` with prior ``p`` comes off ``c + rest`` when
``p * support(rest) >= count(c + rest)``, where ``count`` is the word's
frequency in a word list (``arnorm/data/word_counts.json``, built from wordfreq) and
``support`` is the best frequency of ``rest`` itself or of ``rest`` with its
own proclitics removed.  So ``وصل`` ("arrived") stays whole (``صل`` is rare),
``وقال`` splits, ``كتاب`` and ``بلد`` stay whole, and ``وبالصلاة`` becomes
``و`` ``ب`` ``ال`` ``صلاة``.  The article comes off when the rest is a known
word, or when the whole word is unknown (an unknown word that starts with
``ال`` is nearly always article + noun); ``لل`` is ``ل`` + the article with its
alef elided (``للصلاة``).  A closed list of words is never split (``الله``,
``الذي``, ``كان``, ``لكن`` ...).  The facts and their sources are in
``arnorm/data/clitics.json``.

Decisions are made on a skeleton of the word (letters only, hamza carriers,
alef variants, alef maksura and teh marbuta folded as ``search`` folds them),
so vocalized and unvocalized spellings split alike; the cuts are returned as
positions in the word as written, with each letter's marks kept on it.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from .datafile import Described, load_json, validate

__all__ = ["fold_key", "split_points"]

_FOLD = str.maketrans("أإآٱؤئىة", "ااااوييه")
_MIN_REST = 2


@dataclass(frozen=True)
class CliticRules(Described):
    """The proclitic inventory (``arnorm/data/clitics.json``)."""

    conjunctions: Mapping[str, float]
    prepositions: Mapping[str, float]
    future: str
    future_next: str
    article: str
    whole_words: tuple[str, ...]


@functools.cache
def _rules() -> CliticRules:
    return validate(load_json("clitics.json"), CliticRules, "clitics.json")  # type: ignore[no-any-return]


@functools.cache
def _whole_words() -> frozenset[str]:
    return frozenset(w.translate(_FOLD) for w in _rules().whole_words)


@functools.cache
def _counts() -> Mapping[str, int]:
    document = load_json("word_counts.json")
    return validate(document.get("counts"), Mapping[str, int], "word_counts.json:counts")  # type: ignore[no-any-return]


def fold_key(word: str) -> str:
    """``word`` as the word list keys it: marks and tatweel removed, alef forms, hamza seats,
    alef maksura and teh marbuta folded (أ إ آ ٱ -> ا, ؤ -> و, ئ ى -> ي, ة -> ه)."""
    return "".join(c for c in word if c != "\u0640" and unicodedata.category(c) not in ("Mn", "Me", "Cf")).translate(
        _FOLD
    )


def _count(word: str) -> int:
    return _counts().get(word, 0)


#: Attached pronouns and inflectional endings tried, longest first, when a word is not
#: in the list itself (an unseen inflected form of a known word: اشاروا -> اشار).
_SUFFIXES = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "وا", "ون", "ين", "ان", "ات", "ه", "ك", "ي", "ت")
#: Weight of a frequency read off a word without its ending.
_BACKOFF = 0.5
#: A stem read off a word must keep this many letters (two-letter stems such as بن match anything).
_MIN_STEM = 3
#: An article word seen fewer times than this, whose bare form is unknown, is still split.
_RARE = 5
#: Letters that cannot begin a word after a proclitic (hamza on waw or yeh).
_NO_START = "\u0624\u0626"


@functools.lru_cache(maxsize=65536)
def _lexical(word: str) -> float:
    """The frequency of ``word``, or (discounted) of its stem without one ending (ة restored)."""
    count = _count(word)
    if count or len(word) <= _MIN_REST:
        return float(count)
    best = 0
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= _MIN_STEM:
            best = max(best, _count(stem), _count(stem[:-1] + "\u0647") if stem[-1] == "\u062a" else 0)
    return best * _BACKOFF


@functools.lru_cache(maxsize=65536)
def _support(word: str) -> float:
    """The best frequency of ``word`` or of a proclitic analysis of it."""
    best = _lexical(word)
    if len(word) <= _MIN_REST or word in _whole_words():
        return best
    rules = _rules()
    for letter, prior in (*rules.conjunctions.items(), *rules.prepositions.items()):
        if word[0] == letter:
            best = max(best, prior * _support(word[1:]))
    if word.startswith(rules.article) and len(word) - 2 >= _MIN_REST:
        best = max(best, _lexical(word[2:]))
    return best


def _strip(word: str, prior: float, rest: str, raw_rest: str) -> bool:
    if len(rest) < _MIN_REST or word in _whole_words() or raw_rest[:1] in _NO_START:
        return False
    support = _support(rest)
    return support > 0 and prior * support >= _lexical(word)


def _is_article(rest: str, raw_rest: str) -> bool:
    # The article is a bare alef (or alef wasla) + lam: أل-, إل-, آل- are root letters (ألوان, آلاف).
    return (
        raw_rest[:1] in "\u0627\u0671"
        and rest.startswith(_rules().article)
        and len(rest) - 2 >= _MIN_REST
        and rest not in _whole_words()
    )


def _article_follows(rest: str, raw_rest: str) -> bool:
    # A preposition directly before the article (bi-l-, ka-l-) is a clitic chain.
    return len(rest) >= 4 and _is_article(rest, raw_rest)


def _skeleton(word: str) -> tuple[str, str, list[int]]:
    """Base letters of ``word`` folded and as written, and the index in ``word`` where each starts."""
    letters: list[str] = []
    starts: list[int] = []
    for i, ch in enumerate(word):
        if ch == "\u0640" or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        letters.append(ch)
        starts.append(i)
    raw = "".join(letters)
    return raw.translate(_FOLD), raw, starts


def _future(rest: str, raw_rest: str) -> bool:
    rules = _rules()
    return (
        rest[:1] == rules.future
        and raw_rest[1:2] in rules.future_next  # the imperfect prefix as written: أ, not a bare ا
        and len(rest) > 3
        and _strip(rest, 1.0, rest[1:], raw_rest[1:])
    )


def _lil(rest: str) -> bool:
    # li- + the article, written with one lam: lil-salah.
    if not rest.startswith("\u0644\u0644") or len(rest) - 2 < _MIN_REST or rest in _whole_words():
        return False
    return bool(_count(_rules().article + rest[2:]) or _lexical(rest[2:]) or not _count(rest))


def _article(rest: str, raw_rest: str) -> bool:
    if not _is_article(rest, raw_rest):
        return False
    return bool(_lexical(rest[2:]) or _count(rest) < _RARE)


def _skeleton_cuts(s: str, raw: str) -> list[int]:
    """Cut points (in letters) of the proclitics of the folded word ``s`` (``raw``: as written)."""
    rules, cuts, i = _rules(), [], 0
    if s[:1] in rules.conjunctions and (
        (_article_follows(s[1:], raw[1:]) and _count(s) < _RARE)
        or _strip(s, rules.conjunctions[s[0]], s[1:], raw[1:])
    ):
        i = 1
        cuts.append(i)
    rest, raw_rest = s[i:], raw[i:]
    if _future(rest, raw_rest):
        return [*cuts, i + 1]
    if _lil(rest):
        return [*cuts, i + 1, i + 2]
    if rest[:1] in rules.prepositions and (
        _article_follows(rest[1:], raw_rest[1:])
        or _strip(rest, rules.prepositions[rest[0]], rest[1:], raw_rest[1:])
    ):
        i += 1
        cuts.append(i)
    if _article(s[i:], raw[i:]):
        cuts.append(i + 2)
    return cuts


def split_points(word: str) -> list[int]:
    """Positions in ``word`` (as written, marks included) where a proclitic ends.

    >>> split_points("وبالصلاة")
    [1, 2, 4]
    >>> split_points("وصل"), split_points("كتاب"), split_points("الله")
    ([], [], [])
    """
    skeleton, raw, starts = _skeleton(word)
    if len(skeleton) <= _MIN_REST:
        return []
    return [starts[k] for k in _skeleton_cuts(skeleton, raw)]
