"""Parity with Lucene itself, word by word, on every word of ../shared/corpus.

The ``lucene`` preset must equal Lucene 9.9's ArabicNormalizer and
``lucene_stem`` its ArabicNormalizer followed by ArabicStemmer (the
ArabicNormalizationFilter and ArabicStemFilter of an Elasticsearch/Solr
``arabic`` analyzer).  The reference is Lucene's own classes run by the JVM
(``tests/lucene/LuceneArabic.java``), not a reading of its source.  Skipped,
with the reason, where Java 21+ or the jar is absent (``tests/lucene_harness.py``);
``.ci/run`` installs the jar.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from conftest import shared_file
from lucene_harness import java_home, lucene_jar, run_lucene

import arnorm
from arnorm.stages.stem import WORD_CHAR

pytestmark = pytest.mark.slow

_WORD = regex.compile(f"{WORD_CHAR}+")


def _corpus_words() -> list[str]:
    words: set[str] = set()
    for name in ("news_saudinewsnet.txt", "classical_tashkeela.txt", "quran_uthmani.txt", "seed_article.txt"):
        words.update(_WORD.findall(shared_file("corpus", name).read_text(encoding="utf-8")))
    return sorted(words)


@pytest.fixture(scope="module")
def lucene_rows(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[tuple[str, str]]]:
    if lucene_jar() is None:
        pytest.skip("Lucene jar not found: pip install --no-deps pyserini==1.6.0 or set ARNORM_LUCENE_JAR")
    if java_home() is None:
        pytest.skip("no JDK 21+ found (ARNORM_JAVA_HOME, JAVA_HOME, /usr/lib/jvm)")
    words = _corpus_words()
    return words, run_lucene(words, Path(tmp_path_factory.mktemp("lucene")))


def _disagreements(words: list[str], expected: list[str], pipe: arnorm.Pipeline) -> list[tuple[str, str, str]]:
    return [(w, e, got) for w, e in zip(words, expected) if (got := pipe(w)) != e]


def test_normalizer_equals_lucene_on_every_corpus_word(lucene_rows: tuple[list[str], list[tuple[str, str]]]) -> None:
    words, rows = lucene_rows
    bad = _disagreements(words, [r[0] for r in rows], arnorm.preset("lucene"))
    print(f"lucene normalizer: {len(words) - len(bad)}/{len(words)} corpus words agree")
    assert bad == []


def test_stemmer_equals_lucene_on_every_corpus_word(lucene_rows: tuple[list[str], list[tuple[str, str]]]) -> None:
    words, rows = lucene_rows
    bad = _disagreements(words, [r[1] for r in rows], arnorm.preset("lucene_stem"))
    print(f"lucene stemmer: {len(words) - len(bad)}/{len(words)} corpus words agree")
    assert bad == []


def test_running_text_equals_word_by_word(lucene_rows: tuple[list[str], list[tuple[str, str]]]) -> None:
    # The stages work word by word, so a whole line gives what its words give.
    line = shared_file("corpus", "news_saudinewsnet.txt").read_text(encoding="utf-8").splitlines()[3]
    pipe = arnorm.preset("lucene_stem")
    assert pipe(line) == _WORD.sub(lambda m: pipe(m.group()), line)
