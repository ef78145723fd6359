"""Pipelines as data: TOML or JSON files that describe a pipeline.

A configuration names either a preset (optionally minus some of its stages)
or an explicit list of stages with their options::

    # search.toml: the search preset without digit folding
    preset = "search"
    skip = ["digits"]

    # dediac.toml: an explicit list
    description = "dediacritize, keep shadda, fold alef"

    [[stages]]
    stage = "diacritics"
    keep = ["shadda"]

    [[stages]]
    stage = "alef"
    extended = false

The same in JSON::

    {"stages": [{"stage": "diacritics", "keep": ["shadda"]},
                {"stage": "alef", "extended": false}]}

Top-level keys:

============  ==================================================================
key           meaning
============  ==================================================================
preset        a preset name (see :data:`arnorm.PRESETS`); excludes ``stages``
skip          with ``preset``: stage names to leave out of it
stages        a list of tables, each ``stage = name`` plus that stage's options
description   free text, kept as the pipeline's description
============  ==================================================================

Option values take the types the stage declares (``arnorm stages`` lists
them): booleans, integers, strings, and lists of those; a single string is
accepted where a list is expected.  Anything else is rejected with a
:class:`ConfigError` that names the file, the key (``stages[2].keep``) and,
where they form a closed set, the valid choices.

:func:`dump_config` writes a pipeline back in either format; loading the
text it returns gives an equal pipeline.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from . import registry
from .errors import ArnormError, SpecError, StageOptionError, UnknownStageError
from .pipeline import Pipeline
from .presets import PRESETS
from .stage import Stage

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["FORMATS", "ConfigError", "dump_config", "load_config", "loads_config", "pipeline_from_data"]

#: Configuration formats, by the file suffix that selects them.
FORMATS: Mapping[str, Literal["toml", "json"]] = {".toml": "toml", ".json": "json"}

#: The top-level keys a configuration may have.
TOP_LEVEL_KEYS = ("description", "preset", "skip", "stages")

Format = Literal["toml", "json"]

_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


class ConfigError(SpecError):
    """A configuration file that cannot be read as a pipeline.

    Attributes:
        source: the file name (or ``"<string>"``).
        key: the offending key as a path (``"stages[2].keep"``), or ``None``
            for a syntax error.
        line: the line of a syntax error, when the parser reports one.
        choices: the valid choices, when they form a closed set.
    """

    def __init__(
        self,
        source: str,
        message: str,
        *,
        key: str | None = None,
        line: int | None = None,
        choices: Iterable[str] = (),
    ) -> None:
        self.source = source
        self.key = key
        self.line = line
        self.choices = tuple(choices)
        self.spec = source
        self.position = None
        where = source
        if line is not None:
            where += f", line {line}"
        if key is not None:
            where += f", key {key!r}"
        text = f"{where}: {message}"
        if self.choices and "valid" not in message:
            text += f"; valid choices: {', '.join(self.choices)}"
        ArnormError.__init__(self, text)


# -- reading ---------------------------------------------------------------------------
def load_config(path: str | Path, format: Format | None = None) -> Pipeline:
    """Read the pipeline described by the TOML or JSON file ``path``.

    Args:
        path: the file; its suffix (``.toml`` or ``.json``) selects the
            format unless ``format`` is given.
        format: ``"toml"`` or ``"json"``, to override the suffix.

    Raises:
        ConfigError: unknown suffix, a syntax error (with its line), or a
            pipeline that does not validate (with the key and valid choices).
        OSError: the file cannot be read.
    """
    path = Path(path)
    if format is None:
        try:
            format = FORMATS[path.suffix.lower()]
        except KeyError:
            raise ConfigError(
                str(path),
                f"cannot tell the format from the suffix {path.suffix!r}",
                choices=FORMATS,
            ) from None
    return loads_config(path.read_text(encoding="utf-8"), format, source=str(path))


def loads_config(text: str, format: Format, *, source: str = "<string>") -> Pipeline:
    """Parse configuration ``text`` in ``format`` (``"toml"`` or ``"json"``).

    ``source`` names the text in error messages.

    Raises:
        ConfigError: as :func:`load_config`.
    """
    if format == "toml":
        try:
            data: Any = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            found = _TOML_LINE.search(str(exc))
            line = int(found.group(1)) if found else None
            if line is None and "at end of document" in str(exc):
                line = text.count("\n") + 1
            raise ConfigError(source, f"invalid TOML: {exc}", line=line) from exc
    elif format == "json":
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicates)
        except _DuplicateKey as exc:
            raise ConfigError(source, "key given twice in one object", key=exc.args[0]) from None
        except json.JSONDecodeError as exc:
            raise ConfigError(source, f"invalid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno) from exc
    else:
        raise ConfigError(source, f"unknown format {format!r}", choices=("toml", "json"))
    return pipeline_from_data(data, source=source)


class _DuplicateKey(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _names(value: Any, source: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(source, f"expected a list of stage names, got {value!r}", key=key)
    return value


def _check_value(value: Any, source: str, key: str) -> None:
    """Reject values no stage option can take (floats, dates, tables, nested lists, null)."""
    if isinstance(value, list):
        for item in value:
            if isinstance(item, (list, dict)):
                raise ConfigError(source, f"expected a list of plain values, got {value!r}", key=key)
            _check_value(item, source, key)
        return
    if not isinstance(value, (bool, int, str)):
        raise ConfigError(
            source,
            f"expected true/false, an integer, a string or a list of them, got {value!r}",
            key=key,
        )


def _build_stage(item: Any, index: int, source: str) -> Stage:
    where = f"stages[{index}]"
    if not isinstance(item, dict):
        raise ConfigError(source, f"expected a table/object with a 'stage' key, got {item!r}", key=where)
    options = dict(item)
    if "stage" not in options:
        raise ConfigError(
            source, "missing the 'stage' key", key=where, choices=registry.stage_names()
        )
    name = options.pop("stage")
    if not isinstance(name, str):
        raise ConfigError(source, f"a stage name must be a string, got {name!r}", key=f"{where}.stage")
    for option, value in options.items():
        _check_value(value, source, f"{where}.{option}")
    try:
        return registry.build(name, options)
    except UnknownStageError as exc:
        raise ConfigError(
            source, f"unknown stage {name!r}", key=f"{where}.stage", choices=exc.choices
        ) from exc
    except StageOptionError as exc:
        message = str(exc).split(": ", 1)[-1]
        raise ConfigError(source, message, key=f"{where}.{exc.option}", choices=exc.choices) from exc


def pipeline_from_data(data: Any, *, source: str = "<data>") -> Pipeline:
    """Build a pipeline from already parsed configuration data (a dict).

    Raises:
        ConfigError: the data does not follow the schema of this module.
    """
    if not isinstance(data, dict):
        raise ConfigError(source, f"the top level must be a table/object, got {type(data).__name__}")
    unknown = [k for k in data if k not in TOP_LEVEL_KEYS]
    if unknown:
        raise ConfigError(source, "unknown key", key=unknown[0], choices=TOP_LEVEL_KEYS)
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ConfigError(source, f"expected a string, got {description!r}", key="description")
    has_preset, has_stages = "preset" in data, "stages" in data
    if has_preset == has_stages:
        raise ConfigError(source, "give exactly one of 'preset' and 'stages'")
    if "skip" in data and not has_preset:
        raise ConfigError(source, "'skip' applies to a preset; with 'stages', leave the stage out", key="skip")

    if has_preset:
        name = data["preset"]
        if not isinstance(name, str) or name not in PRESETS:
            raise ConfigError(source, f"unknown preset {name!r}", key="preset", choices=PRESETS)
        stages: list[Stage] = list(Pipeline.from_spec(PRESETS[name]).stages)
        present = [s.name for s in stages]
        skip = _names(data.get("skip", []), source, "skip")
        for skipped in skip:
            if skipped not in present:
                raise ConfigError(
                    source,
                    f"{skipped!r} is not a stage of preset {name!r}",
                    key="skip",
                    choices=present,
                )
        stages = [s for s in stages if s.name not in skip]
    else:
        items = data["stages"]
        if not isinstance(items, list):
            raise ConfigError(source, f"expected a list of stage tables, got {items!r}", key="stages")
        stages = [_build_stage(item, i, source) for i, item in enumerate(items)]
    return Pipeline(stages, description=description)


# -- writing ---------------------------------------------------------------------------
def _flat_stages(pipe: Pipeline) -> list[Stage]:
    """The stages of ``pipe``, anonymous nested pipelines spliced in."""
    out: list[Stage] = []
    for stage in pipe.stages:
        if isinstance(stage, Pipeline) and stage.name == "pipeline":
            out.extend(_flat_stages(stage))
        else:
            out.append(stage)
    return out


def _stage_data(stage: Stage) -> dict[str, Any]:
    """``{"stage": name, **options}`` for a stage the registry can rebuild."""
    if stage.name not in registry.stage_names():
        raise ConfigError(
            "<dump>",
            f"stage {stage.name!r} is not registered, so it cannot be written as data "
            "(register its factory with arnorm.register)",
        )
    data: dict[str, Any] = {"stage": stage.name}
    for key, value in stage.params:
        data[key] = list(value) if isinstance(value, (tuple, frozenset)) else value
    if registry.build(stage.name, {k: v for k, v in data.items() if k != "stage"}) != stage:
        raise ConfigError(
            "<dump>", f"stage {stage.spec!r} differs from what its registered factory builds"
        )
    return data


def _toml_string(text: str) -> str:
    """A TOML basic string; non-ASCII and control characters as ``\\u`` escapes."""
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif " " <= ch <= "~":
            out.append(ch)
        elif 0xD800 <= ord(ch) <= 0xDFFF:
            raise ConfigError("<dump>", f"TOML cannot hold the lone surrogate U+{ord(ch):04X}; use JSON")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(f"\\U{ord(ch):08X}")
    out.append('"')
    return "".join(out)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise ConfigError("<dump>", f"cannot write {value!r} ({type(value).__name__}) as TOML")


def _toml_key(key: str) -> str:
    if key and all(c.isascii() and (c.isalnum() or c in "_-") for c in key):
        return key
    return _toml_string(key)


def dump_config(pipe: Pipeline, format: Format = "toml") -> str:
    """Write ``pipe`` as a TOML or JSON configuration (``loads_config`` reads it back).

    The stages are listed explicitly, options that differ from their defaults
    included; a preset is written as its stages.  Anonymous nested pipelines are
    flattened (the result runs identically).

    Raises:
        ConfigError: a stage that the registry cannot rebuild from its name and
            options (an unregistered custom stage), or an unknown format.
    """
    data: dict[str, Any] = {}
    if pipe.description:
        data["description"] = pipe.description
    data["stages"] = [_stage_data(s) for s in _flat_stages(pipe)]
    if format == "json":
        return json.dumps(data, ensure_ascii=True, indent=2) + "\n"
    if format != "toml":
        raise ConfigError("<dump>", f"unknown format {format!r}", choices=("toml", "json"))
    lines: list[str] = []
    if "description" in data:
        lines += [f"description = {_toml_string(data['description'])}", ""]
    if not data["stages"]:
        lines.append("stages = []")
    for item in data["stages"]:
        lines.append("[[stages]]")
        lines += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in item.items()]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
