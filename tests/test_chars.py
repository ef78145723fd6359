"""arnorm.chars: each shared class checked over every code point against the
Unicode Character Database of the running Python (unicodedata)."""

from __future__ import annotations

import sys
import unicodedata

import regex

from arnorm.chars import (
    ARABIC_LETTERS,
    ARABIC_MARKS,
    DAGGER_ALEF,
    HARAKAT,
    LINE_BREAKS,
    SHADDA,
    SUKUN,
    TANWIN,
    TATWEEL,
    char_class,
)

ARABIC_BLOCK = range(0x0600, 0x0700)


def test_line_breaks_are_exactly_what_splitlines_breaks_at() -> None:
    # Python docs, str.splitlines: the ten line boundaries (CR LF counts as one).
    breaks = {chr(c) for c in range(sys.maxunicode + 1) if len(f"a{chr(c)}b".splitlines()) == 2}
    assert breaks == set(LINE_BREAKS)
    assert len(LINE_BREAKS) == len(set(LINE_BREAKS)) == 10 and LINE_BREAKS[0] == "\n"


def test_arabic_marks_are_every_nonspacing_mark_of_the_arabic_block() -> None:
    marks = {chr(c) for c in ARABIC_BLOCK if unicodedata.category(chr(c)) == "Mn"}
    assert char_class(ARABIC_MARKS) == marks
    # the class body is usable as a regex class as written
    assert {c for c in map(chr, ARABIC_BLOCK) if regex.fullmatch(f"[{ARABIC_MARKS}]", c)} == marks


def test_harakat_and_their_parts() -> None:
    # Unicode code chart U+0600-U+06FF: U+064B FATHATAN ... U+0652 SUKUN, all Mn.
    assert HARAKAT == "".join(map(chr, range(0x064B, 0x0653)))
    assert [unicodedata.name(c) for c in TANWIN] == ["ARABIC FATHATAN", "ARABIC DAMMATAN", "ARABIC KASRATAN"]
    assert unicodedata.name(SHADDA) == "ARABIC SHADDA" and unicodedata.name(SUKUN) == "ARABIC SUKUN"
    assert unicodedata.name(DAGGER_ALEF) == "ARABIC LETTER SUPERSCRIPT ALEF"
    assert set(HARAKAT + DAGGER_ALEF) <= char_class(ARABIC_MARKS)


def test_tatweel_is_a_modifier_letter_not_a_mark() -> None:
    # STYLE.md, facts measured: tatweel U+0640 is category Lm (not Mn).
    assert unicodedata.category(TATWEEL) == "Lm" and TATWEEL not in char_class(ARABIC_MARKS)


def test_arabic_letters_are_the_alphabet() -> None:
    assert len(ARABIC_LETTERS) == 36 and TATWEEL not in ARABIC_LETTERS
    assert all(unicodedata.category(c) == "Lo" and unicodedata.name(c).startswith("ARABIC LETTER") for c in ARABIC_LETTERS)
    letters_in_range = {
        chr(c) for c in range(0x0621, 0x064B) if unicodedata.category(chr(c)) == "Lo" and chr(c) != TATWEEL
    }
    # U+063B-U+063F are later additions (Keheh with dots, Farsi yeh variants), not the alphabet.
    assert set(ARABIC_LETTERS) == letters_in_range - {chr(c) for c in range(0x063B, 0x0640)}


def test_char_class_reads_ranges_and_single_characters() -> None:
    assert char_class("a-cx") == frozenset("abcx")
    assert char_class("") == frozenset()
    assert char_class("-a") == frozenset("-a")
