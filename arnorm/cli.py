"""The ``arnorm`` command line: a Unix filter over :class:`arnorm.Pipeline`.

::

    arnorm < in.txt > out.txt                      # the search preset
    arnorm --preset clean -i a.txt -i b.txt -o out.txt
    arnorm --stages diacritics,alef,ya < in.txt
    arnorm --preset search --skip digits,punctuation < in.txt
    arnorm --jsonl --field text --field meta.title < corpus.jsonl
    arnorm --jobs 2 -i big.txt -o big.norm.txt
    arnorm explain "أخبارٌ ســورية"
    arnorm stages
    arnorm presets

This module only maps flags to a pipeline and to :func:`arnorm._io.run`,
which does the byte-level work (streaming, decoding, line endings, atomic
output, the process pool).  Exit statuses follow ``sysexits.h``:

====  ==================================================================
0     success
2     usage: unknown preset, stage, option or flag
65    invalid input data (invalid UTF-8, or a ``--jsonl`` line that is not JSON)
66    an input file cannot be opened
73    the output file cannot be created
74    reading or writing failed (a full disk, say)
129   stopped by SIGHUP (an ``-o`` file is left as it was)
130   interrupted (Ctrl-C)
143   stopped by SIGTERM (an ``-o`` file is left as it was)
141   standard output was closed early (``arnorm < big | head``): nothing is
      printed, as with other filters killed by SIGPIPE
====  ==================================================================

Errors are reported as one line on standard error: ``arnorm: error: ...``.

A new command that filters text (``translit``, ``dates``) is a function
that builds a :class:`~arnorm.Pipeline` from its own flags, takes the shared
I/O flags (``InputsOpt`` ... ``QuietOpt``) and calls :func:`filter_text`.
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import sys
import typing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from . import __version__
from ._io import InputDataError, Source, atomic_output, run
from .errors import ArnormError
from .pipeline import Pipeline
from .presets import PRESET_DESCRIPTIONS, PRESETS, preset
from .registry import build as build_stage
from .registry import stage_info, stage_names
from .spec import format_value
from .stage import FunctionStage

__all__ = ["IOOptions", "app", "build_pipeline", "filter_text", "main"]

EX_OK = 0
EX_USAGE = 2
EX_DATAERR = 65
EX_NOINPUT = 66
EX_CANTCREAT = 73
EX_IOERR = 74
EX_INTERRUPTED = 130
EX_BROKEN_PIPE = 141

DEFAULT_PRESET = "search"


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
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Normalize Arabic text: a Unix filter (stdin to stdout by default). "
    "With no command, runs 'normalize'.",
)


class ErrorPolicy(enum.Enum):
    """What to do with bytes that are not UTF-8."""

    strict = "strict"
    replace = "replace"
    preserve = "preserve"


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
        "--input", "-i", help="Input file (repeatable; '-' is stdin). Default: stdin.", show_default=False
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Output file, written atomically ('-' is stdout). Default: stdout.",
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
    typer.Option("--jobs", "-j", min=0, help="Worker processes (0 = one per CPU). Output order is kept."),
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


# -- errors -------------------------------------------------------------------------
def _fail(message: str, code: int) -> NoReturn:
    typer.echo(f"arnorm: error: {message}", err=True)
    raise typer.Exit(code)


def _silence_stdout() -> None:
    """After EPIPE: point stdout at /dev/null so the interpreter's final flush stays quiet."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


@contextlib.contextmanager
def _exit_statuses() -> Iterator[None]:
    """Turn the errors a command expects into one line on stderr and an exit status."""
    try:
        yield
    except InputDataError as exc:
        _fail(str(exc), EX_DATAERR)
    except ArnormError as exc:
        _fail(str(exc), EX_USAGE)
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(EX_BROKEN_PIPE) from None
    except KeyboardInterrupt:
        typer.echo("arnorm: interrupted", err=True)
        raise typer.Exit(EX_INTERRUPTED) from None


# -- pipelines ------------------------------------------------------------------------
def build_pipeline(
    preset_name: str | None, stages: str | None, skip: str | None, config: Path | None = None
) -> Pipeline:
    """The pipeline the flags ask for: ``--stages``, ``--config`` or ``--preset``
    (default search), minus ``--skip``.

    Raises:
        ArnormError: an unknown preset, stage or option, more than one of
            ``--preset``/``--stages``/``--config``, an invalid configuration file,
            or a ``--skip`` name that is not in the pipeline.
    """
    if sum(x is not None for x in (preset_name, stages, config)) > 1:
        raise ArnormError("give one of --preset, --stages and --config")
    if config is not None:
        from .config import load_config

        try:
            pipe = load_config(config)
        except OSError as exc:
            _fail(f"cannot read {config}: {exc.strerror or exc}", EX_NOINPUT)
    elif stages is not None:
        pipe = Pipeline.from_spec(stages)
    else:
        pipe = preset(preset_name or DEFAULT_PRESET)
    if skip:
        pipe = pipe.without(*(name.strip() for name in skip.split(",") if name.strip()))
    return pipe


# -- the filter -------------------------------------------------------------------------
@dataclass(frozen=True)
class IOOptions:
    """The I/O flags every filtering command shares."""

    inputs: tuple[Path, ...] = ()
    output: Path | None = None
    errors: ErrorPolicy = ErrorPolicy.strict
    jobs: int = 1
    quiet: bool = False
    fields: tuple[str, ...] = ()


def _is_std(path: Path | None) -> bool:
    return path is None or str(path) == "-"


def _sources(inputs: Sequence[Path]) -> list[Source]:
    stdin = typer.get_binary_stream("stdin")
    if not inputs:
        return [Source("<stdin>", stream=stdin)]
    sources = []
    for path in inputs:
        if _is_std(path):
            sources.append(Source("<stdin>", stream=stdin))
            continue
        # Checked without opening: opening and closing a FIFO (-i <(zcat x.gz)) would disturb its writer.
        problem = (
            "No such file or directory"
            if not path.exists()
            else "Is a directory"
            if path.is_dir()
            else "Permission denied"
            if not os.access(path, os.R_OK)
            else None
        )
        if problem is not None:
            _fail(f"cannot read {path}: {problem}", EX_NOINPUT)
        sources.append(Source(str(path), path=path))
    return sources


@contextlib.contextmanager
def _progress(paths: Sequence[Path], enabled: bool) -> Iterator[Callable[[int], None] | None]:
    """A rich progress bar on stderr over the total size of ``paths`` (or nothing)."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn, TransferSpeedColumn

    total = sum(path.stat().st_size for path in paths if path.is_file())
    columns = (BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("arnorm", total=total or None)
        yield lambda n: bar.advance(task, n)


def _want_progress(options: IOOptions) -> bool:
    """A progress bar only for file input, on a terminal stderr, not over terminal output."""
    files = [p for p in options.inputs if not _is_std(p)]
    if options.quiet or not files or any(_is_std(p) for p in options.inputs):
        return False
    if _is_std(options.output) and sys.stdout.isatty():
        return False
    return sys.stderr.isatty()


def filter_text(pipe: Pipeline, options: IOOptions) -> None:
    """Run ``pipe`` over the inputs into the output: the body of every filtering command."""
    with _exit_statuses():
        sources = _sources(options.inputs)
        jobs = options.jobs or os.cpu_count() or 1
        kwargs: dict[str, Any] = {"errors": options.errors.value, "fields": options.fields, "jobs": jobs}
        where = "<stdout>" if _is_std(options.output) else str(options.output)
        try:
            with (
                _progress(options.inputs, _want_progress(options)) as on_read,
                contextlib.ExitStack() as stack,
            ):
                if _is_std(options.output):
                    sink = typer.get_binary_stream("stdout")
                    stack.callback(sink.flush)
                else:
                    assert options.output is not None
                    try:
                        sink = stack.enter_context(atomic_output(options.output))
                    except OSError as exc:
                        _fail(f"cannot create {where}: {exc.strerror or exc}", EX_CANTCREAT)
                run(pipe, sources, sink, on_read=on_read, flush=_is_std(options.output), **kwargs)
        except BrokenPipeError:
            raise
        except OSError as exc:
            _fail(f"{exc.filename or where}: {exc.strerror or exc}", EX_IOERR)


# -- commands -----------------------------------------------------------------------------
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


_STATUSES = (
    "Exit status: 0 ok; 2 usage error; 65 invalid input (UTF-8 or JSON); 66 input not readable; "
    "73 output not creatable; 74 I/O error; 129/143 stopped by SIGHUP/SIGTERM; 130 interrupted; "
    "141 output closed early (arnorm < big | head)."
)


@app.command(epilog=_STATUSES)
def normalize(
    preset_name: PresetOpt = None,
    stages: StagesOpt = None,
    skip: SkipOpt = None,
    config: ConfigOpt = None,
    inputs: InputsOpt = None,
    output: OutputOpt = None,
    errors: ErrorsOpt = ErrorPolicy.strict,
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
    jobs: JobsOpt = 1,
    quiet: QuietOpt = False,
) -> None:
    """Normalize text line by line (the default command).

    Line endings (LF, CRLF, a missing final newline), a leading BOM and every
    character no stage changes are kept byte for byte.  With --jsonl, lines
    whose fields change are re-serialized (json.dumps, ensure_ascii=False):
    their spacing and escapes may differ; other lines are kept as they are.
    """
    with _exit_statuses():
        pipe = build_pipeline(preset_name, stages, skip, config)
        if jsonl and not fields:
            raise ArnormError("--jsonl needs at least one --field KEY")
        if fields and not jsonl:
            raise ArnormError("--field needs --jsonl")
    filter_text(
        pipe,
        IOOptions(tuple(inputs or ()), output, errors, jobs, quiet, tuple(fields or ())),
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
    with _exit_statuses():
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
    with _exit_statuses():
        if show is not None:
            from .config import dump_config

            typer.echo(dump_config(preset(show), "json" if as_json else "toml"), nl=False)
            return
        for name, spec in PRESETS.items():
            suffix = "  (default)" if name == DEFAULT_PRESET else ""
            typer.echo(f"{name:<{width}}  {PRESET_DESCRIPTIONS.get(name, '')}{suffix}")
            typer.echo(f"{'':<{width}}    {spec}")


# -- transliteration and dates ----------------------------------------------------------
@app.command("translit", epilog=_STATUSES)
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
    inputs: InputsOpt = None,
    output: OutputOpt = None,
    errors: ErrorsOpt = ErrorPolicy.strict,
    jobs: JobsOpt = 1,
    quiet: QuietOpt = False,
) -> None:
    """Transliterate Arabic script to Latin line by line (or back, with --to-arabic).

    Text that is not Arabic passes through unchanged.  The lossless schemes
    (buckwalter, safe-buckwalter, xml-buckwalter, hsb, buckwalter-quranic)
    round-trip with --to-arabic, which decodes every character of the scheme's
    alphabet, Latin words included.
    """
    with _exit_statuses():
        if to_arabic:
            if ascii:
                raise ArnormError("--ascii applies to transliteration, not to --to-arabic")
            stage = build_stage("to_arabic", {"scheme": scheme})
        else:
            stage = build_stage("translit", {"scheme": scheme, "ascii": ascii, "marks": marks})
    filter_text(Pipeline([stage]), IOOptions(tuple(inputs or ()), output, errors, jobs, quiet))


def date_matches_per_line(text: str, ref: str = "") -> str:
    """One JSON array of :meth:`arnorm.DateMatch.to_dict` per line of ``text``
    (``[]`` for a line without dates); an empty line stays empty."""
    from .dates import dates_to_jsonl

    return "\n".join(dates_to_jsonl(line, ref or None) if line else "" for line in text.split("\n"))


@app.command("dates", epilog=_STATUSES)
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
    inputs: InputsOpt = None,
    output: OutputOpt = None,
    errors: ErrorsOpt = ErrorPolicy.strict,
    jobs: JobsOpt = 1,
    quiet: QuietOpt = False,
) -> None:
    """Find the dates in each line: one JSON array of matches per input line, or --rewrite.

    Each match has start/end (character offsets in its line), the text, the
    calendar (gregorian/hijri), year/month/day as written, the precision and
    the Gregorian date (Hijri converted with the Umm al-Qura calendar).
    """
    with _exit_statuses():
        if rewrite:
            options = {"format": fmt, "keep_original": keep_original, "ref": ref or ""}
            pipe = Pipeline([build_stage("dates", options)])
        else:
            if keep_original or fmt != "iso":
                raise ArnormError("--format and --keep-original need --rewrite")
            from .dates.model import coerce_ref

            coerce_ref(ref)  # a bad --ref fails before any input is read
            # Not a registered stage (its output is JSON, not text), so it runs in this process.
            matches = FunctionStage(name="dates_json", func=date_matches_per_line, kwargs=(("ref", ref or ""),))
            pipe = Pipeline([matches])
            jobs = 1
    filter_text(pipe, IOOptions(tuple(inputs or ()), output, errors, jobs, quiet))


# -- explain ------------------------------------------------------------------------------
@app.command()
def explain(
    text: Annotated[
        str | None,
        typer.Argument(help="Text to explain; default: each line of stdin.", show_default=False),
    ] = None,
    preset_name: PresetOpt = None,
    stages: StagesOpt = None,
    skip: SkipOpt = None,
    config: ConfigOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line of input.")] = False,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also list the stages that changed nothing.")
    ] = False,
) -> None:
    """Show what each stage of the pipeline changes, naming the code points.

    For every stage that changed the text: 'stage: before -> after' with the
    changed spans in \\[brackets], then one line per change naming its code
    points and its span of the original text.  Invisible characters are shown
    as <U+XXXX>.  With --json, each change also carries its offsets in the
    stage's input and output and in the original text.
    """
    with _exit_statuses():
        pipe = build_pipeline(preset_name, stages, skip, config)
        if text is None:
            data = typer.get_binary_stream("stdin").read()
            try:
                raw = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                number = data.count(b"\n", 0, exc.start) + 1
                raise InputDataError("<stdin>", number, exc.start, f"invalid UTF-8 ({exc.reason})") from None
            lines = raw.split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            lines = [line.removesuffix("\r") for line in lines]
        else:
            lines = [text]
        colour = not as_json and sys.stdout.isatty()
        _print_explanations(pipe, lines, as_json, show_all, colour)


def _print_explanations(pipe: Pipeline, lines: Sequence[str], as_json: bool, show_all: bool, colour: bool) -> None:
    """Explain each line and print it: one JSON object per line, or the text form (see :mod:`arnorm.explain_render`)."""
    from .explain_render import render_lines

    console = None
    if colour:
        from rich.console import Console

        console = Console(highlight=False, soft_wrap=True)
    for number, line in enumerate(lines, 1):
        explanation = pipe.explain(line)
        if as_json:
            typer.echo(json.dumps(explanation.to_dict(), ensure_ascii=False))
            continue
        if len(lines) > 1:
            typer.echo(f"line {number}:")
        for item in render_lines(explanation, show_all, colour):
            if console is not None:
                console.print(item)
            else:
                typer.echo(item)


# -- entry point ------------------------------------------------------------------------------
def _click_exception(name: str) -> type[Any]:
    """click's exception class ``name`` as typer raises it (recent typer vendors its own click)."""
    for cls in typer.BadParameter.__mro__:
        if cls.__name__ == name:
            return cls
    raise ImportError(f"typer.BadParameter does not derive from a {name} class")


_USAGE_ERROR = _click_exception("UsageError")
_CLICK_EXCEPTION = _click_exception("ClickException")


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """The ``arnorm`` console script: run the app; report usage errors in one line (exit 2)."""
    command = typer.main.get_command(app)
    try:
        status = command.main(
            args=list(argv) if argv is not None else None, prog_name="arnorm", standalone_mode=False
        )
    except _USAGE_ERROR as exc:
        context = getattr(exc, "ctx", None)
        hint = f" (see '{context.command_path} --help')" if context is not None else ""
        typer.echo(f"arnorm: error: {exc.format_message()}{hint}", err=True)
        status = EX_USAGE
    except _CLICK_EXCEPTION as exc:
        typer.echo(f"arnorm: error: {exc.format_message()}", err=True)
        status = getattr(exc, "exit_code", 1)
    except typer.Abort:
        typer.echo("arnorm: interrupted", err=True)
        status = EX_INTERRUPTED
    sys.exit(status if isinstance(status, int) else EX_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
