"""A second, held-out question set (tests/heldout.yaml) written apart from the engine's tuning: a floor
against regressions on wordings nobody tuned for."""

from __future__ import annotations

from pathlib import Path

import yaml

from assistant.evaluate import score

CASES = yaml.safe_load((Path(__file__).parent / "heldout.yaml").read_text(encoding="utf-8"))


def test_heldout_accuracy_and_refusals(assistant):
    failures, not_refused = [], []
    for case, ans, problems in score(assistant, CASES):
        if problems:
            failures.append((case["id"], problems))
        if case.get("answerable", True) is False and ans["answerable"]:
            not_refused.append(case["id"])
    assert 1 - len(failures) / len(CASES) >= 0.85, failures
    assert not not_refused, not_refused
