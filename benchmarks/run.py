"""Every performance figure of issue 14 in one table, with its peer measured in the same run.

    python benchmarks/run.py                 # full run (a few minutes)
    python benchmarks/run.py --quick         # a few seconds per figure
    python benchmarks/run.py --json out.json # where the JSON goes (default: benchmarks/results.json)

Throughput is MB/s of UTF-8 input on the reference corpus (``../shared/corpus``:
news, fully vocalized classical text, the Quran).  Each figure is the best of
``--repeat`` calls, and arnorm and its peer are called alternately in the same
process (interleaved), so that a change of machine load affects both: the
ratio is the figure to trust on a shared machine, not the MB/s.  In-process
figures use the CPU time of this process by default (``--clock wall`` for
the wall clock); the command-line rows use the wall clock.

Rows (ratio = arnorm / peer, the target beside it):

* ``search`` vs arabic-norm ``normalize(ta_marbuta=True)`` (target 1.5x);
* ``clean`` and ``ml`` vs arabic-normalize ``normalize_for_search`` (1.5x);
* ``camel`` vs CAMeL Tools' ``normalize_unicode`` + ``dediac_ar`` + alef,
  alef maksura and teh marbuta normalization (10x; outputs checked equal);
* ``find_dates`` MB/s on news (30), ``transliterate(scheme="buckwalter")``
  MB/s (300), ``normalize_with_offsets`` with ``search`` as a share of plain
  ``search`` (50%);
* start-up: ``echo قال | python -m arnorm`` against ``python -c pass``
  (median of ``--startup-runs``, alternated; within 4x), with the package's
  bytecode cached as an install has it; also with flags, and without that cache;
* the command line on a large file: ``--jobs 1`` against the library's
  ``Pipeline.stream`` in a fresh process (80%; in wall time, and in CPU time,
  start-up included in both), ``--jobs 2`` against ``--jobs 1`` (1.7x, wall
  time); and, without targets, the CPU time ``--jobs 2`` spends in all its
  processes and the library called again in this process, caches warm.

Peers that are not installed are reported as missing.  The JSON holds every
row, the machine (CPU, cores, load average before and after) and the
versions of Python and of every package measured.
"""

from __future__ import annotations

import argparse
import functools
import importlib.metadata
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
KINDS = {"news": "news_saudinewsnet.txt", "classical": "classical_tashkeela.txt", "quran": "quran_uthmani.txt"}
PACKAGES = ("arnorm", "numpy", "regex", "typer", "rich", "hijridate", "arabic-norm", "arabic-normalize",
            "camel-tools", "pyarabic")


@dataclass
class Row:
    """One figure: ``value`` in ``unit``, and its ratio to ``peer`` when there is one."""

    figure: str
    kind: str
    value: float
    unit: str
    peer: str = ""
    peer_value: float = 0.0
    ratio: float = 0.0
    target: float = 0.0

    @property
    def met(self) -> bool | None:
        """Whether the target is reached (``None`` when the figure has none)."""
        if not self.target:
            return None
        return (self.ratio or self.value) >= self.target


#: The clock of in-process figures: ``time.process_time`` (CPU seconds of this
#: process; robust when other processes share the cores) or ``time.perf_counter``.
CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
CLOCK = CLOCKS["cpu"]


def interleaved(funcs: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Best seconds of each function over ``repeat`` rounds, calling them in turn in each round."""
    best = dict.fromkeys(funcs, float("inf"))
    for _ in range(repeat):
        for name, func in funcs.items():
            start = CLOCK()
            func()
            best[name] = min(best[name], CLOCK() - start)
    return best


def peers() -> dict[str, Callable[[str], str]]:
    """The peers installed here, by the name used in the table."""
    found: dict[str, Callable[[str], str]] = {}
    try:
        import arabic_norm

        found["arabic-norm"] = functools.partial(arabic_norm.normalize, ta_marbuta=True)
    except ImportError:
        pass
    try:
        import arabic_normalize  # type: ignore[import-untyped]

        found["arabic-normalize"] = arabic_normalize.normalize_for_search
    except ImportError:
        pass
    try:
        from camel_tools.utils.dediac import dediac_ar  # type: ignore[import-untyped]
        from camel_tools.utils.normalize import (  # type: ignore[import-untyped]
            normalize_alef_ar,
            normalize_alef_maksura_ar,
            normalize_teh_marbuta_ar,
            normalize_unicode,
        )

        def camel_chain(text: str) -> str:
            text = dediac_ar(normalize_unicode(text))
            out: str = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))
            return out

        found["CAMeL chain"] = camel_chain
    except ImportError:
        pass
    return found


def _round_trip(text: str) -> str:
    return text.encode("utf-8").decode("utf-8")


PRESET_PEERS = {"search": ("arabic-norm", 1.5), "clean": ("arabic-normalize", 1.5),
                "ml": ("arabic-normalize", 1.5), "camel": ("CAMeL chain", 10.0)}


def preset_rows(texts: dict[str, str], repeat: int) -> list[Row]:
    """Presets against their peers, and UTF-8 encode+decode as a yardstick, per kind of text."""
    import arnorm

    found = peers()
    rows: list[Row] = []
    for kind, text in texts.items():
        mb = len(text.encode("utf-8")) / 1e6
        funcs: dict[str, Callable[[], object]] = {}
        for name in PRESET_PEERS:
            pipe = arnorm.preset(name)
            pipe(text[:5000])
            funcs[name] = functools.partial(pipe, text)
        for name, func in found.items():
            funcs[name] = functools.partial(func, text)
        funcs["utf-8 encode+decode"] = functools.partial(_round_trip, text)
        if "CAMeL chain" in found and arnorm.preset("camel")(text) != found["CAMeL chain"](text):
            print(f"warning: camel preset differs from the CAMeL chain on {kind}", file=sys.stderr)
        best = interleaved(funcs, repeat)
        for name, (peer, target) in PRESET_PEERS.items():
            row = Row(name, kind, mb / best[name], "MB/s", peer, target=target)
            if peer in best:
                row.peer_value = mb / best[peer]
                row.ratio = best[peer] / best[name]
            rows.append(row)
        rows.append(Row("utf-8 encode+decode", kind, mb / best["utf-8 encode+decode"], "MB/s"))
    return rows


def library_rows(texts: dict[str, str], repeat: int, quick: bool) -> list[Row]:
    """find_dates, Buckwalter transliteration and normalize_with_offsets."""
    import arnorm

    rows: list[Row] = []
    news = texts["news"][: 1_000_000] if quick else texts["news"]
    arnorm.find_dates(news[:5000])
    best = interleaved({"find_dates": lambda: arnorm.find_dates(news)}, repeat)
    rows.append(Row("find_dates", "news", len(news.encode()) / 1e6 / best["find_dates"], "MB/s", target=30))
    search = arnorm.preset("search")
    for kind, text in texts.items():
        mb = len(text.encode("utf-8")) / 1e6
        arnorm.transliterate(text[:5000], scheme="buckwalter")
        search.normalize_with_offsets(text[:5000])
        best = interleaved(
            {
                "buckwalter": functools.partial(arnorm.transliterate, text, scheme="buckwalter"),
                "search": functools.partial(search, text),
                "offsets": functools.partial(search.normalize_with_offsets, text),
            },
            repeat,
        )
        rows.append(Row("transliterate buckwalter", kind, mb / best["buckwalter"], "MB/s", target=300))
        rows.append(Row("normalize_with_offsets(search)", kind, mb / best["offsets"], "MB/s",
                        "search", mb / best["search"], best["search"] / best["offsets"], target=0.5))
    return rows


def startup_rows(runs: int) -> list[Row]:
    """``echo قال | python -m arnorm`` and ``import arnorm`` against ``python -c pass``, medians.

    As installed (pip compiles the package to bytecode), the package's bytecode is
    cached: one warm-up run writes it even where ``PYTHONDONTWRITEBYTECODE`` is set.
    The last row is a checkout that cannot cache it (a copy of the package without
    ``__pycache__``, with ``PYTHONDONTWRITEBYTECODE=1``): every run compiles it.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    short = "قال\n".encode()
    commands: dict[str, tuple[list[str], bytes | None, dict[str, str]]] = {
        "pass": ([sys.executable, "-c", "pass"], None, env),
        "import arnorm": ([sys.executable, "-c", "import arnorm"], None, env),
        "cli": ([sys.executable, "-m", "arnorm"], short, env),
        "cli flags": ([sys.executable, "-m", "arnorm", "-p", "clean", "-q", "-i", "-", "-o", "-"], short, env),
    }
    with tempfile.TemporaryDirectory(prefix="arnorm-startup-") as tmp:
        package, cwd = Path(tmp) / "package", Path(tmp) / "cwd"  # cwd: nothing to import there
        cwd.mkdir()
        shutil.copytree(ROOT / "arnorm", package / "arnorm", ignore=shutil.ignore_patterns("__pycache__"))
        cold = {**env, "PYTHONPATH": str(package), "PYTHONDONTWRITEBYTECODE": "1"}
        commands["cli, no bytecode cache"] = ([sys.executable, "-m", "arnorm"], short, cold)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command, stdin, environ in commands.values():  # warm-up: bytecode and page cache
            subprocess.run(command, input=stdin, stdout=subprocess.DEVNULL, check=True, env=environ, cwd=cwd)
        for _ in range(runs):
            for name, (command, stdin, environ) in commands.items():
                start = time.perf_counter()
                subprocess.run(command, input=stdin, stdout=subprocess.DEVNULL, check=True, env=environ, cwd=cwd)
                times[name].append(time.perf_counter() - start)
    base = statistics.median(times["pass"])

    def row(figure: str, name: str, target: float = 0.0) -> Row:
        median = statistics.median(times[name])
        return Row(figure, "-", median * 1e3, "ms", "python -c pass", base * 1e3, base / median, target=target)

    return [
        row("start-up: echo قال \\| python -m arnorm", "cli", target=0.25),
        row("start-up: python -c 'import arnorm'", "import arnorm"),
        row("start-up: arnorm -p clean -q -i - -o -", "cli flags"),
        row("start-up: echo قال \\| python -m arnorm, bytecode not cached", "cli, no bytecode cache"),
    ]


#: The library on a file in a fresh process, as the command line runs: ``Pipeline.stream`` over
#: its lines (argv: file, preset), written to /dev/null.
LIBRARY_RUN = """
import os, sys
import arnorm
pipe = arnorm.preset(sys.argv[2])
with open(sys.argv[1], encoding="utf-8", newline="") as source, open(os.devnull, "w", encoding="utf-8") as sink:
    sink.writelines(pipe.stream(source))
"""


def cli_rows(texts: dict[str, str], repeat: int, copies: int, preset: str = "search") -> list[Row]:
    """The command line on a large file: ``--jobs 1`` vs the library, ``--jobs 2`` vs ``--jobs 1``.

    The library runs in a fresh process too (:data:`LIBRARY_RUN`): a process starts with
    cold caches (the ``uthmani`` stage rewrites each distinct Quran word once per process,
    1.2 s of CPU for the Quran's, twenty times its cost once cached), so the library
    called again in this process, caches warm, is a different figure (shown apart).
    """
    import arnorm

    corpus = "".join(texts.values())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory(prefix="arnorm-bench-") as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(corpus * copies, encoding="utf-8")
        mb = path.stat().st_size / 1e6
        lines = corpus.splitlines(keepends=True)
        pipe = arnorm.preset(preset)
        cpu = {"library": float("inf"), "jobs1": float("inf"), "jobs2": float("inf")}  # best CPU seconds

        def child(name: str, command: list[str]) -> None:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(command, check=True, env=env)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            cpu[name] = min(cpu[name], used)

        def cli(jobs: int) -> None:
            child(f"jobs{jobs}", [sys.executable, "-m", "arnorm", "-p", preset, "--jobs", str(jobs), "-q",
                                  "-i", str(path), "-o", os.devnull])

        def library() -> None:
            child("library", [sys.executable, "-c", LIBRARY_RUN, str(path), preset])

        def library_here() -> None:
            for _ in range(copies):
                for _line in pipe.stream(lines):
                    pass

        global CLOCK
        clock, CLOCK = CLOCK, time.perf_counter  # child processes and parallelism: wall clock
        try:
            best = interleaved({"library": library, "jobs1": functools.partial(cli, 1),
                                "jobs2": functools.partial(cli, 2), "here": library_here}, repeat)
        finally:
            CLOCK = clock
    kind = f"all three x{copies} ({mb:.0f} MB)"
    return [
        Row("cli --jobs 1 vs library stream (fresh process)", kind, mb / best["jobs1"], "MB/s", "Pipeline.stream",
            mb / best["library"], best["library"] / best["jobs1"], target=0.8),
        Row("cli --jobs 2 vs --jobs 1", kind, mb / best["jobs2"], "MB/s", "cli --jobs 1",
            mb / best["jobs1"], best["jobs1"] / best["jobs2"], target=1.7),
        Row("cli --jobs 1 vs library stream, CPU time", kind, mb / cpu["jobs1"], "MB/s", "Pipeline.stream",
            mb / cpu["library"], cpu["library"] / cpu["jobs1"], target=0.8),
        Row("cli --jobs 2, CPU time of all its processes", kind, mb / cpu["jobs2"], "MB/s", "cli --jobs 1",
            mb / cpu["jobs1"], cpu["jobs1"] / cpu["jobs2"]),
        Row("cli --jobs 1 vs library stream in this process (caches warm)", kind, mb / best["jobs1"], "MB/s",
            "Pipeline.stream", mb / best["here"], best["here"] / best["jobs1"]),
    ]


def machine() -> dict[str, Any]:
    """CPU, cores, load, Python and package versions, and the git commit measured."""
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                            check=False)
    return {"cpu": cpu, "cores": os.cpu_count(), "platform": platform.platform(),
            "python": platform.python_version(), "packages": versions, "commit": commit.stdout.strip(),
            "load_before": os.getloadavg()}


def render(rows: list[Row]) -> str:
    """The table, one row per figure, as GitHub markdown."""
    out = ["| figure | text | arnorm | peer | peer value | ratio | target | met |",
           "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        ratio = f"{r.ratio:.2f}x" if r.ratio else ""
        target = (f"{r.target:g}x" if r.peer else f"{r.target:g} {r.unit}") if r.target else ""
        if r.unit == "ms" and r.ratio:
            ratio = f"{1 / r.ratio:.1f}x slower"
            target = f"<= {1 / r.target:g}x" if r.target else ""
        met = {True: "yes", False: "**no**", None: ""}[r.met]
        peer_value = f"{r.peer_value:.0f} {r.unit}" if r.peer_value else ""
        out.append(f"| {r.figure} | {r.kind} | {r.value:.0f} {r.unit} | {r.peer} | {peer_value} | {ratio} "
                   f"| {target} | {met} |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and smaller inputs")
    parser.add_argument("--repeat", type=int, default=0, help="best of N (default 7, or 3 with --quick)")
    parser.add_argument("--startup-runs", type=int, default=0, help="median of N (default 7)")
    parser.add_argument("--only", default="presets,library,startup,cli",
                        help="comma-separated groups: presets, library, startup, cli")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu",
                        help="clock of in-process figures (default cpu: process time; the command line "
                        "rows always use the wall clock)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results.json")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"reference corpus not found: {CORPUS}")
    sys.path.insert(0, str(ROOT))
    repeat = args.repeat or (3 if args.quick else 7)
    global CLOCK
    CLOCK = CLOCKS[args.clock]
    texts = {kind: (CORPUS / name).read_text(encoding="utf-8") for kind, name in KINDS.items()}
    info = machine()
    groups = set(args.only.split(","))
    rows: list[Row] = []
    if "startup" in groups:  # first, before this process warms the page cache for nothing else
        rows += startup_rows(args.startup_runs or 7)
    if "presets" in groups:
        rows += preset_rows(texts, repeat)
    if "library" in groups:
        rows += library_rows(texts, repeat, args.quick)
    if "cli" in groups:
        rows += cli_rows(texts, max(2, repeat - 2) if args.quick else repeat, 2 if args.quick else 8)
    info["load_after"] = os.getloadavg()
    info["repeat"] = repeat
    info["quick"] = args.quick
    info["clock"] = args.clock
    print(f"{info['cpu']}, {info['cores']} cores, Python {info['python']}, commit {info['commit']}; "
          f"best of {repeat}, interleaved, {args.clock} clock; load {info['load_before'][0]:.1f} -> {info['load_after'][0]:.1f}")
    print(render(rows))
    args.json.write_text(json.dumps({"machine": info, "rows": [{**asdict(r), "met": r.met} for r in rows]},
                                    indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written: {args.json}")


if __name__ == "__main__":
    main()
