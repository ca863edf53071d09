"""The body a document speaks for, when the text says it.

The rules, in order (the first that names a body wins):

1. the title: a body the title opens with, followed by its period, a report or
   plan word, 关于, or a news verb (``X局2023年工作总结``, ``X支队召开…``,
   ``X局与…签署``), unless the title tells of a visit to a place (``到湄潭县``)
   whose body the source line names: the host publishes it; a speech title
   (``在…会议上的讲话``) names a meeting, not a body, but the byline under it
   names the speaker's body (``邯郸市人民政府副市长　张XX``, ``X厅党组成员、副厅长　XXX``;
   the name may be left out: ``X局党组书记、局长``);
   a brief's masthead names the body that edits it (``X中心办公室　　2024年11月30日``: X);
   a joint document's issuers opening its title (``X局　Y局关于…的通知``) name the first, who leads;
2. ``代表X党委向…`` and ``X领导班子团结带领…``;
3. the signature: a body alone on one of the last lines, before the date
   (``XX县交通运输局`` / ``2024年6月XX日``);
4. the source line of a news item (``来源：X``), or the body a news item
   says its facts come from (``记者从X获悉``, ``据X介绍``, ``X供稿``, ``（X供图）``);
5. the lead of a news item: the body that opens its first sentence
   (``9月21日，X局与…``), or the first organiser of the event it tells of
   (``由X局、Y局主办的…演练``, ``由X中心组织实施的…工程``; not ``由X和Y联合主办``);
6. self-references (``我局``, ``本支队``) and the speaker's own units named by a
   bare head (``局党组``, ``厅安全监督处``), resolved to the body with that head
   the text names: a body of the document's own field first, then the most
   named, leaving out bodies named only as partners (``会同省公安厅``) or only
   inside another body's name (``市公安局交警支队``). When the own units name
   an organ (``局党组``) and the text names that organ of the body in full
   (``X市交通运输局党组``), the organ is the author;
7. a bare unit used as a subject at least twice (``支队将…``);
8. ``经X党组同意`` in the opening;
9. the issuing body alone on the line under the title (``咸宁市现代物流发展联合办公室``);
10. a meeting's news item: the body whose head gives the work report or chairs
    (``X局党组书记、局长王XX作工作报告``);
11. a news item of a leader's visit: the body whose leader leads it
    (``X厅党组书记、厅长周XX带队赴Y县…``, see :func:`visiting_body`).

A distribution line (``报：X``, ``抄送：X``, ``发：…``) names the recipients of a
brief or notice, never its author: it is left out of every rule.

The name found is then completed with a place the text puts before it
elsewhere (``省交通运输厅`` -> ``湖南省交通运输厅``). Names are returned as
written (masks kept).
"""

from __future__ import annotations

import re
from collections import Counter

from kg.model import StructuredDocument
from kg.structure import metadata
from kg.structure.gazetteer import Gazetteer, PlaceMention
from kg.structure.segment import Span

#: Last characters of a body's name.
HEADS = ("委员会", "协会", "工会", "办公室", "纪检监察组", "纪检组", "总队", "支队", "大队", "中队", "中心", "政府", "集团", "公司", "局",
         "厅", "委", "办", "部", "处", "科", "股", "站", "所", "院", "署")
_HEAD = "|".join(HEADS)
_NAME_CHARS = r"[^\s,。;、:“”《》()（）!?]"
#: 第 opens a period or a session (第三季度, 第十次会议), not a numbered unit of the body (第一党支部, 第二大队)
_ORDINAL_UNIT = f"[一二三四五六七八九十\\d]{{1,3}}(?:{_HEAD}|党支部|党总支|党小组|支部)"
#: what follows a body that opens a title: its period, a report word, 关于, or a news verb
_TITLE_NEXT = (rf"\d{{4}}|[〇○零一二]{{4}}年|关于|在|年度|上半年|下半年|全年|工作|第(?!{_ORDINAL_UNIT})|"
               "召开|举行|举办|印发|出台|发布|通报|组织|开展|圆满|顺利|完成|与|同|赴|到|深入|扎实|全力|持续|推进|部署|"
               "启动|联合|会同|专题|督导|检查|调研|走访|签署|签订|获|荣获|被|对|为|多措并举|强化|加强|积极")
#: (a short quoted slogan may stand between the body and its verb: X中队“三个强化”推进…; the body's
#: 领导班子 before its period: X中心领导班子2026年度述职述廉报告)
_TITLE_AGENCY = re.compile(rf"(?P<a>{_NAME_CHARS}{{2,30}}?(?:{_HEAD}|党总支)(?:党组|党委|党支部)?)(?=(?:领导班子|班子)?(?:“[^“”]{{1,12}}”)?(?:{_TITLE_NEXT}))")
_ON_BEHALF = re.compile(rf"代表(?P<a>{_NAME_CHARS}{{0,20}}?(?:{_HEAD}))(?:党委|党组|领导班子|班子|全体)?,?(?:向|对)")
_LEADS = re.compile(rf"(?P<a>{_NAME_CHARS}{{1,20}}?(?:{_HEAD}))(?:领导班子|党组|党委)(?:团结)?带领")
#: how far before its 带领 a match of _LEADS can start (name, head, 领导班子, 团结)
_LEADS_REACH = 20 + max(map(len, HEADS)) + len("领导班子") + len("团结")
_APPROVED = re.compile(rf"经(?P<a>{_NAME_CHARS}{{1,20}}?(?:{_HEAD}))(?:党组|党委|领导班子)?(?:研究)?同意")
#: a news item's source line: 来源：X局 (the publisher, when it is a body)
_SOURCE = re.compile(rf"(?:信息来源|来源|发布单位|发布机构):\s*(?P<a>{_NAME_CHARS}{{2,30}}?(?:{_HEAD}))(?=\s|$|\))",
                     re.MULTILINE)
#: a source line closing a news item in brackets ((来源:X局))
_SOURCE_LAST = re.compile(r"\s*\((?=(?:信息来源|来源|发布单位|发布机构):)")
#: the body a news item's lead says its facts come from: 记者从X获悉, 据X介绍/消息
_NEWS_SOURCE = re.compile(
    rf"记者(?:日前|近日)?从(?P<a>{_NAME_CHARS}{{2,30}}?(?:{_HEAD}))(?:获悉|了解到|得知)"
    rf"|据(?P<b>{_NAME_CHARS}{{2,30}}?(?:{_HEAD}))(?:有关负责人|相关负责人|负责人)?(?:介绍|消息|通报)")
#: how far into a lead paragraph its source phrase may start (after a date line: 南充讯(2024年12月XX日))
_NEWS_SOURCE_REACH = 30
#: a credit for the whole item: X供稿, (X供图)
_CREDIT = re.compile(rf"(?:^|[(\s])(?P<a>{_NAME_CHARS}{{2,30}}?(?:{_HEAD}))(?:供稿|供图)", re.MULTILINE)
#: a distribution line of a brief or notice: its recipients ((报:市交通运输局;送:县委办;发:局属各单位))
_DISTRIBUTION = re.compile(r"^[ \t\u3000]*[(\[]?(?:报送|抄送|抄报|分送|主送|报|送|发)[ \t\u3000]*:.*$", re.MULTILINE)
#: a visit the title tells of: 到湄潭县, 赴岳阳市 (the place visited)
_VISIT = re.compile(r"(?:到|赴)(?P<p>[\u4e00-\u9fffXx*]{1,8}?[省市县区州旗])")
#: a speaker's post after the body on a speech's byline (副市长, 党组书记, 局长)
_POSTS = r"(?:(?:党组|党委|党工委)(?:成员|委员)|(?:党组|党委|党工委)?副?(?:书记|省长|市长|州长|县长|区长|厅长|局长|主任|处长|站长|支队长|大队长|秘书长|部长|组长))"
_BYLINE = re.compile(rf"\s*(?P<a>{_NAME_CHARS}{{2,30}}?(?:{_HEAD})){_POSTS}(?:、{_POSTS})*\s*[\u4e00-\u9fffXx*]{{0,4}}\s*$")
#: a brief's masthead: the body that edits it and the date on one line (X中心办公室　　2024年11月30日);
#: the office edits the brief for its body
_MASTHEAD = re.compile(rf"\s*(?P<a>{_NAME_CHARS}{{2,30}}?(?:{_HEAD}))(?:办公室)?[ \t\u3000]+"
                       r"\d{4}年\d{1,2}月\d{1,2}日\s*$")
#: the issuing body alone on the line under the title (咸宁市现代物流发展联合办公室)
_UNDER_TITLE = re.compile(rf"\s*(?P<a>{_NAME_CHARS}{{2,30}}?(?:{_HEAD}))\s*$")
#: two or more bodies separated by spaces (X财政局　X交通运输局): the first leads and signs first
_ISSUER_RUN = rf"(?P<a>{_NAME_CHARS}{{2,30}}?(?:{_HEAD}))(?:[ \t\u3000]+{_NAME_CHARS}{{2,30}}?(?:{_HEAD}))+"
#: a joint document's issuers opening its title before 关于 (X局　Y局关于…的通知)
_TITLE_JOINT = re.compile(rf"{_ISSUER_RUN}[ \t\u3000]*(?=关于)")
#: the issuers of a joint document on one line by the title
_JOINT_ISSUERS = re.compile(rf"\s*{_ISSUER_RUN}\s*$")
#: a meeting's news naming the head of the body that holds it: X局党组书记、局长王XX作工作报告 / 主持会议 (the
#: meeting is X局's; not a leader's visit, 带队赴…: the visited bodies act there)
_MEETING_HEAD = re.compile(rf"(?:^|(?<=[,;:。\s]))(?P<a>{_NAME_CHARS}{{2,30}}?(?:{_HEAD})){_POSTS}(?:、{_POSTS})*"
                           r"[\u4e00-\u9fffXx*]{1,4}?(?:作工作报告|作报告|主持)")
#: a news item of a leader's visit: X厅党组书记、厅长周XX带队赴Y县…, X局领导带队暗访…, X厅副厅长刘XX带队的检查组一行深入…
_VISIT_LEAD = re.compile(rf"(?:^|(?<=[,;:。\s]))(?P<a>{_NAME_CHARS}{{2,30}}?(?:{_HEAD}))"
                         rf"(?:{_POSTS}(?:、{_POSTS})*|领导|主要负责同志|主要领导)[\u4e00-\u9fffXx*]{{0,4}}?"
                         r"(?:带队|带领|率队|一行)[^。\n]{0,40}?(?:赴|到|深入|前往|暗访|督导|督查|调研|检查)")
#: the lead of a news item: a date, then the body that acts (9月21日，X局与…)
_LEAD = re.compile(
    rf"(?:(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日(?:至\d{{1,2}}日)?(?:上午|下午|晚)?|近日|日前|近期|今年以来|\d{{1,2}}月以来),由?"
    rf"(?P<a>{_NAME_CHARS}{{2,30}}?(?:{_HEAD}))(?=召开|举行|举办|印发|出台|发布|组织|开展|联合|会同|与|赴|深入|"
    rf"紧紧围绕|围绕|坚持|按照|对|在|全力|扎实|持续|圆满|顺利)")
#: a news lead's organiser of the event it tells of (由X主办的…, 由X、Y联合主办, 由X组织实施的…工程): X, the first
_ORGANISER = re.compile(rf"由(?P<a>{_NAME_CHARS}{{2,30}}?(?:{_HEAD}))(?:、{_NAME_CHARS}{{2,30}}?(?:{_HEAD}))*"
                        r"(?:联合|共同)?(?:主办|组织实施)")
#: two bodies joined in one subject (X协会和Y协会): a joint author, no single one speaks
_JOINT = re.compile(rf"(?:{_HEAD})(?:和|与|及|同)")
#: (本办法 is the measure the text issues, not its office)
_SELF_REF = re.compile(r"(?:我|本)(支队|大队|总队|中心|局|厅|委|办|处|科|股|所)(?![长学技法])")
#: the party organs of a body (中共X局党组, X局党支部): after the body's head they are no longer name (X局|党委),
#: and one of them may sign for its body
PARTY_ORGANS: tuple[str, ...] = ("党组", "党委", "党工委", "党总支", "党支部")
#: the organs a text names by the bare head of its author (局党组, 支队党委): the author when the text names the
#: body's organ in full
OWN_ORGANS: tuple[str, ...] = ("党组", "党委")
#: the speaker's own units named by the bare head of its body: 厅党组, 厅安全监督处, 局党组
_OWN_UNIT = re.compile(rf"(?:^|(?<=[。;,:!?]))(厅|局)(?=({'|'.join(OWN_ORGANS)}|领导班子|办公室|"
                       r"[\u4e00-\u9fff]{2,6}处(?![理置罚分于在长级室])))", re.MULTILINE)
#: verbs that make the body after them a partner of their subject (会同省公安厅开展…, 配合市场监管局…)
PARTNER_VERBS: tuple[str, ...] = ("会同", "联合", "配合", "协助", "协同")
PARTNER_VERB = "|".join(PARTNER_VERBS)
#: a body named right after these is a partner of the speaker, not the speaker (会同省公安厅、省应急管理厅)
_PARTNER_BEFORE = re.compile(rf"(?:{PARTNER_VERB}|协调|商请|联同|与|同|和|邀请)(?:[^,。;:!?]{{0,30}}、)?$")
#: words of the documents' own field: a body of the field speaks before other departments
_FIELD = re.compile(r"交通|运输|公路|港航|航道|海事|路政|运管|港口|航务|邮政|执法")
_BARE_SUBJECT = re.compile(r"(?:^|(?<=[。;,:!?]))(支队|大队|总队)(?![党长])", re.MULTILINE)
_DATE_LINE = re.compile(
    r"^[\d〇○零一二三四五六七八九十Xx]{2,4}年[\dXx一二三四五六七八九十]{1,2}月[\dXx一二三四五六七八九十]{1,3}日$")
#: Characters that end a name when walking left from its head (function words, punctuation).
_STOP = set("的和与对在是了及向把被由为从等将以于并或而也都就要让使，,。;；、:：“”《》()（）!?！？ \n\t")
_LEVEL_CHARS = set("省市县区州")
_MASKS = set("X*xＸ＊")
#: a head inside a span walked left from a head: the span runs over another name (各级交通运输部门认真贯彻省厅)
_HEAD_INSIDE = re.compile(rf"{_HEAD}|部门")
#: after a body's head, what makes it part of a longer body's name (市公安局交警支队)
#: (not a count: 清理一处 is one place)
_INNER_AFTER = re.compile(rf"[^\s,。;、:“”《》()（）!?的和与对在是了及向把被由为从等将以于并或而也都就要]{{1,6}}?"
                          rf"(?<![一二三四五六七八九十两几多\d])(?:{_HEAD})")


def _named_bodies(norm: str, head: str, starts: set[int]) -> dict[str, list[int]]:
    """Names of bodies ending in ``head`` that start with a mask, a place name (``starts``) or a level word,
    with where each is named.

    A head followed by more of a name that ends with a head (市公安局交警支队)
    names a body inside a longer one and is not counted.
    """
    found: dict[str, list[int]] = {}
    for m in re.finditer(re.escape(head), norm):
        j = m.start()
        if j == 0 or norm[j - 1] in "我本全" or norm[m.end() : m.end() + 1] == "长":
            continue
        nxt = _INNER_AFTER.match(norm, m.end())
        if nxt is not None and not norm.startswith(PARTY_ORGANS, m.end()):
            continue
        i = j
        while i > 0 and j - i < 15 and norm[i - 1] not in _STOP:
            i -= 1
        for k in range(i, j):
            if (norm[k] in _MASKS or k in starts or norm[k] in _LEVEL_CHARS) and not _HEAD_INSIDE.search(norm, k, j):
                found.setdefault(norm[k : m.end()], []).append(k)
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


def _only_partner(norm: str, at: list[int]) -> bool:
    """True when every mention of a body (at ``at``) follows 会同/联合/与 (…、): the text cooperates with it."""
    return bool(at) and all(_PARTNER_BEFORE.search(norm, max(0, i - 40), i) for i in at)


def best_body(norm: str, bodies: dict[str, list[int]]) -> str | None:
    """The body of the document's field named most, then first; partners left out."""
    kept = {b: at for b, at in bodies.items() if not _only_partner(norm, at)}
    if not kept:
        return None
    return max(kept.items(), key=lambda kv: (bool(_FIELD.search(kv[0])), len(kv[1]), -kv[1][0]))[0]


def _as_written(text: str, norm: str, name: str) -> str:
    i = norm.find(name)
    return text[i : i + len(name)]


def _from_self_references(norm: str, starts: set[int]) -> str | None:
    refs = Counter(m.group(1) for m in _SELF_REF.finditer(norm))
    for head, _ in refs.most_common():
        best = best_body(norm, _named_bodies(norm, head, starts))
        if best is not None:
            return best
    own = Counter(m.group(1) for m in _OWN_UNIT.finditer(norm))
    organs = Counter((m.group(1), m.group(2)) for m in _OWN_UNIT.finditer(norm) if m.group(2) in OWN_ORGANS)
    for head, _ in own.most_common():
        best = best_body(norm, _named_bodies(norm, head, starts))
        if best is None:
            continue
        for (h, organ), _n in organs.most_common():
            if h == head and best + organ in norm:
                return best + organ
        return best
    return None


def _source(norm: str, paragraphs: list[Span]) -> re.Match[str] | None:
    """The source line of a news item in its opening (来源：X局), or in brackets closing it ((来源：X局))."""
    opening_end = paragraphs[min(3, len(paragraphs) - 1)].end if paragraphs else 0
    if m := _SOURCE.search(norm, 0, opening_end):
        return m
    last = paragraphs[-1] if len(paragraphs) > 4 else None
    if last is not None and (b := _SOURCE_LAST.match(norm, last.start, last.end)):
        return _SOURCE.match(norm, b.end(), last.end)
    return None


def _news_source(norm: str, paragraphs: list[Span]) -> str | None:
    """The body a news item says it comes from: a credit (X供稿, (X供图)) anywhere, or a source phrase
    (记者从X获悉, 据X介绍) opening one of the first paragraphs (the lead; later ones source only themselves)."""
    if m := _CREDIT.search(norm):
        return m.group("a")
    for p in paragraphs[:4]:
        m = _NEWS_SOURCE.search(norm, p.start, p.end)
        if m is not None and m.start() - p.start <= _NEWS_SOURCE_REACH:
            return m.group("a") or m.group("b")
    return None


def _without_distribution(norm: str) -> str:
    """``norm`` with its distribution lines (报:…, 抄送:…) blanked, same length."""
    return _DISTRIBUTION.sub(lambda m: " " * len(m.group()), norm) if ":" in norm else norm


def _visited_host(norm: str, start: int, end: int, paragraphs: list[Span]) -> re.Match[str] | None:
    """The source line's body when the title tells of a visit to its place (X厅督导组到湄潭县…, 来源：湄潭县交通运输局).

    The host publishes the news of a visit it receives; ``start``-``end`` is
    the title after the visiting body.
    """
    visit = _VISIT.search(norm, start, end)
    source = _source(norm, paragraphs) if visit else None
    if source is None:
        return None
    place = visit.group("p")
    return source if source.group("a").startswith((place, place[:-1])) else None


def _byline(norm: str, title: Span, paragraphs: list[Span]) -> re.Match[str] | None:
    """The speaker's body on the line after a speech's title (邯郸市人民政府副市长　张XX)."""
    after = [p for p in paragraphs if p.start >= title.end][:2]
    for p in after:
        if m := _BYLINE.match(norm, p.start, p.end):
            return m
    return None


def _signature(norm: str, text: str, paragraphs: list[Span], places: list = (),
               heads: tuple[str, ...] = HEADS) -> str | None:
    """A body (a name ending in one of ``heads``) alone on one of the last lines, after which only a date may follow.

    A function word inside a place the gazetteer names (宁都县, 于都县, 和平区) does not make the line a clause.
    """
    for p in reversed(paragraphs[-3:] if len(paragraphs) > 3 else []):
        line = norm[p.start : p.end].strip()
        if not line or _DATE_LINE.match(line):
            continue  # a date, or a distribution line (抄送:…) the caller blanked
        if len(line) <= 30 and line.endswith(heads) and not _words_outside(norm, p, places) & _STOP - {"和", "与", "的"}:
            return text[p.start : p.end].strip()
        break
    return None


def _words_outside(norm: str, line: Span, places: list) -> set[str]:
    """The characters of a stripped line that stand outside the places named in it."""
    lo = line.start + len(norm[line.start : line.end]) - len(norm[line.start : line.end].lstrip())
    hi = line.start + len(norm[line.start : line.end].rstrip())
    inside = {i for pl in places if pl.start < hi and pl.end > lo for i in range(pl.start, pl.end)}
    return {norm[i] for i in range(lo, hi) if i not in inside}


def _signing_organ(norm: str, text: str, paragraphs: list[Span], body: str, places: list = ()) -> str | None:
    """The signature when it names a party organ of the title's body (title X局…总结, signed 中共…X局党组)."""
    signed = _signature(norm, text, paragraphs, places, PARTY_ORGANS)
    if signed is None:
        return None
    for organ in PARTY_ORGANS:
        if signed.endswith(organ) and signed[: -len(organ)].endswith(body):
            return signed
    return None


def _listed(norm: str, place: PlaceMention, ends: dict[int, PlaceMention]) -> bool:
    """Whether ``place`` ends a list of places that share the name after it (岳阳县、华容县、临湘市交通运输局: three bureaus)."""
    return place.start > 0 and norm[place.start - 1] in "、和及" and (place.start - 1) in ends


def _complete(norm: str, text: str, name: str, places: list[PlaceMention]) -> str:
    """``name`` with the place the text puts before it elsewhere (湖南 + 省交通运输厅, 英德市 + 交通运输局).

    Only when the text completes it one way: a title's bare 交通运输局 in a
    document that also names 清远市交通运输局 and 英德市交通运输局 stays bare.
    """
    if not name or name[0] in _MASKS or name in HEADS:
        return name  # a mask or a bare 支队 says nothing a place could complete
    ends = {p.end: p for p in places}
    starts = {p.start: p for p in places}
    first = norm.find(name)
    if first in starts and starts[first].end < first + len(name):
        return name  # it opens with a place of its own
    completions: set[str] = set()
    at = norm.find(name)
    while at >= 0:
        # a full place ends on the level (湖南省|交通运输厅), any place right before the name (英德市|交通运输局)
        cands = (ends.get(at + 1), ends.get(at)) if name[0] in _LEVEL_CHARS else (ends.get(at),)
        for p in cands:
            if p is not None and p.start < at and not _listed(norm, p, ends):
                completions.add(norm[p.start : at] + name)
                break
        at = norm.find(name, at + 1)
    if len(completions) != 1:
        return name
    full = completions.pop()
    i = norm.find(full)
    return text[i : i + len(full)]


def find_author(norm: str, text: str, title: Span | None, paragraphs: list[Span], g: Gazetteer,
                places: list[PlaceMention] | None = None) -> str | None:
    """The body the document speaks for (see the module docstring for the rules).

    Parameters
    ----------
    norm, text : str
        The width-folded text and the text as read (same length).
    title : Span or None
        The title line, when the document has one.
    paragraphs : list of Span
        Non-blank lines.
    g : Gazetteer
    places : list of PlaceMention, optional
        The places ``g`` finds in ``norm``, when already known.

    Returns
    -------
    str or None
        The body's name as written, or None when the text does not say it.
    """
    places = g.find(norm) if places is None else places
    name = _find(norm, text, title, paragraphs, places)
    return _complete(norm, text, name, places) if name else None


def _find(norm: str, text: str, title: Span | None, paragraphs: list[Span],
          places: list[PlaceMention] | list[Span], visits: bool = True) -> str | None:
    def as_written(m: re.Match[str]) -> str:
        return text[m.start("a") : m.end("a")]

    norm = _without_distribution(norm)

    # 在X局…会议上的讲话 names the meeting's host, not the speaker's body: the byline does
    if title is not None and not norm.startswith("在", title.start) and (
            m := _TITLE_AGENCY.match(norm, title.start, title.end)):
        host = _visited_host(norm, m.end("a"), title.end, paragraphs)
        if host is None and (organ := _signing_organ(norm, text, paragraphs, m.group("a"), places)):
            return organ
        return as_written(host or m)
    if title is not None and (m := _TITLE_JOINT.match(norm, title.start, title.end)):
        return as_written(m)
    if title is not None and (m := _byline(norm, title, paragraphs)):
        return as_written(m)
    if m := next((m for p in paragraphs[:4] if (m := _MASTHEAD.match(norm, p.start, p.end))), None):
        return as_written(m)
    if m := _ON_BEHALF.search(norm):
        return as_written(m)
    if m := _leads(norm):
        return as_written(m)
    if signed := _signature(norm, text, paragraphs, places):
        return signed
    if m := _source(norm, paragraphs):
        return as_written(m)
    if source := _news_source(norm, paragraphs):
        return _as_written(text, norm, source)
    for p in paragraphs[:4]:
        if (m := _LEAD.match(norm, p.start, p.end)) and not _JOINT.search(m.group("a")):
            return as_written(m)
    lead = [p for p in paragraphs if title is None or p.start >= title.end][:2]
    m = next((m for p in lead if (m := _ORGANISER.search(norm, p.start, p.end))), None)
    if m and not _JOINT.search(m.group("a")):
        return as_written(m)
    if best := _from_self_references(norm, {p.start for p in places}):
        return _as_written(text, norm, best)
    bare = Counter(m.group(1) for m in _BARE_SUBJECT.finditer(norm))
    if bare and bare.most_common(1)[0][1] >= 2:
        head = bare.most_common(1)[0][0]
        best = best_body(norm, _named_bodies(norm, head, {p.start for p in places}))
        return _as_written(text, norm, best) if best else head
    if m := _APPROVED.search(norm, 0, paragraphs[min(2, len(paragraphs) - 1)].end if paragraphs else 0):
        return as_written(m)
    if title is not None and (m := next((_UNDER_TITLE.match(norm, p.start, p.end)
                                         for p in paragraphs if p.start >= title.end), None)):
        return as_written(m)
    if m := next((m for p in paragraphs[:4] if (m := _MEETING_HEAD.search(norm, p.start, p.end))), None):
        return as_written(m)
    if m := next((m for p in paragraphs[:3] if (m := _JOINT_ISSUERS.match(norm, p.start, p.end))), None):
        return as_written(m)
    if visits and (m := _visit_lead(norm, paragraphs)):
        return as_written(m)
    return None


def _visit_lead(norm: str, paragraphs: list[Span]) -> re.Match[str] | None:
    """The body whose leader leads the visit a news item tells of, in its lead, else in its title."""
    first = paragraphs[:3]
    return next((m for p in first[1:] + first[:1] if (m := _VISIT_LEAD.search(norm, p.start, p.end))), None)


def visiting_body(norm: str, paragraphs: list[Span]) -> str | None:
    """The body whose leader leads the visit a news item tells of (X厅厅长周XX带队赴Y县检查…).

    Such an item reports what the visitors saw and asked for: the work it tells of is the
    visited bodies', and its instructions (要求…要…) are nobody's deed yet.

    Parameters
    ----------
    norm : str
        The width-folded text.
    paragraphs : list of Span
        Non-blank lines (the title first).

    Returns
    -------
    str or None
        The visiting body as written in the lead (``市交通运输局``), or None.
    """
    m = _visit_lead(norm, paragraphs)
    return m.group("a") if m else None


def narrator(sdoc: StructuredDocument) -> str | None:
    """The author, when the text speaks for it: the default subject of its clauses.

    The body named only as the one whose leader leads a visit (rule 11) is the
    author of the news of the visit but speaks in none of its clauses: the work
    the item tells of is the visited bodies', its instructions nobody's deed yet.

    Parameters
    ----------
    sdoc : StructuredDocument

    Returns
    -------
    str or None
        ``sdoc.meta.author``, or None for the news of a visit the text gives no other author.
    """
    author = sdoc.meta.author
    paragraphs = [Span(p.start, p.end) for p in sdoc.paragraphs]
    norm, text = sdoc.source.norm, sdoc.source.text
    if author is None or _visit_lead(norm, paragraphs) is None:
        return author
    title = metadata.page_title_line(text, paragraphs, sdoc.source.title) or metadata.title_line(norm, paragraphs)
    places = [Span(a, b) for a, b in sdoc.places]
    return author if _find(norm, text, title, paragraphs, places, visits=False) else None
