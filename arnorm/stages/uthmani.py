"""The ``uthmani`` stage: Quranic (Uthmani) spelling to standard (imla'i) spelling.

The Uthmani text (Tanzil / King Fahd Complex conventions) writes many words
differently from standard spelling; the vowels it carries say how the standard
spelling goes, so the stage rewrites each word by rules, keeping the harakat:

* U+0671 alef wasla -> U+0627 alef (``ٱلْكِتَٰبُ`` -> ``الْكِتَابُ``).
* U+0670 dagger alef -> alef (``ٱلْعَٰلَمِينَ`` -> ``الْعَالَمِينَ``), except in the
  closed list ``dagger_silent`` of ``arnorm/data/uthmani.json`` (هٰذا ذٰلك لٰكن
  الرحمٰن إلٰه أولٰئك هٰؤلاء هٰكذا), where standard spelling has no alef.  On a
  bare waw or alef maksura it replaces the letter (``ٱلصَّلَوٰةَ`` -> ``الصَّلَاةَ``,
  medial ىٰ -> ا); on a word-final alef maksura it is deleted (``عَلَىٰ``).
* Vocative and attention particles joined to the next word are split:
  ``يَٰٓأَيُّهَا`` -> ``يَا أَيُّهَا``, ``يَٰقَوْمِ`` -> ``يَا قَوْمِ``, ``هَٰٓأَنتُمْ`` -> ``هَا أَنتُمْ``.
* Hamza on a tatweel (``ـٔ``) or on the line inside a word takes the seat
  the standard hamza-writing rules give from the vowels around it: medial
  hamza on the letter of the stronger vowel (kasra or a preceding yeh
  sakina: ئ; damma: ؤ; fatha: أ; after a long alef or waw with fatha: ء);
  final hamza on the letter of the preceding vowel (ء after a sukun or long
  vowel, and ئ before the alef of tanwin after a joining letter: ``شَيْـًٔا``
  -> ``شَيْئًا``).  A hamza at the start of the stem (after the proclitics
  و ف ب ك ل س أ and the article) sits on alef.  Hamza with fatha followed by
  alef is a madda: ``ءَامَنُوا`` -> ``آمَنُوا``, ``ٱلْقُرْءَانُ`` -> ``الْقُرْآنُ``.
* Alef wasla + lam with shadda is the article before a lam: ``ٱلَّيْلِ`` ->
  ``اللَّيْلِ``, except the relative pronouns الذي الذين التي (list ``single_lam``).
* U+06E5 small waw / U+06E6 small yeh: after a word-final heh (the lengthened
  pronoun, ``بِهِۦ``) deleted; anywhere else the letter they stand for
  (``دَاوُۥدَ`` -> ``دَاوُودَ``, ``ٱلنَّبِيِّۦنَ`` -> ``النَّبِيِّينَ``).  U+06E7 small high yeh
  and U+06E8 small high noon add their letter.
* U+0649 alef maksura inside a word or carrying a vowel is yeh (``شَىْءٍ`` ->
  ``شَيْءٍ``); word-final after a kasra too (``فِى`` -> ``فِي``, ``رَبِّى`` -> ``رَبِّي``).
* Yeh with U+06DF after a hamza on a kasra (``أَفَإِي۟ن``) and alef with U+06DF
  before a yeh (``لِشَا۟ىْءٍ``) are not written; U+06DC small high seen on sad
  reads seen (``وَيَبْصُۜطُ`` -> ``وَيَبْسُطُ``).
* Every other Quranic annotation mark (U+0610-U+061A, U+06D6-U+06ED: pause
  marks, small high meem of iqlab, rounded zeros) and the maddah sign
  U+0653 of prolongation are deleted; U+06E1 is written as sukun.

Only lines that hold evidence of Uthmani spelling are looked at (alef
wasla, dagger alef, combining hamza above, small waw/yeh, U+06DF, or the
madda spelled ``ءَا``), and on them only words that carry an Uthmani feature
(those, the Quranic small letters and marks, hamza on the line with a vowel
inside a word, alef maksura inside a word); so standard text passes through
unchanged, and text without evidence is returned after a few scans.  Offsets are exact to the word: the function
has a ``with_edits`` hook.  Long texts with many lines of evidence take the
NumPy paths of :mod:`arnorm.stages._uthmani_fast` (the same results).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from typing import Any

from .._fastmap import LARGE_INPUT
from ..registry import register
from ..stage import FunctionStage, Stage
from ._common import splice
from ._uthmani_fast import evidence_blocks, fast_uthmani, rewrite_word
from ._uthmani_rules import FEATURE, LETTERS_AND_MARKS, standard_word, word_list

__all__ = ["standard_word", "uthmani", "uthmani_to_standard", "word_list"]

#: Code points only Uthmani (or vocalized Quranic) text uses: alef wasla, dagger
#: alef, combining hamza above (on a tatweel), small waw, small yeh, rounded zero.
STRONG = ("\u0671", "\u0670", "\u0654", "\u06e5", "\u06e6", "\u06df")
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_FEW_HITS = 64
_MADDA = "\u0621\u064e\u0627"
_EVIDENCE = re.compile(f"[{''.join(STRONG)}]|{_MADDA}")
_MADDA_RE = re.compile(_MADDA)
_CACHE: dict[str, str] = {}
_CACHE_SIZE = 1 << 17

def _feature_words(text: str) -> list[tuple[int, int]]:
    """The spans of the words of ``text`` that carry an Uthmani feature, in order."""
    spans: list[tuple[int, int]] = []
    for match in FEATURE.finditer(text):
        start, end = match.span()
        if spans and start < spans[-1][1]:
            continue
        while start > 0 and text[start - 1] in LETTERS_AND_MARKS:
            start -= 1
        while end < len(text) and text[end] in LETTERS_AND_MARKS:
            end += 1
        spans.append((start, end))
    return spans


def _edits(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """``(start, end, new)`` for each word of ``text`` that the rules rewrite."""
    out = []
    for start, end in _feature_words(text):
        new = rewrite_word(text[start:end])
        if new != text[start:end]:
            out.append((offset + start, offset + end, new))
    return out


def _rewrite_token(token: str) -> str:
    """A whitespace-free token with its Uthmani words rewritten (memoized)."""
    new = _CACHE.get(token)
    if new is None:
        pieces, last = [], 0
        for start, end, word in _edits(token):
            pieces += [token[last:start], word]
            last = end
        new = "".join(pieces) + token[last:]
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        _CACHE[token] = new
    return new


def _hits(text: str) -> list[int]:
    """Positions of Uthmani evidence: STRONG code points, and ءَا (the Uthmani madda), up to a few."""
    hits: list[int] = []
    for char in STRONG:
        at = text.find(char)
        while at >= 0 and len(hits) <= _FEW_HITS:
            hits.append(at)
            at = text.find(char, at + 1)
    if len(hits) <= _FEW_HITS:  # str.find is slow for "ءَا" (alef is everywhere) and "ءَ"; re is not
        hits += itertools.islice((m.start() for m in _MADDA_RE.finditer(text)), _FEW_HITS + 1 - len(hits))
    return hits


def _line_spans(text: str, hits: list[int] | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every line of ``text`` that holds Uthmani evidence (see :func:`_hits`)."""
    hits = _hits(text) if hits is None else hits
    if not hits:
        return []
    if len(hits) > _FEW_HITS:
        spans, start = [], 0
        evidence = _EVIDENCE.search
        for line in text.splitlines(keepends=True):
            if evidence(line):
                spans.append((start, start + len(line)))
            start += len(line)
        return spans
    bounds = set()
    for at in hits:
        start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
        end = len(text) if end < 0 else end
        start = max(start - 1, *(text.rfind(b, start, at) for b in _LINE_BREAKS)) + 1  # within the "\n" line
        end = min([e for e in (text.find(b, at, end) for b in _LINE_BREAKS) if e >= 0], default=end)
        bounds.add((start, end))
    return sorted(bounds)


def _rewrite_span(text: str) -> str:
    """Every whitespace-separated token of ``text`` rewritten (dictionary lookups in C first)."""
    tokens = text.split(" ")
    out = list(map(_CACHE.get, tokens))
    if None in out:
        out = [_rewrite_token(t) if new is None else new for t, new in zip(tokens, out)]
    return " ".join(out)  # type: ignore[arg-type]


def _rewrite_lines(text: str) -> str:
    """:func:`_rewrite_span` on whole lines: each "\\n" is a token of its own (the tokens stay
    the words of one line, whose rewriting is cached), and its spaces go again after."""
    if "\n" not in text:
        return _rewrite_span(text)
    return _rewrite_span(text.replace("\n", " \n ")).replace(" \n ", "\n")


def _rewrite_parts(text: str, spans: Iterable[tuple[int, int]], rewrite: Callable[[str], str]) -> str:
    """``text`` with each of its ``(start, end)`` spans (in order, apart) rewritten by ``rewrite``."""
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], rewrite(text[start:end])]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def uthmani_to_standard(text: str) -> str:
    """Rewrite the words of ``text`` written in Uthmani spelling in standard spelling.

    Only lines that hold a code point of Uthmani spelling (:data:`STRONG`) or
    its madda ``ءَا`` are looked at; text without any is returned at once.
    Long texts with many such lines find them with NumPy
    (:func:`~arnorm.stages._uthmani_fast.evidence_blocks`) and rewrite each run
    of them in one pass.
    """
    hits = _hits(text)
    if len(hits) > _FEW_HITS and len(text) >= LARGE_INPUT:
        blocks = evidence_blocks(text)
        if blocks is not None:  # runs of whole lines, each rewritten in one pass
            return _rewrite_parts(text, blocks, _rewrite_lines)
    spans = _line_spans(text, hits)
    if not spans:
        return text
    if spans[0][0] == 0 and spans[-1][1] == len(text) and len(spans) > 1 and all(
        a[1] == b[0] for a, b in itertools.pairwise(spans)
    ):
        return _rewrite_span(text)  # every line is Uthmani (a Quran text): one pass
    return _rewrite_parts(text, spans, _rewrite_span)


def _with_edits(text: str) -> tuple[str, Any]:
    """``uthmani_to_standard`` and one ``(start, end, out_start, out_end)`` edit per rewritten word."""
    hits = _hits(text)
    if len(hits) > _FEW_HITS and len(text) >= LARGE_INPUT:
        fast = fast_uthmani(text, _with_edits_slow, rows=True)
        if fast is not None:
            return fast
    return _with_edits_slow(text, hits)


def _with_edits_slow(text: str, hits: list[int] | None = None) -> tuple[str, list[tuple[int, int, int, int]]]:
    """:func:`_with_edits` word by word in Python."""
    return splice(text, [e for start, end in _line_spans(text, hits) for e in _edits(text[start:end], start)])


uthmani_to_standard.with_edits = _with_edits  # type: ignore[attr-defined]


@register("uthmani", family="uthmani")
def uthmani() -> Stage:
    """Rewrite Quranic (Uthmani) spelling as standard spelling, keeping the harakat."""
    return FunctionStage(name="uthmani", func=uthmani_to_standard)
