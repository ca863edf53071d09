"""Resolve: one node per real-world thing.

Two steps:

1. Within a document, the mentions of one label are grouped: same key
   (width-folded, quotes removed), the same campaign under 行动/活动/工作 and
   专项/整治 variants, a short form that the fuller form contains in order and
   ends like (三年行动 -> 安全生产三年专项行动, 专项整治 -> …专项整治行动), an
   agency stem completed by its head (市公安交管 -> 市公安交管局), and the
   aliases of the lexicon (省厅 -> 省交通运输厅). The group's name is the fullest
   form the document uses.
2. Across documents, groups join when their link key and scope agree
   (:mod:`kg.resolve.scope`): national bodies and uniquely named campaigns,
   regulations and organisations link; level-only names (市委) link only within
   one jurisdiction; masked agencies never link. A masked campaign or
   regulation name whose mask only hides a modifier (*执法领域突出问题专项整治行动)
   joins the one unmasked name it matches.

Ids are ``stable_id(label, link key, scope)``, so a rebuild gives the same ids.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.extract.lexicon import Lexicon
from kg.ids import stable_id
from kg.model import DocExtraction, Entity, Mention, Resolution
from kg.resolve.names import (
    campaign_core,
    campaign_signature,
    is_masked,
    is_subsequence,
    mask_pattern,
    name_key,
    unmasked_length,
)
from kg.resolve.scope import entity_scope
from kg.schema import LABEL_OF_TYPE

# the shortest campaign signature trusted to link documents on its own
MIN_LINK_SIGNATURE = 4
# the fewest unmasked characters for a masked name to join an unmasked one
MIN_UNMASKED = 6
_AGENCY_HEADS = "局厅部委办处队站所院"


@dataclass
class _Group:
    """The mentions of one thing within one document."""

    doc: str
    label: str
    mentions: list[Mention] = field(default_factory=list)
    keys: Counter = field(default_factory=Counter)

    @property
    def key(self) -> str:
        # the fullest form; ties go to the most used, then the first in code-point order
        return max(self.keys, key=lambda k: (len(k), self.keys[k], [-ord(c) for c in k]))

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def absorb(self, other: "_Group") -> None:
        self.mentions += other.mentions
        self.keys.update(other.keys)


def _mention_key(m: Mention, lexicon: Lexicon | None) -> str:
    name = m.name or m.text
    if lexicon is not None:
        name = lexicon.canonical(m.label, name)
    return name_key(name)


def _same_head(short: str, long: str) -> bool:
    return len(short) >= 2 and long.endswith(short[-2:])


def _group_document(ext: DocExtraction, lexicon: Lexicon | None) -> list[_Group]:
    by_key: dict[tuple[str, str], _Group] = {}
    for m in sorted(ext.mentions, key=lambda m: (m.start, m.end, m.label)):
        key = _mention_key(m, lexicon)
        if not key:
            continue
        g = by_key.setdefault((m.label, key), _Group(ext.document.name, m.label))
        g.mentions.append(m)
        g.keys[key] += 1
    groups = list(by_key.values())
    merged: list[_Group] = []
    for label in sorted({g.label for g in groups}):
        of_label = sorted((g for g in groups if g.label == label), key=lambda g: (-len(g.key), g.first))
        merged += _merge_variants(label, of_label)
    return merged


def _is_variant(label: str, short: str, full: str) -> bool:
    """True when ``short`` is a short or variant form of ``full`` (same label, one document)."""
    if label == "CAMPAIGN":
        ss, fs = campaign_signature(short), campaign_signature(full)
        if ss == fs:
            return True
        if len(short) < 3:
            return False
        sc, fc = campaign_core(short), campaign_core(full)
        return (is_subsequence(ss, fs) and _same_head(ss, fs)) or (is_subsequence(sc, fc) and _same_head(sc, fc))
    if label == "REGULATION":
        return len(short) >= 3 and is_subsequence(short, full) and _same_head(short, full)
    if label == "AGENCY":
        if full.startswith(short) and len(full) == len(short) + 1 and full[-1] in _AGENCY_HEADS:
            return True
        # a field's 部门 and its own office in one document are one body (海事部门, 海事处)
        stems = {_department_stem(short), _department_stem(full)}
        return len(stems) == 1 and None not in stems and (short.endswith("部门") or full.endswith("部门"))
    return False


def _department_stem(key: str) -> str | None:
    if key.endswith("部门"):
        stem = key[:-2]
    elif key[-1:] and key[-1] in "局处所站":
        stem = key[:-1]
    else:
        return None
    return stem if len(stem) >= 2 else None


def _merge_variants(label: str, groups: list[_Group]) -> list[_Group]:
    """Merge short forms into the fuller groups of the same label (longest first)."""
    kept: list[_Group] = []
    for g in groups:
        candidates = [big for big in kept if _is_variant(label, g.key, big.key)]
        if not candidates:
            kept.append(g)
            continue
        # the same signature first, then the most mentioned fuller form
        sig = campaign_signature(g.key)
        target = max(candidates, key=lambda b: (campaign_signature(b.key) == sig, len(b.mentions), -b.first))
        target.absorb(g)
    return kept


def _link_key(g: _Group) -> str:
    key = g.key
    if g.label == "CAMPAIGN" and not is_masked(key):
        sig = campaign_signature(key)
        if len(sig) >= MIN_LINK_SIGNATURE:
            return sig
    return key


def resolve(extractions: list[DocExtraction], lexicon: Lexicon | None = None) -> Resolution:
    """Resolve the mentions of a corpus to entities with stable ids.

    Parameters
    ----------
    extractions : list of DocExtraction
        One per document, in any order (the result does not depend on it).
    lexicon : Lexicon, optional
        Shipped and user dictionaries; their aliases map short forms to names.

    Returns
    -------
    Resolution
        Entities keyed by id, and the id of every mention.
    """
    extractions = sorted(extractions, key=lambda e: e.document.name)
    # (label, link key, scope) -> groups of different documents
    linked: dict[tuple[str, str, str], list[_Group]] = defaultdict(list)
    masked: list[tuple[_Group, str]] = []
    for ext in extractions:
        jur = ext.document.meta.jurisdiction
        for g in _group_document(ext, lexicon):
            scope = entity_scope(g.label, g.key, g.doc, jur)
            if g.label in ("CAMPAIGN", "REGULATION") and is_masked(g.key) and unmasked_length(g.key) >= MIN_UNMASKED:
                masked.append((g, scope))
            linked[(g.label, _link_key(g), scope)].append(g)

    # a masked campaign/regulation joins the single unmasked name its mask fits
    for g, scope in masked:
        pattern = mask_pattern(g.key)
        sig_pattern = mask_pattern(campaign_signature(g.key)) if g.label == "CAMPAIGN" else None
        hits = {
            ident for ident, groups in linked.items()
            if ident[0] == g.label and ident[2] == "global"
            and any(pattern.match(o.key) or (sig_pattern and sig_pattern.match(campaign_signature(o.key)))
                    for o in groups)
        }
        if len(hits) == 1:
            linked[(g.label, _link_key(g), scope)].remove(g)
            linked[hits.pop()].append(g)

    entities: dict[str, Entity] = {}
    entity_of: dict[tuple[str, int, int, str], str] = {}
    for (label, link, scope), groups in sorted(linked.items()):
        if not groups:
            continue
        node_label = LABEL_OF_TYPE[label]
        ident = stable_id(node_label, link, scope)
        names = Counter(g.key for g in groups)
        name = max(names, key=lambda k: (names[k], len(k), [-ord(c) for c in k]))
        ent = Entity(id=ident, label=label, name=name, scope=scope, masked=is_masked(name))
        for g in groups:
            ent.doc_names[g.doc] = g.key
            ent.docs.add(g.doc)
            for m in g.mentions:
                ent.mentions.append(m)
                if not m.self_ref:
                    ent.aliases.add(m.text)
                ent.aliases.add(g.key)
                entity_of[m.key] = ident
        entities[ident] = ent
    return Resolution(extractions=extractions, entities=entities, entity_of=entity_of)
