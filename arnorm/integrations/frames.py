"""pandas Series and Dask bags."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._common import PipelineLike, _Mapper, as_pipeline, normalize_strings

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import pandas  # type: ignore[import-untyped,unused-ignore]

__all__ = ["PartitionMapper", "dask_normalize_bag", "normalize_series"]


def normalize_series(series: pandas.Series, pipe: PipelineLike = "search") -> pandas.Series:
    """Normalize a pandas ``Series`` of strings; index, name and dtype are kept.

    Missing values (``None``, ``NaN``, ``pd.NA``) stay missing.  The strings
    are normalized in chunks joined by line breaks (see
    :func:`normalize_strings`), not one call per element.

    Raises:
        TypeError: an element that is neither a string nor missing.
    """
    import pandas as pd

    pipeline = as_pipeline(pipe)
    if isinstance(series.dtype, pd.CategoricalDtype):
        # Normalize each category once; categories that become equal merge.
        categories = normalize_strings(pipeline, list(series.cat.categories))
        codes = series.cat.codes.tolist()
        values = [categories[c] if c >= 0 else None for c in codes]
        dtype = pd.CategoricalDtype(list(dict.fromkeys(categories)), ordered=series.cat.ordered)
        return pd.Series(values, index=series.index, name=series.name, dtype=dtype)
    mask = series.notna()
    values = series[mask].tolist()
    normalized = normalize_strings(pipeline, values)
    if bool(mask.all()):
        return pd.Series(normalized, index=series.index, name=series.name, dtype=series.dtype)
    out = series.copy()
    out[mask] = normalized
    return out


@dataclass(frozen=True, eq=True)
class PartitionMapper(_Mapper):
    """A function for ``dask.bag.Bag.map_partitions``: normalizes a partition of strings.

    Lines read by ``dask.bag.read_text`` keep their ``"\\n"``; it is kept.
    """

    def __call__(self, partition: Iterable[Any]) -> list[Any]:
        """Return the partition's strings normalized, in order."""
        return normalize_strings(self.pipeline, list(partition))


def dask_normalize_bag(bag: dask.bag.Bag, pipe: PipelineLike = "search") -> dask.bag.Bag:
    """Normalize every string of a ``dask.bag.Bag`` (lazily; call ``.compute()``).

    Each partition is normalized by one :class:`PartitionMapper` call, with
    the pipeline compiled once per worker process.

    Example:
        >>> import dask.bag as db  # doctest: +SKIP
        >>> dask_normalize_bag(db.from_sequence(["أَهْلًا"]), "diacritics").compute()  # doctest: +SKIP
        ['أهلا']
    """
    mapper = PartitionMapper(pipeline=as_pipeline(pipe))
    mapped: dask.bag.Bag = bag.map_partitions(mapper)  # type: ignore[no-untyped-call,unused-ignore]
    return mapped
