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

from ..pipeline import Pipeline
from ..registry import register
from ..stage import CharMap, FunctionStage, Stage, UnicodeForm

COMPOSABLE_BASES = "\u0627\u0648\u064a\u06c1\u06d2\u06d5"
_DECOMPOSED = re.compile(f"[{COMPOSABLE_BASES}][\\u064b-\\u0652]*[\\u0653-\\u0655]")


def compose_arabic(text: str) -> str:
    """NFC-compose Arabic letters with a following combining madda or hamza."""
    if "\u0653" not in text and "\u0654" not in text and "\u0655" not in text:
        return text
    return _DECOMPOSED.sub(lambda m: unicodedata.normalize("NFC", m.group()), text)


@register("compose", family="unicode")
def compose() -> Stage:
    """Compose Arabic letter + combining hamza/madda into the precomposed letter (NFC, Arabic only)."""
    return FunctionStage(name="compose", func=compose_arabic, context="word")


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
