"""Plans compile to parameterised SQL that the guard accepts and that returns the report's numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.plan import Plan, compile_plan
from assistant.sql.guard import check

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "plans.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[str(i) for i in range(len(CASES))])
def test_plan_rows(assistant, case):
    plan = Plan(**case["plan"])
    sql, params = compile_plan(plan)
    check(sql)
    assert "?" in sql and all(str(p) not in sql for p in params if isinstance(p, str))
    rows = assistant.executor.run(sql, params).rows
    assert rows, sql
    if "expect" in case:
        got = {r["option"]: r["value"] for r in rows}
        assert {k: got.get(k) for k in case["expect"]} == pytest.approx(case["expect"])
    if "expect_values" in case:
        assert [r["value"] for r in rows] == pytest.approx(case["expect_values"])
    if "expect_first" in case:
        first = rows[0]
        assert first["item"] == case["expect_first"]["item"]
        assert first["value"] == pytest.approx(case["expect_first"]["value"])
    if "expect_groups" in case:
        assert [r["group_label"] for r in rows] == case["expect_groups"]
