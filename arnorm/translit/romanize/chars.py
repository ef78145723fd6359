"""Code points and letter classes the romanizer reads (facts of Unicode, not of a standard)."""

from __future__ import annotations

HAMZA = "\u0621"
ALEF_MADDA = "\u0622"
ALEF_HAMZA_ABOVE = "\u0623"
WAW_HAMZA = "\u0624"
ALEF_HAMZA_BELOW = "\u0625"
YEH_HAMZA = "\u0626"
ALEF = "\u0627"
BEH = "\u0628"
TEH_MARBUTA = "\u0629"
TEH = "\u062a"
FEH = "\u0641"
KAF = "\u0643"
LAM = "\u0644"
NOON = "\u0646"
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

#: Short-vowel signs and the vowel they write.
VOWELS = {FATHA: "a", DAMMA: "u", KASRA: "i"}
#: Tanwin signs and the vowel they carry.
TANWIN = {FATHATAN: "a", DAMMATAN: "u", KASRATAN: "i"}
#: Short vowel -> long vowel.
LONG = {"a": "\u0101", "i": "\u012b", "u": "\u016b"}
HAMZAS = frozenset((HAMZA, ALEF_HAMZA_ABOVE, WAW_HAMZA, ALEF_HAMZA_BELOW, YEH_HAMZA))
ALEFS = frozenset((ALEF, ALEF_WASLA))
ALEF_HAMZAS = frozenset((ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_MADDA))
VOWEL_LETTERS = frozenset((ALEF, WAW, YEH, ALEF_MAKSURA, ALEF_MADDA, ALEF_WASLA, SMALL_WAW, SMALL_YEH))
#: Sun letters: the article's lam assimilates to them.
SUN_LETTERS = frozenset("\u062a\u062b\u062f\u0630\u0631\u0632\u0633\u0634\u0635\u0636\u0637\u0638\u0644\u0646")
#: Letters the engine always handles (vowel seats, hamza forms, tāʾ marbūṭa).
STRUCTURAL = frozenset(HAMZAS | VOWEL_LETTERS | {TEH_MARBUTA})
#: Harakat and Quranic signs read (or dropped) as part of a word, as a regex class body.
MARKS = "\u0640\u064b-\u0655\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
MARK_RANGES = (
    (0x0640, 0x0640), (0x064B, 0x0655), (0x0670, 0x0670), (0x06D6, 0x06DC),
    (0x06DF, 0x06E4), (0x06E7, 0x06E8), (0x06EA, 0x06ED),
)
MARK_CHARS = frozenset(chr(cp) for lo, hi in MARK_RANGES for cp in range(lo, hi + 1))
_DELETE_MARKS = {ord(c): None for c in MARK_CHARS}
#: Arabic comma, semicolon and question mark -> ASCII.
PUNCTUATION = str.maketrans({"\u060c": ",", "\u061b": ";", "\u061f": "?"})
#: Letter variants that are one letter for matching a lexicon spelling to a word.
_FOLD = str.maketrans({ALEF_HAMZA_ABOVE: ALEF, ALEF_HAMZA_BELOW: ALEF, ALEF_MADDA: ALEF,
                       ALEF_WASLA: ALEF, ALEF_MAKSURA: YEH, TEH_MARBUTA: HEH,
                       WAW_HAMZA: WAW, YEH_HAMZA: YEH})


def skeleton(word: str) -> str:
    """The letters of ``word`` without harakat, tatweel or Quranic signs."""
    return word.translate(_DELETE_MARKS)


def fold_letters(letters: str) -> str:
    """``letters`` with hamza seats, alif variants, ى and ة folded (for comparing spellings)."""
    return letters.translate(_FOLD)


def fold_key(letters: str) -> str:
    """A word-list key: alef wasla written as bare alef."""
    return letters.replace(ALEF_WASLA, ALEF)
