"""The relations stage: who did what to whom, from the dependency parse.

``extract_relations(doc, mentions, doc_id=...)`` turns one parsed document and its resolved actor
mentions into :class:`~actorgraph.records.Relation` records (actions with PLOVER event types,
statements, affiliation/role/leadership/located_in attributes, and co-occurrences).
``load_lexicon()`` reads the event lexicon (ours, or a CAMEO/PETRARCH verb dictionary).

Modules: ``extract`` (the rules over verbs, event nouns and speech, and their assembly),
``attributes`` (titles, appositions, possessives, copulas), ``paths`` (short dependency
paths for pairs no rule linked), ``mergers`` (parts of a merger or grouping → the whole),
``surface`` (word order where the parse breaks), ``enumerations`` (lists of actors that share
a relation), ``results`` (match results lines), ``syntax`` (arguments, coordination,
pronouns, negation and modality), ``lexicon`` (the event lexicon).
"""

from __future__ import annotations

from .extract import extract_relations
from .lexicon import LexEntry, Lexicon, LexiconError, cameo_to_plover, load_lexicon

# The ``rule`` column of the relations table: which rule found a relation. Filter on it (or on
# ``confidence``) to trade recall for precision; docs/precision.md has each rule's precision.
RULES: dict[str, str] = {
    "verb": "a verb and its arguments: subject, object, passive agent, prepositional object; "
    "speech verbs give statements",
    "event_noun": "an event noun and its arguments ('talks between X and Y', 'X's visit to Y')",
    "title": "a title noun ('Kenyan President Ruto', 'CEO of Apple', 'Acme chairman Jane Roe')",
    "modifier": "a country or group name modifying an actor ('Kenyan operator Safaricom')",
    "possessive": "a possessive ('Japan's Toyota', 'Kim's party')",
    "apposition": "an apposition ('Jane Roe, one of Acme's directors', 'Todd Martin (U.S.)')",
    "copula": "a copula or naming verb ('X is a member of Y', 'X was named CEO of Y', 'as ...')",
    "prep_phrase": "a person's 'of'/'from' phrase ('Walker of the UUP'), an organisation's "
    "'in'/'at' place",
    "based_in": "'based in', 'headquartered in', 'Nairobi-based'",
    "candidacy": "what a candidate runs for and where ('ran for governor of Texas', 'stood for "
    "Labour in Coventry')",
    "under": "a clause under a person ('Under Merkel, Germany took in refugees' -> Merkel "
    "leads Germany)",
    "path": "a short dependency path between two actors no rule above linked",
    "surface": "word order where the parse breaks ('A ( U.S. ) beat B ( Italy ) 6-3')",
    "merger": "the parts of a merger or grouping and the whole",
    "accusation": "saying that someone attacked, committed a crime or threatened",
    "own_country": "an actor whose country the sentence names",
    "named_place": "an organisation named after a place the sentence names",
    "setting": "the place a sentence's event happens in ('In Paris, X met Y')",
    "defined_name": "an abbreviation or alias defined in the text ('the National Hurricane "
    "Center (NHC)')",
    "enumeration": "a relation found for one member of a list, handed to the others ('served "
    "on the boards of A, B and C')",
    "result": "a results line: two teams and their scores ('Leeds 3 Hull 1' -> Leeds beat Hull)",
    "cooccurrence": "two actors in one sentence",
}

__all__ = [
    "RULES",
    "LexEntry",
    "Lexicon",
    "LexiconError",
    "cameo_to_plover",
    "extract_relations",
    "load_lexicon",
]
