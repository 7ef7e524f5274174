"""Runs the claims in tests/fixtures/claims.yaml through the real Assistant: the verdict, the lead's
opening word, the report's figure in the lead (its first paragraph), and the source."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "claims.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
VERDICTS = {"supported", "contradicted", "partly", "not_in_report", None}
OPENERS = {
    "supported": "Ja",
    "contradicted": "Nei",
    "partly": "Delvis",
    "not_in_report": "Rapporten sier ikke noe om dette",
}
KINDS = {"true", "number", "wave", "group", "direction", "quantifier", "not_in_report", "partly", "input"}
MIN_ACCURACY = 0.95


def test_fixture_structure():
    ids = Counter(c["id"] for c in CASES)
    assert not [i for i, n in ids.items() if n > 1], "ids must be unique"
    assert len(CASES) >= 40
    for c in CASES:
        assert set(c) <= {"id", "kind", "question", "verdict", "figures", "sources"}, c["id"]
        assert c["kind"] in KINDS and c["verdict"] in VERDICTS, c["id"]
        assert all(isinstance(x, int | float) for x in c["figures"]), c["id"]
    kinds = Counter(c["kind"] for c in CASES)
    assert all(kinds[k] >= 2 for k in KINDS), kinds


def _numbers(text: str) -> set[float]:
    text = re.sub(r"(\d)[ \u00a0\u202f](\d{3})\b", r"\1\2", text)
    return {float(x.replace(",", ".")) for x in re.findall(r"\d+(?:,\d+)?", text)}


def problems(case: dict[str, Any], answer: dict[str, Any]) -> list[str]:
    out = []
    lead = answer["answer"].strip().split("\n\n")[0]
    if answer.get("verdict") != case["verdict"]:
        out.append(f"verdict {answer.get('verdict')!r}, want {case['verdict']!r}")
    if case["verdict"] is None:
        if not answer.get("suggestions"):
            out.append("asks back without suggestions")
        return out
    if not lead.startswith(OPENERS[answer.get("verdict") or case["verdict"]]):
        out.append(f"lead opens {lead[:30]!r}")
    missing = [x for x in case["figures"] if float(x) not in _numbers(lead)]
    if missing:
        out.append(f"figures {missing} not in the lead")
    labels = [s["label"] for s in answer["sources"]]
    if case.get("sources") and not any(any(lab.startswith(e) for lab in labels) for e in case["sources"]):
        out.append(f"no source among {case['sources']} (got {labels})")
    if (
        case["verdict"] in ("contradicted", "partly")
        and case["kind"] != "input"
        and "Skriv heller" not in lead
    ):
        if case["kind"] in ("number", "wave", "group", "quantifier"):
            out.append("no corrected sentence")
    return out


@pytest.fixture(scope="module")
def results(assistant):
    return [(c, assistant.ask(c["question"]).to_dict()) for c in CASES]


def test_claims_accuracy(results):
    failing = [(c, a, p) for c, a in results if (p := problems(c, a))]
    report = "\n".join(
        f"{c['id']}: {'; '.join(p)}\n   {a['answer'].splitlines()[0][:240]}" for c, a, p in failing
    )
    accuracy = 1 - len(failing) / len(results)
    assert accuracy >= MIN_ACCURACY, f"accuracy {accuracy:.3f}\n{report}"


def test_every_claim_answer_keeps_the_contract(results):
    for case, answer in results:
        assert answer["verdict"] in VERDICTS, case["id"]
        assert answer["answerable"] is (answer["verdict"] not in ("not_in_report", None)), case["id"]
        if answer["verdict"] in ("supported", "contradicted", "partly"):
            assert answer["sources"], case["id"]


def test_normal_questions_get_no_verdict(assistant):
    assert assistant.ask("Hvor mange bedrifter har avtale med bedriftshelsetjenesten?").verdict is None


def test_bare_check_after_a_pasted_claim_checks_it(assistant):
    answer = assistant.ask("Stemmer det?", history=["77 prosent av bedriftene har avtale med BHT."])
    assert answer.verdict == "supported" and answer.answer.startswith("Ja")
