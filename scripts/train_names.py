#!/usr/bin/env python3
"""Train the joint-sequence (graphone) n-gram model for Arabic -> Latin names.

The model shipped as ``arnorm/data/names/model.json`` + ``model.npz`` is built by
this script, offline, from public Arabic/Latin name pairs whose licence allows
it (nothing else is read):

* ``names_train.tsv`` (48,464 single-word pairs): google/transliteration
  ``ar2en-train`` (Apache-2.0) and steveash/NETransliteration-COLING2018
  Wikidata names (CC0).  Its curators removed every Arabic form of
  ``names_dev.tsv`` and of the held-out names, so both measure unseen names;
  ``names_dev.tsv`` is never trained on;
* optionally (``--lex-weight``), ``names_lexicon/arabnamer_name_pairs.tsv``
  (arabnamer 0.1.3, CC-BY-4.0, attributed in ``arnorm/data/names/README.md``),
  single-word entries whose Arabic form is not in ``names_dev.tsv``.

Method (Jiampojamarn et al. 2007, "many-to-many alignment"; Bisani & Ney 2008,
"joint-sequence models for grapheme-to-phoneme conversion"):

1. align each pair into chunk pairs ("graphones"): one Arabic letter with
   0-3 Latin letters, by EM over all monotone segmentations (forward-backward),
   then keep each pair's Viterbi segmentation;
2. estimate an interpolated modified Kneser-Ney n-gram model over graphone
   sequences, prune rare high-order n-grams (count cutoff) and renormalize the
   back-off weights;
3. write the vocabulary and metadata as JSON and the n-gram tables as numpy
   arrays.

Usage::

    python scripts/train_names.py [--shared ../shared/data] [--order 5] [--out arnorm/data/names]

Takes about ten minutes on one core.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import math
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arnorm.translit.names.normalize import arabic_words, latin_key

MAX_AR = 1  # longest Arabic chunk of a graphone
MAX_LA = 3  # longest Latin chunk of a graphone
ARTICLE = "\u0627\u0644"  # ال
ARTICLE_LATIN = ("al", "el", "ul", "il", "ol", "a", "e")


# --------------------------------------------------------------------------- data


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file with a header, as dictionaries."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def strip_article(arabic: str, latin: str) -> tuple[str, str] | None:
    """Drop a leading article that the Latin spelling leaves out (البرغوثي, barghouti).

    A Latin spelling that starts with al/el keeps the article on both sides
    (Albert, Alsaleh); arabnamer's programmatic il-/ul-/ol- spellings of the
    article (ilsaleh, ulsaleh) are dropped (``None``): they would teach the
    model to write a vowel + l for the letter after the article.
    """
    if not arabic.startswith(ARTICLE) or len(arabic) <= 3:
        return arabic, latin
    if latin.startswith(("al", "el")):
        return arabic, latin
    if latin.startswith(("il", "ul", "ol")):
        return None
    return arabic[2:], latin


def training_pairs(
    shared: Path, lex_weight: int = 0, count_weight: bool = False
) -> list[tuple[str, str, int]]:
    """(arabic, latin, integer weight) pairs from the allowed sources.

    ``names_train.tsv`` (google/transliteration, Apache-2.0; Wikidata via
    steveash, CC0) is the training set: every Arabic form of ``names_dev.tsv``
    and of the held-out names was removed from it by the data's curators.
    ``names_dev.tsv`` is never read.  With ``lex_weight`` > 0, single-word
    arabnamer pairs (CC-BY-4.0) are added with that weight, minus any whose
    Arabic form is in ``names_dev.tsv`` (so the dev figures stay unseen).
    With ``count_weight``, a Wikidata pair seen n times weighs 1 + log2(n).
    """
    pairs: collections.Counter[tuple[str, str]] = collections.Counter()
    n_train = n_lex = 0
    for row in read_tsv(shared / "names_train.tsv"):
        words, latin = arabic_words(row["arabic"]), latin_key(row["latin"])
        if len(words) != 1 or not latin:
            continue
        pair = strip_article(words[0], latin)
        if pair is not None:
            weight = 1 + int(math.log2(max(1, int(row["count"] or 1)))) if count_weight else 1
            pairs[pair] += weight
            n_train += 1
    if lex_weight > 0:
        unseen = {" ".join(arabic_words(r["arabic"])) for r in read_tsv(shared / "names_dev.tsv")}
        for row in read_tsv(shared / "names_lexicon" / "arabnamer_name_pairs.tsv"):
            words = arabic_words(row["arabic"])
            if len(words) != 1 or not row["latin"].isalpha() or words[0] in unseen:
                continue
            latin = latin_key(row["latin"])
            pair = strip_article(words[0], latin) if latin else None
            if pair is not None:
                pairs[pair] += lex_weight
                n_lex += 1
    print(f"training rows: names_train {n_train}, arabnamer {n_lex}; distinct pairs {len(pairs)}", file=sys.stderr)
    return [(a, la, w) for (a, la), w in sorted(pairs.items())]


# ---------------------------------------------------------------------- alignment


def edges(x: str, y: str) -> Iterable[tuple[int, int, int, int, tuple[str, str]]]:
    """Every chunk pair that can extend a monotone segmentation of (x, y)."""
    n, m = len(x), len(y)
    for i in range(n):
        for ka in range(1, MAX_AR + 1):
            if i + ka > n:
                break
            a = x[i : i + ka]
            for j in range(m + 1):
                for kl in range(MAX_LA + 1):
                    if j + kl > m:
                        break
                    yield i, j, i + ka, j + kl, (a, y[j : j + kl])


def alignable(x: str, y: str) -> bool:
    """Whether (x, y) has at least one segmentation within the chunk limits."""
    return len(y) <= MAX_LA * len(x)


def em_step(
    pairs: Sequence[tuple[str, str, int]], prob: dict[tuple[str, str], float]
) -> tuple[dict[tuple[str, str], float], float]:
    """One EM iteration; returns the new joint chunk-pair probabilities and the log likelihood."""
    counts: collections.defaultdict[tuple[str, str], float] = collections.defaultdict(float)
    loglik = 0.0
    floor = 1e-12
    for x, y, w in pairs:
        n, m = len(x), len(y)
        es = [(i, j, i2, j2, prob.get(key, floor), key) for i, j, i2, j2, key in edges(x, y)]
        alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
        alpha[0][0] = 1.0
        for i, j, i2, j2, p, _ in sorted(es, key=lambda e: (e[0], e[1])):
            a = alpha[i][j]
            if a:
                alpha[i2][j2] += a * p
        total = alpha[n][m]
        if total <= 0.0:
            continue
        beta = [[0.0] * (m + 1) for _ in range(n + 1)]
        beta[n][m] = 1.0
        for i, j, i2, j2, p, _ in sorted(es, key=lambda e: (-e[2], -e[3])):
            b = beta[i2][j2]
            if b:
                beta[i][j] += p * b
        loglik += w * math.log(total)
        scale = w / total
        for i, j, i2, j2, p, key in es:
            g = alpha[i][j] * p * beta[i2][j2]
            if g:
                counts[key] += g * scale
    z = sum(counts.values())
    return {k: v / z for k, v in counts.items() if v / z > 1e-9}, loglik


def viterbi(x: str, y: str, prob: dict[tuple[str, str], float]) -> list[tuple[str, str]] | None:
    """The most probable segmentation of (x, y) into chunk pairs."""
    n, m = len(x), len(y)
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None, tuple[str, str] | None]] = {
        (0, 0): (0.0, None, None)
    }
    for i, j, i2, j2, key in sorted(edges(x, y), key=lambda e: (e[0], e[1])):
        if (i, j) not in best or key not in prob:
            continue
        s = best[(i, j)][0] + math.log(prob[key])
        if (i2, j2) not in best or s > best[(i2, j2)][0]:
            best[(i2, j2)] = (s, (i, j), key)
    if (n, m) not in best:
        return None
    out: list[tuple[str, str]] = []
    cell: tuple[int, int] | None = (n, m)
    while cell is not None and cell != (0, 0):
        _, prev, key = best[cell]
        assert key is not None
        out.append(key)
        cell = prev
    return out[::-1]


def align(pairs: Sequence[tuple[str, str, int]], iterations: int) -> list[tuple[list[tuple[str, str]], int]]:
    """EM-train chunk-pair probabilities, then Viterbi-segment every pair."""
    pairs = [p for p in pairs if alignable(p[0], p[1])]
    keys: set[tuple[str, str]] = set()
    for x, y, _ in pairs:
        keys.update(e[4] for e in edges(x, y))
    prob = {k: 1.0 / len(keys) for k in keys}
    for it in range(iterations):
        t = time.time()
        prob, ll = em_step(pairs, prob)
        print(f"  EM {it + 1}: loglik {ll:.1f}, {len(prob)} chunk pairs, {time.time() - t:.0f}s", file=sys.stderr)
    out = []
    for x, y, w in pairs:
        seg = viterbi(x, y, prob)
        if seg is not None:
            out.append((seg, w))
    return out


# ------------------------------------------------------------------------ n-grams

BOS, EOS = "<s>", "</s>"


def kneser_ney(
    seqs: Sequence[tuple[Sequence[int], int]], order: int, vocab_size: int, cutoffs: Sequence[int]
) -> tuple[list[dict[tuple[int, ...], float]], list[dict[tuple[int, ...], float]]]:
    """Interpolated modified Kneser-Ney estimates in back-off form.

    Args:
        seqs: token id sequences (with BOS and EOS) and their integer weights.
        order: the n of the n-gram model.
        vocab_size: number of token ids (for the uniform floor of the unigrams).
        cutoffs: per order (index 0 = unigrams), n-grams seen at most this
            many times are pruned after estimation.

    Returns:
        (logprob, backoff): per order k (index k-1), ``{ngram: log10 p}`` and
        ``{context: log10 back-off weight}``.
    """
    counts: list[collections.Counter[tuple[int, ...]]] = [collections.Counter() for _ in range(order)]
    for seq, w in seqs:
        for end in range(1, len(seq)):
            for k in range(1, order + 1):
                start = end - k + 1
                if start < 0:
                    break
                counts[k - 1][tuple(seq[start : end + 1])] += w
    # Continuation counts for the lower orders: number of distinct left extensions.
    used: list[collections.Counter[tuple[int, ...]]] = [collections.Counter() for _ in range(order)]
    used[order - 1] = counts[order - 1]
    for k in range(order - 1, 0, -1):
        cont: collections.Counter[tuple[int, ...]] = collections.Counter()
        for gram in counts[k]:
            cont[gram[1:]] += 1
        # n-grams that start at BOS have no left extension: keep their raw counts
        for gram, c in counts[k - 1].items():
            if gram[0] == 0:
                cont[gram] = c
        used[k - 1] = cont
    logprob: list[dict[tuple[int, ...], float]] = [{} for _ in range(order)]
    prob: list[dict[tuple[int, ...], float]] = [{} for _ in range(order)]
    gamma: list[dict[tuple[int, ...], float]] = [{} for _ in range(order)]
    for k in range(1, order + 1):
        c = used[k - 1]
        coc = collections.Counter(v for v in c.values() if v <= 4)  # counts of counts 1-4 (Chen & Goodman)
        n1, n2, n3, n4 = (coc.get(i, 0) for i in (1, 2, 3, 4))
        y = n1 / (n1 + 2 * n2) if n1 else 0.5
        d = [0.0, 1 - 2 * y * n2 / n1 if n1 else 0.5, 2 - 3 * y * n3 / n2 if n2 else 1.0,
             3 - 4 * y * n4 / n3 if n3 else 1.5]
        d = [0.0] + [min(max(v, 0.05), i) for i, v in enumerate(d[1:], 1)]
        ctx_total: collections.Counter[tuple[int, ...]] = collections.Counter()
        ctx_n: collections.defaultdict[tuple[int, ...], list[int]] = collections.defaultdict(lambda: [0, 0, 0])
        for gram, v in c.items():
            ctx_total[gram[:-1]] += v
            ctx_n[gram[:-1]][min(v, 3) - 1] += 1
        for ctx, tot in ctx_total.items():
            n_1, n_2, n_3 = ctx_n[ctx]
            gamma[k - 1][ctx] = (d[1] * n_1 + d[2] * n_2 + d[3] * n_3) / tot
        for gram, v in c.items():
            ctx = gram[:-1]
            lower = _backoff_prob(prob, gamma, gram[1:], vocab_size)
            p = max(v - d[min(v, 3)], 0.0) / ctx_total[ctx] + gamma[k - 1][ctx] * lower
            prob[k - 1][gram] = p
        print(f"  order {k}: {len(c)} n-grams, discounts {[round(v, 3) for v in d[1:]]}", file=sys.stderr)
    # Prune, then recompute back-off weights so that each context sums to one.
    kept: list[dict[tuple[int, ...], float]] = []
    for k in range(1, order + 1):
        cut = cutoffs[k - 1] if k - 1 < len(cutoffs) else cutoffs[-1]
        raw = counts[k - 1]
        kept.append({g: p for g, p in prob[k - 1].items() if k == 1 or raw[g] > cut})
    backoff: list[dict[tuple[int, ...], float]] = [{} for _ in range(order)]
    for k in range(2, order + 1):
        by_ctx: collections.defaultdict[tuple[int, ...], list[tuple[int, ...]]] = collections.defaultdict(list)
        for gram in kept[k - 1]:
            by_ctx[gram[:-1]].append(gram)
        for ctx, grams in by_ctx.items():
            num = 1.0 - sum(kept[k - 1][g] for g in grams)
            den = 1.0 - sum(_lookup(kept, backoff, g[1:], vocab_size) for g in grams)
            backoff[k - 1][ctx] = math.log10(max(num, 1e-12) / max(den, 1e-12))
    for k in range(1, order + 1):
        logprob[k - 1] = {g: math.log10(p) for g, p in kept[k - 1].items()}
    return logprob, backoff


def _backoff_prob(
    prob: list[dict[tuple[int, ...], float]], gamma: list[dict[tuple[int, ...], float]], gram: tuple[int, ...],
    vocab_size: int,
) -> float:
    """Interpolated probability of an n-gram absent from its own order's table."""
    k = len(gram)
    if k == 0:
        return 1.0 / vocab_size
    if gram in prob[k - 1]:
        return prob[k - 1][gram]
    g = gamma[k - 1].get(gram[:-1], 1.0)
    return g * _backoff_prob(prob, gamma, gram[1:], vocab_size)


def _lookup(
    kept: list[dict[tuple[int, ...], float]], backoff: list[dict[tuple[int, ...], float]], gram: tuple[int, ...],
    vocab_size: int,
) -> float:
    """Probability of ``gram`` in the pruned back-off model (lower orders final)."""
    k = len(gram)
    if k == 0:
        return 1.0 / vocab_size
    if gram in kept[k - 1]:
        return kept[k - 1][gram]
    if k == 1:
        return 1e-9
    bo = backoff[k - 1].get(gram[:-1], 0.0)
    return 10**bo * _lookup(kept, backoff, gram[1:], vocab_size)


# ------------------------------------------------------------------------- export


def export(
    out: Path, vocab: Sequence[tuple[str, str]], logprob: list[dict[tuple[int, ...], float]],
    backoff: list[dict[tuple[int, ...], float]], meta: dict[str, object],
) -> None:
    """Write ``model.json`` (metadata + vocabulary) and ``model.npz`` (n-gram tables)."""
    arrays: dict[str, np.ndarray] = {}
    for k, table in enumerate(logprob, 1):
        grams = sorted(table)
        arrays[f"ngram{k}"] = np.array(grams, dtype=np.uint16).reshape(len(grams), k)
        arrays[f"logp{k}"] = np.array([table[g] for g in grams], dtype=np.float32)
    for k, table in enumerate(backoff, 1):
        if k == 1:
            continue
        ctxs = sorted(table)
        arrays[f"ctx{k}"] = np.array(ctxs, dtype=np.uint16).reshape(len(ctxs), k - 1)
        arrays[f"bow{k}"] = np.array([table[c] for c in ctxs], dtype=np.float32)
    np.savez_compressed(out / "model.npz", **arrays)
    doc = dict(meta)
    doc["vocab"] = [[a, la] for a, la in vocab]
    (out / "model.json").write_text(json.dumps(doc, ensure_ascii=True, indent=0) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "arnorm" / "data" / "names")
    ap.add_argument("--order", type=int, default=5)
    ap.add_argument("--iterations", type=int, default=6)
    ap.add_argument("--max-latin", type=int, default=MAX_LA, help="longest Latin chunk of a graphone")
    ap.add_argument("--lex-weight", type=int, default=0, help="weight of arabnamer pairs (0 = not used)")
    ap.add_argument("--count-weight", action="store_true", help="weigh Wikidata pairs by 1 + log2(count)")
    ap.add_argument("--cutoffs", default="0,0,1,1,1", help="per-order pruning count cutoffs")
    args = ap.parse_args(argv)

    t0 = time.time()
    pairs = training_pairs(args.shared, args.lex_weight, args.count_weight)
    aligned = align(pairs, args.iterations)
    print(f"aligned {len(aligned)} pairs in {time.time() - t0:.0f}s", file=sys.stderr)
    vocab: list[tuple[str, str]] = [(BOS, ""), (EOS, "")]
    index: dict[tuple[str, str], int] = {}
    seqs = []
    for seg, w in aligned:
        ids = [0]
        for g in seg:
            if g not in index:
                index[g] = len(vocab)
                vocab.append(g)
            ids.append(index[g])
        ids.append(1)
        seqs.append((ids, w))
    cutoffs = [int(c) for c in args.cutoffs.split(",")]
    logprob, backoff = kneser_ney(seqs, args.order, len(vocab), cutoffs)
    meta = {
        "name": "names_joint_ngram",
        "description": "Joint-sequence (graphone) n-gram model, Arabic letters -> Latin letters, for names",
        "source": (
            "Trained by scripts/train_names.py on names_train.tsv: google/transliteration ar2en-train "
            "(Apache-2.0) and steveash/NETransliteration-COLING2018 Wikidata names (CC0)"
            + (", plus single-word arabnamer 0.1.3 pairs (CC-BY-4.0)" if args.lex_weight else "")
        ),
        "order": args.order,
        "max_chunk": [MAX_AR, MAX_LA],
        "training_pairs": len(aligned),
        "lex_weight": args.lex_weight,
        "count_weight": args.count_weight,
        "cutoffs": cutoffs,
        "ngrams": [len(t) for t in logprob],
    }
    export(args.out, vocab, logprob, backoff, meta)
    size = sum((args.out / f).stat().st_size for f in ("model.json", "model.npz"))
    print(f"wrote {args.out}/model.json + model.npz ({size / 1e6:.2f} MB) in {time.time() - t0:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
