"""Clean: tell article body from page boilerplate, without rewriting the text.

Saved web pages carry breadcrumbs, "Last Updated on …" lines, bylines, share and comment
widgets and related-post titles. Cleaning never edits the article text: it labels
character ranges (:class:`~actorgraph.records.Segment`) and produces a *masked* copy of
the text of the same length in which boilerplate characters are blanked. The model runs
on the masked copy, so every offset it gives slices the original text, and nothing in
the boilerplate can yield an entity or a relation.

It also finds the title, the site name (from a breadcrumb) and the publication date
(from a "Last updated on 2023/04/14"-style line) when the metadata lacks them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from actorgraph.records import Article, Segment

BREADCRUMB_SEPARATORS = re.compile(r"\s(?:>|»|›|→|\||/|::)\s")
BYLINE = re.compile(
    r"^(?:(?:written|posted|reported|published|story|text|words|photos?)\s+)?by\s+\S"
    r"|^(?:author|authors|byline|reporter|editor|writer)s?\s*:"
    r"|\bby\s+(?:[A-Z][\w.'’-]+\s*){1,4}$",
    re.IGNORECASE,
)
#: Lines that only ever belong to page furniture (case-insensitive, whole line or prefix).
FURNITURE = re.compile(
    r"^(?:post author|about the author|author|leave a (?:reply|comment)|\d+\s+comments?|comments?"
    r"|no comments(?: yet)?|related(?: posts| articles| stories| content| news| reading)?"
    r"|you (?:may|might) also (?:like|be interested in)|more from|recommended(?: for you)?"
    r"|read (?:more|next|also)|see also|also read|trending(?: now)?|most (?:read|popular)|popular posts"
    r"|share(?: this)?(?: (?:post|article|story))?(?: on \w+)?|click to (?:share|print|email)\b.*"
    r"|enjoyed this (?:post|article)\b.*|never miss\b.*|subscribe\b.*|sign up\b.*|follow us\b.*"
    r"|join (?:our|the) (?:newsletter|mailing list)\b.*|newsletter|advertisement|sponsored(?: content)?"
    r"|this site uses \w+ to reduce spam\b.*|learn how your comment data is processed\b.*"
    r"|your email address will not be published\b.*|required fields are marked\b.*"
    r"|(?:previous|next|older|newer) (?:post|article|story)\b.*|tags?\s*:.*|filed under\b.*"
    r"|posted in\b.*|categor(?:y|ies)\s*:.*|copyright\b.*|©.*|\(c\)\s*\d{4}.*|all rights reserved\b.*"
    r"|(?:home|menu|search|skip to (?:main )?content|log ?in|sign in|register)"
    r"|like this:?|loading\.{0,3}|print(?: this)?(?: article| page)?|email(?: this)?)\s*[:.!]?\s*$",
    re.IGNORECASE,
)
#: Furniture that starts the footer: everything after it is boilerplate too.
FOOTER_START = re.compile(
    r"^(?:post author|about the author|leave a (?:reply|comment)|related(?: posts| articles| stories)?"
    r"|you (?:may|might) also (?:like|be interested in)|more from\b.*|recommended(?: for you)?"
    r"|read (?:more|next)|share this(?: (?:post|article|story))?|comments?|\d+\s+comments?"
    r"|enjoyed this (?:post|article)\b.*|most (?:read|popular)|popular posts|trending(?: now)?)\s*[:.!]?\s*$",
    re.IGNORECASE,
)
#: Wire-service sign-offs on a line of their own at the end of a story.
SIGN_OFF = re.compile(r"^(?:reuters?|ap|afp|upi|dpa|xinhua|\(reporting by .*\)|\(editing by .*\))\s*$",
                      re.IGNORECASE)
TERMINAL = re.compile(r"[.!?:;\"'”’)\]]\s*$")


# A wire dateline opening a line: the place in capitals or the agency in brackets, then a
# dash ("MOSCOW, March 3 (Reuters) - ", "KYIV, Ukraine (AP) — ", "Nairobi (Reuters) - ").
_DATELINE_HEAD = (
    r"[ \t]*(?:[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}(?:, ?[A-Z][\w. ]{1,30})?(?:, ?[\w. ]{3,20})?"
    r"(?: ?\([A-Z][\w. &\-]{1,30}\))?"
    r"|[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3}(?:, ?[\w. ]{2,30}){0,2} ?\([A-Z][\w. &\-]{1,30}\))"
    r"[ \t]*(?:-{1,2}|\u2013|\u2014)"
)
DATELINE = re.compile(r"(?m)^" + _DATELINE_HEAD + r"[ \t]+(?=[A-Z\"\u201c])")
_DATELINE_ALONE = re.compile(_DATELINE_HEAD + r"\s*")


def dateline_ends(text: str) -> list[int]:
    """Where the sentence after a wire dateline starts: the dateline's place is where the story
    was filed, not a participant of its first sentence."""
    return [m.end() for m in DATELINE.finditer(text)]


def is_dateline(text: str) -> bool:
    """Whether ``text`` is a wire dateline and nothing else ("BEIJING (Reuters) -")."""
    return _DATELINE_ALONE.fullmatch(text.strip()) is not None


@dataclass(frozen=True)
class Cleaned:
    """The outcome of cleaning one article."""

    article: Article  # with title/source/published filled in where they were found
    segments: tuple[Segment, ...]
    masked: str  # same length as article.text; boilerplate blanked

    @property
    def body(self) -> tuple[int, int]:
        """Character range from the first to the last non-boilerplate segment."""
        kept = [s for s in self.segments if s.kind != "boilerplate"]
        if not kept:
            return (0, 0)
        return (kept[0].start, kept[-1].end)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without its newline."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        spans.append((pos, pos + len(stripped)))
        pos += len(line)
    return spans


def clean(article: Article, *, today: date | None = None) -> Cleaned:
    """Segment ``article.text`` into body, title and boilerplate, and fill in metadata.

    Args:
        article: the article as ingested.
        today: the latest plausible publication date (default: today).

    Returns:
        A :class:`Cleaned` with segments covering the text and the masked text.
    """
    from actorgraph.dates import find_published_in_text

    text = article.text
    lines = [(s, e) for s, e in _lines(text)]
    content = [(s, e) for s, e in lines if text[s:e].strip()]
    kinds: dict[tuple[int, int], tuple[str, str | None]] = {}
    title = article.title
    source = article.source
    published = article.published
    published_source = article.published_source

    head = content[:8]
    # Breadcrumb: "Site > Section > Title" near the top.
    for s, e in head[:4]:
        line = text[s:e].strip()
        parts = [p.strip() for p in BREADCRUMB_SEPARATORS.split(line)]
        if len(parts) >= 3 or (len(parts) == 2 and len(line.split()) <= 12 and ">" in line):
            if all(0 < len(p.split()) <= 16 for p in parts):
                kinds[(s, e)] = ("boilerplate", "breadcrumb")
                source = source or parts[0]
                title = title or parts[-1]

    # Date line ("Last updated on 2023/04/14", "Friday, January 4, 2019") near the top.
    found = find_published_in_text(text, not_after=today)
    if found is not None:
        when, start, end, label = found
        for s, e in lines:
            # Mask a labelled date line ("Last Updated on …", "Posted on …"): page furniture.
            # A wire dateline ("NAIROBI, Feb 7 (Reuters) -"), alone on its line or opening a
            # paragraph, and a bare date line ("Friday, July 21, 2017") are the article's own
            # words and stay mentions.
            if (s <= start < max(e, s + 1) and (s, e) not in kinds and len(text[s:e].split()) <= 12
                    and label not in ("text:date-line", "text:dateline")):
                kinds[(s, e)] = ("boilerplate", "dateline")
        if published is None:
            published, published_source = when, label

    n = len(content)
    footer_from: int | None = None
    for i, (s, e) in enumerate(content):
        if (s, e) in kinds:
            continue
        line = text[s:e].strip()
        words = len(line.split())
        if FURNITURE.match(line):
            kinds[(s, e)] = ("boilerplate", "furniture")
            if footer_from is None and FOOTER_START.match(line) and i >= n // 3:
                footer_from = i
        elif words <= 8 and BYLINE.search(line) and not TERMINAL.search(line):
            kinds[(s, e)] = ("boilerplate", "byline")
        elif i == n - 1 and SIGN_OFF.match(line):
            kinds[(s, e)] = ("boilerplate", "sign-off")
    if footer_from is not None:
        for s, e in content[footer_from:]:
            kinds.setdefault((s, e), ("boilerplate", "footer"))

    # Title: the first kept line when it reads as a headline.
    for s, e in content[:4]:
        if (s, e) in kinds:
            continue
        line = text[s:e].strip()
        if 1 <= len(line.split()) <= 24 and not TERMINAL.search(line):
            if title is None or _same(line, title):
                kinds[(s, e)] = ("title", None)
                title = title or line
        break

    labels = _speaker_labels(text, lines, kinds)
    segments: list[Segment] = []
    masked = list(text)
    pos = 0
    for s, e in lines:
        kind, reason = kinds.get((s, e), ("body", None))
        if s > pos:
            segments.append(Segment(pos, s, "body"))
        if kind == "body" and (s, e) in labels:
            # "WN: How did …" in an interview: the speaker label is furniture, the words are not.
            cut = labels[(s, e)]
            segments.append(Segment(s, cut, "boilerplate", "speaker-label"))
            for k in range(s, cut):
                masked[k] = " "
            segments.append(Segment(cut, e, "body"))
        else:
            segments.append(Segment(s, e, kind, reason))  # type: ignore[arg-type]
        if kind == "boilerplate":
            for k in range(s, e):
                masked[k] = " "
        pos = e
    if pos < len(text):
        segments.append(Segment(pos, len(text), "body"))
    merged = _merge(segments)
    updated = replace(article, title=title, source=source, published=published,
                      published_source=published_source)
    return Cleaned(article=updated, segments=tuple(merged), masked="".join(masked))


SPEAKER_LABEL = re.compile(
    r"[ \t]*(?:"
    r"((?:[A-Z][\w.'’-]*)(?:\s[A-Z][\w.'’-]*){0,2})\s?:\s+\S"  # "Smith: …", "Jane Roe: …"
    r"|(\(\([A-Z]{1,6}\)\)|\[[A-Z]{1,6}\]|[A-Z]{2,4})\s+(?=[A-Z\"“])"  # "((WN)) Given …", "MS Although …"
    r")"
)
#: A label must open at least this many lines to count as an interview speaker label.
MIN_SPEAKER_TURNS = 3


def _speaker_labels(text: str, lines: list[tuple[int, int]],
                    kinds: dict[tuple[int, int], tuple[str, str | None]]) -> dict[tuple[int, int], int]:
    """Lines that open with a recurring speaker label ("WN:", "Smith:"), mapped to the label's end."""
    found: dict[tuple[int, int], tuple[str, int]] = {}
    counts: dict[str, int] = {}
    for s, e in lines:
        if (s, e) in kinds:
            continue
        m = SPEAKER_LABEL.match(text, s, e)
        if m is None:
            continue
        if m.group(1) and len(m.group(1)) <= 30:
            label, end = m.group(1), text.index(":", m.end(1)) + 1
        elif m.group(2) and not _names_actor(m.group(2)):
            label, end = m.group(2), m.end(2)
        else:
            continue
        found[(s, e)] = (label, end)
        counts[label] = counts.get(label, 0) + 1
    return {key: end for key, (label, end) in found.items() if counts[label] >= MIN_SPEAKER_TURNS}


def _names_actor(label: str) -> bool:
    """True for an acronym that names a country or organisation ("US", "NATO"), never a speaker."""
    from actorgraph import gazetteer

    return bool(gazetteer.country_iso3(label) or gazetteer.igo(label))


def _same(a: str, b: str) -> bool:
    norm = lambda t: re.sub(r"\W+", " ", t).strip().lower()  # noqa: E731
    return norm(a) == norm(b)


def _merge(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for seg in segments:
        if out and out[-1].kind == seg.kind and out[-1].reason == seg.reason and out[-1].end == seg.start:
            out[-1] = Segment(out[-1].start, seg.end, seg.kind, seg.reason)
        elif seg.end > seg.start or not out:
            out.append(seg)
    return out
