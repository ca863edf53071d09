"""Scopes: where a name picks out one body.

``national``      a body that exists once (交通运输部, 国务院, 党中央)
``global``        a name unique on its own: a campaign, a regulation, an
                  organisation, an agency qualified by an ambiguous place name
``adcode:NNNNNN`` an agency qualified by a place (英德市交通运输局: its division), or a
                  name that only says a level (市委, 省交通运输厅), scoped to the
                  division of the document's jurisdiction at that level and linked
                  under that division's full name (湖南省交通运输厅)
``doc:NAME``      the jurisdiction is unknown, or the name is masked (X县, *执法局), or
                  a bare name (支队, 局党组) of a document with no author named in full
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Jurisdiction
from kg.resources import SCOPE_DIR
from kg.resolve.names import is_masked, name_key
from kg.structure.author import PARTY_ORGANS
from kg.structure.gazetteer import gazetteer

# level words a bare name may start with, and the division level each means (盟 and 旗 are the city and
# county levels of Inner Mongolia)
_LEVEL_PREFIXES: tuple[tuple[str, str], ...] = (
    ("自治区", "province"),
    ("省", "province"),
    ("州", "city"),
    ("盟", "city"),
    ("市", "city"),
    ("县", "county"),
    ("区", "county"),
    ("旗", "county"),
)
# an office of the provincial department named by its organ word (厅法规处, 厅机关党委): the province's, whatever
# division the document speaks for; the organ word stays in the link key
_ORGAN_PREFIXES: tuple[tuple[str, str], ...] = (("厅", "province"),)


@lru_cache(maxsize=1)
def national_bodies() -> frozenset[str]:
    """Names of national bodies, from ``data/scope/national_bodies.txt``."""
    path = SCOPE_DIR / "national_bodies.txt"
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.add(name_key(line))
    return frozenset(names)


def _division_code(j: Jurisdiction, level: str) -> str | None:
    code = j.code
    if not code or len(code) != 6:
        return None
    if level == "province":
        return code[:2] + "0000"
    if level == "city":
        if j.level == "province":
            return None
        # a county-level city (英德市) is what its own documents call 市
        if j.level == "county" and j.name.endswith("市"):
            return code
        return code[:4] + "00"
    if level == "county":
        return code if j.level == "county" else None
    return None


#: a name made only of unit and organ words (支队, 局党组, 机关党委): it says which body only through its author
_BARE_BODY = re.compile(rf"(?:总队|支队|大队|中队|中心|局|厅|所|处|站|委|机关)+(?:{'|'.join(PARTY_ORGANS)}|领导班子)?")


def is_bare_body(key: str) -> bool:
    """True for a name made only of unit and organ words (支队, 局党组, 中心党支部)."""
    return _BARE_BODY.fullmatch(key) is not None


@lru_cache(maxsize=65536)
def _opening_place(key: str) -> tuple[tuple[str, ...], int] | None:
    """The division codes of the place a name opens with and where that place ends; None when it opens with none."""
    hits = gazetteer().find(key, 0, len(key))
    if not hits or hits[0].start != 0 or hits[0].end >= len(key):
        return None
    return tuple(hits[0].codes), hits[0].end


def _leading_place(key: str) -> str | None:
    """The division code of the place a name opens with (英德市交通运输局 -> 441881); "" when ambiguous."""
    place = _opening_place(key)
    if place is None:
        return None
    return place[0][0] if len(place[0]) == 1 else ""


def leading_place(key: str) -> tuple[str, int] | None:
    """The division code of the place a name opens with and where that place ends
    (湘潭市交通运输执法支队 -> ("430300", 3)); None when the name opens with no place or an ambiguous one."""
    place = _opening_place(key)
    return (place[0][0], place[1]) if place and len(place[0]) == 1 else None


def opens_with_place(key: str) -> bool:
    """True when a name opens with a division name (英德市交通运输局, 南平执法支队)."""
    return _leading_place(key) is not None


def agency_link(key: str, doc: str, jurisdiction: Jurisdiction | None, author: str | None = None) -> tuple[str, str]:
    """Link key and scope of an AGENCY name in a document.

    A name that opens with a place is bound to that place's division
    (``英德市交通运输局``: ``adcode:441881``; ``global`` when the place name is
    ambiguous). A level-only name (``省交通运输厅``) is bound to the division of
    the document's jurisdiction at that level, and its link key is the name
    with that division's name in front (``湖南省交通运输厅``), so the two
    forms of one body are one node across documents. A bare name (支队,
    局党组) of a document whose author is unknown, or is itself a bare name,
    stays in its document: nothing says which body it is.
    """
    if is_masked(key):
        return key, f"doc:{doc}"
    if is_bare_body(key) and (not author or is_bare_body(name_key(author))):
        return key, f"doc:{doc}"
    if key in national_bodies():
        return key, "national"
    code = _leading_place(key)
    if code is not None:
        return key, f"adcode:{code}" if code else "global"
    for prefixes, kept in ((_LEVEL_PREFIXES, False), (_ORGAN_PREFIXES, True)):
        for prefix, level in prefixes:
            if key.startswith(prefix):
                code = _division_code(jurisdiction, level) if jurisdiction else None
                if not code or code not in gazetteer().by_code:
                    return key, f"doc:{doc}"
                return gazetteer().by_code[code].name + key[0 if kept else len(prefix):], f"adcode:{code}"
    if jurisdiction is not None:
        return key, jurisdiction.key
    return key, f"doc:{doc}"


def agency_scope(key: str, doc: str, jurisdiction: Jurisdiction | None, author: str | None = None) -> str:
    """Scope of an AGENCY name in a document (see :func:`agency_link`)."""
    return agency_link(key, doc, jurisdiction, author)[1]


def entity_link(label: str, key: str, doc: str, jurisdiction: Jurisdiction | None,
                author: str | None = None) -> tuple[str, str]:
    """Link key and scope of an entity name of any type; ``author`` is the document's author body.

    Organisations named by a level word only (县道路运输协会) are bound like
    agencies; other names of organisations, campaigns and regulations are
    global unless masked.
    """
    if label == "AGENCY":
        return agency_link(key, doc, jurisdiction, author)
    if is_masked(key):
        return key, f"doc:{doc}"
    if label == "ORGANIZATION" and key.startswith(tuple(p for p, _ in _LEVEL_PREFIXES)):
        return agency_link(key, doc, jurisdiction, author)
    return key, "global"


def entity_scope(label: str, key: str, doc: str, jurisdiction: Jurisdiction | None, author: str | None = None) -> str:
    """Scope of an entity name of any type (see :func:`entity_link`)."""
    return entity_link(label, key, doc, jurisdiction, author)[1]
