"""Arabic number words (issue 12): to digits and back, and the ``numbers`` stage.

Values of the standard forms follow Wright, A Grammar of the Arabic Language,
3rd ed., vol. 1 par. 320-329 (cardinals, compounds with wa-, hundreds,
thousands with dual, plural after 3-10 and accusative singular after 11-99,
ordinals); dialect spellings are listed in ``arnorm/data/numbers.json``.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from arnorm.errors import ArnormError
from arnorm.numbers import NumberRangeError, find_numbers, number_to_words, rewrite_numbers, words_to_number
from arnorm.pipeline import Pipeline
from arnorm.strategies import any_unicode_text


@given(n=st.integers(0, 10**12 - 1))
@example(n=0)
@example(n=100)
@example(n=2015)
@example(n=11000)
def test_words_round_trip(n: int) -> None:
    assert words_to_number(number_to_words(n)) == n


@given(n=st.integers(2, 10**9), before=st.sampled_from(["", "بلغ عدد الزوار ", "نحو "]))
def test_rewrite_writes_the_number_in_digits(n: int, before: str) -> None:
    text = f"{before}{number_to_words(n)} زائر"
    assert rewrite_numbers(text) == f"{before}{n} زائر"


@given(text=any_unicode_text())
@example(text="²")
@example(text="ثلاثة ²")
def test_no_exception_and_idempotent(text: str) -> None:
    once = rewrite_numbers(text)
    assert rewrite_numbers(once) == once
    for m in find_numbers(text):
        assert text[m.start : m.end] == m.text


@given(text=st.text(alphabet="abcdefghij klmnop.,", max_size=50))
def test_text_without_number_words_is_left_alone(text: str) -> None:
    assert rewrite_numbers(text) == text and find_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ثلاثة وعشرين", 23),
        ("ألفين وخمسة عشر", 2015),  # dual of alf, then a compound teen
        ("ثلاث مئة", 300),  # hundreds written in two words
        ("ثلاثمائة", 300),
        ("ثلاثة آلاف", 3000),  # plural after 3-10
        ("أحد عشر ألفا", 11000),  # accusative singular after 11-99
        ("مليون وخمسمائة ألف", 1500000),
        ("خمسمية واربعطاشر", 514),  # dialect (issue 12)
        ("مية وعشرين", 120),
        ("الحادي عشر", 11),
        ("الحادي والعشرين", 21),
        ("ثلاثة ونصف", 3.5),
    ],
)
def test_words_to_number_examples(text: str, value: float) -> None:
    assert words_to_number(text) == value


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (2, "اثنان"),
        (12, "اثنا عشر"),
        (21, "واحد وعشرون"),  # unit before ten, joined by wa-
        (105, "مئة وخمسة"),
        (2015, "ألفان وخمسة عشر"),
        (3000, "ثلاثة آلاف"),
        (11000, "أحد عشر ألفا"),
        (1234567, "مليون ومئتان وأربعة وثلاثون ألفا وخمسمئة وسبعة وستون"),
    ],
)
def test_number_to_words_examples(n: int, words: str) -> None:
    assert number_to_words(n) == words


def test_percent_and_conjunction() -> None:
    assert rewrite_numbers("ارتفع بنسبة خمسة في المئة") == "ارتفع بنسبة 5%"
    assert rewrite_numbers("بنسبة 5 في المائة") == "بنسبة 5%"
    assert rewrite_numbers("وثلاثة آلاف") == "و3000"
    (m,) = find_numbers("خمسة في المئة")
    assert (m.kind, m.value) == ("percent", 5)


def test_ambiguous_lone_words_and_ordinals_are_left_alone_by_default() -> None:
    text = "قتل ست أشخاص في آن واحد في شهر صفر في الفصل الأول"
    assert rewrite_numbers(text) == text
    assert rewrite_numbers("الفصل الحادي عشر", ordinals=True) == "الفصل 11"


def test_number_to_words_range_error() -> None:
    with pytest.raises(NumberRangeError, match="0 to 999999999999") as info:
        number_to_words(-1)
    assert isinstance(info.value, ArnormError)
    with pytest.raises(NumberRangeError):
        number_to_words(1.5)  # type: ignore[arg-type]


def test_numbers_stage() -> None:
    pipe = Pipeline.from_spec("numbers(ordinals=true)")
    assert pipe("في الفصل الحادي عشر ارتفع بنسبة خمسة في المئة") == "في الفصل 11 ارتفع بنسبة 5%"
    import pickle

    assert pickle.loads(pickle.dumps(pipe))("ثلاثة وعشرين") == "23"
