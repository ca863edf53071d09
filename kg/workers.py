"""Local worker processes: how one starts, and one started by ``kg build`` before it loads the library.

This module imports only the standard library, so the CLI can start the worker of a likely rebuild before it
imports :mod:`kg.pipeline` (pyarrow, the resolvers: ~0.2 s that the worker, which loads spaCy, need not wait for).
:class:`kg.pipeline.executors.PoolRun` starts its workers here and takes the one started early (:func:`take`).
"""

from __future__ import annotations

import atexit
import os
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (imported where a pool is made: a rebuild with nothing modified needs none of it)
    import concurrent.futures as cf

#: prctl option: the signal a process gets when its parent dies
_PR_SET_PDEATHSIG = 1
#: the worker started early (its pool, the first call's future, its settings), until a run takes it
_STARTED: list[tuple[cf.ProcessPoolExecutor, cf.Future, "Settings"]] = []


@dataclass(frozen=True)
class Settings:
    """What every worker needs to extract like the others: the user lexicons, by content."""

    lexicons: tuple[tuple[str, str], ...] = ()  # (file name, text)

    @classmethod
    def from_paths(cls, paths: list[Path]) -> "Settings":
        return cls(tuple((Path(p).name, Path(p).read_text(encoding="utf-8")) for p in paths))


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the process that started it dies (``kill -9`` of a build)."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the pool's own checks stop idle workers
        pass


def _exit_now() -> None:
    """End a worker at once when its pool lets it go: the interpreter's teardown (spaCy's objects freed one by one,
    ~0.4 s of CPU) would compete with the end of the build, and the worker has nothing left to write."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def import_spacy_without_cli() -> None:
    """Import spaCy without its command line: its package imports ``spacy.cli`` for ``spacy.info`` (typer and
    ~350 modules, ~0.3 s of CPU of a worker's start), which extracting never runs. Stand-ins take the place of
    ``spacy.cli`` and ``spacy.cli.info`` while ``spacy`` itself is imported; ``spacy.info`` imports the real one
    when called, and so does any later import of ``spacy.cli``. Should a spaCy version need more of its command
    line at import, the half-imported package is dropped and the next ``import spacy`` is the usual one."""
    if "spacy" in sys.modules:
        return
    stand_ins = {"spacy.cli": types.ModuleType("spacy.cli"), "spacy.cli.info": types.ModuleType("spacy.cli.info")}

    def info(*args, **kwargs):
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    stand_ins["spacy.cli.info"].info = info
    sys.modules.update(stand_ins)
    try:
        import spacy  # noqa: F401
    except ImportError:
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def _init_worker(settings: Settings, parent: int) -> None:
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)
    atexit.register(_exit_now)  # (the last registered runs first)
    import_spacy_without_cli()
    from kg.pipeline.work import pipeline_for

    pipeline_for(settings)  # load the lexicon and spaCy once, before the first document


def _ready() -> list:
    """A first call that only makes the pool start a worker (which loads spaCy in its initializer)."""
    return []


@contextmanager
def without_main() -> Iterator[None]:
    """Start workers without this process's ``__main__``: ``spawn`` would import it again in every worker (for
    ``kg build`` the CLI, with click and rich, ~0.1 s of a worker's start), and nothing a worker runs comes from it."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")  # no spec, no file: the worker leaves its own alone
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def pool(settings: Settings, workers: int) -> cf.ProcessPoolExecutor:
    """A pool of ``workers`` processes (``spawn``: safe beside threads) that load ``settings``' pipeline first."""
    import concurrent.futures as cf
    import multiprocessing

    return cf.ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                  initializer=_init_worker, initargs=(settings, os.getpid()))


def start(settings: Settings) -> tuple[cf.ProcessPoolExecutor, cf.Future]:
    """One worker process, started now (it loads spaCy while the caller goes on); the future of its first call."""
    started = pool(settings, 1)
    with without_main():
        return started, started.submit(_ready)


def _changed_since(corpus: list[Path], when: float) -> bool:
    """Whether a file or folder of ``corpus`` was modified after ``when`` (a stat per file; stops at the first)."""

    def newer(folder: str) -> bool:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.stat().st_mtime > when or (entry.is_dir() and newer(entry.path)):
                    return True
        return False

    try:
        return any(root.stat().st_mtime > when or (root.is_dir() and newer(str(root))) for root in corpus)
    except OSError:  # the build says what is missing, in its place
        return False


def start_early(out: Path, corpus: list[Path], lexicons: list[Path], workers: int | None, dask: str | None,
                cache: bool) -> None:
    """Start the worker of a likely rebuild into ``out`` now, for a build in this process to take (:func:`take`):
    a build finished there (its cache has a manifest) and a file of ``corpus`` was modified since. Nothing for Dask,
    one worker or no cache. The build closes it when the cache holds every document or the last build had other code
    or lexicons; :func:`discard` after it. (A rebuild whose files look unmodified starts its worker, if it needs one,
    when hashing finds a document the cache lacks.)"""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if dask or not cache or (cores if workers is None else workers) < 2 or _STARTED:
        return
    try:
        built = (Path(out) / "cache" / "manifest.json").stat().st_mtime  # (kg.pipeline.cache's layout)
    except OSError:
        return
    if not _changed_since([Path(c) for c in corpus], built):
        return
    try:
        settings = Settings.from_paths(lexicons)
    except (OSError, UnicodeDecodeError):  # the build says what is wrong with the lexicon, in its place
        return
    _STARTED.append((*start(settings), settings))


def take(settings: Settings) -> tuple[cf.ProcessPoolExecutor, cf.Future] | None:
    """The worker started early for ``settings`` (once), or None (none started, or for other settings: closed)."""
    if not _STARTED:
        return None
    started, ready, made_for = _STARTED.pop()
    if made_for != settings:
        _stop(started)
        return None
    return started, ready


def discard() -> None:
    """Stop the worker started early if no build took it."""
    while _STARTED:
        _stop(_STARTED.pop()[0])


def _stop(started: cf.ProcessPoolExecutor) -> None:
    """Kill the pool's worker (it has only loaded spaCy, if that) and let the pool wind down: a pool left waiting for a
    worker's start when the program ends leaves its semaphores to the resource tracker, which warns of them."""
    for proc in list((getattr(started, "_processes", None) or {}).values()):
        proc.kill()
    started.shutdown(wait=True, cancel_futures=True)
