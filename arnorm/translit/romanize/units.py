"""Parsing a word into units: one letter and the signs on it."""

from __future__ import annotations

from dataclasses import dataclass

from .chars import (
    ALEF,
    ALEF_HAMZA_ABOVE,
    ALEF_HAMZA_BELOW,
    ALEF_MAKSURA,
    DAGGER_ALEF,
    HAMZA,
    HAMZA_ABOVE,
    HAMZA_BELOW,
    MADDAH,
    MARK_CHARS,
    SHADDA,
    SILENT_MARKS,
    SMALL_WAW,
    SMALL_YEH,
    SUKUN,
    TANWIN,
    TATWEEL,
    VOWELS,
    WAW,
    WAW_HAMZA,
    YEH,
    YEH_HAMZA,
)

__all__ = ["Unit", "letters_of", "parse"]


@dataclass(slots=True)
class Unit:
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
        """The letter carries a vowel, tanwin, sukun or dagger alef."""
        return bool(self.vowel or self.tanwin or self.sukun or self.dagger)


def _hamza_sign(units: list[Unit], ch: str) -> None:
    """A combining hamza: it makes its seat a hamza letter, or stands alone."""
    last = units[-1] if units else None
    if last is not None and not last.marked and last.letter in (ALEF, WAW, YEH, ALEF_MAKSURA):
        if last.letter == ALEF:
            last.letter = ALEF_HAMZA_ABOVE if ch == HAMZA_ABOVE else ALEF_HAMZA_BELOW
        else:
            last.letter = WAW_HAMZA if last.letter == WAW else YEH_HAMZA
    else:
        units.append(Unit(HAMZA))


def _sign(last: Unit, ch: str) -> None:
    """Put the sign ``ch`` on the unit ``last``."""
    if ch in VOWELS:
        last.vowel = VOWELS[ch]
    elif ch in TANWIN:
        last.tanwin = TANWIN[ch]
    elif ch == SHADDA:
        last.shadda = True
    elif ch == SUKUN:
        last.sukun = True
    elif ch == DAGGER_ALEF:
        last.dagger = True
    elif ch in SILENT_MARKS:
        last.silent = True
    elif ch == MADDAH and last.letter == ALEF:
        # a decomposed alif + maddah is the Uthmani madd sign: a long ā, no
        # hamza (hamza + ā is written with the precomposed U+0622)
        last.dagger = True


def parse(word: str) -> list[Unit]:
    """The units of ``word`` (letters and harakat); other Quranic signs are dropped.

    ى carrying a vowel, sukun or shadda is read as the consonant ي (older and
    Quranic spelling writes final ya without dots: شَىْءٍ shayʼ, إِلَىَّ ilayya);
    bare or with dagger alif it stays alif maqṣūra.
    """
    units: list[Unit] = []
    for ch in word:
        if ch in (HAMZA_ABOVE, HAMZA_BELOW):
            _hamza_sign(units, ch)
        elif ch == SMALL_WAW:
            units.append(Unit(WAW))
        elif ch == SMALL_YEH:
            units.append(Unit(YEH))
        elif ch in MARK_CHARS or ch == TATWEEL:
            if units:
                _sign(units[-1], ch)
        else:
            units.append(Unit(ch))
    for u in units:
        if u.letter == ALEF_MAKSURA and (u.vowel or u.sukun or u.shadda):
            u.letter = YEH  # a dotless ya with a vowel, sukun or shadda is the consonant y: شَىْءٍ, هِىَ
    return units


def letters_of(units: list[Unit]) -> str:
    """The letters of ``units``, without signs."""
    return "".join([u.letter for u in units])
