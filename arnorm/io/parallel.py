"""Running: every source in turn, in this process or through an ordered process pool.

With ``jobs > 1``, chunks go to a process pool through a bounded window of
futures; output stays in input order and is byte-identical to ``jobs=1``.  A
regular file is cut into byte ranges at line ends (:func:`~arnorm.io.chunks.file_chunks`)
that the workers read themselves, so the input never goes through the pool's pipes.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import stat
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, BinaryIO

from ..errors import InputDataError
from . import chunks as _chunks
from .atomic import STOP_SIGNALS, critical, handle_signals
from .chunks import Chunk, Source
from .cuts import pipeline_context
from .transform import ErrorPolicy, Transformed, transform

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from ..pipeline import Pipeline
    from ..stage import Context

__all__ = ["RunStats", "run"]


@dataclass
class RunStats:
    """What :func:`run` counted: with ``--jsonl`` fields, the JSON lines and, per field,
    the lines where that field is missing or not a string."""

    records: int = 0
    missing: list[int] = field(default_factory=list)

    def add(self, result: Transformed) -> None:
        """Count one chunk's result."""
        self.records += result.records
        if result.missing:
            if not self.missing:
                self.missing = [0] * len(result.missing)
            self.missing = [a + b for a, b in zip(self.missing, result.missing)]


# -- parallel workers -------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(
    spec: str,
    errors: ErrorPolicy,
    fields: tuple[str, ...],
    setup: Callable[[], object] | None,
    spool: str | None,
) -> None:
    if setup is not None:  # e.g. the command line's allocator tuning, for every start method
        setup()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    for signum in STOP_SIGNALS:  # not the parent's handler (a fork copies it)
        signal.signal(signum, signal.SIG_DFL)
    from ..pipeline import Pipeline

    _WORKER.update(pipe=Pipeline.from_spec(spec), errors=errors, fields=fields, spool=spool, count=0)


def _work(chunk: Chunk) -> tuple[Transformed, str | None]:
    """Normalize one chunk; with a spool directory, write the output there (not through the pipe)."""
    done = transform(chunk.load(), _WORKER["pipe"], _WORKER["errors"], _WORKER["fields"])
    if _WORKER["spool"] is None or len(done.body) < _SPOOL_MIN:
        return done, None
    _WORKER["count"] += 1
    path = os.path.join(_WORKER["spool"], f"{os.getpid()}-{_WORKER['count']}")
    with open(path, "wb") as handle:
        handle.write(done.body)
    return done._replace(body=b""), path


#: Outputs smaller than this go back through the pool's pipe; larger ones through a spool file.
_SPOOL_MIN = 64 << 10
#: Chunks in flight per worker: enough that a slow chunk (Quran text on a cold cache) does not
#: leave the other workers idle while the output waits for it (8 MiB of input per worker).
_IN_FLIGHT_PER_JOB = 8


def _spool_dir() -> str:
    """A new private directory for the workers' outputs, in memory (``/dev/shm``) where possible."""
    import tempfile

    shm = "/dev/shm"
    base = shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None
    return tempfile.mkdtemp(prefix="arnorm-spool-", dir=base)


def _copy_spooled(sink: BinaryIO, path: str) -> None:
    """Append the spool file ``path`` to ``sink`` and delete it: one copy, in the kernel where it can."""
    sink.flush()
    with open(path, "rb") as source:
        os.unlink(path)
        size = os.fstat(source.fileno()).st_size
        offset = 0
        with contextlib.suppress(OSError):
            while offset < size:
                sent = os.sendfile(sink.fileno(), source.fileno(), offset, size - offset)
                if sent == 0:
                    break
                offset += sent
        if offset < size:  # no sendfile to this sink: read and write what is left
            import shutil

            source.seek(offset)
            shutil.copyfileobj(source, sink, 1 << 20)


def _transform_here(
    chunk: Chunk, pipe: Pipeline, errors: ErrorPolicy, fields: tuple[str, ...]
) -> tuple[Transformed, str | None]:
    """:func:`transform` in this process, reading the chunk's byte range if it has one."""
    return transform(chunk.load(), pipe, errors, fields), None


# -- running ------------------------------------------------------------------


def _regular_file(source: Source) -> bool:
    """Whether the source is a regular file (not stdin, a FIFO or a device)."""
    if source.path is None:
        return False
    try:
        return stat.S_ISREG(os.stat(source.path).st_mode)
    except OSError:
        return False  # reported when it is opened


def _all_chunks(
    sources: Iterable[Source],
    *,
    eager: bool,
    max_line: int | None,
    on_read: Callable[[int], None] | None,
    context: Context,
    ranges: bool = False,
    size: int,
) -> Iterator[Chunk]:
    """The chunks of every source in turn, of about ``size`` bytes; with ``ranges``, regular
    files give byte ranges for the workers to read, other sources their data."""
    for source in sources:
        if ranges and _regular_file(source):
            assert source.path is not None
            yield from _chunks.file_chunks(
                source.path, source.name, chunk_bytes=size, max_line=max_line, on_read=on_read, context=context
            )
            continue
        with source.open() as stream:
            yield from _chunks.read_chunks(
                stream,
                source.name,
                chunk_bytes=size,
                eager=eager,
                max_line=max_line,
                on_read=on_read,
                context=context,
            )


def _write(sink: BinaryIO, chunk: Chunk, body: bytes, spooled: str | None, flush: bool) -> None:
    if chunk.head:
        sink.write(chunk.head)
    if spooled is not None:
        _copy_spooled(sink, spooled)
    else:
        sink.write(body)
    if chunk.tail:
        sink.write(chunk.tail)
    if flush:
        sink.flush()


def run(
    pipe: Pipeline,
    sources: Sequence[Source],
    sink: BinaryIO,
    *,
    errors: ErrorPolicy = "strict",
    fields: Sequence[str] = (),
    jobs: int = 1,
    on_read: Callable[[int], None] | None = None,
    flush: bool = False,
    ranges: bool | None = None,
    worker_setup: Callable[[], object] | None = None,
) -> RunStats:
    """Normalize every source in turn and write the result to ``sink``.

    Each source is processed on its own; the outputs are concatenated.  With
    ``jobs > 1``, a pool of ``jobs`` processes (chunks of
    :data:`~arnorm.io.chunks.POOL_CHUNK_BYTES`, at most ``8 * jobs`` in flight,
    output in input order; an input of one chunk is done here).  ``flush`` flushes
    ``sink`` after each chunk.  ``ranges`` (default: ``jobs > 1``): workers read
    byte ranges of regular files themselves.  ``worker_setup`` (module-level)
    runs first in each worker.  Long lines are cut only where the stages allow
    (:func:`~arnorm.io.cuts.pipeline_context`): the output is the pipeline's on each whole line.

    Raises:
        InputDataError: invalid input (see :func:`~arnorm.io.transform.transform`);
            the lines before the offending one have been written to ``sink``.
        OSError: reading or writing failed.
    """
    fields = tuple(fields)
    max_line = None if fields else _chunks.MAX_LINE_BYTES
    ranges = jobs > 1 if ranges is None else ranges
    context = pipeline_context(pipe)
    size = min(_chunks.CHUNK_BYTES, _chunks.POOL_CHUNK_BYTES) if jobs > 1 else _chunks.CHUNK_BYTES
    chunks = _all_chunks(
        sources, eager=jobs > 1, max_line=max_line, on_read=on_read, context=context, ranges=ranges, size=size
    )
    use_pool = False
    if jobs > 1:
        start = list(islice(chunks, 2))  # an input of one chunk needs no pool
        chunks = chain(start, chunks)
        use_pool = len(start) == 2
    with contextlib.ExitStack() as stack:
        if use_pool:
            results = _pooled(stack, pipe, chunks, sink, jobs, (errors, fields, worker_setup))
        else:
            results = ((c, functools.partial(_transform_here, c, pipe, errors, fields)) for c in chunks)
        return _drain(results, sink, flush)


def _drain(results: Iterable[tuple[Chunk, _Result]], sink: BinaryIO, flush: bool) -> RunStats:
    """Write each chunk's result to ``sink`` in order; on invalid input, write what came before it."""
    stats = RunStats()
    lines = 0  # newlines of the chunks of the current file before this one
    try:
        for chunk, result in results:
            if chunk.first:
                lines = 0
            try:
                done, spooled = result()
            except InputDataError as exc:
                raise exc.after_lines(lines) from None
            _write(sink, chunk, done.body, spooled, flush)
            stats.add(done)
            lines += done.newlines
    except InputDataError as exc:
        sink.write(exc.partial)
        sink.flush()
        raise
    return stats


_Result = Callable[[], tuple[Transformed, str | None]]


def _pooled(
    stack: contextlib.ExitStack,
    pipe: Pipeline,
    chunks: Iterator[Chunk],
    sink: BinaryIO,
    jobs: int,
    options: tuple[ErrorPolicy, tuple[str, ...], Callable[[], object] | None],
) -> Iterator[tuple[Chunk, _Result]]:
    """Start a pool of ``jobs`` workers (stopped by ``stack``) and submit ``chunks`` to it in order."""
    from concurrent.futures import ProcessPoolExecutor  # only when there is a pool

    stack.enter_context(handle_signals([signal.SIGINT]))
    spool = _spool_dir() if _has_fd(sink) else None
    if spool is not None:
        import shutil

        stack.callback(shutil.rmtree, spool, ignore_errors=True)
    errors, fields, setup = options
    initargs = (pipe.spec, errors, fields, setup, spool)
    pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=initargs)
    stack.callback(_shutdown, pool)
    return _in_order(pool, chunks, _IN_FLIGHT_PER_JOB * jobs)


def _has_fd(sink: BinaryIO) -> bool:
    """Whether ``sink`` is backed by a file descriptor (spool files can be copied into it)."""
    try:
        sink.fileno()
    except (OSError, AttributeError, ValueError):
        return False
    return True


def _shutdown(pool: ProcessPoolExecutor) -> None:
    """Stop the pool: cancel what has not started, wait for the rest (not interrupted by signals)."""
    with critical():
        pool.shutdown(wait=True, cancel_futures=True)


def _in_order(
    pool: ProcessPoolExecutor, chunks: Iterator[Chunk], window: int
) -> Iterator[tuple[Chunk, _Result]]:
    """Submit chunks to ``pool`` with at most ``window`` in flight; yield them in input order."""
    pending: deque[tuple[Chunk, Future[tuple[Transformed, str | None]]]] = deque()
    for chunk in chunks:
        with critical():
            future = pool.submit(_work, chunk)
        pending.append((chunk, future))
        if len(pending) >= window:
            done, future = pending.popleft()
            yield done, future.result
    while pending:
        done, future = pending.popleft()
        yield done, future.result
