"""Grammar rules for dates written with calendar names and numbers.

Numeric dates, months, holidays, weekdays, quarters, seasons, decades, centuries and years.
They are the first base of :class:`actorgraph.dates.grammar._Parser`, which holds the entry
point and the relative rules (ago, durations, "this week", sets, ranges).
"""

from __future__ import annotations

import datetime
import re

from actorgraph.dates.lexicon import (
    _DAYNUM,
    _FIXED_HOLIDAYS,
    _MAX_YEAR,
    _MIN_YEAR,
    _MONTH_RE,
    _MONTHS,
    _ORDINALS,
    _REL_RE,
    _SEASON_RE,
    _SEASONS,
    _TOD_RE,
    _WEEKDAY_RE,
    _WEEKDAYS,
    _YEAR,
    _YEAR4,
    Tense,
)
from actorgraph.dates.textnorm import _day_int, _number, _year_of
from actorgraph.dates.values import (
    _MOVABLE_HOLIDAYS,
    _dv_century,
    _dv_day,
    _dv_decade,
    _dv_half,
    _dv_month,
    _dv_quarter,
    _dv_season,
    _dv_week,
    _dv_year,
    _ok_year,
    _pick_year_for,
    _safe_date,
    _weekday_from,
)
from actorgraph.records import DateValue

#: Deictic parts of the day, valued with TIMEX3's part-of-day suffix ("this morning" is
#: 2019-06-05TMO). A weekday or "yesterday" with a part of the day keeps the plain day: news
#: corpora disagree there (GUM dates only the day), and the day is what the text fixes.
_PART_OF_DAY = {
    "this morning": "MO", "this afternoon": "AF", "this evening": "EV", "tonight": "NI",
    "last night": "NI", "last evening": "EV",
}  # fmt: skip


class _CalendarRules:
    """Rules for dates written with calendar names and numbers (one normalisation each)."""

    ref: datetime.date | None
    tense: Tense

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
        # "Saturday, April 25", "this coming Sunday, March 8": the weekday only checks the year
        lead_wd = r"(?:(?:this|coming|next|last) )?(" + _WEEKDAY_RE + r") "
        wd = re.match(lead_wd + r"(?=(?:the )?\d|" + _MONTH_RE + r"\b)", s) or re.search(
            r"\s(" + _WEEKDAY_RE + r")$", s
        )
        hint = _WEEKDAYS[wd[1]] if wd else None
        s = re.sub(r"^" + lead_wd + r"(?=(?:the )?\d|" + _MONTH_RE + r"\b)", "", s)
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
        elif rel:
            d = this_year
        else:
            # no tense known: the nearest occurrence ("found on Thanksgiving Day" in January)
            nearest = [x for x in (on(self.ref.year - 1), this_year, on(self.ref.year + 1)) if x]
            d = min(nearest, key=lambda x: (abs((x - self.ref).days), x != this_year))
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
            "later this morning": 0, "later this afternoon": 0, "later this evening": 0,
            "later tonight": 0, "earlier this morning": 0, "earlier this afternoon": 0,
            "earlier this evening": 0,
        }  # fmt: skip
        base = re.sub(r"\s" + _TOD_RE + r"$", "", s)
        for key in (s, base):
            if key in table:
                off = table[key]
                if off is None:
                    return None
                if self.ref is None:
                    return DateValue(None, None, None, "day", "unresolved")
                day = _dv_day(self.ref + datetime.timedelta(days=off), "relative")
                part = _PART_OF_DAY.get(re.sub(r"^(?:earlier|later) ", "", s))
                if part is None:
                    return day
                # TIMEX3 marks the part of the day: "this morning" is 2019-06-05TMO
                return DateValue(
                    f"{day.value}T{part}", day.date_start, day.date_end, "day", "relative"
                )
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
