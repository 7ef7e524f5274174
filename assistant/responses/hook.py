"""The pipeline's one entry point to respondent-level data: an understood question → a breakdown answer.

`answer(q, decision, executor)` returns None (the pipeline goes on as before) unless responses are loaded
for the wave of the question asked. Then a figure question is computed from the responses — also when
the report prints no such figure (another group, a combination such as landsforening + size, a question
whose results were never published) — and compared with the report where it does print one.
`request_from_question` is the translation any pipeline can reuse.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .. import knowledge
from ..types import Answer, Source
from . import contract
from .breakdown import BreakdownError, BreakdownRequest, run_breakdown
from .chart import breakdown_chart
from .compare import compare
from .compose import WAVE_TEXT, compose
from .store import loaded_waves

# route reasons that mean "the report prints no such figure" (route.py): computed when responses exist
UNPUBLISHED = {
    "unpublished", "group_prose", "item_prose", "size_prose", "figure_only", "no_rows", "rank_prose",
    "fallback", "group_unpublished", "item_unpublished",
}  # fmt: skip
FIGURE_INTENTS = {"figure", "compare", "rank"}
MIN_SCORE = 0.30
# asking for individual answers or for who answered what
RAW_DATA = (
    r"\brådata|\benkeltsvar|\benkeltbedrift|\bhver enkelt bedrift|\bhver bedrift|\brespondent|"
    r"\bsvarene (til|fra) (bedrift|firma|virksomhet)|\bbedrift (nr|nummer)\b|\bhvilke bedrifter (svarte|har svart|sa)|"
    r"\bhvem (svarte|har svart)\b|\bliste over (alle )?(bedriftene|svarene)|\balle svarene\b"
)
REFUSAL = (
    "Jeg viser aldri svarene til enkeltbedrifter, og heller ikke hvem som svarte hva. Fra respondentdataene "
    "gir jeg bare samlede tall for grupper på minst {min_cell} bedrifter, for eksempel «Hvor mange bedrifter i "
    "Norsk Industri har avtale med bedriftshelsetjeneste?»."
)
TOP_PAIRS = (
    ("Nyttig", "Svært nyttig"), ("Viktig", "Svært viktig"), ("Godt", "Svært godt"), ("Delvis enig", "Helt enig"),
    ("I stor grad", "I svært stor grad"),
)  # fmt: skip
WHY = r"\bhvorfor\b|forklar|\bårsak|hva betyr|tolkes|varsom|\bkonklu"
HOW_MANY = r"\bhvor mange\b|\bantall bedrifter\b|\bkor mange\b"
BY_WORDS = {
    "landsforening": r"landsforening|bransje",
    "fylke": r"\bfylke|\bregion|landsdel",
    "storrelse": r"størrelse|antall ansatte|årsverk|store og små|små og store",
}
UNWEIGHTED = "Utvalget er ikke vektet; tallene gjelder bedriftene som svarte."


def run(turn, ctx) -> None:
    """Pipeline step (after route): when responses are loaded for the question's wave, answer from them."""
    if turn.answer is None and turn.question is not None:
        turn.answer = answer(turn.question, turn.decision, ctx.executor)


def answer(q, decision, executor) -> Answer | None:
    """A computed answer, or None to let the pipeline answer from the report."""
    if executor is None or q.intent in ("empty", "injection", "code", "english", "smalltalk"):
        return None
    loaded = loaded_waves(executor)
    if not loaded:
        return None
    from .. import settings

    min_cell = max(1, settings.get_int("ASSISTANT_MIN_CELL"))
    if re.search(RAW_DATA, q.text):
        return Answer(q.raw, "none", False, REFUSAL.format(min_cell=min_cell))
    # "Hva er de største utfordringene for bedrifter i Rogaland?" reads as an explanation, but with a group
    # named and no why-words it asks for the group's figures
    named_group = q.intent == "explain" and not re.search(WHY, q.text) and any(groups_in(q.text).values())
    if (
        (q.intent not in FIGURE_INTENTS and not named_group)
        or not q.question_id
        or q.question_score < MIN_SCORE
    ):
        return None
    info = knowledge.question(q.question_id)
    if info is None or info["wave"] not in loaded or (q.wave and q.wave != info["wave"]):
        return None
    plan = decision.plan if decision.route == "data" else None
    if plan is not None and (plan.question_id != q.question_id or plan.also):
        return None  # the sample tables, or two questions side by side: the report's own rows
    if plan is None and decision.reason not in UNPUBLISHED and not named_group:
        return None
    request, lead = request_from_question(q, info)
    try:
        result = run_breakdown(executor, request)
    except BreakdownError as err:
        return Answer(q.raw, "none", False, str(err))
    if not result.rows:
        return None
    published = _published_rows(executor, plan) if plan is not None else []
    pairs = compare(executor, published, info["wave"]) if published else []
    label = published[0]["source"] if published else None
    if label and label[:1].isdigit():  # a figure stated in the prose of a section
        label = f"avsnitt {label}"
    lines, caveats = compose(
        result.rows,
        info,
        lead,
        bool(re.search(HOW_MANY, q.text)),
        pairs,
        label,
        result.min_cell,
        rank=q.intent == "rank",
        unpublished=plan is None,
    )
    meta = loaded[info["wave"]]
    wave_text = WAVE_TEXT.get(info["wave"], info["wave"])
    sources = [
        Source(
            label=f"Respondentdata ({wave_text})",
            quote=f"Beregnet fra {meta['respondents']} svar i «{meta['file_name']}», importert {meta['imported_at']}.",
        ),
        Source(label="Vedlegg 2", section="8", quote=info["text"]),
    ]
    if label:
        sources.insert(
            1,
            Source(
                label=label[:1].upper() + label[1:],
                section=published[0].get("section"),
                page=published[0].get("page"),
            ),
        )
    caveats = [*result.notes, *caveats, UNWEIGHTED]
    if any(r["suppressed"] for r in result.rows):
        caveats.append(
            f"Små tall er skjult (færre enn {result.min_cell} bedrifter), sammen med tall som ellers ville "
            "avsløre dem."
        )
    data = [{**r, **_published_value(r, pairs)} for r in result.rows]
    title = f"Respondentdata: {info.get('title') or info['id']}"
    return Answer(
        question=q.raw,
        route="data",
        answerable=True,
        answer="\n".join(lines).strip(),
        sources=sources,
        sql=result.sql,
        data=data,
        chart=breakdown_chart(result.rows, title),
        caveats=list(dict.fromkeys(caveats)),
    )


def _published_value(row: dict[str, Any], pairs) -> dict[str, Any]:
    """The printed figure beside a computed row, where the report printed the same one."""
    for p in pairs:
        r = p.published
        same_group = r.get("group_label") in ("Alle", row["group_label"]) or (
            contract.fold_label(r.get("group_label") or "") == contract.fold_label(row["group_label"])
        )
        if same_group and r.get("item", "") == row["item"] and r.get("option") == row["option"]:
            return {"published_value": float(r["value"]), "published_source": r["source"]}
    return {}


def _published_rows(executor, plan) -> list[dict[str, Any]]:
    params: list[Any] = [plan.question_id, plan.group_dim]
    where = ["question_id = ?", "group_dim = ?"]
    for column, values in (("item", plan.items), ("group_label", plan.groups), ("source", plan.sources)):
        if values:
            where.append(f"{column} IN ({', '.join('?' for _ in values)})")
            params += values
    sql = (
        "SELECT source, section, page, wave, question_id, item, group_dim, group_label, group_min, group_max, "
        f"option, value, unit, n, note FROM v_results WHERE {' AND '.join(where)} ORDER BY file, row_order"
    )
    return executor.run(sql, params).rows


@lru_cache(maxsize=1)
def _group_patterns() -> list[tuple[re.Pattern[str], str, str, int]]:
    """(pattern, dim, key, length) for every group word of the lexicon, longest first."""
    out = []
    groups = knowledge.lexicon().get("groups") or {}
    for dim in ("landsforening", "fylke", "storrelse"):
        for g in groups.get(dim) or []:
            key = g.get("canonical") or g.get("key")
            for w in {*(g.get("words") or []), g.get("canonical") or ""}:
                if not w:
                    continue
                pattern = r"(?<![\wæøå])" + re.escape(w.lower()) + r"(?![\wæøå])"
                if dim == "storrelse" and not re.search(r"\d|bedrift|virksomhet|foretak|ansatt|årsverk", w):
                    pattern += (
                        r"(?=(?:\s+\S+){0,2}?\s*(?:bedrift|virksomhet|foretak|arbeidsgiver)|\s*[?.!]?$)"
                    )
                out.append((re.compile(pattern), dim, key, len(w)))
    return sorted(out, key=lambda x: -x[3])


def _size_codes(lo: int, hi: int | None) -> list[int]:
    """Size codes inside [lo, hi]; else the band that holds lo (a single head count)."""
    options = contract.background()["storrelse"]["options"]
    top = 10**9 if hi is None else hi
    inside = [o["code"] for o in options if o["min"] >= lo and (o["max"] or 10**9) <= top]
    if inside:
        return inside
    return [o["code"] for o in options if o["min"] <= lo <= (o["max"] or 10**9)]


def groups_in(text: str, q=None) -> dict[str, list[int] | None]:
    """Background groups a question names: {dim: codes}, or {dim: None} for "by dim" ("etter landsforening").

    >>> groups_in("hvor mange bedrifter i norsk industri med 50-199 ansatte har avtale med bht?")
    {'storrelse': [4], 'landsforening': [15]}
    """
    found: dict[str, list[int] | None] = {}
    if m := re.search(r"(\d+)\s*(?:-|–|til)\s*(\d+)\s*(?:ansatte|årsverk)", text):
        found["storrelse"] = _size_codes(int(m.group(1)), int(m.group(2)))
    elif m := re.search(
        r"(\d+)\s*(?:\+|eller flere|eller mer)|(?:over|flere enn|mer enn|minst) (\d+) (?:ansatte|årsverk)",
        text,
    ):
        found["storrelse"] = _size_codes(int(m.group(1) or m.group(2)), None)
    elif m := re.search(r"\b(\d+) (?:ansatte|ansatt|årsverk|tilsette)\b", text):
        found["storrelse"] = _size_codes(int(m.group(1)), int(m.group(1)))
    sizes = {g.get("key"): g for g in (knowledge.lexicon().get("groups") or {}).get("storrelse") or []}
    taken = text
    for pattern, dim, key, _n in _group_patterns():
        if dim in found or not pattern.search(taken):
            continue
        if dim == "storrelse":
            g = sizes[key]
            found[dim] = _size_codes(int(g.get("min") or 1), g.get("max"))
        else:
            options = {o["label"]: o["code"] for o in contract.background()[dim]["options"]}
            if key not in options:
                continue
            found[dim] = [options[key]]
        taken = pattern.sub(" ", taken)
    for dim, words in BY_WORDS.items():
        if dim not in found and re.search(words, text):
            found[dim] = None
    if q is not None and q.group_dim in BY_WORDS and q.group_dim not in found:
        # a follow-up keeps the earlier group ("Og blant de minste bedriftene?")
        if q.group_key is None:
            found[q.group_dim] = None
        elif q.group_dim == "storrelse":
            band = re.fullmatch(r"(\d+)-(\d*)", q.group_key)
            g = sizes.get(q.group_key)
            if band:
                found[q.group_dim] = _size_codes(
                    int(band.group(1)), int(band.group(2)) if band.group(2) else None
                )
            elif g:
                found[q.group_dim] = _size_codes(int(g.get("min") or 1), g.get("max"))
        else:
            options = {o["label"]: o["code"] for o in contract.background()[q.group_dim]["options"]}
            if q.group_key in options:
                found[q.group_dim] = [options[q.group_key]]
    return found


def request_from_question(q, info: dict[str, Any] | None = None) -> tuple[BreakdownRequest, list[str]]:
    """The breakdown an understood question asks for, and the option labels to lead the answer with.

    Uses the question's slots (question_id, items, options, measure, group_dim/group_key) and reads every
    group the text names, so combinations such as landsforening + size band become filters."""
    info = info or knowledge.question(q.question_id)
    item = None
    if contract.qtype(info) == "grid" and len(q.items) == 1:
        item = contract.item_ids_by_label(info).get(contract.fold_label(q.items[0]))
    groups = groups_in(q.text, q)
    order = ("landsforening", "fylke", "storrelse")
    by = [d for d in order if d in groups and groups[d] is None]
    filters = {d: groups[d] for d in order if groups.get(d)}
    measure = "mean" if q.measure == "mean" and info.get("scale") else "share"
    if q.intent == "rank" and info["id"] == "ROLLER_BETYDNING":
        measure = "mean"  # the report ranks the roles by their mean (the scale lacks «stor betydning»)
    by_label = contract.option_codes_by_label(info)
    lead = []
    for label in q.options:
        code = by_label.get(contract.fold_label(label))
        if code is not None:
            lead.append(contract.option_label(info, code))
    labels = [o["label"] for o in info["options"]]
    if not lead and {"Ja", "Nei"} <= set(labels):
        lead = ["Ja"]
    if not lead and q.intent == "rank":  # "størst/høyest …" ranks by the top of the scale
        lead = next((list(pair) for pair in TOP_PAIRS if set(pair) <= set(labels)), [])
    request = BreakdownRequest(
        wave=info["wave"], question_id=info["id"], item=item, by=by, filters=filters, measure=measure
    )
    return request, lead
