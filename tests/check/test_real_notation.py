"""The notation of real documents (issue 15): each construct read as its author means it, or
refused with a reason, never guessed. Table-driven, like the parser's own tests."""

from __future__ import annotations

import pytest
from sympy import Derivative, Pow, Rational, Sum, exp, log

from derive.check.checker import check_text
from derive.check.document import Block, scan
from derive.check.parser import Unsupported, parse_chain
from derive.check.report import LinkVerdict
from derive.latex import to_latex
from derive.symbols import array, index, scalar, size
from derive.symbols import function as function_

k = size("k")
x, z = scalar("x"), scalar("z")
i, j = index("i"), index("j")


def verdicts(text: str) -> list[str]:
    return [e.verdict.value for e in check_text(text, "doc.md").equations]


# ------------------------------------------------------------------ presentation read through
SAME = [
    (r"\cancel{x} + z", r"x + z"),
    (r"\underbrace{x + z}_{\text{the sum}}", r"x + z"),
    (r"\overbrace{x}^{\text{a}} z", r"x z"),
    (r"{x \over z}", r"\frac{x}{z}"),
    (r"\left. x \right.", r"x"),
    (r"x \hspace{1em} + z", r"x + z"),
    (r"\color{red} x", r"x"),
    (r"\textcolor{blue}{x}", r"x"),
    (r"\operatorname{exp}(x)", r"\exp(x)"),
    (r"log(x) + exp(z)", r"\log(x) + \exp(z)"),
    (r"\mathbb{1}[i = j]", r"\delta_{i j}"),
    (r"\mathbb{1}\{i=j\}", r"\delta_{i j}"),
    (r"\mathbb{I}(i = j)", r"\delta_{i j}"),
    (r"\mathbf{1}_{i=j}", r"\delta_{i j}"),
    (r"\frac{\mathrm{d} x^2}{\mathrm{d} x}", r"\frac{d x^2}{d x}"),
]


@pytest.mark.parametrize("written,plain", SAME)
def test_presentation_reads_as_the_plain_form(written: str, plain: str) -> None:
    assert parse_chain(written, size=k) == parse_chain(plain, size=k)


def test_functions() -> None:
    (t,) = parse_chain(r"\tanh(z)", size=k)
    assert (t - (exp(z) - exp(-z)) / (exp(z) + exp(-z))).expand() == 0 or t == (exp(z) - exp(-z)) / (exp(z) + exp(-z))
    assert parse_chain(r"\tanh^2(z)", size=k) == [((exp(z) - exp(-z)) / (exp(z) + exp(-z))) ** 2]
    assert parse_chain(r"\log_2 x", size=k) == [log(x) / log(2)]
    assert parse_chain(r"\cosh z", size=k) == [(exp(z) + exp(-z)) / 2]


def test_examples_and_calligraphic_names() -> None:
    x_ex = array("x_ex")
    assert parse_chain(r"x^{(i)}_j", size=k) == [x_ex[i, j]]
    assert to_latex(x_ex[i, j]) == "x^{(i)}_{j}"
    (loss,) = parse_chain(r"\mathcal{L}", size=k)
    assert to_latex(loss) == r"\mathcal{L}"
    assert parse_chain(r"\frac{d\sigma}{dx}(x)", size=k) == [Derivative(scalar("sigma"), x)]


REFUSED = [
    (r"y_i(z_i)", "function applied to a variable or as a product"),
    (r"J(\theta)", "function applied to a variable or as a product"),
    (r"\frac{d\sigma}{dx}(y)", "derivative evaluated at a point"),
    (r"0.1 \, 0.2", "numbers side by side"),
    (r"W^L a^{L-1}", "layers"),
]


@pytest.mark.parametrize("text,why", REFUSED)
def test_what_would_be_misread_is_refused(text: str, why: str) -> None:
    with pytest.raises(Unsupported, match=why):
        parse_chain(text, size=k)


def test_products_stay_products() -> None:
    p = array("p")
    assert parse_chain(r"p_i(1 - p_i)", size=k) == [p[i] * (1 - p[i])]


# ------------------------------------------------------------------ documents
def test_environments_fences_and_foreign_front_matter() -> None:
    text = (
        "---\nlayout: post\ntitle: \"Softmax: a derivation\"\ntags: [ml]\n---\n"
        "$$\n\\begin{align*}\na &= x^2 \\\\\n  &= x \\cdot x\n\\end{align*}\n$$\n"
        "```math\nb = x + x\n```\n"
        "\\begin{equation}\n\\frac{db}{dx} = 3\n\\end{equation}\n"
        "```python\n# $$ c = 1 $$\n```\n"
    )
    doc = scan(text, kind="md")
    assert [b.line for b in doc.items if isinstance(b, Block)] == [8, 13, 16]
    assert any("code block (python) holds math" in w for w in doc.warnings)
    # a = x^2 defines a, then x^2 = x x holds: each row of the align has its own verdict
    assert verdicts(text) == ["definition", "verified", "definition", "refuted"]


def test_piecewise_right_side() -> None:
    head = r"$$p_i = \frac{e^{z_i}}{\sum_{j=1}^{k} e^{z_j}}$$" + "\n"
    good = head + r"$$\frac{\partial p_i}{\partial z_j} = \begin{cases} p_i(1-p_j) & \text{if } i = j \\ -p_i p_j & \text{otherwise} \end{cases}$$"
    bad = head + r"$$\frac{\partial p_i}{\partial z_j} = \begin{cases} p_i(1-p_j) & i = j \\ p_i p_j & i \neq j \end{cases}$$"
    assert verdicts(good) == ["definition", "verified"]
    assert verdicts(bad) == ["definition", "refuted"]
    assert verdicts(r"$$f(x) = \begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}$$") == ["unsupported"]
    typed = head + r"$$\frac{\partial p_i}{\partial z_j} = \begin{cases} - p_i p_j, & i \neq j \\ p_i - p_i^2, & \text {i = j} \end{cases}$$"
    assert verdicts(typed) == ["definition", "verified"]  # the relation typed as text: \text {i = j}
    assert verdicts(typed.replace("p_i - p_i^2", "p_i + p_i^2")) == ["definition", "refuted"]


def test_condition_after_a_comma() -> None:
    head = r"$$a_j = \frac{e^{z_j}}{\sum_{m=1}^{k} e^{z_m}}$$" + "\n"
    assert verdicts(head + r"$$ \frac{\partial a_j}{\partial z_i} = a_i(1 - a_i), \quad i = j $$") == ["definition", "verified"]


def test_one_hot_in_words() -> None:
    text = (
        "Since $y$ is a one-hot vector, the labels sum to one.\n\n"
        r"$$\sum_{j=1}^{k} y_j a = a$$" + "\n"
    )
    report = check_text(text, "doc.md")
    assert [e.verdict.value for e in report.equations] == ["verified"]
    assert any(n.role == "assumption" and "one-hot" in n.note for n in report.context)
    # without the words: not assumed; y, new here and on one side only, may be defined in words: not refuted
    assert verdicts(r"$$\sum_{j=1}^{k} y_j a = a$$") == ["unknown"]
    assert verdicts(r"$$\sum_{j=1}^{k} y_j a = a$$ $$\sum_{j=1}^{k} y_j a = a \sum_{j=1}^{k} y_j$$") == ["unknown", "verified"]
    assert verdicts(r"$$b = \sum_{j=1}^{k} y_j$$ $$\sum_{j=1}^{k} y_j a = a$$") == ["definition", "refuted"]


def test_a_binary_quantity_is_checked_at_0_and_1() -> None:
    head = "Here $y \\in \\{0, 1\\}$.\n\n"
    report = check_text(head + "$$y^2 = y$$\n$$y^2 = 2 y$$\n", "doc.md")
    first, second = report.equations
    assert first.verdict.value == "verified" and "holds at y = 0 and at y = 1" in first.links[0].detail
    assert second.verdict.value == "refuted" and second.links[0].counterexample is not None
    assert verdicts("$$y^2 = y$$\n") == ["refuted"]  # no membership stated: y is any number


def test_what_cannot_be_read_is_never_refuted() -> None:
    # a number written rounded, an undefined output, a vector derivative, a value at an example
    assert verdicts(r"$$a = x$$" + "\n" + r"$$-\log(0.245) + a - a = 1.406$$") == ["definition", "unknown"]
    assert verdicts(r"$$a = x$$" + "\n" + r"$$-\log(0.245) + a - a = 1.5$$") == ["definition", "refuted"]
    text = r"$$q = \frac{e^{z_1}}{e^{z_1} + e^{z_2}}$$" + "\n" + r"$$q = p_1 + 0$$" + "\n" + r"$$\frac{\partial p_1}{\partial z_1} = 1$$"
    assert "refuted" not in verdicts(text)[1:2]
    vec = r"$$L = -\sum_{k=1}^{K} y_k \log o_k$$" + "\n" + r"$$\frac{\partial L}{\partial o} = 1$$"
    assert verdicts(vec) == ["definition", "unknown"]
    assert verdicts(r"$$L = -\log(0.245)$$") == ["unsupported"]


def test_chained_definition() -> None:
    report = check_text(r"$$t = f(z) = \frac{1}{1+e^{-z}}$$" + "\n" + r"$$\frac{dt}{dz} = f(z)(1 - f(z))$$", "doc.md")
    assert [link.verdict for link in report.equations[0].links] == [LinkVerdict.DEFINITION, LinkVerdict.DEFINITION]
    assert report.equations[1].verdict.value == "verified"


def test_mathjax_script_tags() -> None:
    text = 'Text\n<script type="math/tex; mode=display">\nx + x = 3 x\n</script>\nand <script type="math/tex">a = b</script>.\n'
    doc = scan(text, kind="md")
    assert [(b.line, b.latex.strip()) for b in doc.items if isinstance(b, Block)] == [(3, "x + x = 3 x")]
    assert verdicts(text) == ["refuted"]


def test_positions_in_reasons_are_in_the_file() -> None:
    report = check_text("Text.\n\n$$x + \\int y = 1$$\n\n$$\n\\begin{align}\na &= 1 \\\\\nb &= \\infty\n\\end{align}\n$$\n", "doc.md")
    first, *rest = report.equations
    assert "at line 3, column 7" in first.reason, first.reason
    assert any("at line 8, column 6" in e.reason for e in rest), [e.reason for e in rest]


# ------------------------------------------------------------------ names, labels and typos read as meant
theta = array("theta")
h_theta = function_("h__theta")
READ = [
    (r"sigmoid(z)", 1 / (1 + exp(-z))),
    (r"2*sigmoid(z)-1", 2 / (1 + exp(-z)) - 1),
    (r"softplus(x)", log(1 + exp(x))),
    (r"softmax(z)_i", exp(array("z")[i]) / Sum(exp(array("z")[j]), (j, 1, k))),
    (r"\text{Cost}(x, z)", function_("Cost")(x, z)),
    (r"cost(x, z)", function_("cost")(x, z)),
    (r"h_\theta(x)", h_theta(x)),
    (r"\log h_{\theta}(x)", log(h_theta(x))),
    (r"h_\theta", scalar("h__theta")),
    (r"x_\text{max} - x_{\mathrm{min}}", scalar("x__max") - scalar("x__min")),
    (r"e^-x", exp(-x)),
    (r"{\rm e}^{x}", exp(x)),
    (r"x \cdot -z", -x * z),
    (r"x / -z", -x / z),
    (r"\frac{\delta z}{\delta x}", Derivative(z, x)),
    (r"\frac{\partial}{x}(z^2)", Derivative(z**2, x)),
    (r"\frac{-\partial z^2}{\partial x}", -Derivative(z**2, x)),
    (r"\frac{\partial}{\partial h_\theta} \log h_\theta(x)", Derivative(log(h_theta(x)), h_theta(x))),
    (r"y_klog(p_k)", array("y")[k] * log(array("p")[k])),
]


@pytest.mark.parametrize("written,meant", READ, ids=[w for w, _ in READ])
def test_read_as_meant(written: str, meant) -> None:
    assert parse_chain(written, size=k) == [meant]


MORE_REFUSED = [
    (r"softmax(z)", "softmax of a whole vector"),
    (r"\theta^{\top}", "transpose"),
    (r"a_\theta(x)", "function applied to a variable or as a product"),
]


@pytest.mark.parametrize("text,why", MORE_REFUSED)
def test_more_that_would_be_misread_is_refused(text: str, why: str) -> None:
    with pytest.raises(Unsupported, match=why):
        parse_chain(text, size=k)


def test_a_parameterised_hypothesis() -> None:
    text = (
        r"$$h_{\theta}(x^{(i)}) = \frac{1}{1 + e^{-\theta_0 - \theta_1 x^{(i)}}}$$" + "\n\n"
        r"$$\frac{\partial h_{\theta}}{\partial \theta_1} = h_\theta(x) (1 - h_\theta(x)) x$$" + "\n\n"
        r"$$\frac{\partial}{\partial h_\theta}\left(\log h_\theta(x^{(i)})\right) = \frac{1}{h_\theta(x^{(i)})}$$" + "\n\n"
        r"$$\frac{\partial h_{\theta}}{\partial \theta_1} = h_\theta(x) (1 - h_\theta(x))$$" + "\n"
    )
    assert verdicts(text) == ["definition", "verified", "verified", "refuted"]


def test_a_condition_in_plain_words() -> None:
    text = "when y=1\n$$\nlog(y h + (1-y)(1-h)) = log(h)\n$$\nand when y=0\n$$\nlog(y h + (1-y)(1-h)) = log(h)\n$$\n"
    assert verdicts(text) == ["verified", "refuted"]


def test_the_correct_class() -> None:
    head = r"$$L = -\sum_{i=1}^{K} y_i \log p_i$$" + "\n\nLet the index of the correct class be $c$.\n\n"
    assert verdicts(head + r"$$L = -\log p_c$$") == ["definition", "verified"]
    assert verdicts(head + r"$$L = -\log p_c - 1$$") == ["definition", "refuted"]
    assert verdicts(r"$$L = -\sum_{i=1}^{K} y_i \log p_i$$" + "\n\n" + r"$$L = -\log p_c$$") == ["definition", "ill-formed"]


def test_an_index_used_as_a_number_is_no_definition() -> None:
    text = r"$$p_j = \frac{e^j}{\sum_{i=1}^{k} e^i}$$" + "\n\n" + r"$$\frac{\partial p_j}{\partial z_j} = p_j (1 - p_j)$$"
    assert verdicts(text)[0] == "unsupported"
    assert "refuted" not in verdicts(text)


READ_MORE = [
    (r"L(\mathbf{p})", scalar("L(p)")),
    (r"l(\mathbf{y}, \hat{\mathbf{y}})", scalar("l(y,yhat)")),
    (r"s(\mathbf x)_i", array("s(x)")[i]),
    (r"[\sigma(\mathbf{a})]_i", array("sigma(a)")[i]),
    (r"\mathrm{softmax}(\mathbf{z})_j", exp(array("z")[j]) / Sum(exp(array("z")[index("m")]), (index("m"), 1, k))),
    (r"(1 - f(z))'", Derivative(1 - function_("f")(z), z)),
    (r"(x^2)^{\prime\prime}", Derivative(x**2, (x, 2))),
    (r"x_1 + x_2 + \dots + x_n", Sum(array("x")[j], (j, 1, index("n")))),
    (r"z + x_1 + \cdots + x_k", z + Sum(array("x")[j], (j, 1, k))),
    (r"a_1 b_1 + \ldots + a_n b_n", Sum(array("a")[j] * array("b")[j], (j, 1, index("n")))),
    (r"Y_{i1}", array("Y")[i, 1]),
    (r"\frac 1 {1 + x} + \frac12", 1 / (1 + x) + Rational(1, 2)),
    (r"E_y1", scalar("E__y1")),
    (r"\mathcal{L}(\theta)", function_("L_cal")(scalar("theta"))),
    (r"\mathbf{ x + z }", x + z),
    (r"\tilde{w} + \bar{x} + \overline{\mu}", scalar("wtilde") + scalar("xbar") + scalar("mubar")),
    (r"\hat{y_i}", array("yhat")[i]),
    (r"x \cancel{- z} + z", x),
    (r"\frac{d}{dx}(x^2) z", Derivative(x**2, x) * z),
]


@pytest.mark.parametrize("written,meant", READ_MORE, ids=[w for w, _ in READ_MORE])
def test_more_read_as_meant(written: str, meant) -> None:
    assert parse_chain(written, size=k) == [meant]


STILL_REFUSED = [
    (r"\mathbf{x} = 2", "between a vector and a number"),
    (r"\mathbf{W} \mathbf{x}", "matrices"),
    (r"\mathbf{y} \mathbf{s}", "a product of two vectors"),
    (r"\mathbf{x} + c", "a number or a vector"),
    (r"\frac{\partial \mathbf{p}}{\partial \mathbf{z}}", "Jacobian"),
    (r"\mathbb{R}", "blackboard sets"),
    (r"u'", "with respect to which variable"),
    (r"(x z)'", "with respect to which variable"),
    (r"x_1 + x_3 + \dots + x_n", "not consecutive"),
    (r"x_1 + \dots + z_n", "pattern is not shown"),
    (r"\frac{d}{dx} x z", "several factors is ambiguous"),
    (r"f (x)", "function applied to a variable or as a product"),
    (r"\sigma (z)", "function applied to a variable or as a product"),
]


@pytest.mark.parametrize("text,why", STILL_REFUSED)
def test_still_refused(text: str, why: str) -> None:
    with pytest.raises(Unsupported, match=why):
        parse_chain(text, size=k)


def test_a_function_of_a_vector_also_defines_its_name() -> None:
    text = (
        r"$$L(\mathbf{p}) = -\sum_{i=1}^{n} y_i \log p_i$$" + "\n\n"
        r"$$\frac{\partial L}{\partial p_j} = -\frac{y_j}{p_j}$$" + "\n\n"
        r"$$s(\mathbf{x})_i = \frac{e^{x_i}}{\sum_{j=1}^{n} e^{x_j}}$$" + "\n\n"
        r"$$\frac{\partial s(\mathbf x)_i}{\partial x_i} = s(\mathbf x)_i - s(\mathbf x)_i^2$$" + "\n"
    )
    assert verdicts(text) == ["definition", "verified", "definition", "verified"]


def test_a_misreading_is_never_a_refutation() -> None:
    # x^{(i)} and x^{(i)}_j in one claim: a scalar and a vector's entry, or one quantity?
    head = r"$$h(x^{(i)}) = \frac{1}{1 + e^{-w_1 x^{(i)}}}$$" + "\n\n"
    assert verdicts(head + r"$$\frac{\partial h(x^{(i)})}{\partial w_j} = h(x^{(i)}) (1 - h(x^{(i)})) x^{(i)}_j$$") == ["definition", "unknown"]
    assert verdicts(head + r"$$\frac{\partial h(x^{(i)})}{\partial w_1} = h(x^{(i)}) (1 - h(x^{(i)})) x^{(i)}$$") == ["definition", "verified"]
    # the function's name alone beside its value at x^{(i)}: that value
    assert verdicts(head + r"$$\frac{\partial}{\partial w_1} \log h(x^{(i)}) = \frac{1}{h(x^{(i)})} \frac{\partial h}{\partial w_1}$$") == ["definition", "verified"]


def test_equations_between_vectors_entry_by_entry() -> None:
    a = index("j")
    assert parse_chain(r"\mathbf{p} = \text{softmax}(\mathbf{x})", size=k) == [
        array("p")[a], exp(array("x")[a]) / Sum(exp(array("x")[index("m")]), (index("m"), 1, k))
    ]
    assert parse_chain(r"\nabla_{\mathbf{z}} L = \hat{\mathbf{y}} - \mathbf{y}", size=k) == [
        Derivative(scalar("L"), array("z")[a]), array("yhat")[a] - array("y")[a]
    ]
    assert parse_chain(r"\mathbf{y} \odot \mathbf{s}", size=k) == [array("y")[a] * array("s")[a]]
    text = (
        "Let $ \\mathbf{p} = \\text{softmax}(\\mathbf{z}) $, with labels $\\sum_{i=1}^{k} y_i = 1$.\n\n"
        r"$$L = -\sum_{i=1}^{k} y_i \log p_i$$" + "\n\n"
        r"$$\frac{\partial L}{\partial \mathbf{z}} = \mathbf{p} - \mathbf{y}$$" + "\n\n"
        r"$$\nabla_{\mathbf{z}} L = \mathbf{y} - \mathbf{p}$$" + "\n"
    )
    assert verdicts(text) == ["definition", "verified", "refuted"]


def test_two_sizes_m_examples_and_n_features() -> None:
    head = r"$$J = \frac{1}{2m}\sum_{i=1}^{m} \left(\sum_{j=1}^{n} w_j x_{ij} - y_i\right)^2$$" + "\n\n"
    right = r"$$\frac{\partial J}{\partial w_a} = \frac{1}{m}\sum_{i=1}^{m} \left(\sum_{j=1}^{n} w_j x_{ij} - y_i\right) x_{ia}$$"
    wrong = r"$$\frac{\partial J}{\partial w_a} = \frac{2}{m}\sum_{i=1}^{m} \left(\sum_{j=1}^{n} w_j x_{ij} - y_i\right) x_{ia}$$"
    # true only when m = n: the instances (taken with the sizes equal) agree, the general proof fails: not decided
    only_square = r"$$\frac{\partial J}{\partial w_a} = \frac{1}{n}\sum_{i=1}^{m} \left(\sum_{j=1}^{n} w_j x_{ij} - y_i\right) x_{ia}$$"
    assert verdicts(head + right) == ["definition", "verified"]
    assert verdicts(head + wrong) == ["definition", "refuted"]
    assert verdicts(head + only_square) == ["definition", "unknown"]


def test_dot_products_and_vector_arguments() -> None:
    n, l = size("n"), index("l")
    theta, x_ = array("theta"), array("x")
    assert parse_chain(r"\theta^Tx", size=k) == [Sum(theta[l] * x_[l], (l, 1, n))]
    assert parse_chain(r"\theta^T x^{(i)}", size=k) == [Sum(theta[l] * array("x_ex")[i, l], (l, 1, n))]
    for text, why in ((r"x^{T}", "transpose"), (r"X^T X", "matrix"), (r"(X^TX)^{-1}", "matrix")):
        with pytest.raises(Unsupported, match=why):
            parse_chain(text, size=k)
    doc = (
        r"$$h_\theta(x) = \frac{1}{1 + e^{-\theta^T x}}$$" + "\n\n"
        r"$$J(\theta) = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log h_\theta(x^{(i)}) + (1 - y^{(i)}) \log (1 - h_\theta(x^{(i)})) \right]$$" + "\n\n"
        r"$$\frac{\partial J(\theta)}{\partial \theta_j} = \frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} - h_\theta(x^{(i)}) \right) x_j^{(i)}$$" + "\n"
    )
    # the sign slip of a logistic regression gradient is caught (h at x^{(i)}: the entries of x^{(i)})
    assert verdicts(doc) == ["definition", "definition", "refuted"]


def test_a_new_name_at_the_end_of_a_chain_names_it() -> None:
    text = r"$$\hat{\mu} = \frac{\sum_{i=1}^{n} x_i}{n} = \bar{x}$$" + "\n\n" + r"$$\hat{\mu} - \bar{x} = 0$$" + "\n"
    report = check_text(text, "doc.md")
    assert [link.verdict.value for link in report.equations[0].links] == ["definition", "definition"]
    assert verdicts(text) == ["definition", "verified"]


def test_a_counterexample_outside_the_real_numbers_is_no_refutation() -> None:
    # the counterexample found has 1 - s < 0 under a power g: the left side has no real value there
    report = check_text(r"$$F = -(1 - s)^{g} \ln s$$" + "\n\n" + r"$$F = -\ln s$$" + "\n", "doc.md")
    second = report.equations[1]
    assert second.verdict.value == "unknown" and "leaves the real numbers" in second.links[0].detail


LOGISTIC = r"""
Logistic regression with $h_\theta(x) = \sigma(\theta^T x)$:

$$J(\theta) = -\frac{1}{m}\sum_{i=1}^m \left[y^{(i)}\log h_\theta(x^{(i)}) + (1-y^{(i)})\log(1-h_\theta(x^{(i)}))\right]$$

$$\frac{\partial J(\theta)}{\partial \theta_j} = \frac{1}{m}\sum_{i=1}^m \left(h_\theta(x^{(i)}) - y^{(i)}\right) x_j^{(i)}$$

$$\frac{\partial J(\theta)}{\partial \theta_j} = \frac{1}{m}\sum_{i=1}^m \left(y^{(i)} - h_\theta(x^{(i)})\right) x_j^{(i)}$$
"""


def test_the_logistic_regression_gradient_over_examples_and_features() -> None:
    """Summands equal only after rational simplification (and SymPy's ``power_exp`` turning
    ``e^{\\sum}`` into a product of exponentials) are proved summand by summand; the undefined
    \\sigma of a document about logistic regression is the sigmoid, said so in a note."""
    report = check_text(LOGISTIC, "doc.md")
    assert [e.verdict.value for e in report.equations if e.kind == "display"] == ["definition", "verified", "refuted"]
    assert any("logistic sigmoid" in n.note for n in report.context)
    no_words = LOGISTIC.replace("Logistic regression with", "With")
    assert [e.verdict.value for e in check_text(no_words, "doc.md").equations if e.kind == "display"][1:] == ["unknown", "unknown"]


@pytest.mark.parametrize("text", [
    r"Logistic regression. $$\sigma^2 = \frac{1}{n}$$ $$\sigma(z) (1 - z) = 1$$",  # \sigma also a quantity
    r"The sigmoid. $$\sigma(z) = \tanh(z)$$ $$\sigma(0) = 0$$",  # the document defines its own \sigma
])
def test_the_sigmoid_by_name_only_for_an_undefined_function(text: str) -> None:
    assert not any("logistic sigmoid" in n.note for n in check_text(text, "doc.md").context)


def test_divergence_bars() -> None:
    """``D_{KL}(P \\| Q)``: one double bar between a function's arguments separates them."""
    text = r"""
$$D_{KL}(P \| Q) = \sum_i p_i \log\frac{p_i}{q_i}$$

$$D_{\mathrm{KL}}\left(P \,\|\, Q\right) = \sum_i p_i \log\frac{p_i}{q_i}$$

$$D_{KL}(P \parallel Q) = \sum_i p_i \log p_i + \sum_i p_i \log q_i$$

$$D_{KL}(P \| Q) = \sum_i p_i \log p_i - \sum_i p_i \log q_i$$
"""
    # the last splits ln(p_i / q_i), true for positive p_i, q_i only: the inputs are reals of any sign
    assert verdicts(text) == ["definition", "verified", "refuted", "unknown"]


def test_an_index_that_is_also_a_quantity_is_not_ill_formed() -> None:
    """``E_p[-\\log q]`` beside ``H(p)``: p is a distribution, not an index of E."""
    assert verdicts(r"$$H(p,q)=E_{p}[-\log q]=H(p)+q$$") == ["unknown"]


@pytest.mark.parametrize("text,verdict", [
    (r"$$\tanh'(x) = 1 - \tanh^2(x)$$", "verified"),
    (r"$$\tanh'(x) = 1 + \tanh^2(x)$$", "refuted"),
    (r"$$\tanh'(2x) = 1 - \tanh^2(2x)$$", "verified"),
    (r"$$\text{sigmoid}'(z) = \text{sigmoid}(z)(1 - \text{sigmoid}(z))$$", "verified"),
    (r"$$\log'(x) = \frac{1}{x}$$", "verified"),
])
def test_primes_on_named_functions(text: str, verdict: str) -> None:
    assert verdicts(text) == [verdict]


def test_words_that_name_quantities() -> None:
    """loss, MSE, E_{total}, y_{true}: one name each (a short list of words; other words are refused)."""
    assert parse_chain(r"y_{true} - y_{pred} = loss", size=k) == [scalar("y__true") - scalar("y__pred"), scalar("loss")]
    text = r"""
$$E_{total} = \frac{1}{2}(t - o)^2$$

$$\frac{\partial E_{total}}{\partial o} = -(t - o)$$

$$\frac{\partial E_{total}}{\partial o} = (t - o)$$

$$MSE = \frac{1}{n}\sum_{i=1}^{n} (y_i - w x_i)^2$$

$$\frac{\partial}{\partial w} MSE = -\frac{2}{n}\sum_{i=1}^{n} x_i (y_i - w x_i)$$
"""
    assert verdicts(text) == ["definition", "verified", "refuted", "definition", "verified"]
    assert verdicts(r"$$\text{the loss} = 1$$ $$\label{eq:loss} lossy = 2$$") == ["unsupported", "unsupported"]


def test_justifications_beside_a_step_are_not_part_of_it() -> None:
    text = r"""
Let $\sigma(x) = \frac{1}{1+e^{-x}}$.

$$
\begin{align}
\sigma'(x) &= \frac{e^{-x}}{(1+e^{-x})^2} && \text{(chain rule)} \\
&= \sigma(x)(1-\sigma(x)) \qquad \text{by the definition of the sigmoid} \\
&= \sigma(x)(1+\sigma(x)) \quad \text{using algebra}
\end{align}
$$
"""
    rows = [e for e in check_text(text, "doc.md").equations if e.kind == "display"]
    assert [(e.line, [link.verdict.value for link in e.links]) for e in rows] == [(6, ["proved"]), (7, ["proved"]), (8, ["refuted"])]
    # a justification that states a relation is what the step relies on: the step is checked under it
    relied = r"$$a = \sum_i y_i b \\ &= b \quad \text{since } \sum_i y_i = 1$$"
    assert verdicts(relied) == ["verified"]
    (eq,) = check_text(relied, "doc.md").equations
    assert eq.links[-1].conditions == (r"\sum_{i=1}^{k} y_{i} = 1",)


def test_index_cases_stated_only_in_words() -> None:
    """A formula for i \\neq j written without its case is not refuted (the words may state it);
    `If $$i = j$$,` in a sentence is that sentence's case (kramdown's inline $$)."""
    text = r"""
Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$.

$$\frac{\partial p_i}{\partial z_j} = -p_i p_j$$

And when \(I\not=j\) (a case not read: I is not i)

$$\frac{\partial p_i}{\partial z_j} = -p_i p_j$$

$$\frac{\partial p_i}{\partial z_j} = p_i p_j$$

If $$i = j$$, then

$$\frac{\partial p_i}{\partial z_j} = p_i(1 - p_j)$$
"""
    # without words about cases the formula for i \neq j is refuted (the forgotten delta), after
    # them it is not (it holds when i \neq j); one that fails in both cases is refuted anyway
    assert verdicts(text) == ["refuted", "unknown", "refuted", "verified"]


@pytest.mark.parametrize("written,plain", [
    (r"p_j.p_i", r"p_j \cdot p_i"),
    (r"\frac{dJ}{dv} . \frac{dv}{da}", r"\frac{dJ}{dv} \cdot \frac{dv}{da}"),
    (r"a.(1-a)", r"a \cdot (1-a)"),
    (r"0.5 x", r"0.5 x"),
    (r"x_1,...,x_n", r"x_1,...,x_n"),
    (r"\left( x \right). \tag{5}", r"\left( x \right). \tag{5}"),
    (r"P(x_1,x_2;\mu,\sigma)", r"P(x_1,x_2\mid \mu,\sigma)"),
    (r"\sum _{ k }^{  }{ e^{a_k} }", r"\sum _{ k }{ e^{a_k} }"),
    (r"\mathcal L", r"\mathcal{L}"),
    (r"a \text{ } - b", r"a   - b"),
    (r"\sum_{k=1, k \not=j}^c e^{z_k}", r"\sum_{k \neq j}^c e^{z_k}"),
    (r"P(Y=1|x)", r"P_{\mathrm{Y1givenx}}"),
    (r"p(y = 0 \mid x; \theta)", r"p_{\mathrm{y0givenxtheta}}"),
    (r"P(Y=k|x_i)", r"P(Y=k|x_i)"),  # an index in it: not one quantity
    (r"p(y=1 \lvert x)", r"p_{\mathrm{y1givenx}}"),
    (r"\vect{x} + \vect{w}", r"\mathbf{x} + \mathbf{w}"),
    (r"a \space b", r"a        b"),
    (r"\textbf{x} + \bf{w}", r"\mathbf{x} + \mathbf{w}"),
    (r"\langle w, x_i \rangle", r"(w^\top x_i)"),
    (r"\langle \mathbf{w},\mathbf{x}\rangle", r"(\mathbf{w}^\top \mathbf{x})"),
    (r"\langle x \rangle", r"\langle x \rangle"),  # one argument: an expectation or a bra-ket, not read
])
def test_periods_semicolons_and_empty_scripts(written: str, plain: str) -> None:
    from derive.check.presentation import read_through

    assert read_through(written) == plain


def test_hugo_katex_shortcodes_are_math() -> None:
    text = "{{< katex display >}}\nx^2 - 1 = (x - 1)(x + 1)\n{{< /katex >}}\n\nand {{< katex >}}a = b{{< /katex >}} inline.\n"
    doc = scan(text, kind="md")
    assert [b.latex.strip() for b in doc.items if isinstance(b, Block)] == ["x^2 - 1 = (x - 1)(x + 1)"]
    assert verdicts(text) == ["verified"]


def test_the_index_of_a_sum_with_an_exclusion() -> None:
    """``\\sum_{i \\neq j}`` with i free outside the sum runs over j (as the author means)."""
    chain = parse_chain(r"t_i y_i + \sum_{i\ne j}^k t_j y_i = y_i", size=k)
    assert chain[0].atoms(Sum).pop().limits[0][0] == j
    chain = parse_chain(r"\sum_{j\ne i}^k t_j y_i = y_i", size=k)
    assert chain[0].atoms(Sum).pop().limits[0][0] == j


def test_a_definition_through_a_quantity_never_read_is_replaced_by_a_readable_one() -> None:
    text = r"""
$$L(\mu; x) = \prod_{i=1}^n f(x_i)$$

$$\ell(\mu) = \log(L(\mu; x))$$

$$\ell(\mu) = -\frac{1}{2}\sum_{i=1}^n (x_i - \mu)^2$$

$$\frac{\partial}{\partial \mu} \ell(\mu) = \sum_{i=1}^n (x_i - \mu)$$

$$\frac{\partial}{\partial \mu} \ell(\mu) = \sum_{i=1}^n (\mu - x_i)$$
"""
    # the product is read, but L's parameter mu is used only through the undefined f: no definition
    assert verdicts(text) == ["unknown", "definition", "definition", "verified", "refuted"]
    assert verdicts(text.replace("\\prod", "\\sum")) == ["unknown", "definition", "definition", "verified", "refuted"]


def test_probabilities_of_events_are_quantities() -> None:
    text = r"""
$$P(Y=1|x) = \frac{\exp(w x)}{1+\exp(w x)}$$

$$P(Y=0|x) = \frac{1}{1+\exp(w x)}$$

$$\log\frac{P(Y=1|x)}{P(Y=0|x)} = w x$$

$$P(Y=1|x) + P(Y=0|x) = 1$$

$$\log\frac{P(Y=1|x)}{1-P(Y=1|x)} = -w x$$
"""
    assert verdicts(text) == ["definition", "definition", "verified", "verified", "refuted"]


def test_an_update_rule_does_not_make_its_parameter_an_output() -> None:
    text = r"""
$$J(w,b) = \frac{1}{2m} \sum_{i=1}^{m} (w x_i + b - y_i)^2$$

$$w = w - \alpha \frac{\partial J(w,b)}{\partial w}$$

$$\frac{\partial J(w,b)}{\partial b} = \frac{1}{m} \sum_{i=1}^{m} (w x_i + b - y_i)$$
"""
    assert verdicts(text) == ["definition", "unsupported", "verified"]


def test_a_dot_product_of_unwritten_length_beside_a_sum_over_another_range() -> None:
    """theta^T x is read as a sum over 1..d; beside a sum from 0 to n over the same vectors that is
    a guess at the range, never a refutation."""
    assert verdicts(r"$$h(x) = \sum_{i=0}^{n}\theta_{i}x_{i} = \theta^{T}x$$") == ["unknown"]


def test_a_row_whose_left_side_starts_with_a_sign_is_an_equation_of_its_own() -> None:
    text = r"""
$$y = \frac{1}{1+e^{-z}}$$

$$
\begin{split}
-\log(y) &= \log(1+e^{-z}) \\
-\log(1-y) &= \log(1+e^{z})
\end{split}
$$
"""
    found = verdicts(text)  # joined as one chain, the two rows would be refuted
    assert found[0] == "definition" and len(found) == 3 and set(found[1:]) <= {"verified", "checked"}, found


def test_a_function_defined_without_its_parameters_is_known_at_them_only() -> None:
    """D_{KL}(P \\| Q) = \\sum_i p_i \\log(p_i / q_i) says nothing of D_{KL}(Q \\| P)."""
    text = r"""
$$D_{KL}(P \| Q) = \sum_i p_i \log\frac{p_i}{q_i}$$

$$D_{KL}(Q \| P) = \sum_i q_i \log\frac{q_i}{p_i}$$

$$D_{KL}(Q \| P) = \sum_i p_i \log\frac{p_i}{q_i}$$
"""
    assert verdicts(text) == ["definition", "unknown", "unknown"]


def test_no_sigmoid_by_name_where_other_activations_are_named() -> None:
    text = "Activations such as the sigmoid or ReLU: $a = \\sigma(z)$.\n\n$$\\frac{\\partial a}{\\partial z} = \\sigma(z)(1 - \\sigma(z))$$\n"
    assert not any("logistic sigmoid" in n.note for n in check_text(text, "doc.md").context)


def test_a_derivative_of_a_quantity_that_does_not_depend_on_its_variable_as_read() -> None:
    """C defined through z, with z = w x + b said in words only: dC/dw reads as 0, which is no
    ground for a refutation."""
    text = r"""
$$C = -\frac{1}{n}\sum_x [y \ln \sigma(z) + (1-y)\ln(1-\sigma(z))]$$

$$\frac{\partial C}{\partial w_j}=\frac{1}{n}\sum_x x_j(\sigma(z)-y)$$
"""
    assert verdicts(text) == ["definition", "unknown"]


def test_a_label_before_the_rows_is_dropped_whatever_its_text() -> None:
    """``\\label{eq:d2LL}`` is a reference: its text is never read as math (d2 is no name here)."""
    text = r"""
$$f(x) = x^3$$

$$ \label{eq:f-d2fdx2}
\begin{split}
\frac{\mathrm{d} f(x)}{\mathrm{d} x} &= 3 x^2
\end{split}
$$
"""
    assert verdicts(text) == ["definition", "verified"]


def test_inner_products_in_angle_brackets() -> None:
    text = r"""
$$L(w) = \log(1 + \exp(-y \langle w, x_i \rangle))$$

$$\frac{\partial L(w)}{\partial w_j} = -\frac{y x_{ij}}{1 + \exp(y \langle w, x_i\rangle)}$$

$$\frac{\partial L(w)}{\partial w_j} = \frac{y x_{ij}}{1 + \exp(y \langle w, x_i\rangle)}$$
"""
    assert verdicts(text)[:2] == ["definition", "verified"]
    assert verdicts(text)[2] in ("refuted", "unknown")  # the sign slip is never verified


def test_rows_aligned_at_their_start_are_equations_of_their_own() -> None:
    """``& A = B \\\\ & C = D``: two equations, not ``A = B C = D`` (the second row a factor of the first)."""
    text = r"""
$$f(x) = x^2$$

$$
\begin{aligned}
& \frac{d}{dx} f(x) = 2x \\
& \frac{d}{dx} f(x) = x + x
\end{aligned}
$$
"""
    found = check_text(text, "doc.md").equations
    assert [e.verdict.value for e in found] == ["definition", "verified", "verified"]
    assert [e.line for e in found] == [2, 6, 7]


def test_sums_dropped_by_einstein_notation_are_not_ill_formed() -> None:
    text = r"""
$$L = -\sum_i y_i \log(p_i)$$

$$-\sum_i y_i \log(p_i) = -y_i \log(p_i)$$
"""
    assert verdicts(text) == ["definition", "ill-formed"]
    einstein = text.replace("$$L", "In Einstein notation a repeated index is summed.\n\n$$L")
    assert verdicts(einstein) == ["definition", "unknown"]


def test_a_continuation_after_a_side_computation_may_continue_the_older_chain() -> None:
    """"= A B" after a side computation ("simplify the second term") may continue the chain before
    it: refuted against the side computation, proved against the main chain, it is unknown."""
    text = r"""
$$\sigma(x) = \frac{1}{1 + e^{-x}}$$

$$\sigma(x)(1 - \sigma(x))$$

$$= \frac{1}{1 + e^{-x}} \left(1 - \frac{1}{1 + e^{-x}}\right)$$

Simplify the second term:

$$1 - \frac{1}{1 + e^{-x}} = \frac{e^{-x}}{1 + e^{-x}}$$

Back in the main expression:

$$= \frac{1}{1 + e^{-x}} \cdot \frac{e^{-x}}{1 + e^{-x}}$$

$$= \frac{e^{-x}}{(1 + e^{-x})^2}$$
"""
    assert verdicts(text) == ["definition", "unsupported", "verified", "verified", "unknown", "verified"]
    wrong = text.replace(r"\cdot \frac{e^{-x}}{1 + e^{-x}}$$", r"\cdot \frac{2 e^{-x}}{1 + e^{-x}}$$")
    assert verdicts(wrong)[4] == "refuted"  # wrong either way: still caught


def test_words_about_one_example_at_a_time_leave_its_index_implicit() -> None:
    text = r"""
$$\ell = \sum_i \left(y_i \log p_i + (1 - y_i) \log(1 - p_i)\right)$$

$$\frac{\partial \ell}{\partial p_j} = \frac{y_i}{p_i} - \frac{1 - y_i}{1 - p_i}$$
"""
    assert verdicts(text) == ["definition", "ill-formed"]
    assert verdicts("For a single sample $i$:\n" + text) == ["definition", "unknown"]


def test_quantities_never_defined_on_either_side_may_be_related_in_the_words() -> None:
    """sigma(z_i) on one side, sigma(w x_i) on the other, z_i = w x_i said only in words."""
    text = r"""
$$\sigma(t) = \frac{1}{1 + e^{-t}}$$

$$y_i (1 - \sigma(z_i)) - (1 - y_i) \sigma(z_i) = y_i - \sigma(w x_i)$$

$$y_i (1 - \sigma(z_i)) - (1 - y_i) \sigma(z_i) = y_i + \sigma(z_i)$$
"""
    assert verdicts(text) == ["definition", "unknown", "refuted"]


@pytest.mark.parametrize("text", [
    r"$$J(m, b) = (y - (m x + b))^2$$" "\n\n" r"$$\frac{dJ}{dm} J(m, b) = -2 x (y - (m x + b))$$",
    r"$$g(m, b) = y - (m x + b)$$" "\n\n" r"$$J(g(m, b)) = (g(m, b))^2$$",
    r"$$z = w x + b$$" "\n\n" r"$$\mathrm{d}z = a - y$$",
])
def test_operator_notation_and_differentials_are_not_read_as_products(text: str) -> None:
    assert verdicts(text)[-1] == "unsupported"


def test_an_indexed_quantity_at_a_vector_is_one_quantity() -> None:
    """``\\ell_i(\\mathbf{w})``: the i-th example's loss at w, never \\ell_i times a vector."""
    text = r"""
$$\ell_i(\mathbf{w}) = -y_i \log p_i - (1 - y_i) \log(1 - p_i)$$

$$\ell_i(\mathbf{w}) + y_i \log p_i = -(1 - y_i) \log(1 - p_i)$$

$$\ell_i(\mathbf{w}) + y_i \log p_i = (1 - y_i) \log(1 - p_i)$$
"""
    assert verdicts(text) == ["definition", "verified", "refuted"]


def test_the_gradient_over_examples_as_a_sum_of_vectors() -> None:
    """``\\sum_i (\\sigma(\\mathbf{w}^T \\mathbf{x}_i) - y_i) \\mathbf{x}_i``: beside vectors, ``\\mathbf{x}_i`` is the
    i-th example's vector (its entries the ones the dot products use); the sum over the examples is
    no dot product of another range."""
    text = r"""The logistic sigmoid.

$$L = -\sum_{i=1}^n \left(y_i \log \sigma(\mathbf{w}^T \mathbf{x}_i) + (1-y_i)\log(1-\sigma(\mathbf{w}^T \mathbf{x}_i))\right)$$

$$\nabla_{\mathbf{w}} L = \sum_{i=1}^n (\sigma(\mathbf{w}^T \mathbf{x}_i) - y_i) \mathbf{x}_i$$

$$\frac{\partial L}{\partial \mathbf{w}} = \sum_{i=1}^n (\sigma(\mathbf{w}^T \mathbf{x}_i) + y_i) \mathbf{x}_i$$
"""
    assert verdicts(text) == ["definition", "verified", "refuted"]


def test_a_value_named_on_the_left_may_be_put_in_for_the_label() -> None:
    """``CE(x, 1) = \\sum_i -y_i \\log p_i - ...`` then ``= \\sum_i -\\log p_i``: the author puts in y = 1;
    holding at that value, the step is unknown, not refuted (without the named value it is refuted)."""
    text = r"""
$$CE(x, 1) = \sum_{i}(- y_i \log(p_i) - (1 - y_i) \log(1-p_i))$$

$$= \sum_{i} - \log(p_i)$$
"""
    assert verdicts(text) == ["unknown", "unknown"]
    assert verdicts(text.replace("CE(x, 1)", "CE(x, y)"))[1] == "refuted"
    assert verdicts(text.replace(r"= \sum_{i} - \log(p_i)", r"= \sum_{i} \log(p_i)"))[1] == "refuted"  # wrong at y = 1 too


def test_an_html_comment_over_several_lines_opens_no_code_fence() -> None:
    text = "$$a = b + c$$\n\n<!-- ```math\n    a = b\n``` -->\n\n$$a - c = b$$\n\n$$a - c = 2 b$$\n"
    found = check_text(text, "doc.md").equations
    assert [(e.line, e.verdict.value) for e in found] == [(1, "definition"), (7, "verified"), (9, "refuted")]


@pytest.mark.parametrize("written,plain", [
    (r"\frac{\mbox{e}^{z_j}}{\sum_k \text{e}^{z_k}}", r"\frac{\mathrm{e}^{z_j}}{\sum_k \mathrm{e}^{z_k}}"),
    (r"y_j \mbox{log}(o_j)", r"y_j \log (o_j)"),
    (r"y^*_j + x_j^{*}", r"\mathrm{ystar}_j + \mathrm{xstar}_j"),
    (r"a * b", r"a * b"),
])
def test_upright_e_and_log_and_starred_names(written: str, plain: str) -> None:
    from derive.check.presentation import read_through

    assert read_through(written) == plain


def test_what_an_underbrace_states_is_used_by_its_step() -> None:
    """``o_i \\underbrace{\\sum_j y_j}_{=1} - y_i = o_i - y_i``: the step relies on what the brace states."""
    text = r"""
$$o_i \underbrace{\sum_{j=1}^{k} y_j}_{=1} - y_i = o_i - y_i$$

$$o_i \sum_{j=1}^{k} y_j - y_i = o_i - y_i$$
"""
    assert verdicts(text) == ["verified", "refuted"]


def test_a_document_that_splits_the_index_cases_in_its_derivatives() -> None:
    """``\\partial o_j / \\partial z_i`` in one display and ``\\partial o_i / \\partial z_i`` in another: the
    first is meant for j != i, so a formula holding there only is not refuted (a forgotten delta
    elsewhere still is)."""
    text = r"""
$$o_j = \frac{e^{z_j}}{\sum_k e^{z_k}}$$

$$\frac{\partial o_j}{\partial z_i} = -o_j o_i$$

$$\frac{\partial o_i}{\partial z_i} = o_i (1 - o_i)$$
"""
    assert verdicts(text) == ["definition", "unknown", "verified"]
    alone = text.split("$$\\frac{\\partial o_i}")[0]
    assert verdicts(alone) == ["definition", "refuted"]



def test_a_lone_name_in_display_dollars_inside_a_sentence_is_inline_math() -> None:
    """kramdown: ``the derivatives of $$o_j$$ and $$o_i$$, which ...`` names quantities inline; an
    equation so written stays a display (the seed post writes its steps that way)."""
    doc = scan("We compute the derivatives of $$o_j$$ and $$o_i$$, which differ.\n\nThen $$o_i = 1$$ holds.\n", kind="md")
    assert [(type(item).__name__, item.latex) for item in doc.items] == [("Inline", "o_j"), ("Inline", "o_i"), ("Block", "o_i = 1")]


def test_a_size_given_a_value_in_words_not_read_is_no_assumption() -> None:
    """"下界当$n=1$时取得" (the bound is reached when n = 1): never a reason to check at n = 1 only."""
    text = "$$L = \\log \\sum_{j=1}^{n} e^{x_j}$$\n\n下界当$n=1$时取得。\n\n$$\\frac{\\partial L}{\\partial x_i} = 1$$\n"
    assert verdicts(text) == ["definition", "refuted"]
    assert verdicts(text.replace("下界当$n=1$时取得", "Let $n=1$"))[1] in ("verified", "checked")  # at n = 1: it holds there


def test_a_quad_inside_cases_is_the_row_condition_not_a_new_equation() -> None:
    text = r"""
$$S_i = \frac{e^{x_i}}{\sum_{k=1}^{n} e^{x_k}}$$

$$
\begin{align}
\frac{\partial S_i}{\partial x_j} &=
\begin{cases}
S_i (1 - S_j) & \text{if}\quad i = j \\
-S_i S_j & \text{if}\quad i \neq j
\end{cases}
\end{align}
$$
"""
    found = check_text(text, "doc.md").equations
    assert [e.verdict.value for e in found] == ["definition", "verified"]


def test_a_quantity_used_but_never_in_a_definition_may_be_named_in_words() -> None:
    """S_i named in prose (``$softmax(z_i) = S_i$``, not read), differentiated (``\\partial{S_i}``, braces
    read through), on one side of a step only: no refutation."""
    text = r"""
$$\frac{\partial{S_i}}{\partial{z_k}} = -S_i S_k$$

$$\frac{-e^{z_i}e^{z_k}}{(\sum_{j=1}^K e^{z_j})^2} = S_i\frac{-e^{z_k}}{\sum_{j=1}^K e^{z_j}}$$
"""
    assert verdicts(text)[-1] == "unknown"


def test_a_capital_letter_under_a_sum_is_not_read_as_its_index() -> None:
    """``\\sum_{K} e^{z_k}``: the size written where the index should be."""
    assert verdicts(r"$$\hat{y}_j = \frac{e^{z_j}}{\sum_{K} e^{z_k}}$$") == ["unsupported"]


def test_an_inline_chain_defines_its_new_names() -> None:
    """``设 $\\hat{y}_i = \\frac{e^{z_i}}{\\sum_c e^{z_c}} = p_i$ 为类i 的概率``: both new names are the softmax."""
    text = r"""设 $\hat{y}_i = \frac{e^{z_i}}{\sum_{c=1}^C e^{z_c}} = p_i$ 为类i 的概率，则

$$\frac{\partial \hat{y}_i}{\partial z_j} = - p_i p_j$$ for $i \neq j$

$$\frac{\partial p_i}{\partial z_i} = p_i (1 + p_i)$$
"""
    assert verdicts(text) == ["verified", "refuted"]
    # a chain whose later member is no new name: the first is defined, the claim is not checked
    assert verdicts(r"Let $q = x^2 = x \cdot x$. $$\frac{dq}{dx} = 2x$$") == ["verified"]
    # after "if", the chain is hypothetical: nothing defined
    assert verdicts(r"If $q = x^2 = r$, then $$\frac{dq}{dx} = 2x$$") == ["unknown"]


def test_an_assignment_with_a_defining_sign_is_never_a_claim() -> None:
    """``\\theta_j := \\theta_j h + \\alpha (y^{(i)} - h)x_j^{(i)}`` (a typo: ``\\theta_j h``) is no update rule
    as written, and its index i is the example picked: with ``:=`` the author assigns, nothing to refute."""
    text = r"$$\theta_j := \theta_j h + \alpha (y_i - h) x_{ij}$$"
    found = check_text(text, "doc.md").equations
    assert [e.verdict.value for e in found] == ["unsupported"]
    assert "written as a definition" in found[0].reason
    assert verdicts(text.replace(":=", "=")) == ["ill-formed"]  # the same with '=' is a claim


def test_products_over_an_index() -> None:
    """``\\prod_{i=1}^{n}``: a product of factors like a sum's terms, checked at several sizes."""
    h = r"$$h_i = \frac{1}{1 + e^{-w x_i}}$$" + "\n"
    likelihood = h + r"$$L(w) = \prod_{i=1}^{n} h_i^{y_i} (1 - h_i)^{1 - y_i}$$" + "\n"
    log_form = r"$$\log L(w) = \sum_{i=1}^{n} y_i \log h_i + (1 - y_i) \log (1 - h_i)$$"
    assert verdicts(likelihood + log_form) == ["definition", "definition", "checked"]
    assert verdicts(likelihood + log_form.replace("(1 - y_i) \\log", "y_i \\log")) == ["definition", "definition", "refuted"]
    assert verdicts(h + r"$$\frac{\partial}{\partial w} \log \prod_{i=1}^{n} h_i = \sum_{i=1}^{n} (h_i - 1) x_i$$") == ["definition", "refuted"]
    assert verdicts(r"$$\prod_{i=1}^{n} 2 = 2 n$$") == ["refuted"]  # 2^n
    assert verdicts(r"$$\prod_{i=1}^{n} x_i = \prod_{j=1}^{n} x_j$$")[0] in ("verified", "checked")


def test_conditional_probabilities_are_quantities_named_by_what_they_are_written_with() -> None:
    """``P(y|x;w)`` with a plain bar: one quantity (never a function of its arguments, so ``P(x|y)`` is
    not ``P(y|x)`` swapped); ``P(y_i|x_i;w)`` the same for the i-th example; the log-likelihood of
    logistic regression and its gradient are then checked."""
    head = "$$h = \\frac{1}{1 + e^{-w x}}$$\n\n$$P(y|x;w) = h^y (1 - h)^{1 - y}$$\n\n"
    assert verdicts(head + "$$\\log P(y|x;w) = y \\log h + (1 - y) \\log (1 - h)$$") == ["definition", "definition", "verified"]
    assert verdicts(head + "$$\\frac{\\partial}{\\partial w} \\log P(y | x; w) = (y - h) x$$") == ["definition", "definition", "verified"]
    assert verdicts(head + "$$\\frac{\\partial}{\\partial w} \\log P(y | x; w) = (h - y) x$$") == ["definition", "definition", "refuted"]
    assert verdicts(head + "$$P(x|y) = P(y|x)$$")[-1] == "definition"  # another quantity, named here
    indexed = "$$\\log \\prod_{i=1}^{n} P(y_i | x_i; w) = \\sum_{i=1}^{n} \\log P(y_i | x_i; w)$$"
    assert verdicts(indexed) == ["checked"]
    examples = "$$\\log \\prod_{i=1}^{n} P(y^{(i)} | x^{(i)}; \\theta) = \\sum_{i=1}^{n} \\log P(y^{(i)} | x^{(i)}; \\theta)$$"
    assert verdicts(examples) == ["checked"]
    # the event without the index its condition has, or two indices: not read
    assert verdicts("$$P(y|x_i) = 1$$") == ["unsupported"]
    assert verdicts("$$P(y_i|x_j) = 1$$") == ["unsupported"]


def test_an_inverse_function_is_never_read_as_a_reciprocal() -> None:
    """``sinh^{-1}(x)`` is the inverse hyperbolic sine (read as 1/sinh x, a true derivative was refuted)."""
    text = "$$y = \\sinh^{-1}(x)$$\n\n$$\\frac{dy}{dx} = \\frac{1}{\\sqrt{1 + x^{2}}}$$\n\n$$\\frac{d(tanh^{-1}x)}{dx} = \\frac{1}{1 - x^{2}}$$\n"
    assert "refuted" not in verdicts(text)
    assert verdicts("$$\\tanh^2 x = 1 - \\frac{1}{\\cosh^2 x}$$") in (["verified"], ["checked"])


def test_a_sum_without_an_index_sums_over_the_one_index_of_its_body() -> None:
    head = "$$J(w) = \\frac{1}{2}\\sum_{i=1}^{n} (w x_i - y_i)^2$$\n\n"
    assert verdicts(head + "$$\\frac{\\partial J}{\\partial w} = \\sum (w x_i - y_i) x_i$$") == ["definition", "verified"]
    assert verdicts(head + "$$\\frac{\\partial J}{\\partial w} = \\sum (y_i - w x_i) x_i$$") == ["definition", "refuted"]
    # two indices in the body, none, the index also outside the sum, or two sizes to choose from: not read
    assert verdicts("$$z_i = \\sum w_{ij} x_j$$") == ["unsupported"]
    assert verdicts("$$J = \\sum (w - y)^2$$") == ["unsupported"]
    assert verdicts("$$y_i = \\sum x_i$$") == ["unsupported"]
    two_sizes = "$$J = \\sum_{i=1}^{m} \\sum_{k=1}^{K} y_{ik}$$\n\n$$\\frac{\\partial J}{\\partial w} = \\sum x_i$$"
    assert verdicts(two_sizes)[-1] == "unsupported"


def test_a_connective_at_the_start_of_a_row_is_not_math() -> None:
    text = r"""$$\hat{y} = \frac{1}{1 + e^{-z}}$$

$$
\begin{align*}
\frac{\partial{\hat{y}}}{\partial{z}} &= \frac{e^{-z}}{(1 + e^{-z})^2} \\
\therefore \frac{\partial{\hat{y}}}{\partial{z}} &= \hat{y}(1-\hat{y}) \\
&\implies \frac{\partial{\hat{y}}}{\partial{z}} = \hat{y}(1+\hat{y})
\end{align*}
$$
"""
    assert verdicts(text) == ["definition", "verified", "verified", "refuted"]


def test_an_index_written_in_no_other_display_may_be_one_element_named_in_words() -> None:
    """``L = -\\sum y_i \\log p_i = -\\log p_m`` "because only one class has probability 1": m is that
    class; an index mismatch with a letter no other display uses is not called ill-formed."""
    head = "$$p_i = \\frac{e^{z_i}}{\\sum_{j=1}^{k} e^{z_j}}$$\n\n"
    found = check_text(head + "$$L = -\\sum_{i=1}^{k} y_i \\log p_i = -\\log p_m$$", "doc.md").equations
    assert [e.verdict.value for e in found] == ["definition", "unknown"]
    assert "no other display" in found[1].links[-1].detail
    # the letter used elsewhere: a free index on one side only is ill-formed
    again = head + "$$L = -\\sum_{i=1}^{k} y_i \\log p_i = -\\log p_j$$"
    assert verdicts(again)[-1] == "ill-formed"


def test_a_derivative_of_a_function_value_entry_splits_the_index_cases() -> None:
    """``\\partial s(\\mathbf x)_i / \\partial x_i`` in one display and ``... / \\partial x_j`` in the next: the
    author splits the cases; the formula for j != i is not refuted at i = j."""
    text = r"""$$s(\mathbf x)_i = \frac{e^{x_i}}{\sum_{j=1}^{n} e^{x_j}}$$

$$\frac{\partial s(\mathbf x)_i}{\partial x_i} = s(\mathbf x)_i (1 - s(\mathbf x)_i)$$

$$\frac{\partial s(\mathbf x)_i}{\partial x_j} = - s(\mathbf x)_i s(\mathbf x)_j$$
"""
    assert verdicts(text) == ["definition", "verified", "unknown"]


def test_over_inside_left_right_delimiters() -> None:
    """``\\log \\left({p_i} \\over {q_i} \\right)``: \\left ... \\right is a group, so \\over divides inside it."""
    head = "$$H = -\\sum_{i=1}^{n} p_i \\log q_i$$\n\n"
    good = head + "$$H = -\\sum_{i=1}^{n} p_i \\log p_i + \\sum_{i=1}^{n} p_i \\log \\left({p_i} \\over {q_i} \\right)$$"
    assert verdicts(good)[-1] in ("verified", "checked", "unknown")  # never refuted (log of a ratio: positivity)
    bad = head + "$$H = -\\sum_{i=1}^{n} p_i \\log p_i - \\sum_{i=1}^{n} p_i \\log \\left({p_i} \\over {q_i} \\right)$$"
    assert verdicts(bad)[-1] == "refuted"
    assert verdicts("$$x = ( a \\over b )$$") == ["unsupported"]  # ( ) is no group: a bare \\over


def test_layer_numbers_above_a_letter_are_labels_not_powers() -> None:
    """``z^1 = w^1 a^0 + b^1`` (layers 0 and 1) was read as z = w + b and refuted; ``z^2`` beside them is a label too."""
    text = "$$z^1 = w^1 a^0 + b^1$$\n\n$$a^1 = g(z^1)$$\n\n$$z^2 = w^2 a^1 + b^2$$\n"
    assert verdicts(text) == ["unsupported", "unsupported", "unsupported"]
    assert verdicts("$$f = x^2$$\n\n$$\\frac{df}{dx} = 2 x$$") == ["definition", "verified"]  # a power elsewhere


def test_a_display_opening_with_an_arrow_continues_the_chain() -> None:
    """``$$\\Rightarrow -y(1 - P)x + (1 - y)Px$$`` after a chain: its next member; a failure there is not
    refuted (the arrow may state less than an equality)."""
    head = "$$P = \\frac{1}{1 + e^{-z}}$$\n\n$$\\frac{\\partial P}{\\partial z} = \\frac{e^{-z}}{(1 + e^{-z})^2}$$\n\n"
    assert verdicts(head + "$$\\Rightarrow P (1 - P)$$") == ["definition", "verified", "verified"]
    found = check_text(head + "$$\\Rightarrow P (1 + P)$$", "doc.md").equations
    assert [e.verdict.value for e in found] == ["definition", "verified", "unknown"]
    assert "arrow" in found[-1].links[0].detail
    assert verdicts("$$\\Rightarrow P (1 - P)$$") == ["unsupported"]  # nothing before it: a lone expression


def test_function_words_glued_to_a_letter() -> None:
    """``ylog(h)``, ``logS``, ``coshx``, ``\\frac{sinhx}{coshx}``: the function and its letter (never inside
    ``\\text{..}``, never ``asinh(x)``, ``logit(p)``)."""
    assert verdicts("$$y = sinhx = \\frac{e^{x} - e^{-x}}{2}$$\n\n$$\\frac{d(sinhx)}{dx} = coshx$$") == ["verified", "verified"]
    assert verdicts("$$y = tanhx = \\frac{sinhx}{coshx}$$") == ["verified"]
    assert verdicts("$$p = \\frac{1}{1 + e^{-z}}$$\n\n$$L = -ylog(p) - (1-y)log(1-p)$$\n\n$$\\frac{dL}{dp} = \\frac{p - y}{p(1-p)}$$")[-1] == "verified"
    assert verdicts("$$f = asinh(x)$$\n\n$$\\frac{df}{dx} = a \\cosh x$$")[-1] != "verified"  # a function asinh, not a sinh


def test_an_unread_restatement_of_a_defined_quantity_drops_its_old_definition() -> None:
    """``y = \\sinh x`` in one section, ``y = \\sinh^{-1}(x)`` (not read) in the next: ``x = \\sinh y`` is
    not checked against the old y (it was refuted); with y no longer defined it defines x."""
    text = "$$y = \\sinh x$$\n\n$$\\frac{dy}{dx} = \\cosh x$$\n\n$$y = \\sinh^{-1}(x)$$\n\n$$x = \\sinh y$$\n"
    assert verdicts(text) == ["definition", "verified", "unsupported", "definition"]
    assert verdicts(text.replace("\\sinh^{-1}(x)", "\\sinh x"))[-1] == "refuted"  # read: the same y, and x = sinh(sinh x) is wrong


def test_rows_solving_an_equation_set_to_zero_are_not_identities() -> None:
    """``\\partial/\\partial\\sigma (...) = ... = 0`` then ``\\sum_i [-\\sigma^2 + (x_i-\\mu)^2] = 0`` on the next
    rows (the Gaussian MLE): each row restates the equation to solve; none is refuted as an identity."""
    text = r"""$$\mu = \frac{1}{N}\sum_{i=1}^N x_i$$

$$\begin{split} \frac{\partial}{\partial\sigma}\sum_{i=1}^N[-\log{\sigma}-\frac{1}{2\sigma^2}(x_i-\mu)^2]&=\sum_{i=1}^N[-\frac{1}{\sigma}+(x_i-\mu)^2\sigma^{-3}]=0\\ \sum_{i=1}^N[-\sigma^2+(x_i-\mu)^2]&=0\\ -N\sigma^2+\sum_{i=1}^N(x_i-\mu)^2&=0 \end{split}$$
"""
    found = check_text(text, "doc.md").equations
    assert [e.verdict.value for e in found] == ["definition", "unknown", "unknown", "unknown"]
    assert found[1].links[0].verdict is LinkVerdict.PROVED  # the derivative itself is checked
    assert "solving the equation set to zero" in found[2].links[0].detail


def test_capital_letters_in_a_subscript_are_a_label() -> None:
    """``\\mu_{MLE}``, ``\\theta_{MAP}``, ``\\sigma^2_{ML}``: the estimate's name, not a product or two indices."""
    chain = parse_chain(r"\mu_{MLE} = \frac{1}{N} \sum_{i=1}^{N} x_i", size=size("N"))
    assert chain[0] == scalar("mu__MLE")
    assert parse_chain(r"b = \sigma^2_{ML}", size=size("N"))[1] == scalar("sigma__ML") ** 2
    assert verdicts("$$\\theta_{MAP} = a + b$$\n\n$$\\frac{\\partial \\theta_{MAP}}{\\partial a} = 1$$") == ["definition", "verified"]


def test_a_case_written_on_the_variable_of_differentiation() -> None:
    """``\\frac{\\partial z_i}{\\partial a_{j \\neq i}}``, ``\\partial z_{r=q}``, ``\\theta{_k}``: the variable and its case."""
    head = "$$p_i = \\frac{e^{a_i}}{\\sum_{k=1}^{n} e^{a_k}}$$\n\n"
    assert verdicts(head + "$$\\frac{\\partial p_i}{\\partial a_{j \\neq i}} = - p_i p_j$$") == ["definition", "verified"]
    assert verdicts(head + "$$\\frac{\\partial p_i}{\\partial a_{j = i}} = p_i (1 - p_i)$$") == ["definition", "verified"]
    assert verdicts(head + "$$\\frac{\\partial p_i}{\\partial a_{j \\neq i}} = p_i (1 - p_i)$$") == ["definition", "refuted"]
    assert verdicts(head + "$$\\frac{\\partial p_{i}}{\\partial a{_i}} = p_i (1 - p_i)$$") == ["definition", "verified"]


def test_a_word_opening_a_row() -> None:
    """``\\text{Let } f(x) &= ...``: the word opens the row; the row defines f."""
    text = "$$\\begin{align*} \\text{Let } f(x) &= x^2 + 1 \\end{align*}$$\n\n$$\\frac{df}{dx} = 2x$$"
    assert verdicts(text) == ["definition", "verified"]


def test_a_primed_function_at_an_expression() -> None:
    """``\\sigma'(w x)``: the derivative of the defined \\sigma taken at w x (printed so); of an undefined
    function it is not read as anything known."""
    head = "$$\\sigma(z) = \\frac{1}{1+e^{-z}}$$\n\n"
    assert verdicts(head + "$$\\frac{\\partial}{\\partial w} \\sigma(w x) = \\sigma'(w x) x$$") == ["definition", "verified"]
    assert verdicts(head + "$$\\sigma'(w x) = \\sigma(w x)(1 - \\sigma(w x))$$") == ["definition", "verified"]
    found = check_text(head + "$$\\sigma'(w x) = \\sigma(w x)(1 + \\sigma(w x))$$", "doc.md").equations
    assert found[-1].verdict.value == "refuted"
    assert found[-1].links[0].lhs == "\\sigma'(w x)"
    assert verdicts("$$\\frac{\\partial}{\\partial w} f(w x) = f'(w x)$$") == ["unknown"]


def test_factorials_of_counts() -> None:
    """``y!`` in a Poisson likelihood: the factorial (Gamma(y + 1) at the random points), a constant in
    the rate; the score is proved and a sign slip refuted. ``\\ell`` prints as itself."""
    head = "$$\\ell = \\sum_{i=1}^{n} \\log \\frac{e^{-\\lambda} \\lambda^{y_i}}{y_i!}$$\n\n"
    good = head + "$$\\frac{\\partial \\ell}{\\partial \\lambda} = \\sum_{i=1}^{n} \\left( \\frac{y_i}{\\lambda} - 1 \\right)$$"
    found = check_text(good, "doc.md").equations
    assert [e.verdict.value for e in found] == ["definition", "verified"]
    assert found[0].links[0].lhs == "\\ell"
    assert verdicts(good.replace("- 1 \\right)", "+ 1 \\right)"))[-1] == "refuted"
    # a factorial left in a claim is checked at fractional points: a failure there is not a refutation
    assert verdicts("$$(n+1)! = n \\cdot n!$$") == ["unknown"]


def test_a_derivative_operator_before_several_factors_is_read_both_ways() -> None:
    """``\\frac{\\partial}{\\partial\\theta} y \\log h``: of the product up to the next derivative (as read), or
    of the first factor only; a verdict only if both readings give it, unless the first factor does not
    depend on the variable (its derivative would be 0: never meant)."""
    head = "$$h = \\frac{1}{1+e^{-\\theta x}}$$\n\n"
    assert verdicts(head + "$$\\frac{\\partial}{\\partial \\theta} y \\log h = y (1 - h) x$$") == ["definition", "verified"]
    assert verdicts(head + "$$\\frac{\\partial}{\\partial \\theta} y \\log h = y (1 + h) x$$") == ["definition", "refuted"]
    # h depends on theta: (dh) \log h is a reading too, and the two disagree
    found = check_text(head + "$$\\frac{\\partial}{\\partial \\theta} h \\log h = (1 + \\log h) h (1 - h) x$$", "doc.md").equations
    assert found[-1].verdict.value == "unknown"
    assert "first one only" in found[-1].links[0].detail
    # two operators in one product: each applies to the factors up to the next
    chain = head + "$$z = \\theta x$$\n\n$$\\frac{\\partial}{\\partial \\theta} h = \\frac{\\partial}{\\partial z} \\frac{1}{1+e^{-z}} \\cdot \\frac{\\partial}{\\partial \\theta} z$$"
    assert verdicts(chain)[-1] == "verified"


def test_a_function_never_defined_is_checked_with_test_functions() -> None:
    """``\\frac{\\partial}{\\partial x}(x \\sigma(\\beta x)) = \\sigma(\\beta x) + x \\frac{\\partial}{\\partial x}\\sigma(\\beta x)``
    holds for every \\sigma: checked (not proved) with two test functions; a step that fails for them may
    hold for the author's own function, so it is never refuted."""
    found = check_text("$$\\frac{\\partial}{\\partial x}(x \\cdot \\sigma(\\beta x)) = \\sigma(\\beta x) + x \\frac{\\partial}{\\partial x}\\sigma(\\beta x)$$", "doc.md").equations
    assert [e.verdict.value for e in found] == ["checked"]
    assert "test functions" in found[0].links[0].detail
    assert verdicts("$$\\frac{\\partial}{\\partial x}\\sigma(x) = 1 - \\sigma(x)$$") == ["unknown"]
    assert verdicts("$$\\frac{\\partial}{\\partial x} \\log f(x) = \\frac{\\partial f(x)}{\\partial x}$$") == ["unknown"]
    # a quantity (not a function of written arguments) differentiated but never defined: still not read
    assert verdicts("$$\\frac{\\partial L}{\\partial w} = 2 w$$") == ["unknown"]


def test_a_greek_letter_spaced_before_a_sized_bracket() -> None:
    """``\\sigma \\left(f\\right)`` is ``\\sigma (f)``: a function applied or a product, refused as such (it was
    read as the product f \\sigma); without the space, or with \\sigma defined, the application."""
    assert verdicts("$$a = \\sigma \\left(f\\right) + 1$$") == ["unsupported"]
    assert verdicts("$$\\sigma(z) = \\frac{1}{1+e^{-z}}$$\n\n$$\\frac{d}{dz} \\sigma \\left(z\\right) = \\sigma(z)(1-\\sigma(z))$$")[-1] == "verified"


def test_a_condition_ending_a_sentence_introduces_the_next_display() -> None:
    """``If $i=j$,`` / blank line / ``$$= ...$$`` and ``If $i \\neq j$,`` / ``$$= ...$$``: each condition is the
    next display's, and each display continues the same chain (never refuted as continuing the other case)."""
    text = r"""$$p_j = \frac{e^{a_j}}{\sum_{k=1}^{n} e^{a_k}}$$

$$\frac{\partial p_j}{\partial a_i} = \frac{\partial}{\partial a_i} \frac{e^{a_j}}{\sum_{k=1}^{n} e^{a_k}}$$
If $i=j$,

$$
  = p_j (1 - p_j)
$$
And if $i \neq j$,

$$
  = - p_j p_i
$$
"""
    found = check_text(text, "doc.md").equations
    assert [e.verdict.value for e in found] == ["definition", "verified", "verified", "unknown"]
    assert "as the display at line" in found[-1].links[0].detail


def test_a_derivative_with_respect_to_a_function_of_a_defined_quantity() -> None:
    """``\\frac{\\partial L(z)}{\\partial \\sigma(z)}`` with z defined (z = b + w x): \\sigma(z) stays whole (its z
    is not unfolded inside it), so the chain rule through it is proved (it was refuted: the derivative read 0)."""
    text = r"""$$\sigma(z) = \frac{1}{1+e^{-z}}$$

$$z = b + w x$$

$$L(z) = -y \log \sigma(z) - (1-y) \log(1 - \sigma(z))$$

$$\frac{\partial}{\partial w} L(z) = \frac{\partial}{\partial \sigma(z)} L(z) \cdot \frac{\partial}{\partial z} \sigma(z) \cdot \frac{\partial}{\partial w} z$$
"""
    assert verdicts(text)[-1] == "verified"


def test_words_and_upright_letters_set_in_text() -> None:
    """``\\text{Similarly,}\\quad``, ``\\text{or, }`` opening a row; ``\\text{d}`` in a derivative;
    ``\\textrm{softmax(x)}_i``: read as the author means them (``\\text{Loss}`` stays a name)."""
    assert verdicts("$$f = x^2$$\n\n$$\\text{Similarly,}\\quad \\frac{df}{dx} = 2x$$") == ["definition", "verified"]
    assert verdicts("$$f = x^2$$\n\n$$\\frac{\\text{d}f}{\\text{d}x} = 2x$$") == ["definition", "verified"]
    assert verdicts("$$\\textrm{softmax(x)}_i = \\frac{e^{x_i}}{\\sum_{j=1}^{n} e^{x_j}}$$\n\n"
                    "$$\\frac{\\partial\\, \\mathrm{softmax}(x)_i}{\\partial x_i} = \\mathrm{softmax}(x)_i (1 - \\mathrm{softmax}(x)_i)$$")[-1] == "verified"
    assert verdicts("$$\\text{Loss} = x^2$$\n\n$$\\frac{d\\,\\text{Loss}}{dx} = 2x$$") == ["definition", "verified"]
    # a reference in words is no function call: \text{apply (1.2)} stays an annotation
    from derive.check.presentation import read_through
    assert "mathrm" not in read_through("a = 1 &&\\text{apply (1.2)}")


def test_a_new_quantity_set_for_every_index_is_not_ill_formed() -> None:
    """``A_1^{(k)} = ones(N, 1)`` beside ``A^{(k)} = ...``: a quantity new here with an index the right
    side lacks may be set for every k (a definition not read): unknown, not ill-formed; so is a new
    left side whose right side has an index it lacks (a label, or a slip: ``p_j = e^{a_i} / ...``)."""
    assert verdicts("$$\nA^{(k)} = x, \\quad A_1^{(k)} = 5\n$$\n") == ["definition", "unknown"]
    assert verdicts("$$\np_j = \\frac{e^{a_i}}{\\sum_k e^{a_k}}\n$$\n") == ["unknown"]
    # \hat{y}_i = w_t x_i + b_t, "t is the iteration": a label, as two blind truth files read such a
    # definition (e-parasdahal's marks p_j = e^{a_i} / ... fails: not caught now); a claim stays ill-formed
    assert verdicts("$$\n\\hat{y}_i = w_t x_i + b_t\n$$\n") == ["unknown"]
    assert verdicts("$$\np_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}\n$$\n\n$$\np_j = \\frac{e^{a_i}}{\\sum_k e^{a_k}}\n$$\n") == ["definition", "ill-formed"]


def test_a_row_that_cannot_be_read_leaves_the_other_rows_read() -> None:
    """An align with a norm in one row: that row is unsupported, the row after it (which continues it)
    says so, and the rows before it and the new chain after it are checked; the slip is refuted."""
    text = (
        "Let $\\sigma(x) = \\frac{1}{1+e^{-x}}$.\n\n$$\n\\begin{align}\n"
        "\\sigma'(x) &= \\frac{e^{-x}}{(1+e^{-x})^2} \\\\\n&= \\| x \\| + 1 \\\\\n&= 2 \\\\\n"
        "(x + 1)^2 &= x^2 + 2x + 1 \\\\\n&= x(x+2) + 2\n\\end{align}\n$$\n"
    )
    report = check_text(text, "doc.md")
    got = [(e.line, e.verdict.value) for e in report.equations if e.kind == "display"]
    assert got == [(5, "verified"), (6, "unsupported"), (7, "unsupported"), (8, "verified"), (9, "refuted")]
    (norm,) = [e for e in report.equations if e.line == 6]
    assert "line 6, column 4" in norm.reason  # the row's own place in the file


def test_a_case_labelled_in_a_paragraph_applies_to_what_follows() -> None:
    """'情况二: $i = k$, $l \\neq j$' (case two) in a paragraph, as a heading or bullet would: the
    display after it is read under i = k (verified), not called ill-formed for its k."""
    text = (
        "情况二:  $i = k$, $l \\neq j$ 此时\n\n"
        "$$\\frac{\\partial e^{x_{kl}}}{\\partial x_{ij}} = \\frac{\\partial e^{x_{il}}}{\\partial x_{ij}} = 0$$\n"
    )
    assert verdicts(text) == ["verified"]
    assert verdicts(text.replace("情况二:", "So")) == ["unknown"]  # related in words, not as a case: not ill-formed


def test_a_derivative_by_an_applied_function_of_what_depends_on_its_argument_is_not_read() -> None:
    """d f(x) / d g(x): 0 with x held fixed, f'(x) / g'(x) as a total derivative; neither is taken
    (it was checked, with test functions for f and g, against the quotient rule: a false pass)."""
    text = ("$$\\frac{\\partial f(x)}{\\partial g(x)} = \\frac{\\frac{\\partial f(x)}{\\partial x} g(x)"
            " - f(x) \\frac{\\partial g(x)}{\\partial x}}{g(x)^2}$$\n")
    assert verdicts(text) == ["unknown"]
    sigmoid = "Let $\\sigma(z) = \\frac{1}{1+e^{-z}}$.\n\n$$\\frac{\\partial}{\\partial \\sigma(z)} \\log \\sigma(z) = \\frac{1}{\\sigma(z)}$$\n"
    assert verdicts(sigmoid) == ["verified"]  # through sigma(z) only: read


def test_a_derivative_set_to_zero_is_a_condition_not_an_identity() -> None:
    text = (
        "Let $l = (x - \\mu)^2$.\n\n$$\\frac{\\partial l}{\\partial \\mu} = 0$$\n\n"
        "$$\\frac{\\partial l}{\\partial \\mu} = -2(x - \\mu)$$\n$$= 0$$\n"
    )
    assert verdicts(text) == ["unknown", "verified", "unknown"]


def test_a_derivative_before_a_bracketed_variable_with_a_space_is_not_a_product() -> None:
    with pytest.raises(Unsupported, match="the derivative at that point, or a product"):
        parse_chain(r"\frac{dz_i}{dz_j} (z_i)", size=k)


def test_an_index_named_alone_in_the_words_may_state_the_case() -> None:
    """'For not $i$ th item, denote by $z$' then the formula for z != i: not refuted for z = i; with
    no words before it the forgotten delta is refuted."""
    display = "$$\\frac{\\partial p_z}{\\partial x_i} = -p_z p_i$$\n"
    defined = "Let $p_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$.\n\n"
    assert verdicts(defined + "For not $i$ th item, denote by $z$\n\n" + display) == ["unknown"]
    assert verdicts(defined + display) == ["refuted"]


def test_a_quantity_stated_anew_without_an_input_it_used_is_not_refuted() -> None:
    """P(Y=1|x) = 1/(1 + e^{-(w^T x + b)}), then, after words writing w anew with the bias in it,
    1/(1 + e^{-w^T x}): a new statement of the model, not a claim refuted for its missing b."""
    model = "$$P(Y=1|x)=\\frac{1}{1+e^{-(w^{T}x+b)}}$$\n\n"
    again = "$$P(Y=1|x)=\\frac{1}{1+e^{-w^{T}x}}$$\n"
    assert verdicts(model + "We extend $w=(w^{1},\\cdots,w^{n},b)^{T}$, so\n\n" + again) == ["definition", "unknown"]
    assert verdicts(model + "So\n\n" + again) == ["definition", "refuted"]  # no such words: b is missing


def test_superscripts_naming_features_or_iterations_are_not_powers() -> None:
    with pytest.raises(Unsupported, match="that is also an index of the equation is not a power"):
        parse_chain(r"\hat{w}_{j}^{k+1} = \hat{w}_{j}^{k} - \alpha (h - y_{i}) x_{i}^{j}", size=k)
    # w^{k+1} = w^{k} - ...: the iteration's label, an assignment rather than an equation
    assert verdicts("$$w^{k+1} = w^{k} - \\alpha g$$\n") == ["unsupported"]
    (series,) = parse_chain(r"\sum_{j=0}^{n} p^j", size=k)  # an index bound by the sum: a power
    assert isinstance(series, Sum) and isinstance(series.function, Pow) and series.function.exp == series.limits[0][0]


# ------------------------------------------------------------------ layers, traces, indices
@pytest.mark.parametrize(("text", "name"), [
    (r"z^{[2]}", "z^[2]"), (r"a^{[l-1]}", "a^[l-1]"), (r"W^{(2)}", "W^(2)"), (r"W^{(L)}", "W^(L)"),
    (r"\theta^{(t+1)}", "theta^(t+1)"), (r"\hat{y}^{[2]}", "yhat^[2]"),
])
def test_a_layer_superscript_in_brackets_names_a_quantity(text, name) -> None:
    """``z^{[2]}``, ``W^{(L)}``, ``\\theta^{(t+1)}``: the quantity of a layer (or a step), a name of its own."""
    assert parse_chain(text + " + 1", size=k)[0] == scalar(name) + 1
    assert to_latex(scalar(name)) == text


def test_a_layer_superscript_keeps_its_indices_and_is_differentiated_by() -> None:
    left, right = parse_chain(r"z_j^{[2]} = W_{j,i}^{[2]}", size=k)
    assert left == array("z^[2]")[index("j")]
    assert right == array("W^[2]")[index("j"), index("i")]
    text = r"""$$
z_j^{[2]} = \sum_i W_{j,i}^{[2]} a_i^{[1]} + b_j^{[2]}
$$

$$
\frac{\partial z_j^{[2]}}{\partial W_{j,i}^{[2]}} = a_i^{[1]}
$$

$$
\frac{\partial z_j^{[2]}}{\partial b_{j}^{[2]}} = 2
$$
"""
    assert verdicts(text) == ["definition", "verified", "refuted"]
    # layer 2's a is another quantity, never defined: whether it is layer 1's is not said, so not decided
    # (the index j on the left only is no clash with a sum on the right: not ill-formed either)
    assert verdicts(text.replace("a_i^{[1]}\n$$\n\n$$\n\\frac", "a_i^{[2]}\n$$\n\n$$\n\\frac")) == ["definition", "unknown", "refuted"]


@pytest.mark.parametrize("text", [r"e^{[2]} = 1", r"g^{[1]}(z^{[1]}) = z^{[1]}", r"\delta^{[2]} = 1"])
def test_a_layer_superscript_where_it_may_be_something_else_is_refused(text) -> None:
    with pytest.raises(Unsupported):
        parse_chain(text, size=k)


def test_a_left_side_with_an_index_the_right_lacks_holds_for_every_value_of_it() -> None:
    """``\\partial z_j / \\partial W_{ji} = a_i``: the same value for every j, which only the left side
    shows; verified when it holds for all i and j, ill-formed (as before) when it does not."""
    text = "$$z_j = \\sum_i W_{j,i} a_i + b_j$$\n\n$$\\frac{\\partial z_j}{\\partial W_{j,i}} = a_i$$\n"
    assert verdicts(text) == ["definition", "verified"]
    assert verdicts(text.replace("= a_i$$", "= 2 a_i$$")) == ["definition", "ill-formed"]
    assert verdicts(text.replace("{\\partial W_{j,i}} = a_i", "{\\partial W_{l,i}} = a_i")) == ["definition", "ill-formed"]


@pytest.mark.parametrize("text", [
    r"\operatorname{tr}(A B C) = \operatorname{tr}(C B A)", r"\mathrm{Tr}(A B) = \mathrm{Tr}(B A)",
    r"tr(A B) = tr(B A)", r"\text{tr}(A B) = \text{tr}(B A)",
])
def test_a_trace_is_of_matrices_and_not_read(text) -> None:
    """tr(ABC) = tr(CBA) is false for matrices; read as a function of numbers it would pass."""
    with pytest.raises(Unsupported, match="matri"):
        parse_chain(text, size=k)


def test_a_derivative_by_a_letter_that_is_an_index_is_not_read() -> None:
    """``\\partial_j`` for the derivative by the j-th parameter (said in words), beside ``x_j``."""
    text = "$$-\\partial_j(mJ) = x_j y (1 - g(t))$$\n"
    (found,) = check_text(text, "doc.md").equations
    assert found.verdict.value == "unknown" and "also an index" in found.links[0].detail


def test_a_term_after_a_sum_with_a_factor_is_refused() -> None:
    """``-\\sum_i y_i \\log p_i + (1 - y_i) \\log(1 - p_i)``: inside the sum with the minus (as written,
    the cross-entropy) or without it? The two differ, so the line is not read."""
    with pytest.raises(Unsupported, match="Bracket the sum"):
        parse_chain(r"L = -\sum_i y_i \log p_i + (1 - y_i) \log(1 - p_i)", size=k)
    with pytest.raises(Unsupported, match="Bracket the sum"):
        parse_chain(r"l = \frac{1}{n} \sum_{i=1}^n y_i \log h + (1 - y_i) \log(1 - h)", size=k)
    _, absorbed = parse_chain(r"L = \sum_i y_i \log p_i + (1 - y_i) \log(1 - p_i)", size=k)
    assert isinstance(absorbed, Sum)


def test_a_case_after_a_chinese_conditional_word() -> None:
    """"对于 $i \\ne j$ 的情况" (for the case i != j): the next display's case, as after "for"."""
    text = (r"$$S_i = \frac{e^{a_i}}{\sum_{k=1}^{N} e^{a_k}}$$" + "\n\n对于 $i \\ne j$ 的情况：\n\n"
            + r"$$\frac{\partial S_i}{\partial a_j} = -S_i S_j$$" + "\n")
    assert verdicts(text) == ["definition", "verified"]
    assert verdicts(text.replace("对于 $i \\ne j$ 的情况", "然后")) == ["definition", "refuted"]


def test_a_name_for_a_sum_given_in_words_stays_so_in_later_displays() -> None:
    """Sigma, the sum named in the words, written on one side only in one display and again in a
    later one: a counterexample that sets it freely refutes nothing either time."""
    text = (r"$$S_i = \frac{e^{a_i}}{\sum_{k=1}^{N} e^{a_k}}$$" + "\n\n"
            + r"$$\frac{\partial}{\partial a_j} \frac{e^{a_i}}{\sum_{k=1}^{N} e^{a_k}} = \frac{e^{a_i} \Sigma - e^{a_j} e^{a_i}}{\Sigma^2}$$"
            + "\n\nand\n\n"
            + r"$$\frac{\partial}{\partial a_j} \frac{e^{a_i}}{\sum_{k=1}^{N} e^{a_k}} = \frac{0 - e^{a_j} e^{a_i}}{\Sigma^2}$$" + "\n")
    found = check_text(text, "doc.md").equations
    assert [e.verdict.value for e in found] == ["definition", "unknown", "unknown"]
    assert all("never defined" in e.links[0].detail for e in found[1:])


# ------------------------------------------------------------------ equation numbers and wide spaces
@pytest.mark.parametrize("tail", [r"\qquad (4)", r"~~~~ (4)", r"\quad (4)", r"\;\;\; (12)", r"~(3a)", r"\qquad (\star)"])
def test_an_equation_number_set_off_by_spacing_is_not_a_factor(tail) -> None:
    """``x^2 = x x \\qquad (4)``: the author's number for the equation; read as a factor it refuted
    a correct equation (``x^2 = 4 x^2``)."""
    assert verdicts(f"$$x^2 = x x {tail}$$\n") == ["verified"]
    assert verdicts(f"$$x^2 = 2 x x {tail}$$\n") == ["refuted"]


def test_an_equation_number_before_the_equation_is_not_a_factor() -> None:
    assert verdicts("$$(B1)\\qquad b = 2 b - b$$\n") == ["verified"]
    assert verdicts("$$(1) \\quad x^2 = x x$$\n") == ["verified"]


def test_a_number_in_brackets_after_a_plain_space_is_refused() -> None:
    """``x^2 = x x (4)``: a number, or a factor written last? Not read; after an operator it is a factor."""
    (found,) = check_text("$$x^2 = x x (4)$$\n", "doc.md").equations
    assert found.verdict.value == "unsupported" and "the equation's number, or a factor" in found.reason
    assert verdicts("$$y = 2 x \\cdot (3)$$\n$$y = 6 x$$\n") == ["definition", "verified"]


@pytest.mark.parametrize("space", ["~~~~~~", r"\hspace{2em}", r"\;\;\;", r"\qquad"])
def test_equations_side_by_side_after_a_wide_space_are_two(space) -> None:
    """``\\frac{d x^2}{dx} = 2x ~~~~~~ \\frac{d e^x}{dx} = e^x``: two equations, never one chain
    (read as one, 2x e^x' was refuted as equal to both)."""
    text = f"$$\\frac{{\\mathrm{{d}} x^2}}{{\\mathrm{{d}} x}} = 2x {space} \\frac{{\\mathrm{{d}} e^x}}{{\\mathrm{{d}} x}} = e^x$$\n"
    assert verdicts(text) == ["verified", "verified"]


def test_a_braced_variable_in_a_derivative_is_the_variable() -> None:
    """``\\frac{\\partial{E}}{\\partial{w_{ij}}}``, ``\\frac{\\partial}{{\\partial z}}``: braces around the variable (or
    the whole denominator) change nothing."""
    text = "$$E = w^2$$\n\n$$\\frac{\\partial{E}}{\\partial{w}} = 2 w$$\n\n$$\\frac{\\partial}{{\\partial w}} E = 2 w$$\n\n$$\\frac{\\partial{E}}{\\partial{w}} = 3 w$$\n"
    assert verdicts(text) == ["definition", "verified", "verified", "refuted"]


def test_greek_letters_typed_directly_are_the_commands() -> None:
    """``J(θ) = θ^2``, ``h_θ``: a Greek letter typed in Unicode is the command."""
    text = "$$J(θ) = θ^2$$\n\n$$\\frac{dJ}{dθ} = 2θ$$\n\n$$\\frac{dJ}{d\\theta} = 3θ$$\n"
    assert verdicts(text) == ["definition", "verified", "refuted"]


def test_a_sign_after_a_plus_or_minus_with_a_space() -> None:
    """``a + -b`` is ``a - b``; ``a +- b`` (a written plus-minus?) is not read."""
    assert verdicts("$$a + -b = a - b$$\n\n$$a - -b = a + b$$\n") == ["verified", "verified"]
    assert verdicts("$$a - -b = a - b$$\n") == ["refuted"]
    assert verdicts("$$a +- b = a - b$$\n") == ["unsupported"]


def test_a_case_relates_an_index_of_a_definition_the_link_uses() -> None:
    """Under "Case 2: $k \\ne c$", ``dL/dz_k = \\hat{y}_k`` holds with L = -z_c + log sum e^z: c, the
    label, is in L's definition, not in the link; the case applies all the same."""
    text = ("$$\\hat{y}_k = \\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}}$$\n\n"
            "$$L = -z_c + \\log \\sum_{j=1}^{K} e^{z_j}$$\n\n#### Case 2: $k \\ne c$\n\n"
            "$$\\frac{dL}{dz_k} = \\hat{y}_k$$\n")
    assert verdicts(text) == ["definition", "definition", "verified"]
    assert verdicts(text.replace("#### Case 2: $k \\ne c$", "#### Case 2")) == ["definition", "definition", "unknown"]


def test_an_instance_where_a_definition_has_no_value_says_nothing() -> None:
    """The least-squares slope a = (N sum xy - sum x sum y) / (N sum x^2 - (sum x)^2) is 0/0 at N = 1,
    where the normal equation (a constraint) then has no value: that instance is skipped (as a
    numeric point with no value), the others decide (it was: one instance failed, so unknown)."""
    sums = {"x": r"\sum_{i=1}^{N} x_i", "y": r"\sum_{i=1}^{N} y_i", "xy": r"\sum_{i=1}^{N} x_i y_i", "xx": r"\sum_{i=1}^{N} x_i^{2}"}
    slope = rf"\frac{{N {sums['xy']} - ({sums['x']})({sums['y']})}}{{N {sums['xx']} - ({sums['x']})^2}}"
    text = (rf"$$\sum_{{i=1}}^{{N}} x_i (y_i - a x_i - b) = 0$$" + "\n\n"
            + rf"$$a = {slope}$$" + "\n\n"
            + rf"$$b = \frac{{{sums['y']}}}{{N}} - a \frac{{{sums['x']}}}{{N}}$$" + "\n\n"
            + rf"$$b = \frac{{{sums['y']}}}{{N}} - \frac{{{sums['x']}}}{{N}} {slope}$$" + "\n")
    assert verdicts(text) == ["assumption", "definition", "definition", "verified"]
    assert verdicts(text[: text.rindex("- \\frac")] + "+" + text[text.rindex("- \\frac") + 1 :])[-1] == "refuted"


def test_an_array_of_one_column_of_equations_is_an_alignment() -> None:
    """``\\begin{array}{l} A &= B \\\\ &= C \\end{array}``: an array used to line equations up is read as
    ``aligned``; an array of values (a matrix) is not."""
    text = "$$y = x^2$$\n\n$$\n\\begin{array}{l}\n\\frac{dy}{dx} &= 2 x \\\\\n&= x + x \\\\\n&= 3 x\n\\end{array}\n$$\n"
    assert verdicts(text) == ["definition", "verified", "verified", "refuted"]
    matrix = "$$\nA = \\begin{array}{cc} 1 & 2 \\\\ 3 & 4 \\end{array}\n$$\n"
    assert verdicts(matrix) == ["unsupported"]


# ------------------------------------------------------------------ what the zu- to zw- blind documents taught


def displayed(text: str, name: str = "doc.md") -> list[str]:
    return [e.verdict.value for e in check_text(text, name).equations if e.kind == "display"]


def test_an_index_on_the_left_only_is_ill_formed_only_when_it_fails_or_clashes() -> None:
    """``\\frac{\\partial z_j}{\\partial \\theta_{ij}} = x_i`` with z defined as a vector (not read into
    entries): not decided, so unknown (a blind false alarm); the seed's ``\\frac{\\partial L}{\\partial
    \\hat{y}_o} = -\\sum_o ...``, whose o the right side sums over, stays ill-formed (its own test)."""
    text = ("$$\\mathbf{z} = \\boldsymbol{\\theta}^{\\top} \\mathbf{x} + \\mathbf{b}$$\n\n"
            "$$\\frac{\\partial z_j}{\\partial \\theta_{ij}} = x_i$$\n")
    assert displayed(text)[-1] == "unknown"
    clash = "$$L = -\\sum_{o=1}^{k} y_o \\log p_o$$\n\n$$\\frac{\\partial L}{\\partial p_o} = -\\sum_o \\frac{y_o}{p_o}$$\n"
    assert displayed(clash) == ["definition", "ill-formed"]


SOFTMAX_2 = "$$\\hat{y}_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\n"


def test_entries_written_out_may_fix_the_size() -> None:
    """A softmax over a size K, then its derivative written out for two classes (``e^{z_1} + e^{z_2}``,
    the size said in words): it holds at K = 2 only, so it is unknown, never refuted (a blind false
    alarm); a slip that fails at K = 2 too is still refuted."""
    right = SOFTMAX_2 + "$$\\frac{\\partial \\hat{y}_1}{\\partial z_1} = \\frac{e^{z_1} e^{z_2}}{(e^{z_1} + e^{z_2})^2}$$\n"
    assert displayed(right) == ["definition", "unknown"]
    wrong = SOFTMAX_2 + "$$\\frac{\\partial \\hat{y}_1}{\\partial z_1} = \\frac{e^{z_1}}{(e^{z_1} + e^{z_2})^2}$$\n"
    assert displayed(wrong) == ["definition", "refuted"]


def test_values_at_an_example_are_not_refuted() -> None:
    """Inputs given in bullets (read as cases, not assumptions), then ``\\hat{y} = 3 \\cdot 2 = 6`` and,
    after an update, ``L = (10 - 9.2)^2 = 0.64`` beside the earlier ``L = 16``: values at examples,
    not identities (two blind false alarms); unknown."""
    text = ("- Input: $x = 2$\n- Weight: $w = 3$\n- Target: $y = 10$\n\n"
            "$$\n\\hat{y} = w \\cdot x\n$$\n\n$$\nL = (y - \\hat{y})^2\n$$\n\nForward:\n\n"
            "$$\n\\hat{y} = 3 \\cdot 2 = 6\n$$\n\n$$\nL = (10 - 6)^2 = 16\n$$\n\nAgain:\n\n"
            "$$\nL = (10 - 9.2)^2 = 0.64\n$$\n")
    shown = displayed(text)
    assert "refuted" not in shown and shown[2] == "unknown" and shown[-1] == "unknown"


def test_markdown_escaped_underscores_in_math() -> None:
    """kramdown posts escape ``_`` inside math (``x\\_j``, ``\\sum\\_{i=1}``): in Markdown it is a
    subscript; in LaTeX ``\\_`` is a literal underscore, still refused."""
    text = "$$\n\\frac{\\partial}{\\partial x\\_1} (x\\_1^2 + x\\_2) = 2 x\\_1\n$$\n"
    assert displayed(text) == ["verified"]
    assert displayed(text.replace("$$", "\\[", 1).replace("$$", "\\]", 1), "doc.tex") == ["unsupported"]


def test_a_function_labelled_by_the_weights() -> None:
    """``h_w(x) = ...`` defines the function h_w (as ``h_\\theta`` does); ``h_i(x)`` stays refused."""
    text = ("$$h_w(x) = \\frac{1}{1 + e^{-w x}}$$\n\n"
            "$$\\frac{d}{dx} h_w(x) = w h_w(x) (1 - h_w(x))$$\n")
    assert displayed(text) == ["definition", "verified"]
    assert displayed(text.replace("h_w(x)", "h_i(x)"))[0] == "unsupported"


def test_hyperbolic_words_without_backslash_primed_or_in_a_group() -> None:
    """``tanh'(x)`` and ``{sinh(x) \\over cosh(x)}``, written without backslashes (a blind document)."""
    text = ("$$\n\\frac{d}{dx} tanh(x) = {d \\over dx} {sinh(x) \\over cosh(x)}\n$$\n\n"
            "$$\ntanh'(x) = ( cosh(x)cosh(x) - sinh(x)sinh(x) ) / cosh^2(x) = 1 - tanh^2(x)\n$$\n")
    assert displayed(text) == ["verified", "verified"]


def test_an_array_of_equals_cells_with_newline_rows() -> None:
    """``\\begin{array}{rcl} f & = & ... \\newline & = & ...``: rows of one chain, each checked."""
    text = ("$$\n\\begin{array}{rcl}\nf & = & (x+1)^2 \\newline\n& = & x^2 + 2x + 1 \\newline\n"
            "& = & x^2 + 2x + 2\n\\end{array}\n$$\n")
    assert displayed(text) == ["definition", "verified", "refuted"]


def test_an_undefined_loss_whose_gradient_by_one_vector_is_all_that_is_used() -> None:
    """``\\sum_h \\frac{\\partial L}{\\partial y_h} ...`` on both sides, L never defined: the derivatives are
    free numbers; a step that holds for all of them holds for every L (verified), one that fails is
    not refuted (the author's L may be special)."""
    head = "$$y_i = \\frac{e^{x_i}}{Z}$$\n\n$$Z = \\sum_{h=1}^{H} e^{x_h}$$\n\n"
    step = "$$\\sum_{h=1}^{H} \\frac{\\partial L}{\\partial y_h} \\frac{\\partial y_h}{\\partial x_i} = \\sum_{h=1}^{H} \\frac{\\partial L}{\\partial y_h} y_h (\\delta_{hi} - y_i)$$\n"
    assert displayed(head + step) == ["definition", "definition", "verified"]
    slip = step.replace("(\\delta_{hi} - y_i)", "(\\delta_{hi} + y_i)")
    assert displayed(head + slip) == ["definition", "definition", "unknown"]


def test_two_members_written_alike_are_read_alike() -> None:
    """``= \\sum_i -y_i A + (1 - y_i) B = \\sum_i C - D``: each term after its sum is the sum's; before,
    each member's dangling index kept the other's term outside, and a correct step was refuted."""
    text = ("$$\nm = \\sum_{i=1}^{N} -y_{i} \\log( 1 + e^{ -w x_i } ) + ( 1 - y_{i} ) ( -w x_i - \\log( 1 + e^{ -w x_i } ) )"
            " = \\sum_{i=1}^{N} ( y_{i} - 1 ) ( w x_i ) - \\log( 1 + e^{ -w x_i } )\n$$\n")
    assert displayed(text) == ["verified"]


NIELSEN = r"""$$
z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j
$$

$$
a^l_j = \sigma(z^l_j)
$$

$$
C = \frac{1}{2} \sum_j (y_j - a^L_j)^2
$$

$$
\frac{\partial C}{\partial a^L_j} = a^L_j - y_j
$$

$$
\frac{\partial z^l_j}{\partial w^l_{jk}} = a^{l-1}_k
$$

$$
\frac{\partial z^l_j}{\partial b^l_j} = 2
$$

$$
\frac{\partial C}{\partial z^l_j} = \sum_k w^{l+1}_{jk} \frac{\partial C}{\partial z^{l+1}_k} \sigma'(z^l_j)
$$
"""


def test_layers_labelled_without_brackets_where_the_document_steps_between_layers() -> None:
    """Nielsen's notation (``z^l_j``, ``a^{l-1}_k``, ``a^L_j``): in a document that writes ``^{l-1}`` or
    ``^{l+1}`` on a network's quantity, a bare ``l`` or ``L`` above is a layer's label. A derivative
    across layers (C of layer L by z of layer l) is 0 as read, never as meant: unknown, so the wrong
    ``w^{l+1}_{jk}`` (for ``w^{l+1}_{kj}``) is not passed; within a layer, steps are checked."""
    assert displayed(NIELSEN) == ["definition", "definition", "definition", "verified", "verified", "refuted", "unknown"]
    alone = "$$\nz^l_j = \\sum_k w^l_{jk} a_k + b^l_j\n$$\n"  # no step between layers: l may be a power
    assert displayed(alone) == ["unsupported"]


def test_a_derivative_across_bracketed_layers_is_not_passed() -> None:
    """The same wrong recursion with bracketed labels was `checked` (both sides 0 as read): a false pass."""
    text = NIELSEN.replace("^l_", "^{[l]}_").replace("^{l-1}", "^{[l-1]}").replace("^L_", "^{[L]}_").replace("^{l+1}", "^{[l+1]}")
    assert displayed(text)[-1] == "unknown"


def test_the_vector_form_of_a_quantity_defined_entry_by_entry() -> None:
    """``\\delta_j = a_j - y_j``, then ``\\delta = a - y``: the scalar is the vector, not a new quantity;
    not refuted (a false alarm once layers were read)."""
    assert displayed("$$\n\\delta_j = a_j - y_j\n$$\n\n$$\n\\delta = a - y\n$$\n") == ["definition", "unknown"]


def test_entries_written_out_from_zero() -> None:
    """``e^{a_0} + e^{a_1} + e^{a_2} = \\sum_{k=0}^{K-1} e^{a_k}``: three entries counted from 0 (K = 3, a
    blind false alarm when only K = 2 was tried)."""
    text = "$$\nu = e^{a_0} + e^{a_1} + e^{a_2} = \\sum_{k=0}^{K-1} e^{a_k}\n$$\n"
    assert displayed(text) == ["unknown"]
    assert displayed(text.replace("e^{a_2} =", "2 e^{a_2} =")) == ["refuted"]


def test_an_expectation_with_a_subscript_is_refused() -> None:
    """``\\mathbb{E}_q[(x - \\mu)^2]`` was read as the entry q of a quantity E times a bracket (a blind
    document; the row was unknown only by luck); refused like ``\\mathbb{E}[x]``."""
    for text in (r"\mathbb{E}_q[(x - \mu)^2] = s", r"\mathbb{E}_{x \sim p}[x] = s", r"\mathbb{E}[x] = s"):
        with pytest.raises(Unsupported):
            parse_chain(text, size=k)


def test_a_step_after_a_wrong_root_is_not_refuted() -> None:
    """Maximum entropy with a Lagrange multiplier (a blind document): after differentiating by p_i and
    lambda, ``p_i = e^{-\\lambda - 1}`` and ``\\lambda = \\log(b - a + 1) + 1`` (a sign slip: - 1) are the
    values solved for, built on as definitions; ``p_i = \\frac{1}{b - a + 1}``, right, fails only
    through the wrong root: unknown, not refuted. With the right root it is verified."""
    text = (
        "$$L = -\\sum_{i=a}^{b} p_i \\log p_i - \\lambda \\left(\\sum_{i=a}^{b} p_i - 1\\right)$$\n\n"
        "$$\\frac{d}{dp_i} L = -\\log p_i - 1 - \\lambda$$\n\n"
        "$$p_i = \\exp(-\\lambda - 1)$$\n\n"
        "$$\\lambda = \\log(b - a + 1) + 1$$\n\n"
        "$$p_i = \\frac{1}{b - a + 1}$$\n"
    )
    assert displayed(text)[-1] == "unknown"
    assert displayed(text.replace("\\log(b - a + 1) + 1", "\\log(b - a + 1) - 1"))[-1] == "verified"


def test_an_aligned_environment_in_single_dollars_on_its_own_line_is_a_display() -> None:
    """``$ \\begin{aligned} ... \\end{aligned}$`` alone on its line (a Chinese post's displays): shown as a
    display, so checked as one; inside a sentence it stays inline math."""
    body = "\\begin{aligned} f &= (x+1)^2 \\\\ &= x^2 + 2x + 2 \\end{aligned}"
    text = f"$$f = (x+1)^2$$\n\nSo:\n\n$ {body}$\n"
    assert "refuted" in displayed(text)
    assert displayed(f"$$f = (x+1)^2$$\n\nSo $ {body}$ holds.\n") == ["definition"]


def test_a_row_after_one_ending_with_its_sign_continues_it() -> None:
    """``A = B = \\\\ C = D`` (a blind document): the row after a trailing '=' is that sign's right
    side; read alone it was verified while the link into it fails (a false pass). With the row before
    unreadable it continues an equation that could not be read; readable, it is checked as one chain."""
    unread = "$$\n\\begin{equation}\nv \\nabla^{2} f = (a + b)^2 = \\\\\na^2 + b^2 = b^2 + a^2\n\\end{equation}\n$$\n"
    assert displayed(unread) == ["unsupported", "unsupported"]
    read = "$$\n\\begin{equation}\nf = (a + b)^2 = \\\\\na^2 + b^2 = b^2 + a^2\n\\end{equation}\n$$\n"
    assert "refuted" in displayed(read)
    assert "refuted" not in displayed(read.replace("a^2 + b^2 = b^2 + a^2", "a^2 + 2ab + b^2 = b^2 + 2ab + a^2"))


def test_a_case_stated_earlier_in_the_section_is_not_refuted() -> None:
    """"The derivative w.r.t. $z_i$ when $i=j$", then two displays later ``\\frac{\\partial s_j}{\\partial z_i}
    = ... e^{z_i} ...`` (j the true class): it holds when i = j, as the section says; unknown, not
    refuted. Without the words, the same display is refuted."""
    head = ("For the true class $j$, $$s_j = \\frac{e^{z_j}}{\\sum_{a=1}^{k} e^{z_a}}$$\n\n"
            "The derivative with respect to $z_i$ when $i=j$ is then:\n\n$$L = -\\log s_j$$\n\nComputing it:\n\n")
    claim = "$$\\frac{\\partial s_j}{\\partial z_i} = \\frac{\\partial}{\\partial z_i} \\frac{e^{z_i}}{\\sum_{a=1}^{k} e^{z_a}}$$\n"
    assert displayed(head + claim)[-1] == "unknown"
    assert displayed(head.replace(" when $i=j$", "") + claim)[-1] == "refuted"
    other_section = head + "## Next\n\nNothing more.\n\n" + claim
    assert displayed(other_section)[-1] == "refuted"


def test_entries_written_in_a_definition_fix_the_index_range() -> None:
    """``z = w_1 x_1 + w_2 x_2 + b``, then ``\\frac{dz}{dw_i} = x_i`` (a blind false alarm at i = 3): it holds
    for the two entries written; unknown, not refuted. A wrong one fails there too."""
    text = "$$z = w_1 x_1 + w_2 x_2 + b$$\n\nand\n\n$$\\frac{dz}{dw_i} = x_i$$\n"
    assert displayed(text) == ["definition", "unknown"]
    assert displayed(text.replace("= x_i$$", "= 2 x_i$$")) == ["definition", "refuted"]


def test_a_definition_restated_for_one_example_is_not_ill_formed() -> None:
    """``L = -(y \\log \\hat{y} + ...)``, then "for a data point i": ``L = -(y_i \\log \\hat{y}_i + ...)`` (a blind
    false alarm): L's own definition with the index on its quantities; unknown. An index on a quantity
    the definition does not use stays ill-formed."""
    first = "$$\\hat{y} = \\sigma(w_1 x_1 + w_2 x_2)$$\n\n$$L = -(y \\log(\\hat{y}) + (1 - y) \\log(1 - \\hat{y}))$$\n\n"
    again = "$$L = -(y_i \\log(\\hat{y_i}) + (1 - y_i) \\log(1 - \\hat{y_i}))$$\n"
    assert displayed(first + again) == ["definition", "definition", "unknown"]
    assert displayed(first + "$$L = -(y \\log(\\hat{y}) + (1 - y) \\log(1 - \\hat{y})) + c_i$$\n") == ["definition", "definition", "ill-formed"]


def test_a_name_defined_again_in_a_new_section_is_not_refuted() -> None:
    """Exponential-family notes: each subsection gives ``b(y)`` anew (``b(y) = e^{-y^2/2}``, then ``b(y) = 1``,
    a blind false alarm); after a heading the second is unknown, in the same section refuted."""
    text = ("## Gaussian\n\n$$b(y) = \\exp(-\\frac{y^2}{2})$$\n\n## Bernoulli\n\n$$b(y) = 1$$\n")
    assert displayed(text) == ["definition", "unknown"]
    assert displayed(text.replace("## Bernoulli\n\n", "")) == ["definition", "refuted"]


def test_a_superscript_t_is_not_read_as_a_power_of_t_alone() -> None:
    """``\\frac{\\partial}{\\partial w}(w^t x + b) = x`` (a blind false alarm: w^t read as w to the power t):
    t nowhere else, so a transpose or a time step; refused. Where t is a quantity of the equation
    (``y^t (1-y)^{1-t}``) it is a power, and ``e^t`` always is."""
    with pytest.raises(Unsupported, match="superscript t"):
        parse_chain(r"\frac{\partial}{\partial w}\left(w^t x + b\right) = x", size=k)
    assert parse_chain(r"y^t (1-y)^{1-t}", size=k)[0].has(Pow)
    assert parse_chain(r"e^t", size=k)[0] == exp(scalar("t"))


def test_softmax_first_in_a_group_is_the_function() -> None:
    """``\\frac{1}{softmax(z)_j}`` (a blind document): the word first in a group is read as in
    ``softmax(z)_j`` elsewhere; as a styled name's text (``\\mathrm{cost(h)}``) it is not a call word."""
    (value,) = parse_chain(r"\frac{1}{softmax(z)_j}", size=k)
    (alone,) = parse_chain(r"softmax(z)_j", size=k)
    assert (value * alone).equals(1)


def test_a_display_environment_of_the_documents_own_is_read() -> None:
    """``\\begin{tcequation}`` (a blind LaTeX paper's own environment) was skipped: 0 equations, no reason
    given. An environment named as a display one is read, and what it holds that cannot be read says
    why; ``alignat`` keeps its column count out of the math."""
    text = ("\\begin{tcequation}\nx^2 = x \\cdot x\n\\end{tcequation}\n"
            "\\begin{alignat*}{2}\nx^2 &= x \\cdot x\n\\end{alignat*}\n"
            "\\begin{myalign}\n\\pfrac{C}{W} = 0\n\\end{myalign}\n")
    assert displayed(text, "doc.tex") == ["verified", "verified", "unsupported"]
    assert displayed("\\begin{itemize}\n\\item $x = 1$\n\\end{itemize}\n", "doc.tex") == []
    # \begin{subequations} groups displays and the words between them: each display is read as itself
    grouped = ("\\begin{subequations}\n\\begin{equation}\nx^2 = x \\cdot x\n\\end{equation}\nwhere we expand\n"
               "\\begin{equation}\n(a+b)^2 = a^2 + b^2\n\\end{equation}\n\\end{subequations}\n")
    assert displayed(grouped, "doc.tex") == ["verified", "refuted"]


def test_a_letter_written_only_before_a_bracket_is_a_function() -> None:
    """``p(x_i)``, ``q(x_i)`` in an entropy (a blind document: refused as "a function or a product?"): a
    letter the document writes only applied, at least twice, and never alone (``H(p)``, ``D(p \\| q)``
    pass it whole), is a function; read so, a claim holds for every function, and one that fails is
    not refuted. A letter also written alone stays a factor."""
    from derive.check import reading as rd

    assert rd.applied_only([r"H(p) = -\sum_i p(x_i) \log p(x_i)", r"D(p \| q) = q(x) + q(y)"]) == {"p", "q"}
    assert rd.applied_only([r"a(1 - a) = a - a^2", r"a(x) + a(y)"]) == set()
    text = ("$$H = -\\sum_{i=1}^{n} p(x_i) \\log p(x_i)$$\n\n"
            "$$\\sum_{i=1}^{n} p(x_i) (1 - p(x_i)) = \\sum_{i=1}^{n} p(x_i) - \\sum_{i=1}^{n} p(x_i)^2$$\n")
    assert displayed(text)[1] in ("verified", "checked")
    assert displayed(text.replace("- \\sum_{i=1}^{n} p(x_i)^2", "+ \\sum_{i=1}^{n} p(x_i)^2"))[1] == "unknown"


def test_a_display_ending_with_the_sign_the_next_starts_with() -> None:
    """``$$= A =$$`` then ``$$= B$$`` (a blind sigmoid derivation: "unexpected end of math", and every
    display after it continued nothing): the sign ending one display is the one the next starts
    with, so the chain goes on and its wrong step (a sign slip) is caught; the right one is verified."""
    text = ("$$f = \\frac{1}{1 + e^{-x}}$$\n\n$$\\frac{df}{dx} = \\frac{e^{-x}}{(1 + e^{-x})^2} =$$\n\n"
            "Then\n\n$$= \\frac{1}{1 + e^{-x}} \\cdot \\frac{-e^{-x}}{1 + e^{-x}}$$\n")
    assert displayed(text) == ["definition", "verified", "refuted"]
    assert displayed(text.replace("{-e^{-x}}", "{e^{-x}}")) == ["definition", "verified", "verified"]


def test_typographic_primes_and_empty_sum_limits() -> None:
    """``s’(x)`` and ``f′(x)`` (a typographic apostrophe, a prime sign) are primes; ``\\sum_{}^{}`` is a sum
    written without its limits (refused as such, not as a stray brace)."""
    (value,) = parse_chain("\\sigma\u2019(x)", size=k)
    assert value.has(Derivative)
    (other,) = parse_chain("\\sigma\u2032(x)", size=k)
    assert other == value
    with pytest.raises(Unsupported, match="without an index"):
        parse_chain(r"\frac{e^{x_n}}{\sum_{}^{} e^{x_k}}", size=k)


def test_a_bullet_product_and_a_sum_that_may_run_over_the_terms_after_it() -> None:
    """``\\frac{1}{h} \\bullet \\frac{\\partial h}{\\partial \\theta_j}`` (a blind Chinese post): the bullet is a
    product. The same post writes ``\\frac{\\partial}{\\partial \\theta_j} \\sum_i y_i \\log h_i + (1 - y_i) \\log(1 - h_i)``
    and ``\\sum_i y_i (1 - h_i) x_j - (1 - y_i) h_i x_j``, the sums meant over both terms: read as written
    the second term has i free, and such a link was refuted or called ill-formed (false alarms); now
    unknown. The same derivative with the sum's brackets written is verified."""
    assert parse_chain(r"a \bullet b", size=k) == parse_chain(r"a \cdot b", size=k)
    head = "$$h_\\theta(x) = \\frac{1}{1+e^{-\\theta^T x}}$$\n\n$$\\begin{aligned}\n"
    open_sum = ("&\\frac{\\partial}{\\partial \\theta_j} \\sum_{i=1}^m y^{(i)} \\log h_\\theta(x^{(i)}) + (1-y^{(i)}) \\log(1- h_\\theta(x^{(i)})) \\\\\n"
                "&= \\sum_{i=1}^m y^{(i)}(1-h_\\theta(x^{(i)}))x_j^{(i)} - (1-y^{(i)})h_\\theta(x^{(i)})x_j^{(i)} \\\\\n")
    tail = "&= \\sum_{i=1}^m (y^{(i)} - h_\\theta(x^{(i)}))x_j^{(i)}\n\\end{aligned}$$\n"
    assert "refuted" not in displayed(head + open_sum + tail) and "ill-formed" not in displayed(head + open_sum + tail)
    closed = ("&\\frac{\\partial}{\\partial \\theta_j} \\sum_{i=1}^m \\left(y^{(i)} \\log h_\\theta(x^{(i)}) + (1-y^{(i)}) \\log(1- h_\\theta(x^{(i)}))\\right) \\\\\n")
    assert displayed(head + closed + tail)[1] == "verified"
