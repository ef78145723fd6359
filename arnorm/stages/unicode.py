"""Unicode normalization stages: ``nfc``, ``nfkc``, ``compose``, ``camel_unicode``.

* ``nfc`` / ``nfkc``: ``unicodedata.normalize`` over the whole text.  NFKC
  rewrites far more than Arabic (Latin ligatures, full-width and superscript
  forms, U+FDFA into a phrase): prefer ``presentation_forms`` unless that is
  what you want.
* ``compose``: canonical composition for Arabic only: a letter among
  U+0627 ا, U+0648 و, U+064A ي, U+06C1 ہ, U+06D2 ے, U+06D5 ە followed (possibly
  after harakat) by U+0653 maddah, U+0654 hamza above or U+0655 hamza below
  becomes the precomposed letter (ا + U+0654 -> أ), as NFC would do; nothing
  else is touched.  These six are every base letter with a canonical
  decomposition in the Arabic blocks (checked exhaustively by the tests).
* ``camel_unicode``: exactly CAMeL Tools' ``normalize_unicode``: U+FDFC ->
  ريال, U+FDFD -> the basmala, then NFKC of the whole text.
"""

from __future__ import annotations

import re
import unicodedata

from .._fastmap import LARGE_INPUT, _np
from ..pipeline import Pipeline
from ..registry import register
from ..stage import CharMap, FunctionStage, Stage, UnicodeForm

COMPOSABLE_BASES = "\u0627\u0648\u064a\u06c1\u06d2\u06d5"
_DECOMPOSED = re.compile(f"[{COMPOSABLE_BASES}][\\u064b-\\u0652]*[\\u0653-\\u0655]")


_MARKS = "\u0653\u0654\u0655"
_HARAKAT = frozenset(chr(c) for c in range(0x064B, 0x0653))
# Base + mark pairs that NFC composes into one letter (ا + U+0654 -> أ ...).
_PAIRS = {
    base + mark: unicodedata.normalize("NFC", base + mark)
    for base in COMPOSABLE_BASES
    for mark in _MARKS
    if len(unicodedata.normalize("NFC", base + mark)) == 1
}


def compose_arabic(text: str) -> str:
    """NFC-compose Arabic letters with a following combining madda or hamza.

    The marks are rare: each is found with ``str.find`` and, when it follows
    its base directly (the usual case), the pair is replaced in one splice; the
    regular expression runs only when a mark follows a haraka.  Large inputs
    do the same over UTF-16 code units with NumPy.
    """
    if "\u0653" not in text and "\u0654" not in text and "\u0655" not in text:
        return text
    if len(text) >= LARGE_INPUT:
        out = _compose_units(text)
        if out is not None:
            return out
    where: list[int] = []
    for mark in _MARKS:
        i = text.find(mark, 1)
        while i > 0:
            if text[i - 1] in _HARAKAT:
                return _DECOMPOSED.sub(lambda m: unicodedata.normalize("NFC", m.group()), text)
            if text[i - 1 : i + 1] in _PAIRS:
                where.append(i)
            i = text.find(mark, i + 1)
    if not where:
        return text
    pieces = []
    done = 0
    for i in sorted(where):
        pieces.append(text[done : i - 1])
        pieces.append(_PAIRS[text[i - 1 : i + 1]])
        done = i + 1
    pieces.append(text[done:])
    return "".join(pieces)


def _compose_units(text: str) -> str | None:
    """:func:`compose_arabic` vectorised; ``None`` for lone surrogates or a mark after a haraka."""
    try:
        units = _np.frombuffer(text.encode("utf-16-le"), dtype=_np.uint16)
    except UnicodeEncodeError:
        return None
    marks = _np.flatnonzero((units >= 0x0653) & (units <= 0x0655))
    marks = marks[marks > 0]
    before = units[marks - 1]
    if ((before >= 0x064B) & (before <= 0x0652)).any():
        return None
    pairs = (before.astype(_np.uint32) << 16) | units[marks]
    keys = _np.array(sorted((ord(p[0]) << 16) | ord(p[1]) for p in _PAIRS), dtype=_np.uint32)
    values = _np.array([ord(_PAIRS[chr(k >> 16) + chr(k & 0xFFFF)]) for k in keys.tolist()], dtype=_np.uint16)
    found = _np.isin(pairs, keys)
    if not found.any():
        return text
    out = units.copy()
    out[marks[found] - 1] = values[_np.searchsorted(keys, pairs[found])]
    keep = _np.ones(len(units), dtype=bool)
    keep[marks[found]] = False
    return str(memoryview(_np.compress(keep, out)), "utf-16-le")


@register("compose", family="unicode")
def compose() -> Stage:
    """Compose Arabic letter + combining hamza/madda into the precomposed letter (NFC, Arabic only)."""
    return FunctionStage(name="compose", func=compose_arabic, context="word", approximation="NFC")


@register("nfc", family="unicode")
def nfc() -> Stage:
    """Unicode NFC over the whole text."""
    return UnicodeForm(name="nfc", form="NFC")


@register("nfkc", family="unicode")
def nfkc() -> Stage:
    """Unicode NFKC over the whole text (touches non-Arabic text too)."""
    return UnicodeForm(name="nfkc", form="NFKC")


_CAMEL_FIX = {
    "\ufdfc": "\u0631\u064a\u0627\u0644",
    "\ufdfd": "\u0628\u0633\u0645 \u0627\u0644\u0644\u0647 \u0627\u0644\u0631\u062d\u0645\u0646 \u0627\u0644\u0631\u062d\u064a\u0645",
}


@register("camel_unicode", family="unicode")
def camel_unicode() -> Stage:
    """CAMeL Tools normalize_unicode: U+FDFC/U+FDFD expanded, then NFKC of the whole text."""
    return Pipeline(
        [CharMap.from_mapping("camel_unicode_fix", _CAMEL_FIX), UnicodeForm(name="nfkc", form="NFKC")],
        name="camel_unicode",
    )
