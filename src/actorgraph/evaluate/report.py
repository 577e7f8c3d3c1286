"""The evaluation report: scores of every system by task, as Markdown or Rich tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from actorgraph.evaluate.metrics import ErrorExample, Score

TASK_TITLES: dict[str, str] = {
    "entities": "Named entities (P/R/F1 by type; exact and overlapping spans)",
    "countries": "Country attribution (mention -> ISO3; accuracy over gold country mentions)",
    "merging": "Cross-document actor merging (pairwise P/R/F1 against gold identities)",
    "dates": "Dates (TempEval-3 style: spans, and values equal to the gold value)",
    "relations": "Relations (directed pairs, reversed share, event-type agreement)",
}
TASK_ORDER: tuple[str, ...] = tuple(TASK_TITLES)


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _counts(score: Score) -> str:
    if score.kind == "rate":
        return f"{score.tp}/{score.n}"
    if score.pred_tp is not None and score.pred_tp != score.tp:
        return f"{score.tp}({score.pred_tp})/{score.fp}/{score.fn}"
    return f"{score.tp}/{score.fp}/{score.fn}"


def _cells(score: Score | None) -> list[str]:
    if score is None:
        return ["", "", "", ""]
    if score.kind == "rate":
        return ["", "", _fmt(score.value), _counts(score)]
    return [_fmt(score.precision), _fmt(score.recall), _fmt(score.f1), _counts(score)]


def _rich_cell(score: Score | None) -> str:
    if score is None:
        return ""
    if score.kind == "rate":
        return f"{_fmt(score.value)}\n[dim]{_counts(score)}[/dim]"
    return (
        f"F1 {_fmt(score.f1)}\n[dim]P {_fmt(score.precision)} R {_fmt(score.recall)}\n"
        f"{_counts(score)}[/dim]"
    )


@dataclass(frozen=True)
class EvalReport:
    """Scores of the systems on one gold set.

    Attributes:
        fmt: the gold format.
        path: the gold file or folder.
        n_docs: documents evaluated.
        model: the spaCy model both systems used.
        created: ISO date of the run.
        scores: one :class:`Score` per task, metric and system.
        errors: false positives and misses of every system (see :meth:`examples`).
        gold_counts: gold items by kind (entities, timexes, relations ...).
        seconds: wall-clock seconds per system (informative only).
        gold_entities: both systems were given the gold entities (oracle NER): the relation
            scores measure the relation stage alone, the entity scores are not meaningful.
    """

    fmt: str
    path: str
    n_docs: int
    model: str | None
    created: str
    scores: tuple[Score, ...]
    errors: tuple[ErrorExample, ...] = ()
    gold_counts: dict[str, int] = field(default_factory=dict)
    systems: tuple[str, ...] = ("actorgraph", "baseline")
    seconds: dict[str, float] = field(default_factory=dict)
    errors_requested: int = 0
    gold_entities: bool = False

    @property
    def mode(self) -> str:
        """How the systems were run, for headings: ``"gold entities"`` or ``""``."""
        return "gold entities" if self.gold_entities else ""

    @property
    def tasks(self) -> list[str]:
        """The tasks scored, in report order."""
        present = {s.task for s in self.scores}
        return [t for t in TASK_ORDER if t in present]

    def get(self, task: str, metric: str, system: str = "actorgraph") -> Score | None:
        """The score of ``system`` on ``task``/``metric``, or None."""
        for score in self.scores:
            if (score.task, score.metric, score.system) == (task, metric, system):
                return score
        return None

    def metrics(self, task: str) -> list[str]:
        """The metric names of ``task`` in the order they were computed."""
        names: list[str] = []
        for score in self.scores:
            if score.task == task and score.metric not in names:
                names.append(score.metric)
        return names

    def rows(self, task: str) -> list[list[str]]:
        """Table rows for ``task``: metric, gold n, then P, R, F1/rate, counts per system."""
        rows = []
        for metric in self.metrics(task):
            scores = [self.get(task, metric, system) for system in self.systems]
            n = next((s.n for s in scores if s is not None), 0)
            row = [metric, str(n)]
            for score in scores:
                row += _cells(score)
            rows.append(row)
        return rows

    def header(self) -> list[str]:
        """Column names matching :meth:`rows`."""
        head = ["metric", "gold n"]
        for system in self.systems:
            head += [f"{system} P", "R", "F1 / rate", "tp/fp/fn"]
        return head

    def examples(self, n: int, system: str = "actorgraph") -> list[ErrorExample]:
        """Up to ``n`` false positives and ``n`` misses per task for ``system``."""
        chosen: list[ErrorExample] = []
        for task in self.tasks:
            for kind in ("fp", "miss"):
                chosen += [
                    e for e in self.errors if (e.task, e.kind, e.system) == (task, kind, system)
                ][:n]
        return chosen

    def error_lines(self, n: int | None = None, system: str = "actorgraph") -> list[Any]:
        """Rich :class:`~rich.text.Text` lines listing ``n`` errors per task and kind.

        ``n`` defaults to the ``errors`` the report was made with (0: no lines). ``Text``
        objects are printed verbatim by a Rich console, so brackets in a sentence are safe.
        """
        from rich.text import Text

        n = self.errors_requested if n is None else n
        if not n:
            return []
        lines: list[Any] = []
        for example in self.examples(n, system):
            line = Text()
            line.append(
                f"{example.task} {example.kind}",
                style="bold red" if example.kind == "fp" else "bold yellow",
            )
            line.append(f"  {example.doc_id}  ")
            line.append(f"“{example.text}”", style="bold")
            line.append(f"  {example.detail}\n    ")
            line.append(" ".join(example.sentence.split()), style="dim")
            lines.append(line)
        if not lines:
            lines.append(Text(f"no errors of {system} to show"))
        return lines

    def to_markdown(self, *, errors: int | None = None, heading_level: int = 3) -> str:
        """The report as Markdown: one table per task, systems side by side."""
        h = "#" * heading_level
        lines = [
            f"{h} {self.fmt}: {self.path}" + (f", {self.mode}" if self.mode else ""),
            "",
            f"{self.n_docs} documents; gold: "
            + ", ".join(f"{v} {k}" for k, v in self.gold_counts.items())
            + f"; model `{self.model}`; run {self.created}."
            + (" Both systems were given the gold entities (oracle NER)." if self.gold_entities else ""),
            "",
        ]
        for task in self.tasks:
            lines += [f"{h}# {TASK_TITLES[task]}", ""]
            lines += _markdown_table(self.header(), self.rows(task))
            lines.append("")
        errors = self.errors_requested if errors is None else errors
        if errors:
            lines += [f"{h}# Errors (actorgraph, up to {errors} per task and kind)", ""]
            chosen = self.examples(errors)
            if not chosen:
                lines.append("(none)")
            for example in chosen:
                sentence = " ".join(example.sentence.split())
                lines.append(
                    f"- **{example.task} {example.kind}** `{example.doc_id}` "
                    f"“{example.text}” — {example.detail}  \n  > {sentence}"
                )
            lines.append("")
        return "\n".join(lines)

    def to_rich_tables(self) -> list[Any]:
        """One :class:`rich.table.Table` per task, compact enough for an 80-column terminal.

        Each system's cell holds its headline (F1 or rate), P and R, and the counts below.
        """
        from rich.table import Table

        tables = []
        for task in self.tasks:
            fmt = f"{self.fmt} ({self.mode})" if self.mode else self.fmt
            table = Table(title=f"{fmt} · {TASK_TITLES[task]}", title_justify="left")
            table.add_column("metric", justify="left", ratio=2)
            table.add_column("gold n", justify="right")
            for system in self.systems:
                table.add_column(system, justify="right", ratio=2)
            for metric in self.metrics(task):
                scores = [self.get(task, metric, system) for system in self.systems]
                n = next((s.n for s in scores if s is not None), 0)
                table.add_row(metric, str(n), *(_rich_cell(score) for score in scores))
            tables.append(table)
        return tables

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (scores with their derived P/R/F1)."""
        scores = []
        for score in self.scores:
            item = asdict(score)
            item.update(precision=score.precision, recall=score.recall, f1=score.f1)
            scores.append(item)
        return {
            "format": self.fmt,
            "path": self.path,
            "n_docs": self.n_docs,
            "model": self.model,
            "created": self.created,
            "gold_entities": self.gold_entities,
            "gold_counts": dict(self.gold_counts),
            "seconds": dict(self.seconds),
            "scores": scores,
        }


def _markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    aligns = ["---"] + ["---:"] * (len(header) - 1)
    return [line(header), "|" + "|".join(aligns) + "|", *(line(r) for r in rows)]
