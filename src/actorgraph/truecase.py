"""Truecase: write all-capital lines in the case the model was trained on.

Wire copy and saved pages set headlines, datelines and score tables in capitals
("ROMANIA BEAT LITHUANIA IN UNDER-21 MATCH", "BOSTON AT OAKLAND"). The small spaCy model
finds almost no entities there and parses the verbs as names. :func:`truecase` returns a
copy of the text of the **same length** in which such lines are re-cased, so, like the
masked copy of :mod:`actorgraph.clean`, every offset the model gives still slices the
article text as ingested; mentions keep the article's own spelling.

Each word of a capital line takes, in order:

1. the case it has elsewhere in the same article, in a line that is not all capitals and
   not at the start of a sentence (document-centric truecasing: the body says "Shearer");
   an abbreviation the body writes in capitals stays in capitals ("WHO");
2. lower case for a stop word ("AT", "OF", "THE");
3. capitals kept for a single letter, a dotted abbreviation ("U.S.") or a short word that
   is no English word ("NFL", "LG"); a capital initial for a day or month name;
4. a capital initial for a country, demonym, intergovernmental organisation or place in
   the gazetteer, longest first ("NEW YORK", "SOUTH KOREAN");
5. lower case for an English word (the lemmatizer's word lists, with regular inflections);
6. a capital initial otherwise (names the word lists do not know: "HENKE", "DURAN").

The first word of a line is always given a capital initial.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from typing import Any

#: ``Doc.user_data`` key of the capital blocks of a chunk (see :func:`capital_blocks`).
HEADINGS_KEY = "actorgraph_capital_blocks"

#: A line is re-cased when at least this many of its cased letters are capitals ...
MIN_UPPER_SHARE = 0.9
#: ... and it has at least this many cased letters (not "W L PCT").
MIN_LETTERS = 6
#: Unknown words this short keep their capitals: abbreviations ("NFL", "LG").
MAX_ABBREVIATION = 3
MAX_PHRASE_WORDS = 4
#: A capital line this long that does not end a sentence runs on into the next line.
WRAPPED_LINE = 60

#: Calendar names are capitalised although the word lists have them in lower case.
CALENDAR = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
})

WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.](?=[^\W\d_]))*\.?")
SENTENCE_END = re.compile(r"[.!?:\"“”]\s*$")


def is_capital_line(line: str) -> bool:
    cased = [c for c in line if c.isalpha() and c.lower() != c.upper()]
    if len(cased) < MIN_LETTERS:
        return False
    return sum(c.isupper() for c in cased) >= MIN_UPPER_SHARE * len(cased)


def _lines(text: str) -> Iterable[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def capital_blocks(text: str) -> list[tuple[int, int]]:
    """Character ranges of the runs of consecutive all-capital lines: headlines, datelines,
    score tables. The entity stage starts a sentence at each end of a run, so a headline
    is never read as the subject of the article's first sentence."""
    blocks: list[tuple[int, int]] = []
    for start, line in _lines(text):
        if not is_capital_line(line):
            continue
        end = start + len(line)
        if blocks and text[blocks[-1][1]:start].strip() == "":
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def line_breaks(text: str, start: int, end: int) -> list[int]:
    """Where sentences start inside the capital block ``text[start:end]``: at each line,
    unless the line before is a long one that runs on (a hard-wrapped paragraph of wire copy
    set in capitals)."""
    out = [start]
    pos = start
    for line in text[start:end].split("\n")[:-1]:
        pos += len(line) + 1
        if len(line.strip()) < WRAPPED_LINE or SENTENCE_END.search(line):
            out.append(pos)
    return out


def in_capital_block(doc: Any, i: int) -> bool:
    """Whether token ``i`` of a Doc made by the pipeline was in capitals in the article."""
    idx = doc[i].idx
    return any(s <= idx < e for s, e in doc.user_data.get(HEADINGS_KEY, ()))


def document_cases(text: str, capital_lines: Collection[int] = ()) -> dict[str, str]:
    """The usual spelling of each word (lower-cased key) in the article's mixed-case lines,
    leaving out words at the start of a sentence, whose capital says nothing."""
    counts: dict[str, Counter[str]] = {}
    for start, line in _lines(text):
        if start in capital_lines:
            continue
        for m in WORD.finditer(line):
            before = line[:m.start()]
            if not before.strip() or SENTENCE_END.search(before):
                continue
            word = m.group()
            counts.setdefault(word.lower(), Counter())[word] += 1
    # An abbreviation written in capitals in running text wins over its other readings
    # ("WHO" over the pronoun "who").
    return {key: next((f for f in forms if len(f) > 1 and f.isupper()), forms.most_common(1)[0][0])
            for key, forms in counts.items()}


#: Regular inflections stripped to find a word's entry: (suffix, what replaces it).
INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
               ("'s", ""), ("’s", ""), ("er", ""), ("est", ""))


def is_english_word(word: str, words: Collection[str]) -> bool:
    """Whether ``word`` or its stem under a regular inflection ("TAKES", "LOCKED", "RUNNING")
    is in ``words``."""
    w = word.lower().rstrip(".")
    if w in words:
        return True
    for suffix, repl in INFLECTIONS:
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)]
            if stem + repl in words or (suffix in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]
                                        and stem[:-1] in words):
                return True
    return False


def _is_name(phrase: str) -> bool:
    from actorgraph.gazetteer import is_known_place  # countries, demonyms, IGOs and places

    return is_known_place(phrase)


def _title(word: str) -> str:
    """A capital initial, the rest lower ("O'NEILL" -> "O'neill", "PRO-SOCCER" -> "Pro-soccer":
    the model reads both as names or words well enough)."""
    return word[:1] + word[1:].lower()


def _recase_line(line: str, cases: dict[str, str], words: Collection[str], stop: Collection[str]) -> str:
    matches = list(WORD.finditer(line))
    out = list(line)
    decided: dict[int, str] = {}
    # Gazetteer phrases first, longest first, over runs of adjacent words.
    k = 0
    while k < len(matches):
        for n in range(min(MAX_PHRASE_WORDS, len(matches) - k), 0, -1):
            group = matches[k:k + n]
            if any(line[a.end():b.start()] not in (" ", "-") for a, b in zip(group, group[1:], strict=False)):
                continue
            if n == 1 and (group[0].group().lower() in stop or group[0].group().lower() in cases):
                break
            phrase = " ".join(_title(m.group()) for m in group)
            if _is_name(phrase):
                for m in group:
                    decided[m.start()] = _title(m.group())
                k += n - 1
                break
        k += 1
    for idx, m in enumerate(matches):
        word = m.group()
        low = word.lower()
        if low in cases:
            form = cases[low]
        elif m.start() in decided:
            form = decided[m.start()]
        elif low in stop:
            form = low
        elif low in CALENDAR:
            form = _title(word)
        elif len(word) == 1 or "." in word.rstrip(".") or (
                len(word) <= MAX_ABBREVIATION and not is_english_word(word, words)):
            form = word
        elif is_english_word(word, words):
            form = low
        else:
            form = _title(word)
        if idx == 0:
            form = form[:1].upper() + form[1:]
        if len(form) == len(word):
            out[m.start():m.end()] = form
    return "".join(out)


def truecase(text: str, *, words: Collection[str] = frozenset(), stop: Collection[str] = frozenset()) -> str:
    """``text`` with its all-capital lines re-cased (see the module docstring); the same
    length as ``text``, and ``text`` itself when no line is in capitals.

    ``words`` is the set of lower-case English words, ``stop`` the stop words (see
    :func:`vocabulary`).
    """
    capital = {start for start, line in _lines(text) if is_capital_line(line)}
    if not capital:
        return text
    cases = document_cases(text, capital)
    pieces = []
    for start, line in _lines(text):
        pieces.append(_recase_line(line, cases, words, stop) if start in capital else line)
    out = "\n".join(pieces)
    return out if len(out) == len(text) else text


def vocabulary(nlp: Any) -> tuple[frozenset[str], frozenset[str]]:
    """(English words, stop words) from a loaded pipeline: the lemmatizer's word index and
    exceptions, and the language's stop words. Empty word set when there is no lemmatizer."""
    words: set[str] = set()
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None:
            if lookups.has_table("lemma_index"):
                for entries in lookups.get_table("lemma_index").values():
                    words.update(w for w in entries if "_" not in w)
            if lookups.has_table("lemma_exc"):
                for table in lookups.get_table("lemma_exc").values():
                    words.update(w for w in table if "_" not in w)
    stop = frozenset(getattr(nlp.Defaults, "stop_words", ()))
    return frozenset(words), stop
