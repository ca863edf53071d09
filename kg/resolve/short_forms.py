"""Short forms and variants of a name within one document (step 1 of :mod:`kg.resolve`).

The groups of one label, longest key first, are merged into the fuller groups whose names they shorten or vary:
a campaign under 行动/活动/工作 and 专项/整治 variants and a short form the fuller one contains in order and ends
like (三年行动 -> 安全生产三年专项行动), an agency stem completed by its head (市公安交管 -> 市公安交管局), a party
organ without its party (X局党组 -> 中共X局党组), a field's 部门 and its office (海事部门, 海事处), an organisation's
short stem, and a body's short form that keeps its head (运管所 -> 道路运输管理所, 团市委 -> 共青团X市委员会,
湘潭市交通运输执法支队 -> 湘潭市交通运输综合行政执法支队 within its own division; the author's name when several fit).
:class:`_VariantIndex` finds the fuller candidates of a key without comparing it with every kept group.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from kg.lexicon import Lexicon
from kg.resolve.names import (
    campaign_core,
    campaign_signature,
    is_masked,
    is_subsequence,
    name_key,
    org_registered_stems,
    org_short_stems,
)
from kg.resolve.scope import leading_place, opens_with_place

if TYPE_CHECKING:
    from kg.resolve import _Group

# the shortest body name that may stand for a fuller one of its document (运管所, 局党组; not 支队)
MIN_SHORT_AGENCY = 3
_AGENCY_HEADS = "局厅部委办处队站所院"


def _same_head(short: str, long: str) -> bool:
    return len(short) >= 2 and long.endswith(short[-2:])


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
        if full.endswith(short) and full[: len(full) - len(short)] in _PARTY_PREFIXES:
            return True  # 曲靖市交通运输局党组 is 中共曲靖市交通运输局党组
        # a field's 部门 and its own office in one document are one body (海事部门, 海事处)
        stems = {_department_stem(short), _department_stem(full)}
        return len(stems) == 1 and None not in stems and (short.endswith("部门") or full.endswith("部门"))
    if label == "ORGANIZATION":
        return bool(set(org_short_stems(short)) & set(org_registered_stems(full)))
    return False


#: the party named before one of its organs (中共X市委): the organ's name without it is the same body
_PARTY_PREFIXES = ("中共", "中国共产党")


def _department_stem(key: str) -> str | None:
    if key.endswith("部门"):
        stem = key[:-2]
    elif key[-1:] and key[-1] in "局处所站":
        stem = key[:-1]
    else:
        return None
    return stem if len(stem) >= 2 else None


def _agency_head(key: str, lexicon: Lexicon | None) -> str:
    """The head noun a body's name ends with (局, 支队, 党组), or its last character."""
    if lexicon is not None:
        hit = lexicon.trie("agency_heads").longest_ending_at(key, len(key))
        if hit is not None:
            return hit[1]
    return key[-1:]


def _completes_author(author: str, full: str) -> bool:
    """Whether ``full`` may be the fuller name of the author's name as the structure stage left it.

    The structure stage completes a bare level name with the place the text puts before it, and declines
    when that place is one of several (岳阳县、华容县、临湘市交通运输局): such a name (市交通运输局) is a body of
    its own, and so is a name that is no ending of the fuller one (海城大队, 海城市公安局交通警察大队); a unit
    named under its parent (大店执法所, 莒南县…大队大店执法所) is the parent's unit.
    """
    return full.endswith(author) and author[0] not in _LEVEL_WORDS


#: level words a bare body's name may open with (市交通运输局)
_LEVEL_WORDS = frozenset("省市县区州旗")


def _may_shorten(short: str) -> bool:
    """A name that may be a short form: long enough, with no mask and no place of its own
    (X市交通运输局 is not XX市交通运输局)."""
    return len(short) >= MIN_SHORT_AGENCY and not is_masked(short) and not opens_with_place(short)


class _Bodies:
    """The kept bodies of a document by their head, and by their head and the division they open with."""

    def __init__(self) -> None:
        self.by_head: dict[str, list[_Group]] = {}
        self.by_place: dict[tuple[str, str], list[tuple[_Group, int]]] = {}  # (head, code) -> (group, place end)

    def add(self, g: _Group, head: str) -> None:
        self.by_head.setdefault(head, []).append(g)
        place = leading_place(g.key)
        if place is not None:
            self.by_place.setdefault((head, place[0]), []).append((g, place[1]))

    def fuller(self, head: str, code: str | None) -> list[tuple[_Group, int]]:
        """The bodies a short form with this head (and division) may shorten, each with where its place ends:
        its own head, and 委员会 for 委 (市发展改革委)."""
        heads = (head, "委员会", "会") if head == "委" else (head,)
        if code is None:
            found = [(big, 0) for h in heads for big in self.by_head.get(h, ())]
        else:
            found = [hit for h in heads for hit in self.by_place.get((h, code), ())]
        return [(big, cut) for big, cut in found if _ends_like(head, big.key)]


def _ends_like(head: str, full: str) -> bool:
    """Whether a short form with ``head`` may end like ``full``: the same head, or 委 for 委员会."""
    return head != "委" or full.endswith(("委", "委员会"))


def _shortened(key: str, head: str, bodies: _Bodies, author_key: str | None) -> list[_Group]:
    """The one fuller body of the document that ``key`` shortens (its characters in order, the same head), or
    the author's name among several, or none.

    A short form that opens with a place (湘潭市交通运输执法支队) shortens only a name that opens with the same
    division (湘潭市交通运输综合行政执法支队, 延边朝鲜族自治州交通运输局 for 延边州交通运输局), and not a unit named
    under it (湘潭市交通运输局 is not 湘潭市交通运输局XX站), also when it is the author's name: it names its own
    division, so it is no bare level name left by the structure stage.
    """
    if _may_shorten(key):
        code, short = None, key
    else:
        place = leading_place(key)
        if place is None or is_masked(key) or len(key) - place[1] < MIN_SHORT_AGENCY:
            return []
        code, short = place[0], key[place[1]:]
    found = []
    for big, cut in bodies.fuller(head, code):
        if len(big.key) <= len(key) or (code is None and key == author_key and not _completes_author(key, big.key)):
            continue
        rest = big.key[cut:]
        if code is not None and len(rest) > len(short) and rest.startswith(short):
            continue
        if is_subsequence(short, rest):
            found.append(big)
    if len(found) > 1:
        found = [big for big in found if big.key == author_key]
    return found


def merge_variants(label: str, groups: list[_Group], author: str | None = None,
                   lexicon: Lexicon | None = None) -> list[_Group]:
    """Merge short forms into the fuller groups of the same label (longest first).

    A body's short form (same head, its characters in order in the fuller
    name: 运管所 / 道路运输管理所, 市交通运输局 / 常德市交通运输局) joins the
    one fuller name of the document it shortens, or the author's name when
    several fit; with several and no author among them it stays apart. The
    author's own name shortens only a name that puts its parent before it
    (see :func:`_completes_author`).
    Fuller bodies are looked up by their head, not compared with every group.

    Parameters
    ----------
    label : str
        The label all ``groups`` share.
    groups : list of _Group
        One document's groups of ``label``, longest key first.
    author : str, optional
        The document's author as the structure stage named it.
    lexicon : Lexicon, optional
        Shipped and user dictionaries; their agency heads (局, 支队, 党组) give a body's head.

    Returns
    -------
    list of _Group
        The groups kept, each having absorbed its short forms and variants.
    """
    kept: list[_Group] = []
    index = _VariantIndex(label)
    bodies = _Bodies()
    author_key = name_key(author) if author else None
    for g in groups:
        key = g.key
        candidates = [big for big in index.candidates(key) if _is_variant(label, key, big.key)]
        head = _agency_head(key, lexicon) if label == "AGENCY" else ""
        if not candidates and label == "AGENCY":
            candidates = _shortened(key, head, bodies, author_key)
        if not candidates:
            index.add(g, len(kept))
            kept.append(g)
            if label == "AGENCY":
                bodies.add(g, head)
            continue
        # the same signature first, then the most mentioned fuller form
        sig = campaign_signature(key)
        target = max(candidates, key=lambda b: (campaign_signature(b.key) == sig, len(b.mentions), -b.first))
        target.absorb(g)
        index.add(target)  # under its new key too, when the absorbed form changed it
    return kept


class _VariantIndex:
    """The kept groups of one label by the parts of their keys that :func:`_is_variant` compares.

    A key equal to a part of the fuller key (a campaign's signature, an
    agency without its head or a department's stem) is looked up directly.
    A key that must be a subsequence of the fuller key and end like it is
    looked up among the fuller keys with the same ending that hold its
    rarest character. :meth:`candidates` gives every kept group of which a
    key may be a variant (and maybe more), in the order they were kept.
    """

    def __init__(self, label: str) -> None:
        self.label = label
        self.exact: dict[tuple[str, str], list[_Group]] = defaultdict(list)
        # (kind, last two characters) -> character -> the groups whose string holds it
        self.holding: dict[tuple[str, str], dict[str, list[_Group]]] = defaultdict(lambda: defaultdict(list))
        self.position: dict[int, int] = {}  # id(group) -> its position among the kept groups
        self.indexed: dict[int, set[str]] = defaultdict(set)  # id(group) -> the keys it is filed under

    def _parts(self, key: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """The exact parts of a fuller key, and its strings that a shorter one may be a subsequence of."""
        if self.label == "CAMPAIGN":
            return [("sig", campaign_signature(key))], [("sig", campaign_signature(key)), ("core", campaign_core(key))]
        if self.label == "REGULATION":
            return [], [("name", key)]
        if self.label == "AGENCY":
            exact = [("head", key[:-1])] if key[-1:] and key[-1] in _AGENCY_HEADS else []
            exact += [("party", key[len(p):]) for p in _PARTY_PREFIXES if key.startswith(p)]
            stem = _department_stem(key)
            return exact + ([("dept", stem)] if stem is not None else []), []
        if self.label == "ORGANIZATION":
            return [("legal", stem) for stem in org_registered_stems(key)], []
        return [], []

    def _short_parts(self, short: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """What to look up for a key that may be a variant (see :func:`_is_variant`)."""
        if self.label == "CAMPAIGN":
            ss = campaign_signature(short)
            return [("sig", ss)], ([("sig", ss), ("core", campaign_core(short))] if len(short) >= 3 else [])
        if self.label == "REGULATION":
            return [], ([("name", short)] if len(short) >= 3 else [])
        if self.label == "AGENCY":
            stem = _department_stem(short)
            return [("head", short), ("party", short)] + ([("dept", stem)] if stem is not None else []), []
        if self.label == "ORGANIZATION":
            return [("legal", stem) for stem in org_short_stems(short)], []
        return [], []

    def add(self, g: _Group, position: int | None = None) -> None:
        """File ``g`` under its current key (again after an absorbed form changed the key)."""
        if position is not None:
            self.position[id(g)] = position
        if g.key in self.indexed[id(g)]:
            return
        self.indexed[id(g)].add(g.key)
        exact, strings = self._parts(g.key)
        for part in exact:
            self.exact[part].append(g)
        for kind, text in strings:
            by_char = self.holding[(kind, text[-2:])]
            for ch in set(text):
                by_char[ch].append(g)

    def candidates(self, short: str) -> list[_Group]:
        exact, strings = self._short_parts(short)
        found = {id(g): g for part in exact for g in self.exact.get(part, ())}
        for kind, text in strings:
            by_char = self.holding.get((kind, text[-2:]))
            if by_char:  # the fuller string holds every character of a subsequence: look at the rarest
                found.update((id(g), g) for g in min((by_char.get(ch, ()) for ch in set(text)), key=len))
        return sorted(found.values(), key=lambda g: self.position[id(g)])
