"""Keep Python's cyclic garbage collector from freezing the UI thread during bulk work.

Building the planner's entity index for a 100k-contact workspace, or importing a large export,
allocates millions of objects; each full (generation 2) collection then walks all of them while
holding the GIL, which measured as 130 ms UI-thread stalls. :func:`bulk_work` pauses the collector
for the duration and afterwards moves the surviving long-lived objects to the permanent generation
(``gc.freeze``), so later collections skip them. Objects are still freed by reference counting.
Measured on the 100k workspace (2 cores): index build max UI gap 133 ms -> 49 ms, p99 47 -> 5 ms.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0


@contextmanager
def bulk_work() -> Iterator[None]:
    """Pause cyclic GC while the block runs (re-entrant and thread-safe: the collector comes back
    when the last concurrent block ends, after freezing what survived)."""
    global _depth
    with _lock:
        _depth += 1
        gc.disable()
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.freeze()
                gc.enable()
