"""Shared test configuration: hypothesis profiles and paths to ../shared data."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
DATA = SHARED / "data"

# The default run is the quick loop, under two minutes on 2 cores: 25 examples per
# property, on a developer's machine ("dev") and in CI ("ci": no deadline and no
# too-slow check on a shared runner; a failure prints the blob that reproduces it).
# CI's second pass runs the `slow` tests; every CI run draws new examples, and
# HYPOTHESIS_PROFILE=thorough searches 5,000 per property.
settings.register_profile(
    "ci", deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile("dev", deadline=None, max_examples=25)
settings.register_profile("thorough", deadline=None, max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


#: Tests of other modules marked ``slow`` from here (file -> test function names, or
#: ``name[id]`` for one parametrization), so that those files need no edit.
#: ``tests/test_architecture.py`` checks that every name still names a test.  The
#: slowest: subprocesses (about a second each), process pools, signals, pandas/dask,
#: the docs site build, exhaustive loops over a corpus or a lexicon.  The default run
#: keeps one case of each parametrized process test; ``python -m pytest -m slow``
#: (CI's second pass) runs them all.
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
    "test_cli_reliability.py": frozenset(
        {
            "test_jobs_2_spools_outputs_equal_jobs_1_and_leave_nothing[file]",
            "test_dash_o_stdout_into_a_log_keeps_what_is_around_it[/dev/fd/1]",
            "test_dash_o_stdout_into_a_log_keeps_what_is_around_it[/proc/self/fd/1]",
            "test_dates_with_an_extreme_ref_reports_without_a_traceback",
            "test_dash_o_stderr_and_a_numbered_descriptor",
        }
    ),
    "test_docs.py": frozenset({"test_site_builds_strict"}),
    "test_fastmap.py": frozenset(
        # every code point through the fused map of each preset: search and ml by default
        f"test_every_code_point_through_each_fused_map[{name}]"
        for name in ("camel", "clean", "lucene", "lucene_stem", "social")
    ),
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
    "test_names.py": frozenset({"test_every_vocalization_spells_its_key"}),
    "test_presets.py": frozenset(
        f"test_camel_preset_reproduces_camel_tools[{name}]"
        for name in ("news_saudinewsnet.txt", "classical_tashkeela.txt", "quran_uthmani.txt")
    ),
    "test_reliability.py": frozenset(
        {
            # the CLI fuzz target; CI also runs it for two minutes on its own
            "test_fuzz_cli_byte_input_for_a_bounded_time",
            "test_file_size_limit_exit_74_no_partial_output[2]",
            "test_full_device_exit_74_with_one_line[stdout]",
            "test_output_pipe_closed_before_anything_is_read[2]",
            "test_sigint_mid_run_exit_130_and_no_complete_looking_output[None-2]",
            "test_sigint_mid_run_exit_130_and_no_complete_looking_output[old-1]",
            "test_sigint_mid_run_exit_130_and_no_complete_looking_output[old-2]",
            "test_sigterm_and_sighup_mid_run_remove_the_temporary_file[1-1]",
            "test_sigterm_and_sighup_mid_run_remove_the_temporary_file[2-15]",
        }
    ),
}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the tests named in :data:`SLOW_TESTS` ``slow`` (before ``-m`` selects)."""
    for item in items:
        names = SLOW_TESTS.get(item.path.name, frozenset())
        if item.name in names or getattr(item, "originalname", item.name) in names:
            item.add_marker(pytest.mark.slow)


def sampled(values: Sequence[Any], ids: Sequence[str], *, every: int, offset: int = 0) -> list[Any]:
    """``values`` as parameters: every ``every``-th one (from ``offset``) in the default run,
    the others marked ``slow``, so that CI's slow pass runs them all.  Tests over the same
    list take different offsets, so that together they sample every value by default."""
    return [
        pytest.param(value, id=ident, marks=() if n % every == offset % every else pytest.mark.slow)
        for n, (value, ident) in enumerate(zip(values, ids, strict=True))
    ]


def shared_file(*parts: str) -> Path:
    """A file of ../shared; the test is skipped (with the path named) if it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_file("corpus", "seed_article.txt").read_text(encoding="utf-8")
