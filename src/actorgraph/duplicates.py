"""Duplicates: exact and near-duplicate articles (syndicated copies of one wire story).

Found with MinHash locality-sensitive hashing (datasketch) over word 5-shingles; each
duplicate points at the first article of its group in input order (``duplicate_of``),
so edge weights count stories, not copies.
"""

from __future__ import annotations

import hashlib
import re

import pandas as pd

#: Jaccard similarity of word shingles above which two articles are one story.
THRESHOLD = 0.8
NUM_PERM = 64
SHINGLE = 5
_WORD = re.compile(r"\w+")


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def mark_duplicates(documents: pd.DataFrame, texts: pd.DataFrame, *, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Return ``documents`` with ``duplicate_of`` set for exact and near-duplicate texts."""
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    documents = documents.copy()
    if texts.empty or documents.empty:
        return documents
    text_by_doc = dict(zip(texts["doc_id"], texts["text"], strict=True))
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    exact: dict[str, str] = {}
    dup_of: dict[str, str] = {}
    for doc_id in documents.loc[documents["status"] == "ok", "doc_id"]:
        text = text_by_doc.get(doc_id)
        if not isinstance(text, str) or not text.strip():
            continue
        digest = hashlib.sha1(" ".join(text.split()).lower().encode("utf-8", "surrogatepass")).hexdigest()
        if digest in exact:
            dup_of[doc_id] = exact[digest]
            continue
        exact[digest] = doc_id
        shingles = _shingles(text)
        if len(shingles) < 3:
            continue
        full = MinHash(num_perm=NUM_PERM, seed=1)
        full.update_batch(list(shingles))
        mh = LeanMinHash(full)  # the signature only: a tenth of the memory of a MinHash
        del full
        near = lsh.query(mh)
        if near:
            dup_of[doc_id] = min(near, key=lambda d: documents.index[documents["doc_id"] == d][0])
            continue
        lsh.insert(doc_id, mh)
    if dup_of:
        documents["duplicate_of"] = documents["doc_id"].map(dup_of).astype("string")
    return documents
