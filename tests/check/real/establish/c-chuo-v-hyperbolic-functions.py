"""Establish c-chuo-v-hyperbolic-functions.md: hyperbolic identities, derivatives and inverses.

f^{-1} in the inverse section is the inverse function (asinh, ...). Each row is checked
symbolically where SymPy can, and at 40 digits at points inside the domain the row states.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp

x, y = sp.symbols("x y", real=True)
sinh = lambda t: (sp.exp(t) - sp.exp(-t)) / 2       # the author's definitions (lines 6-26)
cosh = lambda t: (sp.exp(t) + sp.exp(-t)) / 2
tanh = lambda t: sinh(t) / cosh(t)
csch = lambda t: 1 / sinh(t)
sech = lambda t: 1 / cosh(t)
coth = lambda t: cosh(t) / sinh(t)
R = sp.Rational
ALL = [R(-27, 10), R(-13, 10), R(-3, 10), R(2, 10), R(9, 10), R(23, 10)]

def row(line, lhs, rhs, pts=ALL, ys=(R(7, 10), R(-11, 10))):
    ok = True
    for p in pts:
        for q in ys:
            a = sp.N(sp.sympify(lhs).subs({x: p, y: q}), 40)
            b = sp.N(sp.sympify(rhs).subs({x: p, y: q}), 40)
            ok &= bool(abs(a - b) < sp.Float("1e-30") * (1 + abs(a)))
    print(f"line {line}: {'holds' if ok else 'fails'}")

Dx = lambda f: sp.diff(f, x)
row(32, sinh(-x), -sinh(x)); row(36, cosh(-x), cosh(x)); row(40, cosh(x) ** 2 - sinh(x) ** 2, 1)
row(44, 1 - tanh(x) ** 2, sech(x) ** 2)
row(48, sinh(x + y), sinh(x) * cosh(y) + cosh(x) * sinh(y)); row(52, cosh(x + y), cosh(x) * cosh(y) + sinh(x) * sinh(y))
row(58, Dx(sinh(x)), cosh(x)); row(62, Dx(cosh(x)), sinh(x)); row(66, Dx(tanh(x)), sech(x) ** 2)
row(70, Dx(csch(x)), -csch(x) * coth(x)); row(74, Dx(sech(x)), -sech(x) * tanh(x)); row(78, Dx(coth(x)), -csch(x) ** 2)
# inverse functions (SymPy's asinh, acosh, ... are the inverse functions of the definitions above)
ge1 = [1, R(11, 10), R(2), R(37, 10)]; gt1 = [R(11, 10), R(2), R(37, 10)]
in11 = [R(-9, 10), R(-1, 3), R(1, 5), R(4, 5)]; nz = [R(-5, 2), R(-1, 2), R(1, 3), R(3)]
in01 = [R(1, 10), R(1, 2), R(9, 10), 1]; in01o = [R(1, 10), R(1, 2), R(9, 10)]; out = [R(-3), R(-11, 10), R(11, 10), R(5, 2)]
row(84, sp.asinh(x), sp.log(x + sp.sqrt(x ** 2 + 1)))
row(88, sp.acosh(x), sp.log(x + sp.sqrt(x ** 2 - 1)), ge1)
row(92, sp.atanh(x), R(1, 2) * sp.log((1 + x) / (1 - x)), in11)
row(96, sp.acsch(x), sp.log(1 / x + sp.sqrt(1 / x ** 2 + 1)), nz)
row(100, sp.asech(x), sp.log(1 / x + sp.sqrt(1 / x ** 2 - 1)), in01)
row(104, sp.acoth(x), R(1, 2) * sp.log((x + 1) / (x - 1)), out)
row(110, Dx(sp.asinh(x)), 1 / sp.sqrt(x ** 2 + 1))
row(114, Dx(sp.acosh(x)), 1 / sp.sqrt(x ** 2 - 1), gt1)
row(118, Dx(sp.atanh(x)), 1 / (1 - x ** 2), in11)
row(122, Dx(sp.acsch(x)), -1 / (sp.Abs(x) * sp.sqrt(1 + x ** 2)), nz)
row(126, Dx(sp.asech(x)), -1 / (x * sp.sqrt(1 - x ** 2)), in01o)
row(130, Dx(sp.acoth(x)), 1 / (1 - x ** 2), out)
