"""The kinds of stage.

A stage is a small, frozen, named object with ``__call__(str) -> str``.  There
are four kinds; a :class:`~arnorm.pipeline.Pipeline` is a fifth, since a
pipeline is itself a stage:

* :class:`CharMap` - a character map declared as data; the only kind the
  pipeline fuses (consecutive maps compose into one);
* :class:`RegexSub` - a compiled regular-expression substitution;
* :class:`UnicodeForm` - a Unicode normalization form (NFC, NFKC, ...);
* :class:`FunctionStage` - a plain function, for context-dependent work.

Every stage honours the stage contract, which the property tests check:
it never adds or removes a line break (``str.splitlines`` boundaries), works
line by line (its output for ``a + "\\n" + b`` is its output for ``a``, a line
break, and its output for ``b``), and is idempotent.

Stages are hashable, compare by value, and pickle without their compiled
state, which is rebuilt lazily on first use.

Each stage declares its :data:`Context`: how much of a line it must see to
give the same output as on the whole line.  The command line cuts a very long
line only where every stage of the pipeline allows it (:mod:`arnorm.io.cuts`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ._fastmap import MapExecutor
from .errors import TableError
from .spec import format_item

__all__ = ["CharMap", "Context", "FunctionStage", "Params", "RegexSub", "Stage", "UnicodeForm"]

#: A stage's options as a tuple of ``(name, value)`` pairs (hashable).
Params = tuple[tuple[str, Any], ...]
#: How much of a line a stage must see: ``"char"``, its output on ``a + b`` is its
#: output on ``a`` then on ``b`` for any cut between two characters that does not
#: separate a combining mark from what precedes it; ``"word"``, the same for a cut at a
#: single space between two words (letters, numbers, marks); ``"line"``, only the whole
#: line (dates, names): such a stage refuses cuts.
Context = Literal["char", "word", "line"]


@dataclass(frozen=True, kw_only=True, repr=False)
class Stage(ABC):
    """Base class of every stage.

    Attributes:
        name: the registry name the stage was built from (or any label).
        params: the options it was built with that differ from the defaults;
            together with ``name`` they make its spec.
        description: one line for listings; not part of equality.
    """

    name: str
    params: Params = ()
    description: str = field(default="", compare=False)
    context: Context = field(default="line", compare=False, init=False)

    @abstractmethod
    def __call__(self, text: str) -> str:
        """Return ``text`` transformed by this stage."""

    @property
    def spec(self) -> str:
        """This stage as a spec item: ``name`` or ``name(option=value,...)``."""
        return format_item(self.name, self.params)

    def leaves(self) -> tuple[Stage, ...]:
        """The primitive stages this stage runs, in order (itself, for a primitive)."""
        return (self,)

    def __getstate__(self) -> dict[str, Any]:
        # Drop cached compiled state (cached_property values); rebuilt lazily.
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_c_")}

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.spec}>"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's pretty-printing protocol (hypothesis uses it too): the short repr above,
        not every field of the dataclass (a character map's items run to thousands of lines)."""
        printer.text(repr(self))


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        if isinstance(text, (bytes, bytearray, memoryview)):
            raise TypeError(
                "arnorm stages take str, not bytes: decode first, e.g. data.decode('utf-8')"
            )
        raise TypeError(f"arnorm stages take str, not {type(text).__name__}")


@dataclass(frozen=True, kw_only=True, repr=False)
class CharMap(Stage):
    """A character map: each key character is replaced by its value (``""`` deletes).

    Build one with :meth:`from_mapping`.  Keys are single code points; values
    are any strings.  The map is applied once per character, never to its own
    output, whatever executor runs it (see :mod:`arnorm._fastmap`).
    """

    items: tuple[tuple[str, str], ...]
    context: Context = field(default="char", compare=False, init=False)

    @classmethod
    def from_mapping(
        cls, name: str, mapping: Mapping[str, str], *, params: Params = (), description: str = ""
    ) -> CharMap:
        """Make a CharMap from ``{char: replacement}``; identities are dropped."""
        for key, value in mapping.items():
            if not isinstance(key, str) or len(key) != 1:
                raise TableError(name, "a CharMap key must be a single character", repr(key))
            if not isinstance(value, str):
                raise TableError(name, f"a CharMap value must be a string, not {type(value).__name__}", key)
        items = tuple(sorted((k, v) for k, v in mapping.items() if k != v))
        return cls(name=name, params=params, description=description, items=items)

    @property
    def mapping(self) -> dict[str, str]:
        """The map as a dictionary (do not mutate it)."""
        return self._c_mapping

    @functools.cached_property
    def _c_mapping(self) -> dict[str, str]:
        return dict(self.items)

    @functools.cached_property
    def _c_executor(self) -> MapExecutor:
        return MapExecutor(self.mapping)

    def owns(self) -> frozenset[str]:
        """The characters this stage changes."""
        return frozenset(self.mapping)

    def __call__(self, text: str) -> str:
        _check_text(text)
        return self._c_executor(text)


@dataclass(frozen=True, kw_only=True, repr=False)
class RegexSub(Stage):
    """A regular-expression substitution, compiled once per process.

    Attributes:
        pattern: the pattern; it must never match a line break, nor (unless
            ``context="line"``) across a single space between two words.
        repl: the replacement (a template string, as for ``re.sub``).
        engine: ``"re"`` (stdlib, faster for simple classes) or ``"regex"``
            (the ``regex`` package: ``\\p{...}`` properties, variable lookbehind).
        guard: optional substrings; when none of them occurs in the text the
            pattern cannot match and the text is returned at once.
    """

    pattern: str
    repl: str = ""
    engine: Literal["re", "regex"] = "re"
    guard: tuple[str, ...] = ()
    context: Context = field(default="word", compare=False)

    @functools.cached_property
    def _c_compiled(self) -> Any:
        if self.engine == "regex":
            import regex  # on first use: importing it costs the command line's start-up time

            return regex.compile(self.pattern)
        return re.compile(self.pattern)

    def __call__(self, text: str) -> str:
        _check_text(text)
        if self.guard and not any(g in text for g in self.guard):
            return text
        out: str = self._c_compiled.sub(self.repl, text)
        return out


@dataclass(frozen=True, kw_only=True, repr=False)
class UnicodeForm(Stage):
    """A Unicode normalization form applied to the whole text (``unicodedata.normalize``)."""

    form: Literal["NFC", "NFKC", "NFD", "NFKD"]
    context: Context = field(default="word", compare=False, init=False)

    def __call__(self, text: str) -> str:
        _check_text(text)
        # normalize() runs a quick check and returns its input when it passes; one
        # line that fails makes it normalize everything, so long texts go line by
        # line (a line break is a starter that nothing composes with: same result).
        if len(text) > 4096:
            from ._fastnorm import normalize as fast_normalize

            out = fast_normalize(self.form, text)  # NFC/NFKC repaired where the quick check fails
            if out is not None:
                return out
        if len(text) > 4096 and "\n" in text:
            form = self.form
            return "\n".join([unicodedata.normalize(form, line) for line in text.split("\n")])
        return unicodedata.normalize(self.form, text)


@dataclass(frozen=True, kw_only=True, repr=False)
class FunctionStage(Stage):
    """A stage backed by a plain function ``func(text, **kwargs) -> str``.

    ``func`` must be importable by name (a module-level function) so that the
    stage pickles; ``kwargs`` are fixed keyword arguments.  Its ``context`` is
    ``"line"`` unless the function only looks within a word (say so with
    ``context="word"``).

    Tools that run without Python (a ``tokenizers`` normalizer) can carry the
    stage only if it says how:

    Attributes:
        rules: regular-expression substitutions ``(pattern, literal replacement)``,
            applied in order, that do exactly what ``func`` does with these
            ``kwargs``; the patterns keep to the syntax Python's ``re`` and
            Oniguruma share.  ``None``: no such rules.
        approximation: a Unicode normalization form that does what ``func`` does
            on the text it is meant for but also changes other text; an export
            uses it only when asked to approximate.
    """

    func: Callable[..., str]
    kwargs: Params = ()
    context: Context = field(default="line", compare=False)
    rules: tuple[tuple[str, str], ...] | None = field(default=None, compare=False)
    approximation: Literal["NFC", "NFKC", "NFD", "NFKD"] | None = field(default=None, compare=False)

    def __call__(self, text: str) -> str:
        _check_text(text)
        return self.func(text, **dict(self.kwargs))
