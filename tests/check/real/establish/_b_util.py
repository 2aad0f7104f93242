"""Shared helper for the establish/ scripts: numeric + symbolic equality checks with SymPy."""
import random
import sympy as sp

_rng = random.Random(12345)


def _point(symbols, ranges):
    pt = {}
    for s in symbols:
        lo, hi = ranges.get(s, ranges.get('default', (0.1, 0.9)))
        pt[s] = sp.Rational(_rng.randint(int(lo * 1000), int(hi * 1000)), 1000)
    return pt


def equal(a, b, ranges=None, npts=6, digits=40):
    """True if a == b: simplify(a-b)==0, or |a-b| < 1e-25 at npts random points."""
    ranges = ranges or {}
    a = sp.sympify(a).doit()
    b = sp.sympify(b).doit()
    d = a - b
    syms = sorted(d.free_symbols, key=str)
    for _ in range(npts):
        pt = _point(syms, ranges)
        v = sp.N(d.subs(pt), digits)
        if not v.is_number:
            raise ValueError("non-numeric difference %r" % v)
        if abs(complex(v)) > 1e-25:
            return False
    return True


def chain(line, *exprs, ranges=None, expect=None):
    """Every consecutive pair in exprs must be equal; prints 'line N: holds|fails'."""
    ok = all(equal(exprs[i], exprs[i + 1], ranges) for i in range(len(exprs) - 1))
    verdict = 'holds' if ok else 'fails'
    print('line %d: %s' % (line, verdict))
    return ok
