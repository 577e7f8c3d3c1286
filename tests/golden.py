"""The golden tables of the sample corpus: which columns, in which order (shared by the test and
``scripts/update_golden.py``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

GOLDEN_DIR = Path(__file__).resolve().parent / "golden" / "sample"

COLUMNS = {
    "documents": ["doc_id", "title", "source", "url", "published", "published_source", "n_chars",
                  "n_sentences", "status", "error", "duplicate_of"],
    "mentions": ["doc_id", "start_char", "end_char", "text", "label", "actor_id", "country", "value"],
    "actors": ["actor_id", "name", "type", "country", "sector", "aliases", "n_mentions", "n_docs"],
    "relations": ["doc_id", "sent_index", "source_id", "target_id", "kind", "predicate", "event_type",
                  "negated", "modality", "date"],
}


def golden_tables(result) -> dict[str, pd.DataFrame]:
    """The result's tables reduced to the golden columns, as strings, in a stable order."""
    out = {}
    for name, cols in COLUMNS.items():
        df = getattr(result, name)[cols].astype("string").fillna("")
        out[name] = df.sort_values(cols, kind="stable").reset_index(drop=True)
    return out
