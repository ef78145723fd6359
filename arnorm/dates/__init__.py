"""Date recognition for Arabic text.

>>> from arnorm.dates import find_dates
>>> m = find_dates("أخبار سورية ٢٦ مايو ٢٠١٩")[0]
>>> m.text, m.date.isoformat(), m.precision
('٢٦ مايو ٢٠١٩', '2019-05-26', 'day')

* :func:`find_dates` - the dates in a text, as :class:`DateMatch` objects;
* :func:`rewrite_dates` - the text with each date rewritten (ISO 8601 by default);
* :func:`render_date` - a date written in Arabic in a chosen naming system and digits;
* :func:`dates_to_jsonl` - one JSON line of matches for one input line (for the CLI).
"""

from __future__ import annotations

from .calendar import HijriRangeError
from .find import WeekdayRule, find_dates
from .model import DateMatch, DateRefError
from .render import dates_to_jsonl, render_arabic, render_match, rewrite_dates

__all__ = [
    "DateMatch",
    "DateRefError",
    "HijriRangeError",
    "WeekdayRule",
    "dates_to_jsonl",
    "find_dates",
    "render_arabic",
    "render_match",
    "rewrite_dates",
]
