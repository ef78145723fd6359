"""Print a random sample of news lines with the dates ``find_dates`` finds, for judging by hand.

Usage (from the project root)::

    python benchmarks/dates_news_sample.py 14        # seed 14, 40 lines

Lines are drawn with ``random.Random(seed).sample`` from the lines of
``../shared/corpus/news_saudinewsnet.txt`` (July 2015) whose first 300
characters match a cue pattern that does not use arnorm (digits, month and
weekday names, أمس/اليوم/غدا/الماضي/المقبل/القادم/الجاري); the first 300
characters of each are printed with the matches against the reference
2015-07-20.  Judge each line: every day, month, year, relative date and range
(both ends) is an expression; decades, seasons alone, durations and ages are not.
"""

from __future__ import annotations

import datetime
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arnorm.dates import find_dates

CUE = re.compile(
    r"[0-9٠-٩]|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر"
    r"|محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|القعدة|الحجة|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس"
    r"|الجمعة|السبت|الأحد|الاحد|أمس|امس|اليوم|غدا|الماضي|المقبل|القادم|الجاري"
)


def main(argv: list[str]) -> int:
    seed = int(argv[0]) if argv else 14
    path = ROOT.parent / "shared" / "corpus" / "news_saudinewsnet.txt"
    lines = [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    candidates = [line for line in lines if CUE.search(line[:300])]
    ref = datetime.date(2015, 7, 20)
    for n, line in enumerate(random.Random(seed).sample(candidates, 40), 1):
        text = line[:300]
        print(f"## {n}: {text}")
        for m in find_dates(text, ref=ref):
            kind = " range" if m.is_range else ""
            print(f"   -> [{m.text}] {m.iso()} {m.precision}{kind} {' '.join(m.issues)}")
    print(f"{len(candidates)} of {len(lines)} lines have a cue")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
