"""The relations stage: who did what to whom, from the dependency parse.

``extract_relations(doc, mentions, doc_id=...)`` turns one parsed document and its resolved actor
mentions into :class:`~actorgraph.records.Relation` records (actions with PLOVER event types,
statements, affiliation/role/leadership/located_in attributes, and co-occurrences).
``load_lexicon()`` reads the event lexicon (ours, or a CAMEO/PETRARCH verb dictionary).

Modules: ``extract`` (the rules over verbs, event nouns and speech, and their assembly),
``attributes`` (titles, appositions, possessives, copulas), ``paths`` (short dependency
paths for pairs no rule linked), ``mergers`` (parts of a merger or grouping → the whole),
``surface`` (word order where the parse breaks), ``syntax`` (arguments, coordination,
pronouns, negation and modality), ``lexicon`` (the event lexicon).
"""

from __future__ import annotations

from .extract import extract_relations
from .lexicon import LexEntry, Lexicon, LexiconError, cameo_to_plover, load_lexicon

__all__ = [
    "LexEntry",
    "Lexicon",
    "LexiconError",
    "cameo_to_plover",
    "extract_relations",
    "load_lexicon",
]
