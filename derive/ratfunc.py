"""A fast exact equality test for explicit expressions: both sides as rational functions over
sparse polynomials (`derive.sparsepoly`), no SymPy arithmetic.

The exact method of the verifier compares the explicit instances of two members (sums written
out, derivatives already taken by SymPy). `normal_form` does that with SymPy's ``together`` and
``Poly``, which dominates the cost of a cold verification. `equal` tries this cheaper canonical
form first, with the same reading of the atoms as `normal_form`:

- a variable (``z[1]``, ``y[2]``, a scalar symbol) is a generator;
- ``exp(c1 x1 + ... + cr xr)`` with integer ``ci`` and variables ``xi`` is the monomial
  ``X1^c1 ... Xr^cr`` in generators ``Xi = e^{xi}`` (negative powers go to the denominator);
- ``log`` of a quotient of monomials is split (``log(e^{x} / v^2) = x - 2 log v``, every quantity
  read as positive, as `normal_form`'s forced ``expand_log`` does), the logarithm of any other
  polynomial is one more generator after its monomial and numeric content are taken out.

Generators are treated as independent, so a zero numerator means the two sides agree wherever
they are defined: `equal` is sound. It is not complete: anything else (floats, symbolic or
fractional exponents, exponentials of other arguments, logarithms of negative constants) raises
`Unsupported` inside and `equal` answers False, and the caller then runs `normal_form` as before.
So the exact method accepts exactly what it accepted before, only sooner.
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd

from sympy import Add, Basic, Indexed, Integer, KroneckerDelta, Mul, Pow, Rational, Symbol, exp, log

from . import sparsepoly as sp
from .sparsepoly import Poly

__all__ = ["Unsupported", "Converter", "equal"]


class Unsupported(ValueError):
    """The expression is outside what the converter reads exactly."""


Frac = tuple[Poly, Poly]  # numerator, denominator (never the zero polynomial)

_ONE: Poly = {sp.ONE: 1}


def _key(p: Poly) -> frozenset:
    return frozenset(p.items())


def _is_monomial(p: Poly) -> bool:
    return len(p) == 1


class Converter:
    """Reads SymPy expressions into fractions of sparse polynomials; generators are shared by
    every expression read by the same converter (so members of one instance compare)."""

    def __init__(self) -> None:
        self._gens: dict[object, int] = {}
        self._variables: set[int] = set()  # generators that are variables (not e^x, not a log)
        self._exp_of: dict[int, int] = {}  # generator e^x -> generator x
        self._memo: dict[int, tuple[Basic, Frac]] = {}

    def _gen(self, key: object) -> int:
        g = self._gens.get(key)
        if g is None:
            g = self._gens[key] = len(self._gens) + 1
        return g

    def frac(self, e: Basic) -> Frac:
        found = self._memo.get(id(e))
        if found is not None and found[0] is e:
            return found[1]
        value = self._frac(e)
        self._memo[id(e)] = (e, value)
        return value

    def _frac(self, e: Basic) -> Frac:
        if isinstance(e, Rational):
            return sp.constant(int(e.p)), sp.constant(int(e.q))
        if isinstance(e, (Symbol, Indexed)):
            return self.variable(e)
        if isinstance(e, Add):
            groups: dict[frozenset, tuple[Poly, Poly]] = {}
            for a in e.args:
                num, den = self.frac(a)
                k = _key(den)
                if k in groups:
                    groups[k] = (sp.add(groups[k][0], num), den)
                else:
                    groups[k] = (num, den)
            out: Frac | None = None
            for num, den in groups.values():
                out = (num, den) if out is None else (sp.add(sp.mul(out[0], den), sp.mul(num, out[1])), sp.mul(out[1], den))
            assert out is not None
            return out
        if isinstance(e, Mul):
            num, den = _ONE, _ONE
            for a in e.args:
                n, d = self.frac(a)
                num, den = sp.mul(num, n), (den if d is _ONE else sp.mul(den, d))
            return num, den
        if isinstance(e, Pow):
            base, ex = e.args
            if not ex.is_Integer:
                raise Unsupported("a power with a non-integer exponent")
            n = int(ex)
            num, den = self.frac(base)
            if n < 0:
                if not num:
                    raise Unsupported("division by zero")
                num, den, n = den, num, -n
            return sp.power(num, n), sp.power(den, n)
        if isinstance(e, exp):
            return self.exp_frac(self.frac(e.args[0]))
        if isinstance(e, log):
            return self.log_frac(self.frac(e.args[0])), _ONE
        if isinstance(e, KroneckerDelta) and all(isinstance(a, Integer) for a in e.args):
            return sp.constant(int(e.args[0] == e.args[1])), _ONE
        raise Unsupported(f"cannot read {type(e).__name__}")

    def variable(self, key: object) -> Frac:
        """The generator of the variable ``key`` (a SymPy ``Indexed``, ``Symbol`` or applied function)."""
        g = self._gen(("var", key))
        self._variables.add(g)
        return sp.generator(g), _ONE

    def exp_frac(self, arg: Frac) -> Frac:
        """``e^arg`` for an integer combination ``arg`` of variables (else `Unsupported`)."""
        num, den = arg
        if den != _ONE:
            raise Unsupported("exponential of a fraction")
        top, bottom = _ONE, _ONE
        for m, c in num.items():
            if len(m) != 1 or m[0][1] != 1 or not isinstance(c, int) or m[0][0] not in self._variables:
                raise Unsupported("exponential of anything but an integer combination of variables")
            x = self._exp_gen(m[0][0])
            if c > 0:
                top = sp.mul(top, sp.generator(x, c))
            else:
                bottom = sp.mul(bottom, sp.generator(x, -c))
        return top, bottom

    def _exp_gen(self, x: int) -> int:
        g = self._gen(("exp", x))
        self._exp_of[g] = x
        return g

    def log_frac(self, arg: Frac) -> Poly:
        """``log arg`` as a polynomial in generators (see the module docstring)."""
        num, den = arg
        out = self._log_poly(num)
        return sp.sub(out, self._log_poly(den))

    def _log_poly(self, p: Poly) -> Poly:
        """``log p`` as a polynomial: the logarithm of a monomial split, of anything else one
        generator after the content is taken out."""
        if not p:
            raise Unsupported("logarithm of zero")
        if _is_monomial(p):
            (m, c), = p.items()
            out = self._log_constant(c)
            for g, e in m:
                out = sp.add(out, sp.scale(self._log_generator(g), e))
            return out
        # content: the smallest power of each generator in every term, and the numbers' gcd
        monos = list(p)
        common = dict(monos[0])
        for m in monos[1:]:
            present = dict(m)
            common = {g: min(e, present[g]) for g, e in common.items() if g in present}
        coeffs = [Fraction(c) for c in p.values()]
        den_lcm = 1
        for c in coeffs:
            den_lcm = den_lcm * c.denominator // gcd(den_lcm, c.denominator)
        ints = [int(c * den_lcm) for c in coeffs]
        g_all = 0
        for v in ints:
            g_all = gcd(g_all, v)
        content = Fraction(g_all, den_lcm) * (1 if p[min(monos)] > 0 else -1)  # the first term positive
        rest: Poly = {}
        for m, c in p.items():
            reduced = tuple((g, e - common.get(g, 0)) for g, e in m if e - common.get(g, 0) > 0)
            q = Fraction(c) / content
            rest[reduced] = int(q) if q.denominator == 1 else q
        out = self._log_constant(content)
        for g, e in common.items():
            out = sp.add(out, sp.scale(self._log_generator(g), e))
        return sp.add(out, sp.generator(self._gen(("log", _key(rest)))))

    def _log_constant(self, c: object) -> Poly:
        c = Fraction(c)  # type: ignore[arg-type]
        if c <= 0:
            raise Unsupported("logarithm of a non-positive number")
        if c == 1:
            return {}
        return sp.generator(self._gen(("logc", c)))

    def _log_generator(self, g: int) -> Poly:
        if g in self._exp_of:
            return sp.generator(self._exp_of[g])  # log e^x = x
        return sp.generator(self._gen(("log", g)))


def equal(a: Basic, b: Basic, converter: Converter | None = None) -> bool:
    """True when ``a - b`` is shown to be identically zero (see the module docstring); False
    when it is not shown, which decides nothing."""
    conv = converter or Converter()
    try:
        na, da = conv.frac(a)
        nb, db = conv.frac(b)
    except (Unsupported, ZeroDivisionError):
        return False
    if da == db:
        return na == nb
    return not sp.sub(sp.mul(na, db), sp.mul(nb, da))
