"""Shared fixtures: one built database and one Assistant for the whole test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def built():
    from assistant.build import build

    return build(log=lambda _m: None)


@pytest.fixture(scope="session")
def assistant(built):
    from assistant import Assistant

    a = Assistant()
    yield a
    a.close()
