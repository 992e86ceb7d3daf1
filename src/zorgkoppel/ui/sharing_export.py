"""File ▸ Export sharing package: the exchange file a care facility may receive.

The same as `zorgkoppel export --for-organisation ORG FILE`: its agreements, the workers
placed with it, their shared notes only, its roster days, nothing about other facilities.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.core.services.organisations import list_organisations
from zorgkoppel.core.services.sharing import sharing_selection
from zorgkoppel.i18n import _
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.file_operations import EXCHANGE_NOT_ENCRYPTED


def export_sharing_package(parent: QWidget | None, ctx: ServiceContext) -> str | None:
    """Ask for the facility and the file, write the package; the status text, or None."""
    facilities = [(o.id, o.name) for o in list_organisations(ctx) if o.kind == "care_facility"]
    if not facilities:
        dialogs.inform(parent, _("Export sharing package"),
                       _("There is no care facility to make a sharing package for."))
        return None
    chosen = dialogs.ask_choice(parent, _("Export sharing package"),
                                _("For which care facility?") + "\n"
                                + _(EXCHANGE_NOT_ENCRYPTED), facilities)
    if chosen is None:
        return None
    name = dict(facilities)[chosen]
    path = dialogs.ask_save_path(parent, _("Export sharing package"), f"{name}.json")
    if path is None:
        return None
    from zorgkoppel.exchange.exporter import write_exchange_file

    try:
        write_exchange_file(ctx, path, sharing_selection(ctx, chosen))
    except (OSError, ZorgkoppelError) as error:
        dialogs.show_error(parent, _("Export sharing package"),
                           _("The package could not be written: {reason}").format(
                               reason=str(error)))
        return None
    return _("The sharing package for {organisation} was written to {path}.").format(
        organisation=name, path=path)
