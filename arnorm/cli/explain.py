"""``arnorm explain``: what each stage changes, rendered for a terminal or as JSON."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Annotated, Any

import typer

from ..errors import InputDataError
from ..pipeline import Change, Step
from .application import ConfigOpt, PresetOpt, SkipOpt, StagesOpt, app
from .base import build_pipeline, exit_statuses

_exit_statuses = exit_statuses


# -- explain ------------------------------------------------------------------------------
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"})


def _visible(text: str) -> str:
    """``text`` with invisible characters (controls, format characters, odd spaces) as <U+XXXX>."""
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        out.append(f"<U+{ord(ch):04X}>" if cat in _INVISIBLE or (cat == "Zs" and ch != " ") else ch)
    return "".join(out)


def _spans_after(changes: Sequence[Change]) -> list[tuple[int, int]]:
    """Where each change's new text sits in the stage's output."""
    spans, shift = [], 0
    for change in changes:
        start = change.start + shift
        spans.append((start, start + len(change.new)))
        shift += len(change.new) - (change.end - change.start)
    return spans


def _marked(text: str, spans: Sequence[tuple[int, int]], style: str | None) -> Any:
    """``text`` with ``spans`` marked: ``[...]`` (plain) or a rich Text with brackets in ``style``."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for start, end in spans:
        pieces.append((text[pos:start], False))
        pieces.append((text[start:end], True))
        pos = end
    pieces.append((text[pos:], False))
    if style is None:
        return "".join(f"[{_visible(p)}]" if hit else _visible(p) for p, hit in pieces)
    from rich.text import Text

    rich_text = Text()
    for piece, hit in pieces:
        rich_text.append(f"[{_visible(piece)}]" if hit else _visible(piece), style=style if hit else None)
    return rich_text


def _explain_lines(steps: Sequence[Step], show_all: bool, colour: bool) -> Iterator[Any]:
    for step in steps:
        if not step.changes:
            if show_all:
                yield f"{step.stage}: (no change)"
            continue
        before = _marked(
            step.before, [(c.start, c.end) for c in step.changes], "bold red" if colour else None
        )
        after = _marked(step.after, _spans_after(step.changes), "bold green" if colour else None)
        if colour:
            from rich.text import Text

            yield Text.assemble((f"{step.stage}: ", "bold"), before, " -> ", after)
        else:
            yield f"{step.stage}: {before} -> {after}"
        for change in step.changes:
            yield f"    {_visible(change.describe())}"


def _step_json(step: Step) -> dict[str, Any]:
    return {
        "stage": step.stage,
        "before": step.before,
        "after": step.after,
        "changes": [
            {"start": c.start, "end": c.end, "old": c.old, "new": c.new, "description": c.describe()}
            for c in step.changes
        ],
    }


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
    changed spans in [brackets], then one line per change.  Invisible
    characters are shown as <U+XXXX>.
    """
    with _exit_statuses():
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
        console = None
        if colour:
            from rich.console import Console

            console = Console(highlight=False, soft_wrap=True)
        for number, line in enumerate(lines, 1):
            steps = pipe.explain(line)
            result = steps[-1].after if steps else line
            if as_json:
                record = {"input": line, "output": result, "steps": [_step_json(s) for s in steps]}
                typer.echo(json.dumps(record, ensure_ascii=False))
                continue
            out: list[Any] = []
            if len(lines) > 1:
                out.append(f"line {number}:")
            out.append(f"input: {_visible(line)}")
            out.extend(_explain_lines(steps, show_all, colour))
            out.append(f"output: {_visible(result)}" if result != line else "output: (unchanged)")
            for item in out:
                if console is not None:
                    console.print(item)
                else:
                    typer.echo(item)


