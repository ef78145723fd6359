"""The reliability suite: what ``tests/test_properties.py`` and ``tests/test_cli.py`` do not reach.

Part 1, hypothesis properties for every stage variant and preset of
``test_properties`` (its ``VARIANTS`` and ``PIPELINES``), over inputs that
short random strings rarely contain:

* combining marks at the start of a text and of a line;
* 10,000-character runs of one combining mark (or tatweel);
* C0/C1 controls, NUL, bidi controls (LRM, RLM, ALM, embeddings, isolates);
* code points of every plane: astral letters, emoji, tag characters,
  variation selectors supplement, private use, noncharacters;
* inputs longer than :data:`arnorm._fastmap.LARGE_INPUT` (the NumPy plan
  of the character maps), with and without lone surrogates (which make
  that plan decline).

For each: no exception, idempotence, every line break kept in order, and
line locality (the whole text gives the lines' outputs joined by ``\\n``);
character maps are checked character by character, and text no stage owns
passes through unchanged.

Part 2, the byte-level fuzz target (``tests/fuzz_cli.py``) for
``FUZZ_SECONDS`` seconds (default 3; CI runs it longer as a script).

Part 3, faults with real processes: a full disk (``/dev/full``, a file-size
limit, a 1 MiB tmpfs when it can be mounted), an output pipe closed early,
and SIGINT in the middle of a large input, with ``--jobs 1`` and ``2``.
"""

from __future__ import annotations

import contextlib
import io
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import fuzz_cli  # tests/fuzz_cli.py: tests/ is on sys.path, as for test_properties
import pytest
from conftest import sampled
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_properties import IDS, LINE_BREAKS, LOCAL, NOT_IDEMPOTENT, PIPELINES

import arnorm
from arnorm import io as _io
from arnorm._fastmap import LARGE_INPUT
from arnorm.cli.allocator import tune_allocator
from arnorm.io import chunks as _chunks
from arnorm.stage import CharMap
from arnorm.strategies import HARAKAT, NASTY, arabic_text

# Each example runs a pipeline over up to ~20,000 characters: fewer examples
# than the profile's default keep this file under ~60 s on 2 cores; the
# "thorough" profile (HYPOTHESIS_PROFILE=thorough) runs ten times as many.
LONG_EXAMPLES = 8 if settings().max_examples <= 200 else 80
SHORT_EXAMPLES = 25 if settings().max_examples <= 200 else 250

# -- character classes ---------------------------------------------------------------------

#: Combining marks Arabic text carries: harakat, hamza above/below, Quranic annotation
#: marks, extended Arabic marks, and a few general-purpose ones (acute, enclosing circle).
MARKS = (
    HARAKAT
    + "\u0653\u0654\u0655\u0656\u0657\u0658\u065f"
    + "\u06d6\u06d7\u06dc\u06df\u06e0\u06e3\u06e4\u06e7\u06e8\u06ea\u06ed"
    + "\u08d3\u08e3\u08f0\u08f3\u08fe"
    + "\u0301\u0308\u0327\u20dd\ufe20\U000e0100"
)
#: C0 and C1 controls (NUL included), bidi controls and marks, and other format characters.
CONTROLS = (
    "".join(chr(c) for c in range(0x20) if chr(c) not in "\n\r")
    + "\x7f"
    + "".join(chr(c) for c in range(0x80, 0xA0))
    + "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    + "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
)
#: One code point from every plane that has assignments, and the awkward ones.
PLANES = st.one_of(
    st.characters(min_codepoint=0x10000, max_codepoint=0x1FFFF),  # SMP: scripts, emoji, Arabic math
    st.characters(min_codepoint=0x1EE00, max_codepoint=0x1EEFF),  # Arabic mathematical alphabetic symbols
    st.characters(min_codepoint=0x20000, max_codepoint=0x3FFFF),  # CJK extensions
    st.characters(min_codepoint=0xE0000, max_codepoint=0xE01EF),  # tags, variation selectors supplement
    st.characters(min_codepoint=0xF0000, max_codepoint=0x10FFFF, codec=None),  # private use planes 15-16
    st.sampled_from(["\ufffe", "\uffff", "\U0001fffe", "\U0010ffff", "\ufffd", "\ufdd0"]),
)
SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)

awkward_char = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from(CONTROLS),
    PLANES,
    st.sampled_from("\u0627\u0628\u0644\u0645\u064a\u0629\u0649\u0640\u064e "),
    st.sampled_from(LINE_BREAKS),
)


def awkward_text(
    alphabet: st.SearchStrategy[str] = awkward_char, max_size: int = 20
) -> st.SearchStrategy[str]:
    """Text of awkward characters and of NASTY's sequences (some are several code points long)."""
    return st.lists(st.one_of(alphabet, st.sampled_from(NASTY)), max_size=max_size).map("".join)


@st.composite
def marks_first(draw: st.DrawFn) -> str:
    """A text whose first character (and maybe the first of a later line) is a combining mark."""
    lead = "".join(draw(st.lists(st.sampled_from(MARKS), min_size=1, max_size=4)))
    body = draw(st.one_of(arabic_text(max_tokens=8), awkward_text()))
    if draw(st.booleans()):
        body += "\n" + "".join(draw(st.lists(st.sampled_from(MARKS), min_size=1, max_size=3)))
        body += draw(arabic_text(max_tokens=4, lines=False))
    return lead + body


@st.composite
def diacritic_run(draw: st.DrawFn) -> str:
    """10,000 copies of one mark (or tatweel), alone or between letters, maybe across a line break."""
    mark = draw(st.sampled_from(MARKS + "\u0640"))
    before = draw(st.sampled_from(["", "\u0628", "a", " ", "\n", "\u0627\u0644\u0644\u0647"]))
    after = draw(st.sampled_from(["", "\u0628", "x", " ", "\n", "\U0001f600"]))
    run = mark * 10_000
    if draw(st.booleans()):
        cut = draw(st.integers(0, 10_000))
        run = run[:cut] + draw(st.sampled_from(["\n", "\r\n", " ", "\u0628"])) + run[cut:]
    return before + run + after


@st.composite
def long_text(draw: st.DrawFn, surrogates: bool) -> str:
    """A text of more than LARGE_INPUT characters: a drawn sample repeated, with line breaks."""
    alphabet = st.one_of(awkward_char, SURROGATES) if surrogates else awkward_char
    parts = draw(
        st.lists(
            st.one_of(arabic_text(max_tokens=6, lines=False), awkward_text(alphabet, max_size=8)),
            min_size=1,
            max_size=6,
        )
    )
    if surrogates:
        parts.append(draw(SURROGATES))
    unit = "\n".join(parts) if draw(st.booleans()) else "".join(parts)
    unit = unit or "\u0628"
    return (unit + draw(st.sampled_from(["\n", " ", "", "\u0628"]))) * (LARGE_INPUT // len(unit) + 2)


def check_contract(pipe: arnorm.Pipeline, text: str) -> str:
    """No exception, idempotence, line breaks kept in order, line locality; returns the output."""
    out = pipe(text)
    assert isinstance(out, str)
    if any(name in pipe.spec for name in NOT_IDEMPOTENT):  # one affix layer per pass (test_properties)
        assert len(pipe(out)) <= len(out)
    else:
        assert pipe(out) == out
    assert [c for c in out if c in LINE_BREAKS] == [c for c in text if c in LINE_BREAKS]
    assert "\n".join(pipe(line) for line in text.split("\n")) == out
    return out


def _charmap_only(pipe: arnorm.Pipeline) -> bool:
    return all(isinstance(leaf, CharMap) for leaf in pipe.leaves())


CHARMAP_PIPELINES = [p for p in PIPELINES if _charmap_only(p)]


def per_char(pipe: arnorm.Pipeline, text: str) -> str:
    """The reference for a pipeline of character maps: each character mapped on its own."""
    cache: dict[str, str] = {}
    return "".join(cache[c] if c in cache else cache.setdefault(c, pipe(c)) for c in text)


# -- part 1: properties ------------------------------------------------------------------------


@pytest.mark.parametrize("pipe", sampled(PIPELINES, IDS, every=3, offset=0))
@settings(max_examples=SHORT_EXAMPLES)
@given(text=marks_first())
@example(text="\u064e")
@example(text="\u0651\u064e\u0628\n\u0654\u0627")
@example(text="\U000e0100\u0640\u200d")
def test_marks_at_the_start(pipe: arnorm.Pipeline, text: str) -> None:
    check_contract(pipe, text)


@pytest.mark.parametrize("pipe", sampled(PIPELINES, IDS, every=3, offset=1))
@settings(max_examples=SHORT_EXAMPLES)
@given(text=awkward_text(max_size=40))
@example(text="\x00\u200f\u0628\u064e\x1c\u202e\U0001ee00\n\x85")
@example(text="\U0001ee00\U0001ee01\u0640\U0001f3fb\U000e0041")  # Arabic math letters, tag
@example(text="\ufffe\uffff\U0010ffff")
def test_controls_bidi_and_every_plane(pipe: arnorm.Pipeline, text: str) -> None:
    check_contract(pipe, text)


@pytest.mark.parametrize("pipe", sampled(PIPELINES, IDS, every=3, offset=2))
@settings(max_examples=LONG_EXAMPLES)
@given(text=diacritic_run())
@example(text="\u064e" * 10_000)
@example(text="\u0628" + "\u0651" * 10_000 + "\n")
def test_ten_thousand_copies_of_one_mark(pipe: arnorm.Pipeline, text: str) -> None:
    out = check_contract(pipe, text)
    if _charmap_only(pipe):
        assert out == per_char(pipe, text)


@pytest.mark.parametrize("pipe", sampled(PIPELINES, IDS, every=3, offset=0))
@settings(max_examples=LONG_EXAMPLES)
@given(text=st.one_of(long_text(surrogates=False), long_text(surrogates=True)))
def test_long_inputs_of_every_kind(pipe: arnorm.Pipeline, text: str) -> None:
    """Long enough for the NumPy plan of the character maps; lone surrogates make it decline."""
    out = check_contract(pipe, text)
    if _charmap_only(pipe):
        assert out == per_char(pipe, text)


# Text no stage owns: letters of other scripts, BMP and astral, no spaces or marks
# (the whitespace and Unicode-form stages own those), on short lines.
FOREIGN_LETTERS = st.one_of(
    st.characters(categories=["Lu", "Ll", "Lo"], max_codepoint=0x058F),  # Latin .. Armenian
    st.characters(min_codepoint=0x05D0, max_codepoint=0x05EA),  # Hebrew letters
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK
    st.characters(min_codepoint=0x10000, max_codepoint=0x1005D, categories=["Lo"]),  # Linear B
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # CJK extension B
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1F5FF, categories=["So"]),  # emoji
)


@pytest.mark.parametrize("pipe", sampled(LOCAL, [p.spec for p in LOCAL], every=3, offset=1))
@settings(max_examples=LONG_EXAMPLES)
@given(sample=st.lists(st.text(FOREIGN_LETTERS, min_size=1, max_size=30), min_size=1, max_size=5))
def test_long_foreign_text_passes_through(pipe: arnorm.Pipeline, sample: list[str]) -> None:
    unit = "\n".join(sample) + "\n"
    text = unit * (LARGE_INPUT // len(unit) + 2)
    # stages that follow a word with a case or layout rule see no Arabic here
    assert pipe(text) == text


@settings(max_examples=5)
@given(long=st.one_of(long_text(surrogates=False), long_text(surrogates=True)), run=diacritic_run())
def test_the_long_inputs_really_are_long(long: str, run: str) -> None:
    """The strategies above reach the size at which the executors switch plans (every
    example: a shorter one would be shrunk to and shown)."""
    assert len(long) > LARGE_INPUT
    assert len(run) >= 10_000
    assert CHARMAP_PIPELINES  # the per-character reference is exercised


# -- part 2: the byte-level fuzz target, for a bounded time ---------------------------------------


def test_fuzz_cli_byte_input_for_a_bounded_time() -> None:
    """Random bytes, truncated and overlong UTF-8, NULs, BOMs, lone CRs through ``_io.run``
    in every --errors mode, for FUZZ_SECONDS seconds (default 3)."""
    seconds = float(os.environ.get("FUZZ_SECONDS", "3"))
    runs = fuzz_cli.fuzz_with_hypothesis(seconds)
    assert runs > 0


#: The seeds of the fuzz corpus.
SEEDS = [
    b"",
    b"\x00\x00\n\x00",
    b"\xc0\xaf\n",  # overlong '/'
    b"\xe0\x80\xaf",  # overlong, three bytes
    b"\xf0\x82\x82\xac",  # overlong euro sign
    b"\xed\xa0\x80\xed\xb0\x80",  # a surrogate pair encoded as CESU-8
    b"\xf4\x90\x80\x80",  # above U+10FFFF
    "\u0633\u0644\u0627\u0645".encode()[:-1],  # truncated at the end
    b"\xef\xbb\xbf\xef\xbb\xbf\xd9\x80\r",  # two BOMs, tatweel, a lone CR
    b"\xef\xbb",  # half a BOM
    b"a\rb\r\n\xd9\n\x80",
]


@pytest.mark.parametrize("third", sampled([0, 1, 2], ["a", "b", "c"], every=3))
@pytest.mark.parametrize("data", SEEDS)
def test_fuzz_seeds(data: bytes, third: int) -> None:
    """Each seed in every mode and with several chunk sizes: a third of the configurations
    in the default run (a different third for each seed), the other two in the slow pass."""
    shift = SEEDS.index(data)
    for config in range(len(fuzz_cli.CONFIGS)):
        if (config + shift) % 3 == third:
            fuzz_cli.check(data, config)


# -- part 3: faults, with real processes -----------------------------------------------------------

ARNORM = [sys.executable, "-m", "arnorm"]
LINE = "أخبارٌ ســورية ٢٦ مايو قال الشيخ رحمه الله\n".encode()


@pytest.fixture(scope="module")
def big_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """~24 MB of Arabic lines: several chunks, a few seconds of work."""
    path = tmp_path_factory.mktemp("big") / "big.txt"
    path.write_bytes(LINE * (24_000_000 // len(LINE)))
    return path


def _no_leftovers(directory: Path, *expected: str) -> None:
    assert sorted(os.listdir(directory)) == sorted(expected), "a temporary file was left behind"


def _limit_file_size(limit: int) -> None:
    """In the child: RLIMIT_FSIZE (``ulimit -f``); Python already ignores SIGXFSZ, say so anyway."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_file_size_limit_exit_74_no_partial_output(big_input: Path, tmp_path: Path, jobs: str) -> None:
    out = tmp_path / "out.txt"
    done = subprocess.run(
        [*ARNORM, "-q", "-j", jobs, "-i", str(big_input), "-o", str(out)],
        capture_output=True,
        timeout=120,
        preexec_fn=lambda: _limit_file_size(1 << 20),
        check=False,
    )
    assert done.returncode == 74, done.stderr
    assert done.stderr.decode().startswith("arnorm: error: ")
    assert "File too large" in done.stderr.decode() and done.stderr.count(b"\n") == 1
    _no_leftovers(tmp_path)
    # an existing output is left as it was
    out.write_bytes(b"old")
    done = subprocess.run(
        [*ARNORM, "-q", "-j", jobs, "-i", str(big_input), "-o", str(out)],
        capture_output=True,
        timeout=120,
        preexec_fn=lambda: _limit_file_size(1 << 20),
        check=False,
    )
    assert done.returncode == 74
    assert out.read_bytes() == b"old"
    _no_leftovers(tmp_path, "out.txt")


@pytest.mark.parametrize("target", ["stdout", "-o"])
def test_full_device_exit_74_with_one_line(tmp_path: Path, target: str) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    data = LINE * 100_000
    if target == "stdout":
        with open("/dev/full", "wb") as full:
            done = subprocess.run(
                [*ARNORM], input=data, stdout=full, stderr=subprocess.PIPE, timeout=120, check=False
            )
    else:
        done = subprocess.run(
            [*ARNORM, "-o", "/dev/full"], input=data, capture_output=True, timeout=120, check=False
        )
    assert done.returncode == 74
    message = done.stderr.decode()
    assert message.startswith("arnorm: error: ") and "No space left on device" in message
    assert message.count("\n") == 1, message  # no second complaint at interpreter exit


@pytest.fixture
def small_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs (needs root and mount rights: skipped otherwise)."""
    mount = tmp_path / "full"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True, check=False
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_full_disk_exit_74_keeps_the_old_output(big_input: Path, small_tmpfs: Path) -> None:
    out = small_tmpfs / "out.txt"
    out.write_bytes(b"old")
    done = subprocess.run(
        [*ARNORM, "-q", "-i", str(big_input), "-o", str(out)], capture_output=True, timeout=120, check=False
    )
    assert done.returncode == 74
    assert "No space left on device" in done.stderr.decode()
    assert out.read_bytes() == b"old"
    _no_leftovers(small_tmpfs, "out.txt")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_output_pipe_closed_before_anything_is_read(big_input: Path, jobs: str) -> None:
    proc = subprocess.Popen(
        [*ARNORM, "-q", "-j", jobs, "-i", str(big_input)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    assert proc.wait(timeout=120) == 141
    assert proc.stderr.read() == b""
    proc.stderr.close()


def _wait_for(predicate: object, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not predicate() and time.monotonic() < deadline:  # type: ignore[operator]
        time.sleep(0.02)


@contextlib.contextmanager
def _held_open(data: Path, tmp_path: Path) -> Iterator[Path]:
    """A FIFO (beside ``tmp_path``, whose listing the tests check) that delivers the bytes
    of ``data`` and then stays open until the block ends: the command reading it cannot
    reach the end of its input, so a signal sent mid-run always finds it running (a
    regular file raced the signal once the command got fast: CI saw exit 0 and -15)."""
    fifo = tmp_path.parent / f"{tmp_path.name}.fifo"
    os.mkfifo(fifo)
    release = threading.Event()

    def feed() -> None:
        with contextlib.suppress(BrokenPipeError), open(fifo, "wb") as writer:
            writer.write(data.read_bytes())
            writer.flush()
            release.wait(120)

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        yield fifo
    finally:
        release.set()
        feeder.join(10)
        fifo.unlink()


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("old", [None, b"old"])
def test_sigint_mid_run_exit_130_and_no_complete_looking_output(
    big_input: Path, tmp_path: Path, jobs: str, old: bytes | None
) -> None:
    out = tmp_path / "out.txt"
    if old is not None:
        out.write_bytes(old)
    with _held_open(big_input, tmp_path) as source:
        proc = subprocess.Popen(
            [*ARNORM, "-q", "-j", jobs, "-i", str(source), "-o", str(out)], stderr=subprocess.PIPE
        )
        assert proc.stderr is not None

        # wait until some output has been written to the temporary file: mid-run
        def _started() -> bool:
            temps = [p for p in tmp_path.iterdir() if p.name.endswith(".arnorm-tmp")]
            return bool(temps) and temps[0].stat().st_size > 0

        _wait_for(_started)
        assert _started() and proc.poll() is None, "the run did not start writing, or ended"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 130
    proc.stderr.close()
    if old is None:
        _no_leftovers(tmp_path)
    else:
        assert out.read_bytes() == old
        _no_leftovers(tmp_path, "out.txt")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_and_sighup_mid_run_remove_the_temporary_file(
    big_input: Path, tmp_path: Path, jobs: str, signum: int
) -> None:
    out = tmp_path / "out.txt"
    out.write_bytes(b"old")
    with _held_open(big_input, tmp_path) as source:
        proc = subprocess.Popen(
            [*ARNORM, "-q", "-j", jobs, "-i", str(source), "-o", str(out)], stderr=subprocess.PIPE
        )
        assert proc.stderr is not None
        _wait_for(lambda: any(p.name.endswith(".arnorm-tmp") for p in tmp_path.iterdir()))
        assert proc.poll() is None, "the run ended before it could be stopped"
        proc.send_signal(signum)
        assert proc.wait(timeout=60) == 128 + signum
    assert proc.stderr.read() == b""
    proc.stderr.close()
    assert out.read_bytes() == b"old"
    _no_leftovers(tmp_path, "out.txt")


def test_sigint_says_so_on_stderr(big_input: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    with _held_open(big_input, tmp_path) as source:
        proc = subprocess.Popen([*ARNORM, "-q", "-i", str(source), "-o", str(out)], stderr=subprocess.PIPE)
        assert proc.stderr is not None
        _wait_for(lambda: any(p.name.endswith(".arnorm-tmp") for p in tmp_path.iterdir()))
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 130
    assert proc.stderr.read().decode() == "arnorm: interrupted\n"
    proc.stderr.close()


# -- part 4: --jobs reads byte ranges of regular files ------------------------------------------

file_bytes = st.lists(
    st.one_of(
        st.sampled_from([b"\n", b"\r\n", b"\xef\xbb\xbf", b" ", "\u0640".encode(), b"\xff", b"\xd9"]),
        st.lists(st.sampled_from(["\u0628\u064e", "\u0627", " ", "x", "\u0640"]), max_size=12).map(
            lambda s: "".join(s).encode()
        ),
    ),
    max_size=40,
).map(b"".join)


@settings(max_examples=SHORT_EXAMPLES * 4)
@given(data=file_bytes, chunk_bytes=st.integers(1, 40), max_line=st.one_of(st.none(), st.integers(1, 60)))
@example(data=b"\xef\xbb\xbf", chunk_bytes=1, max_line=None)
@example(data=b"\xef\xbb\xbfab cd ef gh", chunk_bytes=2, max_line=3)
@example(data=b"ab", chunk_bytes=1, max_line=1)
def test_file_chunks_cover_the_file_once_in_order(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, chunk_bytes: int, max_line: int | None
) -> None:
    path = tmp_path_factory.mktemp("ranges") / "in.txt"
    path.write_bytes(data)
    chunks = [c.load() for c in _io.file_chunks(path, "in", chunk_bytes=chunk_bytes, max_line=max_line)]
    assert b"".join(c.head + c.data + c.tail for c in chunks) == data
    assert [c.first for c in chunks] == [True] + [False] * (len(chunks) - 1)
    position = 0
    for chunk in chunks:
        position += len(chunk.head)
        assert chunk.offset == position
        position += len(chunk.data) + len(chunk.tail)
    # ranges end at line ends; only the chunks of a cut long line (or the last) do not
    ranged = list(_io.file_chunks(path, "in", chunk_bytes=chunk_bytes, max_line=max_line))
    for plain, loaded in zip(ranged[:-1], chunks[:-1]):
        if plain.path is not None:
            assert loaded.data.endswith(b"\n")


@pytest.mark.parametrize("errors", ["strict", "preserve"])
def test_jobs_2_with_tiny_ranges_equals_jobs_1(tmp_path: Path, errors: str) -> None:
    """A real pool over many byte ranges, a long line cut in the middle, a BOM, CRLF, no final newline."""
    lines = ["\ufeffأخبارٌ ســورية ٢٦\r\n", "قَالَ الشَّيْخُ " * 40 + "\n", "\n", "مايو  x\u200f\n"] * 30
    data = "".join(lines).encode() + "ــــ آخر".encode()
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    paths[0].write_bytes(data)
    paths[1].write_bytes(data.decode()[1:300].encode())  # no BOM, ends in the middle of a line
    pipe = arnorm.preset("search")
    sources = [_io.Source(str(p), path=p) for p in paths]
    outs = []
    with mock.patch.object(_chunks, "CHUNK_BYTES", 64), mock.patch.object(_chunks, "MAX_LINE_BYTES", 300):
        for jobs in (1, 2):
            sink = io.BytesIO()
            _io.run(pipe, sources, sink, jobs=jobs, errors=errors)  # type: ignore[arg-type]
            outs.append(sink.getvalue())
    assert outs[0] == outs[1]
    texts = [p.read_bytes().decode() for p in paths]
    assert texts[0].startswith("\ufeff") and not texts[1].startswith("\ufeff")
    expected = _io.BOM + "".join(fuzz_cli._by_lines(pipe, t.removeprefix("\ufeff")) for t in texts).encode()
    assert outs[1] == expected


def test_jobs_2_reports_invalid_utf8_in_a_range_with_its_line_and_offset(tmp_path: Path) -> None:
    line = "قال الشيخ رحمه الله\n".encode()
    path = tmp_path / "bad.txt"
    path.write_bytes(line * 500 + b"ab\xc3(\n" + line * 10)
    sink = io.BytesIO()
    with mock.patch.object(_chunks, "CHUNK_BYTES", 256), pytest.raises(_io.InputDataError) as caught:
        _io.run(arnorm.preset("search"), [_io.Source(str(path), path=path)], sink, jobs=2)
    assert (caught.value.line, caught.value.offset) == (501, len(line) * 500 + 2)
    assert sink.getvalue() == fuzz_cli._by_lines(arnorm.preset("search"), (line * 500).decode()).encode()


def test_tune_allocator_on_glibc_only() -> None:
    import platform

    expected = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert tune_allocator() is expected
    assert tune_allocator() is expected  # once per process, same answer
