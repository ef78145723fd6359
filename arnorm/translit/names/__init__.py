"""Arabic personal (and place) names in Latin letters, as people spell them.

Unvocalized Arabic names (``أبو محمد الجولاني``) are spelled the way English-
(or French-) language text writes them (``Abu Mohammed al-Julani``), not letter
by letter (``Abw Mhmd Aljwlany``).  Three parts work together:

* a lexicon of names with vocalization and conventional spellings
  (:mod:`.lexicon`, data in ``arnorm/data/names/lexicon.json``);
* a name grammar for compounds and particles (``عبد الله``, ``نور الدين``,
  ``أبو``, ``بن``, the article) and name patterns (:mod:`.grammar`, :mod:`.patterns`);
* a statistical joint-sequence model for everything else, including foreign
  names written in Arabic (:mod:`.model`, trained by ``scripts/train_names.py``).

Public API:

* :func:`transliterate_name` - the best spelling;
* :func:`name_variants` - ranked candidates, for record linkage;
* :func:`vocalize` - the lexicon's vocalized spelling of one name word.

Output is title case per word, with particles in their conventional case
(``al-``, ``bin``, ``ibn`` lower case; ``Abu``, ``Abd`` capitalized).  This is
not a stage: it is not idempotent on its own output (Latin text passes through
unchanged, so a second call returns the first's result, but that holds only
because Latin tokens are kept as they are).
"""

from __future__ import annotations

from ...errors import ArnormError
from .conventions import REGIONS, STYLES, UnknownConventionError
from .grammar import SCHEMES
from .variants import ranked_spellings
from .vocalize import vocalize

__all__ = [
    "REGIONS",
    "SCHEMES",
    "STYLES",
    "UnknownConventionError",
    "name_variants",
    "transliterate_name",
    "vocalize",
]


def transliterate_name(
    name: str, scheme: str = "english", *, style: str = "news", region: str | None = None
) -> str:
    """The most likely Latin spelling of an Arabic name.

    Args:
        name: one personal (or place) name, with or without harakat; several
            words are spelled as one name (particles and compounds included).
            Words without Arabic letters are kept as they are.
        scheme: ``"english"`` (default) or ``"french"`` (Maghrebi conventions:
            ou, ch, dj, El).
        style: ``"news"`` (default: what English-language news writes,
            ``Salman bin Abdulaziz``) or ``"scholarly"`` (ALA-LC usage,
            ``Salman ibn Abd al-Aziz``); english scheme only.
        region: the bearer's region, for the news spellings used there:
            ``"gulf"``, ``"levant"``, ``"egypt"`` (``Gamal Abdel Nasser``),
            ``"iraq"`` (``Abdul-Mahdi``), ``"maghreb"`` (``Abdelaziz``), or
            ``None`` (default: international usage).  Each convention's
            source is in ``arnorm/data/names/conventions.json``.

    Returns:
        The spelling, or ``""`` if ``name`` has no words.

    Raises:
        UnknownSchemeError: for a scheme that does not exist (lists the valid ones).
        UnknownConventionError: for a style or region that does not exist.
        TypeError: if ``name`` is not a ``str``.

    >>> transliterate_name("أبو محمد الجولاني")
    'Abu Mohammed al-Julani'
    >>> transliterate_name("عبد الله")
    'Abdullah'
    >>> transliterate_name("جمال عبد الناصر", region="egypt")
    'Gamal Abdel Nasser'
    """
    _check(name)
    found = ranked_spellings(name, scheme, 1, style, region)
    return found[0].text if found else ""


def name_variants(
    name: str, k: int = 10, scheme: str = "english", *, style: str = "news", region: str | None = None
) -> list[str]:
    """Up to ``k`` spellings of an Arabic name, most likely first.

    Record linkage needs the spellings people actually use (Mohammed,
    Muhammad, Mohamed, Mohammad, ...), not one guess.

    Raises:
        ArnormError: if ``k`` < 1.
        UnknownSchemeError: for a scheme that does not exist.
        UnknownConventionError: for a style or region that does not exist.

    >>> name_variants("محمد", k=4)
    ['Mohammed', 'Muhammad', 'Mohamed', 'Mohammad']
    """
    _check(name)
    if not isinstance(k, int) or k < 1:
        raise ArnormError(f"k must be a positive integer, not {k!r}")
    return [c.text for c in ranked_spellings(name, scheme, k, style, region)]


def _check(name: object) -> None:
    if not isinstance(name, str):
        if isinstance(name, (bytes, bytearray)):
            raise TypeError("names are str, not bytes: decode first, e.g. data.decode('utf-8')")
        raise TypeError(f"a name is a str, not {type(name).__name__}")
