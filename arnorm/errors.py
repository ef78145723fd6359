"""Exceptions raised by arnorm.

Every error arnorm raises on purpose is an :class:`ArnormError`, which is a
:class:`ValueError`, so ``except ValueError`` keeps working for callers that do
not know arnorm.  Each subclass carries the offending value and, where there is
a closed set of valid values, the valid choices, so a message can name both.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "AlignmentError",
    "ArnormError",
    "ConfigError",
    "DataFileError",
    "DateRefError",
    "HijriRangeError",
    "InputDataError",
    "InputError",
    "IrreversibleSchemeError",
    "NumberRangeError",
    "OptionValueError",
    "OutputError",
    "SpanError",
    "SpecError",
    "StageNotInPipelineError",
    "StageOptionError",
    "TableError",
    "UnknownConventionError",
    "UnknownFormatError",
    "UnknownNameError",
    "UnknownPresetError",
    "UnknownSchemeError",
    "UnknownStageError",
    "UnsupportedStageError",
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


class UnknownFormatError(UnknownNameError):
    """An export or output format that does not exist."""

    kind = "format"


class UnknownPresetError(UnknownNameError):
    """A preset name that does not exist."""

    kind = "preset"


class UnknownSchemeError(UnknownNameError):
    """A transliteration scheme name that does not exist."""

    kind = "scheme"


class UnknownConventionError(UnknownNameError):
    """A style or region of name spelling that does not exist (see ``arnorm.translit.names``)."""

    kind = "convention"


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


class ConfigError(SpecError):
    """A pipeline in its dict form, or a configuration file, that cannot be read.

    Attributes:
        source: the file name (or ``"<string>"``, ``"<data>"``).
        key: the offending key as a path (``"stages[2].keep"``), or ``None``
            for a syntax error.
        line: the line of a syntax error, when the parser reports one.
        choices: the valid choices, when they form a closed set.
    """

    def __init__(
        self,
        source: str,
        message: str,
        *,
        key: str | None = None,
        line: int | None = None,
        choices: Iterable[str] = (),
    ) -> None:
        self.source = source
        self.key = key
        self.line = line
        self.choices = tuple(choices)
        self.spec = source
        self.position = None
        where = source
        if line is not None:
            where += f", line {line}"
        if key is not None:
            where += f", key {key!r}"
        text = f"{where}: {message}"
        if self.choices and "valid" not in message:
            text += f"; valid choices: {', '.join(self.choices)}"
        ArnormError.__init__(self, text)


class StageNotInPipelineError(ArnormError):
    """A stage name that is not one of a pipeline's stages (:meth:`Pipeline.without`).

    Attributes:
        name: the name that was asked for.
        choices: the pipeline's stage names, in pipeline order.
    """

    def __init__(self, name: str, choices: Iterable[str]) -> None:
        self.name = name
        self.choices = tuple(choices)
        super().__init__(f"{name!r} is not a stage of this pipeline; its stages: {', '.join(self.choices)}")


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


class AlignmentError(ArnormError):
    """Edits that do not describe an alignment (unsorted, overlapping, wrong lengths)."""


class SpanError(ArnormError):
    """A span that is not ``0 <= start <= end <= length`` of the text it refers to.

    Attributes:
        start: the span's start.
        end: the span's end.
        length: the length of the text the span refers to.
        side: ``"original"`` or ``"normalized"``.
    """

    def __init__(self, start: int, end: int, length: int, side: str) -> None:
        self.start = start
        self.end = end
        self.length = length
        self.side = side
        super().__init__(
            f"span ({start}, {end}) is not within the {side} text of length {length} "
            f"(need 0 <= start <= end <= {length})"
        )


class UnsupportedStageError(ArnormError):
    """A stage that cannot be carried into another tool (a tokenizers normalizer, a search engine).

    Attributes:
        stage: the stage's spec.
        reason: why it cannot.
    """

    def __init__(self, stage: str, reason: str) -> None:
        self.stage = stage
        self.reason = reason
        super().__init__(f"stage {stage!r} cannot be exported: {reason}")


class OptionValueError(ArnormError):
    """A library function was given a value outside the closed set an option takes.

    Attributes:
        function: the function name (``find_dates``).
        option: the option name.
        value: the rejected value.
        choices: the valid values.
    """

    def __init__(self, function: str, option: str, value: object, choices: Iterable[str]) -> None:
        self.function = function
        self.option = option
        self.value = value
        self.choices = tuple(choices)
        super().__init__(f"{function}: invalid {option} {value!r}; valid choices: {', '.join(self.choices)}")


class NumberRangeError(ArnormError):
    """A number outside what :func:`number_to_words` writes (0 to 10**12 - 1, integers).

    Attributes:
        value: the rejected value.
    """

    def __init__(self, value: object, maximum: int) -> None:
        self.value = value
        self.maximum = maximum
        super().__init__(f"number_to_words takes an integer from 0 to {maximum}, not {value!r}")


class HijriRangeError(ArnormError):
    """A Hijri date outside the Umm al-Qura range of ``hijridate`` (1343-1500 AH).

    Attributes:
        year: the Hijri year asked for.
    """

    def __init__(self, year: int, low: int, high: int) -> None:
        self.year = year
        super().__init__(
            f"Hijri year {year} is outside the Umm al-Qura range {low}-{high} AH "
            "(1924-2077 CE) supported by hijridate"
        )


class DateRefError(ArnormError):
    """A reference date that is neither a ``datetime.date`` nor an ISO date string.

    Attributes:
        value: the rejected value.
    """

    def __init__(self, value: object) -> None:
        self.value = value
        super().__init__(
            f"reference date must be a datetime.date or an ISO 8601 date string such as "
            f"'2021-09-01', not {value!r}"
        )


class IrreversibleSchemeError(UnknownSchemeError):
    """:func:`to_arabic` was asked to reverse a scheme that loses information.

    Attributes:
        name: the scheme asked for.
        choices: the reversible (lossless) schemes.
    """

    def __init__(self, name: str, choices: Iterable[str]) -> None:
        super().__init__(name, choices)
        ValueError.__init__(
            self,
            f"scheme {name!r} cannot be reversed (it loses information); "
            f"reversible schemes: {', '.join(self.choices)}",
        )


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
