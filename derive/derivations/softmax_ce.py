"""Softmax and cross-entropy for k classes: dL/dz_i = yhat_i - y_i, on the path of the seed post.

Every member of every chain below is computed from the previous one by a SymPy operation (a
derivative taken, a sum split, a definition folded back); none is typed in.
"""

from __future__ import annotations

from sympy import Add, Derivative, Dummy, Eq, Expr, KroneckerDelta, Ne, Sum, exp, expand, factor_terms, log

from ..calculus import Definitions, constants_out, linearize_sums, rename_bound, split_term, unfold
from ..steps import Definition, Derivation, Step
from ..symbols import array, index, scalar, size

__all__ = ["build", "NAME"]

NAME = "softmax-ce"

k = size("k")
i, o, j = index("i"), index("o"), index("j")
z, y, yhat = array("z"), array("y"), array("yhat")
L = scalar("L")


def fold_softmax(expr: Expr, normaliser: Expr) -> Expr:
    """Rewrite ``e^{c z_t} / S^c`` as ``yhat_t^c``: substitute ``e^{z_t} = yhat_t S`` outside the
    normaliser ``S`` and expand, so the powers of ``S`` cancel."""
    placeholder = Dummy("S")
    held = expr.xreplace({normaliser: placeholder})
    subs = {}
    for e in held.atoms(exp):
        coeff, arg = e.args[0].as_coeff_Mul()
        if arg.is_Indexed and arg.base == z:
            subs[e] = (yhat[arg.indices[0]] * placeholder) ** coeff
    return expand(held.xreplace(subs)).xreplace({placeholder: normaliser})


def merge_excluded_term(expr: Expr) -> Expr:
    """Inverse of `split_term`: ``f(i) + Sum_{o != i} f(o) -> Sum_o f(o)`` when ``f(i)`` is a term."""
    terms = list(Add.make_args(expr))
    for n, t in enumerate(terms):
        if not isinstance(t, Sum):
            continue
        (var, lo, hi), = t.limits
        body = t.function
        for factor in body.args if body.is_Mul else ():
            if factor == 1 - KroneckerDelta(i, var):
                f = body / factor
                single = expand(f.xreplace({var: i}))
                rest = expand(Add(*(terms[:n] + terms[n + 1 :])) - single)
                return rest + Sum(f, (var, lo, hi))
    raise ValueError("no excluded term to merge")


def build() -> Derivation:
    """The general-k derivation."""
    S = Sum(exp(z[j]), (j, 1, k))
    softmax = Definition(yhat[o], exp(z[o]) / S, "softmax")
    loss = Definition(L, -Sum(y[o] * log(yhat[o]), (o, 1, k)), "cross-entropy")
    defs = Definitions((softmax, loss))
    onehot = Eq(Sum(y[o], (o, 1, k)), 1, evaluate=False)

    # 1. Chain rule, with the sum over o the seed leaves implicit.
    chain_sum = Sum(Derivative(L, yhat[o]) * Derivative(yhat[o], z[i]), (o, 1, k))
    chain_rule = Step(
        "chain-rule",
        "The chain rule",
        "chain rule",
        r"$L$ depends on $z_i$ only through every $\hat{y}_o$, so the chain rule sums over all outputs $o$.",
        (Derivative(L, z[i]), chain_sum),
    )

    # 2. Case i = o: the quotient rule.
    jac = Derivative(yhat[o], z[i])
    c1 = [jac, jac.xreplace({i: o})]
    c1.append(Derivative(unfold(c1[-1].expr, defs), z[o]))
    c1.append(linearize_sums(c1[-1].doit(), k))
    c1.append(fold_softmax(c1[-1], S))
    c1.append(factor_terms(c1[-1]))
    case_same = Step(
        "jacobian-same",
        r"Case 1: $i = o$",
        "quotient rule",
        r"Differentiate the quotient; the derivative of the normaliser with respect to $z_o$ is $e^{z_o}$, "
        r"and both terms are written back in terms of $\hat{y}_o$.",
        tuple(c1),
        (Eq(i, o),),
    )

    # 3. Case i != o: only the normaliser depends on z_i.
    c2 = [jac, Derivative(unfold(jac.expr, defs), z[i])]
    raw = linearize_sums(c2[-1].doit(), k).xreplace({KroneckerDelta(i, o): 0})
    c2.append(raw)
    c2.append(fold_softmax(raw, S))
    case_other = Step(
        "jacobian-other",
        r"Case 2: $i \neq o$",
        "quotient rule (numerator constant)",
        r"The numerator $e^{z_o}$ does not depend on $z_i$; only the normaliser does.",
        tuple(c2),
        (Ne(i, o),),
    )

    # 4. Derivative of the loss with respect to one output (the bound index renamed, unlike the seed).
    dl = [Derivative(L, yhat[o])]
    dl.append(Derivative(rename_bound(loss.rhs, {"o"}), yhat[o]))
    dl.append(dl[-1].doit())
    dl.append(linearize_sums(dl[-1], k))
    dloss = Step(
        "loss-gradient",
        r"The derivative of the loss with respect to $\hat{y}_o$",
        "derivative of a sum",
        r"The summation index is renamed to $j$ so that it cannot be confused with the fixed $o$; "
        r"only the term $j = o$ depends on $\hat{y}_o$.",
        tuple(dl),
    )

    # 5. Substitute, split off o = i, collect.
    sub = [chain_sum, split_term(chain_sum, i)]
    same_i = c1[-1].xreplace({o: i})
    cases = {
        Derivative(yhat[i], z[i]): same_i,
        Derivative(L, yhat[i]): dl[-1].xreplace({o: i}),
    }
    single, rest = sub[-1].args if not isinstance(sub[-1].args[0], Sum) else sub[-1].args[::-1]
    rest_body = rest.function.xreplace({Derivative(yhat[o], z[i]): c2[-1], Derivative(L, yhat[o]): dl[-1]})
    substituted = single.xreplace(cases) + Sum(rest_body, *rest.limits)
    sub.append(substituted)
    sub.append(Add(*[expand(t) if not t.has(Sum) else t for t in Add.make_args(substituted)]))
    sub.append(merge_excluded_term(sub[-1]))
    sub.append(Add(*[constants_out(t) if isinstance(t, Sum) else t for t in Add.make_args(sub[-1])]))
    substitution = Step(
        "substitute",
        "Substitution and collection",
        "substitution, splitting off $o = i$",
        r"Split the $o = i$ term off the sum, substitute both cases of the Jacobian and "
        r"$\partial L / \partial \hat{y}_o$, then move the $o = i$ term back into the sum "
        r"and take $\hat{y}_i$ out of it.",
        tuple(sub),
    )

    # 6. The constraint.
    collected = sub[-1]
    final = collected.xreplace({onehot.lhs: onehot.rhs})
    constraint = Step(
        "one-hot",
        r"The constraint $\sum_o y_o = 1$",
        r"one-hot: $\sum_o y_o = 1$",
        r"The labels sum to one; this is all the step needs, not $y_o \in \{0, 1\}$.",
        (collected, final),
        (onehot,),
    )

    result = Step(
        "result",
        "Result",
        "result",
        r"The gradient of the cross-entropy with respect to the logits.",
        (Derivative(L, z[i]), final),
        (onehot,),
    )
    return Derivation(
        name=NAME,
        title="Softmax and cross-entropy",
        summary="dL/dz_i for softmax with cross-entropy over k classes: yhat_i - y_i",
        size=k,
        definitions=(softmax, loss),
        steps=(chain_rule, case_same, case_other, dloss, substitution, constraint),
        result=result,
        intro=(
            r"The softmax maps logits $z_1, \dots, z_k$ to probabilities $\hat{y}_o$, and the "
            r"cross-entropy $L$ compares them with the labels $y_o$. We derive the gradient of $L$ "
            r"with respect to one logit $z_i$."
        ),
        notes=(
            r"The result needs only $\sum_o y_o = 1$, not $y_o \in \{0, 1\}$: it holds for soft "
            r"labels (label smoothing, distillation) as well.",
        ),
    )

