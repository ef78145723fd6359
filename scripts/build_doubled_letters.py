"""Build ``arnorm/data/elongation.json``: words written with a doubled letter.

    python scripts/build_doubled_letters.py ../shared/corpus/classical_tashkeela.txt

Reads the Tashkeela sample (MIT; Fadel et al. 2019, GitHub
AliOsm/arabic-text-diacritization), deletes the harakat, tanwin, shadda,
sukun, dagger alef and tatweel, and keeps every word (a run of letters
U+0621-U+064A) in which a letter is written twice in a row (الليل، ممن،
وجهه، النبيين).  The ``elongation`` stage shortens a run of three or more
repeats to two only when the two-letter spelling is such a word.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "arnorm" / "data" / "elongation.json"


def main() -> None:
    text = Path(sys.argv[1]).read_text(encoding="utf-8")
    text = re.sub("[\u064b-\u0652\u0670\u0640]", "", text)
    words = sorted({w for w in re.findall("[\u0621-\u064a]+", text) if re.search(r"(.)\1", w)})
    data = {
        "description": "Word list of the elongation stage.",
        "lists": [
            {
                "name": "doubled_letters",
                "description": "Words written with a letter twice in a row (diacritics removed), so that "
                "elongated spellings shorten to them rather than to one letter.",
                "source": "Tashkeela corpus as preprocessed by Fadel et al. 2019 (GitHub "
                "AliOsm/arabic-text-diacritization, MIT licence), the 2,500-line sample "
                "classical_tashkeela.txt; built by scripts/build_doubled_letters.py",
                "words": words,
            }
        ],
    }
    OUT.write_text(json.dumps(data, ensure_ascii=True, indent=1) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
