"""When the cyclic garbage collector runs during a build: a build makes hundreds of thousands of long-lived objects
and next to no cycles, so collections that walk them again and again are wasted."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_collection(freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection inside the block. Loading the cached records, linking and writing make hundreds of
    thousands of long-lived objects and next to no cycles; every full collection would walk all of them again (half
    the time of a rebuild's scan and link went there).

    With ``freeze`` what the block leaves is frozen at its end (:func:`build` unfreezes it when it ends): collection
    comes back on with no young objects, where else the first young collection after it walked every object the block
    made (0.23 s after a rebuild's records were loaded). Cycles the block leaves are collected after the build."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


#: allocations between young-generation collections while documents are processed (CPython's default is 700)
YOUNG_COLLECTION_THRESHOLD = 10_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect young objects less often inside the block (the thresholds are restored after it).

    A document makes hundreds of thousands of short-lived objects and few cycles; at the default threshold the
    collector runs every 700 allocations and every tenth run walks the older generation too, which cost about
    5 % of a document's time.
    """
    young, *older = gc.get_threshold()
    gc.set_threshold(max(young, YOUNG_COLLECTION_THRESHOLD), *older)
    try:
        yield
    finally:
        gc.set_threshold(young, *older)
