"""The fast executors give exactly the reference semantics of a character map."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from arnorm._fastmap import LARGE_INPUT, MapExecutor
from arnorm.strategies import any_unicode_text, arabic_text
from arnorm.tables import apply_map

KEYS = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
    st.characters(max_codepoint=0x7F),
    st.sampled_from(["\u200c", "\u2002", "\ufffe", "\uffff", "\U0001f600", "\U0001ee00"]),
)
VALUES = st.one_of(st.just(""), KEYS, st.text(alphabet=KEYS, max_size=3))
TABLES = st.dictionaries(KEYS, VALUES, max_size=40)
TEXTS = st.one_of(arabic_text(), any_unicode_text(surrogates=True), st.text(alphabet=KEYS, max_size=50))


@given(table=TABLES, text=TEXTS)
@example(table={"a": "b", "b": "a"}, text="abba")  # not closed: order matters
@example(table={"\ufefb": "\u0644\u0627", "\u0623": "\u0627"}, text="\ufefb\u0623x")
@example(table={"\u0640": ""}, text="\ud800\u0640\udc00")  # lone surrogates
def test_executor_equals_reference(table: dict[str, str], text: str) -> None:
    executor = MapExecutor(table)
    expected = apply_map(table, text)
    assert executor(text) == expected
    assert executor.small(text) == expected
    large = executor.large(text)
    if large is not None:
        assert large == expected


@given(table=TABLES, text=TEXTS, repeat=st.integers(1, 3))
def test_large_inputs_take_the_same_path_result(table: dict[str, str], text: str, repeat: int) -> None:
    """Inputs long enough for the NumPy plan (and chunk boundaries) agree too."""
    big = (text + "\u0628") * (LARGE_INPUT // (len(text) + 1) + repeat)
    assert MapExecutor(table)(big) == apply_map(table, big)


def test_chunk_boundaries_and_surrogate_pairs() -> None:
    from arnorm import _fastmap

    table = {"\u064e": "", "\ufefb": "\u0644\u0627", "\u0623": "\u0627"}
    unit = "\u0623\u064e\U0001f600\ufefb"
    text = unit * (_fastmap._CHUNK // 3)  # pairs straddle chunk edges
    assert MapExecutor(table)(text) == apply_map(table, text)


def test_dense_specials_fall_back_correctly() -> None:
    table = {"\ufefb": "\u0644\u0627"}
    text = "\ufefb" * (LARGE_INPUT * 2)
    assert MapExecutor(table)(text) == "\u0644\u0627" * (LARGE_INPUT * 2)
