"""`zorgkoppel user add|list|disable|enable|reset-password|role|passwd`: the accounts."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from zorgkoppel.cli.console import say
from zorgkoppel.cli.failures import EXIT_OK, CommandError
from zorgkoppel.core.context import ROLES
from zorgkoppel.core.errors import ValidationError
from zorgkoppel.i18n import N_, _


def add_user_parsers(commands: Any) -> None:
    user = commands.add_parser(
        "user",
        help=_("manage the accounts (administrators)"),
        description=_(
            "Manage who may log in. The first account may be made without --user and must "
            "be an administrator; after that every change of accounts needs an administrator."
        ),
    )
    actions = user.add_subparsers(dest="user_action", metavar=_("ACTION"), required=True,
                                  parser_class=type(user))
    add = actions.add_parser("add", help=_("make an account"))
    add.add_argument("name", metavar=_("NAME"), help=_("the user name to log in with"))
    add.add_argument("--role", required=True, choices=ROLES, help=_("the role"))
    add.add_argument("--organisation", metavar=_("ORG_ID"),
                     help=_("the organisation the user works for (not needed for an admin)"))
    add.add_argument("--display-name", default="", metavar=_("TEXT"),
                     help=_("the name shown in the window"))
    add.add_argument("--new-password-stdin", action="store_true",
                     help=_("read the new user's password from standard input"))
    listing = actions.add_parser("list", help=_("list the accounts"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    disable = actions.add_parser("disable", help=_("disable an account"))
    disable.add_argument("name", metavar=_("NAME"), help=_("the user name"))
    enable = actions.add_parser("enable", help=_("enable a disabled account again"))
    enable.add_argument("name", metavar=_("NAME"), help=_("the user name"))
    reset = actions.add_parser(
        "reset-password",
        help=_("give a user a new password, to be changed at their next login"))
    reset.add_argument("name", metavar=_("NAME"), help=_("the user name"))
    reset.add_argument("--new-password-stdin", action="store_true",
                       help=_("read the new password from standard input"))
    role = actions.add_parser("role", help=_("change a user's role and organisation"))
    role.add_argument("name", metavar=_("NAME"), help=_("the user name"))
    role.add_argument("--role", required=True, choices=ROLES, help=_("the role"))
    role.add_argument("--organisation", metavar=_("ORG_ID"),
                      help=_("the organisation the user works for (not needed for an admin)"))
    passwd = actions.add_parser("passwd", help=_("change your own password"))
    passwd.add_argument("--new-password-stdin", action="store_true",
                        help=_("read the new password from standard input"))


def _user_rows(users: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "user_name": u.user_name,
            "display_name": u.display_name,
            "role": u.role,
            "organisation_id": u.organisation_id,
            "disabled": u.disabled,
            "must_change_password": u.must_change_password,
            "last_login": u.last_login.isoformat() if u.last_login else None,
        }
        for u in users
    ]


def _invalid(error: ValidationError) -> CommandError:
    return CommandError(N_("Nothing was changed, because:"), error.problems)


def run_user(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.commands import opened
    from zorgkoppel.cli.login import REQUESTED, ask_new_password, password
    from zorgkoppel.core.codes import ROLE_LABELS, label
    from zorgkoppel.core.services import accounts

    action = options.user_action
    with opened(data_dir, changing_password=action == "passwd",
                first_account=action == "add") as ctx:
        try:
            if action == "add":
                accounts.require_account_admin(ctx)
                new_password = ask_new_password(options.new_password_stdin)
                user = accounts.add_user(ctx, accounts.UserData(
                    options.name, options.role, options.organisation, options.display_name,
                ), new_password).value
                say(_("The account {name} ({role}) was made.").format(
                    name=user.user_name, role=label(ROLE_LABELS, user.role)))
            elif action == "list":
                users = accounts.list_users(ctx)
                if options.json:
                    say(json.dumps(_user_rows(users), ensure_ascii=False, indent=2))
                    return EXIT_OK
                for row in _user_rows(users):
                    state = _("disabled") if row["disabled"] else _("enabled")
                    say(f"{row['user_name']}\t{label(ROLE_LABELS, row['role'])}\t"
                        f"{row['organisation_id'] or '-'}\t{state}")
            elif action in ("disable", "enable"):
                user = accounts.set_disabled(ctx, options.name, action == "disable").value
                message = (_("The account {name} was disabled.") if user.disabled
                           else _("The account {name} was enabled."))
                say(message.format(name=user.user_name))
            elif action == "reset-password":
                accounts.require_account_admin(ctx)
                new_password = ask_new_password(options.new_password_stdin)
                user = accounts.reset_password(ctx, options.name, new_password).value
                say(_("The password of {name} was reset; they choose a new one at their next "
                      "login.").format(name=user.user_name))
            elif action == "role":
                user = accounts.change_role(ctx, options.name, options.role,
                                            options.organisation).value
                say(_("{name} is now {role}.").format(
                    name=user.user_name, role=label(ROLE_LABELS, user.role)))
            else:  # passwd
                if REQUESTED.user_name is None:
                    raise CommandError(N_("Log in with --user NAME to change your password."))
                new_password = ask_new_password(options.new_password_stdin)
                accounts.change_own_password(ctx, password(), new_password)
                say(_("Your password was changed."))
        except ValidationError as error:
            raise _invalid(error) from error
    return EXIT_OK

