"""Short forms across documents: a campaign or regulation one document names short joins the one fuller name
that ends with it in another document of the same jurisdiction.

A county brigade's report of one year writes 执法岗位大练兵, its report of the next year 岗位大练兵; a city's
2023 report 道路运输雁城护航联合执法行动, its 2024 report 雁城护航联合执法行动. The short name's link key (a
campaign's signature, a regulation's name) ends the fuller one's, and no other fuller name of that division
ends with it; the short name's documents of that division join it, those of other divisions do not (those of no
known division only when every division's join is the same). Across divisions a short name stays apart:
安全生产治本攻坚三年行动 of one province is not 道路运输安全生产治本攻坚三年行动 of another, and two counties'
campaigns never merge. Fuller link keys are filed under their suffixes, so the
cost is linear in the corpus.

A bare body (局党组, 机关党委) of a document whose author is not found is scoped to that document; across
documents it is the body of that name in the scope of its document's jurisdiction, when one document whose author
is known names one there.
"""

from __future__ import annotations

from kg.lexicon import default_lexicon
from kg.resolve.names import is_masked
from kg.resolve.scope import is_bare_body

Ident = tuple[str, str, str]  # (label, link key, scope)
#: the labels whose global names link this way
LABELS = ("CAMPAIGN", "REGULATION")
#: the shortest link key that may stand for a fuller one
MIN_SHORT = 4
#: the fewest characters a short regulation name keeps once its generic head is cut (管理办法 keeps 管理: too few)
MIN_SPECIFIC = 3


def _specific(label: str, key: str) -> bool:
    """True unless a short regulation name is a generic head with a word or two before it (管理办法, 实施方案)."""
    if label != "REGULATION":
        return True
    heads = [h for h, rh in default_lexicon().regulation_heads.items() if "title" in rh.where and key.endswith(h)]
    return len(key) - max(map(len, heads), default=0) >= MIN_SPECIFIC


def short_form_targets(places: dict[Ident, set[str]]) -> dict[tuple[Ident, str], Ident]:
    """The fuller ident the members of each division of a short global campaign or regulation join.

    Parameters
    ----------
    places : dict
        Each linked key that has members -> the division codes of its documents' jurisdictions.

    Returns
    -------
    dict
        (Short ident, division code) -> the fuller ident its members of that division join (the end of any
        chain: when the only fuller name of a short one is itself the short form of another, it joins that
        other). The code "" (members whose jurisdiction is unknown) is there only when every division of the
        short ident joins the same fuller one.
    """
    usable = sorted((i for i in places if i[0] in LABELS and i[2] == "global" and places[i]
                     and not is_masked(i[1]) and len(i[1]) >= MIN_SHORT), key=lambda i: (-len(i[1]), i))
    by_suffix: dict[tuple[str, str, str], list[Ident]] = {}  # (label, suffix, division) -> fuller idents
    for ident in usable:
        label, key, _ = ident
        for cut in range(1, len(key) - MIN_SHORT + 1):
            for code in places[ident]:
                by_suffix.setdefault((label, key[cut:], code), []).append(ident)
    root: dict[tuple[Ident, str], Ident] = {}
    for ident in usable:  # longest first: a fuller ident's own targets are known before its short forms ask
        label, key, _ = ident
        if not _specific(label, key):
            continue
        for code in places[ident]:  # each division on its own: a short name of another division stays apart
            ends = {root.get((f, code), f) for f in by_suffix.get((label, key, code), ())}
            if len(ends) == 1:
                root[ident, code] = ends.pop()
        ends = {root.get((ident, code)) for code in places[ident]}
        if len(ends) == 1 and None not in ends:
            root[ident, ""] = ends.pop()
    return root


def bare_body_targets(doc_counts: dict[Ident, int], place_of: dict[Ident, str]) -> dict[Ident, Ident]:
    """The ident a bare body of a document with no author (局党组, scoped to its document) joins: the same name
    in the scope of the document's jurisdiction, where one document whose author is known puts it.

    Documents of several authors (十堰市交通运输局 and 十堰市公安局 each with a 局党组) share that scope, and the
    documents carry no author here, so a name that several documents put there says no one body: it stays apart.

    Parameters
    ----------
    doc_counts : dict
        Each linked key that has members -> the number of its documents.
    place_of : dict
        Each document-scoped ident -> the division code of its document's jurisdiction ("" when unknown).

    Returns
    -------
    dict
        Document-scoped ident -> the ident of that name in its division's scope.
    """
    found = {}
    for ident, code in place_of.items():
        label, key, scope = ident
        if label == "AGENCY" and code and scope.startswith("doc:") and not is_masked(key) and is_bare_body(key):
            target = (label, key, f"adcode:{code}")
            if doc_counts.get(target) == 1:
                found[ident] = target
    return found
