"""Date expressions: find them, and normalise them against a reference date.

Every DATE mention is turned into a :class:`~actorgraph.records.DateValue` whose ``value``
follows TIMEX3 (ISO-8601 with TimeML extensions) and whose ``date_start``/``date_end`` give
the calendar interval it denotes. The work is done by a small explicit grammar for the
patterns news text uses; ``dateparser`` is only a cached last resort for absolute dates the
grammar does not know.

Conventions (documented here because TIMEX3 leaves them open):

* ``value`` forms: ``2016`` (year), ``2019-06`` (month), ``2019-06-05`` (day), ``2019-W23``
  (ISO week), ``2019-W23-WE`` (weekend), ``2019-Q2`` (quarter), ``2019-SU`` (season: SP, SU,
  FA, WI), ``199X`` (decade), ``19`` (century: the 1900s), ``PRESENT_REF``/``PAST_REF``/
  ``FUTURE_REF``, ``P6Y`` (durations, ``PXY`` when the amount is vague), ``XXXX-WXX-5`` and
  ``P1W`` (sets), and underspecified ``XXXX-12-06`` when no reference date is known.
* Ranges have no TIMEX3 value; we use the ISO-8601 interval notation ``start/end`` made of
  the two endpoint values, e.g. ``2019/2020`` or ``2019-03/2019-05`` (``date_type="range"``).
  In running text, :func:`date_mentions` keeps compact ranges ("2019-2020", "March 3-5")
  as one mention but emits ranges written with words ("from November 20 to December 11")
  as two endpoint mentions, as TimeML and GUM annotate them.
* Durations anchored to the reference ("the last six years", "the next two weeks") keep the
  TIMEX3 duration value (``P6Y``) and get ``date_start``/``date_end`` spanning the period up
  to (or from) the reference date. Bare durations ("six years", "five-year") have no dates.
* "the last year" / "the past year" (with the article) is read as the twelve months up to
  the reference date: duration ``P1Y`` from reference minus one year to the reference.
  Without the article, "last year" is the previous calendar year.
* Seasons are meteorological, northern hemisphere: spring = March-May, summer = June-August,
  autumn = September-November, winter = December-February (winter 2019 starts 2019-12-01).
* Weeks are ISO weeks (Monday-Sunday). A bare weekday ("Friday") is the most recent such day
  on or before the reference unless the clause is in the future tense (then the next one on
  or after it). "last Friday" is strictly before the reference, "next Friday" strictly after.
* A month or day without a year ("in October", "Dec. 6") is in the reference year, moved to
  the previous (next) year when the clause is past (future) tense and the date would fall on
  the wrong side of the reference.
* "the quarter" / "the latest quarter" is the most recent completed quarter (how results are
  reported); "the third quarter" without a year is in the reference year.
* "now", "currently" give ``PRESENT_REF``; "recently", "the past" give ``PAST_REF``; "the
  future", "soon" give ``FUTURE_REF`` (all ``date_type="unresolved"``, no dates, except that
  PRESENT_REF gets the reference day as its interval when a reference is known).
* ``date_type``: ``exact`` when the text alone fixes the date, ``relative`` when it needs the
  reference, ``range``, ``duration``, ``set``, or ``unresolved`` (no calendar value).
"""

from __future__ import annotations

import calendar
import datetime
import email.utils
import functools
import logging
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Literal

from actorgraph.records import DateValue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = [
    "date_mentions",
    "find_published_in_text",
    "is_date_expression",
    "normalize_date",
    "parse_published",
]

logger = logging.getLogger(__name__)

Tense = Literal["past", "future"] | None

_MIN_YEAR = 1000
_MAX_YEAR = 2999

# ---------------------------------------------------------------------------
# Lexicon
# ---------------------------------------------------------------------------

_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip
_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "couple": 2, "dozen": 12,
    "half": 0,
}  # fmt: skip
_VAGUE_NUMBERS = {"few", "several", "some", "many", "numerous", "recent", "the", "coming"}
_ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty first": 21, "twenty second": 22, "twenty third": 23,
}  # fmt: skip
# unit -> (TIMEX3 duration letter, granularity); T-prefixed letters are clock units
_UNITS: dict[str, tuple[str, str | None]] = {
    "day": ("D", "day"), "days": ("D", "day"), "week": ("W", "week"), "weeks": ("W", "week"),
    "fortnight": ("2W", "week"), "fortnights": ("2W", "week"),
    "month": ("M", "month"), "months": ("M", "month"), "quarter": ("Q", "quarter"),
    "quarters": ("Q", "quarter"), "year": ("Y", "year"), "years": ("Y", "year"),
    "yr": ("Y", "year"), "yrs": ("Y", "year"),
    "decade": ("DE", "decade"), "decades": ("DE", "decade"),
    "century": ("CE", "century"), "centuries": ("CE", "century"),
    "weekend": ("WE", "week"), "weekends": ("WE", "week"),
    "hour": ("TH", None), "hours": ("TH", None), "minute": ("TM", None),
    "minutes": ("TM", None), "second": ("TS", None), "seconds": ("TS", None),
}  # fmt: skip
_TIME_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "midday": "MI", "noon": "MI", "midnight": "NI", "overnight": "NI", "dawn": "MO",
    "lunchtime": "MI",
}  # fmt: skip
_PAST_REF = {
    "past", "recently", "recent", "previously", "formerly", "lately", "earlier", "once",
    "recent years", "recent months", "recent weeks", "recent days", "recent times",
    "in the past", "the old days", "years ago", "decades ago", "long ago", "before",
    "some time ago", "a while ago", "historically",
}  # fmt: skip
_PRESENT_REF = {
    "now", "currently", "current", "present", "nowadays", "these days", "today's", "at present",
    "right now", "presently", "already", "the moment", "this time", "at the moment",
    "the present", "the present day", "the time being", "this point", "the current time",
}  # fmt: skip
_FUTURE_REF = {
    "future", "the future", "soon", "later", "shortly", "eventually", "in future",
    "the coming years", "the years ahead", "coming years", "the near future", "someday",
    "one day", "some day", "the long term", "the long run",
}  # fmt: skip
# Fixed-date holidays observed widely enough to be meant when named in English news.
_FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year day": (1, 1), "new years day": (1, 1),
    "new year eve": (12, 31), "new years eve": (12, 31), "halloween": (10, 31),
    "valentine day": (2, 14), "st valentine day": (2, 14), "independence day": (7, 4),
    "may day": (5, 1), "labour day": (5, 1), "international women day": (3, 8),
    "all saints day": (11, 1), "armistice day": (11, 11), "veterans day": (11, 11),
    "remembrance day": (11, 11), "bastille day": (7, 14), "st patrick day": (3, 17),
    "new year": (1, 1), "new years": (1, 1), "epiphany": (1, 6), "assumption day": (8, 15),
    "guy fawkes night": (11, 5), "bonfire night": (11, 5), "canada day": (7, 1),
    "australia day": (1, 26), "anzac day": (4, 25), "flag day": (6, 14),
    "juneteenth": (6, 19),
}  # fmt: skip
_TRIM_LEADING = (
    "on",
    "in",
    "at",
    "since",
    "by",
    "until",
    "till",
    "during",
    "for",
    "of",
    "over",
    "within",
    "through",
    "throughout",
    "before",
    "after",
    "around",
    "about",
    "approximately",
    "nearly",
    "almost",
    "some",
    "roughly",
    "circa",
    "ca",
    "as of",
    "as early as",
    "as late as",
    "up to",
    "more than",
    "less than",
    "at least",
    "at most",
    "no later than",
    "no earlier than",
    "not until",
    "only",
    "just",
    "also",
    "even",
    "sometime",
    "some time",
    "so far",
    "as recently as",
    "as long as",
    "over the course of",
    "starting",
    "beginning",
    "ending",
    "effective",
    "from",
    "to",
    "between",
    "later",
    "earlier",
    "dated",
    "and",
    "or",
    "about",
    "well",
    "in the course of",
    "towards",
    "toward",
    "into",
    "past",
    "prior to",
    "following",
    "after",
    "ahead of",
    "late in",
    "early in",
    "by the end of",
    "the whole of",
    "all of",
    "all",
    "whole",
    "entire",
    "the entire",
    "the whole",
    "the end of the day",
    "the early hours of",
    "the small hours of",
    "the day",
    "the morning of",
    "the night of",
    "the evening of",
    "the afternoon of",
    "the weekend of",
    "the week of",
    "earlier in",
    "later in",
    "sometime in",
    "sometime",
    "at some point in",
)
# "past"/"later"/"earlier"/"following" are only stripped when something date-like follows;
# see _strip_leading.
_STRIP_IF_FOLLOWED = {"past", "later", "earlier", "following", "from", "to", "between", "and"}
_MODIFIERS = (
    "the end of",
    "end of",
    "the beginning of",
    "beginning of",
    "the start of",
    "start of",
    "the middle of",
    "middle of",
    "the turn of",
    "turn of",
    "the rest of",
    "rest of",
    "the remainder of",
    "the first half of",
    "the second half of",
    "first half of",
    "second half of",
    "the early part of",
    "the latter part of",
    "the late part of",
    "the course of",
    "the close of",
    "close of",
    "the dawn of",
    "early",
    "late",
    "mid",
    "the early",
    "the late",
    "the mid",
    "the",
    "fiscal",
    "the fiscal",
    "calendar",
    "fy",
    "model year",
    "the year",
    "year",
    "the calendar",
    "this past",
    "the past",
    "these",
    "its",
    "their",
    "our",
    "his",
    "her",
    "both",
    "a",
    "an",
    "the company",
    "the same",
    "the comparable",
    "comparable",
    "the corresponding",
    "corresponding",
)

# ---------------------------------------------------------------------------
# Value builders
# ---------------------------------------------------------------------------


def _ok_year(year: int) -> bool:
    return 1 <= year <= 9999


def _dv_day(d: datetime.date, dtype: str) -> DateValue:
    return DateValue(d.isoformat(), d, d, "day", dtype)


def _dv_month(year: int, month: int, dtype: str) -> DateValue | None:
    if not _ok_year(year) or not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    return DateValue(
        f"{year:04d}-{month:02d}",
        datetime.date(year, month, 1),
        datetime.date(year, month, last),
        "month",
        dtype,
    )


def _dv_year(year: int, dtype: str) -> DateValue | None:
    if not _ok_year(year):
        return None
    return DateValue(
        f"{year:04d}", datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year", dtype
    )


def _dv_week(d: datetime.date, dtype: str, weekend: bool = False) -> DateValue | None:
    iso = d.isocalendar()
    monday = d - datetime.timedelta(days=d.weekday())
    if weekend:
        sat = monday + datetime.timedelta(days=5)
        return DateValue(
            f"{iso[0]:04d}-W{iso[1]:02d}-WE", sat, sat + datetime.timedelta(days=1), "week", dtype
        )
    return DateValue(
        f"{iso[0]:04d}-W{iso[1]:02d}", monday, monday + datetime.timedelta(days=6), "week", dtype
    )


def _dv_quarter(year: int, q: int, dtype: str) -> DateValue | None:
    if not _ok_year(year) or not 1 <= q <= 4:
        return None
    start = datetime.date(year, 3 * q - 2, 1)
    end_month = 3 * q
    end = datetime.date(year, end_month, calendar.monthrange(year, end_month)[1])
    return DateValue(f"{year:04d}-Q{q}", start, end, "quarter", dtype)


def _dv_half(year: int, h: int, dtype: str) -> DateValue | None:
    if not _ok_year(year):
        return None
    if h == 1:
        return DateValue(
            f"{year:04d}-H1", datetime.date(year, 1, 1), datetime.date(year, 6, 30), "month", dtype
        )
    return DateValue(
        f"{year:04d}-H2", datetime.date(year, 7, 1), datetime.date(year, 12, 31), "month", dtype
    )


def _dv_season(year: int, season: str, dtype: str) -> DateValue | None:
    if not _ok_year(year) or (season == "WI" and year >= 9999):
        return None
    if season == "SP":
        start, end = datetime.date(year, 3, 1), datetime.date(year, 5, 31)
    elif season == "SU":
        start, end = datetime.date(year, 6, 1), datetime.date(year, 8, 31)
    elif season == "FA":
        start, end = datetime.date(year, 9, 1), datetime.date(year, 11, 30)
    else:
        start = datetime.date(year, 12, 1)
        end = datetime.date(year + 1, 3, 1) - datetime.timedelta(days=1)
    return DateValue(f"{year:04d}-{season}", start, end, "season", dtype)


def _dv_decade(first_year: int, dtype: str) -> DateValue | None:
    first_year -= first_year % 10
    if not _ok_year(first_year) or first_year + 9 > 9999:
        return None
    return DateValue(
        f"{first_year // 10:03d}X",
        datetime.date(first_year, 1, 1),
        datetime.date(first_year + 9, 12, 31),
        "decade",
        dtype,
    )


def _dv_century(hundreds: int, dtype: str) -> DateValue | None:
    """``hundreds`` is the TIMEX3 century value: 19 for the 1900s (the 20th century)."""
    first = hundreds * 100
    if not _ok_year(max(first, 1)) or first + 99 > 9999:
        return None
    return DateValue(
        f"{hundreds:02d}",
        datetime.date(max(first, 1), 1, 1),
        datetime.date(first + 99, 12, 31),
        "century",
        dtype,
    )


def _dv_ref(kind: str, reference: datetime.date | None) -> DateValue:
    if kind == "PRESENT_REF" and reference is not None:
        return DateValue("PRESENT_REF", reference, reference, "day", "unresolved")
    return DateValue(kind, None, None, None, "unresolved")


_UNRESOLVED = DateValue(None, None, None, None, "unresolved")


def _shift_months(d: datetime.date, months: int) -> datetime.date:
    total = d.year * 12 + (d.month - 1) + months
    year, month = divmod(total, 12)
    if not _ok_year(year):
        raise OverflowError("year out of range")
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return datetime.date(year, month + 1, day)


def _shift(d: datetime.date, n: int, letter: str) -> datetime.date:
    """Move ``d`` by ``n`` units named by a TIMEX3 duration letter (may raise OverflowError)."""
    if letter == "D":
        return d + datetime.timedelta(days=n)
    if letter in ("W", "WE"):
        return d + datetime.timedelta(weeks=n)
    if letter == "2W":
        return d + datetime.timedelta(weeks=2 * n)
    if letter == "M":
        return _shift_months(d, n)
    if letter == "Q":
        return _shift_months(d, 3 * n)
    if letter == "Y":
        return _shift_months(d, 12 * n)
    if letter == "DE":
        return _shift_months(d, 120 * n)
    if letter == "CE":
        return _shift_months(d, 1200 * n)
    return d


def _at_granularity(d: datetime.date, gran: str | None, dtype: str) -> DateValue | None:
    """The calendar unit of granularity ``gran`` that contains ``d``."""
    if gran == "day":
        return _dv_day(d, dtype)
    if gran == "week":
        return _dv_week(d, dtype)
    if gran == "month":
        return _dv_month(d.year, d.month, dtype)
    if gran == "quarter":
        return _dv_quarter(d.year, (d.month - 1) // 3 + 1, dtype)
    if gran == "year":
        return _dv_year(d.year, dtype)
    if gran == "decade":
        return _dv_decade(d.year, dtype)
    if gran == "century":
        return _dv_century(d.year // 100, dtype)
    if gran is None:
        return _dv_day(d, dtype)
    return None


def _duration_value(n: int | None, letter: str) -> str:
    amount = "X" if n is None else str(n)
    if letter == "2W":
        return f"P{'X' if n is None else 2 * n}W"
    if letter == "DE":
        return f"P{'X' if n is None else 10 * n}Y" if n is None or n else "P0Y"
    if letter == "CE":
        return f"P{'X' if n is None else 100 * n}Y"
    if letter == "WE":
        return f"P{amount}WE"
    if letter.startswith("T"):
        return f"PT{amount}{letter[1]}"
    return f"P{amount}{letter}"


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


# ---------------------------------------------------------------------------
# Grammar
# ---------------------------------------------------------------------------

_MONTH_RE = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
_WEEKDAY_RE = r"(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")"
_SEASON_RE = r"(?:spring|summer|fall|autumn|winter)"
_DAYNUM = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR4 = r"(?:1[0-9]\d\d|2[0-9]\d\d)"
_YEAR = r"(?:" + _YEAR4 + r"|'\d\d)"
_UNIT_RE = r"(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
_NUMWORD_RE = (
    r"(?:\d{1,7}|(?:(?:"
    + "|".join(sorted(_NUMBERS, key=len, reverse=True))
    + r")(?: (?:and )?|$|(?= ))?)+(?: of)?)"
)
_REL_RE = r"(?:this past|this coming|this|current|last|past|previous|prior|next|coming|following|upcoming|present|same|latest|most recent|recent)"
_TOD_RE = r"(?:" + "|".join(_TIME_OF_DAY) + r")"


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


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    if not _ok_year(year) or not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return datetime.date(year, month, day)


def _pick_year_for(month: int, day: int | None, reference: datetime.date, tense: Tense) -> int:
    """The year of a month/day written without one, seen from ``reference``.

    Past (future) tense picks the latest (earliest) occurrence on or before (after) the
    reference; without tense the occurrence nearest to the reference wins. News rarely
    means a yearless date about a year away, so tense (which we only guess) is overruled
    when it would move the date more than nine months away while the
    occurrence nearest to it is within three months.
    """

    def months_from_ref(year: int) -> float:
        return (
            (year - reference.year) * 12
            + (month - reference.month)
            + (((day or 15) - reference.day) / 31)
        )

    years = (reference.year - 1, reference.year, reference.year + 1)
    nearest = min(years, key=lambda y: (abs(months_from_ref(y)), y != reference.year))
    if tense == "past":
        if day is None:
            chosen = max(y for y in years if (y, month) <= (reference.year, reference.month))
        else:
            chosen = max(y for y in years if months_from_ref(y) <= 0)
    elif tense == "future":
        if day is None:
            chosen = min(y for y in years if (y, month) >= (reference.year, reference.month))
        else:
            chosen = min(y for y in years if months_from_ref(y) >= 0)
    else:
        return nearest
    if abs(months_from_ref(chosen)) > 9 and abs(months_from_ref(nearest)) <= 3:
        return nearest
    return chosen


def _weekday_from(weekday: int, reference: datetime.date, direction: str) -> datetime.date:
    """Find ``weekday`` relative to ``reference``.

    ``direction``: "past" (on or before), "future" (on or after), "last" (strictly before),
    "next" (strictly after), "this" (in the reference's ISO week).
    """
    delta = weekday - reference.weekday()
    if direction == "this":
        return reference + datetime.timedelta(days=delta)
    if direction in ("past", "last"):
        back = (-delta) % 7
        if back == 0 and direction == "last":
            back = 7
        return reference - datetime.timedelta(days=back)
    fwd = delta % 7
    if fwd == 0 and direction == "next":
        fwd = 7
    return reference + datetime.timedelta(days=fwd)


def _easter(year: int) -> datetime.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> datetime.date:
    if n > 0:
        first = datetime.date(year, month, 1)
        return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)


_MOVABLE_HOLIDAYS: dict[str, Callable[[int], datetime.date]] = {
    "easter": _easter,
    "easter sunday": _easter,
    "easter monday": lambda y: _easter(y) + datetime.timedelta(days=1),
    "good friday": lambda y: _easter(y) - datetime.timedelta(days=2),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "mother day": lambda y: _nth_weekday(y, 5, 6, 2),
    "father day": lambda y: _nth_weekday(y, 6, 6, 3),
    "black friday": lambda y: _nth_weekday(y, 11, 3, 4) + datetime.timedelta(days=1),
    "cyber monday": lambda y: _nth_weekday(y, 11, 3, 4) + datetime.timedelta(days=4),
}


class _Parser:
    """One normalisation: the cleaned text, the reference and the clause tense."""

    def __init__(self, reference: datetime.date | None, tense: Tense) -> None:
        self.ref = reference
        self.tense = tense

    # -- entry ------------------------------------------------------------
    def parse(self, s: str) -> DateValue | None:
        if not s:
            return None
        rng = self.range(s)
        if rng is not None:
            return rng
        for cand in self._candidates(s):
            for rule in (
                self.refs,
                self.iso,
                self.numeric,
                self.month_day,
                self.rel_month_day,
                self.holiday,
                self.relative_day,
                self.weekday,
                self.quarter,
                self.season,
                self.decade_century,
                self.year,
                self.ago,
                self.duration,
                self.relative_unit,
                self.sets,
            ):
                out = rule(cand)
                if out is not None:
                    return out
        return None

    def _candidates(self, s: str) -> Iterable[str]:
        seen: list[str] = []
        a = _strip_leading(s)
        stripped = _strip_modifiers(a)
        last = stripped[-1] if stripped else a
        for c in (s, a, *stripped, _strip_leading(last)):
            c = c.strip()
            if c and c not in seen:
                seen.append(c)
        # time-of-day words after a date ("Monday morning", "yesterday afternoon") and
        # trailing "time"/"period" nouns ("the 1988 period") do not change the day
        for c in list(seen):
            t = re.sub(r"\s(?:" + _TOD_RE + r"|period|time|date|session|trading)s?$", "", c)
            t = re.sub(r"\s(?:at|around|about)\s.*\d.*$", "", t)  # "... at 10 am"
            t = re.sub(r"\s(?:or so|or more|or less|or two|or longer|and beyond)$", "", t)
            t = re.sub(
                r"^(?:\d{1,2}(?::\d\d)?\s?(?:am|pm|a m|p m)|midnight|noon|dawn|dusk) ", "", t
            )
            t = re.sub(
                r"\s\d{1,2}(?::\d\d)?\s?(?:am|pm|a m|p m|gmt|utc|[a-z]st|[a-z]dt)\b.*$", "", t
            )
            if t and t not in seen:
                seen.append(t)
        return seen

    # -- unresolved TIMEX3 tokens -------------------------------------------
    def refs(self, s: str) -> DateValue | None:
        t = s[4:] if s.startswith("the ") and s[4:] in _FUTURE_REF | _PAST_REF else s
        if s in _PRESENT_REF or t in _PRESENT_REF:
            return _dv_ref("PRESENT_REF", self.ref)
        if s in _PAST_REF or t in _PAST_REF or s in ("the past", "in the past"):
            return _dv_ref("PAST_REF", self.ref)
        if s in _FUTURE_REF or t in _FUTURE_REF:
            return _dv_ref("FUTURE_REF", self.ref)
        return None

    # -- absolute numeric forms ---------------------------------------------
    def iso(self, s: str) -> DateValue | None:
        m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:t[\d:.]+z?|\s[\d:]+.*)?", s)
        if m:
            d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
            return _dv_day(d, "exact") if d else None
        m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s)
        if m and _MIN_YEAR <= int(m[1]) <= _MAX_YEAR:
            d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
            return _dv_day(d, "exact") if d else None
        m = re.fullmatch(r"(\d{4})-(\d{2})", s)
        if m and 1 <= int(m[2]) <= 12:
            return _dv_month(int(m[1]), int(m[2]), "exact")
        m = re.fullmatch(r"(\d{4})[- ]?w(\d{2})(?:-?(\d))?", s)
        if m:
            try:
                if m[3]:
                    d = datetime.date.fromisocalendar(int(m[1]), int(m[2]), int(m[3]))
                    return _dv_day(d, "exact")
                d = datetime.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            except ValueError:
                return None
            return _dv_week(d, "exact")
        m = re.fullmatch(r"(\d{4})[- ]?q([1-4])", s) or re.fullmatch(r"q([1-4]) (\d{4})", s)
        if m:
            y, q = (m[1], m[2]) if len(m[1]) == 4 else (m[2], m[1])
            return _dv_quarter(int(y), int(q), "exact")
        m = re.fullmatch(r"(\d{4})[- ](sp|su|fa|wi)", s)
        if m:
            return _dv_season(int(m[1]), m[2].upper(), "exact")
        m = re.fullmatch(r"(\d{3})x", s)
        if m:
            return _dv_decade(int(m[1]) * 10, "exact")
        return None

    def numeric(self, s: str) -> DateValue | None:
        m = re.fullmatch(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})", s)
        if m:
            a, b, y = int(m[1]), int(m[3]), m[4]
            year = int(y) if len(y) == 4 else _year_of("'" + y, self.ref)
            if year is None:
                return None
            # month/day (US news style) unless the first number cannot be a month;
            # a dotted date is day.month (European style)
            month, day = (b, a) if (a > 12 or m[2] == ".") else (a, b)
            d = _safe_date(year, month, day)
            return _dv_day(d, "exact") if d else None
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", s)
        if m and self.ref is not None:
            month, day = int(m[1]), int(m[2])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                return None
            d = _safe_date(_pick_year_for(month, day, self.ref, self.tense), month, day)
            return _dv_day(d, "relative") if d else None
        return None

    # -- month names ---------------------------------------------------------
    def month_day(self, s: str) -> DateValue | None:
        wd = re.match(
            r"(" + _WEEKDAY_RE + r") (?=(?:the )?\d|" + _MONTH_RE + r"\b)", s
        ) or re.search(r"\s(" + _WEEKDAY_RE + r")$", s)
        hint = _WEEKDAYS[wd[1]] if wd else None
        s = re.sub(r"^" + _WEEKDAY_RE + r" (?=(?:the )?\d|" + _MONTH_RE + r"\b)", "", s)
        s = re.sub(r"\s" + _WEEKDAY_RE + r"$", "", s)
        m = re.fullmatch(
            r"(" + _MONTH_RE + r") (?:the )?(" + _DAYNUM + r")(?: (" + _YEAR + r"))?", s
        ) or re.fullmatch(
            r"(?:the )?(" + _DAYNUM + r") (?:of )?(" + _MONTH_RE + r")(?: (" + _YEAR + r"))?", s
        )
        if m:
            if m[1] in _MONTHS:
                month, day = _MONTHS[m[1]], _day_int(m[2])
            else:
                month, day = _MONTHS[m[2]], _day_int(m[1])
            if not 1 <= day <= 31:
                return None
            return self._month_day_year(month, day, m[3], hint)
        m = re.fullmatch(r"(" + _MONTH_RE + r")(?: of)?(?: (" + _YEAR + r"))?", s)
        if m:
            month = _MONTHS[m[1]]
            if m[2]:
                year = _year_of(m[2], self.ref)
                return _dv_month(year, month, "exact") if year else None
            if self.ref is None:
                return DateValue(f"XXXX-{month:02d}", None, None, "month", "unresolved")
            return _dv_month(_pick_year_for(month, None, self.ref, self.tense), month, "relative")
        m = re.fullmatch(r"(" + _MONTH_RE + r")(?: of)? (this|last|next) year", s)
        if m:
            if self.ref is None:
                return DateValue(f"XXXX-{_MONTHS[m[1]]:02d}", None, None, "month", "unresolved")
            year = self.ref.year + {"this": 0, "last": -1, "next": 1}[m[2]]
            return _dv_month(year, _MONTHS[m[1]], "relative")
        m = re.fullmatch(r"(" + _REL_RE + r") (" + _MONTH_RE + r")", s)
        if m:
            month = _MONTHS[m[2]]
            if self.ref is None:
                return DateValue(f"XXXX-{month:02d}", None, None, "month", "unresolved")
            rel = m[1]
            year = self.ref.year
            if rel in ("last", "past", "previous", "prior"):
                year = year if month < self.ref.month else year - 1
            elif rel in ("next", "coming", "following", "upcoming"):
                year = year if month > self.ref.month else year + 1
            return _dv_month(year, month, "relative")
        return None

    def rel_month_day(self, s: str) -> DateValue | None:
        """ "last Oct. 23", "next March 3": the yearless date on that side of the reference."""
        m = re.fullmatch(r"(last|past|previous|next|coming|this) (.+)", s)
        if not m or not re.match(_MONTH_RE + r" \d|\d", m[2]):
            return None
        tense: Tense = {"last": "past", "past": "past", "previous": "past"}.get(m[1], "future")
        if m[1] == "this":
            tense = self.tense
        out = _Parser(self.ref, tense).month_day(m[2])
        return out

    def _month_day_year(
        self, month: int, day: int, year_txt: str | None, hint: int | None = None
    ) -> DateValue | None:
        if year_txt:
            year = _year_of(year_txt, self.ref)
            d = _safe_date(year, month, day) if year else None
            return _dv_day(d, "exact") if d else None
        if self.ref is None:
            return DateValue(f"XXXX-{month:02d}-{day:02d}", None, None, "day", "unresolved")
        year = _pick_year_for(month, day, self.ref, self.tense)
        if hint is not None:
            # "Saturday, April 25": the year in which that day is a Saturday, nearest first
            for y in sorted(
                (year, self.ref.year, self.ref.year - 1, self.ref.year + 1),
                key=lambda y: (abs(y - self.ref.year), y != year),
            ):
                cand = _safe_date(y, month, day)
                if cand is not None and cand.weekday() == hint:
                    year = y
                    break
        d = _safe_date(year, month, day)
        return _dv_day(d, "relative") if d else None

    # -- holidays --------------------------------------------------------------
    def holiday(self, s: str) -> DateValue | None:
        m = re.fullmatch(
            r"(?:(" + _REL_RE + r") )?([a-z ]+?)(?: (" + _YEAR + r"))?(?: " + _TOD_RE + r")?", s
        )
        if not m:
            return None
        name = m[2].removeprefix("the ")
        if name not in _FIXED_HOLIDAYS and name not in _MOVABLE_HOLIDAYS:
            return None

        def on(year: int) -> datetime.date | None:
            if not _ok_year(year):
                return None
            if name in _FIXED_HOLIDAYS:
                mo, da = _FIXED_HOLIDAYS[name]
                return _safe_date(year, mo, da)
            return _MOVABLE_HOLIDAYS[name](year)

        if m[3]:
            year = _year_of(m[3], self.ref)
            d = on(year) if year else None
            return _dv_day(d, "exact") if d else None
        if self.ref is None:
            return DateValue(None, None, None, "day", "unresolved")
        rel = m[1] or ""
        this_year = on(self.ref.year)
        if this_year is None:
            return None
        if rel in ("last", "past", "previous", "prior") or (not rel and self.tense == "past"):
            d = (
                this_year
                if this_year < self.ref or (not rel and this_year == self.ref)
                else on(self.ref.year - 1)
            )
        elif rel in ("next", "coming", "upcoming") or (not rel and self.tense == "future"):
            d = (
                this_year
                if this_year > self.ref or (not rel and this_year == self.ref)
                else on(self.ref.year + 1)
            )
        else:
            d = this_year
        return _dv_day(d, "relative") if d else None

    # -- today / yesterday / tomorrow -------------------------------------------
    def relative_day(self, s: str) -> DateValue | None:
        table = {
            "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
            "this evening": 0, "this day": 0, "the day": None, "yesterday": -1,
            "last night": -1, "overnight": 0, "tomorrow": 1, "tomorrow night": 1,
            "the day before yesterday": -2, "the day after tomorrow": 2, "the other day": None,
            "this date": 0, "today's": 0, "the previous day": -1, "the day before": -1,
            "the next day": 1, "the following day": 1, "the same day": 0, "that day": None,
            "earlier today": 0, "later today": 0, "earlier in the day": 0,
            "last evening": -1, "the night before": -1, "the previous night": -1,
        }  # fmt: skip
        base = re.sub(r"\s" + _TOD_RE + r"$", "", s)
        for key in (s, base):
            if key in table:
                off = table[key]
                if off is None:
                    return None
                if self.ref is None:
                    return DateValue(None, None, None, "day", "unresolved")
                return _dv_day(self.ref + datetime.timedelta(days=off), "relative")
        return None

    # -- weekdays ----------------------------------------------------------------
    def weekday(self, s: str) -> DateValue | None:
        m = re.fullmatch(
            r"(?:(" + _REL_RE + r"|early|late) )?(" + _WEEKDAY_RE + r")(?: " + _TOD_RE + r")?"
            r"(?: (?:last|this|next) week)?",
            s,
        )
        if not m:
            return None
        wd = _WEEKDAYS[m[2]]
        if self.ref is None:
            return DateValue(f"XXXX-WXX-{wd + 1}", None, None, "day", "unresolved")
        rel = m[1] or ""
        week_shift = re.search(r" (last|this|next) week$", s)
        if week_shift:
            off = {"last": -1, "this": 0, "next": 1}[week_shift[1]]
            d = _weekday_from(wd, self.ref + datetime.timedelta(weeks=off), "this")
        elif rel in ("last", "past", "previous", "prior"):
            d = _weekday_from(wd, self.ref, "last")
        elif rel in ("next", "coming", "following", "upcoming"):
            d = _weekday_from(wd, self.ref, "next")
        elif rel in ("this", "current"):
            d = _weekday_from(wd, self.ref, "future" if self.tense == "future" else "this")
        else:
            d = _weekday_from(wd, self.ref, "future" if self.tense == "future" else "past")
        return _dv_day(d, "relative")

    # -- quarters and halves ---------------------------------------------------
    def quarter(self, s: str) -> DateValue | None:
        s2 = re.sub(r"\b(?:fiscal|financial|calendar|business) ", "", s)
        s2 = re.sub(r"^the (?=year |latest |most |same |current |previous |prior |past )", "", s2)
        s2 = re.sub(
            r"^(?:the )?(?:year (?:ago|earlier)|prior year|previous year) (?=\w+ quarter$)",
            "last year ",
            s2,
        )
        s2 = re.sub(r"^(?:the )?(quarter|half) (?:a )?year (?:ago|earlier)$", r"year ago \1", s2)
        s2 = re.sub(r"^(?:the )?(?:last|latter|final) half", "second half", s2)
        m0 = re.fullmatch(r"(last|this|next) year (quarter|half)", s2)
        if m0 and self.ref is not None:
            same = self.quarter("latest " + m0[2])
            if same is None or same.date_start is None:
                return None
            shift = {"last": -1, "this": 0, "next": 1}[m0[1]]
            q = (same.date_start.month - 1) // 3 + 1
            year = self.ref.year + shift
            return _dv_quarter(year, q, "relative") if m0[2] == "quarter" else None
        m = re.fullmatch(
            r"(?:(?P<yp>"
            + _YEAR
            + r"|this year|last year|next year) )?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th) )?"
            r"(?P<unit>quarter|half)(?: (?:of )?(?P<ys>"
            + _YEAR
            + r"|this year|last year|next year))?",
            s2,
        )
        if not m:
            m2 = re.fullmatch(
                r"(?P<rel>"
                + _REL_RE
                + r"|year earlier|year ago|prior year|year before) (?P<unit>quarter|half)",
                s2,
            )
            if not m2:
                return None
            if self.ref is None:
                return DateValue(None, None, None, "quarter", "unresolved")
            rel = m2["rel"]
            cur_q = (self.ref.month - 1) // 3 + 1
            idx = self.ref.year * 4 + cur_q - 1
            if rel in ("this", "current", "present", "same"):
                pass
            elif rel in ("next", "coming", "following", "upcoming"):
                idx += 1
            elif rel in ("year earlier", "year ago", "prior year", "year before"):
                idx -= 5
            else:  # last, latest, most recent, past, previous, recent: completed quarter
                idx -= 1
            if m2["unit"] == "half":
                h = 1 if self.ref.month <= 6 else 2
                hidx = self.ref.year * 2 + h - 1 + (1 if rel in ("next", "coming") else 0)
                if rel not in ("this", "current", "present", "same", "next", "coming"):
                    hidx -= 1
                return _dv_half(hidx // 2, hidx % 2 + 1, "relative")
            return _dv_quarter(idx // 4, idx % 4 + 1, "relative")
        ordinal = m["ord"]
        yt = m["yp"] or m["ys"]
        if not ordinal:
            if yt or not s.startswith("the") and s2 != "quarter":
                return None
            # "the quarter": the latest completed one
            return self.quarter("latest " + m["unit"]) if self.ref else None
        n = _ORDINALS[ordinal]
        year: int | None
        dtype = "exact"
        if yt and yt[0] in "0123456789'":
            year = _year_of(yt, self.ref)
        elif yt:
            if self.ref is None:
                return DateValue(None, None, None, "quarter", "unresolved")
            year = self.ref.year + {"this": 0, "last": -1, "next": 1}[yt.split()[0]]
            dtype = "relative"
        else:
            if m["unit"] == "half":
                return None  # "the first half" alone is as often a match half as a year half
            if self.ref is None:
                return DateValue(f"XXXX-Q{n}", None, None, "quarter", "unresolved")
            year = self.ref.year
            dtype = "relative"
        if year is None:
            return None
        if m["unit"] == "half":
            return _dv_half(year, n, dtype) if n <= 2 else None
        return _dv_quarter(year, n, dtype) if n <= 4 else None

    # -- seasons -----------------------------------------------------------------
    def season(self, s: str) -> DateValue | None:
        m = re.fullmatch(
            r"(?:("
            + _REL_RE
            + r"|early|late|mid) )?("
            + _SEASON_RE
            + r")(?: (?:of )?("
            + _YEAR
            + r"))?",
            s,
        ) or re.fullmatch(r"(?:(this|last|next) year )(" + _SEASON_RE + r")()", s)
        if not m:
            m = re.fullmatch(r"(" + _YEAR + r") (" + _SEASON_RE + r")", s)
            if not m:
                return None
            year = _year_of(m[1], self.ref)
            return _dv_season(year, _SEASONS[m[2]], "exact") if year else None
        code = _SEASONS[m[2]]
        if m[3]:
            year = _year_of(m[3], self.ref)
            return _dv_season(year, code, "exact") if year else None
        if self.ref is None:
            return DateValue(f"XXXX-{code}", None, None, "season", "unresolved")
        rel = m[1] or ""
        # the season containing the reference, and the one of the reference's year
        this = _dv_season(self.ref.year, code, "relative")
        if code == "WI" and self.ref.month <= 2:
            this = _dv_season(self.ref.year - 1, code, "relative")
        if this is None or this.date_start is None or this.date_end is None:
            return None
        ty = this.date_start.year
        if rel in ("last", "past", "previous", "prior"):
            year = ty if this.date_end < self.ref else ty - 1
        elif rel in ("next", "coming", "following", "upcoming"):
            year = ty if this.date_start > self.ref else ty + 1
        elif rel in ("this", "current", "present"):
            year = ty
        elif self.tense == "past":
            year = ty if this.date_start <= self.ref else ty - 1
        elif self.tense == "future":
            year = ty if this.date_end >= self.ref else ty + 1
        else:
            year = ty
        return _dv_season(year, code, "relative")

    # -- decades and centuries ------------------------------------------------------
    def decade_century(self, s: str) -> DateValue | None:
        m = re.fullmatch(r"(\d{2,3})0s", s)
        if m:
            v = int(m[1])
            if len(m[1]) == 2:
                return None  # "the 20s" without century: resolved below via apostrophe form
            if v % 10 == 0 and v * 10 % 100 == 0:
                return _dv_century(v // 10, "exact")  # "the 1800s" = the 19th century
            return _dv_decade(v * 10, "exact")
        m = re.fullmatch(r"'?(\d)0s", s)
        if m:
            base = (self.ref.year if self.ref else 1900) // 100 * 100
            year = base + int(m[1]) * 10
            if self.ref and year > self.ref.year:
                year -= 100
            if not self.ref and s.startswith("'") is False:
                return None
            return _dv_decade(year, "relative" if self.ref else "exact")
        tens = {
            "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
            "seventies": 7, "eighties": 8, "nineties": 9,
        }  # fmt: skip
        m = re.fullmatch(r"(?:(nineteen|twenty) )?(" + "|".join(tens) + r")", s)
        if m:
            if m[1]:
                base = 1900 if m[1] == "nineteen" else 2000
            else:
                base = 1900
            return _dv_decade(base + tens[m[2]] * 10, "exact")
        m = re.fullmatch(r"(this|last|next|past|previous|current) (decade|century)", s)
        if m:
            if self.ref is None:
                return DateValue(None, None, None, m[2], "unresolved")
            off = {"this": 0, "current": 0, "next": 1}.get(m[1], -1)
            if m[2] == "decade":
                return _dv_decade(self.ref.year + 10 * off, "relative")
            return _dv_century(self.ref.year // 100 + off, "relative")
        m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th) century", s) or re.fullmatch(
            r"(" + "|".join(_ORDINALS) + r") century", s
        )
        if m:
            n = int(m[1]) if m[1].isdigit() else _ORDINALS.get(m[1], 0)
            return _dv_century(n - 1, "exact") if 1 <= n <= 99 else None
        return None

    # -- years -----------------------------------------------------------------------
    def year(self, s: str) -> DateValue | None:
        m = re.fullmatch(
            r"(?:(?:fy|fiscal|calendar|year) ?)?(" + _YEAR4 + r")(?: (?:fiscal )?year)?", s
        )
        if m:
            return _dv_year(int(m[1]), "exact")
        m = re.fullmatch(r"(?:fy|fiscal|fiscal year) ?(\d{2})", s)
        if m:
            y = _year_of("'" + m[1], self.ref)
            return _dv_year(y, "exact") if y else None
        m = re.fullmatch(r"'(\d{2})", s)
        if m:
            y = _year_of(s, self.ref)
            return _dv_year(y, "exact") if y else None
        spelled = self._spelled_year(s)
        if spelled is not None:
            return _dv_year(spelled, "exact")
        rel = {
            "this year": 0, "the year": 0, "current year": 0, "the current year": 0,
            "the full year": 0, "full year": 0, "this calendar year": 0,
            "this fiscal year": 0, "the fiscal year": 0, "fiscal year": 0, "the present year": 0,
            "last year": -1, "a year ago": -1, "a year earlier": -1, "year earlier": -1,
            "year ago": -1, "the previous year": -1, "the prior year": -1, "prior year": -1,
            "previous year": -1, "the year before": -1, "the year earlier": -1,
            "last fiscal year": -1, "the preceding year": -1, "year before": -1,
            "next year": 1, "the next year": 1, "the coming year": 1, "the following year": 1,
            "coming year": 1, "next fiscal year": 1, "the year after": 1, "the new year": 1,
            "the year ahead": 1, "year end": 0, "the end of the year": 0, "this past year": -1,
        }  # fmt: skip
        s = re.sub(r"\b(?:fiscal|calendar|financial) (?=year)", "", s)
        if s in rel:
            if self.ref is None:
                return DateValue(None, None, None, "year", "unresolved")
            if s == "year end":
                return _dv_day(datetime.date(self.ref.year, 12, 31), "relative")
            if s in ("the new year",) and self.ref.month <= 2:
                return _dv_year(self.ref.year, "relative")
            return _dv_year(self.ref.year + rel[s], "relative")
        return None

    @staticmethod
    def _spelled_year(s: str) -> int | None:
        m = re.fullmatch(r"(?:the year )?(nineteen|eighteen|twenty) (.+)", s)
        if m:
            hundreds = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}[m[1]]
            rest = m[2].replace("hundred", "").strip()
            if m[1] == "twenty" and not rest:
                return None
            if rest.startswith("oh "):
                rest = rest[3:]
            n = _number(rest) if rest else 0
            if n is not None and 0 <= n < 100 and (rest or m[1] != "twenty"):
                return hundreds + n
            return None
        m = re.fullmatch(r"(?:the year )?two thousand(?: (?:and )?(.+))?", s)
        if m:
            n = _number(m[1]) if m[1] else 0
            return 2000 + n if n is not None and n < 100 else None
        return None

    # -- "two months ago", "a year earlier" ----------------------------------------------
    def ago(self, s: str) -> DateValue | None:
        if re.fullmatch(
            r"(?:a |the )?(?:few|several|many|some|couple of|number of|lot of) (?:"
            + _UNIT_RE
            + r") ago",
            s,
        ):
            return _dv_ref("PAST_REF", None)
        m = re.fullmatch(
            r"(?P<n>" + _NUMWORD_RE + r")? ?(?P<unit>" + _UNIT_RE + r") "
            r"(?P<dir>ago|earlier|before|previously|back|later|after|from now|hence|on|since)"
            r"(?: (?:today|now))?",
            s,
        )
        if not m:
            m = re.fullmatch(
                r"(?:in|within) (?P<n>" + _NUMWORD_RE + r") (?P<unit>" + _UNIT_RE + r")(?P<dir>)"
                r"(?: time)?",
                "in " + s if not s.startswith(("in ", "within ")) else s,
            )
            if not m or not s.startswith(("in ", "within ")):
                return None
        n_txt = (m["n"] or "").strip()
        if n_txt in ("", "a", "an"):
            n = 1
        elif n_txt in _VAGUE_NUMBERS or n_txt.split()[0] in _VAGUE_NUMBERS:
            return _dv_ref(
                "FUTURE_REF" if m["dir"] in ("later", "from now", "hence") else "PAST_REF", None
            )
        else:
            parsed = _number(n_txt)
            if parsed is None:
                return None
            n = parsed
        letter, gran = _UNITS[m["unit"]]
        if gran is None:
            # "24 hours ago", "90 minutes later": the day that falls on
            if letter != "TH" or self.ref is None:
                return None
            sign = -1 if m["dir"] in ("ago", "earlier", "before", "previously", "back") else 1
            try:
                return _dv_day(self.ref + datetime.timedelta(days=sign * (n // 24)), "relative")
            except OverflowError:
                return None
        if self.ref is None:
            return DateValue(None, None, None, gran, "unresolved")
        sign = -1 if m["dir"] in ("ago", "earlier", "before", "previously", "back") else 1
        if m["dir"] == "" and s.startswith("within"):
            return None
        try:
            d = _shift(self.ref, sign * n, letter)
        except (OverflowError, ValueError):
            return None
        return _at_granularity(d, gran, "relative")

    # -- durations -----------------------------------------------------------------------
    def duration(self, s: str) -> DateValue | None:
        # "barely a month", "an additional year", "two to three weeks" (TimeML keeps the
        # first amount), "hundreds of years", "2 1/2 years", "a quarter century"
        s = re.sub(r"^(?:barely|just|only|least|most|nearly|almost|about|roughly|over) ", "", s)
        s = re.sub(r"^another ", "an ", s)
        s = re.sub(r"^(a|an)? ?(?:additional|extra|further) ", r"\1 ", s).strip()
        s = re.sub(
            r"\b(\d+|"
            + "|".join(_NUMBERS)
            + r") (?:to|or|-) (?:\d+|"
            + "|".join(_NUMBERS)
            + r")\b",
            r"\1",
            s,
        )
        s = re.sub(r"(\d+)[-–](\d+)(?= )", r"\1", s)
        if re.fullmatch(r"(?:a )?quarter century", s):
            return DateValue("P25Y", None, None, None, "duration")
        m = re.fullmatch(
            r"(?:(?:hundreds|thousands|dozens|tens|millions) of|several|many|few|"
            r"a few|some) (" + _UNIT_RE + r")",
            s,
        )
        if m and _UNITS[m[1]][1] is not None:
            return DateValue(_duration_value(None, _UNITS[m[1]][0]), None, None, None, "duration")
        m = re.fullmatch(r"(\d+) (?:1/2|and a half) (" + _UNIT_RE + r")", s)
        if m and _UNITS[m[2]][0] in ("Y", "M", "D", "W"):
            return DateValue(f"P{m[1]}.5{_UNITS[m[2]][0]}", None, None, None, "duration")
        m = re.fullmatch(
            r"(?:(?P<det>the|a|an|these|those) )?(?:(?P<rel>last|past|previous|prior|next|coming|following|"
            r"first|final|latest|recent|upcoming|preceding|ensuing|subsequent|remaining|same|"
            r"other) )?(?P<n>" + _NUMWORD_RE + r") ?(?:full |straight |consecutive |more |long |"
            r"calendar |successive |fiscal |or so |plus )?(?P<unit>" + _UNIT_RE + r")"
            r"(?: (?:old|long|running|in a row|or so|or more|plus|straight|running|"
            r"ahead|to come|since|before|earlier|later|old|period|time))*",
            s,
        )
        vague = False
        if m:
            n_txt = m["n"].strip()
            if n_txt in ("a", "an") and m["rel"] and m["det"] != "a":
                n: int | None = 1
            elif n_txt in _VAGUE_NUMBERS or n_txt.split()[0] in _VAGUE_NUMBERS:
                n, vague = None, True
            else:
                n = _number(n_txt)
                if n is None:
                    return None
            rel = m["rel"] or ""
            unit = m["unit"]
            det = m["det"] or ""
        else:
            m = re.fullmatch(
                r"(?:(?P<det>the|these) )?(?:(?P<rel>last|past|previous|next|coming|recent|"
                r"following|upcoming|ensuing|preceding) )?(?:few |several |many |some )?"
                r"(?P<unit>" + _UNIT_RE + r")(?: ahead| to come| past)?",
                s,
            )
            if not m:
                return None
            unit = m["unit"]
            rel = m["rel"] or ""
            det = m["det"] or ""
            plural = unit.endswith("s") and unit not in ("hours",) or unit == "centuries"
            if unit.endswith("ies"):
                plural = True
            if plural:
                n, vague = None, True
            elif det == "the" and rel in ("last", "past"):
                n = 1  # "the last year": twelve months up to the reference (module docstring)
            else:
                return None
            if (
                plural
                and rel == "recent"
                or (
                    plural
                    and not rel
                    and det != "the"
                    and s.split()[0] in ("few", "several", "many", "some")
                )
            ):
                rel = rel
        letter, gran = _UNITS[unit]
        if letter == "WE":
            return None
        value = _duration_value(None if vague else n, letter)
        if rel == "recent" and vague:
            return _dv_ref("PAST_REF", None)
        anchored_past = rel in ("last", "past", "previous", "prior", "recent", "preceding")
        anchored_future = rel in ("next", "coming", "upcoming", "following", "ensuing")
        if self.ref is None or vague or gran is None or not (anchored_past or anchored_future):
            return DateValue(value, None, None, None, "duration")
        try:
            other = _shift(self.ref, (-n if anchored_past else n) if n else 0, letter)
        except (OverflowError, ValueError):
            return DateValue(value, None, None, None, "duration")
        start, end = (other, self.ref) if anchored_past else (self.ref, other)
        return DateValue(value, start, end, gran, "duration")

    # -- "this week", "last month", "earlier this year" ----------------------------------------
    def relative_unit(self, s: str) -> DateValue | None:
        m = re.fullmatch(
            r"(?:(?:earlier|later|early|late|mid|the end of|the start of|the beginning of|the rest of) )?"
            r"(?:the )?(" + _REL_RE + r") (week|weekend|month|year|quarter|decade|century)",
            s,
        )
        if not m:
            m = re.fullmatch(r"the (week|weekend|month)()", s)
            if not m:
                return None
            rel, unit = "", m[1]
        else:
            rel, unit = m[1], m[2]
        if self.ref is None:
            return DateValue(None, None, None, "week" if unit == "weekend" else unit, "unresolved")
        off = 0
        if rel in (
            "last",
            "past",
            "previous",
            "prior",
            "latest",
            "most recent",
            "recent",
            "this past",
        ):
            off = -1
        elif rel in ("next", "coming", "following", "upcoming", "this coming"):
            off = 1
        if unit == "weekend":
            if rel == "" or rel == "this":
                # the weekend of the reference's week, or the one just gone when the clause
                # is past tense and the weekend has not yet come
                d = self.ref
                if self.tense == "past" and d.weekday() < 5:
                    d -= datetime.timedelta(weeks=1)
                return _dv_week(d, "relative", weekend=True)
            if off < 0 and self.ref.weekday() >= 5:
                off = -1
            elif off < 0:
                off = -1
            return _dv_week(self.ref + datetime.timedelta(weeks=off), "relative", weekend=True)
        letter = {
            "week": "W",
            "month": "M",
            "year": "Y",
            "quarter": "Q",
            "decade": "DE",
            "century": "CE",
        }[unit]
        try:
            d = _shift(self.ref, off, letter)
        except (OverflowError, ValueError):
            return None
        return _at_granularity(d, unit, "relative")

    # -- sets ----------------------------------------------------------------------------------
    def sets(self, s: str) -> DateValue | None:
        adverbs = {
            "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
            "annually": "P1Y", "annual": "P1Y", "quarterly": "P1Q", "nightly": "P1D",
            "hourly": "PT1H", "every day": "P1D", "each day": "P1D", "every week": "P1W",
            "each week": "P1W", "every month": "P1M", "each month": "P1M", "every year": "P1Y",
            "each year": "P1Y", "every quarter": "P1Q", "each quarter": "P1Q", "a year": "P1Y",
            "per year": "P1Y", "a month": "P1M", "per month": "P1M", "a day": "P1D",
            "per day": "P1D", "a week": "P1W", "per week": "P1W", "biweekly": "P2W",
            "fortnightly": "P2W",
        }  # fmt: skip
        if s in adverbs:
            return DateValue(adverbs[s], None, None, None, "set")
        m = re.fullmatch(r"(?:every|each|on) (" + _WEEKDAY_RE + r")s?", s) or re.fullmatch(
            r"(" + "|".join(k for k in _WEEKDAYS if len(k) > 4) + r")s", s
        )
        if m:
            return DateValue(f"XXXX-WXX-{_WEEKDAYS[m[1]] + 1}", None, None, None, "set")
        m = re.fullmatch(r"(?:every|each) (" + _SEASON_RE + r")", s)
        if m:
            return DateValue(f"XXXX-{_SEASONS[m[1]]}", None, None, None, "set")
        return None

    # -- ranges --------------------------------------------------------------------------------
    def range(self, s: str) -> DateValue | None:
        m = re.fullmatch(
            r"(?:(?:the )?(?:fiscal |financial |season )?)?("
            + _YEAR4
            + r") ?[-/] ?(\d{2}|\d{4})(?: (?:season|period|fiscal year))?",
            s,
        ) or re.fullmatch(
            r"(?:between |from )?(" + _YEAR4 + r") (?:to|and|until|till|through|thru) (\d{4})", s
        )
        if m:
            a = int(m[1])
            b_txt = m[2]
            if len(b_txt) == 2:
                if int(b_txt) <= 12 and "/" not in s and "-" in s:
                    return None  # 2011-12 is ISO year-month
                b = a // 100 * 100 + int(b_txt)
                if b < a:
                    b += 100
            else:
                b = int(b_txt)
            if not a < b <= a + 100:
                return None
            ya, yb = _dv_year(a, "range"), _dv_year(b, "range")
            if ya is None or yb is None:
                return None
            return DateValue(f"{ya.value}/{yb.value}", ya.date_start, yb.date_end, "year", "range")
        # day ranges inside one month: "March 3-5, 2019", "3-5 March"
        m = re.fullmatch(
            r"("
            + _MONTH_RE
            + r") ("
            + _DAYNUM
            + r") ?(?:-|to|and|through|until) ?("
            + _DAYNUM
            + r")(?: ("
            + _YEAR
            + r"))?",
            s,
        ) or re.fullmatch(
            r"("
            + _DAYNUM
            + r") ?(?:-|to|and|through|until) ?("
            + _DAYNUM
            + r") ("
            + _MONTH_RE
            + r")(?: ("
            + _YEAR
            + r"))?",
            s,
        )
        if m:
            if m[1] in _MONTHS:
                month, d1, d2 = _MONTHS[m[1]], _day_int(m[2]), _day_int(m[3])
            else:
                month, d1, d2 = _MONTHS[m[3]], _day_int(m[1]), _day_int(m[2])
            a = self._month_day_year(month, d1, m[4])
            if a is None or a.date_start is None or d2 <= d1:
                return None
            b_date = _safe_date(a.date_start.year, month, d2)
            if b_date is None:
                return None
            return DateValue(
                f"{a.value}/{b_date.isoformat()}", a.date_start, b_date, "day", "range"
            )
        m = re.fullmatch(
            r"(?:between |from |the period from )?(.+?) ?(?: and | to | until | till | through | thru |-| - )(?:the )?(.+)",
            s,
        )
        if not m:
            return None
        left, right = m[1].strip(), m[2].strip()
        if (
            not left
            or not right
            or not (_looks_calendar_start(left) or _looks_calendar_start(right))
        ):
            return None
        r = self.parse_simple(right)
        if r is None or r.date_start is None or r.date_type in ("duration", "set", "range"):
            return None
        yr = re.search(r"\b(" + _YEAR4 + r")$", right)
        left_cands = [left]
        if yr and not re.search(r"\b" + _YEAR4 + r"\b", left):
            left_cands.insert(0, f"{left} {yr[1]}")
        for lc in left_cands:
            lv = self.parse_simple(lc)
            if lv is None or lv.date_start is None or lv.date_end is None:
                continue
            if lv.date_type in ("duration", "set", "range"):
                continue
            if r.date_end is None or lv.date_start > r.date_end:
                continue
            dtype = "range"
            return DateValue(
                f"{lv.value}/{r.value}", lv.date_start, r.date_end, lv.granularity, dtype
            )
        return None

    def parse_simple(self, s: str) -> DateValue | None:
        """Parse one endpoint of a range (no further range splitting)."""
        for cand in self._candidates(s):
            for rule in (
                self.iso,
                self.numeric,
                self.month_day,
                self.holiday,
                self.relative_day,
                self.weekday,
                self.quarter,
                self.season,
                self.decade_century,
                self.year,
                self.relative_unit,
            ):
                out = rule(cand)
                if out is not None:
                    return out
        return None


# ---------------------------------------------------------------------------
# dateparser fallback
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _dateparser_date(text: str, reference: datetime.date) -> tuple[datetime.date, str] | None:
    """Absolute dates the grammar does not know, via dateparser (slow, so cached)."""
    from dateparser.date import DateDataParser  # imported lazily: heavy import

    parser = _date_data_parser(reference)
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError, TypeError, AttributeError, KeyError) as e:
        logger.debug("dateparser failed on %r: %s", text, e)
        return None
    if data is None or data.date_obj is None:
        return None
    del DateDataParser
    return data.date_obj.date(), str(data.period or "day")


@functools.lru_cache(maxsize=64)
def _date_data_parser(reference: datetime.date):  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime.datetime.combine(reference, datetime.time()),
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": [],
        },
    )


def _fallback(cleaned: str, reference: datetime.date | None) -> DateValue | None:
    # Only worth the cost when the text names a month or has a full numeric date, and the
    # grammar has already failed.
    has_month = any(w in _MONTHS and len(w) > 3 for w in cleaned.split())
    has_numeric = re.search(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", cleaned) is not None
    if not (has_month or has_numeric) or len(cleaned) > 60:
        return None
    has_year = re.search(r"\b" + _YEAR4 + r"\b", cleaned) is not None
    if reference is None and not has_year:
        return None
    base = reference or datetime.date(2000, 1, 1)
    got = _dateparser_date(cleaned, base)
    if got is None:
        return None
    d, period = got
    dtype = "exact" if has_year else "relative"
    if period == "year":
        return _dv_year(d.year, dtype)
    if period == "month":
        return _dv_month(d.year, d.month, dtype)
    if period == "week":
        return _dv_week(d, dtype)
    return _dv_day(d, dtype)


# ---------------------------------------------------------------------------
# Public API: normalisation
# ---------------------------------------------------------------------------


def normalize_date(text: str, reference: datetime.date | None) -> DateValue:
    """Normalise one date expression against a reference (publication) date.

    Args:
        text: the expression as written ("next year", "Dec. 6", "the last six years").
        reference: the date the text is relative to, usually the publication date; ``None``
            leaves relative expressions unresolved (underspecified TIMEX3 values).

    Returns:
        A :class:`DateValue`; ``DateValue(None)`` (unresolved) when the text is not understood.
        Never raises, and is deterministic for a given (text, reference).
    """
    return _normalize(text, reference, None)


def _normalize(text: str, reference: datetime.date | None, tense: Tense) -> DateValue:
    if not isinstance(text, str):
        return _UNRESOLVED
    if isinstance(reference, datetime.datetime):
        reference = reference.date()
    if reference is not None and not isinstance(reference, datetime.date):
        reference = None
    return _normalize_cached(text, reference, tense)


@functools.lru_cache(maxsize=65536)
def _normalize_cached(text: str, reference: datetime.date | None, tense: Tense) -> DateValue:
    """The grammar over cleaned text; cached because news repeats the same expressions."""
    cleaned = _clean(text)
    if not cleaned or len(cleaned) > 120:
        return _UNRESOLVED
    if _is_non_date(cleaned):
        return _UNRESOLVED
    try:
        out = _Parser(reference, tense).parse(cleaned)
        if out is None:
            out = _fallback(cleaned, reference)
    except (ValueError, OverflowError, KeyError, IndexError, TypeError) as e:
        logger.debug("could not normalise %r: %s", text, e)
        return _UNRESOLVED
    return out if out is not None else _UNRESOLVED


_NON_DATE = re.compile(
    r"\b(?:d day|v e day|ve day|vj day|v j day|doomsday|judgment day|judgement day|payday|"
    r"election day|polling day|\d+ years? olds?|\d+ (?:year|month|week|day) olds?|"
    r"aged? \d+|ages|years? old|months? old|weeks? old|day olds?)\b"
)


def _is_non_date(cleaned: str) -> bool:
    """Event names and ages that NER models tag DATE but that denote no calendar time."""
    if _NON_DATE.search(cleaned):
        return True
    return bool(re.fullmatch(r"(?:\w+ )*(?:\w+ )?(?:year|month|week|day) old", cleaned))


_DATE_WORDS = re.compile(
    r"\b(?:" + _MONTH_RE + r"|" + _WEEKDAY_RE + r"|" + _SEASON_RE + r"|year|years|month|months|"
    r"week|weeks|decade|decades|century|centuries|quarter|quarters|weekend|today|yesterday|"
    r"tomorrow|tonight|\d{4}s?|'\d\ds?)\b"
)


def is_date_expression(text: str) -> bool:
    """Whether ``text`` denotes calendar time (a date, period, duration or set).

    False for event names a NER model tags DATE ("D-Day", "Election Day") and for ages
    ("37-year-old"). Unresolvable but genuine expressions ("some years") are True.
    """
    if not isinstance(text, str):
        return False
    cleaned = _clean(text)
    if not cleaned or len(cleaned) > 120 or _is_non_date(cleaned):
        return False
    dv = _normalize(text, datetime.date(2000, 6, 15), None)
    if dv.value is not None:
        return True
    return bool(_DATE_WORDS.search(cleaned))


# ---------------------------------------------------------------------------
# Public API: mentions in a processed Doc
# ---------------------------------------------------------------------------

_LEADING_TRIM = {
    "on", "in", "at", "since", "by", "until", "till", "during", "from", "for", "of", "over",
    "within", "through", "before", "after", "as", "around", "about", "approximately",
    "nearly", "almost", "roughly", "only", "just", "to", "least", "most", "barely", "some",
}  # fmt: skip
_EXTRA_PATTERNS = [
    # ISO dates and numeric dates
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\b(?:1[89]|20)\d\d/\d{1,2}/\d{1,2}\b",
    r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b",
    # year ranges "2019-2020", "1998-99"
    r"\b(?:1[89]|20)\d\d[-\u2013](?:(?:1[89]|20)\d\d|\d\d)\b",
    # month day (year)
    r"\b(?:January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s[0-3]?\d(?:st|nd|rd|th)?"
    r"(?:,?\s(?:1[89]|20)\d\d)?\b",
    # weekdays, optionally with a time-of-day word
    r"\b(?:(?:last|next|this|on|early|late)\s)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)(?:\s(?:morning|afternoon|evening|night))?\b",
    r"\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b",
    r"\b(?:[Ll]ast|[Nn]ext|[Tt]his)\s(?:week|month|year|weekend|spring|summer|autumn|fall|winter|quarter)\b",
    r"\b(?:\w+|\d+)\s(?:years?|months?|weeks?|days?)\sago\b",
    r"\b(?:[Nn]ow|[Cc]urrently|[Rr]ecently|[Nn]owadays)\b",
    r"\b(?:Christmas(?: Eve| Day)?|New Year's (?:Eve|Day)|Easter(?: Sunday| Monday)?|"
    r"Good Friday|Thanksgiving(?: Day)?|Halloween|Valentine's Day|Independence Day|"
    r"Labor Day|Memorial Day|Boxing Day)\b",
    r"\b(?:the|in the)\s(?:past|future)\b",
]
_EXTRA_RE = re.compile("|".join(f"(?:{p})" for p in _EXTRA_PATTERNS))
_TIME_NEEDS_DATE = re.compile(
    r"\b(?:" + _WEEKDAY_RE + r"|today|yesterday|tomorrow|tonight|last night|this morning|"
    r"this afternoon|this evening|" + _MONTH_RE + r")\b"
)


def _clause_tense(span: Span) -> Tense:
    """Past or future from the verb that governs a date span (None when unknown).

    Future: "will"/"shall", "going to", and infinitives or modal verbs ("plans to leave
    Thursday", "could come as soon as Tuesday"), and the plain present of a non-reporting
    verb ("meet Monday", news style for schedules). Past: a past-tense verb or auxiliary.
    """
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "'ll", "shall", "wo"} or token.lower_ == "going" or "going" in words:
        return "future"
    if "would" in words or words & {"could", "might", "may", "can", "should", "must"}:
        return "future" if token.tag_ in ("VB", "VBG") else None
    if any(a.tag_ == "VBD" for a in auxes) or token.tag_ == "VBD":
        return "past"
    if token.tag_ == "VBN":
        return "past"
    if (
        token.tag_ == "VB"
        and "to" in words
        and (token.head.lemma_ in _INTENT_WORDS or token.head.head.lemma_ in _INTENT_WORDS)
    ):
        return "future"
    if (
        token.tag_ in ("VBP", "VBZ")
        and token.lemma_ not in _REPORTING_VERBS
        and not (words & {"has", "have", "had", "is", "are", "was", "were"})
    ):
        return "future"
    return None


_INTENT_WORDS = {
    "plan", "expect", "schedule", "set", "due", "hope", "intend", "want", "aim", "prepare",
    "agree", "decide", "promise", "propose", "seek", "try", "likely", "ready", "able",
    "go", "threaten", "vow", "pledge", "wish", "need", "mean", "poised", "slate",
}  # fmt: skip
_REPORTING_VERBS = {
    "say", "tell", "report", "announce", "state", "claim", "add", "note", "confirm", "deny",
    "be", "have", "show", "remain", "warn", "write", "quote",
}  # fmt: skip


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without leading prepositions/approximators and trailing punctuation."""
    while start < end - 1 and (
        doc[start].lower_ in _LEADING_TRIM or doc[start].is_space or doc[start].is_punct
    ):
        start += 1
    while end > start + 1 and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in ("'s", "’s")
    ):
        end -= 1
    return start, end


# A DATE entity may run over two timexes: "the six months ended Oct. 1", "the first nine
# months of 1997". TimeML marks the parts separately, and the second part is the date.
_SPLIT_RE = re.compile(
    r"\s(?:ended|ending|ends|that ended|which ended|through|thru)\s"
    r"|(?:(?<=months)|(?<=weeks))\s+of\s+"
    r"(?=(?:fiscal\s+)?(?:1[89]|20)\d\d\b)"
    r"|(?<=year)\s+to\s+(?=[A-Z])"
)
_YEAR_AGO_RE = re.compile(
    r"^(?:the\s+|a\s+)?(?:year[\s-](?:ago|earlier)|year[\s-]before|prior[\s-]year)"
    r"(?:\s+(?:quarter|period|level|results?|figures?))?$",
    re.I,
)


_LEFT_EXTEND = {
    "this",
    "last",
    "next",
    "early",
    "late",
    "mid",
    "earlier",
    "later",
    "past",
    "coming",
}


def _candidate_spans(doc: Doc) -> list[tuple[int, int]]:
    text_ = doc.text  # Doc.text joins every token: compute it once
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = _trim(doc, ent.start, ent.end)
        # the model sometimes leaves the determiner out ("This [year]'s festival")
        if start > 0 and doc[start - 1].lower_ in _LEFT_EXTEND and start == ent.start:
            start -= 1
        span = doc[start:end]
        if ent.label_ == "TIME" and not _TIME_NEEDS_DATE.search(span.text.lower()):
            continue
        s, e = span.start_char, span.end_char
        # an entity never runs over a line break in the article
        pieces: list[tuple[int, int]] = []
        cursor = s
        for m in re.finditer(r"\s*\n\s*", text_[s:e]):
            pieces.append((cursor, s + m.start()))
            cursor = s + m.end()
        pieces.append((cursor, e))
        for ps, pe in pieces:
            sub = text_[ps:pe]
            m = _SPLIT_RE.search(sub)
            if m:
                spans.append((ps, ps + m.start()))
                spans.append((ps + m.end(), pe))
            else:
                spans.append((ps, pe))
    return [(s, e) for s, e in spans if e > s and text_[s:e].strip()]


def date_mentions(doc: Doc, reference: datetime.date | None) -> list[tuple[int, int, DateValue]]:
    """The date expressions of a processed Doc, normalised against ``reference``.

    Takes the model's DATE entities (minus event names and ages, split where one entity
    runs over two expressions), TIME entities that name a day ("Monday morning", "last
    night"), and high-precision patterns the model missed (ISO dates, year ranges,
    weekdays, "yesterday", "now", ...). The tense of the governing verb decides whether a
    bare weekday or month is the last or the next one; "a year ago" next to a quarter
    means the same quarter a year earlier.

    Returns:
        ``(start_char, end_char, DateValue)`` sorted by position; offsets slice ``doc.text``.
    """
    text_ = doc.text  # Doc.text joins every token: compute it once
    spans = _candidate_spans(doc)
    taken = bytearray(len(text_) + 1)
    for s, e in spans:
        taken[s:e] = b"\x01" * (e - s)
    for m in _EXTRA_RE.finditer(text_):
        s, e = m.span()
        if any(taken[s:e]):
            continue
        # "on Friday": keep TimeML's span convention (no preposition)
        lead = re.match(r"(?:on|in)\s", m.group(0))
        if lead:
            s += lead.end()
        spans.append((s, e))
        taken[s:e] = b"\x01" * (e - s)
    out: list[tuple[int, int, DateValue]] = []
    for s, e in sorted(set(spans)):
        text = text_[s:e]
        if not is_date_expression(text):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        tense = _clause_tense(span) if span is not None and len(span) else None
        dv = _normalize(text, reference, tense)
        parts = _range_endpoints(text, reference, tense) if dv.date_type == "range" else None
        if parts:
            out.extend((s + ps, s + pe, pdv) for ps, pe, pdv in parts)
        else:
            out.append((s, e, dv))
    return _year_ago_in_context(doc, out)


_WORDED_RANGE = re.compile(
    r"^(?P<lead>(?:between|from|the period from)\s+)?(?P<left>.+?)"
    r"(?P<sep>\s+(?:to|and|until|till|through|thru)\s+|\s+[-\u2013\u2014]\s+)(?P<right>.+)$",
    re.I | re.S,
)


def _range_endpoints(
    text: str, reference: datetime.date | None, tense: Tense
) -> list[tuple[int, int, DateValue]] | None:
    """Split a range written with words ("Nov. 20 to Dec. 11") into its two endpoints.

    TimeML and GUM mark each endpoint as its own expression; compact ranges ("2019-2020",
    "March 3-5") stay one mention with a ``start/end`` value. A missing year on the left
    comes from the right ("January 23 to March 9, 2014").
    """
    m = _WORDED_RANGE.match(text)
    if not m:
        return None
    left, right = m["left"], m["right"]
    year = re.search(r"\b" + _YEAR4 + r"\b", right)
    left_text = left
    if year and not re.search(r"\b" + _YEAR4 + r"\b", left):
        left_text = f"{left} {year.group(0)}"
    ldv = _normalize(left_text, reference, tense)
    rdv = _normalize(right, reference, tense)
    if ldv.value is None or rdv.value is None:
        return None
    ls = m.start("left")
    rs = m.start("right")
    return [(ls, ls + len(left), ldv), (rs, rs + len(right), rdv)]


def _year_ago_in_context(
    doc: Doc, mentions: list[tuple[int, int, DateValue]]
) -> list[tuple[int, int, DateValue]]:
    """ "a year ago" compared with a quarter means that quarter one year earlier."""
    text_ = doc.text
    result = list(mentions)
    for i, (s, e, dv) in enumerate(mentions):
        if dv.granularity != "year" or not _YEAR_AGO_RE.match(text_[s:e].strip()):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        # the quarter talked about: in the same sentence, else in the two before it
        sent = span.sent
        window_start = sent.start
        for _ in range(2):
            if window_start == 0:
                break
            window_start = doc[window_start - 1].sent.start
        first_char = doc[window_start].idx
        quarters = [
            (os_ < sent.start_char, -os_ if os_ < sent.start_char else os_, other)
            for (os_, oe, other) in mentions
            if other.granularity == "quarter"
            and other.date_start is not None
            and first_char <= os_ < sent.end_char
            and (os_, oe) != (s, e)
        ]
        if not quarters:
            continue
        q = min(quarters, key=lambda t: (t[0], t[1]))[2]
        if q.date_start is None or not q.value:
            continue
        year = q.date_start.year - 1
        shifted = _dv_quarter(year, (q.date_start.month - 1) // 3 + 1, "relative")
        if shifted is not None:
            result[i] = (s, e, shifted)
    return result


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

    Looks at the first ~40 lines for labelled dates ("Last Updated on 2020/12/06",
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
