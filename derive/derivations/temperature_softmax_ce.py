"""Softmax with a temperature T and cross-entropy: dL/dz_i = (yhat_i - y_i) / T when sum_o y_o = 1.

The same path as ``softmax-ce`` (chain rule with its sum over o, the two cases of the Jacobian,
the loss derivative, substitution, the constraint); every Jacobian entry carries a factor 1/T
from the inner derivative of ``e^{z_o / T}``. Every chain member is computed by SymPy from the
previous one.
"""

from __future__ import annotations

from sympy import Add, Derivative, Eq, Expr, KroneckerDelta, Ne, Sum, exp, expand, factor_terms, log

from ..calculus import Definitions, constants_out, linearize_sums, rename_bound, split_term, unfold
from ..steps import Definition, Derivation, Step
from ..symbols import array, index, scalar, size
from ._rewrites import fold_softmax
from .softmax_ce import merge_excluded_term

__all__ = ["NAME", "build", "T"]

NAME = "temperature-softmax-ce"

k = size("k")
i, o, j = index("i"), index("o"), index("j")
z, y, yhat = array("z"), array("y"), array("yhat")
L, T = scalar("L"), scalar("T")


def _exponent(t: Expr) -> Expr:
    return z[t] / T


def build() -> Derivation:
    """The general-k derivation with a symbolic temperature ``T`` (nonzero; sampled positive)."""
    S = Sum(exp(_exponent(j)), (j, 1, k))
    softmax = Definition(yhat[o], exp(_exponent(o)) / S, "softmax with temperature")
    loss = Definition(L, -Sum(y[o] * log(yhat[o]), (o, 1, k)), "cross-entropy")
    defs = Definitions((softmax, loss))
    labels = Eq(Sum(y[o], (o, 1, k)), 1, evaluate=False)

    def fold(e: Expr) -> Expr:
        return fold_softmax(e, S, _exponent, z, yhat)

    chain_sum = Sum(Derivative(L, yhat[o]) * Derivative(yhat[o], z[i]), (o, 1, k))
    chain_rule = Step(
        "chain-rule",
        "The chain rule",
        "chain rule",
        r"$L$ depends on $z_i$ only through every $\hat{y}_o$, so the chain rule sums over all outputs $o$.",
        (Derivative(L, z[i]), chain_sum),
    )

    jac = Derivative(yhat[o], z[i])
    c1 = [jac, jac.xreplace({i: o})]
    c1.append(Derivative(unfold(c1[-1].expr, defs), z[o]))
    c1.append(linearize_sums(c1[-1].doit(), k))
    c1.append(fold(c1[-1]))
    c1.append(factor_terms(c1[-1]))
    case_same = Step(
        "jacobian-same",
        r"Case 1: $i = o$",
        "quotient rule, inner derivative $1/T$",
        r"Differentiate the quotient; $\partial e^{z_o/T} / \partial z_o = e^{z_o/T} / T$, so "
        r"both terms carry a factor $1/T$, and both are written back in terms of $\hat{y}_o$.",
        tuple(c1),
        (Eq(i, o),),
    )

    c2 = [jac, Derivative(unfold(jac.expr, defs), z[i])]
    c2.append(linearize_sums(c2[-1].doit(), k).xreplace({KroneckerDelta(i, o): 0}))
    c2.append(fold(c2[-1]))
    case_other = Step(
        "jacobian-other",
        r"Case 2: $i \neq o$",
        "quotient rule (numerator constant)",
        r"The numerator $e^{z_o/T}$ does not depend on $z_i$; only the normaliser does.",
        tuple(c2),
        (Ne(i, o),),
    )

    dl = [Derivative(L, yhat[o])]
    dl.append(Derivative(rename_bound(loss.rhs, {"o"}), yhat[o]))
    dl.append(dl[-1].doit())
    dl.append(linearize_sums(dl[-1], k))
    dloss = Step(
        "loss-gradient",
        r"The derivative of the loss with respect to $\hat{y}_o$",
        "derivative of a sum",
        r"The summation index is renamed to $j$ so that it cannot be confused with the fixed $o$; "
        r"only the term $j = o$ depends on $\hat{y}_o$. The temperature does not enter here.",
        tuple(dl),
    )

    split = split_term(chain_sum, i)
    single, rest = (split.args if not isinstance(split.args[0], Sum) else split.args[::-1])
    same_i = {Derivative(yhat[i], z[i]): c1[-1].xreplace({o: i}), Derivative(L, yhat[i]): dl[-1].xreplace({o: i})}
    other = {Derivative(yhat[o], z[i]): c2[-1], Derivative(L, yhat[o]): dl[-1]}
    sub = [chain_sum, split, single.xreplace(same_i) + Sum(rest.function.xreplace(other), *rest.limits)]
    sub.append(Add(*[expand(t) if not t.has(Sum) else t for t in Add.make_args(sub[-1])]))
    sub.append(merge_excluded_term(sub[-1]))
    sub.append(Add(*[constants_out(t) if isinstance(t, Sum) else t for t in Add.make_args(sub[-1])]))
    substitution = Step(
        "substitute",
        "Substitution and collection",
        "substitution, splitting off $o = i$",
        r"Split the $o = i$ term off the sum, substitute both cases of the Jacobian and "
        r"$\partial L / \partial \hat{y}_o$, then move the $o = i$ term back into the sum and take "
        r"$\hat{y}_i / T$ out of it.",
        tuple(sub),
    )

    collected = sub[-1]
    with_labels = collected.xreplace({labels.lhs: labels.rhs})
    final = [collected, with_labels, factor_terms(with_labels)]
    constraint = Step(
        "labels-sum-to-one",
        r"The constraint $\sum_o y_o = 1$",
        "labels sum to one",
        r"The labels sum to one (one-hot or soft); then $1/T$ is a common factor.",
        tuple(final),
        (labels,),
    )

    result = Step(
        "result",
        "Result",
        "result",
        r"The gradient of the cross-entropy with respect to the logits, at temperature $T$.",
        (Derivative(L, z[i]), final[-1]),
        (labels,),
    )
    return Derivation(
        name=NAME,
        title="Softmax with temperature and cross-entropy",
        summary="dL/dz_i for the softmax at temperature T with cross-entropy: (yhat_i - y_i) / T",
        size=k,
        definitions=(softmax, loss),
        steps=(chain_rule, case_same, case_other, dloss, substitution, constraint),
        result=result,
        intro=(
            r"Dividing the logits by a temperature $T \neq 0$ before the softmax flattens "
            r"($T > 1$) or sharpens ($T < 1$) the distribution $\hat{y}_o$, as in knowledge "
            r"distillation. We derive the gradient of the cross-entropy $L$ with respect to one "
            r"logit $z_i$."
        ),
        notes=(
            r"The gradient is the familiar $\hat{y}_i - y_i$ of the softmax at $T = 1$, divided by "
            r"$T$; as there, only $\sum_o y_o = 1$ is needed, not $y_o \in \{0, 1\}$.",
        ),
    )
