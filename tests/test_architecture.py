"""The shape of the package: no import cycle, no oversized module or function.

These tests read the source (files and ASTs); they import arnorm only in fresh
interpreters, so that a cycle cannot hide behind a module imported earlier.
"""

from __future__ import annotations

import ast
import functools
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "arnorm"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

#: Modules and functions over the limits today (issue 10).  The list can only
#: shrink: a new entry over a limit fails, and so does an entry listed here that
#: is back under it (delete it from this set when you split it).
KNOWN_DEBT: frozenset[str] = frozenset()


#: Error classes still defined outside arnorm/errors.py, in modules other helpers
#: own today (issue 10 moves them).  Shrink-only, like KNOWN_DEBT.
ERRORS_ELSEWHERE: frozenset[str] = frozenset()


#: Imports (inside functions, so import does not break) that still close a cycle
#: of the module graph, in modules other helpers own today.  Shrink-only.
KNOWN_CYCLE_EDGES: frozenset[tuple[str, str]] = frozenset()


@functools.cache
def _tree(path: Path) -> ast.Module:
    """The parsed source of ``path`` (cached: several tests walk every module)."""
    return ast.parse(path.read_text(encoding="utf-8"))


def _modules() -> list[str]:
    """Every module of the package, by dotted name, found on disk (no import)."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts[-1] != "__main__":
            names.append(".".join(parts))
    return names


def _functions(tree: ast.AST, prefix: str = "") -> list[tuple[str, int]]:
    """``(qualified name, lines)`` of every function and method in ``tree``."""
    out: list[tuple[str, int]] = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            name = prefix + node.name
            if not isinstance(node, ast.ClassDef):
                assert node.end_lineno is not None
                out.append((name, node.end_lineno - node.lineno + 1))
            out += _functions(node, name + ".")
        else:
            out += _functions(node, prefix)
    return out


def _oversized() -> set[str]:
    found: set[str] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).as_posix()
        if len(path.read_text(encoding="utf-8").splitlines()) > MAX_MODULE_LINES:
            found.add(rel)
        for name, lines in _functions(_tree(path)):
            if lines > MAX_FUNCTION_LINES:
                found.add(f"{rel}::{name}")
    return found


def test_no_new_oversized_module_or_function_and_the_debt_only_shrinks() -> None:
    found = _oversized()
    new = sorted(found - KNOWN_DEBT)
    assert not new, f"over {MAX_MODULE_LINES} lines per module / {MAX_FUNCTION_LINES} per function: {new}"
    paid = sorted(KNOWN_DEBT - found)
    assert not paid, f"no longer over the limit, remove from KNOWN_DEBT: {paid}"


def _exception_classes() -> set[str]:
    """``path::Class`` of every class whose name or base names end in Error/Exception."""
    found: set[str] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).as_posix()
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.ClassDef):
                bases = [ast.unparse(b) for b in node.bases]
                if any(n.endswith(("Error", "Exception")) for n in [node.name, *bases]):
                    found.add(f"{rel}::{node.name}")
    return found


def test_every_error_class_lives_in_errors_py() -> None:
    elsewhere = {c for c in _exception_classes() if not c.startswith("arnorm/errors.py::")}
    assert not sorted(elsewhere - ERRORS_ELSEWHERE), "define error classes in arnorm/errors.py"
    assert not sorted(ERRORS_ELSEWHERE - elsewhere), "moved to errors.py: remove from ERRORS_ELSEWHERE"
    assert "arnorm/errors.py::ConfigError" in _exception_classes()


def _module_files() -> dict[str, tuple[Path, bool]]:
    """``{dotted name: (path, is_package)}`` for every module of the package."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return out


def _import_targets(node: ast.ImportFrom, package: str, modules: dict[str, tuple[Path, bool]]) -> set[str]:
    """The arnorm modules an ``from ... import ...`` statement loads."""
    base = package
    for _ in range(node.level - 1):
        base = base.rpartition(".")[0]
    target = (f"{base}.{node.module}" if node.module else base) if node.level else (node.module or "")
    if target not in modules:
        return set()
    if not modules[target][1]:
        return {target}
    return {f"{target}.{a.name}" if f"{target}.{a.name}" in modules else target for a in node.names}


def _import_graph() -> dict[str, set[str]]:
    """Module -> the arnorm modules it imports anywhere (top level or inside functions)."""
    modules = _module_files()
    graph: dict[str, set[str]] = {}
    for name, (path, is_package) in modules.items():
        package = name if is_package else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Import):
                edges |= {a.name for a in node.names if a.name in modules}
            elif isinstance(node, ast.ImportFrom):
                edges |= _import_targets(node, package, modules)
        graph[name] = edges - {name}
    return graph


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a path ``[a, b, ..., a]``, or ``None`` if it is acyclic."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for root in sorted(graph):
        path: list[str] = []
        stack: list[tuple[str, list[str]]] = [(root, sorted(graph[root]))] if root not in state else []
        if stack:
            state[root], path = 1, [root]
        while stack:
            node, todo = stack[-1]
            if not todo:
                state[node] = 2
                stack.pop()
                path.pop()
                continue
            nxt = todo.pop()
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, sorted(graph.get(nxt, ()))))
    return None


def test_the_module_graph_has_no_cycle() -> None:
    """Counting imports inside functions too: a cycle hidden by a local import is still a cycle."""
    graph = _import_graph()
    assert "arnorm.stages" not in graph["arnorm.registry"]  # loaded by name, on first lookup
    assert not sorted(e for e in KNOWN_CYCLE_EDGES if e[1] not in graph.get(e[0], set())), (
        "this import is gone: remove it from KNOWN_CYCLE_EDGES"
    )
    for source, target in KNOWN_CYCLE_EDGES:
        graph[source].discard(target)
    assert _find_cycle(graph) is None, f"import cycle: {' -> '.join(_find_cycle(graph) or [])}"


_IMPORT_EVERY_ORDER = """
import importlib, json, sys
modules = json.loads(sys.argv[1])
failures = []
for first in modules:
    for name in [m for m in sys.modules if m == "arnorm" or m.startswith("arnorm.")]:
        del sys.modules[name]
    rest = [m for m in modules if m != first]
    for order in (rest, rest[::-1]):
        try:
            importlib.import_module(first)
            for name in order:
                importlib.import_module(name)
        except Exception as exc:
            failures.append(f"{first} first: {type(exc).__name__}: {exc}")
            break
print(json.dumps(failures))
"""


@pytest.mark.slow
def test_every_module_imports_first_in_a_fresh_interpreter() -> None:
    """Each module imported first (arnorm's module cache emptied before each), then
    the others in sorted and reversed order: an import cycle would break one of them."""
    modules = _modules()
    assert "arnorm.pipeline" in modules and "arnorm.stages.letters" in modules
    proc = subprocess.run(
        [sys.executable, "-c", _IMPORT_EVERY_ORDER, json.dumps(modules)],
        capture_output=True,
        text=True,
        cwd=PACKAGE.parent,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[-1]) == []


def test_every_test_marked_slow_from_conftest_exists() -> None:
    """conftest.SLOW_TESTS names tests of other files: a renamed test must be renamed there."""
    from conftest import SLOW_TESTS

    tests = Path(__file__).parent
    for filename, names in SLOW_TESTS.items():
        defined = {
            node.name
            for node in ast.walk(_tree(tests / filename))
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
        }
        assert not sorted({name.split("[")[0] for name in names} - defined), f"{filename}: no such tests"
