"""Fold an expression back into the defined names: ``e^{z_o} / S - e^{2 z_o} / S^2`` into
``yhat_o - yhat_o^2``, ``e^{-z} / (1 + e^{-z})^2`` into ``sigma(z) - sigma(z)^2``.

Three rewrites, each an identity SymPy computes (the verifier still proves every result):

- a *quotient* definition ``g_t = e^{u(t)} / S`` with a normaliser ``S`` that does not depend on
  ``t`` (the softmax): ``e^{c u(t')}`` becomes ``(g_{t'} S)^c`` with ``S`` held as one symbol, and
  the powers of ``S`` cancel on expansion;
- a definition that is a *Möbius function* of one exponential, ``g = (a Y + b) / (c Y + d)`` with
  ``Y = e^{m w}`` (the sigmoid: ``Y = e^{-z}``; tanh: ``Y = e^{2z}``): ``Y = (b - d g) / (c g - a)``
  is substituted and the result cancelled to a rational function of ``g``;
- a definition whose right side occurs as it stands (or as terms of a sum) is replaced by its name.

A rewrite is kept only when it makes the expression smaller (`size`); nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import reduce
from math import gcd, lcm

from sympy import (
    Add,
    Basic,
    Dummy,
    Expr,
    Indexed,
    Mul,
    Poly,
    PolynomialError,
    Rational,
    Sum,
    Symbol,
    cancel,
    exp,
    expand,
    expand_power_exp,
    fraction,
    preorder_traversal,
    together,
)
from sympy.core.function import AppliedUndef

from ..calculus import canonical_sums, free_indices
from ..steps import Definition

__all__ = ["fold", "size"]


def size(expr: Basic) -> int:
    """Nodes in the expression tree: the measure of what reads shorter."""
    return sum(1 for _ in preorder_traversal(expr))


def fold(expr: Expr, definitions: Iterable[Definition], first: Definition | None = None) -> Expr:
    """``expr`` with definitions folded back in, ``first`` tried first (the definition just
    differentiated), then the others in order; each rewrite kept only if it shrinks the expression."""
    order = ([first] if first is not None else []) + [d for d in definitions if d is not first]
    current = expr
    for _ in range(2):  # a second pass: one fold can expose another
        for d in order:
            for candidate in _candidates(current, d):
                if candidate is not None and size(candidate) < size(current) and not candidate.has(Dummy):
                    current = candidate
    return current


def _candidates(expr: Expr, d: Definition) -> list[Expr | None]:
    out: list[Expr | None] = [_quotient(expr, d)] if isinstance(d.lhs, Indexed) and len(d.lhs.indices) == 1 else []
    for lhs, rhs in _instances(expr, d):
        out.append(_structural(expr, lhs, rhs))
        out.append(_mobius(expr, lhs, rhs))
    return out


def _instances(expr: Expr, d: Definition) -> list[tuple[Expr, Expr]]:
    """The definition at the indices or arguments ``expr`` could use it at."""
    lhs, rhs = d.lhs, d.rhs
    if isinstance(lhs, Symbol):
        return [(lhs, rhs)]
    if isinstance(lhs, Indexed):
        if len(lhs.indices) != 1:
            return []
        (param,) = lhs.indices
        values = sorted(free_indices(expr) | {i for ix in expr.atoms(Indexed) for i in ix.indices if i.is_Integer}, key=str)
        return [(lhs.base[v], rhs.xreplace({param: v})) for v in values]
    if isinstance(lhs, AppliedUndef) and len(lhs.args) == 1:
        (param,) = lhs.args
        args: list[Expr] = []
        for e in sorted(expr.atoms(exp), key=str):
            for a in (e.args[0], -e.args[0]):
                if a not in args:
                    args.append(a)
        return [(lhs.func(a), rhs.xreplace({param: a})) for a in args]
    return []


def _structural(expr: Expr, lhs: Expr, rhs: Expr) -> Expr | None:
    """``rhs`` replaced by ``lhs`` where it occurs whole, or as terms of a sum."""
    if rhs.is_Atom:
        return None
    new = expr.xreplace({rhs: lhs})
    if isinstance(rhs, Add):
        parts = set(Add.make_args(rhs))

        def swap(e: Basic) -> Basic:
            if isinstance(e, Add) and parts <= set(e.args) and len(e.args) > len(parts):
                return Add(lhs, *[a for a in e.args if a not in parts])
            return e

        new = new.replace(lambda e: isinstance(e, Add), swap)
    return new if new != expr else None


def _quotient(expr: Expr, d: Definition) -> Expr | None:
    """The softmax-like fold: ``g_t = e^{u(t)} Q`` with ``Q`` free of ``t`` and holding a sum."""
    (t,) = d.lhs.indices  # type: ignore[attr-defined]
    dep = [f for f in Mul.make_args(d.rhs) if t in f.free_symbols]
    rest = Mul(*[f for f in Mul.make_args(d.rhs) if t not in f.free_symbols])
    if len(dep) != 1 or not isinstance(dep[0], exp) or not rest.has(Sum):
        return None
    u = dep[0].args[0]
    held: dict[Expr, Dummy] = {}
    wanted = {canonical_sums(s): s for s in rest.atoms(Sum)}
    for s in sorted(expr.atoms(Sum), key=str):
        if canonical_sums(s) in wanted:
            held[s] = Dummy(f"S{len(held)}")
    if not held:
        return None
    q = rest.xreplace({wanted[canonical_sums(s)]: h for s, h in held.items()})
    body = expr.xreplace(held)
    bases = {ix.base for ix in u.atoms(Indexed)}
    subs: dict[Expr, Expr] = {}
    for e in sorted(body.atoms(exp), key=str):
        arg = e.args[0]
        for ix in sorted(arg.atoms(Indexed), key=str):
            if ix.base not in bases or len(ix.indices) != 1:
                continue
            at = ix.indices[0]
            ratio = expand(arg / u.xreplace({t: at}))
            if isinstance(ratio, Rational) and ratio != 0:
                subs[e] = (d.lhs.base[at] / q) ** ratio  # type: ignore[attr-defined]
                break
    if not subs:
        return None
    out = expand(body.xreplace(subs))
    return out.xreplace({h: s for s, h in held.items()})


def _exponentials(e: Expr) -> Expr:
    """``e^{a + b}`` as ``e^a e^b`` throughout."""
    return e.replace(lambda x: isinstance(x, exp) and isinstance(x.args[0], Add), lambda x: expand_power_exp(x))


def _mobius(expr: Expr, lhs: Expr, rhs: Expr) -> Expr | None:
    """Eliminate the exponential of ``rhs`` when ``rhs`` is a Möbius function of a power of it."""
    rhs = _exponentials(rhs)
    args = sorted({e.args[0] for e in rhs.atoms(exp)}, key=str)
    if not args:
        return None
    w0 = args[0]
    ratios = [expand(a / w0) for a in args]
    if not all(isinstance(r, Rational) for r in ratios):
        return None
    denominator = reduce(lcm, (int(r.q) for r in ratios), 1)  # type: ignore[union-attr]
    unit = w0 / denominator
    B = Dummy("B", positive=True)

    def in_b(e: Expr) -> Expr | None:
        failed = []

        def conv(x: Basic) -> Basic:
            r = expand(x.args[0] / unit)
            if isinstance(r, Rational) and r.q == 1:
                return B ** int(r)
            if x.args[0].free_symbols & unit.free_symbols:
                failed.append(x)
            return x

        out = _exponentials(e).replace(lambda x: isinstance(x, exp), conv)
        return None if failed else out

    r_b = in_b(rhs)
    e_b = in_b(expr)
    if r_b is None or e_b is None or not e_b.has(B):
        return None
    try:
        num, den = fraction(together(r_b))
        P, Q = Poly(num, B), Poly(den, B)
        exponents = [m[0] for m in (*P.monoms(), *Q.monoms()) if m[0]]
        if not exponents:
            return None
        step = reduce(gcd, exponents)
        if any(m[0] not in (0, step) for m in (*P.monoms(), *Q.monoms())):
            return None
        a, b = P.coeff_monomial(B**step), P.coeff_monomial(1)
        c, d = Q.coeff_monomial(B**step), Q.coeff_monomial(1)
        if expand(a * d - b * c) == 0:
            return None
        solved = (b - d * lhs) / (c * lhs - a)
        en, ed = fraction(together(e_b))
        EN, ED = Poly(en, B), Poly(ed, B)
        if any(m[0] % step for m in (*EN.monoms(), *ED.monoms())):
            return None
        Y = Dummy("Y")
        in_y = Add(*[coeff * Y ** (m[0] // step) for m, coeff in EN.terms()]) / Add(*[coeff * Y ** (m[0] // step) for m, coeff in ED.terms()])
    except (PolynomialError, ValueError):
        return None
    out = cancel(in_y.xreplace({Y: solved}))
    return None if out.has(B) or out.has(Y) else out
