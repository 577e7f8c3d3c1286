"""Gold-standard records, label maps and the general lookups used to derive gold attributes.

Every reader in :mod:`actorgraph.evaluate.readers` returns :class:`GoldDoc` objects whose
``text`` is rebuilt from the gold tokens, so that gold spans are character offsets into the
same string the pipeline sees (and whose offsets the output tables slice).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

from actorgraph.records import Article

Task = Literal["entities", "countries", "merging", "dates", "relations"]
EntityType = Literal["PER", "ORG", "LOC", "MISC"]

#: Our (spaCy OntoNotes) labels -> the CoNLL-2003 types gold sets are scored in.
PRED_LABEL_MAP: dict[str, EntityType] = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}

#: Labels of predicted mentions that are date expressions.
DATE_LABELS: frozenset[str] = frozenset({"DATE", "TIME"})

#: Gold types of every supported format -> the CoNLL-2003 types; unmapped types are not scored.
GOLD_LABEL_MAP: dict[str, EntityType] = {
    # CoNLL-2003
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "MISC": "MISC",
    # GUM (only person / organization / place are named-entity types we score)
    "person": "PER",
    "organization": "ORG",
    "place": "LOC",
    # CrossRE (news and politics domains)
    "organisation": "ORG",
    "politicalparty": "ORG",
    "politician": "PER",
    "location": "LOC",
    "country": "LOC",
    "misc": "MISC",
}

#: Gold types -> the spaCy label a gold entity is given to actorgraph with in gold-entity mode
#: (``evaluate(..., gold_entities=True)``); places and misc types: see :func:`spacy_label`.
SPACY_LABEL_OF_GOLD: dict[str, str] = {
    "person": "PERSON",
    "politician": "PERSON",
    "organisation": "ORG",
    "organization": "ORG",
    "politicalparty": "ORG",
    "country": "GPE",
    "election": "EVENT",  # no actor (as the model's EVENT names): never a relation endpoint
    "event": "EVENT",
}
#: Kinds of gazetteer place that spaCy calls GPE (countries, cities, states); other places LOC.
_GPE_KINDS = frozenset({"country", "capital", "city", "region"})

#: CAMEO root code (first two digits) -> PLOVER event type. General root-level table after the
#: PLOVER (2018) manual's CAMEO crosswalk, in the PLOVER vocabulary the pipeline emits
#: (DEMAND, INVESTIGATE, DISAPPROVE ...); 01 (public statements) has no PLOVER counterpart.
#: Kept separate from the pipeline's own lexicon on purpose: the gold side must not depend on
#: the code under test.
CAMEO_ROOT_TO_PLOVER: dict[str, str | None] = {
    "01": None,  # make public statement
    "02": "DEMAND",  # appeal
    "03": "AGREE",  # express intent to cooperate
    "04": "CONSULT",
    "05": "SUPPORT",  # engage in diplomatic cooperation
    "06": "COOPERATE",  # engage in material cooperation
    "07": "AID",  # provide aid
    "08": "CONCEDE",  # yield
    "09": "INVESTIGATE",
    "10": "DEMAND",
    "11": "DISAPPROVE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",  # exhibit force posture
    "16": "SANCTION",  # reduce relations
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",  # fight
    "20": "ASSAULT",  # unconventional mass violence
}


def cameo_to_plover(code: str | None) -> str | None:
    """The PLOVER event type of a CAMEO event code (``"0352"`` -> ``"AGREE"``), or None."""
    if not code or len(code) < 2 or not code[:2].isdigit():
        return None
    return CAMEO_ROOT_TO_PLOVER.get(code[:2])


@dataclass(frozen=True)
class GoldSpan:
    """One gold entity mention: a character span of :attr:`GoldDoc.text` and what it refers to.

    ``etype`` is the CoNLL-2003 type the span is scored as (None: not a scored type);
    ``named`` is False for mentions that are not names (pronouns, common-noun phrases in
    GUM), which are neither expected from nor held against the system.
    """

    start: int
    end: int
    text: str
    label: str
    etype: EntityType | None
    named: bool = True
    identity: str | None = None
    country: str | None = None
    head_pos: str | None = None  # universal POS of the mention's head word, where known


@dataclass(frozen=True)
class GoldTimex:
    """One gold date/time expression with its normalised TIMEX3-style value."""

    start: int
    end: int
    text: str
    value: str | None
    type: str = "DATE"  # DATE | TIME | DURATION | SET
    date_start: str | None = None  # for ranges given as from/to (or notBefore/notAfter)
    date_end: str | None = None


@dataclass(frozen=True)
class GoldRelation:
    """One gold directed pair, either between two spans or (PETRARCH) between two countries."""

    source: GoldSpan | None
    target: GoldSpan | None
    label: str | None = None
    event_type: str | None = None  # PLOVER
    source_country: str | None = None
    target_country: str | None = None
    code: str | None = None  # CAMEO event code, when the gold set has one


@dataclass(frozen=True)
class GoldDoc:
    """One gold document: text rebuilt from the tokens, plus its annotations."""

    doc_id: str
    text: str
    tasks: frozenset[Task]
    published: date | None = None
    title: str | None = None
    entities: tuple[GoldSpan, ...] = ()
    timexes: tuple[GoldTimex, ...] = ()
    relations: tuple[GoldRelation, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()
    entity_types: tuple[EntityType, ...] = ("PER", "ORG", "LOC", "MISC")
    source: str | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def to_article(self, *, gold_entities: bool = False) -> Article:
        """The :class:`Article` the pipeline is run on.

        Args:
            gold_entities: give the pipeline :meth:`given_entities` in place of the model's
                names (``Article.meta["entities"]``).
        """
        return Article(
            doc_id=self.doc_id,
            path=self.source or self.doc_id,
            text=self.text,
            title=self.title,
            source=None,
            published=self.published,
            published_source="gold" if self.published else None,
            fmt="text",
            meta={"entities": list(self.given_entities())} if gold_entities else {},
        )

    def given_entities(self) -> tuple[tuple[int, int, str], ...]:
        """The gold names as ``(start, end, spaCy label)``, for the gold-entity mode.

        Names of a type :func:`spacy_label` does not map (CrossRE ``book``, ``song``) and
        mentions that are not names are left out.
        """
        given = []
        for span in self.entities:
            label = spacy_label(span) if span.named else None
            if label is not None:
                given.append((span.start, span.end, label))
        return tuple(given)

    def sentence_of(self, start: int, end: int) -> str:
        """The sentence (from the gold boundaries, else from the text) around ``start:end``."""
        for s_start, s_end in self.sentences:
            if s_start <= start < s_end or (s_start < end <= s_end):
                return self.text[s_start : max(s_end, min(end, len(self.text)))].strip()
        return context(self.text, start, end)


def spacy_label(span: GoldSpan) -> str | None:
    """The spaCy label a gold entity is given to actorgraph with (gold-entity mode), or None.

    People and organisations by type (:data:`SPACY_LABEL_OF_GOLD`, else the CoNLL type);
    a place is GPE when the gazetteer knows it as a country, city or region (state,
    province), else LOC; a misc name is NORP, the one label besides people, organisations and
    places that makes an actor: a nationality ("Mexican") becomes its country's actor, any
    other misc name ("Wimbledon", "republicans") a group. Other types: None.
    """
    if span.label in SPACY_LABEL_OF_GOLD:
        return SPACY_LABEL_OF_GOLD[span.label]
    if span.etype == "PER":
        return "PERSON"
    if span.etype == "ORG":
        return "ORG"
    if span.etype == "LOC":
        from actorgraph import gazetteer

        place = gazetteer.lookup_place(span.text)
        return "GPE" if place is not None and place.kind in _GPE_KINDS else "LOC"
    if span.etype == "MISC":
        return "NORP"
    return None


def context(text: str, start: int, end: int, width: int = 200) -> str:
    """The sentence-ish stretch of ``text`` around ``start:end`` (newline or full stop bounded)."""
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, start - width, 0)
    right_candidates = [i for i in (text.find("\n", end), text.find(". ", end)) if i != -1]
    right = min([*right_candidates, end + width, len(text)])
    if right < len(text) and text[right] == ".":
        right += 1
    return text[left:right].strip()


_PAREN = re.compile(r"\s*\([^)]*\)\s*$")


def _norm_name(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", name.replace("_", " ")).strip().casefold()


@lru_cache(maxsize=1)
def _country_names() -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Exact name -> ISO3 index, and (name, ISO3) pairs for prefix matching, from pycountry."""
    import pycountry

    exact: dict[str, str] = {}
    names: list[tuple[str, str]] = []
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if not value:
                continue
            key = _norm_name(value)
            exact.setdefault(key, country.alpha_3)
            names.append((key, country.alpha_3))
            # "Korea, Republic of" -> also "Republic of Korea"
            if ", " in key:
                head, _, tail = key.partition(", ")
                exact.setdefault(f"{tail} {head}", country.alpha_3)
        exact.setdefault(country.alpha_3.casefold(), country.alpha_3)
    return exact, names


def iso3_from_name(name: str | None, *, allow_codes: bool = False) -> str | None:
    """ISO 3166 alpha-3 code of a country name by pycountry name matching, or None.

    Matching is general, with no hand-made list: the name (underscores, URL escapes and a
    trailing parenthesised disambiguation removed, accents folded, case ignored) must equal a
    pycountry ``name``, ``official_name`` or ``common_name`` (also with "X, Y of" read as
    "Y of X"), or be the leading words of exactly one of them ("Russia" -> "Russian
    Federation", "Brunei" -> "Brunei Darussalam"). Country codes (``USA``) are accepted only
    with ``allow_codes``. Names that pycountry does not know under any form ("Turkey" is
    "Türkiye", "Burma" is "Myanmar") are not matched.
    """
    if not name:
        return None
    from urllib.parse import unquote

    text = unquote(name)
    paren = _PAREN.search(text)
    # A disambiguated Wikipedia title ("Georgia (U.S. state)") names a country only when the
    # disambiguation says so ("Georgia (country)").
    if paren and "country" not in paren.group(0).casefold():
        return None
    key = _norm_name(_PAREN.sub("", text))
    if key.startswith("the "):
        key = key[4:]
    if not key:
        return None
    exact, names = _country_names()
    if len(key) == 3 and key.isalpha():
        return exact.get(key) if allow_codes else None
    if key in exact:
        return exact[key]
    if len(key) < 4:
        return None
    found = {
        iso3
        for full, iso3 in names
        if full.startswith(key) and not full[len(key) : len(key) + 1].isalpha()
    }
    # "Russia" must match "Russian Federation": allow the prefix to end inside the first word
    # only when that word extends it by an adjectival "n".
    if not found:
        found = {iso3 for full, iso3 in names if full.startswith(key + "n ")}
    return found.pop() if len(found) == 1 else None
