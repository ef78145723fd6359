"""Compatibility module: the alignment code lives in :mod:`arnorm.alignment` and :mod:`arnorm.explain`.

``from arnorm.offsets import Alignment, normalize_with_offsets`` keeps
working; new code imports from :mod:`arnorm.alignment`.
"""

from __future__ import annotations

from .alignment import (
    Alignment,
    AlignmentError,
    SpanError,
    normalize_with_offsets,
    stage_alignment,
)
from .explain import explain_with_offsets

__all__ = [
    "Alignment",
    "AlignmentError",
    "SpanError",
    "explain_with_offsets",
    "normalize_with_offsets",
    "stage_alignment",
]
