"""Imports point downward: a module never imports from its own layer or a layer above it.

The layers are README's "Architecture" section; a test below keeps the two lists equal.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "observatoire"

# Bottom first. Each name is a top-level module or subpackage of ``observatoire``; a module may
# import its own package and any name of a lower layer, nothing else.
LAYERS = (
    ("texts", "theme", "paths", "normalize"),
    ("formats", "config", "db"),
    ("privacy", "reference", "workspace", "periods"),
    ("users", "coverage"),
    ("kpis", "signin"),
    ("importing", "urlparams", "content"),
    ("activities", "review", "directory", "quality", "profile"),
    ("maps", "forum", "reports"),
    ("demo", "dictionary"),
    ("cli",),
    ("ui", "__main__", "serve", "replicas"),
)
LEVEL = {name: i for i, layer in enumerate(LAYERS) for name in layer}
STREAMLIT = ("streamlit", "streamlit_folium")


def _unit(path: Path) -> str:
    """The layer unit of a file: its top-level module or subpackage under observatoire/."""
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def _imports(path: Path, package: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import of a file in ``package``, relative resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            if module == "observatoire":  # ``from observatoire import db, formats``
                found += [(node.lineno, f"observatoire.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, module))
    return found


def _package(path: Path) -> tuple[str, ...]:
    return ("observatoire", *path.relative_to(PACKAGE).parent.parts)


def _upward(path: Path, unit: str, package: tuple[str, ...]) -> list[str]:
    """The imports of a file of layer unit ``unit`` that reach its own layer or one above."""
    wrong = []
    for line, module in _imports(path, package):
        parts = module.split(".")
        if parts[0] != "observatoire" or len(parts) < 2 or parts[1] == unit:
            continue
        if LEVEL[parts[1]] >= LEVEL[unit]:
            wrong.append(f"{path.name}:{line} imports {module}")
    return wrong


def _files() -> list[Path]:
    return sorted(
        p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE
    )


def test_every_module_has_a_layer():
    units = {_unit(p) for p in _files()}
    assert units <= LEVEL.keys(), sorted(units - LEVEL.keys())
    assert LEVEL.keys() <= units, sorted(LEVEL.keys() - units)


def test_imports_point_downward():
    wrong = [w for p in _files() for w in _upward(p, _unit(p), _package(p))]
    assert wrong == []


def test_only_the_ui_imports_streamlit():
    wrong = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in _files()
        if _unit(path) != "ui"
        for line, module in _imports(path, _package(path))
        if module.split(".")[0] in STREAMLIT
    ]
    assert wrong == []


def test_the_readme_lists_the_same_layers():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    listed = re.search(r"```\n(.*?)```", block.split("Couches", 1)[1], re.S).group(1)
    rows = [tuple(line.split("  ")[0].split()) for line in listed.splitlines() if line[:1].strip()]
    assert tuple(reversed(rows)) == LAYERS


def test_an_upward_import_is_found(tmp_path):
    # formats.py once imported the KPI catalogue; a relative import resolves the same way.
    source = tmp_path / "formats.py"
    source.write_text("from observatoire.texts import formats\nfrom .kpis import catalogue\n")
    found = _upward(source, "formats", ("observatoire",))
    assert found == ["formats.py:2 imports observatoire.kpis"]
    source.write_text("from observatoire import db, ui\n")
    assert _upward(source, "formats", ("observatoire",)) == [
        "formats.py:1 imports observatoire.db",
        "formats.py:1 imports observatoire.ui",
    ]
