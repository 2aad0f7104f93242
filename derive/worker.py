"""Run chain verifications in worker processes, each with a time limit: a slow one is stopped, not awaited.

SymPy cannot be interrupted from outside once it is computing, so every verification runs in a
child process (forked where the platform allows it, so SymPy is already imported) that is killed
when its time limit passes; the job is then reported as timed out and a fresh worker takes over.
A verdict never depends on which worker ran a job, on the number of workers or on the order in
which jobs finished: results are returned in the order of the jobs.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from sympy import Basic, Expr

from derive.verify import ChainReport, Context, verify_chain

__all__ = ["Job", "Outcome", "run_jobs"]

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Job:
    """One call of :func:`derive.verify.verify_chain`."""

    members: tuple[Expr, ...]
    conditions: tuple[Basic, ...]
    context: Context


@dataclass(frozen=True)
class Outcome:
    """The report of a job, or why there is none (``failure``: a time limit, a crash)."""

    report: ChainReport | None
    failure: str = ""


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"


def run_one(job: Job) -> Outcome:
    """Run ``job`` here, without a time limit; an exception becomes a failure, never a verdict."""
    try:
        return Outcome(verify_chain(job.members, job.conditions, job.context))
    except Exception as exc:  # noqa: BLE001 - a crashing verification (RecursionError too) is a failure
        return Outcome(None, f"the verifier failed: {_one_line(exc)}")


def _serve(conn: Connection) -> None:
    """The worker's loop: receive a job, send back its outcome, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            outcome = run_one(job)
        except BaseException as exc:  # noqa: BLE001 - MemoryError and the like: report, keep serving
            outcome = Outcome(None, f"the verifier failed: {_one_line(exc)}")
        try:
            conn.send(outcome)
        except Exception as exc:  # noqa: BLE001 - an unpicklable report
            conn.send(Outcome(None, f"the verifier's report could not be sent: {_one_line(exc)}"))


def _mp_context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class _Worker:
    """A child process serving jobs over a pipe."""

    def __init__(self, mp: Any) -> None:
        self.conn, child = mp.Pipe()
        self.process = mp.Process(target=_serve, args=(child,), daemon=True, name="derive-worker")
        self.process.start()
        child.close()
        self.job: int | None = None
        self.started = 0.0

    def submit(self, index: int, job: Job) -> None:
        self.job = index
        self.started = time.monotonic()
        self.conn.send(job)

    def stop(self, *, kill: bool) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                kill = True
        if kill and self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=0 if kill else 2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.conn.close()


def run_jobs(
    jobs: Sequence[Job],
    *,
    timeout: float | None,
    workers: int = 1,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Run every job with ``timeout`` seconds each, on up to ``workers`` processes.

    ``timeout=None`` runs the jobs in this process, one after the other, without a limit.
    """
    if timeout is None:
        out = []
        for n, job in enumerate(jobs, start=1):
            out.append(run_one(job))
            if progress:
                progress(n, len(jobs))
        return out
    results: list[Outcome | None] = [None] * len(jobs)
    pending = deque(range(len(jobs)))
    mp = _mp_context()
    pool: list[_Worker] = []
    done = 0
    limit = f"time limit of {timeout:g} s reached"
    try:
        while pending or any(w.job is not None for w in pool):
            while pending:
                idle = next((w for w in pool if w.job is None), None)
                if idle is None and len(pool) < max(1, workers):
                    try:
                        idle = _Worker(mp)
                    except OSError:  # no processes available: run here, without a limit
                        if pool:
                            break
                        index = pending.popleft()
                        results[index] = run_one(jobs[index])
                        done += 1
                        if progress:
                            progress(done, len(jobs))
                        continue
                    pool.append(idle)
                if idle is None:
                    break
                index = pending.popleft()
                try:
                    idle.submit(index, jobs[index])
                except Exception as exc:  # noqa: BLE001 - a broken pipe, an unpicklable job
                    results[index] = Outcome(None, f"the verifier process could not take the job: {_one_line(exc)}")
                    idle.job = None
                    idle.stop(kill=True)
                    pool.remove(idle)
                    done += 1
                    if progress:
                        progress(done, len(jobs))
            busy = [w for w in pool if w.job is not None]
            now = time.monotonic()
            wait_for = max(0.0, min(w.started + timeout for w in busy) - now) if busy else 0.0
            ready = wait([w.conn for w in busy], timeout=wait_for) if busy else []
            finished: list[tuple[_Worker, Outcome | None]] = []
            for w in busy:
                if w.conn in ready:
                    try:
                        finished.append((w, w.conn.recv()))
                    except (EOFError, OSError):
                        finished.append((w, None))
                elif time.monotonic() >= w.started + timeout:
                    finished.append((w, Outcome(None, limit)))
                    w.stop(kill=True)
                    pool.remove(w)
            for w, outcome in finished:
                index = w.job
                assert index is not None
                if outcome is None:  # the worker died (killed by the system, out of memory)
                    outcome = Outcome(None, "the verifier process stopped unexpectedly")
                    w.stop(kill=True)
                    if w in pool:
                        pool.remove(w)
                results[index] = outcome
                w.job = None
                done += 1
                if progress:
                    progress(done, len(jobs))
    finally:
        for w in pool:
            w.stop(kill=w.job is not None)
    return [r if r is not None else Outcome(None, "not run") for r in results]
