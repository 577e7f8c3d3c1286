"""Text clean-up before parsing: punctuation, leading prepositions, modifiers, numbers."""

from __future__ import annotations

import datetime
import re

from actorgraph.dates.lexicon import (
    _MODIFIERS,
    _MONTHS,
    _NUMBERS,
    _SEASONS,
    _STRIP_IF_FOLLOWED,
    _TRIM_LEADING,
    _WEEKDAYS,
)

# ---------------------------------------------------------------------------
# Text normalisation
# ---------------------------------------------------------------------------

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_QUOTES = re.compile(r"[\u2018\u2019\u02bc`]")


def _clean(text: str) -> str:
    s = _DASHES.sub("-", text)
    s = _QUOTES.sub("'", s).lower()
    s = re.sub(r"(\d)'s\b", r"\1s", s)  # 1990's -> 1990s
    s = re.sub(r"'s\b|s'(?=\s|$)", lambda m: "" if m.group(0) == "'s" else "s", s)
    s = re.sub(r"(?<=[a-z])\.", " ", s)  # abbreviation dots: dec. / a.m.
    # "a one-day trip" is a duration, "one day" alone the vague FUTURE_REF
    s = re.sub(r"\bone-(?=(?:day|week|month|year|decade|century|hour|minute)\b)", "1-", s)
    s = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", s)  # third-quarter, year-earlier
    s = re.sub(r"(?<=[a-z])-(?=\d)|(?<=\d)-(?=[a-z])", " ", s)  # mid-1990, five-year
    s = re.sub(r"[,;:!?()\[\]\"]", " ", s)
    s = re.sub(r"\bthis past\b", "last", s)
    s = re.sub(r"\bthis coming\b", "coming", s)
    s = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", s)
    s = re.sub(r"\s+", " ", s).strip(" -'")
    return s


def _strip_leading(s: str) -> str:
    changed = True
    while changed and s:
        changed = False
        for w in _TRIM_LEADING:
            if s.startswith(w + " ") and len(s) > len(w) + 1:
                rest = s[len(w) + 1 :]
                if w in _STRIP_IF_FOLLOWED and not _looks_calendar_start(rest):
                    continue
                s = rest
                changed = True
                break
    return s


def _looks_calendar_start(s: str) -> bool:
    first = s.split(" ", 1)[0]
    return bool(
        first in _MONTHS
        or first in _WEEKDAYS
        or first in _SEASONS
        or re.fullmatch(r"\d{1,4}(s|st|nd|rd|th)?", first)
        or first in ("today", "yesterday", "tomorrow", "christmas", "easter")
    )


def _strip_modifiers(s: str) -> list[str]:
    """``s`` with leading modifiers removed one at a time (every intermediate form)."""
    forms = []
    changed = True
    while changed and s:
        changed = False
        for w in _MODIFIERS:
            if s.startswith(w + " ") and len(s) > len(w) + 1:
                s = s[len(w) + 1 :]
                forms.append(s)
                changed = True
                break
    return forms


def _number(words: str) -> int | None:
    """A cardinal written in digits or English words ("twenty four", "a couple of")."""
    words = words.strip()
    if re.fullmatch(r"\d{1,7}", words):
        return int(words)
    if re.fullmatch(r"\d+\.\d+", words):
        return None
    total = 0
    seen = False
    for w in words.replace(" of", "").replace(" and ", " ").split():
        if w not in _NUMBERS:
            return None
        v = _NUMBERS[w]
        if w == "hundred":
            total = (total or 1) * 100
        else:
            total += v
        seen = True
    return total if seen else None


def _year_of(token: str, reference: datetime.date | None) -> int | None:
    token = token.strip()
    if re.fullmatch(r"'\d\d", token):
        yy = int(token[1:])
        pivot = (reference.year if reference else datetime.date.today().year) % 100 + 10
        century = (reference.year if reference else datetime.date.today().year) // 100 * 100
        return century + yy if yy <= pivot else century - 100 + yy
    if re.fullmatch(r"\d{4}", token):
        return int(token)
    return None


def _day_int(token: str) -> int:
    return int(re.sub(r"\D", "", token))
