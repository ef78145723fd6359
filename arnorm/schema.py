"""The pipeline as data: the dict form that every serialisation is a view of.

The model is one plain dictionary (JSON- and TOML-ready)::

    {"description": "optional free text",
     "stages": [{"stage": "diacritics", "keep": ["shadda"]},
                {"stage": "alef", "extended": False}]}

Each stage entry is its registry name under ``"stage"`` plus the options that
differ from the factory's defaults.  :meth:`Pipeline.to_dict
<arnorm.pipeline.Pipeline.to_dict>` and :meth:`~arnorm.pipeline.Pipeline.from_dict`
convert; the other forms are views of this one:

* a spec string (``"diacritics(keep=shadda),alef(extended=false)"``) is the
  same list with option values written as text (:func:`spec_to_data`, then
  converted to the declared types with ``from_text=True``);
* a TOML or JSON configuration file (:mod:`arnorm.config`) is this dict, plus
  two conveniences for people writing files by hand: ``preset`` and ``skip``.

This module builds stages through :mod:`arnorm.registry` and never imports
the pipeline, so it sits below it in the module graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from . import registry
from .errors import ConfigError, SpecError, StageOptionError, UnknownStageError
from .spec import parse_spec
from .stage import Stage

__all__ = ["MODEL_KEYS", "spec_to_data", "stage_to_data", "stages_from_data"]

#: The top-level keys of the dict form.
MODEL_KEYS = ("description", "stages")


def spec_to_data(spec: str) -> dict[str, Any]:
    """The dict form of a spec string; option values stay text (build with ``from_text=True``).

    Raises:
        SpecError: the spec does not parse (with the position).
    """
    items = parse_spec(spec)
    for name, options in items:
        if "stage" in options:
            raise SpecError(spec, f"stage {name!r}: 'stage' is not an option name")
    return {"stages": [{"stage": name, **options} for name, options in items]}


def stage_to_data(stage: Stage) -> dict[str, Any]:
    """``{"stage": name, **options}`` for a stage the registry can rebuild.

    Raises:
        ConfigError: the stage is not registered, or its registered factory
            builds a different stage from its name and options.
    """
    if stage.name not in registry.stage_names():
        raise ConfigError(
            "<pipeline>",
            f"stage {stage.name!r} is not registered, so it cannot be written as data "
            "(register its factory with arnorm.register)",
        )
    data: dict[str, Any] = {"stage": stage.name}
    for key, value in stage.params:
        data[key] = list(value) if isinstance(value, (tuple, frozenset)) else value
    if registry.build(stage.name, {k: v for k, v in data.items() if k != "stage"}) != stage:
        raise ConfigError("<pipeline>", f"stage {stage.spec!r} differs from what its registered factory builds")
    return data


def stages_from_data(
    data: Any, *, source: str | None = None, from_text: bool = False, keys: Iterable[str] = MODEL_KEYS
) -> tuple[list[Stage], str]:
    """The stages and description of the dict form ``data``, validated.

    Args:
        data: the dict form.
        source: names the data in error messages (a file name).  When given,
            an unknown stage or a bad option raises :class:`ConfigError` naming
            the key (``stages[2].keep``); when ``None`` the registry's own
            :class:`UnknownStageError` / :class:`StageOptionError` propagate.
        from_text: option values are text (a spec string) to convert to the
            declared types.
        keys: the top-level keys allowed (a configuration file adds its own).

    Raises:
        ConfigError: the data does not have the shape of the dict form.
    """
    where = source or "<data>"
    if not isinstance(data, Mapping):
        raise ConfigError(where, f"the top level must be a table/object, got {type(data).__name__}")
    allowed = tuple(keys)
    unknown = [k for k in data if k not in allowed]
    if unknown:
        raise ConfigError(where, "unknown key", key=str(unknown[0]), choices=allowed)
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ConfigError(where, f"expected a string, got {description!r}", key="description")
    if "stages" not in data:
        raise ConfigError(where, "missing the 'stages' key (a list of stage tables)", key="stages")
    items = data["stages"]
    if not isinstance(items, list):
        raise ConfigError(where, f"expected a list of stage tables, got {items!r}", key="stages")
    return [_build_stage(item, i, source, from_text) for i, item in enumerate(items)], description


def _build_stage(item: Any, index: int, source: str | None, from_text: bool) -> Stage:
    where, key = source or "<data>", f"stages[{index}]"
    if not isinstance(item, Mapping):
        raise ConfigError(where, f"expected a table/object with a 'stage' key, got {item!r}", key=key)
    options = dict(item)
    if "stage" not in options:
        raise ConfigError(where, "missing the 'stage' key", key=key, choices=registry.stage_names())
    name = options.pop("stage")
    if not isinstance(name, str):
        raise ConfigError(where, f"a stage name must be a string, got {name!r}", key=f"{key}.stage")
    try:
        for option, value in options.items():
            options[option] = _plain_value(value, name, option, where, f"{key}.{option}")
        return registry.build(name, options, from_text=from_text)
    except UnknownStageError as exc:
        if source is None:
            raise
        raise ConfigError(where, f"unknown stage {name!r}", key=f"{key}.stage", choices=exc.choices) from exc
    except StageOptionError as exc:
        if source is None:
            raise
        message = str(exc).split(": ", 1)[-1]
        raise ConfigError(where, message, key=f"{key}.{exc.option}", choices=exc.choices) from exc


def _plain_value(value: Any, stage: str | None, option: str, where: str, key: str) -> Any:
    """``value`` if a stage option can take it: a boolean, an integer, a string or a
    list of those; a TOML date (``ref = 2021-09-01``) becomes its ISO string for an
    option of ``stage`` typed ``str``.  Floats, date-times, tables, nested lists and
    null are rejected."""
    if isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, list):
        for item in value:
            if isinstance(item, (list, dict)):
                raise ConfigError(where, f"expected a list of plain values, got {value!r}", key=key)
            _plain_value(item, None, option, where, key)
        return value
    import datetime  # only for a TOML date (datetime is not needed to start the command line)

    declared = registry.stage_info(stage).options if stage is not None else {}
    if type(value) is datetime.date and declared.get(option, (None,))[0] is str:
        return value.isoformat()
    raise ConfigError(where, f"expected true/false, an integer, a string or a list of them, got {value!r}", key=key)
