"""Log-softmax with negative log-likelihood: log-sum-exp, the gradient through it, and the max shift.

``log yhat_o = z_o - log sum_j e^{z_j}``; the loss ``L = -sum_o y_o log yhat_o`` written through it
has the gradient ``yhat_i - y_i`` when ``sum_o y_o = 1``; and ``log sum_j e^{z_j} = m + log sum_j
e^{z_j - m}`` for every ``m`` (a plain symbol), which is why implementations may subtract
``m = max_j z_j`` before exponentiating. Every chain member is computed by SymPy from the previous
one.
"""

from __future__ import annotations

from sympy import Derivative, Eq, Sum, exp, expand, log

from ..calculus import Definitions, constants_out, linearize_sums, unfold
from ..steps import Definition, Derivation, Step
from ..symbols import array, index, scalar, size
from ._rewrites import fold_softmax, log_expand

__all__ = ["NAME", "build", "m"]

NAME = "log-softmax-nll"

k = size("k")
i, o, j = index("i"), index("o"), index("j")
z, y, yhat = array("z"), array("y"), array("yhat")
L, m = scalar("L"), scalar("m")


def build() -> Derivation:
    """The general-k derivation."""
    S = Sum(exp(z[j]), (j, 1, k))
    softmax = Definition(yhat[o], exp(z[o]) / S, "softmax")
    loss = Definition(L, -Sum(y[o] * log(yhat[o]), (o, 1, k)), "negative log-likelihood")
    defs = Definitions((softmax, loss))
    labels = Eq(Sum(y[o], (o, 1, k)), 1, evaluate=False)

    lse = [log(yhat[o])]
    lse.append(unfold(lse[-1], defs))
    lse.append(log_expand(lse[-1]))
    log_softmax = Step(
        "log-softmax",
        "The log-softmax",
        "logarithm of a quotient",
        r"The logarithm of the quotient is a difference, and $\ln e^{z_o} = z_o$: the log-softmax "
        r"is the logit minus the log-sum-exp of all logits.",
        tuple(lse),
    )

    through = [L, loss.rhs]
    through.append(through[-1].xreplace({lse[0]: lse[-1]}))
    through.append(linearize_sums(through[-1], k))
    loss_lse = Step(
        "loss-log-sum-exp",
        "The loss through the log-sum-exp",
        "substitution, constants out of the sum",
        r"Substitute the log-softmax; the log-sum-exp does not depend on $o$ and leaves the sum.",
        tuple(through),
    )

    grad = [Derivative(L, z[i]), Derivative(through[-1], z[i])]
    grad.append(linearize_sums(grad[-1].doit(), k))
    grad.append(fold_softmax(grad[-1], S, lambda t: z[t], z, yhat))
    gradient = Step(
        "gradient",
        r"The derivative with respect to $z_i$",
        "derivative of a sum, derivative of the logarithm",
        r"$\partial z_o / \partial z_i = \delta_{i o}$ keeps only $y_i$ of the first sum; the "
        r"derivative of the log-sum-exp is $e^{z_i} / \sum_j e^{z_j} = \hat{y}_i$.",
        tuple(grad),
    )

    constrained = grad[-1].xreplace({labels.lhs: labels.rhs})
    constraint = Step(
        "labels-sum-to-one",
        r"The constraint $\sum_o y_o = 1$",
        "labels sum to one",
        r"The labels sum to one (one-hot or soft).",
        (grad[-1], constrained),
        (labels,),
    )

    shift = [log(S)]
    shift.append(shift[-1].xreplace({exp(z[j]): exp(m) * exp(z[j] - m)}))
    shift.append(log(constants_out(shift[-1].args[0])))
    shift.append(log_expand(shift[-1]))
    shifted = Step(
        "shift",
        r"Subtracting a constant $m$ from every logit",
        "splitting each exponential, constant out of the sum",
        r"Write each $e^{z_j}$ as $e^{m} e^{z_j - m}$ for an arbitrary $m$, take $e^{m}$ out of "
        r"the sum and out of the logarithm. With $m = \max_j z_j$ no exponent is positive, so "
        r"no exponential overflows.",
        tuple(shift),
    )

    stable = [log(yhat[o]), lse[-1]]
    stable.append(expand(stable[-1].xreplace({shift[0]: shift[-1]}), power_exp=False))
    stable_step = Step(
        "stable-log-softmax",
        "The log-softmax as it is computed",
        "substitution",
        r"Substitute the shifted log-sum-exp into the log-softmax: only the shifted logits "
        r"$z_o - m$ and $z_j - m$ are exponentiated.",
        tuple(stable),
    )

    dm = [Derivative(shift[-1], m)]
    dm.append(dm[-1].doit())
    dm.append(linearize_sums(dm[-1], k))
    independent = Step(
        "shift-independent",
        r"The shifted form does not depend on $m$",
        "derivative with respect to m",
        r"The derivative with respect to $m$ vanishes, so $m$ may depend on the logits, as "
        r"$\max_j z_j$ does, without adding anything to the gradient (wherever the maximum is "
        r"differentiable, that is, unless two logits tie for it).",
        tuple(dm),
    )

    result = Step(
        "result",
        "Result",
        "result",
        r"The gradient of the negative log-likelihood with respect to the logits.",
        (Derivative(L, z[i]), constrained),
        (labels,),
    )
    return Derivation(
        name=NAME,
        title="Log-softmax and negative log-likelihood",
        summary="log-softmax with negative log-likelihood via log-sum-exp: dL/dz_i = yhat_i - y_i, shift by max z",
        size=k,
        definitions=(softmax, loss),
        steps=(log_softmax, loss_lse, gradient, constraint, shifted, stable_step, independent),
        result=result,
        intro=(
            r"Implementations do not compute the softmax and then its logarithm: they compute the "
            r"log-softmax directly through the log-sum-exp $\ln \sum_j e^{z_j}$, shifted by the "
            r"largest logit. We derive the log-softmax, the gradient of the negative "
            r"log-likelihood $L$ through it, and why the shift changes nothing."
        ),
        notes=(
            r"The identity $\ln \sum_j e^{z_j} = m + \ln \sum_j e^{z_j - m}$ holds for every $m$, "
            r"so $m = \max_j z_j$ changes neither the value of the log-softmax nor its gradient.",
        ),
    )
