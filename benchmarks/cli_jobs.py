"""``--jobs`` scaling and the command line against the library, with the CPU of each process.

    python benchmarks/cli_jobs.py FILE [--repeat 3]

Prints, for ``arnorm -q -p search --jobs N -i FILE -o /dev/null`` (N = 1, 2): the
wall time (best of ``--repeat``), the parent's CPU (user + sys, start-up included)
and the workers' CPU; the library's CPU for the same text (``Pipeline.stream``
over the lines, after decoding, in this process); and two ratios:

* ``cli/library``: the library's CPU seconds over the command's (``--jobs 1``),
  i.e. the command's rate as a fraction of the library's;
* ``jobs 2 vs 1``: measured wall-clock ratio, and the ratio a quiet 2-core machine
  would give if the CPU seconds measured here ran without contention:
  ``cpu(jobs 1) / max(parent, start-up + workers / 2)``.

On a loaded machine the wall-clock figures mean little; the CPU figures hold.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import arnorm

CHILD = r"""
import atexit, resource, sys
def report():
    s = resource.getrusage(resource.RUSAGE_SELF); c = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{s.ru_utime + s.ru_stime:.3f} {c.ru_utime + c.ru_stime:.3f}", file=sys.stderr)
atexit.register(report)
sys.argv = ["arnorm", *sys.argv[1:]]
from arnorm.cli import main
main()
"""


def run(args: list[str]) -> tuple[float, float, float]:
    """(wall, parent CPU, workers CPU) of one run of the command."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, *args], check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    parent, workers = map(float, done.stderr.split()[-2:])
    return wall, parent, workers


def startup() -> float:
    """The parent's CPU for an empty input: Python, the imports and the pipeline."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "-q", "-p", "search"], input="", check=True, capture_output=True, text=True
    )
    return float(done.stderr.split()[-2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    size = args.file.stat().st_size / 1e6
    pipe = arnorm.preset("search")
    lines = args.file.read_bytes().decode("utf-8").splitlines(keepends=True)
    start = time.process_time()
    for _ in pipe.stream(lines):
        pass
    library = time.process_time() - start
    print(f"input {size:.0f} MB; library (search, stream): {library:.2f} s CPU, {size / library:.0f} MB/s")
    base = startup()
    print(f"start-up (empty input): {base:.2f} s CPU")
    best: dict[int, tuple[float, float, float]] = {}
    for jobs in (1, 2):
        runs = [run(["-q", "-p", "search", "--jobs", str(jobs), "-i", str(args.file), "-o", os.devnull])
                for _ in range(args.repeat)]
        best[jobs] = min(runs)
        wall, parent, workers = best[jobs]
        print(f"--jobs {jobs}: wall {wall:.2f} s, parent CPU {parent:.2f} s, workers CPU {workers:.2f} s")
    cpu1 = best[1][1] + best[1][2]
    print(f"cli/library (jobs 1, CPU, start-up included): {library / cpu1:.2f}")
    print(f"cli/library (jobs 1, CPU, start-up excluded): {library / (cpu1 - base):.2f}")
    ideal2 = max(best[2][1], base + best[2][2] / 2)
    print(f"jobs 2 vs 1: wall {best[1][0] / best[2][0]:.2f}x; CPU model for a quiet 2-core machine {cpu1 / ideal2:.2f}x")


if __name__ == "__main__":
    main()
