"""Invisible characters and spaces: ``invisible`` and ``whitespace``.

``invisible`` deletes (tables in ``arnorm/data/invisible.json``), except that
a run of bidi controls or ZWSP that is the only separator between two
letters becomes a space (``breaks=delete`` deletes it too; see
:mod:`arnorm.stages.context`):

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
from typing import Any, Literal

from .._fastmap import LARGE_INPUT, _np, line_slices
from ..chars import LINE_BREAKS
from ..pipeline import Pipeline
from ..registry import register
from ..stage import CharMap, FunctionStage, Stage
from ..tables import load_table, merge
from .context import break_invisible


@register("invisible", family="invisible")
def invisible(
    zwnj: Literal["keep", "remove", "space"] = "keep",
    zwj: Literal["keep", "remove"] = "keep",
    breaks: Literal["space", "delete"] = "space",
) -> Stage:
    """Delete bidi controls and zero-width characters (a space where one is the only
    separator between two letters, unless breaks=delete); ZWNJ/ZWJ by policy."""
    maps = [load_table("invisible", "bidi").mapping, load_table("invisible", "zero_width").mapping]
    if zwnj == "remove":
        maps.append(load_table("invisible", "zwnj").mapping)
    elif zwnj == "space":
        maps.append({"\u200c": " "})
    if zwj == "remove":
        maps.append(load_table("invisible", "zwj").mapping)
    deleting = CharMap.from_mapping("invisible", merge(*maps))
    if breaks == "delete":
        return deleting
    return Pipeline([FunctionStage(name="invisible_breaks", func=break_invisible), deleting], name="invisible")


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
        changed = False
        for part in (text[start:end] for start, end in line_slices(text, 1 << 18)):
            out = _tidy_large(part) if " " in part else part
            if out is None:  # lone surrogates: the regular expressions below
                break
            changed = changed or out is not part
            pieces.append(out)
        else:
            return "".join(pieces) if changed else text
    if collapse and "  " in text:
        text = _RUN.sub(" ", text)
    if strip:
        text = _LEADING.sub(r"\1", _TRAILING.sub("", text.strip(" ")))
    return text


def _space_classes() -> Any:
    """uint8 table over UTF-16 code units: 1 for U+0020, 2 for a line break, else 0."""
    table = _np.zeros(0x10000, dtype=_np.uint8)
    table[0x20] = 1
    for char in LINE_BREAKS:
        table[ord(char)] = 2
    return table


_CLASSES: list[Any] = []  # the table above, built on the first large input


def _tidy_large(text: str) -> str | None:
    """``tidy_spaces(strip=True, collapse=True)`` vectorised over UTF-16 code units.

    A run of spaces survives as one space when a character other than a line
    break stands on both sides of it; every other space goes.  Text that
    needs nothing (no space beside a space, a line break or either end) is
    returned as it is after one table lookup and a few comparisons.
    """
    if not text:
        return text
    try:
        units = _np.frombuffer(text.encode("utf-16-le"), dtype=_np.uint16)
    except UnicodeEncodeError:  # lone surrogates
        return None
    if not _CLASSES:
        _CLASSES.append(_space_classes())
    cls = _CLASSES[0].take(units)
    left, right = cls[:-1], cls[1:]
    bad = _np.flatnonzero(((left == 1) & (right != 0)) | ((right == 1) & (left != 0)))
    if cls[0] != 1 and cls[-1] != 1 and not len(bad):
        return text
    if len(units) == len(text) and len(bad) * 256 < len(units):
        return _tidy_lines(text, cls, bad)
    return _tidy_units(units, cls)


def _tidy_lines(text: str, cls: Any, bad: Any) -> str:
    """Tidy only the lines around ``bad`` (pairs of code units that need work).

    The rules are local to a line, so whole lines (each with its line break)
    can be tidied apart and spliced back; ``text`` has no astral characters,
    so code-unit and character indices agree.
    """
    breaks = _np.flatnonzero(cls == 2)
    firsts = _np.concatenate(([0], breaks + 1))  # where each line starts
    lasts = _np.concatenate((breaks + 1, [len(cls)]))  # where it ends (after its break)
    ends = [0 if cls[0] == 1 else -1, len(firsts) - 1 if cls[-1] == 1 else -1]
    around = (_np.searchsorted(firsts, bad, "right") - 1, _np.searchsorted(firsts, bad + 1, "right") - 1)
    lines = _np.unique(_np.concatenate((*around, ends)))
    pieces = []
    done = 0
    for line in lines[lines >= 0].tolist():
        start, end = int(firsts[line]), int(lasts[line])
        pieces.append(text[done:start])
        pieces.append(_tidy_regex(text[start:end]))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _tidy_rules(strip: bool, collapse: bool) -> tuple[tuple[str, str], ...]:
    """``tidy_spaces(text, strip, collapse)`` as substitutions with literal replacements, in order.

    ``\\Z`` may also match before a final "\\n" in Oniguruma: the spaces there go by the last rule anyway.
    """
    runs = ((" {2,}", " "),) if collapse else ()
    ends = ((r"\A +| +\Z", ""), (f"(?<=[{LINE_BREAKS}]) +", ""), (f" +(?=[{LINE_BREAKS}])", "")) if strip else ()
    return runs + ends


def _tidy_regex(text: str) -> str:
    """The definition of ``tidy_spaces(strip=True, collapse=True)`` by regular expressions."""
    return _LEADING.sub(r"\1", _TRAILING.sub("", _RUN.sub(" ", text).strip(" ")))


def _tidy_units(units: Any, cls: Any) -> str:
    """The vectorised tidying of a whole slice (when many lines need it)."""
    space = cls == 1
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
    ok = (cls[starts - 1] != 2) & (cls[ends + 1] != 2)
    keep = ~space
    keep[starts[ok]] = True
    return str(memoryview(_np.compress(keep, units)), "utf-16-le")


@register("whitespace", family="invisible")
def whitespace(strip: bool = True, collapse: bool = True) -> Stage:
    """Unicode spaces to ' ', strip line ends, collapse runs; never removes line breaks."""
    tidy = FunctionStage(
        name="tidy_spaces",
        func=tidy_spaces,
        kwargs=(("strip", strip), ("collapse", collapse)),
        context="word",
        rules=_tidy_rules(strip, collapse),
    )
    return Pipeline([spaces(), tidy], name="whitespace")
