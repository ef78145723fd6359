"""What each stage of a pipeline changed: one model for the library and the command line.

:func:`explain` runs the stages of a pipeline one by one, unfused (a nested
pipeline such as ``whitespace`` is one step), and records for each stage the
spans it changed, located three ways: in the text the stage was given, in
the text it produced, and in the original text.  It is built on the
alignments of :mod:`arnorm.alignment`, so it costs time linear in the input.

An explanation checks itself: replaying the recorded changes on each
stage's input must give that stage's output (:meth:`Step.replay`), and
:func:`explain` raises :class:`~arnorm.errors.AlignmentError` if it does not.

    >>> import arnorm
    >>> steps = arnorm.Pipeline("tatweel,digits").explain("سـوريا ٢٦")
    >>> [(c.old, c.new, c.orig_start, c.orig_end) for c in steps[1].changes]
    [('٢٦', '26', 7, 9)]
    >>> steps[1].changes[0].describe()
    "'٢٦' (U+0662 ARABIC-INDIC DIGIT TWO, U+0666 ARABIC-INDIC DIGIT SIX) -> '26' (U+0032 DIGIT TWO, U+0036 DIGIT SIX)"
"""

from __future__ import annotations

import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

import numpy as np

from .alignment import Alignment, stage_alignment
from .errors import AlignmentError
from .stage import Stage, _check_text

__all__ = ["Change", "Explanation", "Step", "explain", "explain_with_offsets"]


@dataclass(frozen=True)
class Change:
    """One changed span: ``old`` (``before[start:end]``) became ``new`` (``after[out_start:out_end]``).

    Attributes:
        start, end: the span of the text the stage was given.
        old: that text.
        new: what the stage made of it.
        out_start, out_end: where ``new`` stands in the stage's output.
        orig_start, orig_end: the span of the original text it comes from.
        original: ``original_text[orig_start:orig_end]``.
    """

    start: int
    end: int
    old: str
    new: str
    out_start: int
    out_end: int
    orig_start: int
    orig_end: int
    original: str

    @property
    def before(self) -> str:
        """Alias of :attr:`old`."""
        return self.old

    @property
    def after(self) -> str:
        """Alias of :attr:`new`."""
        return self.new

    def describe(self) -> str:
        """``'ـــ' (U+0640 ARABIC TATWEEL x3) -> (nothing)`` style description."""
        return f"{name_chars(self.old)} -> {name_chars(self.new)}"

    def to_dict(self) -> dict[str, Any]:
        """The change as plain data, with its description."""
        return {
            "start": self.start, "end": self.end, "old": self.old, "new": self.new,
            "out_start": self.out_start, "out_end": self.out_end,
            "orig_start": self.orig_start, "orig_end": self.orig_end, "original": self.original,
            "description": self.describe(),
        }


def name_chars(text: str) -> str:
    """``text`` quoted, then its distinct code points named (``x3`` for repeats); ``(nothing)`` if empty."""
    if not text:
        return "(nothing)"
    counts: dict[str, int] = {}
    for ch in text:
        counts[ch] = counts.get(ch, 0) + 1
    names = [
        f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED')}" + (f" x{n}" if n > 1 else "")
        for ch, n in counts.items()
    ]
    return f"{text!r} (" + ", ".join(names) + ")"


@dataclass(frozen=True)
class Step:
    """What one stage did to the text it was given.

    Attributes:
        stage: the stage's spec.
        before: the stage's input.
        after: the stage's output.
        changes: the changed spans, in order; spans that touch are one change.
    """

    stage: str
    before: str
    after: str
    changes: tuple[Change, ...]

    def replay(self) -> str:
        """:attr:`before` with every change applied (equal to :attr:`after` for a true explanation)."""
        pieces: list[str] = []
        pos = 0
        for change in self.changes:
            pieces.append(self.before[pos:change.start])
            pieces.append(change.new)
            pos = change.end
        pieces.append(self.before[pos:])
        return "".join(pieces)

    def to_dict(self) -> dict[str, Any]:
        """The step as plain data (the ``--json`` form of ``arnorm explain``)."""
        return {
            "stage": self.stage, "before": self.before, "after": self.after,
            "changes": [c.to_dict() for c in self.changes],
        }


@dataclass(frozen=True)
class Explanation(Sequence[Step]):
    """What a pipeline did to one text, stage by stage: a sequence of :class:`Step`.

    Attributes:
        text: the original text.
        output: the pipeline's output.
        steps: one :class:`Step` per stage of the pipeline.
    """

    text: str
    output: str
    steps: tuple[Step, ...]

    @overload
    def __getitem__(self, index: int) -> Step: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Step]: ...

    def __getitem__(self, index: int | slice) -> Step | Sequence[Step]:
        return self.steps[index]

    def __len__(self) -> int:
        return len(self.steps)

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def to_dict(self) -> dict[str, Any]:
        """The explanation as plain data: ``{"input", "output", "steps"}``."""
        return {"input": self.text, "output": self.output, "steps": [s.to_dict() for s in self.steps]}


def explain(pipe: Stage, text: str) -> Explanation:
    """Run the stages of ``pipe`` one by one and record what each changed.

    ``pipe`` is a :class:`~arnorm.Pipeline` (its top-level stages are the
    steps) or any single stage.  Time and memory are linear in ``text``.

    Raises:
        TypeError: ``text`` is not a ``str``.
        AlignmentError: a stage's recorded edits do not replay to its output
            (a stage whose ``with_edits`` lies).
    """
    _check_text(text)
    stages: Sequence[Stage] = getattr(pipe, "stages", (pipe,))
    steps: list[Step] = []
    so_far = Alignment.identity(len(text))
    current = text
    for stage in stages:
        after, alignment = stage_alignment(stage, current)
        step = Step(stage.spec, current, after, _changes(text, current, after, alignment, so_far))
        if step.replay() != after:
            raise AlignmentError(f"stage {stage.spec!r}: its recorded changes do not reproduce its output")
        steps.append(step)
        so_far = so_far.compose(alignment)
        current = after
    return Explanation(text, current, tuple(steps))


def _changes(original: str, before: str, after: str, alignment: Alignment, so_far: Alignment) -> tuple[Change, ...]:
    """The edits of ``alignment`` (``before`` -> ``after``) as changes; edits that touch are one."""
    if alignment.is_identity:
        return ()
    starts, ends = alignment.orig_start, alignment.orig_end
    firsts = np.flatnonzero(np.concatenate([[True], starts[1:] != ends[:-1]]))
    lasts = np.concatenate([firsts[1:], [len(starts)]]) - 1
    s_, e_ = starts[firsts], ends[lasts]
    o_s, o_e = so_far.to_original_many(s_, e_)
    rows = zip(
        s_.tolist(), e_.tolist(), alignment.norm_start[firsts].tolist(), alignment.norm_end[lasts].tolist(),
        o_s.tolist(), o_e.tolist(),
    )
    return tuple(
        Change(s, e, before[s:e], after[n0:n1], n0, n1, a, b, original[a:b]) for s, e, n0, n1, a, b in rows
    )


def explain_with_offsets(pipe: Stage, text: str) -> Explanation:
    """Deprecated alias of :func:`explain` (every change now carries its original span)."""
    warnings.warn(
        "explain_with_offsets is deprecated; use Pipeline.explain or arnorm.explain.explain",
        DeprecationWarning,
        stacklevel=2,
    )
    return explain(pipe, text)
