"""Widgets of the review page: period and comparison in the URL, cards, note, freeze, exports."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from observatoire import formats
from observatoire.activities import common
from observatoire.kpis import Period
from observatoire.periods import Comparison
from observatoire.privacy import Viewer
from observatoire.reports import charts as report_charts
from observatoire.reports import content
from observatoire.reports.html import build_html
from observatoire.reports.pdf import build_pdf
from observatoire.reports.xlsx import build_xlsx
from observatoire.review import notes, snapshots
from observatoire.review.monthly import Review, review, target_text
from observatoire.texts import reports as report_texts
from observatoire.texts import review as texts
from observatoire.ui import charts, connections, plain
from observatoire.ui.exports import XLSX_MIME
from observatoire.ui.url import url_comparison, url_department, url_period, url_programme
from observatoire.workspace.safe_write import VerifyFailed, WorkspaceLocked
from observatoire.workspace.version import file_version

FLASH = "review_flash"  # a success message shown once after the rerun that follows a write


def url_review_period(con, container=None) -> Period:
    """The review period (a month by default; a year, a range or a shortcut), ``?periode=``."""
    return url_period(
        con,
        container,
        common.default_month(con),
        label=texts.MONTH,
        hint=texts.MONTH_HELP,
        shortcuts=True,
    )


def filters(con) -> tuple[Period, Comparison, str | None, str | None]:
    """Period, comparison, programme and department side by side, all in the URL."""
    left, compare, middle, right = st.columns(4)
    names = common.departments(con)
    period = url_review_period(con, left)
    return (
        period,
        url_comparison(compare),
        url_programme(con, middle),
        url_department(names, right),
    )


def department_name(con, code: str | None) -> str | None:
    """The French name of a department of the workspace."""
    return common.departments(con).get(code) if code else None


@st.cache_data(show_spinner=False, max_entries=32)
def _review(
    path: str,
    version: tuple[int, int],
    period: Period,
    compare: str,
    programme: str | None,
    department: str | None,
    workspace: str,
    department_name: str | None,
) -> Review:
    """The review, computed once per workspace file version and filters."""
    con = connections.workspace(Path(path))
    return review(
        con,
        period,
        programme,
        department,
        compare=compare,
        workspace=workspace,
        department_name=department_name,
    )


def monthly_review(
    ctx,
    con,
    period: Period,
    programme: str | None,
    department: str | None,
    compare: Comparison | str = Comparison.PREVIOUS,
):
    """The page's data (cached: a write or an import makes a new file version)."""
    path = ctx.workspace.path
    return _review(
        str(path),
        file_version(path),
        period,
        Comparison(compare).value,
        programme,
        department,
        ctx.workspace.label,
        department_name(con, department),
    )


def author(ctx) -> str:
    """Who writes: the signed-in login, or the local-mode label."""
    if ctx.viewer.login:
        return ctx.viewer.login
    return texts.LOCAL_AUTHOR if ctx.local else texts.UNKNOWN_AUTHOR


def flash() -> None:
    """The message left by the last write, once."""
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message)


def summary(review: Review) -> None:
    """The "what changed" paragraph, from the figures below it."""
    from observatoire.review.summary import what_changed

    st.subheader(texts.SUMMARY)
    st.markdown(what_changed(review, review.departments_before))


def cards(viewer: Viewer, review: Review) -> None:
    """KPI cards with the change against the compared period and a line on the target."""
    from observatoire.ui.cards import kpi_cards

    f = review.filters  # the workspace and programme names are imported text: escaped
    st.caption(
        texts.FILTERS.format(
            workspace=plain.md(f.workspace),
            period=f.period.label,
            programme=plain.md(f.programme_label),
            department=plain.md(f.department_label),
        )
    )
    st.subheader(texts.CARDS)
    period = review.filters.period
    ids = [c.kpi_id for c in review.cards]
    captions = {c.kpi_id: target_text(c, period) for c in review.cards}
    st.caption(texts.CHANGE_VS.format(previous=review.previous_phrase))
    if review.filters.department:
        st.caption(texts.NO_TARGET_DEPARTMENT)
    kpi_cards(
        viewer,
        review.values,
        ids,
        per_row=4,
        changes={c.kpi_id: c.change for c in review.cards},
        captions=captions,
    )


def trends(review: Review) -> None:
    """Monthly small multiples (12 months or the period's) with the target, and their table."""
    st.subheader(texts.TRENDS)
    chart = report_charts.trend_chart(review.trends, width=420, height=160)
    charts.show(chart, report_charts.trend_table(review.trends))


# Pixel widths of the sessions table's columns on screen (None: Streamlit's own).
SESSION_WIDTHS = {
    "month": 85,
    "start_date": 88,
    "type": 95,
    "title": 345,
    "commune": 175,
    "attendances": 110,
}


def sessions(review: Review) -> None:
    """The sessions of the period and of the compared one."""
    st.subheader(texts.SESSIONS)
    if review.sessions.empty:
        st.caption(texts.NO_SESSION)
        return
    table = content.sessions(review)
    # On screen the identifier gives way to the title and the count (the exports keep it); the
    # widths make every column fit a 1400 px window, a narrower one scrolls sideways.
    shown = [c for c in table.columns if c != texts.SESSION_COLUMNS["session_id"]]
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_order=shown,
        column_config={
            name: st.column_config.Column(width=SESSION_WIDTHS.get(key))
            for key, name in texts.SESSION_COLUMNS.items()
            if name in shown
        },
    )


def evaluation(review: Review) -> None:
    """The evaluation's before/after progression: share progressing, chart and table."""
    from observatoire.ui.content import progression_chart

    st.subheader(report_texts.EVALUATION)
    st.markdown(content.progression_line(review))
    table = content.progression(review)
    if table is None:
        return
    progression_chart(review.progression)
    st.dataframe(table, hide_index=True, width="stretch")


def departments(review: Review) -> None:
    """The per-department table."""
    st.subheader(texts.DEPARTMENTS)
    st.dataframe(content.departments(review), hide_index=True, width="stretch")


def _write(action, success: str) -> None:
    """Run a workspace write, then drop the stale connection and rerun with a message."""
    try:
        backup = action()
    except WorkspaceLocked:
        st.error(texts.WRITE_LOCKED)
        return
    except VerifyFailed as exc:
        st.error(str(exc))
        return
    st.session_state[FLASH] = success.format(backup=backup.name if backup else "—")
    st.rerun()


def note(ctx, review: Review) -> None:
    """The month's "faits marquants": editable by coordination, read by the committee."""
    st.subheader(texts.NOTES)
    if not review.filters.monthly:
        st.info(texts.MONTH_ONLY.format(period=review.filters.period.label))
        return
    current = review.note
    if current is not None:
        st.caption(
            texts.NOTE_UPDATED.format(
                date=formats.date(current.updated_at), author=current.author or texts.UNKNOWN_AUTHOR
            )
        )
    if not ctx.viewer.may_write_review:
        st.markdown(current.text if current and current.text else texts.NOTE_EMPTY)
        st.caption(texts.NOTE_READ_ONLY)
        return
    f = review.filters
    key = f"review_note_{f.period.key}_{f.programme or ''}"
    text = st.text_area(
        texts.NOTE_LABEL,
        value=current.text if current else "",
        help=texts.NOTE_HELP,
        max_chars=notes.MAX_LENGTH,
        key=key,
        height=140,
    )
    if st.button(texts.NOTE_SAVE, key="review_note_save"):
        path = ctx.workspace.path
        _write(
            lambda: _saved(path, notes.save(path, f.period.key, f.programme, text, author(ctx))),
            texts.NOTE_SAVED,
        )


def _saved(path, backup):
    """Forget the cached connection to a file this process has just replaced."""
    connections.release(path)
    return backup


def freeze(ctx, con, review: Review) -> None:
    """« Figer le mois », the list of frozen months, and frozen against current values."""
    st.subheader(texts.SNAPSHOTS)
    f = review.filters
    snap = review.snapshot
    if not f.monthly:
        st.info(texts.MONTH_ONLY.format(period=f.period.label))
    elif snap is None:
        st.info(texts.NOT_FROZEN)
    else:
        st.caption(
            texts.FROZEN_ON.format(
                date=formats.date(snap.frozen_at), author=snap.frozen_by or texts.UNKNOWN_AUTHOR
            )
        )
        comparison(review)
    if ctx.viewer.may_write_review and f.monthly:
        label = texts.FREEZE if snap is None else texts.FREEZE_AGAIN
        if st.button(label, help=texts.FREEZE_HELP, key="review_freeze"):
            path = ctx.workspace.path
            values = review.values
            _write(
                lambda: _saved(
                    path,
                    snapshots.freeze(
                        path, f.period.key, f.programme, f.department, values, author(ctx)
                    ),
                ),
                texts.FROZEN.replace("{count}", str(len(values))),
            )
    elif not ctx.viewer.may_write_review:
        st.caption(texts.FREEZE_READ_ONLY)
    listing = snapshots.listing(con)
    if listing.empty:
        st.caption(texts.NO_SNAPSHOT)
        return
    shown = listing.assign(
        month=listing["month"].map(formats.month_label),
        frozen_at=listing["frozen_at"].map(formats.date),
        programme=listing["programme"].replace("", texts.ALL_PROGRAMMES),
        department=listing["department"].replace("", texts.ALL_DEPARTMENTS),
    ).rename(columns=texts.SNAPSHOT_LIST_COLUMNS)
    st.dataframe(shown, hide_index=True, width="stretch")


def comparison(review: Review) -> None:
    """Frozen against current values, changed rows highlighted."""
    table = content.comparison(review)
    changed = list(review.comparison["changed"])
    count = sum(changed)
    st.markdown(f"**{texts.COMPARISON}**")
    if count:
        st.warning(texts.DIFFERENCES.format(count=count))
    else:
        st.caption(texts.NO_DIFFERENCE)
    styled = table.style.apply(
        lambda row: (
            ["background-color: #fff1d6; font-weight: 600" if changed[row.name] else ""] * len(row)
        ),
        axis=1,
    )
    st.dataframe(styled, hide_index=True, width="stretch")


def exports(ctx, review: Review) -> None:
    """HTML, PDF and XLSX downloads, each built only when clicked."""
    st.subheader(texts.EXPORTS)
    demo = bool(ctx.workspace and ctx.workspace.demo)
    period = review.filters.period
    stem = f"revue-{period.key if period.kind != 'range' else f'{period.start}_{period.end}'}"
    buttons = (
        (texts.DOWNLOAD_HTML, lambda: build_html(review, demo=demo), "html", "text/html"),
        (texts.DOWNLOAD_PDF, lambda: build_pdf(review, demo=demo), "pdf", "application/pdf"),
        (texts.DOWNLOAD_XLSX, lambda: build_xlsx(review), "xlsx", XLSX_MIME),
    )
    for column, (label, data, suffix, mime) in zip(st.columns(3), buttons, strict=True):
        column.download_button(
            label,
            data=data,
            file_name=f"{stem}.{suffix}",
            mime=mime,
            key=f"review_{suffix}",
            on_click="ignore",
        )
