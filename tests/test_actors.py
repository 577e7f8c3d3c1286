"""Actors: within-document merging, attributes from context, and corpus-level merging.

Unit tests build Docs by hand (words, entities, and just enough of a parse); a few use the model.
"""

from __future__ import annotations

import pandas as pd
import pytest
import spacy
from spacy.tokens import Doc, Span

from actorgraph.actors import acronym, build_actors, resolve_doc, slug

_VOCAB = spacy.blank("en").vocab


def _doc(words, ents):
    """A Doc with one sentence and the given (start, end, label) entities, no parse."""
    doc = Doc(_VOCAB, words=words)
    for token in doc:
        token.is_sent_start = token.i == 0
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


@pytest.mark.parametrize("text,expected", [
    ("Vladimir Putin", "vladimir-putin"),
    ("Émilie Müller-Lüdenscheidt", "emilie-muller-ludenscheidt"),
    ("U.S.", "u-s"),
])
def test_actors_slug(text, expected):
    assert slug(text) == expected


@pytest.mark.parametrize("name,expected", [
    ("Federal Bureau of Investigation", "FBI"),
    ("European Aeronautic Defence and Space Company", "EADSC"),
    ("World Health Organization", "WHO"),
])
def test_actors_acronym(name, expected):
    assert acronym(name) == expected


def test_actors_surname_and_org_tagged_surname_merge_into_full_name():
    words = ["Donald", "Trump", "spoke", ".", "Trump", "left", ".", "Then", "Trump", "returned", "."]
    doc = _doc(words, [(0, 2, "PERSON"), (4, 5, "PERSON"), (8, 9, "ORG")])
    actors = resolve_doc(doc, doc_id="d")
    ids = {m["text"]: m["actor_id"] for m in actors.mentions}
    assert set(ids.values()) == {"person:donald-trump"}
    assert [a["name"] for a in actors.actors] == ["Donald Trump"]


def test_actors_family_name_first_merges():
    doc = _doc(["Xi", "Jinping", "met", "Li", ".", "Xi", "smiled", "."], [(0, 2, "PERSON"), (5, 6, "PERSON")])
    ids = [m["actor_id"] for m in resolve_doc(doc, doc_id="d").mentions if m["text"] == "Xi"]
    assert ids == ["person:xi-jinping"]


def test_actors_ambiguous_surname_left_alone():
    words = ["George", "Bush", "and", "Laura", "Bush", "came", ".", "Bush", "spoke", "."]
    doc = _doc(words, [(0, 2, "PERSON"), (3, 5, "PERSON"), (7, 8, "PERSON")])
    ids = {m["start_char"]: m["actor_id"] for m in resolve_doc(doc, doc_id="d").mentions}
    assert ids[doc[7].idx] == "person:bush"


def test_actors_initial_kept_and_merged_into_the_full_name():
    # an initial is part of the name (a title is not), and "J. Smith" is the document's one
    # "John Smith", so the bare surname is no longer ambiguous
    words = ["J.", "Smith", "met", "Dr.", "Jones", ".", "John", "Smith", "left", ".", "Smith", "spoke", "."]
    doc = _doc(words, [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 8, "PERSON"), (10, 11, "PERSON")])
    mentions = resolve_doc(doc, doc_id="d").mentions
    assert [m["text"] for m in mentions] == ["J. Smith", "Jones", "John Smith", "Smith"]
    assert {m["actor_id"] for m in mentions if "Smith" in m["text"]} == {"person:john-smith"}
    # two people with the same initial and surname stay apart from a third
    words = ["J.", "Smith", "met", "John", "Smith", "and", "Jane", "Smith", "."]
    doc = _doc(words, [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 8, "PERSON")])
    ids = {m["text"]: m["actor_id"] for m in resolve_doc(doc, doc_id="d").mentions}
    assert ids["J. Smith"] == "person:j-smith"


def test_actors_acronym_in_parentheses_merges():
    words = ["The", "Federal", "Security", "Service", "(", "FSB", ")", "said", ".", "FSB", "agents", "came", "."]
    doc = _doc(words, [(1, 4, "ORG"), (5, 6, "ORG"), (9, 10, "ORG")])
    ids = {m["actor_id"] for m in resolve_doc(doc, doc_id="d").mentions}
    assert ids == {"org:federal-security-service"}


@pytest.mark.parametrize("words,ents,iso3", [
    (["the", "United", "States"], [(0, 3, "GPE")], "USA"),
    (["US"], [(0, 1, "ORG")], "USA"),
    (["U.S."], [(0, 1, "GPE")], "USA"),
    (["Russian"], [(0, 1, "NORP")], "RUS"),
    (["Britain"], [(0, 1, "GPE")], "GBR"),
])
def test_actors_country_variants(words, ents, iso3):
    [m] = resolve_doc(_doc(words, ents), doc_id="d").mentions
    assert m["actor_id"] == f"country:{iso3}" and m["country"] == iso3


def test_actors_determiner_dropped_from_mention():
    doc = _doc(["the", "United", "States", "agreed"], [(0, 3, "GPE")])
    [m] = resolve_doc(doc, doc_id="d").mentions
    assert m["text"] == "United States"


def test_actors_capital_resolves_to_country():
    doc = _doc(["Moscow", "said"], [(0, 1, "GPE")])
    [m] = resolve_doc(doc, doc_id="d").mentions
    assert m["actor_id"] == "place:moscow" and m["country"] == "RUS"


@pytest.mark.parametrize("text,name,country,sector", [
    ("German Chancellor Angela Merkel arrived.", "Angela Merkel", "DEU", "GOV"),
    ("The Chinese leader Xi Jinping arrived.", "Xi Jinping", "CHN", "GOV"),
    ("It signed with Russian partner MTS yesterday.", "MTS", "RUS", None),
    ("Vladimir Putin, the Russian president, spoke.", "Vladimir Putin", "RUS", "GOV"),
    # the country a title is posted to is not the holder's
    ("US Ambassador to Germany Amy Gutmann said so.", "Amy Gutmann", "USA", "GOV"),
    ("China's ambassador to Britain Liu Xiaoming said so.", "Liu Xiaoming", "CHN", "GOV"),
    ("Kurt Volker, the US special envoy for Ukraine negotiations, resigned.", "Kurt Volker",
     "USA", "GOV"),
])
def test_actors_attributes_from_context(nlp, text, name, country, sector):
    doc = nlp(text)
    if not any(e.text == name for e in doc.ents):  # the small model misses some names
        start = text.index(name)
        span = doc.char_span(start, start + len(name), label="ORG" if name == "MTS" else "PERSON")
        doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [span]
    actors = {a["name"]: a for a in resolve_doc(doc, doc_id="d").actors}
    assert actors[name]["country"] == country
    if sector:
        assert actors[name]["sector"] == sector


def _row(doc_id, actor_id, name, type_, n=1, country=None):
    return {"doc_id": doc_id, "actor_id": actor_id, "name": name, "type": type_, "country": country,
            "sector": None, "aliases": name, "title": None, "codes": None, "n_mentions": n}


def test_actors_build_merges_surname_across_documents():
    rows = [_row("a", "person:vladimir-putin", "Vladimir Putin", "PERSON", 3, "RUS"),
            _row("b", "person:putin", "Putin", "PERSON", 2)]
    actors, remap = build_actors(rows)
    assert remap == {"person:putin": "person:vladimir-putin"}
    [putin] = actors
    assert (putin["n_mentions"], putin["n_docs"], putin["country"]) == (5, 2, "RUS")
    assert "Putin" in putin["aliases"].split("; ")


def test_actors_build_country_is_a_vote_of_documents_not_of_mentions():
    """One article repeating a name next to a wrong country does not outvote two others."""
    rows = [_row("a", "person:reagan", "Reagan", "PERSON", 10, "JPN"),
            _row("b", "person:reagan", "Reagan", "PERSON", 3, "USA"),
            _row("c", "person:reagan", "Reagan", "PERSON", 4, "USA"),
            _row("d", "person:reagan", "Reagan", "PERSON", 50)]
    [reagan], _ = build_actors(rows)
    assert reagan["country"] == "USA" and reagan["n_mentions"] == 67
    # a tie of documents goes to the one with more mentions
    rows = [_row("a", "org:ec", "EC", "ORG", 9, "BEL"), _row("b", "org:ec", "EC", "ORG", 2, "FRA")]
    [ec], _ = build_actors(rows)
    assert ec["country"] == "BEL"


def test_actors_surname_of_another_country_is_another_person(nlp):
    # in one document and across the corpus: Jordan's King Hussein is not Iraq's Saddam Hussein
    doc = nlp("Iraq's Saddam Hussein met Jordan's King Hussein in Baghdad.")
    ids = {m["text"]: m["actor_id"] for m in resolve_doc(doc, doc_id="d").mentions}
    assert ids["Hussein"] != ids["Saddam Hussein"], ids
    rows = [_row("a", "person:saddam-hussein", "Saddam Hussein", "PERSON", 3, "IRQ"),
            _row("b", "person:hussein", "Hussein", "PERSON", 2, "JOR")]
    assert build_actors(rows)[1] == {}
    # a short name with the full name's country (or none) is still that person
    doc = nlp("Russian President Vladimir Putin met Xi. Russia's Putin said the talks went well.")
    ids = {m["text"]: m["actor_id"] for m in resolve_doc(doc, doc_id="d").mentions}
    assert ids["Putin"] == ids["Vladimir Putin"], ids


def test_actors_build_keeps_ambiguous_surname():
    rows = [_row("a", "person:george-bush", "George Bush", "PERSON"), _row("a", "person:laura-bush", "Laura Bush", "PERSON"),
            _row("b", "person:bush", "Bush", "PERSON")]
    actors, remap = build_actors(rows)
    assert remap == {} and len(actors) == 3


def test_actors_build_one_name_typed_differently_takes_its_dominant_type():
    rows = [_row("a", "org:red-hat", "Red Hat", "ORG", 30), _row("b", "org:red-hat", "Red Hat", "ORG", 22),
            _row("c", "person:red-hat", "Red Hat", "PERSON", 16), _row("d", "place:red-hat", "Red Hat", "PLACE", 6),
            # a type with no clear majority stays apart
            _row("a", "place:washington", "Washington", "PLACE", 5),
            _row("e", "person:washington", "Washington", "PERSON", 4),
            # chains end once: the ORG "Biden" -> the PERSON "Biden" -> Joe Biden
            _row("f", "person:joe-biden", "Joe Biden", "PERSON", 10), _row("f", "person:biden", "Biden", "PERSON", 6),
            _row("g", "org:biden", "Biden", "ORG", 1)]
    actors, remap = build_actors(rows)
    assert remap["person:red-hat"] == remap["place:red-hat"] == "org:red-hat"
    assert remap["org:biden"] == remap["person:biden"] == "person:joe-biden"
    assert "person:washington" not in remap and "place:washington" not in remap
    by_id = {a["actor_id"]: a for a in actors}
    assert by_id["org:red-hat"]["n_mentions"] == 74 and by_id["org:red-hat"]["n_docs"] == 4
    assert set(remap.values()) <= set(by_id)


@pytest.mark.parametrize("text,span,name,country,sector", [
    ("Senior Hungarian officials met in Budapest.", "Hungarian officials", "Hungary government", "HUN", "GOV"),
    ("Russian troops crossed the border.", "Russian troops", "Russia military", "RUS", "MIL"),
    ("US lawmakers voted on Tuesday.", "US lawmakers", "United States legislature", "USA", "LEG"),
])
def test_actors_generic_actors(nlp, text, span, name, country, sector):
    mentions = resolve_doc(nlp(text), doc_id="d").mentions
    [m] = [m for m in mentions if m["text"] == span]
    assert m["label"] == "GROUP" and m["country"] == country and m["sector"] == sector
    assert m["actor_id"] == "group:" + name.lower().replace(" ", "-")


def _group_relations(nlp, text):
    from actorgraph.pipeline import extract_articles
    from actorgraph.records import Article

    res = extract_articles([Article(doc_id="d", text=text, path="d.txt")], nlp=nlp, progress=False)
    groups = res.mentions[res.mentions["label"] == "GROUP"]
    rel = res.relations[res.relations["kind"] == "action"]
    return groups, [(r.source_text, r.predicate, r.target_text, r.event_type) for r in rel.itertuples()]


def test_actors_unnamed_group_that_acts_is_an_actor(nlp):
    groups, rels = _group_relations(nlp, "Insurgents bombarded the city of Aleppo in Syria.")
    [g] = groups.itertuples()
    assert (g.text, g.actor_id, g.sector) == ("Insurgents", "group:rebels", "REB")
    assert pd.isna(g.country)  # no country said: a country-less actor, like CAMEO's ---REB
    assert ("Insurgents", "bombard", "Aleppo", "ASSAULT") in rels
    groups, rels = _group_relations(nlp, "The government accused the rebels of attacking a convoy.")
    assert {g.text for g in groups.itertuples()} == {"government", "rebels"}
    assert ("government", "accuse", "rebels", "DISAPPROVE") in rels


@pytest.mark.parametrize("text,span,actor_id,country", [
    # a place in its "in"/"of" phrase gives the group its country; the place stays a mention
    ("Police in Baghdad arrested two men and Kurdish activists.", "Police", "group:iraq-police", "IRQ"),
    ("The government of Egypt accused Israel of spying.", "government", "group:egypt-government",
     "EGY"),
])
def test_actors_unnamed_group_country_from_its_place(nlp, text, span, actor_id, country):
    groups, rels = _group_relations(nlp, text)
    [g] = [g for g in groups.itertuples() if g.text == span]
    assert (g.actor_id, g.country) == (actor_id, country)
    assert any(r[0] == span for r in rels)


def test_actors_unnamed_group_dropped_keeps_its_place(nlp):
    from actorgraph.pipeline import extract_articles
    from actorgraph.records import Article

    res = extract_articles([Article(doc_id="d", text="The government of Egypt announced three days of mourning.",
                                    path="d.txt")], nlp=nlp, progress=False)
    assert res.mentions["label"].tolist().count("GROUP") == 0
    assert "Egypt" in res.mentions["text"].tolist()


@pytest.mark.parametrize("text", [
    "Officials said the plan would cost two billion dollars.",  # no event: no actor
    "Investors bought the shares of Apple.",  # not a political group
    "Israel expelled leaders of the Muslim Brotherhood.",  # the named organisation is the actor
    "The speaker of the parliament, Ali Larijani, praised Iraq.",  # a title's body
    "The states of Florida and Ohio sued Google.",  # not a government here
])
def test_actors_unnamed_group_not_an_actor(nlp, text):
    groups, _ = _group_relations(nlp, text)
    assert groups.empty, groups["text"].tolist()


def test_actors_title_of_named_person_is_not_generic(nlp):
    mentions = resolve_doc(nlp("The French president, Emmanuel Macron, arrived."), doc_id="d").mentions
    assert not [m for m in mentions if m["label"] == "GROUP"]


def test_actors_build_surname_goes_to_the_dominant_bearer():
    rows = [_row("a", "person:donald-trump", "Donald Trump", "PERSON", 40),
            _row("b", "person:melania-trump", "Melania Trump", "PERSON", 2),
            _row("c", "person:trump", "Trump", "PERSON", 5)]
    _, remap = build_actors(rows)
    assert remap == {"person:trump": "person:donald-trump"}


@pytest.mark.parametrize("text,kept", [
    ("US Secretary of State Mike Pompeo visited Israel.", False),   # "State" is part of a title
    ("It happened despite the resistance of the Catholic Church.", True),
])
def test_actors_role_phrase_tail_is_not_an_organisation(nlp, text, kept):
    texts = [m["text"] for m in resolve_doc(nlp(text), doc_id="d").mentions]
    assert ("Catholic Church" in texts) if kept else ("State" not in texts)


def test_actors_name_particles_mended_and_surname_merged(nlp):
    doc = nlp("Commission President Ursula von der Leyen met Li Qiang. Von der Leyen said the talks went well.")
    ids = {m["text"]: m["actor_id"] for m in resolve_doc(doc, doc_id="d").mentions}
    assert ids.get("Ursula von der Leyen") == "person:ursula-von-der-leyen"
    assert ids.get("Von der Leyen") == "person:ursula-von-der-leyen"


def test_actors_name_particle_after_the_name_joins_the_surname(nlp):
    # the model tags [José Azcona] PERSON and [del Hoyo] apart
    doc = nlp("Honduras has had five presidents : Roberto Suazo Córdova , José Azcona del Hoyo and Manuel Zelaya .")
    texts = {m["text"]: m["label"] for m in resolve_doc(doc, doc_id="d").mentions}
    assert texts.get("José Azcona del Hoyo") == "PERSON"
    assert "del Hoyo" not in texts
    # a particle before a lower-case word is no name part
    doc = nlp("They met Maria da Silva and la plupart des gens.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Maria da Silva"]


def test_actors_title_before_of_is_not_a_person(nlp):
    doc = nlp("Erwin Chemerinsky, Dean of UC Berkeley School of Law, called it silly. Dean Martin sang.")
    texts = [m["text"] for m in resolve_doc(doc, doc_id="d").mentions if m["label"] == "PERSON"]
    assert "Dean" not in texts
    assert "Erwin Chemerinsky" in texts and "Dean Martin" in texts


def test_actors_units_and_bare_legal_forms_are_not_actors(nlp):
    """Financial copy: the model tags "cts", "Avg", "Dlrs", "Revs" as names."""
    doc = nlp("Shr 12 cts vs 10 cts. Net profit 1.2 mln dlrs. Avg shrs 5.0 mln. Revs 12.4 mln "
              "dlrs. Acme Co Inc said it would buy Widget Co from Reuters.")
    mentions = resolve_doc(doc, doc_id="d").mentions
    texts = {m["text"].lower() for m in mentions if m["label"] not in ("DATE", "CARDINAL", "MONEY")}
    assert not texts & {"cts", "avg", "dlrs", "revs", "shr", "co inc", "co"}
    assert any("Reuters" == m["text"] for m in mentions)
    # an acronym that spells a legal form may be a name: the Indian National Congress (INC)
    doc = nlp("The group was formed within the INC under the leadership of Jayaprakash Narayan. "
              "Researchers at the German Aerospace Center (DLR) studied lichens.")
    texts = {m["text"] for m in resolve_doc(doc, doc_id="d").mentions}
    assert "INC" in texts and "DLR" in texts


def test_actors_time_zones_are_not_actors(nlp):
    doc = nlp("The polls closed at 20:00 (UTC). The vote ends Friday UTC, NASA said. Times are given in GMT and UTC.")
    texts = [m["text"] for m in resolve_doc(doc, doc_id="d").mentions]
    assert "UTC" not in texts and "GMT" not in texts
    assert "NASA" in texts
