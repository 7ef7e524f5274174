"""Understanding: intent and slots for questions in a fixture file (question → expected slots)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "understand.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["q"][:50] for c in CASES])
def test_understand(assistant, case):
    q = assistant.understand(case["q"])
    for slot, expected in case.items():
        if slot == "q":
            continue
        got = getattr(q, slot)
        if slot in ("items", "options"):
            assert set(expected) <= set(got), (slot, got)
        else:
            assert got == expected, (slot, got, q)


def test_size_adjectives_share_one_noun(assistant):
    """'små og store bedrifter' names two groups; 'små og mellomstore bedrifter' is one (up to 49)."""
    from assistant.normalize import normalize

    m = assistant.match
    assert m.match_size_groups(normalize("Er det forskjell mellom små og store bedrifter?")) == [
        "smallest",
        "largest",
    ]
    assert m.match_size_groups(normalize("mellomstore og store bedrifter")) == ["medium", "largest"]
    assert m.match_size_groups(normalize("små og mellomstore bedrifter")) == ["upto49"]
