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


@pytest.fixture(scope="session")
def responses_dir(built, tmp_path_factory):
    """A copy of the build with SYNTHETIC respondent files imported for both waves (never the real
    build folder). Returns (folder, {wave: rows})."""
    import shutil

    import synthetic_responses as syn

    from assistant.responses import contract
    from assistant.responses.store import import_file

    root = tmp_path_factory.mktemp("responses")
    out = root / "build"
    shutil.copytree(built, out)
    cb = contract.export()
    rows = {}
    for wave, n in (("2021-11", 1713), ("2022-06", 600)):
        rows[wave] = syn.generate(cb, wave, n=n, seed=3)
        path = root / f"syntetisk-{wave}.csv"
        syn.write_csv(rows[wave], syn.columns(cb, wave), path)
        import_file(path, wave, data_dir=out)
    return out, rows
