"""Telling verbs from nouns in vocalized text, by the shape of the vocalization.

ALA-LC (rule 13) and ISO 233-2 (4.1.1) drop the case endings of nouns only;
a verb keeps its final vowel (``qāla``, ``yajibu``).  Arabic script does not
mark a word as a verb, but a vocalized stem (after the prefixes; never one
with the article, tanwin or tāʾ marbūṭa) shows its pattern, and the patterns
of finite verbs are few.  A stem is read as a verb when its *shape* matches
one of the templates below.

The shape writes each letter as a class and its signs after it: ``A`` bare
alif, ``W`` waw, ``Y`` ya, ``T`` ta, ``N`` nun, ``H`` hamza on any seat,
``C`` another consonant, ``X`` a letter that is never part of a verb
pattern here (ة ى آ); then ``~`` shadda, ``a i u`` the vowel, ``o`` sukun,
``=`` tanwin, ``^`` dagger alif.  In the templates ``K`` is any consonant
(``C T N H W Y``) and ``P`` an imperfect prefix (``Y T N``: the prefix أ is
left out, since the elative أَفْعَلُ is the commoner word of that shape).

Perfect: forms I-VIII and X, active and passive, with the endings ``-a``,
``-tu/-ta/-ti`` and ``-na`` (``kataba``, ``katabtu``, ``qāla``, ``sallama``,
``ijtamaʻa``).  Imperfect: forms I-VIII and X with ``-u``/``-a``, ``-ūna``,
``-āni``, ``-īna`` (``yaktubu``, ``yajibu``, ``yaqūlu``, ``yuslimu``).

Left out on purpose, as nouns of the same shape are commoner: the hollow
imperfect with ``ī`` after ``ya-`` (``yabīʻu`` looks like the names and
adjectives ``Yazīd``, ``Tamīm``, ``nabīl``) or with ``ā`` (``yakhāfu`` looks
like ``nahār``, ``tamām``), perfects with a subject suffix on a hollow or
doubled stem (``qultu``), and quadriliteral verbs (``tarjama`` looks like the
accusative ``maktaba``).  Misread as a verb: an accusative noun in construct
(no tanwin) of a verb's shape (``ʻamala``, ``rabba``), and a few nouns of the
imperfect's shape (``yamīn``).
"""

from __future__ import annotations

import functools

import regex

from .chars import ALEF, ALEF_WASLA, HAMZAS, NOON, TEH, WAW, YEH
from .units import Unit

__all__ = ["is_imperfect", "is_verb", "shape"]

_CLASSES = {ALEF: "A", ALEF_WASLA: "A", WAW: "W", YEH: "Y", TEH: "T", NOON: "N", **dict.fromkeys(HAMZAS, "H")}
#: Letters that never take part in a verb template here (ة ى آ and the small letters).
_NEVER = frozenset("\u0629\u0649\u0622\u06e5\u06e6")

#: Perfect stems, written without the vowel of their last consonant.
_PERFECT = (
    "Ka K[aiu] K", "Ku Ki K",  # I: kataba, ʻalima, karuma; kutiba
    "Ka K~a K", "Ku K~i K",  # II: sallama; quddima
    "Ka A Ka K", "Ku W Ki K",  # III: qātala; qūtila
    "Ha Ko Ka K", "Hu Ko Ki K",  # IV: akrama; ukrima
    "Ta Ka K~a K", "Ta Ka A Ka K",  # V: takallama; VI: taqātala
    "Ai? Ko Ka Ka K", "Ai? Ko Ka Ko Ka K",  # VII, VIII: inqaṭaʻa, ijtamaʻa; X: istakhraja
    "Ai? K~a Ka K",  # VIII with the t assimilated: ittafaqa, ittabaʻa
)
#: Perfect stems that take only the ending -a here (hollow and doubled).
_PERFECT_A = (
    "Ka A K", "Ki Y K",  # hollow I: qāla; qīla
    "Ka K~",  # doubled I: radda
    "Ha Ka A K",  # hollow IV: arāda
    "Ai? Ko Ka A K", "Ai? Ko Ka Ko Ka A K", "Ai? Ko Ka K~",  # hollow VIII, X; doubled VIII
)
#: Imperfect stems, written without the vowel of their last consonant.
_IMPERFECT = (
    "P[au] Ko K[aiu] K",  # I: yaktubu, yaʻlamu; IV: yukrimu; passive yuktabu
    "Pa Ki K",  # assimilated I: yajibu, yaṣilu
    "Pa Ku W K", "Pu Ki Y K", "Pu Ka A K",  # hollow: yaqūlu; IV yurīdu; passive yuqālu
    "Pu Ka K~i K", "Pu Ka A Ki K",  # II: yusallimu; III: yuqātilu
    "Pa Ta Ka K~a K", "Pa Ta Ka A Ka K",  # V: yatakallamu; VI: yataqātalu
    "Pa Ko Ka Ki K", "Pa Ko Ka Ko Ki K",  # VII, VIII: yanqaṭiʻu, yajtamiʻu; X: yastakhriju
    "Pa Ko Ka A K", "Pa Ko Ka Ki Y K",  # hollow VIII: yakhtāru; hollow X: yastaṭīʻu
    "Pa K~a Ki K",  # VIII with the t assimilated: yattafiqu
)


def _expand(templates: tuple[str, ...]) -> str:
    body = "|".join(t.replace(" ", "") for t in templates)
    return "(?:" + body.replace("K", "[CTNHWY]").replace("P", "[YTN]") + ")"


_IMPERFECT_ENDINGS = "(?:[ua]|uWNa|aANi|iYNa)"


@functools.cache
def _pattern() -> regex.Pattern[str]:
    perfect = _expand(_PERFECT) + "(?:a|oT[aiu]|oNa)"
    imperfect = _expand(_IMPERFECT) + _IMPERFECT_ENDINGS
    return regex.compile(f"(?:{perfect}|{_expand(_PERFECT_A)}a|{imperfect})")


@functools.cache
def _imperfect_pattern() -> regex.Pattern[str]:
    """Imperfects only (prefixes ي ت ن: سَأَلْتُهُ is saʼaltuhu, not sa- + ʼaltuhu)."""
    return regex.compile(_expand(_IMPERFECT) + _IMPERFECT_ENDINGS)


def shape(units: list[Unit]) -> str:
    """The shape of ``units`` (see the module docstring): ``قَالَ`` -> ``CaACa``."""
    out = []
    for u in units:
        out.append("X" if u.letter in _NEVER else _CLASSES.get(u.letter, "C"))
        out.append(("~" if u.shadda else "") + ("o" if u.sukun else u.vowel))
        out.append(("=" if u.tanwin else "") + ("^" if u.dagger else ""))
    return "".join(out)


def is_verb(units: list[Unit]) -> bool:
    """The vocalized stem ``units`` has the shape of a finite verb ending in a short vowel."""
    if not units or not units[-1].vowel or any(u.tanwin for u in units):
        return False
    return _pattern().fullmatch(shape(units)) is not None


def is_imperfect(units: list[Unit]) -> bool:
    """The vocalized stem ``units`` has the shape of an imperfect verb (prefix ت ن ي)."""
    if not units or not units[-1].vowel or any(u.tanwin for u in units):
        return False
    return _imperfect_pattern().fullmatch(shape(units)) is not None
