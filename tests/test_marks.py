"""``clean`` keeps letters and puts marks in one order; ``ml`` folds wasla and Persian forms."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

import arnorm
from arnorm.stages.marks import canonical_marks

CLEAN, ML = arnorm.preset("clean"), arnorm.preset("ml")
PRESENTATION = arnorm.Pipeline(["presentation_forms"])
BLOCKS = [*range(0x0600, 0x0700), *range(0x0750, 0x0780), *range(0x08A0, 0x0900), *range(0xFB50, 0xFE00),
          *range(0xFE70, 0xFF00)]
CLASSES = {"\u064b": 0, "\u064c": 0, "\u064d": 0, "\u064e": 1, "\u064f": 1, "\u0650": 1, "\u0651": 2, "\u0652": 3}
vocalized = st.text(st.sampled_from("بتسكرمها ى\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\n"), max_size=30)


def bases(text: str) -> list[str]:
    """The base letters of ``text`` (tatweel is not a letter)."""
    return [c for c in text if c.isalpha() and c != "\u0640"]


def stacked(text: str) -> bool:
    """Whether some letter of ``text`` carries two marks of one class."""
    seen: set[int] = set()
    for char in text:
        if char in CLASSES:
            if CLASSES[char] in seen:
                return True
            seen.add(CLASSES[char])
        else:
            seen = set()
    return False


@given(vocalized)
@example("شكراً")
@example("\u0628\u064e\u064e\u0651\u0651")
@example("\u0627\u0627\u064b\u064e\u0627")
@example("\u0644\u0627\u064b\u064b")
def test_clean_never_changes_a_letter_nor_stacks_marks(text: str) -> None:
    out = CLEAN(text)
    assert bases(out) == bases(PRESENTATION(text))
    assert not stacked(out)
    assert CLEAN(out) == out
    assert canonical_marks(canonical_marks(text)) == canonical_marks(text)


def test_clean_keeps_every_letter_of_the_arabic_blocks() -> None:
    # Exhaustive: whatever the character, clean never deletes or changes a letter.
    for cp in BLOCKS:
        text = "\u0628" + chr(cp) + "\u064e\u0628 " + chr(cp)
        assert bases(CLEAN(text)) == bases(PRESENTATION(text)), hex(cp)


def test_tanwin_before_or_after_alef_meet() -> None:
    # The fathatan of the accusative belongs to the letter before the alef, which is only its seat
    # (Tanzil/King Fahd Complex spelling: هُدًى، شَيْئًا); شكراً and شكرًا are one word.
    assert CLEAN("شكر\u0627\u064b") == CLEAN("شكر\u064b\u0627") == "شكر\u064b\u0627"
    assert CLEAN("هد\u0649\u064b") == "هد\u064b\u0649"
    # A fatha already on the letter is the same vowel: it becomes the fathatan.
    assert CLEAN("شكر\u064e\u0627\u064b") == "شكر\u064b\u0627"


def test_shadda_and_vowel_in_canonical_order() -> None:
    # Unicode canonical combining classes: fatha 30 < shadda 33 (UnicodeData.txt), as NFC orders them.
    assert CLEAN("\u0634\u062f\u0651\u064e") == CLEAN("\u0634\u062f\u064e\u0651") == "\u0634\u062f\u064e\u0651"


def test_ml_folds_wasla_and_persian_forms_in_arabic_lines_only() -> None:
    assert ML("\u0671\u0644\u0643\u062a\u0627\u0628") == "الكتاب"
    assert ML("الکتاب العربی") == "الكتاب العربي"  # Arabic typed on a Persian keyboard
    assert ML("کتاب پدر") == "کتاب پدر"  # a Persian line (پ) keeps its letters
    assert ML("الکتاب\nکتاب پدر") == "الكتاب\nکتاب پدر"


@given(vocalized)
def test_marks_and_farsi_offsets_are_exact(text: str) -> None:
    from arnorm.offsets import normalize_with_offsets

    for spec in ("marks", "farsi(lines=arabic)", "alef(which=wasla)"):
        stage = arnorm.Pipeline([spec])
        out, alignment = normalize_with_offsets(stage, text + " کتاب")
        assert out == stage(text + " کتاب")
        assert alignment.to_original(0, len(out)) == (0, len(text) + 5)
        assert stage(out) == out
