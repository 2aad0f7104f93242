"""Label smoothing with softmax cross-entropy: the smoothed labels sum to one, so dL/dz_i = yhat_i - y_i.

The targets ``y_o = (1 - eps) t_o + eps / k`` mix labels ``t_o`` that sum to one with the uniform
distribution. Every chain member is computed by SymPy from the previous one.
"""

from __future__ import annotations

from sympy import Derivative, Eq, Sum, collect, exp, log

from ..calculus import Definitions, linearize_sums, unfold
from ..steps import Definition, Derivation, Step
from ..symbols import array, index, scalar, size
from ._rewrites import fold_softmax, log_expand

__all__ = ["NAME", "build", "t", "eps"]

NAME = "label-smoothing-ce"

k = size("k")
i, o, j = index("i"), index("o"), index("j")
z, y, yhat, t = array("z"), array("y"), array("yhat"), array("t")
L, eps = scalar("L"), scalar("epsilon")


def build() -> Derivation:
    """The general-k derivation with a symbolic smoothing weight ``epsilon``."""
    S = Sum(exp(z[j]), (j, 1, k))
    softmax = Definition(yhat[o], exp(z[o]) / S, "softmax")
    smoothed = Definition(y[o], (1 - eps) * t[o] + eps / k, "smoothed labels")
    loss = Definition(L, -Sum(y[o] * log(yhat[o]), (o, 1, k)), "cross-entropy")
    defs = Definitions((softmax, smoothed, loss))
    labels = Eq(Sum(t[o], (o, 1, k)), 1, evaluate=False)
    y_total = Sum(y[o], (o, 1, k))

    total = [y_total, unfold(y_total, defs)]
    total.append(collect(linearize_sums(total[-1], k), labels.lhs))
    total.append(total[-1].xreplace({labels.lhs: labels.rhs}))
    sums_to_one = Step(
        "smoothed-labels-sum-to-one",
        "The smoothed labels sum to one",
        "linearity of the sum, labels sum to one",
        r"The sum splits into $(1 - \epsilon) \sum_o t_o$ and $k$ copies of $\epsilon / k$; "
        r"with $\sum_o t_o = 1$ the two parts add up to $1$ for every $\epsilon$.",
        tuple(total),
        (labels,),
    )

    through = [L, loss.rhs]
    through.append(through[-1].xreplace({log(yhat[o]): log_expand(unfold(log(yhat[o]), defs))}))
    through.append(linearize_sums(through[-1], k))
    loss_lse = Step(
        "loss-log-softmax",
        "The loss through the log-softmax",
        "logarithm of a quotient, constants out of the sum",
        r"$\ln \hat{y}_o = z_o - \ln \sum_j e^{z_j}$; the second term does not depend on $o$ and "
        r"leaves the sum.",
        tuple(through),
    )

    grad = [Derivative(L, z[i]), Derivative(through[-1], z[i])]
    grad.append(linearize_sums(grad[-1].doit(), k))
    grad.append(fold_softmax(grad[-1], S, lambda u: z[u], z, yhat))
    gradient = Step(
        "gradient",
        r"The derivative with respect to $z_i$",
        "derivative of a sum, derivative of the logarithm",
        r"$\partial z_o / \partial z_i = \delta_{i o}$ keeps only $y_i$ of the first sum; the "
        r"derivative of the log-sum-exp is $\hat{y}_i$. This holds for any targets $y_o$.",
        tuple(grad),
    )

    final = [grad[-1], grad[-1].xreplace({y_total: total[-1]})]
    final.append(unfold(final[-1], defs, keep=frozenset({yhat})))
    constraint = Step(
        "smoothed-gradient",
        "The gradient with smoothed labels",
        "the smoothed labels sum to one",
        r"By step 1 the smoothed labels sum to one, so the familiar $\hat{y}_i - y_i$ survives; "
        r"written out, the target of logit $i$ is $t_i$ moved a fraction $\epsilon$ of the way "
        r"towards $1/k$.",
        tuple(final),
        (labels,),
    )

    result = Step(
        "result",
        "Result",
        "result",
        r"The gradient of the cross-entropy with smoothed labels.",
        (Derivative(L, z[i]), final[1]),
        (labels,),
    )
    return Derivation(
        name=NAME,
        title="Label smoothing with softmax cross-entropy",
        summary="label smoothing with softmax cross-entropy: the smoothed labels sum to 1, dL/dz_i = yhat_i - y_i",
        size=k,
        definitions=(softmax, smoothed, loss),
        steps=(sums_to_one, loss_lse, gradient, constraint),
        result=result,
        intro=(
            r"Label smoothing trains against $y_o = (1 - \epsilon) t_o + \epsilon / k$ instead of the "
            r"labels $t_o$ themselves: a weight $\epsilon$ of the target is spread uniformly over the "
            r"$k$ classes. We show that the smoothed labels still sum to one, so the gradient of the "
            r"cross-entropy keeps the form $\hat{y}_i - y_i$."
        ),
        notes=(
            r"Only $\sum_o t_o = 1$ is assumed, so $t$ may itself be soft; $\epsilon$ is arbitrary "
            r"(in practice $0 \le \epsilon \le 1$).",
        ),
    )
