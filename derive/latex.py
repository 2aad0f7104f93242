"""A SymPy `LatexPrinter` for the notation of ML derivations: hats, subscripts, sums, partials.

``\\hat{y}_{o}`` for ``yhat[o]``, ``\\sum_{j=1}^{k} e^{z_{j}}``, ``\\sum_{o \\neq i}`` for a sum whose
summand carries the factor ``1 - delta(i, o)``, ``\\frac{\\partial L}{\\partial z_{i}}``, ``\\ln``.
"""

from __future__ import annotations

import re
from typing import Any

from sympy import Add, Basic, Derivative, Indexed, IndexedBase, KroneckerDelta, Mul, Sum, Symbol, log
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter

from .symbols import CALLIGRAPHIC_SUFFIX, EXAMPLE_SUFFIX, HAT_SUFFIX, LABEL_SEPARATOR

__all__ = ["DerivePrinter", "to_latex", "name_latex", "NAME_PATTERN"]

#: What a user-supplied symbol name may look like (no backslashes, braces or other commands).
NAME_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")

_GREEK = {
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
    "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
    "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
}


def name_latex(name: str, names: dict[str, str]) -> str:
    """The LaTeX for a base name: renamed by the notation, hats for ``yhat``, Greek letters."""
    name = names.get(name, name)
    if "^" in name:  # z^[2]: the layer's label, a superscript in its brackets
        base, layer = name.split("^", 1)
        return f"{name_latex(base, names)}^{{{layer}}}"
    if name.endswith(")") and "(" in name:  # L(p): a function's value at whole vectors, L(\mathbf{p})
        head, args = name[:-1].split("(", 1)
        bold = ", ".join(_bold(a) for a in args.split(","))
        return f"{name_latex(head, names)}({bold})"
    if LABEL_SEPARATOR in name.strip("_"):  # h__theta: h_{\theta}, a subscript label
        base, label = name.split(LABEL_SEPARATOR, 1)
        pieces = ",".join(name_latex(p, {}) if p in _GREEK or len(p) > 1 else p for p in label.split(","))
        return f"{name_latex(base, names)}_{{{pieces}}}"
    if name.endswith(CALLIGRAPHIC_SUFFIX) and len(name) == len(CALLIGRAPHIC_SUFFIX) + 1:
        return rf"\mathcal{{{name[0]}}}"
    if name.endswith(HAT_SUFFIX) and len(name) > len(HAT_SUFFIX):
        return rf"\hat{{{name_latex(name[: -len(HAT_SUFFIX)], {})}}}"
    for suffix, accent in (("tilde", "tilde"), ("bar", "bar")):  # names read from documents: \tilde{w}, \bar{x}
        if name.endswith(suffix) and len(name) > len(suffix) and (len(name) == len(suffix) + 1 or name[: -len(suffix)] in _GREEK):
            return rf"\{accent}{{{name_latex(name[: -len(suffix)], {})}}}"
    if name in _GREEK or name == "ell":  # \ell, the script l of a log-likelihood
        return "\\" + name
    if len(name) == 1:
        return name
    return rf"\mathrm{{{name}}}"


def _bold(name: str) -> str:
    """``\\mathbf{x}``, ``\\hat{\\mathbf{y}}``, ``\\boldsymbol{\\mu}`` for a vector's name."""
    if name.endswith(HAT_SUFFIX) and len(name) > len(HAT_SUFFIX):
        return rf"\hat{{{_bold(name[: -len(HAT_SUFFIX)])}}}"
    return rf"\boldsymbol{{\{name}}}" if name in _GREEK else rf"\mathbf{{{name}}}"


def _parens(tex: str) -> str:
    r"""Parentheses for a function's argument: ``(z)`` when it is one line high, ``\left(\right)``
    around fractions and sums only (``\left`` makes an inner atom, which TeX sets off from the
    function's name by a thin space: :math:`\sigma\left(z\right)` reads as "sigma (z)")."""
    tall = any(cmd in tex for cmd in (r"\frac", r"\sum", r"\prod", r"\left", r"\begin"))
    return rf"\left({tex}\right)" if tall else f"({tex})"


class DerivePrinter(LatexPrinter):
    """LaTeX in the notation of the seed post.

    Settings (besides SymPy's):

    ``log``: ``"ln"`` (default) or ``"log"``, the name of the natural logarithm.
    ``names``: a mapping from symbol names to display names (``{"yhat": "p"}``), already validated.
    """

    printmethod = "_derive_latex"
    _default_settings: dict[str, Any] = {**LatexPrinter._default_settings, "log": "ln", "names": {}}

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        settings = dict(settings or {})
        unknown = set(settings) - set(self._default_settings)
        if unknown:
            raise ValueError(f"unknown printer setting(s): {', '.join(sorted(unknown))}")
        if settings.get("log", "ln") not in ("ln", "log"):
            raise ValueError("the log setting must be 'ln' or 'log'")
        super().__init__(settings)

    # -- names -------------------------------------------------------------------------
    def _print_Symbol(self, expr: Symbol, style: str = "plain") -> str:
        return name_latex(expr.name, self._settings["names"])

    def _print_Pi(self, expr: Basic) -> str:  # SymPy's printer gives \text{\Pi} once _print_Symbol is ours
        return r"\pi"

    def _print_IndexedBase(self, expr: IndexedBase) -> str:
        return name_latex(expr.name, self._settings["names"])

    def _print_Indexed(self, expr: Indexed) -> str:
        name = expr.base.name
        if name.endswith(EXAMPLE_SUFFIX) and len(name) > len(EXAMPLE_SUFFIX):  # x^{(i)}_j: example i
            base = name_latex(name[: -len(EXAMPLE_SUFFIX)], self._settings["names"])
            example, *rest = (self._print(i) for i in expr.indices)
            sep = "" if all(len(s) == 1 for s in rest) and len(rest) > 1 else ","
            return f"{base}^{{({example})}}" + (f"_{{{sep.join(rest)}}}" if rest else "")
        base = self._print(expr.base)
        subs = [self._print(i) for i in expr.indices]
        sep = "" if all(len(s) == 1 for s in subs) and len(subs) > 1 else ","
        return f"{base}_{{{sep.join(subs)}}}"

    def _print_KroneckerDelta(self, expr: KroneckerDelta, exp: str | None = None) -> str:
        a, b = (self._print(x) for x in expr.args)
        tex = rf"\delta_{{{a} {b}}}"
        return f"{tex}^{{{exp}}}" if exp else tex

    # -- functions ---------------------------------------------------------------------
    _in_exponent = 0

    def _print_ExpBase(self, expr: Basic, exp: str | None = None) -> str:
        # A fraction in the exponent is written inline: e^{z_o / T}, not e^{\frac{z_o}{T}}.
        self._in_exponent += 1
        try:
            tex = rf"e^{{{self._print(expr.args[0])}}}"
        finally:
            self._in_exponent -= 1
        return self._do_exponent(tex, exp)

    def _print_log(self, expr: Basic, exp: str | None = None) -> str:
        name = rf"\{self._settings['log']}"
        arg = expr.args[0]
        inner = self._print(arg)
        body = rf"{name} {inner}" if isinstance(arg, (Symbol, Indexed, AppliedUndef)) else rf"{name}{_parens(inner)}"
        return rf"\left({body}\right)^{{{exp}}}" if exp else body

    def _print_Function(self, expr: Basic, exp: str | None = None) -> str:
        name = expr.func.__name__
        if name in _GREEK or len(name) == 1 or LABEL_SEPARATOR in name or (isinstance(expr, AppliedUndef) and NAME_PATTERN.match(name)):
            args = ", ".join(self._print(a) for a in expr.args)
            head = name_latex(expr.func.__name__, self._settings["names"])
            tex = rf"{head}{_parens(args)}"
            return rf"{tex}^{{{exp}}}" if exp else tex
        return super()._print_Function(expr, exp)

    # -- sums --------------------------------------------------------------------------
    def _print_Sum(self, expr: Sum) -> str:
        body = expr.function
        heads = []
        for var, lo, hi in expr.limits:
            excluded = _excluded_value(body, var)
            if excluded is not None:
                body = body / (1 - KroneckerDelta(*excluded[1]))
                heads.append(rf"\sum_{{{self._print(var)} \neq {self._print(excluded[0])}}}")
            else:
                heads.append(rf"\sum_{{{self._print(var)}={self._print(lo)}}}^{{{self._print(hi)}}}")
        tex = self._print(body)
        if isinstance(body, Add) or _negative(body):
            tex = rf"\left({tex}\right)"
        return " ".join(heads) + " " + tex

    # -- derivatives -------------------------------------------------------------------
    def _print_Derivative(self, expr: Derivative) -> str:
        total = sum(c for _, c in expr.variable_count)
        # d only for a function of its one variable; a bare symbol (L, yhat) is a quantity whose
        # definition may involve several variables, so it gets \partial.
        ordinary = (len(expr.variable_count) == 1 and isinstance(expr.variables[0], Symbol)
                    and not expr.expr.atoms(Indexed) and not isinstance(expr.expr, Symbol)
                    and expr.expr.free_symbols <= {expr.variables[0]})
        d = "d" if ordinary else r"\partial"
        num = d if total == 1 else rf"{d}^{{{total}}}"
        den = " ".join(
            rf"{d} {self._print(v)}" if c == 1 else rf"{d} {self._print(v)}^{{{c}}}" for v, c in expr.variable_count
        )
        f = expr.expr
        if isinstance(f, (Symbol, Indexed, AppliedUndef)):
            return rf"\frac{{{num} {self._print(f)}}}{{{den}}}"
        return rf"\frac{{{num}}}{{{den}}} \left({self._print(f)}\right)"

    def _print_Subs(self, expr: Basic) -> str:
        """``f'(g)``: the derivative of a function of one variable, taken at an expression."""
        inner, (var,), (point,) = expr.expr, expr.variables, expr.point
        if (isinstance(inner, Derivative) and isinstance(inner.expr, AppliedUndef) and inner.expr.args == (var,)
                and inner.variables == (var,) * len(inner.variables) and len(inner.variables) <= 3):
            head = name_latex(inner.expr.func.__name__, self._settings["names"])
            return rf"{head}{chr(39) * len(inner.variables)}{_parens(self._print(point))}"
        return super()._print_Subs(expr)

    # -- layout ------------------------------------------------------------------------
    def _print_Add(self, expr: Add, order: str | None = None) -> str:
        terms = list(self._as_ordered_terms(expr, order=order))
        positive = [t for t in terms if not _negative(t)]
        negative = [t for t in terms if _negative(t)]
        ordered = positive + negative
        tex = ""
        for n, term in enumerate(ordered):
            if n == 0:
                pass
            elif _negative(term):
                tex += " - "
                term = -term
            else:
                tex += " + "
            if n == 0 and _negative(term):
                tex += "-"
                term = -term
            piece = self._print(term)
            if isinstance(term, Add):
                piece = rf"\left({piece}\right)"
            tex += piece
        return tex

    def _print_Mul(self, expr: Mul) -> str:
        coeff, rest = expr.as_coeff_Mul()
        if coeff.is_negative:
            inner = self._print(Mul(-coeff, rest) if coeff != -1 else rest)
            return "-" + inner
        num, den = [], []
        for f in Mul.make_args(rest):
            if f.is_Pow and f.exp.is_negative and f.exp.is_Rational:
                den.append(f.base if f.exp == -1 else f.base ** (-f.exp))
            else:
                num.append(f)
        if coeff.is_Rational and coeff.q != 1:
            den.append(coeff.q)
            coeff = coeff.p
        if den:
            top = self._print(Mul(coeff, *num)) if (num or coeff != 1) else "1"
            bottom = self._print(den[0]) if len(den) == 1 and isinstance(den[0], Add) else self._factors(den)
            if self._in_exponent:
                simple = len(den) == 1 and not isinstance(den[0], Add)
                return f"{top} / {bottom}" if simple else rf"{top} / \left({bottom}\right)"
            return rf"\frac{{{top}}}{{{bottom}}}"
        head = "" if coeff == 1 else self._print(coeff) + " "
        return head + self._factors(num)

    def _factors(self, factors: list[Basic]) -> str:
        """Factors in an author's order: letters, then functions, then brackets, then sums."""
        flat = [a for f in factors for a in Mul.make_args(f)]
        ranked = sorted(enumerate(flat), key=lambda t: (_rank(t[1]), t[0]))
        parts = []
        for _, f in ranked:
            tex = self._print(f)
            if isinstance(f, Add):
                tex = rf"\left({tex}\right)"
            parts.append(tex)
        return " ".join(parts)


def _rank(f: Basic) -> int:
    if isinstance(f, Sum):
        return 5
    if isinstance(f, log):
        return 4  # (1 - y) \ln(1 - \sigma), as an author writes it
    if isinstance(f, Add):
        return 3
    if isinstance(f, Derivative):
        return 2
    if f.is_Function and not isinstance(f, KroneckerDelta) and f.func.__name__ != "exp":
        return 2
    if f.is_Number:
        return 0
    return 1


def _negative(term: Basic) -> bool:
    return term.could_extract_minus_sign()


def _excluded_value(body: Basic, var: Symbol) -> tuple[Basic, tuple[Basic, Basic]] | None:
    """If ``body`` has the factor ``1 - delta(a, b)`` with ``var`` one of a, b: (other, (a, b))."""
    for f in Mul.make_args(body):
        if isinstance(f, Add) and len(f.args) == 2 and 1 in f.args:
            other = f - 1
            if isinstance(-other, KroneckerDelta) and var in (-other).args:
                a, b = (-other).args
                return (b if a == var else a), (a, b)
    return None


def to_latex(expr: Basic, **settings: Any) -> str:
    """``expr`` in our notation. Settings: see `DerivePrinter`."""
    return DerivePrinter(settings).doprint(expr)

