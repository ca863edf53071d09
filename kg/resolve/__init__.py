"""Resolve: one node per real-world thing.

Two steps:

1. Within a document, the mentions of one label are grouped: same key
   (width-folded, quotes removed), the same campaign under 行动/活动/工作 and
   专项/整治 variants, a short form that the fuller form contains in order and
   ends like (三年行动 -> 安全生产三年专项行动, 专项整治 -> …专项整治行动), an
   agency stem completed by its head (市公安交管 -> 市公安交管局), a body's
   short form that keeps its head (市交通运输局 -> 常德市交通运输局, 运管所 ->
   道路运输管理所, 执法大队 -> …综合行政执法大队, 团市委 -> 共青团X市委员会,
   湘潭市交通运输执法支队 -> 湘潭市交通运输综合行政执法支队 within its own
   division; the author's name when several fit), a name that is a surface form the document names otherwise
   (the author 省厅 -> 省交通运输厅), and the aliases of the lexicon. The
   group's name is the fullest form the document uses.
2. Across documents, groups join when their link key and scope agree
   (:mod:`kg.resolve.scope`): national bodies and uniquely named campaigns,
   regulations and organisations link; level-only names (市委, 省交通运输厅)
   link within one jurisdiction, under its division's full name (so 省交通运输厅
   and 湖南省交通运输厅 are one node); masked agencies never link, and bare names (支队,
   局党组) of a document with no author named in full link only to that name
   in the scope of the document's jurisdiction. A masked campaign or
   regulation name whose mask only hides a modifier (*执法领域突出问题专项整治行动)
   joins the one unmasked name it matches. A short campaign or regulation name
   (百日攻坚行动) joins the one fuller name that ends with it in a document of
   the same jurisdiction (:mod:`kg.resolve.short_links`).

Ids are ``stable_id(label, link key, scope)``, so a rebuild gives the same ids.

What metrics measure is resolved beside the entities (:mod:`kg.resolve.indicators`):
each metric gets an indicator key within its document, and indicators of one
key are one node across the corpus.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from kg.lexicon import Lexicon
from kg.model import DocExtraction, DocGroups, GroupSummary, Mention, Resolution
from kg.resolve.names import campaign_link_signature, campaign_signature, is_masked, name_key, unmasked_length
from kg.resolve.campaign_names import campaign_name
from kg.resolve.indicators import IndicatorNormaliser, document_indicators, indicator_id, link_indicators
from kg.resolve.linking import Linker, link  # noqa: F401 - the linking API, step 2
from kg.resolve.scope import entity_link
from kg.resolve.short_forms import merge_variants
from kg.structure.author import PARTY_ORGANS

# the shortest campaign signature trusted to link documents on its own
MIN_LINK_SIGNATURE = 4
# the fewest unmasked characters for a masked name to join an unmasked one
MIN_UNMASKED = 6
_BODY_LABELS = ("AGENCY", "ORGANIZATION")


@dataclass
class _Group:
    """The mentions of one thing within one document."""

    doc: str
    label: str
    mentions: list[Mention] = field(default_factory=list)
    keys: dict[str, int] = field(default_factory=dict)  # key -> mentions (a dict costs far less to make than a Counter)
    first: int = -1  # the start of the first mention
    titled: dict[str, int] = field(default_factory=dict)  # key -> an organ's mentions inside a title (《X局党组…》)
    _key: str | None = field(default=None, repr=False)  # worked out on demand, forgotten when keys change

    @property
    def key(self) -> str:
        # the fullest form the text uses outside a title; ties go to the most used, then the first in code-point order
        if self._key is None:
            self._key = max(self.keys, key=lambda k: (self.titled.get(k, 0) < self.keys[k], len(k), self.keys[k],
                                                      [-ord(c) for c in k]))
        return self._key

    @property
    def name(self) -> str:
        # a campaign is named without the place its fullest form opens with, when the text also names it so
        if self.label != "CAMPAIGN":
            return self.key
        return campaign_name(self.key, self.keys)

    def add(self, m: Mention, key: str, titled: bool = False) -> None:
        self.mentions.append(m)
        self.keys[key] = self.keys.get(key, 0) + 1
        if titled:
            self.titled[key] = self.titled.get(key, 0) + 1
        self._key = None
        self.first = m.start if self.first < 0 else min(self.first, m.start)

    def absorb(self, other: "_Group") -> None:
        self.mentions += other.mentions
        for key, n in other.keys.items():
            self.keys[key] = self.keys.get(key, 0) + n
        for key, n in other.titled.items():
            self.titled[key] = self.titled.get(key, 0) + n
        self._key = None
        self.first = min(self.first, other.first)


def _mention_key(m: Mention, lexicon: Lexicon | None) -> str:
    name = m.name or m.text
    if lexicon is not None:
        name = lexicon.canonical(m.label, name)
    return name_key(name)


def _inside_title(m: Mention, titles: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``m`` lies inside a regulation's title (the organ that opens 《X局党组议事规则》): the name there is
    part of the title, and the organ keeps the name the text gives it (局党组); a level name in a title
    (《江苏省交通运输厅关于…》) still completes the text's 省交通运输厅."""
    i = bisect.bisect_right(starts, m.start) - 1
    return i >= 0 and titles[i][1] >= m.end and titles[i] != (m.start, m.end)


def _group_document(ext: DocExtraction, lexicon: Lexicon | None) -> list[_Group]:
    author = ext.document.meta.author
    by_key: dict[tuple[str, str], _Group] = {}
    titles = sorted((m.start, m.end) for m in ext.mentions if m.label == "REGULATION")
    title_starts = [t[0] for t in titles]
    for m in sorted(ext.mentions, key=lambda m: (m.start, m.end, m.label)):
        key = _mention_key(m, lexicon)
        if not key:
            continue
        # a full name of a party organ seen only inside a title does not name the organ the text calls 局党组
        titled = m.label == "AGENCY" and key.endswith(PARTY_ORGANS) and _inside_title(m, titles, title_starts)
        by_key.setdefault((m.label, key), _Group(ext.document.name, m.label)).add(m, key, titled)
    _join_declared_short_forms(ext.document.source.norm, by_key)
    groups = _join_named_surfaces(by_key)
    merged: list[_Group] = []
    for label in sorted({g.label for g in groups}):
        of_label = sorted((g for g in groups if g.label == label), key=lambda g: (-len(g.key), g.first))
        merged += merge_variants(label, of_label, author, lexicon)
    return merged


#: a short form the writer declares right after a name: X（以下简称Y）, X（简称“Y”）
_DECLARED_SHORT = re.compile(r"[（(](?:以下简称|以下称|下称|简称)[：:]?[“\"]?([^”\"）)，,。；]{1,24}?)[”\"]?[）)]")


def _join_declared_short_forms(text: str, by_key: dict[tuple[str, str], _Group]) -> None:
    """A short form the document declares (市治超办 in X办公室（以下简称市治超办）) joins the name before it."""
    declared: list[tuple[str, str, tuple[str, str]]] = []  # (label, short key, ident of the named group)
    for ident, g in by_key.items():
        for m in g.mentions:
            hit = _DECLARED_SHORT.match(text, m.end)
            if hit is not None and not m.self_ref:
                declared.append((m.label, name_key(hit.group(1)), ident))
    for label, short, ident in declared:
        g, target = by_key.get((label, short)), by_key.get(ident)
        if g is not None and target is not None and g is not target:
            target.absorb(g)
            del by_key[(label, short)]


def _join_named_surfaces(by_key: dict[tuple[str, str], _Group]) -> list[_Group]:
    """A group whose name is a surface form that the document names otherwise joins that name.

    ``省厅`` written where a rule named it ``省交通运输厅`` is that body, so the
    author ``省厅`` (and the self-references resolved to it) join it too.
    """
    named: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for (label, key), g in by_key.items():
        for m in g.mentions:
            surface = name_key(m.text)
            if not m.self_ref and surface != key:
                named.setdefault((label, surface), set()).add((label, key))
    for ident, targets in named.items():
        g, target = by_key.get(ident), by_key.get(next(iter(targets)))
        if g is None or target is None or len(targets) != 1:
            continue
        if target is not g:
            target.absorb(g)
            del by_key[ident]
    return list(by_key.values())


def _link_key(g: _Group) -> str:
    key = g.key
    if g.label == "CAMPAIGN" and not is_masked(key):
        sig = campaign_link_signature(key)
        if len(sig) >= MIN_LINK_SIGNATURE:
            return sig
    return key


def group_document(ext: DocExtraction, lexicon: Lexicon | None = None) -> DocGroups:
    """Group one document's mentions (step 1): the compact record that :func:`link` reduces.

    Parameters
    ----------
    ext : DocExtraction
        One extracted document.
    lexicon : Lexicon, optional
        Shipped and user dictionaries; their aliases map short forms to names.

    Returns
    -------
    DocGroups
        One :class:`~kg.model.GroupSummary` per group, and the group of every mention.
    """
    jur = ext.document.meta.jurisdiction
    groups: list[GroupSummary] = []
    group_of: dict[tuple[str, int, int, str], int] = {}
    for g in _group_document(ext, lexicon):
        link_key, scope = entity_link(g.label, g.key, g.doc, jur, ext.document.meta.author)
        joinable = (g.label in ("CAMPAIGN", "REGULATION") and is_masked(g.key)
                    and unmasked_length(g.key) >= MIN_UNMASKED)
        aliases = {m.text for m in g.mentions if not m.self_ref} | {g.key, g.name}
        for m in g.mentions:
            group_of[m.key] = len(groups)
        link_key = _link_key(g) if g.label not in _BODY_LABELS else link_key
        groups.append(GroupSummary(label=g.label, key=g.name, link=link_key, scope=scope,
                                   mentions=len(g.mentions), aliases=tuple(sorted(aliases)), joinable=joinable))
    return DocGroups(doc=ext.document.name, groups=groups, group_of=group_of,
                     jurisdiction=jur.code if jur is not None and jur.code else "")


def resolve(extractions: list[DocExtraction], lexicon: Lexicon | None = None) -> Resolution:
    """Resolve the mentions of a corpus to entities with stable ids (in memory).

    :func:`group_document` for each document, then :func:`link`; the entities
    keep their mention objects.

    Parameters
    ----------
    extractions : list of DocExtraction
        One per document, in any order (the result does not depend on it).
    lexicon : Lexicon, optional
        Shipped and user dictionaries; their aliases map short forms to names.

    Returns
    -------
    Resolution
        Entities keyed by id, and the id of every mention; indicators keyed by
        id, and the indicator id of every metric.
    """
    extractions = sorted(extractions, key=lambda e: e.document.name)
    grouped = [group_document(ext, lexicon) for ext in extractions]
    linking = link(grouped)
    entity_of: dict[tuple[str, int, int, str], str] = {}
    for ext, dg in zip(extractions, grouped):
        for m in sorted(ext.mentions, key=lambda m: (m.start, m.end, m.label)):
            ident = linking.entity_id(dg, m)
            if ident is not None:
                linking.entities[ident].mentions.append(m)
                entity_of[m.key] = ident
    normaliser = IndicatorNormaliser(lexicon)
    per_doc = [document_indicators(ext, normaliser=normaliser) for ext in extractions]
    indicators = link_indicators((d.doc, d.indicators) for d in per_doc)
    indicator_of = {key: indicator_id(d.indicators[i].key) for d in per_doc for key, i in d.indicator_of.items()}
    return Resolution(extractions=extractions, entities=linking.entities, entity_of=entity_of,
                      indicators=indicators, indicator_of=indicator_of)
