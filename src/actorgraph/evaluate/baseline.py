"""The plain-spaCy baseline every evaluation number is shown beside.

Same model, none of actorgraph's logic: entities exactly as spaCy's NER gives them; date
values from :mod:`dateparser` relative to the publication date; countries by a pycountry
lookup of the mention text (``pycountry.countries.lookup``: codes and names); actors merged by
identical (case-folded) mention text; relations as undirected sentence co-occurrence of every
two entity mentions, which the relation metrics count as "found, direction unknown".

In gold-entity mode the baseline is :func:`run_gold_baseline`: the same co-occurrence, of the
gold entities in the gold sentence, with no model at all.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import pandas as pd

from actorgraph import schema
from actorgraph.evaluate.gold import GoldDoc
from actorgraph.evaluate.metrics import Predictions
from actorgraph.records import Article

log = logging.getLogger(__name__)

#: spaCy labels whose mentions are actors (get an actor id and co-occurrence relations).
ACTOR_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
DATE_LABELS: frozenset[str] = frozenset({"DATE", "TIME"})


def load_plain(model: str | None = None) -> Any:
    """Load the spaCy pipeline ``model`` (the project's default model when None) unmodified."""
    import spacy

    if model is None:
        from actorgraph.nlp import default_model

        model = default_model()
    return spacy.load(model)


def country_lookup(text: str) -> str | None:
    """ISO3 of ``text`` by ``pycountry.countries.lookup`` (names and codes), else None."""
    import pycountry

    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    if not text:
        return None
    try:
        return pycountry.countries.lookup(text).alpha_3
    except LookupError:
        return None


@lru_cache(maxsize=256)
def _date_parser(base: date | None) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def dateparser_value(text: str, base: date | None) -> str | None:
    """A TIMEX3-style value for ``text`` from dateparser, at the granularity it reports."""
    try:
        data = _date_parser(base).get_date_data(text)
    except Exception as e:  # noqa: BLE001 - dateparser raises many kinds on odd input
        log.debug("dateparser failed on %r: %s", text, e)
        return None
    moment = data.date_obj if data else None
    if moment is None:
        return None
    period = data.period or "day"
    if period == "year":
        return f"{moment.year:04d}"
    if period == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if period == "week":
        year, week, _ = moment.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if period == "time":
        return moment.strftime("%Y-%m-%dT%H:%M")
    return moment.strftime("%Y-%m-%d")


def run_baseline(
    articles: Sequence[Article], nlp: Any = None, *, model: str | None = None, batch_size: int = 32
) -> Predictions:
    """Run the plain-spaCy baseline over ``articles``; tables shaped like the pipeline's.

    Args:
        articles: the articles (their ``published`` date anchors relative dates).
        nlp: a loaded spaCy pipeline; loaded from ``model`` when None.
        model: the model name when ``nlp`` is None.
    """
    if nlp is None:
        nlp = load_plain(model)
    mentions: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    texts = (article.text for article in articles)
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=batch_size), strict=True):
        sent_of = {}
        for s_index, sent in enumerate(doc.sents):
            for token in sent:
                sent_of[token.i] = s_index
        by_sent: dict[int, list[dict[str, Any]]] = {}
        for i, ent in enumerate(doc.ents):
            s_index = sent_of.get(ent.start, 0)
            row: dict[str, Any] = {
                "doc_id": article.doc_id,
                "mention_id": f"{article.doc_id}:b{i}",
                "sent_index": s_index,
                "start_char": ent.start_char,
                "end_char": ent.end_char,
                "text": ent.text,
                "label": ent.label_,
            }
            if ent.label_ in DATE_LABELS:
                row["value"] = dateparser_value(ent.text, article.published)
            elif ent.label_ in ACTOR_LABELS:
                row["actor_id"] = "base:" + " ".join(ent.text.casefold().split())
                row["country"] = country_lookup(ent.text)
                by_sent.setdefault(s_index, []).append(row)
            mentions.append(row)
        sents = list(doc.sents)
        for s_index, rows in by_sent.items():
            sent = sents[s_index]
            relations += _cooccurrences(rows, sent.text, sent.start_char, sent.end_char)
    return _predictions(mentions, relations)


def run_gold_baseline(docs: Sequence[GoldDoc]) -> Predictions:
    """The baseline given the gold entities: co-occurrence of every two in a gold sentence.

    Each gold name becomes a mention with the label actorgraph is given
    (:meth:`GoldDoc.given_entities`); those with an actor label are actors (identical text,
    one actor) and every two of them in one gold sentence (the whole text when the gold set
    marks none) are an undirected pair, exactly as :func:`run_baseline` pairs spaCy's.
    """
    mentions: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for doc in docs:
        sentences = list(doc.sentences) or [(0, len(doc.text))]
        by_sent: dict[int, list[dict[str, Any]]] = {}
        for i, (start, end, label) in enumerate(doc.given_entities()):
            s_index = next((k for k, (s, e) in enumerate(sentences) if s <= start < e), 0)
            text = doc.text[start:end]
            row: dict[str, Any] = {
                "doc_id": doc.doc_id, "mention_id": f"{doc.doc_id}:g{i}", "sent_index": s_index,
                "start_char": start, "end_char": end, "text": text, "label": label,
            }  # fmt: skip
            if label in ACTOR_LABELS:
                row["actor_id"] = "base:" + " ".join(text.casefold().split())
                row["country"] = country_lookup(text)
                by_sent.setdefault(s_index, []).append(row)
            mentions.append(row)
        for s_index, rows in by_sent.items():
            start, end = sentences[s_index]
            relations += _cooccurrences(rows, doc.text[start:end], start, end)
    return _predictions(mentions, relations)


def _cooccurrences(rows: list[dict[str, Any]], evidence: str, start: int, end: int) -> list[dict[str, Any]]:
    """An undirected co-occurrence row for every two mention ``rows`` of one sentence."""
    return [
        {
            "relation_id": f"{a['mention_id']}~{b['mention_id']}",
            "doc_id": a["doc_id"],
            "sent_index": a["sent_index"],
            "source_id": a["actor_id"],
            "source_name": a["text"],
            "target_id": b["actor_id"],
            "target_name": b["text"],
            "kind": "cooccurrence",
            "evidence": evidence,
            "start_char": start,
            "end_char": end,
            "directed": False,
            "source_mention_id": a["mention_id"],
            "target_mention_id": b["mention_id"],
        }
        for i, a in enumerate(rows)
        for b in rows[i + 1 :]
    ]


def _predictions(mentions: list[dict[str, Any]], relations: list[dict[str, Any]]) -> Predictions:
    return Predictions(
        mentions=schema.frame("mentions", mentions),
        relations=schema.frame("relations", relations),
        actors=pd.DataFrame(columns=["actor_id", "country"]),
    )
