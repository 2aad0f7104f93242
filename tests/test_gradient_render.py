"""The planned documents render: every spec's Markdown in KaTeX (strict, one node process for all
of them), every spec's LaTeX compiled by pdflatex in one host document (no error, no overfull box),
and examples/output/ holds exactly what `derive render` writes from examples/ (fresh)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gradient_support import EXAMPLES_OUTPUT, planned, planned_k3, spec_paths
from test_renderers import (
    compile_with_pdflatex,
    extract_display_blocks,
    find_node,
    layout_problems,
    render_with_katex,
    require_katex,
)

FORMATS = ["tex", "md", "json"]


def _files() -> dict[str, str]:
    """Every file examples/output should hold: each spec in tex, md and json, softmax-ce at k = 3."""
    from derive.produce import render_files

    files: dict[str, str] = {}
    for path in spec_paths():
        p = planned(path.stem)
        files.update(render_files(p.verified, None, FORMATS, name=p.planned.problem.name))  # type: ignore[arg-type, attr-defined]
    k3 = planned_k3()
    files.update(render_files(k3.verified, 3, FORMATS, name=k3.planned.problem.name))  # type: ignore[arg-type, attr-defined]
    return files  # type: ignore[return-value]


def test_examples_output_is_fresh():
    """What `cd examples && derive render --check` checks, from this test process's plans."""
    files = _files()
    stale = [name for name, text in files.items()
             if not (EXAMPLES_OUTPUT / name).is_file() or (EXAMPLES_OUTPUT / name).read_text(encoding="utf-8") != text]
    extra = sorted(p.name for p in EXAMPLES_OUTPUT.iterdir() if p.name not in files)
    assert not stale and not extra, (f"examples/output is stale: {stale}, extra: {extra}; "
                                     "regenerate with: cd examples && derive render && derive render softmax-ce-planned --k 3")


def test_every_planned_markdown_renders_in_katex():
    blocks: list[tuple[str, int, str]] = []
    for name, text in sorted(_files().items()):
        if name.endswith(".md"):
            found = extract_display_blocks(text)
            assert found, name
            blocks += [(name, b.line, b.source) for b in found]
    node = find_node()
    require_katex()
    results = render_with_katex(node, [source for _, _, source in blocks])
    failures = [f"{name}:{line}: {r.error}" for (name, line, _), r in zip(blocks, results) if not r.ok]
    assert not failures, "\n".join(failures)


HOST = "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\begin{document}\n%s\\end{document}\n"


def test_every_planned_document_compiles_in_one_pdflatex_run(tmp_path: Path):
    """All the specs' bodies (numbered, so every label is defined once) in one host document, and
    one standalone document: no TeX error, no overfull box, no label defined twice."""
    from derive.produce import render_files

    inputs = []
    build = tmp_path / "build"
    build.mkdir()
    sources = [planned(p.stem) for p in spec_paths()] + [planned_k3()]
    for n, p in enumerate(sources):
        k = 3 if p is sources[-1] else None
        name = p.planned.problem.name  # type: ignore[attr-defined]
        files = render_files(p.verified, k, ["tex"], fragment=True, numbered=True, name=name)  # type: ignore[arg-type]
        (fname, text), = files.items()
        (build / fname).write_text(text, encoding="utf-8")  # type: ignore[arg-type]
        inputs.append(f"\\section*{{{n + 1}}}\n\\input{{{Path(fname).stem}}}\n")
    host = tmp_path / "all-specs.tex"
    host.write_text(HOST % "".join(inputs), encoding="utf-8")
    problems = layout_problems(compile_with_pdflatex(host, build))
    assert not problems, "\n".join(problems)
    standalone = tmp_path / "softmax-ce-planned.tex"
    standalone.write_text(_files()["softmax-ce-planned.tex"], encoding="utf-8")
    (tmp_path / "solo").mkdir()
    assert layout_problems(compile_with_pdflatex(standalone, tmp_path / "solo")) == []


@pytest.mark.parametrize("name", ["softmax-ce-planned.md", "two-layer-net.md"])
def test_planned_markdown_reads_like_the_catalogue(name):
    """Headings with stable anchors, a rule and a verdict under every step, the boxed result."""
    text = _files()[name]
    stem = name[:-3]
    assert f'<a id="{stem}-chain-rule"></a>' in text and f'<a id="{stem}-result"></a>' in text
    assert text.count("*Rule:*") == text.count("**$\\checkmark$ proved**") - 1  # the result has a verdict, no rule
    assert "\\boxed{" in text and "REFUTED" not in text and "unknown" not in text
