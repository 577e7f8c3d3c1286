"""Word tables and regex fragments of the date grammar (general English, not corpus-specific)."""

from __future__ import annotations

from typing import Literal

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
# Regex fragments
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
