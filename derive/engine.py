"""Verify a whole derivation: every step, the result and the concrete instance, in order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .cache import cached_verify_chain
from .steps import Derivation, Step
from .verify import ChainReport, Context, Settings, Verdict, worst

__all__ = ["VerifiedStep", "VerifiedDerivation", "verify_derivation"]

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class VerifiedStep:
    """A step with its report."""

    step: Step
    report: ChainReport

    @property
    def verdict(self) -> Verdict:
        return self.report.verdict


@dataclass(frozen=True)
class VerifiedDerivation:
    """A derivation, the verdict on each of its steps, on its result and on its instance."""

    derivation: Derivation
    steps: tuple[VerifiedStep, ...]
    result: VerifiedStep
    instance: object | None = None  # an InstanceResult when --k was given
    instance_steps: tuple[VerifiedStep, ...] = ()

    @property
    def verdict(self) -> Verdict:
        verdicts = [s.verdict for s in (*self.steps, self.result, *self.instance_steps)]
        if self.instance is not None:
            verdicts.append(self.instance.verdict)  # type: ignore[attr-defined]
        return worst(verdicts)

    #: What a notebook shows (`_repr_markdown_`, `_repr_latex_`): ``"result"`` (compact: the
    #: boxed result and the verdict) or ``"document"`` (the whole Markdown document).
    display: str = field(default="result", compare=False)

    def __repr__(self) -> str:
        """Short: the name, the size and the verdicts, never the whole derivation."""
        k = getattr(self.instance, "k", None)
        at = f" k={k}" if k is not None else ""
        return f"<VerifiedDerivation {self.derivation.name}{at}: {self.verdict.value} ({self._tally()})>"

    def _tally(self) -> str:
        """``6 steps: 6 proved; result proved; instance k = 3 proved``."""
        verdicts = [s.verdict.value for s in self.steps]
        tally = ", ".join(f"{verdicts.count(v)} {v}" for v in dict.fromkeys(verdicts))
        line = f"{len(verdicts)} steps: {tally}; result {self.result.verdict.value}"
        if self.instance is not None:
            line += f"; instance k = {self.instance.k} {self.instance.verdict.value}"  # type: ignore[attr-defined]
        return line

    def to_markdown(self, *, plain: bool = False, numbered: bool = False) -> str:
        """The Markdown document, as ``derive NAME --format md`` writes it (``plain``: without the
        verification notes; ``numbered``: ``\\tag{n}`` per step)."""
        from .render import render
        from .view import build_view

        return render("derivation.md.j2", build_view(self, numbered=numbered, plain=plain))

    def to_latex(self, *, plain: bool = False, numbered: bool = False, fragment: bool = False) -> str:
        """The LaTeX document, as ``derive NAME --format tex`` writes it; ``fragment``: the body
        only, to ``\\input`` into a paper (``--fragment``); ``plain``, ``numbered``: as the options."""
        from .render import render
        from .view import build_view

        template = "fragment.tex.j2" if fragment else "derivation.tex.j2"
        return render(template, build_view(self, numbered=numbered, plain=plain))

    def as_document(self) -> VerifiedDerivation:
        """The same, shown in a notebook as the whole Markdown document."""
        return replace(self, display="document")

    def as_result(self) -> VerifiedDerivation:
        """The same, shown in a notebook as the boxed result and its verdict (the default)."""
        return replace(self, display="result")

    def _repr_markdown_(self) -> str:
        """Jupyter: the boxed result and the verdict (compact, the default), or the whole document."""
        if self.display == "document":
            return self.to_markdown()
        from .view import result_display

        return f"$${result_display(self)}$$\n\n**{self.derivation.name}**: {self.verdict.value} ({self._tally()})\n"

    def _repr_latex_(self) -> str | None:
        """Jupyter: the boxed result equation with its conditions, in ``$$...$$`` (compact display
        only: with the document display the notebook shows the Markdown)."""
        if self.display == "document":
            return None
        from .view import result_display

        return f"$${result_display(self)}$$"


def verify_steps(steps: tuple[Step, ...], ctx: Context, progress: Progress | None, label: str) -> tuple[VerifiedStep, ...]:
    out = []
    for n, step in enumerate(steps, start=1):
        if progress:
            progress(f"{label} {step.id}", n, len(steps))
        out.append(VerifiedStep(step, cached_verify_chain(step.chain, step.conditions, ctx)))  # see derive.cache
    return tuple(out)


def verify_derivation(
    d: Derivation,
    *,
    instance: object | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> VerifiedDerivation:
    """Verify every step and the result of ``d`` (and the per-entry steps of ``instance``)."""
    ctx = Context(d.size, d.definitions, d.assumptions, settings or Settings())
    steps = verify_steps(d.steps, ctx, progress, "step")
    (result,) = verify_steps((d.result,), ctx, progress, "result")
    extra = verify_steps(getattr(instance, "steps", ()), ctx, progress, "instance") if instance is not None else ()
    return VerifiedDerivation(d, steps, result, instance, extra)
