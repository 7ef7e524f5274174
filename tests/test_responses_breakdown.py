"""Breakdowns over SYNTHETIC responses: every shown number equals a pandas computation on the same rows;
disclosure control hides small cells and enough others that none can be worked out; the guard keeps
respondent-level rows inside the engine."""

from __future__ import annotations

import pandas as pd
import pytest

from assistant.build import DB_NAME
from assistant.responses import BreakdownError, BreakdownRequest, contract, run_breakdown
from assistant.responses.breakdown import _span_label
from assistant.responses.suppress import BASE, protect
from assistant.sql.execute import Executor
from assistant.sql.guard import GuardError, check

CB = contract.export()
QUESTIONS = {q["id"]: q for q in CB["questions"]}
BG_LABELS = {b["id"]: {o["code"]: o["label"] for o in b["options"]} for b in CB["background"]}


@pytest.fixture(scope="module")
def executor(responses_dir):
    ex = Executor(responses_dir[0] / DB_NAME)
    yield ex
    ex.close()


@pytest.fixture(scope="module")
def frames(responses_dir):
    return {wave: pd.DataFrame(rows) for wave, rows in responses_dir[1].items()}


def reference(df: pd.DataFrame, qid: str, item: str | None, by: list[str], filters: dict) -> pd.DataFrame:
    """Counts and bases with pandas, straight from the codebook JSON: one row per (group…, option code)."""
    q = QUESTIONS[qid]
    d = df.copy()
    for var, codes in filters.items():
        d = d[d[var].isin(codes)]
    rule = q["filter"]
    if rule:
        target = QUESTIONS[rule["question"]]
        if target["type"] == "multi":
            asked = d[[f"{target['id']}__{c}" for c in rule["codes"]]].eq(1).any(axis=1)
        elif rule["items"]:
            asked = d[[f"{target['id']}__{i}" for i in rule["items"]]].isin(rule["codes"]).any(axis=1)
        else:
            asked = d[target["id"]].isin(rule["codes"])
        d = d[asked]
    keys = by or ["_all"]
    d = d.assign(_all=1)
    out = []
    if q["type"] == "multi":
        cols = [f"{qid}__{o['code']}" for o in q["options"]]
        d = d[d[cols].eq(1).any(axis=1)]
        for g, sub in d.groupby(keys):
            for o in q["options"]:
                out.append((g, o["code"], int(sub[f"{qid}__{o['code']}"].eq(1).sum()), len(sub)))
    else:
        col = f"{qid}__{item}" if item else qid
        d = d[d[col].notna() & ~d[col].isin(q["excluded_from_base"])]
        for g, sub in d.groupby(keys):
            for o in q["options"]:
                if o["code"] not in q["excluded_from_base"]:
                    out.append((g, o["code"], int((sub[col] == o["code"]).sum()), len(sub)))
    return pd.DataFrame(out, columns=["group", "code", "count", "base"])


def _label(group, by: list[str]) -> str:
    if not by:
        return "Alle"
    group = group if isinstance(group, tuple) else (group,)
    return ", ".join(BG_LABELS[v][int(c)] for v, c in zip(by, group, strict=True))


CASES = [
    ("2021-11", "AT_KONTAKT", None, ["storrelse"], {}),
    ("2021-11", "AT_NYTTE", "tilsyn_med_veiledning", ["storrelse"], {}),  # filter + excluded code
    ("2021-11", "BHT_NYTTE", "risikovurderinger", ["landsforening"], {}),  # filter over a grid's two items
    ("2021-11", "BHT_AVTALE", "avtale", ["landsforening", "storrelse"], {}),
    ("2021-11", "SF_DIALOG", None, ["storrelse"], {}),  # multi-choice: shares of respondents
    ("2021-11", "SF_NYTTE", "bht", [], {}),  # filter on a multi-choice question
    ("2021-11", "UTFORDRINGER", None, ["fylke"], {}),
    ("2021-11", "BAKGRUNN_HR", None, [], {"landsforening": [15], "storrelse": [4]}),
    ("2022-06", "TILGJ_DISKUTERT", None, ["storrelse"], {}),
    ("2022-06", "HJEM_SITUASJON", None, ["fylke"], {"storrelse": [2, 3]}),
]


@pytest.mark.parametrize("wave, qid, item, by, filters", CASES)
def test_shares_and_counts_equal_pandas(executor, frames, wave, qid, item, by, filters):
    req = BreakdownRequest(wave=wave, question_id=qid, item=item, by=by, filters=filters)
    result = run_breakdown(executor, req)
    ref = reference(frames[wave], qid, item, by, filters)
    q = QUESTIONS[qid]
    labels = {o["code"]: o["label"] for o in q["options"]}
    got = {(r["group_label"], r["option"]): r for r in result.rows}
    shown = 0
    for rec in ref.itertuples():
        label = (
            ", ".join(
                x
                for x in [
                    _label(rec.group, by) if by else "",
                    *(_span_label(v, c) for v, c in filters.items()),
                ]
                if x
            )
            or "Alle"
        )
        row = got[(label, labels[rec.code])]
        if row["value"] is None:
            assert row["suppressed"]
            continue
        shown += 1
        assert row["count"] == rec.count and int(row["n"]) == rec.base
        assert row["value"] == pytest.approx(round(100 * rec.count / rec.base, 1), abs=1e-9)
    assert shown > 0
    # every row the engine returned is one pandas knows about (no invented groups)
    assert len(result.rows) == len(ref)
    counts = run_breakdown(executor, req.model_copy(update={"measure": "count"}))
    for r, c in zip(result.rows, counts.rows, strict=True):
        assert c["value"] == (None if r["value"] is None else float(r["count"]))


def test_means_equal_pandas(executor, frames):
    q = QUESTIONS["ROLLER_BETYDNING"]
    result = run_breakdown(
        executor,
        BreakdownRequest(
            wave="2021-11", question_id=q["id"], item="ledelse", by=["storrelse"], measure="mean"
        ),
    )
    df = frames["2021-11"]
    col = df["ROLLER_BETYDNING__ledelse"]
    for row in result.rows:
        code = next(c for c, lab in BG_LABELS["storrelse"].items() if lab == row["group_label"])
        vals = col[(df["storrelse"] == code) & col.isin(q["scale"])]
        assert row["value"] == pytest.approx(round(vals.map(q["scale"].index).add(1).mean(), 2))
        assert int(row["n"]) == len(vals)
    with pytest.raises(BreakdownError, match="gir ikke mening"):
        run_breakdown(executor, BreakdownRequest(wave="2021-11", question_id="AT_KONTAKT", measure="mean"))


def test_merged_options_and_bands(executor, frames):
    df = frames["2021-11"]
    req = BreakdownRequest(
        wave="2021-11", question_id="AT_NYTTE", item="Tilsyn med veiledning", options=[[5, 6], ["Vet ikke"]],
        by=["storrelse"], bands={"storrelse": {"1–9": [1, 2], "10 eller flere": [3, 4, 5]}},
    )  # fmt: skip
    result = run_breakdown(executor, req)
    assert [r["option"] for r in result.rows[:2]] == ["Nyttig + Svært nyttig", "Vet ikke"]
    col = df["AT_NYTTE__tilsyn_med_veiledning"]
    for row in result.rows:
        codes = [1, 2] if row["group_label"] == "1–9" else [3, 4, 5]
        sub = col[df["storrelse"].isin(codes) & col.notna() & (col != 1) & (df["AT_KONTAKT"] == 1)]
        want = [5, 6] if row["option"].startswith("Nyttig") else [7]
        if row["value"] is not None:
            assert row["count"] == int(sub.isin(want).sum()) and int(row["n"]) == len(sub)
    with pytest.raises(BreakdownError, match="flere svar"):
        run_breakdown(executor, BreakdownRequest(wave="2021-11", question_id="SF_DIALOG", options=[[1, 2]]))
    with pytest.raises(BreakdownError, match="ble ikke stilt i 2022-06"):
        run_breakdown(executor, BreakdownRequest(wave="2022-06", question_id="AT_KONTAKT"))


# --------------------------------------------------------------------------- disclosure control


def _lines(rows: list[dict], by: list[str]) -> list[list[dict]]:
    """The lines of a shown table: each group's options, and each option along each breakdown variable."""
    out: dict[tuple, list[dict]] = {}
    for r in rows:
        parts = r["group_label"].split(", ")
        out.setdefault(("row", r["group_label"], r["item"]), []).append(r)
        for d in range(len(by)):
            out.setdefault(("dim", d, tuple(parts[:d] + parts[d + 1 :]), r["item"], r["option"]), []).append(
                r
            )
    return list(out.values())


@pytest.mark.parametrize(
    "qid, item, by",
    [
        ("BHT_AVTALE", "avtale", ["landsforening", "storrelse"]),
        ("AT_NYTTE", "tilsyn_covid", ["landsforening"]),
        ("SF_UTFORDRING", "langvarig", ["fylke", "storrelse"]),
        ("UTFORDRINGER", None, ["landsforening"]),
    ],
)
def test_no_small_cell_shown_and_none_can_be_worked_out(executor, qid, item, by):
    result = run_breakdown(executor, BreakdownRequest(wave="2021-11", question_id=qid, item=item, by=by))
    assert result.suppressed > 0, "the synthetic data should have small groups here"
    for r in result.rows:
        if r["n"] is not None:
            assert int(r["n"]) >= 5
        if r["value"] is not None:
            assert r["count"] == 0 or r["count"] >= 5
        assert set(r) >= {"value", "n", "suppressed"} and "rid" not in r
    for line in _lines(result.rows, by):
        hidden = sum(1 for r in line if r["value"] is None)
        assert hidden != 1, [(r["group_label"], r["option"]) for r in line]
    bases: dict[tuple, list] = {}
    for r in result.rows:
        parts = r["group_label"].split(", ")
        for d in range(len(by)):
            bases.setdefault((d, tuple(parts[:d] + parts[d + 1 :]), r["item"]), {})[r["group_label"]] = r["n"]
    for groups in bases.values():
        assert sum(1 for n in groups.values() if n is None) != 1


def test_a_union_of_groups_never_reveals_a_hidden_cell(executor):
    """Filtering on two size bands sums cells of the full table: shown only when every part is shown."""
    fine = run_breakdown(
        executor,
        BreakdownRequest(
            wave="2021-11", question_id="BHT_AVTALE", item="avtale", by=["landsforening", "storrelse"]
        ),
    )
    union = run_breakdown(
        executor,
        BreakdownRequest(
            wave="2021-11",
            question_id="BHT_AVTALE",
            item="avtale",
            by=["landsforening"],
            filters={"storrelse": [1, 2]},
        ),
    )
    parts = {(r["group_label"], r["option"]): r for r in fine.rows}
    for r in union.rows:
        lf = r["group_label"].split(", ")[0]
        pieces = [parts.get((f"{lf}, {size}", r["option"])) for size in ("1", "2-9")]
        pieces = [p for p in pieces if p is not None]
        if r["value"] is not None:
            assert all(p["value"] is not None for p in pieces)
            assert r["count"] == sum(p["count"] for p in pieces)
        elif pieces:
            assert any(p["value"] is None for p in pieces) or r["n"] is None


def test_protect_complements_across_groups():
    # three groups; group 2 has a small cell: its row and the column of that option need a second hidden cell
    cells = {}
    table = {1: (30, 20), 2: (3, 40), 3: (25, 15)}
    for g, (yes, no) in table.items():
        cells[((g,), "", 1)] = yes
        cells[((g,), "", 2)] = no
        cells[((g,), "", BASE)] = yes + no
    hidden = protect(cells, 5)
    assert ((2,), "", 1) in hidden and ((2,), "", 2) in hidden  # the row: yes = base − no
    for code in (1, 2):  # each column: the total is known, so two hidden cells in it
        assert sum(1 for g in table if ((g,), "", code) in hidden) >= 2
    # a small base hides its whole row, and another row's base
    cells[((2,), "", BASE)] = 4
    hidden = protect(cells, 5)
    assert {((2,), "", 1), ((2,), "", 2), ((2,), "", BASE)} <= hidden
    assert sum(1 for g in table if ((g,), "", BASE) in hidden) >= 2


def test_protect_exhaustive_no_hidden_cell_is_determined():
    """Every table of non-negative counts that agrees with the shown cells, the shown bases and the column
    totals (known from the whole-sample answer) is enumerated: each hidden cell takes at least two values."""
    table = {1: (2, 20, 9), 2: (12, 8, 15), 3: (7, 30, 6), 4: (11, 10, 14)}
    cells = {((g,), "", c + 1): v for g, row in table.items() for c, v in enumerate(row)}
    for g, row in table.items():
        cells[((g,), "", BASE)] = sum(row)
    hidden = sorted(k for k in protect(cells, 5) if k[2] != BASE)
    assert ((1,), "", 1) in hidden and len(hidden) >= 4
    shown = {k: v for k, v in cells.items() if k not in hidden}
    lines = [[((g,), "", c) for c in (1, 2, 3)] + [((g,), "", BASE)] for g in table]  # row: options = base
    lines += [[((g,), "", c) for g in table] for c in (1, 2, 3)]  # column: sums to the known total
    totals = [None] * len(table) + [sum(table[g][c - 1] for g in table) for c in (1, 2, 3)]
    seen: dict = {k: set() for k in hidden}

    def consistent(values: dict) -> bool:
        for line, total in zip(lines, totals, strict=True):
            cells_ = [c for c in line if c[2] != BASE]
            want = shown[line[-1]] if total is None else total
            if all(c in values or c in shown for c in cells_):
                if sum(values.get(c, shown.get(c, 0)) for c in cells_) != want:
                    return False
        return True

    def search(i: int, values: dict) -> None:
        if i == len(hidden):
            for k, v in values.items():
                seen[k].add(v)
            return
        for v in range(0, 41):
            values[hidden[i]] = v
            if consistent(values):
                search(i + 1, values)
            del values[hidden[i]]

    search(0, {})
    assert all(len(v) >= 2 for v in seen.values()), seen


def test_min_cell_is_a_setting(executor, monkeypatch):
    req = BreakdownRequest(wave="2021-11", question_id="AT_KONTAKT", by=["landsforening"])
    default = run_breakdown(executor, req)
    monkeypatch.setenv("ASSISTANT_MIN_CELL", "12")
    strict = run_breakdown(executor, req)
    assert strict.min_cell == 12 and strict.suppressed > default.suppressed
    assert all(r["count"] is None or r["count"] == 0 or r["count"] >= 12 for r in strict.rows)


# --------------------------------------------------------------------------- the guard


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM v_resp_answers",
        "SELECT rid, code FROM v_resp_answers WHERE question_id = 'AT_KONTAKT'",
        "SELECT rid, count(*) AS n FROM v_resp_answers GROUP BY rid",
        "SELECT code, sum(code) OVER (ORDER BY rid) FROM v_resp_answers GROUP BY code",
        "SELECT storrelse, fylke FROM v_resp_respondents GROUP BY storrelse",
        "WITH x AS (SELECT * FROM v_resp_respondents) SELECT * FROM x",
        "SELECT count(*) FROM v_resp_answers UNION ALL SELECT rid FROM v_resp_answers",
        "SELECT * FROM resp_answers",
    ],
)
def test_guard_keeps_respondent_rows_inside(executor, sql):
    with pytest.raises(GuardError):
        check(sql)
    with pytest.raises(GuardError):
        executor.run(sql)


def test_compiled_breakdowns_pass_the_guard(executor):
    result = run_breakdown(
        executor, BreakdownRequest(wave="2021-11", question_id="AT_NYTTE", by=["storrelse"])
    )
    assert result.sql.startswith("SELECT e.storrelse, a.item")
    check("SELECT storrelse, count(DISTINCT rid) AS n FROM v_resp_respondents GROUP BY storrelse")


def test_means_hide_small_groups_and_a_complement(executor):
    result = run_breakdown(
        executor,
        BreakdownRequest(
            wave="2021-11",
            question_id="ROLLER_BETYDNING",
            item="amu",
            by=["landsforening", "storrelse"],
            measure="mean",
        ),
    )
    assert result.suppressed > 0
    for r in result.rows:
        assert (r["value"] is None) == (r["n"] is None)
        assert r["n"] is None or int(r["n"]) >= 5
    for line in _lines(result.rows, ["landsforening", "storrelse"]):
        if len(line) > 1:
            assert sum(1 for r in line if r["value"] is None) != 1
