"""A cached verdict corroborated, on every hit, by a fresh and cheap independent check.

The cache (`derive.cache`) is a folder anyone with write access can edit, or a store restored in
CI from another branch. Before a cached report is used, `corroborate` checks it against the chain
itself, at points the entry cannot choose:

- every link's verdict must be the one its own evidence gives (`derive.verify.follows_from_evidence`);
- a refuted link: its counterexample is evaluated again (explicit instance, 50 digits); the two
  sides must differ there;
- any other link: the numeric method at new random points, at two sizes drawn for the run (one
  of `Settings.numeric_ks`, one of `Settings.more_ks`; the direct evaluation without a size), and
  the exact method at the smallest size of `Settings.ks` above 1: the sides must agree wherever they can be
  evaluated, and a proved or checked link must be evaluated somewhere. The instances are walked
  (`derive.concrete`); those the walker cannot read are skipped, and built explicitly (at the
  smaller numeric size) only when a proved or checked link was evaluated nowhere else.

The points, sizes and placements come from the *run seed*: fresh OS randomness per process, or
``$DERIVE_CORROBORATION_SEED`` (a non-negative integer) to repeat a run. They never reach a report,
a certificate or a generated file: a corroborated report is used exactly as it was stored.
"""

from __future__ import annotations

import os
import random
import re
import secrets
from collections.abc import Sequence
from fractions import Fraction
from functools import lru_cache

import mpmath
from sympy import Basic, Expr, Rational

from .errors import UsageError
from .instances import Placement, _holds, explicit, solve_constraints, split_conditions, variables_of
from .numeric import evaluate
from .verify import (
    DIGITS,
    ChainReport,
    Context,
    Counterexample,
    Settings,
    Verdict,
    _free_indices,
    _numbers,
    _seed,
    follows_from_evidence,
    instance_form,
)

__all__ = ["SEED_ENV", "run_seed", "corroborate"]

SEED_ENV = "DERIVE_CORROBORATION_SEED"

#: A counterexample value as the verifier writes it (``3/10``, ``-2``); anything else is not read.
_VALUE = re.compile(r"-?[0-9]{1,30}(/[0-9]{1,30})?")
_MAX_K = 300


@lru_cache(maxsize=1)
def run_seed() -> int:
    """This process's seed: ``$DERIVE_CORROBORATION_SEED``, else 64 fresh random bits."""
    text = os.environ.get(SEED_ENV, "").strip()
    if not text:
        return secrets.randbits(64)
    if not text.isascii() or not text.isdigit() or len(text) > 30:
        raise UsageError(f"{SEED_ENV} must be a non-negative integer, got {text[:40]!r}")
    return int(text)


def corroborate(members: Sequence[Expr], conditions: Sequence[Basic], ctx: Context, report: ChainReport) -> str | None:
    """None when the cached ``report`` of ``verify_chain(members, conditions, ctx)`` agrees with a
    fresh check; else the reason it does not (the caller then discards it and verifies afresh)."""
    links = report.links
    if len(links) != len(members) - 1:
        return "the entry has the wrong number of links"
    for n, link in enumerate(links, start=1):
        if not follows_from_evidence(link):
            return f"link {n}: the verdict {link.verdict.value} does not follow from its evidence"
    at_members, conds, at_ctx = instance_form(members, conditions, ctx)
    for n, link in enumerate(links):
        if link.counterexample is not None and not _still_differs(at_members[n], at_members[n + 1], link.counterexample, conds, at_ctx):
            return f"link {n + 1}: the recorded counterexample ({link.counterexample.describe()}) does not show the sides differ"
    todo = [n for n, link in enumerate(links) if link.verdict is not Verdict.REFUTED]
    if not todo:
        return None
    rng = random.Random(f"{run_seed()}\x00{_seed(at_members, conds)}")  # the placements, the explicit points
    numeric: tuple[int, ...] = (0,)
    exact_at: tuple[int, ...] = ()
    if at_ctx.size is not None:
        numeric, exact_at = _run_sizes(ctx.settings)
    salt = f"corroborate {run_seed()} "

    def run(ks: tuple[int, ...], numeric_ks: tuple[int, ...], walker_only: bool) -> tuple:
        fresh = Context(at_ctx.size, at_ctx.definitions, (), Settings(ks=ks, numeric_ks=numeric_ks, points=2, max_placements=2, more_ks=()))
        return _numbers(at_members, conds, fresh, rng, salt=salt, walker_only=walker_only)

    if at_ctx.size is None:  # one direct evaluation: both methods at once
        exact, counter, num, _ = run((0,), (0,), True)
    else:  # apart, so that an instance the exact walker cannot read still gets its numbers
        exact = run(exact_at, (), True)[0] if exact_at else [None] * len(links)
        _, counter, num, _ = run((), numeric, True)
    if any(links[n].verdict is not Verdict.UNKNOWN and num[n].outcome != "pass" and counter[n] is None for n in todo):
        # the walker could not read an instance (a symbolic exponent, a logarithm of a negative
        # value at these points): the explicit instances, as the numeric method does
        _, counter, num, _ = run((0,) if at_ctx.size is None else (), numeric[:1], False)
    for n in todo:
        verdict = links[n].verdict
        if counter[n] is not None:
            return f"link {n + 1} (cached {verdict.value}): the sides differ at {counter[n].describe()}"
        if exact[n] is not None and exact[n].outcome == "fail" and verdict is not Verdict.UNKNOWN:  # an honest unknown may have failed exactly
            return f"link {n + 1} (cached {verdict.value}): exact: {exact[n].detail}"
        if verdict is not Verdict.UNKNOWN and num[n].outcome != "pass":
            return f"link {n + 1} (cached {verdict.value}): the fresh numeric check could not be made: {num[n].detail}"
    return None


@lru_cache(maxsize=8)
def _run_sizes(s: Settings) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The numeric sizes of this run (one of ``numeric_ks``, one of ``more_ks``), drawn once from
    the run seed so that every chain at a size shares one walker and its memo, and the exact size
    (the smallest of ``ks`` above 1: the exact method has no points to draw)."""
    rng = random.Random(f"{run_seed()}\x00sizes")
    numeric = {rng.choice(s.numeric_ks)} if s.numeric_ks else set()
    numeric |= {rng.choice(s.more_ks)} if s.more_ks else set()
    return tuple(sorted(numeric)) or tuple(s.ks[-1:]), (min([k for k in s.ks if k > 1] or list(s.ks)),) if s.ks else ()


def _still_differs(a: Expr, b: Expr, c: Counterexample, conds: Sequence[Basic], ctx: Context) -> bool:
    """Whether ``a`` and ``b`` differ at the counterexample ``c`` (evaluated afresh, explicitly)."""
    index_rel, constraints, other = split_conditions(conds)
    if other:
        return False
    idx = {s.name: s for s in _free_indices([a, b], conds, ctx)}
    if ctx.size is None:
        if c.k is not None:
            return False
        k = 1
    else:
        if c.k is None or not 1 <= c.k <= _MAX_K:
            return False
        k = c.k
    if {name for name, _ in c.indices} != set(idx) or len(c.indices) != len(idx):
        return False
    at = Placement(k, tuple(sorted(((idx[name], v) for name, v in c.indices), key=lambda t: t[0].name)))
    if not all(1 <= v <= k for _, v in at.indices) or not all(_holds(r, at.as_dict()) for r in index_rel):
        return False
    given: dict[str, Rational] = {}
    for name, text in c.values:
        if not _VALUE.fullmatch(text):
            return False
        f = Fraction(text)
        given[name] = Rational(f.numerator, f.denominator)
    sol = solve_constraints(constraints, ctx.defs, ctx.size, at)
    forms = [explicit(m, ctx.defs, ctx.size, at).xreplace(sol) for m in (a, b)]
    names = set(variables_of(forms[0], ctx.size)) | set(variables_of(forms[1], ctx.size))
    if any(str(v) not in given for v in names):
        return False
    values = {v: given[str(v)] for v in names}
    va, vb = evaluate(forms[0], values, DIGITS), evaluate(forms[1], values, DIGITS)
    return bool(abs(va - vb) > mpmath.mpf(10) ** (-(DIGITS - 15)) * (1 + abs(va) + abs(vb)))
