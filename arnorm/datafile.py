"""The data layer: every data file arnorm ships is read and validated here.

Data lives in ``arnorm/data/`` (JSON; NumPy ``.npz`` for model weights).  A
module that needs data declares the shape of its records as a frozen
dataclass and asks for them::

    @dataclass(frozen=True)
    class Month:
        num: int
        names: tuple[str, ...]
        calendar: Literal["gregorian", "hijri"]

    months = load_records("dates.json", Month, key="months")

:func:`load_records` reads the file once (cached), checks that every record has
exactly the dataclass's fields with values of the annotated types, and returns
a tuple of instances.  A file that breaks its schema raises
:class:`~arnorm.errors.DataFileError` naming the file, the record and the
field, on first use rather than as a confusing error deep in a stage.

Supported annotations: ``str``, ``int``, ``float``, ``bool``, ``None``,
``Any``, ``Literal[...]``, unions (``X | None``), ``tuple[X, ...]``,
``tuple[X, Y]``, ``list[X]``, ``dict[str, X]``, ``Mapping[str, X]`` and nested
dataclasses.  JSON arrays become tuples for ``tuple`` annotations and dicts
become read-only mappings for ``Mapping`` annotations, so records are
immutable and hashable where their fields allow it.

Most documents, and the records of some, open with the same three fields
(what it is, one line about it, where its facts come from): a schema that has
them derives from :class:`Described`.

Character maps (``{"name", "description", "source", "map"}`` tables) keep
their stricter grammar in :mod:`arnorm.tables`, which reads through
:func:`load_json`.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, Union

from .errors import DataFileError

__all__ = ["Described", "Sourced", "load_json", "load_records", "read_bytes", "validate"]

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class Sourced:
    """The fields a group of data opens with when it has no name of its own; schemas derive from it.

    Attributes:
        description: one line saying what it is.
        source: where its facts come from.
    """

    description: str
    source: str


@dataclasses.dataclass(frozen=True)
class Described:
    """The fields a data document (or record) opens with; schemas derive from this class.

    Attributes:
        name: what it is called (unique within its file).
        description: one line saying what it is.
        source: where its facts come from.
    """

    name: str
    description: str
    source: str


#: ``arnorm/data`` on disk: read directly, as importing :mod:`importlib.resources`
#: costs the command line's start-up time; a package in a zip goes through it.
_DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


@functools.cache
def read_bytes(path: str) -> bytes:
    """The bytes of ``arnorm/data/<path>`` (cached); raises :class:`DataFileError` if absent."""
    if os.path.isdir(_DATA_DIR):
        try:
            with open(os.path.join(_DATA_DIR, *path.split("/")), "rb") as handle:
                return handle.read()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise DataFileError(path, "no such data file") from None
    from importlib import resources

    resource = resources.files("arnorm.data")
    for part in path.split("/"):
        resource = resource.joinpath(part)
    try:
        return resource.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        raise DataFileError(path, "no such data file") from None


@functools.cache
def load_json(path: str) -> Any:
    """The parsed JSON document ``arnorm/data/<path>`` (cached).

    Raises:
        DataFileError: if the file is missing, not UTF-8 or not JSON.
    """
    try:
        return json.loads(read_bytes(path).decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DataFileError(path, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise DataFileError(path, f"not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None


def load_records(path: str, cls: type[T], *, key: str | None = None) -> tuple[T, ...]:
    """The records of ``arnorm/data/<path>`` as validated instances of ``cls``.

    Args:
        path: the file, relative to ``arnorm/data``.
        cls: a dataclass describing one record.
        key: if given, the records are the list under this top-level key;
            otherwise the document itself must be the list.

    Raises:
        DataFileError: naming the file, the record index and the field.
    """
    return _load_records(path, cls, key)  # type: ignore[arg-type]


@functools.cache
def _load_records(path: str, cls: type[T], key: str | None) -> tuple[T, ...]:
    document = load_json(path)
    where = path
    if key is not None:
        if not isinstance(document, dict) or key not in document:
            raise DataFileError(path, f"no top-level key {key!r}")
        document = document[key]
        where = f"{path}:{key}"
    if not isinstance(document, list):
        raise DataFileError(where, f"expected a list of records, got {type(document).__name__}")
    return tuple(validate(item, cls, f"{where}[{i}]") for i, item in enumerate(document))


def validate(value: Any, annotation: Any, where: str) -> Any:
    """Check ``value`` (parsed JSON) against ``annotation`` and convert it.

    Returns the value with JSON arrays turned into tuples where the annotation
    is a tuple, objects into read-only mappings where it is a ``Mapping`` and
    into dataclass instances where it is a dataclass.

    Raises:
        DataFileError: ``where`` names the place of the first mismatch.
    """
    if dataclasses.is_dataclass(annotation) and isinstance(annotation, type):
        return _validate_dataclass(value, annotation, where)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation is Any:
        return value
    if annotation is None or annotation is type(None):
        return _expect(value, value is None, "null", where)
    if annotation is bool:
        return _expect(value, isinstance(value, bool), "a boolean", where)
    if annotation is int:
        return _expect(value, isinstance(value, int) and not isinstance(value, bool), "an integer", where)
    if annotation is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return float(_expect(value, ok, "a number", where))
    if annotation is str:
        return _expect(value, isinstance(value, str), "a string", where)
    if origin is Literal:
        return _expect(value, value in args, "one of " + ", ".join(map(repr, args)), where)
    if origin in (Union, types.UnionType):
        return _validate_union(value, args, where)
    if origin in (tuple, list):
        return _validate_sequence(value, origin, args, where)
    if origin in (dict, Mapping):
        return _validate_mapping(value, origin, args, where)
    raise TypeError(f"arnorm.datafile: unsupported annotation {annotation!r} at {where}")


def _expect(value: Any, ok: bool, what: str, where: str) -> Any:
    if not ok:
        raise DataFileError(where, f"expected {what}, got {json.dumps(value, ensure_ascii=False)[:60]}")
    return value


def _validate_union(value: Any, args: tuple[Any, ...], where: str) -> Any:
    for arg in args:
        try:
            return validate(value, arg, where)
        except DataFileError:
            continue
    names = " or ".join(getattr(a, "__name__", repr(a)) for a in args)
    raise DataFileError(where, f"expected {names}, got {json.dumps(value, ensure_ascii=False)[:60]}")


@functools.cache
def _plain_types(annotation: Any) -> tuple[type, ...] | None:
    """The exact types a JSON value may have for ``annotation`` if it is ``str``, ``int``,
    ``bool``, ``None`` or a union of them (values kept as they are), else ``None``.

    Containers of such values are checked in one pass (:func:`_all_plain`), not one
    :func:`validate` call per item: the command line reads its tables at every start."""
    union = typing.get_origin(annotation) in (Union, types.UnionType)
    out = []
    for member in typing.get_args(annotation) if union else (annotation,):
        member = type(None) if member is None else member
        if member not in (str, int, bool, type(None)):
            return None
        out.append(member)
    return tuple(out)


def _all_plain(values: Any, annotation: Any) -> bool:
    """Whether every item of ``values`` is valid for ``annotation`` by type alone (see :func:`_plain_types`)."""
    plain = _plain_types(annotation)
    return plain is not None and all(type(v) in plain for v in values)


def _validate_sequence(value: Any, origin: Any, args: tuple[Any, ...], where: str) -> Any:
    _expect(value, isinstance(value, list), "an array", where)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if _all_plain(value, args[0]):
            return tuple(value)
        return tuple(validate(v, args[0], f"{where}[{i}]") for i, v in enumerate(value))
    if origin is tuple:
        if len(value) != len(args):
            raise DataFileError(where, f"expected an array of {len(args)} items, got {len(value)}")
        return tuple(validate(v, a, f"{where}[{i}]") for i, (v, a) in enumerate(zip(value, args)))
    item = args[0] if args else Any
    return [validate(v, item, f"{where}[{i}]") for i, v in enumerate(value)]


def _validate_mapping(value: Any, origin: Any, args: tuple[Any, ...], where: str) -> Any:
    _expect(value, isinstance(value, dict), "an object", where)
    item = args[1] if len(args) == 2 else Any
    if _all_plain(value.values(), item):
        out = dict(value)
    else:
        out = {k: validate(v, item, f"{where}.{k}") for k, v in value.items()}
    return types.MappingProxyType(out) if origin is Mapping else out


@functools.cache
def _schema(cls: type) -> tuple[dict[str, Any], dict[str, dataclasses.Field[Any]]]:
    """The resolved annotations and the fields of a record class (once per class:
    resolving string annotations compiles each of them)."""
    return typing.get_type_hints(cls), {f.name: f for f in dataclasses.fields(cls)}


def _validate_dataclass(value: Any, cls: type[T], where: str) -> T:
    _expect(value, isinstance(value, dict), f"an object ({cls.__name__})", where)
    hints, fields = _schema(cls)  # type: ignore[arg-type]
    unknown = sorted(value.keys() - fields.keys())
    if unknown:
        raise DataFileError(where, f"unknown fields {', '.join(unknown)}; valid fields: {', '.join(fields)}")
    kwargs = {}
    for name, field in fields.items():
        if name in value:
            kwargs[name] = validate(value[name], hints[name], f"{where}.{name}")
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise DataFileError(where, f"missing field {name!r}")
    return cls(**kwargs)
