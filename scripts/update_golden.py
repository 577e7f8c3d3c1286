"""Regenerate the golden tables of the bundled sample corpus (tests/golden/sample/*.csv).

Run after a deliberate change of the extraction, then review the diff before committing:

    make golden        # or: python scripts/update_golden.py
    git diff tests/golden
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from golden import GOLDEN_DIR, golden_tables  # noqa: E402


def main() -> None:
    import actorgraph

    with tempfile.TemporaryDirectory() as tmp:
        result = actorgraph.extract([ROOT / "corpora" / "sample"], out=tmp, jobs=1)
        GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
        for name, df in golden_tables(result).items():
            df.to_csv(GOLDEN_DIR / f"{name}.csv", index=False, lineterminator="\n")
            print(f"wrote {GOLDEN_DIR / f'{name}.csv'} ({len(df)} rows)")


if __name__ == "__main__":
    main()
