"""Speed of arnorm's transliteration beside CAMeL Tools' CharMapper, same text, same process.

    python benchmarks/translit_speed.py                 # classical_tashkeela.txt
    python benchmarks/translit_speed.py --repeat 7 --file quran_uthmani.txt
    python benchmarks/translit_speed.py --target-only   # the performance issue's figure only

First, the performance target: ``transliterate(news, scheme="buckwalter")``
on the news corpus (``--news-file``), whole text as one string, beside a UTF-8
encode + decode of the same text in the same process (a floor every text
transform pays; its ratio is what to compare across loaded machines).

Prints MB/s (UTF-8 megabytes of input per second, best of ``--repeat`` runs)
for each lossless scheme in both directions, on the whole file as one string
and line by line, then CAMeL Tools' ``CharMapper`` built-in maps on the same
input (when installed), ``str.translate`` with the same table as a baseline,
and the romanization standards (words per second; a Python rule engine, not
a character map).  Every arnorm output is checked against CAMeL's before it
is timed.
"""

from __future__ import annotations

import argparse
import functools
from typing import Any

from _timing import CORPUS, best_seconds  # benchmarks/_timing.py

from arnorm.translit import ROMANIZATION_STANDARDS, to_arabic, transliterate
from arnorm.translit.romanize import romanize, romanize_word
from arnorm.translit.schemes import encoder

CAMEL = {"buckwalter": "bw", "safe-buckwalter": "safebw", "xml-buckwalter": "xmlbw", "hsb": "hsb"}


def rate(megabytes: float, seconds: float) -> str:
    return f"{megabytes / seconds:9.1f} MB/s"


def row(scheme: str, direction: str, source: str, table: dict[int, str], repeat: int, mapper_class: Any) -> str:
    """One line of the table: arnorm on the whole text and per line, CAMeL, str.translate."""

    def ours(s: str) -> str:
        return transliterate(s, scheme) if direction == "to-latin" else to_arabic(s, scheme)

    src_lines = source.splitlines(keepends=True)
    src_mb = len(source.encode("utf-8")) / 1e6
    t_text = best_seconds(lambda: ours(source), repeat)
    t_lines = best_seconds(lambda: [ours(line) for line in src_lines], repeat)
    t_translate = best_seconds(lambda: source.translate(table), repeat)
    camel_cell, ratio = "-", ""
    if mapper_class is not None and scheme in CAMEL:
        code = CAMEL[scheme]
        mapper = mapper_class.builtin_mapper(f"ar2{code}" if direction == "to-latin" else f"{code}2ar")
        assert mapper.map_string(source) == ours(source), f"{scheme} {direction} differs from CAMeL"
        t_camel = best_seconds(lambda: mapper.map_string(source), repeat)
        camel_cell, ratio = rate(src_mb, t_camel), f"{t_camel / t_text:8.0f}x"
    return (f"{scheme:20} {direction:10} {rate(src_mb, t_text):>14} {rate(src_mb, t_lines):>14} "
            f"{camel_cell:>14} {rate(src_mb, t_translate):>14} {ratio:>9}")


#: The performance issue's target for ``transliterate(news, scheme="buckwalter")``, MB/s.
TARGET_MB_S = 300.0


def target(news_file: str, repeat: int) -> None:
    """Print the buckwalter rate on news text beside UTF-8 encode + decode (same process)."""
    news = (CORPUS / news_file).read_text(encoding="utf-8")
    mb = len(news.encode("utf-8")) / 1e6
    t_bw = best_seconds(lambda: transliterate(news, "buckwalter"), repeat)
    t_utf8 = best_seconds(lambda: news.encode("utf-8").decode("utf-8"), repeat)
    verdict = "meets" if mb / t_bw >= TARGET_MB_S else "BELOW"
    print(f"{news_file}: {mb:.2f} MB; best of {repeat}")
    print(f"transliterate(text, scheme='buckwalter') {rate(mb, t_bw)}  ({verdict} the {TARGET_MB_S:.0f} MB/s target)")
    print(f"UTF-8 encode + decode                    {rate(mb, t_utf8)}  (buckwalter / UTF-8 = {t_utf8 / t_bw:.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--file", default="classical_tashkeela.txt")
    parser.add_argument("--news-file", default="news_saudinewsnet.txt")
    parser.add_argument("--target-only", action="store_true", help="print only the buckwalter-on-news figure")
    parser.add_argument("--romanize-lines", type=int, default=300, help="lines for the (slow) standards")
    args = parser.parse_args()

    target(args.news_file, args.repeat)
    if args.target_only:
        return
    print()

    text = (CORPUS / args.file).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    mb = len(text.encode("utf-8")) / 1e6
    print(f"{args.file}: {mb:.2f} MB, {len(text):,} characters, {len(lines):,} lines; best of {args.repeat}")

    try:
        from camel_tools.utils.charmap import CharMapper  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - optional peer
        CharMapper = None
        print("camel-tools not installed: peers skipped")

    print(f"\n{'scheme':20} {'direction':10} {'arnorm text':>14} {'arnorm lines':>14} "
          f"{'CAMeL':>14} {'str.translate':>14} {'vs CAMeL':>9}")
    for scheme in ("buckwalter", "safe-buckwalter", "xml-buckwalter", "hsb", "buckwalter-quranic"):
        encoded = transliterate(text, scheme)
        table = {ord(k): v for k, v in encoder(scheme).mapping.items()}
        inverse = {ord(v): k for k, v in encoder(scheme).mapping.items()}
        for direction, source, translate_table in (("to-latin", text, table), ("to-arabic", encoded, inverse)):
            print(row(scheme, direction, source, translate_table, args.repeat, CharMapper))

    sample = "".join(lines[: args.romanize_lines])
    words = len(sample.split())
    print(f"\nromanization standards on the first {args.romanize_lines} lines ({words:,} words)")
    for standard in ROMANIZATION_STANDARDS:
        romanize_word.cache_clear()
        run = functools.partial(romanize, sample, standard, vocalize=False)
        cold = best_seconds(run, 1)
        warm = best_seconds(run, args.repeat)
        print(f"{standard:12} cold cache {words / cold:10,.0f} words/s   warm cache {words / warm:10,.0f} words/s")


if __name__ == "__main__":
    main()
