"""Graph: the actor network as a networkx graph with node and edge attributes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from actorgraph.result import Result


def _clean(value: Any) -> Any:
    """A GraphML/GEXF-safe attribute value (no NA, no numpy scalars)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if hasattr(value, "item"):
        return value.item()
    return value


def to_networkx(result: Result, *, min_weight: int = 1, kinds: list[str] | None = None,
                include_cooccurrence: bool = True) -> Any:
    """The actor network: nodes are actors, one edge per actor pair and direction.

    Edge attributes: ``weight`` (stories), ``n_relations``, ``kinds`` and ``event_types``
    (";"-joined), ``first_date``, ``last_date``, ``directed``. Undirected kinds
    (co-occurrence, meetings) are stored once, from the smaller id to the larger.
    """
    import networkx as nx

    graph = nx.DiGraph()
    edges = result.edges
    if kinds:
        edges = edges[edges["kind"].isin(kinds)]
    if not include_cooccurrence:
        edges = edges[edges["kind"] != "cooccurrence"]
    agg: dict[tuple[str, str], dict[str, Any]] = {}
    for row in edges.itertuples(index=False):
        key = (row.source_id, row.target_id)
        data = agg.setdefault(key, {"weight": 0, "n_relations": 0, "kinds": set(), "event_types": set(),
                                    "first_date": None, "last_date": None})
        data["weight"] += int(row.weight or 0)
        data["n_relations"] += int(row.n_relations or 0)
        data["kinds"].add(row.kind)
        if isinstance(row.event_type, str):
            data["event_types"].add(row.event_type)
        for attr, pick in (("first_date", min), ("last_date", max)):
            value = getattr(row, attr)
            if isinstance(value, str):
                data[attr] = value if data[attr] is None else pick(data[attr], value)
    used = {n for key, d in agg.items() if d["weight"] >= min_weight for n in key}
    for row in result.actors.itertuples(index=False):
        if row.actor_id in used:
            graph.add_node(row.actor_id, **{k: _clean(v) for k, v in row._asdict().items() if k != "actor_id"})
    for (src, dst), data in agg.items():
        if data["weight"] < min_weight:
            continue
        graph.add_edge(src, dst, weight=data["weight"], n_relations=data["n_relations"],
                       kinds=";".join(sorted(data["kinds"])),
                       event_types=";".join(sorted(data["event_types"])),
                       first_date=data["first_date"] or "", last_date=data["last_date"] or "")
    return graph
