"""Run a per-document step on one core, on worker processes, or on a Dask cluster.

The per-document steps of ``helpers panel`` (reading and cleaning one file, extracting one
document) are pure functions of their input, so they can run anywhere; what must not change is
the order in which their results come back, since that order is the order of the outputs.
``Backend.map`` therefore always returns the results in the order of the inputs, whichever
way it ran them, and ``--jobs 1``, ``--jobs N`` and Dask write the same bytes.

- ``jobs=1``: in this process (no pickling, easiest to debug).
- ``jobs=N``: a pool of N worker processes (``concurrent.futures``), inputs sent in batches.
- ``dask=True``: a ``distributed.LocalCluster`` of ``jobs`` single-threaded worker processes;
  ``dask="tcp://host:8786"``: an existing scheduler (the workers must see the same files).
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Callable, Iterable, Iterator


def default_jobs() -> int:
    """Cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _run_batch(fn: Callable, batch: list) -> list:
    return [fn(x) for x in batch]


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


@dataclass
class Backend:
    """Where per-document work runs. Use as a context manager, or call ``close``."""

    jobs: int = 1
    dask: bool | str | None = None
    _pool: object = field(default=None, init=False, repr=False)
    _client: object = field(default=None, init=False, repr=False)
    _cluster: object = field(default=None, init=False, repr=False)

    def __post_init__(self):
        if self.jobs is None or self.jobs < 1:
            self.jobs = default_jobs()

    @property
    def parallel(self) -> bool:
        return bool(self.dask) or self.jobs > 1

    def describe(self) -> str:
        if self.dask:
            where = "a local Dask cluster" if self.dask is True else f"the Dask scheduler {self.dask}"
            return f"{where} ({self.jobs} worker(s))" if self.dask is True else where
        return "1 process" if self.jobs == 1 else f"{self.jobs} worker processes"

    def _start(self) -> None:
        if self.dask and self._client is None:
            from distributed import Client, LocalCluster

            if self.dask is True:
                self._cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1,
                                             processes=True, dashboard_address=None)
                self._client = Client(self._cluster)
            else:
                self._client = Client(self.dask)
        elif not self.dask and self.jobs > 1 and self._pool is None:
            # fork: workers start at once and inherit the imported modules and loaded tables
            ctx = multiprocessing.get_context("fork" if "fork" in
                                              multiprocessing.get_all_start_methods() else None)
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx)

    def map(self, fn: Callable, items: Iterable, *, batch: int | None = None) -> Iterator:
        """``fn(item)`` for every item, yielded in the order of ``items``. ``fn`` must be a
        module-level function (it is pickled for the workers)."""
        items = list(items)
        if not self.parallel or len(items) <= 1:
            yield from map(fn, items)
            return
        self._start()
        # batches: few enough to keep the per-task overhead small, enough to balance the load
        size = batch or max(1, min(64, len(items) // (self.jobs * 8) or 1))
        work = partial(_run_batch, fn)
        submit = ((lambda b: self._client.submit(work, b, pure=False)) if self._client is not None
                  else (lambda b: self._pool.submit(work, b)))
        # A bounded window of batches in flight: inputs are not all pickled at once.
        window: deque = deque()
        pending = iter(_batches(items, size))
        for b in itertools.islice(pending, 4 * self.jobs):
            window.append(submit(b))
        while window:
            fut = window.popleft()
            out = fut.result()
            if hasattr(fut, "release"):
                fut.release()
            for b in itertools.islice(pending, 1):
                window.append(submit(b))
            yield from out

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> "Backend":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
