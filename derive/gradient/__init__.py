"""`derive gradient`: plan a derivation from definitions alone (spec reading, the chain rule,
local derivatives with their case splits, folding back into names, substitution, the assumptions),
verify it and hand it to the usual renderers.

Modules, in the order data flows: ``spec`` (the request as text), ``problem`` (parsed with `derive
check`'s grammar), ``chain`` (the chain rule), ``local`` (each local derivative), ``fold`` and
``tidy`` (names back in, readable forms), ``collect`` (substitution), ``constraints`` (the
assumptions), ``explain`` (the words), ``plan`` (the `Derivation`), ``instance`` (``--k``),
``entries`` (spec files as registry entries).
"""

from __future__ import annotations

from .plan import PlannedDerivation, plan, verify_planned
from .problem import Problem, read_problem
from .spec import Spec, read_spec

__all__ = ["PlannedDerivation", "Problem", "Spec", "plan", "read_problem", "read_spec", "verify_planned"]
