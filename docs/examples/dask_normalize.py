"""Normalize a text file on a local Dask cluster and check it against one process.

Usage (from the project root, with ``pip install -e '.[integrations]'``)::

    python docs/examples/dask_normalize.py ../shared/corpus/news_saudinewsnet.txt --workers 2

Each partition (a block of lines read by ``dask.bag.read_text``) is normalized
in a worker process and written by that worker to its own file, so the text
never travels back through the client.  The script prints the number of
worker processes, the throughput of a cold and a warm run and of a single
process, and whether the files, concatenated in order, are byte for byte the
single-process output.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster, get_task_stream

import arnorm
from arnorm.integrations import dask_normalize_bag


def join_partition(lines: Iterable[str]) -> list[str]:
    """One element per partition: its lines (each ending with its own line break), joined."""
    return ["".join(lines)]


def run(path: Path, preset: str, blocksize: str, out_dir: Path) -> tuple[int, int]:
    """Normalize ``path`` into ``out_dir/00000.txt ...``; returns (partitions, workers used)."""
    bag = db.read_text(str(path), blocksize=blocksize, encoding="utf-8")
    normalized = dask_normalize_bag(bag, preset).map_partitions(join_partition)
    with get_task_stream() as tasks:
        normalized.to_textfiles(str(out_dir / "*.txt"), encoding="utf-8")
    return bag.npartitions, len({task["worker"] for task in tasks.data})


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--preset", default="search", choices=sorted(arnorm.PRESETS))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--blocksize", default="1MiB", help="bytes per partition (a Dask size string)")
    args = parser.parse_args()
    size_mb = args.path.stat().st_size / 1e6

    start = time.perf_counter()
    with args.path.open(encoding="utf-8", newline="") as handle:
        expected = "".join(arnorm.preset(args.preset).stream(handle)).encode("utf-8")
    single = time.perf_counter() - start

    print(f"file: {args.path} ({size_mb:.1f} MB), preset {args.preset}")
    print(f"single process: {single:.2f} s, {size_mb / single:.0f} MB/s")
    with (
        LocalCluster(
            n_workers=args.workers, processes=True, threads_per_worker=1, dashboard_address=":0"
        ) as cluster,
        Client(cluster),
        tempfile.TemporaryDirectory() as tmp,
    ):
        for label in ("cold", "warm"):
            out_dir = Path(tmp) / label
            start = time.perf_counter()
            partitions, workers = run(args.path, args.preset, args.blocksize, out_dir)
            elapsed = time.perf_counter() - start
            result = b"".join(p.read_bytes() for p in sorted(out_dir.glob("*.txt")))
            print(
                f"dask ({label}): {workers} worker processes, {partitions} partitions, "
                f"{elapsed:.2f} s, {size_mb / elapsed:.0f} MB/s; identical output: {result == expected}"
            )


if __name__ == "__main__":
    main()
