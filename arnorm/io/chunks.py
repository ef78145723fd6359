"""Reading: binary input cut into chunks of whole lines.

:func:`read_chunks` reads a stream in blocks and cuts it into :class:`Chunk`
objects of whole lines (a few MB each), split on ``b"\\n"`` only.  A UTF-8 byte
order mark at the start of a file is set aside and written back unchanged.  A
line longer than ``max_line`` bytes is cut where the pipeline allows it
(:mod:`arnorm.io.cuts`), so that memory stays bounded; otherwise it is read whole.
:func:`file_chunks` cuts a regular file into byte ranges that workers read themselves.

The sizes are module attributes read at call time (tests make them small).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..errors import InputError
from .cuts import safe_cut

if TYPE_CHECKING:
    from ..stage import Context

__all__ = [
    "BOM",
    "CHUNK_BYTES",
    "CUT_WINDOW",
    "MAX_LINE_BYTES",
    "POOL_CHUNK_BYTES",
    "Chunk",
    "Source",
    "file_chunks",
    "read_chunks",
]

#: The UTF-8 encoding of U+FEFF, as it starts some files.
BOM = b"\xef\xbb\xbf"
#: Target size of a chunk: the unit of decoding, of one pipeline call and of a parallel job.
CHUNK_BYTES = 4 << 20
#: Target size of a chunk for a process pool (at most :data:`CHUNK_BYTES`): smaller, so
#: that the workers share uneven work evenly (on a cold cache a chunk of Quran text costs
#: the search preset twenty times what a chunk of news costs) for a parent overhead of
#: well under a millisecond per chunk.
POOL_CHUNK_BYTES = 1 << 20
#: A line with no newline after this many bytes is cut where the stages allow it.
MAX_LINE_BYTES = 8 << 20
#: A cut point is looked for in this many bytes at the end of the line so far.
CUT_WINDOW = 1 << 20


@dataclass(frozen=True)
class Chunk:
    """A run of input lines and where it came from.

    Attributes:
        data: whole lines, each ending with ``b"\\n"``, except possibly the last
            (the end of a file without a final newline, or a piece of a cut line).
        source: the file name, for error messages.
        offset: the byte offset of the first byte of ``data`` in its file.
        head: bytes written unchanged before the output (a byte order mark).
        tail: bytes written unchanged after the output (the space at which a long line was cut).
        first: whether this is the first chunk of its file (line numbers start again).
        path: if set, ``data`` is empty and still to be read: bytes ``offset``
            to ``end`` of this regular file (see :func:`file_chunks`).
        end: the end of that range (exclusive); ``-1``: the end of the file.

    Line numbers are not counted while reading: errors name the line within
    the chunk, and :func:`arnorm.io.parallel.run` adds the lines of the chunks before it.
    """

    data: bytes
    source: str
    offset: int = 0
    head: bytes = b""
    tail: bytes = b""
    first: bool = True
    path: str | None = None
    end: int = -1

    def load(self) -> Chunk:
        """This chunk with its ``data`` read from ``path`` (itself if it has its data)."""
        if self.path is None:
            return self
        with open(self.path, "rb") as handle:
            handle.seek(self.offset)
            data = handle.read() if self.end < 0 else handle.read(self.end - self.offset)
        return replace(self, data=data, path=None, end=-1)


@dataclass(frozen=True)
class Source:
    """An input: a name for messages and either a path or an open binary stream."""

    name: str
    path: Path | None = None
    stream: BinaryIO | None = None

    @contextlib.contextmanager
    def open(self) -> Iterator[BinaryIO]:
        """The binary stream (a file opened ``rb``, closed afterwards; or the given stream)."""
        if self.stream is not None:
            yield self.stream
            return
        assert self.path is not None
        try:
            handle = open(self.path, "rb")  # noqa: SIM115 (closed below)
        except OSError as exc:
            raise InputError(self.name, exc.strerror or str(exc)) from None
        with handle:
            yield handle


def _read1(stream: BinaryIO) -> Callable[[int], bytes]:
    read1 = getattr(stream, "read1", None)
    return read1 if read1 is not None else stream.read


def _find_cut(parts: list[bytes], window: int, word_only: bool) -> tuple[int, bytes] | None:
    """A cut point in the concatenation of ``parts``, looking only at its last ``window`` bytes."""
    probe = b""
    for part in reversed(parts):  # the last window + 8 bytes, without joining everything
        probe = part[-(window + 8 - len(probe)) :] + probe
        if len(probe) >= window + 8:
            break
    found = safe_cut(probe, window, word_only=word_only)
    if found is None:
        return None
    return sum(map(len, parts)) - len(probe) + found[0], found[1]


class _Pending:
    """Blocks read and not yet yielded, and what is known about them."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.clean = 0  # parts[:clean] hold no newline (not searched again)

    def add(self, block: bytes) -> None:
        if block:
            self.parts.append(block)
            self.size += len(block)

    def strip_bom(self) -> bool:
        """Remove a leading BOM; whether there was one."""
        joined = b"".join(self.parts)
        found = joined.startswith(BOM)
        if found:
            joined = joined[len(BOM) :]
        self.parts, self.size, self.clean = ([joined] if joined else []), len(joined), 0
        return found

    def _last_newline(self) -> tuple[int, int]:
        """``(index, end)`` of the last newline in ``parts[clean:]``, or ``(-1, -1)``."""
        for index in range(len(self.parts) - 1, self.clean - 1, -1):
            end = self.parts[index].rfind(b"\n")
            if end >= 0:
                return index, end
        return -1, -1

    def take(
        self, eof: bool, eager: bool, chunk_bytes: int, max_line: int | None, context: Context
    ) -> tuple[bytes, bytes] | None:
        """``(data, tail)`` to yield now (whole lines, or a cut piece of a long line), or None."""
        tail = rest = b""
        if eof:
            data = b"".join(self.parts)
        else:
            if eager and self.size < chunk_bytes:
                return None
            index, end = self._last_newline()
            if end < 0:  # no complete line yet
                self.clean = len(self.parts)
                found = None
                if max_line is not None and self.size > max_line:
                    found = _find_cut(self.parts, CUT_WINDOW, context != "char")
                if found is None:
                    return None
                buf = b"".join(self.parts)
                cut, tail = found
                data, rest = buf[:cut], buf[cut + len(tail) :]
            else:
                last = memoryview(self.parts[index])
                # One copy: join takes the memoryview slices as they are.
                data = b"".join([*self.parts[:index], last[: end + 1]])
                rest = b"".join([last[end + 1 :], *self.parts[index + 1 :]])
                last.release()
        self.parts, self.size, self.clean = ([rest] if rest else []), len(rest), 0
        return data, tail


def read_chunks(
    stream: BinaryIO,
    source: str,
    *,
    chunk_bytes: int | None = None,
    max_line: int | None = -1,
    eager: bool = True,
    on_read: Callable[[int], None] | None = None,
    offset: int = 0,
    context: Context = "char",
) -> Iterator[Chunk]:
    """Cut a binary stream into :class:`Chunk` objects of whole lines.

    Args:
        stream: the input, opened in binary mode.
        source: its name, carried by each chunk for error messages.
        chunk_bytes: read size and target chunk size (default :data:`CHUNK_BYTES`).
        max_line: a line with no newline in this many bytes (default :data:`MAX_LINE_BYTES`)
            is cut where ``context`` allows; ``None`` never cuts (``--jsonl``).
        eager: if false, a chunk is produced as soon as a line is complete
            (``tail -f | arnorm``); if true, chunks are filled to ``chunk_bytes`` first.
        on_read: called with the number of bytes after each read (progress bar).
        offset: where the stream stands in its file: ``0``, the start (a BOM is
            looked for, the first chunk is ``first``); else the start of a line.
        context: what the pipeline allows (:func:`arnorm.io.cuts.pipeline_context`):
            ``"line"`` never cuts, ``"word"`` cuts only at a space between words.

    The chunks' ``head + data + tail`` concatenate to the input, byte for byte.
    """
    chunk_bytes = CHUNK_BYTES if chunk_bytes is None else chunk_bytes
    max_line = None if context == "line" else MAX_LINE_BYTES if max_line == -1 else max_line
    read = _read1(stream)
    pending = _Pending()
    head = b""
    first = offset == 0
    bom_checked = not first
    eof = False
    while not eof:
        block = read(chunk_bytes)
        if on_read is not None:
            on_read(len(block))
        eof = not block
        pending.add(block)
        if not bom_checked:
            if pending.size < len(BOM) and not eof:
                continue
            bom_checked = True
            if pending.strip_bom():
                head, offset = BOM, len(BOM)
        taken = pending.take(eof, eager, chunk_bytes, max_line, context)
        if taken is None:
            continue
        data, tail = taken
        if data or head or tail:
            yield Chunk(data, source, offset, head, tail, first)
            first = False
        head = b""
        offset += len(data) + len(tail)


def _line_end(handle: BinaryIO, end: int, limit: int | None, look: int) -> tuple[int, bool]:
    """From byte ``end``, the end of the line there: ``(position after its newline, found)``;
    ``(-1, False)`` at the end of the file; ``found`` False after ``limit`` bytes without one."""
    handle.seek(end)
    scanned = 0
    while limit is None or scanned < limit:
        block = handle.read(look)
        if not block:
            return -1, False
        newline = block.find(b"\n")
        if newline >= 0:
            return end + scanned + newline + 1, True
        scanned += len(block)
    return end + scanned, False


def file_chunks(
    path: Path,
    source: str,
    *,
    chunk_bytes: int | None = None,
    max_line: int | None = -1,
    on_read: Callable[[int], None] | None = None,
    context: Context = "char",
) -> Iterator[Chunk]:
    """Cut a regular file into chunks of whole lines *without reading them*: for a process pool.

    Each chunk names a byte range (``path``, ``offset``, ``end``) that the
    worker reads itself (:meth:`Chunk.load`).  Only the bytes after each
    nominal boundary (every ``chunk_bytes``) are read here, up to the next
    newline.  If none comes within ``max_line`` bytes (a very long line), the
    rest of the file is read with :func:`read_chunks`, which cuts long lines
    where ``context`` allows.  The last range runs to the end of the file as
    it is when it is read.

    The chunks' ``head + data + tail``, once loaded, concatenate to the file.
    """
    chunk_bytes = CHUNK_BYTES if chunk_bytes is None else chunk_bytes
    max_line = None if context == "line" else MAX_LINE_BYTES if max_line == -1 else max_line
    look = min(max_line if max_line is not None else CUT_WINDOW, CUT_WINDOW)
    with Source(source, path=path).open() as handle:
        size = os.fstat(handle.fileno()).st_size
        head = BOM if handle.read(len(BOM)) == BOM else b""
        start, first = len(head), True
        while True:
            end = start + chunk_bytes
            if end >= size:  # the rest (a file that grew is read to its new end)
                if on_read is not None:
                    on_read(max(size - start, 0))
                yield Chunk(b"", source, start, head, b"", first, path=str(path), end=-1)
                return
            end, found = _line_end(handle, end, max_line, look)
            if end >= 0 and not found:  # a very long line: read the rest, cutting long lines
                handle.seek(start)
                rest = read_chunks(
                    handle,
                    source,
                    chunk_bytes=chunk_bytes,
                    max_line=max_line,
                    on_read=on_read,
                    offset=start,
                    context=context,
                )
                if start == len(head):
                    rest = (replace(c, head=head, first=True) if i == 0 else c for i, c in enumerate(rest))
                yield from rest
                return
            if on_read is not None:
                on_read((size if end < 0 else end) - start)
            yield Chunk(b"", source, start, head, b"", first, path=str(path), end=end)
            if end < 0:
                return
            start, head, first = end, b"", False
