"""The graph contract: labels, relationship types and their properties.

Every sink (the embedded store, Neo4j, the exports, the views) reads rows that
follow this module (see :mod:`kg.rows`), and only this module says what is in
them. Labels and relationship types that reach a Cypher string come from the
allowlists here and nowhere else.

The graph has a lexical layer in the convention of GraphRAG tools (documents and
their text units as nodes, entities linked to the unit they come from): every
sentence that states a fact is a ``Sentence`` node, written once; mentions point
at it and carry only their own offsets. The four semantic relations keep their
sentence text, as they are few.

Nodes (key = ``id``; attribute ``label`` is one of :data:`NODE_LABELS`)
-----------------------------------------------------------------------
Document     id, label, name (file name relative to the corpus), title, date
             (ISO, when the source gives one), years (list[int]), period, kind,
             author, jurisdiction, province, city, county, adcode, encoding, format,
             chars (int), sha256, key (the build's cache key of the document: a hash
             of its bytes and of the kg code and lexicons that read it)
Section      id, label, name (marker + title), doc, level (int), marker, title,
             start, end (int), ordinal (int)
Sentence     id, label, doc, start, end (int), page (int, PDF only), text
Agency, Organization, Campaign, Regulation
             id, label, name (canonical), type (AGENCY ...), scope, aliases
             (list[str], every surface form), docs (list[str]), mentions (int),
             masked (bool)
Metric       id, label, name (= text), text, value (float or None), unit,
             indicator (the phrase as written), kind, masked (bool), period (the
             period the number covers: 上半年, 1-6月, 全年 …), year (int), direction
             (a change's: up | down), base (a change's base: 去年同期 …), doc, start, end
Indicator    id, label, name (the measured core: 查处违法案件), dimension (cases,
             vehicles, people, money, length, weight, ratio, …), unit (the unit its
             values are in), aliases (list[str], every indicator phrase that maps to
             it), docs (list[str]), metrics (int)

Edges (attribute ``type`` is one of :data:`REL_TYPES`)
-----------------------------------------------------
HAS_SECTION      Document -> Section (top level), Section -> Section (child)
PART_OF          Sentence -> its innermost Section (or the Document before the
                 first heading)
MENTIONED_IN     entity or Metric -> Sentence; one edge per mention: start, end
                 (the mention's offsets in the document), text (as written), name
                 (the entity's fullest name within that document), self_ref (bool)
OF_INDICATOR     Metric -> the Indicator it reports
REPORTED_BY      Metric -> the Agency or Organization that reports it: how (subject:
                 the subject of its clause or sentence | author: the document's author)
CONDUCTS, ISSUES, COOPERATES_WITH, MEASURES
                 entity/Metric -> entity; one edge per stated relation: doc,
                 start, end (the span covering both ends), sentence, trigger,
                 head_start, head_end, tail_start, tail_end (the two mentions)

Edges carry no id: a relationship is its type, its ends and its properties, and
the document it belongs to is that of its Sentence or Section end (or its
``doc``). The type is the relationship type of Neo4j and the store and an
attribute (``type``) in networkx and the graph file formats; a node's label is
both its label and its ``label`` property.

Properties that may be None (null): Document.date/period/author/jurisdiction/
province/city/county/adcode, Sentence.page, Metric.value/period/year/direction/base.
Every sink
treats None and the empty string alike: the property is absent (null).
"""

from __future__ import annotations

from typing import Final

from kg.model import ENTITY_TYPES, RELATION_TYPES

#: entity type (guideline) -> node label
LABEL_OF_TYPE: Final[dict[str, str]] = {
    "AGENCY": "Agency",
    "ORGANIZATION": "Organization",
    "CAMPAIGN": "Campaign",
    "REGULATION": "Regulation",
}
TYPE_OF_LABEL: Final[dict[str, str]] = {v: k for k, v in LABEL_OF_TYPE.items()}

ENTITY_LABELS: Final[tuple[str, ...]] = tuple(LABEL_OF_TYPE[t] for t in ENTITY_TYPES)
STRUCTURE_LABELS: Final[tuple[str, ...]] = ("Document", "Section", "Sentence")
NODE_LABELS: Final[tuple[str, ...]] = STRUCTURE_LABELS + ENTITY_LABELS + ("Metric", "Indicator")
#: nodes of the corpus, not of one document: entities and indicators (the others carry their ``doc``)
GLOBAL_LABELS: Final[tuple[str, ...]] = ENTITY_LABELS + ("Indicator",)
#: nodes of one document besides its Document node, found by their ``doc``
DOC_LABELS: Final[tuple[str, ...]] = ("Section", "Sentence", "Metric")

SEMANTIC_REL_TYPES: Final[tuple[str, ...]] = RELATION_TYPES
STRUCTURE_REL_TYPES: Final[tuple[str, ...]] = ("HAS_SECTION", "PART_OF", "MENTIONED_IN")
METRIC_REL_TYPES: Final[tuple[str, ...]] = ("OF_INDICATOR", "REPORTED_BY")
REL_TYPES: Final[tuple[str, ...]] = STRUCTURE_REL_TYPES + SEMANTIC_REL_TYPES + METRIC_REL_TYPES

#: (relationship type) -> allowed (from labels, to labels)
REL_ENDPOINTS: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "HAS_SECTION": (("Document", "Section"), ("Section",)),
    "PART_OF": (("Sentence",), ("Section", "Document")),
    "MENTIONED_IN": (ENTITY_LABELS + ("Metric",), ("Sentence",)),
    "CONDUCTS": (("Agency", "Organization"), ("Campaign",)),
    "ISSUES": (("Agency",), ("Regulation",)),
    "COOPERATES_WITH": (("Agency",), ("Agency", "Organization")),
    "MEASURES": (("Metric",), ("Campaign",)),
    "OF_INDICATOR": (("Metric",), ("Indicator",)),
    "REPORTED_BY": (("Metric",), ("Agency", "Organization")),
}

#: node properties per label, with their Python types (for typed stores and CSV headers)
NODE_PROPERTIES: Final[dict[str, dict[str, str]]] = {
    "Document": {
        "id": "str", "label": "str", "name": "str", "title": "str", "date": "str", "years": "list[int]",
        "period": "str", "kind": "str", "author": "str", "jurisdiction": "str",
        "province": "str", "city": "str", "county": "str", "adcode": "str",
        "encoding": "str", "format": "str", "chars": "int", "sha256": "str", "key": "str",
    },
    "Section": {
        "id": "str", "label": "str", "name": "str", "doc": "str", "level": "int",
        "marker": "str", "title": "str", "start": "int", "end": "int", "ordinal": "int",
    },
    "Sentence": {
        "id": "str", "label": "str", "doc": "str", "start": "int", "end": "int", "page": "int", "text": "str",
    },
    "Metric": {
        "id": "str", "label": "str", "name": "str", "text": "str", "value": "float",
        "unit": "str", "indicator": "str", "kind": "str", "masked": "bool", "period": "str",
        "year": "int", "direction": "str", "base": "str", "doc": "str", "start": "int", "end": "int",
    },
    "Indicator": {
        "id": "str", "label": "str", "name": "str", "dimension": "str", "unit": "str",
        "aliases": "list[str]", "docs": "list[str]", "metrics": "int",
    },
}
_ENTITY_PROPS = {
    "id": "str", "label": "str", "name": "str", "type": "str", "scope": "str",
    "aliases": "list[str]", "docs": "list[str]", "mentions": "int", "masked": "bool",
}
for _label in ENTITY_LABELS:
    NODE_PROPERTIES[_label] = dict(_ENTITY_PROPS)

#: relationship properties per type (the type itself is not a property)
EDGE_PROPERTIES: Final[dict[str, dict[str, str]]] = {
    "HAS_SECTION": {},
    "PART_OF": {},
    "MENTIONED_IN": {"start": "int", "end": "int", "text": "str", "name": "str", "self_ref": "bool"},
    "OF_INDICATOR": {},
    "REPORTED_BY": {"how": "str"},
}
for _rel in SEMANTIC_REL_TYPES:
    EDGE_PROPERTIES[_rel] = {
        "doc": "str", "start": "int", "end": "int", "sentence": "str", "trigger": "str",
        "head_start": "int", "head_end": "int", "tail_start": "int", "tail_end": "int",
    }

def check_label(label: str) -> str:
    """Return ``label`` if it is an allowed node label, else raise ``ValueError``."""
    if label not in NODE_LABELS:
        raise ValueError(f"label not in the allowlist: {label!r}")
    return label


def check_rel_type(rel_type: str) -> str:
    """Return ``rel_type`` if it is an allowed relationship type, else raise ``ValueError``."""
    if rel_type not in REL_TYPES:
        raise ValueError(f"relationship type not in the allowlist: {rel_type!r}")
    return rel_type
