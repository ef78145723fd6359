"""The ``translit`` stage: transliterate or romanize Arabic with a named scheme.

``translit(scheme=buckwalter, ascii=false, marks=apostrophe, capitalize=none,
construct=auto)``; the schemes are :data:`arnorm.translit.SCHEMES`:

* lossless schemes (``buckwalter``, ``safe-buckwalter``, ``xml-buckwalter``,
  ``hsb``, ``buckwalter-quranic``) are a :class:`~arnorm.stage.CharMap`, so a
  pipeline fuses them with neighbouring character maps;
* romanization standards (``ala-lc``, ``din-31635``, ``iso-233``,
  ``ungegn``, ``bgn-pcgn``), ``english`` and ``french`` (the name model) are a
  :class:`~arnorm.stage.FunctionStage`.

``capitalize`` and ``construct`` apply to the romanization standards only; the
other schemes ignore them (so that any combination of options builds, as the
registry's generic tools expect).  :func:`arnorm.translit.transliterate`, the
Python API, rejects them instead.

**Idempotence.**  The stage changes script, so it is idempotent only because
its output contains no character it would change again: every scheme writes
Latin (and ASCII punctuation) for the Arabic it owns and leaves every other
character as it is, so a second run finds nothing to do.  This holds for all
lossless schemes and standards (checked by the tests); for the name schemes it
holds as long as the name model writes no Arabic.  The stage is *not*
reversible: use :func:`arnorm.translit.to_arabic` for that.

It never adds or removes a line break and works line by line (the construct
detection of the standards looks only at the next word on the same line).
"""

from __future__ import annotations

from typing import Literal

from ..registry import register
from ..stage import FunctionStage, Stage

#: Every scheme name (kept equal to ``arnorm.translit.SCHEMES`` by a test).
SchemeName = Literal[
    "buckwalter",
    "safe-buckwalter",
    "xml-buckwalter",
    "hsb",
    "buckwalter-quranic",
    "ala-lc",
    "din-31635",
    "iso-233",
    "ungegn",
    "bgn-pcgn",
    "english",
    "french",
]


@register("translit", family="translit")
def translit(
    scheme: SchemeName = "buckwalter",
    ascii: bool = False,
    marks: Literal["apostrophe", "drop"] = "apostrophe",
    capitalize: Literal["none", "first", "words"] = "none",
    construct: Literal["auto", "never"] = "auto",
) -> Stage:
    """Transliterate Arabic with a scheme (Buckwalter family, ALA-LC, DIN 31635, ISO 233, UN, BGN/PCGN, english, french)."""
    # Imported on use: importing the stages (every command line run) stays cheap.
    from ..translit import LOSSLESS_SCHEMES, NAME_SCHEMES, lossless_encoder, require_name_model, transliterate
    from ..translit.romanize import romanize

    if scheme in LOSSLESS_SCHEMES:
        return lossless_encoder(scheme, ascii=ascii, marks=marks)
    if scheme in NAME_SCHEMES:
        require_name_model()  # fail now, not on the first line
        return FunctionStage(
            name="translit",
            func=transliterate,
            kwargs=(("scheme", scheme), ("ascii", ascii), ("marks", marks)),
        )
    return FunctionStage(
        name="translit",
        func=romanize,
        kwargs=(
            ("standard_name", scheme),
            ("capitalize", capitalize),
            ("construct", construct),
            ("ascii", ascii),
            ("marks", marks),
        ),
    )


#: The schemes :func:`to_arabic_stage` can reverse (kept equal to ``LOSSLESS_SCHEMES`` by a test).
LosslessScheme = Literal["buckwalter", "safe-buckwalter", "xml-buckwalter", "hsb", "buckwalter-quranic"]


@register("to_arabic", family="translit")
def to_arabic_stage(scheme: LosslessScheme = "buckwalter") -> Stage:
    """Decode a lossless transliteration (Buckwalter family) back to Arabic script.

    Every character of the scheme's alphabet is decoded, including Latin text
    that was never Arabic (``"ktAb book"`` -> ``كتاب بْْك``): use it on
    transliterated text only.  It is a character map, idempotent (its output
    holds no symbol of the scheme) and line-local.
    """
    from ..translit.schemes import decoder

    return decoder(scheme)
