"""The sample corpus against its golden tables: any change in the output is deliberate.

After a deliberate change of the extraction: `make golden`, review `git diff tests/golden`, commit.
"""

from __future__ import annotations

import pandas as pd
import pytest

from golden import COLUMNS, GOLDEN_DIR, golden_tables


@pytest.mark.parametrize("name", list(COLUMNS))
def test_golden_sample_tables(sample_result, name):
    path = GOLDEN_DIR / f"{name}.csv"
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make golden`")
    expected = pd.read_csv(path, dtype=str, keep_default_na=False).astype("string")
    got = golden_tables(sample_result)[name]
    if not got.equals(expected):
        merged = got.merge(expected, how="outer", indicator=True)
        changed = merged[merged["_merge"] != "both"].head(20)
        pytest.fail(f"{name} differs from {path} (left_only = now, right_only = golden); if the change is "
                    f"deliberate run `make golden` and review the diff:\n{changed.to_string()}")
