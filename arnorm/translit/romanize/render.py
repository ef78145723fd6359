"""Rendering a stem (no prefix, no article) into Latin: pieces, pause, tāʾ marbūṭa, digraphs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .chars import (
    ALEF_HAMZA_ABOVE,
    ALEF_HAMZA_BELOW,
    ALEF_MADDA,
    ALEF_MAKSURA,
    ALEF_WASLA,
    ALEFS,
    HAMZA,
    HAMZAS,
    HEH,
    LAM,
    LONG,
    TEH_MARBUTA,
    VOWEL_LETTERS,
    WAW,
    YEH,
)
from .standards import Standard, letters
from .units import Unit

__all__ = ["Endings", "render"]

Endings = Literal["pausal", "full"]


@dataclass(slots=True)
class Piece:
    """The Latin of one unit: a consonant and the vowel after it."""

    cons: str
    vowel: str = ""
    short: bool = False  # vowel comes from a short-vowel or tanwin sign
    tanwin: str = ""
    letter: str = ""
    nisba: bool = False  # the y of a medial -īy-, dropped again if the word ends there


def _lengthen(out: list[Piece], long: str) -> None:
    """Make the vowel of the last piece long (a long-vowel letter follows it)."""
    if out:
        out[-1].vowel, out[-1].short = long, False
    else:
        out.append(Piece("", long))


def _vowel_piece(u: Unit) -> Piece:
    """A piece with the vowel that ``u``'s signs give (no consonant yet)."""
    piece = Piece("", letter=u.letter)
    if u.tanwin:
        piece.vowel, piece.short, piece.tanwin = u.tanwin, True, u.tanwin
    elif u.dagger:
        piece.vowel = LONG["a"]
    elif u.vowel:
        piece.vowel, piece.short = u.vowel, True
    return piece


def _read_alef(out: list[Piece], units: list[Unit], k: int) -> None:
    u, prev = units[k], units[k - 1] if k else None
    nxt = units[k + 1] if k + 1 < len(units) else None
    if k == 0:
        piece = _vowel_piece(u)
        if not piece.vowel:
            # a wasla, or a bare alif before sukun, is hamzat al-waṣl: i- before a
            # consonant cluster (ٱهْدِنَا ihdinā, اجْتَمَعَ ijtamaʻa, اتِّحَاد ittiḥād), a- before
            # the lam of the article or a relative pronoun (ٱلَّذِي alladhī)
            cluster = nxt is not None and nxt.letter != LAM and (u.letter == ALEF_WASLA or nxt.sukun or nxt.shadda)
            piece.vowel = "i" if cluster else "a"
        out.append(piece)
    elif u.letter == ALEF_WASLA or prev is None or prev.tanwin == "a":
        return  # wasla inside a phrase; the seat of fathatan
    elif k == len(units) - 1 and prev.letter == WAW and out and out[-1].vowel != "a":
        return  # orthographic alif after plural -ū (faʻalū)
    elif prev.vowel in ("i", "u") and not prev.dagger:
        return  # silent seat (miʼah)
    else:
        _lengthen(out, LONG["a"])


def _read_hamza(out: list[Piece], u: Unit, k: int, hamza: str) -> None:
    if u.letter == ALEF_MADDA:
        out.append(Piece("" if k == 0 else hamza, LONG["a"], letter=u.letter))
        return
    piece = _vowel_piece(u)
    piece.cons = "" if k == 0 else hamza * (2 if u.shadda else 1)
    if not piece.vowel and not u.sukun:
        if u.letter == ALEF_HAMZA_BELOW:
            piece.vowel, piece.short = "i", True
        elif u.letter == ALEF_HAMZA_ABOVE and k == 0:
            piece.vowel, piece.short = "a", True
    out.append(piece)


def _read_weak(out: list[Piece], units: list[Unit], k: int, std: Standard, cons: str) -> None:
    """Waw or ya: consonant, long vowel (ū ī), diphthong (aw ay) or doubled (ūw īy)."""
    u, prev = units[k], units[k - 1] if k else None
    nxt = units[k + 1] if k + 1 < len(units) else None
    own = "u" if u.letter == WAW else "i"
    keeps_long = std.uw if u.letter == WAW else std.nisba  # ūw / īy rather than uww / iyy
    if prev is not None and prev.vowel == own and not u.vowel and not u.tanwin:
        _lengthen(out, LONG[own])  # ū, ī
        if u.shadda and keeps_long:
            if not (k == len(units) - 1 and u.letter == YEH):
                out.append(Piece(cons, letter=u.letter))  # ʻadūw; final nisba -ī
        elif u.shadda:
            out[-1].vowel = own
            out.append(Piece(cons * 2, letter=u.letter))
        return
    if prev is not None and prev.vowel == own and u.shadda and keeps_long:
        _lengthen(out, LONG[own])  # ـِيَّة -> īyah, ـُوَّة -> ūwah
        piece = _vowel_piece(u)
        piece.cons, piece.nisba = cons, u.letter == YEH
        out.append(piece)
        return
    if u.dagger and not u.vowel:
        _lengthen(out, LONG["a"])  # Uthmani ṣalāh written with waw + dagger alef
        return
    unvocalized_neighbours = (
        prev is not None
        and not prev.marked
        and not prev.shadda
        and prev.letter not in VOWEL_LETTERS
        and prev.letter != TEH_MARBUTA
        and (nxt is None or nxt.letter not in VOWEL_LETTERS)
    )
    if not u.marked and not u.shadda and unvocalized_neighbours:
        out.append(Piece("", LONG[own], letter=u.letter))  # unvocalized: read as a long vowel
        return
    piece = _vowel_piece(u)
    piece.cons = cons * (2 if u.shadda else 1)
    out.append(piece)


def _read_alef_maksura(out: list[Piece], prev: Unit | None, std: Standard, value: str) -> None:
    if prev is not None and prev.vowel == "i":
        _lengthen(out, LONG["i"])  # fī written فى
    elif prev is not None and prev.tanwin == "a" and std.defective_tanwin and out:
        out[-1].vowel, out[-1].short, out[-1].tanwin = "an", False, ""  # maʻnan
    else:
        _lengthen(out, value)


def _read_ta_marbuta(out: list[Piece], units: list[Unit], k: int) -> None:
    if out and not out[-1].vowel and (k == 0 or units[k - 1].letter not in ALEFS):
        out[-1].vowel = "a"
    piece = _vowel_piece(units[k])
    piece.cons = "\0"  # pause or construct: decided by _ta_marbuta
    out.append(piece)


def pieces(units: list[Unit], std: Standard) -> list[Piece]:
    """Read the units of a stem into Latin pieces (tāʾ marbūṭa left as ``\\0``)."""
    table = letters(std.name)
    out: list[Piece] = []
    for k, u in enumerate(units):
        letter = u.letter
        if u.silent:
            continue
        if letter in ALEFS:
            _read_alef(out, units, k)
        elif letter in HAMZAS or letter == ALEF_MADDA:
            _read_hamza(out, u, k, table.get(HAMZA, ""))
        elif letter in (WAW, YEH):
            _read_weak(out, units, k, std, table[letter])
        elif letter == ALEF_MAKSURA:
            _read_alef_maksura(out, units[k - 1] if k else None, std, table.get(ALEF_MAKSURA, LONG["a"]))
        elif letter == TEH_MARBUTA:
            _read_ta_marbuta(out, units, k)
        else:
            piece = _vowel_piece(u)
            # a shadda on the first letter marks assimilation across words (Uthmani
            # مِّن after tanwin): one consonant in a word romanized on its own
            piece.cons = table.get(letter, letter) * (2 if u.shadda and k else 1)
            out.append(piece)
    return out


def _pronoun_suffix(out: list[Piece]) -> bool:
    """The final ه is the attached pronoun -hu/-hi, which keeps its vowel (ALA-LC rule 15).

    It follows a vowel or a diphthong (``kitābuhu``, ``fīhi``, ``ʻalayhi``); a
    ه after a consonant is a root letter (``al-wajh``, ``al-fiqh``).  After
    a function word (``minhu``) see :func:`arnorm.translit.romanize.word`.
    """
    if len(out) < 2:
        return False
    final, prev = out[-1], out[-2]
    return (
        final.letter == HEH
        and final.vowel in ("u", "i")
        and not final.tanwin
        and (bool(prev.vowel) or prev.letter in (WAW, YEH))
    )


def _pausal(out: list[Piece], std: Standard, keep_final: bool) -> None:
    """Drop the case ending of the last piece, keeping what the standard writes."""
    final = out[-1]
    if not final.short or (keep_final and not final.tanwin):
        return
    if final.tanwin == "a" and std.tanwin_an:
        final.vowel, final.short = "an", False  # ṭabʻan
    elif final.tanwin == "i" and std.defective_tanwin and len(out) == 2 and out[0].vowel == LONG["a"]:
        final.vowel, final.short = "in", False  # qāḍin (the pattern fāʻin; not kitābin)
    elif not _pronoun_suffix(out):
        final.vowel, final.short, final.tanwin = "", False, ""
        if final.nisba:
            out.pop()  # al-Miṣrī, not al-Miṣrīy


def _ta_marbuta(out: list[Piece], std: Standard, construct: bool) -> None:
    table = letters(std.name)
    for i, piece in enumerate(out):
        if piece.cons != "\0":
            continue
        if piece.vowel or i < len(out) - 1:
            piece.cons = "t"
        elif construct:
            piece.cons = std.ta_construct
        elif i and out[i - 1].vowel == LONG["a"] and std.ta_after_alef is not None:
            piece.cons = std.ta_after_alef
        else:
            piece.cons = table.get(TEH_MARBUTA, "h")


def _separator(out: list[Piece], i: int, std: Standard) -> str:
    """What to write before piece ``i`` so that it does not read as part of a digraph."""
    piece = out[i]
    if (
        std.digraph_sep
        and i
        and not out[i - 1].vowel
        and out[i - 1].cons[-1:].lower() in ("t", "d", "k", "s", "g")
        and piece.cons[:1].lower() == "h"
    ):
        return std.digraph_sep  # Adʹham
    if (
        std.final_ah_sep
        and i == len(out) - 1
        and i
        and piece.letter == HEH
        and piece.cons == "h"
        and not piece.vowel
        and out[i - 1].vowel == "a"
    ):
        return std.final_ah_sep  # Muntaza·h
    return ""


def _join(out: list[Piece], std: Standard) -> str:
    """Concatenate the pieces, separating letters that would read as a digraph."""
    return "".join(_separator(out, i, std) + piece.cons + piece.vowel for i, piece in enumerate(out))


def render(units: list[Unit], std: Standard, *, construct: bool, endings: Endings, keep_final: bool) -> str:
    """The Latin of a stem (no prefix, no article)."""
    out = pieces(units, std)
    if not out:
        return ""
    if endings == "pausal":
        _pausal(out, std, keep_final)
    for piece in out:
        if piece.tanwin and piece.vowel in ("a", "i", "u"):
            piece.vowel += "n"
    _ta_marbuta(out, std, construct)
    return _join(out, std)
