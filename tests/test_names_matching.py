"""Tests of name matching across scripts and of the reverse direction (arnorm.translit.names)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_names import _sprinkle  # the same harakat/tatweel sprinkler

from arnorm.translit.names import transliterate_name
from arnorm.translit.names.normalize import ARABIC_LETTERS

HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
TATWEEL = "\u0640"
LETTERS = "".join(sorted(ARABIC_LETTERS))
arabic_word = st.text(alphabet=LETTERS, min_size=1, max_size=9)
arabic_name = st.lists(arabic_word, min_size=1, max_size=4).map(" ".join)




# ------------------------------------------------------------------ matching

latin_name = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8), min_size=1,
                      max_size=3).map(" ".join)


@settings(max_examples=30)
@given(st.one_of(arabic_name, latin_name), st.one_of(arabic_name, latin_name))
def test_similarity_is_a_symmetric_score(a: str, b: str) -> None:
    from arnorm.translit.names.matching import name_similarity

    s = name_similarity(a, b)
    assert 0.0 <= s <= 1.0
    assert s == pytest.approx(name_similarity(b, a))
    assert name_similarity(a, a) == 1.0


@settings(max_examples=30)
@given(arabic_name, st.integers(0, 1000))
def test_name_key_ignores_harakat_tatweel_and_case(name: str, seed: int) -> None:
    from arnorm.translit.names.matching import name_key

    assert name_key(_sprinkle(name, HARAKAT, seed)) == name_key(name)
    assert name_key(_sprinkle(name, TATWEEL, seed)) == name_key(name)
    latin = transliterate_name(name)
    assert name_key(latin.upper()) == name_key(latin.lower())


@pytest.mark.parametrize(
    "arabic, latin",
    [
        ("عادل الجبير", "Adel al-Jubeir"),  # Saudi Ministry of Foreign Affairs, English site
        ("عادل الجبير", "Adel Al-Jubeir"),
        ("سلمان بن عبدالعزيز", "Salman bin Abdulaziz"),  # Saudi Press Agency
        ("عبد العزيز", "Abd al-Aziz"),  # ALA-LC form of the same name
        ("جمال عبد الناصر", "Gamal Abdel Nasser"),  # Encyclopaedia Britannica
        ("محمد", "Muhammad"),
        ("الرياض", "Riyadh"),  # GeoNames
    ],
)
def test_name_key_matches_across_scripts(arabic: str, latin: str) -> None:
    from arnorm.translit.names.matching import name_key, name_similarity

    assert name_key(arabic) == name_key(latin)
    assert name_similarity(arabic, latin) >= 0.8


def test_different_names_do_not_match() -> None:
    from arnorm.translit.names.matching import name_key, name_similarity

    assert name_key("عادل الجبير") != name_key("Khalid al-Falih")
    assert name_similarity("محمد", "Peterson") < 0.5
    with pytest.raises(TypeError):
        name_key(b"x")  # type: ignore[arg-type]


# ---------------------------------------------------------- reverse direction


@settings(max_examples=25)
@given(latin_name, st.integers(1, 10))
def test_reverse_variants_are_arabic_ranked_and_unique(name: str, k: int) -> None:
    from arnorm.translit.names.reverse import name_variants_arabic

    variants = name_variants_arabic(name, k)
    assert 1 <= len(variants) <= k
    assert len(set(variants)) == len(variants)
    for v in variants:
        assert set(v) <= ARABIC_LETTERS | {" "}, v
        assert len(v.split()) >= len(name.split()) - sum(w in ("al", "el") for w in name.split())


@pytest.mark.slow
def test_reverse_memory_is_linear_in_word_length() -> None:
    import tracemalloc

    from arnorm.translit.names.reverse import arabic_nbest

    arabic_nbest("mohammed" * 4)
    peaks = []
    for repeat in (8, 32):
        tracemalloc.start()
        assert arabic_nbest("mohammed" * repeat, 3)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert peaks[1] < 8 * peaks[0], peaks  # linear: about 4x; quadratic: 16x


@pytest.mark.parametrize(
    "latin, arabic",
    [
        ("Mohammed", "محمد"),  # the curated core list, read backwards
        ("Salman bin Abdulaziz", "سلمان بن عبد العزيز"),  # Saudi Press Agency spelling -> the Arabic name
        ("Putin", "بوتين"),  # Arabic news spelling of the Russian president (e.g. Al Jazeera)
    ],
)
def test_reverse_direction(latin: str, arabic: str) -> None:
    from arnorm.translit.names.reverse import name_variants_arabic

    assert arabic in name_variants_arabic(latin, 3)
