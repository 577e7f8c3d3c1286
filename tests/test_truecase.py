"""Truecasing of all-capital lines: same length, document-centric, and what the pipeline makes of it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actorgraph.truecase import (
    capital_blocks,
    document_cases,
    is_capital_line,
    is_english_word,
    truecase,
)

WORDS = frozenset({"beat", "match", "fan", "lock", "violence", "take", "lead", "make", "debut", "captain",
                   "name", "result", "shearer", "warn", "new", "outbreak", "star"})
STOP = frozenset({"in", "at", "the", "of", "out", "after", "as", "who"})


def test_capital_lines():
    assert is_capital_line("ROMANIA BEAT LITHUANIA IN UNDER-21 MATCH .")
    assert is_capital_line("BOSTON AT OAKLAND")
    assert not is_capital_line("Romania beat Lithuania")
    assert not is_capital_line("W L PCT")  # too few letters to be a headline
    assert not is_capital_line("1996-08-30 12:00")


def test_a_capital_line_keeps_its_length_and_only_it_changes():
    text = "ROMANIA BEAT LITHUANIA IN UNDER-21 MATCH .\nRomania won 2-1 in Bucharest on Friday."
    out = truecase(text, words=WORDS, stop=STOP)
    assert len(out) == len(text)
    assert out.split("\n")[1] == text.split("\n")[1]
    assert out.split("\n")[0] == "Romania beat Lithuania in Under-21 match ."


def test_text_without_capital_lines_is_returned_as_is():
    text = "Huawei signed a contract with MTS.\nThe NATO summit opened."
    assert truecase(text, words=WORDS, stop=STOP) is text


def test_the_article_body_decides_the_case_of_a_headline_word():
    # "shearer" is an English word, but the body writes it as a name.
    text = "SHEARER NAMED AS ENGLAND CAPTAIN\nLONDON 1996-08-30\nThe coach said Shearer would lead the side."
    out = truecase(text, words=WORDS, stop=STOP)
    assert out.startswith("Shearer named as England captain\nLondon 1996-08-30\n")
    # Without the body, the word lists decide.
    alone = truecase("SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN", words=WORDS, stop=STOP)
    assert alone == "Soccer - shearer named as England captain"


def test_abbreviations_and_places():
    out = truecase("NFL STAR TAKES LEAD IN NEW YORK AT THE U.S. OPEN", words=WORDS, stop=STOP)
    assert out == "NFL star takes lead in New York at the U.S. Open"


def test_an_abbreviation_written_in_capitals_in_the_body_stays_in_capitals():
    cases = document_cases("Officials said the WHO, who met on Monday, agreed.")
    assert cases["who"] == "WHO"
    assert "officials" not in cases  # a sentence start says nothing about case
    text = "WHO WARNS OF NEW OUTBREAK\nGeneva officials said the WHO, who met on Monday, agreed."
    assert truecase(text, words=WORDS, stop=STOP).startswith("WHO warns")


def test_inflections_of_english_words():
    assert is_english_word("TAKES", WORDS)
    assert is_english_word("LOCKED", WORDS)
    assert is_english_word("FANS", WORDS)
    assert not is_english_word("HENKE", WORDS)


def test_capital_blocks_join_consecutive_lines():
    text = "BASEBALL RESULTS\nBOSTON AT OAKLAND\n\nThe Red Sox won.\nNEW YORK 74 59"
    blocks = capital_blocks(text)
    assert [text[s:e] for s, e in blocks] == ["BASEBALL RESULTS\nBOSTON AT OAKLAND", "NEW YORK 74 59"]


def test_pipeline_reads_a_capital_headline_and_keeps_the_article_spelling():
    from actorgraph.pipeline import extract_articles
    from actorgraph.records import Article

    text = ("SOCCER - ROMANIA BEAT LITHUANIA IN UNDER-21 MATCH .\n"
            "Romania beat Lithuania 2-1 in a European under-21 championship match in Bucharest on Friday.\n")
    res = extract_articles([Article(doc_id="d", text=text, path="d.txt")])
    m = res.mentions
    head = m[m.end_char <= text.index("\n")]
    assert {"ROMANIA", "LITHUANIA"} <= set(head.text)
    for row in m.itertuples():
        assert text[row.start_char:row.end_char] == row.text
    # The headline is its own sentence, not the subject of the first one.
    assert head.sent_index.max() < m[m.start_char > text.index("\n")].sent_index.min()
    rel = res.relations
    typed = rel[(rel.kind == "action") & (rel.start_char < text.index("\n"))]
    assert not typed.empty and set(typed.source_name) == {"Romania"}
    for row in rel.itertuples():
        assert text[row.start_char:row.end_char] == row.evidence


@pytest.mark.parametrize("line", ["LG 2 OB 0", "W D L PCT GB"])
def test_short_table_lines_keep_their_letters(line):
    out = truecase(line + "\n", words=WORDS | {"d", "l"}, stop=STOP)
    assert len(out) == len(line) + 1
    assert out.split()[0] == line.split()[0]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "ROMANIA", "BEAT", "İSTANBUL", "STRASSE", "ǅ", "U.S.", "NFL", " ", "\n", "\n\n", "-", "AT", "the", "Shearer",
    "SHEARER", "1996-08-30", "O'NEILL", "ÉLYSÉE", "ﬁ", "Σ", "ΟΔΟΣ", "(", ")", "x" * 3, "\u0130", "\u00df",
]), max_size=40))
def test_truecasing_keeps_length_and_letters(parts):
    text = "".join(parts)
    out = truecase(text, words=WORDS, stop=STOP)
    assert len(out) == len(text)
    assert out.casefold() == text.casefold()
    for line, new in zip(text.split("\n"), out.split("\n"), strict=True):
        if not is_capital_line(line):
            assert new == line
