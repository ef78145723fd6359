"""The romanization standards: rule switches read from data, beside their letter tables.

Each standard is one record under ``"standards"`` in
``arnorm/data/translit_romanize.json``, whose ``"tables"`` hold the letter
table of the same name.  Records are validated by
:func:`arnorm.datafile.load_records` against :class:`Standard`, then checked
against each other here (unique names, a letter table for each, prefix letters
that exist), so adding a standard is a data change.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from ...datafile import Described, load_records
from ...errors import DataFileError, UnknownSchemeError
from ...tables import load_table, table_names
from .chars import BEH, FEH, KAF, LAM, WAW

__all__ = ["DATA_FILE", "STANDARDS", "Standard", "letters", "standard"]

#: The data file of the letter tables and the standards.
DATA_FILE = "translit_romanize.json"

ArticleForm = Literal["full", "elide", "contract"]
#: The letters that can be an inseparable prefix (wa-, fa-, bi-, li-, ka-).
PREFIX_LETTERS = frozenset((WAW, FEH, BEH, LAM, KAF))


@dataclass(frozen=True)
class Standard(Described):
    """The rule switches of one romanization standard (one record of :data:`DATA_FILE`).

    Attributes:
        name: the scheme name (also the name of its letter table).
        description: one line for listings.
        source: the reference followed (section of ``shared/data/romanization.md``).
        assimilate: the article's l assimilates to sun letters (``aš-šams``).
        article_sep: what joins the article to its noun (``"-"`` or ``" "``).
        prefix_sep: what joins wa-, fa-, bi-, li-, ka- to the next element.
        prefix_article: for each prefix letter, how prefix + article is
            written: ``full`` (``wa-al-``), ``elide`` (``wa-l-``) or
            ``contract`` (``lil-``, ``bil``).
        capital_article: an initial article is capitalized in ``words`` mode
            (``Al Qāhirah``).
        tanwin_an: fathatan is written ``-an``.
        defective_tanwin: ``-in``/``-an`` on defective nouns (``qāḍin``).
        ta_construct: tāʾ marbūṭa in construct.
        ta_after_alef: tāʾ marbūṭa in pause after ``ā``, if not the table's.
        nisba: final ``-iyy`` is ``-ī`` and medial ``-īy-``.
        uw: damma + waw + shadda is ``ūw``.
        digraph_sep: written between two letters that would read as a
            digraph (t+h, d+h, k+h, s+h, g+h).
        final_ah_sep: written between fatha and a final consonantal ha.
        final_form_sep: what a ZWNJ (U+200C) between two Arabic words becomes,
            the sign of a final-form letter inside a word (ALA-LC rule 21b
            prime: ``Qalʻahʹjī``, ``Shaykhʹzādah``); ``None`` keeps the ZWNJ.
        ibn: ``بن`` is romanized like ``ابن``.
        lower_in_names: words kept lower case inside a name in ``words`` mode.
        verb_endings: a verb keeps its final vowel except in pause (ALA-LC
            rule 13: ``qāla``, ``yajibu``; see :mod:`.verbs`); only noun case
            endings follow the ``endings`` option.
    """

    assimilate: bool
    article_sep: str
    prefix_sep: str
    prefix_article: Mapping[str, ArticleForm]
    capital_article: bool
    tanwin_an: bool
    defective_tanwin: bool
    ta_construct: str
    ta_after_alef: str | None
    nisba: bool
    uw: bool
    digraph_sep: str
    final_ah_sep: str
    final_form_sep: str | None
    ibn: bool
    lower_in_names: tuple[str, ...]
    verb_endings: bool


def _check(records: tuple[Standard, ...]) -> Mapping[str, Standard]:
    """The records by name, after the checks a schema cannot express."""
    out: dict[str, Standard] = {}
    tables = set(table_names(DATA_FILE.removesuffix(".json")))
    for i, record in enumerate(records):
        where = f"{DATA_FILE}:standards[{i}]"
        if record.name in out:
            raise DataFileError(where, f"standard {record.name!r} defined twice")
        if record.name not in tables:
            raise DataFileError(where, f"no letter table {record.name!r}; tables: {', '.join(sorted(tables))}")
        bad = sorted(set(record.prefix_article) - PREFIX_LETTERS)
        if bad:
            raise DataFileError(f"{where}.prefix_article", f"not a prefix letter: {', '.join(map(ascii, bad))}")
        out[record.name] = record
    return MappingProxyType(out)


@functools.cache
def _standards() -> Mapping[str, Standard]:
    return _check(load_records(DATA_FILE, Standard, key="standards"))


#: The standards by scheme name.
STANDARDS: Mapping[str, Standard] = _standards()


def standard(name: str) -> Standard:
    """The :class:`Standard` called ``name``; raises :class:`UnknownSchemeError`."""
    try:
        return STANDARDS[name]
    except KeyError:
        raise UnknownSchemeError(name, STANDARDS) from None


@functools.cache
def letters(name: str) -> Mapping[str, str]:
    """The letter table (Arabic letter -> Latin) of standard ``name``."""
    return load_table(DATA_FILE.removesuffix(".json"), name).mapping
