#!/usr/bin/env python3
"""A small retrieval check of normalization + light stemming on the Quran (issue 15).

    export PYTHONPATH=$PWD
    python benchmarks/retrieval.py            # 300 queries
    python benchmarks/retrieval.py --quick    # 60 queries
    python benchmarks/retrieval.py --examples 5   # + queries where the analyses disagree

Collection.  The 1,911 verses of ``../shared/data/quran_uthmani_standard_dev.tsv``
(the only verses whose standard spelling is known, so the only ones whose
relevance is known), indexed in their **Uthmani** spelling, the ``uthmani``
column, which is byte for byte a line of ``../shared/corpus/quran_uthmani.txt``
(checked at start).  ``--docs standard`` indexes the standard spelling instead:
the gap between the two runs is what the Uthmani spelling costs each analysis.

Queries.  Standard-spelling words of the ``standard`` column.  A token gives
the query ``q``: the token with a conjunction/preposition before the article
dropped (``وبالصلاة`` -> ``الصلاة``, ``للناس`` -> ``الناس``).  It is kept when
``q`` has 4+ letters, is not in the stop list below, its core (``q`` without
the article) has 3+ letters, and it does not start with a one-letter
proclitic whose removal leaves another word of the text (``وقالوا``: قالوا is a
word, so it is dropped as ambiguous; that drops a few true words such as
``كتاب``/تاب too).  Distinct cores only (first ``q`` in sorted order).  Then a
fixed sample: ``random.Random(SEED).sample(sorted candidates, N)``.

Relevance ("a form of" the query), defined on the standard text and
independently of every stemmer compared: a verse is relevant when one of its
standard-spelling tokens ``t`` is ``P + core + S`` where

* ``P`` is a proclitic chain: optional و/ف, then optional ب/ك/ل/س, then
  optional ال (``لل`` = ل + ال);
* ``core`` is the query without its article (``الصلاة`` -> ``صلاة``), or, before a
  non-empty suffix, with final ة written ت (``صلاتهم``) or final ى written ا;
* ``S`` is one of the common endings: nothing, the attached pronouns
  (ه ها هما هم هن ك كما كم كن ي ني نا), the sound plural/dual endings
  (ون ين ان ات وا, with ات replacing a final ة), and a plural/dual ending
  followed by a pronoun (ات+ه ..., ي+ه ..., و+ه ...).

Letters are compared after folding أ إ آ to ا only.  Weaknesses: no broken
plurals (``رسول``/``رسل``), no verb inflection by prefixes (``قال``/``يقول``),
no hamza-seat changes (``سماء``/``سمائهم``), and a short core can match a
different word that happens to be the core plus an ending (``عمل`` + ان);
it is a surface definition, so it favours analyses that strip exactly
these affixes (the light stemmers) over root stemmers (ISRI), whose extra
conflations count as noise here even when linguistically right.

Ranking.  BM25 (k1 = 1.2, b = 0.75, Lucene's idf) over the index terms each
analysis gives; the query goes through the same analysis.  Ties keep verse
order.  Figures: recall@10 (relevant verses in the top 10 / all relevant),
recall@10 capped (/ min(10, relevant): 1.0 means the top 10 is all
relevant), MRR (1 / rank of the first relevant verse, 0 if none retrieved)
and MAP.  Analyses:

* ``search``: the ``search`` preset, no stemming;
* ``search+lucene``: ``search`` + ``light_stem`` (Lucene's ArabicStemmer);
* ``search+light10``: ``search`` + ``light_stem(algorithm=light10)``;
* ``lucene_stem``: the ``lucene_stem`` preset (Lucene's own normalizer + stemmer);
* ``search+isri``: ``search`` then NLTK's ISRIStemmer word by word (if nltk
  is installed; also ``search+snowball`` and ``search+arlstem2`` from NLTK).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import regex

from arnorm.presets import PRESETS, as_pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared"
PAIRS = SHARED / "data" / "quran_uthmani_standard_dev.tsv"
QURAN = SHARED / "corpus" / "quran_uthmani.txt"
SEED = 15
N_QUERIES = 300
N_QUICK = 60

#: Function words of 4+ letters (standard spelling, alef-folded as compared).
_STOP_WORDS = """
    الذي التي الذين اللذين اللذان اللتان اللاتي اللائي الا الي الله اللهم هؤلاء اولئك اولئكم ذلكم
    انما انهم انها انكم اننا انني لكن ولكن لكنا فان وان وما فما حتى كانوا يكون تكون كانت كنتم
    ايها يايها ياايها هذان هاتين هذين لدينا لديهم عليكم عليهم عليها علينا عليه اليكم اليهم اليها
    الينا اليه منكم منهم منها منه فيهم فيها فيكم بينهم بينكم عندهم عندنا عنده عنكم عنهم عنها معكم
    معهم معها ربكم ربهم ربنا ربك لعلكم لعلهم قالوا فقالوا قالت يقولون يقول وقالوا اذا واذا فاذا
"""
STOP = frozenset(_STOP_WORDS.split())

PRONOUNS = ("ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "ي", "ني", "نا")
PLURALS = ("ون", "ين", "ان", "ات", "وا")
#: Endings allowed after the core (the empty ending first).
SUFFIXES = ("", *PRONOUNS, *PLURALS, *(p + s for p in ("ات", "ي", "و") for s in PRONOUNS))
CONJ, PREP = ("", "و", "ف"), ("", "ب", "ك", "ل", "س")
WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
LETTERS = regex.compile(r"[^\p{L}]")
FOLD = str.maketrans("أإآ", "ااا")


def fold(word: str) -> str:
    return LETTERS.sub("", word).translate(FOLD)


def strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) >= 5 else word


def proclitic_rests(token: str) -> set[str]:
    """Every rest of ``token`` after a proclitic chain (the token itself included)."""
    rests = {token}
    for c in CONJ:
        for p in PREP:
            head = c + p
            if not token.startswith(head):
                continue
            rest = token[len(head) :]
            if len(rest) >= 2:
                rests.add(rest)
            if rest.startswith("ال") and len(rest) >= 4:
                rests.add(rest[2:])
            if p == "ل" and rest.startswith("ل") and len(rest) >= 3:  # لل = ل + ال
                rests.add(rest[1:])
    return rests


def core_forms(core: str) -> list[tuple[str, bool]]:
    """(stem, needs a non-empty suffix): the core and its forms before an ending."""
    forms = [(core, False)]
    if core.endswith("ة"):
        forms += [(core[:-1] + "ت", True), (core[:-1], True)]  # صلاتهم; مسلمات (ة -> ات)
    if core.endswith("ى"):
        forms.append((core[:-1] + "ا", True))
    return forms


def is_form_of(token: str, core: str) -> bool:
    forms = core_forms(core)
    for rest in proclitic_rests(token):
        for stem, needs_suffix in forms:
            if rest.startswith(stem):
                suffix = rest[len(stem) :]
                if suffix in SUFFIXES and (suffix or not needs_suffix):
                    if needs_suffix and stem == core[:-1] and not suffix.startswith("ات"):
                        continue  # bare ة-less stem only before the plural ات
                    return True
    return False


def query_form(token: str) -> str:
    """The token with a conjunction/preposition before the article dropped."""
    for c in CONJ:
        for p in ("", "ب", "ك", "ل"):
            head = c + p
            if head and token.startswith(head + "ال") and len(token) - len(head) >= 5:
                return token[len(head) :]
        if token.startswith(c + "لل") and len(token) - len(c) >= 5:
            return "ال" + token[len(c) + 2 :]
    return token


def load_pairs() -> list[tuple[str, str, str]]:
    rows = []
    with PAIRS.open(encoding="utf-8") as f:
        next(f)
        for line in f:
            verse, uthmani, standard = line.rstrip("\n").split("\t")
            rows.append((verse, uthmani, standard))
    return rows


def bare_form(word: str, known: set[str]) -> str:
    """``word`` without one final pronoun, sound-plural ending or accusative alef, when
    what remains (``ة`` restored for ``ت``) is itself a word of the text."""
    article = word.startswith("ال")
    core = strip_article(word)
    for suffix in sorted((*PRONOUNS, "ون", "ين", "ات", "ا"), key=len, reverse=True):
        base = core[: -len(suffix)]
        if not core.endswith(suffix) or len(base) < 3:
            continue
        for candidate in (base, base[:-1] + "ة" if base.endswith("ت") else None, base + "ة"):
            if candidate and candidate in known:
                return ("ال" if article else "") + candidate
    return word


def sample_queries(standards: list[str], n: int) -> list[tuple[str, str]]:
    """(query as typed, its core), a fixed random sample of the candidates."""
    words = {fold(t) for s in standards for t in s.split()}
    known = words | {strip_article(query_form(w)) for w in words}
    by_core: dict[str, str] = {}
    for w in sorted(words):
        q = query_form(w)
        if not q.startswith("ال") and q[0] in "وفبكلس" and q[1:] in words:
            continue  # ambiguous: a proclitic + another word of the text
        q = bare_form(q, known)
        core = strip_article(q)
        if len(q) < 4 or len(core) < 3 or q in STOP or core in STOP:
            continue
        if core not in by_core or q < by_core[core]:
            by_core[core] = q
    candidates = sorted((q, c) for c, q in by_core.items())
    return random.Random(SEED).sample(candidates, min(n, len(candidates)))


def analyses() -> dict[str, Callable[[str], list[str]]]:
    def piped(spec: str) -> Callable[[str], list[str]]:
        pipe = as_pipeline(spec)
        return lambda text: terms(pipe(text))

    found = {
        "search": piped(PRESETS["search"]),
        "search+lucene": piped(PRESETS["search"] + ",light_stem"),
        "search+light10": piped(PRESETS["search"] + ",light_stem(algorithm=light10)"),
        "lucene_stem": piped("lucene_stem"),
    }
    try:
        from nltk.stem.arlstem2 import ARLSTem2
        from nltk.stem.isri import ISRIStemmer
        from nltk.stem.snowball import ArabicStemmer
    except ImportError:
        print("nltk not installed: no ISRI/Snowball/ARLSTem2 (pip install nltk)", file=sys.stderr)
        return found
    search = as_pipeline("search")
    for name, stem in (
        ("search+isri", ISRIStemmer().stem),
        ("search+snowball", ArabicStemmer().stem),
        ("search+arlstem2", ARLSTem2().stem),
    ):
        cache: dict[str, str] = {}

        def run(text: str, stem: Callable[[str], str] = stem, cache: dict[str, str] = cache) -> list[str]:
            out = []
            for w in terms(search(text)):
                if w not in cache:
                    cache[w] = stem(w)
                out.append(cache[w])
            return out

        found[name] = run
    return found


def terms(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if regex.search(r"\p{L}", w)]


class BM25:
    def __init__(self, docs: list[list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.lengths = [len(d) for d in docs]
        self.avg = sum(self.lengths) / len(docs)
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for i, d in enumerate(docs):
            for term, tf in Counter(d).items():
                self.postings.setdefault(term, []).append((i, tf))
        self.n = len(docs)

    def rank(self, query: list[str]) -> list[int]:
        scores: dict[int, float] = {}
        for term in query:
            posting = self.postings.get(term, [])
            idf = math.log(1 + (self.n - len(posting) + 0.5) / (len(posting) + 0.5))
            for i, tf in posting:
                norm = tf + self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avg)
                scores[i] = scores.get(i, 0.0) + idf * tf * (self.k1 + 1) / norm
        return sorted(scores, key=lambda i: (-scores[i], i))


def evaluate(ranking: list[int], relevant: set[int]) -> tuple[float, float, float, float]:
    top = ranking[:10]
    hits = sum(1 for i in top if i in relevant)
    rr, ap, seen = 0.0, 0.0, 0
    for rank, i in enumerate(ranking, 1):
        if i in relevant:
            seen += 1
            ap += seen / rank
            if not rr:
                rr = 1 / rank
    return hits / len(relevant), hits / min(10, len(relevant)), rr, ap / len(relevant)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"{N_QUICK} queries instead of {N_QUERIES}")
    parser.add_argument("--queries", type=int, help="number of queries (overrides --quick)")
    parser.add_argument("--docs", choices=("uthmani", "standard"), default="uthmani")
    parser.add_argument("--examples", type=int, default=0, help="show N queries where analyses disagree")
    args = parser.parse_args(argv)

    rows = load_pairs()
    corpus_lines = set(QURAN.read_text(encoding="utf-8").splitlines())
    missing = sum(1 for _, u, _ in rows if u not in corpus_lines)
    if missing:
        print(f"warning: {missing} uthmani verses are not lines of {QURAN.name}", file=sys.stderr)
    standards = [s for _, _, s in rows]
    docs_text = [u for _, u, _ in rows] if args.docs == "uthmani" else standards
    n = args.queries or (N_QUICK if args.quick else N_QUERIES)
    queries = sample_queries(standards, n)
    doc_tokens = [[fold(t) for t in s.split()] for s in standards]
    relevant = []
    for q, core in queries:
        rel = {i for i, toks in enumerate(doc_tokens) if any(is_form_of(t, core) for t in toks)}
        assert rel, q  # the verse the query came from is always relevant
        relevant.append(rel)
    sizes = sorted(len(r) for r in relevant)
    surface = [
        len({t for i in rel for t in doc_tokens[i] if is_form_of(t, core)})
        for rel, (_, core) in zip(relevant, queries)
    ]
    multi = [k for k, m in enumerate(surface) if m >= 2]
    print(
        f"{len(docs_text)} verses ({args.docs} spelling), {len(queries)} queries (seed {SEED}); "
        f"relevant per query: median {sizes[len(sizes) // 2]}, max {sizes[-1]}; "
        f"{len(multi)} queries whose relevant verses hold 2+ distinct forms"
    )
    rankings: dict[str, list[list[int]]] = {}
    head = f"{'R@10':>6} {'R@10cap':>8} {'MRR':>6} {'MAP':>6} {'no hit':>7}"
    print(f"{'':<17} {'all queries':-^39}  {'2+ forms':-^39}")
    print(f"{'analysis':<17} {head}  {head} {'terms':>6}")
    for name, analyze in analyses().items():
        index = BM25([analyze(d) for d in docs_text])
        rankings[name] = [index.rank(analyze(q)) for q, _ in queries]
        figures = [evaluate(r, rel) for r, rel in zip(rankings[name], relevant)]
        cells = []
        for subset in (range(len(queries)), multi):
            rows_ = [figures[k] for k in subset]
            means = [sum(col) / len(rows_) for col in zip(*rows_)]
            zero = sum(1 for f in rows_ if f[2] == 0)
            cells.append(f"{means[0]:6.3f} {means[1]:8.3f} {means[2]:6.3f} {means[3]:6.3f} {zero:7d}")
        print(f"{name:<17} {cells[0]}  {cells[1]} {len(index.postings):6d}")
    if args.examples:
        analyzers = analyses()
        shown = 0
        for k, (q, core) in enumerate(queries):
            rr = {name: evaluate(rankings[name][k], relevant[k])[1] for name in rankings}
            if max(rr.values()) - min(rr.values()) < 0.5:
                continue
            print(f"\n{q} (core {core}, {len(relevant[k])} relevant)")
            for name, value in rr.items():
                print(f"  {name:<17} R@10cap {value:.2f}  query terms {analyzers[name](q)}")
            doc = min(relevant[k])
            words = [w for w in rows[doc][2].split() if is_form_of(fold(w), core)]
            utm = rows[doc][1].split()
            std = rows[doc][2].split()
            if len(utm) == len(std):
                pairs = [utm[i] for i, w in enumerate(std) if w in words]
                print(f"  relevant verse {rows[doc][0]}: standard {words} uthmani {pairs}")
                for name, analyze in analyzers.items():
                    print(f"    {name:<17} indexes {[analyze(p) for p in pairs]}")
            shown += 1
            if shown >= args.examples:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
