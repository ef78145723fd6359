"""Hypothesis strategies for realistic Arabic text (public API).

Other projects can use these to property-test their own Arabic processing::

    from hypothesis import given
    from arnorm.strategies import arabic_text

    @given(arabic_text())
    def test_my_tokenizer_never_loses_letters(text): ...

Everything here needs ``hypothesis`` (a test dependency, not a runtime one).
"""

from __future__ import annotations

from hypothesis import strategies as st

from .chars import ARABIC_LETTERS, DAGGER_ALEF
from .chars import HARAKAT as _HARAKAT

__all__ = [
    "ARABIC_LETTERS",
    "HARAKAT",
    "NASTY",
    "any_unicode_text",
    "arabic_letter",
    "arabic_text",
    "arabic_word",
    "digits",
    "invisible_char",
    "unicode_space",
]

#: Tanwin, short vowels, shadda, sukun, dagger alef.
HARAKAT = _HARAKAT + DAGGER_ALEF
#: Characters that break naive normalizers.
NASTY = (
    "\ufdf2",  # ARABIC LIGATURE ALLAH
    "\ufdfa",  # SALLALLAHOU ALAYHE WASALLAM (NFKC: a whole phrase)
    "\ufefb",  # LAM WITH ALEF ligature
    "\ufe8d",  # ALEF isolated form
    "\u0640",  # TATWEEL (category Lm, not Mn)
    "\u200c",  # ZWNJ (Cf; meaningful in Persian)
    "\u200d",  # ZWJ (joins emoji)
    "\u200f",  # RLM
    "\u202b",  # RLE
    "\u2067",  # RLI
    "\ufeff",  # BOM / ZWNBSP
    "\u2002",  # EN SPACE (in the seed article)
    "\u00a0",  # NO-BREAK SPACE
    "\u0654",  # combining HAMZA ABOVE
    "\u06cc",  # FARSI YEH
    "\u06f4",  # EXTENDED ARABIC-INDIC DIGIT FOUR
    "\u0661",  # ARABIC-INDIC DIGIT ONE
    "\u060c",  # ARABIC COMMA
    "\U0001f600",  # an emoji (astral)
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # emoji ZWJ sequence
)



def arabic_letter() -> st.SearchStrategy[str]:
    """One Arabic letter."""
    return st.sampled_from(ARABIC_LETTERS)


# Strategies drawn from inside the composites below, built once: a strategy made afresh
# for every draw is validated afresh, which made generating text several times slower.
_LETTERS = st.lists(st.sampled_from(ARABIC_LETTERS), min_size=1, max_size=8)
_ONE_IN_TEN = st.integers(0, 9)
_TATWEEL_RUN = st.integers(1, 4)
_HARAKAT_RUN = st.text(alphabet=HARAKAT, max_size=2)


@st.composite
def arabic_word(draw: st.DrawFn, vocalized: bool | None = None, tatweel: bool = True) -> str:
    """A word of 1-8 Arabic letters, each optionally followed by harakat and tatweel."""
    letters = draw(_LETTERS)
    vocal = draw(st.booleans()) if vocalized is None else vocalized
    out = []
    for letter in letters:
        out.append(letter)
        if tatweel and draw(_ONE_IN_TEN) == 0:
            out.append("\u0640" * draw(_TATWEEL_RUN))
        if vocal:
            out.append(draw(_HARAKAT_RUN))
    return "".join(out)


def digits() -> st.SearchStrategy[str]:
    """A number in ASCII, Arabic-Indic or Persian digits (systems may mix)."""
    return st.text(alphabet="0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
                   "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9\u066b\u066c", min_size=1, max_size=6)


def invisible_char() -> st.SearchStrategy[str]:
    """A bidi control or zero-width character."""
    return st.sampled_from("\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad")


def unicode_space() -> st.SearchStrategy[str]:
    """A space character (Zs), usually U+0020."""
    return st.one_of(st.just(" "), st.sampled_from("\u00a0\u2002\u2003\u2009\u202f\u3000"))


def _token() -> st.SearchStrategy[str]:
    latin = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,;?!-()\"'", min_size=1, max_size=6)
    return st.one_of(
        arabic_word(),
        arabic_word(),
        arabic_word(),
        digits(),
        latin,
        st.sampled_from("\u060c\u061b\u061f.,:!\u00ab\u00bb"),
        st.sampled_from(NASTY),
        invisible_char(),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFC),
        st.characters(min_codepoint=0x0600, max_codepoint=0x08FF),
        st.sampled_from(["\U0001f600", "\u4e2d\u6587", "\u00e9", "e\u0301", "\t"]),
    )


_TOKENS: dict[int, st.SearchStrategy[list[str]]] = {}
_ONE_IN_EIGHT = st.integers(0, 7)
_LINE_BREAK = st.sampled_from(["\n", "\n", "\r\n", "\r", "\u2028", "\x85", "\n\n"])
_SPACING = st.one_of(unicode_space(), st.just(""), st.just("  "))


@st.composite
def arabic_text(draw: st.DrawFn, max_tokens: int = 30, lines: bool = True) -> str:
    """Realistic mixed text: Arabic words with diacritics and tatweel, digits in
    three systems, Latin, emoji, presentation forms, controls and odd spaces;
    with ``lines=True``, line breaks of every kind (``\\n``, ``\\r\\n``, U+2028 ...).
    """
    if max_tokens not in _TOKENS:
        _TOKENS[max_tokens] = st.lists(_token(), max_size=max_tokens)
    tokens = draw(_TOKENS[max_tokens])
    out: list[str] = []
    for token in tokens:
        out.append(token)
        if lines and draw(_ONE_IN_EIGHT) == 0:
            out.append(draw(_LINE_BREAK))
        else:
            out.append(draw(_SPACING))
    return "".join(out)


def any_unicode_text(max_size: int = 80, surrogates: bool = True) -> st.SearchStrategy[str]:
    """Arbitrary text over all planes; with ``surrogates``, lone surrogates too."""
    chars = st.characters(codec=None) if not surrogates else st.one_of(
        st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
    )
    return st.text(alphabet=chars, max_size=max_size)
