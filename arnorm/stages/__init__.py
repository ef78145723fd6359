"""The built-in stages, one module per family.

Importing one of these modules registers its stages with :mod:`arnorm.registry`.
The registry imports them by name, lazily: the module of a stage on its first
lookup (``registry.BUILTIN``), all of them for :func:`arnorm.stage_names`.  This
package imports none of them itself, so that a pipeline loads only what it uses.
"""

#: Every module of this package that registers stages (a new one goes here).
MODULES = (
    "context",
    "dates",
    "diacritics",
    "digits",
    "elongation",
    "invisible",
    "letters",
    "marks",
    "numbers",
    "presentation",
    "punctuation",
    "social",
    "stem",
    "translit",
    "unicode",
    "uthmani",
)
