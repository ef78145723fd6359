"""Fuzz target for the command line's byte-level input path (:mod:`arnorm.io`).

Each input is a configuration index (two bytes for atheris: an errors policy, a pipeline, a read
size and a long-line bound: :data:`CONFIGS`) and the bytes of a file.  The
bytes go through :func:`arnorm.io.run`, the function the ``arnorm`` command
calls, and the result is checked against an oracle built from Python's own
UTF-8 codec.  The pipelines cover ``normalize`` (presets and stage lists),
``translit`` (Buckwalter and ALA-LC), ``dates --rewrite``, the ``dates``
listing (one JSON array per line, ``[]`` for an empty line) and ``--jsonl -f
text`` (the bytes become the values of duplicate ``text`` keys around numbers
such as ``1e400``: only those values may change, every other byte is kept):

* ``strict``: valid UTF-8 gives the pipeline applied line by line (a leading
  BOM kept); invalid UTF-8 raises :class:`~arnorm.io.InputDataError` whose
  line and byte offset point at the first invalid byte (as
  ``bytes.decode`` finds it), after writing the output of the lines before it;
* ``replace``: ``bytes.decode("utf-8", "replace")``, then the pipeline;
* ``preserve``: ``surrogateescape`` in and out; with ``--stages tatweel``
  the output is the input minus the bytes ``D9 80`` of U+0640, byte for byte.

Run it as a script for a bounded time::

    FUZZ_SECONDS=60 python tests/fuzz_cli.py              # atheris if installed, else hypothesis
    python tests/fuzz_cli.py --seconds 600 --engine hypothesis

With atheris (libFuzzer, coverage-guided over arnorm's modules), a crashing
input is saved as ``crash-*`` in ``--artifacts`` (default: the current
directory) and the script exits non-zero; replay it with
``python tests/fuzz_cli.py --replay FILE``.  The hypothesis engine generates
inputs from fragments that break decoders (random bytes, truncated and
overlong sequences, encoded surrogates, code points above U+10FFFF, NULs,
lone CRs, BOMs, stray continuation bytes) and prints a shrunk failing input.
``tests/test_reliability.py`` runs the hypothesis engine for
``FUZZ_SECONDS`` seconds (default 3) inside pytest.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from arnorm import Pipeline
    from arnorm.errors import InputDataError

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Config:
    """One way to run the input: the flags and the chunking."""

    errors: str
    spec: str  # a --stages spec, or "preset:NAME"
    chunk_bytes: int
    max_line: int | None  # None: never cut a long line (the real bound is 8 MiB)
    ranges: bool = False  # read from a regular file in byte ranges, as --jobs does
    mode: str = "text"  # "text": the filter; "dates": `arnorm dates` (JSON per line); "jsonl": --jsonl -f text


_PIPES = [
    "",
    "tatweel",
    "diacritics,alef,ya",
    "preset:search",
    "preset:clean",
    "whitespace,invisible",
    "translit",
    "translit(scheme=ala-lc)",
    "dates",
]
#: Every combination the fuzzer chooses from with its first byte.  Long lines are cut
#: (small ``max_line``) for every pipeline: the cuts respect what each stage reads
#: (its context), so the output must still be the pipeline's on each whole line.
#: (``translit(scheme=english)`` waits for the names model's bounded memory.)
CONFIGS = [
    Config(errors, spec, chunk, max_line, ranges, mode)
    for errors in ("strict", "replace", "preserve")
    for spec, mode in [(spec, "text") for spec in _PIPES] + [("dates_json", "dates"), ("preset:search", "jsonl")]
    for chunk, max_line in ((1, None), (7, None), (1 << 16, None), (3, 8), (16, 40))
    for ranges in (False, True)
]

_pipes: dict[str, Pipeline] = {}


def _pipeline(spec: str) -> Pipeline:
    from arnorm import Pipeline, preset

    if spec == "dates_json" and spec not in _pipes:
        from arnorm.cli.commands import date_matches_per_line
        from arnorm.stage import FunctionStage

        _pipes[spec] = Pipeline([FunctionStage(name="dates_json", func=date_matches_per_line)])
    if spec not in _pipes:
        _pipes[spec] = (
            preset(spec[len("preset:") :]) if spec.startswith("preset:") else Pipeline.from_spec(spec)
        )
    return _pipes[spec]


@contextlib.contextmanager
def _chunking(config: Config) -> Iterator[None]:
    from arnorm.io import chunks as _chunks

    saved = _chunks.CHUNK_BYTES, _chunks.MAX_LINE_BYTES, _chunks.CUT_WINDOW
    limit = config.max_line if config.max_line is not None else 1 << 30
    _chunks.CHUNK_BYTES, _chunks.MAX_LINE_BYTES, _chunks.CUT_WINDOW = config.chunk_bytes, limit, limit
    try:
        yield
    finally:
        _chunks.CHUNK_BYTES, _chunks.MAX_LINE_BYTES, _chunks.CUT_WINDOW = saved


class _DatesOracle:
    """Stands for the ``dates`` listing in the oracles: :func:`_by_lines` defers to :func:`_dates_by_lines`."""

    def __init__(self, pipe: Pipeline) -> None:
        self.pipe = pipe

    def __call__(self, text: str) -> str:
        return self.pipe(text)


def _by_lines(pipe: Pipeline, text: str) -> str:
    """The pipeline applied to each line body, ``\\n`` and ``\\r\\n`` endings kept."""
    if isinstance(pipe, _DatesOracle):
        return _dates_by_lines(text)
    out = []
    for line in text.split("\n"):
        cr = line.endswith("\r")
        body = line[:-1] if cr else line
        out.append(pipe(body) + ("\r" if cr else ""))
    return "\n".join(out)


def _dates_by_lines(text: str) -> str:
    """What ``arnorm dates`` prints for ``text``: one JSON array per line (``[]`` for an empty
    line), ``\r\n`` endings kept; nothing for the empty remainder after a final newline."""
    from arnorm.dates import dates_to_jsonl

    lines = text.split("\n")
    out = []
    for line in lines[:-1]:
        cr = line.endswith("\r")
        out.append(dates_to_jsonl(line[:-1] if cr else line) + ("\r" if cr else ""))
    out.append(dates_to_jsonl(lines[-1]) if lines[-1] else "")
    return "\n".join(out)


def _jsonl_document(data: bytes, errors: str) -> tuple[bytes, list[tuple[str, str]]]:
    """``data`` as JSON Lines: each line's text (decoded with ``surrogateescape``) becomes the
    value of two ``text`` keys around other members; returns the document and, per line,
    the JSON string as written and its text."""
    lines, values = [], []
    for raw in data.split(b"\n"):
        value = raw.decode("utf-8", "surrogateescape")
        written = json.dumps(value, ensure_ascii=False)
        values.append((written, value))
        lines.append(f'{{"text": {written}, "n": 1e400, "f": 1e5,"text":{written} }}')
    return "\n".join(lines).encode("utf-8", "surrogateescape"), values


def _dumped(value: str, errors: str) -> str:
    """A new value as ``--jsonl`` writes it: raw bytes kept under preserve, other surrogates escaped."""
    out = json.dumps(value, ensure_ascii=False)
    return "".join(
        c if not 0xD800 <= ord(c) <= 0xDFFF or (errors == "preserve" and 0xDC80 <= ord(c) <= 0xDCFF)
        else f"\\u{ord(c):04x}"
        for c in out
    )


def _check_jsonl(data: bytes, config: Config, pipe: Pipeline) -> None:
    """``--jsonl -f text``: each value replaced by the pipeline's output, every other byte kept."""
    from arnorm import io as _io

    document, values = _jsonl_document(data, config.errors)
    sink = io.BytesIO()
    try:
        source = _io.Source("<fuzz>", stream=io.BytesIO(document))
        _io.run(pipe, [source], sink, errors=config.errors, fields=["text"])  # type: ignore[arg-type]
    except _io.InputDataError as exc:
        assert config.errors == "strict", exc
        try:
            document.decode("utf-8")
        except UnicodeDecodeError as bad:
            assert (exc.line, exc.offset) == (1 + document.count(b"\n", 0, bad.start), bad.start), exc
            return
        raise
    if config.errors == "strict":
        document.decode("utf-8")  # accepted: it must have been valid
    text = document.decode("utf-8", "replace" if config.errors == "replace" else "surrogateescape")
    expected = []
    for line, (written, value) in zip(text.split("\n"), values):
        if config.errors == "replace":
            value = json.loads(line)["text"]
            written = json.dumps(value, ensure_ascii=False)
        new = pipe(value)
        expected.append(line if new == value else line.replace(written, _dumped(new, config.errors)))
    assert sink.getvalue() == "\n".join(expected).encode("utf-8", "surrogateescape")


def check(data: bytes, config_index: int) -> None:
    """Run ``data`` through :func:`arnorm.io.run` with ``CONFIGS[config_index]``; assert the oracle."""
    from arnorm import io as _io

    config = CONFIGS[config_index % len(CONFIGS)]
    pipe = _pipeline(config.spec)
    if config.mode == "jsonl":
        with _chunking(config):
            _check_jsonl(data, config, pipe)
        return

    sink = io.BytesIO()
    error: _io.InputDataError | None = None
    with _chunking(config), tempfile.TemporaryDirectory() as tmp:
        if config.ranges:  # the --jobs reading path, run in this process
            path = Path(tmp) / "input"
            path.write_bytes(data)
            source = _io.Source("<fuzz>", path=path)
        else:
            source = _io.Source("<fuzz>", stream=io.BytesIO(data))
        try:
            _io.run(pipe, [source], sink, errors=config.errors, ranges=config.ranges)  # type: ignore[arg-type]
        except _io.InputDataError as exc:
            error = exc
    if config.mode == "dates":
        pipe = _DatesOracle(pipe)  # type: ignore[assignment]
    out = sink.getvalue()
    head = _io.BOM if data.startswith(_io.BOM) else b""
    body = data[len(head) :]
    if config.errors == "replace":
        assert error is None, error
        assert out == head + _by_lines(pipe, body.decode("utf-8", "replace")).encode("utf-8")
    elif config.errors == "preserve":
        assert error is None, error
        text = body.decode("utf-8", "surrogateescape")
        assert out == head + _by_lines(pipe, text).encode("utf-8", "surrogateescape")
        if config.spec == "tatweel":
            assert out == data.replace("\u0640".encode(), b"")
        if config.spec == "":
            assert out == data
    else:
        _check_strict(data, head, body, out, error, config, pipe)


def _check_strict(
    data: bytes,
    head: bytes,
    body: bytes,
    out: bytes,
    error: InputDataError | None,
    config: Config,
    pipe: Pipeline,
) -> None:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        assert error is None, f"valid UTF-8 rejected: {error}"
        assert out == head + _by_lines(pipe, text).encode("utf-8")
        return
    assert error is not None, "invalid UTF-8 accepted in strict mode"
    line = 1 + body.count(b"\n", 0, first_bad)
    offset = len(head) + first_bad
    assert (error.line, error.offset) == (line, offset), (str(error), line, offset)
    assert f"<fuzz>: line {line}, byte offset {offset}: invalid UTF-8 (" in str(error)
    # The lines before the offending one are written, normalized; more only if
    # that line was long enough to be cut into pieces.
    start = body.rfind(b"\n", 0, first_bad) + 1
    before = head + _by_lines(pipe, body[:start].decode("utf-8")).encode("utf-8")
    longest = max((len(piece) for piece in body.split(b"\n")), default=0)
    if config.max_line is None or longest <= config.max_line:
        assert out == before
    else:
        assert out.startswith(before)


def fuzz_one_input(data: bytes) -> None:
    """The atheris entry point: the first two bytes choose the configuration (more than 256)."""
    if len(data) >= 2:
        check(data[2:], int.from_bytes(data[:2], "little"))


# -- generators of nasty bytes (the hypothesis engine) ----------------------------------------


def _strategies() -> SearchStrategy[bytes]:
    from hypothesis import strategies as st

    from arnorm.strategies import NASTY, arabic_text

    def overlong(cp: int, size: int) -> bytes:
        """``cp`` encoded in ``size`` bytes (2-4), more than UTF-8 allows for small code points."""
        lead = {2: 0xC0, 3: 0xE0, 4: 0xF0}[size]
        out = []
        for _ in range(size - 1):
            out.append(0x80 | (cp & 0x3F))
            cp >>= 6
        return bytes([lead | cp, *reversed(out)])

    chars = st.one_of(st.sampled_from(NASTY), st.characters(codec="utf-8"))
    valid = st.one_of(
        arabic_text(max_tokens=6).map(lambda s: s.encode("utf-8")),
        st.lists(chars, max_size=6).map(lambda s: "".join(s).encode("utf-8")),
    )
    truncated = (
        st.tuples(chars, st.integers(1, 3))
        .map(lambda t: t[0].encode("utf-8")[: t[1]])
        .filter(lambda b: len(b) > 0)
    )
    fragments = st.one_of(
        valid,
        valid,
        st.binary(max_size=12),
        truncated,
        st.tuples(st.integers(0, 0x7FF), st.integers(2, 4)).map(lambda t: overlong(t[0], t[1])),
        st.integers(0xD800, 0xDFFF).map(
            lambda cp: bytes([0xED, 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F)])
        ),
        st.integers(0x110000, 0x1FFFFF).map(lambda cp: overlong(cp, 4)),  # above U+10FFFF
        st.sampled_from(
            [
                b"\x00",
                b"\x00" * 5,
                b"\r",
                b"\r\n",
                b"\n",
                b"\xef\xbb\xbf",
                b"\xef\xbb",
                b"\x80",
                b"\xbf",
                b"\xc0",
                b"\xc1",
                b"\xf5",
                b"\xfe",
                b"\xff",
                b" ",
            ]
        ),
    )
    return st.lists(fragments, max_size=30).map(b"".join)


def fuzz_with_hypothesis(seconds: float, report: bool = False) -> int:
    """Check generated inputs for ``seconds`` seconds (at least one batch); the number checked."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    count = 0

    @settings(max_examples=100, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(data=_strategies(), config=st.integers(0, len(CONFIGS) - 1))
    def batch(data: bytes, config: int) -> None:
        nonlocal count
        count += 1
        check(data, config)

    deadline = time.monotonic() + seconds
    while True:
        batch()
        if report and count % 2000 < 100:
            print(f"hypothesis: {count} inputs checked", file=sys.stderr)
        if time.monotonic() >= deadline:
            return count


SEEDS = [
    b"",
    b"\x00\x00\n\x00",
    b"\xc0\xaf\n",
    b"\xe0\x80\xaf",
    b"\xf0\x82\x82\xac",
    b"\xed\xa0\x80\xed\xb0\x80",
    b"\xf4\x90\x80\x80",
    "\u0633\u0644\u0627\u0645".encode()[:-1],
    b"\xef\xbb\xbf\xef\xbb\xbf\xd9\x80\r",
    "\u0623\u062e\u0628\u0627\u0631\u064c \u0633\u0640\u0640\u0648\u0631\u064a\u0629\r\n".encode(),
    "\u0662\u0666\r\n\r\n\u0640".encode(),
]


def fuzz_with_atheris(seconds: float, artifacts: Path, extra: list[str]) -> None:
    """Coverage-guided fuzzing of arnorm's modules for ``seconds`` seconds (libFuzzer exits on a crash)."""
    import atheris

    with atheris.instrument_imports(include=["arnorm"]):
        import arnorm.io
        import arnorm.pipeline  # noqa: F401
    artifacts.mkdir(parents=True, exist_ok=True)
    corpus = Path(tempfile.mkdtemp(prefix="arnorm-fuzz-corpus-"))
    for index, seed in enumerate(SEEDS):
        for config in range(0, len(CONFIGS), 7):
            (corpus / f"seed-{index}-{config}").write_bytes(config.to_bytes(2, "little") + seed)
    argv = [
        sys.argv[0],
        f"-max_total_time={int(seconds)}",
        f"-artifact_prefix={artifacts}/",
        "-max_len=4096",
        *extra,
        str(corpus),
    ]
    atheris.Setup(argv, fuzz_one_input)
    atheris.Fuzz()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("FUZZ_SECONDS", "60")))
    parser.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    parser.add_argument("--artifacts", type=Path, default=Path.cwd())
    parser.add_argument("--replay", type=Path, nargs="*", help="check these saved inputs and exit")
    args, extra = parser.parse_known_args()
    if args.replay:
        for path in args.replay:
            fuzz_one_input(path.read_bytes())
            print(f"{path}: ok")
        return
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
        except ImportError:
            engine = "hypothesis"
        else:
            engine = "atheris"
    print(f"fuzz_cli: {engine} for {args.seconds:g} s over {len(CONFIGS)} configurations", file=sys.stderr)
    if engine == "atheris":
        fuzz_with_atheris(args.seconds, args.artifacts, extra)
    else:
        count = fuzz_with_hypothesis(args.seconds, report=True)
        print(f"fuzz_cli: {count} inputs, no failure", file=sys.stderr)


if __name__ == "__main__":
    main()
