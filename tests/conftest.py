import pytest

from helpers import paths


@pytest.fixture
def seeds_gold_path():
    """shared/gold/seeds_gold.csv beside the project (CI has it; a bare clone may not)."""
    path = paths.SHARED / "gold" / "seeds_gold.csv"
    if not path.exists():
        pytest.skip(f"gold file not available: {path}")
    return path
