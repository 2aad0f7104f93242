"""Frozen data describing a derivation: definitions, steps (chains of equal expressions), the result.

No printing, no verification and no IO happen here; a `Derivation` is a value that the verifier,
the printer and the certificate writer all read.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import Basic, Expr, Symbol

__all__ = ["Definition", "Step", "Derivation", "Display"]


@dataclass(frozen=True)
class Definition:
    """``lhs := rhs``. ``lhs`` is a Symbol (``L``), an Indexed (``yhat[o]``, whose indices are
    parameters) or an applied function (``sigma(x)``, whose arguments are parameters)."""

    lhs: Expr
    rhs: Expr
    name: str = ""


@dataclass(frozen=True)
class Step:
    """One step: consecutive members of ``chain`` are claimed equal under ``conditions``.

    ``rule`` names the transformation ("quotient rule"), ``explanation`` is one sentence for the
    reader, ``conditions`` are the relations the step relies on (``Eq(i, o)``, ``Ne(i, o)``,
    ``Eq(Sum(y[o], (o, 1, k)), 1)``).
    """

    id: str
    title: str
    rule: str
    explanation: str
    chain: tuple[Expr, ...]
    conditions: tuple[Basic, ...] = ()

    def __post_init__(self) -> None:
        if len(self.chain) < 2:
            raise ValueError(f"step {self.id!r}: a chain needs at least two members")

    @property
    def links(self) -> tuple[tuple[Expr, Expr], ...]:
        """Consecutive pairs of the chain: the equalities the step claims."""
        return tuple(zip(self.chain, self.chain[1:]))


@dataclass(frozen=True)
class Derivation:
    """A whole derivation for a symbolic ``size`` (the number of classes ``k``, of inputs ``n``)."""

    name: str
    title: str
    summary: str
    size: Symbol | None
    definitions: tuple[Definition, ...]
    steps: tuple[Step, ...]
    result: Step
    assumptions: tuple[Basic, ...] = ()
    intro: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Display:
    """A named object of a concrete instance, shown as a column vector or a matrix.

    ``lhs`` is LaTeX made by `derive` itself (never user text); ``rows`` holds the entries
    (``n x 1`` for a vector, ``n x n`` for a matrix).
    """

    lhs: str
    rows: tuple[tuple[Expr, ...], ...]
