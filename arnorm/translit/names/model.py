"""The statistical name model: a joint-sequence (graphone) n-gram model.

A *graphone* pairs one Arabic letter with the 0-3 Latin letters it was spelled
with in a training name (``ث``/``th``, ``و``/``ou``, ``ي``/``""``).  A name pair
is a sequence of graphones, and an n-gram model over graphones gives the joint
probability of an Arabic spelling and a Latin one (Bisani & Ney 2008, as used
in grapheme-to-phoneme conversion).  Transliterating is finding the Latin
strings whose graphone sequences, read on the Arabic side, spell the input and
score best: a beam search over the input letters.

The model is trained offline by ``scripts/train_names.py`` (see it for the data
and its licences) and shipped as ``arnorm/data/names/model.json`` (metadata and
the graphone vocabulary) plus ``model.npz`` (n-gram log10 probabilities and
back-off weights).  It is loaded lazily, once, on first use.

Letters the model never saw (rare Persian forms, for instance) are spelled
with a fixed fallback letter table at a fixed penalty, so every input gets an
answer.
"""

from __future__ import annotations

import dataclasses
import functools
import heapq
import io
import json
import math
import operator
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ...datafile import load_json, read_bytes, validate
from ...errors import ArnormError, DataFileError

__all__ = ["Candidate", "JointModel", "load_model"]

#: Spelling of a letter the model has no graphone for (rare letters only).
FALLBACK_LETTERS = {
    "\u0621": "", "\u0622": "a", "\u0623": "a", "\u0624": "u", "\u0625": "i", "\u0626": "i",
    "\u0627": "a", "\u0628": "b", "\u0629": "a", "\u062a": "t", "\u062b": "th", "\u062c": "j",
    "\u062d": "h", "\u062e": "kh", "\u062f": "d", "\u0630": "dh", "\u0631": "r", "\u0632": "z",
    "\u0633": "s", "\u0634": "sh", "\u0635": "s", "\u0636": "d", "\u0637": "t", "\u0638": "z",
    "\u0639": "", "\u063a": "gh", "\u0641": "f", "\u0642": "q", "\u0643": "k", "\u0644": "l",
    "\u0645": "m", "\u0646": "n", "\u0647": "h", "\u0648": "w", "\u0649": "a", "\u064a": "y",
    "\u067e": "p", "\u0686": "ch", "\u0698": "zh", "\u06af": "g", "\u06a4": "v",
}
_FALLBACK_LOGP = -6.0  # log10 probability charged for a fallback letter
MIN_GRAPHONES = 4  # letters with fewer graphones than this use FALLBACK_LETTERS
PRUNE = 2.5  # successors this far (log10) below the best one are not explored (measured: 4.0 is 10x slower, no better)


@dataclass(frozen=True)
class Candidate:
    """One transliteration hypothesis.

    Attributes:
        latin: the Latin spelling, lower case.
        logp: log10 of the joint probability of (input, latin) under the model,
            summed over the segmentations found by the search.
    """

    latin: str
    logp: float


class JointModel:
    """A back-off n-gram model over graphones, with n-best and forced-alignment search."""

    def __init__(self, meta: dict[str, object], arrays: dict[str, np.ndarray]) -> None:
        vocab = meta["vocab"]
        assert isinstance(vocab, list)
        self.order = int(meta["order"])  # type: ignore[call-overload]
        self.meta = {k: v for k, v in meta.items() if k != "vocab"}
        self.arabic: list[str] = [str(a) for a, _ in vocab]
        self.latin: list[str] = [str(la) for _, la in vocab]
        self._lp: dict[tuple[int, ...], float] = {}
        self._bow: dict[tuple[int, ...], float] = {}
        for k in range(1, self.order + 1):
            grams = arrays[f"ngram{k}"].tolist()
            self._lp.update(zip(map(tuple, grams), arrays[f"logp{k}"].tolist()))
            if k > 1 and f"ctx{k}" in arrays:
                ctxs = arrays[f"ctx{k}"].tolist()
                self._bow.update(zip(map(tuple, ctxs), arrays[f"bow{k}"].tolist()))
        self._contexts = frozenset(g[:-1] for g in self._lp)
        unigram = {g[0]: p for g, p in self._lp.items() if len(g) == 1}
        self._floor = min(unigram.values()) - 1.0
        by_letter: dict[str, list[int]] = {}
        for gid, a in enumerate(self.arabic):
            if gid > 1:
                by_letter.setdefault(a, []).append(gid)
        # a letter with fewer than MIN_GRAPHONES graphones was too rare in training to trust (Persian گ
        # aligned once as "gg"): it is spelled from the fallback table instead
        self._by_letter = {
            a: tuple(sorted(ids, key=lambda g: -unigram.get(g, self._floor)))
            for a, ids in by_letter.items()
            if len(ids) >= MIN_GRAPHONES or a not in FALLBACK_LETTERS
        }
        self._succ: dict[tuple[tuple[int, ...], str], tuple[float, tuple[_Move, ...]]] = {}
        self._states: dict[tuple[int, ...], _State] = {}
        # contexts that are no n-gram themselves (besides the start): a prefix-closed model (the
        # trainer's) has none, and then a backed-off continuation never opens a longer context
        self._open = frozenset(c for c in self._contexts if c and c not in self._lp and c[-1] > 1)
        self._children = _children(arrays, self.order)

    def moves(self, history: tuple[int, ...], letter: str) -> tuple[float, tuple[_Move, ...]]:
        """The continuations of the reduced ``history`` that read ``letter``: (shift, moves best first).

        A move (:data:`_Move`) has log10 probability ``shift`` + its first
        field.  The list is the next shorter history's, scaled by the back-off
        weight (only the shift changes: the same tuple is shared), with the
        n-grams stored for ``history`` itself merged in; continuations more than
        :data:`PRUNE` below the best are dropped.  A continuation that is no
        n-gram of ``history`` leads to the state the shorter history's list
        already gives it (it is no context either, see :attr:`_open`), so only
        the stored n-grams need a new state.  Cached: histories recur across words.
        """
        key = (history, letter)
        found = self._succ.get(key)
        if found is not None:
            return found
        if not history:
            floor = self._floor
            found = (0.0, _pruned([self._move((), g, self._lp.get((g,), floor)) for g in self._by_letter.get(letter, ())]))
        else:
            shift, lower = self.moves(history[1:], letter)
            shift += self._bow.get(history, 0.0)
            arabic = self.arabic
            stored = {
                g: self._lp[history + (g,)] - shift for g in self._children.get(history, ()) if arabic[g] == letter
            }
            if self._open:
                stored.update({m[3]: m[0] for m in lower if m[3] not in stored and history + (m[3],) in self._open})
            if stored:
                merged = [m for m in lower if m[3] not in stored]
                merged.extend(self._move(history, g, raw) for g, raw in stored.items())
                lower = _pruned(merged)
            found = (shift, lower)
        if len(self._succ) > 300_000:
            self._succ.clear()
            for node in self._states.values():
                node.lists.clear()
        self._succ[key] = found
        return found

    def _move(self, history: tuple[int, ...], g: int, raw: float) -> _Move:
        """The move to graphone ``g`` after ``history`` (``raw``: its log10 p less its list's shift)."""
        la = self.latin[g]
        return (raw, la, self._node(self.state((history + (g,))[-(self.order - 1) :])), g)

    def _node(self, state: tuple[int, ...]) -> _State:
        """The one :class:`_State` of a reduced history."""
        node = self._states.get(state)
        if node is None:
            node = self._states[state] = _State(state)
        return node

    def _lists(self, node: _State, letter: str) -> tuple[float, tuple[_Move, ...]]:
        """:meth:`moves` from ``node`` (cached on it), or the fallback move for a letter the model lacks.

        The fallback spells the letter from :data:`FALLBACK_LETTERS`, and the
        model goes on as if the letter were not there (the state does not change).
        """
        if letter in self._by_letter:
            found = self.moves(node.history, letter)
        else:
            found = (0.0, ((_FALLBACK_LOGP, FALLBACK_LETTERS.get(letter, ""), node, 0),))
        node.lists[letter] = found
        return found

    def state(self, history: tuple[int, ...]) -> tuple[int, ...]:
        """The shortest suffix of ``history`` that predicts exactly as ``history`` does.

        A history that is no n-gram's context backs off at no cost, so
        hypotheses that share the reduced state can be merged.
        """
        contexts = self._contexts
        while history and history not in contexts:
            history = history[1:]
        return history

    def logp(self, history: tuple[int, ...], gid: int) -> float:
        """log10 p(graphone ``gid`` | ``history``) with back-off."""
        bo = 0.0
        h = history
        lp = self._lp
        while True:
            p = lp.get(h + (gid,))
            if p is not None:
                return bo + p
            if not h:
                return bo + self._floor
            bo += self._bow.get(h, 0.0)
            h = h[1:]

    def letters(self) -> frozenset[str]:
        """The Arabic letters the model has graphones for."""
        return frozenset(self._by_letter)

    # ------------------------------------------------------------------- search

    def nbest(self, word: str, k: int = 10, beam: int = 16) -> list[Candidate]:
        """The ``k`` best Latin spellings of one normalized Arabic word, best first.

        Hypotheses that spell the same Latin string by different segmentations
        are merged (their probabilities add up).
        """
        return self._search(word, None, k, beam)

    def score(self, word: str, latin: str, beam: int = 40) -> float:
        """log10 joint probability of spelling ``word`` as ``latin`` (-inf if impossible).

        ``latin`` is compared in lower case, letters a-z only.
        """
        found = self._search(word, latin, 1, beam)
        return found[0].logp if found else -math.inf

    def _search(self, word: str, target: str | None, k: int, beam: int) -> list[Candidate]:
        """Beam search over the letters of ``word``; memory and time linear in its length.

        Only the current position's beam is kept.  A hypothesis is its log10
        score keyed by (model state, Latin output), so that segmentations
        spelling the same string in the same state merge (the best one counts).

        Before the last letter only the ``beam`` best keys survive to the next
        position, so a move scoring below a lower bound of the ``beam``-th best
        key seen so far (the ``beam`` best first scores of the keys added) is
        not followed: the same beams as expanding every move, at a fraction of
        the cost.
        """
        if not word:
            raise ArnormError("cannot transliterate an empty word")
        current: dict[tuple[_State, str], float] = {(self._node((0,)), ""): 0.0}
        last = len(word) - 1
        bound = -math.inf
        for pos, letter in enumerate(word):
            items: Iterable[tuple[tuple[_State, str], float]] = current.items()
            if len(current) > beam:  # keys below the last bound are not among the beam best
                items = heapq.nlargest(beam, [kv for kv in items if kv[1] >= bound], key=_SCORE)
            nxt: dict[tuple[_State, str], float] = {}
            # lower bound of the beam-th best key's score (a key's score only grows once added)
            heap: list[float] = []
            room = beam if pos < last else -1  # the last position keeps every key
            bound = -math.inf
            for (node, text), score in items:
                shift, moves = node.lists.get(letter) or self._lists(node, letter)
                base = score + shift
                for raw, la, state, _ in moves:
                    s = base + raw
                    if s < bound:
                        break  # moves come best first
                    if target is not None and not target.startswith(la, len(text)):
                        continue
                    key = (state, text + la)
                    old = nxt.get(key)
                    if old is None:
                        if room > 0:
                            heapq.heappush(heap, s)
                            room -= 1
                            if not room:
                                bound = heap[0]
                        elif not room and s > bound:
                            heapq.heapreplace(heap, s)
                            bound = heap[0]
                    elif s <= old:
                        continue
                    nxt[key] = s
            current = nxt
        return self._finish(current, target, k)

    def _finish(
        self, current: dict[tuple[_State, str], float], target: str | None, k: int
    ) -> list[Candidate]:
        """The ``k`` best strings of the final hypotheses, summed over the states that spell each."""
        totals: dict[str, float] = {}
        for (node, text), score in current.items():
            if target is not None and text != target:
                continue
            lp = node.end
            if lp is None:
                lp = node.end = self.logp(node.history, 1)
            s = score + lp
            prev = totals.get(text)
            totals[text] = s if prev is None else _log10_add(prev, s)
        best = heapq.nlargest(k, totals.items(), key=_SCORE)
        return [Candidate(text, logp) for text, logp in best]


def _children(arrays: dict[str, np.ndarray], order: int) -> dict[tuple[int, ...], list[int]]:
    """The graphones stored after each context (n-grams of order 2 and up), in the file's order.

    Built with NumPy: a stable sort of each order's n-grams by context, cut
    where the context changes.
    """
    index: dict[tuple[int, ...], list[int]] = {}
    for k in range(2, order + 1):
        grams = arrays[f"ngram{k}"]
        if not len(grams):
            continue
        grams = grams[np.lexsort(grams[:, :-1].T[::-1])]  # lexsort is stable: the file's order within a context
        ctx = grams[:, :-1]
        cuts = (np.flatnonzero(np.any(ctx[1:] != ctx[:-1], axis=1)) + 1).tolist()
        last = grams[:, -1].tolist()
        bounds = zip([0, *cuts], [*cuts, len(last)])
        index.update(zip(map(tuple, ctx[[0, *cuts]].tolist()), (last[a:b] for a, b in bounds)))
    return index


class _State:
    """A reduced history (:meth:`JointModel.state`) as the search meets it, with what it caches.

    One object per history, so that search keys hash by identity; it holds its
    successor lists by letter and its end-of-word log10 probability.
    """

    __slots__ = ("end", "history", "lists")

    def __init__(self, history: tuple[int, ...]) -> None:
        self.history = history
        self.lists: dict[str, tuple[float, tuple[_Move, ...]]] = {}
        self.end: float | None = None


#: A search move: (log10 p less its list's shift, Latin letters, next state, graphone).
_Move = tuple[float, str, _State, int]
_RAW = operator.itemgetter(0)
_SCORE = operator.itemgetter(1)


def _pruned(moves: list[_Move]) -> tuple[_Move, ...]:
    """``moves`` best first, without those more than :data:`PRUNE` below the best."""
    moves.sort(key=_RAW, reverse=True)
    if not moves:
        return ()
    cut = moves[0][0] - PRUNE
    return tuple(m for m in moves if m[0] >= cut)


def _log10_add(a: float, b: float) -> float:
    """log10(10**a + 10**b) without overflow."""
    if a < b:
        a, b = b, a
    return a + math.log10(1.0 + 10.0 ** (b - a))


@dataclass(frozen=True)
class ModelMeta:
    """The fields of ``model.json`` the model needs (the rest is provenance, kept as it is)."""

    name: str
    description: str
    source: str
    order: int
    max_chunk: tuple[int, int]
    vocab: tuple[tuple[str, str], ...]


def _checked_meta(meta: Any, where: str) -> dict[str, Any]:
    known = {f.name for f in dataclasses.fields(ModelMeta)}
    validate({k: v for k, v in meta.items() if k in known}, ModelMeta, where)
    return dict(meta)


@functools.cache
def load_model() -> JointModel:
    """The shipped model (loaded once, on first use; validated by :mod:`arnorm.datafile`)."""
    meta = _checked_meta(load_json("names/model.json"), "names/model.json")
    try:
        with np.load(io.BytesIO(read_bytes("names/model.npz")), allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
    except (OSError, ValueError) as exc:
        raise DataFileError("names/model.npz", f"not a NumPy .npz archive: {exc}") from None
    return JointModel(meta, arrays)


def model_from_files(json_path: str, npz_path: str) -> JointModel:
    """A model from explicit files (for training experiments)."""
    with open(json_path, encoding="utf-8") as f:
        meta = _checked_meta(json.load(f), json_path)
    with np.load(npz_path, allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    return JointModel(meta, arrays)
