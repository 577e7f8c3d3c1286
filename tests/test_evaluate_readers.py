"""Gold readers on small hand-written files (tests/data/eval) and files written here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from actorgraph.evaluate import GoldFormatError, read_gold
from actorgraph.evaluate.gold import cameo_to_plover, iso3_from_name

DATA = Path(__file__).parent / "data" / "eval"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def _check_offsets(docs) -> None:
    for doc in docs:
        for span in doc.entities:
            assert doc.text[span.start : span.end] == span.text
        for timex in doc.timexes:
            assert doc.text[timex.start : timex.end] == timex.text
        for rel in doc.relations:
            for arg in (rel.source, rel.target):
                if arg is not None:
                    assert doc.text[arg.start : arg.end] == arg.text


def test_readers_conll_bio_documents_and_sentences():
    docs = read_gold("conll", DATA / "mini.conll")
    assert [d.doc_id for d in docs] == ["mini-1", "mini-2"]
    first = docs[0]
    assert first.text == "Volkswagen opens a plant in Puebla , Mexico .\nHerbert Diess spoke ."
    assert [(e.text, e.etype) for e in first.entities] == [
        ("Volkswagen", "ORG"), ("Puebla", "LOC"), ("Mexico", "LOC"), ("Herbert Diess", "PER"),
    ]  # fmt: skip
    assert first.tasks == frozenset({"entities"})
    assert len(first.sentences) == 2
    assert [(e.text, e.etype) for e in docs[1].entities] == [("Brazilian", "MISC")]
    _check_offsets(docs)


def test_readers_conll_iob1_splits_on_b_and_o():
    docs = read_gold("conll", DATA / "mini-iob1.conll")
    assert [(e.text, e.etype) for e in docs[0].entities] == [
        ("Angela Merkel", "PER"), ("Emmanuel Macron", "PER"), ("Aachen", "LOC"), ("Berlin", "LOC"),
    ]  # fmt: skip


def test_readers_gum_text_entities_dates_and_countries():
    docs = read_gold("gum", DATA / "mini.conllu")
    assert [d.doc_id for d in docs] == ["GUM_news_mini", "GUM_news_mini2"]
    doc = docs[0]
    assert doc.published == date(2019, 3, 14)
    assert doc.title == "Germany and France sign energy deal"
    # paragraphs are separated by a blank line, sentences by a space, SpaceAfter=No honoured,
    # the multiword token "government's" keeps its surface form
    assert doc.text == (
        "Germany and France sign energy deal\n\n"
        "Chancellor Angela Merkel met President Emmanuel Macron in Berlin on Tuesday. "
        "She said the German government's plan was agreed last week."
    )
    _check_offsets(docs)
    by_text = {e.text: e for e in doc.entities}
    assert by_text["Chancellor Angela Merkel"].etype == "PER"
    assert by_text["Chancellor Angela Merkel"].named  # head "Merkel" is a proper noun
    assert not by_text["She"].named  # a pronoun mention is not a name
    assert not by_text["the German government"].named
    assert by_text["energy deal"].etype is None  # GUM "event" is not a scored type
    assert by_text["Germany"].country == "DEU"
    assert by_text["German"].country == "DEU"  # nationality adjective with a country identity
    assert by_text["Berlin"].country is None  # a city identity is not a country
    assert [(t.text, t.value, t.date_start, t.date_end) for t in doc.timexes] == [
        ("Tuesday", "2019-03-12", None, None),
        ("last week", None, "2019-03-04", "2019-03-10"),
    ]
    # word offsets inside the multiword token
    gov = by_text["the German government"]
    assert doc.text[gov.start : gov.end] == "the German government"
    assert doc.entity_types == ("PER", "ORG", "LOC")


def test_readers_timeml_text_dct_and_values():
    (doc,) = read_gold("timeml", DATA / "mini.tml")
    assert doc.doc_id == "MINI19980206.0001"
    assert doc.published == date(1998, 2, 6)
    assert "<" not in doc.text and "ministers met yesterday" in doc.text
    assert [(t.text, t.value, t.type) for t in doc.timexes] == [
        ("yesterday", "1998-02-05", "DATE"),
        ("March", "1998-03", "DATE"),
        ("two days", "P2D", "DURATION"),
    ]
    _check_offsets([doc])


def test_readers_crossre_relations_between_scored_types_only():
    docs = read_gold("crossre", DATA / "mini-crossre.json")
    assert docs[0].text == "Angela Merkel leads the Christian Democratic Union ."
    (rel,) = docs[0].relations
    assert (rel.source.text, rel.target.text, rel.label) == (
        "Angela Merkel", "Christian Democratic Union", "role",
    )  # fmt: skip
    assert (rel.source.etype, rel.target.etype) == ("PER", "ORG")
    # the relation to the "event" entity is dropped: events are not actors
    assert [(r.source.text, r.target.text) for r in docs[1].relations] == [("Brazil", "Argentina")]
    _check_offsets(docs)


def test_readers_petrarch_tolerates_self_closed_sentence_tags():
    docs = read_gold("petrarch", DATA / "mini-petrarch.xml")
    assert [d.doc_id for d in docs] == ["MINI_1", "MINI_2", "MINI_3"]
    first = docs[0]
    assert first.text == "German Chancellor Angela Merkel visited France on Thursday."
    assert first.published == date(2019, 3, 14)
    (rel,) = first.relations
    assert (rel.source_country, rel.target_country, rel.event_type, rel.code) == (
        "DEU", "FRA", "CONSULT", "042",
    )  # fmt: skip
    assert docs[1].relations == ()  # noevents="True"
    (rebels,) = docs[2].relations
    assert (rebels.source_country, rebels.target_country, rebels.event_type) == (
        None,
        "SYR",
        "ASSAULT",
    )


def test_readers_limit_and_folder(tmp_path):
    (tmp_path / "a.tml").write_text((DATA / "mini.tml").read_text())
    (tmp_path / "b.tml").write_text(
        (DATA / "mini.tml").read_text().replace("MINI1998", "OTHER1998")
    )
    (tmp_path / "notes.md").write_text("not gold")
    docs = read_gold("timeml", tmp_path)
    assert [d.doc_id for d in docs] == ["MINI19980206.0001", "OTHER19980206.0001"]
    assert len(read_gold("timeml", tmp_path, limit=1)) == 1


def test_readers_errors_say_what_is_wrong(tmp_path):
    with pytest.raises(GoldFormatError, match="unknown gold format 'brat'; choose one of conll"):
        read_gold("brat", tmp_path)  # type: ignore[arg-type]
    with pytest.raises(GoldFormatError, match="does not exist"):
        read_gold("gum", tmp_path / "missing")
    with pytest.raises(GoldFormatError, match=r"no gold files ending in \.conllu"):
        read_gold("gum", tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text('{"doc_key": "x", "sentence": []}\nnot json\n')
    with pytest.raises(GoldFormatError, match="line 2 is not JSON"):
        read_gold("crossre", bad)


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("United_States", "USA"),
        ("the United Kingdom", "GBR"),
        ("North_Korea", "PRK"),  # pycountry official name "Democratic People's Republic of Korea"
        ("Russia", "RUS"),  # leading word of "Russian Federation"
        ("Georgia_(country)", "GEO"),
        ("Georgia_(U.S._state)", None),
        ("People%27s_Republic_of_China", "CHN"),
        ("Korea", None),  # ambiguous: two countries start with it
        ("Berlin", None),
        ("USA", None),  # codes only with allow_codes
    ],
)
def test_gold_iso3_from_name(name, iso3):
    assert iso3_from_name(name) == iso3


def test_gold_iso3_codes_and_cameo():
    assert iso3_from_name("SYR", allow_codes=True) == "SYR"
    assert iso3_from_name("---", allow_codes=True) is None
    assert cameo_to_plover("0352") == "AGREE"
    assert cameo_to_plover("190") == "ASSAULT"
    assert cameo_to_plover("015") is None  # public statements have no PLOVER type
    assert cameo_to_plover("---") is None


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/eval is absent (not in a user's clone)")
@pytest.mark.parametrize(
    ("fmt", "rel", "n_docs"),
    [
        ("gum", "gum-news", 24),
        ("timeml", "timeml/timebank", 183),
        ("crossre", "crossre/news-dev.json", 350),
        ("petrarch", "petrarch/PETR2_GSR_validation.xml", 78),
    ],
)
def test_readers_shared_sets_parse_with_consistent_offsets(fmt, rel, n_docs):
    if not (SHARED / rel).exists():
        pytest.skip(f"{rel} is absent from ../shared/eval")
    docs = read_gold(fmt, SHARED / rel)
    assert len(docs) == n_docs
    _check_offsets(docs)
    assert all(d.text for d in docs)


def test_readers_gum_names_drop_leading_article_and_possessive(tmp_path):
    rows = [
        ("1", "He", "PRON", "2", "Entity=(1-person-giv-sssss-cf1-1-coref-Emmanuel_Macron)"),
        ("2", "praised", "VERB", "0", "_"),
        ("3", "the", "DET", "4", "Entity=(2-place-new-sssss-cf2-2-coref-Netherlands"),
        ("4", "Netherlands", "PROPN", "6", "_"),
        ("5", "'", "PART", "4", "Entity=2)"),
        ("6", "support", "NOUN", "2", "SpaceAfter=No"),
        ("7", ".", "PUNCT", "2", "_"),
    ]
    lines = ["# newdoc id = GUM_news_tiny", "# meta::dateCreated = 2020-01-02", "# newpar"]
    lines += ["\t".join([i, form, form, upos, "_", "_", head, "dep", "_", misc])
              for i, form, upos, head, misc in rows]  # fmt: skip
    path = tmp_path / "tiny.conllu"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    (doc,) = read_gold("gum", path)
    assert doc.text == "He praised the Netherlands ' support."
    place = next(e for e in doc.entities if e.label == "place")
    assert (place.text, place.named, place.country) == ("Netherlands", True, "NLD")
    pronoun = next(e for e in doc.entities if e.label == "person")
    assert (pronoun.text, pronoun.named) == ("He", False)


def test_readers_crossre_joins_a_split_possessive(tmp_path):
    record = {"doc_key": "p-1", "sentence": ["the", "Labour", "Party", "'", "s", "David", "Parker"],
              "ner": [[1, 2, "politicalparty"], [5, 6, "politician"]],
              "relations": [[5, 6, 1, 2, "role", "", False, False]]}
    path = tmp_path / "p.json"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = read_gold("crossre", path)
    assert doc.text == "the Labour Party 's David Parker"
    assert [e.text for e in doc.entities] == ["Labour Party", "David Parker"]
    _check_offsets([doc])
