"""Hugging Face ``datasets``: a picklable ``Dataset.map`` function."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import ArnormError
from ._common import PipelineLike, _Mapper, as_pipeline, normalize_strings

__all__ = ["BatchMapper", "hf_map_function"]


@dataclass(frozen=True, eq=True)
class BatchMapper(_Mapper):
    """A ``datasets.Dataset.map`` function: normalizes string columns of a batch or example.

    Build one with :func:`hf_map_function`.

    Attributes:
        pipeline: the pipeline to run.
        columns: the columns to normalize.
        output_columns: where to write each result (same length as ``columns``).
        batched: whether it receives batches (``{column: [values]}``) or examples.
    """

    columns: tuple[str, ...] = ("text",)
    output_columns: tuple[str, ...] = ("text",)
    batched: bool = True

    def __call__(self, batch: Mapping[str, Any]) -> dict[str, Any]:
        """Return ``{output_column: normalized values}`` for the configured columns."""
        out: dict[str, Any] = {}
        for column, target in zip(self.columns, self.output_columns):
            try:
                values = batch[column]
            except KeyError:
                raise ArnormError(
                    f"column {column!r} is not in the dataset; its columns: {', '.join(map(str, batch))}"
                ) from None
            if self.batched:
                try:
                    out[target] = normalize_strings(self.pipeline, values)
                except TypeError as exc:
                    raise TypeError(f"column {column!r}: {exc}") from None
            elif values is None:
                out[target] = None
            elif isinstance(values, str):
                out[target] = self.pipeline(values)
            else:
                raise TypeError(f"column {column!r} holds a {type(values).__name__}, not a str: {values!r}")
        return out


def hf_map_function(
    pipe: PipelineLike = "search",
    columns: Iterable[str] | str = ("text",),
    batched: bool = True,
    *,
    output_columns: Iterable[str] | str | None = None,
) -> BatchMapper:
    """A picklable function for ``datasets.Dataset.map`` that normalizes text columns.

    Args:
        pipe: a :class:`Pipeline`, a stage, a preset name or a spec string.
        columns: the string columns to normalize (``None`` values are kept).
        batched: pass the same value to ``Dataset.map(..., batched=...)``.
        output_columns: write the results here instead of over ``columns``
            (e.g. ``["text_norm"]`` keeps the original).

    Example:
        >>> fn = hf_map_function("diacritics", columns=["text"])
        >>> fn({"text": ["كَتَبَ", None], "id": [1, 2]})
        {'text': ['كتب', None]}

    Raises:
        ArnormError: ``output_columns`` of a different length than ``columns``,
            or no columns.
    """
    cols = (columns,) if isinstance(columns, str) else tuple(columns)
    if output_columns is None:
        outs = cols
    else:
        outs = (output_columns,) if isinstance(output_columns, str) else tuple(output_columns)
    if not cols:
        raise ArnormError("hf_map_function needs at least one column")
    if len(outs) != len(cols):
        raise ArnormError(f"{len(cols)} columns but {len(outs)} output columns: give one output per column")
    return BatchMapper(pipeline=as_pipeline(pipe), columns=cols, output_columns=outs, batched=batched)


