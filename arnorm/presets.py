"""Presets: named pipelines for common jobs.

============  =================================================================
preset        what it is for
============  =================================================================
search        indexing and matching: folds every variant a user may type,
              Quranic (Uthmani) spelling to standard, hamza seats to ء
clean         conservative repair: presentation forms, invisible controls,
              elongating tatweel, spaces; keeps diacritics and letters as
              written, dashes of tatweel and هـ
ml            language-model preprocessing (as AraBERT v2 / CAMeLBERT do):
              Uthmani to standard spelling, dediacritize, drop tatweel and
              controls, keep letter variants
social        tweets and comments: HTML decoded and stripped, URLs, e-mails
              and @mentions to [url] [email] [user], hashtags to their words,
              emoji kept, Uthmani quotations in standard spelling, dediacritized,
              tatweel and repeated letters shortened
camel         exactly CAMeL Tools' normalize_unicode + dediac_ar +
              normalize_alef_ar + normalize_alef_maksura_ar +
              normalize_teh_marbuta_ar
============  =================================================================
"""

from __future__ import annotations

import functools
from types import MappingProxyType

from .errors import UnknownPresetError
from .pipeline import Pipeline

__all__ = ["PRESETS", "PRESET_DESCRIPTIONS", "preset"]

PRESETS = MappingProxyType(
    {
        "search": "uthmani,lone_marks,invisible,presentation_forms,diacritics,tatweel,farsi,alef,hamza(to=hamza),ya,"
        "teh_marbuta,digits,punctuation,spaces",
        "clean": "invisible,presentation_forms,tatweel(where=inside),marks,whitespace",
        "ml": "uthmani,invisible,presentation_forms,compose,farsi(lines=arabic),diacritics,tatweel,alef(which=wasla),whitespace",
        "social": "html,invisible,presentation_forms,uthmani,diacritics,tatweel,urls,mentions,hashtags,emails,"
        "elongation,whitespace",
        "camel": "camel_unicode,diacritics(drop=tanwin+harakat+shadda+sukun+dagger_alef),"
        "alef(extended=false),ya,teh_marbuta",
    }
)
"""Preset name -> pipeline spec."""

PRESET_DESCRIPTIONS = MappingProxyType(
    {
        "search": "aggressive folding for indexing and matching",
        "clean": "conservative repair; keeps diacritics and letters",
        "ml": "language-model preprocessing: dediacritize, keep letter variants",
        "social": "tweets and comments: markup, links, e-mails and mentions to tokens, hashtag words, elongation",
        "camel": "reproduces CAMeL Tools' normalize_unicode+dediac_ar+alef/maksura/teh marbuta",
    }
)


@functools.cache
def preset(name: str) -> Pipeline:
    """The preset pipeline ``name``; raises :class:`UnknownPresetError`."""
    try:
        spec = PRESETS[name]
    except KeyError:
        raise UnknownPresetError(name, PRESETS) from None
    return Pipeline.from_spec(spec)
