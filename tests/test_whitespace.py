"""The vectorised space tidying equals the regular-expression definition."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from arnorm.registry import build
from arnorm.stage import FunctionStage
from arnorm.stages.invisible import _LEADING, _RUN, _TRAILING, _tidy_large, tidy_spaces


def reference(text: str) -> str:
    text = _RUN.sub(" ", text)
    return _LEADING.sub(r"\1", _TRAILING.sub("", text.strip(" ")))


@given(st.text(alphabet=" \n\r\x0b\x85\u2028\u2029\tab\u0628\U0001f600", max_size=60))
@example("  a  \r\n  b \u2028 c  ")
def test_large_path_equals_reference(text: str) -> None:
    out = _tidy_large(text) if text else text
    assert out == reference(text)


FILLER = "\u0643\u0644\u0645\u0629 \u0643\u0644\u0645\u0629\n" * 2000


@given(st.lists(st.text(alphabet=" \n\r\x85\u2028ab\u0628", max_size=12), max_size=6), st.booleans())
@example(["  a  \r\n  b ", " "], True)
def test_few_untidy_lines_among_many_equal_reference(lines: list[str], trailing: bool) -> None:
    """Large text with a few lines that need work (tidied line by line and spliced)."""
    text = FILLER.join(lines) + (" " if trailing else "")
    assert _tidy_large(text) == reference(text)


def test_large_input_uses_the_same_rules() -> None:
    text = ("  كلمة   كلمة  \n" * 40_000) + " \u2028  x  "  # several 256K-character slices
    assert tidy_spaces(text) == reference(text)
    assert tidy_spaces("\ud800  a") == "\ud800 a"  # lone surrogates take the regex path


@given(st.text(alphabet=" \n\r\x0b\x1c\x85\u2028\u2029\tab\u0628", max_size=40), st.booleans(), st.booleans())
@example("  a  \r\n  b \u2028 c  \n", True, True)
@example(" a \n ", True, False)
def test_declared_rules_do_what_the_function_does(text: str, strip: bool, collapse: bool) -> None:
    """``whitespace``'s tidying declares rules (run by the tokenizers export): applied in order, they equal it."""
    [_, tidy] = build("whitespace", {"strip": strip, "collapse": collapse}).leaves()
    assert isinstance(tidy, FunctionStage) and tidy.rules is not None
    out = text
    for pattern, repl in tidy.rules:
        out = re.sub(pattern, repl, out)
    assert out == tidy(text) == tidy_spaces(text, strip=strip, collapse=collapse)
