"""Pausing Python's cyclic garbage collector while thousands of rows are handled at once.

Reading, previewing and committing a 10,000-line import, or reading the members list of a
large organisation, makes hundreds of thousands of small tuples, dicts and dataclasses that
live until the step ends. Each batch of new objects sets off a collection that walks every
object the process holds (in the app: the whole main window, the ORM, Qt wrappers), which
cost a quarter of an import preview's time (and more than the members list's query) in a
profile. Reference counting still frees them as soon as they are dropped; the collector is
turned back on (if it was on) when the step ends, and then collects any cycles left.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Turn the cyclic garbage collector off for the block (also usable as a decorator)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
