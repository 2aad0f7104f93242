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
