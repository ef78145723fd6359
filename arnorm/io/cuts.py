"""Where a very long line may be cut: UTF-8-safe cut points that respect what the stages read.

A line with no newline after :data:`arnorm.io.chunks.MAX_LINE_BYTES` bytes is
normalized in pieces so that memory stays bounded, but only where the pieces
give the same output as the whole line.  Each stage declares its
:data:`~arnorm.stage.Context`; a pipeline allows what all of its stages allow
(:func:`pipeline_context`):

* ``"char"`` (character maps only): any character boundary that does not
  separate a combining mark from its letter (:func:`safe_cut`, every tier);
* ``"word"`` (regular expressions, Unicode forms, word-level functions): only
  a single space between two words (:func:`safe_cut` with ``word_only``); a
  line with no such space is read whole;
* ``"line"`` (dates, names, transliteration): never; the line is read whole.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..stage import Context, Stage

__all__ = ["pipeline_context", "safe_cut"]

# Characters that may stand on either side of a single space where a long line is cut:
# letters (but not the tatweel U+0640, which stages delete) and numbers.
_LETTER = frozenset({"Lu", "Ll", "Lt", "Lo"})
_WORD = _LETTER | {"Nd", "Nl", "No"}
_MARK = frozenset({"Mn", "Mc", "Me"})
# Characters that must not begin a piece of a cut line: they attach to what precedes them.
_ATTACHING = frozenset({"Mn", "Mc", "Me", "Cf", "Cs", "Zs", "Zl", "Zp", "Cc"})
_ORDER = {"char": 0, "word": 1, "line": 2}


def pipeline_context(stage: Stage) -> Context:
    """The widest context any primitive stage of ``stage`` needs (``"line"`` if undeclared)."""
    widest: Context = "char"
    for leaf in stage.leaves():
        context: Context = getattr(leaf, "context", "line")
        if _ORDER.get(context, 2) > _ORDER[widest]:
            widest = context if context in _ORDER else "line"
    return widest


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


def _word_space(buf: bytes, low: int) -> int:
    """The last single space in ``buf[low:]`` between two words, or -1."""
    pos = buf.rfind(b" ", low)
    while pos >= 0:
        if pos + 1 < len(buf) and buf[pos - 1] != 0x20 and buf[pos + 1] != 0x20:
            before, after = _char_before(buf, pos), _char_at(buf, pos + 1)
            ok = _category(before) in _WORD | _MARK and _category(after) in _WORD
            if ok and "\u0640" not in (before, after):
                return pos
        pos = buf.rfind(b" ", low, pos)
    return -1


def safe_cut(buf: bytes, window: int, *, word_only: bool = False) -> tuple[int, bytes] | None:
    """Where to cut a long line ``buf`` that has no newline: ``(index, separator)``, or None.

    The line becomes ``buf[:index]``, then ``separator`` (written unchanged),
    then ``buf[index + len(separator):]``; the two pieces are normalized
    separately.  Candidates are searched in the last ``window`` bytes, in
    order of preference:

    1. the last single space U+0020 after a letter, number or combining mark
       and before a letter or number (not tatweel): a stage of context
       ``"word"`` gives the same result on the two words as on the whole line;
       with ``word_only`` there is no other candidate (None if there is none);
    2. a boundary before a letter that follows a letter or a combining mark;
    3. a boundary before a character that does not attach to the previous
       one (not a combining mark, format character, space, control or
       surrogate), after a character that is not a space;
    4. a boundary before a character that is not a combining mark, ZWJ or ZWNJ;
    5. the last character boundary (a window of nothing but marks).

    Tiers 2-5 are for stages of context ``"char"`` (character maps), whose
    output never depends on the neighbours of a character.
    """
    buf = _complete(buf)  # a character cut off by the last read is not known yet
    low = max(len(buf) - window, 1)
    space = _word_space(buf, low)
    if space >= 0:
        return space, b" "
    if word_only:
        return None
    for tier in (_inside_word, _nothing_attaches, _not_before_a_mark):
        for pos in _boundaries(buf, low):
            if tier(_char_before(buf, pos), _char_at(buf, pos)):
                return pos, b""
    return next(_boundaries(buf, 1), max(len(buf), 1)), b""
