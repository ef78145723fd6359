"""The ``arnorm`` command line: a Unix filter over :class:`arnorm.Pipeline`.

::

    arnorm < in.txt > out.txt                      # the search preset
    arnorm --preset clean -i a.txt -i b.txt -o out.txt
    arnorm --stages diacritics,alef,ya < in.txt
    arnorm --preset search --skip digits,punctuation < in.txt
    arnorm --jsonl --field text --field meta.title < corpus.jsonl
    arnorm --jobs 2 -i big.txt -o big.norm.txt
    arnorm explain "أخبارٌ ســورية"
    arnorm stages
    arnorm presets

The package only maps flags to a pipeline and to :func:`arnorm.io.run`, which
does the byte-level work.  One module per concern: :mod:`~arnorm.cli.base`
(exit statuses, errors, pipelines; no typer), :mod:`~arnorm.cli.filtering`
(inputs, output, jobs), :mod:`~arnorm.cli.application` (the typer app and shared
options), :mod:`~arnorm.cli.commands` and :mod:`~arnorm.cli.explain` (the
commands), :mod:`~arnorm.cli.entry` (the console script).  Errors are
reported as one line on standard error: ``arnorm: error: ...``.

A new command that filters text builds a :class:`~arnorm.Pipeline` from its
own flags, takes the shared I/O flags (``InputsOpt`` ... ``QuietOpt``) and
calls :func:`filter_text`.  The typer application is imported on first use
(``arnorm.cli.application``), so that ``arnorm`` with no arguments starts fast.
"""

from __future__ import annotations

from typing import Any

from .entry import main

__all__ = ["IOOptions", "app", "build_pipeline", "filter_text", "main"]


def __getattr__(name: str) -> Any:
    if name == "app":
        from . import commands, explain, export  # noqa: F401  (they register the commands)
        from .application import app

        return app
    if name == "build_pipeline":
        from .base import build_pipeline

        return build_pipeline
    if name in ("IOOptions", "filter_text"):
        from . import filtering

        return getattr(filtering, name)
    raise AttributeError(f"module 'arnorm.cli' has no attribute {name!r}")
