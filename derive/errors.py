"""One error family for `derive`, caught only at the CLI edge and turned into a one-line message."""

from __future__ import annotations

__all__ = [
    "DeriveError",
    "UsageError",
    "NotSupportedError",
    "InputError",
    "RenderError",
    "ToolMissingError",
    "BuildError",
    "EXIT_OK",
    "EXIT_FAILED",
    "EXIT_USAGE",
    "EXIT_UNKNOWN",
    "EXIT_INTERRUPTED",
]

#: Documented exit codes (README, "Errors and exit codes").
EXIT_OK = 0  #: everything held / was written
EXIT_FAILED = 1  #: a step or an equation was refuted, or generated files are stale
EXIT_USAGE = 2  #: bad command line or unusable input
EXIT_UNKNOWN = 3  #: `--strict` and some step could not be decided
EXIT_INTERRUPTED = 130  #: interrupted (SIGINT/SIGTERM); no file was half-written


class DeriveError(Exception):
    """Base of every error `derive` raises on purpose. ``exit_code`` is what the CLI exits with."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        """The message as the CLI prints it: one line, with what to do next when known."""
        text = " ".join(self.message.split())
        if self.hint:
            text += f" ({' '.join(self.hint.split())})"
        return text


class UsageError(DeriveError):
    """Wrong input on the command line: a bad option value, an unknown name."""


class InputError(DeriveError):
    """A document or certificate that cannot be used: missing, binary, malformed, too large."""


class NotSupportedError(DeriveError):
    """Well-formed input that asks for something `derive` does not support (yet)."""


class RenderError(DeriveError):
    """Rendering or writing output failed."""

    exit_code = EXIT_FAILED


class BuildError(DeriveError):
    """A derivation (a registered one, perhaps a third party's) raised while it was built or verified."""

    exit_code = EXIT_FAILED


class ToolMissingError(DeriveError):
    """An external program (pdflatex) is needed and not installed."""

    exit_code = EXIT_FAILED
