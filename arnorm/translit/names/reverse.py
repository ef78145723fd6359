"""The reverse direction: ranked Arabic spellings of a name written in Latin letters.

``name_variants_arabic("Adel al-Jubeir")`` -> ``['عادل الجبير', ...]``.  The
same joint-sequence model that spells Arabic names in Latin letters
(:mod:`.model`) scores the pairs the other way round: a beam search over the
Latin letters, where each graphone consumes 0-3 Latin letters and writes one
Arabic letter (at most one silent Arabic letter in a row, such as the ع of
``Omar``/``عمر`` or the ا of a long vowel the Latin writes as one letter).
Known names come first from the name lexicon read backwards (every Latin
spelling of an entry points to its Arabic key), and the particles (al-, bin,
ibn, Abu, Abdul, ...) are written as Arabic writes them.
"""

from __future__ import annotations

import functools
import heapq
from collections.abc import Mapping

import regex

from .grammar import LEX_GAP, RANK_STEP, Scored, merge
from .lexicon import lexicon
from .model import JointModel, _log10_add, load_model
from .normalize import latin_key

__all__ = ["arabic_nbest", "name_variants_arabic"]

#: Latin particles and how Arabic writes them (joined to the next word when the value ends with a space-less join).
_PARTICLES: Mapping[str, str] = {
    "bin": "\u0628\u0646", "ben": "\u0628\u0646", "ibn": "\u0627\u0628\u0646", "bint": "\u0628\u0646\u062a",
    "abu": "\u0623\u0628\u0648", "abou": "\u0623\u0628\u0648", "abo": "\u0623\u0628\u0648",
    "umm": "\u0623\u0645", "um": "\u0623\u0645", "al": "\u0622\u0644",
}
_ARTICLE = "\u0627\u0644"  # ال
_ABD = "\u0639\u0628\u062f"  # عبد
_ARTICLE_PREFIX = regex.compile(r"^(?:al|el|a[dnrstz])-(?=\w)", regex.IGNORECASE)
_ABD_PREFIX = regex.compile(r"^abd(?:ul|el|al|ol|oul|u|e|a)?[- ]?(?=[a-z]{3})", regex.IGNORECASE)
_SILENT_RUN = 1  # silent Arabic letters allowed in a row
#: (history, graphone) -> (log10 p, next state); histories recur across words.
_CACHE: dict[tuple[tuple[int, ...], int], tuple[float, tuple[int, ...]]] = {}


@functools.cache
def _by_chunk(model: JointModel) -> Mapping[str, tuple[int, ...]]:
    """Graphone ids by their Latin letters (the empty string: silent Arabic letters)."""
    index: dict[str, list[int]] = {}
    for gid, latin in enumerate(model.latin):
        if gid > 1:
            index.setdefault(latin, []).append(gid)
    return {k: tuple(v) for k, v in index.items()}


def arabic_nbest(latin: str, k: int = 10, beam: int = 16, model: JointModel | None = None) -> list[Scored]:
    """The ``k`` best Arabic spellings of one Latin word (a-z after folding), with log10 scores.

    Linear in the length of the word: one beam per Latin position, with
    backpointers.
    """
    model = model or load_model()
    word = latin_key(latin)
    if not word:
        return []
    chunks = _by_chunk(model)
    keep = model.order - 1
    layers: list[dict[tuple[tuple[int, ...], int, str], tuple[float, object]]] = [{} for _ in range(len(word) + 1)]
    layers[0][((0,), 0, "")] = (0.0, None)
    finals: dict[str, float] = {}
    for j in range(len(word) + 1):
        layer = layers[j]
        for (hist, run, tail), (score, node) in list(layer.items()):
            if run < _SILENT_RUN:
                for g in chunks.get("", ()):
                    _push(layer, model, hist, g, keep, run + 1, score, node)
        items = heapq.nlargest(beam, layer.items(), key=lambda kv: kv[1][0])
        layers[j] = {}  # processed: free it (memory stays linear)
        if j == len(word):
            for (hist, _, _), (score, node) in items:
                spelled = _spell(node)
                s = score + model.logp(hist, 1)
                finals[spelled] = _log10_add(finals[spelled], s) if spelled in finals else s
            break
        for (hist, _, _), (score, node) in items:
            for size in (1, 2, 3):
                if j + size > len(word):
                    break
                for g in chunks.get(word[j : j + size], ()):
                    _push(layers[j + size], model, hist, g, keep, 0, score, node)
    best = heapq.nlargest(k, finals.items(), key=lambda kv: kv[1])
    return [Scored(arabic, lp) for arabic, lp in best if arabic]


def _push(
    layer: dict[tuple[tuple[int, ...], int, str], tuple[float, object]], model: JointModel,
    hist: tuple[int, ...], g: int, keep: int, run: int, score: float, node: object,
) -> None:
    found = _CACHE.get((hist, g))
    if found is None:
        if len(_CACHE) > 500_000:
            _CACHE.clear()
        found = _CACHE[(hist, g)] = (model.logp(hist, g), model.state((hist + (g,))[-keep:]))
    lp, state = found
    s = score + lp
    letter = model.arabic[g]
    # hypotheses merge on the model state and the last Arabic letters (a cheap stand-in for the whole string)
    key = (state, run, letter)
    old = layer.get(key)
    if old is None or s > old[0]:
        layer[key] = (s, (node, letter))


def _spell(node: object) -> str:
    """The Arabic string a backpointer chain ``(parent, letter)`` spells."""
    parts: list[str] = []
    while isinstance(node, tuple):
        parent, letter = node
        parts.append(str(letter))
        node = parent
    return "".join(reversed(parts))


@functools.cache
def _reverse_lexicon() -> Mapping[str, tuple[str, ...]]:
    """Folded Latin spelling -> Arabic keys that the lexicon spells so, best first (personal names first)."""
    index: dict[str, list[tuple[int, str]]] = {}
    for key, entry in lexicon().items():
        if " " in key:
            continue
        penalty = 5 if entry.is_place else 0
        for rank, spelling in enumerate(entry.english):
            index.setdefault(latin_key(spelling), []).append((rank + penalty, key))
    return {k: tuple(key for _, key in sorted(v)) for k, v in index.items()}


def _word_spellings(word: str, k: int) -> list[Scored]:
    """Ranked Arabic spellings of one Latin word (no particle)."""
    cands = [Scored(key, -RANK_STEP * r) for r, key in enumerate(_reverse_lexicon().get(latin_key(word), ())[:k])]
    found = arabic_nbest(word, k)
    if found:
        top = found[0].score
        gap = LEX_GAP if cands else 0.0
        cands.extend(Scored(c.text, c.score - top - gap) for c in found)
    return merge(cands, k)


def _token_spellings(token: str, k: int) -> list[Scored]:
    low = token.lower()
    if low in _PARTICLES:
        return [Scored(_PARTICLES[low], 0.0)]
    m = _ABD_PREFIX.match(low)
    if m and low not in _reverse_lexicon():
        rest = low[m.end():]
        return [Scored(_ABD + " " + _ARTICLE + s.text, s.score) for s in _word_spellings(rest, k)]
    m = _ARTICLE_PREFIX.match(low)
    if m:
        return [Scored(_ARTICLE + s.text, s.score) for s in _word_spellings(low[m.end():], k)]
    return _word_spellings(low, k)


def name_variants_arabic(name: str, k: int = 10) -> list[str]:
    """Up to ``k`` Arabic spellings of a name written in Latin letters, most likely first.

    Raises:
        TypeError: if ``name`` is not a ``str``.

    >>> name_variants_arabic("Mohammed", 3)[0]
    'محمد'
    """
    if not isinstance(name, str):
        raise TypeError(f"a name is a str, not {type(name).__name__}")
    partial = [Scored("", 0.0)]
    for token in regex.findall(r"[\p{L}'-]+", name):
        spelled = _token_spellings(token.strip("'-") or token, k)
        grown = [Scored(f"{p.text} {s.text}".strip(), p.score + s.score) for p in partial for s in spelled]
        partial = merge(grown, k) or partial
    return [c.text for c in partial if c.text][:k]
