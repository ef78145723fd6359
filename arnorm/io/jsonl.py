"""``--jsonl``: normalizing chosen string fields of JSON lines, every other byte kept.

Only the chosen string values of each line change: their new values are
spliced into the original text, so every other byte of the line (numbers
such as ``1e400``, spacing, escapes, duplicate keys) stays as it was.
Imported by :func:`arnorm.io.transform.transform` only when there are fields.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import InputDataError

if TYPE_CHECKING:
    from ..stage import Stage
    from .chunks import Chunk

__all__ = ["transform_jsonl"]

_WS = re.compile(r"[ \t\n\r]*")
_SURROGATE = re.compile("[\ud800-\udfff]")
_DECODER = json.JSONDecoder()


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


def _dump(value: str, errors: str) -> str:
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


def transform_jsonl(
    chunk: Chunk, text: str, pipe: Stage, fields: Sequence[str], errors: str
) -> tuple[str, int, tuple[int, ...]]:
    """The chunk's text with the string values of ``fields`` normalized on each line:
    ``(text, JSON lines, lines where each field is missing or not a string)``."""
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
