"""What every planned step carries besides its chain: the definition it works on and its move,
so that a step that fails to verify is reported by name (`derive.gradient.plan`)."""

from __future__ import annotations

from dataclasses import dataclass

from ..steps import Step

__all__ = ["Planned"]


@dataclass(frozen=True)
class Planned:
    """A planned ``step``; ``definition`` names the definition (or assumption) the step works
    on, ``move`` what it does (``the chain rule``, ``differentiating L with respect to yhat_o``)."""

    step: Step
    definition: str
    move: str
