"""The catalogue: every registered derivation is proved step by step, its certificate re-parses, and
planted errors are refuted with counterexamples.

The closed forms below are the textbook results each derivation is meant to reach (the brief of the
catalogue); they are compared structurally with what SymPy computed, never used to compute it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from functools import lru_cache

import pytest
from sympy import Derivative, Eq, Integer, KroneckerDelta, Ne, Sum, exp, log, srepr

from derive.produce import Produced, produce
from derive.registry import get, names
from derive.srepr import parse_srepr
from derive.verify import Context, Settings, Verdict, verify_chain

from conftest import ROOT

NAMES = names()


@lru_cache(maxsize=None)
def produced(name: str) -> Produced:
    return produce(name, None, ["json"])


@lru_cache(maxsize=None)
def built(name: str):
    return get(name).build()


#: Planted errors are refuted by a numeric counterexample; fewer sizes than the default suffice.
MUTANT_SETTINGS = Settings(ks=(1, 2, 3), numeric_ks=(2, 3, 5), points=3)


def context(name: str) -> Context:
    d = built(name)
    return Context(d.size, d.definitions, d.assumptions, MUTANT_SETTINGS)


def step(name: str, step_id: str):
    d = built(name)
    return {s.id: s for s in (*d.steps, d.result)}[step_id]


# --------------------------------------------------------------------------- the catalogue


def test_at_least_seven_derivations_are_listed():
    r = subprocess.run([sys.executable, "-m", "derive", "list", "--format", "json"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    listed = [row["name"] for row in json.loads(r.stdout)]
    assert len(listed) >= 7
    assert {"softmax-jacobian", "sigmoid-bce", "log-softmax-nll", "label-smoothing-ce",
            "temperature-softmax-ce", "mse-linear"} <= set(listed)


@pytest.mark.parametrize("name", NAMES)
def test_every_step_is_proved_by_all_three_methods(name):
    vd = produced(name).verified
    assert vd.verdict is Verdict.PROVED
    for vs in (*vd.steps, vd.result):
        for n, link in enumerate(vs.report.links, start=1):
            assert link.verdict is Verdict.PROVED, (vs.step.id, n, link.evidence)
            assert {e.method for e in link.evidence} == {"symbolic", "exact", "numeric"}
            assert all(e.outcome == "pass" for e in link.evidence), (vs.step.id, n, link.evidence)


@pytest.mark.parametrize("name", NAMES)
def test_every_chain_member_is_new(name):
    """No step repeats a member: each link is a transformation, not a restatement."""
    d = built(name)
    for s in d.steps:
        for a, b in s.links:
            assert a != b, (s.id, a)


# --------------------------------------------------------------------------- certificates


def _sreprs(cert: dict) -> list[str]:
    out = [cert["size"]] if cert["size"] is not None else []
    for df in cert["definitions"]:
        out += [df["lhs"], df["rhs"]]
    out += cert["assumptions"]
    for s in cert["steps"]:
        out += s["chain"] + s["conditions"]
    out += cert["result"]["chain"] + cert["result"]["conditions"]
    return out


@pytest.mark.parametrize("name", NAMES)
def test_certificate_reparses_and_round_trips(name):
    p = produced(name)
    cert = json.loads(p.files[f"{name}.json"])
    assert cert["derivation"] == name and cert["verdict"] == "proved"
    texts = _sreprs(cert)
    assert texts
    for text in texts:
        assert srepr(parse_srepr(text)) == text
    # The parsed chains are the derivation's own expressions, member by member.
    d = p.verified.derivation
    for s, c in zip(d.steps, cert["steps"]):
        assert c["id"] == s.id
        assert [parse_srepr(t) for t in c["chain"]] == list(s.chain)
        assert [parse_srepr(t) for t in c["conditions"]] == list(s.conditions)
    assert [parse_srepr(t) for t in cert["result"]["chain"]] == list(d.result.chain)


# --------------------------------------------------------------------------- closed forms


def _closed_forms():
    from derive.derivations import (focal_loss as fl, log_softmax_nll as lsn, mse_linear as mse,
                                    sigmoid_bce as sb, temperature_softmax_ce as tsc)
    from derive.symbols import array, index, size

    k = size("k")
    i, o, j = index("i"), index("o"), index("j")
    z, y, yhat = array("z"), array("y"), array("yhat")
    s = sb.sigma(sb.z)
    S = Sum(exp(z[j]), (j, 1, k))
    return {
        ("sigmoid-bce", "sigmoid-derivative"): s * (1 - s),
        ("sigmoid-bce", "result"): s - sb.y,
        ("temperature-softmax-ce", "result"): (yhat[i] - y[i]) / tsc.T,
        ("mse-linear", "gradient-bias"): mse.yhat - mse.y,
        ("mse-linear", "result"): (mse.yhat - mse.y) * mse.x[mse.j],
        ("softmax-jacobian", "jacobian-same"): yhat[o] * (1 - yhat[o]),
        ("softmax-jacobian", "jacobian-other"): -yhat[o] * yhat[i],
        ("softmax-jacobian", "result"): yhat[o] * (KroneckerDelta(i, o) - yhat[i]),
        ("softmax-jacobian", "softmax-sums-to-one"): 1,
        ("softmax-jacobian", "columns-sum-to-zero"): 0,
        ("softmax-jacobian", "rows-sum-to-zero"): 0,
        ("log-softmax-nll", "log-softmax"): z[o] - log(S),
        ("log-softmax-nll", "shift"): lsn.m + log(Sum(exp(z[j] - lsn.m), (j, 1, k))),
        ("log-softmax-nll", "shift-independent"): 0,
        ("log-softmax-nll", "result"): yhat[i] - y[i],
        ("label-smoothing-ce", "smoothed-labels-sum-to-one"): 1,
        ("label-smoothing-ce", "result"): yhat[i] - y[i],
        ("kl-divergence", "result"): yhat[i] - y[i],
        ("focal-loss", "result"): fl.gamma * s * (1 - s) ** fl.gamma * log(s) - (1 - s) ** (fl.gamma + 1),
        ("focal-loss", "no-focusing"): s - 1,
    }


CLOSED_FORMS = _closed_forms()


@pytest.mark.parametrize("key", list(CLOSED_FORMS), ids="/".join)
def test_derivation_reaches_the_textbook_form(key):
    assert step(*key).chain[-1] == CLOSED_FORMS[key]


# --------------------------------------------------------------------------- planted errors


def _mutants():
    from derive.derivations import (focal_loss as fl, kl_divergence as kl, label_smoothing_ce as ls,
                                    log_softmax_nll as lsn, mse_linear as mse, sigmoid_bce as sb,
                                    temperature_softmax_ce as tsc)
    from derive.symbols import array, index, scalar, size

    k = size("k")
    i, o, j = index("i"), index("o"), index("j")
    z, y, yhat, t = array("z"), array("y"), array("yhat"), array("t")
    L = scalar("L")
    s = sb.sigma(sb.z)
    S = Sum(exp(z[j]), (j, 1, k))
    labels = Eq(Sum(y[o], (o, 1, k)), 1, evaluate=False)
    t_labels = Eq(Sum(t[o], (o, 1, k)), 1, evaluate=False)
    jac = Derivative(yhat[o], z[i])
    fs = fl.sigma(fl.z)
    return {
        # name: (derivation, chain, conditions)
        "sigmoid derivative without 1 - sigma": ("sigmoid-bce", (Derivative(s, sb.z), s), ()),
        "bce gradient with the sign flipped": ("sigmoid-bce", (Derivative(sb.L, sb.z), sb.y - s), ()),
        "bce loss derivative, second sign flipped": (
            "sigmoid-bce", (Derivative(sb.L, s), -(1 - sb.y) / (1 - s) - sb.y / s), ()),
        "temperature forgotten": ("temperature-softmax-ce", (Derivative(L, z[i]), yhat[i] - y[i]), (labels,)),
        "T instead of 1/T": ("temperature-softmax-ce", (Derivative(L, z[i]), (yhat[i] - y[i]) * tsc.T), (labels,)),
        "temperature Jacobian without 1/T": ("temperature-softmax-ce", (jac, yhat[o] * (1 - yhat[o])), (Eq(i, o),)),
        "weight gradient without its input": ("mse-linear", (Derivative(mse.L, mse.w[mse.j]), mse.yhat - mse.y), ()),
        "squared error without the half": ("mse-linear", (Derivative(mse.L, mse.yhat), 2 * (mse.yhat - mse.y)), ()),
        "prediction derivative picks the wrong input": (
            "mse-linear", (Derivative(mse.yhat, mse.w[mse.j]), mse.x[1]), ()),
        "Jacobian without the delta": ("softmax-jacobian", (jac, -yhat[o] * yhat[i]), ()),
        "Case 2 formula under i = o": ("softmax-jacobian", (jac, -yhat[o] * yhat[i]), (Eq(i, o),)),
        "Case 1 formula under i != o": ("softmax-jacobian", (jac, yhat[o] * (1 - yhat[o])), (Ne(i, o),)),
        "columns sum to one": ("softmax-jacobian", (Sum(jac, (o, 1, k)), Integer(1)), ()),
        "log-sum-exp added, not subtracted": ("log-softmax-nll", (log(yhat[o]), z[o] + log(S)), ()),
        "shift with the wrong sign": ("log-softmax-nll", (log(S), -lsn.m + log(Sum(exp(z[j] - lsn.m), (j, 1, k)))), ()),
        "stable log-softmax forgetting m": (
            "log-softmax-nll", (log(yhat[o]), z[o] - log(Sum(exp(z[j] - lsn.m), (j, 1, k)))), ()),
        "NLL gradient without the constraint": ("log-softmax-nll", (Derivative(L, z[i]), yhat[i] - y[i]), ()),
        "smoothing by epsilon instead of epsilon/k": (
            "label-smoothing-ce", (Sum((1 - ls.eps) * t[o] + ls.eps, (o, 1, k)), Integer(1)), (t_labels,)),
        "gradient against the unsmoothed labels": (
            "label-smoothing-ce", (Derivative(L, z[i]), yhat[i] - t[i]), (t_labels,)),
        "KL gradient keeps the entropy": (
            "kl-divergence", (Derivative(kl.D, z[i]), yhat[i] - y[i] + y[i] * log(y[i])), (labels,)),
        "KL gradient with the sign flipped": ("kl-divergence", (Derivative(kl.D, z[i]), y[i] - yhat[i]), (labels,)),
        "focal gradient without the log term": ("focal-loss", (Derivative(fl.FL, fl.z), -(1 - fs) ** (fl.gamma + 1)), ()),
        "focal exponent not raised": (
            "focal-loss", (Derivative(fl.FL, fl.z), fl.gamma * fs * (1 - fs) ** fl.gamma * log(fs) - (1 - fs) ** fl.gamma), ()),
        "focal gradient at gamma = 1 claimed to be the BCE one": (
            "focal-loss", (Derivative(fl.FL, fl.z), fs - 1), (Eq(fl.gamma, 1),)),
    }


MUTANTS = _mutants()


def test_every_catalogue_derivation_has_a_specific_planted_error():
    assert {m[0] for m in MUTANTS.values()} >= set(NAMES) - {"softmax-ce"}  # softmax-ce: tests/test_softmax_ce.py


def _assert_refuted(name, chain, conditions):
    report = verify_chain(chain, conditions, context(name))
    assert report.verdict is Verdict.REFUTED, [link.evidence for link in report.links]
    cex = [link.counterexample for link in report.links if link.counterexample is not None]
    assert cex, "a refuted link must carry a counterexample"
    assert (cex[0].k is None) == (built(name).size is None)
    assert cex[0].lhs != cex[0].rhs


@pytest.mark.parametrize("mutant", list(MUTANTS))
def test_planted_error_is_refuted_with_a_counterexample(mutant):
    name, chain, conditions = MUTANTS[mutant]
    _assert_refuted(name, chain, conditions)


@pytest.mark.parametrize("name", NAMES)
def test_result_doubled_is_refuted(name):
    """A planted error for every registered derivation, whatever it is: the result off by a factor 2."""
    result = built(name).result
    lhs, rhs = result.chain[0], result.chain[-1]
    _assert_refuted(name, (lhs, 2 * rhs), result.conditions)
