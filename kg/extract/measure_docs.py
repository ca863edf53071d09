"""MEASURES over a whole document: a report on one campaign and the plan of one campaign; a sentence
opening with the span of the work just told (活动期间，…).

The widest rules of :mod:`kg.extract.measures` (``document`` and ``plan``), with the
clause helpers and word lists the narrower rules share. ``link(metric index, campaign
index, rule)`` records a relation; the caller decides which metrics a rule may still claim.
"""

from __future__ import annotations

import bisect
import re

from kg.extract.measure_named_work import after_named_work
from kg.extract.measure_titles import (DRIVE_HEAD_RE, PLAN_OF_RE, REPORT_OF_RE, SENTENCE_END,
                                      opens_name, plan_name_opens, plan_title_paragraph, report_title_paragraph,
                                      takes_up)
from kg.extract.metrics import clause_start
from kg.extract.named_heads import is_season
from kg.lexicon import Lexicon
from kg.model import Mention, MetricMention, StructuredDocument
from kg.structure.segment import MAX_SENTENCE

#: a clause that joins work of others before its number: 参加全市技能竞赛3名, 配合…开展廉政谈话12人次
#: (参加/参与 opening a clause before a count of people is the head count of the work just named:
#: 开展警示教育4场，参加党员干部210人次; 参与人数达到430人)
_HEAD_COUNT = (r"(?:[^，,。；;、：:“”《》\d]{0,4}?(?:人员|人数|党员|干部|职工|群众|学员|师生|市民|答题))?"
               r"(?:达到|达|共计|共|约|近|超过)?\s*\d")
#: a clause whose subject is the discipline inspection group stationed in the body (驻局纪检监察组全年开展廉政谈话
#: 86人次; 县纪委监委派驻第五纪检监察组对大队…; 纪检监察组会同局机关纪委开展专项监督9次): its supervision is
#: that group's work, not the body's campaign told before it
_INSPECTORS = r"(?:(?<=[，,；;。!?：:\n])|^)\s*(?:(?:[^，,。；;：:\n]{0,8}?派)?驻[^，,。；;：:\n]{0,8}?)?纪检(?:监察)?组"
OTHER_WORK_RE = re.compile(r"配合|(?<![，,；;])(?:参加|参与)|(?:参加|参与)(?!" + _HEAD_COUNT + ")|" + _INSPECTORS)
#: the same, in a document the discipline inspection group writes itself (its work is then the author's)
JOINED_WORK_RE = re.compile(r"配合|(?<![，,；;])(?:参加|参与)|(?:参加|参与)(?!" + _HEAD_COUNT + ")")


def other_work_re(sdoc: StructuredDocument) -> re.Pattern:
    """The pattern of other work in ``sdoc``: the stationed discipline inspection group's work is
    other work unless the group wrote the document."""
    return JOINED_WORK_RE if "纪检" in (sdoc.meta.author or "") else OTHER_WORK_RE
#: how far past its span a clause is read to tell a head count (参与人数达到430人) from joined work
_HEAD_COUNT_REACH = 16


def joins_other_work(norm: str, start: int, end: int, others: re.Pattern = OTHER_WORK_RE) -> bool:
    """Whether ``norm[start:end]`` (a clause up to its number) joins the work of others (配合…, 参加…) or
    is the work of the stationed discipline inspection group (驻局纪检监察组…).

    The text after ``end`` is read too, so that a head count just before the number
    (参与人数达到430人, 参加人员320人次) is told from joined work.
    """
    found = others.search(norm, start, min(len(norm), end + _HEAD_COUNT_REACH))
    return found is not None and found.start() < end


def only_assists(norm: str, start: int, end: int, others: re.Pattern[str] = OTHER_WORK_RE) -> bool:
    """Whether all the other work ``norm[start:end]`` joins is help given (配合…), no 参加/参与.

    Right after a campaign its subject carries out, before any number reported on it, such help is
    that campaign's own work (深化“清廉交通”建设，配合驻局纪检监察组…开展廉政谈话120人次; 三是开展…
    专项整治。配合…海事处检查船舶412艘次); after its numbers it is other work (组织集中学习6次，配合…).
    """
    stop = min(len(norm), end + _HEAD_COUNT_REACH)
    found = [f for f in others.finditer(norm, start, stop) if f.start() < end]
    return bool(found) and all(f.group() == "配合" for f in found)
#: a sentence opening with a calendar period, then a whole area as its subject: a statistic of the
#: area (今年以来，全市公交累计发送旅客…; 1至10月，全市完成…; 截至10月底，全市…; 去年同期，全市…;
#: 全年辖区船舶生活垃圾接收量达到…)
AREA_STATISTIC_RE = re.compile(
    r"^\s*(?:据(?:统计|了解|悉|介绍)\s*[,，]?\s*)?(?:今年以来|年初以来|(?:去|上)年同期|(?:截至|截止)[^,，;；。]{1,10}|\d{1,2}月(?:份)?以来|"
    r"(?:(?:20\d\d|二〇[二〇一二三四五六七八九〇]{2})年)?(?:\d{1,2}\s*[至到~—-]\s*\d{1,2}月(?:份)?|"
    r"全年|[上下]半年|前三季度|[一二三四]季度)|(?:20\d\d|二〇[二〇一二三四五六七八九〇]{2})年)"
    r"\s*[,，]?\s*(?:全(?:市|省|县|区|州|盟|国|行业)|辖区)")
#: a sentence telling what a body or an area has (据了解，X协会现有会员企业…; 站长介绍，某镇现有客运班线9条;
#: 辖区共有客运渡口6道…; 辖区岸线长24.5公里，共有港口码头企业17家; 全市普通国省干线公路总里程1846公里): a stock,
#: not any work's result or target; not past an earlier 共 (全市共检查…，共有38家存在问题) nor a 共有 of a result
#: (共有12家企业被约谈), nor an area's total with a drive's work in its clause (全县新改建农村公路总里程128公里),
#: whatever verb gives the total (总里程1846公里, 总里程达1846公里, 总里程约为1846公里)
_DRIVE_WORK = r"(?:新改建|新建|改建|建成|改造|完成|新增|整治)"
STOCK_RE = re.compile(
    r"^\s*(?:[^，,。；;]{0,16}?(?:介绍|表示)\s*[,，]\s*)?(?:据(?:统计|了解|悉|介绍)\s*[,，]?\s*)?"
    r"(?:[^,，;；。:：]{0,30}?(?:现有|拥有|保有量)|(?:全(?:市|省|县|区|州)|辖区)[^;；。:：共]{0,30}?共有(?![^,，;；。]{0,12}?(?:被|存在|完成|整改))"
    r"|(?:全(?:市|省|县|区|州)|辖区)(?![^,，;；。]*?" + _DRIVE_WORK + r")[^,，;；。:：]{0,20}?总(?:里程|长度?|数))")
#: in a plan a stock word may hold a target (完成现有28座危桥改造; 公交车保有量达到1200辆)
_TARGET_VERB = re.compile(r"达到|完成|力争|不少于|突破|新增")
_CLAUSE_END = re.compile(r"[,，;；。]")
#: a sentence opening with a period that runs since a date (今年以来，…; 据统计，2024年以来…) or at a
#: ceremony (启动仪式上，…), or a speaker's account of such a period (X在闭幕式上表示，近年来…): figures of their own
#: time, not a heading's or a report's campaign's results; _SINCE: a period since a date (2024年以来, 二〇二四年以来, 3月以来)
_SINCE = r"(?:今年以来|年初以来|(?:20\d\d|二〇[二〇一二三四五六七八九〇]{2})年以来|\d{1,2}月(?:份)?以来)"
OWN_PERIOD_RE = re.compile(
    r"^\s*(?:据(?:统计|了解|悉|介绍)\s*[,，]?\s*)?" + _SINCE + r"|^\s*(?:启动|签约|签字|揭牌)仪式上"
    r"|^[^,，;；。！？\n]{2,40}?(?:表示|介绍|指出)\s*[,，:：]\s*(?:" + _SINCE + r"|近(?:几)?年来)")
#: a paragraph opening with a period wider than one action's (据了解，今年以来，…; 近年来，…; 据悉，2024年以来…):
#: its figures are the body's standing work of that period, not the results of the campaign a report is on
_WIDER_PERIOD = (r"\s*(?:(?:据(?:了解|悉|介绍|统计)|记者(?:从[^，,。]{1,20})?了解到)\s*[,，]?\s*)?"
                 r"(?:" + _SINCE + r"|近(?:几)?年来)")
WIDER_PERIOD_PARA_RE = re.compile(_WIDER_PERIOD)
#: a clause opening a wider period than a campaign's sessions (全年完成…, 今年以来…), or a wider scope with an
#: aggregate (全市共完成…, 全县累计…); a scope alone may open the drive's own result (全市在建项目检查覆盖率100%)
WIDER_CLAUSE_RE = re.compile(r"\s*(?:全年|(?:全[市县区省州盟旗]|辖区)(?:范围内)?(?:共|累计|总计|合计|全年)|"
                             + _WIDER_PERIOD + ")")
#: verbs of a title that reports on carrying out one campaign
TITLE_VERBS = ("开展", "启动", "举办", "部署")
#: after the campaign opening a news title: the event was held (…职业技能竞赛成功举办, …竞赛圆满落幕)
EVENT_HELD_RE = re.compile(r"”?(?:成功|顺利|圆满|隆重)?(?:举办|举行|落幕|落下帷幕|收官|闭幕(?!式))")
CONDUCT_VERBS = ("开展", "推进", "实施", "组织", "举办", "推动", "落实", "启动", "部署", "参与", "参加",
                 "深化", "抓好", "做好", "结合", "创建", "获评", "贯彻")
#: how far back a clause is looked for from a campaign or a metric (a window keeps the cost linear)
CLAUSE_WINDOW = 120
#: after the last of several campaigns: they are examples of a kind of work (开展“A”“B”等活动)
_EXAMPLES_RE = re.compile(r"[”\"]?\s*等")


#: after a number: a rate it qualifies, then that rate's own number (公交站点500米覆盖率达到95%)
_QUALIFIED_RATE_RE = re.compile(r"[^\d，,。；;、：:（(“”]{0,2}率[^，,。；;]{0,8}?\d")
#: the units of a radius (of distance or time) that a rate can be taken within
_RADIUS_UNITS = frozenset({"米", "公里", "千米", "分钟", "小时"})


def indicator_qualifiers(norm: str, metrics: list[MetricMention]) -> set[int]:
    """The metrics that only qualify the indicator of the next number (the 500米 of 500米覆盖率达到95%):
    they measure no campaign.

    Parameters
    ----------
    norm : str
        The width-folded text.
    metrics : list of MetricMention
        The document's metrics.

    Returns
    -------
    set of int
        The indices into ``metrics`` of the qualifiers.
    """
    return {mi for mi, m in enumerate(metrics)
            if m.unit in _RADIUS_UNITS and _QUALIFIED_RATE_RE.match(norm, m.end, m.end + 16)}


#: before a number opening its clause: an area word at most (全市6个超限检测站共检测…)
_SUBJECT_OPEN_RE = re.compile(r"(?:^|[，,。；;：:\n])\s*(?:全市|全省|全县|全区|全州|辖区|各地)?$")
#: after it: the noun it counts, then the adverb that sums the work of its clause (…检测站共检测货车…)
_SUBJECT_SUM_RE = re.compile(r"[^\d，,。；;、：:（(“”]{1,12}?(?:共计?|累计|合计)")


def subject_counts(norm: str, metrics: list[MetricMention]) -> set[int]:
    """The metrics that count the subject of their clause (the 6个 of 全市6个超限检测站共检测货车182.5万辆次):
    they measure no campaign.

    Parameters
    ----------
    norm : str
        The width-folded text.
    metrics : list of MetricMention
        The document's metrics.

    Returns
    -------
    set of int
        The indices into ``metrics`` of the subject counts.
    """
    return {mi for mi, m in enumerate(metrics)
            if _SUBJECT_OPEN_RE.search(norm, max(0, m.start - 4), m.start) and _SUBJECT_SUM_RE.match(norm, m.end, m.end + 16)}


#: a sentence opening with the span of the work told just before it: 活动期间，…; 期间查处…; 当晚共检查…
SPAN_OPEN_RE = re.compile(r"\s*(?:(?:此次|本次)?(?:行动|活动|整治|专项整治|集中整治|检查)?期间|当晚)")


def span_rule(sdoc: StructuredDocument, norm: str, metrics: list[MetricMention], camps: list[Mention], link) -> None:
    """A sentence without a campaign that opens with the span of the work just told (活动期间，…; 期间查处…;
    当晚共检查…): its metrics measure the campaign last named before it, in its paragraph or the one before."""
    c_starts = [c.start for c in camps]
    paras = sdoc.paragraphs
    others = other_work_re(sdoc)
    done: set[int] = set()
    for mi, m in enumerate(metrics):
        sent = sdoc.sentence_at(m.start)
        if sent is None or sent.start in done:
            continue
        done.add(sent.start)
        if not SPAN_OPEN_RE.match(norm, sent.start, sent.end):
            continue
        k = bisect.bisect_left(c_starts, sent.start)
        if k < len(camps) and camps[k].start < sent.end:
            continue  # a campaign of its own: the sentence rules decide
        floor = paras[max(0, sent.paragraph - 1)].start if paras else 0
        if k == 0 or camps[k - 1].start < floor:
            continue
        for mj in range(mi, len(metrics)):
            if metrics[mj].start >= sent.end:
                break
            if not joins_other_work(norm, sent.start, metrics[mj].start, others):
                link(mj, k - 1, "span")


def examples_end(norm: str, camps: list[Mention], cis: list[int]) -> int | None:
    """Where the 等 closing the campaigns ``cis`` of one clause as examples of a kind of work ends.

    Parameters
    ----------
    norm : str
        The width-folded text.
    camps : list of Mention
        The document's campaign mentions.
    cis : list of int
        The indices into ``camps`` of the clause's campaigns.

    Returns
    -------
    int or None
        The end of the 等 when two or more campaigns are named as examples (结合“安全生产月”“全国交通安全日”等节点);
        a number after it counts the whole kind of work (等8项重点活动, 等宣传活动6场), not one of them.
        None otherwise.
    """
    if len({camps[ci].name for ci in cis}) < 2:
        return None
    m = _EXAMPLES_RE.match(norm, max(camps[ci].end for ci in cis))
    return None if m is None else m.end()


def clause_from(norm: str, pos: int, floor: int = 0) -> int:
    """The start of the clause of ``pos``, looked for no further back than :data:`CLAUSE_WINDOW`."""
    return clause_start(norm, pos, max(floor, pos - CLAUSE_WINDOW))


def document_rule(sdoc: StructuredDocument, norm: str, metrics: list[MetricMention],
                  camps: list[Mention], link, body_ends: frozenset[int] | set[int] = frozenset()) -> None:
    """A report on one campaign: the metrics no other rule claims.

    The campaign is the one the title carries out (平江县交通运输局组织开展
    “安全生产月”系列活动) or opens it as an event held (…职业技能竞赛成功举办), else the one campaign the lead paragraph carries
    out before any number (…组织开展“春运护航”专项执法行动，全力保障…).
    A notice (关于开展…的通知) is not such a report; a report 关于 a drive's work
    (关于…专项整治进展情况的报告) is. The title may stand on the line below the issuing body's
    (:func:`~kg.extract.measure_titles.report_title_paragraph`); a title mention right after other words is a
    cut-off name (关于全市物流降本|增效专项行动…, :func:`~kg.extract.measure_titles.opens_name`; ``body_ends``: where a body's name ends, a name
    opens) and claims nothing.
    In a news item, a paragraph opening with a wider period (据了解，今年以来，…;
    近年来，…) tells the body's standing work, not the campaign's results: its metrics are passed by; the drive
    a report is 关于 may itself run 近年来. The metrics after a clause carrying out other work by its name
    (推行“路长制”，…: :func:`~kg.extract.measure_named_work.after_named_work`, found once with the chosen
    campaign) are passed by too.
    """
    paras = sdoc.paragraphs
    if not paras or sdoc.meta.kind != "report" or plan_title_paragraph(sdoc) is not None:
        return  # a plan, a speech or a summary covers many campaigns
    c_starts = [c.start for c in camps]

    def conducted(p, verbs) -> list[int]:
        lo, hi = bisect.bisect_left(c_starts, p.start), bisect.bisect_left(c_starts, p.end)
        return [ci for ci in range(lo, hi)
                if any(v in norm[clause_from(norm, camps[ci].start, p.start):camps[ci].start] for v in verbs)]

    p0 = report_title_paragraph(sdoc)
    body, drive_report = (p0 or paras[0]).end, False
    chosen: list[int] = []
    if p0 is not None:
        title = [ci for ci in range(bisect.bisect_left(c_starts, p0.start), bisect.bisect_left(c_starts, p0.end))]
        # 关于 opens a notice (关于开展…的通知) or the report of a drive (关于…专项整治进展情况的报告)
        about = len(title) == 1 and "关于" in norm[p0.start:camps[title[0]].start]
        if len(title) == 1 and (not about or DRIVE_HEAD_RE.search(camps[title[0]].name)):
            if not about:
                chosen = [ci for ci in conducted(p0, TITLE_VERBS) if ci == title[0]]
                if not chosen and EVENT_HELD_RE.match(norm, camps[title[0]].end) and opens_name(
                        norm, p0.start, camps[title[0]].start, body_ends) and not is_season(camps[title[0]].text):
                    chosen = title  # …职业技能竞赛成功举办: the news of an event held
            # the report's subject is taken up again in its body, by its name or a fuller one (a title mention
            # no later name holds is a cut-off name, not the campaign the body reports on); a season's
            # summary (春运工作总结) reports the period's figures, not one campaign's results
            if not chosen and REPORT_OF_RE.match(norm, camps[title[0]].end) and opens_name(
                    norm, p0.start, camps[title[0]].start, body_ends) and not is_season(
                    camps[title[0]].text) and any(
                    takes_up(camps[title[0]], c) for c in camps[title[0] + 1:]):
                chosen, drive_report = title, True
        lead = next((p for p in paras[1:] if SENTENCE_END.search(norm, p.start, p.end)), None)
        if not chosen and lead is not None and not sdoc.sections:  # a news item, not a structured report
            in_lead = conducted(lead, CONDUCT_VERBS)
            in_para = range(bisect.bisect_left(c_starts, lead.start), bisect.bisect_left(c_starts, lead.end))
            if any(not is_season(camps[ci].text) for ci in in_lead):  # a season is then the time of the work
                in_lead = [ci for ci in in_lead if not is_season(camps[ci].text)]
                in_para = [ci for ci in in_para if not is_season(camps[ci].text)]
            n_lead = len(in_para)
            if len(in_lead) == 1 and n_lead == 1 and not any(
                    camps[in_lead[0]].end <= m.start < lead.end for m in metrics):
                chosen, body = in_lead, lead.end
    if not chosen:
        return
    others = other_work_re(sdoc)
    passed = after_named_work(norm, metrics, camps, camps[chosen[0]])  # other work's figures
    p_starts = [p.start for p in paras]
    wide: dict[int, bool] = {}  # the paragraphs that open with a wider period
    for mi in range(bisect.bisect_left([m.start for m in metrics], body), len(metrics)):
        m = metrics[mi]
        k = bisect.bisect_right(p_starts, m.start) - 1
        if k not in wide:
            wide[k] = not drive_report and WIDER_PERIOD_PARA_RE.match(norm, paras[k].start, paras[k].end) is not None
        if wide[k] or mi in passed:
            continue
        if not joins_other_work(norm, clause_from(norm, m.start), m.start, others):
            link(mi, chosen[0], "document")




def plan_rule(sdoc: StructuredDocument, norm: str, metrics: list[MetricMention], camps: list[Mention],
              link, lexicon: Lexicon) -> None:
    """The plan of one campaign: every metric after its title is a target of that campaign.

    The title names one campaign right before 方案 (…“治本攻坚”百日行动实施方案, or a
    notice issuing it: 关于印发《…专项整治工作方案》的通知) or before the 通知 launching
    it (关于开展“利剑”专项整治行动的通知). Its tasks are the campaign's work; the caller passes by
    the metrics of a task the text gives another work (三是开展“零碳公交”示范线创建，新开通…3条),
    but for one held in a calendar event (:func:`calendar_event`). ``lexicon`` (the document's) tells
    where the campaign's name opens in the plan's (:func:`~kg.extract.measure_titles.plan_name_opens`).
    """
    p0 = plan_title_paragraph(sdoc)
    if p0 is None or not metrics:
        return
    title = norm[p0.start:p0.end]
    # the campaign's first mention standing before 方案 as it does in the title (the title's own
    # words may sit inside the 《》 of the plan, where no campaign mention is made)
    first = metrics[0].start
    titled = {ci: [(k, found.group()) for k in _occurrences(title, c.text)
                   if (found := PLAN_OF_RE.match(title, k + len(c.text)))]
              for ci, c in enumerate(camps) if c.start < first}
    own = [ci for ci, ks in titled.items() if ks and PLAN_OF_RE.match(norm, camps[ci].end)]
    if not own:
        # the preamble names the campaign of the plan's title whole, then goes on (…组织实施X行动，制定本方案);
        # not a notice's campaign (转发《…关于开展X活动的通知》的通知: the campaign of another body's notice)
        own = [ci for ci, ks in titled.items()
               if any(tail.endswith("方案") and plan_name_opens(title, k, lexicon) for k, tail in ks)]
    if len({camps[ci].name for ci in own}) != 1:
        return
    others = other_work_re(sdoc)
    for mi in range(bisect.bisect_left([m.start for m in metrics], p0.end), len(metrics)):
        m = metrics[mi]
        if not joins_other_work(norm, clause_from(norm, m.start), m.start, others):
            link(mi, own[0], "plan")


#: a calendar event: a month, week or day a body's tasks are held in (“安全生产月”活动, 路政宣传月, 安全宣传咨询日)
CALENDAR_EVENT_RE = re.compile(r"[月周日](?:活动)?$")


def calendar_event(campaign_name: str) -> bool:
    """Whether ``campaign_name`` names a calendar event (安全生产月, 路政宣传月, 安全宣传咨询日活动).

    A plan's task held in such an event (结合“安全生产月”活动，开展宣讲2场) is still the plan's work.
    """
    return CALENDAR_EVENT_RE.search(campaign_name) is not None


def _occurrences(text: str, word: str) -> list[int]:
    """The offsets of ``word`` in ``text``."""
    out, k = [], text.find(word) if word else -1
    while k >= 0:
        out.append(k)
        k = text.find(word, k + 1)
    return out



#: the heading of a section that only states problems (存在的问题, 存在的主要问题, 存在的不足和困难)
PROBLEM_HEAD_RE = re.compile(r"\s*(?:当前|目前)?(?:工作中)?(?:存在|面临)(?:的)?(?:主要)?(?:问题|不足|困难|短板)"
                             r"(?:[和与及、](?:问题|不足|困难|短板|挑战))?[。.]?\s*$")
#: a paragraph that turns to the work ahead (下半年，我中心将…；力争…；确保…)
_PLAN_TURN_RE = re.compile(r"将(?!近)|力争|确保|计划|打算|下一步|下步|下半年|明年|到20\d\d年")


def problem_statements(sdoc: StructuredDocument, norm: str, metrics: list[MetricMention]) -> set[int]:
    """The metrics of a section that only states problems (三、存在的问题 …利用率仅为65%), but for a paragraph
    of it that turns to the work ahead: they report a shortfall, not a campaign's result or target.

    Parameters
    ----------
    sdoc : StructuredDocument
        The document's sections and paragraphs.
    norm : str
        The width-folded text.
    metrics : list of MetricMention
        The document's metrics.

    Returns
    -------
    set of int
        The indices into ``metrics`` of the problems' metrics.
    """
    heads = [s for s in sdoc.sections if PROBLEM_HEAD_RE.match(s.title)]
    if not heads:
        return set()
    paras = sdoc.paragraphs
    p_starts = [p.start for p in paras]
    out: set[int] = set()
    for mi, m in enumerate(metrics):
        if not any(s.title_end <= m.start < s.end for s in heads):
            continue
        k = bisect.bisect_right(p_starts, m.start) - 1
        if k < 0 or not _PLAN_TURN_RE.search(norm, paras[k].start, paras[k].end):
            out.add(mi)
    return out


def stocks(sdoc: StructuredDocument, norm: str, metrics: list[MetricMention]) -> set[int]:
    """The metrics of sentences that tell what a body or an area has (全市现有驾培机构47家; 辖区共有客运渡口6道):
    no rule over a whole plan, section or report makes them a campaign's results or targets.

    Parameters
    ----------
    sdoc : StructuredDocument
        The document's sentences.
    norm : str
        The width-folded text.
    metrics : list of MetricMention
        The document's metrics.

    Returns
    -------
    set of int
        The indices into ``metrics`` of the stocks.
    """
    out: set[int] = set()
    seen: dict[int, int] = {}
    for mi, m in enumerate(metrics):
        span = _full_sentence(sdoc, norm, m.start)
        if span is None:
            continue
        start, sent_end = span
        if start not in seen:  # a stock holds to the end of its clause, unless a target is set there
            hit = STOCK_RE.match(norm[start:sent_end])
            end = _CLAUSE_END.search(norm, start + hit.end(), sent_end) if hit else None
            stop = end.start() if end else sent_end
            seen[start] = stop if hit and not _TARGET_VERB.search(norm, start, stop) else -1
        if m.start < seen[start]:
            out.add(mi)
    return out


def _framed_sentences(sdoc: StructuredDocument, norm: str, metrics: list[MetricMention],
                      frames: tuple[re.Pattern, ...]) -> set[int]:
    """The metrics whose sentence (with the parts a semicolon splits off it) opens with one of ``frames``."""
    out: set[int] = set()
    seen: dict[int, bool] = {}
    for mi, m in enumerate(metrics):
        span = _full_sentence(sdoc, norm, m.start)
        if span is None:
            continue
        if span[0] not in seen:
            seen[span[0]] = any(f.match(norm[span[0]:span[1]]) is not None for f in frames)
        if seen[span[0]]:
            out.add(mi)
    return out


def _full_sentence(sdoc: StructuredDocument, norm: str, pos: int) -> tuple[int, int] | None:
    """The sentence of ``pos`` with the parts a semicolon splits off it (…5.4%；港口货物吞吐量…), as (start, end)."""
    sent = sdoc.sentence_at(pos)
    if sent is None:
        return None
    floor = max(0, sent.start - MAX_SENTENCE)
    return (max(norm.rfind(ch, floor, sent.start) for ch in "。！？!?\n") + 1 or floor), sent.end


def area_statistics(sdoc: StructuredDocument, norm: str, metrics: list[MetricMention]) -> set[int]:
    """The metrics of sentences that state a whole area's figures for a calendar period, what a
    body or an area has (现有会员企业…, 拥有…), or figures since a date or at a ceremony
    (今年以来，市交通运输局12328热线受理…; 启动仪式上，…).

    A heading or a title naming a campaign does not make these its results
    (1至10月，全市完成水路货运量…): ``section`` and ``document`` pass them by.

    Parameters
    ----------
    sdoc : StructuredDocument
        The document's sentences.
    norm : str
        The width-folded text.
    metrics : list of MetricMention
        The document's metrics.

    Returns
    -------
    set of int
        The indices into ``metrics`` of those statistics.
    """
    return _framed_sentences(sdoc, norm, metrics, (AREA_STATISTIC_RE, OWN_PERIOD_RE, STOCK_RE))


__all__ = ["AREA_STATISTIC_RE", "CALENDAR_EVENT_RE", "CLAUSE_WINDOW", "CONDUCT_VERBS", "OTHER_WORK_RE",
           "WIDER_CLAUSE_RE", "WIDER_PERIOD_PARA_RE",
           "PROBLEM_HEAD_RE", "SENTENCE_END", "STOCK_RE", "area_statistics", "calendar_event", "clause_from",
           "document_rule", "examples_end", "joins_other_work", "only_assists", "other_work_re", "plan_rule", "plan_title_paragraph",
           "report_title_paragraph",
           "problem_statements", "span_rule", "stocks"]
