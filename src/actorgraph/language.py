"""Which language an article is written in, so that a model reads only its own language.

Every article gets its ``language`` in the documents table. The small English model run on Indonesian, German or Portuguese text tags function words as
organisations and links them ("dan Syiah" -affiliation-> "Sementara"): junk that no filter
downstream can tell from real rows. :func:`foreign` names the language of an article that is
clearly not the model's, with py3langid (langid.py's model: 97 languages, offline, about a
millisecond an article), and the pipeline then skips the article with that reason.

Number tables ("Shr 45 cts vs 58 cts / Net 1.1 mln") and very short texts get no confident
answer (or Nigerian Pidgin, see :data:`SAME_AS`) and are read as usual: only a confident other
language skips an article. Of the 19,043 Reuters-21578 articles none is skipped; of the 181
HTML pages of ``../shared/corpora/html-articles``, the 20 in Japanese, Korean, Russian,
Portuguese, Italian, German and Indonesian are.
"""

from __future__ import annotations

import functools
from typing import Any

SAMPLE_CHARS = 3000  # enough for a confident answer; the start of the body
MIN_LETTERS = 40  # fewer letters than this: no answer
MIN_PROBABILITY = 0.7
# Languages a model reads as its own: py3langid takes terse English ("Qtly div 10 cts vs 10 cts
# prior / Pay September three") for Nigerian Pidgin, an English-based creole.
SAME_AS: dict[str, frozenset[str]] = {"en": frozenset({"pcm"})}


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) of the language of ``text``; (None, 0.0) when there are
    too few letters to tell."""
    sample = " ".join(text[: SAMPLE_CHARS * 4].split())[:SAMPLE_CHARS]  # blanked boilerplate out
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


def foreign(lang: str | None, prob: float, expected: str) -> str | None:
    """Why a text detected as ``lang`` (with probability ``prob``) is not in the ``expected``
    language (a reason for the documents table); None when it is, or when the language cannot
    be told with confidence."""
    if lang is None or lang == expected or prob < MIN_PROBABILITY:
        return None
    if lang in SAME_AS.get(expected, frozenset()):
        return None
    return (f"not in the model's language ({expected}): detected {lang!r} (p={prob:.2f}); "
            f"pass --any-language to analyse it anyway")


def identify(text: str, expected: str | None) -> tuple[str | None, str | None]:
    """(the language to record, the reason to skip the text or None) for a text to be read by a
    model of language ``expected`` (None: read every language)."""
    lang, prob = detect(text)
    if lang is None or prob < MIN_PROBABILITY:
        return None, None
    if expected is not None and lang in SAME_AS.get(expected, frozenset()):
        return expected, None
    return lang, foreign(lang, prob, expected) if expected is not None else None
