"""`zorgkoppel contract REFERENCE [-o FILE] [--lang nl|fr|en]` and `contract --all -o FOLDER`.

Every printout is recorded with its SHA-256, as when printed from the window.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from zorgkoppel.cli.console import say
from zorgkoppel.cli.failures import EXIT_OK, CommandError
from zorgkoppel.core.codes import CONTRACT_LANGUAGES
from zorgkoppel.i18n import N_, _


def add_contract_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "contract",
        help=_("print a cooperation agreement as PDF"),
        description=_(
            "Print a cooperation agreement as PDF in its own language or the one chosen. A "
            "draft carries a DRAFT watermark. Each printout's SHA-256 is recorded, so a "
            "paper copy can be verified later."
        ),
    )
    parser.add_argument("reference", nargs="?", metavar=_("REFERENCE"),
                        help=_("the agreement's reference"))
    parser.add_argument("--all", action="store_true", dest="all_agreements",
                        help=_("print every agreement, one PDF each, into the folder -o"))
    parser.add_argument("-o", "--output", type=Path, metavar=_("PATH"),
                        help=_("the PDF file (default: REFERENCE-LANGUAGE.pdf here), or the "
                               "folder with --all"))
    parser.add_argument("--lang", dest="contract_language", choices=CONTRACT_LANGUAGES,
                        help=_("language of the contract (default: the agreement's own)"))


def _write(path: Path, pdf: bytes) -> None:
    try:
        path.write_bytes(pdf)
    except OSError as error:
        raise CommandError(N_("Cannot write {path}: {reason}"), path=str(path),
                           reason=error.strerror or str(error)) from error


def run_contract(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.commands import opened
    from zorgkoppel.core.services.agreement_workflow import agreement_id_by_reference
    from zorgkoppel.core.services.agreements import list_agreements
    from zorgkoppel.documents.contract import (
        contract_file_name,
        issue_contract,
        issue_contracts,
    )

    language = options.contract_language
    if options.all_agreements == bool(options.reference):
        raise CommandError(N_("Give either one REFERENCE or --all."))
    if options.all_agreements:
        folder: Path | None = options.output
        if folder is None:
            raise CommandError(N_("With --all, give the folder to write to with -o."))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(N_("Cannot use the folder {path}: {reason}"), path=str(folder),
                               reason=error.strerror or str(error)) from error
        with opened(data_dir) as ctx:
            agreements = list_agreements(ctx)
            batch = issue_contracts(ctx, [a.id for a in agreements], language)
        for agreement, issued in zip(agreements, batch, strict=True):
            _write(folder / contract_file_name(agreement.reference, issued.issue.language),
                   issued.pdf)
        count = len(batch)
        say(_("{count} contracts were written to {folder}.").format(count=count, folder=folder))
        return EXIT_OK
    with opened(data_dir) as ctx:
        agreement_id = agreement_id_by_reference(ctx, options.reference)
        issued = issue_contract(ctx, agreement_id, language)
    path = options.output or Path(contract_file_name(options.reference, issued.issue.language))
    if path.is_dir():
        path = path / contract_file_name(options.reference, issued.issue.language)
    _write(path, issued.pdf)
    say(_("The contract was written to {path} (SHA-256 {sha256}).").format(
        path=path, sha256=issued.issue.sha256))
    return EXIT_OK
