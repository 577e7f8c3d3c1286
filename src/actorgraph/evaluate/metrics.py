"""Scores of predicted tables against gold documents, task by task.

Every function takes the gold documents and a :class:`Predictions` (the ``mentions`` and
``relations`` tables exactly as users get them, plus ``actors`` when there is one) and returns
:class:`Score` rows and :class:`ErrorExample` s. How each task is counted:

* **entities** — predicted labels are mapped to CoNLL types (:data:`PRED_LABEL_MAP`); spans
  are paired one-to-one per type, *exact* (same offsets) or *overlap* (greedy by overlap
  length). Gold mentions that are not names (GUM pronouns and common-noun phrases) are
  neither expected nor held against a prediction that overlaps them.
* **countries** — gold mentions with a gold country; the predicted mention overlapping most
  among those with a ``country`` decides: equal ISO3 is correct, another is wrong, none is a
  miss. The rate is correct / gold mentions.
* **merging** — pairwise: over gold named mentions with an identity that a predicted actor
  mention overlaps (one-to-one), a pair of mentions is predicted-merged when both have the same
  ``actor_id`` and gold-merged when both have the same identity; P/R over those pairs, for all
  pairs and for cross-document pairs only.
* **dates** — TempEval-3 style: spans paired one-to-one by overlap (relaxed) or offsets
  (strict); a value counts when it equals the gold value (ranges: equal ``date_start`` and
  ``date_end``). Value P/R use all predicted/gold expressions as denominators; value accuracy
  uses the matched pairs.
* **relations** — a gold pair is found *in the right direction* by a directed prediction from
  its source to its target, *reversed* by a directed one the other way, and *direction
  unknown* by an undirected prediction (``directed`` False, e.g. co-occurrence) — never
  counted right or reversed. Arguments match by span overlap (predicted mention ids ->
  mention offsets), or by country for gold sets whose actors are codes (PETRARCH).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from actorgraph.evaluate.gold import DATE_LABELS, PRED_LABEL_MAP, GoldDoc, GoldRelation

ScoreKind = Literal["prf", "rate"]


@dataclass(frozen=True)
class Score:
    """One metric for one system, with its counts.

    For ``prf`` scores ``tp`` counts matched gold items (recall numerator), ``fn`` missed gold
    items, ``fp`` unmatched predictions and ``pred_tp`` matched predictions (precision
    numerator; equal to ``tp`` for one-to-one matching). For ``rate`` scores ``tp`` counts
    successes out of ``n``; ``fp`` counts wrong answers and ``fn`` items with no answer.
    """

    task: str
    metric: str
    system: str
    tp: int
    fp: int
    fn: int
    n: int
    kind: ScoreKind = "prf"
    pred_tp: int | None = None

    @property
    def precision(self) -> float | None:
        hits = self.tp if self.pred_tp is None else self.pred_tp
        if self.kind == "rate":
            return _ratio(self.tp, self.tp + self.fp)
        return _ratio(hits, hits + self.fp)

    @property
    def recall(self) -> float | None:
        if self.kind == "rate":
            return _ratio(self.tp, self.n)
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        if self.kind == "rate":
            return None
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None  # nothing in gold and nothing predicted
        p, r = p or 0.0, r or 0.0
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    @property
    def value(self) -> float | None:
        """The headline number: F1 for ``prf``, the rate for ``rate``."""
        return self.f1 if self.kind == "prf" else self.recall


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


@dataclass(frozen=True)
class ErrorExample:
    """A false positive (``kind="fp"``) or a miss (``kind="miss"``), with its sentence."""

    task: str
    system: str
    kind: Literal["fp", "miss"]
    doc_id: str
    text: str
    detail: str
    sentence: str


@dataclass(frozen=True)
class Predictions:
    """The output tables of one system on the gold documents."""

    mentions: pd.DataFrame
    relations: pd.DataFrame
    actors: pd.DataFrame | None = None

    @classmethod
    def from_result(cls, result: object) -> Predictions:
        """Wrap a pipeline :class:`~actorgraph.result.Result` (anything with the three tables)."""
        return cls(
            mentions=result.mentions,  # type: ignore[attr-defined]
            relations=result.relations,  # type: ignore[attr-defined]
            actors=getattr(result, "actors", None),
        )


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str
    label: str
    mention_id: str | None
    actor_id: str | None
    country: str | None
    value: str | None
    date_start: str | None
    date_end: str | None

    @property
    def etype(self) -> str | None:
        return PRED_LABEL_MAP.get(self.label)


@dataclass
class _Index:
    """Predicted mentions by document and by id."""

    by_doc: dict[str, list[_Mention]] = field(default_factory=dict)
    by_id: dict[str, tuple[str, _Mention]] = field(default_factory=dict)
    actor_country: dict[str, str] = field(default_factory=dict)


def _clean(value: object) -> str | None:
    if value is None or value is pd.NA:
        return None
    try:
        if pd.isna(value):  # type: ignore[arg-type]
            return None
    except (TypeError, ValueError):
        pass
    text = str(value)
    return text if text else None


def _index(preds: Predictions) -> _Index:
    index = _Index()
    df = preds.mentions
    cols = set(df.columns)

    def col(name: str) -> list:
        return list(df[name]) if name in cols else [None] * len(df)

    rows = zip(
        col("doc_id"), col("start_char"), col("end_char"), col("text"), col("label"),
        col("mention_id"), col("actor_id"), col("country"), col("value"),
        col("date_start"), col("date_end"), strict=True,
    )  # fmt: skip
    for doc_id, start, end, text, label, mid, aid, country, value, d_start, d_end in rows:
        if _clean(start) is None or _clean(end) is None:
            continue
        mention = _Mention(
            int(start), int(end), _clean(text) or "", _clean(label) or "", _clean(mid),
            _clean(aid), _clean(country), _clean(value), _clean(d_start), _clean(d_end),
        )  # fmt: skip
        index.by_doc.setdefault(str(doc_id), []).append(mention)
        if mention.mention_id:
            index.by_id[mention.mention_id] = (str(doc_id), mention)
    if preds.actors is not None and len(preds.actors) and "country" in preds.actors.columns:
        for aid, country in zip(preds.actors["actor_id"], preds.actors["country"], strict=True):
            if _clean(aid) and _clean(country):
                index.actor_country[str(aid)] = str(country)
    return index


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match_spans(
    gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]], *, exact: bool = False
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of spans.

    ``exact`` pairs identical offsets only; otherwise spans that overlap are paired greedily,
    largest overlap first (ties: earlier gold, then earlier prediction).
    """
    candidates: list[tuple[int, int, int]] = []
    for gi, (g_start, g_end) in enumerate(gold):
        for pi, (p_start, p_end) in enumerate(pred):
            if exact:
                if (g_start, g_end) == (p_start, p_end):
                    candidates.append((g_end - g_start, gi, pi))
            else:
                size = _overlap(g_start, g_end, p_start, p_end)
                if size > 0:
                    candidates.append((size, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


# ---------------------------------------------------------------------------------------------
# entities


def score_entities(
    docs: Sequence[GoldDoc], preds: Predictions, system: str
) -> tuple[list[Score], list[ErrorExample]]:
    """Named-entity P/R/F1 by type, exact and overlapping spans, plus micro averages."""
    index = _index(preds)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    examples: list[ErrorExample] = []
    types: list[str] = []
    for doc in docs:
        if "entities" not in doc.tasks:
            continue
        for etype in doc.entity_types:
            if etype not in types:
                types.append(etype)
        predicted = index.by_doc.get(doc.doc_id, [])
        for etype in doc.entity_types:
            gold = [e for e in doc.entities if e.etype == etype and e.named]
            ignore = [e for e in doc.entities if e.etype == etype and not e.named]
            pred = [m for m in predicted if m.etype == etype]
            for mode in ("exact", "overlap"):
                pairs = match_spans(
                    [(g.start, g.end) for g in gold],
                    [(p.start, p.end) for p in pred],
                    exact=mode == "exact",
                )
                matched_gold = {gi for gi, _ in pairs}
                matched_pred = {pi for _, pi in pairs}
                fps = [
                    p for pi, p in enumerate(pred)
                    if pi not in matched_pred
                    and not any(_overlap(p.start, p.end, g.start, g.end) for g in ignore)
                ]  # fmt: skip
                misses = [g for gi, g in enumerate(gold) if gi not in matched_gold]
                cell = counts[(etype, mode)]
                cell[0] += len(pairs)
                cell[1] += len(fps)
                cell[2] += len(misses)
                cell[3] += len(gold)
                if mode == "overlap":
                    examples += [
                        ErrorExample("entities", system, "fp", doc.doc_id, p.text,
                                     f"predicted {p.label} ({etype})",
                                     doc.sentence_of(p.start, p.end))
                        for p in fps
                    ]  # fmt: skip
                    examples += [
                        ErrorExample("entities", system, "miss", doc.doc_id, g.text,
                                     f"gold {g.label} ({etype})", doc.sentence_of(g.start, g.end))
                        for g in misses
                    ]  # fmt: skip
    scores: list[Score] = []
    for mode in ("exact", "overlap"):
        total = [0, 0, 0, 0]
        for etype in types:
            tp, fp, fn, n = counts[(etype, mode)]
            total = [a + b for a, b in zip(total, (tp, fp, fn, n), strict=True)]
            scores.append(Score("entities", f"{etype} {mode}", system, tp, fp, fn, n))
        if types:
            scores.append(Score("entities", f"all {mode}", system, *total))
    return scores, examples


# ---------------------------------------------------------------------------------------------
# countries


def score_countries(
    docs: Sequence[GoldDoc], preds: Predictions, system: str
) -> tuple[list[Score], list[ErrorExample]]:
    """Country attribution accuracy over gold mentions that have a gold country."""
    index = _index(preds)
    tp = fp = fn = n = 0
    # The same counts for nationality adjectives alone ("Russian" -> RUS), where gold says.
    adj = [0, 0, 0, 0]
    examples: list[ErrorExample] = []
    for doc in docs:
        if "countries" not in doc.tasks:
            continue
        predicted = [
            m for m in index.by_doc.get(doc.doc_id, [])
            if m.country and m.label not in DATE_LABELS
        ]  # fmt: skip
        for gold in doc.entities:
            if not gold.country:
                continue
            n += 1
            is_adj = gold.head_pos == "ADJ"
            adj[3] += is_adj
            best = max(
                predicted,
                key=lambda m: (_overlap(m.start, m.end, gold.start, gold.end), -m.start),
                default=None,
            )
            if best is None or not _overlap(best.start, best.end, gold.start, gold.end):
                fn += 1
                adj[2] += is_adj
                examples.append(ErrorExample("countries", system, "miss", doc.doc_id, gold.text,
                                             f"gold {gold.country}, no country predicted",
                                             doc.sentence_of(gold.start, gold.end)))  # fmt: skip
            elif best.country == gold.country:
                tp += 1
                adj[0] += is_adj
            else:
                fp += 1
                adj[1] += is_adj
                examples.append(ErrorExample("countries", system, "fp", doc.doc_id, best.text,
                                             f"predicted {best.country}, gold {gold.country}",
                                             doc.sentence_of(gold.start, gold.end)))  # fmt: skip
    if not n and not any("countries" in d.tasks for d in docs):
        return [], []
    scores = [Score("countries", "mention country (ISO3)", system, tp, fp, fn, n, "rate")]
    if adj[3]:
        scores.append(Score("countries", "adjective -> country (ISO3)", system, *adj, "rate"))
    return scores, examples


# ---------------------------------------------------------------------------------------------
# merging


def pairwise_counts(items: Iterable[tuple[str, str, str]]) -> dict[str, tuple[int, int, int]]:
    """Pairwise clustering counts from (doc_id, gold key, predicted key) items.

    Returns ``{"all": (tp, pred_pairs, gold_pairs), "xdoc": (...)}`` where a pair is two
    items, ``tp`` pairs share both keys, and ``xdoc`` counts only pairs from different
    documents.
    """
    items = list(items)

    def pairs(keys: Iterable[tuple]) -> int:
        return sum(c * (c - 1) // 2 for c in Counter(keys).values())

    gold_all = pairs((g,) for _, g, _ in items)
    pred_all = pairs((p,) for _, _, p in items)
    both_all = pairs((g, p) for _, g, p in items)
    gold_in = pairs((d, g) for d, g, _ in items)
    pred_in = pairs((d, p) for d, _, p in items)
    both_in = pairs((d, g, p) for d, g, p in items)
    return {
        "all": (both_all, pred_all, gold_all),
        "xdoc": (both_all - both_in, pred_all - pred_in, gold_all - gold_in),
    }


def score_merging(
    docs: Sequence[GoldDoc], preds: Predictions, system: str
) -> tuple[list[Score], list[ErrorExample]]:
    """Pairwise precision/recall of actor merging against gold identities."""
    index = _index(preds)
    items: list[tuple[str, str, str]] = []
    where: dict[tuple[str, str], list[tuple[GoldDoc, _Mention]]] = defaultdict(list)
    for doc in docs:
        if "merging" not in doc.tasks:
            continue
        gold = [
            e for e in doc.entities if e.identity and e.named and e.etype in ("PER", "ORG", "LOC")
        ]
        pred = [
            m for m in index.by_doc.get(doc.doc_id, [])
            if m.actor_id and m.label not in DATE_LABELS
        ]  # fmt: skip
        for gi, pi in match_spans(
            [(g.start, g.end) for g in gold], [(p.start, p.end) for p in pred]
        ):
            identity = gold[gi].identity or ""
            actor = pred[pi].actor_id or ""
            items.append((doc.doc_id, identity, actor))
            where[(identity, actor)].append((doc, pred[pi]))
    if not items and not any("merging" in d.tasks for d in docs):
        return [], []
    counts = pairwise_counts(items)
    scores = []
    for key, metric in (("all", "mention pairs"), ("xdoc", "cross-document pairs")):
        tp, pred_pairs, gold_pairs = counts[key]
        scores.append(
            Score("merging", metric, system, tp, pred_pairs - tp, gold_pairs - tp, len(items))
        )
    examples = _merging_examples(items, where, system)
    return scores, examples


def _merging_examples(
    items: list[tuple[str, str, str]],
    where: dict[tuple[str, str], list[tuple[GoldDoc, _Mention]]],
    system: str,
) -> list[ErrorExample]:
    """One example per wrongly merged identity pair and per split identity."""
    by_actor: dict[str, set[str]] = defaultdict(set)
    by_identity: dict[str, set[str]] = defaultdict(set)
    for _, identity, actor in items:
        by_actor[actor].add(identity)
        by_identity[identity].add(actor)
    examples = []
    for actor, identities in sorted(by_actor.items()):
        if len(identities) > 1:
            doc, mention = where[(sorted(identities)[1], actor)][0]
            examples.append(ErrorExample("merging", system, "fp", doc.doc_id, mention.text,
                                         f"actor {actor} merges {', '.join(sorted(identities))}",
                                         doc.sentence_of(mention.start, mention.end)))  # fmt: skip
    for identity, actors in sorted(by_identity.items()):
        if len(actors) > 1:
            doc, mention = where[(identity, sorted(actors)[1])][0]
            examples.append(ErrorExample("merging", system, "miss", doc.doc_id, mention.text,
                                         f"{identity} split over {len(actors)} actors: "
                                         f"{', '.join(sorted(actors)[:4])}",
                                         doc.sentence_of(mention.start, mention.end)))  # fmt: skip
    return examples


# ---------------------------------------------------------------------------------------------
# dates


_DECADE_OR_CENTURY = re.compile(r"^(\d{2,3})X+$")
_ONE_DIGIT_WEEK = re.compile(r"-W(\d)(?!\d)")


def _norm_value(value: str | None) -> str | None:
    """A TIMEX3 value for comparison; "199X" and "199" (TimeML's decade), "19XX" and "19"
    (century), "2000-W7" and "2000-W07" (ISO week, written without its leading zero in some
    gold files) are the same value written two ways."""
    if not value:
        return None
    value = value.strip().upper()
    value = _ONE_DIGIT_WEEK.sub(r"-W0\1", value)
    return _DECADE_OR_CENTURY.sub(r"\1", value)


def date_value_correct(
    gold_value: str | None, gold_start: str | None, gold_end: str | None, mention: _Mention
) -> bool:
    """Whether a predicted date mention has the gold value (or the gold range)."""
    if gold_value:
        return _norm_value(mention.value) == _norm_value(gold_value)
    if gold_start or gold_end:
        return (gold_start is None or mention.date_start == gold_start) and (
            gold_end is None or mention.date_end == gold_end
        )
    return False


def score_dates(
    docs: Sequence[GoldDoc], preds: Predictions, system: str
) -> tuple[list[Score], list[ErrorExample]]:
    """Date span P/R/F1 (relaxed and strict) and value P/R/F1 and accuracy."""
    index = _index(preds)
    relaxed = [0, 0, 0, 0]
    strict = [0, 0, 0, 0]
    value_tp = n_pred = n_gold = 0
    acc_tp = acc_n = acc_fp = 0
    # TimeML also marks TIME, DURATION and SET expressions; the DATE-type subset is scored
    # on its own too (unmatched predictions count against it as false positives).
    typed = False
    d_tp = d_pred = d_gold = 0
    examples: list[ErrorExample] = []
    seen = False
    for doc in docs:
        if "dates" not in doc.tasks:
            continue
        seen = True
        gold = list(doc.timexes)
        # GUM marks every time expression as a "time" entity but values only dates: a
        # prediction on a time entity without a gold value ("two weeks") is not scored.
        unvalued = [(e.start, e.end) for e in doc.entities if e.label.lower() == "time"
                    and not any(t.start < e.end and e.start < t.end for t in gold)]
        pred_all = [m for m in index.by_doc.get(doc.doc_id, []) if m.label in DATE_LABELS]
        pred = [m for m in pred_all if not any(m.start < e and s < m.end for s, e in unvalued)
                or any(t.start < m.end and m.start < t.end for t in gold)]
        types = [(g.type or "DATE").upper() for g in gold]
        typed = typed or any(t != "DATE" for t in types)
        d_gold += sum(t == "DATE" for t in types)
        n_pred += len(pred)
        n_gold += len(gold)
        spans_g = [(g.start, g.end) for g in gold]
        spans_p = [(p.start, p.end) for p in pred]
        for cell, exact in ((relaxed, False), (strict, True)):
            pairs = match_spans(spans_g, spans_p, exact=exact)
            cell[0] += len(pairs)
            cell[1] += len(pred) - len(pairs)
            cell[2] += len(gold) - len(pairs)
            cell[3] += len(gold)
        pairs = match_spans(spans_g, spans_p)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        d_pred += len(pred) - len(matched_p)
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            acc_n += 1
            correct = date_value_correct(g.value, g.date_start, g.date_end, p)
            if types[gi] == "DATE":
                d_pred += 1
                d_tp += int(correct)
            if correct:
                value_tp += 1
                acc_tp += 1
            else:
                acc_fp += 1
                wanted = g.value or f"{g.date_start or '?'}..{g.date_end or '?'}"
                got = p.value or (f"{p.date_start}..{p.date_end}" if p.date_start else "no value")
                examples.append(ErrorExample("dates", system, "fp", doc.doc_id, p.text,
                                             f"value {got}, gold {wanted}",
                                             doc.sentence_of(g.start, g.end)))  # fmt: skip
        examples += [
            ErrorExample("dates", system, "fp", doc.doc_id, p.text, f"predicted {p.label} {p.value}",
                         doc.sentence_of(p.start, p.end))
            for pi, p in enumerate(pred) if pi not in matched_p
        ]  # fmt: skip
        examples += [
            ErrorExample("dates", system, "miss", doc.doc_id, g.text, f"gold {g.type} {g.value}",
                         doc.sentence_of(g.start, g.end))
            for gi, g in enumerate(gold) if gi not in matched_g
        ]  # fmt: skip
    if not seen:
        return [], []
    scores = [
        Score("dates", "span overlap", system, *relaxed),
        Score("dates", "span exact", system, *strict),
        Score("dates", "value", system, value_tp, n_pred - value_tp, n_gold - value_tp, n_gold),
        Score("dates", "value accuracy (matched spans)", system, acc_tp, acc_fp, 0, acc_n, "rate"),
    ]
    if typed:
        scores.insert(3, Score("dates", "value, DATE-type gold only", system, d_tp, d_pred - d_tp,
                               d_gold - d_tp, d_gold))
    return scores, examples


# ---------------------------------------------------------------------------------------------
# relations


@dataclass(frozen=True)
class _PredPair:
    source: tuple[_Mention, ...]
    target: tuple[_Mention, ...]
    source_country: str | None
    target_country: str | None
    directed: bool
    event_type: str | None
    kind: str | None
    evidence: tuple[int, int] | None


def _relations_by_doc(preds: Predictions) -> dict[str, list[dict]]:
    df = preds.relations
    by_doc: dict[str, list[dict]] = defaultdict(list)
    if df is None or not len(df) or "doc_id" not in df.columns:
        return by_doc
    for row in df.to_dict("records"):
        by_doc[str(row["doc_id"])].append(row)
    return by_doc


def _pred_pairs(doc: GoldDoc, rows: list[dict], index: _Index) -> list[_PredPair]:
    """The distinct predicted pairs of one document (same arguments and direction once)."""
    mentions = index.by_doc.get(doc.doc_id, [])
    pairs: list[_PredPair] = []
    seen: set[tuple] = set()
    for row in rows:
        evidence = None
        if _clean(row.get("start_char")) is not None and _clean(row.get("end_char")) is not None:
            evidence = (int(row["start_char"]), int(row["end_char"]))
        args: list[tuple[_Mention, ...]] = []
        countries: list[str | None] = []
        for side in ("source", "target"):
            actor = _clean(row.get(f"{side}_id"))
            mid = _clean(row.get(f"{side}_mention_id"))
            found: tuple[_Mention, ...] = ()
            if mid and mid in index.by_id:
                found = (index.by_id[mid][1],)
            elif actor:
                # No mention id: every mention of the actor inside the evidence sentence.
                found = tuple(
                    m for m in mentions
                    if m.actor_id == actor
                    and (evidence is None or _overlap(m.start, m.end, *evidence))
                )  # fmt: skip
            args.append(found)
            country = next((m.country for m in found if m.country), None)
            if country is None and actor:
                country = index.actor_country.get(actor)
            countries.append(country)
        directed = row.get("directed")
        is_directed = True if _clean(directed) is None else bool(directed)
        key = (
            tuple((m.start, m.end) for m in args[0]), tuple((m.start, m.end) for m in args[1]),
            countries[0], countries[1], is_directed, _clean(row.get("event_type")),
        )  # fmt: skip
        if key in seen:
            continue
        seen.add(key)
        pairs.append(
            _PredPair(
                source=args[0],
                target=args[1],
                source_country=countries[0],
                target_country=countries[1],
                directed=is_directed,
                event_type=_clean(row.get("event_type")),
                kind=_clean(row.get("kind")),
                evidence=evidence,
            )
        )
    return pairs


#: Relation kinds that can stand for a coded event (and co-occurrence, which has no direction).
EVENT_KINDS = frozenset({None, "action", "cooccurrence"})
#: Share of a gold argument's characters a predicted mention must cover in the "strict"
#: relation rows: "Spanish" inside the gold argument "Spanish Farm Minister" is not that argument.
STRICT_COVER = 0.5


def _span_arg(arg: tuple[_Mention, ...], span, cover: float = 0.0) -> bool:  # type: ignore[no-untyped-def]
    if span is None:
        return False
    need = max(1.0, cover * (span.end - span.start))
    return any(_overlap(m.start, m.end, span.start, span.end) >= need for m in arg)


def _matcher(gold: GoldRelation, cover: float = 0.0) -> Callable[[_PredPair, bool], bool]:
    """A test whether a predicted pair matches ``gold`` forward (False) or reversed (True);
    with ``cover``, each argument must overlap that share of the gold argument's span."""
    if gold.source is not None and gold.target is not None:

        def by_span(pair: _PredPair, reverse: bool) -> bool:
            src, tgt = (pair.target, pair.source) if reverse else (pair.source, pair.target)
            return _span_arg(src, gold.source, cover) and _span_arg(tgt, gold.target, cover)

        return by_span

    def by_country(pair: _PredPair, reverse: bool) -> bool:
        # Country-coded gold pairs are events (PETRARCH): attribute links ("the French
        # military in Rwanda" located_in) are not events and never match them.
        if pair.kind not in EVENT_KINDS:
            return False
        # A gold actor code without a country ("IGOUNO", "---REB") matches an argument
        # without a country.
        src, tgt = (
            (pair.target_country, pair.source_country) if reverse
            else (pair.source_country, pair.target_country)
        )  # fmt: skip
        return src == gold.source_country and tgt == gold.target_country

    return by_country


def score_relations(
    docs: Sequence[GoldDoc], preds: Predictions, system: str
) -> tuple[list[Score], list[ErrorExample]]:
    """Pair P/R (any direction), directed P/R, reversed and unknown-direction shares, event types."""
    index = _index(preds)
    relations = _relations_by_doc(preds)
    n_gold = found = correct = reversed_ = unknown = symmetric = 0
    n_spans = strict_right = strict_reversed = 0
    n_pred = pred_found = n_directed = directed_correct = 0
    ev_n = ev_tp = ev_fp = 0
    examples: list[ErrorExample] = []
    seen = False
    for doc in docs:
        if "relations" not in doc.tasks:
            continue
        seen = True
        pairs = _pred_pairs(doc, relations.get(doc.doc_id, []), index)
        matchers = [_matcher(g) for g in doc.relations]
        n_pred += len(pairs)
        n_directed += sum(p.directed for p in pairs)
        for pair in pairs:
            fwd = any(m(pair, False) for m in matchers)
            rev = any(m(pair, True) for m in matchers)
            if fwd or rev:
                pred_found += 1
            if pair.directed and fwd:
                directed_correct += 1
            if not (fwd or rev):
                span = pair.evidence or (0, 0)
                names = " -> " if pair.directed else " -- "
                label = names.join(
                    (arg[0].text if arg else (country or "?"))
                    for arg, country in ((pair.source, pair.source_country),
                                         (pair.target, pair.target_country))
                )  # fmt: skip
                examples.append(ErrorExample("relations", system, "fp", doc.doc_id, label,
                                             f"{pair.kind or 'relation'} {pair.event_type or ''}".strip(),
                                             doc.sentence_of(*span) if pair.evidence else doc.text[:200]))  # fmt: skip
        for gold in doc.relations:
            if gold.source is None or gold.target is None:
                continue
            n_spans += 1
            strict = _matcher(gold, STRICT_COVER)
            s_fwd = any(p.directed and strict(p, False) for p in pairs)
            s_rev = any(p.directed and strict(p, True) for p in pairs)
            s_sym = any(not p.directed and p.kind not in (None, "cooccurrence")
                        and (strict(p, False) or strict(p, True)) for p in pairs)  # fmt: skip
            if s_fwd or (s_sym and not s_rev):
                strict_right += 1
            elif s_rev:
                strict_reversed += 1
        for gold, match in zip(doc.relations, matchers, strict=True):
            n_gold += 1
            candidates = pairs
            if gold.event_type and any(
                p.event_type == gold.event_type and (match(p, False) or match(p, True))
                for p in pairs
            ):
                # the relation that states the gold event decides its direction ("held talks
                # with", not the "offered support to" of the same sentence)
                candidates = [p for p in pairs if p.event_type == gold.event_type]
            fwd = [p for p in candidates if p.directed and match(p, False)]
            rev = [p for p in candidates if p.directed and match(p, True)]
            und = [p for p in candidates if not p.directed and (match(p, False) or match(p, True))]
            # A typed symmetric relation ("A and B met") states both directions, so it holds
            # the gold direction too; a co-occurrence states none.
            sym = [p for p in und if p.kind not in (None, "cooccurrence")]
            if fwd or (sym and not rev):
                correct += 1
                symmetric += 0 if fwd else 1
            elif rev:
                reversed_ += 1
            elif und:
                unknown += 1
            hits = fwd + rev + und
            if hits:
                found += 1
            if gold.event_type and hits:
                ev_n += 1
                types = {p.event_type for p in hits if p.event_type}
                if gold.event_type in types:
                    ev_tp += 1
                elif types:
                    ev_fp += 1
            if not (fwd or (sym and not rev)):
                text = (
                    f"{gold.source.text} -> {gold.target.text}" if gold.source and gold.target
                    else gold.label or ""
                )  # fmt: skip
                how = "reversed" if rev else "direction unknown" if und else "missed"
                span = (
                    (gold.source.start, gold.target.end) if gold.source and gold.target else (0, 0)
                )
                examples.append(ErrorExample("relations", system, "miss", doc.doc_id, text,
                                             " ".join(x for x in ("gold", gold.label, gold.event_type) if x) + f": {how}",
                                             doc.sentence_of(min(span), max(span)) if gold.source else doc.text))  # fmt: skip
    if not seen:
        return [], []
    scores = [
        Score("relations", "pair (any direction)", system, found, n_pred - pred_found,
              n_gold - found, n_gold, pred_tp=pred_found),
        Score("relations", "directed pair", system, correct - symmetric,
              n_directed - directed_correct, n_gold - correct + symmetric, n_gold,
              pred_tp=directed_correct),
        Score("relations", "right direction (share of gold)", system, correct, 0,
              n_gold - correct, n_gold, "rate"),
        Score("relations", "right by a symmetric relation (share of gold)", system, symmetric,
              0, n_gold - symmetric, n_gold, "rate"),
        Score("relations", "reversed (share of gold)", system, reversed_, 0,
              n_gold - reversed_, n_gold, "rate"),
        # Of the gold pairs linked by a directed relation either way: how often the right way.
        Score("relations", "direction right (of pairs found directed)", system,
              correct - symmetric, reversed_, 0, correct - symmetric + reversed_, "rate"),
        Score("relations", "direction unknown (share of gold)", system, unknown, 0,
              n_gold - unknown, n_gold, "rate"),
        *([
            Score("relations", "right direction, strict arguments (share of gold)", system,
                  strict_right, 0, n_spans - strict_right, n_spans, "rate"),
            Score("relations", "reversed, strict arguments (share of gold)", system,
                  strict_reversed, 0, n_spans - strict_reversed, n_spans, "rate"),
        ] if n_spans else []),
        Score("relations", "event type agrees", system, ev_tp, ev_fp,
              ev_n - ev_tp - ev_fp, ev_n, "rate"),
    ]  # fmt: skip
    return scores, examples


TASKS: dict[
    str, Callable[[Sequence[GoldDoc], Predictions, str], tuple[list[Score], list[ErrorExample]]]
] = {
    "entities": score_entities,
    "countries": score_countries,
    "merging": score_merging,
    "dates": score_dates,
    "relations": score_relations,
}


def score_all(
    docs: Sequence[GoldDoc], preds: Predictions, system: str
) -> tuple[list[Score], list[ErrorExample]]:
    """Every task that the gold documents annotate, for one system."""
    scores: list[Score] = []
    examples: list[ErrorExample] = []
    present = {task for doc in docs for task in doc.tasks}
    for task, scorer in TASKS.items():
        if task in present:
            s, e = scorer(docs, preds, system)
            scores += s
            examples += e
    return scores, examples
