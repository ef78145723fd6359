"""A pipeline as search-engine analysis settings (Elasticsearch, OpenSearch, Lucene).

The same folding in the index as in Python: the character maps at the head
of a pipeline become one ``mapping`` character filter (Lucene's
``MappingCharFilter``), and the stages that are Lucene's own Arabic filters
become those built-in filters:

=====================  =======================================================
arnorm stage           engine
=====================  =======================================================
leading character      ``mapping`` char filter (one rule per changed character)
maps (fused)
``lucene_normalize``   ``arabic_normalization`` token filter
``light_stem``         ``arabic_stem`` token filter
=====================  =======================================================

>>> settings = analysis_settings("lucene_stem")
>>> settings["analysis"]["analyzer"]["arnorm"]["filter"]
['arabic_normalization', 'arabic_stem']

Any other stage (a regular expression, dates, a character map after a token
filter) has no engine equivalent: :class:`~arnorm.errors.UnsupportedStageError`
names it.  Mapping rules are written in Lucene's mapping-file syntax
(``"\\u064B" => ""``), which Elasticsearch and OpenSearch also read;
``tests/test_export.py`` runs Lucene's own ``MappingCharFilterFactory`` on the
exported file over the whole corpus.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import UnknownFormatError, UnsupportedStageError
from .presets import PipelineLike, as_pipeline
from .stage import CharMap, Stage
from .tables import compose

__all__ = ["FORMATS", "analysis_settings", "export", "mapping_rules", "unsupported_stages"]

FORMATS: tuple[str, ...] = ("elasticsearch", "opensearch", "lucene-mapping")

def _escape(text: str) -> str:
    return "".join(f"\\u{ord(c):04X}" if ord(c) > 0x7E or c in '"\\' or ord(c) < 0x20 else c for c in text)


def mapping_rules(mapping: dict[str, str]) -> list[str]:
    """Lucene mapping-file rules (``"\\u0623" => "\\u0627"``), one per changed character, sorted."""
    rules = []
    for key in sorted(mapping):
        if len(key.encode("utf-16-le")) != 2:
            raise UnsupportedStageError(f"map of {key!r}", "Lucene maps UTF-16 code units; astral keys cannot be mapped")
        rules.append(f'"{_escape(key)}" => "{_escape(mapping[key])}"')
    return rules


def _token_filter(stage: Stage) -> str | None:
    if stage.name == "lucene_normalize":
        return "arabic_normalization"
    if stage.name == "light_stem" and stage.params == ():
        return "arabic_stem"
    return None


def _units(pipe: PipelineLike) -> list[Stage]:
    """The pipeline as the units the engines see: Lucene's own stages whole, everything else by leaf."""
    units: list[Stage] = []
    for stage in as_pipeline(pipe).stages:
        units += [stage] if _token_filter(stage) is not None else list(stage.leaves())
    return units


def unsupported_stages(pipe: PipelineLike) -> tuple[str, ...]:
    """The specs of the stages of ``pipe`` that have no search-engine equivalent.

    With ``skip_unsupported=True``, :func:`export` leaves exactly these out.
    """
    out: list[str] = []
    seen_filter = False
    for unit in _units(pipe):
        if _token_filter(unit) is not None:
            seen_filter = True
        elif seen_filter or not isinstance(unit, CharMap):
            out.append(unit.spec)
    return tuple(out)


def _split(pipe: PipelineLike, skip_unsupported: bool = False) -> tuple[dict[str, str], list[str]]:
    """The fused leading character map and the built-in token filters of a pipeline."""
    maps: list[dict[str, str]] = []
    filters: list[str] = []
    skip = set(unsupported_stages(pipe)) if skip_unsupported else set()
    for unit in _units(pipe):
        builtin = _token_filter(unit)
        if builtin is not None:
            filters.append(builtin)
        elif unit.spec in skip:
            continue
        elif isinstance(unit, CharMap) and not filters:
            maps.append(unit.mapping)
        else:
            where = "after a token filter" if filters else "not a character map"
            raise UnsupportedStageError(unit.spec, f"no search-engine equivalent ({where})")
    return compose(maps), filters


def analysis_settings(pipe: PipelineLike, *, name: str = "arnorm", skip_unsupported: bool = False) -> dict[str, Any]:
    """Elasticsearch/OpenSearch index ``settings`` with an analyzer ``name`` doing what ``pipe`` does.

    The analyzer uses the ``standard`` tokenizer; its character filter and
    token filters come from the pipeline.

    Raises:
        UnsupportedStageError: a stage with no engine equivalent (unless
            ``skip_unsupported``: then it is left out; see :func:`unsupported_stages`).
    """
    mapping, filters = _split(pipe, skip_unsupported)
    analyzer: dict[str, Any] = {"type": "custom", "tokenizer": "standard"}
    analysis: dict[str, Any] = {"analyzer": {name: analyzer}}
    if mapping:
        analysis["char_filter"] = {name: {"type": "mapping", "mappings": mapping_rules(mapping)}}
        analyzer["char_filter"] = [name]
    analyzer["filter"] = filters
    return {"analysis": analysis}


def export(
    pipe: PipelineLike, fmt: str = "elasticsearch", *, name: str = "arnorm", skip_unsupported: bool = False
) -> str:
    """The pipeline's analysis settings as text in format ``fmt`` (see :data:`FORMATS`).

    ``elasticsearch`` and ``opensearch`` give the index settings JSON;
    ``lucene-mapping`` gives the mapping file of the character-map part, for
    ``MappingCharFilterFactory`` (Solr, Lucene).

    Raises:
        UnknownFormatError: ``fmt`` is not a format.
        UnsupportedStageError: a stage with no engine equivalent.
    """
    if fmt not in FORMATS:
        raise UnknownFormatError(fmt, FORMATS)
    if fmt == "lucene-mapping":
        mapping, _ = _split(pipe, skip_unsupported)
        return "".join(rule + "\n" for rule in mapping_rules(mapping))
    settings = analysis_settings(pipe, name=name, skip_unsupported=skip_unsupported)
    return json.dumps({"settings": settings}, indent=2, ensure_ascii=True) + "\n"
