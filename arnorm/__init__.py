"""arnorm: normalize and transliterate Arabic text.

>>> import arnorm
>>> arnorm.normalize("أخبارٌ ســورية ٢٦ مايو")
'اخبار سوريه 26 مايو'
>>> pipe = arnorm.Pipeline(["diacritics", "alef", "ya"])
>>> pipe("إِلَى")
'الي'

Importing the package is cheap: every public name is loaded from its module
on first use (a module-level ``__getattr__``, PEP 562), so ``import arnorm``
loads neither NumPy nor hijridate nor the dates, transliteration and offsets
machinery until a name that needs them is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time see __getattr__
    from .alignment import Alignment
    from .dates import DateMatch, find_dates, rewrite_dates
    from .errors import (
        AlignmentError,
        ArnormError,
        DataFileError,
        SpanError,
        SpecError,
        StageOptionError,
        TableError,
        UnknownPresetError,
        UnknownSchemeError,
        UnknownStageError,
        UnsupportedStageError,
    )
    from .locate import find, highlight
    from .pipeline import Pipeline
    from .presets import PRESET_DESCRIPTIONS, PRESETS, preset
    from .registry import register, stage_info, stage_names
    from .stage import CharMap, FunctionStage, RegexSub, Stage, UnicodeForm
    from .tokens import Token, tokenize
    from .translit import SCHEMES, name_variants, to_arabic, transliterate, transliterate_name

# Eager, unlike the rest: ``arnorm.stage`` is both this function and a
# submodule, and importing a submodule rebinds the package attribute of that
# name to the module; binding the function after the submodule is loaded is
# the only order that keeps ``arnorm.stage(...)`` callable.  It costs the
# import of .registry, .stage, .errors and ._fastmap (and ``regex``).
from .registry import build as stage

__version__ = "0.1.0"

#: Public name -> (module, attribute in that module).
_LAZY: dict[str, tuple[str, str]] = {
    "DateMatch": (".dates", "DateMatch"),
    "find_dates": (".dates", "find_dates"),
    "rewrite_dates": (".dates", "rewrite_dates"),
    "ArnormError": (".errors", "ArnormError"),
    "SpecError": (".errors", "SpecError"),
    "StageOptionError": (".errors", "StageOptionError"),
    "TableError": (".errors", "TableError"),
    "UnknownPresetError": (".errors", "UnknownPresetError"),
    "UnknownSchemeError": (".errors", "UnknownSchemeError"),
    "UnknownStageError": (".errors", "UnknownStageError"),
    "DataFileError": (".errors", "DataFileError"),
    "UnsupportedStageError": (".errors", "UnsupportedStageError"),
    "Alignment": (".alignment", "Alignment"),
    "AlignmentError": (".errors", "AlignmentError"),
    "SpanError": (".errors", "SpanError"),
    "find": (".locate", "find"),
    "highlight": (".locate", "highlight"),
    "Token": (".tokens", "Token"),
    "tokenize": (".tokens", "tokenize"),
    "Pipeline": (".pipeline", "Pipeline"),
    "PRESET_DESCRIPTIONS": (".presets", "PRESET_DESCRIPTIONS"),
    "PRESETS": (".presets", "PRESETS"),
    "preset": (".presets", "preset"),
    "register": (".registry", "register"),
    "stage_info": (".registry", "stage_info"),
    "stage_names": (".registry", "stage_names"),
    "CharMap": (".stage", "CharMap"),
    "FunctionStage": (".stage", "FunctionStage"),
    "RegexSub": (".stage", "RegexSub"),
    "Stage": (".stage", "Stage"),
    "UnicodeForm": (".stage", "UnicodeForm"),
    "SCHEMES": (".translit", "SCHEMES"),
    "name_variants": (".translit", "name_variants"),
    "to_arabic": (".translit", "to_arabic"),
    "transliterate": (".translit", "transliterate"),
    "transliterate_name": (".translit", "transliterate_name"),
}

__all__ = [
    "PRESETS",
    "PRESET_DESCRIPTIONS",
    "SCHEMES",
    "Alignment",
    "AlignmentError",
    "ArnormError",
    "CharMap",
    "DataFileError",
    "DateMatch",
    "FunctionStage",
    "Pipeline",
    "RegexSub",
    "SpanError",
    "SpecError",
    "Stage",
    "StageOptionError",
    "TableError",
    "Token",
    "UnicodeForm",
    "UnknownPresetError",
    "UnknownSchemeError",
    "UnknownStageError",
    "UnsupportedStageError",
    "find",
    "find_dates",
    "highlight",
    "name_variants",
    "normalize",
    "preset",
    "register",
    "rewrite_dates",
    "stage",
    "stage_info",
    "stage_names",
    "to_arabic",
    "tokenize",
    "transliterate",
    "transliterate_name",
]


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use, then cache it here."""
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'arnorm' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module, __name__), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names, the lazy public ones included."""
    return sorted({*globals(), *__all__})


def normalize(text: str, preset: str = "search") -> str:
    """Normalize ``text`` with the named preset (default ``"search"``)."""
    from .presets import preset as _preset

    return _preset(preset)(text)
