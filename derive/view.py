"""Turn a verified derivation into the strings the templates lay out (no logic left for Jinja)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sympy import Basic, Expr

from . import __version__
from .engine import VerifiedDerivation, VerifiedStep
from .errors import RenderError
from .latex import DerivePrinter
from .prose import rename_math, rename_prose
from .steps import Display
from .verify import VERIFIER_VERSION, Verdict

__all__ = ["build_view", "result_display", "step_label", "ELIDE_ABOVE", "LABEL_PREFIX"]

#: Vectors and matrices larger than this are shown with \cdots, \vdots and \ddots.
ELIDE_ABOVE = 6

_WORDS = {
    Verdict.PROVED: "proved",
    Verdict.CHECKED: "checked, not proved",
    Verdict.UNKNOWN: "unknown",
    Verdict.REFUTED: "REFUTED",
}
#: Marks in Markdown are math, not the characters ✓ and ✗, which pdflatex (pandoc's default PDF
#: engine) cannot set; KaTeX, MathJax and pandoc's amssymb all know ``\checkmark``.
_MD_MARK = {Verdict.PROVED: r"$\checkmark$", Verdict.CHECKED: r"$\checkmark$?", Verdict.UNKNOWN: "?", Verdict.REFUTED: r"$\times$"}
_TEX_MARK = {Verdict.PROVED: r"$\checkmark$", Verdict.CHECKED: r"$\checkmark$?", Verdict.UNKNOWN: "?", Verdict.REFUTED: r"$\times$"}

_TEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "_": r"\_", "^": r"\^{}", "#": r"\#",
                "%": r"\%", "&": r"\&", "$": r"\$", "~": r"\~{}",
                # Not special, but the default OT1 font encoding prints them as other glyphs.
                "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}"}

#: Labels are ``derive:NAME:STEPID``; characters outside this set become ``-``.
LABEL_PREFIX = "derive"
_LABEL_UNSAFE = re.compile(r"[^A-Za-z0-9.-]")


def tex_escape(text: str) -> str:
    """Plain text made safe for LaTeX (no command can be formed from it)."""
    return "".join(_TEX_SPECIAL.get(c, c) for c in text)


_INLINE_MATH = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$")


def tex_prose(text: str) -> str:
    """Words with inline math written by `derive` (a rule such as ``one-hot: $\\sum_o y_o = 1$``, an
    instance's evidence): the words escaped with `tex_escape`, the math kept as LaTeX math."""
    out, end = [], 0
    for m in _INLINE_MATH.finditer(text):
        out.append(tex_escape(text[end : m.start()]))
        out.append(m.group(0))
        end = m.end()
    out.append(tex_escape(text[end:]))
    return "".join(out)


def anchor(name: str, part: str) -> str:
    """The stable id of a Markdown heading, ``softmax-ce-chain-rule``: the derivation's name and
    the step's id, never the heading's words (renderers make different anchors from those)."""
    return "-".join((_LABEL_UNSAFE.sub("-", name), _LABEL_UNSAFE.sub("-", part))).replace(".", "-")


def step_label(name: str, step_id: str) -> str:
    """The LaTeX label of a step, ``derive:softmax-ce:jacobian-same``: stable across runs."""
    return ":".join((LABEL_PREFIX, _LABEL_UNSAFE.sub("-", name), _LABEL_UNSAFE.sub("-", step_id)))


@dataclass(frozen=True)
class _Ctx:
    printer: DerivePrinter
    name: str
    numbered: bool
    plain: bool
    size_tex: str  # ``k`` (or the derivation's own size symbol) in LaTeX; "" without a size
    size_text: str

    def tex(self, e: Basic) -> str:
        return self.printer.doprint(e)

    def prose(self, text: str) -> str:
        """Words with inline math, the math in the printer's notation (`derive.prose`)."""
        return rename_prose(text, self.printer._settings["names"], self.printer._settings["log"])

    def math(self, tex: str) -> str:
        """LaTeX math written by `derive` in the default notation, in the printer's notation."""
        return rename_math(tex, self.printer._settings["names"], self.printer._settings["log"])


def _lines(ctx: _Ctx, chain: Sequence[Expr]) -> list[str]:
    """``a &= b``, ``&= c``, ...: one line per link of the chain."""
    first, *rest = chain
    return [f"{ctx.tex(first)} &= {ctx.tex(rest[0])}"] + [f"&= {ctx.tex(m)}" for m in rest[1:]]


def _align_tex(lines: Sequence[str], label: str) -> str:
    """The body of an ``align`` environment with one number, on the last line, carrying ``label``.

    Without a label the lines are joined as they are (for ``align*``).
    """
    if not label:
        return " \\\\\n".join(lines)
    marked = [f"{line} \\notag" for line in lines[:-1]] + [f"{lines[-1]} \\label{{{label}}}"]
    return " \\\\\n".join(marked)


def _summary(vs: VerifiedStep, general: str, escape: Callable[[str], str]) -> str:
    """One line: what each method established across the step's links.

    ``general`` is the size as it should appear (``k`` or ``$k$``), already in the target markup;
    ``escape`` makes the rest of the words safe for it.
    """
    parts = []
    methods = {"symbolic": (escape("symbolic for general "), general) if general else (escape("symbolic"), ""),
               "exact": (escape("exact instances"), ""), "numeric": (escape("50-digit numerics"), "")}
    for method, (words, size) in methods.items():
        outcomes = [e.outcome for link in vs.report.links for e in link.evidence if e.method == method]
        if outcomes and all(o == "pass" for o in outcomes):
            parts.append(words + size)
        elif outcomes:
            bad = sorted({o for o in outcomes if o != "pass"})
            parts.append(words + size + escape(f": {'/'.join(bad)}"))
    return escape("; ").join(parts)


def _plain(text: str) -> str:
    return text


def _counterexamples(vs: VerifiedStep) -> list[str]:
    return [link.counterexample.describe() for link in vs.report.links if link.counterexample is not None]


def _step_view(ctx: _Ctx, vs: VerifiedStep, number: int) -> dict[str, Any]:
    s = vs.step
    conds = [ctx.tex(c) for c in s.conditions]
    lines = _lines(ctx, s.chain)
    if ctx.plain and conds:  # no verification note to name the condition: the display states it
        lines[-1] += r" \qquad \text{for } " + ", ".join(conds)
    label = step_label(ctx.name, s.id) if ctx.numbered else ""
    return {
        "id": s.id,
        "number": number,
        "label": label,
        "anchor": anchor(ctx.name, s.id),
        "title": ctx.prose(s.title),
        "rule": s.rule,
        "rule_tex": tex_prose(s.rule),
        "explanation": ctx.prose(s.explanation),
        "conditions": ", ".join(conds),
        "aligned": " \\\\\n".join(lines),
        "align_tex": _align_tex(lines, label),
        "env_tex": "align" if ctx.numbered else "align*",
        "tag_md": f" \\tag{{{number}}}" if ctx.numbered else "",
        "verdict": vs.verdict.value,
        "verdict_words": _WORDS[vs.verdict],
        "mark_md": _MD_MARK[vs.verdict],
        "mark_tex": _TEX_MARK[vs.verdict],
        "summary": _summary(vs, f"${ctx.size_tex}$" if ctx.size_tex else "", _plain),
        "summary_tex": _summary(vs, f"${ctx.size_tex}$" if ctx.size_tex else "", tex_escape),
        "counterexamples": _counterexamples(vs),
        "counterexamples_tex": [tex_escape(c) for c in _counterexamples(vs)],
    }


def _shown(n: int) -> list[int | None]:
    """Indices to show for a length-n vector: all, or 1, 2, ..., n with None for the dots."""
    return list(range(1, n + 1)) if n <= ELIDE_ABOVE else [1, 2, None, n]


def _pmatrix(rows: Sequence[Sequence[str]]) -> str:
    r"""A ``pmatrix``. Cells with fractions are set in display style (a ``\frac`` in a matrix cell is
    otherwise script-sized), rows apart: ``\\[3ex]`` counts from the depth of the array strut, so
    ``1ex`` would not clear a display fraction (in LaTeX and in KaTeX alike)."""
    tall = any(r"\frac" in cell for row in rows for cell in row)
    if tall:
        rows = [[c if c in (r"\vdots", r"\cdots", r"\ddots") else rf"\displaystyle {c}" for c in row] for row in rows]
    sep = r" \\[3ex] " if tall else r" \\ "
    return r"\begin{pmatrix} " + sep.join(" & ".join(row) for row in rows) + r" \end{pmatrix}"


def _vector(ctx: _Ctx, items: Sequence[Expr]) -> str:
    return _pmatrix([[ctx.tex(items[i - 1]) if i else r"\vdots"] for i in _shown(len(items))])


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
        out.append(cells)
    return _pmatrix(out)


def _display(ctx: _Ctx, d: Display) -> dict[str, str]:
    body = _vector(ctx, [r[0] for r in d.rows]) if all(len(r) == 1 for r in d.rows) else _matrix(ctx, d.rows)
    return {"lhs": ctx.math(d.lhs), "latex": body}


def _instance_view(ctx: _Ctx, inst: Any) -> dict[str, Any]:
    return {
        "k": inst.k,
        "description": ctx.prose(inst.description),
        "displays": [_display(ctx, d) for d in inst.displays],
        "elided": any(len(d.rows) > ELIDE_ABOVE for d in inst.displays),
        "verdict": inst.verdict.value,
        "verdict_words": _WORDS[inst.verdict],
        "mark_md": _MD_MARK[inst.verdict],
        "mark_tex": _TEX_MARK[inst.verdict],
        "evidence": [f"{e.method}: {e.detail}" for e in inst.evidence],
        "evidence_tex": [tex_prose(f"{e.method}: {e.detail}") for e in inst.evidence],
    }


def _result_display(ctx: _Ctx, vd: VerifiedDerivation) -> str:
    chain, conditions = vd.derivation.result.chain, vd.derivation.result.conditions
    boxed = rf"\boxed{{{ctx.tex(chain[0])} = {ctx.tex(chain[-1])}}}"
    if not conditions:
        return boxed
    return rf"{boxed} \qquad \text{{for }} " + ", ".join(ctx.tex(c) for c in conditions)


def _context(vd: VerifiedDerivation, numbered: bool, printer_settings: dict[str, Any], plain: bool = False) -> _Ctx:
    printer = DerivePrinter(printer_settings)
    size = vd.derivation.size
    size_tex = printer.doprint(size) if size is not None else ""
    size_text = printer._settings["names"].get(str(size), str(size)) if size is not None else ""
    return _Ctx(printer, vd.derivation.name, numbered, plain, size_tex, size_text)


def result_display(vd: VerifiedDerivation, **printer_settings: Any) -> str:
    r"""The boxed result equation with its conditions (``\boxed{...} \qquad \text{for } ...``),
    display-math content for LaTeX, KaTeX and MathJax."""
    return _result_display(_context(vd, False, printer_settings), vd)


def _checks(size: str) -> str:
    """How every equation was checked, for the closing note (``size`` already in its markup)."""
    if not size:
        return "symbolically, exactly by direct evaluation, and numerically to 50 digits"
    return f"symbolically for general {size} by index calculus, exactly at concrete {size}, and numerically to 50 digits"


def _check_unique_labels(steps: Sequence[dict[str, Any]]) -> None:
    seen: dict[str, str] = {}
    for s in steps:
        if s["label"] in seen:
            raise RenderError(f"steps {seen[s['label']]!r} and {s['id']!r} would share the label {s['label']!r}",
                              hint="give the steps ids that differ in letters, digits, '.' or '-'")
        seen[s["label"]] = s["id"]


def build_view(vd: VerifiedDerivation, *, numbered: bool = False, plain: bool = False, **printer_settings: Any) -> dict[str, Any]:
    r"""Everything a template needs, as strings and lists of strings.

    ``numbered``: each step chain and the result get one equation number (``align`` with
    ``\notag`` on all lines but the last, which carries ``\label{derive:NAME:STEPID}``); the
    Markdown blocks get the same numbers as ``\tag{n}``. ``plain``: paper-ready, without the
    verification notes and the closing note (a step's conditions then close its display, as the
    result's do). Printer settings: see `DerivePrinter`.
    """
    ctx = _context(vd, numbered, printer_settings, plain)
    d = vd.derivation
    steps = [_step_view(ctx, vs, n) for n, vs in enumerate(vd.steps, start=1)]
    result = _step_view(ctx, vd.result, len(steps) + 1)
    if numbered:
        _check_unique_labels([*steps, result])
    display = _result_display(ctx, vd)
    counts = {v.value: sum(1 for s in vd.steps if s.verdict is v) for v in Verdict}
    inst = vd.instance
    size_text = ctx.size_text or "k"
    size_tex = ctx.size_tex or "k"
    return {
        "name": d.name,
        "plain": plain,
        "anchor_prefix": anchor(d.name, "x")[:-2],
        "title": ctx.prose(d.title),
        "title_tex": ctx.prose(d.title),
        "intro": ctx.prose(d.intro),
        "definitions": [{"name": df.name, "latex": f"{ctx.tex(df.lhs)} = {ctx.tex(df.rhs)}"} for df in d.definitions],
        "steps": steps,
        "result": result,
        "result_md": display + result["tag_md"],
        "result_tex": display + (rf" \label{{{result['label']}}}" if numbered else ""),
        "result_env_tex": "equation" if numbered else "equation*",
        "notes": [ctx.prose(n) for n in d.notes],
        "instance": _instance_view(ctx, inst) if inst is not None else None,
        "verdict": vd.verdict.value,
        "verdict_words": _WORDS[vd.verdict],
        "tally": ", ".join(f"{n} {v}" for v, n in counts.items() if n),
        "generator": f"derive {__version__} (verifier {VERIFIER_VERSION})",
        "size_text": size_text,
        "size_tex": size_tex,
        "checks_text": _checks(f"${ctx.size_tex}$" if ctx.size_tex else ""),
        "checks_tex": _checks(f"${ctx.size_tex}$" if ctx.size_tex else ""),
        "k_suffix": f", ${size_tex} = {inst.k}$" if inst is not None else "",  # type: ignore[attr-defined]
        "k_suffix_tex": f", ${size_tex} = {inst.k}$" if inst is not None else "",  # type: ignore[attr-defined]
    }
