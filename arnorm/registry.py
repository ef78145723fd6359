"""The stage registry: names to stage factories.

The pipeline knows nothing about particular stages; it asks the registry.
Built-in stages register themselves when their module of :mod:`arnorm.stages`
is imported: lazily, on the first lookup of one of their names (:data:`BUILTIN`).  Third parties add their own with
:func:`register`::

    import arnorm

    @arnorm.register("no_digits", description="delete ASCII digits")
    def no_digits() -> arnorm.Stage:
        return arnorm.CharMap.from_mapping("no_digits", {d: "" for d in "0123456789"})

    arnorm.Pipeline(["diacritics", "no_digits"])

A factory is a callable whose keyword arguments are the stage's options.  Its
type annotations drive validation and the conversion of spec strings:
``bool``, ``int``, ``str``, ``Literal[...]`` and ``tuple[...]`` of those.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import inspect
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from .errors import ArnormError, StageOptionError, UnknownStageError
from .stage import Stage

__all__ = ["StageInfo", "build", "register", "stage_info", "stage_names"]

F = TypeVar("F", bound=Callable[..., Stage])


@dataclass(frozen=True)
class StageInfo:
    """What the registry knows about one stage name."""

    name: str
    factory: Callable[..., Stage]
    description: str
    family: str

    @functools.cached_property
    def options(self) -> dict[str, tuple[Any, Any]]:
        """``{option: (annotation, default)}`` of the factory (computed once)."""
        hints = typing.get_type_hints(self.factory)
        sig = inspect.signature(self.factory)
        return {
            p.name: (hints.get(p.name, str), p.default)
            for p in sig.parameters.values()
            if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)
        }


_REGISTRY: dict[str, StageInfo] = {}
_loaded = False

#: The package of the built-in stages, one module per family.  Its modules are
#: imported by name, on the first lookup: the stages depend on the registry,
#: never the reverse, so the module graph has no cycle through here.
BUILTIN_STAGES = "arnorm.stages"

#: Built-in stage name -> the module of :data:`BUILTIN_STAGES` that registers it.
#: A lookup imports that module only, so that a pipeline loads the stages it
#: names and nothing else (the ``search`` preset never imports the dates
#: grammar behind ``numbers``, say).  A name missing here still works: the
#: lookup then imports every module of :data:`BUILTIN_MODULES`
#: (``tests/test_cli_quick.py`` checks that the two agree).
BUILTIN: dict[str, str] = {
    "lone_marks": "context",
    "dates": "dates",
    "case_endings": "diacritics",
    "diacritics": "diacritics",
    "digits": "digits",
    "elongation": "elongation",
    "invisible": "invisible",
    "spaces": "invisible",
    "whitespace": "invisible",
    "alef": "letters",
    "farsi": "letters",
    "hamza": "letters",
    "tatweel": "letters",
    "teh_marbuta": "letters",
    "ya": "letters",
    "marks": "marks",
    "numbers": "numbers",
    "ligatures": "presentation",
    "presentation_forms": "presentation",
    "punctuation": "punctuation",
    "emails": "social",
    "emoji": "social",
    "hashtags": "social",
    "html": "social",
    "mentions": "social",
    "urls": "social",
    "light_stem": "stem",
    "lucene_normalize": "stem",
    "to_arabic": "translit",
    "translit": "translit",
    "camel_unicode": "unicode",
    "compose": "unicode",
    "nfc": "unicode",
    "nfkc": "unicode",
    "uthmani": "uthmani",
}


def _builtin_modules() -> tuple[str, ...]:
    """Every module of :data:`BUILTIN_STAGES` (``MODULES`` of the package)."""
    return tuple(importlib.import_module(BUILTIN_STAGES).MODULES)


def _ensure_builtins() -> None:
    """Register every built-in stage (``stage_names()``, an unknown name)."""
    global _loaded
    if not _loaded:
        _loaded = True
        for module in _builtin_modules():
            importlib.import_module(f"{BUILTIN_STAGES}.{module}")


def _load_builtin(name: str) -> None:
    """Register the built-in stage ``name`` if it is one (only its own module is imported)."""
    module = BUILTIN.get(name)
    if module is not None and name not in _REGISTRY:
        importlib.import_module(f"{BUILTIN_STAGES}.{module}")


@typing.overload
def register(
    name: str, factory: F, *, description: str | None = ..., family: str = ..., replace: bool = ...
) -> F: ...


@typing.overload
def register(
    name: str, factory: None = None, *, description: str | None = ..., family: str = ..., replace: bool = ...
) -> Callable[[F], F]: ...


def register(
    name: str,
    factory: F | None = None,
    *,
    description: str | None = None,
    family: str = "custom",
    replace: bool = False,
) -> F | Callable[[F], F]:
    """Register ``factory`` under ``name``; usable as a decorator.

    Raises:
        ArnormError: if ``name`` is taken and ``replace`` is false.
    """

    def decorate(f: F) -> F:
        _load_builtin(name)  # a built-in of that name is registered first, then replaced or refused
        if not replace and name in _REGISTRY:
            raise ArnormError(f"stage {name!r} is already registered (pass replace=True)")
        doc = description or (inspect.getdoc(f) or "").split("\n")[0]
        _REGISTRY[name] = StageInfo(name, f, doc, family)
        return f

    return decorate(factory) if factory is not None else decorate


def stage_names() -> tuple[str, ...]:
    """Every registered stage name, sorted."""
    _ensure_builtins()
    return tuple(sorted(_REGISTRY))


def stage_info(name: str) -> StageInfo:
    """The registry entry for ``name``; raises :class:`UnknownStageError`."""
    info = _REGISTRY.get(name)
    if info is None:
        _load_builtin(name)
        info = _REGISTRY.get(name)
    if info is None:
        _ensure_builtins()
        info = _REGISTRY.get(name)
    if info is None:
        raise UnknownStageError(name, _REGISTRY)
    return info


def _coerce(stage: str, option: str, annotation: Any, value: Any, from_text: bool) -> Any:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is tuple:
        inner = args[0] if args else str
        if isinstance(value, str):
            parts = [p for p in value.split("+")] if from_text else [value]
            parts = [p for p in parts if p != ""]
        elif isinstance(value, (list, tuple, set, frozenset)):
            parts = list(value)
        else:
            raise StageOptionError(stage, option, f"expected a list of values, got {value!r}", value=value)
        return tuple(_coerce(stage, option, inner, p, from_text) for p in parts)
    if origin is Literal:
        if value not in args:
            raise StageOptionError(
                stage, option, f"invalid value {value!r}", value=value, choices=[str(a) for a in args]
            )
        return value
    if annotation is bool:
        if isinstance(value, bool):
            return value
        if from_text and isinstance(value, str) and value.lower() in ("true", "false", "yes", "no", "1", "0"):
            return value.lower() in ("true", "yes", "1")
        raise StageOptionError(stage, option, f"expected true or false, got {value!r}", value=value)
    if annotation is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if from_text and isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value)
        raise StageOptionError(stage, option, f"expected an integer, got {value!r}", value=value)
    if annotation is str:
        if isinstance(value, str):
            return value
        raise StageOptionError(stage, option, f"expected a string, got {value!r}", value=value)
    return value


def build(name: str, options: dict[str, Any] | None = None, *, from_text: bool = False) -> Stage:
    """Build the stage registered as ``name`` with ``options``.

    The stage's ``name`` is set to the registry name and its ``params`` to the
    options that differ from the factory's defaults, in declaration order, so
    that its spec rebuilds an equal stage.

    Raises:
        UnknownStageError: ``name`` is not registered.
        StageOptionError: an unknown option or a bad value.
    """
    info = stage_info(name)
    if not options:  # the factory's defaults: its signature need not be read
        return dataclasses.replace(info.factory(), name=name, params=(), description=info.description)
    declared = info.options
    options = dict(options)
    unknown = [k for k in options if k not in declared]
    if unknown:
        raise StageOptionError(
            name,
            unknown[0],
            "no such option" if declared else "this stage takes no options",
            choices=list(declared),
        )
    kwargs = {k: _coerce(name, k, declared[k][0], v, from_text) for k, v in options.items()}
    stage = info.factory(**kwargs)
    params = tuple(
        (k, kwargs[k]) for k, (_, default) in declared.items() if k in kwargs and kwargs[k] != default
    )
    return dataclasses.replace(stage, name=name, params=params, description=info.description)
