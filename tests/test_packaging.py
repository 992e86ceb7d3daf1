"""The wheel carries everything: built from the tracked files alone, installed into a fresh
venv outside the checkout, it speaks Dutch and prints contracts with embedded fonts.

The fresh venv borrows the dependencies of the test environment through a path file, so the
test needs no network; zorgkoppel itself comes only from the wheel (checked below).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from zorgkoppel.desktop_entry import ICON_SIZES
from zorgkoppel.user_guide import TOPICS

ROOT = Path(__file__).resolve().parents[1]


def _run(arguments: list[str], cwd: Path, env: dict[str, str] | None = None,
         timeout: int = 300) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(arguments, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)
    assert done.returncode == 0, f"{arguments}\n{done.stdout}\n{done.stderr}"
    return done


def _tracked_copy(target: Path) -> Path:
    """The checkout as a fresh clone has it: no compiled catalogs, no build folders."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs the git checkout")
    files = _run(["git", "ls-files", "-z"], ROOT).stdout.split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = _tracked_copy(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps",
          "--no-index", "-q", "-w", str(out), str(source)], source)
    [built] = out.glob("zorgkoppel-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("venv")
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], venv)
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
          "--no-index", "-q", str(wheel)], venv)
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                      "['purelib'])"], venv).stdout.strip())
    (site / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


def _env(data_dir: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("ZORGKOPPEL_", "PYTHON"))}
    env.update(QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", ZORGKOPPEL_DATA_DIR=str(data_dir))
    return env


def test_the_wheel_holds_catalogs_fonts_icons_and_guide_and_no_po(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for language in ("nl", "fr", "en"):
        assert f"zorgkoppel/locale/{language}/LC_MESSAGES/zorgkoppel.mo" in names
    assert {"zorgkoppel/resources/fonts/DejaVuSans.ttf", "zorgkoppel/resources/zorgkoppel.svg",
            "zorgkoppel/resources/fonts/DejaVuSans-Bold.ttf"} <= names
    assert not [name for name in names if name.endswith(".po")]
    for language in ("nl", "fr", "en"):
        for topic in TOPICS:
            assert f"zorgkoppel/resources/help/{language}/{topic}.html" in names
    for size in ICON_SIZES:
        assert f"zorgkoppel/resources/icons/hicolor/{size}x{size}/apps/zorgkoppel.png" in names


def test_installed_outside_the_checkout_it_speaks_dutch_and_prints_contracts(
    installed: Path, tmp_path: Path
) -> None:
    program = installed / "bin" / "zorgkoppel"
    env = _env(tmp_path / "data")
    where = _run([str(installed / "bin" / "python"), "-c",
                  "import zorgkoppel; print(zorgkoppel.__file__)"], tmp_path, env).stdout
    assert where.startswith(str(installed)), where  # not the checkout

    demo = _run([str(program), "--lang", "nl", "demo"], tmp_path, env)
    assert "De demogegevens zijn geladen" in demo.stdout, demo.stdout
    refused = subprocess.run([str(program), "--lang", "fr", "check", "--bogus"], cwd=tmp_path,
                             env=env, capture_output=True, text=True, timeout=120, check=False)
    assert refused.returncode == 2 and "arguments non reconnus" in refused.stderr

    folder = tmp_path / "contracts"
    _run([str(program), "--lang", "nl", "contract", "--all", "-o", str(folder)], tmp_path, env)
    pdfs = sorted(folder.glob("*.pdf"))
    assert pdfs
    fonts = _run(["pdffonts", str(pdfs[0])], tmp_path).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts), fonts
    assert any("DejaVuSans" in line for line in fonts)
    text = _run(["pdftotext", str(pdfs[0]), "-"], tmp_path).stdout
    assert "Samenwerkingsovereenkomst" in text and "Pagina 1 van" in text, text[:400]
    assert re.search(r"\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|"
                     r"september|oktober|november|december) \d{4}\b", text), text[:400]
