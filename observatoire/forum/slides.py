"""The forum slides' content: public-safe figures only (aggregates, small counts suppressed).

Everything here is computed as for the ``public`` role whatever the presenter's role: no person,
no contact, no actor name; every count between 1 and k−1 is shown as ``< k``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

import pandas as pd

from observatoire import db, formats, theme
from observatoire.activities import common, experiments
from observatoire.content import views as content
from observatoire.coverage import DEFAULT_RADIUS_KM, inputs
from observatoire.coverage.layers import reach_layers
from observatoire.forum.svgmap import Disc, svg_map
from observatoire.kpis import BY_ID, Period, Unit, compute_kpis, kpi_value
from observatoire.periods import Kind
from observatoire.privacy import suppress_kpis, suppress_series, to_public_frame
from observatoire.privacy.suppression import (
    STYLE_SUPPRESSED,
    STYLE_VALUE,
    STYLE_ZERO,
    hides_derived,
    public_label,
    resolve_k,
    round_to_k,
    style,
)
from observatoire.texts import activities as activity_texts
from observatoire.texts import content as content_texts
from observatoire.texts import forum as texts
from observatoire.texts import privacy as privacy_texts
from observatoire.workspace.territory import territory_departments


@dataclass(frozen=True)
class Figure:
    """One big number on a slide: its text as shown, label, style key and an optional detail."""

    value: str
    label: str
    style: str
    detail: str = ""


@dataclass(frozen=True)
class Panel:
    """A picture on a slide (inline SVG) with its title and text alternative."""

    title: str
    svg: str
    alt: str
    legend: tuple[tuple[str, str], ...] = ()  # (colour, text)


@dataclass(frozen=True)
class Slide:
    """One slide: title, subtitle, big figures, pictures, a small table and lines of text."""

    key: str
    title: str
    subtitle: str
    figures: tuple[Figure, ...] = ()
    panels: tuple[Panel, ...] = ()
    table: pd.DataFrame | None = None
    table_title: str = ""
    lines: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())
    footnote: str = ""  # what the masks on this very slide mean


def _labelled(*ids: str) -> dict[str, str]:
    """KPI ids with their catalogue label: a slide names a figure as every page does."""
    return {i: BY_ID[i].label for i in ids}


# KPI ids shown as figures, per slide.
NETWORK = _labelled(
    "actors_total",
    "actors_circle_1",
    "actors_circle_2",
    "actors_circle_3",
    "departments_with_actor",
    "actions_total",
    "actions_audience",
)
TRAININGS = _labelled(
    "training_sessions",
    "training_participants",
    "training_structures",
    "training_participants_women",
    "training_participants_men",
    "training_participants_volunteers",
    "training_participants_employees",
)
EXPERIMENTS = _labelled(
    "experiments_total",
    "experiments_active",
    "experiments_completed",
    "experiments_planned",
)
TOURS = _labelled("tour_stops", "tour_days", "tour_visitors")
RESOURCES = _labelled("resources_total", "resources_portraits", "resources_catalogues")
MEETINGS = _labelled(
    "meetings_total",
    "meetings_structures",
    "experts_total",
    "initiatives_total",
    "groups_total",
    "group_members",
)
SHARED_OF_PARTICIPANTS = (
    "training_participants_women",
    "training_participants_men",
    "training_participants_volunteers",
    "training_participants_employees",
)
IS_COUNT = (Unit.COUNT, Unit.PEOPLE)


def public_figures(values: dict, labels: dict[str, str], k: int | None = None) -> list[Figure]:
    """Figures of KPI values as the public sees them: counts suppressed, measures formatted."""
    counts = {i: values[i] for i in labels if BY_ID[i].unit in IS_COUNT}
    cells = suppress_kpis(counts, k=k)
    figures = []
    for kpi_id, label in labels.items():
        if kpi_id in cells:
            cell = cells[kpi_id]
            figures.append(Figure(cell.label, label, cell.style))
        elif hides_derived(kpi_id, values, k):
            figures.append(Figure(privacy_texts.SHARE, label, style(None, True)))
        else:
            value = values[kpi_id]
            figures.append(Figure(kpi_value(kpi_id, value), label, style(value, False)))
    return figures


def _with_shares(
    figures: list[Figure], ids: list[str], values: dict, k: int | None = None
) -> list[Figure]:
    """Women, men, volunteers, employees with their share of participants, unless hidden."""
    total_index = ids.index("training_participants")
    total = figures[total_index]
    out = []
    for kpi_id, figure in zip(ids, figures, strict=True):
        if kpi_id in SHARED_OF_PARTICIPANTS and figure.style == "value" and total.style == "value":
            # Shares of the published (rounded) numbers: exact ones would give the counts back.
            part, whole = (round_to_k(values[i], k) for i in (kpi_id, "training_participants"))
            share = formats.percent(part / whole)
            figure = Figure(
                figure.value, figure.label, figure.style, texts.SHARE_OF.format(share=share)
            )
        out.append(figure)
    return out


def span(con) -> tuple[Period, str]:
    """Every year with data, first to last (a forum tells the programme's story), and its label."""
    years = sorted(common.years(con)) or [dt.date.today().year]
    first, last = years[0], years[-1]
    period = Period(dt.date(first, 1, 1), dt.date(last, 12, 31), Kind.RANGE)
    label = (
        texts.SPAN_ONE.format(year=first)
        if first == last
        else texts.SPAN.format(first=first, last=last)
    )
    return period, label


def network_slide(con, name: str, period: Period, label: str, k: int | None = None) -> Slide:
    """The network in figures: actors by circle, departments, actions and their audience."""
    values = compute_kpis(con, period, only=list(NETWORK))
    return Slide(
        "reseau",
        texts.NETWORK_TITLE,
        texts.NETWORK_SUBTITLE.format(name=name, period=label),
        tuple(public_figures(values, NETWORK, k)),
    )


def _discs(points: pd.DataFrame, k: int) -> list[Disc]:
    """One disc per commune of a points frame (commune_code, lon, lat)."""
    if points.empty:
        return []
    grouped = points.dropna(subset=["lon", "lat"]).groupby("commune_code", dropna=True)
    table = grouped.agg(lon=("lon", "mean"), lat=("lat", "mean"), count=("lon", "size"))
    # Disc areas follow the published (rounded) counts; a small count is a hollow ring.
    columns = (table[c].to_numpy().tolist() for c in ("lon", "lat", "count"))
    return [
        Disc(float(x), float(y), round_to_k(n, k) if n >= k else n, 1 <= n <= k - 1)
        for x, y, n in zip(*columns, strict=True)
    ]


def map_slide(con, ref, end: dt.date, k: int | None = None) -> Slide:
    """Where the network acts: actor and event discs per commune, and a table per department."""
    k = resolve_k(k)
    departments = territory_departments(con)
    shapes = [
        r["shape"]
        for r in db.rows(ref, "department_shapes", region=None)
        if r["code"] in departments
    ]
    actors = inputs.actors(con)
    events = inputs.events(con, end)
    actor_discs, event_discs = _discs(actors, k), _discs(events, k)
    names = {
        r["code"]: r["name"] for r in db.rows(con, "coverage_department_names", codes=departments)
    }
    codes = sorted(set(departments) | set(actors["department_code"].dropna()))
    per_department = actors["department_code"].value_counts()
    events_in = _events_by_department(events)
    counts = pd.DataFrame(
        {
            texts.MAP_TABLE_DEPARTMENT: [names.get(c, c) for c in codes],
            texts.MAP_TABLE_ACTORS: [int(per_department.get(c, 0)) for c in codes],
            texts.MAP_TABLE_EVENTS: [events_in(c) for c in codes],
        }
    )
    table = to_public_frame(counts, [texts.MAP_TABLE_ACTORS, texts.MAP_TABLE_EVENTS], k=k)
    alt = texts.MAP_ALT.format(
        departments=", ".join(names.get(c, c) for c in departments),
        actors=_count_label(len(actors), k),
        actor_communes=_count_label(len(actor_discs), k),
        events=_count_label(len(events), k),
        event_communes=_count_label(len(event_discs), k),
    )
    small = texts.MAP_SMALL.format(k=k)
    return Slide(
        "carte",
        texts.MAP_TITLE,
        texts.MAP_SUBTITLE.format(date=formats.date(end)),
        panels=(
            Panel(
                texts.MAP_ACTORS,
                svg_map(shapes, actor_discs, theme.PRIMARY, texts.MAP_ACTORS),
                f"{texts.MAP_ACTORS}. {alt}",
                ((theme.PRIMARY, texts.MAP_SIZE), (theme.PRIMARY, small)),
            ),
            Panel(
                texts.MAP_ACTIONS,
                svg_map(shapes, event_discs, theme.MAP_HIGHLIGHT, texts.MAP_ACTIONS),
                f"{texts.MAP_ACTIONS}. {alt}",
                ((theme.MAP_HIGHLIGHT, texts.MAP_SIZE), (theme.MAP_HIGHLIGHT, small)),
            ),
        ),
        table=table.reset_index(drop=True),
        table_title=texts.MAP_TABLE_CAPTION,
        notes=(alt,),
    )


def _events_by_department(events: pd.DataFrame):
    """Events per department code: those whose commune code starts with it (2 or 3 characters)."""
    codes = (
        events["commune_code"].dropna().astype(str)
        if not events.empty
        else pd.Series([], dtype=str)
    )
    by_prefix = {n: codes.str[:n].value_counts() for n in (2, 3)}
    return lambda code: int(by_prefix[len(code)].get(code, 0)) if len(code) in by_prefix else 0


def _count_label(value: int, k: int) -> str:
    """A count in a sentence, as the public may read it."""
    return public_label(value, k)


def reach_figures(layers) -> dict[str, int]:
    """Communes, rural communes, their inhabitants and QPV reached in the layers' period."""
    c = layers.communes
    rural = c[c["rural"].astype(bool) & c["reached"].astype(bool)]
    return {
        "communes": int(c["reached"].astype(bool).sum()),
        "rural_communes": len(rural),
        "rural_population": int(rural["population"].sum()),
        "qpv": int(layers.qpv["reached"].astype(bool).sum()),
    }


def reach_slide(con, end: dt.date, k: int | None = None) -> Slide:
    """Reach in rural communes and priority neighbourhoods, over the 12 months of the map.

    Figures come from the map's reach layers; a figure that is zero or masked is said in words.
    """
    period = inputs.last_12_months(end)
    try:
        layers = reach_layers(con, period, DEFAULT_RADIUS_KM, "activite")
    except inputs.EmptyTerritory:
        figures = dict.fromkeys(texts.REACH_FIGURES, 0)
    else:
        figures = reach_figures(layers)
    cells = suppress_kpis(figures, k=k, parts={})
    shown, lines = [], []
    for key, label in texts.REACH_FIGURES.items():
        cell = cells[key]
        if cell.value == 0:
            if texts.REACH_NONE[key]:
                lines.append(texts.REACH_NONE[key])
            continue
        if cell.suppressed:
            lines.append(texts.REACH_HIDDEN.format(label=label, k=formats.number(cell.k)))
            continue
        shown.append(Figure(cell.label, label, cell.style))
    return Slide(
        "territoires",
        texts.REACH_TITLE,
        texts.REACH_SUBTITLE.format(period=period.label, radius=formats.km(DEFAULT_RADIUS_KM, 0)),
        tuple(shown),
        lines=tuple(lines),
    )


def trainings_slide(con, period: Period, label: str, k: int | None = None) -> Slide:
    """Trainings and the inclusion figures: gender and status of the people trained."""
    values = compute_kpis(con, period, only=list(TRAININGS))
    ids = list(TRAININGS)
    figures = _with_shares(public_figures(values, TRAININGS, k), ids, values, k)
    lines = () if values["training_sessions"] else (texts.NO_TRAINING,)
    return Slide(
        "formations",
        texts.TRAININGS_TITLE,
        texts.TRAININGS_SUBTITLE.format(period=label),
        tuple(figures),
        lines=lines,
    )


def experiments_slide(con, period: Period, label: str, k: int | None = None) -> Slide:
    """Experiments: how many, running and completed, and by theme (suppressed)."""
    values = compute_kpis(con, period, only=list(EXPERIMENTS))
    rows = experiments.rows(con, period)
    table = None
    if not rows.empty:
        themes = common.breakdown(rows["theme"])
        series = suppress_series(themes.set_index("label")["count"], k=k)
        table = pd.DataFrame(
            {
                activity_texts.THEME: [*themes["label"], privacy_texts.TOTAL],
                activity_texts.EXPERIMENTS: [*series.labels(), series.total_label()],
            }
        )
    lines: tuple[str, ...] = () if table is not None else (texts.NO_EXPERIMENT,)
    if table is not None and all(_hidden(v) for v in table.iloc[:-1, 1]):
        # Every theme masked: the table would be a column of "< 5"; say it once instead.
        table = None
        lines = (texts.THEMES_HIDDEN.format(k=formats.number(resolve_k(k))),)
    return Slide(
        "experimentations",
        texts.EXPERIMENTS_TITLE,
        texts.EXPERIMENTS_SUBTITLE.format(period=label),
        tuple(public_figures(values, EXPERIMENTS, k)),
        table=table,
        table_title=texts.BY_THEME,
        lines=lines,
    )


def _hidden(text: object) -> bool:
    """Whether a shown cell is a mask (``< 5`` or ``s``) rather than a number."""
    value = str(text)
    return value.startswith("<") or value == privacy_texts.SECRET


def told(figures: list[Figure], k: int | None = None) -> tuple[list[Figure], list[str]]:
    """Figures worth projecting, and a sentence for each hidden one (zeros are left out)."""
    k = resolve_k(k)
    shown, lines = [], []
    for figure in figures:
        if figure.style == STYLE_SUPPRESSED:
            lines.append(texts.FIGURE_HIDDEN.format(label=figure.label, k=formats.number(k)))
        elif figure.style != STYLE_ZERO:
            shown.append(figure)
    return shown, lines


def tour_slide(con, ref, period: Period, label: str, k: int | None = None) -> Slide:
    """The tours: stops, towns, days and visitors, and the stops on a map of the territory."""
    k = resolve_k(k)
    rows = content.tour_rows(con, period, None, None)
    values = compute_kpis(con, period, only=list(TOURS))
    towns = {"tour_towns": rows["commune_code"].nunique()}
    cell = suppress_kpis(towns, k=k, parts={})["tour_towns"]
    figures = public_figures(values, TOURS, k)
    figures.insert(1, Figure(cell.label, texts.TOUR_TOWNS, cell.style))
    shown, lines = told(figures, k)
    names = sorted(set(rows["tour"].dropna()))
    panels: tuple[Panel, ...] = ()
    placed = rows.dropna(subset=["lon", "lat"])
    if not placed.empty and shown:
        departments = territory_departments(con)
        shapes = [
            r["shape"]
            for r in db.rows(ref, "department_shapes", region=None)
            if r["code"] in departments
        ]
        # Disc areas follow each stop's published (rounded) visitors; small or unknown: a ring.
        discs = [
            Disc(
                float(r.lon),
                float(r.lat),
                round_to_k(int(r.visitors), k) if pd.notna(r.visitors) else 0,
                pd.isna(r.visitors) or int(r.visitors) < k,
            )
            for r in placed.itertuples()
        ]
        alt = texts.TOUR_ALT.format(
            tours=", ".join(names), stops=public_label(len(placed), k), period=label
        )
        panels = (
            Panel(
                texts.TOUR_MAP,
                svg_map(shapes, discs, theme.MAP_HIGHLIGHT, texts.TOUR_MAP),
                alt,
                ((theme.MAP_HIGHLIGHT, texts.TOUR_SIZE),),
            ),
        )
    subtitle = texts.TOUR_SUBTITLE.format(tours=", ".join(names), period=label)
    return Slide(
        "tournees",
        texts.TOUR_TITLE,
        subtitle,
        tuple(shown),
        panels=panels,
        lines=tuple(lines),
    )


def resources_slide(con, period: Period, label: str, k: int | None = None) -> Slide:
    """Resources: portraits, catalogues, radio programmes and the rest, hidden ones in words."""
    values = compute_kpis(con, period, only=list(RESOURCES))
    monthly = content.resources_by_month(con, period, None)
    radio = content_texts.RESOURCE_TYPES["emission_radio"]
    count = int(monthly[radio].sum()) if radio in monthly.columns else 0
    cell = suppress_kpis({"radio": count}, k=k, parts={})["radio"]
    figures = [*public_figures(values, RESOURCES, k), Figure(cell.label, radio, cell.style)]
    shown, lines = told(figures, k)
    return Slide(
        "ressources",
        texts.RESOURCES_TITLE,
        texts.RESOURCES_SUBTITLE.format(period=label),
        tuple(shown),
        lines=tuple(lines),
    )


def meetings_slide(con, period: Period, label: str, k: int | None = None) -> Slide:
    """The network at work: meetings, structures met, experts, initiatives, groups, sectors."""
    values = compute_kpis(con, period, only=list(MEETINGS))
    shown, lines = told(public_figures(values, MEETINGS, k), k)
    roles = content.directory(con, period, None, None)
    sectors = sorted(set(roles.loc[roles["role"] == "partenaire", "sector"].dropna()))
    if sectors:
        # Sector names only: how many partners each has would be a small count.
        lines.insert(0, texts.PARTNER_SECTORS.format(sectors=", ".join(sectors)))
    return Slide(
        "rencontres",
        texts.MEETINGS_TITLE,
        texts.MEETINGS_SUBTITLE.format(period=label),
        tuple(shown),
        lines=tuple(lines),
    )


def closing_slide(ref, name: str, demo: bool, end: dt.date, k: int | None = None) -> Slide:
    """The data's date, the network, the privacy rule and the territory sources, in plain words."""
    k = resolve_k(k)
    editions = {r["dataset"]: r["edition"] for r in db.rows(ref, "sources")}
    lines = [
        texts.DATA_DATE.format(date=formats.date(end)),
        texts.DATA_WORKSPACE.format(name=name),
    ]
    if demo:
        lines.append(texts.DATA_DEMO)
    lines += [
        texts.PRIVACY.format(k=formats.number(k), max=formats.number(k - 1)),
        _sources_line(editions.get(GEOGRAPHY_SOURCE, "")),
        texts.SOURCES_MORE,
    ]
    return Slide("fin", texts.CLOSING_TITLE, texts.CLOSING_SUBTITLE, lines=tuple(lines))


# The geography year of the territory figures: the commune list's edition ("COG 2025").
GEOGRAPHY_SOURCE = "Communes (liste et codes)"
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def _sources_line(edition: str) -> str:
    """The sources sentence; the year only, never the edition's technical wording."""
    year = _YEAR.search(edition or "")
    return texts.SOURCES.format(year=year.group(0)) if year else texts.SOURCES_NO_YEAR


def presentable(slide: Slide, k: int | None = None) -> Slide | None:
    """The slide as projected: no zero figure, its masks explained, None when nothing is left."""
    if slide.key == "fin":
        return slide
    figures = tuple(f for f in slide.figures if f.style != STYLE_ZERO)
    shown = any(f.style == STYLE_VALUE for f in figures)
    if not shown and slide.table is None and not slide.panels:
        return None
    values = [f.value for f in figures if f.style == STYLE_SUPPRESSED]
    if slide.table is not None:
        values += [str(v) for v in slide.table.iloc[:, 1:].to_numpy().ravel()]
    rounded = any(f.style == STYLE_VALUE for f in figures) or slide.table is not None
    footnote = _footnote(values, resolve_k(k), rounded)
    return dataclasses.replace(slide, figures=figures, footnote=footnote)


def _footnote(values: list[str], k: int, rounded: bool = False) -> str:
    """What the masks shown on a slide mean: only the kinds of mask that are there."""
    parts = [texts.MASK_ROUNDED.format(k=formats.number(k))] if rounded else []
    if any(v.startswith("<") for v in values):
        small = privacy_texts.SMALL_COUNT.format(k=formats.number(k))
        parts.append(texts.MASK_SMALL.format(small=small, max=formats.number(k - 1)))
    if privacy_texts.SECRET in values:
        parts.append(texts.MASK_SECRET.format(mask=privacy_texts.SECRET, k=formats.number(k)))
    return " ".join(parts)


def slides(con, ref, name: str, demo: bool, k: int | None = None) -> list[Slide]:
    """The forum slides of a workspace, in order: those with something to show."""
    period, label = span(con)
    # Map and reach: the 12 months up to the latest action or session, as on the page carte.
    end = inputs.reference_date(con)
    deck = [
        network_slide(con, name, period, label, k),
        map_slide(con, ref, end, k),
        reach_slide(con, end, k),
        trainings_slide(con, period, label, k),
        experiments_slide(con, period, label, k),
        tour_slide(con, ref, period, label, k),
        resources_slide(con, period, label, k),
        meetings_slide(con, period, label, k),
        closing_slide(ref, name, demo, end, k),
    ]
    return [s for s in (presentable(slide, k) for slide in deck) if s is not None]
