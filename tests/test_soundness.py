"""Soundness: errors planted in every registered derivation are refuted; correct claims never are.

For every derivation registered when the suite runs (general k, and its instance at each committed
k), `derive.mutate` plants single errors into each step's members and conditions. `derive.oracle`
(SymPy's own diff/solve/evalf, sharing no code with the verifier) decides which mutants are
actually wrong. Each wrong mutant must be refuted by the verifier (`verify_chain`, default
settings); a mutant the oracle finds still correct must not be refuted (a false alarm), nor may
any original step.

``DERIVE_SOUNDNESS_MUTANTS`` sets how many mutants are drawn (deterministically, stratified by
derivation, step and kind; default 120); ``0`` runs every mutant of the catalogue.
"""

from __future__ import annotations

import ast
import math
import multiprocessing
import os
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from derive_cache import session_cache_dir

BUDGET = int(os.environ.get("DERIVE_SOUNDNESS_MUTANTS", "120"))

_JOBS: list[tuple[Any, Any, Any]] = []  # (members, conditions, context): read by forked workers
_CACHE: list[Path] = []  # the session cache, for the original steps only (mutants are always verified afresh)
_ORIGINALS: list[int] = [0]


def _work(n: int) -> tuple[int, str, str]:
    from derive.cache import Cache, cached_verify_chain, using
    from derive.verify import verify_chain

    members, conditions, ctx = _JOBS[n]
    if n < _ORIGINALS[0]:
        with using(Cache(_CACHE[0])):
            report = cached_verify_chain(members, conditions, ctx)
    else:
        report = verify_chain(members, conditions, ctx)
    counters = [link.counterexample.describe() for link in report.links if link.counterexample]
    return n, report.verdict.value, counters[0] if counters else ""


def _run_all(jobs: list[tuple[Any, Any, Any]], originals: int, cache: Path) -> list[tuple[str, str]]:
    _JOBS[:] = jobs
    _CACHE[:] = [cache]
    _ORIGINALS[0] = originals
    workers = max(1, min(4, os.cpu_count() or 1))
    out: list[tuple[str, str]] = [("", "")] * len(jobs)
    if workers == 1 or len(jobs) < 4:
        results = map(_work, range(len(jobs)))
        for n, verdict, counter in results:
            out[n] = (verdict, counter)
        return out
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for n, verdict, counter in pool.imap_unordered(_work, range(len(jobs))):
            out[n] = (verdict, counter)
    return out


@dataclass
class Outcome:
    derivation: str
    mutant: Any
    judgement: Any
    verdict: str = ""
    counterexample: str = ""


def _claims(entry: Any, ks: list[int]) -> tuple[Any, list[Any]]:
    d = entry.build()
    steps = [*d.steps, d.result]
    for k in ks:
        steps.extend(entry.instance(k).steps)
    return d, steps


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from derive.mutate import mutants, sample
    from derive.oracle import judge
    from derive.registry import entries
    from derive.runs import committed_ks
    from derive.verify import Context, Settings

    start = time.monotonic()
    registered = entries()
    ks = committed_ks(ROOT / "output", [e.name for e in registered])
    per_derivation = math.ceil(BUDGET / len(registered)) if BUDGET > 0 else 10**9
    outcomes: list[Outcome] = []
    jobs: list[tuple[Any, Any, Any]] = []
    originals: list[tuple[str, str]] = []
    pool_size = 0
    for entry in registered:
        d, steps = _claims(entry, ks[entry.name] if entry.instance_target is not None else [])
        ctx = Context(d.size, d.definitions, d.assumptions, Settings())
        by_id = {s.id: s for s in steps}
        for s in steps:
            originals.append((d.name, s.id))
            jobs.append((s.chain, s.conditions, ctx))
        pool = [m for s in steps for m in mutants(s.id, s.chain, s.conditions, d.size)]
        pool_size += len(pool)
        for m in sample(pool, per_derivation):
            original = by_id[m.step]
            if m.position is None:
                pairs = list(zip(m.chain, m.chain[1:]))
            else:
                pairs = [(original.chain[m.position], m.chain[m.position])]
            seed = int(m.digest[:8], 16)
            outcomes.append(Outcome(d.name, m, judge(pairs, m.conditions, d.definitions, d.size, seed)))
    decided = [o for o in outcomes if o.judgement.outcome != "undecided"]
    for o in decided:
        m = o.mutant
        if m.position is None:
            members = m.chain  # a condition changed: every link is a claim under it
        elif m.position == 0:
            members = m.chain[:2]
        else:
            members = m.chain[m.position - 1:m.position + 1]  # the link into the mutated member
        ctx = next(j[2] for j, (name, _) in zip(jobs, originals) if name == o.derivation)
        jobs.append((members, m.conditions, ctx))
    results = _run_all(jobs, len(originals), session_cache_dir(tmp_path_factory))
    original_results = results[:len(originals)]
    for o, (verdict, counter) in zip(decided, results[len(originals):]):
        o.verdict, o.counterexample = verdict, counter
    wrong = [o for o in decided if o.judgement.outcome == "differs"]
    still_right = [o for o in decided if o.judgement.outcome == "equal"]
    refuted = [o for o in wrong if o.verdict == "refuted"]
    alarms = [o for o in still_right if o.verdict == "refuted"]
    original_refuted = [f"{n}/{s}" for (n, s), (v, _) in zip(originals, original_results) if v == "refuted"]
    seconds = time.monotonic() - start
    summary = (
        f"soundness: {len(refuted)}/{len(wrong)} wrong mutants refuted, {len(alarms)} false alarms "
        f"({len(still_right)} mutants still correct, {len(outcomes) - len(decided)} undecided by the oracle; "
        f"{len(originals)} original steps, {len(original_refuted)} refuted) over {len(registered)} derivations; "
        f"{len(outcomes)} of {pool_size} mutants drawn (DERIVE_SOUNDNESS_MUTANTS={BUDGET}), {seconds:.0f}s"
    )
    return {
        "summary": summary, "outcomes": outcomes, "wrong": wrong, "refuted": refuted, "alarms": alarms,
        "still_right": still_right, "original_refuted": original_refuted, "registered": [e.name for e in registered],
        "originals": originals, "original_results": original_results,
    }


def _describe(o: Outcome) -> str:
    m = o.mutant
    return f"{o.derivation}/{m.step} [{m.kind}] {m.description[:120]}: oracle {o.judgement.outcome} ({o.judgement.detail}), verifier {o.verdict} {o.counterexample}"


def test_summary(campaign, capsys):
    with capsys.disabled():
        print("\n" + campaign["summary"])
    assert campaign["wrong"], "the oracle found no wrong mutant: the campaign would prove nothing"


def test_no_original_step_is_refuted(campaign):
    assert campaign["original_refuted"] == []
    assert len(campaign["original_results"]) == len(campaign["originals"]) > 0


def test_every_wrong_mutant_is_refuted(campaign):
    missed = [_describe(o) for o in campaign["wrong"] if o.verdict != "refuted"]
    assert not missed, f"{len(missed)} wrong mutants not refuted:\n" + "\n".join(missed)


def test_no_wrong_mutant_passes(campaign):
    """Stronger than refuted-or-not: not one wrong mutant is reported proved or checked."""
    passed = [_describe(o) for o in campaign["wrong"] if o.verdict in ("proved", "checked")]
    assert not passed, "\n".join(passed)


def test_no_false_alarm_on_mutants_that_are_still_correct(campaign):
    alarms = [_describe(o) for o in campaign["alarms"]]
    assert not alarms, f"{len(alarms)} correct claims refuted:\n" + "\n".join(alarms)


def test_every_derivation_and_kind_is_exercised(campaign):
    wrong_by_derivation = Counter(o.derivation for o in campaign["wrong"])
    assert set(wrong_by_derivation) == set(campaign["registered"]), wrong_by_derivation
    kinds = Counter(o.mutant.kind for o in campaign["wrong"])
    for kind in ("sign", "drop-term", "duplicate-term", "factor", "exponent"):
        assert kinds[kind] > 0, kinds


# --------------------------------------------------------------------------- the tools themselves


def test_oracle_shares_no_code_with_the_verifier():
    tree = ast.parse((ROOT / "derive" / "oracle.py").read_text())
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not imported & {"verify", "calculus", "instances", "numeric", "derive.verify", "derive.calculus"}, imported


def test_oracle_tells_a_wrong_identity_from_a_right_one():
    from sympy import Derivative, Eq, Ne, Sum, exp

    from derive.oracle import judge
    from derive.steps import Definition
    from derive.symbols import array, index, size

    k, i, o, j = size("k"), index("i"), index("o"), index("j")
    z, yhat = array("z"), array("yhat")
    softmax = Definition(yhat[o], exp(z[o]) / Sum(exp(z[j]), (j, 1, k)))
    right = (Derivative(yhat[o], z[i]), -yhat[o] * yhat[i])
    assert judge([right], [Ne(i, o)], [softmax], k).outcome == "equal"
    assert judge([right], [], [softmax], k).outcome == "differs"  # the i = o case is different
    assert judge([right], [Eq(i, o)], [softmax], k).outcome == "differs"
    assert judge([(Derivative(yhat[o], z[o]), yhat[o] * (1 - yhat[o]))], [], [softmax], k).outcome == "equal"


def test_mutants_cover_every_kind_and_never_repeat_the_original():
    from sympy import Eq, Ne, Sum, exp

    from derive.mutate import mutants
    from derive.symbols import array, index, size

    k, i, o = size("k"), index("i"), index("o")
    y, yhat, z = array("y"), array("yhat"), array("z")
    chain = (yhat[i] * Sum(y[o], (o, 1, k)) - y[i] + exp(z[i]) ** 2, yhat[i] - y[i] + exp(2 * z[i]))
    found = mutants("s", chain, (Eq(Sum(y[o], (o, 1, k)), 1), Ne(i, o)), k)
    kinds = {m.kind for m in found}
    assert kinds == {"sign", "drop-term", "duplicate-term", "swap-indices", "exponent", "factor", "sum-range",
                     "missing-condition", "wrong-condition", "wrong-constraint"}
    assert all(m.chain != chain or m.conditions != (Eq(Sum(y[o], (o, 1, k)), 1), Ne(i, o)) for m in found)
    assert len({(m.chain, m.conditions) for m in found}) == len(found)


def test_sample_is_deterministic_and_stratified():
    from sympy import Symbol

    from derive.mutate import mutants, sample

    x = Symbol("x")
    pool = mutants("a", (x ** 2 + 3 * x + 1, (x + 1) ** 2 + x), ()) + mutants("b", (x + 2, 2 + x), ())
    one, two = sample(pool, 7), sample(list(reversed(pool)), 7)
    assert [m.digest for m in one] == [m.digest for m in two]
    assert {m.step for m in one} == {"a", "b"} and len(one) == 7
    assert sample(pool, len(pool) + 5) == sorted(pool, key=lambda m: m.digest)

