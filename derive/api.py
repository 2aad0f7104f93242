"""The API for writing a derivation: declare definitions, build each step's chain with SymPy.

A complete example (the README shows it running)::

    from sympy import Derivative, exp
    from derive.api import DerivationBuilder
    from derive.symbols import function, scalar

    z = scalar("z")
    sigma = function("sigma")
    d = DerivationBuilder("sigmoid-derivative", title="The derivative of the sigmoid",
                          summary="sigma'(z) = sigma(z) (1 - sigma(z))")
    d.define(sigma(z), 1 / (1 + exp(-z)), name="sigmoid")
    c = d.chain(Derivative(sigma(z), z))
    c.then(d.unfold_inside)          # substitute the definition under the derivative
    c.then(d.differentiate)          # SymPy differentiates
    c.then(lambda e: d.rewrite(e, exp(-z), 1 / sigma(z) - 1))  # back in terms of sigma(z)
    d.step("derivative", "Differentiate", "quotient rule", "Differentiate the definition.", c)
    d.result(c)
    derivation = d.build()

Each `Chain.then` applies a SymPy transformation to the last member and appends the result, so
no member is typed in. Verification, certificate, rendering and a CLI entry (via `register` or the
``derive.derivations`` entry-point group) come for free.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sympy import Basic, Derivative, Expr, Sum, expand, factor_terms

from .calculus import Definitions, evaluate_derivatives, linearize_sums, rename_bound, unfold
from .steps import Definition, Derivation, Step

__all__ = ["Chain", "DerivationBuilder"]


@dataclass
class Chain:
    """Members of a chain of equalities, each produced from the previous one."""

    members: list[Expr] = field(default_factory=list)

    @property
    def last(self) -> Expr:
        return self.members[-1]

    def then(self, transform: Callable[[Expr], Expr] | Expr) -> Chain:
        """Append ``transform(last)`` (or a given expression, when it is one: the verifier will
        still have to prove it equal to the previous member). Returns the chain."""
        new = transform(self.last) if callable(transform) and not isinstance(transform, Basic) else transform
        self.members.append(new)  # type: ignore[arg-type]
        return self


class DerivationBuilder:
    """Collects definitions, assumptions and steps, and builds a frozen `Derivation`."""

    def __init__(
        self,
        name: str,
        *,
        title: str,
        summary: str,
        size: Expr | None = None,
        intro: str = "",
        notes: Iterable[str] = (),
    ) -> None:
        self.name, self.title, self.summary, self.size = name, title, summary, size
        self.intro, self.notes = intro, tuple(notes)
        self._definitions: list[Definition] = []
        self._assumptions: list[Basic] = []
        self._steps: list[Step] = []
        self._result: Step | None = None

    # -- declarations --------------------------------------------------------------------
    def define(self, lhs: Expr, rhs: Expr, name: str = "") -> Expr:
        """``lhs := rhs``; returns ``lhs`` for convenience."""
        self._definitions.append(Definition(lhs, rhs, name))
        return lhs

    def assume(self, relation: Basic) -> None:
        """A relation that holds throughout (used by every step's verification)."""
        self._assumptions.append(relation)

    @property
    def definitions(self) -> Definitions:
        return Definitions(tuple(self._definitions))

    # -- transformations (each returns a new expression) ----------------------------------
    def unfold(self, expr: Expr, keep: Iterable[Basic] = ()) -> Expr:
        """Replace defined symbols by their definitions (except the keys in ``keep``)."""
        return unfold(expr, self.definitions, frozenset(keep))

    def unfold_inside(self, expr: Expr) -> Expr:
        """Unfold the definitions under each ``Derivative`` without evaluating it.

        Summation indices brought in by a definition are renamed away from the derivative's
        variables (``d/dz_j`` of a softmax whose normaliser sums over ``j`` gets ``m``), so an
        index is never captured.
        """

        def inside(e: Derivative) -> Derivative:
            body = unfold(e.expr, self.definitions)
            avoid = {s.name for v in e.variables for s in v.free_symbols}
            bound = {var.name for s in body.atoms(Sum) for var in s.variables}
            if bound & avoid:
                body = rename_bound(body, avoid)
            return Derivative(body, *e.variable_count)

        return expr.replace(lambda e: isinstance(e, Derivative), inside)

    def differentiate(self, expr: Expr) -> Expr:
        """Evaluate every derivative (sums by Kronecker deltas, collapsed for indices in range)."""
        return linearize_sums(evaluate_derivatives(expr, self.definitions), self.size)  # type: ignore[arg-type]

    @staticmethod
    def rewrite(expr: Expr, old: Expr, new: Expr) -> Expr:
        """Substitute ``old -> new`` (an identity the author asserts, which the verifier checks
        through the chain), expand and pull out common factors."""
        return factor_terms(expand(expr.subs(old, new)))

    # -- steps ---------------------------------------------------------------------------
    def chain(self, start: Expr) -> Chain:
        return Chain([start])

    def step(
        self,
        id: str,
        title: str,
        rule: str,
        explanation: str,
        chain: Chain | Sequence[Expr],
        conditions: Sequence[Basic] = (),
    ) -> Step:
        members = tuple(chain.members if isinstance(chain, Chain) else chain)
        s = Step(id, title, rule, explanation, members, tuple(conditions))
        self._steps.append(s)
        return s

    def result(self, chain: Chain | Sequence[Expr], conditions: Sequence[Basic] = (), explanation: str = "The result.") -> Step:
        """The claim of the whole derivation: its first and last members."""
        members = chain.members if isinstance(chain, Chain) else list(chain)
        self._result = Step("result", "Result", "result", explanation, (members[0], members[-1]), tuple(conditions))
        return self._result

    def build(self) -> Derivation:
        if self._result is None:
            raise ValueError(f"derivation {self.name!r} has no result; call result(...)")
        return Derivation(
            name=self.name,
            title=self.title,
            summary=self.summary,
            size=self.size,  # type: ignore[arg-type]
            definitions=tuple(self._definitions),
            steps=tuple(self._steps),
            result=self._result,
            assumptions=tuple(self._assumptions),
            intro=self.intro,
            notes=self.notes,
        )
