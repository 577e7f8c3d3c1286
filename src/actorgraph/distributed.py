"""Distributed runs on a Dask cluster (``--engine dask``).

The same :func:`actorgraph.pipeline.process_batch` runs on Dask workers; the client
writes each finished batch as a part, exactly as a local run does, so the tables are the
same and incremental re-runs and resumption work unchanged.

To use an existing cluster, install actorgraph (and the model) on every worker, start the
scheduler and workers as usual (``dask scheduler`` / ``dask worker tcp://HOST:8786
--nthreads 1``: spaCy is CPU-bound, so one thread per worker process), then::

    actorgraph run articles/ --out out/ --engine dask --scheduler tcp://HOST:8786

Without ``--scheduler`` a LocalCluster with ``--jobs`` worker processes is started.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

import pandas as pd

from actorgraph.records import Article

log = logging.getLogger(__name__)


class DaskUnavailable(Exception):
    """Dask is not installed (it is an optional dependency)."""


def _process(batch: list[Article], options: Any, fingerprint: str) -> dict[str, pd.DataFrame]:
    from actorgraph.pipeline import process_batch

    return process_batch(batch, options=options, fingerprint=fingerprint)


def run_dask(batches: Iterator[list[Article]], *, options: Any, fingerprint: str, scheduler: str | None,
             on_done: Callable[[dict[str, pd.DataFrame]], None], jobs: int = 1) -> None:
    """Process ``batches`` on a Dask cluster, calling ``on_done`` with each batch's tables.

    At most two batches per worker are in flight, so memory stays bounded on the client.
    """
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        from actorgraph.pipeline import PipelineError

        raise PipelineError("--engine dask needs Dask: pip install 'actorgraph[dask]'") from e

    if not logging.getLogger().isEnabledFor(logging.INFO):
        # Dask configures its own INFO handlers; keep them quiet unless --verbose.
        for name in ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.worker",
                     "distributed.core", "distributed.http.proxy"):
            logging.getLogger(name).setLevel(logging.WARNING)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # No dashboard (nothing listens on a port) and Dask's own logs only when they matter.
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                               dashboard_address=None, scheduler_kwargs={"dashboard": False},
                               silence_logs=logging.WARNING)
        client = Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        limit = 2 * n_workers
        pending = as_completed()
        in_flight = 0
        for batch in batches:
            pending.add(client.submit(_process, batch, options, fingerprint, pure=False))
            in_flight += 1
            while in_flight >= limit:
                future = next(pending)
                on_done(future.result())
                future.release()
                in_flight -= 1
        for future in pending:
            on_done(future.result())
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
