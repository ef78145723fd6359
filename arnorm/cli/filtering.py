"""The body of every filtering command: inputs, output, jobs and progress to :func:`arnorm.io.run`."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ..errors import ArnormError
from ..io import Source, atomic_output, run
from ..io.atomic import CLOSED_FDS
from .allocator import tune_allocator
from .base import (
    EX_CANTCREAT,
    EX_IOERR,
    EX_NOINPUT,
    ErrorPolicy,
    build_pipeline,
    echo,
    exit_statuses,
    fail,
)

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["IOOptions", "available_cpus", "filter_text", "normalize_text"]


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


def _stdin() -> BinaryIO:
    if 0 in CLOSED_FDS or sys.stdin is None:
        fail("cannot read <stdin>: standard input is closed (give -i FILE)", EX_NOINPUT)
    return sys.stdin.buffer


def _problem(path: Path) -> str | None:
    """Why ``path`` cannot be read, checked without opening it (opening and closing a FIFO,
    ``-i <(zcat x.gz)``, would disturb its writer)."""
    if not path.exists():
        return "No such file or directory"
    if path.is_dir():
        return "Is a directory"
    if not os.access(path, os.R_OK):
        return "Permission denied"
    return None


def _sources(inputs: Sequence[Path]) -> list[Source]:
    if not inputs:
        return [Source("<stdin>", stream=_stdin())]
    sources = []
    for path in inputs:
        if _is_std(path):
            sources.append(Source("<stdin>", stream=_stdin()))
            continue
        problem = _problem(path)
        if problem is not None:
            fail(f"cannot read {path}: {problem}", EX_NOINPUT)
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
    if _is_std(options.output) and sys.stdout is not None and sys.stdout.isatty():
        return False
    return sys.stderr is not None and sys.stderr.isatty()


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity mask where the system has one)."""
    sched_getaffinity = getattr(os, "sched_getaffinity", None)
    if sched_getaffinity is not None:
        return len(sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _jobs(asked: int) -> int:
    """``--jobs``: 0 is one per CPU; more than the CPUs available is capped, with a note."""
    cpus = available_cpus()
    if asked > cpus:
        echo(f"arnorm: note: --jobs {asked} capped at {cpus} (the CPUs available)")
    return min(asked, cpus) if asked else cpus


def _sink(output: Path | None, stack: contextlib.ExitStack) -> BinaryIO:
    if _is_std(output):
        if 1 in CLOSED_FDS or sys.stdout is None:
            fail("cannot create <stdout>: standard output is closed (give -o FILE)", EX_CANTCREAT)
        sink = sys.stdout.buffer
        stack.callback(sink.flush)
        return sink
    assert output is not None
    try:
        return stack.enter_context(atomic_output(output))
    except OSError as exc:
        fail(f"cannot create {output}: {exc.strerror or exc}", EX_CANTCREAT)


def _warn_missing(fields: Sequence[str], records: int, missing: Sequence[int]) -> None:
    for name, count in zip(fields, missing):
        if count:
            echo(f"arnorm: warning: --field {name}: missing or not a string in {count} of {records} lines")


def filter_text(pipe: Pipeline, options: IOOptions) -> None:
    """Run ``pipe`` over the inputs into the output: the body of every filtering command."""
    with exit_statuses():
        sources = _sources(options.inputs)
        kwargs: dict[str, Any] = {"errors": options.errors.value, "fields": options.fields}
        where = "<stdout>" if _is_std(options.output) else str(options.output)
        try:
            with (
                _progress(options.inputs, _want_progress(options)) as on_read,
                contextlib.ExitStack() as stack,
            ):
                sink = _sink(options.output, stack)
                jobs = _jobs(options.jobs)
                stats = run(
                    pipe,
                    sources,
                    sink,
                    on_read=on_read,
                    flush=_is_std(options.output),
                    jobs=jobs,
                    worker_setup=tune_allocator,
                    **kwargs,
                )
        except BrokenPipeError:
            raise
        except OSError as exc:
            fail(f"{exc.filename or where}: {exc.strerror or exc}", EX_IOERR)
        _warn_missing(options.fields, stats.records, stats.missing)


def normalize_text(
    preset_name: str | None = None,
    stages: str | None = None,
    skip: str | None = None,
    config: Path | None = None,
    inputs: tuple[Path, ...] = (),
    output: Path | None = None,
    errors: ErrorPolicy = ErrorPolicy.strict,
    jsonl: bool = False,
    fields: tuple[str, ...] = (),
    jobs: int = 1,
    quiet: bool = False,
) -> None:
    """The ``normalize`` command (the default): for its typer command and for the
    command line's fast path (:mod:`arnorm.cli.quick`), which reads the same flags."""
    with exit_statuses():
        pipe = build_pipeline(preset_name, stages, skip, config)
        if jsonl and not fields:
            raise ArnormError("--jsonl needs at least one --field KEY")
        if fields and not jsonl:
            raise ArnormError("--field needs --jsonl")
    filter_text(pipe, IOOptions(inputs, output, errors, jobs, quiet, fields))
