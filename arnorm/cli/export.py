"""``arnorm export``: a pipeline as search-engine analysis settings (see :mod:`arnorm.export`)."""

from __future__ import annotations

from typing import Annotated

import typer

from .application import ConfigOpt, StagesOpt, app
from .base import build_pipeline, exit_statuses


@app.command("export")
def export_command(
    preset_name: Annotated[
        str | None, typer.Argument(help="The preset to export (default: search).", show_default=False)
    ] = None,
    stages: StagesOpt = None,
    config: ConfigOpt = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="elasticsearch, opensearch or lucene-mapping.")
    ] = "elasticsearch",
    name: Annotated[str, typer.Option("--name", help="The analyzer and char filter name.")] = "arnorm",
    skip_unsupported: Annotated[
        bool,
        typer.Option(
            "--skip-unsupported",
            help="Leave out the stages no engine can run (named on stderr) instead of failing.",
        ),
    ] = False,
) -> None:
    """Write the analysis settings that fold text as the pipeline does.

    Elasticsearch/OpenSearch: index settings JSON (a mapping char filter for the
    character maps, arabic_normalization/arabic_stem for the Lucene stages).
    lucene-mapping: a MappingCharFilterFactory file of the character maps.
    """
    from ..export import export, unsupported_stages

    with exit_statuses():
        pipe = build_pipeline(preset_name, stages, None, config)
        text = export(pipe, fmt, name=name, skip_unsupported=skip_unsupported)
        skipped = unsupported_stages(pipe) if skip_unsupported else ()
        if skipped:
            typer.echo(f"arnorm: left out (no engine equivalent): {', '.join(skipped)}", err=True)
        typer.echo(text, nl=False)
