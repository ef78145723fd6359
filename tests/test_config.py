"""Pipelines as TOML/JSON data: arnorm.config."""

from __future__ import annotations

import json
import sys
import typing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnorm
from arnorm import registry
from arnorm.config import ConfigError, dump_config, load_config, loads_config, pipeline_from_data
from arnorm.errors import ArnormError, SpecError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


# -- random pipelines drawn from the registry itself ---------------------------------
def _values(annotation: Any) -> st.SearchStrategy[Any]:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is tuple:
        return st.lists(_values(args[0] if args else str), unique=True, max_size=3).map(tuple)
    if origin is typing.Literal:
        return st.sampled_from(args)
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(0, 8)
    if annotation is str:  # free-text options (dates' ref=): the empty default
        return st.just("")
    raise AssertionError(f"no strategy for option type {annotation!r}: extend this test")


def _builtin_stage_names() -> list[str]:
    # Stages registered by arnorm itself (other test modules may register their own).
    return [n for n in arnorm.stage_names() if registry.stage_info(n).factory.__module__.startswith("arnorm.")]


@st.composite
def stages(draw: st.DrawFn) -> arnorm.Stage:
    name = draw(st.sampled_from(_builtin_stage_names()))
    options = registry.stage_info(name).options
    chosen = draw(st.lists(st.sampled_from(sorted(options)), unique=True)) if options else []
    return arnorm.stage(name, {k: draw(_values(options[k][0])) for k in chosen})


pipelines = st.lists(stages(), max_size=6).map(arnorm.Pipeline)
descriptions = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)


@given(pipe=pipelines, description=descriptions)
def test_dump_then_load_round_trips_in_both_formats(pipe: arnorm.Pipeline, description: str) -> None:
    pipe = arnorm.Pipeline(pipe.stages, description=description)
    for fmt in ("toml", "json"):
        text = dump_config(pipe, fmt)
        back = loads_config(text, fmt)
        assert back == pipe
        assert back.description == description
        assert text.isascii()  # non-ASCII is written as \u escapes, as in arnorm/data


@pytest.mark.parametrize("name", list(arnorm.PRESETS))
def test_presets_round_trip_and_equal_their_spec(name: str) -> None:
    for fmt in ("toml", "json"):
        assert loads_config(dump_config(arnorm.preset(name), fmt), fmt) == arnorm.preset(name)
    assert loads_config(f'preset = "{name}"', "toml") == arnorm.preset(name)


def test_toml_output_is_what_a_person_would_write() -> None:
    # tomli-w's layout: an array of tables, arrays one item per line.
    pipe = arnorm.Pipeline(["diacritics(keep=shadda)", "alef(extended=false)", "ya"])
    assert dump_config(pipe) == (
        '[[stages]]\nstage = "diacritics"\nkeep = [\n    "shadda",\n]\n\n'
        '[[stages]]\nstage = "alef"\nextended = false\n\n'
        '[[stages]]\nstage = "ya"\n'
    )
    assert json.loads(dump_config(pipe, "json")) == {
        "stages": [{"stage": "diacritics", "keep": ["shadda"]}, {"stage": "alef", "extended": False}, {"stage": "ya"}]
    }


def test_toml_strings_escape_quotes_backslashes_and_non_ascii() -> None:
    tricky = 'a "q" \\ \t \u0623\u064e \U0001f600 \x7f'
    text = dump_config(arnorm.Pipeline(["ya"], description=tricky))
    assert tomllib.loads(text)["description"] == tricky
    assert "\\u0623\\u064E" in text


def test_lone_surrogate_description_needs_json() -> None:
    pipe = arnorm.Pipeline(["ya"], description="\ud800")
    with pytest.raises(ConfigError, match="surrogate"):
        dump_config(pipe, "toml")
    assert loads_config(dump_config(pipe, "json"), "json").description == "\ud800"


def test_nested_anonymous_pipelines_are_flattened() -> None:
    nested = arnorm.Pipeline([arnorm.Pipeline(["tatweel", "alef"]), "ya"])
    back = loads_config(dump_config(nested), "toml")
    assert back == arnorm.Pipeline(["tatweel", "alef", "ya"])
    sample = "إلـــى"
    assert back(sample) == nested(sample) == "الي"


def test_unregistered_stage_cannot_be_dumped() -> None:
    custom = arnorm.CharMap.from_mapping("my_private_map", {"a": "b"})
    with pytest.raises(ConfigError, match="my_private_map.*not registered"):
        dump_config(arnorm.Pipeline([custom]))


# -- the schema, as a reader writes it ---------------------------------------------------
def test_preset_with_skip() -> None:
    pipe = loads_config('preset = "search"\nskip = ["digits", "punctuation"]', "toml")
    expected = [s for s in arnorm.preset("search").stages if s.name not in ("digits", "punctuation")]
    assert pipe == arnorm.Pipeline(expected)
    # a single name is accepted as well as a list
    assert loads_config('preset = "search"\nskip = "digits"', "toml") == loads_config(
        '{"preset": "search", "skip": ["digits"]}', "json"
    )


def test_scalar_for_a_list_option() -> None:
    pipe = loads_config('[[stages]]\nstage = "diacritics"\nkeep = "shadda"', "toml")
    assert pipe == arnorm.Pipeline(["diacritics(keep=shadda)"])


def test_load_config_from_files(tmp_path: Path) -> None:
    toml_file = tmp_path / "p.toml"
    toml_file.write_text('description = "mine"\n[[stages]]\nstage = "tatweel"\n', encoding="utf-8")
    json_file = tmp_path / "p.JSON"
    json_file.write_text('{"stages": [{"stage": "tatweel"}]}', encoding="utf-8")
    assert load_config(toml_file) == load_config(json_file) == arnorm.Pipeline(["tatweel"])
    assert load_config(toml_file).description == "mine"
    other = tmp_path / "p.conf"
    other.write_text('{"stages": []}', encoding="utf-8")
    assert load_config(other, format="json") == arnorm.Pipeline([])
    with pytest.raises(ConfigError, match=r"p\.conf.*suffix '\.conf'.*\.toml, \.json"):
        load_config(other)
    with pytest.raises(FileNotFoundError):
        load_config(tmp_path / "missing.toml")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ("\ufeffpreset = 'search'".encode("utf-16"), "UTF-16 (little-endian, with a BOM)"),
        ("preset = 'search'".encode("utf-16-be").join([b"\xfe\xff", b""]), "UTF-16 (big-endian, with a BOM)"),
        (b"\xef\xbb\xbfpreset = 'search'", "UTF-8 with a byte order mark"),
        (b'description = "caf\xe9"\npreset = "search"', "line 1: not UTF-8 (invalid continuation byte at byte 18)"),
    ],
)
def test_a_file_that_is_not_utf8_says_what_it_is(tmp_path: Path, data: bytes, fragment: str) -> None:
    # issue 16: printf '\xff\xfe' > c.toml; arnorm --config c.toml gave a UnicodeDecodeError.
    path = tmp_path / "c.toml"
    path.write_bytes(data)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}") and fragment in str(info.value)
    assert "\n" not in str(info.value)


def test_a_directory_is_not_a_configuration(tmp_path: Path) -> None:
    # issue 16: --config on a directory said it could not tell the format from the suffix.
    folder = tmp_path / "conf.toml"
    folder.mkdir()
    with pytest.raises(ConfigError, match="is a directory"):
        load_config(folder)


def test_a_toml_date_is_read_for_a_string_option() -> None:
    # issue 16: `ref = 2021-09-01` (a TOML local date) was rejected.
    pipe = loads_config('[[stages]]\nstage = "dates"\nref = 2021-09-01', "toml")
    assert pipe == arnorm.Pipeline(["dates(ref=2021-09-01)"])
    with pytest.raises(ConfigError, match="stages\\[0\\].ref"):
        loads_config('[[stages]]\nstage = "dates"\nref = 2021-09-01T10:00:00', "toml")


BAD = [
    # (format, text, key, message fragment, a valid choice that must be listed)
    ("toml", '[[stages]]\nstage = "diacritcs"', "stages[0].stage", "unknown stage 'diacritcs'", "diacritics"),
    ("toml", '[[stages]]\nstage = "diacritics"\nkeep = ["shada"]', "stages[0].keep", "'shada'", "shadda"),
    ("toml", '[[stages]]\nstage = "ya"\n[[stages]]\nstage = "alef"\nbogus = 1', "stages[1].bogus",
     "no such option", "extended"),
    ("toml", '[[stages]]\nstage = "teh_marbuta"\nbogus = 1', "stages[0].bogus", "takes no options", None),
    ("toml", '[[stages]]\nstage = "alef"\nextended = "no"', "stages[0].extended", "true or false", None),
    ("toml", '[[stages]]\nstage = "alef"\nextended = 1.5', "stages[0].extended", "1.5", None),
    ("toml", '[[stages]]\nstage = "alef"\nextended = 1979-05-27', "stages[0].extended", "1979", None),
    ("toml", '[[stages]]\nextended = true', "stages[0]", "missing the 'stage' key", "alef"),
    ("toml", 'preset = "serch"', "preset", "unknown preset 'serch'", "search"),
    ("toml", 'preset = "clean"\nskip = ["digits"]', "skip", "not a stage of preset 'clean'", "tatweel"),
    ("toml", 'prest = "search"', "prest", "unknown key", "preset"),
    ("toml", 'preset = "search"\n[[stages]]\nstage = "ya"', None, "exactly one of", None),
    ("toml", 'description = "nothing"', None, "exactly one of", None),
    ("toml", 'skip = ["ya"]\nstages = []', "skip", "applies to a preset", None),
    ("toml", 'stages = "ya"', "stages", "list of stage tables", None),
    ("toml", "stages = [1]", "stages[0]", "'stage' key", None),
    ("json", '{"stages": [{"stage": "digits", "to": null}]}', "stages[0].to", "None", None),
    ("json", '{"stages": [{"stage": "digits", "to": "roman"}]}', "stages[0].to", "'roman'", "persian"),
    ("json", '{"stages": [{"stage": 3}]}', "stages[0].stage", "must be a string", None),
    ("json", '{"stages": [], "stages": []}', "stages", "given twice", None),
    ("json", '["ya"]', None, "top level", None),
    ("json", '{"description": 3, "stages": []}', "description", "expected a string", None),
]


@pytest.mark.parametrize(("fmt", "text", "key", "fragment", "choice"), BAD, ids=[b[3] for b in BAD])
def test_invalid_configs_name_the_file_the_key_and_the_choices(
    fmt: str, text: str, key: str | None, fragment: str, choice: str | None
) -> None:
    with pytest.raises(ConfigError) as info:
        loads_config(text, fmt, source="pipe.cfg")  # type: ignore[arg-type]
    err = info.value
    message = str(err)
    assert message.startswith("pipe.cfg")
    assert err.key == key
    if key is not None:
        assert repr(key) in message
    assert fragment in message
    if choice is not None:
        assert choice in err.choices
        assert choice in message
    assert isinstance(err, SpecError) and isinstance(err, ArnormError) and isinstance(err, ValueError)


@pytest.mark.parametrize(
    ("fmt", "text", "line"),
    [("toml", 'preset = "search"\nskip = [\n"x"', 3), ("toml", 'a = 1\nb = "\n', 2), ("json", '{\n"stages": [,]}', 2)],
)
def test_syntax_errors_give_the_line(fmt: str, text: str, line: int) -> None:
    with pytest.raises(ConfigError, match=f"pipe.cfg, line {line}: invalid {fmt.upper()}") as info:
        loads_config(text, fmt, source="pipe.cfg")  # type: ignore[arg-type]
    assert info.value.line == line


def test_skip_is_pipeline_without() -> None:
    assert loads_config('preset = "ml"\nskip = ["tatweel"]', "toml") == arnorm.preset("ml").without("tatweel")


def test_pipeline_from_data_accepts_what_to_dict_gives() -> None:
    pipe = arnorm.Pipeline(["diacritics(keep=shadda+sukun)", "digits(to=arabic)"])
    assert pipeline_from_data(pipe.to_dict()) == pipe
