"""Benchmark: reading PDF, web pages and .doc, and scanning a corpus folder, at two sizes.

    python tests/benchmarks/ingest_formats.py [--copies 8] [--files 20000]

Makes its inputs from the sample corpus in a temporary folder: a PDF and a web page of the
whole corpus, once and ``--copies`` times over (to see that the cost per page stays the
same), a folder of ``--files`` small files plus entries the scan skips, and one .doc when
LibreOffice is installed. Prints seconds and throughput per input.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from test_ingest_formats import gov_page, make_pdf  # noqa: E402

from kg.ingest.formats import text_of_docx, text_of_html  # noqa: E402
from kg.ingest.office import convert_to_docx, soffice  # noqa: E402
from kg.ingest.pdf import text_of_pdf  # noqa: E402
from kg.ingest.scan import scan_corpus  # noqa: E402


def _best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=8, help="the larger input is the corpus this many times over")
    ap.add_argument("--files", type=int, default=20000, help="files in the folder to scan")
    args = ap.parse_args()
    paragraphs = [line for p in sorted((REPO / "data" / "corpus").glob("*.txt"))
                  for line in p.read_text(encoding="utf-8").split("\n") if line.strip()]
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        tmp_path = Path(tmp)
        for copies in (1, args.copies):
            text = paragraphs * copies
            pdf = tmp_path / f"corpus-{copies}.pdf"
            make_pdf(pdf, text)
            data = pdf.read_bytes()
            ex = text_of_pdf(data)
            s = _best(lambda: text_of_pdf(data))
            print(f"pdf   x{copies:<3} {len(ex.pages):5d} pages {len(ex.text):8d} chars  {s:7.3f} s  "
                  f"{len(ex.pages) / s:7.1f} pages/s  {len(ex.text) / s / 1000:7.1f} k chars/s")
            page = gov_page(text[0], text[1:], "2023-07-12").encode("utf-8")
            ex = text_of_html(page)
            s = _best(lambda: text_of_html(page))
            print(f"html  x{copies:<3} {len(page) // 1024:5d} KiB  {len(ex.text):8d} chars  {s:7.3f} s  "
                  f"{len(page) / s / 1e6:7.2f} MB/s")
        for n in (args.files // 4, args.files):
            folder = tmp_path / f"scan-{n}"
            for i in range(n):
                sub = folder / f"{i % 100:02d}"
                sub.mkdir(parents=True, exist_ok=True)
                (sub / f"{i}.txt" if i % 10 else sub / f"{i}.xls").write_bytes(b"x")
            s = _best(lambda: scan_corpus(folder))
            print(f"scan  {n:6d} files  {s:7.3f} s  {n / s / 1000:7.1f} k entries/s")
        if soffice() is None:
            print("doc   skipped: LibreOffice is not installed")
            return
        import docx

        d = docx.Document()
        for line in paragraphs:
            d.add_paragraph(line)
        d.save(tmp_path / "corpus.docx")
        subprocess.run([soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                        "--convert-to", "doc", "--outdir", str(tmp_path), str(tmp_path / "corpus.docx")],
                       check=True, capture_output=True, timeout=300)
        data = (tmp_path / "corpus.doc").read_bytes()
        s = _best(lambda: text_of_docx(convert_to_docx(data, ".doc")))
        print(f"doc   {len(data) // 1024:5d} KiB  {s:7.3f} s per file (LibreOffice start and conversion)")


if __name__ == "__main__":
    main()
