"""`zorgkoppel install-desktop-entry [--remove]`: the start-menu entry for this user (Linux)."""

from __future__ import annotations

import argparse
from pathlib import Path

from zorgkoppel.cli.console import say
from zorgkoppel.cli.failures import EXIT_OK, CommandError
from zorgkoppel.i18n import N_, _


def add_desktop_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    entry = commands.add_parser(
        "install-desktop-entry",
        help=_("add zorgkoppel to your start menu (Linux)"),
        description=_(
            "Copy the start-menu entry and the icons into your own folders "
            "($XDG_DATA_HOME, else ~/.local/share): applications/ and icons/hicolor/. "
            "The entry starts this copy of zorgkoppel. No administrator rights are needed."
        ),
    )
    entry.add_argument("--remove", action="store_true",
                       help=_("take the entry and the icons away again"))


def run_install_desktop_entry(options: argparse.Namespace, data_dir: Path) -> int:
    """The data folder plays no part: the entry belongs to the user, not to the data."""
    from zorgkoppel.desktop_entry import (
        install_desktop_entry,
        remove_desktop_entry,
        xdg_data_home,
    )

    folder = xdg_data_home()
    try:
        if options.remove:
            removed = remove_desktop_entry(folder)
            say(_("Start-menu entry removed from {folder}.").format(folder=folder)
                if removed else _("There was no start-menu entry in {folder}.").format(
                    folder=folder))
            return EXIT_OK
        written = install_desktop_entry(folder)
    except OSError as error:
        raise CommandError(N_("Cannot write {path}: {reason}"), path=str(folder),
                           reason=error.strerror or str(error)) from error
    say(_("Start-menu entry written: {path}").format(path=written.desktop_file))
    return EXIT_OK
