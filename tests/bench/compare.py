"""The cold ``derive softmax-ce --k 3 --format all`` (or ``derive check DOC``) of this checkout
against an earlier commit, interleaved. Not part of the test suite.

    python tests/bench/compare.py COMMIT [--runs N] [--check DOC]

With ``--check DOC`` the command timed is ``derive check DOC`` (exit 0 or 1: a refuted equation is
a result, not a failure), for the reading and the planning of a document as well as the verifier.

The commit is checked out into a temporary git worktree (removed afterwards); each round runs the
import floor (``python -c "import sympy, jinja2, typer"``), then ``python -m derive`` of the
commit, then of this checkout, each in a fresh process with a fresh, empty verification cache and
bytecode cached (one warm-up round first, not counted). Interleaving matters on a machine whose
speed drifts: both sides see the same drift, so their ratio is meaningful where two separate runs
of `tests/bench/run.py` are not. Prints medians of wall-clock and CPU time (user + system of the
child) and each side's ratio to the floor: the median of the per-round ratios.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FLOOR = ["-c", "import sympy, jinja2, typer"]
COLD_K3 = ["-m", "derive", "softmax-ce", "--k", "3", "--format", "all", "-o"]


def _run(argv: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    r = subprocess.run(argv, env=env, cwd=env.get("PYTHONPATH", ROOT), capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode not in ok:
        raise SystemExit(f"compare: {' '.join(argv)} exited {r.returncode}: {r.stderr.strip()[-300:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commit", help="the earlier commit (anything git rev-parse accepts)")
    parser.add_argument("--runs", type=int, default=15, help="counted rounds (default 15)")
    parser.add_argument("--check", metavar="DOC", help="time 'derive check DOC' instead of softmax-ce --k 3")
    args = parser.parse_args(argv)
    timed = ["-m", "derive", "check", str(Path(args.check).resolve())] if args.check else COLD_K3
    what = f"`derive check {Path(args.check).name}`" if args.check else "`derive softmax-ce --k 3 --format all`"
    with tempfile.TemporaryDirectory(prefix="derive-compare-") as scratch_dir:
        scratch = Path(scratch_dir)
        tree = scratch / "tree"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(tree), args.commit], cwd=ROOT, check=True)
        try:
            base = {k: v for k, v in os.environ.items() if k not in ("DERIVE_NO_CACHE", "DERIVE_CACHE_DIR", "PYTHONDONTWRITEBYTECODE")}
            base["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
            sides = {"floor": (FLOOR, None), args.commit: (timed, tree), "this checkout": (timed, ROOT)}
            results: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
            for n in range(args.runs + 1):  # round 0 is the warm-up (bytecode compiled)
                for name, (command, path) in sides.items():
                    env = dict(base, DERIVE_CACHE_DIR=tempfile.mkdtemp(dir=scratch))
                    if path is not None:
                        env["PYTHONPATH"] = str(path)
                    out = [tempfile.mkdtemp(dir=scratch)] if command is COLD_K3 else []
                    measured = _run([sys.executable, *command, *out], env, (0, 1) if args.check else (0,))
                    if n:
                        results[name].append(measured)
                print(f"compare: round {n}/{args.runs}", file=sys.stderr)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)
    floor = results["floor"]
    print(f"| {what}, cold, {args.runs} interleaved rounds | median (CPU) | x floor (CPU) |")
    print("|---|---|---|")
    for name, runs in results.items():
        wall, cpu = statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)
        # the median of the per-round ratios: each round's runs saw the machine in the same state
        wall_ratio = statistics.median(w / fw for (w, _), (fw, _) in zip(runs, floor))
        cpu_ratio = statistics.median(c / fc for (_, c), (_, fc) in zip(runs, floor))
        label = "import floor" if name == "floor" else name
        print(f"| {label} | {wall:.3f} s ({cpu:.3f} s) | {wall_ratio:.2f} ({cpu_ratio:.2f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
