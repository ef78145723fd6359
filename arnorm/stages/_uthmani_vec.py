"""The character rules of the ``uthmani`` stage's vectorised path (see
:mod:`arnorm.stages._uthmani_fast`), one function per rule family.

Each rule function takes a :class:`Cells` (the candidates of one slice:
positions of the code units the rules look at, their words) and adds to it:
the words that must go through ``standard_word`` (``complex_w``), the words
FEATURE would match (``feature_w``), and edits of the simple words:
replacements, deletions and clusters deleted whole, each with its word.
The clusters around a candidate are read by walking over the marks before or
after it, one step of every walk at a time (:func:`walk`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from .._fastmap import numpy
from ..chars import LINE_BREAKS
from ._uthmani_rules import _MARK_CLASS, LETTERS_AND_MARKS

__all__ = ["Cells", "dagger_alef", "maksura", "rounded_zero", "small_letters", "tables", "wasla"]

# bits of the per-unit flag table
_LM, _MARK, _CAND, _BREAK, _STRONG = 1, 2, 4, 8, 16
# bits of the per-mark table (what a cluster's marks hold)
_F, _D, _K, _S, _SH, _DAG, _KEPT, _RZ = 1, 2, 4, 8, 16, 32, 64, 128

_ALEF, _WAW, _YEH, _MAKSURA, _HEH, _LAM = 0x0627, 0x0648, 0x064A, 0x0649, 0x0647, 0x0644
_WASLA, _DAGGER, _HAMZA, _RZERO = 0x0671, 0x0670, 0x0621, 0x06DF
_SMALL_WAW, _SMALL_YEH = 0x06E5, 0x06E6
_NONE = 0xFFFF  # "no next base": the cluster ends the word
_DEPTH = 8  # how far a cluster's marks are looked through

#: Characters whose word always takes ``standard_word``.
_COMPLEX = "\u0621\u0622\u0640\u0654\u0655\u06dc\u06e7\u06e8\u06e9"
#: Letters after the dagger of one of the ``dagger_silent`` stems (their hamza forms too).
_AFTER_SILENT = "\u0630\u0644\u0646\u0643\u0647\u0621\u0622\u0623\u0625\u0624\u0626"
_SILENT_BASES = "\u0647\u0630\u0644\u0645"
#: Code points only Uthmani text uses (lines without any, or ءَا, are left alone).
_STRONG_CHARS = "\u0671\u0670\u0654\u06e5\u06e6\u06df"
#: Marks that make a word an Uthmani word (the first class of FEATURE), and the letters too.
_CLASS1 = "".join(
    chr(c) for c in [0x0671, 0x0670, 0x0654, *range(0x06D6, 0x06EE), *range(0x0610, 0x061B)]
)


@functools.cache
def tables() -> tuple[Any, Any, Any, Any]:
    """``(flags, bits, class1, mark)``: per-unit flags, per-unit mark bits, the first
    FEATURE class and MARK_CLASS as boolean tables."""
    import re

    np = numpy()
    flags = np.zeros(0x10000, dtype=np.uint8)
    marks = [c for c in LETTERS_AND_MARKS if re.fullmatch(f"[{_MARK_CLASS}]", c)]
    for c in LETTERS_AND_MARKS:
        flags[ord(c)] |= _LM
    for c in marks:
        flags[ord(c)] |= _MARK
    kept = [chr(c) for c in range(0x064B, 0x0653)]
    for c in [*_CLASS1, *_COMPLEX, "\u0649", *(m for m in marks if m not in kept)]:
        flags[ord(c)] |= _CAND
    for c in LINE_BREAKS:
        flags[ord(c)] |= _BREAK
    for c in _STRONG_CHARS:
        flags[ord(c)] |= _STRONG
    bits = np.zeros(0x10000, dtype=np.uint8)
    for cp, b in ((0x064B, _F), (0x064E, _F), (0x064C, _D), (0x064F, _D), (0x064D, _K), (0x0650, _K),
                  (0x0652, _S), (0x06E1, _S), (0x0651, _SH), (_DAGGER, _DAG), (_RZERO, _RZ)):
        bits[cp] |= b
    for c in kept:
        bits[ord(c)] |= _KEPT
    class1 = np.zeros(0x10000, dtype=bool)
    class1[[ord(c) for c in _CLASS1]] = True
    is_mark = (flags & _MARK) != 0
    return flags, bits, class1, is_mark


#: Units of padding (spaces) on each side of a slice: every window stays inside the array.
_PAD = _DEPTH + 1


def walk(np: Any, pu: Any, at: Any, step: int) -> tuple[Any, Any, Any]:
    """From each position of ``at``, step over the marks in direction ``step`` (+1 or -1):
    the first unit that is not a mark (may be -1 or the length: the padding), the
    bits of the marks stepped over, and whether they ran past :data:`_DEPTH` units
    (then the first two results are meaningless).  ``pu`` is the slice with
    :data:`_PAD` spaces on each side.  Three units first, the rest only where needed."""
    end, bits, over = _window(np, pu, at, step, 3)
    if over.any():
        again = np.flatnonzero(over)
        e2, b2, o2 = _window(np, pu, at[again], step, _DEPTH)
        end[again], bits[again], over[again] = e2, b2, o2
    return end, bits, over


def _window(np: Any, pu: Any, at: Any, step: int, depth: int) -> tuple[Any, Any, Any]:
    _, bits_t, _, is_mark = tables()
    last = at + _PAD  # the last mark stepped over (or the start), in padded positions
    bits = np.zeros(len(at), dtype=np.uint8)
    inside = np.ones(len(at), dtype=bool)
    for _ in range(depth):  # one step of every walk at a time: 1-D operations only
        u = pu[last + step]
        inside &= is_mark[u]
        np.bitwise_or(bits, bits_t[u], out=bits, where=inside)
        np.add(last, step, out=last, where=inside)
    return last + (step - _PAD), bits, inside


def back(np: Any, pu: Any, at: Any) -> tuple[Any, Any, Any]:
    """For positions ``at``: the nearest unit before each that is not a mark (or -1),
    the bits of the marks in between, and whether they ran past the window."""
    return walk(np, pu, at, -1)


def forward(np: Any, pu: Any, at: Any) -> tuple[Any, Any, Any]:
    """For base positions ``at``: where each cluster ends (the next unit that is not a
    mark, or the end), the bits of its marks, and whether they ran past the window."""
    return walk(np, pu, at, 1)


def spread(np: Any, starts: Any, lengths: Any) -> Any:
    """Every position of the ranges ``[starts[k], starts[k] + lengths[k])``, in order."""
    return np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))


@functools.cache
def char_set(chars: str) -> Any:
    """A boolean table over the 64K code units: which are in ``chars``."""
    np = numpy()
    table = np.zeros(0x10000, dtype=bool)
    table[[ord(c) for c in chars]] = True
    return table


@dataclass
class Cells:
    """The candidates of one slice and what the rules find about them."""

    units: Any  #: the slice's code units
    pu: Any  #: the same with :data:`_PAD` spaces on each side
    cand: Any  #: positions of the units the rules look at
    cu: Any  #: their units
    cflags: Any  #: their flags
    wi: Any  #: the index of each one's word (into the slice's word bounds)
    ws: Any  #: where each one's word starts
    we: Any  #: where it ends
    complex_w: Any  #: per word: through ``standard_word``
    feature_w: Any  #: per word: FEATURE matches it
    reps: list[tuple[Any, Any, Any]] = field(default_factory=list)  #: (positions, new units, words)
    dels: list[tuple[Any, Any]] = field(default_factory=list)  #: (positions, words)
    spans: list[tuple[Any, Any, Any]] = field(default_factory=list)  #: clusters deleted: (starts, ends, words)

    def unit(self, at: Any, inside: Any) -> Any:
        """The unit at each position of ``at`` (within the padding) where ``inside``, else _NONE."""
        np = numpy()
        return np.where(inside, self.pu[at + _PAD], _NONE)

    def alefs(self, at: Any, words: Any) -> None:
        """Replace the units at ``at`` with alef."""
        np = numpy()
        self.reps.append((at, np.full(len(at), _ALEF, dtype=np.uint16), words))


def _cluster_of_mark(np: Any, c: Cells, code: int) -> tuple[Any, ...] | None:
    """For the candidates that are the mark ``code``: the mark, its word, the word's
    bounds, its base, cluster end, bits, next base, previous base (or _NONE), its
    bits, whether there is one, and which of them ran past the window."""
    sel = np.flatnonzero(c.cu == code)
    if not len(sel):
        return None
    p, w, start, stop = c.cand[sel], c.wi[sel], c.ws[sel], c.we[sel]
    q, _, over = back(np, c.pu, p)
    ok = ~over & (q >= start)  # else the word starts with a mark, or the marks run on
    c.complex_w[w[~ok]] = True
    p, w, start, stop, q = p[ok], w[ok], start[ok], stop[ok], q[ok]
    ce, bits, over1 = forward(np, c.pu, q)
    pb, pbits, over2 = back(np, c.pu, q)
    has_prev = pb >= start
    return (p, w, start, stop, q, ce, bits, c.unit(ce, ce < stop), c.unit(pb, has_prev), pb, pbits, has_prev,
            over1 | over2)


def dagger_alef(np: Any, c: Cells) -> None:
    """A dagger alef: alef after its cluster (in place), or the vowel of a bare waw
    (which becomes alef) or of a final alef maksura (which stays)."""
    found = _cluster_of_mark(np, c, _DAGGER)
    if found is None:
        return
    p, w, start, _, q, ce, bits, nb, _, pb, _, has_prev, bad = found
    b = c.units[q]
    for j in range(1, _DEPTH + 1):  # another dagger in the cluster, or a kept mark after this one
        tail = c.unit(p + j, p + j < ce)
        bad |= ((tail >= 0x064B) & (tail <= 0x0652)) | (tail == _DAGGER)
        bad |= c.unit(p - j, p - j > q) == _DAGGER
    bad |= char_set("\u0640\u06e5\u06e6\u0621\u0622")[b]
    # the particles يٰ and هٰ (يٰ also after و or ف), the dagger_silent stems
    bad |= (q == start) & char_set("\u064a\u0647")[b]
    bad |= (b == _YEH) & has_prev & (pb == start) & char_set("\u0648\u0641")[c.units[start]]
    bad |= char_set(_SILENT_BASES)[b] & char_set(_AFTER_SILENT)[nb]
    vowel = (bits & (_F | _D | _K | _S)) != 0
    bad |= (b == _MAKSURA) & (nb != _NONE) & ~vowel  # a medial one depends on later clusters
    c.complex_w[w[bad]] = True
    keep = ~bad
    p, q, w, b, vowel = p[keep], q[keep], w[keep], b[keep], vowel[keep]
    seat = ~vowel & ((b == _WAW) | (b == _MAKSURA))  # the dagger is the letter's vowel
    waw = seat & (b == _WAW)
    c.alefs(q[waw], w[waw])
    c.dels.append((p[seat], w[seat]))
    c.alefs(p[~seat], w[~seat])


def rounded_zero(np: Any, c: Cells) -> None:
    """A rounded zero: deleted; with its alef before a yeh or after an alef."""
    found = _cluster_of_mark(np, c, _RZERO)
    if found is None:
        return
    p, w, start, stop, q, ce, _, nb, pbase, _, pbits, has_prev, bad = found
    b = c.units[q]
    bad |= char_set("\u064a\u0649\u06e5\u06e6\u0624\u0671\u0640")[b]
    alef = b == _ALEF
    # the plural alef: a final alef after waw, in a word that may be a participle or أولوا
    plural = alef & (nb == _NONE) & (pbase == _WAW)
    if plural.any():
        first = c.units[start]
        e0, _, over0 = forward(np, c.pu, start)
        second = c.unit(e0, e0 < stop)
        ma = char_set("\u0645\u0623")
        bad |= plural & (ma[first] | (char_set("\u0648\u0641")[first] & ma[second]) | over0)
    # after wasla, small waw/yeh, tatweel or hamza on waw, or after a waw with dagger alef
    bad |= alef & char_set("\u0671\u06e5\u06e6\u0640\u0624")[pbase]
    bad |= alef & (pbase == _WAW) & ((pbits & _DAG) != 0)
    c.complex_w[w[bad]] = True
    keep = ~bad
    p, q, w, ce, nb, pbase, alef, has_prev = (
        p[keep], q[keep], w[keep], ce[keep], nb[keep], pbase[keep], alef[keep], has_prev[keep]
    )
    gone = alef & has_prev & ((pbase == _ALEF) | (nb == _YEH) | (nb == _MAKSURA))
    c.spans.append((q[gone], ce[gone], w[gone]))
    c.dels.append((p[~gone], w[~gone]))


def wasla(np: Any, c: Cells) -> None:
    """Alef wasla: alef; before a lam with shadda (the article before a lam) the word rules."""
    sel = np.flatnonzero(c.cu == _WASLA)
    if not len(sel):
        return
    q, w = c.cand[sel], c.wi[sel]
    ce, _, bad = forward(np, c.pu, q)
    lam = np.flatnonzero(c.unit(ce, ce < c.we[sel]) == _LAM)
    if len(lam):
        _, lbits, lover = forward(np, c.pu, ce[lam])
        bad[lam] |= ((lbits & _SH) != 0) | lover
    c.complex_w[w[bad]] = True
    c.alefs(q, w)


def small_letters(np: Any, c: Cells) -> None:
    """Small waw and small yeh: their letter, or nothing after a word-final heh."""
    sel = np.flatnonzero((c.cu == _SMALL_WAW) | (c.cu == _SMALL_YEH))
    if not len(sel):
        return
    q, w = c.cand[sel], c.wi[sel]
    ce, bits, over1 = forward(np, c.pu, q)
    pb, _, over2 = back(np, c.pu, q)
    c.complex_w[w[over1 | over2 | ((bits & (_DAG | _RZ)) != 0)]] = True
    gone = (ce >= c.we[sel]) & (pb >= c.ws[sel]) & (c.unit(pb, pb >= 0) == _HEH)
    c.spans.append((q[gone], ce[gone], w[gone]))
    stay = ~gone
    new = np.where(c.units[q[stay]] == _SMALL_WAW, _WAW, _YEH).astype(np.uint16)
    c.reps.append((q[stay], new, w[stay]))


def maksura(np: Any, c: Cells) -> None:
    """Alef maksura: yeh inside a word, with a vowel or shadda, or after a kasra."""
    sel = np.flatnonzero(c.cu == _MAKSURA)
    if not len(sel):
        return
    q, w = c.cand[sel], c.wi[sel]
    ce, bits, over1 = forward(np, c.pu, q)
    pb, pbits, over2 = back(np, c.pu, q)
    medial = ce < c.we[sel]
    nxt = c.unit(q + 1, q + 1 < len(c.units))
    prv = c.unit(q - 1, q > 0)
    c.feature_w[w[medial | ((nxt >= 0x064B) & (nxt <= 0x0652)) | (prv == 0x0650) | (prv == 0x0651)]] = True
    final_kasra = ~medial & (ce == q + 2) & (nxt == 0x0650)  # يُحْىِ: two yehs, the word rules
    c.complex_w[w[over1 | over2 | ((bits & _RZ) != 0) | final_kasra]] = True
    after_kasra = (pb >= c.ws[sel]) & ((pbits & _K) != 0) & ((pbits & (_F | _D)) == 0)
    to_yeh = ((bits & _DAG) == 0) & (medial | after_kasra | ((bits & (_F | _D | _K | _S | _SH)) != 0))
    c.reps.append((q[to_yeh], np.full(int(to_yeh.sum()), _YEH, dtype=np.uint16), w[to_yeh]))
