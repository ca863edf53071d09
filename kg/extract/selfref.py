"""Self-references: 我局, 本局, 我们, 我支队, bare 支队 in a 支队's own report, 局党组.

These documents mostly narrate what their author did. A self-reference is
resolved to the author body (``DocumentMeta.author``) and becomes an AGENCY
mention with ``self_ref=True`` and ``name`` = the author's name. Without a
known author nothing is resolved: no author is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Mention, StructuredDocument

#: unit words a pronoun can combine with (我局, 本支队), longest first
UNIT_WORDS: tuple[str, ...] = ("委员会", "支队", "大队", "中队", "中心", "局", "厅", "委", "处", "站", "队", "所", "办")
#: unit words that stand alone for the author (支队 in a 支队's report; 中心 or 局 alone are too common)
BARE_UNITS: tuple[str, ...] = ("支队", "大队", "中队")
#: self-references that name no unit and always mean the author
PLAIN_FORMS: tuple[str, ...] = ("我们", "我单位", "本单位", "本机关", "我机关")
#: organs of the author: 局党组, 厅领导班子, 支队党委
ORGAN_WORDS: tuple[str, ...] = ("领导班子", "党组", "党委")
#: characters that end a name, so a unit word after them is part of the name (执法支队, 第一支队)
_NAME_FINAL = frozenset("法政管路属警安输通市县区省州盟旗镇乡村各该总分直驻第一二三四五六七八九十百XxＸ*＊")


@dataclass(frozen=True, slots=True)
class SelfReference:
    """A self-reference found in the text.

    ``kind`` is ``pronoun`` (我局, 我们, bare 支队: stands for the author and
    nothing else) or ``organ`` (局党组: a body of the author).
    """

    start: int
    end: int
    kind: str


def author_unit(author: str | None) -> str | None:
    """The unit word the author's name ends with (``支队`` for ``十堰市道路运输执法支队``)."""
    if not author:
        return None
    for unit in UNIT_WORDS:
        if author.endswith(unit):
            return unit
    return None


def _unit_matches(unit: str, author_u: str) -> bool:
    # 我队 may stand for a 支队 or 大队; 我委 for a 委员会
    return unit == author_u or (unit == "队" and author_u.endswith("队")) or (unit == "委" and author_u == "委员会")


def find_self_references(norm: str, author: str | None) -> list[SelfReference]:
    """Find self-references to ``author`` in the width-folded text.

    Parameters
    ----------
    norm : str
        ``SourceDocument.norm``.
    author : str or None
        The author body; ``None`` finds nothing.

    Returns
    -------
    list of SelfReference
        Non-overlapping, in text order.
    """
    unit = author_unit(author)
    if not author:
        return []
    pats: list[tuple[str, str]] = [(re.escape(f), "pronoun") for f in PLAIN_FORMS]
    if unit:
        pron_units = [u for u in UNIT_WORDS if _unit_matches(u, unit)]
        alt = "|".join(re.escape(u) for u in pron_units)
        organs = "|".join(ORGAN_WORDS)
        pats.append((rf"[我本](?:{alt})(?:{organs})?", "pronoun"))
        # a bare 支队 / 大队 / 中心, or an organ 局党组 / 厅领导班子 (see BARE_UNITS)
        organ_req = "?" if unit in BARE_UNITS else ""
        # the unit first (a literal the search can skip to), then: not after 我/本
        u = re.escape(unit)
        pats.append((rf"{u}(?<![我本]{u})(?!长|员)(?:{organs}){organ_req}", "bare"))
    found: list[SelfReference] = []
    for pat, kind in pats:
        for m in re.finditer(pat, norm):
            s, e = m.start(), m.end()
            k = kind
            if kind == "bare":
                if s > 0 and norm[s - 1] in _NAME_FINAL:
                    continue
                k = "organ" if any(m.group().endswith(o) for o in ORGAN_WORDS) else "pronoun"
            elif kind == "pronoun" and any(m.group().endswith(o) for o in ORGAN_WORDS):
                k = "organ"
            found.append(SelfReference(s, e, k))
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    out: list[SelfReference] = []
    for r in found:
        if out and r.start < out[-1].end:
            continue
        out.append(r)
    return out


def self_mention(sdoc: StructuredDocument, ref: SelfReference, author: str) -> Mention:
    """The AGENCY mention of the author for a self-reference."""
    text = sdoc.source.text[ref.start:ref.end]
    return Mention(
        doc=sdoc.name, label="AGENCY", text=text, start=ref.start, end=ref.end, name=author,
        evidence=sdoc.evidence(ref.start, ref.end), self_ref=True, rule=f"selfref:{ref.kind}",
    )
