"""What every command shares without typer: exit statuses, error reporting and pipelines.

Exit statuses follow ``sysexits.h``:

====  ==================================================================
0     success
2     usage: unknown preset, stage, option or flag
65    invalid input data (invalid UTF-8, or a ``--jsonl`` line that is not JSON)
66    an input file (or ``--config`` file, or a closed stdin) cannot be read
73    the output cannot be created (read-only, a directory, a closed stdout)
74    reading or writing failed (a full disk, say)
129   stopped by SIGHUP (an ``-o`` file is left as it was)
130   interrupted (Ctrl-C)
143   stopped by SIGTERM (an ``-o`` file is left as it was)
141   standard output was closed early (``arnorm < big | head``): nothing is
      printed, as with other filters killed by SIGPIPE
====  ==================================================================
"""

from __future__ import annotations

import contextlib
import enum
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from ..errors import ArnormError, InputDataError, InputError, OutputError

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["DEFAULT_PRESET", "ErrorPolicy", "build_pipeline", "echo", "exit_statuses", "fail"]

EX_OK = 0
EX_USAGE = 2
EX_DATAERR = 65
EX_NOINPUT = 66
EX_CANTCREAT = 73
EX_IOERR = 74
EX_INTERRUPTED = 130
EX_BROKEN_PIPE = 141

DEFAULT_PRESET = "search"


class ErrorPolicy(enum.Enum):
    """What to do with bytes that are not UTF-8."""

    strict = "strict"
    replace = "replace"
    preserve = "preserve"


def echo(message: str) -> None:
    """One line on standard error (nothing if it is closed)."""
    if sys.stderr is not None:
        print(message, file=sys.stderr, flush=True)


# -- errors -------------------------------------------------------------------------
def fail(message: str, code: int) -> NoReturn:
    """Print ``arnorm: error: message`` on stderr and exit with ``code``."""
    echo(f"arnorm: error: {message}")
    raise SystemExit(code)


def silence_stdout() -> None:
    """After EPIPE: point stdout at /dev/null so the interpreter's final flush stays quiet."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


@contextlib.contextmanager
def exit_statuses() -> Iterator[None]:
    """Turn the errors a command expects into one line on stderr and an exit status."""
    try:
        yield
    except InputDataError as exc:
        fail(str(exc), EX_DATAERR)
    except OutputError as exc:
        fail(str(exc), EX_CANTCREAT)
    except InputError as exc:
        fail(str(exc), EX_NOINPUT)
    except ArnormError as exc:
        fail(str(exc), EX_USAGE)
    except BrokenPipeError:
        silence_stdout()
        raise SystemExit(EX_BROKEN_PIPE) from None
    except KeyboardInterrupt:
        echo("arnorm: interrupted")
        raise SystemExit(EX_INTERRUPTED) from None


# -- pipelines ------------------------------------------------------------------------
def _from_config(config: Path) -> Pipeline:
    """The pipeline of a configuration file; unreadable files exit 66."""
    from ..config import load_config

    if config.is_dir():
        fail(f"cannot read {config}: Is a directory", EX_NOINPUT)
    try:
        return load_config(config)
    except OSError as exc:
        fail(f"cannot read {config}: {exc.strerror or exc}", EX_NOINPUT)
    except UnicodeDecodeError as exc:
        fail(f"cannot read {config}: not UTF-8 ({exc.reason} at byte {exc.start})", EX_NOINPUT)


def build_pipeline(
    preset_name: str | None, stages: str | None, skip: str | None, config: Path | None = None
) -> Pipeline:
    """The pipeline the flags ask for: ``--stages``, ``--config`` or ``--preset``
    (default search), minus ``--skip``.

    Raises:
        ArnormError: an unknown preset, stage or option, more than one of
            ``--preset``/``--stages``/``--config``, an empty ``--stages`` or
            ``--preset``, an invalid configuration file, or a ``--skip`` name
            that is not in the pipeline.
    """
    from ..pipeline import Pipeline
    from ..presets import preset

    if sum(x is not None for x in (preset_name, stages, config)) > 1:
        raise ArnormError("give one of --preset, --stages and --config")
    for flag, value in (("--stages", stages), ("--preset", preset_name)):
        if value is not None and not value.strip(" ,"):
            raise ArnormError(f"{flag} is empty: name at least one (see 'arnorm stages' and 'arnorm presets')")
    if config is not None:
        pipe = _from_config(config)
    elif stages is not None:
        pipe = Pipeline.from_spec(stages)
    else:
        pipe = preset(preset_name or DEFAULT_PRESET)
    if skip:
        pipe = pipe.without(*(name.strip() for name in skip.split(",") if name.strip()))
    return pipe
