"""Attribute relations from titles, appositions, possessives and copulas.

"Kenyan President William Ruto" -> Ruto —leadership→ Kenya; "Jane Roe, one of Acme's
directors" -> Jane Roe —role→ Acme; "Kenyan operator Safaricom" -> Safaricom —affiliation→ Kenya;
"Safaricom, based in Nairobi" -> Safaricom —located_in→ Nairobi. The source is always the described actor and
the target the country, organisation or place it belongs to.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Span, Token

from actorgraph.gazetteer import demonym_iso3, role_sector
from actorgraph.names import CANDIDATE_VERBS, PERSON_NOUNS, PLACE_HEADS
from actorgraph.records import MentionRef

from .syntax import (
    OUTSIDER_NOUNS,
    Arg,
    MentionIndex,
    conjuncts,
    is_distributive_relative,
    is_posting,
    list_head,
    pobjs,
    possessor,
    spells_initials,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PERSON_LABELS = frozenset({"PERSON", "PER"})
# Affiliation targets: the country, organisation or group an actor belongs to.
GROUP_LABELS = frozenset({"GPE", "NORP", "ORG", "LOC"})
COPULAS = frozenset({"be", "become", "remain", "serve", "name", "appoint", "elect"})
LOCATED_VERBS = frozenset({"base", "headquarter", "locate", "register", "incorporate"})
# Quantified titles ("one of Acme's directors") hold a role, never the leadership.
QUANTIFIERS = frozenset({"one", "two", "three", "some", "several", "many", "each", "member",
                         "part"})  # fmt: skip
MEMBERSHIP_NOUNS = frozenset({"member", "part"})  # "a member of Parliament": a role there
# "part of" a common noun is membership only of a body of people ("part of the delegation of
# X", not "part of the history of France").
BODY_NOUNS = frozenset({"delegation", "team", "group", "staff", "board", "committee", "caucus",
                        "wing", "faction", "cabinet", "government", "coalition", "alliance",
                        "crew", "squad", "panel", "council", "leadership", "administration",
                        "contingent", "mission", "force", "forces", "unit", "bloc", "list",
                        "ticket", "slate", "family", "network", "consortium", "side"})  # fmt: skip
# Verbs whose "as" phrase is a pretence, not what the subject is.
PRETENCE_VERBS = frozenset({"disguise", "pose", "masquerade", "pretend", "dress", "impersonate",
                            "mistake", "portray", "play", "cast"})  # fmt: skip
TITLE_PREPS = frozenset({"of", "at", "for", "in"})
# Verbs whose "as" phrase says what the subject is even with an object: "joined Acme as CEO",
# "left the party as its leader", "won the seat as a Liberal".
SUBJECT_AS_VERBS = frozenset({"join", "rejoin", "enter", "leave", "quit", "start", "begin",
                              "serve", "work", "return", "run", "stand", "lead", "head", "take",
                              "assume", "retain", "hold", "win", "contest", "represent",
                              "remain", "continue", "finish", "end", "found", "co-found",
                              "establish", "succeed", "replace", "attend",
                              "visit", "cover", "coach", "manage", "captain", "play", "teach",
                              "study", "train", "practise", "practice", "testify", "perform",
                              "compete", "write", "sign", "seek", "want"})  # fmt: skip
# Verbs of standing for election: their "for" phrase is the party, body or office sought ("ran
# for the Senate", "stood for Labour", "campaigned for mayor of Toronto"), their "in" phrase the
# constituency ("stood for Labour in Coventry").
# (the names stage reads the same verbs to tell a one-word candidate from an organisation)
CANDIDACY_VERBS = CANDIDATE_VERBS
# Verbs that seat a person on a body through their "to" phrase: "was elected to the Senate".
SEATING_VERBS = frozenset({"elect", "re-elect", "reelect", "appoint", "reappoint", "nominate",
                           "name", "promote", "co-opt", "induct", "second",
                           "recruit", "draft", "transfer", "move"})  # fmt: skip
# Verbs that give their object a title: "Apple named Tim Cook (as) its chief executive",
# "Siemens hired Jane Roe as finance director".
APPOINTING_VERBS = frozenset({"appoint", "reappoint", "name", "rename", "hire", "elect", "re-elect",
                              "reelect", "nominate", "make", "choose", "select", "pick", "tap",
                              "install", "promote", "recruit", "sign", "designate", "confirm",
                              "crown", "proclaim", "declare", "retain"})  # fmt: skip
# Offices and seats sought, besides the titles of the roles table: "ran for a seat in the House".
OFFICE_NOUNS = frozenset({"seat", "office", "election", "re-election", "reelection", "nomination",
                          "presidency", "premiership", "mayoralty", "governorship", "leadership",
                          "chairmanship", "chancellorship", "place", "post", "position"})  # fmt: skip
# Elections a candidacy is "in": "campaigned in the 1981 election as a PC candidate".
ELECTION_NOUNS = frozenset({"election", "elections", "by-election", "primary", "race", "contest",
                            "poll", "polls", "ballot", "vote", "campaign", "runoff",
                            "run-off"})  # fmt: skip
# A constituency named through its "of" phrase: "in the riding of Vancouver Quadra".
CONSTITUENCY_NOUNS = frozenset({"riding", "constituency", "district", "ward", "seat", "division",
                                "electorate", "county", "borough", "province", "state",
                                "city", "town"})  # fmt: skip
# Words before a title that make its holder a subordinate, not the leader.
SUBORDINATE_WORDS = frozenset({"deputy", "vice", "assistant", "associate", "under", "sub",
                               "junior", "second", "first-deputy"})  # fmt: skip
# Nouns of a whole made of parties: in "X, a coalition of A and B" A and B belong to X.
GROUPING_NOUNS = frozenset({"coalition", "alliance", "list", "bloc", "union", "federation",
                            "confederation", "league", "front", "grouping", "consortium",
                            "partnership", "merger", "combination", "group", "cartel",
                            "axis", "entente", "pact", "ticket", "slate", "umbrella",
                            "association"})  # fmt: skip


def _member_of_phrase(title: Token, tok: Token) -> bool:
    """Whether ``tok`` names a party of the grouping noun ``title`` through its "of",
    "between" or "among" phrase ("a coalition of A and B")."""
    if title.lemma_.lower() not in GROUPING_NOUNS:
        return False
    t = tok
    for _ in range(12):
        if t.dep_ in ("conj", "appos") and t.head.i != t.i:
            t = t.head
            continue
        break
    return (t.dep_ == "pobj" and t.head.lower_ in ("of", "between", "among")
            and t.head.head.i == title.i)  # fmt: skip


#: Common nouns an organisation's name may modify ("his One Israel alliance").
ORG_NOUNS = GROUPING_NOUNS | {"party", "movement", "faction", "organisation", "organization"}


def _sole_owner(pron: Token, index: MentionIndex, sent: Span) -> MentionRef | None:
    """The person "his"/"her" stands for when the sentence names only one before it ("Harry
    West ... his Ulster Unionist Party"); with two ("Trump attacked Biden and his party") the
    owner is a guess, and none is given."""
    if pron.tag_ != "PRP$" or pron.lower_ not in ("his", "her"):
        return None
    people = {m.actor_id: m for m in index.in_span(sent[: pron.i - sent.start])
              if m.label in PERSON_LABELS}  # fmt: skip
    return next(iter(people.values())) if len(people) == 1 else None


def _grouping_after(m: MentionRef, head: Token) -> Token | None:
    """The grouping noun of ", a (combined) list of A, B and C" right after organisation
    ``m`` when the parser hung it elsewhere ("candidate for the Green Progressive Accord, a
    combined list of ...", with the list an apposition of "candidate")."""
    doc = head.doc
    k = m.end
    if k >= len(doc) or doc[k].text != ",":
        return None
    k += 1
    if k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    while k < len(doc) and doc[k].dep_ == "amod" and k - m.end <= 4:
        k += 1
    if k >= len(doc):
        return None
    noun = doc[k]
    if (noun.pos_ != "NOUN" or noun.lemma_.lower() not in GROUPING_NOUNS
            or noun.dep_ not in ("appos", "attr") or noun.head.i == head.i):  # fmt: skip
        return None
    return noun if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children) else None


@dataclass(frozen=True)
class AttributeCandidate:
    """An attribute relation found in a sentence, before it becomes a ``Relation``."""

    source: Arg
    target: Arg
    kind: str  # affiliation | role | leadership | located_in
    predicate: str | None
    confidence: float
    rule: str = "title"  # title | modifier | possessive | apposition | copula | prep_phrase |
    # based_in | candidacy | under
    verb: Token | None = None  # the verb that states it, for its negation and modality


#: Verbs of being elected, whose "in"/"for" phrase may name the constituency (the candidacy
#: verbs have theirs read by :func:`_candidacy`).
ELECTION_VERBS = frozenset({"elect", "re-elect", "reelect", "contest"})


def _constituency(noun: Token, index: MentionIndex) -> Iterator[tuple[MentionRef, Token]]:
    """The place a constituency noun names through its "of" phrase ("the riding of X")."""
    if noun.lemma_.lower() not in CONSTITUENCY_NOUNS or index.at(noun) is not None:
        return
    for g in noun.children:
        if g.dep_ == "prep" and g.lower_ == "of":
            for q in pobjs(g):
                if (qm := index.at(q)) is not None and qm.label in PLACE_LABELS:
                    yield qm, q


def _constituencies(verb: Token, index: MentionIndex) -> Iterator[tuple[MentionRef, Token]]:
    """The constituencies of an election verb's "in"/"for" phrases ("was elected in the riding
    of X"), also through its "as" noun ("elected as the member for the riding of X")."""
    heads = [verb, *(p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                     for p in pobjs(c))]  # fmt: skip
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "for"):
                for p in pobjs(c):
                    yield from _constituency(p, index)


def _bracket_title(m: MentionRef, index: MentionIndex, doc: Doc) -> Token | None:
    """The title noun that ends a bracket right after a person's name ("Nicole Campbell (
    Australian Labor Party candidate )", "Andrew Wilkie ( Greens candidate )")."""
    if m.end >= len(doc) or doc[m.end].text != "(":
        return None
    close = next((t.i for t in doc[m.end + 1 : m.end + 10] if t.text in (")", "(")), None)
    if close is None or doc[close].text != ")" or close < m.end + 3:
        return None
    noun = doc[close - 1]
    if noun.pos_ != "NOUN" or index.at(noun) is not None:
        return None
    lemma = noun.lemma_.lower()
    if lemma not in title_kinds() and lemma not in PERSON_NOUNS:
        return None
    return noun if any(index.at(t) is not None for t in doc[m.end + 1 : close - 1]) else None


# Words that open a bracket's list of what an organisation belongs to: "the Liberal Forum (
# Liberales Forum , member Liberal International , Alliance of Liberals and Democrats )".
BRACKET_MEMBER_WORDS = frozenset({"member", "members", "observer", "affiliate"})
MAX_BRACKET_TOKENS = 40


def _bracket_memberships(m: MentionRef, index: MentionIndex, doc: Doc) -> list[tuple[MentionRef, Token]]:
    """The organisations a bracket after an organisation's name (or around its other name,
    first in that bracket) says it is a member of: everything listed after "member" to the
    bracket's end."""
    if m.end < len(doc) and doc[m.end].text == "(":
        start = m.end + 1
    elif m.start > 0 and doc[m.start - 1].text == "(" and m.start > 1 and (
            (before := index.at(doc[m.start - 2])) is not None and before.label == "ORG"):  # fmt: skip
        start = m.end  # the bracket's first item is the name itself ("( Liberales Forum , ...")
    else:
        return []
    out: list[tuple[MentionRef, Token]] = []
    listing = False
    for t in doc[start : min(len(doc), start + MAX_BRACKET_TOKENS)]:
        if t.text in (")", "(", ";"):
            break
        if t.lower_ in BRACKET_MEMBER_WORDS and t.i > 0 and doc[t.i - 1].text in (",", "("):
            listing = True
        elif listing and (tm := index.at(t)) is not None and tm.start == t.i and tm.label == "ORG":
            out.append((tm, t))
        elif listing and t.text not in (",", "and") and index.at(t) is None:
            return []  # prose, not a list of names
    else:
        return []  # no closing bracket in reach
    return out


@functools.lru_cache(maxsize=1)
def title_kinds() -> dict[str, str]:
    """Title phrase -> "leadership" | "role", from the packaged ``relation_roles.tsv``."""
    text = resources.files("actorgraph").joinpath("data/relation_roles.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, kind = (c.strip() for c in line.split("\t")[:2])
        out[phrase.lower()] = kind
    for phrase, kind in list(out.items()):
        if " " not in phrase and "-" not in phrase:
            out.setdefault(f"co-{phrase}", kind)  # a co-chairman, a co-leader: one token
    return out


def _verb_read_title(tok: Token) -> bool:
    """A title of two words the parser read as a verb after a noun ("team mate Les
    Ferdinand"): the noun before it is its compound and together they are a title."""
    if tok.pos_ != "VERB" or tok.i == 0:
        return False
    first = tok.doc[tok.i - 1]
    return (first.dep_ == "compound" and first.head.i == tok.i and first.pos_ == "NOUN"
            and f"{first.lower_} {tok.lower_}" in title_kinds())  # fmt: skip


def _mention_head(m: MentionRef, doc) -> Token:
    span = doc[m.start : m.end]
    return span.root


def _appointed_titles(head: Token, index: MentionIndex) -> list[tuple[Token, Token]]:
    """(title noun, verb) given to the object ``head`` of an appointing verb: "Apple named Tim
    Cook (as) its chief executive", "hired Jane Roe as finance director". Not in the passive
    (the copula rule reads "X was named CEO of Y"), nor when negated."""
    if (head.dep_ in ("compound", "nmod") and head.head.i > head.i and head.head.dep_ == "dobj"
            and head.head.lemma_.lower() in title_kinds()):  # fmt: skip
        # "appointed Tim Cook chief executive", parsed as one noun phrase: the title is the object
        verb = head.head.head
        if verb.lemma_.lower() in APPOINTING_VERBS and verb.pos_ == "VERB" and not any(
            c.dep_ in ("auxpass", "neg") for c in verb.children
        ):
            return [(head.head, verb)]
        return []
    verb = head.head
    if (head.dep_ not in ("dobj", "oprd") or verb.lemma_.lower() not in APPOINTING_VERBS
            or verb.pos_ != "VERB" or any(c.dep_ in ("auxpass", "neg") for c in verb.children)):
        return []  # fmt: skip
    nouns = [p for holder in (verb, head) for c in holder.children
             if c.dep_ == "prep" and c.lower_ == "as" for p in pobjs(c)]  # fmt: skip
    nouns += [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "attr") and c.i > head.i]
    nouns += [c for c in head.children if c.dep_ == "appos" and c.i > head.i]
    return [(n, verb) for n in nouns if n.pos_ in ("NOUN", "PROPN") and index.at(n) is None]


def _title_phrase(title: Token, index: MentionIndex) -> tuple[str, str | None]:
    """(the title text, its kind from the roles table or None) — longest known phrase wins."""
    mods = [
        c
        for c in title.children
        if c.dep_ in ("compound", "amod") and c.i < title.i and index.at(c) is None
    ]
    words = [c.lower_ for c in sorted(mods, key=lambda t: t.i)] + [title.lemma_.lower()]
    kinds = title_kinds()
    for k in range(len(words)):
        phrase = " ".join(words[k:])
        for p in (phrase, phrase.replace(" - ", "-")):
            if p in kinds:
                kind = kinds[p]
                if kind == "leadership" and SUBORDINATE_WORDS & set(words[:k]):
                    kind = "role"  # "a deputy administrator", "assistant director-general"
                return p, kind
    return title.lemma_.lower(), None


def _title_targets(title: Token, index: MentionIndex) -> Iterator[tuple[MentionRef, Token]]:
    """Actors a title noun attaches to: "Kenyan President", "Acme's directors", "CEO of Apple"."""
    for c in title.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod") and (m := index.at(c)) is not None:
            yield m, c
        elif (c.dep_ == "compound" and c.i < title.i and c.pos_ == "NOUN"
              and (title.lemma_.lower() in title_kinds() or _verb_read_title(title))):
            # "Newcastle team mate", "Acme board member": the name modifies the title's first word
            for g in c.children:
                if g.dep_ == "compound" and g.i < c.i and (m := index.at(g)) is not None:
                    yield m, g
        elif c.dep_ == "poss" and c.tag_ == "PRP$":
            # "its chairman Jane Roe", "his spokesman": the owner the pronoun stands for
            for m in possessor(c, index, own_clause=False):
                yield m, c
    # "the candidate in Biggar for the Greens": the "for" phrase hung on the constituency
    of_group = False
    for c in _own_preps(title, index, frozenset({"for"})):
        if c.lower_ in TITLE_PREPS:
            # "a member of the Labour Party and of the Fabian Society": the second "of" is
            # coordinated with the first
            for prep in [c, *(g for g in c.children if g.dep_ == "conj" and g.lower_ == c.lower_)]:
                for p in pobjs(prep):
                    for sub in conjuncts(p):
                        if (m := index.at(sub)) is not None:
                            of_group = of_group or (prep.lower_ == "of" and m.label == "ORG")
                            yield m, sub
                            yield from _body_owners(sub, m, index)
    if of_group and title.lemma_.lower() in title_kinds():
        # "a former leader of the Italian Communist Party ( PCI ) and the Democratic Party of
        # the Left": the parser hangs the second organisation on the title
        for c in title.children:
            if c.dep_ == "conj" and (m := index.at(c)) is not None and m.label == "ORG":
                yield m, c


def _body_owners(head: Token, body: MentionRef, index: MentionIndex) -> Iterator[tuple[MentionRef, Token]]:
    """The organisations a named body belongs to: a member of "the Board of Directors of the
    National Wildlife Federation" is one of the Federation's."""
    if head.lemma_.lower() not in BODY_NOUNS:
        return
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in pobjs(c):
                for sub in conjuncts(p):
                    if (m := index.at(sub)) is not None and m.mention_id != body.mention_id:
                        yield m, sub


def _more_titles(title: Token, index: MentionIndex) -> list[Token]:
    """The title nouns coordinated with a predicate's title, which the parser hangs on the
    title itself or on the name it takes: "a fellow with the Hoover Institution and a member
    of the Council on Foreign Relations" ("member" is a conj of "Institution")."""
    kinds = title_kinds()
    found = [t for t in conjuncts(title)[1:] if t.pos_ == "NOUN" and index.at(t) is None]
    for c in title.children:
        if c.dep_ == "prep":
            for p in pobjs(c):
                found += [t for t in conjuncts(p)[1:]
                          if t.pos_ == "NOUN" and index.at(t) is None and t.lemma_.lower() in kinds]
                # "a fellow with the Hoover Institution, a visiting scholar at AEI": the next
                # title parsed as an apposition of the name
                found += [t for t in p.children
                          if t.dep_ == "appos" and t.pos_ == "NOUN" and index.at(t) is None
                          and t.lemma_.lower() in kinds]  # fmt: skip
    # "X is a fellow with A and a member of B": the second title hung on the copula
    verb = title.head
    if title.dep_ in ("attr", "oprd") and verb.lemma_ in COPULAS:
        found += [t for t in verb.children
                  if t.dep_ == "conj" and t.pos_ == "NOUN" and t.i > title.i and index.at(t) is None
                  and t.lemma_.lower() in kinds
                  and not any(g.dep_ in ("nsubj", "nsubjpass") for g in t.children)]  # fmt: skip
    return found


def _in_title_phrase(tok: Token) -> bool:
    """Whether ``tok`` is the object of a title's preposition ("a fellow with [the Hoover
    Institution]"): what follows it in apposition is another title of the same holder."""
    title = tok.head.head
    return (tok.dep_ == "pobj" and tok.head.dep_ == "prep" and title.pos_ in ("NOUN", "PROPN")
            and (title.lemma_.lower() in title_kinds() or title.lower_ in title_kinds()))  # fmt: skip


#: Verbs whose subject, a title with its "of" phrase, is held by their object ("members of the
#: League have been A and B", "Its founders include A").
INVERSE_COPULAS = frozenset({"be", "include", "comprise"})


def _inverse_title(head: Token, index: MentionIndex) -> Token | None:
    """The title a name holds when it is what a titled subject is or includes: "notable
    members of the Celtic League have been A, B and C", "the party's founders include A"."""
    top = head
    for _ in range(12):
        if top.dep_ in ("conj", "appos") and top.head.i != top.i and index.at(top.head) is not None:
            top = top.head
            continue
        break
    if top.dep_ not in ("attr", "dobj", "oprd") or top.head.lemma_ not in INVERSE_COPULAS:
        return None
    verb = top.head
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    for subj in verb.children:
        if subj.dep_ == "nsubj" and index.at(subj) is None and subj.pos_ in ("NOUN", "PRON"):
            noun, _ = _unquantify(subj, index)
            if noun.lemma_.lower() in title_kinds() or noun.lemma_.lower() in MEMBERSHIP_NOUNS:
                return noun
    return None


#: Lower-case words a title may carry between its owner's name and itself ("Newcastle
#: team mate", "the Labour Party former leader").
MAX_TITLE_WORDS = 3


def _name_before_title(title: Token, index: MentionIndex, sent: Span) -> MentionRef | None:
    """The organisation or place named right before a title noun and its lower-case modifiers
    ("[Green Party of Canada] candidate", "[Newcastle] team mate"), by word order alone."""
    doc = title.doc
    i = title.i
    while (i > sent.start and title.i - i < MAX_TITLE_WORDS and doc[i - 1].is_lower
           and doc[i - 1].pos_ in ("NOUN", "ADJ") and not doc[i - 1].is_stop
           and index.at(doc[i - 1]) is None):  # fmt: skip
        i -= 1
    owner = index.at(doc[i - 1]) if i - 1 >= sent.start else None
    if owner is None or owner.end != i or owner.label not in GROUP_LABELS | PLACE_LABELS:
        return None
    return owner


def _own_title_noun(head: Token, index: MentionIndex) -> Token | None:
    """The title noun compounded with a person's name ("President" in "Russia's President
    Medvedev"), when the roles table knows it."""
    kinds = title_kinds()
    for c in sorted(head.children, key=lambda t: -t.i):  # the noun nearest the name
        if (c.dep_ == "compound" and c.i < head.i and c.pos_ in ("NOUN", "PROPN")
                and index.at(c) is None
                and (c.lemma_.lower() in kinds or c.lower_ in kinds)):  # fmt: skip
            return c
    return None


def _of_the_object(verb: Token) -> bool:
    """Whether the verb's "as" phrase says what its object is, not its subject: "named Harris
    as his running mate", "attacked the proclamation as illegal"; but "joined Acme as CEO"."""
    return verb.lemma_.lower() not in SUBJECT_AS_VERBS and any(
        c.dep_ in ("dobj", "obj") for c in verb.children)


def _name_between(start: int, end: int, index: MentionIndex, doc) -> bool:
    """Whether another person's name stands between the title at ``start`` and the name at
    ``end``, other than one in the title's own phrase ("US Ambassador to Germany Amy Gutmann")."""
    title = doc[start]
    for t in doc[start + 1 : end]:
        if (found := index.at(t)) is None or found.label not in PERSON_LABELS:
            continue  # "Maryland's Republican Governor Larry Hogan": a title is a person's
        up, own = t, False
        for _ in range(8):
            if up.dep_ == "pobj" and title in up.ancestors:
                own = True  # the object of the title's preposition
                break
            if up.head.i == up.i:
                break
            up = up.head
        if not own:
            return True
    return False


def _own_preps(head: Token, index: MentionIndex, lift: frozenset[str]) -> list[Token]:
    """The prepositions of ``head`` (a verb or a title noun), with those named in ``lift`` the
    parser hung on the object of its "in" or "at" phrase when that object is a place or a
    constituency: in "ran in the riding of Quadra for the Liberals", "was the candidate in
    Biggar for the Greens" and "campaigned in the 1981 election as a PC candidate" the "for" and
    "as" phrases are the candidacy's own."""
    own = [c for c in head.children if c.dep_ == "prep"]
    lifted: list[Token] = []
    for c in own:
        if c.lower_ not in ("in", "at"):
            continue
        for p in (sub for q in pobjs(c) for sub in conjuncts(q)):
            pm = index.at(p)
            if pm is not None and pm.label not in PLACE_LABELS:
                continue
            if pm is None and p.lemma_.lower() not in CONSTITUENCY_NOUNS | ELECTION_NOUNS:
                continue
            lifted.extend(g for g in p.children if g.dep_ == "prep" and g.lower_ in lift)
    return own + lifted


#: What may follow "NAME for the PARTY" when the phrase is a list item: the end of the item.
ITEM_ENDS = frozenset({",", ";", ".", ")", "and", "in", "at", "--", "-", "\u2013"})


def _stands_for(m: MentionRef, index: MentionIndex, doc: Doc) -> MentionRef | None:
    """The party or place a person's name stands for, by word order: "William Craig for the UUP
    and Oliver Napier for the Alliance Party", "Montalto for the province of Trapani" — list
    items the parser hangs on the verb or noun before them. Only a whole item: the name, "for",
    an optional "the" and the organisation or place, then the item's end ("thanked Putin for
    Russia's help" says no such thing)."""
    i = m.end
    if i >= len(doc) or doc[i].lower_ != "for":
        return None
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if (i + 1 < len(doc) and doc[i + 1].lower_ == "of" and index.at(doc[i]) is None
            and doc[i].lower_ in PLACE_HEADS | CONSTITUENCY_NOUNS):  # fmt: skip
        i += 2  # "for the province of Trapani"
    tgt = index.at(doc[i]) if i < len(doc) else None
    if tgt is None or tgt.start != i or tgt.label not in GROUP_LABELS | PLACE_LABELS:
        return None
    if tgt.end < len(doc) and doc[tgt.end].lower_ not in ITEM_ENDS:
        return None
    return tgt


#: Verbs of winning or holding a seat: its "for" phrase is the party, its "in" phrase the body.
SEAT_VERBS = frozenset({"win", "hold", "retain", "keep", "gain", "take", "regain", "occupy"})


def _seat_won(verb: Token, index: MentionIndex) -> Iterator[tuple[MentionRef, Token, str]]:
    """The party ("for") and body ("in", "on") of the seat a verb's object is: "won a seat
    for the Greens", "took her seat in the Senate"."""
    lemma = verb.lemma_.lower()
    for obj in verb.children:
        if obj.dep_ not in ("dobj", "obj") or obj.lemma_.lower() != "seat":
            continue
        for c in obj.children:
            if c.dep_ != "prep" or c.lower_ not in ("for", "in", "on"):
                continue
            for p in (sub for q in pobjs(c) for sub in conjuncts(q)):
                pm = index.at(p)
                if pm is None or pm.label not in GROUP_LABELS - PLACE_LABELS:
                    continue
                if c.lower_ == "for" or pm.label == "ORG":
                    yield pm, p, f"{lemma} seat {c.lower_}"


def _candidacy(verb: Token, index: MentionIndex) -> Iterator[tuple[MentionRef, Token, str]]:
    """What a candidate stands for and where (see :data:`CANDIDACY_VERBS`): (target mention,
    its token, predicate) for "ran for the Senate" (the body), "stood for Labour" (the party),
    "ran for governor of Texas" (the office's place), "stood ... in Coventry" and "ran in the
    riding of Quadra" (the constituency, when the clause says what was sought or names the
    constituency as one)."""
    lemma = verb.lemma_.lower()
    kinds = title_kinds()
    sought = False
    places: list[tuple[MentionRef, Token, str]] = []
    for c in _own_preps(verb, index, frozenset({"for", "as"})):
        for p in (sub for q in pobjs(c) for sub in conjuncts(q)):
            pm = index.at(p)
            if c.lower_ == "for":
                if pm is not None:
                    sought = True
                    yield pm, p, f"{lemma} for"
                    # "stood for Labour in Coventry": the parser hangs the seat on the party
                    places.extend((qm, q, f"{lemma} in") for g in p.children
                                  if g.dep_ == "prep" and g.lower_ == "in" for q in pobjs(g)
                                  if (qm := index.at(q)) is not None and qm.label in PLACE_LABELS)
                elif p.pos_ in ("NOUN", "PROPN") and (
                    (noun := p.lemma_.lower()) in kinds or noun in OFFICE_NOUNS
                ):
                    sought = True
                    for tm, ttok in _title_targets(p, index):
                        yield tm, ttok, f"{lemma} for {noun}"
            elif c.lower_ == "as" and (pm is not None or p.lemma_.lower() in kinds):
                sought = True  # "ran as a Democrat", "stood as the Labour candidate"
                if pm is not None and pm.label in GROUP_LABELS - PLACE_LABELS:
                    yield pm, p, f"{lemma} as"
                elif pm is None and c.head.i != verb.i:
                    # an "as" phrase hung on the election: the copula rule never sees it
                    noun = p.lemma_.lower()
                    for tm, ttok in _title_targets(p, index):
                        yield tm, ttok, f"{lemma} as {noun}"
            elif c.lower_ == "in":
                if pm is not None and pm.label in PLACE_LABELS:
                    places.append((pm, p, f"{lemma} in"))
                else:
                    for qm, q in _constituency(p, index):
                        yield qm, q, f"{lemma} in {p.lemma_.lower()}"
    if sought:
        yield from places


def _unquantify(noun: Token, index: MentionIndex) -> tuple[Token, bool]:
    """ "one of Acme's directors" -> (directors, True); "a member of Parliament" and other
    quantifiers of a name -> (member, True); other nouns -> (noun, False)."""
    if noun.lower_ in QUANTIFIERS or noun.lemma_.lower() in QUANTIFIERS:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in pobjs(c):
                    if index.at(p) is not None:
                        return noun, True
                    if noun.lemma_.lower() == "part" and p.lemma_.lower() not in BODY_NOUNS:
                        return noun, False  # "part of the history of France"
                    return p, True
    return noun, False


#: Nouns that relate one country or organisation to a peer, not a part to its whole.
PEER_NOUNS = {"ally": "affiliation", "partner": "affiliation", "friend": "affiliation",
              "neighbour": "related", "neighbor": "related", "rival": "related",
              "enemy": "related", "foe": "related", "adversary": "related",
              "competitor": "related"}

#: Nouns that name what came before ("the CCF, the NDP's predecessor"): the relation runs
#: from the newer to the older, as for "successor".
PREDECESSOR_NOUNS = frozenset({"predecessor", "precursor", "forerunner", "antecedent",
                               "forebear", "progenitor"})  # fmt: skip

#: Person nouns that say whose kin or owner one is, not where one works ("Biden's son", "the
#: largest shareholder"): an affiliation, not a role.
NOT_STAFF_NOUNS = frozenset({"son", "daughter", "wife", "husband", "father", "mother", "widow",
                             "widower", "brother", "sister", "child", "parent", "grandson",
                             "granddaughter", "nephew", "niece", "cousin", "uncle", "aunt",
                             "partner", "fiancé", "fiancée", "girlfriend", "boyfriend",
                             "shareholder", "owner", "heir"}) | OUTSIDER_NOUNS  # fmt: skip


def _kind(source: MentionRef, target: MentionRef, title_kind: str | None, quantified: bool) -> str:
    if source.label in PLACE_LABELS and target.label in PLACE_LABELS | {"NORP"}:
        return "located_in"
    if (target.label == "NORP" and target.actor_type != "COUNTRY"
            and demonym_iso3(target.text) is None):  # fmt: skip
        # "the Democratic mayor Muriel Bowser": a party or creed, not what the mayor heads
        return "affiliation"
    if source.label in PERSON_LABELS and title_kind is not None:
        return "role" if quantified or title_kind == "role" else "leadership"
    if source.label in PERSON_LABELS and quantified:
        # "Jane Roe, one of Acme's directors": a person counted among an
        # organisation's members holds a role there, whatever the (possibly unknown) noun.
        return "role"
    return "affiliation"


def _distributive_clauses(sent: Span, index: MentionIndex) -> list[tuple[Token, set[int]]]:
    """Clauses whose subject is "all of whom", "both of which", ... with the token indices of
    the list they are said of: "A, B and C, all of whom were members of X" (the parser hangs
    the clause on the list or, as often, on the sentence's verb)."""
    doc = sent.doc
    out = []
    for g in sent:
        if g.dep_ not in ("nsubj", "nsubjpass") or not is_distributive_relative(g):
            continue
        clause = g.head
        if clause.dep_ == "relcl":
            last = clause.head
        elif g.i - 2 >= sent.start and doc[g.i - 1].text == ",":
            last = doc[g.i - 2]
            if (lm := index.at(last)) is not None:
                last = doc[lm.start : lm.end].root
        else:
            continue
        out.append((clause, {t.i for t in conjuncts(list_head(last))}))
    return out


def attribute_relations(sent: Span, index: MentionIndex) -> list[AttributeCandidate]:
    """Affiliation, role, leadership and located_in relations of the actors in one sentence."""
    out: list[AttributeCandidate] = []
    doc = sent.doc

    def emit(src: MentionRef, title: Token | None, tgt: MentionRef, tgt_tok: Token,
             conf: float, rule: str, quantified: bool = False,
             kind: str | None = None, predicate: str | None = None,
             verb: Token | None = None) -> None:  # fmt: skip
        if tgt.actor_id == src.actor_id or src.label == "NORP":
            return
        if tgt.label not in GROUP_LABELS | PLACE_LABELS:
            return
        phrase, title_kind = _title_phrase(title, index) if title is not None else (predicate, None)
        if title is not None and title.lemma_.lower() in QUANTIFIERS - MEMBERSHIP_NOUNS:
            return  # "one", "some": a count, not a title
        if title is not None and title.tag_ in ("NNS", "NNPS"):
            if (not quantified and rule == "apposition" and title_kind is None
                    and src.label in PERSON_LABELS
                    and role_sector(title.lemma_.lower()) is None
                    and title.lemma_.lower() not in PERSON_NOUNS):  # fmt: skip
                return  # "Christopher Tays: two Bartholomew County warrants": things, not
                # people ("one of Acme's public faces" counts them among Acme's people)
            quantified = True  # "one of its chairmen", "Acme executives"
        k = kind or _kind(src, tgt, title_kind, quantified)
        if (k == "affiliation" and kind is None and title is not None and src.label in PERSON_LABELS
                and tgt.label == "ORG" and title.lemma_.lower() not in NOT_STAFF_NOUNS
                and (role_sector(title.lemma_.lower()) is not None
                     or title.lemma_.lower() in PERSON_NOUNS)):  # fmt: skip
            k = "role"  # "a former Huawei engineer, John Smith": he worked at Huawei
        if k == "located_in" and title is not None and title.lemma_.lower() in PEER_NOUNS:
            # "Russia and its ally Belarus": a peer, not a part
            k = PEER_NOUNS[title.lemma_.lower()]
        if (title is not None and title.lemma_.lower() in PREDECESSOR_NOUNS
                and src.label not in PERSON_LABELS and tgt.label not in PERSON_LABELS):  # fmt: skip
            # "the CCF, the NDP's predecessor": the NDP came of the CCF, as "X, successor of
            # Y" runs from the newer to the older
            src, tgt, tgt_tok = tgt, src, doc[src.start : src.end].root
        if title is not None and _member_of_phrase(title, tgt_tok):
            # "the United Front, a coalition of the SLFP and the LSSP": the parties belong
            src, tgt, tgt_tok, k = tgt, src, doc[src.start : src.end].root, "affiliation"
        head = doc[src.start : src.end].root
        out.append(AttributeCandidate(Arg(src, 1.0, head), Arg(tgt, 1.0, tgt_tok), k, phrase, conf,
                                      rule, verb))  # fmt: skip

    distributive = _distributive_clauses(sent, index)
    for m in index.in_span(sent):
        if m.label == "NORP":
            continue
        span = doc[m.start : m.end]
        head = span.root
        # 1. modifiers of the mention and the title nouns among them ("Kenyan President Ruto")
        titled: set[int] = set()
        for tok in span:
            for c in tok.children:
                if m.start <= c.i < m.end or c.dep_ not in ("amod", "compound", "poss", "nmod"):
                    continue
                if c.i < m.start and _name_between(c.i, m.start, index, doc):
                    continue  # "US President Trump and Turkish President Erdogan", parsed with
                    # "US President" on Erdogan: a title is the nearest name's
                titled.add(c.i)
                if (cm := index.at(c)) is not None:
                    if is_posting(cm, doc):
                        continue  # "Ambassador to [Germany] Richard Grenell": his posting
                    if c.dep_ == "poss" and cm.label in PERSON_LABELS and m.label == "ORG":
                        # "Kim's National Congress": the person belongs to the organisation
                        emit(cm, None, m, head, 0.6, "possessive")
                    elif c.dep_ == "poss" or (
                        cm.label in ("GPE", "NORP") and m.label not in PLACE_LABELS
                    ):
                        # "Japan's Toyota", "Japanese firm Toyota"; two names side by side
                        # ("Lotte 6 Hyundai 2", "CHICAGO AT TORONTO") are not an attribute.
                        # A title beside the name says which: "Russia's President Medvedev"
                        # leads Russia, "NASA's Administrator Bridenstine" leads NASA
                        title = _own_title_noun(head, index) if m.label in PERSON_LABELS else None
                        emit(m, title, cm, c, 0.75, "possessive" if c.dep_ == "poss" else "modifier")
                elif c.dep_ == "poss" and m.label == "ORG" and (owner := _sole_owner(c, index, sent)):
                    # "his Ulster Unionist Party": the person the pronoun stands for belongs
                    emit(owner, None, m, head, 0.5, "possessive")
                elif c.pos_ in ("NOUN", "PROPN"):
                    for tm, ttok in _title_targets(c, index):
                        emit(m, c, tm, ttok, 0.85, "title")
        if (m.label == "ORG" and head.dep_ == "compound" and head.head.pos_ == "NOUN"
                and head.head.lemma_.lower() in ORG_NOUNS):  # fmt: skip
            # "his One Israel alliance", "her Likud party": the name modifies the noun
            for c in head.head.children:
                if c.dep_ == "poss" and (owner := _sole_owner(c, index, sent)) is not None:
                    emit(owner, None, m, head, 0.5, "possessive")
        # the title right before a person's name, whatever the parser hung it on ("US
        # President Trump and Turkish President Erdogan": "Turkish President" parsed as a conjunct)
        before = doc[m.start - 1] if m.start > sent.start else None
        if (before is not None and m.label in PERSON_LABELS
                and index.at(before) is None
                and ((before.pos_ in ("NOUN", "PROPN") and before.lemma_.lower() in title_kinds())
                     # "IAEA [chief] Rafael Grossi", a head's title tagged an adjective (not
                     # "England hopeful Mark Butcher": "hopeful" is mostly an adjective)
                     or (before.pos_ == "ADJ" and title_kinds().get(before.lower_) == "leadership"
                         and before.i > sent.start and index.at(doc[before.i - 1]) is not None)
                     or _verb_read_title(before))):  # fmt: skip
            targets = list(_title_targets(before, index))
            if before.i not in titled:
                for tm, ttok in targets:
                    emit(m, before, tm, ttok, 0.85, "title")
            if not targets and (owner := _name_before_title(before, index, sent)) is not None:
                # "the Green Party of Canada candidate Lloyd Helferty", the party parsed as an
                # apposition of the name before: the word order says whose candidate
                emit(m, before, owner, doc[owner.start : owner.end].root, 0.6, "title")
        # 2. apposition, either way round ("Jane Roe, one of Acme's directors";
        #    "the Kenyan leader William Ruto")
        titles: list[tuple[Token, float, str]] = []
        for c in head.children:
            if c.dep_ == "appos":
                if (cm := index.at(c)) is not None:
                    if any(g.dep_ == "conj" for g in c.children):
                        continue  # a list ("the US, Russia and China"), not an apposition
                    if "\n" in doc[min(m.end, c.i) : max(m.start, c.i)].text:
                        continue  # the next line of a list ("- Croatia (Group E)\n- Austria")
                    if m.label in PLACE_LABELS and cm.label in PLACE_LABELS:
                        emit(m, None, cm, c, 0.7, "apposition", kind="located_in")  # "Leeds, England"
                    elif spells_initials(cm.text, span):
                        pass  # "Bovine Spongiform Encephalopathy (BSE)": another name for it
                    elif m.label in PERSON_LABELS or (
                        m.label == "ORG" and cm.label in PLACE_LABELS | {"NORP"}
                    ):
                        # "Todd Martin (U.S.)", "Hisense (China)"; ORG (ORG) is an alias
                        emit(m, None, cm, c, 0.65, "apposition")
                    continue
                if m.label not in PERSON_LABELS and _in_title_phrase(head):
                    continue  # "a fellow with the Hoover Institution, a scholar at AEI"
                if (m.label in PLACE_LABELS and c.tag_ in ("NNS", "NNPS")
                        and not any(g.dep_ == "conj" for g in head.children)):  # fmt: skip
                    continue  # "he won, in addition to Vermont, also the primaries in
                    # Colorado": many things are not one place ("Paris and Lyon, cities in")
                person = next((pm for g in head.children if g.dep_ == "appos" and g.i > c.i
                               and (pm := index.at(g)) is not None and pm.label in PERSON_LABELS),
                              None) if m.label not in PERSON_LABELS else None  # fmt: skip
                if person is not None:
                    # "Speaking to AFP, the president of the League, Jamel Msallem, said": the
                    # parser hangs both on the agency; the title is the person's
                    noun, quantified = _unquantify(c, index)
                    for tm, ttok in _title_targets(noun, index):
                        emit(person, noun, tm, ttok, 0.75, "apposition", quantified)
                    continue
                titles.append((c, 0.8, "apposition"))
                if m.label in PERSON_LABELS:
                    # "Jeremy Stein, a Harvard professor and a Democrat": the second noun of
                    # the apposition, a party's or creed's member, says what he belongs to
                    for g in c.children:
                        if (g.dep_ == "conj" and (gm := index.at(g)) is not None
                                and gm.label == "NORP"
                                and any(d.dep_ == "det" and d.lower_ in ("a", "an")
                                        for d in g.children)):  # fmt: skip
                            emit(m, None, gm, g, 0.7, "apposition", kind="affiliation")
        if m.label in PERSON_LABELS and (bracketed := _bracket_title(m, index, doc)) is not None:
            # "Nicole Campbell ( Australian Labor Party candidate )", whatever the parse
            if all(t is not bracketed for t, _, _ in titles):
                titles.append((bracketed, 0.75, "apposition"))
        if m.label == "ORG":
            for tm, ttok in _bracket_memberships(m, index, doc):
                emit(m, None, tm, ttok, 0.7, "apposition", kind="affiliation", predicate="member")
        if m.label == "ORG" and (grouping := _grouping_after(m, head)) is not None:
            titles.append((grouping, 0.7, "apposition"))
        if m.label in PERSON_LABELS and (inverse := _inverse_title(head, index)) is not None:
            titles.append((inverse, 0.65, "copula"))
        if head.dep_ == "appos" and index.at(head.head) is None and (
            head.head.pos_ == "NOUN"
            or (head.head.pos_ == "PROPN" and head.head.lemma_.lower() in title_kinds()
                and any(c.dep_ == "poss" for c in head.head.children))
        ):  # "the Kenyan leader, William Ruto"; "Russia's Prime Minister Mishustin" (PROPN)
            titles.append((head.head, 0.8, "apposition"))
        elif (head.dep_ == "appos" and m.label in PERSON_LABELS and head.head.dep_ == "pobj"
              and head.head.head.lower_ == "of" and head.head.head.head.pos_ == "NOUN"
              and head.head.head.head.lemma_.lower() in title_kinds()):  # fmt: skip
            # "the mayor of New Orleans, LaToya Cantrell": parsed as an apposition of the place
            titles.append((head.head.head.head, 0.75, "apposition"))
        # 3. copula and naming verbs ("X is the president of Y", "X was named CEO of Y") and
        #    "as" phrases of the subject's verb ("As a DUP candidate, Seawright finished")
        subj_verbs = [head.head] if head.dep_ in ("nsubj", "nsubjpass") else []
        if (head.dep_ == "appos" and head.head.dep_ in ("nsubj", "nsubjpass")
                and head.head.pos_ == "NOUN" and index.at(head.head) is None):  # fmt: skip
            # "The successful candidate, Jo Vallentine, was already a senator"
            subj_verbs.append(head.head.head)
        # a relative clause says the same of its noun: "X, who was elected as a member of Y"
        # as does one on the noun the subject is said to be: "X is a Canadian politician, who
        # was elected to the House of Commons"
        subj_verbs += [
            c for n in (head, *(a for v in subj_verbs if v.lemma_ in COPULAS for a in v.children
                                if a.dep_ == "attr" and a.pos_ == "NOUN"))
            for c in n.children
            if c.dep_ == "relcl" and any(
                g.dep_ in ("nsubj", "nsubjpass")
                and (g.lower_ in ("who", "which", "that") or is_distributive_relative(g))
                for g in c.children
            )
        ]  # fmt: skip
        # "Adams, Jackson and Clay, all of whom were members of X": a clause that counts all of
        # a list says it of each item, wherever the parser hung it
        subj_verbs += [v for v, items in distributive if head.i in items and v not in subj_verbs]
        # and a participle said of the same subject: "X was re-elected as a member of Y" (the
        # small parser hangs "as" on "elected", an adjective of "was"), "X won, becoming an NDP
        # Member of Parliament"
        # (not when the verb has an object, who is the one said to be: "X backed Y to remain
        # as commissioner")
        subj_verbs += [
            c for v in list(subj_verbs) for c in v.children
            if (c.dep_ == "acomp" or (c.dep_ == "xcomp" and not any(
                g.dep_ in ("dobj", "obj") for g in v.children))) or (
                c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN")
                and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children))
        ]  # fmt: skip
        # a verb coordinated with the subject's, without a subject of its own: "X stood for
        # Labour, but was elected to the National Executive Committee"
        subj_verbs += [
            c for v in list(subj_verbs) for c in v.children
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
            and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
        ]  # fmt: skip
        for subj_verb in subj_verbs:
            if m.label in PERSON_LABELS and subj_verb.lemma_.lower() in SEATING_VERBS and not any(
                c.dep_ in ("dobj", "obj") for c in subj_verb.children
            ):
                # "was elected to the Senate", "was appointed to the board of Acme"
                for c in subj_verb.children:
                    if c.dep_ != "prep" or c.lower_ != "to":
                        continue
                    for p in (sub for q in pobjs(c) for sub in conjuncts(q)):
                        if (pm := index.at(p)) is not None:
                            if pm.label == "ORG":
                                emit(m, None, pm, p, 0.7, "copula", kind="role",
                                     predicate=f"{subj_verb.lemma_.lower()} to", verb=subj_verb)
                        elif p.lemma_.lower() in BODY_NOUNS:
                            # a seat on Acme's board is a role at Acme
                            for tm, ttok in _title_targets(p, index):
                                emit(m, p, tm, ttok, 0.7, "copula", quantified=True)
            if m.label in PERSON_LABELS and subj_verb.lemma_.lower() in CANDIDACY_VERBS:
                # an act, negated or not like any: "will not run for governor of Texas"
                for tgt, tok, predicate in _candidacy(subj_verb, index):
                    # a party, body or seat stood for is a role; "ran as a Democrat" an
                    # affiliation with what the adjective names
                    kind = "affiliation" if tgt.label == "NORP" else "role"
                    emit(m, None, tgt, tok, 0.7, "candidacy", kind=kind, predicate=predicate,
                         verb=subj_verb)  # fmt: skip
            if m.label in PERSON_LABELS and subj_verb.lemma_.lower() in ELECTION_VERBS:
                # "was elected in the constituency of Shaunavon"
                for area, tok in _constituencies(subj_verb, index):
                    emit(m, None, area, tok, 0.65, "candidacy", kind="role",
                         predicate=f"{subj_verb.lemma_.lower()} in {tok.head.head.lemma_.lower()}",
                         verb=subj_verb)
            if m.label in PERSON_LABELS and subj_verb.lemma_.lower() in SEAT_VERBS:
                # "won a seat for the Nuclear Disarmament Party", "holds a seat in the Senate"
                for tgt, tok, predicate in _seat_won(subj_verb, index):
                    emit(m, None, tgt, tok, 0.65, "candidacy",
                         kind="affiliation" if tgt.label == "NORP" else "role",
                         predicate=predicate, verb=subj_verb)
            if any(c.dep_ == "neg" for c in subj_verb.children):
                continue  # "Brazil is not a member of the G7"
            if subj_verb.lemma_.lower() in PRETENCE_VERBS:
                continue  # "disguised as a Canadian film crew"
            # "served as leader of A, and later as leader of B": the parser hangs the second
            # "as" on the adverb (a modifier, or a conjunct after "and")
            kids = [*subj_verb.children,
                    *(g for c in subj_verb.children
                      if c.dep_ == "advmod" or (c.dep_ == "conj" and c.pos_ == "ADV")
                      for g in c.children
                      if g.dep_ == "prep" and g.lower_ == "as")]  # fmt: skip
            for c in kids:
                if (
                    subj_verb.lemma_ in COPULAS
                    and c.dep_ in ("attr", "oprd", "acomp", "xcomp")
                    and index.at(c) is None
                ):
                    titles.append((c, 0.75, "copula"))
                    titles.extend((t, 0.7, "copula") for t in _more_titles(c, index))
                elif c.dep_ == "prep" and c.lower_ == "as" and not _of_the_object(subj_verb):
                    titles.extend((p, 0.7, "copula") for p in pobjs(c) if index.at(p) is None)
        if m.label in PERSON_LABELS:
            for noun, verb in _appointed_titles(head, index):
                noun, quantified = _unquantify(noun, index)
                targets = [(tm, t) for tm, t in _title_targets(noun, index)
                           if tm.actor_id != m.actor_id]
                if not targets and noun.lemma_.lower() in title_kinds():
                    # "Siemens hired Jane Roe as finance director": the appointer's own
                    targets = [(sm, sub) for c in verb.children if c.dep_ == "nsubj"
                               for sub in conjuncts(c)
                               if (sm := index.at(sub)) is not None and sm.label in ("ORG", "GPE")]
                for tm, ttok in targets:
                    emit(m, noun, tm, ttok, 0.7, "appointment", quantified, verb=verb)
        # "Under Merkel, Germany took in refugees": the person leads what the clause is about
        if (m.label in PERSON_LABELS and head.dep_ == "pobj" and head.head.lower_ == "under"
                and head.head.head.pos_ in ("VERB", "AUX")):  # fmt: skip
            clause = head.head.head
            for c in clause.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    for sub in conjuncts(c):
                        if (sm := index.at(sub)) is not None and sm.label in ("ORG", "GPE"):
                            emit(m, None, sm, sub, 0.65, "under", kind="leadership",
                                 predicate="under", verb=clause)
        # "Walker of the UUP", "a senator from Ohio"; "William Craig for the UUP" stands for it
        # (by word order: the parser hangs a list's "for" phrases on the wrong names)
        if m.label in PERSON_LABELS:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                    for p in pobjs(c):
                        if (pm := index.at(p)) is not None:
                            emit(m, None, pm, p, 0.65, "prep_phrase")
            if (stood := _stands_for(m, index, doc)) is not None:
                emit(m, None, stood, doc[stood.start : stood.end].root, 0.55, "prep_phrase",
                     kind="role", predicate="for")
        for title, conf, rule in titles:
            noun, quantified = _unquantify(title, index)
            for tm, ttok in _title_targets(noun, index):
                emit(m, noun, tm, ttok, conf, rule, quantified)
            if m.label in PERSON_LABELS:
                # "Ukraine's ambassador to the UN, Sergiy Kyslytsya": where he is sent
                for c in noun.children:
                    if c.dep_ == "prep" and c.lower_ == "to":
                        for p in pobjs(c):
                            if (pm := index.at(p)) is not None and is_posting(pm, doc):
                                emit(m, None, pm, p, conf, rule, kind="related", predicate="to")
        # 4. location stated by the parse: "Safaricom, based in Nairobi", "Nairobi-based Safaricom"
        for c in head.children:
            if c.dep_ in ("acl", "amod") and c.lemma_.lower() in LOCATED_VERBS:
                for sub in c.children:
                    if sub.dep_ == "prep" and sub.lower_ in ("in", "at"):
                        for p in pobjs(sub):
                            if (pm := index.at(p)) is not None and pm.label in PLACE_LABELS:
                                emit(m, None, pm, p, 0.8, "based_in", kind="located_in")
                    elif (pm := index.at(sub)) is not None and pm.label in PLACE_LABELS:
                        emit(m, None, pm, sub, 0.8, "based_in", kind="located_in")
            elif (
                c.dep_ == "prep" and c.lower_ in ("in", "at") and m.label in PLACE_LABELS | {"ORG"}
            ):
                for p in pobjs(c):
                    if (pm := index.at(p)) is not None and pm.label in PLACE_LABELS:
                        emit(m, None, pm, p, 0.6, "prep_phrase", kind="located_in")
    return out
