"""Pausing Python's cyclic garbage collector around work on a whole repository."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector around work on a whole repository.

    Loading builds hundreds of thousands of long-lived, acyclic objects (node trees, data,
    models), freed by reference counting; with the collector running, every generation-2 pass
    walks all of them again, which tripled the lint time of a 2,000-file repository. Wrap the
    whole operation (load and rules): pausing only the load defers a full pass to just after it.
    A module of its own so that a cached lint can pause it without importing the loader.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
