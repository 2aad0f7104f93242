"""Plant errors into steps: the mutation generator of the soundness suite.

Given a chain and its conditions (from a `Step`, or rebuilt from a certificate), `mutants` yields
every single-point error of these kinds:

- ``sign``: a term of a sum, a product or a whole member negated;
- ``drop-term`` / ``duplicate-term``: a term of a sum removed or counted twice;
- ``swap-indices``: two index symbols exchanged in a member, or one subscript replaced by another index;
- ``exponent``: an exponent off by one, ``e^x`` made ``e^{2x}``;
- ``factor``: a product or a member multiplied by 2, a factor of a product dropped;
- ``sum-range``: a summation starting one later or ending one earlier;
- ``missing-condition``: a condition dropped;
- ``wrong-condition``: ``i = o`` made ``i != o`` (and back), ``k = N`` made ``k = N + 1``;
- ``wrong-constraint``: ``sum_o y_o = 1`` made ``= 2``, or its summand doubled, or its range cut.

Nothing here decides whether a mutant is actually wrong; `derive.oracle` does that,
independently of the verifier. `sample` picks a deterministic, stratified subset.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sympy import Add, Basic, Derivative, Eq, Expr, Indexed, Mul, Ne, Pow, Sum, Symbol, exp, srepr
from sympy.core.function import AppliedUndef

__all__ = ["KINDS", "Mutant", "member_mutations", "condition_mutations", "mutants", "sample"]

KINDS = (
    "sign", "drop-term", "duplicate-term", "swap-indices", "exponent", "factor", "sum-range",
    "missing-condition", "wrong-condition", "wrong-constraint",
)


@dataclass(frozen=True)
class Mutant:
    """A step with one planted error. ``position`` is the mutated member (None: a condition)."""

    step: str
    kind: str
    description: str
    chain: tuple[Expr, ...]
    conditions: tuple[Basic, ...]
    position: int | None

    @property
    def digest(self) -> str:
        text = "\x00".join([self.step, self.kind, *map(srepr, self.chain), "|", *map(srepr, self.conditions)])
        return hashlib.sha256(text.encode()).hexdigest()


def _indices_in(e: Basic, size: Symbol | None) -> list[Symbol]:
    found = {s for s in e.atoms(Symbol) if s.is_integer and s != size}
    return sorted(found, key=lambda s: s.name)


def _local(e: Basic, scope: Sequence[Symbol]) -> Iterator[tuple[str, str, Basic]]:
    """Mutations of the node ``e`` itself: (kind, description, replacement)."""
    if isinstance(e, Add):
        terms = list(e.args)
        for n, t in enumerate(terms):
            rest = terms[:n] + terms[n + 1:]
            yield "drop-term", f"term {t} dropped", Add(*rest)
            yield "duplicate-term", f"term {t} counted twice", Add(*terms, t)
            yield "sign", f"sign of term {t} flipped", Add(*rest, -t)
    elif isinstance(e, Mul):
        yield "sign", f"product {e} negated", -e
        yield "factor", f"product {e} doubled", 2 * e
        factors = list(e.args)
        if len(factors) > 1:
            for n, f in enumerate(factors):
                if not f.is_number:
                    yield "factor", f"factor {f} dropped", Mul(*(factors[:n] + factors[n + 1:]))
    elif isinstance(e, Pow):
        base, ex = e.args
        yield "exponent", f"exponent of {e} increased by one", Pow(base, ex + 1)
        yield "exponent", f"exponent of {e} decreased by one", Pow(base, ex - 1)
    elif isinstance(e, exp):
        yield "exponent", f"{e} made e^(2 x)", exp(2 * e.args[0])
    elif isinstance(e, Sum):
        (var, lo, hi), *more = e.limits
        yield "sum-range", f"sum over {var} starting at {lo + 1}", Sum(e.function, (var, lo + 1, hi), *more)
        yield "sum-range", f"sum over {var} ending at {hi - 1}", Sum(e.function, (var, lo, hi - 1), *more)
    elif isinstance(e, Indexed):
        for n, ix in enumerate(e.indices):
            for other in scope:
                if other != ix and isinstance(ix, Symbol):
                    new = list(e.indices)
                    new[n] = other
                    yield "swap-indices", f"{e} written with {other} for {ix}", Indexed(e.base, *new)


def _walk(e: Basic, scope: tuple[Symbol, ...]) -> Iterator[tuple[str, str, Basic]]:
    """Every mutation of ``e`` at any node (the whole of ``e`` rebuilt around it)."""
    yield from _local(e, scope)
    if isinstance(e, Indexed) or isinstance(e, Symbol) or not e.args:
        return
    if isinstance(e, Sum):
        for kind, what, new in _walk(e.function, scope + tuple(lim[0] for lim in e.limits)):
            yield kind, what, Sum(new, *e.limits)
        return
    if isinstance(e, Derivative):
        for kind, what, new in _walk(e.expr, scope):
            yield kind, what, Derivative(new, *e.variable_count)
        for n, (v, count) in enumerate(e.variable_count):
            for kind, what, new in _local(v, scope) if isinstance(v, Indexed) else ():
                vc = list(e.variable_count)
                vc[n] = (new, count)
                yield kind, f"derivative variable: {what}", Derivative(e.expr, *vc)
        return
    if isinstance(e, AppliedUndef):
        return
    for n, a in enumerate(e.args):
        for kind, what, new in _walk(a, scope):
            args = list(e.args)
            args[n] = new
            yield kind, what, e.func(*args)


def member_mutations(e: Expr, size: Symbol | None = None) -> Iterator[tuple[str, str, Expr]]:
    """Every single-point error of the expression ``e``: (kind, description, mutant)."""
    free = tuple(_indices_in(e, size))
    yield "sign", "member negated", -e
    yield "factor", "member doubled", 2 * e
    for a in free:
        for b in free:
            if a.name < b.name:
                yield "swap-indices", f"{a} and {b} exchanged", e.xreplace({a: b, b: a})
    yield from _walk(e, free)  # type: ignore[misc]


def _is_index_relation(c: Basic) -> bool:
    return isinstance(c, (Eq, Ne)) and all(isinstance(a, Symbol) and a.is_integer for a in c.args)


def condition_mutations(conditions: Sequence[Basic], size: Symbol | None = None) -> Iterator[tuple[str, str, tuple[Basic, ...]]]:
    """Every single-point error of a list of conditions: (kind, description, new conditions)."""
    conds = list(conditions)
    for n, c in enumerate(conds):
        rest = conds[:n] + conds[n + 1:]

        def put(new: Basic, n: int = n) -> tuple[Basic, ...]:
            return tuple(conds[:n] + [new] + conds[n + 1:])

        yield "missing-condition", f"condition {c} dropped", tuple(rest)
        if _is_index_relation(c):
            flipped = Ne(*c.args) if isinstance(c, Eq) else Eq(*c.args)
            yield "wrong-condition", f"condition {c} negated", put(flipped)
        elif isinstance(c, Eq) and size is not None and c.lhs == size and c.rhs.is_Integer:
            yield "wrong-condition", f"size {c.rhs} made {c.rhs + 1}", put(Eq(size, c.rhs + 1))
        elif isinstance(c, Eq):
            yield "wrong-constraint", f"constraint value {c.rhs} made {c.rhs + 1}", put(Eq(c.lhs, c.rhs + 1, evaluate=False))
            if isinstance(c.lhs, Sum):
                s = c.lhs
                yield "wrong-constraint", "constraint summand doubled", put(Eq(Sum(2 * s.function, *s.limits), c.rhs, evaluate=False))
                (var, lo, hi), *more = s.limits
                yield "wrong-constraint", "constraint range cut", put(Eq(Sum(s.function, (var, lo, hi - 1), *more), c.rhs, evaluate=False))


def mutants(step: str, chain: Sequence[Expr], conditions: Sequence[Basic], size: Symbol | None = None) -> list[Mutant]:
    """Every distinct mutant of a step (none structurally identical to the original)."""
    out: list[Mutant] = []
    seen: set[tuple[int | None, Basic]] = set()
    chain, conditions = tuple(chain), tuple(conditions)
    for n, member in enumerate(chain):
        for kind, what, new in member_mutations(member, size):
            if new == member or (n, new) in seen:
                continue
            seen.add((n, new))
            out.append(Mutant(step, kind, f"member {n + 1}: {what}", chain[:n] + (new,) + chain[n + 1:], conditions, n))
    seen_conds: set[tuple[Basic, ...]] = set()
    for kind, what, new_conds in condition_mutations(conditions, size):
        if new_conds == conditions or new_conds in seen_conds:
            continue
        seen_conds.add(new_conds)
        out.append(Mutant(step, kind, what, chain, new_conds, None))
    return out


def sample(pool: Sequence[Mutant], limit: int) -> list[Mutant]:
    """At most ``limit`` mutants, stratified by (step, kind) and chosen by digest: deterministic,
    independent of generation order, every stratum represented before any gets a second."""
    if limit >= len(pool):
        return sorted(pool, key=lambda m: m.digest)
    strata: dict[tuple[str, str], list[Mutant]] = {}
    for m in sorted(pool, key=lambda m: m.digest):
        strata.setdefault((m.step, m.kind), []).append(m)
    keys = sorted(strata)
    chosen: list[Mutant] = []
    depth = 0
    while len(chosen) < limit:
        for key in keys:
            if depth < len(strata[key]) and len(chosen) < limit:
                chosen.append(strata[key][depth])
        depth += 1
    return chosen

