"""Graph: the actor network as a networkx graph, and country-level aggregates.

The graph is what Gephi, GraphML and GEXF users see, so every attribute has one type on
every node (or edge) and no attribute is ever missing: strings default to ``""``, counts
to ``0``. Gephi and networkx's writers reject ``None`` and mixed types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from actorgraph import schema

if TYPE_CHECKING:
    from actorgraph.result import Result

# Kinds whose relations have no direction (stored once, smaller id first).
UNDIRECTED_KINDS = frozenset({"cooccurrence"})

# Node attributes and their GraphML/GEXF types, in order (``label`` is what Gephi shows).
NODE_ATTRS: dict[str, type] = {
    "label": str, "name": str, "type": str, "country": str, "sector": str, "aliases": str,
    "title": str, "codes": str, "n_mentions": int, "n_docs": int,
}
# Edge attributes and their types.
EDGE_ATTRS: dict[str, type] = {
    "weight": int, "n_relations": int, "n_docs": int, "kinds": str, "event_types": str,
    "first_date": str, "last_date": str, "directed": bool,
}


def attr_value(value: Any, kind: type) -> Any:
    """``value`` as a plain Python ``kind`` (str, int, float or bool); NA becomes the kind's zero."""
    missing = value is None or (not isinstance(value, str | list | tuple | dict) and pd.isna(value))
    if missing:
        return kind()
    if hasattr(value, "item"):  # numpy scalars: the writers want plain Python values
        value = value.item()
    return kind(value)


def to_networkx(result: Result, *, min_weight: int = 1, kinds: list[str] | None = None,
                include_cooccurrence: bool = True, min_confidence: float | None = None) -> Any:
    """The actor network: nodes are actors, one edge per actor pair and direction.

    Args:
        min_weight: leave out edges whose summed weight (stories) is below this.
        kinds: keep only these relation kinds (``None``: all).
        include_cooccurrence: keep same-sentence co-occurrence links.
        min_confidence: keep only edges with a relation at least this confident (0.41 leaves
            out the short-path rule, the least precise: see docs/precision.md).

    Node attributes: :data:`NODE_ATTRS` (the ``actors`` columns plus ``label``) and
    ``degree`` (int, after filtering). Edge attributes: :data:`EDGE_ATTRS` — ``weight``
    (stories), ``n_relations``, ``kinds`` and ``event_types`` (";"-joined), ``first_date``,
    ``last_date`` and ``directed`` (False when only undirected kinds link the pair; those
    are stored once, from the smaller id to the larger).
    """
    import networkx as nx

    graph = nx.DiGraph()
    edges = result.edges
    if edges is None or edges.empty:
        edges = schema.empty("edges")
    if kinds:
        edges = edges[edges["kind"].isin(kinds)]
    if not include_cooccurrence:
        edges = edges[edges["kind"] != "cooccurrence"]
    if min_confidence is not None and "max_confidence" in edges:
        edges = edges[edges["max_confidence"].fillna(0) >= min_confidence]
    agg: dict[tuple[str, str], dict[str, Any]] = {}
    for row in edges.itertuples(index=False):
        src, dst = str(row.source_id), str(row.target_id)
        if row.kind in UNDIRECTED_KINDS and dst < src:
            src, dst = dst, src
        data = agg.setdefault((src, dst), {"weight": 0, "n_relations": 0, "n_docs": 0, "kinds": set(),
                                           "event_types": set(), "first_date": None, "last_date": None,
                                           "directed": False})
        data["weight"] += attr_value(row.weight, int)
        data["n_relations"] += attr_value(row.n_relations, int)
        data["n_docs"] = max(data["n_docs"], attr_value(row.n_docs, int))
        data["kinds"].add(str(row.kind))
        data["directed"] |= row.kind not in UNDIRECTED_KINDS
        if isinstance(row.event_type, str) and row.event_type:
            data["event_types"].add(row.event_type)
        for attr, pick in (("first_date", min), ("last_date", max)):
            value = getattr(row, attr)
            if isinstance(value, str) and value:
                data[attr] = value if data[attr] is None else pick(data[attr], value)
    kept = {key: d for key, d in agg.items() if d["weight"] >= min_weight and key[0] != key[1]}
    used = {n for key in kept for n in key}
    actors = result.actors
    records: dict[str, dict[str, Any]] = {}
    if len(actors):
        known = actors[actors["actor_id"].isin(used)].drop_duplicates("actor_id")
        records = {str(rec["actor_id"]): rec for rec in known.to_dict("records")}
    for node in sorted(used):
        row = records.get(node, {})
        attrs = {}
        for attr, kind in NODE_ATTRS.items():
            attrs[attr] = attr_value(row.get("name" if attr == "label" else attr), kind)
        if not attrs["label"]:
            attrs["label"] = attrs["name"] = node
        graph.add_node(node, **attrs)
    for (src, dst), data in kept.items():
        graph.add_edge(src, dst, **{
            "weight": data["weight"], "n_relations": data["n_relations"], "n_docs": data["n_docs"],
            "kinds": ";".join(sorted(data["kinds"])),
            "event_types": ";".join(sorted(data["event_types"])),
            "first_date": data["first_date"] or "", "last_date": data["last_date"] or "",
            "directed": bool(data["directed"]),
        })
    for node, degree in graph.degree():
        graph.nodes[node]["degree"] = int(degree)
    return graph


def country_matrix(result: Result, *, include_cooccurrence: bool = False,
                   kinds: list[str] | None = None, symmetric: bool | None = None) -> pd.DataFrame:
    """Relations counted between the countries of their actors: a country × country table.

    Rows are the source actor's country, columns the target's (ISO3 codes); relations
    whose source or target has no country are left out, as are self-pairs (a country
    with itself). Co-occurrence is left out unless ``include_cooccurrence``; because it
    has no direction, the table is made symmetric when it is included (``symmetric``
    overrides). Counts are relations, not stories.
    """
    rels = result.relations
    if kinds:
        rels = rels[rels["kind"].isin(kinds)]
    if not include_cooccurrence:
        rels = rels[rels["kind"] != "cooccurrence"]
    country = result.actors.set_index("actor_id")["country"] if len(result.actors) else pd.Series(
        dtype="string")
    src = rels["source_id"].map(country)
    dst = rels["target_id"].map(country)
    pairs = pd.DataFrame({"source": src, "target": dst}).dropna()
    pairs = pairs[(pairs["source"] != "") & (pairs["target"] != "") & (pairs["source"] != pairs["target"])]
    if pairs.empty:
        return pd.DataFrame(dtype="int64")
    table = pd.crosstab(pairs["source"].astype(str), pairs["target"].astype(str))
    labels = sorted(set(table.index) | set(table.columns))
    table = table.reindex(index=labels, columns=labels, fill_value=0)
    if symmetric if symmetric is not None else include_cooccurrence:
        table = table + table.T
    table = table.rename_axis(index="source country", columns="target country")
    return table.astype("int64")
