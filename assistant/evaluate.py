"""Score a question set in the format of ../shared/eval/dev.yaml.

A case passes when every expected number appears in the answer (Norwegian formatting accepted), at least
one expected phrase appears, at least one source matches, and answerable matches (unanswerable questions
must be refused). A claim case (`claim: true | false | not_in_report`) also needs that verdict; a claim the
report is silent on may be refused. The route is reported but not scored: the set's own route labels are advisory.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml


def _number_variants(x: float) -> list[str]:
    if float(x).is_integer():
        i = int(x)
        return [
            str(i),
            f"{i:,}".replace(",", " "),
            f"{i:,}".replace(",", "\u00a0"),
            f"{i:,}".replace(",", "\u202f"),
        ]
    s = f"{x}"
    return [s, s.replace(".", ",")]


def number_in(text: str, x: float) -> bool:
    for v in _number_variants(x):
        if re.search(r"(?<![\d,.])" + re.escape(v) + r"(?![\d]|[,.]\d)", text):
            return True
    return False


def source_matches(sources: list[dict[str, Any]], expected: list[str]) -> bool:
    for s in sources:
        label = (s.get("label") or "").strip()
        section = str(s.get("section") or "")
        for e in expected:
            e = str(e)
            if label == e or label.startswith(e + " ") or section == e:
                return True
    return False


CLAIM_VERDICTS = {True: "supported", False: "contradicted", "not_in_report": "not_in_report"}


def check_case(case: dict[str, Any], answer: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    text = answer.get("answer") or ""
    expected_answerable = case.get("answerable", True)
    if "claim" in case:  # a claim check: the verdict, and a claim the report is silent on may be refused
        want = CLAIM_VERDICTS.get(case["claim"], str(case["claim"]))
        if answer.get("verdict") != want:
            problems.append(f"verdict={answer.get('verdict')} (forventet {want})")
        if want == "not_in_report":
            expected_answerable = answer.get("answerable")
    if bool(answer.get("answerable")) != bool(expected_answerable):
        problems.append(f"answerable={answer.get('answerable')} (forventet {expected_answerable})")
    for x in case.get("expect_numbers") or []:
        if not number_in(text, float(str(x).replace(",", "."))):
            problems.append(f"mangler tallet {x}")
    phrases = case.get("expect_text_any") or []
    if phrases and not any(p.lower() in text.lower() for p in phrases):
        problems.append(f"mangler en av {phrases}")
    exp_sources = case.get("expect_sources") or []
    if exp_sources and not source_matches(answer.get("sources") or [], exp_sources):
        got = [s.get("label") for s in answer.get("sources") or []]
        problems.append(f"kilde {exp_sources} ikke funnet (fikk {got})")
    return problems


def score(
    assistant: Any, cases: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any], list[str]]]:
    """(case, answer as JSON, problems) for every case: the one loop behind `eval` and the set tests."""
    out = []
    for case in cases:
        ans = assistant.ask(case["question"], case.get("history") or []).to_dict()
        out.append((case, ans, check_case(case, ans)))
    return out


def run_eval(path: str, verbose: bool = False) -> int:
    from . import Assistant

    cases = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    assistant = Assistant()
    ok = 0
    route_ok = 0
    refused_ok = 0
    unanswerable = 0
    for case, ans, problems in score(assistant, cases):
        if ans.get("route") == case.get("route"):
            route_ok += 1
        if case.get("answerable", True) is False:
            unanswerable += 1
            refused_ok += int(not ans.get("answerable"))
        if problems:
            print(f"FEIL {case['id']}: {case['question']}")
            for p in problems:
                print(f"   - {p}")
            print("   svar: " + (ans.get("answer") or "").replace("\n", " ")[:300])
        else:
            ok += 1
            if verbose:
                print(f"OK   {case['id']}: {case['question']}")
    n = len(cases)
    print(f"rute som i settet: {route_ok}/{n}; avviste ubesvarbare: {refused_ok}/{unanswerable}")
    print(f"accuracy {ok / n:.3f} ({ok}/{n})")
    return 0
