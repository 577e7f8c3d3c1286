"""Dependency-parse helpers shared by the relation rules: actors of a token, modality, negation."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from actorgraph.gazetteer import country_iso3, is_known_place, is_title, role_sector
from actorgraph.records import MentionRef

from .lexicon import Lexicon

# Entity labels that are never relation endpoints.
NON_ACTOR_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"}
)
SUBJ_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJ_DEPS = frozenset({"dobj", "dative", "obj", "iobj"})
#: Prepositions whose gerund the verb's object does ("accused NATO of provoking Russia",
#: "criticised Russia for attacking", "barred Iran from buying"), else its subject.
GERUND_CONTROL_PREPS = frozenset({"of", "for", "from"})
# The relative pronouns: "X, who ...", "the party, which ...".
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
#: Quantifiers that, with "of whom" / "of which", make a relative subject stand for every one
#: of its antecedents: "A, B and C, all of whom were members of X" ("one of whom" says not which).
DISTRIBUTIVE_QUANTIFIERS = frozenset({"all", "both", "each"})


def is_distributive_relative(token: Token) -> bool:
    """ "all of whom", "both of which", "each of whom": a relative subject for every antecedent."""
    return token.lower_ in DISTRIBUTIVE_QUANTIFIERS and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ in ("whom", "which") for p in c.children)
        for c in token.children
    )


def is_relative(token: Token) -> bool:
    """A relative pronoun, or a quantifier of one that stands for all its antecedents."""
    return token.lower_ in RELATIVE_PRONOUNS or is_distributive_relative(token)


def list_head(token: Token) -> Token:
    """The first item of the coordination ``token`` is in ("Clay" in "Adams, Jackson and Clay"
    -> Adams)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


# Prepositions whose object is a participant of the event ("signed with", "sanctions on").
# Locative "in/at/near" and "from" (source or origin, ambiguous in direction) are left out.
TARGET_PREPS = frozenset(
    {"with", "against", "to", "on", "upon", "toward", "towards", "into", "over", "for",
     "alongside", "between", "among", "amongst"}
)  # fmt: skip
JOINT_PREPS = frozenset({"between", "among", "amongst"})
# Modifier relations through which a common noun names an actor ("Russian troops", "China's
# government", "the US leader").
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
HYPOTHETICAL_AUX = frozenset({"may", "might", "could", "would", "should", "can", "must", "ought"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})

#: Verbs whose gerund ("accused X of spying", "charged with attacking") is an allegation.
ALLEGATION_VERBS = frozenset({"accuse", "charge", "suspect", "blame", "indict", "allege"})

MODALITY_RANK = {"asserted": 0, "reported": 1, "future": 2, "hypothetical": 3}


@dataclass(frozen=True)
class Arg:
    """An actor filling an argument slot, with how confidently the parse says so."""

    mention: MentionRef
    confidence: float
    token: Token


class MentionIndex:
    """Token index -> actor mention, for the mentions that may be relation endpoints."""

    def __init__(self, mentions: Sequence[MentionRef]) -> None:
        self.mentions = [
            m for m in mentions if m.actor_id and m.label.upper() not in NON_ACTOR_LABELS
        ]
        self._by_token: dict[int, MentionRef] = {}
        # longer mentions win on overlap, so assign shorter ones first
        for m in sorted(self.mentions, key=lambda m: m.end - m.start):
            for i in range(m.start, m.end):
                self._by_token[i] = m

    def at(self, token: Token) -> MentionRef | None:
        """The mention covering ``token``, if any."""
        return self._by_token.get(token.i)

    def in_span(self, span: Span) -> list[MentionRef]:
        """Mentions lying inside ``span`` (by token index), in text order."""
        return sorted(
            (m for m in self.mentions if m.start >= span.start and m.end <= span.end),
            key=lambda m: m.start,
        )


def conjuncts(token: Token) -> list[Token]:
    """The token and everything coordinated with it ("Lula and Modi" -> [Lula, Modi]).

    A list the parser reads as an apposition ("The US, Russia, and Switzerland met": Russia is
    an appos of US with Switzerland as its conj) is coordination too; a plain apposition
    ("Moscow, Russia") is not.
    """
    out = [token]

    def more(t: Token) -> list[Token]:
        found = [c for c in t.children if c.dep_ == "conj" and not _leaves_brackets(t, c)]
        if any(w.text in ("(", "[") for w in t.doc[t.i + 1 : t.right_edge.i]):
            # ... and the radicals are coordinated with the socialists the brackets follow
            found += [c for w in t.subtree if w.i > t.i and w.dep_ != "conj" for c in w.children
                      if c.dep_ == "conj" and _leaves_brackets(w, c)
                      and not _leaves_brackets(t, c)]  # fmt: skip
        if t.ent_iob_ in ("B", "I"):
            # a name the parser built inside out ("[Barack] -> pobj [Obama] -> conj Putin"): what
            # is coordinated with any word of the name is coordinated with the name
            doc, start, end = t.doc, t.i, t.i + 1
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if end - start > 1 and doc[start:end].root.i == t.i:
                # only a word hung on the root itself: in "[Port Authority of New York] and
                # New Jersey" the conj belongs to the name's own "of" phrase
                found += [g for w in doc[start:end] if w.head.i == t.i != w.i for g in w.children
                          if g.dep_ == "conj" and not start <= g.i < end]
        found += [
            c
            for c in t.children
            if c.dep_ == "appos" and c.pos_ == "PROPN" and any(g.dep_ == "conj" for g in c.children)
        ]
        return found

    stack = more(token)
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack.extend(more(t))
    return out


def _leaves_brackets(a: Token, b: Token) -> bool:
    """Whether a bracket around ``a`` closes before ``b``: in "the Italian Democratic
    Socialists (a party led by A and B) and the Italian Radicals" the radicals are not
    coordinated with B, whatever the parse says."""
    first, last = (a, b) if a.i < b.i else (b, a)
    depth = 0
    for t in first.doc[first.i + 1 : last.i]:
        if t.text in ("(", "["):
            depth += 1
        elif t.text in (")", "]"):
            if depth == 0:
                return True
            depth -= 1
    return False


# Participles that give a noun its name ("a coalition named X", "the party, known as Y").
NAMING_PARTICIPLES = frozenset({"call", "name", "know", "dub", "style", "title"})

# Agreements named after the city where they were signed ("the Paris accord", "the Oslo
# Accords", "the Kyoto Protocol"); a country in that place is a party ("the Iran deal").
DOCUMENT_NOUNS = frozenset({"accord", "agreement", "treaty", "protocol", "convention", "pact",
                            "declaration", "charter", "memorandum"})  # fmt: skip


# People and firms named after an actor they do not belong to or act for: "Apple resellers",
# "Chelsea fans", "Tesla's rivals", "Google's critics".
OUTSIDER_NOUNS = frozenset({"customer", "client", "user", "fan", "supporter", "critic", "rival",
                            "competitor", "reseller", "retailer", "dealer", "supplier",
                            "investor", "shareholder", "bondholder", "creditor", "viewer",
                            "reader", "listener", "subscriber", "buyer", "consumer", "passenger",
                            "visitor", "tourist", "opponent", "detractor", "victim", "foe",
                            "enemy"})  # fmt: skip


# "X-led", "X-backed", "X-owned" before a noun ("the Saudi-led coalition", "Iran-backed
# rebels"): what X is to the noun's actor. A leader stands for what it leads; a backer does not.
HYPHEN_PARTICIPLES: dict[str, tuple[str, str | None]] = {
    "lead": ("leadership", None), "run": ("leadership", None), "head": ("leadership", None),
    "command": ("leadership", None), "control": ("leadership", None),
    "dominate": ("leadership", None),
    "back": ("action", "SUPPORT"), "support": ("action", "SUPPORT"),
    "sponsor": ("action", "SUPPORT"), "endorse": ("action", "SUPPORT"),
    "fund": ("action", "AID"), "finance": ("action", "AID"), "arm": ("action", "AID"),
    "train": ("action", "AID"), "equip": ("action", "AID"),
    "own": ("affiliation", None), "ally": ("affiliation", None), "affiliate": ("affiliation", None),
    "align": ("affiliation", None), "link": ("affiliation", None),
}  # fmt: skip
LEADER_PARTICIPLES = frozenset(k for k, (kind, _) in HYPHEN_PARTICIPLES.items()
                               if kind == "leadership")  # fmt: skip


def hyphen_participle(token: Token, index: MentionIndex) -> tuple[MentionRef, str] | None:
    """The actor and participle lemma of "X-led" when ``token`` is its participle, an
    adjective of a noun, joined to X by a hyphen."""
    if token.dep_ != "amod" or token.i == 0 or token.nbor(-1).text not in ("-", "–"):
        return None
    lemma = token.lemma_.lower()
    if lemma not in HYPHEN_PARTICIPLES or token.tag_ not in ("VBN", "VBD", "JJ"):
        return None
    m = index.at(token.nbor(-1).nbor(-1)) if token.i >= 2 else None
    return (m, lemma) if m is not None else None


#: Most title words between an organisation and its person ("Labour Party leader Keir Starmer").
MAX_TITLE_GAP = 3


def titled_person_after(m: MentionRef, head: Token, index: MentionIndex) -> MentionRef | None:
    """The person named right after organisation ``m`` and a title, when the parser hung the
    person under the organisation: in "volunteered for [Progressive Conservative Party of
    Manitoba] candidate Cecil Thorne" the argument is Thorne, the party only his title's."""
    if m.label != "ORG":
        return None
    doc = head.doc
    k = m.end
    while k < len(doc) and k - m.end < MAX_TITLE_GAP and doc[k].pos_ == "NOUN" and index.at(doc[k]) is None:
        k += 1
    if k == m.end or k >= len(doc) or role_sector(doc[m.end:k].text) is None:
        return None
    person = index.at(doc[k])
    if person is None or person.label != "PERSON" or person.start != k:
        return None
    if not any(t.i == person.end - 1 for t in head.subtree):
        return None  # the person is not inside the organisation's phrase
    return person


def is_posting(m: MentionRef, doc: Doc) -> bool:
    """Whether a mention is a title's posting ("Ambassador to [Germany]", "envoy to [the UN]"):
    where the person is sent, not what they belong to."""
    start = m.start - 1 if m.start >= 1 and doc[m.start - 1].lower_ == "the" else m.start
    if start < 2 or doc[start - 1].lower_ != "to":
        return False  # ("ambassador to [the UN]" too)
    title = doc[start - 2]
    if m.end < len(doc) and doc[m.end].tag_ == "POS":
        return False  # "advisor to [Maryland]'s Governor Larry Hogan"
    return title.pos_ in ("NOUN", "PROPN") and bool(is_title(title.lower_) or role_sector(title.lower_))


def _posted_person(head: Token, index: MentionIndex) -> MentionRef | None:
    """The person a title with a posting names when the parser hung the person under the
    posting: in "US Ambassador to [Germany] [Richard Grenell] alleged" the subject is the
    title, its "to" phrase ends in Grenell, with Germany as his modifier."""
    doc = head.doc
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "to" or prep.i != head.i + 1 or prep.i + 1 >= len(doc):
            continue
        place = index.at(doc[prep.i + 1])
        if place is None or place.label not in ("GPE", "LOC", "ORG") or not is_posting(place, doc):
            continue
        for pobj in prep.children:
            person = index.at(pobj) if pobj.dep_ == "pobj" else None
            if person is not None and person.label in ("PERSON", "PER") and place.end == person.start:
                return person
    return None


def _name_after_hyphenated(head: Token, index: MentionIndex) -> MentionRef | None:
    """The name a hyphenated modifier the parser took for the head stands before ("the
    never-say-die Washington", "the up-and-coming Ana Ivanovic": the head is "die", "coming")."""
    doc = head.doc
    if head.i < 2 or head.i + 1 >= len(doc) or doc[head.i - 1].text != "-":
        return None
    if doc[head.i - 1].whitespace_ or doc[head.i - 2].whitespace_:
        return None
    m = index.at(doc[head.i + 1])
    if m is None or m.start != head.i + 1 or not any(t.head.i == head.i for t in doc[m.start : m.end]):
        return None
    return m


def relative_owner(pron: Token, index: MentionIndex) -> list[MentionRef]:
    """The actor "whose" stands for: the one its relative clause hangs on ("Medvedev, whose
    candidacy was supported by Putin")."""
    node = pron.head
    for _ in range(4):
        if node.dep_ == "relcl":
            owner = node.head
            return [a.mention for a in actors_of(owner, index, modifiers=False, resolve=False)]
        if node.head.i == node.i:
            break
        node = node.head
    return []


def actors_of(
    token: Token, index: MentionIndex, *, modifiers: bool = True, of_phrase: bool = True,
    places: bool = False, resolve: bool = True,
) -> list[Arg]:
    """Actors named by an argument head, following coordination and apposition.

    A head inside a mention is that actor. A common-noun head ("the Brazilian leader Lula da Silva",
    "Russian troops", "the government of Russia") names the actor in its apposition or that
    it is an apposition of ("Labour, a party led by Keir Starmer"), or — when
    ``modifiers`` is set and with lower confidence — the actor in its modifiers or (with
    ``of_phrase``) its "of" or "from" phrase ("dissidents from Egypt"), and with ``places``
    the place of its "in" phrase ("bombed targets in Syria": the target is Syria). A personal
    pronoun stands for its antecedent in the sentence (:func:`antecedents`), unless
    ``resolve`` is off.
    """
    out: list[Arg] = []
    seen: set[str] = set()

    def add(mention: MentionRef, conf: float, tok: Token) -> None:
        if mention.mention_id not in seen:
            seen.add(mention.mention_id)
            out.append(Arg(mention, conf, tok))

    for head in conjuncts(token):
        m = index.at(head)
        if m is not None:
            titled = titled_person_after(m, head, index)
            add(titled or m, 1.0, head)
            continue
        if (named := _name_after_hyphenated(head, index)) is not None:
            add(named, 0.9, head)  # "to subdue the never-say-die Washington"
            continue
        if head.pos_ == "PRON" and resolve:
            for ante in antecedents(head, index):
                add(ante, PRONOUN_CONFIDENCE, head)
            continue
        if head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
            continue
        found = False
        if (posted := _posted_person(head, index)) is not None:
            add(posted, 0.9, head)  # "US Ambassador to Germany Richard Grenell alleged"
            continue
        for child in head.children:
            if child.dep_ == "appos":
                for sub in conjuncts(child):
                    if (am := index.at(sub)) is not None:
                        add(am, 0.9, sub)
                        found = True
        if (not found and head.dep_ == "appos" and head.pos_ == "NOUN"
                and (am := index.at(head.head)) is not None):  # fmt: skip
            # "the Labour Party, a party led by Keir Starmer": the noun renames the actor
            add(am, 0.9, head.head)
            found = True
        if not found and head.pos_ == "NOUN":
            # "led a new coalition named the Grand Democratic Alliance": the name it is given
            for child in head.children:
                if child.dep_ == "acl" and child.lemma_.lower() in NAMING_PARTICIPLES:
                    for g in child.children:
                        if g.dep_ in ("oprd", "attr", "xcomp") and (gm := index.at(g)) is not None:
                            add(gm, 0.9, g)
                            found = True
        if not found and resolve and head.pos_ == "NOUN":
            # "The company signed a contract with MTS": the one firm named just before
            for ante in description_antecedents(head, index):
                add(ante, DESCRIPTION_CONFIDENCE, head)
                found = True
        if found or not modifiers or head.pos_ == "PRON":
            continue
        if head.lemma_.lower() in OUTSIDER_NOUNS:
            continue  # "Apple resellers accept orders", "Chelsea fans protested": not Apple's act
        named = len(out)
        for child in head.children:
            if child.dep_ in MODIFIER_DEPS and (mm := index.at(child)) is not None:
                if (child.dep_ == "compound" and head.lemma_.lower() in DOCUMENT_NOUNS
                        and mm.label in ("GPE", "LOC", "ORG") and country_iso3(mm.text) is None
                        and (mm.label != "ORG" or is_known_place(mm.text))):  # fmt: skip
                    continue  # "the Paris accord", "the Minsk agreements": where it was signed
                add(mm, 0.7, child)
            elif (hp := hyphen_participle(child, index)) is not None and hp[1] in LEADER_PARTICIPLES:
                add(hp[0], 0.6, child)  # "the Saudi-led coalition bombed": Saudi Arabia's act
            elif child.dep_ == "poss" and child.tag_ == "WP$" and resolve:
                for owner in relative_owner(child, index):
                    add(owner, 0.7, child)  # "Medvedev, whose candidacy ...": Medvedev's
            elif child.dep_ == "poss" and child.tag_ == "PRP$" and resolve:
                # "his administration", "its army": the owner the pronoun stands for
                for ante in possessor(child, index, own_clause=False):
                    add(ante, 0.6, child)
            elif of_phrase and child.dep_ == "prep" and child.lower_ in ("of", "from"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (pm := index.at(pobj)) is not None:
                        add(pm, 0.6, pobj)
                        # "the boards of Siemens and the Red Cross": each of them
                        for sub in conjuncts(pobj)[1:]:
                            if (sm := index.at(sub)) is not None:
                                add(sm, 0.6, sub)
                    elif pobj.dep_ == "pobj" and (
                        head.lower_ in QUANTITY_HEADS or pobj.lemma_.lower() in SETTLEMENT_NOUNS
                    ):
                        # "hundreds of UN troops": the quantity stands for what it counts;
                        # "the mayor of the West Bank city of Nablus": the city named
                        for arg in actors_of(pobj, index, modifiers=True,
                                             of_phrase=pobj.lemma_.lower() in SETTLEMENT_NOUNS):
                            add(arg.mention, 0.7 * arg.confidence, arg.token)
        if len(out) == named and head.lemma_.lower() in DOMESTIC_NOUNS:
            # "a court in Guyana", "the authorities in Kyiv": a country's own institutions
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "in":
                    for pobj in child.children:
                        pm = index.at(pobj) if pobj.dep_ == "pobj" else None
                        if pm is not None and pm.label == "GPE":
                            add(pm, 0.5, pobj)
        if places and len(out) == named:
            # only when the noun names no actor itself: in "the Ukrainian embassy in London"
            # the target is Ukraine, not London
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "inside"):
                    for pobj in child.children:
                        pm = index.at(pobj) if pobj.dep_ == "pobj" else None
                        if pm is not None and pm.label in ("GPE", "LOC"):
                            add(pm, 0.5, pobj)
    return out


# Quantity words that head the noun phrase of what they count ("hundreds of UN troops").
QUANTITY_HEADS = frozenset({"hundreds", "thousands", "dozens", "tens", "millions", "scores",
                            "hundred", "thousand", "dozen", "million", "many", "most", "some",
                            "all", "several", "few", "number", "group", "contingent",
                            "unit", "battalion", "detachment"})  # fmt: skip
# Settlements whose "of" phrase names them ("the city of Nablus").
SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "capital", "port", "province", "region",
                              "district", "county", "municipality", "governorate"})  # fmt: skip
# A country's own institutions: "a court in Guyana" is Guyana's court ("the Ukrainian embassy
# in London" is not London's, so embassies and troops are not here).
DOMESTIC_NOUNS = frozenset({"court", "judge", "police", "authority", "government", "official",
                            "parliament", "prosecutor", "ministry", "legislature", "regime",
                            "junta", "cabinet", "administration"})  # fmt: skip
# Personal pronouns that stand for an actor named earlier in their sentence, and what they agree
# with: a person ("he", "she"), one organisation or place ("it"), or several actors or a group
# ("they"). Reflexives are left out: they name their own clause's subject.
PERSONAL_PRONOUNS: dict[str, str] = {"he": "person", "him": "person", "she": "person",
                                     "her": "person", "it": "thing", "they": "plural",
                                     "them": "plural"}  # fmt: skip
PRONOUN_CONFIDENCE = 0.8
POSSESSIVE_PRONOUNS: dict[str, str] = {"his": "person", "her": "person", "its": "thing",
                                       "their": "plural"}  # fmt: skip
# Verbs whose "it" subject is most often a placeholder ("it is clear that", "it seems").
PLEONASTIC_HEADS = frozenset({"be", "seem", "appear", "remain", "take", "make", "matter",
                              "happen", "rain", "emerge", "turn"})  # fmt: skip
_THING_LABELS = frozenset({"ORG", "GPE", "FAC", "GROUP", "LOC"})
_PLURAL_LABELS = frozenset({"ORG", "GROUP", "NORP"})


def _agrees(args: list[Arg], kind: str) -> list[MentionRef]:
    mentions = [a.mention for a in args]
    if not mentions:
        return []
    if kind == "person":
        return mentions if len(mentions) == 1 and mentions[0].label in ("PERSON", "PER") else []
    if kind == "thing":
        m = mentions[0]
        plural = args[0].token.tag_ in ("NNS", "NNPS")
        return [m] if len(mentions) == 1 and m.label in _THING_LABELS and not plural else []
    # "they": coordinated actors, or one group or organisation ("the rebels", "Labour")
    if len(mentions) > 1:
        return mentions
    return mentions if mentions[0].label in _PLURAL_LABELS else []


def antecedents(pron: Token, index: MentionIndex) -> list[MentionRef]:
    """The actors a personal or possessive pronoun stands for.

    The subject of a clause above the pronoun's own clause comes first ("Obama said he would
    not send troops", "Washington fell short as he lost to O'Brien"); the pronoun's own
    subject never ("Obama praised him" is not Obama). Else the one person before the pronoun
    in the sentence ("After Lula landed, he met Modi"); else, for a "he" or "she" opening the
    main clause, the one person of the sentence before, in the same paragraph. Possessives:
    :func:`possessor`. Nothing when it is ambiguous, when "it" is an object (most often a
    thing) or a placeholder ("it is clear that ...").
    """
    if pron.tag_ == "PRP$":
        return possessor(pron, index)
    kind = PERSONAL_PRONOUNS.get(pron.lower_)
    if kind is None or (pron.lower_ == "her" and pron.tag_ != "PRP"):
        return []
    clause = pron.head
    target_of = pron.dep_ == "pobj" and clause.lower_ in ("at", "against", "on", "upon", "toward",
                                                           "towards")  # fmt: skip
    if kind == "thing" and not target_of and (pron.dep_ not in ("nsubj", "nsubjpass")
                                              or clause.lemma_.lower() in PLEONASTIC_HEADS):
        # "it" as an object is most often a thing or an event ("postponed it", "called it
        # silly"), and "it is clear that" a placeholder: only a subject "it" is resolved
        return []
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    node = clause
    for _ in range(6):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        for c in node.children:
            if c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS and c.i < pron.i and c.i != pron.i:
                found = _agrees(actors_of(c, index, modifiers=False, resolve=False), kind)
                if found:
                    return found
    sent = pron.sent
    before: dict[str, MentionRef] = {}
    doc = pron.doc
    for m in index.in_span(sent):
        root = doc[m.start : m.end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        if m.end <= pron.i and m.actor_id and root.head.i != clause.i:
            # a co-argument of the pronoun's own verb is never its antecedent
            before.setdefault(m.actor_id, m)
    fitting = [m for m in before.values()
               if _agrees([Arg(m, 1.0, doc[m.start:m.end].root)], kind)]  # fmt: skip
    if len(fitting) == 1 and kind == "person":
        # only people: a lone "it" or "they" after a place or firm is as often something else
        return fitting
    if kind == "person" and not fitting and _main_subject(pron):
        return _previous_person(pron, index)
    return []


def possessor(pron: Token, index: MentionIndex, *, own_clause: bool = True) -> list[MentionRef]:
    """The actor a possessive pronoun stands for: the subject of its own clause (unless
    ``own_clause`` is off) or of one above it ("Acme said its chairman Jane Roe ...", "Biden
    said his administration would ..."), else the one person before it in the sentence.

    As an argument of a verb, the possessive never stands for that verb's own subject: "Yang
    and Bennet suspended their campaigns" says nothing between Yang and Bennet."""
    kind = POSSESSIVE_PRONOUNS.get(pron.lower_)
    if kind is None:
        return []
    owner = pron.head  # the possessed noun
    if owner.dep_ == "conj" and owner.head.i < pron.i and (
            head_mention := index.at(owner.head)) is not None:  # fmt: skip
        # "Russia and its ally Belarus", "Huawei and its partner MTS": the conjunct before
        found = _agrees([Arg(head_mention, 1.0, owner.head)], kind)
        if found:
            return found
    node = owner
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    first = node
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and node.dep_ == "xcomp" and not any(
            c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS for c in node.children
        ):
            # object control: in "Germany urged Russia to withdraw its troops", "its" is Russia
            for c in controllers(node.head):
                if c.i < pron.i:
                    found = _agrees(actors_of(c, index, modifiers=False, resolve=False), kind)
                    if found:
                        return found
        if node.pos_ in ("VERB", "AUX"):
            for c in node.children:
                if c.dep_ not in SUBJ_DEPS | PASSIVE_SUBJ_DEPS or c.i >= pron.i:
                    continue
                if c.left_edge.i <= pron.i <= c.right_edge.i:
                    continue  # the subject is the possessed phrase itself ("its chairman said")
                args = actors_of(c, index, modifiers=False, resolve=False)
                found = _agrees(args, kind)
                if not found and kind == "plural" and node.i == first.i:
                    # "Kent made up for lost time in their match": a place's team (or a
                    # country spoken of in the plural) is "their" in its own clause
                    found = [a.mention for a in args[:1] if len(args) == 1
                             and a.mention.label in ("GPE", "LOC")]  # fmt: skip
                if found:
                    # the verb's own subject: "X withdrew its troops" links X to no one
                    return found if own_clause or node.i != first.i else []
        if node.head.i == node.i:
            break
        node = node.head
    if kind != "person" or not own_clause:
        return []
    people = {m.actor_id: m for m in index.in_span(pron.sent)
              if m.end <= pron.i and m.actor_id and m.label in ("PERSON", "PER")}  # fmt: skip
    return list(people.values()) if len(people) == 1 else []


# Definite descriptions that stand for an actor named before: "the company", "the country".
# Each gives what its antecedent must be: an organisation or a country.
DESCRIPTION_NOUNS: dict[str, str] = {
    **dict.fromkeys(("company", "firm", "operator", "carrier", "maker", "manufacturer",
                     "producer", "conglomerate", "corporation", "lender", "insurer", "retailer",
                     "airline", "automaker", "carmaker", "chipmaker", "bank", "party",
                     "organisation", "organization", "club", "startup", "broadcaster",
                     "newspaper", "publisher", "developer", "supplier", "telecom"), "ORG"),
    **dict.fromkeys(("country", "nation", "kingdom", "republic", "emirate"), "COUNTRY"),
}  # fmt: skip
DESCRIPTION_CONFIDENCE = 0.6


# Descriptions that are also other things ("the party" after the vote may be a celebration):
# their antecedent's name says the word ("the Libertarian Party").
NAMED_DESCRIPTIONS = frozenset({"party", "club", "bank", "newspaper"})


def _fits_description(m: MentionRef, kind: str, noun: str) -> bool:
    if kind == "COUNTRY":
        return m.label == "GPE" and m.actor_type == "COUNTRY"
    if noun in NAMED_DESCRIPTIONS and noun not in m.text.lower():
        return False
    return m.label == kind


def description_antecedents(noun: Token, index: MentionIndex) -> list[MentionRef]:
    """The actor a definite description stands for ("the company", "the country"): the one
    actor of its kind named before it in its sentence, else — when its sentence names none
    before it — the one named in the sentence before, in the same paragraph. Nothing when it
    is ambiguous or the noun says more of its own ("the company's rival", "a company", "the
    oil company", "the party of Lula" are left alone)."""
    lemma = noun.lemma_.lower()
    kind = DESCRIPTION_NOUNS.get(lemma)
    if kind is None or noun.tag_ != "NN" or index.at(noun) is not None:
        return []
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children):
        return []
    if any(c.dep_ in ("amod", "compound", "nmod", "poss", "prep", "appos", "relcl", "acl", "nummod")
           for c in noun.children):  # fmt: skip
        return []  # "the state oil company", "the company that makes them": not an anaphor
    doc = noun.doc
    sent = noun.sent
    clause = noun.head

    def fitting(span: Span, before: int) -> dict[str, MentionRef]:
        found: dict[str, MentionRef] = {}
        for m in index.in_span(span):
            if m.end > before or not m.actor_id or not _fits_description(m, kind, lemma):
                continue
            root = doc[m.start : m.end].root
            if root.head.i == clause.i and root.sent.start == sent.start:
                continue  # a co-argument of the noun's own verb is never its antecedent
            found[m.actor_id] = m  # the last mention of each
        return found

    here = fitting(sent, noun.i)
    if here:
        return list(here.values()) if len(here) == 1 else []
    prev = _sentence_before(sent)
    if prev is None:
        return []
    before = fitting(prev, prev.end)
    return list(before.values()) if len(before) == 1 else []


def _sentence_before(sent: Span) -> Span | None:
    """The sentence before ``sent`` in the same paragraph, or None."""
    if sent.start == 0:
        return None
    doc = sent.doc
    prev = doc[sent.start - 1].sent
    if "\n\n" in doc[prev.end - 1 : sent.start + 1].text_with_ws or "\n\n" in prev.text.rstrip():
        return None
    return prev


def _main_subject(pron: Token) -> bool:
    """The pronoun is the subject of its sentence's main clause ("He met Modi on Friday")."""
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = pron.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _previous_person(pron: Token, index: MentionIndex) -> list[MentionRef]:
    """The one person the sentence before names, for a "he"/"she" that opens its sentence's
    main clause with no person before it: "Lula landed in Delhi on Monday. He met Modi ..."
    Nothing when that sentence names no person or several, or lies in another paragraph."""
    prev = _sentence_before(pron.sent)
    if prev is None:
        return []
    people: dict[str, MentionRef] = {}
    for m in index.in_span(prev):
        if m.label in ("PERSON", "PER") and m.actor_id:
            people[m.actor_id] = m  # the last mention of each
    return list(people.values()) if len(people) == 1 else []


def children(token: Token, deps: frozenset[str] | set[str]) -> Iterator[Token]:
    """Children of ``token`` whose dependency label is in ``deps``."""
    return (c for c in token.children if c.dep_ in deps)


def pobjs(prep: Token) -> list[Token]:
    """Objects of a preposition, through a nested preposition ("out of", "because of")."""
    out = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    for c in prep.children:
        if c.dep_ == "prep":
            out.extend(pobjs(c))
    return out


# Prepositions whose object an infinitive is asked of: "called on Russia to withdraw",
# "counted on China to veto".
CONTROL_PREPS = frozenset({"on", "upon"})


#: Verbs whose object never does what the infinitive after it says: the parser makes a purpose
#: clause their complement, but in "left Labour to join the SDP", "used drones to attack",
#: "visited Beijing to meet Xi" the subject acts.
SUBJECT_PURPOSE_VERBS = frozenset({"leave", "quit", "exit", "abandon", "desert", "visit", "use"})


def controllers(verb: Token, *, purpose: bool = True) -> list[Token]:
    """The nouns that do what an infinitive under ``verb`` says (object control): its object
    ("urged [Russia] to withdraw") and the object of "on"/"upon" ("called on [Russia] to").
    With ``purpose=False`` a verb of :data:`SUBJECT_PURPOSE_VERBS` gives its object too (the
    object is still no argument of the infinitive)."""
    if purpose and verb.lemma_.lower() in SUBJECT_PURPOSE_VERBS:
        return []
    out = [c for c in verb.children if c.dep_ in OBJ_DEPS]
    return out + [p for c in verb.children if c.dep_ == "prep" and c.lower_ in CONTROL_PREPS
                  for p in pobjs(c)]  # fmt: skip


def gerund_governor(verb: Token) -> Token | None:
    """The verb whose "of"/"for"/"from" phrase the gerund ``verb`` is (see
    :data:`GERUND_CONTROL_PREPS`): "accused" for "provoking" in "accused NATO of provoking"."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG":
        return None
    prep = verb.head
    if prep.dep_ == "prep" and prep.lower_ in GERUND_CONTROL_PREPS and prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    return None


def phrasal_lemma(verb: Token) -> str:
    """The lemma with its particle: "make up" for "is made up of", "carry out"."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {prt}" if prt else verb.lemma_.lower()


def conjoined_preps(token: Token) -> list[Token]:
    """Prepositions coordinated with the token's own prepositions, which the parser hangs off
    the first one: in "ran for the CCF in 1945 and for the NDP in 1974" the second "for" is a
    conjunct of "in", and in "signed with Nokia and with Ericsson" of the first "with"."""
    out: list[Token] = []
    stack = [c for c in token.children if c.dep_ in ("prep", "dative") and c.pos_ == "ADP"]
    while stack and len(out) < 50:
        for g in stack.pop().children:
            if g.dep_ == "conj" and g.pos_ == "ADP":
                out.append(g)
                stack.append(g)
    return out


def is_passive(verb: Token) -> bool:
    """Whether the verb is in the passive voice."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True  # "the party led by Blair", "the deal signed by Airbus"
    if any(c.dep_ in PASSIVE_SUBJ_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    # an agent phrase on a participle; a finite verb's "by" is a means ("spoke by phone", which
    # the parser also calls an agent)
    return verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)


def governors(verb: Token, max_hops: int = 6) -> Iterator[Token]:
    """The chain of heads above a verb, up to the sentence root."""
    token = verb
    for _ in range(max_hops):
        if token.head.i == token.i:
            return
        yield token.head
        token = token.head


def clause_span(token: Token) -> Span:
    """The span of the token's subtree (its clause, for a verb)."""
    left, right = token.left_edge.i, token.right_edge.i
    return token.doc[left : right + 1]


def _aux_words(verb: Token) -> set[str]:
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    # a coordinated verb without its own auxiliary shares its head's ("will meet X and sign Y")
    if verb.dep_ == "conj" and not words and verb.head.pos_ in ("VERB", "AUX"):
        words = {c.lower_ for c in verb.head.children if c.dep_ == "aux"}
    # "is going to visit"
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "go" and verb.head.tag_ == "VBG":
        words.add("will")
    return words


#: Adverbs that make what a clause says hearsay: "Huawei reportedly signed a deal".
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly",
                             "rumoredly", "rumouredly"})


def modality(verb: Token, lexicon: Lexicon) -> str:
    """asserted | hypothetical | future | reported for the event a verb (or event noun) denotes.

    Own auxiliaries and "if" clauses decide first; then the governing verbs: an infinitive under a
    planning verb ("plans to visit") is future, under a wanting/trying verb hypothetical, and a
    clause under a verb of saying ("said B attacked C") or with "according to" is reported. When
    several apply the strongest wins: hypothetical > future > reported > asserted.
    """
    best = "asserted"

    def bump(value: str) -> None:
        nonlocal best
        if MODALITY_RANK[value] > MODALITY_RANK[best]:
            best = value

    token = verb
    for _ in range(6):
        head, rel = token.head, token.dep_
        speech_link = (
            head.i != token.i
            and rel in ("ccomp", "parataxis")
            and lexicon.has_flag(head.lemma_, "VERB", "speech")
        )
        aux = _aux_words(token) if token.pos_ in ("VERB", "AUX") else set()
        if aux & FUTURE_AUX:
            bump("future")
        if aux & HYPOTHETICAL_AUX:
            # a backshifted "would" in reported speech is a future, not a conditional
            bump("future" if speech_link and aux & {"would"} else "hypothetical")
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in token.children):
            bump("hypothetical")
        for c in token.children:
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children
            ):
                bump("hypothetical")
            if c.dep_ == "prep" and c.lower_ == "according":
                bump("reported")
            if c.dep_ == "advmod" and c.lower_ in HEARSAY_ADVERBS:
                bump("reported")  # "Huawei reportedly signed"
        if head.i == token.i:
            break
        if speech_link:
            # the speaker's own tense says nothing more about the reported event
            bump("reported")
            break
        if rel == "xcomp" and lexicon.has_flag(head.lemma_, "VERB", "speech") and any(
                c.dep_ == "auxpass" for c in head.children):  # fmt: skip
            # "Huawei is said / reported / believed to have signed": hearsay
            bump("reported")
            break
        if rel == "dobj" and token.pos_ == "NOUN" and head.pos_ == "VERB":
            # an event noun planned or sought: "is considering sanctions", "sought talks",
            # "promised aid" ("agreed a deal" is agreed, not planned)
            if lexicon.has_flag(head.lemma_, "VERB", "hypothetical"):
                bump("hypothetical")
            elif lexicon.has_flag(head.lemma_, "VERB", "future") and head.lemma_.lower() not in (
                    "agree", "decide", "arrange"):  # fmt: skip
                bump("future")
        if rel in ("xcomp", "ccomp"):
            # the governing verb, or its "verb preposition" entry ("called on X to fire Y")
            lemmas = [head.lemma_] + [f"{head.lemma_.lower()} {c.lower_}" for c in head.children
                                      if c.dep_ == "prep"]  # fmt: skip
            if any(lexicon.has_flag(lem, "VERB", "future") for lem in lemmas):
                bump("future")
            if any(lexicon.has_flag(lem, "VERB", "hypothetical") for lem in lemmas):
                bump("hypothetical")
        elif rel == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            pass  # a purpose infinitive is as real as the act it serves ("would ... to help")
        elif rel == "acl" and token.tag_ == "VB" and head.pos_ == "NOUN":
            # "a plan to sanction Russia", "a resolution to expel US troops": intended, not done
            bump("future")
            break
        elif (rel == "pcomp" and head.lower_ in ("of", "for", "with")
              and head.head.lemma_.lower() in ALLEGATION_VERBS):  # fmt: skip
            # "was accused of threatening US security", "charged with attacking": what an
            # accusation says was done is the accuser's claim
            bump("reported")
            break
        elif rel == "conj":
            if any(c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS for c in token.children):
                break  # its own clause, with its own subject
        elif rel in ("nsubj", "nsubjpass", "dobj") and token.pos_ in ("NOUN", "PROPN"):
            pass  # an event noun takes the modality of the clause it is an argument of
        elif rel == "pobj" and token.pos_ == "NOUN" and head.dep_ == "prep" and (
            head.head.pos_ in ("VERB", "AUX")
        ):
            # or that it frames: "X claimed that during a trip to France, Trump refused ..."
            head = head.head
        else:
            break
        token = head
    return best


#: Verbs of saying that something did not happen: what they govern is negated (and reported).
DENIAL_VERBS = frozenset({"deny", "refute", "dismiss", "rebut"})


def negated(verb: Token, lexicon: Lexicon) -> bool:
    """Whether the event is negated: "did not sign", "never met", "refused to sign", "has yet
    to sign", "denied signing", "denied that it had signed"; for an event noun, "no agreement
    was reached"."""
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children):
        return True
    if verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"
        and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        and lexicon.lookup(c.lemma_, "NOUN") is not None
        for c in verb.children
    ):
        return True  # "No agreement was reached", "reached no deal": the event noun's own "no"
    token = verb
    for _ in range(3):
        if token.dep_ not in ("xcomp", "conj", "ccomp", "pcomp") or token.head.i == token.i:
            break
        head = token.head
        if token.dep_ == "pcomp" and head.dep_ == "prep":
            head = head.head  # "denied [involvement in] ...": through the preposition
        if token.dep_ in ("ccomp", "pcomp"):
            # "Officials denied that Huawei had signed", "denied signing": said not to be so
            return head.lemma_.lower() in DENIAL_VERBS and not any(
                c.dep_ == "neg" for c in head.children)
        if token.dep_ == "xcomp":
            if any(c.dep_ == "neg" for c in head.children):
                return True
            if lexicon.has_flag(head.lemma_, "VERB", "negative"):
                return True
            if any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children):
                return True  # "has yet to sign"
            if head.lemma_.lower() in DENIAL_VERBS:
                return True  # "denied signing", parsed as a complement
        token = head
    return False


def spells_initials(short: str, name: Span) -> bool:
    """Whether ``short`` is the initials of the capitalised words of ``name`` ("BSE", "Bovine
    Spongiform Encephalopathy"): an abbreviation, whatever labels the model gave the two."""
    letters = "".join(c for c in short if c.isalpha())
    initials = "".join(t.text[0] for t in name if t.text[:1].isupper())
    return len(letters) >= 2 and letters.isupper() and letters == initials
