"""Exports: tables (csv, parquet, jsonl), graphs (graphml, gexf) and databases (sqlite, duckdb)."""

from __future__ import annotations

import json
import logging
import sqlite3
import sys
import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
import pytest

from actorgraph import schema
from actorgraph.edges import build_edges
from actorgraph.export import FOREIGN_KEYS, ExportError, export
from actorgraph.graph import EDGE_ATTRS, NODE_ATTRS
from actorgraph.result import Result

TABLES = ("documents", "actors", "mentions", "relations", "edges", "texts")


def formula_result() -> Result:
    """A tiny run whose text begins with spreadsheet formula characters."""
    documents = schema.frame("documents", [{"doc_id": "d1", "title": "=HYPERLINK(\"http://x\")",
                                            "published": "2023-01-02", "status": "ok"}])
    actors = schema.frame("actors", [
        {"actor_id": "org:a", "name": "+Plus Corp", "type": "ORG", "n_mentions": 1, "n_docs": 1},
        {"actor_id": "org:b", "name": "@Handle", "type": "ORG", "n_mentions": 1, "n_docs": 1},
    ])
    relations = schema.frame("relations", [{
        "relation_id": "r1", "doc_id": "d1", "source_id": "org:a", "source_name": "+Plus Corp",
        "target_id": "org:b", "target_name": "@Handle", "kind": "action", "predicate": "-sue",
        "evidence": "=1+2 said the lawsuit", "date": "2023-01-02", "negated": False}])
    mentions = schema.frame("mentions", [{"doc_id": "d1", "mention_id": "m1", "actor_id": "org:a",
                                          "text": "+Plus Corp", "label": "ORG"}])
    texts = schema.frame("texts", [{"doc_id": "d1", "text": "=1+2 said the lawsuit"}])
    return Result(documents, mentions, actors, relations, build_edges(relations, documents), texts)


# -- tables -----------------------------------------------------------------------------------


def test_csv_export_writes_every_table(sample_result, tmp_path):
    paths = export(sample_result, tmp_path / "csv", "csv")
    assert sorted(p.name for p in paths) == sorted(f"{t}.csv" for t in TABLES)
    for name in TABLES:
        df = pd.read_csv(tmp_path / "csv" / f"{name}.csv", dtype=str, keep_default_na=False)
        expected = sample_result.texts if name == "texts" else sample_result.tables()[name]
        assert len(df) == len(expected), name
        assert list(df.columns) == list(expected.columns)
    assert not [p for p in (tmp_path / "csv").iterdir() if p.name.startswith(".")]  # no temp files left


def test_csv_neutralises_formulas_unless_told_not_to(tmp_path):
    r = formula_result()
    export(r, tmp_path / "safe", "csv")
    rel = pd.read_csv(tmp_path / "safe" / "relations.csv", dtype=str, keep_default_na=False)
    assert rel.loc[0, "evidence"] == "'=1+2 said the lawsuit"
    assert rel.loc[0, "source_name"] == "'+Plus Corp"
    assert rel.loc[0, "target_name"] == "'@Handle"
    assert rel.loc[0, "predicate"] == "'-sue"
    docs = pd.read_csv(tmp_path / "safe" / "documents.csv", dtype=str, keep_default_na=False)
    assert docs.loc[0, "title"].startswith("'=")
    export(r, tmp_path / "raw", "csv", csv_safe=False)
    raw = pd.read_csv(tmp_path / "raw" / "relations.csv", dtype=str, keep_default_na=False)
    assert raw.loc[0, "evidence"] == "=1+2 said the lawsuit"
    assert raw.loc[0, "target_name"] == "@Handle"


def test_parquet_export_round_trips(sample_result, tmp_path):
    export(sample_result, tmp_path, "parquet")
    for name, df in sample_result.tables().items():
        back = schema.conform(pd.read_parquet(tmp_path / f"{name}.parquet"), name)
        pd.testing.assert_frame_equal(back, schema.conform(df, name), check_dtype=False)


def test_jsonl_export(sample_result, tmp_path):
    export(sample_result, tmp_path, "jsonl")
    lines = (tmp_path / "relations.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(sample_result.relations)
    rows = [json.loads(line) for line in lines]
    assert set(rows[0]) == set(sample_result.relations.columns)
    assert all(isinstance(r["negated"], bool | None) for r in rows)
    cooc = [r for r in rows if r["kind"] == "cooccurrence"]
    assert cooc and all(r["event_type"] is None for r in cooc)  # NA is null, not "<NA>" or NaN
    assert "NaN" not in (tmp_path / "mentions.jsonl").read_text(encoding="utf-8")


def test_output_folder_as_source_and_unknown_format(sample_result, tmp_path):
    paths = export(str(sample_result.out), tmp_path / "j", "jsonl")
    assert len(paths) == len(TABLES)
    with pytest.raises(ExportError, match="unknown export format"):
        export(sample_result, tmp_path / "x", "xlsx")  # type: ignore[arg-type]


# -- graphs -----------------------------------------------------------------------------------


def test_graphml_loads_back_with_every_attribute(sample_result, tmp_path):
    (path,) = export(sample_result, tmp_path / "net.graphml", "graphml")
    expected = sample_result.network()
    g = nx.read_graphml(path)
    assert set(g.nodes) == set(expected.nodes)
    assert g.number_of_edges() == expected.number_of_edges()
    for node, data in g.nodes(data=True):
        for attr, kind in {**NODE_ATTRS, "degree": int}.items():
            assert type(data[attr]) is kind, (node, attr)
        assert data == expected.nodes[node]
    for u, v, data in g.edges(data=True):
        for attr, kind in EDGE_ATTRS.items():
            assert type(data[attr]) is kind, (u, v, attr)
        assert data == expected.edges[u, v]
    # One declared type per attribute name, and no None or NA written as text.
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = ET.parse(path).getroot().findall("g:key", ns)
    names = [(k.get("for"), k.get("attr.name")) for k in keys]
    assert len(names) == len(set(names))
    text = path.read_text(encoding="utf-8")
    assert ">None<" not in text and "<NA>" not in text and ">nan<" not in text


def test_gexf_loads_back_with_every_attribute(sample_result, tmp_path):
    (path,) = export(sample_result, tmp_path, "gexf")
    assert path == tmp_path / "actorgraph.gexf"  # a folder destination gets a file inside
    expected = sample_result.network()
    g = nx.read_gexf(path)
    assert g.is_directed()
    assert set(g.nodes) == set(expected.nodes)
    for node, data in g.nodes(data=True):
        for attr in (*NODE_ATTRS, "degree"):
            assert data[attr] == expected.nodes[node][attr], (node, attr)
    for u, v, data in g.edges(data=True):
        for attr in EDGE_ATTRS:
            assert data[attr] == expected.edges[u, v][attr], (u, v, attr)
    text = path.read_text(encoding="utf-8")
    assert "None" not in text and "<NA>" not in text


def test_graph_export_options(sample_result, tmp_path):
    (path,) = export(sample_result, tmp_path / "directed.graphml", "graphml", include_cooccurrence=False)
    g = nx.read_graphml(path)
    assert g.number_of_edges() > 0
    assert all(d["directed"] and "cooccurrence" not in d["kinds"].split(";") for _, _, d in g.edges(data=True))


# -- databases --------------------------------------------------------------------------------


def test_sqlite_export_has_keys_and_joins(sample_result, tmp_path):
    (path,) = export(sample_result, tmp_path / "run.sqlite", "sqlite")
    con = sqlite3.connect(path)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert names == set(TABLES)
    for name, keys in schema.PRIMARY_KEYS.items():
        pk = [r[1] for r in sorted(con.execute(f'PRAGMA table_info("{name}")'), key=lambda r: r[5]) if r[5]]
        assert pk == list(keys), name
    fks = {(t, r[3], r[2], r[4]) for t in TABLES for r in con.execute(f'PRAGMA foreign_key_list("{t}")')}
    for fk in FOREIGN_KEYS:
        assert (fk.table, fk.column, fk.ref_table, fk.ref_column) in fks
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    rows = con.execute("""
        SELECT r.relation_id, s.name, t.name, d.published
        FROM relations r
        JOIN actors s ON s.actor_id = r.source_id
        JOIN actors t ON t.actor_id = r.target_id
        JOIN documents d ON d.doc_id = r.doc_id
    """).fetchall()
    assert len(rows) == len(sample_result.relations)
    names_by_id = dict(zip(sample_result.actors["actor_id"], sample_result.actors["name"], strict=True))
    rel = sample_result.relations.set_index("relation_id")
    for rid, source, target, _ in rows:
        assert source == names_by_id[rel.loc[rid, "source_id"]]
        assert target == names_by_id[rel.loc[rid, "target_id"]]
    n = con.execute("SELECT count(*) FROM mentions m JOIN actors a USING (actor_id)").fetchone()[0]
    assert n == int(sample_result.mentions["actor_id"].notna().sum())
    con.close()


def test_duckdb_export_has_keys_and_joins(sample_result, tmp_path):
    duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed (pip install 'actorgraph[test]')")
    (path,) = export(sample_result, tmp_path / "run.duckdb", "duckdb")
    con = duckdb.connect(str(path), read_only=True)
    try:
        constraints = con.execute("""
            SELECT table_name, constraint_type, constraint_column_names FROM duckdb_constraints()
            WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')""").fetchall()
        pks = {t: list(cols) for t, kind, cols in constraints if kind == "PRIMARY KEY"}
        assert pks == {name: list(keys) for name, keys in schema.PRIMARY_KEYS.items()}
        fks = {(t, cols[0]) for t, kind, cols in constraints if kind == "FOREIGN KEY"}
        assert {(fk.table, fk.column) for fk in FOREIGN_KEYS} <= fks
        rows = con.execute("""
            SELECT a.country, count(*) FROM mentions m
            JOIN actors a ON a.actor_id = m.actor_id
            JOIN documents d ON d.doc_id = m.doc_id
            GROUP BY a.country""").fetchall()
        assert sum(n for _, n in rows) == int(sample_result.mentions["actor_id"].notna().sum())
        n_edges = con.execute("SELECT count(*) FROM edges WHERE event_type = ''").fetchone()[0]
        assert n_edges == int(sample_result.edges["event_type"].isna().sum())  # NA key part stored as ''
        types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                 "WHERE table_name = 'relations'").fetchall())
        assert types["sent_index"] == "BIGINT" and types["negated"] == "BOOLEAN"
        assert types["confidence"] == "DOUBLE"
    finally:
        con.close()


def test_database_export_leaves_out_foreign_keys_that_do_not_hold(tmp_path, caplog):
    r = formula_result()
    dangling = schema.frame("relations", [
        *r.relations.to_dict("records"),
        {"relation_id": "r2", "doc_id": "d1", "source_id": "org:a", "target_id": "org:unknown",
         "kind": "action"},
        {"relation_id": "r2", "doc_id": "d1", "source_id": "org:a", "target_id": "org:b",
         "kind": "action"},  # repeats a primary key: dropped
    ])
    r = Result(r.documents, r.mentions, r.actors, dangling, r.edges, r.texts)
    with caplog.at_level(logging.WARNING, logger="actorgraph.export"):
        (path,) = export(r, tmp_path / "x.sqlite", "sqlite")
    con = sqlite3.connect(path)
    fks = {row[3] for row in con.execute('PRAGMA foreign_key_list("relations")')}
    assert "target_id" not in fks and "source_id" in fks
    assert con.execute("SELECT count(*) FROM relations").fetchone()[0] == 2
    con.close()
    assert "relations.target_id" in caplog.text and "repeating a primary key" in caplog.text


def test_duckdb_missing_gives_a_clear_error(sample_result, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "duckdb", None)  # import fails as if not installed
    with pytest.raises(ExportError, match="pip install duckdb"):
        export(sample_result, tmp_path / "x.duckdb", "duckdb")
    assert not (tmp_path / "x.duckdb").exists()
