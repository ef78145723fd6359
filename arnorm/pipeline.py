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

import difflib
import functools
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import registry
from .errors import SpecError
from .spec import parse_spec
from .stage import CharMap, Stage, _check_text
from .tables import compose

if TYPE_CHECKING:
    from .offsets import Alignment

__all__ = ["Change", "Pipeline", "Step"]

#: Lines are grouped into chunks of about this many characters by :meth:`Pipeline.stream`.
STREAM_CHUNK = 1 << 18


def _resolve(item: str | Stage) -> tuple[Stage, ...]:
    if isinstance(item, Stage):
        return (item,)
    if isinstance(item, str):
        return tuple(registry.build(name, options, from_text=True) for name, options in parse_spec(item))
    raise TypeError(f"a pipeline takes stage names, spec strings or Stage objects, not {type(item).__name__}")


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


@dataclass(frozen=True)
class Change:
    """One changed span of an explanation: ``before[start:end]`` became ``new``."""

    start: int
    end: int
    old: str
    new: str

    def describe(self) -> str:
        """``'ـــ' (U+0640 ARABIC TATWEEL x3) -> ''`` style description."""
        return f"{_name_chars(self.old)} -> {_name_chars(self.new)}"


def _name_chars(text: str) -> str:
    if not text:
        return "(nothing)"
    names: list[str] = []
    for ch in dict.fromkeys(text):
        count = text.count(ch)
        label = f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED')}"
        names.append(label + (f" x{count}" if count > 1 else ""))
    return f"{text!r} (" + ", ".join(names) + ")"


@dataclass(frozen=True)
class Step:
    """What one stage did to the text it was given."""

    stage: str
    before: str
    after: str
    changes: tuple[Change, ...]


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
    def preset(cls, name: str) -> Pipeline:
        """The named preset (see :data:`arnorm.presets.PRESETS`)."""
        from .presets import preset

        return preset(name)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Pipeline:
        """Inverse of :meth:`to_dict`: ``{"stages": [{"stage": name, **options}, ...]}``."""
        try:
            items = data["stages"]
            stages = []
            for item in items:
                item = dict(item)
                stages.append(registry.build(item.pop("stage"), item))
        except (KeyError, TypeError, AttributeError) as exc:
            raise SpecError(repr(data), f"expected {{'stages': [{{'stage': name, ...}}]}} ({exc})") from None
        return cls(stages)

    def to_dict(self) -> dict[str, Any]:
        """The pipeline as plain data (JSON/TOML-ready)."""
        return {
            "stages": [
                {"stage": s.name, **{k: list(v) if isinstance(v, tuple) else v for k, v in s.params}}
                for s in self.stages
            ]
        }

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
        ``text`` and forth (see :mod:`arnorm.offsets`)."""
        from . import offsets

        return offsets.normalize_with_offsets(self, text)

    def stream(self, lines: Iterable[str], chunk_chars: int = STREAM_CHUNK) -> Iterator[str]:
        """Normalize an iterable of lines lazily, in order, one output per input.

        Lines may end with ``"\\n"`` (as when iterating over a file), which is
        kept.  Lines are processed in chunks of about ``chunk_chars``
        characters joined by ``"\\n"``, which is much faster than one call per
        line and gives the same result, since stages work line by line.
        """
        if isinstance(lines, (bytes, bytearray, memoryview)):
            raise TypeError("Pipeline.stream takes lines of str, not bytes: decode first, e.g. data.decode('utf-8')")
        batch: list[str] = []
        size = 0
        for line in lines:
            if not isinstance(line, str):
                raise TypeError(f"Pipeline.stream takes lines of str, not {type(line).__name__} (decode first)")
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

    def explain(self, text: str) -> list[Step]:
        """Run the unfused stages one by one and report what each changed."""
        steps: list[Step] = []
        for stage in self.stages:
            after = stage(text)
            changes: list[Change] = []
            if after != text:
                matcher = difflib.SequenceMatcher(None, text, after, autojunk=False)
                for op, i1, i2, j1, j2 in matcher.get_opcodes():
                    if op != "equal":
                        changes.append(Change(i1, i2, text[i1:i2], after[j1:j2]))
            steps.append(Step(stage.spec, text, after, tuple(changes)))
            text = after
        return steps
