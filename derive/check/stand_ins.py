"""Test functions standing in for a function a document applies but never defines.

``\\frac{\\partial}{\\partial x} \\log f(x) = \\frac{f'(x)}{f(x)}`` holds for every f; a document that
never says what f is can still have such a step checked: with f replaced by each of two unrelated
positive rational functions (positive, so that the logarithms a step takes stay real). A step that
holds for every f holds for both; one that fails for them may still hold for the author's own f,
so a failure is never a refutation, and a pass is reported as checked, not proved.
"""

from __future__ import annotations

from collections.abc import Sequence

from sympy import Add, Expr, Rational, Symbol
from sympy.core.function import AppliedUndef

from derive.steps import Definition
from derive.symbols import function

__all__ = ["MAX_ARITY", "stand_in_functions"]

#: the most arguments a stand-in takes (L(a, y, w) at most)
MAX_ARITY = 3


def _first(ts: Sequence[Symbol]) -> Expr:
    """sum_j (t_j + (j+1)/3)^2 / (j+7) + (t_1 - t_2 + ...)^2 / 5 + 1: a positive polynomial (fast to
    differentiate and simplify, as a stand-in under a sum must be)."""
    shifted = Add(*((t + Rational(j + 1, 3)) ** 2 / (j + 7) for j, t in enumerate(ts)))
    alternating = Add(*(t * (-1) ** j for j, t in enumerate(ts)))
    return shifted + alternating**2 / 5 + 1


def _second(ts: Sequence[Symbol]) -> Expr:
    """(1 + t_1^4 + ... + (t_1 + ...)^2) / (2 + t_1^2 + ...): positive, rational, not a polynomial
    (so unrelated to the first)."""
    fourth = Add(*(t**4 for t in ts))
    squares = Add(*(t**2 for t in ts))
    return (1 + fourth + Add(*ts) ** 2) / (2 + squares)


def stand_in_functions(names: Sequence[str], members: Sequence[Expr], definitions: Sequence[Definition]
                       ) -> tuple[list[Definition], list[Definition]] | tuple[()]:
    """Two sets of definitions, one per test function, for the functions ``names`` (or ``()``: some
    name is not a function applied to its arguments everywhere in ``members``, is defined, or takes
    more than `MAX_ARITY` arguments)."""
    defined = {d.name for d in definitions}
    first: list[Definition] = []
    second: list[Definition] = []
    for name in names:
        applied = {f for m in members for f in m.atoms(AppliedUndef) if str(f.func) == name}
        bare = any(s.name == name for m in members for s in m.free_symbols)
        arities = {len(f.args) for f in applied}
        if name in defined or bare or len(arities) != 1:
            return ()
        (arity,) = arities
        if not 1 <= arity <= MAX_ARITY:
            return ()
        ts = [Symbol(f"_s{j}", real=True) for j in range(1, arity + 1)]
        lhs = function(name)(*ts)
        first.append(Definition(lhs, _first(ts), name))
        second.append(Definition(lhs, _second(ts), name))
    return first, second
