"""Alignments: normalized spans back to the original and forth (arnorm.alignment).

The properties are the specification: for every pipeline the offsets run
through, the output is ``pipe(x)``; the alignment is valid (unchanged text
between edits really is unchanged), monotone and maps the whole range to the
whole range; every line maps exactly; round trips contain the span; and for
character maps, which are local, slicing commutes with normalizing.  A brute
force per-character reference checks the span rules of :class:`Alignment`.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pytest
from conftest import shared_file
from hypothesis import example, given
from hypothesis import strategies as st
from test_properties import IDS, PIPELINES, VARIANTS

import arnorm
from arnorm import _fastedits
from arnorm import alignment as alignment_package
from arnorm.alignment import (
    Alignment,
    AlignmentError,
    SpanError,
    normalize_with_offsets,
    stage_alignment,
)
from arnorm.alignment import edits as alignment_edits
from arnorm.alignment import model as alignment_model
from arnorm.stage import CharMap, FunctionStage, Stage
from arnorm.strategies import NASTY, any_unicode_text, arabic_text

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
texts = st.one_of(arabic_text(), any_unicode_text(surrogates=False), st.sampled_from(NASTY))
SEARCH = arnorm.preset("search")


# -- a brute-force reference for the span rules --------------------------------------------
def _reference_ranges(src0: Sequence[int], src1: Sequence[int], dst0: Sequence[int], dst1: Sequence[int],
                      src_len: int) -> list[list[int]]:
    """Per source character, its destination range; what an edit with an empty source
    side covers is attached to the character before it (to the first one at 0)."""
    ranges: list[list[int]] = []
    rows = list(zip(src0, src1, dst0, dst1))
    shift = pos = i = 0
    while True:
        if i < len(rows) and rows[i][0] == pos:
            a0, a1, b0, b1 = rows[i]
            if a0 == a1 and ranges:
                ranges[-1][1] = b1
            ranges.extend([b0, b1] for _ in range(a1 - a0))
            shift, pos, i = b1 - a1, a1, i + 1
        elif pos < src_len:
            ranges.append([pos + shift, pos + shift + 1])
            pos += 1
        else:
            break
    if ranges:
        ranges[0][0] = 0
    return ranges


def _reference_map(al: Alignment, start: int, end: int, to_original: bool) -> tuple[int, int]:
    if to_original:
        src0, src1, dst0, dst1 = al.norm_start, al.norm_end, al.orig_start, al.orig_end
        src_len, dst_len = al.norm_len, al.orig_len
    else:
        src0, src1, dst0, dst1 = al.orig_start, al.orig_end, al.norm_start, al.norm_end
        src_len, dst_len = al.orig_len, al.norm_len
    if start == 0 and end == src_len:
        return 0, dst_len
    ranges = _reference_ranges(src0.tolist(), src1.tolist(), dst0.tolist(), dst1.tolist(), src_len)
    if start < end:
        return ranges[start][0], ranges[end - 1][1]
    for a0, a1, b0, b1 in zip(src0.tolist(), src1.tolist(), dst0.tolist(), dst1.tolist()):
        if a0 < start < a1:
            return b0, b1
    point = 0 if start == 0 else ranges[start - 1][1]
    return point, point


@st.composite
def alignments(draw: st.DrawFn, orig_len: int | None = None) -> Alignment:
    """Random valid alignments: equal runs and edits of every shape (insertions too)."""
    rows: list[tuple[int, int, int, int]] = []
    a = b = 0
    budget = orig_len
    for _ in range(draw(st.integers(0, 8))):
        gap = draw(st.integers(0, 3))
        olen = draw(st.integers(0, 3))
        nlen = draw(st.integers(0, 3))
        if budget is not None:
            gap = min(gap, budget - a)
            olen = min(olen, budget - a - gap)
        if olen == nlen == 0:
            a += gap
            b += gap
            continue
        a += gap
        b += gap
        rows.append((a, a + olen, b, b + nlen))
        a += olen
        b += nlen
    tail = draw(st.integers(0, 3)) if budget is None else budget - a
    return Alignment.from_edits(rows, a + tail, b + tail)


def _spans(n: int) -> list[tuple[int, int]]:
    return [(s, e) for s in range(n + 1) for e in range(s, n + 1)]


# -- Alignment: the span rules ------------------------------------------------------------
@given(al=alignments())
def test_span_rules_match_the_reference(al: Alignment) -> None:
    for s, e in _spans(al.norm_len):
        assert al.to_original(s, e) == _reference_map(al, s, e, True), (s, e, al.edits.tolist())
    for s, e in _spans(al.orig_len):
        assert al.to_normalized(s, e) == _reference_map(al, s, e, False), (s, e, al.edits.tolist())


def _check_alignment(al: Alignment) -> None:
    """Valid, canonical, monotone, whole range to whole range, round trip contains the span."""
    assert Alignment.from_edits(al.edits, al.orig_len, al.norm_len) == al
    assert al.to_original(0, al.norm_len) == (0, al.orig_len)
    assert al.to_normalized(0, al.orig_len) == (0, al.norm_len)
    for n, mapping in ((al.norm_len, al.to_original_many), (al.orig_len, al.to_normalized_many)):
        points = np.arange(n + 1)
        starts, _ = mapping(points, np.full(n + 1, n))
        _, ends = mapping(np.zeros(n + 1, dtype=np.int64), points)
        assert (np.diff(starts) >= 0).all() and (np.diff(ends) >= 0).all()
    spans = _spans(al.norm_len) if al.norm_len <= 40 else [(0, al.norm_len)]
    starts, ends = al.to_original_many([s for s, _ in spans], [e for _, e in spans])
    back_s, back_e = al.to_normalized_many(starts, ends)
    assert (back_s <= [s for s, _ in spans]).all() and (back_e >= [e for _, e in spans]).all()
    assert (starts <= ends).all()


@given(al=alignments())
def test_alignments_are_valid_monotone_and_round_trip(al: Alignment) -> None:
    _check_alignment(al)
    _check_alignment(al.inverse())


@given(al=alignments())
def test_pickle_equality_and_hash(al: Alignment) -> None:
    clone = pickle.loads(pickle.dumps(al))
    assert clone == al and hash(clone) == hash(al)
    assert clone.to_original(0, al.norm_len) == (0, al.orig_len)
    assert not clone.orig_start.flags.writeable


def _relation(al: Alignment) -> set[tuple[int, int]]:
    """Which original characters are aligned with which normalized ones (no attachment)."""
    pairs: set[tuple[int, int]] = set()
    o = n = 0
    for a0, a1, b0, b1 in [*al.edits.tolist(), [al.orig_len, al.orig_len, al.norm_len, al.norm_len]]:
        pairs.update((o + k, n + k) for k in range(a0 - o))
        pairs.update((i, j) for i in range(a0, a1) for j in range(b0, b1))
        o, n = a1, b1
    return pairs


@given(data=st.data())
def test_compose_contains_the_chained_relation(data: st.DataObject) -> None:
    x = data.draw(alignments())
    y = data.draw(alignments(orig_len=x.norm_len))
    z = data.draw(alignments(orig_len=y.norm_len))
    xy = x.compose(y)
    assert (xy.orig_len, xy.norm_len) == (x.orig_len, y.norm_len)
    _check_alignment(xy)
    rel_y = _relation(y)
    chained = {(a, c) for a, b in _relation(x) for b2, c in rel_y if b == b2}
    assert chained <= _relation(xy)
    # Grouping may differ with the order of composition (merged runs of deletions hide an
    # inner boundary), but both orders contain the chained relation of all three.
    rel_z = _relation(z)
    chained3 = {(a, d) for a, c in chained for c2, d in rel_z if c == c2}
    for xyz in (xy.compose(z), x.compose(y.compose(z))):
        _check_alignment(xyz)
        assert chained3 <= _relation(xyz)
    assert x.compose(Alignment.identity(x.norm_len)) == x
    assert Alignment.identity(x.orig_len).compose(x) == x


def test_identity_and_inspection() -> None:
    al = Alignment.identity(5)
    assert al.is_identity and len(al) == 0 and al.nbytes == 0
    assert al.to_original(1, 3) == (1, 3)
    assert al.edits.shape == (0, 4)
    assert repr(al) == "<Alignment 5 -> 5 chars, 0 edits>"


def test_empty_span_inside_an_expansion_maps_to_the_whole_edit() -> None:
    al = Alignment.from_edits([(1, 2, 1, 5)], 3, 6)  # x + U+FDF2 + y -> x + allah + y
    assert al.to_original(3, 3) == (1, 2)
    assert al.to_original(1, 1) == (1, 1)
    assert al.to_original(5, 5) == (2, 2)


def test_insertions_attach_to_a_neighbour() -> None:
    assert Alignment.from_edits([(2, 2, 2, 4)], 3, 5).edits.tolist() == [[1, 2, 1, 4]]
    assert Alignment.from_edits([(0, 0, 0, 1)], 2, 3).edits.tolist() == [[0, 1, 0, 2]]
    assert Alignment.from_edits([(0, 0, 0, 1), (0, 1, 1, 1)], 2, 2).edits.tolist() == [[0, 1, 0, 1]]
    assert Alignment.from_edits([(1, 2, 1, 1), (2, 2, 1, 3)], 3, 4).edits.tolist() == [[1, 2, 1, 3]]
    assert Alignment.from_edits([(0, 0, 0, 3)], 0, 3).edits.tolist() == [[0, 0, 0, 3]]


def test_adjacent_deletions_merge() -> None:
    al = Alignment.from_edits([(1, 2, 1, 1), (2, 3, 1, 1), (3, 4, 1, 2)], 5, 3)
    assert al.edits.tolist() == [[1, 3, 1, 1], [3, 4, 1, 2]]


@pytest.mark.parametrize(
    ("rows", "orig_len", "norm_len"),
    [
        ([(0, 1, 0, 0)], 2, 2),  # lengths do not add up
        ([(2, 3, 2, 2), (0, 1, 0, 0)], 4, 2),  # unsorted
        ([(0, 2, 0, 1), (1, 3, 1, 2)], 4, 3),  # overlapping
        ([(1, 0, 1, 1)], 2, 3),  # ends before it starts
        ([(0, 1, 0, 1, 5)], 2, 2),  # not four columns
        ([(0, 1, 0, 1)], 5, 5 + 1),  # gap mismatch at the end
        ([], 3, 4),
    ],
)
def test_invalid_edits_are_rejected(rows: list[tuple[int, ...]], orig_len: int, norm_len: int) -> None:
    with pytest.raises(AlignmentError):
        Alignment.from_edits(rows, orig_len, norm_len)


def test_bad_spans_and_lengths_raise_arnorm_errors() -> None:
    al = Alignment.from_edits([(1, 2, 1, 1)], 3, 2)
    for span in [(-1, 1), (2, 1), (0, 3)]:
        with pytest.raises(SpanError) as info:
            al.to_original(*span)
        assert isinstance(info.value, arnorm.ArnormError)
        assert "length 2" in str(info.value)
    with pytest.raises(SpanError):
        al.to_normalized(0, 4)
    with pytest.raises(AlignmentError):
        al.compose(Alignment.identity(3))
    with pytest.raises(AlignmentError):
        Alignment.identity(-1)
    with pytest.raises(AlignmentError, match="from_edits"):
        Alignment(2, 3, np.array([1]), np.array([1]), np.array([1]), np.array([2]))
    with pytest.raises(AlignmentError, match="differ in length"):
        Alignment(2, 2, np.array([1]), np.array([1, 2]), np.array([1]), np.array([2]))


# -- normalize_with_offsets: every pipeline -------------------------------------------------
def _unchanged_text_is_unchanged(orig: str, norm: str, al: Alignment) -> None:
    """Between edits, the original and normalized texts agree character for character."""
    o = n = 0
    for a0, a1, b0, b1 in al.edits.tolist():
        assert orig[o:a0] == norm[n:b0]
        o, n = a1, b1
    assert orig[o:] == norm[n:]


def _check_pipeline(pipe: Stage, text: str) -> tuple[str, Alignment]:
    norm, al = normalize_with_offsets(pipe, text)
    assert norm == pipe(text)
    assert (al.orig_len, al.norm_len) == (len(text), len(norm))
    _unchanged_text_is_unchanged(text, norm, al)
    _check_alignment(al)
    # Every line of the original maps to exactly its own normalization.
    start = 0
    for line in text.splitlines(keepends=True):
        s, e = al.to_normalized(start, start + len(line))
        assert norm[s:e] == pipe(line)
        start += len(line)
    return norm, al


NASTY_EXAMPLES = [
    "\ufdf2\ufefb\u0640\u200c\u200f",
    "\u0640\u0640\u0640\u0640\u0640\u0640\u0640 \u0640\u0640",
    "a\r\u200f\nb \u3000  c\u2028",
    "\u0627\u0654\u064e \u0648\u0654 e\u0301 \ufdfa",
]


@pytest.mark.parametrize("name", list(arnorm.PRESETS))
@given(text=texts)
def test_every_preset(name: str, text: str) -> None:
    _check_pipeline(arnorm.preset(name), text)


@pytest.mark.parametrize("name", list(arnorm.PRESETS))
@given(text=texts, data=st.data())
@example(text="\u0623\u064e\u062d\u0652 \u0640\u0640 \ufdf2\u064e x", data=None)
def test_spans_of_consecutive_pieces_tile_the_original(name: str, text: str, data: st.DataObject | None) -> None:
    """Cut the normalized text anywhere outside an edit: the original spans of the pieces tile the original."""
    norm, al = normalize_with_offsets(arnorm.preset(name), text)
    inside = np.zeros(len(norm) + 1, dtype=bool)
    for _a0, _a1, b0, b1 in al.edits.tolist():
        inside[b0 + 1:b1] = True
    allowed = [p for p in range(1, len(norm)) if not inside[p]]
    if data is not None:
        cuts = sorted(set(data.draw(st.lists(st.sampled_from(allowed), max_size=30)))) if allowed else []
    else:  # the words, each with the space after it
        cuts = [i + 1 for i, ch in enumerate(norm[:-1]) if ch == " " and not inside[i + 1]]
    bounds = [0, *cuts, len(norm)]
    starts, ends = al.to_original_many(bounds[:-1], bounds[1:])
    if len(norm):
        assert starts[0] == 0 and ends[-1] == len(text)
        assert (starts[1:] == ends[:-1]).all()


@pytest.mark.parametrize("pipe", PIPELINES, ids=IDS)
def test_every_stage_on_nasty_text(pipe: arnorm.Pipeline) -> None:
    for text in NASTY_EXAMPLES:
        _check_pipeline(pipe, text)


@given(pipe=st.sampled_from(PIPELINES), text=texts)
def test_every_stage(pipe: arnorm.Pipeline, text: str) -> None:
    # One test over every stage variant (drawn), rather than one per variant: the same
    # coverage for a tenth of the time the per-variant properties of test_properties take.
    _check_pipeline(pipe, text)


@given(spec=st.lists(st.sampled_from(VARIANTS), min_size=1, max_size=6), text=texts)
def test_random_pipelines(spec: list[str], text: str) -> None:
    _check_pipeline(arnorm.Pipeline(spec), text)


def _charmap_only(pipe: arnorm.Pipeline) -> bool:
    return all(isinstance(leaf, CharMap) for leaf in pipe.leaves())


CHARMAP_VARIANTS = [v for v in VARIANTS if _charmap_only(arnorm.Pipeline.from_spec(v))]


def _unfused(pipe: arnorm.Pipeline, text: str) -> tuple[str, Alignment]:
    """The alignment composed leaf by leaf (no fusion): exercises compose on real edits."""
    al = Alignment.identity(len(text))
    for leaf in pipe.leaves():
        text, step = stage_alignment(leaf, text)
        al = al.compose(step)
    return text, al


def _check_local(pipe: arnorm.Pipeline, orig: str, norm: str, al: Alignment, draw_spans: list[tuple[int, int]]) -> None:
    """For character maps (local stages): slicing commutes with normalizing."""
    inside = np.zeros(len(orig) + 1, dtype=bool)
    for a0, a1, _b0, _b1 in al.edits.tolist():
        inside[a0 + 1:a1] = True
    bounds = [p for p in range(len(orig) + 1) if not inside[p]]
    for i, s in enumerate(bounds[:25]):
        for e in bounds[i:i + 25]:
            ns, ne = al.to_normalized(s, e)
            assert pipe(orig[s:e]) == norm[ns:ne], (s, e)
    for s, e in draw_spans:
        os_, oe = al.to_original(s, e)
        assert norm[s:e] in pipe(orig[os_:oe]), (s, e)


@given(spec=st.lists(st.sampled_from(CHARMAP_VARIANTS), min_size=1, max_size=6), text=texts, data=st.data())
@example(spec=["presentation_forms", "alef"], text="\ufef7\u0640\u064e x", data=None)
def test_char_maps_are_exact(spec: list[str], text: str, data: st.DataObject | None) -> None:
    pipe = arnorm.Pipeline(spec)
    norm, al = normalize_with_offsets(pipe, text)
    n = len(norm)
    pairs = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).map(tuple)
    spans = data.draw(st.lists(pairs, max_size=20)) if data is not None else _spans(min(n, 6))
    _check_local(pipe, text, norm, al, spans)  # type: ignore[arg-type]
    unfused_norm, unfused = _unfused(pipe, text)
    assert unfused_norm == norm
    _check_alignment(unfused)
    _check_local(pipe, text, norm, unfused, spans)  # type: ignore[arg-type]


_SPECIAL_MAP = CharMap.from_mapping(
    "special",
    {"\u0640": "", "\u064e": "", "\u064f": "", "\u0650": "", "\u0623": "\u0627", "\u0625": "\u0627",
     "\ufdf2": "xyz", "\ufefb": "\u0644\u0627", "a": "\U0001f600"},
)


def _small_path(stage: CharMap, text: str) -> tuple[str, Alignment]:
    """The CharMap alignment through the small-input path (regex finder), whatever the size."""
    limit = alignment_edits.LARGE_INPUT
    try:
        alignment_edits.LARGE_INPUT = 1 << 62
        return stage_alignment(stage, text)
    finally:
        alignment_edits.LARGE_INPUT = limit


@given(text=texts)
@example(text="\u0640" * 5 + "x")
@example(text="\ufdf2\u064e\u0640a")
def test_large_and_small_char_map_paths_agree(text: str) -> None:
    for stage in (next(s for s in SEARCH.plan if isinstance(s, CharMap)), _SPECIAL_MAP):
        assert isinstance(stage, CharMap)
        padded = text * (alignment_edits.LARGE_INPUT // max(len(text), 1) + 1)
        small = _small_path(stage, padded)
        assert small[0] == stage(padded)
        _unchanged_text_is_unchanged(padded, *small)
        _check_alignment(small[1])
        chunk = _fastedits._CHUNK
        for size in (chunk, 997, 61):  # one slice, and several cut anywhere (inside runs of deletions)
            try:
                _fastedits._CHUNK = size
                large = stage_alignment(stage, padded)
            finally:
                _fastedits._CHUNK = chunk
            assert large[0] == small[0]
            assert large[1] == small[1]


@pytest.mark.parametrize(
    "text",
    [
        "\u0628\u064e" * 150_000 + "\u0643\u062a\u0627\u0628 " * 400_000,  # dense first slice: columns shrink
        "\u0643\u062a\u0627\u0628 " * 200_000 + "\u0623\u064e" * 200_000,  # sparse first slice: they grow
    ],
    ids=["shrink", "grow"],
)
def test_the_edit_columns_grow_and_shrink_to_fit(text: str) -> None:
    stage = next(s for s in SEARCH.plan if isinstance(s, CharMap))
    assert isinstance(stage, CharMap)
    large, small = stage_alignment(stage, text), _small_path(stage, text)
    assert large[0] == small[0] and large[1] == small[1]
    base = large[1].orig_start.base
    assert base is not None and base.shape[1] <= max(2 * len(large[1]), len(large[1]) + 1024)


def test_the_numpy_path_declines_what_it_cannot_index() -> None:
    executor = _SPECIAL_MAP._c_executor
    assert _fastedits.map_with_edits(executor, "\u0640" * 5000) is not None
    for text in ("\U0001f600" * 5000, "\ud800" * 5000, "\uffff" * 5000):  # astral, lone surrogate, U+FFFF
        assert _fastedits.map_with_edits(executor, text) is None
        norm, al = stage_alignment(_SPECIAL_MAP, text + "\u0640")
        assert norm == _SPECIAL_MAP(text + "\u0640") and al.edits.tolist() == [[5000, 5001, 5000, 5000]]


@given(a=texts, b=texts)
def test_from_diff_aligns_any_two_texts(a: str, b: str) -> None:
    al = Alignment.from_diff(a, b)
    _unchanged_text_is_unchanged(a, b, al)
    _check_alignment(al)


def test_lone_surrogates_take_the_small_path() -> None:
    text = ("\ud800\u0640" * 3000) + "\u064e"
    norm, al = normalize_with_offsets(SEARCH, text)
    assert norm == SEARCH(text)
    _unchanged_text_is_unchanged(text, norm, al)


def test_bytes_are_refused() -> None:
    with pytest.raises(TypeError, match="decode"):
        normalize_with_offsets(SEARCH, b"abc")  # type: ignore[arg-type]


# -- examples ------------------------------------------------------------------------------
def test_ahmad_with_diacritics_and_tatweel() -> None:
    # Ahmad with fatha, sukun, fatha, tatweel x3: search folds alef-hamza and deletes the rest.
    text = "\u0623\u064e\u062d\u0652\u0645\u064e\u0640\u0640\u0640\u062f"
    norm, al = normalize_with_offsets(SEARCH, text)
    assert norm == "\u0627\u062d\u0645\u062f"
    assert al.edits.tolist() == [[0, 1, 0, 1], [1, 2, 1, 1], [3, 4, 2, 2], [5, 9, 3, 3]]
    # Each letter carries its diacritics and tatweel; the spans tile the original.
    assert [al.to_original(i, i + 1) for i in range(4)] == [(0, 2), (2, 4), (4, 9), (9, 10)]
    assert al.to_normalized(6, 8) == (3, 3)  # inside the deleted tatweel run
    assert al.to_normalized(4, 9) == (2, 3)


def test_allah_ligature_expands_one_to_four() -> None:
    # U+FDF2 ARABIC LIGATURE ALLAH: NFKC compatibility decomposition is alef lam lam heh.
    norm, al = normalize_with_offsets(SEARCH, "\ufdf2")
    assert norm == "\u0627\u0644\u0644\u0647"
    assert al.edits.tolist() == [[0, 1, 0, 4]]
    assert all(al.to_original(i, i + 1) == (0, 1) for i in range(4))
    assert al.to_normalized(0, 1) == (0, 4)


def test_seed_article(seed_text: str) -> None:
    # The seed article (shared corpus) ends with a line of two tatweel runs, standalone
    # dashes that search deletes with the space between them (lone_marks); as deletions
    # belong to the character before them, the whole line goes with the line break
    # before it.  Every word maps back to a span that normalizes to it.
    norm, al = _check_pipeline(SEARCH, seed_text)
    line = "\u0640" * 7 + " " + "\u0640" * 2
    start = seed_text.index(line)
    ns, ne = al.to_normalized(start, start + len(line))
    assert norm[ns:ne] == "" and ne == len(norm)
    assert al.to_original(ns - 1, ns) == (start - 1, start + len(line))
    pos = 0
    for word in norm.split(" "):
        os_, oe = al.to_original(pos, pos + len(word))
        assert SEARCH(seed_text[os_:oe]) == word
        pos += len(word) + 1


_CORPORA = ["classical_tashkeela.txt", "news_saudinewsnet.txt", "quran_uthmani.txt"]


# The default run takes each preset on one corpus file (each file in turn); the rest are `slow`.
@pytest.mark.parametrize(
    ("corpus", "name"),
    [
        pytest.param(corpus, name, marks=() if i % len(_CORPORA) == j else pytest.mark.slow)
        for i, name in enumerate(arnorm.PRESETS)
        for j, corpus in enumerate(_CORPORA)
    ],
)
def test_real_text(corpus: str, name: str) -> None:
    # 600 lines of each shared corpus file, as one text: every preset, every line exact.
    with shared_file("corpus", corpus).open(encoding="utf-8") as handle:
        text = "".join(line for _, line in zip(range(600), handle))
    _check_pipeline(arnorm.preset(name), text)


def test_alef_maksura_regex_edits() -> None:
    pipe = arnorm.Pipeline.from_spec("ya(to=alef_maksura)")
    text = "\u0641\u064a \u0639\u0644\u064a\u064e 1\u064a"  # fy, Ely + fatha, digit + ya
    _, al = _check_pipeline(pipe, text)
    assert al.edits.tolist() == [[1, 2, 1, 2], [5, 6, 5, 6]]


def test_memory_is_proportional_to_edits() -> None:
    text = "\u0643\u062a\u0627\u0628 " * 50_000 + "\u0623\u064e"
    _, al = normalize_with_offsets(SEARCH, text)
    assert len(al) == 2 and al.nbytes == 2 * 4 * 8


# -- extension points ----------------------------------------------------------------------
def _drop_x(text: str) -> str:
    return text.replace("x", "")


def _drop_x_with_edits(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    rows, shift = [], 0
    for i, ch in enumerate(text):
        if ch == "x":
            rows.append((i, i + 1, i - shift, i - shift))
            shift += 1
    return _drop_x(text), rows


_drop_x.with_edits = _drop_x_with_edits  # type: ignore[attr-defined]


def test_function_stage_with_edits_is_used() -> None:
    stage = FunctionStage(name="drop_x", func=_drop_x)
    norm, al = normalize_with_offsets(arnorm.Pipeline([stage, "tatweel"]), "axxb\u0640x")
    assert norm == "ab"
    assert al.edits.tolist() == [[1, 3, 1, 1], [4, 6, 2, 2]]


@dataclass(frozen=True, kw_only=True, repr=False)
class _Reverse(Stage):
    """Reverses each line (a third-party stage with exact edits registered below)."""

    def __call__(self, text: str) -> str:
        return "".join(line[::-1] for line in text.split("\n"))


@stage_alignment.register
def _reverse_alignment(stage: _Reverse, text: str) -> tuple[str, Alignment]:
    out = stage(text)
    return out, Alignment.from_edits([(0, len(text), 0, len(out))] if text != out else [], len(text), len(out))


def test_third_party_stage_registers_its_edits() -> None:
    norm, al = normalize_with_offsets(arnorm.Pipeline([_Reverse(name="rev")]), "abc")
    assert norm == "cba"
    assert al.edits.tolist() == [[0, 3, 0, 3]]


# -- the generic fallback: word by word, then character by character ------------------------
_LATIN = str.maketrans({
    "\u0628": "b", "\u062a": "t", "\u0643": "k", "\u0634": "sh", "\u062e": "kh", "\u0627": "a",
    "\u0645": "m", "\u062f": "d", "\u0644": "l", "\u064a": "y", "\u0648": "w", "\u0639": "\u02bf",
    "\u064e": "a", "\u064f": "u", "\u0650": "i", "\u0652": "",
})


def _latin(text: str) -> str:
    """A toy romanizer (a FunctionStage without exact edits): letters to Latin, some to two."""
    return text.translate(_LATIN)


def test_a_romanized_line_aligns_word_for_word() -> None:
    pipe = arnorm.Pipeline([FunctionStage(name="latin", func=_latin)])
    words = ["\u0643\u064e\u062a\u064e\u0628\u064e", "\u0634\u064e\u064a\u0652\u062e",
             "\u0645\u064f\u062d\u064e\u0645\u0651\u064e\u062f", "2019", "\u0639\u064e\u0644\u0650\u064a"]
    text = " ".join(words * 3) + "\n" + " ".join(words[:2])
    norm, al = _check_pipeline(pipe, text)
    pos = 0
    for line in norm.split("\n"):
        for word in line.split(" "):
            start, end = al.to_original(pos, pos + len(word))
            assert _latin(text[start:end]) == word
            pos += len(word) + 1


_DMY = __import__("re").compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def _iso_dates(text: str) -> str:
    """A toy date stage: d/m/yyyy -> yyyy-mm-dd (a rewrite, not an edit of characters)."""
    return _DMY.sub(lambda m: f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}", text)


def test_a_rewritten_date_is_one_edit() -> None:
    pipe = arnorm.Pipeline([FunctionStage(name="iso", func=_iso_dates)])
    text = "\u064a\u0648\u0645 3/5/2020 \u0648 12/11/1999."
    norm, al = _check_pipeline(pipe, text)
    assert norm == "\u064a\u0648\u0645 2020-05-03 \u0648 1999-11-12."
    # Each date is one edit (no coincidental digits kept inside), except that a common
    # first or last character stays outside it: the "1" of 12/11/1999 and 1999-11-12.
    assert al.edits.tolist() == [[4, 12, 4, 14], [16, 25, 18, 27]]
    assert al.to_original(4, 8) == (4, 12)  # the year alone maps to the whole date
    assert al.to_original(17, 21) == (15, 25)


@pytest.mark.parametrize("spec", ["translit(scheme=ala-lc)", "translit", "dates"])
def test_registered_rewriting_stages(spec: str, seed_text: str) -> None:
    name = spec.split("(")[0]
    if name not in arnorm.stage_names():
        pytest.skip(f"stage {name!r} is not registered in this checkout")
    _check_pipeline(arnorm.Pipeline.from_spec(spec), seed_text)


def test_module_examples() -> None:
    import doctest

    for module in (alignment_package, alignment_model):
        assert doctest.testmod(module).failed == 0


# -- exhaustive: every BMP code point through every character map of the presets ------------
_BMP = [chr(cp) for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF and cp not in (0xFFFE, 0xFFFF)]


def _charmaps() -> list[CharMap]:
    maps = {id(leaf): leaf for name in arnorm.PRESETS for leaf in arnorm.preset(name).plan if isinstance(leaf, CharMap)}
    return list(maps.values())


@pytest.mark.parametrize("stage", _charmaps(), ids=lambda s: s.name[:40])
def test_every_bmp_code_point_is_one_exact_edit(stage: CharMap) -> None:
    text = "".join(ch + "x" for ch in _BMP)  # "x" apart: no two edits touch
    mapping = stage.mapping
    assert mapping.get("x", "x") == "x"
    expected, out, pos = [], [], 0
    for i, ch in enumerate(_BMP):
        new = mapping.get(ch, ch)
        if new != ch:
            expected.append([2 * i, 2 * i + 1, pos, pos + len(new)])
        out.append(new + "x")
        pos += len(new) + 1
    large = stage_alignment(stage, text)
    small = _small_path(stage, text)
    assert large[0] == small[0] == "".join(out) == stage(text)
    assert large[1].edits.tolist() == small[1].edits.tolist() == expected
