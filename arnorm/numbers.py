"""Arabic number words: to digits and back.

* :func:`words_to_number` - the value of one number phrase (``ثلاثة وعشرين`` ->
  23, ``ألفين وخمسة عشر`` -> 2015, ``خمسمية واربعطاشر`` -> 514, ``الحادي عشر``
  -> 11), or None;
* :func:`find_numbers` - the number phrases of a text, as :class:`NumberMatch`
  (cardinal, ordinal, percent; ``ثلاثة ونصف`` = 3.5);
* :func:`rewrite_numbers` - the text with number phrases written in digits
  (the ``numbers`` stage);
* :func:`number_to_words` - an integer in standard Arabic words (citation
  forms, masculine: ``2015`` -> ``ألفان وخمسة عشر``).

The words are data (``arnorm/data/numbers.json``, read through
:mod:`arnorm.datafile`), matched after folding (alef/hamza forms, alef
maqsura, ta marbuta, diacritics), with ``و`` joining the parts of a number.
pyarabic's ``text2number`` was measured first and is not used: it reads
``ثلاث مئة`` as 103, ``الحادي عشر`` as 10 and dialect forms as 0, and its
``number2text`` writes ``إثنان`` and ``أربع و ثلاثون ألف`` (see
``benchmarks/numbers_accuracy.py``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from .datafile import load_json
from .dates.lexicon import fold
from .errors import NumberRangeError

__all__ = ["NumberMatch", "NumberRangeError", "find_numbers", "number_to_words", "rewrite_numbers", "words_to_number"]

Kind = Literal["cardinal", "ordinal", "percent"]
MAX = 10**12 - 1

_WORD = re.compile(r"[^\s\d.,:;!?()\[\]\"'«»،؛؟]+|[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b][0-9\u0660-\u0669\u06f0-\u06f9]+)?|%|\u066a")
_NUMBER = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b][0-9\u0660-\u0669\u06f0-\u06f9]+)?")
_DIGITS = str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9\u066b", "01234567890123456789.")




@dataclass(frozen=True)
class NumberMatch:
    """A number phrase: offsets into the text, the phrase, its value and kind."""

    start: int
    end: int
    text: str
    value: int | float
    kind: Kind


@dataclass(frozen=True)
class _Lex:
    words: Mapping[str, tuple[str, int | float]]  # folded phrase -> (role, value)
    longest: int  # words in the longest phrase
    citation: Mapping[int, str]  # value -> the form number_to_words writes
    scales: Mapping[int, Mapping[str, str]]  # scale -> {one, two, plural, accusative}


@functools.cache
def _lex() -> _Lex:
    doc = load_json("numbers.json")
    words: dict[str, tuple[str, int | float]] = {}
    citation: dict[int, str] = {}

    def add(role: str, value: float, forms: list[str]) -> None:
        for form in forms:
            words.setdefault(fold(form), (role, value))
        if role in ("unit", "teen", "ten", "hundred") and isinstance(value, int):
            citation.setdefault(value, forms[0])

    for section, role in (("units", "unit"), ("teens", "teen"), ("tens", "ten"), ("hundreds", "hundred")):
        for value, forms in doc[section]["forms"].items():
            add(role, int(value), forms)
    scales: dict[int, dict[str, str]] = {}
    for value, groups in doc["scales"]["forms"].items():
        scale = int(value)
        scales[scale] = {k: v[0] for k, v in groups.items()}
        for kind, forms in groups.items():
            add("scale_" + kind, scale, forms)
    for value, forms in doc["ordinals"]["forms"].items():
        add("ordinal", int(value), forms)
    for value, forms in doc["ordinal_compound_units"]["forms"].items():
        for form in forms:
            words.setdefault(fold(form) + "+", ("ordinal_unit", int(value)))
    for value, forms in doc["fractions"]["forms"].items():
        add("fraction", float(value), forms)
    add("percent", 0, doc["percent"]["forms"])
    longest = max(len(k.split()) for k in words)
    return _Lex(words, longest, citation, scales)


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _lookup(toks: list[tuple[int, int, str]], i: int, lex: _Lex) -> tuple[str, int | float, int, bool] | None:
    """The longest number phrase at word ``i``: ``(role, value, next, joined_by_wa)``."""
    for n in range(min(lex.longest, len(toks) - i), 0, -1):
        phrase = fold(" ".join(t[2] for t in toks[i : i + n]))
        for wa, key in ((False, phrase), (True, phrase[1:] if phrase.startswith("\u0648") else "")):
            if key and key in lex.words:
                role, value = lex.words[key]
                return role, value, i + n, wa
    return None


def _digits(word: str) -> float | None:
    """The value of a token of ASCII, Arabic-Indic or Persian digits (``3.5``, ``٣٫٥``), else None."""
    if _NUMBER.fullmatch(word) is None:
        return None
    return float(word.translate(_DIGITS).replace(",", "."))


@dataclass
class _Acc:
    """A cardinal being read: the finished thousands groups and the current group."""

    total: int | float = 0
    current: int = 0
    last: str = ""
    words: int = 0

    @property
    def value(self) -> int | float:
        return self.total + self.current


def _step(acc: _Acc, role: str, value: float, wa: bool) -> bool:
    """Add one part to ``acc``; False if it cannot continue the number."""
    if acc.words and not wa and not role.startswith("scale") and not (role == "hundred" and acc.last == "unit"):
        return False  # parts after the first are joined by wa-, but ثلاث مئة, ثلاثة آلاف
    if role in ("unit", "teen", "ten") and isinstance(value, int):
        acc.current += value
    elif role == "hundred" and isinstance(value, int):
        if value == 100 and acc.last == "unit" and not wa and 1 <= acc.current <= 9:
            acc.current *= 100  # ثلاث مئة
        else:
            acc.current += value
    elif role in ("scale_one", "scale_plural", "scale_accusative") and isinstance(value, int):
        if role == "scale_plural" and not 3 <= acc.current <= 10:
            return False  # آلاف alone: "thousands of", no number
        acc.total += (acc.current or 1) * value
        acc.current = 0
    elif role == "scale_two" and isinstance(value, int) and acc.current == 0:
        acc.total += 2 * value
    elif role == "fraction" and wa and acc.words:
        acc.total += value
    else:
        return False
    acc.last, acc.words = role, acc.words + 1
    return True


def _ordinal(toks: list[tuple[int, int, str]], i: int, lex: _Lex) -> tuple[int, int] | None:
    """An ordinal at word ``i``: ``(value, next)`` (``الحادي والعشرين`` = 21)."""
    unit = lex.words.get(fold(toks[i][2]) + "+")
    if unit is not None and i + 1 < len(toks):
        ten = _lookup(toks, i + 1, lex)
        if ten is not None and ten[0] == "ordinal" and ten[3] and ten[1] in range(20, 100, 10):
            return int(unit[1]) + int(ten[1]), ten[2]
    found = _lookup(toks, i, lex)
    if found is not None and found[0] == "ordinal" and not found[3]:
        return int(found[1]), found[2]
    return None


def _cardinal(toks: list[tuple[int, int, str]], i: int, lex: _Lex) -> tuple[int | float, Kind, int, int] | None:
    """A cardinal (or percent) phrase at word ``i``: ``(value, kind, next, words)``."""
    acc = _Acc()
    k = i
    start_digits = _digits(toks[i][2])
    if start_digits is not None:
        if not start_digits.is_integer():
            acc.total = start_digits
        else:
            acc.current = int(start_digits)
        acc.last, acc.words, k = "unit", 1, i + 1
    while k < len(toks):
        found = _lookup(toks, k, lex)
        if found is None:
            break
        role, value, nxt, wa = found
        if role == "percent" and acc.words:
            return acc.value, "percent", nxt, acc.words + 1
        if start_digits is not None and not role.startswith("scale"):
            break
        if not _step(acc, role, value, wa or (k == i and acc.words == 0)):
            break
        k = nxt
    if acc.words == 0 or (start_digits is not None and acc.words == 1):
        return None
    return acc.value, "cardinal", k, acc.words


def find_numbers(text: str) -> list[NumberMatch]:
    """The number phrases of ``text`` (see the module docstring), in order, without overlaps.

    A glued or separate ``و`` before a phrase stays outside it; digits alone
    are not phrases, but digits with a scale or percent word are
    (``٥ ملايين``, ``5 في المئة``).
    """
    if not isinstance(text, str):
        raise TypeError(f"find_numbers takes str, not {type(text).__name__}")
    lex = _lex()
    toks = _tokens(text)
    out: list[NumberMatch] = []
    i = 0
    while i < len(toks):
        found = _cardinal(toks, i, lex)
        value: int | float
        kind: Kind
        if found is not None:
            value, kind, nxt = found[0], found[1], found[2]
        else:
            ordinal = _ordinal(toks, i, lex)
            if ordinal is None:
                i += 1
                continue
            value, kind, nxt = ordinal[0], "ordinal", ordinal[1]
        start, end = toks[i][0], toks[nxt - 1][1]
        if fold(toks[i][2])[:1] == "\u0648" and fold(toks[i][2]) not in lex.words:
            start += 1  # the conjunction wa- glued to the first word
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        out.append(NumberMatch(start, end, text[start:end], value, kind))
        i = nxt
    return out


def _ambiguous(m: NumberMatch) -> bool:
    """A lone short unit word (ست, خمس, سبع, صفر ...) is too often something else."""
    if " " in m.text.strip() or m.kind != "cardinal" or not isinstance(m.value, int):
        return False
    word = fold(m.text)
    return m.value <= 10 and m.value != 2 and not word.endswith("\u0647")


def rewrite_numbers(text: str, *, ordinals: bool = False) -> str:
    """``text`` with its number phrases written in ASCII digits (``5%`` for percents).

    Ordinals are rewritten only with ``ordinals=True``; a lone short unit word
    that is often something else (``ست``, ``سبع``, ``صفر``) is left alone.

    >>> rewrite_numbers("ارتفع بنسبة خمسة في المئة إلى ألفين وخمسة عشر")
    'ارتفع بنسبة 5% إلى 2015'
    """
    pieces: list[str] = []
    last = 0
    for m in find_numbers(text):
        if (m.kind == "ordinal" and not ordinals) or _ambiguous(m):
            continue
        value = f"{m.value:g}" if isinstance(m.value, float) else str(m.value)
        pieces += [text[last : m.start], value + ("%" if m.kind == "percent" else "")]
        last = m.end
    return "".join(pieces) + text[last:] if pieces else text


def words_to_number(text: str) -> int | float | None:
    """The value of ``text`` if it is exactly one number phrase, else None.

    >>> words_to_number("خمسمية واربعطاشر"), words_to_number("الحادي عشر")
    (514, 11)
    """
    found = find_numbers(text.strip())
    if len(found) != 1 or found[0].text != text.strip():
        return None
    return found[0].value


def number_to_words(n: int) -> str:
    """``n`` (0 to 10**12 - 1) in standard Arabic words, citation forms.

    Raises:
        NumberRangeError: for other values.

    >>> number_to_words(2015)
    'ألفان وخمسة عشر'
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MAX:
        raise NumberRangeError(n, MAX)
    if n == 0:
        return _lex().citation[0]
    parts = []
    for scale in (10**9, 10**6, 10**3):
        count, n = divmod(n, scale)
        if count:
            parts.append(_scaled(count, scale))
    if n:
        parts.append(_below_thousand(n))
    return " و".join(parts)


def _scaled(count: int, scale: int) -> str:
    forms = _lex().scales[scale]
    if count == 1:
        return forms["one"]
    if count == 2:
        return forms["two"]
    if 3 <= count <= 10:
        return f"{_below_thousand(count)} {forms['plural']}"
    if count % 100 in range(11, 100):
        return f"{_below_thousand(count)} {forms['accusative']}"
    return f"{_below_thousand(count)} {forms['one']}"


def _below_thousand(n: int) -> str:
    citation = _lex().citation
    hundreds, rest = divmod(n, 100)
    parts = [citation[hundreds * 100]] if hundreds else []
    if rest and rest in citation:
        parts.append(citation[rest])
    elif rest:
        parts.append(f"{citation[rest % 10]} و{citation[rest - rest % 10]}")
    return " و".join(parts)
