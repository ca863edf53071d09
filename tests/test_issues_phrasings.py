"""A catalogue of the ways the genre states ISSUES and COOPERATES_WITH, run through the whole extraction.

Each case is a made-up sentence in a report of 湖州市交通运输局 with the relations it states
(and, for the non-issuing verbs, states none of). The entities come from the extraction itself, so a
case fails when either the entity rules or the relation frames miss the phrasing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import build_nlp, extract_document
from kg.ingest import read_document
from kg.structure import structure_document

AUTHOR = "湖州市交通运输局"
TITLE = f"{AUTHOR}2024年工作总结\n"
REG, PLAN, LAW = "湖州市公路养护管理办法", "湖州市治超工作方案", "浙江省公路养护管理办法"
POLICE, EMER = "市公安局", "市应急管理局"


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def relations(nlp, tmp_path: Path, sentence: str, rel: str) -> set[tuple[str, str]]:
    path = tmp_path / "doc.txt"
    path.write_text(TITLE + sentence + "\n", encoding="utf-8")
    ex = extract_document(structure_document(read_document(path, tmp_path)), nlp)
    return {(r.head.name, r.tail.name) for r in ex.relations if r.rel == rel}


ISSUING = [
    # the verbs of issuing, alone and compounded
    (f"我局印发《{REG}》。", {(AUTHOR, REG)}),
    (f"我局出台《{REG}》。", {(AUTHOR, REG)}),
    (f"我局研究制定《{REG}》。", {(AUTHOR, REG)}),
    (f"我局制定出台《{REG}》。", {(AUTHOR, REG)}),
    (f"我局印发实施《{REG}》。", {(AUTHOR, REG)}),
    (f"我局修订完善《{REG}》。", {(AUTHOR, REG)}),
    (f"我局结合实际，制定印发了《{REG}》。", {(AUTHOR, REG)}),
    (f"我局于3月印发了《{REG}》。", {(AUTHOR, REG)}),
    (f"我局起草并印发《{REG}》。", {(AUTHOR, REG)}),
    (f"我局制发《{REG}》。", {(AUTHOR, REG)}),
    (f"我局拟定《{REG}》。", {(AUTHOR, REG)}),
    (f"牵头起草《{REG}》。", {(AUTHOR, REG)}),
    (f"组织修订《{REG}》。", {(AUTHOR, REG)}),
    (f"编制完成《{REG}》。", {(AUTHOR, REG)}),
    # the title before a nominalised verb (the mention stops before 》)
    (f"完成《{REG}》编制工作。", {(AUTHOR, REG)}),
    (f"完成《{REG}》的编制。", {(AUTHOR, REG)}),
    (f"《{REG}》编制完成。", {(AUTHOR, REG)}),
    (f"《{REG}》正式印发实施。", {(AUTHOR, REG)}),
    (f"《{REG}》于5月正式出台。", {(AUTHOR, REG)}),
    (f"《{REG}》已印发实施。", {(AUTHOR, REG)}),
    (f"我局配合市司法局完成《{REG}》的起草调研工作。", set()),
    # 配合 B 修订《X》: B issues X, the subject only helps (issue 10, round 28)
    (f"我局配合{POLICE}修订《{REG}》。", {(POLICE, REG)}),
    # passive and attributive frames
    (f"《{REG}》由市交通运输局印发。", {("市交通运输局", REG)}),
    (f"市交通运输局印发的《{REG}》已正式施行。", {("市交通运输局", REG)}),
    (f"经市交通运输局研究，印发《{REG}》。", {(AUTHOR, REG)}),
    # a body with unnamed co-issuers, coordinated bodies before a bare title
    (f"交通运输部等九部门《{LAW}》印发以来，我局认真落实。", {("交通运输部", LAW)}),
    (f"根据交通运输部等部门印发的《{LAW}》，制定本方案。", {("交通运输部", LAW)}),
    (f"按照县委、县政府《{LAW}》要求，我局认真履职。", {("县委", LAW), ("县政府", LAW)}),
    # joint issuers
    (f"市交通运输局联合市公安局印发《{PLAN}》。", {("市交通运输局", PLAN), (POLICE, PLAN)}),
    (f"市交通运输局会同市公安局制定《{PLAN}》。", {("市交通运输局", PLAN), (POLICE, PLAN)}),
    (f"市交通运输局、市公安局联合印发《{PLAN}》。", {("市交通运输局", PLAN), (POLICE, PLAN)}),
    (f"市交通运输局与市公安局联合出台了《{PLAN}》。", {("市交通运输局", PLAN), (POLICE, PLAN)}),
    # coordinated titles, and a count closing the list
    (f"今年以来，出台了《{REG}》《{PLAN}》等3项制度。", {(AUTHOR, REG), (AUTHOR, PLAN)}),
    (f"制定《{REG}》和《{PLAN}》。", {(AUTHOR, REG), (AUTHOR, PLAN)}),
    (f"印发《{REG}》及《{PLAN}》。", {(AUTHOR, REG), (AUTHOR, PLAN)}),
    (f"印发《{REG}》以及《{PLAN}》。", {(AUTHOR, REG), (AUTHOR, PLAN)}),
    (f"印发《{REG}》、《{PLAN}》。", {(AUTHOR, REG), (AUTHOR, PLAN)}),
    (f"先后制定了《{REG}》《{PLAN}》。", {(AUTHOR, REG), (AUTHOR, PLAN)}),
    # verbs that apply, relay or cite a title issue nothing
    (f"转发《{LAW}》。", set()),
    (f"认真学习《{LAW}》。", set()),
    (f"宣贯《{LAW}》。", set()),
    (f"贯彻落实《{LAW}》。", set()),
    (f"依据《{LAW}》开展执法。", set()),
    (f"按照《{LAW}》要求，加强养护。", set()),
    (f"根据《{LAW}》要求，加强养护。", set()),
    (f"对照《{LAW}》，逐项整改。", set()),
    (f"《{LAW}》明确规定了养护责任。", set()),
    (f"传达学习《{LAW}》。", set()),
    # a quoted rule set after the notice that demands it: the notice, not the rules, is what was issued
    ("我局印发通知要求各单位严格执行“十不准”规定。", set()),
    # the last title of a list its basis opens, right before 制定: the basis of what is made, not made here
    (f"本办法依据《{LAW}》《{PLAN}》和《{REG}》制定。", set()),
]


@pytest.mark.parametrize("sentence, expected", ISSUING, ids=[s for s, _ in ISSUING])
def test_issues_phrasing(nlp, tmp_path, sentence, expected):
    assert relations(nlp, tmp_path, sentence, "ISSUES") == expected


COOPERATING = [
    ("市交通运输局联动市公安局开展夜查。", {("市交通运输局", POLICE)}),
    ("市交通运输局与市公安局形成工作合力，开展联合执法。", {("市交通运输局", POLICE)}),
    ("市交通运输局同市公安局一道开展检查。", {("市交通运输局", POLICE)}),
    ("市交通运输局配合市公安局开展联合执法。", {("市交通运输局", POLICE)}),
    ("市交通运输局会同市公安局开展联合执法。", {("市交通运输局", POLICE)}),
    ("市交通运输局携手市公安局开展联合执法。", {("市交通运输局", POLICE)}),
    ("市交通运输局协同市公安局开展联合执法。", {("市交通运输局", POLICE)}),
    ("市交通运输局与市公安局签订合作协议。", {("市交通运输局", POLICE)}),
    ("市交通运输局与市公安局建立联合执法机制。", {("市交通运输局", POLICE)}),
    ("市交通运输局与市公安局共同开展联合执法。", {("市交通运输局", POLICE)}),
    ("市交通运输局、市公安局协作开展联合执法。", {("市交通运输局", POLICE)}),
    ("我局与市公安局密切配合，查处违法车辆10辆。", {(AUTHOR, POLICE)}),
    ("我局与市公安局建立了信息共享机制。", {(AUTHOR, POLICE)}),
    ("我局与市公安局联合执法。", {(AUTHOR, POLICE)}),
    (f"我局会同市公安局、{EMER}开展联合检查。", {(AUTHOR, POLICE), (AUTHOR, EMER)}),
    (f"我局牵头，市公安局、{EMER}配合，开展联合检查。", {(AUTHOR, POLICE), (AUTHOR, EMER)}),
    # 在 B 的配合下，A…: the one acting works with B (not 在 B 的指导下)
    ("在市公安局的配合下，我局查处违法车辆10辆。", {(AUTHOR, POLICE)}),
    (f"在市公安局、{EMER}的大力配合下，市交通运输局查处违法车辆10辆。",
     {("市交通运输局", POLICE), ("市交通运输局", EMER)}),
    ("在市公安局配合下，扎实开展“护学通道”创建。", {(AUTHOR, POLICE)}),
    ("在省交通运输厅的指导下，我局查处违法车辆10辆。", set()),
]


@pytest.mark.parametrize("sentence, expected", COOPERATING, ids=[s for s, _ in COOPERATING])
def test_cooperates_phrasing(nlp, tmp_path, sentence, expected):
    assert relations(nlp, tmp_path, sentence, "COOPERATES_WITH") == expected


def test_issuing_a_notice_on_carrying_out_a_campaign_carries_it_out(nlp, tmp_path):
    camp = "平安交通专项行动"
    issued = ("市公路中心下发《关于开展2024年“平安交通”专项行动的通知》，部署专项整治。"
              "“平安交通”专项行动共排查隐患10处。")
    assert ("市公路中心", camp) in relations(nlp, tmp_path, issued, "CONDUCTS")
    titled = "会议印发了《湖州市交通运输局关于开展“平安交通”专项行动的实施方案》。“平安交通”专项行动效果明显。"
    assert (AUTHOR, camp) in relations(nlp, tmp_path, titled, "CONDUCTS")
    # another's notice, only cited, is not carried out by its issuer
    cited = ("按照省交通运输厅《关于开展“平安交通”专项行动的通知》要求，市公路中心排查隐患。"
             "“平安交通”专项行动效果明显。")
    assert ("省交通运输厅", camp) not in relations(nlp, tmp_path, cited, "CONDUCTS")
