"""Shared fixtures: the real model (loaded once), paths to ../shared data (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "corpora" / "sample"
SEED = SHARED / "corpora" / "seed" / "huawei-5g-russia.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared evaluation data is not part of the repository)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from actorgraph.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_result(tmp_path_factory):
    """The seed article run through the whole pipeline once per session."""
    import actorgraph

    seed = shared_path("corpora", "seed", "huawei-5g-russia.txt")
    out = tmp_path_factory.mktemp("seed-out")
    return actorgraph.extract([seed], out=out, jobs=1)


@pytest.fixture(scope="session")
def sample_result(tmp_path_factory):
    """The bundled sample corpus run through the whole pipeline once per session."""
    import actorgraph

    out = tmp_path_factory.mktemp("sample-out")
    return actorgraph.extract([SAMPLE], out=out, jobs=1)
