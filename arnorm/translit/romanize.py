"""Romanization of vocalized Arabic under a named standard.

Five standards, each a letter table (``arnorm/data/translit_romanize.json``)
plus the rule switches of a :class:`Standard` below.  The facts come from
``shared/data/romanization.md`` (the project's implementer's reference, which
cites the transcriptions of the standards it was compiled from); the section
of that file each standard follows is named here.

==============  ==================================================  ==========
standard        follows                                             reference
==============  ==================================================  ==========
``ala-lc``      ALA-LC Arabic romanization table (Library of        section 1
                Congress; rules 1-25 of the 1997 transcription)
``din-31635``   DIN 31635:2011, Arabic part                         section 2
``iso-233``     ISO 233-2:1993, the simplified ISO 233 for          section 4
                bibliographic use (strict ISO 233:1984 is not
                implemented: its sukun and shadda signs could not
                be verified)
``ungegn``      UN 1972 system (amended Beirut system, UNGEGN       section 5
                resolution II/8) for geographical names
``bgn-pcgn``    BGN/PCGN 1956 (PCGN text revised 2019)              section 6
==============  ==================================================  ==========

What the engine does, word by word (a word is a run of Arabic letters and
harakat; everything else passes through unchanged, except that the Arabic
comma, semicolon and question mark become ``, ; ?``):

* **Vowels**: fatha, kasra, damma -> a i u; fatha + alif, kasra + ya, damma +
  waw -> ā ī ū; dagger alef -> ā; fatha + waw/ya -> aw/ay.
* **Shadda** doubles the consonant, a digraph as a whole (ALA-LC
  ``Kashshāf``).  Final kasra + ya + shadda (nisba) is ``-ī`` and medial
  ``-īy-`` in ALA-LC, DIN 31635, UN and BGN/PCGN (``al-Miṣrīyah``); ALA-LC
  writes damma + waw + shadda ``ūw`` (``qūwah``).
* **Tanwin**: dropped, except that ALA-LC and DIN 31635 write fathatan
  ``-an`` (ALA-LC ``ṭabʻan``, ``fajʼatan``), and ALA-LC writes ``-in``/``-an``
  on defective nouns (``qāḍin``, ``maʻnan``).
* **Case endings** (``endings="pausal"``, the default): the final short vowel
  of a word is dropped, except on particles, pronouns, demonstratives and
  separable prepositions (a word list in ``translit_words.json``) and on a
  final pronoun ``-hu/-hi/-ha``; ``endings="full"`` writes every vowel.
* **Tāʾ marbūṭa**: the pausal form of the table (ALA-LC, UN, BGN/PCGN ``-ah``;
  DIN ``-a``; ISO ``-aẗ``), ``-t`` in construct.  Construct (iḍāfa) is
  detected *heuristically*: a word ending in tāʾ marbūṭa, without the article
  and without tanwin, followed on the same line by another Arabic word that
  is not a particle (``Wizārat al-Tarbiyah``, ``Shabakat Shām``).  An
  indefinite noun followed by its adjective (``madrasah kabīrah``) is
  misread as a construct; pass ``construct="never"`` for personal names and
  lists.
* **The article**: ``al-`` (ALA-LC, ISO 233-2: never assimilated), assimilated
  to sun letters in DIN 31635 (``aš-šams``) and UN/BGN-PCGN (``ash Shams``,
  written with a space).  After the prefixes wa-, fa-, bi-, li-, ka- each
  standard's own form: ALA-LC ``wa-al-``, ``bi-al-``, ``lil-``; ISO ``bi-al-``,
  ``li-l-``; DIN ``wa-l-``, ``bi-š-`` (elision: DMG practice, which the
  sources of DIN do not spell out); BGN/PCGN ``wa al``, ``bil``, ``liţ``.
* **Other prefixes** are split off by heuristics, since a word-initial و ف ب
  ل ك is usually a root letter: wa-/fa-/bi-/li-/ka- before a function word
  or a function word with an attached pronoun (``wa-huwa``, ``bi-mā``,
  ``wa-maʻahu``; word lists in ``translit_words.json``), bi-/li- before an
  attached pronoun (``bi-hi``, ``la-hum``); in vocalized text also before a
  hamza-initial word (``bi-anna``), wa- before bi- (``wa-biḥaqq``), a form II
  verb (``wa-sallam``) or an imperfect verb (``wa-yakhruj``).  A vocalized
  function word must carry its own vowel (فَهْم is ``fahm``, فَهُمْ is
  ``fa-hum``); unvocalized و/ف + هم/هن is left whole (wahm or wa-hum?); a
  word the name lexicon knows is never split (``Walīd``).
* **Hamza and ʿayn** signs per table; initial hamza (also after a prefix or
  the article) is not written; initial madda alif is ``ā``.
* **Allāh**: ``Allāh``, ``lillāh``, ``billāh``; ``ʻAbd Allāh`` also when written
  as one word (``عبدالله``).
* **Digraph ambiguity**: ALA-LC writes a prime (``Adʹham``), BGN/PCGN a middle
  dot (``Ad·ham``, and ``Muntaza·h`` for a final consonantal ha after fatha).

**Unvocalized input.**  The standards romanize vocalized text.  A word
without any vowel sign is first looked up with
:func:`arnorm.translit.names.vocalize` (the name lexicon), when that module is
installed and ``vocalize=True``; a spelling is used only if its letters match
the word's.  Otherwise the word is romanized from its consonants alone:
no short vowels are invented, alif is ``ā`` (``a`` at the start), and waw and
ya between consonants or at the end are read as ``ū``/``ī`` (so ``محمد`` gives
``mḥmd`` and ``عمر`` gives ``ʻmr``, but ``سعيد`` gives ``sʻīd``, and ``بيت``
wrongly gives ``bīt``).  Function words and defective spellings are respelled
from word lists (``هذا`` -> ``hādhā``, ``على`` -> ``ʻalá``, ``به`` -> ``bi-hi``).

**Quranic (Uthmani) text**: alef wasla, dagger alef, small waw/ya and the
silent-letter signs are read; a *decomposed* alif + maddah (U+0627 U+0653, as
in Tanzil's text) is the madd sign (long ā, ``al-ḍāllīn``), while the
precomposed U+0622 is hamza + ā (``Qurʼān``), so NFD-normalized modern text
loses that hamza; a shadda on a word's first letter (assimilation across
words, ``مِّن``) is not doubled.

**Capitalization** (``capitalize``): ``"none"`` (lower case, but ``Allāh``),
``"first"`` (the first word of each line) or ``"words"`` (every word, as for
names and titles; the article stays lower case except at the start of a
BGN/PCGN or UN name, ``Al Qāhirah``; ALA-LC keeps ``ibn``/``bint`` lower case
inside a name).

**Choices where the sources disagree** (romanization.md marks them UNCERTAIN):
DIN 31635 follows the 2011 edition (tāʾ marbūṭa ``-a``/``-at``, nisba
``-īya``, ``-an`` kept) and drops initial hamza (DMG practice); ISO 233-2
writes alif maqṣūra ``ỳ`` (interscript's table; French practice ``à``) and
nisba as ``-iyy-``; UN 1972 writes the article with a space and an initial
capital (``Ar Riyāḑ``), as the UN country-name lists do, and uses the
BGN/PCGN quotation marks U+2018/U+2019 for ʿayn/hamza; HSB follows CAMeL
Tools (see :mod:`arnorm.translit.schemes`).  Capitalization is not specified
by DIN or ISO; ``words`` capitalizes every word but the article.

Known limits: verbs are treated like nouns (ALA-LC keeps verb endings);
``wa-``/``bi-``/``li-`` before a bare noun are usually not split; nisba and
construct detection are heuristics; the output is NFC.
"""

from __future__ import annotations

import functools
import json
import unicodedata
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType, ModuleType
from typing import Literal

import regex
from unidecode import unidecode

from ..errors import ArnormError, UnknownSchemeError
from ..tables import load_table

__all__ = [
    "STANDARDS",
    "Standard",
    "fold_ascii",
    "romanize",
    "romanize_word",
    "standard",
]

Capitalize = Literal["none", "first", "words"]
Construct = Literal["auto", "never"]
Endings = Literal["pausal", "full"]
Marks = Literal["apostrophe", "drop"]

# -- code points -------------------------------------------------------------
HAMZA = "\u0621"
ALEF_MADDA = "\u0622"
ALEF_HAMZA_ABOVE = "\u0623"
WAW_HAMZA = "\u0624"
ALEF_HAMZA_BELOW = "\u0625"
YEH_HAMZA = "\u0626"
ALEF = "\u0627"
TEH_MARBUTA = "\u0629"
LAM = "\u0644"
HEH = "\u0647"
WAW = "\u0648"
ALEF_MAKSURA = "\u0649"
YEH = "\u064a"
ALEF_WASLA = "\u0671"
SMALL_WAW = "\u06e5"
SMALL_YEH = "\u06e6"
FATHATAN, DAMMATAN, KASRATAN = "\u064b", "\u064c", "\u064d"
FATHA, DAMMA, KASRA, SHADDA, SUKUN = "\u064e", "\u064f", "\u0650", "\u0651", "\u0652"
MADDAH, HAMZA_ABOVE, HAMZA_BELOW = "\u0653", "\u0654", "\u0655"
DAGGER_ALEF = "\u0670"
TATWEEL = "\u0640"
#: Quranic signs that mark the letter they sit on as silent.
SILENT_MARKS = frozenset("\u06df\u06e0")

_VOWEL = {FATHA: "a", DAMMA: "u", KASRA: "i"}
_TANWIN = {FATHATAN: "a", DAMMATAN: "u", KASRATAN: "i"}
_LONG = {"a": "\u0101", "i": "\u012b", "u": "\u016b"}
_HAMZAS = frozenset((HAMZA, ALEF_HAMZA_ABOVE, WAW_HAMZA, ALEF_HAMZA_BELOW, YEH_HAMZA))
_ALEFS = frozenset((ALEF, ALEF_WASLA))
_VOWEL_LETTERS = frozenset((ALEF, WAW, YEH, ALEF_MAKSURA, ALEF_MADDA, ALEF_WASLA, SMALL_WAW, SMALL_YEH))
#: Sun letters: the article's lam assimilates to them.
SUN_LETTERS = frozenset("\u062a\u062b\u062f\u0630\u0631\u0632\u0633\u0634\u0635\u0636\u0637\u0638\u0644\u0646")
#: Letters the engine always handles (vowel seats, hamza forms, tāʾ marbūṭa).
_STRUCTURAL = frozenset(_HAMZAS | _VOWEL_LETTERS | {TEH_MARBUTA})
#: Harakat and Quranic signs read (or dropped) as part of a word.
_MARKS = (
    "\u0640\u064b-\u0655\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
)
_MARK_CHARS = frozenset(
    chr(cp)
    for lo, hi in ((0x0640, 0x0640), (0x064B, 0x0655), (0x0670, 0x0670), (0x06D6, 0x06DC),
                   (0x06DF, 0x06E4), (0x06E7, 0x06E8), (0x06EA, 0x06ED))
    for cp in range(lo, hi + 1)
)
_DELETE_MARKS = {ord(c): None for c in _MARK_CHARS}
_PUNCTUATION = str.maketrans({"\u060c": ",", "\u061b": ";", "\u061f": "?"})
#: Signs the ASCII fold treats as ʿayn/hamza marks.
_APOSTROPHES = frozenset("\u02bb\u02bc\u02be\u02bf\u2018\u2019")


# -- standards ---------------------------------------------------------------
ArticleForm = Literal["full", "elide", "contract"]


@dataclass(frozen=True)
class Standard:
    """The rule switches of one romanization standard.

    Attributes:
        name: the scheme name (also the name of its letter table).
        description: one line for listings.
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
        ibn: ``بن`` is romanized like ``ابن``.
        lower_in_names: words kept lower case inside a name in ``words`` mode.
        sources: the references followed (for documentation).
    """

    name: str
    description: str
    assimilate: bool
    article_sep: str
    prefix_sep: str
    prefix_article: Mapping[str, ArticleForm]
    capital_article: bool = False
    tanwin_an: bool = False
    defective_tanwin: bool = False
    ta_construct: str = "t"
    ta_after_alef: str | None = None
    nisba: bool = True
    uw: bool = False
    digraph_sep: str = ""
    final_ah_sep: str = ""
    ibn: bool = False
    lower_in_names: frozenset[str] = frozenset()
    sources: str = field(default="", compare=False)


def _prefixes(**forms: ArticleForm) -> Mapping[str, ArticleForm]:
    letters = {"w": WAW, "f": "\u0641", "b": "\u0628", "l": LAM, "k": "\u0643"}
    return MappingProxyType({letters[k]: v for k, v in forms.items()})


#: The standards by scheme name.
STANDARDS: Mapping[str, Standard] = MappingProxyType(
    {
        s.name: s
        for s in (
            Standard(
                name="ala-lc",
                description="ALA-LC (Library of Congress) romanization of vocalized Arabic",
                assimilate=False,
                article_sep="-",
                prefix_sep="-",
                prefix_article=_prefixes(w="full", f="full", b="full", k="full", l="contract"),
                tanwin_an=True,
                defective_tanwin=True,
                uw=True,
                digraph_sep="\u02b9",
                ibn=True,
                lower_in_names=frozenset({"ibn", "bint"}),
                sources="romanization.md section 1 (ALA-LC rules 1-25)",
            ),
            Standard(
                name="din-31635",
                description="DIN 31635:2011 romanization of vocalized Arabic (sun letters assimilated)",
                assimilate=True,
                article_sep="-",
                prefix_sep="-",
                prefix_article=_prefixes(w="elide", f="elide", b="elide", k="elide", l="elide"),
                tanwin_an=True,
                ta_after_alef="h",
                sources="romanization.md section 2 (DIN 31635:2011)",
            ),
            Standard(
                name="iso-233",
                description="ISO 233-2:1993 simplified transliteration of vocalized Arabic",
                assimilate=False,
                article_sep="-",
                prefix_sep="-",
                prefix_article=_prefixes(w="full", f="full", b="full", k="full", l="elide"),
                ta_construct="\u1e97",
                nisba=False,
                sources="romanization.md section 4 (ISO 233-2:1993 clauses 4.1.1-4.1.5)",
            ),
            Standard(
                name="ungegn",
                description="UN 1972 (UNGEGN) romanization of Arabic geographical names",
                assimilate=True,
                article_sep=" ",
                prefix_sep=" ",
                prefix_article=_prefixes(w="full", f="full", b="contract", k="full", l="contract"),
                capital_article=True,
                sources="romanization.md section 5 (UN 1972 system)",
            ),
            Standard(
                name="bgn-pcgn",
                description="BGN/PCGN 1956 romanization of Arabic geographical names",
                assimilate=True,
                article_sep=" ",
                prefix_sep=" ",
                prefix_article=_prefixes(w="full", f="full", b="contract", k="full", l="contract"),
                capital_article=True,
                digraph_sep="\u00b7",
                final_ah_sep="\u00b7",
                sources="romanization.md section 6 (BGN/PCGN 1956, PCGN 2019 text)",
            ),
        )
    }
)


def standard(name: str) -> Standard:
    """The :class:`Standard` called ``name``; raises :class:`UnknownSchemeError`."""
    try:
        return STANDARDS[name]
    except KeyError:
        raise UnknownSchemeError(name, STANDARDS) from None


@functools.cache
def _letters(name: str) -> Mapping[str, str]:
    return load_table("translit_romanize", name).mapping


@functools.cache
def _word_lists() -> dict[str, object]:
    text = resources.files("arnorm.data").joinpath("translit_words.json").read_text(encoding="utf-8")
    out: dict[str, object] = {}
    for entry in json.loads(text)["tables"]:
        missing = {"name", "description", "source"} - entry.keys()
        if missing:
            raise ArnormError(f"translit_words.json: table lacks {', '.join(sorted(missing))}")
        out[entry["name"]] = (
            MappingProxyType(entry["map"]) if "map" in entry else frozenset(entry["words"])
        )
    return out


def _irregular() -> Mapping[str, str]:
    return _word_lists()["irregular_words"]  # type: ignore[return-value]


def _keep_final() -> frozenset[str]:
    return _word_lists()["keep_final_vowel"]  # type: ignore[return-value]


def _unvocalized_words() -> Mapping[str, str]:
    return _word_lists()["unvocalized_function_words"]  # type: ignore[return-value]


def _not_construct_before() -> frozenset[str]:
    return _word_lists()["not_construct_before"]  # type: ignore[return-value]


@functools.cache
def _function_words() -> frozenset[str]:
    """Particles, pronouns and prepositions: after wa-/fa- they mark the conjunction."""
    return (_keep_final() | _not_construct_before()) - {"\u0648"}


def _fold_key(letters: str) -> str:
    """A word-list key: alef wasla written as bare alef."""
    return letters.replace(ALEF_WASLA, ALEF)


@functools.cache
def _word_pattern(name: str) -> regex.Pattern[str]:
    letters = "".join(sorted((set(_letters(name)) | _STRUCTURAL) - {""}))
    cls = regex.escape(letters)
    return regex.compile(f"[{cls}][{cls}{_MARKS}]*")


# -- the lexicon -------------------------------------------------------------
def _import_vocalize() -> Callable[[str], str | None] | None:
    """:func:`arnorm.translit.names.vocalize` if that module is installed, else ``None``."""
    try:
        from .names import vocalize
    except ImportError:
        return None
    if isinstance(vocalize, ModuleType):  # the package without its re-export yet
        vocalize = getattr(vocalize, "vocalize", None)
    return vocalize if callable(vocalize) else None


@functools.cache
def _lexicon() -> Callable[[str], str | None] | None:
    """The name lexicon's ``vocalize``, loaded once; ``None`` if absent or unloadable (with a warning)."""
    vocalize = _import_vocalize()
    if vocalize is None:
        return None
    try:
        vocalize("\u0645\u062d\u0645\u062f")  # loads the lexicon once
    except (OSError, ValueError) as exc:
        warnings.warn(
            f"arnorm: the name lexicon could not be loaded ({exc}); unvocalized words are "
            "romanized from their consonants",
            RuntimeWarning,
            stacklevel=2,
        )
        return None
    return vocalize


_FOLD = str.maketrans({ALEF_HAMZA_ABOVE: ALEF, ALEF_HAMZA_BELOW: ALEF, ALEF_MADDA: ALEF,
                       ALEF_WASLA: ALEF, ALEF_MAKSURA: YEH, TEH_MARBUTA: HEH,
                       WAW_HAMZA: WAW, YEH_HAMZA: YEH})


def _skeleton(word: str) -> str:
    """The letters of ``word`` without harakat, tatweel or Quranic signs."""
    return word.translate(_DELETE_MARKS)


def _lexicon_spelling(skeleton: str) -> str | None:
    lookup = _lexicon()
    if lookup is None:
        return None
    spelling = lookup(skeleton)
    if not spelling:
        return None
    if _skeleton(unicodedata.normalize("NFC", spelling)).translate(_FOLD) != skeleton.translate(_FOLD):
        return None
    return spelling


# -- parsing -----------------------------------------------------------------
@dataclass(slots=True)
class _Unit:
    """One letter and the signs on it."""

    letter: str
    vowel: str = ""
    tanwin: str = ""
    shadda: bool = False
    sukun: bool = False
    dagger: bool = False
    silent: bool = False

    @property
    def marked(self) -> bool:
        return bool(self.vowel or self.tanwin or self.sukun or self.dagger)


def _parse(word: str) -> list[_Unit]:
    units: list[_Unit] = []
    for ch in word:
        if ch == TATWEEL:
            continue
        if ch in _VOWEL:
            if units:
                units[-1].vowel = _VOWEL[ch]
        elif ch in _TANWIN:
            if units:
                units[-1].tanwin = _TANWIN[ch]
        elif ch == SHADDA:
            if units:
                units[-1].shadda = True
        elif ch == SUKUN:
            if units:
                units[-1].sukun = True
        elif ch == DAGGER_ALEF:
            if units:
                units[-1].dagger = True
        elif ch in (HAMZA_ABOVE, HAMZA_BELOW):
            last = units[-1] if units else None
            if last is not None and not last.marked and last.letter in (ALEF, WAW, YEH, ALEF_MAKSURA):
                if last.letter == ALEF:
                    last.letter = ALEF_HAMZA_ABOVE if ch == HAMZA_ABOVE else ALEF_HAMZA_BELOW
                else:
                    last.letter = WAW_HAMZA if last.letter == WAW else YEH_HAMZA
            else:
                units.append(_Unit(HAMZA))
        elif ch in SILENT_MARKS:
            if units:
                units[-1].silent = True
        elif ch == MADDAH:
            if units and units[-1].letter == ALEF:
                # a decomposed alif + maddah is the Uthmani madd sign: a long ā, no
                # hamza (hamza + ā is written with the precomposed U+0622)
                units[-1].dagger = True
        elif ch in _MARK_CHARS:
            continue  # other Quranic signs: annotations, not sounds
        elif ch == SMALL_WAW:
            units.append(_Unit(WAW))
        elif ch == SMALL_YEH:
            units.append(_Unit(YEH))
        else:
            units.append(_Unit(ch))
    return units


def _letters_of(units: list[_Unit]) -> str:
    return "".join(u.letter for u in units)


# -- rendering ---------------------------------------------------------------
@dataclass(slots=True)
class _Piece:
    """The Latin of one unit: a consonant and the vowel after it."""

    cons: str
    vowel: str = ""
    short: bool = False  # vowel comes from a short-vowel or tanwin sign
    tanwin: str = ""
    letter: str = ""
    nisba: bool = False  # the y of a medial -īy-, dropped again if the word ends there


def _lengthen(out: list[_Piece], long: str) -> None:
    """Make the vowel of the last piece long (a long-vowel letter follows it)."""
    if out:
        out[-1].vowel, out[-1].short = long, False
    else:
        out.append(_Piece("", long))


def _vowel_piece(u: _Unit) -> _Piece:
    """A piece with the vowel that ``u``'s signs give (no consonant yet)."""
    piece = _Piece("", letter=u.letter)
    if u.tanwin:
        piece.vowel, piece.short, piece.tanwin = u.tanwin, True, u.tanwin
    elif u.dagger:
        piece.vowel = _LONG["a"]
    elif u.vowel:
        piece.vowel, piece.short = u.vowel, True
    return piece


def _read_alef(out: list[_Piece], units: list[_Unit], k: int) -> None:
    u, prev = units[k], units[k - 1] if k else None
    nxt = units[k + 1] if k + 1 < len(units) else None
    if k == 0:
        piece = _vowel_piece(u)
        if not piece.vowel:
            wasla_i = u.letter == ALEF_WASLA and not (nxt is not None and nxt.letter == LAM)
            piece.vowel = "i" if wasla_i else "a"  # ٱهْدِنَا ihdinā; ٱلَّذِي alladhī
        out.append(piece)
    elif u.letter == ALEF_WASLA or prev is None or prev.tanwin == "a":
        return  # wasla inside a phrase; the seat of fathatan
    elif k == len(units) - 1 and prev.letter == WAW and out and out[-1].vowel != "a":
        return  # orthographic alif after plural -ū (faʻalū)
    elif prev.vowel in ("i", "u") and not prev.dagger:
        return  # silent seat (miʼah)
    else:
        _lengthen(out, _LONG["a"])


def _read_hamza(out: list[_Piece], u: _Unit, k: int, hamza: str) -> None:
    if u.letter == ALEF_MADDA:
        out.append(_Piece("" if k == 0 else hamza, _LONG["a"], letter=u.letter))
        return
    piece = _vowel_piece(u)
    piece.cons = "" if k == 0 else hamza * (2 if u.shadda else 1)
    if not piece.vowel and not u.sukun:
        if u.letter == ALEF_HAMZA_BELOW:
            piece.vowel, piece.short = "i", True
        elif u.letter == ALEF_HAMZA_ABOVE and k == 0:
            piece.vowel, piece.short = "a", True
    out.append(piece)


def _read_weak(out: list[_Piece], units: list[_Unit], k: int, std: Standard, cons: str) -> None:
    """Waw or ya: consonant, long vowel (ū ī), diphthong (aw ay) or doubled (ūw īy)."""
    u, prev = units[k], units[k - 1] if k else None
    nxt = units[k + 1] if k + 1 < len(units) else None
    own = "u" if u.letter == WAW else "i"
    keeps_long = std.uw if u.letter == WAW else std.nisba  # ūw / īy rather than uww / iyy
    if prev is not None and prev.vowel == own and not u.vowel and not u.tanwin:
        _lengthen(out, _LONG[own])  # ū, ī
        if u.shadda and keeps_long:
            if not (k == len(units) - 1 and u.letter == YEH):
                out.append(_Piece(cons, letter=u.letter))  # ʻadūw; final nisba -ī
        elif u.shadda:
            out[-1].vowel = own
            out.append(_Piece(cons * 2, letter=u.letter))
        return
    if prev is not None and prev.vowel == own and u.shadda and keeps_long:
        _lengthen(out, _LONG[own])  # ـِيَّة -> īyah, ـُوَّة -> ūwah
        piece = _vowel_piece(u)
        piece.cons, piece.nisba = cons, u.letter == YEH
        out.append(piece)
        return
    if u.dagger and not u.vowel:
        _lengthen(out, _LONG["a"])  # Uthmani ṣalāh written with waw + dagger alef
        return
    unvocalized_neighbours = (
        prev is not None
        and not prev.marked
        and not prev.shadda
        and prev.letter not in _VOWEL_LETTERS
        and prev.letter != TEH_MARBUTA
        and (nxt is None or nxt.letter not in _VOWEL_LETTERS)
    )
    if not u.marked and not u.shadda and unvocalized_neighbours:
        out.append(_Piece("", _LONG[own], letter=u.letter))  # unvocalized: read as a long vowel
        return
    piece = _vowel_piece(u)
    piece.cons = cons * (2 if u.shadda else 1)
    out.append(piece)


def _read_alef_maksura(out: list[_Piece], prev: _Unit | None, std: Standard, value: str) -> None:
    if prev is not None and prev.vowel == "i":
        _lengthen(out, _LONG["i"])  # fī written فى
    elif prev is not None and prev.tanwin == "a" and std.defective_tanwin and out:
        out[-1].vowel, out[-1].short, out[-1].tanwin = "an", False, ""  # maʻnan
    else:
        _lengthen(out, value)


def _pieces(units: list[_Unit], std: Standard) -> list[_Piece]:
    """Read the units of a stem into Latin pieces (tāʾ marbūṭa left as ``\\0``)."""
    table = _letters(std.name)
    out: list[_Piece] = []
    for k, u in enumerate(units):
        letter = u.letter
        if u.silent:
            continue
        if letter in _ALEFS:
            _read_alef(out, units, k)
        elif letter in _HAMZAS or letter == ALEF_MADDA:
            _read_hamza(out, u, k, table.get(HAMZA, ""))
        elif letter in (WAW, YEH):
            _read_weak(out, units, k, std, table[letter])
        elif letter == ALEF_MAKSURA:
            _read_alef_maksura(out, units[k - 1] if k else None, std, table.get(ALEF_MAKSURA, _LONG["a"]))
        elif letter == TEH_MARBUTA:
            if out and not out[-1].vowel and (k == 0 or units[k - 1].letter not in _ALEFS):
                out[-1].vowel = "a"
            piece = _vowel_piece(u)
            piece.cons = "\0"  # pause or construct: decided by _ta_marbuta
            out.append(piece)
        else:
            piece = _vowel_piece(u)
            # a shadda on the first letter marks assimilation across words (Uthmani
            # مِّن after tanwin): one consonant in a word romanized on its own
            piece.cons = table.get(letter, letter) * (2 if u.shadda and k else 1)
            out.append(piece)
    return out


def _pausal(out: list[_Piece], std: Standard, keep_final: bool) -> None:
    """Drop the case ending of the last piece, keeping what the standard writes."""
    final = out[-1]
    if not final.short or (keep_final and not final.tanwin):
        return
    if final.tanwin == "a" and std.tanwin_an:
        final.vowel, final.short = "an", False  # ṭabʻan
    elif final.tanwin == "i" and std.defective_tanwin and len(out) > 1 and out[-2].vowel == _LONG["a"]:
        final.vowel, final.short = "in", False  # qāḍin
    elif not (final.letter == HEH and len(out) > 1 and final.tanwin == ""):  # keep pronoun -hu/-hi
        final.vowel, final.short, final.tanwin = "", False, ""
        if final.nisba:
            out.pop()  # al-Miṣrī, not al-Miṣrīy


def _ta_marbuta(out: list[_Piece], std: Standard, construct: bool) -> None:
    table = _letters(std.name)
    for i, piece in enumerate(out):
        if piece.cons != "\0":
            continue
        if piece.vowel or i < len(out) - 1:
            piece.cons = "t"
        elif construct:
            piece.cons = std.ta_construct
        elif i and out[i - 1].vowel == _LONG["a"] and std.ta_after_alef is not None:
            piece.cons = std.ta_after_alef
        else:
            piece.cons = table.get(TEH_MARBUTA, "h")


def _join(out: list[_Piece], std: Standard) -> str:
    """Concatenate the pieces, separating letters that would read as a digraph."""
    parts: list[str] = []
    for i, piece in enumerate(out):
        if (
            std.digraph_sep
            and i
            and not out[i - 1].vowel
            and out[i - 1].cons[-1:].lower() in ("t", "d", "k", "s", "g")
            and piece.cons[:1].lower() == "h"
        ):
            parts.append(std.digraph_sep)  # Adʹham
        if (
            std.final_ah_sep
            and i == len(out) - 1
            and i
            and piece.letter == HEH
            and piece.cons == "h"
            and not piece.vowel
            and out[i - 1].vowel == "a"
        ):
            parts.append(std.final_ah_sep)  # Muntaza·h
        parts.append(piece.cons + piece.vowel)
    return "".join(parts)


def _render(units: list[_Unit], std: Standard, *, construct: bool, endings: Endings, keep_final: bool) -> str:
    """The Latin of a stem (no prefix, no article)."""
    out = _pieces(units, std)
    if not out:
        return ""
    if endings == "pausal":
        _pausal(out, std, keep_final)
    for piece in out:
        if piece.tanwin and piece.vowel in ("a", "i", "u"):
            piece.vowel += "n"
    _ta_marbuta(out, std, construct)
    return _join(out, std)


# -- segmentation ------------------------------------------------------------
def _is_article(units: list[_Unit], j: int) -> bool:
    """``units[j:]`` starts with the article ال / ٱل followed by two letters or more."""
    return (
        len(units) - j >= 4
        and units[j].letter in _ALEFS
        and units[j].vowel in ("", "a")
        and not units[j].tanwin
        and units[j + 1].letter == LAM
        and not units[j + 1].shadda
        and not units[j + 1].vowel
        and not units[j + 1].tanwin
        and _fold_key(_letters_of(units[j:])) not in _irregular()
    )


def _is_allah(units: list[_Unit], j: int) -> bool:
    rest = _letters_of(units[j:])
    return rest in ("\u0627\u0644\u0644\u0647", "\u0671\u0644\u0644\u0647")


#: Attached pronouns after bi-/li-: bi-hi, la-hum, la-nā (not -ī: lī, bī stay whole).
_PRONOUN_SUFFIXES = frozenset(
    {"\u0647", "\u0647\u0627", "\u0647\u0645", "\u0647\u0645\u0627", "\u0647\u0646", "\u0643",
     "\u0643\u0645", "\u0643\u0645\u0627", "\u0643\u0646", "\u0646\u0627"}
)
#: Unvocalized, و/ف + these are nouns as often as conjunction + pronoun: وهم wahm, فهم fahm.
_AMBIGUOUS_AFTER_CONJUNCTION = frozenset({"\u0647\u0645", "\u0647\u0646"})
_BEH, _KAF, _FEH = "\u0628", "\u0643", "\u0641"
_ALEF_HAMZAS = frozenset((ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_MADDA))


def _function_word_with_pronoun(letters: str) -> bool:
    """``letters`` is a function word + attached pronoun: maʻahu, ʻalayhim, baynahumā."""
    words = _function_words()
    for suffix in _PRONOUN_SUFFIXES:
        stem = letters[: -len(suffix)]
        if (
            len(letters) > len(suffix)
            and letters.endswith(suffix)
            and len(stem) >= 2
            and (stem in words or (stem.endswith(YEH) and stem[:-1] + ALEF_MAKSURA in words))
        ):
            return True
    return False


def _word_starts(units: list[_Unit], j: int, vocalized: bool, known: bool) -> bool:
    """``units[j:]`` reads as a word of its own after a prefix.

    The article or Allāh; a function word (``huwa``, ``lā``, ``mā``), whose
    first letter carries a vowel when the text is vocalized (so فَهْم, fahm,
    is not fa-hum), unless the name lexicon knew the whole word; or, in
    vocalized text, a word starting with hamza on alif (``anna``, ``idhā``).
    """
    if j >= len(units):
        return False
    if _is_article(units, j) or _is_allah(units, j):
        return True
    first = units[j]
    rest = _fold_key(_letters_of(units[j:]))
    if vocalized:
        voiced = first.letter in _ALEFS or (bool(first.vowel) and not first.sukun)
    else:
        voiced = rest not in _AMBIGUOUS_AFTER_CONJUNCTION
    if not known and voiced and (rest in _function_words() or _function_word_with_pronoun(rest)):
        return True
    return vocalized and first.letter in _ALEF_HAMZAS and len(units) - j >= 2


def _preposition_at(units: list[_Unit], j: int, vocalized: bool, known: bool) -> bool:
    """``units[j]`` is bi-, li- or ka- attached to the word that follows."""
    if len(units) - j < 2:
        return False
    u = units[j]
    if u.letter not in (_BEH, LAM, _KAF) or u.shadda or u.sukun or u.tanwin:
        return False
    allowed = {_BEH: ("", "i"), LAM: ("", "i", "a"), _KAF: ("", "a")}[u.letter]
    if u.vowel not in allowed:
        return False
    rest = _letters_of(units[j + 1:])
    if not known and u.letter != _KAF and rest in _PRONOUN_SUFFIXES:
        return True  # bi-hi, la-hum
    return _word_starts(units, j + 1, vocalized, known)


def _conjunction_at_start(units: list[_Unit], vocalized: bool, known: bool) -> bool:
    """``units`` start with the conjunction wa- or fa-.

    Before the article, Allāh, li- + article (لل), a preposition, a function
    word or a hamza-initial word (see :func:`_word_starts`); and in vocalized
    text before a form II verb (``wa-sallam``) or an imperfect verb
    (``wa-yakhruju``).  Heuristics: a noun whose root starts with w or f and
    looks like one of these is misread.
    """
    if len(units) <= 2 or units[0].letter not in (WAW, _FEH) or units[0].shadda or units[0].sukun:
        return False
    if units[0].vowel not in ("", "a") or units[0].tanwin:
        return False
    if known and not (_is_article(units, 1) or _is_allah(units, 1)):
        return False
    if _word_starts(units, 1, vocalized, known) or _preposition_at(units, 1, vocalized, known):
        return True
    if units[1].letter == LAM and units[2].letter == LAM and len(units) >= 5 and not units[1].shadda:
        return True  # wa + li + article: وللشعب
    if not vocalized or len(units) < 4 or units[0].vowel != "a":
        return False
    second, third = units[1], units[2]
    if second.letter == _BEH and second.vowel == "i" and not second.shadda:
        return True  # wa-bi- (not wa-li-: وَلِيد is Walīd)
    if second.vowel and not second.shadda and third.shadda and third.letter not in _VOWEL_LETTERS:
        return True  # form II verb: wa-sallam, fa-qaddama
    return (
        len(units) >= 5
        and second.letter in ("\u064a", "\u062a", "\u0646")
        and second.vowel in ("a", "u")
        and third.sukun
        and bool(units[3].vowel)
    )  # imperfect verb: wa-yakhruju, wa-nastaʻīnu


def _prefix_latin(u: _Unit, std: Standard) -> str:
    cons = _letters(std.name).get(u.letter, u.letter)
    default = "i" if u.letter in ("\u0628", LAM) else "a"
    return cons + (u.vowel or default)


def _capital(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha() and ch not in _APOSTROPHES and not unicodedata.category(ch).startswith("Lm"):
            return text[:i] + ch.upper() + text[i + 1:]
    return text


@functools.lru_cache(maxsize=65536)
def romanize_word(
    word: str,
    name: str = "ala-lc",
    *,
    construct: bool = False,
    endings: Endings = "pausal",
    capitalize: bool = False,
    initial: bool = True,
    vocalize: bool = True,
) -> str:
    """Romanize one Arabic word (letters and harakat only) under standard ``name``.

    Args:
        construct: the word is the first term of a construct (tāʾ marbūṭa -> t).
        endings: ``"pausal"`` drops final case vowels; ``"full"`` keeps them.
        capitalize: capitalize the word (a name or title word).
        initial: the word starts its line (for BGN/PCGN and UN ``Al``).
        vocalize: look unvocalized words up in the name lexicon.
    """
    std = standard(name)
    units = _parse(word)
    vocalized = any(u.marked for u in units)
    known = False  # the name lexicon knows the whole word
    if not vocalized and vocalize:
        spelling = _lexicon_spelling(_letters_of(units))
        if spelling is not None:
            units = _parse(spelling)
            vocalized = any(u.marked for u in units)
            known = True
    skeleton = _letters_of(units)
    # ʻAbd + divine name written as one word
    if len(units) >= 6 and skeleton.startswith("\u0639\u0628\u062f") and _is_article(units, 3):
        head = _romanize_units(units[:3], std, vocalized, False, endings, capitalize, initial, True, known)
        tail = _romanize_units(units[3:], std, vocalized, construct, endings, capitalize, False, vocalize, known)
        return head + " " + tail
    return _romanize_units(units, std, vocalized, construct, endings, capitalize, initial, vocalize, known)


def _romanize_units(
    units: list[_Unit], std: Standard, vocalized: bool, construct: bool, endings: Endings,
    capitalize: bool, initial: bool, vocalize: bool, known: bool,
) -> str:
    irregular = _irregular()
    prefixes: list[_Unit] = []
    i = 0
    whole = _fold_key(_letters_of(units))
    if whole not in irregular and (whole not in _function_words() or _is_article(units, 1)):
        # wa-/fa-, then bi-/ka-/li-
        if _conjunction_at_start(units, vocalized, known):
            prefixes.append(units[0])
            i = 1
        if _preposition_at(units, i, vocalized, known):
            prep = units[i]
            if prep.letter == LAM and not prep.vowel and _letters_of(units[i + 1:]) in _PRONOUN_SUFFIXES:
                prep = _Unit(LAM, "a")  # la-hum, la-hu
            prefixes.append(prep)
            i += 1
    article = False
    rest = units[i:]
    rest_letters = _letters_of(rest)
    if rest_letters == "\u0644\u0644\u0647" and not (prefixes and prefixes[-1].letter == LAM):
        return _join_allah([*prefixes, rest[0]], std, capitalize, initial)  # lillāh (لله)
    if _is_allah(rest, 0):
        return _join_allah(prefixes, std, capitalize, initial)
    if _fold_key(rest_letters) in irregular:
        rest = _parse(irregular[_fold_key(rest_letters)])
        vocalized = True
    elif not any(u.marked for u in rest) and rest_letters in _unvocalized_words():
        spelling = _unvocalized_words()[rest_letters]
        if prefixes and prefixes[-1].letter == _BEH and spelling[:1] == HEH:
            spelling = spelling.replace(DAMMA, KASRA)  # bihi, bihim
        rest = _parse(spelling)
        vocalized = True
    elif _is_article(rest, 0):
        article = True
        rest = rest[2:]
    elif (
        len(rest) >= 4
        and rest[0].letter == LAM
        and rest[1].letter == LAM
        and not rest[1].vowel
        and not rest[1].shadda
        and rest[0].vowel in ("", "i")
    ):
        # li + article with the alif dropped: لل
        prefixes.append(rest[0])
        article = True
        rest = rest[2:]
    if article and rest:
        stem_letters = _fold_key(_letters_of(rest))
        found: str | None = None
        if not vocalized and vocalize and not any(u.marked for u in rest):
            found = _lexicon_spelling(stem_letters)
        if found is not None:
            rest = _parse(found)
            vocalized = True
        elif stem_letters in irregular:
            rest = _parse(irregular[stem_letters])
        sun = rest[0].letter in SUN_LETTERS
        rest = list(rest)
        first = rest[0]
        rest[0] = _Unit(first.letter, first.vowel, first.tanwin, False, first.sukun, first.dagger, first.silent)
    else:
        sun = False
    stem_letters = _letters_of(rest)
    keep = stem_letters in _keep_final() or len(rest) == 1
    if std.ibn and stem_letters == "\u0628\u0646" and not prefixes and not article:
        rest = _parse(irregular["\u0627\u0628\u0646"])
    stem = _render(rest, std, construct=construct and not article, endings=endings, keep_final=keep)
    # the article and prefixes
    table = _letters(std.name)
    head = ""
    if article:
        cons = table.get(rest[0].letter, "l") if (sun and std.assimilate) else "l"
        # a digraph sun letter assimilates whole: ash-Sh
        if prefixes:
            *outer, last = prefixes
            head = "".join(_prefix_latin(p, std) + std.prefix_sep for p in outer)
            form = std.prefix_article.get(last.letter, "full")
            latin = _prefix_latin(last, std)
            if form == "contract":
                head += latin + cons + std.article_sep
            elif form == "elide":
                head += latin + std.prefix_sep + cons + std.article_sep
            else:
                head += latin + std.prefix_sep + "a" + cons + std.article_sep
        else:
            head = "a" + cons + std.article_sep
    elif prefixes:
        head = "".join(_prefix_latin(p, std) + std.prefix_sep for p in prefixes)
    if capitalize:
        if not (stem in std.lower_in_names and not (initial and not head)):
            stem = _capital(stem)
        if head and initial and std.capital_article:
            head = _capital(head)
    return unicodedata.normalize("NFC", head + stem)


def _join_allah(prefixes: list[_Unit], std: Standard, capitalize: bool, initial: bool) -> str:
    """Allāh and its prefixed forms: Allāh, lillāh, billāh, wa-Allāh."""
    allah = "All\u0101h"
    if not prefixes:
        return allah
    *outer, last = prefixes
    head = "".join(_prefix_latin(p, std) + std.prefix_sep for p in outer)
    latin = _prefix_latin(last, std)
    if last.letter in (LAM, "\u0628"):
        word = latin[:-1] + "ill\u0101h"  # lillāh, billāh
    else:
        word = latin + std.prefix_sep + allah
    out = head + word
    return _capital(out) if capitalize and initial else out


# -- ASCII folding -----------------------------------------------------------
#: ʿayn and hamza signs of every scheme (incl. HSB's ʿayn ς), folded per ``marks``.
_MARK_SIGNS = "\u02bb\u02bc\u02be\u02bf\u2018\u2019\u02c8\u02cc\u03c2"
#: Separators that only disambiguate digraphs (ALA-LC prime, BGN/PCGN middle dot).
_SEPARATORS = "\u02b9\u00b7"


@functools.cache
def _fold_table(marks: Marks) -> dict[int, str]:
    sign = "'" if marks == "apostrophe" else ""
    table = {ord(c): sign for c in _MARK_SIGNS}
    table.update({ord(c): "" for c in _SEPARATORS})
    return table


def fold_ascii(text: str, marks: Marks = "apostrophe") -> str:
    """Fold transliterated text to plain ASCII.

    ʿayn and hamza signs (``ʿ ʾ ʻ ʼ ‘ ’ ˈ ˌ``, HSB ``ς``) become ``'`` (or
    nothing with ``marks="drop"``); the ALA-LC prime and BGN/PCGN middle dot
    are dropped; everything else goes through ``unidecode`` (``ā`` -> ``a``,
    ``š`` -> ``s``, ``ḏ`` -> ``d``).

    >>> fold_ascii("ʻAbd al-Raḥmān")
    "'Abd al-Rahman"
    >>> fold_ascii("ʻAbd al-Raḥmān", marks="drop")
    'Abd al-Rahman'
    """
    if marks not in ("apostrophe", "drop"):
        raise ArnormError(f"marks must be 'apostrophe' or 'drop', not {marks!r}")
    if text.isascii():
        return text
    return unidecode(text.translate(_fold_table(marks)))


# -- text --------------------------------------------------------------------
#: A word that starts with a conjunction or preposition + article: it cannot be
#: the second term of a construct (Al Ḩarajah bil Qurʾān, madrasah wa-al-...).
_PREPOSITION_PHRASE = regex.compile(
    "^(?:[\u0648\u0641](?:[\u0628\u0643]?\u0627\u0644|\u0644\u0644)|[\u0628\u0643]\u0627\u0644|\u0644\u0644)"
)
_HORIZONTAL_SPACE = regex.compile(r"[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def _line(
    line: str, std: Standard, capitalize: Capitalize, construct: Construct, endings: Endings, vocalize: bool,
    marks: Marks | None,
) -> str:
    pattern = _word_pattern(std.name)
    matches = list(pattern.finditer(line))
    if not matches:
        return line.translate(_PUNCTUATION)
    parts: list[str] = []
    pos = 0
    not_construct = _not_construct_before()
    for idx, m in enumerate(matches):
        parts.append(line[pos:m.start()].translate(_PUNCTUATION))
        word = m.group()
        is_construct = False
        if construct == "auto" and idx + 1 < len(matches):
            nxt = matches[idx + 1]
            gap = line[m.end():nxt.start()]
            skeleton = _skeleton(word)
            if (
                skeleton.endswith(TEH_MARBUTA)
                and _HORIZONTAL_SPACE.fullmatch(gap)
                and _skeleton(nxt.group()) not in not_construct
                and not _PREPOSITION_PHRASE.match(_skeleton(nxt.group()))
                and not any(c in word for c in (FATHATAN, DAMMATAN, KASRATAN))
            ):
                is_construct = True
        # Only the first match can have nothing but spaces before it (slicing the whole
        # prefix for every word made a long line quadratic).
        first = idx == 0 and not line[: m.start()].strip()
        latin = romanize_word(
            word,
            std.name,
            construct=is_construct,
            endings=endings,
            capitalize=capitalize == "words" or (capitalize == "first" and first),
            initial=first,
            vocalize=vocalize,
        )
        parts.append(latin if marks is None else fold_ascii(latin, marks))
        pos = m.end()
    parts.append(line[pos:].translate(_PUNCTUATION))
    return "".join(parts)


_ARABIC = regex.compile("[\u0600-\u06ff]")


def romanize(
    text: str,
    standard_name: str = "ala-lc",
    *,
    capitalize: Capitalize = "none",
    construct: Construct = "auto",
    endings: Endings = "pausal",
    vocalize: bool = True,
    ascii: bool = False,
    marks: Marks = "apostrophe",
) -> str:
    """Romanize the Arabic words of ``text`` under a standard; the rest is unchanged.

    >>> romanize("وِزَارَةُ التَّرْبِيَةِ", "ala-lc", capitalize="words")
    'Wizārat al-Tarbiyah'
    >>> romanize("الشَّمْسُ", "din-31635")
    'aš-šams'

    Args:
        text: any text; it is processed line by line.
        standard_name: ``ala-lc``, ``din-31635``, ``iso-233``, ``ungegn`` or ``bgn-pcgn``.
        capitalize: ``none``, ``first`` (first word of each line) or ``words``.
        construct: ``auto`` detects construct tāʾ marbūṭa (-t); ``never`` always
            writes the pausal form (use it for lists of names).
        endings: ``pausal`` (no case endings) or ``full``.
        vocalize: supply vowels for unvocalized words from the name lexicon.
        ascii: fold each romanized word to ASCII (:func:`fold_ascii`).
        marks: with ``ascii``: ʿayn/hamza signs become ``'`` or are dropped.

    Raises:
        UnknownSchemeError: an unknown standard.
    """
    std = standard(standard_name)
    if not _ARABIC.search(text):
        return text
    return "".join(
        _line(line, std, capitalize, construct, endings, vocalize, marks if ascii else None)
        for line in text.splitlines(keepends=True)
    )
