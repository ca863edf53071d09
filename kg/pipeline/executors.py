"""Where documents are processed: this process, local worker processes, or a Dask cluster.

Every executor takes an iterator of :class:`~kg.pipeline.work.Task` and
yields results as they finish, keeping only a bounded number of documents in
flight, so memory does not grow with the corpus.
"""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Iterable, Iterator
from itertools import islice

from kg.pipeline.tasks import Failed, Processed, Settings, Task
from kg.workers import pool, start, take, without_main

#: a batch sent to a worker holds documents up to about this many bytes
BATCH_BYTES = 256 * 1024
#: batches in flight per worker
WINDOW = 3
#: how long to try to reach a Dask scheduler
CONNECT_TIMEOUT = "20s"


class ExecutorError(RuntimeError):
    """The executor itself failed (a worker died, the cluster is unreachable); one line."""


def batches(tasks: Iterable[Task], limit: int = BATCH_BYTES) -> Iterator[list[Task]]:
    """Group tasks into batches of about ``limit`` bytes (at least one task each)."""
    batch: list[Task] = []
    size = 0
    for t in tasks:
        batch.append(t)
        size += len(t.data)
        if size >= limit:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def run_serial(tasks: Iterable[Task], settings: Settings) -> Iterator[Processed | Failed]:
    """Process in this process."""
    from kg.pipeline.work import process  # spaCy and the extraction: in the process that extracts

    for t in tasks:
        yield process(t, settings)


def _process_many(batch: list[Task], settings: Settings) -> list[Processed | Failed]:
    """:func:`kg.pipeline.work.process_many` in a worker (named here, so the parent never imports spaCy)."""
    from kg.pipeline.work import process_many

    return process_many(batch, settings)


class PoolRun:
    """Tasks processed in local worker processes (started with ``spawn``, so safe beside threads).

    The workers start, and the first batches go out, when the run is made, so they load spaCy and work while the
    caller does something else; iterating gives the results as they finish. Made without tasks, the run has one
    worker at once (the one ``kg build`` started before it loaded the library, :func:`kg.workers.start_early`, else
    a new one) and takes its tasks later (:meth:`feed`), so the worker loads spaCy before they are known.
    :meth:`close` stops the workers (iterating to the end closes them too).
    """

    def __init__(self, tasks: Iterable[Task] | None, settings: Settings, workers: int) -> None:
        self.settings, self.window = settings, workers * WINDOW
        self.source: Iterator[list[Task]] = iter(())
        self.pending: set[cf.Future] = set()
        if tasks is None:
            self.pool, ready = take(settings) or start(settings)
            self.pending.add(ready)
            return
        self.pool = pool(settings, workers)
        try:
            self.feed(tasks)
        except BaseException:
            self.close()
            raise

    def feed(self, tasks: Iterable[Task]) -> None:
        """Give the run its tasks (once): the first batches go out now."""
        self.source = batches(tasks)
        self.pending |= {self._submit(b) for b in islice(self.source, self.window)}

    def _submit(self, batch: list[Task]) -> cf.Future:
        with without_main():  # a submit may start a worker
            return self.pool.submit(_process_many, batch, self.settings)

    def __iter__(self) -> Iterator[Processed | Failed]:
        try:
            for batch in self.source:
                self.pending.add(self._submit(batch))
                if len(self.pending) >= self.window:
                    done, self.pending = cf.wait(self.pending, return_when=cf.FIRST_COMPLETED)
                    for fut in done:
                        yield from fut.result()
            for fut in cf.as_completed(self.pending):
                yield from fut.result()
        except cf.process.BrokenProcessPool as exc:
            raise ExecutorError(f"a worker process died ({exc}); documents done so far are cached, "
                                "rerun (or use --workers 1 to find the document)") from None
        finally:
            self.close()

    def close(self) -> None:
        # not waiting for the workers to exit (tearing spaCy down takes them ~0.5 s): every result is in, or the
        # build has failed; a worker takes no new work after this, and dies with this process in any case
        self.pool.shutdown(wait=False, cancel_futures=True)


def run_pool(tasks: Iterable[Task], settings: Settings, workers: int) -> Iterator[Processed | Failed]:
    """Process in ``workers`` local processes (see :class:`PoolRun`)."""
    return iter(PoolRun(tasks, settings, workers))


def run_dask(tasks: Iterable[Task], settings: Settings, address: str) -> Iterator[Processed | Failed]:
    """Process on the Dask distributed cluster at ``address`` (its workers need kg installed).

    Documents travel as bytes, so the workers need not see this machine's disk.
    """
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ExecutorError("--dask needs the distributed package: pip install 'kg[dask]'") from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ExecutorError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = workers * WINDOW
        settings_future = client.scatter(settings, broadcast=True)
        pending = as_completed(loop=client.loop)
        inflight = 0
        for batch in batches(tasks):
            pending.add(client.submit(_process_many, batch, settings_future, pure=False))
            inflight += 1
            if inflight >= window:
                yield from next(pending).result()
                inflight -= 1
        for fut in pending:
            yield from fut.result()
    except (OSError, TimeoutError) as exc:
        raise ExecutorError(f"the Dask cluster at {address} failed: {exc}") from None
    finally:
        client.close()


def run(tasks: Iterable[Task], settings: Settings, workers: int = 1, dask: str | None = None
        ) -> Iterator[Processed | Failed]:
    """Process ``tasks`` on the chosen executor: Dask when ``dask`` is set, else ``workers`` processes."""
    if dask:
        return run_dask(tasks, settings, dask)
    if workers <= 1:
        return run_serial(tasks, settings)
    return run_pool(tasks, settings, workers)
