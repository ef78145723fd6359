"""Pipelines as Hugging Face tokenizers normalizers: same output as arnorm."""

from __future__ import annotations

import pytest
from conftest import shared_file
from hypothesis import given
from hypothesis import strategies as st

import arnorm
from arnorm.errors import UnsupportedStageError
from arnorm.integrations.hf_tokenizers import _ordered_groups, hf_supported_part
from arnorm.strategies import arabic_text

pytest.importorskip("tokenizers")
from arnorm.integrations import to_hf_normalizer

# ml's `compose` has no exact tokenizers equivalent; approximate=True maps it to NFC.  The Uthmani
# spelling and the context-dependent stages have none at all: skip_unsupported=True leaves them
# out, and the normalizer then equals the rest of the pipeline (hf_supported_part).
EXPORTABLE = {"search": False, "ml": True, "clean": False, "lucene": False}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPORTABLE))
def test_same_output_as_arnorm_on_every_corpus_line(name: str) -> None:
    normalizer = to_hf_normalizer(name, approximate=EXPORTABLE[name], skip_unsupported=True)
    pipe, skipped = hf_supported_part(name, approximate=EXPORTABLE[name])
    lines: list[str] = []
    for corpus in ("news_saudinewsnet.txt", "classical_tashkeela.txt", "quran_uthmani.txt", "seed_article.txt"):
        lines += shared_file("corpus", corpus).read_text(encoding="utf-8").splitlines()
    # Line by line: tokenizers' Replace costs time in proportion to the string's
    # length for every replacement it makes, so one joined string is far slower.
    bad = [line for line in lines if normalizer.normalize_str(line) != pipe(line)]
    whole = arnorm.preset(name)
    same = sum(pipe(line) == whole(line) for line in lines)
    print(f"{name}: {len(lines) - len(bad)}/{len(lines)} corpus lines identical to its exportable part")
    print(f"{name}: skipped {', '.join(skipped) or 'nothing'}; they change {len(lines) - same} corpus lines")
    assert bad == []


@given(arabic_text(lines=False), st.sampled_from(["search", "clean", "lucene"]))
def test_same_output_as_arnorm_on_generated_text(text: str, name: str) -> None:
    pipe, _ = hf_supported_part(name)
    assert to_hf_normalizer(name, skip_unsupported=True).normalize_str(text) == pipe(text)


def test_unsupported_stages_are_named() -> None:
    with pytest.raises(UnsupportedStageError, match="'uthmani'"):
        to_hf_normalizer("search")
    with pytest.raises(UnsupportedStageError, match="'compose'.*approximate=True"):
        to_hf_normalizer("nfc,compose")
    assert hf_supported_part("lucene") == (arnorm.Pipeline(arnorm.preset("lucene").plan), ())
    with pytest.raises(UnsupportedStageError, match="'dates'"):
        to_hf_normalizer("dates")


def test_replacements_are_ordered_so_none_is_rewritten() -> None:
    # x -> "ab" must run after a -> c, or the a it writes would become c.
    mapping = {"x": "ab", "a": "c"}
    order = [value for value, _ in _ordered_groups(mapping)]
    assert order.index("c") < order.index("ab")
    pipe = arnorm.Pipeline([arnorm.CharMap.from_mapping("m", mapping)])
    assert to_hf_normalizer(pipe).normalize_str("xa") == pipe("xa") == "abc"
    with pytest.raises(UnsupportedStageError, match="cycle"):
        _ordered_groups({"a": "b", "b": "a"})
