"""Issue 16, the command line: each case runs the real command (``python -m arnorm``).

Closed standard streams, ``-o`` onto descriptors, devices, read-only files and
hard links, ``--jsonl`` splicing, empty lines in ``dates``, ``--jobs`` capping,
the umask, the error messages, ``--help`` into a closed pipe, and long lines
cut only where the stages allow it (the output equals the library's on each
whole line).  ``tests/RELIABILITY.md`` lists the cases with what the user sees.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import arnorm
from arnorm.cli import app
from arnorm.dates import dates_to_jsonl, find_dates
from arnorm.io import atomic
from arnorm.io import chunks as _chunks

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
ARNORM = [sys.executable, "-m", "arnorm"]


def arnorm_cli(*args: str, data: bytes = b"", **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m arnorm ARGS`` with ``data`` on stdin."""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [*ARNORM, *args], input=data, capture_output=True, check=False, env=ENV, timeout=300, **kwargs
    )


def shell(script: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """Run a bash script where ``$ARNORM`` is the command."""
    env = {**ENV, "ARNORM": " ".join(ARNORM)}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        ["bash", "-c", script], capture_output=True, check=False, env=env, timeout=300, **kwargs
    )


def one_error_line(proc: subprocess.CompletedProcess[bytes], fragment: str) -> None:
    """No traceback: one line ``arnorm: error: ...`` containing ``fragment``."""
    err = proc.stderr.decode()
    assert "Traceback" not in err, err
    assert err.startswith("arnorm: error: ") and err.count("\n") == 1, err
    assert fragment in err, err


# -- closed standard streams ---------------------------------------------------------------


def test_closed_stdin_exit_66() -> None:
    proc = shell("$ARNORM <&-")
    assert proc.returncode == 66
    one_error_line(proc, "standard input is closed")


def test_closed_stdout_exit_73_and_a_file_output_still_works(tmp_path: Path) -> None:
    proc = shell("echo x | $ARNORM >&-")
    assert proc.returncode == 73
    one_error_line(proc, "standard output is closed")
    out = tmp_path / "out.txt"
    proc = shell(f"echo 'أخبارٌ' | $ARNORM -o {out} >&-")
    assert proc.returncode == 0 and out.read_text("utf-8") == "اخبار\n"
    proc = shell("$ARNORM stages >&-")  # a listing has nowhere to go either
    assert proc.returncode == 73
    one_error_line(proc, "standard output is closed")


def test_closed_stdin_does_not_lend_its_number_to_the_output_file(tmp_path: Path) -> None:
    src, out = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_text("أخبارٌ\n", encoding="utf-8")
    proc = shell(f"$ARNORM -i {src} -o {out} <&- 2>&-")
    assert proc.returncode == 0 and out.read_text("utf-8") == "اخبار\n"


# -- -o onto descriptors, devices, read-only files and hard links ----------------------------


@pytest.mark.parametrize("target", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_dash_o_stdout_into_a_log_keeps_what_is_around_it(tmp_path: Path, target: str) -> None:
    log = tmp_path / "log.txt"
    proc = shell(f"{{ echo HEADER; echo 'أخبارٌ' | $ARNORM -o {target}; echo FOOTER; }} > {log}")
    assert proc.returncode == 0, proc.stderr
    assert log.read_text("utf-8") == "HEADER\nاخبار\nFOOTER\n"


def test_dash_o_stderr_and_a_numbered_descriptor(tmp_path: Path) -> None:
    log = tmp_path / "run.log"
    proc = shell(f"{{ echo START >&2; echo 'أخبارٌ' | $ARNORM -o /dev/stderr; }} 2> {log}")
    assert proc.returncode == 0 and log.read_text("utf-8") == "START\nاخبار\n"
    three = tmp_path / "three.txt"
    proc = shell(f"echo 'أخبارٌ' | $ARNORM -o /dev/fd/3 3> {three}")
    assert proc.returncode == 0 and three.read_text("utf-8") == "اخبار\n"
    proc = shell("echo x | $ARNORM -o /dev/fd/9")
    assert proc.returncode == 73
    one_error_line(proc, "cannot create /dev/fd/9: Bad file descriptor")


def test_dash_o_stdout_into_a_pipe() -> None:
    proc = arnorm_cli("-o", "/dev/stdout", data="أخبارٌ\n".encode())
    assert (proc.returncode, proc.stdout) == (0, "اخبار\n".encode())


def test_a_character_device_is_written_in_place() -> None:
    proc = arnorm_cli("-o", "/dev/null", data="أخبارٌ\n".encode())
    assert proc.returncode == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_read_only_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_bytes(b"old\n")
    out.chmod(0o444)
    proc = arnorm_cli("-o", str(out), data="أخبارٌ\n".encode())
    assert proc.returncode == 73
    one_error_line(proc, "Permission denied")
    assert out.read_bytes() == b"old\n" and stat.S_IMODE(out.stat().st_mode) == 0o444
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.skipif(not Path("/proc/version").exists(), reason="no /proc")
def test_proc_version_is_refused_with_permission_denied() -> None:
    proc = arnorm_cli("-o", "/proc/version", data=b"x\n")
    assert proc.returncode == 73
    one_error_line(proc, "cannot create /proc/version: Permission denied")


def test_a_hard_link_is_written_in_place_and_stays_linked(tmp_path: Path) -> None:
    out, other = tmp_path / "out.txt", tmp_path / "other.txt"
    out.write_bytes(b"old\n")
    os.link(out, other)
    inode = out.stat().st_ino
    proc = arnorm_cli("-o", str(out), data="أخبارٌ\n".encode())
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_ino == inode and out.stat().st_nlink == 2
    assert other.read_text("utf-8") == "اخبار\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.txt", "out.txt"]
    # Invalid input: the linked file keeps its old contents.
    proc = arnorm_cli("-o", str(out), data=b"ok\n\xff\n")
    assert proc.returncode == 65 and other.read_text("utf-8") == "اخبار\n"


def test_a_new_file_gets_the_umask_which_is_never_changed(tmp_path: Path) -> None:
    out = tmp_path / "new.txt"
    proc = shell(f"umask 027; echo x | $ARNORM -o {out}")
    assert proc.returncode == 0 and stat.S_IMODE(out.stat().st_mode) == 0o640
    with (
        mock.patch("os.umask", side_effect=AssertionError("os.umask called")),
        atomic.atomic_output(tmp_path / "again.txt") as sink,
    ):
        sink.write(b"x")
    assert (tmp_path / "again.txt").read_bytes() == b"x"


# -- --jsonl splices the new values into the original bytes ---------------------------------


def test_jsonl_changes_only_the_chosen_string_values() -> None:
    lines = [
        b'{"text": "\xd8\xa3", "big": 1e400, "f": 1e5}',
        b'{"text":"\xd8\xa3" , "text": "\xd8\xa5\\u0644\\u0649", "n": -0.0}',
        b'{"meta": {"title": "\xd8\xa3"}, "raw": "\xff"}',
        b'  {"other": "\xd8\xa3"}\r',
    ]
    data = b"\n".join(lines) + b"\n"
    proc = arnorm_cli("--jsonl", "-f", "text", "-f", "meta.title", "--errors", "preserve", data=data)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split(b"\n") == [
        b'{"text": "\xd8\xa7", "big": 1e400, "f": 1e5}',
        '{"text":"ا" , "text": "الي", "n": -0.0}'.encode(),
        b'{"meta": {"title": "\xd8\xa7"}, "raw": "\xff"}',
        b'  {"other": "\xd8\xa3"}\r',
        b"",
    ]


def test_jsonl_missing_field_is_counted_on_stderr() -> None:
    proc = arnorm_cli("--jsonl", "-f", "nosuch", data=b'{"text": "a"}\n{"nosuch": 1}\n\n')
    assert proc.returncode == 0 and proc.stdout == b'{"text": "a"}\n{"nosuch": 1}\n\n'
    assert proc.stderr.decode() == "arnorm: warning: --field nosuch: missing or not a string in 2 of 2 lines\n"


@settings(max_examples=30, deadline=None)
@given(
    values=st.lists(st.text(st.sampled_from("أإٌـ a\"\\\u0000\u2028é"), max_size=6), min_size=1, max_size=4),
    spaces=st.sampled_from(["", " ", "  \t"]),
)
def test_jsonl_output_is_the_input_with_each_value_replaced(values: list[str], spaces: str) -> None:
    pipe = arnorm.preset("search")
    parts = [f'{{"text":{spaces}{json.dumps(v, ensure_ascii=a)}, "x": 1.50}}' for v, a in zip(values, [True, False] * 3)]
    expected = []
    for v, line in zip(values, parts):
        new = pipe(v)
        dumped = json.dumps(v, ensure_ascii=values.index(v) % 2 == 0)
        expected.append(line if new == v else line.replace(dumped, json.dumps(new, ensure_ascii=False), 1))
    data = "\n".join(parts) + "\n"
    result = CliRunner().invoke(app, ["--jsonl", "-f", "text"], input=data.encode())
    assert result.exit_code == 0, result.output
    for got, line, want in zip(result.stdout_bytes.decode().split("\n"), parts, expected):
        assert json.loads(got) == {**json.loads(line), "text": pipe(json.loads(line)["text"])}
        assert got.endswith(', "x": 1.50}')


# -- dates, jobs, messages -----------------------------------------------------------------


def test_dates_prints_an_empty_array_for_an_empty_line() -> None:
    proc = arnorm_cli("dates", data=b"a\n\nb\n")
    assert (proc.returncode, proc.stdout) == (0, b"[]\n[]\n[]\n")


def test_dates_with_an_extreme_ref_reports_without_a_traceback() -> None:
    # A date that would fall outside years 1-9999 is not returned (arnorm.dates docs).
    assert find_dates("وصل أمس", ref="0001-01-01") == []
    assert find_dates("يصل غدا", ref="9999-12-31") == []
    for ref, text in (("0001-01-01", "وصل أمس"), ("9999-12-31", "يصل غدا")):
        proc = arnorm_cli("dates", "--ref", ref, data=f"{text}\n".encode())
        assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"[]\n", b"")


def test_jobs_is_capped_at_the_cpus_available() -> None:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    proc = arnorm_cli("--jobs", str(cpus + 62), data="أخبارٌ\n".encode())
    assert (proc.returncode, proc.stdout) == (0, "اخبار\n".encode())
    assert proc.stderr.decode() == f"arnorm: note: --jobs {cpus + 62} capped at {cpus} (the CPUs available)\n"


@pytest.mark.parametrize(
    ("args", "data", "code", "fragment"),
    [
        (["--stages", ""], b"x", 2, "--stages is empty"),
        (["--preset", " "], b"x", 2, "--preset is empty"),
        (["--stages", "diacritics(keep="], b"x", 2, "at character 10: '(' is never closed"),
        (["--stages", "diacritics(keep=shadda))"], b"x", 2, "at character 23: expected ',' between stages"),
        (["--config", "/"], b"", 66, "cannot read /: Is a directory"),
        ([], "a".encode("utf-16"), 65, "UTF-16-LE byte order mark"),
        ([], b"\xfe\xff\x00a", 65, "UTF-16-BE byte order mark"),
    ],
)
def test_error_messages_say_what_is_wrong(args: list[str], data: bytes, code: int, fragment: str) -> None:
    proc = arnorm_cli(*args, data=data)
    assert proc.returncode == code
    one_error_line(proc, fragment)


def test_config_that_is_not_utf8_is_a_configuration_error(tmp_path: Path) -> None:
    # A file that is there but cannot be a configuration: a usage error (2) that says why.
    config = tmp_path / "c.toml"
    config.write_bytes(b"\xff\xfe")
    proc = arnorm_cli("--config", str(config))
    assert proc.returncode == 2
    one_error_line(proc, "the file is UTF-16")


@pytest.mark.skipif(not os.path.exists("/proc/sys/vm/compact_memory"), reason="no write-only /proc file")
def test_an_unreadable_input_exits_66() -> None:
    proc = arnorm_cli("-i", "/proc/sys/vm/compact_memory")
    assert proc.returncode == 66
    one_error_line(proc, "cannot read /proc/sys/vm/compact_memory")


def test_help_into_a_closed_pipe_is_quiet() -> None:
    proc = shell("set -o pipefail; $ARNORM explain --help | head -c 1 >/dev/null; echo status=$?")
    assert proc.stderr == b"" and proc.stdout.decode().strip() in ("status=0", "status=141")


def test_help_shows_brackets() -> None:
    proc = arnorm_cli("explain", "--help")
    assert proc.returncode == 0 and b"[brackets]" in proc.stdout


# -- long lines: cut only where every stage allows it ---------------------------------------


@pytest.fixture()
def small_lines() -> Iterator[None]:
    """Lines over 200 bytes count as long (the real bound is 8 MiB)."""
    with (
        mock.patch.object(_chunks, "CHUNK_BYTES", 64),
        mock.patch.object(_chunks, "MAX_LINE_BYTES", 200),
        mock.patch.object(_chunks, "CUT_WINDOW", 100),
    ):
        yield


DATED = ("كلمة " * 30) + "عبد الله وصل يوم ٢٦ مايو ٢٠١٩ " + ("كلمة " * 30).strip()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--stages", "dates"], lambda line: arnorm.Pipeline.from_spec("dates")(line)),
        (["translit", "-S", "english"], lambda line: arnorm.transliterate(line, scheme="english")),
        (["dates"], lambda line: dates_to_jsonl(line)),
        (["--preset", "search"], lambda line: arnorm.preset("search")(line)),
    ],
    ids=["dates-rewrite", "translit-english", "dates-json", "search"],
)
def test_a_long_line_gives_the_library_output_on_the_whole_line(
    small_lines: None, args: list[str], expected: object
) -> None:
    data = f"{DATED}\n{DATED}".encode()
    result = CliRunner().invoke(app, args, input=data)
    assert result.exit_code == 0, result.output
    want = expected(DATED)  # type: ignore[operator]
    assert result.stdout_bytes.decode() == f"{want}\n{want}"


@pytest.mark.slow
def test_a_real_long_line_with_a_date_across_the_cut(tmp_path: Path) -> None:
    filler = "كلمة " * ((8 << 20) // 9)  # 8 MiB of words: the date sits where the line would be cut
    line = filler + "وصل يوم ٢٦ مايو ٢٠١٩ " + "كلمة " * 1000
    path = tmp_path / "long.txt"
    path.write_text(line + "\n", encoding="utf-8")
    for args in (["--stages", "dates", "-i", str(path)], ["dates", "-i", str(path)]):
        proc = arnorm_cli(*args)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.count(b"\n") == 1
    assert "2019-05-26" in proc.stdout.decode()
    start = json.loads(proc.stdout)[0]["start"]
    assert line[start:].startswith("٢٦ مايو ٢٠١٩")


# -- --jobs: the workers' outputs come back through spool files ------------------------------


def _spools() -> set[str]:
    found: set[str] = set()
    for base in ("/dev/shm", os.environ.get("TMPDIR", "/tmp")):
        if os.path.isdir(base):
            found.update(name for name in os.listdir(base) if name.startswith("arnorm-spool-"))
    return found


@pytest.mark.parametrize("target", ["file", "stdout"])
def test_jobs_2_spools_outputs_equal_jobs_1_and_leave_nothing(tmp_path: Path, target: str) -> None:
    line = "أخبارٌ ســورية في مواجهة الإرهاب، ١٢٣٤.\n"
    source = tmp_path / "in.txt"
    source.write_text(line * ((10 << 20) // len(line.encode())), encoding="utf-8")  # three chunks
    before = _spools()
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.txt"
        args = ["--jobs", jobs, "-i", str(source)] + (["-o", str(out)] if target == "file" else [])
        proc = arnorm_cli(*args)
        assert proc.returncode == 0, proc.stderr
        outputs.append(out.read_bytes() if target == "file" else proc.stdout)
    assert outputs[0] == outputs[1] == (arnorm.preset("search")(line[:-1]) + "\n").encode() * (
        (10 << 20) // len(line.encode())
    )
    assert _spools() <= before


# -- resources: memory within a constant plus a small multiple of the line, linear time ------

#: Runs the command in a child whose address space is limited to what it uses after its
#: imports plus ``extra`` bytes, and reports the CPU seconds of the run itself on stderr.
RUNNER = r"""
import atexit, os, resource, sys, time
extra, args = int(sys.argv[1]), sys.argv[2:]
import arnorm.cli.entry, arnorm.cli.commands, arnorm.cli.explain  # noqa: E401  (imports out of the limit)
import numpy  # loaded lazily by arnorm; its BLAS threads reserve address space at import
with open("/proc/self/status") as status:
    size = next(int(l.split()[1]) * 1024 for l in status if l.startswith("VmSize:"))
resource.setrlimit(resource.RLIMIT_AS, (size + extra, size + extra))
start = time.process_time()
atexit.register(lambda: print(f"cpu={time.process_time() - start:.4f}", file=sys.stderr))
sys.argv = ["arnorm", *args]
arnorm.cli.entry.main()
"""
#: The constant: lazily loaded data (dates lexicon and calendar, romanization tables), the
#: allocator's arenas and the read buffers; and the multiple of the line's size allowed.
CONSTANT, MULTIPLE = 256 << 20, 10

WORDS = "وصل محمد عبد الله يوم ٢٦ مايو ٢٠١٩ إلى الرِّيَاضِ، وقَالَ: أخبارٌ ســورية! "
COMMANDS = {
    "normalize": (["--preset", "search"], None),
    "clean": (["--preset", "clean"], None),
    "translit": (["translit"], None),
    "translit-ala-lc": (["translit", "-S", "ala-lc"], None),
    "dates": (["dates"], None),
    "dates-rewrite": (["dates", "--rewrite"], None),
    "jsonl": (["--jsonl", "-f", "text"], "jsonl"),
}


def _line(size: int, kind: str | None) -> bytes:
    text = (WORDS * (size // len(WORDS.encode()) + 1)).encode()[:size].decode("utf-8", "ignore").rstrip()
    if kind == "jsonl":
        return (json.dumps({"text": text, "n": 1e5}, ensure_ascii=False) + "\n").encode()
    return (text + "\n").encode()


def _limited(args: list[str], data: bytes, extra: int) -> tuple[int, float, bytes, str]:
    proc = subprocess.run(
        [sys.executable, "-c", RUNNER, str(extra), *args],
        input=data,
        capture_output=True,
        check=False,
        env=ENV,
        timeout=900,
    )
    err = proc.stderr.decode()
    cpu = float(err.rsplit("cpu=", 1)[1]) if "cpu=" in err else float("nan")
    return proc.returncode, cpu, proc.stdout, err


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_memory_of_one_long_line_is_a_constant_plus_a_multiple_of_it(name: str) -> None:
    args, kind = COMMANDS[name]
    data = _line(16 << 20, kind)
    # `dates` writes a JSON object of about 300 bytes per date (one every ~80 bytes of this
    # line) and holds the matches until the line is done: still linear, with a larger factor.
    multiple = 3 * MULTIPLE if args[0] == "dates" else MULTIPLE
    code, _, out, err = _limited(args, data, CONSTANT + multiple * len(data))
    assert code == 0, err[-2000:]
    assert "Traceback" not in err and out.count(b"\n") == 1


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_time_of_one_long_line_grows_linearly(name: str) -> None:
    args, kind = COMMANDS[name]
    small, large = _line(2 << 20, kind), _line(8 << 20, kind)
    times = []
    for data in (small, large, small, large):
        code, cpu, _, err = _limited(args, data, 4 << 30)
        assert code == 0, err[-2000:]
        times.append(cpu)
    ratio = min(times[1], times[3]) / max(min(times[0], times[2]), 1e-3)
    assert ratio < 8, (times, ratio)  # linear: about 4; quadratic: 16
