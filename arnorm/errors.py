"""Exceptions raised by arnorm.

Every error arnorm raises on purpose is an :class:`ArnormError`, which is a
:class:`ValueError`, so ``except ValueError`` keeps working for callers that do
not know arnorm.  Each subclass carries the offending value and, where there is
a closed set of valid values, the valid choices, so a message can name both.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "ArnormError",
    "DataFileError",
    "InputDataError",
    "InputError",
    "OutputError",
    "SpecError",
    "StageOptionError",
    "TableError",
    "UnknownNameError",
    "UnknownPresetError",
    "UnknownSchemeError",
    "UnknownStageError",
]


class ArnormError(ValueError):
    """Base class of every error arnorm raises deliberately."""


class UnknownNameError(ArnormError):
    """A name that is not one of a closed set of choices.

    Attributes:
        name: the name that was asked for.
        choices: the valid names, sorted.
    """

    kind = "name"

    def __init__(self, name: str, choices: Iterable[str]) -> None:
        self.name = name
        self.choices = tuple(sorted(choices))
        super().__init__(
            f"unknown {self.kind} {name!r}; valid {self.kind}s: {', '.join(self.choices)}"
        )


class UnknownStageError(UnknownNameError):
    """A stage name that is not registered."""

    kind = "stage"


class UnknownPresetError(UnknownNameError):
    """A preset name that does not exist."""

    kind = "preset"


class UnknownSchemeError(UnknownNameError):
    """A transliteration scheme name that does not exist."""

    kind = "scheme"


class StageOptionError(ArnormError):
    """A stage was given an option it does not take, or a bad value for one.

    Attributes:
        stage: the stage name.
        option: the option name.
        value: the rejected value (``None`` when the option itself is unknown).
        choices: the valid option names or values, when they form a closed set.
    """

    def __init__(
        self,
        stage: str,
        option: str,
        message: str,
        *,
        value: object = None,
        choices: Iterable[str] = (),
    ) -> None:
        self.stage = stage
        self.option = option
        self.value = value
        self.choices = tuple(choices)
        text = f"stage {stage!r}, option {option!r}: {message}"
        if self.choices:
            text += f"; valid choices: {', '.join(self.choices)}"
        super().__init__(text)


class SpecError(ArnormError):
    """A pipeline spec string or dictionary that cannot be parsed.

    Attributes:
        spec: the text (or a repr of the object) that failed.
        position: the character offset in ``spec`` where parsing failed, if known.
    """

    def __init__(self, spec: str, message: str, position: int | None = None) -> None:
        self.spec = spec
        self.position = position
        where = f" at character {position}" if position is not None else ""
        super().__init__(f"bad pipeline spec {spec!r}{where}: {message}")


class TableError(ArnormError):
    """A character table that fails validation.

    Attributes:
        table: the table's name (or file).
        key: the offending key, if any.
    """

    def __init__(self, table: str, message: str, key: str | None = None) -> None:
        self.table = table
        self.key = key
        where = f" (key {key!r})" if key is not None else ""
        super().__init__(f"table {table!r}{where}: {message}")


class DataFileError(ArnormError):
    """A data file shipped in ``arnorm/data`` that is missing or breaks its schema.

    Attributes:
        where: the file, and within it the record and field (``dates.json:months[3].num``).
    """

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        super().__init__(f"data file {where}: {message}")


class InputDataError(ArnormError):
    """Input that cannot be processed: invalid UTF-8, or a line of ``--jsonl`` that is not JSON.

    Attributes:
        source: the file name (``"<stdin>"`` for standard input).
        line: the 1-based line number.
        offset: the 0-based byte offset of the offending byte from the start of the file.
        reason: what is wrong.
        partial: the output due before the offending line: the chunk's head
            and its normalized lines before that line (so that what a filter
            writes before it stops does not depend on chunk boundaries).
    """

    def __init__(self, source: str, line: int, offset: int, reason: str, partial: bytes = b"") -> None:
        self.source = source
        self.line = line
        self.offset = offset
        self.reason = reason
        self.partial = partial
        super().__init__(f"{source}: line {line}, byte offset {offset}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:  # picklable across a process pool
        return (type(self), (self.source, self.line, self.offset, self.reason, self.partial))

    def after_lines(self, lines: int) -> InputDataError:
        """The same error with ``lines`` more lines before it (chunks count their lines from 1)."""
        return InputDataError(self.source, self.line + lines, self.offset, self.reason, self.partial)


class OutputError(ArnormError):
    """An output that arnorm will not write (read-only, or a standard stream that is closed).

    Attributes:
        target: the path or stream name.
        reason: why (one line).
    """

    def __init__(self, target: str, reason: str) -> None:
        self.target = target
        self.reason = reason
        super().__init__(f"cannot create {target}: {reason}")


class InputError(ArnormError):
    """An input that cannot be opened or read (a missing or unreadable file).

    Attributes:
        source: the file name.
        reason: why (the system's message).
    """

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"cannot read {source}: {reason}")
