"""Rebuild SymPy expressions from ``srepr`` text without ``eval``: parse, then construct.

The text is parsed with Python's ``ast`` (parsing only, nothing runs) and every call must name a
SymPy class on an explicit allow-list; anything else is a `CertificateError`. Size and nesting
are bounded.
"""

from __future__ import annotations

import ast
from typing import Any

import sympy
from sympy import Basic

from .errors import InputError

__all__ = ["CertificateError", "parse_srepr", "ALLOWED", "MAX_LENGTH", "MAX_DEPTH"]

MAX_LENGTH = 200_000
MAX_DEPTH = 200

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
    try:
        return _build(tree.body)
    except CertificateError:
        raise
    except (TypeError, ValueError, AttributeError, RecursionError, ZeroDivisionError) as exc:
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
