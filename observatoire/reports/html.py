"""The printable HTML report of a review: one self-contained file, no external URL."""

from __future__ import annotations

import html

import pandas as pd

from observatoire import theme
from observatoire.reports import charts, content, vega
from observatoire.review.monthly import Review, generated_on
from observatoire.texts import reports as texts
from observatoire.texts import review as review_texts

CSS = (
    """
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1d2733; margin: 2rem auto;
       max-width: 60rem; line-height: 1.4; }
h1 { color: PRIMARY; font-size: 1.6rem; margin-bottom: .2rem; }
h2 { color: PRIMARY; font-size: 1.2rem; border-bottom: 1px solid #c8d3df; margin-top: 1.6rem; }
.sub { color: #4a5a6a; margin-top: 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid #c8d3df; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef3f8; }
td.n { text-align: right; white-space: nowrap; }
tr.changed td { background: #fff1d6; font-weight: 600; }
.filters td:first-child { width: 12rem; font-weight: 600; }
.note { white-space: pre-wrap; border-left: 4px solid PRIMARY; padding: .4rem .8rem;
        background: #f6f9fc; }
.chart svg { max-width: 100%; height: auto; }
footer { margin-top: 2rem; font-size: .8rem; color: #4a5a6a; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
               table, .chart { break-inside: avoid; } }
"""
).replace("PRIMARY", theme.PRIMARY)


def _table(frame: pd.DataFrame, numeric: set[str] = frozenset(), highlight=None) -> str:
    """An HTML table, every cell escaped; ``highlight`` marks rows (a list of booleans)."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = []
    for i, row in enumerate(frame.itertuples(index=False)):
        cells = "".join(
            f'<td class="n">{html.escape(str(v))}</td>'
            if c in numeric
            else f"<td>{html.escape(str(v))}</td>"
            for c, v in zip(frame.columns, row, strict=True)
        )
        marked = ' class="changed"' if highlight is not None and highlight[i] else ""
        body.append(f"<tr{marked}>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _progression(review: Review) -> list[str]:
    """The progression table, when someone answered."""
    table = content.progression(review)
    return [] if table is None else [_table(table, set(table.columns[1:]))]


def build_html(review: Review, *, demo: bool = False, chart_svg: str | None = None) -> str:
    """The report as one HTML document (charts inlined as SVG)."""
    f = review.filters
    svg = (
        chart_svg
        if chart_svg is not None
        else vega.to_svg(charts.trend_chart(review.trends).to_dict())
    )
    filters = "".join(
        f"<tr><td>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
        for k, v in content.filters(review)
    )
    kpis = content.kpis(review)
    numeric_kpis = {kpis.columns[i] for i in (1, 2, 3)}
    departments = content.departments(review)
    numeric_departments = set(departments.columns[2:])
    parts = [
        "<!DOCTYPE html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        f"<title>{html.escape(texts.TITLE)} · {html.escape(f.period.label)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{html.escape(texts.TITLE)}</h1>",
        f'<p class="sub">{html.escape(texts.SUBTITLE.format(period=f.period.label, workspace=f.workspace))}</p>',
        f"<h2>{html.escape(texts.FILTERS)}</h2>",
        f'<table class="filters"><tbody>{filters}</tbody></table>',
    ]
    if demo:
        parts.append(f"<p><em>{html.escape(texts.DEMO)}</em></p>")
    parts += [
        f"<h2>{html.escape(texts.KPIS)}</h2>",
        _table(kpis, numeric_kpis),
        f"<h2>{html.escape(review_texts.SESSIONS)}</h2>",
        _table(content.sessions(review), {review_texts.SESSION_COLUMNS["attendances"]})
        if not review.sessions.empty
        else f"<p>{html.escape(review_texts.NO_SESSION)}</p>",
        f"<h2>{html.escape(texts.TRENDS)}</h2>",
        f'<div class="chart" role="img" aria-label="{html.escape(texts.TRENDS)}">{svg}</div>',
        f"<p>{html.escape(texts.TREND_CAPTION)}</p>",
        _table(charts.trend_table(review.trends)),
        f"<h2>{html.escape(texts.DEPARTMENTS)}</h2>",
        _table(departments, numeric_departments),
        f"<h2>{html.escape(texts.EVALUATION)}</h2>",
        f"<p>{html.escape(content.progression_line(review))}</p>",
        *_progression(review),
        f"<h2>{html.escape(texts.NOTES)}</h2>",
        f'<div class="note">{html.escape(content.note_text(review))}</div>',
        f"<p>{html.escape(content.frozen_line(review))}</p>",
    ]
    compared = content.comparison(review)
    if compared is not None:
        parts.append(
            _table(compared, set(compared.columns[1:]), list(review.comparison["changed"]))
        )
    parts.append(f"<footer>{html.escape(texts.GENERATED.format(date=generated_on()))}</footer>")
    parts.append("</body></html>")
    return "\n".join(parts)
