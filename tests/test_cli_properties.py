"""The command line's specification, as hypothesis properties (run in-process with CliRunner).

* ``arnorm --stages X`` equals ``Pipeline(["X"])`` applied line by line, with
  ``\\n`` and ``\\r\\n`` endings kept, whatever the chunk size;
* ``--errors preserve`` is byte-exact for bytes no stage owns;
* a long line cut at a single space between words gives the result of the
  uncut line, for every stage and preset; a cut never separates a letter
  from its marks;
* ``--jsonl`` normalizes exactly the named fields.
"""

from __future__ import annotations

import io
import json
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_properties import IDS as ALL_IDS
from test_properties import PIPELINES as ALL_PIPELINES
from typer.testing import CliRunner

import arnorm
from arnorm import io as _io
from arnorm.cli import app
from arnorm.io import chunks as _chunks
from arnorm.strategies import HARAKAT, NASTY, any_unicode_text, arabic_letter, arabic_text, arabic_word

runner = CliRunner()
# In-process CLI runs cost ~10 ms each: the profile's examples (25 in dev), a quarter
# of them with HYPOTHESIS_PROFILE=thorough.
EXAMPLES = settings.default.max_examples if settings.default.max_examples <= 200 else settings.default.max_examples // 4

# Every registered stage with its defaults, plus option variants that change behaviour.
SPECS = [
    *arnorm.stage_names(),
    "diacritics(keep=shadda)",
    "ya(to=alef_maksura)",
    "digits(to=arabic)",
    "punctuation(to=arabic)",
    "invisible(zwnj=space)",
    "hamza(isolated=drop)",
    "whitespace(strip=false)",
]
PIPELINES = {spec: arnorm.Pipeline.from_spec(spec) for spec in SPECS}
PIPELINES.update({f"preset:{name}": arnorm.preset(name) for name in arnorm.PRESETS})


def cli(args: list[str], data: bytes) -> tuple[int, bytes]:
    result = runner.invoke(app, args, input=data)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout_bytes


@contextmanager
def chunking(chunk_bytes: int, max_line: int | None = None) -> Iterator[None]:
    """Read in blocks of ``chunk_bytes``; cut lines longer than ``max_line`` (default: never here)."""
    limit = max_line if max_line is not None else 1 << 30
    with (
        mock.patch.object(_chunks, "CHUNK_BYTES", chunk_bytes),
        mock.patch.object(_chunks, "MAX_LINE_BYTES", limit),
        mock.patch.object(_chunks, "CUT_WINDOW", limit),
    ):
        yield


def by_lines(pipe: arnorm.Pipeline, text: str) -> str:
    """The pipeline on each line body, endings kept; a leading BOM passes through unchanged."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    out = []
    for line in text[len(bom) :].split("\n"):
        out.append(pipe(line[:-1]) + "\r" if line.endswith("\r") else pipe(line))
    return bom + "\n".join(out)


line_bodies = st.lists(
    st.one_of(arabic_text(max_tokens=8, lines=False), st.sampled_from(NASTY), st.text(max_size=12)).map(
        lambda s: s.replace("\n", " ").replace("\r", " ")
    ),
    max_size=6,
)
endings = st.sampled_from(["\n", "\r\n"])


@st.composite
def texts(draw: st.DrawFn) -> str:
    """Lines with LF or CRLF endings; the last line may lack one."""
    bodies = draw(line_bodies)
    ends = [draw(endings) for _ in bodies]
    if ends and draw(st.booleans()):
        ends[-1] = ""
    return "".join(b + e for b, e in zip(bodies, ends))


@settings(max_examples=EXAMPLES)
@given(spec=st.sampled_from(SPECS), text=texts(), chunk_bytes=st.sampled_from([1, 7, 64, 1 << 22]))
@example(spec="whitespace", text="  ســورية  \r\n\r\n ab  ", chunk_bytes=3)
@example(spec="presentation_forms", text="\ufdfa\r\n\ufefb", chunk_bytes=1)
@example(spec="invisible", text="\ufeff\ufeff\n\ufeff", chunk_bytes=1)
def test_cli_stages_equal_the_pipeline_line_by_line(spec: str, text: str, chunk_bytes: int) -> None:
    data = text.encode("utf-8")
    with chunking(chunk_bytes):
        code, out = cli(["--stages", spec], data)
    assert code == 0
    assert out.decode("utf-8") == by_lines(PIPELINES[spec], text)


fragments = st.one_of(
    st.binary(max_size=6),
    st.sampled_from(["ـ", "أخبارٌ", "\r\n", "\n", "\ufeff", " "]).map(str.encode),
    st.sampled_from([b"\xff", b"\xc3", b"\xe0\xd9\x80", b"\xd9", b"\x80", b"\xed\xa0\x80"]),
)


@settings(max_examples=EXAMPLES)
@given(parts=st.lists(fragments, max_size=12), chunk_bytes=st.sampled_from([1, 5, 64]))
@example(parts=[b"\xef\xbb", b"\xbf", "ـ".encode()], chunk_bytes=1)
def test_errors_preserve_is_byte_exact(parts: list[bytes], chunk_bytes: int) -> None:
    data = b"".join(parts)
    with chunking(chunk_bytes, max_line=16):
        sink = io.BytesIO()  # the empty pipeline (the CLI refuses an empty --stages)
        _io.run(arnorm.Pipeline([]), [_io.Source("x", stream=io.BytesIO(data))], sink, errors="preserve")
        assert sink.getvalue() == data
        # The tatweel is the only character this stage owns; U+0640 is D9 80 in
        # UTF-8, and D9 can only start a character, so its bytes are easy to find.
        code, out = cli(["--errors", "preserve", "--stages", "tatweel"], data)
        assert (code, out) == (0, data.replace("ـ".encode(), b""))


@st.composite
def long_lines(draw: st.DrawFn) -> list[str]:
    """Words that start with a letter and end with a letter or mark (to be joined by
    single spaces, so that a cut point of the preferred kind exists); inner
    characters of every kind."""
    inner = st.one_of(
        arabic_letter(),
        st.sampled_from(HARAKAT),
        st.sampled_from(NASTY),
        st.sampled_from("ـ٠١٢3،؟,?.ىي"),
    )
    words = []
    for _ in range(draw(st.integers(2, 14))):
        word = draw(arabic_letter()) + "".join(draw(st.lists(inner, max_size=4)))
        word += draw(st.one_of(arabic_letter(), st.sampled_from(HARAKAT + "ى")))
        words.append(word)
    return words


@settings(max_examples=EXAMPLES)
@given(words=long_lines(), name=st.sampled_from(sorted(PIPELINES)), max_line=st.integers(4, 64))
def test_a_cut_long_line_gives_the_uncut_result(words: list[str], name: str, max_line: int) -> None:
    line = " ".join(words)
    # The search window must be able to hold a whole word and the spaces around it,
    # as the real one (1 MiB) does for any text made of words.
    max_line = max(max_line, 2 * max(len(w.encode()) for w in words) + 2)
    pipe = PIPELINES[name]
    args = ["--preset", name.removeprefix("preset:")] if name.startswith("preset:") else ["--stages", name]
    with chunking(4, max_line=max_line):
        code, out = cli(args, line.encode())
    assert code == 0
    assert out.decode() == pipe(line)


@settings(max_examples=EXAMPLES)
@given(
    words=st.lists(arabic_word(vocalized=True), min_size=1, max_size=30),
    sep=st.sampled_from(["", " ", "\u200c"]),
)
def test_a_cut_never_separates_a_letter_from_its_marks(words: list[str], sep: str) -> None:
    data = sep.join(words).encode()
    stream = _Pipe(data)
    chunks = list(_io.read_chunks(stream, "x", chunk_bytes=5, max_line=12))
    assert b"".join(c.head + c.data + c.tail for c in chunks) == data
    for chunk in chunks[1:]:
        if chunk.data:
            first = chunk.data.decode("utf-8")[0]
            assert not unicodedata.category(first).startswith("M"), (chunks, first)
            if sep != "\u200c":
                assert unicodedata.category(first) in ("Lo", "Lm"), (chunks, first)


class _Pipe:
    """A binary stream whose read1 returns at most 3 bytes at a time."""

    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def read1(self, n: int) -> bytes:
        block = self.data[self.pos : self.pos + min(n, 3)]
        self.pos += len(block)
        return block


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), arabic_text(max_tokens=5)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from("abc"), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=EXAMPLES)
@given(
    records=st.lists(
        st.fixed_dictionaries(
            {"id": st.integers(), "text": st.one_of(arabic_text(max_tokens=6), st.integers())},
            optional={"meta": st.fixed_dictionaries({"title": arabic_text(max_tokens=4)}), "x": json_values},
        ),
        max_size=5,
    ),
    ascii_only=st.booleans(),
)
def test_jsonl_normalizes_exactly_the_named_fields(
    records: list[dict[str, object]], ascii_only: bool
) -> None:
    data = "".join(json.dumps(r, ensure_ascii=ascii_only) + "\n" for r in records).encode()
    code, out = cli(["--jsonl", "-f", "text", "-f", "meta.title", "-p", "clean"], data)
    assert code == 0
    pipe = arnorm.preset("clean")
    got = [json.loads(line) for line in out.decode().split("\n")[:-1]]
    assert len(got) == len(records)
    for before, after in zip(records, got):
        expected = json.loads(json.dumps(before))
        if isinstance(expected["text"], str):
            expected["text"] = pipe(expected["text"])
        if "meta" in expected:
            expected["meta"]["title"] = pipe(expected["meta"]["title"])
        assert after == expected
        assert list(after) == list(before)


# Every stage variant and preset of test_properties, on any text (not only words joined by
# spaces): the cuts a stage's declared context allows must give the whole line's output.
@pytest.mark.slow
@pytest.mark.parametrize("pipe", ALL_PIPELINES, ids=ALL_IDS)
@settings(max_examples=max(EXAMPLES // 4, 10))
@given(
    text=st.lists(
        st.one_of(arabic_text(max_tokens=12, lines=False), any_unicode_text(surrogates=False)), max_size=6
    ).map(" ".join),
    max_line=st.integers(4, 40),
)
def test_declared_contexts_make_cuts_invisible(pipe: arnorm.Pipeline, text: str, max_line: int) -> None:
    # One line, valid UTF-8 (any_unicode_text(surrogates=False) still draws lone surrogates).
    text = "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF).replace("\n", " ").replace("\r", " ")
    sink = io.BytesIO()
    with chunking(3, max_line=max_line):
        _io.run(pipe, [_io.Source("x", stream=io.BytesIO(text.encode()))], sink)
    assert sink.getvalue().decode() == by_lines(pipe, text)
