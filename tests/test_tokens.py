"""Tokens with spans in the original text; clitic splitting; find and highlight."""

from __future__ import annotations

import itertools
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import arnorm
from arnorm.clitics import split_points
from arnorm.locate import find, highlight
from arnorm.strategies import NASTY, any_unicode_text, arabic_text, arabic_word
from arnorm.tokens import tokenize

_SEPARATORS = {"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn"}


@given(any_unicode_text())
@example("وَبِالصَّلَاةِ قالَ: ١٢٫٥٪ ok 👍🏽 🇸🇦 ﷺ")
def test_tokens_cover_everything_but_separators(text: str) -> None:
    tokens = tokenize(text)
    last = 0
    for t in tokens:
        assert last <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert all(unicodedata.category(c) in _SEPARATORS for c in text[last : t.start])
        last = t.end
    assert all(unicodedata.category(c) in _SEPARATORS for c in text[last:])


@given(arabic_text(), st.sampled_from(["search", "clean", "ml", "lucene_stem"]), st.booleans())
def test_spans_after_a_pipeline_are_ordered_and_inside_the_text(text: str, name: str, clitics: bool) -> None:
    tokens = tokenize(text, name, clitics=clitics)
    for a, b in itertools.pairwise(tokens):
        assert a.start <= b.start and a.end <= b.end
    assert all(0 <= t.start <= t.end <= len(text) for t in tokens)
    # The tokens are those of the normalized text (clitics only cut words further).
    plain = [t.text for t in tokenize(arnorm.preset(name)(text))]
    if clitics:
        assert "".join(t.text for t in tokens) == "".join(plain)
    else:
        assert [t.text for t in tokens] == plain


@given(arabic_text())
@example("\u0647\u0670\u0623\u0621\n")  # found by hypothesis: the vocative split, two tokens one span
def test_a_token_of_the_search_preset_is_the_search_form_of_its_span(text: str) -> None:
    # Without ligatures (one original character that becomes several words), the
    # original span of a token normalizes to the token.  A word that a stage splits
    # (the Uthmani vocative هٰٓأَنتُمْ -> ها أنتم) gives each of its tokens the whole
    # word's span (offsets are exact to the word): its tokens are the search form of
    # that span, together.
    search = arnorm.preset("search")
    tokens = tokenize(text, "search")
    for (start, end), group in itertools.groupby(tokens, key=lambda t: (t.start, t.end)):
        if not any(c in text[start:end] for c in NASTY):
            assert search(text[start:end]).split() == [t.text for t in group]


@given(arabic_word(vocalized=None))
def test_clitic_tokens_tile_their_word(word: str) -> None:
    cuts = split_points(word)
    assert cuts == sorted(set(cuts)) and all(0 < c < len(word) for c in cuts)
    tokens = tokenize(word, clitics=True)
    assert "".join(t.text for t in tokens) == "".join(t.text for t in tokenize(word))


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        # Wright, A Grammar of the Arabic Language, vol. 1 §§ 345, 354-357: wa-, bi-, al-.
        ("وبالصلاة", ["و", "ب", "ال", "صلاة"]),
        ("وَبِالصَّلَاةِ", ["وَ", "بِ", "ال", "صَّلَاةِ"]),
        ("والكتاب", ["و", "ال", "كتاب"]),
        ("للصلاة", ["ل", "ل", "صلاة"]),  # li- + al- written lil- (Wright § 345)
        ("سيكون", ["س", "يكون"]),  # future sa- + imperfect (Ryding ch. 17)
        ("وقال", ["و", "قال"]),
        # Words whose first letters are root letters, not clitics.
        ("وصل", ["وصل"]),
        ("بلد", ["بلد"]),
        ("كتاب", ["كتاب"]),
        ("الله", ["الله"]),
        ("الذي", ["الذي"]),
        ("كان", ["كان"]),
        ("لبنان", ["لبنان"]),
        ("التزام", ["التزام"]),
        ("سيارة", ["سيارة"]),
    ],
)
def test_clitic_examples(word: str, parts: list[str]) -> None:
    assert [t.text for t in tokenize(word, clitics=True)] == parts


def test_clitic_spans_point_into_the_vocalized_original() -> None:
    text = "وَبِالصَّلَاةِ"
    spans = [(t.start, t.end) for t in tokenize(text, "search", clitics=True)]
    assert [text[a:b] for a, b in spans] == ["وَ", "بِ", "ال", "صَّلَاةِ"]


def test_kinds() -> None:
    kinds = [(t.text, t.kind) for t in tokenize("قال: 26.5% ok Привет 👍🏽 🇸🇦 $")]
    assert kinds == [
        ("قال", "arabic"),
        (":", "punct"),
        ("26.5%", "number"),
        ("ok", "latin"),
        ("Привет", "word"),
        ("👍🏽", "emoji"),
        ("🇸🇦", "emoji"),
        ("$", "symbol"),
    ]


def test_tokenize_rejects_bytes() -> None:
    with pytest.raises(TypeError, match="str, not bytes"):
        tokenize(b"x")  # type: ignore[arg-type]


@given(arabic_text(), arabic_word(vocalized=False))
def test_find_spans_normalize_to_the_query(text: str, query: str) -> None:
    search = arnorm.preset("search")
    needle = search(query).strip()
    # A span covers its match (exactly, or the whole word where a stage's offsets are
    # word-level, as the Uthmani spelling's are).
    for start, end in find(text, query):
        if not any(c in text[start:end] for c in NASTY):
            assert needle in search(text[start:end])


def test_find_in_a_vocalized_text() -> None:
    text = "قال أَحْمَـــدُ وأحمد"
    assert find(text, "احمد") == [(4, 15), (17, 21)]
    assert find(text, "احمد", whole_words=True) == [(4, 15)]
    assert highlight(text, "أحمد", whole_words=True) == "قال <mark>أَحْمَـــدُ</mark> وأحمد"
    assert find(text, "   ") == []
