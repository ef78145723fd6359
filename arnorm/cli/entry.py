"""The ``arnorm`` console script: standard streams, allocator, then the fast path or typer.

``arnorm`` with no arguments (``echo قال | arnorm``), or with only the default
command's common flags (``arnorm -p clean -i in.txt -o out.txt --jobs 2``, see
:mod:`arnorm.cli.quick`), runs that command without importing typer, click or
rich: the common filter starts fast.  Everything else goes through the typer
application (:mod:`arnorm.cli.application`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from ..io.atomic import CLOSED_FDS
from . import quick
from .allocator import tune_allocator
from .base import (
    EX_BROKEN_PIPE,
    EX_CANTCREAT,
    EX_INTERRUPTED,
    EX_OK,
    EX_USAGE,
    echo,
    silence_stdout,
)

__all__ = ["guard_std_streams", "main"]


def guard_std_streams() -> None:
    """Note which of stdin, stdout and stderr are closed (``arnorm <&-``) and open /dev/null
    in their place, so that no file this process opens takes their number and no library
    finds ``sys.stdin`` to be None.  The commands then refuse to use a closed stream."""
    for fd, name, mode in ((0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")):
        try:
            os.fstat(fd)
            continue
        except OSError:
            CLOSED_FDS.add(fd)
        null = os.open(os.devnull, os.O_RDWR)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)
        setattr(sys, name, open(fd, mode, closefd=False, encoding="utf-8"))  # noqa: SIM115 (for the process)


def _fast(options: dict[str, Any]) -> int:
    """The ``normalize`` command without typer (``options``: see :func:`arnorm.cli.quick.parse`)."""
    from .filtering import normalize_text

    try:
        normalize_text(**options)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EX_USAGE
    return EX_OK


def _click_exception(base: type[Any], name: str) -> type[Any]:
    """click's exception class ``name`` as typer raises it (recent typer vendors its own click)."""
    for cls in base.__mro__:
        if cls.__name__ == name:
            return cls
    raise ImportError(f"typer.BadParameter does not derive from a {name} class")


def _with_typer(args: list[str]) -> int:
    """Run the typer application; report usage errors in one line (exit 2)."""
    import typer

    from . import commands, explain, export  # noqa: F401  (they register the commands)
    from .application import app

    usage_error = _click_exception(typer.BadParameter, "UsageError")
    click_exception = _click_exception(typer.BadParameter, "ClickException")
    command = typer.main.get_command(app)
    try:
        status = command.main(args=args, prog_name="arnorm", standalone_mode=False)
    except usage_error as exc:
        context = getattr(exc, "ctx", None)
        hint = f" (see '{context.command_path} --help')" if context is not None else ""
        echo(f"arnorm: error: {exc.format_message()}{hint}")
        status = EX_USAGE
    except click_exception as exc:
        echo(f"arnorm: error: {exc.format_message()}")
        status = getattr(exc, "exit_code", 1)
    except typer.Abort:
        echo("arnorm: interrupted")
        status = EX_INTERRUPTED
    return status if isinstance(status, int) else EX_OK


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """The ``arnorm`` console script (and ``python -m arnorm``)."""
    guard_std_streams()
    tune_allocator()  # process-wide: here, in the command's process, never in the library
    args = sys.argv[1:] if argv is None else list(argv)
    if 1 in CLOSED_FDS and not any(a in ("-o", "--output") or a.startswith("--output=") for a in args):
        echo("arnorm: error: cannot create <stdout>: standard output is closed (give -o FILE)")
        sys.exit(EX_CANTCREAT)
    try:
        options = quick.parse(args)
        status = _fast(options) if options is not None else _with_typer(args)
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:  # arnorm --help | head -1
        silence_stdout()
        status = EX_BROKEN_PIPE
    sys.exit(status)
