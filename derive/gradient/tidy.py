"""Readable forms of an expression: products distributed over a bracket, expanded, common factors
taken out; the shortest form is kept, with the forms that lead to it as the steps of a chain.

Every form is computed by SymPy from the previous one (``powsimp`` combines the powers of one base
as a product is distributed, ``factor_terms`` takes common factors out); which form to show is the
only choice made here, by the size of the expression tree.
"""

from __future__ import annotations

from sympy import Add, Expr, Mul, expand, factor_terms, powsimp

from .fold import size

__all__ = ["distribute", "readable", "factored"]


def distribute(product: Expr, bracket: Expr) -> Expr:
    """``a * bracket`` -> ``a t1 + a t2 + ...`` for the terms ``t`` of ``bracket`` (a factor of
    ``product``), each new product combined by SymPy (``b b^g = b^(g + 1)``)."""
    outside = product / bracket
    return Add(*[powsimp(outside * t) for t in Add.make_args(bracket)])


def _distributed(expr: Expr) -> list[Expr]:
    """``expr`` with one product distributed over one of its brackets, for every choice."""
    out = []
    for term in Add.make_args(expr):
        if not isinstance(term, Mul):
            continue
        for f in term.args:
            if isinstance(f, Add):
                rest = Add(*[t for t in Add.make_args(expr) if t is not term])
                out.append(rest + distribute(term, f))
    return out


def factored(expr: Expr) -> Expr:
    """``expr`` with common factors taken out, if that is not longer."""
    f = factor_terms(expr)
    return f if size(f) <= size(expr) else expr


def readable(expr: Expr) -> list[Expr]:
    """Forms after ``expr`` that lead to the shortest one (possibly none): distributed over the
    bracket whose distribution expands shortest, expanded, common factors out."""
    best: list[Expr] = []
    best_size = size(expr)
    paths = [[expand(expr)]] + [[d, expand(d)] for d in _distributed(expr)]
    for path in paths:
        path = path + [factor_terms(path[-1])]
        for n, form in enumerate(path):
            if size(form) < best_size:
                best, best_size = path[: n + 1], size(form)
    out: list[Expr] = []
    for form in best:
        if form != expr and (not out or form != out[-1]):
            out.append(form)
    return out
