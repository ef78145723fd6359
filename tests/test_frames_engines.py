"""polars and Spark: the same output as one process, nulls kept."""

from __future__ import annotations

import os

import pytest
from conftest import shared_file
from hypothesis import given
from hypothesis import strategies as st

import arnorm
from arnorm.strategies import arabic_text

pl = pytest.importorskip("polars")
from arnorm.integrations import polars_normalize, spark_normalize_udf

values = st.lists(st.one_of(arabic_text(), st.none()), max_size=20)


@given(values, st.sampled_from(["search", "ml", "clean"]))
def test_polars_expression_equals_the_pipeline(strings: list[str | None], name: str) -> None:
    pipe = arnorm.preset(name)
    df = pl.DataFrame({"text": strings}, schema={"text": pl.String})
    out = df.with_columns(polars_normalize("text", name).alias("norm"))
    assert out["norm"].to_list() == [None if s is None else pipe(s) for s in strings]
    assert out["norm"].dtype == pl.String and out["text"].to_list() == strings


def test_polars_series_and_lazy_frames() -> None:
    series = pl.Series("t", ["أَهْلًا", None])
    assert polars_normalize(series, "search").to_list() == ["اهلا", None]
    lazy = pl.LazyFrame({"t": ["كَتَبَ"]}).select(polars_normalize(pl.col("t"), "diacritics"))
    assert lazy.collect()["t"].to_list() == ["كتب"]


def test_polars_rejects_non_strings() -> None:
    with pytest.raises(TypeError, match="not String"):
        polars_normalize(pl.Series("n", [1, 2]))


def _java17_home() -> str | None:
    for home in (os.environ.get("JAVA_HOME"), "/usr/lib/jvm/java-17-openjdk-amd64"):
        if home and os.path.exists(os.path.join(home, "bin", "java")):
            return home
    return None


@pytest.mark.slow
def test_spark_local_mode_equals_one_process() -> None:
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    home = _java17_home()
    if home is None:
        pytest.skip("no Java 17 for Spark")
    os.environ.setdefault("JAVA_HOME", home)
    from pyspark.sql import SparkSession

    lines = shared_file("corpus", "news_saudinewsnet.txt").read_text(encoding="utf-8").splitlines()[:2000]
    spark = SparkSession.builder.master("local[2]").appName("arnorm-test").getOrCreate()
    try:
        df = spark.createDataFrame([(i, s) for i, s in enumerate([*lines, None])], "id long, text string")
        rows = df.withColumn("norm", spark_normalize_udf("search")("text")).orderBy("id").collect()
    finally:
        spark.stop()
    search = arnorm.preset("search")
    assert [r["norm"] for r in rows] == [search(s) for s in lines] + [None]
