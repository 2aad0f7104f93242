"""KL divergence from the softmax to the labels: dD/dz_i = yhat_i - y_i, as for the cross-entropy.

``D = sum_o y_o ln(y_o / yhat_o)`` is the cross-entropy minus the entropy of the labels; the entropy
does not depend on the logits, so the gradient is that of the cross-entropy. Every chain member is
computed by SymPy from the previous one.
"""

from __future__ import annotations

from sympy import Add, Derivative, Eq, Sum, exp, log

from ..calculus import Definitions, linearize_sums, unfold
from ..steps import Definition, Derivation, Step
from ..symbols import array, index, scalar, size
from ._rewrites import fold_softmax, log_expand

__all__ = ["NAME", "build", "D"]

NAME = "kl-divergence"

k = size("k")
i, o, j = index("i"), index("o"), index("j")
z, y, yhat = array("z"), array("y"), array("yhat")
D = scalar("D")


def build() -> Derivation:
    """The general-k derivation."""
    S = Sum(exp(z[j]), (j, 1, k))
    softmax = Definition(yhat[o], exp(z[o]) / S, "softmax")
    divergence = Definition(D, Sum(y[o] * log(y[o] / yhat[o]), (o, 1, k)), "KL divergence")
    defs = Definitions((softmax, divergence))
    labels = Eq(Sum(y[o], (o, 1, k)), 1, evaluate=False)

    split = [D, divergence.rhs]
    split.append(split[-1].xreplace({log(y[o] / yhat[o]): log_expand(log(y[o] / yhat[o]))}))
    split.append(linearize_sums(split[-1], k))
    entropy_split = Step(
        "entropy-split",
        "Entropy and cross-entropy",
        "logarithm of a quotient, linearity of the sum",
        r"The logarithm of the quotient splits the divergence into $\sum_o y_o \ln y_o$, minus "
        r"the entropy of the labels, and the cross-entropy $-\sum_o y_o \ln \hat{y}_o$.",
        tuple(split),
    )

    lse = {log(yhat[o]): log_expand(unfold(log(yhat[o]), defs))}
    through = [split[-1], linearize_sums(split[-1].xreplace(lse), k)]
    loss_lse = Step(
        "log-softmax",
        "The cross-entropy through the log-softmax",
        "logarithm of a quotient, constants out of the sum",
        r"$\ln \hat{y}_o = z_o - \ln \sum_j e^{z_j}$; the log-sum-exp does not depend on $o$ and "
        r"leaves the sum.",
        tuple(through),
    )

    grad = [Derivative(D, z[i]), Derivative(through[-1], z[i])]
    grad.append(linearize_sums(grad[-1].doit(), k))
    grad.append(fold_softmax(grad[-1], S, lambda t: z[t], z, yhat))
    gradient = Step(
        "gradient",
        r"The derivative with respect to $z_i$",
        "derivative of a sum, derivative of the logarithm",
        r"$\sum_o y_o \ln y_o$ does not depend on the logits and drops out; of the rest, "
        r"$\partial z_o / \partial z_i = \delta_{i o}$ keeps only $y_i$ and the derivative of the "
        r"log-sum-exp is $\hat{y}_i$.",
        tuple(grad),
    )

    constrained = Add(*[t.xreplace({labels.lhs: labels.rhs}) for t in Add.make_args(grad[-1])])
    constraint = Step(
        "labels-sum-to-one",
        r"The constraint $\sum_o y_o = 1$",
        "labels sum to one",
        r"The labels form a distribution.",
        (grad[-1], constrained),
        (labels,),
    )

    result = Step(
        "result",
        "Result",
        "result",
        r"The gradient of the KL divergence with respect to the logits.",
        (Derivative(D, z[i]), constrained),
        (labels,),
    )
    return Derivation(
        name=NAME,
        title="KL divergence from the softmax",
        summary="the KL divergence from the softmax to the labels: dD/dz_i = yhat_i - y_i",
        size=k,
        definitions=(softmax, divergence),
        steps=(entropy_split, loss_lse, gradient, constraint),
        result=result,
        intro=(
            r"The Kullback--Leibler divergence $D$ of the model's distribution $\hat{y}$ from a "
            r"target distribution $y$ (labels $y_o > 0$ summing to one) is the loss of knowledge "
            r"distillation. We derive its gradient with respect to one logit $z_i$."
        ),
        notes=(
            r"The gradient equals that of the cross-entropy: the two losses differ by the entropy "
            r"of the labels, which does not depend on the logits.",
        ),
    )
