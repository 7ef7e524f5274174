"""The report's figures a claim is judged on: the data rows and quoted sentences of the pipeline's answers
(`figures_of`), and the report's own prose statements that hold most of a claim's words
(`statement_figures`); `quoted` gives the report sentence a verdict rests on as an answer to cite.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from .. import knowledge
from ..normalize import normalize, tokens
from ..report import split_sentences
from ..types import Answer, Passage, Source
from .parse import ParsedClaim
from .prose import prose_figures
from .readings import shared, topic_tokens

_FIGURE_LABEL = re.compile(r"^(Tabell|Figur|Fotnote)\s+\d+")


@lru_cache(maxsize=1)
def _section_waves() -> dict[str, str]:
    """The wave a report section's prose is about, where all its questions share one (chapters 4–6: 2021-11)."""
    waves: dict[str, set[str]] = {}
    for q in knowledge.questions():
        sec = str(q.get("section") or "")
        if not sec:
            continue
        for key in (sec, sec.split(".")[0]):
            waves.setdefault(key, set()).add(q["wave"])
    return {k: next(iter(v)) for k, v in waves.items() if len(v) == 1}


def merged(*lists: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Figures of several answers, each once (two answers often print the same table rows)."""
    out: list[dict[str, Any]] = []
    seen: dict[tuple[Any, ...], int] = {}
    for figures in lists:
        for f in figures:
            key = tuple(
                sorted(
                    (k, str(v)) for k, v in f.items() if k not in ("paragraph", "page", "before", "answered")
                )
            )
            if key not in seen:
                seen[key] = len(out)
                out.append(f)
                continue
            kept = out[seen[key]]
            if len(f.get("paragraph") or "") > len(kept.get("paragraph") or ""):
                kept = out[seen[key]] = {**f, "before": f.get("before") or kept.get("before")}
                # the same sentence with more of its passage around it
            # …still the pipeline's quote for the claim, when either was
            kept["answered"] = (
                max(float(f.get("answered") or 0.0), float(kept.get("answered") or 0.0)) or None
            )
    return out


def figures_of(answer: Answer) -> list[dict[str, Any]]:
    """The report's figures an answer rests on: its data rows, and the figures (or, without any, the
    statements) of the report sentences it quotes."""
    figures: list[dict[str, Any]] = [dict(r) for r in answer.data or []]
    waves = _section_waves()
    for src in answer.sources:
        if not src.quote or _FIGURE_LABEL.match(src.label or ""):
            continue  # a table's caption is a label, not a statement
        section = str(src.section or "")
        wave = waves.get(section) or waves.get(section.split(".")[0])
        for sentence in split_sentences(src.quote):
            found = [
                {
                    **f,
                    "paragraph": src.quote,
                    "before": _text_before(src.quote),
                    "answered": answer.confidence,
                }
                for f in prose_figures(sentence, section, src.label, wave)
            ]
            figures += found or [
                {"value": None, "unit": "text", "sentence": sentence, "context": sentence, "source": src.label,
                 "section": section, "section_label": src.label, "group_label": "Alle", "group_dim": "total",
                 "wave": wave, "start": 0}
            ]  # fmt: skip
    return figures


@lru_cache(maxsize=1)
def _flat_report() -> str:
    return re.sub(r"\s+", " ", knowledge.report_text())


def _text_before(quote: str, chars: int = 400) -> str:
    """The report's text just before a quoted passage (what its figures may be about)."""
    text = _flat_report()
    at = text.find(re.sub(r"\s+", " ", quote)[:80])
    return text[max(0, at - chars) : at] if at > 0 else ""


_STATEMENTS: dict[int, tuple[list[tuple[dict[str, Any], set[str]]], dict[str, float]]] = {}


def _all_statements(
    passages: list[Passage],
) -> tuple[list[tuple[dict[str, Any], set[str]]], dict[str, float]]:
    """Every figure the report's prose states, with its passage as context and the passage's words, and
    how rare each word is among the passages (computed once per list of passages)."""
    cached = _STATEMENTS.get(id(passages))
    if cached is not None:
        return cached
    waves = _section_waves()
    out: list[tuple[dict[str, Any], set[str]]] = []
    counts: dict[str, int] = {}
    prose = [ps for ps in passages if ps.kind == "prose"]
    for ps in prose:
        words = set(tokens(normalize(ps.text)))
        for w in words:
            counts[w] = counts.get(w, 0) + 1
        wave = waves.get(ps.section) or waves.get(ps.section.split(".")[0])
        for sentence in split_sentences(ps.text):
            for f in prose_figures(sentence, ps.section, ps.section_label, wave):
                out.append(({**f, "paragraph": ps.text, "page": ps.page}, words))
    idf = {w: math.log((1 + len(prose)) / (1 + n)) + 1 for w, n in counts.items()}
    _STATEMENTS[id(passages)] = (out, idf)
    return out, idf


def statement_figures(p: ParsedClaim, passages: list[Passage]) -> list[dict[str, Any]]:
    """The report's prose figures about the claim's group (when it names one) whose passage holds most of
    the claim's words, weighted by how rare they are ("NHO Reiseliv (4 av 10)" in the passage about contact
    with NAV Arbeidslivssenter; not a sentence about NAV for a claim about Arbeidstilsynet)."""
    own = topic_tokens(p)
    if len(own) < 2:
        return []
    statements, idf = _all_statements(passages)
    rare = max(idf.values(), default=1.0)
    weight = {w: idf.get(w, rare) for w in own}  # a word the report never uses weighs the most
    total = sum(weight.values())
    named = named_actors(normalize(p.text))
    out = []
    for f, words in statements:
        if p.groups and f.get("group_dim") != p.groups[0][0] or actors(normalize(f["sentence"])) - named:
            continue
        found = shared(own, words)
        if len(found) >= 2 and sum(weight[w] for w in found) >= 0.7 * total:
            out.append(f)
    return out


@lru_cache(maxsize=1)
def _actor_patterns() -> list[tuple[str, re.Pattern[str]]]:
    actors = (knowledge.lexicon().get("claims") or {}).get("actors") or []
    return [(a, re.compile(r"(?<![\wæøå])" + re.escape(a) + r"(?![\wæøå])")) for a in actors]


def actors(norm: str) -> set[str]:
    """The survey's actors a (normalised) text names (lexicon `claims.actors`), a longer name covering
    the shorter ones inside it ("nav arbeidslivssenter" is not also "nav")."""
    found = {a for a, pattern in _actor_patterns() if pattern.search(norm)}
    return {a for a in found if not any(a != b and a in b for b in found)}


def named_actors(norm: str) -> set[str]:
    """The actors a claim names, and the short name of each ("nav" of "nav arbeidslivssenter"): a report
    sentence that says only "NAV" may be about it."""
    named = actors(norm)
    return named | {a for a, _p in _actor_patterns() for b in named if a != b and a in b}


def sentence_figure(ps: Passage, sentence: str, **extra: Any) -> dict[str, Any]:
    """A report sentence a verdict rests on, as a figure without a value (cited with its section)."""
    return {
        "value": None, "unit": "text", "sentence": sentence, "context": sentence, "source": ps.section_label,
        "section": ps.section, "section_label": ps.section_label, "page": ps.page, **extra,
    }  # fmt: skip


def quoted(question: str, figure: dict[str, Any] | None) -> Answer:
    """The report sentence a verdict rests on, as an answer to cite."""
    f = figure or {}
    sentence = str(f.get("sentence") or "").lstrip("►• ")
    label = str(f.get("section_label") or f.get("source") or "Rapporten")
    return Answer(
        question=question,
        route="text",
        answerable=True,
        answer=f"> «{sentence}»\n>\n> — Rapporten, {label}",
        sources=[Source(label=label, section=f.get("section"), page=f.get("page"), quote=sentence)],
    )


VERBATIM_FIT = 0.8  # share of the claim's content words a report sentence must hold to be the claim itself
VERBATIM_BACK = 0.6  # … and share of the sentence's words the claim must hold


def verbatim_statement(p: ParsedClaim, passages: list[Passage]) -> dict[str, Any] | None:
    """The report sentence the claim restates nearly word for word («12 prosent av bedriftene svarer at de ansatte
    tilbringer mindre tid i virksomhetens lokaler enn ledelsen ønsker») with the claim's own figure, or None.
    Such a sentence outranks a table figure found for other words."""
    own = topic_tokens(p)
    if len(own) < 4 or len(p.amounts) != 1:
        return None
    a = p.amounts[0]
    statements, _idf = _all_statements(passages)
    for f, _words in statements:
        if f.get("value") is None or (f.get("unit") == "count") != (a.kind == "count"):
            continue
        if p.negated != bool(re.search(r"\b(ikke|ikkje|ingen)\b", str(f["sentence"]).lower())):
            continue  # "flertallet har ikke hatt dialog …" does not restate "De aller fleste … hadde hatt dialog"
        theirs = {t for t in tokens(normalize(f["sentence"])) if not t.isdigit()}
        if len(shared(own, theirs)) < VERBATIM_FIT * len(own) or len(
            shared(theirs, own)
        ) < VERBATIM_BACK * len(theirs):
            continue  # both ways: the claim holds most of the sentence too (not one item of a list)
        if a.low <= float(f["value"]) <= a.high:
            return f
    return None
