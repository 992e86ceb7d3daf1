"""Only zorgkoppel.ui may import Qt; core, storage, documents and the CLI never do."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "zorgkoppel"


def top_level_imports(path: Path) -> set[str]:
    """Imports at module level (a lazy import inside a function is allowed in the CLI)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def all_imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_outside_ui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "ui":
            continue
        imports = top_level_imports(path) if relative.parts[0] == "cli" else all_imports(path)
        bad = {
            name
            for name in imports
            if name.split(".")[0] in {"PySide6", "shiboken6"} or name.startswith("zorgkoppel.ui")
        }
        if bad:
            offenders.append(f"{relative}: {sorted(bad)}")
    assert not offenders, offenders


def test_core_does_not_import_the_command_line() -> None:
    for path in (PACKAGE / "core").rglob("*.py"):
        assert not any(n.startswith("zorgkoppel.cli") for n in all_imports(path)), path
