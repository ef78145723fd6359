"""Throughput and peak memory of the ``arnorm`` command line, measured as a user runs it.

    python benchmarks/cli_throughput.py                 # everything (~1-2 minutes)
    python benchmarks/cli_throughput.py --repeat 5 --preset clean
    python benchmarks/cli_throughput.py --skip-memory   # throughput only

Prints:

* the library's own speed on the same text (``Pipeline.stream`` over the
  lines, in this process), the ceiling the command line can approach;
* the command line's throughput (MB/s of UTF-8 input, best of ``--repeat``
  wall-clock runs, Python start-up included) on the reference corpus
  (``../shared/corpus``, ~9 MB) and on the corpus repeated 8 times, with
  ``--jobs 1`` and ``--jobs 2``, output to /dev/null; and checks that both
  give the same bytes;
* peak memory (maximum resident set size from ``/usr/bin/time -v``) for a
  generated input of ``--big-mb`` MB (default 200) and for one line of
  ``--line-mb`` MB with no newline (default 100), whose output is checked
  against the library run on the whole line.  With ``--jobs 2`` the figure
  is that of the largest single process (GNU time reports no sum).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import arnorm

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FILES = ("news_saudinewsnet.txt", "classical_tashkeela.txt", "quran_uthmani.txt", "seed_article.txt")
ARNORM = [sys.executable, "-m", "arnorm"]


def best_seconds(command: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def digest(command: list[str]) -> str:
    done = subprocess.run(command, check=True, capture_output=True)
    return hashlib.sha256(done.stdout).hexdigest()


def peak_memory(command: list[str]) -> tuple[float, float]:
    """(max RSS in MB, wall seconds) of ``command`` under ``/usr/bin/time -v``."""
    done = subprocess.run(["/usr/bin/time", "-v", *command], check=True, capture_output=True, text=True)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    wall = re.search(
        r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", done.stderr
    )
    if rss is None or wall is None:
        raise RuntimeError(f"cannot parse /usr/bin/time output:\n{done.stderr}")
    hours, minutes, seconds = wall.groups()
    return int(rss.group(1)) / 1024, int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)


def write_repeated(source: bytes, path: Path, megabytes: int, separator: bytes | None = None) -> None:
    """``source`` repeated to about ``megabytes`` MB, ending at a line end (or at a
    ``separator``, which then replaces every newline: one line with no newline)."""
    if separator is not None:
        source = source.replace(b"\n", separator)
    end = separator or b"\n"
    target = megabytes * 1_000_000
    with open(path, "wb") as out:
        written = 0
        while written + len(source) <= target:
            out.write(source)
            written += len(source)
        rest = source[: target - written]
        out.write(rest[: rest.rfind(end) + 1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--preset", default="search")
    parser.add_argument("--big-mb", type=int, default=200)
    parser.add_argument("--line-mb", type=int, default=100)
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"reference corpus not found: {CORPUS}")

    corpus = b"".join((CORPUS / name).read_bytes() for name in FILES)
    pipe = arnorm.preset(args.preset)
    with tempfile.TemporaryDirectory(prefix="arnorm-bench-") as tmp:
        base = Path(tmp) / "corpus.txt"
        base.write_bytes(corpus)
        times8 = Path(tmp) / "corpus_x8.txt"
        times8.write_bytes(corpus * 8)

        lines = corpus.decode("utf-8").splitlines(keepends=True)
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            for _line in pipe.stream(lines):
                pass
            best = min(best, time.perf_counter() - start)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"preset {args.preset}; {os.cpu_count()} CPUs, load average {load}; best of {args.repeat}")
        print(f"library Pipeline.stream, in process:     {len(corpus) / 1e6 / best:7.1f} MB/s")

        for path, label in ((base, "corpus (9 MB)"), (times8, "corpus x8 (72 MB)")):
            size = path.stat().st_size / 1e6
            digests = set()
            for jobs in (1, 2):
                command = [*ARNORM, "-p", args.preset, "--jobs", str(jobs), "-q", "-i", str(path)]
                seconds = best_seconds([*command, "-o", "/dev/null"], args.repeat)
                print(f"cli --jobs {jobs}, {label:<18}      {size / seconds:7.1f} MB/s  ({seconds:.2f} s)")
                digests.add(digest(command))
            print(f"    --jobs 1 and --jobs 2 outputs identical: {len(digests) == 1}")

        if args.skip_memory:
            return
        big = Path(tmp) / "big.txt"
        write_repeated(corpus, big, args.big_mb)
        size = big.stat().st_size / 1e6
        for jobs in (1, 2):
            rss, wall = peak_memory(
                [*ARNORM, "-p", args.preset, "--jobs", str(jobs), "-q", "-i", str(big), "-o", "/dev/null"]
            )
            print(
                f"peak RSS, {size:.0f} MB input, --jobs {jobs}:       {rss:7.1f} MB  ({size / wall:.1f} MB/s)"
            )
        big.unlink()

        line = Path(tmp) / "line.txt"
        write_repeated(corpus, line, args.line_mb, separator=b" ")
        out = Path(tmp) / "line.out"
        rss, wall = peak_memory([*ARNORM, "-p", args.preset, "-q", "-i", str(line), "-o", str(out)])
        size = line.stat().st_size / 1e6
        expected = pipe(line.read_text(encoding="utf-8")).encode("utf-8")
        same = hashlib.sha256(expected).digest() == hashlib.sha256(out.read_bytes()).digest()
        print(f"peak RSS, one {size:.0f} MB line, --jobs 1:      {rss:7.1f} MB  ({size / wall:.1f} MB/s)")
        print(f"    output equals the library on the whole line: {same}")
        print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
