"""The pipeline: an ordered, immutable sequence of stages that is itself a stage.

A :class:`Pipeline` knows nothing about particular stages.  Given names, it
asks the registry (:mod:`arnorm.registry`); given :class:`~arnorm.stage.Stage`
objects, it takes them as they are.  At construction nothing is compiled; on
first use it flattens nested pipelines and **fuses** every run of consecutive
:class:`~arnorm.stage.CharMap` stages into one map (their composition, see
:func:`arnorm.tables.compose`), which one fast executor then applies.
Explanations run the unfused stages, one by one.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import StageNotInPipelineError
from .schema import spec_to_data, stage_to_data, stages_from_data
from .stage import CharMap, Stage, _check_text
from .tables import compose

if TYPE_CHECKING:
    from .alignment import Alignment
    from .explain import Explanation

__all__ = ["Pipeline"]

#: Lines are grouped into chunks of about this many characters by :meth:`Pipeline.stream`.
STREAM_CHUNK = 1 << 18


def _resolve(item: str | Stage) -> tuple[Stage, ...]:
    if isinstance(item, Stage):
        return (item,)
    if isinstance(item, str):
        return tuple(stages_from_data(spec_to_data(item), from_text=True)[0])
    raise TypeError(f"a pipeline takes stage names, spec strings or Stage objects, not {type(item).__name__}")


def _flat_stages(pipe: Pipeline) -> list[Stage]:
    """The stages of ``pipe``, anonymous nested pipelines spliced in."""
    out: list[Stage] = []
    for stage in pipe.stages:
        if isinstance(stage, Pipeline) and stage.name == "pipeline":
            out.extend(_flat_stages(stage))
        else:
            out.append(stage)
    return out


def _fuse(leaves: Iterable[Stage]) -> tuple[Stage, ...]:
    plan: list[Stage] = []
    run: list[CharMap] = []

    def flush() -> None:
        if len(run) == 1:
            plan.append(run[0])
        elif run:
            fused = compose(m.mapping for m in run)
            plan.append(CharMap.from_mapping("+".join(m.name for m in run), fused))
        run.clear()

    for leaf in leaves:
        if isinstance(leaf, CharMap):
            run.append(leaf)
        else:
            flush()
            plan.append(leaf)
    flush()
    return tuple(plan)


@dataclass(frozen=True, init=False, repr=False)
class Pipeline(Stage):
    """An ordered, immutable sequence of stages; itself a stage.

    Args:
        stages: stage names, spec strings (``"diacritics(keep=shadda),alef"``)
            or :class:`Stage` objects, in order.
        name: a label (used when the pipeline is registered as a stage).

    Example:
        >>> pipe = Pipeline(["diacritics", "alef", "ya"])
        >>> pipe("إِلَى")
        'الي'
        >>> Pipeline.from_spec(pipe.spec) == pipe
        True
    """

    stages: tuple[Stage, ...]

    def __init__(
        self,
        stages: Iterable[str | Stage] | str = (),
        *,
        name: str = "pipeline",
        params: tuple[tuple[str, Any], ...] = (),
        description: str = "",
    ) -> None:
        if isinstance(stages, str):
            stages = [stages]
        resolved: list[Stage] = []
        for item in stages:
            resolved.extend(_resolve(item))
        object.__setattr__(self, "stages", tuple(resolved))
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "params", params)
        object.__setattr__(self, "description", description)

    # -- construction ---------------------------------------------------
    @classmethod
    def from_spec(cls, spec: str) -> Pipeline:
        """Build a pipeline from a spec string such as ``"diacritics,alef,ya"``."""
        return cls([spec])

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str | None = None) -> Pipeline:
        """Inverse of :meth:`to_dict` (the dict form: see :mod:`arnorm.schema`).

        Raises:
            ConfigError: ``data`` is not the dict form (naming the key); with a
                ``source``, also for an unknown stage or a bad option.
            UnknownStageError, StageOptionError: without a ``source``.
        """
        stages, description = stages_from_data(data, source=source)
        return cls(stages, description=description)

    def to_dict(self) -> dict[str, Any]:
        """The pipeline in its dict form: ``{"description"?, "stages": [{"stage": name, **options}]}``.

        Anonymous nested pipelines are spliced in (the result runs identically).

        Raises:
            ConfigError: a stage the registry cannot rebuild from its name and options.
        """
        data: dict[str, Any] = {"description": self.description} if self.description else {}
        data["stages"] = [stage_to_data(s) for s in _flat_stages(self)]
        return data

    def without(self, *names: str) -> Pipeline:
        """This pipeline minus every stage named in ``names`` (anonymous nested pipelines spliced in).

        Raises:
            StageNotInPipelineError: a name that is not a stage of this pipeline
                (the error lists the pipeline's stage names, in order).
        """
        stages = _flat_stages(self)
        present = [s.name for s in stages]
        for name in names:
            if name not in present:
                raise StageNotInPipelineError(name, present)
        return Pipeline([s for s in stages if s.name not in names], description=self.description)

    # -- identity -------------------------------------------------------
    @property
    def spec(self) -> str:
        """The spec string that rebuilds this pipeline with :meth:`from_spec`."""
        if self.name != "pipeline":
            return super().spec
        return ",".join(s.spec for s in self.stages)

    def __repr__(self) -> str:
        return f"Pipeline({','.join(s.spec for s in self.stages)!r})"

    def __len__(self) -> int:
        return len(self.stages)

    def __iter__(self) -> Iterator[Stage]:
        return iter(self.stages)

    def leaves(self) -> tuple[Stage, ...]:
        """The primitive stages, nested pipelines flattened."""
        return tuple(leaf for s in self.stages for leaf in s.leaves())

    # -- running --------------------------------------------------------
    @functools.cached_property
    def _c_plan(self) -> tuple[Stage, ...]:
        return _fuse(self.leaves())

    @property
    def plan(self) -> tuple[Stage, ...]:
        """The fused execution plan (adjacent character maps composed into one)."""
        return self._c_plan

    def __call__(self, text: str) -> str:
        _check_text(text)
        for step in self._c_plan:
            text = step(text)
        return text

    def unfused(self, text: str) -> str:
        """Run every primitive stage one by one, without fusion (reference result)."""
        for leaf in self.leaves():
            text = leaf(text)
        return text

    def normalize_with_offsets(self, text: str) -> tuple[str, Alignment]:
        """``(self(text), alignment)``: the alignment maps spans of the result back to
        ``text`` and forth (see :mod:`arnorm.alignment`)."""
        from .alignment import normalize_with_offsets

        return normalize_with_offsets(self, text)

    def stream(self, lines: Iterable[str], chunk_chars: int = STREAM_CHUNK) -> Iterator[str]:
        """Normalize an iterable of lines lazily, in order, one output per input.

        Lines may end with ``"\\n"`` (as when iterating over a file), which is
        kept.  Lines are processed in chunks of about ``chunk_chars``
        characters joined by ``"\\n"``, which is much faster than one call per
        line and gives the same result, since stages work line by line.

        Raises:
            TypeError: at once for ``bytes`` or a ``str`` given as ``lines`` (an
                iterable of lines is expected), and for a line that is not a ``str``.
        """
        if isinstance(lines, (str, bytes, bytearray, memoryview)):
            kind = type(lines).__name__
            hint = "decode it and split it into lines" if kind != "str" else "call the pipeline on it"
            raise TypeError(f"Pipeline.stream takes an iterable of str lines, not one {kind}: {hint}")
        return self._stream(lines, chunk_chars)

    def _stream(self, lines: Iterable[str], chunk_chars: int) -> Iterator[str]:
        batch: list[str] = []
        size = 0
        for line in lines:
            if not isinstance(line, str):
                _check_text(line)
            batch.append(line)
            size += len(line)
            if size >= chunk_chars:
                yield from self._run_batch(batch)
                batch, size = [], 0
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[str]) -> list[str]:
        # Fast layouts: every line ends with exactly one "\n" (as when reading a
        # file: join with ""), or no line holds one (join with "\n").  Anything
        # else runs line by line.
        if batch[0].endswith("\n"):
            joined = "".join(batch)
            if joined.count("\n") == len(batch) and all(line.endswith("\n") for line in batch):
                out = self(joined).split("\n")
                if len(out) == len(batch) + 1:
                    return [piece + "\n" for piece in out[:-1]]
        else:
            joined = "\n".join(batch)
            if joined.count("\n") == len(batch) - 1:
                out = self(joined).split("\n")
                if len(out) == len(batch):
                    return out
        return [self(line) for line in batch]

    def explain(self, text: str) -> Explanation:
        """Run the unfused stages one by one and report what each changed.

        Returns an :class:`~arnorm.explain.Explanation`, a sequence of one
        :class:`~arnorm.explain.Step` per stage whose changes name their spans
        in the stage's input, its output and the original text (see
        :mod:`arnorm.explain`).  Linear in the length of ``text``.
        """
        from .explain import explain

        return explain(self, text)


def __getattr__(name: str) -> Any:
    """``Step`` and ``Change`` moved to :mod:`arnorm.explain`; the old names still import."""
    if name in ("Step", "Change"):
        from . import explain

        return getattr(explain, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
