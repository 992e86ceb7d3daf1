"""Turning any failure into one message in the user's language, and an exit code.

Expected failures (ZorgkoppelError and its ValidationError, files that cannot be read or
written, a database that cannot be opened) get a plain explanation. Anything else gets a
generic message; its traceback goes to `zorgkoppel.log` in the data folder, never to the
screen.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from zorgkoppel.core.errors import Problem, ValidationError, ZorgkoppelError
from zorgkoppel.i18n import N_, _, ngettext

EXIT_OK = 0
EXIT_FAILED = 1
# Someone changed the record meanwhile (EditConflict): nothing was saved; load it again.
EXIT_CONFLICT = 4
LOG_FILE = "zorgkoppel.log"
LOG_LIMIT_BYTES = 1_000_000
# A safety net: the importer already stops at 200 problems and says how many more.
MAX_PROBLEMS_SHOWN = 250


class CommandError(ZorgkoppelError):
    """A command that could not do its work, with the problems behind it if any."""

    def __init__(self, message: str, problems: Iterable[Problem] = (), **params: Any) -> None:
        super().__init__(message, **params)
        self.problems = list(problems)


def _problem_lines(problems: Sequence[Problem]) -> list[str]:
    lines = [str(p) for p in problems[:MAX_PROBLEMS_SHOWN]]
    hidden = len(problems) - MAX_PROBLEMS_SHOWN
    if hidden > 0:
        lines.append(
            ngettext("… and {count} more problem.", "… and {count} more problems.", hidden)
            .format(count=hidden)
        )
    return lines


def _os_reason(error: OSError) -> str:
    # strerror is the system's own short text ("Permission denied"); the file name is
    # already in our message.
    return error.strerror or error.__class__.__name__


def explain(error: BaseException) -> str:
    """The message for an expected failure."""
    if isinstance(error, CommandError):
        return "\n".join([error.text(), *_problem_lines(error.problems)])
    if isinstance(error, ValidationError):
        return "\n".join(
            [_("Nothing was changed, because:"), *_problem_lines(error.problems)]
        )
    if isinstance(error, ZorgkoppelError):
        return error.text()
    if isinstance(error, OSError):
        if error.filename is not None:
            return _("Cannot use {path}: {reason}").format(
                path=error.filename, reason=_os_reason(error)
            )
        return _("A file operation failed: {reason}").format(reason=_os_reason(error))
    raise TypeError(f"not an expected failure: {error!r}")


def is_expected(error: BaseException) -> bool:
    return isinstance(error, (ZorgkoppelError, OSError))


MSG_UNEXPECTED_LOGGED = N_(
    "Something unexpected went wrong: {error}\nThe details were written to {log}."
)
MSG_UNEXPECTED = N_("Something unexpected went wrong: {error}")


def write_crash_log(data_dir: Path, error: BaseException, argv: Sequence[str]) -> Path | None:
    """Append the traceback to the log in the data folder; None if even that fails."""
    path = data_dir / LOG_FILE
    try:
        from zorgkoppel.storage.permissions import create_private_file, private_folder

        private_folder(data_dir)
        if path.exists() and path.stat().st_size > LOG_LIMIT_BYTES:
            os.replace(path, path.with_name(LOG_FILE + ".1"))
        create_private_file(path)  # a traceback may quote names from the data
        stamp = dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")
        details = "".join(traceback.format_exception(error))
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {stamp} zorgkoppel {' '.join(argv)}\n")
            log.write(f"python {sys.version.split()[0]} on {sys.platform}\n{details}\n")
    except OSError:
        return None
    return path


def explain_unexpected(error: BaseException, log: Path | None) -> str:
    summary = str(error) or error.__class__.__name__
    if log is None:
        return _(MSG_UNEXPECTED).format(error=summary)
    return _(MSG_UNEXPECTED_LOGGED).format(error=summary, log=log)
