"""The ``arnorm`` command line: in-process (typer's CliRunner) and as real processes.

In-process tests cover the behaviour (stages, presets, line endings, BOM,
errors policies, JSON Lines, explain, atomic output); the subprocess tests
cover what only a real process shows: pipes, ``--jobs``, exit statuses of
the console script, a closed pipe and Ctrl-C.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from conftest import shared_file
from typer.testing import CliRunner

import arnorm
from arnorm import io as _io
from arnorm.cli import app
from arnorm.cli import filtering as cli
from arnorm.io import chunks as _chunks

runner = CliRunner()
TATWEEL = "\u0640"
SAMPLE = "أخبارٌ ســورية ٢٦ مايو\nإِلَى المدرسةِ\n"  # seed article style: tanwin, tatweel, Arabic-Indic digits


def invoke(*args: str, data: bytes | str = b"") -> tuple[int, bytes, str]:
    if isinstance(data, str):
        data = data.encode("utf-8")
    result = runner.invoke(app, list(args), input=data)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout_bytes, result.stderr


def by_lines(pipe: arnorm.Pipeline, text: str) -> str:
    """The reference: the pipeline applied to each line body, endings kept."""
    out = []
    for line in text.split("\n"):
        cr = line.endswith("\r")
        out.append(pipe(line[:-1]) + "\r" if cr else pipe(line))
    return "\n".join(out)


@pytest.fixture
def small_chunks() -> Iterator[None]:
    """Make chunks and the long-line bound tiny so that short inputs cross many boundaries."""
    with (
        mock.patch.object(_chunks, "CHUNK_BYTES", 16),
        mock.patch.object(_chunks, "MAX_LINE_BYTES", 40),
        mock.patch.object(_chunks, "CUT_WINDOW", 40),
    ):
        yield


# -- normalize ------------------------------------------------------------------------


def test_default_command_is_normalize_with_the_search_preset(seed_text: str) -> None:
    expected = by_lines(arnorm.preset("search"), seed_text).encode()
    for args in ([], ["normalize"], ["--preset", "search"], ["normalize", "-p", "search"]):
        code, out, err = invoke(*args, data=seed_text)
        assert (code, err) == (0, "")
        assert out == expected


def test_stages_skip_and_preset_flags() -> None:
    code, out, _ = invoke("--stages", "diacritics,alef,ya", data="إِلَى\n")
    assert (code, out.decode()) == (0, "الي\n")
    code, out, _ = invoke("--preset", "clean", data=SAMPLE)
    assert out.decode() == by_lines(arnorm.preset("clean"), SAMPLE)
    # --skip drops stages of the preset: digits stay Arabic-Indic, teh marbuta stays
    code, out, _ = invoke("--skip", "digits,teh_marbuta", data=SAMPLE)
    assert code == 0
    assert "٢٦" in out.decode() and "سورية" in out.decode()
    code, out, _ = invoke("--stages", "diacritics(keep=shadda)", data="مُدَرِّسٌ\n")
    assert out.decode() == "مدرّس\n"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--preset", "nope"], "valid presets: " + ", ".join(sorted(arnorm.PRESETS))),
        (["--stages", "diacritics,nope"], "unknown stage 'nope'; valid stages: alef,"),
        (["--stages", "digits(to=roman)"], "valid choices: ascii, arabic, persian"),
        (["--stages", "digits(base=2)"], "option 'base'"),
        (["--stages", "diacritics(("], "bad pipeline spec"),
        (["--preset", "clean", "--stages", "alef"], "one of"),
        (["--skip", "alef,nope"], "its stages: uthmani, lone_marks, invisible, presentation_forms"),
        (["--jsonl"], "--jsonl needs at least one --field"),
        (["--field", "text"], "--field needs --jsonl"),
        (["explain", "--preset", "nope", "x"], "valid presets"),
    ],
)
def test_usage_errors_are_one_line_with_the_choices_and_exit_2(args: list[str], fragment: str) -> None:
    code, out, err = invoke(*args, data="x\n")
    assert code == 2
    assert out == b""
    assert err.startswith("arnorm: error: ") and err.count("\n") == 1
    assert fragment in err


def test_stages_and_presets_list_the_registry() -> None:
    code, out, _ = invoke("stages")
    listing = out.decode()
    assert code == 0
    for name in arnorm.stage_names():
        assert f"{name}  " in listing or f"{name} " in listing
        assert arnorm.stage_info(name).description in listing
    assert "to=ascii|arabic|persian  (default: ascii)" in listing
    code, out, _ = invoke("presets")
    for name, spec in arnorm.PRESETS.items():
        assert [line.strip() for line in out.decode().splitlines()].count(spec) == 1
        assert arnorm.PRESET_DESCRIPTIONS[name] in out.decode()


def test_version() -> None:
    code, out, _ = invoke("--version")
    assert (code, out.decode()) == (0, f"arnorm {arnorm.__version__}\n")


# -- faithful I/O ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "\n\n\r\n",
        "أخبارٌ\r\nســورية\r\n",  # CRLF
        "أخبارٌ\r\nســورية\nمايو",  # mixed endings, no final newline
        "ســورية",  # one line, no newline
        "a\rb  \r\nc",  # a lone CR stays inside its line
        TATWEEL * 50 + "\n" + TATWEEL * 3,  # a file of only tatweel
        "\ufeffأخبارٌ\n\ufeffxyz\n",  # a leading BOM is kept; one inside the text is not
    ],
)
@pytest.mark.parametrize("preset", ["search", "clean"])
def test_line_endings_bom_and_empty_input(text: str, preset: str, small_chunks: None) -> None:
    code, out, _ = invoke("-p", preset, data=text)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    assert code == 0
    assert out == (bom + by_lines(arnorm.preset(preset), text[len(bom) :])).encode()


def test_only_tatweel_becomes_empty_lines() -> None:
    code, out, _ = invoke("--stages", "tatweel", data=TATWEEL * 7 + "\r\n" + TATWEEL)
    assert (code, out) == (0, b"\r\n")


def test_several_inputs_are_normalized_one_after_the_other(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_bytes("\ufeffأخبارٌ".encode())  # BOM, no final newline
    second.write_bytes("\ufeffإِلَى\r\n".encode())
    code, out, _ = invoke("-i", str(first), "-i", str(second), "--stages", "diacritics,alef,ya")
    assert code == 0
    assert out == "\ufeffاخبار\ufeffالي\r\n".encode()


def test_stdin_can_be_named_among_inputs(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("ســـ\n", encoding="utf-8")
    code, out, _ = invoke("-i", str(path), "-i", "-", "--stages", "tatweel", data="ـبـ\n")
    assert (code, out.decode()) == (0, "س\nب\n")


# -- invalid UTF-8 ---------------------------------------------------------------------------

BAD = "سلام\nأهلاً\n".encode() + b"ab\xffcd\n" + "ســورية".encode()


def test_invalid_utf8_stops_with_file_line_and_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(BAD)
    code, _, err = invoke("-i", str(path))
    offset = BAD.index(b"\xff")
    assert code == 65
    assert err == (
        f"arnorm: error: {path}: line 3, byte offset {offset}: invalid UTF-8 "
        "(invalid start byte: byte FF); --errors replace substitutes U+FFFD, "
        "--errors preserve passes such bytes through\n"
    )


def test_invalid_utf8_leaves_no_output_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    path, out = tmp_path / "bad.txt", tmp_path / "out.txt"
    path.write_bytes(BAD * 1000)
    code, _, _ = invoke("-i", str(path), "-o", str(out))
    assert code == 65
    assert not out.exists()
    out.write_bytes(b"old")
    code, _, _ = invoke("-i", str(path), "-o", str(out))
    assert code == 65
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "out.txt"]


def test_errors_preserve_and_replace() -> None:
    code, out, _ = invoke("--errors", "preserve", "--stages", "tatweel", data=BAD)
    assert (code, out) == (0, BAD.replace("ـ".encode(), b""))
    code, out, _ = invoke("--errors", "replace", "--stages", "tatweel", data=BAD)
    assert (code, out) == (0, BAD.replace("ـ".encode(), b"").replace(b"\xff", "\ufffd".encode()))
    # a truncated sequence at the end of the input
    code, out, err = invoke("--stages", "tatweel", data="سلام".encode()[:-1])
    assert code == 65 and "line 1, byte offset 6" in err and "unexpected end of data" in err
    code, out, _ = invoke("--stages", "tatweel", "--errors", "preserve", data="سلام".encode()[:-1])
    assert out == "سلام".encode()[:-1]


# -- long lines ------------------------------------------------------------------------------


def test_a_long_line_is_cut_between_words_and_gives_the_unsplit_result(small_chunks: None) -> None:
    # Fully diacritized classical text: every word ends with a mark.
    line = "قَالَ الشَّيْخُ رَحِمَهُ اللَّهُ تَعَالَى فِي كِتَابِهِ إِنَّ الْعِلْمَ نُورٌ  وَالْجَهْلَ ظُلْمَةٌ " * 20
    for preset in arnorm.PRESETS:
        code, out, _ = invoke("-p", preset, data=line)
        assert code == 0
        assert out.decode() == arnorm.preset(preset)(line), preset


def test_read_chunks_never_separates_a_letter_from_its_marks() -> None:
    # No spaces at all: the fallback cut must still keep marks with their letter.
    data = ("بِسْمِ" * 2000 + "\u200cكَتَبَ" * 500).encode()
    chunks = list(_io.read_chunks(_BytesReader(data, 7), "x", chunk_bytes=64, max_line=100))
    assert len(chunks) > 100
    assert b"".join(c.head + c.data + c.tail for c in chunks) == data
    for chunk in chunks[1:]:
        first = chunk.data.decode("utf-8")[0]
        assert not first.isspace() and first not in "\u200c\u200d"
        assert not unicodedata.category(first).startswith("M")


class _BytesReader:
    """A stream whose read1 returns at most ``step`` bytes, like a pipe."""

    def __init__(self, data: bytes, step: int) -> None:
        self.data, self.pos, self.step = data, 0, step

    def read1(self, n: int) -> bytes:
        n = min(n, self.step)
        block = self.data[self.pos : self.pos + n]
        self.pos += len(block)
        return block


# -- JSON Lines ------------------------------------------------------------------------------


def test_jsonl_normalizes_only_the_named_fields() -> None:
    lines = [
        '{"id": 1, "text": "أخبارٌ", "meta": {"title": "إِلَى", "lang": "ar"}, "other": "إِلَى"}',
        '{"id":2,   "text":"abc"}',  # unchanged: kept byte for byte, spacing included
        "",
        '{"text": 5, "meta": "not an object"}',  # non-string and missing fields are left alone
        '{"text": "سطر\\nثانٍ", "z": 1}',  # a newline inside a value
    ]
    code, out, _ = invoke("--jsonl", "--field", "text", "-f", "meta.title", data="\r\n".join(lines) + "\n")
    assert code == 0
    got = out.decode().split("\r\n")
    assert json.loads(got[0]) == {
        "id": 1,
        "text": "اخبار",
        "meta": {"title": "الي", "lang": "ar"},
        "other": "إِلَى",
    }
    assert list(json.loads(got[0])) == ["id", "text", "meta", "other"]
    assert got[1:4] == lines[1:4]
    assert json.loads(got[4].rstrip("\n")) == {"text": "سطر\nثان", "z": 1}


def test_jsonl_invalid_line_is_an_error_with_its_line_number() -> None:
    code, _, err = invoke("--jsonl", "-f", "text", data='{"text": "x"}\n{"text": \n')
    assert code == 65
    assert "<stdin>: line 2, byte offset 23: invalid JSON" in err


# -- explain ----------------------------------------------------------------------------------


def test_explain_names_each_change() -> None:
    code, out, _ = invoke("explain", "أخبارٌ ســورية")
    text = out.decode()
    assert code == 0
    assert "diacritics: أخبار[ٌ] ســورية -> أخبار[] ســورية" in text
    assert "'ٌ' (U+064C ARABIC DAMMATAN) -> (nothing)" in text
    assert "'ــ' (U+0640 ARABIC TATWEEL x2) -> (nothing)" in text
    assert "teh_marbuta:" in text and "digits:" not in text
    assert text.rstrip().endswith("output: اخبار سوريه")
    code, out, _ = invoke("explain", "--all", "--stages", "alef,tatweel", "abc")
    assert out.decode().splitlines() == [
        "input: abc",
        "alef: (no change)",
        "tatweel: (no change)",
        "output: (unchanged)",
    ]


def test_explain_shows_invisible_characters() -> None:
    code, out, _ = invoke("explain", "--stages", "invisible", "a\u200fb")
    assert code == 0
    assert "a[<U+200F>]b -> a[ ]b" in out.decode()
    assert "U+200F RIGHT-TO-LEFT MARK" in out.decode()


def test_explain_json_replays_to_the_pipeline_output() -> None:
    code, out, _ = invoke("explain", "--json", data=SAMPLE)
    assert code == 0
    records = [json.loads(line) for line in out.decode().splitlines()]
    assert len(records) == 2
    pipe = arnorm.preset("search")
    for record, line in zip(records, SAMPLE.splitlines()):
        assert record["input"] == line and record["output"] == pipe(line)
        text = line
        for step in record["steps"]:
            assert step["before"] == text
            for change in reversed(step["changes"]):
                text = text[: change["start"]] + change["new"] + text[change["end"] :]
            assert text == step["after"]
        assert text == pipe(line)


# -- output files -------------------------------------------------------------------------------


def test_output_file_replaces_atomically_and_keeps_permissions(tmp_path: Path) -> None:
    src, out = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_text(SAMPLE, encoding="utf-8")
    out.write_bytes(b"previous")
    out.chmod(0o640)
    code, _, _ = invoke("-i", str(src), "-o", str(out))
    assert code == 0
    assert out.read_text(encoding="utf-8") == by_lines(arnorm.preset("search"), SAMPLE)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    # in place: input and output may be the same file
    code, _, _ = invoke("-i", str(src), "-o", str(src), "--stages", "tatweel")
    assert src.read_text(encoding="utf-8") == SAMPLE.replace(TATWEEL, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "out.txt"]


def test_missing_input_and_uncreatable_output(tmp_path: Path) -> None:
    code, _, err = invoke("-i", str(tmp_path / "missing.txt"))
    assert code == 66 and err.startswith("arnorm: error: cannot read") and "No such file" in err
    code, _, err = invoke("-o", str(tmp_path / "no" / "dir.txt"), data="x")
    assert code == 73 and err.startswith("arnorm: error: cannot create")
    code, _, err = invoke("-o", str(tmp_path), data="x")
    assert code == 73


# -- real processes ------------------------------------------------------------------------------

ARNORM = [sys.executable, "-m", "arnorm"]


def run_cli(*args: str, data: bytes = b"", **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*ARNORM, *args], input=data, capture_output=True, timeout=120, check=False, **kwargs
    )  # type: ignore[call-overload,no-any-return]


def test_process_pipe_and_console_script(seed_text: str) -> None:
    expected = by_lines(arnorm.preset("search"), seed_text).encode()
    done = run_cli(data=seed_text.encode())
    assert (done.returncode, done.stdout, done.stderr) == (0, expected, b"")
    script = shutil.which("arnorm")
    if script is None:
        pytest.skip("the arnorm console script is not installed")
    done = subprocess.run(
        [script, "normalize"], input=seed_text.encode(), capture_output=True, timeout=60, check=False
    )
    assert (done.returncode, done.stdout) == (0, expected)


def test_process_files_and_crlf(tmp_path: Path) -> None:
    src, out = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_bytes("\ufeffأخبارٌ\r\nســورية\r\n\r\nمايو".encode())
    done = run_cli("-i", str(src), "-o", str(out), "-p", "clean")
    assert done.returncode == 0 and done.stdout == b""
    assert out.read_bytes() == "\ufeffأخبارٌ\r\nسورية\r\n\r\nمايو".encode()


def test_process_empty_input() -> None:
    done = run_cli()
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")


def test_process_jobs_output_is_identical(tmp_path: Path) -> None:
    corpus = shared_file("corpus", "news_saudinewsnet.txt")  # ~6 MB: two chunks, so the pool runs
    one = run_cli("--jobs", "1", "-i", str(corpus), "-q")
    two = run_cli("--jobs", "2", "-i", str(corpus), "-i", str(corpus), "-q")
    assert one.returncode == two.returncode == 0
    assert two.stdout == one.stdout * 2
    assert one.stdout == by_lines(arnorm.preset("search"), corpus.read_text(encoding="utf-8")).encode()


def test_process_jobs_reports_invalid_utf8_late_in_the_input(tmp_path: Path) -> None:
    line = "قال الشيخ رحمه الله\n".encode()
    count = (9 << 20) // len(line)
    path = tmp_path / "big.txt"
    path.write_bytes(line * count + b"\xc3(\n")
    out = tmp_path / "out.txt"
    done = run_cli("--jobs", "2", "-i", str(path), "-o", str(out))
    assert done.returncode == 65
    assert done.stderr.decode().startswith(
        f"arnorm: error: {path}: line {count + 1}, byte offset {len(line) * count}:"
    )
    assert not out.exists() and os.listdir(tmp_path) == ["big.txt"]


def test_process_invalid_utf8_exit_65_and_unknown_flag_exit_2() -> None:
    done = run_cli(data=BAD)
    assert done.returncode == 65 and done.stderr.count(b"\n") == 1
    assert done.stdout == by_lines(arnorm.preset("search"), "سلام\nأهلاً\n").encode()  # lines before the error
    done = run_cli("--no-such-flag")
    assert done.returncode == 2
    assert done.stderr.decode().startswith("arnorm: error: No such option: --no-such-flag")
    assert done.stderr.count(b"\n") == 1


def test_process_broken_pipe_exits_quietly(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes("أخبارٌ ســورية ٢٦ مايو\n".encode() * 400_000)  # ~14 MB
    proc = subprocess.Popen([*ARNORM, "-i", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline() == "اخبار سوريه 26 مايو\n".encode()
    proc.stdout.close()
    assert proc.wait(timeout=60) == 141
    assert proc.stderr.read() == b""


def test_process_interrupt_exits_130_and_removes_the_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_bytes(b"old")
    proc = subprocess.Popen([*ARNORM, "-o", str(out)], stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin is not None
    proc.stdin.write("أخبارٌ\n".encode())
    proc.stdin.flush()
    deadline = time.monotonic() + 30
    while len(os.listdir(tmp_path)) < 2 and time.monotonic() < deadline:  # wait for the temporary file
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=30) == 130
    proc.stdin.close()
    assert out.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_process_streams_each_line_as_it_arrives() -> None:
    # tail -f | arnorm: a line is written before the input ends.
    proc = subprocess.Popen([*ARNORM, "--stages", "tatweel"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("ســـلام\n".encode())
    proc.stdin.flush()
    assert proc.stdout.readline() == "سلام\n".encode()
    proc.stdin.write("ـبـ\n".encode())
    proc.stdin.close()
    assert proc.stdout.read() == "ب\n".encode()
    assert proc.wait(timeout=30) == 0


# -- progress bar and colour -----------------------------------------------------------------------


def test_progress_bar_only_for_files_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("ســـ\n" * 1000, encoding="utf-8")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert cli._want_progress(cli.IOOptions(inputs=(path,)))
    assert not cli._want_progress(cli.IOOptions(inputs=(path,), quiet=True))
    assert not cli._want_progress(cli.IOOptions())  # stdin
    assert not cli._want_progress(cli.IOOptions(inputs=(path, Path("-"))))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)  # the bar would mix with the output
    assert not cli._want_progress(cli.IOOptions(inputs=(path,)))
    assert cli._want_progress(cli.IOOptions(inputs=(path,), output=tmp_path / "out.txt"))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)  # piped stderr: never
    assert not cli._want_progress(cli.IOOptions(inputs=(path,), output=tmp_path / "out.txt"))
    seen: list[int] = []
    with cli._progress([path], True) as on_read:
        assert on_read is not None
        with path.open("rb") as stream:
            for chunk in _io.read_chunks(stream, "a", chunk_bytes=1000, on_read=seen.append):
                on_read(len(chunk.data))
    assert sum(seen) == path.stat().st_size


def test_explain_in_colour_has_the_same_text() -> None:
    from arnorm.explain_render import render_lines

    steps = arnorm.preset("search").explain("أخبارٌ\u200f")
    plain = list(render_lines(steps, True, colour=False))
    coloured = list(render_lines(steps, True, colour=True))
    assert [getattr(item, "plain", item) for item in coloured] == plain
    assert any(getattr(item, "spans", None) for item in coloured)


def _merge_lines(text: str) -> str:
    """A stage function that breaks the line contract: it joins lines."""
    return text.replace("\n", " ")


@pytest.mark.parametrize("data", [b"a\nb\n", b"a\r\nb\nc"])
def test_a_stage_that_breaks_the_line_contract_is_run_line_by_line(data: bytes) -> None:
    pipe = arnorm.Pipeline([arnorm.FunctionStage(name="merge", func=_merge_lines)])
    out, newlines = _io.transform(_io.Chunk(data, "x"), pipe)[:2]
    assert (out, newlines) == (data, data.count(b"\n"))
