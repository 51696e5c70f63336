"""The "then and now" section of the map page: two periods, communes gained and lost."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from observatoire import theme
from observatoire.coverage import change, report
from observatoire.maps.change_map import change_map, change_points
from observatoire.maps.figures import CoverageModel
from observatoire.paths import reference_db
from observatoire.periods import Period
from observatoire.texts import maps as texts
from observatoire.ui import connections, mapcomponent, url, zones
from observatoire.ui.exports import export_buttons
from observatoire.ui.mapcomponent import Rendered, render
from observatoire.workspace.version import file_version


@st.cache_resource(show_spinner=False, max_entries=16)
def _compare(path: str, version, before: Period, after: Period, radius_km: float, basis: str):
    """``change.compare`` at the commune level, cached per file version."""
    con = connections.workspace(Path(path))
    return change.compare(con, before, after, "commune", radius_km, basis)


# The change map shows public facts (communes gained and lost, outlines); it is still keyed by
# role like every rendered output, and ``_points`` (the communes' coordinates) follows the file
# versions in the key.
@st.cache_resource(show_spinner=False, max_entries=16)
def _change_map(
    path: str,
    version,
    reference,
    before: Period,
    after: Period,
    radius_km: float,
    basis: str,
    role: str,
    assets_url: str,
    _points: pd.DataFrame,
) -> Rendered:
    """The rendered map of the communes gained and lost between two periods."""
    moved = change.gained_lost(_compare(path, version, before, after, radius_km, basis))
    m = change_map(
        change_points(moved, _points),
        zones.outlines_of(Path(path)),
        outline=theme.MAP_OUTLINE,
        background=theme.MAP_BACKGROUND,
        assets_url=assets_url,
    )
    return render(m)


def compare(path: Path, before: Period, after: Period, radius_km: float, basis: str):
    """The communes of two periods side by side (see ``change.compare``)."""
    return _compare(str(path), file_version(path), before, after, radius_km, basis)


# Per-commune counts of activities and people: the public sees the gained and lost list only.
COUNTED = ("qpv_count", "activities_within_radius", "audience_within_radius", "score")


def public_table(result: change.Change, viewer) -> pd.DataFrame:
    """``change.export_table`` without per-commune counts when the viewer is the public."""
    frame = change.export_table(result)
    if not viewer.suppresses:
        return frame
    labels = report.column_labels(result.level, result.basis)
    hidden = [labels[c] for c in COUNTED if c in labels]
    keep = [c for c in frame.columns if not any(str(c).startswith(h) for h in hidden)]
    return frame[keep]


def section(ctx, model: CoverageModel, period: Period, basis: str) -> None:
    """Pick the earlier period (``?avant=``), then the map and the table of what changed."""
    st.subheader(texts.CHANGE_TITLE)
    st.caption(texts.CHANGE_INTRO)
    # On demand: comparing two periods doubles the map's work (seconds on a national network).
    shown = "carte_avant_apres"
    if shown not in st.session_state:
        st.session_state[shown] = url.raw("avant") is not None
    if not st.toggle(texts.CHANGE_SHOW, key=shown, help=texts.CHANGE_SHOW_HELP):
        url.drop("avant")
        return
    con = ctx.workspace_connection()
    before = url.url_period(
        con,
        default=period.year_before(),
        label=texts.CHANGE_BEFORE,
        hint=texts.CHANGE_BEFORE_HELP,
        bad=texts.CHANGE_BAD_BEFORE,
        name="avant",
    )
    result = compare(ctx.workspace.path, before, period, model.radius_km, basis)
    st.markdown(change.summary(result))
    moved = change.gained_lost(result)
    if moved.empty:
        st.info(texts.CHANGE_NONE)
        return
    path = ctx.workspace.path
    rendered = _change_map(
        str(path),
        file_version(path),
        file_version(reference_db()),
        before,
        period,
        model.radius_km,
        basis,
        str(ctx.viewer.role),
        ctx.leaflet_url,
        model.communes[["code", "lon", "lat"]].reset_index(drop=True),
    )
    mapcomponent.draw(rendered, key="carte-avant-apres", height=480)
    st.subheader(texts.CHANGE_TABLE_TITLE)
    st.dataframe(public_table(result, ctx.viewer), hide_index=True, width="stretch")
    export_buttons(
        lambda: public_table(result, ctx.viewer),
        texts.CHANGE_EXPORT_FILE.format(before=before.key, after=period.key),
        texts.CHANGE_EXPORT_SHEET,
        key="export_avant_apres",
    )
