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
import typing
import unicodedata
from typing import Any

import pytest
from conftest import sampled
from hypothesis import assume, example, given
from hypothesis import strategies as st

import arnorm
from arnorm.chars import LINE_BREAKS
from arnorm.registry import stage_info
from arnorm.spec import format_item, parse_spec
from arnorm.stage import CharMap
from arnorm.strategies import NASTY, any_unicode_text, arabic_text

# Option sets a registry walk cannot invent: several options at once, free-text
# options (dates' ref=) and tuple options given several values.
COMBINED = [
    "diacritics(drop=tanwin+harakat+shadda+sukun+dagger_alef)",
    "invisible(zwnj=remove,zwj=remove)",
    "dates(keep_original=true,ref=2021-09-01)",
    "dates(format=arabic,names=levantine,ref=2021-09-01)",
    "translit(scheme=hsb,ascii=true)",
    "translit(scheme=ala-lc,capitalize=words)",
]


def _builtin_stage_names() -> list[str]:
    """Every stage arnorm itself registers (tests may register their own)."""
    return [n for n in arnorm.stage_names() if stage_info(n).factory.__module__.startswith("arnorm.")]


def _enumerable_values(annotation: Any) -> list[Any] | None:
    """Every value of an option type that has finitely many, else ``None``."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is bool:
        return [True, False]
    if origin is typing.Literal:
        return list(args)
    if origin is tuple and args and typing.get_origin(args[0]) is typing.Literal:
        return [(value,) for value in typing.get_args(args[0])]
    return None


def _option_variants() -> list[str]:
    """One spec per non-default value of every enumerable option of every registered stage."""
    out: list[str] = []
    for name in _builtin_stage_names():
        for option, (annotation, default) in stage_info(name).options.items():
            for value in _enumerable_values(annotation) or []:
                if value != default:
                    out.append(format_item(name, ((option, value),)))
    return out


# Every registered stage with its defaults, read from the registry so that no stage
# can escape the spec; then every single option value (slow), then the combinations.
DEFAULTS = _builtin_stage_names()
OPTIONS = [v for v in _option_variants() if v not in COMBINED]
VARIANTS = DEFAULTS + COMBINED + OPTIONS
# PIPELINES/IDS (also imported by test_reliability): every stage's defaults, the
# combinations and the presets; CASES adds every single option value, marked slow.
PIPELINES = [arnorm.Pipeline.from_spec(v) for v in DEFAULTS + COMBINED] + [arnorm.preset(p) for p in arnorm.PRESETS]
IDS = DEFAULTS + COMBINED + [f"preset:{p}" for p in arnorm.PRESETS]
CASES = [pytest.param(pipe, id=ident) for pipe, ident in zip(PIPELINES, IDS)] + [
    pytest.param(arnorm.Pipeline.from_spec(v), id=v, marks=pytest.mark.slow) for v in OPTIONS
]

texts = st.one_of(arabic_text(), any_unicode_text(surrogates=False), st.sampled_from(NASTY))


def test_every_registered_stage_and_option_is_specified() -> None:
    """Each option is walked by the registry (bool, Literal, tuple of Literal) or set by
    a hand-written combination; an option of another type fails here until it is."""
    combined = {(name, option) for v in COMBINED for name, options in parse_spec(v) for option in options}
    for name in _builtin_stage_names():
        assert name in VARIANTS
        for option, (annotation, _) in stage_info(name).options.items():
            assert _enumerable_values(annotation) is not None or (name, option) in combined, (name, option)
    assert {arnorm.Pipeline.from_spec(v).stages[0].name for v in VARIANTS} == set(_builtin_stage_names())


@pytest.mark.parametrize("pipe", CASES)
@given(text=texts)
@example(text="\ufdf2\ufefb\u0640\u200c\u200f")
@example(text="ـــــــ ــ")
@example(text="\u0627\u0654\u064e \u0648\u0654")
@example(text="a\r\n \u2028 b  \u3000")
def test_idempotent(pipe: arnorm.Pipeline, text: str) -> None:
    once = pipe(text)
    if any(name in pipe.spec for name in NOT_IDEMPOTENT):
        # A light stemmer strips one layer of affixes per pass, exactly as Lucene's
        # ArabicStemmer does, so a stem may lose more on a second pass; it never grows.
        again = pipe(once)
        assert len(again) <= len(once)
        return
    assert pipe(once) == once


#: Stages that are not idempotent by definition (see test_idempotent).
NOT_IDEMPOTENT = ("light_stem",)


@pytest.mark.parametrize("pipe", CASES)
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


@pytest.mark.parametrize("pipe", CASES)
@given(text=any_unicode_text(surrogates=True))
def test_any_str_even_with_lone_surrogates(pipe: arnorm.Pipeline, text: str) -> None:
    """Never raises; fused equals unfused and line breaks survive even on lone surrogates."""
    out = pipe(text)
    assert out == pipe.unfused(text)
    assert [c for c in out if c in LINE_BREAKS] == [c for c in text if c in LINE_BREAKS]
    assert pipe(out) == out


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


# Whole-text Unicode forms are documented to rewrite non-Arabic text too, to_arabic
# decodes every symbol of its scheme, Latin included, and the social-text stages exist
# to rewrite URLs, e-mail addresses, mentions, hashtags, emoji and HTML.
_SOCIAL = ("emoji", "urls", "emails", "mentions", "hashtag", "html")


def _local(pipe: arnorm.Pipeline) -> bool:
    return not any(
        leaf.name == "nfkc" or leaf.name.startswith(("to_arabic", *_SOCIAL)) for leaf in pipe.leaves()
    )


LOCAL = [p for p in PIPELINES if _local(p)]  # imported by test_reliability


@pytest.mark.parametrize("pipe", [case for case in CASES if _local(case.values[0])])
@given(text=FOREIGN)
def test_foreign_text_passes_through(pipe: arnorm.Pipeline, text: str) -> None:
    """Latin, Greek, Cyrillic, Hebrew, CJK, emoji, tabs and newlines are never touched;
    stages that tidy spaces or normalize to NFC are given text already tidy/NFC."""
    if any(leaf.name in ("nfc", "tidy_spaces") for leaf in pipe.leaves()):
        assume(unicodedata.is_normalized("NFC", text) and "  " not in text)
        assume(all(line == line.strip(" ") for line in text.splitlines()))
    assert pipe(text) == text


@pytest.mark.parametrize("pipe", [case for case in CASES if _owned(case.values[0]) is not None])
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
    # A character map is character-local: every character it does not own comes
    # through unchanged and in place, and each owned one becomes what it maps to.
    assert out == "".join(pipe(c) if c in owned else c for c in text)
    assert all(pipe(c) == c for c in set(text) - owned)
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


@pytest.mark.parametrize("pipe", CASES)
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
    assert arnorm.Pipeline.from_dict(pipe.to_dict()) == pipe  # the dict form is the model
    assert pickle.loads(pickle.dumps(pipe)) == pipe
    assert hash(arnorm.Pipeline.from_spec(pipe.spec)) == hash(pipe)


# Pipeline.stream's batching is the same for every preset: three of them in the default run.
@pytest.mark.parametrize("name", sampled(list(arnorm.PRESETS), list(arnorm.PRESETS), every=3))
@given(lines=st.lists(arabic_text(lines=False), max_size=12), newline=st.booleans())
def test_stream_equals_per_line(name: str, lines: list[str], newline: bool) -> None:
    pipe = arnorm.preset(name)
    if newline:
        lines = [line + "\n" for line in lines]
    assert list(pipe.stream(lines, chunk_chars=64)) == [pipe(line) for line in lines]
