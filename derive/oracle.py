"""An independent judge of equalities, for the soundness suite: SymPy's own ``diff`` and ``evalf``.

It shares no code with the verifier (`derive.verify`, `derive.calculus`, `derive.instances`,
`derive.numeric`): at a concrete size and concrete index values it expands sums term by term,
substitutes the definitions, differentiates with ``sympy.diff``, solves constraints with
``sympy.solve`` and compares both sides at random rational points with ``evalf`` (30 digits). Its
answer is ``differs`` (with where), ``equal`` (every instance tried agreed) or ``undecided``.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass

from sympy import (
    Add,
    Basic,
    Derivative,
    Eq,
    Expr,
    Indexed,
    Integer,
    Ne,
    Rational,
    Sum,
    Symbol,
    diff,
    solve,
)
from sympy.core.function import AppliedUndef
from sympy.core.relational import Relational

from .steps import Definition

__all__ = ["Judgement", "judge"]

#: Sizes tried when no condition ``Eq(size, N)`` fixes one.
SIZES = (1, 2, 3, 4)
MAX_PLACEMENTS = 24
POINTS = 2
DIGITS = 30


class Undecidable(Exception):
    """This judge cannot evaluate the expression (a symbolic sum bound, an unknown node ...)."""


@dataclass(frozen=True)
class Judgement:
    outcome: str  # "differs", "equal" or "undecided"
    detail: str


def _bound_free_integers(e: Basic, bound: frozenset[Symbol] = frozenset()) -> set[Symbol]:
    """Integer symbols occurring free (not as a summation variable) in ``e``."""
    if isinstance(e, Symbol):
        return {e} if e.is_integer and e not in bound else set()
    if isinstance(e, Sum):
        inner = bound | {lim[0] for lim in e.limits}
        out = _bound_free_integers(e.function, inner)
        for lim in e.limits:
            for b in lim[1:]:
                out |= _bound_free_integers(b, bound)
        return out
    out: set[Symbol] = set()
    for a in e.args:
        out |= _bound_free_integers(a, bound)
    return out


class _Evaluator:
    """Concrete evaluation of expressions at a fixed size, with definitions unfolded on demand."""

    def __init__(self, definitions: Sequence[Definition], size: Symbol | None, k: int | None) -> None:
        at = {size: Integer(k)} if size is not None and k is not None else {}
        self.defs = [(_substitute(d.lhs, at), _substitute(d.rhs, at)) for d in definitions]

    def _definition_of(self, e: Basic) -> tuple[Basic, Basic] | None:
        for lhs, rhs in self.defs:
            if isinstance(lhs, Symbol) and e == lhs:
                return lhs, rhs
            if isinstance(lhs, Indexed) and isinstance(e, Indexed) and e.base == lhs.base and len(e.indices) == len(lhs.indices):
                return lhs, _substitute(rhs, dict(zip(lhs.indices, e.indices)))
            if isinstance(lhs, AppliedUndef) and isinstance(e, AppliedUndef) and e.func == lhs.func:
                return lhs, _substitute(rhs, dict(zip(lhs.args, e.args)))
        return None

    @staticmethod
    def _family(e: Basic) -> Basic:
        return e.base if isinstance(e, Indexed) else e.func if isinstance(e, AppliedUndef) else e

    def _concrete_variable(self, v: Basic) -> Basic:
        """A derivative's variable with its subscripts evaluated (the variable itself is never unfolded)."""
        if isinstance(v, Indexed):
            return Indexed(v.base, *[self.ev(i) for i in v.indices])
        return v

    def ev(self, e: Basic, keep: frozenset[Basic] = frozenset()) -> Basic:
        if isinstance(e, Derivative):
            variables = [(self._concrete_variable(v), n) for v, n in e.variable_count]
            held = keep | {self._family(v) for v, _ in variables if self._definition_of(v) is not None}
            body = self.ev(e.expr, held)
            return self.ev(diff(body, *variables), keep)
        if isinstance(e, Sum):
            body = e.function
            for var, lo, hi in reversed(e.limits):
                lo, hi = self.ev(lo, keep), self.ev(hi, keep)
                if not (lo.is_Integer and hi.is_Integer):
                    raise Undecidable(f"sum bound {lo}..{hi} is not a number")
                body = Add(*[_substitute(body, {var: Integer(n)}) for n in range(int(lo), int(hi) + 1)])
            return self.ev(body, keep)
        if isinstance(e, Indexed):
            e = Indexed(e.base, *[self.ev(i, keep) for i in e.indices])
        elif isinstance(e, AppliedUndef):
            e = e.func(*[self.ev(a, keep) for a in e.args])
        found = self._definition_of(e) if isinstance(e, (Symbol, Indexed, AppliedUndef)) else None
        if found is not None and self._family(e) not in keep:
            return self.ev(found[1], keep)
        if not e.args or isinstance(e, (Indexed, AppliedUndef)):
            return e
        return e.func(*[self.ev(a, keep) for a in e.args])


def _substitute(e: Basic, env: dict[Basic, Basic]) -> Basic:
    """``e.xreplace(env)`` for free occurrences only: a summation variable is never replaced."""
    if not env:
        return e
    if isinstance(e, Sum):
        inner = {s: v for s, v in env.items() if s not in {lim[0] for lim in e.limits}}
        limits = [(lim[0], *(_substitute(b, env) for b in lim[1:])) for lim in e.limits]
        return Sum(_substitute(e.function, inner), *limits)
    if not e.args:
        return env.get(e, e)
    return e.func(*[_substitute(a, env) for a in e.args])


def _variables(e: Basic, size: Symbol | None) -> list[Basic]:
    out: set[Basic] = set(e.atoms(Indexed)) | {f for f in e.atoms(AppliedUndef)}
    for s in e.free_symbols:
        if isinstance(s, Symbol) and s != size and not any(s in v.free_symbols for v in out):
            out.add(s)
    return sorted(out, key=str)


def _number(e: Basic) -> complex | None:
    v = e.evalf(DIGITS)
    if not v.is_number:
        return None
    try:
        return complex(v)
    except (TypeError, ValueError):
        return None


def judge(
    pairs: Sequence[tuple[Expr, Expr]],
    conditions: Sequence[Basic],
    definitions: Sequence[Definition],
    size: Symbol | None,
    seed: int = 0,
) -> Judgement:
    """Whether some ``a = b`` of ``pairs`` fails under ``conditions`` at a concrete instance."""
    rng = random.Random(seed)
    conds = list(conditions)
    fixed = [c for c in conds if isinstance(c, Eq) and size is not None and c.lhs == size and c.rhs.is_Integer]
    conds = [c for c in conds if c not in fixed]
    if len({int(c.rhs) for c in fixed}) > 1:
        return Judgement("undecided", "conflicting sizes")
    sizes = [int(fixed[0].rhs)] if fixed else (list(SIZES) if size is not None else [None])
    free: set[Symbol] = set()
    for e in [*(x for p in pairs for x in p), *conds]:
        free |= _bound_free_integers(e)
    free.discard(size)  # type: ignore[arg-type]
    idx = sorted(free, key=lambda s: s.name)
    agreed = 0
    for k in sizes:
        ev = _Evaluator(definitions, size, k)
        values = list(itertools.product(range(1, (k or 1) + 1), repeat=len(idx)))
        if len(values) > MAX_PLACEMENTS:
            values = sorted(rng.sample(values, MAX_PLACEMENTS))
        for combo in values:
            env: dict[Basic, Basic] = {s: Integer(v) for s, v in zip(idx, combo)}
            if size is not None and k is not None:
                env[size] = Integer(k)
            where = ", ".join([f"k = {k}"] * (k is not None) + [f"{s} = {v}" for s, v in zip(idx, combo)])
            try:
                verdict = _at(pairs, conds, ev, env, size, rng)
            except Undecidable:
                continue
            except Exception:  # noqa: BLE001 - SymPy failing here only means this judge cannot say
                continue
            if verdict is None:
                continue
            if verdict is False:
                return Judgement("differs", where)
            agreed += 1
    if agreed == 0:
        return Judgement("undecided", "no instance could be evaluated")
    return Judgement("equal", f"{agreed} instances agree")


def _at(pairs: Sequence[tuple[Expr, Expr]], conds: Sequence[Basic], ev: _Evaluator, env: dict[Basic, Basic],
        size: Symbol | None, rng: random.Random) -> bool | None:
    """True: every pair agrees at this placement; False: one differs; None: not applicable."""
    solution: dict[Basic, Basic] = {}
    for c in conds:
        c2 = _substitute(c, env)
        if c2 in (True, False) or not isinstance(c2, Relational):
            if not bool(c2):
                return None
            continue
        if isinstance(c2, (Eq, Ne)) and all(a.is_Integer for a in c2.args):
            continue
        if not isinstance(c2, Eq):
            raise Undecidable(f"condition {c}")
        expr = (ev.ev(c2.lhs) - ev.ev(c2.rhs)).xreplace(solution)
        for var in reversed(_variables(expr, size)):
            if isinstance(var, AppliedUndef):
                continue
            try:
                sols = solve(expr, var, dict=True)
            except Exception:  # noqa: BLE001
                continue
            if sols:
                value = sols[0][var]
                solution = {v: s.xreplace({var: value}) for v, s in solution.items()}
                solution[var] = value
                break
        else:
            if expr.is_number and expr != 0:
                return None  # unsatisfiable at this placement
            if not expr.is_number:
                raise Undecidable(f"cannot solve {c}")
    for a, b in pairs:
        fa = ev.ev(_substitute(a, env)).xreplace(solution)
        fb = ev.ev(_substitute(b, env)).xreplace(solution)
        variables = sorted(set(_variables(fa, size)) | set(_variables(fb, size)), key=str)
        for _ in range(POINTS):
            point = {}
            for v in variables:
                if isinstance(v, Symbol) and v.is_integer:
                    point[v] = Integer(rng.randint(1, 4))
                else:
                    point[v] = Rational(rng.randint(2, 40), 20)
            va, vb = _number(fa.xreplace(point)), _number(fb.xreplace(point))
            if va is None or vb is None:
                raise Undecidable("not a number")
            scale = 1 + abs(va) + abs(vb)
            err = abs(va - vb)
            if err > 1e-9 * scale:
                return False
            if err > 1e-12 * scale:  # 30-digit values compared as doubles: equal ones agree to ~1e-16
                raise Undecidable("close but not equal")
    return True
