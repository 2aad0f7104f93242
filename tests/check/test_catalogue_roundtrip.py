"""The generator and the checker check each other, over the whole catalogue (every registered
derivation, general size, so derivations added later are covered):

- every member of every chain, definition and condition that `derive.latex.to_latex` prints
  parses back with the checker's parser to the same expression (structurally, or, where the
  printer legitimately reorders, proved equal by `verify_chain`);
- every display equation of the rendered Markdown parses back to the chain it was printed from.
"""

from __future__ import annotations

import pytest
from sympy import Basic, Expr
from sympy.core.function import AppliedUndef

from derive.check import CONTINUE, parse_chain, parse_expr, parse_relation, scan
from derive.check.document import Block
from derive.check.reading import split_condition
from derive.engine import VerifiedDerivation, VerifiedStep
from derive.latex import to_latex
from derive.registry import entries
from derive.render import render
from derive.steps import Derivation, Step
from derive.symbols import size as size_symbol
from derive.verify import ChainReport, Context, Evidence, LinkReport, Settings, Verdict, verify_chain
from derive.view import build_view

NAMES = [e.name for e in entries()]
FAST = Settings(ks=(1, 2, 3), numeric_ks=(2, 3), points=2)


@pytest.fixture(scope="module", params=NAMES)
def derivation(request) -> Derivation:
    return next(e for e in entries() if e.name == request.param).build()


def _functions(d: Derivation) -> frozenset[str]:
    """Single-letter function names of the derivation (Greek ones are functions anyway)."""
    found: set[str] = set()
    for e in _expressions(d):
        found |= {str(f.func) for f in e.atoms(AppliedUndef) if len(str(f.func)) == 1}
    return frozenset(found)


def _expressions(d: Derivation) -> list[Expr]:
    out: list[Expr] = [x for df in d.definitions for x in (df.lhs, df.rhs)]
    for step in [*d.steps, d.result]:
        out += list(step.chain)
    return out


def _same(printed_from: Expr, parsed: Basic, d: Derivation, conditions: tuple[Basic, ...] = ()) -> bool:
    """Structurally equal, or proved equal (the printer may reorder terms and factors)."""
    if parsed == printed_from:
        return True
    ctx = Context(d.size, d.definitions, d.assumptions, FAST)
    return verify_chain([printed_from, parsed], conditions, ctx).verdict is Verdict.PROVED


def test_the_catalogue_is_not_empty() -> None:
    assert "softmax-ce" in NAMES and len(NAMES) >= 5


def test_every_printed_expression_parses_back(derivation) -> None:
    size = derivation.size or size_symbol("k")
    functions = _functions(derivation)
    for expr in _expressions(derivation):
        text = to_latex(expr)
        parsed = parse_expr(text, size=size, functions=functions)
        assert _same(expr, parsed, derivation), f"{derivation.name}: {text!r} parsed as {parsed}, printed from {expr}"


def test_every_printed_condition_parses_back(derivation) -> None:
    size = derivation.size or size_symbol("k")
    for step in [*derivation.steps, derivation.result]:
        for condition in step.conditions:
            text = to_latex(condition)
            parsed = parse_relation(text, size=size, functions=_functions(derivation))
            assert parsed == condition, f"{derivation.name}: {text!r} parsed as {parsed}, printed from {condition}"
    for assumption in derivation.assumptions:
        assert parse_relation(to_latex(assumption), size=size) == assumption


def _unverified(d: Derivation) -> VerifiedDerivation:
    """The derivation with every step marked unknown: rendering without the cost of verifying."""
    evidence = tuple(Evidence(m, "error", "not verified in this test") for m in ("symbolic", "exact", "numeric"))

    def stub(step: Step) -> VerifiedStep:
        return VerifiedStep(step, ChainReport(tuple(LinkReport(Verdict.UNKNOWN, evidence) for _ in step.links)))

    return VerifiedDerivation(d, tuple(stub(s) for s in d.steps), stub(d.result))


def test_the_rendered_markdown_parses_back(derivation) -> None:
    markdown = render("derivation.md.j2", build_view(_unverified(derivation)))
    doc = scan(markdown, kind="md", name=f"{derivation.name}.md")
    blocks = [b for b in doc.items if isinstance(b, Block)]
    result = derivation.result
    expected: list[tuple[tuple[Expr, ...], tuple[Basic, ...]]] = [((df.lhs, df.rhs), ()) for df in derivation.definitions]
    expected += [(step.chain, step.conditions) for step in derivation.steps]
    expected.append(((result.chain[0], result.chain[-1]), result.conditions))  # the boxed result
    assert len(blocks) == len(expected), [b.latex for b in blocks]
    size = derivation.size or size_symbol("k")
    functions = _functions(derivation)
    for block, (chain, conditions) in zip(blocks, expected, strict=True):
        body, written = split_condition(block.latex)
        parsed = parse_chain(body, size=size, functions=functions)
        assert parsed[0] is not CONTINUE
        assert len(parsed) == len(chain), block.latex
        for got, want in zip(parsed, chain, strict=True):
            assert _same(want, got, derivation, conditions), f"{derivation.name}: {block.latex!r}: {got} vs {want}"
        if block is blocks[-1]:  # the result display states its conditions after the equation
            assert [parse_relation(c, size=size) for c in written] == list(conditions)


def test_derive_check_verifies_every_equation_derive_renders(derivation) -> None:
    """The rendered Markdown, read by `derive check` as a careful reader would (definitions,
    case headings such as "Case 1: $i = o$" and "$\\gamma = 0$", the conditions after the boxed
    result): every equation is a definition or verified."""
    from derive.check import CheckOptions, check_text

    markdown = render("derivation.md.j2", build_view(_unverified(derivation)))
    report = check_text(markdown, f"{derivation.name}.md", CheckOptions(jobs=2, timeout=120, settings=FAST))
    wrong = [(e.line, e.verdict.value, e.reason) for e in report.equations if e.verdict.value not in ("verified", "definition")]
    assert not wrong, wrong
    displays = {e.order for e in report.equations}  # a display's rows share its position
    assert len(displays) == len(derivation.definitions) + len(derivation.steps) + 1
