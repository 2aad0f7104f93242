"""What the catalogue commands share: progress on stderr, report files, the cache switch."""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import UsageError

if TYPE_CHECKING:
    from ..cache import Cache

__all__ = ["Progress", "check_report_path", "write_report", "select_cache", "parse_ks", "time_limit", "NoCacheOpt", "MAX_TIMEOUT",
           "as_program", "settle", "QuietOpt", "set_quiet", "quiet", "say", "interactive", "colour", "paint", "plain_progress",
           "in_ci", "cache_summary", "cache_warnings"]

MAX_TIMEOUT = 3_600.0  #: largest --timeout, in seconds

#: ``--no-cache``, the same on every command that verifies.
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Verify everything afresh: neither read nor write the cache (the CI choice when the cache store is shared with untrusted branches).")]


#: ``-q/--quiet``, the same on every command (and before the command: ``derive -q verify``).
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only results and errors: no progress, no 'wrote' lines, no summary of a run that passed.")]

_AS_PROGRAM = [False]
_QUIET = [False]


def set_quiet(on: bool) -> None:
    """``-q`` given (before the command or on it): `quiet` is true for the rest of the run."""
    if on:
        _QUIET[0] = True


def quiet() -> bool:
    return _QUIET[0]


def say(message: str, *, err: bool = False) -> None:
    """A line that ``-q`` silences (``wrote FILE``, the summary of a run that passed)."""
    if not _QUIET[0]:
        typer.echo(message, err=err)


def _env(name: str) -> str:
    import os

    return os.environ.get(name, "")


def interactive(stream: Any) -> bool:
    """A terminal that understands cursor control: a tty, and ``TERM`` is not ``dumb``."""
    return bool(getattr(stream, "isatty", lambda: False)()) and _env("TERM") != "dumb"


def colour(stream: Any) -> bool:
    """Colour on ``stream``: never with ``NO_COLOR`` set (https://no-color.org), always with
    ``FORCE_COLOR`` set (other than ``0``; CI logs that show colour), else only on an interactive
    terminal (not ``TERM=dumb``)."""
    if _env("NO_COLOR"):
        return False
    if _env("FORCE_COLOR") not in ("", "0"):
        return True
    return interactive(stream)


_SGR = {"red": "31", "green": "32", "yellow": "33", "cyan": "36", "bold": "1"}


def paint(text: str, style: str, on: bool) -> str:
    """``text`` in an ANSI colour when ``on``."""
    return f"\x1b[{_SGR[style]}m{text}\x1b[0m" if on and text else text


def plain_progress() -> bool:
    """Progress lines when stderr is not a terminal: only with ``DERIVE_PROGRESS=1`` (a CI log gets
    the result, not dozens of lines before it)."""
    return _env("DERIVE_PROGRESS") not in ("", "0")


def as_program() -> None:
    """Called by `derive.cli.main` when derive runs as a program (the console script, ``python -m
    derive``), not from Python code: see `settle`."""
    _AS_PROGRAM[0] = True


def settle() -> None:
    """After a command's imports, before its work: in a program, every object made so far (the
    modules, SymPy's above all, which live until the process ends) is moved out of the garbage
    collector's reach (`gc.freeze`), so a full collection during the work does not walk them all
    again (one took about 0.03 s of a 0.6 s cold ``derive softmax-ce --k 3``). The collector still
    runs on what the work allocates. Not done when derive is called from Python code, whose own
    objects it would freeze too."""
    if _AS_PROGRAM[0]:
        gc.freeze()


def time_limit(seconds: float) -> float | None:
    """The ``--timeout`` value as a time limit (None: no limit); a usage error outside 0..MAX_TIMEOUT."""
    if not (0 <= seconds <= MAX_TIMEOUT):  # NaN fails both comparisons
        raise UsageError(f"--timeout must be between 0 and {MAX_TIMEOUT:g} seconds, got {seconds:g}")
    return seconds or None


class Progress:
    """Progress on stderr: an updating bar on an interactive terminal; elsewhere nothing, or plain
    lines with ``DERIVE_PROGRESS=1``; nothing at all under ``-q``."""

    WIDTH = 20

    def __init__(self, total: int, stream: Any = None) -> None:
        self.stream = stream or sys.stderr
        self.tty = interactive(self.stream) and not quiet()
        self.lines = not self.tty and plain_progress() and not quiet()
        self.total = total
        self.index = 0
        self.label = ""
        self.started = time.monotonic()

    def start(self, label: str) -> None:
        """A new target begins."""
        self.index += 1
        self.label = label
        self("starting", 0, 1)

    def __call__(self, what: str, n: int, total: int) -> None:
        head = f"[{self.index}/{self.total}] {self.label}"
        if self.tty:
            filled = int(self.WIDTH * n / total) if total else 0
            bar = "#" * filled + "." * (self.WIDTH - filled)
            line = f"{head} [{bar}] {n}/{total} {what}"
            self.stream.write("\r\x1b[2K" + line[:200])
        elif n and self.lines:
            self.stream.write(f"derive: {head}: {n}/{total} {what}\n")
        else:
            return
        self.stream.flush()

    def done(self) -> None:
        if self.tty:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


def emit(files: dict[str, str | bytes], output: str) -> None:
    """The files of a run: to standard output (``-o -``: the one file there is), else written
    atomically into the directory ``output``, each named on a ``wrote`` line."""
    from ..files import write_all

    if output == "-":
        content = next(iter(files.values()))
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
        else:
            sys.stdout.write(content)
        return
    for path in write_all(Path(output), files):
        say(f"wrote {path}")


def check_report_path(option: str, text: str) -> Path:
    """A file path that can be written at the end of the run; a usage error now if it cannot."""
    from ..files import check_directory

    if not text or text == "-":
        raise UsageError(f"{option} needs a file name, got {text!r}")
    path = Path(text)
    if path.is_dir():
        raise UsageError(f"{option} {text!r} is a directory, not a file")
    if not path.parent.is_dir():
        raise UsageError(f"the directory of {option} {text!r} does not exist", hint="create it first")
    check_directory(path.parent)
    return path


def write_report(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (complete or not at all)."""
    from ..files import write_all

    write_all(path.parent, {path.name: text})


def select_cache(no_cache: bool) -> Cache | None:
    """The cache for this run: the user cache directory, or none with ``--no-cache``."""
    import os

    from ..cache import Cache, default_dir

    if no_cache or os.environ.get("DERIVE_NO_CACHE", "") not in ("", "0"):
        return None
    return Cache(default_dir())


def parse_ks(texts: list[str] | None) -> list[int]:
    """``--k`` values (each 1..MAX_K), in order, without repeats."""
    from ..cli import MAX_K, parse_k

    out: list[int] = []
    for t in texts or []:
        k = parse_k(t, MAX_K)
        if k is not None and k not in out:
            out.append(k)
    return out


class Scope:
    """What ``derive render`` and ``derive verify`` cover: names, k values and the output directory
    from the command line, else from ``[tool.derive]`` of ./pyproject.toml (`derive.config`), else
    the defaults (every registered derivation, the committed k values, ``output``)."""

    def __init__(self, names: list[str] | None, ks: list[str] | None, output: str | None) -> None:
        from ..config import load_config

        config = load_config()
        self.config = config
        specs: list[str] = []
        if config.specs:  # spec files planned by derive gradient, registered for this run
            from ..gradient.entries import register_specs

            specs = register_specs(config.specs, Path.cwd())
        self.names = list(names or [*config.derivations, *specs])
        self.selected = bool(self.names)  # a selection (by name or by the file), not the whole catalogue
        cli_ks = parse_ks(ks)
        self.ks = cli_ks or list(config.k)
        self.k_from_config = not cli_ks and bool(config.k)
        self.output = Path(output if output is not None else (config.output or "output"))
        self.formats = config.formats

    def targets(self) -> list[Any]:
        from ..runs import targets

        return targets(self.names, self.ks, self.output, k_where_it_applies=self.k_from_config)


def in_ci() -> bool:
    """Whether ``CI`` is set to ``true`` (as GitHub Actions, GitLab CI and most others set it)."""
    import os

    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def cache_warnings(cache: Cache | None) -> list[str]:
    """One ``derive: warning: ...`` line per cache entry a fresh check contradicted (see
    `derive.corroborate`), with the run seed that repeats the check."""
    if cache is None or not cache.discarded:
        return []
    from ..corroborate import SEED_ENV, run_seed

    return [f"derive: warning: {reason}; verified afresh ({SEED_ENV}={run_seed()} repeats the check)" for reason in cache.discarded]


def cache_summary(cache: Cache | None, verdicts: int) -> str:
    """``N of M verdicts from the cache (each corroborated by a fresh check), D entries discarded``,
    or that no cache was used."""
    if cache is None:
        return f"0 of {verdicts} verdicts from the cache (no cache used)"
    text = f"{cache.hits} of {verdicts} verdicts from the cache, each corroborated by a fresh check"
    if cache.discarded:
        text += f"; {len(cache.discarded)} cache entries contradicted and discarded"
    return text
