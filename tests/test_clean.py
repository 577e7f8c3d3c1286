"""Cleaning: boilerplate is masked, never rewritten; title, site and date are found."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actorgraph.clean import clean
from actorgraph.records import Article

PAGE = """Global Desk > Asia > Leaders meet in Hanoi

Leaders meet in Hanoi

Last Updated on 2021/03/04

By Jane Roe

Vietnam and Japan agreed on Tuesday to expand defence cooperation.

The two prime ministers met in Hanoi for talks.

Post Author

Jane Roe

Why Rice Prices Are Rising Across Asia

Leave a Reply

This site uses Akismet to reduce spam. Learn how your comment data is processed.
"""


def _article(text: str, **kw) -> Article:
    return Article(doc_id="d", path="d.txt", text=text, **kw)


def _kinds(cleaned):
    text = cleaned.article.text
    return {text[s.start:s.end].strip(): (s.kind, s.reason) for s in cleaned.segments if text[s.start:s.end].strip()}


def test_clean_page_metadata():
    cleaned = clean(_article(PAGE))
    assert cleaned.article.title == "Leaders meet in Hanoi"
    assert cleaned.article.source == "Global Desk"
    assert cleaned.article.published.isoformat() == "2021-03-04"
    assert cleaned.article.published_source.startswith("text:")


@pytest.mark.parametrize("line,reason", [
    ("Global Desk > Asia > Leaders meet in Hanoi", "breadcrumb"),
    ("Last Updated on 2021/03/04", "dateline"),
    ("By Jane Roe", "byline"),
    ("Post Author", "furniture"),
    ("Why Rice Prices Are Rising Across Asia", "footer"),
    ("Leave a Reply", "furniture"),
    ("This site uses Akismet to reduce spam. Learn how your comment data is processed.", "furniture"),
])
def test_clean_boilerplate_lines(line, reason):
    kinds = _kinds(clean(_article(PAGE)))
    assert kinds[line] == ("boilerplate", reason)


@pytest.mark.parametrize("line", [
    "Vietnam and Japan agreed on Tuesday to expand defence cooperation.",
    "The two prime ministers met in Hanoi for talks.",
])
def test_clean_body_kept(line):
    cleaned = clean(_article(PAGE))
    i = PAGE.index(line)
    [seg] = [s for s in cleaned.segments if s.start <= i < s.end]
    assert seg.kind == "body" and seg.end >= i + len(line)


def test_clean_masks_without_moving_text():
    cleaned = clean(_article(PAGE))
    assert len(cleaned.masked) == len(PAGE)
    assert "Akismet" not in cleaned.masked and "Global Desk" not in cleaned.masked
    i = PAGE.index("Vietnam and Japan")
    assert cleaned.masked[i:i + 40] == PAGE[i:i + 40]


def test_clean_dateline_paragraph_not_masked():
    text = "NAIROBI, Feb 7 - Kenya and Ethiopia signed a deal on Tuesday to link their power grids.\n"
    cleaned = clean(_article(text))
    assert cleaned.masked == text


def test_clean_metadata_wins_over_text():
    from datetime import date

    cleaned = clean(_article(PAGE, published=date(2021, 3, 5), published_source="metadata"))
    assert cleaned.article.published == date(2021, 3, 5)
    assert cleaned.article.published_source == "metadata"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_clean_property_masked_same_length_and_body_unchanged(text):
    cleaned = clean(_article(text))
    assert len(cleaned.masked) == len(text)
    segs = cleaned.segments
    if text:
        assert segs[0].start == 0 and segs[-1].end == len(text)
        for a, b in zip(segs, segs[1:], strict=False):
            assert a.end == b.start
    for seg in segs:
        if seg.kind != "boilerplate":
            assert cleaned.masked[seg.start:seg.end] == text[seg.start:seg.end]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PAGE.splitlines() + ["", "Some body sentence here.", "Comments"]), max_size=30))
def test_clean_property_recleaning_only_masks_more(lines):
    text = "\n".join(lines)
    once = clean(_article(text))
    twice = clean(_article(once.masked))
    assert len(twice.masked) == len(text)
    assert all(b == a or b == " " for a, b in zip(once.masked, twice.masked, strict=True))


@pytest.mark.parametrize("label,line2", [("((WN))", "((WN))  Why now?"), ("Smith:", "Smith: Because."),
                                         ("MS", "MS Because we could.")])
def test_clean_recurring_speaker_labels_masked(label, line2):
    text = "\n\n".join(["Intro paragraph about talks in Oslo.", line2, line2, line2])
    cleaned = clean(_article(text))
    assert label not in cleaned.masked
    assert cleaned.masked.count(line2[len(label):].strip()) == 3


def test_clean_country_acronym_is_not_a_speaker_label():
    text = "\n\n".join(["US officials met.", "US Senators voted.", "US Navy ships sailed.", "US trade grew."])
    assert clean(_article(text)).masked == text


def test_clean_standalone_dateline_line_kept_and_dated():
    """A wire dateline on its own line is the article's own words (its date stays a mention)
    and gives the publication date; its year comes from the run date when the article has none."""
    from datetime import date

    text = "BRUSSELS, February 10 (Xinhua) --\nThe European Union agreed on Tuesday to extend sanctions.\n"
    cleaned = clean(_article(text), today=date(2000, 6, 1))
    assert cleaned.masked == text
    assert "dateline" not in [reason for _, reason in _kinds(cleaned).values()]
    assert cleaned.article.published == date(2000, 2, 10)


@pytest.mark.parametrize("line,is_one", [
    ("BEIJING (Reuters) -", True), ("KYIV, Ukraine (AP) \u2014", True), ("Nairobi (Reuters) -", True),
    ("MOSCOW, March 3 (Reuters) -", True), ("CLEVELAND, Ohio \u2013", True),
    ("Kenya signed a deal -", False), ("The US - and others - agreed.", False), ("Moscow - the capital", False),
])
def test_wire_datelines(line, is_one):
    from actorgraph.clean import dateline_ends, is_dateline

    assert is_dateline(line) is is_one
    text = line + " President Putin met Xi Jinping."
    assert (dateline_ends(text) == [len(line) + 1]) is is_one
