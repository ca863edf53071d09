"""Ingest: encodings, formats, width folding and bad files, on files the tests write."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest

from kg.ingest import decode_bytes, fold_width, read_corpus, read_document
from kg.ingest.reader import IngestError
from kg.model import IngestProblem, SourceDocument

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
TEXT = "英德市交通运输局2023年上半年工作总结\n一、主要工作情况\n（一）稳步推进党建工作。一是加强思想教育；二是严明纪律。\n"


def _docs(root: Path) -> tuple[dict[str, SourceDocument], dict[str, IngestProblem]]:
    docs, problems = {}, {}
    for item in read_corpus(root):
        (docs if isinstance(item, SourceDocument) else problems)[item.name] = item
    return docs, problems


@pytest.mark.parametrize(
    ("codec", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030"),
     ("utf-16", "utf-16-le"), ("utf-16-be", None), ("utf-32", "utf-32-le")],
)
def test_encodings_read_back_equal(tmp_path: Path, codec: str, expected: str | None) -> None:
    data = TEXT.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
        expected = "utf-16-be"
    (tmp_path / "doc.txt").write_bytes(data)
    doc = read_document(tmp_path / "doc.txt", tmp_path)
    assert doc.text == TEXT
    assert doc.encoding == expected
    assert not doc.text.startswith("\ufeff")


def test_short_gbk_text_is_not_taken_for_utf16() -> None:
    data = "英德市交通运输局上半年工作总结".encode("gbk")
    decoded = decode_bytes(data)
    assert decoded.text == "英德市交通运输局上半年工作总结"
    assert decoded.encoding == "gb18030"


def test_gb18030_only_characters(tmp_path: Path) -> None:
    text = "𠀀字与〇的交通运输局\n" * 3  # U+20000 needs GB18030's four-byte form
    (tmp_path / "a.txt").write_bytes(text.encode("gb18030"))
    assert read_document(tmp_path / "a.txt", tmp_path).text == text


def test_line_endings_normalised_before_offsets(tmp_path: Path) -> None:
    (tmp_path / "crlf.txt").write_bytes("第一行\r\n第二行\r第三行\r\n".encode("utf-8"))
    doc = read_document(tmp_path / "crlf.txt", tmp_path)
    assert doc.text == "第一行\n第二行\n第三行\n"
    assert doc.text.index("第三行") == 8


def test_width_folding_keeps_offsets(tmp_path: Path) -> None:
    text = "完成投资ＸＸ亿元，增长１２．５％（同比）、“两客一危”。\u3000共计"
    (tmp_path / "w.txt").write_text(text, encoding="utf-8")
    doc = read_document(tmp_path / "w.txt", tmp_path)
    assert len(doc.norm) == len(doc.text)
    assert doc.norm == "完成投资XX亿元,增长12.5%(同比)、“两客一危”。 共计"  # ， is U+FF0C
    i = doc.norm.index("12.5%")
    assert doc.text[i : i + 5] == "１２．５％"
    assert fold_width("、。“”《》") == "、。“”《》"


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("英德市交通运输局2023年上半年工作总结")
    d.add_paragraph("一、主要工作情况")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "数值"
    table.cell(1, 0).text = "客运量"
    table.cell(1, 1).text = "24.228万人次"
    merged = d.add_table(rows=1, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "合并单元格"
    d.add_paragraph("二、存在问题")
    d.save(tmp_path / "report.docx")
    doc = read_document(tmp_path / "report.docx", tmp_path)
    assert doc.format == "docx"
    assert doc.text.split("\n") == [
        "英德市交通运输局2023年上半年工作总结", "一、主要工作情况", "指标", "数值", "客运量", "24.228万人次", "合并单元格", "二、存在问题",
    ]


def test_html_article_text(tmp_path: Path) -> None:
    html = (
        "<html><head><title>工作总结</title><style>p{color:red}</style>"
        "<script>var x='不可见';</script></head><body><h1>工作总结</h1>"
        "<div><p>一、主要工作情况</p><p>完成投资<b>5</b>亿元&amp;增长<br>10%。</p></div>"
        "<!-- 注释 --><ul><li>一是加强</li><li>二是落实</li></ul></body></html>"
    )
    (tmp_path / "page.html").write_bytes(html.encode("gb18030").replace(b"<head>", b'<head><meta charset="gbk">'))
    doc = read_document(tmp_path / "page.html", tmp_path)
    assert doc.format == "html" and doc.encoding == "gb18030"
    # the article (the list beside it is not part of it), headed by the page's title
    assert doc.text.split("\n") == ["工作总结", "一、主要工作情况", "完成投资5亿元&增长", "10%。"]
    assert doc.title == "工作总结" and not doc.warnings
    assert "不可见" not in doc.text and "color" not in doc.text and "注释" not in doc.text


def test_markdown_kept_as_text(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# 标题\n\n一、内容", encoding="utf-8")
    doc = read_document(tmp_path / "notes.md", tmp_path)
    assert (doc.format, doc.text) == ("md", "# 标题\n\n一、内容")


def test_bad_files_give_one_problem_each_and_good_files_are_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "good2.txt").write_bytes(TEXT.encode("gbk"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text(" \n\u3000\n\t\n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 8)
    (tmp_path / "broken.docx").write_bytes(b"this is not a zip archive at all")
    (tmp_path / "truncated.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "sheet.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    items = list(read_corpus(tmp_path))
    names = [i.name for i in items]
    assert names == sorted(names)
    docs, problems = _docs(tmp_path)
    assert set(docs) == {"good.txt", "sub/good2.txt"}
    assert docs["sub/good2.txt"].text == TEXT
    assert set(problems) == {"empty.txt", "blank.md", "image.txt", "broken.docx", "truncated.pdf", "sheet.xls",
                             ".hidden.txt"}
    reasons = {n: p.reason for n, p in problems.items()}
    assert "empty" in reasons["empty.txt"]
    assert "whitespace" in reasons["blank.md"]
    assert "binary" in reasons["image.txt"]
    assert "corrupt .docx" in reasons["broken.docx"]
    assert "corrupt PDF" in reasons["truncated.pdf"]
    assert reasons["sheet.xls"] == "unsupported file type .xls"
    assert reasons[".hidden.txt"].startswith("hidden")
    for name, problem in problems.items():
        line = problem.line()
        assert "\n" not in line and line.startswith(name + ": ")


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(tmp_path / "fake.docx", "w") as zf:
        zf.writestr("hello.txt", "not word")
    (problem,) = list(read_corpus(tmp_path))
    assert isinstance(problem, IngestProblem) and "corrupt .docx" in problem.reason


def test_directory_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(IngestError, match="is a directory"):
        read_document(tmp_path / "dir.txt", tmp_path)
    (problem,) = list(read_corpus(tmp_path / "nope"))
    assert "no such file" in problem.line()


def test_single_file_root(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    (doc,) = list(read_corpus(tmp_path / "one.txt"))
    assert doc.name == "one.txt" and doc.text == TEXT


def test_sample_corpus_reads_in_order() -> None:
    docs = list(read_corpus(CORPUS))
    assert [d.name for d in docs] == sorted(p.name for p in CORPUS.glob("*.txt"))
    for d in docs:
        assert isinstance(d, SourceDocument)
        assert d.encoding == "utf-8" and d.format == "txt"
        assert "\r" not in d.text and len(d.norm) == len(d.text)
        assert len(d.sha256) == 64


def test_html_declared_charset_does_not_override_valid_utf8(tmp_path: Path) -> None:
    page = '<html><head><meta charset="gb2312"></head><body><p>交通运输局</p></body></html>'
    (tmp_path / "p.htm").write_text(page, encoding="utf-8")
    doc = read_document(tmp_path / "p.htm", tmp_path)
    assert (doc.text, doc.encoding, doc.format) == ("交通运输局", "utf-8", "html")


def test_permission_denied_is_one_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(TEXT, encoding="utf-8")
    real = os.open

    def deny_secret(path, flags, *args, **kwargs):
        if os.fspath(path).endswith("secret.txt"):  # root ignores file modes, so deny the open here
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny_secret)
    docs, problems = _docs(tmp_path)
    assert set(docs) == {"a.txt"}
    assert problems["secret.txt"].line() == "secret.txt: unreadable (permission denied)"


@pytest.mark.parametrize("codec", ["gb18030", "utf-16", "utf-8-sig"])
def test_sample_documents_survive_reencoding_with_crlf(tmp_path: Path, codec: str) -> None:
    originals = {d.name: d for d in read_corpus(CORPUS)}
    for name, d in originals.items():
        (tmp_path / name).write_bytes(d.text.replace("\n", "\r\n").encode(codec))
    again, problems = _docs(tmp_path)
    assert not problems
    for name, d in again.items():
        assert d.text == originals[name].text and d.norm == originals[name].norm


def test_sample_document_as_docx_keeps_its_lines(tmp_path: Path) -> None:
    src = next(d for d in read_corpus(CORPUS) if d.name.startswith("004"))
    d = docx.Document()
    for line in src.text.split("\n"):
        d.add_paragraph(line)
    d.save(tmp_path / "004.docx")
    doc = read_document(tmp_path / "004.docx", tmp_path)
    assert doc.text == src.text
