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

from actorgraph.dates.grammar import is_date_expression, normalize_date
from actorgraph.dates.mentions import date_mentions
from actorgraph.dates.published import find_published_in_text, parse_published

__all__ = [
    "date_mentions",
    "find_published_in_text",
    "is_date_expression",
    "normalize_date",
    "parse_published",
]
