"""Step 5: a typed plan for a data question, compiled to parameterised SQL over an allow-listed view.

User text never reaches SQL: every value is a bound parameter, every identifier comes from this module.

>>> sql, params = compile_plan(Plan(kind="rows", question_id="AT_NYTTE", items=["Tilsyn med veiledning"]))
>>> "?" in sql and params[:2] == ["AT_NYTTE", "Tilsyn med veiledning"]
True
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

COLUMNS = (
    "source, section, page, wave, question_id, question_text, item, group_dim, group_label, option, "
    "value, unit, n, n_min, note, quote, from_prose, file"
)


class Plan(BaseModel):
    kind: Literal["rows", "rank_items", "rank_groups"] = "rows"
    question_id: str
    also: list[str] = Field(default_factory=list)  # other questions printed in the same figure
    items: list[str] = Field(default_factory=list)
    group_dim: str = "total"
    groups: list[str] = Field(default_factory=list)
    options: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    wave: str | None = None
    unit: str | None = None
    descending: bool = True
    limit: int | None = None
    with_totals_of: str | None = None  # also the "Sum" row of this table (Tabell 11: all who answered)


def _in(column: str, values: list[str], params: list[Any]) -> str:
    params.extend(values)
    return f"{column} IN ({', '.join('?' for _ in values)})"


def compile_plan(plan: Plan) -> tuple[str, list[Any]]:
    params: list[Any] = []
    where = [_in("question_id", [plan.question_id, *plan.also], params)]
    if plan.items and not plan.also:  # side by side, each question's series is its own item
        where.append(_in("item", plan.items, params))
    if plan.with_totals_of:
        where.append("(group_dim = ? OR (group_label = 'Sum' AND source = ?))")
        params.extend([plan.group_dim, plan.with_totals_of])
    else:
        where.append("group_dim = ?")
        params.append(plan.group_dim)
    if plan.groups:
        where.append(_in("group_label", plan.groups, params))
    elif plan.kind == "rank_groups":
        where.append("group_label <> 'Sum'")  # a table's total row is not a group to rank
    if plan.options:
        where.append(_in("option", plan.options, params))
    if plan.sources:
        where.append(_in("source", plan.sources, params))
    if plan.wave:
        where.append("wave = ?")
        params.append(plan.wave)
    if plan.unit:
        where.append("unit = ?")
        params.append(plan.unit)
    cond = " AND ".join(where)
    direction = "DESC" if plan.descending else "ASC"
    if plan.kind == "rows":
        sql = f"SELECT {COLUMNS} FROM v_results WHERE {cond} ORDER BY file, row_order"
    elif plan.kind == "rank_items":
        sql = (
            "SELECT item, sum(value) AS value, min(unit) AS unit, min(source) AS source, min(section) AS section, "
            "min(page) AS page, min(wave) AS wave, min(n) AS n, min(n_min) AS n_min, "
            "string_agg(option, ' + ') AS option, min(group_label) AS group_label, min(note) AS note, "
            "min(quote) AS quote, min(question_text) AS question_text, min(file) AS file, min(group_dim) AS group_dim, "
            "min(question_id) AS question_id "
            f"FROM v_results WHERE {cond} GROUP BY item ORDER BY value {direction}, item"
        )
    else:
        sql = (
            "SELECT group_label, sum(value) AS value, min(unit) AS unit, min(source) AS source, "
            "min(section) AS section, min(page) AS page, min(wave) AS wave, min(n) AS n, min(n_min) AS n_min, "
            "string_agg(option, ' + ') AS option, min(item) AS item, min(note) AS note, min(quote) AS quote, "
            "min(question_text) AS question_text, min(file) AS file, min(group_dim) AS group_dim, "
            "min(question_id) AS question_id "
            f"FROM v_results WHERE {cond} GROUP BY group_label ORDER BY value {direction}, group_label"
        )
    if plan.limit:
        sql += " LIMIT ?"
        params.append(int(plan.limit))
    return sql, params
