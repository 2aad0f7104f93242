"""`derive gradient`'s planner: every spec under examples/specs planned and every step proved; the
catalogue's nine results reached from their specs; the new derivations checked by an oracle that
shares no code with the verifier; the documents read like the catalogue's; unplannable input and
a planted wrong step refused with the definition and the move named."""

from __future__ import annotations

import pytest
from sympy import Derivative, Eq, KroneckerDelta, Ne, Sum, exp

from gradient_support import CATALOGUE, new_specs, planned, spec_paths

ALL = [p.stem for p in spec_paths()]


def test_the_specs_are_there():
    assert set(CATALOGUE) <= set(ALL) and len(new_specs()) >= 6


@pytest.mark.parametrize("stem", ALL)
def test_every_step_of_every_spec_is_proved(stem):
    from derive.verify import Verdict

    vd = planned(stem).verified
    assert vd.verdict is Verdict.PROVED  # type: ignore[attr-defined]
    for vs in (*vd.steps, vd.result):  # type: ignore[attr-defined]
        assert vs.verdict is Verdict.PROVED, (stem, vs.step.id)
        for link in vs.report.links:
            assert [e.outcome for e in link.evidence] == ["pass", "pass", "pass"], (stem, vs.step.id)


def _builder(name: str):
    from derive.registry import get

    return get(name).build()


@pytest.mark.parametrize("name", CATALOGUE)
def test_catalogue_spec_gives_the_builders_result(name):
    """The planned result and the hand-written builder's: the same claim (same derivative, same
    conditions), proved equal by derive's verifier and found equal by the independent oracle."""
    from derive.oracle import judge
    from derive.verify import Context, Verdict, verify_chain

    built = _builder(name)
    pd = planned(name).planned
    mine = pd.derivation.result  # type: ignore[attr-defined]
    theirs = built.result
    assert mine.chain[0] == theirs.chain[0]  # the same derivative
    assert set(mine.conditions) == set(theirs.conditions)  # no more assumed than the builder
    ctx = Context(built.size, built.definitions, built.assumptions)
    report = verify_chain([mine.chain[-1], theirs.chain[-1]], theirs.conditions, ctx)
    assert report.verdict is Verdict.PROVED, report
    verdict = judge([(mine.chain[-1], theirs.chain[-1])], list(theirs.conditions), built.definitions, built.size, seed=1)
    assert verdict.outcome == "equal", verdict


@pytest.mark.parametrize("stem", new_specs())
def test_new_derivations_agree_with_the_oracle(stem):
    """Beyond the catalogue there is no builder: SymPy's own diff of the written-out definitions
    (derive.oracle, no code shared with the verifier) must agree with the planned result, and must
    disagree with that result changed by a factor or a term (the check can fail)."""
    from derive.oracle import judge

    pd = planned(stem).planned
    d = pd.derivation  # type: ignore[attr-defined]
    lhs, rhs = d.result.chain[0], d.result.chain[-1]
    conditions = list(d.result.conditions)
    assert judge([(lhs, rhs)], conditions, d.definitions, d.size, seed=2).outcome == "equal"
    for wrong in (2 * rhs, rhs + 1):
        assert judge([(lhs, wrong)], conditions, d.definitions, d.size, seed=2).outcome == "differs", wrong


def _catalogue_steps():
    from derive.latex import DerivePrinter

    printer = DerivePrinter()
    steps = [s for name in CATALOGUE for s in (*_builder(name).steps,)]
    members = max(len(s.chain) for s in steps)
    text = max(max(len(printer.doprint(m)) for m in s.chain) for s in steps)
    return members, text


def test_no_planned_step_is_longer_than_the_catalogues_longest():
    """Members per step, and the longest member's LaTeX, within the catalogue's longest."""
    from derive.latex import DerivePrinter

    printer = DerivePrinter()
    members, text = _catalogue_steps()
    for stem in ALL:
        for s in planned(stem).planned.derivation.steps:  # type: ignore[attr-defined]
            assert len(s.chain) <= members, (stem, s.id, len(s.chain), members)
            longest = max(len(printer.doprint(m)) for m in s.chain)
            assert longest <= text, (stem, s.id, longest, text)


@pytest.mark.parametrize("stem", ALL)
def test_results_are_written_in_the_defined_names(stem):
    """No exponential and no definition's right side is left in a result: the intermediates are
    folded back (yhat_i - y_i, sigma(z) - y, (yhat - y) x_j)."""
    d = planned(stem).planned.derivation  # type: ignore[attr-defined]
    final = d.result.chain[-1]
    assert not final.has(exp), final
    assert not final.has(Derivative), final
    for df in d.definitions:
        assert not (df.rhs.has(Sum) and final.has(df.rhs)), (df.name, final)


def test_the_catalogue_results_read_as_the_catalogues():
    """Where the builder's result is already in the defined names, the planned one is the same
    expression, not merely an equal one."""
    for name in ("softmax-ce", "kl-divergence", "label-smoothing-ce", "log-softmax-nll", "sigmoid-bce",
                 "softmax-jacobian", "temperature-softmax-ce", "focal-loss"):
        assert planned(name).planned.derivation.result.chain[-1] == _builder(name).result.chain[-1], name  # type: ignore[attr-defined]


def test_case_split_where_a_delta_pairs_a_summed_and_a_free_index():
    from derive.symbols import index

    i, o, m, p = index("i"), index("o"), index("m"), index("p")
    steps = planned("softmax-ce").planned.derivation.steps  # type: ignore[attr-defined]
    conditions = [tuple(s.conditions) for s in steps]
    assert (Eq(i, o),) in conditions and (Ne(i, o),) in conditions  # the seed post's two cases
    net = [tuple(s.conditions) for s in planned("two-layer-net").planned.derivation.steps]  # type: ignore[attr-defined]
    assert (Eq(p, m),) in net and (Ne(p, m),) in net  # the sum over hidden units, split at m = p
    jacobian = planned("softmax-jacobian").planned.derivation  # type: ignore[attr-defined]
    assert all(not s.conditions for s in jacobian.steps)  # delta_io between two free indices: no split
    assert jacobian.result.chain[-1].has(KroneckerDelta)
    subst = next(s for s in steps if s.id == "substitute")
    assert subst.rule == "substitution, splitting off $o = i$"


def test_planned_softmax_ce_follows_the_catalogues_path():
    """The chain rule with its sum over o, the two cases of the Jacobian ending in yhat_o (1 -
    yhat_o) and -yhat_i yhat_o, the loss derivative -y_o / yhat_o, the substitution ending in
    yhat_i sum_o y_o - y_i and the constraint: the builder's members, reached by the planner."""
    mine = {s.id: s for s in planned("softmax-ce").planned.derivation.steps}  # type: ignore[attr-defined]
    theirs = {s.id: s for s in _builder("softmax-ce").steps}
    assert mine["chain-rule"].chain == theirs["chain-rule"].chain
    assert mine["dyhat-dz-same"].chain == theirs["jacobian-same"].chain
    assert mine["dyhat-dz-other"].chain == theirs["jacobian-other"].chain
    assert mine["dL-dyhat"].chain[-1] == theirs["loss-gradient"].chain[-1]
    assert mine["substitute"].chain == theirs["substitute"].chain
    assert mine["constraint"].chain == theirs["one-hot"].chain


def test_every_step_has_a_rule_and_one_sentence():
    for stem in ALL:
        d = planned(stem).planned.derivation  # type: ignore[attr-defined]
        for s in (*d.steps, d.result):
            assert s.rule and s.title, (stem, s.id)
            text = s.explanation
            assert text.endswith(".") and text[0].isupper() or text.startswith("$"), (stem, s.id, text)
            assert text.count(". ") == 0, (stem, s.id, text)  # one sentence


def test_planning_is_deterministic():
    from derive.gradient import plan

    pd = planned("label-smoothing-ce").planned
    again = plan(pd.problem)  # type: ignore[attr-defined]
    assert again.derivation == pd.derivation  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------ refusals


def _problem(*defines, wrt, assume=(), of=None):
    from derive.gradient import Spec, read_problem

    return read_problem(Spec(definitions=tuple(defines), assumptions=tuple(assume), wrt=wrt, of=of))


@pytest.mark.parametrize(
    ("defines", "wrt", "message"),
    [
        ((r"\sigma(z) = \frac{1}{1 + e^{-z}}", r"L = z \ln \sigma(z)"), "z",
         "definition of L (L = z \\ln \\sigma(z)): the chain rule: a term of L depends on z both directly and through sigma"),
        ((r"a = z^2", r"b = a^3", r"L = a + b"), "z",
         "definition of L (L = a + b): the chain rule: L uses both b and a, and b depends on a"),
        ((r"u = 2 z", r"\sigma(t) = \frac{1}{1 + e^{-t}}", r"L = \sigma(3 u)"), "z",
         "definition of L (L = \\sigma(3 u)): the chain rule: sigma is applied to an expression"),
    ],
)
def test_unplannable_definitions_name_the_definition_and_the_move(defines, wrt, message):
    from derive.errors import EXIT_USAGE, NotSupportedError
    from derive.gradient import plan

    with pytest.raises(NotSupportedError) as raised:
        plan(_problem(*defines, wrt=wrt))
    assert message in raised.value.one_line()
    assert raised.value.exit_code == EXIT_USAGE


def test_a_planned_step_that_does_not_verify_is_refused(monkeypatch):
    """A wrong member planted in a local derivative: verification refutes it, and the refusal names
    the definition and the move (never a document with a wrong step)."""
    from derive.errors import NotSupportedError
    from derive.gradient import local, plan, verify_planned

    real = local.factored
    monkeypatch.setattr(local, "factored", lambda e: real(e) + 1 if e.has(KroneckerDelta) else real(e))
    pd = plan(_problem(r"\hat{y}_o = \frac{e^{z_o}}{\sum_{j=1}^{k} e^{z_j}}", wrt="z_i"))
    with pytest.raises(NotSupportedError) as raised:
        verify_planned(pd)
    text = raised.value.one_line()
    assert "planned step 'dyhat-dz' is refuted, not proved: definition of yhat" in text
    assert "differentiating yhat with respect to z" in text and "nothing was written" in text


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (dict(defines=("L = x^2",), wrt="y"), "L does not depend on y"),
        (dict(defines=("L = x^2", "L = x^3"), wrt="x"), "L is already defined"),
        (dict(defines=(r"a = b + x", r"b = a^2"), wrt="x"), "refers to a itself"),
        (dict(defines=(r"L = \sum_{o=1}^{k} y_o", r"M = \sum_{o=1}^{n} y_o + L"), wrt="y_i"), "one size is supported"),
        (dict(defines=(r"L = \sum_{o=2}^{k} y_o",), wrt="y_i"), "a sum runs from 2 to k"),
        (dict(defines=(r"L = y_i",), wrt="y_j"), "free index i, which the left side does not have"),
        (dict(defines=("L = x^2",), wrt="L"), "L is defined; differentiate with respect to an independent variable"),
        (dict(defines=("L = x^2",), wrt="x", of="M"), "not one of the defined quantities"),
        (dict(defines=("L = x^2",), wrt="x + 1"), "a variable is a letter"),
        (dict(defines=("L = x^2",), wrt="x", assume=(r"x > 1",)), "an assumption must be an equation"),
        (dict(defines=("x + 1 = 2",), wrt="x"), "the left side must be a new symbol"),
        (dict(defines=(r"L = \frac{x}{",), wrt="x"), "cannot read"),
    ],
)
def test_bad_definitions_are_one_line_usage_errors(kwargs, message):
    from derive.errors import EXIT_USAGE, DeriveError

    with pytest.raises(DeriveError) as raised:
        _problem(*kwargs["defines"], wrt=kwargs["wrt"], assume=kwargs.get("assume", ()), of=kwargs.get("of"))
    assert message in raised.value.one_line()
    assert raised.value.exit_code == EXIT_USAGE and "\n" not in raised.value.one_line()


# ------------------------------------------------------------------------------ spec files


def test_spec_file_front_matter_and_display_equations(tmp_path):
    from derive.gradient import read_problem, read_spec
    from derive.latex import DerivePrinter

    f = tmp_path / "loss.md"
    f.write_text("---\nderive:\n  assume:\n    - '\\sum_{o=1}^{k} y_o = 1'\ngradient:\n  wrt: 'z_i'\n"
                 "  title: 'My loss in $\\hat{y}_o$'\n---\n\nSome prose with $a = b$ inline, ignored.\n\n"
                 "$$\\hat{y}_o = \\frac{e^{z_o}}{\\sum_{j=1}^{k} e^{z_j}}$$\n\n$$L = -\\sum_{o=1}^{k} y_o \\ln \\hat{y}_o$$\n\n"
                 "$$\\sum_{j=1}^{k} t_j = 1$$\n", encoding="utf-8")
    problem = read_problem(read_spec(str(f)))
    assert problem.name == "loss" and [d.name for d in problem.definitions] == ["yhat", "L"]
    assert len(problem.assumptions) == 2 and str(problem.target) == "L"
    assert problem.title == f"My loss in ${DerivePrinter().doprint(problem.definitions[0].lhs)}$"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ngradient:\n  wrtt: 'z'\n---\n$$L = z^2$$\n", "unknown key 'wrtt' under 'gradient:'"),
        ("---\ngradient: z\n---\n$$L = z^2$$\n", "'gradient:' takes the keys"),
        ("---\ngradient:\n  wrt: 'z'\n---\n$$L = z^2 = z z$$\n", "loss.md:5: '"),
        ("---\ngradient:\n  wrt: 'z'\n  title: 'a \\input{x}'\n---\n$$L = z^2$$\n", "holds characters a title may not"),
        ("---\ngradient:\n  wrt: 'z'\n  name: 'My Loss'\n---\n$$L = z^2$$\n", "is not a usable name"),
        ("---\ngradient:\n  wrt: 'z'\n---\nno math\n", "no definition given"),
    ],
)
def test_bad_spec_files_are_one_line_errors(tmp_path, text, message):
    from derive.errors import DeriveError
    from derive.gradient import read_problem, read_spec

    f = tmp_path / "loss.md"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(DeriveError) as raised:
        read_problem(read_spec(str(f)))
    assert message in raised.value.one_line(), raised.value.one_line()
    assert raised.value.exit_code == 2
