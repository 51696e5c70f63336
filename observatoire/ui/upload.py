"""The upload widgets of the page donnees: Streamlit state around ``importing.session``."""

from __future__ import annotations

import contextlib
import math
import tempfile

import streamlit as st

from observatoire import formats, quality
from observatoire.importing import UnreadableFile, UsageError, VerifyFailed, WorkspaceLocked
from observatoire.importing import session as imports
from observatoire.importing.columns import KINDS
from observatoire.importing.readers import max_import_mb
from observatoire.paths import data_dir
from observatoire.texts import donnees as texts
from observatoire.texts import importing as import_texts
from observatoire.ui import connections, links, plain, url
from observatoire.ui.workspaces import Workspace

STAGED = "donnees_staged"  # (upload id, TemporaryDirectory, StagedFile)
DRY = "donnees_dry_run"  # the last DryRun
DONE = "donnees_done"  # French messages of the last import, shown after the rerun
DONE_PAGES = "donnees_done_pages"  # (page stems, workspace stem) to link to after the rerun
UPLOADS = "donnees_uploads"  # a counter in the uploader's key: a new key empties the widget


@st.cache_data(show_spinner=False)
def _template() -> bytes:
    """The template workbook (small: built once per process)."""
    return imports.template_bytes()


def template_button() -> None:
    """Download of the template workbook."""
    st.download_button(
        texts.TEMPLATE_BUTTON,
        _template(),
        file_name=texts.TEMPLATE_FILE,
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        key="donnees_template",
    )


def _staged(uploaded) -> imports.StagedFile:
    """The uploaded file on disk, written once per upload (reruns reuse it)."""
    held = st.session_state.get(STAGED)
    if held is None or held[0] != uploaded.file_id:
        # The folder is removed when the session forgets it (new upload or session end).
        folder = tempfile.TemporaryDirectory(prefix="observatoire-upload-")
        staged = imports.stage(uploaded.name, uploaded.getvalue(), folder.name)
        st.session_state[STAGED] = (uploaded.file_id, folder, staged)
        st.session_state.pop(DRY, None)
    return st.session_state[STAGED][2]


class _Halt(Exception):
    """Ends the import flow for this run; the other panels of the page still render."""


def _refuse(message: str) -> None:
    """A French refusal that ends the flow; nothing was written."""
    st.error(f"{message}\n\n{texts.NOTHING_CHANGED}")
    raise _Halt


def _show_preview(sheets) -> None:
    """One summary table of the sheets; each sheet's mapping and first rows on demand."""
    st.subheader(texts.PREVIEW_TITLE)
    st.dataframe(imports.summary_table(sheets), hide_index=True, width="stretch")
    examples = sum(s.examples for s in sheets)
    if examples:
        st.warning(texts.EXAMPLES_FOUND.format(count=formats.number(examples)))
    for sheet in sheets:
        if sheet.missing:
            st.warning(
                plain.fill("{sheet} : ", sheet=sheet.sheet)
                + plain.fill(texts.MISSING_COLUMNS, columns=", ".join(sheet.missing))
            )
    read = [s for s in sheets if s.kind and s.total_rows]
    if read:
        st.caption(texts.DETAILS_CAPTION)
    for sheet in read:
        title = plain.fill(
            texts.SHEET_TITLE,
            sheet=sheet.sheet,
            kind=import_texts.KIND_LABELS[sheet.kind],
            rows=formats.number(sheet.total_rows),
        )
        with st.expander(title, expanded=False):
            left, right = st.columns([2, 3])
            left.dataframe(imports.mapping_table(sheet), hide_index=True, width="stretch")
            right.caption(texts.FIRST_ROWS)
            right.dataframe(imports.first_rows(sheet), hide_index=True, width="stretch")


def _target(workspaces: list[Workspace], current: Workspace | None):
    """The destination workspace file chosen by the user (or a refusal)."""
    st.subheader(texts.TARGET_TITLE)
    stems = [w.stem for w in workspaces if w.readable]
    labels = {w.stem: w.label for w in workspaces}
    modes = [texts.TARGET_EXISTING, texts.TARGET_NEW] if stems else [texts.TARGET_NEW]
    mode = st.radio(texts.TARGET_MODE, modes, horizontal=True, key="donnees_mode")
    if mode == texts.TARGET_EXISTING:
        default = stems.index(current.stem) if current and current.stem in stems else 0
        stem = st.selectbox(
            texts.TARGET_PICK,
            stems,
            index=default,
            format_func=labels.get,
            key="donnees_target",
        )
        return imports.target_path(data_dir(), existing=stem), labels[stem]
    name = st.text_input(
        texts.TARGET_NEW_NAME, placeholder=texts.TARGET_NEW_PLACEHOLDER, key="donnees_new"
    )
    try:
        path = imports.target_path(data_dir(), new_name=name)
    except imports.ImportRefused as exc:
        st.info(str(exc))
        raise _Halt from exc
    return path, path.stem


def _show_kpi_changes(report) -> None:
    """« Ce que ce fichier change »: each KPI of the current period the file moves."""
    table = imports.kpi_change_table(report)
    if table is None:
        return
    period = report.kpi_changes.period.label
    st.markdown(f"**{texts.KPI_CHANGES.format(period=period)}**", help=texts.KPI_CHANGES_HELP)
    if table.empty:
        st.caption(texts.KPI_CHANGES_NONE.format(period=period))
        return
    if all(r.before is None for r in report.kpi_changes.rows):
        st.caption(texts.KPI_CHANGES_NEW.format(period=period))
    st.dataframe(table, hide_index=True, width="stretch")


def _show_report(dry: imports.DryRun, staged: imports.StagedFile) -> None:
    report = dry.report
    st.markdown(imports.count_lines(report))
    _show_kpi_changes(report)
    issues = imports.issues_table(report)
    if issues.empty:
        st.caption(texts.NO_ISSUES)
        return
    with st.expander(texts.ISSUES_TITLE.format(count=formats.number(len(issues))), expanded=True):
        st.dataframe(issues, hide_index=True, width="stretch")
        left, right = st.columns(2)
        stem = staged.path.stem
        left.download_button(
            texts.EXPORT_CSV,
            imports.issues_export(report, "csv"),
            file_name=texts.EXPORT_NAME.format(stem=stem, ext="csv"),
            mime="text/csv",
            key="donnees_export_csv",
        )
        right.download_button(
            texts.EXPORT_XLSX,
            imports.issues_export(report, "xlsx"),
            file_name=texts.EXPORT_NAME.format(stem=stem, ext="xlsx"),
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="donnees_export_xlsx",
        )


def _commit(staged: imports.StagedFile, dry: imports.DryRun, label: str) -> None:
    """Import for real, drop the stale connection, and rerun on the target workspace."""
    try:
        report = imports.commit(staged, dry)
    except (imports.ImportRefused, WorkspaceLocked, VerifyFailed) as exc:
        st.session_state.pop(DRY, None)
        _refuse(str(exc))
    if report.error:
        _refuse(report.error)
    connections.release(dry.target)
    sums = imports.totals(report)
    messages = [
        plain.fill(texts.DONE, target=label, **{k: formats.number(v) for k, v in sums.items()})
        if report.written
        else plain.fill(texts.DONE_NOTHING, target=label)
    ]
    if report.created:
        messages.append(plain.fill(texts.DONE_CREATED, target=label))
    st.session_state[DONE] = messages
    if report.written:
        st.session_state[DONE_PAGES] = (imports.pages_to_see(report), dry.target.stem)
    st.session_state.pop(DRY, None)
    st.session_state.pop(STAGED, None)
    st.session_state[UPLOADS] = st.session_state.get(UPLOADS, 0) + 1
    url.set_param("espace", dry.target.stem)
    st.rerun()


def import_panel(workspaces: list[Workspace], current: Workspace | None) -> None:
    """Template, upload, preview, target, dry run and confirmation."""
    with contextlib.suppress(_Halt):
        _import_flow(workspaces, current)


def _links_to_imported(stems: list[str], workspace: str) -> None:
    """Links to the pages showing what was just imported, in the imported workspace."""
    st.markdown(texts.DONE_SEE)
    columns = st.columns(len(stems))
    for column, stem in zip(columns, stems, strict=True):
        with column:
            links.page_link(stem, params={"espace": workspace})


def _uploader():
    """The file uploader, its limit said in French; Streamlit's English drop zone explained."""
    limit = max_import_mb()
    shown = formats.number(limit, 0 if float(limit).is_integer() else 2)
    streamlit_mb = max(1, math.ceil(limit))  # Streamlit counts whole megabytes
    st.caption(texts.UPLOAD_EXPLAINED.format(streamlit=streamlit_mb))
    return st.file_uploader(
        texts.UPLOAD_LABEL.format(limit=shown),
        type=["xlsx", "ods", "csv"],
        help=texts.UPLOAD_HELP.format(limit=shown),
        max_upload_size=streamlit_mb,
        key=f"donnees_file_{st.session_state.get(UPLOADS, 0)}",
    )


def _import_flow(workspaces: list[Workspace], current: Workspace | None) -> None:
    for message in st.session_state.pop(DONE, []):
        st.success(message)
    done = st.session_state.pop(DONE_PAGES, None)
    if done:
        _links_to_imported(*done)
    st.caption(texts.INTRO)
    template_button()
    uploaded = _uploader()
    if uploaded is None:
        st.session_state.pop(STAGED, None)
        st.session_state.pop(DRY, None)
        return
    staged = _staged(uploaded)
    kind = None
    if staged.is_csv:
        kinds = list(KINDS)
        kind = st.selectbox(
            texts.CSV_KIND,
            kinds,
            index=kinds.index(imports.default_kind(staged)),
            format_func=import_texts.KIND_LABELS.get,
            key="donnees_kind",
        )
    try:
        sheets = imports.inspect(staged, kind)
    except (UnreadableFile, UsageError) as exc:
        _refuse(str(exc))
    _show_preview(sheets)
    if not any(s.kind for s in sheets):
        found = ", ".join(f"« {s.sheet} »" for s in sheets)
        _refuse(
            plain.fill(
                texts.NO_KNOWN_SHEET, name=staged.name, found=found, expected=", ".join(KINDS)
            )
        )
    if not any(s.kind and s.total_rows for s in sheets):
        _refuse(plain.fill(texts.NO_ROWS, name=staged.name))
    target, label = _target(workspaces, current)

    new = not target.exists()
    st.subheader(texts.DRY_RUN_TITLE)
    plain.caption(texts.DRY_RUN_CAPTION_NEW if new else texts.DRY_RUN_CAPTION, target=label)
    dry = st.session_state.get(DRY)
    fresh = dry is not None and (dry.sha256, dry.kind, dry.target) == (
        staged.sha256,
        kind,
        target,
    )
    if st.button(texts.DRY_RUN_BUTTON, key="donnees_dry", type="secondary"):
        dry = imports.dry_run(staged, target, kind)
        fresh = True
        st.session_state[DRY] = dry
    if not fresh:
        return
    if dry.report.error:
        _refuse(dry.report.error)
    st.success(plain.fill(texts.DRY_RUN_DONE_NEW if new else texts.DRY_RUN_DONE, target=label))
    _show_report(dry, staged)

    st.subheader(texts.CONFIRM_TITLE)
    if not dry.report.importable:
        st.info(texts.NOTHING_TO_IMPORT)
        return
    plain.caption(texts.CONFIRM_CAPTION_NEW if new else texts.CONFIRM_CAPTION, target=label)
    button = texts.CONFIRM_BUTTON_NEW if new else texts.CONFIRM_BUTTON
    if st.button(plain.fill(button, target=label), key="donnees_confirm", type="primary"):
        _commit(staged, dry, label)


def history_panel(con) -> None:
    """The imports of the workspace, latest first."""
    table = imports.history(con)
    if table.empty:
        st.info(texts.HISTORY_EMPTY)
        return
    st.dataframe(table, hide_index=True, width="stretch")


def quality_panel(checks, workspace_label: str) -> None:
    """Counts of records to complete, each with its list (or a notice when hidden)."""
    st.caption(
        plain.fill(
            texts.QUALITY_INTRO, workspace=workspace_label, limit=formats.number(quality.LIST_LIMIT)
        )
    )
    columns = st.columns(len(checks))
    for column, check in zip(columns, checks, strict=True):
        column.metric(texts.CHECK_SHORT[check.id], formats.number(check.count))
    for check in checks:
        if not check.count:
            continue
        with st.expander(f"{check.label} : {formats.number(check.count)}"):
            if check.rows is None:
                st.caption(texts.PEOPLE_HIDDEN)
            else:
                st.dataframe(check.rows, hide_index=True, width="stretch")
    if not any(c.count for c in checks):
        st.success(texts.QUALITY_NONE)
