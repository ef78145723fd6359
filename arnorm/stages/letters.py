"""Letter stages: ``tatweel``, ``alef``, ``hamza``, ``ya``, ``teh_marbuta``, ``farsi``.

Code points (tables in ``arnorm/data/letters.json``):

* ``tatweel``: deletes U+0640 ARABIC TATWEEL; ``where=inside`` only where it
  elongates a word (between a letter and a following letter), keeping a
  standalone tatweel (a dash), a word-final one (``هـ``) and one carrying
  marks (see :mod:`arnorm.stages.context`).
* ``alef``: U+0622 آ, U+0623 أ, U+0625 إ, U+0671 ٱ -> U+0627 ا; with
  ``extended=true`` (default) also U+0672, U+0673, U+0675.
* ``hamza``: U+0624 ؤ -> و, U+0626 ئ -> ي, U+0676 -> و, U+0678 -> ي;
  ``isolated=drop`` also deletes U+0621 ء and U+0674.  ``to=hamza`` instead
  writes the seated hamzas ؤ ئ as ء, so that spellings that differ only in
  the seat meet (مسئول/مسؤول -> مسءول, يقرءون/يقرؤون -> يقرءون) while words
  that differ in a letter stay apart (the ``search`` preset).
* ``ya``: ``to=ya`` (default) U+0649 ى -> U+064A ي; ``to=alef_maksura`` turns
  a word-final ي into ى instead (as some search engines index).
* ``teh_marbuta``: U+0629 ة -> U+0647 ه.
* ``farsi``: Persian/Urdu/Kurdish forms to Arabic letters: U+06A9 ک, U+06AA
  -> ك; U+06BE ھ, U+06C0 ۀ, U+06C1 ہ, U+06C2, U+06D5 ە -> ه; U+06C3 -> ة;
  U+06CC ی, U+06CD, U+06D0, U+06D2 ے, U+06D3 -> ي.  ``lines=arabic`` folds
  them only on lines without a Persian-only letter (U+067E پ, U+0686 چ,
  U+0698 ژ, U+06AF گ, ZWNJ), so that Persian text keeps its letters (``ml``).
* ``alef(which=wasla)``: only U+0671 ٱ -> ا (``ml``).
"""

from __future__ import annotations

from typing import Literal

from ..registry import register
from ..stage import CharMap, FunctionStage, RegexSub, Stage
from ..tables import load_table
from ._common import runs_of, splice, table_map
from .context import delete_inner_tatweel


@register("tatweel", family="letters")
def tatweel(where: Literal["all", "inside"] = "all") -> Stage:
    """Delete tatweel (kashida) U+0640; where=inside only between letters (keeps dashes, هـ)."""
    if where == "inside":
        return FunctionStage(name="tatweel", func=delete_inner_tatweel)
    return table_map("letters", ["tatweel"], "tatweel")


@register("alef", family="letters")
def alef(extended: bool = True, which: Literal["all", "wasla"] = "all") -> Stage:
    """Fold alef with hamza/madda and alef wasla (أ إ آ ٱ) to bare alef ا; which=wasla only ٱ."""
    if which == "wasla":
        return CharMap.from_mapping("alef", {"\u0671": "\u0627"})
    return table_map("letters", ["alef", "alef_extended"] if extended else ["alef"], "alef")


@register("hamza", family="letters")
def hamza(isolated: Literal["keep", "drop"] = "keep", to: Literal["carrier", "hamza"] = "carrier") -> Stage:
    """Fold hamza on a carrier (ؤ ئ) to the bare carrier (و ي), or to=hamza to ء; isolated=drop deletes ء."""
    names = ["hamza"] if to == "carrier" else ["hamza_seat"]
    if isolated == "drop":
        names = ["hamza", "hamza_isolated"]
    return table_map("letters", names, "hamza")


@register("ya", family="letters")
def ya(to: Literal["ya", "alef_maksura"] = "ya") -> Stage:
    """Fold alef maksura ى to yeh ي (or, to=alef_maksura, word-final ي to ى)."""
    if to == "ya":
        return table_map("letters", ["ya"], "ya")
    return RegexSub(
        name="ya",
        pattern=r"(?<=\p{L}\p{Mn}*)\u064A(?=\p{Mn}*(?![\p{L}\p{Mn}]))",
        repl="\u0649",
        engine="regex",
        guard=("\u064a",),
    )


@register("teh_marbuta", family="letters")
def teh_marbuta() -> Stage:
    """Fold teh marbuta ة to heh ه."""
    return table_map("letters", ["teh_marbuta"], "teh_marbuta")


#: Letters of Persian (and Urdu, Kurdish) for sounds Arabic lacks: peh, tcheh, jeh, gaf.
PERSIAN_ONLY = "\u067e\u0686\u0698\u06af\u200c"


def fold_farsi_in_arabic_lines(text: str) -> str:
    """Fold Persian letter forms on the lines that have no Persian-only letter (see ``farsi``)."""
    return _farsi_with_edits(text)[0]


def _farsi_with_edits(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    table = load_table("letters", "farsi").mapping
    present = [c for c in table if c in text]
    if not present:
        return text, []
    edits = []
    # Only the "\n" lines that hold a Persian form are looked at (each is split at the
    # other LINE_BREAKS as text.splitlines() would: no CR LF straddles a "\n" cut).
    done = 0
    for first, _ in runs_of(text, present):
        if first < done:
            continue
        offset = text.rfind("\n", 0, first) + 1
        end = text.find("\n", first)
        done = len(text) if end < 0 else end + 1
        for line in text[offset:done].splitlines(keepends=True):  # the boundaries of LINE_BREAKS
            if any(c in line for c in present) and not any(c in line for c in PERSIAN_ONLY):
                for start, stop in runs_of(line, present):
                    edits.append((offset + start, offset + stop, "".join(table[c] for c in line[start:stop])))
            offset += len(line)
    return splice(text, edits)


fold_farsi_in_arabic_lines.with_edits = _farsi_with_edits  # type: ignore[attr-defined]


@register("farsi", family="letters")
def farsi(lines: Literal["all", "arabic"] = "all") -> Stage:
    """Fold Persian/Urdu letter forms (ی ک ۀ ھ ە ے) to Arabic (ي ك ه); lines=arabic only on
    lines without Persian-only letters (پ چ ژ گ, ZWNJ): Arabic typed on a Persian keyboard."""
    if lines == "arabic":
        return FunctionStage(name="farsi", func=fold_farsi_in_arabic_lines)
    return table_map("letters", ["farsi"], "farsi")
