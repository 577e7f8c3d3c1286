"""Date mentions in a processed spaCy Doc: candidate spans, clause tense, ranges, "a year ago"."""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

from actorgraph.dates.grammar import _normalize, is_date_expression
from actorgraph.dates.lexicon import _DAYNUM, _MONTH_RE, _WEEKDAY_RE, _YEAR4, Tense
from actorgraph.dates.values import _at_granularity, _dv_quarter
from actorgraph.records import DateValue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["date_mentions"]

# ---------------------------------------------------------------------------
# Public API: mentions in a processed Doc
# ---------------------------------------------------------------------------

_LEADING_TRIM = {
    "on", "in", "at", "since", "by", "until", "till", "during", "from", "for", "of", "over",
    "within", "through", "before", "after", "as", "around", "about", "approximately",
    "nearly", "almost", "roughly", "only", "just", "to", "least", "most", "barely", "some",
}  # fmt: skip
_HOLIDAY_PATTERN = (
    r"\b(?:Christmas(?: Eve| Day)?|New Year's (?:Eve|Day)|Easter(?: Sunday| Monday)?|"
    r"Good Friday|Thanksgiving(?: Day)?|Halloween|Valentine's Day|Independence Day|"
    r"Labor Day|Memorial Day|Boxing Day)\b"
)
_HOLIDAY_RE = re.compile(_HOLIDAY_PATTERN)
#: TimeML SETs: "every day", "each Thursday", "every summer" (but not the adjective "every"
#: after a possessive, nor "every day" before a noun: "people's every day lives").
_EVERY_PATTERN = (
    r"\b(?:[Ee]very|[Ee]ach)\s(?:day|week|month|year|quarter|weekend|spring|summer|autumn|"
    r"fall|winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_EVERY_RE = re.compile(_EVERY_PATTERN)
#: Frequency adverbs and adjectives are TIMEX3 SETs ("rallies held almost daily" is P1D). Lower
#: case only: capitalised, they mostly belong to a title ("Daily Mail", "Weekly Standard").
_FREQUENCY_PATTERN = r"\b(?:daily|weekly|monthly|yearly|annually|nightly|hourly)\b"
_FREQUENCY_RE = re.compile(_FREQUENCY_PATTERN)
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
    _HOLIDAY_PATTERN,
    r"\b(?:the|in the)\s(?:past|future)\b",
    _EVERY_PATTERN,
    _FREQUENCY_PATTERN,
    r"\b(?:day|week|month|year|decade)s?-long\b",
]
_EXTRA_RE = re.compile("|".join(f"(?:{p})" for p in _EXTRA_PATTERNS))
#: TIME entities that are durations ("two-hour", "more than four hours", "90 minutes"): TIMEX3
#: DURATION values such as PT2H, kept like any other duration.
_TIME_DURATION = re.compile(
    r"\b(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|forty-five|several|few|a few|many)[\s-]+(?:hours?|minutes?|seconds?)\b"
)
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
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if token.lemma_ in _SCHEDULING_VERBS:
        return "future"  # "scheduled a news conference Thursday", "postponed until Tuesday"
    if words & {"will", "'ll", "shall", "wo"} or token.lower_ == "going" or "going" in words:
        return "future"
    if "would" in words or words & {"could", "might", "may", "can", "should", "must"}:
        return "future" if token.tag_ in ("VB", "VBG") else None
    if "to" in words and token.head.i != token.i and token.head.lemma_ == "be" \
            and token.head.tag_ in ("VBZ", "VBP"):
        return "future"  # "is to be held", "are to meet"
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
#: Verbs that put their date after the act whatever their tense: what was scheduled
#: or postponed "for Thursday" is the coming Thursday ("planned" is left out: a past plan
#: is often a past event, "a service planned for Saturday was canceled").
_SCHEDULING_VERBS = {
    "schedule", "reschedule", "postpone", "defer", "delay", "adjourn", "slate",
}  # fmt: skip
_REPORTING_VERBS = {
    "say", "tell", "report", "announce", "state", "claim", "add", "note", "confirm", "deny",
    "be", "have", "show", "remain", "warn", "write", "quote",
}  # fmt: skip


_AS_ADVERBS = {"early", "late", "long", "soon", "recently", "far", "much"}


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without leading prepositions/approximators and trailing punctuation."""
    while start < end - 1 and (
        doc[start].lower_ in _LEADING_TRIM or doc[start].is_space or doc[start].is_punct
    ):
        start += 1
    # "as early as next year", "(as) long as a month": the comparison is no part of the date
    if end - start > 2 and doc[start].lower_ in _AS_ADVERBS and doc[start + 1].lower_ == "as":
        start += 2
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
_YEAR_AS_PERIOD = re.compile(r"(?:the|its|their)\s+(?:fiscal\s+|financial\s+)?year", re.I)
_ENDED_AFTER = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\b", re.I)
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
    "every",
    "each",
}


_CLOCK_TEXT = re.compile(r"\b(?:\d{1,2}(?::\d\d)?\s?[ap]\.?m\b\.?|noon)", re.I)
_DAY_TEXT = re.compile(
    r"(?:" + _WEEKDAY_RE + r"|today|yesterday|tomorrow|" + _MONTH_RE + r"\.?\s+\d{1,2}\b)", re.I
)


def _with_clock_times(doc: Doc) -> list[Span]:
    """The entities, with a clock time joined to the day right after it: the model tags
    "[9 a.m.] [Tuesday]" as a TIME and a DATE, TimeML marks "9 a.m. Tuesday" as one time."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if (
            nxt is not None
            and ent.label_ == "TIME"
            and nxt.label_ == "DATE"
            and _CLOCK_TEXT.search(ent.text)
            and _DAY_TEXT.match(nxt.text)
            and re.fullmatch(r"[\s,]*", doc.text[ent.end_char:nxt.start_char])
        ):
            out.append(doc[ent.start:nxt.end])
            out[-1].label_ = "DATE"
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def _candidate_spans(doc: Doc) -> list[tuple[int, int]]:
    text_ = doc.text  # Doc.text joins every token: compute it once
    spans: list[tuple[int, int]] = []
    for ent in _with_clock_times(doc):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = _trim(doc, ent.start, ent.end)
        # the model sometimes leaves the determiner out ("This [year]'s festival")
        if start > 0 and doc[start - 1].lower_ in _LEFT_EXTEND and start == ent.start:
            start -= 1
        span = doc[start:end]
        if ent.label_ == "TIME" and not _TIME_NEEDS_DATE.search(span.text.lower()) \
                and not _TIME_DURATION.search(span.text.lower()):
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


#: Frequency words on their own ("quarterly dividend", "paid annually") describe a habit, not
#: a date: news timex guidelines (TimeML, GUM) leave them unmarked.
_BARE_FREQUENCY = frozenset({"quarterly", "annual", "biannual", "biannually"})


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
    # A pattern inside a name is not a date: "Johnnie Christmas", "Tuesday Weld".
    for ent in doc.ents:
        # a holiday the model calls an EVENT ("Thanksgiving Day") is still a date
        if ent.label_ == "EVENT" and _HOLIDAY_RE.fullmatch(ent.text):
            continue
        if ent.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            taken[ent.start_char:ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
    for m in _EXTRA_RE.finditer(text_):
        s, e = m.span()
        if any(taken[s:e]):
            continue
        if _EVERY_RE.fullmatch(m.group(0)) and _every_is_adjective(doc, s, e):
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
        if not is_date_expression(text) or text.lower() in _BARE_FREQUENCY:
            continue
        if _FREQUENCY_RE.fullmatch(text.lower()) and _frequency_is_rate(doc, s, e):
            continue
        if _is_age(doc, s, e):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        tense = _clause_tense(span) if span is not None and len(span) else None
        dv = _normalize(text, reference, tense)
        if text.lower() == "one day" and span is not None and not _one_day_is_someday(span):
            # "in the job one day", "followed by one day": an amount, P1D
            dv = DateValue("P1D", None, None, None, "duration")
        if _YEAR_AS_PERIOD.fullmatch(text) and _ENDED_AFTER.match(text_, e):
            # "for the year ended March 31": a twelve-month period named by its last day, a
            # TIMEX3 duration, not the calendar year
            dv = DateValue("P1Y", None, None, None, "duration")
        parts = _coordinated_parts(text, reference, tense)
        if parts is None and dv.date_type == "range":
            parts = _range_endpoints(text, reference, tense)
        if parts:
            out.extend((s + ps, s + pe, pdv) for ps, pe, pdv in parts)
        else:
            out.append((s, e, dv))
    out = _anaphoric_dates(text_, _year_ago_in_context(doc, out))
    return sorted(out + _clock_times(doc, out), key=lambda m: (m[0], m[1]))


_CLOCK_ONLY = re.compile(r"(\d{1,2})(?::(\d\d))?\s?([ap])\.?m\.?", re.I)


def _clock_times(
    doc: Doc, mentions: list[tuple[int, int, DateValue]]
) -> list[tuple[int, int, DateValue]]:
    """Clock times apart from their day ("at about 10:35 a.m. (0735 GMT) Friday"): TIMEX3
    times on the day named in the same sentence; left out when the sentence names none."""
    found: list[tuple[int, int, DateValue]] = []
    for ent in doc.ents:
        if ent.label_ != "TIME":
            continue
        start, end = _trim(doc, ent.start, ent.end)
        span = doc[start:end]
        m = _CLOCK_ONLY.fullmatch(span.text.strip())
        if m is None:
            continue
        s, e = span.start_char, span.end_char
        if any(os_ < e and s < oe for os_, oe, _ in mentions):
            continue
        hour, minute = int(m[1]), int(m[2] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            continue
        hour = hour % 12 + (12 if m[3].lower() == "p" else 0)
        sent = span.sent
        days = [
            (abs(os_ - s), dv)
            for os_, _, dv in mentions
            if sent.start_char <= os_ < sent.end_char
            and dv.granularity == "day"
            and dv.date_start is not None
            and dv.date_type != "duration"
        ]
        if not days:
            continue  # the day of a narrated event is rarely the reference day
        day = min(days, key=lambda t: t[0])[1].date_start
        if day is None:
            continue
        found.append(
            (s, e, DateValue(f"{day.isoformat()}T{hour:02d}:{minute:02d}", day, day, "day",
                             "relative"))
        )
    return found


_DECADE_NUMBER = re.compile(r"(?:(?:early|mid|late)[\s-]+)?[1-9]0'?s", re.I)


def _is_age(doc: Doc, start_char: int, end_char: int) -> bool:
    """A decade number after a possessive is an age, not a decade: "when he was in his 30s",
    "in her early 40s" (a year count before a noun is left alone: "10% of 2000 levels")."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if span[0].tag_ == "PRP$":  # the model's span may take the possessive in
        return bool(_DECADE_NUMBER.fullmatch(span[1:].text))
    return (
        span.start > 0
        and doc[span.start - 1].tag_ == "PRP$"
        and bool(_DECADE_NUMBER.fullmatch(span.text))
    )


def _one_day_is_someday(span: Span) -> bool:
    """Whether "one day" is the vague future ("he could one day lead", "One day, we will",
    "hopes that one day peace comes"): before a verb or a comma, or opening a clause."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and (nxt.pos_ in ("VERB", "AUX") or nxt.text == ","):
        return True
    prev = doc[span.start - 1] if span.start > 0 else None
    return prev is None or span.start == span.sent.start or prev.lower_ in (
        "that", "perhaps", "maybe", "and", "but"
    )


def _every_is_adjective(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether "every day" at these offsets modifies a noun rather than naming a set:
    after a possessive ("his every move", "people's every day lives") or before a noun."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if span.start > 0 and doc[span.start - 1].tag_ in ("PRP$", "POS"):
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and span[-1].lower_ == "day" and nxt.pos_ in ("NOUN", "PROPN")


def _frequency_is_rate(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether a frequency word at these offsets is the unit of a rate, which TimeML leaves
    unmarked: after a quantity ("rise 20% annually", "10,000 units annually", "C$17.9 million
    annually") or in an average ("average daily volume", "per day")."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span) or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.lower_ in ("average", "per", "%", "percent") or prev.like_num:
        return True
    return prev.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in prev.children)


_WORDED_RANGE = re.compile(
    r"^(?P<lead>(?:between|from|the period from)\s+)?(?P<left>.+?)"
    r"(?P<sep>\s+(?:to|and|until|till|through|thru)\s+|\s+[-\u2013\u2014]\s+)(?P<right>.+)$",
    re.I | re.S,
)


_LIST_SEP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.I)
_BARE_DAY = re.compile(_DAYNUM, re.I)


def _coordinated_parts(
    text: str, reference: datetime.date | None, tense: Tense
) -> list[tuple[int, int, DateValue]] | None:
    """Split a coordination of dates ("April 24 and 25", "1994, 1995 and 1997") into its items.

    TimeML marks each coordinated date as its own expression; a bare day number takes its
    month and year from the item before it ("April 24 and 25": 25 is April 25). Only a list
    joined by "and"/"or" is split: "Thursday, Jan. 6" is one date written twice.
    """
    if not re.search(r"\s(?:and|or)\b", text, re.I) or re.match(r"(?:between|from)\s", text, re.I):
        return None  # "between 1990 and 1995" is a range: _range_endpoints
    # the model may stop after the conjunction: "1994, 1995 and [1997]"
    dangling = re.search(r",?\s+(?:and|or)$", text, re.I)
    end = dangling.start() if dangling else len(text)
    items: list[tuple[int, int]] = []
    cursor = 0
    for m in _LIST_SEP.finditer(text, 0, end):
        items.append((cursor, m.start()))
        cursor = m.end()
    items.append((cursor, end))
    items = [(a, b) for a, b in items if b > a]
    if not items or (len(items) < 2 and not dangling):
        return None
    out: list[tuple[int, int, DateValue]] = []
    previous: DateValue | None = None
    for a, b in items:
        piece = text[a:b]
        if _BARE_DAY.fullmatch(piece):
            if previous is None or previous.granularity != "day" or previous.date_start is None:
                return None
            month_day = previous.date_start.strftime("%B") + " " + piece
            dv = _normalize(f"{month_day} {previous.date_start.year}", reference, tense)
        else:
            dv = _normalize(piece, reference, tense)
        if dv.value is None or dv.date_type in ("range", "set"):
            return None
        out.append((a, b, dv))
        previous = dv
    # a list of one kind only: "1994, 1995 and 1997", "Friday and Thursday", never a date and a
    # duration ("Friday, nearly two months")
    if len({dv.date_type == "duration" for _, _, dv in out}) > 1:
        return None
    return out


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


_ANAPHORIC = re.compile(
    r"(?:(?:earlier|later|early|late)\s+(?:in\s+)?)?(?:that|the\s+same|that\s+same)\s+"
    r"(?P<unit>day|week|month|quarter|year)",
    re.I,
)
_FINER = {
    "day": {"day"}, "week": {"day", "week"}, "month": {"day", "month"},
    "quarter": {"day", "month", "quarter"}, "year": {"day", "week", "month", "quarter", "year"},
}  # fmt: skip


def _anaphoric_dates(
    text: str, mentions: list[tuple[int, int, DateValue]]
) -> list[tuple[int, int, DateValue]]:
    """ "that year", "later that month", "the same day": the unit of the date the story
    mentioned last ("fled in June 1998 and returned later that year": 1998)."""
    result = list(mentions)
    for i, (s, e, dv) in enumerate(mentions):
        m = _ANAPHORIC.fullmatch(text[s:e].strip())
        if m is None or dv.value is not None:
            continue
        unit = m["unit"].lower()
        for _, _, earlier in reversed(result[:i]):
            if earlier.date_type in ("duration", "set", "range", "unresolved"):
                continue
            if earlier.date_start is None or earlier.granularity not in _FINER[unit]:
                continue
            resolved = _at_granularity(earlier.date_start, unit, "relative")
            if resolved is not None:
                result[i] = (s, e, resolved)
            break
    return result


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
