"""Enumerations: actors listed one after another ("A, B, C and D").

The small parser often reads a long list as a chain of appositions ("served on the boards of
A, B, C and D" → B in apposition to A, C to the board...), so a relation found for one member
is missed for the others, and neighbours get linked to each other. Read off the word order
instead: actor mentions separated only by commas, determiners and a final "and"/"or" are
coordinate. :func:`enumerations` finds them; the relation rules then give every
member the relation found for one, and drop directed links between two members (nothing but
punctuation stands between them, so nothing says one belongs to the other).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from actorgraph.records import MentionRef
from actorgraph.scores import bracket_end

from .syntax import MentionIndex

# Entity labels by the kind of actor they name. A list may mix them ("Russia, China, the EU and
# NATO"), not least as the tagger calls many organisations places.
CLASS_OF_LABEL = {
    "PERSON": "person", "PER": "person",
    "ORG": "org",
    "GPE": "place", "LOC": "place",
}  # fmt: skip
# Words that may stand between two members besides commas.
# Not "a"/"an": "Chapter & Verse, a Spokane and Seattle agency" describes, it does not list.
LINK_WORDS = frozenset({"and", "or", "the", "as", "well", "also", "both"})
COORDINATORS = frozenset({"and", "or"})
# Prepositions of a place that belongs to the member before it ("the Girl Scouts of the USA").
TAIL_PREPS = frozenset({"of", "in", "from"})
# A bracket after a member holds its abbreviation or country: "( CPN )", "( U.S. )".
MAX_BRACKET = 6
MIN_MEMBERS = 3
# Without a final "and"/"or", a run of commas is a list only when it is this long, and never for
# places: "Hove, Sussex, England" is one place inside the next.
MIN_BARE_MEMBERS = 4


@dataclass(frozen=True)
class Enumeration:
    members: tuple[MentionRef, ...]
    kind: str  # person | org | place, or mixed
    spans: tuple[tuple[int, int], ...]  # each member's tokens, its bracket and place included

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def span_of(self, token_index: int) -> int | None:
        """The position of the member whose span holds the token, if any."""
        for k, (a, b) in enumerate(self.spans):
            if a <= token_index < b:
                return k
        return None



def _bracket(doc: Doc, i: int) -> int:
    """The index after a member's short bracket ("( CPN )", "( U.S. )"), or ``i``."""
    return bracket_end(doc, i, len(doc), limit=MAX_BRACKET + 2, breaks=",(;")


def _gap_ok(tokens: Sequence[Token]) -> bool:
    """Whether the tokens between two members only link them: commas, "and", "or",
    determiners, and names the tagger missed between commas ("A, Human Rights Watch, B").
    Two names side by side with nothing between are one name split in two."""
    chunk: list[Token] = []
    separators = 0
    for t in [*tokens, None]:
        if t is None or t.text == "," or t.lower_ in COORDINATORS:
            words = [w for w in chunk if w.lower_ not in LINK_WORDS]
            if words and not (separators and t is not None
                              and all(w.pos_ == "PROPN" for w in words)):  # fmt: skip
                return False
            if t is not None:
                separators += 1
            chunk = []
        else:
            chunk.append(t)
    return separators > 0


def _tail_end(doc: Doc, i: int) -> int:
    """The index after a place that belongs to the name before it ("the Girl Scouts of the
    USA", "Jones of Texas"), or ``i`` when there is none."""
    if i >= len(doc) or doc[i].lower_ not in TAIL_PREPS:
        return i
    j = i + 1
    while j < len(doc) and doc[j].pos_ == "DET":
        j += 1
    k = j
    while k < len(doc) and doc[k].pos_ == "PROPN":
        k += 1
    if k == j or k >= len(doc) or not (doc[k].text == "," or doc[k].lower_ in COORDINATORS):
        return i
    return k


def _ends(mentions: Sequence[MentionRef], doc: Doc) -> tuple[list[MentionRef], list[int]]:
    """The mentions that may be members, and where each member's text ends: after its bracket
    and after a place that belongs to it ("the Girl Scouts of the USA ( GSUSA )")."""
    members: list[MentionRef] = []
    ends: list[int] = []
    for m in mentions:
        if members and m.end <= ends[-1]:
            continue  # the place of the member before
        members.append(m)
        ends.append(_bracket(doc, _tail_end(doc, _bracket(doc, m.end))))
    return members, ends


def enumerations(sent: Span, index: MentionIndex) -> list[Enumeration]:
    """The lists of three or more actors in a sentence, in text order."""
    doc = sent.doc
    mentions, ends = _ends(
        [m for m in index.in_span(sent) if m.label.upper() in CLASS_OF_LABEL], doc
    )
    out: list[Enumeration] = []
    run: list[MentionRef] = []
    spans: list[tuple[int, int]] = []
    coordinated = False  # whether the last gap of the run holds "and"/"or"
    bare_and = False  # whether it is "and" without a comma: the list's last gap

    def close() -> None:
        if len(run) < MIN_MEMBERS or _respectively(doc, spans[-1][1]):
            return  # "A, B and C, respectively": paired with another list, not shared
        kinds = {CLASS_OF_LABEL[m.label.upper()] for m in run}
        kind = kinds.pop() if len(kinds) == 1 else "mixed"
        if coordinated or (len(run) >= MIN_BARE_MEMBERS and kind != "place"):
            out.append(Enumeration(tuple(run), kind, tuple(spans)))

    for i, m in enumerate(mentions):
        if run:
            gap = doc[ends[i - 1] : m.start] if ends[i - 1] <= m.start else None
            if gap is not None and _gap_ok(gap):
                comma = any(t.text == "," for t in gap)
                if not bare_and:
                    run.append(m)
                    spans.append((m.start, ends[i]))
                    coordinated = any(t.lower_ in COORDINATORS for t in gap)
                    bare_and = not comma
                    continue
                # "won a majority in the Assembly and both Mugabe and Tsvangirai claimed":
                # "and" twice without a comma joins clauses, not the items of one list
                close()
                run, spans = [run[-1], m], [spans[-1], (m.start, ends[i])]
                coordinated, bare_and = True, not comma
                continue
            close()
        run, spans, coordinated, bare_and = [m], [(m.start, ends[i])], False, False
    close()
    return out


def _respectively(doc: Doc, i: int) -> bool:
    while i < len(doc) and doc[i].is_punct:
        i += 1
    return i < len(doc) and doc[i].lower_ == "respectively"


def members_of(enums: Sequence[Enumeration]) -> dict[str, Enumeration]:
    """Mention id → the enumeration it belongs to."""
    return {m.mention_id: e for e in enums for m in e.members}


def co_members(enum: Enumeration, mention: MentionRef) -> Iterator[MentionRef]:
    """The other members of ``enum``, besides ``mention``."""
    return (m for m in enum.members if m.mention_id != mention.mention_id)
