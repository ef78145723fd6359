"""Explanations (arnorm.explain): what each stage changed, checked by replay.

The properties are the specification: for every preset, stage and random
pipeline, each step starts from the previous step's output, its changes are
ordered and disjoint, name exactly the text they cover in the stage's input,
its output and the original text, and replaying them gives the stage's
output; the last output is the pipeline's.  Explaining is linear in the input.
"""

from __future__ import annotations

import json
import time
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from test_properties import PIPELINES, VARIANTS

import arnorm
from arnorm.alignment import Alignment, AlignmentError, stage_alignment
from arnorm.explain import Change, Explanation, Step, explain, explain_with_offsets, name_chars
from arnorm.explain_render import render_lines, visible
from arnorm.stage import FunctionStage, Stage
from arnorm.strategies import NASTY, any_unicode_text, arabic_text

texts = st.one_of(arabic_text(), any_unicode_text(surrogates=False), st.sampled_from(NASTY))
SEARCH = arnorm.preset("search")


def _check_explanation(pipe: Stage, text: str) -> Explanation:
    ex = explain(pipe, text)
    stages = getattr(pipe, "stages", (pipe,))
    assert [s.stage for s in ex] == [s.spec for s in stages]
    assert ex.text == text and ex.output == pipe(text)
    so_far = Alignment.identity(len(text))
    current = text
    for step, stage in zip(ex, stages):
        assert step.before == current
        end = out_end = 0
        for change in step.changes:
            assert end <= change.start <= change.end and out_end <= change.out_start <= change.out_end
            assert (change.start, change.out_start) != (end, out_end) or not step.changes.index(change)
            assert change.old == current[change.start:change.end]
            assert change.new == step.after[change.out_start:change.out_end]
            assert change.original == text[change.orig_start:change.orig_end]
            assert change.old != change.new
            # the original span, carried forward, covers what the stage changed
            fwd = so_far.to_normalized(change.orig_start, change.orig_end)
            assert fwd[0] <= change.start and change.end <= fwd[1]
            end, out_end = change.end, change.out_end
        assert step.replay() == step.after
        so_far = so_far.compose(stage_alignment(stage, current)[1])
        current = step.after
    assert current == pipe(text)
    return ex


@pytest.mark.parametrize("name", list(arnorm.PRESETS))
@given(text=texts)
@example(text="\ufdf2\ufefb\u0640\u200c\u200f \u0623\u064e\u0661")
def test_every_preset_replays(name: str, text: str) -> None:
    _check_explanation(arnorm.preset(name), text)


@given(pipe=st.sampled_from(PIPELINES), text=texts)
def test_every_stage_replays(pipe: arnorm.Pipeline, text: str) -> None:
    _check_explanation(pipe, text)


@given(spec=st.lists(st.sampled_from(VARIANTS), min_size=1, max_size=6), text=texts)
def test_random_pipelines_replay(spec: list[str], text: str) -> None:
    _check_explanation(arnorm.Pipeline(spec), text)


@given(text=texts)
def test_pipeline_explain_is_the_explanation(text: str) -> None:
    assert SEARCH.explain(text) == explain(SEARCH, text)
    assert json.loads(json.dumps(SEARCH.explain(text).to_dict())) == explain(SEARCH, text).to_dict()


def test_a_single_stage_is_one_step() -> None:
    ex = explain(arnorm.stage("tatweel"), "a\u0640\u0640b")
    assert [(s.stage, [(c.old, c.new) for c in s.changes]) for s in ex] == [("tatweel", [("\u0640\u0640", "")])]


def test_changes_name_original_positions() -> None:
    text = "\u0623\u064e\u062d\u0652\u0645\u064e\u0640\u0640\u0640\u062f"
    steps = {s.stage: s for s in SEARCH.explain(text)}
    (change,) = steps["tatweel"].changes
    assert (change.old, change.new, change.before, change.after) == ("\u0640" * 3, "", "\u0640" * 3, "")
    assert (change.start, change.end, change.out_start, change.out_end) == (3, 6, 3, 3)
    assert (change.orig_start, change.orig_end) == (6, 9)
    (alef,) = steps["alef"].changes
    assert (alef.old, alef.new, alef.orig_start, alef.orig_end) == ("\u0623", "\u0627", 0, 2)


def test_touching_edits_are_one_change() -> None:
    steps = arnorm.Pipeline("tatweel,digits").explain("\u0633\u0640\u0648\u0631\u064a\u0627 \u0662\u0666")
    assert [(c.old, c.new, c.orig_start, c.orig_end) for c in steps[1].changes] == [("\u0662\u0666", "26", 7, 9)]


def test_describe_names_code_points() -> None:
    assert name_chars("") == "(nothing)"
    assert name_chars("\u0640\u0640\u0640") == "'\u0640\u0640\u0640' (U+0640 ARABIC TATWEEL x3)"
    change = Change(0, 1, "\ufdf2", "\u0627\u0644\u0644\u0647", 0, 4, 0, 1, "\ufdf2")
    assert change.describe() == (
        "'\ufdf2' (U+FDF2 ARABIC LIGATURE ALLAH ISOLATED FORM) -> '\u0627\u0644\u0644\u0647' "
        "(U+0627 ARABIC LETTER ALEF, U+0644 ARABIC LETTER LAM x2, U+0647 ARABIC LETTER HEH)"
    )
    assert name_chars("\U000e0001") == "'\\U000e0001' (U+E0001 LANGUAGE TAG)"  # repr escapes it


def _drop_x_lying(text: str) -> str:
    return text.replace("x", "")


def _lying_edits(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    """Claims the first character changed, whatever was dropped (lengths add up, content does not)."""
    out = _drop_x_lying(text)
    return out, [(0, len(text) - len(out) + 1, 0, 1)] if len(out) < len(text) else []


_drop_x_lying.with_edits = _lying_edits  # type: ignore[attr-defined]


def test_a_lying_stage_fails_the_replay() -> None:
    pipe = arnorm.Pipeline([FunctionStage(name="drop_x", func=_drop_x_lying)])
    with pytest.raises(AlignmentError, match="drop_x.*do not reproduce"):
        pipe.explain("abxcd")
    assert pipe.explain("xbcd").output == "bcd"  # a coarse but true edit ("xb" -> "b") replays


def test_step_replay_by_hand() -> None:
    step = Step("s", "abc", "aXc", (Change(1, 2, "b", "X", 1, 2, 1, 2, "b"),))
    assert step.replay() == "aXc"
    assert Step("s", "abc", "abc", ()).replay() == "abc"


def test_old_names_still_import() -> None:
    from arnorm.offsets import explain_with_offsets as old
    from arnorm.pipeline import Change as OldChange
    from arnorm.pipeline import Step as OldStep

    assert (OldChange, OldStep, old) == (Change, Step, explain_with_offsets)
    with pytest.warns(DeprecationWarning, match="explain_with_offsets is deprecated"):
        assert explain_with_offsets(SEARCH, "\u0623") == SEARCH.explain("\u0623")


def test_bytes_are_refused() -> None:
    with pytest.raises(TypeError, match="decode"):
        SEARCH.explain(b"abc")  # type: ignore[arg-type]


# -- rendering --------------------------------------------------------------------------------
_INVISIBLE = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"}


def _shown(ch: str) -> str:
    cat = unicodedata.category(ch)
    hidden = cat in _INVISIBLE or (cat == "Zs" and ch != " ")
    return f"<U+{ord(ch):04X}>" if hidden else ch


# Planes 0-3 and 14 (every assigned character) by default; the unassigned and
# private-use planes in the slow pass.
@pytest.mark.parametrize(
    "planes",
    [
        pytest.param((0, 1, 2, 3, 14), id="assigned"),
        pytest.param((4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16), id="unassigned-and-private", marks=pytest.mark.slow),
    ],
)
def test_visible_marks_every_invisible_code_point(planes: tuple[int, ...]) -> None:
    chars = [chr(cp) for plane in planes for cp in range(plane << 16, (plane + 1) << 16)]
    got, want = visible("".join(chars)), "".join(map(_shown, chars))  # one call
    if got != want:  # name the code points
        assert [hex(ord(ch)) for ch in chars if visible(ch) != _shown(ch)] == []
    assert got == want


def test_render_lines_plain_and_colour_have_the_same_text() -> None:
    ex = SEARCH.explain("\u0623\u062e\u0628\u0627\u0631\u064c\u200f")
    plain = list(render_lines(ex, True, colour=False))
    coloured = list(render_lines(ex, True, colour=True))
    assert [getattr(item, "plain", item) for item in coloured] == plain
    assert any(getattr(item, "spans", None) for item in coloured)
    assert plain[0] == "input: \u0623\u062e\u0628\u0627\u0631\u064c<U+200F>"
    assert "invisible: \u0623\u062e\u0628\u0627\u0631\u064c[<U+200F>] -> \u0623\u062e\u0628\u0627\u0631\u064c[]" in plain
    assert "    '\\u200f' (U+200F RIGHT-TO-LEFT MARK) -> (nothing)  (original 6-7)" in plain
    # a deleted character belongs to the one before it: the dammatan's original span holds the RLM
    assert "    '\u064c' (U+064C ARABIC DAMMATAN) -> (nothing)  (original 5-7)" in plain
    assert plain[-1] == "output: \u0627\u062e\u0628\u0627\u0631"


# -- linear time ------------------------------------------------------------------------------
def _latin(text: str) -> str:
    """A stage without exact edits that rewrites most letters (the diff fallback's work)."""
    return text.translate({0x0628: "b", 0x062A: "t", 0x0627: "a", 0x0645: "m", 0x062F: "d", 0x0644: "l"})


def _seconds(pipe: arnorm.Pipeline, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        pipe.explain(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.slow
def test_explain_is_linear_in_the_line() -> None:
    unit = "\u0623\u062e\u0628\u0627\u0631\u064c \u0633\u0640\u0640\u0648\u0631\u064a\u0629 \u0662\u0666 \ufdf2 " * 40
    pipe = arnorm.Pipeline([*SEARCH.stages, FunctionStage(name="latin", func=_latin), "spaces"])
    small, large = unit * 5, unit * 20  # one line of ~20 KB, then ~80 KB
    pipe.explain(small)
    ratio = _seconds(pipe, large) / _seconds(pipe, small)
    assert ratio < 8, f"4x the input took {ratio:.1f}x the time"
