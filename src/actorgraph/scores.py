"""Scores in results lines ("Pohang 3 Ulsan 2", "Glamorgan 259 and 207 ( ... ) , Durham 114"),
read by the entity stage (to split a team from its score) and the relation stage (who beat
whom)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

# Up to three digits: a four-digit number is a year ("Football Manager 2020, Grid 2019").
SCORE = re.compile(r"^\d{1,3}(?:-\d{1,3})?$")
MAX_HEADING = 8  # tokens of a heading before its colon ("Chester-le-Street :", "Third round :")
MAX_BRACKET = 40  # tokens of a bracket after a score: the scorers, the half-time score


@dataclass(frozen=True)
class Score:
    end: int  # the token after the score and its brackets
    value: int | None  # the score when it is one plain number, else None


def bracket_end(doc: Doc, i: int, stop: int, *, limit: int = MAX_BRACKET,
                breaks: str = "(") -> int:  # fmt: skip
    """The index after the bracket opening at ``i`` ("( halftime 1-0 )"), or ``i`` when none
    opens there or it does not close within ``limit`` tokens before one of ``breaks``."""
    if i < stop and doc[i].text == "(":
        for j in range(i + 1, min(stop, i + limit)):
            if doc[j].text == ")":
                return j + 1
            if doc[j].text in breaks:
                break
    return i


def score_at(doc: Doc, i: int, stop: int) -> Score | None:
    """The score starting at ``i``: "3", "259 and 207", "114 ( ... ) and 81-3"."""
    if i >= stop or not SCORE.match(doc[i].text):
        return None
    j = _wickets(doc, i, stop)
    value = int(doc[i].text) if j == i + 1 and doc[i].text.isdigit() else None
    j = bracket_end(doc, j, stop)
    while j + 1 < stop and doc[j].lower_ == "and" and SCORE.match(doc[j + 1].text):
        value = None  # two innings
        j = bracket_end(doc, _wickets(doc, j + 1, stop), stop)
    return Score(j, value)


def _wickets(doc: Doc, i: int, stop: int) -> int:
    """The token after the number at ``i`` and its wickets, however tokenized ("429-7",
    "429 - 7", "198/5")."""
    if i + 2 < stop and doc[i + 1].text in ("-", "/") and doc[i + 2].text.isdigit():
        return i + 3
    return i + 1


def heading_end(sent: Span) -> int:
    """The token after a short heading's colon ("Bristol :", "Third round :"), else the
    sentence start."""
    for t in sent[:MAX_HEADING]:
        if t.text == ":":
            return t.i + 1
        if t.pos_ in ("VERB", "AUX"):
            break
    return sent.start


def first_word(doc: Doc, i: int, stop: int) -> int:
    """The first token from ``i`` that is no punctuation or space."""
    while i < stop and (doc[i].is_punct or doc[i].is_space):
        i += 1
    return i


def starts_line(doc: Doc, i: int, line_start: int) -> bool:
    """Whether token ``i`` begins a line: it is ``line_start`` or a line break comes before it
    (a results line the sentence splitter ran into the text before it)."""
    if i == line_start:
        return True
    j = i - 1
    while j >= 0 and (doc[j].is_space or doc[j].is_punct and doc[j].text in "*•-–"):
        if "\n" in doc[j].text:
            return True
        j -= 1
    return j >= 0 and "\n" in doc[j].whitespace_
