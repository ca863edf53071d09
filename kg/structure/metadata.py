"""Document metadata from the text: title, years, period and kind (a title the file states comes first)."""

from __future__ import annotations

import re

from kg.structure.headings import line_heading
from kg.structure.segment import Span

#: A title line is at most this long and has no sentence punctuation.
MAX_TITLE_LINE = 60
SUMMARY_CHARS = 30
_CN_YEAR_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "o": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
                   "六": 6, "七": 7, "八": 8, "九": 9}
#: 2021年, 2023上半年, 2021-2023年: a year not after a digit or a dot, or a second year after a joiner. Each
#: branch starts with characters it consumes (not a look-behind), so the search skips to them.
_ARABIC_YEAR = re.compile(r"(20\d{2})(?<![\d.]\d{4})(?=\s*(?:年|上半年|下半年|[-—–~至]\s*20\d{2}))|[-—–~至]\s*(20\d{2})(?=年)")
_CN_YEAR = re.compile(r"([〇○零Oo一二三四五六七八九]{4})年")
_PERIODS = (
    ("前三季度", "前三季度"), ("第一季度", "一季度"), ("第二季度", "二季度"), ("第三季度", "三季度"),
    ("第四季度", "四季度"), ("一季度", "一季度"), ("二季度", "二季度"), ("三季度", "三季度"),
    ("四季度", "四季度"), ("上半年", "上半年"), ("下半年", "下半年"), ("全年", "全年"), ("年度", "全年"),
    ("一年来", "全年"),
)
_PERIOD_RE = re.compile("|".join(p for p, _ in _PERIODS))
_PERIOD_OF = dict(_PERIODS)
_MEETING = re.compile(r"召开(?:了)?(?:[^,。;、]{0,12}?方式召开)?([^,。;、:]{2,40}?(?:会议|大会|座谈会|推进会|动员会|讲评会))")
_SPEECH_TITLE = re.compile(r"讲话|致辞|发言|报告会")
_SALUTATIONS = ("同志们", "各位", "大家好", "尊敬的")


def title_line(norm: str, paragraphs: list[Span]) -> Span | None:
    """The first paragraph when it looks like a title: short, no sentence punctuation, not a heading."""
    if not paragraphs:
        return None
    p = paragraphs[0]
    line = norm[p.start : p.end].lstrip("# ")
    if not line or len(line) > MAX_TITLE_LINE or re.search(r"[。;!?:,]$|[。;!?]", line):
        return None
    if line.startswith(_SALUTATIONS) or line_heading(norm, p) is not None:
        return None
    return p


def page_title_line(text: str, paragraphs: list[Span], title: str | None) -> Span | None:
    """The first paragraph when it is the title the file states (a web page's headline)."""
    if not title or not paragraphs:
        return None
    p = paragraphs[0]
    return p if text[p.start : p.end].strip() == title.strip() else None


def _is_salutation(line: str) -> bool:
    """``同志们：`` or ``各位领导、同志们：`` on a line of its own."""
    return line.startswith(_SALUTATIONS) and len(line) <= 40 and "。" not in line


def summary_title(text: str, norm: str, paragraphs: list[Span], speech: bool) -> str:
    """A title for a document without a title line.

    For a speech that says which meeting it opens, ``在<会议>上的讲话``;
    otherwise its first sentence, cut to :data:`SUMMARY_CHARS` characters.
    """
    head = norm[: paragraphs[min(2, len(paragraphs) - 1)].end] if paragraphs else ""
    if speech and (m := _MEETING.search(head)):
        return f"在{text[m.start(1) : m.end(1)]}上的讲话"
    for p in paragraphs:
        line = text[p.start : p.end]
        if _is_salutation(norm[p.start : p.end]):
            continue
        first = re.split(r"(?<=[。！？；!?;])", line, maxsplit=1)[0].strip()
        return first if len(first) <= SUMMARY_CHARS else first[:SUMMARY_CHARS] + "…"
    return ""


def years(norm: str) -> list[int]:
    """Years the text names: 2021年, 2023上半年, 2021-2023年, 二〇二一年 (sorted, unique)."""
    found = {int(a or b) for a, b in _ARABIC_YEAR.findall(norm)}
    for digits in _CN_YEAR.findall(norm):
        value = int("".join(str(_CN_YEAR_DIGITS[c]) for c in digits))
        if 1949 <= value <= 2099:
            found.add(value)
    return sorted(found)


def period(title: str | None, opening: str) -> str | None:
    """The period a document covers, when its title or opening paragraph states it."""
    for source in (title or "", opening):
        m = _PERIOD_RE.search(source)
        if m:
            return _PERIOD_OF[m.group()]
    return None


def kind(title: str | None, opening: str, period_: str | None) -> str:
    """``speech`` | ``half_year_summary`` | ``annual_report`` | ``plan`` | ``report``."""
    t = title or ""
    if _SPEECH_TITLE.search(t) or re.search(r"同志们|各位领导|各位同志|各位代表", opening[:40]):
        return "speech"
    if re.search(r"(?:上|下)?半年(?:工作)?(?:总结|情况|报告)", t) or (not t and re.search(r"半年(?:工作)?总结", opening)):
        return "half_year_summary"
    if re.search(r"(?:年度|全年|\d{4}年|年)(?:工作)?(?:总结|报告)", t):
        return "annual_report"
    if re.search(r"计划|规划|要点|方案|通知$", t):
        return "plan"
    if not t and (period_ == "全年" or re.match(r"\s*(?:一年来|过去的?一年)", opening)):
        return "annual_report"
    return "report"
