"""Directed relations between actor mentions, read off the dependency parse of each sentence.

Rules, in order of the evidence they need:

* **verbs** — subject → verb → object, with passive agents ("was attacked by X" → X → Y),
  prepositional objects ("signed a contract with Safaricom", "met with"), coordination distributed
  over both sides, subjects inherited by infinitives, coordinated verbs and relative clauses, and
  object control ("urged Russia to withdraw" → Russia withdraws);
* **event nouns** — "a meeting between Lula and Modi", "Russia's invasion of Ukraine",
  "US sanctions against Russia";
* **speech** — "A said B attacked C" gives B → C with modality "reported"; a "statement"
  relation only links the speaker to an addressee ("Lula told Modi ...");
* **attributes** — titles, appositions, possessives and copulas (see :mod:`.attributes`);
* **co-occurrence** — every pair of distinct actors of a sentence, always, undirected.

The predicate is the verb lemma ("sign" for "signed a contract with"). When a support verb
(hold, reach, impose, launch, ...) or a verb outside the lexicon takes an event noun as object,
the event type comes from the noun and the predicate names both ("hold talks", "impose sanction").
For event nouns the predicate is the noun's lemma ("meeting").
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from actorgraph.clean import is_dateline
from actorgraph.gazetteer import role_sector
from actorgraph.records import MentionRef, Relation

from .attributes import CANDIDACY_VERBS, COPULAS, attribute_relations
from .enumerations import Enumeration, co_members, enumerations, members_of
from .lexicon import QUAD_CLASS, LexEntry, Lexicon, load_lexicon
from .mergers import MERGER_CONFIDENCE, grouping_relations, merger_relations
from .paths import HOST_VERBS, OPPOSING_PREPS, RECEIVE_VERBS, PathRule
from .results import RESULT_CONFIDENCE, result_relations
from .surface import SURFACE_CONFIDENCE, surface_relations
from .syntax import (
    DESCRIPTION_NOUNS,
    HYPHEN_PARTICIPLES,
    JOINT_PREPS,
    MODALITY_RANK,
    OBJ_DEPS,
    PASSIVE_SUBJ_DEPS,
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    SUBJ_DEPS,
    TARGET_PREPS,
    Arg,
    MentionIndex,
    actors_of,
    clause_span,
    conjoined_preps,
    conjuncts,
    controllers,
    gerund_governor,
    hyphen_participle,
    is_passive,
    modality,
    negated,
    phrasal_lemma,
    pobjs,
    spells_initials,
)

logger = logging.getLogger(__name__)

DateFor = Callable[[Span], "tuple[str | None, str | None]"]

COOCCURRENCE_CONFIDENCE = 0.3
# Event types that coordinated subjects do with each other ("X and Y signed a deal").
MUTUAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Verbs of judging (by event type) and the hostile events they judge: "France condemned the
# attack on Israel" judges the attacker, not Israel.
JUDGING_TYPES = frozenset({"DISAPPROVE", "REJECT", "PROTEST", "SUPPORT"})
# Verbs whose own preposition's event noun names the partner ("agreed to a ceasefire with
# Hamas"); "will meet reporters on the union's negotiations with AMC" is a topic.
COOPERATIVE_TYPES = frozenset({"AGREE"})
# Verbs that answer what they take ("denied the allegations by X", "accepted the offer by Y").
ANSWER_TYPES = JUDGING_TYPES | {"AGREE"}
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "CRIME"})
# Nouns of "for"/"over" phrases that say when or how long, not why ("over the weekend").
TIME_NOUNS = frozenset({"time", "times", "weekend", "day", "week", "month", "year", "night",
                        "hour", "period", "decade", "while", "moment", "morning", "evening",
                        "afternoon", "season", "summer", "winter", "spring", "autumn"})  # fmt: skip
# Confidences follow the rules' precision by eye (docs/precision.md): the own-country and
# named-place rules (about half to all right) rank above the short-path rule (paths.py).
OWN_COUNTRY_CONFIDENCE = 0.45
# Subjects whose "ruling" is a decision, not leadership.
JUDICIAL_NOUNS = frozenset({"judge", "court", "tribunal", "panel", "jury", "justice", "arbiter"})
# Event types of a "with" phrase's noun that back the subject ("with the support of X").
BACKING_TYPES = frozenset({"SUPPORT", "AID"})
# Verbs of wishing that ask their object to act: "X wants Y to leave" is X -DEMAND-> Y.
APPEAL_VERBS = frozenset({"want", "wish", "need"})
# Verbs of going somewhere or being there, whose "for" / "on" phrase is what the subject is
# there for: "flew to Washington for talks with Clinton", "arrived on a visit to India" (not
# "blamed China for talks with Iran", a reason).
PRESENCE_VERBS = frozenset({"travel", "fly", "go", "come", "arrive", "head", "leave", "depart",
                            "return", "land", "gather", "meet", "convene", "stay", "remain",
                            "be", "visit", "jet", "sail", "drive", "set", "prepare"})  # fmt: skip
PURPOSE_PREPS = frozenset({"for", "on"})
# Prepositions of being in an event, with the verbs of staying: "Acme is in talks with Nokia",
# "Russia remains at war with Ukraine".
STATE_PREPS = frozenset({"in", "at"})
STATE_VERBS = frozenset({"be", "remain", "stay", "become", "get", "engage", "enter", "arrive",
                         "join", "take", "participate"})
# Prepositions that set a clause in a cooperative event its subject takes part in, whatever the
# verb: "In a phone call with Biden, Zelensky asked for weapons", "During his visit to China,
# Macron praised ...", "After talks with Iran, Germany offered aid".
FRAME_PREPS = frozenset({"in", "during", "at", "after", "following"})
# Texts whose author says what a participle on them says: "a resolution condemning Russia".
DOCUMENT_NOUNS = frozenset({
    "resolution", "statement", "letter", "report", "declaration", "communique", "communiqué",
    "bill", "motion", "petition", "decree", "order", "ruling", "judgment", "judgement", "law",
    "amendment", "memo", "memorandum", "note", "tweet", "post", "editorial", "article",
    "op-ed", "speech", "message", "advertisement", "lawsuit", "complaint", "suit", "video",
})  # fmt: skip
# Verbs that issue such a text: "adopted a resolution", "issued a statement".
AUTHOR_VERBS = frozenset({
    "adopt", "pass", "approve", "issue", "release", "publish", "sign", "draft", "table",
    "propose", "introduce", "write", "send", "unveil", "file", "deliver", "post", "broadcast",
    "sponsor", "submit", "present", "give", "make", "put", "co-sponsor", "cosponsor", "back",
    "endorse", "tweet", "air", "bring",
})  # fmt: skip
# Things said, decided or written: attacking one is criticism ("attacked the proclamation").
SAID_NOUNS = frozenset({
    "decision", "proclamation", "declaration", "policy", "policies", "plan", "proposal",
    "remark", "comment", "statement", "speech", "move", "law", "bill", "legislation", "deal",
    "agreement", "recognition", "announcement", "report", "claim", "idea", "approach", "stance",
    "position", "handling", "record", "response", "measure", "ruling", "resolution", "strategy",
    "reform", "budget", "decree", "treaty", "accord", "vote", "rhetoric", "tweet", "post",
    "article", "editorial", "book", "film", "criticism", "accusation", "allegation", "view",
    "argument", "theory", "narrative", "account", "agenda", "verdict", "initiative",
    "programme", "program", "choice",
})  # fmt: skip
# Verbs of talking that a telephone makes a consultation: "spoke by phone", "talked over the
# phone", "spoke on a video call" (CAMEO 041, "discuss by telephone").
CALL_VERBS = frozenset({"speak", "talk", "chat", "confer", "converse"})
UNTYPED_CONFIDENCE = 0.6  # a verb's relation with no event type
CALL_PREDICATES = frozenset({"speak with", *(f"{v} by phone" for v in CALL_VERBS)})
PHONE_NOUNS = frozenset({"phone", "telephone", "call", "videoconference", "teleconference",
                         "video", "videolink", "hotline", "line", "link"})  # fmt: skip
# Verbs whose "against" says nothing hostile: contests, markets, protection, leaning.
#: Verbs of using a means of force and what the means says: force and arms are an assault,
#: crowd-control means coercion ("used tear gas against protesters").
FORCE_VERBS = frozenset({"use", "deploy", "employ", "fire", "launch", "unleash"})
FORCE_MEANS: dict[str, str] = {
    **dict.fromkeys(("force", "weapon", "weapons", "arms", "missile", "missiles", "rocket",
                     "rockets", "bomb", "bombs", "drone", "drones", "artillery", "ammunition",
                     "bullet", "bullets", "gunfire", "airstrike", "airstrikes"), "ASSAULT"),
    **dict.fromkeys(("gas", "teargas", "cannon", "cannons", "spray", "baton", "batons",
                     "truncheon", "truncheons"), "COERCE"),
}  # fmt: skip
AGAINST_NEUTRAL = frozenset({
    "play", "compete", "race", "win", "lose", "score", "draw", "tie", "bat", "bowl", "field",
    "start", "finish", "face", "rise", "fall", "gain", "drop", "climb", "slip", "weaken",
    "strengthen", "firm", "ease", "trade", "close", "edge", "end", "open", "rally", "slide",
    "protect", "insure", "hedge", "guard", "defend", "vaccinate", "inoculate", "immunize",
    "lean", "measure", "compare", "weigh", "balance", "offset", "set", "stand", "go", "come",
    "run", "be", "have", "do", "make", "get", "take", "pit", "match",
})  # fmt: skip
# Reported acts whose doer the speaker accuses ("said ISIL attacked Iraq"); a reported
# sanction, arrest or protest is as often the speaker's own news as a charge.
ACCUSABLE_TYPES = frozenset({"ASSAULT", "CRIME", "THREATEN"})
# Verbs of saying whose direct object is the one addressed ("told Macron that ...").
TELLING_VERBS = frozenset({"tell", "inform", "notify", "assure", "warn", "remind", "advise",
                           "brief", "ask", "update", "reassure", "urge", "thank", "congratulate",
                           "email", "call", "phone", "text", "message", "address"})  # fmt: skip
# Verbs of saying that pass news on rather than claim it ("state media reported that ...").
ATTRIBUTION_VERBS = frozenset({"report", "quote", "cite"})
SETTING_CONFIDENCE = 0.35
# A relation handed on to the other members of a list is a little less sure than the original.
ENUMERATION_DISCOUNT = 0.9
# Rules that read one actor against the sentence, not a member against the list's context.
LOCAL_RULES = frozenset({"own_country", "named_place", "setting", "defined_name"})
ALIAS_CONFIDENCE = 0.8


def _path_up(token: Token, stop: Token) -> list[Token]:
    """The tokens from ``token`` up to (not including) ``stop``, or to the root."""
    out: list[Token] = []
    while token.i != stop.i and token.head.i != token.i and len(out) < 40:
        out.append(token)
        token = token.head
    return out
SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
# Relations between parties (in the plural: "ties", "relations"), cut by stop verbs ("cut
# ties with Qatar": a SANCTION) and mended by these ("restored ties with Iran": COOPERATE).
BOND_NOUNS = frozenset({"tie", "relation", "contact"})
BOND_VERBS = frozenset({"restore", "establish", "re-establish", "reestablish", "normalize",
                        "normalise", "resume", "renew", "upgrade", "strengthen", "deepen"})
# Verbs whose object "fire" makes them shooting: "opened fire on" fires on (the "fire on" entry
# names the target), "exchanged / traded fire" is a fight with no direction (None).
FIRE_VERBS: dict[str, str | None] = {"open": "fire", "exchange": None, "trade": None}
FIRE_NOUNS = frozenset({"fire", "gunfire", "shot", "shots"})
# Verbs of launching a projectile: in the passive, the place it came "from" fired it.
LAUNCH_VERBS = frozenset({"fire", "launch", "shoot", "lob"})
# Prepositions a projectile is sent by: "rockets into Israel", "missiles at Kyiv".
AIM_PREPS = frozenset({"at", "into", "on", "toward", "towards", "across"})
# "X claimed responsibility for the attack": X did it.
CLAIM_VERBS = frozenset({"claim", "take", "accept", "admit", "assume", "acknowledge"})
RESPONSIBILITY_NOUNS = frozenset({"responsibility", "credit"})
# Dependencies of a noun phrase's head: a word there is a noun whatever its tag.
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"})
#: Prepositions that name a contest's opponent: "the match against Kent", "a bout with Cruz".
CONTEST_PREPS = frozenset({"against", "with", "versus", "vs", "vs.", "v", "v."})
# Prepositions that name the patient of an event noun ("invasion of Ukraine", "attack on Kyiv").
NOUN_TARGET_PREPS = frozenset({"with", "against", "on", "to", "of", "into", "toward", "towards",
                               "over", "for", "upon"})  # fmt: skip
# Verbs of being under an event: "Acme is / came / remains under investigation by the EU".
UNDER_VERBS = frozenset({"be", "come", "remain", "stay", "fall", "go", "find", "put", "place",
                         "keep", "hold", "bring"})


# A "sentence" with this many actors and no finite verb is a list or a table.
LIST_MIN_ACTORS = 5
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _is_list(sent: Span, index: MentionIndex) -> bool:
    """Whether a sentence is a list or table rather than a clause: several actors and no
    finite verb (tour dates, group tables, staff credits)."""
    if any(t.tag_ in FINITE_TAGS for t in sent):
        return False
    actors = {m.actor_id for m in index.in_span(sent) if m.label != "NORP"}
    return len(actors) >= LIST_MIN_ACTORS


def _bracketed_member(source: MentionRef, target: MentionRef, doc: Doc) -> bool:
    """A person listed in brackets after an organisation: "Derbyshire 471 ( J. Adams 123 )"."""
    if source.label not in ("PERSON", "PER") or target.label != "ORG" or target.end > source.start:
        return False
    between = [t.text for t in doc[target.end : source.start]]
    return "(" in between and ")" not in between[between.index("(") :]


def _first_conjunct(token: Token) -> Token:
    """The first of the words coordinated with ``token`` ("Fatah and [Hamas]" -> Fatah)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _object_of(token: Token, verb: Token) -> bool:
    """Whether ``token`` is (through coordination) the verb's direct object."""
    token = _first_conjunct(token)
    return token.dep_ in OBJ_DEPS and token.head.i == verb.i


def _prep_below(token: Token, verb: Token) -> str | None:
    """The first preposition on the way from ``verb`` down to ``token``, if the token lies
    below the verb at all ("led a coalition named C with A": "with" for A)."""
    found = None
    t = token
    while t.head.i != t.i and t.i != verb.i:
        if t.dep_ == "prep":
            found = t.lower_
        t = t.head
    return found if t.i == verb.i else None


def _prep_of(token: Token) -> str | None:
    """The preposition whose object ``token`` is (through coordination), if any."""
    token = _first_conjunct(token)
    return token.head.lower_ if token.dep_ == "pobj" else None


@dataclass(frozen=True)
class _Candidate:
    source: Arg
    target: Arg
    kind: str
    predicate: str | None
    event_type: str | None
    quad_class: str | None
    directed: bool
    negated: bool
    modality: str
    confidence: float
    clause: Token | None  # the predicate, whose subtree is passed to date_for
    rule: str = "verb"  # which rule found it: the ``rule`` column (see RULES)


class _Rules:
    """Relation rules for one sentence."""

    def __init__(self, sent: Span, index: MentionIndex, lexicon: Lexicon) -> None:
        self.sent = sent
        self.index = index
        self.lex = lexicon
        self.out: list[_Candidate] = []
        self.rule = "verb"  # the rule stage running, recorded on each candidate
        self.nouns_done: set[int] = set()
        # objects that are part of their verb's idiom ("joined forces with"): no target
        self.idiom_objects: set[int] = set()
        # actor pairs a "respectively" keeps apart: no later rule may link them
        self.unpaired: set[frozenset[str]] = set()
        # the ones a judged hostile event was done to, with its noun and entry
        self.victims: list[tuple[Arg, Token, LexEntry]] = []

    # --- arguments -------------------------------------------------------------------------
    def subjects(self, verb: Token, typed: bool, depth: int = 0) -> list[Arg]:
        """The actors doing what the verb says."""
        if is_passive(verb):
            found = [
                a
                for c in verb.children
                if c.dep_ == "agent"
                for p in pobjs(c)
                for a in actors_of(p, self.index, modifiers=typed)
            ]
            if not found and typed:
                # "was hit by Russian missiles": whose weapons they are
                found = [a for c in verb.children if c.dep_ == "agent" for p in pobjs(c)
                         for a in self._weapon_owner(p)]  # fmt: skip
            if not found and typed and verb.lemma_.lower() in LAUNCH_VERBS:
                # "a mortar bomb was fired at Israel from the Gaza Strip": with no "by" phrase,
                # where it came from is who fired it
                found = [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                         for p in pobjs(c) for a in actors_of(p, self.index, modifiers=False)
                         if a.mention.label in ("GPE", "LOC")]  # fmt: skip
        else:
            found = [
                a
                for c in verb.children
                if c.dep_ in SUBJ_DEPS
                for a in actors_of(c, self.index, modifiers=typed)
            ]
            if not found and typed:
                # "Ukrainian drones struck a refinery", "Russian missiles hit Kyiv": the weapons'
                # country does it
                found = [a for c in verb.children if c.dep_ in SUBJ_DEPS
                         for a in self._weapon_owner(c)]  # fmt: skip
            if (
                not found
                and verb.dep_ in ("ccomp", "parataxis")
                and any(c.dep_ in SUBJ_DEPS and c.lower_ in SPEAKER_PRONOUNS for c in verb.children)
                and self.lex.has_flag(verb.head.lemma_, "VERB", "speech")
            ):
                # "Safaricom said it would buy Nokia": the pronoun is most often the speaker
                return self.subjects(verb.head, typed, depth + 1)
            if any(c.dep_ in SUBJ_DEPS and c.lower_ not in RELATIVE_PRONOUNS
                   for c in verb.children):  # fmt: skip
                return found
        if found or depth > 3:
            return found
        head, rel = verb.head, verb.dep_
        if head.i == verb.i:
            return found
        own_subject = any(c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS for c in verb.children)
        if not own_subject and any(c.dep_ == "mark" and c.lower_ in ("that", "whether")
                                   for c in verb.children):  # fmt: skip
            return found  # "reports that under laboratory conditions sheep could contract
            # BSE", the subject lost in the parse: a "that" clause has one of its own
        if rel == "xcomp" and head.pos_ in ("VERB", "AUX", "ADJ"):
            # object control: "urged Russia to withdraw" — the object acts
            # (or the one called on: "called on Fox News to fire Griffin")
            objs = [a for c in controllers(head) for a in actors_of(c, self.index, modifiers=typed)]
            if not objs and is_passive(head):
                # raising: "Putin is expected to visit China", "was asked to mediate": the
                # passive subject does it
                objs = [a for c in head.children if c.dep_ in PASSIVE_SUBJ_DEPS
                        and c.lower_ not in RELATIVE_PRONOUNS
                        for a in actors_of(c, self.index, modifiers=typed)]  # fmt: skip
            return objs or self.subjects(head, typed, depth + 1)
        if rel == "advcl" and not own_subject and head.pos_ == "VERB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        ):
            # a purpose infinitive: the recipient of what was given acts ("give permission to
            # Russia to help Israel": Russia helps), else the giver ("sent troops to help")
            given = any(c.dep_ in ("dobj", "obj") for c in head.children)  # "came to Iraq" gives nothing
            recipients = [a for c in head.children if given
                          if c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to")
                          for p in ([c] if c.dep_ == "dative" and c.pos_ != "ADP" else pobjs(c))
                          for a in actors_of(p, self.index, modifiers=False)]  # fmt: skip
            if recipients:
                return recipients
        if rel == "conj" and not own_subject and head.pos_ in ("VERB", "AUX"):
            if is_passive(verb) != is_passive(head):
                # a shared subject across voices: in "X was elected in 2010 and met Y" X meets
                # Y; in "X attacked Y and was arrested" X is who was arrested, not the arrester
                # ("Donaldson, who was elected for the UUP but switched to the DUP": the
                # relative pronoun stands for the noun its clause hangs on)
                return [] if is_passive(verb) else [
                    a for c in head.children if c.dep_ in PASSIVE_SUBJ_DEPS
                    for a in actors_of(head.head if c.lower_ in RELATIVE_PRONOUNS
                                       and head.dep_ == "relcl" else c,
                                       self.index, modifiers=typed and c.lower_ not in RELATIVE_PRONOUNS)]  # fmt: skip
            return self.subjects(head, typed, depth + 1)
        if rel == "advcl" and not own_subject and head.pos_ in ("VERB", "AUX"):
            before = verb.doc[verb.i - 1] if verb.i > 0 else None
            if (verb.tag_ == "VBG" and before is not None and before.dep_ in ("pobj", "dobj")
                    and before.head.i in (head.i, *(c.i for c in head.children))):  # fmt: skip
                # "objected to Ukraine opening an inquiry": the noun right before the gerund
                # does it (the parser makes the gerund the verb's adverbial clause); a place
                # there is where the subject was ("landed on the South Lawn flying Trump")
                doers = [a for a in actors_of(before, self.index, modifiers=typed)
                         if a.mention.label not in ("FAC", "LOC")]  # fmt: skip
                if doers:
                    return doers
            return self.subjects(head, typed, depth + 1)
        if not own_subject and (gov := gerund_governor(verb)) is not None:
            # "criticised Russia for attacking Ukraine", "accused NATO of provoking Russia":
            # the object does the gerund; "Russia was accused of attacking" its passive
            # subject; "Germany apologised for attacking" the subject
            doers = [a for c in gov.children if c.dep_ in OBJ_DEPS
                     for a in actors_of(c, self.index, modifiers=typed)]  # fmt: skip
            if doers or any(c.dep_ in OBJ_DEPS for c in gov.children):
                return doers
            if is_passive(gov):
                return [a for c in gov.children if c.dep_ in PASSIVE_SUBJ_DEPS
                        for a in actors_of(c, self.index, modifiers=typed)]  # fmt: skip
            return self.subjects(gov, typed, depth + 1)
        if rel == "relcl" and not is_passive(verb):
            return actors_of(head, self.index, modifiers=False)
        if rel == "acl" and verb.tag_ == "VBG":
            found = actors_of(head, self.index, modifiers=False)
            own = self.lex.lookup(verb.lemma_, "VERB")
            if (not found and head.pos_ == "NOUN" and head.lemma_.lower() in DOCUMENT_NOUNS
                    and own is not None and own.event_type and "light" not in own.flags):
                # "the Security Council adopted a resolution condemning North Korea": what the
                # text says, its author says (only a typed act of its own: "a statement saying
                # an attack on X ..." or "addressing X's arrest" is no attack or arrest)
                return self._authors(head, typed, depth)
            return found
        if rel == "acl" and verb.tag_ == "VB" and head.pos_ == "NOUN":
            # "Finland's bid to join NATO": the plan's owner does it
            owners = [a for c in head.children if c.dep_ == "poss"
                      for a in actors_of(c, self.index, modifiers=False)]  # fmt: skip
            if owners or any(c.dep_ == "poss" for c in head.children):
                return owners
            # "Iraq voted on a resolution to expel US troops", "X announced plans to sanction
            # Y": the one who has the plan does it
            governor = head.head if head.dep_ in OBJ_DEPS else (
                head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else None)
            entry = self.lex.lookup(governor.lemma_, "VERB") if governor is not None else None
            against = entry is not None and (
                "negative" in entry.flags or entry.event_type in ("REJECT", "DISAPPROVE", "PROTEST"))
            if governor is not None and governor.pos_ == "VERB" and governor.i != verb.i and not against:
                # ("Russia rejected a plan to send troops" is no plan of Russia's)
                return self.subjects(governor, typed, depth + 1)
        return found

    def _named_in(self, prep: Token, typed: bool) -> list[Arg]:
        """The actors a preposition's objects name ("by [Washington]", "between [A] and [B]")."""
        return [a for p in pobjs(prep) for a in actors_of(p, self.index, modifiers=typed)]

    def _authors(self, noun: Token, typed: bool, depth: int) -> list[Arg]:
        """Who issued a text ("resolution", "statement", "letter"): its owner ("a UN
        resolution", "Russia's statement"), its "by"/"from" phrase, or the subject of the verb
        that issues it ("the Council adopted a resolution", "a resolution passed by the
        Assembly")."""
        found = [a for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                 for a in actors_of(c, self.index, modifiers=False)]  # fmt: skip
        found += [a for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                  for a in self._named_in(c, typed)]  # fmt: skip
        if found:
            return found
        governor = noun.head
        if (governor.pos_ == "VERB" and governor.lemma_.lower() in AUTHOR_VERBS
                and noun.dep_ in OBJ_DEPS | PASSIVE_SUBJ_DEPS):  # fmt: skip
            return self.subjects(governor, typed, depth + 1)
        return []

    def objects(self, verb: Token, typed: bool) -> tuple[list[Arg], list[Arg]]:
        """(targets, joint participants) of a verb: objects, passive subjects, prepositions."""
        targets: list[Arg] = []
        joint: list[Arg] = []
        self.victims = []
        passive = is_passive(verb)
        object_nouns: list[Token] = []
        verb_entry = self.lex.lookup(verb.lemma_, "VERB")
        contains = verb_entry is not None and "contains" in verb_entry.flags
        # the verb answers what its object says ("denied the allegations by Washington")
        answers = verb_entry is not None and verb_entry.event_type in ANSWER_TYPES
        for c in verb.children:
            if c.dep_ == "dative" and c.pos_ == "ADP":
                # "provide support to Israel": the parser marks the "to" phrase as the dative
                self._prep_args(c, typed, targets, joint)
            elif c.i in self.idiom_objects:
                object_nouns.append(c)  # "joined forces with Y": the partner is the noun's
            elif c.dep_ in OBJ_DEPS or (passive and c.dep_ in PASSIVE_SUBJ_DEPS):
                # the object of "condemned Russia's invasion of Ukraine" is the invader: the
                # "of" phrase of an event noun names its victim, not the verb's target
                event_noun = c.pos_ == "NOUN" and self.lex.lookup(c.lemma_, "NOUN") is not None
                # (what a verb of containing holds is the object itself: "owns the vape store
                # in Toowoomba" owns no town)
                found = actors_of(c, self.index, modifiers=typed, of_phrase=not event_noun,
                                  places=typed and not event_noun and not contains)
                targets.extend(found)
                if not found or self.index.at(c) is None:
                    # "signed a deal with Iran and an accord with Turkey": each object noun
                    # has its own partner
                    object_nouns += [n for n in conjuncts(c)[1:] if self._second_object(n, c)]
                    object_nouns.append(c)
            elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                if c.lower_ == "to" and verb.lemma_.lower() in HOST_VERBS and any(
                        g.dep_ in OBJ_DEPS and self.index.at(g) is not None for g in verb.children):
                    continue  # "welcomed Macron to the White House": where, not whom
                if c.lower_ in CONTEST_PREPS and self._contest_object(verb):
                    continue  # "will miss England's qualifier against Moldova": the contest's
                if c.lower_ == "for" and any(
                        g.dep_ == "dobj" and self.index.at(g) is not None for g in verb.children):
                    # "fined Rudolph for his role", "thanked Germany for its help": a reason;
                    # only a name itself there is a target ("swapped Griner for Bout")
                    targets.extend(Arg(m, 0.9, sub) for p in pobjs(c) for sub in conjuncts(p)
                                   if (m := self.index.at(sub)) is not None)  # fmt: skip
                    continue
                self._prep_args(c, typed, targets, joint)
            elif (c.dep_ == "conj" and not any(g.dep_ in SUBJ_DEPS for g in c.children)
                  and any(g.dep_ in OBJ_DEPS and self._second_object(c, g)
                          for g in verb.children)):  # fmt: skip
                # "signed a deal with Iran and an accord with Turkey": the parser hangs the
                # second object on the verb
                object_nouns.append(c)
        if (verb_entry is not None and verb_entry.event_type in ("ASSAULT", "COERCE") and not targets
                and any(c.dep_ == "dobj" and c.pos_ == "NOUN" and self.index.at(c) is None
                        for c in verb.children)):  # fmt: skip
            # "Ukrainian drones struck a refinery in Russia", the place hung on the verb: what
            # is struck there is the place's, as with "bombed targets in Syria"
            targets.extend(Arg(pm, 0.5, p) for c in verb.children
                           if c.dep_ == "prep" and c.lower_ in ("in", "inside")
                           for p in pobjs(c)
                           if (pm := self.index.at(p)) is not None and pm.label in ("GPE", "LOC"))
        for c in conjoined_preps(verb):
            if c.lower_ in TARGET_PREPS:
                self._prep_args(c, typed, targets, joint)  # "with Nokia and with Ericsson"
        if passive and verb.dep_ == "acl":
            # "the deal signed by Airbus": the noun is what is acted on
            targets.extend(actors_of(verb.head, self.index, modifiers=False))
        if (passive and verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not is_passive(verb.head)
                and not any(c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS for c in verb.children)):
            # "X attacked Y and was arrested by police": the shared subject is acted on
            targets.extend(a for c in verb.head.children if c.dep_ in SUBJ_DEPS
                           for a in actors_of(c, self.index, modifiers=False))  # fmt: skip
        if (passive and verb.dep_ == "advcl" and verb.tag_ == "VBN"
                and not any(c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS for c in verb.children)):
            # "Backed by Iran, Hamas attacked Israel": the participle is said of the subject
            targets.extend(a for c in verb.head.children if c.dep_ in SUBJ_DEPS
                           for a in actors_of(c, self.index, modifiers=False))  # fmt: skip
        if verb.dep_ == "relcl" and not any(c.dep_ in OBJ_DEPS and c.lower_ not in RELATIVE_PRONOUNS
                                            for c in verb.children):  # fmt: skip
            if any(c.dep_ in SUBJ_DEPS and c.lower_ not in RELATIVE_PRONOUNS
                   and c.lower_ not in PERSONAL_PRONOUNS for c in verb.children):  # fmt: skip
                # "the company that Airbus bought", "the party, which Merkel led"
                targets.extend(actors_of(verb.head, self.index, modifiers=False))
            elif passive and any(c.dep_ in PASSIVE_SUBJ_DEPS and c.lower_ in RELATIVE_PRONOUNS
                                 for c in verb.children):  # fmt: skip
                # "the party, which was led by Merkel"
                targets.extend(actors_of(verb.head, self.index, modifiers=False))
        # "signed a contract with Safaricom", "signed a contract to develop a network with Safaricom"
        claimed = self._claimed_event(verb)
        if claimed is not None:
            object_nouns.append(claimed[0])  # "responsibility for the attack on the mall"
            for c in claimed[0].children:
                if c.dep_ == "prep" and c.lower_ == "of":  # "for the murder of X"
                    for p in pobjs(c):
                        targets.extend(actors_of(p, self.index, modifiers=typed))
                if c.dep_ == "acl" and c.tag_ == "VBG":  # "an attack targeting police"
                    for g in c.children:
                        if g.dep_ in OBJ_DEPS:
                            targets.extend(actors_of(g, self.index, modifiers=typed))
        judging = verb_entry is not None and verb_entry.event_type in JUDGING_TYPES
        if verb_entry is not None and verb_entry.event_type in COOPERATIVE_TYPES:
            # "Israel agreed to a ceasefire with Hamas", "agreed on a deal with Iran": the
            # event noun of the verb's own preposition names the partner
            object_nouns += [p for c in verb.children
                             if c.dep_ == "prep" and c.lower_ in ("to", "on", "upon")
                             for p in pobjs(c) if p.pos_ == "NOUN" and self.index.at(p) is None
                             and p not in object_nouns
                             and (e := self.event_noun(p)) is not None and e.event_type]  # fmt: skip
        if not passive and answers:
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "by" and any(
                        n.dep_ == "dobj" and n.right_edge.i == c.i - 1 and self.index.at(n) is None
                        and (n.lemma_.lower() in SAID_NOUNS or self.event_noun(n) is not None)
                        for n in verb.children):  # fmt: skip
                    # "rejected the proposal by France", parsed with "by" on the verb: the
                    # proposal's maker is answered
                    targets.extend(self._named_in(c, typed))
        for noun in object_nouns:
            if (entry := self.event_noun(noun)) is not None and "contest" in entry.flags:
                continue  # "will miss the qualifier against Moldova": the contest's own sides
            if judging and entry is not None and entry.event_type in HOSTILE_TYPES:
                # "condemned the attack on Israel by Hamas": what is judged is the attacker;
                # the one attacked is no target of the condemnation
                for c in noun.children:
                    if c.dep_ == "prep" and c.lower_ == "by":
                        targets.extend(self._named_in(c, typed))
                    elif c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS:
                        for p in pobjs(c):
                            self.victims.extend((a, noun, entry) for a in actors_of(p, self.index))
                continue
            if noun.lemma_.lower() in RESPONSIBILITY_NOUNS:
                continue  # its "for" phrase is the event claimed, not a beneficiary
            # "Turkey mediated a grain deal between Russia and Ukraine": the parties of an event
            # noun are what a verb of its own type (not a support verb) is done to; their deal
            # with each other is the noun's (see noun)
            third_party = (entry is not None and entry.event_type is not None
                           and verb_entry is not None and verb_entry.event_type is not None
                           and not verb_entry.flags & {"light", "symmetric"})  # fmt: skip
            responding = answers and (entry is not None or noun.lemma_.lower() in SAID_NOUNS)
            for c in noun.children:
                if (c.dep_ == "prep" and c.lower_ == "by" and responding) or (
                        c.dep_ == "prep" and c.lower_ in JOINT_PREPS and third_party):
                    # "Beijing denied the allegations by Washington": the one who made it is
                    # answered; "mediated a deal between A and B": the parties
                    targets.extend(self._named_in(c, typed))
                elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                    self._prep_args(c, typed, targets, joint)
                elif c.dep_ in ("acl", "relcl") and not any(
                    g.dep_ in SUBJ_DEPS for g in c.children
                ):
                    for g in c.children:
                        if g.dep_ == "prep" and g.lower_ in ("with",):
                            self._prep_args(g, typed, targets, joint)
                        elif g.dep_ in OBJ_DEPS:
                            for gg in g.children:
                                if gg.dep_ == "prep" and gg.lower_ == "with":
                                    self._prep_args(gg, typed, targets, joint)
        return targets, joint

    def _prep_args(self, prep: Token, typed: bool, targets: list[Arg], joint: list[Arg],
                   depth: int = 0) -> None:
        into = joint if prep.lower_ in JOINT_PREPS else targets
        for p in pobjs(prep):
            if prep.lower_ == "with" and self._backers(p):
                continue  # "won with the support of X": X is no target (see :meth:`backing`)
            into.extend(actors_of(p, self.index, modifiers=typed))
            if depth:
                continue
            for n in conjuncts(p)[1:]:
                # "a land border with Thailand and maritime borders with Singapore": the parser
                # coordinates the second object noun with the first one's partner
                if self._second_object(n, prep.head):
                    for c in n.children:
                        if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                            self._prep_args(c, typed, targets, joint, depth + 1)

    def _backers(self, noun: Token) -> list[Arg]:
        """The actors behind an event noun of a "with" phrase: "with the support of X", "with
        X's backing", "with the help of X"."""
        if noun.pos_ != "NOUN" or self.index.at(noun) is not None:
            return []
        entry = self.event_noun(noun)
        if entry is None or entry.event_type not in BACKING_TYPES:
            return []  # "helped with Mueller's investigation" is no backing by Mueller
        out: list[Arg] = []
        for c in noun.children:
            if c.dep_ == "poss":
                out.extend(actors_of(c, self.index, modifiers=False))
            elif c.dep_ == "prep" and c.lower_ in ("of", "from"):
                for p in pobjs(c):
                    out.extend(actors_of(p, self.index, modifiers=False))
        return out

    def backing(self, verb: Token) -> None:
        """ "X won with the support of Y", "X advanced with Y's help": Y does the event noun's
        event to X (Y -SUPPORT-> X)."""
        # the parser often hangs the phrase off the object ("regained [Aleppo with ...]")
        preps = [c for c in verb.children if c.dep_ == "prep"]
        preps += [g for c in verb.children if c.dep_ in OBJ_DEPS for g in c.children
                  if g.dep_ == "prep"]  # fmt: skip
        for c in preps:
            if c.lower_ != "with":
                continue
            for noun in pobjs(c):
                backers = self._backers(noun)
                if not backers:
                    continue
                subjects = self.subjects(verb, True)
                entry = self.event_noun(noun)
                assert entry is not None
                self.nouns_done.add(noun.i)
                neg, mod = negated(verb, self.lex), modality(verb, self.lex)
                pred = f"{verb.lemma_.lower()} with {noun.lemma_.lower()}"
                for b in backers:
                    for s in subjects:
                        self._add(b, s, "action", pred, entry.event_type, entry.quad_class,
                                  "symmetric" not in entry.flags, neg, mod, 0.75, verb)  # fmt: skip

    # --- verbs -------------------------------------------------------------------------------
    def verb(self, verb: Token) -> None:
        lemma = verb.lemma_.lower()
        if lemma in COPULAS and not self.lex.lookup(lemma, "VERB") and not any(
                c.dep_ == "prep" and self.lex.lookup(f"{lemma} {c.lower_}", "VERB")
                for c in verb.children):  # fmt: skip
            return  # a copula, unless its preposition makes it a verb ("served on the board")
        # a phrasal verb ("carry out"), an idiom of verb and object ("join forces"), the verb
        idiom = None
        for c in verb.children:
            if c.dep_ in OBJ_DEPS and c.pos_ == "NOUN" and idiom is None:
                idiom = self.lex.lookup(f"{lemma} {c.lower_}", "VERB")
                if idiom is not None:
                    self.idiom_objects.add(c.i)
        phrasal = phrasal_lemma(verb)
        entry = ((self.lex.lookup(phrasal, "VERB") if phrasal != lemma else None) or idiom
                 or self.lex.lookup(lemma, "VERB"))  # fmt: skip
        if entry is not None and entry.lemma != lemma:
            lemma = entry.lemma
        predicate = lemma
        event_type = entry.event_type if entry else None
        quad = entry.quad_class if entry else None
        symmetric = bool(entry and "symmetric" in entry.flags)
        claimed_before = set(self.nouns_done)
        typing_nouns: set[int] = set()  # event nouns of the verb's "in"/"under" phrases
        speech = bool(entry and "speech" in entry.flags)
        light = bool(entry and "light" in entry.flags)
        stop = bool(entry and "stop" in entry.flags)
        # an event noun object decides for support verbs and verbs outside the lexicon
        passive = is_passive(verb)
        for c in verb.children:
            if not (c.dep_ in OBJ_DEPS or (passive and c.dep_ in PASSIVE_SUBJ_DEPS)):
                continue
            noun = self.event_noun(c) if c.pos_ == "NOUN" else None
            pattern = self.lex.pattern(lemma, c.lemma_)
            bond = c.pos_ == "NOUN" and c.tag_ == "NNS" and c.lemma_.lower() in BOND_NOUNS
            if bond and event_type is None and lemma in BOND_VERBS:
                # "Saudi Arabia restored ties with Iran": relations mended (CAMEO "normalize")
                event_type, quad = "COOPERATE", QUAD_CLASS["COOPERATE"]
                predicate = f"{lemma} {c.lemma_.lower()}"
            elif stop and (bond or (noun is not None and noun.event_type)):
                # "cut aid to Kyiv", "severed ties with Qatar" reduce relations; "halted attacks
                # on Kyiv" yields
                cooperative = bond or QUAD_CLASS[noun.event_type].endswith("cooperation")
                event_type = "SANCTION" if cooperative else "CONCEDE"
                quad = QUAD_CLASS[event_type]
                predicate = f"{lemma} {c.lemma_.lower()}"
                symmetric = False
                self.nouns_done.add(c.i)
            elif pattern is not None and pattern.event_type:
                event_type, quad = pattern.event_type, pattern.quad_class
            elif (noun is not None and noun.event_type in ("ASSAULT", "COERCE", "SANCTION")
                  and entry is not None and entry.event_type == "AGREE"
                  and "future" in entry.flags):  # fmt: skip
                # "Iran vowed revenge against Israel", "promised retaliation": a threat
                event_type, quad = "THREATEN", QUAD_CLASS["THREATEN"]
                predicate = f"{lemma} {c.lemma_.lower()}"
                self.nouns_done.add(c.i)
            elif noun is not None and noun.event_type and (event_type is None or light):
                event_type, quad = noun.event_type, noun.quad_class
                predicate = f"{lemma} {c.lemma_.lower()}"
                symmetric = "symmetric" in noun.flags
                self.nouns_done.add(c.i)
            elif noun is not None and noun.event_type and event_type == noun.event_type:
                self.nouns_done.add(c.i)  # "signed a contract": one event, not two
        claimed = self._claimed_event(verb)
        if claimed is not None:
            # "al-Shabab claimed responsibility for the attack": the claimer did it
            noun, noun_entry = claimed
            event_type, quad = noun_entry.event_type, noun_entry.quad_class
            predicate = f"{lemma} responsibility for {noun.lemma_.lower()}"
            symmetric = speech = light = False
            self.nouns_done.add(noun.i)
        topical = False  # a mutual verb directed at what is talked about
        if symmetric and entry is not None and "topic" in entry.flags and not passive and any(
                c.dep_ in OBJ_DEPS and self.index.at(c) is not None for c in verb.children):
            symmetric = False  # "Obama discussed Iran": Iran is the subject, not a partner
            topical = True
        prep_lemma = lemma
        fire = next((c for c in verb.children if c.dep_ in OBJ_DEPS
                     and c.lemma_.lower() in FIRE_NOUNS), None)  # fmt: skip
        if fire is not None and event_type is None and lemma in FIRE_VERBS:
            # "opened fire on protesters" is firing on them; "India and Pakistan exchanged fire"
            # fight each other
            prep_lemma, predicate = FIRE_VERBS[lemma], f"{lemma} {fire.lower_}"
            if prep_lemma is None:
                event_type, quad, symmetric = "ASSAULT", QUAD_CLASS["ASSAULT"], True
        prep_targets: list[Token] = []
        for c in [*verb.children, *conjoined_preps(verb)]:
            if c.dep_ != "prep" and not (c.dep_ == "conj" and c.pos_ == "ADP"):
                continue
            with_prep = self.lex.lookup(f"{prep_lemma} {c.lower_}", "VERB")
            if with_prep is not None and with_prep.event_type:
                # "fired at Russia": the entry names the preposition that marks the target
                event_type, quad = with_prep.event_type, with_prep.quad_class
                predicate = with_prep.lemma if prep_lemma == lemma else f"{predicate} {c.lower_}"
                symmetric = "symmetric" in with_prep.flags  # "spoke with Xi": each other
                prep_targets.append(c)
            elif (with_prep is not None and event_type is None
                  and (entry is None or entry.event_type is None)
                  and {"role", "leadership"} & set(with_prep.flags)):  # fmt: skip
                # "defected to the Greens", "serves on Acme's board": a position held
                entry, predicate = with_prep, with_prep.lemma
                prep_targets.append(c)
            elif (pattern := self.lex.pattern(lemma, c.lower_)) is not None:
                if pattern.event_type and event_type is None:
                    event_type, quad = pattern.event_type, pattern.quad_class
        if event_type is None and lemma in CALL_VERBS and any(
            c.dep_ in ("prep", "agent") and c.lower_ in ("by", "on", "over")
            and any(p.lemma_.lower() in PHONE_NOUNS for p in pobjs(c))
            for c in verb.children
        ):  # fmt: skip
            # "Putin and Xi spoke by phone": a call between them, as CAMEO's 041
            event_type, quad = "CONSULT", QUAD_CLASS["CONSULT"]
            predicate, symmetric = f"{lemma} by phone", True
        if event_type is None and (entry is None or light):
            # "engaged Filipino peacekeepers in a firefight", "drew Russia into talks", "put
            # Acme under pressure": the event noun of an "in"/"into"/"under" phrase types a verb
            # outside the lexicon
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "into", "under"):
                    for p in pobjs(c):
                        noun = self.event_noun(p) if p.pos_ == "NOUN" else None
                        if (noun is not None and noun.event_type and event_type is None
                                and (c.lower_ != "under" or "conflict" in (noun.quad_class or ""))):
                            # ("operating X under an agreement with Y" is no agreement with X)
                            event_type, quad = noun.event_type, noun.quad_class
                            predicate = f"{lemma} {c.lower_} {p.lemma_.lower()}"
                            self.nouns_done.add(p.i)
                            typing_nouns.add(p.i)
        aim = None
        if event_type is None and lemma in FORCE_VERBS:
            # ("launched rockets into Israel", "fired missiles at Kyiv": aimed at it)
            aim = "against" if self._against(verb) else (
                self._aimed(verb) if lemma in LAUNCH_VERBS else None)
        if aim is not None:
            # "the police used tear gas against protesters", "fired missiles against Israel":
            # what is used says the event
            used = [o for c in verb.children if c.dep_ in OBJ_DEPS for o in conjuncts(c)]
            for thing in used:
                means = FORCE_MEANS.get(thing.lemma_.lower()) or FORCE_MEANS.get(thing.lower_)
                if means is not None and event_type is None:
                    event_type, quad = means, QUAD_CLASS[means]
                    predicate = f"{lemma} {thing.lower_} {aim}"
        if (event_type is None and (entry is None or light) and lemma not in AGAINST_NEUTRAL
                and self._against(verb)):  # fmt: skip
            # "the US presented evidence against Russia", "filed papers against Acme": a
            # case made against someone
            event_type, quad = "DISAPPROVE", QUAD_CLASS["DISAPPROVE"]
        if event_type == "ASSAULT" and (self._for_a_reason(verb) or self._said_object(verb)):
            # "Biden attacked Obama for the tweet", "slammed Beijing over its policy",
            # "attacked the proclamation of the Golan Heights as Israeli": words
            event_type, quad = "DISAPPROVE", QUAD_CLASS["DISAPPROVE"]
        if entry is not None and "undergo" in entry.flags and self.undergo(verb, predicate):
            return
        if event_type is None and (entry is None or light) and any(
                c.dep_ == "prep" and c.lower_ in JOINT_PREPS for c in verb.children):  # fmt: skip
            # "coalition talks began between A, B and C": the parser hangs the event noun's
            # "between" phrase on the verb it is the subject of
            for c in verb.children:
                noun = self.event_noun(c) if c.dep_ in SUBJ_DEPS and c.pos_ == "NOUN" else None
                if noun is not None and noun.event_type and event_type is None:
                    event_type, quad = noun.event_type, noun.quad_class
                    predicate = f"{c.lemma_.lower()} {predicate}"
                    symmetric = "symmetric" in noun.flags
                    self.nouns_done.add(c.i)
        if light and event_type is None and not prep_targets:
            return  # "has facilities in ...", "made the list": a support verb with no event
        kind = "action"
        if entry is not None and entry.event_type is None:
            kind = next((k for k in ("leadership", "role") if k in entry.flags), kind)
            if "contains" in entry.flags or "part" in entry.flags:
                owners = [a for c in verb.children if c.dep_ == "agent" for p in pobjs(c)
                          for a in actors_of(p, self.index, modifiers=False)]  # fmt: skip
                if "contains" in entry.flags and not passive and owners:
                    # "Mazda, owned 24 pct by Ford", parsed as a past tense with an agent: the
                    # subject is what is owned
                    neg, mod = negated(verb, self.lex), modality(verb, self.lex)
                    for owned in (a for c in verb.children if c.dep_ in SUBJ_DEPS
                                  for a in actors_of(c, self.index, modifiers=False)):
                        for owner in owners:
                            self._add(owned, owner, "affiliation", lemma, None, None, True, neg,
                                      mod, 0.7, verb)  # fmt: skip
                    return
                if passive and not ("contains" in entry.flags and owners):
                    return  # "the coalition is composed of X": see the path rule ("YouTube,
                    # owned by Google" has its owner in the "by" phrase, read below)
                kind = "affiliation"
        if kind == "leadership" and any(c.dep_ == "ccomp" or (
                c.dep_ in SUBJ_DEPS and c.lemma_.lower() in JUDICIAL_NOUNS)
                for c in verb.children):  # fmt: skip
            kind = "action"  # "a judge ruled (that) the practice is unconstitutional": a decision
        if kind == "role" and any(c.dep_ == "prep" and c.lower_ == "in" and any(
                g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
                for c in verb.children):  # fmt: skip
            kind = "action"  # "Russia joined China in condemning the strike": no membership
        if kind == "leadership" and not passive and not any(
                c.dep_ in OBJ_DEPS or (c.dep_ == "prep" and c.lower_ == "over")
                for c in verb.children):  # fmt: skip
            kind = "action"  # "Sarkozy heads to Beijing": a journey; one leads what one rules
        typed = event_type is not None or kind != "action"
        subjects = self.subjects(verb, typed)
        if not subjects:
            self._joint_only(verb, predicate, event_type, quad, kind)
            # "It constituted a pact between A, B and C": a verb with no actor to do it leaves
            # its event noun to say who is party to it
            self.nouns_done &= claimed_before
            return
        targets, joint = self.objects(verb, typed)
        if self.victims:
            neg_v, mod_v = negated(verb, self.lex), modality(verb, self.lex)
        for victim, noun, noun_entry in self.victims:
            for s in subjects:
                if event_type == "SUPPORT":
                    # "Soleimani approved the attacks on the US Embassy": a party to them
                    self._add(s, victim, "action", f"{lemma} {noun.lemma_.lower()}",
                              noun_entry.event_type, noun_entry.quad_class, True, neg_v, mod_v,
                              0.6, verb)  # fmt: skip
                else:
                    # "France condemned the attack on Israel": nothing between France and Israel
                    self.unpaired.add(frozenset((s.mention.actor_id or "",
                                                 victim.mention.actor_id or "")))  # fmt: skip
        for c in prep_targets:
            if c.lower_ not in TARGET_PREPS:
                self._prep_args(c, typed, targets, joint)
        if not targets and not joint:
            # "Acme engaged in talks with Nokia", "came under pressure from X": the event noun
            # names the other side itself (see noun)
            self.nouns_done -= typing_nouns
        if (any(c.lower_ in ("from", "of") for c in prep_targets) and event_type != "ASSAULT") or (
                event_type == "RETREAT" and any(c.dep_ == "prep" and c.lower_ in ("from", "of", "out")
                                                for c in verb.children)):  # fmt: skip
            # "Trump withdrew the US from the treaty", "pulled the US out of the accord": what
            # is withdrawn is no target (what is captured from someone is: "recaptured Kherson
            # from Russia")
            moved = [t for t in targets if _object_of(t.token, verb)]
            targets = [t for t in targets if t not in moved]
            self.unpaired |= {frozenset((s.mention.actor_id or "", t.mention.actor_id or ""))
                              for s in subjects for t in moved}  # fmt: skip
        if kind == "leadership":
            # "PML-F led a coalition named GDA with A and B": A and B are partners, not led
            targets = [t for t in targets
                       if _prep_below(t.token, verb) in {None, "over"} | OPPOSING_PREPS]
        if symmetric and quad is not None and quad.endswith("cooperation"):
            # "Russia and China teamed up against the US": the US is no partner
            targets = [t for t in targets if _prep_of(t.token) not in OPPOSING_PREPS]
        if speech and not typed:
            self._statement(verb, lemma, subjects, targets)
            return
        if speech and event_type == "DISAPPROVE":
            # "Rwanda alleged that France was aware of the plans": the accused is the doer
            targets = targets + [a for c in verb.children if c.dep_ == "ccomp"
                                 for g in c.children if g.dep_ == "nsubj"
                                 for a in actors_of(g, self.index, modifiers=True)]  # fmt: skip
        neg = negated(verb, self.lex)
        mod = modality(verb, self.lex)
        if entry is not None and entry.event_type is None and predicate != lemma:
            # the object's event planned or sought: "is considering sanctions against China",
            # "sought talks with Iran" ("agreed a deal" is agreed)
            planned = ("hypothetical" if "hypothetical" in entry.flags else "future"
                       if "future" in entry.flags and lemma not in ("agree", "decide", "arrange")
                       else None)  # fmt: skip
            if planned is not None and MODALITY_RANK[planned] > MODALITY_RANK[mod]:
                mod = planned
        if lemma in APPEAL_VERBS:
            self._appeal(verb, subjects, neg, mod)
        base = 0.85 if typed else UNTYPED_CONFIDENCE
        inverse = bool(entry and "contains" in entry.flags)
        if inverse and verb.dep_ == "advcl" and verb.tag_ == "VBG":
            return  # ", comprising A and B" / ", including A": said of the nearest noun, unknown
        pairs = [(subj, obj) for subj in subjects for obj in targets]
        if len(subjects) == len(targets) >= 2 and any(
                t.lower_ == "respectively" for t in verb.subtree):  # fmt: skip
            # "Trump and Biden held town halls on NBC and ABC, respectively": in order
            pairs = list(zip(sorted(subjects, key=lambda a: a.token.i),
                             sorted(targets, key=lambda a: a.token.i), strict=True))
            self.unpaired |= {frozenset((a.mention.actor_id or "", b.mention.actor_id or ""))
                              for a in subjects for b in targets if (a, b) not in pairs}  # fmt: skip
        for subj, obj in pairs:
            # "the coalition includes Fatah": Fatah belongs to the coalition
            s, t = (obj, subj) if inverse else (subj, obj)
            pair_kind = kind
            if kind in ("leadership", "role") and t.mention.label in ("PERSON", "PER"):
                pair_kind = "action"  # "Biden led Obama in the polls": no one heads a person
            if kind == "role" and t.mention.label in ("LOC", "FAC"):
                # "a coalition to patrol the Gulf, which was joined by X": no one joins a sea,
                # and the path rule is not to guess either
                self.unpaired.add(frozenset((s.mention.actor_id or "", t.mention.actor_id or "")))
                continue
            self._add(s, t, pair_kind, predicate, event_type, quad, not symmetric, neg, mod,
                      base, verb)  # fmt: skip
        if kind != "action":
            return  # "X and Y lead the party" says nothing about X and Y together
        # "X and Y met", "X and Y signed a deal": joint subjects do it with each other only
        # when the event is mutual; "X and Y backed the plan" links neither to the other
        # ("X and Y visited the hospital" is no visit to each other; "agreed to resume
        # visits" are mutual)
        one_way = (entry is not None and entry.event_type == "CONSULT" and predicate == lemma
                   and not symmetric)  # fmt: skip
        mutual = symmetric or (event_type in MUTUAL_TYPES and not one_way)
        if event_type == "AGREE" and not joint and any(
                c.dep_ == "ccomp" and any(g.dep_ in SUBJ_DEPS for g in c.children)
                for c in verb.children):  # fmt: skip
            # "A, B and C all agreed that vaccines do more good than harm": one opinion held
            # by each, not an agreement between them
            mutual = False
        # ("Obama and Netanyahu discussed Iran": the two discussed it with each other)
        participants = joint if joint else (
            subjects if (mutual and not targets) or topical else [])
        if joint and participants is joint and not symmetric and (
                head_event := self._head_event(verb)) is not None:  # fmt: skip
            # "deals the administration brokered between Israel and the UAE": the parties'
            # deal (the broker's part is its own, above)
            event_type, quad = head_event.event_type, head_event.quad_class
            predicate = f"{predicate} {verb.head.lemma_.lower()}"
        if len({a.mention.actor_id for a in participants}) >= 2:
            # "X and Y met", "signed by Airbus and Safaricom", "mediated talks between X and Y"
            for i, a in enumerate(participants):
                for b in participants[i + 1 :]:
                    if participants is subjects and not self._coordinated(a, b):
                        continue  # not coordinated: "[Huawei]'s [Russian] partner [MTS] signed"
                    self._add(a, b, kind, predicate, event_type, quad, False, neg, mod,
                              base * 0.9, verb)  # fmt: skip

    def _joint_only(self, verb: Token, predicate: str, event_type: str | None,
                    quad: str | None, kind: str) -> None:  # fmt: skip
        """A verb whose doer names no actor still links the actors of its "between" phrase:
        "deals the administration brokered between Israel and the UAE", "talks were held
        between Armenia and Azerbaijan". A relative clause on an event noun takes the noun's
        type ("deals ... brokered" is AGREE)."""
        if kind != "action":
            return
        joint: list[Arg] = []
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in JOINT_PREPS:
                for p in pobjs(c):
                    joint.extend(actors_of(p, self.index, modifiers=True))
        if len({a.mention.actor_id for a in joint}) < 2:
            return
        entry = self.lex.lookup(verb.lemma_, "VERB")
        if (event_type is None or not (entry and "symmetric" in entry.flags)) and (
                noun := self._head_event(verb)) is not None:  # fmt: skip
            # "the deal brokered between Israel and the UAE" is their deal
            event_type, quad = noun.event_type, noun.quad_class
            predicate = f"{predicate} {verb.head.lemma_.lower()}"
        if event_type is None:
            return  # "X was elected between A and B" says nothing typed about A and B
        neg, mod = negated(verb, self.lex), modality(verb, self.lex)
        for i, a in enumerate(joint):
            for b in joint[i + 1 :]:
                self._add(a, b, "action", predicate, event_type, quad, False, neg, mod, 0.7, verb)

    def _coordinated(self, a: Arg, b: Arg) -> bool:
        """Whether two actors are coordinated: where their ways up through conjuncts and
        modifiers meet, one of them comes in as a conjunct ("[Xi] and [Putin] met", "[Chinese]
        and [Russian] leaders", "[Peladeau] and [Maxwell]'s companies", "the [Council], the
        [Treasury] and [State] departments"), or one word names both ("they"). Two modifiers
        of one noun are not ("[Huawei]'s [Russian] partner"), nor two subjects the parser hung
        side by side ("... partner [MTS] signed")."""
        if a.token.i == b.token.i:
            return True
        up_a, up_b = self._way_up(a.token), self._way_up(b.token)
        entered_b = dict(up_b)
        for node, edge in up_a:
            if node in entered_b:
                return "conj" in (edge, entered_b[node])
        return False

    def _way_up(self, token: Token) -> list[tuple[int, str | None]]:
        """(node, the dependency it was reached by) from an actor's token up through
        conjuncts, appositions and modifiers; a node inside a name counts as the name ("Barack [Obama] and
        Vladimir Putin": the parser hangs the chain inside the name)."""

        def where(tok: Token) -> int:
            mention = self.index.at(tok)
            return mention.start if mention is not None else tok.i

        out: list[tuple[int, str | None]] = [(where(token), None)]
        t = token
        for _ in range(20):
            if t.head.i == t.i or t.dep_ not in ("conj", "appos", "poss", "compound", "amod", "nmod"):
                break
            edge = t.dep_
            if edge == "appos" and any(c.dep_ == "conj" for c in t.children):
                edge = "conj"  # a list read as appositions: "The US, [Russia], and Switzerland"
            t = t.head
            node = where(t)
            if node == out[-1][0]:
                continue  # within one name
            out.append((node, edge))
        return out

    def _head_event(self, verb: Token) -> LexEntry | None:
        """The typed event noun a relative clause or participle hangs on ("deals ...
        brokered", "the talks held in Doha"), if any."""
        if verb.dep_ not in ("relcl", "acl") or verb.head.pos_ != "NOUN":
            return None
        noun = self.event_noun(verb.head)
        return noun if noun is not None and noun.event_type else None

    def _appeal(self, verb: Token, subjects: list[Arg], neg: bool, mod: str) -> None:
        """ "Obama wants Erdogan to attack Syria": the subject asks the object to act
        (DEMAND), besides what the object is to do."""
        clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
        if not clauses:
            return
        # the one asked: the object ("wants [Erdogan] to attack"), or the subject the parser gives
        # the infinitive clause ("wants [Erdogan to attack]")
        asked = [c for c in verb.children if c.dep_ in OBJ_DEPS]
        asked += [g for c in clauses if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                  for g in c.children if g.dep_ in SUBJ_DEPS]  # fmt: skip
        for c in asked:
            for t in actors_of(c, self.index, modifiers=True):
                for s in subjects:
                    self._add(s, t, "action", verb.lemma_.lower(), "DEMAND",
                              QUAD_CLASS["DEMAND"], True, neg, mod, 0.75, verb)  # fmt: skip

    def _second_object(self, noun: Token, first: Token) -> bool:
        """Whether ``noun``, coordinated near the object noun ``first``, is a second object
        with partners of its own: an event noun ("a deal with Iran and an accord with Turkey")
        or the same noun again ("a land border with A and maritime borders with B"), not any
        noun ("his background, his thoughts on the party")."""
        if noun.pos_ != "NOUN" or self.index.at(noun) is not None:
            return False
        return noun.lemma_.lower() == first.lemma_.lower() or self.event_noun(noun) is not None

    def _claimed_event(self, verb: Token) -> tuple[Token, LexEntry] | None:
        """The event noun of "claimed / took / accepted / admitted responsibility for the
        attack" (a typed one), else None."""
        if verb.lemma_.lower() not in CLAIM_VERBS:
            return None
        for c in verb.children:
            if c.dep_ in OBJ_DEPS and c.lemma_.lower() in RESPONSIBILITY_NOUNS:
                for g in c.children:
                    if g.dep_ == "prep" and g.lower_ == "for":
                        for p in pobjs(g):
                            entry = self.event_noun(p) if p.pos_ == "NOUN" else None
                            if entry is not None and entry.event_type:
                                return p, entry
        return None

    def _contest_object(self, verb: Token) -> bool:
        """Whether the verb's object is a contest noun ("miss the qualifier", "won the final")."""
        return any(c.dep_ in OBJ_DEPS and (entry := self.event_noun(c)) is not None
                   and "contest" in entry.flags for c in verb.children)  # fmt: skip

    def _weapon_owner(self, noun: Token) -> list[Arg]:
        """The country or group a weapon noun belongs to: "[Russian] missiles", "[Israeli] tank
        shelling" (a modifier naming an actor), else none."""
        if noun.lemma_.lower() not in FORCE_MEANS and noun.lower_ not in FORCE_MEANS:
            return []
        return [Arg(m, 0.6, c) for c in noun.children if c.dep_ in ("amod", "compound", "poss")
                if (m := self.index.at(c)) is not None]  # fmt: skip

    def _aimed(self, verb: Token) -> str | None:
        """The preposition by which a projectile the verb sends goes at, into or towards an
        actor ("launched rockets into Israel", "fired missiles at Kyiv"), or None."""
        for holder in (verb, *(c for c in verb.children if c.dep_ in OBJ_DEPS)):
            for c in holder.children:
                if c.dep_ == "prep" and c.lower_ in AIM_PREPS and any(
                        self.index.at(p) is not None for p in pobjs(c)):  # fmt: skip
                    return c.lower_
        return None

    def _against(self, verb: Token) -> bool:
        """Whether the verb or its object has an "against" phrase (not a contest's: "will miss
        England's qualifier against Moldova" makes no case against Moldova, wherever the parser
        hangs the "against")."""
        if self._contest_object(verb):
            return False
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "against":
                return True
            if c.dep_ in OBJ_DEPS | PASSIVE_SUBJ_DEPS and any(
                    g.dep_ == "prep" and g.lower_ == "against" for g in c.children):  # fmt: skip
                entry = self.event_noun(c)
                return entry is None or "contest" not in entry.flags
        return False

    def _said_object(self, verb: Token) -> bool:
        """Whether the verb's object is something said or decided, which only words attack
        ("attacked the decision", "hit the plan"), not a place or a body of people."""
        return any(c.dep_ in OBJ_DEPS and self.index.at(c) is None
                   and c.lemma_.lower() in SAID_NOUNS and not self._held_ground(c)
                   for c in verb.children)  # fmt: skip

    @staticmethod
    def _held_ground(noun: Token) -> bool:
        """Whether a said noun is ground held by a force: "attacked Russian positions", "an
        army post" (a position taken is singular: "attacked the government's position")."""
        lemma = noun.lemma_.lower()
        if lemma == "position":
            return noun.tag_ == "NNS"
        if lemma == "post":
            return any(c.dep_ in ("compound", "amod") and role_sector(c.lemma_.lower())
                       in ("MIL", "COP", "REB", "UAF") for c in noun.children)  # fmt: skip
        return False

    def _for_a_reason(self, verb: Token) -> bool:
        """Whether a "for"/"over" phrase gives the reason of the verb ("attacked X for its
        record"), which makes an attack verbal."""
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "over"):
                objs = pobjs(c)
                if objs and not any(
                    self.index.at(o) is not None or o.ent_type_ in ("DATE", "TIME", "CARDINAL")
                    or o.lemma_.lower() in TIME_NOUNS for o in objs
                ):  # fmt: skip
                    return True
        return False

    def undergo(self, verb: Token, predicate: str) -> bool:
        """ "Obama faces pressure from Congress", "the plan received support from Germany": the
        object's event is done by the "from"/"by" phrase to the subject. True when it applied."""
        for obj in verb.children:
            if obj.dep_ not in OBJ_DEPS or obj.pos_ != "NOUN":
                continue
            noun = self.event_noun(obj)
            # "received higher ratings from X", "got weapons from X": an object that names no
            # event still comes from its "from" phrase, without an event type
            event = noun is not None and noun.event_type is not None
            if not event and verb.lemma_.lower() not in RECEIVE_VERBS:
                continue
            preps = ("from", "by") if event else ("from",)
            doers: list[Arg] = []
            for holder in (obj, verb):
                for c in holder.children:
                    if (c.dep_ in ("prep", "agent") and c.lower_ in preps) or (
                        # "won the backing of X", "faced the wrath of X": X does the event
                        holder is obj and c.dep_ == "prep" and c.lower_ == "of" and preps[-1] == "by"
                    ):
                        for p in pobjs(c):
                            # without an event, only a name itself gives ("from its Polish
                            # operation" names no giver)
                            doers.extend(actors_of(p, self.index, modifiers=event))
            subjects = self.subjects(verb, True)
            if not doers or not subjects:
                continue
            self.nouns_done.add(obj.i)
            neg, mod = negated(verb, self.lex), modality(verb, self.lex)
            pred = f"{verb.lemma_.lower()} {obj.lemma_.lower()}"
            typed = noun is not None and noun.event_type is not None
            event_type = noun.event_type if typed else None
            quad = noun.quad_class if typed else None
            if not typed and role_sector(obj.lower_) is not None:
                # "received ministers from the government": a visit the subject hosts, of the
                # verb's own type ("receive" is CONSULT)
                entry = self.lex.lookup(verb.lemma_, "VERB")
                event_type = entry.event_type if entry is not None else None
                quad = entry.quad_class if entry is not None else None
            for d in doers:
                for s in subjects:
                    self._add(d, s, "action", pred, event_type, quad,
                              not (typed and "symmetric" in noun.flags), neg, mod,
                              0.8 if typed else 0.6, verb)  # fmt: skip
            return True
        return False

    def _statement(self, verb: Token, lemma: str, subjects: list[Arg], targets: list[Arg]) -> None:
        has_subject = any(c.dep_ in SUBJ_DEPS for c in verb.children)
        if not has_subject:
            return  # "..., wrote Safaricom in a statement": the object is the speaker
        addressees = [
            t for t in targets if t.confidence >= 0.9 and (
                t.token.dep_ == "dative"
                or (t.token.dep_ == "dobj" and lemma in TELLING_VERBS)
                or (t.token.dep_ == "pobj" and t.token.head.lower_ in ("to", "with")))
        ]  # fmt: skip  ("said on Twitter", "claimed Iran ... is": no one is addressed)
        for s in subjects:
            for t in addressees:
                self._add(s, t, "statement", lemma, None, None, True, negated(verb, self.lex),
                          modality(verb, self.lex), 0.7, verb)  # fmt: skip

    # --- event nouns -------------------------------------------------------------------------
    def event_noun(self, noun: Token) -> LexEntry | None:
        """The lexicon entry of a noun, trying its modifier first ("trade war" before "war")."""
        for c in noun.children:
            if c.dep_ in ("compound", "amod") and c.i == noun.i - 1:
                for phrase in (f"{c.lower_} {noun.lemma_.lower()}", f"{c.lower_} {noun.lower_}"):
                    if (entry := self.lex.lookup(phrase, "NOUN")) is not None:
                        return entry
        entry = self.lex.lookup(noun.lemma_, "NOUN")
        if entry is None and noun.tag_ in ("NNS", "NNPS"):
            entry = self.lex.lookup(noun.lower_, "NOUN")
        return entry

    def noun(self, noun: Token, entry: LexEntry) -> None:
        if noun.i in self.nouns_done or self.index.at(noun) is not None:
            return
        agents: list[Arg] = []
        targets: list[Arg] = []
        joint: list[Arg] = []
        symmetric = "symmetric" in entry.flags
        opposed: set[int] = set()
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                for sub in conjuncts(c):
                    if (m := self.index.at(sub)) is not None:
                        agents.append(Arg(m, 0.9, sub))
            elif c.dep_ == "prep" and c.lower_ == "by":
                for p in pobjs(c):
                    agents.extend(actors_of(p, self.index))
            elif c.dep_ == "prep" and c.lower_ in JOINT_PREPS:
                for p in pobjs(c):
                    joint.extend(actors_of(p, self.index))
            elif c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS:
                if symmetric and c.lower_ in ("of", "on", "over", "for", "into"):
                    continue  # a mutual event's topic or stake: "talks on Iran", "a war for Viacom"
                for p in pobjs(c):
                    found = actors_of(p, self.index)
                    targets.extend(found)
                    if c.lower_ == "against":
                        # "a war against Ukraine" has a side it is waged on; "war with" none
                        opposed.update(id(a) for a in found)
        under = self._under(noun)
        if under is not None:
            doers, targets = under
            agents = agents + doers
        hosted = False
        if not agents and (targets or joint):
            agents = self._purpose_agents(noun)
            hosted = bool(agents)
        if not (agents or joint):
            return
        neg = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
        if hosted or under is not None:
            # "Acme is not in talks with Nokia", "is not under investigation": the clause's
            neg = neg or negated(noun.head.head, self.lex)
        if noun.dep_ in OBJ_DEPS | PASSIVE_SUBJ_DEPS and noun.head.pos_ == "VERB":
            neg = neg or negated(noun.head, self.lex)
        mod = modality(noun, self.lex)
        pred = noun.lemma_.lower()
        et, quad = entry.event_type, entry.quad_class
        for s in agents:
            for t in targets:
                self._add(s, t, "action", pred, et, quad, not symmetric or id(t) in opposed, neg,
                          mod, 0.75, noun)  # fmt: skip
        parts = joint + (agents if symmetric and not targets else [])
        for i, a in enumerate(parts):
            for b in parts[i + 1 :]:
                self._add(a, b, "action", pred, et, quad, False, neg, mod, 0.75, noun)

    def _under(self, noun: Token) -> tuple[list[Arg], list[Arg]] | None:
        """ "Acme is under investigation by the EU", "came under pressure from Congress",
        "was put under pressure by Congress": the event noun of an "under" phrase is done by its
        "by"/"from" phrase (or the passive's agent) to the one under it, the clause's subject
        (or, for "Congress put Acme under pressure", its object). None when not so."""
        prep = noun.head
        verb = prep.head
        if not (noun.dep_ == "pobj" and prep.lower_ == "under" and prep.dep_ == "prep"
                and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in UNDER_VERBS):
            return None  # fmt: skip
        doers: list[Arg] = []
        for holder in (noun, verb):
            for c in holder.children:
                if (c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("by", "from")
                                          and holder is noun)):  # fmt: skip
                    for p in pobjs(c):
                        doers.extend(actors_of(p, self.index))
        objects = [o for c in verb.children if c.dep_ == "dobj" for o in conjuncts(c)]
        if objects and not is_passive(verb):
            # "Congress put Acme under pressure": the subject does it to the object
            doers = doers or self.subjects(verb, True)
            under = [a for o in objects for a in actors_of(o, self.index)]
        else:
            under = self.subjects(verb, True)
        return doers, under

    def _purpose_agents(self, noun: Token) -> list[Arg]:
        """Who holds the event a journey or a stay is for, or that one is in: "Netanyahu flew
        to Washington for talks with Clinton", "Putin is in Beijing on a visit to China",
        "Acme is in talks with Nokia", "In a call with Biden, Zelensky asked ..." -> the verb's
        subject."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep":
            return []
        verb = prep.head
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX"):
            return []
        if (prep.lower_ in PURPOSE_PREPS and lemma in PRESENCE_VERBS) or (
            # "Acme is in talks with Nokia", "remains at war with Ukraine": the subject is in it
            prep.lower_ in STATE_PREPS and lemma in STATE_VERBS
        ):
            return self.subjects(verb, True)
        entry = self.event_noun(noun)
        if (prep.lower_ in FRAME_PREPS and not is_passive(verb) and entry is not None
                and entry.quad_class is not None and entry.quad_class.endswith("cooperation")
                and not any(c.dep_ == "prep" and c.lower_ in JOINT_PREPS for c in noun.children)
                # "in" after the verb frames only what is said ("made the remark in talks with
                # Saito"), else it is the verb's own ("resulting in a trip for Xi")
                and (prep.lower_ != "in" or prep.i < verb.i
                     or self.lex.has_flag(verb.lemma_, "VERB", "speech") or lemma == "make")
                ):  # fmt: skip
            # "In a call with Biden, Zelensky asked ...": not "died in an attack on the base"
            # (a victim), nor "was killed in a raid by Israel", nor "During the meeting between
            # Putin and Xi, the Chinese leader said" (its parties are named)
            subjects = self.subjects(verb, True)
            if "symmetric" not in entry.flags and not any(
                    c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children):  # fmt: skip
                # a journey is a person's ("during a trip to France, Trump refused"), or whose
                # it says ("during his visit"); "during a visit to Capitol Hill, House members
                # did not press the secretary" is the secretary's
                subjects = [a for a in subjects if a.mention.label in ("PERSON", "PER")]
            return subjects
        return []

    def contest(self, noun: Token) -> None:
        """A contest noun ("match", "bout", "rematch") links its side and its opponents: "their
        match against Nottinghamshire" (the subject of the clause it is said in), "Agassi won 18
        games against Paes" (the subject of the verb it is the object of), "earned him a
        rematch against Camacho" (the one it is given to), "Kent's match with Essex".
        Undirected, no event type: a contest says who met whom, not who did what to whom."""
        opponents: list[Arg] = []
        between: list[Arg] = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in CONTEST_PREPS:
                for p in pobjs(c):
                    opponents.extend(actors_of(p, self.index, modifiers=False))
            elif c.dep_ == "prep" and c.lower_ in JOINT_PREPS:
                for p in pobjs(c):
                    between.extend(actors_of(p, self.index, modifiers=False))
        if len({a.mention.actor_id for a in between}) >= 2:
            # "a contest between A, B and C": every side against every other
            mod = modality(noun, self.lex)
            for i, a in enumerate(between):
                for b in between[i + 1 :]:
                    if a.mention.actor_id != b.mention.actor_id:
                        self._add(a, b, "action", f"{noun.lemma_.lower()} between", None, None,
                                  False, False, mod, 0.6, noun)
        if not opponents:
            return
        opponent_ids = {o.mention.actor_id for o in opponents}
        sides: list[Arg] = []
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "nmod") and c.i < noun.i:
                sides.extend(actors_of(c, self.index, modifiers=False))
        sides = [a for a in sides if a.mention.actor_id not in opponent_ids]
        verb = None
        if not sides:
            node = noun
            for _ in range(4):
                if (node.dep_ == "pobj" and node.head.lower_ == "of"
                        and node.head.head.pos_ in ("NUM", "NOUN")):  # fmt: skip
                    node = node.head.head  # "18 of the last 19 games"
                    continue
                break
            if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
                sides = self.subjects(node.head.head, typed=False)
            elif node.dep_ in OBJ_DEPS and node.head.pos_ == "VERB":
                verb = node.head
                given = [a for c in verb.children if c.dep_ == "dative"
                         for a in actors_of(c, self.index, modifiers=False)]  # fmt: skip
                sides = given or self.subjects(verb, typed=False)
            sides = [a for a in sides if a.mention.actor_id not in opponent_ids]
        # only the verb that takes the contest as its object negates it ("scored 80 not out
        # in the match against X" is no denial of the match)
        neg = negated(verb, self.lex) if verb is not None else False
        mod = modality(noun, self.lex)
        pred = f"{noun.lemma_.lower()} against"
        for s in sides:
            for t in opponents:
                self._add(s, t, "action", pred, None, None, False, neg, mod, 0.6, noun)

    # --- assembly ----------------------------------------------------------------------------
    def _add(self, s: Arg, t: Arg, kind: str, predicate: str | None, event_type: str | None,
             quad: str | None, directed: bool, neg: bool, mod: str, base: float,
             clause: Token | None, rule: str | None = None) -> None:  # fmt: skip
        if s.mention.actor_id == t.mention.actor_id:
            return
        if not directed and (t.mention.actor_id or "") < (s.mention.actor_id or ""):
            s, t = t, s
        conf = round(base * min(s.confidence, t.confidence), 3)
        self.out.append(_Candidate(s, t, kind, predicate, event_type, quad, directed, neg, mod,
                                   conf, clause, rule or self.rule))  # fmt: skip

    def _inside_a_name(self, token: Token) -> bool:
        """A word of a longer name is no verb: "the Volatiles Investigating Polar Exploration
        Rover" investigates nothing."""
        m = self.index.at(token)
        return m is not None and m.end - m.start > 1 and m.label not in ("DATE", "TIME")

    def linked(self) -> set[frozenset[str]]:
        """The actor pairs (either way round) that a rule has linked so far."""
        return self.unpaired | {
            frozenset((c.source.mention.actor_id or "", c.target.mention.actor_id or ""))
            for c in self.out}  # fmt: skip

    def run(self) -> list[_Candidate]:
        # verbs first: they claim the event nouns they take as objects
        self.rule = "verb"
        for token in self.sent:
            if token.pos_ == "VERB" and not self._inside_a_name(token):
                self.backing(token)
                self.verb(token)
        # speaking with an organisation is mostly an interview ("spoke with Reuters"), which
        # no event coder counts as a consultation; between people and countries it is one
        self.out = [dataclasses.replace(c, event_type=None, quad_class=None,
                                        confidence=min(c.confidence, UNTYPED_CONFIDENCE))
                    if c.predicate in CALL_PREDICATES and "ORG" in (
                        c.source.mention.label, c.target.mention.label) else c
                    for c in self.out]  # fmt: skip
        self.rule = "event_noun"
        for token in self.sent:
            if token.pos_ in ("NOUN", "PROPN"):
                entry = self.event_noun(token)
                if entry is not None and entry.event_type:
                    self.noun(token, entry)
        self.rule = "contest"
        for token in self.sent:
            # the small model reads "semi-final" and "final" as adjectives even as a subject
            nominal = token.pos_ == "NOUN" or (token.pos_ == "ADJ" and token.dep_ in NOMINAL_DEPS)
            if nominal and (entry := self.event_noun(token)) is not None and (
                "contest" in entry.flags
            ):
                self.contest(token)
        self.rule = "result"
        played: set[frozenset[str]] = set()  # teams a result or fixture pairs
        for rc in result_relations(self.sent, self.index):
            if rc.kind == "action":
                played.add(frozenset((rc.source.mention.actor_id or "", rc.target.mention.actor_id or "")))
            if rc.apart is not None:  # a bowler listed under the side they bowled at
                self.unpaired.add(frozenset((rc.source.mention.actor_id or "",
                                             rc.apart.actor_id or "")))  # fmt: skip
            self._add(rc.source, rc.target, rc.kind, rc.predicate, None, None, rc.directed,
                      False, "asserted", RESULT_CONFIDENCE, None)  # fmt: skip
        self.rule = "modifier"
        self.hyphen_participles()
        # "Colorado at St. Louis" on a fixture line is a match, not where Colorado is
        attributes = [a for a in attribute_relations(self.sent, self.index) if not (
            a.kind == "located_in" and frozenset((a.source.mention.actor_id or "",
                                                  a.target.mention.actor_id or "")) in played)]
        for a in attributes:
            neg = negated(a.verb, self.lex) if a.verb is not None else False
            mod = modality(a.verb, self.lex) if a.verb is not None else "asserted"
            self._add(a.source, a.target, a.kind, a.predicate, None, None, True, neg, mod,
                      a.confidence, a.verb, a.rule)  # fmt: skip
        if stood := {(a.source.mention.actor_id, a.target.mention.actor_id)
                     for a in attributes if a.rule == "candidacy"}:  # fmt: skip
            # "stood for Labour" is a candidacy, not an untyped act of standing
            self.out = [c for c in self.out if not (
                c.kind == "action" and c.event_type is None and c.predicate in CANDIDACY_VERBS
                and (c.source.mention.actor_id, c.target.mention.actor_id) in stood)]  # fmt: skip
        if _is_list(self.sent, self.index):
            # a table or list parsed as one sentence ("June 9 -- Coral Sky Amphitheatre, West
            # Palm Beach, FL June 10 -- ..."): the weak rules below would link its neighbours,
            # except a team's players in brackets ("Derbyshire 471 ( J. Adams 123 , ... )")
            self.rule = "path"
            for p in PathRule(self.sent, self.index, self.lex).run(self.linked()):
                if _bracketed_member(p.source.mention, p.target.mention, self.sent.doc):
                    self._add(p.source, p.target, p.kind, p.predicate, None, None, True, False,
                              "asserted", p.confidence, p.verb)  # fmt: skip
            self.rule = "defined_name"
            self.defined_names()
            return self.out
        # pairs no rule above has linked: a direction from the short path between them
        linked = self.linked()
        self.rule = "path"
        for p in PathRule(self.sent, self.index, self.lex).run(linked):
            neg = negated(p.verb, self.lex) if p.verb is not None else False
            mod = modality(p.verb, self.lex) if p.verb is not None else "asserted"
            self._add(p.source, p.target, p.kind, p.predicate, p.event_type, p.quad_class, True,
                      neg, mod, p.confidence, p.verb)  # fmt: skip
        self.rule = "surface"
        for sc in surface_relations(self.sent, self.index, self.lex, self.linked()):
            entry = self.lex.lookup(sc.predicate, "VERB")
            event_type = entry.event_type if entry is not None else None
            quad = entry.quad_class if entry is not None else None
            symmetric = bool(entry is not None and "symmetric" in entry.flags)
            self._add(sc.source, sc.target, "action", sc.predicate, event_type, quad,
                      not symmetric, negated(sc.verb, self.lex), modality(sc.verb, self.lex),
                      SURFACE_CONFIDENCE, sc.verb)  # fmt: skip
        self.rule = "merger"
        for mc in merger_relations(self.sent, self.index, lambda v: self.subjects(v, False)):
            self._add(mc.part, mc.whole, "affiliation", mc.predicate, None, None, True,
                      negated(mc.verb, self.lex), modality(mc.verb, self.lex), MERGER_CONFIDENCE,
                      mc.verb)  # fmt: skip
        for mc in grouping_relations(self.sent, self.index, lambda v: self.subjects(v, False),
                                     self.linked()):  # fmt: skip
            self._add(mc.part, mc.whole, "affiliation", mc.predicate, None, None, True,
                      False, "asserted", MERGER_CONFIDENCE, mc.verb)  # fmt: skip
        self.rule = "accusation"
        self.accusations()
        self.rule = "own_country"
        self.own_country()
        self.rule = "setting"
        self.setting()
        self.rule = "defined_name"
        self.defined_names()
        self.rule = "enumeration"
        self.enumerations()
        return self.out

    def enumerations(self) -> None:
        """A list of actors shares what one member is found to do or be ("served on the boards
        of A, B and C"), and no member belongs to its neighbour in the list. A list of places
        with a place inside the next ("Paris, France, and Berlin") is not a list."""
        enums = enumerations(self.sent, self.index)
        if not enums:
            return
        member = members_of(enums)

        def enum_of(arg: Arg) -> Enumeration | None:
            return member.get(arg.mention.mention_id)

        def inside(c: _Candidate) -> Enumeration | None:
            """The list both ends of ``c`` are in, when they are in different members."""
            for e in enums:
                s, t = (e.span_of(c.source.mention.start), e.span_of(c.target.mention.start))
                if s is not None and t is not None and s != t:
                    return e
            return None

        inner = [(c, inside(c)) for c in self.out]
        for c, e in inner:
            if e is not None and c.kind == "located_in" and e in enums:
                enums.remove(e)  # "Paris, France, and Berlin": places within places
        # nothing but commas stands between two members: neither belongs to the other
        self.out = [c for c, e in inner if not (c.directed and e is not None and e in enums)]
        linked = self.linked()
        for c in sorted(self.out, key=lambda c: -c.confidence):
            if c.kind in ("alias", "cooccurrence"):
                continue
            for side in ("source", "target"):
                arg: Arg = getattr(c, side)
                other: Arg = c.target if side == "source" else c.source
                e = enum_of(arg)
                if (e is None or e not in enums or c.rule in LOCAL_RULES
                        or e.start <= other.mention.start < e.end):  # fmt: skip
                    continue  # "A of X, B of Y and C of Z": X is A's alone
                for m in co_members(e, arg.mention):
                    pair = frozenset((m.actor_id or "", other.mention.actor_id or ""))
                    if pair in linked:
                        continue
                    if c.kind == "located_in" and e.spans[e.span_of(m.start) or 0][1] > m.end:
                        continue  # "the Carter Center in Atlanta, ... and the CMI in Helsinki":
                        # a member with a place (or bracket) of its own is not in the others'
                    linked.add(pair)
                    new = Arg(m, arg.confidence, self.sent.doc[m.end - 1])
                    s, t = (new, other) if side == "source" else (other, new)
                    if not c.directed and (t.mention.actor_id or "") < (s.mention.actor_id or ""):
                        s, t = t, s
                    self.out.append(dataclasses.replace(
                        c, source=s, target=t, rule=self.rule,
                        confidence=round(c.confidence * ENUMERATION_DISCOUNT, 3)))  # fmt: skip

    def accusations(self) -> None:
        """Saying that someone did something hostile accuses them: "the US claimed that ISIL
        had attacked Iraq" gives, besides the reported ISIL -ASSAULT-> Iraq, the asserted
        US -DISAPPROVE-> ISIL (CAMEO's "accuse"), for attacks, crimes and threats only. Not
        for denials or warnings, nor for what the reported clause negates or only expects
        ("said Iran would not attack")."""
        done = {(c.source.mention.actor_id, c.target.mention.actor_id) for c in self.out}
        accused: list[tuple[Arg, Token]] = [
            (c.source, c.clause) for c in self.out
            if c.kind == "action" and c.directed and not c.negated and c.modality == "reported"
            and c.clause is not None and c.event_type in ACCUSABLE_TYPES
            # "PBS revealed that X accepted responsibility for the murder": X's own admission
            and self._claimed_event(c.clause) is None]  # fmt: skip
        # a hostile act said of someone with no actor as its target: "the US said that Iraq had
        # attacked themselves", "Kyiv said Russia attacked again overnight"
        clauses = {clause.i for _, clause in accused}
        for verb in self.sent:
            entry = self.lex.lookup(verb.lemma_, "VERB") if verb.pos_ == "VERB" else None
            if (entry is None or entry.event_type not in ACCUSABLE_TYPES or verb.i in clauses
                    or negated(verb, self.lex) or modality(verb, self.lex) != "reported"):  # fmt: skip
                continue
            accused += [(s, verb) for s in self.subjects(verb, True)]
        for source, clause in accused:
            speech = self._speech_verb(clause)
            if speech is None:
                continue
            entry = self.lex.lookup(speech.lemma_, "VERB")
            if (entry is None or entry.event_type not in (None, "DISAPPROVE")
                    or speech.lemma_.lower() in ATTRIBUTION_VERBS):  # fmt: skip
                continue  # "denied that X attacked", "warned that X would attack"
            if entry.event_type is None and not any(g.dep_ in SUBJ_DEPS for g in speech.children):
                continue  # "..., Reuters reported": an attribution, no accusation
            neg, mod = negated(speech, self.lex), modality(speech, self.lex)
            for s in self.subjects(speech, True):
                key = (s.mention.actor_id, source.mention.actor_id)
                if key in done:
                    continue
                done.add(key)
                self._add(s, source, "action", speech.lemma_.lower(), "DISAPPROVE",
                          QUAD_CLASS["DISAPPROVE"], True, neg, mod, 0.6, speech)  # fmt: skip

    def _speech_verb(self, clause: Token) -> Token | None:
        """The verb of saying whose complement holds ``clause`` ("said [that X attacked]")."""
        token = clause
        for _ in range(4):
            head = token.head
            if head.i == token.i:
                return None
            if token.dep_ in ("ccomp", "parataxis"):
                return head if self.lex.has_flag(head.lemma_, "VERB", "speech") else None
            if token.dep_ not in ("conj", "xcomp", "advcl"):
                return None
            token = head
        return None

    def defined_names(self) -> None:
        """A name defined in parentheses right after another name of the same actor ("the
        International Social Science Council (ISSC)", "the Liberal Forum (Liberales Forum)") is
        an alias of it: kind ``alias``, from the name in parentheses to the full name. The two
        mentions are one actor, so no other rule links them; the row records the definition
        (a self-link, left out of ``edges``)."""
        doc = self.sent.doc
        mentions = self.index.in_span(self.sent)
        linked = self.linked()
        for outer, inner in zip(mentions, mentions[1:], strict=False):
            if outer.actor_id is None or inner.actor_id is None:
                continue
            same = outer.actor_id == inner.actor_id
            spelled = spells_initials(inner.text, doc[outer.start : outer.end])
            if not same and not (outer.label == inner.label == "ORG") and not spelled:
                continue  # another organisation's name: "the Liberal Party of Honduras
                # (Partido Liberal de Honduras, PLH)"; a person or place in parentheses is not
            if outer.label not in ("ORG", "PERSON", "GROUP"):
                continue  # places: "Leeds (England)" is containment, not another name
            if inner.start != outer.end + 1 or doc[outer.end].text not in ("(", "["):
                continue
            closing = (")", "]") if same else (")", "]", ",", ";")
            if inner.end >= len(doc) or doc[inner.end].text not in closing:
                continue
            if inner.text.casefold() == outer.text.casefold():
                continue
            pair = frozenset((outer.actor_id, inner.actor_id))
            if not same and spelled:
                # the initials decide, whatever another rule read into the labels
                self.out = [c for c in self.out if frozenset(
                    (c.source.mention.actor_id, c.target.mention.actor_id)) != pair]  # fmt: skip
            elif not same and pair in linked:
                continue  # the path rule named it already
            src = Arg(inner, 1.0, doc[inner.start : inner.end].root)
            tgt = Arg(outer, 1.0, doc[outer.start : outer.end].root)
            letters = [c for c in inner.text if c.isalpha()]
            short = bool(letters) and sum(c.isupper() for c in letters) * 2 >= len(letters)
            self.out.append(_Candidate(src, tgt, "alias", "abbreviation" if short else "name",
                                       None, None, True, False, "asserted", ALIAS_CONFIDENCE,
                                       None))  # fmt: skip

    def setting(self) -> None:
        """A fronted place phrase sets the scene of its clause: "In Australia, parties such as
        X and Y have been elected" puts X and Y in Australia. Only for actors of that clause
        that no rule above has linked to the place; low confidence."""
        root = self.sent.root
        subject_at = min((c.i for c in root.children if c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS),
                         default=None)  # fmt: skip
        if subject_at is None:
            return
        places: list[Arg] = []
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "inside", "within") and c.i < subject_at:
                for p in pobjs(c):
                    m = self.index.at(p)
                    if m is not None and m.label in ("GPE", "LOC") and p.i == self.sent.doc[m.start:m.end].root.i:
                        places.append(Arg(m, 1.0, p))
        if not places:
            return
        linked = self.linked()
        doc = self.sent.doc
        for m in self.index.in_span(self.sent):
            if m.label not in ("PERSON", "ORG", "GROUP", "FAC"):
                continue
            head = doc[m.start : m.end].root
            if any(t.dep_ in ("ccomp", "advcl", "parataxis", "relcl") for t in _path_up(head, root)):
                continue  # another clause: "In Paris, X said Y was in Berlin"
            for place in places:
                key = frozenset((m.actor_id or "", place.mention.actor_id or ""))
                if place.mention.actor_id == m.actor_id or key in linked:
                    continue
                linked.add(key)
                self._add(Arg(m, 1.0, head), place, "located_in", "in", None, None, True, False,
                          "asserted", SETTING_CONFIDENCE, None)  # fmt: skip

    def hyphen_participles(self) -> None:
        """ "Iran-backed rebels" -> Iran -SUPPORT-> the rebels; "the Russia-led alliance" ->
        Russia leads it; "Chinese-owned firms" belong to China."""
        for token in self.sent:
            hp = hyphen_participle(token, self.index)
            if hp is None:
                continue
            mention, lemma = hp
            kind, event_type = HYPHEN_PARTICIPLES[lemma]
            x = Arg(mention, 1.0, token.nbor(-1).nbor(-1))
            for y in actors_of(token.head, self.index):
                if y.mention.mention_id == mention.mention_id or y.mention.label == "NORP":
                    continue
                if kind == "affiliation":
                    self._add(y, x, kind, lemma, None, None, True, False, "asserted", 0.7, token)
                else:
                    self._add(x, y, kind, lemma, event_type, QUAD_CLASS.get(event_type or ""),
                              True, False, "asserted", 0.7, token)  # fmt: skip

    def own_country(self) -> None:
        """An actor whose country is known, in a sentence that names that country, belongs to
        it: "the Liberal Party of Canada ... in Canada", "Lula said Brazil would ...". Low
        confidence, and only for pairs no rule above has linked."""
        linked = self.linked()
        doc = self.sent.doc
        mentions = self.index.in_span(self.sent)
        countries = {}
        for m in mentions:
            if m.label == "GPE" and m.country and (m.actor_id or "").startswith("country:"):
                countries.setdefault(m.country, m)
        for m in mentions:
            if m.label not in ("PERSON", "ORG") or not m.country or m.country not in countries:
                continue
            place = countries[m.country]
            if place.actor_id == m.actor_id:
                continue
            if frozenset((m.actor_id or "", place.actor_id or "")) in linked:
                continue
            linked.add(frozenset((m.actor_id or "", place.actor_id or "")))
            src = Arg(m, 1.0, doc[m.start : m.end].root)
            tgt = Arg(place, 1.0, doc[place.start : place.end].root)
            self._add(src, tgt, "affiliation", None, None, None, True, False, "asserted",
                      OWN_COUNTRY_CONFIDENCE, None)  # fmt: skip
        self.rule = "named_place"
        self.named_place(mentions, linked)

    def named_place(self, mentions: list[MentionRef], linked: set[frozenset[str]]) -> None:
        """An organisation named after a place the sentence also names is based there: "the
        Alliance Party of Northern Ireland ... elsewhere in Northern Ireland", "the Christian
        Social Union in Bavaria ... Bavaria". Low confidence, only for pairs no rule above has
        linked; countries are left to :meth:`own_country`."""
        doc = self.sent.doc
        places = [m for m in mentions if m.label in ("GPE", "LOC") and m.country
                  and not (m.actor_id or "").startswith("country:") and len(m.text) >= 4]  # fmt: skip
        if not places:
            return
        for m in mentions:
            if m.label != "ORG":
                continue
            name = f" {m.text.casefold()} "
            for place in places:
                key = frozenset((m.actor_id or "", place.actor_id or ""))
                if place.actor_id == m.actor_id or key in linked:
                    continue
                if m.start <= place.start < m.end:
                    continue  # the place is part of this very mention
                if f" {place.text.casefold()} " not in name or place.text.casefold() == m.text.casefold():
                    continue
                linked.add(key)
                self._add(Arg(m, 1.0, doc[m.start : m.end].root),
                          Arg(place, 1.0, doc[place.start : place.end].root), "located_in",
                          None, None, None, True, False, "asserted", OWN_COUNTRY_CONFIDENCE,
                          None)  # fmt: skip


@dataclass(frozen=True)
class _Where:
    """The sentence a relation comes from: ids and the stripped evidence with its offsets."""

    doc_id: str
    sent_index: int
    evidence: str
    start_char: int
    end_char: int

    def relation(
        self, source: MentionRef, target: MentionRef, date: tuple[str | None, str | None], **fields
    ) -> Relation:
        return Relation(
            doc_id=self.doc_id,
            sent_index=self.sent_index,
            source_id=source.actor_id or "",
            source_name=source.actor_name or source.text,
            target_id=target.actor_id or "",
            target_name=target.actor_name or target.text,
            evidence=self.evidence,
            start_char=self.start_char,
            end_char=self.end_char,
            date=date[0],
            date_source=date[1],
            source_mention_id=source.mention_id,
            target_mention_id=target.mention_id,
            source_text=source.text,
            target_text=target.text,
            **fields,
        )


def _stripped_bounds(doc_text: str, sent: Span) -> tuple[int, int] | None:
    text = doc_text[sent.start_char : sent.end_char]
    if not text.strip():
        return None
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return start, end


def extract_relations(
    doc: Doc,
    mentions: Sequence[MentionRef],
    *,
    doc_id: str,
    lexicon: Lexicon | None = None,
    date_for: DateFor | None = None,
) -> list[Relation]:
    """Relations between the actor mentions of a parsed document, sentence by sentence.

    Args:
        doc: a spaCy ``Doc`` with a dependency parse, tags and lemmas.
        mentions: the document's mentions; those without ``actor_id`` and DATE-like ones are
            ignored. NORP mentions ("Russian") stand for their country in attribute and
            modifier roles but are never co-occurrence endpoints.
        doc_id: copied into every relation.
        lexicon: the event lexicon; the packaged default when None.
        date_for: called with the predicate's clause (or the sentence, for co-occurrence and
            attribute relations); returns ``(date_value, date_source)`` or ``(None, None)``.

    Returns:
        Relations in sentence order: typed ones first, then the co-occurrences of the sentence.
        Symmetric relations appear once, source and target sorted by actor id.
    """
    lex = lexicon if lexicon is not None else load_lexicon()
    index = MentionIndex(mentions)
    relations: list[Relation] = []
    date_cache: dict[tuple[int, int], tuple[str | None, str | None]] = {}

    def date_of(span: Span) -> tuple[str | None, str | None]:
        if date_for is None:
            return None, None
        key = (span.start, span.end)
        if key not in date_cache:
            value, source = date_for(span)
            date_cache[key] = (value, source) if value is not None else (None, None)
        return date_cache[key]

    doc_text = doc.text  # Doc.text joins every token: compute it once, not per sentence
    for sent_index, sent in enumerate(doc.sents):
        bounds = _stripped_bounds(doc_text, sent)
        if bounds is None:
            continue
        # "BEIJING (Reuters) -": where and by whom the story was filed, which links no one;
        # only the place's own region stays ("CLEVELAND, Ohio -" -> Cleveland in Ohio)
        dateline = is_dateline(doc_text[bounds[0] : bounds[1]])
        sent_mentions = index.in_span(sent)
        if len(sent_mentions) < 2 and not (
            sent_mentions and any(t.lower_ in PERSONAL_PRONOUNS or t.lemma_.lower() in DESCRIPTION_NOUNS
                                  for t in sent)  # fmt: skip
        ):
            continue  # one actor and no pronoun or description to stand for another
        where = _Where(doc_id, sent_index, doc_text[bounds[0] : bounds[1]], *bounds)
        best: dict[tuple, _Candidate] = {}
        for cand in _Rules(sent, index, lex).run():
            if dateline and not (cand.kind == "located_in" and {cand.source.mention.label,
                                 cand.target.mention.label} <= {"GPE", "LOC"}):  # fmt: skip
                continue
            key = (cand.source.mention.actor_id, cand.target.mention.actor_id, cand.kind,
                   cand.predicate, cand.event_type,
                   cand.source.mention.mention_id if cand.kind == "alias" else None)  # fmt: skip
            if key not in best or cand.confidence > best[key].confidence:
                best[key] = cand
        for cand in best.values():
            span = clause_span(cand.clause) if cand.clause is not None else sent
            relations.append(
                where.relation(
                    cand.source.mention,
                    cand.target.mention,
                    date_of(span),
                    kind=cand.kind,
                    predicate=cand.predicate,
                    event_type=cand.event_type,
                    quad_class=cand.quad_class,
                    negated=cand.negated,
                    modality=cand.modality,
                    confidence=cand.confidence,
                    directed=cand.directed,
                    rule=cand.rule,
                )
            )
        # co-occurrence: one per pair of distinct actors, first mentions, NORP excluded
        firsts: dict[str, MentionRef] = {}
        for m in sent_mentions:
            if m.label != "NORP" and m.actor_id not in firsts:
                firsts[m.actor_id or ""] = m
        ids = sorted(firsts)
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                relations.append(
                    where.relation(
                        firsts[a],
                        firsts[b],
                        date_of(sent),
                        kind="cooccurrence",
                        predicate=None,
                        confidence=COOCCURRENCE_CONFIDENCE,
                        directed=False,
                        rule="cooccurrence",
                    )
                )
    return relations
