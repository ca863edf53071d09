"""Graphs built by hand per kg/schema.py for the view tests (real sentences from data/corpus).

The extractor is not needed: views read only the graph.
"""

from __future__ import annotations

import networkx as nx

from kg.ids import stable_id
from kg.schema import LABEL_OF_TYPE, TYPE_OF_LABEL

PAYLOAD_SCRIPT = "</script><script>window.__pwned=1</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__pwned=1">'


class GraphMaker:
    """Adds schema-conforming nodes and edges to a MultiDiGraph."""

    def __init__(self) -> None:
        self.g = nx.MultiDiGraph(kg_schema="kg/2")
        self._sentences: dict[tuple[str, str], str] = {}

    def document(self, name: str, title: str, years: tuple[int, ...] = (2022,), author: str | None = None,
                 place: tuple[str | None, str | None, str | None, str | None, str | None] | None = None) -> str:
        """A Document node; ``place`` is (jurisdiction, province, city, county, adcode)."""
        did = stable_id("Document", name, "")
        jurisdiction, province, city, county, adcode = place or (None,) * 5
        self.g.add_node(did, id=did, label="Document", name=name, title=title, years=list(years), period="全年",
                        kind="report", author=author, jurisdiction=jurisdiction, province=province, city=city,
                        county=county, adcode=adcode, encoding="utf-8", format="txt", chars=1000,
                        sha256="0" * 64)
        return did

    def section(self, parent: str, doc: str, marker: str, title: str, level: int = 1) -> str:
        sid = stable_id("Section", f"{marker}{title}", f"doc:{doc}")
        ordinal = sum(1 for _, a in self.g.nodes(data=True) if a.get("label") == "Section")
        self.g.add_node(sid, id=sid, label="Section", name=f"{marker}{title}", doc=doc, level=level, marker=marker,
                        title=title, start=0, end=100, ordinal=ordinal)
        self.g.add_edge(parent, sid, type="HAS_SECTION")
        return sid

    def sentence(self, container: str, doc: str, text: str) -> str:
        """The Sentence node of ``text`` in ``doc``, PART_OF ``container`` (made on first use)."""
        if (doc, text) not in self._sentences:
            start = 1000 * len(self._sentences)
            sid = stable_id("Sentence", str(start), f"doc:{doc}")
            self.g.add_node(sid, id=sid, label="Sentence", doc=doc, start=start, end=start + len(text), page=None,
                            text=text)
            self.g.add_edge(sid, container, type="PART_OF")
            self._sentences[(doc, text)] = sid
        return self._sentences[(doc, text)]

    def entity(self, label: str, name: str, aliases: tuple[str, ...] = (), masked: bool = False,
               scope: str = "national") -> str:
        eid = stable_id(label, name, scope)
        if eid not in self.g:
            self.g.add_node(eid, id=eid, label=label, name=name, type=TYPE_OF_LABEL[label], scope=scope,
                            aliases=sorted({name, *aliases}), docs=[], mentions=0, masked=masked)
        return eid

    def mention(self, node: str, container: str, doc: str, sentence: str, text: str, start: int = 0) -> None:
        assert text in sentence, (text, sentence)
        a = self.g.nodes[node]
        if a["label"] in LABEL_OF_TYPE.values():
            a["mentions"] += 1
            a["docs"] = sorted(set(a["docs"]) | {doc})
        self.g.add_edge(node, self.sentence(container, doc, sentence), type="MENTIONED_IN", start=start,
                        end=start + len(text), text=text, name=a["name"], self_ref=False)

    def metric(self, container: str, doc: str, sentence: str, text: str, value: float | None, unit: str,
               masked: bool = False, indicator: str = "", kind: str = "level", period: str | None = "上半年",
               year: int | None = None, direction: str | None = None, base: str | None = None) -> str:
        """A Metric mentioned in ``sentence`` (its offsets: where ``text`` is in the sentence)."""
        start = self.g.nodes[self.sentence(container, doc, sentence)]["start"] + sentence.index(text)
        mid = stable_id("Metric", f"{start}:{text}", f"doc:{doc}")
        self.g.add_node(mid, id=mid, label="Metric", name=text, text=text, value=value, unit=unit,
                        indicator=indicator, kind=kind, masked=masked, period=period, year=year,
                        direction=direction, base=base, doc=doc, start=start, end=start + len(text))
        self.mention(mid, container, doc, sentence, text, start)
        return mid

    def indicator(self, name: str, dimension: str, unit: str) -> str:
        """An Indicator node (its aliases, documents and count grow with :meth:`of_indicator`)."""
        iid = stable_id("Indicator", f"{name}|{dimension}", "national")
        if iid not in self.g:
            self.g.add_node(iid, id=iid, label="Indicator", name=name, dimension=dimension, unit=unit,
                            aliases=[], docs=[], metrics=0)
        return iid

    def of_indicator(self, metric: str, indicator: str) -> None:
        m, i = self.g.nodes[metric], self.g.nodes[indicator]
        i["aliases"] = sorted(set(i["aliases"]) | {m["indicator"] or i["name"]})
        i["docs"] = sorted(set(i["docs"]) | {m["doc"]})
        i["metrics"] += 1
        self.g.add_edge(metric, indicator, type="OF_INDICATOR")

    def reported_by(self, metric: str, body: str, how: str = "subject") -> None:
        self.g.add_edge(metric, body, type="REPORTED_BY", how=how)

    def relation(self, rel: str, head: str, tail: str, doc: str, sentence: str, trigger: str) -> None:
        self.g.add_edge(head, tail, type=rel, doc=doc, start=0, end=len(sentence),
                        sentence=sentence, trigger=trigger, head_start=0, head_end=1, tail_start=2, tail_end=3)


S1 = "市交通运输综合执法支队扎实开展交通执法领域突出问题专项整治行动，全面落实行政执法“六项制度”，建立健全执法全过程记录系统。"
S1B = "我局持续推进专项整治，全面落实行政执法“六项制度”。"
S2 = "市交通运输局聚焦非法营运问题，在全市开展“大战一百天、打非保平安”专项行动，全面打击了非法营运行为。"
S3 = "我局与市公安交管局联合出台公路治超文件，扎实开展“路政宣传月”、公路限高设施等专项整治活动。"
S4 = "认真贯彻落实交通运输部《小微型客车租赁经营服务管理办法》，集中对全市小微客车租赁公司进行全面摸排。"
S5 = "截至6月底，共出动工作人员2911人次，排查道路运输经营业户622家次。"
S6 = "处理路政案件X起，拆除非公路标志X块。"
S7 = "组织开展“安全生产月”活动。"


def sample_graph(loose: bool = False) -> nx.MultiDiGraph:
    """Two documents, sections, agencies, campaigns, a regulation, metrics and every relation type.

    ``loose`` adds 安全生产月, a campaign of 002_sample.txt with no agency, regulation or metric: on the
    initiatives map it shares only a document with the others.
    """
    m = GraphMaker()
    d1, d2 = "001_sample.txt", "002_sample.txt"
    doc1 = m.document(d1, "2022年全省交通运输执法工作会议讲话")
    doc2 = m.document(d2, "市交通运输局2022年上半年工作总结")
    s1 = m.section(doc1, d1, "一、", "充分肯定2021年交通运输执法工作取得的成效")
    s11 = m.section(s1, d1, "（一）", "专项整治成效显著", level=2)
    s2 = m.section(doc2, d2, "一、", "上半年工作开展情况")
    s3 = m.section(doc2, d2, "二、", "下半年工作打算")
    bureau = m.entity("Agency", "市交通运输局", ("交通运输局", "我局"))
    police = m.entity("Agency", "市公安交管局")
    ministry = m.entity("Agency", "交通运输部")
    team = m.entity("Agency", "市交通运输综合执法支队", ("执法支队",))
    firms = m.entity("Organization", "小微客车租赁公司")
    c1 = m.entity("Campaign", "交通执法领域突出问题专项整治行动", ("专项整治",))
    c2 = m.entity("Campaign", "大战一百天、打非保平安专项行动")
    c3 = m.entity("Campaign", "路政宣传月")
    reg = m.entity("Regulation", "小微型客车租赁经营服务管理办法")
    m.mention(c1, s11, d1, S1, "交通执法领域突出问题专项整治行动", 10)
    m.mention(team, s11, d1, S1, "执法支队", 3)
    m.mention(c1, s2, d2, S1B, "专项整治", 30)
    m.mention(bureau, s2, d2, S1B, "我局", 31)
    m.mention(c2, s2, d2, S2, "大战一百天、打非保平安", 40)
    m.mention(bureau, s2, d2, S2, "市交通运输局", 41)
    m.mention(police, s3, d2, S3, "市公安交管局", 50)
    m.mention(c3, s3, d2, S3, "路政宣传月", 51)
    m.mention(bureau, s3, d2, S3, "我局", 52)
    m.mention(ministry, s2, d2, S4, "交通运输部", 60)
    m.mention(reg, s2, d2, S4, "小微型客车租赁经营服务管理办法", 61)
    m.mention(firms, s2, d2, S4, "小微客车租赁公司", 62)
    met1 = m.metric(s2, d2, S5, "2911人次", 2911.0, "人次")
    met2 = m.metric(s2, d2, S5, "622家次", 622.0, "家次")
    m.metric(s3, d2, S6, "X起", None, "起", masked=True)
    m.relation("CONDUCTS", team, c1, d1, S1, "开展")
    m.relation("CONDUCTS", bureau, c1, d2, S1B, "推进")
    m.relation("CONDUCTS", bureau, c2, d2, S2, "开展")
    m.relation("CONDUCTS", bureau, c3, d2, S3, "开展")
    m.relation("CONDUCTS", police, c3, d2, S3, "联合")
    m.relation("COOPERATES_WITH", bureau, police, d2, S3, "联合")
    m.relation("ISSUES", ministry, reg, d2, S4, "落实")
    m.relation("MEASURES", met1, c2, d2, S5, "出动")
    m.relation("MEASURES", met2, c2, d2, S5, "排查")
    m.relation("MEASURES", met2, c3, d2, S5, "排查")
    if loose:
        m.mention(m.entity("Campaign", "安全生产月"), s3, d2, S7, "安全生产月", 70)
    return m.g


def hostile_graph() -> nx.MultiDiGraph:
    """Script and onerror payloads in every kind of document string: names, aliases, titles, sentences."""
    m = GraphMaker()
    name = f"{PAYLOAD_SCRIPT}.txt"
    doc = m.document(name, f"标题{PAYLOAD_IMG}")
    sec = m.section(doc, name, "一、", f"章节{PAYLOAD_SCRIPT}")
    sentence = f"市交通运输局{PAYLOAD_IMG}开展{PAYLOAD_SCRIPT}专项行动<!--整治，出动X人次{PAYLOAD_IMG}。"
    agency = m.entity("Agency", f"市交通运输局{PAYLOAD_IMG}", (f"别名{PAYLOAD_SCRIPT}",))
    campaign = m.entity("Campaign", f"{PAYLOAD_SCRIPT}专项行动")
    other = m.entity("Campaign", f"<b onmouseover=\"window.__pwned=1\">整治</b>{PAYLOAD_IMG}")
    m.mention(agency, sec, name, sentence, f"市交通运输局{PAYLOAD_IMG}")
    m.mention(campaign, sec, name, sentence, f"{PAYLOAD_SCRIPT}专项行动")
    m.mention(other, sec, name, sentence, "整治")
    met = m.metric(sec, name, sentence, f"X人次{PAYLOAD_IMG}", None, f"人次{PAYLOAD_SCRIPT}", masked=True)
    m.relation("CONDUCTS", agency, campaign, name, sentence, f"开展{PAYLOAD_IMG}")
    m.relation("CONDUCTS", agency, other, name, sentence, "开展")
    m.relation("MEASURES", met, campaign, name, sentence, "出动")
    return m.g


#: documents of :func:`series_graph`: (name, title, years, author, (jurisdiction, province, city, county, adcode))
SERIES_DOCS = {
    "Y21": ("010_yingde_2021.txt", "英德市交通运输局2021年工作总结", (2021,), "英德市交通运输局",
            ("英德市", "广东省", "清远市", "英德市", "441881")),
    "Y22": ("011_yingde_2022h1.txt", "英德市交通运输局2022年上半年工作总结", (2022,), "英德市交通运输局",
            ("英德市", "广东省", "清远市", "英德市", "441881")),
    "Q22": ("012_qingyuan_2022.txt", "清远市交通运输局2022年工作总结", (2022,), "清远市交通运输局",
            ("清远市", "广东省", "清远市", None, "441800")),
    "S23": ("013_shiyan_2023h1.txt", "十堰市2023年上半年交通运输执法工作情况", (2023,), None,
            ("十堰市", "湖北省", "十堰市", None, "420300")),
}
#: the bodies of :func:`series_graph`: key -> (label, name, scope)
SERIES_BODIES = {
    "yd": ("Agency", "英德市交通运输局", "adcode:441881"),
    "qy": ("Agency", "清远市交通运输局", "adcode:441800"),
    "gl": ("Organization", "清远市公路事业发展中心", "adcode:441800"),
    "gd": ("Agency", "广东省交通运输厅", "adcode:440000"),
    "sy": ("Agency", "十堰市交通运输局", "adcode:420300"),
    "zd": ("Agency", "十堰市交通运输综合执法支队", "adcode:420300"),
    "ny": ("Agency", "南阳市交通运输局", "adcode:411300"),
}
#: the 50-point indicator: body -> document; five bodies, 2019-2023, 上半年 and 全年
FIFTY_BODIES = {"qy": "Q22", "gl": "Q22", "yd": "Q22", "sy": "S23", "zd": "S23"}


def series_graph() -> nx.MultiDiGraph:
    """Indicators over bodies, jurisdictions, years and periods, with masked points.

    - 查处违法案件 (cases, 宗): 8 metrics in 4 documents by 5 bodies (英德 twice in two documents, 清远, the
      province, 南阳 (a body outside the document's jurisdiction), and one with no reporting body), 4 of
      them masked; plus a change (同比增长30%) of 英德.
    - 检测货车 (vehicles, 辆): 50 points, 5 bodies x 2019-2023 x 上半年/全年 in 2 documents, every
      seventh masked.
    - 出动执法人员 (people, 人次): in one document only (no chart).
    - the campaign 治超专项行动 of 清远市交通运输局, measured by three metrics of two indicators.
    """
    m = GraphMaker()
    docs, secs = {}, {}
    for key, (name, title, years, author, place) in SERIES_DOCS.items():
        docs[key] = name
        secs[key] = m.section(m.document(name, title, years, author, place), name, "一、", "主要工作成效")
    aliases = {"yd": ("我局",), "zd": ("支队",)}
    bodies = {k: m.entity(label, name, aliases.get(k, ()), scope=scope)
              for k, (label, name, scope) in SERIES_BODIES.items()}
    cases = m.indicator("查处违法案件", "cases", "宗")
    trucks = m.indicator("检测货车", "vehicles", "辆")
    staff = m.indicator("出动执法人员", "people", "人次")
    campaign = m.entity("Campaign", "治超专项行动")

    def metric(doc: str, sentence: str, text: str, value: float | None, unit: str, indicator: str, phrase: str,
               year: int | None, period: str | None, body: str | None = None, how: str = "subject",
               **kw: object) -> str:
        mid = m.metric(secs[doc], docs[doc], sentence, text, value, unit, masked=value is None, indicator=phrase,
                       year=year, period=period, **kw)
        m.of_indicator(mid, indicator)
        if body:
            m.reported_by(mid, bodies[body], how)
            surface = "我局" if "我局" in sentence else SERIES_BODIES[body][1]
            if surface in sentence and not m.g.has_edge(bodies[body], m.sentence(secs[doc], docs[doc], sentence)):
                m.mention(bodies[body], secs[doc], docs[doc], sentence, surface)
        return mid

    s = "2021年，我局共查处违法案件156宗，同比增长30%。"
    metric("Y21", s, "156宗", 156.0, "宗", cases, "共查处违法案件", 2021, "全年", "yd")
    metric("Y21", s, "30%", 30.0, "%", cases, "查处违法案件同比增长", 2021, "全年", "yd", kind="change",
           direction="up", base="去年同期")
    metric("Y21", "2020年全年查处违法案件120宗。", "120宗", 120.0, "宗", cases, "查处违法案件", 2020, "全年", "yd",
           how="author")
    metric("Y21", "全年出动执法人员2911人次。", "2911人次", 2911.0, "人次", staff, "出动执法人员", 2021, "全年", "yd",
           how="author")
    metric("Y22", "上半年，我局查处违法案件X宗。", "X宗", None, "宗", cases, "查处违法案件", 2022, "上半年", "yd")
    s = "全年全市交通运输部门查处违法案件830宗，其中英德市交通运输局查处违法案件210宗。"
    c830 = metric("Q22", s, "830宗", 830.0, "宗", cases, "全市交通运输部门查处违法案件", 2022, "全年", "qy",
                  how="author")
    metric("Q22", s, "210宗", 210.0, "宗", cases, "英德市交通运输局查处违法案件", 2022, "全年", "yd")
    c21 = metric("Q22", "2021年清远市交通运输局查处违法案件X宗。", "X宗", None, "宗", cases, "查处违法案件", 2021,
                 "全年", "qy")
    metric("Q22", "广东省交通运输厅通报，全省查处违法案件XX宗。", "XX宗", None, "宗", cases, "全省查处违法案件",
           2022, "全年", "gd")
    metric("S23", "1-6月，全市查处违法案件95宗。", "95宗", 95.0, "宗", cases, "全市查处违法案件", 2023, "1-6月")
    metric("S23", "南阳市交通运输局来堰交流，介绍其查处违法案件X宗。", "X宗", None, "宗", cases, "查处违法案件", 2023,
           "上半年", "ny")
    i = 0
    trucks_2022 = None
    for body, doc in FIFTY_BODIES.items():
        name = SERIES_BODIES[body][1]
        for year in range(2019, 2024):
            for period in ("上半年", "全年"):
                value = None if i % 7 == 3 else float(1000 + 150 * i + (year - 2019) * 37)
                text = "X辆" if value is None else f"{value:g}辆"
                sentence = f"{year}年{period}，{name}共检测货车{text}。"
                mid = metric(doc, sentence, text, value, "辆", trucks, "共检测货车", year, period, body)
                if body == "qy" and year == 2022 and period == "全年":
                    trucks_2022 = mid
                i += 1
    s = "清远市交通运输局扎实开展治超专项行动。"
    m.mention(bodies["qy"], secs["Q22"], docs["Q22"], s, "清远市交通运输局")
    m.mention(campaign, secs["Q22"], docs["Q22"], s, "治超专项行动")
    m.relation("CONDUCTS", bodies["qy"], campaign, docs["Q22"], s, "开展")
    for mid in (c830, c21, trucks_2022):
        a = m.g.nodes[mid]
        sentence = next(m.g.nodes[v]["text"] for _, v, e in m.g.out_edges(mid, data=True)
                        if e["type"] == "MENTIONED_IN")
        m.relation("MEASURES", mid, campaign, a["doc"], sentence, "查处")
    return m.g


def hostile_indicator_graph() -> nx.MultiDiGraph:
    """An indicator in two documents whose names, aliases, periods, bodies and sentences carry payloads."""
    m = GraphMaker()
    ind = m.indicator(f"查处{PAYLOAD_SCRIPT}案件", "cases", f"宗{PAYLOAD_IMG}")
    body = m.entity("Agency", f"市交通运输局{PAYLOAD_IMG}", scope="doc:x")
    for n, year in ((1, 2021), (2, 2022)):
        name = f"{n}{PAYLOAD_SCRIPT}.txt"
        doc = m.document(name, f"标题{PAYLOAD_IMG}", (year,))
        sec = m.section(doc, name, "一、", "章节")
        sentence = f"市交通运输局{PAYLOAD_IMG}查处{PAYLOAD_SCRIPT}案件{n}2宗<!--，另X宗。"
        for text, value in ((f"{n}2宗", float(n * 10 + 2)), ("X宗", None)):
            mid = m.metric(sec, name, sentence, text, value, "宗", masked=value is None,
                           indicator=f"查处{PAYLOAD_SCRIPT}案件", period=f"全年{PAYLOAD_IMG}", year=year)
            m.of_indicator(mid, ind)
            m.reported_by(mid, body)
    return m.g
