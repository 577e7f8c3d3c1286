"""Result: the tables of one run, as typed pandas DataFrames, with notebook helpers."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from actorgraph import schema


class ResultError(Exception):
    """An output folder cannot be loaded."""


TABLE_NAMES = ("documents", "mentions", "actors", "relations", "edges", "texts")


class _Table:
    """A table attribute of :class:`Result`: given, or read from the output folder on first use."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Result | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        df = obj._tables.get(self.name)
        if df is None:
            df = obj._read(self.name)
            if obj.out is not None:  # an empty stand-in is never cached
                obj._tables[self.name] = df
        return df

    def __set__(self, obj: Result, value: pd.DataFrame) -> None:
        obj._tables[self.name] = value


class Result:
    """The output of a run.

    Attributes:
        documents, mentions, actors, relations, edges: DataFrames with the columns of
            :mod:`actorgraph.schema`.
        texts: ``doc_id -> text`` as ingested (offsets in ``mentions`` slice these).
        run: the contents of ``run.json``.
        out: the output folder, when the result was written or loaded from one.

    A result read from an output folder loads each table the first time it is used, so a
    summary of a large run never holds every mention and relation in memory.
    """

    documents = _Table()
    mentions = _Table()
    actors = _Table()
    relations = _Table()
    edges = _Table()
    texts = _Table()

    def __init__(self, documents: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None,
                 actors: pd.DataFrame | None = None, relations: pd.DataFrame | None = None,
                 edges: pd.DataFrame | None = None, texts: pd.DataFrame | None = None,
                 run: dict[str, Any] | None = None, out: Path | None = None) -> None:
        given = dict(documents=documents, mentions=mentions, actors=actors, relations=relations,
                     edges=edges, texts=texts)
        self._tables: dict[str, pd.DataFrame] = {k: v for k, v in given.items() if v is not None}
        self.run: dict[str, Any] = run if run is not None else {}
        self.out = out

    def _read(self, name: str) -> pd.DataFrame:
        if self.out is None:
            return schema.empty(name)
        from actorgraph import store

        return store.read_table(self.out, name)

    def count(self, name: str) -> int:
        """Rows of a table, from ``run.json`` when the table is not loaded (no reading)."""
        if name not in self._tables:
            counts = self.run.get("counts", {})
            if name in counts and name != "documents":
                return int(counts[name])
        return len(getattr(self, name))

    def materialize(self) -> Result:
        """Load every table now (before the output folder goes away)."""
        for name in TABLE_NAMES:
            getattr(self, name)
        return self

    def __repr__(self) -> str:
        n_err = int((self.documents["status"] == "error").sum()) if len(self.documents) else 0
        where = f" in {self.out}" if self.out else ""
        return (
            f"<Result{where}: {len(self.documents)} documents ({n_err} errors), "
            f"{self.count('mentions')} mentions, {self.count('actors')} actors, "
            f"{self.count('relations')} relations>"
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
        """The actor best matching ``name``: its id, name or an alias; case-insensitive, fuzzy.

        Tries, in order: the exact id or name, an exact alias, a name or alias containing
        ``name`` as whole words ("Putin" finds "Vladimir Putin"), then close spellings
        ("Zelenskyi" finds "Zelensky"). Ties go to the most mentioned actor.

        Raises:
            KeyError: when nothing is close enough.
        """
        import difflib
        import re

        actors = self.actors
        needle = " ".join(str(name).split()).lower()
        if actors.empty or not needle:
            raise KeyError(name)
        names = actors["name"].fillna("").astype(str).str.lower()
        aliases = actors["aliases"].fillna("").astype(str).str.lower().str.split(";").map(
            lambda xs: [x.strip() for x in xs if x.strip()])

        def best(mask: pd.Series) -> pd.Series | None:
            hits = actors[mask.to_numpy(dtype=bool)]
            if hits.empty:
                return None
            return hits.sort_values("n_mentions", ascending=False, na_position="last").iloc[0]

        word = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")
        steps = (
            (actors["actor_id"].str.lower() == needle) | (names == needle),
            aliases.map(lambda xs: needle in xs),
            names.map(lambda n: bool(word.search(n))) | aliases.map(lambda xs: any(word.search(x) for x in xs)),
            names.str.contains(needle, regex=False),
        )
        for mask in steps:
            found = best(mask)
            if found is not None:
                return found
        # Close spellings, of whole names and of their single words ("Zelenskyy" ~ "Zelensky").
        candidates: dict[str, set[int]] = {}
        for pos, (n, al) in enumerate(zip(names, aliases, strict=True)):
            for cand in [n, *al, *n.split()]:
                if cand:
                    candidates.setdefault(cand, set()).add(pos)
        close = difflib.get_close_matches(needle, list(candidates), n=1, cutoff=0.8)
        if close:
            positions = sorted(candidates[close[0]])
            return actors.iloc[positions].sort_values("n_mentions", ascending=False,
                                                      na_position="last").iloc[0]
        raise KeyError(name)

    def actor(self, name: str) -> ActorView:
        """One actor with its mentions, relations and neighbours: ``result.actor("Putin")``.

        ``name`` is looked up with :meth:`find_actor`. Neighbours are the actors it shares a
        relation with, counted and ranked (co-occurrence included).
        """
        row = self.find_actor(name)
        aid = row["actor_id"]
        mentions = self.mentions[self.mentions["actor_id"] == aid]
        rels = self.relations[(self.relations["source_id"] == aid) | (self.relations["target_id"] == aid)]
        other = rels["target_id"].where(rels["source_id"] == aid, rels["source_id"])
        other = other[other != aid]
        counts = (pd.DataFrame({"actor_id": other.astype("string").to_numpy(),
                                "kind": rels.loc[other.index, "kind"].to_numpy()})
                  .groupby("actor_id", sort=False)
                  .agg(n_relations=("kind", "size"),
                       kinds=("kind", lambda k: ";".join(sorted(set(map(str, k))))))
                  .reset_index())
        neighbours = (counts.merge(self.actors[["actor_id", "name", "type", "country"]], on="actor_id",
                                   how="left")
                      .sort_values(["n_relations", "actor_id"], ascending=[False, True])
                      .reset_index(drop=True))
        neighbours = neighbours[["actor_id", "name", "type", "country", "n_relations", "kinds"]]
        return ActorView(row, mentions.reset_index(drop=True), rels.reset_index(drop=True), neighbours)

    def network(self, min_weight: int = 1, *, kinds: list[str] | None = None,
                include_cooccurrence: bool = True, min_confidence: float | None = None) -> Any:
        """The actor network as a networkx ``DiGraph`` with node and edge attributes.

        Nodes carry the ``actors`` columns (plus ``label`` and ``degree``); edges sum the
        ``edges`` weights over kinds (``kinds`` filters them) and keep ``kinds`` and
        ``event_types`` as ";"-joined strings. See :func:`actorgraph.graph.to_networkx`.
        """
        from actorgraph.graph import to_networkx

        return to_networkx(self, min_weight=min_weight, kinds=kinds,
                           include_cooccurrence=include_cooccurrence, min_confidence=min_confidence)

    def timeline(self, freq: str = "M", *, by: str = "event_type",
                 include_cooccurrence: bool | None = None) -> pd.DataFrame:
        """Relations counted by period and by a column: one row per period, one column per value.

        Args:
            freq: D, W, M, Q or Y (any pandas frequency). A relation is counted only when its
                date is at least as precise as ``freq``: a date known to the year only is not
                put in January of that year.
            by: the column to split by (event_type, quad_class, kind, ...); missing values
                count as "(none)".
            include_cooccurrence: count co-occurrence links too; by default only when
                ``by`` is not event_type or quad_class (which co-occurrence never has).

        The index (named ``period``) holds the first day of each period.
        """
        rels = self.relations
        if include_cooccurrence is None:
            include_cooccurrence = by not in ("event_type", "quad_class")
        if not include_cooccurrence:
            rels = rels[rels["kind"] != "cooccurrence"]
        text = rels["date"].astype("string").str.slice(0, 10)
        precision = text.str.len().fillna(0)
        step = str(freq).upper().lstrip("0123456789")[:1]
        needed = {"Y": 4, "A": 4, "Q": 7, "M": 7}.get(step, 10)
        ok = text.str.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?").fillna(False) & (precision >= needed)
        dates = pd.to_datetime(text.where(ok), errors="coerce", format="mixed")
        rels = rels.assign(_date=dates).dropna(subset=["_date"])
        if rels.empty:
            return pd.DataFrame(index=pd.DatetimeIndex([], name="period"))
        alias = {"M": "MS", "Q": "QS", "Y": "YS", "A": "YS"}.get(freq, freq)
        values = rels[by].astype("string").fillna("(none)")
        rels = rels.assign(**{by: values})
        table = rels.groupby([pd.Grouper(key="_date", freq=alias), by]).size().unstack(fill_value=0)
        # Periods without relations are rows of zeros, so the rows are evenly spaced in time.
        full = pd.date_range(table.index.min(), table.index.max(), freq=alias)
        if len(full) <= 5000:
            table = table.reindex(full, fill_value=0)
        return table.rename_axis(index="period", columns=by).astype("int64")

    def filter(self, *, start: str | None = None, end: str | None = None,
               country: str | list[str] | None = None,
               actor_type: str | list[str] | None = None) -> Result:
        """A Result restricted to a date range, countries (ISO3) and/or actor types.

        Relations are kept when at least one side is a matching actor and their date
        (YYYY, YYYY-MM or YYYY-MM-DD) overlaps ``start``..``end`` (inclusive; undated
        relations are dropped when a range is given). ``actors`` keeps the matching
        actors *and* the other side of each kept relation, so every relation still points
        at an actor; mentions are those of matching actors in documents published in the
        range. Documents and texts are kept whole; edges are rebuilt.
        """
        import re

        from actorgraph.edges import build_edges

        def as_set(value: str | list[str] | None) -> set[str] | None:
            if value is None:
                return None
            return {str(v).upper() for v in ([value] if isinstance(value, str) else value)}

        def bounds(text: str | None) -> tuple[str | None, str | None]:
            # A partial date covers an interval: "2023-04" runs from 2023-04-01 to 2023-04-31
            # (string comparison needs no real month length).
            if not isinstance(text, str) or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
                return None, None
            return text + "-01-01"[len(text) - 4:], text + "-12-31"[len(text) - 4:]

        countries, types = as_set(country), as_set(actor_type)
        actors = self.actors
        match = pd.Series(True, index=actors.index)
        if countries is not None:
            match &= actors["country"].astype("string").str.upper().isin(countries).fillna(False)
        if types is not None:
            match &= actors["type"].astype("string").str.upper().isin(types).fillna(False)
        ids = set(actors.loc[match, "actor_id"])
        rels = self.relations
        by_actor = countries is not None or types is not None
        if by_actor:
            rels = rels[rels["source_id"].isin(ids) | rels["target_id"].isin(ids)]
        start_lo = bounds(start)[0] if start else None
        end_hi = bounds(end)[1] if end else None
        if (start and start_lo is None) or (end and end_hi is None):
            raise ValueError(f"start and end are dates as YYYY, YYYY-MM or YYYY-MM-DD, not {start!r}, {end!r}")
        if start or end:
            lo_hi = [bounds(t) for t in rels["date"].astype("object").where(rels["date"].notna(), None)
                     .map(lambda v: v if v is None else str(v)[:10])]
            keep = [lo is not None and (not start or hi >= start_lo) and (not end or lo <= end_hi)
                    for lo, hi in lo_hi]
            rels = rels[keep]
        mentions = self.mentions
        if by_actor:
            mentions = mentions[mentions["actor_id"].isin(ids)]
        if start or end:
            in_range = []
            for value in self.documents["published"].astype("object"):
                lo, hi = bounds(str(value)[:10]) if isinstance(value, str) else (None, None)
                in_range.append(lo is not None and (not start or hi >= start_lo) and (not end or lo <= end_hi))
            mentions = mentions[mentions["doc_id"].isin(set(self.documents.loc[in_range, "doc_id"]))]
        if by_actor:
            keep_ids = ids | set(rels["source_id"]) | set(rels["target_id"])
            actors = actors[actors["actor_id"].isin(keep_ids)]
        edges = build_edges(rels, self.documents)
        return Result(self.documents, mentions.reset_index(drop=True), actors.reset_index(drop=True),
                      rels.reset_index(drop=True), edges, self.texts, self.run, self.out)


@dataclass
class ActorView:
    """One actor and what surrounds it (see :meth:`Result.actor`).

    Attributes:
        info: the actor's row of ``actors``.
        mentions: its mentions.
        relations: the relations it is the source or target of.
        neighbours: the actors it is linked with: actor_id, name, type, country,
            n_relations, kinds.
    """

    info: pd.Series
    mentions: pd.DataFrame
    relations: pd.DataFrame
    neighbours: pd.DataFrame

    def __repr__(self) -> str:
        i = self.info
        return (f"<Actor {i['name']} ({i['actor_id']}, {i['type']}, country={i['country']}, "
                f"sector={i['sector']}): {len(self.mentions)} mentions, {len(self.relations)} relations, "
                f"{len(self.neighbours)} neighbours>")

    def evidence(self, *, include_cooccurrence: bool = False) -> pd.DataFrame:
        """Its relations as readable rows: who, what, whom, when, and the evidence sentence."""
        rels = self.relations
        if not include_cooccurrence:
            rels = rels[rels["kind"] != "cooccurrence"]
        cols = ["source_name", "kind", "event_type", "predicate", "target_name", "date", "doc_id", "evidence"]
        return rels[[c for c in cols if c in rels.columns]].reset_index(drop=True)


def load(out: str | os.PathLike[str]) -> Result:
    """Open the tables of an output folder written by ``actorgraph run`` (each read on first use).

    Raises:
        ResultError: when the folder holds no actorgraph output.
    """
    folder = Path(out)
    if not (folder / "documents.parquet").exists() and not (folder / "documents.csv").exists():
        raise ResultError(f"{folder} holds no actorgraph output (no documents table). "
                          "Run `actorgraph run PATH --out DIR` first.")
    run: dict[str, Any] = {}
    if (folder / "run.json").exists():
        run = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    return Result(run=run, out=folder)
