"""Invisible characters and spaces: ``invisible`` and ``whitespace``.

``invisible`` deletes (tables in ``arnorm/data/invisible.json``):

* bidi controls: U+061C ALM, U+200E LRM, U+200F RLM, U+202A-U+202E
  (embeddings, overrides, PDF), U+2066-U+2069 (isolates);
* zero-width characters: U+00AD soft hyphen, U+200B ZWSP, U+2060-U+2064
  (word joiner, invisible operators), U+FEFF inside text;
* ``zwnj=keep|remove|space`` for U+200C ZWNJ (default keep: it is part of
  Persian and Kurdish spelling, e.g. ``می‌خواهم``);
* ``zwj=keep|remove`` for U+200D ZWJ (default keep: it also joins emoji).

``spaces`` maps every Unicode space separator (Zs) other than U+0020 to
U+0020: U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000.

``whitespace`` does what ``spaces`` does, then
deletes spaces at the start and end of each line and collapses runs of
spaces to one.  Tabs and line breaks are never touched.
"""

from __future__ import annotations

import re
from typing import Literal

from .._fastmap import LARGE_INPUT, _np
from ..pipeline import Pipeline
from ..registry import register
from ..stage import CharMap, FunctionStage, Stage
from ..tables import load_table, merge

# Every line boundary str.splitlines() knows.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


@register("invisible", family="invisible")
def invisible(zwnj: Literal["keep", "remove", "space"] = "keep", zwj: Literal["keep", "remove"] = "keep") -> Stage:
    """Delete bidi controls and zero-width characters; ZWNJ/ZWJ by policy."""
    maps = [load_table("invisible", "bidi").mapping, load_table("invisible", "zero_width").mapping]
    if zwnj == "remove":
        maps.append(load_table("invisible", "zwnj").mapping)
    elif zwnj == "space":
        maps.append({"\u200c": " "})
    if zwj == "remove":
        maps.append(load_table("invisible", "zwj").mapping)
    return CharMap.from_mapping("invisible", merge(*maps))


@register("spaces", family="invisible")
def spaces() -> Stage:
    """Every Unicode space separator (Zs: NBSP, EN SPACE, ...) to a plain space U+0020."""
    return CharMap.from_mapping("spaces", load_table("invisible", "spaces").mapping)


_RUN = re.compile(" {2,}")
_LEADING = re.compile(f"([{LINE_BREAKS}]) +")
_TRAILING = re.compile(f" +(?=[{LINE_BREAKS}])")


def tidy_spaces(text: str, strip: bool = True, collapse: bool = True) -> str:
    """Collapse runs of U+0020 to one and delete them at the start and end of lines."""
    if " " not in text:
        return text
    if strip and collapse and len(text) >= LARGE_INPUT and _np is not None:
        pieces = []
        for part in _line_slices(text, 1 << 18):
            out = _tidy_large(part) if " " in part else part
            if out is None:  # lone surrogates: the regular expressions below
                break
            pieces.append(out)
        else:
            return "".join(pieces)
    if collapse and "  " in text:
        text = _RUN.sub(" ", text)
    if strip:
        text = _LEADING.sub(r"\1", _TRAILING.sub("", text.strip(" ")))
    return text


def _line_slices(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of about ``size`` characters, each ending after a "\\n"."""
    pieces = []
    start = 0
    while start < len(text):
        cut = text.find("\n", start + size)
        end = len(text) if cut < 0 else cut + 1
        pieces.append(text[start:end])
        start = end
    return pieces


def _tidy_large(text: str) -> str | None:
    """``tidy_spaces(strip=True, collapse=True)`` vectorised over UTF-16 code units.

    A run of spaces survives as one space when a character other than a line
    break stands on both sides of it; every other space goes.
    """
    try:
        units = _np.frombuffer(text.encode("utf-16-le"), dtype=_np.uint16)
    except UnicodeEncodeError:  # lone surrogates
        return None
    space = units == 0x20
    before = _np.empty_like(space)
    before[0] = False
    before[1:] = space[:-1]
    after = _np.empty_like(space)
    after[-1] = False
    after[:-1] = space[1:]
    starts = _np.flatnonzero(space & ~before)
    ends = _np.flatnonzero(space & ~after)
    n = len(units)
    inner = (starts > 0) & (ends < n - 1)
    starts, ends = starts[inner], ends[inner]
    breaks = _np.array([ord(c) for c in LINE_BREAKS], dtype=_np.uint16)
    ok = ~_np.isin(units[starts - 1], breaks) & ~_np.isin(units[ends + 1], breaks)
    keep = ~space
    keep[starts[ok]] = True
    return bytes(units[keep].tobytes()).decode("utf-16-le")


@register("whitespace", family="invisible")
def whitespace(strip: bool = True, collapse: bool = True) -> Stage:
    """Unicode spaces to ' ', strip line ends, collapse runs; never removes line breaks."""
    tidy = FunctionStage(
        name="tidy_spaces", func=tidy_spaces, kwargs=(("strip", strip), ("collapse", collapse)), context="word"
    )
    return Pipeline([spaces(), tidy], name="whitespace")
