"""The KPI catalogue: every indicator defined once, in display order."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from observatoire import formats
from observatoire.texts import kpis as texts


class Unit(StrEnum):
    """What a KPI value counts; decides how it is formatted."""

    COUNT = "nombre"
    DAYS = "jours"
    PEOPLE = "personnes"
    SHARE = "%"  # stored as a share in [0, 1]
    INDEX = "indice"


class Group(StrEnum):
    """The catalogue's sections, in display order."""

    ACTORS = "acteurs"
    TRAININGS = "formations"
    WEBINARS = "webinaires"
    SESSIONS = "sessions"
    EXPERIMENTS = "experimentations"
    ACTIONS = "actions"
    COVERAGE = "couverture"


@dataclass(frozen=True)
class Kpi:
    """One indicator: its id, French label and definition, unit, query and group."""

    id: str
    label: str
    unit: Unit
    definition: str
    cumulative: bool  # a yearly target is prorated for the year to date (flows, not stocks)
    query: str  # queries/<query>.sql returns one row with a column named after the id (or COVERAGE_QUERY)
    group: Group

    @property
    def group_label(self) -> str:
        """The French name of the KPI's section."""
        return texts.GROUPS[self.group]

    @property
    def tables(self) -> tuple[str, ...]:
        """The workspace tables its value is computed from."""
        return SOURCE_TABLES[self.query]

    @property
    def whole(self) -> bool:
        """Whether it counts whole things or people (small counts are masked for the public)."""
        return self.unit in (Unit.COUNT, Unit.PEOPLE)


def _kpi(id: str, unit: Unit, cumulative: bool, query: str, group: Group) -> Kpi:
    """A catalogue entry, its label and definition taken from the French texts."""
    return Kpi(id, texts.LABELS[id], unit, texts.DEFINITIONS[id], cumulative, query, group)


# Not a query file: observatoire.coverage.kpis computes the coverage KPIs (SQL and geometry) from
# the activities of queries/period_activities.sql.
COVERAGE_QUERY = "coverage_kpis"

# The workspace tables each query reads (the KPI dictionary states them).
SOURCE_TABLES: dict[str, tuple[str, ...]] = {
    "kpi_actors": ("actors",),
    "kpi_trainings": ("sessions", "attendances", "people"),
    "kpi_webinars": ("sessions", "attendances"),
    "kpi_sessions": ("sessions", "attendances"),
    "kpi_experiments": ("experiments",),
    "kpi_actions": ("actions",),
    COVERAGE_QUERY: ("actions", "sessions", "actors"),
}

_U, _G = Unit, Group
_ROWS: list[tuple[str, Unit, bool, str, Group]] = [
    ("actors_total", _U.COUNT, False, "kpi_actors", _G.ACTORS),
    ("actors_new", _U.COUNT, True, "kpi_actors", _G.ACTORS),
    ("actors_circle_1", _U.COUNT, False, "kpi_actors", _G.ACTORS),
    ("actors_circle_2", _U.COUNT, False, "kpi_actors", _G.ACTORS),
    ("actors_circle_3", _U.COUNT, False, "kpi_actors", _G.ACTORS),
    ("departments_with_actor", _U.COUNT, False, "kpi_actors", _G.ACTORS),
    ("training_sessions", _U.COUNT, True, "kpi_trainings", _G.TRAININGS),
    ("training_days", _U.DAYS, True, "kpi_trainings", _G.TRAININGS),
    ("training_attendances", _U.COUNT, True, "kpi_trainings", _G.TRAININGS),
    ("training_participants", _U.PEOPLE, True, "kpi_trainings", _G.TRAININGS),
    ("training_participants_women", _U.PEOPLE, True, "kpi_trainings", _G.TRAININGS),
    ("training_participants_men", _U.PEOPLE, True, "kpi_trainings", _G.TRAININGS),
    ("training_participants_volunteers", _U.PEOPLE, True, "kpi_trainings", _G.TRAININGS),
    ("training_participants_employees", _U.PEOPLE, True, "kpi_trainings", _G.TRAININGS),
    ("training_structures", _U.COUNT, True, "kpi_trainings", _G.TRAININGS),
    ("webinar_sessions", _U.COUNT, True, "kpi_webinars", _G.WEBINARS),
    ("webinar_attendances", _U.COUNT, True, "kpi_webinars", _G.WEBINARS),
    ("webinar_participants", _U.PEOPLE, True, "kpi_webinars", _G.WEBINARS),
    ("sessions_total", _U.COUNT, True, "kpi_sessions", _G.SESSIONS),
    ("sessions_participants", _U.PEOPLE, True, "kpi_sessions", _G.SESSIONS),
    ("sessions_participants_new", _U.PEOPLE, True, "kpi_sessions", _G.SESSIONS),
    ("regroupement_sessions", _U.COUNT, True, "kpi_sessions", _G.SESSIONS),
    ("regroupement_participants", _U.PEOPLE, True, "kpi_sessions", _G.SESSIONS),
    ("atelier_sessions", _U.COUNT, True, "kpi_sessions", _G.SESSIONS),
    ("atelier_participants", _U.PEOPLE, True, "kpi_sessions", _G.SESSIONS),
    ("sensibilisation_sessions", _U.COUNT, True, "kpi_sessions", _G.SESSIONS),
    ("sensibilisation_participants", _U.PEOPLE, True, "kpi_sessions", _G.SESSIONS),
    ("experiments_total", _U.COUNT, False, "kpi_experiments", _G.EXPERIMENTS),
    ("experiments_active", _U.COUNT, False, "kpi_experiments", _G.EXPERIMENTS),
    ("experiments_completed", _U.COUNT, False, "kpi_experiments", _G.EXPERIMENTS),
    ("experiments_planned", _U.COUNT, False, "kpi_experiments", _G.EXPERIMENTS),
    ("actions_total", _U.COUNT, True, "kpi_actions", _G.ACTIONS),
    ("actions_audience", _U.PEOPLE, True, "kpi_actions", _G.ACTIONS),
    # A month's coverage is measured over a rolling 12 months, so a yearly target is never
    # prorated.
    ("communes_reached", _U.COUNT, False, COVERAGE_QUERY, _G.COVERAGE),
    ("rural_communes_reached", _U.COUNT, False, COVERAGE_QUERY, _G.COVERAGE),
    ("qpv_reached", _U.COUNT, False, COVERAGE_QUERY, _G.COVERAGE),
    ("population_within_15km_share", _U.SHARE, False, COVERAGE_QUERY, _G.COVERAGE),
    ("rural_representation_index", _U.INDEX, False, COVERAGE_QUERY, _G.COVERAGE),
]

KPIS: tuple[Kpi, ...] = tuple(_kpi(*row) for row in _ROWS)
KPI_IDS: frozenset[str] = frozenset(k.id for k in KPIS)
BY_ID: dict[str, Kpi] = {k.id: k for k in KPIS}


def group_ids(group: Group) -> list[str]:
    """The ids of one catalogue section, in catalogue order (what a page's cards show)."""
    return [k.id for k in KPIS if k.group == group]


COVERAGE_IDS: tuple[str, ...] = tuple(k.id for k in KPIS if k.query == COVERAGE_QUERY)

# The product contract's fixed ids; external checks rely on them, so they never change.
FIXED_IDS: frozenset[str] = frozenset(
    [
        "actors_total",
        "actors_new",
        "actors_circle_1",
        "actors_circle_2",
        "actors_circle_3",
        "departments_with_actor",
        "training_sessions",
        "training_days",
        "training_attendances",
        "training_participants",
        "training_participants_women",
        "training_participants_men",
        "training_participants_volunteers",
        "training_participants_employees",
        "training_structures",
        "webinar_sessions",
        "webinar_attendances",
        "webinar_participants",
        "experiments_total",
        "experiments_active",
        "experiments_completed",
        "actions_total",
        "actions_audience",
        "communes_reached",
        "rural_communes_reached",
        "qpv_reached",
        "population_within_15km_share",
        "rural_representation_index",
    ]
)


def kpi_value(kpi, value) -> str:
    """A KPI value formatted by its unit; ``kpi`` is a catalogue entry or a KPI id."""
    unit = (BY_ID[kpi] if isinstance(kpi, str) else kpi).unit
    if value is None or value != value:  # None or NaN: the dash of every missing number
        return formats.number(None)
    if unit == Unit.SHARE:
        return formats.percent(value)
    if unit == Unit.INDEX:
        return formats.number(value, 2)
    if unit == Unit.DAYS:
        # Half days happen; whole days read better without ",0".
        return formats.number(value, 0 if float(value).is_integer() else 1)
    return formats.number(value)
