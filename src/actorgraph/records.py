"""Plain records passed between the stages of the pipeline.

Every stage takes and returns these frozen dataclasses (or iterators of them), never
spaCy objects, so that stages can run in other processes and be tested alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Status = Literal["ok", "skipped", "error"]


@dataclass(frozen=True)
class Article:
    """One article as ingested.

    ``text`` is the article text exactly as ingested (for HTML: the extracted main text);
    every offset in the output tables slices this string.

    ``meta`` holds what a reader found besides (page metadata, a record's other fields). One
    key is read by the pipeline, as an evaluation and advanced hook rather than a user option:
    ``"entities"``, a list of ``(start_char, end_char, label)`` with spaCy labels
    (``PERSON``, ``ORG``, ``GPE``, ``LOC``, ``NORP`` ...), becomes the document's entities in
    place of the names the model and actorgraph's components found, before actors, dates and
    relations are computed (see :func:`actorgraph.nlp.set_entities`); the content hash
    includes it. Only person, organisation and place labels and ``NORP`` make actors (see
    :data:`actorgraph.actors.ACTOR_LABELS`).
    """

    doc_id: str
    path: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: str | None = None
    status: Status = "ok"
    error: str | None = None
    fmt: str | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Segment:
    """A character range of an article's text and whether it is article body."""

    start: int
    end: int
    kind: Literal["body", "title", "boilerplate"]
    reason: str | None = None


@dataclass(frozen=True)
class DateValue:
    """A date expression normalised against a reference date (TIMEX3-style ``value``)."""

    value: str | None
    date_start: date | None = None
    date_end: date | None = None
    granularity: str | None = None  # day | week | month | quarter | season | year | decade | century
    date_type: str = "unresolved"  # exact | relative | range | duration | set | unresolved


@dataclass(frozen=True)
class MentionRef:
    """A mention inside one processed spaCy Doc, as handed to the relation extractor.

    ``start``/``end`` are token indices into the Doc; ``start_char``/``end_char`` slice the
    article text.
    """

    mention_id: str
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    label: str  # PERSON | ORG | GPE | LOC | NORP | DATE | GROUP | ...
    actor_id: str | None
    actor_name: str | None
    actor_type: str | None
    country: str | None = None
    value: str | None = None


@dataclass(frozen=True)
class Relation:
    """One link between two actors in one sentence, with its evidence."""

    doc_id: str
    sent_index: int
    source_id: str
    source_name: str
    target_id: str
    target_name: str
    kind: str  # cooccurrence | action | affiliation | role | leadership | ...
    predicate: str | None
    evidence: str
    start_char: int  # of the evidence sentence
    end_char: int
    event_type: str | None = None
    quad_class: str | None = None
    negated: bool = False
    modality: str = "asserted"  # asserted | hypothetical | future | reported
    date: str | None = None
    date_source: str | None = None  # clause | sentence | published | reference | None
    confidence: float = 1.0
    directed: bool = True
    source_mention_id: str | None = None
    target_mention_id: str | None = None
    source_text: str | None = None  # the mentions as written ("NHC", "Putin")
    target_text: str | None = None
    rule: str | None = None  # the rule that found it (relations.RULES)
