"""Gold-entity (oracle NER) evaluation: the entities hook, the gold baseline, ``--gold-entities``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab
from typer.testing import CliRunner

from actorgraph.evaluate import read_gold
from actorgraph.evaluate.baseline import run_gold_baseline
from actorgraph.evaluate.gold import GoldSpan, spacy_label
from actorgraph.evaluate.metrics import score_relations
from actorgraph.nlp import set_entities
from actorgraph.records import Article

DATA = Path(__file__).parent / "data" / "eval"
#: A name the small model does not find ("Ndlovu-Khumalo"), the subject of a directed relation.
MISSED = {
    "doc_key": "ge-1",
    "sentence": ["Ndlovu-Khumalo", "attacked", "the", "Labour", "Party", "."],
    "ner": [[0, 0, "politician"], [3, 4, "politicalparty"]],
    "relations": [[0, 0, 3, 4, "opposite", "", False, False]],
}


@pytest.fixture()
def missed_file(tmp_path: Path) -> Path:
    path = tmp_path / "missed.json"
    path.write_text(json.dumps(MISSED) + "\n", encoding="utf-8")
    return path


def _doc(words, ents, spaces=None) -> Doc:
    return Doc(Vocab(), words=words, spaces=spaces, ents=ents)


# -- the hook ---------------------------------------------------------------------------------


def test_nlp_set_entities_replaces_names_and_keeps_values_no_gold_span_overlaps():
    #        0           1    2     3        4   5         6        7     8
    words = ["Ndlovu", "met", "Labour", "on", "Monday", "before", "2019", "talks", "."]
    model = ["O", "O", "B-PERSON", "O", "B-DATE", "O", "B-DATE", "O", "O"]
    doc = _doc(words, model)
    text = doc.text  # "Ndlovu met Labour on Monday before 2019 talks . "
    given = [(0, 6, "PERSON"), (text.index("Labour"), text.index("Labour") + 6, "ORG"),
             (text.index("2019"), text.index("talks") + 5, "EVENT")]
    assert set_entities(doc, given) == 3
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Ndlovu", "PERSON"), ("Labour", "ORG"), ("Monday", "DATE"), ("2019 talks", "EVENT")]


@pytest.mark.parametrize("given,offset,expected", [
    ([(1, 4, "PERSON")], 0, [("Ndlovu", "PERSON")]),  # inside a token: widened to it
    ([(6, 7, "ORG")], 0, []),  # whitespace only
    ([(100, 106, "ORG"), (93, 99, "ORG")], 100, [("Ndlovu", "ORG")]),  # other chunk, across its edge
    ([(0, 10, "PERSON"), (7, 17, "ORG")], 0, [("Ndlovu met", "PERSON")]),  # overlap: longest, then first
    ([(0, 17, "EVENT"), (0, 6, "PERSON")], 0, [("Ndlovu met Labour", "EVENT")]),
])  # fmt: skip
def test_nlp_set_entities_aligns_and_skips(given, offset, expected):
    doc = _doc(["Ndlovu", "met", "Labour", "."], ["O"] * 4)
    set_entities(doc, given, offset=offset)
    assert [(e.text, e.label_) for e in doc.ents] == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(-5, 60), st.integers(0, 60),
                          st.sampled_from(["PERSON", "ORG", "GPE"])), max_size=8))
def test_nlp_set_entities_spans_stay_on_the_text(given_spans):
    words = ["The", "Labour", "Party", "of", "New", "Zealand", "met", "Ndlovu", "-", "Khumalo", "."]
    spaces = [True, True, True, True, True, True, True, False, False, True, False]
    doc = _doc(words, ["O"] * len(words), spaces)
    set_entities(doc, given_spans)
    ents = list(doc.ents)
    for ent in ents:
        assert doc.text[ent.start_char : ent.end_char] == ent.text and ent.text.strip()
        assert any(s < ent.end_char and ent.start_char < e for s, e, _ in given_spans)
    assert all(a.end <= b.start for a, b in zip(ents, ents[1:], strict=False))


# -- labels and the gold baseline -----------------------------------------------------------


@pytest.mark.parametrize("label,etype,text,expected", [
    ("politician", "PER", "Angela Merkel", "PERSON"),
    ("politicalparty", "ORG", "Labour Party", "ORG"),
    ("country", "LOC", "Jamaica", "GPE"),
    ("location", "LOC", "London", "GPE"),
    ("location", "LOC", "Thames", "LOC"),
    ("misc", "MISC", "Mexican", "NORP"),
    ("misc", "MISC", "Wimbledon", "NORP"),
    ("election", None, "2019 election", "EVENT"),
    ("book", None, "Das Kapital", None),
])  # fmt: skip
def test_gold_spacy_label(label, etype, text, expected):
    assert spacy_label(GoldSpan(0, len(text), text, label, etype)) == expected


def test_gold_to_article_carries_the_gold_entities_only_when_asked():
    doc = read_gold("crossre", DATA / "mini-crossre.json")[1]  # Brazil, Argentina, 2019 Copa America
    assert doc.to_article().meta == {}
    given = doc.to_article(gold_entities=True).meta["entities"]
    assert [(doc.text[s:e], label) for s, e, label in given] == [
        ("Brazil", "GPE"), ("Argentina", "GPE"), ("2019 Copa America", "EVENT")]


def test_baseline_gold_cooccurrence_pairs_the_gold_actors_of_a_sentence():
    docs = read_gold("crossre", DATA / "mini-crossre.json")
    preds = run_gold_baseline(docs)
    assert len(preds.mentions) == 5  # every gold entity
    pairs = [(r.source_name, r.target_name, r.directed) for r in preds.relations.itertuples()]
    # the event is no actor, as in the pipeline
    assert pairs == [("Angela Merkel", "Christian Democratic Union", False), ("Brazil", "Argentina", False)]
    scores = {s.metric: s for s in score_relations(docs, preds, "baseline")[0]}
    assert scores["pair (any direction)"].tp == 2
    assert scores["direction unknown (share of gold)"].tp == 2
    assert scores["right direction (share of gold)"].tp == 0


# -- the pipeline with the gold entities -----------------------------------------------------


def test_evaluate_gold_entities_make_a_missed_name_a_relation_endpoint(missed_file, nlp):
    from actorgraph.evaluate import evaluate
    from actorgraph.evaluate.run import run_pipeline

    docs = read_gold("crossre", missed_file)
    plain = run_pipeline(docs, nlp=nlp)
    assert "Ndlovu-Khumalo" not in set(plain.mentions["text"])  # the premise: the model misses it
    preds = run_pipeline(docs, nlp=nlp, gold_entities=True)
    rels = preds.relations[preds.relations["directed"].astype(bool)]
    assert ("Ndlovu-Khumalo", "Labour Party") in set(zip(rels["source_name"], rels["target_name"], strict=True))

    without = evaluate("crossre", missed_file, nlp=nlp, baseline=False)
    report = evaluate("crossre", missed_file, nlp=nlp, gold_entities=True)
    metric = "right direction (share of gold)"
    assert without.get("relations", metric).tp == 0
    assert report.get("relations", metric).tp == 1
    assert report.get("relations", metric, "baseline").tp == 0  # co-occurrence has no direction
    assert report.get("relations", "pair (any direction)", "baseline").tp == 1
    assert report.gold_entities and report.to_dict()["gold_entities"] is True
    assert report.to_markdown().splitlines()[0] == f"### crossre: {missed_file}, gold entities"


def test_pipeline_given_entities_keep_offsets_across_chunks(nlp, monkeypatch):
    from actorgraph import pipeline

    chunks = pipeline._chunks
    monkeypatch.setattr(pipeline, "_chunks", lambda text: chunks(text, 80))
    text = ("Qlorp Industries sued Microsoft in Berlin.\n\n"
            "Later that year Ndlovu-Khumalo attacked the Labour Party in Leeds.\n")
    names = ["Qlorp Industries", "Microsoft", "Ndlovu-Khumalo", "Labour Party"]
    given = [(text.index(n), text.index(n) + len(n), "ORG" if n != "Ndlovu-Khumalo" else "PERSON")
             for n in names]
    given.append((text.index("dlovu"), text.index("dlovu") + 3, "ORG"))  # overlaps a longer one
    given.append((text.index("Leeds") + 2, text.index("Leeds") + 4, "GPE"))  # inside a word
    article = Article(doc_id="a", path="a", text=text, meta={"entities": given})
    assert len(pipeline._chunks(text)) == 2
    result = pipeline.extract_articles([article], nlp=nlp)
    mentions = result.mentions
    assert (result.documents["status"] == "ok").all()
    for row in mentions.itertuples():
        assert text[row.start_char : row.end_char] == row.text
    found = set(mentions["text"])
    assert set(names) | {"Leeds"} <= found
    assert "Berlin" not in found  # the model's name, replaced
    for row in result.relations.itertuples():
        assert text[row.start_char : row.end_char] == row.evidence


def test_pipeline_content_hash_includes_given_entities_only():
    from actorgraph.pipeline import content_hash

    plain = Article(doc_id="a", path="a", text="Ndlovu met Labour.")
    with_entities = Article(doc_id="a", path="a", text=plain.text, meta={"entities": [(0, 6, "PERSON")]})
    other = Article(doc_id="a", path="a", text=plain.text, meta={"entities": [(11, 17, "ORG")]})
    # a JSON record's own scalar "entities" field is not the hook
    field = Article(doc_id="a", path="a", text=plain.text, meta={"entities": "Ndlovu; Labour"})
    hashes = [content_hash(a, "fp") for a in (plain, with_entities, other, field)]
    assert len(set(hashes[:3])) == 3
    assert hashes[3] == hashes[0]


# -- the command --------------------------------------------------------------------------------


def test_cli_evaluate_gold_entities(missed_file):
    from actorgraph.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", "crossre", str(missed_file), "--gold-entities", "--markdown"])
    assert result.exit_code == 0, result.output
    assert f"### crossre: {missed_file}, gold entities" in result.output
    assert "| right direction (share of gold) | 1 |  |  | 1.000 | 1/1 |" in result.output
    tables = runner.invoke(app, ["evaluate", "crossre", str(missed_file), "--gold-entities"])
    assert tables.exit_code == 0 and "crossre (gold entities)" in tables.output
    wrong = runner.invoke(app, ["evaluate", "timeml", str(DATA / "mini.tml"), "--gold-entities"])
    assert wrong.exit_code == 1
    assert "Error: Gold entities score the relation stage: they need a gold set with relations" in " ".join(
        wrong.output.split())
    assert "Traceback" not in wrong.output


def test_malformed_given_entities_are_ignored_not_fatal():
    from actorgraph.pipeline import extract_articles
    from actorgraph.records import Article

    text = "Vladimir Putin met Xi Jinping in Moscow."
    art = Article(doc_id="d", path="d.txt", text=text,
                  meta={"entities": [{"name": "Putin"}, (0, 14, "PERSON"), "junk"]})
    result = extract_articles([art])
    assert result.documents.iloc[0]["status"] == "ok"
    assert "Vladimir Putin" in set(result.mentions["text"])
