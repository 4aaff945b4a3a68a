"""The one exception hierarchy of citydip.

    CitydipError                 base; carries an exit code and an HTTP status
    ├── NotFound                 a name or id that is not in the store (exit 1, 404)
    ├── Ambiguous                a name that matches several entities (exit 1, 409)
    ├── InvalidInput             a bad file, row, field or argument (exit 2, 400)
    │   └── DataError            data failing validation: file:line: field: problem
    ├── ImportFailed             an import that was rolled back (exit 3, 422)
    ├── OutputError              a file that cannot be written, e.g. a full disk (exit 3, 500)
    ├── StoreError               the SQLite store cannot be opened, read or migrated (exit 4, 500)
    └── Unavailable              an optional capability missing here, e.g. PDF (exit 5, 503)

The CLI prints ``str(error)`` on one line and exits with ``error.exit_code``;
the web layer answers ``{"error": {"type", "message", "field"}}`` with ``error.http_status``.
Messages never name a face's flags: an argument is named by ``InvalidInput.field``.
Errors from dependencies are re-raised as ours with ``raise ... from exc``.
"""

from __future__ import annotations


class CitydipError(Exception):
    """Base of every error citydip raises on purpose."""

    exit_code = 1
    http_status = 500


class NotFound(CitydipError):
    """A name or id that is not in the store."""

    exit_code = 1
    http_status = 404

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []


class Ambiguous(CitydipError):
    """A name that matches several entities and no context tells them apart."""

    exit_code = 1
    http_status = 409

    def __init__(self, message: str, candidates: list[str] | None = None) -> None:
        super().__init__(message)
        self.candidates = candidates or []


class InvalidInput(CitydipError):
    """Bad input: a file, a row, a field or an argument.

    ``field`` names the argument in the library's words (``kind``, ``since``); a face
    translates it to its own (the CLI's ``--kind``, the web's query parameter).
    """

    exit_code = 2
    http_status = 400

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.problem = message


class DataError(InvalidInput):
    """Data that fails validation, located as ``file:line: field: problem``."""

    def __init__(self, path: str, line: int | None, field: str | None, problem: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        text = f"{where}: {field}: {problem}" if field else f"{where}: {problem}"
        CitydipError.__init__(self, text)
        self.path = path
        self.line = line
        self.field = field
        self.problem = problem


class ImportFailed(CitydipError):
    """An import that failed and was rolled back; the store is as it was."""

    exit_code = 3
    http_status = 422


class StoreError(CitydipError):
    """The SQLite store cannot be opened, read or migrated."""

    exit_code = 4
    http_status = 500


class OutputError(CitydipError):
    """A file that cannot be written (a folder, no permission, a full disk); nothing was
    written, the previous file is as it was."""

    exit_code = 3
    http_status = 500


class Unavailable(CitydipError):
    """An optional capability is missing here (e.g. PDF output without WeasyPrint/Pango)."""

    exit_code = 5
    http_status = 503
