"""The garbage collector of a long-running server process.

A full collection walks every object the process holds: Django, the app, and each open
WebSocket's consumer and protocol objects. With 2,000 connections that stops the server for
50-450 ms, every few seconds under load (bench/bench_websockets.py). Almost nothing a request or
a message allocates lives in a reference cycle (reference counting frees it), so the collector
can run far less often without memory growing.
"""

from __future__ import annotations

import gc

# Collections of the youngest objects after this many new container objects (default 700), of
# the middle generation after 50 of those (default 10), of everything after 100 of those.
THRESHOLDS = (10_000, 50, 100)


def settle() -> None:
    """Once the application is loaded: everything loaded so far lives as long as the process, so
    it is moved out of the collector's reach (`gc.freeze`), and collections are made rarer."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
