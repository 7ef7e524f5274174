"""Key-figure briefs: «Gi meg tre tall om hjemmekontor» → three to five press sentences, one source each.

The rule, stated in every brief: first the report's own key findings that state a number (section 1
«Sammendrag» and the chapters' key points, in report order), then the largest difference between company
sizes in the published tables, then the tables' headline figures, then the chapter's other figures; one
figure per source (a source twice only when there are too few). Every number is quoted from
the report's text or read from the database through the plan → SQL guard → read-only executor. Which
questions a theme covers is data: the codebook's theme and question `keywords`.
"""

from __future__ import annotations

import re
from typing import Any

from .. import knowledge
from ..charts import chart_for
from ..normalize import normalize, tokens
from ..types import Answer, Passage, Suggestion
from .candidates import (
    KeyFigure,
    difference_figures,
    headline_figures,
    numbers_in,
    prose_key_figures,
    rows_of_question,
    summary_figures,
)
from .request import BriefRequest, Theme, detect, match_theme, theme_words
from .sample import is_survey_theme, sample_figures

__all__ = ["BriefRequest", "KeyFigure", "answer", "choose", "detect", "match_theme"]

RULE = (
    "Slik er tallene valgt: først rapportens egne hovedfunn med tall (sammendraget og kapitlets hovedpunkter), "
    "deretter den største forskjellen mellom bedriftsstørrelser i tabellene, deretter tabellenes hovedtall og "
    "til slutt andre tall i kapitlets tekst; ett tall per kilde. Tallene er sitert fra rapporten eller lest "
    "fra tabellene."
)

SAMPLE_RULE = (
    "Tallene om selve undersøkelsen er lest fra utvalgstallene: hvor mange som ble invitert og svarte i hver "
    "måling (7.2), og hvordan svarene fordeler seg på bedriftsstørrelse og landsforening (Tabell 11 og 10)."
)

# ---------------------------------------------------------------------------------------------- answer


def choose(candidates: list[KeyFigure], count: int) -> list[KeyFigure]:
    """The first `count` candidates in rule order, one per source (a source twice only when there are
    not enough sources)."""
    chosen: list[KeyFigure] = []

    def new_figures(k: KeyFigure) -> bool:  # "1 av 4" quoted twice (summary and chapter) is one figure
        return not numbers_in(k.sentence) <= {n for c in chosen for n in numbers_in(c.sentence)}

    for k in candidates:
        if len(chosen) < count and all(c.source.label != k.source.label for c in chosen) and new_figures(k):
            chosen.append(k)
    for k in candidates:  # too few sources: a second figure from a source, in the same order
        if len(chosen) < count and k not in chosen and new_figures(k):
            chosen.append(k)
    chosen = _with_shares(chosen, candidates, count)
    order = {id(k): i for i, k in enumerate(candidates)}
    return sorted(chosen, key=lambda k: order[id(k)])


# a share as a press text states it: «37 %», «37 prosent», «8 av 10» (not «3 av 4», «2 av 3»)
_SHARE = re.compile(r"(?<![\d,])(\d{1,3}(?:,\d)?)(?= ?(?:%| prosent\b| av 10\b))")


def _with_shares(chosen: list[KeyFigure], candidates: list[KeyFigure], count: int) -> list[KeyFigure]:
    """Fewer distinct shares than figures asked for («3 av 4 … 2 av 3» beside «9 av 10»): the last chosen
    figure without a share gives way to the next candidate, in rule order, that adds one — when the brief
    still cites as many sources."""

    def shares(ks: list[KeyFigure]) -> set[str]:
        return {x for k in ks for x in _SHARE.findall(k.sentence)}

    for i in reversed(range(len(chosen))):
        if len(shares(chosen)) >= count:
            break
        if _SHARE.search(chosen[i].sentence):
            continue
        rest = chosen[:i] + chosen[i + 1 :]
        adds = [k for k in candidates if k not in chosen and len(shares([*rest, k])) > len(shares(chosen))]
        sources = {k.source.label for k in rest}
        # (one from a source not yet cited first: a brief cites as many sources as figures where it can)
        better = next((k for k in adds if k.source.label not in sources), adds[0] if adds else None)
        cited = len({k.source.label for k in chosen})
        if better is not None and len(sources | {better.source.label}) >= min(cited, count):
            chosen = [*rest[:i], better, *rest[i:]]
    return chosen


def answer(
    question: str,
    executor: Any,
    passages: list[Passage],
    titles: dict[str, str],
    request: BriefRequest | None = None,
) -> Answer | None:
    """A key-figure brief, or None when the question does not ask for one (`request`: already detected)."""
    request = request or detect(question)
    if request is None:
        return None
    if is_survey_theme(request.theme):  # the survey itself: its sample and response
        figures, sql = sample_figures(executor)
        return _brief(question, request, figures[: request.count], sql, {}, SAMPLE_RULE) if figures else None
    if WHOLE_REPORT.fullmatch(normalize(request.theme).strip(" ?.!")):
        return _whole_report(question, request, executor, passages, titles)
    parts = [x for x in re.split(r",\s*|\s+og\s+", request.theme) if x.strip()]
    if any(re.search(r"\b(?:med|av|fra|frå|for|om|til|i|på)$", x.strip()) for x in parts):
        parts = [request.theme]  # "kontakt med og nytte av Arbeidstilsynet": two words sharing one actor
    found = [_candidates(x, executor, passages, titles) for x in parts] if len(parts) >= 2 else []
    if len(found) >= 2 and all(f[0] for f in found) and len({_first_qid(f) for f in found}) == len(found):
        # "kontakten med Arbeidstilsynet, NAV Arbeidslivssenter og bedriftshelsetjenesten": each in turn
        candidates = [f[0][i] for i in range(max(len(f[0]) for f in found)) for f in found if i < len(f[0])]
        rows_of = {key: rows for f in found for key, rows in f[2].items()}
        sql = next((f[1] for f in found if f[1]), None)
    else:
        candidates, sql, rows_of = _candidates(request.theme, executor, passages, titles)
    chosen = choose(candidates, request.count)
    if not chosen:
        return _unknown_theme(question, request)
    return _brief(question, request, chosen, sql, rows_of, RULE)


def _first_qid(found: tuple[list[KeyFigure], str | None, dict[tuple[str, str], list[dict[str, Any]]]]) -> str:
    return next((key[0] for key, rows in found[2].items() if rows), "")


def _candidates(
    theme_text: str, executor: Any, passages: list[Passage], titles: dict[str, str]
) -> tuple[list[KeyFigure], str | None, dict[tuple[str, str], list[dict[str, Any]]]]:
    """Key-figure candidates for one theme, in order of preference (see the module's docstring)."""
    qids, chapter = match_theme(theme_text)
    if not qids:
        return [], None, {}
    theme = theme_words(theme_text, chapter)
    sections = {str(q.get("section")) for q in knowledge.questions() if q["id"] in qids and q.get("section")}
    sections |= {chapter} if chapter else set()
    rows_of, sql = {}, None
    for qid in qids:
        for dim in ("total", "storrelse"):
            rows_of[(qid, dim)], query = rows_of_question(executor, qid, dim)
            sql = sql or (query if rows_of[(qid, dim)] else None)
    all_rows = [r for rows in rows_of.values() for r in rows]
    findings = summary_figures(theme, sections, passages, titles, all_rows)
    candidates = [k for k in findings if k.kind == "summary"]  # findings stated with a number
    candidates += difference_figures(rows_of, qids, titles) + headline_figures(rows_of, qids, titles)
    candidates += [k for k in findings if k.kind == "worded"]  # "mer enn halvparten": words, not a figure
    candidates += prose_key_figures(theme, sections, passages, titles)
    return candidates, sql, rows_of


# the report as a whole ("tre nøkkeltall fra rapporten", "hovedfunnene"): one finding from each chapter
WHOLE_REPORT = re.compile(
    r"(?:hele |heile )?(?:rapporten|barometeret|arbeidsmiljøbarometeret|undersøkelsen|undersøkinga|"
    r"nhos arbeidsmiljøbarometer(?: 2021)?|arbeidsmiljøet|arbeidsmiljø)"
)


def _whole_report(
    question: str, request: BriefRequest, executor: Any, passages: list[Passage], titles: dict[str, str]
) -> Answer | None:
    """The summary's findings with a figure, the first of each theme's chapter in turn, each with the most
    specific source (the table that holds its figure, else the chapter's sentence)."""
    themes = [th for th in knowledge.codebook().get("themes") or [] if str(th.get("section") or "") in "3456"]
    rows_of, sql = {}, None
    for q in knowledge.questions():
        rows_of[(q["id"], "total")], query = rows_of_question(executor, q["id"], "total")
        sql = sql or (query if rows_of[(q["id"], "total")] else None)
    all_rows = [r for rows in rows_of.values() for r in rows]
    per_theme = []
    for th in themes:
        words = {t for k in th.get("keywords") or [] for t in tokens(normalize(str(k)))}
        found = summary_figures(Theme(words, set()), {str(th["section"])}, passages, titles, all_rows)
        per_theme.append([k for k in found if k.kind == "summary"])
    candidates: list[KeyFigure] = []
    for i in range(max((len(x) for x in per_theme), default=0)):  # round robin over the chapters
        candidates += [x[i] for x in per_theme if i < len(x)]
    chosen = choose(candidates, request.count)
    if not chosen:
        return None
    return _brief(question, request, chosen, sql, rows_of, RULE)


def _brief(
    question: str,
    request: BriefRequest,
    chosen: list[KeyFigure],
    sql: str | None,
    rows_of: dict[tuple[str, str], list[dict[str, Any]]],
    rule: str,
) -> Answer:
    """The brief's answer: the chosen figures numbered, each with its source, and how they were chosen."""
    name = _as_written(question, request.theme)
    lines = [f"{len(chosen)} nøkkeltall om {name} fra NHOs Arbeidsmiljøbarometer 2021:"]
    if request.theme == "rapporten":  # the whole report: a finding from each theme in turn
        lines = [
            f"{len(chosen)} nøkkeltall fra NHOs Arbeidsmiljøbarometer 2021, fra ulike temaer i rapporten:"
        ]
    lines += [f"{i}. {k.sentence} (Kilde: {k.source.label})" for i, k in enumerate(chosen, 1)]
    text = "\n".join(lines)
    labels = {k.source.label for k in chosen}
    if len(chosen) < request.count:
        text += f"\n\nRapporten har ikke flere enn {len(chosen)} tall fra ulike kilder om dette."
    elif len(labels) < len(chosen):
        text += f"\n\nTallene kommer fra {len(labels)} kilder; rapporten har ikke flere kilder om dette."
    text += f"\n\n{rule}"
    rows = [r for k in chosen for r in k.rows]
    chart_rows = _chart_rows(rows_of, chosen)
    return Answer(
        question=question,
        route="data"
        if any(k.rows and not str(k.rows[0]["source"])[:1].isdigit() for k in chosen)
        else "text",
        answerable=True,
        answer=text,
        sources=[
            k.source
            for i, k in enumerate(chosen)
            if all(c.source.label != k.source.label for c in chosen[:i])
        ],
        sql=sql,
        data=[{k: (v.item() if hasattr(v, "item") else v) for k, v in r.items()} for r in rows] or None,
        chart=chart_for(chart_rows, "rows") if chart_rows else None,
        caveats=[
            "Utvalget er ikke vektet (svarprosent om lag 10 % i 2021 og 13 % i 2022); tallene gjelder "
            "bedriftene som svarte."
        ],
    )


def _as_written(question: str, theme: str) -> str:
    """The theme in the user's own casing ("Arbeidstilsynet"), when it can be found in the question."""
    m = re.search(re.escape(theme), question, re.IGNORECASE)
    return m.group(0) if m else theme


def _chart_rows(
    rows_of: dict[tuple[str, str], list[dict[str, Any]]], chosen: list[KeyFigure]
) -> list[dict[str, Any]]:
    """The chart of the first figure built on a table: the breakdown by size behind a difference, or the
    distribution behind a headline figure."""
    for k in chosen:
        if not k.rows or k.rows[0].get("question_id") is None:
            continue
        r = k.rows[0]
        dim = "storrelse" if k.kind == "difference" else r.get("group_dim") or "total"
        rows = [
            x
            for x in rows_of.get((r["question_id"], dim), [])
            if x["source"] == r["source"] and x["item"] == r["item"]
        ]
        if k.kind == "difference":
            rows = [x for x in rows if x["option"] == r["option"]]
        if rows:
            return rows
    return []


def _unknown_theme(question: str, request: BriefRequest) -> Answer:
    themes = [t for t in knowledge.codebook().get("themes") or [] if t["id"] != "bakgrunn"]
    return Answer(
        question=question,
        route="none",
        answerable=False,
        answer=(
            f"Jeg finner ikke tall om «{request.theme}» i NHOs Arbeidsmiljøbarometer 2021. Rapporten har tall om "
            + ", ".join(t["label"] for t in themes)
            + "."
        ),
        confidence=0.3,
        suggestions=[
            Suggestion(f"Tall om {w}", f"Gi meg tre tall om {w}")
            for w in ("hjemmekontor", "sykefravær", "Arbeidstilsynet")
        ],
    )


def run(turn, ctx) -> None:
    """Pipeline step (first): a request for key figures on a theme gets a brief."""
    if turn.answer is None:
        request = detect(turn.raw)
        if request is None:
            return
        theme = normalize(request.theme)
        found = [pattern for pattern, _why in ctx.match.out_of_scope_words(theme) if pattern.search(theme)]
        rest = theme
        for pattern in found:
            rest = pattern.sub(" ", rest)
        if found and re.search(r"[a-zæøå]{4}", rest):
            # "tallene for BHT-nytte sammenlignet med svenske bedrifter": a theme of the survey set against one
            # it does not cover is refused by the pipeline (a theme wholly outside it, «lønn», gets the brief's
            # own answer: what the report has figures on)
            return
        turn.answer = answer(turn.raw, ctx.executor, ctx.index.passages, ctx.titles, request)
        if turn.answer is not None and turn.answer.answerable and VAGUE.match(normalize(turn.raw).strip()):
            # "tallene for BHT?": figures on a theme, no more said; the brief, and questions that narrow it
            offered = narrower(request.theme, ctx.match)
            if offered:
                turn.answer.suggestions = offered
                turn.answer.answer += "\n\nVil du ha noe mer bestemt? Spør for eksempel:\n" + "\n".join(
                    f"- {s.question}" for s in offered
                )


# a request for figures on a theme and nothing else: no number of them, no purpose, no word of a brief
_THANKS = r"(?:\W+(?:takk|pls|please|tusen takk|på forhånd takk|da|då))?"  # "tall på sykefravær takk"
VAGUE = re.compile(
    r"^(?:(?:har du|har dere|gi meg|gje meg|vis meg|kan du gi meg)\s+)?(?:noen |nokre |nokon |litt |dei |de )?"
    r"(?:tall|tal|tala|talla|tallene|statistikk)\s+(?:for|om|på|fra|frå)\s+[\wæøå-]+(?:\s+(?!takk\b|pls\b)[\wæøå-]+)?"
    rf"{_THANKS}\W*$"
    rf"|^[\wæøå-]+(?:\s+[\wæøå-]+)?\s+(?:tall|tal|tala|tallene){_THANKS}\W*$"
)


def narrower(theme: str, m: Any, limit: int = 3) -> list[Suggestion]:
    """Up to `limit` questions on the theme's survey questions, one each, as the bank phrases them first."""
    qids, chapter = match_theme(theme)
    first: dict[str, str] = {}
    for p in m.bank.phrasings:
        t = m.bank.targets[p.target]
        if t.question_id in qids and t.route != "questionnaire" and t.question_id not in first:
            first[t.question_id] = p.text
    out = []
    for qid in qids:
        if qid in first:
            title = str((knowledge.question(qid) or {}).get("title") or first[qid])
            out.append(Suggestion(label=title[:80], question=first[qid]))
        if len(out) >= limit:
            break
    if len(out) < limit and chapter:
        # a theme whose figures are stated in the text only (sykefravær: the figures are images): the
        # report's statements in its chapter, one phrasing each
        said: set[Any] = set()
        for p in m.bank.phrasings:
            t = m.bank.targets[p.target]
            if (
                t.quote
                and t.section
                and str(t.section).split(".")[0] == chapter
                and t.quote not in said
                and re.search(r"\d+ prosent|\d+ av \d+|halvparten|flertall", str(t.quote))  # a statement with a share
            ):
                said.add(t.quote)
                out.append(Suggestion(label=p.text[:80], question=p.text))
                if len(out) >= limit:
                    break
    return out
