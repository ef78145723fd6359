"""Word rules of the ``uthmani`` stage (see :mod:`arnorm.stages.uthmani`): one Uthmani word to standard spelling."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..datafile import Described, load_records

FATHA, DAMMA, KASRA, SHADDA, SUKUN = "\u064e", "\u064f", "\u0650", "\u0651", "\u0652"
FATHATAN, DAMMATAN, KASRATAN = "\u064b", "\u064c", "\u064d"
MADDAH, HAMZA_ABOVE, HAMZA_BELOW, DAGGER = "\u0653", "\u0654", "\u0655", "\u0670"
WASLA, TATWEEL, HAMZA, MAKSURA = "\u0671", "\u0640", "\u0621", "\u0649"
SMALL_WAW, SMALL_YEH, SMALL_HIGH_YEH, SMALL_HIGH_NOON = "\u06e5", "\u06e6", "\u06e7", "\u06e8"
ROUNDED_ZERO, SMALL_HIGH_SEEN = "\u06df", "\u06dc"

#: Marks written in standard spelling; every other mark is dropped.
_KEPT = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
#: Letters that do not join to the next letter (hamza on the line after them stays on the line).
_NON_JOINING = frozenset("\u0621\u0622\u0623\u0624\u0625\u0627\u0629\u062f\u0630\u0631\u0632\u0648\u0671")
_MARK_CLASS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06e4\u06e7\u06e8\u06ea-\u06ed"
_LETTER_CLASS = "\u0621-\u063a\u0641-\u064a\u0671\u0640\u06e5\u06e6"
LETTERS_AND_MARKS = frozenset(
    chr(c) for c in [*range(0x0621, 0x063B), *range(0x0640, 0x0660), 0x0670, 0x0671, *range(0x0610, 0x061B),
                     *range(0x06D6, 0x06EE)]
)
#: Code points or sequences that only Uthmani spelling uses inside a word.
FEATURE = re.compile(
    f"[\u0671\u0670\u0654\u06d6-\u06ed\u0610-\u061a]|\u0649(?=[{_MARK_CLASS}]*[{_LETTER_CLASS}])"
    f"|[\u0628-\u063a\u0641-\u0647\u064a\u0640][{_MARK_CLASS}]{{0,3}}\u0621[\u064b-\u0650]"
    f"|(?<![{_LETTER_CLASS}{_MARK_CLASS}])\u0621|\u0621\u064f\u0648\u0653?(?![{_LETTER_CLASS}{_MARK_CLASS}])|\u0649[\u064b-\u0652]|[\u0650\u0651]{{1,2}}\u0649|\u0621\u064e\u0627|[\u0622\u0623\u0625][{_MARK_CLASS}]*\u0621"
)
#: Placeholder base of a hamza written on a tatweel (a tooth) until its seat is chosen.
_TOOTH = HAMZA_ABOVE
_PROCLITICS = re.compile("^(?:\u0623)?(?:[\u0648\u0641])?(?:[\u0628\u0643\u0644\u0633])?(?:[\u0627\u0671]\u0644)?$")


@dataclass(frozen=True)
class WordList(Described):
    """A closed word list of ``arnorm/data/uthmani.json``."""

    entries: Mapping[str, str]


@functools.cache
def word_list(name: str) -> Mapping[str, str]:
    """The entries of the closed list ``name`` of ``uthmani.json``."""
    return next(r.entries for r in load_records("uthmani.json", WordList, key="lists") if r.name == name)


class _Cluster:
    """A base letter and the marks written on it (mutable while a word is rewritten)."""

    __slots__ = ("base", "marks")

    def __init__(self, base: str, marks: str = "") -> None:
        self.base = base
        self.marks = marks

    def vowel(self) -> str:
        """The short vowel (or sukun) of the letter: fatha, damma, kasra, sukun or ''."""
        for mark, vowel in ((FATHA, FATHA), (FATHATAN, FATHA), (DAMMA, DAMMA), (DAMMATAN, DAMMA),
                            (KASRA, KASRA), (KASRATAN, KASRA), (SUKUN, SUKUN), ("\u06e1", SUKUN)):
            if mark in self.marks:
                return vowel
        return ""


def _parse(word: str) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for ch in word:
        if re.match(f"[{_MARK_CLASS}]", ch) and clusters:
            clusters[-1].marks += ch
        else:
            clusters.append(_Cluster(ch))
    return clusters


_HAMZA_FORMS = str.maketrans("\u0622\u0623\u0625\u0624\u0626", HAMZA * 5)


def _skeleton(clusters: list[_Cluster]) -> str:
    """Letters of the word with dagger alefs kept (the key of the closed lists)."""
    return "".join(c.base + (DAGGER if DAGGER in c.marks else "") for c in clusters)


def _hamza_free(letters: str) -> str:
    """``letters`` with every hamza form written as ء (so أءلٰه matches إلٰه)."""
    return letters.translate(_HAMZA_FORMS)


def _silent_daggers(clusters: list[_Cluster]) -> set[int]:
    """Indexes of the clusters whose dagger alef is not written in standard spelling."""
    skeleton, silent = _hamza_free(_skeleton(clusters)), set[int]()
    owner = [i for i, c in enumerate(clusters) for _ in c.base + (DAGGER if DAGGER in c.marks else "")]
    for stem in word_list("dagger_silent"):
        for match in re.finditer(re.escape(_hamza_free(stem)), skeleton):
            silent.update(owner[j] for j in range(match.start(), match.end()) if skeleton[j] == DAGGER)
    return silent


def _split_particle(clusters: list[_Cluster]) -> tuple[str, list[_Cluster]]:
    """``("يَا ", rest)`` for a vocative or attention particle joined to its word."""
    start = 1 if len(clusters) > 1 and clusters[0].base in "\u0648\u0641" and clusters[1].base == "\u064a" else 0
    head = clusters[start]
    rest = clusters[start + 1:]
    if DAGGER not in head.marks or len(rest) < 2:
        return "", clusters
    if head.base == "\u064a" or (head.base == "\u0647" and start == 0 and rest[0].base == "\u0623"):
        prefix = "".join(c.base + c.marks for c in clusters[:start])
        return prefix + head.base + FATHA + "\u0627 ", rest
    return "", clusters


def _silent_plural_alef(clusters: list[_Cluster]) -> None:
    """Drop the Uthmani alef after the waw of a noun plural in construct (in place):
    participles in mu- (``مُلَٰقُوا۟`` -> مُلَاقُو) and the closed list ``no_plural_alef`` (أُولُو)."""
    if len(clusters) < 4 or clusters[-1].base != "\u0627" or ROUNDED_ZERO not in clusters[-1].marks:
        return
    if clusters[-2].base != "\u0648" or clusters[-3].vowel() != DAMMA:
        return
    start = 1 if clusters[0].base in "\u0648\u0641" and clusters[0].vowel() == FATHA else 0
    participle = clusters[start].base == "\u0645" and clusters[start].vowel() == DAMMA \
        and clusters[start + 1].base != "\u0648"
    if participle or "".join(c.base for c in clusters[start:]) in word_list("no_plural_alef"):
        clusters[-1].base = ""


def _double_yeh(clusters: list[_Cluster]) -> list[_Cluster]:
    """``يُحْىِ`` -> ``يُحْيِي``: a final yeh with kasra after a sukun in an imperfect verb
    (prefix ي ت ن أ with damma) stands for two yehs, written out in standard spelling."""
    if len(clusters) >= 3 and clusters[-1].base == MAKSURA and clusters[-1].marks == KASRA \
            and clusters[-2].vowel() == SUKUN and clusters[-3].base in "\u064a\u062a\u0646\u0623" \
            and clusters[-3].vowel() == DAMMA:
        return clusters[:-1] + [_Cluster("\u064a", KASRA), _Cluster("\u064a")]
    return clusters


def _alef_before(c: _Cluster) -> bool:
    """Whether ``c`` is, or will be written as, an alef (alef, or bare waw with dagger alef)."""
    return c.base == "\u0627" or c.base == "\u0648" and DAGGER in c.marks and not c.vowel()


def _letters(clusters: list[_Cluster]) -> None:
    """Alef wasla, small letters, alef maksura, small high seen, silent alef/yeh (in place)."""
    last = len(clusters) - 1
    for i, c in enumerate(clusters):
        if c.base == WASLA:
            c.base = "\u0627"
        elif c.base in (SMALL_WAW, SMALL_YEH):
            after_heh = i == last and i > 0 and clusters[i - 1].base == "\u0647"
            c.base = "" if after_heh else ("\u0648" if c.base == SMALL_WAW else "\u064a")
        elif c.base == MAKSURA and DAGGER not in c.marks:
            after_kasra = i > 0 and clusters[i - 1].vowel() == KASRA
            if i < last or after_kasra or c.vowel() or SHADDA in c.marks:
                c.base = "\u064a"
        if c.base == "\u0622" and i > 0 and not _stem_start(clusters, i):
            c.base = "\u0627"  # U+0627 U+0653 composed by NFC: the maddah of prolongation
        if c.base == "\u0635" and SMALL_HIGH_SEEN in c.marks:
            c.base = "\u0633"
        if ROUNDED_ZERO in c.marks and i > 0:
            before, after = clusters[i - 1], clusters[i + 1] if i < last else None
            if c.base == "\u064a" and before.base == "\u0625" and before.vowel() == KASRA:
                c.base = ""
                before.base = HAMZA
            elif c.base == "\u0627" and (after is not None and after.base in "\u064a\u0649" or _alef_before(before)):
                c.base = ""


def _daggers(clusters: list[_Cluster]) -> list[_Cluster]:
    """Dagger alefs, small high yeh/noon and hamza above as letters; tatweel dropped."""
    silent = _silent_daggers(clusters)
    out: list[_Cluster] = []
    for i, c in enumerate(clusters):
        if HAMZA_ABOVE in c.marks and c.base in (TATWEEL, MAKSURA, ""):
            c.base = _TOOTH
        elif HAMZA_ABOVE in c.marks:
            c.base = {"\u0627": "\u0623", "\u0648": "\u0624", "\u064a": "\u0626"}.get(c.base, c.base)
        if HAMZA_BELOW in c.marks and c.base == "\u0627":
            c.base = "\u0625"
        dagger = DAGGER in c.marks and i not in silent
        if dagger and c.base in ("\u0648", MAKSURA, TATWEEL) and not c.vowel():
            final = c.base == MAKSURA and i == len(clusters) - 1
            c.base = MAKSURA if final else "\u0627"
            dagger = False
        if c.base == TATWEEL:
            c.base = ""
        out.append(c)
        if dagger:
            out.append(_Cluster("\u0627"))
        for small, letter in ((SMALL_HIGH_YEH, "\u064a"), (SMALL_HIGH_NOON, "\u0646")):
            if small in c.marks:
                out.append(_Cluster(letter))
    return [c for c in out if c.base]


def _double_lam(clusters: list[_Cluster]) -> list[_Cluster]:
    """``ٱلَّيْل`` -> ``اللَّيْل``: the article's lam before a lam with shadda."""
    letters = "".join(c.base for c in clusters)
    at = letters.find(WASLA + "\u0644")
    if at < 0 or SHADDA not in clusters[at + 1].marks or not _PROCLITICS.match(letters[:at]):
        return clusters
    if _skeleton(clusters[at:]) in word_list("single_lam"):
        return clusters
    return clusters[: at + 1] + [_Cluster("\u0644")] + clusters[at + 1:]


def _is_long(c: _Cluster, before: _Cluster | None, letter: str, vowel: str) -> bool:
    """Whether ``c`` is ``letter`` as a long vowel or sukun glide (no vowel of its own)."""
    return c.base == letter and c.vowel() in ("", SUKUN) and (before is None or before.vowel() in ("", vowel, FATHA))


def _stem_start(clusters: list[_Cluster], i: int) -> bool:
    """Whether ``clusters[i]`` begins the stem (only proclitics and the article before it)."""
    return i == 0 or bool(_PROCLITICS.match("".join(c.base for c in clusters[:i])))


def _final_seat(prev: _Cluster, tanwin_alef: bool) -> str:
    """Seat of a word-final hamza: the letter of the preceding vowel; ئ before the alef of tanwin
    after a letter that joins (شَيْئًا، هَنِيئًا; but جُزْءًا)."""
    if tanwin_alef and prev.vowel() in ("", SUKUN) and prev.base not in _NON_JOINING:
        return "\u0626"
    if prev.base in ("\u064a", MAKSURA, "\u0627", "\u0648") and prev.vowel() in ("", SUKUN):
        return HAMZA
    return {FATHA: "\u0623", DAMMA: "\u0624", KASRA: "\u0626"}.get(prev.vowel(), HAMZA)


def _seat(clusters: list[_Cluster], i: int) -> str:
    """The standard seat of the hamza at ``clusters[i]`` from the vowels around it."""
    own = clusters[i].vowel()
    following = clusters[i + 1:]
    if _stem_start(clusters, i) and (clusters[i].base == HAMZA and own in (FATHA, DAMMA, KASRA)
                                      or own == FATHA and following and following[0].base == "\u0627"):
        return "\u0625" if own == KASRA else "\u0623"
    if i == 0:  # a bare hamza opening a word (no vowel to seat it by) stays on the line
        return HAMZA
    prev, before = clusters[i - 1], clusters[i - 2] if i > 1 else None
    tanwin_alef = FATHATAN in clusters[i].marks and len(following) == 1 and following[0].base == "\u0627"
    if not following or tanwin_alef:
        return _final_seat(prev, tanwin_alef)
    if prev.base in ("\u064a", MAKSURA) and prev.vowel() in ("", SUKUN):
        return "\u0626"
    vowels = {own, prev.vowel()}
    if KASRA in vowels:
        return "\u0626"
    if _is_long(prev, before, "\u0627", FATHA) or _is_long(prev, before, "\u0648", DAMMA):
        return HAMZA if own != DAMMA or prev.base == "\u0648" else "\u0624"
    if DAMMA in vowels:
        return "\u0624"
    return "\u0623" if FATHA in vowels else HAMZA


def _hamza_endings(clusters: list[_Cluster]) -> None:
    """Uthmani word endings of hamza (in place): ``رَءَا`` -> رأى, ``جَزَٰٓؤُا۟`` -> جزاء, ``جَآءُو`` -> جاءوا."""
    if len(clusters) < 3:
        return
    prev, hamza, last = clusters[-3], clusters[-2], clusters[-1]
    if hamza.base == HAMZA and hamza.vowel() == FATHA and last.base == "\u0627" and last.marks in ("", MADDAH) \
            and prev.vowel() != SUKUN:
        last.base = MAKSURA
    elif hamza.base == "\u0624" and last.base == "\u0627" and ROUNDED_ZERO in last.marks:
        hamza.base, last.base = HAMZA, ""
    elif hamza.base == HAMZA and hamza.vowel() == DAMMA and last.base == "\u0648" and last.marks in ("", MADDAH):
        clusters.append(_Cluster("\u0627"))


def _hamzas(clusters: list[_Cluster]) -> list[_Cluster]:
    """Seat every hamza written on the line or on a tatweel; hamza-fatha + alef -> madda."""
    _hamza_endings(clusters)
    out = [c for c in clusters if c.base]
    for i, c in enumerate(out):
        if c.base not in (HAMZA, _TOOTH):
            continue
        c.base = _seat(out, i)
        following = out[i + 1] if i + 1 < len(out) else None
        if c.base == "\u0623" and c.vowel() == FATHA and following is not None and following.base == "\u0627" \
                and not following.vowel():
            c.base, c.marks, following.base = "\u0622", c.marks.replace(FATHA, ""), ""
    return [c for c in out if c.base]


def _wasl_alef(clusters: list[_Cluster]) -> list[_Cluster]:
    """``فَسْـَٔلُوا`` -> ``فَاسْأَلُوا``: the imperative of a verb with medial hamza written
    on a tooth after the conjunctions و ف begins with a sukun, so it takes its alef of wasl."""
    if len(clusters) > 3 and clusters[0].base in "\u0648\u0641" and clusters[0].vowel() == FATHA \
            and clusters[1].vowel() == SUKUN and clusters[1].base != "\u0644" and HAMZA_ABOVE in clusters[2].marks:
        return clusters[:1] + [_Cluster("\u0627")] + clusters[1:]
    return clusters


def _render(clusters: list[_Cluster]) -> str:
    return "".join(c.base + "".join(m for m in c.marks if m in _KEPT) for c in clusters)


def standard_word(word: str) -> str:
    """One Uthmani word in standard spelling (see the module docstring)."""
    clusters = _parse(word)
    particle, clusters = _split_particle(clusters)
    clusters = _double_yeh(_double_lam(clusters))
    _silent_plural_alef(clusters)
    _letters(clusters)
    clusters = _hamzas(_daggers(_wasl_alef([c for c in clusters if c.base])))
    return particle + _render(clusters)
