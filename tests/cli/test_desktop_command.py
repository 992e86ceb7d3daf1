"""`zorgkoppel install-desktop-entry [--remove]`, into a temporary XDG_DATA_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

from zorgkoppel.cli.main import main


def test_install_and_remove_the_desktop_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    entry = tmp_path / "share" / "applications" / "zorgkoppel.desktop"

    assert main(["--data-dir", str(tmp_path / "data"), "install-desktop-entry"]) == 0
    assert str(entry) in capsys.readouterr().out
    assert entry.is_file()
    assert (tmp_path / "share" / "icons" / "hicolor" / "48x48" / "apps" / "zorgkoppel.png"
            ).is_file()
    assert not (tmp_path / "data").exists()  # the entry is the user's, not the data's

    assert main(["install-desktop-entry", "--remove"]) == 0
    assert "removed" in capsys.readouterr().out
    assert not entry.exists()
    assert main(["install-desktop-entry", "--remove"]) == 0
    assert "There was no start-menu entry" in capsys.readouterr().out


def test_an_unwritable_folder_fails_with_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "share"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["install-desktop-entry"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Cannot write") and str(blocker) in err
    assert "Traceback" not in err
