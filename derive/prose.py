r"""Notation in prose: the inline math (``$...$``) of intros, notes and explanations, renamed.

A derivation's prose is written once, in the default notation (``$\hat{y}_o$``, ``$z_i$``,
``$\ln$``). With notation options (``--symbol yhat=p --log log``) the equations are printed by the
renamed printer; this module applies the same renaming to the math inside the prose, token by
token, so the words and the equations agree. Text outside ``$...$`` is left as written.

The math is tokenised, not pattern-replaced: a letter inside a command name (``\sum``, ``\in``)
or inside ``\text{...}`` is never touched, and ``\hat{y}`` is one token.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .latex import name_latex

__all__ = ["rename_prose", "rename_math", "token_map"]

_MATH = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$", re.DOTALL)
_TOKEN = re.compile(
    r"(?P<unit>\\hat\{[A-Za-z]\}|\\hat [A-Za-z]|\\mathrm\{[A-Za-z0-9]+\})"
    r"|(?P<verbatim>\\(?:text|operatorname|mathrm|begin|end|label)\{[^{}]*\})"
    r"|(?P<command>\\[A-Za-z]+)"
    r"|(?P<escaped>\\.)"
    r"|(?P<letter>[A-Za-z])"
    r"|(?P<other>.)",
    re.DOTALL,
)


def token_map(names: Mapping[str, str], log: str = "ln") -> dict[str, str]:
    r"""Default LaTeX of each renamed name -> its LaTeX under the notation (``\hat{y}`` -> ``p``)."""
    tokens = {name_latex(name, {}): name_latex(name, dict(names)) for name in names}
    if log != "ln":
        tokens[r"\ln"] = "\\" + log
    return {a: b for a, b in tokens.items() if a != b}


def _rename_math(math: str, tokens: Mapping[str, str]) -> str:
    out = []
    for m in _TOKEN.finditer(math):
        tok = m.group(0)
        if m.lastgroup == "unit" and tok.startswith(r"\hat "):
            tok = rf"\hat{{{tok[-1]}}}"
        new = tokens.get(tok) if m.lastgroup in ("unit", "command", "letter") else None
        if new is None:
            out.append(m.group(0))
            continue
        # A command-like replacement must not run into a following letter (\sigma z -> s z is fine,
        # but p followed by a letter needs no help; \log followed by a letter needs a space).
        nxt = math[m.end() : m.end() + 1]
        out.append(new + (" " if new[-1].isalpha() and new.startswith("\\") and nxt.isalpha() else ""))
    return "".join(out)


def rename_math(math: str, names: Mapping[str, str], log: str = "ln") -> str:
    r"""LaTeX math made by `derive` in the default notation (``\frac{\partial \hat{y}}{\partial z}``), renamed."""
    tokens = token_map(names, log)
    return _rename_math(math, tokens) if tokens else math


def rename_prose(text: str, names: Mapping[str, str], log: str = "ln") -> str:
    r"""``text`` with the math in ``$...$`` renamed by ``names`` and ``log``; the rest unchanged."""
    tokens = token_map(names, log)
    if not tokens or "$" not in text:
        return text
    return _MATH.sub(lambda m: "$" + _rename_math(m.group(1), tokens) + "$", text)
