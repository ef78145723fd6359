"""Build ``arnorm/data/word_counts.json``: Arabic word frequencies for clitic splitting.

The tokenizer's clitic rules ask whether the rest of a word is itself a word,
and how common it is compared with the whole (``وصل`` stays whole because
``صل`` is rare; ``وقال`` splits because ``قال`` is common).  The frequencies
come from wordfreq's Arabic "large" list (Speer, wordfreq 3.1: Wikipedia,
subtitles, news, web text and Twitter; data licensed CC BY-SA 4.0), as counts
per ten million words, keyed by the clitic module's folding (marks and tatweel
removed, hamza seats and alef variants folded).  The reference corpus in
``../shared/`` is not used: its news part may not be shipped.

    pip install wordfreq && python scripts/build_word_counts.py
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from arnorm.clitics import fold_key

ROOT = Path(__file__).resolve().parents[1]


def counts(n: int, min_zipf: float) -> dict[str, int]:
    """Counts per ten million words of the ``n`` most frequent Arabic words, folded and summed."""
    import wordfreq

    out: collections.Counter[str] = collections.Counter()
    for word in wordfreq.top_n_list("ar", n, wordlist="large"):
        zipf = wordfreq.zipf_frequency(word, "ar", wordlist="large")
        key = fold_key(word)
        if zipf >= min_zipf and len(key) >= 2 and key.isalpha():
            out[key] += round(10 ** (zipf - 2))
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=80_000)
    parser.add_argument("--min-zipf", type=float, default=2.0)
    parser.add_argument("--out", type=Path, default=ROOT / "arnorm" / "data" / "word_counts.json")
    args = parser.parse_args()
    kept = counts(args.words, args.min_zipf)
    document = {
        "name": "word_counts",
        "description": "Arabic word frequencies (per ten million words), for the tokenizer's clitic decisions.",
        "source": f"wordfreq 3.1 Arabic 'large' list, top {args.words} words with Zipf >= {args.min_zipf}, "
        "folded by arnorm.clitics.fold_key (scripts/build_word_counts.py). Robyn Speer, wordfreq, "
        "doi:10.5281/zenodo.7199437; data licensed CC BY-SA 4.0 (this file is too).",
        "counts": kept,
    }
    args.out.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(kept)} words -> {args.out}")


if __name__ == "__main__":
    main()
