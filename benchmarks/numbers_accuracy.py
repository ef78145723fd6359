"""pyarabic's number functions beside ``arnorm.numbers``, on the same inputs.

Usage (from the project root)::

    python benchmarks/numbers_accuracy.py

Three checks, each over the integers 0-9999 and 10,000 random integers below
10**9 (seed 12):

1. reading standard words: ``text2number(number_to_words(n)) == n`` against
   ``words_to_number(number_to_words(n)) == n`` (``number_to_words`` writes
   the citation forms of Wright's grammar, vol. 1 par. 320-325);
2. reading pyarabic's own words: ``text2number(number2text(n)) == n``;
3. a fixed list of forms from news and dialect with their values (below).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pyarabic.number import number2text, text2number

from arnorm.numbers import number_to_words, words_to_number

#: Forms with their values: standard grammar (Wright par. 320-329) and dialect spellings.
CASES = [
    ("ثلاثة وعشرين", 23), ("ألفين وخمسة عشر", 2015), ("ثلاث مئة", 300), ("ثلاثمائة", 300),
    ("مليون وخمسمائة ألف", 1500000), ("أحد عشر ألفا", 11000), ("ثلاثة آلاف", 3000),
    ("خمسمية واربعطاشر", 514), ("تلاتة", 3), ("مية وعشرين", 120), ("الفين", 2000),
    ("الحادي عشر", 11), ("الحادي والعشرين", 21), ("العاشر", 10), ("ثلاثة ونصف", 3.5),
]


def _safe(f: object, arg: object) -> object:
    try:
        return f(arg)  # type: ignore[operator]
    except Exception:  # noqa: BLE001 - a crash counts as a wrong answer
        return None


def main() -> int:
    rng = random.Random(12)
    numbers = list(range(10000)) + [rng.randrange(10**9) for _ in range(10000)]
    ours = sum(words_to_number(number_to_words(n)) == n for n in numbers)
    theirs = sum(_safe(text2number, number_to_words(n)) == n for n in numbers)
    own = sum(_safe(text2number, _safe(number2text, n)) == n for n in numbers)
    print(f"integers: {len(numbers)}")
    print(f"standard words -> number: arnorm {ours / len(numbers):.4f}, pyarabic text2number {theirs / len(numbers):.4f}")
    print(f"pyarabic number2text -> pyarabic text2number: {own / len(numbers):.4f}")
    ok_ours = sum(words_to_number(t) == v for t, v in CASES)
    ok_theirs = sum(_safe(text2number, t) == v for t, v in CASES)
    print(f"news and dialect forms ({len(CASES)}): arnorm {ok_ours}, pyarabic {ok_theirs}")
    for t, v in CASES:
        print(f"  {t} = {v}: arnorm {words_to_number(t)}, pyarabic {_safe(text2number, t)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
