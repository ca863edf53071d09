"""The worker ``kg build`` starts before it loads the library (kg.workers)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import workers
from kg.pipeline import build

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
NEW = "市交通运输局开展“护航行动”专项整治。"


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for p in sorted(CORPUS.glob("*.txt"))[2:4]:
        shutil.copy(p, folder / p.name)
    return folder


def _finished_build_in(out: Path, corpus: Path) -> None:
    """A manifest in ``out``'s cache written after every file and folder of ``corpus``."""
    (out / "cache").mkdir(parents=True)
    (out / "cache" / "manifest.json").write_text("{}", encoding="utf-8")
    before = time.time() - 100
    for path in [corpus, *corpus.rglob("*")]:
        os.utime(path, (before, before))


def _touch(corpus: Path) -> None:
    """Modify a file of ``corpus`` after the last build (its content stays)."""
    path = sorted(corpus.iterdir())[0]
    later = time.time() + 5
    os.utime(path, (later, later))


@pytest.fixture()
def spied(monkeypatch):
    """What kg.workers started early and what runs took: {"started": [...settings], "taken": [bool, ...]}."""
    seen: dict[str, list] = {"started": [], "taken": []}
    start, take = workers.start, workers.take

    def spy_start(settings):
        seen["started"].append(settings)
        return start(settings)

    def spy_take(settings):
        got = take(settings)
        seen["taken"].append(got is not None)
        return got

    monkeypatch.setattr(workers, "start", spy_start)
    monkeypatch.setattr("kg.pipeline.executors.take", spy_take)
    yield seen
    workers.discard()


def test_the_library_never_imports_itself_to_start_a_worker_early():
    code = "import sys, kg.workers; print(sorted(m for m in sys.modules if m.startswith(('kg.pipeline', 'pyarrow'))))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_no_worker_starts_early_without_a_finished_build_or_for_one_worker_dask_or_no_cache(corpus, tmp_path,
                                                                                             spied):
    out = tmp_path / "out"
    workers.start_early(out, [corpus], [], 2, None, True)  # nothing built there
    _finished_build_in(out, corpus)
    _touch(corpus)
    workers.start_early(out, [corpus], [], 1, None, True)
    workers.start_early(out, [corpus], [], 2, "tcp://localhost:8786", True)
    workers.start_early(out, [corpus], [], 2, None, False)
    workers.start_early(out, [tmp_path / "missing"], [], 2, None, True)
    assert spied["started"] == [] and workers.take(workers.Settings()) is None


def test_no_worker_starts_early_when_no_file_of_the_corpus_was_modified_since_the_last_build(corpus, tmp_path,
                                                                                               spied):
    out = tmp_path / "out"
    _finished_build_in(out, corpus)
    workers.start_early(out, [corpus], [], 2, None, True)
    assert spied["started"] == []
    (corpus / "sub").mkdir()
    (corpus / "sub" / "new.txt").write_text(NEW, encoding="utf-8")
    os.utime(corpus / "sub" / "new.txt", (0, 0))  # an old file copied in with its time: its folder is newer
    before = time.time() - 100
    os.utime(corpus, (before, before))
    workers.start_early(out, [corpus], [], 2, None, True)
    assert len(spied["started"]) == 1


def test_a_worker_started_early_is_taken_once_for_its_settings_and_closed_for_others(corpus, tmp_path, spied):
    out = tmp_path / "out"
    _finished_build_in(out, corpus)
    _touch(corpus)
    lex = tmp_path / "user.tsv"
    lex.write_text("CAMPAIGN\t护航行动\n", encoding="utf-8")
    workers.start_early(out, [corpus], [lex], 2, None, True)
    assert spied["started"] == [workers.Settings.from_paths([lex])]
    assert workers.take(workers.Settings()) is None  # other lexicons: closed
    assert workers.take(workers.Settings.from_paths([lex])) is None  # and gone
    workers.start_early(out, [corpus], [lex], 2, None, True)
    pool, ready = workers.take(workers.Settings.from_paths([lex]))
    try:
        assert ready.result(timeout=120) == []  # the worker loaded its pipeline and answered
    finally:
        pool.shutdown()
    assert workers.take(workers.Settings.from_paths([lex])) is None


def test_a_cli_rebuild_extracts_the_new_document_in_the_worker_it_started_first(corpus, tmp_path, spied):
    """``kg build`` into a folder with a finished build starts its worker before the build; the build's early run
    takes it and extracts the new document there, and the outputs are those of a clean build."""
    from kg.cli import app

    out, clean = tmp_path / "out", tmp_path / "clean"
    build(corpus, out, views=False, workers=1)
    (corpus / "new.txt").write_text(NEW, encoding="utf-8")
    run = CliRunner().invoke(app, ["build", str(corpus), "-o", str(out), "--no-views", "--workers", "2"])
    assert run.exit_code == 0, run.output
    assert len(spied["started"]) == 1 and spied["taken"] == [True] and workers._STARTED == []
    build(corpus, clean, views=False, workers=1, cache=False)
    assert (out / "extractions.jsonl").read_bytes() == (clean / "extractions.jsonl").read_bytes()


def test_a_cli_rebuild_of_modified_files_with_nothing_new_closes_the_worker_it_started(corpus, tmp_path, spied):
    """A file touched since the last build starts the worker early; the cache holds every document, so it is never
    taken and the CLI closes it; with nothing modified none starts."""
    from kg.cli import app

    out = tmp_path / "out"
    build(corpus, out, views=False, workers=1)
    run = CliRunner().invoke(app, ["build", str(corpus), "-o", str(out), "--no-views", "--workers", "2"])
    assert run.exit_code == 0, run.output
    assert spied["started"] == [] and spied["taken"] == []
    _touch(corpus)
    run = CliRunner().invoke(app, ["build", str(corpus), "-o", str(out), "--no-views", "--workers", "2"])
    assert run.exit_code == 0, run.output
    assert len(spied["started"]) == 1 and spied["taken"] == [] and workers._STARTED == []


def test_a_build_after_other_code_or_lexicons_closes_the_early_worker_at_once(corpus, tmp_path, spied):
    """The last build had other lexicons: every document is new, so the early worker is closed before hashing."""
    from kg.cli import app

    out = tmp_path / "out"
    build(corpus, out, views=False, workers=1)
    lex = tmp_path / "user.tsv"
    lex.write_text("CAMPAIGN\t护航行动\n", encoding="utf-8")
    run = CliRunner().invoke(app, ["build", str(corpus), "-o", str(out), "--no-views", "--workers", "1",
                                   "--lexicon", str(lex)])
    assert run.exit_code == 0, run.output
    assert spied["started"] == [] and spied["taken"] == []
    _touch(corpus)
    workers.start_early(out, [corpus], [lex], 2, None, True)
    assert len(spied["started"]) == 1
    build(corpus, out, views=False, workers=2, lexicons=[lex], store=False)  # same lexicons, nothing new: kept
    assert workers._STARTED != []
    (corpus / "new.txt").write_text(NEW, encoding="utf-8")
    lex.write_text("CAMPAIGN\t专项整治\n", encoding="utf-8")
    build(corpus, out, views=False, workers=2, lexicons=[lex], store=False)
    assert workers._STARTED == [] and spied["taken"] == []  # not armed: closed, never taken


def test_a_worker_s_spacy_without_its_command_line_still_has_it_on_demand():
    code = ("import sys; from kg.workers import import_spacy_without_cli as f; f()\n"
            "assert 'typer' not in sys.modules and 'spacy.cli' not in sys.modules\n"
            "import spacy; assert [t.text for t in spacy.blank('zh')('交通运输局')]\n"
            "import spacy.cli; assert hasattr(spacy.cli, 'app') and spacy.cli.info.__module__ == 'spacy.cli.info'\n"
            "assert spacy.info()['spacy_version'] == spacy.__version__\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_the_process_that_extracts_in_a_one_worker_build_imports_no_spacy_command_line():
    code = ("import sys; import kg.pipeline.work as w; w.pipeline_for(w.Settings())\n"
            "assert 'typer' not in sys.modules and 'spacy.cli' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120, cwd=Path(__file__).resolve().parents[1])
