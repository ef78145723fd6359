"""The built-in stages, one module per family.

Importing this package registers every built-in stage with
:mod:`arnorm.registry`; the registry does so lazily on first lookup.
"""

from . import (  # noqa: F401
    context,
    dates,
    diacritics,
    digits,
    elongation,
    invisible,
    letters,
    marks,
    numbers,
    presentation,
    punctuation,
    social,
    stem,
    translit,
    unicode,
    uthmani,
)
