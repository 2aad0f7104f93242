"""Exact sparse polynomials over the rationals, with derivations: fast exact arithmetic for instances.

A polynomial is a dict from monomials to nonzero coefficients (``int`` or ``Fraction``); a
monomial is a tuple of ``(generator, exponent)`` pairs sorted by generator, every exponent
positive; generators are ints. The representation is canonical: two polynomials are equal exactly
when their dicts are equal, so a zero test is ``not p``. The cost of an operation grows with the
number of terms and with the generators of each monomial, never with the number of generators in
use (SymPy's dense monomials would make every operation O(k) at k classes).

A *derivation* ``D`` is given by the images ``D(g)`` of the generators; `apply_derivation` extends
it to every polynomial by the Leibniz rule, which is how a partial derivative ``d/dz_b`` acts on
polynomials in ``e^{z_a}``, ``1/S``, ``z_a``, ... once the derivative of each generator is known.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction

from sympy import Add, Basic, Mul, Pow, Rational, exp

__all__ = ["Coeff", "Monomial", "Poly", "ONE", "constant", "generator", "add", "sub", "scale", "mul", "power",
           "apply_derivation", "substitute", "evaluate", "from_sympy"]

Coeff = int | Fraction
Monomial = tuple[tuple[int, int], ...]
Poly = dict[Monomial, Coeff]

ONE: Monomial = ()


def constant(c: Coeff) -> Poly:
    """The constant polynomial ``c``."""
    return {ONE: c} if c else {}


def generator(g: int, exponent: int = 1) -> Poly:
    """The monomial ``g**exponent`` (``exponent >= 1``)."""
    if exponent < 1:
        raise ValueError("exponents are positive")
    return {((g, exponent),): 1}


def _mono_mul(m: Monomial, n: Monomial) -> Monomial:
    """The product of two monomials: a merge of two sorted tuples."""
    if not m:
        return n
    if not n:
        return m
    out = []
    i = j = 0
    while i < len(m) and j < len(n):
        g, e = m[i]
        h, f = n[j]
        if g == h:
            out.append((g, e + f))
            i += 1
            j += 1
        elif g < h:
            out.append(m[i])
            i += 1
        else:
            out.append(n[j])
            j += 1
    return (*out, *m[i:], *n[j:])


def _accumulate(out: dict[Monomial, Coeff], m: Monomial, c: Coeff) -> None:
    total = out.get(m, 0) + c
    if total:
        out[m] = total
    else:
        out.pop(m, None)


def add(p: Mapping[Monomial, Coeff], q: Mapping[Monomial, Coeff]) -> Poly:
    """``p + q``."""
    out = dict(p)
    for m, c in q.items():
        _accumulate(out, m, c)
    return out


def sub(p: Mapping[Monomial, Coeff], q: Mapping[Monomial, Coeff]) -> Poly:
    """``p - q``."""
    out = dict(p)
    for m, c in q.items():
        _accumulate(out, m, -c)
    return out


def scale(p: Mapping[Monomial, Coeff], c: Coeff) -> Poly:
    """``c * p``."""
    return {m: c * a for m, a in p.items()} if c else {}


def mul(p: Mapping[Monomial, Coeff], q: Mapping[Monomial, Coeff]) -> Poly:
    """``p * q``."""
    out: dict[Monomial, Coeff] = {}
    for m, a in p.items():
        for n, b in q.items():
            _accumulate(out, _mono_mul(m, n), a * b)
    return out


def power(p: Mapping[Monomial, Coeff], n: int) -> Poly:
    """``p**n`` for ``n >= 0``."""
    if n < 0:
        raise ValueError("negative power of a polynomial")
    out: Poly = constant(1)
    for _ in range(n):
        out = mul(out, p)
    return out


def apply_derivation(p: Mapping[Monomial, Coeff], image: Callable[[int], Mapping[Monomial, Coeff]]) -> Poly:
    """``D(p)`` for the derivation with ``D(g) = image(g)``, by the Leibniz rule:
    ``D(c g1^e1 ... gr^er) = sum_i c ei g1^e1 ... gi^(ei-1) ... gr^er D(gi)``."""
    out: dict[Monomial, Coeff] = {}
    for m, c in p.items():
        for n, (g, e) in enumerate(m):
            dg = image(g)
            if not dg:
                continue
            rest = m[:n] + (((g, e - 1),) if e > 1 else ()) + m[n + 1:]
            for dm, dc in dg.items():
                _accumulate(out, _mono_mul(rest, dm), c * e * dc)
    return out


def substitute(p: Mapping[Monomial, Coeff], g: int, q: Mapping[Monomial, Coeff]) -> Poly:
    """``p`` with the generator ``g`` replaced by the polynomial ``q``."""
    out: dict[Monomial, Coeff] = {}
    for m, c in p.items():
        exponent = next((e for h, e in m if h == g), 0)
        if not exponent:
            _accumulate(out, m, c)
            continue
        rest = tuple((h, e) for h, e in m if h != g)
        for n, b in mul({rest: c}, q if exponent == 1 else power(q, exponent)).items():
            _accumulate(out, n, b)
    return out


def evaluate(p: Mapping[Monomial, Coeff], values: Mapping[int, Coeff]) -> Coeff:
    """``p`` at rational values of its generators, exactly."""
    total: Coeff = 0
    for m, c in p.items():
        term: Coeff = c
        for g, e in m:
            term *= Fraction(values[g]) ** e
        total += term
    return total


def from_sympy(expr: Basic, atoms: Mapping[Basic, Mapping[Monomial, Coeff]]) -> Poly:
    """A SymPy expression built from ``atoms`` (each mapped to a polynomial), rationals, sums,
    products and integer powers, as a polynomial. A negative power is allowed only of an atom
    whose inverse is itself an atom (``S`` when ``1/S`` is mapped), and ``exp(c x)`` with an
    integer ``c`` only as a power of an atom ``exp(x)`` (SymPy writes ``e^x e^x`` as ``e^{2x}``).
    Anything else raises ValueError: nothing is guessed."""
    if expr in atoms:
        return dict(atoms[expr])
    if isinstance(expr, Rational):
        return constant(int(expr.p) if expr.q == 1 else Fraction(int(expr.p), int(expr.q)))
    if isinstance(expr, Add):
        out: Poly = {}
        for a in expr.args:
            out = add(out, from_sympy(a, atoms))
        return out
    if isinstance(expr, Mul):
        prod: Poly = constant(1)
        for a in expr.args:
            prod = mul(prod, from_sympy(a, atoms))
        return prod
    if isinstance(expr, Pow) and expr.exp.is_Integer:
        e = int(expr.exp)
        if e >= 0:
            return power(from_sympy(expr.base, atoms), e)
        inverse = 1 / expr.base
        if inverse in atoms:
            return power(atoms[inverse], -e)
    if isinstance(expr, exp):
        c, x = expr.args[0].as_coeff_Mul()
        if c.is_Integer and exp(x) in atoms:
            return from_sympy(Pow(exp(x), c, evaluate=False), atoms)
    raise ValueError(f"not a polynomial in the given atoms: {expr}")
