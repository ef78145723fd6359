"""Speed and memory of ``normalize_with_offsets`` beside plain normalization.

    python benchmarks/offsets_speed.py                    # search preset, Tashkeela + news
    python benchmarks/offsets_speed.py --presets search,ml,clean,camel --repeat 7
    python benchmarks/offsets_speed.py --files quran_uthmani.txt
    python benchmarks/offsets_speed.py --explain 5,20,100     # Pipeline.explain on lines of N KB

For each corpus file and preset it prints, as the best of ``--repeat`` runs
on the whole file as one string:

* ``plain``: MB/s of ``pipe(text)`` (UTF-8 megabytes of input per second);
* ``offsets``: MB/s of ``normalize_with_offsets(pipe, text)``, and its cost
  relative to ``plain``;
* ``edits`` and ``bytes``: the number of edit segments of the alignment and
  the bytes of its arrays (32 per edit), beside the input's size;
* ``peak``: the peak memory allocated while computing the offsets
  (tracemalloc, one separate run), which is transient;
* ``spans/s``: ``to_original_many`` over the span of every normalized word.

Figures are the best of ``--repeat`` runs of the thread's CPU time
(:func:`time.thread_time`), plain and offsets interleaved, so that other
processes on a shared machine disturb the ratio as little as possible.

With ``--explain``, it times ``preset.explain(line)`` instead, on one line of
each size (KB of UTF-8) cut from the news corpus joined into one line.

The corpus is ``../shared/corpus`` beside the project (see its README).
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

import numpy as np
from _timing import CORPUS, best_seconds  # benchmarks/_timing.py

import arnorm
from arnorm.alignment import normalize_with_offsets

FILES = ("classical_tashkeela.txt", "news_saudinewsnet.txt")




def word_spans(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Start and end of every run of non-space characters."""
    starts, ends, pos = [], [], 0
    for word in text.split(" "):
        starts.append(pos)
        ends.append(pos + len(word))
        pos += len(word) + 1
    return np.array(starts), np.array(ends)


def measure(path: Path, preset: str, repeat: int) -> str:
    text = path.read_text(encoding="utf-8")
    megabytes = len(text.encode("utf-8")) / 1e6
    pipe = arnorm.preset(preset)
    normalize_with_offsets(pipe, text[:10_000])  # warm up: fusion, compiled tables
    plain = with_offsets = float("inf")
    for _ in range(repeat):  # interleaved, CPU time of this thread
        start = time.thread_time()
        pipe(text)
        plain = min(plain, time.thread_time() - start)
        start = time.thread_time()
        normalize_with_offsets(pipe, text)
        with_offsets = min(with_offsets, time.thread_time() - start)
    tracemalloc.start()
    norm, alignment = normalize_with_offsets(pipe, text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert norm == pipe(text)
    starts, ends = word_spans(norm)
    mapping = best_seconds(lambda: alignment.to_original_many(starts, ends), repeat)
    return (
        f"{path.name:26} {preset:7} {megabytes:5.1f} MB  plain {megabytes / plain:6.1f} MB/s  "
        f"offsets {megabytes / with_offsets:6.1f} MB/s ({plain / with_offsets:4.0%} of plain)  "
        f"edits {len(alignment):8,}  bytes {alignment.nbytes / 1e6:5.1f} MB "
        f"({alignment.nbytes / len(text):4.1f}/char)  peak {peak / 1e6:6.1f} MB  "
        f"spans/s {len(starts) / mapping / 1e6:5.1f} M"
    )


def measure_explain(preset: str, kilobytes: int, repeat: int) -> str:
    """Time ``preset.explain`` on one line of about ``kilobytes`` KB of news text."""
    line = " ".join((CORPUS / "news_saudinewsnet.txt").read_text(encoding="utf-8").split("\n"))
    pipe = arnorm.preset(preset)
    encoded = line.encode("utf-8")[: kilobytes * 1000]
    text = encoded.decode("utf-8", errors="ignore")
    seconds = best_seconds(lambda: pipe.explain(text), repeat)
    changes = sum(len(step.changes) for step in pipe.explain(text))
    return f"explain {preset:7} {len(encoded) / 1000:6.1f} KB line  {seconds:8.3f} s  ({changes:,} changes)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", default=",".join(FILES), help="comma-separated names in ../shared/corpus")
    parser.add_argument("--presets", default="search", help="comma-separated preset names")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measure (best is kept)")
    parser.add_argument("--explain", default="", help="comma-separated line sizes in KB: time explain instead")
    args = parser.parse_args()
    if args.explain:
        for preset in args.presets.split(","):
            for size in args.explain.split(","):
                print(measure_explain(preset, int(size), args.repeat), flush=True)
        return
    for name in args.files.split(","):
        path = CORPUS / name
        if not path.exists():
            print(f"{name}: not found in {CORPUS}, skipped")
            continue
        for preset in args.presets.split(","):
            print(measure(path, preset, args.repeat), flush=True)


if __name__ == "__main__":
    main()
