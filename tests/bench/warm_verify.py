"""A warm ``python -m derive verify`` (the whole catalogue, answered by the cache) of this checkout
against another worktree, interleaved. Not part of the test suite.

    git worktree add --detach /tmp/base COMMIT
    python tests/bench/warm_verify.py /tmp/base . [ROUNDS]

Each side has its own cache, filled by one warm-up run; then ROUNDS rounds (default 9) run the
base, then this checkout, each in a fresh process. Prints every round and the median of the
per-round ratios of wall-clock and CPU time (user + system of the child). Every run of this
checkout corroborates each cache hit at sizes drawn for that run (`derive.corroborate`), so its
cost varies from run to run with the sizes drawn.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _run(tree: Path, cache: Path) -> tuple[float, float]:
    env = {**os.environ, "DERIVE_CACHE_DIR": str(cache), "PYTHONPATH": str(tree)}
    env.pop("CI", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "derive", "verify"], cwd=tree, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - start, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> None:
    base, new = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 9
    scratch = Path(tempfile.mkdtemp(prefix="derive-warm-"))
    try:
        ca, cb = scratch / "base", scratch / "new"
        _run(base, ca), _run(new, cb)  # warm-up: fills both caches
        walls, cpus, a_all, b_all = [], [], [], []
        for n in range(rounds):
            a, b = _run(base, ca), _run(new, cb)
            a_all.append(a), b_all.append(b)
            walls.append(b[0] / a[0]), cpus.append(b[1] / a[1])
            print(f"round {n + 1}: base {a[0]:.2f} s (CPU {a[1]:.2f}), new {b[0]:.2f} s (CPU {b[1]:.2f}), "
                  f"ratio {walls[-1]:.2f} (CPU {cpus[-1]:.2f})", flush=True)
        print(f"median base {statistics.median(x[0] for x in a_all):.2f} s, new {statistics.median(x[0] for x in b_all):.2f} s; "
              f"per-round ratio: wall {statistics.median(walls):.2f} ({min(walls):.2f} to {max(walls):.2f}), "
              f"CPU {statistics.median(cpus):.2f} ({min(cpus):.2f} to {max(cpus):.2f})")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
