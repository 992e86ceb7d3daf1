"""The build step that puts the compiled catalogs into the package.

The source tree keeps only the `.po` files (translations/); building the wheel (or any
`pip install .`) compiles each into `zorgkoppel/locale/<lang>/LC_MESSAGES/zorgkoppel.mo`
inside the built package, so an installed copy needs neither the checkout nor `make`.
Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DOMAIN = "zorgkoppel"


def compile_catalogs(target: Path) -> list[Path]:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted((ROOT / "translations").glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        language = po.parent.parent.name
        mo = target / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as source:
            catalog = read_po(source, locale=language)
        with mo.open("wb") as out:
            write_mo(out, catalog)
        written.append(mo)
    if not written:
        raise SystemExit("no catalogs found in translations/: the package would not translate")
    return written


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            compile_catalogs(Path(self.build_lib) / DOMAIN / "locale")


setup(cmdclass={"build_py": BuildWithCatalogs})
