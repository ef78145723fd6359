"""Name grammar: how the words of an Arabic name combine, and how each is spelled.

A name is split into *units*:

* ``عبد`` + a divine name (or any following name): ``عبد الله`` -> Abdullah,
  ``عبد الرحمن`` -> Abd al-Rahman (also written joined, ``عبدالرحمن``);
* a name + ``الدين``: ``نور الدين`` -> Nour al-Din / Noureddin (also joined);
* particles: ``أبو/ابو/أبي/ابي/أبا/ابا`` (Abu), ``بن`` (bin), ``ابن`` (ibn),
  ``بنت`` (bint), ``آل`` (Al, the clan), ``أم`` (Umm);
* a word with the article ``ال``: ``al-`` + the stem, with the scheme's
  assimilation and variants (al-Saleh, Saleh, Al-Saleh, as-Saleh, ...);
* any other word: spelled from the lexicon, from name patterns (:mod:`.patterns`)
  and from the statistical model (:mod:`.model`), ranked together;
* text without Arabic letters is kept as it is.

Each unit yields scored spellings; :mod:`.variants` combines them.  How each
scheme spells particles and compounds is data (``arnorm/data/names/grammar.json``).
Scores are relative log10 values: 0 for a unit's best spelling, lower is worse.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import regex

from ...datafile import load_json, validate
from ...errors import DataFileError, UnknownSchemeError
from .conventions import Convention
from .lexicon import Entry, known_latin, lookup_loose
from .model import load_model
from .normalize import latin_key
from .patterns import pattern_spellings
from .units import ALLAH, ARTICLE, Unit, parse

__all__ = ["SCHEMES", "Scored", "Unit", "check_scheme", "parse", "spell_unit", "spell_word"]

#: The schemes names can be spelled in.
SCHEMES = ("english", "french")


# Ranking constants (log10 units), chosen on the tuning bucket of names_dev (see benchmarks/names_accuracy.py).
RANK_STEP = 0.3  # between successive lexicon spellings
LEX_GAP = 1.0  # model spellings of a lexicon word start this far below the lexicon's first
PATTERN_GAP = 0.5  # pattern spellings are rescored by the model and start this far below its best
TEMPLATE_STEP = 0.4  # between successive templates of a particle or compound
WHOLE_GAP = 1.5  # a word read without its article, as one foreign name (Albert), vs al- + stem
KNOWN_BONUS = 2.0  # added to a model spelling that is a known Latin name (latin_names.json)
STYLE_STEP = 0.05  # a spelling the style rewrote (Jubayr -> Jubeir) stays as a variant this far below
MODEL_K = 12  # model candidates per word, before the known-name bonus reorders them


@dataclass(frozen=True)
class Scored:
    """A spelling and its relative score (log10; 0 is the best of its unit)."""

    text: str
    score: float


def check_scheme(scheme: str) -> None:
    """Raise :class:`~arnorm.errors.UnknownSchemeError` unless ``scheme`` is a name scheme."""
    if scheme not in SCHEMES:
        raise UnknownSchemeError(scheme, SCHEMES)


GRAMMAR_FILE = "names/grammar.json"


@dataclass(frozen=True)
class Grammar:
    """The schema of ``grammar.json`` (see its ``description``)."""

    name: str
    description: str
    source: str
    sun_letters: str
    schemes: Mapping[str, Mapping[str, tuple[str, ...]]]
    french_rewrites: tuple[tuple[str, str], ...]


@functools.cache
def _grammar() -> Grammar:
    data: Grammar = validate(load_json(GRAMMAR_FILE), Grammar, GRAMMAR_FILE)
    missing = set(SCHEMES) - set(data.schemes)
    if missing:
        raise DataFileError(f"{GRAMMAR_FILE}:schemes", f"no templates for {', '.join(sorted(missing))}")
    return data


def _templates(conv: Convention, name: str) -> list[str]:
    return list(conv.templates(name, _grammar().schemes[conv.scheme][name]))


# ------------------------------------------------------------------------ spelling


def _display(latin: str) -> str:
    """A model spelling (lower case) in title case."""
    return latin[:1].upper() + latin[1:]


def _rewrite_french(spelling: str) -> str:
    """An English-style spelling in French/Maghrebi conventions (sh -> ch, u -> ou, ...)."""
    out = spelling.lower()
    for pattern, repl in _french_rewrites():
        out = pattern.sub(repl, out)
    return _display(out)


@functools.cache
def _french_rewrites() -> tuple[tuple[regex.Pattern[str], str], ...]:
    return tuple((regex.compile(pattern), repl) for pattern, repl in _grammar().french_rewrites)


#: Kinds of lexicon entry that are Arab names (a region's letter rewrites apply to them).
ARAB_KINDS = frozenset({"given", "family", "nisba", "divine"})


def lexicon_spellings(entry: Entry, conv: Convention) -> tuple[str, ...]:
    """The entry's spellings in the convention, preferred first."""
    if conv.scheme == "french":
        return entry.french or tuple(_rewrite_french(s) for s in entry.english)
    spellings = entry.english
    if conv.region is not None and ARAB_KINDS & set(entry.kinds):
        rewritten = [conv.rewrite(s) for s in spellings]
        spellings = tuple(dict.fromkeys(rewritten + list(spellings)))
    preferred = conv.preferred()
    if preferred:
        spellings = tuple(sorted(spellings, key=lambda s: s.casefold() not in preferred))
    return spellings


def merge(cands: Sequence[Scored], k: int) -> list[Scored]:
    """Best score per spelling (compared as Latin keys), best first, at most ``k``."""
    best: dict[str, Scored] = {}
    for c in cands:
        if not c.text:
            continue
        key = c.text.casefold()
        if key not in best or c.score > best[key].score:
            best[key] = c
    ranked = sorted(best.values(), key=lambda c: -c.score)
    return ranked[:k]


@functools.lru_cache(maxsize=4096)
def spell_word(word: str, conv: Convention, k: int = 10, places: bool = False) -> tuple[Scored, ...]:
    """Ranked spellings of one normalized Arabic word, the article not treated specially.

    Args:
        word: a normalized Arabic word (see :func:`~arnorm.translit.names.normalize.arabic_words`).
        conv: the scheme and its conventions.
        k: how many spellings to return at most.
        places: whether lexicon entries known only as place names may be used.
    """
    entry = lookup_loose(word)
    if entry is not None and entry.is_place and not places:
        entry = None
    cands: list[Scored] = []
    if entry is not None:
        cands.extend(Scored(s, -RANK_STEP * r) for r, s in enumerate(lexicon_spellings(entry, conv)))
    model = load_model()
    known = known_latin()
    found = [(c.latin, c.logp + (KNOWN_BONUS if c.latin in known else 0.0)) for c in model.nbest(word, MODEL_K)]
    if found:
        top = max(lp for _, lp in found)
        gap = LEX_GAP if entry is not None else 0.0
        for latin, lp in found:
            text = _display(latin) if conv.scheme == "english" else _rewrite_french(latin)
            cands.append(Scored(text, lp - top - gap))
        for spelling in pattern_spellings(word):
            lk = latin_key(spelling)
            lp = model.score(word, lk) + (KNOWN_BONUS if lk in known else 0.0)
            if lp > -1e9:
                text = conv.rewrite(spelling) if conv.scheme == "english" else _rewrite_french(spelling)
                cands.append(Scored(text, lp - top - gap - PATTERN_GAP))
    merged = merge(_restyled(cands, conv), k)
    if not merged:  # only silent letters (ء, ع): write them as the apostrophe of the standards
        merged = [Scored("'" * len(word), 0.0)]
    return tuple(merged)


def _restyled(cands: list[Scored], conv: Convention) -> list[Scored]:
    """Each spelling in the style's conventions, the original kept just below it."""
    out = []
    for c in cands:
        styled = conv.restyle(c.text)
        if styled != c.text:
            out.append(Scored(styled, c.score))
            out.append(Scored(c.text, c.score - STYLE_STEP))
        else:
            out.append(c)
    return out


def _is_article_word(word: str) -> bool:
    return word.startswith(ARTICLE) and len(word) > 3 and word != ALLAH


def _sun(word: str, spelled: str) -> str:
    """The consonant(s) the article assimilates to before ``word`` (``l`` before moon letters)."""
    if word[:1] and word[0] in _grammar().sun_letters:
        onset = regex.match(r"[^aeiouy]*", spelled.lower())
        return onset.group(0) if onset and onset.group(0) else "l"
    return "l"


def _fill(template: str, word: str, spelled: str, **extra: str) -> str:
    spelled = _display(spelled)
    return template.format(x=spelled, xl=spelled.lower(), sun=_sun(word, spelled), **extra)


def _article_forms(stem: str, spelled: Scored, conv: Convention, first: bool) -> list[Scored]:
    """al- + one spelling of the stem, in every form the scheme allows."""
    templates = _templates(conv, "article_first" if first else "article")
    return [Scored(_fill(t, stem, spelled.text), spelled.score - TEMPLATE_STEP * r) for r, t in enumerate(templates)]


def _curated(entry: Entry | None) -> bool:
    return entry is not None and "core" in entry.sources


_ARTICLE_SPELLED = regex.compile(r"(?i)^(?:al|el|ul|il|a[dnrstz]|e[dnrstz])[- ']+(.+)$")


def spell_token(word: str, conv: Convention, k: int, first: bool, places: bool = False) -> list[Scored]:
    """Ranked spellings of one word of a name, with the article handled.

    A word starting with ``ال`` is read as al- + stem.  When the lexicon knows
    the whole word, its spellings are turned into that form too (``Al Saleh``
    and ``Saleh`` both give al-Saleh); a spelling that fuses the article into a
    foreign name (``Albert``) is kept as it is, and wins when the stem is not a
    known name.  A place name (``القاهرة``, Cairo) is kept as the lexicon has it.
    """
    if not _is_article_word(word):
        return list(spell_word(word, conv, k, places))
    stem = word[2:]
    cands: list[Scored] = []
    entry = lookup_loose(word)
    stem_entry = lookup_loose(stem)
    if entry is not None and entry.is_place and not places:
        entry = None
    lexicon_gap = 0.0
    if entry is not None:
        lexicon_gap = LEX_GAP
        # a curated stem (صالح: Saleh first) outranks the order of an uncurated whole-word entry
        # a place read on its own keeps the gazetteer's name, which drops the article (الرياض: Riyadh)
        place_first = places and "place" in entry.kinds
        offset = LEX_GAP if _curated(stem_entry) and not _curated(entry) and not place_first else 0.0
        spellings = lexicon_spellings(entry, conv)
        for r, s in enumerate(spellings):
            base = -RANK_STEP * r - offset
            m = _ARTICLE_SPELLED.match(s)
            if entry.is_place or (place_first and r == 0):
                cands.append(Scored(s, base))
            elif m:
                cands.extend(_article_forms(stem, Scored(m.group(1), base), conv, first))
            elif s.lower().startswith(("al", "el")):
                cands.append(Scored(s, base if stem_entry is None else base - WHOLE_GAP))
            else:
                cands.extend(_article_forms(stem, Scored(s, base), conv, first))
    gap = lexicon_gap if stem_entry is None else 0.0
    for c in spell_word(stem, conv, max(3, k // 2)):
        cands.extend(_article_forms(stem, Scored(c.text, c.score - gap), conv, first))
    for c in spell_word(word, conv, 3):
        if c.text.lower().startswith(("al", "el")):
            cands.append(Scored(c.text, c.score - WHOLE_GAP))
    return merge(cands, k)


def spell_unit(unit: Unit, conv: Convention, k: int, first: bool, places: bool = False) -> list[Scored]:
    """Ranked spellings of one unit of a name."""
    if unit.kind == "literal":
        return [Scored(unit.words[0], 0.0)]
    if unit.kind == "word":
        return spell_token(unit.words[0], conv, k, first, places)
    if unit.kind == "abd":
        (x,) = unit.words
        if x == ALLAH:
            return [Scored(t, -TEMPLATE_STEP * r) for r, t in enumerate(_templates(conv, "abd_allah"))]
        article = _is_article_word(x)
        stem = x[2:] if article else x
        out = []
        for s in spell_word(stem, conv, 3):
            for r, t in enumerate(_templates(conv, "abd" if article else "abd_plain")):
                out.append(Scored(_fill(t, stem, s.text), s.score - TEMPLATE_STEP * r))
        return merge(out, k)
    if unit.kind in ("din", "oglu", "zadeh"):
        (p,) = unit.words
        out = []
        for s in spell_word(p, conv, 3):
            for r, t in enumerate(_templates(conv, unit.kind)):
                out.append(Scored(t.format(p=_display(s.text)), s.score - TEMPLATE_STEP * r))
        return merge(out, k)
    templates = _templates(conv, unit.kind)
    if first and unit.kind in ("bin", "ibn", "bint"):
        templates = [_display(t) for t in templates]
    return [Scored(t, -TEMPLATE_STEP * r) for r, t in enumerate(templates)]
