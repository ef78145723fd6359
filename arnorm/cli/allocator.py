"""glibc allocator tuning for the command line: applied by its entry point, never by the library."""

from __future__ import annotations

import sys

__all__ = ["tune_allocator"]

#: glibc's ``mallopt`` parameters (malloc.h) and the values :func:`tune_allocator` sets.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MMAP_THRESHOLD = 64 << 20
_TRIM_THRESHOLD = 128 << 20
_TUNED: dict[str, bool] = {}


def tune_allocator() -> bool:
    """Let glibc's malloc reuse the memory of large buffers instead of asking the kernel each time.

    Every chunk makes buffers of several MB (the bytes read, the decoded
    ``str``, the stages' intermediate strings, the encoded output).  By
    default glibc serves each with a fresh ``mmap`` and returns it on free, so
    the kernel zero-fills every page again (198 MB, search preset, one job:
    ``sys`` 0.34 s of a 1.55 s run; tuned, 0.11 s of 1.28 s; see
    ``tests/RELIABILITY.md``).  This raises the size served by ``mmap`` to
    64 MiB and the free memory kept at the top of the heap to 128 MiB (peak
    memory +8 MB).  Process-wide, so only the ``arnorm`` command calls it (in
    its entry point, and in its workers); a program that imports arnorm keeps
    its own allocator settings.  Once per process; only on Linux with glibc.
    Returns whether the allocator is tuned.
    """
    if "done" not in _TUNED:
        ok = False
        if sys.platform.startswith("linux"):
            import ctypes

            try:
                mallopt = ctypes.CDLL(None).mallopt
                ok = bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)) and bool(
                    mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD)
                )
            except (OSError, AttributeError):
                ok = False
        _TUNED["done"] = ok
    return _TUNED["done"]
