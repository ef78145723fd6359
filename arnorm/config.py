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

A configuration is a view of the pipeline's dict form (:mod:`arnorm.schema`,
:meth:`Pipeline.to_dict <arnorm.pipeline.Pipeline.to_dict>`): the same keys,
plus ``preset`` and ``skip``, which stand for ``preset(name).without(*skip)``.
TOML is read with :mod:`tomllib` (``tomli`` before Python 3.11) and written
with ``tomli-w``; a TOML date (``ref = 2021-09-01``) is accepted for an option
typed as a string and read as its ISO form.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import tomli_w

from .errors import ConfigError, StageNotInPipelineError
from .pipeline import Pipeline
from .presets import PRESETS, preset
from .schema import MODEL_KEYS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["FORMATS", "ConfigError", "dump_config", "load_config", "loads_config", "pipeline_from_data"]

#: Configuration formats, by the file suffix that selects them.
FORMATS: Mapping[str, Literal["toml", "json"]] = {".toml": "toml", ".json": "json"}

#: The top-level keys a configuration may have: the dict form's, plus preset and skip.
TOP_LEVEL_KEYS = tuple(sorted((*MODEL_KEYS, "preset", "skip")))

Format = Literal["toml", "json"]

_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_BOMS = ((b"\xef\xbb\xbf", "UTF-8 with a byte order mark"), (b"\xff\xfe", "UTF-16 (little-endian, with a BOM)"),
         (b"\xfe\xff", "UTF-16 (big-endian, with a BOM)"))


# -- reading ---------------------------------------------------------------------------
def load_config(path: str | Path, format: Format | None = None) -> Pipeline:
    """Read the pipeline described by the TOML or JSON file ``path``.

    Args:
        path: the file; its suffix (``.toml`` or ``.json``) selects the
            format unless ``format`` is given.
        format: ``"toml"`` or ``"json"``, to override the suffix.

    Raises:
        ConfigError: a directory, unknown suffix, text that is not UTF-8 (naming
            UTF-16 when a byte order mark says so), a syntax error (with its
            line), or a pipeline that does not validate (with the key and valid choices).
        OSError: the file cannot be read.
    """
    path = Path(path)
    if path.is_dir():
        raise ConfigError(str(path), "is a directory, not a configuration file")
    if format is None:
        try:
            format = FORMATS[path.suffix.lower()]
        except KeyError:
            raise ConfigError(
                str(path), f"cannot tell the format from the suffix {path.suffix!r}", choices=FORMATS
            ) from None
    return loads_config(_decode(path.read_bytes(), str(path)), format, source=str(path))


def _decode(data: bytes, source: str) -> str:
    """``data`` as UTF-8 text; a byte order mark or invalid UTF-8 is a one-line ConfigError."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise ConfigError(source, f"the file is {name}; save it as UTF-8 without a BOM")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ConfigError(
            source, f"not UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8", line=line
        ) from None


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
        duplicates: list[str] = []
        try:
            data = json.loads(text, object_pairs_hook=functools.partial(_keep_pairs, duplicates=duplicates))
        except json.JSONDecodeError as exc:
            raise ConfigError(source, f"invalid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno) from exc
        if duplicates:
            raise ConfigError(source, "key given twice in one object", key=duplicates[0])
    else:
        raise ConfigError(source, f"unknown format {format!r}", choices=("toml", "json"))
    return pipeline_from_data(data, source=source)


def _keep_pairs(pairs: list[tuple[str, Any]], duplicates: list[str]) -> dict[str, Any]:
    """A JSON object as a dict; keys given twice are appended to ``duplicates``."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            duplicates.append(key)
        out[key] = value
    return out


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
    if ("preset" in data) == ("stages" in data):
        raise ConfigError(source, "give exactly one of 'preset' and 'stages'")
    if "skip" in data and "preset" not in data:
        raise ConfigError(source, "'skip' applies to a preset; with 'stages', leave the stage out", key="skip")
    if "stages" in data:
        return Pipeline.from_dict(data, source=source)
    name = data["preset"]
    if not isinstance(name, str) or name not in PRESETS:
        raise ConfigError(source, f"unknown preset {name!r}", key="preset", choices=PRESETS)
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ConfigError(source, f"expected a string, got {description!r}", key="description")
    skip = data.get("skip", [])
    skip = [skip] if isinstance(skip, str) else skip
    if not isinstance(skip, list) or not all(isinstance(v, str) for v in skip):
        raise ConfigError(source, f"expected a list of stage names, got {skip!r}", key="skip")
    try:
        pipe = preset(name).without(*skip)
    except StageNotInPipelineError as exc:
        raise ConfigError(
            source, f"{exc.name!r} is not a stage of preset {name!r}", key="skip", choices=exc.choices
        ) from None
    return Pipeline(pipe.stages, description=description)


# -- writing ---------------------------------------------------------------------------
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xD800 <= code <= 0xDFFF:
        raise ConfigError("<dump>", f"TOML cannot hold the lone surrogate U+{code:04X}; use JSON")
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def dump_config(pipe: Pipeline, format: Format = "toml") -> str:
    """Write ``pipe`` as a TOML or JSON configuration (``loads_config`` reads it back).

    The file is the pipeline's dict form (:meth:`Pipeline.to_dict`): the stages
    are listed explicitly, options that differ from their defaults included; a
    preset is written as its stages.  Non-ASCII characters are written as
    ``\\u`` escapes, as in ``arnorm/data``.

    Raises:
        ConfigError: a stage that the registry cannot rebuild from its name and
            options (an unregistered custom stage), a lone surrogate in TOML, or
            an unknown format.
    """
    data = pipe.to_dict()
    if format == "json":
        return json.dumps(data, ensure_ascii=True, indent=2) + "\n"
    if format != "toml":
        raise ConfigError("<dump>", f"unknown format {format!r}", choices=("toml", "json"))
    # tomli-w writes every key and value; each stage gets its own [[stages]] table
    # (tomli-w would inline short ones).  It writes every string as a basic string
    # ("..."), where \u escapes are valid, so escaping non-ASCII keeps it exact.
    stages = data.pop("stages")
    chunks = [tomli_w.dumps(data)] if data else []
    chunks += [f"[[stages]]\n{tomli_w.dumps(stage)}" for stage in stages] or ["stages = []\n"]
    return _NON_ASCII.sub(_escape, "\n".join(chunks))
