"""DateValue builders, calendar arithmetic (shifts, Easter, nth weekday) and TIMEX3 values."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable

from actorgraph.dates.lexicon import Tense
from actorgraph.records import DateValue

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
# Calendar arithmetic
# ---------------------------------------------------------------------------


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
    when it would move the date more than nine months away, into another year, while the
    occurrence nearest to it is within three months. Within the reference's own year the
    tense stands: "in January, it hired ..." written in October is this January.
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
    if (
        abs(months_from_ref(chosen)) > 9
        and abs(months_from_ref(nearest)) <= 3
        and chosen != reference.year
    ):
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
