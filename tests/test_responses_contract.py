"""The codebook as a contract for respondent files: `codebook --json`, the template, and the fields the
import relies on (background codes, machine-readable filters, scales)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import knowledge
from assistant.responses import contract

ROOT = Path(__file__).resolve().parent.parent
CB = knowledge.codebook()


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_codebook_json_cli_matches_export():
    out = _cli("codebook", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data == json.loads(json.dumps(contract.export(), ensure_ascii=False))
    assert [w["id"] for w in data["waves"]] == ["2021-11", "2022-06"]
    assert [b["id"] for b in data["background"]] == ["storrelse", "landsforening", "fylke"]
    for b in data["background"]:
        codes = [o["code"] for o in b["options"]]
        assert codes == list(range(1, len(codes) + 1))
    assert len(data["questions"]) == len(CB["questions"])
    for q in data["questions"]:
        assert {"id", "wave", "text", "type", "items", "options", "excluded_from_base", "filter"} <= set(q)
        assert q["type"] in ("single", "multi", "grid")
        assert all({"code", "label"} <= set(o) for o in q["options"])
        assert all({"id", "label"} <= set(i) for i in q["items"])


def test_background_labels_are_the_register_values():
    regs = {r["id"]: r["values"] for r in CB["register_variables"]}
    bg = contract.background()
    for var in ("landsforening", "fylke"):
        assert [o["label"] for o in bg[var]["options"]] == regs[var]
    sizes = [o["label"] for o in bg["storrelse"]["options"]]
    assert sizes == [o["label"] for o in knowledge.question("BAKGRUNN_ANSATTE")["options"]]
    # size bands are ordered, contiguous and open at the top
    bands = [(o["min"], o["max"]) for o in bg["storrelse"]["options"]]
    assert all(a[1] + 1 == b[0] for a, b in zip(bands, bands[1:], strict=False)) and bands[-1][1] is None


@pytest.mark.parametrize("qid", [q["id"] for q in CB["questions"] if q.get("base_filter")])
def test_base_filters_point_at_earlier_questions_of_the_same_wave(qid):
    q = knowledge.question(qid)
    rule = q["base_filter"]
    target = knowledge.question(rule["question"])
    assert target is not None and target["wave"] == q["wave"]
    wave_ids = [x["id"] for x in contract.wave_questions(q["wave"])]
    assert wave_ids.index(target["id"]) < wave_ids.index(qid)
    assert set(rule["codes"]) <= {o["code"] for o in target["options"]}
    assert set(rule.get("items") or []) <= {i["id"] for i in target["items"]}
    # a printed filter (or a filtered asked_to) and a machine-readable one go together
    assert q["filter"] or q["asked_to"] != "Alle bedrifter"


def test_printed_filters_all_have_a_rule():
    for q in CB["questions"]:
        if q["filter"]:
            assert q.get("base_filter"), q["id"]


@pytest.mark.parametrize("qid", [q["id"] for q in CB["questions"] if q.get("scale")])
def test_scales_are_options_and_leave_out_excluded_codes(qid):
    q = knowledge.question(qid)
    codes = [o["code"] for o in q["options"]]
    assert q["scale"] == sorted(q["scale"]) and set(q["scale"]) <= set(codes)
    assert not set(q["scale"]) & set(contract.excluded_from_base(q))
    assert not any(o["label"].startswith("Vet ikke") for o in q["options"] if o["code"] in q["scale"])


def test_excluded_from_base_follows_the_report_flags():
    assert contract.excluded_from_base(knowledge.question("AT_NYTTE")) == [1]
    assert contract.excluded_from_base(knowledge.question("BHT_NYTTE")) == [1]
    assert contract.excluded_from_base(knowledge.question("NAV_ALS_UTVIKLING")) == [4]
    assert contract.excluded_from_base(knowledge.question("ROLLER_BETYDNING")) == [5, 6]


@pytest.mark.parametrize("wave", ["2021-11", "2022-06"])
def test_template_cli_writes_the_columns(wave, tmp_path):
    target = tmp_path / "mal.csv"
    out = _cli("responses-template", "--wave", wave, "--out", str(target))
    assert out.returncode == 0, out.stderr
    header = next(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert header == [c.name for c in contract.template_columns(wave)]
    assert header[:4] == ["respondent_id", "storrelse", "landsforening", "fylke"]
    assert len(target.read_text(encoding="utf-8").splitlines()) == 1  # empty: the header only
    for q in contract.wave_questions(wave):
        kind = contract.qtype(q)
        if kind == "single":
            assert q["id"] in header
        elif kind == "grid":
            assert all(f"{q['id']}__{i['id']}" in header for i in q["items"])
        else:
            assert all(f"{q['id']}__{o['code']}" in header for o in q["options"])
    assert len(header) == len(set(header))


def test_template_cli_errors_are_norwegian():
    out = _cli("responses-template")
    assert out.returncode == 2 and "oppgi bølgen med --wave" in out.stderr
    out = _cli("responses-template", "--wave", "2019-01")
    assert out.returncode == 2 and "ukjent bølge «2019-01»" in out.stderr and "2021-11" in out.stderr
