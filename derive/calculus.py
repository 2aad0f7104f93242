"""Index calculus on SymPy expressions: unfold definitions, differentiate sums, collapse deltas.

These are the targeted rewrites that the derivations use to produce their steps and that the
verifier uses to prove them for a symbolic size; nothing here calls `simplify`.

- `rename_bound` gives every summation variable a fresh name (no capture: SymPy's own
  ``diff(-Sum(y[o]*log(yhat[o]), (o, 1, k)), yhat[o])`` silently returns ``-Sum(y[o]/yhat[o], ...)``,
  the very slip of the seed post).
- `unfold` replaces defined symbols by their definitions, optionally keeping some.
- `evaluate_derivatives` evaluates every ``Derivative`` (symbolically with Kronecker deltas, or
  explicitly at a concrete size).
- `linearize_sums` pulls constants out of sums, splits sums of sums and collapses
  ``Sum(delta(m, t) f(m)) = f(t)`` for an index ``t`` in range.
- `normal_form` reduces an expression to a canonical rational function whose zero test is exact.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from sympy import (
    Add,

    Basic,
    Derivative,
    Eq,
    Expr,
    Indexed,
    IndexedBase,
    Integer,
    KroneckerDelta,
    Lambda,
    Mul,
    Ne,
    Poly,
    PolynomialError,
    Pow,
    Product,
    S,
    Subs,
    Sum,
    Symbol,
    exp,
    expand,
    expand_log,
    expand_power_exp,
    factor_terms,
    log,
    numer,
    together,
)

from sympy.core.function import AppliedUndef

from .steps import Definition
from .symbols import index

__all__ = [
    "Definitions",
    "rename_bound",
    "fresh_index",
    "unfold",
    "evaluate_derivatives",
    "linearize_sums",
    "expand_sums",
    "canonical_sums",
    "apply_index_conditions",
    "normal_form",
    "is_zero_form",
    "free_indices",
    "split_term",
    "constants_out",
]


# --------------------------------------------------------------------------- names


def _names(expr: Basic) -> set[str]:
    return {s.name for s in expr.atoms(Symbol)} | {b.name for b in expr.atoms(IndexedBase)}


def fresh_index(avoid: Iterable[str], preferred: Iterable[str] = ("j", "m", "n", "p", "q", "r")) -> Symbol:
    """An index symbol whose name is not in ``avoid``: the first free of ``preferred``, then m1, m2..."""
    taken = set(avoid)
    for name in itertools.chain(preferred, (f"m{n}" for n in itertools.count(1))):
        if name not in taken:
            return index(name)
    raise AssertionError("unreachable")


def rename_bound(expr: Expr, avoid: Iterable[str] = (), preferred: Iterable[str] = ("j", "m", "n", "p", "q", "r")) -> Expr:
    """Rename every summation variable to a name not free in ``expr`` nor in ``avoid``.

    Deterministic: names are taken in order from ``preferred``; inner sums are renamed first.
    """
    taken = set(avoid) | {s.name for s in expr.free_symbols} | {b.name for b in expr.atoms(IndexedBase)}

    def visit(e: Basic) -> Basic:
        if not e.args:
            return e
        if isinstance(e, (Sum, Product)):  # top-down: the outer binder is fresh before the inner ones are named
            body = e.function
            limits = []
            for var, lo, hi in e.limits:
                new = fresh_index(taken | (_names(e) - {var.name}), preferred)
                taken.add(new.name)
                body = body.xreplace({var: new})
                limits.append((new, lo, hi))
            return e.func(visit(body), *limits)
        return _rebuilt(e, [visit(a) for a in e.args])

    return visit(expr)


def free_indices(expr: Basic) -> set[Symbol]:
    """Integer symbols occurring free in ``expr``: subscripts, derivative variables and bounds.

    Unlike SymPy's ``free_symbols`` this sees the ``i`` of ``Derivative(L, z[i])`` (SymPy drops
    variables an undefined expression does not visibly depend on).
    """
    if isinstance(expr, Symbol):
        return {expr} if expr.is_integer else set()
    if isinstance(expr, (Sum, Product)):
        inner = free_indices(expr.function)
        for var, lo, hi in reversed(expr.limits):
            inner = (inner - {var}) | free_indices(lo) | free_indices(hi)
        return inner
    out: set[Symbol] = set()
    for a in expr.args:
        out |= free_indices(a)
    return out


# --------------------------------------------------------------------------- definitions


@dataclass(frozen=True)
class Definitions:
    """The definitions in force, looked up by the object they define (``L``, ``yhat``, ``sigma``)."""

    items: tuple[Definition, ...]

    def key_of(self, lhs: Basic) -> Basic:
        if isinstance(lhs, Indexed):
            return lhs.base
        if isinstance(lhs, AppliedUndef):
            return lhs.func
        return lhs

    def lookup(self) -> dict[Basic, Definition]:
        return {self.key_of(d.lhs): d for d in self.items}

    def defines(self, obj: Basic) -> bool:
        return self.key_of(obj) in self.lookup()

    @property
    def global_indices(self) -> frozenset[Symbol]:
        """Indices free in a right side that its left side does not bind (``y_j = \\delta_{j k}``, for
        the correct class ``k`` of an example): they take the value the claim gives them."""
        return _global_indices(self)


@lru_cache(maxsize=256)
def _global_indices(defs: Definitions) -> frozenset[Symbol]:
    found: set[Symbol] = set()
    for d in defs.items:
        params = set(d.lhs.indices) if isinstance(d.lhs, Indexed) else set(d.lhs.args) if isinstance(d.lhs, AppliedUndef) else set()
        found |= {s for s in free_indices(d.rhs) if s not in params}
    return frozenset(found)


@lru_cache(maxsize=8192)
def _instantiate(defn: Definition, target: Basic) -> Expr:
    """The right side of ``defn`` for the occurrence ``target`` of its left side (memoised: pure)."""
    rhs = defn.rhs
    lhs = defn.lhs
    if isinstance(lhs, Symbol):
        params: tuple[Basic, ...] = ()
        args: tuple[Basic, ...] = ()
    elif isinstance(lhs, Indexed):
        params, args = lhs.indices, target.indices  # type: ignore[attr-defined]
    else:
        params, args = lhs.args, target.args
    if len(params) != len(args):
        raise ValueError(f"{target} does not match the definition of {lhs}")
    if not isinstance(lhs, Indexed):
        for p, a in zip(params, args):
            used = p in rhs.free_symbols or any(str(x.base) == str(p) for x in rhs.atoms(Indexed))
            if not used and a != p:  # KL(P, Q) = \sum_i p_i \ln(p_i/q_i): known at (P, Q) only, not at (Q, P)
                raise ValueError(f"{target}: {lhs} is defined at its own arguments only ({p} does not appear in its definition)")
    avoid = {n for a in args for n in _names(a)} | {p.name for p in params if isinstance(p, Symbol)}
    rhs = rename_bound(rhs, avoid)
    if params and not isinstance(lhs, Indexed):
        rhs = _vector_arguments(rhs, params, args)
    if params:
        rhs = Lambda(tuple(params), rhs)(*args) if not isinstance(lhs, Indexed) else rhs.xreplace(dict(zip(params, args)))
    return rhs


def _vector_arguments(rhs: Expr, params: tuple[Basic, ...], args: tuple[Basic, ...]) -> Expr:
    """``h(x) = \\sum_l \\theta_l x_l`` at ``x^{(i)}``: a parameter whose entries the right side uses is a
    vector, and its entry ``x_l`` becomes the argument's (``x^{(i)}_l``, or ``v_l`` for a vector ``v``)."""
    swap: dict[Basic, Basic] = {}
    for p, a in zip(params, args):
        if not isinstance(p, Symbol):
            continue
        for entry in rhs.atoms(Indexed):
            if entry.base.name != p.name:
                continue
            if isinstance(a, Symbol):
                swap[entry] = Indexed(IndexedBase(a.name), *entry.indices)
            elif isinstance(a, Indexed):
                swap[entry] = Indexed(a.base, *a.indices, *entry.indices)
            else:
                raise ValueError(f"the vector argument {a} of {p} is not a quantity")
    return rhs.xreplace(swap) if swap else rhs


def unfold(expr: Expr, defs: Definitions, keep: frozenset[Basic] = frozenset()) -> Expr:
    """Replace every defined object in ``expr`` by its definition, recursively, except those in
    ``keep`` (definition keys: a Symbol, an IndexedBase, an undefined function class).

    Derivatives are not entered: `evaluate_derivatives` decides what each one keeps.
    """
    table = {key: d for key, d in defs.lookup().items() if key not in keep}
    if not table:
        return expr

    memo: dict[tuple[int, int], tuple[Basic, Basic]] = {}  # by node identity: a shared subtree is walked once

    def visit(e: Basic, depth: int = 0) -> Basic:
        if depth > 50:
            raise RecursionError("definitions refer to each other in a cycle")
        if isinstance(e, Derivative):
            return e
        key = defs.key_of(e) if isinstance(e, (Symbol, Indexed, AppliedUndef)) else None
        if key is not None and key in table:
            return visit(_instantiate(table[key], e), depth + 1)
        if not e.args or isinstance(e, (Symbol, IndexedBase)):
            return e
        if isinstance(e, Indexed):
            return e
        found = memo.get((id(e), depth))
        if found is None or found[0] is not e:  # the node is kept in the memo, so its id stays its own
            found = memo[(id(e), depth)] = (e, _rebuilt(e, [visit(a, depth) for a in e.args]))
        return found[1]

    return visit(expr)


# --------------------------------------------------------------------------- derivatives


def _defined_keys(variables: Iterable[Basic], defs: Definitions) -> frozenset[Basic]:
    return frozenset(defs.key_of(v) for v in variables if defs.defines(v))


def evaluate_derivatives(
    expr: Expr,
    defs: Definitions,
    *,
    explicit: bool = False,
    split_logs: bool = False,
) -> Expr:
    """Evaluate every ``Derivative`` in ``expr`` and unfold all definitions.

    In ``Derivative(f, v)`` the definitions in ``f`` are unfolded except that of ``v`` itself (so
    ``d L / d yhat_o`` treats ``yhat`` as the independent variable). Summation variables are
    renamed first so no bound index captures ``v``'s index. With ``explicit`` (a concrete size
    already substituted), sums are expanded to explicit additions before differentiating, so the
    result is obtained by plain differentiation of explicit expressions, without deltas. With
    ``split_logs`` every logarithm in a body is expanded (``ln(a/b) = ln a - ln b``, as `is_zero_form`
    does) before it is differentiated: the same derivative (the two forms differ by a constant
    multiple of ``2 pi i`` at most), found with far less work (``ln(e^{z_o}/S)`` becomes ``z_o - ln S``).
    """

    if explicit:
        expr = expand_sums(expr)
    out = unfold(_visit_derivatives(expr, defs, explicit, split_logs), defs)
    return expand_sums(out) if explicit else out


def _visit_derivatives(e: Basic, defs: Definitions, explicit: bool, split_logs: bool,
                       memo: dict[int, tuple[Basic, Basic]] | None = None) -> Basic:
    if isinstance(e, Derivative):
        return _evaluate_derivative(e, defs, explicit, split_logs)
    if not e.args or isinstance(e, (Indexed, IndexedBase, Symbol)):
        return e
    memo = {} if memo is None else memo  # by node identity: a shared subtree is walked once
    if isinstance(e, Subs):  # \sigma'(w x): the derivative of the defined \sigma, taken at w x
        inner = unfold(_visit_derivatives(e.expr, defs, explicit, split_logs, memo), defs)
        if not inner.has(Derivative):
            points = (_visit_derivatives(p, defs, explicit, split_logs, memo) for p in e.point)
            return inner.xreplace(dict(zip(e.variables, points, strict=True)))
    found = memo.get(id(e))
    if found is None or found[0] is not e:  # the node is kept in the memo, so its id stays its own
        found = memo[id(e)] = (e, _rebuilt(e, [_visit_derivatives(a, defs, explicit, split_logs, memo) for a in e.args]))
    return found[1]


@lru_cache(maxsize=8192)
def _evaluate_derivative(e: Derivative, defs: Definitions, explicit: bool, split_logs: bool) -> Expr:
    """One ``Derivative`` evaluated (memoised: pure in its arguments, and the verifier meets the
    same derivative in many members and at many placements)."""
    variables = [v for v, _ in e.variable_count]
    # with respect to sigma(z): sigma(z) stays whole, so z (defined or not) is not unfolded inside it either
    arguments = [a for v in variables if isinstance(v, AppliedUndef) for a in v.args if isinstance(a, (Symbol, Indexed))]
    body = unfold(_visit_derivatives(e.expr, defs, explicit, split_logs), defs, _defined_keys([*variables, *arguments], defs))
    body = rename_bound(body, {n for v in variables for n in _names(v)})
    if explicit:
        body = expand_sums(body)
    if split_logs:
        body = _expand_log(body)
    return body.diff(*e.variable_count)


def _rebuilt(e: Basic, args: list[Basic]) -> Basic:
    """``e`` with new arguments, or ``e`` itself when none changed (no needless reconstruction)."""
    return e if all(a is b for a, b in zip(args, e.args)) else e.func(*args)


def expand_sums(expr: Expr) -> Expr:
    """Write every sum (and product) with integer limits as an explicit addition of its terms
    (multiplication of its factors), innermost first after substitution, so nested sums work.
    Sums with symbolic limits are left alone."""

    memo: dict[int, tuple[Basic, Basic]] = {}  # by node identity: a shared subtree is walked once

    def visit(e: Basic) -> Basic:
        if not e.args or isinstance(e, (Symbol, IndexedBase)):
            return e
        if isinstance(e, (Sum, Product)):
            return _expand_sum(e)
        found = memo.get(id(e))
        if found is None or found[0] is not e:  # the node is kept in the memo, so its id stays its own
            found = memo[id(e)] = (e, _rebuilt(e, [visit(a) for a in e.args]))
        return found[1]

    return visit(expr)


@lru_cache(maxsize=8192)
def _expand_sum(e: Sum | Product) -> Expr:
    """One sum (or product) written out (memoised: pure, and a normaliser occurs in every softmax term)."""
    body = e.function
    join = Mul if isinstance(e, Product) else Add
    for var, lo, hi in reversed(e.limits):
        if not (lo.is_Integer and hi.is_Integer):
            return e.func(expand_sums(e.function), *e.limits)
        body = join(*[body.xreplace({var: Integer(v)}) for v in range(int(lo), int(hi) + 1)])
    return expand_sums(body)


# --------------------------------------------------------------------------- sums


def _split_dependence(term: Expr, var: Symbol) -> tuple[Expr, Expr]:
    """``term = independent * dependent`` with respect to ``var``."""
    indep, dep = [], []
    for f in Mul.make_args(term):
        (dep if var in f.free_symbols else indep).append(f)
    return Mul(*indep), Mul(*dep)


def _delta_partner(dep: Expr, var: Symbol) -> tuple[KroneckerDelta, Expr] | None:
    for f in Mul.make_args(dep):
        if isinstance(f, KroneckerDelta) and var in f.args:
            a, b = f.args
            other = b if a == var else a
            if var not in other.free_symbols:
                return f, other
    return None


def _in_range(t: Expr, lo: Expr, hi: Expr, size: Symbol | None) -> bool:
    """Is the index value ``t`` known to lie in ``lo..hi``? Free indices range over 1..size."""
    if lo != 1:
        return False
    if t.is_Integer:
        return bool(hi.is_Integer and 1 <= t <= hi)
    return isinstance(t, Symbol) and t.is_integer and size is not None and hi == size


def expand_all(expr: Expr) -> Expr:
    """Expand products, powers of exponentials and logarithms (all quantities are real)."""
    e = expand(expr, power_exp=True, mul=True, multinomial=True, log=False)
    e = expand_log(e, force=True)
    return exp_of_sums(expand(e, power_exp=True))


def exp_of_sums(expr: Expr) -> Expr:
    """``Product(exp(f), (m, lo, hi)) -> exp(Sum(f, (m, lo, hi)))``: SymPy's ``power_exp`` expansion
    turns ``exp(Sum(..))`` into a product of exponentials, a form the canonical renaming of
    summation variables and the exponential generators of `normal_form` do not see; one form only."""
    if not expr.has(Product):
        return expr
    return expr.replace(
        lambda e: isinstance(e, Product) and isinstance(e.function, exp),
        lambda e: exp(Sum(e.function.args[0], *e.limits)),
    )


def linearize_sums(expr: Expr, size: Symbol | None) -> Expr:
    """Rewrite sums into a sum of terms ``c * Sum(f)``: constants out of sums, sums of sums split,
    ``Sum(delta(m, t) f(m), (m, 1, size)) -> f(t)``, ``Sum(c, (m, 1, n)) -> n c``.

    Bottom-up; a delta is collapsed only when its partner index is known to be in range.
    """

    def visit(e: Basic) -> Basic:
        if not e.args or isinstance(e, (Indexed, IndexedBase, Symbol)):
            return e
        if isinstance(e, Sum):
            body = visit(e.function)
            limits = list(e.limits)
            var, lo, hi = limits.pop()  # innermost last in SymPy's order: peel one at a time
            inner = _linear_sum(expand_all(body), var, lo, hi, size)
            return visit(Sum(inner, *limits)) if limits else inner
        return e.func(*[visit(a) for a in e.args])

    def _linear_sum(body: Expr, var: Symbol, lo: Expr, hi: Expr, size: Symbol | None) -> Expr:
        out = []
        for term in Add.make_args(body):
            indep, dep = _split_dependence(term, var)
            if dep == 1:
                out.append(indep * (hi - lo + 1))
                continue
            partner = _delta_partner(dep, var)
            if partner is not None and _in_range(partner[1], lo, hi, size):
                delta, t = partner
                out.append(indep * (dep / delta).xreplace({var: t}))
                continue
            out.append(indep * Sum(dep, (var, lo, hi)))
        return Add(*out)

    return visit(expr)


def canonical_sums(expr: Expr) -> Expr:
    """Rename summation variables canonically (by nesting height), so equal sums compare equal."""

    def visit(e: Basic) -> tuple[Basic, int]:
        if not e.args or isinstance(e, (Indexed, IndexedBase, Symbol)):
            return e, 0
        if isinstance(e, Sum):
            body, h = visit(e.function)
            limits = []
            for var, lo, hi in reversed(e.limits):
                h += 1
                new = Symbol(f"_b{h}", integer=True, positive=True)
                body = body.xreplace({var: new})
                limits.append((new, lo, hi))
            return Sum(body, *reversed(limits)), h
        parts = [visit(a) for a in e.args]
        return e.func(*[p for p, _ in parts]), max((h for _, h in parts), default=0)

    return visit(expr)[0]


def split_term(s: Sum, value: Expr) -> Expr:
    """``Sum(f(o), (o, lo, hi)) -> f(value) + Sum(f(o) (1 - delta(o, value)), (o, lo, hi))``:
    the ``o = value`` term taken out of the sum (printed as a sum over ``o != value``)."""
    (var, lo, hi), = s.limits
    body = s.function
    return Add(body.xreplace({var: value}), Sum(body * (1 - KroneckerDelta(value, var)), (var, lo, hi)), evaluate=False)


def constants_out(s: Sum) -> Expr:
    """Factors of the summand that do not depend on the summation variable, moved in front."""
    (var, lo, hi), = s.limits
    indep, dep = _split_dependence(s.function, var)
    return indep * Sum(dep, (var, lo, hi))


# --------------------------------------------------------------------------- conditions


def apply_index_conditions(expr: Expr, conditions: Iterable[Basic]) -> Expr:
    """Use index relations: ``Eq(i, o)`` identifies the two indices (the later name is replaced by
    the earlier), ``Ne(i, o)`` sets ``delta(i, o) = 0``. Other relations are left to the caller."""
    for c in conditions:
        if isinstance(c, Eq) and _is_index(c.lhs) and _is_index(c.rhs):
            a, b = sorted((c.lhs, c.rhs), key=lambda s: s.name)
            expr = rename_bound(expr, {a.name, b.name}).xreplace({b: a})
    for c in conditions:
        if isinstance(c, Ne) and _is_index(c.lhs) and _is_index(c.rhs):
            expr = expr.xreplace({KroneckerDelta(c.lhs, c.rhs): S.Zero, KroneckerDelta(c.rhs, c.lhs): S.Zero})
    return expr


def _is_index(e: Basic) -> bool:
    return (isinstance(e, Symbol) and bool(e.is_integer)) or isinstance(e, Integer)


# --------------------------------------------------------------------------- normal form


def _exp_generators(expr: Expr) -> tuple[Expr, dict[Symbol, Expr]]:
    """Replace ``exp(c1 x1 + c2 x2 + r)`` by ``X1**c1 * X2**c2 * exp(r)`` with positive
    generators ``X``, so exponentials become monomials of a rational function."""
    gens: dict[Basic, Symbol] = {}

    def gen(x: Basic) -> Symbol:
        if x not in gens:
            gens[x] = Symbol(f"_E{len(gens)}_{x}", positive=True)
        return gens[x]

    def conv(e: Basic) -> Basic:
        arg = expand(e.args[0])
        out, rest = [], []
        for t in Add.make_args(arg):
            c, f = t.as_coeff_Mul()
            if c.is_Rational and isinstance(f, (Symbol, Indexed)):
                out.append(Pow(gen(f), c))
            else:
                rest.append(t)
        return Mul(*out) * (exp(Add(*rest)) if rest else 1)

    new = expr.replace(lambda e: isinstance(e, exp), conv)
    return new, {v: k for k, v in gens.items()}


def _log_common_factors(expr: Expr) -> Expr:
    """``log(c a + c b) -> log(c (a + b))``: common factors of each logarithm's argument taken out
    (``e^{x - m} = e^{-m} e^{x}`` first), so that `expand_log` splits them off."""
    return expr.replace(lambda e: isinstance(e, log), lambda e: log(factor_terms(expand_power_exp(e.args[0]))))


def _expand_log(e: Expr) -> Expr:
    """`expand_log` (forced), skipped when there is no logarithm: only ``log`` has a log hint, so
    it would return ``e`` unchanged after walking every node."""
    return expand_log(e, force=True) if e.has(log) else e


def _numerator(expr: Expr, split_logs: bool = True) -> tuple[Expr, list[Basic]]:
    """The numerator of ``expr`` over a common denominator, with sums, logarithms and exponential
    generators made atoms, and those atoms (sorted). Without ``split_logs`` every logarithm is an
    atom as written (no ``ln(ab) = ln a + ln b``, which needs positive factors)."""
    e = _symbolic_powers(expr)
    e = _expand_log(_log_common_factors(e)) if split_logs and e.has(log) else e
    atoms: dict[Basic, Symbol] = {}
    for n, s in enumerate(sorted(e.atoms(Sum), key=str)):
        atoms[s] = Symbol(f"_S{n}")
    e = e.xreplace(atoms)
    e, _ = _exp_generators(e)
    e = expand_power_exp(_expand_log(e) if split_logs else e)  # b**(g + 1) -> b**g * b for a symbolic g
    num = numer(together(e))
    gens = sorted(num.free_symbols | num.atoms(Indexed) | num.atoms(log) | num.atoms(exp), key=str)
    return num, gens


def _symbolic_powers(expr: Expr) -> Expr:
    """``b^g`` for a compound base and a symbolic exponent written ``e^{g \\ln b}`` (its definition on
    the principal branch, so an identity): ``(1 + e^{-z})^{-y}`` and ``(\\frac{1}{1 + e^{-z}})^{y}`` then
    meet as exponentials of logarithms (the `derive.check.domain` guard decides where a logarithm
    may be split)."""
    def compound(p: Basic) -> bool:
        return isinstance(p, Pow) and not p.exp.is_number and not isinstance(p.base, (Symbol, Indexed)) and p.base is not S.Exp1

    if not any(compound(p) for p in expr.atoms(Pow)):
        return expr
    return expr.replace(compound, lambda p: exp(p.exp * log(p.base)))


def normal_form(expr: Expr) -> Expr:
    """The numerator of ``expr`` as an expanded polynomial in its atoms (sums, logarithms and
    exponential generators treated as independent). Zero means ``expr`` is identically zero."""
    num, gens = _numerator(expr)
    try:
        return Poly(num, *gens).as_expr() if gens else expand(num)
    except PolynomialError:
        return expand(num)


def is_zero_form(expr: Expr, split_logs: bool = True) -> bool:
    """Exact zero test of `normal_form` (a canonical polynomial is zero iff it is the zero object;
    the polynomial is tested directly, not turned back into an expression). When that fails with
    sums as atoms, sums over the same range are merged and their summand tested (`_summands_zero`)."""
    return _atoms_zero(expr, split_logs) or _summands_zero(expr, split_logs)


def _atoms_zero(expr: Expr, split_logs: bool = True) -> bool:
    num, gens = _numerator(expr, split_logs)
    try:
        return Poly(num, *gens).is_zero if gens else expand(num) is S.Zero
    except PolynomialError:
        return expand(num) is S.Zero


def _summands_zero(expr: Expr, split_logs: bool = True, depth: int = 0) -> bool:
    """A sufficient test: ``c1 Sum(f1, R) + c2 Sum(f2, R) + rest`` is zero when the summand
    ``c1 f1 + c2 f2`` of every range ``R`` is identically zero in the summation variable (taken as a
    free index) and so is ``rest``. Two sums of different summands can be equal without this (a
    reindexing, a telescoping sum): then the test fails, it never passes wrongly. Needed when the
    summands are equal only after rational simplification (logistic regression's
    ``Sum(x_ij (sigma(theta^T x_i) - y_i))`` against its unsimplified derivative)."""
    if depth > 3 or not expr.has(Sum):
        return False
    groups: dict[tuple, list[Expr]] = {}
    rest: list[Expr] = []
    for term in Add.make_args(expand(exp_of_sums(expr), mul=True, multinomial=False, power_exp=False, log=False)):
        sums = [f for f in Mul.make_args(term) if isinstance(f, Sum)]
        if len(sums) != 1 or len(sums[0].limits) != 1:
            rest.append(term)
            continue
        (s,) = sums
        var, lo, hi = s.limits[0]
        coeff = term / s
        if var in coeff.free_symbols:
            rest.append(term)
            continue
        free = Symbol(f"_s{depth}", integer=True, positive=True)
        groups.setdefault((lo, hi), []).append(coeff * s.function.xreplace({var: free}))
    if not groups:
        return False
    for parts in groups.values():
        body = Add(*parts)
        if not (_atoms_zero(body, split_logs) or _summands_zero(body, split_logs, depth + 1)):
            return False
    if not rest:
        return True
    rest_expr = Add(*rest)
    return _atoms_zero(rest_expr, split_logs) or _summands_zero(rest_expr, split_logs, depth + 1)
