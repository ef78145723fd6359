"""The typer application and the options every command shares."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .base import DEFAULT_PRESET, ErrorPolicy
from .filtering import IOOptions

__all__ = ["STATUSES", "ErrorPolicy", "app", "with_io_options"]


class _DefaultCommand(TyperGroup):
    """A group that runs ``normalize`` when no subcommand is named (``arnorm < in``)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # ctx: click.Context (vendored by typer)
        own = {opt for param in self.get_params(ctx) for opt in (*param.opts, *param.secondary_opts)}
        if not args or (args[0].startswith("-") and args[0] not in own and args[0] != "-"):
            args = ["normalize", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_DefaultCommand,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts are plain: '[brackets]' are shown as written
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Normalize Arabic text: a Unix filter (stdin to stdout by default). "
    "With no command, runs 'normalize'.",
)


# -- shared options ---------------------------------------------------------------
PresetOpt = Annotated[
    str | None,
    typer.Option("--preset", "-p", help=f"Preset pipeline (default {DEFAULT_PRESET}); see 'arnorm presets'."),
]
StagesOpt = Annotated[
    str | None,
    typer.Option(
        "--stages",
        "-s",
        help="Explicit stage list instead of a preset, e.g. 'diacritics(keep=shadda),alef,ya'.",
    ),
]
SkipOpt = Annotated[
    str | None,
    typer.Option("--skip", help="Comma-separated stage names to drop from the preset or stage list."),
]
InputsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--input",
        "-i",
        help="Input file (repeatable; '-' is stdin). Default: stdin.",
        show_default=False,
        readable=False,  # checked by the command: an unreadable input exits 66, not 2
        dir_okay=True,
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Output file, written atomically ('-', /dev/stdout, /dev/fd/N and devices: in place). "
        "Default: stdout.",
        show_default=False,
    ),
]
ErrorsOpt = Annotated[
    ErrorPolicy,
    typer.Option(
        "--errors",
        help="Invalid UTF-8: strict = stop with an error (exit 65); replace = U+FFFD; "
        "preserve = pass the bytes through unchanged.",
    ),
]
JobsOpt = Annotated[
    int,
    typer.Option(
        "--jobs", "-j", min=0, help="Worker processes (0 = one per CPU; at most the CPUs available). Order is kept."
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Pipeline from a TOML or JSON file (write one with 'arnorm presets --show NAME').",
        show_default=False,
    ),
]

STATUSES = (
    "Exit status: 0 ok; 2 usage error; 65 invalid input (UTF-8 or JSON); 66 input not readable; "
    "73 output not creatable; 74 I/O error; 129/143 stopped by SIGHUP/SIGTERM; 130 interrupted; "
    "141 output closed early (arnorm < big | head)."
)


#: The command-line options behind :class:`IOOptions` (``fields`` is ``normalize``'s own).
_IO_PARAMETERS = [
    inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
    for name, annotation, default in (
        ("inputs", InputsOpt, None),
        ("output", OutputOpt, None),
        ("errors", ErrorsOpt, ErrorPolicy.strict),
        ("jobs", JobsOpt, 1),
        ("quiet", QuietOpt, False),
    )
]


def with_io_options(command: Callable[..., None]) -> Callable[..., None]:
    """A filtering command that takes its I/O flags as one ``io: IOOptions`` argument.

    typer sees the command's own parameters followed by ``--input``, ``--output``,
    ``--errors``, ``--jobs`` and ``--quiet``, and the command gets them as ``io``.
    """
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "io"]

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> None:
        flags = {p.name: kwargs.pop(p.name) for p in _IO_PARAMETERS}
        command(**kwargs, io=IOOptions(**{**flags, "inputs": tuple(flags["inputs"] or ())}))

    parameters = [*own, *_IO_PARAMETERS]
    wrapper.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in parameters}  # what typer's get_type_hints reads
    return wrapper
