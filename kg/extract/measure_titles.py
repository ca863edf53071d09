"""The title of a report or a plan: which paragraph it is, and where a campaign's name in it opens.

A title may stand on the line below the issuing body's (商洛市公路事业发展中心 above 关于…行动工作总结;
包头市…支队 above 关于开展…行动的实施方案): :func:`title_paragraph`. A campaign mention right after other
words of a title, not opening it, is a cut-off name (关于全市物流降本|增效专项行动…的报告): :func:`opens_name`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.lexicon import Lexicon
from kg.model import Mention, Paragraph, StructuredDocument
from kg.structure import metadata
from kg.structure.author import HEADS as BODY_HEADS
from kg.structure.metadata import MAX_TITLE_LINE

#: what ends a sentence: a title line holds none
SENTENCE_END = re.compile(r"[。；;！？!?\n]")
#: the last word of a report's title (…工作总结, …情况的报告, …情况的通报)
_REPORT_TAILS = r"总结|简报|汇报|通报|报告"
#: after the campaign of a title: the report is that campaign's own account of its work, of a stage of it too
#: (…专项整治阶段性工作总结, …“打非治违”专项行动工作总结, …专项整治工作简报, …专项整治情况的通报, …专项整治成果, …“金通工程”建设情况的报告)
REPORT_OF_RE = re.compile(rf"”?(?:的)?(?:阶段性?)?(?:工作)?(?:开展|推进|实施|进展|建设)?(?:情况)?(?:的)?(?:{_REPORT_TAILS}|成果)")
#: after the campaign of a plan's title: what makes the plan that campaign's (…百日行动实施方案,
#: or the notice launching it: 关于开展…专项整治行动的通知)
PLAN_OF_RE = re.compile(r"”?(?:的)?(?:(?:专项)?(?:实施|工作|行动|活动)?方案|通知)")
#: before a campaign's name in a plan's title: where the name opens by its words (the title's start, 关于开展…,
#: 《…, “…, a year); after a place or a body see :func:`plan_name_opens`
PLAN_NAME_OPEN_RE = re.compile(r"(?:^|关于|开展|实施|印发|[《“\s]|\d{4}年度?)$")
#: vocabularies whose words a level inside them does not end (城市公交, 市场监管)
_WORD_KINDS = ("domain", "stems", "generic", "words")


def plan_name_opens(title: str, k: int, lexicon: Lexicon) -> bool:
    """Whether a campaign's name may open at ``k`` of a plan's title.

    It opens where :data:`PLAN_NAME_OPEN_RE` ends, after a body's head
    (《省交通运输厅|平安工地建设实施方案》) or a place of the gazetteer, or after a
    level that no known word runs over (《绥化市|…行动方案》, 《甲镇|…》; not the 市 of
    城市公交).

    Parameters
    ----------
    title : str
        The plan's name (or the title line).
    k : int
        Where the campaign's name starts in ``title``.
    lexicon : Lexicon
        The document's dictionaries: head nouns, places, levels and words.

    Returns
    -------
    bool
        True when the name opens at ``k``.
    """
    if PLAN_NAME_OPEN_RE.search(title, 0, k):
        return True
    lx = lexicon
    if lx.trie("agency_heads").longest_ending_at(title, k) or lx.trie("places").longest_ending_at(title, k):
        return True
    # 城市公交: the level is inside a word
    return k > 0 and title[k - 1] in lx.levels and not lx.in_word(title, k - 1, longest=7, kinds=_WORD_KINDS)


#: the end of a report's title line
REPORT_TAIL_RE = re.compile(rf"(?:{_REPORT_TAILS})$")
#: before the campaign of a report's title: where its name can open (关于…, 2026年…, 全市…; or after the
#: body's name: …支队“护航”专项行动工作总结); a mention right after other words, not opening
#: with a quote (…通报“两客一危”…专项整治成果), is a cut-off name (关于全市物流降本|增效专项行动…的报告;
#: 关于全市青年|文明号创建活动…: a word's last character is no opening)
TITLE_OPEN_RE = re.compile(r"(?:关于|开展|\d{4}年度?|全[市省县区州国]|[“”《]|\s)$")


def opens_name(norm: str, title_start: int, pos: int, body_ends: frozenset[int] | set[int] = frozenset()) -> bool:
    """Whether a campaign mention at ``pos`` of a title opens its name.

    Parameters
    ----------
    norm : str
        The width-folded text.
    title_start : int
        Where the title starts.
    pos : int
        Where the mention starts.
    body_ends : set of int, optional
        Where the mentions of bodies end.

    Returns
    -------
    bool
        True at the title's start, with a quote, right after a body's name or after :data:`TITLE_OPEN_RE`.
    """
    return (pos == title_start or norm[pos] in "“《" or pos in body_ends
            or TITLE_OPEN_RE.search(norm, title_start, pos) is not None)


def title_paragraph(sdoc: StructuredDocument, line_ok: Callable[[str], bool]) -> Paragraph | None:
    """The title paragraph: the first paragraph when it is the document's title, or the line after it when the
    first line is only the issuing body's name (the author's, or a name ending in a body's head: 商洛市公路事业发展中心)
    and that line is a title ``line_ok`` accepts.

    Parameters
    ----------
    sdoc : StructuredDocument
    line_ok : callable
        Whether the second line (stripped, width-folded) is the kind of title wanted.

    Returns
    -------
    Paragraph or None
        None when the first paragraph is not the document's title.
    """
    paras = sdoc.paragraphs
    title = (sdoc.meta.title or "").strip()
    if not paras or sdoc.source.text[paras[0].start:paras[0].end].strip() != title:
        return None
    issuer = title.endswith(BODY_HEADS) or (sdoc.meta.author is not None and title == sdoc.meta.author.strip())
    if len(paras) >= 2 and issuer:
        line = sdoc.source.norm[paras[1].start:paras[1].end].strip()
        if len(line) <= MAX_TITLE_LINE and not SENTENCE_END.search(line) and line_ok(line):
            return paras[1]
    return paras[0]


def report_title_paragraph(sdoc: StructuredDocument) -> Paragraph | None:
    """The title paragraph of a report (:func:`title_paragraph` with a line ending in :data:`REPORT_TAIL_RE`).

    Parameters
    ----------
    sdoc : StructuredDocument

    Returns
    -------
    Paragraph or None
    """
    return title_paragraph(sdoc, lambda line: REPORT_TAIL_RE.search(line) is not None)


def plan_title_paragraph(sdoc: StructuredDocument) -> Paragraph | None:
    """The title paragraph of a plan: the first paragraph in a plan, else the line below the issuing body's
    name when it is a plan's title (包头市…支队 above 关于开展…行动的实施方案).

    Parameters
    ----------
    sdoc : StructuredDocument

    Returns
    -------
    Paragraph or None
        None when the document is no plan and has no plan's title below its first line.
    """
    paras = sdoc.paragraphs
    if sdoc.meta.kind == "plan":
        return title_paragraph(sdoc, lambda line: False)
    p = title_paragraph(sdoc, lambda line: metadata.kind(line, "", None) == "plan")
    return p if p is not None and p is not paras[0] else None


#: the head of a drive bounded in time (专项整治, 提升行动, 学习教育): a report 关于 such a drive is its
#: account (…关于船舶碰撞桥梁隐患专项整治进展情况的报告), one 关于 a standing system or a field of work
#: is not (关于路长制工作推进情况的报告)
DRIVE_HEAD_RE = re.compile(r"(?:行动|整治|整顿|工程|活动|教育|检查|攻坚|竞赛|评选)$")


#: quotation marks of any kind around a campaign's core (“金通工程”, 「金通工程」, "金通工程")
_QUOTE_MARKS = "“”「」『』‘’\""
#: the quoted core of a campaign's name (农村客运“金通工程” -> 金通工程)
_QUOTED_RE = re.compile(f"[{_QUOTE_MARKS}]([^{_QUOTE_MARKS}]{{2,}})(?:[{_QUOTE_MARKS}]|$)")


def takes_up(title: Mention, later: Mention) -> bool:
    """Whether ``later`` takes up the campaign of a report's title.

    By its name, a fuller one, or, for a drive bounded in time (:data:`DRIVE_HEAD_RE`), the quoted core
    of the title's name alone (农村客运“金通工程” in the title, “金通工程” or 「金通工程」 in the body); a
    standing creation told by its core (“平安交通”创建工作总结) is the frame of a year's work, not a drive
    whose results all figures are.

    Parameters
    ----------
    title : Mention
        The campaign mention of the report's title.
    later : Mention
        A campaign mention of the body.

    Returns
    -------
    bool
    """
    if title.name in later.name:
        return True
    if not DRIVE_HEAD_RE.search(title.name):
        return False
    core = _QUOTED_RE.search(title.text)
    return core is not None and re.search(f"[{_QUOTE_MARKS}]{re.escape(core.group(1))}[{_QUOTE_MARKS}]",
                                          later.text) is not None


__all__ = ["DRIVE_HEAD_RE", "PLAN_NAME_OPEN_RE", "PLAN_OF_RE", "REPORT_OF_RE", "REPORT_TAIL_RE", "SENTENCE_END",
           "TITLE_OPEN_RE", "opens_name", "plan_name_opens", "plan_title_paragraph",
           "report_title_paragraph", "takes_up", "title_paragraph"]
