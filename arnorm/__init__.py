"""arnorm: normalize and transliterate Arabic text.

>>> import arnorm
>>> arnorm.normalize("أخبارٌ ســورية ٢٦ مايو")
'اخبار سوريه 26 مايو'
>>> pipe = arnorm.Pipeline(["diacritics", "alef", "ya"])
>>> pipe("إِلَى")
'الي'
"""

from __future__ import annotations

from .dates import DateMatch, find_dates, rewrite_dates
from .errors import (
    ArnormError,
    SpecError,
    StageOptionError,
    TableError,
    UnknownPresetError,
    UnknownSchemeError,
    UnknownStageError,
)
from .offsets import Alignment, AlignmentError, SpanError
from .pipeline import Pipeline
from .presets import PRESET_DESCRIPTIONS, PRESETS, preset
from .registry import build as stage
from .registry import register, stage_info, stage_names
from .stage import CharMap, FunctionStage, RegexSub, Stage, UnicodeForm
from .translit import SCHEMES, name_variants, to_arabic, transliterate, transliterate_name

__version__ = "0.1.0"

__all__ = [
    "PRESETS",
    "PRESET_DESCRIPTIONS",
    "SCHEMES",
    "Alignment",
    "AlignmentError",
    "ArnormError",
    "CharMap",
    "DateMatch",
    "FunctionStage",
    "Pipeline",
    "RegexSub",
    "SpanError",
    "SpecError",
    "Stage",
    "StageOptionError",
    "TableError",
    "UnicodeForm",
    "UnknownPresetError",
    "UnknownSchemeError",
    "UnknownStageError",
    "find_dates",
    "name_variants",
    "normalize",
    "preset",
    "register",
    "rewrite_dates",
    "stage",
    "stage_info",
    "stage_names",
    "to_arabic",
    "transliterate",
    "transliterate_name",
]


def normalize(text: str, preset: str = "search") -> str:
    """Normalize ``text`` with the named preset (default ``"search"``)."""
    from .presets import preset as _preset

    return _preset(preset)(text)
