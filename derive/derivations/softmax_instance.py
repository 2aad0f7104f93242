"""The softmax–cross-entropy instance at a concrete k: explicit softmax, k x k Jacobian, gradient.

Every Jacobian entry and gradient component is obtained by differentiating the explicit
expressions at that k and compared exactly with the closed forms of the general derivation. The
differentiation runs in exact sparse polynomial arithmetic (`derive.sparsepoly`) over the
generators ``E_a = e^{z_a}``, ``T = 1/S`` (the normaliser held as one symbol), the labels ``y_a``,
the logits ``z_a`` and ``ln S``: ``d/dz_b`` is the derivation whose values on the generators are
taken from SymPy's derivatives of ``e^{z_a}``, ``1/S`` and ``ln S`` and, for ``S``, of the explicit
sum ``e^{z_1} + ... + e^{z_k}`` (the chain rule through ``S``). Each entry then costs a few
dictionary operations, so the whole instance is O(k^2) and k = 300 is practical.

Two independent checks back this fast path, on every entry and component up to k = 6 and on rows
and columns 1, k and two random ones above: SymPy's own ``diff`` must give the same polynomial,
and the fully explicit softmax and loss (no ``S`` symbol, no symbolic differentiation at all),
differentiated numerically by complex step at 100 digits, must agree with the closed forms to 35
digits. An entry that differs is refuted only with an exact rational point where the difference
is not zero; without one it is unknown.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import overload

import mpmath

from sympy import Add, Derivative, Eq, Expr, Indexed, Integer, Mul, Pow, Sum, Symbol, exp, factor_terms, log

from .. import registry
from .. import sparsepoly as sp
from ..numeric import evaluate
from ..sparsepoly import Poly
from ..steps import Display, Step
from ..verify import Evidence, Verdict
from .softmax_ce import L, k, o, y, yhat, z

__all__ = ["MAX_K", "CERTIFIED_ENTRIES_MAX_K", "InstanceResult", "build_instance"]

#: The largest k accepted by ``--k`` (documented in README): the Jacobian has k^2 entries.
MAX_K = registry.MAX_K
#: Up to this k the softmax normaliser is written out term by term.
SHOWN_EXPLICIT_MAX_K = 4
_j = Symbol("j", integer=True, positive=True)
#: Up to this k every Jacobian entry and gradient component is also a certificate step.
CERTIFIED_ENTRIES_MAX_K = 4

JacobianClaim = Callable[[int, int], Expr]
GradientClaim = Callable[[int], Expr]


@dataclass(frozen=True)
class InstanceResult:
    """The explicit objects at k, and what checking them found."""

    k: int
    displays: tuple[Display, ...]  # softmax vector, Jacobian, gradient
    verdict: Verdict
    evidence: tuple[Evidence, ...]
    steps: tuple[Step, ...]  # per-entry claims (only for k <= CERTIFIED_ENTRIES_MAX_K)
    description: str = ""


class _Algebra:
    """The polynomial images of the instance at k = n and the derivations ``d/dz_b``.

    Generators: ``T = 1/S`` is 0, ``E_a`` is ``a``, ``y_a`` is ``n + a``, ``z_a`` is ``2n + a``,
    ``ln S`` is ``3n + 1``.
    """

    def __init__(self, n: int) -> None:
        self.n = n
        self.S = Symbol("S", positive=True)
        self.E = [exp(z[a]) for a in range(1, n + 1)]
        self.explicit_S = Add(*self.E)
        self.T, self.log_s = 0, 3 * n + 1
        atoms: dict[Expr, Poly] = {1 / self.S: sp.generator(self.T), log(self.S): sp.generator(self.log_s)}
        for a in range(1, n + 1):
            atoms[self.E[a - 1]] = sp.generator(a)
            atoms[y[a]] = sp.generator(n + a)
            atoms[z[a]] = sp.generator(2 * n + a)
            atoms[yhat[a]] = sp.mul(sp.generator(a), sp.generator(self.T))
        self.atoms = atoms
        # d e^{z_a} / d z_b, by SymPy, for the logits e^{z_a} depends on (zero for the others).
        self.d_exp: list[dict[int, Poly]] = [{}]
        for e in self.E:
            self.d_exp.append({int(v.indices[0]): self.poly(e.diff(v)) for v in sorted(e.atoms(Indexed), key=str) if v.base == z})
        # d S / d z_b from the explicit sum; d(1/S)/dS and d(ln S)/dS by SymPy.
        self.S_poly = self.poly(self.explicit_S)
        d_inv = self.poly((1 / self.S).diff(self.S))
        d_log = self.poly(log(self.S).diff(self.S))
        self.dS: list[Poly] = [{}]
        self.dT: list[Poly] = [{}]
        self.dlog: list[Poly] = [{}]
        for b in range(1, n + 1):
            self.dS.append(sp.apply_derivation(self.S_poly, lambda g, b=b: self.d_exp[g].get(b, {}) if 1 <= g <= n else {}))
            self.dT.append(sp.mul(d_inv, self.dS[b]))
            self.dlog.append(sp.mul(d_log, self.dS[b]))
        self.softmax = [{}] + [self.poly(e / self.S) for e in self.E]
        # L = -sum_a y_a ln(e^{z_a} / S) = -sum_a y_a z_a + (sum_a y_a) ln S (real z_a, S > 0).
        self.loss = -Add(*[y[a] * z[a] for a in range(1, n + 1)]) + Add(*[y[a] for a in range(1, n + 1)]) * log(self.S)

    def poly(self, expr: Expr) -> Poly:
        return sp.from_sympy(expr, self.atoms)

    def image(self, b: int) -> Callable[[int], Poly]:
        """``d/dz_b`` on the generators."""
        n, one = self.n, sp.constant(1)

        def d(g: int) -> Poly:
            if g == self.T:
                return self.dT[b]
            if g <= n:
                return self.d_exp[g].get(b, {})
            if g <= 2 * n:
                return {}  # labels do not depend on the logits
            if g <= 3 * n:
                return one if g - 2 * n == b else {}  # the logits are independent variables
            return self.dlog[b]

        return d

    def jacobian(self, a: int, b: int, image: Callable[[int], Poly] | None = None) -> Poly:
        """``d yhat_a / d z_b``: the derivation applied to ``E_a T``."""
        return sp.apply_derivation(self.softmax[a], image or self.image(b))

    def claimed_entry(self, a: int, b: int) -> Poly:
        """The closed forms of the general derivation: ``yhat_a (1 - yhat_a)`` and ``-yhat_a yhat_b``."""
        return sp.mul(self.softmax[a], sp.sub(sp.constant(int(a == b)), self.softmax[b]))

    def labels_to_one(self, p: Poly) -> Poly:
        """The constraint ``y_1 + ... + y_n = 1`` used canonically: ``y_n = 1 - y_1 - ... - y_{n-1}``."""
        n = self.n
        rest = {((n + a, 1),): -1 for a in range(1, n)}
        rest[sp.ONE] = 1
        return sp.substitute(p, 2 * n, rest)

    def collect_labels(self, p: Poly) -> Poly:
        """``c (y_1 + ... + y_n) -> c`` wherever the whole label sum appears with one non-constant
        cofactor ``c`` (the constraint used as the derivation does; for display)."""
        n = self.n
        groups: dict[tuple[sp.Monomial, sp.Coeff], list[sp.Monomial]] = {}
        for m, c in p.items():
            labels = [t for t in m if n < t[0] <= 2 * n]
            if len(labels) == 1 and labels[0][1] == 1 and len(m) > 1:
                groups.setdefault((tuple(t for t in m if t != labels[0]), c), []).append(m)
        out = dict(p)
        for (rest, c), monomials in groups.items():
            if len(monomials) == n:  # one cofactor, n different labels: the whole sum
                for m in monomials:
                    del out[m]
                out = sp.add(out, {rest: c})
        return out

    def witness(self, p: Poly, rng: random.Random) -> Fraction | None:
        """``p`` at a random point with ``S = e^{z_1} + ... + e^{z_n}`` and the labels summing to
        one, exactly; None when ``p`` involves ``z_a`` or ``ln S`` (not rational there)."""
        n = self.n
        values: dict[int, sp.Coeff] = {a: Fraction(rng.randint(1, 40), 20) for a in range(1, n + 1)}
        values[self.T] = 1 / sum(Fraction(values[a]) for a in range(1, n + 1))
        labels = [Fraction(rng.randint(-20, 20), 20) for _ in range(n - 1)]
        for a, v in enumerate([*labels, 1 - sum(labels)], start=1):
            values[n + a] = v
        try:
            return Fraction(sp.evaluate(p, values))
        except KeyError:
            return None

    def to_sympy(self, p: Poly) -> Expr:
        """A polynomial as an expression in ``yhat_a`` (``E_a T`` pairs) and ``y_a``; terms whose
        degree in ``T`` is not their degree in the ``E_a`` keep ``e^{z_a}`` and ``S``."""
        n = self.n
        terms = []
        for m, c in sorted(p.items()):
            degrees = dict(m)
            t_deg = degrees.pop(self.T, 0)
            e_deg = sum(e for g, e in degrees.items() if g <= n)
            factors: list[Expr] = [Integer(c) if isinstance(c, int) else Integer(c.numerator) / c.denominator]
            for g, e in degrees.items():
                if g <= n:
                    factors.append((yhat[g] if t_deg == e_deg else self.E[g - 1]) ** e)
                elif g <= 2 * n:
                    factors.append(y[g - n] ** e)
                elif g <= 3 * n:
                    factors.append(z[g - 2 * n] ** e)
                else:
                    factors.append(log(self.S) ** e)
            if t_deg != e_deg:
                factors.append(self.S ** (-t_deg))
            terms.append(Mul(*factors))
        return Add(*terms)


class _LazyRow(Sequence[Expr]):
    def __init__(self, entry: Callable[[int, int], Expr], a: int, n: int) -> None:
        self._entry, self._a, self._n = entry, a, n

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, b: int) -> Expr: ...
    @overload
    def __getitem__(self, b: slice) -> tuple[Expr, ...]: ...
    def __getitem__(self, b: int | slice) -> Expr | tuple[Expr, ...]:
        if isinstance(b, slice):
            return tuple(self[c] for c in range(*b.indices(self._n)))
        if not -self._n <= b < self._n:
            raise IndexError(b)
        return self._entry(self._a, b % self._n + 1)


class LazyMatrix(Sequence[Sequence[Expr]]):
    """The n x n displayed entries, each turned into a SymPy expression when first read.

    Every entry was differentiated and checked when the instance was built; this only defers
    making 90,000 SymPy objects at k = 300 when a document shows sixteen of them.
    """

    def __init__(self, n: int, entry: Callable[[int, int], Expr]) -> None:
        self._n = n
        self._entry = entry
        self._memo: dict[tuple[int, int], Expr] = {}

    def _get(self, a: int, b: int) -> Expr:
        if (a, b) not in self._memo:
            self._memo[(a, b)] = self._entry(a, b)
        return self._memo[(a, b)]

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, a: int) -> Sequence[Expr]: ...
    @overload
    def __getitem__(self, a: slice) -> tuple[Sequence[Expr], ...]: ...
    def __getitem__(self, a: int | slice) -> Sequence[Expr] | tuple[Sequence[Expr], ...]:
        if isinstance(a, slice):
            return tuple(self[c] for c in range(*a.indices(self._n)))
        if not -self._n <= a < self._n:
            raise IndexError(a)
        return _LazyRow(self._get, a % self._n + 1, self._n)

    def __iter__(self) -> Iterator[Sequence[Expr]]:
        return (self[a] for a in range(self._n))


def build_instance(
    n: int,
    progress: Callable[[int, int], None] | None = None,
    *,
    jacobian_claim: JacobianClaim | None = None,
    gradient_claim: GradientClaim | None = None,
) -> InstanceResult:
    """Differentiate the explicit softmax and loss at ``k = n`` and check every entry.

    ``jacobian_claim(a, b)`` and ``gradient_claim(b)`` replace the closed forms of the general
    derivation (expressions in ``yhat``, ``y`` and deltas); they exist to plant errors in tests.
    """
    if n < 1:
        raise ValueError("k must be at least 1")
    alg = _Algebra(n)
    images = [alg.image(b) for b in range(n + 1)]
    rng = random.Random(f"softmax-instance-witness-{n}")
    bad: list[str] = []
    refuted: list[str] = []

    def mismatch(name: str, difference: Poly) -> None:
        bad.append(name)
        w = alg.witness(difference, rng)
        if w:
            refuted.append(f"{name} (the difference is {w} at a rational point)")

    for a in range(1, n + 1):
        for b in range(1, n + 1):
            direct = alg.jacobian(a, b, images[b])
            claim = alg.poly(jacobian_claim(a, b)) if jacobian_claim else alg.claimed_entry(a, b)
            if direct != claim:
                mismatch(f"J[{a},{b}]", sp.sub(direct, claim))
        if progress:
            progress(a, n)
    loss = alg.poly(alg.loss)
    gradient = [sp.apply_derivation(loss, images[b]) for b in range(1, n + 1)]
    for b, direct in enumerate(gradient, start=1):
        claim = alg.poly(gradient_claim(b)) if gradient_claim else sp.sub(alg.softmax[b], sp.generator(n + b))
        difference = alg.labels_to_one(sp.sub(direct, claim))
        if difference:
            mismatch(f"dL/dz_{b}", difference)

    sample = _sample(n)
    cross = _sympy_cross_check(alg, sample, gradient)
    exact = _exact_evidence(n, bad, refuted, cross, sample)
    numeric = _numeric_sample(n, sample)
    ok = not bad and cross is None and numeric.outcome == "pass"
    verdict = Verdict.PROVED if ok else (Verdict.REFUTED if refuted else Verdict.UNKNOWN)
    shown_S = alg.explicit_S if n <= SHOWN_EXPLICIT_MAX_K else Sum(exp(z[_j]), (_j, 1, n))
    return InstanceResult(
        k=n,
        displays=(
            Display(r"\hat{y}", tuple((e / shown_S,) for e in alg.E)),
            Display(r"\frac{\partial \hat{y}}{\partial z}",
                    LazyMatrix(n, lambda a, b: factor_terms(alg.to_sympy(alg.jacobian(a, b))))),  # type: ignore[arg-type]
            Display(r"\frac{\partial L}{\partial z}", tuple((alg.to_sympy(alg.collect_labels(g)),) for g in gradient)),
        ),
        description="Softmax, Jacobian and gradient written out, each entry obtained by differentiating the explicit expressions",
        verdict=verdict,
        evidence=(exact, numeric),
        steps=_entry_steps(n) if n <= CERTIFIED_ENTRIES_MAX_K else (),
    )


def _count(n: int, what: str) -> str:
    return f"{n} {what}" if n != 1 else f"1 {what.rstrip('s').replace('entrie', 'entry')}"


def _every(n: int) -> str:
    """All entries and components at k = n."""
    if n == 1:
        return "the Jacobian entry and the gradient component"
    return f"all {n * n} Jacobian entries and {n} gradient components"


def _exact_evidence(n: int, bad: list[str], refuted: list[str], cross: str | None, sample: _Sample) -> Evidence:
    if bad:
        shown = refuted[:3] if refuted else bad[:5]
        return Evidence("exact", "fail", f"{_count(len(bad), 'entries')} {'differs' if len(bad) == 1 else 'differ'} from the closed forms: {', '.join(shown)}"
                        + ("" if refuted else " (no rational point separates them)"))
    if cross is not None:
        return Evidence("exact", "error", cross)
    return Evidence(
        "exact", "pass",
        f"{_every(n)}, obtained by direct "
        f"differentiation at $k = {n}$ (exact polynomial arithmetic in $e^{{z_a}}$ and $1/S$), agree exactly with the closed "
        f"forms of the general derivation; differentiated again by SymPy's diff, {sample.describe(n, 'all of them')} "
        f"give identical polynomials")


@dataclass(frozen=True)
class _Sample:
    """The entries and components checked independently: all of them up to `FULL_SAMPLE_MAX_K`,
    else rows and columns 1, k and two random ones; a point (logits) and labels summing to one."""

    pairs: tuple[tuple[int, int], ...]
    components: tuple[int, ...]
    logits: dict[Expr, Expr]
    labels: dict[Expr, Expr]

    def describe(self, n: int, everything: str) -> str:
        if len(self.pairs) == n * n and len(self.components) == n:
            return everything
        return f"{_count(len(self.pairs), 'sampled Jacobian entries')} and {_count(len(self.components), 'gradient components')}"


#: Up to this k the independent checks cover every entry and component.
FULL_SAMPLE_MAX_K = 6


def _sample(n: int, extra: int = 2) -> _Sample:
    rng = random.Random(n)
    if n <= FULL_SAMPLE_MAX_K:
        rows = cols = list(range(1, n + 1))
    else:
        rows = sorted({1, n} | {rng.randint(1, n) for _ in range(extra)})
        cols = sorted({1, n} | {rng.randint(1, n) for _ in range(extra)})
    logits = {z[a]: Integer(rng.randint(-30, 30)) / 10 for a in range(1, n + 1)}
    first = [Integer(rng.randint(-20, 20)) / 20 for _ in range(n - 1)]
    labels = {y[a]: v for a, v in enumerate([*first, 1 - Add(*first)], start=1)}
    return _Sample(tuple((a, b) for a in rows for b in cols), tuple(cols), logits, labels)


def _sympy_cross_check(alg: _Algebra, sample: _Sample, gradient: Sequence[Poly]) -> str | None:
    """Differentiate the sampled entries and components again with SymPy's ``diff`` (``S`` held
    as a symbol, the chain rule through the explicit sum) and compare the polynomials."""
    S = alg.S
    dS = {b: alg.explicit_S.diff(z[b]) for b in sample.components}
    for a, b in sample.pairs:
        soft = alg.E[a - 1] / S
        if alg.poly(soft.diff(z[b]) + soft.diff(S) * dS[b]) != alg.jacobian(a, b):
            return f"the fast differentiation and SymPy's diff disagree at J[{a},{b}]"
    dloss_dS = alg.loss.diff(S)
    for b in sample.components:
        if alg.poly(alg.loss.diff(z[b]) + dloss_dS * dS[b]) != gradient[b - 1]:
            return f"the fast differentiation and SymPy's diff disagree at dL/dz_{b}"
    return None


#: Complex-step differentiation: f'(x) = Im f(x + i h) / h + O(h^2), with no cancellation.
_STEP_DIGITS = 100
_STEP = 40  # h = 10^-40


def _numeric_sample(n: int, sample: _Sample) -> Evidence:
    """The sampled entries and components of the fully explicit softmax and loss (no ``S``
    symbol, no symbolic differentiation): derivatives by complex step at 100 digits, compared with
    the closed forms at 35 digits."""
    inverse = Pow(Add(*[exp(z[a]) for a in range(1, n + 1)]), -1)  # one shared node: O(k) to build
    soft = [Mul(exp(z[a]), inverse) for a in range(1, n + 1)]
    loss = -Add(*[Mul(y[a], log(soft[a - 1], evaluate=False)) for a in range(1, n + 1)])
    point = {**sample.logits, **sample.labels}
    with mpmath.workdps(_STEP_DIGITS):
        h = mpmath.mpf(10) ** -_STEP
        exact = {v: mpmath.mpf(int(x.p)) / int(x.q) for v, x in point.items()}

    def slope(f: Expr, b: int) -> object:
        with mpmath.workdps(_STEP_DIGITS):
            at = {**exact, z[b]: mpmath.mpc(exact[z[b]], h)}
            return evaluate(f, at, _STEP_DIGITS).imag / h

    checks = [(f"J[{a},{b}]", soft[a - 1], b, soft[a - 1] * (int(a == b) - soft[b - 1])) for a, b in sample.pairs]
    checks += [(f"dL/dz_{b}", loss, b, soft[b - 1] - y[b]) for b in sample.components]
    worst = 0.0
    for name, f, b, claim in checks:
        value = evaluate(claim, point)
        err = abs(slope(f, b) - value)
        worst = max(worst, float(err))
        if err > mpmath.mpf(10) ** -35 * (1 + abs(value)):
            return Evidence("numeric", "fail", f"{name} differs by {float(err):.3e} at z = {sample.logits}")
    what = sample.describe(n, _every(n))
    return Evidence("numeric", "pass",
                    f"{what} of the fully explicit softmax and loss, differentiated numerically (complex step at "
                    f"{_STEP_DIGITS} digits), agree with the closed forms to 35 digits (largest difference {worst:.1e})")


def _entry_steps(n: int) -> tuple[Step, ...]:
    """Per-entry claims with the condition k = n, for the certificate (small k only)."""
    size_n = Eq(k, n)
    onehot = Eq(Sum(y[o], (o, 1, k)), 1, evaluate=False)
    steps = []
    for a in range(1, n + 1):
        for b in range(1, n + 1):
            claim = yhat[a] * (1 - yhat[a]) if a == b else -yhat[a] * yhat[b]
            steps.append(Step(f"k{n}-jacobian-{a}-{b}", f"Jacobian entry ({a}, {b})", "direct differentiation",
                              f"The entry d yhat_{a} / d z_{b} at k = {n}.", (Derivative(yhat[a], z[b]), claim), (size_n,)))
    for b in range(1, n + 1):
        steps.append(Step(f"k{n}-gradient-{b}", f"Gradient component {b}", "direct differentiation",
                          f"The component dL/dz_{b} at k = {n}, with the labels summing to one.",
                          (Derivative(L, z[b]), yhat[b] - y[b]), (size_n, onehot)))
    return tuple(steps)
