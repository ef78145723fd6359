"""Byte-level streaming for the command line: read, split, decode, normalize, write.

The command line (:mod:`arnorm.cli`) maps flags to a :class:`~arnorm.pipeline.Pipeline`
and calls :func:`run`; everything about bytes lives here:

* **Reading** (:func:`read_chunks`): binary input is read in blocks and cut
  into :class:`Chunk` objects of whole lines (a few MB each), split on
  ``b"\\n"`` only.  A UTF-8 byte order mark at the start of a file is set
  aside and written back unchanged (the ``invisible`` stage would delete
  U+FEFF).  A line longer than ``max_line`` bytes is cut at a *safe point*
  (:func:`safe_cut`) so that memory stays bounded.
* **Normalizing** (:func:`transform`): one strict UTF-8 decode and one pipeline
  call per chunk (the stage contract makes that equal to one call per line);
  ``\\r\\n`` endings are set aside and restored, a missing final newline stays
  missing.  ``--jsonl`` normalizes only chosen string fields of each line.
* **Writing** (:func:`atomic_output`): ``-o FILE`` is written to a temporary
  file in the same directory, fsynced and renamed over ``FILE`` at the end, so
  an error or an interrupt never leaves a partial file behind.
* **Parallelism** (:func:`run` with ``jobs > 1``): chunks go to a process pool
  through a bounded window of futures; output stays in input order and is
  byte-identical to ``jobs=1``.  A regular file is cut into byte ranges at
  line ends (:func:`file_chunks`) that the workers read themselves, so the
  input never goes through the pool's pipes.
* **Signals**: SIGTERM and SIGHUP while ``-o FILE`` is written, and SIGINT,
  raise exceptions that remove the temporary file; they wait while the pool
  forks a worker or shuts down (:func:`_critical`).

Errors policies (``errors``): ``"strict"`` raises :class:`InputDataError`
naming the file, line and byte offset of the first invalid byte;
``"replace"`` decodes invalid bytes to U+FFFD; ``"preserve"`` passes them
through unchanged (``surrogateescape`` on the way in and out).
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import json
import os
import signal
import stat
import sys
import tempfile
import threading
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from itertools import chain, islice
from pathlib import Path
from typing import Any, BinaryIO, Literal

from .errors import ArnormError
from .pipeline import Pipeline

__all__ = [
    "BOM",
    "CHUNK_BYTES",
    "MAX_LINE_BYTES",
    "Chunk",
    "ErrorPolicy",
    "InputDataError",
    "Source",
    "atomic_output",
    "file_chunks",
    "read_chunks",
    "run",
    "safe_cut",
    "transform",
    "tune_allocator",
]

ErrorPolicy = Literal["strict", "replace", "preserve"]

#: The UTF-8 encoding of U+FEFF, as it starts some files.
BOM = b"\xef\xbb\xbf"
#: Target size of a chunk: the unit of decoding, of one pipeline call and of a parallel job.
CHUNK_BYTES = 4 << 20
#: A line with no newline after this many bytes is cut at a safe point (see :func:`safe_cut`).
MAX_LINE_BYTES = 8 << 20
#: :func:`safe_cut` looks for a cut point in this many bytes at the end of the line so far.
CUT_WINDOW = 1 << 20

_DECODE_ERRORS = {"strict": "strict", "replace": "replace", "preserve": "surrogateescape"}
_ENCODE_ERRORS = {"strict": "strict", "replace": "strict", "preserve": "surrogateescape"}
# Characters that may stand on either side of a single space where a long line is cut:
# letters (but not the tatweel U+0640, which stages delete) and numbers.
_LETTER = frozenset({"Lu", "Ll", "Lt", "Lo"})
_WORD = _LETTER | {"Nd", "Nl", "No"}
_MARK = frozenset({"Mn", "Mc", "Me"})
# Characters that must not begin a piece of a cut line: they attach to what precedes them.
_ATTACHING = frozenset({"Mn", "Mc", "Me", "Cf", "Cs", "Zs", "Zl", "Zp", "Cc"})


class InputDataError(ArnormError):
    """Input that cannot be processed: invalid UTF-8, or a line of ``--jsonl`` that is not JSON.

    Attributes:
        source: the file name (``"<stdin>"`` for standard input).
        line: the 1-based line number.
        offset: the 0-based byte offset of the offending byte from the start of the file.
        reason: what is wrong.
        partial: the output due before the offending line: the chunk's head
            and its normalized lines before that line (so that what a filter
            writes before it stops does not depend on chunk boundaries).
    """

    def __init__(self, source: str, line: int, offset: int, reason: str, partial: bytes = b"") -> None:
        self.source = source
        self.line = line
        self.offset = offset
        self.reason = reason
        self.partial = partial
        super().__init__(f"{source}: line {line}, byte offset {offset}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:  # picklable across the process pool
        return (type(self), (self.source, self.line, self.offset, self.reason, self.partial))

    def after_lines(self, lines: int) -> InputDataError:
        """The same error with ``lines`` more lines before it (chunks count their lines from 1)."""
        return InputDataError(self.source, self.line + lines, self.offset, self.reason, self.partial)


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

    Line numbers are not counted while reading (that would cost a pass over
    the bytes in the reading process): errors name the line within the
    chunk, and :func:`run` adds the lines of the chunks before it.
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
        with open(self.path, "rb") as handle:
            yield handle


# -- reading -------------------------------------------------------------


def _char_at(buf: bytes, i: int) -> str | None:
    """The character whose UTF-8 encoding starts at ``buf[i]``, or None if invalid."""
    lead = buf[i]
    size = 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    try:
        text = buf[i : i + size].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if len(text) == 1 else None


def _char_before(buf: bytes, i: int) -> str | None:
    """The character whose UTF-8 encoding ends just before ``buf[i]``, or None if invalid."""
    start = i - 1
    while start > 0 and i - start < 4 and 0x80 <= buf[start] < 0xC0:
        start -= 1
    if start < 0:
        return None
    char = _char_at(buf, start)
    return char if char is not None and len(char.encode("utf-8")) == i - start else None


def _category(char: str | None) -> str:
    return "Cn" if char is None else unicodedata.category(char)


def _complete(buf: bytes) -> bytes:
    """``buf`` without a final UTF-8 sequence that is incomplete (cut off by a read)."""
    for back in range(1, min(4, len(buf)) + 1):
        lead = buf[-back]
        if not 0x80 <= lead < 0xC0:
            size = 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
            return buf[:-back] if 0xC0 <= lead and size > back else buf
    return buf


def _boundaries(buf: bytes, low: int) -> Iterator[int]:
    """Character boundaries ``pos`` of ``buf`` with ``low <= pos < len(buf)``, last first."""
    for pos in range(len(buf) - 1, max(low, 1) - 1, -1):
        if not 0x80 <= buf[pos] < 0xC0:
            yield pos


def _inside_word(before: str | None, after: str | None) -> bool:
    """A letter follows a letter or a combining mark (not tatweel)."""
    ok = _category(before) in _LETTER | _MARK and _category(after) in _LETTER
    return ok and "\u0640" not in (before, after)


def _nothing_attaches(before: str | None, after: str | None) -> bool:
    """The next character does not attach to the previous one, which is not a space."""
    return _category(after) not in _ATTACHING and _category(before) != "Zs"


def _not_before_a_mark(before: str | None, after: str | None) -> bool:
    """The next character is not a combining mark, ZWJ or ZWNJ."""
    return _category(after) not in _MARK and after not in ("\u200c", "\u200d")


def safe_cut(buf: bytes, window: int = CUT_WINDOW) -> tuple[int, bytes]:
    """Where to cut a long line ``buf`` that has no newline: ``(index, separator)``.

    The line becomes ``buf[:index]``, then ``separator`` (written unchanged),
    then ``buf[index + len(separator):]``; the two pieces are normalized
    separately.  Candidates are searched in the last ``window`` bytes, in
    order of preference:

    1. the last single space U+0020 after a letter, number or combining mark
       and before a letter or number (not tatweel): every built-in stage
       gives the same result on the two words as on the whole line (a single
       space between words is not stripped, not
       collapsed, and ends a word on both sides), so the output equals that of
       the uncut line;
    2. a boundary before a letter that follows a letter or a combining mark
       (inside a word): a letter is never
       separated from its diacritics, but a stage that looks at word ends
       (``ya(to=alef_maksura)``, ``case_endings``) sees one there;
    3. a boundary before a character that does not attach to the previous
       one (not a combining mark, format character, space, control or
       surrogate), after a character that is not a space;
    4. a boundary before a character that is not a combining mark, ZWJ or ZWNJ;
    5. the last character boundary (a window of nothing but marks).
    """
    buf = _complete(buf)  # a character cut off by the last read is not known yet
    low = max(len(buf) - window, 1)
    pos = len(buf)
    while True:
        pos = buf.rfind(b" ", low, pos)
        if pos < 0:
            break
        if pos + 1 < len(buf) and buf[pos - 1] != 0x20 and buf[pos + 1] != 0x20:
            before, after = _char_before(buf, pos), _char_at(buf, pos + 1)
            ok = _category(before) in _WORD | _MARK and _category(after) in _WORD
            if ok and "\u0640" not in (before, after):
                return pos, b" "
    for tier in (_inside_word, _nothing_attaches, _not_before_a_mark):
        for pos in _boundaries(buf, low):
            if tier(_char_before(buf, pos), _char_at(buf, pos)):
                return pos, b""
    return next(_boundaries(buf, 1), max(len(buf), 1)), b""


def _read1(stream: BinaryIO) -> Callable[[int], bytes]:
    read1 = getattr(stream, "read1", None)
    return read1 if read1 is not None else stream.read


def read_chunks(
    stream: BinaryIO,
    source: str,
    *,
    chunk_bytes: int = CHUNK_BYTES,
    max_line: int | None = MAX_LINE_BYTES,
    eager: bool = True,
    on_read: Callable[[int], None] | None = None,
    offset: int = 0,
) -> Iterator[Chunk]:
    """Cut a binary stream into :class:`Chunk` objects of whole lines.

    Args:
        stream: the input, opened in binary mode.
        source: its name, carried by each chunk for error messages.
        chunk_bytes: read size and target chunk size.
        max_line: a line with no newline in this many bytes is cut with
            :func:`safe_cut`; ``None`` never cuts (``--jsonl`` needs whole lines).
        eager: if false, a chunk is produced as soon as a line is complete
            (interactive use, ``tail -f | arnorm``); if true, chunks are filled
            to ``chunk_bytes`` first (fewer, larger jobs for a process pool).
        on_read: called with the number of bytes after each read (progress bar).
        offset: where the stream stands in its file: ``0``, the start (a BOM is
            looked for, the first chunk is ``first``); else the start of a line
            after earlier chunks of the same file.

    The chunks' ``head + data + tail`` concatenate to the input, byte for byte.
    """
    read = _read1(stream)
    parts: list[bytes] = []  # blocks read and not yet yielded; no newline except in the last ones
    size = 0
    head = b""
    first = offset == 0
    bom_checked = not first
    eof = False
    while not eof:
        block = read(chunk_bytes)
        if on_read is not None:
            on_read(len(block))
        eof = not block
        if block:
            parts.append(block)
            size += len(block)
        if not bom_checked:
            if size < len(BOM) and not eof:
                continue
            bom_checked = True
            joined = b"".join(parts)
            if joined.startswith(BOM):
                head, offset, joined = BOM, len(BOM), joined[len(BOM) :]
            parts, size = ([joined] if joined else []), len(joined)
        tail = rest = b""
        if eof:
            data = b"".join(parts)
        else:
            if eager and size < chunk_bytes:
                continue
            index, end = len(parts) - 1, -1
            while index >= 0 and end < 0:
                end = parts[index].rfind(b"\n")
                index -= 0 if end >= 0 else 1
            if end < 0:  # no complete line yet
                if max_line is None or size <= max_line:
                    continue
                buf = b"".join(parts)
                cut, tail = safe_cut(buf, CUT_WINDOW)
                data, rest = buf[:cut], buf[cut + len(tail) :]
            else:
                last = memoryview(parts[index])
                # One copy: join takes the memoryview slices as they are.
                data = b"".join([*parts[:index], last[: end + 1]])
                rest = b"".join([last[end + 1 :], *parts[index + 1 :]])
                last.release()
        if data or head or tail:
            yield Chunk(data, source, offset, head, tail, first)
            first = False
        head = b""
        offset += len(data) + len(tail)
        parts, size = ([rest] if rest else []), len(rest)


def file_chunks(
    path: Path,
    source: str,
    *,
    chunk_bytes: int = CHUNK_BYTES,
    max_line: int | None = MAX_LINE_BYTES,
    on_read: Callable[[int], None] | None = None,
) -> Iterator[Chunk]:
    """Cut a regular file into chunks of whole lines *without reading them*: for a process pool.

    Each chunk names a byte range (``path``, ``offset``, ``end``) that the
    worker reads itself (:meth:`Chunk.load`), so that the input does not go
    through the pool's pipes.  Only the bytes after each nominal boundary
    (every ``chunk_bytes``) are read here, up to the next newline.  If none
    comes within ``max_line`` bytes (a very long line), the rest of the file
    is read with :func:`read_chunks`, which cuts long lines.  The last range
    runs to the end of the file as it is when it is read.

    The chunks' ``head + data + tail``, once loaded, concatenate to the file.
    """
    look = min(max_line if max_line is not None else CUT_WINDOW, CUT_WINDOW)
    with open(path, "rb") as handle:
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
            handle.seek(end)
            newline, eof = -1, False
            while newline < 0 and not eof and (max_line is None or end - start < chunk_bytes + max_line):
                block = handle.read(look)
                eof = not block
                newline = block.find(b"\n")
                end += newline + 1 if newline >= 0 else len(block)
            if eof:  # the end of the file came before a newline
                end = -1
            elif newline < 0:  # a very long line: read the rest, cutting long lines
                handle.seek(start)
                rest = read_chunks(
                    handle, source, chunk_bytes=chunk_bytes, max_line=max_line, on_read=on_read, offset=start
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


# -- normalizing ------------------------------------------------------------


def _decode(chunk: Chunk, errors: ErrorPolicy) -> str:
    try:
        return chunk.data.decode("utf-8", _DECODE_ERRORS[errors])
    except UnicodeDecodeError as exc:
        data = chunk.data
        bad = data[exc.start : exc.end].hex(" ").upper()
        raise InputDataError(
            chunk.source,
            1 + data.count(b"\n", 0, exc.start),
            chunk.offset + exc.start,
            f"invalid UTF-8 ({exc.reason}: byte {bad}); "
            "--errors replace substitutes U+FFFD, --errors preserve passes such bytes through",
        ) from None


def _normalize_lines(pipe: Pipeline, text: str, newlines: int) -> str:
    """Normalize ``text`` (with ``newlines`` newlines) line by line, keeping ``\n`` and ``\r\n`` endings.

    One pipeline call for the whole text: the stage contract makes that equal
    to one call per line.  A stage that breaks the contract (adds or removes
    a line break) is caught and the text is done line by line instead.
    """
    if "\r" not in text:
        out = pipe(text)
        return out if out.count("\n") == newlines else _line_by_line(pipe, text)
    if text.count("\r\n") == newlines:  # every line ends with CRLF: no list of lines needed
        out = pipe(text.replace("\r\n", "\n"))
        return out.replace("\n", "\r\n") if out.count("\n") == newlines else _line_by_line(pipe, text)
    lines = text.split("\n")
    crlf = [line.endswith("\r") for line in lines[:-1]] + [False]
    bodies = [line[:-1] if cr else line for line, cr in zip(lines, crlf)]
    outs = pipe("\n".join(bodies)).split("\n")
    if len(outs) != len(bodies):
        return _line_by_line(pipe, text)
    ends = ["\r\n" if cr else "\n" for cr in crlf]
    ends[-1] = ""
    return "".join(o + e for o, e in zip(outs, ends))


def _line_by_line(pipe: Pipeline, text: str) -> str:
    """One pipeline call per line: the slow reference, for a stage that breaks the line contract."""
    out = []
    for line in text.split("\n"):
        cr = line.endswith("\r")
        out.append(pipe(line[:-1]) + "\r" if cr else pipe(line))
    return "\n".join(out)


def _lookup(obj: Any, field: str) -> tuple[Any, str] | None:
    """``(container, key)`` of ``field`` in a JSON object; a dotted name walks nested objects."""
    if not isinstance(obj, dict):
        return None
    if field in obj:
        return obj, field
    *parents, key = field.split(".")
    for part in parents:
        obj = obj.get(part)
        if not isinstance(obj, dict):
            return None
    return (obj, key) if key in obj else None


def _transform_jsonl(chunk: Chunk, text: str, pipe: Pipeline, fields: Sequence[str]) -> str:
    lines = text.split("\n")
    parsed: list[Any] = []
    slots: list[tuple[int, dict[str, Any], str]] = []
    values: list[str] = []
    for index, line in enumerate(lines):
        body = line[:-1] if line.endswith("\r") and index < len(lines) - 1 else line
        if not body.strip():
            parsed.append(None)
            continue
        try:
            obj = json.loads(body)
        except json.JSONDecodeError as exc:
            before = "\n".join(lines[:index]) + ("\n" if index else "") + body[: exc.pos]
            raise InputDataError(
                chunk.source,
                1 + index,
                chunk.offset + len(before.encode("utf-8", "surrogateescape")),
                f"invalid JSON ({exc.msg} at column {exc.colno})",
            ) from None
        parsed.append(obj)
        for field in fields:
            found = _lookup(obj, field)
            if found is not None and isinstance(found[0][found[1]], str):
                slots.append((index, found[0], found[1]))
                values.append(found[0][found[1]])
    if not values:
        return text
    outs = pipe("\n".join(values)).split("\n")
    changed: set[int] = set()
    pos = 0
    for (index, container, key), value in zip(slots, values):
        span = value.count("\n") + 1
        new = "\n".join(outs[pos : pos + span])
        pos += span
        if new != value:
            container[key] = new
            changed.add(index)
    for index in changed:
        line = lines[index]
        cr = "\r" if line.endswith("\r") and index < len(lines) - 1 else ""
        dumped = json.dumps(parsed[index], ensure_ascii=False)
        try:
            dumped.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates from \\udXXX escapes: keep them escaped
            dumped = json.dumps(parsed[index], ensure_ascii=True)
        lines[index] = dumped + cr
    return "\n".join(lines)


def transform(
    chunk: Chunk, pipe: Pipeline, errors: ErrorPolicy = "strict", fields: Sequence[str] = ()
) -> tuple[bytes, int]:
    """The normalized bytes of ``chunk.data`` (without its head and tail), and its number of newlines.

    With ``fields``, each line is a JSON document and only those string
    fields are normalized; lines whose fields did not change are kept byte for
    byte, changed lines are re-serialized with ``json.dumps(ensure_ascii=False)``.

    Raises:
        InputDataError: invalid UTF-8 (with ``errors="strict"``) or invalid JSON;
            its line number counts from the start of the chunk.
    """
    try:
        text = _decode(chunk, errors)
        newlines = text.count("\n")
        out = (
            _transform_jsonl(chunk, text, pipe, fields) if fields else _normalize_lines(pipe, text, newlines)
        )
    except InputDataError as exc:
        # Normalize the lines before the offending one, so that what is written
        # does not depend on where the input was cut into chunks.
        start = chunk.data.rfind(b"\n", 0, exc.offset - chunk.offset) + 1
        before = transform(replace(chunk, data=chunk.data[:start]), pipe, errors, fields)[0] if start else b""
        exc.partial = chunk.head + before
        raise
    return out.encode("utf-8", _ENCODE_ERRORS[errors]), newlines


# -- the C allocator ---------------------------------------------------------

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
    ``sys`` 0.34 s of a 1.55 s run; tuned, 0.11 s of 1.28 s; with two jobs
    1.26 s -> 1.00 s; see ``tests/RELIABILITY.md``).  This raises the size served by ``mmap`` to 64 MiB and the free
    memory kept at the top of the heap to 128 MiB (peak memory +8 MB).
    Once per process; only on Linux with glibc (elsewhere nothing is done).
    Returns whether the allocator is tuned.
    """
    if "done" not in _TUNED:
        ok = False
        if sys.platform.startswith("linux"):
            try:
                mallopt = ctypes.CDLL(None).mallopt
                ok = bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)) and bool(
                    mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD)
                )
            except (OSError, AttributeError):
                ok = False
        _TUNED["done"] = ok
    return _TUNED["done"]


# -- parallel workers -------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(spec: str, errors: ErrorPolicy, fields: tuple[str, ...]) -> None:
    tune_allocator()  # inherited from the parent through fork; set for other start methods
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    for signum in _STOP_SIGNALS:  # not the parent's handler (a fork copies it)
        signal.signal(signum, signal.SIG_DFL)
    _WORKER.update(pipe=Pipeline.from_spec(spec), errors=errors, fields=fields)


def _work(chunk: Chunk) -> tuple[bytes, int]:
    return transform(chunk.load(), _WORKER["pipe"], _WORKER["errors"], _WORKER["fields"])


def _transform_here(
    chunk: Chunk, pipe: Pipeline, errors: ErrorPolicy, fields: tuple[str, ...]
) -> tuple[bytes, int]:
    """:func:`transform` in this process, reading the chunk's byte range if it has one."""
    return transform(chunk.load(), pipe, errors, fields)


# -- writing ------------------------------------------------------------------


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """Write ``path`` atomically: a temporary file in its directory, fsynced, then renamed.

    On any exception (including KeyboardInterrupt) the temporary file is
    removed and an existing ``path`` is left untouched; so too on SIGTERM and
    SIGHUP while the file is written, which raise ``SystemExit(128 + signal)``
    when they would otherwise kill the process (see :func:`_handle_signals`).
    A symbolic link is followed (its target is replaced).  A path that
    exists and is not a regular file (``/dev/null``, a FIFO, a terminal) is
    written directly.
    A new file gets the usual ``0o666 & ~umask`` permissions; an existing
    one keeps its permissions.
    """
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(f"{path} is a directory")
        with open(target, "wb") as handle:
            yield handle
        return
    if info is not None:
        mode = stat.S_IMODE(info.st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".arnorm-tmp", dir=target.parent)
    try:
        with _handle_signals(_STOP_SIGNALS):
            with os.fdopen(fd, "wb") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


#: Signals that kill a process by default and that a user or a system sends to stop
#: a command: turned into ``SystemExit`` while an output file is written.
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
# Signals that arrived inside a _critical() block, and how deep the blocks are nested.
_SIGNALS: dict[str, Any] = {"deferred": [], "depth": 0}


def _raise_for(signum: int) -> None:
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise SystemExit(128 + signum)


def _on_signal(signum: int, frame: object) -> None:
    """Raise for the signal now, or at the end of the current :func:`_critical` block."""
    if _SIGNALS["depth"]:
        _SIGNALS["deferred"].append(signum)
        return
    _raise_for(signum)


@contextlib.contextmanager
def _critical() -> Iterator[None]:
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
def _handle_signals(signums: Iterable[int]) -> Iterator[None]:
    """Handle ``signums`` with :func:`_on_signal` (SIGINT raises KeyboardInterrupt, others
    ``SystemExit(128 + signal)``), where they still have their default handling; only in
    the main thread (Python runs signal handlers there)."""
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
    ranges: bool = False,
) -> Iterator[Chunk]:
    """The chunks of every source in turn; with ``ranges``, regular files give byte ranges
    for the workers to read (:func:`file_chunks`), other sources their data."""
    for source in sources:
        if ranges and _regular_file(source):
            assert source.path is not None
            yield from file_chunks(
                source.path, source.name, chunk_bytes=CHUNK_BYTES, max_line=max_line, on_read=on_read
            )
            continue
        with source.open() as stream:
            yield from read_chunks(
                stream, source.name, chunk_bytes=CHUNK_BYTES, eager=eager, max_line=max_line, on_read=on_read
            )


def _write(sink: BinaryIO, chunk: Chunk, body: bytes, flush: bool) -> None:
    if chunk.head:
        sink.write(chunk.head)
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
) -> None:
    """Normalize every source in turn and write the result to ``sink``.

    Each source is processed on its own (a file without a final newline does
    not run into the next one); the outputs are concatenated.  With
    ``jobs > 1``, chunks are normalized by a pool of ``jobs`` processes, at
    most ``2 * jobs`` chunks in flight, written in input order; an input of a
    single chunk is processed in this process.  ``flush`` flushes ``sink``
    after each chunk (interactive use).  ``ranges`` (default: ``jobs > 1``)
    cuts regular files into byte ranges that the workers read themselves
    (:func:`file_chunks`) instead of sending their bytes through the pool's
    pipes; the output is the same.  The first call tunes the process's C
    allocator for large buffers (:func:`tune_allocator`).

    Raises:
        InputDataError: invalid input (see :func:`transform`); the lines
            before the offending one have been written to ``sink``.
        OSError: reading or writing failed.
    """
    tune_allocator()
    fields = tuple(fields)
    max_line = None if fields else MAX_LINE_BYTES
    if ranges is None:
        ranges = jobs > 1
    chunks = _all_chunks(sources, eager=jobs > 1, max_line=max_line, on_read=on_read, ranges=ranges)
    use_pool = False
    if jobs > 1:
        start = list(islice(chunks, 2))  # an input of one chunk needs no pool
        chunks = chain(start, chunks)
        use_pool = len(start) == 2
    lines = 0  # newlines of the chunks of the current file before this one
    try:
        with contextlib.ExitStack() as stack:
            results: Iterator[tuple[Chunk, Callable[[], tuple[bytes, int]]]]
            if use_pool:
                stack.enter_context(_handle_signals([signal.SIGINT]))
                pool = ProcessPoolExecutor(
                    jobs, initializer=_init_worker, initargs=(pipe.spec, errors, fields)
                )
                stack.callback(_shutdown, pool)
                results = _in_order(pool, chunks, 2 * jobs)
            else:
                results = ((c, functools.partial(_transform_here, c, pipe, errors, fields)) for c in chunks)
            for chunk, result in results:
                if chunk.first:
                    lines = 0
                try:
                    body, newlines = result()
                except InputDataError as exc:
                    raise exc.after_lines(lines) from None
                _write(sink, chunk, body, flush)
                lines += newlines
    except InputDataError as exc:
        sink.write(exc.partial)
        sink.flush()
        raise


def _shutdown(pool: ProcessPoolExecutor) -> None:
    """Stop the pool: cancel what has not started, wait for the rest (not interrupted by signals)."""
    with _critical():
        pool.shutdown(wait=True, cancel_futures=True)


def _in_order(
    pool: ProcessPoolExecutor, chunks: Iterator[Chunk], window: int
) -> Iterator[tuple[Chunk, Callable[[], tuple[bytes, int]]]]:
    """Submit chunks to ``pool`` with at most ``window`` in flight; yield them in input order."""
    pending: deque[tuple[Chunk, Future[tuple[bytes, int]]]] = deque()
    for chunk in chunks:
        with _critical():
            future = pool.submit(_work, chunk)
        pending.append((chunk, future))
        if len(pending) >= window:
            done, future = pending.popleft()
            yield done, future.result
    while pending:
        done, future = pending.popleft()
        yield done, future.result
