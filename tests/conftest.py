"""Shared test paths. Integration tests read the read-only mirror beside the checkout."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MIRROR = Path(os.environ.get("LENTERA_MIRROR", ROOT.parent / "shared" / "corpus"))
STATUTES = MIRROR / "statutes"


def mirror_file(rel: str) -> Path:
    p = MIRROR / rel
    if not p.is_file():
        pytest.skip(f"mirror file {p} not available (set LENTERA_MIRROR)")
    return p


@pytest.fixture(scope="session")
def real_index_home() -> Path:
    """The index built by `make test` (or `lentera build`) in the default data home."""
    from index.store import current_version
    from ingest.corpus import data_home

    home = data_home()
    if current_version(home) is None:
        pytest.skip(f"no built index in {home}; run `lentera build` first")
    return home


@pytest.fixture(scope="session")
def retriever(real_index_home):
    from index.retrieve import Retriever

    return Retriever.open(real_index_home)
