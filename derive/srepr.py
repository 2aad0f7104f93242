"""Rebuild SymPy expressions from ``srepr`` text without ``eval``: parse, then construct.

The text is parsed with Python's ``ast`` (parsing only, nothing runs) and every call must name a
SymPy class on an explicit allow-list; anything else is a `CertificateError`. Size and nesting
are bounded, and so are the numbers (digits, exponents, bits of a literal power, sum limits,
Float precision), checked on the syntax tree before anything is built.

The writing side is `srepr_of`: ``sympy.srepr`` memoised by object, for the certificate, the
cache key and the verifier's seed, which spell the same members.
"""

from __future__ import annotations

import ast
from typing import Any

import sympy
from sympy import Basic

from .errors import InputError

__all__ = ["CertificateError", "parse_srepr", "srepr_of", "ALLOWED", "MAX_LENGTH", "MAX_DEPTH", "MAX_POWER", "MAX_INT_DIGITS",
           "MAX_NUMBER_BITS", "MAX_SUM_BOUND", "MAX_DERIVATIVE_ORDER"]

MAX_LENGTH = 200_000
MAX_DEPTH = 200
MAX_POWER = 100  #: |exponent| of a literal power
MAX_INT_DIGITS = 30  #: digits of an integer literal
MAX_NUMBER_BITS = 100_000  #: size of a number built from literals (Pow(Pow(10, 100), 100) ...)
MAX_SUM_BOUND = 1_000  #: |literal| limit of a sum
MAX_DERIVATIVE_ORDER = 20  #: total order of a derivative (as `derive check` reads them)

ALLOWED: dict[str, Any] = {
    name: getattr(sympy, name)
    for name in (
        "Symbol", "Integer", "Rational", "Float", "Tuple", "Add", "Mul", "Pow", "exp", "log", "Abs",
        "Sum", "Derivative", "Indexed", "IndexedBase", "Idx", "KroneckerDelta", "Eq", "Ne", "Lt", "Le",
        "Gt", "Ge", "StrictLessThan", "StrictGreaterThan", "LessThan", "GreaterThan", "Function",
        "Max", "Min", "Equality", "Unequality",
    )
}
_CONSTANTS = {"E": sympy.E, "pi": sympy.pi, "oo": sympy.oo}
_KEYWORDS = {"integer", "positive", "real", "nonnegative", "negative", "finite", "commutative", "evaluate", "precision"}


class CertificateError(InputError):
    """A certificate expression that is malformed or names something not allowed."""


def parse_srepr(text: str) -> Basic:
    """The expression whose ``srepr`` is ``text``."""
    if not isinstance(text, str):
        raise CertificateError(f"expected an srepr string, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise CertificateError(f"srepr string longer than {MAX_LENGTH} characters")
    depth = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if depth > MAX_DEPTH:
            raise CertificateError(f"srepr nested deeper than {MAX_DEPTH}")
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise CertificateError(f"malformed srepr: {' '.join(str(exc).split())[:120]}") from None
    _check_bounds(tree)  # before anything is built: Pow(10, 10**8) would take minutes
    try:
        return _build(tree.body)
    except CertificateError:
        raise
    except Exception as exc:  # noqa: BLE001 - SymPy's constructors raise their own kinds (IndexException ...)
        raise CertificateError(f"srepr does not build a valid expression: {type(exc).__name__}: {str(exc)[:120]}") from None


def _build(node: ast.AST) -> Any:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, str, bool)):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) and isinstance(node.operand.value, int):
        return -node.operand.value
    if isinstance(node, ast.Name) and node.id in _CONSTANTS:
        return _CONSTANTS[node.id]
    if isinstance(node, ast.Tuple):
        return tuple(_build(e) for e in node.elts)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Call):  # Function('sigma')(x)
            f = _build(func)
            if not isinstance(f, sympy.core.function.UndefinedFunction):
                raise CertificateError("only Function('name')(...) may be applied")
            return f(*[_build(a) for a in node.args])
        if not isinstance(func, ast.Name) or func.id not in ALLOWED:
            name = func.id if isinstance(func, ast.Name) else type(func).__name__
            raise CertificateError(f"{name!r} is not an allowed SymPy class in a certificate")
        kwargs = {}
        for kw in node.keywords:
            if kw.arg not in _KEYWORDS:
                raise CertificateError(f"keyword {kw.arg!r} is not allowed in a certificate")
            kwargs[kw.arg] = _build(kw.value)
        args = [_build(a) for a in node.args]
        if func.id == "Function":
            if len(args) != 1 or not isinstance(args[0], str) or not args[0].isidentifier():
                raise CertificateError("Function takes one identifier")
            return sympy.Function(args[0])
        if func.id == "Symbol" and not (args and isinstance(args[0], str)):
            raise CertificateError(f"{func.id} needs a name")
        return ALLOWED[func.id](*args, **kwargs)
    raise CertificateError(f"unexpected {type(node).__name__} in srepr")


def _literal_int(node: ast.AST) -> int | None:
    """``Integer(n)``, ``n`` or ``-n`` in the syntax tree, else None."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Integer" and len(node.args) == 1:
        node = node.args[0]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _literal_int(node.operand)
        return None if inner is None else -inner
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    return None


def _has_symbol(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("Symbol", "Dummy") for n in ast.walk(node))


def _bits(node: ast.AST) -> int:
    """An upper bound on the size in bits of the number a symbol-free subtree builds."""
    n = _literal_int(node)
    if n is not None:
        return max(1, abs(n).bit_length())
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        name, args = node.func.id, node.args
        if name == "Pow" and len(args) == 2:
            e = _literal_int(args[1])
            if e is None and isinstance(args[1], ast.Call) and getattr(args[1].func, "id", "") == "Rational" and args[1].args:
                e = _literal_int(args[1].args[0])
            if e is None:
                raise CertificateError("a power of numbers must have a literal integer or rational exponent")
            return _bits(args[0]) * max(1, abs(e))
        if name in ("Add", "Mul", "Rational", "Tuple", "Max", "Min", "Abs"):
            return sum(_bits(a) for a in args) + 1
    return 64  # exp(3), Float(...), E, pi: kept symbolic or evaluated at fixed precision


def _check_bounds(tree: ast.AST) -> None:
    """Refuse srepr whose numbers or sums would take unbounded time to build or to check."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, int) and len(str(abs(node.value))) > MAX_INT_DIGITS:
            raise CertificateError(f"an integer of more than {MAX_INT_DIGITS} digits")
        if isinstance(node, ast.keyword) and node.arg == "precision":
            p = _literal_int(node.value)
            if p is None or not 1 <= p <= 2_000:
                raise CertificateError("a Float precision must be 1..2000 bits")
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        if node.func.id == "Pow" and len(node.args) == 2:
            base, ex = node.args
            if not _has_symbol(ex):
                e = _literal_int(ex)
                if e is not None and abs(e) > MAX_POWER:
                    raise CertificateError(f"an exponent of {e} (at most {MAX_POWER} in absolute value)")
                if not _has_symbol(base) and _bits(node) > MAX_NUMBER_BITS:
                    raise CertificateError(f"a number of more than {MAX_NUMBER_BITS} bits")
        if node.func.id == "Derivative":
            order = 0
            for var in node.args[1:]:  # Derivative(f, x, Tuple(y, 2)): orders 1 and 2
                count = None
                if isinstance(var, ast.Call) and getattr(var.func, "id", "") == "Tuple" and len(var.args) == 2:
                    count = _literal_int(var.args[1])
                order += 1 if count is None else abs(count)
            if order > MAX_DERIVATIVE_ORDER:
                raise CertificateError(f"a derivative of order {order} (at most {MAX_DERIVATIVE_ORDER})")
        if node.func.id == "Sum":
            for lim in node.args[1:]:
                if isinstance(lim, ast.Call) and getattr(lim.func, "id", "") == "Tuple":
                    for bound in lim.args[1:]:
                        b = _literal_int(bound)
                        if b is not None and abs(b) > MAX_SUM_BOUND:
                            raise CertificateError(f"a sum limit of {b} (at most {MAX_SUM_BOUND})")


_SREPR: dict[int, tuple[Basic, str]] = {}


def srepr_of(expr: Basic) -> str:
    """`sympy.srepr`, memoised by object (the object is kept, so its id stays its own; equal but
    distinct objects, such as Floats of different precision, are spelled separately): the
    verifier's seed, the cache key and the certificate all spell the same members."""
    found = _SREPR.get(id(expr))
    if found is None or found[0] is not expr:
        if len(_SREPR) >= 4096:
            _SREPR.clear()
        found = _SREPR[id(expr)] = (expr, sympy.srepr(expr))
    return found[1]
