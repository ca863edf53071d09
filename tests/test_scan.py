"""The corpus scan and safe reading: every entry not read is named once, nothing hangs, the build goes on."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.ingest import DEFAULT_MAX_BYTES, IngestError, read_file, scan_corpus
from kg.ingest.scan import HIDDEN, LINK_TO_FOLDER, LOCK_FILE, PATH_TOO_LONG, BROKEN_LINK, size_limit_reason
from kg.pipeline import BuildError, build

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
DOC = CORPUS / "004_05378b4c232db4bf.txt"
#: a file name that is not valid UTF-8 (GBK bytes of 报告, as an old Windows zip leaves them)
BAD_NAME = os.fsdecode(b"\xb1\xa8\xb8\xe6.txt")
BAD_SHOWN = "\\xb1\\xa8\\xb8\\xe6.txt"


def _kg(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=timeout)


def _bad_entries(corpus: Path) -> None:
    """One of each entry kg must not read, or must read with care."""
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "zero.txt").symlink_to("/dev/zero")
    with open(corpus / "huge.txt", "wb") as fh:  # sparse: no disk space used
        fh.truncate(DEFAULT_MAX_BYTES + 1)
    (corpus / "table.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (corpus / "README").write_text("说明", encoding="utf-8")
    (corpus / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (corpus / ".git").mkdir()
    (corpus / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (corpus / "~$report.docx").write_bytes(b"lock")
    (corpus / "elsewhere").symlink_to(CORPUS, target_is_directory=True)
    (corpus / "gone.txt").symlink_to(corpus / "no-such-file.txt")
    (corpus / os.fsencode(BAD_NAME).decode("utf-8", "surrogateescape")).write_bytes(DOC.read_bytes())


def test_scan_names_every_entry_it_does_not_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    shutil.copy(DOC, corpus / "sub" / "report.txt")
    (corpus / "linked.txt").symlink_to(corpus / "sub" / "report.txt")  # a link to a regular file is read
    _bad_entries(corpus)
    scan = scan_corpus(corpus)
    assert [(f.name, f.size) for f in scan.files] == [
        (BAD_SHOWN, DOC.stat().st_size), ("linked.txt", DOC.stat().st_size), ("sub/report.txt", DOC.stat().st_size),
    ]
    assert scan.skipped_by_reason() == dict(sorted({
        HIDDEN: [".DS_Store", ".git/"],
        BROKEN_LINK: ["gone.txt"],
        LINK_TO_FOLDER: ["elsewhere"],
        size_limit_reason(DEFAULT_MAX_BYTES): ["huge.txt"],
        "not a regular file (named pipe)": ["pipe.txt"],
        "symbolic link to a character device": ["zero.txt"],
        "unsupported file type (no extension)": ["README"],
        "unsupported file type .xls": ["table.xls"],
        LOCK_FILE: ["~$report.docx"],
    }.items()))
    assert size_limit_reason(DEFAULT_MAX_BYTES) == "larger than the size limit (64 MiB)"


def test_the_size_limit_is_a_parameter(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"x" * 100)
    (tmp_path / "b.txt").write_bytes(b"x" * 101)
    scan = scan_corpus(tmp_path, max_bytes=100)
    assert [f.name for f in scan.files] == ["a.txt"]
    assert scan.skipped_by_reason() == {"larger than the size limit (100 bytes)": ["b.txt"]}


def test_read_file_refuses_what_is_not_a_small_regular_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(IngestError, match=r"^not a regular file \(named pipe\)$"):
        read_file(tmp_path / "pipe")  # opened without blocking: no writer, no hang
    with pytest.raises(IngestError, match=r"^not a regular file \(character device\)$"):
        read_file("/dev/zero")
    with pytest.raises(IngestError, match="is a directory"):
        read_file(tmp_path)
    (tmp_path / "f.txt").write_bytes(b"12345")
    assert read_file(tmp_path / "f.txt", max_bytes=5) == b"12345"
    with pytest.raises(IngestError, match=r"^larger than the size limit \(4 bytes\)$"):
        read_file(tmp_path / "f.txt", max_bytes=4)


def test_a_file_that_grew_past_the_limit_is_refused_after_max_bytes_plus_one(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "f.txt").write_bytes(b"x" * 50)
    real_fstat = os.fstat
    reads: list[int] = []
    real_read = os.read

    def fstat_before_growth(fd: int):  # the size when it was scanned: small
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, 10,
                               st.st_atime, st.st_mtime, st.st_ctime))

    def counting_read(fd: int, n: int) -> bytes:
        reads.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "fstat", fstat_before_growth)
    monkeypatch.setattr(os, "read", counting_read)
    with pytest.raises(IngestError, match="larger than the size limit"):
        read_file(tmp_path / "f.txt", max_bytes=20)
    assert sum(reads) <= 21


def test_unlistable_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(DOC, tmp_path / "report.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text("交通运输局", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.geteuid() == 0:  # root lists any folder: refuse it as the system would
            real = os.scandir

            def scandir(path=None):
                if Path(path) == locked:
                    raise PermissionError(13, "Permission denied", str(path))
                return real(path)

            monkeypatch.setattr(os, "scandir", scandir)
        scan = scan_corpus(tmp_path)
    finally:
        locked.chmod(0o755)
    assert [f.name for f in scan.files] == ["report.txt"]
    assert scan.skipped_by_reason() == {"folder cannot be listed (permission denied)": ["locked/"]}


def _too_deep(root: Path) -> None:
    """Folders nested past PATH_MAX (4096 bytes), made relative to an open folder, with a file at the bottom."""
    fd = os.open(root, os.O_RDONLY)
    depth = 0
    try:
        while depth * 201 < 4200:
            os.mkdir("d" * 200, dir_fd=fd)
            nxt = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd, depth = nxt, depth + 1
        with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "wb") as fh:
            fh.write(DOC.read_bytes())
    finally:
        os.close(fd)


def test_a_path_too_long_is_named(tmp_path: Path) -> None:
    shutil.copy(DOC, tmp_path / "report.txt")
    _too_deep(tmp_path)
    scan = scan_corpus(tmp_path)
    assert [f.name for f in scan.files] == ["report.txt"]
    ((reason, (name,)),) = scan.skipped_by_reason().items()
    assert reason == PATH_TOO_LONG and name.startswith("d" * 200 + "/") and name.endswith("/")


def test_build_goes_on_past_every_bad_entry(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(DOC, corpus / "report.txt")
    _bad_entries(corpus)
    _too_deep(corpus)
    # the CLI, with a time limit: a FIFO or /dev/zero read would hang or exhaust memory
    run = _kg("build", str(corpus), "-o", str(tmp_path / "out"), "--no-views", "--no-store", "-w", "1")
    assert run.returncode == 0, run.stderr
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["documents"] == 2 and summary["documents_failed"] == 0 and summary["warnings"] == []
    assert sum(len(names) for names in summary["skipped"].values()) == 11
    assert summary["skipped"]["not a regular file (named pipe)"] == ["pipe.txt"]
    assert summary["skipped"][PATH_TOO_LONG][0].startswith("ddd")
    # the document with a non-UTF-8 name is read under its escaped name
    docs = {json.loads(line)["doc"] for line in (tmp_path / "out" / "extractions.jsonl").open(encoding="utf-8")}
    assert docs == {"report.txt", BAD_SHOWN}
    # one line per reason, with the count and the names
    assert "2 built, 0 failed, 11 skipped" in run.stdout
    assert "1 not a regular file (named pipe): pipe.txt" in run.stdout
    assert "2 hidden (the name starts with a dot): .DS_Store, .git/" in run.stdout
    assert "1 symbolic link to a character device: zero.txt" in run.stdout


def test_empty_corpus_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(BuildError, match=r"empty: no readable documents \(the folder is empty\)$"):
        build(tmp_path / "empty", tmp_path / "out")
    run = _kg("build", str(tmp_path / "empty"), "-o", str(tmp_path / "out2"))
    assert run.returncode != 0
    assert len(run.stderr.strip().splitlines()) == 1 and "no readable documents" in run.stderr


def test_corpus_of_only_unreadable_entries_is_an_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "zero.txt").symlink_to("/dev/zero")
    (corpus / "table.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (corpus / "empty.txt").write_bytes(b"")
    run = _kg("build", str(corpus), "-o", str(tmp_path / "out"))
    assert run.returncode != 0
    (line,) = run.stderr.strip().splitlines()
    assert "corpus: no readable documents (3 skipped: " in line
    assert "1 failed: empty.txt: empty file)" in line
    assert not (tmp_path / "out" / "graph.json").exists()
