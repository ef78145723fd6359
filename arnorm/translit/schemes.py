"""Lossless, letter-exact transliteration: the Buckwalter family.

Each scheme is one bijective character table in
``arnorm/data/translit_buckwalter.json`` (Arabic character -> symbol); the
reverse direction is its inverse.  Both directions are plain character maps,
run by :class:`arnorm.stage.CharMap`'s fast executor.

========================  ==========================================================
scheme                    table and source
========================  ==========================================================
``buckwalter``            Tim Buckwalter's ASCII scheme (LDC2002L49) as in CAMeL
                          Tools' ``ar2bw`` map: 36 letters, 8 diacritics, tatweel
                          ``_``, dagger alef `````, alef wasla ``{``, P J V G
``safe-buckwalter``       CAMeL ``ar2safebw``: no regex/shell-special symbols
``xml-buckwalter``        CAMeL ``ar2xmlbw``: ``O W I`` for ``> & <``
``hsb``                   Habash-Soudi-Buckwalter (2007) as in CAMeL ``ar2hsb``
                          (alef with hamza below = U+0102 ``Ă``, as CAMeL writes it)
``buckwalter-quranic``    Quranic Arabic Corpus extended Buckwalter: adds maddah
                          ``^``, hamza above ``#`` and the annotation signs
                          ``: @ " [ ; , . ! - + % ]`` (U+06DC-U+06ED)
========================  ==========================================================

What each direction preserves:

* :func:`encode` (Arabic -> symbols) changes only the characters of the
  scheme's Arabic alphabet (:func:`arabic_alphabet`); everything else,
  including Latin letters, digits, Arabic punctuation and Quranic pause marks
  (U+06D6-U+06DB, which the QAC scheme does not cover), is left as it is.
* :func:`decode` (symbols -> Arabic) changes every character of the scheme's
  symbol alphabet (:func:`symbol_alphabet`).  Buckwalter's symbols are ASCII
  letters and punctuation, so *Latin text that was already in the input is
  decoded too*: ``decode(encode("كتاب book"))`` is ``"كتاب بْْك"`` (b -> ب,
  o -> sukun, k -> ك).  Only text whose non-Arabic part avoids the
  symbol alphabet round-trips: ``decode(encode(s)) == s`` holds exactly when
  ``s`` contains no character of :func:`symbol_alphabet` (checked by the test
  suite with hypothesis).  Mixed Arabic/Latin text cannot be decoded
  unambiguously by any Buckwalter variant; keep the Latin parts out (or
  transliterate field by field) if the reverse direction matters.

For ``hsb``, whose symbols are precomposed Unicode letters (``Ā`` ``š`` ...),
:func:`decode` also accepts their canonically decomposed spellings (``A`` +
U+0304 ...), so NFD-normalized HSB decodes the same as NFC.
"""

from __future__ import annotations

import functools
import unicodedata
from types import MappingProxyType

import regex

from ..errors import UnknownSchemeError
from ..stage import CharMap
from ..tables import load_table

__all__ = [
    "LOSSLESS_SCHEMES",
    "arabic_alphabet",
    "decode",
    "decoder",
    "encode",
    "encoder",
    "symbol_alphabet",
]

#: The data file (``arnorm/data/translit_buckwalter.json``) of the tables.
DATA_FILE = "translit_buckwalter"

#: The lossless schemes: name -> one-line description.
LOSSLESS_SCHEMES = MappingProxyType(
    {
        "buckwalter": "Buckwalter ASCII transliteration (lossless, reversible)",
        "safe-buckwalter": "Safe Buckwalter: letters only, no regex/shell-special symbols (lossless)",
        "xml-buckwalter": "XML Buckwalter: no > & < symbols (lossless)",
        "hsb": "Habash-Soudi-Buckwalter, one Unicode letter per Arabic sign (lossless)",
        "buckwalter-quranic": "Quranic Arabic Corpus extended Buckwalter, with Quranic marks (lossless)",
    }
)


def _check(scheme: str) -> str:
    if scheme not in LOSSLESS_SCHEMES:
        raise UnknownSchemeError(scheme, LOSSLESS_SCHEMES)
    return scheme


@functools.cache
def _mapping(scheme: str) -> MappingProxyType[str, str]:
    return MappingProxyType(dict(load_table(DATA_FILE, _check(scheme)).mapping))


@functools.cache
def encoder(scheme: str) -> CharMap:
    """The Arabic -> symbols :class:`~arnorm.stage.CharMap` of ``scheme`` (cached).

    Raises:
        UnknownSchemeError: ``scheme`` is not a lossless scheme.
    """
    return CharMap.from_mapping(f"translit[{scheme}]", _mapping(scheme))


@functools.cache
def decoder(scheme: str) -> CharMap:
    """The symbols -> Arabic :class:`~arnorm.stage.CharMap` of ``scheme`` (cached)."""
    inverse = {symbol: arabic for arabic, symbol in _mapping(scheme).items()}
    return CharMap.from_mapping(f"to_arabic[{scheme}]", inverse)


def arabic_alphabet(scheme: str) -> frozenset[str]:
    """The Arabic characters ``scheme`` covers (the keys of its table)."""
    return frozenset(_mapping(scheme))


def symbol_alphabet(scheme: str) -> frozenset[str]:
    """The symbols ``scheme`` writes (the values of its table)."""
    return frozenset(_mapping(scheme).values())


def encode(text: str, scheme: str = "buckwalter") -> str:
    """Transliterate the Arabic characters of ``text`` with a lossless scheme.

    >>> encode("كِتَابٌ")
    'kitaAbN'
    >>> encode("سلام world", "hsb")
    'slAm world'

    Raises:
        UnknownSchemeError: ``scheme`` is not a lossless scheme.
    """
    return encoder(scheme)(text)


@functools.cache
def _hsb_decomposed() -> tuple[regex.Pattern[str], frozenset[str]]:
    """A pattern matching NFD spellings of precomposed HSB symbols."""
    composed = frozenset(s for s in symbol_alphabet("hsb") if unicodedata.decomposition(s))
    bases = "".join(sorted({unicodedata.normalize("NFD", s)[0] for s in composed}))
    return regex.compile(f"[{regex.escape(bases)}]\\p{{Mn}}+"), composed


def _compose_hsb(text: str) -> str:
    pattern, composed = _hsb_decomposed()

    def fix(match: regex.Match[str]) -> str:
        nfc = unicodedata.normalize("NFC", match.group())
        return nfc if nfc in composed else match.group()

    return pattern.sub(fix, text)


def decode(text: str, scheme: str = "buckwalter") -> str:
    """Turn a lossless transliteration back into Arabic script.

    Every character of the scheme's symbol alphabet is decoded, whatever
    surrounds it (see the module docstring about mixed Latin text).

    >>> decode("kitaAbN")
    'كِتَابٌ'

    Raises:
        UnknownSchemeError: ``scheme`` is not a lossless scheme.
    """
    if scheme == "hsb" and not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = _compose_hsb(text)
    return decoder(scheme)(text)
