"""Verify a whole derivation: every step, the result and the concrete instance, in order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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

    def _repr_markdown_(self) -> str:
        """Jupyter: the whole Markdown document (``$$`` math; rendered by the notebook's MathJax)."""
        from .render import render
        from .view import build_view

        return render("derivation.md.j2", build_view(self))

    def _repr_latex_(self) -> str:
        """Jupyter: the boxed result equation with its conditions, in ``$$...$$``."""
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
