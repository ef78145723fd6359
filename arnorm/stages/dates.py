"""The ``dates`` stage: rewrite recognised dates in place (ISO 8601 by default).

Built on :func:`arnorm.dates.rewrite_dates`; see :mod:`arnorm.dates` for what is
recognised.  The stage owns the characters of the dates it rewrites and
leaves every other character alone; it works line by line and is idempotent
(an ISO rendering is read back as the same date; a ``keep_original``
annotation is not added twice).  Relative dates (``أمس``, ``الأحد القادم``,
dates without a year) are rewritten only when ``ref`` is given.  Ranges and
weeks become ISO 8601 intervals (``2015-07-21/2015-07-30``), a date with a
clock time ``2019-05-26T15:00``; month parts (``منتصف مايو``) and parts of
the day without a time (``مساء أمس``) are left alone.

Options:
    format: ``iso`` (default: ``2019-05-26``, ``2019-05``, ``2019``), ``dmy``
        (``26/05/2019``), or ``arabic`` (``٢٦ مايو ٢٠١٩``).
    keep_original: keep the date and add the rendering in brackets.
    ref: reference date for relative dates, ISO (``2021-09-01``); empty = none.
    names: month naming system for ``format=arabic``.
    digits: digits for ``format=dmy``/``arabic`` (ISO is always ASCII).
    weekdays: how a weekday alone is resolved when its clause has no tense
        (see ``find_dates``).
"""

from __future__ import annotations

from typing import Literal

from ..registry import register
from ..stage import FunctionStage, Stage


@register("dates", family="dates")
def dates(
    format: Literal["iso", "dmy", "arabic"] = "iso",
    keep_original: bool = False,
    ref: str = "",
    names: Literal["egyptian", "levantine", "maghrebi", "moroccan", "mauritanian"] = "egyptian",
    digits: Literal["ascii", "arabic", "persian"] = "arabic",
    weekdays: Literal["nearest", "on_or_after", "after", "before"] = "nearest",
) -> Stage:
    """Rewrite recognised dates in place (ISO 8601 by default)."""
    from ..dates.model import coerce_ref  # imported on use: importing the stages stays cheap
    from ..dates.render import rewrite_dates

    coerce_ref(ref)  # fail at construction on a bad reference date
    return FunctionStage(
        name="dates",
        func=rewrite_dates,
        kwargs=(
            ("ref", ref),
            ("format", format),
            ("names", names),
            ("digits", digits),
            ("keep_original", keep_original),
            ("weekdays", weekdays),
        ),
    )
