"""Fast, still exact, equality checks for establish scripts whose expressions are large.

The nested sigmoid/softmax networks of some scripts make sympy.simplify (the first step
of _common.equal) take tens of seconds. equal() here decides a == b in two independent
ways instead, and both must agree (a disagreement, e.g. a difference below the numeric
tolerance that the exact check sees, raises: it is never silently decided):

1. exact: at several random points chosen so that every exp(...) in a - b takes a
   rational value, a - b is evaluated in exact arithmetic and must be exactly 0. The
   points are found thus: exponentials are taken innermost first; the symbols entering
   an exponent get random rationals, except one that enters it linearly (preferably one
   found nowhere else), which is set to (log r - rest)/coeff for a random positive
   rational r, so that exp(...) = r exactly. This is an invertible change of variables
   (that symbol <-> r), so a - b, if not identically zero, is non-zero at random points
   of this family as at any others. A non-zero exact value is an actual counterexample.
2. numeric: at ordinary random rational points a and b are evaluated with mpmath at 50
   significant digits and must agree to 1e-25 relative (as _common.equal does).
"""
import random

import mpmath
import sympy as sp

_rng = random.Random(20261203)
TOL = mpmath.mpf("1e-25")


def _rat(lo, hi):
    return sp.Rational(_rng.randint(lo, hi), 100)


def _hide_exps(expr):
    """expr with every outermost exp(...) replaced by a fresh dummy."""
    return expr.xreplace({e: sp.Dummy() for e in expr.atoms(sp.exp)})


def _plan(d):
    """The exponentials of d, innermost first, each with its not yet fixed symbols and the candidates to solve for."""
    atoms = sorted(d.atoms(sp.exp), key=lambda e: (len(e.args[0].atoms(sp.exp)), str(e)))
    outside = _hide_exps(d).free_symbols
    direct = {e: _hide_exps(e.args[0]).free_symbols for e in atoms}
    count = {}
    for syms in direct.values():
        for s in syms:
            count[s] = count.get(s, 0) + 1
    plan, taken = [], set()
    for e in atoms:
        g = e.args[0]
        free = g.free_symbols - taken
        cands = sorted((s for s in free if s in direct[e]), key=lambda s: (s in outside, count[s], str(s)))
        # the solved symbol must enter the exponent linearly, with a coefficient free of it
        cands = [s for s in cands if sp.diff(g, s, 2) == 0 and not (sp.diff(g, s).free_symbols & {s})]
        plan.append((e, sorted(free, key=str), cands))
        taken |= free
    return plan, sorted(d.free_symbols, key=str)


def exact_point(plan, positive=()):
    """A random point (symbol -> exact value) at which every exp(...) of the plan is rational."""
    steps, allsyms = plan
    pt = {}

    def rnd(s):
        return _rat(5, 95) if (s in positive or s.is_positive) else _rat(-300, 300)

    for e, free, cands in steps:
        g = e.args[0]
        solved = False
        for s in cands:
            trial = dict(pt)
            for t in free:
                if t != s:
                    trial[t] = rnd(t)
            gs = sp.sympify(g.xreplace(trial))
            c = sp.diff(gs, s)
            rest = sp.sympify(gs.xreplace({s: sp.S.Zero}))
            if c.free_symbols or c == 0 or rest.free_symbols:
                continue
            pt = trial
            pt[s] = (sp.log(_rat(20, 400)) - rest) / c
            solved = True
            break
        if not solved:
            for t in free:
                pt[t] = rnd(t)
    for s in allsyms:
        if s not in pt:
            pt[s] = rnd(s)
    return pt


def _evaluate(expr, pt):
    """expr at the point pt, exactly (xreplace, with every shared subexpression done once)."""
    memo = {}

    def ev(e):
        if e in memo:
            return memo[e]
        if e.is_Symbol:
            v = pt.get(e, e)
        elif not e.args:
            v = e
        else:
            v = e.func(*[ev(t) for t in e.args])
        memo[e] = v
        return v

    return ev(expr)


def _numeric(a, b, syms, positive, points):
    """a and b agree to 1e-25 (relative) at random rational points, evaluated at 50 digits."""
    f = sp.lambdify(syms, [a, b], modules="mpmath", cse=True)
    with mpmath.workdps(50):
        for _ in range(points):
            vals = []
            for s in syms:
                q = _rat(5, 95) if (s in positive or s.is_positive) else _rat(-300, 300)
                vals.append(mpmath.mpf(q.p) / q.q)
            va, vb = f(*vals)
            if not abs(va - vb) <= TOL * (1 + abs(va) + abs(vb)):
                return False
    return True


stats = {"exact": 0, "inexact": 0}


def equal(a, b, subs=None, positive=(), exact_points=4, numeric_points=2):
    """True when a == b identically (after subs): exact at special random points and numeric at 50 digits."""
    a = sp.sympify(a)
    b = sp.sympify(b)
    if subs:
        a = a.xreplace(subs)
        b = b.xreplace(subs)
    positive = set(positive)
    d = a - b
    if d == 0:
        return True
    exact = True
    plan = _plan(d)
    for _ in range(exact_points):
        v = _evaluate(d, exact_point(plan, positive))
        if v == 0:
            stats["exact"] += 1
            continue
        if v.is_Rational:          # exactly non-zero: a counterexample
            exact = False
            break
        # an exact value sympy did not reduce (logs left): decide it at 50 digits
        stats["inexact"] += 1
        if abs(sp.N(v, 50)) > sp.Float("1e-30", 50):
            exact = False
            break
    syms = sorted(a.free_symbols | b.free_symbols, key=str)
    numeric = _numeric(a, b, syms, positive, numeric_points)
    if exact != numeric:
        raise AssertionError(f"exact ({exact}) and 50-digit numeric ({numeric}) checks disagree")
    return exact
