"""``normalize_series`` against ``series.map(pipe)`` on a real file, for each preset.

Usage (from the project root, with ``pip install -e '.[integrations]'``)::

    python docs/examples/pandas_benchmark.py ../shared/corpus/news_saudinewsnet.txt

Prints the best of ``--repeat`` runs of each, in MB/s of UTF-8 input, and
checks that both give the same Series.
"""

from __future__ import annotations

import argparse
import functools
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

import arnorm
from arnorm.integrations import normalize_series


def best(func: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``func``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    lines = args.path.read_text(encoding="utf-8").splitlines()
    series = pd.Series(lines, name="text")
    size_mb = sum(len(line.encode("utf-8")) for line in lines) / 1e6
    print(f"{args.path}: {len(series)} rows, {size_mb:.1f} MB, dtype {series.dtype}, pandas {pd.__version__}")
    print(f"{'preset':<8} {'normalize_series':>18} {'series.map':>12} {'speed-up':>9}")
    for name in arnorm.PRESETS:
        pipe = arnorm.preset(name)
        pipe(lines[0])  # compile outside the timing
        assert normalize_series(series, pipe).equals(series.map(pipe))
        fast = best(functools.partial(normalize_series, series, pipe), args.repeat)
        slow = best(functools.partial(series.map, pipe), args.repeat)
        print(f"{name:<8} {size_mb / fast:>13.0f} MB/s {size_mb / slow:>7.0f} MB/s {slow / fast:>8.1f}x")


if __name__ == "__main__":
    main()
