"""Members of a chain evaluated at a concrete size and placement by walking their trees: no
expanded SymPy expression is built.

`Walker` walks a member with an environment of index values: a ``Sum`` with integer limits is
iterated, a defined object is replaced by its definition at the concrete indices, and a
``Derivative`` is evaluated by forward-mode differentiation (dual numbers: every node gives its
value and its derivative with respect to the one variable). Definitions under a derivative are
unfolded except that of the variable itself (``d L / d yhat_o`` treats ``yhat`` as independent,
the value of ``yhat_m`` is its definition's), as `derive.calculus.evaluate_derivatives` does; a
constraint's solution replaces its variable the same way (after differentiation).

The arithmetic is a *field* given to the walker:

- `ExactField`: exact rational functions over sparse polynomials in generators (variables,
  ``e^x``, logarithms; `derive.ratfunc`), for the exact method's zero test;
- `NumericField`: mpmath numbers with 50 digits at random rational values of the variables,
  for the numeric method.

Anything outside what the walker reads (a float, a nested derivative, a symbolic exponent, an
unknown function) raises `Unsupported`; the verifier then falls back to the explicit SymPy
instance (`derive.instances.explicit`), so nothing is guessed.
"""

from __future__ import annotations

import hashlib
import itertools
from fractions import Fraction
from collections.abc import Mapping, Sequence

import mpmath
from mpmath import libmp
from sympy import (
    Add,
    Basic,
    Derivative,
    Indexed,
    Integer,
    KroneckerDelta,
    Mul,
    Pow,
    Product,
    Rational,
    Sum,
    Symbol,
    exp,
    log,
)
from sympy.core.function import AppliedUndef

from . import sparsepoly as sp
from .calculus import Definitions, _instantiate, free_indices
from .ratfunc import Converter, Frac
from .ratfunc import Unsupported as _RatUnsupported
from .srepr import srepr_of

__all__ = ["Unsupported", "Walker", "ExactField", "NumericField"]


class Unsupported(ValueError):
    """The walker does not read this expression; the caller falls back to explicit SymPy."""


_ONE: sp.Poly = {sp.ONE: 1}


# --------------------------------------------------------------------------- fields


class ExactField:
    """Rational functions over sparse polynomials in the generators of a `derive.ratfunc.Converter`.

    A value is ``(numerator, denominator)``: the numerator a polynomial with rational
    coefficients, the denominator ``(monomial, factors)`` with ``factors`` a sorted tuple of
    ``(factor id, exponent)``; a factor is a polynomial met as a denominator (a normaliser ``S``),
    made primitive (no monomial content, first coefficient 1). Keeping the denominator factored
    makes the least common denominator of a sum cheap (``S^2`` and ``S`` give ``S^2``) instead of
    a product of expanded polynomials. Common monomials of numerator and denominator cancel.
    Equality (`equal`) brings both sides to their least common denominator, so it never depends
    on two equal values having the same representation: it is exact whatever the factors are.
    """

    def __init__(self, converter: Converter | None = None) -> None:
        self.conv = converter or Converter()
        self._factor_ids: dict[frozenset, int] = {}
        self._factors: list[sp.Poly] = []
        self._powers: dict[tuple[int, int], sp.Poly] = {}
        self._consts: dict[Rational, Frac] = {}  # values are never mutated: shared safely

    # ---- denominators

    def _factor_power(self, fid: int, e: int) -> sp.Poly:
        found = self._powers.get((fid, e))
        if found is None:
            found = self._powers[(fid, e)] = sp.power(self._factors[fid], e)
        return found

    def _expand_den(self, den: tuple) -> sp.Poly:
        mono, factors = den
        out: sp.Poly = {mono: 1}
        for fid, e in factors:
            out = sp.mul(out, self._factor_power(fid, e))
        return out

    def _factorize(self, p: sp.Poly) -> tuple[Fraction, tuple]:
        """``p = c * monomial * factor``: (``1/c``, the denominator ``(monomial, factors)``)."""
        common = _content(p)
        q = _divide(p, common) if common else dict(p)
        first = min(q)
        c = Fraction(q[first])
        if c != 1:
            q = {m: _coeff(Fraction(a) / c) for m, a in q.items()}
        mono = tuple(sorted(common.items()))
        if len(q) == 1:  # a monomial: q is the constant 1
            return 1 / c, (mono, ())
        key = frozenset(q.items())
        fid = self._factor_ids.get(key)
        if fid is None:
            fid = self._factor_ids[key] = len(self._factors)
            self._factors.append(q)
        return 1 / c, (mono, ((fid, 1),))

    def _lcm(self, dens: Sequence[tuple]) -> tuple:
        mono: dict[int, int] = {}
        factors: dict[int, int] = {}
        for m, fs in dens:
            for g, e in m:
                if e > mono.get(g, 0):
                    mono[g] = e
            for fid, e in fs:
                if e > factors.get(fid, 0):
                    factors[fid] = e
        return tuple(sorted(mono.items())), tuple(sorted(factors.items()))

    def _lift(self, x: Frac, lcm: tuple) -> sp.Poly:
        """The numerator of ``x`` over the denominator ``lcm`` (a multiple of its own)."""
        num, (mono, factors) = x
        if (mono, factors) == lcm:
            return num
        have = dict(mono)
        rest = tuple((g, e - have.get(g, 0)) for g, e in lcm[0] if e - have.get(g, 0) > 0)
        out = {sp._mono_mul(m, rest): c for m, c in num.items()} if rest else num
        have_f = dict(factors)
        for fid, e in lcm[1]:
            missing = e - have_f.get(fid, 0)
            if missing:
                out = sp.mul(out, self._factor_power(fid, missing))
        return out

    def _norm(self, num: sp.Poly, den: tuple) -> Frac:
        if not num:
            return {}, _NO_DEN
        mono, factors = den
        if mono:
            common = _content(num)
            shared = {g: min(e, common[g]) for g, e in mono if g in common}
            if shared:
                num = _divide(num, shared)
                mono = tuple((g, e - shared.get(g, 0)) for g, e in mono if e - shared.get(g, 0) > 0)
        return num, (mono, factors)

    # ---- the field

    def const(self, c: Rational) -> Frac:
        found = self._consts.get(c)
        if found is None:
            found = self._consts[c] = (sp.constant(_coeff(Fraction(int(c.p), int(c.q)))), _NO_DEN)
        return found

    def variable(self, key: Basic) -> Frac:
        return self.conv.variable(key)[0], _NO_DEN

    def is_zero(self, x: Frac) -> bool:
        return not x[0]

    def add(self, xs: Sequence[Frac]) -> Frac:
        xs = [x for x in xs if x[0]]
        if not xs:
            return {}, _NO_DEN
        if len(xs) == 1:
            return xs[0]
        lcm = self._lcm([d for _, d in xs])
        out: sp.Poly = {}
        for x in xs:
            out = sp.add(out, self._lift(x, lcm))
        return self._norm(out, lcm)

    def mul(self, xs: Sequence[Frac]) -> Frac:
        num: sp.Poly = _ONE
        mono: sp.Monomial = ()
        factors: dict[int, int] = {}
        for n, (m, fs) in xs:
            if not n:
                return {}, _NO_DEN
            num = n if num is _ONE else sp.mul(num, n)
            mono = sp._mono_mul(mono, m)
            for fid, e in fs:
                factors[fid] = factors.get(fid, 0) + e
        return self._norm(num, (mono, tuple(sorted(factors.items()))))

    def power(self, x: Frac, e: Basic) -> Frac:
        if not e.is_Integer:
            raise Unsupported("a power with a non-integer exponent")
        n = int(e)
        num, den = x
        if n < 0:
            if not num:
                raise ZeroDivisionError("division by zero")
            scale, new_den = self._factorize(num)
            num = self._expand_den(den)
            if scale != 1:
                num = sp.scale(num, _coeff(scale))
            den, n = new_den, -n
        if n == 1:
            return self._norm(num, den)
        mono, factors = den
        return self._norm(sp.power(num, n), (tuple((g, k * n) for g, k in mono), tuple((f, k * n) for f, k in factors)))

    def exp(self, x: Frac) -> Frac:
        if x[1] != _NO_DEN:
            raise Unsupported("exponential of a fraction")
        try:
            num, den = self.conv.exp_frac((x[0], _ONE))
        except _RatUnsupported as exc:
            raise Unsupported(str(exc)) from None
        return self.mul([(num, _NO_DEN), self.power((den, _NO_DEN), Integer(-1))]) if den != _ONE else (num, _NO_DEN)

    def log(self, x: Frac) -> Frac:
        num, (mono, factors) = x
        try:
            out = self.conv.log_frac((num, {mono: 1}))
            for fid, e in factors:
                out = sp.sub(out, sp.scale(self.conv.log_frac((self._factors[fid], _ONE)), e))
        except _RatUnsupported as exc:
            raise Unsupported(str(exc)) from None
        return out, _NO_DEN

    def equal(self, a: Frac, b: Frac) -> bool:
        """Are the two rational functions equal? (Both brought to their least common denominator.)"""
        if a[1] == b[1]:
            return a[0] == b[0]
        lcm = self._lcm([a[1], b[1]])
        return self._lift(a, lcm) == self._lift(b, lcm)


_NO_DEN: tuple = ((), ())


def _coeff(q: Fraction) -> sp.Coeff:
    return int(q) if q.denominator == 1 else q


def _content(p: sp.Poly) -> dict[int, int]:
    """The largest monomial dividing every term of ``p``."""
    common: dict[int, int] | None = None
    for m in p:
        if common is None:
            common = dict(m)
        else:
            present = dict(m)
            common = {g: min(e, present[g]) for g, e in common.items() if g in present}
        if not common:
            return {}
    return common or {}


def _divide(p: sp.Poly, common: Mapping[int, int]) -> sp.Poly:
    return {tuple((g, e - common.get(g, 0)) for g, e in m if e - common.get(g, 0) > 0): c for m, c in p.items()}


class NumericField:
    """mpmath numbers at several random points at once: a value is a tuple with one number per
    point (one walk serves every point). A variable's values are rationals in 1/20..2 drawn by
    hashing its `srepr` with ``salt`` and the point's number: pseudo-random, but a function of the
    variable alone, so a walker (and its memo) can be shared by every chain and placement at one
    size without the values depending on which chain came first.

    The numbers are mpmath's raw ``mpf`` tuples, operated on by mpmath's own ``libmp`` functions at
    ``digits`` digits with rounding to nearest: the very operations ``mpmath.mpf`` arithmetic and
    ``mpmath.fsum``, ``exp`` and ``log`` perform under ``workdps(digits)``, without building a
    Python object per number. What has no real value (the logarithm of a negative number, a
    fractional power of one) is `Unsupported`: the verifier evaluates that instance the explicit
    way (`derive.numeric`), where complex numbers are allowed.
    """

    def __init__(self, points: int = 1, salt: str = "", digits: int = 50) -> None:
        self.points = points
        self.salt = salt
        self.prec = libmp.dps_to_prec(digits)
        self._mp: dict[Basic, tuple] = {}
        self._const: dict[Rational, tuple] = {}
        self._one = (libmp.fone,) * points

    def _rational(self, p: int, q: int) -> tuple:
        """``mpf(p) / q`` at this precision (exact ``p``, one rounding)."""
        return libmp.mpf_div(libmp.from_int(p, self.prec, _RND), libmp.from_int(q), self.prec, _RND)

    def const(self, c: Rational) -> tuple:
        found = self._const.get(c)
        if found is None:
            found = self._const[c] = (self._rational(int(c.p), int(c.q)),) * self.points
        return found

    def variable(self, key: Basic) -> tuple:
        found = self._mp.get(key)
        if found is None:
            text = f"{self.salt}\x00{srepr_of(key)}\x00"
            found = self._mp[key] = tuple(self._rational(1 + _hash_int(f"{text}{n}") % 40, 20) for n in range(self.points))
        return found

    def is_zero(self, x: tuple) -> bool:
        return all(v == _ZERO for v in x)

    def add(self, xs: Sequence[tuple]) -> tuple:
        if not xs:
            return self.const(Integer(0))
        prec = self.prec
        return tuple([_MPF_SUM(col, prec, _RND) for col in zip(*xs)])

    def mul(self, xs: Sequence[tuple]) -> tuple:
        if not xs:
            return self._one
        out = list(xs[0])
        prec = self.prec
        for x in xs[1:]:
            out = [_MPF_MUL(a, b, prec, _RND) for a, b in zip(out, x)]
        return tuple(out)

    def power(self, x: tuple, e: Basic) -> tuple:
        if e.is_Integer:
            n, prec = int(e), self.prec
            return tuple([libmp.mpf_pow_int(v, n, prec, _RND) for v in x])
        if e.is_Rational:
            with mpmath.workprec(self.prec):
                q = mpmath.mpf(int(e.p)) / int(e.q)
                out = [mpmath.power(mpmath.mpf(v), q) for v in x]
            if not all(isinstance(v, mpmath.mpf) for v in out):
                raise Unsupported("a fractional power of a negative number")
            return tuple(v._mpf_ for v in out)
        raise Unsupported("a symbolic exponent")

    def exp(self, x: tuple) -> tuple:
        prec = self.prec
        return tuple([libmp.mpf_exp(v, prec, _RND) for v in x])

    def log(self, x: tuple) -> tuple:
        prec = self.prec
        try:
            return tuple([libmp.mpf_log(v, prec, _RND) for v in x])
        except libmp.ComplexResult:
            raise Unsupported("the logarithm of a negative number") from None

    def differences(self, a: tuple, b: tuple, digits: int) -> list[float | None]:
        """Per point, ``|a - b|`` as a float where it is at most ``10^-digits (1 + |a| + |b|)``,
        else None (the two sides differ there)."""
        prec = self.prec
        tolerance = libmp.mpf_pow_int(libmp.from_int(10), -digits, prec, _RND)
        out: list[float | None] = []
        for va, vb in zip(a, b):
            err = libmp.mpf_abs(libmp.mpf_sub(va, vb, prec, _RND), prec, _RND)
            scale = libmp.mpf_add(libmp.mpf_add(libmp.mpf_abs(va, prec, _RND), libmp.fone, prec, _RND),
                                  libmp.mpf_abs(vb, prec, _RND), prec, _RND)
            out.append(libmp.to_float(err, rnd=_RND) if libmp.mpf_le(err, libmp.mpf_mul(tolerance, scale, prec, _RND)) else None)
        return out


_RND = libmp.round_nearest
_ZERO = libmp.fzero
_MPF_SUM = libmp.mpf_sum
_MPF_MUL = libmp.mpf_mul


def _hash_int(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


# --------------------------------------------------------------------------- dual numbers


class _Dual:
    """Values with a derivative, over a base field: ``(value, derivative)`` pairs. The value of a
    sum or product is given (the walker has it memoised without the derivative); only the
    derivative is computed here."""

    def __init__(self, field: object) -> None:
        self.f = field
        self._consts: dict[Rational, tuple] = {}

    def const(self, c: Rational) -> tuple:
        found = self._consts.get(c)
        if found is None:
            found = self._consts[c] = (self.f.const(c), self.f.const(Integer(0)))
        return found

    def add(self, value: object, xs: Sequence[tuple]) -> tuple:
        f = self.f
        return value, f.add([d for _, d in xs if not f.is_zero(d)])

    def mul(self, value: object, xs: Sequence[tuple]) -> tuple:
        f = self.f
        terms = []
        for n, (_, d) in enumerate(xs):
            if f.is_zero(d):
                continue
            terms.append(f.mul([d, *(v for m, (v, _) in enumerate(xs) if m != n)]))
        return value, f.add(terms)


# --------------------------------------------------------------------------- the walker


#: Entries a walker's memo holds before it starts afresh.
MEMO_LIMIT = 500_000

# What a node is, decided once per expression (not per walk): the walk dispatches on it.
_NUMBER, _INDEX, _LEAF, _ADD, _MUL, _POW, _EXP, _LOG, _DELTA, _SUM, _PRODUCT, _DERIVATIVE, _OTHER = range(13)
#: id(expression) -> (its free indices sorted by name, its kind, its number, the expression, and
#: for an ``Indexed`` its base's number and indices); the expression is held, so its id stays its
#: own. Shared by every walker (pure).
_INFO: dict[int, tuple] = {}
#: expression -> its number: equal expressions (even distinct objects) share one number, which
#: keys the memos (small ints hash and compare without SymPy). Numbers are never reused.
_NUMBERS: dict[Basic, int] = {}
_COUNT = itertools.count()
_CONCRETE: dict[tuple, Basic] = {}  # (number of the base, index values) -> the Indexed


def _info(e: Basic) -> tuple:
    found = _INFO.get(id(e))
    if found is None:
        if len(_INFO) > 200_000:
            _INFO.clear()
        kind = _kind(e)
        extra = (_number_of(e.base), tuple(e.indices)) if isinstance(e, Indexed) else None
        found = _INFO[id(e)] = (tuple(sorted(free_indices(e), key=lambda s: s.name)), kind, _number_of(e), e, extra)
    return found


def _number_of(e: Basic) -> int:
    found = _NUMBERS.get(e)
    if found is None:
        if len(_NUMBERS) > 200_000:
            _NUMBERS.clear()
        found = _NUMBERS[e] = next(_COUNT)
    return found


def _kind(e: Basic) -> int:
    if not e.args and not isinstance(e, Symbol):
        return _NUMBER
    if isinstance(e, Symbol):
        return _INDEX if e.is_integer else _LEAF
    if isinstance(e, (Indexed, AppliedUndef)):
        return _LEAF
    for cls, kind in ((Add, _ADD), (Mul, _MUL), (Pow, _POW), (exp, _EXP), (log, _LOG), (KroneckerDelta, _DELTA),
                      (Sum, _SUM), (Product, _PRODUCT), (Derivative, _DERIVATIVE)):
        if isinstance(e, cls):
            return kind
    return _OTHER


class Walker:
    """Evaluates expressions at size ``k`` (``size`` is the size symbol, or None) over ``field``.

    ``substitutions`` maps a variable (``y[3]``) to an explicit expression that replaces it after
    differentiation (a constraint solved for that variable). Results are memoised by expression,
    the values of its free indices and the derivative taken, so members that share subexpressions
    (a normaliser in every softmax term, ``dL/dz_i`` in several steps) are walked once.

    Under a derivative the walk is in *dual mode*: ``mode`` is the number of the derivative taken
    (the variable and the definitions kept), ``None`` outside any derivative.

    ``parent``: a walker with the same definitions, size and field and no substitutions. What does
    not mention a substituted variable (itself or through a definition: ``yhat`` when ``y[3]`` is
    solved for) has the same value in both, and is taken from the parent, whose memo every
    walker of that size shares.
    """

    def __init__(self, defs: Definitions, size: Symbol | None, k: int, field: object,
                 substitutions: Mapping[Basic, Basic] | None = None, parent: Walker | None = None) -> None:
        self.table = defs.lookup()
        self.defs = defs
        self.size = size
        self.k = k
        self.subs = dict(substitutions or {})
        self.memo: dict[tuple, object] = {}
        self._leaves: dict[int, tuple] = {}  # a concrete leaf's number -> what it is here (see _leaf)
        self._base = self._env0({})  # the environment of a leaf's definition: the size only (never mutated)
        self._globals = defs.global_indices  # and the indices a definition shares with the claim
        if parent is not None and (parent.subs or parent.defs != defs or parent.size != size or parent.k != k or parent.f is not field):
            raise ValueError("a parent walker has the same definitions, size and field, and no substitutions")
        self._parent = parent if self.subs else None
        if parent is not None:  # one field and one numbering of derivatives for both
            self.f, self.dual, self._modes, self._mode_of = parent.f, parent.dual, parent._modes, parent._mode_of
        else:
            self.f = field
            self.dual = _Dual(field)
            self._modes: list[tuple[int, frozenset, Basic]] = []  # mode -> (the variable's number, definitions kept, the variable)
            self._mode_of: dict[tuple[int, frozenset], int] = {}
        self._sub_keys = frozenset(defs.key_of(v) for v in self.subs)
        self._mentions: dict[object, bool] = {}  # expression number or definition key -> mentions a substituted variable

    # ---- indices

    def _env0(self, indices: Mapping[Symbol, int]) -> dict[Basic, int]:
        env: dict[Basic, int] = dict(indices)
        if self.size is not None:
            env[self.size] = self.k
        return env

    def value(self, expr: Basic, indices: Mapping[Symbol, int]) -> object:
        """``expr`` with the free indices at ``indices``."""
        return self._walk(expr, self._env0(indices), None)

    def _int(self, e: Basic, env: Mapping[Basic, int]) -> int:
        if e.is_Integer:
            return int(e)
        if isinstance(e, Symbol):
            try:
                return env[e]
            except KeyError:
                raise Unsupported(f"no value for the index {e}") from None
        if isinstance(e, Add):
            return sum(self._int(a, env) for a in e.args)
        if isinstance(e, Mul):
            out = 1
            for a in e.args:
                out *= self._int(a, env)
            return out
        raise Unsupported(f"cannot read the index {e}")

    def _at(self, e: Basic, env: Mapping[Basic, int]) -> Basic:
        """A leaf (``z[i]``, ``sigma(x)``, a scalar) with its indices made concrete."""
        extra = _info(e)[4]
        if extra is not None:  # Indexed
            base, indices = extra
            values = tuple([self._int(i, env) for i in indices])
            found = _CONCRETE.get((base, values))
            if found is None:
                found = _CONCRETE[(base, values)] = Indexed(e.base, *(Integer(v) for v in values))
            return found
        if isinstance(e, AppliedUndef):
            frees = _info(e)[0]
            return e.xreplace({s: Integer(env[s]) for s in frees}) if frees else e
        return e

    # ---- the walk

    def _walk(self, e: Basic, env: Mapping[Basic, int], mode: int | None) -> object:
        info = _INFO.get(id(e))
        if info is None:
            info = _info(e)
        frees, kind, n = info[0], info[1], info[2]
        if kind == _NUMBER:  # numbers: not memoised
            return self._number(e, mode)
        if self._parent is not None and not self._mentions_substituted(e, n):
            return self._parent._walk(e, env, mode)
        try:
            key = (n, tuple([env[s] for s in frees]), mode) if frees else (n, mode)
        except KeyError:
            raise Unsupported(f"a free index of {e} has no value") from None
        memo = self.memo
        found = memo.get(key, memo)
        if found is memo:
            found = self._node(e, kind, env, mode)
            if len(memo) >= MEMO_LIMIT:  # a walker shared by many chains stays bounded
                memo.clear()
            memo[key] = found
        return found

    def _mentions_substituted(self, e: Basic, n: object) -> bool:
        """Does ``e`` mention a substituted variable, itself or through a definition (memoised by
        its number)?"""
        found = self._mentions.get(n)
        if found is None:
            self._mentions[n] = True  # while deciding (a cycle of definitions): the safe answer
            if isinstance(e, (Symbol, Indexed, AppliedUndef)):
                key = self.defs.key_of(e)
                if key in self._sub_keys:
                    found = True
                elif key in self.table:
                    found = self._mentions_substituted(self.table[key].rhs, ("definition", key))
                else:
                    found = isinstance(e, AppliedUndef) and any(self._mentions_substituted(a, _info(a)[2]) for a in e.args)
            else:
                found = any(self._mentions_substituted(a, _info(a)[2]) for a in e.args)
            self._mentions[n] = found
        return found

    def _number(self, e: Basic, mode: int | None) -> object:
        if not e.is_Rational:
            raise Unsupported(f"cannot read the number {e}")
        return self.f.const(e) if mode is None else self.dual.const(e)

    def _node(self, e: Basic, kind: int, env: Mapping[Basic, int], mode: int | None) -> object:
        walk = self._walk
        if kind == _ADD or kind == _MUL:
            parts = [walk(a, env, mode) for a in e.args]
            if mode is None:
                return self.f.add(parts) if kind == _ADD else self.f.mul(parts)
            value = walk(e, env, None)
            return self.dual.add(value, parts) if kind == _ADD else self.dual.mul(value, parts)
        if kind == _LEAF:
            return self._leaf(self._at(e, env), mode, env)
        if kind == _POW or kind == _EXP or kind == _LOG:
            return self._elementary(e, kind, env, mode)
        if kind == _SUM:
            terms = self._sum(e.function, list(e.limits), env, mode)
            return self.f.add(terms) if mode is None else self.dual.add(walk(e, env, None), terms)
        if kind == _PRODUCT:  # the factors over the limits, as a sum's terms
            factors = self._sum(e.function, list(e.limits), env, mode)
            return self.f.mul(factors) if mode is None else self.dual.mul(walk(e, env, None), factors)
        if kind == _INDEX:
            return self._number(Integer(self._int(e, env)), mode)
        if kind == _DELTA:
            a, b = (self._int(x, env) for x in e.args)
            return self._number(Integer(int(a == b)), mode)
        if kind == _DERIVATIVE:
            if mode is not None:
                raise Unsupported("a derivative inside a derivative")
            (var, count), = e.variable_count
            if count != 1 or not isinstance(var, (Symbol, Indexed, AppliedUndef)) or (isinstance(var, Symbol) and var.is_integer):
                raise Unsupported(f"a derivative with respect to {var}")
            target = self._at(var, env)
            keep = frozenset({self.defs.key_of(target)}) if self.defs.key_of(target) in self.table else frozenset()
            return walk(e.expr, env, self._mode(target, keep))[1]
        raise Unsupported(f"cannot read {type(e).__name__}")

    def _mode(self, target: Basic, keep: frozenset) -> int:
        """The number of the derivative by ``target`` (definitions in ``keep`` not unfolded)."""
        key = (_info(target)[2], keep)
        found = self._mode_of.get(key)
        if found is None:
            found = self._mode_of[key] = len(self._modes)
            self._modes.append((key[0], keep, target))
        return found

    def _elementary(self, e: Basic, kind: int, env: Mapping[Basic, int], mode: int | None) -> object:
        """``x^n``, ``e^x`` or ``ln x``; under a derivative the value is the one walked without
        it (memoised once for every variable differentiated by), and only the derivative is new."""
        f = self.f
        if kind == _POW and not e.args[1].is_Rational:
            raise Unsupported("a symbolic exponent")
        if mode is None:
            x = self._walk(e.args[0], env, None)
            if kind == _POW:
                return f.power(x, e.args[1])
            return f.exp(x) if kind == _EXP else f.log(x)
        v, d = self._walk(e.args[0], env, mode)
        value = self._walk(e, env, None)
        if f.is_zero(d):
            return value, d
        if kind == _EXP:
            return value, f.mul([value, d])
        if kind == _LOG:
            return value, f.mul([d, f.power(v, Integer(-1))])
        n = e.args[1]
        return value, f.mul([f.const(n), f.power(v, n - 1), d])

    def _sum(self, body: Basic, limits: list, env: Mapping[Basic, int], mode: int | None) -> list:
        """The terms of a sum over ``limits`` (innermost last), each walked."""
        var, lo, hi = limits[-1]
        a, b = self._int(lo, env), self._int(hi, env)
        terms = []
        walk = self._walk
        for v in range(a, b + 1):
            inner = {**env, var: v}
            if len(limits) > 1:
                terms.extend(self._sum(body, limits[:-1], inner, mode))
            else:
                terms.append(walk(body, inner, mode))
        return terms

    def _leaf(self, leaf: Basic, mode: int | None, env: Mapping[Basic, int]) -> object:
        """A variable, a defined object (unfolded unless kept), or a solved variable. A definition is
        walked with the size alone, and the indices it shares with the claim (see
        `Definitions.global_indices`) at their values in ``env``."""
        n = _info(leaf)[2]
        found = self._leaves.get(n)
        if found is None:
            key = self.defs.key_of(leaf)
            if key in self.table:
                found = (key, _instantiate(self.table[key], leaf))
            else:
                found = (None, self.subs.get(leaf))
            self._leaves[n] = found
        key, unfolded = found
        base = self._base
        if self._globals:
            base = {**base, **{s: env[s] for s in self._globals if s in env}}
        if mode is None:
            if unfolded is not None:  # a definition, or a constraint's solution
                return self._walk(unfolded, base, None)
            return self.f.variable(leaf)
        target, keep, variable = self._modes[mode]
        if key is not None and key not in keep:
            return self._walk(unfolded, base, mode)
        # equal expressions share a number; the comparison stands in case the numbers were renewed
        same = n == target or (hash(leaf) == hash(variable) and leaf == variable)
        return self._walk(leaf, base, None), self.f.const(Integer(1 if same else 0))
