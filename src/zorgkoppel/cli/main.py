"""Entry point of `zorgkoppel` and `python -m zorgkoppel`."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from zorgkoppel.cli.argparse_texts import translated_argparse
from zorgkoppel.cli.commands import HANDLERS
from zorgkoppel.cli.console import complain
from zorgkoppel.cli.database_choice import choose_database_url
from zorgkoppel.cli.failures import (
    EXIT_CONFLICT,
    EXIT_FAILED,
    explain,
    explain_unexpected,
    is_expected,
    write_crash_log,
)
from zorgkoppel.cli.login import EXIT_LOGIN, LOGIN_ERRORS, request_user
from zorgkoppel.cli.parser import build_parser, early_options
from zorgkoppel.core.errors import EditConflict
from zorgkoppel.i18n import _, set_language
from zorgkoppel.i18n.catalog import system_language
from zorgkoppel.paths import resolve_data_dir
from zorgkoppel.settings import load_settings


def _exit_code(stop: SystemExit) -> int:
    if stop.code is None:
        return 0
    if isinstance(stop.code, int):
        return stop.code
    complain(str(stop.code))
    return EXIT_FAILED


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit code is 0 (done), 1 (failed), 2 (wrong usage) or 3 (login)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    early = early_options(arguments)
    data_dir = resolve_data_dir(early.data_dir)
    set_language(early.lang or load_settings(data_dir).language or system_language())
    with translated_argparse():
        try:
            options = build_parser().parse_args(arguments)
        except SystemExit as stop:  # --help, --version and usage errors
            return _exit_code(stop)
    request_user(options.user)
    choose_database_url(options.database_url)
    try:
        return HANDLERS[options.command or "gui"](options, data_dir)
    except SystemExit as stop:
        return _exit_code(stop)
    except KeyboardInterrupt:
        complain(_("Stopped."))
        return EXIT_FAILED
    except LOGIN_ERRORS as error:
        complain(explain(error))
        return EXIT_LOGIN
    except EditConflict as error:
        complain(explain(error))
        return EXIT_CONFLICT
    except Exception as error:
        if is_expected(error):
            complain(explain(error))
        else:
            complain(explain_unexpected(error, write_crash_log(data_dir, error, arguments)))
        return EXIT_FAILED
