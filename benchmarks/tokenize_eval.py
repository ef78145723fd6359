#!/usr/bin/env python3
"""Clitic-splitting accuracy of ``tokenize(word, clitics=True)`` and ``tokenize`` throughput.

    export PYTHONPATH=$PWD
    python benchmarks/tokenize_eval.py            # accuracy + speed on the whole news corpus
    python benchmarks/tokenize_eval.py --quick    # accuracy + speed on its first 1 MB
    python benchmarks/tokenize_eval.py --no-speed # accuracy and the error list only
    python benchmarks/tokenize_eval.py --sample   # redo the gold sample's draw (words only)

Accuracy is measured against ``tests/data/clitic_gold.tsv`` (word, gold, note):
292 words of ``../shared/corpus/news_saudinewsnet.txt`` segmented by hand,
the proclitics (conjunction و ف, preposition ب ك ل - the ``ل`` of purpose or
command before a verb included -, future س, article ال, ``لل`` = ل + the
article written ``ل``) joined to the rest by ``+``; pronoun suffixes are not
split.  The draw (``draw_sample`` below): the distinct runs of 2+ Arabic
letters (U+0621-063A, U+0641-064A) of the corpus, sorted; 240 drawn with
``random.Random(2026).sample`` from those starting with و ف ب ك ل س and then
60 from the others (this second group holds the ال words); the 8 draws that are
fragments of vocalized words cut at a diacritic (never a whole word in the
corpus: ``لتج`` of ``لتجّارها`` ...) were dropped, leaving 292.

Figures: exact-segmentation accuracy per word (all words, words with a gold
proclitic, words without), precision and recall of the cut points, the
errors (each with the gold note), then tokens/s and MB/s (UTF-8 megabytes of
input per second, best of 3) of ``tokenize`` with and without the ``search``
pipeline, with and without ``clitics=True``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

from _timing import CORPUS, best_seconds  # benchmarks/_timing.py

from arnorm.tokens import tokenize

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "clitic_gold.tsv"
NEWS = CORPUS / "news_saudinewsnet.txt"
SEED = 2026
#: Draws dropped from the sample: fragments of vocalized words (see the module docstring).
FRAGMENTS = frozenset(["سلمة", "لتج", "للت", "وتعه", "ومي", "ويكف", "خنزير", "نح"])


def draw_sample(text: str) -> list[str]:
    """The words of the gold file, in its order, drawn again from the corpus text."""
    words = sorted({w for w in re.findall(r"[\u0621-\u063A\u0641-\u064A]+", text) if len(w) >= 2})
    proclitic = [w for w in words if w[0] in "وفبكلس"]
    other = [w for w in words if w[0] not in "وفبكلس"]
    rng = random.Random(SEED)
    drawn = sorted(rng.sample(proclitic, 240)) + sorted(rng.sample(other, 60))
    return [w for w in drawn if w not in FRAGMENTS]


def load_gold(path: Path = GOLD) -> list[tuple[str, str, str]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        assert header == ["word", "gold", "note"], header
        for line in f:
            word, gold, note = line.rstrip("\n").split("\t")
            rows.append((word, gold, note))
    return rows


def segment(word: str) -> str:
    """``tokenize``'s segmentation of one word, pieces joined by ``+``."""
    return "+".join(t.text for t in tokenize(word, clitics=True))


def cuts(segmentation: str) -> set[int]:
    points, at = set(), 0
    for piece in segmentation.split("+")[:-1]:
        at += len(piece)
        points.add(at)
    return points


def score(rows: list[tuple[str, str, str]]) -> dict[str, object]:
    """Accuracy, cut precision/recall and the errors of ``segment`` on gold rows."""
    errors, right = [], Counter()
    tp = fp = fn = 0
    for word, gold, note in rows:
        predicted = segment(word)
        group = "with proclitic" if "+" in gold else "without"
        right[group, predicted == gold] += 1
        if predicted != gold:
            errors.append((word, gold, predicted, note))
        g, p = cuts(gold), cuts(predicted)
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    total = len(rows)
    correct = total - len(errors)
    return {
        "words": total,
        "accuracy": correct / total,
        "groups": {
            group: (right[group, True], right[group, True] + right[group, False])
            for group in ("with proclitic", "without")
        },
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "errors": errors,
    }


def report_accuracy() -> None:
    result = score(load_gold())
    print(f"clitic splitting, {result['words']} hand-segmented news words ({GOLD.name}):")
    print(f"  exact segmentation accuracy {result['accuracy']:.3f}")
    for group, (ok, n) in result["groups"].items():  # type: ignore[attr-defined]
        print(f"    {group:<15} {ok}/{n} = {ok / n:.3f}")
    print(f"  cut points: precision {result['precision']:.3f}, recall {result['recall']:.3f}")
    errors = result["errors"]
    print(f"  errors ({len(errors)}): word | gold | tokenize | gold note")  # type: ignore[arg-type]
    for word, gold, predicted, note in errors:  # type: ignore[attr-defined]
        kind = (
            "over" if cuts(predicted) > cuts(gold) else "under" if cuts(predicted) < cuts(gold) else "wrong"
        )
        print(f"    {kind:<5} {word} | {gold} | {predicted} | {note}")


def report_speed(text: str, label: str) -> None:
    size = len(text.encode("utf-8")) / 1e6
    print(f"\ntokenize throughput on {label} ({size:.1f} MB, best of 3):")
    for pipeline in (None, "search"):
        for clitics in (False, True):
            n = len(tokenize(text, pipeline, clitics=clitics))
            seconds = best_seconds(lambda p=pipeline, c=clitics: tokenize(text, p, clitics=c), 3)
            print(
                f"  pipeline={pipeline!s:<7} clitics={clitics!s:<5} {size / seconds:6.2f} MB/s "
                f"{n / seconds / 1e3:7.0f} k tokens/s ({n} tokens)"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="time on the first 1 MB of the news corpus")
    parser.add_argument("--no-speed", action="store_true", help="accuracy only")
    parser.add_argument("--sample", action="store_true", help="print the gold sample's draw and compare")
    args = parser.parse_args(argv)
    text = NEWS.read_text(encoding="utf-8")
    if args.sample:
        drawn = draw_sample(text)
        print("\n".join(drawn))
        same = drawn == [w for w, _, _ in load_gold()]
        print(f"# {len(drawn)} words; identical to the gold file's words: {same}", file=sys.stderr)
        return 0 if same else 1
    report_accuracy()
    if not args.no_speed:
        if args.quick:
            text = text.encode("utf-8")[:1_000_000].decode("utf-8", "ignore")
            report_speed(text, "the first 1 MB of news_saudinewsnet.txt")
        else:
            report_speed(text, "news_saudinewsnet.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
