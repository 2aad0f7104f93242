"""The authoring API: the README example runs as written; entry points add derivations."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap

from conftest import ROOT


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Write your own derivation", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_readme_example_runs_as_written(tmp_path):
    script = tmp_path / "example.py"
    script.write_text(_readme_example())
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=300,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["proved", "['proved', 'proved', 'proved']"]
    assert 20 <= len(_readme_example().splitlines()) <= 30


def test_entry_point_registers_a_derivation(tmp_path):
    """A package that declares a `derive.derivations` entry point appears in `derive list` and
    gets its own command."""
    site = tmp_path / "site"
    (site / "fakepkg-0.1.dist-info").mkdir(parents=True)
    (site / "fakepkg-0.1.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: fakepkg\nVersion: 0.1\n")
    (site / "fakepkg-0.1.dist-info" / "entry_points.txt").write_text(
        "[derive.derivations]\nsquare-derivative = fakepkg:build\n")
    (site / "fakepkg.py").write_text(textwrap.dedent('''
        from sympy import Derivative
        from derive.api import DerivationBuilder
        from derive.symbols import scalar

        def build():
            x, f = scalar("x"), scalar("f")
            d = DerivationBuilder("square-derivative", title="The derivative of a square", summary="d/dx x^2 = 2x")
            d.define(f, x**2, name="square")
            c = d.chain(Derivative(f, x))
            c.then(d.differentiate)
            d.step("diff", "Differentiate", "power rule", "The power rule.", c)
            d.result(c)
            return d.build()
    '''))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}
    r = subprocess.run([sys.executable, "-m", "derive", "list"], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "square-derivative" in r.stdout and "provided by fakepkg" in r.stdout
    r = subprocess.run([sys.executable, "-m", "derive", "square-derivative", "-f", "md", "-o", "-"],
                       capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r"\frac{\partial f}{\partial x} = 2 x" in r.stdout.replace("&= ", "= ")
    assert "square-derivative: 1 steps: 1 proved; result proved" in r.stderr


def test_register_rejects_a_taken_name():
    import pytest

    from derive.errors import UsageError
    from derive.registry import register

    with pytest.raises(UsageError, match="already registered"):
        register("softmax-ce", "again", lambda: None)


def test_unfold_inside_never_captures_an_index():
    """d/dz_j of a softmax whose normaliser sums over j: the bound j is renamed (a reader would take
    a bound j under d/dz_j for the derivative's j), and the differentiated step is proved."""
    from sympy import Derivative, Sum, exp

    from derive.api import DerivationBuilder
    from derive.engine import verify_derivation
    from derive.symbols import array, index, size

    k, o, j = size("k"), index("o"), index("j")
    z, yhat = array("z"), array("yhat")
    d = DerivationBuilder("capture", title="Capture", summary="no capture", size=k)
    d.define(yhat[o], exp(z[o]) / Sum(exp(z[j]), (j, 1, k)), name="softmax")
    c = d.chain(Derivative(yhat[o], z[j]))
    c.then(d.unfold_inside)
    unfolded = c.members[-1]
    (inner,) = unfolded.atoms(Sum)
    assert inner.variables[0] != j and unfolded.variables == (z[j],)
    c.then(d.differentiate)
    d.step("diff", "Differentiate", "quotient rule", "Differentiate.", c)
    d.result(c)
    vd = verify_derivation(d.build())
    assert [s.verdict.value for s in vd.steps] == ["proved"]
