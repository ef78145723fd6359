"""The vectorised space tidying equals the regular-expression definition."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from arnorm.stages.invisible import _LEADING, _RUN, _TRAILING, _tidy_large, tidy_spaces


def reference(text: str) -> str:
    text = _RUN.sub(" ", text)
    return _LEADING.sub(r"\1", _TRAILING.sub("", text.strip(" ")))


@given(st.text(alphabet=" \n\r\x0b\x85\u2028\u2029\tab\u0628\U0001f600", max_size=60))
@example("  a  \r\n  b \u2028 c  ")
def test_large_path_equals_reference(text: str) -> None:
    out = _tidy_large(text) if text else text
    assert out == reference(text)


def test_large_input_uses_the_same_rules() -> None:
    text = ("  كلمة   كلمة  \n" * 40_000) + " \u2028  x  "  # several 256K-character slices
    assert tidy_spaces(text) == reference(text)
    assert tidy_spaces("\ud800  a") == "\ud800 a"  # lone surrogates take the regex path
