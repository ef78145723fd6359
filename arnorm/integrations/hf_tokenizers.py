"""Hugging Face ``tokenizers``: a pipeline as a ``tokenizers.normalizers`` object.

A tokenizer that carries its own normalizer applies it inside Rust, at
training and at inference, with no Python in the loop::

    from arnorm.integrations import to_hf_normalizer

    tokenizer.normalizer = to_hf_normalizer("search")

Every stage is translated into the normalizers ``tokenizers`` has:

* a character map (the fused map of consecutive maps) becomes ``Replace``
  normalizers, one per replacement value with a character class of its keys,
  ordered so that no replacement is rewritten by a later one;
* a Unicode form becomes ``NFC``/``NFKC``/``NFD``/``NFKD``;
* a regular-expression stage becomes ``Replace(Regex(...))`` when its pattern
  compiles in Oniguruma (the engine of ``tokenizers``; variable-length
  look-behind does not) and its replacement is literal;
* a function stage that declares ``rules`` (``whitespace``'s space tidying)
  becomes one ``Replace`` per rule.

Anything else raises :class:`~arnorm.errors.UnsupportedStageError` naming the
stage and why.  ``compose`` (canonical composition of Arabic letters only) has
no exact equivalent: with ``approximate=True`` it becomes its declared
``approximation``, ``NFC``, which also composes non-Arabic letters and
reorders marks (harmless when the diacritics are deleted afterwards, as in
``ml``).  ``tests/test_hf_tokenizers.py`` checks
that ``search`` and ``ml`` give arnorm's output on every line of the corpus.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..errors import UnsupportedStageError
from ..pipeline import Pipeline
from ..presets import PipelineLike, as_pipeline
from ..stage import CharMap, FunctionStage, RegexSub, Stage, UnicodeForm

if TYPE_CHECKING:  # pragma: no cover
    from tokenizers.normalizers import Normalizer  # type: ignore[import-not-found,unused-ignore]

__all__ = ["hf_supported_part", "to_hf_normalizer"]

def _char_class(chars: list[str]) -> str:
    return "[" + "".join(f"\\x{{{ord(c):X}}}" for c in sorted(chars)) + "]"


def _ordered_groups(mapping: Mapping[str, str]) -> list[tuple[str, list[str]]]:
    """Groups ``(value, keys)`` in an order where no group rewrites another's output.

    A group whose replacement contains a character that another group maps
    must run after that group (Kahn's topological sort); a cycle cannot be
    expressed as a sequence of replacements.
    """
    groups: dict[str, list[str]] = {}
    for key, value in mapping.items():
        groups.setdefault(value, []).append(key)
    owner = {key: value for value, keys in groups.items() for key in keys}
    before: dict[str, set[str]] = {
        value: {owner[c] for c in value if c in owner and owner[c] != value} for value in groups
    }
    ordered: list[tuple[str, list[str]]] = []
    while before:
        ready = sorted(v for v, deps in before.items() if not deps)
        if not ready:
            raise UnsupportedStageError("charmap", "its replacements feed each other in a cycle")
        for value in ready:
            ordered.append((value, groups[value]))
            del before[value]
        for deps in before.values():
            deps.difference_update(ready)
    return ordered


def _charmap(stage: CharMap) -> list[Normalizer]:
    from tokenizers import Regex, normalizers

    return [
        normalizers.Replace(Regex(_char_class(keys)), value) for value, keys in _ordered_groups(stage.mapping)
    ]


def _regex(stage: RegexSub) -> list[Normalizer]:
    from tokenizers import Regex, normalizers

    if "\\" in stage.repl or "$" in stage.repl:
        raise UnsupportedStageError(stage.spec, "its replacement refers to groups; tokenizers' Replace is literal")
    try:
        pattern = Regex(stage.pattern)
    except Exception as exc:  # noqa: BLE001  (tokenizers raises a bare Exception for Oniguruma errors)
        raise UnsupportedStageError(stage.spec, f"Oniguruma cannot compile its pattern ({exc})") from None
    return [normalizers.Replace(pattern, stage.repl)]


def _function(stage: FunctionStage, approximate: bool) -> list[Normalizer]:
    from tokenizers import Regex, normalizers

    if stage.rules is not None:
        return [normalizers.Replace(Regex(pattern), repl) for pattern, repl in stage.rules]
    if stage.approximation is not None and approximate:
        return [getattr(normalizers, stage.approximation)()]
    reason = "no tokenizers normalizer does the same"
    if stage.approximation is not None:
        reason += f" (approximate=True maps it to {stage.approximation}, which also changes non-Arabic text)"
    raise UnsupportedStageError(stage.spec, reason)


def _translate(stage: Stage, approximate: bool) -> list[Normalizer]:
    from tokenizers import normalizers

    if isinstance(stage, CharMap):
        return _charmap(stage)
    if isinstance(stage, UnicodeForm):
        return [getattr(normalizers, stage.form)()]
    if isinstance(stage, RegexSub):
        return _regex(stage)
    if isinstance(stage, FunctionStage):
        return _function(stage, approximate)
    raise UnsupportedStageError(stage.spec, f"{type(stage).__name__} stages have no tokenizers equivalent")


def _plan_parts(
    pipe: PipelineLike, approximate: bool, skip_unsupported: bool
) -> tuple[list[Normalizer], list[Stage], tuple[str, ...]]:
    parts: list[Normalizer] = []
    kept: list[Stage] = []
    skipped: list[str] = []
    for stage in as_pipeline(pipe).plan:
        try:
            parts += _translate(stage, approximate)
            kept.append(stage)
        except UnsupportedStageError:
            if not skip_unsupported:
                raise
            skipped.append(stage.spec)
    return parts, kept, tuple(skipped)


def hf_supported_part(pipe: PipelineLike, *, approximate: bool = False) -> tuple[Pipeline, tuple[str, ...]]:
    """The part of ``pipe`` that :func:`to_hf_normalizer` can express, and the specs of the stages it cannot.

    ``to_hf_normalizer(pipe, skip_unsupported=True)`` does exactly what the
    returned pipeline does.
    """
    _, kept, skipped = _plan_parts(pipe, approximate, skip_unsupported=True)
    return Pipeline(kept), skipped


def to_hf_normalizer(pipe: PipelineLike, *, approximate: bool = False, skip_unsupported: bool = False) -> Any:
    """A ``tokenizers.normalizers.Sequence`` doing what ``pipe`` does.

    Args:
        pipe: a pipeline, a stage, a preset name or a spec string.
        approximate: allow the documented approximations (``compose`` as NFC).
        skip_unsupported: leave out the stages that have no equivalent (the
            Uthmani spelling, context-dependent stages) instead of raising;
            :func:`hf_supported_part` names them.

    Raises:
        UnsupportedStageError: a stage has no equivalent (its name and the reason).
        ImportError: ``tokenizers`` is not installed.
    """
    from tokenizers import normalizers

    parts, _, _ = _plan_parts(pipe, approximate, skip_unsupported)
    return normalizers.Sequence(parts)
