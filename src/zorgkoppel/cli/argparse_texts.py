"""argparse's own user-visible messages, routed through our catalog.

argparse translates with the global gettext domain, which the program never sets up. While
the command line is parsed, `translated_argparse` makes argparse use zorgkoppel's catalog;
the msgids below are argparse's exact texts, listed so that extraction puts them in our
catalog for the translators. Keep them equal to argparse's (Python 3.11 and later).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from zorgkoppel.i18n import N_, _, ngettext


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a plural pair for extraction."""
    return singular, plural


MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
)
PLURAL_MESSAGES = (NP_("expected %s argument", "expected %s arguments"),)


def _translate(message: str | None) -> str | None:
    # argparse passes None for an absent subparser description.
    return None if message is None else _(message)


@contextmanager
def translated_argparse() -> Iterator[None]:
    """argparse speaks the current language inside this block, and only there."""
    names = ("_", "ngettext")
    saved = {name: getattr(argparse, name) for name in names}
    argparse._ = _translate  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(argparse, name, value)
