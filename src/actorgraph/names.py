"""Names the statistical model misses, found by their form.

Three general conventions of written English mark names:

* **a name built on an organisation word** — capitalised words around a head noun such as
  *Party*, *League*, *Ministry* or *University*: "the Labour Party", "Party of Regions",
  "Ministry of Defence", "the Social Democratic Front";
* **an abbreviation defined in parentheses** right after the full name — "the Democratic
  Unionist Party (DUP)" — after which the bare abbreviation ("the DUP said") names the same
  organisation (the Schwartz & Hearst convention, used by biomedical and news taggers alike);
* **a name followed by its country in parentheses** — "Lindsay Davenport (U.S.) beat
  Anne-Gaelle Sidot (France)", "Ahmed Shah (Afghanistan)": results tables and wire copy give
  participants this way; two or more capitalised words there are a person's name, or an
  organisation's when an organisation word is among them ("Red Star FC (Serbia)").

:func:`org_name_spans` finds both in a tagged ``Doc``; the ``actorgraph_org_names`` component
(:mod:`actorgraph.nlp`) adds them to ``doc.ents`` where the model found nothing, or where the
model found only a piece of the name ("Canada" in "the Liberal Party of Canada"). The model's
entity wins whenever it is longer or crosses the name's edge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from actorgraph.gazetteer import (
    country_iso3,
    demonym_iso3,
    igo,
    is_known_place,
    is_title,
    role_sector,
)
from actorgraph.scores import first_word, heading_end, score_at, starts_line

#: Head nouns of organisation names (general designators, singular).
ORG_HEADS = frozenset({
    "party", "league", "union", "front", "movement", "alliance", "coalition", "council",
    "committee", "congress", "assembly", "association", "federation", "confederation",
    "institute", "university", "college", "academy", "bank", "ministry", "department",
    "agency", "commission", "authority", "bureau", "corporation", "company", "group",
    "organization", "organisation", "foundation", "fund", "society", "club", "church",
    "army", "navy", "police", "court", "tribunal", "parliament", "senate", "cabinet",
    "board", "service", "brigade", "brigades", "battalion", "regiment", "corps", "forces",
    "guard", "airlines", "airways", "industries", "holdings", "network", "trust", "caucus",
    "junta", "militia", "syndicate", "consortium", "cooperative", "chamber", "secretariat",
    "directorate", "command", "inc", "corp", "ltd", "plc", "llc", "ag", "gmbh",
})  # fmt: skip
#: Words heading a place's name before its "of" phrase ("City of Melbourne").
PLACE_HEADS = frozenset({"city", "town", "borough", "county", "province", "state", "republic",
                         "kingdom", "district", "municipality", "region", "isle", "islands",
                         "commonwealth", "emirate", "principality", "duchy"})  # fmt: skip
#: Lower-case words allowed inside a name between capitalised words ("Party of Regions").
CONNECTORS = frozenset({"of", "for", "de", "du", "des", "del", "della", "di", "la", "le"})
#: Labels whose entity may define an abbreviation in parentheses.
DEFINING_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PERSON", "EVENT", "LAW"})
#: Labels a found organisation name may replace when the model's entity lies inside it.
INNER_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "PERSON", "FAC"})
MAX_NAME_TOKENS = 10


def _capitalised(token: Token) -> bool:
    text = token.text
    if not text[:1].isupper() or token.is_punct:
        return False
    if token.is_upper and len(text) > 1:
        return token.is_alpha  # an abbreviation inside a name ("SPD Group")
    return token.tag_ in ("NNP", "NNPS", "JJ", "NN", "NNS") or token.pos_ == "PROPN"


def _name_word(token: Token) -> bool:
    """A capitalised word that can be part of an organisation's name."""
    return _capitalised(token) and not (token.is_stop and token.lower_ not in ("united",))


#: Values that party names pair with "and" ("Law and Justice", "Peace and Freedom Party").
NAME_VALUES = frozenset({"peace", "freedom", "justice", "development", "democracy", "progress",
                         "solidarity", "unity", "law", "order", "liberty", "reform", "renewal",
                         "prosperity", "equality", "independence", "labour", "labor", "dignity",
                         "work", "welfare", "socialism", "rights", "truth", "reconciliation",
                         "construction", "change", "hope", "tradition", "family", "homeland"})  # fmt: skip
#: Endings of the adjectives that name parties ("Social Democratic and Labour Party",
#: "Conservative and Unionist Party", "Australian and New Zealand Army Corps").
NAME_ADJECTIVE_ENDINGS = ("ic", "al", "ive", "ist", "ian", "an", "ish")
#: Most name words between "and" and the organisation word in "X and Y Party".
MAX_AND_WORDS = 2


def _pairs_with_and(token: Token) -> bool:
    """A capitalised word that, before "and", begins a party name of two halves."""
    lower = token.lower_
    return _name_word(token) and not token.is_upper and (
        lower in NAME_VALUES or (lower.endswith(NAME_ADJECTIVE_ENDINGS) and token.ent_type_ != "PERSON")
    )


def _paired_words(doc: Doc, left: int, right: int) -> bool:
    """Two words coordinated inside one name: both plural ("Socialists and Democrats", "Rights
    and Freedoms") or both known places ("England and Wales")."""
    a, b = doc[left], doc[right]
    if a.tag_ in ("NNS", "NNPS") and b.tag_ in ("NNS", "NNPS") or (
        a.lower_.endswith("s") and b.lower_.endswith("s") and len(a) > 3 and len(b) > 3
    ):
        return True
    return is_known_place(a.text) and is_known_place(b.text)


#: "Party" in the languages whose party names English news keeps ("Parti Québécois").
FOREIGN_PARTY_WORDS = frozenset({"parti", "partido", "partito", "partei", "partij", "partia",
                                 "strana", "stranka"})  # fmt: skip


#: Lower-case words inside a foreign party's name ("Partido de la Liberación Dominicana").
FOREIGN_CONNECTORS = frozenset({"de", "del", "della", "dei", "des", "du", "la", "le", "do", "da",
                                "dos", "das", "y", "e", "et", "i", "per", "pour", "por", "para"})  # fmt: skip


def _the_name(doc: Doc, i: int, *, any_name: bool = True) -> bool:
    """Whether ``doc[i:]`` is "the" and a known place's name ("the Netherlands", "the
    Russian Federation") or, with ``any_name``, another name that completes the one before
    ("League for the Defence of Human Rights")."""
    if doc[i].lower_ != "the" or doc[i - 1].lower_ not in ("of", "for"):
        return False
    j = i + 1
    while j < len(doc) and _name_word(doc[j]) and j - i <= 4:
        j += 1
    if j == i + 1:
        return False
    words = doc[i + 1 : j]
    if is_known_place(words.text) or all(t.ent_type_ in ("GPE", "LOC") for t in words):
        return True
    # "League for the Defence of Human Rights", "Union of the Centre"; not "Party of the Prime
    # Minister" (a title) or "of the Year"
    # nor a second organisation's ("left the Liberal Party for the Parti Québécois")
    return (any_name and not is_title(words.text)
            and not any(t.ent_type_ in ("DATE", "TIME", "PERSON") or t.lower_ in ORG_HEADS | FOREIGN_PARTY_WORDS
                        for t in words)
            and words[0].pos_ in ("PROPN", "NOUN"))


#: The plural names of party families: "the Australian Greens", "the Liberal Democrats",
#: "the Scottish Conservatives" name a party when a nationality or a party adjective comes
#: first ("Senate Democrats", "many Democrats" are people).
PARTY_FAMILIES = frozenset({"greens", "democrats", "liberals", "socialists", "conservatives",
                            "nationals", "unionists", "republicans", "communists", "nationalists",
                            "radicals", "progressives", "libertarians", "ecologists"})  # fmt: skip
PARTY_ADJECTIVES = frozenset({"liberal", "social", "christian", "free", "green", "left", "national",
                              "radical", "progressive", "democratic", "young", "united",
                              "independent", "popular", "new"})  # fmt: skip


def _party_family(token: Token) -> bool:
    """Whether ``token`` ends a party's plural name ("Australian [Greens]", "Sweden
    [Democrats]", "Liberal [Democrats]")."""
    if token.lower_ not in PARTY_FAMILIES or not token.is_title or token.i == 0:
        return False
    prev = token.doc[token.i - 1]
    return prev.is_title and (prev.lower_ in PARTY_ADJECTIVES or demonym_iso3(prev.text) is not None
                              or country_iso3(prev.text) is not None)  # fmt: skip


def designator_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token spans of names built on an organisation word."""
    out: list[tuple[int, int]] = []
    n = len(doc)
    for token in doc:
        if ((token.lower_ not in ORG_HEADS | FOREIGN_PARTY_WORDS or not token.is_title)
                and not _party_family(token)):  # fmt: skip
            continue
        start = token.i
        crossed_and = False
        while start > 0 and token.i - start < MAX_NAME_TOKENS:
            prev = doc[start - 1]
            if prev.is_sent_end or doc[start].is_sent_start:
                break
            if prev.is_sent_start and prev.tag_ not in ("NNP", "NNPS"):
                break  # "Former Labour Party leaders": the capital is the sentence's
            if _name_word(prev):
                start -= 1
            elif (prev.lower_ == "and" and not crossed_and and start < token.i
                  and token.i - start <= MAX_AND_WORDS and start >= 2
                  and _pairs_with_and(doc[start - 2])):  # fmt: skip
                # "the Social Democratic and Labour Party", "Peace and Freedom Party": one
                # name of two halves, the first an adjective or a value
                crossed_and = True
                start -= 1
            else:
                break  # never across "of": "Member of Parliament" is a title, not a name
        end = token.i + 1
        # "Party of Regions", "Ministry of Defence", "University of Oxford"; "Communist Party
        # of the Netherlands" (a place after "of the", right after the designator: in
        # "the University of Sheffield of the UK" the place is the university's, not its name)
        while (end + 1 < n and doc[end].lower_ in CONNECTORS and end - start < MAX_NAME_TOKENS
               and (_name_word(doc[end + 1])
                    or (end == token.i + 1 and _the_name(
                        doc, end + 1, any_name=igo(doc[start:end].text) is None)))):  # fmt: skip
            end += 3 if doc[end + 1].lower_ == "the" else 2
            while end < n and _name_word(doc[end]) and not doc[end].is_sent_start:
                end += 1
            # "Party of Socialists and Democrats", "Commission for England and Wales"
            if (end + 1 < n and doc[end].lower_ == "and" and _name_word(doc[end + 1])
                    and (end + 2 == n or not (_name_word(doc[end + 2]) or doc[end + 2].like_num))
                    and _paired_words(doc, end - 1, end + 1)):  # fmt: skip
                end += 2
        if start == token.i and token.lower_ in FOREIGN_PARTY_WORDS:
            # "Parti Québécois", "Partido de la Liberación Dominicana": the designator leads
            while end < n and end - start < MAX_NAME_TOKENS:
                if _name_word(doc[end]):
                    end += 1
                    continue
                k = end
                while k < n and doc[k].lower_ in FOREIGN_CONNECTORS and k - end < 2:
                    k += 1
                if k == end or k >= n or not _name_word(doc[k]):
                    break
                end = k
        # a sentence-initial capital proves nothing: "Party members said" is not a name
        if end - start < 2 or (start == token.i and doc[start].is_sent_start):
            continue
        if doc[start].lower_ in CONNECTORS:
            continue
        out.append((start, end))
    return out


def _abbreviation(token: Token) -> bool:
    text = token.text
    uppers = sum(c.isupper() for c in text)
    return (2 <= len(text) <= 10 and text[0].isupper() and uppers >= 2
            and all(c.isalpha() or c in "-&." for c in text))  # fmt: skip


#: Lower-case words an abbreviation skips ("Italia dei Valori" -> IdV, "Forza Europa" -> FE).
ABBREVIATION_SKIP = CONNECTORS | {"and", "the", "&", "dei", "der", "del", "e", "et", "y", "und",
                                   "pour", "les", "en", "van", "voor", "per", "il", "el", "los",
                                   "las", "da", "do", "dos", "das", "von", "für", "au", "aux",
                                   "in", "on", "to"}  # fmt: skip


def long_form_spans(doc: Doc, ents: list[Span]) -> list[tuple[int, int]]:
    """(start, end) of unrecognised capitalised names whose initials spell the abbreviation in
    parentheses right after them: "Forza Europa (FE)", "Civics and Innovators (CI)"."""
    ends = {e.end for e in ents}
    out: list[tuple[int, int]] = []
    for open_paren in doc:
        i = open_paren.i
        if open_paren.text != "(" or i + 2 >= len(doc) or doc[i + 2].text != ")" or i in ends:
            continue
        short = doc[i + 1]
        letters = "".join(c for c in short.text if c.isupper())
        if not _abbreviation(short) or len(letters) < 2:
            continue
        initials = ""
        start = i
        while start > 0 and i - start < len(letters) + 4:
            prev = doc[start - 1]
            if _name_word(prev) and not prev.is_upper:
                initials = prev.text[0] + initials
            elif not (prev.lower_ in ABBREVIATION_SKIP and initials):
                break
            start -= 1
            if initials == letters:
                break
        while start < i and doc[start].lower_ in ABBREVIATION_SKIP:
            start += 1
        if initials == letters and i - start >= 2:
            out.append((start, i))
    return out


#: Prepositions inside an organisation's name before a place: "the Social Democratic Party of
#: Austria", "the Christian Social Union in Bavaria".
NAME_PLACE_PREPS = frozenset({"of", "in", "for"})


#: Longest name in parentheses :func:`translated_name_spans` reads.
MAX_TRANSLATION_TOKENS = 8


def translated_name_spans(doc: Doc, ents: Sequence[Span]) -> list[tuple[int, int, int]]:
    """(name start, start, end) of an organisation's other name in parentheses right after it,
    up to a comma or the closing parenthesis: "the National Party of Indonesia (Partai Nasional
    Indonesia)", "the Danish Social Liberal Party (Det Radikale Venstre, member ...)". Only
    capitalised words and a name's function words, at least two of them, and no known place
    ("Acme (New York)"). The name starts at the organisation, or at the one before its place
    ("[Communist Party] of [Indonesia] (Partai Komunis Indonesia, PKI)")."""
    out: list[tuple[int, int, int]] = []
    by_end = {e.end: e for e in ents}
    for ent in ents:
        if ent.end + 3 >= len(doc) or doc[ent.end].text != "(":
            continue
        name_start = ent.start
        before = by_end.get(ent.start - 1)
        if (ent.label_ in ("GPE", "LOC") and before is not None and before.label_ == "ORG"
                and doc[ent.start - 1].lower_ in NAME_PLACE_PREPS):  # fmt: skip
            name_start = before.start
        elif ent.label_ != "ORG":
            continue
        start = end = ent.end + 1
        while end < len(doc) and end - start < MAX_TRANSLATION_TOKENS and doc[end].text not in (
                ")", ",", ";"):  # fmt: skip
            end += 1
        if end >= len(doc) or doc[end].text not in (")", ",", ";") or end - start < 2:
            continue
        words = doc[start:end]
        if not all((_name_word(t) and not t.is_upper) or t.lower_ in ABBREVIATION_SKIP
                   for t in words):  # fmt: skip
            continue
        if not (_name_word(words[0]) and _name_word(words[-1])) or is_known_place(words.text):
            continue
        out.append((name_start, start, end))
    return out


def _defined_names(doc: Doc, ents: list[Span]) -> list[Span] | None:
    """Mend names defined by an abbreviation in parentheses right after them, which mark the
    whole as one organisation's name: the model's organisation and the place after it become
    one ("[Social Democratic Party] of [Austria] (SPÖ)"), a "person" ending in an
    organisation word is an organisation ("Nigerien Self-Management Party (PNA)"), and the
    abbreviation takes the name's label. None when nothing changed."""
    by_start = {e.start: e for e in ents}
    by_end = {e.end: e for e in ents}
    replace: dict[Span, Span | None] = {}
    for ent in ents:
        end = ent.end
        if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
            continue
        short = doc[end + 1]
        if not _abbreviation(short) and not (short.text.isupper() and len(short.text) >= 2):
            continue
        name = ent
        before = by_end.get(ent.start - 1)
        if (ent.label_ in ("GPE", "LOC") and before is not None and before.label_ == "ORG"
                and doc[ent.start - 1].lower_ in NAME_PLACE_PREPS):  # fmt: skip
            name = Span(doc, before.start, ent.end, label="ORG")
            replace[before] = None
            replace[ent] = name
        elif ent.label_ == "PERSON" and ent[-1].lower_ in ORG_HEADS and len(ent) >= 2:
            name = Span(doc, ent.start, ent.end, label="ORG")
            replace[ent] = name
        elif ent.label_ == "ORG" and _abbreviation(short) and country_iso3(short.text) is None:
            name = ent  # "the Christian Democracy (DC)": an organisation's abbreviation, not
            # the District of Columbia (a country's code stays a place: "Acme Corp (US)")
        else:
            continue
        inner = by_start.get(short.i)
        if inner is not None and inner.end == short.i + 1 and inner.label_ != name.label_:
            replace[inner] = Span(doc, inner.start, inner.end, label=name.label_)
    if not replace:
        return None
    out = [replace.get(e, e) for e in ents]
    return [e for e in out if e is not None]


def abbreviation_spans(doc: Doc, ents: list[Span]) -> list[tuple[int, int, str]]:
    """(start, end, label) of abbreviations defined in parentheses after an entity in ``ents``,
    and of every later bare use of them in the document."""
    defined: dict[str, str] = {}
    places: list[tuple[int, int, str]] = []
    for ent in ents:
        if ent.label_ not in DEFINING_LABELS:
            continue
        end = ent.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            short = doc[end + 1]
            if _abbreviation(short) and short.text not in defined:
                defined[short.text] = "ORG" if ent.label_ == "NORP" else ent.label_
    if not defined:
        return places
    for token in doc:
        label = defined.get(token.text)
        if label is not None:
            places.append((token.i, token.i + 1, label))
    return places


#: Labels the model gives participants before "(Country)" that are never right there.
WRONG_PARTICIPANT_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"})
#: Number labels the model runs over a list's names ("[2 - Monica Seles] (U.S.)" as a percent).
NUMERIC_LABELS = frozenset({"PERCENT", "CARDINAL", "QUANTITY", "MONEY", "ORDINAL"})
#: Words of sports-club and company names (besides :data:`ORG_HEADS`).
CLUB_WORDS = frozenset({"fc", "cf", "afc", "united", "city", "rovers", "wanderers", "athletic",
                        "sporting", "olympic", "olympique", "dynamo", "team"})  # fmt: skip


def participant_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of names right before a parenthesised country: "Davenport (U.S.)"."""
    out: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP") or ent.start < 3 or ent.end >= len(doc):
            continue
        if doc[ent.start - 1].text != "(" or doc[ent.end].text != ")":
            continue
        end = ent.start - 1
        start = end
        while start > 0 and end - start < 5:
            prev = doc[start - 1]
            if prev.tag_ in ("NNP", "NNPS") and prev.text[:1].isupper() and not prev.is_sent_start:
                start -= 1
            elif (prev.is_title and prev.is_alpha and not prev.is_stop and not prev.is_sent_start
                  and prev.pos_ in ("NOUN", "ADJ", "ADV", "VERB")):  # fmt: skip
                start -= 1  # a first name the tagger read as a word ("Dally Randriantefy")
            elif (prev.text in ("-", "'") and start >= 2 and doc[start - 2].tag_ == "NNP"
                  and not prev.whitespace_):  # "Anne-Gaelle", "O'Brien"  # fmt: skip
                start -= 1
            elif prev.tag_ in ("NNP", "NNPS") and prev.text[:1].isupper():
                start -= 1  # a capitalised first word of the sentence ("Todd Martin (U.S.)")
                break
            else:
                break
        words = [t for t in doc[start:end] if t.is_alpha]
        if len(words) < 2 or all(t.is_upper for t in words):  # not an all-capitals headline
            continue
        lowered = {t.lower_ for t in words}
        label = "ORG" if lowered & (ORG_HEADS | CLUB_WORDS) else "PERSON"
        out.append((start, end, label))
    return out


# Before an initialled name in a list: "( W. Athey 111 , V. Drakes 52 ; I. Austin 4-37 )".
INITIAL_BEFORE = frozenset({"(", ",", ";", ":", "-", "\u2013"})
INITIAL_AFTER = frozenset({")", ",", ";", "(", "-"})


def is_initial(text: str) -> bool:
    """A first-name initial ("W." in "W. Athey"): part of a name, not a title ("Dr.")."""
    return len(text) == 2 and text[0].isupper() and text[0].isalpha() and text[1] == "."


# An initial written onto the surname, one token: "T.O'Gorman", "J.Smith" (not "U.S.").
GLUED_INITIAL = re.compile(r"[A-Z]\.[A-Z][A-Za-z'\-]+")


def _surname_word(text: str) -> bool:
    return (text[:1].isupper() and text.replace("'", "").replace("-", "").isalpha()
            and not text.isupper())  # fmt: skip


def initial_name_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of initialled names in lists and scorecards ("W. Athey 111", "( I. Austin
    4-37 )", "T.O'Gorman 109"), which the small model misses or cuts to the surname: an initial
    ("W.") after a separator, one capitalised word, then a number or a separator."""
    out: list[tuple[int, int]] = []
    for t in doc:
        glued = GLUED_INITIAL.fullmatch(t.text) is not None
        if not (glued or (is_initial(t.text) and t.i + 1 < len(doc))):
            continue
        before = doc[t.i - 1] if t.i > 0 else None
        if before is not None and not (before.text in INITIAL_BEFORE or before.is_space):
            continue
        word = t if glued else doc[t.i + 1]
        if not _surname_word(word.text if not glued else word.text[2:]):
            continue
        after = doc[word.i + 1] if word.i + 1 < len(doc) else None
        if after is None or after.like_num or after.text in INITIAL_AFTER or after.is_space:
            out.append((t.i, word.i + 1))
    return out


#: Quotation marks around a nickname inside a name: Roberto "Hands of Stone" Duran.
QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "``", "''"})
#: Lower-case words a nickname may hold ("Hands of Stone", "El Chapo").
NICKNAME_LOWER = frozenset({"of", "the", "de", "el", "la", "da", "and"})


def _name_token(t: Token) -> bool:
    return t.text[:1].isupper() and t.is_alpha and not t.is_sent_start and not t.is_stop


def nickname_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of personal names with a quoted nickname inside: Roberto "Hands of Stone"
    Duran, Hector "Macho" Camacho, Dwayne "The Rock" Johnson. The small model cuts them at
    the quotes. A capitalised first name, a nickname of one to four words in quotes that
    starts with a capital, then a capitalised surname."""
    out: list[tuple[int, int]] = []
    for q in doc:
        if q.text not in QUOTES or q.i == 0 or q.i + 3 >= len(doc):
            continue
        first = doc[q.i - 1]
        if not (first.text[:1].isupper() and first.is_alpha and not first.is_stop):
            continue
        close = next((t for t in doc[q.i + 1 : q.i + 6] if t.text in QUOTES), None)
        if close is None or close.i == q.i + 1 or close.i + 1 >= len(doc):
            continue
        inner = doc[q.i + 1 : close.i]
        if not inner[0].text[:1].isupper() or not all(
            (t.text[:1].isupper() or t.lower_ in NICKNAME_LOWER) and t.pos_ not in ("VERB", "AUX")
            for t in inner
        ):
            continue  # a quoted title or headline ("Putin Is Wrong") is no nickname
        last = doc[close.i + 1]
        if not _name_token(last) or last.pos_ != "PROPN":
            continue
        if first.ent_type_ not in ("", "PERSON"):
            continue  # 'told Reuters "..." Smith': a name of another kind before the quotes
        start = first.i
        while start > 0 and _name_token(doc[start - 1]) and doc[start - 1].pos_ == "PROPN":
            start -= 1
        end = last.i + 1
        while end < len(doc) and _name_token(doc[end]) and doc[end].pos_ == "PROPN":
            end += 1
        out.append((start, end))
    return out


#: Labels the model gives a person's name ("Washington", "Duran") that what follows it can
#: correct: places, products and works are never "who" nor of an age.
NOT_PERSON_LABELS = frozenset({"GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


#: Verbs of standing for election, whose one-word subject with a "for" or "as" phrase and no
#: object is a candidate: "Smith ran in the riding of X for the Liberals".
CANDIDATE_VERBS = frozenset({"run", "stand", "campaign"})


SOUGHT_NOUNS = frozenset({"seat", "office", "election", "re-election", "reelection",
                          "nomination", "mayor", "governor", "president", "presidency",
                          "senate", "parliament", "congress", "assembly", "council",
                          "leadership", "leader", "candidate", "nominee", "premier", "senator",
                          "representative", "deputy", "mp", "mla", "legislature"})  # fmt: skip


def _candidate_subject(ent: Span) -> bool:
    """Whether a one-word "organisation" is the subject of a candidacy verb with a "for" or
    "as" phrase and no object: a surname ("DeFeria ran ... for the PC Party"), not an
    abbreviation ("the NDP ran candidates", "NDP stood for ...") nor a known place."""
    if len(ent) != 1 or ent[0].is_upper or not ent[0].text[:1].isupper():
        return False
    tok = ent[0]
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.lemma_.lower() not in CANDIDATE_VERBS:
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("dobj", "obj", "attr") for c in kids):
        return False
    preps = [c for c in kids if c.dep_ == "prep"]
    preps += [g for c in preps for p in c.children if p.dep_ == "pobj" for g in p.children
              if g.dep_ == "prep"]  # "ran in the riding of X for the Liberals"
    sought = [p for c in preps if c.lower_ in ("for", "as") for p in c.children
              if p.dep_ == "pobj"]  # fmt: skip
    # what is sought is a party or a body, or an office ("ran for mayor", "as a candidate")
    if not any(p.ent_type_ in ("ORG", "NORP") or p.lemma_.lower() in SOUGHT_NOUNS
               for p in sought):  # fmt: skip
        return False
    return not is_known_place(tok.text)


#: Verbs said of people, whose lone untagged surname subject is a person: "Molloy ran for the
#: House", "Grande was elected", "Senanayake resigned", "Lieberthal has consulted widely".
PERSON_VERBS = frozenset({"run", "stand", "campaign", "elect", "re-elect", "reelect", "appoint",
                          "nominate", "resign", "retire", "consult", "marry", "die", "bear",
                          "graduate", "study", "testify", "plead"})  # fmt: skip
#: Predicate nouns said of people: "Paulley was a CCF candidate", "Wolfe has been the
#: recipient of grants", "Patteson was a member of the Board" (and any personal title).
PERSON_NOUNS = frozenset({"candidate", "nominee", "recipient", "member", "son", "daughter",
                          "brother", "sister", "wife", "husband", "father", "mother", "widow",
                          "graduate", "student", "professor", "lawyer", "politician", "journalist",
                          "author", "writer", "activist", "businessman", "businesswoman",
                          "economist", "historian", "scientist", "physician", "teacher",
                          "farmer", "lecturer", "barrister", "solicitor", "engineer"})  # fmt: skip
#: Verbs whose subject is a person when their object is a party ("Woollcombe joined the
#: Conservative Party"; a country joins an alliance, a party merges).
PARTY_MEMBER_VERBS = frozenset({"join", "rejoin", "quit", "leave"})
#: Verbs whose "as" phrase names the office their subject held ("served as leader").
SERVING_VERBS = frozenset({"serve", "act", "work", "sit"})
#: Pronouns after a surname that say it is a person's ("Hodge kept his seat").
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "himself", "herself"})


#: A capital inside a word other than after a surname prefix, an apostrophe or a hyphen.
INNER_CAPITAL = re.compile(r"^(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)[A-Z])[A-Z][a-z]+[A-Z]")


def _lone_proper_noun(tok: Token) -> bool:
    """A one-word capitalised proper noun with no name words beside it, no article and no
    modifiers: "Molloy" in "Molloy ran for ...", not "the Senate" nor "Prime Minister"."""
    text = tok.text
    # (the small model tags some surnames at a sentence's start as adjectives or common
    # nouns: "Hundal ran", "Paulley was a candidate")
    if (tok.tag_ not in ("NNP", "JJ", "NN") or (tok.tag_ != "NNP" and tok.i != tok.sent.start)
            or tok.ent_type_ or not text[:1].isupper() or tok.is_upper
            or len(text) < 3 or tok.is_stop or not text.replace("'", "").replace("-", "").isalpha()):  # fmt: skip
        return False
    if INNER_CAPITAL.search(text):
        return False  # a brand ("CloudSimple"), not "McAleenan", "DeFeria", "O'Brien"
    if any(c.dep_ != "punct" for c in tok.children):
        return False
    doc = tok.doc
    for j in (tok.i - 1, tok.i + 1):
        if 0 <= j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].ent_type_) and not doc[j].is_punct:
            return False
    lower = tok.lower_
    return not (lower in ORG_HEADS or lower in CLUB_WORDS or is_title(lower)
                or role_sector(lower, exact=True) or is_known_place(text) or demonym_iso3(text))  # fmt: skip


def subject_name_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of a surname the model left untagged as a clause's subject when the clause
    says it is a person's: a verb said of people (:data:`PERSON_VERBS`) or a "he"/"his" later
    in the sentence ("Hodge kept his seat"). CrossRE-style one-sentence texts and second
    mentions in short items name people by surname alone; the small model misses many."""
    out: list[tuple[int, int]] = []
    # a word the document names as something else elsewhere is that ("Wikinews", "Trump Tower")
    # unless it is the surname of one of its people ("Nancy Pelosi ... Pelosi [ORG] said")
    surnames = {e[-1].text for e in doc.ents if e.label_ in ("PERSON", "PER") and len(e) > 1}
    named = {t.text for e in doc.ents if e.label_ not in ("PERSON", "PER") for t in e} - surnames
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.text in named or not _lone_proper_noun(tok):
            continue
        verb = tok.head
        # a word the model does not even read as a proper noun needs its verb to say so:
        # in "Thunder: F Hamidou Diallo missed his game" the "his" is another's
        person = verb.lemma_.lower() in PERSON_VERBS or _person_predicate(verb) or (
            tok.tag_ == "NNP" and any(
                t.lower_ in PERSON_PRONOUNS and (t.lower_ != "her" or t.tag_ == "PRP$")
                for t in doc[tok.i + 1 : tok.sent.end]))  # "told her" is not "her seat"
        if person:
            out.append((tok.i, tok.i + 1))
    return out


#: Titles only people bear, before a name the model left untagged ("Lord Hall", "Senator Day").
PERSON_ONLY_TITLES = frozenset({"lord", "lady", "sir", "dame", "baron", "baroness", "earl",
                                "countess", "senator", "sen.", "mr", "mr.", "mrs", "mrs.", "ms",
                                "ms.", "dr", "dr.", "prof.", "professor", "governor", "gov.",
                                "mayor", "ambassador", "bishop", "archbishop", "cardinal",
                                "rabbi", "imam", "sheikh", "congressman", "congresswoman",
                                "rep.", "commissioner", "chairman", "chairwoman"})  # fmt: skip


def titled_name_spans(doc: Doc, *, tagged: bool = False) -> list[tuple[int, int]]:
    """(start, end) of an untagged name of one to three proper nouns right after a title only
    people bear: "an open letter to Lord [Hall] , Director General of the BBC" (the title
    stays outside, as the mentions table keeps titles apart). With ``tagged``, names the
    model tagged count too (their label is then checked by the caller)."""
    out: list[tuple[int, int]] = []
    n = len(doc)
    for tok in doc:
        if (tok.lower_ not in PERSON_ONLY_TITLES or not tok.text[:1].isupper()
                or (tok.ent_type_ and not tagged) or tok.i + 1 >= n):  # fmt: skip
            continue
        end = tok.i + 1
        while (end < n and end - tok.i <= MAX_PERSON_WORDS and doc[end].tag_ == "NNP"
               and (tagged or not doc[end].ent_type_) and doc[end].text[:1].isupper()
               and doc[end].text.replace("-", "").replace("'", "").isalpha()):  # fmt: skip
            end += 1
        if end == tok.i + 1 or end - tok.i > MAX_PERSON_WORDS or (
                end < n and doc[end].ent_type_ and not tagged):  # fmt: skip
            continue
        names = doc[tok.i + 1 : end]
        if any(t.lower_ in ORG_HEADS | CLUB_WORDS | PLACE_HEADS | NOT_NAME_WORDS
               or country_iso3(t.text) or demonym_iso3(t.text)
               or is_title(t.lower_) or role_sector(t.lower_, exact=True) is not None
               for t in names):  # fmt: skip
            continue  # "Lord Mayor", "Mr. Vice President": a title, not a name
        out.append((tok.i + 1, end))
    return out


def _person_predicate(verb: Token) -> bool:
    """Whether a verb says its subject is a person: a copula with a person noun or title
    ("was a member of", "has been the recipient of") or joining or leaving a party."""
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if lemma == "be" and c.dep_ == "attr" and c.pos_ == "NOUN" and (
                c.lemma_.lower() in PERSON_NOUNS or is_title(c.lower_)):  # fmt: skip
            return True
        if lemma in PARTY_MEMBER_VERBS and c.dep_ in ("dobj", "obj") and c.lower_ == "party":
            return True
        if lemma in SERVING_VERBS and c.dep_ == "prep" and c.lower_ == "as" and any(
                p.dep_ == "pobj" and p.pos_ == "NOUN" and (
                    p.lemma_.lower() in PERSON_NOUNS or is_title(p.lower_)
                    or role_sector(p.lower_, exact=True) is not None)
                for p in c.children):  # fmt: skip
            return True  # "served as leader of the Reform Party"
    return False


def _said_of_a_person(doc: Doc, ent: Span) -> bool:
    """Whether the words after a name say it is a person's: ", who ..." or an age in commas
    before a lower-case word (", 45, takes on"; not the house number of "corso Monforte, 15,
    Milan"). Not after a preposition: in "Sanders of Vermont, who" the person is Sanders."""
    if ent.start > 0 and doc[ent.start - 1].pos_ == "ADP":
        return False
    after = doc[ent.end : ent.end + 4]
    if len(after) >= 2 and after[0].text == "," and after[1].lower_ == "who":
        return True
    return (len(after) >= 4 and after[0].text == "," and after[1].text.isascii()
            and after[1].text.isdecimal() and 14 <= int(after[1].text) <= 110 and after[2].text == ","
            and after[3].is_lower)  # fmt: skip


#: Name words that are no person's (besides :data:`ORG_HEADS`, :data:`CLUB_WORDS` and
#: :data:`PLACE_HEADS`): "lead manager [Lehman Brothers International]".
NOT_NAME_WORDS = frozenset({"international", "brothers", "national", "european", "global",
                            "world", "news", "media", "press", "times", "post"})  # fmt: skip
MAX_PERSON_WORDS = 3


def _person_shaped(ent: Span) -> bool:
    """Whether a name has the shape of a person's: two or three capitalised words, none an
    organisation or place word, an abbreviation or a known place ("Ulf Danielsson")."""
    if not 2 <= len(ent) <= MAX_PERSON_WORDS or is_known_place(ent.text):
        return False
    return all(t.text[:1].isupper() and not t.is_upper and t.text.replace("-", "").replace("'", "").isalpha()
               and t.lower_ not in ORG_HEADS | CLUB_WORDS | PLACE_HEADS | NOT_NAME_WORDS
               and country_iso3(t.text) is None and demonym_iso3(t.text) is None
               for t in ent)  # fmt: skip


def _titled_person(doc: Doc, ent: Span) -> bool:
    """Whether a person's title or position noun stands right before a person-shaped name the
    model called something else: "UMP incumbent [Léon Bertrand]", "presidential nominee
    [Darrell Castle]", "Newcastle team mate [Les Ferdinand]" (:func:`_person_shaped`; "NATO
    member Estonia", "coalition partner the National Party" stay)."""
    from actorgraph.relations.attributes import title_kinds

    if ent.start == 0 or not _person_shaped(ent):
        return False
    if ent.root.dep_ in ("compound", "amod", "poss") and ent.root.head.i >= ent.end:
        return False  # the name modifies what follows: "deputy [White House] press secretary"
    noun = doc[ent.start - 1]
    if not noun.is_lower:
        return False
    kinds = title_kinds()
    if ent.start > 1 and f"{doc[ent.start - 2].lower_} {noun.lower_}" in kinds:
        return True  # the model reads some as a verb: "team [mate]"
    return noun.pos_ == "NOUN" and (noun.lemma_.lower() in kinds or is_title(noun.lower_))


def _score_tail(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` is only a score or figure after a name ("H. Morris [69]")."""
    return end > start and all(t.like_num or t.text in ("-", "/") for t in doc[start:end])


# Tokens that may start a results line's team name: the line's start or a separator.
RESULT_SEPARATORS = frozenset({":", ",", ";", ")", "\n"})
MAX_TEAM_WORDS = 4
FUNCTION_POS = frozenset({"DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "ADV", "INTJ"})


def _team_word(t: Token) -> bool:
    """A word of a team's name: a capitalised word ("Kansas", "DETROIT", "St."), whatever the
    tagger calls it ("Leeds" VBZ), unless a function word ("In 1990 Germany 1 ...")."""
    return (t.text[:1].isupper() and t.text.rstrip(".").isalpha()
            and t.pos_ not in FUNCTION_POS)  # fmt: skip


def _team_start(doc: Doc, end: int, floor: int) -> int | None:
    """The start of the capitalised name ending before ``end`` ("Kansas City" in "Kansas City
    1"), when it starts a line or follows a separator or a score."""
    start = end
    while start > floor and end - start < MAX_TEAM_WORDS and _team_word(doc[start - 1]):
        start -= 1
    if start == end:
        return None
    before = doc[start - 1] if start > floor else None
    if before is None or before.text in RESULT_SEPARATORS or before.is_space or before.like_num:
        return start
    return None


def result_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of the teams of results lines ("Pohang 3 Ulsan 2", "DETROIT 4 Kansas City
    1"), which the model runs into their scores ("Lotte 5") or misses ("LG 2 OB 0")."""
    out: list[tuple[int, int]] = []
    for sent in doc.sents:
        # a results line starts the sentence, a heading's colon or the result before it
        line_start = first_word(doc, heading_end(sent), sent.end)
        i = sent.start
        while i < sent.end:
            first = score_at(doc, i, sent.end) if i > sent.start else None
            a = _team_start(doc, i, sent.start) if first is not None else None
            if first is None or a is None or not starts_line(doc, a, line_start):
                i += 1
                continue
            j = first.end + (first.end < sent.end and doc[first.end].text in (",", ";"))
            k = j
            while k < sent.end and k - j < MAX_TEAM_WORDS and _team_word(doc[k]):
                k += 1
            second = score_at(doc, k, sent.end) if k > j else None
            if second is None:
                i += 1
                continue
            out += [(a, i), (j, k)]
            i = second.end
            line_start = first_word(doc, i, sent.end)
    return out


#: Nouns of an electoral area whose "of" phrase names it ("the riding of Vancouver Quadra").
ELECTORAL_AREA_NOUNS = frozenset({"riding", "constituency", "electorate", "ward", "seat"})
#: Titles of elected members whose "for" phrase names their constituency ("the MP for
#: Islington North").
MEMBER_TITLES = frozenset({"mp", "mla", "mpp", "mna", "msp", "td", "mhk", "mhr"})
#: Words a constituency's name may be built of besides capitalised ones ("Saskatoon -
#: Rosetown - Biggar", "Brighton Kemptown").
CONSTITUENCY_JOINERS = frozenset({"-", "–", "and", "&"})


def constituency_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) spans of electoral areas named after "the riding of", "the constituency
    of", "the MP for" ...: places, whatever the model called them."""
    out: list[tuple[int, int]] = []
    n = len(doc)
    for tok in doc:
        if tok.i + 2 >= n:
            continue
        lower = tok.lower_
        if lower in ELECTORAL_AREA_NOUNS and doc[tok.i + 1].lower_ == "of":
            start = tok.i + 2
        elif lower in MEMBER_TITLES and tok.text.isupper() and doc[tok.i + 1].lower_ == "for":
            start = tok.i + 2
        else:
            continue
        end = start
        while end < n and (_capitalised(doc[end]) or (
                doc[end].text in CONSTITUENCY_JOINERS and end + 1 < n
                and _capitalised(doc[end + 1]) and end > start)):  # fmt: skip
            if doc[end].is_sent_start and end > start:
                break
            end += 1
        if end > start and not is_title(doc[start:end].text):
            out.append((start, end))
    return out


def venue_spans(doc: Doc, teams: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the ground heading a results line ("Bristol : Gloucestershire 183 ...,
    Northamptonshire 190"), the capitalised words before the colon of a sentence in which
    :func:`result_spans` found ``teams``."""
    out: list[tuple[int, int]] = []
    for sent in doc.sents:
        colon = heading_end(sent) - 1
        if colon <= sent.start or not any(sent.start <= a < sent.end for a, _ in teams):
            continue
        start = first_word(doc, sent.start, colon)
        if start < colon and doc[start].text[:1].isupper() and all(
            t.text == "-" or t.text.replace("-", "").replace(".", "").isalpha() and t.pos_ not in FUNCTION_POS
            for t in doc[start:colon]
        ):
            out.append((start, colon))
    return out


LIST_LABELS = frozenset({"ORG", "PERSON", "GPE"})
PLACE_OWNER_LABELS = frozenset({"FAC", "ORG", "GPE", "LOC"})
MAX_ITEM_WORDS = 6
MIN_LIST_ITEMS = 3


def _item_words(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """(start, end) of a list item that is a name and nothing else ("the Centre Party",
    "Meretz"): capitalised words after an optional "the"."""
    words = [t for t in tokens if not t.is_space]
    while words and words[-1].is_punct:
        words = words[:-1]
    while words and words[0].lower_ == "the":
        words = words[1:]
    if not words or len(words) > MAX_ITEM_WORDS:
        return None
    if not (words[0].text[:1].isupper() and words[-1].text[:1].isupper()):
        return None
    if not all((t.text[:1].isupper() or t.lower_ in CONNECTORS or t.text in ("-", "'s", "'"))
               and (t.is_alpha or t.text in ("-", "'s", "'", ".", "&")) for t in words):  # fmt: skip
        return None
    return words[0].i, words[-1].i + 1


def _tail_item(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """The name ending a stretch that opens a list ("a coalition with Shas")."""
    for k in range(max(0, len(tokens) - MAX_ITEM_WORDS), len(tokens)):
        if k > 0 and not tokens[k - 1].text[:1].isupper() and tokens[k].text[:1].isupper():
            return _item_words(tokens[k:])
    return None


def list_item_spans(doc: Doc, ents: Sequence[Span]) -> list[tuple[int, int, str]]:
    """(start, end, label) of the names in a list the model tagged most of ("a coalition with
    Shas, Meretz, Yisrael BaAliyah and the Centre Party"): an item between commas that is
    only a name gets the label most of the tagged items have."""
    label_at = {i: e.label_ for e in ents for i in range(e.start, e.end)}
    out: list[tuple[int, int, str]] = []
    for sent in doc.sents:
        run: list[tuple[int, int]] = []
        start = sent.start
        for t in [*sent, None]:
            if not (t is None or t.text == "," or t.lower_ in ("and", "or")):
                continue
            end = t.i if t is not None else sent.end
            stretch = list(doc[start:end])
            start = end + 1
            if not stretch:
                continue  # ", and" (the serial comma)
            item = _item_words(stretch)
            if item is None:
                if len(run) >= MIN_LIST_ITEMS:
                    out += _untagged_items(run, label_at)
                tail = _tail_item(stretch)
                run = [tail] if tail is not None else []
            else:
                run.append(item)
        if len(run) >= MIN_LIST_ITEMS:
            out += _untagged_items(run, label_at)
    return out


def _untagged_items(run: list[tuple[int, int]], label_at: dict[int, str]) -> list[tuple[int, int, str]]:
    tagged = [label_at.get(a) for a, b in run if all(label_at.get(i) == label_at.get(a)
                                                       for i in range(a, b))]  # fmt: skip
    labels = [lab for lab in tagged if lab in LIST_LABELS]
    if len(labels) < 2 or len(labels) * 2 < len(run) or len(set(labels)) > 1:
        return []  # most items must be names the model knows, all of one kind
    untagged = [k for k, (a, b) in enumerate(run) if not any(i in label_at for i in range(a, b))]
    # two untagged neighbours are more likely one name with "and" in it ("the Bread and Roses
    # Party") than two
    return [(*run[k], labels[0]) for k in untagged if k - 1 not in untagged and k + 1 not in untagged]


def org_name_spans(doc: Doc) -> list[Span]:
    """The document's entities with the organisation names and abbreviations added.

    Precedence: a found name replaces model entities lying wholly inside it (of the labels in
    :data:`INNER_LABELS`); it is dropped when a model entity is longer or crosses its edge. An
    abbreviation is added only where no entity is.
    """
    ents = list(doc.ents)
    changed = False
    # "[the Civics and Innovators ( CI] )": the model ran a name into its abbreviation
    for ent in list(ents):
        if (len(ent) >= 4 and ent[-2].text == "(" and ent.end < len(doc)
                and doc[ent.end].text == ")" and _abbreviation(ent[-1])):  # fmt: skip
            ents.remove(ent)
            ents.append(Span(doc, ent.start, ent.end - 2, label=ent.label_))
            ents.append(Span(doc, ent.end - 1, ent.end, label=ent.label_))
            changed = True
    # "[We Are Peru and] Possible Peru": a name the model ran into the conjunction after it
    for i, ent in enumerate(ents):
        if len(ent) > 1 and ent[-1].lower_ in ("and", "or") and ent[-1].is_lower:
            ents[i] = Span(doc, ent.start, ent.end - 1, label=ent.label_)
            changed = True
    # "[Robert C. Hendrickson - joined] her": a name the model ran over a spaced dash into
    # the lower-case words after it
    for i, ent in enumerate(ents):
        dash = next((t.i for t in ent[1:-1] if t.text in ("-", "–", "—")
                     and doc[t.i - 1].whitespace_ and t.whitespace_), None)  # fmt: skip
        if dash is not None and all(t.is_lower for t in doc[dash + 1 : ent.end]):
            ents[i] = Span(doc, ent.start, dash, label=ent.label_)
            changed = True
    # "[Social Democratic Party of] [Austria]": a name the model ended on its preposition
    by_start = {e.start: e for e in ents}
    for ent in list(ents):
        if len(ent) < 2 or ent[-1].lower_ not in CONNECTORS or ent not in ents:
            continue
        after = by_start.get(ent.end)
        ents.remove(ent)
        if (after is not None and after.label_ in ("GPE", "LOC", "ORG")
                and (ent[-2].lower_ in ORG_HEADS | PLACE_HEADS)):  # fmt: skip
            # joined when the word before the preposition heads a name ("Party of", "City
            # of"); "[Patrice Talon of] Benin" is a person of a place
            ents.remove(after)
            ents.append(Span(doc, ent.start, after.end,
                             label="GPE" if ent[-2].lower_ in PLACE_HEADS else "ORG"))
        else:
            ents.append(Span(doc, ent.start, ent.end - 1, label=ent.label_))
        changed = True
    for start, end in designator_spans(doc):
        overlapping = [e for e in ents if e.start < end and start < e.end]
        # a name the model split or cut short may begin with its article ("[the Social
        # Democratic] and [Labour Party]", "[the Democratic Party] of Japan")
        if any(e.start < start and ((len(overlapping) < 2 and e.end == end)
                                    or doc[e.start:start].text.lower() != "the")
               or e.end > end or e.label_ not in INNER_LABELS for e in overlapping):  # fmt: skip
            continue
        if len(overlapping) == 1 and (overlapping[0].start, overlapping[0].end) == (start, end) and (
            overlapping[0].label_ != "PERSON" or end - start > 1
        ):
            continue  # the model found it already; a one-word "person" with a score is a team
            # ("Hampshire 232"), a full name a player ("Tiger Woods 66")
        ents = [e for e in ents if e not in overlapping]
        ents.append(Span(doc, start, end, label="ORG"))
        changed = True
    for start, end, label in participant_spans(doc):
        overlapping = [e for e in ents if e.start < end and start < e.end]
        if any((e.start < start or e.end > end) and e.label_ not in NUMERIC_LABELS or not (
            e.label_ in WRONG_PARTICIPANT_LABELS | NUMERIC_LABELS
            or (e.label_ in ("GPE", "LOC", "NORP") and len(e) < end - start)
        ) for e in overlapping):  # fmt: skip
            # the model's own entity stays unless its label cannot be right there, or it is a
            # place inside the name ("[Mikael] Tillstrom (Sweden)")
            continue
        ents = [e for e in ents if e not in overlapping]
        ents.append(Span(doc, start, end, label=label))
        changed = True
    for start, end in initial_name_spans(doc):
        overlapping = [e for e in ents if e.start < end and start < e.end]
        if any(e.start < start or (e.end > end and not _score_tail(doc, end, e.end))
               for e in overlapping) or any(
                (e.start, e.end) == (start, end) for e in overlapping):  # fmt: skip
            continue  # inside a longer entity of the model's, or found already
        ents = [e for e in ents if e not in overlapping]
        ents.append(Span(doc, start, end, label="PERSON"))
        changed = True
    for start, end in titled_name_spans(doc):
        if not any(e.start < end and start < e.end for e in ents):
            ents.append(Span(doc, start, end, label="PERSON"))
            changed = True
    for start, end in subject_name_spans(doc):
        if not any(e.start < end and start < e.end for e in ents):
            ents.append(Span(doc, start, end, label="PERSON"))
            changed = True
    for i, ent in enumerate(ents):
        if ent.label_ == "NORP" and ent[-1].text == "Greens" and all(
                t.lower_ in ("the", "greens") for t in ent):  # fmt: skip
            ents[i] = Span(doc, ent.start, ent.end, label="ORG")  # "the Greens": the party
            changed = True
    for i, ent in enumerate(ents):
        if ent.label_ == "ORG" and _candidate_subject(ent):
            ents[i] = Span(doc, ent.start, ent.end, label="PERSON")
            changed = True
    for i, ent in enumerate(ents):
        if (ent.label_ == "NORP" and len(ent) == 1 and ent[0].tag_ == "NNP"
                and ent[0].dep_ in ("nsubj", "nsubjpass") and demonym_iso3(ent.text) is None
                and _person_predicate(ent[0].head)):  # fmt: skip
            ents[i] = Span(doc, ent.start, ent.end, label="PERSON")  # "[Hanni] served as leader"
            changed = True
    for i, ent in enumerate(ents):
        if ent.label_ in NOT_PERSON_LABELS | {"ORG", "NORP"} and _titled_person(doc, ent):
            ents[i] = Span(doc, ent.start, ent.end, label="PERSON")
            changed = True
        elif (ent.label_ != "PERSON" and len(ent) > 1 and ent[0].lower_ in PERSON_ONLY_TITLES
              and ent[0].text[:1].isupper()
              and (ent.start + 1, ent.end) in titled_name_spans(doc, tagged=True)):  # fmt: skip
            ents[i] = Span(doc, ent.start + 1, ent.end, label="PERSON")  # "[Dr Gazzola]" ORG
            changed = True
    for i, ent in enumerate(ents):
        if ent.label_ in NOT_PERSON_LABELS and _said_of_a_person(doc, ent):
            ents[i] = Span(doc, ent.start, ent.end, label="PERSON")
            changed = True
    for start, end in nickname_spans(doc):
        overlapping = [e for e in ents if e.start < end and start < e.end]
        if any(e.start < start or e.end > end for e in overlapping) or any(
                (e.start, e.end, e.label_) == (start, end, "PERSON") for e in overlapping):  # fmt: skip
            continue  # inside a longer entity of the model's, or found already
        ents = [e for e in ents if e not in overlapping]
        ents.append(Span(doc, start, end, label="PERSON"))
        changed = True
    for i, ent in enumerate(ents):
        # "Old Trafford, Manchester", "Trent Bridge, Nottingham": a known city after a comma
        # that follows a place, building or organisation is where that one is, not a person
        prev = ents[i - 1] if i > 0 else None
        if (ent.label_ == "PERSON" and len(ent) == 1 and prev is not None and prev.label_ in PLACE_OWNER_LABELS
                and prev.end + 1 == ent.start and doc[prev.end].text == ","
                and (ent.end == len(doc) or doc[ent.end].is_punct)
                and is_known_place(ent.text)):  # fmt: skip
            ents[i] = Span(doc, ent.start, ent.end, label="GPE")
            changed = True
    for ent in list(ents):
        # "[Washington] , [D.C.]": a city named with a comma inside, one place
        after = next((e for e in ents if e.start == ent.end + 1), None)
        if (ent.label_ in ("GPE", "LOC") and after is not None and after.label_ in ("GPE", "LOC")
                and doc[ent.end].text == "," and len(after) == 1
                and after.text.replace(".", "").upper() == "DC"
                and is_known_place(f"{ent.text}, {after.text}")):  # fmt: skip
            ents.remove(after)
            ents[ents.index(ent)] = Span(doc, ent.start, after.end, label="GPE")
            changed = True
    for ent in list(ents):
        # "United States Senator from [Vermont Bernie Sanders]": the title's place and the
        # person after it, run into one name by the model
        if (ent.label_ != "PERSON" and ent.start >= 2 and doc[ent.start - 1].lower_ in ("from", "of")
                and is_title(doc[ent.start - 2].lower_)):  # fmt: skip
            for cut in (ent.start + 1, ent.start + 2):
                if (cut < ent.end - 1 and is_known_place(doc[ent.start:cut].text)
                        and _person_shaped(doc[cut:ent.end])):  # fmt: skip
                    ents[ents.index(ent)] = Span(doc, ent.start, cut, label="GPE")
                    ents.append(Span(doc, cut, ent.end, label="PERSON"))
                    changed = True
                    break
    for start, end in constituency_spans(doc):
        overlapping = [e for e in ents if e.start < end and start < e.end]
        if any(e.start < start or e.end > end or e.label_ in NUMERIC_LABELS for e in overlapping):
            continue  # inside a longer name, or a date
        if [(e.start, e.end, e.label_) for e in overlapping] == [(start, end, "GPE")]:
            continue
        ents = [e for e in ents if e not in overlapping]
        ents.append(Span(doc, start, end, label="GPE"))
        changed = True
    teams = result_spans(doc)
    for start, end in venue_spans(doc, teams):
        # the model reads a ground as a person ("Bristol", "Chester-le-Street") or misses it
        overlapping = [e for e in ents if e.start < end and start < e.end]
        if [(e.start, e.end, e.label_) for e in overlapping] == [(start, end, "PERSON")] or (
                not overlapping and is_known_place(doc[start:end].text)):
            ents = [e for e in ents if e not in overlapping]
            ents.append(Span(doc, start, end, label="GPE"))
            changed = True
    for start, end in teams:
        overlapping = [e for e in ents if e.start < end and start < e.end]
        if len(overlapping) == 1 and (overlapping[0].start, overlapping[0].end) == (start, end) and (
            overlapping[0].label_ != "PERSON" or end - start > 1
        ):
            continue  # the model found it already; a one-word "person" with a score is a team
            # ("Hampshire 232"), a full name a player ("Tiger Woods 66")
        if any(e.start < start - 3 or e.end > end + 3 for e in overlapping):
            continue  # a longer entity of the model's: not a results line's team
        ents = [e for e in ents if e not in overlapping]
        ents.append(Span(doc, start, end, label="ORG"))
        changed = True
    for start, end, label in list_item_spans(doc, ents):
        ents.append(Span(doc, start, end, label=label))
        changed = True
    for start, end in long_form_spans(doc, ents):
        if not any(e.start < end and start < e.end for e in ents):
            ents.append(Span(doc, start, end, label="ORG"))
            changed = True
    for name_start, start, end in translated_name_spans(doc, sorted(ents, key=lambda e: e.start)):
        overlapping = [e for e in ents if e.start < end and start < e.end]
        if any(e.start < start or e.end > end or e.label_ not in INNER_LABELS
               for e in overlapping) or any(e.label_ == "ORG" and (e.start, e.end) == (start, end)
                                            for e in overlapping):  # fmt: skip
            continue
        # the name before it, when in two pieces, is one too
        pieces = [e for e in ents if name_start <= e.start and e.end <= start - 1]
        if len(pieces) > 1:
            ents = [e for e in ents if e not in pieces]
            ents.append(Span(doc, name_start, start - 1, label="ORG"))
        ents = [e for e in ents if e not in overlapping]
        ents.append(Span(doc, start, end, label="ORG"))
        changed = True
    defined = _defined_names(doc, ents)
    if defined is not None:
        ents, changed = defined, True
    taken = {i for e in ents for i in range(e.start, e.end)}
    for start, end, label in abbreviation_spans(doc, sorted(ents, key=lambda e: e.start)):
        if any(i in taken for i in range(start, end)):
            continue
        ents.append(Span(doc, start, end, label=label))
        taken.update(range(start, end))
        changed = True
    return sorted(ents, key=lambda e: e.start) if changed else list(doc.ents)
