"""High-precision numeric evaluation of explicit SymPy expressions with mpmath, by a tree walk.

Faster than `evalf` by orders of magnitude on our expressions, and it runs no generated code
(no `lambdify`): an unknown node raises `NumericError` instead of being guessed.
"""

from __future__ import annotations

from collections.abc import Mapping

import mpmath
from sympy import Abs, Add, Basic, Float, Indexed, Integer, KroneckerDelta, Mul, Pow, Rational, Symbol, exp, factorial, log
from sympy.core.numbers import Exp1, Pi

__all__ = ["NumericError", "evaluate"]


class NumericError(ValueError):
    """The expression has a node this evaluator does not know, or an unbound variable."""


def evaluate(expr: Basic, values: Mapping[Basic, object], digits: int = 50) -> mpmath.mpc | mpmath.mpf:
    """``expr`` at ``values`` (SymPy numbers or Python numbers), with ``digits`` significant digits."""
    with mpmath.workdps(digits):
        env = {k: mpmath.mpmathify(_num(v)) for k, v in values.items()}
        return _walk(expr, env)


def _num(v: object) -> object:
    if isinstance(v, Rational):
        return mpmath.mpf(int(v.p)) / int(v.q)
    if isinstance(v, Float):
        return mpmath.mpf(str(v))
    return v


def _walk(e: Basic, env: dict[Basic, object]) -> object:
    if e in env:
        return env[e]
    value = _node(e, env)
    if e.args:  # a subexpression that occurs again (a normaliser in every term) is walked once
        env[e] = value
    return value


def _node(e: Basic, env: dict[Basic, object]) -> object:
    if isinstance(e, Integer):
        return mpmath.mpf(int(e))
    if isinstance(e, Rational):
        return mpmath.mpf(int(e.p)) / int(e.q)
    if isinstance(e, Float):
        return mpmath.mpf(str(e))
    if isinstance(e, Add):
        return mpmath.fsum(_walk(a, env) for a in e.args)
    if isinstance(e, Mul):
        out = mpmath.mpf(1)
        for a in e.args:
            out *= _walk(a, env)
        return out
    if isinstance(e, Pow):
        base, ex = e.args
        if ex.is_Integer:
            return _walk(base, env) ** int(ex)
        return mpmath.power(_walk(base, env), _walk(ex, env))
    if isinstance(e, exp):
        return mpmath.exp(_walk(e.args[0], env))
    if isinstance(e, log):
        return mpmath.log(_walk(e.args[0], env))
    if isinstance(e, Abs):
        return abs(_walk(e.args[0], env))
    if isinstance(e, factorial):  # y! of a count; at the random points, Gamma(y + 1)
        return mpmath.factorial(_walk(e.args[0], env))
    if isinstance(e, KroneckerDelta) and all(a.is_Integer for a in e.args):
        return mpmath.mpf(int(e.args[0] == e.args[1]))
    if isinstance(e, Exp1):
        return mpmath.e
    if isinstance(e, Pi):
        return mpmath.pi
    if isinstance(e, (Symbol, Indexed)):
        raise NumericError(f"no value for {e}")
    raise NumericError(f"cannot evaluate {type(e).__name__} numerically")

