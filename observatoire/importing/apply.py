"""Identity and upsert: compare records with the workspace, count, and write in bulk."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from observatoire import db
from observatoire.importing.validate import Batch, Issue

_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "TINYINT": pa.int8(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "BOOLEAN": pa.bool_(),
    "TIMESTAMP": pa.timestamp("us"),
}
# The query that deletes a table's updated rows before they are inserted again, by record id.
_DELETE_BY_ID = {
    "actors": "import_delete_actors",
    "people": "import_delete_people",
    "sessions": "import_delete_sessions",
    "experiments": "import_delete_experiments",
    "actions": "import_delete_actions",
}
_REJECT_COLUMNS = ("import_id", "severity", "kind", "sheet", "row", "column", "value", "reason")


@dataclass
class TablePlan:
    """What one kind will change in its table."""

    batch: Batch
    existing: int = 0
    inserted: list[dict] = field(default_factory=list)
    updated: list[dict] = field(default_factory=list)
    unchanged: int = 0

    @property
    def table(self) -> str:
        """The workspace table."""
        return self.batch.kind.table

    @property
    def changes(self) -> int:
        """Rows this plan writes."""
        return len(self.inserted) + len(self.updated)


def table_schema(con: duckdb.DuckDBPyConnection, table: str) -> pa.Schema:
    """The Arrow schema matching a workspace table, column for column."""
    cols = db.rows(con, "import_table_columns", table=table)
    return pa.schema([(c["column_name"], _ARROW_TYPES[c["data_type"]]) for c in cols])


def plan(con: duckdb.DuckDBPyConnection, batch: Batch, import_id: int) -> TablePlan:
    """Split a batch's records into inserted, updated and unchanged against the workspace."""
    kind = batch.kind
    columns = table_schema(con, kind.table).names
    existing = {
        tuple(r[k] for k in kind.key): r
        for r in db.rows(con, "import_table_rows", table=kind.table)
    }
    result = TablePlan(batch, existing=len(existing))
    for record in batch.records.values():
        values = {c: record.values[c] for c in columns if c in record.values}
        old = existing.get(tuple(record.values[k] for k in kind.key))
        if old is None:
            result.inserted.append({c: values.get(c) for c in columns} | {"import_id": import_id})
            continue
        # Columns the file does not provide (or gave invalid) keep their stored value.
        merged = old | values
        if merged == old:
            result.unchanged += 1
        else:
            result.updated.append(merged | {"import_id": import_id})
    return result


def write(con: duckdb.DuckDBPyConnection, table_plan: TablePlan) -> None:
    """Write the inserted and updated rows of a plan with one bulk insert."""
    if not table_plan.changes:
        return
    table = table_plan.table
    if table_plan.updated:
        keys = table_plan.batch.kind.key
        if table == "targets":
            db.execute(
                con,
                "import_delete_targets",
                kpi_ids=[r["kpi_id"] for r in table_plan.updated],
                periods=[r["period"] for r in table_plan.updated],
                programmes=[r["programme"] for r in table_plan.updated],
            )
        else:
            db.execute(con, _DELETE_BY_ID[table], ids=[r[keys[0]] for r in table_plan.updated])
    insert_rows(con, table, table_plan.inserted + table_plan.updated)


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Bulk-insert rows (dicts keyed by column) through Arrow."""
    schema = table_schema(con, table)
    data = pa.table(
        {f.name: pa.array([r.get(f.name) for r in rows], f.type) for f in schema}, schema
    )
    con.from_arrow(data).insert_into(table)


def write_issues(con: duckdb.DuckDBPyConnection, import_id: int, issues: list[Issue]) -> None:
    """Keep every reject and warning of an import in ``import_rejects``."""
    if not issues:
        return
    rows = [
        dict(
            zip(
                _REJECT_COLUMNS[1:],
                (i.severity, i.kind, i.sheet, i.row, i.column, i.value, i.reason),
                strict=True,
            )
        )
        | {"import_id": import_id}
        for i in issues
    ]
    insert_rows(con, "import_rejects", rows)
