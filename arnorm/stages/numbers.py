"""The ``numbers`` stage: Arabic number words written in digits.

Built on :func:`arnorm.numbers.rewrite_numbers`: cardinal phrases (standard
and common dialect forms: ``ثلاثة وعشرين`` -> ``23``, ``خمسمية واربعطاشر`` ->
``514``), fractions after a number (``ثلاثة ونصف`` -> ``3.5``) and percent
phrases (``خمسة في المئة`` -> ``5%``) become ASCII digits; ordinals only with
``ordinals=true``.  A lone short unit word that is often something else
(``ست``, ``سبع``, ``صفر``) is left alone.  The stage is idempotent: digits are
left as they are.

Options:
    ordinals: also rewrite ordinals (``الحادي عشر`` -> ``11``).
"""

from __future__ import annotations

from ..numbers import rewrite_numbers
from ..registry import register
from ..stage import FunctionStage, Stage


@register("numbers", family="numbers")
def numbers(ordinals: bool = False) -> Stage:
    """Write Arabic number words in digits (``ثلاثة وعشرين`` -> ``23``)."""
    return FunctionStage(name="numbers", func=rewrite_numbers, kwargs=(("ordinals", ordinals),))
