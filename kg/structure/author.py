"""The body a document speaks for, when the text says it."""

from __future__ import annotations

import re
from collections import Counter

from kg.structure.gazetteer import Gazetteer, PlaceMention
from kg.structure.segment import Span

#: Last characters of a body's name.
HEADS = ("委员会", "办公室", "总队", "支队", "大队", "中心", "政府", "集团", "公司", "局", "厅", "委", "办", "部",
         "处", "站", "所", "院", "署")
_HEAD = "|".join(HEADS)
_NAME_CHARS = r"[^\s,。;、:“”《》()（）!?]"
_TITLE_AGENCY = re.compile(
    rf"(?P<a>{_NAME_CHARS}{{2,30}}?(?:{_HEAD}))(?=\d{{4}}|[〇○零一二]{{4}}年|关于|在|年度|上半年|下半年|全年|工作|第)"
)
_ON_BEHALF = re.compile(rf"代表(?P<a>{_NAME_CHARS}{{0,20}}?(?:{_HEAD}))(?:党委|党组|领导班子|班子|全体)?(?:向|对)")
_LEADS = re.compile(rf"(?P<a>{_NAME_CHARS}{{1,20}}?(?:{_HEAD}))(?:领导班子|党组|党委)(?:团结)?带领")
#: how far before its 带领 a match of _LEADS can start (name, head, 领导班子, 团结)
_LEADS_REACH = 20 + max(map(len, HEADS)) + len("领导班子") + len("团结")
_APPROVED = re.compile(rf"经(?P<a>{_NAME_CHARS}{{1,20}}?(?:{_HEAD}))(?:党组|党委|领导班子)?(?:研究)?同意")
_SELF_REF = re.compile(r"(?:我|本)(支队|大队|总队|中心|局|厅|委|办|处)(?![长])")
#: the speaker's own units named by the bare head of its body: 厅党组, 厅安全监督处, 局党组
_OWN_UNIT = re.compile(r"(?:^|(?<=[。;,:!?]))(厅|局)(?=党组|党委|领导班子|办公室|[\u4e00-\u9fff]{2,6}处(?![理置罚分于在长级室]))",
                       re.MULTILINE)
#: a body named right after these is a partner of the speaker, not the speaker (会同省公安厅、省应急管理厅)
_PARTNER_BEFORE = re.compile(r"(?:会同|联合|配合|协同|协调|商请|联同)(?:[^,。;:!?]{0,30}、)?$")
_BARE_SUBJECT = re.compile(r"(?:^|(?<=[。;,:!?]))(支队|大队|总队)(?![党长])", re.MULTILINE)
_DATE_LINE = re.compile(r"^[\d〇○零一二三四五六七八九十]{4}年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$")
#: Characters that end a name when walking left from its head (function words, punctuation).
_STOP = set("的和与对在是了及向把被由为从等将以于并或而也都就要让使，,。;；、:：“”《》()（）!?！？ \n\t")
_LEVEL_CHARS = set("省市县区州")
_MASKS = set("X*xＸ＊")


def _named_bodies(norm: str, head: str, starts: set[int]) -> Counter[str]:
    """Names of bodies ending in ``head`` that start with a mask, a place name (``starts``) or a level word."""
    found: Counter[str] = Counter()
    for m in re.finditer(re.escape(head), norm):
        j = m.start()
        if j == 0 or norm[j - 1] in "我本全" or norm[m.end() : m.end() + 1] == "长":
            continue
        i = j
        while i > 0 and j - i < 15 and norm[i - 1] not in _STOP:
            i -= 1
        for k in range(i, j):
            if norm[k] in _MASKS or k in starts or norm[k] in _LEVEL_CHARS:
                found[norm[k : m.end()]] += 1
                break
    return found


def _leads(norm: str) -> re.Match[str] | None:
    """The first match of ``_LEADS``, searched only where one can be: before each 带领 it ends with."""
    at = norm.find("带领")
    while at >= 0:
        lo, end = max(0, at - _LEADS_REACH), at + 2
        at = norm.find("带领", at + 1)
        while at >= 0 and at - _LEADS_REACH <= end:  # the stretches before the two overlap: one search
            end = at + 2
            at = norm.find("带领", at + 1)
        if m := _LEADS.search(norm, lo, end):
            return m
    return None


def _occurrences(norm: str, head: str, bodies: set[str]) -> dict[str, list[int]]:
    """Where each of ``bodies`` (names ending in ``head``) occurs, as ``re.finditer`` finds it (no overlaps).

    Every occurrence of a body ends where an occurrence of ``head`` ends, so
    one pass over those finds all of them.
    """
    at: dict[str, list[int]] = {b: [] for b in bodies}
    reach = {b: 0 for b in bodies}  # where the last occurrence kept ends
    lengths = sorted({len(b) for b in bodies}, reverse=True)
    i = norm.find(head)
    while i >= 0:
        end = i + len(head)
        for n in lengths:
            body = norm[end - n:end] if end >= n else ""
            if body in at and end - n >= reach[body]:
                at[body].append(end - n)
                reach[body] = end
        i = norm.find(head, i + 1)
    return at


def _fullest(bodies: Counter[str], first: dict[str, list[int]]) -> str:
    """The body named most often; of those, the first one the text names."""
    return max(bodies.items(), key=lambda kv: (kv[1], -first[kv[0]][0]))[0]


def _only_partner(norm: str, at: list[int]) -> bool:
    """True when every mention of a body (at offsets ``at``) follows 会同/联合/配合 (…、): the text cooperates with it."""
    return bool(at) and all(_PARTNER_BEFORE.search(norm, max(0, i - 40), i) for i in at)


def find_author(norm: str, text: str, title: Span | None, paragraphs: list[Span], g: Gazetteer,
                places: list[PlaceMention] | None = None) -> str | None:
    """The body the document speaks for.

    In order: the agency a title line starts with (``英德市交通运输局2023年…``);
    ``代表X党委向…``; ``X领导班子团结带领…``; self-references (我局, 本支队)
    resolved to the body with that head the text names most (``*执法局``);
    the speaker's own units named by a bare head (``厅党组``, ``厅安全监督处``)
    resolved the same way, leaving out bodies named only as partners
    (``会同省公安厅``); a signature line at the end; a name used bare as a subject (``支队将…``);
    an opener ``经X党组同意``. Names are returned as written (masks kept).
    ``places`` are the places ``g`` finds in ``norm``, when already known.
    """
    def as_written(m: re.Match[str]) -> str:
        return text[m.start("a") : m.end("a")]

    if title is not None and (m := _TITLE_AGENCY.match(norm, title.start, title.end)):
        return as_written(m)
    if m := _ON_BEHALF.search(norm):
        return as_written(m)
    if m := _leads(norm):
        return as_written(m)
    starts = {m.start for m in (g.find(norm) if places is None else places)}
    refs = Counter(m.group(1) for m in _SELF_REF.finditer(norm))
    for head, _ in refs.most_common():
        bodies = _named_bodies(norm, head, starts)
        if bodies:
            at = _occurrences(norm, head, set(bodies))
            best = _fullest(bodies, at)
            return text[at[best][0] : at[best][0] + len(best)]
    own = Counter(m.group(1) for m in _OWN_UNIT.finditer(norm))
    for head, _ in own.most_common():
        named = _named_bodies(norm, head, starts)
        at = _occurrences(norm, head, set(named))
        bodies = Counter({b: n for b, n in named.items() if not _only_partner(norm, at[b])})
        if bodies:
            best = _fullest(bodies, at)
            return text[at[best][0] : at[best][0] + len(best)]
    for p in reversed(paragraphs[-3:] if len(paragraphs) > 3 else []):
        line = norm[p.start : p.end].strip()
        if _DATE_LINE.match(line):
            continue
        if len(line) <= 30 and line.endswith(HEADS) and not set(line) & _STOP - {"和", "与", "的"}:
            return text[p.start : p.end].strip()
        break
    bare = Counter(m.group(1) for m in _BARE_SUBJECT.finditer(norm))
    if bare and bare.most_common(1)[0][1] >= 2:
        return bare.most_common(1)[0][0]
    opening_end = paragraphs[min(2, len(paragraphs) - 1)].end if paragraphs else 0
    if m := _APPROVED.search(norm, 0, opening_end):
        return as_written(m)
    return None
