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

    def document(self, name: str, title: str) -> str:
        did = stable_id("Document", name, "")
        self.g.add_node(did, id=did, label="Document", name=name, title=title, years=[2022], period="全年",
                        kind="report", author=None, jurisdiction=None, province=None, city=None, county=None,
                        adcode=None, encoding="utf-8", format="txt", chars=1000, sha256="0" * 64)
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

    def entity(self, label: str, name: str, aliases: tuple[str, ...] = (), masked: bool = False) -> str:
        eid = stable_id(label, name, "national")
        if eid not in self.g:
            self.g.add_node(eid, id=eid, label=label, name=name, type=TYPE_OF_LABEL[label], scope="national",
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
               masked: bool = False) -> str:
        mid = stable_id("Metric", text, f"doc:{doc}")
        self.g.add_node(mid, id=mid, label="Metric", name=text, text=text, value=value, unit=unit,
                        indicator="", kind="level", masked=masked, period="上半年", doc=doc, start=0,
                        end=len(text))
        self.mention(mid, container, doc, sentence, text)
        return mid

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
