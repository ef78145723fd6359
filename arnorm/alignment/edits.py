"""Per-stage edits: :func:`stage_alignment` runs one stage and says what it changed.

:func:`stage_alignment` is a :func:`functools.singledispatch` function on the
stage's class, returning ``(output, alignment)``:

* :class:`~arnorm.stage.CharMap`: every occurrence of a key is an edit of one
  character to ``len(value)`` characters; adjacent deletions are merged (a
  run of tatweel is one edit).  Large inputs are mapped and searched in the
  same NumPy pass (:func:`arnorm._fastedits.map_with_edits`); small ones with a
  compiled character class.
* :class:`~arnorm.stage.RegexSub`: one edit per match, ``match.expand(repl)`` long.
* :class:`~arnorm.pipeline.Pipeline`: the alignments of the steps of its fused
  plan, composed in order (a character that one map changes and a later map
  changes back is no edit at all).
* :class:`~arnorm.stage.FunctionStage` whose function has a ``with_edits``
  attribute: ``func.with_edits(text, **kwargs)`` returns ``(output, edits)``,
  ``edits`` an :class:`Alignment` or rows for :meth:`Alignment.from_edits`.
* Anything else: the diff fallback (:mod:`arnorm.alignment.diff`).

Third parties register exact edits for their own stage classes::

    @stage_alignment.register
    def _(stage: MyStage, text: str) -> tuple[str, Alignment]:
        ...
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Callable

import numpy as np

from .._fastedits import map_with_edits
from .._fastmap import LARGE_INPUT
from ..errors import AlignmentError
from ..stage import CharMap, FunctionStage, RegexSub, Stage, _check_text
from ._arrays import EMPTY, I64, columns, merge_deletions
from .model import Alignment, _trusted, canonical, diff_alignment

__all__ = ["normalize_with_offsets", "stage_alignment"]


@functools.singledispatch
def stage_alignment(stage: Stage, text: str) -> tuple[str, Alignment]:
    """Run one stage on ``text``; return its output and the alignment of ``text`` to it.

    Dispatches on the stage's class.  The generic case (this function) runs
    the stage and diffs input and output line by line; register exact edits
    for a stage class with ``@stage_alignment.register``.  A composite stage
    (a :class:`~arnorm.pipeline.Pipeline`: it has a ``plan`` of steps) is the
    composition of its steps' alignments.
    """
    plan = getattr(stage, "plan", None)
    if plan is not None:
        return _plan_alignment(plan, text)
    out = stage(text)
    return out, diff_alignment(text, out)


def normalize_with_offsets(pipe: Stage, text: str) -> tuple[str, Alignment]:
    """Normalize ``text`` with ``pipe`` (a :class:`~arnorm.Pipeline` or any stage).

    Returns ``(normalized, alignment)``: ``normalized == pipe(text)`` and
    ``alignment`` maps spans between ``text`` and ``normalized``.

    Raises:
        TypeError: ``text`` is not a ``str``.
    """
    _check_text(text)
    return stage_alignment(pipe, text)


def _plan_alignment(plan: tuple[Stage, ...], text: str) -> tuple[str, Alignment]:
    _check_text(text)
    alignment = Alignment.identity(len(text))
    for step in plan:
        text, step_alignment = stage_alignment(step, text)
        alignment = alignment.compose(step_alignment)
    return text, alignment


@stage_alignment.register
def _charmap_alignment(stage: CharMap, text: str) -> tuple[str, Alignment]:
    _check_text(text)
    found = map_with_edits(stage._c_executor, text) if len(text) >= LARGE_INPUT else None
    if found is not None:
        out, cols = found
        return out, _trusted(cols, len(text), len(out)) if len(cols[0]) else Alignment.identity(len(text))
    out = stage(text)
    starts, lengths = _key_finder(stage)(text)
    if len(starts) == 0:
        return out, Alignment.identity(len(text))
    norm_start = starts.copy()  # each key is one character: the output moves by len(value) - 1
    norm_start[1:] += np.cumsum(lengths[:-1] - 1)
    cols = merge_deletions(starts, starts + 1, norm_start, norm_start + lengths)
    return out, _trusted(cols, len(text), len(out))


_Finder = Callable[[str], "tuple[np.ndarray, np.ndarray]"]
_FINDERS: dict[int, tuple[weakref.ref[CharMap], _Finder]] = {}


def _key_finder(stage: CharMap) -> _Finder:
    """A function giving the positions of ``stage``'s keys in a text and their replacements' lengths.

    Built once per CharMap object (a compiled character class and a length table).
    """
    key = id(stage)
    cached = _FINDERS.get(key)
    if cached is not None and cached[0]() is stage:
        return cached[1]
    table = {k: len(v) for k, v in stage.mapping.items() if k != v}
    pattern = re.compile("[" + "".join(re.escape(k) for k in sorted(table)) + "]") if table else None

    def find(text: str) -> tuple[np.ndarray, np.ndarray]:
        if pattern is None:
            return EMPTY, EMPTY
        positions: list[int] = []
        lengths: list[int] = []
        for match in pattern.finditer(text):
            positions.append(match.start())
            lengths.append(table[match.group()])
        return np.array(positions, dtype=I64), np.array(lengths, dtype=I64)

    def forget(ref: weakref.ref[CharMap]) -> None:
        if _FINDERS.get(key, (None,))[0] is ref:
            del _FINDERS[key]

    _FINDERS[key] = (weakref.ref(stage, forget), find)
    return find


@stage_alignment.register
def _regex_alignment(stage: RegexSub, text: str) -> tuple[str, Alignment]:
    out = stage(text)
    if out == text:
        return out, Alignment.identity(len(text))
    rows: list[tuple[int, int, int, int]] = []
    shift = 0
    for match in stage._c_compiled.finditer(text):
        new = match.expand(stage.repl)
        start, end = match.span()
        if new != match.group():
            rows.append((start, end, start + shift, start + shift + len(new)))
        shift += len(new) - (end - start)
    return out, canonical(columns(rows), len(text), len(out))


@stage_alignment.register
def _function_alignment(stage: FunctionStage, text: str) -> tuple[str, Alignment]:
    with_edits = getattr(stage.func, "with_edits", None)
    if with_edits is None:
        out = stage(text)
        return out, diff_alignment(text, out)
    _check_text(text)
    out, edits = with_edits(text, **dict(stage.kwargs))
    if isinstance(edits, Alignment):
        if (edits.orig_len, edits.norm_len) != (len(text), len(out)):
            raise AlignmentError(
                f"{stage.spec}: with_edits returned an alignment of {edits.orig_len} -> {edits.norm_len} "
                f"characters for {len(text)} -> {len(out)}"
            )
        return out, edits
    return out, Alignment.from_edits(edits, len(text), len(out))
