"""Date expressions: find them, and normalise them against a reference date."""

from __future__ import annotations

from actorgraph.dates.grammar import (
    date_mentions,
    find_published_in_text,
    is_date_expression,
    normalize_date,
    parse_published,
)

__all__ = [
    "date_mentions",
    "find_published_in_text",
    "is_date_expression",
    "normalize_date",
    "parse_published",
]
