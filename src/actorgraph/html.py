"""HTML pages: the main text and metadata, extracted with trafilatura.

The extracted main text *is* the article text as ingested: every offset in the output
slices it. Navigation, comments and footers are left out by the extractor.
"""

from __future__ import annotations

import logging
from datetime import date

from actorgraph.records import Article

log = logging.getLogger(__name__)


def article_from_html(data: bytes, *, doc_id: str, path: str) -> Article:
    """An Article from the bytes of an HTML page (error row when no main text is found)."""
    import trafilatura

    from actorgraph.dates import parse_published
    from actorgraph.ingest import IngestError, decode

    if not data.strip():
        raise IngestError("empty file")
    html = decode(data)
    doc = None
    # Precision first; pages laid out with <table>s (older sites) only yield their text with
    # tables included, so a second, more lenient pass runs when the first finds nothing.
    for lenient in (False, True):
        try:
            doc = trafilatura.bare_extraction(
                html,
                with_metadata=True,
                include_comments=False,
                include_tables=lenient,
                favor_precision=not lenient,
                date_extraction_params={"extensive_search": False, "original_date": True,
                                        "max_date": date.today().isoformat()},
            )
        except (ValueError, TypeError, AttributeError) as e:  # malformed markup deep in lxml
            raise IngestError(f"HTML could not be parsed: {e}") from e
        if doc is not None and (getattr(doc, "text", None) or "").strip():
            break
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise IngestError("no article text found in the HTML page (only scripts, styles or navigation?)")
    published = parse_published(getattr(doc, "date", None))
    return Article(
        doc_id=doc_id,
        path=path,
        text=text,
        title=getattr(doc, "title", None) or None,
        source=getattr(doc, "sitename", None) or None,
        url=getattr(doc, "url", None) or None,
        published=published,
        published_source="html:metadata" if published else None,
        fmt="html",
    )
