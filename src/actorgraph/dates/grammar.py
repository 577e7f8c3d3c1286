"""The date grammar: :func:`normalize_date`, :func:`is_date_expression` and their parser.

The rules for named calendar units live in :mod:`actorgraph.dates.calendar_rules`; this
module holds the parser's entry point, the relative rules and the ``dateparser`` fallback.
"""

from __future__ import annotations

import datetime
import functools
import logging
import re
from collections.abc import Iterable

from actorgraph.dates.calendar_rules import _CalendarRules
from actorgraph.dates.lexicon import (
    _DAYNUM,
    _FUTURE_REF,
    _MONTH_RE,
    _MONTHS,
    _NUMBERS,
    _NUMWORD_RE,
    _ORDINALS,
    _PAST_REF,
    _PRESENT_REF,
    _REL_RE,
    _SEASON_RE,
    _SEASONS,
    _TOD_RE,
    _UNIT_RE,
    _UNITS,
    _VAGUE_NUMBERS,
    _WEEKDAY_RE,
    _WEEKDAYS,
    _YEAR,
    _YEAR4,
    Tense,
)
from actorgraph.dates.textnorm import (
    _clean,
    _day_int,
    _looks_calendar_start,
    _number,
    _strip_leading,
    _strip_modifiers,
)
from actorgraph.dates.values import (
    _UNRESOLVED,
    _at_granularity,
    _duration_value,
    _dv_day,
    _dv_month,
    _dv_ref,
    _dv_week,
    _dv_year,
    _safe_date,
    _shift,
)
from actorgraph.records import DateValue

__all__ = ["is_date_expression", "normalize_date"]

logger = logging.getLogger(__name__)


class _Parser(_CalendarRules):
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
        out = self._first(s, (
            self.refs, self.iso, self.numeric, self.month_day, self.rel_month_day, self.holiday,
            self.week_of, self.relative_day, self.weekday, self.quarter, self.season,
            self.decade_century, self.year, self.ago, self.duration, self.relative_unit,
            self.sets,
        ))  # fmt: skip
        return _with_clock_time(out, s) if out is not None else None

    def _first(self, s: str, rules: tuple) -> DateValue | None:  # type: ignore[type-arg]
        """The value of the first rule that reads one of ``s``'s candidate forms."""
        for cand in self._candidates(s):
            for rule in rules:
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
            t = re.sub(r"\s(?:or so|or more)(?= (?:ago|earlier|later)$)", "", t)  # a week or so ago
            # "the first nine months of the year": the span of months, P9M
            t = re.sub(
                r"^((?:the )?(?:first|last|past|final) \S+ (?:months|weeks|days|quarters))"
                r" of (?:the|this|that) year$",
                r"\1",
                t,
            )
            t = re.sub(
                r"^(?:\d{1,2}(?:[: ]\d\d)?\s?(?:am|pm|a m|p m)|midnight|noon|dawn|dusk)"
                r"(?: (?:gmt|utc|[a-z]st|[a-z]dt))? ",
                "",
                t,
            )
            t = re.sub(
                r"\s\d{1,2}(?::\d\d)?\s?(?:am|pm|a m|p m|gmt|utc|[a-z]st|[a-z]dt)\b.*$", "", t
            )
            if t and t not in seen:
                seen.append(t)
        for c in list(seen):
            t = self._digits_for_spelled(c)
            if t != c and t not in seen:
                seen.append(t)
        return seen

    def _digits_for_spelled(self, s: str) -> str:
        """Spoken-style day and year numbers as digits after a month or season ("january
        nineteen ninety seven" -> "january 1997", "march eighth" -> "march 8th", "the winter
        of nineteen ninety four" -> "the winter of 1994"), so the calendar rules apply."""
        m = re.fullmatch(
            r"(.*?)\b(?:the )?(" + _SPELLED_ORDINAL_RE + r") (of " + _MONTH_RE + r"\b.*)", s
        )
        if m and m[2] in _ORDINALS:  # "the eighth of March"
            s = f"{m[1]}{_ORDINALS[m[2]]} {m[3]}"
        m = re.fullmatch(r"(.*\b(?:" + _MONTH_RE + r"|" + _SEASON_RE + r")(?: of)?) (.+)", s)
        if not m:
            return s
        head, tail = m[1], m[2]
        year = self._spelled_year(tail)
        if year is not None:
            return f"{head} {year}"
        mo = re.match(r"(?:the )?(" + _SPELLED_ORDINAL_RE + r")\b(?: (?:of )?(.+))?$", tail)
        if mo and re.search(r"\b" + _MONTH_RE + r"$", head) and mo[1] in _ORDINALS:
            rest = ""
            if mo[2]:
                year = self._spelled_year(mo[2])
                if year is None:
                    return s
                rest = f" {year}"
            return f"{head} {_ORDINALS[mo[1]]}{rest}"
        return s

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

    def week_of(self, s: str) -> DateValue | None:
        """ "the week of March 6", "Easter week": the ISO week that holds the day."""
        m = re.fullmatch(r"(?:the )?week of (.+)", s)
        if m:
            day = self.parse_simple(m[1])
        else:
            m = re.fullmatch(r"(.+) week", s)
            # the nearest one: a week that "began" may hold a holiday still to come
            day = _Parser(self.ref, None).holiday(m[1]) if m else None
        if day is None or day.granularity != "day" or day.date_start is None:
            return None
        return _dv_week(day.date_start, day.date_type)

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
        if m["dir"] in ("later", "earlier") and letter in ("TH", "TM", "TS", "D", "W", "2W"):
            # "three days later", "an hour earlier": counted from an event of the story, not
            # from the reference, so TimeML marks the amount (P3D, PT1H) and links it
            return DateValue(_duration_value(n, letter), None, None, None, "duration")
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
        m = re.fullmatch(r"(?:an? )?(" + _UNIT_RE + r") long", s)  # "a day-long meeting"
        if m and _UNITS[m[1]][0] != "WE":
            plural = m[1].endswith("s")
            value = _duration_value(None if plural else 1, _UNITS[m[1]][0])
            return DateValue(value, None, None, None, "duration")
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
        m = re.fullmatch(r"(?:every|each) (" + _MONTH_RE + r")", s)
        if m:
            return DateValue(f"XXXX-{_MONTHS[m[1]]:02d}", None, None, None, "set")
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
        return self._first(s, (
            self.iso, self.numeric, self.month_day, self.holiday, self.relative_day,
            self.weekday, self.quarter, self.season, self.decade_century, self.year,
            self.relative_unit,
        ))  # fmt: skip


# ---------------------------------------------------------------------------
# dateparser fallback
# ---------------------------------------------------------------------------


_CLOCK = re.compile(r"\b(?:(\d{1,2})(?: (\d\d))? ?(a m|p m|am|pm)|(noon))\b")


def _with_clock_time(out: DateValue, s: str) -> DateValue:
    """A day with a clock time in the same expression is a TIMEX3 time: "10 p.m. Wednesday"
    is 1998-02-11T22:00, "noon Thursday" 1998-02-12T12:00 (``s`` is cleaned text)."""
    if out.granularity != "day" or not out.value or not re.fullmatch(r"\d{4}-\d\d-\d\d", out.value):
        return out
    m = _CLOCK.search(s)
    if m is None:
        return out
    if m[4]:
        hour, minute = 12, 0
    else:
        hour, minute = int(m[1]), int(m[2] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return out
        hour = hour % 12 + (12 if m[3].startswith("p") else 0)
    return DateValue(
        f"{out.value}T{hour:02d}:{minute:02d}", out.date_start, out.date_end, "day", out.date_type
    )


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
    if out is not None and out.value and (year := _YEAR_AS_COUNT.match(out.value)):
        # "the 1988 quarter", "the 1988 fiscal year": a year naming the period, not a count.
        out = _dv_year(int(year.group(1)), "exact") or _UNRESOLVED
    return out if out is not None else _UNRESOLVED


_SPELLED_ORDINAL_RE = "|".join(
    sorted((w for w in _ORDINALS if not w[0].isdigit()), key=len, reverse=True)
)
_YEAR_AS_COUNT = re.compile(r"^P(1[5-9]\d\d|20\d\d)[YQMWD]$")


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
    r"tomorrow|tonight|[1-9]\d{3}s?|'\d\ds?)\b"
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
