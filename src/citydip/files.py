"""Files in and out, safely: inputs that are regular files of a bounded size, outputs
written to a temporary file beside the target and renamed over it (a full disk or a kill
never leaves a truncated file; a symlink at the target is replaced, never followed).

``-`` means standard input or output wherever a path is read or written.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from citydip.errors import CitydipError, DataError, OutputError

__all__ = [
    "OutputError",
    "atomic_output",
    "check_output",
    "read_input",
    "remove_stale_temporaries",
    "write_output",
    "write_text_atomic",
]

OUTPUT_MARK = "citydip-"  # in the names of temporary output files: .NAME.XXXX.citydip-PID.tmp
MAX_INPUT_BYTES = 512 * 1024 * 1024  # an import file larger than this is refused
STDIO = "-"


def os_problem(exc: OSError) -> str:
    """An OSError in the user's words: 'the disk is full', 'permission denied'…"""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "is a folder"
    if exc.errno == errno.ENOENT:
        return "no such file or folder"
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):
        return "a file is in the way of the folder"
    return exc.strerror or str(exc)


def read_input(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of an input file (``-``: standard input), refusing FIFOs, devices and
    folders (they may never end) and anything over ``limit`` bytes."""
    where = str(path)
    if where == STDIO:
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise DataError("<stdin>", None, None, f"more than {limit:,} bytes; split it")
        return data
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise DataError(where, None, None, "no such file") from exc
    except OSError as exc:
        raise DataError(where, None, None, f"cannot read: {os_problem(exc)}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise DataError(where, None, None, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise DataError(where, None, None, "not a regular file (a pipe or a device)")
    if info.st_size > limit:
        raise DataError(
            where, None, None, f"{info.st_size:,} bytes is over the limit of {limit:,}; split it"
        )
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise DataError(where, None, None, f"cannot read: {os_problem(exc)}") from exc
    if len(data) > limit:
        raise DataError(where, None, None, f"grew past the limit of {limit:,} bytes")
    return data


def check_output(path: Path, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse an output path that is a folder, one of the command's own inputs, or in a
    folder that does not exist, before any work is done."""
    if str(path) == STDIO:
        return
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    refuse_special(path, OutputError)
    for source in inputs:
        if str(source) != STDIO and source.exists() and path.exists() and source.samefile(path):
            raise OutputError(f"{path}: is the input file; give another output file")
    if not path.parent.is_dir() and str(path.parent) not in ("", "."):
        if path.parent.exists():
            raise OutputError(f"{path}: cannot write ({path.parent} is a file, not a folder)")
        raise OutputError(f"{path.parent}: no such folder")
    folder = path.parent if str(path.parent) else Path(".")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"{path}: cannot write ({os_problem(PermissionError(errno.EACCES, ''))})")


@contextmanager
def atomic_output(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """A text handle whose content replaces ``path`` only when the block ends without an
    error (``-``: standard output). A symlink at ``path`` is replaced, not followed."""
    if str(path) == STDIO:
        stream: IO[Any] = sys.stdout.buffer if "b" in mode else sys.stdout
        sys.stdout.flush()
        yield stream
        stream.flush()
        return
    check_output(path)
    remove_stale_temporaries(path.parent, OUTPUT_MARK)  # left by a killed command
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=f".{OUTPUT_MARK}{os.getpid()}.tmp", dir=path.parent
        )
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({os_problem(exc)})") from exc
    tmp = Path(tmp_name)
    try:
        encoding, newline = (None, None) if "b" in mode else ("utf-8", "")
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({os_problem(exc)}); nothing written") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    with atomic_output(path) as handle:
        handle.write(text)


def write_output(path: Path, data: str | bytes, inputs: tuple[Path, ...] = ()) -> None:
    """``data`` to the file ``path`` (its folder created, written atomically) or, for
    ``-``, to standard output; refusing a folder and the command's own ``inputs``."""
    if str(path) != STDIO:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({os_problem(exc)})") from exc
        check_output(path, inputs)
    with atomic_output(path, "wb" if isinstance(data, bytes) else "w") as handle:
        handle.write(data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def remove_stale_temporaries(folder: Path, mark: str = "") -> list[Path]:
    """Delete ``.NAME.{mark}PID.tmp`` files left by builds or writes that were killed
    (their process is gone); returns what was removed. Outputs written in a user's folder
    carry the ``OUTPUT_MARK``, so that no file of theirs is ever taken for one."""
    removed: list[Path] = []
    try:
        candidates = list(folder.glob(f".*.{mark}*.tmp"))
    except OSError:
        return removed
    for tmp in candidates:
        tail = tmp.name.rsplit(".", 2)[-2] if tmp.name.count(".") >= 3 else ""
        pid = tail.removeprefix(mark) if tail.startswith(mark) else ""
        if pid.isdigit() and not _alive(int(pid)) and tmp.is_file() and not tmp.is_symlink():
            try:
                tmp.unlink()
            except OSError:
                continue
            removed.append(tmp)
    return removed


def refuse_special(path: Path, error: type[CitydipError]) -> None:
    """Refuse a path that holds a device, a pipe or a socket (a symlink is fine: it is
    replaced, never followed): writing there would never mean replacing it."""
    try:
        info = os.lstat(path)
    except OSError:
        return
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        raise error(f"{path}: not a regular file (a device, a pipe or a socket); nothing written")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
