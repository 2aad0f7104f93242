"""The words of a planned derivation: rule names and one-sentence explanations, generated from
what each step did. Math in the words is printed by derive's own printer (never user text)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sympy import Add, Basic, Expr, Indexed, Mul, Pow, Sum, exp, log
from sympy.core.function import AppliedUndef

from ..latex import DerivePrinter

__all__ = ["tex", "math", "names_list", "rule_of", "depends_on"]

_PRINTER = DerivePrinter()


def tex(e: Basic) -> str:
    """LaTeX of ``e`` in the default notation."""
    return _PRINTER.doprint(e)


def math(e: Basic) -> str:
    """``$...$`` around the LaTeX of ``e``."""
    return f"${tex(e)}$"


def names_list(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def depends_on(e: Basic, wrt: Basic) -> bool:
    """Whether ``e`` contains the variable ``wrt`` (an Indexed at any index, a symbol, an application)."""
    if isinstance(wrt, Indexed):
        return any(ix.base == wrt.base for ix in e.atoms(Indexed))
    if isinstance(wrt, AppliedUndef):
        return e.has(wrt)
    return e.has(wrt)


def _rules(e: Expr, wrt: Basic) -> list[str]:
    if not depends_on(e, wrt):
        return []
    if isinstance(e, Add):
        return [r for t in e.args for r in _rules(t, wrt)]
    if isinstance(e, Sum):
        return ["derivative of a sum", *_rules(e.function, wrt)]
    if isinstance(e, Mul):
        dependent = [f for f in e.args if depends_on(f, wrt)]
        denominators = [f for f in dependent if isinstance(f, Pow) and f.exp.is_negative]
        if denominators:
            numerator = [f for f in dependent if f not in denominators]
            return ["quotient rule" if numerator else "reciprocal rule"]
        if len(dependent) > 1:
            return ["product rule"]
        return _rules(dependent[0], wrt)
    if isinstance(e, Pow):
        if depends_on(e.exp, wrt):
            return ["derivative of a power"]
        if e.exp.is_negative:
            return ["reciprocal rule"]
        return ["power rule"]
    if isinstance(e, log):
        return ["derivative of the logarithm"]
    if isinstance(e, exp):
        return ["derivative of the exponential"]
    return []


def rule_of(body: Expr, wrt: Basic) -> str:
    """The differentiation rules ``body`` calls for with respect to ``wrt``, at most two, in order
    of appearance (``derivative of a sum, derivative of the logarithm``)."""
    found = list(dict.fromkeys(_rules(body, wrt)))
    return ", ".join(found[:2]) if found else "direct differentiation"


def sentence(parts: Iterable[str]) -> str:
    """Parts joined into one sentence with semicolons, capitalised, with a full stop."""
    text = "; ".join(p for p in parts if p)
    return (text[:1].upper() + text[1:] + ".") if text else ""
