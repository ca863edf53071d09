"""``extractions.jsonl``: one record per entity mention, metric and relation.

This is the contract that ``shared/eval/score.py`` and ``kg eval`` read:

entity    {"doc", "type", "text", "start", "end", "name", "id"}
metric    {"doc", "type": "METRIC", "text", "start", "end", "value", "unit",
           "indicator", "kind", "masked", "period", "id", "year", "direction",
           "base", "indicator_key", "reported_by", "reported_by_id", "reported_how"}
relation  {"doc", "type": "RELATION", "rel", "from", "to", "from_id", "to_id",
           "start", "end", "trigger"}

A field without a value (a masked metric's ``value``, a level's ``direction`` ...) is left out.
``indicator`` is the phrase as written, ``indicator_key`` what it measures (``core|dimension``,
:mod:`kg.resolve.indicators`; the Indicator node's id is ``indicator_id(indicator_key)`` there). Who reports a metric
(the graph's REPORTED_BY edge) is on the metric's record: the body's name and id, and ``reported_how``
(subject | author).

Self-references are left out (我局, 我们 name no one), except where the author
calls itself by its own name (支队 in the 支队's own report).
``name``, ``from`` and ``to`` are the names the document itself uses (the fullest form in that document);
``id`` is the resolved node id shared across documents. For MEASURES, ``from`` is the metric's text and
``start``/``end`` are the metric's offsets; for the other relations they span the first evidence. A
relation stated several times in one document is one record (the graph keeps every statement as its own
edge). Records carry offsets, not sentences: the sentences are in the graph, each once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import orjson

from kg.graph import IndicatorOf, MentionRef, metric_id
from kg.model import DocExtraction, MetricMention
from kg.resolve.names import name_key


def document_records(ext: DocExtraction, ref: MentionRef, indicators: IndicatorOf | None = None,
                     keys: dict[str, str] | None = None) -> Iterator[dict]:
    """Yield the records of one document.

    Parameters
    ----------
    ext : DocExtraction
        One extracted document.
    ref : MentionRef
        Entity id and document name of a mention (see :mod:`kg.graph`).
    indicators : dict, optional
        The indicator id of each metric (by ``MetricMention.key``).
    keys : dict, optional
        Indicator id -> its key (``core|dimension``).
    """
    doc = ext.document.name
    for m in sorted(ext.mentions, key=lambda m: (m.start, m.end)):
        hit = ref(m)
        if hit is None or (m.self_ref and name_key(m.text) != name_key(hit[1])):  # a pronoun, not its name
            continue
        yield {"doc": doc, "type": m.label, "text": m.text, "start": m.start, "end": m.end,
               "name": hit[1], "id": hit[0]}
    for m in sorted(ext.metrics, key=lambda m: m.start):
        ind = (indicators or {}).get(m.key)
        hit = ref(m.reporter) if m.reporter is not None else None
        yield {"doc": doc, "type": "METRIC", "text": m.text, "start": m.start, "end": m.end,
               "value": m.value, "unit": m.unit, "indicator": m.indicator, "kind": m.kind,
               "masked": m.masked, "period": m.period, "id": metric_id(m), "year": m.year,
               "direction": m.direction, "base": m.base, "indicator_key": (keys or {}).get(ind) if ind else None,
               "reported_by": hit and hit[1], "reported_by_id": hit and hit[0],
               "reported_how": hit and m.reporter_how}
    facts: dict[tuple, dict] = {}  # one record per stated fact: a relation repeated in a document is one fact
    for r in ext.relations:
        is_metric = isinstance(r.head, MetricMention)
        head = (metric_id(r.head), r.head.text) if is_metric else ref(r.head)
        tail = ref(r.tail)
        if head is None or tail is None or head[0] == tail[0]:
            continue
        span = (r.head.start, r.head.end) if is_metric else (r.evidence.start, r.evidence.end)
        facts.setdefault((r.rel, head[0], tail[0], span if is_metric else None), {
            "doc": doc, "type": "RELATION", "rel": r.rel, "from": head[1], "to": tail[1],
            "from_id": head[0], "to_id": tail[0], "start": span[0], "end": span[1], "trigger": r.trigger})
    yield from facts.values()


def render_records(records: Iterable[dict]) -> bytes:
    """JSON lines of records, UTF-8, without the fields whose value is None."""
    return b"".join(orjson.dumps({k: v for k, v in rec.items() if v is not None}, option=orjson.OPT_APPEND_NEWLINE)
                    for rec in records)
