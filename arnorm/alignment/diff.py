"""The diff fallback: the alignment of two texts found by comparing them.

Stages without exact edits (function stages, Unicode forms, dates,
transliteration, third-party stages) run once on the whole text; then the
lines that changed are compared, word by word and then character by
character, with RapidFuzz's bit-parallel LCS (``Indel.opcodes``), which is
exact (a longest common subsequence) and linear in practice where
:class:`difflib.SequenceMatcher` is quadratic.

* Lines are matched by their line-break characters, which the stage contract
  says a stage keeps; for a stage that breaks the contract the whole texts
  are compared instead.  Unchanged lines cost one string comparison.
* A line with as many words before and after aligns word for word, so a
  romanized word maps back to its Arabic word; otherwise the words
  themselves are diffed.
* A stretch that is mostly rewritten (a date turned into ISO form) is one
  edit: the characters a diff would keep there are coincidences.
"""

from __future__ import annotations

import itertools
import re

from ..chars import LINE_BREAKS
from ..stage import _check_text

__all__ = ["diff_rows"]

_BREAK_RE = re.compile(f"[{LINE_BREAKS}]")
# Words with the spaces after them (and spaces at the start), for the word-level pass.
_TOKEN_RE = re.compile(r"\S+\s*|\s+")
# A character diff is kept only if the characters it keeps make at least this share
# of the shorter side; otherwise the stretch is one edit.
_CHAR_DIFF_KEPT = 0.75
# A changed block whose two sides multiply to more than this is one edit: the LCS costs
# about (product / 64) word operations, which bounds the time per block.
_DIFF_MAX = 1 << 30

_Rows = list[tuple[int, int, int, int]]


def diff_rows(a: str, b: str) -> _Rows:
    """The edits of ``a`` to ``b`` as ``(orig_start, orig_end, out_start, out_end)`` rows,
    from a line-by-line diff (see the module documentation); :meth:`Alignment.from_diff`
    makes them an alignment.

    Raises:
        TypeError: ``a`` or ``b`` is not a ``str``.
    """
    _check_text(a)
    _check_text(b)
    rows: _Rows = []
    if a == b:
        return rows
    if _only_newlines(a) and _only_newlines(b):
        a_lines, b_lines = a.split("\n"), b.split("\n")
    else:
        a_lines, b_lines = _BREAK_RE.split(a), _BREAK_RE.split(b)
        if _BREAK_RE.findall(a) != _BREAK_RE.findall(b):
            a_lines = b_lines = []
    if a_lines and len(a_lines) == len(b_lines):
        a_pos = b_pos = 0
        for a_line, b_line in zip(a_lines, b_lines):
            if a_line != b_line:
                _line_rows(a_line, b_line, a_pos, b_pos, rows)
            a_pos += len(a_line) + 1  # the break character itself
            b_pos += len(b_line) + 1
    else:  # the stage broke the contract: compare the whole texts
        _line_rows(a, b, 0, 0, rows)
    return rows


def _only_newlines(text: str) -> bool:
    """True if ``"\\n"`` is the only line-break character in ``text`` (fast ``in`` scans)."""
    return not any(c in text for c in LINE_BREAKS[1:])


def _trim(a: str, b: str) -> tuple[int, int]:
    """Lengths of the common prefix of ``a`` and ``b`` and of the common suffix of the rest."""
    from rapidfuzz.distance import Postfix, Prefix  # imported on first use: most callers never diff

    p = int(Prefix.similarity(a, b))
    return p, int(Postfix.similarity(a[p:], b[p:]))


def _line_rows(a: str, b: str, a_off: int, b_off: int, rows: _Rows) -> None:
    """Append the edits turning line ``a`` into line ``b`` (at ``a_off``, ``b_off``) to ``rows``.

    A token is a word with the spaces after it.  Lines with as many tokens on
    both sides pair them in order; others are matched by an LCS over the
    tokens.  Tokens that differ are compared character by character, pairwise
    when a changed block has as many tokens on both sides.
    """
    p, s = _trim(a, b)
    a_mid, b_mid = a[p:len(a) - s], b[p:len(b) - s]
    a_off += p
    b_off += p
    a_tokens, b_tokens = _TOKEN_RE.findall(a_mid), _TOKEN_RE.findall(b_mid)
    if len(a_tokens) < 2 or len(b_tokens) < 2:
        _char_rows(a_mid, b_mid, a_off, b_off, rows)
        return
    a_at = [0, *itertools.accumulate(map(len, a_tokens))]
    b_at = [0, *itertools.accumulate(map(len, b_tokens))]
    if len(a_tokens) == len(b_tokens):  # as many words: pair them in order
        blocks = [(0, len(a_tokens), 0, len(b_tokens))]
    elif len(a_tokens) * len(b_tokens) > _DIFF_MAX:
        rows.append((a_off, a_off + len(a_mid), b_off, b_off + len(b_mid)))
        return
    else:
        blocks = _changed_blocks(a_tokens, b_tokens)
    for i1, i2, j1, j2 in blocks:
        if i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2)):
                if a_tokens[i] != b_tokens[j]:
                    _char_rows(a_tokens[i], b_tokens[j], a_off + a_at[i], b_off + b_at[j], rows)
        else:
            _char_rows(a_mid[a_at[i1]:a_at[i2]], b_mid[b_at[j1]:b_at[j2]], a_off + a_at[i1], b_off + b_at[j1], rows)


def _changed_blocks(a: list[str] | str, b: list[str] | str) -> list[tuple[int, int, int, int]]:
    """The blocks an LCS of ``a`` and ``b`` leaves out, adjacent deletions and insertions joined."""
    from rapidfuzz.distance import Indel

    out: list[tuple[int, int, int, int]] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            continue
        if out and out[-1][1] == op.src_start and out[-1][3] == op.dest_start:
            out[-1] = (out[-1][0], op.src_end, out[-1][2], op.dest_end)
        else:
            out.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    return out


def _char_rows(a: str, b: str, a_off: int, b_off: int, rows: _Rows) -> None:
    """Append the edits of a character diff of ``a`` and ``b`` to ``rows``."""
    p, s = _trim(a, b)
    a_mid, b_mid = a[p:len(a) - s], b[p:len(b) - s]
    a_off += p
    b_off += p
    if min(len(a_mid), len(b_mid)) <= 1 or max(len(a_mid), len(b_mid)) <= 3 or (
        len(a_mid) * len(b_mid) > _DIFF_MAX
    ):  # nothing finer to find (a swap of two marks is one edit), or too long to diff
        if a_mid or b_mid:
            rows.append((a_off, a_off + len(a_mid), b_off, b_off + len(b_mid)))
        return
    blocks = _changed_blocks(a_mid, b_mid)
    kept = len(a_mid) - sum(i2 - i1 for i1, i2, _, _ in blocks)
    if kept < _CHAR_DIFF_KEPT * min(len(a_mid), len(b_mid)):
        # Mostly rewritten (a date "3/5/2020" -> "2020-05-03"): one edit.
        rows.append((a_off, a_off + len(a_mid), b_off, b_off + len(b_mid)))
        return
    rows.extend((a_off + i1, a_off + i2, b_off + j1, b_off + j2) for i1, i2, j1, j2 in blocks)
