"""Readers for the gold formats: CoNLL-2003, GUM CoNLL-U, TimeML, CrossRE and PETRARCH XML.

Each reader rebuilds the document text from the gold tokens (tokens joined by single spaces,
or by CoNLL-U ``SpaceAfter=No``) and keeps every gold span as character offsets into that
text. XML input is parsed with :mod:`defusedxml` only.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from defusedxml import ElementTree

from actorgraph.evaluate.gold import (
    GOLD_LABEL_MAP,
    GoldDoc,
    GoldRelation,
    GoldSpan,
    GoldTimex,
    cameo_to_plover,
    iso3_from_name,
)

log = logging.getLogger(__name__)

Format = Literal["conll", "gum", "timeml", "crossre", "petrarch"]
FORMATS: tuple[Format, ...] = ("conll", "gum", "timeml", "crossre", "petrarch")

_SUFFIXES: dict[str, tuple[str, ...]] = {
    "conll": (".conll", ".txt", ".bio", ".iob", ".tsv", ".testa", ".testb", ".train"),
    "gum": (".conllu",),
    "timeml": (".tml", ".xml"),
    "crossre": (".json", ".jsonl"),
    "petrarch": (".xml",),
}


class GoldFormatError(ValueError):
    """A gold file could not be read in the requested format."""


def read_gold(fmt: Format, path: str | Path, *, limit: int | None = None) -> list[GoldDoc]:
    """Read gold documents of format ``fmt`` from a file or a folder of files.

    Args:
        fmt: one of ``conll``, ``gum``, ``timeml``, ``crossre``, ``petrarch``.
        path: a gold file, or a folder whose files with the format's suffixes are read in
            name order.
        limit: keep only the first ``limit`` documents.

    Returns:
        The gold documents, in file order.
    """
    readers = {
        "conll": read_conll,
        "gum": read_gum,
        "timeml": read_timeml,
        "crossre": read_crossre,
        "petrarch": read_petrarch,
    }
    if fmt not in readers:
        raise GoldFormatError(f"unknown gold format {fmt!r}; choose one of {', '.join(FORMATS)}")
    files = _files(Path(path), _SUFFIXES[fmt])
    docs: list[GoldDoc] = []
    for file in files:
        docs.extend(readers[fmt](file))
        if limit is not None and len(docs) >= limit:
            return docs[:limit]
    return docs


def _files(path: Path, suffixes: tuple[str, ...]) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise GoldFormatError(f"gold path {str(path)!r} does not exist")
    files = sorted(p for p in path.iterdir() if p.is_file() and p.name.lower().endswith(suffixes))
    if not files:
        raise GoldFormatError(f"no gold files ending in {', '.join(suffixes)} in {str(path)!r}")
    return files


class _TextBuilder:
    """Accumulates tokens into text, recording each token's character span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.sentences: list[tuple[int, int]] = []

    def add(self, token: str, space_before: bool) -> tuple[int, int]:
        if space_before and self.length:
            self.parts.append(" ")
            self.length += 1
        start = self.length
        self.parts.append(token)
        self.length += len(token)
        return start, self.length

    def space(self) -> None:
        if self.length:
            self.parts.append(" ")
            self.length += 1

    def newline(self, n: int = 1) -> None:
        if self.length:
            self.parts.append("\n" * n)
            self.length += n

    @property
    def text(self) -> str:
        return "".join(self.parts)


# ---------------------------------------------------------------------------------------------
# CoNLL-2003


def read_conll(path: Path) -> list[GoldDoc]:
    """Read a CoNLL-2003-style file: one token a line, the entity tag in the last column.

    Both IOB1 (``I-`` opens an entity after ``O``) and IOB2/BIO tags are read. ``-DOCSTART-``
    lines separate documents; blank lines separate sentences (one sentence a line in the
    rebuilt text).
    """
    docs: list[GoldDoc] = []
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    n = 0

    def flush_doc() -> None:
        nonlocal n, sentences
        if current:
            sentences.append(list(current))
            current.clear()
        if sentences:
            n += 1
            docs.append(_conll_doc(f"{path.stem}-{n}", sentences, str(path)))
        sentences = []

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line.startswith("-DOCSTART-"):
                flush_doc()
                continue
            if not line:
                if current:
                    sentences.append(list(current))
                    current.clear()
                continue
            cols = line.split()
            if len(cols) < 2:
                raise GoldFormatError(f"{path}: line {line!r} has no entity tag column")
            current.append((cols[0], cols[-1]))
    flush_doc()
    return docs


def _conll_doc(doc_id: str, sentences: list[list[tuple[str, str]]], source: str) -> GoldDoc:
    builder = _TextBuilder()
    spans: list[GoldSpan] = []
    for sentence in sentences:
        builder.newline()
        s_start = builder.length
        open_type: str | None = None
        open_start = 0
        last_end = 0
        for i, (token, tag) in enumerate(sentence):
            start, end = builder.add(token, space_before=i > 0)
            prefix, _, etype = tag.partition("-")
            begins = prefix == "B" or (prefix == "I" and etype != open_type)
            if open_type is not None and (prefix == "O" or begins):
                spans.append(_conll_span(builder, open_start, last_end, open_type))
                open_type = None
            if prefix in ("B", "I") and (begins or open_type is None):
                open_type, open_start = etype, start
            last_end = end
        if open_type is not None:
            spans.append(_conll_span(builder, open_start, last_end, open_type))
        builder.sentences.append((s_start, builder.length))
    text = builder.text
    spans = [GoldSpan(s.start, s.end, text[s.start : s.end], s.label, s.etype) for s in spans]
    return GoldDoc(
        doc_id=doc_id,
        text=text,
        tasks=frozenset({"entities"}),
        entities=tuple(spans),
        sentences=tuple(builder.sentences),
        source=source,
    )


def _conll_span(builder: _TextBuilder, start: int, end: int, label: str) -> GoldSpan:
    return GoldSpan(start, end, "", label, GOLD_LABEL_MAP.get(label))


# ---------------------------------------------------------------------------------------------
# GUM CoNLL-U


@dataclass
class _Word:
    start: int
    end: int
    upos: str
    head: int
    sent: int
    index: int  # 1-based word id in its sentence


_XML_TAG = re.compile(r"<(/?)([A-Za-z_]+)([^>]*?)(/?)>")
_XML_ATTR = re.compile(r'([A-Za-z_:]+?):::"([^"]*)"')


def read_gum(path: Path) -> list[GoldDoc]:
    """Read a GUM CoNLL-U file (entity layer, ``<date>`` tags, ``# meta::dateCreated``).

    Mentions come from the ``Entity=`` MISC annotation (``GRP-etype-infstat-salience-
    centering-minspan-link-identity``); a mention is *named* when its syntactic head (the word
    whose head lies outside the mention) is a proper noun, and a named mention's span drops
    a leading article and a trailing possessive ("the United States" -> "United States"). Gold countries are derived from
    the Wikipedia identity with :func:`~actorgraph.evaluate.gold.iso3_from_name`. Dates are
    the ``<date when|from|to|notBefore|notAfter>`` XML tags.
    """
    with path.open(encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    docs: list[list[str]] = []
    for line in lines:
        if line.startswith("# newdoc id") or not docs:
            docs.append([])
        docs[-1].append(line)
    return [
        _gum_doc(block, str(path)) for block in docs if any(x and x[0].isdigit() for x in block)
    ]


def _gum_doc(lines: list[str], source: str) -> GoldDoc:
    meta: dict[str, str] = {}
    sentences: list[tuple[bool, list[list[str]]]] = []  # (starts a paragraph, token rows)
    new_par = False
    in_sentence = False
    for line in lines:
        if not line.strip():
            in_sentence = False  # CoNLL-U: a blank line ends a sentence
            continue
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition(" = ")
            if key.startswith("meta::"):
                meta[key[6:]] = value
            elif key == "newdoc id":
                meta["doc_id"] = value
            elif key == "newpar":
                new_par = True
            continue
        cols = line.split("\t")
        if len(cols) < 10:
            raise GoldFormatError(f"{source}: malformed CoNLL-U line {line!r}")
        if "." in cols[0]:
            continue  # empty node of the enhanced graph: no surface text
        if not in_sentence:
            sentences.append((new_par, []))
            new_par, in_sentence = False, True
        sentences[-1][1].append(cols)

    builder = _TextBuilder()
    words: dict[tuple[int, int], _Word] = {}
    open_mentions: dict[str, list[tuple[int, list[str], int, int]]] = {}
    mentions: list[tuple[int, int, list[str], int, int]] = []
    open_tags: list[tuple[dict[str, str], int]] = []
    timexes: list[GoldTimex] = []
    for sent, (par, rows) in enumerate(sentences):
        if builder.length:
            if par:
                builder.newline(2)
            else:
                builder.space()
        s_start = builder.length
        space = False
        mwt: tuple[int, int, int] | None = None  # start, end, last word id
        cursor = 0
        for cols in rows:
            misc = dict(_misc_items(cols[9]))
            if "-" in cols[0]:
                start, end = builder.add(cols[1], space_before=space)
                space = misc.get("SpaceAfter") != "No"
                mwt, cursor = (start, end, int(cols[0].split("-")[1])), start
                continue
            wid = int(cols[0])
            if mwt is not None and wid <= mwt[2]:
                # A word inside a multiword token: find it in the surface form when it is there.
                surface = builder.text[mwt[0] : mwt[1]]
                offset = surface.find(cols[1], cursor - mwt[0])
                start, end = (
                    (mwt[0] + offset, mwt[0] + offset + len(cols[1])) if offset >= 0 else mwt[:2]
                )
                cursor = end
                if wid == mwt[2]:
                    mwt = None
            else:
                start, end = builder.add(cols[1], space_before=space)
                space = misc.get("SpaceAfter") != "No"
            head = int(cols[6]) if cols[6].isdigit() else 0
            words[(sent, wid)] = _Word(start, end, cols[3], head, sent, wid)
            for tag in _XML_TAG.finditer(misc.get("XML", "")):
                closing, name, attrs, selfclosing = tag.groups()
                if name != "date" or selfclosing:
                    continue
                if not closing:
                    open_tags.append((dict(_XML_ATTR.findall(attrs)), start))
                elif open_tags:
                    attr, t_start = open_tags.pop()
                    timexes.append(_gum_timex(t_start, end, attr))
            for kind, body in _entity_items(misc.get("Entity", "")):
                if kind == "close":
                    stack = open_mentions.get(body)
                    if stack:
                        m_start, fields, m_sent, m_first = stack.pop()
                        mentions.append((m_start, end, fields, m_sent, m_first))
                    continue
                fields = body.split("-")
                if kind == "single":
                    mentions.append((start, end, fields, sent, wid))
                else:
                    open_mentions.setdefault(fields[0], []).append((start, fields, sent, wid))
        builder.sentences.append((s_start, builder.length))
    text = builder.text
    spans = sorted((_gum_span(text, words, *m) for m in mentions), key=lambda s: (s.start, -s.end))
    timexes = sorted(
        (
            GoldTimex(
                t.start, t.end, text[t.start : t.end], t.value, t.type, t.date_start, t.date_end
            )
            for t in timexes
        ),
        key=lambda t: t.start,
    )
    return GoldDoc(
        doc_id=meta.get("doc_id", Path(source).stem),
        text=text,
        tasks=frozenset({"entities", "countries", "merging", "dates"}),
        published=_iso_date(meta.get("dateCreated")),
        title=meta.get("title"),
        entities=tuple(spans),
        timexes=tuple(timexes),
        sentences=tuple(builder.sentences),
        entity_types=("PER", "ORG", "LOC"),
        source=source,
        meta={k: v for k, v in meta.items() if not k.startswith("summary")},
    )


def _misc_items(misc: str) -> Iterator[tuple[str, str]]:
    if misc == "_":
        return
    for item in misc.split("|"):
        key, _, value = item.partition("=")
        yield key, value


def _entity_items(value: str) -> Iterator[tuple[str, str]]:
    """(kind, body) for each bracket of an ``Entity=`` value; kind is open, single or close."""
    i = 0
    while i < len(value):
        if value[i] == "(":
            j = i + 1
            while j < len(value) and value[j] not in "()":
                j += 1
            body = value[i + 1 : j]
            if j < len(value) and value[j] == ")":
                yield "single", body
                i = j + 1
            else:
                yield "open", body
                i = j
        else:
            j = value.find(")", i)
            if j == -1:
                break
            yield "close", value[i:j]
            i = j + 1


def _gum_span(
    text: str,
    words: dict[tuple[int, int], _Word],
    start: int,
    end: int,
    fields: list[str],
    sent: int,
    first: int,
) -> GoldSpan:
    label = fields[1] if len(fields) > 1 else ""
    identity = "-".join(fields[7:]) or None if len(fields) > 7 else None
    inside = [w for (s, _), w in words.items() if s == sent and w.start >= start and w.end <= end]
    ids = {w.index for w in inside}
    heads = [w for w in inside if w.head not in ids]
    head = heads[0] if heads else None
    named = head is not None and head.upos == "PROPN"
    country = None
    if identity is not None and head is not None and head.upos in ("PROPN", "ADJ"):
        country = iso3_from_name(identity)
    if named:
        start, end = _trim_name(text, sorted(inside, key=lambda w: w.start), start, end)
    return GoldSpan(
        start=start,
        end=end,
        text=text[start:end],
        label=label,
        etype=GOLD_LABEL_MAP.get(label) if label in ("person", "organization", "place") else None,
        named=named,
        identity=identity,
        country=country,
        head_pos=head.upos if head is not None else None,
    )


_ARTICLES = frozenset({"the", "a", "an"})
_POSSESSIVES = frozenset({"'s", "'", "’s", "’"})


def _trim_name(text: str, inside: list[_Word], start: int, end: int) -> tuple[int, int]:
    """A name's span without a leading article or a trailing possessive, as NER marks names.

    GUM mentions include them ("the United States", "Trump 's"); CoNLL and OntoNotes names
    do not, so exact-span scores would otherwise count every such name as a boundary error.
    """
    words = [w for w in inside if w.start >= start and w.end <= end]
    while (
        len(words) > 1
        and words[0].upos == "DET"
        and text[words[0].start : words[0].end].lower() in _ARTICLES
    ):
        words = words[1:]
    while (
        len(words) > 1
        and words[-1].upos == "PART"
        and text[words[-1].start : words[-1].end] in _POSSESSIVES
    ):
        words = words[:-1]
    if not words:
        return start, end
    return words[0].start, words[-1].end


def _gum_timex(start: int, end: int, attrs: dict[str, str]) -> GoldTimex:
    value = attrs.get("when")
    date_start = attrs.get("from") or attrs.get("notBefore")
    date_end = attrs.get("to") or attrs.get("notAfter")
    kind = "TIME" if value and ":" in value else "DATE"
    return GoldTimex(start, end, "", value, kind, date_start, date_end)


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    digits = re.sub(r"[^0-9]", "", value)[:8]
    if len(digits) != 8:
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# TimeML


def read_timeml(path: Path) -> list[GoldDoc]:
    """Read a TimeML ``.tml`` file: the ``<TEXT>`` with its ``TIMEX3`` values and the DCT.

    The document text is the ``<TEXT>`` element's text content (inner markup removed); the
    document creation time becomes ``published``.
    """
    try:
        root = ElementTree.parse(str(path)).getroot()
    except ElementTree.ParseError as e:
        raise GoldFormatError(f"{path}: not well-formed TimeML XML ({e})") from e
    text_el = root.find("TEXT")
    if text_el is None:
        raise GoldFormatError(f"{path}: TimeML file has no <TEXT> element")
    parts: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []

    def walk(elem) -> None:  # type: ignore[no-untyped-def]
        nonlocal length
        if elem.text:
            parts.append(elem.text)
            length += len(elem.text)
        for child in elem:
            start = length
            walk(child)
            if child.tag == "TIMEX3":
                timexes.append(
                    GoldTimex(start, length, "", child.get("value"), child.get("type", "DATE"))
                )
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    walk(text_el)
    text = "".join(parts)
    timexes = [GoldTimex(t.start, t.end, text[t.start : t.end], t.value, t.type) for t in timexes]
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _iso_date(timex.get("value"))
            break
    doc_id_el = root.find("DOCID")
    doc_id = (doc_id_el.text or "").strip() if doc_id_el is not None else path.stem
    return [
        GoldDoc(
            doc_id=doc_id or path.stem,
            text=text,
            tasks=frozenset({"dates"}),
            published=dct,
            timexes=tuple(timexes),
            source=str(path),
        )
    ]


# ---------------------------------------------------------------------------------------------
# CrossRE


def read_crossre(path: Path) -> list[GoldDoc]:
    """Read CrossRE JSON lines: one sentence a line with typed entities and directed relations.

    Relations are kept when both arguments have a scored entity type (person, organisation,
    location, misc and their politics-domain variants); several labels on one pair are one
    gold pair.
    """
    docs: list[GoldDoc] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise GoldFormatError(f"{path}: line {n} is not JSON ({e})") from e
            docs.append(_crossre_doc(record, path, n))
    return docs


def _crossre_doc(record: dict, path: Path, n: int) -> GoldDoc:
    tokens: list[str] = record.get("sentence", [])
    builder = _TextBuilder()
    # "Party ' s David Parker": the possessive split in two is written "Party 's David Parker"
    offsets = [builder.add(token, space_before=not (token == "s" and i and tokens[i - 1] == "'"))
               for i, token in enumerate(tokens)]
    text = builder.text

    def span(first: int, last: int, label: str) -> GoldSpan:
        start, end = offsets[first][0], offsets[last][1]
        return GoldSpan(start, end, text[start:end], label, GOLD_LABEL_MAP.get(label))

    entities = {(e[0], e[1]): span(e[0], e[1], e[2]) for e in record.get("ner", [])}
    pairs: dict[tuple[int, int, int, int], list[str]] = {}
    for rel in record.get("relations", []):
        key = (rel[0], rel[1], rel[2], rel[3])
        pairs.setdefault(key, []).append(rel[4])
    relations: list[GoldRelation] = []
    for (h0, h1, t0, t1), labels in pairs.items():
        source, target = entities.get((h0, h1)), entities.get((t0, t1))
        if source is None or target is None or source.etype is None or target.etype is None:
            continue
        relations.append(GoldRelation(source, target, label="|".join(sorted(set(labels)))))
    return GoldDoc(
        doc_id=str(record.get("doc_key", f"{path.stem}-{n}")),
        text=text,
        tasks=frozenset({"entities", "relations"}),
        entities=tuple(sorted(entities.values(), key=lambda s: s.start)),
        relations=tuple(relations),
        sentences=((0, len(text)),),
        source=str(path),
    )


# ---------------------------------------------------------------------------------------------
# PETRARCH validation XML

_SENTENCE_OPEN = re.compile(r"<Sentence\b([^>]*?)/?>")


def read_petrarch(path: Path) -> list[GoldDoc]:
    """Read PETRARCH validation records: sentence text, date and CAMEO event codings.

    The validation file is not one well-formed XML document (some ``<Sentence .../>`` tags are
    self-closed yet followed by ``</Sentence>``), so each record is cut out and parsed alone
    with defusedxml. Actors are CAMEO codes, so pairs are scored at country level: the
    first three letters of a code when they are an ISO 3166 country code.
    """
    raw = path.read_text(encoding="utf-8")
    matches = list(_SENTENCE_OPEN.finditer(raw))
    docs: list[GoldDoc] = []
    for i, match in enumerate(matches):
        end = (
            matches[i + 1].start()
            if i + 1 < len(matches)
            else raw.find("</Sentences>", match.end())
        )
        body = raw[match.end() : end if end != -1 else len(raw)]
        body = body.replace("</Sentence>", "")
        chunk = f"<Sentence{match.group(1)}>{body}</Sentence>"
        try:
            elem = ElementTree.fromstring(chunk)
        except ElementTree.ParseError as e:
            raise GoldFormatError(f"{path}: record {i + 1} is not well-formed XML ({e})") from e
        docs.append(_petrarch_doc(elem, str(path), i + 1))
    if not docs:
        raise GoldFormatError(
            f"{path}: no <Sentence> records (is this a PETRARCH validation file?)"
        )
    return docs


def _petrarch_doc(elem, source: str, n: int) -> GoldDoc:  # type: ignore[no-untyped-def]
    text_el = elem.find("Text")
    text = " ".join((text_el.text or "").split()) if text_el is not None else ""
    parse_el = elem.find("Parse")
    if not text and parse_el is not None:
        # Some records have an empty <Text>: rebuild it from the parse's tokens.
        builder = _TextBuilder()
        space = False
        for line in (parse_el.text or "").splitlines():
            cols = line.split("\t")
            if len(cols) >= 10 and cols[0].isdigit():
                builder.add(cols[1], space_before=space)
                space = "SpaceAfter=No" not in cols[9]
        text = builder.text
    relations = []
    for coding in elem.findall("EventCoding"):
        code = coding.get("eventcode")
        if not code:
            continue  # noevents="True": a sentence that should yield no event
        src, tgt = coding.get("sourcecode", ""), coding.get("targetcode", "")
        relations.append(
            GoldRelation(
                source=None,
                target=None,
                label=f"{src}->{tgt}",
                event_type=cameo_to_plover(code),
                source_country=iso3_from_name(src[:3], allow_codes=True),
                target_country=iso3_from_name(tgt[:3], allow_codes=True),
                code=code,
            )
        )
    return GoldDoc(
        doc_id=elem.get("id") or f"petrarch-{n}",
        text=text,
        tasks=frozenset({"relations"}),
        published=_iso_date(elem.get("date")),
        relations=tuple(relations),
        sentences=((0, len(text)),),
        source=source,
        meta={"category": elem.get("category", "")},
    )


def iter_gold(fmt: Format, paths: Iterable[str | Path]) -> Iterator[GoldDoc]:
    """Gold documents from several paths of one format, in order."""
    for path in paths:
        yield from read_gold(fmt, path)
