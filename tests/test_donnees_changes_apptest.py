"""Page donnees through AppTest: a dry run shows, in French, what the file changes in each KPI."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from observatoire.paths import ROOT, data_dir

PAGE = str(ROOT / "pages" / "donnees.py")
TIMEOUT = 180
HDF = "demo-hauts-de-france"
# Two actions in July 2024, the demo's current month (its latest month with an action or a
# session), of 12 and 8 participants. The demo holds one action that month, of 3 participants.
CSV = (
    "identifiant;titre;date_debut;commune;code_postal;participants;programme\n"
    "ESSAI-1;Atelier de l'essai;10/07/2024;Arras;62000;12;SPTT\n"
    "ESSAI-2;Débat de l'essai;24/07/2024;Amiens;80000;8;SPTT\n"
)


@pytest.fixture
def site(tmp_path, monkeypatch, reference_path, hdf_source):
    """A copy of the HdF demo as the only workspace, in local mode (the admin role)."""
    shutil.copyfile(hdf_source, tmp_path / f"{HDF}.duckdb")
    monkeypatch.setenv("OBSERVATOIRE_DATA", str(tmp_path))
    monkeypatch.setenv("OBSERVATOIRE_REFERENCE", str(reference_path))
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(tmp_path / "absent.toml"))
    return tmp_path


def test_dry_run_shows_what_two_actions_change(site):
    assert data_dir() == site
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.query_params["espace"] = HDF
    at.run()
    at.file_uploader[0].set_value(("actions.csv", CSV.encode("utf-8"), "text/csv")).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.selectbox(key="donnees_kind").value == "actions"
    before = (site / f"{HDF}.duckdb").read_bytes()
    at.button(key="donnees_dry").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    titles = [m.value for m in at.markdown]
    assert "**Ce que ce fichier change · juillet 2024**" in titles
    table = next(
        d.value for d in at.dataframe if list(d.value.columns)[:2] == ["Indicateur", "Actuel"]
    )
    assert list(table.columns) == ["Indicateur", "Actuel", "Après l'import", "Évolution"]
    rows = {r["Indicateur"]: r for r in table.to_dict("records")}
    # 1 action of 3 participants, then 3 actions of 3 + 12 + 8 participants.
    assert (rows["Actions"]["Actuel"], rows["Actions"]["Après l'import"]) == ("1", "3")
    assert rows["Actions"]["Évolution"] == "+2"
    assert (rows["Public des actions"]["Actuel"], rows["Public des actions"]["Après l'import"]) == (
        "3",
        "23",
    )
    assert rows["Public des actions"]["Évolution"] == "+20"
    assert "Sessions de formation" not in rows  # only the KPIs the file moves are listed
    assert (site / f"{HDF}.duckdb").read_bytes() == before  # a dry run writes nothing
