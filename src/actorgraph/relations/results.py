"""Results lines: "Pohang 3 Ulsan 2", "Glamorgan 259 and 207 ( ... ) , Durham 114".

News wires print match results as names and scores with no verb, which no dependency rule
reads. Two actors each followed by a score, with nothing between but the first one's bracket
and a comma, played each other. When each score is one number the higher one won: the winner
"beat" the loser (directed), and equal scores are a "draw". Innings and wickets ("259 and 207",
"429-7") do not say who won: the two "played" (both undirected).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from actorgraph.records import MentionRef
from actorgraph.scores import Score, score_at

from .syntax import Arg, MentionIndex

RESULT_CONFIDENCE = 0.6
# Teams; players' scores ("J. Adams 123 , K. Barnett 87") are no match between them.
TEAM_LABELS = frozenset({"ORG", "GPE", "LOC"})


@dataclass(frozen=True)
class ResultCandidate:
    source: Arg
    target: Arg
    predicate: str  # beat | draw | play
    directed: bool


def result_relations(sent: Span, index: MentionIndex) -> list[ResultCandidate]:
    """The pairs of a results line, read left to right: each team is paired once."""
    doc = sent.doc
    teams = [m for m in index.in_span(sent)
             if m.label.upper() in TEAM_LABELS and not _bracketed(doc, sent.start, m)]
    out: list[ResultCandidate] = []
    i = 0
    while i + 1 < len(teams):
        first, second = teams[i], teams[i + 1]
        s1 = score_at(doc, first.end, sent.end)
        if s1 is None or first.actor_id == second.actor_id:
            i += 1
            continue
        j = s1.end
        if j < second.start and doc[j].text in (",", ";"):
            j += 1
        s2 = score_at(doc, second.end, sent.end) if j == second.start else None
        if s2 is None:
            i += 1
            continue
        out.append(_result(first, second, s1, s2, doc))
        i += 2
    return out


def _bracketed(doc: Doc, start: int, m: MentionRef) -> bool:
    """Whether ``m`` stands inside an open bracket (a team's scorers, not a team)."""
    depth = 0
    for t in doc[start : m.start]:
        depth += t.text == "("
        depth -= t.text == ")" and depth > 0
    return depth > 0


def _result(first: MentionRef, second: MentionRef, s1: Score, s2: Score,
            doc: Doc) -> ResultCandidate:  # fmt: skip
    a = Arg(first, 1.0, doc[first.end - 1])
    b = Arg(second, 1.0, doc[second.end - 1])
    if s1.value is None or s2.value is None:
        return ResultCandidate(a, b, "play", False)
    if s1.value == s2.value:
        return ResultCandidate(a, b, "draw", False)
    return ResultCandidate(a, b, "beat", True) if s1.value > s2.value else ResultCandidate(
        b, a, "beat", True)
