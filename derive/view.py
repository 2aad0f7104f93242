"""Turn a verified derivation into the strings the templates lay out (no logic left for Jinja)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sympy import Basic, Expr

from . import __version__
from .engine import VerifiedDerivation, VerifiedStep
from .latex import DerivePrinter
from .steps import Display
from .verify import VERIFIER_VERSION, Verdict

__all__ = ["build_view", "ELIDE_ABOVE"]

#: Vectors and matrices larger than this are shown with \cdots, \vdots and \ddots.
ELIDE_ABOVE = 6

_WORDS = {
    Verdict.PROVED: "proved",
    Verdict.CHECKED: "checked, not proved",
    Verdict.UNKNOWN: "unknown",
    Verdict.REFUTED: "REFUTED",
}
_MD_MARK = {Verdict.PROVED: "✓", Verdict.CHECKED: "✓?", Verdict.UNKNOWN: "?", Verdict.REFUTED: "✗"}
_TEX_MARK = {Verdict.PROVED: r"$\checkmark$", Verdict.CHECKED: r"$\checkmark$?", Verdict.UNKNOWN: "?", Verdict.REFUTED: r"$\times$"}

_TEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "_": r"\_", "^": r"\^{}", "#": r"\#",
                "%": r"\%", "&": r"\&", "$": r"\$", "~": r"\~{}"}


def tex_escape(text: str) -> str:
    """Plain text made safe for LaTeX (no command can be formed from it)."""
    return "".join(_TEX_SPECIAL.get(c, c) for c in text)


@dataclass(frozen=True)
class _Ctx:
    printer: DerivePrinter

    def tex(self, e: Basic) -> str:
        return self.printer.doprint(e)


def _aligned(ctx: _Ctx, chain: Sequence[Expr]) -> str:
    """``a &= b \\\\ &= c`` lines for an aligned environment."""
    first, *rest = chain
    lines = [f"{ctx.tex(first)} &= {ctx.tex(rest[0])}"]
    lines += [f"&= {ctx.tex(m)}" for m in rest[1:]]
    return " \\\\\n".join(lines)


def _summary(vs: VerifiedStep, size: str) -> str:
    """One line: what each method established across the step's links."""
    parts = []
    methods = {"symbolic": f"symbolic for general {size}" if size else "symbolic",
               "exact": "exact instances", "numeric": "50-digit numerics"}
    for method, label in methods.items():
        outcomes = [e.outcome for link in vs.report.links for e in link.evidence if e.method == method]
        if outcomes and all(o == "pass" for o in outcomes):
            parts.append(label)
        elif outcomes:
            bad = sorted({o for o in outcomes if o != "pass"})
            parts.append(f"{label}: {'/'.join(bad)}")
    return "; ".join(parts)


def _counterexamples(vs: VerifiedStep) -> list[str]:
    return [link.counterexample.describe() for link in vs.report.links if link.counterexample is not None]


def _step_view(ctx: _Ctx, vs: VerifiedStep, number: int, size: str) -> dict[str, Any]:
    s = vs.step
    conds = [ctx.tex(c) for c in s.conditions]
    return {
        "id": s.id,
        "number": number,
        "title": s.title,
        "rule": s.rule,
        "rule_tex": tex_escape(s.rule),
        "explanation": s.explanation,
        "conditions": ", ".join(conds),
        "aligned": _aligned(ctx, s.chain),
        "verdict": vs.verdict.value,
        "verdict_words": _WORDS[vs.verdict],
        "mark_md": _MD_MARK[vs.verdict],
        "mark_tex": _TEX_MARK[vs.verdict],
        "summary": _summary(vs, size),
        "summary_tex": tex_escape(_summary(vs, size)),
        "counterexamples": _counterexamples(vs),
    }


def _shown(n: int) -> list[int | None]:
    """Indices to show for a length-n vector: all, or 1, 2, ..., n with None for the dots."""
    return list(range(1, n + 1)) if n <= ELIDE_ABOVE else [1, 2, None, n]


def _vector(ctx: _Ctx, items: Sequence[Expr]) -> str:
    rows = [ctx.tex(items[i - 1]) if i else r"\vdots" for i in _shown(len(items))]
    return r"\begin{pmatrix} " + r" \\ ".join(rows) + r" \end{pmatrix}"


def _matrix(ctx: _Ctx, rows: Sequence[Sequence[Expr]]) -> str:
    n = len(rows)
    out = []
    for a in _shown(n):
        cells = []
        for b in _shown(n):
            if a is None and b is None:
                cells.append(r"\ddots")
            elif a is None:
                cells.append(r"\vdots")
            elif b is None:
                cells.append(r"\cdots")
            else:
                cells.append(ctx.tex(rows[a - 1][b - 1]))
        out.append(" & ".join(cells))
    return r"\begin{pmatrix} " + r" \\ ".join(out) + r" \end{pmatrix}"


def _display(ctx: _Ctx, d: Display) -> dict[str, str]:
    body = _vector(ctx, [r[0] for r in d.rows]) if all(len(r) == 1 for r in d.rows) else _matrix(ctx, d.rows)
    return {"lhs": d.lhs, "latex": body}


def _instance_view(ctx: _Ctx, inst: Any) -> dict[str, Any]:
    return {
        "k": inst.k,
        "description": inst.description,
        "displays": [_display(ctx, d) for d in inst.displays],
        "elided": any(len(d.rows) > ELIDE_ABOVE for d in inst.displays),
        "verdict": inst.verdict.value,
        "verdict_words": _WORDS[inst.verdict],
        "mark_md": _MD_MARK[inst.verdict],
        "mark_tex": _TEX_MARK[inst.verdict],
        "evidence": [f"{e.method}: {e.detail}" for e in inst.evidence],
        "evidence_tex": [tex_escape(f"{e.method}: {e.detail}") for e in inst.evidence],
    }


def build_view(vd: VerifiedDerivation, **printer_settings: Any) -> dict[str, Any]:
    """Everything a template needs, as strings and lists of strings."""
    ctx = _Ctx(DerivePrinter(printer_settings))
    d = vd.derivation
    size = str(d.size) if d.size is not None else ""
    steps = [_step_view(ctx, vs, n, size) for n, vs in enumerate(vd.steps, start=1)]
    result = _step_view(ctx, vd.result, len(steps) + 1, size)
    lhs, rhs = d.result.chain[0], d.result.chain[-1]
    counts = {v.value: sum(1 for s in vd.steps if s.verdict is v) for v in Verdict}
    return {
        "name": d.name,
        "title": d.title,
        "title_tex": d.title,
        "intro": d.intro,
        "definitions": [{"name": df.name, "latex": f"{ctx.tex(df.lhs)} = {ctx.tex(df.rhs)}"} for df in d.definitions],
        "steps": steps,
        "result": result,
        "result_latex": f"{ctx.tex(lhs)} = {ctx.tex(rhs)}",
        "result_conditions": result["conditions"],
        "notes": list(d.notes),
        "instance": _instance_view(ctx, vd.instance) if vd.instance is not None else None,
        "verdict": vd.verdict.value,
        "verdict_words": _WORDS[vd.verdict],
        "tally": ", ".join(f"{n} {v}" for v, n in counts.items() if n),
        "generator": f"derive {__version__} (verifier {VERIFIER_VERSION})",
        "k_suffix": f", k = {vd.instance.k}" if vd.instance is not None else "",
    }
