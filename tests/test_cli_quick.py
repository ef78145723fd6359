"""The command line's start-up: the default command's flags without typer, and what a short run loads.

:func:`arnorm.cli.quick.parse` must mean what typer means for every argument list
it accepts (else it hands them to typer); the common filters must take it, and
a short input must load neither NumPy nor typer nor the machinery of stages it
does not use.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st

from arnorm import registry
from arnorm.cli import app
from arnorm.cli.quick import parse

ROOT = Path(__file__).resolve().parents[1]
NORMALIZE = typer.main.get_command(app).get_command(None, "normalize")  # type: ignore[attr-defined]


def typer_params(args: list[str]) -> dict[str, Any] | None:
    """What typer's ``normalize`` makes of ``args`` (after ``arnorm``), or None if it refuses them."""
    rest = args[1:] if args[:1] == ["normalize"] else args
    try:
        ctx = NORMALIZE.make_context("normalize", list(rest))
    except Exception:  # noqa: BLE001  (click's usage errors, whatever their class)
        return None
    params = dict(ctx.params)
    for key in ("inputs", "fields"):
        params[key] = tuple(params[key] or ())
    return params


COMMON = [
    [],
    ["normalize"],
    ["-p", "clean"],
    ["--preset", "ml", "-q"],
    ["--preset=social", "-i", "in.txt", "-o", "out.txt"],
    ["-i", "a.txt", "-i", "-", "-o", "-", "--jobs", "2"],
    ["-j", "0", "--errors", "preserve"],
    ["--stages", "diacritics(keep=shadda),alef", "--skip", "alef"],
    ["-s", "digits"],
    ["-c", "pipe.toml"],
    ["--jsonl", "-f", "text", "--field", "meta.title"],
    ["normalize", "-p", "search", "--quiet", "--quiet"],
]


@pytest.mark.parametrize("args", COMMON, ids=" ".join)
def test_the_common_filters_skip_typer_and_mean_the_same(args: list[str]) -> None:
    assert parse(args) == typer_params(args)


TYPER_ONLY = [
    ["--help"],
    ["-h"],
    ["--version"],
    ["stages"],
    ["presets", "--show", "search"],
    ["translit"],
    ["-p"],
    ["-p", "clean", "-p", "ml"],
    ["-pclean"],
    ["-qp", "clean"],
    ["--jobs", "two"],
    ["--jobs", "-1"],
    ["--jobs", "\u0662"],
    ["--errors", "ignore"],
    ["--stages", "-x"],
    ["-o", ""],
    ["--quiet=yes"],
    ["--pre", "clean"],
    ["--", "-p"],
    ["extra"],
]


@pytest.mark.parametrize("args", TYPER_ONLY, ids=" ".join)
def test_anything_else_goes_to_typer(args: list[str]) -> None:
    assert parse(args) is None


TOKENS = st.sampled_from(
    [
        "normalize", "-p", "--preset", "--preset=clean", "-s", "--stages", "--skip", "-c", "--config",
        "-i", "--input", "--input=x", "-o", "--output", "-f", "--field", "--jsonl", "-q", "--quiet",
        "-j", "--jobs", "--jobs=3", "--errors", "--errors=replace", "-h", "--help", "--", "-",
        "clean", "search", "x.txt", "", "2", "0", "-1", "strict", "preserve", "a,b", "-x", "=", "--x=",
    ]
)  # fmt: skip


@given(st.lists(TOKENS, max_size=8))
def test_whatever_parse_accepts_typer_reads_the_same_way(args: list[str]) -> None:
    mine = parse(args)
    if mine is not None:
        assert mine == typer_params(args)


# -- what a run loads -------------------------------------------------------------------------

LOADED = r"""
import atexit, json, os, sys
atexit.register(lambda: os.write(2, ("\nLOADED " + json.dumps(sorted(sys.modules)) + "\n").encode()))
sys.argv = ["arnorm", *sys.argv[1:]]
from arnorm.cli.entry import main
main()
"""


@functools.cache
def _interpreter_modules() -> frozenset[str]:
    """What ``python -c pass`` loads here (site hooks of this environment included)."""
    code = "import json, sys; print(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, text=True)
    return frozenset(json.loads(proc.stdout)) - {"json", "json.decoder", "json.scanner", "json.encoder"}


def loaded_by(args: list[str], tmp_path: Path) -> set[str]:
    """The modules a run of ``arnorm ARGS`` on one short line loads (beyond the interpreter's)."""
    (tmp_path / "in.txt").write_text("قَالَ ســورية ٢٦\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", LOADED, *args],
        input="قال\n".encode(),
        capture_output=True,
        check=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return set(json.loads(proc.stderr.decode().rpartition("LOADED ")[2])) - _interpreter_modules()


HEAVY = ("numpy", "typer", "click", "rich", "regex", "hijridate", "importlib.resources", "concurrent.futures")
UNUSED = ("arnorm.dates", "arnorm.translit", "arnorm.offsets", "arnorm.numbers", "arnorm.io.jsonl", "arnorm.config")


@pytest.mark.parametrize(
    "args", [[], ["-p", "search", "-q"], ["-p", "clean", "-i", "in.txt", "-o", "out.txt"]], ids=" ".join
)
def test_a_short_run_loads_nothing_it_does_not_use(args: list[str], tmp_path: Path) -> None:
    loaded = loaded_by(args, tmp_path)
    assert "arnorm.cli.entry" in loaded
    assert not sorted(m for m in loaded if m.startswith(HEAVY + UNUSED))


def test_a_pipeline_imports_only_the_modules_of_its_stages(tmp_path: Path) -> None:
    loaded = loaded_by([], tmp_path)
    stages = {m.rpartition(".")[2] for m in loaded if m.startswith("arnorm.stages.") and ".stages._" not in m}
    from arnorm.presets import PRESETS

    names = [item.split("(")[0] for item in PRESETS["search"].split(",")]
    assert stages == {registry.BUILTIN[name] for name in names}


def test_the_lazy_registry_knows_the_module_of_every_built_in_stage() -> None:
    """``registry.BUILTIN`` names, for every built-in stage, the module that registers it."""
    names = registry.stage_names()  # imports every module of arnorm.stages
    builtin = {n: registry.stage_info(n).factory.__module__ for n in names if n in registry.BUILTIN}
    assert builtin == {n: f"arnorm.stages.{m}" for n, m in registry.BUILTIN.items()}
    modules = {registry.stage_info(n).factory.__module__ for n in names}
    assert {m for m in modules if m.startswith("arnorm.stages.")} == {
        f"arnorm.stages.{m}" for m in registry.BUILTIN.values()
    }
