"""Binary focal loss for a positive example: dFL/dz = gamma sigma (1 - sigma)^gamma ln sigma - (1 - sigma)^(gamma + 1).

``FL = -(1 - sigma(z))^gamma ln sigma(z)`` down-weights examples the model already gets right. A
scalar derivation (no size); every chain member is computed by SymPy from the previous one.
"""

from __future__ import annotations

from sympy import Derivative, Eq, exp, expand, log

from ..api import DerivationBuilder
from ..steps import Derivation
from ..symbols import function, scalar
from ._rewrites import distribute

__all__ = ["NAME", "build", "z", "gamma", "FL", "sigma"]

NAME = "focal-loss"

z, gamma, FL = scalar("z"), scalar("gamma"), scalar("FL")
sigma = function("sigma")


def build() -> Derivation:
    """The derivation for one logit ``z`` of a positive example and a focusing parameter ``gamma``."""
    s = sigma(z)
    d = DerivationBuilder(
        NAME,
        title="The binary focal loss",
        summary="the binary focal loss of a positive example: dFL/dz = gamma sigma (1 - sigma)^gamma ln sigma - (1 - sigma)^(gamma + 1)",
        intro=(
            r"The focal loss multiplies the cross-entropy of an example by $(1 - \sigma(z))^{\gamma}$, "
            r"which is small when the predicted probability $\sigma(z)$ of the true class is already "
            r"close to one. We derive its derivative with respect to the logit $z$ of a positive "
            r"example (label $1$); for a negative one, replace $z$ by $-z$."
        ),
        notes=(
            r"Both terms carry a power of $1 - \sigma(z)$: as the prediction for the true class "
            r"approaches one, the gradient vanishes faster than the cross-entropy's "
            r"$\sigma(z) - 1$ when $\gamma > 0$.",
        ),
    )
    d.define(s, 1 / (1 + exp(-z)), name="sigmoid")
    d.define(FL, -(1 - s) ** gamma * log(s), name="focal loss")

    ds = d.chain(Derivative(s, z))
    ds.then(d.unfold_inside)
    ds.then(d.differentiate)
    ds.then(lambda e: d.rewrite(e, exp(-z), 1 / s - 1))
    d.step(
        "sigmoid-derivative",
        "The derivative of the sigmoid",
        "quotient rule",
        r"Differentiate the definition, then write $e^{-z} = 1/\sigma(z) - 1$.",
        ds,
    )

    dl = d.chain(Derivative(FL, s))
    dl.then(lambda e: Derivative(d.unfold(e.expr, keep=[sigma]), s))
    dl.then(lambda e: e.doit())
    d.step(
        "loss-derivative",
        r"The derivative of the loss with respect to $\sigma(z)$",
        "product rule",
        r"Treat $\sigma(z)$ as the variable: the product rule gives one term from the modulating "
        r"factor $(1 - \sigma)^{\gamma}$ and one from the logarithm.",
        dl,
    )

    chain_rule = Derivative(FL, s) * Derivative(s, z)
    d.step(
        "chain-rule",
        "The chain rule",
        "chain rule",
        r"$\mathrm{FL}$ depends on $z$ only through $\sigma(z)$.",
        (Derivative(FL, z), chain_rule),
    )

    g = d.chain(chain_rule)
    g.then(lambda e: e.xreplace({Derivative(FL, s): dl.last, Derivative(s, z): ds.last}))
    g.then(lambda e: distribute(e, dl.last))
    d.step(
        "substitute",
        "Substitution",
        "substitution, powers combined",
        r"Substitute both derivatives; $\sigma(z)$ cancels in the second term, and the powers of "
        r"$1 - \sigma(z)$ combine.",
        g,
    )
    no_focus = Eq(gamma, 0)
    d.step(
        "no-focusing",
        r"Without focusing: $\gamma = 0$",
        r"substitution $\gamma = 0$",
        r"At $\gamma = 0$ the modulating factor is $1$, the first term vanishes, and what remains "
        r"is the gradient $\sigma(z) - y$ of the binary cross-entropy for the label $y = 1$.",
        (Derivative(FL, z), g.last, expand(g.last.xreplace({no_focus.lhs: no_focus.rhs}))),
        (no_focus,),
    )
    d.result((Derivative(FL, z), g.last), explanation="The derivative of the focal loss with respect to the logit.")
    return d.build()
