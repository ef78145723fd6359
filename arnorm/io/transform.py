"""Normalizing a chunk: one strict UTF-8 decode and one pipeline call, line endings kept.

``\\r\\n`` endings are set aside and restored, a missing final newline stays
missing.  With ``--jsonl`` fields, only the chosen string values of each line
change: their new values are spliced into the original text, so every other
byte of the line (numbers such as ``1e400``, spacing, escapes, duplicate keys)
stays as it was.

Errors policies (``errors``): ``"strict"`` raises :class:`InputDataError`
naming the file, line and byte offset of the first invalid byte;
``"replace"`` decodes invalid bytes to U+FFFD; ``"preserve"`` passes them
through unchanged (``surrogateescape`` on the way in and out).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ..errors import InputDataError
from .chunks import Chunk

if TYPE_CHECKING:
    from ..stage import Stage

__all__ = ["ErrorPolicy", "Transformed", "transform"]

ErrorPolicy = Literal["strict", "replace", "preserve"]

_DECODE_ERRORS = {"strict": "strict", "replace": "replace", "preserve": "surrogateescape"}
_ENCODE_ERRORS = {"strict": "strict", "replace": "strict", "preserve": "surrogateescape"}
_WS = re.compile(r"[ \t\n\r]*")
_SURROGATE = re.compile("[\ud800-\udfff]")
_DECODER = json.JSONDecoder()
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


# -- JSON Lines ----------------------------------------------------------------------


def _members(s: str, pos: int) -> Iterator[tuple[str, int, int]]:
    """``(key, start, end)`` of each member's value of the (valid) JSON object at ``s[pos]``."""
    pos = _WS.match(s, pos + 1).end()  # type: ignore[union-attr]
    if s[pos] == "}":
        return
    while True:
        key, pos = _DECODER.raw_decode(s, pos)
        pos = _WS.match(s, _WS.match(s, pos).end() + 1).end()  # type: ignore[union-attr]
        end = _DECODER.raw_decode(s, pos)[1]
        yield key, pos, end
        pos = _WS.match(s, end).end()  # type: ignore[union-attr]
        if s[pos] == "}":
            return
        pos = _WS.match(s, pos + 1).end()  # type: ignore[union-attr]


def _spans(s: str, pos: int, path: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Spans of the string values at ``path`` in the object at ``s[pos]`` (every duplicate key)."""
    for key, start, end in _members(s, pos):
        if key != path[0]:
            continue
        if len(path) == 1:
            if s[start] == '"':
                yield start, end
        elif s[start] == "{":
            yield from _spans(s, start, path[1:])


def _field_spans(body: str, obj: Any, field: str) -> list[tuple[int, int]]:
    """Where the string values of ``field`` are in the JSON line ``body`` (parsed: ``obj``)."""
    if not isinstance(obj, dict):
        return []
    path = [field] if field in obj else field.split(".")
    return list(_spans(body, _WS.match(body).end(), path))  # type: ignore[union-attr]


def _dump(value: str, errors: ErrorPolicy) -> str:
    """``value`` as a JSON string; raw bytes kept under ``preserve``, other surrogates escaped."""
    out = json.dumps(value, ensure_ascii=False)

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return char if errors == "preserve" and "\udc80" <= char <= "\udcff" else f"\\u{ord(char):04x}"

    return _SURROGATE.sub(escape, out) if _SURROGATE.search(out) else out


def _parse(chunk: Chunk, lines: list[str], index: int, body: str) -> Any:
    try:
        return json.loads(body)
    except json.JSONDecodeError as exc:
        before = "\n".join(lines[:index]) + ("\n" if index else "") + body[: exc.pos]
        raise InputDataError(
            chunk.source,
            1 + index,
            chunk.offset + len(before.encode("utf-8", "surrogateescape")),
            f"invalid JSON ({exc.msg} at column {exc.colno})",
        ) from None


def _transform_jsonl(
    chunk: Chunk, text: str, pipe: Stage, fields: Sequence[str], errors: ErrorPolicy
) -> tuple[str, int, tuple[int, ...]]:
    lines = text.split("\n")
    slots: list[tuple[int, int, int]] = []  # (line, start, end) of each string value
    missing = [0] * len(fields)
    records = 0
    for index, line in enumerate(lines):
        body = line[:-1] if line.endswith("\r") and index < len(lines) - 1 else line
        if not body.strip():
            continue
        obj = _parse(chunk, lines, index, body)
        records += 1
        seen: set[int] = set()
        for number, field in enumerate(fields):
            spans = _field_spans(body, obj, field)
            missing[number] += not spans
            slots.extend((index, start, end) for start, end in spans if start not in seen)
            seen.update(start for start, _ in spans)
    if not slots:
        return text, records, tuple(missing)
    values = [json.loads(lines[i][start:end]) for i, start, end in slots]
    outs = pipe("\n".join(values)).split("\n")
    pos = 0
    news: list[str] = []
    for value in values:
        span = value.count("\n") + 1
        news.append("\n".join(outs[pos : pos + span]))
        pos += span
    for (index, start, end), value, new in sorted(zip(slots, values, news), reverse=True):
        if new != value:
            lines[index] = lines[index][:start] + _dump(new, errors) + lines[index][end:]
    return "\n".join(lines), records, tuple(missing)


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
            out, records, missing = _transform_jsonl(chunk, text, pipe, fields, errors)
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
