"""Metrics on synthetic prediction tables: perfect scores 1.0, empty 0.0, partial exact values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actorgraph import schema
from actorgraph.evaluate import EvalReport, Predictions, read_gold, score_all
from actorgraph.evaluate.baseline import country_lookup, dateparser_value
from actorgraph.evaluate.metrics import (
    match_spans,
    pairwise_counts,
    score_countries,
    score_dates,
    score_entities,
    score_merging,
    score_relations,
)

DATA = Path(__file__).parent / "data" / "eval"
LABEL = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "MISC": "NORP"}


def _mention(doc_id: str, mid: str, start: int, end: int, text: str, label: str, **extra):
    return {"doc_id": doc_id, "mention_id": mid, "start_char": start, "end_char": end,
            "text": text, "label": label, **extra}  # fmt: skip


def _preds(mentions=(), relations=()) -> Predictions:
    return Predictions(schema.frame("mentions", mentions), schema.frame("relations", relations))


def perfect(docs) -> Predictions:
    """Predictions that reproduce the gold annotations exactly."""
    mentions, relations = [], []
    for doc in docs:
        ids = {}
        for i, e in enumerate(doc.entities):
            if e.etype is None or not (e.named or e.country):
                continue
            mid = f"{doc.doc_id}:e{i}"
            ids[(e.start, e.end)] = mid
            mentions.append(_mention(doc.doc_id, mid, e.start, e.end, e.text, LABEL[e.etype],
                                     actor_id=e.identity or e.text, country=e.country))  # fmt: skip
        for i, t in enumerate(doc.timexes):
            mentions.append(_mention(doc.doc_id, f"{doc.doc_id}:t{i}", t.start, t.end, t.text, "DATE",
                                     value=t.value, date_start=t.date_start, date_end=t.date_end))  # fmt: skip
        for i, r in enumerate(doc.relations):
            if r.source is not None:
                src, tgt = ids[(r.source.start, r.source.end)], ids[(r.target.start, r.target.end)]
            else:  # country-level gold: two mentions carrying the countries
                src, tgt = f"{doc.doc_id}:s{i}", f"{doc.doc_id}:o{i}"
                mentions.append(_mention(doc.doc_id, src, 0, 1, "x", "GPE", actor_id=f"a{src}",
                                         country=r.source_country))  # fmt: skip
                mentions.append(_mention(doc.doc_id, tgt, 1, 2, "y", "GPE", actor_id=f"a{tgt}",
                                         country=r.target_country))  # fmt: skip
            relations.append({"relation_id": f"{doc.doc_id}:r{i}", "doc_id": doc.doc_id,
                              "source_mention_id": src, "target_mention_id": tgt, "kind": "action",
                              "directed": True, "event_type": r.event_type})  # fmt: skip
    return _preds(mentions, relations)


GOLD_SETS = [
    ("gum", "mini.conllu", {"entities", "countries", "merging", "dates"}),
    ("timeml", "mini.tml", {"dates"}),
    ("crossre", "mini-crossre.json", {"entities", "relations"}),
    ("petrarch", "mini-petrarch.xml", {"relations"}),
    ("conll", "mini.conll", {"entities"}),
]


@pytest.mark.parametrize(("fmt", "name", "tasks"), GOLD_SETS)
def test_metrics_perfect_prediction_scores_one(fmt, name, tasks):
    docs = read_gold(fmt, DATA / name)
    scores, errors = score_all(docs, perfect(docs), "gold")
    assert {s.task for s in scores} == tasks
    for score in scores:
        if score.metric.startswith(("reversed", "direction unknown", "right by a symmetric")):
            assert score.value == 0.0, score
        elif score.n:
            assert score.value == pytest.approx(1.0), score
    assert errors == []


@pytest.mark.parametrize(("fmt", "name", "tasks"), GOLD_SETS)
def test_metrics_empty_prediction_scores_zero(fmt, name, tasks):
    docs = read_gold(fmt, DATA / name)
    scores, _ = score_all(docs, _preds(), "none")
    assert {s.task for s in scores} == tasks
    for score in scores:
        if score.n:
            assert score.recall == 0.0, score
            assert score.tp == 0
            if score.kind == "prf":
                assert score.f1 == 0.0


def test_metrics_entities_partial_exact_and_overlap():
    docs = read_gold("conll", DATA / "mini.conll")
    # "Volkswagen opens a plant in Puebla , Mexico .\nHerbert Diess spoke ."
    preds = _preds([
        _mention("mini-1", "m1", 0, 10, "Volkswagen", "ORG"),
        _mention("mini-1", "m2", 19, 24, "plant", "ORG"),  # false positive
        _mention("mini-1", "m3", 28, 43, "Puebla , Mexico", "GPE"),  # overlaps two gold spans
        _mention("mini-1", "m4", 46, 53, "Herbert", "PERSON"),  # partial span
        _mention("mini-2", "m5", 4, 13, "Brazilian", "NORP"),
    ])  # fmt: skip
    scores, errors = score_entities(docs, preds, "sys")
    got = {s.metric: (s.tp, s.fp, s.fn) for s in scores}
    assert got["ORG exact"] == (1, 1, 0)
    assert got["LOC exact"] == (0, 1, 2)
    assert got["PER exact"] == (0, 1, 1)
    assert got["MISC exact"] == (1, 0, 0)
    assert got["all exact"] == (2, 3, 3)
    assert got["LOC overlap"] == (1, 0, 1)  # one-to-one: the wide span pairs with one gold span
    assert got["all overlap"] == (4, 1, 1)
    total = next(s for s in scores if s.metric == "all overlap")
    assert (total.precision, total.recall, total.f1) == pytest.approx((0.8, 0.8, 0.8))
    assert {(e.kind, e.text) for e in errors} == {("fp", "plant"), ("miss", "Mexico")}
    assert all(e.sentence for e in errors)


def test_metrics_entities_non_name_gold_mentions_are_not_held_against():
    docs = read_gold("gum", DATA / "mini.conllu")
    doc = docs[0]
    start = doc.text.index("German government")
    preds = _preds([_mention(doc.doc_id, "m1", start, start + 17, "German government", "ORG")])
    scores, _ = score_entities(docs, preds, "sys")
    org = next(s for s in scores if s.metric == "ORG overlap")
    assert (org.tp, org.fp, org.fn) == (0, 0, 0)  # "the German government" is not a name


def test_metrics_countries_partial():
    docs = read_gold("gum", DATA / "mini.conllu")
    d1, d2 = (d.doc_id for d in docs)
    preds = _preds([
        _mention(d1, "m1", 0, 7, "Germany", "GPE", country="DEU"),
        _mention(d1, "m2", 12, 18, "France", "GPE", country="BEL"),  # wrong country
        _mention(d1, "m3", 127, 133, "German", "NORP"),  # no country: a miss
        _mention(d2, "m4", 15, 22, "Germany", "GPE", country="DEU"),
    ])  # fmt: skip
    (score, adjective), errors = score_countries(docs, preds, "sys")
    assert (score.tp, score.fp, score.fn, score.n) == (2, 1, 1, 4)
    assert score.value == 0.5
    assert sorted(e.kind for e in errors) == ["fp", "miss"]
    # "German" (an adjective head in the gold file) is the one adjective mention: missed.
    assert (adjective.metric, adjective.tp, adjective.fn, adjective.n) == ("adjective -> country (ISO3)", 0, 1, 1)


def test_metrics_merging_pairwise_partial():
    docs = read_gold("gum", DATA / "mini.conllu")
    d1, d2 = docs

    def at(doc, text, actor):  # noqa: E306
        start = doc.text.index(text)
        return _mention(doc.doc_id, f"{doc.doc_id}:{text}", start, start + len(text), text,
                        "PERSON", actor_id=actor)  # fmt: skip

    preds = _preds([
        at(d1, "Germany", "A1"), at(d1, "France", "A2"), at(d1, "Angela Merkel", "A3"),
        at(d1, "Emmanuel Macron", "A4"), at(d1, "Berlin", "A1"),  # Berlin wrongly merged
        at(d2, "Macron", "A5"),  # Macron split across documents
        at(d2, "Germany", "A1"),
    ])  # fmt: skip
    scores, errors = score_merging(docs, preds, "sys")
    by = {s.metric: s for s in scores}
    allp = by["mention pairs"]
    assert (allp.tp, allp.fp, allp.fn, allp.n) == (1, 2, 1, 7)
    assert (allp.precision, allp.recall) == pytest.approx((1 / 3, 1 / 2))
    xdoc = by["cross-document pairs"]
    assert (xdoc.tp, xdoc.fp, xdoc.fn) == (1, 1, 1)
    assert {e.kind for e in errors} == {"fp", "miss"}


def test_metrics_pairwise_counts():
    items = [("d1", "g1", "p1"), ("d1", "g1", "p1"), ("d2", "g1", "p2"), ("d2", "g2", "p2")]
    counts = pairwise_counts(items)
    # gold pairs: 3 (g1 x3); predicted pairs: 2; both: 1 (the two d1 items)
    assert counts["all"] == (1, 2, 3)
    # cross-document: gold g1 pairs d1-d2: 2; predicted: none across documents
    assert counts["xdoc"] == (0, 0, 2)


def test_metrics_dates_partial_spans_and_values():
    docs = read_gold("timeml", DATA / "mini.tml")
    doc_id = docs[0].doc_id
    # "\nThe ministers met yesterday and will meet again in March for two days.\n"
    preds = _preds([
        _mention(doc_id, "m1", 19, 28, "yesterday", "DATE", value="1998-02-05"),
        _mention(doc_id, "m2", 49, 57, "in March", "DATE", value="1998-03-01"),  # wrong value
        _mention(doc_id, "m3", 5, 14, "ministers", "DATE"),  # false positive
    ])  # fmt: skip
    scores, errors = score_dates(docs, preds, "sys")
    by = {s.metric: s for s in scores}
    assert (by["span overlap"].tp, by["span overlap"].fp, by["span overlap"].fn) == (2, 1, 1)
    assert (by["span exact"].tp, by["span exact"].fp, by["span exact"].fn) == (1, 2, 2)
    assert (by["value"].precision, by["value"].recall) == pytest.approx((1 / 3, 1 / 3))
    assert by["value accuracy (matched spans)"].value == 0.5
    assert {(e.kind, e.text) for e in errors} == {
        ("fp", "in March"), ("fp", "ministers"), ("miss", "two days"),
    }  # fmt: skip


def test_metrics_dates_range_values_compare_start_and_end():
    docs = read_gold("gum", DATA / "mini.conllu")
    doc = docs[0]
    start = doc.text.index("last week")
    right = _mention(doc.doc_id, "m1", start, start + 9, "last week", "DATE", value="2019-W10",
                     date_start="2019-03-04", date_end="2019-03-10")  # fmt: skip
    wrong = dict(right, date_end="2019-03-17")
    for mention, expected in ((right, 1), (wrong, 0)):
        scores, _ = score_dates(docs, _preds([mention]), "sys")
        assert next(s for s in scores if s.metric == "value").tp == expected


def _rel(doc_id, rid, src, tgt, *, directed=True, event_type=None, kind="action"):
    return {"relation_id": rid, "doc_id": doc_id, "source_mention_id": src,
            "target_mention_id": tgt, "directed": directed, "event_type": event_type,
            "kind": kind}  # fmt: skip


def test_metrics_relations_reversed_and_undirected():
    docs = read_gold("crossre", DATA / "mini-crossre.json")
    mentions = [
        _mention("mini-1", "merkel", 0, 13, "Angela Merkel", "PERSON"),
        _mention("mini-1", "cdu", 24, 50, "Christian Democratic Union", "ORG"),
        _mention("mini-2", "bra", 0, 6, "Brazil", "GPE"),
        _mention("mini-2", "arg", 16, 25, "Argentina", "GPE"),
        _mention("mini-2", "copa", 33, 50, "2019 Copa America", "EVENT"),
    ]
    relations = [
        _rel("mini-1", "r1", "cdu", "merkel"),  # the gold pair, reversed
        _rel("mini-2", "r2", "bra", "arg", directed=False, kind="cooccurrence"),
        _rel("mini-2", "r3", "bra", "copa"),  # not a gold pair
    ]
    scores, errors = score_relations(docs, _preds(mentions, relations), "sys")
    by = {s.metric: s for s in scores}
    pair = by["pair (any direction)"]
    assert (pair.tp, pair.fp, pair.fn) == (2, 1, 0)
    assert (pair.precision, pair.recall) == pytest.approx((2 / 3, 1.0))
    directed = by["directed pair"]
    assert (directed.precision, directed.recall) == (0.0, 0.0)
    assert by["reversed (share of gold)"].value == 0.5
    assert by["direction unknown (share of gold)"].value == 0.5
    details = sorted(e.detail for e in errors if e.kind == "miss")
    assert details == ["gold role: reversed", "gold win-defeat: direction unknown"]

    right = [_rel("mini-1", "r1", "merkel", "cdu"), _rel("mini-2", "r2", "bra", "arg")]
    scores, _ = score_relations(docs, _preds(mentions, right), "sys")
    by = {s.metric: s for s in scores}
    assert (by["directed pair"].precision, by["directed pair"].recall) == (1.0, 1.0)

    # a typed symmetric relation ("Brazil and Argentina met") holds the gold direction; it is
    # counted right, and apart, but never as a directed pair
    symmetric = [_rel("mini-1", "r1", "merkel", "cdu"),
                 _rel("mini-2", "r2", "arg", "bra", directed=False, kind="action")]
    scores, errors = score_relations(docs, _preds(mentions, symmetric), "sys")
    by = {s.metric: s for s in scores}
    assert by["right direction (share of gold)"].value == 1.0
    assert by["right by a symmetric relation (share of gold)"].value == 0.5
    assert by["direction unknown (share of gold)"].value == 0.0
    assert by["directed pair"].recall == 0.5
    assert by["direction right (of pairs found directed)"].value == 1.0
    assert not [e for e in errors if e.kind == "miss"]


def test_metrics_relations_by_country_and_event_type():
    docs = read_gold("petrarch", DATA / "mini-petrarch.xml")
    mentions = [
        _mention("MINI_1", "deu", 0, 6, "German", "NORP", country="DEU"),
        _mention("MINI_1", "fra", 40, 46, "France", "GPE", country="FRA"),
        _mention("MINI_2", "par", 24, 29, "Paris", "GPE", country="FRA"),
        _mention("MINI_2", "wea", 4, 11, "weather", "ORG"),
        _mention("MINI_3", "reb", 0, 6, "Rebels", "NORP"),
        _mention("MINI_3", "syr", 16, 22, "Syrian", "NORP", country="SYR"),
    ]
    relations = [
        _rel("MINI_1", "r1", "deu", "fra", event_type="CONSULT"),
        _rel("MINI_2", "r2", "wea", "par", directed=False),  # no gold event here
        _rel("MINI_3", "r3", "syr", "reb", event_type="COERCE"),  # reversed, other type
    ]
    scores, _ = score_relations(docs, _preds(mentions, relations), "sys")
    by = {s.metric: s for s in scores}
    assert (by["directed pair"].tp, by["directed pair"].fn) == (1, 1)
    assert by["reversed (share of gold)"].tp == 1
    assert by["right direction (share of gold)"].value == 0.5
    assert by["direction right (of pairs found directed)"].value == 0.5  # one right, one reversed
    assert by["pair (any direction)"].fp == 1
    event = by["event type agrees"]
    assert (event.tp, event.fp, event.n) == (1, 1, 2)


def test_metrics_relations_without_mention_ids_use_actor_mentions_in_the_sentence():
    docs = read_gold("crossre", DATA / "mini-crossre.json")
    mentions = [
        _mention("mini-1", "m1", 0, 13, "Angela Merkel", "PERSON", actor_id="merkel"),
        _mention("mini-1", "m2", 24, 50, "Christian Democratic Union", "ORG", actor_id="cdu"),
    ]
    relations = [{"relation_id": "r1", "doc_id": "mini-1", "source_id": "merkel",
                  "target_id": "cdu", "directed": True, "start_char": 0, "end_char": 52}]  # fmt: skip
    scores, _ = score_relations(docs, _preds(mentions, relations), "sys")
    assert next(s for s in scores if s.metric == "directed pair").tp == 1


@given(
    st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10)), max_size=8),
    st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10)), max_size=8),
    st.booleans(),
)
def test_metrics_match_spans_is_one_to_one(gold, pred, exact):
    gold = [(s, s + n) for s, n in gold]
    pred = [(s, s + n) for s, n in pred]
    pairs = match_spans(gold, pred, exact=exact)
    assert len({g for g, _ in pairs}) == len(pairs) == len({p for _, p in pairs})
    for g, p in pairs:
        if exact:
            assert gold[g] == pred[p]
        else:
            assert min(gold[g][1], pred[p][1]) > max(gold[g][0], pred[p][0])
    # every identical pair of spans can be matched, so exact matching never finds fewer
    # pairs than the number of distinct spans present on both sides
    assert len(pairs) >= len(set(gold) & set(pred))


def test_report_markdown_and_rich_tables_show_both_systems():
    docs = read_gold("gum", DATA / "mini.conllu")
    scores, errors = score_all(docs, perfect(docs), "actorgraph")
    base, base_errors = score_all(docs, _preds(), "baseline")
    report = EvalReport("gum", "mini.conllu", len(docs), "en_test", "2024-01-01",
                        tuple(scores + base), tuple(errors + base_errors),
                        gold_counts={"date expressions": 2})  # fmt: skip
    assert report.tasks == ["entities", "countries", "merging", "dates"]
    text = report.to_markdown(errors=1)
    assert text.count("| metric | gold n | actorgraph P |") == 4
    assert "| PER overlap | 3 | 1.000 | 1.000 | 1.000 | 3/0/0 | – | 0.000 | 0.000 | 0/0/3 |" in text
    assert "2 date expressions" in text
    assert report.examples(1) == []  # the perfect system made no errors
    # one miss per task; merging has none: with no predicted actors no pair is scored
    assert [e.task for e in report.examples(1, system="baseline")] == [
        "entities",
        "countries",
        "dates",
    ]
    assert len(report.to_rich_tables()) == 4
    assert "Errors" not in report.to_markdown()  # errors are shown only on request
    assert report.error_lines() == []
    lines = report.error_lines(1, system="baseline")
    assert [line.plain.split()[0] for line in lines] == ["entities", "countries", "dates"]
    assert "Chancellor Angela Merkel" in lines[0].plain
    assert report.to_dict()["scores"][0]["f1"] == 1.0


@pytest.mark.parametrize(
    ("text", "value"),
    [("yesterday", "2019-03-13"), ("March 2019", "2019-03"), ("2018", "2018"),
     ("12 March 2019", "2019-03-12")],
)  # fmt: skip
def test_baseline_dateparser_values_relative_to_publication(text, value):
    assert dateparser_value(text, date(2019, 3, 14)) == value


def test_baseline_country_lookup_is_plain_pycountry():
    assert country_lookup("the United States") == "USA"
    assert country_lookup("France") == "FRA"
    assert country_lookup("Berlin") is None
    assert country_lookup("German") is None  # pycountry knows no demonyms


def test_evaluate_runs_pipeline_and_baseline_on_tiny_gold():
    pytest.importorskip("actorgraph.pipeline", reason="the pipeline is not importable")
    from actorgraph.evaluate import evaluate

    report = evaluate("gum", DATA / "mini.conllu", errors=2)
    assert report.systems == ("actorgraph", "baseline")
    assert report.tasks == ["entities", "countries", "merging", "dates"]
    assert report.n_docs == 2
    for system in report.systems:
        ner = report.get("entities", "all overlap", system)
        assert ner is not None and ner.n == 7  # the gold names, whatever was predicted
        assert ner.tp > 0  # "Germany", "France", "Macron" are plain names for any model
        countries = report.get("countries", "mention country (ISO3)", system)
        assert countries is not None and countries.n == 4
        for score in report.scores:
            for value in (score.precision, score.recall, score.f1):
                assert value is None or 0.0 <= value <= 1.0
    assert all(e.system in report.systems for e in report.errors)
    assert "| metric | gold n | actorgraph P |" in report.to_markdown()


def test_metrics_relations_strict_arguments_cover_half_the_gold_span():
    """A mention covering under half of a gold argument ("Angela" of "Angela Merkel") matches
    it in the lenient rows but not in the strict ones."""
    docs = read_gold("crossre", DATA / "mini-crossre.json")
    mentions = [
        _mention("mini-1", "ang", 0, 6, "Angela", "PERSON"),
        _mention("mini-1", "cdu", 24, 50, "Christian Democratic Union", "ORG"),
    ]
    scores, _ = score_relations(docs, _preds(mentions, [_rel("mini-1", "r1", "cdu", "ang")]), "sys")
    by = {s.metric: s for s in scores}
    assert by["reversed (share of gold)"].value == 0.5
    assert by["reversed, strict arguments (share of gold)"].value == 0.0
    mentions[0] = _mention("mini-1", "ang", 0, 13, "Angela Merkel", "PERSON")
    scores, _ = score_relations(docs, _preds(mentions, [_rel("mini-1", "r1", "ang", "cdu")]), "sys")
    by = {s.metric: s for s in scores}
    assert by["right direction, strict arguments (share of gold)"].value == 0.5


def test_metrics_relations_country_pairs_are_events_and_their_type_decides():
    """Country-coded gold pairs (PETRARCH) are events: an attribute link between the same
    countries matches neither way, and among matching relations the one with the gold event
    type decides the direction."""
    docs = read_gold("petrarch", DATA / "mini-petrarch.xml")
    mentions = [
        _mention("MINI_1", "deu", 0, 6, "German", "NORP", country="DEU"),
        _mention("MINI_1", "fra", 40, 46, "France", "GPE", country="FRA"),
    ]
    located = [_rel("MINI_1", "r1", "fra", "deu", kind="located_in")]
    by = {s.metric: s for s in score_relations(docs, _preds(mentions, located), "sys")[0]}
    assert by["reversed (share of gold)"].tp == 0
    assert by["pair (any direction)"].tp == 0
    both = [_rel("MINI_1", "r1", "fra", "deu", event_type="SUPPORT"),
            _rel("MINI_1", "r2", "deu", "fra", event_type="CONSULT", directed=False)]
    by = {s.metric: s for s in score_relations(docs, _preds(mentions, both), "sys")[0]}
    assert by["right direction (share of gold)"].tp == 1
    assert by["reversed (share of gold)"].tp == 0
