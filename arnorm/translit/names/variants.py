"""Ranked spellings of a whole name, from the ranked spellings of its units.

A name's candidates are the combinations of its units' spellings (see
:mod:`.grammar`), scored by the sum of the units' relative scores and kept
best first: a small beam over the units, so the cost grows linearly with the
length of the name.
"""

from __future__ import annotations

import functools

from .conventions import Convention, convention
from .grammar import (
    LEX_GAP,
    RANK_STEP,
    Scored,
    Unit,
    check_scheme,
    lexicon_spellings,
    merge,
    parse,
    spell_unit,
)
from .lexicon import lookup_loose
from .normalize import arabic_key

__all__ = ["ranked_spellings"]


def _combine(units: list[Unit], conv: Convention, k: int, places: bool) -> list[Scored]:
    partial = [Scored("", 0.0)]
    for i, unit in enumerate(units):
        spelled = spell_unit(unit, conv, k, first=i == 0, places=places)
        grown = [
            Scored(p.text + (" " if p.text and not unit.glued else "") + s.text, p.score + s.score)
            for p in partial
            for s in spelled
        ]
        grown.sort(key=lambda c: -c.score)
        seen: set[str] = set()
        partial = []
        for c in grown:
            key = c.text.casefold()
            if key not in seen:
                seen.add(key)
                partial.append(c)
            if len(partial) >= k:
                break
    return [c for c in partial if c.text]


def ranked_spellings(
    name: str, scheme: str = "english", k: int = 10, style: str = "news", region: str | None = None
) -> list[Scored]:
    """The ``k`` best spellings of ``name`` (see :func:`_ranked`), cached: names recur in running text."""
    return list(_ranked(name, scheme, k, style, region))


@functools.lru_cache(maxsize=16384)
def _ranked(name: str, scheme: str, k: int, style: str, region: str | None) -> tuple[Scored, ...]:
    """The ``k`` best spellings of ``name`` in ``scheme``, best first, with their scores.

    ``style`` and ``region`` choose the conventions (:mod:`.conventions`).

    A one-word name may also be read as a place name from the lexicon, and a
    name of several words that the lexicon lists as a place (``الإمارات العربية
    المتحدة``) is spelled as it lists it; inside a longer personal name only
    personal-name entries are used.
    """
    check_scheme(scheme)
    conv = convention(scheme, style, region)
    units = parse(name)
    if not units:
        return ()
    found = _combine(units, conv, k, places=len(units) == 1)
    key = arabic_key(name)
    entry = lookup_loose(key) if " " in key and all(u.kind != "literal" for u in units) else None
    if entry is not None and scheme == "english" and entry.sources == ("algeria",) and region != "maghreb":
        entry = None  # Algerian communes named after people (Mohamed Boudiaf) have French spellings only
    if entry is not None:
        whole = [Scored(s, -RANK_STEP * r) for r, s in enumerate(lexicon_spellings(entry, conv))]
        found = merge(whole + [Scored(c.text, c.score - LEX_GAP) for c in found], k)
    return tuple(found)
