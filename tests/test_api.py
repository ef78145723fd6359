"""The public API: construction, errors, registry, streaming, explanations."""

from __future__ import annotations

import pickle

import pytest

import arnorm
from arnorm.errors import SpecError, StageOptionError, UnknownPresetError, UnknownStageError


def test_normalize_default_is_search() -> None:
    assert arnorm.normalize("أَخْبَارٌ") == arnorm.preset("search")("أَخْبَارٌ") == "اخبار"


def test_unknown_stage_lists_valid_names() -> None:
    with pytest.raises(UnknownStageError) as info:
        arnorm.Pipeline(["diacritics", "nope"])
    assert "nope" in str(info.value) and "diacritics" in str(info.value)
    assert isinstance(info.value, ValueError)
    assert "tatweel" in info.value.choices


def test_unknown_preset_lists_valid_names() -> None:
    with pytest.raises(UnknownPresetError, match="search"):
        arnorm.preset("fast")
    with pytest.raises(ValueError):
        arnorm.normalize("x", preset="fast")


@pytest.mark.parametrize(
    "spec, match",
    [
        ("digits(to=roman)", "valid choices: ascii, arabic, persian"),
        ("digits(base=10)", "no such option"),
        ("teh_marbuta(x=1)", "takes no options"),
        ("alef(extended=maybe)", "true or false"),
        ("diacritics(keep=shadda+vowels)", "valid choices"),
    ],
)
def test_bad_options(spec: str, match: str) -> None:
    with pytest.raises(StageOptionError, match=match):
        arnorm.Pipeline.from_spec(spec)


@pytest.mark.parametrize("spec", ["diacritics,,alef", "digits(to=ascii", "9x", "alef extra"])
def test_bad_specs(spec: str) -> None:
    with pytest.raises((SpecError, UnknownStageError)):
        arnorm.Pipeline.from_spec(spec)


def test_python_options_are_validated_too() -> None:
    assert arnorm.stage("digits", {"to": "arabic"})("1") == "\u0661"
    with pytest.raises(StageOptionError):
        arnorm.stage("digits", {"to": 3})


def test_bytes_give_a_helpful_type_error() -> None:
    with pytest.raises(TypeError, match="decode"):
        arnorm.normalize(b"abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not int"):
        arnorm.Pipeline(["alef"])(3)  # type: ignore[arg-type]


def test_third_party_stage_registration() -> None:
    def no_latin_digits() -> arnorm.Stage:
        return arnorm.CharMap.from_mapping("x", {d: "" for d in "0123456789"})

    arnorm.register("test_no_latin_digits", no_latin_digits, description="delete ASCII digits")
    pipe = arnorm.Pipeline(["digits", "test_no_latin_digits"])
    assert pipe("٢٠١٩ x") == " x"
    assert len(pipe.plan) == 1  # fused with the built-in map
    assert arnorm.stage_info("test_no_latin_digits").description == "delete ASCII digits"
    with pytest.raises(arnorm.ArnormError, match="already registered"):
        arnorm.register("test_no_latin_digits", no_latin_digits)


def test_pipeline_is_a_stage_and_nests() -> None:
    inner = arnorm.Pipeline(["diacritics", "tatweel"])
    outer = arnorm.Pipeline([inner, "alef"])
    assert outer("أَحْمَـــد") == "احمد"
    assert len(outer.plan) == 1
    flat = arnorm.Pipeline(["diacritics", "tatweel", "alef"])
    assert outer.leaves() == flat.leaves() and outer.plan == flat.plan
    assert outer != flat  # equality is structural; behaviour is the same


def test_equality_hash_repr() -> None:
    a = arnorm.Pipeline(["diacritics(keep=shadda)", "alef"])
    b = arnorm.Pipeline.from_spec("diacritics(keep=shadda),alef")
    assert a == b and hash(a) == hash(b)
    assert a != arnorm.Pipeline(["diacritics", "alef"])
    assert repr(a) == "Pipeline('diacritics(keep=shadda),alef')"
    assert a.to_dict() == {"stages": [{"stage": "diacritics", "keep": ["shadda"]}, {"stage": "alef"}]}


def test_default_options_are_not_in_the_spec() -> None:
    assert arnorm.Pipeline(["digits(to=ascii)"]).spec == "digits"


def test_pickle_does_not_carry_compiled_state() -> None:
    pipe = arnorm.preset("search")
    pipe("warm up " * 1000)
    assert len(pickle.dumps(pipe)) < 60_000


def test_stream_keeps_newlines_and_order() -> None:
    pipe = arnorm.preset("search")
    lines = ["أَ\n", "ـب\n", "\n", "ج"]
    assert list(pipe.stream(lines)) == ["ا\n", "ب\n", "\n", "ج"]
    assert list(pipe.stream(iter([]))) == []


def test_explain_names_what_changed() -> None:
    steps = arnorm.Pipeline(["tatweel", "alef", "digits"]).explain("أحمـــد ٢")
    assert [s.stage for s in steps] == ["tatweel", "alef", "digits"]
    assert steps[0].changes[0].old == "\u0640\u0640\u0640" and steps[0].changes[0].new == ""
    assert "U+0640 ARABIC TATWEEL x3" in steps[0].changes[0].describe()
    assert steps[1].after == "احمد ٢"
    assert steps[-1].after == arnorm.Pipeline(["tatweel", "alef", "digits"])("أحمـــد ٢")


def test_pipeline_works_in_worker_processes() -> None:
    import multiprocessing

    pipe = arnorm.preset("search")
    texts = ["أَخْبَارٌ", "ﻻ ﷲ", "٢٦ مايو"] * 4
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        assert pool.map(pipe, texts) == [pipe(t) for t in texts]
