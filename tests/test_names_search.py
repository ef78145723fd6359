"""The name model's search (arnorm.translit.names.model): the fast paths against plain definitions.

The search shares successor lists between histories (a back-off list is the
shorter history's list with a shifted score) and skips moves that cannot reach
the next beam.  Both are exact; these tests compare them with the plain
definitions they replace: the back-off probability of each graphone, and a
beam search that expands every move.
"""

from __future__ import annotations

import heapq
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from arnorm.translit.names.model import PRUNE, Candidate, JointModel, _log10_add, load_model
from arnorm.translit.names.normalize import ARABIC_LETTERS

MODEL_LETTERS = "".join(sorted(load_model().letters()))
ALL_LETTERS = "".join(sorted(ARABIC_LETTERS))


def _expand_all(model: JointModel, word: str, k: int, beam: int) -> list[Candidate]:
    """The beam search of the model's definition: every move of every kept hypothesis is expanded."""
    current: dict[tuple[tuple[int, ...], str], float] = {((0,), ""): 0.0}
    fallback = {c: model._lists(model._node(()), c)[1][0] for c in ALL_LETTERS if c not in model.letters()}
    for letter in word:
        items = heapq.nlargest(beam, current.items(), key=lambda kv: kv[1])
        nxt: dict[tuple[tuple[int, ...], str], float] = {}
        for (hist, text), score in items:
            if letter in model.letters():
                shift, moves = model.moves(hist, letter)
                steps = [(raw, la, node.history) for raw, la, node, _ in moves]
            else:  # a letter the model lacks: spelled from the fallback table, the state unchanged
                shift, steps = 0.0, [(fallback[letter][0], fallback[letter][1], hist)]
            for raw, la, state in steps:
                key = (state, text + la)
                s = score + shift + raw
                if key not in nxt or s > nxt[key]:
                    nxt[key] = s
        current = nxt
    totals: dict[str, float] = {}
    for (hist, text), score in current.items():
        s = score + model.logp(hist, 1)
        totals[text] = _log10_add(totals[text], s) if text in totals else s
    best = heapq.nlargest(k, totals.items(), key=lambda t: t[1])
    return [Candidate(text, lp) for text, lp in best]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=ALL_LETTERS, min_size=1, max_size=9))
def test_pruned_search_finds_what_expanding_every_move_finds(word: str) -> None:
    model = load_model()
    fast = model.nbest(word, 12)
    slow = _expand_all(model, word, 12, 16)
    assert [c.latin for c in fast] == [c.latin for c in slow]
    assert all(math.isclose(a.logp, b.logp, abs_tol=1e-9) for a, b in zip(fast, slow))


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=MODEL_LETTERS, min_size=1, max_size=6), st.sampled_from(MODEL_LETTERS))
def test_shared_successor_lists_hold_the_back_off_probabilities(prefix: str, letter: str) -> None:
    # walk the best path through ``prefix`` to reach a realistic history, then check every move after it
    model = load_model()
    hist: tuple[int, ...] = (0,)
    for ch in prefix:
        hist = model.moves(hist, ch)[1][0][2].history
    shift, moves = model.moves(hist, letter)
    keep = model.order - 1
    assert moves
    assert [m[0] for m in moves] == sorted((m[0] for m in moves), reverse=True)
    assert moves[-1][0] >= moves[0][0] - PRUNE
    for raw, la, node, g in moves:
        assert math.isclose(shift + raw, model.logp(hist, g), abs_tol=1e-9)
        assert node.history == model.state((hist + (g,))[-keep:])
        assert la == model.latin[g]
