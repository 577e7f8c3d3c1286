"""Evaluation against gold data: ``evaluate(fmt, path)`` scores the pipeline's output tables.

Gold formats: CoNLL-2003 BIO (``conll``), GUM CoNLL-U (``gum``), TimeML (``timeml``),
CrossRE JSON lines (``crossre``) and PETRARCH validation XML (``petrarch``). Every number is
reported beside a plain-spaCy baseline run with the same model (see
:mod:`actorgraph.evaluate.baseline`); how each task is counted is in
:mod:`actorgraph.evaluate.metrics`.

>>> from actorgraph.evaluate import evaluate
>>> report = evaluate("timeml", "../shared/eval/timeml/timebank", limit=10)  # doctest: +SKIP
>>> print(report.to_markdown())                                             # doctest: +SKIP
"""

from __future__ import annotations

from actorgraph.evaluate.gold import GoldDoc, GoldRelation, GoldSpan, GoldTimex
from actorgraph.evaluate.metrics import ErrorExample, Predictions, Score, score_all
from actorgraph.evaluate.readers import FORMATS, Format, GoldFormatError, read_gold
from actorgraph.evaluate.report import EvalReport
from actorgraph.evaluate.run import evaluate

__all__ = [
    "FORMATS",
    "ErrorExample",
    "EvalReport",
    "Format",
    "GoldDoc",
    "GoldFormatError",
    "GoldRelation",
    "GoldSpan",
    "GoldTimex",
    "Predictions",
    "Score",
    "evaluate",
    "read_gold",
    "score_all",
]
