"""Run pipelines inside Hugging Face ``datasets``, pandas and Dask.

None of these libraries is needed to import this module; each helper imports
what it needs when called (``pip install 'arnorm[integrations]'``).

Hugging Face ``datasets`` (batched, several processes)::

    from arnorm.integrations import hf_map_function

    ds = ds.map(hf_map_function("search", columns=["text"]), batched=True, num_proc=4)

pandas::

    from arnorm.integrations import normalize_series

    df["text"] = normalize_series(df["text"], "search")

Dask, on a local or distributed cluster::

    import dask.bag as db
    from arnorm.integrations import dask_normalize_bag

    lines = db.read_text("corpus/*.txt", blocksize="16MiB")
    dask_normalize_bag(lines, "search").to_textfiles("out/*.txt")

    # a dask.dataframe column: normalize_series on each partition
    ddf["text"] = ddf["text"].map_partitions(normalize_series, "search", meta=ddf["text"])

The callables these helpers hand to the engines (:class:`BatchMapper`,
:class:`PartitionMapper`) are small picklable objects that hold the pipeline
as data.  When one is unpickled in a worker process it looks the pipeline up
in a per-process cache, so the character tables are fused and compiled once
per process, not once per task; and it pickles to the same bytes whether or
not it has been used, so ``datasets`` gives a transform the same fingerprint
in every run (and reuses its cache files).
"""

from __future__ import annotations

from ._common import PipelineLike, as_pipeline, normalize_strings
from .frames import PartitionMapper, dask_normalize_bag, normalize_series
from .hf_datasets import BatchMapper, hf_map_function
from .hf_tokenizers import to_hf_normalizer
from .polars_expr import polars_normalize
from .spark_udf import spark_normalize_udf

__all__ = [
    "BatchMapper",
    "PartitionMapper",
    "PipelineLike",
    "as_pipeline",
    "dask_normalize_bag",
    "hf_map_function",
    "normalize_series",
    "normalize_strings",
    "polars_normalize",
    "spark_normalize_udf",
    "to_hf_normalizer",
]
