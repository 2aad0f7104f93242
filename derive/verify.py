"""Three-valued verification of a chain of equalities, with the evidence of each method.

Three methods, each independent of the others where it matters:

1. ``symbolic``: for a symbolic size, by targeted rewriting (derivatives of sums, Kronecker-delta
   collapse, constants out of sums, canonical sums, the constraints as substitutions), then an
   exact zero test of a canonical rational function. No `simplify`.
2. ``exact``: at every size in ``ks`` and every placement of the free indices allowed by the
   conditions, sums expanded and derivatives taken of the explicit expressions; exact zero test.
3. ``numeric``: the explicit instances evaluated at random rational points with 50 digits (the
   walker's points are a function of the variable and the size, shared by every placement).

A link is *proved* when the symbolic method shows it and both independent checks agree; *checked*
when only the independent checks pass (the reason is in the evidence); *refuted* when a numeric
counterexample exists; *unknown* otherwise. A method that raises is an ``error`` and can never
lead to *proved*.
"""

from __future__ import annotations

import hashlib
import itertools
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from enum import Enum

import mpmath
from sympy import Basic, Eq, Expr, Indexed, Ne, Rational, Sum, Symbol

from .calculus import _names as names_in
from .calculus import (
    Definitions,
    apply_index_conditions,
    canonical_sums,
    evaluate_derivatives,
    free_indices,
    fresh_index,
    is_zero_form,
    linearize_sums,
)
from . import concrete, ratfunc
from .numeric import evaluate
from .instances import NoValue, Placement, explicit, placements, solve_constraints, split_conditions, variables_of
from .srepr import srepr_of
from .steps import Definition

__all__ = [
    "VERIFIER_VERSION",
    "Verdict",
    "Evidence",
    "Counterexample",
    "LinkReport",
    "ChainReport",
    "Context",
    "Settings",
    "verify_chain",
    "verify_link",
    "instance_form",
    "follows_from_evidence",
]

#: Bumped whenever a method changes what it accepts; part of every cache key and certificate.
VERIFIER_VERSION = "5"

DIGITS = 50


class Verdict(str, Enum):
    """The outcome of verifying a claim."""

    PROVED = "proved"
    CHECKED = "checked"
    UNKNOWN = "unknown"
    REFUTED = "refuted"

    def __str__(self) -> str:  # print(verdict) shows ``proved``, not ``Verdict.PROVED``
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)

    @property
    def mark(self) -> str:
        return {"proved": "\u2713", "checked": "\u2713?", "unknown": "?", "refuted": "\u2717"}[self.value]


_SEVERITY = {Verdict.PROVED: 0, Verdict.CHECKED: 1, Verdict.UNKNOWN: 2, Verdict.REFUTED: 3}


def worst(verdicts: Iterable[Verdict]) -> Verdict:
    """The least favourable verdict (refuted > unknown > checked > proved)."""
    return max(verdicts, key=_SEVERITY.__getitem__, default=Verdict.PROVED)


@dataclass(frozen=True)
class Evidence:
    """What one method found: ``outcome`` is pass, fail or error."""

    method: str
    outcome: str
    detail: str


@dataclass(frozen=True)
class Counterexample:
    """Concrete values at which the two sides differ."""

    k: int | None
    indices: tuple[tuple[str, int], ...]
    values: tuple[tuple[str, str], ...]
    lhs: str
    rhs: str

    def describe(self, size: str = "k") -> str:
        """``k = 2, i = 1, z[1] = 3/10: left = ..., right = ...``, the size under the letter ``size``."""
        parts = ([f"{size} = {self.k}"] if self.k is not None else []) + [f"{n} = {v}" for n, v in self.indices]
        parts += [f"{n} = {v}" for n, v in self.values]
        where = ", ".join(parts) + ": " if parts else ""  # 1 = 2 has nothing to name
        return f"{where}left = {self.lhs}, right = {self.rhs}"

    def as_dict(self) -> dict[str, object]:
        return {"k": self.k, "indices": dict(self.indices), "values": dict(self.values), "lhs": self.lhs, "rhs": self.rhs}


@dataclass(frozen=True)
class LinkReport:
    """The verdict on one equality ``lhs = rhs`` of a chain."""

    verdict: Verdict
    evidence: tuple[Evidence, ...]
    counterexample: Counterexample | None = None


@dataclass(frozen=True)
class ChainReport:
    """The verdicts on every link of a chain, and the chain's overall verdict."""

    links: tuple[LinkReport, ...]

    @property
    def verdict(self) -> Verdict:
        return worst(link.verdict for link in self.links)


@dataclass(frozen=True)
class Settings:
    """How hard to check: sizes for exact instances, numeric points per size, numeric sizes, and
    the further numeric sizes a link without a general proof must pass."""

    ks: tuple[int, ...] = (1, 2, 3, 4, 5, 6)
    numeric_ks: tuple[int, ...] = (2, 3, 5, 8)
    points: int = 3
    max_placements: int = 64
    more_ks: tuple[int, ...] = (7, 9, 10, 11, 12, 13, 17, 24)  #: numeric sizes for links without a general proof


@dataclass(frozen=True)
class Context:
    """What holds throughout: the symbolic size, the definitions and the standing assumptions."""

    size: Symbol | None
    definitions: tuple[Definition, ...] = ()
    assumptions: tuple[Basic, ...] = ()
    settings: Settings = field(default_factory=Settings)

    @property
    def defs(self) -> Definitions:
        return Definitions(self.definitions)


# --------------------------------------------------------------------------- symbolic


def _symbolic_form(expr: Expr, ctx: Context, index_rel: Sequence[Basic]) -> Expr:
    """Derivatives evaluated by SymPy, definitions unfolded, sums brought to a canonical form. At a
    fixed size (no size symbol) every sum with integer limits is written out before differentiating
    (plain differentiation of explicit expressions: faster, and no deltas to collapse)."""
    return _canonical_form(expr, ctx.defs, ctx.size, tuple(index_rel))


@lru_cache(maxsize=1024)
def _canonical_form(expr: Expr, defs: Definitions, size: Symbol | None, index_rel: tuple[Basic, ...]) -> Expr:
    """`_symbolic_form`, memoised (pure): consecutive steps share members (``dL/dz_i`` ends one
    step and starts the next), and each is brought to its form once."""
    e = evaluate_derivatives(expr, defs, explicit=size is None, split_logs=True)
    e = apply_index_conditions(e, index_rel)
    e = linearize_sums(e, size)
    e = apply_index_conditions(e, index_rel)
    return canonical_sums(e)


def _constraint_table(constraints: Sequence[Basic], ctx: Context, index_rel: Sequence[Basic]) -> dict[Basic, Expr]:
    table: dict[Basic, Expr] = {}
    for c in constraints:
        lhs = _symbolic_form(c.lhs, ctx, index_rel)
        rhs = _symbolic_form(c.rhs, ctx, index_rel)
        if is_zero_form(lhs - rhs):  # \sum_i softmax(x)_i = 1: true of itself, it constrains nothing
            continue
        if isinstance(lhs, Sum):
            table[lhs] = rhs
        elif isinstance(rhs, Sum):
            table[rhs] = lhs
        elif isinstance(lhs, Symbol) and not lhs.is_integer and not rhs.has(lhs):  # a parameter fixed: Eq(gamma, 0)
            table[lhs] = rhs
        else:
            raise NotImplementedError(f"constraint {c} is not of the form Sum(...) = value or parameter = value")
    return table


def _fixed_size_table(constraints: Sequence[Basic], ctx: Context, index_rel: Sequence[Basic]) -> dict[Basic, Expr]:
    """At a fixed size the forms are explicit (sums written out), so a constraint is solved for one
    variable; one that cannot be (a sum with symbolic limits) is used as for general k."""
    if not constraints:
        return {}
    try:
        return _solve(tuple(constraints), ctx.defs, None, Placement(1, ()))
    except ValueError:
        return _constraint_table(constraints, ctx, index_rel)


def _symbolic(members: Sequence[Expr], conditions: Sequence[Basic], ctx: Context) -> list[Evidence]:
    index_rel, constraints, other = split_conditions(conditions)
    what = "general k" if ctx.size is not None else "symbolic"
    try:
        if other:
            raise NotImplementedError(f"condition {other[0]} is not used by the symbolic method")
        table = _constraint_table(constraints, ctx, index_rel) if ctx.size is not None else _fixed_size_table(constraints, ctx, index_rel)
        forms = [_symbolic_form(m, ctx, index_rel).xreplace(table) for m in members]
        out = []
        for a, b in zip(forms, forms[1:]):
            if is_zero_form(a - b):
                out.append(Evidence("symbolic", "pass", f"{what}: the difference reduces to 0 by index calculus"))
            else:
                out.append(Evidence("symbolic", "fail", f"{what}: the difference does not reduce to 0"))
        return out
    except Exception as exc:  # noqa: BLE001 - a crashing method is evidence, never a pass
        detail = f"{what}: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
        return [Evidence("symbolic", "error", detail) for _ in members[1:]]


# --------------------------------------------------------------------------- instances


def _seed(members: Sequence[Expr], conditions: Sequence[Basic]) -> int:
    text = "\x00".join(srepr_of(m) for m in [*members, *conditions])
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def _free_indices(members: Sequence[Expr], conditions: Sequence[Basic], ctx: Context) -> list[Symbol]:
    found: set[Symbol] = set(ctx.defs.global_indices)  # an index a definition shares takes every value too
    for e in [*members, *conditions]:
        found |= free_indices(e)
    found.discard(ctx.size)  # type: ignore[arg-type]
    return sorted(found, key=lambda s: s.name)


def _placements_for(k: int, idx: Sequence[Symbol], index_rel: Sequence[Basic], limit: int, rng: random.Random) -> list[Placement]:
    every = list(placements(idx, k, index_rel))
    if len(every) <= limit:
        return every
    # Keep the extremes (first and last index values) and a deterministic random sample.
    keep = [p for p in every if all(v in (1, k) for _, v in p.indices)]
    rest = [p for p in every if p not in keep]
    return keep + rng.sample(rest, max(0, limit - len(keep)))


def _fmt(x: object) -> str:
    return mpmath.nstr(x, 12)


def _numbers(members: Sequence[Expr], conditions: Sequence[Basic], ctx: Context, rng: random.Random, salt: str = "",
             walker_only: bool = False) -> tuple[list[Evidence], list[Counterexample | None], list[Evidence], int]:
    """Run the exact and numeric methods over the instances; return per-link evidence. ``salt``
    changes the walker's numeric points (`derive.corroborate` draws fresh ones with it); ``rng``
    draws the placements sampled and the points of the explicit evaluation. ``walker_only``: an
    instance the walker cannot read is skipped (no evidence from it), not built explicitly."""
    index_rel, constraints, other = split_conditions(conditions)
    n_links = len(members) - 1
    if other:
        reason = f"condition {other[0]} cannot be imposed on instances"
        return [Evidence("exact", "error", reason)] * n_links, [None] * n_links, [Evidence("numeric", "error", reason)] * n_links, 0
    idx = _free_indices(members, conditions, ctx)
    exact_ok = [0] * n_links
    exact_bad: list[str | None] = [None] * n_links
    num_ok = [0] * n_links
    max_err = [0.0] * n_links
    counter: list[Counterexample | None] = [None] * n_links
    errors: list[str | None] = [None] * n_links  # exact method (and building the instance)
    num_errors: list[str | None] = [None] * n_links
    sizes = sorted(set(ctx.settings.ks) | set(ctx.settings.numeric_ks)) if ctx.size is not None else [0]
    checked_instances = 0
    for k in sizes:
        places = _placements_for(k, idx, index_rel, ctx.settings.max_placements, rng) if ctx.size is not None else list(placements(idx, 1, index_rel))
        for at in places:
            checked_instances += 1
            do_exact = ctx.size is None or k in ctx.settings.ks
            do_numeric = ctx.size is None or k in ctx.settings.numeric_ks or not do_exact
            # The walker first (no explicit SymPy expression built); it only ever contributes
            # passes: a link it cannot read or does not show equal is checked below as before.
            fast = _walked(members, constraints, ctx, at, do_exact, do_numeric, salt)
            if fast is None and walker_only:
                continue
            slow = list(range(n_links))
            if fast is not None:
                exact_same, point_errs = fast
                slow = []
                for n in range(n_links):
                    if (exact_same is not None and not exact_same[n]) or (point_errs is not None and None in point_errs[n]):
                        slow.append(n)
                        continue
                    if exact_same is not None:
                        exact_ok[n] += 1
                    if point_errs is not None:
                        num_ok[n] += len(point_errs[n])
                        max_err[n] = max([max_err[n], *point_errs[n]])
            if not slow:
                continue
            try:
                sol = solve_constraints(constraints, ctx.defs, ctx.size, at)
                forms = [explicit(m, ctx.defs, ctx.size, at).xreplace(sol) for m in members]
            except NoValue:  # no value at this size (0/0): no evidence either way
                continue
            except Exception as exc:  # noqa: BLE001
                for n in slow:
                    errors[n] = errors[n] or f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}"
                    num_errors[n] = num_errors[n] or errors[n]
                continue
            variables: dict[int, set[Basic]] = {}
            reader = ratfunc.Converter()  # one per instance: the members share subexpressions
            for n in slow:
                a, b = forms[n], forms[n + 1]
                if do_exact:
                    try:
                        # the fast canonical form first; what it cannot show goes to normal_form
                        if ratfunc.equal(a, b, reader) or is_zero_form(a - b):
                            exact_ok[n] += 1
                        else:
                            exact_bad[n] = exact_bad[n] or _where(at)
                            do_numeric = True
                    except Exception as exc:  # noqa: BLE001
                        errors[n] = errors[n] or f"{type(exc).__name__}: {str(exc)[:160]}"
                if do_numeric:
                    for m in (n, n + 1):  # each member's variables found once, not once per point
                        if m not in variables:
                            variables[m] = set(variables_of(forms[m], ctx.size))
                    names = sorted(variables[n] | variables[n + 1], key=str)
                    for _ in range(ctx.settings.points):
                        values = {v: Rational(rng.randint(1, 40), 20) for v in names}
                        try:
                            va, vb = evaluate(a, values, DIGITS), evaluate(b, values, DIGITS)
                        except Exception as exc:  # noqa: BLE001
                            num_errors[n] = num_errors[n] or f"{type(exc).__name__}: {str(exc)[:160]}"
                            continue
                        if not (mpmath.isfinite(va) and mpmath.isfinite(vb)):
                            continue  # log(1 - p) at p = 1: no value there, so no evidence either way
                        err, scale = abs(va - vb), 1 + abs(va) + abs(vb)
                        if err <= mpmath.mpf(10) ** (-(DIGITS - 15)) * scale:
                            num_ok[n] += 1
                            max_err[n] = max(max_err[n], float(err))
                        elif counter[n] is None:
                            counter[n] = Counterexample(
                                k=k if ctx.size is not None else None,
                                indices=tuple((s.name, v) for s, v in at.indices),
                                values=tuple((str(v), str(x)) for v, x in sorted(values.items(), key=lambda t: str(t[0]))),
                                lhs=_fmt(va),
                                rhs=_fmt(vb),
                            )
    exact_ev, num_ev = [], []
    for n in range(n_links):
        if exact_bad[n] is not None:
            exact_ev.append(Evidence("exact", "fail", f"not identically equal at {exact_bad[n]}"))
        elif errors[n] is not None and exact_ok[n] == 0:
            exact_ev.append(Evidence("exact", "error", errors[n] or ""))
        elif exact_ok[n] == 0:
            exact_ev.append(Evidence("exact", "error", "no instance satisfies the conditions"))
        elif errors[n] is not None:
            exact_ev.append(Evidence("exact", "error", f"{exact_ok[n]} instances agree, but one failed to evaluate: {errors[n]}"))
        else:
            exact_ev.append(Evidence("exact", "pass", f"{exact_ok[n]} instances agree exactly ({_span(ctx)}, every placement of {_names(idx)})"))
        if counter[n] is not None:
            num_ev.append(Evidence("numeric", "fail", f"counterexample at {counter[n].describe()}"))
        elif num_ok[n] == 0 or num_errors[n] is not None:
            num_ev.append(Evidence("numeric", "error", num_errors[n] or "no point evaluated"))
        else:
            num_ev.append(Evidence("numeric", "pass", f"{num_ok[n]} evaluations at random points agree to {DIGITS - 15} digits (largest difference {_fmt_err(max_err[n])})"))
    return exact_ev, counter, num_ev, checked_instances


def _walked(members: Sequence[Expr], constraints: Sequence[Basic], ctx: Context, at: Placement, do_exact: bool,
            do_numeric: bool, salt: str = "") -> tuple[list[bool] | None, list[list[float | None]] | None] | None:
    """The instance ``at`` by `derive.concrete`: per link, whether the exact rational functions are
    equal, and per numeric point the difference of the two sides (None where they differ). None
    when the walker cannot read a member (the caller then builds the explicit instance)."""
    try:
        sol = tuple(_solve(tuple(constraints), ctx.defs, ctx.size, _restricted(at, constraints)).items())
        env = dict(at.indices)
        same = None
        if do_exact:
            walker = _walker(ctx.defs, ctx.size, at.k, sol, None)
            values = [walker.value(m, env) for m in members]
            same = [walker.f.equal(a, b) for a, b in zip(values, values[1:])]
        errs = None
        if do_numeric:  # every point in one walk: a value is a tuple, one number per point
            walker = _walker(ctx.defs, ctx.size, at.k, sol, ctx.settings.points, salt)
            values = [walker.value(m, env) for m in members]
            errs = [walker.f.differences(xa, xb, DIGITS - 15) for xa, xb in zip(values, values[1:])]
        return same, errs
    except Exception:  # noqa: BLE001 - anything the walker cannot do is done the explicit way
        return None


def _restricted(at: Placement, constraints: Sequence[Basic]) -> Placement:
    """``at`` with only the indices the constraints mention (a constraint without free indices,
    such as ``sum_o y_o = 1``, has one solution per size, not one per placement)."""
    used: set[Basic] = set()
    for c in constraints:
        used |= free_indices(c)
    return at if all(s in used for s, _ in at.indices) else Placement(at.k, tuple((s, v) for s, v in at.indices if s in used))


@lru_cache(maxsize=256)
def _solve(constraints: tuple[Basic, ...], defs: Definitions, size: Symbol | None, at: Placement) -> dict[Basic, Expr]:
    return solve_constraints(constraints, defs, size, at)


_WALKERS: dict[tuple, concrete.Walker] = {}


def _walker(defs: Definitions, size: Symbol | None, k: int, sol: tuple, points: int | None, salt: str = "") -> concrete.Walker:
    """One walker per definitions, size, constraint solution and field (exact: ``points`` None;
    numeric: that many points), shared by every placement and every chain: its memo holds each
    subexpression's value, and the numeric points are a function of the variable and the size
    (`derive.concrete.NumericField`, with ``salt``), not of the chain or the order of the walks."""
    key = (defs, size, k, sol, points, salt)
    walker = _WALKERS.get(key)
    if walker is None:
        if sol:  # what does not mention the solved variables comes from the walker without them
            parent = _walker(defs, size, k, (), points, salt)
            walker = concrete.Walker(defs, size, k, parent.f, dict(sol), parent=parent)
        else:
            field = concrete.ExactField() if points is None else concrete.NumericField(points, salt=f"{salt}k={k}", digits=DIGITS)
            walker = concrete.Walker(defs, size, k, field)
        if len(_WALKERS) >= 64:
            _WALKERS.clear()
        _WALKERS[key] = walker
    return walker


def _fmt_err(x: float) -> str:
    return "0" if x == 0 else f"{x:.1e}"


def _span(ctx: Context) -> str:
    if ctx.size is None:
        return "direct evaluation"
    ks = ctx.settings.ks
    return f"{ctx.size} = {ks[0]}..{ks[-1]}" if list(ks) == list(range(ks[0], ks[-1] + 1)) else f"{ctx.size} in {set(ks)}"


def _names(idx: Sequence[Symbol]) -> str:
    return ", ".join(s.name for s in idx) if idx else "no free indices"


def _where(at: Placement) -> str:
    parts = [f"k = {at.k}"] + [f"{s.name} = {v}" for s, v in at.indices]
    return ", ".join(parts)


# --------------------------------------------------------------------------- verdicts


def _decide(sym: Evidence, exact: Evidence, num: Evidence, counter: Counterexample | None) -> Verdict:
    if num.outcome == "fail" and counter is not None:
        return Verdict.REFUTED
    independent = exact.outcome == "pass" and num.outcome == "pass"
    if sym.outcome == "pass" and independent:
        return Verdict.PROVED
    if independent and sym.outcome in ("fail", "error"):
        return Verdict.CHECKED
    return Verdict.UNKNOWN


def verify_chain(members: Sequence[Expr], conditions: Sequence[Basic], ctx: Context) -> ChainReport:
    """Verify every link ``members[n] = members[n + 1]`` under ``conditions`` and the context's
    assumptions."""
    if len(members) < 2:
        raise ValueError("a chain needs at least two members")
    conds = [*ctx.assumptions, *conditions]
    fixed = _fixed_size(conds, ctx)
    general = None
    if fixed is not None:  # Eq(k, N): an instance claim; every method works at that size
        general = _as_general_case(members, [c for c in conds if not _is_size_condition(c, ctx)], ctx, fixed)
    members, conds, ctx = instance_form(members, conditions, ctx)
    rng = random.Random(_seed(members, conds))
    sym = general if general is not None else _symbolic(members, conds, ctx)
    exact, counter, num, _ = _numbers(members, conds, ctx, rng)
    if ctx.size is not None and ctx.settings.more_ks and any(_decide(s, e, n, c) is Verdict.CHECKED for s, e, n, c in zip(sym, exact, num, counter)):
        num, counter = _more_sizes(members, conds, ctx, rng, sym, exact, num, counter)
    links = tuple(
        LinkReport(_decide(s, e, n, c), (s, e, n), c if _decide(s, e, n, c) is Verdict.REFUTED else None)
        for s, e, n, c in zip(sym, exact, num, counter)
    )
    return ChainReport(links)


def instance_form(members: Sequence[Expr], conditions: Sequence[Basic], ctx: Context
                  ) -> tuple[list[Expr], list[Basic], Context]:
    """The members, conditions (the assumptions included) and context the exact and numeric
    methods work with: under a size condition ``Eq(k, N)`` everything at that size, without a
    size symbol."""
    conds = [*ctx.assumptions, *conditions]
    fixed = _fixed_size(conds, ctx)
    if fixed is None:
        return list(members), conds, ctx
    at = {ctx.size: fixed}
    conds = [c.xreplace(at) for c in conds if not _is_size_condition(c, ctx)]
    defs = tuple(Definition(d.lhs, d.rhs.xreplace(at), d.name) for d in ctx.definitions)
    return [m.xreplace(at) for m in members], conds, Context(None, defs, (), ctx.settings)


def follows_from_evidence(link: LinkReport) -> bool:
    """Whether ``link``'s verdict is the one its evidence gives (symbolic, exact, numeric, in that
    order, and a counterexample exactly when refuted): a report that claims more than its evidence
    (a cache entry edited to say proved) does not."""
    if len(link.evidence) != 3 or [e.method for e in link.evidence] != ["symbolic", "exact", "numeric"]:
        return False
    if any(e.outcome not in ("pass", "fail", "error") for e in link.evidence):
        return False
    return _decide(*link.evidence, link.counterexample) is link.verdict and (link.counterexample is not None) == (link.verdict is Verdict.REFUTED)


def _more_sizes(members: Sequence[Expr], conds: Sequence[Basic], ctx: Context, rng: random.Random, sym: list[Evidence],
                exact: list[Evidence], num: list[Evidence], counter: list[Counterexample | None]
                ) -> tuple[list[Evidence], list[Counterexample | None]]:
    """Without a proof for general k, instances are all there is: before a link is called checked,
    its numbers are also compared at the sizes of `Settings.more_ks` and at two sizes above them
    drawn from the chain's seed (a claim made to hold at the listed sizes only, such as a
    polynomial in k with those roots, is refuted there)."""
    top = max(ctx.settings.more_ks)
    beyond = sorted(rng.sample(range(top + 1, 2 * top + 13), 2))  # sizes no fixed list names (drawn from the chain's seed)
    wider = Context(ctx.size, ctx.definitions, ctx.assumptions,
                    Settings(ks=(), numeric_ks=(*ctx.settings.more_ks, *beyond), points=1, max_placements=16, more_ks=()))
    _, more_counter, more_num, _ = _numbers(members, conds, wider, rng)
    num, counter = list(num), list(counter)
    for n, (s, e, v, c) in enumerate(zip(sym, exact, num, counter)):
        if _decide(s, e, v, c) is not Verdict.CHECKED:
            continue
        if more_counter[n] is not None:
            num[n], counter[n] = more_num[n], more_counter[n]
            continue
        sizes = ", ".join(str(k) for k in wider.settings.numeric_ks)
        if more_num[n].outcome == "pass":
            num[n] = Evidence("numeric", "pass", f"{v.detail}; without a general proof, also at k = {sizes}: {more_num[n].detail}")
        else:  # the check a checked link needs did not run: not checked
            num[n] = Evidence("numeric", "error", f"{v.detail}; without a general proof it must also agree at k = {sizes}, "
                                                  f"where it could not be evaluated: {more_num[n].detail}")
    return num, counter


def _as_general_case(members: Sequence[Expr], conds: Sequence[Basic], ctx: Context, n: int) -> list[Evidence] | None:
    """The symbolic method's evidence for an instance claim at size ``n`` shown at general k: each
    concrete index value (all in 1..n) becomes an index symbol (equal values one symbol, different
    values symbols that differ), the claim is proved for every k and every such choice of
    indices, and the instance is one of them. None unless every link is shown that way (the
    instance is then treated at its size, sums written out)."""
    values: set[int] = set()
    for e in [*members, *conds]:
        for ix in e.atoms(Indexed):
            values |= {int(v) for v in ix.indices if v.is_Integer}
    if not values or not all(1 <= v <= n for v in values):
        return None
    taken = set().union(*(names_in(e) for e in [*members, *conds]))  # symbols and array names: no clash
    cases: dict[int, Symbol] = {}
    for v in sorted(values):
        cases[v] = fresh_index(taken, ("i", "o", "j", "m", "n", "p", "q", "r"))
        taken.add(cases[v].name)
    swap = {ix: Indexed(ix.base, *(cases[int(v)] if v.is_Integer else v for v in ix.indices))
            for e in [*members, *conds] for ix in e.atoms(Indexed) if any(v.is_Integer for v in ix.indices)}
    distinct = [Ne(a, b) for a, b in itertools.combinations(cases.values(), 2)]
    found = _symbolic([m.xreplace(swap) for m in members], [*(c.xreplace(swap) for c in conds), *distinct], ctx)
    if not all(e.outcome == "pass" for e in found):
        return None
    where = ", ".join(f"{s} = {v}" for v, s in cases.items())
    return [Evidence("symbolic", "pass", f"{e.detail}; at {ctx.size} = {n} this is the case {where}") for e in found]


def _is_size_condition(c: Basic, ctx: Context) -> bool:
    return isinstance(c, Eq) and ctx.size is not None and c.lhs == ctx.size and c.rhs.is_Integer and c.rhs > 0


def _fixed_size(conds: Sequence[Basic], ctx: Context) -> int | None:
    values = {int(c.rhs) for c in conds if _is_size_condition(c, ctx)}
    if len(values) > 1:
        raise ValueError(f"conflicting sizes {sorted(values)}")
    return values.pop() if values else None


def verify_link(lhs: Expr, rhs: Expr, conditions: Sequence[Basic], ctx: Context) -> LinkReport:
    """Verify one equality ``lhs = rhs`` (see `verify_chain`)."""
    return verify_chain([lhs, rhs], conditions, ctx).links[0]
