"""Publication dates: from metadata values and from the top lines of an article."""

from __future__ import annotations

import datetime
import email.utils
import re

from actorgraph.dates.grammar import _normalize
from actorgraph.dates.values import _safe_date

__all__ = ["find_published_in_text", "parse_published"]

# ---------------------------------------------------------------------------
# Public API: publication dates
# ---------------------------------------------------------------------------

_EARLIEST = datetime.date(1800, 1, 1)


def _plausible(d: datetime.date | None, not_after: datetime.date | None) -> bool:
    if d is None:
        return False
    limit = not_after or (datetime.date.today() + datetime.timedelta(days=1))
    return _EARLIEST <= d <= limit


def _absolute_day(text: str) -> datetime.date | None:
    """A full calendar day written out in ``text`` (no reference needed), else None."""
    dv = _normalize(text, None, None)
    if dv.granularity == "day" and dv.date_type == "exact" and dv.date_start is not None:
        return dv.date_start
    return None


def parse_published(value: object) -> datetime.date | None:
    """Parse a metadata publication date ("2019-01-04", RFC 2822, epoch seconds, ...).

    Returns None when the value is missing, unparsable or implausible (before 1800 or after
    tomorrow).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime.datetime):
        d: datetime.date | None = value.date()
        return d if _plausible(d, None) else None
    if isinstance(value, datetime.date):
        return value if _plausible(value, None) else None
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 200:
        return None
    d = None
    if re.fullmatch(r"\d{9,13}(?:\.\d+)?", text):
        return _from_epoch(float(text))
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])", text)
    if m:
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
    elif re.match(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s[A-Za-z]{3}\s\d{4}\s\d", text):
        try:
            d = email.utils.parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError):
            d = None
    if d is None:
        d = _absolute_day(re.sub(r"[T\s]\d{1,2}:\d\d.*$", "", text))
    if d is None:
        d = _absolute_day(text)
    return d if _plausible(d, None) else None


def _from_epoch(seconds: float) -> datetime.date | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        d = datetime.datetime.fromtimestamp(seconds, tz=datetime.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        return None
    return d if _plausible(d, None) else None


_LABELS: list[tuple[str, re.Pattern[str]]] = [
    (
        "text:published",
        re.compile(
            r"^\W*(?:first\s+)?(?:published|publication date|pub(?:lished)?\s*date|date published|released)\b\s*(?:on|at|:|-)?\s*(.+)$",
            re.I,
        ),
    ),
    ("text:posted", re.compile(r"^\W*(?:posted|written|filed)\b\s*(?:on|at|:|-)?\s*(.+)$", re.I)),
    (
        "text:last-updated",
        re.compile(
            r"^\W*(?:last\s+updated|last\s+modified|last\s+edited)\b\s*(?:on|at|:|-)?\s*(.+)$", re.I
        ),
    ),
    ("text:updated", re.compile(r"^\W*(?:updated|modified)\b\s*(?:on|at|:|-)?\s*(.+)$", re.I)),
    ("text:date", re.compile(r"^\W*(?:date|dated)\s*(?::|-)\s*(.+)$", re.I)),
]
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Za-z .]{2,30})?\s*[,(]?\s*"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))"
    r"\s*(?:\(|/)?\s*(?:[A-Z][A-Za-z\- ]{1,30})?\)?\s*[-\u2013\u2014]"
)
_BY_TAIL = re.compile(r"\s*(?:\||\u2022|\bby\b|\bat\b\s*\d|\d{1,2}:\d\d).*$", re.I)


def _date_in_fragment(fragment: str, reference: datetime.date | None) -> datetime.date | None:
    frag = fragment.strip()
    candidates = [frag, _BY_TAIL.sub("", frag).strip()]
    # "Dec. 6, 2020 10:00 am ET" / "2020-12-06 10:00"
    candidates.append(re.sub(r"\s+\d{1,2}[:.]\d\d.*$", "", frag).strip())
    for cand in candidates:
        if not cand:
            continue
        d = _absolute_day(cand)
        if d is not None:
            return d
        if reference is not None:
            dv = _normalize(cand, reference, "past")
            if (
                dv.granularity == "day"
                and dv.date_start is not None
                and dv.date_type != "unresolved"
            ):
                return dv.date_start
    return None


def find_published_in_text(
    text: str, *, not_after: datetime.date | None = None
) -> tuple[datetime.date, int, int, str] | None:
    """Find the publication date written near the top of an article.

    Looks at the first ~40 lines for labelled dates ("Last updated on 2023/04/14",
    "Published: 6 December 2020", "Posted on ..."), a wire dateline ("MOSCOW, Dec 6
    (Reuters) -", year taken from ``not_after``), or a short line that is just a date
    ("Friday, January 4, 2019").

    Returns:
        ``(date, start_char, end_char, source_label)`` where the offsets are those of the
        matched line (without its newline), or None. Dates after ``not_after`` (default:
        today) or before 1800 are rejected.
    """
    if not isinstance(text, str) or not text:
        return None
    limit = not_after or datetime.date.today()
    found: dict[str, tuple[datetime.date, int, int]] = {}
    pos = 0
    nonempty = 0
    for i, line in enumerate(text.split("\n")):
        if i >= 40:
            break
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped or len(stripped) > 200:
            continue
        for label, pattern in _LABELS:
            m = pattern.match(stripped)
            if m and label not in found:
                d = _date_in_fragment(m.group(1), limit)
                if d is not None and _plausible(d, limit):
                    found[label] = (d, start, end)
                break
        else:
            m = _DATELINE.match(line)
            if m and "text:dateline" not in found:
                d = _date_in_fragment(m.group("date"), limit)
                if d is not None and _plausible(d, limit):
                    found["text:dateline"] = (d, start, end)
                continue
            # a bare date line only near the top (wrapped wire text has short body lines
            # too) and not the end of a sentence
            nonempty += 1
            if (
                len(stripped) <= 60
                and nonempty <= 10
                and not stripped.endswith(".")
                and "text:date-line" not in found
            ):
                d = _absolute_day(re.sub(r"\s+\d{1,2}[:.]\d\d.*$", "", stripped))
                if d is not None and _plausible(d, limit):
                    found["text:date-line"] = (d, start, end)
    for label in (
        "text:published",
        "text:posted",
        "text:date",
        "text:dateline",
        "text:date-line",
        "text:last-updated",
        "text:updated",
    ):
        if label in found:
            d, s, e = found[label]
            return d, s, e, label
    return None
