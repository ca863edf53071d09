"""Named initiatives and rule sets from their head nouns in running text.

CAMPAIGN    free modifiers + HEAD (专项行动, 实践活动, 转型年, 示范县 ...)
REGULATION  free modifiers + HEAD (制度, 准则, 清单 ...)     六项制度
            modifiers run left until a stop word (开展, 推进, 全市 ...), with
            和/及/与 crossed inside names (道路交通安全和运输执法领域 ...); a
            modifier made only of generic words names nothing (走访慰问活动).

Each rule returns :class:`~kg.extract.phrases.Candidate` records; the
component in :mod:`kg.extract.entities` chooses among them.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.extract.heads import ENUM_MARK
from kg.extract.phrases import Candidate, PhraseScanner
from kg.extract.quote_prefix import launch_object_start, past_owner_unit
from kg.extract.rule_sets import working_arrangement
from kg.extract.spans import SpanSet
from kg.structure.headings import CN_DIGITS


def _free_head_candidates(sc: PhraseScanner, label: str, trie_name: str, rule: str,
                          unquoted: frozenset[str] = frozenset()) -> list[Candidate]:
    text, lx = sc.text, sc.lx
    out: list[Candidate] = []
    for end, hits in sc.matches(trie_name).by_end.items():
        for hstart, word, head in hits:
            if label == "CAMPAIGN":
                if head.quoted_only and word not in unquoted:
                    continue
                anaphor, strong = head.anaphor, head.strong
            else:
                if "any" not in head.where:
                    continue
                anaphor, strong = False, False
            if text.startswith(head.not_before, end):
                continue
            if word in _WORKS_HEADS and text.startswith(_MEASURED, end) and text[hstart - 1:hstart] not in _QUOTE_ENDS:
                continue  # 路基工程量, 询问工程进度: the works as a thing measured (amount, progress), no programme
            if word.endswith("年") and text.startswith(_YEAR_WORD_ENDS, end):
                continue  # 农村公路建设年代早: the head's 年 opens a word of time (年代, 年度), no themed year
            if label == "CAMPAIGN" and (text.startswith(_FIELD_AFTER, end)
                                        or (word in _WORKS_HEADS and text.startswith("“", end))):
                break  # 在公路水运工程领域, 公路水运工程“平安工地”建设: the head names a field of work, no campaign
            if sc.in_title(hstart, end):
                continue
            if label == "CAMPAIGN" and (_body_head_at(sc, end) or _org_head_at(sc, end) or sc.in_quote(hstart, end)):
                break  # 中心工程科, 交通工程有限公司, “首件工程认可制”: the head is inside another name
            if label == "CAMPAIGN" and word in _ACTION_HEADS and _after_strong_head(sc, hstart):
                break  # 城乡交通运输一体化示范县创建: read from the head 示范县 (the awardee and rank rules)
            if label == "CAMPAIGN" and word in _ACTION_HEADS and _NUMBERED_BODY.search(text, max(0, hstart - 8), hstart):
                break  # 机关第一党支部创建…: a numbered unit is one body, the subject of the verb 创建
            if label == "CAMPAIGN" and word in _OBJECT_VERB_HEADS and _verb_use(sc, end):
                break  # 创建“四好农村路”示范县, 项目创建自治区级“品质工程”, 比创建前: a verb with its object or time
            start = sc.extend_left(hstart)
            if label == "CAMPAIGN":
                start = past_owner_unit(sc, launch_object_start(sc, start, hstart), hstart)  # 改革深化提升行动, 按照局|X行动
                if start > 0 and text[start - 1] == ENUM_MARK and not strong and start < hstart \
                        and not _names_before_enum(sc, start - 1) and not _numbers_an_item(text, start - 1):
                    listed = None if word.endswith(tuple(_ACTION_HEADS)) else _listed_objects_start(sc, start)
                    if listed is None:
                        break  # 安全宣传进企业、进站场活动: listed activities, no one named campaign
                    start = listed  # 开展|巡游车、网约车服务质量专项整治: the objects of one launched campaign
                if start < hstart and text.startswith(_ROUTE_TO, start - 1) \
                        and (place := lx.trie("places").longest_ending_at(text, start - 1)) is not None:
                    start = place[0]  # S205湄潭至凤冈段改扩建工程: a route runs from one place to another
                    if word in _WORKS_HEADS:
                        break  # the building works on one route are a site, no named programme
                if word in _WORKS_HEADS and _PHASE_BEFORE.search(text, start, hstart):
                    break  # 南宁港牛湾作业区二期工程: one phase of building a facility, no named programme
                code = _ROAD_CODE.search(text, max(0, start - 6), start)
                if code and start < hstart:
                    start = code.start()  # G207安化段改建工程: a route number opens the name
                if start == hstart and _YEAR_BEFORE.search(text, max(0, hstart - 4), hstart):
                    start = sc.extend_left(hstart - 4)  # 专项排查整治2023行动: the year is part of the name
                    if start == hstart - 4:
                        start = hstart
                start = _after_joined_work(text, start, hstart, end)
                if word in _CONTEST_HEADS:
                    start = _contest_start(sc, start)  # 全省…职业技能大赛, X市第三届…技能竞赛: its level or edition
                if word in _PLACE_TITLES:
                    start = _after_leading_place(sc, start, hstart)  # 汉寿县城乡交通运输一体化示范县: the awardee
                if word in _DRIVE_HEADS:
                    start = _study_phrase_start(text, start)  # 深入贯彻中央八项规定精神学习教育
                if start < hstart and text[start] in _COUNTERS and start > 0 and text[start - 1].isdigit():
                    start += 1  # 152艘营运船舶…: a counter after a number closes the count, it opens no name
                end = campaign_end(text, end)
            if label == "REGULATION" and start > 0 and text[start - 1].isdigit() \
                    and text.startswith(_DURATIONS, start):
                while start > 0 and text[start - 1].isdigit():
                    start -= 1  # 24小时值班值守制度: a duration opens the rule's name with its number
            modifier = text[start:hstart]
            named = bool(modifier) and (strong or not sc.is_generic(sc.last_conjunct(modifier))
                                        or (label == "REGULATION" and sc.is_numbered(modifier)))
            if modifier in lx.slogans or (word in _PLACE_TITLES and _LEVELS_ONLY.match(modifier)) \
                    or (modifier in _CLASSIFIERS and start > 0 and text[start - 1].isdigit()):
                named = False  # 省级示范县, 全国示范县: the rank of a title, no programme of its own
            if label == "REGULATION" and working_arrangement(sc, word, start, hstart):
                named = False  # 联席会议制度, 问题清单: how bodies meet, items to work through; no rule set
            if label == "CAMPAIGN" and not strong and start > 0 and text[start - 1] == _LIST_END:
                named = False  # “爱心送考”“爱心送老兵”等公益活动: the kind of the listed ones, no name of its own
            if label == "CAMPAIGN" and _ONE_EVENT.search(text, max(0, start - 3), start):
                named = False  # 来了一次作风大整治: one event counted, no named programme
            if label == "CAMPAIGN" and 0 < hstart - start <= 2 and _COUNTED.search(text, max(0, start - 4), start):
                named = False  # 等5家驾校试点, 6个乡镇试点: the units counted do the work, no named programme
            if label == "CAMPAIGN" and not strong and hstart - start == 1 and (
                    sc.det_before(start) is not None or text[start - 1:start] in lx.stopwords
                    or lx.trie("stopwords").longest_ending_at(text, start) is not None):
                named = False  # 本周行动, 了解工程, 完成总工程量: one character after a stop word names nothing
            if word in _PLACE_TITLES and modifier.startswith(_GOAL_VERBS):
                named = False  # 为建设…先行区示范市贡献力量: a goal to reach, no programme
            if word in _WORKS_HEADS and (_SITE_WORKS.search(modifier) or _ROAD_CODE_START.match(modifier)):
                named = False  # G220周口段改建工程, 国省道预防性养护工程: building works on a site, no named programme
            if label == "CAMPAIGN" and _THEMED.search(text, start, end) and text[start - 1:start] not in _QUOTE_ENDS:
                named = False  # 开展公交主题宣传活动, 规范主题党日活动: a themed activity is named by its quoted theme
            if label == "CAMPAIGN" and start < hstart and _inside_numbered_word(text, start):
                named = False  # 国道204线改扩建工程, 国道107驻马店段改线工程: cut from a numbered word, a fragment
            if word in _CHECK_HEADS and (_TIME_ONLY.match(modifier)
                                         or (len(modifier) <= 2 and sc.field_run_start(hstart, start) == start)):
                named = False  # 节前专项检查, 安全专项检查: a routine check held at a time or in one field, no drive
            if word in _FIELD_HEADS and start < hstart and sc.field_run_start(hstart, start) == start:
                named = False  # 深化交通运输改革: reform in a field, no named reform
            if word in _WORKS_HEADS and start < hstart and _field_or_works_kind(sc, start, hstart):
                named = False  # 重点交通工程, 在建交通工程, 大修工程: works of a field or a kind, no named programme
            if named:
                out.append(Candidate(label, start, end, text[start:end], rule, tier=1))
            elif anaphor and start == hstart and not _KIND_BEFORE.search(text, max(0, hstart - 2), hstart):
                # only a bare head stands for the document's full campaign; 治超专项整治 describes work,
                # and …等专项整治活动, 各类专项整治 name a kind of work, not one campaign
                out.append(Candidate(label, hstart, end, word, rule + ".bare", tier=0, bare_head=word))
            break  # the longest head that may stand here decides
    return out


#: what closes a list before the kind of its items (A、B等专项行动)
_LIST_END = "等"
#: verbs that launch a campaign right before its name
LAUNCH_BEFORE = re.compile(r"(?:开展|实施|推进|深化|组织)$")
#: the verb of a listed place to go (进企业、进站场): each item is an activity of its own
_GO_TO = "进"


def _listed_objects_start(sc: PhraseScanner, start: int) -> int | None:
    """Where a name opens whose modifier lists objects with 、 right after a launch verb, or None.

    开展巡游车、网约车服务质量专项整治 and 开展网约车、货运平台信用监管试点 name one
    campaign about several objects; items that are places to go (进企业、进站场活动)
    are listed activities, and listed titles created (平安工地、平安公路示范创建, checked
    by the caller) are listed creation programmes.
    """
    text = sc.text
    if text.startswith(_GO_TO, start):
        return None
    pos = start
    while pos > 0 and text[pos - 1] == ENUM_MARK:
        left = sc.extend_left(pos - 1, limit=10, allow_conj=False)
        if left >= pos - 1 or text.startswith(_GO_TO, left):
            return None
        pos = left
    return pos if LAUNCH_BEFORE.search(text, max(0, pos - 2), pos) else None


#: a work of its own closed by a process word before a coordinator (城乡公交一体化和, 高质量发展和)
_JOINED_WORK = re.compile(r"(?:一体化|现代化|发展|建设)[和与及]")
#: a work word or level that makes what follows the coordinator a work of its own (国家公交都市建设示范工程)
_OWN_WORK = re.compile(r"建设|创建|示范|国家|全国|省级|市级")


def _after_joined_work(text: str, start: int, hstart: int, end: int) -> int:
    """Where the name starts when a finished work stands before 和/与/及 in its modifier.

    城乡公交一体化和国家公交都市建设示范工程 joins two works, the campaign is
    the second one (国家公交都市建设示范工程): the left conjunct is a complete
    work of at least four characters, the right one (with the head, up to
    ``end``) has its own work word or level. Parallel objects of one campaign
    (机动车维修和驾驶员培训行业专项检查) and a two-character X化 word (文化和旅游,
    绿化和美化) stay together.
    """
    cut = start
    for m in _JOINED_WORK.finditer(text, start, hstart):
        if m.end() - 1 - start >= 4 and _OWN_WORK.search(text, m.end(), end):
            cut = m.end()
    return cut


def _org_head_at(sc: PhraseScanner, pos: int) -> bool:
    """True when an organisation's head (有限公司, 集团) starts at ``pos``: the span before is its brand."""
    return any(start == pos for length in range(2, 7)
               for start, _, _ in sc.matches("org_heads").ending_at(pos + length))


#: verbs an organ's name stands before that start with a character its head may not be followed by (委|会同)
_ORGAN_VERBS = ("会同",)


def _body_head_at(sc: PhraseScanner, pos: int) -> bool:
    """True when a body's head noun starts at ``pos`` (工程|科, 改革|办, 行动|组): the span before is its name."""
    text = sc.text
    for length in range(1, 4):
        for start, _, head in sc.matches("agency_heads").ending_at(pos + length):
            after = pos + length
            if start == pos and (not text.startswith(head.not_before, after) or text.startswith(_ORGAN_VERBS, after)):
                return True  # 发展改革委|会同: the verb after the organ is no part of its head
    return False


#: heads of a check that a time word or one short field word before it does not make a drive of
_CHECK_HEADS = frozenset({"专项检查"})
#: a time word alone before a check: when it is held (节前, 夜间, 一季度, 汛期)
_TIME_ONLY = re.compile(r"^(?:节[前后]|节日|节假日|假日|夜间|汛[前期后]|[春夏秋冬]季|[一二三四]?季度|年度|月度|年[初中底末]|[上下]半年)$")
#: nouns after a head that make it the name of a field of work (公路水运工程领域, 活动行业)
_FIELD_AFTER = ("领域", "行业")
#: counters of things and people after a number: 152艘, 30辆, 12家, 45人
_COUNTERS = frozenset("艘辆家人名个座台部条项")
#: a number and its counter right before a one-word modifier: the units counted (5家驾校, 6个乡镇)
_COUNTED = re.compile(r"(?:[0-9]+|[一二三四五六七八九十两几多]+)[" + "".join(sorted(_COUNTERS)) + r"]$")
#: an indefinite count before a phrase: one event of a kind (一次作风大整治, 一场安全大检查), no name
_ONE_EVENT = re.compile(r"一(?:次|场|轮)$")
#: units of time that, with the number before them, open a rule's name (24小时值班制度)
_DURATIONS = ("小时", "天", "日", "周")
#: a counter after a number (等5项制度): the count of listed items, not a name
_CLASSIFIERS = frozenset("项条个部套")
#: heads that are verbs of making: after a complete name (示范县) they are the action, not part of it
_ACTION_HEADS = frozenset({"创建"})
#: a numbered unit of its parent right before an action head (第一党支部创建): that body, no kind of unit
_NUMBERED_BODY = re.compile(r"第[一二三四五六七八九十0-9]{1,3}(?:党支部|党总支|支部|大队|中队)$")
#: what joins a themed year's 年 into a word of time after it (建设年代, 攻坚年度目标)
_YEAR_WORD_ENDS = tuple("度代底初末终均")
#: what follows such a head written as a verb: its object, opened by a quote or a rank (创建“…”示范县, 创建州级…,
#: 创建地市级“品质工程”: :func:`_verb_use`), or 前 (比创建前: the time a comparison counts from)
_VERB_USE = re.compile(r"[“《]|全国|前|(?P<rank>[\u4e00-\u9fff]{1,3}?)级(?P<quote>[“《])?")


def _verb_use(sc: PhraseScanner, end: int) -> bool:
    """Whether the head ending at ``end`` is a verb: a quote or 前 follows, or a rank whose words are levels of the
    lexicon (州级, 自治区级) or that a quote follows (地市级“品质工程”)."""
    m = _VERB_USE.match(sc.text, end)
    return m is not None and (not m.group("rank") or m.group("quote") is not None
                              or re.fullmatch("(?:" + "|".join(sc.lx.levels) + ")+", m.group("rank")) is not None)


#: heads that are also verbs taking such an object (沁县试点“定时定点”班车: piloting the quoted service)
_OBJECT_VERB_HEADS = _ACTION_HEADS | {"试点"}


#: verbs of building that open a goal, not a name: 建设…示范市, 打造…示范区
_GOAL_VERBS = ("建设", "建成", "打造")
#: heads that name nothing after a field word alone (交通运输改革, 港航改革)
_FIELD_HEADS = frozenset({"改革"})


def _after_strong_head(sc: PhraseScanner, pos: int) -> bool:
    """True when a distinctive campaign head (示范县, 宣传月) ends at ``pos``."""
    return any(head.strong for _, _, head in sc.matches("campaign_heads").ending_at(pos))


#: heads that are titles a place is awarded: a place before them is the awardee, not part of the name
_PLACE_TITLES = frozenset({"示范县", "示范市", "示范区", "示范城市"})
#: heads of an education drive, whose name is a verb phrase (学习贯彻…主题教育, 深入贯彻…学习教育)
_DRIVE_HEADS = frozenset({"学习教育", "主题教育", "专题教育", "集中教育"})
#: verbs of study that open such a name, and the adverb that binds to them inside it (no 开展 between)
_STUDY_VERBS = ("贯彻", "学习")
_BOUND_ADVERB = "深入"


def _study_phrase_start(text: str, start: int) -> int:
    """``start`` moved left over the verbs of study (学习贯彻) that open a drive's name, and 深入 before them.

    The walk to the left stops at such a verb (a stop word: 学习贯彻|中央八项规定 names the rule set), yet
    an education drive is named by its whole verb phrase (深入贯彻中央八项规定精神学习教育).
    """
    pos = start
    while text.endswith(_STUDY_VERBS, 0, pos):
        pos -= 2
    if pos < start or text.startswith(_STUDY_VERBS, pos):
        if text.endswith(_BOUND_ADVERB, 0, pos):
            pos -= len(_BOUND_ADVERB)
    return pos
#: the acts of earning or building such a title, part of the name where the text writes them (示范县创建,
#: 示范县评定, 先行示范区建设); a re-check of a title held (复核, 复评) is an inspection of the awardee, no programme
_TITLE_ACTS = ("创建", "创评", "评定", "评选", "建设")
#: a modifier that only ranks a title: 全国, 省级, 国家级
_LEVELS_ONLY = re.compile(r"^(?:国家级|全国|省级|市级|县级|区级)+$")


def title_act_end(text: str, end: int) -> int:
    """The end of a place title's name that ends at ``end``, with the act of earning it when written after it.

    ``城乡交通运输一体化示范县创建`` and ``“公交都市”创建示范县评定`` name a
    programme by the work of earning the title (示范县, 示范市 ...); a title
    without such an act is only ``end``.
    """
    if not any(text.endswith(t, 0, end) for t in _PLACE_TITLES):
        return end
    act = next((a for a in _TITLE_ACTS if text.startswith(a, end)), None)
    return end + len(act) if act else end


def campaign_end(text: str, end: int) -> int:
    """The end of a campaign's name whose head ends at ``end``, with what the text writes after the head.

    A phase after the head names a campaign of its own (专项整治“回头看”,
    “打非治违”专项行动“回头看”); after a place title the act of earning it
    belongs to the name (示范县创建, see :func:`title_act_end`).
    """
    phase = _PHASE_AFTER.match(text, end)
    return phase.end() if phase else title_act_end(text, end)


def _after_leading_place(sc: PhraseScanner, start: int, hstart: int) -> int:
    """``start`` moved past a place name that opens ``text[start:hstart]`` (and any level word after it)."""
    places = sc.lx.trie("places")
    for end in range(min(hstart - 1, start + 10), start + 1, -1):
        hit = places.longest_ending_at(sc.text, end, start)
        if hit is not None and hit[0] == start:
            return end
    return start


#: a year between a name and its head: 重大事故隐患专项排查整治2023行动
_YEAR_BEFORE = re.compile(r"(?<![0-9])20[0-9]{2}$")
#: a phase that follows a campaign's head and names a campaign of its own: 专项整治“回头看”
_PHASE_AFTER = re.compile(r"[“\"]?回头看[”\"]?")
#: what joins the two ends of a route in a project's name (湄潭至凤冈段, 桃源至石门高速公路)
_ROUTE_TO = "至"
#: a themed activity (主题党日活动, 主题宣传活动, not 主题教育) and the closing quotes of the theme that names it
_THEMED = re.compile(r"主题(?!教育)")
_QUOTE_ENDS = frozenset("”\"」")
#: heads of building works: on one route or in one numbered phase they name a site, not a programme
_WORKS_HEADS = frozenset({"工程"})
#: nouns of amount or progress a works head modifies (工程量, 工程进度, 工程进展): the works measured, no programme
_MEASURED = ("量", "进度", "进展")
#: heads of a skills contest, whose scope word (全省, 全市) is part of its name
_CONTEST_HEADS = frozenset({"技能竞赛", "技能大赛"})
#: a scope word right before a contest's name
_SCOPE_BEFORE = re.compile(r"全(?:国|省|市|区|县|州)$")
#: the edition of a recurring contest right before its name: 第三届, 第12届
_EDITION_BEFORE = re.compile(r"第[一二三四五六七八九十百0-9]+届$")


def _contest_start(sc: PhraseScanner, start: int) -> int:
    """Where a skills contest's name starts: the place holding it and its edition (X市第三届), else its level (全省)."""
    if (edition := _EDITION_BEFORE.search(sc.text, max(0, start - 6), start)) is not None:
        place = sc.lx.trie("places").longest_ending_at(sc.text, edition.start(), max(0, edition.start() - 10))
        return start if place is None else place[0]  # 全市第五届…大赛: an edition alone is no title of it
    scope = _SCOPE_BEFORE.search(sc.text, max(0, start - 2), start)
    return start if scope is None else scope.start()


#: a numbered phase of a facility's building (二期, 三期码头, 2期)
_PHASE_BEFORE = re.compile(r"[一二三四五六七八九十0-9]期(?:码头)?$")
#: a national, provincial or county route number (G207, S312, X035): right before a name, and opening one
_CODE = r"[GSXYZ][0-9]{1,4}"
_ROAD_CODE = re.compile(rf"(?<![A-Za-z0-9]){_CODE}$")
_ROAD_CODE_START = re.compile(_CODE)
#: words before a bare head that make it a kind of work: “路政宣传月”等专项整治, 各类专项整治, 系列活动
_KIND_BEFORE = re.compile(r"(?:等|各类|各项|多项|系列|各种|多种|其他|其它|哪些|哪几|什么)$")
#: the modifier of building works on a site: a stretch, port area, hub or class of road, then the works done
#: (…周口段改建, 皖河航道整治, 国省干线大中修, 农村公路养护); 提质工程, 安全生命防护工程 name programmes
_SITE_WORKS = re.compile(r"(?:段|港区|作业区|码头|枢纽|航道|大桥|隧道|高速|高铁|铁路|机场|国道|省道|公路|干线|路面)"
                         r"\S{0,6}(?:改建|改扩建|扩建|新建|扩容|大中修|大修|中修|修复|整治|疏浚|通航|配套|养护|加固|拓宽|改造)$")


#: kinds of building works that, like field words, name no programme before 工程 (在建交通工程, 大修工程, 疏浚工程)
_WORKS_KIND = re.compile(r"(?:在建|新建|大中修|大修|中修|(?:维护性)?疏浚)$")


def _field_or_works_kind(sc: PhraseScanner, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is only field words and kinds of works (公路水路, 在建交通, 大修), or
    such words before a part of the works (公路桥梁, 隧道)."""
    text, domain = sc.text, sc.lx.trie("domain")
    pos = end
    if part := sc.lx.trie("works_parts").longest_ending_at(text, end, start):  # data/lexicon/works_parts.tsv
        pos = part[0]
    while pos > start:
        hit = domain.longest_ending_at(text, pos, start)
        if hit is None:
            kind = _WORKS_KIND.search(text, start, pos)
            if kind is None:
                return False
            pos = kind.start()
        else:
            pos = hit[0]
    return True


def _names_before_enum(sc: PhraseScanner, pos: int) -> bool:
    """True when the list item ending at ``pos`` (before 、) is itself a name.

    A name ends with a quote, a campaign or rule-set head, or is a body found
    before; a body's head alone is not enough (进学校、进家庭活动 lists places to go).
    """
    if pos > 0 and sc.text[pos - 1] in "”’」』\"":
        return True
    return pos in sc.blocked_ends or sc._ends_with_head(pos, ("campaign_heads", "regulation_heads"))


#: what may stand before an item's number (一、, 2、): the start of a line or a sentence
_BEFORE_NUMBER = frozenset("\n。；;：:！？!? \t\u3000")
_ITEM_NUMERALS = frozenset(CN_DIGITS + "0123456789")


def _inside_numbered_word(text: str, start: int) -> bool:
    """True when Arabic digits end right before ``start`` and a word runs on before them (国道204|线):
    a name starting there is cut out of a numbered word; a number opening the phrase (12328热线) is not."""
    pos = start
    while pos > 0 and text[pos - 1].isdigit() and text[pos - 1].isascii():
        pos -= 1
    return pos < start and pos > 0 and "\u4e00" <= text[pos - 1] <= "\u9fff"


def _numbers_an_item(text: str, mark: int) -> bool:
    """True when the 、 at ``mark`` closes an item's number (一、, 12、) at a line's or a sentence's start, not a list."""
    i = mark
    while i > 0 and text[i - 1] in _ITEM_NUMERALS:
        i -= 1
    return 0 < mark - i <= 3 and (i == 0 or text[i - 1] in _BEFORE_NUMBER)


#: the travel seasons whose transport work a year names as one campaign: 2024年春运
_SEASONS = ("春运", "暑运")
_DATED_SEASON = re.compile(r"(?<![0-9])(?:20[0-9]{2}年)?(?:" + "|".join(_SEASONS) + ")")


def is_season(name: str) -> bool:
    """Whether a campaign's name is a travel season (2024年春运): the time of other work as much as work itself."""
    return _DATED_SEASON.fullmatch(name) is not None


def season_candidates(sc: PhraseScanner) -> list[Candidate]:
    """A year's travel season as a campaign (2024年春运); the bare season word may stand for it.

    A bare 春运 is only a mention of the dated one the document names (its
    anaphor is resolved like a bare 专项整治); alone it names no one campaign.
    The season of another year than the document's own (the one its headlines date,
    else its most often dated one) is a comparison or a target (2024年春运期间…发送旅客,
    力争2028年春运…), no campaign.
    """
    out: list[Candidate] = []
    every = list(_DATED_SEASON.finditer(sc.text))
    found = [m for m in every if not sc.in_title(m.start(), m.end())]
    headlines = headline_spans(sc.text)
    titled = [m for m in found if m.group() not in _SEASONS and headlines.covers(m.start(), m.end())]
    years = Counter(m.group()[:4] for m in (titled or found) if m.group() not in _SEASONS)
    own = max(years, key=lambda y: (years[y], -sc.text.find(y + "年"))) if years else None
    for m in found:
        word = m.group()
        if word not in _SEASONS and word[:4] != own:
            continue
        if word in _SEASONS:
            out.append(Candidate("CAMPAIGN", m.start(), m.end(), word, "campaign.season.bare", tier=0, bare_head=word))
        else:
            out.append(Candidate("CAMPAIGN", m.start(), m.end(), word, "campaign.season", tier=1))
    return out


#: heads of an inspection drive (after a quote its field and manner words belong to the name)
INSPECTION_HEADS = ("执法检查", "专项检查", "联合检查", "大检查")
#: the head of a special inspection: in running text it names a drive only where the document's headline does
#: (a 大检查 or 执法检查 a headline names is the sweep of a season, 元旦春节期间…安全生产大检查, no named drive)
_HEADLINE_DRIVES = ("专项检查",)
#: a news item's headline in 【】 at the start of a line
_BRACKET_HEADLINE = re.compile(r"(?m)^[ \t\u3000]*【([^【】\n]{2,60})】")


def headline_spans(text: str) -> SpanSet:
    """The document's headlines: its first line (the title) and each 【】 headline of a news item."""
    spans = [(m.start(1), m.end(1)) for m in _BRACKET_HEADLINE.finditer(text)]
    first = re.search(r"\S[^\n]*", text)
    if first is not None:
        spans.append((first.start(), first.end()))
    return SpanSet(spans)


def campaign_candidates(sc: PhraseScanner) -> list[Candidate]:
    """Named initiatives from their head nouns (专项整治行动, 实践活动, 转型年 ...) and dated seasons.

    An inspection drive (…专项检查) is named without quotes where a headline
    names it (关于开展2025年全市机动车驾驶员培训机构专项检查的通知: the drive
    the document is about), and so is each mention of the same name in the text.
    """
    found = _free_head_candidates(sc, "CAMPAIGN", "campaign_heads", "campaign.head", unquoted=frozenset(_HEADLINE_DRIVES))
    headlines = headline_spans(sc.text)
    drives = [c for c in found if c.name.endswith(_HEADLINE_DRIVES)]
    titled = {c.name for c in drives if headlines.covers(c.start, c.end)}
    dropped = {id(c) for c in drives if c.name not in titled}
    return [c for c in found if id(c) not in dropped] + season_candidates(sc)


def regulation_candidates(sc: PhraseScanner) -> list[Candidate]:
    """Named rule sets in running text (六项制度, 行政执法公示制度 ...)."""
    return _free_head_candidates(sc, "REGULATION", "regulation_heads", "regulation.head")


__all__ = ["INSPECTION_HEADS", "LAUNCH_BEFORE", "campaign_candidates", "campaign_end", "headline_spans", "is_season",
           "regulation_candidates", "title_act_end"]
