"""Report: one self-contained HTML page summarising a run.

The page makes no request of its own: figures are inlined as base64 PNG, the style sheet
is inline, there is no script, and a Content-Security-Policy forbids loading anything
else. Every piece of text from the corpus is HTML-escaped.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from actorgraph.result import Result

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
       max-width: 1200px; padding: 0 1rem; color: #1d2327; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2rem; }
p.meta { color: #57606a; margin-top: 0; }
table { border-collapse: collapse; margin: 0.6rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.55rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.evidence { min-width: 22rem; max-width: 36rem; }
td.date { white-space: nowrap; }
.grid { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
figure { margin: 0.8rem 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #eaeef2; }
figcaption { color: #57606a; font-size: 0.85rem; }
code { font-size: 0.85rem; }
"""


def _esc(value: Any) -> str:
    """Escaped text of a cell (NA shows as an empty cell)."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return html.escape(str(value), quote=True)


def _table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, numeric: Sequence[int] = (),
           classes: dict[int, str] | None = None) -> str:
    classes = dict(classes or {})
    for i in numeric:
        classes[i] = "num"
    head = "".join(f"<th>{_esc(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="{classes[i]}">{_esc(v)}</td>' if i in classes else f"<td>{_esc(v)}</td>"
            for i, v in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _figure(fig: Any, alt: str, caption: str) -> str:
    from actorgraph.plots import to_data_uri

    uri = to_data_uri(fig, dpi=100)
    return (f'<figure><img src="{uri}" alt="{_esc(alt)}">'
            f"<figcaption>{_esc(caption)}</figcaption></figure>")


def _date_range(values: pd.Series) -> str:
    dated = values.dropna().astype(str).str.slice(0, 10)
    dated = dated[dated.str.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?")]
    if dated.empty:
        return "none"
    return f"{dated.min()} to {dated.max()}"


def top_relations(result: Result, n: int = 30) -> pd.DataFrame:
    """The most reported relations (co-occurrence left out), with one evidence sentence each.

    Relations are grouped by source, target, kind and event type and ranked by the number
    of documents stating them, then of relations.
    """
    rels = result.relations
    rels = rels[rels["kind"] != "cooccurrence"]
    columns = ["source_name", "kind", "event_type", "predicates", "target_name", "n_docs",
               "n_relations", "first_date", "evidence", "doc_id"]
    if rels.empty:
        return pd.DataFrame(columns=columns)
    dates = rels["date"].astype("string")
    rels = rels.assign(event_type=rels["event_type"].astype("string").fillna(""),
                       _date=dates.where(dates.str.match(r"\d{4}").fillna(False)))
    rels = rels.sort_values(["doc_id", "sent_index"], na_position="last", kind="stable")
    keys = ["source_id", "target_id", "kind", "event_type"]
    groups = rels.groupby(keys, sort=False, dropna=False)
    table = groups.agg(source_name=("source_name", "first"), target_name=("target_name", "first"),
                       n_docs=("doc_id", "nunique"), n_relations=("relation_id", "size"),
                       first_date=("_date", "min"), evidence=("evidence", "first"),
                       doc_id=("doc_id", "first")).reset_index()
    table = table.sort_values(["n_docs", "n_relations", "source_name"], ascending=[False, False, True],
                              kind="stable").head(n)
    # Predicates only for the rows shown: joining them per group is the slow part.
    chosen = rels.merge(table[keys], on=keys)
    predicates = chosen.groupby(keys, sort=False, dropna=False)["predicate"].agg(
        lambda ps: "; ".join(sorted({str(p) for p in ps.dropna()}))).rename("predicates").reset_index()
    table = table.merge(predicates, on=keys, how="left")
    table["first_date"] = table["first_date"].astype("string").fillna("")
    return table[columns].reset_index(drop=True)


def render_report(source: Result | str | os.PathLike[str], *, title: str | None = None,
                  top_n: int = 30, min_weight: int = 1, include_cooccurrence: bool = True) -> str:
    """The report as an HTML string (see :func:`write_report`)."""
    from actorgraph import __version__, plots
    from actorgraph.export import _as_result

    result = _as_result(source)
    docs, actors, rels = result.documents, result.actors, result.relations
    where = str(result.out) if result.out else "in-memory result"
    title = title or "actorgraph report"
    status = docs["status"].value_counts().to_dict() if len(docs) else {}
    summary_rows = [
        ("documents", len(docs)),
        ("documents ok / skipped / error",
         f"{status.get('ok', 0)} / {status.get('skipped', 0)} / {status.get('error', 0)}"),
        ("publication dates", _date_range(docs["published"]) if len(docs) else "none"),
        ("mentions", len(result.mentions)),
        ("actors", len(actors)),
        ("relations", len(rels)),
        ("relation dates", _date_range(rels["date"]) if len(rels) else "none"),
    ]
    if result.run.get("version"):
        summary_rows.append(("actorgraph version of the run", result.run.get("version")))
    model = result.run.get("model")
    if isinstance(model, dict):
        model = " ".join(str(model[k]) for k in ("name", "version") if model.get(k))
    if model:
        summary_rows.append(("model", model))
    if result.run.get("created"):
        summary_rows.append(("run created", result.run.get("created")))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{_esc(title)}</h1>",
        f'<p class="meta">Output folder: <code>{_esc(where)}</code> · generated '
        f"{_esc(datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC'))} by actorgraph {_esc(__version__)}</p>",
        '<h2 id="summary">Summary</h2><div class="grid">',
        _table(["run", "value"], summary_rows),
    ]
    if len(actors):
        by_type = actors["type"].astype("string").fillna("(none)").value_counts()
        parts.append(_table(["actor type", "actors"], by_type.items(), numeric=(1,)))
    if len(rels):
        by_kind = rels["kind"].astype("string").fillna("(none)").value_counts()
        parts.append(_table(["relation kind", "relations"], by_kind.items(), numeric=(1,)))
        quads = rels["quad_class"].dropna().astype(str)
        if len(quads):
            parts.append(_table(["quad class", "relations"], quads.value_counts().items(), numeric=(1,)))
    parts.append("</div>")

    parts.append('<h2 id="actors">Top actors</h2>')
    if len(actors):
        top = actors.sort_values(["n_mentions", "name"], ascending=[False, True]).head(top_n)
        parts.append(_table(["actor", "type", "country", "sector", "mentions", "documents", "id"],
                            top[["name", "type", "country", "sector", "n_mentions", "n_docs",
                                 "actor_id"]].itertuples(index=False), numeric=(4, 5)))
        parts.append(_figure(plots.plot_top_actors(result, n=min(top_n, 20)), "Top actors by mentions",
                             "The most mentioned actors, coloured by type."))
    else:
        parts.append("<p>No actors.</p>")

    parts.append('<h2 id="network">Actor network</h2>')
    graph = result.network(min_weight=min_weight, include_cooccurrence=include_cooccurrence)
    parts.append(_figure(
        plots.plot_network(graph), "Actor network",
        f"{graph.number_of_nodes()} actors and {graph.number_of_edges()} links in all; the 40 most "
        "mentioned are drawn. Node size: mentions; colour: actor type; line width: stories; "
        "dashed: co-occurrence in a sentence only."))

    parts.append('<h2 id="timeline">Timeline</h2>')
    parts.append(_figure(plots.plot_timeline(result, freq="M", by="quad_class"), "Timeline of relations",
                         "Relations (co-occurrence left out) per month of their date, by quad class. "
                         "Relations dated only to the year are not shown."))

    parts.append('<h2 id="countries">Countries</h2>')
    parts.append(_figure(plots.plot_country_matrix(result), "Country by country matrix",
                         "Relations (co-occurrence left out) from actors of one country (rows) to "
                         "actors of another (columns)."))

    parts.append('<h2 id="relations">Top relations</h2>')
    top_rel = top_relations(result, top_n)
    if top_rel.empty:
        parts.append("<p>No relations other than co-occurrence.</p>")
    else:
        parts.append(_table(
            ["source", "kind", "event type", "predicates", "target", "documents", "relations", "first date",
             "evidence", "document"],
            top_rel.itertuples(index=False), numeric=(5, 6), classes={7: "date", 8: "evidence"}))

    errors = docs[docs["status"] == "error"] if len(docs) else docs
    if len(errors):
        parts.append('<h2 id="errors">Documents with errors</h2>')
        parts.append(_table(["document", "path", "error"],
                            errors[["doc_id", "path", "error"]].itertuples(index=False)))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_report(source: Result | str | os.PathLike[str], path: str | os.PathLike[str], *,
                 title: str | None = None, top_n: int = 30, min_weight: int = 1,
                 include_cooccurrence: bool = True) -> Path:
    """Write one self-contained HTML report: summary, top actors, network, timeline, relations.

    Args:
        source: a :class:`~actorgraph.result.Result` or an output folder of ``actorgraph run``.
        path: the HTML file to write (written to a temporary name, then renamed).
        title: the page title (default "actorgraph report").
        top_n: rows in the top-actors and top-relations tables.
        min_weight, include_cooccurrence: which links the network picture keeps.

    Returns:
        The path written.
    """
    from actorgraph.export import _atomic

    page = render_report(source, title=title, top_n=top_n, min_weight=min_weight,
                         include_cooccurrence=include_cooccurrence)
    path = Path(path)
    with _atomic(path) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return path
