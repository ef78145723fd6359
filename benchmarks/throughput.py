"""Throughput of arnorm's presets beside peer libraries, same text, same process.

    python benchmarks/throughput.py            # news + classical + Quran
    python benchmarks/throughput.py --repeat 7

Prints MB/s (UTF-8 megabytes of input per second, best of ``--repeat`` runs)
for each preset, on the whole text as one string and line by line through
``Pipeline.stream``, then the peers doing the work of the ``search`` preset
they can do, with arnorm's ratio to each.  Peers that are not installed are
skipped (``pip install -e '.[bench]'`` installs them; CAMeL Tools needs
``pip install --no-deps camel-tools emoji six``).
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable

from _timing import CORPUS, best_seconds  # benchmarks/_timing.py

import arnorm

FILES = ("news_saudinewsnet.txt", "classical_tashkeela.txt", "quran_uthmani.txt")




def peers() -> dict[str, Callable[[str], str]]:
    """Each peer's closest equivalent of the search preset's letter work."""
    found: dict[str, Callable[[str], str]] = {}
    try:
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import (
            normalize_alef_ar,
            normalize_alef_maksura_ar,
            normalize_teh_marbuta_ar,
        )

        found["camel-tools (dediac+alef+maksura+teh)"] = lambda s: normalize_teh_marbuta_ar(
            normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(s)))
        )
    except ImportError:
        pass
    try:
        from pyarabic import araby

        found["pyarabic (tashkeel+tatweel+hamza)"] = lambda s: araby.normalize_hamza(
            araby.strip_tatweel(araby.strip_tashkeel(s)), method="tasheel"
        )
    except ImportError:
        pass
    try:
        import arabic_normalize

        found["arabic-normalize (Rust, search)"] = arabic_normalize.normalize_for_search
    except ImportError:
        pass
    try:
        import arabic_norm

        found["arabic-norm (Rust, +ta_marbuta)"] = lambda s: arabic_norm.normalize(s, ta_marbuta=True)
    except ImportError:
        pass
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--files", nargs="*", default=list(FILES))
    args = parser.parse_args()
    texts = {name: (CORPUS / name).read_text(encoding="utf-8") for name in args.files}
    corpora = dict(texts)
    if len(texts) > 1:
        corpora["news+classical"] = texts.get(FILES[0], "") + texts.get(FILES[1], "")
    rows: list[tuple[str, str, float]] = []
    for corpus, text in corpora.items():
        mb = len(text.encode("utf-8")) / 1e6
        lines = text.splitlines(keepends=True)
        for name in arnorm.PRESETS:
            pipe = arnorm.preset(name)
            pipe(text[:1000])  # compile outside the timing
            whole = functools.partial(pipe, text)
            streamed = functools.partial(lambda p, ls: list(p.stream(ls)), pipe, lines)
            rows.append((corpus, f"arnorm {name}", mb / best_seconds(whole, args.repeat)))
            rows.append((corpus, f"arnorm {name} (stream)", mb / best_seconds(streamed, args.repeat)))
        for peer, func in peers().items():
            rows.append((corpus, peer, mb / best_seconds(functools.partial(func, text), args.repeat)))
        round_trip = functools.partial(lambda t: t.encode().decode(), text)
        rows.append((corpus, "utf-8 encode+decode", mb / best_seconds(round_trip, args.repeat)))
    width = max(len(r[1]) for r in rows)
    for corpus, text in corpora.items():
        print(f"\n## {corpus} ({len(text.encode()) / 1e6:.1f} MB)")
        search = next(v for c, n, v in rows if c == corpus and n == "arnorm search")
        print(f"{'':{width}}  {'MB/s':>8}  search/this")
        for c, name, value in rows:
            if c == corpus:
                print(f"{name:{width}}  {value:8.1f}  {search / value:10.2f}x")


if __name__ == "__main__":
    main()
