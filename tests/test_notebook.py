"""Notebook display: ``derive.derive(name, k)`` and the ``_repr_*`` methods Jupyter calls."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from test_renderers import check_markdown_in_katex, find_node, render_with_katex, require_katex


def test_import_derive_stays_cheap() -> None:
    """``import derive`` loads neither SymPy nor Jinja; ``derive.derive`` is resolved on first use."""
    code = (
        "import sys, derive\n"
        "assert 'sympy' not in sys.modules and 'jinja2' not in sys.modules, sorted(sys.modules)\n"
        "assert 'derive' in derive.__all__ and callable(derive.derive)\n"
        "assert 'sympy' in sys.modules\n"
        "from derive import derive as d\n"
        "assert d is derive.derive\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert r.returncode == 0, r.stderr


def test_unknown_attribute_is_an_attribute_error() -> None:
    import derive

    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        derive.nothing  # noqa: B018


def test_repr_markdown_is_compact_by_default(produced_k3) -> None:  # type: ignore[no-untyped-def]
    md = produced_k3.verified._repr_markdown_()
    assert md == ("$$" + produced_k3.verified._repr_latex_()[2:-2] + "$$\n\n**softmax-ce**: proved "
                  "(6 steps: 6 proved; result proved; instance k = 3 proved)\n")


def test_document_display_is_the_markdown_document(produced_k3) -> None:  # type: ignore[no-untyped-def]
    vd = produced_k3.verified.as_document()
    assert vd._repr_markdown_() == produced_k3.files["softmax-ce-k3.md"]
    assert vd._repr_latex_() is None  # the notebook shows the document, not the result twice
    assert vd == produced_k3.verified and vd.as_result()._repr_latex_() == produced_k3.verified._repr_latex_()


def test_to_latex_and_to_markdown_are_the_documents(produced_k3) -> None:  # type: ignore[no-untyped-def]
    from derive.produce import render_files

    vd = produced_k3.verified
    assert vd.to_markdown() == produced_k3.files["softmax-ce-k3.md"]
    assert vd.to_latex() == produced_k3.files["softmax-ce-k3.tex"]
    fragment = render_files(vd, 3, ["tex"], fragment=True, plain=True, numbered=True)["softmax-ce-k3-fragment.tex"]
    assert vd.to_latex(fragment=True, plain=True, numbered=True) == fragment
    assert vd.to_markdown(plain=True) == render_files(vd, 3, ["md"], plain=True)["softmax-ce-k3.md"]


def test_repr_is_one_short_line(produced_k3, produced_general) -> None:  # type: ignore[no-untyped-def]
    assert repr(produced_k3.verified) == ("<VerifiedDerivation softmax-ce k=3: proved "
                                          "(6 steps: 6 proved; result proved; instance k = 3 proved)>")
    assert repr(produced_general.verified) == "<VerifiedDerivation softmax-ce: proved (6 steps: 6 proved; result proved)>"


def test_verdict_prints_as_its_value(produced_general) -> None:  # type: ignore[no-untyped-def]
    from derive.verify import Verdict

    v = produced_general.verified.verdict
    assert str(v) == "proved" and f"{v}" == "proved" and f"[{v:>8}]" == "[  proved]"
    assert [str(x) for x in Verdict] == ["proved", "checked", "unknown", "refuted"]
    assert v == "proved" and v is Verdict.PROVED


def test_repr_latex_is_the_boxed_result(produced_general) -> None:  # type: ignore[no-untyped-def]
    latex = produced_general.verified._repr_latex_()
    assert latex == (r"$$\boxed{\frac{\partial L}{\partial z_{i}} = \hat{y}_{i} - y_{i}} \qquad "
                     r"\text{for } \sum_{o=1}^{k} y_{o} = 1$$")
    # The same equation as the documents' result block.
    assert latex[2:-2] in produced_general.files["softmax-ce.md"]
    assert latex[2:-2] in produced_general.files["softmax-ce.tex"]


def test_repr_latex_renders_in_katex(produced_general, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "repr.md").write_text(produced_general.verified._repr_latex_() + "\n", encoding="utf-8")
    check_markdown_in_katex(tmp_path / "repr.md")
    node = find_node()
    require_katex()
    assert [r.ok for r in render_with_katex(node, [r"\boxed{"])] == [False]  # the check can fail


def test_derive_returns_the_verified_derivation(produced_k3) -> None:  # type: ignore[no-untyped-def]
    import derive
    from derive.certificate import certificate
    from derive.engine import VerifiedDerivation

    vd = derive.derive("softmax-ce", k=3)
    assert isinstance(vd, VerifiedDerivation)
    assert certificate(vd) == certificate(produced_k3.verified)
    assert vd._repr_markdown_() == produced_k3.verified._repr_markdown_()
    doc = derive.derive("softmax-ce", k=3, display="document")
    assert doc._repr_markdown_() == produced_k3.files["softmax-ce-k3.md"]


@pytest.mark.parametrize(
    ("name", "k", "message"),
    [
        ("softmax-cee", None, "unknown derivation 'softmax-cee'"),
        ("softmax-ce", 0, "k must be between 1 and {limit}, got 0"),
        ("softmax-ce", "limit + 1", "k must be between 1 and {limit}, got {above}"),
        ("softmax-ce", 2.0, "k must be an integer or None, got 2.0"),
        ("softmax-ce", "3", "k must be an integer or None, got '3'"),
        ("softmax-ce", True, "k must be an integer or None, got True"),
        ("softmax-ce", "display", "display must be 'result' or 'document', got 'page'"),
    ],
)
def test_bad_arguments_raise_usage_error_before_any_work(name, k, message) -> None:  # type: ignore[no-untyped-def]
    import derive
    from derive.errors import UsageError
    from derive.registry import get

    limit = get("softmax-ce").max_k or 120  # the registered bound (derive.notebook.DEFAULT_MAX_K without one)
    k = limit + 1 if k == "limit + 1" else k
    options = {"display": "page"} if k == "display" else {}
    k = None if k == "display" else k
    with pytest.raises(UsageError) as raised:
        derive.derive(name, k=k, **options)
    assert message.format(limit=limit, above=limit + 1) in raised.value.one_line()
