"""Alignments: map spans of normalized text back to the original text, and forth.

NER, search highlighting and annotation run on normalized text; their spans
must point into the text the user gave.  :func:`normalize_with_offsets`
returns the normalized text and an :class:`Alignment` between the two::

    >>> import arnorm
    >>> from arnorm.alignment import normalize_with_offsets
    >>> text = "قال أَحْمَـــدُ"
    >>> norm, alignment = normalize_with_offsets(arnorm.preset("search"), text)
    >>> norm
    'قال احمد'
    >>> start, end = alignment.to_original(4, 8)
    >>> text[start:end]
    'أَحْمَـــدُ'
    >>> alignment.to_normalized(4, 5)
    (4, 5)

The package has three parts: the model (:class:`Alignment`, in
:mod:`~arnorm.alignment.model`), the per-stage edits
(:func:`stage_alignment`, in :mod:`~arnorm.alignment.edits`) and the diff
fallback for stages without exact edits (:mod:`~arnorm.alignment.diff`).
What each stage changed, for people, is :mod:`arnorm.explain`, built on these.

How an alignment is stored
--------------------------
An :class:`Alignment` holds **edit segments**: four NumPy ``int64`` arrays
``orig_start, orig_end, norm_start, norm_end``, sorted and non-overlapping.
Between two edits the texts agree one character for one character, so the
memory is proportional to the number of edits, not to the length of the text.
A character that a stage deletes is an edit with an empty normalized side; a
ligature that expands (U+FDF2 ﷲ -> ``الله``) is an edit of one character to four.

How spans map
-------------
* A span that covers part of an edit expands to the whole edit on the other
  side (any part of ``الله`` maps to the one character ``ﷲ``).
* A deleted character (a haraka, a tatweel, a bidi control) belongs to the
  character before it; deletions at the very start of the text belong to the
  first character.  So the original spans of consecutive normalized spans
  tile the original text, and a word's span includes its trailing diacritics.
* Inserted text (where a stage adds characters and removes none) is attached
  to the character before it when the alignment is built (to the one after
  it at the start of the text), so that every normalized character comes
  from at least one original character.
* An empty span maps to an empty span at the corresponding boundary (after
  the deletions that stand there; at 0 for 0).  An empty span strictly inside
  an edit has no corresponding boundary and maps to the whole edit.
* The whole range always maps to the whole range, and mapping is monotone.

When alignments compose (stage after stage), edits that overlap in the text
between them become one edit; so a span never maps to less than the stages
chained one by one would give.
"""

from __future__ import annotations

from ..errors import AlignmentError, SpanError
from .edits import normalize_with_offsets, stage_alignment
from .model import Alignment, diff_alignment

__all__ = [
    "Alignment",
    "AlignmentError",
    "SpanError",
    "diff_alignment",
    "normalize_with_offsets",
    "stage_alignment",
]
