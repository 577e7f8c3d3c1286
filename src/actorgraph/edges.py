"""Edges: relations aggregated into corpus-level dyads, the graph users load into networkx or Gephi.

``weight`` counts the *stories* that state a link: relations from documents marked as
duplicates of another (``documents.duplicate_of``) are left out of ``weight`` and
``n_docs``, so a wire story syndicated ten times counts once.
"""

from __future__ import annotations

import pandas as pd

from actorgraph import schema


def build_edges(relations: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Aggregate ``relations`` by (source, target, kind, event type) into the ``edges`` table."""
    if relations is None or relations.empty:
        return schema.empty("edges")
    # Only the columns the aggregation reads: the evidence sentences are most of the table.
    # A self-link (an alias defined for the actor's own name) is no dyad.
    relations = relations[relations["source_id"] != relations["target_id"]]
    if relations.empty:
        return schema.empty("edges")
    cols = ["doc_id", "source_id", "target_id", "kind", "event_type", "date", "source_name",
            "target_name"]
    rels = relations[cols + (["confidence"] if "confidence" in relations else [])]
    if "confidence" not in rels:
        rels = rels.assign(confidence=float("nan"))
    dup_docs: set[str] = set()
    if documents is not None and "duplicate_of" in documents and len(documents):
        dup_docs = set(documents.loc[documents["duplicate_of"].notna(), "doc_id"])
    rels = rels.assign(
        _original=~rels["doc_id"].isin(dup_docs),
        event_type=rels["event_type"].astype("string"),
        _date=rels["date"].astype("string").str.slice(0, 10),
    )
    keys = ["source_id", "target_id", "kind", "event_type"]
    rels = rels.assign(
        event_type=rels["event_type"].fillna("\x00"),
        _orig_doc=rels["doc_id"].where(rels["_original"]),
    )
    grouped = rels.groupby(keys, sort=True, dropna=False)
    agg = grouped.agg(
        weight=("_original", "sum"),
        n_docs=("_orig_doc", "nunique"),
        first_date=("_date", "min"),
        last_date=("_date", "max"),
        source_name=("source_name", "first"),
        target_name=("target_name", "first"),
        n_relations=("doc_id", "size"),
        max_confidence=("confidence", "max"),
    ).reset_index()
    agg["event_type"] = agg["event_type"].replace("\x00", None)
    df = schema.conform(agg, "edges")
    return df.sort_values(["weight", "source_id", "target_id"], ascending=[False, True, True],
                          kind="stable").reset_index(drop=True)


def combine_edges(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Merge ``edges`` tables built over disjoint sets of documents into one."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return schema.empty("edges")
    if len(parts) == 1:
        return parts[0]
    df = pd.concat(parts, ignore_index=True)
    keys = ["source_id", "target_id", "kind", "event_type"]
    df["event_type"] = df["event_type"].fillna("\x00")
    agg = df.groupby(keys, sort=True, dropna=False).agg(
        weight=("weight", "sum"), n_docs=("n_docs", "sum"), first_date=("first_date", "min"),
        last_date=("last_date", "max"), source_name=("source_name", "first"),
        target_name=("target_name", "first"), n_relations=("n_relations", "sum"),
        max_confidence=("max_confidence", "max"),
    ).reset_index()
    agg["event_type"] = agg["event_type"].replace("\x00", None)
    out = schema.conform(agg, "edges")
    return out.sort_values(["weight", "source_id", "target_id"], ascending=[False, True, True],
                           kind="stable").reset_index(drop=True)
