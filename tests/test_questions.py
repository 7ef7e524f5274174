"""Runs the independent question set in tests/questions.yaml through the real engine.

* structure: every case has the required fields, valid values and a unique id;
* accuracy: at least 90 % of the cases pass `assistant.evaluate.check_case`;
* refusals: every case marked `answerable: false` is refused by the engine.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

QUESTIONS = Path(__file__).resolve().parent / "questions.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
ID_COUNTS = Counter(c.get("id") for c in CASES)

ROUTES = {"data", "text", "none"}
ALLOWED_KEYS = {
    "id",
    "question",
    "history",
    "route",
    "expect_numbers",
    "expect_text_any",
    "expect_sources",
    "answerable",
}
MIN_ACCURACY = 0.90


@pytest.mark.parametrize("case", CASES, ids=[str(c.get("id")) for c in CASES])
def test_case_structure(case: dict[str, Any]) -> None:
    assert set(case) <= ALLOWED_KEYS, f"ukjente felt: {set(case) - ALLOWED_KEYS}"
    assert isinstance(case.get("id"), str) and case["id"], "mangler id"
    assert ID_COUNTS[case["id"]] == 1, f"id {case['id']} er ikke unik"
    assert isinstance(case.get("question"), str) and case["question"].strip(), "mangler question"
    assert case.get("route") in ROUTES, f"ugyldig route {case.get('route')!r}"
    history = case.get("history")
    if history is not None:
        assert isinstance(history, list) and history, "history må være en ikke-tom liste"
        assert all(isinstance(h, str) and h.strip() for h in history)
    for key in ("expect_numbers", "expect_text_any", "expect_sources"):
        if key in case:
            assert isinstance(case[key], list) and case[key], f"{key} må være en ikke-tom liste"
    for x in case.get("expect_numbers") or []:
        assert isinstance(x, (int, float)) and not isinstance(x, bool), f"ikke et tall: {x!r}"
    for p in (case.get("expect_text_any") or []) + (case.get("expect_sources") or []):
        assert isinstance(p, str) and p.strip()
    answerable = case.get("answerable", True)
    assert isinstance(answerable, bool)
    if answerable:
        assert case["route"] in {"data", "text"}, "besvarbare spørsmål må ha route data eller text"
        assert case.get("expect_numbers") or case.get("expect_text_any"), (
            "besvarbart spørsmål uten forventning"
        )
        assert case.get("expect_sources"), "besvarbart spørsmål uten forventet kilde"
    else:
        assert case["route"] == "none", "ubesvarbare spørsmål skal ha route none"
        assert not case.get("expect_numbers"), "ubesvarbare spørsmål skal ikke forvente tall"


@pytest.fixture(scope="module")
def results() -> list[tuple[dict[str, Any], dict[str, Any], list[str]]]:
    from assistant import Assistant
    from assistant.build import build
    from assistant.evaluate import score

    build()
    return score(Assistant(), CASES)


def _describe(case: dict[str, Any], answer: dict[str, Any], problems: list[str]) -> str:
    text = (answer.get("answer") or "").replace("\n", " ")
    return f"{case['id']}: {case['question']}\n   - " + "\n   - ".join(problems) + f"\n   svar: {text[:200]}"


def test_accuracy(results) -> None:
    failing = [(c, a, p) for c, a, p in results if p]
    accuracy = 1 - len(failing) / len(results)
    details = "\n".join(_describe(c, a, p) for c, a, p in failing)
    assert accuracy >= MIN_ACCURACY, (
        f"accuracy {accuracy:.3f} ({len(results) - len(failing)}/{len(results)}) < {MIN_ACCURACY}\n{details}"
    )


def test_unanswerable_refused(results) -> None:
    wrong = [
        (c, a, p or ["ikke avvist"])
        for c, a, p in results
        if c.get("answerable", True) is False and a.get("answerable") is not False
    ]
    details = "\n".join(_describe(c, a, p) for c, a, p in wrong)
    assert not wrong, f"{len(wrong)} ubesvarbare spørsmål ble ikke avvist:\n{details}"
