"""Word-order relations where the parse has broken: "NAME (COUNTRY) VERB NAME".

Results lists, tables and run-on headlines ("Todd Martin ( U.S. ) beat Andrea Gaudenzi
( Italy ) 6-3 6-2 Stefan Edberg ( Sweden ) beat ...") defeat the parser, which hangs the names
off the wrong words. When nothing but one finite verb stands between two actors — after an
optional parenthesis on the first — the English word order still says who did what to whom:
the first actor acts on the second. Only pairs no other rule has linked get this, with a low
confidence. Verbs of saying and the copula are left out ("Russia says Ukraine ...", "X is Y").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .syntax import Arg, MentionIndex

SURFACE_CONFIDENCE = 0.4
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Verbs that link a name to a description rather than act on another actor.
LINKING_VERBS = frozenset({"be", "become", "remain", "seem", "have"})
# The second name must be the verb's argument, not a modifier of a later noun or the
# subject of another clause; the first not a modifier either.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nsubj", "nsubjpass"})
MAX_PAREN = 6  # tokens inside the parenthesis after the first name, brackets included


@dataclass(frozen=True)
class SurfaceCandidate:
    source: Arg
    target: Arg
    predicate: str
    verb: Token


def surface_relations(
    sent: Span, index: MentionIndex, lexicon: Lexicon, linked: set[frozenset[str]]
) -> list[SurfaceCandidate]:
    """First actor -> second actor across a lone finite verb, for unlinked pairs."""
    doc = sent.doc
    out: list[SurfaceCandidate] = []
    for first in index.in_span(sent):
        if index.at(doc[first.end - 1]) is not first or first.label == "NORP":
            continue  # a mention nested in a longer one
        found = _lone_verb(doc, first.end, sent.end, lexicon)
        if found is None:
            continue
        verb, after = found
        second = index.at(doc[after]) if after < sent.end else None
        if second is None or second.start != after or second.label == "NORP":
            continue
        if first.actor_id == second.actor_id:
            continue
        bracketed = doc[first.end].text in ("(", "[")
        first_dep = doc[first.start : first.end].root.dep_
        if doc[second.start : second.end].root.dep_ in MODIFIER_DEPS or (
                first_dep in MODIFIER_DEPS and not (bracketed and first_dep == "nsubj")):
            # "sued Manhattan District Attorney Vance", "seconded Macron's plan"; but a
            # results line's "Linda Wild ( U.S. ) beat ..." is a subject however it is parsed
            continue
        if first_dep == "pobj" and not bracketed:
            continue  # "the Mayor of Birmingham called ...": the name is no subject
        if frozenset((first.actor_id or "", second.actor_id or "")) in linked:
            continue
        out.append(SurfaceCandidate(Arg(first, 1.0, doc[first.end - 1]),
                                    Arg(second, 1.0, doc[second.start]),
                                    verb.lemma_.lower(), verb))  # fmt: skip
    return out


def _lone_verb(doc, start: int, stop: int, lexicon: Lexicon) -> tuple[Token, int] | None:
    """The finite verb right after doc[start] (after an optional "( ... )") and the index of
    the token after it."""
    i = start
    if i < stop and doc[i].text in ("(", "["):
        close = next((j for j in range(i + 1, min(stop, i + MAX_PAREN)) if doc[j].text in (")", "]")),
                     None)  # fmt: skip
        if close is None:
            return None
        i = close + 1
    if i >= stop - 1:
        return None
    verb = doc[i]
    lemma = verb.lemma_.lower()
    if verb.tag_ not in FINITE_TAGS or verb.pos_ not in ("VERB", "AUX") or lemma in LINKING_VERBS:
        return None
    if verb.dep_ in ("acl", "relcl", "amod"):
        return None  # "the Mayor of Birmingham called Bryn Tirion": a participle
    entry = lexicon.lookup(lemma, "VERB")
    if entry is not None and entry.flags & {"speech", "light", "undergo", "contains", "part"}:
        return None
    return verb, i + 1
