"""The filtering commands (normalize, translit, dates) and the listings (stages, presets)."""

from __future__ import annotations

import dataclasses
import typing
from typing import Annotated, Any

import typer

from .. import __version__
from ..errors import ArnormError
from ..pipeline import Pipeline
from ..presets import PRESET_DESCRIPTIONS, PRESETS, preset
from ..registry import build as build_stage
from ..registry import stage_info, stage_names
from ..spec import format_value
from ..stage import FunctionStage
from .application import (
    STATUSES,
    ConfigOpt,
    PresetOpt,
    SkipOpt,
    StagesOpt,
    app,
    with_io_options,
)
from .base import DEFAULT_PRESET, exit_statuses
from .filtering import IOOptions, filter_text, normalize_text

__all__ = ["date_matches_per_line"]

def _version(value: bool) -> None:
    if value:
        typer.echo(f"arnorm {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """The group: only ``--version``; the help text is the app's."""




@app.command(epilog=STATUSES)
@with_io_options
def normalize(
    preset_name: PresetOpt = None,
    stages: StagesOpt = None,
    skip: SkipOpt = None,
    config: ConfigOpt = None,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="Input is JSON Lines: normalize only the --field string fields.")
    ] = False,
    fields: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            "-f",
            help="With --jsonl: a field to normalize (repeatable; 'meta.title' for nested keys).",
        ),
    ] = None,
    *,
    io: IOOptions,
) -> None:
    """Normalize text line by line (the default command).

    Line endings (LF, CRLF, a missing final newline), a leading BOM and every
    character no stage changes are kept byte for byte.  With --jsonl, only the
    values of the named string fields change (every key of that name, duplicates
    included); every other byte of the line is kept.
    """
    normalize_text(
        preset_name=preset_name,
        stages=stages,
        skip=skip,
        config=config,
        jsonl=jsonl,
        fields=tuple(fields or ()),
        inputs=io.inputs,
        output=io.output,
        errors=io.errors,
        jobs=io.jobs,
        quiet=io.quiet,
    )


def _choices(annotation: Any) -> str:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is tuple:
        return _choices(args[0] if args else str) + " (several joined with +)"
    if origin is typing.Literal:
        return "|".join(str(a) for a in args)
    if annotation is bool:
        return "true|false"
    return {int: "INTEGER", str: "TEXT"}.get(annotation, str(annotation))


@app.command("stages")
def list_stages() -> None:
    """List the registered stages with their options."""
    names = stage_names()
    width = max(map(len, names))
    with exit_statuses():
        for name in names:
            info = stage_info(name)
            typer.echo(f"{name:<{width}}  {info.description}")
            for option, (annotation, default) in info.options.items():
                shown = format_value(default) if default != () else "none"
                typer.echo(f"{'':<{width}}    {option}={_choices(annotation)}  (default: {shown})")


@app.command("presets")
def list_presets(
    show: Annotated[
        str | None,
        typer.Option("--show", help="Print this preset as a configuration file (for --config).", show_default=False),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="With --show: JSON instead of TOML.")] = False,
) -> None:
    """List the presets with what they are for and their stages."""
    width = max(map(len, PRESETS))
    with exit_statuses():
        if show is not None:
            from ..config import dump_config

            typer.echo(dump_config(preset(show), "json" if as_json else "toml"), nl=False)
            return
        for name, spec in PRESETS.items():
            suffix = "  (default)" if name == DEFAULT_PRESET else ""
            typer.echo(f"{name:<{width}}  {PRESET_DESCRIPTIONS.get(name, '')}{suffix}")
            typer.echo(f"{'':<{width}}    {spec}")


# -- transliteration and dates ----------------------------------------------------------
@app.command("translit", epilog=STATUSES)
@with_io_options
def translit_command(
    scheme: Annotated[
        str, typer.Option("--scheme", "-S", help="Scheme; see the list in 'arnorm stages' (translit).")
    ] = "buckwalter",
    to_arabic: Annotated[
        bool, typer.Option("--to-arabic", help="Decode a lossless scheme (Buckwalter family) back to Arabic.")
    ] = False,
    ascii: Annotated[bool, typer.Option("--ascii", help="Fold the transliterated text to plain ASCII.")] = False,
    marks: Annotated[
        str, typer.Option("--marks", help="With --ascii: 'apostrophe' keeps hamza/ayn as ', 'drop' drops them.")
    ] = "apostrophe",
    *,
    io: IOOptions,
) -> None:
    """Transliterate Arabic script to Latin line by line (or back, with --to-arabic).

    Text that is not Arabic passes through unchanged.  The lossless schemes
    (buckwalter, safe-buckwalter, xml-buckwalter, hsb, buckwalter-quranic)
    round-trip with --to-arabic, which decodes every character of the scheme's
    alphabet, Latin words included.
    """
    with exit_statuses():
        if to_arabic:
            if ascii:
                raise ArnormError("--ascii applies to transliteration, not to --to-arabic")
            stage = build_stage("to_arabic", {"scheme": scheme})
        else:
            stage = build_stage("translit", {"scheme": scheme, "ascii": ascii, "marks": marks})
    filter_text(Pipeline([stage]), io)


def date_matches_per_line(text: str, ref: str = "") -> str:
    """One JSON array of :meth:`arnorm.DateMatch.to_dict` per line of ``text``
    (``[]`` for a line without dates, an empty line included); the empty
    remainder after a final newline is not a line and stays empty."""
    from ..dates import dates_to_jsonl

    lines = text.split("\n")
    out = [dates_to_jsonl(line, ref or None) if line else "[]" for line in lines[:-1]]
    last = lines[-1]
    out.append(dates_to_jsonl(last, ref or None) if last else "")
    return "\n".join(out)


@app.command("dates", epilog=STATUSES)
@with_io_options
def dates_command(
    ref: Annotated[
        str | None,
        typer.Option("--ref", help="Reference date (YYYY-MM-DD) for relative dates such as أمس.", show_default=False),
    ] = None,
    rewrite: Annotated[
        bool, typer.Option("--rewrite", help="Rewrite each date in place instead of listing the matches.")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="With --rewrite: iso, dmy or arabic.")] = "iso",
    keep_original: Annotated[
        bool, typer.Option("--keep-original", help="With --rewrite: keep the date and add [ISO] after it.")
    ] = False,
    *,
    io: IOOptions,
) -> None:
    """Find the dates in each line: one JSON array of matches per input line, or --rewrite.

    Each match has start/end (character offsets in its line), the text, the
    calendar (gregorian/hijri), year/month/day as written, the precision and
    the Gregorian date (Hijri converted with the Umm al-Qura calendar).
    """
    with exit_statuses():
        if rewrite:
            options = {"format": fmt, "keep_original": keep_original, "ref": ref or ""}
            pipe = Pipeline([build_stage("dates", options)])
        else:
            if keep_original or fmt != "iso":
                raise ArnormError("--format and --keep-original need --rewrite")
            from ..dates.model import coerce_ref

            coerce_ref(ref)  # a bad --ref fails before any input is read
            # Not a registered stage (its output is JSON, not text), so it runs in this process.
            matches = FunctionStage(name="dates_json", func=date_matches_per_line, kwargs=(("ref", ref or ""),))
            pipe = Pipeline([matches])
            io = dataclasses.replace(io, jobs=1)
    filter_text(pipe, io)


