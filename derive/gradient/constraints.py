"""The assumptions applied where they simplify: a sum the result holds that an assumption gives
(``sum_o y_o = 1``) is replaced by its value; a sum of a defined quantity whose definition,
substituted and split, reduces by an assumption to a value (the smoothed labels ``y_o = (1 - eps)
t_o + eps/k`` with ``sum_o t_o = 1`` sum to 1) gets a step of its own first; a parameter fixed by
an assumption (``gamma = 0``) is substituted."""

from __future__ import annotations

from sympy import Eq, Expr, Indexed, Sum, Symbol, collect, expand

from ..calculus import Definitions, canonical_sums, linearize_sums, unfold
from ..steps import Step
from .explain import math, names_list, sentence, tex
from .moves import Planned
from .problem import Problem
from .tidy import factored

__all__ = ["apply_assumptions"]


def _value(s: Sum, problem: Problem) -> tuple[Expr, Eq] | None:
    for a in problem.assumptions:
        if isinstance(a.lhs, Sum) and canonical_sums(a.lhs) == canonical_sums(s):
            return a.rhs, a
    return None


def _lemma(s: Sum, problem: Problem, n: int) -> tuple[Planned, Expr, list[Eq]] | None:
    """``s`` reduced to a value through the definitions of what it sums, if an assumption does it."""
    used_names = {ix.base.name for ix in s.function.atoms(Indexed)} | {x.name for x in s.function.atoms(Symbol)}
    inside = [d for d in problem.definitions if d.name in used_names]
    if not inside:
        return None
    unfolded = unfold(s, Definitions(tuple(inside)))
    split = linearize_sums(unfolded, problem.size)
    used: list[Eq] = []
    table = {}
    for t in sorted(split.atoms(Sum), key=str):
        found = _value(t, problem)
        if found is None:
            return None
        table[t] = found[0]
        used.append(found[1])
    if not table:
        return None
    collected = collect(expand(split), list(table))
    value = expand(collected.xreplace(table))
    if value.has(Sum):
        return None
    members = [s, unfolded, collected, value]
    out = [members[0]]
    for m in members[1:]:
        if m != out[-1]:
            out.append(m)
    defs = names_list([math(d.lhs) for d in inside])
    step = Step(f"sum-{n}", f"The sum {math(s)}", "linearity of the sum, " + ", ".join(f"${tex(a)}$" for a in used),
                sentence([f"substitute the definition of {defs}, split the sum and use "
                          + names_list([math(a) for a in used])]), tuple(out), tuple(used))
    return Planned(step, ", ".join(d.name for d in inside), "reducing a sum by the assumptions"), value, used


def apply_assumptions(problem: Problem, expr: Expr) -> tuple[list[Planned], Expr, tuple[Eq, ...]]:
    """(steps, the expression with the assumptions applied, the assumptions used)."""
    planned: list[Planned] = []
    table: dict[Expr, Expr] = {}
    used: list[Eq] = []
    for s in sorted(expr.atoms(Sum), key=str):
        found = _value(s, problem)
        if found is not None:
            table[s] = found[0]
            used.append(found[1])
            continue
        lemma = _lemma(s, problem, len(planned) + 1)
        if lemma is not None:
            planned.append(lemma[0])
            table[s] = lemma[1]
            used.extend(lemma[2])
    for a in problem.assumptions:
        if isinstance(a.lhs, Symbol) and expr.has(a.lhs):
            table[a.lhs] = a.rhs
            used.append(a)
    if not table:
        return [], expr, ()
    used_once = tuple(dict.fromkeys(used))
    replaced = expr.xreplace(table)
    members = [expr, replaced]
    tidy = factored(replaced)
    if tidy != replaced:
        members.append(tidy)
    said = names_list([math(a) for a in used_once])
    title = f"The constraint {said}" if len(used_once) == 1 else "The assumptions"
    rule = ("constraint " if len(used_once) == 1 else "assumptions ") + ", ".join(f"${tex(a)}$" for a in used_once)
    words = [f"substitute {said}" if not planned else f"substitute the value found above, by {said}"]
    if tidy != replaced:
        words.append("common factors are taken out")
    step = Step("constraint", title, rule, sentence(words), tuple(members), used_once)
    planned.append(Planned(step, ", ".join(tex(a) for a in used_once), "applying the assumptions"))
    return planned, members[-1], used_once
