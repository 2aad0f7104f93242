"""The concrete instance (--k N): every Jacobian entry and gradient component checked, planted
errors caught wherever they are, the fast exact arithmetic agreeing with SymPy, elided display."""

from __future__ import annotations

import pytest
from sympy import Add, Derivative, KroneckerDelta, exp, factor_terms

from derive import sparsepoly as sp
from derive.calculus import is_zero_form
from derive.derivations.softmax_ce import y, yhat, z
from derive.derivations.softmax_instance import CERTIFIED_ENTRIES_MAX_K, LazyMatrix, build_instance
from derive.verify import Verdict

KS = (1, 2, 3, 7)


def _right(a: int, b: int):
    return yhat[a] * (KroneckerDelta(a, b) - yhat[b])


def _explicit(expr, n: int):
    """``yhat_c`` written out as ``e^{z_c} / (e^{z_1} + ... + e^{z_n})``."""
    s = Add(*[exp(z[c]) for c in range(1, n + 1)])
    return expr.xreplace({yhat[c]: exp(z[c]) / s for c in range(1, n + 1)})


@pytest.mark.parametrize("n", KS)
def test_every_entry_is_checked_and_proved(n):
    r = build_instance(n)
    assert r.verdict is Verdict.PROVED
    exact, numeric = r.evidence
    assert exact.outcome == "pass" and numeric.outcome == "pass"
    every = "the Jacobian entry and the gradient component" if n == 1 else f"all {n * n} Jacobian entries and {n} gradient components"
    assert exact.detail.startswith(every + ", obtained by direct differentiation")
    if n <= 6:  # small k: the independent checks cover every entry too
        assert "all of them" in exact.detail and numeric.detail.startswith(every)


@pytest.mark.parametrize("n", KS)
def test_displayed_entries_are_the_derivatives_of_the_explicit_softmax(n):
    """Independently of the instance's own arithmetic: SymPy's diff of the fully explicit softmax
    minus each displayed entry reduces to zero (the verifier's exact zero test)."""
    jacobian, gradient = build_instance(n).displays[1:]
    s = Add(*[exp(z[c]) for c in range(1, n + 1)])
    assert len(jacobian.rows) == n and all(len(row) == n for row in jacobian.rows)
    for a in range(1, n + 1):
        for b in range(1, n + 1):
            direct = (exp(z[a]) / s).diff(z[b])
            assert is_zero_form(direct - _explicit(jacobian.rows[a - 1][b - 1], n)), (a, b)
    assert [row[0] for row in gradient.rows] == [yhat[b] - y[b] for b in range(1, n + 1)]


def test_closed_forms_as_displayed():
    """Structural comparisons with the textbook forms (the display, not the check)."""
    jacobian = build_instance(3).displays[1].rows
    assert jacobian[0][0] == factor_terms(yhat[1] - yhat[1] ** 2)
    assert jacobian[0][2] == -yhat[1] * yhat[3]
    assert jacobian[2][1] == -yhat[3] * yhat[2]


@pytest.mark.parametrize("where", [(1, 1), (2, 5), (7, 7), (7, 1)])
def test_a_planted_wrong_entry_is_refuted_wherever_it_is(where):
    def claim(a: int, b: int):
        right = _right(a, b)
        return -right if (a, b) == where else right

    r = build_instance(7, jacobian_claim=claim)
    assert r.verdict is Verdict.REFUTED
    exact = r.evidence[0]
    assert exact.outcome == "fail"
    assert exact.detail.startswith("1 entry differs from the closed forms")
    assert f"J[{where[0]},{where[1]}]" in exact.detail and "rational point" in exact.detail


def test_a_wrong_formula_is_refuted_in_every_entry_it_touches():
    r = build_instance(7, jacobian_claim=lambda a, b: yhat[a] * (KroneckerDelta(a, b) + yhat[b]))
    assert r.verdict is Verdict.REFUTED
    assert r.evidence[0].detail.startswith("49 entries differ")


@pytest.mark.parametrize("component", [1, 4, 7])
def test_a_planted_wrong_gradient_component_is_refuted(component):
    r = build_instance(7, gradient_claim=lambda b: yhat[b] - y[b] + (y[1] if b == component else 0))
    assert r.verdict is Verdict.REFUTED
    assert f"dL/dz_{component}" in r.evidence[0].detail


def test_the_gradient_needs_the_labels_to_sum_to_one():
    """Without the constraint the gradient is yhat_b (y_1 + ... + y_k) - y_b; the instance uses
    the constraint, so that form is accepted and a form with the wrong sum is refuted."""
    ok = build_instance(4, gradient_claim=lambda b: yhat[b] * Add(*[y[c] for c in range(1, 5)]) - y[b])
    assert ok.verdict is Verdict.PROVED
    bad = build_instance(4, gradient_claim=lambda b: 2 * yhat[b] * Add(*[y[c] for c in range(1, 5)]) - y[b])
    assert bad.verdict is Verdict.REFUTED


def test_a_claim_true_only_through_the_normaliser_is_not_refuted():
    """yhat_1 + ... + yhat_k = 1 holds, but not as a polynomial in e^(z_a) and 1/S: the exact
    comparison cannot confirm it, no rational point refutes it, so the verdict is unknown."""
    n = 3

    def claim(a: int, b: int):
        right = _right(a, b)
        return right + Add(*[yhat[c] for c in range(1, n + 1)]) - 1 if (a, b) == (2, 2) else right

    r = build_instance(n, jacobian_claim=claim)
    assert r.verdict is Verdict.UNKNOWN
    assert "no rational point separates them" in r.evidence[0].detail


def test_fast_derivation_agrees_with_sympy_diff_on_every_entry():
    """The sparse-polynomial derivation against SymPy's diff with S held as a symbol, all entries."""
    from derive.derivations.softmax_instance import _Algebra

    n = 5
    alg = _Algebra(n)
    for a in range(1, n + 1):
        soft = alg.E[a - 1] / alg.S
        for b in range(1, n + 1):
            direct = soft.diff(z[b]) + soft.diff(alg.S) * alg.explicit_S.diff(z[b])
            assert alg.poly(direct) == alg.jacobian(a, b)
    dloss_dS = alg.loss.diff(alg.S)
    loss = alg.poly(alg.loss)
    for b in range(1, n + 1):
        assert alg.poly(alg.loss.diff(z[b]) + dloss_dS * alg.explicit_S.diff(z[b])) == sp.apply_derivation(loss, alg.image(b))


def test_per_entry_certificate_steps_only_for_small_k():
    assert len(build_instance(CERTIFIED_ENTRIES_MAX_K).steps) == CERTIFIED_ENTRIES_MAX_K ** 2 + CERTIFIED_ENTRIES_MAX_K
    assert build_instance(CERTIFIED_ENTRIES_MAX_K + 1).steps == ()
    first = build_instance(2).steps[0]
    assert first.chain[0] == Derivative(yhat[1], z[1])


def test_instance_is_deterministic():
    a, b = build_instance(7), build_instance(7)
    assert a.evidence == b.evidence and a.verdict is b.verdict


def test_lazy_matrix_reads_like_a_tuple_of_rows():
    calls = []

    def entry(a: int, b: int):
        calls.append((a, b))
        return yhat[a] * yhat[b]

    m = LazyMatrix(300, entry)
    assert len(m) == 300 and len(m[0]) == 300
    assert m[0][0] == yhat[1] ** 2 and m[-1][-1] == yhat[300] ** 2 and m[1][299] == yhat[2] * yhat[300]
    assert m[0][0] is m[0][0]  # built once
    assert len(calls) == 3
    assert [len(r) for r in m[:2]] == [300, 300]
    with pytest.raises(IndexError):
        m[300]
    with pytest.raises(IndexError):
        m[0][300]


def test_elided_rendering_above_six():
    """k = 7: the matrix shows rows and columns 1, 2 and 7 with dots; every entry was checked."""
    from derive.produce import produce

    md = produce("softmax-ce", 7, ["md"]).files["softmax-ce-k7.md"]
    instance = md[md.index("## The instance $k = 7$"):]
    for dots in (r"\cdots", r"\vdots", r"\ddots"):
        assert dots in instance
    assert r"\hat{y}_{1} \hat{y}_{7}" in instance and r"\hat{y}_{7} \left(1 - \hat{y}_{7}\right)" in instance
    assert r"\hat{y}_{3} \hat{y}_{4}" not in instance and r"\hat{y}_{5} \left(1 - \hat{y}_{5}\right)" not in instance
    assert "all 49 Jacobian entries and 7 gradient components" in instance


# --------------------------------------------------------------------------- sparse polynomials


def test_sparse_polynomial_arithmetic_matches_sympy():
    from sympy import Symbol, expand

    x, t = Symbol("x"), Symbol("t")
    atoms = {x: sp.generator(1), t: sp.generator(0)}
    p = sp.from_sympy((x + 2 * t) ** 3 - x * t / 3, atoms)
    q = sp.from_sympy(expand((x + 2 * t) ** 3 - x * t / 3), atoms)
    assert p == q
    assert sp.sub(p, q) == {}
    assert sp.substitute(p, 1, sp.constant(0)) == sp.from_sympy(8 * t ** 3, atoms)
    # d/dx with dt/dx = -t^2 (t = 1/x): d(x t)/dx = t + x (-t^2)
    d = sp.apply_derivation(sp.mul(sp.generator(1), sp.generator(0)), lambda g: sp.constant(1) if g == 1 else sp.scale(sp.generator(0, 2), -1))
    assert d == sp.sub(sp.generator(0), sp.mul(sp.generator(1), sp.generator(0, 2)))
    with pytest.raises(ValueError):
        sp.from_sympy(exp(x) + x, atoms)


def test_powers_with_a_symbolic_exponent_meet_as_exponentials_of_logarithms() -> None:
    """``(1/(1 + e^{-wx}))^y``, differentiated: ``h^{y-1}`` against ``h^y / h`` with a compound base."""
    from sympy import Rational, Symbol, log

    w, x, t = Symbol("w"), Symbol("x"), Symbol("y")
    h = 1 / (1 + exp(-w * x))
    loglik = log(h**t * (1 - h) ** (1 - t))
    assert is_zero_form(loglik.diff(w) - (t - h) * x)
    assert not is_zero_form(loglik.diff(w) - (h - t) * x)
    assert not is_zero_form((1 + exp(w)) ** t - (1 + exp(w)) ** (t + Rational(1, 2)))
