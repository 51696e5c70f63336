"""Readers of a workspace file keep their version while an import swaps a new one in."""

from __future__ import annotations

import os
import shutil

from observatoire.workspace import VERSIONS_DIR, connect, connect_version
from observatoire.workspace.info import read_info
from observatoire.workspace.version import file_version


def _count(con) -> int:
    return con.cursor().execute("SELECT count(*) FROM actors").fetchone()[0]


def _swap_in_one_more_actor(path):
    """What an import does: write a new file beside, then rename it over the old one."""
    staged = path.with_name("staged.duckdb")
    shutil.copy(path, staged)
    con = connect(staged, read_only=False)
    con.execute(
        "INSERT INTO actors (actor_id, name, name_key, commune_code, department_code, lon, lat,"
        " approximate, import_id) "
        "VALUES ('a9', 'Nouvel acteur', 'nouvel acteur', '62041', '62', 2.78, 50.29, true, 1)"
    )
    con.close()
    os.replace(staged, path)


def test_old_readers_finish_on_their_version_new_readers_see_the_new_one(workspace_path):
    before = connect_version(workspace_path)
    assert _count(before) == 0
    _swap_in_one_more_actor(workspace_path)
    after = connect_version(workspace_path)
    assert _count(after) == 1
    assert _count(before) == 0  # still readable, never closed under a running session
    # Only the current version keeps a name in the hidden folder.
    links = list((workspace_path.parent / VERSIONS_DIR).iterdir())
    assert len(links) == 1 and os.path.samefile(links[0], workspace_path)
    before.close()
    after.close()


def test_a_folder_without_hard_links_falls_back_to_the_plain_path(workspace_path, monkeypatch):
    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    # Root ignores folder modes, so the refusal is simulated where it would come from.
    monkeypatch.setattr(os, "link", refuse)
    con = connect_version(workspace_path)
    assert _count(con) == 0
    assert not list((workspace_path.parent / VERSIONS_DIR).glob("*.duckdb"))
    con.close()


def test_a_swap_gives_a_new_version_and_a_missing_file_none(workspace_path):
    first = file_version(workspace_path)
    assert first == (os.stat(workspace_path).st_ino, os.stat(workspace_path).st_mtime_ns)
    _swap_in_one_more_actor(workspace_path)
    assert file_version(workspace_path) not in (None, first)
    assert file_version(workspace_path.with_name("absent.duckdb")) is None


def test_one_demo_rule_for_the_picker_and_the_command_line(tmp_path):
    from observatoire.ui.workspaces import _describe

    for stem, flag, demo in (
        ("demo-ancien", None, False),  # the file name alone does not make a demo
        ("reseau", "1", True),
        ("reseau-oui", " Oui ", True),
        ("demo-non", "0", False),
    ):
        path = tmp_path / f"{stem}.duckdb"
        con = connect(path, read_only=False)
        if flag is not None:
            con.execute("INSERT INTO workspace_info VALUES ('demo', $v)", {"v": flag})
        con.close()
        assert read_info(path)["demo"] is demo, stem
        assert _describe.__wrapped__(str(path), file_version(path)) == (stem, demo, True)
