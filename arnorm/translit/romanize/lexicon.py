"""The bridge to the name lexicon: vowels for unvocalized words.

The one coupling with :mod:`arnorm.translit.names` is its ``vocalize(word)
-> str | None`` (the lexicon's vocalized spelling of one word).  If that
package is absent or its data cannot be loaded, unvocalized words are
romanized from their consonants (with a :class:`RuntimeWarning` in the second
case).
"""

from __future__ import annotations

import functools
import unicodedata
import warnings
from collections.abc import Callable

from .chars import fold_letters, skeleton

__all__ = ["lexicon_spelling"]


def _import_vocalize() -> Callable[[str], str | None] | None:
    """:func:`arnorm.translit.names.vocalize` if that package is installed, else ``None``."""
    try:
        from ..names import vocalize
    except ImportError:
        return None
    return vocalize if callable(vocalize) else None


@functools.cache
def _lexicon() -> Callable[[str], str | None] | None:
    """The name lexicon's ``vocalize``, loaded once; ``None`` if absent or unloadable (with a warning)."""
    vocalize = _import_vocalize()
    if vocalize is None:
        return None
    try:
        vocalize("\u0645\u062d\u0645\u062f")  # loads the lexicon once
    except (OSError, ValueError) as exc:
        warnings.warn(
            f"arnorm: the name lexicon could not be loaded ({exc}); unvocalized words are "
            "romanized from their consonants",
            RuntimeWarning,
            stacklevel=2,
        )
        return None
    return vocalize


def lexicon_spelling(letters: str) -> str | None:
    """The lexicon's vocalized spelling of the unvocalized word ``letters``, if its letters match."""
    lookup = _lexicon()
    if lookup is None:
        return None
    spelling = lookup(letters)
    if not spelling:
        return None
    if fold_letters(skeleton(unicodedata.normalize("NFC", spelling))) != fold_letters(letters):
        return None
    return spelling
