"""Shared helpers for the establish scripts (plain SymPy, high-precision numerics).

Each script builds the author's expressions explicitly at a concrete size and
calls check(line, lhs, rhs): the two sides are compared exactly (simplify) and,
if that is inconclusive, numerically at random rational points to 40 digits.
"""
import random
import sys

import sympy as sp

_rng = random.Random(20261202)


def vec(name, n, **kw):
    return list(sp.symbols(f"{name}1:{n + 1}", **kw))


def softmax(z):
    den = sum(sp.exp(t) for t in z)
    return [sp.exp(t) / den for t in z]


def _rand_point(syms, positive):
    pt = {}
    for s in syms:
        if s in positive or s.is_positive:
            pt[s] = sp.Rational(_rng.randint(5, 95), 100)
        else:
            pt[s] = sp.Rational(_rng.randint(-300, 300), 100)
    return pt


#: False in a script whose expressions make simplify take minutes (Max and Piecewise through a
#: network): the numbers at random points decide alone
EXACT = True


def equal(a, b, subs=None, positive=(), points=6):
    """True when a == b identically (after subs), tested numerically at 40 digits."""
    a = sp.sympify(a)
    b = sp.sympify(b)
    if subs:
        a = a.subs(subs)
        b = b.subs(subs)
    d = a - b
    try:
        if EXACT and sp.simplify(d) == 0:
            return True
    except Exception:
        pass
    syms = sorted(a.free_symbols | b.free_symbols, key=str)
    for _ in range(points):
        pt = _rand_point(syms, set(positive))
        va = sp.N(_at(a, pt), 40)
        vb = sp.N(_at(b, pt), 40)
        if abs(va - vb) > sp.Float("1e-25") * (1 + abs(va) + abs(vb)):
            return False
    return True


def _at(expr, point):
    """expr at the point: xreplace (fast on large expressions), subs where that leaves a derivative."""
    try:
        out = expr.xreplace(point)
    except (TypeError, ValueError):
        return expr.subs(point)
    return expr.subs(point) if out.has(sp.Derivative, sp.Subs) else out


_results = []


def check(line, a, b, subs=None, positive=(), expect=None):
    ok = equal(a, b, subs=subs, positive=positive)
    verdict = "holds" if ok else "fails"
    _results.append((line, verdict))
    print(f"line {line}: {verdict}")
    if expect is not None and expect != verdict:
        print(f"  (note: expected {expect})", file=sys.stderr)
    return ok


def check_all(line, pairs, **kw):
    """A row holds if every (a, b) pair holds (e.g. several index placements)."""
    ok = all(equal(a, b, **kw) for a, b in pairs)
    verdict = "holds" if ok else "fails"
    _results.append((line, verdict))
    print(f"line {line}: {verdict}")
    return ok


def D(f, x):
    return sp.diff(f, x)
