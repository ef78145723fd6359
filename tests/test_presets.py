"""Presets and stages pinned on real text and known linguistic facts."""

from __future__ import annotations

import pytest
from conftest import shared_file

import arnorm


def test_seed_first_lines_under_search(seed_text: str) -> None:
    lines = arnorm.preset("search")(seed_text).split("\n")
    # Teh marbuta folds to heh, hamza on a seat to ء (فصائل -> فصاءل), أ to ا.
    assert lines[0] == "في مواجهه روسيا والنظام .. قاده فصاءل المعارضه تتجاوز خلافاتها وتجتمع لراب الصدع وتوحيد الجهود"
    # The EN SPACE (U+2002) becomes a space; Arabic-Indic digits become ASCII.
    assert lines[2] == "● اخبار سوريه 26 مايو 2019"
    # Tanwin and the Arabic comma: "عدداً" -> "عددا", "،" -> ",".
    assert "اليوم الاحد, صوره تجمع عددا من قاده" in lines[6]


def test_seed_tatweel_line_under_clean(seed_text: str) -> None:
    out = arnorm.preset("clean")(seed_text)
    # The last line, tatweel runs standing alone, is a drawn rule (a dash), not
    # elongation: clean keeps it; search empties the line without removing it.
    assert out.endswith("\n\n\u0640\u0640\u0640\u0640\u0640\u0640\u0640 \u0640\u0640")
    assert arnorm.preset("search")(seed_text).endswith("\n\n")
    assert out.count("\n") == seed_text.count("\n")
    assert "\u2002" not in out
    assert "عددًا" in out  # clean keeps diacritics (the fathatan moved onto the letter before the alef)


def test_ml_keeps_letter_variants_and_composes() -> None:
    ml = arnorm.preset("ml")
    assert ml("أَحْمَدُ") == "أحمد"  # NFD + strip Mn would give احمد
    assert ml("\u0627\u0654\u062d\u0645\u062f") == "أحمد"  # decomposed input is composed first
    assert ml("مُؤْمِن") == "مؤمن"


@pytest.mark.parametrize(
    "spec, text, expected",
    [
        # CAMeL Tools dediac_ar removes exactly U+064B-U+0652 and U+0670.
        ("diacritics(drop=tanwin+harakat+shadda+sukun+dagger_alef)", "الرَّحْمَٰنِ", "الرحمن"),
        # PyArabic strip_harakat keeps shadda.
        ("diacritics(keep=shadda)", "الْعَرَبِيّةُ", "العربيّة"),
        # PyArabic strip_lastharaka drops only the final vowel (here per word).
        ("case_endings", "كتبَ الولدُ الدرسَ", "كتب الولد الدرس"),
        ("case_endings", "الْعَرَبِيّةُ", "الْعَرَبِيّة"),
        ("alef", "أإآٱ", "اااا"),
        ("hamza", "مؤمن سئل", "مومن سيل"),
        ("hamza(isolated=drop)", "سماء", "سما"),
        ("ya", "على", "علي"),
        # The reverse folding (as Egyptian spelling and some search engines do) is
        # applied to every word-final yeh, the preposition في included.
        ("ya(to=alef_maksura)", "علي في بيتي", "على فى بيتى"),
        ("teh_marbuta", "مدرسة", "مدرسه"),
        ("farsi", "ی ک ۀ ھ ە", "ي ك ه ه ه"),
        ("digits", "٢٦ مايو ٢٠١٩، ۱۴۰۰، ٣٫٥٪", "26 مايو 2019، 1400، 3.5%"),
        ("digits(to=arabic)", "26 May 2019 ۱۴", "٢٦ May ٢٠١٩ ١٤"),
        ("punctuation", "نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"),
        ("punctuation(to=arabic)", "نعم, لا; لماذا? see https://x.org/?q=1, 2", "نعم، لا؛ لماذا؟ see https://x.org/?q=1, 2"),
        # Unicode: U+FDF2 is the word Allah; U+FEFB is lam-alef.
        ("presentation_forms", "\ufdf2 \ufefb \ufe8d\ufedf", "الله لا ال"),
        ("presentation_forms(phrases=false)", "\ufdf2 \ufefb", "\ufdf2 لا"),
        ("ligatures", "\ufefb\ufe8d", "لا\ufe8d"),
        # A bidi mark that is the only separator between two letters is a word break.
        ("invisible", "a\u200fb\u202bc\u202cd\u200ce", "a bcd\u200ce"),
        ("invisible(zwnj=space)", "می\u200cخواهم", "می خواهم"),
        ("whitespace", "  a \u2002 b  \n  c  ", "a b\nc"),
        ("tatweel", "العـــــربية", "العربية"),
    ],
)
def test_stage_facts(spec: str, text: str, expected: str) -> None:
    assert arnorm.Pipeline.from_spec(spec)(text) == expected


def test_emoji_zwj_sequences_survive_by_default() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert arnorm.normalize(family) == family


def _camel_chain():  # type: ignore[no-untyped-def]
    dediac = pytest.importorskip("camel_tools.utils.dediac")
    normalize = pytest.importorskip("camel_tools.utils.normalize")

    def chain(s: str) -> str:
        s = normalize.normalize_unicode(s)
        s = dediac.dediac_ar(s)
        s = normalize.normalize_alef_ar(s)
        s = normalize.normalize_alef_maksura_ar(s)
        return normalize.normalize_teh_marbuta_ar(s)

    return chain


@pytest.mark.parametrize(
    "name", ["seed_article.txt", "news_saudinewsnet.txt", "classical_tashkeela.txt", "quran_uthmani.txt"]
)
def test_camel_preset_reproduces_camel_tools(name: str) -> None:
    chain = _camel_chain()
    text = shared_file("corpus", name).read_text(encoding="utf-8")
    ours = arnorm.preset("camel")
    for i, line in enumerate(text.splitlines()):
        assert ours(line) == chain(line), f"{name}:{i + 1}"


def test_camel_preset_on_nasty_characters() -> None:
    chain = _camel_chain()
    from arnorm.strategies import NASTY

    for text in NASTY + ("\ufdfc \ufdfd \ufb01 \uff21 \u00b2",):
        assert arnorm.preset("camel")(text) == chain(text)
