"""Search-engine stages: ``lucene_normalize`` and ``light_stem``.

* ``lucene_normalize`` is Lucene's ``ArabicNormalizer`` (the
  ``ArabicNormalizationFilter``) as a character map (table ``lucene_arabic``
  of ``arnorm/data/search.json``): أ إ آ -> ا, ى -> ي, ة -> ه, and deletes
  tatweel U+0640 and U+064B-U+0652.  It fuses with the other maps.
* ``light_stem(algorithm=lucene)`` is Lucene's ``ArabicStemmer``;
  ``light_stem(algorithm=light10)`` is Larkey, Ballesteros and Connell's
  Light-10.  Their affix lists live in ``arnorm/data/stemming.json`` with
  their sources.  Both work word by word (a word is a maximal run of letters,
  marks and decimal digits), so they apply to running text as well as to
  single tokens, and every removal is a regular-expression substitution:
  offsets back to the original stay exact.

Run the stemmer after a normalizer (the ``lucene_stem`` preset is
``lucene_normalize,light_stem``): the affix lists are written in normalized
letters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..datafile import load_records
from ..pipeline import Pipeline
from ..registry import register
from ..stage import RegexSub, Stage
from ._common import table_map

__all__ = ["StemAlgorithm", "light_stem", "lucene_normalize"]

#: One character of a word: letters (tatweel included), marks, decimal digits.
WORD_CHAR = r"[\p{L}\p{M}\p{Nd}]"

StemAlgorithm = Literal["lucene", "light10"]


@dataclass(frozen=True)
class AffixStep:
    """Affixes tried at one step; one is removed if ``min_rest`` characters of the word remain."""

    affixes: tuple[str, ...]
    min_rest: int


@dataclass(frozen=True)
class Algorithm:
    """A light stemmer as data (a record of ``stemming.json``)."""

    name: str
    source: str
    prefix_mode: Literal["first", "sequence"]
    prefixes: tuple[AffixStep, ...]
    suffixes: tuple[AffixStep, ...]


def _algorithm(name: str) -> Algorithm:
    for record in load_records("stemming.json", Algorithm, key="algorithms"):
        if record.name == name:
            return record
    raise LookupError(name)  # unreachable: the factory's Literal admits only listed names


def _alternatives(step: AffixStep) -> str:
    # Longest first, so that a shorter affix never hides a longer one of the same step.
    return "|".join(sorted(step.affixes, key=len, reverse=True))


def _prefix_pattern(steps: tuple[AffixStep, ...]) -> str:
    branches = [f"(?:{_alternatives(s)})(?={WORD_CHAR}{{{s.min_rest}}})" for s in steps]
    return f"(?<!{WORD_CHAR})(?:{'|'.join(branches)})"


def _suffix_pattern(step: AffixStep) -> str:
    return f"(?<={WORD_CHAR}{{{step.min_rest}}})(?:{_alternatives(step)})(?!{WORD_CHAR})"


def _deletion(name: str, pattern: str, step: AffixStep | None = None) -> RegexSub:
    guard = tuple(step.affixes) if step is not None else ()
    return RegexSub(name=name, pattern=pattern, repl="", engine="regex", guard=guard)


@register("lucene_normalize", family="search")
def lucene_normalize() -> Stage:
    """Lucene's ArabicNormalizer: أ إ آ -> ا, ى -> ي, ة -> ه; delete tatweel and harakat."""
    return table_map("search", ["lucene_arabic"], "lucene_normalize")


@register("light_stem", family="search")
def light_stem(algorithm: StemAlgorithm = "lucene") -> Stage:
    """Light stemming word by word: Lucene's ArabicStemmer, or Light-10 (algorithm=light10)."""
    spec = _algorithm(algorithm)
    if spec.prefix_mode == "first":
        prefixes = [_deletion("light_stem_prefix", _prefix_pattern(spec.prefixes))]
    else:
        prefixes = [_deletion("light_stem_prefix", _prefix_pattern((s,)), s) for s in spec.prefixes]
    suffixes = [_deletion("light_stem_suffix", _suffix_pattern(s), s) for s in spec.suffixes]
    params = () if algorithm == "lucene" else (("algorithm", algorithm),)
    return Pipeline([*prefixes, *suffixes], name="light_stem", params=params)
