"""A breakdown of one question over imported responses: request → parameterised SQL → guard → counts →
suppression → rows in the shape of the published rows.

Base conventions as in the report: codes in `excluded_from_base` (e.g. «ikke aktuelt») are left out of
the base; a multi-choice option is a share of the respondents who answered the question; only those the
question's filter let through count. Counts are taken over every category of every variable involved
(the `by` variables and the filtered ones), suppressed there, and only then summed into the groups asked
for; a summed cell is hidden when any cell it sums is hidden, so differences of two answers never reveal a
hidden cell.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from .. import knowledge, settings
from . import contract
from .suppress import BASE, protect

SOURCE = "Respondentdata"
Var = Literal["storrelse", "landsforening", "fylke"]


class BreakdownError(ValueError):
    """A request the data cannot answer; the message is Norwegian."""


class BreakdownRequest(BaseModel):
    """What to compute. Options, items and filter values may be codes/ids or labels.

    >>> BreakdownRequest(wave="2021-11", question_id="AT_KONTAKT", by=["storrelse"]).measure
    'share'
    """

    wave: str
    question_id: str
    item: str | None = None  # one grid item (id or label); None = every item
    options: list[int | str | list[int | str]] = Field(
        default_factory=list
    )  # [] = every option; a list = merged
    by: list[Var] = Field(default_factory=list)
    filters: dict[Var, list[int | str]] = Field(default_factory=dict)
    bands: dict[Var, dict[str, list[int | str]]] = Field(
        default_factory=dict
    )  # own groups for a `by` variable
    measure: Literal["share", "count", "mean"] = "share"

    @field_validator("by")
    @classmethod
    def _unique(cls, v: list[str]) -> list[str]:
        return list(dict.fromkeys(v))


@dataclass
class BreakdownResult:
    rows: list[dict[str, Any]]  # aggregated and suppressed; value None where hidden
    sql: str
    params: list[Any]
    suppressed: int = 0
    min_cell: int = 5
    question: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _codes(var: str, values: list[int | str]) -> list[int]:
    options = contract.background()[var]["options"]
    by_label = {contract.fold_label(o["label"]): o["code"] for o in options}
    valid = {o["code"] for o in options}
    out = []
    for v in values:
        if isinstance(v, int) and v in valid:
            out.append(v)
        elif str(v).strip().isdigit() and int(v) in valid:
            out.append(int(v))
        elif contract.fold_label(str(v)) in by_label:
            out.append(by_label[contract.fold_label(str(v))])
        else:
            raise BreakdownError(f"Ukjent verdi «{v}» for {var}.")
    return list(dict.fromkeys(out))


def _option_groups(q: dict[str, Any], options: list[Any]) -> list[tuple[str, list[int]]]:
    """(label, codes) per reported option; every option of the question when none are given."""
    by_label = contract.option_codes_by_label(q)
    valid = {o["code"] for o in q["options"]}

    def one(v: Any) -> int:
        if isinstance(v, int) and v in valid:
            return v
        if contract.fold_label(str(v)) in by_label:
            return by_label[contract.fold_label(str(v))]
        raise BreakdownError(f"Ukjent svaralternativ «{v}» for {q['id']}.")

    if not options:
        return [(o["label"], [o["code"]]) for o in q["options"]]
    out = []
    for v in options:
        codes = [one(x) for x in v] if isinstance(v, list) else [one(v)]
        if len(codes) > 1 and contract.qtype(q) == "multi":
            raise BreakdownError("Sammenslåtte svaralternativer støttes ikke for spørsmål med flere svar.")
        out.append((" + ".join(contract.option_label(q, c) for c in codes), codes))
    return out


def _in(column: str, values: list[Any], params: list[Any]) -> str:
    params.extend(values)
    return f"{column} IN ({', '.join('?' for _ in values)})"


def compile_counts(wave: str, q: dict[str, Any], items: list[str], dims: list[str]) -> tuple[str, list[Any]]:
    """Counts of respondents per (dims…, item, code), and per (dims…, item) as the base (code NULL).

    >>> sql, params = compile_counts("2021-11", knowledge.question("AT_KONTAKT"), [""], ["storrelse"])
    >>> sql.count("?") == len(params) and "count(DISTINCT e.rid)" in sql
    True
    """
    params: list[Any] = []
    eligible = ["wave = ?"]
    params.append(wave)
    rule = q.get("base_filter")
    if rule:
        cond = ["wave = ?", "question_id = ?"]
        params += [wave, rule["question"]]
        if rule.get("items"):
            cond.append(_in("item", list(rule["items"]), params))
        cond.append(_in("code", list(rule["codes"]), params))
        eligible.append(f"rid IN (SELECT rid FROM v_resp_answers WHERE {' AND '.join(cond)})")
    cols = ", ".join(["rid", *dims])
    answered = ["wave = ?", "question_id = ?"]
    params += [wave, q["id"]]
    answered.append(_in("item", items, params))
    excluded = contract.excluded_from_base(q)
    if excluded:
        answered.append(f"NOT {_in('code', excluded, params)}")
    keys = ", ".join([*(f"e.{d}" for d in dims), "a.item"])
    source = (
        f"FROM (SELECT {cols} FROM v_resp_respondents WHERE {' AND '.join(eligible)}) AS e "
        f"JOIN (SELECT rid, item, code FROM v_resp_answers WHERE {' AND '.join(answered)}) AS a ON a.rid = e.rid"
    )
    # one SELECT (as every answer's SQL): per code, then the base per group; the sources repeat their values
    sql = (
        f"SELECT {keys}, a.code AS code, count(DISTINCT e.rid) AS n {source} GROUP BY {keys}, a.code "
        f"UNION ALL SELECT {keys}, NULL AS code, count(DISTINCT e.rid) AS n {source} GROUP BY {keys}"
    )
    return sql, params + params


def inline_sql(sql: str, params: list[Any]) -> str:
    out = sql
    for p in params:
        lit = str(p) if isinstance(p, int | float) else "'" + str(p).replace("'", "''") + "'"
        out = out.replace("?", lit, 1)
    return out


def run_breakdown(executor, request: BreakdownRequest, min_cell: int | None = None) -> BreakdownResult:
    """Compute `request` over the executor's database. Raises BreakdownError (Norwegian) when it cannot."""
    min_cell = min_cell if min_cell is not None else max(1, settings.get_int("ASSISTANT_MIN_CELL"))
    q = knowledge.question(request.question_id)
    if q is None:
        raise BreakdownError(f"Ukjent spørsmål «{request.question_id}».")
    if q["wave"] != request.wave:
        raise BreakdownError(f"Spørsmålet {q['id']} ble ikke stilt i {request.wave}, men i {q['wave']}.")
    kind = contract.qtype(q)
    if kind == "grid":
        if request.item is None:
            items = [i["id"] for i in q["items"]]
        else:
            found = contract.item_ids_by_label(q).get(contract.fold_label(request.item))
            if found is None:
                raise BreakdownError(f"Ukjent delspørsmål «{request.item}» for {q['id']}.")
            items = [found]
    else:
        items = [""]
    if request.measure == "mean" and not q.get("scale"):
        raise BreakdownError(
            f"Et gjennomsnitt gir ikke mening for «{q.get('title') or q['id']}»: svarene er ikke en skala."
        )
    option_groups = _option_groups(q, request.options)
    dims = list(request.by) + [v for v in request.filters if v not in request.by]
    selected = {v: _codes(v, vals) for v, vals in request.filters.items()}
    for v, codes in selected.items():
        if not codes:
            raise BreakdownError(f"Ingen verdier valgt for {v}.")

    sql, params = compile_counts(request.wave, q, items, dims)
    cap = 1 + len(items) * (len(q["options"]) + 1)
    for d in dims:
        cap *= len(contract.background()[d]["options"])
    result = executor.run(sql, params, max_rows=cap + 1)
    counts: dict[tuple, int] = {}
    for r in result.rows:
        group = tuple(int(r[d]) for d in dims)
        counts[(group, r["item"], BASE if r["code"] is None else int(r["code"]))] = int(r["n"])

    # the full table over every category of the variables involved (empty rows are not part of it);
    # a mean shows only its base (the answers on the scale), so only bases are protected then
    cells: dict[tuple, int] = {}
    full_codes = [[o["code"] for o in contract.background()[d]["options"]] for d in dims]
    excluded = set(contract.excluded_from_base(q))
    for group in itertools.product(*full_codes):
        for item in items:
            if request.measure == "mean":
                base = sum(counts.get((group, item, c), 0) for c in q["scale"])
            else:
                base = counts.get((group, item, BASE), 0)
            if base == 0:
                continue
            cells[(group, item, BASE)] = base
            for code in q["scale"] if request.measure == "mean" else [o["code"] for o in q["options"]]:
                if code not in excluded:
                    cells[(group, item, code)] = counts.get((group, item, code), 0)
    shown_cells = {k: v for k, v in cells.items() if k[2] == BASE} if request.measure == "mean" else cells
    hidden = protect(shown_cells, min_cell, option_lines=request.measure != "mean")

    out_groups = _output_groups(request, dims, selected)
    rows: list[dict[str, Any]] = []
    n_hidden = 0
    qtext = q["text"]
    group_dim = "+".join(dims) if dims else "total"
    for label, members in out_groups:
        for item in items:
            keys = [(g, item) for g in members if (g, item, BASE) in cells]
            base = sum(cells[(g, item, BASE)] for g, _ in keys)
            if base == 0:
                continue  # nobody in this group answered: no row (an empty group reveals nobody)
            base_hidden = any((g, item, BASE) in hidden for g, _ in keys)
            item_text = contract.item_label(q, item) if item else ""
            common = {
                "source": SOURCE, "section": None, "page": None, "wave": request.wave, "question_id": q["id"],
                "question_text": qtext, "item": item_text, "group_dim": group_dim, "group_label": label,
                "n": None if base_hidden else str(base), "n_min": None if base_hidden else base,
                "note": None, "quote": None, "from_prose": False, "file": "responses", "computed": True,
            }  # fmt: skip
            if request.measure == "mean":
                scale = q["scale"]
                n_scale = sum(cells.get((g, item, c), 0) for g, _ in keys for c in scale)
                total = sum((scale.index(c) + 1) * cells.get((g, item, c), 0) for g, _ in keys for c in scale)
                value = round(total / n_scale, 2) if n_scale and not base_hidden else None
                rows.append(
                    {
                        **common,
                        "option": "Gjennomsnitt",
                        "value": value,
                        "unit": "mean",
                        "count": None,
                        "n": None if base_hidden else str(n_scale),
                        "n_min": None if base_hidden else n_scale,
                        "suppressed": base_hidden,
                    }  # fmt: skip
                )
                n_hidden += base_hidden
                continue
            for opt_label, codes in option_groups:
                if set(codes) & excluded:
                    continue  # outside the base: not a share of it
                count = sum(cells.get((g, item, c), 0) for g, _ in keys for c in codes)
                is_hidden = base_hidden or any((g, item, c) in hidden for g, _ in keys for c in codes)
                if request.measure == "count":
                    value = None if is_hidden else float(count)
                    unit = "count"
                else:
                    value = None if is_hidden else round(100 * count / base, 1)
                    unit = "pct"
                rows.append(
                    {
                        **common,
                        "option": opt_label,
                        "value": value,
                        "unit": unit,
                        "count": None if is_hidden else count,
                        "suppressed": is_hidden,
                    }  # fmt: skip
                )
                n_hidden += is_hidden
    notes = []
    if excluded:
        labels = ", ".join(f"«{contract.option_label(q, c)}»" for c in sorted(excluded))
        notes.append(f"{labels} er holdt utenfor grunnlaget, som i rapporten.")
    if q.get("base_filter"):
        notes.append(f"Bare bedrifter som fikk spørsmålet er med: {q.get('asked_to')}.")
    if kind == "multi":
        notes.append(
            "Flere svar var mulig: andelene er av bedriftene som svarte, og summerer ikke til 100 %."
        )
    return BreakdownResult(rows, inline_sql(sql, params), params, n_hidden, min_cell, q, notes)


def _output_groups(
    request: BreakdownRequest, dims: list[str], selected: dict[str, list[int]]
) -> list[tuple[str, list[tuple[int, ...]]]]:
    """(label, the full-table groups it sums) for each group asked for, in codebook order."""
    per_dim: list[list[tuple[str | None, list[int]]]] = []
    for d in dims:
        options = contract.background()[d]["options"]
        labels = {o["code"]: o["label"] for o in options}
        if d in request.by:
            allowed = selected.get(d)
            if d in request.bands:
                parts = [(lab, _codes(d, vals)) for lab, vals in request.bands[d].items()]
            else:
                parts = [(labels[o["code"]], [o["code"]]) for o in options]
            if allowed:
                parts = [(lab, [c for c in cs if c in allowed]) for lab, cs in parts]
                parts = [(lab, cs) for lab, cs in parts if cs]
            per_dim.append(parts)
        else:  # a filter only: one part
            per_dim.append([(_span_label(d, selected[d]), selected[d])])
    out = []
    for combo in itertools.product(*per_dim):
        label = ", ".join(lab for lab, _ in combo if lab) or "Alle"
        members = list(itertools.product(*(cs for _, cs in combo)))
        out.append((label, members))
    return out


def _span_label(var: str, codes: list[int]) -> str:
    """A label for several categories: a size span reads '1-9' or '50 eller flere'.

    >>> _span_label("storrelse", [1, 2]), _span_label("storrelse", [4, 5]), _span_label("fylke", [5])
    ('1-9', '50 eller flere', 'Oslo')
    """
    options = {o["code"]: o for o in contract.background()[var]["options"]}
    if len(codes) == 1:
        return options[codes[0]]["label"]
    if var == "storrelse":
        lo = min(options[c]["min"] for c in codes)
        highs = [options[c]["max"] for c in codes]
        return f"{lo} eller flere" if None in highs else f"{lo}-{max(highs)}"
    return " / ".join(options[c]["label"] for c in sorted(codes))
