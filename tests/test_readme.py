"""README.md stays true: its commands, stage table and preset table."""

from __future__ import annotations

import re
from pathlib import Path

import arnorm

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, flags=re.DOTALL)
    test_command = next(b for b in blocks if "pytest" in b)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command.strip() in ci.splitlines()


def test_every_stage_and_preset_is_in_the_readme() -> None:
    for name in arnorm.stage_names():
        if name.startswith("test_"):
            continue  # registered by other tests
        assert f"`{name}`" in README, name
    for name in arnorm.PRESETS:
        assert f"| `{name}` |" in README, name


def test_readme_python_example_is_true() -> None:
    assert arnorm.normalize("أخبارٌ ســورية ٢٦ مايو ٢٠١٩") == "اخبار سوريه 26 مايو 2019"
    pipe = arnorm.Pipeline(["diacritics(keep=shadda)", "tatweel", "alef"])
    assert pipe("إِنَّ الـعـربـيّة") == "انّ العربيّة"
    assert pipe.spec == "diacritics(keep=shadda),tatweel,alef"
