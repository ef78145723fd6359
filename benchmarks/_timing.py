"""Shared helpers of the benchmark scripts (run as ``python benchmarks/NAME.py``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

#: The reference corpus, beside the project checkout (never copied into it).
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def best_seconds(func: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` timed calls (the least disturbed by other load)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best
