"""``arnorm explain``: what each stage changes, rendered by :mod:`arnorm.explain_render`."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from ..errors import InputDataError
from ..pipeline import Pipeline
from .application import ConfigOpt, PresetOpt, SkipOpt, StagesOpt, app
from .base import build_pipeline, exit_statuses


@app.command()
def explain(
    text: Annotated[
        str | None,
        typer.Argument(help="Text to explain; default: each line of stdin.", show_default=False),
    ] = None,
    preset_name: PresetOpt = None,
    stages: StagesOpt = None,
    skip: SkipOpt = None,
    config: ConfigOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line of input.")] = False,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also list the stages that changed nothing.")
    ] = False,
) -> None:
    """Show what each stage of the pipeline changes, naming the code points.

    For every stage that changed the text: 'stage: before -> after' with the
    changed spans in \\[brackets], then one line per change naming its code
    points and its span of the original text.  Invisible characters are shown
    as <U+XXXX>.  With --json, each change also carries its offsets in the
    stage's input and output and in the original text.
    """
    with exit_statuses():
        pipe = build_pipeline(preset_name, stages, skip, config)
        if text is None:
            data = typer.get_binary_stream("stdin").read()
            try:
                raw = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                number = data.count(b"\n", 0, exc.start) + 1
                raise InputDataError("<stdin>", number, exc.start, f"invalid UTF-8 ({exc.reason})") from None
            lines = raw.split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            lines = [line.removesuffix("\r") for line in lines]
        else:
            lines = [text]
        colour = not as_json and sys.stdout.isatty()
        _print_explanations(pipe, lines, as_json, show_all, colour)


def _print_explanations(pipe: Pipeline, lines: Sequence[str], as_json: bool, show_all: bool, colour: bool) -> None:
    """Explain each line and print it: one JSON object per line, or the text form."""
    from ..explain_render import render_lines

    console = None
    if colour:
        from rich.console import Console

        console = Console(highlight=False, soft_wrap=True)
    for number, line in enumerate(lines, 1):
        explanation = pipe.explain(line)
        if as_json:
            typer.echo(json.dumps(explanation.to_dict(), ensure_ascii=False))
            continue
        if len(lines) > 1:
            typer.echo(f"line {number}:")
        for item in render_lines(explanation, show_all, colour):
            if console is not None:
                console.print(item)
            else:
                typer.echo(item)
