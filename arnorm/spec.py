"""The pipeline spec grammar.

A spec is a comma-separated list of stage items; an item is a stage name,
optionally followed by options in parentheses::

    diacritics,alef,ya
    diacritics(keep=shadda+dagger_alef),digits(to=arabic),whitespace

Option values are written bare: ``true``/``false`` for booleans, integers as
digits, several values joined with ``+``.  Values are converted to the types
the stage factory declares (see :mod:`arnorm.registry`).
"""

from __future__ import annotations

import re
from typing import Any

from .errors import SpecError

__all__ = ["format_item", "format_value", "parse_spec"]

_ITEM = re.compile(r"\s*([A-Za-z_][\w\-]*)\s*(?:\(([^()]*)\))?\s*(,|$)")
_OPTION = re.compile(r"\s*([A-Za-z_]\w*)\s*=\s*([^,=]*?)\s*(?:,|$)")
_NAME = re.compile(r"\s*([A-Za-z_][\w\-]*)?\s*")
_FORBIDDEN = set(",()=+")


def parse_spec(spec: str) -> list[tuple[str, dict[str, str]]]:
    """Split a spec into ``[(name, {option: raw_value})]``.

    Raises:
        SpecError: with the position of the first character that does not parse.
    """
    if not isinstance(spec, str):
        raise SpecError(repr(spec), "a spec must be a string")
    items: list[tuple[str, dict[str, str]]] = []
    pos = 0
    if not spec.strip():
        return items
    while pos < len(spec):
        m = _ITEM.match(spec, pos)
        if m is None or m.end() == pos:
            raise SpecError(spec, *_diagnose(spec, pos))
        name, body, sep = m.group(1), m.group(2), m.group(3)
        options: dict[str, str] = {}
        if body is not None and body.strip():
            opos = 0
            while opos < len(body):
                om = _OPTION.match(body, opos)
                if om is None or om.end() == opos:
                    raise SpecError(spec, "expected option=value", m.start(2) + opos)
                if om.group(1) in options:
                    raise SpecError(spec, f"option {om.group(1)!r} given twice", m.start(2) + opos)
                options[om.group(1)] = om.group(2)
                opos = om.end()
        items.append((name, options))
        pos = m.end()
        if sep == "" and pos < len(spec):
            raise SpecError(spec, "expected ',' between stages", pos)
    return items


def _diagnose(spec: str, pos: int) -> tuple[str, int]:
    """What is wrong with the item at ``spec[pos:]``, and the position to point at."""
    name = _NAME.match(spec, pos)
    if name is None or not name.group(1):
        return "expected a stage name, optionally with (option=value,...)", pos + len(name.group() if name else "")
    after = name.end()
    if after < len(spec) and spec[after] == "(":
        close = spec.find(")", after)
        nested = spec.find("(", after + 1)
        if close < 0:
            return "'(' is never closed: expected option=value,...)", after
        if 0 <= nested < close:
            return "unexpected '(' inside the options", nested
        return "unexpected character after the options", close + 1
    return "expected ',' or '(' after the stage name", after


def format_value(value: Any) -> str:
    """Write one option value in spec syntax."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list, frozenset)):
        return "+".join(format_value(v) for v in value)
    text = str(value)
    if _FORBIDDEN & set(text) or text != text.strip():
        raise SpecError(text, "option value cannot be written in a spec string (use to_dict())")
    return text


def format_item(name: str, params: tuple[tuple[str, Any], ...]) -> str:
    """Write one stage item: ``name`` or ``name(k=v,...)``."""
    if not params:
        return name
    return f"{name}(" + ",".join(f"{k}={format_value(v)}" for k, v in params) + ")"
