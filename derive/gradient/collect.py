"""Substitution and collection: every local derivative put into the chain rule, the split-off term
of a case split taken out of its sum and put back once both cases are in, constants moved out of
sums, and the rest brought to its shortest readable form.

For softmax with cross-entropy: ``sum_o dL/dyhat_o dyhat_o/dz_i`` -> the ``o = i`` term split off
(Case 1 there, Case 2 under ``sum_{o != i}``) -> expanded -> the ``o = i`` term moved back into the
sum -> ``yhat_i sum_o y_o - y_i``. Every member is computed by SymPy from the one before.
"""

from __future__ import annotations

from collections.abc import Sequence

from sympy import Add, Basic, Expr, KroneckerDelta, S, Sum, Symbol, expand

from ..calculus import constants_out, free_indices, split_term
from ..steps import Step
from .chain import ChainRule
from .explain import math, names_list, sentence, tex
from .local import LocalDerivative, dedupe
from .moves import Planned
from .problem import Problem, key_of
from .tidy import readable

__all__ = ["substitute"]


def _excluded(s: Basic, splits: dict[Symbol, Symbol]) -> tuple[Symbol, Symbol] | None:
    """(free, bound) when ``s`` is a sum over ``bound`` with the factor ``1 - delta(free, bound)``."""
    if not isinstance(s, Sum) or len(s.limits) != 1:
        return None
    var = s.limits[0][0]
    if var not in splits:
        return None
    factor = 1 - KroneckerDelta(splits[var], var)
    return (splits[var], var) if s.function.is_Mul and factor in s.function.args else None


def _merge(add: Expr, splits: dict[Symbol, Symbol]) -> Expr:
    """``f(i) + rest + sum_o f(o) (1 - delta_io)`` -> ``rest + sum_o f(o)``: the excluded term
    moved back into the sum (its ``f(i)`` subtracted from the other terms)."""
    terms = list(Add.make_args(add))
    for n, t in enumerate(terms):
        found = _excluded(t, splits)
        if found is None:
            continue
        free, var = found
        body = t.function / (1 - KroneckerDelta(free, var))
        single = expand(body.xreplace({var: free}))
        rest = expand(Add(*(terms[:n] + terms[n + 1 :])) - single)
        return rest + Sum(body, *t.limits)
    return add


def _at_adds(expr: Expr, change) -> Expr:  # type: ignore[no-untyped-def]
    """``change`` applied to every sum-of-terms node holding an excluded-term sum, innermost first."""
    return expr.replace(lambda e: isinstance(e, Add), change)


#: A member whose LaTeX is longer than this would not fit a printed line (the catalogue's longest,
#: softmax-ce's split-off sum, has 185 characters): the plain local derivatives are then
#: substituted in a step of their own before the term is split off.
LONG_MEMBER = 190


def _split(expr: Expr, splits: dict[Symbol, Symbol], only: bool = False) -> Expr:
    """Each sum over a split index with its ``bound = free`` term split off; with ``only`` (the
    other terms are zero by the second case) the sum replaced by that term alone."""
    def split(s: Sum) -> Expr:
        var = s.limits[0][0]
        return s.function.xreplace({var: splits[var]}) if only else split_term(s, splits[var])

    return expr.replace(lambda e: isinstance(e, Sum) and len(e.limits) == 1 and e.limits[0][0] in splits, split)


def substitute(problem: Problem, chain: ChainRule, local: Sequence[LocalDerivative]) -> tuple[list[Planned], Expr]:
    """The substitution step (two when one would hold too long a line), and the collected
    expression it ends with."""
    splits = {ld.split[1]: ld.split[0] for ld in local if ld.split is not None}  # bound -> free
    plain = [ld for ld in local if ld.split is None]
    only = bool(splits) and all(ld.other == 0 for ld in local if ld.split is not None)  # Case 2 is zero
    planned: list[Planned] = []
    current = chain.expression
    if splits and plain and len(tex(_split(current, splits, only))) > LONG_MEMBER:
        first = current.xreplace({ld.leaf.derivative: ld.value for ld in plain})
        words = sentence([f"substitute {names_list([math(ld.leaf.derivative) for ld in plain])}"])
        planned.append(Planned(Step("substitute", "Substitution", "substitution", words, (current, first)),
                               key_of(problem.target), "substitution"))
        current, plain_done = first, True
    else:
        plain_done = False
    members: list[Expr] = [current]
    words_list: list[str] = []
    pairs = [f"${tex(b)} = {tex(f)}$" for b, f in splits.items()]
    if splits:
        current = _split(current, splits, only)
        members.append(current)
        if only:
            words_list.append(f"by Case 2 every other term of the sum is zero, so only its {names_list(pairs)} term remains")
        else:
            words_list.append(f"split the {names_list(pairs)} term off the sum")
    mapping: dict[Expr, Expr] = {}
    for ld in local:
        leaf = ld.leaf.derivative
        if ld.split is not None:
            free, bound = ld.split
            mapping[leaf] = ld.other  # type: ignore[assignment]
            mapping[leaf.xreplace({bound: free})] = ld.same.xreplace({bound: free})  # type: ignore[union-attr]
            continue
        mapping[leaf] = ld.value
        for bound, free in splits.items():
            if bound in free_indices(leaf):
                mapping.setdefault(leaf.xreplace({bound: free}), ld.value.xreplace({bound: free}))
    substituted = current.xreplace(mapping)
    vanished = bool(substituted.atoms(Sum)) and any(s.function == 0 for s in substituted.atoms(Sum))
    substituted = substituted.replace(lambda e: isinstance(e, Sum) and e.function == 0, lambda e: S.Zero)
    members.append(substituted)
    leaves = [] if plain_done else [math(ld.leaf.derivative) for ld in plain]
    cases = [math(ld.leaf.derivative) for ld in local if ld.split is not None]
    sub = "substitute " + names_list(leaves + [f"both cases of {c}" for c in cases])
    if cases and only:
        sub = "substitute " + names_list(leaves + [f"Case 1 of {c}" for c in cases])
    elif cases:
        sub += " (Case 1 in the split-off term, Case 2 in the rest)"
    words_list.append(sub)
    if vanished:
        words_list.append("Case 2 is zero, so the rest of the sum vanishes")
    surviving = [s for s in substituted.atoms(Sum) if _excluded(s, splits)]
    if surviving:
        def expand_terms(add: Expr) -> Expr:
            if not any(_excluded(t, splits) for t in add.args):
                return add
            return Add(*[expand(t) if not t.has(Sum) else t for t in add.args])

        expanded = _at_adds(substituted, expand_terms)
        merged = _at_adds(expanded, lambda add: _merge(add, splits))
        outside = merged.replace(lambda e: isinstance(e, Sum) and len(e.limits) == 1, constants_out)
        members += [expanded, merged, outside]
        moved = [f"${tex(b)} = {tex(f)}$" for b, f in splits.items()]
        words_list.append(f"expand, move the {names_list(moved)} term back into the sum")
        pulled = _pulled(merged, outside)
        if pulled:
            words_list.append(f"take {names_list([math(p) for p in pulled])} out of it")
    else:
        outside = substituted.replace(lambda e: isinstance(e, Sum) and len(e.limits) == 1, constants_out)
        if outside != substituted:
            members.append(outside)
            words_list.append("move the constant factors out of the sums")
        forms = readable(outside)
        if forms:
            members += forms
            words_list.append(_tidy_words(outside, forms))
    chain_members = dedupe(members)
    if len(chain_members) < 2:
        chain_members = (chain.expression, chain.expression)
    split_words = names_list(pairs)
    if only:
        split_words = f"only {split_words}"
    if plain_done:
        step = Step("split-off", f"{'Keeping' if only else 'Splitting off'} the term {names_list(pairs)}",
                    f"{'keeping' if only else 'splitting off'} {split_words}",
                    sentence(words_list), chain_members)
        planned.append(Planned(step, key_of(problem.target), f"splitting off {split_words} and collecting"))
        return planned, chain_members[-1]
    title = "Substitution and collection" if len(chain_members) > 2 else "Substitution"
    rule = (f"substitution, keeping {split_words}" if only else f"substitution, splitting off {split_words}") if splits else "substitution"
    step = Step("substitute", title, rule, sentence(words_list), chain_members)
    planned.append(Planned(step, key_of(problem.target), "substitution and collection"))
    return planned, chain_members[-1]


def _pulled(before: Expr, after: Expr) -> list[Expr]:
    """Factors that moved out of a sum between ``before`` and ``after``."""
    out: list[Expr] = []
    for s in sorted(before.atoms(Sum), key=str):
        moved = constants_out(s) if len(s.limits) == 1 else s
        if moved != s:
            out.extend(f for f in moved.as_ordered_factors() if not isinstance(f, Sum) and not f.is_number)
    return out


def _tidy_words(start: Expr, forms: Sequence[Expr]) -> str:
    if len(forms) == 1 and forms[0] == expand(start):
        return "expand"
    return "multiply out the bracket, letting SymPy cancel and combine powers, and collect"

