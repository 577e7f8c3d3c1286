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
    rels = relations
    dup_docs: set[str] = set()
    if documents is not None and "duplicate_of" in documents and len(documents):
        dup_docs = set(documents.loc[documents["duplicate_of"].notna(), "doc_id"])
    rels = rels.assign(
        _original=~rels["doc_id"].isin(dup_docs),
        event_type=rels["event_type"].astype("string"),
        _date=rels["date"].astype("string").str.slice(0, 10),
    )
    keys = ["source_id", "target_id", "kind", "event_type"]
    rows = []
    for key, group in rels.groupby(keys, dropna=False, sort=True):
        originals = group[group["_original"]]
        dates = group["_date"].dropna()
        rows.append({
            "source_id": key[0],
            "target_id": key[1],
            "kind": key[2],
            "event_type": None if pd.isna(key[3]) else key[3],
            "weight": len(originals),
            "n_docs": originals["doc_id"].nunique(),
            "first_date": dates.min() if len(dates) else None,
            "last_date": dates.max() if len(dates) else None,
            "source_name": group["source_name"].iloc[0],
            "target_name": group["target_name"].iloc[0],
            "n_relations": len(group),
        })
    df = schema.frame("edges", rows)
    return df.sort_values(["weight", "source_id", "target_id"], ascending=[False, True, True],
                          kind="stable").reset_index(drop=True)
