"""Presentation forms: ``presentation_forms`` and ``ligatures``.

``presentation_forms`` applies NFKC, but only to Arabic Presentation Forms-A
(U+FB50-U+FDFF) and -B (U+FE70-U+FEFE): contextual letter forms become the
letter (U+FE8D ﺍ -> ا), ligatures become their letters (U+FEFB ﻻ -> لا).  The
table is generated from Unicode data by ``scripts/gen_unicode_tables.py``
(``arnorm/data/presentation.json``).  Text outside those blocks is untouched,
unlike a whole-text NFKC, which also rewrites Latin ligatures, full-width
forms, superscripts and more.

Word ligatures U+FDF0-U+FDFD expand to whole words or phrases (U+FDF2 ﷲ ->
الله, U+FDFA ﷺ -> صلى الله عليه وسلم, U+FDFD ﷽ -> the basmala, which NFKC
leaves alone but CAMeL Tools expands); ``phrases=false`` keeps them.  The
isolated harakat forms U+FE70-U+FE7F decompose, as NFKC says, to a space
followed by the mark (U+FE70 -> " ً").

``ligatures`` does the same for ligatures only (code points whose expansion
is two characters or more, e.g. the lam-alef ligatures U+FEF5-U+FEFC), and
leaves single contextual forms alone.
"""

from __future__ import annotations

from ..registry import register
from ..stage import CharMap, Stage
from ..tables import load_table


def _forms(phrases: bool, ligatures_only: bool) -> dict[str, str]:
    out = dict(load_table("presentation", "presentation_forms").mapping)
    if phrases:
        out.update(load_table("presentation", "word_ligatures").mapping)
    if ligatures_only:
        out = {k: v for k, v in out.items() if len(v.replace(" ", "")) >= 2}
    return out


@register("presentation_forms", family="presentation")
def presentation_forms(phrases: bool = True) -> Stage:
    """Arabic presentation forms (U+FB50-FDFF, U+FE70-FEFE) to base letters (NFKC, these blocks only)."""
    return CharMap.from_mapping("presentation_forms", _forms(phrases, ligatures_only=False))


@register("ligatures", family="presentation")
def ligatures(phrases: bool = True) -> Stage:
    """Expand ligature code points (ﻻ -> لا; ﷲ -> الله unless phrases=false)."""
    return CharMap.from_mapping("ligatures", _forms(phrases, ligatures_only=True))
