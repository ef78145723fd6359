"""The ``uthmani`` stage: Quranic (Uthmani) spelling to standard spelling."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import arnorm
from arnorm.offsets import normalize_with_offsets
from arnorm.stages.uthmani import uthmani, uthmani_to_standard

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

SEARCH = arnorm.preset("search")
DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "quran_uthmani_standard_dev.tsv"

# Facts of Uthmani vs standard spelling.  Source of each Uthmani form: the
# Tanzil Uthmani text (../shared/corpus/quran_uthmani.txt, King Fahd Complex
# conventions); of each standard form: Tanzil's simple-clean text and the
# standard hamza-writing rules (medial hamza on the seat of the stronger of
# its own vowel and the one before: kasra > damma > fatha; final hamza on the
# seat of the preceding vowel, on the line after a sukun or long vowel).
CASES = [
    ("يَسْـَٔلُونَكَ", "يَسْأَلُونَكَ"),  # hamza on tatweel; sukun + fatha -> alef seat
    ("شَيْـًٔا", "شَيْئًا"),  # final hamza before the alef of tanwin after a joining letter -> yeh seat
    ("يَتَّكِـُٔونَ", "يَتَّكِئُونَ"),  # kasra before -> yeh seat (not يتكون "is formed")
    ("سَيِّـَٔاتِ", "سَيِّئَاتِ"),
    ("ٱلْكِتَٰبُ", "الْكِتَابُ"),  # dagger alef read as alef; alef wasla -> alef
    ("ٱلسَّمَٰوَٰتِ", "السَّمَاوَاتِ"),
    ("ٱلْعَٰلَمِينَ", "الْعَالَمِينَ"),
    ("هَٰذَا", "هَذَا"),  # closed list: standard spelling has no alef
    ("ذَٰلِكَ", "ذَلِكَ"),
    ("ٱلرَّحْمَٰنِ", "الرَّحْمَنِ"),
    ("أُو۟لَٰٓئِكَ", "أُولَئِكَ"),
    ("هَٰٓؤُلَآءِ", "هَؤُلَاءِ"),
    ("لَٰكِنَّ", "لَكِنَّ"),
    ("ءَامَنُوا۟", "آمَنُوا"),  # hamza-fatha + alef = madda
    ("ٱلْقُرْءَانُ", "الْقُرْآنُ"),
    ("لِءَايَٰتِنَا", "لِآيَاتِنَا"),  # after a proclitic the hamza begins the stem
    ("يَٰٓأَيُّهَا", "يَا أَيُّهَا"),  # vocative split from its noun
    ("يَٰقَوْمِ", "يَا قَوْمِ"),
    ("ٱلصَّلَوٰةَ", "الصَّلَاةَ"),  # waw with dagger alef is an alef
    ("ٱلْحَيَوٰةِ", "الْحَيَاةِ"),
    ("ٱلَّيْلِ", "اللَّيْلِ"),  # the article's lam before lam
    ("ٱلَّذِينَ", "الَّذِينَ"),  # ... except the relative pronouns
    ("بِهِۦ", "بِهِ"),  # small yeh after the pronoun: lengthening, not written
    ("إِنَّهُۥ", "إِنَّهُ"),
    ("دَاوُۥدَ", "دَاوُودَ"),  # small waw inside a word is the letter
    ("عَلَىٰ", "عَلَى"),
    ("شَىْءٍ", "شَيْءٍ"),  # dotless yeh with sukun is yeh
    ("رَءَا", "رَأَى"),
    ("لِّـَٔلَّا", "لِّئَلَّا"),
]


# The stage reads a line as Uthmani when it holds alef wasla, dagger alef,
# combining hamza above, small waw/yeh or the rounded zero; each case is put
# on a line beside the word ٱللَّهُ so that words without one are rewritten too.
ALLAH = " \u0671\u0644\u0644\u0651\u064e\u0647\u064f"
ALLAH_STANDARD = " \u0627\u0644\u0644\u0651\u064e\u0647\u064f"


@pytest.mark.parametrize(("uthmani_word", "standard"), CASES)
def test_uthmani_word(uthmani_word: str, standard: str) -> None:
    assert uthmani_to_standard(uthmani_word + ALLAH) == standard + ALLAH_STANDARD


@pytest.mark.parametrize(("uthmani_word", "standard"), CASES)
def test_search_meets_standard(uthmani_word: str, standard: str) -> None:
    assert SEARCH(uthmani_word + ALLAH) == SEARCH(standard + " الله")


def test_lines_without_uthmani_code_points_untouched() -> None:
    # شَىْءٍ alone is no evidence of Uthmani spelling: the line is left as it is.
    assert uthmani_to_standard("فِى شَىْءٍ\nشَىْءٍ" + ALLAH) == "فِى شَىْءٍ\nشَيْءٍ" + ALLAH_STANDARD
    # ... but the Uthmani madda ءَا is evidence of its own (ءَالَآءِ -> آلَاءِ).
    assert uthmani_to_standard("فَبِأَىِّ ءَالَآءِ") == "فَبِأَيِّ آلَاءِ"


def test_verse_keeps_spaces_and_untouched_words() -> None:
    verse = "ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ هُدًى لِّلْمُتَّقِينَ"
    # A pause mark standing between spaces is a sign of its own: kept (search deletes it).
    assert uthmani_to_standard(verse) == "ذَلِكَ الْكِتَابُ لَا رَيْبَ ۛ فِيهِ ۛ هُدًى لِّلْمُتَّقِينَ"


_ARABIC_WORD = st.text(st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئةى"), min_size=1, max_size=8)
_HARAKAT = st.text(st.sampled_from("\u064e\u064f\u0650\u0652\u0651"), max_size=1)


@given(st.lists(st.tuples(st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئةى"), _HARAKAT), max_size=8))
@example([("\u0621", "\u064e"), ("\u0627", "")])
def test_idempotent(clusters: list[tuple[str, str]]) -> None:
    text = "".join(a + b for a, b in clusters) + " ٱلْكِتَٰبُ"
    once = uthmani_to_standard(text)
    assert uthmani_to_standard(once) == once


@given(st.text(st.sampled_from("\u0621\u0654\u0670\u0671\u06df\u06e5\u064e\u064f\u0650\u0652\u08d3\u0628 "), max_size=8))
@example("\u0654\u08d3\u06df")  # found by hypothesis: a lone hamza above became ء, then أ
def test_idempotent_on_bare_marks(text: str) -> None:
    # Marks without a base letter: a bare hamza opening a word (no vowel) stays ء
    # (it has no vowel by which the standard rules would seat it).
    once = uthmani_to_standard(text)
    assert uthmani_to_standard(once) == once


@given(st.lists(_ARABIC_WORD, min_size=1, max_size=6))
def test_search_of_standard_words_unchanged(words: list[str]) -> None:
    # Standard, unvocalized words carry no Uthmani feature except a word-initial
    # hamza on the line: search(uthmani(x)) == search(x).
    text = " ".join(w for w in words if not w.startswith("\u0621"))
    assert SEARCH(uthmani_to_standard(text)) == SEARCH(text)


def test_unvocalized_standard_text_untouched() -> None:
    text = "مسؤول شؤون جزءا هيئة سماء شيء قرأ يقرؤون رؤوف مسئول"
    assert uthmani_to_standard(text) == text


def test_offsets_word_exact() -> None:
    text = "قال ٱللَّهُ يَٰٓأَيُّهَا ٱلنَّاسُ"
    out, alignment = normalize_with_offsets(uthmani(), text)
    assert out == "قال اللَّهُ يَا أَيُّهَا النَّاسُ"
    start = out.index("أَيُّهَا")
    o0, o1 = alignment.to_original(start, start + len("أَيُّهَا"))
    assert text[o0:o1] == "يَٰٓأَيُّهَا"
    o0, o1 = alignment.to_original(0, 3)
    assert text[o0:o1] == "قال"


def test_line_breaks_kept() -> None:
    text = "ٱلْكِتَٰبُ\nهَٰذَا\r\nشَيْـًٔا"
    assert uthmani_to_standard(text).splitlines() == ["الْكِتَابُ", "هَذَا", "شَيْئًا"]


@pytest.mark.slow
def test_dev_verses_word_match() -> None:
    if not DEV.exists():
        pytest.skip("shared data not available")
    from quran_match import read_pairs, score

    assert score(SEARCH, read_pairs(DEV)) >= 0.98


def test_nfc_composed_prolongation_maddah() -> None:
    # Uthmani text that went through NFC has U+0622 for alef + maddah of
    # prolongation (جَآءَ); inside an Uthmani word it is a plain long alef.
    decomposed = "\u0647\u064e\u0670\u0653\u0624\u064f\u0644\u064e\u0627\u0653\u0621\u0650"
    composed = "\u0647\u064e\u0670\u0653\u0624\u064f\u0644\u064e\u0622\u0621\u0650"
    assert uthmani_to_standard(decomposed) == uthmani_to_standard(composed) == "هَؤُلَاءِ"


def test_final_dotless_yeh_after_kasra_is_yeh() -> None:
    # Uthmani writes final yeh without dots (فِى، رَبِّى); standard spelling dots it (Tanzil simple: في، ربي).
    line = "\u0641\u0650\u0649 \u0631\u064e\u0628\u0651\u0650\u0649" + ALLAH
    assert uthmani_to_standard(line).split()[:2] == ["\u0641\u0650\u064a", "\u0631\u064e\u0628\u0651\u0650\u064a"]
