"""Result: the tables of one run, as typed pandas DataFrames, with notebook helpers."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from actorgraph import schema


class ResultError(Exception):
    """An output folder cannot be loaded."""


@dataclass
class Result:
    """The output of a run.

    Attributes:
        documents, mentions, actors, relations, edges: DataFrames with the columns of
            :mod:`actorgraph.schema`.
        texts: ``doc_id -> text`` as ingested (offsets in ``mentions`` slice these).
        run: the contents of ``run.json``.
        out: the output folder, when the result was written or loaded from one.
    """

    documents: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    relations: pd.DataFrame
    edges: pd.DataFrame = field(default_factory=lambda: schema.empty("edges"))
    texts: pd.DataFrame = field(default_factory=lambda: schema.empty("texts"))
    run: dict[str, Any] = field(default_factory=dict)
    out: Path | None = None

    def __repr__(self) -> str:
        n_err = int((self.documents["status"] == "error").sum()) if len(self.documents) else 0
        where = f" in {self.out}" if self.out else ""
        return (
            f"<Result{where}: {len(self.documents)} documents ({n_err} errors), "
            f"{len(self.mentions)} mentions, {len(self.actors)} actors, "
            f"{len(self.relations)} relations>"
        )

    def text(self, doc_id: str) -> str:
        """The text of one document as ingested."""
        rows = self.texts[self.texts["doc_id"] == doc_id]
        if rows.empty:
            raise KeyError(doc_id)
        return str(rows.iloc[0]["text"])

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name, in their documented order."""
        return {
            "documents": self.documents,
            "mentions": self.mentions,
            "actors": self.actors,
            "relations": self.relations,
            "edges": self.edges,
        }

    # -- notebook helpers ---------------------------------------------------------------------

    def find_actor(self, name: str) -> pd.Series:
        """The actor best matching ``name`` (id, name or alias; case-insensitive, fuzzy).

        Raises:
            KeyError: when nothing is close enough.
        """
        import difflib

        actors = self.actors
        if actors.empty:
            raise KeyError(name)
        needle = name.strip().lower()
        exact = actors[(actors["actor_id"].str.lower() == needle) | (actors["name"].str.lower() == needle)]
        if not exact.empty:
            return exact.sort_values("n_mentions", ascending=False).iloc[0]
        alias_hit = actors[actors["aliases"].fillna("").str.lower().str.split("; ").map(
            lambda names: needle in names)]
        if not alias_hit.empty:
            return alias_hit.sort_values("n_mentions", ascending=False).iloc[0]
        contains = actors[actors["name"].str.lower().str.contains(needle, regex=False)]
        if not contains.empty:
            return contains.sort_values("n_mentions", ascending=False).iloc[0]
        names = actors["name"].astype(str).tolist()
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.75)
        if close:
            return actors[actors["name"] == close[0]].iloc[0]
        raise KeyError(name)

    def actor(self, name: str) -> ActorView:
        """One actor with its mentions, relations and neighbours: ``result.actor("Putin")``."""
        row = self.find_actor(name)
        aid = row["actor_id"]
        mentions = self.mentions[self.mentions["actor_id"] == aid]
        rels = self.relations[(self.relations["source_id"] == aid) | (self.relations["target_id"] == aid)]
        other = rels.apply(lambda r: r["target_id"] if r["source_id"] == aid else r["source_id"], axis=1) \
            if len(rels) else pd.Series(dtype="string")
        neighbours = (
            pd.DataFrame({"actor_id": other.astype("string")})
            .value_counts().rename("n_relations").reset_index()
            .merge(self.actors[["actor_id", "name", "type", "country"]], on="actor_id", how="left")
            if len(rels) else pd.DataFrame(columns=["actor_id", "n_relations", "name", "type", "country"])
        )
        return ActorView(row, mentions.reset_index(drop=True), rels.reset_index(drop=True), neighbours)

    def network(self, min_weight: int = 1, *, kinds: list[str] | None = None,
                include_cooccurrence: bool = True) -> Any:
        """The actor network as a networkx MultiGraph-free ``DiGraph`` with attributes.

        Nodes carry the ``actors`` columns; edges sum the ``edges`` weights over kinds
        (``kinds`` filters them) and keep ``kinds`` and ``event_types`` as strings.
        """
        from actorgraph.graph import to_networkx

        return to_networkx(self, min_weight=min_weight, kinds=kinds,
                           include_cooccurrence=include_cooccurrence)

    def timeline(self, freq: str = "M", *, by: str = "event_type") -> pd.DataFrame:
        """Relations counted by period (``freq``: D, W, M, Q, Y) and ``by`` column."""
        rels = self.relations.copy()
        rels = rels[rels["kind"] != "cooccurrence"] if by in ("event_type", "quad_class") else rels
        dates = pd.to_datetime(rels["date"].astype("string").str.slice(0, 10), errors="coerce", format="mixed")
        rels = rels.assign(_date=dates).dropna(subset=["_date"])
        if rels.empty:
            return pd.DataFrame()
        alias = {"M": "MS", "Q": "QS", "Y": "YS", "A": "YS"}.get(freq, freq)
        rels[by] = rels[by].fillna("(none)")
        return (rels.groupby([pd.Grouper(key="_date", freq=alias), by]).size()
                .unstack(fill_value=0).rename_axis(index="period"))

    def filter(self, *, start: str | None = None, end: str | None = None,
               country: str | None = None, actor_type: str | None = None) -> Result:
        """A Result restricted to a date range, a country (ISO3) and/or an actor type."""
        actors = self.actors
        if country:
            actors = actors[actors["country"] == country]
        if actor_type:
            actors = actors[actors["type"] == actor_type.upper()]
        ids = set(actors["actor_id"])
        rels = self.relations
        if country or actor_type:
            rels = rels[rels["source_id"].isin(ids) | rels["target_id"].isin(ids)]
        if start or end:
            d = rels["date"].astype("string").str.slice(0, 10)
            if start:
                rels = rels[d >= start]
                d = d[rels.index]
            if end:
                rels = rels[d <= end]
        mentions = self.mentions
        if country or actor_type:
            mentions = mentions[mentions["actor_id"].isin(ids)]
        if start or end:
            docs = self.documents
            pub = docs["published"].astype("string")
            keep_docs = docs[(pub >= (start or "")) & (pub <= (end or "9999"))]["doc_id"]
            mentions = mentions[mentions["doc_id"].isin(set(keep_docs))]
        from actorgraph.edges import build_edges

        edges = build_edges(rels, self.documents)
        return Result(self.documents, mentions.reset_index(drop=True), actors.reset_index(drop=True),
                      rels.reset_index(drop=True), edges, self.texts, self.run, self.out)


@dataclass
class ActorView:
    """One actor and what surrounds it (see :meth:`Result.actor`)."""

    info: pd.Series
    mentions: pd.DataFrame
    relations: pd.DataFrame
    neighbours: pd.DataFrame

    def __repr__(self) -> str:
        i = self.info
        return (f"<Actor {i['name']} ({i['actor_id']}, {i['type']}, country={i['country']}, "
                f"sector={i['sector']}): {len(self.mentions)} mentions, {len(self.relations)} relations, "
                f"{len(self.neighbours)} neighbours>")


def load(out: str | os.PathLike[str]) -> Result:
    """Load the tables of an output folder written by ``actorgraph run``.

    Raises:
        ResultError: when the folder holds no actorgraph output.
    """
    from actorgraph import store

    folder = Path(out)
    if not (folder / "documents.parquet").exists() and not (folder / "documents.csv").exists():
        raise ResultError(f"{folder} holds no actorgraph output (no documents table). "
                          "Run `actorgraph run PATH --out DIR` first.")
    run: dict[str, Any] = {}
    if (folder / "run.json").exists():
        run = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    return Result(
        documents=store.read_table(folder, "documents"),
        mentions=store.read_table(folder, "mentions"),
        actors=store.read_table(folder, "actors"),
        relations=store.read_table(folder, "relations"),
        edges=store.read_table(folder, "edges"),
        texts=store.read_table(folder, "texts"),
        run=run,
        out=folder,
    )
