"""Running the per-program work in parallel: a local process pool, or a Ray cluster.

Both executors take the same picklable task objects and a top-level work function, keep a
bounded number of tasks in flight (so a million-program build never holds a million
futures), and hand each result to ``on_result`` in the calling process as it arrives, in
completion order; that callback is where results are written, so an interruption loses
only the tasks still in flight. Ray is an optional dependency (the ``[ray]`` extra) and is
imported only when ``--executor ray`` asks for it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from typing import Any, TypeVar

from clara.errors import ClaraError

EXECUTORS = ("local", "ray")
IN_FLIGHT_PER_WORKER = 4

T = TypeVar("T")
R = TypeVar("R")


@contextmanager
def progress_bar(total: int, description: str, enabled: bool) -> Iterator[Any]:
    """A tqdm bar on stderr (a no-op object when disabled)."""
    from tqdm import tqdm

    bar = tqdm(total=total, desc=description, unit="prog", file=sys.stderr, disable=not enabled,
               dynamic_ncols=True)
    try:
        yield bar
    finally:
        bar.close()


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_local(tasks: Iterable[T], work: Callable[[T], R], on_result: Callable[[R], None],
              jobs: int) -> None:
    """Run ``work`` over ``tasks`` in ``jobs`` worker processes (in this process if 1)."""
    if jobs <= 1:
        for task in tasks:
            on_result(work(task))
        return
    pool = ProcessPoolExecutor(max_workers=jobs)
    pending: set[Future[R]] = set()
    try:
        for task in tasks:
            if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    on_result(future.result())
            pending.add(pool.submit(work, task))
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                on_result(future.result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def import_ray() -> Any:
    try:
        import ray
    except ImportError as err:
        raise ClaraError(
            "--executor ray needs Ray, which is not installed: pip install 'clara-nf[ray]' "
            "(or pip install ray); every Ray worker machine also needs Clara, LLVM 19 and "
            "the target's cross compiler"
        ) from err
    return ray


def run_ray(tasks: Iterable[T], work: Callable[[T], R], on_result: Callable[[R], None],
            jobs: int, address: str | None = None) -> None:
    """Run ``work`` over ``tasks`` as Ray tasks (one CPU each).

    ``address`` is a running cluster (``ray start --head`` ...; also ``$RAY_ADDRESS``);
    without one a local Ray instance with ``jobs`` CPUs is started and stopped here.
    """
    ray = import_ray()
    address = address or os.environ.get("RAY_ADDRESS")
    started = not ray.is_initialized()
    if started:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=jobs, include_dashboard=False, log_to_driver=False)
    try:
        remote = ray.remote(num_cpus=1, max_retries=1)(work)
        limit = max(1, int(ray.cluster_resources().get("CPU", jobs))) * IN_FLIGHT_PER_WORKER
        pending: list[Any] = []
        for task in tasks:
            if len(pending) >= limit:
                finished, pending = ray.wait(pending, num_returns=1)
                on_result(ray.get(finished[0]))
            pending.append(remote.remote(task))
        while pending:
            finished, pending = ray.wait(pending, num_returns=1)
            on_result(ray.get(finished[0]))
    finally:
        if started:
            ray.shutdown()


def run_tasks(tasks: Iterable[T], work: Callable[[T], R], on_result: Callable[[R], None],
              jobs: int, executor: str = "local", address: str | None = None) -> None:
    """Dispatch to the executor named ``executor`` (one of EXECUTORS)."""
    if executor == "local":
        run_local(tasks, work, on_result, jobs)
    elif executor == "ray":
        run_ray(tasks, work, on_result, jobs, address)
    else:
        raise ClaraError(f"unknown executor {executor!r}; choose one of {', '.join(EXECUTORS)}")
