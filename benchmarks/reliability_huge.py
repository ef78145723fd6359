"""Huge inputs through the ``arnorm`` command line: bounded memory, correct output.

    python benchmarks/reliability_huge.py                    # 1 GB, 100 MB line, 10M empty lines (~15 min)
    python benchmarks/reliability_huge.py --gb 0.2 --jobs 1  # a quicker look
    python benchmarks/reliability_huge.py --only line,empty

Each case is run as a user runs it, ``arnorm -q -p PRESET -j JOBS -i INPUT
-o OUTPUT``, under ``/usr/bin/time -v``; the script prints the input size,
wall time, MB/s of input, peak resident memory (the largest single process:
with ``--jobs 2`` GNU time reports the maximum over the parent and its
workers, not their sum) and whether the output is right:

* ``big``: the reference corpus (``../shared/corpus``) repeated to ``--gb``
  GB (default 1); the output must be the corpus normalized line by line (by
  the library, in this process), repeated the same number of times;
* ``line``: the corpus with every newline replaced by a space, repeated to
  ``--line-mb`` MB (default 100): one line with no newline, which the
  command line cuts at spaces between words; the output must equal the
  library run on the whole line;
* ``empty``: ``--empty-lines`` newlines (default 10 million) and as many
  CRLF line ends; the output must be the input, byte for byte.

Inputs and outputs are written in ``--workdir`` (default: a new directory
in the system temporary directory) and removed at the end; the script
checks first that the disk has room for an input and an output.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import arnorm

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FILES = ("news_saudinewsnet.txt", "classical_tashkeela.txt", "quran_uthmani.txt", "seed_article.txt")
ARNORM = [sys.executable, "-m", "arnorm"]
BLOCK = 1 << 24


def timed(command: list[str]) -> tuple[float, float, int]:
    """(peak RSS in MB, wall seconds, exit status) of ``command`` under ``/usr/bin/time -v``."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    if rss is None:
        raise RuntimeError(f"cannot parse /usr/bin/time output:\n{done.stderr}")
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
    return int(rss.group(1)) / 1024, wall, done.returncode


def by_lines(pipe: arnorm.Pipeline, text: str) -> str:
    """The reference: the pipeline applied to each line body, line ends kept."""
    out = []
    for line in text.split("\n"):
        cr = line.endswith("\r")
        out.append(pipe(line[:-1]) + "\r" if cr else pipe(line))
    return "\n".join(out)


def write_repeated(path: Path, unit: bytes, size: int) -> int:
    """Write ``unit`` whole as many times as fit in ``size`` bytes (at least once); the count."""
    count = max(1, size // len(unit))
    with open(path, "wb") as out:
        batch = max(1, BLOCK // len(unit))
        out.writelines(unit * min(batch, count - start) for start in range(0, count, batch))
    return count


def is_repeated(path: Path, unit: bytes, count: int) -> bool:
    """Whether the file is exactly ``unit`` repeated ``count`` times (read in blocks)."""
    if path.stat().st_size != len(unit) * count:
        return False
    batch = max(1, BLOCK // len(unit))
    with open(path, "rb") as handle:
        for start in range(0, count, batch):
            n = min(batch, count - start)
            if handle.read(len(unit) * n) != unit * n:
                return False
    return True


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


def run_case(
    label: str, source: Path, out: Path, args: argparse.Namespace, check: Callable[[Path], bool]
) -> None:
    size = source.stat().st_size / 1e6
    for jobs in args.jobs:
        command = [*ARNORM, "-q", "-p", args.preset, "-j", str(jobs), "-i", str(source), "-o", str(out)]
        rss, wall, status = timed(command)
        ok = status == 0 and check(out)
        print(
            f"| {label} | {size:,.0f} MB | {jobs} | {wall:.1f} s | {size / wall:.1f} MB/s | {rss:.0f} MB | "
            f"{'yes' if ok else f'NO (exit {status})'} |",
            flush=True,
        )
        out.unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gb", type=float, default=1.0, help="size of the big input (GB)")
    parser.add_argument("--line-mb", type=int, default=100, help="size of the single line (MB)")
    parser.add_argument("--empty-lines", type=int, default=10_000_000)
    parser.add_argument("--preset", default="search")
    parser.add_argument("--jobs", type=lambda s: [int(j) for j in s.split(",")], default=[1, 2])
    parser.add_argument("--only", type=lambda s: set(s.split(",")), default={"big", "line", "empty"})
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"reference corpus not found: {CORPUS}")
    if shutil.which("/usr/bin/time") is None:
        sys.exit("needs GNU time at /usr/bin/time (Debian package 'time')")

    corpus = b"".join((CORPUS / name).read_bytes() for name in FILES)
    if not corpus.endswith(b"\n"):
        corpus += b"\n"
    pipe = arnorm.preset(args.preset)
    workdir = Path(tempfile.mkdtemp(prefix="arnorm-huge-", dir=args.workdir))
    need = 2 * max(args.gb * 1e9, args.line_mb * 1e6, 3 * args.empty_lines) * 1.1
    free = shutil.disk_usage(workdir).free
    if free < need:
        sys.exit(f"{workdir}: {free / 1e9:.1f} GB free, {need / 1e9:.1f} GB needed")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"preset {args.preset}; {os.cpu_count()} CPUs; load average {load}; "
        f"{free / 1e9:.0f} GB free in {workdir}"
    )
    print("\n| input | size | --jobs | wall | input MB/s | peak RSS | output right |")
    print("|---|---|---|---|---|---|---|")
    try:
        source, out = workdir / "input.txt", workdir / "output.txt"
        if "big" in args.only:
            count = write_repeated(source, corpus, int(args.gb * 1e9))
            expected = by_lines(pipe, corpus.decode("utf-8")).encode("utf-8")
            run_case("corpus repeated", source, out, args, lambda p: is_repeated(p, expected, count))
        if "line" in args.only:
            line = corpus.replace(b"\n", b" ")
            count = write_repeated(source, line, args.line_mb * 1_000_000)
            text = source.read_text(encoding="utf-8")
            want = hashlib.sha256(pipe(text).encode("utf-8")).hexdigest()
            del text
            run_case("one line, no newline", source, out, args, lambda p: sha256_file(p) == want)
        if "empty" in args.only:
            for ending, name in ((b"\n", "LF"), (b"\r\n", "CRLF")):
                count = write_repeated(source, ending * 1000, args.empty_lines * len(ending))
                run_case(
                    f"{args.empty_lines:,} empty lines ({name})",
                    source,
                    out,
                    args,
                    lambda p, e=ending, c=count: is_repeated(p, e * 1000, c),  # type: ignore[misc]
                )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
