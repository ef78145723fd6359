"""Apache Spark: a pandas UDF that normalizes a string column.

>>> from arnorm.integrations import spark_normalize_udf  # doctest: +SKIP
>>> normalize = spark_normalize_udf("search")  # doctest: +SKIP
>>> df = df.withColumn("norm", normalize("text"))  # doctest: +SKIP

The UDF ships the pipeline to the executors as data (it pickles as its spec
and tables are compiled once per Python worker); each Arrow batch is
normalized with :func:`~arnorm.integrations.normalize_series`, so nulls stay
null.  Needs ``pyspark`` with ``pyarrow``.
"""

from __future__ import annotations

from typing import Any

from ..presets import PipelineLike, as_pipeline
from .frames import normalize_series

__all__ = ["spark_normalize_udf"]


def spark_normalize_udf(pipe: PipelineLike = "search") -> Any:
    """A ``pyspark.sql.functions.pandas_udf`` (String -> String) running ``pipe``."""
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]
    from pyspark.sql.functions import pandas_udf  # type: ignore[attr-defined,import-not-found,unused-ignore]
    from pyspark.sql.types import StringType  # type: ignore[import-not-found,unused-ignore]

    pipeline = as_pipeline(pipe)

    def normalize(series: Any) -> Any:
        return normalize_series(series, pipeline)

    # Spark reads the kind of pandas UDF from real (not string) annotations.
    normalize.__annotations__ = {"series": pd.Series, "return": pd.Series}
    return pandas_udf(normalize, returnType=StringType())
