"""Rendering an :class:`~arnorm.explain.Explanation` for people: plain text or rich text.

``arnorm explain`` prints, for every stage that changed the text,
``stage: before -> after`` with the changed spans in ``[brackets]``, then one
line per change naming its code points and its span of the original text.
Invisible characters (controls, format characters, spaces other than
U+0020) are shown as ``<U+XXXX>``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

from .explain import Change, Explanation

__all__ = ["render_lines", "visible"]

_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"})


class _VisibleTable(dict[int, "int | str"]):
    """A ``str.translate`` table filled on demand: a code point maps to itself or to ``<U+XXXX>``."""

    def __missing__(self, cp: int) -> int | str:
        cat = unicodedata.category(chr(cp))
        value: int | str = f"<U+{cp:04X}>" if cat in _INVISIBLE or (cat == "Zs" and cp != 0x20) else cp
        self[cp] = value
        return value


_VISIBLE = _VisibleTable()


def visible(text: str) -> str:
    """``text`` with invisible characters (controls, format characters, odd spaces) as ``<U+XXXX>``.

    Invisible is exactly what :meth:`str.isprintable` rejects (categories C*
    and Z* except U+0020), so text without such characters returns at C speed.
    """
    if text.isprintable():
        return text
    return text.translate(_VISIBLE)


def _marked(text: str, spans: Sequence[tuple[int, int]], style: str | None) -> Any:
    """``text`` with ``spans`` marked: ``[...]`` (plain) or a rich Text with brackets in ``style``."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for start, end in spans:
        pieces.append((text[pos:start], False))
        pieces.append((text[start:end], True))
        pos = end
    pieces.append((text[pos:], False))
    if style is None:
        return "".join(f"[{visible(p)}]" if hit else visible(p) for p, hit in pieces)
    from rich.text import Text

    rich_text = Text()
    for piece, hit in pieces:
        rich_text.append(f"[{visible(piece)}]" if hit else visible(piece), style=style if hit else None)
    return rich_text


def _change_line(change: Change) -> str:
    return f"    {visible(change.describe())}  (original {change.orig_start}-{change.orig_end})"


def render_lines(explanation: Explanation, show_all: bool = False, colour: bool = False) -> Iterator[Any]:
    """The lines of the text form: ``input:``, one block per stage that changed something, ``output:``.

    Args:
        explanation: what to render.
        show_all: also list the stages that changed nothing.
        colour: yield rich ``Text`` objects with the marked spans in colour
            (their ``plain`` text is the plain form).
    """
    yield f"input: {visible(explanation.text)}"
    for step in explanation:
        if not step.changes:
            if show_all:
                yield f"{step.stage}: (no change)"
            continue
        before = _marked(step.before, [(c.start, c.end) for c in step.changes], "bold red" if colour else None)
        after = _marked(step.after, [(c.out_start, c.out_end) for c in step.changes], "bold green" if colour else None)
        if colour:
            from rich.text import Text

            yield Text.assemble((f"{step.stage}: ", "bold"), before, " -> ", after)
        else:
            yield f"{step.stage}: {before} -> {after}"
        for change in step.changes:
            yield _change_line(change)
    changed = explanation.output != explanation.text
    yield f"output: {visible(explanation.output)}" if changed else "output: (unchanged)"
