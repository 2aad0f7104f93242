"""``derive gradient --k N``: the planned result written out at a concrete size, entry by entry.

Each entry of the gradient (a vector over the variable's free index, a matrix when the target has
one too) is the planned closed form at those index values. Independently of the planner and of
the general-k proof, every entry is compared with the derivative of the fully explicit definitions at that
size (sums written out, SymPy's ``diff``, the assumptions solved for one variable): exactly by a
canonical rational function, and numerically at 50 digits at random rational points. Up to
k = 4 every entry is also a certificate step with the condition ``k = N``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import mpmath
from sympy import Basic, Eq, Expr, Indexed, Rational, Symbol

from ..calculus import Definitions, expand_sums, free_indices, is_zero_form
from ..errors import UsageError
from ..instances import Placement, explicit, solve_constraints, variables_of
from ..numeric import evaluate
from ..steps import Display, Step
from ..verify import Evidence, Verdict
from .explain import tex
from .plan import PlannedDerivation, plain

__all__ = ["PlannedInstance", "build_instance", "MAX_K", "MAX_K_MATRIX", "CERTIFIED_MAX_K"]

#: The largest ``--k`` for a planned derivation whose result is a vector (every entry is checked
#: by differentiating the explicit definitions, whose size grows with k) and for a matrix.
MAX_K = 20
MAX_K_MATRIX = 8
#: Up to this k every entry is also a certificate step.
CERTIFIED_MAX_K = 4
#: Up to this k the sums of an entry are written out term by term.
SHOWN_EXPLICIT_MAX_K = 4
DIGITS = 50


@dataclass(frozen=True)
class PlannedInstance:
    """The explicit gradient at k, and what checking it found (read by the view, the certificate
    and the engine like the catalogue's instance)."""

    k: int
    displays: tuple[Display, ...]
    verdict: Verdict
    evidence: tuple[Evidence, ...]
    steps: tuple[Step, ...]
    description: str = ""


def _free(pd: PlannedDerivation) -> list[Symbol]:
    problem = pd.problem
    ordered = []
    for e in (problem.target, problem.variable):
        for s in sorted(free_indices(e), key=lambda s: s.name):
            if s != problem.size and s not in ordered:
                ordered.append(s)
    return ordered


def _shown(value: Expr, size: Symbol, n: int) -> Expr:
    at = value.xreplace({size: n})
    return expand_sums(at) if n <= SHOWN_EXPLICIT_MAX_K else at


def build_instance(pd: PlannedDerivation, n: int, progress: Callable[[int, int], None] | None = None) -> PlannedInstance:
    """The instance of ``pd`` at size ``n`` (a `UsageError` when the definitions have no size)."""
    problem = pd.problem
    size = problem.size
    if size is None:
        raise UsageError(f"{problem.name} has no size (its definitions have no sums), so --k does not apply", hint="drop --k")
    if n > MAX_K:
        raise UsageError(f"--k {n} is above the limit of {MAX_K} for a planned derivation")
    free = _free(pd)
    if len(free) > 2:
        raise UsageError(f"{problem.name} has {len(free)} free indices; --k writes out vectors and matrices only", hint="drop --k")
    if len(free) == 2 and n > MAX_K_MATRIX:
        raise UsageError(f"--k {n} is above the limit of {MAX_K_MATRIX} for a planned matrix (every entry is checked)")
    result = pd.derivation.result
    start, final = result.chain[0], result.chain[-1]
    conditions = tuple(result.conditions)
    rows = list(range(1, n + 1)) if free else [1]
    cols = list(range(1, n + 1)) if len(free) == 2 else [None]

    def at(a: int, b: int | None) -> dict[Basic, int]:
        values = [a, b] if b is not None else [a]
        return dict(zip(free, values)) if free else {}

    table = tuple(tuple(_shown(final.xreplace(at(a, b)), size, n) for b in cols) for a in rows)
    checked = [(a, b) for a in rows for b in cols]
    exact, numeric, counter = _check(pd, n, checked, at, start, final, conditions, progress)
    steps: list[Step] = []
    if n <= CERTIFIED_MAX_K:
        for a in rows:
            for b in cols:
                where = at(a, b)
                label = "-".join(str(v) for v in where.values()) or "1"
                steps.append(Step(f"k{n}-entry-{label}", f"Entry {', '.join(str(v) for v in where.values()) or ''}".strip(),
                                  "direct differentiation", f"The entry of d{plain(problem.target)}/d{plain(problem.variable)} "
                                  f"at k = {n}.", (start.xreplace(where), final.xreplace(where)), (Eq(size, n), *conditions)))
    verdict = Verdict.REFUTED if counter else (Verdict.PROVED if exact.outcome == numeric.outcome == "pass" else Verdict.UNKNOWN)
    lhs = rf"\frac{{\partial {_base_tex(problem.target)}}}{{\partial {_base_tex(problem.variable)}}}"
    what = "matrix" if len(free) == 2 else "vector"
    return PlannedInstance(
        k=n,
        displays=(Display(lhs, table),),
        verdict=verdict,
        evidence=(exact, numeric),
        steps=tuple(steps),
        description=f"The planned result written out as a {what}, each entry the closed form at its indices",
    )


def _base_tex(e: Expr) -> str:
    return tex(Symbol(e.base.name)) if isinstance(e, Indexed) else tex(e)


def _check(pd: PlannedDerivation, n: int, checked: list[tuple[int, int | None]], at, start: Expr, final: Expr,  # type: ignore[no-untyped-def]
           conditions: tuple, progress) -> tuple[Evidence, Evidence, bool]:  # type: ignore[type-arg]
    """Exact and numeric evidence for the sampled entries: the explicit derivative against the
    closed form."""
    problem = pd.problem
    defs = Definitions(problem.definitions)
    rng = random.Random(f"planned-points-{problem.name}-{n}")
    exact_bad: list[str] = []
    worst = 0.0
    counter = None
    errors: list[str] = []
    for count, (a, b) in enumerate(checked, start=1):
        where = at(a, b)
        place = Placement(n, tuple((s, v) for s, v in where.items()))
        name = ", ".join(f"{s} = {v}" for s, v in where.items()) or "the entry"
        try:
            solution = solve_constraints(conditions, defs, problem.size, place)
            direct = explicit(start, defs, problem.size, place).xreplace(solution)
            closed = explicit(final, defs, problem.size, place).xreplace(solution)
            difference = direct - closed
            if not is_zero_form(difference):
                exact_bad.append(name)
            names = sorted(set(variables_of(direct, problem.size)) | set(variables_of(closed, problem.size)), key=str)
            for _ in range(2):
                values = {v: Rational(rng.randint(1, 40), 20) for v in names}
                gap = abs(evaluate(difference, values, DIGITS))
                scale = 1 + abs(evaluate(direct, values, DIGITS))
                if gap > mpmath.mpf(10) ** (-(DIGITS - 15)) * scale:
                    counter = counter or f"{name}: {', '.join(f'{v} = {x}' for v, x in values.items())}"
                else:
                    worst = max(worst, float(gap))
        except Exception as exc:  # noqa: BLE001 - a check that fails to run is no pass
            errors.append(f"{name}: {type(exc).__name__}: {' '.join(str(exc).split())[:120]}")
        if progress:
            progress(count, len(checked))
    what = f"all {len(checked)} entries" if len(checked) > 1 else "the entry"
    how = f"the derivative of the explicit definitions at ${tex(problem.size)} = {n}$ (sums written out, SymPy's diff"
    how += ", the assumptions solved for one variable)" if conditions else ")"
    if errors:
        exact = Evidence("exact", "error", f"could not check {errors[0]}")
        numeric = Evidence("numeric", "error", f"could not check {errors[0]}")
        return exact, numeric, False
    exact = (Evidence("exact", "fail", f"{', '.join(exact_bad)}: the closed form and {how} differ") if exact_bad
             else Evidence("exact", "pass", f"{what}: the closed form and {how} agree exactly"))
    numeric = (Evidence("numeric", "fail", f"the closed form and the explicit derivative differ at {counter}") if counter
               else Evidence("numeric", "pass", f"{what} agree at 2 random rational points each to {DIGITS - 15} digits "
                                                f"(largest difference {worst:.1e})"))
    return exact, numeric, counter is not None
