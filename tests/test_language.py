"""Language detection: articles in another language than the model's are skipped, with a reason."""

from __future__ import annotations

import pytest

from actorgraph import language
from actorgraph.pipeline import extract_articles
from actorgraph.records import Article

ENGLISH = ("Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on "
           "Tuesday to discuss trade and the war in Ukraine.")
GERMAN = ("Der russische Präsident Wladimir Putin hat am Dienstag in Moskau den chinesischen "
          "Präsidenten Xi Jinping getroffen, um über Handel und den Krieg in der Ukraine zu sprechen.")
INDONESIAN = ("Presiden Rusia Vladimir Putin bertemu dengan Presiden Tiongkok Xi Jinping di Moskow "
              "pada hari Selasa untuk membahas perdagangan dan perang di Ukraina.")
TABLE = "Shr 45 cts vs 58 cts\n    Net 1.1 mln vs 829,000\n    Sales 7.9 mln vs 9.4 mln\n    Revs 3.3 mln"


@pytest.mark.parametrize("text,expected", [(ENGLISH, "en"), (GERMAN, "de"), (INDONESIAN, "id")])
def test_language_detect_names_the_language(text, expected):
    lang, prob = language.detect(text)
    assert lang == expected and prob >= language.MIN_PROBABILITY


def test_language_too_little_text_or_a_number_table_gives_no_confident_answer():
    assert language.detect("Putin, Xi") == (None, 0.0)
    lang, prob = language.detect(TABLE)
    assert language.foreign(lang, prob, "en") is None  # read as usual


def test_language_foreign_gives_a_reason_only_for_another_confident_language():
    assert language.foreign("en", 0.99, "en") is None
    assert language.foreign("de", 0.4, "en") is None
    reason = language.foreign("de", 0.99, "en")
    assert reason is not None and "'de'" in reason and "--any-language" in reason


def _articles():
    return [Article(doc_id=d, path=d, text=t)
            for d, t in (("en", ENGLISH), ("de", GERMAN), ("table", TABLE))]


def test_language_pipeline_skips_other_languages_and_keeps_everything_else():
    result = extract_articles(_articles())
    docs = result.documents.set_index("doc_id")
    assert docs.loc["de", "status"] == "skipped" and "'de'" in docs.loc["de", "error"]
    assert docs.loc["en", "status"] == "ok" and docs.loc["en", "language"] == "en"
    assert docs.loc["table", "status"] == "ok"
    assert set(result.mentions["doc_id"]) == {"en"}
    assert len(result.relations) and set(result.relations["doc_id"]) == {"en"}


def test_language_any_language_analyses_every_article():
    result = extract_articles(_articles(), any_language=True)
    docs = result.documents.set_index("doc_id")
    assert (docs["status"] == "ok").all()
    assert docs.loc["de", "language"] == "de"
    assert "de" in set(result.mentions["doc_id"])


def test_language_terse_english_read_as_an_english_creole_is_english():
    text = "Qtly div 45 cts vs 45 cts prior\n    Pay October one\n    Record September four"
    lang, prob = language.detect(text)
    if lang != "pcm":
        pytest.skip(f"py3langid now says {lang!r}")
    assert language.identify(text, "en") == ("en", None)
    assert language.identify(GERMAN, "en")[0] == "de" and language.identify(GERMAN, "en")[1]
    assert language.identify(GERMAN, None) == ("de", None)
