"""Tests for actorgraph.gazetteer: countries, demonyms, places, IGOs, roles and titles."""

from __future__ import annotations

import pytest

from actorgraph import gazetteer
from actorgraph.gazetteer import (
    Place,
    country_iso3,
    country_name,
    demonym_iso3,
    entity_ruler_patterns,
    igo,
    is_title,
    lookup_place,
    role_sector,
)


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("the United Kingdom", "GBR"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("the Russian Federation", "RUS"),
        ("Russia's", "RUS"),
        ("RUSSIA", "RUS"),
        ("China", "CHN"),
        ("People's Republic of China", "CHN"),
        ("People\u2019s Republic of China", "CHN"),
        ("PRC", "CHN"),
        ("Republic of China", "TWN"),
        ("Taiwan", "TWN"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("USA", "USA"),
        ("America", "USA"),
        ("the United States", "USA"),
        ("United States of America", "USA"),
        ("UAE", "ARE"),
        ("United Arab Emirates", "ARE"),
        ("DPRK", "PRK"),
        ("North Korea", "PRK"),
        ("ROK", "KOR"),
        ("South Korea", "KOR"),
        ("Republic of Korea", "KOR"),
        ("Iran", "IRN"),
        ("Islamic Republic of Iran", "IRN"),
        ("Vietnam", "VNM"),
        ("Viet Nam", "VNM"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Czechia", "CZE"),
        ("Burma", "MMR"),
        ("Holland", "NLD"),
        ("Türkiye", "TUR"),
        ("Guinea-Bissau", "GNB"),
        ("Guinea Bissau", "GNB"),
        ("Democratic Republic of the Congo", "COD"),
        ("DRC", "COD"),
        ("Republic of the Congo", "COG"),
        ("Kosovo", "XKX"),
        ("Soviet Union", "SUN"),
        ("USSR", "SUN"),
        ("Yugoslavia", "YUG"),
        ("East Germany", "DDR"),
        ("West Germany", "DEU"),
        ("Zaire", "COD"),
        ("Hong Kong", "HKG"),
    ],
)
def test_gazetteer_country_iso3(text: str, iso3: str) -> None:
    assert country_iso3(text) == iso3


@pytest.mark.parametrize("text", ["us", "china", "turkey", "Moscow", "Huawei", "", "Russian"])
def test_gazetteer_country_iso3_rejects_words_cities_and_demonyms(text: str) -> None:
    assert country_iso3(text) is None


@pytest.mark.parametrize("text", ["Us", "Uk", "Uae", "Dprk"])
def test_gazetteer_abbreviations_need_capitals(text: str) -> None:
    assert lookup_place(text) is None


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Russian", "RUS"),
        ("Russians", "RUS"),
        ("Chinese", "CHN"),
        ("Taiwanese", "TWN"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("British", "GBR"),
        ("Britons", "GBR"),
        ("Emirati", "ARE"),
        ("Emiratis", "ARE"),
        ("French", "FRA"),
        ("Frenchmen", "FRA"),
        ("Dutch", "NLD"),
        ("Swiss", "CHE"),
        ("Iraqis", "IRQ"),
        ("Filipinos", "PHL"),
        ("South Korean", "KOR"),
        ("North Korean", "PRK"),
        ("Saudi", "SAU"),
        ("Ukrainian", "UKR"),
        ("Soviet", "SUN"),
    ],
)
def test_gazetteer_demonym_iso3(text: str, iso3: str) -> None:
    assert demonym_iso3(text) == iso3
    place = lookup_place(text)
    assert place is not None and place.kind == "demonym" and place.iso3 == iso3


def test_gazetteer_every_demonym_row_points_at_a_named_country() -> None:
    for row in gazetteer._read_tsv("demonyms.tsv"):
        assert country_name(row["iso3"]), row


@pytest.mark.parametrize(
    ("iso3", "name"),
    [("RUS", "Russia"), ("USA", "United States"), ("GBR", "United Kingdom"), ("KOR", "South Korea"),
     ("TWN", "Taiwan"), ("SUN", "Soviet Union"), ("FRA", "France"), ("rus", "Russia")],
)
def test_gazetteer_country_name(iso3: str, name: str) -> None:
    assert country_name(iso3) == name


def test_gazetteer_country_name_unknown() -> None:
    assert country_name("ZZZ") is None


def test_gazetteer_country_names_round_trip() -> None:
    # Every canonical short name resolves back to its own code.
    names = gazetteer._gazetteer().names
    for iso3, name in names.items():
        assert country_iso3(name) == iso3, (iso3, name)


@pytest.mark.parametrize(
    ("text", "iso3", "kind"),
    [
        ("Moscow", "RUS", "capital"),
        ("Beijing", "CHN", "capital"),
        ("Peking", "CHN", "capital"),
        ("Kiev", "UKR", "capital"),
        ("Kyiv", "UKR", "capital"),
        ("London", "GBR", "capital"),
        ("Washington", "USA", "capital"),
        ("Shanghai", "CHN", "city"),
        ("St. Petersburg", "RUS", "city"),
        ("Saint Petersburg", "RUS", "city"),
        ("Bombay", "IND", "city"),
        ("São Paulo", "BRA", "city"),
        ("Sao Paulo", "BRA", "city"),
        ("New York", "USA", "city"),
        ("Texas", "USA", "region"),
        ("Crimea", "UKR", "region"),
        ("Bavaria", "DEU", "region"),
        ("Scotland", "GBR", "region"),
        ("Xinjiang", "CHN", "region"),
        ("Gaza Strip", "PSE", "region"),
        ("D.C.", "USA", "region"),
        ("Washington, D.C.", "USA", "region"),
        ("West Bank", "PSE", "region"),
    ],
)
def test_gazetteer_lookup_place_cities_and_regions(text: str, iso3: str, kind: str) -> None:
    place = lookup_place(text)
    assert place is not None
    assert (place.iso3, place.kind) == (iso3, kind)
    assert 0.0 < place.confidence <= 1.0


def test_gazetteer_capital_has_population_and_high_confidence() -> None:
    place = lookup_place("Moscow")
    assert place == Place("Moscow", "RUS", "capital", place.confidence, place.population)
    assert place.population is not None and place.population > 1_000_000
    assert place.confidence >= 0.9


def test_gazetteer_countries_have_full_confidence() -> None:
    place = lookup_place("Russia")
    assert place == Place("Russia", "RUS", "country", 1.0, None)


def test_gazetteer_albany_is_not_albania() -> None:
    place = lookup_place("Albany")
    assert place is not None
    assert place.iso3 != "ALB"
    assert place.kind == "city"
    assert place.confidence < 0.9  # several Albanys: never certain


def test_gazetteer_albany_follows_document_context() -> None:
    place = lookup_place("Albany", context_countries=["AUS"])
    assert place is not None and place.iso3 == "AUS"


def test_gazetteer_georgia_ambiguity_resolved_by_context() -> None:
    alone = lookup_place("Georgia")
    assert alone is not None and alone.iso3 == "GEO"
    assert alone.confidence < 0.8  # the US state is a real possibility
    us = lookup_place("Georgia", context_countries={"USA", "CAN"})
    assert us is not None and (us.iso3, us.kind) == ("USA", "region")
    caucasus = lookup_place("Georgia", context_countries=["RUS", "GEO"])
    assert caucasus is not None and caucasus.iso3 == "GEO"
    assert caucasus.confidence > alone.confidence


def test_gazetteer_portsmouth_and_paris_context() -> None:
    assert lookup_place("Portsmouth").iso3 == "GBR"  # type: ignore[union-attr]
    assert lookup_place("Portsmouth", context_countries=["USA"]).iso3 == "USA"  # type: ignore[union-attr]
    # A capital of 2 million is not overturned by a Texan town of 25 thousand.
    paris = lookup_place("Paris", context_countries=["USA"])
    assert paris is not None and paris.iso3 == "FRA"


@pytest.mark.parametrize("text", ["Reading", "Nice", "Mobile", "Bath"])
def test_gazetteer_common_words_are_low_confidence(text: str) -> None:
    place = lookup_place(text)
    assert place is None or place.confidence <= 0.3


@pytest.mark.parametrize("text", ["Of", "of", "reading", "nice", "Police"])
def test_gazetteer_small_or_lowercase_words_are_not_places(text: str) -> None:
    assert lookup_place(text) is None


def test_gazetteer_person_names() -> None:
    jordan = lookup_place("Jordan")
    assert jordan is not None and jordan.iso3 == "JOR" and jordan.confidence < 1.0
    victoria = lookup_place("Victoria")
    assert victoria is not None and victoria.confidence <= 0.5


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        ("UN", "United Nations", "UN"),
        ("U.N.", "United Nations", "UN"),
        ("the United Nations", "United Nations", "UN"),
        ("NATO", "North Atlantic Treaty Organization", "NATO"),
        ("Nato", "North Atlantic Treaty Organization", "NATO"),
        ("EU", "European Union", "EU"),
        ("European Union", "European Union", "EU"),
        ("WTO", "World Trade Organization", "WTO"),
        ("APEC", "Asia-Pacific Economic Cooperation", "APEC"),
        ("ASEAN", "Association of Southeast Asian Nations", "ASEAN"),
        ("IAEA", "International Atomic Energy Agency", "IAEA"),
        ("OPEC", "Organization of the Petroleum Exporting Countries", "OPEC"),
        ("WHO", "World Health Organization", "WHO"),
        ("IMF", "International Monetary Fund", "IMF"),
        ("World Bank", "World Bank", "WB"),
        ("African Union", "African Union", "AU"),
        ("OSCE", "Organization for Security and Co-operation in Europe", "OSCE"),
        ("G7", "Group of Seven", "G7"),
        ("G-20", "Group of Twenty", "G20"),
        ("BRICS", "BRICS", "BRICS"),
        ("Interpol", "International Criminal Police Organization", "Interpol"),
        ("ICC", "International Criminal Court", "ICC"),
    ],
)
def test_gazetteer_igo(text: str, name: str, acronym: str) -> None:
    assert igo(text) == (name, acronym)
    place = lookup_place(text)
    assert place is not None and place.kind == "igo" and place.iso3 is None


@pytest.mark.parametrize("text", ["who", "Who", "BIS", "Russia", "Huawei"])
def test_gazetteer_igo_rejects(text: str) -> None:
    assert igo(text) is None


@pytest.mark.parametrize(
    ("word", "sector"),
    [
        ("president", "GOV"),
        ("President", "GOV"),
        ("Prime Minister", "GOV"),
        ("Chancellor", "GOV"),
        ("minister", "GOV"),
        ("foreign minister", "GOV"),
        ("leader", "GOV"),
        ("senator", "LEG"),
        ("lawmakers", "LEG"),
        ("parliament", "LEG"),
        ("general", "MIL"),
        ("army", "MIL"),
        ("troops", "MIL"),
        ("soldiers", "MIL"),
        ("police", "COP"),
        ("policemen", "COP"),
        ("court", "JUD"),
        ("judge", "JUD"),
        ("company", "BUS"),
        ("companies", "BUS"),
        ("operator", "BUS"),
        ("firm", "BUS"),
        ("bank", "BUS"),
        ("rebels", "REB"),
        ("opposition", "OPP"),
        ("activists", "OPP"),
        ("journalists", "MED"),
        ("university", "EDU"),
        ("universities", "EDU"),
        ("refugees", "REF"),
        ("farmers", "AGR"),
        ("doctors", "HLH"),
        ("spies", "SPY"),
        ("company official", "BUS"),
        ("police officer", "COP"),
        ("military officials", "MIL"),
        ("former president", "GOV"),
        ("Russian president", "GOV"),
        ("defence minister", "GOV"),
        ("telecom operator", "BUS"),
    ],
)
def test_gazetteer_role_sector(word: str, sector: str) -> None:
    assert role_sector(word) == sector


@pytest.mark.parametrize("word", ["", "table", "yesterday", "Mr", "Moscow"])
def test_gazetteer_role_sector_unknown(word: str) -> None:
    assert role_sector(word) is None


def test_gazetteer_role_sectors_are_cameo_codes() -> None:
    for row in gazetteer._read_tsv("roles.tsv"):
        assert not row["sector"] or row["sector"] in gazetteer.SECTORS, row


@pytest.mark.parametrize(
    "word",
    ["President", "Chancellor", "Mr", "Mr.", "Dr", "Gen.", "Gen", "Prime Minister", "Sen.",
     "King", "Foreign Minister", "Former President", "Pope", "Sheikh"],
)
def test_gazetteer_is_title(word: str) -> None:
    assert is_title(word)


@pytest.mark.parametrize("word", ["", "company", "troops", "Moscow", "police", "the"])
def test_gazetteer_is_not_title(word: str) -> None:
    assert not is_title(word)


def test_gazetteer_entity_ruler_patterns_shape() -> None:
    patterns = entity_ruler_patterns()
    labels = {p["label"] for p in patterns}
    assert labels == {"GPE", "NORP", "ORG"}
    for pattern in patterns:
        assert pattern["pattern"] and all(set(t) == {"ORTH"} for t in pattern["pattern"])

    def find(label: str, *orths: str) -> dict:  # type: ignore[type-arg]
        want = [{"ORTH": o} for o in orths]
        return next(p for p in patterns if p["label"] == label and p["pattern"] == want)

    assert find("GPE", "U.S.")["id"] == "USA"
    assert find("GPE", "People", "'s", "Republic", "of", "China")["id"] == "CHN"
    assert find("NORP", "Taiwanese")["id"] == "TWN"
    assert find("ORG", "NATO")["id"] == "NATO"
    # Mutating the returned list does not corrupt the cache.
    patterns[0]["pattern"][0]["ORTH"] = "XXX"
    assert entity_ruler_patterns()[0]["pattern"][0]["ORTH"] != "XXX"


def test_gazetteer_entity_ruler_recovers_mentions() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(entity_ruler_patterns())
    doc = nlp("Taiwanese firms met NATO and U.S. officials in Moscow, not in china.")
    found = {(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents}
    assert ("Taiwanese", "NORP", "TWN") in found
    assert ("NATO", "ORG", "NATO") in found
    assert ("U.S.", "GPE", "USA") in found
    assert not any(ent.text == "china" for ent in doc.ents)  # patterns are case-sensitive


def test_gazetteer_load_seconds_reported() -> None:
    seconds = gazetteer.load_seconds()
    assert set(seconds) == {"core", "cities"}
    assert all(value > 0 for value in seconds.values())


@pytest.mark.parametrize(("text", "name"), [("Europe", "Europe"), ("European", "Europe"),
                                            ("Africans", "Africa"), ("Middle East", "Middle East")])
def test_gazetteer_continents_have_no_country(text: str, name: str) -> None:
    assert lookup_place(text) == Place(name, None, "continent", 1.0, None)
    assert country_iso3(text) is None and demonym_iso3(text) is None


def test_gazetteer_context_is_a_prior_not_an_override() -> None:
    # The document mentions the US, yet the English Portsmouth stays a candidate: the answer
    # may flip, but it is marked low-confidence rather than certain.
    place = lookup_place("Portsmouth", context_countries=["USA", "RUS"])
    assert place is not None and place.confidence < 0.7


def test_gazetteer_a_translated_building_name_is_no_city():
    # geonames lists "White House" among Casablanca's names (Dar el Beida)
    assert gazetteer.lookup_place("the White House") is None
    assert gazetteer.lookup_place("Peking").name == "Beijing"  # exonyms still resolve
