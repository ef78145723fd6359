"""Quran word match: Uthmani spelling against standard spelling after normalizing.

    python benchmarks/quran_match.py                  # dev verses, every preset and peer
    python benchmarks/quran_match.py --show 20        # also print 20 unmatched word pairs
    python benchmarks/quran_match.py --file PATH      # another verse/uthmani/standard TSV

Reads ``../shared/data/quran_uthmani_standard_dev.tsv`` (verse, Uthmani text,
the same verse in Tanzil's standard "simple-clean" spelling).  Each normalizer
is applied to both sides; both are split on whitespace; tokens made only of
Quranic pause marks and symbols (U+06D6-U+06ED, U+06DD END OF AYAH, U+06DE
RUB EL HIZB, U+06E9 SAJDAH) are dropped; the two word lists are aligned with
:class:`difflib.SequenceMatcher` (``autojunk=False``) and the matched words
are counted.  The score is matched words / standard words, over all verses.
Peers that are not installed are skipped.  ``clean`` keeps the harakat that
the standard side lacks, so it matches no word by design.
"""

from __future__ import annotations

import argparse
import difflib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from run import peers  # benchmarks/run.py: the peers installed here, named as in its table

import arnorm

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "quran_uthmani_standard_dev.tsv"

#: Characters a pause-mark token may consist of (after any normalizer).
_PAUSE = frozenset(chr(c) for c in range(0x06D6, 0x06EE)) | {"\u06dd", "\u06de", "\u06e9"}


def read_pairs(path: Path) -> list[tuple[str, str]]:
    """The (uthmani, standard) pairs of a verse TSV, header skipped."""
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return [(r.split("\t")[1], r.split("\t")[2]) for r in rows if r.strip()]


def words(text: str) -> list[str]:
    """Whitespace tokens of ``text`` that are not pause marks or Quranic symbols."""
    return [w for w in text.split() if not set(w) <= _PAUSE]


def score(
    func: Callable[[str], str], pairs: list[tuple[str, str]], misses: Counter[tuple[str, str]] | None = None
) -> float:
    """Matched standard words / standard words after ``func`` on both sides."""
    matched = total = 0
    for uthmani, standard in pairs:
        a, b = words(func(uthmani)), words(func(standard))
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        matched += sum(block.size for block in matcher.get_matching_blocks())
        total += len(b)
        if misses is not None:
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag != "equal":
                    misses[(" ".join(a[i1:i2]), " ".join(b[j1:j2]))] += 1
    return matched / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, default=DATA)
    parser.add_argument("--show", type=int, default=0, help="print the N most frequent misses of search")
    args = parser.parse_args()
    pairs = read_pairs(args.file)
    print(f"{args.file.name}: {len(pairs)} verses, {sum(len(words(s)) for _, s in pairs)} standard words")
    rows: dict[str, Callable[[str], str]] = {f"arnorm {name}": arnorm.preset(name) for name in arnorm.PRESETS}
    # The uthmani stage alone, dediacritized: exact standard spelling (hamza seats and alef forms count).
    rows["arnorm uthmani,diacritics (exact spelling)"] = arnorm.Pipeline(["uthmani", "diacritics"])
    rows.update(peers())
    width = max(map(len, rows))
    misses: Counter[tuple[str, str]] = Counter()
    for label, func in rows.items():
        value = score(func, pairs, misses if label == "arnorm search" else None)
        print(f"{label:{width}}  {value:.4f}")
    for (a, b), n in misses.most_common(args.show):
        print(f"{n:5d}  {a!r:40} {b!r}")


if __name__ == "__main__":
    main()
