"""The softmax-ce derivation: every step proved, and planted errors refuted with counterexamples."""

from __future__ import annotations

import pytest
from sympy import Derivative, Eq, Ne, Sum

from derive.derivations.softmax_ce import L, build, i, k, o, y, yhat, z
from derive.verify import Context, Verdict, verify_chain

DERIVATION = build()
CTX = Context(DERIVATION.size, DERIVATION.definitions, DERIVATION.assumptions)
STEPS = {s.id: s for s in DERIVATION.steps}
ONEHOT = Eq(Sum(y[o], (o, 1, k)), 1, evaluate=False)


def test_steps_follow_the_seed():
    assert list(STEPS) == ["chain-rule", "jacobian-same", "jacobian-other", "loss-gradient", "substitute", "one-hot"]
    assert STEPS["jacobian-same"].conditions == (Eq(i, o),)
    assert STEPS["jacobian-other"].conditions == (Ne(i, o),)
    assert STEPS["one-hot"].conditions == (ONEHOT,)


def test_step_results_are_the_known_closed_forms():
    # Structural comparisons of what SymPy computed against the textbook forms.
    assert STEPS["jacobian-same"].chain[-1] == yhat[o] * (1 - yhat[o])
    assert STEPS["jacobian-other"].chain[-1] == -yhat[o] * yhat[i]
    assert STEPS["loss-gradient"].chain[-1] == -y[o] / yhat[o]
    assert STEPS["substitute"].chain[-1] == yhat[i] * Sum(y[o], (o, 1, k)) - y[i]
    assert DERIVATION.result.chain[-1] == yhat[i] - y[i]


@pytest.mark.parametrize("step", [*DERIVATION.steps, DERIVATION.result], ids=lambda s: s.id)
def test_every_step_is_proved(step):
    report = verify_chain(step.chain, step.conditions, CTX)
    for link in report.links:
        assert link.verdict is Verdict.PROVED, link.evidence
        assert {e.method for e in link.evidence} == {"symbolic", "exact", "numeric"}
        assert all(e.outcome == "pass" for e in link.evidence)


def _replace(chain, n, new):
    return tuple(new if m == n else c for m, c in enumerate(chain))


MUTANTS = {
    # name: (chain, conditions)
    "sign flip (Case 2 result)": ((Derivative(yhat[o], z[i]), yhat[o] * yhat[i]), (Ne(i, o),)),
    "dropped term (Case 1 quotient rule)": (
        (STEPS["jacobian-same"].chain[2], STEPS["jacobian-same"].chain[3].args[0]), (Eq(i, o),)),
    "swapped index (seed's Case 2 slip: d yhat_i / d z_i)": ((Derivative(yhat[i], z[i]), -yhat[o] * yhat[i]), (Ne(i, o),)),
    "wrong case condition (Case 1 under i != o)": ((Derivative(yhat[o], z[i]), yhat[o] * (1 - yhat[o])), (Ne(i, o),)),
    "wrong constraint (labels sum to 2)": (
        STEPS["one-hot"].chain, (Eq(Sum(y[o], (o, 1, k)), 2, evaluate=False),)),
    "missing constraint (one-hot dropped)": (STEPS["one-hot"].chain, ()),
    "seed's loss derivative with the sum left in": ((Derivative(L, yhat[o]), -Sum(y[o] / yhat[o], (o, 1, k))), ()),
    "wrong exponent": ((STEPS["jacobian-same"].chain[3], yhat[o] - yhat[o] ** 3), (Eq(i, o),)),
    "wrong factor in the result": ((Derivative(L, z[i]), 2 * yhat[i] - y[i]), (ONEHOT,)),
}


@pytest.mark.parametrize("name", list(MUTANTS))
def test_planted_error_is_refuted_with_a_counterexample(name):
    chain, conditions = MUTANTS[name]
    report = verify_chain(chain, conditions, CTX)
    assert report.verdict is Verdict.REFUTED
    cex = [link.counterexample for link in report.links if link.counterexample is not None]
    assert cex, "a refuted link must carry a counterexample"
    assert cex[0].k is not None  # values may be empty when both sides are constants at that k
    assert cex[0].lhs != cex[0].rhs


def test_a_claim_that_holds_only_at_the_sampled_sizes_is_not_checked():
    """Without a general proof, the instances are all the evidence there is; a polynomial in k with
    roots at every sampled size (1..6 and 8) would pass them, so further sizes are compared before
    a link is called checked."""
    from sympy import Mul, Rational

    trap = Mul(*[(k - r) for r in (1, 2, 3, 4, 5, 6, 8)])
    true, false = [Sum(o, (o, 1, k)), k * (k + 1) * Rational(1, 2)], [Sum(o, (o, 1, k)), k * (k + 1) * Rational(1, 2) + trap]
    kept = verify_chain(true, [], CTX).links[0]
    assert kept.verdict is Verdict.CHECKED  # the symbolic method does not sum powers of the index
    assert "also at k = 7, 9, 10, 11, 12, 13, 17, 24" in kept.evidence[2].detail
    caught = verify_chain(false, [], CTX).links[0]
    assert caught.verdict is Verdict.REFUTED
    assert caught.counterexample is not None and caught.counterexample.k == 7


def _fresh_walkers():
    from derive import verify

    verify._WALKERS.clear()


def test_a_report_does_not_depend_on_what_was_verified_before():
    """The walkers (and their numeric points) are shared by every chain at one size; a chain's
    report must still be the same whether it is verified first or after others, or the cache
    would hold reports that a fresh run does not reproduce."""
    step = STEPS["substitute"]
    _fresh_walkers()
    alone = verify_chain(step.chain, step.conditions, CTX)
    _fresh_walkers()
    for other in DERIVATION.steps:
        if other.id != step.id:
            verify_chain(other.chain, other.conditions, CTX)
    after = verify_chain(step.chain, step.conditions, CTX)
    assert after == alone


def test_numeric_points_are_a_function_of_the_variable_and_the_size():
    from derive.concrete import NumericField

    first, second = NumericField(3, salt="k=5"), NumericField(3, salt="k=5")
    a = [first.variable(v) for v in (z[1], z[2], y[1])]
    b = [second.variable(v) for v in (y[1], z[2], z[1])][::-1]
    assert a == b
    assert a[0] != a[1]  # different variables, different values
    assert NumericField(3, salt="k=6").variable(z[1]) != a[0]
    import mpmath

    with mpmath.workdps(50):  # rationals n/20 in 1/20..2, as mpmath's own division gives them at 50 digits
        allowed = {(mpmath.mpf(n) / 20)._mpf_ for n in range(1, 41)}
    assert all(x in allowed for v in a for x in v)


def test_the_numeric_field_computes_what_mpmath_computes():
    """The field works on mpmath's raw numbers with mpmath's own functions; every operation must
    give what mpmath's number objects give at 50 digits, to the last bit."""
    import mpmath
    from sympy import Integer, Rational

    from derive.concrete import NumericField, Unsupported

    f = NumericField(2, salt="t")
    a, b = f.variable(z[1]), f.variable(z[2])
    with mpmath.workdps(50):
        ma, mb = [mpmath.mpf(x) for x in a], [mpmath.mpf(x) for x in b]
        raw = lambda xs: tuple(x._mpf_ for x in xs)  # noqa: E731
        assert f.add([a, b, f.const(Rational(1, 3))]) == raw(mpmath.fsum([x, y, mpmath.mpf(1) / 3]) for x, y in zip(ma, mb))
        assert f.mul([a, b, b]) == raw(x * y * y for x, y in zip(ma, mb))
        assert f.power(a, Integer(-3)) == raw(x ** -3 for x in ma)
        assert f.power(a, Rational(1, 2)) == raw(mpmath.power(x, mpmath.mpf(1) / 2) for x in ma)
        assert f.exp(a) == raw(mpmath.exp(x) for x in ma)
        assert f.log(a) == raw(mpmath.log(x) for x in ma)
        tolerance = mpmath.mpf(10) ** -35
        same = f.differences(a, f.add([a, f.const(Integer(0))]), 35)
        assert same == [0.0, 0.0]
        assert f.differences(a, b, 35) == [float(abs(x - y)) if abs(x - y) <= tolerance * (1 + abs(x) + abs(y)) else None
                                           for x, y in zip(ma, mb)]
    assert f.is_zero(f.const(Integer(0))) and not f.is_zero(a)
    negative = f.add([f.const(Integer(-5)), a])  # every value is at most 2
    with pytest.raises(Unsupported):
        f.log(negative)
    with pytest.raises(Unsupported):
        f.power(negative, Rational(1, 2))


def test_a_bounded_memo_gives_the_same_reports(monkeypatch):
    from derive import concrete

    step = STEPS["substitute"]
    _fresh_walkers()
    expected = verify_chain(step.chain, step.conditions, CTX)
    monkeypatch.setattr(concrete, "MEMO_LIMIT", 50)  # cleared many times within one walk
    _fresh_walkers()
    assert verify_chain(step.chain, step.conditions, CTX) == expected
    _fresh_walkers()


def test_a_derivative_variable_is_recognised_after_the_expression_numbers_are_renewed(monkeypatch):
    """The walker keys its memo by numbers it gives expressions; the table of numbers is bounded,
    and an expression met after it is renewed gets a new number. The variable of a derivative is
    then still recognised (compared as an expression), so d(z_1^2 z_2)/dz_1 stays 2 z_1 z_2."""
    from derive import concrete
    from derive.calculus import Definitions

    def value(walker):
        return walker.value(Derivative(z[1] ** 2 * z[2], z[1]), {})

    field = concrete.ExactField()
    expected = value(concrete.Walker(Definitions(()), None, 2, field))
    assert not field.equal(expected, field.const(0))
    real = concrete.Walker._mode

    def renewed(self, target, keep):  # as if the numbers were renewed just after the mode was made
        mode = real(self, target, keep)
        _, kept, variable = self._modes[mode]
        self._modes[mode] = (-1, kept, variable)
        return mode

    monkeypatch.setattr(concrete.Walker, "_mode", renewed)
    assert field.equal(value(concrete.Walker(Definitions(()), None, 2, field)), expected)


def test_splitting_the_logarithms_before_differentiating_gives_the_same_derivative():
    """The symbolic method expands ``ln(e^{z_o}/S)`` into ``z_o - ln S`` before SymPy
    differentiates (far less work); the derivative must be the one of the unexpanded body, at
    general k and with the sums written out."""
    from derive.calculus import canonical_sums, evaluate_derivatives, is_zero_form, linearize_sums

    defs = CTX.defs
    for expr, size in [(Derivative(L, z[i]), k), (Derivative(L, z[2]).xreplace({k: 3}), None)]:
        plain = evaluate_derivatives(expr, defs, explicit=size is None)
        split = evaluate_derivatives(expr, defs, explicit=size is None, split_logs=True)
        assert split != plain  # a different form: the logarithm was split off before differentiating
        assert is_zero_form(canonical_sums(linearize_sums(split - plain, size)))


def test_a_walker_with_a_solved_variable_takes_only_what_does_not_mention_it_from_its_parent():
    """With the one-hot constraint solved for y_3, dL/dz_i is walked by a walker whose parent (no
    substitutions, same field) supplies what does not mention y (the softmax and its derivatives);
    the values are those of a walker that computes everything itself."""
    from derive import concrete

    defs, field = CTX.defs, concrete.ExactField()
    solved = {y[3]: 1 - y[1] - y[2]}
    parent = concrete.Walker(defs, k, 3, field)
    child = concrete.Walker(defs, k, 3, field, solved, parent=parent)
    alone = concrete.Walker(defs, k, 3, field, solved)
    for member in (Derivative(L, z[i]), yhat[i] - y[i], Sum(y[o], (o, 1, k))):
        for value in (1, 2, 3):
            assert field.equal(child.value(member, {i: value}), alone.value(member, {i: value}))
    assert parent.memo, "the softmax came from the parent"
    mentions = {e: child._mentions_substituted(e, concrete._info(e)[2]) for e in (L, yhat[o], y[o], Derivative(yhat[o], z[i]))}
    assert mentions == {L: True, yhat[o]: False, y[o]: True, Derivative(yhat[o], z[i]): False}
    with pytest.raises(ValueError):
        concrete.Walker(defs, k, 4, field, solved, parent=parent)  # another size


def test_instance_entries_are_proved_as_cases_of_a_general_claim():
    """An entry at k = 3 is proved at general k with its indices as index symbols (different values,
    different symbols: i != o); the evidence names the case."""
    from derive.derivations.softmax_instance import build_instance

    steps = {s.id: s for s in build_instance(3).steps}
    for step_id, case in [("k3-jacobian-1-2", "i = 1, o = 2"), ("k3-jacobian-3-3", "i = 3"), ("k3-gradient-2", "i = 2")]:
        step = steps[step_id]
        (link,) = verify_chain(step.chain, step.conditions, CTX).links
        assert link.verdict is Verdict.PROVED
        assert link.evidence[0].detail.startswith("general k: ") and link.evidence[0].detail.endswith(f"at k = 3 this is the case {case}")


def test_a_wrong_entry_or_one_outside_the_size_is_not_a_general_case():
    """A false entry is not proved (the general claim fails, the instance is refuted); an entry with
    an index outside 1..k is never treated as a case of the general claim, which holds only for
    indices in range (d yhat_1 / d z_5 = -yhat_1 yhat_5 holds for k >= 5, not at k = 3)."""
    from derive import verify

    wrong = verify_chain([Derivative(yhat[1], z[2]), yhat[1] * yhat[2]], [Eq(k, 3)], CTX)
    assert wrong.verdict is Verdict.REFUTED
    outside = [Derivative(yhat[1], z[5]), -yhat[1] * yhat[5]]
    assert verify._as_general_case(outside, [], CTX, 3) is None
    assert verify._as_general_case(outside, [], CTX, 5) is not None  # in range at k = 5: a case
    assert verify_chain(outside, [Eq(k, 3)], CTX).verdict is Verdict.REFUTED


def test_instance_entries_are_proved_symbolically_with_sums_written_out(monkeypatch):
    """Without the general case (not always available), the fixed-size symbolic method writes the
    sums out and solves the one-hot constraint for a label; the gradient components need that
    constraint."""
    from derive import verify
    from derive.derivations.softmax_instance import build_instance

    monkeypatch.setattr(verify, "_as_general_case", lambda *args: None)
    for step in build_instance(3).steps:
        report = verify_chain(step.chain, step.conditions, CTX)
        assert report.verdict is Verdict.PROVED, (step.id, report.links[0].evidence)
        assert report.links[0].evidence[0].outcome == "pass"
    gradient = [s for s in build_instance(3).steps if "gradient" in s.id][0]
    assert gradient.conditions, "the gradient entries carry the one-hot constraint"


def test_a_link_that_cannot_be_evaluated_at_the_further_sizes_is_not_checked(monkeypatch):
    """A link without a general proof must also agree at `Settings.more_ks`; when that comparison
    could not run, the link is unknown, not checked."""
    from sympy import Rational

    from derive import verify
    from derive.verify import Evidence

    claim = [Sum(o, (o, 1, k)), k * (k + 1) * Rational(1, 2)]  # true; no general proof (see above)
    real = verify._numbers

    def failing_at_more_sizes(members, conds, ctx, rng):
        exact, counter, num, n = real(members, conds, ctx, rng)
        if ctx.settings.numeric_ks[:len(CTX.settings.more_ks)] == CTX.settings.more_ks and not ctx.settings.ks:
            num = [Evidence("numeric", "error", "no point evaluated")] * len(num)
        return exact, counter, num, n

    monkeypatch.setattr(verify, "_numbers", failing_at_more_sizes)
    link = verify_chain(claim, [], CTX).links[0]
    assert link.verdict is Verdict.UNKNOWN
    assert "could not be evaluated" in link.evidence[2].detail
