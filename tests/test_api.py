"""The public API: construction, errors, registry, streaming, explanations."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnorm
from arnorm.errors import (
    ConfigError,
    SpecError,
    StageNotInPipelineError,
    StageOptionError,
    UnknownPresetError,
    UnknownStageError,
)
from arnorm.schema import spec_to_data


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


@pytest.mark.slow
def test_pipeline_works_in_worker_processes() -> None:
    import multiprocessing

    pipe = arnorm.preset("search")
    texts = ["أَخْبَارٌ", "ﻻ ﷲ", "٢٦ مايو"] * 4
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        assert pool.map(pipe, texts) == [pipe(t) for t in texts]


# -- the dict form is the model; spec strings and configuration files are views of it ----
def test_without_drops_stages_and_lists_the_pipeline_stages_on_a_bad_name() -> None:
    search = arnorm.preset("search")
    assert search.without("digits", "punctuation") == arnorm.Pipeline(
        [s for s in search.stages if s.name not in ("digits", "punctuation")]
    )
    assert search.without() == arnorm.Pipeline(search.stages)
    nested = arnorm.Pipeline([arnorm.Pipeline(["tatweel", "alef"]), "ya"])
    assert nested.without("alef") == arnorm.Pipeline(["tatweel", "ya"])
    with pytest.raises(StageNotInPipelineError) as info:
        arnorm.preset("clean").without("tatweel", "nope")
    stages = tuple(s.name for s in arnorm.preset("clean").stages)
    assert info.value.choices == stages
    assert str(info.value) == f"'nope' is not a stage of this pipeline; its stages: {', '.join(stages)}"


def test_dict_form_carries_the_description_and_splices_anonymous_nested_pipelines() -> None:
    nested = arnorm.Pipeline([arnorm.Pipeline(["tatweel", "alef(extended=false)"]), "ya"], description="mine")
    data = nested.to_dict()
    assert data == {
        "description": "mine",
        "stages": [{"stage": "tatweel"}, {"stage": "alef", "extended": False}, {"stage": "ya"}],
    }
    back = arnorm.Pipeline.from_dict(data)
    assert back == arnorm.Pipeline(["tatweel", "alef(extended=false)", "ya"]) and back.description == "mine"


def test_spec_strings_are_a_view_of_the_dict_form() -> None:
    spec = "diacritics(keep=shadda+sukun),alef(extended=false),dates(ref=2021-09-01)"
    assert spec_to_data(spec) == {
        "stages": [
            {"stage": "diacritics", "keep": "shadda+sukun"},
            {"stage": "alef", "extended": "false"},
            {"stage": "dates", "ref": "2021-09-01"},
        ]
    }
    pipe = arnorm.Pipeline.from_spec(spec)
    assert arnorm.Pipeline.from_dict(pipe.to_dict()) == pipe
    assert pipe.to_dict()["stages"][0] == {"stage": "diacritics", "keep": ["shadda", "sukun"]}
    with pytest.raises(SpecError, match="'stage' is not an option name"):
        arnorm.Pipeline.from_spec("alef(stage=ya)")


def test_from_dict_errors_name_the_key() -> None:
    with pytest.raises(ConfigError) as info:
        arnorm.Pipeline.from_dict({"stages": [{"stage": "ya"}, {"stage": "digits", "to": "roman"}]}, source="x")
    assert info.value.key == "stages[1].to" and "persian" in info.value.choices
    # without a source the registry's own errors come through, as from a spec string
    with pytest.raises(StageOptionError):
        arnorm.Pipeline.from_dict({"stages": [{"stage": "digits", "to": "roman"}]})
    with pytest.raises(ConfigError, match="unknown key.*valid choices: description, stages"):
        arnorm.Pipeline.from_dict({"stages": [], "preset": "search"})
    with pytest.raises(ConfigError, match="missing the 'stages' key"):
        arnorm.Pipeline.from_dict({})
    unregistered = arnorm.Pipeline([arnorm.CharMap.from_mapping("mine", {"a": "b"})])
    with pytest.raises(ConfigError, match="'mine' is not registered"):
        unregistered.to_dict()


@pytest.mark.parametrize(
    ("spec", "position", "fragment"),
    [
        # issue 16: these two pointed at character 0
        ("diacritics(keep=", 10, "'(' is never closed"),
        ("diacritics(keep=shadda))", 23, "expected ',' between stages"),
        ("alef extra", 5, "expected ',' between stages"),
        ("diacritics,,alef", 11, "expected a stage name"),
        ("9x", 0, "expected a stage name"),
        ("a(b(c=1))", 3, "'(' inside the options"),
        ("a(b)", 2, "expected option=value"),
    ],
)
def test_spec_errors_point_at_the_character_at_fault(spec: str, position: int, fragment: str) -> None:
    with pytest.raises(SpecError) as info:
        arnorm.Pipeline.from_spec(spec)
    assert info.value.position == position
    assert f"at character {position}: {fragment}" in str(info.value)


@given(spec=st.text(alphabet=st.sampled_from("ab_(),=+ 9é"), max_size=20) | st.text(max_size=20))
def test_any_spec_string_builds_or_raises_a_library_error_pointing_inside_it(spec: str) -> None:
    try:
        arnorm.Pipeline.from_spec(spec)
    except SpecError as exc:
        assert exc.position is None or 0 <= exc.position <= len(spec)
    except arnorm.ArnormError:
        pass


def test_stream_rejects_bytes_and_non_str_lines_with_a_type_error() -> None:
    # issue 16: Pipeline.stream(b"...") failed with "object of type 'int' has no len()".
    pipe = arnorm.preset("search")
    with pytest.raises(TypeError, match="not one bytes: decode"):
        pipe.stream(b"\xd8\xa3\n")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not one str: call the pipeline"):
        pipe.stream("أ\n")
    with pytest.raises(TypeError, match="decode first"):
        list(pipe.stream([b"x\n"]))  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not int"):
        list(pipe.stream(["a", 3]))  # type: ignore[list-item]


def test_top_level_name_functions_take_the_conventions() -> None:
    # Egyptian news spelling of جمال عبد الناصر (Al-Ahram English, Reuters): Gamal Abdel Nasser.
    assert arnorm.transliterate_name("جمال عبد الناصر", region="egypt") == "Gamal Abdel Nasser"
    assert arnorm.transliterate_name("سلمان بن عبدالعزيز", style="scholarly") == "Salman ibn Abd al-Aziz"
    assert arnorm.name_variants("محمد", 3, region="egypt")[0] == "Mohamed"
    with pytest.raises(arnorm.ArnormError, match="valid conventions: egypt, gulf, iraq, levant, maghreb"):
        arnorm.transliterate_name("محمد", region="mars")
