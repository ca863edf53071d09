"""MEASURES relations: a metric reports a result or a target of a campaign.

A metric measures a campaign when the text ties the two together. The rules,
from the narrowest to the widest, each named in ``RelationMention.trigger``:

``clause``     the campaign and the metric are in the same clause:
               开展护路爱路宣传活动10次, 全市村村通客车率X%; not a count right after
               two or more examples closed by 等 (明确了“A”、“B”等8项重点活动: their kind).
``intro``      the campaign an item of a sentence opens with (the whole
               sentence, or one of its 一是/二是 items), with no number after
               it in its clause: the metric clauses after it, past clauses
               without a number before the first of them (组织开展“迎汛保安”
               专项行动，会同…建立…机制，共排查隐患X处). Clauses that only give a
               time or a date (6月1日, 春运期间) do not count as the opening. Of
               coordinated campaigns (开展“职工书屋”建设和“最美交通人”评选), a metric
               whose clause names one's object (评出“最美交通人”10名) measures that one.
``run``        a later campaign clause without numbers: the metric clauses
               right after it (…等专项整治活动，处理路政案件X起，拆除…X块).
``count``      the campaign an item opens with, counted in its sessions (开展宣讲活动6场): the
               clause right after it when it counts people, the attendance (培训从业人员460人次).
``sessions``   that campaign otherwise: the metric clauses right after it, its results (开展质量安全专项
               检查4次，检查在建项目51个次，发现隐患127处), up to a clause of cases handled (查处…, 约谈…).
``subject``    the campaign opens its clause as its subject (…船闸工程完成年度
               投资3520万元，占…78.22%): that clause and the run after it.
``umbrella``   a sentence that opens with the campaigns its work belongs to
               (结合“安全生产月”活动，…; 在…活动中，…; 围绕…高质量发展，…) or with the
               span of a campaign's work (专项整治中，…; “安全生产月”活动期间，…; not a
               travel season: 春运期间): every metric of the sentence, past clauses
               naming other campaigns.
``breakdown``  a 含/包括 clause listing campaigns right after a metric clause
               (培训3次，含“…大讲堂”、…): the metrics of that clause.
``segment``    a paragraph item (paragraph start, 一是/二是…, （一）) whose title sentence
               carries out or opens with the campaign and has no number: every metric
               of the item (past other campaigns when a verb carries it out: 2.深入推进
               “四好农村路”建设。); a paragraph opening with such a sentence before its
               items: the metrics of the items that name no campaign of their own.
``section``    a section whose heading names the campaign, not as a frame
               (以供给侧改革为抓手), and whose heading sentence has no number:
               every metric of its body. Neither this nor ``segment`` gives a travel
               season (一、2027年春运基本情况) its section's or its item's figures.
``document``   a report on one campaign (its title carries it out, reports on it:
               …专项行动工作总结, 关于…专项整治进展情况的报告, or the lead of a news
               item without headings carries it out): the metrics no other rule claims, but
               those after a clause carrying out another work by its name (推行“路长制”，…).
``plan``       the plan of one campaign (its title: …百日行动实施方案): every metric of its body
               that no other rule gives another work (三是开展“零碳公交”示范线创建，新开通…3条 is that
               work's target); a calendar event the drive's task is held in (结合“安全生产月”，开展宣讲
               2场) does not keep it.
``span``       a sentence without a campaign opening with the span of the work just told
               (活动期间，…; 期间查处…; 当晚共检查…): the campaign last named before it.

A number of days giving a travel season's length (春运…共40天) measures nothing, nor does a number that
qualifies the rate after it (公交站点500米覆盖率达到95%: the 95% is the result), nor one that counts
the subject of its clause (全市6个超限检测站共检测货车…: the 6个), nor a campaign's length before its name
(开展为期4个月的…专项整治) or a round-the-clock regime (实行24小时驻站执法), nor a condition's bound
(对上线率低于90%的企业约谈), a count of the titles listed before it (《A》《B》等4项制度) or of the means
work relies on (依托全市9个超限检测站).

A reach ends at a clause naming another campaign and at a metric whose own clause joins
other work (配合…开展廉政谈话12人次). A campaign that only frames its clause is not measured:
春运期间, 以“安全生产月”活动为契机, 围绕“交通强县”建设目标, 按照“双公示”工作要求 (a 部署
the subject follows is carried out: 按照“春雷”治超行动部署，本所…查处车辆93辆). The sentence
rules come first; ``segment`` (but as above) and ``section`` only reach metrics no campaign of
their own sentence claims, and ``document`` only metrics no other rule claims. None of these three
claims a whole area's figures for a calendar period (今年以来，全市完成…) or what a body or an area
has (辖区共有客运渡口6道); ``plan`` does not claim the latter either. A count of integrity talks
(开展廉政谈话86人次) measures only an integrity campaign (“清廉交通”建设), under every rule. A sector's
throughput (全年完成港口货物吞吐量2860万吨) and a body's permit and complaint figures (按时办结率100%)
measure only a travel season, and the latter a service drive, but for the item of a plan, the plan
of one campaign and a report's lone figure (:mod:`kg.extract.measure_standing`).

Campaign mentions come from ``doc._.kg_mentions`` (label ``CAMPAIGN``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kg.extract.measure_docs import (
    area_statistics,
    calendar_event,
    problem_statements,
    CONDUCT_VERBS,
    joins_other_work,
    only_assists,
    other_work_re,
    examples_end,
    document_rule,
    indicator_qualifiers,
    subject_counts,
    plan_rule,
    stocks,
    span_rule,
)
from kg.extract.measure_bounds import condition_bounds
from kg.extract.measure_coordination import keep_named
from kg.extract.measure_frames import only_framed
from kg.extract.measure_durations import season_spans, work_lengths
from kg.extract.measure_standing import counts_for, owns_standing, standing_figures
from kg.extract.measure_duties import integrity_talks, measures_duty, session_results
from kg.extract.measure_items import FRAME_RE, ITEM_START_RE, section_rules, segment_rules
from kg.extract.metrics import clause_spans, protected_spans
from kg.extract.named_heads import is_season
from kg.lexicon import Lexicon, default_lexicon
from kg.model import Evidence, Mention, MetricMention, RelationMention, StructuredDocument

#: a clause that only gives a date or a time span: 6月1日, 入汛以来, 活动期间
TIME_CLAUSE_RE = re.compile(r"\s*(?:\d{1,2}月\d{1,2}日(?:[至到-]\d{1,2}(?:月\d{1,2})?日)?(?:上午|下午)?|\S{1,6}(?:期间|以来))\s*")
#: a clause that names the campaigns the work of its sentence belongs to (# = a campaign): 结合#和#活动,
#: 在#中, 围绕#高质量发展 (not a time: 春运期间; not a goal: 围绕#建设目标)
UMBRELLA_RE = re.compile(r"\s*(?:紧紧)?(?:(?:结合|围绕)#(?:[和、及与]#)*(?:的)?(?:高质量发展|发展|建设|工作|活动)?"
                         r"|在#(?:[和、及与]#)*(?:的)?(?:活动|工作)?中)\s*[,，]?\s*")
#: a clause that only gives the span of a campaign's work (# = a campaign, not a travel season): 专项整治中，…;
#: “安全生产月”活动期间/开展以来，…; …行动自6月启动以来，… — the metrics of the sentence are its results
PERIOD_RE = re.compile(r"\s*(?:在|于)?#(?:[和、及与]#)*(?:的)?(?:活动|工作)?"
                       r"(?:期间|中|(?:自[^,，;；#]{1,10})?(?:开展|启动|实施)以来)\s*[,，]?\s*")
#: verbs that make the campaign after them an object, not the subject of its clause (完成…工程210公里)
RESULT_VERBS = ("完成", "建成", "实现", "新建", "改造", "新增", "开工")
#: a count of a campaign's sessions (8次, 24场次, 3期): what its clause counts is the campaign itself
SESSIONS_RE = re.compile(r"[\dX.]+余?(?:次|场|场次|期|轮|批次)")
#: a count of people (460人次, 48名, 1.2万人)
HEADCOUNT_RE = re.compile(r"(?:人次|人|名)$")
#: who a session's count of people is: its attendance or those it served (培训从业人员, 服务旅客), not those caught
#: (查处酒驾人员)
ATTENDANCE_RE = re.compile(r"培训|参训|参加|参与|受教育|服务|覆盖|惠及|受益|听众|观众|学员|师生")
BREAKDOWN_RE = re.compile(r"^\s*(?:其中)?(?:含|包括|包含)")


@dataclass(slots=True)
class _Clause:
    start: int
    end: int
    sentence: int
    index: int  # position within its sentence
    metrics: list[int]  # indexes into the metric list
    campaigns: list[int]  # indexes into the campaign list
    first_metric: int = -1  # offset of its first metric


def metrics_start(c: _Clause, norm: str) -> int:
    """Where the clause's numbers start (its end when it has none)."""
    return c.first_metric if c.first_metric >= 0 else c.end


def _in(spans: list[_Clause], starts: list[int], pos: int) -> _Clause | None:
    """The clause containing ``pos`` (``starts`` = the clause starts, sorted)."""
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and spans[i].start <= pos < spans[i].end:
        return spans[i]
    return None


class MeasuresFinder:
    """Link metrics to the campaigns they measure, in one document.

    Parameters
    ----------
    lexicon : Lexicon, optional
        The dictionaries the entities were found with; the shipped ones alone by default.
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else default_lexicon()

    def find(self, sdoc: StructuredDocument, metrics: list[MetricMention], campaigns: list[Mention],
             norm: str | None = None) -> list[RelationMention]:
        """MEASURES relations of one document.

        Parameters
        ----------
        sdoc : StructuredDocument
        metrics : list of MetricMention
        campaigns : list of Mention
            Mentions with label ``CAMPAIGN``; where an ``AGENCY`` or ``ORGANIZATION`` mention ends, a
            report title's campaign name may open (others are ignored).
        norm : str, optional
            The width-folded text (``sdoc.source.norm`` by default).

        Returns
        -------
        list of RelationMention
            One relation per (metric, campaign name), head = metric, tail = the
            campaign mention the rule used.
        """
        norm = sdoc.source.norm if norm is None else norm
        self._others = other_work_re(sdoc)
        metrics = sorted(metrics, key=lambda m: (m.start, m.end))
        # a bare season word (春运) names the season, not a named campaign the resolver gave it to
        camps = sorted((c for c in campaigns if c.label == "CAMPAIGN"
                        and (is_season(c.name) or not is_season(c.text.strip("“”\"")))),
                       key=lambda c: (c.start, -c.end))
        if not metrics or not camps:
            return []
        protected = protected_spans(norm)
        clauses = self._clauses(sdoc, norm, protected, [c.start for c in camps])
        by_sentence: dict[int, list[_Clause]] = {}
        for c in clauses:
            by_sentence.setdefault(c.sentence, []).append(c)
        starts = [c.start for c in clauses]
        for mi, m in enumerate(metrics):
            c = _in(clauses, starts, m.start)
            if c is not None:
                c.metrics.append(mi)
                if c.first_metric < 0:
                    c.first_metric = m.start
        for ci, cm in enumerate(camps):
            c = _in(clauses, starts, cm.start)
            if c is not None:
                c.campaigns.append(ci)

        links: dict[tuple[int, str], tuple[int, str]] = {}  # (metric, campaign name) -> (campaign, rule)
        spans = (season_spans(norm, metrics) | indicator_qualifiers(norm, metrics) | subject_counts(norm, metrics)
                 | work_lengths(norm, metrics) | condition_bounds(norm, metrics))

        talks = integrity_talks(norm, metrics)
        standing = standing_figures(norm, metrics)
        refused: set[int] = set()

        def link(mi: int, ci: int, rule: str) -> None:
            if mi in talks and not measures_duty(camps[ci].name):
                return  # 开展廉政谈话86人次: an integrity campaign's work, not a study campaign's
            if mi in standing and not counts_for(camps[ci].name, standing[mi]) and not owns_standing(
                    rule, sdoc.meta.kind == "plan", mi in refused):
                refused.add(mi)
                return  # 全年完成港口货物吞吐量2860万吨: the sector's year, not the campaign's result
            if mi not in spans:
                links.setdefault((mi, camps[ci].name), (ci, rule))

        for sent_clauses in by_sentence.values():
            self._sentence_rules(sdoc, norm, sent_clauses, metrics, camps, link)
        span_rule(sdoc, norm, metrics, camps, link)
        # a metric its own sentence ties to a campaign is not also claimed by an item's
        # or a section's heading (第二，专项整治成效明显。…开展“打非治违”联合行动，查处…X辆)
        in_sentence = {mi for mi, _ in links}

        def wide_link(mi: int, ci: int, rule: str) -> None:
            if mi not in in_sentence:
                link(mi, ci, rule)

        area = area_statistics(sdoc, norm, metrics) | problem_statements(sdoc, norm, metrics)

        # a travel season heading an item or a section (（一）2025年春运…) is the time of its work, as in a
        # season's summary: the figures there are the period's, not one campaign's results
        def section_link(mi: int, ci: int, rule: str) -> None:
            if mi not in area and not is_season(camps[ci].name):
                wide_link(mi, ci, rule)

        def carried_link(mi: int, ci: int, rule: str) -> None:
            if mi not in area and not is_season(camps[ci].name):
                link(mi, ci, rule)

        # a campaign that only frames its clause (聚焦交通强国建设试点任务) gives no item its metrics either;
        # the span of its own work (专项行动期间，各地…, also a bare head told before) still titles the item
        framed = {ci for c in clauses if only_framed(norm, c.start, c.end, c.campaigns, camps)
                  and not self._work_period(sdoc, norm, c, camps, any_antecedent=True) for ci in c.campaigns}
        segment_rules(sdoc, norm, metrics, camps, section_link, carried_link, framed)
        section_rules(sdoc, metrics, camps, section_link)
        claimed: dict[int, set[str]] = {}
        for mi, name in links:
            claimed.setdefault(mi, set()).add(name)

        def document_link(mi: int, ci: int, rule: str) -> None:
            if mi not in claimed and mi not in area:
                link(mi, ci, rule)

        body_ends = {c.end for c in campaigns if c.label in ("AGENCY", "ORGANIZATION")}
        document_rule(sdoc, norm, metrics, camps, document_link, body_ends)
        stock: list[set[int]] = []  # found on the first plan link only: other documents need no stocks

        def plan_link(mi: int, ci: int, rule: str) -> None:
            if mi in claimed and not any(calendar_event(name) for name in claimed[mi]):
                return  # a task the text gives another work (三是开展“零碳公交”示范线创建，新开通…3条) is that work's
            if not stock:
                stock.append(stocks(sdoc, norm, metrics))
            if mi not in stock[0]:
                link(mi, ci, rule)

        plan_rule(sdoc, norm, metrics, camps, plan_link, self.lexicon)
        keep_named(norm, metrics, camps, links)

        out = []
        for (mi, _name), (ci, rule) in sorted(links.items(), key=lambda kv: (metrics[kv[0][0]].start, kv[0][1])):
            m, cm = metrics[mi], camps[ci]
            out.append(RelationMention(sdoc.name, "MEASURES", m, cm, self._evidence(sdoc, m, cm), rule))
        return out

    # -- structure
    def _clauses(self, sdoc: StructuredDocument, norm: str, protected: list[bool],
                 camp_starts: list[int]) -> list[_Clause]:
        """The clauses of the sentences in which a campaign starts (``camp_starts``, sorted)."""
        out = []
        sentences = sdoc.sentences or []
        if not sentences:  # no sentence split: one sentence per paragraph
            spans = [(p.start, p.end) for p in sdoc.paragraphs] or [(0, len(norm))]
        else:
            spans = [(s.start, s.end) for s in sentences]
        for si, (a, b) in enumerate(spans):
            first = bisect.bisect_left(camp_starts, a)
            if first == len(camp_starts) or camp_starts[first] >= b:
                continue  # no campaign: the sentence rules have nothing to link here
            for k, (c0, c1) in enumerate(clause_spans(norm, a, b, protected)):
                out.append(_Clause(c0, c1, si, k, [], []))
        return out

    @staticmethod
    def _is_frame(norm: str, c: _Clause) -> bool:
        text = norm[c.start:c.end]
        if c.campaigns or c.metrics:
            return False
        return (len(text) <= 14 and bool(FRAME_RE.match(text))) or TIME_CLAUSE_RE.fullmatch(text) is not None

    # -- rules inside one sentence
    def _sentence_rules(self, sdoc: StructuredDocument, norm: str, clauses: list[_Clause], metrics: list[MetricMention],
                        camps: list[Mention], link) -> None:
        item: list[_Clause] = []
        for c in clauses:  # 一是…；二是…: each item of a sentence is read on its own
            if item and ITEM_START_RE.match(norm, c.start, c.end):
                self._item_rules(norm, item, metrics, camps, link)
                item = []
            item.append(c)
        if item:
            self._item_rules(norm, item, metrics, camps, link)
        self._umbrella(sdoc, norm, clauses, metrics, camps, link)

    def _umbrella(self, sdoc: StructuredDocument, norm: str, clauses: list[_Clause], metrics: list[MetricMention],
                  camps: list[Mention], link) -> None:
        """A sentence opening with the campaigns its work belongs to (结合“安全生产月”活动，…; 在“安全生产月”
        活动中，…; 围绕“四好农村路”高质量发展，…): its metrics measure them too, past other campaigns."""
        k = next((k for k, c in enumerate(clauses) if not self._is_frame(norm, c)), None)
        if k is None or not clauses[k].campaigns or clauses[k].metrics:
            return
        c = clauses[k]
        if not UMBRELLA_RE.fullmatch(self._shape(norm, c, camps)) and not self._work_period(sdoc, norm, c, camps):
            return
        for later in clauses[k + 1:]:
            if later.metrics and joins_other_work(norm, later.start, metrics_start(later, norm), self._others):
                break
            for mi in later.metrics:
                for ci in c.campaigns:
                    link(mi, ci, "umbrella")

    @staticmethod
    def _shape(norm: str, c: _Clause, camps: list[Mention]) -> str:
        """The clause's text with each campaign as ``#`` and quotation marks removed."""
        cur, shape = c.start, []
        for ci in sorted(c.campaigns, key=lambda i: camps[i].start):
            shape.append(norm[cur:camps[ci].start])
            cur = max(cur, camps[ci].end)
        shape.append(norm[cur:c.end])
        return re.sub("[“”\"]", "", "#".join(shape))

    def _work_period(self, sdoc: StructuredDocument, norm: str, c: _Clause, camps: list[Mention],
                     any_antecedent: bool = False) -> bool:
        """A clause that only gives the span of its campaigns' own work (专项行动期间，…), not a season's.

        A bare head referring back must name a campaign of its own paragraph unless ``any_antecedent``
        (a paragraph opening with 专项行动期间 reports on the campaign told before it)."""
        if not c.campaigns or PERIOD_RE.fullmatch(self._shape(norm, c, camps)) is None:
            return False
        if any_antecedent:
            return not any(is_season(camps[ci].name) or is_season(camps[ci].text.strip("“”\"")) for ci in c.campaigns)
        return all(self._spans_work(sdoc, camps, ci) for ci in c.campaigns)

    @staticmethod
    def _spans_work(sdoc: StructuredDocument, camps: list[Mention], ci: int) -> bool:
        """Whether the span of campaign ``ci`` (…期间, …中) is the span of its work: not a travel season
        (春运期间), and a bare head referring back (专项整治中) only to a campaign its paragraph names."""
        cm = camps[ci]
        if is_season(cm.name) or is_season(cm.text.strip("“”\"")):
            return False
        if cm.rule != "anaphor":
            return True
        sent = sdoc.sentence_at(cm.start)
        floor = sdoc.paragraphs[sent.paragraph].start if sent is not None else cm.start
        j = ci - 1
        while j >= 0 and camps[j].start >= floor:
            if camps[j].name == cm.name and camps[j].rule != "anaphor":
                return True
            j -= 1
        return False

    def _item_rules(self, norm: str, clauses: list[_Clause], metrics: list[MetricMention],
                    camps: list[Mention], link) -> None:
        frames = [self._is_frame(norm, c) or only_framed(norm, c.start, c.end, c.campaigns, camps) for c in clauses]
        first = next((k for k, f in enumerate(frames) if not f), None)
        metric_before = False  # a metric in an earlier clause of the item
        opening = True  # no campaign clause before this one in the item
        for k, c in enumerate(clauses):
            if not c.campaigns or frames[k]:
                metric_before = metric_before or bool(c.metrics)
                continue
            ex_end = examples_end(norm, camps, c.campaigns)
            # after the 等 closing examples, metrics count the kind (等8项重点活动, 等宣传活动6场), not A or B
            kind = [mi for mi in c.metrics if ex_end is not None and metrics[mi].start >= ex_end]
            for mi in c.metrics:
                if mi not in kind:
                    for ci in c.campaigns:
                        link(mi, ci, "clause")
            # metrics after the campaign in its clause count the campaign itself (宣传活动10次)
            counted = [mi for mi in c.metrics
                       if metrics[mi].start >= min(camps[ci].end for ci in c.campaigns) and mi not in kind]
            reach: list[_Clause] = []
            rule = "run"
            item_open = k == first or (opening and not metric_before)  # the campaign the item opens with
            if kind:
                pass  # the clause counts the kind of work: what follows reports on the kind, not an example
            elif not counted and item_open:
                # the campaign the item opens with: the metrics after it report on it
                reach, rule = self._reach(norm, clauses[k + 1:], k == first), "intro"
            elif len(counted) == len(c.metrics) == 1 and SESSIONS_RE.fullmatch(metrics[counted[0]].text) and item_open:
                # the campaign the item opens with, counted in its sessions (开展宣讲活动6场): the clause right
                # after it counting people is its attendance (，培训从业人员460人次)
                nxt = clauses[k + 1] if k + 1 < len(clauses) else None
                if nxt is not None and any(HEADCOUNT_RE.search(metrics[mi].text)
                                           and ATTENDANCE_RE.search(norm, nxt.start, metrics[mi].start)
                                           for mi in nxt.metrics):
                    reach, rule = self._reach(norm, [nxt], False, leading=False), "count"
                else:  # its results: the run of metric clauses right after it (，检查在建项目51个次，…)
                    reach, rule = self._reach(norm, clauses[k + 1:], False, leading=False), "sessions"
                    reach = session_results(norm, reach, any(measures_duty(camps[ci].name) for ci in c.campaigns))
            elif not c.metrics:
                if ex_end is None:  # 开展“A”“B”等活动: the kind of work
                    reach = self._reach(norm, clauses[k + 1:], False, leading=False)
                if BREAKDOWN_RE.match(norm[c.start:c.end]) and k > 0:
                    for mi in clauses[k - 1].metrics:
                        for ci in c.campaigns:
                            link(mi, ci, "breakdown")
            else:
                lead = norm[c.start:min(camps[ci].start for ci in c.campaigns)]
                lead = FRAME_RE.sub("", lead).strip()
                if len(lead) <= 2 and not any(v in lead for v in CONDUCT_VERBS + RESULT_VERBS):
                    reach, rule = self._reach(norm, clauses[k + 1:], False, leading=False), "subject"
            for later in reach:
                for mi in later.metrics:
                    for ci in c.campaigns:
                        link(mi, ci, rule)
            metric_before = metric_before or bool(c.metrics)
            opening = False

    def _reach(self, norm: str, later: list[_Clause], across_gaps: bool, leading: bool = True) -> list[_Clause]:
        """The metric clauses after a campaign clause that report on it.

        A clause naming another campaign ends the reach, and so does a metric
        whose own clause joins other work (配合…开展廉政谈话12人次: it and what
        follows stay with that work). Clauses without a number may stand before the
        first metric clause (``leading``: 与…建立联勤联动机制，累计出动…); after
        it they end a run unless ``across_gaps`` (the opening campaign of an
        item governs all of it).
        """
        out: list[_Clause] = []
        for c in later:
            if c.campaigns:
                break
            if c.metrics:
                if joins_other_work(norm, c.start, metrics_start(c, norm), self._others) and (
                        out or not only_assists(norm, c.start, metrics_start(c, norm), self._others)):
                    break  # help given (配合…) before the campaign's first number is its work
                out.append(c)
            elif out and not across_gaps:
                break
            elif not out and not leading:
                break
        return out

    @staticmethod
    def _evidence(sdoc: StructuredDocument, m: MetricMention, c: Mention) -> Evidence:
        ev = m.evidence
        return Evidence(sdoc.name, min(m.start, c.start), max(m.end, c.end), ev.sentence, ev.sentence_start,
                        ev.section)


__all__ = ["MeasuresFinder"]
