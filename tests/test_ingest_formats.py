"""PDF, .doc, web pages and Big5: files the tests make, read and built like their .txt twins."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest

from kg.ingest import decode_bytes, read_corpus, read_document
from kg.ingest.office import NOT_INSTALLED, convert_to_docx, soffice
from kg.ingest.pdf import NO_TEXT_LAYER
from kg.ingest.reader import IngestError
from kg.ingest.extracted import FormatError
from kg.ingest.formats import HTML_FALLBACK
from kg.ingest.scan import scan_corpus
from kg.model import SourceDocument
from kg.pipeline import build
from kg.structure import structure_document

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
DOC = CORPUS / "004_05378b4c232db4bf.txt"
HEADER = "英德市交通运输局文件"
ENTITY_TYPES = {"AGENCY", "ORGANIZATION", "CAMPAIGN", "REGULATION"}


def _lines(text: str) -> list[str]:
    """Non-blank lines with every space removed (a PDF loses a space where a line wraps)."""
    return ["".join(line.split()) for line in text.split("\n") if line.strip()]


def _records(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()]


def _entities(out: Path) -> set[tuple[str, str]]:
    return {(r["type"], r["name"]) for r in _records(out) if r["type"] in ENTITY_TYPES}


def _build_one(tmp_path: Path, name: str, data: bytes) -> Path:
    corpus = tmp_path / f"corpus-{name}"
    corpus.mkdir()
    (corpus / name).write_bytes(data)
    out = tmp_path / f"out-{name}"
    build(corpus, out, store=False, views=False, workers=1)
    return out


# ------------------------------------------------------------------------ PDF
def make_pdf(path: Path, paragraphs: list[str]) -> None:
    """A Chinese A4 report: wrapped, indented paragraphs; a running header with the page number at the top
    right and a page-number footer on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=18, firstLineIndent=24,
                           wordWrap="CJK")

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        canvas.drawString(72, A4[1] - 40, HEADER)
        canvas.drawRightString(A4[0] - 72, A4[1] - 40, f"第{doc.page}页")
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph(escape(p), style) for p in paragraphs], onFirstPage=decorate, onLaterPages=decorate)


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    make_pdf(path, [line for line in DOC.read_text(encoding="utf-8").split("\n") if line.strip()])
    return path


def test_pdf_text_has_the_report_without_headers_footers_and_page_numbers(report_pdf: Path) -> None:
    doc = read_document(report_pdf, report_pdf.parent)
    assert doc.format == "pdf" and not doc.warnings
    assert len(doc.pages) > 2 and doc.pages[0] == 0 and doc.pages == sorted(doc.pages)
    # the paragraphs of the .txt, one per line, in order: the wrapped lines are joined again
    assert _lines(doc.text) == _lines(DOC.read_text(encoding="utf-8"))
    assert HEADER not in doc.text and "- 2 -" not in doc.text and "第2页" not in doc.text


def test_pdf_page_of_an_offset(report_pdf: Path) -> None:
    import pypdfium2 as pdfium

    doc = read_document(report_pdf, report_pdf.parent)
    pdf = pdfium.PdfDocument(report_pdf)
    try:
        for number in range(1, len(pdf) + 1):
            raw = pdf[number - 1].get_textpage().get_text_range()
            body = [line for line in raw.split("\r\n") if len(line) > 30]  # wrapped body lines, not the edges
            for line in (body[0], body[-1]):
                snippet = line[5:25]
                at = doc.text.index(snippet)
                assert doc.text.count(snippet) == 1
                assert doc.page_at(at) == number, snippet
    finally:
        pdf.close()
    assert doc.page_at(-1) is None and doc.page_at(len(doc.text)) is None
    assert doc.page_at(len(doc.text) - 1) == len(doc.pages)
    txt = read_document(DOC, CORPUS)
    assert txt.pages == [] and txt.page_at(0) is None


def test_pdf_gives_the_entities_of_its_text(report_pdf: Path, tmp_path: Path) -> None:
    pdf_out = _build_one(tmp_path, "report.pdf", report_pdf.read_bytes())
    txt_out = _build_one(tmp_path, "report.txt", DOC.read_bytes())
    assert _entities(pdf_out) and _entities(pdf_out) == _entities(txt_out)


def _image_pdf(path: Path, pages: list[str | None]) -> None:
    """Pages of a scan (an image only) or, where a string is given, of text."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    image = Image.new("L", (400, 560), 255)
    for y in range(40, 520, 24):
        image.paste(0, (40, y, 360, y + 10))  # lines of "print"
    for text in pages:
        if text is None:
            c.drawImage(ImageReader(image), 50, 100, width=400, height=560)
        else:
            c.setFont("STSong-Light", 12)
            c.drawString(72, 700, text)
        c.showPage()
    c.save()


def test_scanned_pdf_is_one_warning_line_and_the_build_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _image_pdf(corpus / "scan.pdf", [None, None])
    shutil.copy(DOC, corpus / "report.txt")
    with pytest.raises(IngestError, match="no text layer"):
        read_document(corpus / "scan.pdf", corpus)
    result = build(corpus, tmp_path / "out", store=False, views=False, workers=1)
    assert result.summary["documents"] == 1 and result.summary["documents_failed"] == 1
    assert result.warnings == [f"scan.pdf: {NO_TEXT_LAYER}"]


def test_pdf_with_a_scanned_page_warns_which(tmp_path: Path) -> None:
    _image_pdf(tmp_path / "mixed.pdf", ["英德市交通运输局工作总结", None, "一、主要工作情况"])
    doc = read_document(tmp_path / "mixed.pdf", tmp_path)
    assert doc.text == "英德市交通运输局工作总结\n一、主要工作情况"
    assert doc.warnings == ["no text layer on page 2 (scanned?); its text is missing"]
    assert [doc.page_at(0), doc.page_at(doc.text.index("一、"))] == [1, 3]


def test_page_numbers_in_any_form_are_dropped(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(tmp_path / "numbers.pdf"))
    # short lines of different lengths: none reaches a right margin, so none is taken for wrapped text
    lines = [line[:8 + 2 * i] for i, line in enumerate(x for x in DOC.read_text(encoding="utf-8").split("\n")
                                                         if len(x) > 40)][:12]
    footers = ["1/4", "第2页 共4页", "— 3 —", "Page 4 of 4"]  # each form once: no repetition to go by
    for n, footer in enumerate(footers):
        c.setFont("STSong-Light", 12)
        for k in range(3):
            c.drawString(72, 700 - 18 * k, lines[3 * n + k])
        c.drawCentredString(300, 40, footer)
        c.showPage()
    c.save()
    doc = read_document(tmp_path / "numbers.pdf", tmp_path)
    assert doc.text.split("\n") == lines


def test_encrypted_and_corrupt_pdfs_are_one_line_each(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "locked.pdf"), encrypt=pdfencrypt.StandardEncryption("secret"))
    c.drawString(72, 700, "report")
    c.save()
    good = tmp_path / "cut.pdf"
    _image_pdf(good, ["英德市交通运输局"])
    good.write_bytes(good.read_bytes()[:300])
    # characters a font maps to private-use code points only: text in no known script
    _image_pdf(tmp_path / "garbled.pdf", ["".join(chr(0xE000 + i) for i in range(30)), "交通"])
    problems = {p.name: p.line() for p in read_corpus(tmp_path) if not isinstance(p, SourceDocument)}
    assert problems["locked.pdf"] == "locked.pdf: encrypted PDF (it needs a password)"
    assert problems["cut.pdf"].startswith("cut.pdf: corrupt PDF (") and "\n" not in problems["cut.pdf"]
    assert problems["garbled.pdf"] == "garbled.pdf: garbled text layer (its fonts map characters to no Unicode text)"


# ------------------------------------------------------------------ web pages
def gov_page(title: str, body: list[str], date: str) -> str:
    """A page as saved from a government site: header, menu, search, breadcrumbs, the article with its
    date and source line, share links, related links and a footer."""
    paragraphs = "\n".join(f"<p style='text-indent:2em'><span style='font-family:仿宋'>{escape(p)}</span></p>"
                           for p in body)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(title)}_工作总结_英德市人民政府门户网站</title>
<script>var _hmt = _hmt || [];</script><style>.nav li {{ float: left }}</style></head><body>
<div class="header"><div class="logo">英德市人民政府门户网站</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/bsfw">办事服务</a></li>
<li><a href="/hdjl">互动交流</a></li><li><a href="/zjyd">走进英德</a></li></ul>
<form class="search"><input type="text" placeholder="请输入关键词"><button>搜索</button></form></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 工作总结</div>
<div class="article"><h1 class="title">{escape(title)}</h1>
<div class="info"><span>发布时间：{date} 10:30</span> <span>来源：英德市交通运输局</span>
<span>字号：<a>大</a> <a>中</a> <a>小</a></span></div>
<div class="content" id="zoom">
{paragraphs}
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a> <a href="javascript:window.print()">【打印本页】</a></div></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a">清远市交通运输局关于开展安全生产大检查的通知</a></li></ul></div>
<div class="footer"><p>主办单位：英德市人民政府办公室　承办单位：英德市政务服务数据管理局</p>
<p>网站标识码：4418810001　粤ICP备05012345号</p></div>
</body></html>"""


def test_web_page_gives_its_article_title_and_date(tmp_path: Path) -> None:
    lines = [line for line in DOC.read_text(encoding="utf-8").split("\n") if line.strip()]
    (tmp_path / "page.html").write_text(gov_page(lines[0], lines[1:], "2023-07-12"), encoding="utf-8")
    doc = read_document(tmp_path / "page.html", tmp_path)
    assert doc.text == "\n".join(lines)  # the headline and the article, nothing of the page around them
    assert (doc.title, doc.date, doc.warnings) == (lines[0], "2023-07-12", [])
    for chrome in ("首页", "当前位置", "发布时间", "分享到", "相关链接", "主办单位", "ICP", "_hmt"):
        assert chrome not in doc.text
    meta = structure_document(doc).meta
    assert (meta.title, meta.date, meta.kind, meta.period) == (lines[0], "2023-07-12", "half_year_summary", "上半年")


def test_web_page_gives_the_entities_of_its_text(tmp_path: Path) -> None:
    lines = [line for line in DOC.read_text(encoding="utf-8").split("\n") if line.strip()]
    page = gov_page(lines[0], lines[1:], "2023-07-12").encode("utf-8")
    html_out = _build_one(tmp_path, "page.html", page)
    txt_out = _build_one(tmp_path, "page.txt", "\n".join(lines).encode("utf-8"))
    assert _entities(html_out) and _entities(html_out) == _entities(txt_out)
    summary = json.loads((html_out / "summary.json").read_text(encoding="utf-8"))
    assert summary["warnings"] == []


def test_web_page_without_main_text_is_read_whole_with_a_warning(tmp_path: Path) -> None:
    page = ("<html><head><title>栏目导航</title></head><body><div class='nav'><a href='/'>首页</a></div>"
            "<div><a href='/a'>通知</a></div></body></html>")
    (tmp_path / "menu.html").write_text(page, encoding="utf-8")
    doc = read_document(tmp_path / "menu.html", tmp_path)
    assert doc.text.split("\n") == ["栏目导航", "首页", "通知"]
    assert doc.warnings == [HTML_FALLBACK] and doc.date is None


# ------------------------------------------------------------------ .doc/.wps
def _need_libreoffice() -> None:
    if soffice() is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"LibreOffice missing under CI=true ({NOT_INSTALLED})", pytrace=False)
        pytest.skip(NOT_INSTALLED)


def test_doc_is_read_through_libreoffice(tmp_path: Path) -> None:
    _need_libreoffice()
    lines = [line for line in DOC.read_text(encoding="utf-8").split("\n") if line.strip()]
    d = docx.Document()
    for line in lines[:10]:
        d.add_paragraph(line)
    table = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "指标", (0, 1): "数值", (1, 0): "客运量", (1, 1): "24.228万人次"}.items():
        table.cell(r, c).text = text
    for line in lines[10:]:
        d.add_paragraph(line)
    d.save(tmp_path / "made.docx")
    made = tmp_path / "made"
    subprocess.run([soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(made), str(tmp_path / "made.docx")],
                   check=True, capture_output=True, timeout=180)
    doc = read_document(made / "made.doc", made)
    assert doc.format == "doc" and (made / "made.doc").read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # OLE, not zip
    assert doc.text.split("\n") == lines[:10] + ["指标", "数值", "客运量", "24.228万人次"] + lines[10:]


def test_doc_without_libreoffice_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.ingest.office.shutil.which", lambda name: None)
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    (tmp_path / "old.wps").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    scan = scan_corpus(tmp_path)
    assert scan.files == [] and scan.skipped_by_reason() == {NOT_INSTALLED: ["old.doc", "old.wps"]}
    assert "apt-get install libreoffice" in NOT_INSTALLED
    with pytest.raises(IngestError, match="LibreOffice is needed"):
        read_document(tmp_path / "old.doc", tmp_path)


def _page_field(paragraph) -> None:
    """A PAGE field (the page number Word or LibreOffice fills in) at the end of ``paragraph``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        run = paragraph.add_run()._r
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.text = text
        run.append(el)


def test_pdf_from_a_word_processor(tmp_path: Path) -> None:
    """LibreOffice's PDF: justified text, a header, a page-number footer, and quotation marks in a
    fallback font that its content stream writes after the rest of their line."""
    _need_libreoffice()
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = HEADER
    footer = d.sections[0].footer.paragraphs[0]
    footer.add_run("- ")
    _page_field(footer)
    footer.add_run(" -")
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    text = DOC.read_text(encoding="utf-8")
    for line in text.split("\n"):
        if line.strip():
            p = d.add_paragraph(line)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Pt(24)
    d.save(tmp_path / "report.docx")
    subprocess.run([soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "report.docx")],
                   check=True, capture_output=True, timeout=180)
    doc = read_document(tmp_path / "report.pdf", tmp_path)
    assert len(doc.pages) > 2 and HEADER not in doc.text
    assert _lines(doc.text) == _lines(text)


def test_libreoffice_conversion_has_a_time_limit() -> None:
    _need_libreoffice()
    with pytest.raises(FormatError, match="did not convert the file within"):
        convert_to_docx(b"\xd0\xcf\x11\xe0" + b"\x00" * 100, ".doc", timeout=0.01)


# ----------------------------------------------------------------------- Big5
@pytest.fixture(scope="module")
def traditional() -> str:
    import opencc

    text = opencc.OpenCC("s2tw").convert(DOC.read_text(encoding="utf-8"))
    text.encode("big5")  # Taiwan forms: Big5 holds every character of it
    return text


def test_traditional_chinese_encodings_read_back_equal(traditional: str) -> None:
    for codec, expected in (("big5", "cp950"), ("cp950", "cp950"), ("big5hkscs", "cp950"), ("gb18030", "gb18030")):
        decoded = decode_bytes(traditional.encode(codec))
        assert (decoded.text, decoded.encoding) == (traditional, expected), codec
    # 〇 (in years: 二〇二三年) is a Big5-HKSCS character; CP950 reads its bytes as a kana
    hkscs = ("二〇二三年" + traditional).encode("big5hkscs")
    decoded = decode_bytes(hkscs)
    assert decoded.text.startswith("二〇二三年") and decoded.encoding == "big5hkscs"


def test_big5_document_gives_as_many_records_as_its_utf8_copy(traditional: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for codec in ("utf-8", "big5", "cp950", "gb18030"):
        (corpus / f"{codec}.txt").write_bytes(traditional.encode(codec))
    result = build(corpus, tmp_path / "out", store=False, views=False, workers=1)
    assert result.summary["documents"] == 4
    # the dictionaries are Simplified: a Traditional text says so, in one line per document
    assert sorted(w.split(":")[0] for w in result.warnings) == ["big5.txt", "cp950.txt", "gb18030.txt", "utf-8.txt"]
    assert all("Traditional characters" in w and "\n" not in w for w in result.warnings)
    per_doc = Counter(r["doc"] for r in _records(tmp_path / "out"))
    assert per_doc["utf-8.txt"] > 100
    assert per_doc == {name: per_doc["utf-8.txt"] for name in ("utf-8.txt", "big5.txt", "cp950.txt", "gb18030.txt")}
