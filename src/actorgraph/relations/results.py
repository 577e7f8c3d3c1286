"""Results lines: "Pohang 3 Ulsan 2", "Glamorgan 259 and 207 ( ... ) , Durham 114".

News wires print match results as names and scores with no verb, which no dependency rule
reads. Two actors each followed by a score, with nothing between but the first one's bracket
and a comma, played each other. When each score is one number the higher one won: the winner
"beat" the loser (directed), and equal scores are a "draw". Innings and wickets ("259 and 207",
"429-7") do not say who won: the two "played" (both undirected). A place heading the line
("Chester-le-Street : ...") is where both played; a fixture line ("CHICAGO AT TORONTO",
"Leeds v Hull") says who play each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from actorgraph.records import MentionRef
from actorgraph.scores import Score, bracket_end, first_word, heading_end, score_at, starts_line
from actorgraph.truecase import in_capital_block

from .attributes import PERSON_LABELS
from .syntax import Arg, MentionIndex

RESULT_CONFIDENCE = 0.6
# Teams; players' scores ("J. Adams 123 , K. Barnett 87") are no match between them.
TEAM_LABELS = frozenset({"ORG", "GPE", "LOC"})
VENUE_LABELS = frozenset({"GPE", "LOC", "FAC"})
FIGURES = re.compile(r"^\d{1,2}-\d{1,3}$")
MAX_VENUE_BRACKET = 8  # "London ( The Oval ) :"
FIXTURE_WORDS = (["vs"], ["vs."], ["v"], ["v."], ["versus"])


@dataclass(frozen=True)
class ResultCandidate:
    source: Arg
    target: Arg
    predicate: str  # beat | draw | play | at | play for | bowl against
    directed: bool
    kind: str = "action"  # or located_in: a team at the venue that heads the line; role: a
    # player in brackets after the team's score
    apart: MentionRef | None = None  # the team a bowler is listed under, which is not theirs


def result_relations(sent: Span, index: MentionIndex) -> list[ResultCandidate]:
    """The pairs of a results line, read left to right: each team is paired once."""
    doc = sent.doc
    mentions = index.in_span(sent)
    teams = [m for m in mentions
             if m.label.upper() in TEAM_LABELS and not _bracketed(doc, sent.start, m)]
    out: list[ResultCandidate] = []
    venue = _venue(sent, mentions)
    # a results line starts the sentence, its ground's "X :" or the result before it; a name
    # and a number inside a sentence are a title or a sequel ("Attack on Titan: Final Battle 2,
    # Destiny 2: The Collection")
    line_start = first_word(doc, venue[1] if venue else heading_end(sent), sent.end)
    i = 0
    while i + 1 < len(teams):
        first, second = teams[i], teams[i + 1]
        s1 = score_at(doc, first.end, sent.end)
        if s1 is None or first.actor_id == second.actor_id or not starts_line(doc, first.start, line_start):
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
        out += _players(first, s1, second, doc, mentions)
        out += _players(second, s2, first, doc, mentions)
        i += 2
        line_start = first_word(doc, s2.end, sent.end)  # the next result may follow
    if out and venue is not None:
        # "Chester-le-Street : Glamorgan 259 ..., Durham 114": the match's ground
        at = Arg(venue[0], 1.0, doc[venue[0].end - 1])
        for c in [c for c in out if c.kind == "action"]:
            for team in (c.source, c.target):
                out.append(ResultCandidate(team, at, "at", True, "located_in"))
    if not out:
        out += _fixture(sent, teams)
    return out


def _venue(sent: Span, mentions: list[MentionRef]) -> tuple[MentionRef, int] | None:
    """The place heading a line ("London ( The Oval ) :") and the index after its colon."""
    doc = sent.doc
    if not mentions or mentions[0].label.upper() not in VENUE_LABELS:
        return None
    if mentions[0].start != first_word(doc, sent.start, sent.end):
        return None
    after = bracket_end(doc, mentions[0].end, sent.end, limit=MAX_VENUE_BRACKET)
    if after < sent.end and doc[after].text == ":":
        return mentions[0], after + 1
    return None


def _fixture(sent: Span, teams: list[MentionRef]) -> list[ResultCandidate]:
    """A fixture line, the whole sentence "CHICAGO AT TORONTO" or "Leeds v Hull": they play."""
    if len(teams) != 2:
        return []
    doc = sent.doc
    first, second = teams
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words or words[0].i != first.start or words[-1].i != second.end - 1:
        return []
    between = [t.text for t in doc[first.end : second.start] if not t.is_punct]
    # "AT" in capitals, as schedules print it (and the model reads it re-cased, see
    # actorgraph.truecase): "the University of Texas at Tyler" is a name
    at = ["AT"] if not in_capital_block(doc, first.start) else ["at"]
    if not (between == at or between == ["AT"] or [w.lower() for w in between] in FIXTURE_WORDS):
        return []
    return [ResultCandidate(Arg(first, 1.0, doc[first.end - 1]),
                            Arg(second, 1.0, doc[second.end - 1]), "play", False)]  # fmt: skip


def _players(team: MentionRef, score: Score, other: MentionRef, doc: Doc,
             mentions: list[MentionRef]) -> list[ResultCandidate]:  # fmt: skip
    """The people in brackets after a team's score play for it ("Sussex 363 ( W. Athey 111 ,
    V. Drakes 52 ; ...)", "Hyundai 6 ( Kim 23 )"); on a cricket scorecard the bowlers, after the
    semicolon or with their figures ("; I. Austin 4-37", "( S. Watkin 4-28 )"), took the
    wickets, so they play for the other side and bowled against the team they are listed
    under."""
    out: list[ResultCandidate] = []
    semicolon = next((t.i for t in doc[team.end : score.end] if t.text == ";"), score.end)
    for m in mentions:
        if not (team.end < m.start and m.end < score.end) or m.label.upper() not in PERSON_LABELS:
            continue
        side = team if m.start < semicolon and not _figures(doc, m.end, score.end) else other
        out.append(ResultCandidate(Arg(m, 1.0, doc[m.end - 1]), Arg(side, 1.0, doc[side.end - 1]),
                                   "play for", True, "role",
                                   None if side is team else team))  # fmt: skip
        if side is not team:
            out.append(ResultCandidate(Arg(m, 1.0, doc[m.end - 1]),
                                       Arg(team, 1.0, doc[team.end - 1]), "bowl against", True))
    return out


def _figures(doc: Doc, i: int, stop: int) -> bool:
    """Whether a bowler's figures, wickets-runs, follow at ``i`` ("4-28", "4 - 28"), not a
    batsman's runs ("84", "56 not out")."""
    words = [t.text for t in doc[i : min(stop, i + 3)]]
    return bool(words) and (
        bool(FIGURES.match(words[0]))
        or (len(words) == 3 and words[0].isdigit() and words[1] == "-" and words[2].isdigit())
    )


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
