"""Social-text stages (urls, emails, mentions, hashtags, emoji, html), elongation, the social preset."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import arnorm
from arnorm.offsets import normalize_with_offsets
from arnorm.stages.context import LINE_BREAKS
from arnorm.stages.elongation import doubled_letters, shorten_elongation

SOCIAL = arnorm.preset("social")
STAGES = ["urls", "emails", "mentions", "hashtags", "emoji(to=token)", "emoji(to=remove)", "html", "elongation"]
pieces = st.sampled_from(
    ["http://a.b/c", "www.x.sa", "a@b.co", "@ali", "#يوم_الوطن", "_", "#", "&amp;", "&lt;b&gt;", "&#10;",
     "<br>", "<", ">", "😂", "👍🏽", "\u200d", "هههه", "جميييل", "لل", "ل", " ", "\n", "ي", "ا", "،", "."]
)
texts = st.lists(pieces, max_size=12).map("".join)


@given(texts)
@example("&amp;lt;b&amp;gt;")
@example("ييي ي")
@example("a@b.co.a@b.co")
def test_social_stages_idempotent_keep_lines_and_offsets(text: str) -> None:
    for spec in [*STAGES, "social"]:
        stage = SOCIAL if spec == "social" else arnorm.Pipeline([spec])
        once = stage(text)
        assert stage(once) == once, spec
        assert [once.count(b) for b in LINE_BREAKS] == [text.count(b) for b in LINE_BREAKS], spec
        out, alignment = normalize_with_offsets(stage, text)
        assert out == once and alignment.to_original(0, len(out)) == (0, len(text))


@pytest.mark.parametrize(
    ("spec", "text", "expected"),
    [
        ("urls", "الرابط https://t.co/abc123، رائع", "الرابط [url]، رائع"),
        ("urls(to=remove)", "انظر www.spa.gov.sa.", "انظر ."),
        ("emails", "راسلني على ali.h@example.com", "راسلني على [email]"),
        ("mentions", "شكرا @ali_99 و@سارة", "شكرا [user] و[user]"),
        ("mentions(to=keep_name)", "شكرا @ali_99", "شكرا ali_99"),
        ("hashtags", "#يوم_الوطن_السعودي_89 رائع", "يوم الوطن السعودي 89 رائع"),
        ("emoji(to=token)", "رائع 😂😂👍🏽 جدا", "رائع [emoji] جدا"),
        ("emoji(to=remove)", "👨\u200d👩\u200d👧 🇸🇦", " "),
        # References are decoded first, so escaped markup goes like markup.
        ("html", "&lt;b&gt; &amp;amp; <br>عالم&#1605;", "  &  عالمم"),
        ("html", "سطر<br/>سطر", "سطر سطر"),  # a tag between words is a space, never a merge
    ],
)
def test_social_stage_examples(spec: str, text: str, expected: str) -> None:
    assert arnorm.Pipeline([spec])(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("جمييييل", "جميل"),
        ("واااو", "واو"),
        ("هههههه", "ههه"),  # laughter: one letter repeated keeps three
        ("تتتابع", "تتتابع"),  # تَ + تتابع: three tehs are spelling
        ("للليبيين", "للليبيين"),  # لِ + الليبيين
        ("الللليل", "الليل"),  # الليل is in the doubled-letter list
        ("ممممن", "ممن"),
    ],
)
def test_elongation(text: str, expected: str) -> None:
    assert shorten_elongation(text) == expected


def test_doubled_letter_list_has_the_words_the_rule_needs() -> None:
    words = doubled_letters()
    assert {"الليل", "ممن"} <= words
    assert all(any(a == b for a, b in itertools.pairwise(w)) for w in words)


def test_social_preset_on_a_tweet() -> None:
    tweet = "@ali_99 شكراااا على الرابط https://t.co/x1 #يوم_الوطن 😂\u200fرائع"
    assert SOCIAL(tweet) == "[user] شكرا على الرابط [url] يوم الوطن 😂رائع"


def test_social_reads_presentation_forms_before_uthmani() -> None:
    # SaudiNewsNet writes alef wasla as the presentation form U+FB50 (وﭐحتجاجك): it becomes ٱ
    # first, then standard alef, in one pass (the preset stays idempotent).
    once = SOCIAL("\u0648\ufb50\u062d\u062a\u062c\u0627\u062c\u0643 \u0648\u0671\u0633\u0645\u0643")
    assert once == "\u0648\u0627\u062d\u062a\u062c\u0627\u062c\u0643 \u0648\u0627\u0633\u0645\u0643"
    assert SOCIAL(once) == once
