"""The shared development set: at least 90 % (target 95 %), and every unanswerable question refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from assistant.evaluate import number_in, score, source_matches

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.yaml"


def test_dev_set(assistant):
    if not DEV.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{DEV} mangler i CI")
        pytest.skip("../shared/eval/dev.yaml finnes ikke her")
    cases = yaml.safe_load(DEV.read_text(encoding="utf-8"))
    failures = []
    refused = []
    for case, ans, problems in score(assistant, cases):
        if problems:
            failures.append((case["id"], problems))
        if case.get("answerable", True) is False and ans["answerable"]:
            refused.append(case["id"])
    accuracy = 1 - len(failures) / len(cases)
    assert accuracy >= 0.90, failures
    assert not refused, f"ikke avvist: {refused}"


def test_checker_accepts_norwegian_formatting():
    assert number_in("1 713 bedrifter", 1713) and number_in("16 861", 16861)
    assert number_in("11,97 %", 11.97) and number_in("3,9", 3.9)
    assert not number_in("381 %", 81) and not number_in("0,81", 81)
    assert source_matches([{"label": "6.2 Tilsyn, veiledning", "section": "6.2"}], ["6.2"])
    assert not source_matches([{"label": "Tabell 31", "section": "6.2"}], ["Tabell 3"])
