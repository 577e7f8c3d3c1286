"""The whole pipeline on the seed article (the issue's acceptance checks) and on the sample."""

from __future__ import annotations

import pandas as pd
import pytest

from actorgraph import schema


def _actor(result, name):
    rows = result.actors[result.actors["name"] == name]
    assert len(rows) == 1, f"expected one actor named {name!r}, got {len(rows)}: {result.actors['name'].tolist()}"
    return rows.iloc[0]


@pytest.mark.parametrize("name", ["Xi Jinping", "Vladimir Putin", "Donald Trump", "Emmanuel Macron",
                                  "Angela Merkel", "Guo Ping"])
def test_pipeline_seed_people_are_one_actor_each(seed_result, name):
    actor = _actor(seed_result, name)
    assert actor["type"] == "PERSON"


@pytest.mark.parametrize("short,full", [("Xi", "Xi Jinping"), ("Putin", "Vladimir Putin")])
def test_pipeline_seed_short_forms_merge(seed_result, short, full):
    m = seed_result.mentions
    ids = set(m.loc[m["text"] == short, "actor_id"])
    assert ids == {_actor(seed_result, full)["actor_id"]}


@pytest.mark.parametrize("name", ["Huawei", "MTS"])
def test_pipeline_seed_organisations(seed_result, name):
    assert _actor(seed_result, name)["type"] == "ORG"


@pytest.mark.parametrize("name,iso3", [("Russia", "RUS"), ("China", "CHN"), ("United States", "USA"),
                                       ("Ukraine", "UKR"), ("Syria", "SYR")])
def test_pipeline_seed_countries_with_iso3(seed_result, name, iso3):
    actor = _actor(seed_result, name)
    assert actor["type"] == "COUNTRY" and actor["country"] == iso3


def test_pipeline_seed_us_variants_one_actor(seed_result):
    m = seed_result.mentions
    ids = set(m.loc[m["text"].isin(["US", "United States", "the United States"]), "actor_id"])
    assert ids == {"country:USA"}


def test_pipeline_seed_published(seed_result):
    assert seed_result.documents.iloc[0]["published"] == "2020-12-06"


def test_pipeline_seed_date_2016(seed_result):
    m = seed_result.mentions
    dates = m[(m["label"] == "DATE") & (m["text"] == "2016")]
    assert dates["value"].tolist() == ["2016"]


def _linked(result, a, b):
    r = result.relations
    ida, idb = _actor(result, a)["actor_id"], _actor(result, b)["actor_id"]
    return r[((r["source_id"] == ida) & (r["target_id"] == idb)) | ((r["source_id"] == idb) & (r["target_id"] == ida))]


@pytest.mark.parametrize("a,b", [("Huawei", "MTS"), ("Xi Jinping", "Vladimir Putin")])
def test_pipeline_seed_relations(seed_result, a, b):
    rels = _linked(seed_result, a, b)
    assert len(rels) >= 1
    assert rels["evidence"].str.len().min() > 20


@pytest.mark.parametrize("forbidden", ["China Underground", "Daisy Kwok", "Akismet", "Shanghai Daisy",
                                       "China Finance", "Post Author", "Trade Wars"])
def test_pipeline_seed_nothing_from_boilerplate(seed_result, forbidden):
    m = seed_result.mentions
    assert not m["text"].str.contains(forbidden, regex=False).any()
    assert not seed_result.actors["name"].str.contains(forbidden, regex=False).any()
    assert not seed_result.relations["evidence"].str.contains(forbidden, regex=False).any()


def test_pipeline_seed_no_mention_after_footer(seed_result):
    text = seed_result.text(seed_result.documents.iloc[0]["doc_id"])
    footer = text.index("Post Author")
    assert (seed_result.mentions["end_char"] <= footer).all()


def test_pipeline_offsets_slice_text(sample_result):
    texts = dict(zip(sample_result.texts["doc_id"], sample_result.texts["text"], strict=True))
    for row in sample_result.mentions.itertuples():
        assert texts[row.doc_id][row.start_char:row.end_char] == row.text
    for row in sample_result.relations.itertuples():
        assert texts[row.doc_id][row.start_char:row.end_char] == row.evidence


def test_pipeline_contract_columns(sample_result, tmp_path):
    for name, cols in schema.CONTRACT.items():
        df = getattr(sample_result, name)
        assert tuple(df.columns[: len(cols)]) == cols
        on_disk = pd.read_csv(sample_result.out / f"{name}.csv", nrows=0)
        assert tuple(on_disk.columns[: len(cols)]) == cols
    assert (sample_result.out / "run.json").exists()


def test_pipeline_ids_unique_and_stable(sample_result, tmp_path):
    import actorgraph
    from conftest import SAMPLE

    assert sample_result.mentions["mention_id"].is_unique
    assert sample_result.relations["relation_id"].is_unique
    assert sample_result.actors["actor_id"].is_unique
    again = actorgraph.extract([SAMPLE], out=tmp_path / "again", jobs=1)
    for name in ("documents", "mentions", "actors", "relations", "edges"):
        a = getattr(sample_result, name).drop(columns=["path"], errors="ignore")
        b = getattr(again, name).drop(columns=["path"], errors="ignore")
        pd.testing.assert_frame_equal(a, b)


def test_pipeline_relations_reference_known_actors(sample_result):
    ids = set(sample_result.actors["actor_id"])
    assert set(sample_result.relations["source_id"]) <= ids
    assert set(sample_result.relations["target_id"]) <= ids
    assert set(sample_result.mentions["actor_id"].dropna()) <= ids


def test_pipeline_sample_marks_syndicated_copy(sample_result):
    docs = sample_result.documents.set_index("doc_id")
    assert docs.loc["wire-2023-0207-kenya-ethiopia-syndicated", "duplicate_of"] == "wire-2023-0207-kenya-ethiopia"
    assert pd.isna(docs.loc["wire-2023-0207-kenya-ethiopia", "duplicate_of"])


def test_pipeline_incremental_rerun_reuses_and_picks_up_changes(tmp_path):
    import actorgraph

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Angela Merkel met Emmanuel Macron in Paris on Monday.", encoding="utf-8")
    (src / "b.txt").write_text("Russia and China signed a gas deal.", encoding="utf-8")
    out = tmp_path / "out"
    first = actorgraph.extract([src], out=out, jobs=1)
    assert first.run["counts"]["processed"] == 2
    written = (out / "mentions.parquet").stat().st_mtime_ns
    second = actorgraph.extract([src], out=out, jobs=1)
    assert second.run["counts"]["processed"] == 0 and second.run["counts"]["reused"] == 2
    pd.testing.assert_frame_equal(first.mentions, second.mentions)
    assert (out / "mentions.parquet").stat().st_mtime_ns == written  # nothing changed: nothing rewritten
    (src / "b.txt").write_text("Japan and India signed a trade deal.", encoding="utf-8")
    (src / "c.txt").write_text("Kenya hosted Ethiopia.", encoding="utf-8")
    (src / "a.txt").unlink()
    third = actorgraph.extract([src], out=out, jobs=1)
    assert third.run["counts"]["processed"] == 2
    assert third.documents["doc_id"].tolist() == ["b.txt", "c.txt"]
    assert "country:RUS" not in set(third.mentions["actor_id"])
    assert "person:angela-merkel" not in set(third.actors["actor_id"])


def test_pipeline_bad_input_rows_and_run_continues(tmp_path):
    import actorgraph

    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (src / "latin.txt").write_bytes("Caf\xe9 talks: France and Spain agreed.".encode("latin-1") + b"\xff\xfe\x00")
    (src / "lines.jsonl").write_text('{"text": "Germany met Italy."}\n{bad json\n{"text": "Chile met Peru."}\n',
                                     encoding="utf-8")
    (src / "rows.csv").write_text("name,value\nx,1\n", encoding="utf-8")
    result = actorgraph.extract([src], out=tmp_path / "out", jobs=1)
    docs = result.documents.set_index("doc_id")
    assert docs.loc["empty.txt", "status"] == "error" and "empty" in docs.loc["empty.txt", "error"]
    assert docs.loc["binary.txt", "status"] == "error" and "binary" in docs.loc["binary.txt", "error"]
    assert docs.loc["lines.jsonl:2", "status"] == "error"
    assert docs.loc["lines.jsonl:1", "status"] == "ok" and docs.loc["lines.jsonl:3", "status"] == "ok"
    assert docs.loc["rows.csv", "status"] == "error" and "no text column" in docs.loc["rows.csv", "error"]
    assert {"country:DEU", "country:CHL"} <= set(result.mentions["actor_id"].dropna())


def test_pipeline_long_text_is_split_with_offsets_kept(tmp_path, monkeypatch):
    import actorgraph
    from actorgraph import pipeline

    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 400)
    para = "Angela Merkel met Emmanuel Macron in Paris. Russia criticised NATO on Monday.\n\n"
    (tmp_path / "long.txt").write_text(para * 30, encoding="utf-8")
    result = actorgraph.extract([tmp_path / "long.txt"], jobs=1)
    text = result.text("long.txt")
    m = result.mentions
    assert (m["text"] == "Angela Merkel").sum() == 30
    for row in m.itertuples():
        assert text[row.start_char:row.end_char] == row.text
    assert result.mentions["sent_index"].max() >= 59


def test_pipeline_two_worker_processes_equal_one(tmp_path, sample_result):
    import actorgraph
    from conftest import SAMPLE

    result = actorgraph.extract([SAMPLE], out=tmp_path / "j2", jobs=2, batch_size=2)
    for name in ("documents", "mentions", "actors", "relations", "edges"):
        pd.testing.assert_frame_equal(getattr(sample_result, name), getattr(result, name), obj=name)


@pytest.mark.parametrize("name,country,sector", [
    ("MTS", "RUS", None), ("Xi Jinping", "CHN", "GOV"), ("Vladimir Putin", "RUS", "GOV"),
    ("Angela Merkel", "DEU", "GOV"), ("Donald Trump", "USA", "GOV"),
])
def test_pipeline_seed_actor_country_and_sector(seed_result, name, country, sector):
    actor = _actor(seed_result, name)
    assert actor["country"] == country
    if sector:
        assert actor["sector"] == sector


PHOENIX = """\
# A hand-written dictionary in the Phoenix/PETRARCH actor format.
JOHN_MARCUS_WELBY_  # a person whose role changes on 2010-07-01
+WELBY_
\t[GBRBUS 900101-100630]
\t[GBRGOV >100701]
"""


def test_pipeline_phoenix_dictionary_codes_change_by_article_date(tmp_path):
    import json

    import actorgraph

    dictionary = tmp_path / "people.txt"
    dictionary.write_text(PHOENIX, encoding="utf-8")
    articles = [{"id": "before", "date": "2009-05-01", "text": "John Marcus Welby met reporters in London."},
                {"id": "after", "date": "2012-05-01", "text": "John Marcus Welby met reporters in London."}]
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
    result = actorgraph.extract([src], out=tmp_path / "out", jobs=1, actors_file=dictionary)
    m = result.mentions[result.mentions["label"] == "PERSON"].set_index("doc_id")
    assert m.loc["before", "sector"] == "BUS" and m.loc["after", "sector"] == "GOV"
    [actor] = result.actors[result.actors["type"] == "PERSON"].to_dict("records")
    assert actor["country"] == "GBR"
    assert set(actor["codes"].split("; ")) == {"GBRBUS", "GBRGOV"}


def test_pipeline_user_dictionary_forces_and_forbids_merges(tmp_path):
    import actorgraph

    dictionary = tmp_path / "actors.csv"
    dictionary.write_text(
        "name,aliases,type,country,sector,valid_from,valid_to,forbid\n"
        "Acme Telecom,Acme Mobile;ACM,ORG,KEN,BUS,,,\n"
        "George W. Bush,President Bush,PERSON,USA,GOV,,,Bush\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "Acme Mobile signed a deal with Safaricom. ACM said the deal was large. "
        "George W. Bush spoke in Texas. Later, Bush left.", encoding="utf-8")
    result = actorgraph.extract([tmp_path / "a.txt"], out=tmp_path / "out", jobs=1, actors_file=dictionary)
    m = result.mentions.set_index("text")
    assert m.loc["Acme Mobile", "actor_id"] == m.loc["ACM", "actor_id"] == "org:acme-telecom"
    acme = result.actors.set_index("actor_id").loc["org:acme-telecom"]
    assert (acme["country"], acme["sector"]) == ("KEN", "BUS")
    assert m.loc["George W. Bush", "actor_id"] == "person:george-w-bush"
    assert m.loc["Bush", "actor_id"] == "person:bush"  # the merge the dictionary forbids


def test_pipeline_relation_dates_clause_published_or_reference(tmp_path):
    import json
    from datetime import date

    import actorgraph

    src = tmp_path / "a.jsonl"
    records = [
        {"id": "dated", "date": "2020-12-06",
         "text": "Russia signed a gas deal with China in March 2019. Japan met India over the last six years."},
        {"id": "undated", "text": "Kenya met Ethiopia."},
    ]
    src.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    result = actorgraph.extract([src], out=tmp_path / "out", jobs=1, reference_date=date(2021, 1, 5))
    r = result.relations
    first = r[(r["doc_id"] == "dated") & (r["sent_index"] == 0)]
    assert set(first["date"]) == {"2019-03"} and set(first["date_source"]) == {"clause"}
    second = r[(r["doc_id"] == "dated") & (r["sent_index"] == 1)]
    assert set(second["date"]) == {"2020-12-06"} and set(second["date_source"]) == {"published"}
    undated = r[r["doc_id"] == "undated"]
    assert set(undated["date"]) == {"2021-01-05"} and set(undated["date_source"]) == {"reference"}


def _date(result, text):
    m = result.mentions
    rows = m[(m["label"] == "DATE") & (m["text"] == text)]
    assert len(rows) == 1, f"expected one DATE {text!r}: {m[m['label'] == 'DATE']['text'].tolist()}"
    return rows.iloc[0]


@pytest.mark.parametrize("text,value,start,end,date_type", [
    ("next year", "2021", "2021-01-01", "2021-12-31", "relative"),
    ("2019-2020", "2019/2020", "2019-01-01", "2020-12-31", "range"),
    ("2012", "2012", "2012-01-01", "2012-12-31", "exact"),
    ("2016", "2016", "2016-01-01", "2016-12-31", "exact"),
    ("the last six years", "P6Y", "2014-12-06", "2020-12-06", "duration"),
    ("the last year", "P1Y", "2019-12-06", "2020-12-06", "duration"),
])
def test_pipeline_seed_dates(seed_result, text, value, start, end, date_type):
    row = _date(seed_result, text)
    assert (row["value"], row["date_start"], row["date_end"], row["date_type"]) == (value, start, end, date_type)


def test_pipeline_seed_d_day_is_not_a_date(seed_result):
    m = seed_result.mentions
    assert not m[(m["label"] == "DATE") & m["text"].str.contains("D-Day")].shape[0]


@pytest.mark.parametrize("source,target,kind,predicate,event_types", [
    ("Huawei", "MTS", "action", "sign", {"AGREE", "COOPERATE"}),
    ("MTS", "Russia", "affiliation", None, None),
    ("Guo Ping", "Huawei", "role", None, None),
])
def test_pipeline_seed_typed_relations(seed_result, source, target, kind, predicate, event_types):
    r = seed_result.relations
    rows = r[(r["source_name"] == source) & (r["target_name"] == target) & (r["kind"] == kind)]
    assert len(rows), r[r["kind"] != "cooccurrence"][["source_name", "kind", "predicate", "target_name"]]
    if predicate:
        assert predicate in set(rows["predicate"])
    if event_types:
        assert set(rows["event_type"].dropna()) & event_types


def test_pipeline_seed_xi_putin_meeting_is_symmetric_consult(seed_result):
    r = seed_result.relations
    names = {"Xi Jinping", "Vladimir Putin"}
    rows = r[r["source_name"].isin(names) & r["target_name"].isin(names) & (r["kind"] == "action")]
    assert "CONSULT" in set(rows["event_type"])
    assert not rows[rows["event_type"] == "CONSULT"]["directed"].any()


def test_pipeline_recycled_workers_give_the_same_tables(tmp_path, sample_result, monkeypatch):
    import actorgraph
    from actorgraph import pipeline
    from conftest import SAMPLE

    monkeypatch.setattr(pipeline, "RECYCLE_BATCHES", 1)  # a fresh pool after every 2 batches
    result = actorgraph.extract([SAMPLE], out=tmp_path / "recycled", jobs=2, batch_size=2)
    for name in ("documents", "mentions", "actors", "relations", "edges"):
        pd.testing.assert_frame_equal(getattr(sample_result, name), getattr(result, name), obj=name)


def test_pipeline_several_dictionaries_read_in_order(tmp_path):
    """Several dictionaries act as one; the first file wins a name both define, and changing
    any of them invalidates earlier parts."""
    import actorgraph

    first = tmp_path / "first.csv"
    first.write_text("name,aliases,type,country,sector\nAcme Telecom,Acme Mobile,ORG,KEN,BUS\n", encoding="utf-8")
    second = tmp_path / "second.csv"
    second.write_text("name,aliases,type,country,sector\nAcme Holdings,Acme Mobile,ORG,TZA,BUS\n"
                      "Jane Roe,,PERSON,UGA,GOV\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Acme Mobile signed a deal with Jane Roe in Nairobi.", encoding="utf-8")
    out = tmp_path / "out"
    result = actorgraph.extract([tmp_path / "a.txt"], out=out, jobs=1, actors_file=[first, second])
    actors = result.actors.set_index("actor_id")
    assert actors.loc["org:acme-telecom", "country"] == "KEN"  # the first file wins "Acme Mobile"
    assert actors.loc["person:jane-roe", "country"] == "UGA"  # the second file still counts
    second.write_text("name,aliases,type,country,sector\nJane Roe,,PERSON,RWA,GOV\n", encoding="utf-8")
    again = actorgraph.extract([tmp_path / "a.txt"], out=out, jobs=1, actors_file=[first, second])
    assert again.actors.set_index("actor_id").loc["person:jane-roe", "country"] == "RWA"


def test_pipeline_a_double_hyphen_dash_is_no_part_of_a_name():
    from actorgraph.pipeline import extract_articles
    from actorgraph.records import Article

    text = ("The plan won support from Moscow and Beijing-- which have resisted sanctions-- "
            "while --Tehran said nothing.")
    res = extract_articles([Article(doc_id="d", text=text, path="d.txt")])
    names = set(res.mentions["text"])
    assert {"Beijing", "Tehran"} <= names, names
    assert not any("--" in n for n in names)
    for m in res.mentions.itertuples():
        assert text[m.start_char:m.end_char] == m.text


def test_pipeline_a_hyphen_prefixed_word_is_one_token_with_its_verbs_lemma(nlp):
    doc = nlp("Smith was re-elected to the Senate and co-founded a non-partisan group with "
              "the Co-operative Party and anti-Kremlin groups.")
    words = {t.text: t for t in doc}
    assert words["re-elected"].lemma_ == "re-elect"
    assert words["re-elected"].dep_ == "ROOT" and words["Smith"].dep_ == "nsubjpass"
    assert words["co-founded"].lemma_ == "co-found"
    assert "non-partisan" in words
    # a capitalised prefix is left to the tokenizer (names), and so is a capitalised word
    assert "Co-operative" not in words and "anti-Kremlin" not in words and "Kremlin" in words


def test_pipeline_a_capital_the_model_missed_is_a_place(nlp):
    doc = nlp("NATO Secretary General Jens Stoltenberg visited Kyiv. Later he flew to Warsaw.")
    assert ("Kyiv", "GPE") in [(e.text, e.label_) for e in doc.ents]
    # but not the end of a name the model missed
    doc = nlp("Transport for London (TfL) told passengers to wait.")
    assert "London" not in [e.text for e in doc.ents if e.label_ == "GPE"]


def test_pipeline_a_region_the_model_missed_is_a_place(nlp):
    # the small model tags neither county ("Leicestershire" a noun, "Derbyshire" a verb)
    doc = nlp("Leicester : Leicestershire beat Somerset by an innings and 39 runs .")
    assert {"Leicestershire", "Somerset"} <= {e.text for e in doc.ents if e.label_ == "GPE"}
    doc = nlp("Derbyshire kept up the hunt for their first title.")
    assert ("Derbyshire", "GPE") in [(e.text, e.label_) for e in doc.ents]
    # but not a piece of a longer name, nor the end of one
    from actorgraph.nlp import GazetteerMerger

    doc = nlp("Students of Kent State University protested in Kent.")
    assert not GazetteerMerger._lone_region(doc, 2, 3)
    assert GazetteerMerger._lone_region(doc, 7, 8)
    doc = nlp("She was a member of the now-defunct Action démocratique du Québec until 2012.")
    assert "Québec" not in [e.text for e in doc.ents if e.label_ == "GPE"]


def test_pipeline_a_big_city_where_the_parse_puts_a_place_is_one(nlp):
    ents = lambda text: [(e.text, e.label_) for e in nlp(text).ents]  # noqa: E731
    # the small model misses Aleppo, and reads Lyon and Omsk as a person or a firm
    assert ("Aleppo", "GPE") in ents("Russia bombed Aleppo.")
    assert ("Lyon", "GPE") in ents("Protests spread from Paris to Lyon.")
    assert ("Omsk", "GPE") in ents("Alexei Navalny was airlifted from Omsk to Berlin.")
    # not a piece of a longer name, nor a person the model saw as the object of a verb
    assert ("Aleppo University", "ORG") in ents("Aleppo University closed.")
    assert ("Lyon", "GPE") not in ents("Jackson met Lyon at the airport.")
    # a source, and a name the article uses for a firm, are no city (Toyota is one in Japan)
    assert ("Toyota", "GPE") not in ents("It gets 90 miles per gallon, according to Toyota.")
    assert ("Toyota", "GPE") not in ents("Toyota said sales rose. The cars are sold to Toyota.")
    assert ("Columbia", "GPE") not in ents("Output fell at its mine in British\nColumbia.")
    # only cities whose name is mostly the city: no first names, words, countries or regions
    from actorgraph.gazetteer import city_names

    names = dict(city_names())
    assert names["Aleppo"] == "SYR" and names["Lyon"] == "FRA"
    assert not {"Jackson", "Florence", "Reading", "Nice", "Jordan", "Victoria"} & set(names)


def test_pipeline_mends_names_the_model_ran_together_or_mistook(nlp):
    ents = lambda text: [(e.text, e.label_) for e in nlp(text).ents]  # noqa: E731
    # two names run into one at "at"; what follows "at" is a place
    found = ents("Essex gave them a firm grip on their match against Yorkshire at Headingley .")
    assert ("Yorkshire at Headingley", "PERSON") not in found and ("Headingley", "GPE") in found
    # a former England player: England the country
    found = ents("Paul Johnson hit 84 but ex-England fast bowler Martin McCague took four for 55 .")
    assert ("England", "GPE") in found, found
    # an ex-Muslim is no Muslim
    assert ("Muslim", "NORP") not in ents("Tanzanian-born ex-Muslim Zara Kay spoke on Monday.")
    # a region the model took for a person
    assert ("Tigray", "GPE") in ents("Fighting resumed in Tigray on Monday.")
    assert ("Kent", "PERSON") in ents("Clark Kent arrived. Kent said he would win.")


def test_gazetteer_region_names_leave_out_words_and_abbreviations():
    from actorgraph.gazetteer import region_names

    names = dict(region_names())
    assert names["Leicestershire"] == "GBR" and names["Tigray"] == "ETH"
    assert not any(name.isupper() for name in names)  # no abbreviations
    assert "Reading" not in names  # a word (data/place_words.tsv)


def test_pipeline_names_in_a_script_the_model_cannot_read_are_no_mentions():
    from actorgraph.pipeline import extract_articles
    from actorgraph.records import Article

    text = ("क्योंकि एक तो health के लिए वो अपना पैसा नहीं बचा के रहते, तो उसके लिए loan चाहिए। "
            "Nukuʻalofa is the capital of Tonga.")
    # mostly Hindi: skipped by default (tests/test_language.py); read anyway, its
    # Devanagari words are still no mentions
    res = extract_articles([Article(doc_id="d", text=text, path="d.txt")], any_language=True)
    names = set(res.mentions["text"])
    assert "Tonga" in names
    assert all(sum(ord(ch) > 0x900 and ord(ch) < 0x980 for ch in n) == 0 for n in names), names


def test_pipeline_relations_carry_the_mentions_as_written():
    from actorgraph.pipeline import extract_articles
    from actorgraph.records import Article

    text = ("The National Hurricane Center (NHC) warned Florida on Monday. "
            "The NHC said the storm would reach Cuba.")
    res = extract_articles([Article(doc_id="d", text=text, path="d.txt")])
    rels, mentions = res.relations, res.mentions.set_index("mention_id")
    assert len(rels)
    for r in rels.itertuples():
        assert r.source_text == mentions.loc[r.source_mention_id, "text"]
        assert r.target_text == mentions.loc[r.target_mention_id, "text"]
    alias = rels[rels["kind"] == "alias"]
    assert len(alias) and set(alias["source_text"]) | set(alias["target_text"]) >= {"NHC"}


def test_pipeline_a_code_change_invalidates_stored_parts(monkeypatch):
    from actorgraph import pipeline

    before = pipeline.Options().fingerprint("model-1")
    assert pipeline.Options().fingerprint("model-1") == before  # stable run to run
    monkeypatch.setattr(pipeline, "code_signature", lambda: "a-changed-rule")
    assert pipeline.Options().fingerprint("model-1") != before
