"""The notebook helpers of Result (actor, network, timeline, filter) and actorgraph.graph."""

from __future__ import annotations

import pandas as pd
import pytest

from actorgraph import schema
from actorgraph.edges import build_edges
from actorgraph.graph import EDGE_ATTRS, NODE_ATTRS, country_matrix, to_networkx
from actorgraph.result import Result

PUTIN, CHINA, GAZPROM, LONER = "person:vladimir-putin", "country:CHN", "org:gazprom", "person:nobody"


def rel(rid, doc, src, dst, kind="action", event=None, quad=None, date=None, evidence="", predicate=None):
    names = {PUTIN: "Vladimir Putin", CHINA: "China", GAZPROM: "Gazprom", LONER: "Nobody"}
    return {"relation_id": rid, "doc_id": doc, "sent_index": 0, "source_id": src, "source_name": names[src],
            "target_id": dst, "target_name": names[dst], "kind": kind, "event_type": event,
            "quad_class": quad, "date": date, "evidence": evidence, "predicate": predicate}


@pytest.fixture()
def tiny() -> Result:
    """Three linked actors and one without relations, in two documents."""
    documents = schema.frame("documents", [
        {"doc_id": "d1", "published": "2023-01-05", "status": "ok"},
        {"doc_id": "d2", "published": "2023-03-10", "status": "ok"},
    ])
    actors = schema.frame("actors", [
        {"actor_id": PUTIN, "name": "Vladimir Putin", "type": "PERSON", "country": "RUS", "sector": "GOV",
         "aliases": "Putin; President Putin", "n_mentions": 5, "n_docs": 2},
        {"actor_id": CHINA, "name": "China", "type": "COUNTRY", "country": "CHN", "sector": "GOV",
         "aliases": "Chinese", "n_mentions": 4, "n_docs": 2},
        {"actor_id": GAZPROM, "name": "Gazprom", "type": "ORG", "country": None, "sector": None,
         "aliases": None, "n_mentions": 1, "n_docs": 1},
        {"actor_id": LONER, "name": "Nobody", "type": "PERSON", "n_mentions": 1, "n_docs": 1},
    ])
    relations = schema.frame("relations", [
        rel("r1", "d1", PUTIN, CHINA, event="CONSULT", quad="verbal cooperation", date="2023-01-05",
            evidence="Putin met Chinese leaders.", predicate="meet"),
        rel("r2", "d1", CHINA, PUTIN, kind="cooccurrence", date="2023-01-05"),
        rel("r3", "d2", PUTIN, CHINA, event="CONSULT", quad="verbal cooperation", date="2023-03-10",
            evidence="Putin visited Beijing.", predicate="visit"),
        rel("r4", "d2", CHINA, GAZPROM, event="AGREE", quad="verbal cooperation", date="2023-02",
            evidence="China agreed a deal with Gazprom.", predicate="agree"),
        rel("r5", "d2", GAZPROM, PUTIN, event="DEMAND", quad="verbal conflict", date="2023",
            evidence="Gazprom demanded help.", predicate="demand"),
        rel("r6", "d2", GAZPROM, CHINA, kind="cooccurrence", date="P4D"),
    ])
    mentions = schema.frame("mentions", [
        {"doc_id": "d1", "mention_id": "m1", "actor_id": PUTIN, "text": "Putin", "label": "PERSON"},
        {"doc_id": "d2", "mention_id": "m2", "actor_id": PUTIN, "text": "Putin", "label": "PERSON"},
        {"doc_id": "d2", "mention_id": "m3", "actor_id": CHINA, "text": "China", "label": "GPE"},
    ])
    return Result(documents, mentions, actors, relations, build_edges(relations, documents))


# -- network --------------------------------------------------------------------------------


def test_network_nodes_and_edges(tiny):
    g = tiny.network()
    assert set(g.nodes) == {PUTIN, CHINA, GAZPROM}  # the actor without relations is left out
    assert g.edges[PUTIN, CHINA]["weight"] == 2
    assert g.edges[PUTIN, CHINA]["kinds"] == "action"
    assert g.edges[PUTIN, CHINA]["event_types"] == "CONSULT"
    assert g.edges[PUTIN, CHINA]["first_date"] == "2023-01-05"
    assert g.edges[PUTIN, CHINA]["last_date"] == "2023-03-10"
    assert g.edges[PUTIN, CHINA]["directed"] is True
    # co-occurrence has no direction: stored once, smaller id first, and marked undirected
    assert g.has_edge(CHINA, PUTIN) and g.edges[CHINA, PUTIN]["directed"] is False
    assert g.edges[CHINA, GAZPROM]["kinds"] == "action;cooccurrence"
    assert g.edges[CHINA, GAZPROM]["directed"] is True
    assert g.nodes[PUTIN]["label"] == "Vladimir Putin"
    assert g.nodes[PUTIN]["n_mentions"] == 5
    assert g.nodes[PUTIN]["degree"] == g.degree(PUTIN)


def test_network_attributes_are_typed_and_never_missing(tiny, sample_result):
    for result in (tiny, sample_result):
        g = result.network()
        assert g.number_of_nodes() > 0
        for _, data in g.nodes(data=True):
            for attr, kind in NODE_ATTRS.items():
                assert type(data[attr]) is kind, (attr, data[attr])
        for _, _, data in g.edges(data=True):
            for attr, kind in EDGE_ATTRS.items():
                assert type(data[attr]) is kind, (attr, data[attr])
    assert tiny.network().nodes[GAZPROM]["country"] == ""  # NA becomes "", not None


def test_network_filters(tiny):
    # weights add up over kinds: China-Gazprom has one action and one co-occurrence
    assert set(tiny.network(min_weight=2).edges) == {(PUTIN, CHINA), (CHINA, GAZPROM)}
    assert set(tiny.network(min_weight=3).edges) == set()
    no_cooc = tiny.network(include_cooccurrence=False)
    assert all(d["directed"] for _, _, d in no_cooc.edges(data=True))
    assert not no_cooc.has_edge(CHINA, PUTIN)
    only_agree = to_networkx(tiny, kinds=["cooccurrence"])
    assert {d["kinds"] for _, _, d in only_agree.edges(data=True)} == {"cooccurrence"}


def test_network_min_confidence_leaves_out_weak_links():
    relations = schema.frame("relations", [
        {**rel("r1", "d1", PUTIN, CHINA, predicate="meet"), "confidence": 0.85},
        {**rel("r2", "d1", GAZPROM, CHINA, kind="affiliation"), "confidence": 0.36},
        {**rel("r3", "d2", GAZPROM, CHINA, kind="affiliation"), "confidence": 0.6},
        {**rel("r4", "d2", PUTIN, GAZPROM, kind="related"), "confidence": 0.32},
    ])
    documents = schema.frame("documents", [{"doc_id": "d1", "status": "ok"},
                                           {"doc_id": "d2", "status": "ok"}])
    edges = build_edges(relations, documents)
    by_pair = {(r.source_id, r.target_id): r.max_confidence for r in edges.itertuples()}
    assert by_pair[(GAZPROM, CHINA)] == 0.6  # the best of its relations
    result = Result(documents, schema.empty("mentions"), schema.empty("actors"), relations, edges)
    assert set(result.network().edges) == {(PUTIN, CHINA), (GAZPROM, CHINA), (PUTIN, GAZPROM)}
    assert set(result.network(min_confidence=0.41).edges) == {(PUTIN, CHINA), (GAZPROM, CHINA)}


def test_network_of_an_empty_result():
    empty = Result(schema.empty("documents"), schema.empty("mentions"), schema.empty("actors"),
                   schema.empty("relations"))
    assert empty.network().number_of_nodes() == 0
    assert empty.timeline().empty
    assert country_matrix(empty).empty


# -- country matrix ---------------------------------------------------------------------------


def test_country_matrix(tiny):
    m = country_matrix(tiny)
    assert m.loc["RUS", "CHN"] == 2  # r1, r3; Gazprom has no country so r4 and r5 are left out
    assert m.loc["CHN", "RUS"] == 0
    both = country_matrix(tiny, include_cooccurrence=True)
    assert both.loc["RUS", "CHN"] == both.loc["CHN", "RUS"] == 3  # symmetric with co-occurrence


def test_country_matrix_on_the_sample(sample_result):
    m = country_matrix(sample_result)
    assert list(m.index) == list(m.columns)
    assert all(len(c) == 3 and c.isupper() for c in m.index)
    assert (m.to_numpy().diagonal() == 0).all()


# -- timeline ----------------------------------------------------------------------------------


def test_timeline_by_month_counts_only_dates_precise_enough(tiny):
    t = tiny.timeline("M", by="event_type")
    assert list(t.index.strftime("%Y-%m")) == ["2023-01", "2023-02", "2023-03"]
    assert t.loc["2023-01-01", "CONSULT"] == 1
    assert t.loc["2023-02-01", "AGREE"] == 1
    assert "DEMAND" not in t.columns  # dated "2023" only: not put in January
    assert int(t.to_numpy().sum()) == 3  # co-occurrence left out


def test_timeline_by_year_and_kind(tiny):
    t = tiny.timeline("Y", by="quad_class")
    assert t.loc["2023-01-01", "verbal conflict"] == 1
    assert t.loc["2023-01-01", "verbal cooperation"] == 3
    k = tiny.timeline("M", by="kind")
    assert k.loc["2023-01-01", "cooccurrence"] == 1  # co-occurrence counted when splitting by kind
    assert k.index.name == "period"


def test_timeline_on_the_sample(sample_result):
    t = sample_result.timeline("M", by="quad_class")
    assert not t.empty
    dated = sample_result.relations[
        (sample_result.relations["kind"] != "cooccurrence")
        & sample_result.relations["date"].astype("string").str.fullmatch(r"\d{4}-\d{2}(-\d{2})?").fillna(False)]
    assert int(t.to_numpy().sum()) == len(dated)


# -- find_actor / actor ------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["Vladimir Putin", "putin", "President Putin", PUTIN, "Vladimir Puttin",
                                   "  PUTIN "])
def test_find_actor_by_name_alias_and_spelling(tiny, query):
    assert tiny.find_actor(query)["actor_id"] == PUTIN


def test_find_actor_by_demonym_alias(tiny):
    assert tiny.find_actor("Chinese")["actor_id"] == CHINA


def test_find_actor_raises_for_unknown_names(tiny):
    with pytest.raises(KeyError):
        tiny.find_actor("Angela Merkel")
    with pytest.raises(KeyError):
        tiny.find_actor("")


def test_actor_view(tiny):
    a = tiny.actor("Putin")
    assert a.info["actor_id"] == PUTIN
    assert len(a.mentions) == 2
    assert set(a.relations["relation_id"]) == {"r1", "r2", "r3", "r5"}
    nb = a.neighbours.set_index("actor_id")
    assert nb.loc[CHINA, "n_relations"] == 3
    assert nb.loc[CHINA, "kinds"] == "action;cooccurrence"
    assert nb.loc[GAZPROM, "n_relations"] == 1
    assert list(a.neighbours["actor_id"])[0] == CHINA  # ranked by count
    ev = a.evidence()
    assert "Putin visited Beijing." in set(ev["evidence"])
    assert "cooccurrence" not in set(ev["kind"])
    assert "Vladimir Putin" in repr(a)


def test_actor_on_the_sample(sample_result):
    top = sample_result.actors.sort_values("n_mentions", ascending=False).iloc[0]
    a = sample_result.actor(str(top["name"]).upper())
    assert a.info["actor_id"] == top["actor_id"]
    assert len(a.mentions) > 0
    assert (a.mentions["actor_id"] == top["actor_id"]).all()


# -- filter ------------------------------------------------------------------------------------


def test_filter_by_date_range_keeps_overlapping_partial_dates(tiny):
    feb = tiny.filter(start="2023-02-01", end="2023-02-28")
    assert set(feb.relations["relation_id"]) == {"r4", "r5"}  # "2023-02" and "2023" overlap February
    march_on = tiny.filter(start="2023-03")
    assert set(march_on.relations["relation_id"]) == {"r3", "r5"}
    assert set(march_on.mentions["doc_id"]) == {"d2"}  # mentions by publication date
    assert set(tiny.filter(end="2023-01").relations["relation_id"]) == {"r1", "r2", "r5"}
    with pytest.raises(ValueError):
        tiny.filter(start="last week")


def test_filter_by_country_and_type(tiny):
    rus = tiny.filter(country="rus")
    assert set(rus.relations["relation_id"]) == {"r1", "r2", "r3", "r5"}
    assert set(rus.mentions["actor_id"]) == {PUTIN}
    # the other side of each kept relation stays, so every relation points at an actor
    assert set(rus.actors["actor_id"]) == {PUTIN, CHINA, GAZPROM}
    orgs = tiny.filter(actor_type="org")
    assert set(orgs.relations["relation_id"]) == {"r4", "r5", "r6"}
    both = tiny.filter(country=["CHN", "RUS"], actor_type="COUNTRY")
    assert set(both.relations["relation_id"]) == {"r1", "r2", "r3", "r4", "r6"}
    assert len(both.edges) > 0 and set(both.edges["source_id"]) | set(both.edges["target_id"]) <= set(
        both.actors["actor_id"])


def test_filter_on_the_sample_keeps_references(sample_result):
    country = sample_result.actors.dropna(subset=["country"]).groupby("country")["n_mentions"].sum().idxmax()
    sub = sample_result.filter(country=country)
    assert 0 < len(sub.relations) < len(sample_result.relations)
    ids = set(sub.actors["actor_id"])
    assert set(sub.relations["source_id"]) <= ids and set(sub.relations["target_id"]) <= ids
    ours = set(sample_result.actors.loc[sample_result.actors["country"] == country, "actor_id"])
    assert (sub.relations["source_id"].isin(ours) | sub.relations["target_id"].isin(ours)).all()
    assert isinstance(sub.timeline(), pd.DataFrame)


def test_timeline_fills_empty_periods(tiny):
    gap = tiny.filter(end="2023-01-31")
    extra = schema.frame("relations", [*gap.relations.to_dict("records"), rel(
        "r9", "d2", PUTIN, CHINA, event="CONSULT", quad="verbal cooperation", date="2023-04-20")])
    t = Result(tiny.documents, tiny.mentions, tiny.actors, extra).timeline("M")
    assert list(t.index.strftime("%Y-%m")) == ["2023-01", "2023-02", "2023-03", "2023-04"]
    assert t.loc["2023-02-01"].sum() == 0 and t.loc["2023-04-01", "CONSULT"] == 1
