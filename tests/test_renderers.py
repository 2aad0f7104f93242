"""The generated documents must render: Markdown math in KaTeX (strict), LaTeX in pdflatex.

Two sets of documents are checked:

- the committed ones: every ``output/**/*.md`` file has each ``$$...$$`` display block rendered by
  KaTeX with ``strict: "error"`` (``tests/renderers/katex_check.js``), and every
  ``output/**/*.tex`` file is compiled by pdflatex;
- freshly generated ones, in a session directory: every registered derivation at general size
  and, when it has a concrete instance, at k in {1, 2, 3, 5}; each plain and ``--numbered``, as a
  standalone ``.tex``, a ``-fragment.tex`` and a ``.md``. Their logs must also be free of
  overfull boxes (an equation running into the margin) and of undefined references.

``*-fragment*.tex`` files are bodies without a preamble and are compiled inside a minimal host
document (``\\documentclass{article}\\usepackage{amsmath,amssymb}``).

Environment:

- ``DERIVE_OUTPUT_DIR``: the directory to check instead of the repository's ``output/``.
- ``DERIVE_REQUIRE_RENDERERS=1``: a missing renderer (node, KaTeX, pdflatex) fails the test
  instead of skipping it; CI sets it so that it can never pass by skipping.

Install the renderers with ``npm ci --prefix tests/renderers`` and
``apt-get install -y texlive-latex-base`` (see ``tests/renderers/README.md``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
RENDERERS_DIR = REPO_ROOT / "tests" / "renderers"
KATEX_CHECK_SCRIPT = RENDERERS_DIR / "katex_check.js"
KATEX_PACKAGE_DIR = RENDERERS_DIR / "node_modules" / "katex"

OUTPUT_DIR_ENV = "DERIVE_OUTPUT_DIR"
REQUIRE_RENDERERS_ENV = "DERIVE_REQUIRE_RENDERERS"

NODE_INSTALL = "apt-get install -y nodejs"
KATEX_INSTALL = "npm ci --prefix tests/renderers"
PDFLATEX_INSTALL = "apt-get install -y texlive-latex-base"

KATEX_TIMEOUT_S = 120
PDFLATEX_TIMEOUT_S = 120
LOG_TAIL_LINES = 40

FRAGMENT_MARKER = "-fragment"
FRAGMENT_HOST_NAME = "fragment-host.tex"
FRAGMENT_HOST_TEMPLATE = (
    "\\documentclass{article}\n"
    "\\usepackage{amsmath,amssymb}\n"
    "\\begin{document}\n"
    "\\input{%s}\n"
    "\\end{document}\n"
)

NO_FILES_ID = "no-generated-files"


# --------------------------------------------------------------------------------------------
# Generated files
# --------------------------------------------------------------------------------------------


def output_dir() -> Path:
    """The directory whose generated files are checked: ``$DERIVE_OUTPUT_DIR`` or ``output/``."""
    override = os.environ.get(OUTPUT_DIR_ENV, "").strip()
    return Path(override).expanduser().resolve() if override else REPO_ROOT / "output"


def generated_files(suffix: str) -> list[Path]:
    """Every file ending in ``suffix`` under the output directory, recursively, sorted."""
    return sorted(p for p in output_dir().glob(f"**/*{suffix}") if p.is_file())


def generated_file_params(suffix: str) -> list[object]:
    """Pytest params for the generated files, or one ``None`` param that fails if there are none.

    A parametrized test over an empty list would be reported as skipped (or not at all), which
    would let a generator that writes nothing pass; the ``None`` param makes that a failure.
    """
    files = generated_files(suffix)
    if not files:
        return [pytest.param(None, id=NO_FILES_ID)]
    root = output_dir()
    return [pytest.param(path, id=path.relative_to(root).as_posix()) for path in files]


def require_generated_file(path: Path | None, suffix: str) -> Path:
    """The file under test; fails the test when the output directory had no such file."""
    if path is None:
        pytest.fail(
            f"no generated files found under output/ (nothing matches {output_dir()}/**/*{suffix})",
            pytrace=False,
        )
    return path


# --------------------------------------------------------------------------------------------
# Renderer discovery and the skip-or-fail policy
# --------------------------------------------------------------------------------------------


def renderers_required() -> bool:
    """Whether ``DERIVE_REQUIRE_RENDERERS`` forbids skipping for a missing renderer."""
    value = os.environ.get(REQUIRE_RENDERERS_ENV, "").strip().lower()
    return value in {"1", "true", "yes", "on"}


def missing_renderer(what: str, install: str) -> NoReturn:
    """Skip the test because ``what`` is missing, or fail it when renderers are required."""
    reason = f"{what} is missing; install it with: {install}"
    if renderers_required():
        pytest.fail(f"{reason} ({REQUIRE_RENDERERS_ENV}=1 forbids skipping)", pytrace=False)
    pytest.skip(reason)


def find_node() -> str:
    """The ``node`` executable, or skip/fail."""
    node = shutil.which("node")
    if node is None:
        missing_renderer("node (Node.js)", NODE_INSTALL)
    return node


def pinned_katex_version() -> str | None:
    """The exact KaTeX version pinned in ``tests/renderers/package.json``."""
    manifest = json.loads((RENDERERS_DIR / "package.json").read_text(encoding="utf-8"))
    version = manifest.get("dependencies", {}).get("katex")
    return version if isinstance(version, str) else None


def installed_katex_version() -> str | None:
    """The version of the KaTeX installed in ``tests/renderers/node_modules``, if any."""
    manifest_path = KATEX_PACKAGE_DIR / "package.json"
    if not manifest_path.is_file():
        return None
    version = json.loads(manifest_path.read_text(encoding="utf-8")).get("version")
    return version if isinstance(version, str) else None


def require_katex() -> None:
    """Skip/fail unless the pinned KaTeX is installed in ``tests/renderers/node_modules``."""
    installed = installed_katex_version()
    if installed is None:
        missing_renderer(f"KaTeX ({KATEX_PACKAGE_DIR.relative_to(REPO_ROOT)})", KATEX_INSTALL)
    pinned = pinned_katex_version()
    if pinned is not None and installed != pinned:
        missing_renderer(
            f"KaTeX {pinned} (pinned in tests/renderers/package.json; {installed} is installed)",
            KATEX_INSTALL,
        )


def find_pdflatex() -> str:
    """The ``pdflatex`` executable, or skip/fail."""
    pdflatex = shutil.which("pdflatex")
    if pdflatex is None:
        missing_renderer("pdflatex", PDFLATEX_INSTALL)
    return pdflatex


# --------------------------------------------------------------------------------------------
# Markdown display math
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DisplayBlock:
    """The body of one ``$$...$$`` block and the 1-based line its opening ``$$`` is on."""

    line: int
    source: str


class UnclosedDisplayBlockError(ValueError):
    """A ``$$`` that opens a display block which is never closed."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line}: `$$` opens a display block that is never closed")
        self.line = line


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


def _closes_fence(match: re.Match[str], fence: str) -> bool:
    """Whether a fence line closes the code block that ``fence`` opened (CommonMark rules)."""
    marker, rest = match.group(1), match.group(2)
    return marker[0] == fence[0] and len(marker) >= len(fence) and not rest.strip()


def _blank_code_fences(text: str) -> str:
    """``text`` with fenced code blocks (fences included) blanked out, offsets unchanged."""
    out: list[str] = []
    fence: str | None = None
    for line in text.splitlines(keepends=True):
        match = _FENCE.match(line.rstrip("\r\n"))
        if fence is None:
            if match is None:
                out.append(line)
                continue
            fence = match.group(1)
        elif match is not None and _closes_fence(match, fence):
            fence = None
        out.append(re.sub(r"[^\n]", " ", line))
    return "".join(out)


def _display_delimiters(text: str) -> Iterator[int]:
    """Offsets of the ``$$`` delimiters in ``text``; a backslash escapes the next character.

    So ``\\$`` is a literal dollar, while in ``a \\\\$$`` the ``\\\\`` is a LaTeX line break and the
    ``$$`` that follows it is a delimiter.
    """
    position = 0
    while position < len(text):
        if text[position] == "\\":
            position += 2
        elif text.startswith("$$", position):
            yield position
            position += 2
        else:
            position += 1


def extract_display_blocks(text: str) -> list[DisplayBlock]:
    """Every ``$$...$$`` display block of a Markdown text, in order, with its starting line.

    A block may span lines. ``$$`` inside fenced code blocks and after a backslash (``\\$$``)
    is not a delimiter. Raises ``UnclosedDisplayBlockError`` for a ``$$`` that is never closed.
    """
    searchable = _blank_code_fences(text)
    delimiters = list(_display_delimiters(searchable))
    if len(delimiters) % 2:
        raise UnclosedDisplayBlockError(searchable.count("\n", 0, delimiters[-1]) + 1)
    return [
        DisplayBlock(line=searchable.count("\n", 0, start) + 1, source=text[start + 2 : end])
        for start, end in zip(delimiters[::2], delimiters[1::2], strict=True)
    ]


@dataclass(frozen=True)
class KatexResult:
    ok: bool
    error: str | None


def render_with_katex(node: str, sources: list[str]) -> list[KatexResult]:
    """Render every source with KaTeX (display mode, strict errors) in one node process."""
    try:
        proc = subprocess.run(
            [node, str(KATEX_CHECK_SCRIPT)],
            input=json.dumps(sources),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=KATEX_TIMEOUT_S,
            cwd=RENDERERS_DIR,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"katex_check.js did not finish within {KATEX_TIMEOUT_S} s", pytrace=False)
    if proc.returncode != 0:
        pytest.fail(
            f"katex_check.js exited with {proc.returncode}:\n{proc.stderr.strip()}", pytrace=False
        )
    try:
        raw = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raw = None
    if not isinstance(raw, list) or len(raw) != len(sources):
        pytest.fail(
            f"katex_check.js answered {len(sources)} blocks with: {proc.stdout[:500]!r}",
            pytrace=False,
        )
    return [KatexResult(ok=bool(item["ok"]), error=_well_formed(item.get("error"))) for item in raw]


def _well_formed(message: str | None) -> str | None:
    """``message`` with lone UTF-16 surrogates replaced by U+FFFD.

    KaTeX marks the error position by inserting a combining underline after each UTF-16 code
    unit, which splits astral characters (emoji) into lone surrogates that cannot be printed.
    """
    if message is None:
        return None
    return message.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())


def check_markdown_in_katex(path: Path) -> None:
    """Fail the test unless every ``$$`` block of the Markdown file ``path`` renders in KaTeX."""
    text = path.read_text(encoding="utf-8")
    try:
        blocks = extract_display_blocks(text)
    except UnclosedDisplayBlockError as error:
        pytest.fail(
            f"{path}:{error.line}: `$$` opens a display block that is never closed", pytrace=False
        )
    if not blocks:
        pytest.fail(f"{path}: no `$$...$$` display math blocks found", pytrace=False)

    node = find_node()
    require_katex()
    results = render_with_katex(node, [block.source for block in blocks])

    failures = [
        f"{path}:{block.line}: {result.error}\n{_indent(f'$${block.source}$$')}"
        for block, result in zip(blocks, results, strict=True)
        if not result.ok
    ]
    if failures:
        pytest.fail(
            f"{len(failures)} of {len(blocks)} display blocks fail in KaTeX (strict):\n"
            + "\n".join(failures),
            pytrace=False,
        )


@pytest.mark.parametrize("md_file", generated_file_params(".md"))
def test_markdown_blocks_render_in_katex(md_file: Path | None) -> None:
    check_markdown_in_katex(require_generated_file(md_file, ".md"))


# --------------------------------------------------------------------------------------------
# LaTeX
# --------------------------------------------------------------------------------------------


def read_log(log: Path, fallback: str) -> str:
    """A pdflatex log, or ``fallback`` (pdflatex's stdout) if it wrote none."""
    return log.read_text(encoding="utf-8", errors="replace") if log.is_file() else fallback


def first_tex_error(log_text: str) -> str | None:
    """The first TeX error line (``! ...``) of a log, if any."""
    return next((line for line in log_text.splitlines() if line.startswith("! ")), None)


def compile_with_pdflatex(path: Path, workdir: Path, runs: int = 1) -> str:
    """Compile ``path`` (a copy, in ``workdir``) and return the log; fail the test on an error.

    A ``*-fragment*.tex`` file is compiled inside `FRAGMENT_HOST_TEMPLATE`.
    """
    pdflatex = find_pdflatex()
    shutil.copy2(path, workdir / path.name)
    main = workdir / path.name
    if FRAGMENT_MARKER in path.name:
        main = workdir / FRAGMENT_HOST_NAME
        main.write_text(FRAGMENT_HOST_TEMPLATE % path.name, encoding="utf-8")

    command = [
        pdflatex,
        "-interaction=nonstopmode",
        "-halt-on-error",
        "-no-shell-escape",
        main.name,
    ]
    # Long log lines so that error messages are not wrapped at 79 characters.
    env = {**os.environ, "max_print_line": "10000"}
    log = main.with_suffix(".log")
    pdf = main.with_suffix(".pdf")
    for _ in range(runs):
        try:
            proc = subprocess.run(
                command,
                cwd=workdir,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=PDFLATEX_TIMEOUT_S,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"{path}: pdflatex did not finish within {PDFLATEX_TIMEOUT_S} s", pytrace=False)

        if proc.returncode != 0 or not pdf.is_file():
            log_text = read_log(log, proc.stdout)
            tail = "\n".join(log_text.splitlines()[-LOG_TAIL_LINES:])
            host = f" (inside {FRAGMENT_HOST_NAME})" if main.name != path.name else ""
            pytest.fail(
                f"{path}: pdflatex{host} exited with {proc.returncode}: "
                f"{first_tex_error(log_text) or 'no PDF written'}\n"
                f"last {LOG_TAIL_LINES} lines of {log.name}:\n{tail}",
                pytrace=False,
            )
    return read_log(log, "")


#: Log lines that mean the document does not look as written, although it compiled.
LAYOUT_PROBLEMS = re.compile(
    r"^(Overfull \\hbox.*|LaTeX Warning: (There were undefined references|Reference .* undefined"
    r"|Label .* multiply defined|There were multiply-defined labels).*)$",
    re.MULTILINE,
)


def layout_problems(log_text: str) -> list[str]:
    """Overfull boxes (something runs into the margin), undefined or multiply-defined labels."""
    return [m.group(0) for m in LAYOUT_PROBLEMS.finditer(log_text)]


@pytest.mark.parametrize("tex_file", generated_file_params(".tex"))
def test_tex_compiles_with_pdflatex(tex_file: Path | None, tmp_path: Path) -> None:
    compile_with_pdflatex(require_generated_file(tex_file, ".tex"), tmp_path)


# --------------------------------------------------------------------------------------------
# Freshly generated documents: every registered derivation, several sizes, every variant
# --------------------------------------------------------------------------------------------

#: Sizes at which a derivation with a concrete instance is generated (besides general k).
INSTANCE_KS = (1, 2, 3, 5)
NO_INSTANCE = "has no concrete instance"


@dataclass(frozen=True)
class Target:
    """One derivation at one size, plain or ``--numbered``."""

    name: str
    k: int | None
    numbered: bool

    @property
    def folder(self) -> str:
        return "numbered" if self.numbered else "plain"

    @property
    def stem(self) -> str:
        return self.name if self.k is None else f"{self.name}-k{self.k}"

    def file(self, suffix: str) -> str:
        return f"{self.folder}/{self.stem}{suffix}"


def registered_targets() -> list[Target]:
    """Every registered derivation at general size and at `INSTANCE_KS` when it has an instance."""
    from derive.registry import entries

    targets = []
    for entry in entries():
        ks: list[int | None] = [None]
        if entry.instance_target is not None:
            ks += [k for k in INSTANCE_KS if entry.max_k is None or k <= entry.max_k]
        targets += [Target(entry.name, k, numbered) for k in ks for numbered in (False, True)]
    return targets


TARGETS = registered_targets()
TEX_SUFFIXES = (".tex", "-fragment.tex")


#: Verifications the session already has (tests/conftest.py), reused instead of repeated.
SHARED_FIXTURES = {("softmax-ce", None): "produced_general", ("softmax-ce", 3): "produced_k3"}


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """``generated(target)`` -> {suffix: path} of the files written for it in a session directory.

    Each derivation is verified once per size (through `derive.produce`); its standalone LaTeX,
    fragment and Markdown are rendered plain and numbered from that one verification.
    """
    from derive.errors import UsageError
    from derive.produce import produce, render_files

    root = tmp_path_factory.mktemp("generated")
    verified: dict[tuple[str, int | None], object] = {
        key: request.getfixturevalue(fixture).verified for key, fixture in SHARED_FIXTURES.items()
    }
    written: dict[Target, dict[str, Path]] = {}

    def get(target: Target) -> dict[str, Path]:
        if target not in written:
            key = (target.name, target.k)
            if key not in verified:
                try:
                    verified[key] = produce(target.name, target.k, []).verified
                except UsageError as error:
                    if NO_INSTANCE in error.message:
                        pytest.skip(f"{target.name}: {error.message}")
                    raise
            vd = verified[key]
            files = {
                **render_files(vd, target.k, ["tex", "md"], numbered=target.numbered, name=target.name),  # type: ignore[arg-type]
                **render_files(vd, target.k, ["tex"], numbered=target.numbered, fragment=True, name=target.name),  # type: ignore[arg-type]
            }
            folder = root / target.folder
            folder.mkdir(exist_ok=True)
            paths = {}
            for name, text in files.items():
                (folder / name).write_text(text, encoding="utf-8")  # type: ignore[arg-type]
                paths[name[len(target.stem):]] = folder / name
            assert sorted(paths) == sorted([*TEX_SUFFIXES, ".md"]), sorted(paths)
            written[target] = paths
        return written[target]

    return get


@pytest.mark.parametrize(
    ("target", "suffix"),
    [pytest.param(t, suffix, id=t.file(suffix)) for t in TARGETS for suffix in TEX_SUFFIXES],
)
def test_generated_tex_compiles_without_layout_problems(generated, target: Target, suffix: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = generated(target)[suffix]
    problems = layout_problems(compile_with_pdflatex(path, tmp_path))
    where = f" (inside {FRAGMENT_HOST_NAME})" if FRAGMENT_MARKER in path.name else ""
    assert not problems, f"{target.file(suffix)}{where}:\n" + "\n".join(problems)


@pytest.mark.parametrize("target", [pytest.param(t, id=t.file(".md")) for t in TARGETS])
def test_generated_markdown_renders_in_katex(generated, target: Target) -> None:  # type: ignore[no-untyped-def]
    check_markdown_in_katex(generated(target)[".md"])


LABEL_HOST = (
    "\\documentclass{article}\n"
    "\\usepackage{amsmath,amssymb}\n"
    "\\begin{document}\n"
    "%s\n"
    "\\input{%s}\n"
    "\\end{document}\n"
)


@pytest.mark.parametrize(
    "target",
    [pytest.param(t, id=t.file("-fragment.tex")) for t in TARGETS if t.numbered and t.k is None],
)
def test_generated_labels_resolve_in_a_host(generated, target: Target, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A paper can ``\\eqref`` every step and the result: one label each, resolved on the second run."""
    from derive.registry import get
    from derive.view import step_label

    derivation = get(target.name).build()
    expected = [step_label(target.name, s.id) for s in (*derivation.steps, derivation.result)]
    path = generated(target)["-fragment.tex"]
    assert re.findall(r"\\label\{([^{}]*)\}", path.read_text(encoding="utf-8")) == expected
    refs = " ".join(f"\\eqref{{{label}}}" for label in expected)
    (tmp_path / "src").mkdir()
    host = tmp_path / "src" / "paper.tex"
    host.write_text(LABEL_HOST % (refs, path.with_suffix("").as_posix()), encoding="utf-8")
    log = compile_with_pdflatex(host, tmp_path, runs=2)
    problems = layout_problems(log)
    assert not problems, f"{target.file('-fragment.tex')} inside paper.tex:\n" + "\n".join(problems)


def test_every_registered_derivation_is_a_target() -> None:
    """The parametrization above covers the registry (a new derivation is checked automatically)."""
    from derive.registry import names

    assert {t.name for t in TARGETS} == set(names()) and TARGETS


def test_layout_problems_are_found() -> None:
    log = (
        "Overfull \\hbox (12.3pt too wide) detected at line 40\n"
        "Underfull \\hbox (badness 10000) in paragraph at lines 3--4\n"
        "LaTeX Warning: Reference `derive:x:y' on page 1 undefined on input line 7.\n"
        "LaTeX Warning: There were undefined references.\n"
        "LaTeX Warning: Label `a' multiply defined.\n"
    )
    assert layout_problems(log) == [
        "Overfull \\hbox (12.3pt too wide) detected at line 40",
        "LaTeX Warning: Reference `derive:x:y' on page 1 undefined on input line 7.",
        "LaTeX Warning: There were undefined references.",
        "LaTeX Warning: Label `a' multiply defined.",
    ]
    assert layout_problems("Underfull \\hbox (badness 1264)\n") == []


# --------------------------------------------------------------------------------------------
# The extractor itself (needs no renderer)
# --------------------------------------------------------------------------------------------


def test_extract_display_blocks_lines_fences_and_escapes() -> None:
    text = (
        "# Title\n"  # 1
        "Inline $x$ and a one-line $$a+b$$ block.\n"  # 2
        "\n"  # 3
        "$$\n"  # 4
        "\\begin{aligned} a &= b \\\\\n"  # 5
        "c &= d \\end{aligned}\n"  # 6
        "$$\n"  # 7
        "```latex\n"  # 8
        "$$ \\notmath $$\n"  # 9
        "```\n"  # 10
        "~~~~\n"  # 11
        "```\n"  # 12  (does not close a ~~~~ fence)
        "$$ still code\n"  # 13
        "~~~~\n"  # 14
        "A price of \\$5, then $$a \\\\$$ ending in a line break.\n"  # 15
    )
    blocks = extract_display_blocks(text)
    assert [block.line for block in blocks] == [2, 4, 15]
    assert blocks[0].source == "a+b"
    assert blocks[1].source == "\n\\begin{aligned} a &= b \\\\\nc &= d \\end{aligned}\n"
    assert blocks[2].source == "a \\\\"


def test_extract_display_blocks_unclosed() -> None:
    with pytest.raises(UnclosedDisplayBlockError) as raised:
        extract_display_blocks("$$a$$\n\ntext\n$$ b\n")
    assert raised.value.line == 4
    assert extract_display_blocks("no math\n") == []


# --------------------------------------------------------------------------------------------
# Notation options: the renamed documents must render too
# --------------------------------------------------------------------------------------------

#: Every kind of display name: a letter, a Greek letter, a hatted name, a multi-letter name.
NOTATION = ["yhat=phat", "z=a", "y=t", "L=loss", "i=n", "o=c", "k=K", "j=sigma"]


@pytest.mark.parametrize("k", [None, 3], ids=["general", "k3"])
def test_renamed_documents_render(k: int | None, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    from derive.notation import derivation_names, printer_settings
    from derive.produce import render_files

    vd = request.getfixturevalue("produced_general" if k is None else "produced_k3").verified
    notation = printer_settings(NOTATION, "log", derivation_names(vd.derivation))
    files = {**render_files(vd, k, ["tex", "md"], notation=notation, name="renamed"),
             **render_files(vd, k, ["tex"], fragment=True, notation=notation, name="renamed")}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")  # type: ignore[arg-type]
    md = next(tmp_path.glob("*.md"))
    check_markdown_in_katex(md)
    for tex in sorted(tmp_path.glob("*.tex")):
        work = tmp_path / f"build-{tex.stem}"
        work.mkdir()
        assert layout_problems(compile_with_pdflatex(tex, work)) == []
