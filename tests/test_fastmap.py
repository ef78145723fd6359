"""The fast executors give exactly the reference semantics of a character map,
and ``import arnorm`` stays cheap (lazy imports)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import arnorm
from arnorm import _fastmap
from arnorm._fastmap import LARGE_INPUT, MapExecutor
from arnorm.strategies import any_unicode_text, arabic_text
from arnorm.tables import apply_map

KEYS = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
    st.characters(max_codepoint=0x7F),
    st.sampled_from(["\u200c", "\u2002", "\ufffe", "\uffff", "\U0001f600", "\U0001ee00", "\ud83d", "\udc00"]),
)
VALUES = st.one_of(st.just(""), KEYS, st.text(alphabet=KEYS, max_size=3))
TABLES = st.dictionaries(KEYS, VALUES, max_size=40)
TEXTS = st.one_of(arabic_text(), any_unicode_text(surrogates=True), st.text(alphabet=KEYS, max_size=50))


@given(table=TABLES, text=TEXTS)
@example(table={"a": "b", "b": "a"}, text="abba")  # not closed: order matters
@example(table={"\ufefb": "\u0644\u0627", "\u0623": "\u0627"}, text="\ufefb\u0623x")
@example(table={"\u0640": ""}, text="\ud800\u0640\udc00")  # lone surrogates
@example(table={"\ud83d": "x", **{chr(c): "" for c in range(0x64B, 0x653)}}, text="\U0001f600\u064e")
@example(table={chr(c): "" for c in range(0x64B, 0x653)}, text="\ufffe\u064e\uffff")
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
    """Inputs long enough for the NumPy plan (and slice boundaries) agree too."""
    big = (text + "\u0628") * (LARGE_INPUT // (len(text) + 1) + repeat)
    assert MapExecutor(table)(big) == apply_map(table, big)


@given(table=TABLES, text=TEXTS, size=st.integers(1, 70))
def test_every_slice_size_gives_the_same_result(table: dict[str, str], text: str, size: int) -> None:
    """Slices cut surrogate pairs, ligatures and runs of deleted marks anywhere."""
    large = MapExecutor(table).large(text * 3, size)
    assert large is None or large == apply_map(table, text * 3)


def test_surrogate_and_astral_keys_decline_the_utf16_plan() -> None:
    deletes = {chr(c): "" for c in range(0x64B, 0x653)}
    for key in ("\ud83d", "\udc00", "\U0001f600"):
        executor = MapExecutor({**deletes, key: "x"})
        assert executor.large("\U0001f600\u064e" * LARGE_INPUT) is None
        text = "\U0001f600\u064e" * LARGE_INPUT
        assert executor(text) == apply_map({**deletes, key: "x"}, text)


def test_slice_boundaries_and_surrogate_pairs() -> None:
    table = {"\u064e": "", "\ufefb": "\u0644\u0627", "\u0623": "\u0627", **{chr(c): "" for c in range(0x64F, 0x653)}}
    unit = "\u0623\u064e\U0001f600\ufefb"
    text = unit * (_fastmap.SLICE // 3)  # pairs straddle slice edges
    assert MapExecutor(table)(text) == apply_map(table, text)


def test_dense_specials_fall_back_correctly() -> None:
    table = {"\ufefb": "\u0644\u0627", **{chr(c): "" for c in range(0x64B, 0x653)}}
    text = "\ufefb\u064e" * (LARGE_INPUT * 2)
    assert MapExecutor(table)(text) == "\u0644\u0627" * (LARGE_INPUT * 2)


@pytest.mark.parametrize("name", sorted(arnorm.PRESETS))
def test_every_code_point_through_each_fused_map(name: str) -> None:
    """Exhaustive: every code point (lone surrogates in their own text) through
    each fused character map of each preset, on the NumPy plan, the small plan
    and the dispatcher, equals the reference."""
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    surrogates = "".join(chr(c) for c in range(0xD800, 0xE000)) * 2
    maps = [step for step in arnorm.preset(name).plan if isinstance(step, arnorm.CharMap)]
    assert maps
    for step in maps:
        executor = MapExecutor(step.mapping)
        for text in (everything, surrogates, "\u0628\u064e" * LARGE_INPUT):
            expected = apply_map(step.mapping, text)
            assert executor(text) == expected
            assert executor.small(text) == expected
            large = executor.large(text)
            assert large is None or large == expected


def _fresh(code: str) -> str:
    """Run ``code`` in a fresh interpreter and return its standard output."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


HEAVY = ("numpy", "hijridate", "arnorm.dates", "arnorm.translit", "arnorm.offsets", "arnorm.alignment")


def test_import_arnorm_loads_nothing_heavy() -> None:
    out = _fresh(
        f"""
        import sys, arnorm
        print(sorted(m for m in {HEAVY!r} if m in sys.modules))
        """
    )
    assert out == "[]"


def test_short_inputs_never_import_numpy_and_large_ones_do() -> None:
    out = _fresh(
        """
        import sys, arnorm
        for name in arnorm.PRESETS:
            arnorm.normalize("أخبارٌ ســورية ٢٦ مايو  ﻻ", name)
        before = "numpy" in sys.modules
        arnorm.normalize("قَالَ " * 5000)
        print(before, "numpy" in sys.modules)
        """
    )
    assert out == "False True"


def test_public_names_resolve_lazily_and_dir_is_complete() -> None:
    out = _fresh(
        """
        import arnorm, arnorm.stage, arnorm.offsets, arnorm.dates, arnorm.translit
        missing = [n for n in arnorm.__all__ if n not in dir(arnorm)]
        wrong = [n for n in arnorm.__all__ if getattr(arnorm, n) is None]
        print(missing, wrong, callable(arnorm.stage), arnorm.stage("digits")("\u0661"))
        """
    )
    assert out == "[] [] True 1"


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        arnorm.nope  # noqa: B018
