"""Romanization of vocalized Arabic under a named standard.

Five standards, each a letter table plus a record of rule switches
(:class:`Standard`), both in ``arnorm/data/translit_romanize.json``: a new
standard that combines the existing rules is a data change.  The facts come from
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
* **Tanwin**: dropped, except that ALA-LC, DIN 31635 and ISO 233-2 write
  fathatan ``-an`` (ALA-LC ``ṭabʻan``, ``fajʼatan``; ISO ``ayḍan``), and
  ALA-LC writes ``-in``/``-an`` on defective nouns of the pattern fāʻin
  (``qāḍin``) and before ى (``maʻnan``).
* **Dotless ya**: ى carrying a vowel, sukun or shadda is the consonant y
  (``شَىْءٍ`` shayʼ, ``هِىَ`` hiya, ``إِلَىَّ`` ilayya); bare or with dagger
  alif it is alif maqṣūra.
* **Case endings** (``endings="pausal"``, the default): the final short vowel
  of a noun is dropped, except on particles, pronouns, demonstratives and
  separable prepositions (a word list in ``translit_words.json``), on the
  attached pronouns ``-hu/-hi`` (after a vowel, a diphthong, a function word,
  a jussive or imperative, the perfect's ``-at``; a ه after a consonant is
  a root letter: ``al-wajh``) and ``-ya`` after ``ay`` (``ilayya``);
  ``endings="full"`` writes every vowel.
* **Verb endings**: where the standard writes them (the record's
  ``verb_endings``, true for all five: ALA-LC rule 13 ``qāla``, ``yajibu``;
  ISO 233-2 4.1.1 omits only the vowels of nominal inflection; DIN 31635
  allows the context form; UN and BGN/PCGN romanize the pointed form) a verb
  keeps its final vowel, except in pause: before punctuation, or at the end
  of a line of two words or more (``ṣallá Allāh ʻalayhi wa-sallam``, ISO's
  ``Saʾal``); a word alone is its citation form.  Arabic script does not
  mark verbs: a vocalized stem is a verb when its vocalization has the shape
  of a finite verb (forms I-X,
  perfect and imperfect; the templates and the shapes left out are in
  :mod:`.verbs`).  ``endings`` governs nouns only.
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
  hamza-initial word (``bi-anna``) or hamzat al-waṣl (``fa-ishtará``), wa-
  before bi- (``wa-bi-ḥaqq``), a verb (``wa-sallama``, ``wa-qāla``,
  ``wa-yakhruju``) or a word in m- (``wa-muslim``), bi-/li- before a noun in
  the genitive (``bi-dafʻ``; not the pattern fiʻāl: ``bilād``), li- before an
  imperfect (``li-yaktuba``) and the future sa- (``sa-yakūnu``).  A vocalized
  function word must carry its own vowel (فَهْم is ``fahm``, فَهُمْ is
  ``fa-hum``); unvocalized و/ف + هم/هن is left whole (wahm or wa-hum?); a
  word the name lexicon knows is never split (``Walīd``).
* **Hamza and ʿayn** signs per table; initial hamza (also after a prefix or
  the article) is not written; initial madda alif is ``ā``.
* **Allāh**: ``Allāh``, ``lillāh``, ``billāh``, ``bismillāh``; ``ʻAbd Allāh``
  also when written as one word (``عبدالله``).
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

Known limits: verb detection is by shape (an accusative noun in construct of
a verb's shape, ``ʻamala``, reads as a verb; the 1st-person imperfect and
the hollow ``yabīʻu`` read as nouns); ``wa-``/``fa-`` before a bare noun are
not split (``waqaḍīyah``), nor are bi-/li- before a diptote (``likhuzāʻah``);
ALA-LC's pausal pronoun at a phrase end (``wa-ʻaṣruh``) and its ``lā-``
compounds (``lā-silkī``) are not produced; nisba and construct detection are
heuristics; the output is NFC.

Modules: :mod:`.chars` (code points), :mod:`.standards` (the records),
:mod:`.words` (word lists), :mod:`.lexicon` (the name-lexicon bridge),
:mod:`.units` (parsing), :mod:`.segment` (prefixes and the article),
:mod:`.render` (a stem to Latin), :mod:`.word` (one word), :mod:`.text` (the
line driver), :mod:`.verbs` (verb shapes), :mod:`.fold` (ASCII folding).
"""

from __future__ import annotations

from .fold import Marks, fold_ascii
from .render import Endings
from .standards import STANDARDS, Standard, standard
from .text import Capitalize, Construct, romanize
from .word import romanize_word

__all__ = [
    "STANDARDS",
    "Capitalize",
    "Construct",
    "Endings",
    "Marks",
    "Standard",
    "fold_ascii",
    "romanize",
    "romanize_word",
    "standard",
]
