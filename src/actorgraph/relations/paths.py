"""Directed relations from short dependency paths, for pairs no lexicon rule has linked.

Two actors joined by a short path in the parse of one clause are most often related, even when no
lexicon verb or title says how: "Jim Nicholson of the UUP", "the CSU in Bavaria", "Surrey captain
Chris Lewis", "Leicestershire beat Somerset", "X, a member of Y". The rule here gives such pairs a
direction (and a coarse kind), with a confidence below the lexicon-typed relations so that users
can filter them.

The direction, in order:

1. **through a verb** — the subject (or the passive agent) → the other argument: "X beat Y",
   "Y was beaten by X", "X won the seat in Y". Without a subject, the object → a prepositional
   argument ("bowled Somerset out at Grace Road").
2. **inside a noun phrase or across a copula** — the more specific actor → the one that contains
   it, by entity type: person → organisation → facility or event → place ("Della Vedova's Forza
   Europa", "the Oval, London"). Membership and location run from the member to the group and
   from the located to the place, whatever the word order.
3. **same type inside a noun phrase** — the head → its modifier: "the Hoover Institution at
   Stanford University", "Istria (Croatia)", "the youth wing of the party"; except an
   organisation or person in apposition to another, which is another name for it: kind
   "alias", from the apposition to the head ("the Liberal Forum (LiF)": LiF → Liberal Forum).

Clause boundaries (ccomp, advcl, parataxis, unattached ``dep``) stop a path: actors of different
clauses are left to co-occurrence. Coordinated actors ("X and Y") stand in for their first
conjunct and are never linked to each other here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from actorgraph.records import MentionRef

from .attributes import COPULAS, GROUPING_NOUNS, PERSON_LABELS
from .lexicon import Lexicon
from .syntax import (
    OBJ_DEPS,
    PASSIVE_SUBJ_DEPS,
    RELATIVE_PRONOUNS,
    SUBJ_DEPS,
    TARGET_PREPS,
    Arg,
    MentionIndex,
    controllers,
    gerund_governor,
    is_passive,
    is_posting,
    phrasal_lemma,
    titled_person_after,
)

MAX_ARCS = 4
# Arcs that end a clause: a path through them joins actors of different propositions.
BOUNDARY_DEPS = frozenset({"ccomp", "advcl", "parataxis", "csubj", "csubjpass", "dep", "meta",
                           "punct", "intj", "discourse", "mark", "cc", "preconj"})  # fmt: skip
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj", "attr", "oprd"})
# Arcs a verb argument may take down to the actor: objects, prepositions, control verbs.
ARGUMENT_DEPS = OBJECT_DEPS | PASSIVE_SUBJ_DEPS | {"pobj", "prep", "pcomp", "xcomp", "agent"}
# Arcs inside a noun phrase through which one actor describes another.
# Arcs of a noun's modifiers: a path made of them alone stays inside one noun phrase.
MODIFIER_ARCS = frozenset({"compound", "amod", "nmod", "poss"})
PHRASE_DEPS = frozenset({"prep", "pobj", "pcomp", "compound", "poss", "nmod", "amod", "appos",
                         "acl", "npadvmod", "attr"})  # fmt: skip
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "within", "around", "across",
                            "throughout"})  # fmt: skip
# Prepositions through which one actor can belong to another ("Walker of the UUP", "a
# professor at Y", "Barton in the Faculty of Arts", "a senator from Ohio"); others ("met with",
# "a committee on Benghazi", "replaced by", "ran as") say nothing of membership.
MEMBERSHIP_PREPS = frozenset({"of", "at", "in", "within", "from"})
# Prepositions of a path or destination: "to", "from", "into" a place is a movement.
DIRECTION_PREPS = frozenset({"to", "from", "into", "toward", "towards", "across", "through", "via"})
OPPOSING_PREPS = frozenset({"against", "versus", "vs", "vs."})
# Prepositions of likeness: "X, like Y, ran for president" relates X to nothing.
COMPARISON_PREPS = frozenset({"like", "unlike"})
# Prepositions of a go-between or a transit: "via Washington", "through Turkey".
INTERMEDIARY_PREPS = frozenset({"via", "through"})
# Verbs whose "to" phrase admits the actor to a body: "elected to Congress", "signed to AEW".
ADMISSION_VERBS = frozenset({"elect", "appoint", "name", "nominate", "confirm", "sign", "admit",
                             "reelect", "re-elect", "promote", "assign", "accredit", "induct",
                             "recruit", "draft", "return"})  # fmt: skip
# Units of distance and travel time: "ten kilometres from Barcelona" is no membership.
DISTANCE_NOUNS = frozenset({"kilometre", "kilometer", "km", "mile", "metre", "meter", "yard",
                            "foot", "feet", "hour", "minute", "drive", "walk", "way"})  # fmt: skip
# Participles of association: "militias associated with Iran", "a group linked to Y".
ASSOCIATION_VERBS = frozenset({"associate", "affiliate", "ally", "align", "link", "tie",
                               "connect", "attach", "loyal"})  # fmt: skip
# Verbs of motion and of reporting: their "from" phrase is where the actor came or spoke from,
# not what it belongs to ("airlifted from Omsk", "marched from Hyde Park Corner", "reported
# from Kyiv").
MOTION_VERBS = frozenset({"travel", "march", "fly", "airlift", "evacuate", "move", "come", "go",
                          "flee", "escape", "remove", "withdraw", "pull", "deport", "expel",
                          "transfer", "operate", "drive", "sail", "walk", "arrive", "depart",
                          "leave", "bring", "take", "carry", "ship", "export", "import", "emigrate",
                          "migrate", "relocate", "discharge", "release", "rescue", "extradite",
                          "broadcast", "report", "write", "speak", "call", "tweet"})  # fmt: skip
# Verbs of receiving a guest: with the guest as object, their "to" phrase is the place
# ("welcomed Macron to the White House", "invited Putin to Beijing").
HOST_VERBS = frozenset({"welcome", "invite", "host", "receive", "bring", "summon", "admit"})
# Settlements and divisions: "the X city of Y" puts Y in X.
PLACE_NOUNS = frozenset({"city", "town", "village", "capital", "port", "province", "region",
                         "district", "state", "county", "island", "enclave", "territory",
                         "municipality", "governorate", "prefecture", "suburb", "neighbourhood",
                         "neighborhood", "settlement", "oblast", "canton", "department"})  # fmt: skip
COPULA_LEMMAS = COPULAS
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# How specific an actor type is: a relation that holds between a member and its group, or a
# located thing and its place, runs from the lower rank to the higher.
TYPE_RANK: dict[str, int] = {
    "PERSON": 0, "PER": 0,
    "ORG": 1, "GROUP": 1,
    "FAC": 2, "EVENT": 2, "PRODUCT": 2, "WORK_OF_ART": 2, "LAW": 2, "LANGUAGE": 2,
    "NORP": 3, "GPE": 3, "LOC": 3,
}  # fmt: skip
# The weakest typed rule by eye (docs/precision.md): below every other rule, above co-occurrence.
BASE_CONFIDENCE = {1: 0.4, 2: 0.4, 3: 0.36, 4: 0.32}
# Verbs whose "as" phrase gives another name ("founded as", "known as", "renamed as").
NAMING_VERBS = frozenset({"found", "establish", "create", "form", "know", "rename", "rebrand",
                          "register", "launch", "start", "refound", "reconstitute"})  # fmt: skip
# Verbs whose subject receives from the "from" phrase ("X received ratings from Y": Y gives).
RECEIVE_VERBS = frozenset({"receive", "get", "obtain"})


@dataclass(frozen=True)
class PathCandidate:
    """A relation read off the dependency path between two actor mentions."""

    source: Arg
    target: Arg
    kind: str  # action | located_in | affiliation | alias | related
    predicate: str | None
    event_type: str | None
    quad_class: str | None
    confidence: float
    verb: Token | None  # the verb on the path, for modality, negation and dates


def _listy_appos(token: Token) -> bool:
    """Whether an ``appos`` arc is really an item of a list ("A, B, C and D" parsed as appositions)."""
    head = token.head
    left = token.left_edge.i
    if left > 0 and token.doc[left - 1].text in ("(", "["):
        return False  # a parenthesis: "the Liberal Forum (LiF) and the Greens"
    if sum(1 for c in head.children if c.dep_ == "appos") > 1:
        return True
    if any(c.dep_ in ("conj", "appos") for c in token.children):
        return True
    return any(c.dep_ == "conj" for c in head.children)


def _names_in_a_row(token: Token) -> bool:
    """Whether an ``appos`` arc joins two people's names: a person's apposition describes
    them ("Peter Robinson, the DUP leader"), so "Peter Robinson, William Craig" is a list."""
    head = token.head
    if token.left_edge.pos_ == "DET" or token.lower_ == head.lower_:
        # "DeJoy, a Republican fundraiser Trump appointed": a description misparsed; the
        # same name again is the same person
        return False
    return token.ent_type_ == head.ent_type_ == "PERSON" and any(
        not t.ent_type_ for t in token.doc[min(head.i, token.i) + 1 : max(head.i, token.i)])


def _lift(token: Token, mention: MentionRef, index: MentionIndex) -> Token:
    """The first item of a coordination or list ("X and Y" -> X), which carries the role.

    A list hanging off a name of another type as its apposition ("Juma, the UK Royal Academy,
    the African Academy ...": a misparse) does not stand for that name.
    """
    for _ in range(20):
        head = token.head
        if head.i == token.i or head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
            break
        if token.dep_ == "conj":
            token = head
        elif token.dep_ == "appos" and _listy_appos(token):
            other = index.at(head)
            if other is not None and other.label != mention.label:
                break
            token = head
        else:
            break
    return token


def _chain(token: Token) -> list[Token]:
    """The token and its heads up to the root of its sentence."""
    out = [token]
    while token.head.i != token.i and len(out) < 40:
        token = token.head
        out.append(token)
    return out


def _rank(m: MentionRef) -> int | None:
    return TYPE_RANK.get(m.label.upper())


def _side_verb(side: list[Token]) -> Token | None:
    """The verb nearest to the actor on its side of the path."""
    return next((t for t in side if t.pos_ == "VERB"), None)


def _entry_dep(side: list[Token], lca: Token) -> str | None:
    """How one side attaches to the common head: the dependency of its last token below it."""
    return side[-1].dep_ if side else None


def _kind_for(source: MentionRef, target: MentionRef, prep: str | None) -> str:
    if target.label in PLACE_LABELS and (prep in LOCATIVE_PREPS or source.label in PLACE_LABELS):
        return "located_in"
    if source.label in PLACE_LABELS and target.label in PLACE_LABELS | {"NORP"}:
        return "located_in"
    src_rank, tgt_rank = _rank(source), _rank(target)
    if src_rank is not None and tgt_rank is not None and src_rank <= 1 and tgt_rank in (1, 3):
        return "affiliation"
    return "related"


def _prep_into(side: list[Token]) -> str | None:
    """The preposition right above the actor on its side ("in" for "... in Bavaria")."""
    if len(side) >= 2 and side[0].dep_ in ("pobj", "pcomp") and side[1].pos_ == "ADP":
        return side[1].lower_
    return None


class PathRule:
    """Short-path relations for one sentence."""

    def __init__(self, sent: Span, index: MentionIndex, lexicon: Lexicon) -> None:
        self.sent = sent
        self.index = index
        self.lex = lexicon

    def _heads(self) -> list[tuple[MentionRef, Token]]:
        doc = self.sent.doc
        out = []
        for m in self.index.in_span(self.sent):
            head = doc[m.start : m.end].root
            if self.index.at(head) is not m:
                continue  # a mention nested in a longer one
            out.append((m, head))
        return out

    def run(self, linked: set[frozenset[str]]) -> list[PathCandidate]:
        """Candidates for every pair of actors of the sentence not in ``linked`` (actor ids)."""
        heads = self._heads()
        chains = {m.mention_id: _chain(_lift(h, m, self.index)) for m, h in heads}
        best: dict[frozenset[str], PathCandidate] = {}
        arcs_of: dict[frozenset[str], int] = {}
        for i, (m1, h1) in enumerate(heads):
            for m2, h2 in heads[i + 1 :]:
                if m1.actor_id == m2.actor_id:
                    continue
                key = frozenset((m1.actor_id or "", m2.actor_id or ""))
                if key in linked:
                    continue
                if m1.label == "NORP" and m2.label == "NORP":
                    continue
                found = self._pair(m1, h1, chains[m1.mention_id], m2, h2, chains[m2.mention_id])
                if found is None:
                    continue
                cand, arcs = found
                if key not in best or arcs < arcs_of[key]:
                    best[key] = cand
                    arcs_of[key] = arcs
        return list(best.values())

    def _pair(
        self, m1: MentionRef, h1: Token, c1: list[Token], m2: MentionRef, h2: Token,
        c2: list[Token],
    ) -> tuple[PathCandidate, int] | None:  # fmt: skip
        on1 = {t.i: n for n, t in enumerate(c1)}
        lca_pos2 = next((n for n, t in enumerate(c2) if t.i in on1), None)
        if lca_pos2 is None:
            return None
        lca = c2[lca_pos2]
        if (_own_title(m1, h1) and c1[0].i != h1.i and lca.i == c1[0].i) or (
            _own_title(m2, h2) and c2[0].i != h2.i and lca.i == c2[0].i
        ):
            # a conjunct stands in for its first conjunct as an argument, and shares its
            # modifiers ("Plaid Cymru leaders A and B") unless it has a title of its own: in
            # "the Brazilian leader Lula and Indian Prime Minister Modi", "Brazilian" is Lula's only
            return None
        if any(c[0].i != h.i and lca.i == c[0].i and c[0].i < o.i < h.i
               and self.index.at(c[0]) is not None
               for c, h, o in ((c1, h1, h2), (c2, h2, h1))):  # fmt: skip
            return None  # "the Carter Center in Atlanta, the Kim Library in Seoul": what is
            # said of the first item before the next one begins is the first item's alone
        if any(titled_person_after(m, h, self.index) not in (None, other)
               for m, h, other in ((m1, h1, m2), (m2, h2, m1))):  # fmt: skip
            return None  # "volunteered for [the party] candidate Cecil Thorne": the person
            # heads the phrase the parser hung on the party, and takes its relations
        doc = self.sent.doc
        if any(is_posting(a, doc) and h.head.dep_ == "prep" and h.head.head.i == o.head.i
               and o.dep_ in MODIFIER_ARCS
               for a, h, o in ((m1, h1, h2), (m2, h2, h1))):  # fmt: skip
            return None  # "[Ukraine]'s ambassador to [the UN]": one sends, the other receives
            # the envoy; nothing said between the two
        # "Ambassador to [Germany] [Richard Grenell]": his posting, parsed as his modifier
        posted = next((b for a, b in ((m1, m2), (m2, m1)) if b.start == a.end and is_posting(a, doc)
                       and b.label in PERSON_LABELS), None)  # fmt: skip
        side1, side2 = self._event_place(c1[: on1[lca.i]]), self._event_place(c2[:lca_pos2])
        arcs = len(side1) + len(side2)
        if arcs == 0 or arcs > MAX_ARCS:
            return None  # coordinated with each other, or too far apart
        clause = _clause_of_antecedent(lca, side1, side2)
        if clause is not None and self._clause_fits(clause, m1, m2):
            # "X, who is in Brussels", "Speaking in Brussels, X said": the clause is said of X
            lca, side1, side2, _ = clause
        if any(t.dep_ in BOUNDARY_DEPS for t in side1 + side2):
            return None
        if all(t.dep_ in MODIFIER_ARCS for t in side1 + side2) and self._name_between(
            m1, m2, {t.i for t in c1} | {t.i for t in c2}
        ):
            return None  # a chain of modifiers across another name: "US President Trump and
            # Turkish President Erdogan", with "US President" hung on Erdogan
        hold = h1 if not side1 else h2  # the name the phrase hangs on
        if ((not side1 or not side2)
                and all(t.dep_ in ("prep", "pobj") for t in side1 + side2)
                and self._name_between(m1, m2, {t.i for t in c1} | {t.i for t in c2}
                                       | {t.i for t in hold.conjuncts})):  # "A and B in Belgium"
            return None  # "William Craig for the UUP and Oliver Napier for the Alliance Party",
            # with both "for" phrases hung on Craig: a phrase goes with the name just before it
        if any(t.dep_ == "xcomp" and controllers(t.head, purpose=False) for t in side1 + side2):
            return None  # object control: in "X urged Y to send Z" ("called on Y to"), Y sends
        if any((gov := gerund_governor(t)) is not None
               and any(c.dep_ in OBJ_DEPS for c in gov.children) for t in side1 + side2):
            return None  # "X accused Y of provoking Z", "criticised Y for attacking Z": Y does
        if any(t.dep_ == "conj" or (t.dep_ == "appos" and (_listy_appos(t) or _names_in_a_row(t)))
               for t in side1 + side2):  # fmt: skip
            return None  # items of different coordinated phrases or clauses
        conf = BASE_CONFIDENCE.get(arcs, 0.4)
        a1, a2 = Arg(m1, 1.0, h1), Arg(m2, 1.0, h2)
        reduced = self._reduced_passive(a1, side1, a2, side2, conf)
        if reduced is not None:
            return reduced, arcs
        if self._likeness(side1) or self._likeness(side2):
            return None  # "X, like Trump, ran for president": a likeness, no relation
        if any(t.pos_ in ("VERB", "AUX") and (m := self.index.at(t)) is not None
               and m.end - m.start > 1 for t in (lca, *side1, *side2)):  # fmt: skip
            return None  # a word of a longer name is no verb ("Volatiles Investigating ...")
        for m, h in ((m1, h1), (m2, h2)):
            if m.label in PLACE_LABELS and not any(g.dep_ == "conj" for g in h.children) and any(
                    t.dep_ == "appos" and t.head.i == h.i and t.tag_ in ("NNS", "NNPS")
                    and self.index.at(t) is None for t in (lca, *side1, *side2)):  # fmt: skip
                return None  # "in addition to Vermont, also the primaries in Colorado"
        if lca.pos_ in ("VERB", "AUX") and side1 and side2:
            cand = self._through_verb(lca, a1, side1, a2, side2, conf)
        else:
            cand = self._in_phrase(lca, a1, side1, a2, side2, conf)
        if (cand is not None and cand.kind == "located_in" and cand.verb is not None
                and cand.source.mention.label == "NORP"):  # fmt: skip
            return None  # "an American who was held in Afghanistan": a person, not a country
        if cand is not None and posted is not None:
            # where the person is sent, not what they belong to
            person, post = (a1, a2) if posted is m1 else (a2, a1)
            cand = replace(cand, source=person, target=post, kind="related", predicate="to",
                           event_type=None, quad_class=None)
        return None if cand is None else (cand, arcs)

    def _event_place(self, side: list[Token]) -> list[Token]:
        """A place said of an event noun that is said of the verb ("took on Cruz in a bout in
        Panama City", "met at a summit in Beijing") is the verb's place: the side without the
        event noun and the preposition that joins it to the verb."""
        if (len(side) >= 4 and side[0].dep_ == "pobj" and side[1].lower_ in LOCATIVE_PREPS
                and side[2].dep_ == "pobj" and side[2].pos_ == "NOUN"
                and side[3].lower_ in ("in", "at", "during")
                and self.index.at(side[2]) is None
                and (place := self.index.at(side[0])) is not None and place.label in PLACE_LABELS
                and self.lex.lookup(side[2].lemma_, "NOUN") is not None):  # fmt: skip
            return [side[0], side[1], *side[4:]]
        return side

    def _clause_fits(self, clause: tuple[Token, list, list, bool], m1: MentionRef,
                     m2: MentionRef) -> bool:
        """Whether a clause re-read by :func:`_clause_of_antecedent` is likely said of its
        antecedent: not ", comprising A and B" (said of the nearest noun), and not a deed done
        by a city, sea or building, where the parser most often hung the clause on the wrong
        noun ("a coalition to patrol the Gulf, which was joined by X"), and not said of a
        nationality, which stands for a person there."""
        verb, side1, side2, first = clause
        if verb.dep_ == "advcl" and self._flags(verb) & {"contains", "part"}:
            return False
        rest = side2 if first else side1
        if verb.tag_ == "VBG" and _prep_into(rest) == "by":
            return False  # "Seeking a role for a rocket by Jeff Foust, NASA announced": a byline
            # or a means, not the participle's object
        antecedent = m1 if first else m2
        if antecedent.label == "NORP":
            return False  # "an American who was held by the Taliban": a person, not the country
        if verb.dep_ in ("relcl", "acl") and not all(
            t.is_punct or t.like_num or self._is_place(t)
            for t in verb.doc[antecedent.end : verb.left_edge.i]
        ):
            # "her former label, Big Machine Records, Braun, 38 - who reps ...": a clause that
            # does not follow its antecedent (its age or its place aside: "Battin, 33, who",
            # "Westchester County, New York, which") was most often hung on the wrong noun
            return False
        if verb.dep_ == "relcl" and verb.lemma_.lower() not in COPULA_LEMMAS and (
            antecedent.label in ("LOC", "FAC")
            or (antecedent.label == "GPE" and antecedent.actor_type != "COUNTRY")
        ):
            where = any(c.lower_ == "where" for c in verb.children)
            located = verb.lemma_.lower() in ("base", "headquarter", "locate")
            return where or located
        return True

    def _likeness(self, side: list[Token]) -> bool:
        """Whether the actor on ``side`` is only compared: "like Trump" said of a verb or of
        another actor ("X, like Trump, ran"), not of a common noun, where it gives examples
        ("Nissan models like the Altima")."""
        if _prep_into(side) not in COMPARISON_PREPS:
            return False
        head = side[1].head
        return head.pos_ in ("VERB", "AUX") or self.index.at(head) is not None

    def _is_place(self, token: Token) -> bool:
        m = self.index.at(token)
        return m is not None and m.label in PLACE_LABELS

    def _name_between(self, m1: MentionRef, m2: MentionRef, on_path: set[int]) -> bool:
        """Whether another person's name than the two, and than a conjunct the path goes
        through ("Labour Party leaders John Smith and Jane Roe"), stands between them."""
        left, right = sorted((m1, m2), key=lambda m: m.start)
        doc = self.sent.doc
        for t in doc[left.end : right.start]:
            m = self.index.at(t)
            if m is not None and m not in (left, right) and m.label in PERSON_LABELS and not any(
                i in on_path for i in range(m.start, m.end)
            ):
                return True
        return False

    def _reduced_passive(
        self, a1: Arg, side1: list[Token], a2: Arg, side2: list[Token], conf: float
    ) -> PathCandidate | None:
        """ "the party, led by X", "the X government, headed by Y": a participle modifying a
        noun takes that noun as its patient and its ``by`` phrase as the doer, so X -> the
        party. The noun is the actor itself or names it ("the X government")."""
        for agent, aside, noun, nside in ((a1, side1, a2, side2), (a2, side2, a1, side1)):
            if [t.dep_ for t in aside] != ["pobj", "agent", "acl"] or aside[-1].tag_ != "VBN":
                continue
            if [t.dep_ for t in nside] not in ([], ["compound"], ["poss"]):
                continue
            verb = aside[-1]
            lemma = verb.lemma_.lower()
            entry = self.lex.lookup(lemma, "VERB")
            flags = entry.flags if entry is not None else frozenset()
            if ("leadership" in flags or "role" in flags) and noun.mention.label not in (
                "PERSON", "PER"
            ):
                kind = "leadership" if "leadership" in flags else "role"
                if agent.mention.label not in ("PERSON", "PER", "ORG", "GPE"):
                    return None
                return PathCandidate(agent, noun, kind, lemma, None, None, conf, verb)
            if entry is not None and ("light" in flags or "speech" in flags):
                return None
            event_type = entry.event_type if entry is not None else None
            quad = entry.quad_class if entry is not None else None
            return PathCandidate(agent, noun, "action", lemma, event_type, quad, conf, verb)
        return None

    def _through_verb(
        self, verb: Token, a1: Arg, side1: list[Token], a2: Arg, side2: list[Token], conf: float
    ) -> PathCandidate | None:
        d1, d2 = _entry_dep(side1, verb), _entry_dep(side2, verb)
        if verb.lemma_.lower() in COPULA_LEMMAS:
            described = _copula_of_subject(a1, side1, a2, side2)
            if described is not None:
                src, tgt, noun = described
                return self._attribute(src, tgt, [], verb, conf, predicate=noun.lemma_.lower(),
                                       title=noun)  # fmt: skip
        passive = is_passive(verb)
        s1 = _is_subject(side1, passive)
        s2 = _is_subject(side2, passive)
        # the actor must fill the argument itself, not modify it ("Testud (France) beat ...")
        if not (s1 or _is_argument(side1)) or not (s2 or _is_argument(side2)):
            return None
        # the relative clause of a noun: "the party, which X founded" / "X, who joined Y"
        if s1 == s2:
            o1 = d1 in OBJECT_DEPS | PASSIVE_SUBJ_DEPS
            o2 = d2 in OBJECT_DEPS | PASSIVE_SUBJ_DEPS
            if o1 != o2:
                # no subject on the path: the object is what the prepositional phrase is about
                src, tgt, tside = (a1, a2, side2) if o1 else (a2, a1, side1)
                whole = self._flags(verb) & {"contains", "part"}
                if whole and (side1 if o1 else side2)[-1].dep_ in PASSIVE_SUBJ_DEPS:
                    prep = _prep_into(tside)
                    if prep == "of":  # "the RnP was composed of X": X belongs to the RnP
                        return PathCandidate(tgt, src, "affiliation", phrasal_lemma(verb),
                                             None, None, conf, verb)  # fmt: skip
                    if prep in ("in", "into", "within", "among"):  # "X is included in the RnP"
                        return PathCandidate(src, tgt, "affiliation", phrasal_lemma(verb),
                                             None, None, conf, verb)  # fmt: skip
                return self._attribute(src, tgt, tside, verb, conf)
            return self._by_type(a1, a2, side1, side2, verb, conf)
        src, tgt, tside = (a1, a2, side2) if s1 else (a2, a1, side1)
        if verb.lemma_.lower() in COPULA_LEMMAS:
            if (src.mention.label in PLACE_LABELS and [t.dep_ for t in tside] == ["pobj", "prep", "attr"]
                    and tside[1].lower_ == "to" and tside[2].lemma_.lower() == "home"):  # fmt: skip
                # "Seattle is home to Amazon", "the county, which is home to Yonkers"
                return PathCandidate(tgt, src, "located_in", "home", None, None, conf, verb)
            # "X is a member of Y", "X became leader of Y"
            noun = _copula_noun(tside)
            return self._attribute(src, tgt, tside, verb, conf,
                                   predicate=noun.lemma_.lower() if noun is not None else None,
                                   title=noun)  # fmt: skip
        had = _had_noun(verb, tside, self.index)
        if had is not None and (tgt.mention.label in ("PERSON", "PER") or _title_kind(had) is None):
            # "Honduras has had five presidents: A, B" -> A holds the title in Honduras;
            # "Canada has two main parties: A and B" -> A and B belong to Canada
            return self._attribute(tgt, src, [], verb, conf, predicate=had.lemma_.lower(),
                                   title=had)  # fmt: skip
        prep = _prep_into(tside)
        if prep in LOCATIVE_PREPS and tgt.mention.label in PLACE_LABELS:
            return PathCandidate(src, tgt, "located_in", prep, None, None, conf, verb)
        if (prep == "from" and len(tside) == 2 and not passive
                and verb.lemma_.lower() in RECEIVE_VERBS):
            # "X received higher ratings from Y", "X got backing from Y": Y is the one who acts
            return PathCandidate(tgt, src, "action", verb.lemma_.lower(), None, None, conf, verb)
        target_verb = _side_verb(tside) or verb
        lemma = target_verb.lemma_.lower()
        entry = self.lex.lookup(lemma, "VERB")
        event_type = quad = None
        flags = self._flags(target_verb)
        if ("speech" in flags and entry is not None and entry.event_type is None
                and _prep_into(tside) not in ("to", "with", "of", "about")):  # fmt: skip
            return None  # "said on Twitter", "said in Istanbul"; but "said of Chirac"
        if _prep_into(tside) in INTERMEDIARY_PREPS:
            return None  # "sent Syria a message via Washington": a go-between, no target
        if _prep_into(tside) == "to" and lemma in HOST_VERBS and any(
                c.dep_ in OBJECT_DEPS and self.index.at(c) is not None
                for c in target_verb.children):  # fmt: skip
            return None  # the guest is the target, the "to" phrase where they are received
        if "contains" in flags:
            # "the coalition consists of X": X belongs to the coalition
            return PathCandidate(tgt, src, "affiliation", phrasal_lemma(target_verb), None,
                                 None, conf, target_verb)  # fmt: skip
        if "part" in flags:
            # "X and Y make up the coalition"
            return PathCandidate(src, tgt, "affiliation", phrasal_lemma(target_verb), None,
                                 None, conf, target_verb)  # fmt: skip
        if entry is not None and "light" not in entry.flags and _patient(tside) and not (
                entry.quad_class is not None and entry.quad_class.endswith("cooperation")
                and _prep_into(tside) in OPPOSING_PREPS):  # fmt: skip
            # the event type of a lexicon verb only when the actor is what the verb acts on
            # (one does not cooperate with whom one cooperates against)
            event_type, quad = entry.event_type, entry.quad_class
        return PathCandidate(src, tgt, "action", lemma, event_type, quad, conf, target_verb)

    def _flags(self, verb: Token) -> frozenset[str]:
        """The lexicon flags of a verb, phrasal entry first ("make up")."""
        entry = self.lex.lookup(phrasal_lemma(verb), "VERB") or self.lex.lookup(verb.lemma_, "VERB")
        return entry.flags if entry is not None else frozenset()

    def _attribute(
        self, src: Arg, tgt: Arg, tside: list[Token], verb: Token | None, conf: float,
        predicate: str | None = None, title: Token | None = None,
    ) -> PathCandidate | None:  # fmt: skip
        prep = _prep_into(tside)
        if (prep is not None and prep not in LOCATIVE_PREPS | {"of"}
                and src.mention.label in PLACE_LABELS and tgt.mention.label in PLACE_LABELS
                and not (prep == "between" and src.mention.label == "FAC")):  # fmt: skip
            # "Melbourne, like Sydney", "from Omsk to Berlin": neither holds the other (but
            # "the Allenby Bridge crossing between Jordan and the West Bank" is at both)
            return None
        kind = _kind_for(src.mention, tgt.mention, prep)
        if (prep == "as" and verb is not None and verb.lemma_.lower() in NAMING_VERBS
                and src.mention.label == tgt.mention.label and src.mention.label in ("ORG", "PERSON")):
            # "the Solidarity Party was founded as the Christian Democratic Party", "X, known as
            # Y": another name of the same actor, not a membership
            return PathCandidate(src, tgt, "alias", "name", None, None, conf, verb)
        if title is not None and src.mention.label in ("PERSON", "PER"):
            # a title noun says which: "leader" -> leadership, "member" -> role, "prime
            # minister" (the longest phrase the roles table knows) -> leadership
            kind = _title_kind(title, self.index) or kind
        if kind == "affiliation" and predicate is None and not self._membership(
                prep, verb or _side_verb(tside), src, tside):  # fmt: skip
            if prep in OPPOSING_PREPS:
                kind = "related"  # "England's qualifier against Moldova": opponents
            elif (prep not in DIRECTION_PREPS or tgt.mention.label not in PLACE_LABELS
                    or src.mention.label not in ("PERSON", "PER", "ORG")):  # fmt: skip
                return None
            else:
                # "Arafat's flight to the West Bank", "airlifted to Berlin": a movement
                kind = "related"
        return PathCandidate(src, tgt, kind, predicate or prep, None, None, conf, verb)

    def _membership(self, prep: str | None, verb: Token | None, src: Arg,
                    tside: list[Token]) -> bool:
        """Whether the preposition into the target can make the source a member of it."""
        if prep is None or (prep in MEMBERSHIP_PREPS and prep != "from"):
            return True
        lemma = verb.lemma_.lower() if verb is not None else None
        if prep == "from":  # "a senator from Ohio"; not "airlifted from", "ten km from"
            if len(tside) >= 2 and tside[1].i > 0:
                before = tside[1].doc[tside[1].i - 1]
                if before.lemma_.lower() in DISTANCE_NOUNS or before.ent_type_ == "QUANTITY":
                    return False
            return lemma not in MOTION_VERBS
        if prep in ("to", "as"):  # "elected to Congress", "elected as a Republican"; not
            return lemma in ADMISSION_VERBS  # "taken to the hospital", "ran as a candidate"
        if prep in ("with", "to") and lemma in ASSOCIATION_VERBS:
            return True  # "militias associated with Iran", "groups linked to al-Qaeda"
        if prep == "on":  # "served on the boards of A and B"; not "the committee on Benghazi"
            return lemma in ("serve", "sit")
        if prep == "by":  # "the Khmer Rouge, who were led by Pol Pot"
            return verb is not None and bool(self._flags(verb) & {"leadership", "role"})
        if prep == "for":  # "William Craig for the UUP"; not "a rally planned for Ohio", nor
            # "a fight between Peter Robinson ... for the UUP": the phrase is the name's own
            return (verb is None and src.mention.label in ("PERSON", "PER")
                    and tside[-1].head.i == src.token.i)
        return False

    def _by_type(
        self, a1: Arg, a2: Arg, side1: list[Token], side2: list[Token], verb: Token | None,
        conf: float,
    ) -> PathCandidate | None:  # fmt: skip
        r1, r2 = _rank(a1.mention), _rank(a2.mention)
        if r1 is None or r2 is None or r1 == r2:
            return None
        src, tgt, tside = (a1, a2, side2) if r1 < r2 else (a2, a1, side1)
        if src.mention.label == "NORP":
            return None
        sside = side1 if src is a1 else side2
        if tgt.mention.label == "NORP" and not tside and any(
                t.dep_ == "prep" and t.lower_ not in ("as", "like", "including") for t in sside):
            # a group noun heading the phrase names people: in "Democrats in Congress", "the
            # senior Democrat on the committee" the Democrats sit in Congress, not the reverse
            # ("an Australian, Brenton Tarrant", "Democrats such as Buttigieg" are kept)
            return None
        if tgt.mention.label == "NORP" and self._norp_of_another(sside, src):
            return None
        if _possessor_elsewhere(side1 if src is a1 else side2):
            return None
        return self._attribute(src, tgt, tside, verb, conf)

    def _norp_of_another(self, sside: list[Token], src: Arg) -> bool:
        """Whether a group adjective or noun describes another noun than the actor: in
        "Kurdish Members of Parliament", "the Democratic chairman of the House committee",
        "Tesco's Polish operation" the Kurds, Democrats and Poles are not the organisation's;
        in "Democrat Chuck Schumer, the Senate minority leader" Democrat is Schumer's."""
        lca = sside[-1].head if sside else src.token
        if (lca.pos_ == "NOUN" and self.index.at(lca) is None
                and lca.lemma_.lower() not in PLACE_NOUNS  # "the Spanish island of Majorca"
                and not _instance_of(sside)):  # "a Jamaican-born father, Harris"
            return True  # both describe a common noun: the title or thing they share
        return any(t.pos_ == "NOUN" and self.index.at(t) is None for t in sside[1:])

    def _in_phrase(
        self, lca: Token, a1: Arg, side1: list[Token], a2: Arg, side2: list[Token], conf: float
    ) -> PathCandidate | None:
        if any(t.dep_ not in PHRASE_DEPS for t in side1 + side2):
            return None
        if _split_name(a1, side1, a2, side2):
            return None
        alias = _alias(a1, side1, a2, side2)
        if alias is not None:
            # "the Liberal Forum (LiF)": the apposition names the head; no direction by type
            src, tgt = alias
            return PathCandidate(src, tgt, "alias", None, None, None, conf, None)
        if [t.dep_ for t in side1 + side2] == ["appos"] and a1.mention.label == a2.mention.label:
            if a1.mention.label not in PLACE_LABELS:
                return None  # same-type names side by side outside parentheses: a list
        contained = _place_of(a1, side1, a2, side2)
        if contained is not None:
            # "the West Bank town of Ramallah", "the Syrian city of Aleppo"
            return PathCandidate(*contained, "located_in", None, None, None, conf, None)
        whole = _whole_of(a1, side1, a2, side2)
        if whole is not None:
            # "the South Lawn of the White House", "the congress of the party": the head is
            # part of the "of" phrase, whatever their types
            part, whole_arg, wside = whole
            return self._attribute(part, whole_arg, wside, None, conf)
        by_type = self._by_type(a1, a2, side1, side2, None, conf)
        if by_type is not None:
            return by_type
        # same type: the head of the phrase is described by its modifier
        if not side1:
            src, tgt, tside = a1, a2, side2
        elif not side2:
            src, tgt, tside = a2, a1, side1
        else:
            return None  # both modify a third word ("the merger of X and Y"): no direction
        if src.mention.label == "NORP" or _possessor_elsewhere(tside):
            return None
        if _parties_of_grouping(src, tside):
            # "the Grand Coalition of the CDU and the SPD": the parties belong to the whole
            return PathCandidate(tgt, src, "affiliation", src.token.lemma_.lower(), None, None,
                                 conf, None)  # fmt: skip
        if tside[-1].dep_ in ("compound", "nmod", "amod"):
            title = tside[-1]
            if len(tside) < 2 or title.pos_ != "NOUN" or self.index.at(title) is not None:
                return None  # "Valder Brian Deegan": names side by side are lists or split names
            # "Surrey captain Chris Lewis", "White House adviser Jane Roe": a title between
            return self._attribute(src, tgt, tside, None, conf, predicate=title.lemma_.lower(),
                                   title=title)  # fmt: skip
        return self._attribute(src, tgt, tside, None, conf)


@dataclass(frozen=True)
class _Understood:
    """A word the parse leaves out, standing in on a path: the understood subject of a
    participle ("Speaking in Brussels, X said": X speaks) or the "in" of "where"."""

    dep_: str
    pos_: str = "PRON"
    lower_: str = ""
    lemma_: str = ""
    tag_: str = ""
    i: int = -1
    children: tuple = ()


# The relative adverb of place: "Brussels, where X met Y" -> X met Y in Brussels.
_WHERE = [_Understood("pobj"), _Understood("prep", pos_="ADP", lower_="in", lemma_="in")]


def _clause_of_antecedent(
    lca: Token, side1: list[Token], side2: list[Token]
) -> tuple[Token, list, list, bool] | None:
    """The path re-read inside a clause said of one of the two actors, with the actor in the
    place the clause leaves for it: (clause verb, side 1, side 2, whether actor 1 is the one
    the clause is said of) or None.

    - a relative clause: "X, who was in Brussels" / "Y, where X met Z": the relative word
      stands for its antecedent;
    - a participle without a subject of its own: "X, speaking in Brussels, said" (on X), and
      "Speaking in Brussels, X said" (on the clause X is the subject of): X speaks.
    """
    for ant, other, first in ((side1, side2, True), (side2, side1, False)):
        if not other or len(other) < 2:
            continue
        verb = other[-1]
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subjectless = not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")
                              and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children)  # fmt: skip
        stand_in: list | None = None
        if not subjectless and verb.dep_ != "relcl":
            continue
        if not ant and verb.dep_ == "relcl":
            rel = [c for c in verb.children if c.lower_ in RELATIVE_PRONOUNS and c.tag_ in ("WDT", "WP")
                   and c.dep_ in ("nsubj", "nsubjpass", "dobj")]  # fmt: skip
            if rel:
                stand_in = [rel[0]]
            elif any(c.lower_ == "where" and c.dep_ == "advmod" for c in verb.children):
                stand_in = list(_WHERE)
        elif not ant and verb.dep_ == "acl" and verb.tag_ == "VBG":
            stand_in = [_Understood("nsubj")]
        elif ([t.dep_ for t in ant] == ["nsubj"] and verb.dep_ == "advcl" and verb.tag_ == "VBG"
              and lca.pos_ in ("VERB", "AUX")
              and (verb.i < lca.i or not any(c.dep_ in ("dobj", "obj") for c in lca.children))):
            # a participle after a verb with an object is often said of the object ("X secured
            # the nomination, giving it access in Y")
            stand_in = [_Understood("nsubj")]
        if stand_in is None:
            continue
        rest = other[:-1]
        return (verb, stand_in, rest, first) if first else (verb, rest, stand_in, first)
    return None


def _parties_of_grouping(head: Arg, side: list[Token]) -> bool:
    """Whether the actor on ``side`` is one of two or more parties in the "of"/"between"
    phrase of a name whose head word is a grouping ("the Grand Coalition of A and B"). One
    party alone is most often part of the name ("the Federation of Bosnia and Herzegovina")."""
    if head.token.lemma_.lower() not in GROUPING_NOUNS:
        return False
    if [t.dep_ for t in side] != ["pobj", "prep"] or side[1].lower_ not in ("of", "between"):
        return False
    return any(c.dep_ == "conj" for c in side[0].children)


def _whole_of(a1: Arg, side1: list[Token], a2: Arg, side2: list[Token]
              ) -> tuple[Arg, Arg, list[Token]] | None:  # fmt: skip
    """(part, whole, whole's side) for "P of W" where the type ranks would run the other
    way (a facility, event or work of an organisation; not a person: "the party of Kim")."""
    for part, pside, whole, wside in ((a1, side1, a2, side2), (a2, side2, a1, side1)):
        if pside or [t.dep_ for t in wside] != ["pobj", "prep"] or wside[1].lower_ != "of":
            continue
        rp, rw = _rank(part.mention), _rank(whole.mention)
        if rp is None or rw is None or rp <= rw or rw == 0:
            return None
        if whole.mention.label == "NORP" or part.mention.label == "NORP":
            return None
        return part, whole, wside
    return None


def _instance_of(side: list[Token]) -> bool:
    """The actor is what the noun above it names: its apposition ("a Jamaican-born father,
    Donald Harris") or an example of it ("European parties such as Ecolo")."""
    deps = [t.dep_ for t in side]
    return deps == ["appos"] or (
        deps == ["pobj", "prep"] and side[1].lower_ in ("as", "like", "including")
    )


def _possessor_elsewhere(side: list[Token]) -> bool:
    """The actor possesses a noun that is not a description of the other actor: in "the
    dignitaries, including Kennedy's Secretary of State Dean Rusk", Kennedy relates to Rusk
    ("Kennedy's Secretary ... Rusk", "Lula's ally Morales"), not to the dignitaries."""
    if len(side) < 2 or side[0].dep_ != "poss":
        return False
    return len(side) > 2 or side[1].dep_ not in ("appos", "compound")


def _own_title(mention: MentionRef, head: Token) -> bool:
    """Whether a name has modifiers of its own outside the mention ("Russian President")."""
    return any(
        c.dep_ in ("compound", "amod", "poss", "nmod") and not mention.start <= c.i < mention.end
        for c in head.children
    )


def _place_of(a1: Arg, side1: list[Token], a2: Arg, side2: list[Token]) -> tuple[Arg, Arg] | None:
    """(Y, X) for "the X town of Y" / "X's capital of Y": a place named as a settlement or
    division of another place lies in it."""
    for outer, oside, inner, iside in ((a1, side1, a2, side2), (a2, side2, a1, side1)):
        if [t.dep_ for t in iside] != ["pobj", "prep"] or iside[1].lower_ != "of":
            continue
        noun = iside[1].head
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in PLACE_NOUNS:
            continue
        if [t.dep_ for t in oside] not in (["compound"], ["amod"], ["poss"], ["nmod"]):
            continue
        if inner.mention.label in PLACE_LABELS and outer.mention.label in PLACE_LABELS | {"NORP"}:
            return inner, outer
    return None


def _title_kind(title: Token, index: MentionIndex | None = None) -> str | None:
    """ "leadership" or "role" for a title noun in the packaged roles table, else None; with
    the sentence's ``index``, the longest title phrase wins ("prime minister")."""
    from .attributes import _title_phrase, title_kinds

    if index is not None and (kind := _title_phrase(title, index)[1]) is not None:
        return kind
    kinds = title_kinds()
    return kinds.get(title.lemma_.lower()) or kinds.get(title.lower_)


def _had_noun(verb: Token, side: list[Token], index: MentionIndex) -> Token | None:
    """The common noun of "Y has five presidents: A, B" / "Y has two parties: A and B" that
    the actor is listed under, on its side of ``have``."""
    if verb.lemma_.lower() != "have" or not side or side[-1].dep_ != "dobj":
        return None
    noun = side[-1]
    if noun.pos_ != "NOUN" or index.at(noun) is not None:
        return None
    return noun if all(t.dep_ in ("appos", "conj") for t in side[:-1]) else None


def _copula_of_subject(
    a1: Arg, side1: list[Token], a2: Arg, side2: list[Token]
) -> tuple[Arg, Arg, Token] | None:
    """(X, Y, noun) for "the N of Y is X" / "members of Y have been X": X is described as an N
    of Y."""
    for subj, sside, attr, aside in ((a1, side1, a2, side2), (a2, side2, a1, side1)):
        deps = [t.dep_ for t in sside]
        if deps != ["pobj", "prep", "nsubj"] or sside[1].lower_ != "of":
            continue
        noun = sside[2]
        if noun.pos_ != "NOUN" or [t.dep_ for t in aside] != ["attr"]:
            continue
        return attr, subj, noun
    return None


def _patient(side: list[Token]) -> bool:
    """The actor is the object of the verb, or of a preposition that marks the verb's target."""
    deps = [t.dep_ for t in side]
    if deps in (["dobj"], ["dative"], ["nsubjpass"]):
        return True
    return len(side) == 2 and deps[0] == "pobj" and side[1].lower_ in TARGET_PREPS


def _is_subject(side: list[Token], passive: bool) -> bool:
    """The actor is the verb's subject: "X beat", "was beaten by X"."""
    deps = [t.dep_ for t in side]
    return deps in (["nsubj"], ["csubj"]) or (passive and deps == ["pobj", "agent"])


def _is_argument(side: list[Token]) -> bool:
    """The actor is an object or prepositional argument, through at most one preposition."""
    deps = [t.dep_ for t in side]
    if deps == ["npadvmod"] and _stray_object(side[0]):
        return True
    return all(d in ARGUMENT_DEPS for d in deps) and deps.count("prep") + deps.count("agent") <= 1


def _stray_object(token: Token) -> bool:
    """A name the parser hung off a transitive verb as a noun-phrase adverbial although the verb
    has no object: "Hill ( Australia ) beat Dan Jenson ( Australia ) 15-9" (scores and
    parentheses confuse the parser). Read as the object."""
    verb = token.head
    return (
        token.pos_ == "PROPN"
        and verb.pos_ == "VERB"
        and verb.i < token.i
        and not is_passive(verb)
        and any(c.dep_ in SUBJ_DEPS for c in verb.children)
        and not any(c.dep_ in OBJECT_DEPS | {"prep", "ccomp", "xcomp"} and c.i < token.i
                    for c in verb.children)
    )  # fmt: skip


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS for c in verb.children)


def _split_name(a1: Arg, side1: list[Token], a2: Arg, side2: list[Token]) -> bool:
    """Two names next to each other, one modifying the other: a name the tagger split in two
    ("Social Democratic" + "Labour Party"), not two actors."""
    if len(side1) + len(side2) != 1:
        return False
    dep = (side1 or side2)[0].dep_
    first, second = sorted((a1.mention, a2.mention), key=lambda m: m.start)
    return (
        dep in ("compound", "nmod", "amod")
        and second.start - first.end <= 1
        and (first.label == second.label or "NORP" in (first.label, second.label))
    )


def _alias(a1: Arg, side1: list[Token], a2: Arg, side2: list[Token]) -> tuple[Arg, Arg] | None:
    """(apposition, head) when one organisation or person is the other's apposition: another
    name for it ("the Italian Radicals (RI)", "the Liberal Democratic Party (Partido Liberal
    Democrático)")."""
    deps = [t.dep_ for t in side1 + side2]
    if deps != ["appos"] or a1.mention.label != a2.mention.label:
        return None
    appos = (side1 + side2)[0]
    doc = appos.doc
    left, right = appos.left_edge.i, appos.right_edge.i
    if not (left > 0 and doc[left - 1].text == "(" and right + 1 < len(doc)
            and doc[right + 1].text == ")"):  # fmt: skip
        return None  # only a name in parentheses; "A, B, C" is a list, not another name
    if a1.mention.label not in ("ORG", "PERSON", "PER", "NORP"):
        return None  # places: "Leeds, England" is containment (see attributes)
    named = a2 if side1 else a1
    if not named.mention.start <= appos.head.i < named.mention.end or named.mention.end != left - 1:
        return None  # "the CDU (CDU) and the CSU", "behind Walker and Maginness (SDLP)": the
        # name in parentheses is another's
    return (a1, a2) if side1 else (a2, a1)


def _copula_noun(side: list[Token]) -> Token | None:
    """The predicate noun of a copula on the target's side ("member" in "is a member of Y")."""
    for t in side:
        if t.dep_ in ("attr", "oprd", "xcomp") and t.pos_ in ("NOUN", "PROPN"):
            return t
    return None
