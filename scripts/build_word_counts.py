"""Build ``arnorm/data/word_counts.json``: word frequencies for clitic splitting.

The tokenizer's clitic rules ask whether the rest of a word is itself a word,
and how common it is compared with the whole (``وصل`` stays whole because
``صل`` is rare; ``وقال`` splits because ``قال`` is common).  The counts come
from the news and classical parts of the reference corpus, after the
``search`` preset, keeping words seen at least ``--min-count`` times.

    python scripts/build_word_counts.py ../shared/corpus/news_saudinewsnet.txt \\
        ../shared/corpus/classical_tashkeela.txt
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

import regex

import arnorm

ROOT = Path(__file__).resolve().parents[1]
_ARABIC_WORD = regex.compile(r"[\p{scx=Arab}&&\p{L}]+", regex.V1)


def count_words(paths: list[Path]) -> collections.Counter[str]:
    """Counts of the Arabic words of ``paths`` after the ``search`` preset."""
    search = arnorm.preset("search")
    counts: collections.Counter[str] = collections.Counter()
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                counts.update(_ARABIC_WORD.findall(search(line)))
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "arnorm" / "data" / "word_counts.json")
    args = parser.parse_args()
    counts = count_words(args.corpus)
    kept = {w: c for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if c >= args.min_count}
    document = {
        "name": "word_counts",
        "description": "Frequencies of Arabic words after the search preset, for the tokenizer's clitic decisions.",
        "source": "arnorm reference corpus: "
        + ", ".join(p.name for p in args.corpus)
        + f" (words seen at least {args.min_count} times; scripts/build_word_counts.py)",
        "total": sum(counts.values()),
        "counts": kept,
    }
    args.out.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(kept)} words of {len(counts)} distinct, {document['total']} tokens -> {args.out}")


if __name__ == "__main__":
    main()
