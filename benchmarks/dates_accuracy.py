"""Accuracy of ``arnorm.dates.find_dates`` against a date test suite, beside dateparser.

Usage (from the project root)::

    python benchmarks/dates_accuracy.py                      # ../shared/data/dates_dev.tsv
    python benchmarks/dates_accuracy.py --data other.tsv --errors
    python benchmarks/dates_accuracy.py --no-speed

Input: a TSV with a header and the columns ``arabic_text``, ``expected``,
``source`` (the format of ``../shared/data/dates_dev.tsv``; ``\\\\``, ``\\t``,
``\\n`` escaped).  ``expected`` is ``date=ISO``, ``datetime=ISO``,
``hijri:Y-M-D`` or ``interval=A/B``, followed by ``(ref DATE=...)`` or
``(ref NOW=...)``: each row carries its own reference date.

Which rows are scored.  The suites resolve every expression to a full
timestamp, filling the fields the expression does not name from the
reference (``هذا العام`` -> the reference day, ``الساعة ٣`` -> the reference
date at 03:00).  A row is *day precision* when its expected value is a single
point (not an interval) whose day of the month differs from the reference's
(for ``hijri:`` rows, whose Hijri day differs from the reference's Hijri
day): the expression then named or computed a day.  Rows whose answer falls
on the reference's day of the month are left out as undecidable (on
``dates_dev.tsv``, reference 2021-09-01, that also drops a few genuine day
expressions such as ``اليوم`` and ``١ سبتمبر``); the count of every group is
printed.  A scored row is right when the *first* match has the expected
Gregorian date: its ``date``, or, for a match without one (a week such as
``الأسبوع القادم``, a month part such as ``بداية رمضان``), its ``start_date``,
the first day it covers - the suites resolve a period to its first day.  dateparser runs on the same rows: the first result of
``dateparser.search.search_dates(text, languages=["ar"],
settings={"RELATIVE_BASE": ref})``.

Speed: ``find_dates`` (no reference date) over each whole corpus file of
``../shared/corpus`` (news, classical, Quran), in MB of UTF-8 per second,
best of three runs.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arnorm.dates import find_dates
from arnorm.dates.calendar import gregorian_to_hijri, hijri_to_gregorian

SHARED = ROOT.parent / "shared"
CORPUS_FILES = ("news_saudinewsnet.txt", "classical_tashkeela.txt", "quran_uthmani.txt")
_EXPECTED = re.compile(r"^(date=|datetime=|hijri:|interval=)(\S+)\s+\(ref (?:DATE|NOW)=([0-9T:\-]+)\)")


@dataclass(frozen=True)
class Row:
    """One test row."""

    text: str
    kind: str
    value: str
    ref: datetime.datetime
    source: str

    @property
    def expected(self) -> datetime.date | None:
        """The expected Gregorian date of a point row, None for intervals."""
        if self.kind == "interval=":
            return None
        if self.kind == "hijri:":
            y, m, d = (int(x) for x in self.value.split("-"))
            return hijri_to_gregorian(y, m, d)
        return datetime.date.fromisoformat(self.value[:10])

    @property
    def day_precision(self) -> bool:
        """See the module docstring."""
        if self.kind == "interval=":
            return False
        if self.kind == "hijri:":
            return int(self.value.split("-")[2]) != gregorian_to_hijri(self.ref.date())[2]
        return int(self.value[8:10]) != self.ref.day


def _unescape(field: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "\\": "\\"}.get(m.group(1), m.group(0)), field)


def load(path: Path) -> list[Row]:
    """Read a suite file; raises ``ValueError`` naming the line of a malformed row."""
    rows = []
    lines = path.read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise ValueError(f"{path}:{number}: expected 3 tab-separated fields, got {len(fields)}")
        text, expected, source = (_unescape(f) for f in fields)
        m = _EXPECTED.match(expected)
        if not m:
            raise ValueError(f"{path}:{number}: cannot read expected value {expected!r}")
        ref = datetime.datetime.fromisoformat(m.group(3))
        rows.append(Row(text, m.group(1), m.group(2), ref, source))
    return rows


def arnorm_first(row: Row, weekdays: str) -> datetime.date | None:
    matches = find_dates(row.text, ref=row.ref.date(), weekdays=weekdays)  # type: ignore[arg-type]
    if not matches:
        return None
    return matches[0].date or matches[0].start_date


def dateparser_first(row: Row) -> datetime.date | None:
    from dateparser.search import search_dates

    try:
        found = search_dates(row.text, languages=["ar"], settings={"RELATIVE_BASE": row.ref})
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input: no answer
        return None
    return found[0][1].date() if found else None


def speed(corpus: Path) -> list[tuple[str, float, float, int]]:
    """``(file, MB, MB/s, matches)`` of find_dates over each corpus file."""
    out = []
    find_dates("٢٦ مايو ٢٠١٩")  # build the lexicon and pattern outside the timing
    for name in CORPUS_FILES:
        path = corpus / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        mb = len(text.encode("utf-8")) / 1e6
        best = float("inf")
        for _ in range(3):  # best of three: the machine is shared
            t0 = time.perf_counter()
            n = len(find_dates(text))
            best = min(best, time.perf_counter() - t0)
        dt = best
        out.append((name, mb, mb / dt, n))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "dates_dev.tsv")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument(
        "--weekdays",
        default="on_or_after",
        help="second weekday rule to report beside the default 'nearest' (default: on_or_after, "
        "the convention of Maha and duckling for a weekday named alone)",
    )
    ap.add_argument("--errors", action="store_true", help="list the scored rows arnorm gets wrong")
    ap.add_argument("--no-speed", action="store_true", help="skip the corpus throughput measurement")
    args = ap.parse_args(argv)

    rows = load(args.data)
    scored = [r for r in rows if r.day_precision]
    kinds: dict[str, int] = {}
    for r in rows:
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
    warnings.filterwarnings("ignore")
    ours = [arnorm_first(r, "nearest") for r in scored]
    ours_alt = [arnorm_first(r, args.weekdays) for r in scored]
    theirs = [dateparser_first(r) for r in scored]
    ok_ours = sum(o == r.expected for o, r in zip(ours, scored))
    ok_alt = sum(o == r.expected for o, r in zip(ours_alt, scored))
    ok_theirs = sum(o == r.expected for o, r in zip(theirs, scored))
    n = len(scored)
    print(f"suite: {args.data}")
    print(f"rows total: {len(rows)} ({', '.join(f'{k[:-1]} {v}' for k, v in sorted(kinds.items()))})")
    print(f"rows in scope (day precision): {n}; left out: {len(rows) - n} "
          f"(intervals {kinds.get('interval=', 0)}, answer on the reference's day of the month "
          f"{len(rows) - n - kinds.get('interval=', 0)})")
    print(f"arnorm find_dates (default, weekdays=nearest): {ok_ours}/{n} = {100 * ok_ours / max(n, 1):.1f}%")
    print(f"arnorm find_dates (weekdays={args.weekdays}): {ok_alt}/{n} = {100 * ok_alt / max(n, 1):.1f}%")
    print(f"dateparser search_dates: {ok_theirs}/{n} = {100 * ok_theirs / max(n, 1):.1f}%")
    points = [r for r in rows if r.kind != "interval="]
    all_ours = sum(arnorm_first(r, "nearest") == r.expected for r in points)
    all_theirs = sum(dateparser_first(r) == r.expected for r in points)
    print(
        f"for information, every non-interval row ({len(points)}; year, month and clock-time rows "
        f"expect the reference's day filled in): arnorm {100 * all_ours / max(len(points), 1):.1f}%, "
        f"dateparser {100 * all_theirs / max(len(points), 1):.1f}%"
    )
    if args.errors:
        print("\narnorm errors, default options (text | expected | got):")
        for r, o in zip(scored, ours):
            if o != r.expected:
                print(f"  {r.text.strip()} | {r.expected} | {o}")
    if not args.no_speed:
        print("\nfind_dates throughput (ref=None):")
        for name, mb, rate, count in speed(args.corpus):
            print(f"  {name}: {mb:.2f} MB, {rate:.2f} MB/s, {count} matches")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
