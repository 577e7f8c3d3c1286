"""Regenerate docs/quality.md: actorgraph vs the plain-spaCy baseline on the shared gold sets.

Usage (what ``make quality`` runs):

    python scripts/quality.py [--shared ../shared] [--out docs/quality.md] [--model NAME]
                              [--limit N] [--errors N]

Every number comes from ``actorgraph.evaluate.evaluate`` — the pipeline's own output tables
scored against the gold files — beside the baseline run with the same model. Gold sets that
are absent (a user's clone has no ../shared) are listed as skipped.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from actorgraph.evaluate import EvalReport, evaluate

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class GoldSet:
    """A gold set under shared/eval and what the docs say about it."""

    name: str
    fmt: str
    path: str  # relative to the shared folder
    about: str
    licence: str
    actors: tuple[str, ...] = ()  # actor dictionaries for actorgraph, relative to shared
    gold_entities: bool = False  # both systems given the gold entities: relations shown only


PHOENIX = tuple(f"dictionaries/phoenix/Phoenix.{n}.actors.txt"
                for n in ("Countries", "International", "MilNonState"))

SETS: tuple[GoldSet, ...] = (
    GoldSet("GUM news", "gum", "eval/gum-news",
            "Wikinews articles from GUM: every mention typed, with Wikipedia identity; "
            "`<date>` values; publication date", "annotations CC BY 4.0, text CC BY 2.5"),
    GoldSet("TimeBank", "timeml", "eval/timeml/timebank",
            "TimeML news documents: TIMEX3 expressions with normalised values; DCT",
            "TempEval-3 research distribution"),
    GoldSet("AQUAINT", "timeml", "eval/timeml/aquaint",
            "TimeML newswire (AQUAINT part of TempEval-3)", "TempEval-3 research distribution"),
    GoldSet("CrossRE news (dev)", "crossre", "eval/crossre/news-dev.json",
            "sentences with typed entities and directed relations", "GPL-3.0 (data)"),
    GoldSet("CrossRE politics (dev)", "crossre", "eval/crossre/politics-dev.json",
            "sentences with typed entities and directed relations", "GPL-3.0 (data)"),
    GoldSet("CrossRE news (train, held-out)", "crossre", "eval/crossre/news-train.json",
            "sentences with typed entities and directed relations; a check set: no rule is "
            "written from it", "GPL-3.0 (data)"),
    GoldSet("CrossRE politics (train, held-out)", "crossre", "eval/crossre/politics-train.json",
            "sentences with typed entities and directed relations; a check set: no rule is "
            "written from it", "GPL-3.0 (data)"),
    GoldSet("CrossRE news (dev), gold entities", "crossre", "eval/crossre/news-dev.json",
            "the same sentences, both systems given the gold entities (`--gold-entities`): "
            "the relation stage alone", "GPL-3.0 (data)", gold_entities=True),
    GoldSet("CrossRE politics (dev), gold entities", "crossre", "eval/crossre/politics-dev.json",
            "the same sentences, both systems given the gold entities (`--gold-entities`): "
            "the relation stage alone", "GPL-3.0 (data)", gold_entities=True),
    GoldSet("PETRARCH-2 validation", "petrarch", "eval/petrarch/PETR2_GSR_validation.xml",
            "news sentences with CAMEO event codings (silver: checked coder output)", "MIT"),
    GoldSet("PETRARCH-2 validation + Phoenix dictionaries", "petrarch",
            "eval/petrarch/PETR2_GSR_validation.xml",
            "the same, with the Phoenix Countries, International and MilNonState actor "
            "dictionaries given to actorgraph (`--actors`), as PETRARCH itself codes with them",
            "MIT", PHOENIX),
)  # fmt: skip

#: (task, metric) shown in the summary table.
HEADLINES: tuple[tuple[str, str, str], ...] = (
    ("entities", "all overlap", "NER F1 (overlap)"),
    ("entities", "all exact", "NER F1 (exact)"),
    ("countries", "mention country (ISO3)", "country accuracy"),
    ("countries", "adjective -> country (ISO3)", "adjective → country accuracy"),
    ("merging", "cross-document pairs", "cross-doc merging F1"),
    ("dates", "span overlap", "date span F1"),
    ("dates", "value", "date value F1"),
    ("dates", "value, DATE-type gold only", "date value F1 (DATE-type gold)"),
    ("relations", "pair (any direction)", "relation pair F1"),
    ("relations", "directed pair", "directed pair F1"),
    ("relations", "right direction (share of gold)", "right direction (share of gold pairs)"),
    ("relations", "right by a symmetric relation (share of gold)", "… of which by a symmetric relation (share of gold pairs)"),
    ("relations", "reversed (share of gold)", "reversed (share of gold pairs)"),
    ("relations", "direction right (of pairs found directed)", "direction right (of pairs found directed)"),
    ("relations", "right direction, strict arguments (share of gold)", "right direction, strict arguments (share of gold pairs)"),
    ("relations", "reversed, strict arguments (share of gold)", "reversed, strict arguments (share of gold pairs)"),
    ("relations", "event type agrees", "event type agreement"),
)

METHOD = """\
How each number is counted (details in `src/actorgraph/evaluate/metrics.py`):

- **Both systems** run on the same gold documents with the same spaCy model. The document text
  is rebuilt from the gold tokens, so gold spans and the output tables' offsets index the
  same string. *actorgraph* is `actorgraph.pipeline.extract_articles` — the `mentions`,
  `actors` and `relations` tables users get. *baseline* is plain spaCy: its entities as they
  are, dates valued by `dateparser` relative to the publication date, countries by
  `pycountry.countries.lookup` of the mention text, actors merged by identical text, and
  sentence co-occurrence as (undirected) relations.
- **Named entities**: our labels map to CoNLL types (PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC,
  NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE→MISC). Spans pair one-to-one per type, *exact*
  or *overlap* (greedy by overlap). GUM: only person/organization/place mentions whose head
  is a proper noun are gold names, without a leading article or trailing possessive ("the
  United States" -> "United States"); other GUM mentions (pronouns, "the team") are neither
  expected nor held against an overlapping prediction of the same type.
- **Country attribution**: gold mentions (proper-noun or adjective head) whose Wikipedia
  identity is a country by pycountry name matching (`iso3_from_name`: exact name, official
  or common name, or the leading words of exactly one name; no hand-made list). The
  prediction overlapping most among those with a `country` decides. Rate = correct / gold.
- **Merging**: pairwise over gold named mentions with an identity that a predicted actor
  mention overlaps: a pair is merged when both share the `actor_id`, gold-merged when both
  share the identity. Shown for all pairs and for pairs from different documents.
- **Dates** (TempEval-3 style): relaxed (overlap) and strict span P/R/F1; a value counts when
  it equals the gold TIMEX3 value (GUM ranges: equal `date_start`/`date_end`). Value P/R use
  all predicted/gold expressions; value accuracy uses the matched pairs. TimeML also marks
  TIME, DURATION and SET expressions: "value" counts them all, "DATE-type gold only" the
  DATE ones (unmatched predictions count against both). GUM marks every time expression as
  a `time` entity but values only dates: a prediction on a `time` entity without a gold
  value ("two weeks") is not scored either way.
- **Relations**: a gold pair is found in the right direction by a directed prediction from
  its source to its target, or by a typed symmetric relation between the two ("A and B met":
  a meeting holds both ways; shown apart as "of which by a symmetric relation") when no
  directed prediction runs the other way; *reversed* by a directed prediction the other way;
  and *direction unknown* by a co-occurrence only — which is never counted right or reversed.
  "directed pair" counts directed predictions only. "direction right (of pairs found
  directed)" = directed right / (directed right + reversed). A predicted argument matches a
  gold one when the spans overlap; the *strict* rows also ask that it cover at least half of
  the gold argument's characters, so that "Spanish" (a nationality inside the gold argument
  "Spanish Farm Minister") does not stand for that argument.
  Arguments match by span overlap (CrossRE) or, for PETRARCH's actor codes, by country (the
  code's first three letters; a code without a country, e.g. `IGOUNO` or `---REB`, matches
  an argument without a country); PETRARCH pairs are events, so only `action` relations (and
  co-occurrence, as direction unknown) match them, and when relations of the gold event type
  match a pair, they decide its direction. Event types: CAMEO root → PLOVER. CrossRE pairs are kept
  when both arguments are person/organisation/location/misc types. Every row of the
  `relations` table counts (co-occurrence included); the gold sets do not annotate every
  true pair, so relation precision is a lower bound for both systems.
- **Gold entities** (the CrossRE sets marked so; `--gold-entities`): relation extraction as
  it is usually scored, given the gold entities, so that named-entity recall is out of the
  relation numbers. actorgraph runs with every gold entity in place of the names the model
  and its own components found (the model's dates and other values stay where no gold
  entity overlaps them), as person→PERSON, organisation/party→ORG, country→GPE,
  location→GPE when the gazetteer knows it as a country, city or region, else LOC,
  misc→NORP (a nationality becomes its country, anything else a group), election/event→
  EVENT (no actor, so never an endpoint; CrossRE pairs with them are not scored anyway);
  the baseline is the co-occurrence of the gold entities in the sentence. Only the relation
  rows are shown: the entity rows would only score the entities both systems were given.
- Counts: `tp/fp/fn` (for pair precision, `tp(matched predictions)/fp/fn`), `k/n` for rates.
"""


def model_description(model: str | None) -> str:
    """``name version`` of the spaCy model package, as far as it can be told."""
    if model is None:
        from actorgraph.nlp import default_model

        model = default_model()
    try:
        from importlib.metadata import version

        return f"{model} {version(model.replace('_', '-'))}"
    except Exception:  # noqa: BLE001 - the version is informative only
        return model


def summary(results: list[tuple[GoldSet, EvalReport]]) -> list[str]:
    lines = [
        "| data set | metric | actorgraph | baseline | gold n |",
        "|---|---|---:|---:|---:|",
    ]
    for gold_set, report in results:
        for task, metric, title in HEADLINES:
            ours, base = (
                report.get(task, metric, "actorgraph"),
                report.get(task, metric, "baseline"),
            )
            if ours is None or not ours.n:
                continue
            lines.append(
                f"| {gold_set.name} | {title} | {_num(ours.value)} | "
                f"{_num(base.value if base else None)} | {ours.n} |"
            )
    return lines


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "quality.md")
    parser.add_argument("--model", default=None)
    parser.add_argument("--limit", type=int, default=None, help="documents per set (quick runs)")
    parser.add_argument("--errors", type=int, default=0, help="examples of errors per task")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    results: list[tuple[GoldSet, EvalReport]] = []
    skipped: list[str] = []
    for gold_set in SETS:
        path = args.shared / gold_set.path
        actors = [args.shared / a for a in gold_set.actors]
        if not path.exists() or not all(a.exists() for a in actors):
            skipped.append(f"- {gold_set.name}: `{gold_set.path}` or its dictionaries are absent "
                           f"under `{args.shared}`.")
            continue
        started = time.perf_counter()
        print(f"evaluating {gold_set.name} ({path}) ...", file=sys.stderr)
        report = evaluate(gold_set.fmt, path, model=args.model, limit=args.limit,  # type: ignore[arg-type]
                          errors=args.errors, actors_file=actors or None,
                          gold_entities=gold_set.gold_entities)  # fmt: skip
        print(f"  done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        if gold_set.gold_entities:
            report = replace(report, scores=tuple(s for s in report.scores if s.task == "relations"),
                             errors=tuple(e for e in report.errors if e.task == "relations"))
        results.append((gold_set, report))

    lines = [
        "# Extraction quality",
        "",
        "<!-- generated by `make quality` (scripts/quality.py); do not edit by hand -->",
        "",
        f"Generated {date.today().isoformat()} with model `{model_description(args.model)}`"
        + (f", first {args.limit} documents per set" if args.limit else "")
        + ". Each number has the plain-spaCy baseline (same model) beside it.",
        "",
        "## Summary",
        "",
        *summary(results),
        "",
        "## Method",
        "",
        METHOD,
    ]
    if skipped:
        lines += ["## Skipped", "", *skipped, ""]
    for gold_set, report in results:
        size = ", ".join(f"{v:,} {k}" for k, v in report.gold_counts.items())
        lines += [
            f"## {gold_set.name}",
            "",
            f"- data: `{gold_set.path}` — {gold_set.about}",
            f"- size: {report.n_docs:,} documents; {size}",
            f"- licence: {gold_set.licence}",
            f"- run: {report.created}, model `{report.model}`, "
            + ", ".join(f"{k} {v:.0f} s" for k, v in report.seconds.items()),
            "",
        ]
        body = report.to_markdown(errors=args.errors, heading_level=3).splitlines()
        lines += body[4:]  # the report's own heading and size line are replaced by the above
        lines.append("")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
