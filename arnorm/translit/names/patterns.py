"""Pattern-based spellings of Arab names the lexicon lacks.

Arabic names are built on a small set of noun patterns (awzan): ``جابر`` is
faa'il (Jaber), ``جميل`` fa'iil (Jamil), ``هشام`` fi'aal (Hisham), ``محمود``
maf'uul (Mahmoud), ``أحمد`` af'al (Ahmad), ``مروان`` fa'laan (Marwan), and the
nisba ``-ي`` (Masri).  The patterns and their spellings are data
(``arnorm/data/names/patterns.json``): a regular expression whose groups are the
root consonants, and templates that put English vowels between them.  The
statistical model rescores what the patterns propose, so a pattern only helps
where the model's own search missed a plausible spelling.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

import regex

from ...datafile import Described, load_json, validate
from ...errors import DataFileError

__all__ = ["pattern_spellings"]

_SLOT = regex.compile(r"\{(\d)\}")


PATTERNS_FILE = "names/patterns.json"


@dataclass(frozen=True)
class Pattern:
    """One pattern (wazn) of ``patterns.json``: its name, a regular expression, spelling templates."""

    wazn: str
    regex: str
    spell: tuple[str, ...]


@dataclass(frozen=True)
class _Patterns(Described):
    consonants: Mapping[str, str]
    patterns: tuple[Pattern, ...]


@functools.cache
def _patterns() -> tuple[Mapping[str, str], tuple[tuple[regex.Pattern[str], tuple[str, ...]], ...]]:
    data: _Patterns = validate(load_json(PATTERNS_FILE), _Patterns, PATTERNS_FILE)
    compiled = []
    for i, p in enumerate(data.patterns):
        try:
            compiled.append((regex.compile(p.regex), p.spell))
        except regex.error as exc:
            raise DataFileError(f"{PATTERNS_FILE}:patterns[{i}].regex", f"bad regular expression: {exc}") from None
    return data.consonants, tuple(compiled)


def pattern_spellings(word: str) -> list[str]:
    """Spellings (title case) that the name patterns give for a normalized word.

    >>> pattern_spellings("جابر")
    ['Jaber', 'Jabir']
    >>> pattern_spellings("ترامب")
    []
    """
    consonants, patterns = _patterns()
    out: list[str] = []
    for pattern, templates in patterns:
        m = pattern.match(word)
        if m is None:
            continue
        spelled = {str(i): consonants[g] for i, g in enumerate(m.groups(), 1)}
        for t in templates:
            s = _SLOT.sub(lambda mm, spelled=spelled: spelled[mm.group(1)], t)  # type: ignore[misc]
            s = s[:1].upper() + s[1:]
            if s and s not in out:
                out.append(s)
    return out
