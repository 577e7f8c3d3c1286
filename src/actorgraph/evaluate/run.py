"""``evaluate()``: run the pipeline and the plain-spaCy baseline on a gold set and score both."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from actorgraph.evaluate.baseline import run_baseline, run_gold_baseline
from actorgraph.evaluate.gold import GoldDoc
from actorgraph.evaluate.metrics import ErrorExample, Predictions, Score, score_all
from actorgraph.evaluate.readers import Format, read_gold
from actorgraph.evaluate.report import EvalReport

log = logging.getLogger(__name__)


def gold_counts(docs: Sequence[GoldDoc]) -> dict[str, int]:
    """How many gold items of each kind the documents hold (for the report header)."""
    counts: dict[str, int] = {}
    tasks = {t for d in docs for t in d.tasks}
    if "entities" in tasks:
        counts["named entity mentions"] = sum(
            1 for d in docs for e in d.entities if e.named and e.etype in d.entity_types
        )
    if "countries" in tasks:
        counts["country mentions"] = sum(1 for d in docs for e in d.entities if e.country)
    if "merging" in tasks:
        counts["identities"] = len(
            {e.identity for d in docs for e in d.entities if e.identity and e.named}
        )
    if "dates" in tasks:
        counts["date expressions"] = sum(len(d.timexes) for d in docs)
    if "relations" in tasks:
        counts["relation pairs"] = sum(len(d.relations) for d in docs)
    return counts


def run_pipeline(
    docs: Sequence[GoldDoc], *, model: str | None = None, nlp: Any = None,
    actors_file: Any = None, gold_entities: bool = False,
) -> Predictions:
    """Run :func:`actorgraph.pipeline.extract_articles` on the gold documents' articles
    (with ``gold_entities``: given the gold entities, see :meth:`GoldDoc.to_article`)."""
    from actorgraph.pipeline import extract_articles

    articles = [d.to_article(gold_entities=gold_entities) for d in docs]
    result = extract_articles(articles, model=model, nlp=nlp, actors_file=actors_file)
    return Predictions.from_result(result)


def score_systems(
    docs: Sequence[GoldDoc], systems: dict[str, Predictions]
) -> tuple[list[Score], list[ErrorExample]]:
    """Score every system's predictions on ``docs``."""
    scores: list[Score] = []
    examples: list[ErrorExample] = []
    for name, preds in systems.items():
        s, e = score_all(docs, preds, name)
        scores += s
        examples += e
    return scores, examples


def evaluate(
    fmt: Format,
    path: str | Path,
    *,
    model: str | None = None,
    errors: int = 0,
    limit: int | None = None,
    nlp: Any = None,
    baseline: bool = True,
    actors_file: Any = None,
    gold_entities: bool = False,
) -> EvalReport:
    """Run actorgraph and the plain-spaCy baseline on a gold set and score both.

    The pipeline's own output tables (``mentions``, ``relations``, ``actors``) are scored,
    exactly as users get them.

    With ``gold_entities`` (oracle NER, the way relation extraction is usually scored) both
    systems are given the gold entities, so the relation scores measure the relation stage
    alone: actorgraph runs with every gold name in place of the names the model and its own
    components found (the model's dates and other values stay where no gold name overlaps
    them; labels by :func:`~actorgraph.evaluate.gold.spacy_label`), and the baseline is the
    co-occurrence of the gold entities in each gold sentence
    (:func:`~actorgraph.evaluate.baseline.run_gold_baseline`). The entity scores then say
    little: the names were given.

    Args:
        fmt: gold format: ``conll``, ``gum``, ``timeml``, ``crossre`` or ``petrarch``.
        path: gold file or folder.
        model: spaCy model for both systems (None: the project's default model).
        errors: keep up to this many false positives and misses per task and system in the
            report (0 keeps all; they are only printed on request).
        limit: evaluate only the first ``limit`` gold documents.
        nlp: a loaded actorgraph pipeline to reuse (tests, notebooks).
        baseline: also run the plain-spaCy baseline.
        actors_file: actor dictionaries for actorgraph (one path or a list), as in ``run``.
        gold_entities: give both systems the gold entities (gold sets with relations
            between entity spans: ``crossre``).

    Returns:
        An :class:`EvalReport`.

    Raises:
        ValueError: ``gold_entities`` for a gold set without relations between entity spans.

    Example:
        >>> report = evaluate("gum", "../shared/eval/gum-news")   # doctest: +SKIP
        >>> print(report.to_markdown())                             # doctest: +SKIP
    """
    docs = read_gold(fmt, path, limit=limit)
    if gold_entities and not any("relations" in d.tasks and d.entities for d in docs):
        raise ValueError(
            f"Gold entities score the relation stage: they need a gold set with relations "
            f"between entity spans (crossre); {path} ({fmt}) has none."
        )
    if model is None:
        from actorgraph.nlp import default_model

        model = default_model()
    systems: dict[str, Predictions] = {}
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    systems["actorgraph"] = run_pipeline(docs, model=model, nlp=nlp, actors_file=actors_file,
                                         gold_entities=gold_entities)
    seconds["actorgraph"] = round(time.perf_counter() - started, 2)
    if baseline:
        started = time.perf_counter()
        if gold_entities:
            systems["baseline"] = run_gold_baseline(docs)
        else:
            systems["baseline"] = run_baseline([d.to_article() for d in docs], model=model)
        seconds["baseline"] = round(time.perf_counter() - started, 2)
    scores, examples = score_systems(docs, systems)
    if errors:
        examples = _trim(examples, errors)
    log.info("evaluated %d %s documents from %s%s", len(docs), fmt, path,
             " with the gold entities" if gold_entities else "")
    return EvalReport(
        fmt=fmt,
        path=str(path),
        n_docs=len(docs),
        model=model,
        created=date.today().isoformat(),
        scores=tuple(scores),
        errors=tuple(examples),
        gold_counts=gold_counts(docs),
        systems=tuple(systems),
        seconds=seconds,
        errors_requested=errors,
        gold_entities=gold_entities,
    )


def _trim(examples: list[ErrorExample], n: int) -> list[ErrorExample]:
    kept: list[ErrorExample] = []
    seen: dict[tuple[str, str, str], int] = {}
    for example in examples:
        key = (example.system, example.task, example.kind)
        if seen.get(key, 0) < n:
            kept.append(example)
            seen[key] = seen.get(key, 0) + 1
    return kept
