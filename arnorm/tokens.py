"""Tokens with spans in the original text, after any pipeline.

>>> from arnorm.tokens import tokenize
>>> [(t.text, t.kind, t.start, t.end) for t in tokenize("قالَ: ١٢ ok")]
[('قالَ', 'arabic', 0, 4), (':', 'punct', 4, 5), ('١٢', 'number', 6, 8), ('ok', 'latin', 9, 11)]

With a pipeline, tokens are read from the normalized text and their spans
mapped back through the pipeline's alignment, so ``text[t.start:t.end]`` is
the original stretch (diacritics, tatweel and all) a token came from.  With
``clitics=True`` the Arabic proclitics come off as tokens of their own
(:mod:`arnorm.clitics`): ``وبالصلاة`` -> ``و`` ``ب`` ``ال`` ``صلاة``.

Kinds: ``arabic`` (letters of the Arabic script with their marks), ``latin``,
``word`` (letters of any other script), ``number`` (digits and other numerals of any script,
with inner decimal/thousands separators and a trailing percent sign),
``emoji``, ``punct``, ``symbol``.  Spaces and control characters separate
tokens and are not tokens.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import regex

from .clitics import split_points

if TYPE_CHECKING:
    from .stage import Stage

__all__ = ["Token", "TokenKind", "tokenize"]

TokenKind = Literal["arabic", "latin", "word", "number", "emoji", "punct", "symbol"]

_TOKEN = regex.compile(
    r"""
    (?P<number>\p{N}+(?:[.,\u066B\u066C]\p{N}+)*[%\u066A]?)
  | (?P<emoji>(?:\p{Regional_Indicator}{2}
      |\p{Extended_Pictographic}[\uFE0F\p{EMod}]*(?:\u200D\p{Extended_Pictographic}[\uFE0F\p{EMod}]*)*))
  | (?P<arabic>(?:[\p{scx=Arab}&&[\p{L}\p{M}]]|\u200C|\u200D)*[\p{scx=Arab}&&\p{L}][\p{scx=Arab}&&[\p{L}\p{M}]]*
      (?:[\u200C\u200D]+[\p{scx=Arab}&&[\p{L}\p{M}]]+)*)
  | (?P<latin>(?:[\p{Latin}&&\p{L}]\p{M}*)+(?:['\u2019](?:[\p{Latin}&&\p{L}]\p{M}*)+)*)
  | (?P<word>(?:\p{L}\p{M}*)+)
  | (?P<punct>\p{P})
  | (?P<symbol>[\p{S}\p{M}])
    """,
    regex.VERBOSE | regex.V1,
)


@dataclass(frozen=True, slots=True)
class Token:
    """One token.

    Attributes:
        text: the token as it reads in the normalized text (the original text
            when no pipeline is given).
        kind: what it is (see the module docstring).
        start: where it starts in the original text.
        end: where it ends in the original text (exclusive).
        clitic: True for a proclitic split off an Arabic word.
    """

    text: str
    kind: TokenKind
    start: int
    end: int
    clitic: bool = False


def _spans(text: str, clitics: bool) -> Iterator[tuple[int, int, str, bool]]:
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "symbol"
        start, end = match.span()
        if kind == "arabic" and clitics:
            cuts = split_points(match.group())
            bounds = [start, *(start + c for c in cuts), end]
            for i, (a, b) in enumerate(itertools.pairwise(bounds)):
                yield a, b, kind, i < len(cuts)
        else:
            yield start, end, kind, False


def tokenize(text: str, pipeline: Stage | str | None = None, *, clitics: bool = False) -> list[Token]:
    """Split ``text`` into tokens whose spans point into ``text`` itself.

    Args:
        text: the original text.
        pipeline: a pipeline, stage, spec string or preset name to normalize
            with first (``None``: tokenize the text as it is).
        clitics: split the Arabic proclitics off as tokens of their own.

    Raises:
        TypeError: if ``text`` is not a ``str``.
        ArnormError: for an unknown preset or a bad spec.
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize takes str, not {type(text).__name__}")
    if pipeline is None:
        return [Token(text[a:b], k, a, b, c) for a, b, k, c in _spans(text, clitics)]  # type: ignore[arg-type]
    from .presets import as_pipeline

    norm, alignment = as_pipeline(pipeline).normalize_with_offsets(text)
    rows = list(_spans(norm, clitics))
    if not rows:
        return []
    starts, ends = alignment.to_original_many([r[0] for r in rows], [r[1] for r in rows])
    return [
        Token(norm[a:b], k, int(s), int(e), c)  # type: ignore[arg-type]
        for (a, b, k, c), s, e in zip(rows, starts.tolist(), ends.tolist())
    ]
