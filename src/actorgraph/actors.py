"""Actors: mentions resolved to one identity per real-world actor, with country and sector.

Two steps:

* :func:`resolve_doc` works inside one document: it trims determiners, possessives and
  titles from entity spans, maps places and nationality adjectives to ISO 3166-1 alpha-3
  codes, reads an actor's country and sector from the words around it ("Russian partner
  Safaricom", "Japanese Prime Minister Fumio Kishida"), and merges name variants (surname →
  full name, acronym introduced in parentheses → full name).
* :func:`build_actors` works across the corpus: it merges the per-document actors by id,
  attaches surname-only actors to the one full name that ends with that surname, and
  returns the ``actors`` table and the id remapping for mentions and relations.

Actor ids are derived from content, so they are stable across runs:
``country:RUS``, ``person:fumio-kishida``, ``org:safaricom``, ``igo:nato``, ``place:moscow``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from actorgraph import gazetteer
from actorgraph.names import is_initial
from actorgraph.records import MentionRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from actorgraph.dictionaries import ActorDictionary

#: spaCy labels that name actors (people, organisations, places, groups).
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
POSSESSIVE = ("'s", "’s", "'", "’")
#: Words that stop an acronym's initials ("Federal Bureau of Investigation" -> FBI).
#: Time-zone abbreviations the model tags as organisations ("10:00 UTC"): never actors.
TIME_ZONES = frozenset({"UTC", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT",
                        "AKST", "AKDT", "HST", "AST", "ADT", "NST", "BST", "CET", "CEST", "EET",
                        "EEST", "WET", "WEST", "MSK", "IST", "PKT", "ICT", "WIB", "SGT", "HKT",
                        "JST", "KST", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT", "SAST",
                        "WAT", "CAT", "EAT"})  # fmt: skip
#: Abbreviations of amounts and units in financial copy that the model tags as names ("12 cts
#: vs 10 cts", "Shr", "Avg shrs", "Revs 1.2 mln dlrs"): never actors. Compared lower-case.
UNIT_WORDS = frozenset({"ct", "cts", "dlr", "dlrs", "mln", "mlns", "bln", "blns", "pct", "shr",
                        "shrs", "avg", "rev", "revs", "qtr", "qtrs", "oper", "yr", "yrs", "vs",
                        "mths", "wk", "wks", "bpd", "bbl", "bbls"})  # fmt: skip
#: Abbreviated legal forms, never a name alone ("Co Inc"); "International" or "Group" may be.
LEGAL_FORMS = frozenset({"co", "inc", "corp", "ltd", "llc", "plc", "gmbh"})
ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "on", "in", "de", "du", "des", "la", "le", "&"})
#: Corporate suffixes that may be dropped when matching short and long company names.
ORG_SUFFIXES = frozenset({"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.",
                          "llc", "plc", "group", "holdings", "company", "technologies", "sa", "ag",
                          "gmbh", "limited", "international"})


def slug(text: str) -> str:
    """A lowercase ASCII id fragment: "Fumio Kishida" -> "fumio-kishida"."""
    norm = unicodedata.normalize("NFKD", text)
    norm = "".join(ch for ch in norm if not unicodedata.combining(ch))
    norm = re.sub(r"[^\w]+", "-", norm.lower()).strip("-")
    return norm or "x"


@dataclass
class DocActor:
    """An actor as seen in one document."""

    actor_id: str
    type: str
    name: str
    aliases: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    sectors: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)
    codes: set[str] = field(default_factory=set)
    n_mentions: int = 0

    def row(self, doc_id: str) -> dict[str, Any]:
        return {
            "doc_id": doc_id,
            "actor_id": self.actor_id,
            "name": self.name,
            "type": self.type,
            "country": _top(self.countries),
            "sector": _top(self.sectors),
            "aliases": "; ".join(sorted(self.aliases)),
            "title": _top(self.titles),
            "codes": "; ".join(sorted(self.codes)) or None,
            "n_mentions": self.n_mentions,
        }


def _top(counter: Counter[str]) -> str | None:
    if not counter:
        return None
    # Most common, ties broken alphabetically so the result is deterministic.
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


@dataclass
class _Mention:
    span: Span
    label: str
    type: str
    key: str
    name: str
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    confidence: float = 1.0
    codes: tuple[str, ...] = ()
    generic: bool = False  # a group named by a common noun alone ("rebels", "the government")


@dataclass(frozen=True)
class DocActors:
    """The actors of one document: mention rows, actor rows and refs for the relation stage.

    ``generic`` holds the mention ids of groups named by a common noun without a nationality
    ("the government", "rebels", "police in Baghdad"): they are actors only where they act,
    and :func:`keep_generic` drops the others once the relations are known.
    """

    mentions: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    refs: list[MentionRef]
    generic: frozenset[str] = frozenset()


def trim_span(span: Span) -> Span | None:
    """Drop leading determiners and titles and a trailing possessive from an entity span."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].text.lower() in DETERMINERS or doc[start].is_punct or doc[start].is_space):
        start += 1
    if span.label_ == "PERSON":
        while start < end - 1 and (gazetteer.is_title(doc[start].text) or (
                doc[start].text.endswith(".") and len(doc[start]) <= 5 and not is_initial(doc[start].text))):
            start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= start:
        return None
    if not _mostly_latin(doc[start:end].text):
        return None  # the English model's entities in Devanagari or Arabic script are noise
    if (span.label_ == "PERSON" and end - start == 1 and end < len(doc) and doc[end].lower_ == "of"
            and (gazetteer.is_title(doc[start].text) or gazetteer.role_sector(doc[start].lower_, exact=True))):
        return None  # "President of France", "Governor of Texas": a title, not a person
    return _span(doc, start, end, span.label_)


def _mostly_latin(text: str) -> bool:
    """Whether at least half the letters of ``text`` are Latin (accents included) or it has
    none ("1990s")."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    latin = sum(1 for ch in letters if ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF)
    return 2 * latin >= len(letters)


def _span(doc: Doc, start: int, end: int, label: str) -> Span:
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def _classify(span: Span, context_countries: Sequence[str]) -> _Mention | None:
    text = span.text
    label = span.label_
    if label in ("GPE", "LOC", "FAC"):
        place = gazetteer.lookup_place(text, context_countries=context_countries)
        if place is not None and place.kind == "country" and place.iso3:
            return _Mention(span, "GPE", "COUNTRY", f"country:{place.iso3}",
                            gazetteer.country_name(place.iso3) or place.name, country=place.iso3,
                            confidence=place.confidence)
        if place is not None and place.kind == "igo":
            return _igo_mention(span, text) or _Mention(span, label, "IGO", f"igo:{slug(text)}", text)
        if place is not None and place.kind == "demonym" and place.iso3:
            return _Mention(span, "NORP", "COUNTRY", f"country:{place.iso3}",
                            gazetteer.country_name(place.iso3) or text, country=place.iso3)
        if place is not None:
            return _Mention(span, label, "PLACE", f"place:{slug(place.name)}", place.name,
                            country=place.iso3, confidence=place.confidence)
        return _Mention(span, label, "PLACE", f"place:{slug(text)}", text, confidence=0.5,
                        country=_name_country(span))
    if label == "NORP":
        iso3 = gazetteer.demonym_iso3(text) or gazetteer.country_iso3(text)
        if iso3:
            return _Mention(span, "NORP", "COUNTRY", f"country:{iso3}",
                            gazetteer.country_name(iso3) or text, country=iso3)
        return _Mention(span, "NORP", "GROUP", f"group:{slug(text)}", text)
    if label == "ORG":
        found = _igo_mention(span, text)
        if found:
            return found
        iso3 = gazetteer.country_iso3(text)
        if iso3:  # a country the model tagged ORG ("US")
            return _Mention(span, "GPE", "COUNTRY", f"country:{iso3}",
                            gazetteer.country_name(iso3) or text, country=iso3)
        sector = _name_sector(span)
        return _Mention(span, "ORG", "ORG", f"org:{slug(text)}", text, sector=sector,
                        country=_name_country(span))
    if label == "PERSON":
        iso3 = gazetteer.country_iso3(text)
        if iso3 and " " not in text:
            return _Mention(span, "GPE", "COUNTRY", f"country:{iso3}",
                            gazetteer.country_name(iso3) or text, country=iso3, confidence=0.7)
        return _Mention(span, "PERSON", "PERSON", f"person:{slug(text)}", text)
    return None


def _igo_mention(span: Span, text: str) -> _Mention | None:
    found = gazetteer.igo(text)
    if not found:
        return None
    name, acronym = found
    return _Mention(span, "ORG", "IGO", f"igo:{slug(acronym or name)}", name, sector="IGO")


def _name_sector(span: Span) -> str | None:
    """Sector from the words of an organisation's own name ("Central Bank" -> BUS)."""
    for token in reversed(span):
        sector = gazetteer.role_sector(token.lemma_.lower()) or gazetteer.role_sector(token.lower_)
        if sector:
            return sector
    return None


def _inside_title(ent: Span) -> bool:
    """True when the entity is the tail of a role phrase: "State" in "Secretary of State"."""
    if ent.label_ not in ("ORG", "GPE", "LOC") or len(ent) > 3 or ent.start < 2:
        return False
    doc = ent.doc
    if doc[ent.start - 1].lower_ not in ("of", "for"):
        return False
    head = doc[ent.start - 2]
    if head.pos_ not in ("NOUN", "PROPN") or gazetteer.role_sector(head.lower_) is None:
        return False  # "the resistance of the Catholic Church": not a role phrase
    phrase = f"{head.lower_} {doc[ent.start - 1].lower_} {ent.text.lower()}"
    # the tail itself must be a word of the roles table: "State" in "Secretary of State", but
    # not "the Labour Party" in "leader of the Labour Party"
    tail = ent.text.lower().removeprefix("the ")
    return bool(gazetteer.role_sector(phrase)) and gazetteer.role_sector(tail, exact=True) is not None


# Prepositions through which a title names a country that is not its holder's.
POSTING_PREPS = frozenset({"to", "for", "on", "in", "at", "toward", "towards", "against", "with",
                           "over"})  # fmt: skip


def _posted_to(ent: Span) -> bool:
    """Whether a country in a title's phrase is where or what the holder is posted to, not
    the holder's own: "ambassador to Germany", "special envoy for Ukraine", "the US envoy in
    Brussels" (its "of"/"from" phrase is: "the President of France")."""
    root = ent.root
    head = root.head
    if root.dep_ == "compound" and head.dep_ == "pobj":  # "for [Ukraine] negotiations"
        root, head = head, head.head
    return root.dep_ == "pobj" and head.lower_ in POSTING_PREPS


def _name_country(span: Span) -> str | None:
    """The country named inside a name: "US State Department" -> USA, "Russian Railways" -> RUS."""
    tokens = [t.text for t in span]
    for size in range(min(4, len(tokens) - 1), 0, -1):
        for i in range(len(tokens) - size + 1):
            piece = " ".join(tokens[i:i + size])
            if not piece[:1].isupper():
                continue
            iso3 = gazetteer.country_iso3(piece) or gazetteer.demonym_iso3(piece)
            if iso3:
                return iso3
    return None


def _context(span: Span, ents_by_token: dict[int, Span]) -> tuple[list[str], list[str], list[str]]:
    """Countries, sectors and titles from the words that modify ``span``.

    Looks at the pre-modifiers in the same noun phrase ("the Kenyan leader William Ruto")
    and at an apposition on either side ("Jane Roe, one of Acme's directors";
    "the Finnish president, Sauli Niinistö").
    """
    doc = span.doc
    countries: list[str] = []
    sectors: list[str] = []
    titles: list[str] = []
    tokens: list[Any] = []
    i = span.start - 1
    sent_start = span.sent.start
    while i >= sent_start and len(tokens) < 6:
        token = doc[i]
        ent = ents_by_token.get(i)
        if ent is not None and ent.label_ in ("NORP", "GPE") and ent.end <= span.start and not _inside_title(ent):
            tokens.extend(reversed(list(ent)))
            i = ent.start - 1
            continue
        if ent is not None and _inside_title(ent):
            # "Secretary of State Mike Pompeo": the whole role phrase modifies the name.
            tokens.extend(reversed(list(doc[ent.start - 2:ent.end])))
            i = ent.start - 3
            continue
        if ent is not None:
            break
        if (token.lower_ in POSTING_PREPS and tokens and tokens[-1].i == i + 1
                and (nxt := ents_by_token.get(i + 1)) is not None and _posted_to(nxt)):  # fmt: skip
            i -= 1  # "US Ambassador [to Germany] Amy Gutmann": go on to "US Ambassador"
            continue
        if token.pos_ in ("ADJ", "NOUN", "PROPN", "DET") or token.tag_ == "HYPH" or token.lower_ in ("'s", "’s"):
            tokens.append(token)
            i -= 1
            continue
        break
    root = span.root
    appos = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        appos.append(root.head)
    for head in appos:
        sub = [t for t in head.subtree if not (span.start <= t.i < span.end)]
        tokens.extend(sub[:12])
    seen_ents: set[int] = set()
    for token in tokens:
        ent = ents_by_token.get(token.i)
        if ent is not None and ent.label_ in ("NORP", "GPE"):
            if ent.start in seen_ents:
                continue
            seen_ents.add(ent.start)
            if _posted_to(ent):
                continue  # "the US ambassador to Germany", "envoy for Ukraine": not theirs
            iso3 = gazetteer.demonym_iso3(ent.text) or gazetteer.country_iso3(ent.text)
            if iso3:
                countries.append(iso3)
            continue
        if ent is not None:
            continue
        if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        sector = gazetteer.role_sector(token.lemma_.lower()) or gazetteer.role_sector(token.lower_)
        if token.i + 1 < len(doc) and not sector:
            pair = f"{token.lower_} {doc[token.i + 1].lower_}"
            sector = gazetteer.role_sector(pair)
        if sector:
            sectors.append(sector)
            if gazetteer.is_title(token.text) and token.i < span.start:
                titles.append(token.text)
    return countries, sectors, titles


def resolve_doc(
    doc: Doc,
    *,
    doc_id: str,
    published: date | None = None,
    dictionary: ActorDictionary | None = None,
    sent_starts: Sequence[int] | None = None,
    generic: bool = True,
) -> DocActors:
    """Resolve the actor mentions of one processed document.

    Args:
        doc: a Doc processed by :func:`actorgraph.nlp.load_nlp`'s pipeline.
        doc_id: the document id, used in mention ids.
        published: the article date, for date-bounded dictionary codes.
        dictionary: a user dictionary that can rename, type and code actors.
        sent_starts: token index of each sentence start (computed when None).
        generic: also find groups named by a common noun without a nationality ("the
            government", "rebels", "police in Baghdad"), listed in ``generic``.

    Returns:
        Mention rows, per-document actor rows and :class:`MentionRef` records.
    """
    if sent_starts is None:
        sent_starts = [sent.start for sent in doc.sents]
    import bisect

    ents = [e for e in doc.ents if e.label_ in ACTOR_LABELS]
    ents_by_token: dict[int, Span] = {}
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            ents_by_token[i] = ent

    # Country context for ambiguous places: the countries named outright in the document.
    context_countries = [
        iso3 for e in ents if e.label_ in ("GPE", "NORP")
        for iso3 in [gazetteer.country_iso3(e.text) or gazetteer.demonym_iso3(e.text)] if iso3
    ]

    mentions: list[_Mention] = []
    for ent in ents:
        span = trim_span(ent)
        if span is None or not any(ch.isalpha() for ch in span.text) or span.text in TIME_ZONES:
            continue
        words = span.text.lower().replace(".", "").split()
        # in capitals, an acronym may be a name: "INC" (Indian National Congress), "DLR"
        if words and not span.text.isupper() and all(
            w in UNIT_WORDS or w in LEGAL_FORMS for w in words
        ):
            continue  # "cts", "Avg", "Dlrs", a bare "Co Inc": units and legal forms, no names
        if _inside_title(ent):
            continue
        mention = _classify(span, context_countries)
        if mention is None:
            continue
        if mention.type in ("PERSON", "ORG"):
            countries, sectors, titles = _context(ent, ents_by_token)
            if countries:
                mention.country = countries[0]
            if sectors:
                mention.sector = sectors[0]
            if titles:
                mention.title = titles[-1]
        mentions.append(mention)

    mentions = _generic_actors(doc, mentions, ents_by_token)
    if generic:
        mentions = _unnamed_groups(doc, mentions, ents_by_token)
    _relabel_surnames(mentions)
    _merge_people(mentions)
    _merge_orgs(mentions, doc)

    # Dictionary overrides: canonical name, type, country, sector, codes.
    if dictionary is not None:
        for m in mentions:
            entry = dictionary.lookup(m.name, on=published) or dictionary.lookup(m.span.text, on=published)
            if entry is None:
                continue
            if _norm(m.span.text) in {_norm(f) for f in entry.forbid}:
                # The dictionary forbids this merge: the mention stays its own actor.
                m.name = m.span.text
                m.key = f"{m.type.lower()}:{slug(m.name)}"
                continue
            m.name = entry.name
            if entry.type:
                m.type = entry.type
            m.key = f"{m.type.lower()}:{slug(entry.name)}" if m.type != "COUNTRY" else m.key
            m.country = entry.country or m.country
            m.sector = entry.sector or m.sector
            if entry.code:
                m.codes = (entry.code,)

    actors: dict[str, DocActor] = {}
    rows: list[dict[str, Any]] = []
    refs: list[MentionRef] = []
    generic_ids: set[str] = set()
    for m in mentions:
        actor = actors.get(m.key)
        if actor is None:
            actor = actors[m.key] = DocActor(m.key, m.type, m.name)
        actor.n_mentions += 1
        actor.aliases[m.span.text] += 1
        if m.country and m.type != "COUNTRY":
            actor.countries[m.country] += 1
        elif m.type == "COUNTRY" and m.country:
            actor.countries[m.country] += 1
        if m.sector:
            actor.sectors[m.sector] += 1
        if m.title:
            actor.titles[m.title] += 1
        actor.codes.update(m.codes)
    for actor in actors.values():
        # The display name: the longest variant seen (most frequent among equals).
        if actor.type in ("PERSON", "ORG"):
            names = [n for n in actor.aliases]
            actor.name = sorted(names, key=lambda n: (-len(n.split()), -actor.aliases[n], n))[0]
    for m in mentions:
        actor = actors[m.key]
        span = m.span
        sent_index = bisect.bisect_right(sent_starts, span.start) - 1
        mention_id = f"{doc_id}:{span.start_char}-{span.end_char}"
        if m.generic:
            generic_ids.add(mention_id)
        country = m.country if m.type in ("COUNTRY", "PLACE") else (m.country or _top(actor.countries))
        rows.append({
            "doc_id": doc_id,
            "mention_id": mention_id,
            "sent_index": sent_index,
            "start_char": span.start_char,
            "end_char": span.end_char,
            "text": span.text,
            "label": m.label,
            "actor_id": actor.actor_id,
            "country": country,
            "value": None,
            "title": m.title,
            "sector": m.sector or _top(actor.sectors),
            "confidence": m.confidence,
        })
        refs.append(MentionRef(
            mention_id=mention_id, start=span.start, end=span.end, start_char=span.start_char,
            end_char=span.end_char, text=span.text, label=m.label, actor_id=actor.actor_id,
            actor_name=actor.name, actor_type=actor.type, country=country,
        ))
    actor_rows = [a.row(doc_id) for a in actors.values()]
    for row in actor_rows:
        if row["type"] == "COUNTRY":
            row["sector"] = None
    return DocActors(mentions=rows, actors=actor_rows, refs=refs, generic=frozenset(generic_ids))


def keep_generic(resolved: DocActors, acting: set[str]) -> tuple[DocActors, set[str]]:
    """``resolved`` without the generic group mentions that are not in ``acting`` (the
    mention ids that are the source or target of a coded event), and the ids dropped.

    "Rebels attacked the town" keeps "rebels"; "officials said" or "students have an
    Olympiad" adds no actor. The actor rows are recounted from the mentions kept.
    """
    drop = set(resolved.generic) - acting
    if not drop:
        return resolved, drop
    mentions = [m for m in resolved.mentions if m["mention_id"] not in drop]
    refs = [r for r in resolved.refs if r.mention_id not in drop]
    counts = Counter(m["actor_id"] for m in mentions)
    actors = []
    for row in resolved.actors:
        if row["actor_id"] in counts:
            actors.append({**row, "n_mentions": counts[row["actor_id"]]}
                          if "n_mentions" in row else row)  # fmt: skip
    return DocActors(mentions=mentions, actors=actors, refs=refs,
                     generic=resolved.generic - drop), drop  # fmt: skip


#: Words used to name generic actors by sector: "Russia military", "Hungary government".
SECTOR_WORDS: dict[str, str] = {
    "GOV": "government", "MIL": "military", "COP": "police", "JUD": "judiciary", "LEG": "legislature",
    "OPP": "opposition", "REB": "rebels", "SEP": "separatists", "SPY": "intelligence services",
    "INS": "insurgents", "UAF": "armed groups", "BUS": "business", "MED": "media", "EDU": "education",
    "CVL": "civilians", "HLH": "health sector", "ELI": "elites", "LAB": "labour", "REF": "refugees",
    "AGR": "agriculture", "CRM": "criminals", "ENV": "environmentalists", "HRI": "human rights groups",
    "REL": "religious groups", "PTY": "parties", "NGO": "NGOs", "IMG": "migrants",
}
_GENERIC_DEPS = frozenset({"amod", "compound", "nmod", "poss"})


def _norm(name: str) -> str:
    return " ".join(name.lower().replace(".", "").split())


def _generic_actors(doc: Doc, mentions: list[_Mention], ents_by_token: dict[int, Span]) -> list[_Mention]:
    """Nominal groups with a nationality and a role become actors: "Russian troops" -> Russia military.

    A common noun that names a role (troops, officials, lawmakers, police, government…)
    and is modified by a country or nationality ("senior Hungarian officials", "US
    lawmakers", "Russia's army") becomes a GROUP actor with that country and sector. Titles
    of a named person ("German Chancellor Olaf Scholz") are left to the person.
    """
    from spacy.tokens import Span

    by_start = {m.span.start: m for m in mentions}
    out = list(mentions)
    replaced: set[int] = set()
    for token in doc:
        if token.pos_ != "NOUN" or token.i in ents_by_token:
            continue
        sector = gazetteer.role_sector(token.lemma_.lower()) or gazetteer.role_sector(token.lower_)
        if sector not in SECTOR_WORDS:
            continue
        head = token.head
        if token.dep_ in ("compound", "appos") and head.i in ents_by_token:
            continue  # a title: "Chancellor Olaf Scholz", "the president, Joe Biden"
        if any(c.dep_ in ("appos", "compound", "nmod") and c.i in ents_by_token
               and ents_by_token[c.i].label_ in ("PERSON", "ORG") for c in token.children):
            continue  # "the Finnish president, Sauli Niinistö": the named person is the actor
        for child in token.lefts:
            ent = ents_by_token.get(child.i)
            if child.dep_ not in _GENERIC_DEPS or ent is None or ent.label_ not in ("NORP", "GPE"):
                continue
            inner = by_start.get(ent.start) or next((m for m in mentions if m.span.start >= ent.start
                                                     and m.span.end <= ent.end), None)
            iso3 = inner.country if inner is not None and inner.type == "COUNTRY" else None
            if not iso3:
                continue
            span = Span(doc, ent.start, token.i + 1, label="GROUP")
            name = f"{gazetteer.country_name(iso3) or iso3} {SECTOR_WORDS[sector]}"
            out.append(_Mention(span, "GROUP", "GROUP", f"group:{slug(name)}", name, country=iso3,
                                sector=sector))
            if inner is not None:
                replaced.add(id(inner))
            break
    return [m for m in out if id(m) not in replaced]


#: Collective nouns of institutions and forces that name an actor in the singular ("the
#: government", "the army"); other role nouns name one only in the plural ("rebels", "troops",
#: "officials"), a singular "the spokesman" being one unnamed person.
COLLECTIVE_NOUNS = frozenset({"government", "administration", "regime", "cabinet", "junta",
                              "police", "army", "military", "navy", "militia", "parliament",
                              "congress", "senate", "legislature", "assembly", "opposition",
                              "judiciary", "ministry", "media", "press", "guerrilla",
                              "coalition", "leadership", "authorities", "kremlin"})  # fmt: skip
#: Role nouns too often something else in the plural to stand alone for a group: "the states
#: of Florida and Ohio", "fire departments", "news outlets".
_NOT_GROUP_NOUNS = frozenset({"state", "department", "outlet", "authority", "member", "party"})
#: The sectors whose unnamed groups are actors of political events, as in CAMEO's actor codes
#: (government, military, police, rebels, protesters, civilians, refugees ...); "investors",
#: "suppliers" or "students" are not.
GROUP_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SEP", "SPY", "INS",
                           "UAF", "CRM", "CVL", "REF", "IMG", "HRI"})  # fmt: skip
#: Where a generic group stands in the clause for it to be an argument.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "agent"})
#: Prepositions that place a group: "police in Baghdad", "the government of Iraq".
_PLACING_PREPS = frozenset({"in", "of", "from"})


def _group_noun_span(token: Token) -> Span:
    """The common noun with the modifiers that belong to its name: "[government forces]"."""
    start = token.i
    for child in sorted(token.lefts, key=lambda t: -t.i):
        if child.i == start - 1 and child.dep_ in ("compound", "amod") and child.pos_ in ("NOUN", "ADJ"):
            start = child.i
        else:
            break
    return token.doc[start : token.i + 1]


def _unnamed_groups(doc: Doc, mentions: list[_Mention], ents_by_token: dict[int, Span]) -> list[_Mention]:
    """Groups named by a common noun with no nationality ("the government", "rebels", "police
    in Baghdad"), marked ``generic``: they are kept only where they act (:func:`keep_generic`).
    A place in the noun's "in"/"of"/"from" phrase gives the country ("police in Baghdad" ->
    Iraq police, an actor like "Iraqi police"); without one the group is one country-less
    actor per sector ("rebels", like CAMEO's ``---REB``).
    """
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    places = {i: m for m in mentions for i in range(m.span.start, m.span.end)
              if m.type in ("COUNTRY", "PLACE") and m.country}  # fmt: skip
    out = list(mentions)
    for token in doc:
        if token.pos_ != "NOUN" or token.i in taken or token.i in ents_by_token:
            continue
        if token.dep_ not in _ARGUMENT_DEPS:
            continue
        lemma = token.lemma_.lower()
        if token.tag_ != "NNS" and lemma not in COLLECTIVE_NOUNS and token.lower_ not in COLLECTIVE_NOUNS:
            continue
        if lemma in _NOT_GROUP_NOUNS:
            continue
        sector = gazetteer.role_sector(lemma) or gazetteer.role_sector(token.lower_)
        if sector not in GROUP_SECTORS or gazetteer.is_title(lemma):
            continue
        if any(c.dep_ in ("appos", "compound", "nmod", "poss", "amod") and c.i in ents_by_token
               for c in token.children):  # fmt: skip
            continue  # a name or nationality beside it: "Hamas militants", "Kurdish rebels"
        if any(c.dep_ == "poss" for c in token.children):
            continue  # "its government", "their troops": someone's, not unspecified
        if (token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN")
                and gazetteer.role_sector(token.head.head.lower_)):  # fmt: skip
            continue  # "the speaker of the parliament", "members of the army": a title's body
        country, named = None, False
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in _PLACING_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and any(c.dep_ == "conj" for c in obj.children):
                        named = True  # "the navies of China, India and Oman": each its own
                    elif obj.dep_ == "pobj" and obj.i in places:
                        country = places[obj.i].country  # the place stays its own mention
                    elif obj.dep_ == "pobj" and obj.i in ents_by_token and prep.lower_ != "in":
                        named = True
        if named:
            continue  # "leaders of the Muslim Brotherhood": the named organisation acts
        span = _group_noun_span(token)
        if any(i in taken for i in range(span.start, span.end)):
            continue
        if country:
            name = f"{gazetteer.country_name(country) or country} {SECTOR_WORDS[sector]}"
            out.append(_Mention(span, "GROUP", "GROUP", f"group:{slug(name)}", name,
                                country=country, sector=sector, confidence=0.8,
                                generic=True))  # fmt: skip
        else:
            name = SECTOR_WORDS[sector]
            out.append(_Mention(span, "GROUP", "GROUP", f"group:{slug(name)}", name,
                                sector=sector, confidence=0.6, generic=True))  # fmt: skip
        taken.update(range(span.start, span.end))
    return out


#: Lowercase particles inside personal names ("Ursula von der Leyen", "Luiz Inacio Lula da Silva").
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das",
                            "du", "la", "le", "bin", "bint", "ibn", "al", "el", "ter", "ten", "zu"})


def _relabel_surnames(mentions: list[_Mention]) -> None:
    """A one-word ORG that is the surname of one person in the document is that person.

    The small model often tags a bare surname as ORG ("Kishida said …") after tagging the
    full name as PERSON earlier in the same article.
    """
    surnames: dict[str, set[str]] = {}
    for m in mentions:
        tokens = m.name.split()
        if m.type == "PERSON" and len(tokens) >= 2:
            surnames.setdefault(tokens[-1].lower(), set()).add(m.key)
            # "von der Leyen": a surname that starts with a particle.
            for k in range(1, len(tokens) - 1):
                if tokens[k].lower() in NAME_PARTICLES:
                    surnames.setdefault(" ".join(tokens[k:]).lower(), set()).add(m.key)
                    break
    for m in mentions:
        targets = surnames.get(m.name.lower(), ())
        if m.type in ("ORG", "PLACE") and len(targets) == 1 and (" " not in m.name or m.name.split()[0].lower()
                                                                  in NAME_PARTICLES):
            [target] = targets
            m.type, m.label = "PERSON", "PERSON"
            m.key, m.sector, m.country = target, None, None
            m.name = next(x.name for x in mentions if x.key == target and x.type == "PERSON")


def _merge_people(mentions: list[_Mention]) -> None:
    """Point short person names at the one longer name in the document that contains them."""
    people = [m for m in mentions if m.type == "PERSON"]
    full: dict[str, list[str]] = {}
    countries: dict[str, set[str]] = {}
    for m in people:
        tokens = m.name.split()
        if len(tokens) >= 2:
            full.setdefault(m.key, tokens)
            if m.country:
                countries.setdefault(m.key, set()).add(m.country)

    def other_country(m: _Mention, key: str) -> bool:
        # "Iraq's Saddam Hussein met Jordan's King Hussein": a short name whose country
        # differs from the full name's is another person
        return bool(m.country and countries.get(key) and m.country not in countries[key])

    # "J. Smith" is the one "John Smith" of the document
    merged: set[str] = set()
    for m in people:
        tokens = m.name.split()
        if len(tokens) != 2 or not is_initial(tokens[0]):
            continue
        same = [k for k, t in full.items() if k != m.key and t[-1].lower() == tokens[-1].lower()
                and t[0][:1] == tokens[0][0] and not is_initial(t[0])]  # fmt: skip
        if len(same) == 1 and not other_country(m, same[0]):
            merged.add(m.key)
            m.key = same[0]
            m.name = " ".join(full[same[0]])
    for key in merged:
        full.pop(key, None)
    for m in people:
        tokens = m.name.split()
        if m.key in full and len(tokens) >= 2:
            # "George Bush" vs "George W. Bush": merge into the first seen when both ends agree.
            continue
        target = _best_full_name(tokens, full)
        if target is not None and not other_country(m, target):
            m.key = target
            m.name = " ".join(full[target])
    # Two-token names that are the first and last token of a longer name.
    for m in people:
        tokens = m.name.split()
        if len(tokens) == 2:
            longer = [k for k, t in full.items() if len(t) > 2 and t[0] == tokens[0] and t[-1] == tokens[-1]]
            if len(longer) == 1:
                m.key = longer[0]


def _best_full_name(tokens: list[str], full: dict[str, list[str]]) -> str | None:
    if not tokens:
        return None
    norm = [t.lower().strip(".") for t in tokens]
    by_last = [k for k, t in full.items() if [x.lower() for x in t[-len(norm):]] == norm and len(t) > len(norm)]
    if len(by_last) == 1:
        return by_last[0]
    if len(by_last) > 1:
        return None
    if len(norm) == 1:
        # Family name first (Li Qiang, Kim Jong-un) or any single token of one full name.
        by_first = [k for k, t in full.items() if t[0].lower() == norm[0]]
        if len(by_first) == 1:
            return by_first[0]
        anywhere = [k for k, t in full.items() if norm[0] in [x.lower() for x in t]]
        if len(anywhere) == 1:
            return anywhere[0]
    return None


def acronym(name: str) -> str:
    """Initials of a name's words, skipping function words: "Federal Bureau of Investigation" -> "FBI"."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _merge_orgs(mentions: list[_Mention], doc: Doc) -> None:
    """Merge acronyms and short forms of organisations into their full names."""
    orgs = [m for m in mentions if m.type in ("ORG", "IGO")]
    if not orgs:
        return
    # An acronym introduced in parentheses right after the full name.
    alias: dict[str, str] = {}
    for m in orgs:
        span = m.span
        end = span.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            short = doc[end + 1].text
            if short.isupper() and 2 <= len(short) <= 8:
                alias[short] = m.key
    long_names = {m.key: m.name for m in orgs if len(m.name.split()) >= 2}
    for m in orgs:
        name = m.name
        if name in alias and alias[name] != m.key:
            m.key = alias[name]
            m.name = next((o.name for o in orgs if o.key == alias[name]), alias[name])
            continue
        if name.isupper() and 2 <= len(name) <= 8:
            matches = [k for k, n in long_names.items() if acronym(n) == name and k != m.key]
            if len(matches) == 1:
                m.key = matches[0]
                m.name = long_names[matches[0]]
                continue
        tokens = name.split()
        # "Airbus" and "Airbus Group": the short form of a longer company name.
        longer = [k for k, n in long_names.items()
                  if k != m.key and n.split()[: len(tokens)] == tokens
                  and all(t.lower() in ORG_SUFFIXES for t in n.split()[len(tokens):])]
        if len(longer) == 1:
            m.key = longer[0]
            m.name = long_names[longer[0]]


# -- corpus level -----------------------------------------------------------------------------

#: Weight of one document's vote for an actor's country or sector, above any mention count.
DOC_VOTE = 1_000_000


def build_actors(doc_actor_rows: Iterable[dict[str, Any]], *,
                 dictionary: ActorDictionary | None = None) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Merge per-document actors into the corpus ``actors`` table.

    Surname-only people ("Kishida") that no document resolved are attached to the one
    multi-word person whose name ends (or, for family-name-first names, starts) with
    that name across the corpus. One name that the model typed ORG in some documents and
    PERSON or PLACE in others becomes one actor of the type with at least twice the mentions
    of all its other types together.

    Returns:
        The actor rows and a mapping ``old actor_id -> new actor_id`` for ids that were merged.
    """
    by_id: dict[str, dict[str, Any]] = {}
    docs: dict[str, set[str]] = defaultdict(set)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    aliases: dict[str, Counter[str]] = defaultdict(Counter)
    countries: dict[str, Counter[str]] = defaultdict(Counter)
    sectors: dict[str, Counter[str]] = defaultdict(Counter)
    titles: dict[str, Counter[str]] = defaultdict(Counter)
    codes: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for row in doc_actor_rows:
        aid = row["actor_id"]
        by_id.setdefault(aid, {"actor_id": aid, "type": row["type"]})
        docs[aid].add(row["doc_id"])
        n = int(row.get("n_mentions") or 0)
        counts[aid] += n
        names[aid][row["name"]] += max(n, 1)
        for alias in (row.get("aliases") or "").split("; "):
            if alias:
                aliases[aid][alias] += 1
        # One vote per document, its mentions breaking ties: one article that repeats a
        # name thirty times next to a wrong country must not outvote two that say otherwise
        if row.get("country"):
            countries[aid][row["country"]] += DOC_VOTE + max(n, 1)
        if row.get("sector"):
            sectors[aid][row["sector"]] += DOC_VOTE + max(n, 1)
        if row.get("title"):
            titles[aid][row["title"]] += 1
        for code in (row.get("codes") or "").split("; "):
            if code:
                codes[aid].add(code)

    best = {aid: _best_name(names[aid]) for aid in by_id}
    types = {aid: r["type"] for aid, r in by_id.items()}
    remap = _surname_remap(best, types, counts,
                           {aid: _top(countries[aid]) for aid in by_id})
    for old, new in _type_remap(best, types, counts).items():
        remap.setdefault(old, new)
    for old in list(remap):  # chains ("Biden" ORG -> PERSON "Biden" -> "Joe Biden") end once
        seen = {old}
        while remap[old] in remap and remap[old] not in seen:
            seen.add(remap[old])
            remap[old] = remap[remap[old]]
        if remap[old] == old:
            del remap[old]
    if dictionary is not None:
        # A user dictionary can forbid a merge ("Bush" must never become "George W. Bush").
        for old in list(remap):
            entry = dictionary.lookup(best[remap[old]])
            if entry is not None and _norm(best[old]) in {_norm(f) for f in entry.forbid}:
                del remap[old]
    for old, new in remap.items():
        docs[new] |= docs.pop(old)
        counts[new] += counts.pop(old)
        for store in (aliases, countries, sectors, titles):
            store[new].update(store.pop(old, Counter()))
        names[new].update({k: 0 for k in names.pop(old)})
        aliases[new].update(names.get(old, Counter()))
        codes[new] |= codes.pop(old, set())
        by_id.pop(old)

    rows = []
    for aid, base in sorted(by_id.items()):
        name = _best_name(names[aid])
        rows.append({
            "actor_id": aid,
            "name": name,
            "type": base["type"],
            "country": _top(countries[aid]),
            "sector": _top(sectors[aid]) if base["type"] != "COUNTRY" else "GOV",
            "aliases": "; ".join(sorted(a for a in aliases[aid] if a != name)),
            "n_mentions": counts[aid],
            "n_docs": len(docs[aid]),
            "title": _top(titles[aid]),
            "codes": "; ".join(sorted(codes[aid])) or None,
        })
    return rows, remap


#: Types the model confuses for one name across documents ("Red Hat" as ORG, PERSON and PLACE).
RETYPABLE = frozenset({"ORG", "PERSON", "PLACE"})
#: The type a name takes in this many times more mentions than all its other types together
#: wins them ("Twitter" ORG in 120 mentions, PERSON in 9).
TYPE_DOMINANCE = 2


def _type_remap(names: dict[str, str], types: dict[str, str], counts: Counter[str]) -> dict[str, str]:
    """Actors of one name and different types (ORG, PERSON, PLACE) -> the dominant one.

    The small model types one name differently from article to article; a document cannot
    know, but the corpus can. Only an overwhelming majority decides ("Washington" the place and
    MaliVai Washington the player stay apart unless one is a handful of mentions)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for aid, name in names.items():
        if types[aid] in RETYPABLE:
            groups[_norm(name)].append(aid)
    remap: dict[str, str] = {}
    for aids in groups.values():
        if len({types[a] for a in aids}) < 2:
            continue
        ranked = sorted(aids, key=lambda a: (-counts[a], a))
        top, rest = counts[ranked[0]], sum(counts[a] for a in ranked[1:])
        if top >= TYPE_DOMINANCE * max(rest, 1):
            for a in ranked[1:]:
                if types[a] != types[ranked[0]]:
                    remap[a] = ranked[0]
    return remap


def _best_name(names: Counter[str]) -> str:
    return sorted(names.items(), key=lambda kv: (-len(kv[0].split()), -kv[1], kv[0]))[0][0]


#: A surname shared by several people goes to the one who has this many times more
#: mentions than all the others together ("Bush" -> George W. Bush, not Laura Bush).
DOMINANCE = 5


def _surname_remap(names: dict[str, str], types: dict[str, str],
                   counts: Counter[str] | None = None,
                   countries: dict[str, str | None] | None = None) -> dict[str, str]:
    counts = counts if counts is not None else Counter()
    countries = countries or {}
    full: dict[str, list[str]] = {aid: n.split() for aid, n in names.items()
                                  if types[aid] == "PERSON" and len(n.split()) >= 2}
    remap: dict[str, str] = {}
    for aid, name in names.items():
        if types[aid] != "PERSON" or len(name.split()) != 1:
            continue
        token = name.lower()
        by_last = [k for k, t in full.items() if t[-1].lower() == token]
        target = by_last[0] if len(by_last) == 1 else None
        if len(by_last) > 1:
            ranked = sorted(by_last, key=lambda k: (-counts[k], k))
            top, rest = counts[ranked[0]], sum(counts[k] for k in ranked[1:])
            if top >= DOMINANCE * max(rest, 1):
                target = ranked[0]
        if target is None and not by_last:
            by_first = [k for k, t in full.items() if t[0].lower() == token]
            target = by_first[0] if len(by_first) == 1 else None
        if target is not None and target != aid and not (
                countries.get(aid) and countries.get(target)
                and countries[aid] != countries[target]):  # fmt: skip
            remap[aid] = target  # (Jordan's King Hussein is not Iraq's Saddam Hussein)
    return remap
