"""Many files at once: in worker processes (``--jobs``), in an order that keeps
each issuer's reports together, with the output in the command line's order.

Files are linted grouped by issuer and sorted by year, so that when a report's
cross-year rules ask for last year's report, that report has just been linted by
the same process and is taken from memory instead of being parsed again. The
outcomes are written in the original order whatever the order of the work.

Workers are forked (they inherit the loaded rule packs and the run's index) and
ignore SIGINT: Ctrl-C reaches the parent, which stops them and exits 130 without
a traceback from any of them.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from gailint.cli.checkfile import Job, Outcome, RunState, check

MIN_PARALLEL = 64  # below this, starting workers costs more than it saves
# Chunk sizes shrink as the work runs out ("guided" scheduling): a chunk holds a
# 1/GUIDED share of what is left per worker, at least MIN_CHUNK files. Big chunks
# first keep the hand-over cheap; small ones last let the workers finish together
# (with even chunks of ~800 files, one core idled ~2 s at the end of 20,000).
GUIDED = 4
MIN_CHUNK = 8

_STATE: RunState | None = None


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_chunk(jobs: list[Job]) -> list[Outcome]:
    assert _STATE is not None
    try:
        return [check(_STATE, job) for job in jobs]
    finally:
        if _STATE.cache is not None:
            _STATE.cache.flush()  # this worker's groups, before another worker may need them


def _chunks(jobs: list[Job], workers: int) -> list[list[Job]]:
    """Consecutive jobs in chunks of shrinking size (see GUIDED), cut only
    between two issuers' groups when possible."""
    out: list[list[Job]] = []
    current: list[Job] = []
    left = len(jobs)
    size = max(MIN_CHUNK, left // (workers * GUIDED))
    for job in jobs:
        full = len(current) >= size
        if (full and (job.group[0] is None or job.group[0] != current[-1].group[0])) or len(current) >= 4 * size:
            # (4 × size: one huge group is cut anyway)
            out.append(current)
            left -= len(current)
            current = []
            size = max(MIN_CHUNK, left // (workers * GUIDED))
        current.append(job)
    if current:
        out.append(current)
    return out


class Progress:
    """``检查中 1234/20000`` on stderr, redrawn at most ten times a second."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.started = time.monotonic()
        self._drawn = 0.0

    def advance(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._drawn < 0.1 and self.done < self.total:
            return
        self._drawn = now
        rate = self.done / max(now - self.started, 1e-6)
        self.stream.write(f"\r\x1b[K检查中 {self.done}/{self.total}（{100 * self.done // max(self.total, 1)}%，{rate:.0f} 个文件/秒）")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\x1b[K")
        self.stream.flush()


def run(
    state: RunState,
    jobs: list[Job],
    workers: int,
    progress: Progress | None = None,
) -> Iterator[Outcome]:
    """Outcomes of ``jobs`` in index order; the work is ordered by each job's
    (issuer key, year) from the report index."""
    ordered = sorted(jobs, key=lambda j: (*_group_key(j.group, j.path), j.index))
    pending: dict[int, Outcome] = {}
    indices = sorted(j.index for j in jobs)
    position = 0

    def drain() -> Iterator[Outcome]:
        nonlocal position
        while position < len(indices) and indices[position] in pending:
            yield pending.pop(indices[position])
            position += 1

    if workers <= 1 or len(jobs) < MIN_PARALLEL:
        for job in ordered:
            pending[job.index] = check(state, job)
            if progress is not None:
                progress.advance(1)
            yield from drain()
        return

    global _STATE
    _STATE = state
    try:
        with _worker_pool(workers) as pool:
            for outcomes in pool.imap_unordered(_run_chunk, _chunks(ordered, workers)):
                for o in outcomes:
                    pending[o.index] = o
                if progress is not None:
                    progress.advance(len(outcomes))
                yield from drain()
    finally:
        _STATE = None


@contextmanager
def _worker_pool(workers: int) -> Iterator[Any]:
    """Forked workers (they inherit what the parent loaded) that ignore SIGINT:
    closed when the work is done, terminated on an error or Ctrl-C."""
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    ctx = multiprocessing.get_context(method)
    sys.stdout.flush()
    sys.stderr.flush()
    pool = ctx.Pool(workers, initializer=_ignore_sigint)
    try:
        yield pool
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


MIN_PARALLEL_INDEX = 1000  # files to identify before workers pay for themselves


def _identify(paths: list[str]) -> list[object]:
    from gailint.engine.workspace import identify_file

    out: list[object] = []
    for path in paths:
        try:
            out.append(identify_file(path)[0])
        except OSError:
            out.append(None)  # the index tries again, and drops the file
    return out


def identify_many(paths: list[str], workers: int) -> dict[str, object]:
    """Identities (issuer, year) of report files from their heads and tails, read by
    ``workers`` processes: on a cold run of 20,000 files this was a second of one
    core's work while the other waited. Below MIN_PARALLEL_INDEX files, or with one
    worker, nothing (the index identifies each file itself)."""
    if workers <= 1 or len(paths) < MIN_PARALLEL_INDEX:
        return {}
    size = max(MIN_CHUNK, len(paths) // (workers * GUIDED * 4))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    found: dict[str, object] = {}
    with _worker_pool(workers) as pool:
        for chunk, identities in zip(chunks, pool.imap(_identify, chunks)):
            found.update((p, i) for p, i in zip(chunk, identities) if i is not None)
    return found


def _group_key(group: tuple, path: str) -> tuple:
    key, year = group
    # Files of no known issuer keep their own order, after the groups.
    return (0, key, year or 0) if key else (1, path, 0)
