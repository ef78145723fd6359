"""The data layer validates every record against its dataclass schema."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import pytest

from arnorm.datafile import load_json, validate
from arnorm.errors import DataFileError


@dataclass(frozen=True)
class Inner:
    n: int


@dataclass(frozen=True)
class Rec:
    name: str
    kind: Literal["a", "b"]
    forms: tuple[str, ...]
    extra: Mapping[str, int]
    inner: Inner
    note: str | None = None


GOOD = {"name": "x", "kind": "a", "forms": ["p", "q"], "extra": {"k": 1}, "inner": {"n": 2}}


def test_valid_record_becomes_frozen_instance() -> None:
    rec = validate(GOOD, Rec, "t")
    assert rec == Rec("x", "a", ("p", "q"), rec.extra, Inner(2))
    assert rec.forms == ("p", "q") and dict(rec.extra) == {"k": 1}
    with pytest.raises(TypeError):
        rec.extra["k"] = 3  # type: ignore[index]


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ({"kind": "c"}, "t.kind: expected one of 'a', 'b'"),
        ({"forms": "p"}, "t.forms: expected an array"),
        ({"forms": ["p", 1]}, "t.forms[1]: expected a string"),
        ({"extra": {"k": "1"}}, "t.extra.k: expected an integer"),
        ({"inner": {"n": True}}, "t.inner.n: expected an integer"),
        ({"bogus": 1}, "data file t: unknown fields bogus"),
        ({"note": 3}, "t.note: expected str or NoneType"),
    ],
)
def test_schema_violations_name_the_place(patch: dict[str, object], message: str) -> None:
    with pytest.raises(DataFileError, match=re.escape(message)):
        validate({**GOOD, **patch}, Rec, "t")


def test_missing_field() -> None:
    bad = dict(GOOD)
    del bad["inner"]
    with pytest.raises(DataFileError, match="missing field 'inner'"):
        validate(bad, Rec, "t")


def test_missing_file() -> None:
    with pytest.raises(DataFileError, match="no such data file"):
        load_json("nope.json")
