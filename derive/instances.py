"""Concrete instances: a claim at a concrete size with concrete index values, made explicit.

An instance substitutes the size and the free indices, expands every sum into an explicit addition,
differentiates the explicit expressions directly and solves the constraints for one variable.
Nothing here uses Kronecker-delta reasoning, so it is independent of the general-k method.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sympy import Basic, Eq, Expr, Indexed, Ne, S, Symbol

from .calculus import Definitions, evaluate_derivatives, is_zero_form, rename_bound

__all__ = ["Placement", "placements", "explicit", "solve_constraints", "variables_of", "split_conditions"]


@dataclass(frozen=True)
class Placement:
    """A concrete size and values of the free indices."""

    k: int
    indices: tuple[tuple[Symbol, int], ...]

    def as_dict(self) -> dict[Basic, int]:
        return dict(self.indices)

    def describe(self) -> dict[str, int]:
        return {s.name: v for s, v in self.indices}


def split_conditions(conditions: Iterable[Basic]) -> tuple[list[Basic], list[Basic], list[Basic]]:
    """(index relations, constraints ``Eq(expr, value)`` on the variables, anything else)."""
    idx, constraints, other = [], [], []
    for c in conditions:
        if isinstance(c, (Eq, Ne)) and all(isinstance(a, Symbol) and a.is_integer for a in c.args):
            idx.append(c)
        elif isinstance(c, Eq):
            constraints.append(c)
        else:
            other.append(c)
    return idx, constraints, other


def placements(indices: Sequence[Symbol], k: int, index_relations: Iterable[Basic]) -> Iterator[Placement]:
    """Every assignment of ``indices`` to ``1..k`` satisfying the index relations, in order."""
    relations = list(index_relations)
    for values in itertools.product(range(1, k + 1), repeat=len(indices)):
        env = dict(zip(indices, values))
        if all(_holds(r, env) for r in relations):
            yield Placement(k, tuple(zip(indices, values)))


def _holds(rel: Basic, env: dict[Symbol, int]) -> bool:
    a, b = (env.get(x, x) for x in rel.args)
    return (a == b) if isinstance(rel, Eq) else (a != b)


def explicit(expr: Expr, defs: Definitions, size: Symbol | None, at: Placement) -> Expr:
    """``expr`` at the placement: sums expanded, derivatives taken of the explicit expressions."""
    return _explicit(expr, defs, size, at)


@lru_cache(maxsize=4096)
def _explicit(expr: Expr, defs: Definitions, size: Symbol | None, at: Placement) -> Expr:
    """`explicit`, memoised (pure; steps share members, such as ``dL/dz_i`` in the chain rule and
    the result)."""
    fixed = {s.name for s, _ in at.indices} | ({size.name} if size is not None else set())
    e = rename_bound(expr, fixed)
    sub: dict[Basic, Basic] = dict(at.as_dict())
    if size is not None:
        sub[size] = at.k
    e = e.xreplace(sub)
    shared = defs.global_indices
    values = tuple((s, v) for s, v in at.indices if s in shared) if shared else ()
    return evaluate_derivatives(e, _definitions_at(defs, size, at.k, values), explicit=True)


@lru_cache(maxsize=256)
def _definitions_at(defs: Definitions, size: Symbol | None, k: int, values: tuple = ()) -> Definitions:
    """The definitions at size ``k``, with the indices they share with the claim (``values``) set."""
    sub = dict(values)
    if size is not None:
        sub[size] = k
    if not sub:
        return defs
    fixed = {s.name for s in sub if isinstance(s, Symbol)}  # a sum's own index never takes a shared index's value
    return Definitions(tuple(type(d)(d.lhs, rename_bound(d.rhs, fixed).xreplace(sub), d.name) for d in defs.items))


def variables_of(expr: Basic, size: Symbol | None) -> list[Basic]:
    """The variables of an explicit expression (``z[1]``, ``y[3]``, ``T``), sorted by name."""
    out: set[Basic] = set(expr.atoms(Indexed))
    in_indexed: set[Basic] = set().union(*(ix.free_symbols for ix in out))
    for s in expr.free_symbols:
        if isinstance(s, Symbol) and s != size and s not in in_indexed and not s.is_integer:
            out.add(s)
    return sorted(out, key=str)


class NoValue(ValueError):
    """A constraint that has no value at an instance (a quantity it uses is 0/0 there): the instance
    says nothing either way, as a numeric point where a side is not finite."""


def solve_constraints(constraints: Iterable[Basic], defs: Definitions, size: Symbol | None, at: Placement) -> dict[Basic, Expr]:
    """For each constraint ``Eq(lhs, rhs)`` at the placement, a substitution that makes it hold:
    the last variable (by name) in which it is linear is solved for. Raises ValueError if none is."""
    solution: dict[Basic, Expr] = {}
    for c in constraints:
        lhs = explicit(c.lhs - c.rhs, defs, size, at).xreplace(solution)
        if lhs.has(S.NaN, S.ComplexInfinity):  # a definition 0/0 at this size (N \sum x_i^2 - (\sum x_i)^2 at N = 1)
            raise NoValue(f"the constraint {c} has no value at k = {at.k}")
        if is_zero_form(lhs):  # \sum_i softmax(x)_i = 1 at this size: true of itself, nothing to solve
            continue
        value = _solved(lhs, variables_of(lhs, size))
        if value is None:
            if lhs != 0:
                raise ValueError(f"cannot satisfy the constraint {c} at k = {at.k}")
            continue
        var, value = value
        solution = {v: e.xreplace({var: value}) for v, e in solution.items()}
        solution[var] = value
    return solution


def _solved(lhs: Expr, variables: list[Basic]) -> tuple[Basic, Expr] | None:
    """(var, value) with ``lhs = 0`` at ``var = value``: the last variable (by name) in which ``lhs`` is
    linear with a number for its coefficient (a coefficient with variables in it would make the
    instance a generic point of the constraint only, and let a constraint the reading got wrong decide)."""
    for var in reversed(variables):
        coeff = lhs.diff(var)
        if not (coeff.is_number and coeff != 0):
            continue
        rest = (lhs - coeff * var).expand()
        if rest.has(var):
            continue
        return var, -rest / coeff
    return None
