"""The territory profile page's parts: the picker, the figures, the tables and the chart."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from observatoire import db, formats
from observatoire import profile as logic
from observatoire.coverage import inputs
from observatoire.kpis import BY_ID, Unit, kpi_value
from observatoire.maps.figures import actor_label
from observatoire.privacy import Viewer, suppress_kpis
from observatoire.privacy.suppression import suppress_series
from observatoire.texts import profile as texts
from observatoire.ui import connections, plain, url
from observatoire.workspace.version import file_version


@st.cache_resource(show_spinner=False, max_entries=8)
def _choices(path: str, version) -> dict[str, str]:
    """Every territory of the workspace: code -> French label, departments first."""
    con = connections.workspace(Path(path))
    departments = inputs.territory_departments(con)
    communes = inputs.communes(con, departments)
    out = {}
    for code, name in db.frame(con, "coverage_department_names", codes=departments).itertuples(
        index=False
    ):
        out[code] = texts.OPTION.format(kind=texts.KINDS["department"], name=name, code=code)
    epci = sorted(set(communes["epci_code"].dropna()))
    for code, name in db.frame(con, "coverage_epci_names", codes=epci).itertuples(index=False):
        out[code] = texts.OPTION.format(kind=texts.KINDS["epci"], name=name, code=code)
    for code, name in communes[["code", "name"]].itertuples(index=False):
        out[code] = texts.OPTION.format(kind=texts.KINDS["commune"], name=name, code=code)
    qpv = db.frame(con, "map_qpv", departments=departments)
    for code, name in qpv[["code", "name"]].itertuples(index=False):
        out[code] = texts.OPTION.format(kind=texts.KINDS["qpv"], name=name, code=code)
    return out


@st.cache_resource(show_spinner=False, max_entries=32)
def _profile(path: str, version, code: str, contacts: bool) -> logic.Profile:
    return logic.load(connections.workspace(Path(path)), code, contacts=contacts)


def pick(path: Path) -> str | None:
    """The territory of ``?code=`` (a picker that keeps it in the URL), or None."""
    choices = _choices(str(path), file_version(path))
    return (
        url.url_option(
            "code",
            {url.ALL: texts.PICK_NONE} | choices,
            label=texts.PICK,
            template=texts.BAD_CODE,
        )
        or None
    )


def profile(path: Path, code: str, viewer: Viewer) -> logic.Profile:
    """The profile of ``code`` (contacts only for who sees them), cached per file version."""
    return _profile(str(path), file_version(path), code, viewer.sees_contacts)


def _count(value: int, viewer: Viewer) -> str:
    hidden = suppress_series(pd.Series([int(value)]), with_total=False, enabled=viewer.suppresses)
    return hidden.labels().iloc[0]


def show(p: logic.Profile, viewer: Viewer) -> None:
    """The whole profile, top to bottom."""
    plain.markdown(f"### {texts.TITLE}", kind=texts.KINDS[p.kind], name=p.name, code=p.code)
    cols = st.columns(4)
    cols[0].metric(texts.POPULATION, formats.number(p.population))
    if p.kind == "commune":
        level = p.density_level
        cols[1].metric(texts.DENSITY, str(level), help=texts.DENSITY_NOTE)
        st.caption(
            f"{texts.DENSITY} {level} : {texts.DENSITY_EXPLAINED[level]}. {texts.DENSITY_NOTE}"
        )
    else:
        cols[1].metric(
            texts.RURAL_SHARE,
            formats.percent(p.rural_share, 0),
            help=f"{texts.RURAL_SHARE_HELP} {texts.DENSITY_NOTE}",
        )
    cols[2].metric(texts.AUDIENCE, _count(p.audience, viewer))
    cols[3].metric(texts.TRAINED, _count(p.people_trained, viewer), help=texts.TRAINED_HELP)
    last = formats.date(p.last_activity) if p.last_activity else texts.LAST_NONE
    st.markdown(f"**{texts.LAST_ACTIVITY}** : {last}")
    frr = ", ".join(
        texts.FRR_COUNTS.format(count=formats.number(n), klass=k) for k, n in p.frr_classes.items()
    )
    st.markdown(f"**{texts.FRR}** : {frr}")
    st.caption(texts.FRR_NOTE)
    qpv = ", ".join(f"{n} ({c})" for c, n in zip(p.qpv["code"], p.qpv["name"], strict=True))
    plain.markdown(f"**{texts.QPV}** : {{qpv}}", qpv=qpv or texts.QPV_NONE)

    st.subheader(texts.CIRCLES_TITLE)
    st.caption(texts.CIRCLES_NOTE.format(point=texts.POINT[p.kind]))
    radius = formats.km(p.radius_km, 0)
    c = p.circles
    circles = pd.DataFrame(
        {
            texts.CIRCLE_COLUMNS["circle"]: [
                texts.CIRCLE_UNKNOWN if pd.isna(x) else str(int(x)) for x in c["circle"]
            ],
            texts.CIRCLE_COLUMNS["actors_based"]: [_count(v, viewer) for v in c["actors_based"]],
            texts.CIRCLE_COLUMNS["actors_within_radius"].format(radius=radius): [
                _count(v, viewer) for v in c["actors_within_radius"]
            ],
            texts.CIRCLE_COLUMNS["nearest_km"]: [
                formats.km(v) if v is not None and not pd.isna(v) else "–" for v in c["nearest_km"]
            ],
        }
    )
    st.dataframe(circles, hide_index=True)

    st.subheader(texts.MONTHS_TITLE.format(period=p.period.label))
    st.caption(texts.MONTHS_NOTE.format(where=texts.WHERE[p.kind]))
    months = p.months
    chart = pd.DataFrame(
        {texts.MONTH_COLUMNS["activities"]: months["activities"].to_numpy()},
        index=[m.start.strftime("%Y-%m") for m in months["month"]],
    )
    if not viewer.suppresses:
        st.bar_chart(chart, height=220)
    table = pd.DataFrame(
        {
            texts.MONTH_COLUMNS["month"]: [m.label for m in months["month"]],
            texts.MONTH_COLUMNS["activities"]: [_count(v, viewer) for v in months["activities"]],
            texts.MONTH_COLUMNS["audience"]: [_count(v, viewer) for v in months["audience"]],
        }
    )
    with st.expander(texts.MONTHS_TITLE.format(period=p.period.label)):
        st.dataframe(table, hide_index=True)

    st.subheader(texts.NEAREST_TITLE)
    n = p.nearest
    nearest = pd.DataFrame(
        {
            texts.NEAREST_COLUMNS["name"]: [
                actor_label(a, viewer.role) for a in n.to_dict("records")
            ],
            texts.NEAREST_COLUMNS["structure_type"]: n["structure_type"].fillna("–"),
            texts.NEAREST_COLUMNS["circle"]: [
                texts.CIRCLE_UNKNOWN if pd.isna(x) else str(int(x)) for x in n["circle"]
            ],
            texts.NEAREST_COLUMNS["km"]: n["km"].map(formats.km),
        }
    )
    if viewer.sees_contacts:
        nearest[texts.NEAREST_COLUMNS["email"]] = n["email"].fillna("")
        nearest[texts.NEAREST_COLUMNS["phone"]] = n["phone"].fillna("")
    else:
        st.caption(texts.CONTACTS_HIDDEN)
    st.dataframe(nearest, hide_index=True)

    show_kpis(p, viewer)
    if p.comparison is not None:
        st.subheader(texts.COMPARISON_TITLE)
        cmp = p.comparison
        decimals = {"population": 0, "rural_share": None}

        def cell(figure, value):
            if figure == "rural_share":
                return formats.percent(value, 1)
            return formats.number(value, decimals.get(figure, 2))

        frame = pd.DataFrame(
            {
                texts.COMPARISON_COLUMNS["figure"]: cmp["figure"].map(texts.COMPARISON_FIGURES),
                texts.COMPARISON_COLUMNS["this"]: [
                    cell(f, v) for f, v in zip(cmp["figure"], cmp["this"], strict=True)
                ],
                texts.COMPARISON_COLUMNS["average"]: [
                    cell(f, v) for f, v in zip(cmp["figure"], cmp["average"], strict=True)
                ],
            }
        )
        st.dataframe(frame, hide_index=True)


def show_kpis(p: logic.Profile, viewer: Viewer) -> None:
    """The catalogue's coverage KPIs of a department, counts suppressed for the public."""
    if not p.kpis:
        return
    st.subheader(texts.KPIS_TITLE.format(period=p.period.label))
    counts = {i: v for i, v in p.kpis.items() if BY_ID[i].unit in (Unit.COUNT, Unit.PEOPLE)}
    cells = suppress_kpis(counts, parts={}, enabled=viewer.suppresses)
    rows = [
        {
            texts.KPI_COLUMNS["label"]: BY_ID[i].label,
            texts.KPI_COLUMNS["value"]: cells[i].label if i in cells else kpi_value(i, value),
        }
        for i, value in p.kpis.items()
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True)
