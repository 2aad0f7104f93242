"""Where a logarithm or a fractional power is split across factors that may be negative.

The verifier's independent checks evaluate the inputs of a hand-written document at positive
points, and its zero test splits logarithms (``ln(ab) = ln a + ln b``), so a claim that holds for
positive inputs only (``\\ln(ab) = \\ln a + \\ln b``, ``\\ln(x^2) = 2 \\ln x``) would pass. The inputs
of a document are real numbers of any sign. A logarithm (or a non-integer power) of a product
splits safely on the principal branch when at most one factor is not known to be positive and
that factor is not raised to a power (``\\ln(y_o / \\hat{y}_o) = \\ln y_o - \\ln \\hat{y}_o`` for a
positive ``\\hat{y}_o``). `unsafe_argument` finds, with the definitions unfolded, the first argument
that is not of that form, and the checker then says ``unknown`` instead of proved or checked, unless
`proved_without_splitting` shows the claim with every logarithm kept whole (a definition restated:
``D(P, Q) = \\sum_i p_i \\ln(p_i / q_i)`` needs no split at all).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sympy import Add, Basic, Expr, Mul, Pow, Product, Sum, exp, fraction, log, preorder_traversal, together

from derive.calculus import Definitions, canonical_sums, evaluate_derivatives, is_zero_form, unfold
from derive.steps import Definition

__all__ = ["unsafe_argument", "proved_without_splitting"]


def _positive(e: Basic, table: dict[Basic, Definition], depth: int = 0) -> bool:
    """Positive by its form: a positive number, ``e^{...}``, a symbol declared positive, sums,
    products, real powers and sums over positive things, a defined object whose definition is."""
    if depth > 60:
        return False
    if e.is_Number:
        return bool(e.is_positive)
    found = table.get(Definitions(()).key_of(e))
    if found is not None:
        return _positive(found.rhs, table, depth + 1)
    if isinstance(e, exp):
        return True
    if isinstance(e, (Add, Mul)) and all(_positive(a, table, depth + 1) for a in e.args):
        return True
    if isinstance(e, Add) and len(e.args) <= 8:  # 1 - \frac{1}{1 + e^{-z}} over one denominator: \frac{e^{-z}}{1 + e^{-z}}
        num, den = fraction(together(e))
        return den != 1 and _positive(num, table, depth + 1) and _positive(den, table, depth + 1)
    if isinstance(e, (Add, Mul)):
        return False
    if isinstance(e, Pow):  # the inputs are real: a positive base gives a positive power
        return _positive(e.base, table, depth + 1)
    if isinstance(e, (Sum, Product)):
        return _positive(e.function, table, depth + 1)
    return e.is_positive is True


def _splits_safely(arg: Basic, table: dict[Basic, Definition]) -> bool:
    unknown = [f for f in Mul.make_args(arg) if not _positive(f, table)]
    return not unknown or (len(unknown) == 1 and not isinstance(unknown[0], Pow) and not unknown[0].is_Number)


def unsafe_argument(members: Sequence[Expr], definitions: Iterable[Definition]) -> Basic | None:
    """The first logarithm argument or non-integer-power base in ``members`` (definitions unfolded;
    of two definitions of one object, the first) that does not split safely; None if there is none."""
    table: dict[Basic, Definition] = {}
    for d in definitions:
        table.setdefault(Definitions(()).key_of(d.lhs), d)
    defs = Definitions(tuple(table.values()))
    for m in members:
        try:
            e = unfold(m, defs)
        except Exception:  # noqa: BLE001 - cannot unfold: look at the member as written
            e = m
        for node in preorder_traversal(e):
            if isinstance(node, log) and not _splits_safely(node.args[0], table):
                return node.args[0]
            if isinstance(node, Pow) and not node.exp.is_integer and not _splits_safely(node.base, table):
                return node.base
    return None


def proved_without_splitting(members: Sequence[Expr], definitions: Iterable[Definition], size: Basic | None) -> bool:
    """Whether consecutive ``members`` are equal by exact algebra with every logarithm an atom as
    written (derivatives evaluated, definitions unfolded, sums renamed canonically; no index
    conditions or constraints used): a proof that needs no positive factor. False if not shown."""
    try:
        defs = Definitions(tuple(definitions))
        forms = [canonical_sums(evaluate_derivatives(m, defs, explicit=size is None)) for m in members]
        return all(is_zero_form(a - b, split_logs=False) for a, b in zip(forms, forms[1:]))
    except Exception:  # noqa: BLE001 - a crash shows nothing
        return False
