"""Writing: atomic output files, streams written in place, and signals deferred while it matters.

What ``-o PATH`` does depends on what ``PATH`` is:

* ``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N``, ``/proc/self/fd/N``: the
  open descriptor is written in place, at its current position (as ``-o -``
  does for standard output): ``{ echo A; arnorm -o /dev/stdout; } > log`` keeps ``A``.
* a character device, FIFO or socket (``/dev/null``, a terminal): written in place.
* a directory, or a file with no write permission (no ``w`` bit, or not writable
  by this user; ``/proc/version``): refused (:class:`~arnorm.errors.OutputError`,
  ``PermissionError``), as the shell's ``>`` refuses for an ordinary user.
* a regular file with one link that this user owns, or a new file: written
  to a temporary file in the same directory, fsynced and renamed over it at
  the end; an error or a signal leaves the old file as it was.  A new file
  gets ``0o666 & ~umask`` (the kernel applies the umask: it is never changed).
* a regular file with several hard links, or owned by another user: a
  rename would break the link or change the owner, so the output is written
  to a temporary file first and then copied into the file in place (the old
  contents stay until the run succeeds; only a crash during that final copy
  can leave the file partly written).

Signals: SIGTERM and SIGHUP while an output file is written, and SIGINT,
raise exceptions that remove the temporary file; they wait while a process
pool forks a worker or shuts down (:func:`critical`).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import OutputError

__all__ = ["CLOSED_FDS", "STOP_SIGNALS", "atomic_output", "critical", "handle_signals", "inherited_fd"]

#: Standard descriptors found closed when the command started (filled by the command line).
CLOSED_FDS: set[int] = set()
_STD = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
_FD_PATH = re.compile(r"/(?:dev/fd|proc/(?:self|thread-self|(\d+))/fd)/(\d+)")


def inherited_fd(path: Path | str) -> int | None:
    """The descriptor number that ``path`` names (``/dev/stdout``, ``/dev/fd/3``...), or None."""
    name = os.path.normpath(str(path))
    if name in _STD:
        return _STD[name]
    match = _FD_PATH.fullmatch(name)
    if match is None or (match.group(1) is not None and int(match.group(1)) != os.getpid()):
        return None
    return int(match.group(2))


def _in_place(path: Path, fd: int) -> BinaryIO:
    """A new handle on the open descriptor ``fd``, writing at its current position."""
    if fd in CLOSED_FDS:
        raise OutputError(str(path), "the descriptor is closed")
    try:
        return os.fdopen(os.dup(fd), "wb")
    except OSError as exc:
        raise OutputError(str(path), exc.strerror or str(exc)) from None


def _temporary(target: Path) -> tuple[int, str]:
    """A new file next to ``target``: ``(descriptor, path)``, mode ``0o666 & ~umask``."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp = str(target.parent / f".{target.name}.{os.urandom(4).hex()}.arnorm-tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue


def _writable(target: Path, info: os.stat_result) -> None:
    if not stat.S_IMODE(info.st_mode) & 0o222 or not os.access(target, os.W_OK):
        raise PermissionError(13, "Permission denied (the file is read-only)", str(target))


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """Write ``path`` safely; see the module's documentation for what each kind of path gets.

    Raises:
        OutputError: a standard descriptor that is closed.
        PermissionError: a read-only file.
        IsADirectoryError: a directory.
    """
    fd = inherited_fd(path)
    if fd is not None:
        with _in_place(path, fd) as handle:
            yield handle
        return
    target = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        with open(target, "wb") as handle:
            yield handle
        return
    if info is not None:
        _writable(target, info)
    copy = info is not None and (info.st_nlink > 1 or info.st_uid != os.geteuid())
    # The handlers go in before the temporary file exists: a signal that comes
    # between the two would otherwise kill the process and leave the file behind.
    tmp: str | None = None
    with handle_signals(STOP_SIGNALS):
        try:
            with critical():
                tmp_fd, tmp = _temporary(target)
            with os.fdopen(tmp_fd, "w+b" if copy else "wb") as handle:
                yield handle
                handle.flush()
                if copy:
                    _copy_into(handle, target)
                    return
                os.fsync(handle.fileno())
            if info is not None:
                os.chmod(tmp, stat.S_IMODE(info.st_mode))
            os.replace(tmp, target)
        finally:
            if tmp is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)


def _copy_into(handle: BinaryIO, target: Path) -> None:
    """Copy the finished temporary file into ``target`` in place (keeps its links and owner)."""
    import shutil

    handle.seek(0)
    with critical(), open(target, "r+b") as out:
        out.truncate(0)
        shutil.copyfileobj(handle, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())


#: Signals that kill a process by default and that a user or a system sends to stop
#: a command: turned into ``SystemExit`` while an output file is written.
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
# Signals that arrived inside a critical() block, and how deep the blocks are nested.
_SIGNALS: dict[str, Any] = {"deferred": [], "depth": 0}


def _raise_for(signum: int) -> None:
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise SystemExit(128 + signum)


def _on_signal(signum: int, frame: object) -> None:
    """Raise for the signal now, or at the end of the current :func:`critical` block."""
    if _SIGNALS["depth"]:
        _SIGNALS["deferred"].append(signum)
        return
    _raise_for(signum)


@contextlib.contextmanager
def critical() -> Iterator[None]:
    """A block that an exception from a signal handler must not interrupt.

    Submitting to a process pool forks and holds the pool's locks: an
    exception raised there by a signal handler is swallowed by a fork hook
    ("Exception ignored") or leaves a lock held, and the pool's shutdown then
    waits for ever.  Signals handled by :func:`_on_signal` wait for the end
    of the block.
    """
    _SIGNALS["depth"] += 1
    try:
        yield
    finally:
        _SIGNALS["depth"] -= 1
    if not _SIGNALS["depth"] and _SIGNALS["deferred"]:
        signum = _SIGNALS["deferred"][0]
        _SIGNALS["deferred"].clear()
        _raise_for(signum)


@contextlib.contextmanager
def handle_signals(signums: Iterable[int]) -> Iterator[None]:
    """Handle ``signums`` with :func:`_on_signal` (SIGINT raises KeyboardInterrupt, others
    ``SystemExit(128 + signal)``), where they still have their default handling; only in
    the main thread (Python runs signal handlers there)."""
    import threading  # here: the command line's fast path never needs it

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {}
    for signum in signums:
        default = signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL
        if signal.getsignal(signum) == default:
            saved[signum] = signal.signal(signum, _on_signal)
    try:
        yield
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)
