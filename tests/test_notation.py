"""Notation options: validation, and that no user string can inject LaTeX."""

from __future__ import annotations

import pytest

from derive.errors import UsageError
from derive.latex import to_latex
from derive.notation import parse_symbol_options, printer_settings
from derive.symbols import array, index

KNOWN = {"yhat", "z", "y", "L", "i", "o", "j", "k"}


def test_valid_options_rename_in_the_printer():
    settings = printer_settings(["yhat=p", "z=a"], "log", KNOWN)
    assert settings == {"names": {"yhat": "p", "z": "a"}, "log": "log"}
    assert to_latex(array("yhat")[index("o")], **settings) == "p_{o}"
    assert to_latex(array("z")[index("i")], **settings) == "a_{i}"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["yhat"], "--symbol takes NAME=DISPLAY"),
        (["w=p"], "unknown symbol 'w'"),
        (["yhat=\\input{/etc/passwd}"], "is not allowed"),
        (["yhat=\\write18{rm}"], "is not allowed"),
        (["yhat=\\def\\x{1}"], "is not allowed"),
        (["yhat=p}"], "is not allowed"),
        (["yhat=p$"], "is not allowed"),
        (["yhat=" + "p" * 17], "is not allowed"),
        (["yhat=p", "yhat=q"], "given twice"),
        (["yhat=y"], "would show two symbols as 'y'"),
        (["yhat=p", "z=p"], "would show two symbols as 'p'"),
    ],
)
def test_invalid_options_are_usage_errors(options, message):
    with pytest.raises(UsageError, match=message.replace("$", r"\$").replace("{", r"\{")):
        parse_symbol_options(options, KNOWN)


def test_bad_log():
    with pytest.raises(UsageError, match="--log must be ln or log"):
        printer_settings([], "lg", KNOWN)


# -- the prose follows the equations ------------------------------------------------------------

def test_prose_math_is_renamed_token_by_token():
    from derive.prose import rename_prose

    names = {"yhat": "p", "y": "t", "i": "n", "z": "sigma"}
    text = r"Only $\sum_o y_o = 1$ is needed, not $y_o \in \{0, 1\}$; $\hat{y}_i - y_i$ at $z_i$, $\ln \hat{y}_o$. In words: y, i."
    assert rename_prose(text, names, "log") == (
        r"Only $\sum_o t_o = 1$ is needed, not $t_o \in \{0, 1\}$; $p_n - t_n$ at $\sigma_n$, $\log p_o$. In words: y, i."
    )


def test_prose_leaves_commands_text_and_escaped_dollars_alone():
    from derive.prose import rename_math, rename_prose

    assert rename_math(r"\sin i + \text{if i} + \mathrm{FL}_i", {"i": "n", "FL": "F"}) == r"\sin n + \text{if i} + F_n"
    assert rename_prose(r"costs \$5 and $i$", {"i": "n"}) == r"costs \$5 and $n$"
    assert rename_prose(r"$\ln x$", {}, "ln") == r"$\ln x$"
    assert rename_math(r"\ln x", {}, "log") == r"\log x"
    assert rename_math(r"\hat y_i", {"yhat": "q"}) == "q_i"


def test_notation_reaches_every_equation_and_the_prose(produced_k3):
    """No trace of a renamed name is left in the rendered Markdown, and the certificate is unchanged."""
    from derive.notation import derivation_names, printer_settings
    from derive.produce import render_files

    vd = produced_k3.verified
    notation = printer_settings(["yhat=p", "z=a", "i=n"], "log", derivation_names(vd.derivation))
    files = render_files(vd, 3, ["md", "tex", "json"], notation=notation)
    # The evidence lines ("- exact: ...") describe the checker's own computation in plain text.
    md = "\n".join(line for line in files["softmax-ce-k3.md"].splitlines() if not line.startswith("- "))
    for old in (r"\hat{y}", "z_", r"\ln", "{i}", "_i$", "z}"):
        assert old not in md, old
    assert "p_{n} - y_{n}" in md and r"\log p_{o}" in md and r"\frac{\partial p}{\partial a}" in md
    assert files["softmax-ce-k3.json"] == produced_k3.files["softmax-ce-k3.json"]


def test_derivation_names_cover_every_equation(produced_general):
    from derive.notation import derivation_names

    assert derivation_names(produced_general.verified.derivation) == {"L", "i", "j", "k", "o", "y", "yhat", "z"}


def test_reserved_display_names():
    with pytest.raises(UsageError, match="reserved"):
        parse_symbol_options(["z=e"], KNOWN)
    with pytest.raises(UsageError, match="reserved"):
        parse_symbol_options(["z=d"], KNOWN)


def test_cli_notation_end_to_end(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    r = subprocess.run([sys.executable, "-m", "derive", "softmax-ce", "--symbol", "yhat=p", "--symbol", "z=a",
                        "--log", "log", "-f", "md", "-o", "-"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r"\frac{\partial L}{\partial a_{i}} = p_{i} - y_{i}" in r.stdout
    assert r"\hat{y}" not in r.stdout and r"\ln" not in r.stdout
