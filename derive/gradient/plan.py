"""Plan a derivation from a `Problem`: the chain rule, each local derivative (with its case split),
substitution and collection, the assumptions, the result; then a `Derivation` like the catalogue's.

`plan` only builds; `verify_planned` verifies and refuses, with the definition and the move named,
any step that is not proved (a planned step is never shown as if it held when it was not shown).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sympy import Derivative, Expr, Indexed

from ..errors import NotSupportedError
from ..steps import Derivation, Step
from .chain import ChainRule, Unplannable, chain_rule
from .collect import substitute
from .constraints import apply_assumptions
from .explain import math, names_list, sentence, tex
from .local import differentiate_leaf
from .moves import Planned
from .problem import Problem, key_of

__all__ = ["PlannedDerivation", "plan", "verify_planned", "summary_of"]


@dataclass(frozen=True)
class PlannedDerivation:
    """The derivation and, for every step (by id), the definition and move that made it."""

    derivation: Derivation
    planned: tuple[Planned, ...]
    problem: Problem

    def blame(self, step_id: str) -> Planned | None:
        return next((p for p in self.planned if p.step.id == step_id), None)


def plain(e: Expr) -> str:
    """A short ASCII name: ``z_i``, ``yhat_o``, ``L``."""
    if isinstance(e, Indexed):
        return f"{e.base.name}_{''.join(str(i) for i in e.indices)}"
    return str(e)


def summary_of(problem: Problem) -> str:
    """One line for ``derive list``."""
    return f"d{plain(problem.target)}/d{plain(problem.variable)} planned by derive gradient from {problem.source}"


def _chain_words(problem: Problem, chain: ChainRule) -> str:
    parts = []
    for n, link in enumerate(chain.links):
        through = names_list([math(t) for t in link.through])
        owner = math(link.owner)
        if link.summed is not None:
            through = f"{through} for every ${tex(link.summed)}$"
        if link.direct:
            parts.append(f"{owner} depends on {math(problem.variable)} through {through} and directly" if n == 0
                         else f"{owner} on it through {through} and directly")
            continue
        parts.append(f"{owner} depends on {math(problem.variable)} only through {through}" if n == 0
                     else f"{owner} on it through {through}")
    summed = [link.summed for link in chain.links if link.summed is not None]
    text = "; ".join(parts)
    if summed:
        text += ", so the chain rule sums over " + names_list([f"${tex(s)}$" for s in summed])
    elif len(chain.links) > 1:
        text += ", so the chain rule multiplies the local derivatives"
    return sentence([text])


def _unplannable(problem: Problem, exc: Unplannable) -> NotSupportedError:
    return NotSupportedError(f"cannot plan d{plain(problem.target)}/d{plain(problem.variable)}: "
                             f"definition of {exc.definition} ({problem.written(exc.definition)}): {exc.move}: {exc.why}")


def plan(problem: Problem) -> PlannedDerivation:
    """Plan the derivation (nothing verified yet); a `NotSupportedError` names what cannot be planned."""
    try:
        return _plan(problem)
    except Unplannable as exc:
        raise _unplannable(problem, exc) from None


def _plan(problem: Problem) -> PlannedDerivation:
    target, variable = problem.target, problem.variable
    chain = chain_rule(problem)
    planned: list[Planned] = []
    start = Derivative(target, variable)
    if chain.expression == start:  # no intermediate: one direct derivative
        (leaf,) = chain.leaves
        local = [differentiate_leaf(problem, leaf)]
        planned.extend(local[0].planned)
        collected = local[0].value
    else:
        step = Step("chain-rule", "The chain rule", "chain rule", _chain_words(problem, chain), (start, chain.expression))
        planned.append(Planned(step, key_of(target), "the chain rule"))
        known: dict[Expr, Expr] = {}
        for leaf in chain.functions:  # derivatives of defined functions, needed inside the local derivatives
            fd = differentiate_leaf(problem, leaf)
            planned.extend(fd.planned)
            known[leaf.derivative] = fd.value
        local = [differentiate_leaf(problem, leaf, known) for leaf in chain.leaves]
        for ld in local:
            planned.extend(ld.planned)
        subs, collected = substitute(problem, chain, local)
        planned.extend(subs)
    more, final, used = apply_assumptions(problem, collected)
    planned.extend(more)
    _unique_ids(planned)
    result = Step("result", "Result", "result",
                  f"The derivative of {math(target)} with respect to {math(variable)}, planned from the definitions.",
                  (start, final), used)
    d = Derivation(
        name=problem.name,
        title=problem.title,
        summary=summary_of(problem),
        size=problem.size,
        definitions=problem.definitions,
        steps=tuple(p.step for p in planned),
        result=result,
        intro=_intro(problem, chain, local, used),
        notes=_notes(problem, used),
    )
    return PlannedDerivation(d, tuple(planned), problem)


def _unique_ids(planned: list[Planned]) -> None:
    seen: dict[str, int] = {}
    for n, p in enumerate(planned):
        count = seen.get(p.step.id, 0)
        seen[p.step.id] = count + 1
        if count:
            step = p.step
            planned[n] = Planned(Step(f"{step.id}-{count + 1}", step.title, step.rule, step.explanation, step.chain,
                                      step.conditions), p.definition, p.move)


def _intro(problem: Problem, chain: ChainRule, local: list, used: tuple) -> str:  # type: ignore[type-arg]
    moves = []
    if chain.links:
        moves.append("the chain rule through " + names_list([math(t) for link in chain.links for t in link.through]))
    moves.append("each local derivative in its own step" if len(local) > 1 else "the derivative taken directly")
    splits = [ld.split for ld in local if ld.split is not None]
    if splits:
        moves.append("the cases " + names_list([f"${tex(f)} = {tex(b)}$ and ${tex(f)} \\neq {tex(b)}$" for f, b in splits]))
    if chain.links:
        moves.append("the substitution")
    if used:
        moves.append(("the assumption " if len(used) == 1 else "the assumptions ") + names_list([math(a) for a in used]))
    return (f"The derivative of {math(problem.target)} with respect to {math(problem.variable)}, planned by "
            f"derive gradient from the definitions below alone: " + names_list(moves) + ".")


def _notes(problem: Problem, used: tuple) -> tuple[str, ...]:  # type: ignore[type-arg]
    unused = [a for a in problem.assumptions if a not in used]
    notes = []
    if used:
        notes.append("The result uses " + names_list([math(a) for a in used]) + " and no other assumption.")
    if unused:
        notes.append("Not needed: " + names_list([math(a) for a in unused]) + ".")
    return tuple(notes)


def verify_planned(pd: PlannedDerivation, *, instance: object | None = None,
                   progress: Callable[[str, int, int], None] | None = None):  # type: ignore[no-untyped-def]
    """Verify every step; any step (or the result, or the instance) not proved is a
    `NotSupportedError` naming the definition and the move."""
    from ..engine import verify_derivation
    from ..verify import Verdict

    vd = verify_derivation(pd.derivation, instance=instance, progress=progress)
    for vs in (*vd.steps, vd.result, *vd.instance_steps):
        if vs.verdict is Verdict.PROVED:
            continue
        p = pd.blame(vs.step.id)
        what = f"definition of {p.definition} ({pd.problem.written(p.definition)}): {p.move}" if p else f"step {vs.step.id}"
        detail = next((f"link {n}: {link.counterexample.describe()}" for n, link in enumerate(vs.report.links, 1)
                       if link.counterexample is not None), "")
        if not detail:
            detail = next((f"link {n}: {e.method}: {e.detail}" for n, link in enumerate(vs.report.links, 1)
                           for e in link.evidence if e.outcome != "pass"), "")
        raise NotSupportedError(f"planned step '{vs.step.id}' is {vs.verdict.value}, not proved: {what}"
                                + (f" ({' '.join(detail.split())[:200]})" if detail else ""),
                                hint="nothing was written")
    if instance is not None and getattr(instance, "verdict", Verdict.PROVED) is not Verdict.PROVED:
        raise NotSupportedError(f"the instance at k = {instance.k} is {instance.verdict.value}, not proved",  # type: ignore[attr-defined]
                                hint="nothing was written")
    return vd
