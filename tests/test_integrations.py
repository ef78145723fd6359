"""arnorm.integrations: Hugging Face datasets, pandas and Dask.

The pure-Python parts run everywhere; the rest is skipped unless the optional
libraries are installed (``pip install -e '.[integrations]'``).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

# datasets reads these when it is imported: never touch the network.
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest
from conftest import ROOT, shared_file
from hypothesis import given
from hypothesis import strategies as st

import arnorm
from arnorm.errors import ArnormError
from arnorm.integrations import (
    BatchMapper,
    PartitionMapper,
    as_pipeline,
    hf_map_function,
    normalize_strings,
)
from arnorm.strategies import NASTY, arabic_text

PRESET_NAMES = sorted(arnorm.PRESETS)
values = st.lists(st.one_of(arabic_text(), st.sampled_from(NASTY), st.none()), max_size=20)


def _python(code: str, **env: str) -> str:
    """Run ``code`` in a fresh interpreter (from the project root) and return its stdout."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


# -- no optional dependency needed ------------------------------------------------------
def test_import_needs_none_of_the_engines() -> None:
    out = _python(
        """
        import sys
        for name in ("pandas", "dask", "datasets", "distributed", "pyarrow"):
            sys.modules[name] = None  # any import of them now fails
        import arnorm.integrations as i
        fn = i.hf_map_function("search")
        print(fn({"text": ["أهلاً"]})["text"][0])
        """
    )
    assert out.strip() == "اهلا"


@given(batch=values, name=st.sampled_from(PRESET_NAMES))
def test_batched_map_equals_calling_the_pipeline_per_value(batch: list[str | None], name: str) -> None:
    pipe = arnorm.preset(name)
    expected = [None if v is None else pipe(v) for v in batch]
    assert normalize_strings(pipe, batch) == expected
    fn = hf_map_function(name, columns=["text"])
    assert fn({"text": batch, "other": list(range(len(batch)))}) == {"text": expected}
    single = hf_map_function(name, columns="text", batched=False)
    assert [single({"text": v})["text"] for v in batch] == expected


def test_values_with_line_breaks_are_normalized_one_by_one() -> None:
    # Joining by "\n" is only a shortcut: values holding line breaks of any kind
    # (and empty strings) must give exactly what the pipeline gives each alone.
    pipe = arnorm.preset("clean")
    batch = ["أ  ب \n", "", "\n", "ـــ\r\n x ", "a\u2028 b ", " ", "\n\n"]
    assert normalize_strings(pipe, batch) == [pipe(v) for v in batch]


def test_output_columns_keep_the_original() -> None:
    fn = hf_map_function("diacritics", columns=["a", "b"], output_columns=["a_norm", "b_norm"])
    assert fn({"a": ["كَتَبَ"], "b": ["عِلْم"]}) == {"a_norm": ["كتب"], "b_norm": ["علم"]}


def test_bad_arguments_and_columns() -> None:
    with pytest.raises(ArnormError, match="2 columns but 1 output"):
        hf_map_function("search", columns=["a", "b"], output_columns=["x"])
    with pytest.raises(ArnormError, match="at least one column"):
        hf_map_function("search", columns=[])
    with pytest.raises(ArnormError, match="column 'text' is not in the dataset; its columns: body, id"):
        hf_map_function("search")({"body": ["x"], "id": [1]})
    with pytest.raises(TypeError, match="column 'text': element 1 is a int"):
        hf_map_function("search")({"text": ["x", 3]})
    with pytest.raises(TypeError, match="column 'text' holds a list"):
        hf_map_function("search", batched=False)({"text": ["x"]})
    with pytest.raises(arnorm.UnknownStageError, match="valid stages: .*diacritics"):
        hf_map_function("serch")
    with pytest.raises(TypeError, match="not int"):
        as_pipeline(3)  # type: ignore[arg-type]


def test_as_pipeline_reads_presets_specs_and_stages() -> None:
    assert as_pipeline("search") == arnorm.preset("search")
    assert as_pipeline("diacritics,alef") == arnorm.Pipeline(["diacritics", "alef"])
    assert as_pipeline(arnorm.stage("ya")) == arnorm.Pipeline(["ya"])


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_mappers_pickle_the_same_before_and_after_use(name: str) -> None:
    # A used CharMap caches derived state; the mapper must pickle without it,
    # or datasets would fingerprint the same transform differently.
    fn = hf_map_function(name)
    before = pickle.dumps(fn)
    fn({"text": ["أَهْلًا ﻻ ٢٠١٩، ـــ"]})
    assert pickle.dumps(fn) == before
    clone = pickle.loads(before)
    assert clone == fn
    assert clone({"text": ["إِلَى"]}) == fn({"text": ["إِلَى"]})


def test_unpickled_mappers_share_one_compiled_pipeline_per_process() -> None:
    fn = hf_map_function("search")
    a, b = pickle.loads(pickle.dumps(fn)), pickle.loads(pickle.dumps(fn))
    assert a.pipeline is b.pipeline is fn.pipeline
    part = pickle.loads(pickle.dumps(PartitionMapper(pipeline=arnorm.preset("search"))))
    assert part.pipeline is fn.pipeline


def test_mapper_needs_a_pipeline() -> None:
    with pytest.raises(TypeError, match="must be a Pipeline"):
        BatchMapper(pipeline="search")  # type: ignore[arg-type]


# -- Hugging Face datasets -----------------------------------------------------------------
def test_fingerprint_is_stable_across_processes_and_use() -> None:
    pytest.importorskip("datasets")
    code = """
        import arnorm
        from datasets.fingerprint import Hasher
        from arnorm.integrations import hf_map_function
        fn = hf_map_function("search", columns=["text"])
        before = Hasher.hash(fn)
        fn({"text": ["أَهْلًا"]})
        arnorm.preset("search")("ﻻ")
        assert Hasher.hash(fn) == before
        other = hf_map_function(arnorm.Pipeline.from_spec(arnorm.PRESETS["search"]), columns="text")
        assert Hasher.hash(other) == before
        print(before)
    """
    runs = {_python(code, PYTHONHASHSEED=seed).strip() for seed in ("1", "2")}
    assert len(runs) == 1
    # and different transforms get different fingerprints
    from datasets.fingerprint import Hasher

    assert Hasher.hash(hf_map_function("clean")) != Hasher.hash(hf_map_function("search"))
    assert Hasher.hash(hf_map_function("search", columns="a")) != Hasher.hash(hf_map_function("search"))


def test_dataset_map_in_two_processes_equals_the_pipeline() -> None:
    datasets = pytest.importorskip("datasets")
    datasets.disable_progress_bars()
    lines = shared_file("corpus", "seed_article.txt").read_text(encoding="utf-8").splitlines()
    lines = (lines + [None, ""]) * 4
    ds = datasets.Dataset.from_dict({"text": lines, "id": list(range(len(lines)))})
    pipe = arnorm.preset("search")
    out = ds.map(
        hf_map_function(pipe, output_columns="norm"), batched=True, batch_size=7, num_proc=2
    )
    assert out["norm"] == [None if v is None else pipe(v) for v in lines]
    assert out["text"] == lines and out["id"] == list(range(len(lines)))


# -- pandas ----------------------------------------------------------------------------------
@given(batch=values, name=st.sampled_from(PRESET_NAMES))
def test_normalize_series_equals_series_map(batch: list[str | None], name: str) -> None:
    pd = pytest.importorskip("pandas")
    from arnorm.integrations import normalize_series

    pipe = arnorm.preset(name)
    for dtype in (None, object, "string"):
        series = pd.Series(batch, index=[f"r{i}" for i in range(len(batch))], name="t", dtype=dtype)
        out = normalize_series(series, name)
        expected = series.map(pipe, na_action="ignore")
        assert out.index.equals(series.index) and out.name == "t" and out.dtype == series.dtype
        assert out.isna().tolist() == series.isna().tolist()
        assert out.dropna().tolist() == expected.dropna().tolist()


def test_normalize_series_categorical_and_errors() -> None:
    pd = pytest.importorskip("pandas")
    from arnorm.integrations import normalize_series

    series = pd.Series(["أَحْمَد", "احمد", None, "إِلَى"], dtype="category")
    out = normalize_series(series, "search")
    assert out.tolist()[:2] == ["احمد", "احمد"] and pd.isna(out.tolist()[2]) and out.tolist()[3] == "الي"
    assert list(out.cat.categories) == ["احمد", "الي"]  # categories that became equal merge
    with pytest.raises(TypeError, match="element 1 is a int"):
        normalize_series(pd.Series(["a", 2, "b"]), "search")


# -- Dask on a local multi-process cluster ---------------------------------------------------
@pytest.fixture(scope="module")
def dask_client() -> Any:
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0", silence_logs=40
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def test_dask_bag_on_two_worker_processes_matches_one_process(dask_client: Any) -> None:
    import dask.bag as db
    from distributed import get_task_stream

    from arnorm.integrations import dask_normalize_bag

    path: Path = shared_file("corpus", "news_saudinewsnet.txt")
    pipe = arnorm.preset("search")
    with path.open(encoding="utf-8", newline="") as handle:
        expected = "".join(pipe.stream(handle))
    bag = db.read_text(str(path), blocksize=1 << 20, encoding="utf-8")
    assert bag.npartitions >= 4
    with get_task_stream(dask_client) as tasks:
        result = "".join(dask_normalize_bag(bag, "search").compute())
    assert result.encode("utf-8") == expected.encode("utf-8")
    assert result != path.read_text(encoding="utf-8")  # the pipeline did change the text
    assert len({task["worker"] for task in tasks.data}) == 2  # both worker processes took part
    pids = dask_client.run(os.getpid)
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()


def test_dask_dataframe_column_matches_pandas(dask_client: Any) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    from arnorm.integrations import normalize_series

    lines = shared_file("corpus", "seed_article.txt").read_text(encoding="utf-8").splitlines() * 8
    frame = pd.DataFrame({"text": lines, "n": range(len(lines))})
    ddf = dd.from_pandas(frame, npartitions=4)
    ddf["text"] = ddf["text"].map_partitions(normalize_series, "ml", meta=ddf["text"])
    out = ddf.compute()
    assert out["text"].tolist() == normalize_series(frame["text"], "ml").tolist()
    assert out["n"].tolist() == frame["n"].tolist()
