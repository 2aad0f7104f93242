"""The Jacobian of the softmax: both cases, the single form yhat_o (delta_io - yhat_i), rows summing to 0.

Every chain member is computed by SymPy from the previous one: a definition unfolded under the
derivative, the derivative of the normaliser taken with Kronecker deltas and collapsed, the
exponentials folded back into ``yhat``, a summation variable renamed.
"""

from __future__ import annotations

from sympy import Derivative, Eq, Expr, KroneckerDelta, Ne, Sum, exp, factor_terms

from ..calculus import Definitions, constants_out, linearize_sums, unfold
from ..steps import Definition, Derivation, Step
from ..symbols import array, index, size
from ._rewrites import fold_softmax, rename_summation

__all__ = ["NAME", "build"]

NAME = "softmax-jacobian"

k = size("k")
i, o, j = index("i"), index("o"), index("j")
z, yhat = array("z"), array("yhat")


def build() -> Derivation:
    """The general-k derivation."""
    S = Sum(exp(z[j]), (j, 1, k))
    softmax = Definition(yhat[o], exp(z[o]) / S, "softmax")
    defs = Definitions((softmax,))

    def fold(e: Expr) -> Expr:
        return fold_softmax(e, S, lambda t: z[t], z, yhat)

    jac = Derivative(yhat[o], z[i])

    c1 = [jac, jac.xreplace({i: o})]
    c1.append(Derivative(unfold(c1[-1].expr, defs), z[o]))
    c1.append(linearize_sums(c1[-1].doit(), k))
    c1.append(fold(c1[-1]))
    c1.append(factor_terms(c1[-1]))
    case_same = Step(
        "jacobian-same",
        r"Case 1: $i = o$",
        "quotient rule",
        r"Differentiate the quotient; the derivative of the normaliser with respect to $z_o$ is "
        r"$e^{z_o}$, and both terms are written back in terms of $\hat{y}_o$.",
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
        r"The numerator $e^{z_o}$ does not depend on $z_i$; only the normaliser does.",
        tuple(c2),
        (Ne(i, o),),
    )

    c3 = [jac, Derivative(unfold(jac.expr, defs), z[i])]
    c3.append(linearize_sums(c3[-1].doit(), k))
    c3.append(fold(c3[-1]))
    c3.append(factor_terms(c3[-1]))
    delta_form = Step(
        "jacobian-delta",
        "Both cases in one formula",
        "quotient rule with a Kronecker delta",
        r"Without splitting cases, $\partial e^{z_o} / \partial z_i = \delta_{i o} e^{z_o}$, where "
        r"$\delta_{i o}$ is $1$ if $i = o$ and $0$ otherwise. At $i = o$ this is Case 1, at "
        r"$i \neq o$ Case 2.",
        tuple(c3),
    )

    total = [Sum(yhat[o], (o, 1, k))]
    total.append(unfold(total[-1], defs))
    total.append(constants_out(total[-1]))
    total.append(rename_summation(total[-1], o, j))
    sums_to_one = Step(
        "softmax-sums-to-one",
        "The outputs sum to one",
        "normalisation",
        r"The normaliser does not depend on $o$, so it leaves the sum; the sum that remains is "
        r"the normaliser itself, its index renamed from $o$ to $j$.",
        tuple(total),
    )

    cols = [Sum(jac, (o, 1, k))]
    cols.append(cols[-1].xreplace({jac: c3[-1]}))
    cols.append(linearize_sums(cols[-1], k))
    cols.append(cols[-1].xreplace({total[0]: total[-1]}))
    columns_zero = Step(
        "columns-sum-to-zero",
        r"Every column sums to zero",
        "Kronecker delta collapsed, outputs sum to one",
        r"In the Jacobian with rows $o$ and columns $i$, sum the single formula over the outputs "
        r"$o$: the delta keeps only the term $o = i$, and the remaining sum is "
        r"$\sum_o \hat{y}_o = 1$ from the previous step.",
        tuple(cols),
    )

    rows = [Sum(jac, (i, 1, k))]
    rows.append(rows[-1].xreplace({jac: c3[-1]}))
    rows.append(linearize_sums(rows[-1], k))
    rows.append(rows[-1].xreplace({total[0].xreplace({o: i}): total[-1]}))
    rows_zero = Step(
        "rows-sum-to-zero",
        r"Every row sums to zero",
        "Kronecker delta collapsed, outputs sum to one",
        r"Summing over the logits $i$ instead, the delta keeps the term $i = o$, and "
        r"$\sum_i \hat{y}_i = 1$ again.",
        tuple(rows),
    )

    result = Step(
        "result",
        "Result",
        "result",
        r"The Jacobian of the softmax.",
        (jac, c3[-1]),
    )
    return Derivation(
        name=NAME,
        title="The Jacobian of the softmax",
        summary="the Jacobian of the softmax: d yhat_o / d z_i = yhat_o (delta_io - yhat_i)",
        size=k,
        definitions=(softmax,),
        steps=(case_same, case_other, delta_form, sums_to_one, columns_zero, rows_zero),
        result=result,
        intro=(
            r"The softmax maps logits $z_1, \dots, z_k$ to probabilities $\hat{y}_1, \dots, "
            r"\hat{y}_k$. We derive every entry $\partial \hat{y}_o / \partial z_i$ of its Jacobian, "
            r"first case by case and then in one formula, and show that raising one logit moves "
            r"probability between the outputs without changing their total."
        ),
        notes=(
            r"Every row and every column of the Jacobian sums to zero: the outputs always sum to "
            r"one, so raising a logit takes from the other outputs exactly what it gives to its own.",
        ),
    )
