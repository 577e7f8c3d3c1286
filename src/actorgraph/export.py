"""Export: one run's tables to CSV, Parquet, JSON Lines, GraphML, GEXF, SQLite or DuckDB.

>>> from actorgraph.export import export
>>> export("out", "network.gexf", "gexf")                   # doctest: +SKIP

Table formats (csv, parquet, jsonl) write one file per table into a folder; graph formats
(graphml, gexf) write the actor network (see :func:`actorgraph.graph.to_networkx`) as one
file Gephi opens; database formats (sqlite, duckdb) write every table into one file with
primary keys (:data:`actorgraph.schema.PRIMARY_KEYS`) and the foreign keys that hold.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

import pandas as pd

from actorgraph import schema, store

if TYPE_CHECKING:
    from actorgraph.result import Result

log = logging.getLogger(__name__)

ExportFormat = Literal["csv", "parquet", "jsonl", "graphml", "gexf", "sqlite", "duckdb"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)
TABLE_FORMATS = ("csv", "parquet", "jsonl")
# Tables in creation order: a table comes after the tables it references.
TABLE_ORDER = ("documents", "actors", "mentions", "relations", "edges", "texts")
FILE_SUFFIX = {"graphml": ".graphml", "gexf": ".gexf", "sqlite": ".sqlite", "duckdb": ".duckdb"}


@dataclass(frozen=True)
class ForeignKey:
    """``table.column`` references ``ref_table.ref_column``."""

    table: str
    column: str
    ref_table: str
    ref_column: str


FOREIGN_KEYS: tuple[ForeignKey, ...] = (
    ForeignKey("mentions", "doc_id", "documents", "doc_id"),
    ForeignKey("mentions", "actor_id", "actors", "actor_id"),
    ForeignKey("relations", "doc_id", "documents", "doc_id"),
    ForeignKey("relations", "source_id", "actors", "actor_id"),
    ForeignKey("relations", "target_id", "actors", "actor_id"),
    ForeignKey("edges", "source_id", "actors", "actor_id"),
    ForeignKey("edges", "target_id", "actors", "actor_id"),
    ForeignKey("texts", "doc_id", "documents", "doc_id"),
)


class ExportError(Exception):
    """An export cannot be written (the message says why and what to do)."""


def _as_result(source: Result | str | os.PathLike[str]) -> Result:
    from actorgraph.result import Result, load

    if isinstance(source, Result):
        return source
    return load(source)


def _tables(result: Result) -> dict[str, pd.DataFrame]:
    tables = dict(result.tables())
    tables["texts"] = result.texts
    return {name: tables[name] for name in TABLE_ORDER if tables.get(name) is not None}


@contextlib.contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """A temporary path next to ``path``, renamed onto it when the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _plain(value: Any) -> Any:
    """A JSON/SQL-ready Python value: NA becomes None, numpy scalars become Python ones."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # arrays and the like are not NA
        pass
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _rows(df: pd.DataFrame) -> Iterator[tuple[Any, ...]]:
    for row in df.itertuples(index=False, name=None):
        yield tuple(_plain(v) for v in row)


def _file_target(dest: Path, fmt: str) -> Path:
    if dest.is_dir():
        return dest / f"actorgraph{FILE_SUFFIX[fmt]}"
    return dest


def export(source: Result | str | os.PathLike[str], dest: str | os.PathLike[str],
           fmt: ExportFormat, *, csv_safe: bool = True, min_weight: int = 1,
           include_cooccurrence: bool = True) -> list[Path]:
    """Write a run's tables (or its actor network) to ``dest`` in format ``fmt``.

    Args:
        source: a :class:`~actorgraph.result.Result` or an output folder of ``actorgraph run``.
        dest: a folder for csv/parquet/jsonl (one file per table); a file for graphml, gexf,
            sqlite and duckdb (an existing folder gets ``actorgraph.<fmt>`` inside it).
        fmt: csv | parquet | jsonl | graphml | gexf | sqlite | duckdb.
        csv_safe: in CSV, prefix a quote to cells beginning with ``= + - @`` so spreadsheets
            never run them as formulas; ``False`` writes the text unchanged.
        min_weight, include_cooccurrence: which links the graph formats keep.

    Returns:
        The files written. Each is written to a temporary name and renamed into place.

    Raises:
        ExportError: an unknown format, a missing optional package (duckdb) or an
            unwritable destination.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    result = _as_result(source)
    dest = Path(dest)
    try:
        if fmt in TABLE_FORMATS:
            if dest.exists() and not dest.is_dir():
                raise ExportError(f"{dest} is a file; {fmt} export writes one file per table into a folder")
            dest.mkdir(parents=True, exist_ok=True)
            return [_write_table(df, dest, name, fmt, csv_safe=csv_safe)
                    for name, df in _tables(result).items()]
        target = _file_target(dest, fmt)
        if fmt in ("graphml", "gexf"):
            write_graph(result, target, fmt, min_weight=min_weight,
                        include_cooccurrence=include_cooccurrence)
        elif fmt == "sqlite":
            write_sqlite(result, target)
        else:
            write_duckdb(result, target)
        return [target]
    except OSError as e:
        raise ExportError(f"cannot write {dest}: {e.strerror or e}") from e


def _write_table(df: pd.DataFrame, folder: Path, name: str, fmt: str, *, csv_safe: bool) -> Path:
    path = folder / f"{name}.{fmt}"
    if fmt == "csv":
        store.write_csv(df, path, safe=csv_safe)
    elif fmt == "parquet":
        store.write_parquet(df, path)
    else:
        columns = list(df.columns)
        with _atomic(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            for row in _rows(df):
                fh.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n")
    return path


# -- graphs -----------------------------------------------------------------------------------


def write_graph(source: Result | str | os.PathLike[str], path: str | os.PathLike[str],
                fmt: Literal["graphml", "gexf"], *, min_weight: int = 1,
                include_cooccurrence: bool = True) -> Path:
    """Write the actor network as GraphML or GEXF (every attribute typed, none missing)."""
    import networkx as nx

    from actorgraph.graph import to_networkx

    result = _as_result(source)
    graph = to_networkx(result, min_weight=min_weight, include_cooccurrence=include_cooccurrence)
    graph.graph["name"] = "actorgraph actor network"
    path = Path(path)
    with _atomic(path) as tmp:
        if fmt == "graphml":
            nx.write_graphml(graph, tmp, named_key_ids=True)
        else:
            nx.write_gexf(graph, tmp)
    return path


# -- databases --------------------------------------------------------------------------------

SQL_TYPES = {
    "sqlite": {"string": "TEXT", "Int64": "INTEGER", "float64": "REAL", "boolean": "INTEGER"},
    "duckdb": {"string": "VARCHAR", "Int64": "BIGINT", "float64": "DOUBLE", "boolean": "BOOLEAN"},
}


def _sql_type(dialect: str, table: str, column: str, series: pd.Series) -> str:
    dtype = schema.TABLES.get(table, {}).get(column)
    if dtype is None:  # a column added after the schema: go by its pandas dtype
        kind = series.dtype.kind if hasattr(series.dtype, "kind") else "O"
        dtype = {"i": "Int64", "u": "Int64", "f": "float64", "b": "boolean"}.get(kind, "string")
    return SQL_TYPES[dialect].get(dtype, SQL_TYPES[dialect]["string"])


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def prepare_tables(result: Result) -> tuple[dict[str, pd.DataFrame], list[ForeignKey]]:
    """The tables ready for a database, and the foreign keys that hold in them.

    Primary-key columns cannot be NULL in a database: an edge without an event type gets
    ``""``. Rows repeating a primary key (which a correct run never writes) are dropped
    with a warning. A foreign key is declared only when every non-null value is found in
    the referenced table; otherwise it is left out with a warning.
    """
    tables = {}
    for name, df in _tables(result).items():
        keys = list(schema.PRIMARY_KEYS.get(name, ()))
        df = df.copy()
        if name == "edges":
            df["event_type"] = df["event_type"].astype("string").fillna("")
        if keys:
            missing = df[keys].isna().any(axis=1)
            if missing.any():
                log.warning("export: dropping %d %s rows without a primary key", int(missing.sum()), name)
                df = df[~missing]
            repeated = df.duplicated(keys, keep="first")
            if repeated.any():
                log.warning("export: dropping %d %s rows repeating a primary key", int(repeated.sum()), name)
                df = df[~repeated]
        tables[name] = df.reset_index(drop=True)
    holding = []
    for fk in FOREIGN_KEYS:
        if fk.table not in tables or fk.ref_table not in tables:
            continue
        values = tables[fk.table][fk.column].dropna()
        known = set(tables[fk.ref_table][fk.ref_column].dropna())
        absent = values[~values.isin(known)]
        if len(absent):
            log.warning("export: no foreign key %s.%s -> %s: %d values are not in %s (e.g. %r)",
                        fk.table, fk.column, fk.ref_table, len(absent), fk.ref_table, absent.iloc[0])
            continue
        holding.append(fk)
    return tables, holding


def create_statements(dialect: Literal["sqlite", "duckdb"], tables: dict[str, pd.DataFrame],
                      foreign_keys: list[ForeignKey]) -> list[str]:
    """CREATE TABLE (and CREATE INDEX) statements for ``tables`` in ``dialect``."""
    statements = []
    for name, df in tables.items():
        keys = list(schema.PRIMARY_KEYS.get(name, ()))
        lines = []
        for col in df.columns:
            not_null = " NOT NULL" if col in keys else ""
            lines.append(f"  {_quote(col)} {_sql_type(dialect, name, col, df[col])}{not_null}")
        if keys:
            lines.append(f"  PRIMARY KEY ({', '.join(map(_quote, keys))})")
        for fk in foreign_keys:
            if fk.table == name:
                lines.append(f"  FOREIGN KEY ({_quote(fk.column)}) REFERENCES "
                             f"{_quote(fk.ref_table)} ({_quote(fk.ref_column)})")
        statements.append(f"CREATE TABLE {_quote(name)} (\n" + ",\n".join(lines) + "\n)")
    for fk in foreign_keys:
        # Joins go through these columns; the primary keys are indexed already.
        statements.append(f"CREATE INDEX {_quote(f'idx_{fk.table}_{fk.column}')} "
                          f"ON {_quote(fk.table)} ({_quote(fk.column)})")
    return statements


def write_sqlite(source: Result | str | os.PathLike[str], path: str | os.PathLike[str]) -> Path:
    """Write every table into one SQLite file, with primary and (holding) foreign keys."""
    import sqlite3

    tables, fks = prepare_tables(_as_result(source))
    path = Path(path)
    with _atomic(path) as tmp:
        con = sqlite3.connect(tmp)
        try:
            # Enforced while inserting, so a key that does not hold fails here, not in a user's query.
            con.execute("PRAGMA foreign_keys = ON")
            for stmt in create_statements("sqlite", tables, fks):
                con.execute(stmt)
            for name, df in tables.items():
                marks = ", ".join("?" for _ in df.columns)
                con.executemany(f"INSERT INTO {_quote(name)} VALUES ({marks})", _rows(df))
            con.commit()
        except sqlite3.Error as e:
            raise ExportError(f"cannot write SQLite database {path}: {e}") from e
        finally:
            con.close()
    return path


def write_duckdb(source: Result | str | os.PathLike[str], path: str | os.PathLike[str]) -> Path:
    """Write every table into one DuckDB file, with primary and (holding) foreign keys.

    Raises:
        ExportError: when the optional ``duckdb`` package is not installed.
    """
    try:
        import duckdb
    except ImportError as e:
        raise ExportError("the duckdb export needs the duckdb package: pip install duckdb "
                          "(it comes with the test extra: pip install 'actorgraph[test]')") from e
    tables, fks = prepare_tables(_as_result(source))
    path = Path(path)
    with _atomic(path) as tmp:
        con = duckdb.connect(str(tmp))
        try:
            for stmt in create_statements("duckdb", tables, fks):
                con.execute(stmt)
            for name, df in tables.items():
                # Plain object columns: DuckDB reads None as NULL whatever the pandas storage.
                frame = pd.DataFrame({c: [_plain(v) for v in df[c]] for c in df.columns}, columns=df.columns,
                                     dtype=object)
                con.register("_export_frame", frame)
                cols = ", ".join(map(_quote, df.columns))
                con.execute(f"INSERT INTO {_quote(name)} ({cols}) SELECT {cols} FROM _export_frame")
                con.unregister("_export_frame")
            con.execute("CHECKPOINT")
        except duckdb.Error as e:
            raise ExportError(f"cannot write DuckDB database {path}: {e}") from e
        finally:
            con.close()
        # DuckDB keeps a write-ahead log beside the file until it is checkpointed.
        with contextlib.suppress(OSError):
            Path(f"{tmp}.wal").unlink()
    return path
