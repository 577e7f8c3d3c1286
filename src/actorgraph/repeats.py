"""Names the model found once are names wherever else the document repeats them.

A statistical tagger decides each occurrence alone, so in one article it may find "Lindsay
Davenport" in the headline and miss her in the third paragraph, or find "Davenport" once and
not twice ("one sense per discourse", a standard consistency step in NER systems). This module
tags the document's other exact occurrences of a name the model found — and of a person's
surname — with that name's label, where no entity is.

Guards: a string the document tags with two different labels is left alone ("Washington" the
person and the city); a one-word name ("Davenport") matches only where it stands alone as a
proper noun — not as a word the document also writes in lower case ("Day" / "day"), not as a
common word at a sentence start ("Such a move"), not inside a longer name ("Christmas Day").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

#: Labels spread to repeated occurrences.
SPREAD_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
MAX_NAME_TOKENS = 8


def _names(doc: Doc) -> dict[tuple[str, ...], str]:
    """Token sequences of the document's entities (and persons' surnames) -> their label."""
    labels: dict[tuple[str, ...], set[str]] = {}
    surnames: set[tuple[str, ...]] = set()
    for ent in doc.ents:
        if ent.label_ not in SPREAD_LABELS or len(ent) > MAX_NAME_TOKENS:
            continue
        words = tuple(t.text for t in ent if not (t.i == ent.start and t.lower_ == "the"))
        if not words or not words[0][:1].isupper():
            continue
        labels.setdefault(words, set()).add(ent.label_)
        last = ent[-1]
        if ent.label_ == "PERSON" and len(ent) >= 2 and last.is_title and len(last.text) > 2:
            labels.setdefault((last.text,), set()).add("PERSON")
            surnames.add((last.text,))
    return {
        words: next(iter(found)) for words, found in labels.items()
        if len(found) == 1
        # a one-word "person" is often the model's guess for a brand or site ("Twitter"):
        # one-word people spread only as the surname of a full name
        and (len(words) > 1 or found != {"PERSON"} or words in surnames)
    }  # fmt: skip


def _lone_name(token, lower_words: set[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether a one-word occurrence of a name stands alone as that name: a proper noun, not a
    word the document also writes in lower case ("Day" / "day"), not at a sentence start when
    it is a common word, and not part of a longer capitalised name ("Christmas Day", "Red Hat")."""
    doc = token.doc
    if token.pos_ != "PROPN" or token.lower_ in lower_words:
        return False
    if token.is_sent_start and token.is_stop:
        return False
    prev = doc[token.i - 1] if token.i > 0 else None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    for other in (prev, nxt):
        if other is not None and (other.is_title or other.like_num) and other.pos_ in ("PROPN", "NUM"):
            return False
    return True


def repeated_name_spans(doc: Doc) -> list[Span]:
    """New entity spans: other occurrences of the document's names where no entity is."""
    names = _names(doc)
    if not names:
        return []
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(names, key=len, reverse=True):
        by_first.setdefault(words[0], []).append(words)
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    lower_words = {t.text for t in doc if t.is_lower}
    out: list[Span] = []
    i, n = 0, len(doc)
    while i < n:
        candidates = by_first.get(doc[i].text)
        match = None
        for words in candidates or ():
            end = i + len(words)
            if end <= n and tuple(t.text for t in doc[i:end]) == words:
                match = words
                break
        if match is None:
            i += 1
            continue
        end = i + len(match)
        if len(match) == 1 and not _lone_name(doc[i], lower_words):
            i = end
            continue
        if not any(k in taken for k in range(i, end)):
            out.append(Span(doc, i, end, label=names[match]))
            taken.update(range(i, end))
        i = end
    return out
