"""The small generalisations of the verifier and the printer that the catalogue derivations need.

Each identity below holds (or is planted wrong) for a reason stated next to it; none of the expected
values is a number computed elsewhere.
"""

from __future__ import annotations

import pytest
from sympy import Derivative, Eq, Rational, Sum, exp, log

from derive.calculus import is_zero_form
from derive.latex import to_latex
from derive.symbols import array, function, index, scalar, size
from derive.verify import Context, Verdict, verify_chain

k = size("k")
o, j = index("o"), index("j")
z, y = array("z"), array("y")
m, g, x, T, L, b = (scalar(n) for n in ("m", "gamma", "x", "T", "L", "b"))
sigma = function("sigma")


# --------------------------------------------------------------------------- normal_form


def test_common_factor_inside_a_logarithm_is_split_off():
    """log(e^{z1} + e^{z2}) = m + log(e^{z1 - m} + e^{z2 - m}) for every m (e^{-m} is common)."""
    lhs = log(exp(z[1]) + exp(z[2]))
    assert is_zero_form(lhs - (m + log(exp(z[1] - m) + exp(z[2] - m))))
    assert not is_zero_form(lhs - (2 * m + log(exp(z[1] - m) + exp(z[2] - m))))


def test_log_of_a_product_with_a_sum_factor_still_splits():
    """log(y (e^{z1} + e^{z2}) e^{-z1}) = log y - (z1 - log(e^{z1} + e^{z2})): the sum is a factor, not
    distributed over."""
    s = exp(z[1]) + exp(z[2])
    assert is_zero_form(log(y[1] * s * exp(-z[1])) - (log(y[1]) - (z[1] - log(s))))


def test_symbolic_exponents_are_split():
    """b^(g + 1) = b * b^g for a symbolic g (the sigmoid's 1 - sigma as the base)."""
    base = 1 - 1 / (1 + exp(-x))
    assert is_zero_form(base ** (g + 1) - base * base**g)
    assert not is_zero_form(base ** (g + 1) - base**g)


# --------------------------------------------------------------------------- parameter conditions


def test_a_parameter_fixed_by_a_condition_is_substituted():
    ctx = Context(None)
    proved = verify_chain([g * x + 1, Rational(1)], [Eq(g, 0)], ctx)
    assert proved.verdict is Verdict.PROVED, proved.links[0].evidence
    wrong = verify_chain([g * x + 1, Rational(1)], [Eq(g, 1)], ctx)
    assert wrong.verdict is Verdict.REFUTED
    assert wrong.links[0].counterexample is not None


def test_a_parameter_condition_with_sums_in_force():
    """Eq(T, 1) together with a sum constraint at general k."""
    ctx = Context(k)
    labels = Eq(Sum(y[o], (o, 1, k)), 1, evaluate=False)
    report = verify_chain([Sum(y[o], (o, 1, k)) / T, Rational(1)], [labels, Eq(T, 1)], ctx)
    assert report.verdict is Verdict.PROVED, report.links[0].evidence


# --------------------------------------------------------------------------- printer


@pytest.mark.parametrize(
    ("expr", "tex"),
    [
        (exp(z[o] / T), r"e^{z_{o} / T}"),
        (exp(2 * z[o] / T), r"e^{2 z_{o} / T}"),
        (exp(z[o] / (T + 1)), r"e^{z_{o} / \left(T + 1\right)}"),
        (exp(-x), r"e^{-x}"),
        (Sum(-exp(z[j] - m), (j, 1, k)), r"\sum_{j=1}^{k} \left(-e^{z_{j} - m}\right)"),
        (log(sigma(x)), r"\ln \sigma(x)"),
        (-(scalar("y") * log(sigma(x)) + (1 - scalar("y")) * log(1 - sigma(x))),
         r"-y \ln \sigma(x) - \left(1 - y\right) \ln(1 - \sigma(x))"),
        (Derivative(L, b), r"\frac{\partial L}{\partial b}"),
        (Derivative((x - b) ** 2, x), r"\frac{\partial}{\partial x} \left(\left(x - b\right)^{2}\right)"),
        (Derivative(sigma(x), x), r"\frac{d \sigma(x)}{d x}"),
        (Derivative(1 / (1 + exp(-x)), x), r"\frac{d}{d x} \left(\frac{1}{1 + e^{-x}}\right)"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_printer_forms_used_by_the_catalogue(expr, tex):
    assert to_latex(expr) == tex


# --------------------------------------------------------------------------- derivation rewrites


def test_fold_softmax_folds_rational_multiples_of_the_exponent():
    from derive.derivations._rewrites import fold_softmax

    yhat = array("yhat")
    i = index("i")
    S = Sum(exp(z[j] / T), (j, 1, k))
    expr = exp(2 * z[o] / T) / S**2 - exp(z[i] / T) * exp(z[o] / T) / (T * S**2)
    assert fold_softmax(expr, S, lambda t: z[t] / T, z, yhat) == yhat[o] ** 2 - yhat[i] * yhat[o] / T
    # An exponential that is not a multiple of the softmax's exponent stays as it is.
    assert fold_softmax(exp(z[o]) / S, S, lambda t: z[t] / T, z, yhat) == exp(z[o]) / S


def test_rename_summation_renames_only_the_bound_variable():
    from derive.derivations._rewrites import rename_summation

    S = Sum(exp(z[j]), (j, 1, k))
    assert rename_summation(Sum(exp(z[o]), (o, 1, k)) / S, o, j) == 1
    assert rename_summation(y[o] * Sum(z[o], (o, 1, k)), o, j) == y[o] * Sum(z[j], (j, 1, k))


def test_distribute_cancels_and_combines_powers():
    from derive.derivations._rewrites import distribute

    s = sigma(x)
    bracket = g * (1 - s) ** g / (1 - s) - (1 - s) ** g / s
    assert distribute(s * (1 - s) * bracket, bracket) == g * s * (1 - s) ** g - (1 - s) ** (g + 1)
