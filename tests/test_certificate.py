"""The certificates re-check with SymPy alone, independently of derive's own verifier.

This checker uses only SymPy's own operations (``subs``, ``doit``, ``diff``, ``evalf``): each
step's chain is rebuilt from its srepr text (parsed without eval), the definitions are substituted
at concrete k and index values, and consecutive members are compared at random points.
"""

from __future__ import annotations

import itertools
import json
import random

import pytest
from sympy import Derivative, Eq, Indexed, Ne, Rational, Sum, Symbol, diff, exp, log, srepr

from derive.srepr import CertificateError, parse_srepr


def _definitions(cert):
    return [(parse_srepr(d["lhs"]), parse_srepr(d["rhs"])) for d in cert["definitions"]]


def _unfold(expr, defs, keep=()):
    """Substitute definitions until none is left (keeping those whose base is in keep)."""
    for _ in range(10):
        before = expr
        for lhs, rhs in defs:
            if isinstance(lhs, Indexed):
                if lhs.base in keep:
                    continue
                expr = expr.replace(lambda e, b=lhs.base: isinstance(e, Indexed) and e.base == b,
                                    lambda e, l=lhs, r=rhs: r.xreplace(dict(zip(l.indices, e.indices))))
            elif lhs not in keep:
                expr = expr.xreplace({lhs: rhs})
        if expr == before:
            return expr
    return expr


def _explicit(expr, defs, k_sym, kv, env):
    """Concrete: derivatives evaluated by SymPy's diff on doit()-expanded expressions."""
    expr = expr.xreplace({k_sym: kv}).xreplace(env)
    defs_k = [(lhs, rhs.xreplace({k_sym: kv})) for lhs, rhs in defs]

    def ev(e):
        if isinstance(e, Derivative):
            var = e.variables[0]
            keep = {var.base} if isinstance(var, Indexed) and any(var.base == l.base for l, _ in defs_k if isinstance(l, Indexed)) else set()
            body = _unfold(ev(e.expr), defs_k, keep).doit()
            return diff(body, *e.variables)
        if not e.args:
            return e
        return e.func(*[ev(a) for a in e.args])

    return _unfold(ev(expr), defs_k).doit()


def _recheck(cert, ks=(2, 3, 4), points=2):
    defs = _definitions(cert)
    k_sym = Symbol("k", integer=True, positive=True)
    rng = random.Random(0)
    checked = 0
    for step in [*cert["steps"], {"id": "result", **cert["result"]}]:
        chain = [parse_srepr(m) for m in step["chain"]]
        conds = [parse_srepr(c) for c in step["conditions"]]
        fixed = [int(c.rhs) for c in conds if isinstance(c, Eq) and c.lhs == k_sym]
        idx = sorted({s for m in [*chain, *conds] for s in m.atoms(Symbol) if s.is_integer and s != k_sym
                      and not any(s in lim[:1] for ss in m.atoms(Sum) for lim in ss.limits)}, key=str)
        for kv in fixed or ks:
            for values in itertools.product(range(1, kv + 1), repeat=len(idx)):
                env = dict(zip(idx, values))
                ok = True
                constraint = {}
                for c in conds:
                    c2 = c.xreplace({k_sym: kv}).xreplace(env)
                    if isinstance(c, (Eq, Ne)) and c.lhs == k_sym:
                        continue
                    if isinstance(c, Eq) and c.lhs.has(Sum):
                        lhs = c2.lhs.doit()
                        last = sorted(lhs.atoms(Indexed), key=str)[-1]
                        constraint[last] = c2.rhs - (lhs - last)
                    elif c2 in (True, False) or c2.is_Relational is False:
                        ok = ok and bool(c2)
                    else:
                        ok = ok and bool(c2)
                if not ok:
                    continue
                forms = [_explicit(m, defs, k_sym, kv, env).xreplace(constraint) for m in chain]
                for _ in range(points):
                    free = sorted(set().union(*[f.atoms(Indexed) for f in forms]), key=str)
                    point = {v: Rational(rng.randint(1, 30), 10) for v in free}
                    vals = [f.xreplace(point).evalf(40) for f in forms]
                    for a, b in zip(vals, vals[1:]):
                        assert abs(a - b) < 1e-25, (step["id"], kv, env, a, b)
                    checked += 1
    return checked


@pytest.mark.parametrize("which", ["general", "k3"])
def test_certificate_rechecks_with_sympy_alone(which, produced_general, produced_k3):
    produced = produced_general if which == "general" else produced_k3
    name = "softmax-ce.json" if which == "general" else "softmax-ce-k3.json"
    cert = json.loads(produced.files[name])
    assert cert["schema"] == "derive/derivation-v1"
    assert cert["k"] == (None if which == "general" else 3)
    assert all(s["verdict"] == "proved" for s in cert["steps"])
    assert _recheck(cert) > 50


def test_result_equals_the_gradient_computed_independently(produced_general):
    cert = json.loads(produced_general.files["softmax-ce.json"])
    result = parse_srepr(cert["result"]["chain"][-1])
    for kv in (2, 3, 5):
        zs = [Symbol(f"z{n}") for n in range(1, kv + 1)]
        ys = [Symbol(f"y{n}") for n in range(1, kv + 1)]
        norm = sum(exp(v) for v in zs)
        loss = -sum(yv * log(exp(zv) / norm) for yv, zv in zip(ys, zs))
        for n in range(kv):
            grad = diff(loss, zs[n]).subs(ys[-1], 1 - sum(ys[:-1]))
            i = Symbol("i", integer=True, positive=True)
            mine = result.xreplace({i: n + 1})
            mine = mine.replace(lambda e: isinstance(e, Indexed) and e.base.name == "yhat", lambda e: exp(zs[int(e.indices[0]) - 1]) / norm)
            mine = mine.replace(lambda e: isinstance(e, Indexed) and e.base.name == "y", lambda e: ys[int(e.indices[0]) - 1]).subs(ys[-1], 1 - sum(ys[:-1]))
            point = {v: Rational(m + 2, 7) for m, v in enumerate(zs + ys)}
            assert abs((grad - mine).xreplace(point).evalf(40)) < 1e-30


def test_a_replaced_chain_member_is_caught(produced_general):
    cert = json.loads(produced_general.files["softmax-ce.json"])
    step = next(s for s in cert["steps"] if s["id"] == "jacobian-other")
    wrong = parse_srepr(step["chain"][-1]) * 2
    step["chain"][-1] = srepr(wrong)
    with pytest.raises(AssertionError):
        _recheck({**cert, "steps": [step], "result": cert["result"]})


@pytest.mark.parametrize("text", ["__import__('os').system('true')", "Symbol('x').__class__", "Add(1", "exec('1')", "Lambda(x, x)"])
def test_untrusted_srepr_is_rejected(text):
    with pytest.raises(CertificateError):
        parse_srepr(text)
