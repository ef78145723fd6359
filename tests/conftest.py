"""Shared test configuration: hypothesis profiles and paths to ../shared data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
DATA = SHARED / "data"

settings.register_profile(
    "ci", deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
# The default run (no CI, no HYPOTHESIS_PROFILE) is the quick developer loop: 25
# examples per property; CI uses 200 and runs the `slow` tests too.
settings.register_profile("dev", deadline=None, max_examples=25)
settings.register_profile("thorough", deadline=None, max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


#: Tests of other modules marked ``slow`` from here (file -> test function names),
#: so that those files need no edit.  ``tests/test_architecture.py`` checks that
#: every name still names a test.  The slowest: subprocesses, process pools,
#: pandas/dask, the docs site build.  ``python -m pytest -m slow`` runs them.
SLOW_TESTS: dict[str, frozenset[str]] = {
    "test_cli.py": frozenset(
        {
            "test_process_interrupt_exits_130_and_removes_the_temporary_file",
            "test_process_jobs_output_is_identical",
            "test_process_pipe_and_console_script",
            "test_process_invalid_utf8_exit_65_and_unknown_flag_exit_2",
            "test_process_broken_pipe_exits_quietly",
            "test_process_jobs_reports_invalid_utf8_late_in_the_input",
        }
    ),
    "test_cli_commands.py": frozenset({"test_translit_round_trips_on_the_command_line"}),
    "test_docs.py": frozenset({"test_site_builds_strict"}),
    "test_integrations.py": frozenset(
        {
            "test_fingerprint_is_stable_across_processes_and_use",
            "test_dask_dataframe_column_matches_pandas",
            "test_batched_map_equals_calling_the_pipeline_per_value",
            "test_normalize_series_equals_series_map",
            "test_dask_bag_on_two_worker_processes_matches_one_process",
            "test_dataset_map_in_two_processes_equals_the_pipeline",
        }
    ),
}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the tests named in :data:`SLOW_TESTS` ``slow`` (before ``-m`` selects)."""
    for item in items:
        if getattr(item, "originalname", item.name) in SLOW_TESTS.get(item.path.name, frozenset()):
            item.add_marker(pytest.mark.slow)


def shared_file(*parts: str) -> Path:
    """A file of ../shared; the test is skipped (with the path named) if it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_file("corpus", "seed_article.txt").read_text(encoding="utf-8")
