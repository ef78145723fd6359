"""polars: normalize a string column as an expression or a Series.

>>> import polars as pl  # doctest: +SKIP
>>> from arnorm.integrations import polars_normalize
>>> df = pl.DataFrame({"text": ["أَهْلًا", None]})  # doctest: +SKIP
>>> df.with_columns(polars_normalize("text", "search").alias("norm"))  # doctest: +SKIP

The strings of each batch are normalized together (one pipeline call per
~256K characters, see :func:`~arnorm.integrations.normalize_strings`); nulls
stay null and the result is a ``String`` column of the same length.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..presets import PipelineLike, as_pipeline
from ._common import normalize_strings

if TYPE_CHECKING:  # pragma: no cover
    import polars

__all__ = ["polars_normalize"]


class _BatchNormalizer:
    """A picklable ``Series -> Series`` function for ``map_batches``."""

    def __init__(self, pipe: PipelineLike) -> None:
        self.pipeline = as_pipeline(pipe)

    def __call__(self, series: polars.Series) -> polars.Series:
        import polars as pl

        if series.dtype not in (pl.String, pl.Null):
            raise TypeError(f"column {series.name!r} is {series.dtype}, not String: cast it first")
        values = normalize_strings(self.pipeline, series.to_list())
        return pl.Series(series.name, values, dtype=pl.String)


def polars_normalize(column: str | polars.Expr | polars.Series, pipe: PipelineLike = "search") -> Any:
    """Normalize a polars string column.

    Args:
        column: a column name or an expression (returns an expression), or a
            Series (returns a Series).
        pipe: a pipeline, a stage, a preset name or a spec string.

    Raises:
        TypeError: a column that is not of type String (when evaluated).
    """
    import polars as pl

    function = _BatchNormalizer(pipe)
    if isinstance(column, pl.Series):
        return function(column)
    expr = pl.col(column) if isinstance(column, str) else column
    return expr.map_batches(function, return_dtype=pl.String)
