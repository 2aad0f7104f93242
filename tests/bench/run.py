"""Benchmarks for `derive`, printed as Markdown tables. Not part of the test suite (no file in
tests/bench is named test_*.py, so ``python -m pytest`` collects nothing here).

    python tests/bench/run.py [--runs N] [--ks 3,10,30,100,300] [--skip-naive] [--skip-catalogue]

Every measurement runs a command in a fresh process and times it by wall clock: one warm-up run
(not counted), then ``--runs`` timed runs; the tables give the median. The cold catalogue
verification, the slowest command, skips the warm-up: the runs before it have already loaded the
same files. Targets compare medians measured in this same run
(ratios). The two sides of every ratio run interleaved, round by round (the import floor with
``--k 3``, cold and warm; ``import typer`` with ``derive --help``; ``--k 100``, cold and warm, with
the naive baseline), and a ratio is the median of the per-round ratios, so a machine whose speed
drifts during the run, even from one run to the next, shifts both sides alike.

derive is run as a user runs it: the ``derive`` script installed next to this Python (a venv's
``bin/derive``), else ``python -m derive``; never a shell wrapper found on ``PATH`` (pyenv's shims
add about 0.05 s of bash to every run).

Children run as an installed package does: bytecode is cached (``PYTHONDONTWRITEBYTECODE`` is
dropped and ``PYTHONPYCACHEPREFIX`` points into the scratch directory, so the warm-up run compiles
and the timed runs load bytecode, as after ``pip install``, which compiles every module). The same
environment is used for the baselines. Each run's CPU time (user + system, of the child and its
children) is recorded too: a target is met only when both the wall-clock ratio and the CPU-time
ratio are within it, so another process loading the machine cannot make a target look met.

"Cold" runs get a fresh, empty verification cache (``DERIVE_CACHE_DIR``) each time; "warm" runs
share one that the warm-up filled. The instance (``--k N``: the k x k Jacobian and the gradient) is
never cached: every run differentiates and checks all of its entries. Peak RSS is the
``ru_maxrss`` of the child process (``resource.getrusage(RUSAGE_CHILDREN)``) in one extra run.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAIVE = Path(__file__).resolve().parent / "naive.py"
SEEDS = (ROOT / "tests" / "check" / "docs" / "seed-softmax-ce.txt", ROOT.parent / "shared" / "seed" / "000_1a0ae137ec7ca028.txt")


@dataclass(frozen=True)
class Measure:
    """Timed runs of one command: the median and every run (seconds)."""

    label: str
    runs: tuple[float, ...]
    cpu: tuple[float, ...] = ()
    group: int = 0  #: measures with the same nonzero group ran interleaved: their n-th runs share a round

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else self.median


def paired(m: Measure, base: Measure) -> tuple[float, float]:
    """``m`` over ``base``, wall clock and CPU time: for measures run interleaved, the median of
    the per-round ratios (each round's two runs saw the machine in the same state); otherwise the
    ratio of the medians."""
    if m.group and m.group == base.group:
        return (statistics.median(a / b for a, b in zip(m.runs, base.runs)),
                statistics.median(a / b for a, b in zip(m.cpu, base.cpu)))
    return m.median / base.median, m.cpu_median / base.cpu_median


class Bench:
    """Runs commands in fresh processes with a private cache directory."""

    def __init__(self, runs: int, scratch: Path) -> None:
        self.runs = runs
        self.scratch = scratch
        self.warm_cache = scratch / "warm-cache"
        script = Path(sys.executable).parent / "derive"
        self.derive = [str(script)] if script.is_file() else [sys.executable, "-m", "derive"]
        self._fresh = 0
        self._groups = 0

    def env(self, cache: Path | None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("DERIVE_NO_CACHE", "DERIVE_CACHE_DIR", "PYTHONDONTWRITEBYTECODE")}
        env["DERIVE_CACHE_DIR"] = str(cache if cache is not None else self.fresh_dir("cache"))
        env["PYTHONPYCACHEPREFIX"] = str(self.scratch / "pycache")  # bytecode cached, as installed
        return env

    def fresh_dir(self, what: str) -> Path:
        self._fresh += 1
        path = self.scratch / f"{what}-{self._fresh}"
        path.mkdir()
        return path

    def run(self, argv: Sequence[str], env: dict[str, str], codes: tuple[int, ...] = (0,)) -> tuple[float, float]:
        """(wall-clock seconds, CPU seconds of the child and its descendants)."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        r = subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if r.returncode not in codes:
            raise RuntimeError(f"{' '.join(argv)} exited {r.returncode}: {r.stderr.strip()[-400:]}")
        return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    def time(self, label: str, argv: Callable[[], Sequence[str]], *, warm: bool = True, warmup: bool = True,
             codes: tuple[int, ...] = (0,)) -> Measure:
        """``argv()`` is called for every run (a fresh output directory each time); an exit code
        outside ``codes`` is an error."""
        env = (lambda: self.env(self.warm_cache)) if warm else (lambda: self.env(None))
        if warmup:
            self.run(argv(), env(), codes)
        both = [self.run(argv(), env(), codes) for _ in range(self.runs)]
        runs, cpu = tuple(w for w, _ in both), tuple(c for _, c in both)
        print(f"  {label}: median {statistics.median(runs):.3f} s of {', '.join(f'{t:.3f}' for t in runs)}; "
              f"CPU {statistics.median(cpu):.3f} s", file=sys.stderr)
        return Measure(label, runs, cpu)

    def interleaved(self, specs: Sequence[tuple[str, Callable[[], Sequence[str]], bool]]) -> list[Measure]:
        """Each of ``specs`` (label, argv, warm cache) once per round: a warm-up round, then
        ``runs`` timed rounds, so drift in the machine's speed reaches every command alike."""
        self._groups += 1
        times: list[list[tuple[float, float]]] = [[] for _ in specs]
        for n in range(self.runs + 1):
            for (_, argv, warm), out in zip(specs, times):
                measured = self.run(argv(), self.env(self.warm_cache if warm else None))
                if n:
                    out.append(measured)
        measures = []
        for (label, _, _), both in zip(specs, times):
            runs, cpu = tuple(w for w, _ in both), tuple(c for _, c in both)
            print(f"  {label}: median {statistics.median(runs):.3f} s of {', '.join(f'{t:.3f}' for t in runs)}; "
                  f"CPU {statistics.median(cpu):.3f} s (interleaved)", file=sys.stderr)
            measures.append(Measure(label, runs, cpu, self._groups))
        return measures

    def time_inside(self, label: str, code: str) -> Measure:
        """Time measured by the child itself (it prints seconds): no interpreter start-up."""
        argv = [sys.executable, "-c", code]
        env = self.env(self.warm_cache)
        subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, check=True)
        runs = tuple(float(subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout.split()[-1])
                     for _ in range(self.runs))
        print(f"  {label}: median {statistics.median(runs):.3f} s of {', '.join(f'{t:.3f}' for t in runs)}", file=sys.stderr)
        return Measure(label, runs)

    def peak_rss_mb(self, argv: Sequence[str], env: dict[str, str]) -> float:
        """ru_maxrss of ``argv`` run as the only child of a fresh wrapper process (Linux: KiB)."""
        wrapper = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
                   "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        out = subprocess.run([sys.executable, "-c", wrapper, *argv], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        kib = int(out.stdout.split()[-1])
        return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024

    def has_command(self, name: str) -> bool:
        r = subprocess.run([*self.derive, "--help"], cwd=ROOT, env=self.env(self.warm_cache), capture_output=True, text=True)
        return any(line.split()[:1] == [name] for line in r.stdout.splitlines())


def slope(k1: int, t1: float, k2: int, t2: float) -> float:
    """The log-log slope between two points: t grows like k**slope."""
    return math.log(t2 / t1) / math.log(k2 / k1)


def _seconds(m: Measure) -> str:
    return f"{m.median:.2f} s"


def verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per measurement (default 3)")
    parser.add_argument("--ks", default="3,10,30,100,300", help="k values for --k N (default 3,10,30,100,300)")
    parser.add_argument("--skip-naive", action="store_true", help="skip the naive SymPy baseline")
    parser.add_argument("--skip-catalogue", action="store_true", help="skip derive verify and derive check")
    args = parser.parse_args(argv)
    ks = [int(k) for k in args.ks.split(",")]

    with tempfile.TemporaryDirectory(prefix="derive-bench-") as tmp:
        b = Bench(args.runs, Path(tmp))
        b.warm_cache.mkdir()
        d = b.derive
        out = lambda: [str(b.fresh_dir("out"))]  # noqa: E731
        print(f"derive: {' '.join(d)}; python {sys.version.split()[0]}; {os.cpu_count()} CPUs; runs {args.runs}", file=sys.stderr)

        k3 = lambda: [*d, "softmax-ce", "--k", "3", "--format", "all", "-o", *out()]  # noqa: E731
        floor, k3_cold, k3_warm = b.interleaved([("import floor", lambda: [sys.executable, "-c", "import sympy, jinja2, typer"], True),
                                                 ("--k 3 --format all, cold", k3, False),
                                                 ("--k 3 --format all, warm", k3, True)])
        typer_floor, help_ = b.interleaved([("import typer", lambda: [sys.executable, "-c", "import typer"], True),
                                            ("derive --help", lambda: [*d, "--help"], True)])
        k100 = lambda: [*d, "softmax-ce", "--k", "100", "--format", "json", "-o", *out()]  # noqa: E731
        naive_specs = [] if args.skip_naive else [(f"naive SymPy k = {k}", lambda k=k: [sys.executable, str(NAIVE), str(k)], True) for k in (10, 30)]
        k100_cold, k100_warm, *naive_runs = b.interleaved([("--k 100 --format json, cold", k100, False),
                                                           ("--k 100 --format json, warm", k100, True), *naive_specs])
        naive = dict(zip((10, 30), naive_runs))
        scale = {k: b.time(f"--k {k} --format all, warm", lambda k=k: [*d, "softmax-ce", "--k", str(k), "--format", "all", "-o", *out()]) for k in ks}
        inside = {k: b.time_inside(f"instance k = {k}", "import time; from derive.derivations.softmax_instance import build_instance; "
                                   f"t = time.perf_counter(); r = build_instance({k}); assert r.verdict.value == 'proved'; "
                                   "print(time.perf_counter() - t)") for k in ks}
        rss = {k: b.peak_rss_mb([*d, "softmax-ce", "--k", str(k), "--format", "all", "-o", *out()], b.env(None))
               for k in ks if k >= 100}
        catalogue: list[tuple[str, str, Measure]] = []
        if not args.skip_catalogue and b.has_command("verify"):
            catalogue.append(("`derive verify` (whole catalogue), cold cache", "",
                              b.time("verify, cold", lambda: [*d, "verify"], warm=False, warmup=False)))
            catalogue.append(("`derive verify` (whole catalogue), warm cache", "",
                              b.time("verify, warm", lambda: [*d, "verify"])))
        seed = next((s for s in SEEDS if s.exists()), None)
        if not args.skip_catalogue and seed is not None and b.has_command("check"):
            # exit 1 is the expected outcome: the seed post has a wrong step, which check refutes
            catalogue.append((f"`derive check {seed.relative_to(ROOT) if seed.is_relative_to(ROOT) else seed.name}` (the seed post)", "",
                              b.time("check seed", lambda: [*d, "check", str(seed), "--format", "json"], codes=(0, 1))))

    print(_tables(floor, typer_floor, help_, k3_cold, k3_warm, k100_cold, k100_warm, scale, inside, rss, naive, catalogue, ks, args))
    return 0


def _tables(floor: Measure, typer_floor: Measure, help_: Measure, k3_cold: Measure, k3_warm: Measure, k100_cold: Measure,
            k100_warm: Measure, scale: dict[int, Measure], inside: dict[int, Measure], rss: dict[int, float],
            naive: dict[int, Measure], catalogue: list[tuple[str, str, Measure]], ks: list[int], args: argparse.Namespace) -> str:
    s = _seconds

    def met(m: Measure, base: Measure, limit: float, strict: bool = False) -> str:
        """Both ratios (wall clock and CPU time) within ``limit``."""
        ok = [(r < limit) if strict else (r <= limit) for r in paired(m, base)]
        return verdict(all(ok))

    def ratios(m: Measure, base: Measure, what: str) -> str:
        wall, cpu = paired(m, base)
        return f"{wall:.2f} x {what} (CPU {cpu:.2f})"

    rows = [
        "| measurement | median (CPU) | ratio: wall clock (CPU time) | target | met |",
        "|---|---|---|---|---|",
        f"| `python -c \"import sympy, jinja2, typer\"` (import floor) | {s(floor)} ({floor.cpu_median:.2f} s) | 1.00 | | |",
        f"| `python -c \"import typer\"` | {s(typer_floor)} ({typer_floor.cpu_median:.2f} s) | 1.00 | | |",
        f"| `derive --help` | {s(help_)} ({help_.cpu_median:.2f} s) | {ratios(help_, typer_floor, 'typer')} | <= 1.5 x typer | {met(help_, typer_floor, 1.5)} |",
        f"| `derive softmax-ce --k 3 --format all`, cold cache (**the target is judged here**: everything verified in the run) "
        f"| {s(k3_cold)} ({k3_cold.cpu_median:.2f} s) | {ratios(k3_cold, floor, 'floor')} | <= 2.0 x floor | {met(k3_cold, floor, 2.0)} |",
        f"| `derive softmax-ce --k 3 --format all`, warm cache (for reference: the six general-k steps answered by the cache) "
        f"| {s(k3_warm)} ({k3_warm.cpu_median:.2f} s) | {ratios(k3_warm, floor, 'floor')} | (<= 2.0 x floor) | ({met(k3_warm, floor, 2.0)}) |",
    ]
    for name, m, judged in (("cold", k100_cold, "**the target is judged here**: fully verified in the run"),
                            ("warm", k100_warm, "for reference: leans on the cache")):
        if 30 in naive:
            target, ok = ("< 0.1 x naive k = 30", met(m, naive[30], 0.1, strict=True))
            if name == "warm":
                target, ok = f"({target})", f"({ok})"
            rows.append(f"| `derive softmax-ce --k 100 --format json`, {name} cache ({judged}) | {s(m)} ({m.cpu_median:.2f} s) "
                        f"| {ratios(m, naive[30], 'naive k = 30')} | {target} | {ok} |")
        else:
            rows.append(f"| `derive softmax-ce --k 100 --format json`, {name} cache ({judged}) | {s(m)} | | < 0.1 x naive k = 30 | (naive skipped) |")
    for k, m in naive.items():
        rows.append(f"| naive SymPy baseline, k = {k} (`python tests/bench/naive.py {k}`) | {s(m)} ({m.cpu_median:.2f} s) | 1.00 | | |")
    if 30 in ks and 300 in ks:
        e2e = slope(30, scale[30].median, 300, scale[300].median)
        inst = slope(30, inside[30].median, 300, inside[300].median)
        rows.append(f"| growth exponent, `--k N --format all` (warm), k = 30 to 300 | {e2e:.2f} | | <= 2 | {verdict(e2e <= 2)} |")
        rows.append(f"| growth exponent, the instance alone (`build_instance`), k = 30 to 300 | {inst:.2f} | | <= 2 | {verdict(inst <= 2)} |")
    for label, _, m in catalogue:
        rows.append(f"| {label} | {s(m)} | | | |")

    table2 = [
        "",
        "| k | `--k N --format all`, warm cache | instance alone | naive SymPy | peak RSS, cold |",
        "|---|---|---|---|---|",
    ]
    for k in ks:
        nv = s(naive[k]) if k in naive else ""
        mem = f"{rss[k]:.0f} MB" if k in rss else ""
        table2.append(f"| {k} | {s(scale[k])} | {s(inside[k])} | {nv} | {mem} |")
    cmd = "python tests/bench/run.py" + "".join(f" {a}" for a in sys.argv[1:])
    foot = [
        "",
        f"Medians of {args.runs} runs after a warm-up, each command in a fresh process with bytecode cached (as installed); "
        "the two sides of every ratio ran interleaved, round by round, and a ratio is the median of the per-round ratios; "
        f"produced by `{cmd}` on {os.cpu_count()} CPUs, Python {sys.version.split()[0]}. Cold: a fresh, empty verification "
        "cache for every run; warm: a cache filled by the warm-up. A target is met only when the wall-clock ratio and the "
        "CPU-time ratio both are within it.",
    ]
    return "\n".join(rows + table2 + foot)


if __name__ == "__main__":
    sys.exit(main())
