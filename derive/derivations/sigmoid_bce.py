"""The sigmoid with binary cross-entropy: sigma'(z) = sigma(z)(1 - sigma(z)) and dL/dz = sigma(z) - y.

A scalar derivation (no size). Every member of every chain is computed from the previous one by
a SymPy operation: a definition unfolded under a derivative, the derivative taken, ``e^{-z}``
written back in terms of ``sigma(z)``, products distributed and expanded.
"""

from __future__ import annotations

from sympy import Derivative, exp, expand, log

from ..api import DerivationBuilder
from ..steps import Derivation
from ..symbols import function, scalar
from ._rewrites import distribute

__all__ = ["NAME", "build", "z", "y", "L", "sigma"]

NAME = "sigmoid-bce"

z, y, L = scalar("z"), scalar("y"), scalar("L")
sigma = function("sigma")


def build() -> Derivation:
    """The derivation for one logit ``z`` and a label ``y``."""
    s = sigma(z)
    d = DerivationBuilder(
        NAME,
        title="The sigmoid and binary cross-entropy",
        summary="the sigmoid with binary cross-entropy: dL/dz = sigma(z) - y",
        intro=(
            r"The sigmoid $\sigma$ maps a logit $z$ to a probability, and the binary cross-entropy $L$ "
            r"compares it with a label $y$. We derive the derivative of the sigmoid, then the "
            r"derivative of $L$ with respect to the logit."
        ),
        notes=(
            r"Nothing requires $y \in \{0, 1\}$: the gradient $\sigma(z) - y$ holds for any label, "
            r"a soft target included.",
        ),
    )
    d.define(s, 1 / (1 + exp(-z)), name="sigmoid")
    d.define(L, -(y * log(s) + (1 - y) * log(1 - s)), name="binary cross-entropy")

    ds = d.chain(Derivative(s, z))
    ds.then(d.unfold_inside)
    ds.then(d.differentiate)
    ds.then(lambda e: d.rewrite(e, exp(-z), 1 / s - 1))
    d.step(
        "sigmoid-derivative",
        "The derivative of the sigmoid",
        "quotient rule",
        r"Differentiate the definition, then write $e^{-z} = 1/\sigma(z) - 1$ to express the "
        r"result through $\sigma(z)$ itself.",
        ds,
    )

    dl = d.chain(Derivative(L, s))
    dl.then(lambda e: Derivative(d.unfold(e.expr, keep=[sigma]), s))
    dl.then(lambda e: e.doit())
    d.step(
        "loss-derivative",
        r"The derivative of the loss with respect to $\sigma(z)$",
        "derivative of the logarithm",
        r"Treat $\sigma = \sigma(z)$ as the variable: $\partial \ln \sigma / \partial \sigma = "
        r"1/\sigma$ and $\partial \ln(1 - \sigma) / \partial \sigma = -1/(1 - \sigma)$.",
        dl,
    )

    chain_rule = Derivative(L, s) * Derivative(s, z)
    d.step(
        "chain-rule",
        "The chain rule",
        "chain rule",
        r"$L$ depends on $z$ only through $\sigma(z)$.",
        (Derivative(L, z), chain_rule),
    )

    g = d.chain(chain_rule)
    g.then(lambda e: e.xreplace({Derivative(L, s): dl.last, Derivative(s, z): ds.last}))
    g.then(lambda e: distribute(e, dl.last))
    g.then(expand)
    d.step(
        "substitute",
        "Substitution",
        "substitution, cancellation",
        r"Substitute both derivatives; $1 - \sigma(z)$ cancels against the denominator of the "
        r"first term and $\sigma(z)$ against that of the second.",
        g,
    )
    d.result((Derivative(L, z), g.last), explanation="The derivative of the binary cross-entropy with respect to the logit.")
    return d.build()
