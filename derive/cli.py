"""The command line: parse arguments, call the library, print, write files, exit with a code.

Heavy libraries (SymPy, Jinja) are imported inside commands so that ``derive --help`` is fast.
This is the only module that prints, writes files or exits.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .errors import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_UNKNOWN, EXIT_USAGE, BuildError, DeriveError, UsageError

if TYPE_CHECKING:
    from .registry import Entry

app = typer.Typer(
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help=(
        "Derive, verify and render symbolic derivations. Every step is produced by SymPy and "
        "checked three ways (symbolic for general k, exact instances, 50-digit numerics). "
        "Exit codes: 0 all steps proved or checked; 1 a step refuted, stale files (render --check) "
        "or a failed tool (pdflatex missing or failing); 2 usage error or unusable input; "
        "3 unknown steps under --strict; 130 interrupted."
    ),
)

#: Documented limit on --k (README): the Jacobian has k^2 entries, all checked.
from .registry import MAX_K  # noqa: E402  (one number for the CLI, the API and recheck)


class Format(str, Enum):
    tex = "tex"
    md = "md"
    json = "json"
    pdf = "pdf"
    all = "all"


def _quiet_stdout() -> None:
    """The reader went away (``derive list | head -1``): send what is left to /dev/null, so the
    interpreter's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _err(message: str) -> None:
    typer.echo(f"derive: error: {message}", err=True)


def parse_k(text: str | None, max_k: int) -> int | None:
    """``--k`` as a positive integer no larger than ``max_k``; a one-line usage error otherwise."""
    if text is None:
        return None
    t = text.strip()
    if not re.fullmatch(r"\+?[0-9]+", t):  # ASCII digits only: int() would also take '\u0663'
        raise UsageError(f"--k must be a positive integer, got {text!r}")
    k = int(t)
    if k < 1:
        raise UsageError(f"--k must be at least 1, got {k}")
    if k > max_k:
        raise UsageError(f"--k {k} is above the limit of {max_k}", hint=f"the k x k Jacobian is checked entry by entry; use --k {max_k} or less")
    return k


class _Progress:
    """Progress on stderr: one updating line on an interactive terminal; elsewhere nothing, or
    plain lines with ``DERIVE_PROGRESS=1``; nothing under ``-q`` (see `derive.commands.common`)."""

    def __init__(self) -> None:
        from .commands.common import interactive, plain_progress, quiet

        self.tty = interactive(sys.stderr) and not quiet()
        self.lines = not self.tty and plain_progress() and not quiet()

    def __call__(self, what: str, n: int, total: int) -> None:
        if self.tty:
            sys.stderr.write(f"\r\x1b[2K[{n}/{total}] verifying {what}")
            sys.stderr.flush()
        elif self.lines:
            sys.stderr.write(f"derive: [{n}/{total}] verifying {what}\n")

    def done(self) -> None:
        if self.tty:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()


def _formats(fmt: Format, out: str, numbered: bool, fragment: bool) -> list[str]:
    """The formats to produce; usage errors for options that cannot apply."""
    formats = ["tex", "md", "json"] if fmt is Format.all else [fmt.value]
    if out == "-" and len(formats) != 1:
        raise UsageError("-o - prints one format to stdout", hint="add --format tex, md, json or pdf")
    if fragment and "tex" not in formats:
        raise UsageError(f"--fragment applies to the LaTeX file, not to --format {fmt.value}", hint="use --format tex or all")
    if numbered and formats == ["json"]:
        raise UsageError("--numbered applies to tex, md and pdf, not to the certificate", hint="drop --numbered")
    if out == "-" and formats == ["pdf"] and sys.stdout.isatty():
        raise UsageError("-o - would print a PDF to the terminal", hint="redirect stdout to a file or use -o DIR")
    return formats


def _run_derivation(name: str, k_text: Optional[str], fmt: Format, out: str, strict: bool,
                    numbered: bool = False, fragment: bool = False, symbols: Sequence[str] = (), log: str = "ln",
                    no_cache: bool = False, plain: bool = False) -> int:
    from .commands.common import emit, say
    from .files import check_directory
    from .produce import produce
    from .registry import get

    entry = get(name)
    k = parse_k(k_text, entry.max_k or MAX_K) if k_text is not None else None
    formats = _formats(fmt, out, numbered, fragment)
    if out != "-":
        check_directory(Path(out))
    if "pdf" in formats:
        from .pdf import find_pdflatex

        find_pdflatex()  # before the work: a missing pdflatex is a one-line error, nothing written
    from .cache import using
    from .commands.common import cache_warnings, select_cache, settle

    settle()
    progress = _Progress()
    try:
        with using(select_cache(no_cache)) as cache:
            produced = produce(name, k, formats, progress, numbered=numbered, fragment=fragment, symbols=symbols, log=log,
                               plain=plain)
        for line in cache_warnings(cache):
            typer.echo(line, err=True)
    except DeriveError:
        raise
    except Exception as exc:  # a broken derivation (a third party's, say): one line, exit 1, nothing written
        raise BuildError(f"{name} failed to build or verify: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}",
                         hint="derive verify reports the same for every derivation") from None
    finally:
        progress.done()
    emit(produced.files, out)
    vd = produced.verified
    verdicts = [s.verdict.value for s in vd.steps]
    line = f"{name}: {len(verdicts)} steps: " + ", ".join(f"{verdicts.count(v)} {v}" for v in dict.fromkeys(verdicts))
    line += f"; result {vd.result.verdict.value}"
    if vd.instance is not None:
        line += f"; instance k = {k} {vd.instance.verdict.value}"  # type: ignore[attr-defined]
    if vd.verdict.value == "refuted":
        typer.echo(line, err=(out == "-"))
        return EXIT_FAILED
    if strict and vd.verdict.value == "unknown":
        typer.echo(line, err=(out == "-"))
        return EXIT_UNKNOWN
    say(line, err=(out == "-"))
    return EXIT_OK


KOpt = Annotated[Optional[str], typer.Option("--k", metavar="N", help=f"Also write the concrete instance for k classes (1..{MAX_K}): explicit softmax, k x k Jacobian, gradient.", show_default=False)]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format: tex (standalone LaTeX), md (Markdown for blogs), json (certificate), pdf (the LaTeX compiled by pdflatex) or all (tex, md and json).")]
OutOpt = Annotated[str, typer.Option("--output", "-o", metavar="DIR", help="Directory to write into, or - to print one format to stdout.")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Exit 3 when a step could not be decided (unknown).")]
FragmentOpt = Annotated[bool, typer.Option("--fragment", help="Write the LaTeX body only, NAME-fragment.tex, to \\input into a paper that loads amsmath and amssymb; its headings are the host's numbered \\subsection.")]
PlainOpt = Annotated[bool, typer.Option("--plain", help="Paper-ready: no verification notes (rule, verdict) and no closing note in the LaTeX and Markdown; the evidence stays in the certificate.")]
NumberedOpt = Annotated[bool, typer.Option("--numbered", help="One equation number per step, labelled derive:NAME:STEPID for \\eqref (LaTeX, PDF); \\tag{n} in Markdown.")]
SymbolOpt = Annotated[Optional[list[str]], typer.Option("--symbol", metavar="NAME=DISPLAY", show_default=False, help="Show a symbol under another name, in the equations and in the prose's math (repeatable): --symbol yhat=p --symbol z=a. DISPLAY is 1-16 letters and digits; a Greek name gives the letter (sigma), a trailing 'hat' a hat (phat). The certificate keeps the original names.")]
from .commands.common import NoCacheOpt, QuietOpt, set_quiet  # noqa: E402
LogOpt = Annotated[str, typer.Option("--log", metavar="ln|log", help="How the natural logarithm is written: ln or log.")]


def _derivation_command(name: str, summary: str) -> None:
    """Add ``derive NAME`` for one registered derivation (once: `main` may run many times in one
    process, and Typer builds every registered command on each run)."""
    if any(c.name == name for c in app.registered_commands):
        return

    def command(
        k: KOpt = None,
        fmt: FormatOpt = Format.all,
        output: OutOpt = "output",
        strict: StrictOpt = False,
        fragment: FragmentOpt = False,
        numbered: NumberedOpt = False,
        symbol: SymbolOpt = None,
        log: LogOpt = "ln",
        plain: PlainOpt = False,
        no_cache: NoCacheOpt = False,
        quiet: QuietOpt = False,
    ) -> None:
        set_quiet(quiet)
        raise typer.Exit(_run_derivation(name, k, fmt, output, strict, numbered, fragment, tuple(symbol or ()), log, no_cache,
                                         plain))

    command.__doc__ = f"{summary[:1].upper()}{summary[1:]}: derive, verify and render."
    app.command(name)(command)


#: Modules that add commands: each defines ``register(app)`` and imports heavy libraries lazily,
#: inside its commands, so that ``derive --help`` stays fast.
COMMAND_MODULES: tuple[str, ...] = ("derive.commands.verify", "derive.commands.recheck", "derive.commands.render", "derive.commands.check",
                                    "derive.commands.gradient")


_ADDED_MODULES: set[str] = set()


def _add_command_modules() -> None:
    """Add the commands of `COMMAND_MODULES`, each module once per process."""
    import importlib

    for module in COMMAND_MODULES:
        if module not in _ADDED_MODULES:
            importlib.import_module(module).register(app)
            _ADDED_MODULES.add(module)


def _named_derivation(args: Sequence[str]) -> Entry | None:
    """The registered derivation ``args`` starts with (``derive softmax-ce --k 3``), else None."""
    from .registry import get, names

    return get(args[0]) if args and args[0] in names() else None


def _add_derivation_commands() -> None:
    from .registry import entries

    for entry in entries():
        _derivation_command(entry.name, entry.summary)


def _show_version(value: bool) -> None:
    if value:
        from ._version import DISTRIBUTION, version

        typer.echo(f"derive {version()} ({DISTRIBUTION})")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_show_version, help="Print the version and exit.")] = False,
    quiet: QuietOpt = False,
) -> None:
    set_quiet(quiet)


@app.command("list")
def list_derivations(
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="text|json", help="text or json.")] = "text",
) -> None:
    """List the registered derivations."""
    import json

    from .registry import entries

    if fmt not in ("text", "json"):
        raise UsageError(f"unknown format {fmt!r} for list", hint="use text or json")
    rows = [{"name": e.name, "summary": e.summary} for e in entries()]
    if fmt == "json":
        typer.echo(json.dumps(rows, indent=2))
    else:
        width = max(len(r["name"]) for r in rows)
        for r in rows:
            typer.echo(f"{r['name']:<{width}}  {r['summary']}")


def _suggest_command(wrong: str) -> str:
    """The closest commands and derivations to a mistyped one (``verfy`` -> ``verify``)."""
    import difflib

    from .registry import names

    commands = [c.name for c in app.registered_commands if c.name]
    close = difflib.get_close_matches(wrong, [*commands, *names()], n=3, cutoff=0.5)
    if close:
        return f"did you mean {', '.join(close)}?"
    return f"commands: {', '.join(c for c in commands if c not in names())}; derivations: 'derive list'"


def _help_without_python_types() -> None:
    """Typer writes an argument's Python type after its name in help (``FILE <list[str]>``) and an
    option's when it has no metavar (``<str>``); the help of a command-line tool names values, not
    Python types. Choices (``<tex|md|json>``) are kept. Typer's private ``display_type`` is
    replaced only if it is there; otherwise nothing changes."""
    try:
        import typer.core as core
    except Exception:  # noqa: BLE001 - another Typer: leave its help alone
        return
    base = getattr(core, "_TyperParameter", None)
    original = getattr(base, "display_type", None)
    if original is None or getattr(original, "_derive", False):
        return

    def display_type(self, ctx):  # type: ignore[no-untyped-def]
        shown = original(self, ctx)
        inner = shown[1:-1] if isinstance(shown, str) and shown.startswith("<") else ""
        if getattr(self, "param_type_name", "") == "argument" and getattr(self, "metavar", None):
            return ""
        if not inner or "|" in inner or ("[" not in inner and inner not in ("str", "int", "float", "bool")):
            return shown
        if "[" in inner and "|" in inner.split("[", 1)[1]:
            return shown
        return "VALUE"

    display_type._derive = True  # type: ignore[attr-defined]
    base.display_type = display_type


def _click_exceptions():  # type: ignore[no-untyped-def]
    """Typer >= 0.20 vendors click as ``typer._click``; older versions use ``click`` itself."""
    import importlib

    try:
        return importlib.import_module("typer._click.exceptions")
    except ImportError:
        return importlib.import_module("click.exceptions")


def _interrupt_on_sigterm() -> None:
    """SIGTERM unwinds like Ctrl-C, so pending atomic writes clean up their temporary files."""
    import signal

    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (embedded use): leave signals alone
        pass


def _values_as_given() -> None:
    """Typer coerces every non-flag value through a pydantic ``TypeAdapter``, and importing pydantic
    costs more than a warm verification. A value that already is what its annotation asks for
    (a ``str`` for ``str``, a member's value for an ``Enum``, strings for ``list[str]``, an
    ``int`` default for ``int``) is the value pydantic would return, so it is taken as given;
    anything else (a number to parse, an invalid value) still goes to Typer's own coercion, with
    its messages. Typer's private hook (``typer.core.build_runtime_param``) is used only if it is
    there; otherwise nothing changes."""
    try:
        import types
        import typing

        import typer.core as core
        from typer._coercion import RuntimeParam
    except Exception:  # noqa: BLE001 - another Typer: leave its coercion alone
        return
    original = getattr(core, "build_runtime_param", None)
    if original is None or getattr(original, "_derive_fast", False):
        return

    def as_given(annotation: object, value: object) -> tuple[bool, object]:
        args = typing.get_args(annotation)
        if typing.get_origin(annotation) in (typing.Union, getattr(types, "UnionType", None)) and type(None) in args:
            rest = [a for a in args if a is not type(None)]
            return as_given(rest[0], value) if len(rest) == 1 else (False, None)
        if annotation in (str, int, float) and type(value) is annotation:
            return True, value
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            for member in annotation:
                if member.value == value or member is value:
                    return True, member
            return False, None
        if typing.get_origin(annotation) is list and args == (str,) and isinstance(value, (list, tuple)):
            if all(type(v) is str for v in value):
                return True, list(value)
        return False, None

    class Fast(RuntimeParam):  # type: ignore[misc]
        def __init__(self, descriptor: object) -> None:
            object.__setattr__(self, "parameter_info", descriptor.parameter_info)  # type: ignore[attr-defined]
            object.__setattr__(self, "annotation", descriptor.annotation)  # type: ignore[attr-defined]
            object.__setattr__(self, "descriptor", descriptor)
            object.__setattr__(self, "full", None)

        def _coerce_value(self, value: object, param: object, ctx: object) -> object:
            ok, out = as_given(self.annotation, value)
            if ok:
                return out
            if self.full is None:
                object.__setattr__(self, "full", original(self.descriptor))
            return self.full._coerce_value(value, param=param, ctx=ctx)

    def build(descriptor: object) -> object:
        if getattr(descriptor, "file_annotation", None) is not None:
            return original(descriptor)
        try:
            return Fast(descriptor)
        except Exception:  # noqa: BLE001 - a Typer whose descriptors differ: its own coercion
            return original(descriptor)

    build._derive_fast = True  # type: ignore[attr-defined]
    core.build_runtime_param = build


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and turn every failure into a one-line message and an exit code."""
    ce = _click_exceptions()
    if argv is None:  # run as a program (see also the end)
        from .commands.common import as_program

        as_program()
    _values_as_given()
    _help_without_python_types()
    _interrupt_on_sigterm()
    chosen = _named_derivation(sys.argv[1:] if argv is None else argv)
    if chosen is None:
        _add_command_modules()
        _add_derivation_commands()
    else:  # derive NAME ...: Typer builds only that command (and list), not all of them
        _derivation_command(chosen.name, chosen.summary)
    no_args = getattr(ce, "NoArgsIsHelpError", ())
    # Typer >= 0.20 keeps Exit and Abort in typer itself, not in its vendored click exceptions
    exits = (typer.Exit, getattr(ce, "Exit", typer.Exit))
    aborts = (KeyboardInterrupt, getattr(typer, "Abort", KeyboardInterrupt), getattr(ce, "Abort", KeyboardInterrupt))
    try:
        code = app(args=argv, prog_name="derive", standalone_mode=False)
        if code == EXIT_INTERRUPTED:  # Typer turns KeyboardInterrupt into a returned 130
            _err("interrupted; no file was half-written")
    except DeriveError as exc:
        _err(exc.one_line())
        code = exc.exit_code
    except no_args as exc:  # bare ``derive``: the help, as ``derive --help`` prints it
        ctx = getattr(exc, "ctx", None)
        typer.echo(ctx.get_help() if ctx is not None else "Usage: derive [OPTIONS] COMMAND [ARGS]... (see 'derive --help')")
        code = EXIT_OK
    except ce.UsageError as exc:
        message = " ".join(exc.format_message().split())
        if message.startswith("No such command"):
            wrong = message.split("'")[1] if "'" in message else ""
            message = f"unknown command or derivation {wrong!r}; {_suggest_command(wrong)}"
        _err(f"{message} (see 'derive --help')")
        code = EXIT_USAGE
    except exits as exc:
        code = getattr(exc, "exit_code", EXIT_OK)
        if code == EXIT_INTERRUPTED:  # Typer turns KeyboardInterrupt into Exit(130)
            _err("interrupted; no file was half-written")
    except aborts:
        _err("interrupted; no file was half-written")
        code = EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        code = EXIT_OK
    except SystemExit:
        if type(sys.stdout).__name__ != "PacifyFlushWrapper":
            raise
        code = EXIT_OK  # click's answer to a closed pipe (derive list | head -1) is exit 1; the output was taken
    except Exception as exc:  # a bug: still one line and a documented code; DERIVE_DEBUG=1 shows the traceback
        if os.environ.get("DERIVE_DEBUG", "") not in ("", "0"):
            raise
        _err(f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:300]} "
             "(a bug in derive; rerun with DERIVE_DEBUG=1 for the traceback and report it)")
        code = EXIT_FAILED
    try:
        sys.stdout.flush()  # a pipe's reader may have gone by now: flush here, not at interpreter exit
    except BrokenPipeError:
        _quiet_stdout()
    except (OSError, ValueError):
        pass
    code = code if isinstance(code, int) else EXIT_OK
    if argv is None:  # run as a program (the console script, python -m derive), not called by Python code
        _exit_without_teardown(code)
    sys.exit(code)


def _exit_without_teardown(code: int) -> None:
    """End the process the way the interpreter would, minus its teardown: the atexit handlers run
    (multiprocessing's, coverage's, anyone's) and the standard streams are flushed, but the
    interpreter does not free every object one by one first, which after a SymPy computation is a
    noticeable share of a short run. The files derive writes are closed (and renamed into place)
    long before this point. Another live thread means the ordinary exit (it waits for them)."""
    import atexit
    import threading

    run_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_handlers is None or threading.active_count() > 1:
        sys.exit(code)
    run_handlers()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
