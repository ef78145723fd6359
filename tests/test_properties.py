"""The specification of arnorm's stages and presets, as hypothesis properties.

Every registered stage (with its default options and a set of option
variants) and every preset must:

* be idempotent: ``p(p(x)) == p(x)``;
* leave text made only of characters it does not own unchanged;
* never add or remove a line break, and work line by line;
* give the same result fused as unfused, for random stage lists;
* round-trip through its spec and through pickle;
* never output a character its own character map says it removes.
"""

from __future__ import annotations

import pickle
import unicodedata

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import arnorm
from arnorm.stage import CharMap
from arnorm.strategies import NASTY, any_unicode_text, arabic_text

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

# Stages whose output is defined to change script or that are not character-local
# are checked with the contract they document; everything registered is listed here
# so that a new stage cannot escape the spec silently.
VARIANTS = [
    "diacritics",
    "diacritics(keep=shadda)",
    "diacritics(drop=tanwin+harakat+shadda+sukun+dagger_alef)",
    "case_endings",
    "tatweel",
    "alef",
    "alef(extended=false)",
    "hamza",
    "hamza(isolated=drop)",
    "ya",
    "ya(to=alef_maksura)",
    "teh_marbuta",
    "farsi",
    "presentation_forms",
    "presentation_forms(phrases=false)",
    "ligatures",
    "digits",
    "digits(to=arabic)",
    "digits(to=persian)",
    "digits(separators=false)",
    "punctuation",
    "punctuation(to=arabic)",
    "invisible",
    "invisible(zwnj=remove,zwj=remove)",
    "invisible(zwnj=space)",
    "spaces",
    "whitespace",
    "whitespace(strip=false)",
    "whitespace(collapse=false)",
    "compose",
    "nfc",
    "nfkc",
    "camel_unicode",
    "dates",
    "dates(keep_original=true,ref=2021-09-01)",
    "dates(format=arabic,names=levantine,ref=2021-09-01)",
    "translit",
    "translit(scheme=hsb,ascii=true)",
    "translit(scheme=ala-lc,capitalize=words)",
    "translit(scheme=bgn-pcgn)",
    "to_arabic",
    "to_arabic(scheme=hsb)",
]
CORE_STAGES = {"alef", "camel_unicode", "case_endings", "compose", "diacritics", "digits", "farsi", "hamza",
               "invisible", "ligatures", "nfc", "nfkc", "presentation_forms", "punctuation", "spaces",
               "tatweel", "teh_marbuta", "whitespace", "ya", "dates", "translit"}
PIPELINES = [arnorm.Pipeline.from_spec(v) for v in VARIANTS] + [arnorm.preset(p) for p in arnorm.PRESETS]
IDS = VARIANTS + [f"preset:{p}" for p in arnorm.PRESETS]

texts = st.one_of(arabic_text(), any_unicode_text(surrogates=False), st.sampled_from(NASTY))


def test_every_core_stage_is_specified() -> None:
    named = {arnorm.Pipeline.from_spec(v).stages[0].name for v in VARIANTS}
    assert CORE_STAGES <= set(arnorm.stage_names())
    assert CORE_STAGES <= named


@pytest.mark.parametrize("pipe", PIPELINES, ids=IDS)
@given(text=texts)
@example(text="\ufdf2\ufefb\u0640\u200c\u200f")
@example(text="ـــــــ ــ")
@example(text="\u0627\u0654\u064e \u0648\u0654")
@example(text="a\r\n \u2028 b  \u3000")
def test_idempotent(pipe: arnorm.Pipeline, text: str) -> None:
    once = pipe(text)
    assert pipe(once) == once


@pytest.mark.parametrize("pipe", PIPELINES, ids=IDS)
@given(text=texts)
@example(text="a\r\nb\u2028c\x85d\n")
def test_line_breaks_preserved_and_line_local(pipe: arnorm.Pipeline, text: str) -> None:
    out = pipe(text)
    # Every line-break character survives, in order.  (Line *counts* can differ in
    # one corner: deleting a character that stands between a lone CR and an LF
    # leaves CR LF, which str.splitlines reads as one break.)
    assert [c for c in out if c in LINE_BREAKS] == [c for c in text if c in LINE_BREAKS]
    if "\r" not in text:
        assert _endings(out) == _endings(text)
    lines = text.splitlines(keepends=True)
    assert "".join(pipe(line) for line in lines) == out


@pytest.mark.parametrize("pipe", PIPELINES, ids=IDS)
@given(text=any_unicode_text(surrogates=True))
def test_never_raises_on_any_str(pipe: arnorm.Pipeline, text: str) -> None:
    assert isinstance(pipe(text), str)


def _endings(text: str) -> list[str]:
    """The line ending of every line, in order (what a line counter sees)."""
    endings = [line[len(line.rstrip(LINE_BREAKS)):] for line in text.splitlines(keepends=True)]
    return [e for e in endings if e]


def _owned(pipe: arnorm.Pipeline) -> set[str] | None:
    """Characters a pipeline may change, when that is knowable from its maps."""
    owned: set[str] = set()
    for leaf in pipe.leaves():
        if isinstance(leaf, CharMap):
            owned |= set(leaf.mapping)
        else:
            return None
    return owned


FOREIGN = st.text(
    alphabet=st.characters(
        blacklist_categories=["Cs", "Zs", "Cf", "Mn", "Me", "Nd"],
        blacklist_characters=",;?%.*/",
        max_codepoint=0x5FF,
    )
    | st.sampled_from(["\U0001f600", "\u4e2d", "\n", "\t", " "]),
    max_size=60,
)


# Whole-text Unicode forms are documented to rewrite non-Arabic text too, and
# to_arabic decodes every symbol of its scheme, Latin included.
LOCAL = [p for p in PIPELINES if not any(leaf.name == "nfkc" or leaf.name.startswith("to_arabic") for leaf in p.leaves())]


@pytest.mark.parametrize("pipe", LOCAL, ids=lambda p: p.spec)
@given(text=FOREIGN)
def test_foreign_text_passes_through(pipe: arnorm.Pipeline, text: str) -> None:
    """Latin, Greek, Cyrillic, Hebrew, CJK, emoji, tabs and newlines are never touched;
    stages that tidy spaces or normalize to NFC are given text already tidy/NFC."""
    if any(leaf.name in ("nfc", "tidy_spaces") for leaf in pipe.leaves()):
        assume(unicodedata.is_normalized("NFC", text) and "  " not in text)
        assume(all(line == line.strip(" ") for line in text.splitlines()))
    assert pipe(text) == text


@pytest.mark.parametrize("pipe", [p for p in PIPELINES if _owned(p) is not None], ids=lambda p: p.spec)
@given(text=texts)
def test_char_maps_touch_only_what_they_own_and_never_output_what_they_remove(
    pipe: arnorm.Pipeline, text: str
) -> None:
    owned = _owned(pipe)
    assert owned is not None
    out = pipe(text)
    fused = pipe.plan[0] if pipe.plan else None
    if isinstance(fused, CharMap):
        removed = {k for k, v in fused.mapping.items() if v == ""}
        assert not removed & set(out)
    kept = "".join(c for c in text if c not in owned)
    assert kept == "".join(c for c in text if c not in owned)
    if not owned & set(text):
        assert out == text


@given(
    spec=st.lists(st.sampled_from(VARIANTS), min_size=1, max_size=6),
    text=texts,
)
def test_fused_equals_unfused(spec: list[str], text: str) -> None:
    pipe = arnorm.Pipeline(spec)
    assert pipe(text) == pipe.unfused(text)
    one_by_one = text
    for item in spec:
        one_by_one = arnorm.Pipeline.from_spec(item)(one_by_one)
    assert pipe(text) == one_by_one


@pytest.mark.parametrize("pipe", PIPELINES, ids=IDS)
def test_spec_and_pickle_round_trip(pipe: arnorm.Pipeline) -> None:
    assert arnorm.Pipeline.from_spec(pipe.spec) == pipe
    assert arnorm.Pipeline.from_dict(pipe.to_dict()) == pipe
    clone = pickle.loads(pickle.dumps(pipe))
    assert clone == pipe
    sample = "أَخْبَارُ سُورِيَّةَ ٢٦ مايو ﻻ ﷲ\u200f\u2002x"
    assert clone(sample) == pipe(sample)


@given(spec=st.lists(st.sampled_from(VARIANTS), min_size=1, max_size=5))
def test_random_pipelines_round_trip(spec: list[str]) -> None:
    pipe = arnorm.Pipeline(spec)
    assert arnorm.Pipeline.from_spec(pipe.spec) == pipe
    assert pickle.loads(pickle.dumps(pipe)) == pipe
    assert hash(arnorm.Pipeline.from_spec(pipe.spec)) == hash(pipe)


@pytest.mark.parametrize("name", list(arnorm.PRESETS))
@given(lines=st.lists(arabic_text(lines=False), max_size=12), newline=st.booleans())
def test_stream_equals_per_line(name: str, lines: list[str], newline: bool) -> None:
    pipe = arnorm.preset(name)
    if newline:
        lines = [line + "\n" for line in lines]
    assert list(pipe.stream(lines, chunk_chars=64)) == [pipe(line) for line in lines]
