"""Tooltips: small HTML fragments with every document string escaped.

vis-network shows a ``title`` string as plain text; the pages' shared script
(``lib/kg-views.js``) turns these fragments into elements. Only the tags
written here (``b``, ``div``, ``mark``, ``i``, ``ul``, ``li``) appear; all
text inside them went through :func:`kg.views.escape.text` or
:func:`kg.views.escape.mark`.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.views.escape import mark, text
from kg.views.facts import Evidence, GraphFacts, Link

#: how many evidence sentences and list items a tooltip shows before "+N more"
MAX_EVIDENCE = 3
MAX_ITEMS = 8

KIND_TITLE = {
    "CONDUCTS": "开展 CONDUCTS",
    "ISSUES": "发布 ISSUES",
    "COOPERATES_WITH": "合作 COOPERATES_WITH",
    "MEASURES": "指标 MEASURES",
    "CO_MENTION": "同句提及 co-mentioned",
    "MENTIONED_IN": "提及 MENTIONED_IN",
    "HAS_SECTION": "章节 HAS_SECTION",
}


def short_title(title: str, limit: int = 40) -> str:
    """A document title cut to ``limit`` characters with ``…`` (some titles are whole sentences)."""
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _items(values: Sequence[str], limit: int = MAX_ITEMS) -> str:
    shown = ", ".join(text(v) for v in values[:limit])
    more = len(values) - limit
    return shown + (f" <i>(+{more} more)</i>" if more > 0 else "")


def _row(key: str, value_html: str) -> str:
    return f"<div><b>{text(key)}:</b> {value_html}</div>"


def _title(facts: GraphFacts, doc: object) -> str:
    return short_title(facts.doc_title.get(str(doc), str(doc)))


def _doc_names(facts: GraphFacts, docs: Sequence[str]) -> list[str]:
    return [f"{_title(facts, d)} ({d})" if facts.doc_title.get(d, d) != d else d for d in docs]


def evidence_html(facts: GraphFacts, evidence: Sequence[Evidence], limit: int = MAX_EVIDENCE) -> str:
    """The first ``limit`` evidence sentences, matched words marked, each with its document."""
    parts = []
    for ev in evidence[:limit]:
        trig = f" <i>[{text(ev.trigger)}]</i>" if ev.trigger else ""
        parts.append(f"<li>{mark(ev.sentence, ev.marks)}<br><i>{text(_title(facts, ev.doc))}</i>{trig}</li>")
    more = len(evidence) - limit
    tail = f"<div><i>+{more} more sentences</i></div>" if more > 0 else ""
    return f"<ul>{''.join(parts)}</ul>{tail}" if parts else ""


def node_tooltip(facts: GraphFacts, node: str) -> str:
    """Type, canonical name, aliases, documents and counts of ``node``; metrics with their numbers."""
    a = facts.g.nodes[node]
    label = str(a.get("label", ""))
    rows = [f"<div class=\"kg-tip-head\"><b>{text(label)}</b> {text(facts.name(node))}</div>"]
    if label == "Document":
        rows += [_row("file", text(a.get("name"))), _row("kind", text(a.get("kind"))),
                 _row("years", text(", ".join(str(y) for y in a.get("years") or []) or "—")),
                 _row("period", text(a.get("period") or "—")), _row("author", text(a.get("author") or "—")),
                 _row("jurisdiction", text(a.get("jurisdiction") or "—")), _row("characters", text(a.get("chars")))]
    elif label == "Section":
        rows += [_row("document", text(_title(facts, a.get("doc")))),
                 _row("level", text(a.get("level")))]
    elif label == "Metric":
        value = a.get("value")
        rows += [_row("value", text("—" if value is None else f"{value:g}" if isinstance(value, float) else value)),
                 _row("unit", text(a.get("unit") or "—")), _row("indicator", text(a.get("indicator") or "—")),
                 _row("kind", text(a.get("kind") or "—")), _row("period", text(a.get("period") or "—")),
                 _row("masked", "yes (number redacted)" if a.get("masked") else "no"),
                 _row("document", text(_title(facts, a.get("doc"))))]
        sentences = [ev.sentence for link in facts.mentions.get(node, {}).values() for ev in link.evidence]
        if sentences:
            rows.append(f"<div class=\"kg-tip-ev\">{mark(sentences[0], [str(a.get('text') or '')])}</div>")
    else:
        aliases = [x for x in (a.get("aliases") or []) if x != a.get("name")]
        rows += [_row("type", text(a.get("type") or label)),
                 _row("aliases", _items(aliases) if aliases else "—"),
                 _row("documents", _items(_doc_names(facts, list(a.get("docs") or []))) or "—"),
                 _row("mentions", text(a.get("mentions", 0)) + (" · masked" if a.get("masked") else "")),
                 _row("scope", text(a.get("scope") or "—"))]
    if label not in ("Document", "Section"):
        rows.append(_row("connections", text(facts.degree(node))))
    return "".join(rows)


def link_tooltip(facts: GraphFacts, link: Link, evidence: bool = True) -> str:
    """Relation type, its two ends and (unless ``evidence`` is false) the sentences, matched words marked."""
    head = f"<div class=\"kg-tip-head\"><b>{text(KIND_TITLE.get(link.kind, link.kind))}</b></div>"
    ends = f"<div>{text(facts.name(link.source))} → {text(facts.name(link.target))}</div>"
    count = _row("sentences", text(link.count)) if link.count > 1 else ""
    return head + ends + count + (evidence_html(facts, link.evidence) if evidence else "")


def shared_tooltip(facts: GraphFacts, a: str, b: str, shared: dict[str, list[str]]) -> str:
    """What two campaigns share: agencies, regulations, metrics, documents (names escaped)."""
    head = f"<div class=\"kg-tip-head\"><b>shared</b> {text(facts.name(a))} ↔ {text(facts.name(b))}</div>"
    rows = []
    for kind, ids in shared.items():
        if not ids:
            continue
        names = sorted(_title(facts, i) if kind == "documents" else facts.name(i) for i in ids)
        rows.append(_row(f"{kind} ({len(ids)})", _items(names)))
    return head + "".join(rows)
