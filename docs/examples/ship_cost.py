"""What it costs to ship a pipeline to a worker process, for each preset.

Usage (from the project root)::

    python docs/examples/ship_cost.py

For each preset, a fresh interpreter unpickles the ``hf_map_function`` made in
this one (as a ``datasets`` or Dask worker does) and times: unpickling, the
first call (which fuses and compiles the tables), and a later call, each on a
one-line batch.
"""

from __future__ import annotations

import pickle
import subprocess
import sys

import arnorm
from arnorm.integrations import hf_map_function

WORKER = """
import pickle, sys, time
data = sys.stdin.buffer.read()
start = time.perf_counter()
import arnorm.integrations
imported = time.perf_counter()
fn = pickle.loads(data)
loaded = time.perf_counter()
fn({"text": ["مرحبا بكم"]})
first = time.perf_counter()
fn({"text": ["مرحبا بكم"]})
second = time.perf_counter()
print(f"{(imported - start) * 1e3:.0f} {(loaded - imported) * 1e3:.1f} {(first - loaded) * 1e3:.1f} "
      f"{(second - first) * 1e6:.0f}")
"""


def main() -> None:
    print(f"{'preset':<8} {'pickle':>8} {'import':>8} {'unpickle':>9} {'1st call':>9} {'next call':>10}")
    for name in arnorm.PRESETS:
        data = pickle.dumps(hf_map_function(name))
        out = subprocess.run(
            [sys.executable, "-c", WORKER], input=data, capture_output=True, check=True
        ).stdout.decode()
        imported, loaded, first, second = out.split()
        print(
            f"{name:<8} {len(data):>6} B {imported:>5} ms {loaded:>6} ms {first:>6} ms {second:>7} us"
        )


if __name__ == "__main__":
    main()
