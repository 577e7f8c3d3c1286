"""Mergers and formations: the parties that come together become part of what they form.

"A merged with B to form C", "A and B merged into C", "A united with B to become C",
"A joined forces with B to form C", "C was formed by the merger of A and B", "the merger of
A and B as C" -> A —affiliation→ C and B —affiliation→ C (predicate "merge" or "form"). The
merging itself (A ↔ B, COOPERATE) stays with the verb and noun rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .attributes import GROUPING_NOUNS
from .syntax import NAMING_PARTICIPLES, Arg, MentionIndex, actors_of, pobjs, possessor

# Verbs and nouns of coming together.
MERGE_VERBS = frozenset({"merge", "unite", "amalgamate", "combine", "fuse", "join", "team",
                         "ally", "coalesce", "consolidate", "reunite", "unify"})  # fmt: skip
MERGE_NOUNS = frozenset({"merger", "amalgamation", "fusion", "union", "unification",
                         "consolidation", "reunification", "combination"})  # fmt: skip
# Verbs whose object (or complement) is the new whole.
FORM_VERBS = frozenset({"form", "create", "become", "establish", "found", "constitute",
                        "launch", "build"})  # fmt: skip
# Prepositions naming the whole after a merging verb or noun ("merged into C", "merger as C").
INTO_PREPS = frozenset({"into", "as"})
MERGER_CONFIDENCE = 0.7


@dataclass(frozen=True)
class MergerCandidate:
    """A part and the whole it merged into."""

    part: Arg
    whole: Arg
    predicate: str
    verb: Token


Subjects = Callable[[Token], list[Arg]]


def merger_relations(sent: Span, index: MentionIndex, subjects: Subjects) -> list[MergerCandidate]:
    """Part -> whole pairs of the mergers and formations in one sentence.

    ``subjects`` gives the doers of a verb (the caller's subject rules: passives, conjuncts,
    pronouns).
    """
    out: list[MergerCandidate] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in MERGE_VERBS:
            parts = _verb_parts(token, index, subjects)
            for whole, pred in _wholes_of_verb(token, index):
                out += _pairs(parts, whole, pred, token)
        elif token.pos_ == "NOUN" and lemma in MERGE_NOUNS:
            parts = _of_parts(token, index)
            for whole, pred in _wholes_of_noun(token, index):
                out += _pairs(parts, whole, pred, token)
    return out


def _pairs(parts: list[Arg], whole: Arg, predicate: str, verb: Token) -> Iterator[MergerCandidate]:
    for p in parts:
        if p.mention.actor_id != whole.mention.actor_id:
            yield MergerCandidate(p, whole, predicate, verb)


def _verb_parts(verb: Token, index: MentionIndex, subjects: Subjects) -> list[Arg]:
    """Who merges: the subjects and the "with" phrase ("A merged with B"; "joined forces
    with B")."""
    parts = list(subjects(verb))
    heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "obj")]  # "joined forces with"
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "alongside"):
                for p in pobjs(c):
                    parts += actors_of(p, index, modifiers=False)
    return parts


# Nouns of an organisation's parts, which merge for it: "the merger of the Queensland branches
# of A and B".
BRANCH_NOUNS = frozenset({"branch", "wing", "section", "chapter", "division", "arm", "faction"})


def _of_parts(noun: Token, index: MentionIndex) -> list[Arg]:
    """What a merger noun brings together: "the merger of A and B", "A's merger with B",
    "the merger of the Queensland branches of A and B", "its merger into C" (when the noun
    names what it made)."""
    parts: list[Arg] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "between", "with"):
            for p in pobjs(c):
                found = actors_of(p, index, modifiers=False)
                if not found and p.lemma_.lower() in BRANCH_NOUNS:
                    found = [a for g in p.children if g.dep_ == "prep" and g.lower_ == "of"
                             for q in pobjs(g) for a in actors_of(q, index, modifiers=False)]
                parts += found
        elif c.dep_ == "poss" and c.tag_ == "PRP$":
            if any(g.dep_ == "prep" and g.lower_ in INTO_PREPS for g in noun.children):
                parts += [Arg(m, 0.6, c) for m in possessor(c, index, own_clause=False)]
        elif c.dep_ == "poss":
            parts += actors_of(c, index, modifiers=False, resolve=False)
    return parts


def _form_objects(verb: Token, index: MentionIndex) -> list[Arg]:
    return [a for c in verb.children if c.dep_ in ("dobj", "obj", "attr", "oprd")
            for a in actors_of(c, index, modifiers=False)]  # fmt: skip


def _wholes_of_verb(verb: Token, index: MentionIndex) -> Iterator[tuple[Arg, str]]:
    """What a merging verb makes: its "into"/"as" phrase, or the object of a "to form" /
    "to become" infinitive that it serves."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in INTO_PREPS:
            for p in pobjs(c):
                for a in actors_of(p, index, modifiers=False):
                    yield a, "merge"
        elif (c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in FORM_VERBS
              and (c.dep_ == "conj" or any(g.dep_ == "aux" and g.lower_ == "to"
                                           for g in c.children))):  # fmt: skip
            # "merged with B to form C"; "merged with B and formed C"
            if c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                continue  # a clause with its own subject
            for a in _form_objects(c, index):
                yield a, "merge"
        elif c.dep_ in ("dobj", "obj"):
            # "joined forces with B to form C": the infinitive hangs off the object or a
            # misparsed clause inside the "with" phrase
            for g in c.subtree:
                if g.lemma_.lower() in FORM_VERBS and g.dep_ in ("advcl", "xcomp", "relcl", "acl"):
                    for a in _form_objects(g, index):
                        yield a, "merge"
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for g in c.subtree:
                if g.i != verb.i and g.lemma_.lower() in FORM_VERBS and g.dep_ in ("advcl", "xcomp"):
                    for a in _form_objects(g, index):
                        yield a, "merge"


def _wholes_of_noun(noun: Token, index: MentionIndex) -> Iterator[tuple[Arg, str]]:
    """What a merger noun makes: "the merger of A and B into/as C", "C was formed by the
    merger of A and B", "the merger of A and B formed C"."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in INTO_PREPS:
            for p in pobjs(c):
                for a in actors_of(p, index, modifiers=False):
                    yield a, "merge"
        elif c.dep_ == "acl" and c.lemma_.lower() in FORM_VERBS:
            for a in _form_objects(c, index):  # "the merger of A and B to form C"
                yield a, "merge"
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ in ("agent", "prep") and head.lower_ in ("by", "through", "from"):
        verb = head.head
        if verb.lemma_.lower() in FORM_VERBS:
            # "C was formed by the merger of A and B", "C was created through the merger"
            for s in verb.children:
                if s.dep_ in ("nsubjpass", "nsubj"):
                    for a in actors_of(s, index, modifiers=False):
                        yield a, "form"
    elif noun.dep_ in ("nsubj",) and head.lemma_.lower() in FORM_VERBS:
        for a in _form_objects(head, index):  # "the merger of A and B created C"
            yield a, "form"


# Participles that name a grouping ("an alliance called One Israel") or list its parts ("the
# coalition Auzolan, comprising A, B and C").
NAMING_VERBS = NAMING_PARTICIPLES
MEMBER_VERBS = frozenset({"comprise", "include", "consist", "compose", "embrace", "gather",
                          "unite", "group", "encompass", "bring"})  # fmt: skip


def grouping_relations(sent: Span, index: MentionIndex, subjects: Subjects,
                       linked: set[frozenset[str]]) -> list[MergerCandidate]:  # fmt: skip
    """Parties -> the named grouping they make up, for pairs no rule linked: "formed an
    alliance with A and B called C" (A, B and the subject in C), "the coalition C, comprising
    A and B", "the C coalition ( A , B and D )"."""
    out: list[MergerCandidate] = []
    for noun in sent:
        if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in GROUPING_NOUNS:
            continue
        wholes = _named_wholes(noun, index)
        if not wholes:
            continue
        parts = _grouping_parts(noun, [w.token for w in wholes], index, subjects)
        for whole in wholes:
            for p in parts:
                pair = frozenset((p.mention.actor_id or "", whole.mention.actor_id or ""))
                if p.mention.actor_id != whole.mention.actor_id and pair not in linked:
                    out.append(MergerCandidate(p, whole, noun.lemma_.lower(), noun))
    return out


def _named_wholes(noun: Token, index: MentionIndex) -> list[Arg]:
    """The actor a grouping noun names: "the coalition Auzolan", "the United Front coalition",
    "an alliance ... called One Israel"."""
    if index.at(noun) is not None:
        return []  # the noun is part of a name ("Grand Democratic Alliance"): see below
    out: list[Arg] = []
    if noun.dep_ == "compound" and (m := index.at(noun.head)) is not None:
        out.append(Arg(m, 1.0, noun.head))  # "the coalition Auzolan"
    for c in noun.children:
        if (m := index.at(c)) is None:
            continue
        if (c.dep_ in ("compound", "nmod") and c.i < noun.i) or (
            c.dep_ == "appos" and c.i == noun.i + 1
        ):
            out.append(Arg(m, 1.0, c))  # "the United Front coalition", "the coalition Harmony"
    namers = [c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in NAMING_VERBS]
    namers += [c for c in noun.head.children
               if noun.dep_ in ("dobj", "obj") and c.dep_ == "advcl"
               and c.lemma_.lower() in NAMING_VERBS]  # fmt: skip
    # "formed a coalition with A and B, called C": the participle parsed as a second verb
    namers += [c for c in noun.head.children
               if noun.dep_ in ("dobj", "obj") and c.dep_ == "conj" and c.i > noun.i
               and c.lemma_.lower() in NAMING_VERBS and c.doc[c.i - 1].text == ","
               and not any(g.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") for g in c.children)]  # fmt: skip
    for v in namers:  # "an alliance with A called C"
        for c in v.children:
            if c.dep_ in ("oprd", "dobj", "attr", "xcomp") and (m := index.at(c)) is not None:
                out.append(Arg(m, 1.0, c))
    return out


def _grouping_parts(noun: Token, wholes: list[Token], index: MentionIndex,
                    subjects: Subjects) -> list[Arg]:  # fmt: skip
    parts: list[Arg] = []
    heads = [noun, *wholes]
    # "a coalition named C with A and B": the parser hangs the "with" phrase on the participle
    namers = [c for h in heads for c in h.children
              if c.dep_ == "acl" and c.lemma_.lower() in NAMING_VERBS]  # fmt: skip
    for h in [*heads, *namers]:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "of", "between", "among"):
                for p in pobjs(c):
                    parts += actors_of(p, index, modifiers=False)
            elif c.dep_ == "appos" and c.i > h.i and any(t.text == "(" for t in c.doc[h.i : c.i]):
                parts += actors_of(c, index, modifiers=False)  # "the C coalition ( A , B )"
    # "comprising A, B and C": a participle of the noun, of the name, or of their clause
    verbs = [c for h in heads for c in h.children if c.dep_ in ("acl", "relcl")]
    verbs += [c for h in heads for c in h.head.children
              if c.dep_ == "advcl" and h.dep_ in ("dobj", "obj", "pobj")]  # fmt: skip
    # "... to support the coalition Auzolan, comprising A, B and C": right after the name,
    # whatever verb the parser hung the participle on
    doc = noun.doc
    for h in heads:
        m = index.at(h)
        end = m.end if m is not None else h.i + 1
        if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].tag_ == "VBG":
            verbs.append(doc[end + 1])
    for v in verbs:
        if v.lemma_.lower() not in MEMBER_VERBS:
            continue
        for c in v.children:
            if c.dep_ in ("dobj", "obj"):
                parts += actors_of(c, index, modifiers=False)
            elif c.dep_ == "prep" and c.lower_ == "of":
                for p in pobjs(c):
                    parts += actors_of(p, index, modifiers=False)
    # "X formed a coalition with A called C": the founder is a party too
    if noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in FORM_VERBS:
        parts += subjects(noun.head)
    return parts
