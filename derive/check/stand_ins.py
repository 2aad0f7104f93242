"""Test functions standing in for a function a document applies but never defines, or for a
quantity it differentiates but never defines.

``\\frac{\\partial}{\\partial x} \\log f(x) = \\frac{f'(x)}{f(x)}`` holds for every f; a document that
never says what f is can still have such a step checked: with f replaced by each of two unrelated
positive rational functions (positive, so that the logarithms a step takes stay real). A step that
holds for every f holds for both; one that fails for them may still hold for the author's own f,
so a failure is never a refutation, and a pass is reported as checked, not proved.

A quantity differentiated but never defined (``\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial a}
\\frac{\\partial a}{\\partial w}`` with L never defined) stands for a test function of what the
link differentiates it by, less what depends on something else it is differentiated by: L of a where
a is defined through w. That is the dependence the author's chain rule states; the detail says so.
A quantity of another such quantity is not taken (L of a, a of w, neither defined): any chain of
them that telescopes would pass, whatever depends on what.
"""

from __future__ import annotations

from collections.abc import Sequence

from sympy import Add, Derivative, Expr, Indexed, Rational, Symbol
from sympy.core.function import AppliedUndef

from derive.check.reading import names_closure, names_of

from derive.steps import Definition
from derive.symbols import function

__all__ = ["MAX_ARITY", "stand_in_functions", "stand_in_quantities"]

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


def stand_in_quantities(names: Sequence[str], members: Sequence[Expr], definitions: Sequence[Definition]
                        ) -> tuple[list[Definition], list[Definition], list[tuple[str, list[Expr]]]] | tuple[()]:
    """Two sets of definitions, one per test function, for the quantities ``names`` (scalars the
    link differentiates), and (name, the variables its test function takes) each; or ``()`` when some name is not
    a scalar written bare, is applied or indexed, is defined, or depends on more than `MAX_ARITY`
    variables or on itself."""
    defined = {d.name for d in definitions}
    derivatives = [d for m in members for d in m.atoms(Derivative)]
    scalars = {s.name: s for m in members for s in m.free_symbols if isinstance(s, Symbol)}
    indexed = {str(a.base) for m in members for a in m.atoms(Indexed)}
    applied = {str(f.func) for m in members for f in m.atoms(AppliedUndef)}
    on: dict[str, list[Expr]] = {}
    for name in names:
        if name in defined or name not in scalars or name in indexed or name in applied:
            return ()
        variables: list[Expr] = []
        for d in derivatives:
            keep = set().union(*(names_of(v) for v in d.variables))
            if name in names_closure(names_of(d.expr), definitions, keep=keep):
                variables += [v for v in d.variables if v not in variables and isinstance(v, (Symbol, Indexed))]
        if not variables:
            return ()
        on[name] = variables

    def reaches(u: Expr, v: Expr, seen: frozenset[str] = frozenset()) -> bool:
        """Whether u depends on v: through a definition, or as a stand-in differentiated by v."""
        inner = names_of(v)
        if inner and inner <= names_closure(names_of(u), definitions):
            return True
        key = u.name if isinstance(u, Symbol) else ""
        return key in on and key not in seen and any(w == v or reaches(w, v, seen | {key}) for w in on[key])

    first: list[Definition] = []
    second: list[Definition] = []
    shown: list[tuple[str, list[Expr]]] = []
    for name, variables in on.items():
        through = [v for v in variables if not any(u != v and reaches(u, v) for u in variables)]
        if not 1 <= len(through) <= MAX_ARITY or any(reaches(v, scalars[name]) for v in through):
            return ()
        if any(names_of(v) & on.keys() for v in through):
            # E of \hat{y}, \hat{y} of h, h of w, none defined: any chain that telescopes would pass,
            # whatever depends on what (the document's words or figure say, and may say otherwise)
            return ()
        first.append(Definition(scalars[name], _first(through), name))
        second.append(Definition(scalars[name], _second(through), name))
        shown.append((name, through))
    return first, second, shown
