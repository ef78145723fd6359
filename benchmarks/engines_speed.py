"""Rows per second of the `search` preset through one process, pandas, polars, Dask and Spark.

    python benchmarks/engines_speed.py [--rows N] [--no-spark]

Every engine normalizes the same news lines (the corpus repeated to N rows) and
the outputs are checked to be identical to one process calling the pipeline.
Spark runs in local mode on all cores (its start-up is not timed).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import arnorm

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news_saudinewsnet.txt"


def _timed(label: str, rows: int, fn, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - start
    assert list(out) == expected, f"{label}: output differs from one process"
    print(f"{label:<28} {rows / seconds:>12,.0f} rows/s  ({seconds:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--no-spark", action="store_true")
    args = parser.parse_args()
    base = CORPUS.read_text(encoding="utf-8").splitlines()
    lines = (base * (args.rows // len(base) + 1))[: args.rows]
    pipe = arnorm.preset("search")
    expected = [pipe(line) for line in lines]
    print(f"{len(lines):,} news lines, {sum(map(len, lines)) / 1e6:.1f} M characters, search preset")
    _timed("one process, per line", len(lines), lambda: [pipe(line) for line in lines], expected)
    _timed("one process, stream", len(lines), lambda: list(pipe.stream(lines)), expected)

    import pandas as pd

    from arnorm.integrations import dask_normalize_bag, normalize_series, polars_normalize

    series = pd.Series(lines)
    _timed("pandas normalize_series", len(lines), lambda: normalize_series(series, "search").tolist(), expected)
    import polars as pl

    frame = pl.DataFrame({"text": lines})
    _timed(
        "polars expression",
        len(lines),
        lambda: frame.select(polars_normalize("text", "search"))["text"].to_list(),
        expected,
    )
    import dask.bag as db

    bag = db.from_sequence(lines, npartitions=os.cpu_count() or 2)
    _timed(
        "dask bag (processes)",
        len(lines),
        lambda: dask_normalize_bag(bag, "search").compute(scheduler="processes"),
        expected,
    )
    if not args.no_spark:
        _spark(lines, expected)


def _spark(lines: list[str], expected: list[str]) -> None:
    from pyspark.sql import SparkSession

    from arnorm.integrations import spark_normalize_udf

    spark = SparkSession.builder.master("local[*]").appName("arnorm-bench").getOrCreate()
    try:
        df = spark.createDataFrame([(i, s) for i, s in enumerate(lines)], "id long, text string").cache()
        df.count()
        udf = spark_normalize_udf("search")
        _timed(
            "spark pandas UDF (local[*])",
            len(lines),
            lambda: [r["n"] for r in df.select("id", udf("text").alias("n")).orderBy("id").collect()],
            expected,
        )
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
