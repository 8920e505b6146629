"""Using every core for the pair scans without oversubscribing the BLAS library.

The scans multiply many small matrices. OpenBLAS would start its own threads for each product,
which fight with ours; so while our worker threads run, OpenBLAS is asked to use one thread and is
set back afterwards. When the library cannot be found (another BLAS, another platform), the scans
simply run on one thread: the results are identical either way.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
from collections.abc import Callable, Iterator

_Controls = tuple[Callable[[], int], Callable[[int], None]]


@functools.cache
def _openblas_controls() -> _Controls | None:
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = sorted(
                {
                    line.split()[-1]
                    for line in maps
                    if "openblas" in line.lower() and line.split()[-1].startswith("/")
                }
            )
    except OSError:
        return None
    for path in paths:
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix in ("scipy_openblas", "openblas"):
            for suffix in ("64_", ""):
                get = getattr(library, f"{prefix}_get_num_threads{suffix}", None)
                put = getattr(library, f"{prefix}_set_num_threads{suffix}", None)
                if get is not None and put is not None:
                    get.restype = ctypes.c_int
                    get.argtypes = []
                    put.restype = None
                    put.argtypes = [ctypes.c_int]
                    return get, put
    return None


def available_workers(requested: int | None) -> int:
    """How many scan threads to use: `requested`, or one per core (at most 4) when None.

    Always 1 when the BLAS thread count cannot be controlled.
    """
    if _openblas_controls() is None:
        return 1
    if requested is not None:
        return max(1, requested)
    return max(1, min(4, os.cpu_count() or 1))


@contextlib.contextmanager
def single_threaded_blas() -> Iterator[None]:
    """Within the block, BLAS products run on the calling thread only."""
    controls = _openblas_controls()
    if controls is None:
        yield
        return
    get, put = controls
    before = get()
    put(1)
    try:
        yield
    finally:
        put(before)
