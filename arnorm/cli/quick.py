"""The default command's flags read without typer, so that ``arnorm -p clean -i in -o out`` starts
as fast as a bare ``arnorm``.

Importing typer, click and rich and building the application costs about twice
the rest of a start (imports, the pipeline, a short input).  :func:`parse` reads
a closed set of well-formed ``normalize`` flags; anything else returns
``None`` and the typer application reads the arguments, with its messages:
help, version, another command, an unknown or malformed flag, a flag given
without its value, a single-valued flag given twice, a value that starts with
``-`` (other than ``-`` itself, stdin or stdout), a ``--jobs`` that is not a
plain number, an ``--errors`` that is not a policy.
``tests/test_cli_quick.py`` checks that every argument list :func:`parse` accepts
means to typer what it means here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .base import ErrorPolicy

__all__ = ["parse"]

#: Flags that take a value -> the parameter of ``normalize`` they set.
_VALUED = {
    "--preset": "preset_name",
    "-p": "preset_name",
    "--stages": "stages",
    "-s": "stages",
    "--skip": "skip",
    "--config": "config",
    "-c": "config",
    "--input": "inputs",
    "-i": "inputs",
    "--output": "output",
    "-o": "output",
    "--errors": "errors",
    "--field": "fields",
    "-f": "fields",
    "--jobs": "jobs",
    "-j": "jobs",
}
#: Flags without a value.
_SWITCHES = {"--jsonl": "jsonl", "--quiet": "quiet", "-q": "quiet"}
_REPEATABLE = frozenset({"inputs", "fields"})
_PATHS = frozenset({"config", "inputs", "output"})


def _tokens(args: Sequence[str]) -> dict[str, Any] | None:
    """``{parameter: value or list of values}`` as written, or None if typer must read ``args``."""
    rest = list(args[1:] if args and args[0] == "normalize" else args)
    found: dict[str, Any] = {}
    while rest:
        arg = rest.pop(0)
        if arg in _SWITCHES:
            found[_SWITCHES[arg]] = True
            continue
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        key = _VALUED.get(name)
        if key is None or (not equals and not rest):
            return None
        if not equals:
            value = rest.pop(0)
        if value.startswith("-") and value != "-":
            return None
        if key in _REPEATABLE:
            found.setdefault(key, []).append(value)
        elif key in found:
            return None
        else:
            found[key] = value
    return found


def parse(args: Sequence[str]) -> dict[str, Any] | None:
    """The keyword arguments of :func:`arnorm.cli.filtering.normalize_text` that ``args``
    (the command line after ``arnorm``) ask for, or None: then typer reads them."""
    found = _tokens(args)
    if found is None:
        return None
    paths = [found.get("config"), found.get("output"), *found.get("inputs", ())]
    if "" in paths:
        return None  # typer's message for an empty path
    jobs = found.get("jobs", "1")
    if not (jobs.isascii() and jobs.isdigit()):
        return None
    errors = found.get("errors", ErrorPolicy.strict.value)
    if errors not in ErrorPolicy.__members__:
        return None
    return {
        "preset_name": found.get("preset_name"),
        "stages": found.get("stages"),
        "skip": found.get("skip"),
        "config": Path(found["config"]) if "config" in found else None,
        "inputs": tuple(Path(p) for p in found.get("inputs", ())),
        "output": Path(found["output"]) if "output" in found else None,
        "errors": ErrorPolicy(errors),
        "jsonl": found.get("jsonl", False),
        "fields": tuple(found.get("fields", ())),
        "jobs": int(jobs),
        "quiet": found.get("quiet", False),
    }
