"""Transliteration and romanization of Arabic: the public API of the family.

Three kinds of scheme, one entry point, :func:`transliterate`:

* **lossless, letter-exact** (:mod:`arnorm.translit.schemes`):
  ``buckwalter``, ``safe-buckwalter``, ``xml-buckwalter``, ``hsb``,
  ``buckwalter-quranic``.  One symbol per Arabic character; :func:`to_arabic`
  reverses them exactly.
* **romanization standards** for vocalized text
  (:mod:`arnorm.translit.romanize`): ``ala-lc``, ``din-31635``, ``iso-233``
  (ISO 233-2:1993), ``ungegn`` (UN 1972), ``bgn-pcgn``.  Rule-based, lossy.
* ``english`` and ``french``: the personal-name model
  (:mod:`arnorm.translit.names`), the spellings English-language text uses
  (``Mohammed``) or French/Maghrebi text uses (``Abdelkader``); applied to
  each run of Arabic words.

>>> from arnorm.translit import transliterate, to_arabic
>>> transliterate("كِتَابٌ", scheme="buckwalter")
'kitaAbN'
>>> to_arabic("kitaAbN", scheme="buckwalter")
'كِتَابٌ'
>>> transliterate("الشَّمْسُ", scheme="din-31635")
'aš-šams'
>>> transliterate("الشَّمْسُ", scheme="din-31635", ascii=True)
'as-sams'

In every scheme, characters that are not Arabic pass through unchanged, and
``ascii=True`` folds only the transliterated parts to ASCII (with
``unidecode``; ʿayn and hamza signs become ``'`` or, with ``marks="drop"``,
nothing).  For what survives a round trip through the lossless schemes, see
:mod:`arnorm.translit.schemes`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import regex

from ..errors import ArnormError, IrreversibleSchemeError, UnknownSchemeError
from ..stage import CharMap
from . import romanize as _romanize
from . import schemes as _schemes
from .romanize import Capitalize, Construct, Endings, Marks, fold_ascii

__all__ = [
    "LOSSLESS_SCHEMES",
    "NAME_SCHEMES",
    "ROMANIZATION_STANDARDS",
    "SCHEMES",
    "IrreversibleSchemeError",
    "fold_ascii",
    "lossless_encoder",
    "name_variants",
    "require_name_model",
    "to_arabic",
    "transliterate",
    "transliterate_name",
]


#: Lossless schemes (reversible with :func:`to_arabic`): name -> description.
LOSSLESS_SCHEMES = _schemes.LOSSLESS_SCHEMES
#: Romanization standards: name -> description.
ROMANIZATION_STANDARDS: Mapping[str, str] = MappingProxyType(
    {name: std.description for name, std in _romanize.STANDARDS.items()}
)
#: Schemes of the personal-name model: name -> description.
NAME_SCHEMES: Mapping[str, str] = MappingProxyType(
    {
        "english": "popular English spelling of personal names (the name model; e.g. Mohammed)",
        "french": "popular French/Maghrebi spelling of personal names (the name model; e.g. Abdelkader)",
    }
)
#: Every scheme :func:`transliterate` takes: name -> one-line description.
SCHEMES: Mapping[str, str] = MappingProxyType({**LOSSLESS_SCHEMES, **ROMANIZATION_STANDARDS, **NAME_SCHEMES})




@functools.cache
def lossless_encoder(scheme: str, *, ascii: bool = False, marks: Marks = "apostrophe") -> CharMap:
    """The Arabic -> symbols :class:`~arnorm.stage.CharMap` of a lossless scheme (cached).

    With ``ascii=True`` its symbols are folded to ASCII (:func:`fold_ascii`),
    which makes it lossy.

    Raises:
        UnknownSchemeError: ``scheme`` is not a lossless scheme.
    """
    encoder = _schemes.encoder(scheme)
    if not ascii:
        return encoder
    folded = {k: fold_ascii(v, marks) for k, v in encoder.mapping.items()}
    return CharMap.from_mapping(f"translit[{scheme},ascii]", folded)


# -- the name model (another module; imported lazily) ------------------------
def _names_function(attribute: str) -> Callable[..., Any]:
    try:
        from . import names
    except ImportError as exc:
        raise ArnormError(
            f"the name model (arnorm.translit.names) is not available: {exc}"
        ) from exc
    function: Callable[..., Any] | None = getattr(names, attribute, None)
    if not callable(function):
        raise ArnormError(f"the name model (arnorm.translit.names) has no {attribute}() yet")
    return function


def require_name_model() -> None:
    """Check that the name model (``english``, ``french``) is installed; raise :class:`ArnormError` if not."""
    _names_function("transliterate_name")


def transliterate_name(
    name: str, scheme: str = "english", *, style: str = "news", region: str | None = None
) -> str:
    """Transliterate a personal name with the name model (:mod:`arnorm.translit.names`).

    ``style`` (``news``, ``scholarly``) and ``region`` (``gulf``, ``levant``,
    ``egypt``, ``iraq``, ``maghreb``) choose the spelling conventions.
    """
    return str(_names_function("transliterate_name")(name, scheme=scheme, style=style, region=region))


def name_variants(
    name: str, k: int = 10, scheme: str = "english", *, style: str = "news", region: str | None = None
) -> list[str]:
    """The ``k`` most likely Latin spellings of a name (:mod:`arnorm.translit.names`)."""
    found = _names_function("name_variants")(name, k=k, scheme=scheme, style=style, region=region)
    return [str(v) for v in found]


_ARABIC_WORD = r"[\u0621-\u063a\u0640-\u065f\u066e-\u06d3\u06d5-\u06ed\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff]+"
#: A run of Arabic words separated by horizontal white space only.
_ARABIC_RUN = regex.compile(f"{_ARABIC_WORD}(?:[ \\t\\u00a0]+{_ARABIC_WORD})*")


def _names(text: str, scheme: str, *, ascii: bool, marks: Marks) -> str:
    """Each run of Arabic words of ``text`` spelled by the name model under ``scheme``."""
    if not _ARABIC_RUN.search(text):
        return text
    convert = _names_function("transliterate_name")

    def one(match: regex.Match[str]) -> str:
        out = str(convert(match.group(), scheme=scheme))
        return fold_ascii(out, marks) if ascii else out

    return "".join(_ARABIC_RUN.sub(one, line) for line in text.splitlines(keepends=True))


# -- the entry points ----------------------------------------------------------
def transliterate(
    text: str,
    scheme: str = "english",
    *,
    ascii: bool = False,
    marks: Marks = "apostrophe",
    capitalize: Capitalize | None = None,
    construct: Construct | None = None,
    endings: Endings | None = None,
    vocalize: bool = True,
) -> str:
    """Transliterate the Arabic in ``text`` with ``scheme`` (see :data:`SCHEMES`).

    Non-Arabic characters are left unchanged.  Text is processed line by line.

    Args:
        text: any text.
        scheme: a name from :data:`SCHEMES`.
        ascii: fold the transliterated parts to ASCII (:func:`fold_ascii`).
        marks: with ``ascii``, ``"apostrophe"`` or ``"drop"`` for ʿayn/hamza.
        capitalize, construct, endings, vocalize: options of the romanization
            standards (see :func:`arnorm.translit.romanize.romanize`); giving
            one of the first three for another scheme is an error.

    Raises:
        UnknownSchemeError: ``scheme`` is not in :data:`SCHEMES`.
        ArnormError: a romanization option given for another scheme, or
            ``english``/``french`` without the name model installed.
    """
    if not isinstance(text, str):
        raise TypeError(f"transliterate takes str, not {type(text).__name__}")
    if scheme not in SCHEMES:
        raise UnknownSchemeError(scheme, SCHEMES)
    if scheme not in ROMANIZATION_STANDARDS:
        given = [n for n, v in (("capitalize", capitalize), ("construct", construct), ("endings", endings)) if v]
        if given:
            raise ArnormError(
                f"option {given[0]!r} applies to the romanization standards only "
                f"({', '.join(ROMANIZATION_STANDARDS)}), not to {scheme!r}"
            )
    if scheme in LOSSLESS_SCHEMES:
        return lossless_encoder(scheme, ascii=ascii, marks=marks)(text)
    if scheme in NAME_SCHEMES:
        return _names(text, scheme, ascii=ascii, marks=marks)
    return _romanize.romanize(
        text,
        scheme,
        capitalize=capitalize or "none",
        construct=construct or "auto",
        endings=endings or "pausal",
        vocalize=vocalize,
        ascii=ascii,
        marks=marks,
    )


def to_arabic(text: str, scheme: str = "buckwalter") -> str:
    """Turn text in a lossless scheme back into Arabic script.

    Every symbol of the scheme is decoded, including Latin letters that were
    never Arabic (see :mod:`arnorm.translit.schemes`).

    Raises:
        IrreversibleSchemeError: ``scheme`` is a romanization standard or a name scheme.
        UnknownSchemeError: ``scheme`` is not a scheme at all.
    """
    if not isinstance(text, str):
        raise TypeError(f"to_arabic takes str, not {type(text).__name__}")
    if scheme in LOSSLESS_SCHEMES:
        return _schemes.decode(text, scheme)
    if scheme in SCHEMES:
        raise IrreversibleSchemeError(scheme, LOSSLESS_SCHEMES)
    raise UnknownSchemeError(scheme, LOSSLESS_SCHEMES)
