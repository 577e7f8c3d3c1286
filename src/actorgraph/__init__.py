"""actorgraph: folders of news articles in; actors, countries, dates and relations out.

>>> import actorgraph
>>> result = actorgraph.extract(["corpora/sample"])      # doctest: +SKIP
>>> result.actors.head()                                 # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Result", "extract", "extract_articles", "load", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from actorgraph.pipeline import extract, extract_articles
    from actorgraph.result import Result, load


def __getattr__(name: str) -> Any:
    # Lazy so that `import actorgraph.dates` or `actorgraph --help` does not load spaCy.
    if name in ("extract", "extract_articles"):
        from actorgraph import pipeline

        return getattr(pipeline, name)
    if name in ("Result", "load"):
        from actorgraph import result

        return getattr(result, name)
    raise AttributeError(f"module 'actorgraph' has no attribute {name!r}")
