"""Bodies the head parse does not give whole.

``agency.sent``        a party body sent to another body, with the sender: 驻局纪检监察组,
                       县纪委监委派驻县交通运输局纪检监察组
``agency.office``      an office with a free modifier inside its parent: 支队法制科, 局法规科
``agency.bare``        a body stem or a field's short name alone as a subject: 海事要会同…
``agency.commission``  a commission a party committee names after itself: 县委全面依法治县委员会办公室
``agency.group``       a leading group named after the task it leads: 百日行动领导小组, 县治超工作领导小组
``agency.police``      a unit of a police body named by its work: 市公安局轨道交通分局, 市公安局网络安全保卫支队,
                       交警支队高速交警二大队, 高速公路公安交警支队伊春大队
``agency.numbered``    a numbered unit: a squad of its force or a party branch (直属一大队, 二大队, 第二党支部; a squad
                       named by its place or beat
                       opening a clause before its work: 铁东大队查处…), a working group a body
                       sends (市委第六指导组)
"""

from __future__ import annotations

import re

from kg.extract.heads import COLLECTIVE_DETS, LEVEL, PREDICATE_ADVERBS, SENT, STEM, UNIT, bounded
from kg.extract.phrases import Candidate, PhraseScanner
from kg.lexicon import Lexicon
from kg.structure.author import PARTNER_VERB

#: office heads that take a free modifier after their parent body: 支队法制科, 局法规科
OFFICE_HEADS = ("科", "股", "室", "处")
_OFFICE_MODIFIER = (2, 4)
#: bare unit words that stand for a parent body at a clause start (局法规科, 支队法制科)
_PARENT_WORDS = ("支队", "大队", "中队", "中心", "局", "厅", "所", "站")


def nested_candidates(sc: PhraseScanner, agencies: list[Candidate]) -> list[Candidate]:
    """The bodies of this module's rules, given the agencies the head rules found."""
    return (_sent_bodies(sc, agencies) + _offices(sc, agencies) + _bare_bodies(sc) + _party_commissions(sc)
            + _task_groups(sc) + _numbered_units(sc, agencies) + _police_units(sc, agencies))


def _sent_bodies(sc: PhraseScanner, agencies: list[Candidate]) -> list[Candidate]:
    """A party body sent to another body: 驻局纪检监察组, 县纪委监委派驻县交通运输局纪检监察组.

    The name takes 驻/派驻 and, when a body is named right before it, the
    sending body too.
    """
    text = sc.text
    by_end: dict[int, Candidate] = {}
    for a in agencies:
        if a.end not in by_end or a.start < by_end[a.end].start:
            by_end[a.end] = a
    out: list[Candidate] = []
    for a in agencies:
        if a.info.get("cls") != "party":
            continue
        m = SENT.search(text, max(0, a.start - 2), a.start)
        if m is None:
            continue
        start = m.start()
        sender = by_end.get(start)
        if sender is not None:
            start = sender.start
        cand = Candidate("AGENCY", start, a.end, text[start:a.end], "agency.sent", tier=1)
        cand.info = dict(a.info)
        out.append(cand)
    return out


def _offices(sc: PhraseScanner, agencies: list[Candidate]) -> list[Candidate]:
    """An office inside a body, with a free modifier: 支队法制科, 局法规科, 市交通运输局综合科.

    The parent is a body found before, or a bare unit word (支队, 局) that
    opens its clause; the modifier is 2-4 characters with no stop word.
    """
    text = sc.text
    ends = {a.end: a for a in agencies}
    covered = {a.end for a in agencies}
    out: list[Candidate] = []
    lo_mod, hi_mod = _OFFICE_MODIFIER
    for end, hits in sc.matches("agency_heads").by_end.items():
        if end in covered:
            continue
        hstart, word, head = hits[-1]  # the shortest head: 科, 股, 室, 处
        if word not in OFFICE_HEADS or text.startswith(head.not_before, end):
            continue
        for n in range(lo_mod, hi_mod + 1):
            p = hstart - n
            if p < 0 or not all(sc.is_name_char(i) for i in range(p, hstart)):
                break
            if text[p] in PREDICATE_ADVERBS:
                continue  # 支队共查处…: the modifier is a predicate, 处 its verb's
            if any(sc.stopword_ending_at(i) is not None for i in range(p + 1, hstart + 1)):
                break
            parent = ends.get(p)
            start = parent.start if parent is not None else _bare_parent(sc, p)
            organ = _party_organ_after(sc, end)
            stop = organ[0] if organ else end
            if start is None and (p == 0 or text[p - 1] in _CLAUSE_OPEN) and _OFFICE_VERB.match(text, stop):
                start = p  # 法制科牵头修订…: an office of the author opening its clause as the subject
            if start is None:
                continue
            cand = Candidate("AGENCY", start, stop, text[start:stop], "agency.office", tier=1)
            cand.info = {"kinds": (UNIT,), "head": organ[1] if organ else word, "words": (text[start:p],),
                         "cls": "party" if organ else "unit"}
            out.append(cand)
            break
    return out


def _party_organ_after(sc: PhraseScanner, end: int) -> tuple[int, str] | None:
    """End and head of the office's own party organ right after an office ending at ``end`` (法规科党支部):
    the organ is the body named; None when no party head starts there or it is a post (党支部书记)."""
    for e in range(end + 2, min(len(sc.text), end + 3) + 1):
        for hstart, word, head in sc.matches("agency_heads").by_end.get(e, ()):
            if hstart == end and head.cls == "party" and "any" in head.needs \
                    and not sc.text.startswith(head.not_before, e):
                return e, word
    return None


def _bare_parent(sc: PhraseScanner, pos: int) -> int | None:
    """Start of a bare unit word (局, 支队) ending at ``pos`` that opens its clause or follows a stop word."""
    text = sc.text
    heads = sc.lx.agency_heads
    for w in _PARENT_WORDS:
        s = pos - len(w)
        if s >= 0 and text.startswith(w, s):
            if w in heads and text.startswith(heads[w].not_before, pos):
                return None  # 局部 is no 局
            if s == 0 or not sc.is_name_char(s - 1) or sc.stopword_ending_at(s) is not None:
                return s
            return None
    return None


#: what a bare short body name (海事, 运管) is followed by when the sentence treats it as a body
_BODY_VERB = re.compile(rf"(?:要|应当|应(?![急对用])|负责|牵头|{PARTNER_VERB}|督促|加强|做好|抓好|组织)")
_CLAUSE_OPEN = frozenset("。;；,，:：\n、 ")
#: what a bare office (法制科, 培训科) opening its clause does as the subject of its sentence
_OFFICE_VERB = re.compile(_BODY_VERB.pattern + r"|(?:依托|开展|举办|完成|制定|修订|建立|承担|先后|共|全年)")


def _bare_bodies(sc: PhraseScanner) -> list[Candidate]:
    """A body stem or a field's short name used alone as a subject: 海事要会同…, 运管负责….

    Only at a clause start and before a verb of duty or action, where it
    cannot be a field word modifying something.
    """
    text, stems, trie = sc.text, sc.lx.stems, sc.lx.trie("stems")
    out: list[Candidate] = []
    for verb in _BODY_VERB.finditer(text):  # the verbs are fewer than the stems: look left from each
        end = verb.start()
        hit = trie.longest_ending_at(text, end)
        if hit is None:
            continue
        start, word, _ = hit
        if stems.get(word) not in ("body", "short") or word in sc.lx.stopwords:
            continue  # 组织 is a verb before it is a body
        if start > 0 and text[start - 1] not in _CLAUSE_OPEN:
            continue
        cand = Candidate("AGENCY", start, end, word, "agency.bare", tier=0)
        cand.info = {"kinds": (STEM,), "head": "", "words": (word,)}
        out.append(cand)
    return out


#: a commission of a party committee: 县委全面依法治县委员会(办公室), 市委网络安全和信息化委员会
_COMMISSION = re.compile(r"(?:[省市县区州旗]|自治区|自治州)委(?P<mod>[\u4e00-\u9fff]{2,14}?)委员会(?:办公室)?")
#: characters a commission's own name never holds (县委书记任主任的…委员会 is a sentence, not a name)
_NOT_IN_COMMISSION = frozenset("的由任在对与是为将把被了及等")


def _party_commissions(sc: PhraseScanner) -> list[Candidate]:
    """A commission that a party committee names after itself (县委全面依法治县委员会办公室)."""
    text = sc.text
    out: list[Candidate] = []
    for m in _COMMISSION.finditer(text):
        start = m.start()
        if set(m.group("mod")) & _NOT_IN_COMMISSION or not bounded(sc, start):
            continue
        cand = Candidate("AGENCY", start, m.end(), m.group(), "agency.commission", tier=1)
        cand.info = {"kinds": (LEVEL, UNIT), "head": "委员会", "words": (m.group(),), "cls": "party"}
        out.append(cand)
    return out


#: the head of a group set up to lead one task
GROUP_HEAD = "领导小组"
#: a year the name of a dated task opens with (2024年“安全生产月”活动领导小组)
_YEAR_BEFORE = re.compile(r"(?:19|20)[0-9]{2}年?$")
#: the standing office of a leading group, a body of its own (市春运工作领导小组办公室)
_GROUP_OFFICE = "办公室"
#: the word that makes a modifier a task: 治超工作 (a campaign head does too: 百日行动)
_TASK_WORD = "工作"


def _task_groups(sc: PhraseScanner) -> list[Candidate]:
    """A leading group named after its task: 百日行动领导小组, 县治超工作领导小组, 县“百日清零”行动领导小组.

    The modifier ends with a campaign head or with 工作 and has words before
    it (活动领导小组 names no task), is not made of generic words only, and
    stands after a boundary (成立…领导小组).
    """
    text = sc.text
    heads = sc.matches("campaign_heads")
    out: list[Candidate] = []
    at = text.find(GROUP_HEAD)
    while at >= 0:
        end = at + len(GROUP_HEAD)
        task = at - len(_TASK_WORD) if text.endswith(_TASK_WORD, 0, at) else None
        if task is None and (hits := heads.ending_at(at)):
            task = hits[0][0]
        if task is not None:
            start = sc.extend_left(at, limit=16, allow_conj=False)
            if start > 0 and text[start - 1] == "”" and (opened := text.rfind("“", max(0, start - 22), start)) >= 0:
                start = sc.extend_left(opened, limit=12, allow_conj=False)  # 市“净网清源”专项整治行动领导小组
                if year := _YEAR_BEFORE.search(text, max(0, start - 5), start):  # X局2024年“安全生产月”活动领导小组
                    start = sc.extend_left(year.start(), limit=12, allow_conj=False)
            modifier = text[start:at]
            if start < task and not sc.is_generic(modifier) and bounded(sc, start) \
                    and sc.det_before(start) not in COLLECTIVE_DETS:
                stop = end + len(_GROUP_OFFICE) if text.startswith(_GROUP_OFFICE, end) else end
                cand = Candidate("AGENCY", start, stop, text[start:stop], "agency.group", tier=1)
                cand.info = {"kinds": (), "head": GROUP_HEAD, "words": (modifier,), "cls": "group"}
                out.append(cand)
        at = text.find(GROUP_HEAD, end)
    return out


#: a numbered squad of a force named by its number, standing alone: 直属一大队、二大队, 第三中队
_SQUAD = re.compile(r"(?:直属|第)?[一二三四五六七八九十]{1,3}(?:大队|中队)|第[一二三四五六七八九十]{1,3}(?:党支部|党总支)")
#: a squad named by its place or beat alone, opening a clause before its work (其中，铁东大队查处…, 仓山中队、辑庆中队参与)
_PLACE_SQUAD = re.compile(r"(?:^|(?<=[，,。；;：:\n、]))(?:其中[，,])?(?P<n>(?P<p>[\u4e00-\u9fff]{2,3})(?:大队|中队))"
                          r"(?=查处|检查|出动|联合|会同|开展|对|在|负责|参与|共|累计|、[\u4e00-\u9fff]{2,3}(?:大队|中队))",
                          re.MULTILINE)
#: what makes the words before 大队/中队 no place or beat of its own (执法大队, 各中队, 交警大队)
_NOT_A_PLACE = re.compile(r"[各每该本我全其两三四五六七八九十一二第]|执法|交警|综合|管理|行政|公安|运输|直属|稽查"
                          r"|下属|所属|相关|有关|其余|下级|上级")
#: a numbered working group sent by the body written right before it: 市委第六指导组, 省政府第二督查组;
#: a party committee's inspection group or office needs no number (市委巡察组, 市委巡察办)
_SENT_GROUP = re.compile(r"第[一二三四五六七八九十]{1,3}(?:指导组|督导组|督查组|巡察组|巡视组|检查组|考核组)"
                         r"|(?:巡察|巡视)(?:组|办)(?![长员])")


def _numbered_units(sc: PhraseScanner, agencies: list[Candidate]) -> list[Candidate]:
    """Numbered units: a squad standing alone (二大队), a working group after its sender (市委第六指导组)."""
    text = sc.text
    out: list[Candidate] = []
    for m in _SQUAD.finditer(text):
        if bounded(sc, m.start()) and not text.startswith(("长", "小"), m.end()):
            party = m.group().endswith(("党支部", "党总支"))  # a numbered party branch (第二党支部)
            cand = Candidate("AGENCY", m.start(), m.end(), m.group(), "agency.numbered", tier=1)
            cand.info = {"kinds": (), "head": m.group()[-3:] if party else m.group()[-2:], "words": (m.group(),),
                         "cls": "party" if party else "team"}
            out.append(cand)
    for m in _PLACE_SQUAD.finditer(text):
        # a rank or a relation (基层, 属地, 先进, 兄弟) is no place or beat either
        if not _NOT_A_PLACE.search(m.group("p")) and not sc.is_generic(m.group("p"), numerals=False):
            cand = Candidate("AGENCY", m.start("n"), m.end("n"), m.group("n"), "agency.numbered", tier=1)
            cand.info = {"kinds": (), "head": m.group("n")[-2:], "words": (m.group("n"),), "cls": "team"}
            out.append(cand)
    ends = {a.end: a for a in agencies}
    for m in _SENT_GROUP.finditer(text):
        sender = ends.get(m.start())
        if sender is not None:
            cand = Candidate("AGENCY", sender.start, m.end(), text[sender.start:m.end()], "agency.numbered", tier=1)
            cand.info = {"kinds": (UNIT,), "head": m.group()[-3:], "words": (sender.name,), "cls": "group"}
            out.append(cand)
    return out


#: a police body: its units are named by their police work, which no dictionary lists (轨道交通, 网络安全保卫)
_POLICE = re.compile(r"公安|交警|交通警察")
#: the heads of a police body's units, after the modifier that names the unit's work
_POLICE_UNIT = re.compile(r"(?:分局|支队|大队|中队|派出所)(?![长员])")
_POLICE_MODIFIER = (2, 6)


def _names_work(lx: Lexicon, modifier: str) -> bool:
    """Whether a police unit's modifier holds a place or a field word (stems, domain) of the lexicon."""
    words = (modifier[a:b] for a in range(len(modifier)) for b in range(a + 2, len(modifier) + 1))
    return any(w in lx.places or w in lx.stems or w in lx.domain for w in words)


def _police_units(sc: PhraseScanner, agencies: list[Candidate]) -> list[Candidate]:
    """A unit right after the police body it belongs to, named by its work or place: 市公安局轨道交通分局,
    市公安局网络安全保卫支队, 市公安局交警支队高速交警二大队, 高速公路公安交警支队伊春大队.

    The modifier is 2-6 name characters with no stop word, and it holds a place or a field of the lexicon's
    stems or domain words (交通, 安全, 伊春): a verb (县公安局通报派出所, 督导派出所) names no unit.
    """
    text = sc.text
    parents: dict[int, Candidate] = {}
    for a in agencies:
        if _POLICE.search(a.name) and (a.end not in parents or a.start < parents[a.end].start):
            parents[a.end] = a
    out: list[Candidate] = []
    lo, hi = _POLICE_MODIFIER
    for p, parent in parents.items():
        n = 0
        while p + n < len(text) and n <= hi and sc.is_name_char(p + n):
            n += 1
        unit = next((u for u in _POLICE_UNIT.finditer(text, p + lo, p + n + 3)
                     if lo <= u.start() - p <= hi and u.start() <= p + n), None)
        if unit is None or text[p] in PREDICATE_ADVERBS:
            continue
        if any(sc.stopword_ending_at(i) is not None for i in range(p + 1, unit.start() + 1)):
            continue
        if not _names_work(sc.lx, text[p:unit.start()]):
            continue
        cand = Candidate("AGENCY", parent.start, unit.end(), text[parent.start:unit.end()], "agency.police", tier=1)
        cand.info = {"kinds": (UNIT,), "head": unit.group(), "words": (parent.name, text[p:unit.start()]), "cls": "team"}
        out.append(cand)
    return out


__all__ = ["OFFICE_HEADS", "nested_candidates"]
