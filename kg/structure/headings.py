"""Headings and the section tree.

Levels, as in :class:`kg.model.Section`: 1 ``一、``; 2 ``（一）`` / ``(一)``;
3 ``1.`` ``1、`` ``1．``; 4 ``（1）``; 5 enumerations inside paragraphs
(``一是…二是…`` or ``一要…二要…``, ``第一，…第二，…``, ``首先…其次…``). Matching runs on the
width-folded text (``（`` is ``(`` there), offsets are shared with the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ids import stable_id
from kg.model import Section
from kg.structure.segment import TERMINATORS, Span, protected_spans

CN_DIGITS = "一二三四五六七八九十"
_CN = f"[{CN_DIGITS}]"
#: Line-start markers of levels 1-4 (an optional Markdown ``#`` prefix is allowed).
_LINE_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    # not 一、二级公路 (a list of grades at a line start)
    (1, re.compile(rf"(?:#{{1,6}} *)?({_CN}{{1,3}}、)(?!{_CN}+[级类等档批期])")),
    (2, re.compile(rf"(?:#{{1,6}} *)?(\({_CN}{{1,3}}\)、?)")),
    (3, re.compile(r"(?:#{1,6} *)?(\d{1,2}(?:\.|、)(?![\d.]))")),
    (4, re.compile(r"(?:#{1,6} *)?(\(\d{1,2}\)、?)")),
)
#: Level-5 enumerators, at a paragraph start or after punctuation.
_ENUM = re.compile(
    rf"(?:^|(?<=[。;:!?,、]))[ ]*(?:(?P<shi>{_CN}{{1,2}})[是要]|第(?P<di>{_CN}{{1,2}})[,、]|(?P<seq>首先|其次|再次|最后)[,、]?)",
    re.MULTILINE,
)
#: A list marker opening a phrase or an item (一是, 第二, （三）, 四、, 5., ①) and the blanks after it.
LIST_MARK = re.compile(r"^(?:[一二三四五六七八九十]+[是要]|第[一二三四五六七八九十]+[,、]?|[(（][一二三四五六七八九十\d]{1,2}[)）]"
                       r"|[一二三四五六七八九十]{1,2}、|\d{1,2}[.、．](?!\d)|[①-⑳])\s*")
#: Longest heading title kept whole (line headings, enumerations); a longer lead sentence
#: is cut at its first clause boundary.
MAX_TITLE = 60
_TERMINATOR = re.compile(f"[{re.escape(''.join(sorted(TERMINATORS)))}]")
MAX_ENUM_TITLE = 40
_SEQ_NUMBER = {"首先": 1, "其次": 2, "再次": 3}


@dataclass(slots=True)
class Heading:
    """A heading found in the text, before the tree is built."""

    level: int
    start: int  # marker start
    marker_end: int
    title_start: int
    title_end: int
    number: int = 0
    family: str = ""  # enumeration family of level 5: shi | di | seq
    inline: bool = False  # level 5: the marker does not start its paragraph


def cn_number(s: str) -> int:
    """Value of a small Chinese numeral (一 .. 九十九)."""
    digits = {c: i + 1 for i, c in enumerate(CN_DIGITS[:9])}
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + digits.get(s[1:], 0)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return digits.get(tens, 0) * 10 + digits.get(ones, 0)
    return digits.get(s, 0)


def _lead_title(norm: str, start: int, end: int, limit: int = MAX_TITLE) -> tuple[int, int]:
    """Title span of a heading: the rest of the line, or its lead sentence when the line goes on."""
    while start < end and norm[start] == " ":
        start += 1
    protected = set()
    for o, c, _ in protected_spans(norm, start, end):
        protected.update(range(o + 1, c))
    stop = next((m.start() for m in _TERMINATOR.finditer(norm, start, end) if m.start() not in protected), end)
    if stop - start > limit:
        cut = next((i for i in range(start, start + limit) if norm[i] in ",:" and i not in protected), None)
        stop = cut if cut is not None else start + limit
    while stop > start and norm[stop - 1] in " ,:、":
        stop -= 1
    return start, stop


def line_heading(norm: str, para: Span) -> Heading | None:
    """The level 1-4 heading starting paragraph ``para``, if any."""
    for level, pattern in _LINE_MARKERS:
        m = pattern.match(norm, para.start, para.end)
        if m:
            ts, te = _lead_title(norm, m.end(), para.end)
            if te <= ts:
                return None  # a bare marker is not a heading
            return Heading(level, m.start(1), m.end(1), ts, te)
    return None


def enumerations(norm: str, para: Span, skip_to: int) -> list[Heading]:
    """Level-5 enumerator candidates in a paragraph (from ``skip_to`` on)."""
    found: list[Heading] = []
    for m in _ENUM.finditer(norm, skip_to, para.end):
        if m.group("shi"):
            family, number = "shi", cn_number(m.group("shi"))
            start = m.start("shi")
        elif m.group("di"):
            family, number = "di", cn_number(m.group("di"))
            start = m.start() + (len(m.group()) - len(m.group().lstrip(" ")))
        else:
            word = m.group("seq")
            family, number = "seq", _SEQ_NUMBER.get(word, -1)
            start = m.start("seq")
        found.append(Heading(5, start, m.end(), m.end(), m.end(), number, family, start != para.start))
    for k, h in enumerate(found):
        nxt = found[k + 1].start if k + 1 < len(found) else para.end
        ts, te = _lead_title(norm, h.marker_end, nxt, MAX_ENUM_TITLE)
        h.title_start, h.title_end = ts, te
    return found


def _valid_enumerations(heads: list[Heading]) -> list[Heading]:
    """Keep level-5 items that form runs 1, 2, 3 … (at least two) not broken by a higher heading.

    Lists that start at a paragraph start and lists that start inside a
    paragraph are two tracks, so a list nested in one item (``…有两点，一是…``)
    does not break the outer list; an item continues the run of its own track
    first, then the other one.
    """
    keep: list[Heading] = []
    runs: dict[bool, list[Heading]] = {False: [], True: []}

    def close(run: list[Heading]) -> None:
        if len(run) >= 2:
            keep.extend(run)
        run.clear()

    for h in heads:
        if h.level < 5:
            close(runs[False])
            close(runs[True])
            keep.append(h)
            continue
        # continue a run of the same kind of position first, else the other one
        for run in (runs[h.inline], runs[not h.inline]):
            last = run[-1] if run else None
            if last and h.family == last.family and (
                h.number == last.number + 1 or (h.family == "seq" and h.number == -1)
            ):
                if h.number == -1:
                    h.number = last.number + 1
                run.append(h)
                break
        else:
            if h.number == 1:
                close(runs[h.inline])
                runs[h.inline].append(h)
        # anything else (二是 with no 一是 before it, a stray 其次) is prose
    close(runs[False])
    close(runs[True])
    keep.sort(key=lambda h: h.start)
    return keep


def find_headings(norm: str, paragraphs: list[Span]) -> list[Heading]:
    """All headings of a document, in text order."""
    heads: list[Heading] = []
    for para in paragraphs:
        h = line_heading(norm, para)
        skip = para.start
        if h is not None:
            heads.append(h)
            skip = h.marker_end
        heads.extend(enumerations(norm, para, skip))
    return _valid_enumerations(heads)


def build_sections(text: str, doc: str, heads: list[Heading]) -> list[Section]:
    """Sections with parents and ``[start, end)`` ranges.

    A section runs from its marker to the next heading of the same or a
    higher level (trailing blanks trimmed), or to the end of the document.
    """
    sections: list[Section] = []
    stack: list[tuple[int, Section]] = []
    n = len(heads)
    for ordinal, h in enumerate(heads):
        end = len(text)
        for j in range(ordinal + 1, n):
            if heads[j].level <= h.level:
                end = heads[j].start
                break
        while end > h.start and text[end - 1] in " \t\n\u3000":
            end -= 1
        marker = text[h.start : h.marker_end].strip()
        title = text[h.title_start : h.title_end]
        while stack and stack[-1][0] >= h.level:
            stack.pop()
        parent = stack[-1][1].id if stack else None
        sid = stable_id("Section", f"{ordinal}:{marker}{title}", doc)
        sec = Section(sid, doc, h.level, marker, title, h.start, end, h.title_start, h.title_end, parent, ordinal)
        sections.append(sec)
        stack.append((h.level, sec))
    return sections
