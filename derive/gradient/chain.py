"""The chain rule through the definitions: which defined quantities carry the dependence on the
variable, and the chain-rule expression with every local derivative as an unevaluated leaf.

For ``L = -sum_o y_o ln yhat_o`` and ``yhat_o = e^{z_o} / sum_j e^{z_j}``, the derivative of ``L``
with respect to ``z_i`` is ``sum_o dL/dyhat_o dyhat_o/dz_i``: ``yhat`` appears in ``L`` under the
sum over ``o``, so the chain rule sums over the index of the intermediate. A quantity that appears
only at fixed indices (``h_m = 1/(1 + e^{-a_m})`` uses ``a`` at ``m`` alone) needs no sum:
``dh_m/dw_p = dh_m/da_m da_m/dw_p``. The recursion ends at a definition that contains the
variable itself and no defined quantity depending on it: a leaf, differentiated directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import Add, Basic, Derivative, Dummy, Expr, Indexed, IndexedBase, Lambda, Mul, Sum, Symbol, preorder_traversal
from sympy.core.function import AppliedUndef

from ..calculus import fresh_index, free_indices
from ..check import reading as rd
from ..steps import Definition
from .problem import Problem, key_of

__all__ = ["quantities", "Leaf", "Link", "ChainRule", "chain_rule", "one_level", "rename_clashing", "bound_variables", "Unplannable", "scope_names"]


class Unplannable(Exception):
    """A move the planner cannot make: ``definition`` names the definition, ``move`` the move."""

    def __init__(self, definition: str, move: str, why: str) -> None:
        super().__init__(why)
        self.definition, self.move, self.why = definition, move, why


@dataclass(frozen=True)
class Leaf:
    """A local derivative ``d owner / d wrt`` of the chain rule; ``bound``: indices of ``owner``
    and ``wrt`` that a sum of the chain rule binds (a Kronecker delta between one of them and a
    free index calls for a case split)."""

    derivative: Derivative
    owner: Expr
    wrt: Expr
    bound: tuple[Symbol, ...]
    #: a definition's name when ``owner`` is not a defined quantity but the terms of that
    #: definition's right side that hold the variable itself (differentiated as they stand)
    term_of: str = ""


@dataclass(frozen=True)
class Link:
    """One level of the chain rule, for the prose: ``owner`` depends on the variable through
    ``through`` (summed over ``summed`` when that is an index)."""

    owner: Expr
    through: tuple[Expr, ...]
    summed: Symbol | None
    direct: bool = False  #: the owner also holds the variable itself


@dataclass(frozen=True)
class ChainRule:
    """``d target / d variable`` as a sum of products of local derivatives (``expression``),
    its leaves in reading order (outermost first) and its levels."""

    expression: Expr
    leaves: tuple[Leaf, ...]
    links: tuple[Link, ...]
    #: derivatives of defined functions at a defined argument (``d sigma(z) / d z`` when ``z`` is
    #: defined): not links of the chain, but needed inside the local derivative through ``z``
    functions: tuple[Leaf, ...] = ()


def _base_name(variable: Expr) -> str:
    return variable.base.name if isinstance(variable, Indexed) else variable.name  # type: ignore[union-attr]


def scope_names(*exprs: Basic) -> set[str]:
    """Every name (index, symbol, array) in ``exprs``: what a new bound index must avoid."""
    out: set[str] = set()
    for e in exprs:
        out |= {s.name for s in e.atoms(Symbol)} | {b.name for b in e.atoms(IndexedBase)}
        out |= {s.name for s in free_indices(e)}
    return out


def one_level(owner: Expr, definition: Definition, avoid: set[str]) -> Expr:
    """The right side of ``definition`` at ``owner`` (its indices or arguments put in); a
    summation index whose name is in ``avoid`` or among the names of ``owner`` is renamed (the
    first free of j, m, n, p, q, r), the others keep theirs."""
    lhs, rhs = definition.lhs, definition.rhs
    if isinstance(lhs, Symbol):
        return rename_clashing(rhs, avoid | scope_names(owner))
    params = lhs.indices if isinstance(lhs, Indexed) else lhs.args
    args = owner.indices if isinstance(owner, Indexed) else owner.args  # type: ignore[union-attr]
    rhs = rename_clashing(rhs, avoid | scope_names(owner) | {p.name for p in params if isinstance(p, Symbol)})
    if isinstance(lhs, Indexed):
        return rhs.xreplace(dict(zip(params, args)))
    return Lambda(tuple(params), rhs)(*args)


def rename_clashing(expr: Expr, avoid: set[str]) -> Expr:
    """Every summation index named in ``avoid`` renamed to a fresh name, outer sums first."""
    taken = set(avoid) | scope_names(expr)

    def visit(e: Basic) -> Basic:
        if not e.args or isinstance(e, (Symbol, IndexedBase, Indexed)):
            return e
        if isinstance(e, Sum):
            body, limits = e.function, []
            for var, lo, hi in e.limits:
                if var.name in avoid:
                    new = fresh_index(taken)
                    taken.add(new.name)
                    body = body.xreplace({var: new})
                    var = new
                limits.append((var, lo, hi))
            return Sum(visit(body), *limits)
        return e.func(*[visit(a) for a in e.args])

    return visit(expr)


def bound_variables(expr: Basic) -> list[Symbol]:
    """Summation indices of ``expr`` in reading order."""
    return [v for node in preorder_traversal(expr) if isinstance(node, Sum) for v, _, _ in node.limits]


def quantities(expr: Basic) -> list[Expr]:
    """The quantities ``expr`` mentions, in reading order, each once: indexed ones at their
    indices (``yhat[o]``), function applications (``sigma(z)``) and scalars (not indices, not the
    names of arrays)."""
    labels = {ix.base.label for ix in expr.atoms(Indexed)}
    out: list[Expr] = []
    walk = preorder_traversal(expr)
    for node in walk:
        if isinstance(node, (Indexed, AppliedUndef)) or (isinstance(node, Symbol) and not node.is_integer and node not in labels):
            if node not in out:
                out.append(node)
            if isinstance(node, (Indexed, AppliedUndef)):  # an application is one quantity, its arguments inside it
                walk.skip()
    return out


def _occurrences(expr: Expr, problem: Problem, base: str) -> list[Expr]:
    """Defined quantities in ``expr`` that depend on the variable (a function application also
    through its arguments: ``sigma(z)`` with ``z`` defined), in reading order, each once."""
    defined = {d.name for d in problem.definitions}
    return [n for n in quantities(expr)
            if key_of(n) in defined and base in rd.names_closure(rd.names_of(n), problem.definitions)]


def chain_rule(problem: Problem) -> ChainRule:
    """The chain rule from the target to the variable through every intermediate definition."""
    defined = {d.name: d for d in problem.definitions}
    base = _base_name(problem.variable)
    leaves: list[Leaf] = []
    links: list[Link] = []
    functions: list[Leaf] = []
    outer = scope_names(problem.target, problem.variable) | ({problem.size.name} if problem.size is not None else set())

    def visit(owner: Expr, bound: tuple[Symbol, ...], taken: set[str]) -> Expr:
        definition = defined[key_of(owner)]
        body = one_level(owner, definition, taken)
        found = _occurrences(body, problem, base)
        found = through_arguments(found, problem, base, bound, definition.name, functions)
        outside = body.xreplace({n: Dummy() for n in found})  # the variable outside the intermediates
        outside = outside.xreplace({a: Dummy() for a in quantities(outside) if isinstance(a, AppliedUndef)
                                    and any(x in found for x in a.args)})
        direct = any(key_of(n) == base for n in quantities(outside))
        if not found:
            leaves.append(Leaf(Derivative(owner, problem.variable), owner, problem.variable, bound))
            return Derivative(owner, problem.variable)
        names = [key_of(n) for n in found]
        direct_part = _direct_terms(body, found, base, definition.name, names) if direct else None
        for a in dict.fromkeys(names):
            for b in dict.fromkeys(names):
                if a != b and b in rd.names_closure({a}, problem.definitions):
                    raise Unplannable(definition.name, "the chain rule",
                                      f"{definition.name} uses both {a} and {b}, and {a} depends on {b}; "
                                      "the chain rule through two dependent intermediates is not planned (yet)")
        terms: list[Expr] = []
        through: list[Expr] = []
        summed: Symbol | None = None
        free_here = free_indices(body)  # the owner's own indices: anything else in a subscript is summed
        for n in found:
            if isinstance(n, AppliedUndef) and not free_indices(n) <= free_here:
                raise Unplannable(definition.name, "the chain rule",
                                  f"{key_of(n)} is applied inside a sum over its argument's index ({n}); a function of a summed "
                                  "index is not planned (yet): define it as an indexed quantity instead (s_o = ...)")
        for key in dict.fromkeys(names):
            instances = [n for n in found if key_of(n) == key]
            summed_over = [n for n in instances if isinstance(n, Indexed)
                           and not {i for i in n.indices if not i.is_Integer} <= free_here]
            if summed_over:
                if len(summed_over[0].indices) != 1:
                    raise Unplannable(definition.name, "the chain rule",
                                      f"{key} has several indices under a sum in {definition.name}; not planned (yet)")
                own = defined[key].lhs.indices[0]  # type: ignore[union-attr]
                bound_var = next(iter(summed_over[0].indices))
                avoid = taken | scope_names(owner)
                index = own if own.name not in avoid else (bound_var if bound_var.name not in avoid else fresh_index(avoid))
                inner = defined[key].lhs.base[index]  # type: ignore[union-attr]
                leaves.append(Leaf(Derivative(owner, inner), owner, inner, (*bound, index)))
                rest = visit(inner, (*bound, index), taken | {index.name})
                terms.append(Sum(Mul(Derivative(owner, inner), rest), (index, 1, problem.size)))
                through.append(inner)
                summed = index
            else:
                for inner in instances:
                    leaves.append(Leaf(Derivative(owner, inner), owner, inner, bound))
                    rest = visit(inner, bound, taken)
                    terms.append(Mul(Derivative(owner, inner), rest))
                    through.append(inner)
        if direct_part is not None:
            leaves.append(Leaf(Derivative(direct_part, problem.variable), direct_part, problem.variable, bound, definition.name))
            terms.append(Derivative(direct_part, problem.variable))
        links.append(Link(owner, tuple(through), summed, direct_part is not None))
        return Add(*terms)

    expression = visit(problem.target, (), outer)
    return ChainRule(expression, tuple(leaves), tuple(_ordered_links(links, problem.target)), tuple(functions))


def _direct_terms(body: Expr, found: list[Expr], base: str, name: str, names: list[str]) -> Expr:
    """The terms of ``body`` that hold the variable itself, when every term holds either it or the
    intermediates (``L = (yhat - y)^2 / 2 + lambda/2 sum_i w_i^2``): the total derivative is the
    chain rule through the intermediates plus the derivative of these terms."""
    through, own = [], []
    for term in Add.make_args(body):
        via = any(term.has(n) for n in found)
        itself = any(key_of(q) == base for q in quantities(term.xreplace({n: Dummy() for n in found})))
        if via and itself:
            raise Unplannable(name, "the chain rule",
                              f"a term of {name} depends on {base} both directly and through {', '.join(dict.fromkeys(names))}; "
                              "a product of the two is not planned (yet)")
        (own if itself else through).append(term)
    return Add(*own)


def through_arguments(found: list[Expr], problem: Problem, base: str, bound: tuple[Symbol, ...], owner: str,
                      functions: list[Leaf]) -> list[Expr]:
    """An application of a defined function at a defined argument (``sigma(z)``, ``z`` defined)
    is differentiated inside its owner's local derivative; the chain goes on through the argument,
    and ``d sigma(z) / d z`` is recorded in ``functions`` for a step of its own."""
    defined = {d.name for d in problem.definitions}
    out: list[Expr] = []
    for n in found:
        if not isinstance(n, AppliedUndef) or not any(rd.names_of(a) & defined for a in n.args):
            if n not in out:
                out.append(n)
            continue
        for a in n.args:
            if not (isinstance(a, (Symbol, Indexed)) and key_of(a) in defined) and base in rd.names_closure(rd.names_of(a), problem.definitions):
                raise Unplannable(owner, "the chain rule", f"{key_of(n)} is applied to an expression ({a}) that depends on {base}; "
                                  "only a defined quantity or the variable itself as the argument is planned (yet)")
            if isinstance(a, (Symbol, Indexed)) and key_of(a) in defined and base in rd.names_closure({key_of(a)}, problem.definitions):
                leaf = Leaf(Derivative(n, a), n, a, bound)
                if leaf not in functions:
                    functions.append(leaf)
                if a not in out:
                    out.append(a)
    return out


def _ordered_links(links: list[Link], target: Expr) -> list[Link]:
    """Links from the target inwards."""
    by_owner = {link.owner: link for link in links}
    out: list[Link] = []
    todo = [target]
    while todo:
        owner = todo.pop(0)
        link = by_owner.get(owner)
        if link is None or link in out:
            continue
        out.append(link)
        todo.extend(link.through)
    return out
