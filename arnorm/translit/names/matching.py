"""Name matching across scripts: :func:`name_key` and :func:`name_similarity`.

Record linkage meets the same person as ``عادل الجبير``, ``Adel al-Jubeir`` and
``Adil Al Jubair``.  Both functions reduce a name, in Arabic or Latin letters,
to what the scripts share: its consonant skeleton.

* Short vowels are not written in Arabic and are written in many ways in Latin
  letters: every vowel (and the letters ا و ي ى ة, the hamza forms and ع, which
  Latin spellings write as vowels or not at all) is dropped.
* Consonants fall into classes that the conventions spell alike: ت ط ث / t th
  are ``T``, د ض ذ / d dh are ``D``, س ص ش / s sh ch are ``S``, ك ق خ / k q c kh
  are ``K``, ج غ گ / j g gh are ``G``, ح ه / h are ``H``, ب پ / b p are ``B``,
  ف ڤ / f v ph are ``F``, ز ظ / z are ``Z``; a letter doubled is one.
* The particles (al-/ال and its assimilated forms, bin/ibn/بن, Abu's vowels)
  are spelled so that ``Abdulaziz``, ``Abd al-Aziz`` and ``عبدالعزيز`` agree:
  the article is dropped everywhere, ``bin``/``ibn``/``bint`` and ``Al`` (the
  clan) too, and a final ``h`` is dropped (ة and the silent h of Latin ``-ah``).

:func:`name_similarity` compares two names in [0, 1]: the similarity of their
skeletons, and, across scripts, of the Latin side with the name model's
spellings of the Arabic side (:func:`~arnorm.translit.names.name_variants`).
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from .normalize import arabic_words

__all__ = ["name_key", "name_similarity"]

_ARABIC_CLASS = str.maketrans({
    "\u0628": "B", "\u067e": "B", "\u062a": "T", "\u0637": "T", "\u062b": "T", "\u062f": "D", "\u0636": "D",
    "\u0630": "D", "\u0633": "S", "\u0635": "S", "\u0634": "S", "\u0686": "S", "\u0643": "K", "\u0642": "K",
    "\u062e": "K", "\u062c": "G", "\u063a": "G", "\u06af": "G", "\u062d": "H", "\u0647": "H", "\u0641": "F",
    "\u06a4": "F", "\u0632": "Z", "\u0638": "Z", "\u0698": "Z", "\u0631": "R", "\u0644": "L", "\u0645": "M",
    "\u0646": "N",
    # vowels, glides written as vowels, hamza forms, ain, ta marbuta: not in the skeleton
    "\u0627": None, "\u0648": None, "\u064a": None, "\u0649": None, "\u0629": None, "\u0621": None,
    "\u0623": None, "\u0625": None, "\u0622": None, "\u0624": None, "\u0626": None, "\u0639": None,
})
_ARABIC_PARTICLES = frozenset({"\u0628\u0646", "\u0627\u0628\u0646", "\u0625\u0628\u0646", "\u0628\u0646\u062a",
                               "\u0622\u0644"})  # بن ابن إبن بنت آل
_LATIN_PARTICLES = frozenset({"al", "el", "bin", "ibn", "ben", "bint", "bent", "aal"})
# Latin letters to classes, longest first: digraphs before single letters.
_LATIN_RULES = regex.compile(r"kh|gh|th|dh|sh|ch|ph|ck|c(?=[eiy])|[a-z]")
_LATIN_CLASS = {
    "kh": "K", "gh": "G", "th": "T", "dh": "D", "sh": "S", "ch": "S", "ph": "F", "ck": "K", "c": "K",
    "b": "B", "p": "B", "t": "T", "d": "D", "s": "S", "k": "K", "q": "K", "g": "G", "j": "G", "h": "H",
    "f": "F", "v": "F", "z": "Z", "r": "R", "l": "L", "m": "M", "n": "N", "x": "KS",
}
_SOFT_C = "S"
_ARTICLE_LATIN = regex.compile(r"^(?:abd(?:u|e|a)?)?(?:[aeu][lnrstdz]-|[ae]l(?=[a-z]{3}))")
_ABD_ARTICLE_LATIN = regex.compile(r"^abd(?:u|e|a)?[lnrstdz](?=[a-z]{3})")
_ABD_LATIN = frozenset({"abdul", "abdel", "abdal", "abdoul", "abdol"})
_HAS_ARABIC = regex.compile(r"\p{scx=Arab}")


def _collapse(key: str) -> str:
    """Doubled classes as one, and a final H dropped (ة, the silent h of -ah)."""
    out = regex.sub(r"(.)\1+", r"\1", key)
    return out[:-1] if out.endswith("H") and len(out) > 1 else out


def _arabic_word_key(word: str) -> str:
    if word in _ARABIC_PARTICLES:
        return ""
    if word.startswith("\u0639\u0628\u062f\u0627\u0644") and len(word) > 5:  # عبدال + name
        word = "\u0639\u0628\u062f" + word[5:]
    elif word.startswith("\u0627\u0644") and len(word) > 3:  # the article
        word = word[2:]
    word = word.replace("\u062a\u0634", "\u0634")  # تش: the English ch
    return _collapse(word.translate(_ARABIC_CLASS))


def _latin_word_key(word: str) -> str:
    if word in _LATIN_PARTICLES:
        return ""
    if word in _ABD_LATIN:  # Abdel Nasser, Abdul Rahman: the article written on abd
        word = "abd"
    elif _ABD_ARTICLE_LATIN.match(word):  # abdul/abdel/abdal + name: the article
        word = "abd" + word[_ABD_ARTICLE_LATIN.match(word).end():]  # type: ignore[union-attr]
    else:
        word = _ARTICLE_LATIN.sub("", word, count=1) if "-" in word else word
    word = word.replace("-", "")
    out = []
    for m in _LATIN_RULES.finditer(word):
        chunk = m.group(0)
        out.append(_SOFT_C if chunk == "c" and m.end() < len(word) and word[m.end()] in "eiy"
                   else _LATIN_CLASS.get(chunk, ""))
    return _collapse("".join(out))


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A key that the Arabic and the Latin spellings of one name share (its consonant skeleton).

    Raises:
        TypeError: if ``name`` is not a ``str``.

    >>> name_key("عادل الجبير") == name_key("Adel al-Jubeir") == name_key("Adil Al Jubair")
    True
    >>> name_key("عبدالعزيز") == name_key("Abdulaziz") == name_key("Abd al-Aziz")
    True
    """
    if not isinstance(name, str):
        raise TypeError(f"a name is a str, not {type(name).__name__}")
    parts: list[str] = []
    for token in name.split():
        if _HAS_ARABIC.search(token):
            parts.extend(_arabic_word_key(w) for w in arabic_words(token))
        else:
            folded = _latin_fold(token)
            parts.extend(_latin_word_key(w) for w in regex.split(r"[^a-z-]+", folded) if w.strip("-"))
    return _collapse("".join(parts))


def _latin_fold(text: str) -> str:
    from unidecode import unidecode

    return unidecode(unicodedata.normalize("NFC", text)).lower().replace("'", "").replace("`", "")


def _ratio(a: str, b: str) -> float:
    """1 - edit distance / length of the longer string (1.0 for two empty strings)."""
    from rapidfuzz.distance import Levenshtein

    return float(Levenshtein.normalized_similarity(a, b))


def _spellings(name: str) -> tuple[str, ...]:
    """Folded Latin spellings of a name: the name model's for Arabic, the name itself for Latin."""
    if _HAS_ARABIC.search(name):
        from . import name_variants

        return tuple(regex.sub("[^a-z]", "", _latin_fold(v)) for v in name_variants(name, 5))
    return (regex.sub("[^a-z]", "", _latin_fold(name)),)


def name_similarity(a: str, b: str) -> float:
    """How alike two names are, in [0, 1], whatever script each is written in.

    The mean of two scores: the similarity of the :func:`name_key` skeletons,
    and the best similarity between the folded Latin spellings of the two
    (for Arabic, the name model's five best spellings).  Symmetric; 1.0 for a
    name with itself.

    >>> name_similarity("محمد", "Mohammed") > 0.8 > name_similarity("محمد", "Peterson")
    True
    """
    if a == b:
        return 1.0
    skeleton = _ratio(name_key(a), name_key(b))
    spelled = max(_ratio(x, y) for x in _spellings(a) for y in _spellings(b))
    return (skeleton + spelled) / 2
