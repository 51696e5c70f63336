"""The national synthetic workspace, for benchmarks at national scale.

100,000 actors over all communes, 20,000 sessions, 60,000 people, 400,000 attendances,
30,000 experiments and 200,000 actions, seeded. It measures the dashboard, not the importer
(which has its own 100,000-row benchmark), so records are generated as columns with numpy and
bulk-inserted into the workspace schema; the values respect every constraint an import would.
"""

from __future__ import annotations

import json
import os
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from observatoire import db
from observatoire.paths import data_dir
from observatoire.workspace import connect

SIZES = {
    "actors": 100_000,
    "sessions": 20_000,
    "people": 60_000,
    "attendances": 400_000,
    "experiments": 30_000,
    "actions": 200_000,
}
SESSION_TYPES = ["formation", "webinaire", "regroupement", "atelier", "sensibilisation"]
STATUSES = ["idee", "en_preparation", "en_cours", "terminee", "abandonnee"]
ACTION_TYPES = ["atelier", "conférence", "exposition", "débat", "étape de tournée", "forum"]
START = np.datetime64("2022-01-01")
DAYS = 4 * 365


def _dates(rng, n: int) -> np.ndarray:
    return START + rng.integers(0, DAYS, n).astype("timedelta64[D]")


def _places(rng, communes: pd.DataFrame, n: int) -> pd.DataFrame:
    w = communes["population"].fillna(0).to_numpy(float) ** 0.7 + 1
    idx = rng.choice(len(communes), n, p=w / w.sum())
    return communes.iloc[idx].reset_index(drop=True)


def generate(communes: pd.DataFrame, seed: int = 1) -> dict[str, pd.DataFrame]:
    """Every table of the national workspace, as DataFrames ready to insert."""
    rng = np.random.default_rng(seed)
    n = SIZES
    a = _places(rng, communes, n["actors"])
    circles = rng.choice([1, 2, 3], n["actors"], p=[0.15, 0.35, 0.5])
    actor_ids = np.char.add("NAT-A", np.arange(n["actors"]).astype(str))
    actors = pd.DataFrame(
        {
            "actor_id": actor_ids,
            "name": np.char.add("Structure ", np.arange(n["actors"]).astype(str)),
            "circle": circles,
            "commune_code": a["code"],
            "department_code": a["department_code"],
            "lon": a["lon"],
            "lat": a["lat"],
            "approximate": True,
            "email": np.char.add(
                np.char.add("contact", np.arange(n["actors"]).astype(str)), "@exemple.fr"
            ),
            "listed_on": _dates(rng, n["actors"]),
            "programme": "National",
            "import_id": 0,
        }
    )
    actors["name_key"] = actors["name"].str.lower()
    person_ids = np.char.add("NAT-P", np.arange(n["people"]).astype(str))
    people = pd.DataFrame(
        {
            "person_id": person_ids,
            "gender": rng.choice(["F", "H", "X"], n["people"], p=[0.55, 0.43, 0.02]),
            "status": rng.choice(
                ["salarie", "benevole", "autre"], n["people"], p=[0.75, 0.2, 0.05]
            ),
            "actor_id": actor_ids[rng.integers(0, n["actors"], n["people"])],
            "department_code": a["department_code"].to_numpy()[
                rng.integers(0, n["actors"], n["people"])
            ],
            "category": rng.choice(
                ["CSTI", "culture", "éducation populaire", "social", "environnement"], n["people"]
            ),
            "import_id": 0,
        }
    )
    s = _places(rng, communes, n["sessions"])
    types = rng.choice(SESSION_TYPES, n["sessions"], p=[0.4, 0.2, 0.1, 0.2, 0.1])
    starts = _dates(rng, n["sessions"])
    session_ids = np.char.add("NAT-S", np.arange(n["sessions"]).astype(str))
    sessions = pd.DataFrame(
        {
            "session_id": session_ids,
            "type": types,
            "title": np.char.add("Session ", np.arange(n["sessions"]).astype(str)),
            "start_date": starts,
            "end_date": starts,
            "days": np.where(types == "formation", rng.choice([1.0, 2.0], n["sessions"]), np.nan),
            "commune_code": s["code"],
            "department_code": s["department_code"],
            "lon": s["lon"],
            "lat": s["lat"],
            "programme": "National",
            "import_id": 0,
        }
    )
    pairs = np.unique(
        np.stack(
            [
                rng.integers(0, n["sessions"], n["attendances"] * 2),
                rng.integers(0, n["people"], n["attendances"] * 2),
            ],
            axis=1,
        ),
        axis=0,
    )
    pairs = pairs[rng.permutation(len(pairs))[: n["attendances"]]]
    attendances = pd.DataFrame(
        {
            "session_id": session_ids[pairs[:, 0]],
            "person_id": person_ids[pairs[:, 1]],
            "import_id": 0,
        }
    )
    e = _places(rng, communes, n["experiments"])
    experiments = pd.DataFrame(
        {
            "experiment_id": np.char.add("NAT-E", np.arange(n["experiments"]).astype(str)),
            "title": np.char.add("Expérimentation ", np.arange(n["experiments"]).astype(str)),
            "actor_id": actor_ids[rng.integers(0, n["actors"], n["experiments"])],
            "theme": rng.choice(
                ["médiation", "publics", "communication", "numérique"], n["experiments"]
            ),
            "status": rng.choice(STATUSES, n["experiments"]),
            "start_date": _dates(rng, n["experiments"]),
            "commune_code": e["code"],
            "department_code": e["department_code"],
            "lon": e["lon"],
            "lat": e["lat"],
            "programme": "National",
            "import_id": 0,
        }
    )
    p = _places(rng, communes, n["actions"])
    actions = pd.DataFrame(
        {
            "action_id": np.char.add("NAT-X", np.arange(n["actions"]).astype(str)),
            "type": rng.choice(ACTION_TYPES, n["actions"]),
            "title": np.char.add("Action ", np.arange(n["actions"]).astype(str)),
            "start_date": _dates(rng, n["actions"]),
            "commune_code": p["code"],
            "department_code": p["department_code"],
            "lon": p["lon"],
            "lat": p["lat"],
            "approximate": True,
            "actor_id": actor_ids[rng.integers(0, n["actors"], n["actions"])],
            "participants": rng.integers(5, 400, n["actions"]),
            "programme": "National",
            "import_id": 0,
        }
    )
    return {
        "actors": actors,
        "people": people,
        "sessions": sessions,
        "attendances": attendances,
        "experiments": experiments,
        "actions": actions,
    }


def build_national(
    out_dir: Path | None = None, seed: int = 1, reference: Path | None = None
) -> dict:
    """Write ``data/demo-national.duckdb`` and return its path and build time."""
    started = time.perf_counter()
    out_dir = Path(out_dir or data_dir())
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / "demo-national.duckdb"
    work = out_dir / f".demo-national.{os.getpid()}.building"
    work.unlink(missing_ok=True)
    ref = db.connect_reference(reference)
    try:
        communes = db.frame(ref, "national_communes")
        departments = sorted(communes["department_code"].unique().tolist())
    finally:
        ref.close()
    con = connect(work, read_only=False, reference=reference)
    try:
        for key, value in {
            "name": "Démo — Réseau national synthétique (banc d'essai)",
            "departments": json.dumps(departments),
            "programmes": json.dumps(["National"]),
            "demo": "1",
        }.items():
            db.execute(con, "set_workspace_info", key=key, value=value)
        for table, frame in generate(communes, seed).items():
            cols = con.table(table).columns
            full = frame.reindex(columns=cols)
            con.from_df(full).insert_into(table)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(work, final)
    return {
        "path": str(final),
        "seconds": time.perf_counter() - started,
        "built_on": date.today().isoformat(),
    }
