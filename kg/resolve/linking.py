"""Step 2 of resolving: link the groups of all documents into entities, in two phases.

:class:`Linker` is a reduce over compact records (:class:`~kg.model.DocGroups`) that takes
the documents in two batches: the first (the cached documents of a rebuild, while the
worker processes the new ones) is filed and made into entities at once, and
:meth:`Linker.finish` adds the second and redoes only what it touches. The result is
exactly what one pass over all documents in name order gives: every key's members in
(document, group) order, the same names, aliases, documents and counts, in the same
iteration order, and the same masked joins (a masked campaign/regulation joins the one
unmasked global name its mask fits, worked out again over every key at the finish, since
a new key can change what a mask fits), and the same short-form joins (:mod:`kg.resolve.short_links`, worked
out over every key at the finish). A full build is the first phase with every
document and a finish with none.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from operator import attrgetter, itemgetter

from kg.ids import stable_id
from kg.model import DocGroups, Entity, GroupSummary, Linking
from kg.resolve.names import campaign_signature, is_masked, mask_pattern
from kg.resolve.short_links import LABELS as SHORT_LABELS, bare_body_targets, short_form_targets
from kg.schema import LABEL_OF_TYPE

Ident = tuple[str, str, str]  # (label, link key, scope)
Member = tuple[str, int, GroupSummary]  # (doc, group index, group)

_PLACE = itemgetter(0, 1)  # a member's (doc, group index): the order one pass files members in
_DOC, _GROUP = itemgetter(0), itemgetter(2)
_KEY, _ALIASES, _MENTIONS = attrgetter("key"), attrgetter("aliases"), attrgetter("mentions")


def _entity(ident: Ident, members: list[Member]) -> Entity:
    """The entity of one key's members (in their order: each set and dict filled as adding them one at a time would)."""
    label, link_key, scope = ident
    eid = stable_id(LABEL_OF_TYPE[label], link_key, scope)
    if len(members) == 1:  # most entities: one document's group (the same name as counting would choose)
        doc, _, g = members[0]
        # (positional: ~17,000 of these in a rebuild's first phase; keywords cost ~a third more)
        return Entity(eid, label, g.key, scope, set(g.aliases), {doc}, [], is_masked(g.key), {doc: g.key}, g.mentions)
    groups = list(map(_GROUP, members))
    keys = list(map(_KEY, groups))
    names = Counter(keys)
    name = max(names, key=lambda k: (names[k], len(k), [-ord(c) for c in k]))
    return Entity(eid, label, name, scope, set().union(*map(_ALIASES, groups)), set(map(_DOC, members)), [],
                  is_masked(name), dict(zip(map(_DOC, members), keys)), sum(map(_MENTIONS, groups)))


class _MaskedJoins:
    """Which unmasked global name a masked name joins.

    The global keys' names of the first phase (``base``) never change, so what each mask
    fits among them is worked out once (in the first phase for its masked names); names
    added later (a new document's, a masked name moved in) are ``extra`` and looked
    through on each question, memoised per name until another one arrives.
    """

    def __init__(self) -> None:
        self.base: dict[Ident, set[str]] = {}
        self.extra: dict[Ident, set[str]] = {}
        self.base_hits: dict[tuple[str, str], set[Ident]] = {}
        self.memo: dict[tuple[str, str], Ident | None] = {}
        self.signatures: dict[str, str] = {}

    def _signature(self, key: str) -> str:
        sig = self.signatures.get(key)
        if sig is None:
            sig = self.signatures[key] = campaign_signature(key)
        return sig

    def _fits(self, label: str, key: str, names: dict[Ident, set[str]]) -> set[Ident]:
        pattern = mask_pattern(key)
        sig_pattern = mask_pattern(campaign_signature(key)) if label == "CAMPAIGN" else None
        return {ident for ident, keys in names.items() if ident[0] == label and any(
            pattern.match(k) or (sig_pattern and sig_pattern.match(self._signature(k))) for k in keys)}

    def file(self, ident: Ident, key: str) -> None:
        """A later phase's member's name under its key (the first phase's go straight into ``base``)."""
        if ident[2] == "global":
            self.moved(ident, key)

    def prepare(self, g: GroupSummary) -> None:
        """Work out what the mask of ``g`` fits among the first phase's names."""
        name = (g.label, g.key)
        if name not in self.base_hits:
            self.base_hits[name] = self._fits(g.label, g.key, self.base)

    def target(self, g: GroupSummary) -> Ident | None:
        name = (g.label, g.key)
        if name not in self.memo:
            self.prepare(g)
            hits = self.base_hits[name] | self._fits(g.label, g.key, self.extra)
            self.memo[name] = hits.pop() if len(hits) == 1 else None
        return self.memo[name]

    def moved(self, ident: Ident, key: str) -> None:
        if key not in self.base.get(ident, ()) and key not in self.extra.setdefault(ident, set()):
            self.extra[ident].add(key)
            self.memo.clear()  # a new name can change what a mask fits


class Linker:
    """Link documents' groups in two phases: ``Linker(first)`` then :meth:`finish` ``(rest)``.

    Parameters
    ----------
    docs : iterable of DocGroups
        The first phase's documents, in any order.
    """

    def __init__(self, docs: Iterable[DocGroups] = ()) -> None:
        self.docs: dict[str, int] = {}  # doc -> number of groups
        self.places: dict[str, str] = {}  # doc -> the division code of its jurisdiction
        self.linked: dict[Ident, list[Member]] = {}
        self.masked: list[Member] = []
        self.joins = _MaskedJoins()
        for d in sorted(docs, key=lambda d: d.doc):
            self._add(d, base=True)
        for _, _, g in self.masked:
            self.joins.prepare(g)
        self.order = sorted(self.linked)
        self.entities: dict[Ident, Entity | None] = {}
        self.ids: dict[str, list[str]] = {doc: [""] * n for doc, n in self.docs.items()}
        for ident, members in self.linked.items():
            self._settle(ident, members)

    def _settle(self, ident: Ident, members: list[Member]) -> None:
        """Make the entity of one key's members (None when none is left), and give them its id."""
        entity = self.entities[ident] = _entity(ident, members) if members else None
        for doc, i, _ in members:
            self.ids[doc][i] = entity.id

    def _add(self, d: DocGroups, base: bool) -> list[Ident]:
        if d.doc in self.docs:
            raise ValueError(f"{d.doc}: linked twice")
        self.docs[d.doc] = len(d.groups)
        self.places[d.doc] = d.jurisdiction
        idents = []
        linked, base_names = self.linked, self.joins.base
        for i, g in enumerate(d.groups):
            ident = (g.label, g.link, g.scope)
            member = (d.doc, i, g)
            members = linked.get(ident)
            if members is None:
                members = linked[ident] = []
            if base:  # (the first phase's documents come in order)
                members.append(member)
                if g.joinable:
                    self.masked.append(member)
                if g.scope == "global":
                    base_names.setdefault(ident, set()).add(g.key)
            else:  # in document order among the first phase's members, as one pass files them
                bisect.insort(members, member, key=_PLACE)
                if g.joinable:
                    bisect.insort(self.masked, member, key=_PLACE)
                self.joins.file(ident, g.key)
            idents.append(ident)
        return idents

    def finish(self, docs: Iterable[DocGroups] = ()) -> Linking:
        """Add the second phase's documents and link: the same :class:`~kg.model.Linking` as one pass over all.

        The linker is spent after it (the masked joins move members between keys).
        """
        touched: set[Ident] = set()
        for d in sorted(docs, key=lambda d: d.doc):
            touched.update(self._add(d, base=False))
            self.ids[d.doc] = [""] * len(d.groups)
        for ident in touched:
            if ident not in self.entities:
                bisect.insort(self.order, ident)
        # a masked campaign/regulation joins the single unmasked name its mask fits
        for member in self.masked:
            g = member[2]
            target = self.joins.target(g)
            if target is not None:
                own = (g.label, g.link, g.scope)
                self.linked[own].remove(member)
                self.linked[target].append(member)
                self.joins.moved(target, g.key)
                touched.update((own, target))
        # a short campaign/regulation name's members of a division join the one fuller name there that ends with it
        places = {ident: {self.places[doc] for doc, _, _ in members} - {""}
                  for ident, members in self.linked.items() if members and ident[0] in SHORT_LABELS}
        # a bare body of a document with no author (局党组) is the one of that name in its jurisdiction
        live = {ident: len({doc for doc, _, _ in members}) for ident, members in self.linked.items() if members}
        alone = {ident: self.places[self.linked[ident][0][0]] for ident in live if ident[2].startswith("doc:")}
        joins: dict[tuple[Ident, str | None], Ident] = dict(short_form_targets(places))
        joins.update(((body, None), target) for body, target in bare_body_targets(live, alone).items())
        for (short, code), target in joins.items():  # code None: all members move
            kept = []
            for member in self.linked[short]:
                if code is None or self.places[member[0]] == code:
                    bisect.insort(self.linked[target], member, key=_PLACE)
                else:
                    kept.append(member)
            self.linked[short] = kept
            touched.update((short, target))
        for ident in touched:
            self._settle(ident, self.linked[ident])
        entities = {e.id: e for e in map(self.entities.__getitem__, self.order) if e is not None}
        return Linking(entities=entities, ids={doc: self.ids[doc] for doc in sorted(self.ids)})


def link(docs: Iterable[DocGroups]) -> Linking:
    """Link the groups of all documents into entities (step 2): a :class:`Linker` with every document, finished.

    Parameters
    ----------
    docs : iterable of DocGroups
        One per document, in any order (the result does not depend on it).

    Returns
    -------
    Linking
        Entities keyed by id (with ``mention_count``, no mention objects), and
        the entity id of every group of every document.
    """
    return Linker(docs).finish()
