"""Options, help, version, languages and usage errors of `zorgkoppel`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from zorgkoppel import __version__
from zorgkoppel.cli.main import main
from zorgkoppel.settings import Settings, save_settings


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"zorgkoppel {__version__}\n"


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("gui", "import", "export", "demo", "--data-dir", "--lang"):
        assert command in out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    first, hint = captured.err.splitlines()
    assert first.startswith("zorgkoppel: error:") and "'frobnicate'" in first
    assert "--help" in hint


@pytest.mark.parametrize(
    "arguments",
    [["--lang", "de"], ["import"], ["export", "a.json", "b.json"], ["gui", "--fast"],
     ["--data-dir"]],
)
def test_bad_options_exit_2_with_one_message(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(arguments) == 2
    err = capsys.readouterr().err
    assert "error:" in err
    assert "Traceback" not in err
    assert len(err.splitlines()) == 2


def test_help_and_errors_follow_lang(
    french_catalog: Callable[[dict[str, str]], None], capsys: pytest.CaptureFixture[str]
) -> None:
    french_catalog({
        "write all data to an exchange file": "écrire toutes les données",
        "usage: ": "utilisation : ",
        "invalid choice: %(value)r (choose from %(choices)s)":
            "choix invalide : %(value)r (choisir parmi %(choices)s)",
        "{prog}: error: {message}": "{prog} : erreur : {message}",
    })
    assert main(["--lang", "fr", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("utilisation : zorgkoppel")
    assert "écrire toutes les données" in out
    assert main(["--lang", "fr", "nope"]) == 2
    assert "zorgkoppel : erreur : argument COMMAND: choix invalide : 'nope'" in (
        capsys.readouterr().err
    )


def test_failures_follow_lang(
    french_catalog: Callable[[dict[str, str]], None],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    french_catalog({"File not found: {path}": "Fichier introuvable : {path}"})
    missing = tmp_path / "absent.json"
    assert main(["--lang", "fr", "import", str(missing)]) == 1
    assert capsys.readouterr().err == f"Fichier introuvable : {missing}\n"
    assert main(["--lang", "en", "import", str(missing)]) == 1
    assert capsys.readouterr().err == f"File not found: {missing}\n"


def test_saved_language_is_used_without_lang(
    french_catalog: Callable[[dict[str, str]], None],
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    french_catalog({"File not found: {path}": "Fichier introuvable : {path}"})
    save_settings(data_dir, Settings(language="fr"))
    assert main(["import", str(tmp_path / "absent.json")]) == 1
    assert capsys.readouterr().err.startswith("Fichier introuvable")
    # --lang wins over the saved setting.
    assert main(["--lang", "en", "import", str(tmp_path / "absent.json")]) == 1
    assert capsys.readouterr().err.startswith("File not found")


def test_system_language_is_used_without_setting(
    french_catalog: Callable[[dict[str, str]], None],
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    french_catalog({"File not found: {path}": "Fichier introuvable : {path}"})
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    assert main(["import", str(tmp_path / "absent.json")]) == 1
    assert capsys.readouterr().err.startswith("Fichier introuvable")


def test_argparse_is_left_as_it_was() -> None:
    import argparse
    import gettext

    main(["--version"])
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
