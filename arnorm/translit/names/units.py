"""Parsing a name into units: particles, compounds and words.

A name is split into *units* (see :class:`Unit`): ``عبد`` + a name
(``عبد الله``, joined ``عبدالرحمن``, ``عبدربه``), a name + ``الدين``, the
particles (أبو, بن, ابن, بنت, آل, أم), Turkish ``-أوغلو`` and Persian
``-زاده`` compounds (``داود أوغلو``: Davudoglu-like, joined as Turkish and
Persian write them), place prefixes written joined (``كفرنبودة``), digits, and
plain words.  :mod:`.grammar` spells each unit.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .lexicon import lookup_loose
from .normalize import name_pieces

__all__ = ["ABD", "ALLAH", "ARTICLE", "DIN", "PARTICLES", "SUFFIX_WORDS", "Unit", "parse"]

ABD = "\u0639\u0628\u062f"  # عبد
ALLAH = "\u0627\u0644\u0644\u0647"  # الله
DIN = "\u0627\u0644\u062f\u064a\u0646"  # الدين
ARTICLE = "\u0627\u0644"  # ال
PARTICLES = {
    "\u0623\u0628\u0648": "abu", "\u0627\u0628\u0648": "abu",  # أبو ابو
    "\u0623\u0628\u064a": "abu", "\u0627\u0628\u064a": "abu",  # أبي ابي
    "\u0623\u0628\u0627": "abu", "\u0627\u0628\u0627": "abu",  # أبا ابا
    "\u0628\u0646": "bin", "\u0627\u0628\u0646": "ibn", "\u0625\u0628\u0646": "ibn",  # بن ابن إبن
    "\u0628\u0646\u062a": "bint",  # بنت
    "\u0622\u0644": "al_clan",  # آل
    "\u0623\u0645": "umm", "\u0627\u0645": "umm",  # أم ام
}

#: Second elements written joined to the name before them in the bearer's language (unit kind by word):
#: Turkish -oğlu "son of" (Davutoğlu, Çavuşoğlu, İhsanoğlu), Persian -zâde "born of" (Rezazadeh, Hassanzadeh).
SUFFIX_WORDS = {
    "\u0623\u0648\u063a\u0644\u0648": "oglu", "\u0627\u0648\u063a\u0644\u0648": "oglu",  # أوغلو اوغلو
    "\u0632\u0627\u062f\u0647": "zadeh", "\u0632\u0627\u062f\u0629": "zadeh",  # زاده زادة
}


@dataclass(frozen=True)
class Unit:
    """A piece of a name: a ``kind`` (word, abd, din, a particle, literal) and its Arabic words.

    ``glued`` marks a literal (digits) written without a space after the previous unit.
    """

    kind: str
    words: tuple[str, ...]
    glued: bool = False  # written without a space after the previous unit (digits: محمد٢)


_HAS_ARABIC = regex.compile(r"\p{scx=Arab}")


def parse(name: str) -> list[Unit]:
    """Split a name into units (see the module docstring).

    >>> [u.kind for u in parse("أبو محمد الجولاني")]
    ['abu', 'word', 'word']
    >>> parse("عبد الرحمن")
    [Unit(kind='abd', words=('الرحمن',))]
    """
    tokens: list[tuple[str, bool, bool]] = []  # (text, is_arabic, glued to the previous token)
    for raw in name.split():
        if _HAS_ARABIC.search(raw):
            pieces = [p for w, arabic in name_pieces(raw) for p in (_split_prefix(w) if arabic else [(w, False)])]
            tokens.extend((w, arabic, j > 0 and not (arabic and pieces[j - 1][1])) for j, (w, arabic) in enumerate(pieces))
        else:
            tokens.append((raw, False, False))
    units: list[Unit] = []
    i = 0
    while i < len(tokens):
        word, arabic, glued = tokens[i]
        nxt = tokens[i + 1][:2] if i + 1 < len(tokens) else None
        if not arabic:
            units.append(Unit("literal", (word,), glued))
        elif word == ABD and nxt is not None and nxt[1]:
            units.append(Unit("abd", (nxt[0],)))
            i += 1
        elif (word.startswith(ABD + ARTICLE) and len(word) > 5) or _joined_abd(word):
            units.append(Unit("abd", (word[3:],)))
        elif nxt is not None and nxt[1] and nxt[0] in SUFFIX_WORDS and word not in PARTICLES:
            units.append(Unit(SUFFIX_WORDS[nxt[0]], (word,)))
            i += 1
        elif _joined_suffix(word) is not None:
            kind, stem = _joined_suffix(word)  # type: ignore[misc]
            units.append(Unit(kind, (stem,)))
        elif nxt is not None and nxt[0] == DIN and word not in PARTICLES:
            units.append(Unit("din", (word,)))
            i += 1
        elif word.endswith(DIN) and len(word) > 6:
            units.append(Unit("din", (word[:-5],)))
        elif word in PARTICLES and nxt is not None and nxt[1]:
            units.append(Unit(PARTICLES[word], ()))
        else:
            units.append(Unit("word", (word,)))
        i += 1
    return units


#: Place-name prefixes written joined to the name (كفرنبل: Kafr Nabl), split off when the whole is unknown.
JOINED_PREFIXES = ("\u0643\u0641\u0631", "\u062f\u064a\u0631")  # كفر دير


def _split_prefix(word: str) -> list[tuple[str, bool]]:
    """``word`` as one Arabic piece, or a place prefix and the rest (كفرنبودة -> كفر + نبودة)."""
    for prefix in JOINED_PREFIXES:
        if word.startswith(prefix) and len(word) >= len(prefix) + 3 and lookup_loose(word) is None:
            return [(prefix, True), (word[len(prefix):], True)]
    return [(word, True)]


def _joined_abd(word: str) -> bool:
    """Whether ``word`` is عبد + a name written joined without the article (عبدربه: Abd-Rabbu).

    Only when the whole word is not itself a known name (عبده Abdo, عبدان
    Abdan) and the rest is a known personal or divine name of two letters or more.
    """
    if not word.startswith(ABD) or len(word) < 5 or lookup_loose(word) is not None:
        return False
    rest = lookup_loose(word[3:])
    return rest is not None and not rest.is_place




def _joined_suffix(word: str) -> tuple[str, str] | None:
    """(kind, stem) for a name written joined with a Turkish or Persian suffix (داوداوغلو), else ``None``."""
    for suffix, kind in SUFFIX_WORDS.items():
        if word.endswith(suffix) and len(word) >= len(suffix) + 2 and lookup_loose(word) is None:
            return kind, word[: -len(suffix)]
    return None
