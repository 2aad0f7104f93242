"""``derive gradient`` against the catalogue: planning plus verifying softmax-ce from its spec,
cold, against the catalogue's hand-written builder, interleaved. Not part of the test suite.

    python tests/bench/gradient.py [--runs N] [--spec examples/specs/softmax-ce.md] [--name softmax-ce]

Each round runs, in fresh processes with a fresh, empty verification cache each and bytecode
cached (one warm-up round first, not counted): the import floor (``python -c "import sympy,
jinja2, typer"``), ``python -m derive NAME --format json`` (the builder: build and verify) and
``python -m derive gradient SPEC --format json`` (read the spec with derive check's grammar, plan,
verify). The ratio is the median of the per-round ratios, wall clock and CPU time (user + system
of the child); the target (at most 1.5 x the builder) counts as met only when both are within it.
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
TARGET = 1.5


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    r = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        raise SystemExit(f"gradient bench: {' '.join(argv)} exited {r.returncode}: {r.stderr.strip()[-300:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="counted rounds (default 15)")
    parser.add_argument("--spec", default="examples/specs/softmax-ce.md", help="the spec file (default: softmax-ce's)")
    parser.add_argument("--name", default="softmax-ce", help="the catalogue derivation it plans (default softmax-ce)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="derive-gradient-bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        base = {k: v for k, v in os.environ.items() if k not in ("DERIVE_NO_CACHE", "DERIVE_CACHE_DIR", "PYTHONDONTWRITEBYTECODE")}
        base["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
        base["PYTHONPATH"] = str(ROOT)
        sides = {
            "floor": FLOOR,
            f"derive {args.name} (builder)": ["-m", "derive", args.name, "--format", "json", "-q", "-o"],
            f"derive gradient {args.spec} (planned)": ["-m", "derive", "gradient", args.spec, "--format", "json", "-q", "-o"],
        }
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
        for n in range(args.runs + 1):  # round 0 is the warm-up (bytecode compiled)
            for name, command in sides.items():
                env = dict(base, DERIVE_CACHE_DIR=tempfile.mkdtemp(dir=scratch))
                out = [tempfile.mkdtemp(dir=scratch)] if command is not FLOOR else []
                measured = _run([sys.executable, *command, *out], env)
                if n:
                    results[name].append(measured)
            print(f"gradient bench: round {n}/{args.runs}", file=sys.stderr)
    names = list(sides)
    builder, planned = results[names[1]], results[names[2]]
    print(f"| cold, {args.runs} interleaved rounds | median wall (CPU) | x floor (CPU) |")
    print("|---|---|---|")
    floor = results["floor"]
    for name, runs in results.items():
        wall, cpu = statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)
        wall_ratio = statistics.median(w / fw for (w, _), (fw, _) in zip(runs, floor))
        cpu_ratio = statistics.median(c / fc for (_, c), (_, fc) in zip(runs, floor))
        print(f"| {name} | {wall:.3f} s ({cpu:.3f} s) | {wall_ratio:.2f} ({cpu_ratio:.2f}) |")
    per_round = [p / b for (p, _), (b, _) in zip(planned, builder)]
    per_round_cpu = [p / b for (_, p), (_, b) in zip(planned, builder)]
    wall_ratio, cpu_ratio = statistics.median(per_round), statistics.median(per_round_cpu)
    met = wall_ratio <= TARGET and cpu_ratio <= TARGET
    print()
    print(f"planned / builder: {wall_ratio:.2f} x wall clock, {cpu_ratio:.2f} x CPU (median of per-round ratios; "
          f"rounds {min(per_round):.2f} to {max(per_round):.2f}); target <= {TARGET} x: {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
