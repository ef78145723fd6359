"""Find a normalized query in raw text, and highlight it there.

A search box gets ``الصلاة``; the text is a fully vocalized verse.  Both are
normalized with the same pipeline, the query is found in the normalized text,
and each match is mapped back through the alignment to a span of the raw
text, so the highlight covers the word with all its marks:

>>> from arnorm.locate import find, highlight
>>> find("قال أَحْمَـــدُ", "احمد")
[(4, 15)]
>>> highlight("قال أَحْمَـــدُ", "احمد")
'قال <mark>أَحْمَـــدُ</mark>'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from .stage import Stage

__all__ = ["find", "highlight"]

_WORD_CHAR = regex.compile(r"[\p{L}\p{M}\p{Nd}]")


def _is_word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and _WORD_CHAR.match(text, i) is not None


def _matches(norm: str, query: str, whole_words: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    i = norm.find(query)
    while i >= 0:
        end = i + len(query)
        if not whole_words or not (_is_word_char(norm, i - 1) or _is_word_char(norm, end)):
            spans.append((i, end))
            i = norm.find(query, end)
        else:
            i = norm.find(query, i + 1)
    return spans


def find(
    text: str, query: str, preset: Stage | str = "search", *, whole_words: bool = False
) -> list[tuple[int, int]]:
    """Spans of ``text`` whose normalized form matches the normalized ``query``.

    Args:
        text: the raw text to search.
        query: what the user typed.
        preset: a preset name, spec string, stage or pipeline applied to both.
        whole_words: only matches that start and end at word boundaries.

    Returns:
        Non-overlapping ``(start, end)`` spans of ``text``, left to right.
    """
    from .presets import as_pipeline

    pipe = as_pipeline(preset)
    needle = pipe(query).strip()
    if not needle:
        return []
    norm, alignment = pipe.normalize_with_offsets(text)
    spans = _matches(norm, needle, whole_words)
    if not spans:
        return []
    starts, ends = alignment.to_original_many([s for s, _ in spans], [e for _, e in spans])
    return list(zip(starts.tolist(), ends.tolist()))


def highlight(
    text: str,
    query: str,
    preset: Stage | str = "search",
    *,
    before: str = "<mark>",
    after: str = "</mark>",
    whole_words: bool = False,
) -> str:
    """``text`` with every match of ``query`` (see :func:`find`) wrapped in ``before``/``after``."""
    out: list[str] = []
    last = 0
    for start, end in find(text, query, preset, whole_words=whole_words):
        out += [text[last:start], before, text[start:end], after]
        last = end
    out.append(text[last:])
    return "".join(out)
