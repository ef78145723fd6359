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
lucene        exactly Lucene's ArabicNormalizationFilter
lucene_stem   exactly Lucene's ArabicNormalizationFilter + ArabicStemFilter
============  =================================================================
"""

from __future__ import annotations

import functools
from types import MappingProxyType

from .errors import UnknownPresetError
from .pipeline import Pipeline
from .stage import Stage

__all__ = ["PRESETS", "PRESET_DESCRIPTIONS", "PipelineLike", "as_pipeline", "preset"]

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
        "lucene": "lucene_normalize",
        "lucene_stem": "lucene_normalize,light_stem",
    }
)
"""Preset name -> pipeline spec."""

#: What the functions that take "a pipeline" accept: a pipeline, a stage, a preset name or a spec.
PipelineLike = Pipeline | Stage | str

PRESET_DESCRIPTIONS = MappingProxyType(
    {
        "search": "aggressive folding for indexing and matching",
        "clean": "conservative repair; keeps diacritics and letters",
        "ml": "language-model preprocessing: dediacritize, keep letter variants",
        "social": "tweets and comments: markup, links, e-mails and mentions to tokens, hashtag words, elongation",
        "camel": "reproduces CAMeL Tools' normalize_unicode+dediac_ar+alef/maksura/teh marbuta",
        "lucene": "Lucene's ArabicNormalizationFilter, exactly (checked against Lucene 9.9)",
        "lucene_stem": "Lucene's ArabicNormalizationFilter + ArabicStemFilter, exactly",
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


def as_pipeline(pipe: PipelineLike) -> Pipeline:
    """``pipe`` as a :class:`Pipeline`: a pipeline, a stage, a preset name or a spec string.

    A string that is a preset name (``"search"``) means that preset; any other
    string is read as a spec (``"diacritics,alef,ya"``).

    Raises:
        UnknownStageError, StageOptionError, SpecError: a bad spec string.
        TypeError: anything else.
    """
    if isinstance(pipe, Pipeline):
        return pipe
    if isinstance(pipe, Stage):
        return Pipeline([pipe])
    if isinstance(pipe, str):
        return preset(pipe) if pipe in PRESETS else Pipeline.from_spec(pipe)
    raise TypeError(f"expected a Pipeline, a Stage, a preset name or a spec string, not {type(pipe).__name__}")
