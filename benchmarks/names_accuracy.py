#!/usr/bin/env python3
"""Accuracy of the `english` name transliteration against ../shared/data/names_dev.tsv.

Prints, for arnorm and for the baselines (unidecode, pyarabic's ``utf82latin``
and, when installed - the ``bench`` extra - the ``arabic-name-romanizer``
package), on the same rows:

* top-1: exact match, case-insensitive, of the first spelling;
* top-10: the reference among the first ten spellings (systems with a single
  answer count their one answer);
* CER: mean character error rate of the first spelling (Levenshtein distance /
  reference length, case-insensitive).

Subsets (the model is trained by ``scripts/train_names.py``):

* ``all``: the whole file, as the issue asks;
* ``dev-train``: rows of the trainable sources (google/transliteration,
  steveash) that the shipped model was trained on;
* ``dev-heldout``: rows of the trainable sources in the held-out bucket
  (``sha1(arabic) % 5 == 0``), never trained on;
* ``anetac``: the ANETAC rows (no licence: never trained on);
* ``not-in-lexicon``: rows whose Arabic form (normalized, loosely folded) is
  not in arnorm's name lexicon, and ``heldout+anetac, not in lexicon``: the
  honest generalization figure (neither memorized by the model nor looked up).

Then the seed article's names (each must have an accepted spelling among its
top 3).

Usage::

    python benchmarks/names_accuracy.py [--limit N] [--jobs 2] [--systems arnorm,unidecode,...]
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data" / "names_dev.tsv"
K = 10

#: The names of the seed article and the spellings accepted for each (top 3 must hold one).
SEED = {
    "أبو محمد الجولاني": ("Abu Mohammed al-Julani", "Abu Muhammad al-Julani", "Abu Mohammad al-Julani",
                          "Abu Mohammed al-Jolani", "Abu Muhammad al-Jawlani", "Abu Mohammed al-Golani"),
    "حسن صوفان": ("Hassan Soufan", "Hasan Sufan", "Hassan Sufan", "Hasan Soufan"),
    "جابر علي باشا": ("Jaber Ali Basha", "Jabir Ali Basha", "Jaber Ali Pasha"),
    "جميل الصالح": ("Jamil al-Saleh", "Jamil al-Salih", "Jameel al-Saleh", "Jamil Saleh"),
    "هشام المرعي": ("Hisham al-Marai", "Hisham al-Mari", "Hisham al-Mar'i", "Hesham al-Marai"),
}


def _load_train_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("train_names", ROOT / "scripts" / "train_names.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions of one character)."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# ----------------------------------------------------------------------- systems


def sys_arnorm(name: str) -> list[str]:
    from arnorm.translit.names import name_variants

    return name_variants(name, K)


def sys_unidecode(name: str) -> list[str]:
    from unidecode import unidecode

    return [unidecode(name)]


def sys_pyarabic(name: str) -> list[str]:
    from pyarabic.trans import utf82latin

    return [utf82latin(name)]


def sys_romanizer(name: str) -> list[str]:
    import arabic_name_romanizer

    return [c.text for c in arabic_name_romanizer.transliterate(name, top_k=K)]


SYSTEMS: dict[str, Callable[[str], list[str]]] = {
    "arnorm": sys_arnorm,
    "unidecode": sys_unidecode,
    "pyarabic": sys_pyarabic,
    "arabic-name-romanizer": sys_romanizer,
}


def available(name: str) -> bool:
    """Whether a baseline's package is installed."""
    module = {"unidecode": "unidecode", "pyarabic": "pyarabic", "arabic-name-romanizer": "arabic_name_romanizer"}
    return name == "arnorm" or importlib.util.find_spec(module[name]) is not None


def _run_chunk(args: tuple[str, list[str]]) -> list[list[str]]:
    system, names = args
    func = SYSTEMS[system]
    return [func(n) for n in names]


def run(system: str, names: Sequence[str], jobs: int) -> list[list[str]]:
    """The system's spellings for every name (in parallel over ``jobs`` processes)."""
    if jobs <= 1:
        return _run_chunk((system, list(names)))
    size = (len(names) + jobs * 4 - 1) // (jobs * 4)
    chunks = [(system, list(names[i : i + size])) for i in range(0, len(names), size)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        parts = pool.map(_run_chunk, chunks)
    return [r for part in parts for r in part]


# ----------------------------------------------------------------------- scoring


def score(outputs: Sequence[list[str]], refs: Sequence[str], rows: Sequence[int]) -> tuple[float, float, float]:
    """(top-1, top-10, mean CER) over the given row indices."""
    if not rows:
        return (float("nan"),) * 3
    top1 = top10 = 0
    cer = 0.0
    for i in rows:
        ref = refs[i].casefold()
        outs = [o.casefold() for o in outputs[i][:K]]
        first = outs[0] if outs else ""
        top1 += first == ref
        top10 += ref in outs
        cer += levenshtein(first, ref) / max(1, len(ref))
    n = len(rows)
    return top1 / n, top10 / n, cer / n


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=0, help="score a random sample of this many rows (0 = all)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    args = ap.parse_args(argv)

    train = _load_train_module()
    from arnorm.translit.names import name_variants
    from arnorm.translit.names.lexicon import lookup_loose

    rows = train.read_tsv(args.data)
    if args.limit:
        rows = random.Random(0).sample(rows, min(args.limit, len(rows)))
    names = [r["arabic"] for r in rows]
    refs = [r["latin"] for r in rows]
    trainable = [r["source"].startswith(train.TRAIN_SOURCES) for r in rows]
    heldout = [train.is_heldout(r["arabic"]) for r in rows]
    in_lex = [lookup_loose(r["arabic"]) is not None for r in rows]
    idx = range(len(rows))
    subsets = {
        "all": list(idx),
        "dev-train": [i for i in idx if trainable[i] and not heldout[i]],
        "dev-heldout": [i for i in idx if trainable[i] and heldout[i]],
        "anetac": [i for i in idx if not trainable[i]],
        "not-in-lexicon": [i for i in idx if not in_lex[i]],
        "heldout+anetac, not in lexicon": [i for i in idx if not in_lex[i] and (heldout[i] or not trainable[i])],
    }
    print(f"names_dev.tsv: {len(rows)} rows; " + ", ".join(f"{k} {len(v)}" for k, v in subsets.items()))
    systems = [s for s in args.systems.split(",") if s]
    results = {}
    for system in systems:
        if not available(system):
            print(f"{system}: not installed, skipped (pip install arnorm[bench])")
            continue
        t = time.time()
        results[system] = run(system, names, args.jobs)
        print(f"{system}: {len(names)} names in {time.time() - t:.0f}s")
    print()
    header = f"{'subset':32} {'rows':>5}  " + "  ".join(f"{s[:21]:>21}" for s in results)
    print(header)
    print(f"{'':32} {'':>5}  " + "  ".join(f"{'top1  top10   CER':>21}" for _ in results))
    for subset, members in subsets.items():
        cells = []
        for system, outputs in results.items():
            t1, t10, cer = score(outputs, refs, members)
            cells.append(f"{t1:6.1%} {t10:6.1%} {cer:6.3f}".rjust(21))
        print(f"{subset:32} {len(members):5}  " + "  ".join(cells))
    print("\nSeed article names (an accepted spelling among the top 3):")
    ok_all = True
    for arabic, accepted in SEED.items():
        top3 = name_variants(arabic, 3)
        ok = any(a.casefold() == t.casefold() for t in top3 for a in accepted)
        ok_all &= ok
        print(f"  {'ok  ' if ok else 'FAIL'} {arabic} -> {top3}")
    return 0 if ok_all else 1


if __name__ == "__main__":
    raise SystemExit(main())
