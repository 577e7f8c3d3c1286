"""The output tables: one definition used by writers, readers, tests and docs.

The first columns of each table (``CONTRACT``) are the public contract: columns may be
added after them, never renamed or dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

# column name -> pandas dtype
TABLES: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "string",
        "path": "string",
        "title": "string",
        "source": "string",
        "url": "string",
        "published": "string",  # ISO date YYYY-MM-DD
        "n_chars": "Int64",
        "n_sentences": "Int64",
        "status": "string",  # ok | skipped | error
        "error": "string",
        # added columns
        "published_source": "string",
        "format": "string",
        "content_hash": "string",
        "n_mentions": "Int64",
        "n_relations": "Int64",
        "duplicate_of": "string",
        "body_start": "Int64",
        "body_end": "Int64",
        "language": "string",  # ISO 639-1, detected from the body (py3langid)
    },
    "mentions": {
        "doc_id": "string",
        "mention_id": "string",
        "sent_index": "Int64",
        "start_char": "Int64",
        "end_char": "Int64",
        "text": "string",
        "label": "string",
        "actor_id": "string",
        "country": "string",
        "value": "string",
        # added columns
        "title": "string",
        "sector": "string",
        "confidence": "float64",
        "date_start": "string",
        "date_end": "string",
        "granularity": "string",
        "date_type": "string",
    },
    "actors": {
        "actor_id": "string",
        "name": "string",
        "type": "string",  # PERSON | ORG | COUNTRY | PLACE | GROUP | IGO | NORP ...
        "country": "string",
        "sector": "string",
        "aliases": "string",  # "; "-joined
        "n_mentions": "Int64",
        "n_docs": "Int64",
        # added columns
        "title": "string",
        "codes": "string",
    },
    "relations": {
        "relation_id": "string",
        "doc_id": "string",
        "sent_index": "Int64",
        "source_id": "string",
        "source_name": "string",
        "target_id": "string",
        "target_name": "string",
        "kind": "string",
        "predicate": "string",
        "date": "string",
        "evidence": "string",
        "start_char": "Int64",
        "end_char": "Int64",
        # added columns
        "event_type": "string",
        "quad_class": "string",
        "negated": "boolean",
        "modality": "string",
        "date_source": "string",
        "confidence": "float64",
        "directed": "boolean",
        "source_mention_id": "string",
        "target_mention_id": "string",
        "source_text": "string",
        "target_text": "string",
        "rule": "string",
    },
    "edges": {
        "source_id": "string",
        "target_id": "string",
        "kind": "string",
        "event_type": "string",
        "weight": "Int64",
        "n_docs": "Int64",
        "first_date": "string",
        "last_date": "string",
        "source_name": "string",
        "target_name": "string",
        "n_relations": "Int64",
        "max_confidence": "float64",  # of its relations: filter weak links (docs/precision.md)
    },
    "texts": {
        "doc_id": "string",
        "text": "string",
    },
}

CONTRACT: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "path", "title", "source", "url", "published", "n_chars",
                  "n_sentences", "status", "error"),
    "mentions": ("doc_id", "mention_id", "sent_index", "start_char", "end_char", "text",
                 "label", "actor_id", "country", "value"),
    "actors": ("actor_id", "name", "type", "country", "sector", "aliases", "n_mentions",
               "n_docs"),
    "relations": ("relation_id", "doc_id", "sent_index", "source_id", "source_name",
                  "target_id", "target_name", "kind", "predicate", "date", "evidence",
                  "start_char", "end_char"),
}

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "mentions": ("mention_id",),
    "actors": ("actor_id",),
    "relations": ("relation_id",),
    "edges": ("source_id", "target_id", "kind", "event_type"),
    "texts": ("doc_id",),
}


def columns(table: str) -> list[str]:
    """The ordered columns of ``table``."""
    return list(TABLES[table])


def empty(table: str) -> pd.DataFrame:
    """An empty, typed DataFrame for ``table``."""
    return conform(pd.DataFrame(columns=columns(table)), table)


def frame(table: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A typed DataFrame for ``table`` from row mappings (missing keys become NA)."""
    df = pd.DataFrame.from_records(list(rows), columns=columns(table))
    return conform(df, table)


def conform(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Order and type the columns of ``df`` as ``table`` defines; extra columns are kept last."""
    spec = TABLES[table]
    missing = [name for name in spec if name not in df.columns]
    ordered = list(spec) + [c for c in df.columns if c not in spec]
    # Select (a new frame) rather than copy-then-select: tables can be large.
    df = df.assign(**{name: pd.NA for name in missing}) if missing else df
    df = df[ordered]
    for name, dtype in spec.items():
        if str(df[name].dtype) == dtype:
            continue  # already typed: no conversion, no copy
        if dtype == "string":
            col = df[name].astype("object").where(df[name].notna(), None)
            df[name] = col.map(lambda v: v if v is None else str(v)).astype("string")
        else:
            df[name] = df[name].astype(dtype)
    return df.reset_index(drop=True)
