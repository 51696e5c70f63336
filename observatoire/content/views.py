"""The content pages' data: French-labelled tables from the content queries."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from observatoire import db, formats
from observatoire.kpis import BY_ID, Period, compute_kpis
from observatoire.kpis.targets import compute_targets
from observatoire.texts import content as texts

LABEL, COUNT = "label", "count"


def default_year(con, kind: str) -> Period | None:
    """The latest year holding content of ``kind`` (meetings, resources, evaluations, groups)."""
    row = db.rows(con, "content_latest_years")[0]
    return Period.year(int(row[kind])) if row.get(kind) else None


def programme_items(con, programme: str | None) -> pd.DataFrame:
    """The programme's description lines."""
    return db.frame(con, "content_programme_items", programme=programme or None)


def programme_dates(items: pd.DataFrame) -> list[str]:
    """One French line per programme: its dates."""
    lines = []
    for row in items[items["element"] == "programme"].itertuples():
        start = formats.date(row.start_date) if pd.notna(row.start_date) else "?"
        if pd.notna(row.end_date):
            end = formats.date(row.end_date)
            lines.append(texts.PROGRAMME_DATES.format(programme=row.title, start=start, end=end))
        else:
            lines.append(texts.PROGRAMME_OPEN.format(programme=row.title, start=start))
    return lines


def programme_lines(items: pd.DataFrame) -> dict[str, list[str]]:
    """Missions, orientations and phases as French headings -> lines in order."""
    return {
        texts.ELEMENTS[element]: list(items.loc[items["element"] == element, "title"])
        for element in ("mission", "orientation", "phase")
        if (items["element"] == element).any()
    }


def programme_years(items: pd.DataFrame, today: dt.date | None = None) -> list[int]:
    """The years the programme covers, up to this year."""
    dated = items[(items["element"] == "programme") & items["start_date"].notna()]
    if dated.empty:
        return []
    this_year = (today or dt.date.today()).year
    first = int(pd.Timestamp(dated["start_date"].min()).year)
    ends = dated["end_date"].dropna()
    last = int(pd.Timestamp(ends.max()).year) if len(ends) == len(dated) else this_year
    return list(range(first, min(last, this_year) + 1))


def progress(con, years: list[int], programme: str | None) -> pd.DataFrame:
    """Each year's KPI values against its yearly targets (only KPIs with a target)."""
    rows = []
    for year in years:
        targets = compute_targets(con, str(year), programme)
        if not targets:
            continue
        values = compute_kpis(con, str(year), programme, only=list(targets))
        for kpi_id, target in targets.items():
            value = values[kpi_id]
            rate = None if value is None or not target else round(100 * value / target)
            rows.append(
                {
                    texts.YEAR: str(year),
                    texts.INDICATOR: BY_ID[kpi_id].label,
                    texts.VALUE: value,
                    texts.TARGET: target,
                    texts.RATE: rate,
                }
            )
    columns = [texts.YEAR, texts.INDICATOR, texts.VALUE, texts.TARGET, texts.RATE]
    return pd.DataFrame(rows, columns=columns)


def _breakdown(values: pd.Series, labels: dict | None = None) -> pd.DataFrame:
    named = values.map(lambda v: (labels or {}).get(v, v) if isinstance(v, str) else v)
    table = named.fillna("—").value_counts().rename_axis(LABEL).reset_index(name=COUNT)
    return table.sort_values([COUNT, LABEL], ascending=[False, True], ignore_index=True)


def meetings_by_type(con, period: Period, programme, department) -> pd.DataFrame:
    """Meetings by French type, ``label``/``count``."""
    found = db.frame(
        con,
        "content_meetings_by_type",
        start=period.start,
        end=period.end,
        programme=programme or None,
        department=department or None,
    )
    table = found.assign(label=found["type"].map(texts.MEETING_TYPES))
    table = table.groupby("label", as_index=False)["meetings"].sum()
    table.columns = [LABEL, COUNT]
    return table.sort_values([COUNT, LABEL], ascending=[False, True], ignore_index=True)


def directory(con, period: Period, programme, department) -> pd.DataFrame:
    """Actors with a network role (names and places, never contacts)."""
    return db.frame(
        con,
        "content_directory_roles",
        end=period.end,
        programme=programme or None,
        department=department or None,
    )


def network_breakdowns(roles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Experts and initiatives by field, partners by sector (titles -> ``label``/``count``)."""
    return {
        texts.EXPERTS_BY_FIELD: _breakdown(roles.loc[roles["role"] == "expert", "category"]),
        texts.INITIATIVES_BY_FIELD: _breakdown(
            roles.loc[roles["role"] == "initiative", "category"]
        ),
        texts.PARTNERS_BY_SECTOR: _breakdown(roles.loc[roles["role"] == "partenaire", "sector"]),
    }


def directory_table(roles: pd.DataFrame) -> pd.DataFrame:
    """The directory as shown to staff: role, structure, field or sector, commune."""
    return pd.DataFrame(
        {
            texts.ROLE: roles["role"].map(texts.ROLES),
            texts.NAME: roles["name"],
            texts.FIELD: roles["category"],
            texts.SECTOR: roles["sector"],
            texts.COMMUNE: roles["commune"],
        }
    )


def groups(con, period: Period, programme, department=None) -> pd.DataFrame:
    """Groups active in the period with their members (of ``department`` when given) and
    to-do lists, French columns."""
    found = db.frame(
        con,
        "content_groups",
        start=period.start,
        end=period.end,
        programme=programme or None,
        department=department or None,
    )
    return pd.DataFrame(
        {
            texts.GROUP: found["name"],
            texts.TYPE: found["type"].map(lambda t: texts.GROUP_TYPES.get(t, "—")),
            texts.START: found["start_date"].map(_day),
            texts.END: found["end_date"].map(_day),
            texts.PEOPLE: found["people"].astype(int),
            texts.TODO: found["todo_lists"].astype("Int64"),
        }
    )


def _day(value) -> str:
    return formats.date(value) if pd.notna(value) else ""


def progression(
    con, period: Period, programme, k: int | None = None, department=None
) -> pd.DataFrame:
    """Mean scores before and after per dimension; with ``k``, dimensions answered by fewer
    than ``k`` people lose their means and counts (a mean of one person is their answer)."""
    found = db.frame(
        con,
        "content_evaluation_dimensions",
        start=period.start,
        end=period.end,
        programme=programme or None,
        department=department or None,
    )
    table = pd.DataFrame(
        {
            texts.DIMENSION: found["dimension"],
            texts.RESPONDENTS: found["respondents"].astype(int),
            texts.BEFORE: found["mean_before"].round(1),
            texts.AFTER: found["mean_after"].round(1),
            texts.PROGRESSING: found["progressing"].astype(int),
        }
    )
    if k is not None:
        small = table[texts.RESPONDENTS] < k
        table = table[~small].reset_index(drop=True)
    return table


def progression_shown(table: pd.DataFrame) -> pd.DataFrame:
    """The progression table as read: means with one French decimal (``6,5``)."""
    means = {c: table[c].map(lambda v: formats.number(v, 1)) for c in (texts.BEFORE, texts.AFTER)}
    return table.assign(**means)


def progression_long(table: pd.DataFrame) -> pd.DataFrame:
    """The progression table in long form for a grouped chart: dimension, moment, score."""
    return table.melt(
        texts.DIMENSION, [texts.BEFORE, texts.AFTER], var_name=texts.MOMENT, value_name=texts.SCORE
    )


def resources_by_month(con, period: Period, programme, department=None) -> pd.DataFrame:
    """Resources per month of the period (rows) and French type (columns)."""
    found = db.frame(
        con,
        "content_resources_by_month",
        start=period.start,
        end=period.end,
        programme=programme or None,
        department=department or None,
    )
    months = [m.key for m in period.months()]
    if found.empty:
        return pd.DataFrame({"month": months})
    wide = found.pivot_table(
        index="month", columns="type", values="resources", aggfunc="sum", fill_value=0
    )
    wide = wide.reindex(months, fill_value=0).rename(columns=texts.RESOURCE_TYPES)
    return wide.reset_index().rename(columns={"index": "month"})


def tour_rows(con, period: Period, programme, department) -> pd.DataFrame:
    """The tours' stops of the period as stored, in date order, numbered within their tour."""
    return db.frame(
        con,
        "content_tour_stops",
        start=period.start,
        end=period.end,
        programme=programme or None,
        department=department or None,
    )


def tour_stops(rows: pd.DataFrame) -> pd.DataFrame:
    """The stops of ``tour_rows`` with French columns."""
    return pd.DataFrame(
        {
            texts.TOUR: rows["tour"],
            texts.STOP: rows["stop"].astype(int),
            texts.COMMUNE: rows["commune"],
            texts.DEPARTMENT: rows["department_code"],
            texts.START: rows["start_date"].map(_day),
            texts.END: rows["end_date"].map(_day),
            texts.DAYS: rows["days"].astype(int),
            texts.VISITORS: rows["visitors"].astype("Int64"),
        }
    )
