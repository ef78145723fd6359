"""Finding and running Lucene for the parity tests (skipped where it is absent).

Lucene 9.9's analyzers ship inside pyserini's Anserini fat jar: install it
without its dependencies (``pip install --no-deps pyserini==1.6.0``) or point
``ARNORM_LUCENE_JAR`` at the jar.  The jar needs Java 21 or newer:
``ARNORM_JAVA_HOME``, ``JAVA_HOME`` and ``/usr/lib/jvm/*`` are searched.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent


def lucene_jar() -> Path | None:
    """The jar holding Lucene's analysis classes, or None."""
    env = os.environ.get("ARNORM_LUCENE_JAR")
    if env:
        return Path(env) if Path(env).is_file() else None
    spec = importlib.util.find_spec("pyserini")
    if spec is None or not spec.submodule_search_locations:
        return None
    jars = sorted(Path(spec.submodule_search_locations[0], "resources", "jars").glob("anserini-*-fatjar.jar"))
    return jars[-1] if jars else None


def _java_version(java_home: Path) -> int:
    try:
        out = subprocess.run(
            [str(java_home / "bin" / "java"), "-version"], check=False, capture_output=True, text=True, timeout=60
        ).stderr
    except (OSError, subprocess.SubprocessError):
        return 0
    found = re.search(r'version "(\d+)', out)
    return int(found.group(1)) if found else 0


def java_home(minimum: int = 21) -> Path | None:
    """A JDK (with javac) of at least version ``minimum``, or None."""
    candidates = [os.environ.get("ARNORM_JAVA_HOME"), os.environ.get("JAVA_HOME")]
    candidates += [str(p) for p in sorted(Path("/usr/lib/jvm").glob("*"), reverse=True)]
    for c in candidates:
        if c and (Path(c) / "bin" / "javac").exists() and _java_version(Path(c)) >= minimum:
            return Path(c)
    return None


def _run_java(program: str, args: Sequence[str], lines: Sequence[str], workdir: Path) -> list[str]:
    """Compile ``tests/lucene/<program>.java`` and run it on ``lines``; one output line per input line."""
    jar, home = lucene_jar(), java_home()
    assert jar is not None and home is not None
    source = HERE / "lucene" / f"{program}.java"
    subprocess.run(
        [str(home / "bin" / "javac"), "-cp", str(jar), "-d", str(workdir), str(source)], check=True, timeout=300
    )
    done = subprocess.run(
        [str(home / "bin" / "java"), "-cp", f"{jar}{os.pathsep}{workdir}", program, *args],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=600,
    )
    out = done.stdout.split("\n")[: len(lines)]
    assert len(out) == len(lines)
    return out


def run_lucene(words: Sequence[str], workdir: Path) -> list[tuple[str, str]]:
    """(normalized, stemmed) for every word, computed by Lucene itself."""
    rows = [line.split("\t") for line in _run_java("LuceneArabic", [], words, workdir)]
    assert all(len(r) == 2 for r in rows)
    return [(r[0], r[1]) for r in rows]


def run_lucene_mapping(mapping_file: Path, lines: Sequence[str], workdir: Path) -> list[str]:
    """Every line through Lucene's MappingCharFilterFactory configured by ``mapping_file``."""
    return _run_java("LuceneMapping", [str(mapping_file)], lines, workdir)
