"""Stages for social text (tweets, comments): ``urls``, ``emails``, ``mentions``,
``hashtags``, ``emoji``, ``html``.

Tokens are written in square brackets (``[url]``), never in angle brackets,
so that ``html`` does not take them for tags.

* ``urls(to=token|remove)``: ``http://``, ``https://`` and ``www.`` addresses
  (up to a space; trailing punctuation stays outside) become ``[url]`` or go.
* ``emails(to=token|remove)``: ``name@host.tld`` becomes ``[email]`` or goes.
* ``mentions(to=token|remove|keep_name)``: ``@name`` (Latin or Arabic, not
  after a Latin letter, digit or dot as in an e-mail address; after an Arabic
  proclitic as in ``و@سارة``) becomes ``[user]``, goes, or keeps the name
  without the ``@``.
* ``hashtags``: keeps the words of a hashtag, drops ``#`` and writes ``_`` as
  a space (``#يوم_الوطن`` -> ``يوم الوطن``).
* ``emoji(to=keep|remove|token)``: a run of emoji (pictographs U+1F000-U+1FAFF,
  symbols U+2600-U+27BF, U+2B00-U+2BFF, U+2300-U+23FF, flags, with skin
  tones, variation selector U+FE0F and ZWJ sequences) stays, goes, or becomes
  ``[emoji]``.
* ``html``: character references are decoded (``&amp;`` -> ``&``, ``&#1605;``
  -> ``م``; nested escapes such as ``&amp;lt;`` fully, so the stage is
  idempotent; a decoded line break or control becomes a space), then tags
  (``<br>``, ``<a href=...>``) become a space, so that words they separated
  stay apart.

All are regular-expression substitutions (offsets exact automatically) except
the reference decoding, which has a ``with_edits`` hook.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Literal

from ..pipeline import Pipeline
from ..registry import register
from ..stage import FunctionStage, RegexSub, Stage
from ._common import Splice, splice

URL = r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?'\u060c\u061b\u061f)\]}]"
EMAIL = r"(?<![\w.+\]-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
MENTION = r"(?<![A-Za-z0-9_@.\]])@(\w+)"
_EMOJI_ONE = "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff][\ufe0f\U0001f3fb-\U0001f3ff]*"
EMOJI = f"(?:{_EMOJI_ONE}(?:\u200d{_EMOJI_ONE})*|[\U0001f1e6-\U0001f1ff]{{2}})+"
_REFERENCE = re.compile(r"&(?:amp;)*(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_TAG = r"</?[A-Za-z][^<>\n\r]*>|<!--[^<>\n\r]*-->"
_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029\x00-\x08\x0e-\x1b\x7f]")


@register("urls", family="social")
def urls(to: Literal["token", "remove"] = "token") -> Stage:
    """Web addresses (http://, https://, www.) to ``[url]`` or removed."""
    return RegexSub(name="urls", pattern=URL, repl="[url]" if to == "token" else "", guard=("http", "www."))


@register("emails", family="social")
def emails(to: Literal["token", "remove"] = "token") -> Stage:
    """E-mail addresses to ``[email]`` or removed."""
    return RegexSub(name="emails", pattern=EMAIL, repl="[email]" if to == "token" else "", guard=("@",))


@register("mentions", family="social")
def mentions(to: Literal["token", "remove", "keep_name"] = "token") -> Stage:
    """@mentions to ``[user]``, removed, or the name kept without ``@``."""
    repl = {"token": "[user]", "remove": "", "keep_name": r"\1"}[to]
    return RegexSub(name="mentions", pattern=MENTION, repl=repl, guard=("@",))


@register("hashtags", family="social")
def hashtags() -> Stage:
    """Keep the words of hashtags: drop ``#``, ``_`` between words to a space."""
    underscores = RegexSub(
        name="hashtag_underscores",
        pattern=r"(?<=(?<![\w&\]])#\w*)_+(?=[^\W_])",
        repl=" ",
        engine="regex",
        guard=("#",),
    )
    signs = RegexSub(name="hashtag_signs", pattern=r"(?<![\w&\]])#+(?=[^\W_])", repl="", engine="regex", guard=("#",))
    return Pipeline([underscores, signs], name="hashtags")


@register("emoji", family="social")
def emoji(to: Literal["keep", "remove", "token"] = "keep") -> Stage:
    """Emoji kept, removed, or each run replaced by ``[emoji]``."""
    repl = {"keep": r"\g<0>", "remove": "", "token": "[emoji]"}[to]
    return RegexSub(name="emoji", pattern=EMOJI, repl=repl)


def _decoded(reference: str) -> str:
    previous = None
    while previous != reference:
        previous, reference = reference, html_lib.unescape(reference)
    return _BREAKS.sub(" ", reference)


def _reference_edits(text: str) -> list[Splice]:
    if "&" not in text:
        return []
    edits = []
    for match in _REFERENCE.finditer(text):
        new = _decoded(match.group())
        if new != match.group():
            edits.append((match.start(), match.end(), new))
    return edits


def decode_references(text: str) -> str:
    """Decode HTML character references (fully, nested ones too); line breaks become spaces."""
    return splice(text, _reference_edits(text))[0]


def _references_with_edits(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    return splice(text, _reference_edits(text))


decode_references.with_edits = _references_with_edits  # type: ignore[attr-defined]


@register("html", family="social")
def html() -> Stage:
    """Decode HTML character references, then replace tags by a space."""
    tags = RegexSub(name="html_tags", pattern=_TAG, repl=" ", guard=("<",))
    return Pipeline([FunctionStage(name="html_references", func=decode_references), tags], name="html")
