"""Each local derivative of the chain rule in its own step: the definition substituted under the
derivative, SymPy's derivative (Kronecker deltas collapsed in sums), the result folded back into
the defined names and tidied. A Kronecker delta between an index the chain rule sums over and a
free index splits the step into the two cases (``i = o`` and ``i != o``), as the seed post does.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import Derivative, Eq, Expr, Indexed, KroneckerDelta, Ne, Sum, Symbol
from sympy.core.function import AppliedUndef

from ..calculus import apply_index_conditions, linearize_sums
from ..steps import Definition, Step
from .chain import Leaf, Unplannable, bound_variables, one_level, scope_names
from .explain import math, names_list, rule_of, sentence, tex
from .fold import fold
from .moves import Planned
from .problem import Problem, key_of
from .tidy import factored, readable

__all__ = ["LocalDerivative", "dedupe", "differentiate_leaf"]


@dataclass(frozen=True)
class LocalDerivative:
    """The value of a leaf (``value``), or of its two cases when ``split`` = (free, bound) is set:
    ``same`` (the free index equal to the bound one, written with the bound one) and ``other``."""

    leaf: Leaf
    value: Expr
    split: tuple[Symbol, Symbol] | None
    same: Expr | None
    other: Expr | None
    planned: tuple[Planned, ...]


def dedupe(members: list[Expr]) -> tuple[Expr, ...]:
    """``members`` without a member equal to the one before it (a move that changed nothing)."""
    out: list[Expr] = []
    for m in members:
        if not out or m != out[-1]:
            out.append(m)
    return tuple(out)


def _step_id(leaf: Leaf) -> str:
    return f"d{key_of(leaf.owner)}-d{key_of(leaf.wrt)}"


@dataclass(frozen=True)
class _Worked:
    """One derivative worked out: the members and what happened, for the words."""

    members: tuple[Expr, ...]
    body: Expr
    renamed: tuple[tuple[Symbol, Symbol], ...]
    collapsed: tuple[tuple[Symbol, Expr], ...]
    folded_into: tuple[Expr, ...]
    factored: bool
    inner: tuple[Expr, ...] = ()  #: derivatives of defined functions put in from their own steps


def _work(problem: Problem, definition: Definition | None, owner: Expr, wrt: Expr, conditions: tuple = (),  # type: ignore[type-arg]
          start: tuple[Expr, ...] = (), known: dict[Expr, Expr] | None = None, name: str = "") -> _Worked:
    """``d owner / d wrt``: substitute, differentiate, collapse, put in the derivatives of defined
    functions found before (``known``), fold, tidy. Without a ``definition`` the ``owner`` is an
    expression (terms of the definition ``name``), differentiated as it stands."""
    avoid = scope_names(owner, wrt) | ({problem.size.name} if problem.size is not None else set())
    body = one_level(owner, definition, avoid) if definition is not None else owner
    before = bound_variables(definition.rhs) if definition is not None else []
    name = definition.name if definition is not None else name
    renamed = tuple((a, b) for a, b in zip(before, bound_variables(body)) if a != b)
    raw = body.diff(wrt)
    collapsed = tuple(
        (s.limits[0][0], next(a for a in d.args if a != s.limits[0][0]))
        for s in raw.atoms(Sum) for d in s.function.atoms(KroneckerDelta) if s.limits[0][0] in d.args
    )
    evaluated = linearize_sums(raw, problem.size)
    if conditions:
        evaluated = apply_index_conditions(evaluated, conditions)
    inner = sorted(evaluated.atoms(Derivative), key=str)
    used = tuple(d for d in inner if d in (known or {}))
    if len(used) < len(inner):
        missing = next(d for d in inner if d not in (known or {}))
        raise Unplannable(name, f"differentiating {name} with respect to {key_of(wrt)}",
                          f"the derivative {missing} is left, and no step gives it (yet)")
    substituted = evaluated.xreplace(known) if used else evaluated  # type: ignore[arg-type]
    folded = fold(substituted, problem.definitions, definition)
    tidy = readable(folded) if used else [factored(folded)]
    defined = {d.name for d in problem.definitions}
    into = tuple(sorted({n for n in _names(folded) - _names(substituted) if key_of(n) in defined}, key=str))
    members = dedupe([*start, *([Derivative(body, wrt)] if definition is not None else []), evaluated, substituted, folded, *tidy])
    return _Worked(members, body, renamed, collapsed, tuple(into), bool(tidy) and tidy[-1] != folded and not used, used)


def _names(e: Expr) -> set[Expr]:
    """The quantities ``e`` mentions: indexed ones at their indices, applications, scalars."""
    labels = {ix.base.label for ix in e.atoms(Indexed)}
    return set(e.atoms(Indexed, AppliedUndef)) | {s for s in e.atoms(Symbol) if not s.is_integer and s not in labels}


def _words(w: _Worked, definition: Definition | None, owner: Expr, wrt: Expr, lead: str = "") -> str:
    parts = []
    if definition is None:
        parts.append(f"{lead}differentiate these terms as they stand with respect to {math(wrt)}")
        if w.collapsed:
            var, at = w.collapsed[0]
            parts.append(f"only the term ${tex(var)} = {tex(at)}$ of the sum depends on {math(wrt)}")
        return sentence(parts)
    substitute = f"substitute the definition of {math(owner)}"
    if w.renamed:
        old, new = w.renamed[0]
        substitute += (f" (its summation index renamed from ${tex(old)}$ to ${tex(new)}$, so that it cannot be "
                       f"confused with the fixed ${tex(old)}$)")
    parts.append(f"{lead}{substitute} and differentiate with respect to {math(wrt)}")
    if w.collapsed:
        var, at = w.collapsed[0]
        parts.append(f"only the term ${tex(var)} = {tex(at)}$ of the sum depends on {math(wrt)}")
    if w.inner:
        parts.append(f"put in {names_list([math(d) for d in w.inner])} from {'its step' if len(w.inner) == 1 else 'their steps'} "
                     "and simplify")
    if w.folded_into:
        parts.append(f"the result is written in terms of {names_list([math(e) for e in w.folded_into])}"
                     + (" and common factors are taken out" if w.factored else ""))
    elif w.factored:
        parts.append("common factors are taken out")
    return sentence(parts)


def differentiate_leaf(problem: Problem, leaf: Leaf, known: dict[Expr, Expr] | None = None) -> LocalDerivative:
    """The step (or the two case steps) for one leaf of the chain rule; ``known``: the values of
    derivatives of defined functions (``d sigma(z) / d z``) planned before."""
    if leaf.term_of:  # the terms of a definition that hold the variable itself
        worked = _work(problem, None, leaf.owner, leaf.wrt, start=(leaf.derivative,), known=known, name=leaf.term_of)
        lhs = next(d.lhs for d in problem.definitions if d.name == leaf.term_of)
        step = Step(f"d{leaf.term_of}-direct", f"The terms of {math(lhs)} that hold {math(leaf.wrt)} itself",
                    rule_of(worked.body, leaf.wrt), _words(worked, None, leaf.owner, leaf.wrt), worked.members)
        move = f"differentiating the terms of {leaf.term_of} that hold {key_of(leaf.wrt)} itself"
        return LocalDerivative(leaf, worked.members[-1], None, None, None, (Planned(step, leaf.term_of, move),))
    definition = next(d for d in problem.definitions if d.name == key_of(leaf.owner))
    start = (leaf.derivative,)
    worked = _work(problem, definition, leaf.owner, leaf.wrt, start=start, known=known)
    value = worked.members[-1]
    split = _case_split(worked.members[-1], leaf, problem)
    move = f"differentiating {definition.name} with respect to {key_of(leaf.wrt)}"
    rule = rule_of(worked.body, leaf.wrt)
    title = f"The derivative of {math(leaf.owner)} with respect to {math(leaf.wrt)}"
    if split is None:
        step = Step(_step_id(leaf), title, rule, _words(worked, definition, leaf.owner, leaf.wrt), worked.members)
        return LocalDerivative(leaf, value, None, None, None, (Planned(step, definition.name, move),))
    free, bound = split
    same_leaf = leaf.derivative.xreplace({free: bound})
    same_wrt = leaf.wrt.xreplace({free: bound})
    same = _work(problem, definition, leaf.owner.xreplace({free: bound}), same_wrt, start=(leaf.derivative, same_leaf), known=known)
    other = _work(problem, definition, leaf.owner, leaf.wrt, (Ne(free, bound),), start=start, known=known)
    eq, ne = Eq(free, bound), Ne(free, bound)
    if not _holds_apart(other.members[-1], free, bound):
        raise Unplannable(definition.name, move, f"more than one Kronecker delta between an index the chain rule sums "
                                                 f"over and a free index in d{definition.name}/d{key_of(leaf.wrt)}; not planned (yet)")
    s1 = Step(f"{_step_id(leaf)}-same", f"Case 1: ${tex(eq)}$", rule_of(same.body, same_wrt),
              _words(same, definition, leaf.owner, same_wrt, lead=f"for ${tex(eq)}$, "), same.members, (eq,))
    s2 = Step(f"{_step_id(leaf)}-other", f"Case 2: ${tex(ne)}$", rule_of(other.body, leaf.wrt),
              _words(other, definition, leaf.owner, leaf.wrt, lead=f"for ${tex(ne)}$, where $\\delta_{{{tex(free)} {tex(bound)}}} = 0$, "),
              other.members, (ne,))
    return LocalDerivative(leaf, value, split, same.members[-1], other.members[-1],
                           (Planned(s1, definition.name, f"{move} (case {tex(eq)})"),
                            Planned(s2, definition.name, f"{move} (case {tex(ne)})")))


def _case_split(value: Expr, leaf: Leaf, problem: Problem) -> tuple[Symbol, Symbol] | None:
    """(free, bound) when ``value`` has a Kronecker delta between an index a chain-rule sum binds
    and a free index; None otherwise."""
    pairs = []
    for d in sorted(value.atoms(KroneckerDelta), key=str):
        a, b = d.args
        if a in leaf.bound and b not in leaf.bound and isinstance(b, Symbol):
            pairs.append((b, a))
        elif b in leaf.bound and a not in leaf.bound and isinstance(a, Symbol):
            pairs.append((a, b))
    pairs = list(dict.fromkeys(pairs))
    if len(pairs) > 1:
        raise Unplannable(key_of(leaf.owner), f"differentiating {key_of(leaf.owner)} with respect to {key_of(leaf.wrt)}",
                          "Kronecker deltas between several summed and free indices; the case split is not planned (yet)")
    return pairs[0] if pairs else None


def _holds_apart(expr: Expr, free: Symbol, bound: Symbol) -> bool:
    return not any({free, bound} <= set(d.args) for d in expr.atoms(KroneckerDelta))
