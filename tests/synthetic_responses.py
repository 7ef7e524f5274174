"""SYNTHETIC respondent files for tests, generated from the public codebook contract (`codebook --json`).

Nothing here is real data: answers are random draws that follow the codebook's rules (codes, filters,
exclusive options, max choices). Files are written to pytest's temporary folders only, never shipped and
never loaded by default. A few deliberately small groups exercise disclosure control.
"""

from __future__ import annotations

import random
from typing import Any

SYNTHETIC_LABEL = "SYNTETISKE TESTDATA - ikke ekte svar"


def generate(codebook: dict[str, Any], wave: str, n: int = 400, seed: int = 7) -> list[dict[str, Any]]:
    """Rows (dicts keyed by template column) for `wave`; codes as in the codebook."""
    rng = random.Random(seed)
    bg = {b["id"]: [o["code"] for o in b["options"]] for b in codebook["background"]}
    questions = [q for q in codebook["questions"] if q["wave"] == wave]
    rows = []
    for i in range(n):
        row: dict[str, Any] = {codebook["id_column"]: f"SYN-{wave}-{i + 1:05d}"}
        # skewed background: most rows in a few groups, some groups tiny (for suppression)
        row["storrelse"] = rng.choices(bg["storrelse"], weights=[6, 30, 35, 20, 9])[0]
        lf = bg["landsforening"]
        row["landsforening"] = rng.choices(lf, weights=[40 if c in (1, 2, 11, 15) else 4 for c in lf])[0]
        fy = bg["fylke"]
        row["fylke"] = rng.choices(fy, weights=[1 if c in (7, 10) else 12 for c in fy])[
            0
        ]  # Svalbard, Ukjent rare
        answers: dict[str, dict[str, int]] = {}
        for q in questions:
            if not _asked(q, answers):
                for col in q["columns"]:
                    row[col] = None
                continue
            codes = [o["code"] for o in q["options"]]
            if q["type"] == "multi":
                exclusive = [o["code"] for o in q["options"] if o.get("exclusive")]
                if rng.random() < 0.05:
                    row[f"{q['id']}__{codes[0]}"] = None  # an unanswered multi question: all blank
                    chosen: list[int] = []
                    for c in codes:
                        row[f"{q['id']}__{c}"] = None
                elif exclusive and rng.random() < 0.1:
                    chosen = [rng.choice(exclusive)]
                else:
                    pool = [c for c in codes if c not in exclusive]
                    k = rng.randint(1, min(q.get("max_choices") or 3, len(pool)))
                    chosen = sorted(rng.sample(pool, k))
                if chosen:
                    for c in codes:
                        row[f"{q['id']}__{c}"] = 1 if c in chosen else 0
                answers[q["id"]] = {str(c): 1 for c in chosen}
            elif q["type"] == "grid":
                got = {}
                for it in q["items"]:
                    code = None if rng.random() < 0.04 else rng.choice(codes)
                    row[f"{q['id']}__{it['id']}"] = code
                    if code is not None:
                        got[it["id"]] = code
                answers[q["id"]] = got
            else:
                code = None if rng.random() < 0.03 else rng.choice(codes)
                row[q["id"]] = code
                answers[q["id"]] = {"": code} if code is not None else {}
        rows.append(row)
    return rows


def _asked(q: dict[str, Any], answers: dict[str, dict[str, int]]) -> bool:
    rule = q.get("filter")
    if not rule:
        return True
    got = answers.get(rule["question"]) or {}
    codes = set(rule["codes"])
    if rule["items"]:
        return any(got.get(i) in codes for i in rule["items"])
    if "" in got:
        return got[""] in codes
    return any(int(k) in codes for k in got)  # multi: chosen option codes


def columns(codebook: dict[str, Any], wave: str) -> list[str]:
    cols = [codebook["id_column"], *(b["column"] for b in codebook["background"])]
    for q in codebook["questions"]:
        if q["wave"] == wave:
            cols += q["columns"]
    return cols


def write_csv(rows: list[dict[str, Any]], cols: list[str], path) -> None:
    import csv

    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(cols)
        for r in rows:
            w.writerow(["" if r.get(c) is None else r[c] for c in cols])


def expected_answers(codebook: dict[str, Any], wave: str, rows: list[dict[str, Any]]) -> set[tuple]:
    """(row number, question, item, code) the import should store, computed from the rows alone."""
    out = set()
    for r, row in enumerate(rows, 1):
        for q in codebook["questions"]:
            if q["wave"] != wave:
                continue
            if q["type"] == "single":
                if row.get(q["id"]) is not None:
                    out.add((r, q["id"], "", int(row[q["id"]])))
            elif q["type"] == "grid":
                for it in q["items"]:
                    v = row.get(f"{q['id']}__{it['id']}")
                    if v is not None:
                        out.add((r, q["id"], it["id"], int(v)))
            else:
                for o in q["options"]:
                    if row.get(f"{q['id']}__{o['code']}") == 1:
                        out.add((r, q["id"], "", o["code"]))
    return out


def write(rows: list[dict[str, Any]], cols: list[str], path, value_labels=None) -> None:
    """CSV, Parquet or SPSS by the file's suffix."""
    import pandas as pd

    path = str(path)
    if path.endswith(".csv"):
        write_csv(rows, cols, path)
        return
    frame = pd.DataFrame([{c: r.get(c) for c in cols} for r in rows], columns=cols)
    for c in cols[1:]:
        frame[c] = pd.to_numeric(frame[c]).astype("float64")
    if path.endswith(".parquet"):
        frame.to_parquet(path, index=False)
    else:
        import pyreadstat

        pyreadstat.write_sav(frame, path, variable_value_labels=value_labels or {})
