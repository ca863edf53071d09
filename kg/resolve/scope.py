"""Scopes: where a name picks out one body.

``national``      a body that exists once (交通运输部, 国务院, 党中央)
``global``        a name unique on its own: a campaign, a regulation, an
                  organisation, an agency qualified by a place (英德市交通运输局)
``adcode:NNNNNN`` a name that only says a level (市委, 省交通运输厅), scoped to
                  the division of the document's jurisdiction at that level
``doc:NAME``      the jurisdiction is unknown, or the name is masked (X县, *执法局)
"""

from __future__ import annotations

from functools import lru_cache

from kg.model import Jurisdiction
from kg.resources import SCOPE_DIR
from kg.resolve.names import is_masked, name_key

# level words a bare name may start with, and the division level each means
_LEVEL_PREFIXES: tuple[tuple[str, str], ...] = (
    ("自治区", "province"),
    ("省", "province"),
    ("州", "city"),
    ("市", "city"),
    ("县", "county"),
    ("区", "county"),
)


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


def _place_names(j: Jurisdiction | None) -> list[str]:
    if j is None:
        return []
    return [n for n in (j.county, j.city, j.province, j.name) if n]


def agency_scope(key: str, doc: str, jurisdiction: Jurisdiction | None) -> str:
    """Scope of an AGENCY name in a document."""
    if is_masked(key):
        return f"doc:{doc}"
    if key in national_bodies():
        return "national"
    for place in _place_names(jurisdiction):
        if key.startswith(place) and len(key) > len(place):
            return "global"
    for prefix, level in _LEVEL_PREFIXES:
        if key.startswith(prefix):
            code = _division_code(jurisdiction, level) if jurisdiction else None
            return f"adcode:{code}" if code else f"doc:{doc}"
    if jurisdiction is not None:
        return jurisdiction.key
    return f"doc:{doc}"


def entity_scope(label: str, key: str, doc: str, jurisdiction: Jurisdiction | None) -> str:
    """Scope of an entity name of any type (see the module docstring)."""
    if label == "AGENCY":
        return agency_scope(key, doc, jurisdiction)
    if is_masked(key):
        return f"doc:{doc}"
    return "global"
