"""Generate the reference parts of the docs from the code: an mkdocs hook and a script.

Every table of code points in the documentation is computed here, at build
time, from the stages themselves (``arnorm.stage(name).mapping`` for
character maps, named with :func:`unicodedata.name`), so the docs cannot
drift from the code.  The same goes for the CLI reference (typer's own
Markdown generator over :mod:`arnorm.cli`) and the transliteration schemes
page (``arnorm.translit``, when that package is importable; otherwise the
page is left out of the site).

A page asks for generated content with one directive per line::

    <!-- arnorm:generate stages diacritics -->   every stage of a family
    <!-- arnorm:generate stage-index -->         one row per registered stage
    <!-- arnorm:generate presets -->             the presets and their stages
    <!-- arnorm:generate cli -->                 the CLI reference

An unknown directive, or a family without stages, fails the build.  Stages
registered under a family that has no page of its own get a generated page.

As a script, it prints what a directive expands to, to review it::

    python scripts/gen_docs_tables.py stages letters
    python scripts/gen_docs_tables.py cli
    python scripts/gen_docs_tables.py translit
"""

from __future__ import annotations

import html
import inspect
import re
import sys
import typing
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import arnorm
from arnorm import registry
from arnorm.spec import format_value
from arnorm.stage import CharMap, FunctionStage, RegexSub, Stage, UnicodeForm

#: Stage families with a hand-written page ``docs/stages/<family>.md``, in nav order.
FAMILY_PAGES = {
    "diacritics": "Diacritics",
    "letters": "Letters",
    "digits": "Digits",
    "punctuation": "Punctuation",
    "invisible": "Invisible characters and spaces",
    "presentation": "Presentation forms",
    "unicode": "Unicode normalization",
}

#: Tables longer than this are folded into a collapsible block.
FOLD_ROWS = 24

DIRECTIVE = re.compile(r"^<!-- arnorm:generate ([\w-]+)(?: ([\w-]+))? -->$", re.MULTILINE)

# Sample words for the transliteration page: vocalized, with the letters and
# marks the schemes treat differently (shadda, sun letters after al-, tanwin,
# hamza seats, teh marbuta, alef maksura, long vowels).
TRANSLIT_SAMPLES = ("كِتَابٌ", "الشَّمْسُ", "مُحَمَّد", "القُرْآن", "مَدْرَسَةٌ", "سُؤَال", "مُوسَى")
TRANSLIT_NAMES = ("محمد", "عبد الله", "خالد", "فاطمة", "يوسف")


# -- small helpers --------------------------------------------------------------------
def _cp(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _visible(ch: str) -> bool:
    return unicodedata.category(ch)[0] not in "CZ"


def _glyph(text: str) -> str:
    """``text`` as an HTML code span safe inside a Markdown table; marks on a dotted circle."""
    if len(text) == 1 and not _visible(text):
        return ""
    shown = "".join(
        ("\u25cc" + ch if unicodedata.category(ch) in ("Mn", "Me") and (i == 0 or text[i - 1] == " ") else ch)
        for i, ch in enumerate(text)
        if ch == " " or _visible(ch)
    )
    if not shown.strip():
        return ""
    escaped = html.escape(shown).replace("|", "&#124;").replace("\\", "&#92;").replace("`", "&#96;")
    return f"<code>{escaped}</code>"


def _name(ch: str) -> str:
    return unicodedata.name(ch, f"<unnamed {unicodedata.category(ch)}>")


def _replacement(value: str | None) -> str:
    if value is None:
        return "unchanged"
    if value == "":
        return "*deleted*"
    if len(value) == 1:
        return f"{_glyph(value)} {_cp(value)} {_name(value)}".strip()
    return f"{_glyph(value)} ({' '.join(_cp(c) for c in value)})".strip()


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], summary: str) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    if len(rows) <= FOLD_ROWS:
        return "\n".join(lines) + "\n"
    return f'??? info "{summary}"\n\n' + "\n".join("    " + line for line in lines) + "\n"


def map_table(mapping: typing.Mapping[str, str]) -> str:
    """Every key of a character map: code point, glyph, name and replacement."""
    rows = [[_cp(k), _glyph(k), _name(k), _replacement(mapping[k])] for k in sorted(mapping)]
    return _table(["code point", "", "name", "becomes"], rows, f"{len(rows)} code points")


def diff_table(before: typing.Mapping[str, str], after: typing.Mapping[str, str]) -> str:
    """The keys two character maps treat differently."""
    keys = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    rows = [[_cp(k), _glyph(k), _name(k), _replacement(before.get(k)), _replacement(after.get(k))] for k in keys]
    return _table(["code point", "", "name", "by default", "with this option"], rows, f"{len(rows)} code points")


def _choices(annotation: Any) -> str:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is tuple:
        return _choices(args[0] if args else str) + ", several joined with `+`"
    if origin is typing.Literal:
        return " ".join(f"`{a}`" for a in args)
    if annotation is bool:
        return "`true` `false`"
    return {int: "an integer", str: "text"}.get(annotation, str(annotation))


def _default(value: Any) -> str:
    return "none" if value == () else f"`{format_value(value)}`"


def _first_paragraph(obj: Any) -> str:
    doc = inspect.getdoc(obj) or ""
    return doc.split("\n\n")[0].replace("\n", " ")


# -- stages ------------------------------------------------------------------------------
def stages_of(family: str) -> list[str]:
    """The registered stages of ``family``, sorted."""
    return [n for n in arnorm.stage_names() if registry.stage_info(n).family == family]


def describe(stage: Stage, level: int, seen: list[Stage] | None = None) -> Iterator[str]:
    """Markdown for what ``stage`` does, exactly (recursing into pipelines).

    A character map equal to one in ``seen`` (already shown on the page) is
    referred to instead of shown again.
    """
    seen = [] if seen is None else seen
    if isinstance(stage, CharMap) and stage in seen:
        yield f"The same character map as `{stage.spec}` above.\n"
    elif isinstance(stage, CharMap):
        seen.append(stage)
        yield f"A character map: each character below is replaced, everything else is kept.\n\n{map_table(stage.mapping)}"
    elif isinstance(stage, RegexSub):
        yield (
            f"A regular-expression substitution (`{stage.engine}` engine): matches of\n\n"
            f"```\n{stage.pattern}\n```\n\nbecome {_replacement(stage.repl) if len(stage.repl) <= 1 else repr(stage.repl)}.\n"
        )
    elif isinstance(stage, UnicodeForm):
        yield f"Unicode {stage.form} of the whole text (`unicodedata.normalize`).\n"
    elif isinstance(stage, FunctionStage):
        func = stage.func
        options = ", ".join(f"{k}={v!r}" for k, v in stage.kwargs)
        call = f"{func.__module__}.{func.__qualname__}({'text' + (', ' + options if options else '')})"
        yield f"A function stage: `{call}`. {_first_paragraph(func)}\n"
    elif isinstance(stage, arnorm.Pipeline):
        yield "A pipeline of these stages, in order:\n"
        for i, part in enumerate(stage.stages, 1):
            yield f"{'#' * level} {i}. `{part.spec}`\n"
            yield from describe(part, level + 1, seen)
    else:  # a third-party kind of stage
        yield f"A `{type(stage).__name__}` stage.\n"


def variants(name: str) -> Iterator[tuple[dict[str, Any], Stage]]:
    """The option values worth showing, each with the stage it builds.

    Booleans: the non-default value.  ``Literal`` options: every other value.
    For the first ``tuple`` option, each value alone (for ``diacritics``,
    ``keep=<class>`` lists exactly the code points of that class).
    """
    options = registry.stage_info(name).options
    first_tuple = next((k for k, (a, _) in options.items() if typing.get_origin(a) is tuple), None)
    for option, (annotation, default) in options.items():
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        if annotation is bool:
            values: tuple[Any, ...] = (not default,)
        elif origin is typing.Literal:
            values = tuple(v for v in args if v != default)
        elif origin is tuple and option == first_tuple and typing.get_origin(args[0]) is typing.Literal:
            values = tuple((v,) for v in typing.get_args(args[0]))
        else:
            continue
        for value in values:
            yield {option: value}, arnorm.stage(name, {option: value})


def stage_section(name: str) -> str:
    """The section of a family page for one stage."""
    info = registry.stage_info(name)
    default = arnorm.stage(name)
    parts = [f"## `{name}`\n", f"{info.description}\n"]
    doc = _first_paragraph(info.factory)
    if doc and doc != info.description:
        parts.append(f"{doc}\n")
    if info.options:
        rows = [[f"`{o}`", _choices(a), _default(d)] for o, (a, d) in info.options.items()]
        parts.append(_table(["option", "values", "default"], rows, "options"))
    parts.append(f"### What `{default.spec}` does\n")
    seen: list[Stage] = []
    parts.extend(describe(default, 4, seen))
    for options, stage in variants(name):
        parts.append(f"### With `{stage.spec}`\n")
        if isinstance(stage, CharMap) and isinstance(default, CharMap):
            if stage.mapping == default.mapping:
                parts.append("Same map as the default.\n")
            else:
                parts.append("Only these code points are treated differently:\n\n" + diff_table(default.mapping, stage.mapping))
        else:
            parts.extend(describe(stage, 4, seen))
    return "\n".join(parts)


def family_markdown(family: str) -> str:
    """Every stage of ``family``, with the exact code points each touches."""
    names = stages_of(family)
    if not names:
        raise ValueError(f"no registered stage has family {family!r}")
    return "\n".join(stage_section(n) for n in names)


def stage_index() -> str:
    """One row per registered stage: family page, description, options."""
    rows = []
    for name in arnorm.stage_names():
        info = registry.stage_info(name)
        link = f"[`{name}`]({info.family}.md#{name})"
        options = ", ".join(f"`{o}`" for o in info.options) or ""
        rows.append([link, info.family, info.description.replace("|", "&#124;"), options])
    lines = ["| stage | family | what it does | options |", "|---|---|---|---|"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows]) + "\n"


def presets_markdown() -> str:
    """The presets: name, what for, stages (linked)."""
    lines = ["| preset | for | stages |", "|---|---|---|"]
    for name in arnorm.PRESETS:
        stages = ", ".join(f"`{s.spec}`" for s in arnorm.preset(name).stages)
        lines.append(f"| `{name}` | {arnorm.PRESET_DESCRIPTIONS.get(name, '')} | {stages} |")
    return "\n".join(lines) + "\n"


# -- CLI and transliteration (optional parts of the code base) ---------------------------
def cli_markdown() -> str | None:
    """The CLI reference from typer's Markdown generator, or None without ``arnorm.cli``."""
    try:
        import typer
        from typer.cli import get_docs_for_click

        from arnorm.cli import app
    except ImportError:
        return None
    command = typer.main.get_command(app)
    text = get_docs_for_click(obj=command, ctx=typer.Context(command), name="arnorm")
    # typer writes "# `arnorm`" first; the page has its own title.
    return re.sub(r"\A# .*\n", "", text).strip() + "\n"


def translit_api() -> tuple[typing.Mapping[str, str], Callable[..., str]] | None:
    """``(SCHEMES, transliterate)`` if the transliteration package is importable."""
    for module in ("arnorm", "arnorm.translit"):
        try:
            mod = __import__(module, fromlist=["SCHEMES"])
            return mod.SCHEMES, mod.transliterate
        except (ImportError, AttributeError):
            continue
    return None


def translit_markdown() -> str | None:
    """The transliteration schemes side by side, computed by the code; None if absent."""
    api = translit_api()
    if api is None:
        return None
    schemes, transliterate = api
    words = [s for s in schemes if s != "english"]
    out = [
        "# Transliteration schemes\n",
        (
            "Every scheme `arnorm.translit.transliterate(text, scheme=...)` takes, on the same words. "
            "This page is computed from the code when the documentation is built.\n"
        ),
        "| scheme | what it is |",
        "|---|---|",
    ]
    out += [f"| `{s}` | {d.replace('|', '&#124;')} |" for s, d in schemes.items()]
    out.append("\n## Words\n")
    out.append("| scheme | " + " | ".join(_glyph(w) for w in TRANSLIT_SAMPLES) + " |")
    out.append("|---|" + "---|" * len(TRANSLIT_SAMPLES))
    for scheme in words:
        cells = [html.escape(transliterate(w, scheme=scheme)).replace("|", "&#124;") for w in TRANSLIT_SAMPLES]
        out.append(f"| `{scheme}` | " + " | ".join(f"<code>{c}</code>" for c in cells) + " |")
    if "english" in schemes:
        out.append("\n## Personal names\n")
        out.append("`english` is meant for names: it gives the popular English spelling.\n")
        out.append("| name | `english` |")
        out.append("|---|---|")
        for name in TRANSLIT_NAMES:
            out.append(f"| {_glyph(name)} | <code>{html.escape(transliterate(name, scheme='english'))}</code> |")
    lossless = [s for s in words if _is_lossless(s)]
    if lossless:
        letters = [chr(c) for c in range(0x0621, 0x0653) if unicodedata.category(chr(c)) in ("Lo", "Mn")]
        out.append("\n## Letter by letter (lossless schemes)\n")
        rows = [
            [_cp(ch), _glyph(ch), _name(ch)]
            + [f"<code>{html.escape(transliterate(ch, scheme=s)).replace('|', '&#124;')}</code>" for s in lossless]
            for ch in letters
        ]
        out.append(_table(["code point", "", "name"] + [f"`{s}`" for s in lossless], rows, f"{len(rows)} characters"))
    return "\n".join(out) + "\n"


def _is_lossless(scheme: str) -> bool:
    try:
        from arnorm.translit import LOSSLESS_SCHEMES
    except ImportError:
        return False
    return scheme in LOSSLESS_SCHEMES


# -- directives and the mkdocs hook --------------------------------------------------
GENERATORS: dict[str, Callable[..., str | None]] = {
    "stages": family_markdown,
    "stage-index": stage_index,
    "presets": presets_markdown,
    "cli": cli_markdown,
    "translit": translit_markdown,
}


def expand(markdown: str, where: str = "<page>") -> str:
    """Replace every ``<!-- arnorm:generate ... -->`` line of ``markdown``."""

    def replace(match: re.Match[str]) -> str:
        kind, arg = match.group(1), match.group(2)
        if kind not in GENERATORS:
            raise ValueError(f"{where}: unknown directive {kind!r}; valid: {', '.join(GENERATORS)}")
        text = GENERATORS[kind](arg) if arg else GENERATORS[kind]()
        if text is None:
            raise ValueError(f"{where}: {kind!r} cannot be generated (its module is not importable)")
        return text

    return DIRECTIVE.sub(replace, markdown)


def extra_families() -> list[str]:
    """Families with registered stages but no hand-written page."""
    return sorted({registry.stage_info(n).family for n in arnorm.stage_names()} - set(FAMILY_PAGES))


def _generated_pages() -> dict[str, str]:
    translit = translit_markdown()  # first: importing arnorm.translit may register stages
    pages = {
        f"stages/{family}.md": f"# Stages: {family}\n\n<!-- arnorm:generate stages {family} -->\n"
        for family in extra_families()
    }
    if translit is not None:
        pages["translit.md"] = translit
    return pages


def on_config(config: Any) -> Any:
    """mkdocs hook: add generated pages to the nav (under Stages / after it)."""
    pages = _generated_pages()
    nav = config.get("nav") or []
    for entry in nav:
        if isinstance(entry, dict) and "Stages" in entry:
            entry["Stages"].extend({f: p} for p in pages if p.startswith("stages/") for f in [p[7:-3]])
    if "translit.md" in pages:
        at = next((i for i, e in enumerate(nav) if isinstance(e, dict) and "Stages" in e), len(nav) - 1)
        nav.insert(at + 1, {"Transliteration": "translit.md"})
    return config


def on_files(files: Any, config: Any) -> Any:
    """mkdocs hook: add the generated pages."""
    from mkdocs.structure.files import File

    for path, content in _generated_pages().items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """mkdocs hook: expand the directives of a page."""
    return expand(markdown, page.file.src_uri)


_SPHINX_ROLE = re.compile(r":(?:class|func|meth|mod|data|attr|exc|obj):(<code>)~?")


def on_page_content(html_text: str, page: Any, config: Any, files: Any) -> str:
    """mkdocs hook: the docstrings use Sphinx roles (``:class:`Pipeline```); keep just the code."""
    return _SPHINX_ROLE.sub(r"\1", html_text)


def main(argv: Sequence[str] | None = None) -> int:
    """Print what one directive expands to: ``stages FAMILY``, ``cli``, ``translit`` ..."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in GENERATORS:
        print(f"usage: gen_docs_tables.py {{{'|'.join(GENERATORS)}}} [FAMILY]", file=sys.stderr)
        return 2
    text = GENERATORS[args[0]](*args[1:2])
    if text is None:
        print(f"{args[0]}: not available (module not importable)", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
