"""The vectorised paths of long texts give exactly what the word-by-word and regular-expression
paths give: the ``uthmani`` stage (text and word edits), the ``marks`` stage (text and edits),
``farsi(lines=arabic)``, and the merge that composes two alignments.

The property tests elsewhere run on short strings, below the size where the long-text paths
take over; here those paths are called directly, on generated text and on the reference corpus.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import CORPUS
from hypothesis import example, given
from hypothesis import strategies as st

from arnorm.alignment import _arrays
from arnorm.alignment.model import Alignment
from arnorm.chars import LINE_BREAKS
from arnorm.stages import uthmani as uthmani_stage
from arnorm.stages._common import splice
from arnorm.stages._uthmani_fast import evidence_blocks, fast_uthmani
from arnorm.stages.letters import PERSIAN_ONLY, fold_farsi_in_arabic_lines
from arnorm.stages.marks import _edits as marks_edits
from arnorm.stages.marks import fast_marks
from arnorm.tables import load_table

KINDS = ["quran_uthmani.txt", "classical_tashkeela.txt", "news_saudinewsnet.txt"]

# -- uthmani -------------------------------------------------------------------------------------

#: Letters and marks around the rules of the Uthmani stage: alef, waw, heh, alef maksura, yeh,
#: the article, the silent-dagger stems' letters, hamza forms, small waw/yeh, tatweel ...
_LETTERS = "اوهىيلٱمفبكرنذأإؤئءآحـۥۦ۩"
_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0653\u0654\u0655\u06df\u06e1\u06e2\u06d6\u06dc\u06e7\u06e8\u0610"
_CLUSTER = st.tuples(st.sampled_from(_LETTERS), st.text(st.sampled_from(_MARKS), max_size=4)).map("".join)
_WORD = st.one_of(
    st.lists(_CLUSTER, min_size=1, max_size=6).map("".join),
    st.text(st.sampled_from(_MARKS), min_size=1, max_size=2),  # a word made of marks
    st.sampled_from(["ٱللَّهُ", "هَٰذَا", "ٱلرَّحْمَٰنِ", "يَٰٓأَيُّهَا", "ٱلَّيْلِ", "قَالُوٓا۟", "مُلَٰقُوا۟", "عَلَىٰ",
                     "بِهِۦ", "يُحْىِ", "ٱلصَّلَوٰةَ", "شَىْءٍ", "أُو۟لُوا۟", "وَٱلْمُقِيمِى", "لِشَا۟ىْءٍ"]),
)
_LINE = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)
_TEXT = st.tuples(
    st.lists(st.tuples(_LINE, st.sampled_from(["\n", "\n", " \n", "\r\n", "،\n"])), max_size=12), _LINE | st.just("")
).map(lambda parts: "".join(line + end for line, end in parts[0]) + parts[1])


def _rows(rows: object) -> list[tuple[int, ...]]:
    return [tuple(r) for r in np.asarray(rows).reshape(-1, 4).tolist()]


@given(_TEXT)
@example("ٱلَّذِينَ يُؤْمِنُونَ\nقَالُوا۟ ءَامَنَّا\nلا ولا\n")
@example("فَٱحْتَارَ ۛ هُدًى\nإِلَىٰ رَبِّهِۦ")
def test_fast_uthmani_equals_the_word_rules(text: str) -> None:
    expected, rows = uthmani_stage._with_edits_slow(text)
    out, fast_rows = fast_uthmani(text, uthmani_stage._with_edits_slow, rows=True)  # type: ignore[misc]
    assert out == expected
    assert _rows(fast_rows) == rows
    assert fast_uthmani(text, uthmani_stage._with_edits_slow)[0] == expected  # type: ignore[index]


def _line_by_line(text: str) -> str:
    """The stage's definition: each line with evidence rewritten token by token."""
    pieces, last = [], 0
    for start, end in uthmani_stage._line_spans(text):
        pieces += [text[last:start], uthmani_stage._rewrite_span(text[start:end])]
        last = end
    return "".join(pieces) + text[last:]


@given(_TEXT, st.sampled_from(["", "", "\u2028", "\r", "\U0001f600"]))
@example("ٱللَّهُ\nلا\n\nبِهِۦ \n", "")
@example("لا\nبِهِۦ", "")  # the last line, without a line break, has evidence
@example("\u0670" * 70, "")
def test_evidence_blocks_give_the_line_by_line_result(text: str, extra: str) -> None:
    text = text + extra + text
    blocks = evidence_blocks(text)
    if blocks is None:  # other line breaks, astral characters: the line-by-line path
        assert any(c in LINE_BREAKS[1:] or ord(c) > 0xFFFF for c in text)
        return
    assert uthmani_stage._rewrite_parts(text, blocks, uthmani_stage._rewrite_lines) == _line_by_line(text)


def _corpus_head(name: str) -> str:
    """The first 400,000 characters of a corpus file (the test is skipped where it is absent)."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip("reference corpus not present")
    return path.read_text(encoding="utf-8")[:400_000]


@pytest.mark.parametrize("name", KINDS)
def test_fast_uthmani_on_the_corpus(name: str) -> None:
    text = _corpus_head(name)
    expected, rows = uthmani_stage._with_edits_slow(text)
    out, fast_rows = fast_uthmani(text, uthmani_stage._with_edits_slow, rows=True)  # type: ignore[misc]
    assert out == expected
    assert _rows(fast_rows) == rows
    assert uthmani_stage.uthmani_to_standard(text) == expected


# -- marks ---------------------------------------------------------------------------------------

_VOCALIZED = st.lists(
    st.sampled_from(list("بتسكرمها ىا،1_\n") + list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u0610\u06d6\u0653")
                    + ["\u0627\u064b", "\u064b\u064b", "\ufffe", "\U0001f600"]),
    max_size=60,
).map("".join)


@given(_VOCALIZED)
@example("شكراً جداً")
@example("\u0628\u0651\u064e\u0650\u0652\u0651\u064e\u064e")  # a run of eight marks
@example("\u0645\u0651\u0627\u064b \u0628\u064e\u064e\u0651\u0651 \u0631\u0627\u064b\u064e")
def test_fast_marks_equals_the_regular_expressions(text: str) -> None:
    expected, rows = splice(text, marks_edits(text))
    out, fast_rows = fast_marks(text, rows=True)  # type: ignore[misc]
    assert out == expected
    assert _rows(fast_rows) == rows


@pytest.mark.parametrize("name", KINDS)
def test_fast_marks_on_the_corpus(name: str) -> None:
    text = _corpus_head(name)
    expected, rows = splice(text, marks_edits(text))
    out, fast_rows = fast_marks(text, rows=True)  # type: ignore[misc]
    assert out == expected
    assert _rows(fast_rows) == rows


def test_offsets_through_marks_use_its_edits() -> None:
    """A long text's alignment through ``marks`` is its exact edits, not the diff fallback."""
    import arnorm

    pipe = arnorm.Pipeline(["marks"])
    assert getattr(pipe.plan[0].func, "with_edits", None) is not None  # type: ignore[attr-defined]
    text = "\u0634\u0643\u0631\u0627\u064b \u0628\u0651\u064e\u0627\u0628\u064e\n" * 600
    expected, rows = splice(text, marks_edits(text))
    out, alignment = pipe.normalize_with_offsets(text)
    assert out == expected
    assert alignment == Alignment.from_edits(rows, len(text), len(out))


# -- farsi(lines=arabic) -------------------------------------------------------------------------

_FARSI = "".join(load_table("letters", "farsi").mapping)


@given(st.text(st.sampled_from(_FARSI[:4] + PERSIAN_ONLY[:2] + "بی \n\r\u2028"), max_size=40))
def test_farsi_lines_as_the_line_by_line_definition(text: str) -> None:
    table = load_table("letters", "farsi").mapping
    expected = "".join(
        line if any(c in line for c in PERSIAN_ONLY) else "".join(table.get(c, c) for c in line)
        for line in text.splitlines(keepends=True)
    )
    assert fold_farsi_in_arabic_lines(text) == expected


# -- composing alignments ------------------------------------------------------------------------


@st.composite
def _alignment(draw: st.DrawFn, length: int) -> Alignment:
    rows, i, j = [], 0, 0
    while i < length:
        if draw(st.booleans()):
            i, j = i + 1, j + 1
            continue
        size = draw(st.integers(1, min(3, length - i)))
        new = draw(st.sampled_from([0, 0, 1, 1, 2, 4]))
        rows.append((i, i + size, j, j + new))
        i, j = i + size, j + new
    return Alignment.from_edits(rows, length, j)


@given(st.data())
def test_composition_merge_equals_the_sort(data: st.DataObject) -> None:
    x = data.draw(_alignment(data.draw(st.integers(1, 60))))
    y = data.draw(_alignment(x.norm_len))
    if x.is_identity or y.is_identity or not x.norm_len:
        return
    merged = _arrays.compose_columns(x._columns, x._shift_to_orig, y._columns, y._shift_to_norm)
    sorted_ = _arrays._compose_columns_sorted(x._columns, x._shift_to_orig, y._columns, y._shift_to_norm)
    assert all(np.array_equal(a, b) for a, b in zip(merged, sorted_))
