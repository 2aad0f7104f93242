"""Files in and out: untrusted text read within a limit, and atomic writes (every file goes to a
temporary name in its directory, then is renamed into place).

Either all files of a run appear (each complete) or, on error or interruption, none of the new
ones do and the previous files are left as they were.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError, UsageError

__all__ = ["check_directory", "read_bytes", "read_text", "write_all"]


def read_text(name: str, limit: int) -> str:
    """The UTF-8 text of file ``name`` (``-``: standard input), at most ``limit`` bytes; a one-line
    `InputError` for a missing, unreadable, empty, binary, non-UTF-8 or too large one."""
    if name == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise InputError(f"standard input is too large (limit {limit} bytes)")
        return _decode(data, "<stdin>")
    return _decode(read_bytes(Path(name), limit), name)


def read_bytes(path: Path, limit: int, error: type[InputError] = InputError) -> bytes:
    """The bytes of the file at ``path``, at most ``limit`` of them; a one-line ``error`` for a
    missing, unreadable or too large one, or a directory."""
    name = str(path)
    try:
        if path.is_dir():
            raise error(f"{name!r} is a directory, not a file")
        size = path.stat().st_size
        if size > limit:
            raise error(f"{name!r} is too large: {size} bytes (limit {limit})")
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise error(f"cannot read {name!r}: no such file") from None
    except PermissionError:
        raise error(f"cannot read {name!r}: permission denied") from None
    except OSError as exc:
        raise error(f"cannot read {name!r}: {exc.strerror or exc}") from None
    if len(data) > limit:  # it grew while being read
        raise error(f"{name!r} is too large (limit {limit} bytes)")
    return data


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError(f"{name!r} is empty")
    if b"\x00" in data:
        raise InputError(f"{name!r} looks like a binary file (it contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name!r} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def check_directory(path: Path) -> None:
    """Fail early, with a one-line reason, when ``path`` cannot receive files."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"output path {str(path)!r} is a file, not a directory", hint="pass a directory to -o")
    parent = path if path.exists() else path.parent
    if not parent.exists():
        raise UsageError(f"the parent directory of {str(path)!r} does not exist", hint="create it first")
    # Probe for real (permissions, read-only file systems, root on /proc), leaving no trace.
    try:
        if path.exists():
            fd, probe = tempfile.mkstemp(prefix=".derive-probe.", dir=path)
            os.close(fd)
            os.unlink(probe)
        else:
            path.mkdir()
            path.rmdir()
    except OSError as exc:
        raise UsageError(f"cannot write to {str(path)!r}: {exc.strerror or exc}") from None


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM (delivered when the block ends) where the platform and thread allow."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError, OSError):  # no sigmask (Windows) or not allowed here
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def write_all(directory: Path, files: Mapping[str, bytes | str]) -> list[Path]:
    """Write ``files`` (name -> content) into ``directory`` atomically; return the paths written."""
    check_directory(directory)
    staged: list[tuple[str, Path]] = []
    try:
        directory.mkdir(exist_ok=True)
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
            staged.append((tmp, directory / name))  # at once: an interruption while writing still removes it
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
        with _signals_held():  # the renames, all or none: an interruption waits the microseconds they take
            for tmp, final in staged:
                os.replace(tmp, final)
    except OSError as exc:
        raise UsageError(f"cannot write to {str(directory)!r}: {exc.strerror or exc}") from None
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return [final for _, final in staged]
