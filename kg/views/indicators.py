"""Indicators as series: every metric of an indicator as a point of a series over periods and bodies.

A point is one Metric with what the graph says around it: its period and year,
its value (None when masked: a masked number is never read as zero and never
dropped), the body it is REPORTED_BY and that body's jurisdiction, and its
evidence sentence (the Sentence it is MENTIONED_IN). Series group the points by
reporting body, or by jurisdiction when a chart would have too many bodies.
Only :mod:`kg.schema` attributes are read. Strings here are raw document text:
the page code escapes them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.views.facts import GraphFacts

#: most series a chart draws; beyond it the points are grouped by jurisdiction, then the rest pooled
MAX_SERIES = 10
#: jurisdiction of a body of the whole country (scope ``national``)
NATIONAL = "全国"
#: a series name for points that no body reports and whose document has no jurisdiction
NO_BODY = "(no reporting body)"

_MONTHS = re.compile(r"(?:(\d{1,2})\s*(?:-|—|–|~|至|到)\s*)?(\d{1,2})\s*月")
#: period words -> the month the period ends in (periods sort by it within a year)
_PERIOD_END = {"一季度": 3, "第一季度": 3, "1季度": 3, "上半年": 6, "二季度": 6, "第二季度": 6, "半年": 6,
               "前三季度": 9, "三季度": 9, "第三季度": 9, "下半年": 12, "四季度": 12, "第四季度": 12,
               "全年": 12, "年度": 12, "全年度": 12}


def period_order(year: int | None, period: str | None) -> tuple:
    """Sort key of a (year, period): by year (unknown last), then the month the period ends in."""
    p = (period or "").strip()
    end = _PERIOD_END.get(p)
    if end is None:
        found = _MONTHS.search(p)
        end = int(found.group(2)) if found and 1 <= int(found.group(2)) <= 12 else 13
    return (year is None, year or 0, end, p)


def period_label(year: int | None, period: str | None) -> str:
    """``2022年 上半年``; ``2022年`` without a period; the period alone without a year or when it names the
    year (``截至2023年6月``); ``—`` for neither."""
    p = (period or "").strip()
    parts = [f"{year}年" if year is not None and f"{year}年" not in p else "", p]
    return " ".join(p for p in parts if p) or "—"


def jurisdiction(body: dict | None, doc: dict, divisions: dict[str, str]) -> str | None:
    """The jurisdiction of a metric's reporting body, named from the documents where they can.

    ``body`` and ``doc`` are the attributes of the reporting body (None: no
    body) and of the metric's Document; ``divisions`` maps an adcode to the
    jurisdiction of the corpus's documents of that division (see
    :func:`division_names`). No body, or a body of the document only (scope
    ``doc:``): the document's jurisdiction. Scope ``national``: 全国. Scope
    ``adcode:C``: the document's jurisdiction, city or province when C is the
    document's division or the city or province it lies in; else the
    jurisdiction of the documents of division C; else the scope itself
    (``adcode:411300``). Scope ``global`` (a place name of several divisions):
    None. The query ``indicator_series`` computes the same.
    """
    if body is None:
        return doc.get("jurisdiction") or None
    scope = str(body.get("scope") or "")
    if scope == "national":
        return NATIONAL
    if scope.startswith("doc:"):
        return doc.get("jurisdiction") or None
    if not scope.startswith("adcode:"):
        return None
    code, own = scope[len("adcode:"):], str(doc.get("adcode") or "")
    if own:
        for field_, same in (("jurisdiction", own), ("city", own[:4] + "00"), ("province", own[:2] + "0000")):
            if code == same and doc.get(field_):
                return doc[field_]
    return divisions.get(code) or scope


def division_names(facts: GraphFacts) -> dict[str, str]:
    """Adcode -> the jurisdiction of the documents of that division (the least name if they differ)."""
    out: dict[str, str] = {}
    for d in facts.documents:
        a = facts.g.nodes[d]
        code, name = a.get("adcode"), a.get("jurisdiction")
        if code and name and (str(code) not in out or str(name) < out[str(code)]):
            out[str(code)] = str(name)
    return out


def number(value: float | None) -> str:
    """A value as the pages print it: integral values without a fraction, others to six digits."""
    if value is None:
        return ""
    return f"{int(value)}" if float(value).is_integer() and abs(value) < 1e15 else f"{value:.6g}"


@dataclass(frozen=True, slots=True)
class Point:
    """One metric of an indicator, placed in its period and attributed to its body (raw text)."""

    metric: str
    year: int | None
    period: str | None
    value: float | None
    masked: bool
    unit: str
    kind: str
    direction: str | None
    base: str | None
    body: str | None
    how: str | None
    jurisdiction: str | None
    doc: str
    href: str
    title: str
    sentence: str
    text: str
    start: int

    @property
    def label(self) -> str:
        return period_label(self.year, self.period)

    @property
    def order(self) -> tuple:
        return period_order(self.year, self.period)

    @property
    def signed(self) -> float | None:
        """The value as drawn: a stated fall (direction ``down``) below zero."""
        if self.value is None:
            return None
        return -self.value if self.direction == "down" and self.value > 0 else self.value


@dataclass(slots=True)
class Series:
    """Points of one body (or jurisdiction), kind and unit, in period order."""

    name: str
    kind: str
    unit: str
    points: list[Point] = field(default_factory=list)


@dataclass(slots=True)
class IndicatorData:
    """An Indicator node and its points (raw text), in period order."""

    id: str
    name: str
    dimension: str
    unit: str
    aliases: list[str]
    docs: list[str]
    points: list[Point]

    @property
    def documents(self) -> list[str]:
        """The documents its metrics are in."""
        return sorted({p.doc for p in self.points})

    @property
    def anchor(self) -> str:
        """The id of its section on the indicators page."""
        return "ind-" + re.sub(r"[^A-Za-z0-9_-]", "_", self.id)


def metrics_by_indicator(facts: GraphFacts) -> dict[str, list[str]]:
    """Indicator id -> its metric ids (OF_INDICATOR), in graph order."""
    out: dict[str, list[str]] = defaultdict(list)
    for m in facts.metrics:
        ind = facts.indicator_of.get(m)
        if ind is not None:
            out[ind].append(m)
    return out


def point(facts: GraphFacts, metric: str, divisions: dict[str, str]) -> Point:
    """The :class:`Point` of one Metric (``divisions``: :func:`division_names`)."""
    g = facts.g
    a = g.nodes[metric]
    doc = str(a.get("doc") or "")
    doc_attrs = g.nodes[facts.doc_node[doc]] if doc in facts.doc_node else {}
    body_id, how = facts.reporter_of.get(metric, (None, None))
    body = g.nodes[body_id] if body_id is not None else None
    evidence = [ev for link in facts.mentions.get(metric, {}).values() for ev in link.evidence]
    sentence, surface = (evidence[0].sentence, evidence[0].marks[0]) if evidence else ("", "")
    value = a.get("value")
    masked = bool(a.get("masked"))
    year = a.get("year")
    return Point(metric, int(year) if year is not None else None, a.get("period") or None,
                 None if masked or value is None else float(value), masked, str(a.get("unit") or ""),
                 str(a.get("kind") or "level"), a.get("direction") or None, a.get("base") or None,
                 facts.name(body_id) if body_id is not None else None, how or None,
                 jurisdiction(body, doc_attrs, divisions),
                 doc, facts.doc_files.get(doc, ""), facts.doc_title.get(doc, doc), sentence,
                 surface or str(a.get("text") or ""), int(a.get("start") or 0))


def indicator_data(facts: GraphFacts, indicator: str, metrics: list[str],
                   divisions: dict[str, str]) -> IndicatorData:
    """An indicator and its points, ordered by period, then body, document and offset."""
    a = facts.g.nodes[indicator]
    points = sorted((point(facts, m, divisions) for m in metrics),
                    key=lambda p: (p.order, p.body or "", p.jurisdiction or "", p.doc, p.start, p.metric))
    return IndicatorData(indicator, str(a.get("name") or indicator), str(a.get("dimension") or ""),
                         str(a.get("unit") or ""), [str(x) for x in a.get("aliases") or []],
                         [str(x) for x in a.get("docs") or []], points)


def all_indicators(facts: GraphFacts) -> list[IndicatorData]:
    """Every indicator with its points: most documents first, then most metrics, then by name."""
    of, divisions = metrics_by_indicator(facts), division_names(facts)
    data = [indicator_data(facts, i, of.get(i, []), divisions) for i in facts.indicators]
    return sorted(data, key=lambda d: (-len(d.documents), -len(d.points), d.name, d.id))


def _group_name(p: Point, by: str) -> str:
    if by == "body" and p.body:
        return p.body
    if p.jurisdiction:
        return p.jurisdiction if by == "jurisdiction" else f"{p.jurisdiction} {NO_BODY}"
    return NO_BODY


def series_of(data: IndicatorData, max_series: int = MAX_SERIES) -> tuple[str, list[Series]]:
    """The series of a chart and what they are of (``body`` or ``jurisdiction``).

    One series per reporting body (a point with no body goes to its
    jurisdiction's); with more than ``max_series`` of them, one per
    jurisdiction; with still more, the ``max_series - 1`` largest and the
    others pooled. Each is split by kind and unit (a change in % is not drawn
    on a line of counts). Masked points stay in their series.
    """
    by = "body"
    names = {_group_name(p, by) for p in data.points}
    if len(names) > max_series:
        by = "jurisdiction"
    sizes = Counter(_group_name(p, by) for p in data.points)
    keep = {n for n, _ in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0]))[:max_series - 1]} \
        if len(sizes) > max_series else set(sizes)
    others = len(sizes) - len(keep)
    out: dict[tuple[str, str, str], Series] = {}
    for p in data.points:
        name = _group_name(p, by)
        if name not in keep:
            name = f"other ({others} {'bodies' if by == 'body' else 'jurisdictions'})"
        s = out.get((name, p.kind, p.unit))
        if s is None:
            s = out[(name, p.kind, p.unit)] = Series(name, p.kind, p.unit)
        s.points.append(p)
    order = {n: i for i, (n, _) in enumerate(sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0])))}
    return by, sorted(out.values(), key=lambda s: (order.get(s.name, len(order)), s.kind != "level", s.kind, s.unit))


@dataclass(frozen=True, slots=True)
class MetricGroup:
    """The metrics of a campaign that report one indicator (for the campaign's ego page)."""

    name: str
    dimension: str
    unit: str
    #: ``indicators.html#…`` when the indicator has a chart, else ""
    href: str
    points: tuple[Point, ...]


def campaign_metrics(facts: GraphFacts, campaign: str, charted: dict[str, str]) -> list[MetricGroup]:
    """The metrics that MEASURE ``campaign``, grouped by indicator (unlinked metrics by their phrase).

    ``charted`` maps the id of an indicator with a chart to its link.
    """
    divisions = division_names(facts)
    groups: dict[str, list[str]] = defaultdict(list)
    for (u, v, rel) in facts.relations:
        if rel == "MEASURES" and v == campaign:
            groups[facts.indicator_of.get(u) or ""].append(u)
    out = []
    for ind, metrics in groups.items():
        if ind:
            d = indicator_data(facts, ind, metrics, divisions)
            out.append(MetricGroup(d.name, d.dimension, d.unit, charted.get(ind, ""), tuple(d.points)))
            continue
        for phrase in sorted({str(facts.g.nodes[m].get("indicator") or "") for m in metrics}):
            points = [point(facts, m, divisions) for m in metrics
                      if str(facts.g.nodes[m].get("indicator") or "") == phrase]
            points.sort(key=lambda p: (p.order, p.doc, p.start))
            out.append(MetricGroup(phrase or "(no indicator)", "", "", "", tuple(points)))
    return sorted(out, key=lambda grp: (-len(grp.points), grp.name))


__all__ = ["IndicatorData", "MetricGroup", "Point", "Series", "all_indicators", "campaign_metrics",
           "division_names", "indicator_data", "jurisdiction", "number", "period_label", "period_order", "series_of"]
