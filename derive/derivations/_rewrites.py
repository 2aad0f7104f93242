"""Rewrites shared by the catalogue derivations: fold a softmax back into its name, distribute, rename.

Each function returns a new SymPy expression computed from its argument; the verifier still has
to prove every result equal to what it came from.
"""

from __future__ import annotations

from collections.abc import Callable

from sympy import Add, Dummy, Expr, Indexed, IndexedBase, Rational, Sum, Symbol, exp, expand, expand_log, powsimp

__all__ = ["distribute", "fold_softmax", "log_expand", "rename_summation"]


def fold_softmax(expr: Expr, normaliser: Expr, exponent: Callable[[Expr], Expr], logits: IndexedBase, name: IndexedBase) -> Expr:
    """Rewrite ``exp(c * exponent(t)) / S**c`` as ``name[t]**c`` for the softmax
    ``name[t] = exp(exponent(t)) / S``, ``S`` the ``normaliser``: hold ``S`` as a symbol, substitute
    ``exp(exponent(t)) = name[t] * S`` and expand, so the powers of ``S`` cancel.

    ``exponent(t)`` is the softmax's exponent at index ``t`` (``z[t]``, or ``z[t] / T``); an
    exponential whose argument is a rational multiple of it at some ``logits[t]`` is folded.
    """
    held_symbol = Dummy("S")
    held = expr.xreplace({normaliser: held_symbol})
    subs = {}
    for e in held.atoms(exp):
        arg = e.args[0]
        for z_t in sorted(arg.atoms(Indexed), key=str):
            if z_t.base != logits:
                continue
            t = z_t.indices[0]
            ratio = expand(arg / exponent(t))
            if isinstance(ratio, Rational) and ratio != 0:
                subs[e] = (name[t] * held_symbol) ** ratio
                break
    return expand(held.xreplace(subs)).xreplace({held_symbol: normaliser})


def log_expand(expr: Expr) -> Expr:
    """Logarithms of products and quotients split, ``log(exp(x)) = x`` (all quantities are real);
    exponentials are left whole."""
    return expand(expand_log(expr, force=True), power_exp=False)


def distribute(product: Expr, bracket: Expr) -> Expr:
    """``a * bracket`` -> ``a t1 + a t2 + ...`` for the terms ``t`` of ``bracket`` (a factor of
    ``product``); each new product is cancelled by SymPy and its powers of one base combined
    (``b b^g = b^(g + 1)``)."""
    outside = product / bracket
    return Add(*[powsimp(outside * t) for t in Add.make_args(bracket)])


def rename_summation(expr: Expr, old: Symbol, new: Symbol) -> Expr:
    """Every sum over ``old`` rewritten as the same sum over ``new`` (a change of bound variable;
    equal sums then cancel or combine as SymPy builds the result)."""
    return expr.replace(
        lambda e: isinstance(e, Sum) and any(v == old for v, *_ in e.limits),
        lambda e: Sum(e.function.xreplace({old: new}), *[(new if v == old else v, lo, hi) for v, lo, hi in e.limits]),
    )
