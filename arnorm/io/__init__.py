"""Byte-level streaming for the command line: read, cut, decode, normalize, write.

The command line (:mod:`arnorm.cli`) maps flags to a :class:`~arnorm.pipeline.Pipeline`
and calls :func:`run`; everything about bytes lives here, one module per concern:

* :mod:`~arnorm.io.cuts`: where a very long line may be cut (UTF-8-safe, and
  only where the pipeline's stages allow it);
* :mod:`~arnorm.io.chunks`: reading input into chunks of whole lines;
* :mod:`~arnorm.io.transform`: decoding, CRLF, ``--jsonl`` splicing, one pipeline call per chunk;
* :mod:`~arnorm.io.parallel`: running the sources, in order, through an optional process pool;
* :mod:`~arnorm.io.atomic`: atomic output files and deferred signals.

No module here changes process-wide state on import or on :func:`run`
(the command line's allocator tuning is done by the command line).
"""

from __future__ import annotations

from ..errors import InputDataError, OutputError
from .atomic import atomic_output
from .chunks import BOM, CHUNK_BYTES, CUT_WINDOW, MAX_LINE_BYTES, Chunk, Source, file_chunks, read_chunks
from .cuts import pipeline_context, safe_cut
from .parallel import RunStats, run
from .transform import ErrorPolicy, Transformed, transform

__all__ = [
    "BOM",
    "CHUNK_BYTES",
    "CUT_WINDOW",
    "MAX_LINE_BYTES",
    "Chunk",
    "ErrorPolicy",
    "InputDataError",
    "OutputError",
    "RunStats",
    "Source",
    "Transformed",
    "atomic_output",
    "file_chunks",
    "pipeline_context",
    "read_chunks",
    "run",
    "safe_cut",
    "transform",
]
