"""Step: answer from the published numbers — plan → SQL → guard → execute (read-only) → compose + chart.

Every number in the answer is read from the rows the SQL returns; the report's own sentence about the
table or figure is attached when there is one, with a note where its text rounds the table's figure.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from .charts import chart_for
from .compose.data import WAVE_TEXT, compose_rank, compose_rows, dedupe, sources_for_rows
from .compose.numbers import pct
from .compose.text import best_sentences, passage_source
from .plan import Plan, compile_plan
from .route import LEAST, MOST, Decision
from .sql.execute import QueryError
from .sql.guard import GuardError
from .state import Context, Turn
from .two_waves import WORDED_OTHERWISE
from .types import Answer, Question

log = logging.getLogger(__name__)

WAVE_CAVEAT = {
    "2021-11": "Hovedundersøkelsen ble gjennomført 18.–29. november 2021, mens koronapandemien fortsatt preget "
    "arbeidslivet.",
    "2022-06": "Tilleggsundersøkelsen ble gjennomført 1.–6. juni 2022, uten nasjonale koronatiltak.",
}
UNWEIGHTED = "Utvalget er ikke vektet (svarprosent om lag 10 % i 2021 og 13 % i 2022); tallene gjelder bedriftene som svarte."
SKEWED = (
    "Svarskalaen for rollene er skjev (1–4, «stor betydning» mangler som alternativ); rapporten anbefaler å "
    "tolke gjennomsnittene med varsomhet."
)


def run(turn: Turn, ctx: Context) -> None:
    d = turn.decision
    if turn.answer is not None or d is None or d.route != "data":
        return
    answer = data_answer(turn, ctx, d)
    if answer is None:  # nothing published after all: look in the report's text
        turn.decision = Decision("text", "fallback", sections=d.sections, figures=d.figures)
    else:
        turn.answer = answer


DIFFERENCE = "Differanse (prosentpoeng)"


def _representation_lead(ctx: Context, d: Decision, top: dict, descending: bool | None = None) -> list[str]:
    """The group most over- or underrepresented, with its share of the answers against its share of the
    invited (Tabell 9–11), before the ranking of the differences."""
    assert d.plan is not None
    plan = Plan(question_id="UTVALG", group_dim=d.plan.group_dim, groups=[top["group_label"]],
                sources=d.plan.sources)  # fmt: skip
    sql, params = compile_plan(plan)
    try:
        rows = ctx.executor.run(sql, params).rows
    except (GuardError, QueryError):
        return []
    lines, _caveats = compose_rows(None, rows, d.plan.group_dim) if rows else ([], [])  # type: ignore[arg-type]
    descending = d.plan.descending if descending is None else descending
    word = "overrepresentert" if descending else "underrepresentert"
    return [f"Mest {word}: {lines[0].removeprefix('- ')}", ""] if lines else []


def _parts_of(ctx: Context, d: Decision, top: dict) -> str:
    """The shares a ranked sum is made of, for its top item ("36 % + 10 %"), in the order of the options."""
    assert d.plan is not None
    plan = d.plan.model_copy(update={"kind": "rows", "items": [top["item"]], "limit": None})
    sql, params = compile_plan(plan)
    try:
        rows = ctx.executor.run(sql, params).rows
    except (GuardError, QueryError):
        return ""
    same = [r for r in rows if r.get("group_label") == top.get("group_label") or not top.get("group_label")]
    values = [next((r["value"] for r in same if r["option"] == o), None) for o in d.plan.options]
    if any(v is None for v in values):
        return ""
    return " + ".join(pct(v) for v in values)


def data_answer(turn: Turn, ctx: Context, d: Decision) -> Answer | None:
    q = turn.question
    assert d.plan is not None and q is not None
    sql, params = compile_plan(d.plan)
    try:
        result = ctx.executor.run(sql, params)
    except (GuardError, QueryError):
        log.exception("SQL refused or failed: %s", sql)
        return None
    rows = result.rows
    if not rows:
        return None
    if d.plan.kind in ("rank_items", "rank_groups"):
        key = "item" if d.plan.kind == "rank_items" else "group_label"
        both_ends = bool(re.search(MOST, q.text) and re.search(LEAST, q.text))
        # "Lavest «Nyttig» + «Svært nyttig»: **X** (46 %)": and answer by answer (36 % + 10 %)
        parts = _parts_of(ctx, d, rows[0]) if key == "item" and len(d.plan.options) > 1 else ""
        lines = compose_rank(
            rows, key, d.plan.options, d.plan.group_dim, d.plan.descending, q.focus_item, both_ends, parts
        )
        caveats: list[str] = [r["note"] for r in rows[:1] if r.get("note")]
        if d.plan.options == [DIFFERENCE] and key == "group_label":
            both = (
                re.search(r"overrepresent", q.text) and re.search(r"underrepresent", q.text) and len(rows) > 1
            )
            # "hvilken er mest overrepresentert, og hvilken er mest underrepresentert?": both ends
            other = _representation_lead(ctx, d, rows[-1], not d.plan.descending) if both else []
            first = _representation_lead(ctx, d, rows[0])
            if first and other:  # one paragraph: both ends are the answer
                first = [f"{first[0]} {other[0]}", ""]
            lines = first + lines
    else:
        lines, caveats = compose_rows(q, rows, d.plan.group_dim)
    sources = sources_for_rows(rows, ctx.captions, ctx.titles)
    # the report's own sentence about this table/figure, when there is one
    generic = rows[0].get("question_id") == "UTVALG"  # the text on Tabell 9–11 only introduces them
    quote = None if generic or any(r.get("quote") for r in rows) else report_sentence(turn, ctx, rows)
    if quote is not None:
        p, sent = quote
        lines.append(f"\nRapporten skriver ({p.section_label}):\n\n> «{sent}»")
        src = passage_source(p, sent)
        if all(s.label != src.label for s in sources):
            sources.append(src)
        if d.plan.kind == "rows":
            caveats.extend(rounding_notes(sent, rows))
    wave = rows[0].get("wave")
    other_wave = False  # the figure is of a wave other than the one asked about: the survey has none for it
    if "both_waves" in q.inherited and wave in WAVE_TEXT and all(r.get("wave") == wave for r in rows):
        lines[0] = f"Dette ble bare spurt om i {WAVE_TEXT[wave]}. " + lines[0]
    elif q.wave and wave in WAVE_TEXT and q.wave in WAVE_TEXT and all(r.get("wave") != q.wave for r in rows):
        # asked about a wave the question was not asked in: say so before the figure of the other wave
        lines[0] = (
            f"Dette ble ikke spurt om i {WAVE_TEXT[q.wave]}; tallet gjelder {WAVE_TEXT[wave]}. " + lines[0]
        )
        other_wave = True
    if rows[0].get("question_id") == "ROLLER_BETYDNING":
        caveats.insert(0, SKEWED)
    if "other_wave" in q.inherited and not any("annerledes" in c for c in caveats):
        # the nearest question of the wave asked about, worded otherwise
        caveats.insert(0, WORDED_OTHERWISE)
    if rows[0].get("question_id") != "UTVALG":
        caveats.append(UNWEIGHTED)
        if wave in WAVE_CAVEAT:
            caveats.append(WAVE_CAVEAT[wave])
    return Answer(
        question=q.raw,
        route=route_of(rows),
        answerable=not other_wave,
        answer="\n".join(lines).strip(),
        sources=sources,
        sql=inline_sql(sql, params),
        data=[jsonable(r) for r in rows],
        chart=chart_for(rows, d.plan.kind),
        caveats=dedupe(caveats),
    )


def report_sentence(turn: Turn, ctx: Context, rows: list[dict[str, Any]]):
    """The best sentence of the prose that discusses this table or figure, or None."""
    q: Question = turn.question  # type: ignore[assignment]
    source = rows[0].get("source") or ""
    allowed = {
        p.id
        for p in ctx.index.passages
        if p.kind == "prose" and (source in p.figures or (source[:1].isdigit() and p.section == source))
    }
    if not allowed:
        return None
    # the items and groups shown, once each (not the first item's name thrice when every item is shown)
    items = dict.fromkeys(r.get("item") or "" for r in rows[:3]) if q.items else {}
    groups = dict.fromkeys(r.get("group_label") or "" for r in rows[:3])
    words = " ".join([q.text, q.option_word or "", *items, *groups])
    hits = ctx.index.search(words, turn.qvec(compute=False), k=4, allowed=allowed)
    # the answer asked for counts double: «lite nyttige» finds the sentence on those, not on «nyttig»
    picked = best_sentences(words, hits, ctx.index.bm25.idf, limit=1, focus=q.option_word or "")
    if not picked:
        return None
    return picked[0][0], picked[0][1]


def rounding_notes(sentence: str, rows: list[dict[str, Any]]) -> list[str]:
    """Where the report's text rounds a table's figure to "N av M", say so: a press text must not mix them.

    >>> rounding_notes("om lag 1 av 4 bedrifter", [{"item": "", "group_label": "Alle", "option": "Ja", "value": 26.0, "unit": "pct"}])
    ['Rapportens tekst runder av: «1 av 4» er 25 %, tabellen viser 26 % («Ja»).']
    """
    series = {(r.get("item"), r.get("group_label")) for r in rows}
    if len(series) != 1 or rows[0].get("unit") != "pct":
        return []
    values = {r["option"]: r["value"] for r in rows}
    pairs = [("Nyttig", "Svært nyttig"), ("Viktig", "Svært viktig"), ("Godt", "Svært godt")]
    candidates = [(f"«{a}» + «{b}»", values[a] + values[b]) for a, b in pairs if a in values and b in values]
    if not candidates and len(values) == 1:
        candidates = [(f"«{k}»", v) for k, v in values.items()]
    notes = []
    for n, m in re.findall(r"\b(\d+) av (\d+)\b", sentence):
        share = 100 * int(n) / int(m)
        for what, value in candidates[:1]:
            if 0.5 <= abs(share - value) <= 10:
                notes.append(
                    f"Rapportens tekst runder av: «{n} av {m}» er {pct(round(share))}, tabellen viser "
                    f"{pct(round(value, 2))} ({what})."
                )
    return notes


def route_of(rows: list[dict[str, Any]]) -> str:
    """'data' for numbers from the report's tables and charted figures (and breakdowns); 'text' when every
    number is a whole-sample figure stated only in the prose (data/published/prose.csv), which the answer
    quotes. Either way the numbers are read from the database rows shown with the answer."""
    if rows and all(r.get("file") == "prose.csv" and r.get("group_dim") == "total" for r in rows):
        return "text"
    return "data"


def inline_sql(sql: str, params: list[Any]) -> str:
    """The SQL as run, with its bound values shown as literals for the reader (it is not re-executed)."""
    out = sql
    for p in params:
        lit = str(p) if isinstance(p, int | float) else "'" + str(p).replace("'", "''") + "'"
        out = out.replace("?", lit, 1)
    return out


def jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
