"""Normalizing a chunk: one strict UTF-8 decode and one pipeline call, line endings kept.

``\\r\\n`` endings are set aside and restored, a missing final newline stays
missing.  With ``--jsonl`` fields, only the chosen string values of each line
change: their new values are spliced into the original text, so every other
byte of the line (numbers such as ``1e400``, spacing, escapes, duplicate keys)
stays as it was (:mod:`arnorm.io.jsonl`, imported only then).

Errors policies (``errors``): ``"strict"`` raises :class:`InputDataError`
naming the file, line and byte offset of the first invalid byte;
``"replace"`` decodes invalid bytes to U+FFFD; ``"preserve"`` passes them
through unchanged (``surrogateescape`` on the way in and out).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Literal, NamedTuple

from ..errors import InputDataError
from .chunks import Chunk

if TYPE_CHECKING:
    from ..stage import Stage

__all__ = ["ErrorPolicy", "Transformed", "transform"]

ErrorPolicy = Literal["strict", "replace", "preserve"]

_DECODE_ERRORS = {"strict": "strict", "replace": "replace", "preserve": "surrogateescape"}
_ENCODE_ERRORS = {"strict": "strict", "replace": "strict", "preserve": "surrogateescape"}
_WIDE_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32-LE",
    b"\x00\x00\xfe\xff": "UTF-32-BE",
    b"\xff\xfe": "UTF-16-LE",
    b"\xfe\xff": "UTF-16-BE",
}


class Transformed(NamedTuple):
    """What :func:`transform` makes of a chunk.

    Attributes:
        body: the normalized bytes (without the chunk's head and tail).
        newlines: the number of newlines in the chunk.
        records: with ``--jsonl`` fields, the number of JSON lines.
        missing: for each field, the number of JSON lines where it is not a string.
    """

    body: bytes
    newlines: int
    records: int = 0
    missing: tuple[int, ...] = ()


def _decode(chunk: Chunk, errors: ErrorPolicy) -> str:
    try:
        return chunk.data.decode("utf-8", _DECODE_ERRORS[errors])
    except UnicodeDecodeError as exc:
        data = chunk.data
        bad = data[exc.start : exc.end].hex(" ").upper()
        hint = "--errors replace substitutes U+FFFD, --errors preserve passes such bytes through"
        if chunk.first and chunk.offset == 0:
            wide = next((name for bom, name in _WIDE_BOMS.items() if data.startswith(bom)), None)
            if wide is not None:
                hint = f"the input starts with a {wide} byte order mark: convert it with iconv -f {wide[:6]}"
        raise InputDataError(
            chunk.source,
            1 + data.count(b"\n", 0, exc.start),
            chunk.offset + exc.start,
            f"invalid UTF-8 ({exc.reason}: byte {bad}); {hint}",
        ) from None


def _normalize_lines(pipe: Stage, text: str, newlines: int) -> str:
    """Normalize ``text`` (with ``newlines`` newlines) line by line, keeping ``\\n`` and ``\\r\\n``.

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


def _line_by_line(pipe: Stage, text: str) -> str:
    """One pipeline call per line: the slow reference, for a stage that breaks the line contract."""
    out = []
    for line in text.split("\n"):
        cr = line.endswith("\r")
        out.append(pipe(line[:-1]) + "\r" if cr else pipe(line))
    return "\n".join(out)


def transform(
    chunk: Chunk, pipe: Stage, errors: ErrorPolicy = "strict", fields: Sequence[str] = ()
) -> Transformed:
    """The normalized bytes of ``chunk.data`` (without its head and tail), and what was counted.

    With ``fields``, each line is a JSON document and only those string
    fields are normalized; their new values are spliced into the line.

    Raises:
        InputDataError: invalid UTF-8 (with ``errors="strict"``) or invalid JSON;
            its line number counts from the start of the chunk.
    """
    try:
        text = _decode(chunk, errors)
        newlines = text.count("\n")
        records = 0
        missing: tuple[int, ...] = ()
        if fields:
            from .jsonl import transform_jsonl  # only with --jsonl: json is not imported otherwise

            out, records, missing = transform_jsonl(chunk, text, pipe, fields, errors)
        else:
            out = _normalize_lines(pipe, text, newlines)
    except InputDataError as exc:
        # Normalize the lines before the offending one, so that what is written
        # does not depend on where the input was cut into chunks.
        start = chunk.data.rfind(b"\n", 0, exc.offset - chunk.offset) + 1
        before = transform(replace(chunk, data=chunk.data[:start]), pipe, errors, fields)[0] if start else b""
        exc.partial = chunk.head + before
        raise
    return Transformed(out.encode("utf-8", _ENCODE_ERRORS[errors]), newlines, records, missing)
