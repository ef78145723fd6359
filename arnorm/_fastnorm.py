"""NFC and NFKC of long texts, vectorised over UTF-16 code units.

``unicodedata.normalize`` runs a quick check and returns its input when it
passes; when one character fails it normalizes the whole string, at ~10 MB/s
on vocalized Arabic.  Fully vocalized text fails everywhere: a shadda written
before its vowel (ccc 33 before ccc 30) is out of canonical order, and the
Quran's madda (U+0653) may compose with the letter before it.  This module
does the quick check with NumPy and repairs only what fails:

* a run of exactly two combining marks out of order, both of which are
  normalized on their own and compose with nothing, is swapped in place
  (that is all canonical reordering does to it);
* every other failure is normalized by ``unicodedata`` on its *segment*: from
  the last safe character before it to the next safe character after it,
  where a safe character has ccc 0, is unchanged by the form and never
  combines with what precedes it.  Normalization never crosses a safe
  character, so the segments can be normalized apart and spliced back.

The tables come from ``unicodedata`` itself, built on first use, so the
result is exactly ``unicodedata.normalize(form, text)`` for the Python that
runs it; ``tests/test_fastnorm.py`` checks that on arbitrary text and on
every BMP code point.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any, Literal

from ._fastmap import line_slices, numpy

__all__ = ["normalize"]

Form = Literal["NFC", "NFKC"]


@functools.cache
def _compositions() -> dict[int, int]:
    """Canonical compositions within the BMP: ``first << 16 | second`` -> composite."""
    out: dict[int, int] = {}
    for cp in range(0x30000):
        fields = unicodedata.decomposition(chr(cp)).split()
        if len(fields) == 2 and not fields[0].startswith("<"):
            first, second = (int(f, 16) for f in fields)
            if unicodedata.normalize("NFC", chr(first) + chr(second)) == chr(cp) and second <= 0xFFFF:
                out[first << 16 | second] = cp
    return out


@functools.cache
def _combines_back() -> frozenset[int]:
    """BMP code points that canonical composition can join to the character before them."""
    hangul = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))  # Hangul V and T jamo
    return frozenset(hangul | {key & 0xFFFF for key in _compositions()})


@functools.cache
def _tables(form: Form) -> tuple[Any, Any]:
    """``(ccc, ok)`` over the 64K code units: canonical combining class, and
    whether the unit is unchanged by ``form`` on its own and never combines
    back (surrogates are never ok)."""
    np = numpy()
    back = _combines_back()
    ccc = np.zeros(0x10000, dtype=np.uint8)
    ok = np.zeros(0x10000, dtype=bool)
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        char = chr(cp)
        ccc[cp] = unicodedata.combining(char)
        ok[cp] = cp not in back and unicodedata.normalize(form, char) == char
    return ccc, ok


def normalize(form: str, text: str) -> str | None:
    """``unicodedata.normalize(form, text)`` for NFC/NFKC; ``None`` for other
    forms, when NumPy is absent, or for text with lone surrogates."""
    if form not in ("NFC", "NFKC") or numpy() is None:
        return None
    pieces = []
    for start, end in line_slices(text):  # a line break is safe: cut after it
        out = _normalize_slice(form, text[start:end])  # type: ignore[arg-type]
        if out is None:
            return None
        pieces.append(out)
    return "".join(pieces)


def _normalize_slice(form: Form, text: str) -> str | None:
    np = numpy()
    try:
        units = np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16)
    except UnicodeEncodeError:
        return None
    ccc_table, ok_table = _tables(form)
    ccc = ccc_table.take(units)
    ok = ok_table.take(units)
    after = np.flatnonzero((ccc[1:] != 0) & (ccc[:-1] > ccc[1:])) + 1  # out of canonical order
    if not len(after) and ok.all():
        return text
    units = units.copy()
    simple = ok[after] & ok[after - 1]
    simple &= np.concatenate((ccc[:1] * 0, ccc[:-1]))[after - 1] == 0  # run starts at after-1
    simple &= np.concatenate((ccc[1:], ccc[:1] * 0))[after] == 0  # and ends at after
    swap = after[simple]
    units[swap - 1], units[swap] = units[swap], units[swap - 1].copy()
    ccc[swap - 1], ccc[swap] = ccc[swap], ccc[swap - 1].copy()
    notok, composed = _compose_pairs(units, ok, ccc, form)
    hard = np.union1d(notok, after[~simple])
    out = _splice(form, units, hard, np.flatnonzero(ok & (ccc == 0))) if len(hard) else None
    out = str(memoryview(units), "utf-16-le") if out is None else out
    return out.replace("\uffff", "") if composed else out


def _compose_pairs(units: Any, ok: Any, ccc: Any, form: Form) -> tuple[Any, bool]:
    """Compose in place each character that combines back (Arabic madda, hamza)
    standing alone between two safe characters.

    Returns the other units that are not ok, and whether a pair was composed:
    a composed pair leaves U+FFFF in place of its mark, which the caller
    deletes (text with a U+FFFF of its own skips this step)."""
    np = numpy()
    notok = np.flatnonzero(~ok)
    if not len(notok) or (units == 0xFFFF).any():
        return notok, False
    safe = ok & (ccc == 0)
    n = len(units)
    cand = notok[(notok > 0) & (notok < n - 1)]
    cand = cand[safe[cand - 1] & safe[cand + 1] & _alone_ok(form).take(units[cand])]
    keys, values = _pair_arrays()
    pairs = (units[cand - 1].astype(np.uint32) << 16) | units[cand]
    found = np.searchsorted(keys, pairs).clip(0, len(keys) - 1)
    hit = keys[found] == pairs
    units[cand[hit] - 1] = values[found[hit]]
    units[cand[hit]] = 0xFFFF
    return np.setdiff1d(notok, cand, assume_unique=True), bool(hit.any())


@functools.cache
def _pair_arrays() -> tuple[Any, Any]:
    np = numpy()
    items = sorted(_compositions().items())
    keys = np.array([k for k, _ in items], dtype=np.uint32)
    values = np.array([v for _, v in items], dtype=np.uint16)
    return keys, values


@functools.cache
def _alone_ok(form: Form) -> Any:
    """Units that combine back through the composition table (not Hangul jamo,
    which compose by rule) and that ``form`` leaves unchanged on their own."""
    np = numpy()
    table = np.zeros(0x10000, dtype=bool)
    for key in _compositions():
        cp = key & 0xFFFF
        table[cp] = unicodedata.normalize(form, chr(cp)) == chr(cp)
    return table


def _splice(form: Form, units: Any, hard: Any, safe: Any) -> str:
    """Normalize the segment around each ``hard`` unit with ``unicodedata`` and splice."""
    np = numpy()
    n = len(units)
    if not len(safe):
        return unicodedata.normalize(form, str(memoryview(units), "utf-16-le"))
    at = np.searchsorted(safe, hard)
    starts = np.where(at > 0, safe[np.maximum(at - 1, 0)], 0)
    at = np.searchsorted(safe, hard, "right")
    ends = np.where(at < len(safe), safe[np.minimum(at, len(safe) - 1)], n)
    pieces: list[str] = []
    done = 0
    for start, end in zip(*np.unique(np.stack((starts, ends)), axis=1).tolist()):
        if start < done:  # the same segment again (several hard units in it)
            continue
        pieces.append(str(memoryview(units[done:start]), "utf-16-le"))
        pieces.append(unicodedata.normalize(form, str(memoryview(units[start:end]), "utf-16-le")))
        done = end
    pieces.append(str(memoryview(units[done:]), "utf-16-le"))
    return "".join(pieces)
