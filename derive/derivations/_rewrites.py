"""Rewrites shared by the catalogue derivations: fold a softmax back into its name, take parts apart.

Each function returns a new SymPy expression computed from its argument; the verifier still has
to prove every result equal to what it came from.
"""

from __future__ import annotations

from collections.abc import Callable

from sympy import Add, Derivative, Dummy, Expr, Indexed, IndexedBase, Rational, Sum, Symbol, exp, expand, expand_log

__all__ = ["fold_softmax", "log_expand", "rename_summation", "replace_derivatives", "terms_of"]


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


def replace_derivatives(expr: Expr, table: dict[Derivative, Expr]) -> Expr:
    """Substitute derivatives already worked out (``table``: derivative -> its value)."""
    return expr.xreplace(table)


def terms_of(expr: Expr) -> list[Expr]:
    """The terms of a sum, in SymPy's order (a single term if ``expr`` is not an ``Add``)."""
    return list(Add.make_args(expr))


def rename_summation(expr: Expr, old: Symbol, new: Symbol) -> Expr:
    """Every sum over ``old`` rewritten as the same sum over ``new`` (a change of bound variable;
    equal sums then cancel or combine as SymPy builds the result)."""
    return expr.replace(
        lambda e: isinstance(e, Sum) and any(v == old for v, *_ in e.limits),
        lambda e: Sum(e.function.xreplace({old: new}), *[(new if v == old else v, lo, hi) for v, lo, hi in e.limits]),
    )
