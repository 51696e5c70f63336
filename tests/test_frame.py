"""The frame's contracts that need no running app: registry, page scripts, theme."""

from __future__ import annotations

import ast
import tomllib

from observatoire import theme
from observatoire.paths import ROOT
from observatoire.texts import ui as texts
from observatoire.ui import registry


def test_every_page_file_is_declared_and_calls_the_frame_first():
    for path in sorted((ROOT / "pages").glob("*.py")):
        assert path.stem in registry.BY_STEM, f"{path.name} is not in the registry"
        body = [
            node
            for node in ast.parse(path.read_text()).body
            if not isinstance(node, (ast.Import, ast.ImportFrom))
            and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
        ]
        first = body[0]
        assert isinstance(first, ast.Assign) and isinstance(first.value, ast.Call), path.name
        call = first.value
        assert getattr(call.func, "id", None) == "page", f"{path.name} must call page() first"
        assert [a.value for a in call.args] == [path.stem]


def test_registry_lists_only_existing_pages():
    stems = [p.stem for p in registry.pages()]
    assert "carte" in stems
    assert all((ROOT / "pages" / f"{s}.py").exists() for s in stems)
    for spec in registry.DECLARED:
        assert spec.group in texts.GROUPS
        assert set(spec.roles) <= set(registry.ROLES)
        assert spec.title


def test_menu_groups_by_role():
    assert "territoires" in registry.menu("public")
    for spec in (s for group in registry.menu("public").values() for s in group):
        assert "public" in spec.roles


def test_only_ui_and_pages_import_streamlit():
    for path in (ROOT / "observatoire").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "observatoire").parts:
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] in ("streamlit", "streamlit_folium") for n in names), (
                path
            )


def test_streamlit_theme_mirrors_the_palette():
    conf = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert conf["theme"]["primaryColor"].lower() == theme.PRIMARY.lower()
    assert conf["theme"]["textColor"].lower() == theme.TEXT.lower()
    assert conf["theme"]["baseFontSize"] == theme.BASE_FONT_PX
    assert conf["client"]["showSidebarNavigation"] is False
    assert conf["browser"]["gatherUsageStats"] is False
    assert conf["server"]["enableStaticServing"] is True
