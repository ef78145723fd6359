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

Subsets (the model is trained by ``scripts/train_names.py`` on
``names_train.tsv``, from which every Arabic form of ``names_dev.tsv`` was
removed, so every row here is unseen by the model):

* ``all``: the whole file, as the issue asks;
* ``google``, ``wikidata``, ``anetac``: the rows of each source;
* ``not-in-lexicon``: rows whose Arabic form (normalized, loosely folded) is
  in no lexicon file of arnorm (neither memorized by the model nor looked up):
  the generalization figure.

Also the model's size and load time, and names/s of ``transliterate_name``
on one core (cold caches: every dev name once, in one process).

Then the seed article's names (each must have an accepted spelling among its
top 3).

Usage::

    python benchmarks/names_accuracy.py [--limit N] [--jobs 2] [--systems arnorm,unidecode,...]
        [--model DIR]   # score a model.json + model.npz from DIR instead of the shipped one
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
    from rapidfuzz.distance import Levenshtein

    return int(Levenshtein.distance(a, b))


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


def _use_model(directory: Path | None) -> None:
    """Make the name functions use the model in ``directory`` (the shipped one if ``None``)."""
    if directory is None:
        return
    from arnorm.translit.names import grammar, model

    candidate = model.model_from_files(str(directory / "model.json"), str(directory / "model.npz"))
    grammar.load_model = lambda: candidate  # type: ignore[assignment]


def model_figures() -> str:
    """Size and load time of the shipped model, and names/s on one core (a separate process each)."""
    import subprocess

    code = (
        "import time; t = time.perf_counter(); from arnorm.translit.names.model import load_model; "
        "load_model(); print(round((time.perf_counter() - t) * 1000))"
    )
    load_ms = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    base = ROOT / "arnorm" / "data" / "names"
    size = sum((base / f).stat().st_size for f in ("model.json", "model.npz"))
    return f"model: {size / 1e6:.2f} MB on disk, loaded in {load_ms} ms (import + load, fresh process)"


def speed(names: Sequence[str]) -> float:
    """Names per second of ``transliterate_name`` on one core, every name once (after a warm-up name)."""
    from arnorm.translit.names import transliterate_name

    transliterate_name("محمد")
    t = time.perf_counter()
    for n in names:
        transliterate_name(n)
    return len(names) / (time.perf_counter() - t)


MATCH_THRESHOLD = 0.8


def matching_figures(names: Sequence[str], refs: Sequence[str]) -> str:
    """Share of (Arabic, Latin) pairs that match, and of shuffled pairs that falsely match.

    Two tests: equal :func:`name_key`, and :func:`name_similarity` >= MATCH_THRESHOLD.
    The shuffled pairs pair each Arabic name with the Latin side of another row
    (a fixed rotation of a fixed shuffle, so no row keeps its own partner).
    """
    from arnorm.translit.names.matching import name_key, name_similarity

    order = list(range(len(names)))
    random.Random(2).shuffle(order)
    partner = {order[i]: order[(i + 1) % len(order)] for i in range(len(order))}
    pairs = list(zip(names, refs))
    wrong = [(names[i], refs[partner[i]]) for i in range(len(names)) if refs[partner[i]] != refs[i]]

    def rates(items: Sequence[tuple[str, str]]) -> tuple[float, float]:
        keys = sum(name_key(a) == name_key(b) for a, b in items) / len(items)
        sims = sum(name_similarity(a, b) >= MATCH_THRESHOLD for a, b in items) / len(items)
        return keys, sims

    k_true, s_true = rates(pairs)
    k_false, s_false = rates(wrong)
    return (
        f"matching ({len(pairs)} pairs, {len(wrong)} shuffled): name_key equal {k_true:.1%} "
        f"(false {k_false:.2%}); name_similarity >= {MATCH_THRESHOLD} {s_true:.1%} (false {s_false:.2%})"
    )


def reverse_figures(names: Sequence[str], refs: Sequence[str], in_lex: Sequence[bool], limit: int) -> str:
    """names_dev.tsv reversed: the Arabic side among name_variants_arabic(latin) (top-1, top-10).

    Compared as normalized Arabic keys (harakat, tatweel dropped), and loosely
    (hamza on alef, ة/ه, ى/ي folded as :func:`~arnorm.translit.names.lexicon.fold`).
    """
    from arnorm.translit.names.lexicon import fold
    from arnorm.translit.names.normalize import arabic_key
    from arnorm.translit.names.reverse import name_variants_arabic

    rows = random.Random(3).sample(range(len(names)), min(limit, len(names)))
    counts = {"all": [0, 0, 0, 0, 0], "not-in-lexicon": [0, 0, 0, 0, 0]}
    for i in rows:
        ref = arabic_key(names[i])
        outs = name_variants_arabic(refs[i], K)
        hits = (outs[:1] == [ref], ref in outs, bool(outs) and fold(outs[0]) == fold(ref),
                fold(ref) in [fold(o) for o in outs])
        for subset in ("all",) if in_lex[i] else ("all", "not-in-lexicon"):
            c = counts[subset]
            c[0] += 1
            for j, h in enumerate(hits, 1):
                c[j] += h
    lines = []
    for subset, (n, t1, t10, l1, l10) in counts.items():
        if n:
            lines.append(f"  {subset:16} {n:5} rows: top1 {t1 / n:.1%} top10 {t10 / n:.1%} "
                         f"(loose: top1 {l1 / n:.1%} top10 {l10 / n:.1%})")
    return "reverse direction (Latin -> Arabic, name_variants_arabic):\n" + "\n".join(lines)


def make_subsets(rows: Sequence[dict[str, str]], in_lex: Sequence[bool]) -> dict[str, list[int]]:
    """Row indices of each reported subset: all, by source, and the rows in no lexicon file."""
    idx = range(len(rows))
    source = ["google" if r["source"].startswith("google") else "anetac" if "ANETAC" in r["source"] else "wikidata"
              for r in rows]
    return {
        "all": list(idx),
        "google": [i for i in idx if source[i] == "google"],
        "wikidata": [i for i in idx if source[i] == "wikidata"],
        "anetac": [i for i in idx if source[i] == "anetac"],
        "not-in-lexicon": [i for i in idx if not in_lex[i]],
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=0, help="score a random sample of this many rows (0 = all)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--model", type=Path, default=None, help="directory with a model.json + model.npz to score")
    ap.add_argument("--speed", type=int, default=2000, help="names timed for names/s (0 = skip)")
    ap.add_argument("--matching", action="store_true", help="also score name_key / name_similarity")
    ap.add_argument("--reverse", type=int, default=0, help="also score the reverse direction on this many rows")
    args = ap.parse_args(argv)

    train = _load_train_module()
    _use_model(args.model)
    from arnorm.translit.names import name_variants
    from arnorm.translit.names.lexicon import lookup_loose

    rows = train.read_tsv(args.data)
    if args.limit:
        rows = random.Random(0).sample(rows, min(args.limit, len(rows)))
    names = [r["arabic"] for r in rows]
    refs = [r["latin"] for r in rows]
    in_lex = [lookup_loose(r["arabic"]) is not None for r in rows]
    subsets = make_subsets(rows, in_lex)
    if args.model is None:
        print(model_figures())
    if args.matching:
        print(matching_figures(names, refs))
    if args.reverse:
        print(reverse_figures(names, refs, in_lex, args.reverse))
    if args.speed:
        sample = random.Random(1).sample(names, min(args.speed, len(names)))
        print(f"transliterate_name: {speed(sample):.0f} names/s on one core ({len(sample)} dev names, cold caches)")
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
