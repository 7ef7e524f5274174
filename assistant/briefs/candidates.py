"""Candidate key figures for a theme, in the order of the rule: the report's key findings, the
largest differences between company sizes, the tables' headline figures, the chapter's other figures."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import knowledge
from ..claims.prose import prose_figures
from ..compose.numbers import fmt, n_text
from ..knowledge import WAVE_TEXT
from ..normalize import normalize, tokens
from ..plan import Plan, compile_plan
from ..report import split_sentences
from ..sql.execute import QueryError
from ..sql.guard import GuardError
from ..types import Passage, Source
from .request import Theme

_NOT_AN_ANSWER = re.compile(r"(?i)vet ikke|ikke relevant|ikke aktuelt|\(sum\)|ingen av disse")
_COMPANIES = re.compile(r"(?i)bedrift|virksomhet|verksemd")
_NEUTRAL = re.compile(r"(?i)verken|nøytral|ingen endring|noen grad")
_POSITIVE = (
    ("Nyttig", "Svært nyttig"),
    ("Viktig", "Svært viktig"),
    ("Godt", "Svært godt"),
    ("Delvis enig", "Helt enig"),
    ("Positiv endring",),
)


@dataclass
class KeyFigure:
    sentence: str  # a press sentence (quoted from the report, or composed around database values)
    source: Source
    kind: str  # summary | difference | headline
    rows: list[dict[str, Any]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- candidates


def rows_of_question(executor: Any, qid: str, group_dim: str) -> tuple[list[dict[str, Any]], str | None]:
    """Published rows of one question through the plan, the SQL guard and the read-only executor."""
    sql, params = compile_plan(Plan(kind="rows", question_id=qid, group_dim=group_dim))
    try:
        return executor.run(sql, params).rows, sql
    except (GuardError, QueryError):
        return [], None


@dataclass
class _Sentence:
    text: str
    passage: Passage
    words: set[str]
    figures: list[dict[str, Any]]  # the shares it states (claims.parse.prose_figures)
    question_id: str | None = None  # the survey question the report printed last before it in its section


def _printed_question(sentence: str) -> str | None:
    """The codebook question a sentence of the report reprints ("Har det vært kontakt med NAV
    Arbeidslivssenter i 2021?"): most of the question's words, in a sentence that ends in a question mark."""
    if not sentence.rstrip().endswith("?"):
        return None
    words = set(tokens(normalize(sentence.rsplit(":", 1)[-1])))  # "… følgende spørsmål: Har det vært …?"
    best, best_score = None, 0.75
    for q in knowledge.questions():
        own = set(tokens(normalize(str(q.get("text") or "").split("?")[0])))
        score = min(len(words & own) / max(len(own), 1), len(words & own) / max(len(words), 1) + 0.15)
        if own and score > best_score:
            best, best_score = q["id"], score
    return best


def question_source(s: _Sentence) -> str | None:
    """The chart a body sentence's figure comes from: the one figure that publishes the question the
    report printed before it (the report's charts of that question carry no numbers of their own)."""
    info = knowledge.question(s.question_id) if s.question_id else None
    published = [x for x in (info or {}).get("published_in") or [] if re.match(r"(Figur|Tabell) \d+$", x)]
    return published[0] if len(published) == 1 else None


_SENTENCES: dict[int, tuple[list[_Sentence], list[_Sentence]]] = {}


def _sentences(passages: list[Passage]) -> tuple[list[_Sentence], list[_Sentence]]:
    """(key findings, body sentences with figures), computed once per list of passages. Key findings:
    section 1 from its first «►» finding on, then each chapter's «•» key points and their continuations."""
    cached = _SENTENCES.get(id(passages))
    if cached is not None:
        return cached
    findings: list[_Sentence] = []
    body: list[_Sentence] = []
    summary_started, after_bullet = False, False
    asked: dict[str, str | None] = {}  # per section: the question the report printed last
    for p in passages:
        if p.kind != "prose":
            continue
        text = p.text.strip()
        chapter_intro = bool(re.fullmatch(r"[3-6]\.1", p.section))
        if p.section == "1":
            summary_started = summary_started or text.startswith("►")
            finding = summary_started
        else:
            finding = chapter_intro and (text.startswith("•") or (after_bullet and not text.startswith("►")))
        after_bullet = chapter_intro and text.startswith("•")
        for raw in split_sentences(text):
            sentence = re.sub(r"^[►•]\s*", "", raw).strip()
            printed = _printed_question(sentence)
            if printed:
                asked[p.section] = printed
                continue
            figures = [f for f in prose_figures(sentence) if f["unit"] == "pct"]
            if not _COMPANIES.search(sentence) or not sentence[:1].isupper() and not sentence[:1].isdigit():
                figures = []  # another study's figure ("23 prosent av alle sykefraværstilfeller"), or a fragment
            item = _Sentence(sentence, p, set(tokens(normalize(sentence))), figures, asked.get(p.section))
            if finding:
                findings.append(item)
            elif figures and p.section != "1" and not chapter_intro:
                body.append(item)
    _SENTENCES[id(passages)] = (findings, body)
    return findings, body


def _about(s: _Sentence, theme: Theme) -> bool:
    """A sentence is about the theme when it names the whole theme (any of its words) or every word of
    a named actor ("NAV Arbeidslivssenter", not just "NAV")."""
    return bool(s.words & theme.any_of) or bool(theme.all_of) and theme.all_of <= s.words


def _section_source(p: Passage, titles: dict[str, str], quote: str) -> Source:
    label = "1 Sammendrag" if p.section == "1" else f"{p.section} {titles.get(p.section, '')}".strip()
    return Source(label=label, section=p.section, page=p.page, quote=quote)


def _cited_figure(sentence: str) -> str | None:
    """The one table or figure a sentence refers to ("(figur 25)", "Tabell 3 viser …")."""
    named = set(re.findall(r"\b(tabell|figur) (\d+)\b", sentence.lower()))
    if len(named) == 1:
        kind, number = named.pop()
        return f"{kind.capitalize()} {number}"
    return None


def _previous_sentence(s: _Sentence) -> str:
    """The sentence before this one in its passage ("Tabell 3 viser … Resultatene viser at …")."""
    sentences = split_sentences(s.passage.text)
    i = next((i for i, x in enumerate(sentences) if s.text in x), 0)
    return sentences[i - 1] if i > 0 else ""


def _row_for(s: _Sentence, rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """A published row that holds one of a sentence's figures: the same group, a value the wording allows,
    and at least two of its words in the sentence."""
    best, best_overlap = None, 1
    for f in s.figures:
        if f["high"] - f["low"] > 1:
            continue  # "1 av 4", "om lag halvparten": a rounding, not the printed figure of one row
        for r in rows:
            same_group = (r["group_dim"] == "total") == (f["group_dim"] == "total")
            if r["unit"] != "pct" or not same_group or not f["low"] <= float(r["value"]) <= f["high"]:
                continue
            if f["group_dim"] != "total" and r["group_label"].replace("-", "–") != f["group_label"].replace(
                "-", "–"
            ):
                if not r["group_label"].startswith(f["group_label"][:3]):
                    continue
            title = (knowledge.question(r["question_id"]) or {}).get("title") or ""
            overlap = len(s.words & set(tokens(normalize(f"{r['item'] or ''} {r['option']} {title}"))))
            if overlap > best_overlap:
                best, best_overlap = r, overlap
    return best


def _elaboration(s: _Sentence, body: list[_Sentence], theme: Theme) -> _Sentence | None:
    """The body sentence that states the same figure about the same thing (most of the words shared)."""
    texts = {f["text"] for f in s.figures}
    values = [f["value"] for f in s.figures]
    best, best_score = None, 0.5
    for b in body:
        if not _about(b, theme):
            continue
        same_figure = bool(texts & {f["text"] for f in b.figures})
        # "3 av 10" in the summary is "om lag 1 av 3" in the chapter: the same figure in other words
        close = any(abs(v - f["value"]) <= 4 for v in values for f in b.figures)
        score = len(s.words & b.words) / max(len(s.words), 1) + (0.1 if same_figure or close else -0.1)
        if score > best_score:
            best, best_score = b, score
    return best


def summary_figures(
    theme: Theme,
    sections: set[str],
    passages: list[Passage],
    titles: dict[str, str],
    rows: list[dict[str, Any]],
) -> list[KeyFigure]:
    """The report's key findings about the theme that state a figure, each with the most specific source:
    the published row that holds its figure, else the body sentence that repeats it, else the summary."""
    findings, body = _sentences(passages)
    out: list[KeyFigure] = []
    seen: list[set[str]] = []
    for s in findings:
        in_chapter = s.passage.section != "1" and s.passage.section.split(".")[0] in sections
        if (
            not s.figures
            or not (_about(s, theme) or in_chapter)
            or any(len(s.words & w) >= 0.8 * len(s.words) for w in seen)
        ):
            continue
        seen.append(s.words)
        quote = f"«{s.text.rstrip('.')}.»"
        row = _row_for(s, rows)
        if row is not None:
            label = (
                row["source"]
                if not row["source"][:1].isdigit()
                else f"{row['source']} {titles.get(row['source'], '')}"
            )
            source = Source(
                label=label.strip(), section=row.get("section"), page=row.get("page"), quote=s.text
            )
            out.append(KeyFigure(quote, source, "summary" if numbers_in(s.text) else "worded", [row]))
            continue
        found = _elaboration(s, body, theme)
        if found is not None:
            cited = (
                _cited_figure(found.text)
                or _cited_figure(_previous_sentence(found))
                or question_source(found)
            )
            source = _section_source(found.passage, titles, s.text)
            if cited:
                source.label = cited
        else:
            source = _section_source(s.passage, titles, s.text)
        out.append(KeyFigure(quote, source, "summary" if numbers_in(s.text) else "worded"))
    return out


def prose_key_figures(
    theme: Theme, sections: set[str], passages: list[Passage], titles: dict[str, str]
) -> list[KeyFigure]:
    """Figures the theme's chapter states in its text, in report order (for themes whose charts carry no
    published numbers, such as sykefravær)."""
    _findings, body = _sentences(passages)
    out = []
    for s in body:
        if s.passage.section not in sections and s.passage.section.split(".")[0] not in sections:
            continue
        if not _about(s, theme) and s.passage.section not in sections:
            continue
        source = _section_source(s.passage, titles, s.text)
        cited = _cited_figure(s.text) or question_source(s)
        if cited:
            source.label = cited
        out.append(KeyFigure(f"«{s.text.rstrip('.')}.»", source, "text"))
    return out


def _positive(series: list[dict[str, Any]]) -> list[dict[str, Any]]:
    options = {r["option"]: r for r in series}
    for pair in _POSITIVE:
        if all(o in options for o in pair):
            return [options[o] for o in pair]
        if pair[0] in options:
            return [options[pair[0]]]
    if "Ja" in options:
        return [options["Ja"]]
    return []


def _group_phrase(label: str) -> str:
    """'1–9' → 'bedrifter med 1–9 ansatte'; 'opp til 9 årsverk' → 'bedrifter med opp til 9 årsverk'."""
    if label == "1":
        return "bedrifter med 1 ansatt"
    label = label.replace("-", "–").replace("+", " eller flere")
    return (
        f"bedrifter med {label}" if re.search(r"årsverk|ansatt", label) else f"bedrifter med {label} ansatte"
    )


def difference_figures(
    rows_of: dict[tuple[str, str], list[dict[str, Any]]], qids: list[str], titles: dict[str, str]
) -> list[KeyFigure]:
    """Per question, the item and answer whose share differs most between company sizes (neutral and
    «vet ikke» answers left out), largest difference first."""
    out = []
    for qid in qids:
        rows = rows_of[(qid, "storrelse")]
        series: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        for r in rows:
            if (
                r["unit"] == "pct"
                and not _NOT_AN_ANSWER.search(r["option"] or "")
                and not _NEUTRAL.search(r["option"])
            ):
                series.setdefault((r["source"], r["item"] or "", r["option"]), []).append(r)
        spreads = [
            (max(g, key=lambda r: r["value"]), min(g, key=lambda r: r["value"]))
            for g in series.values()
            if len(g) > 1
        ]
        if not spreads:
            continue
        hi, lo = max(
            spreads, key=lambda hl: (hl[0]["value"] - hl[1]["value"], hl[0]["option"] in ("Nyttig", "Ja"))
        )
        about = f" om «{hi['item']}»" if hi.get("item") else ""
        sentence = (
            f"Størst forskjell mellom store og små: {fmt(hi['value'], 'pct')} av {_group_phrase(hi['group_label'])} "
            f"svarer «{hi['option']}»{about}, mot {fmt(lo['value'], 'pct')} av {_group_phrase(lo['group_label'])} "
            f"({hi['source']}, {WAVE_TEXT.get(hi['wave'], hi['wave'])})."
        )
        label = (
            hi["source"]
            if not hi["source"][:1].isdigit()
            else f"{hi['source']} {titles.get(hi['source'], '')}".strip()
        )
        source = Source(label=label, section=hi.get("section"), page=hi.get("page"), quote=hi.get("quote"))
        out.append(KeyFigure(sentence, source, "difference", [hi, lo]))
    return sorted(out, key=lambda k: -(k.rows[0]["value"] - k.rows[1]["value"]))


def headline_figures(
    rows_of: dict[tuple[str, str], list[dict[str, Any]]], qids: list[str], titles: dict[str, str]
) -> list[KeyFigure]:
    """Per question, the figure for all companies the report puts first: its own merged answer ("55 % har
    ansatte på hjemmekontor"), else the item with the highest share of the positive answer (or «Ja»)."""
    out: list[KeyFigure] = []
    ranks: list[int] = []
    for qid in qids:
        rows = rows_of[(qid, "total")]
        series: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for r in rows:
            series.setdefault((r["source"], r["item"] or ""), []).append(r)
        info = knowledge.question(qid) or {}
        order = {
            src: -i for i, src in enumerate(info.get("published_in") or [])
        }  # its first publication first
        best, best_rank = None, (-1, 0, 0.0)
        for (src, _item), s in series.items():
            merged = [r for r in s if "(sum)" in (r["option"] or "")][:1]  # the report's own merge ("55 %")
            picked, rank = (merged, 3) if merged else (_positive(s), 2)
            if not picked:
                picked = [r for r in s if r["unit"] == "pct" and not _NOT_AN_ANSWER.search(r["option"])][:1]
                picked, rank = (picked, 1) if picked else ([r for r in s if r["unit"] == "mean"][:1], 1)
            key = (rank, order.get(src, -99), sum(r["value"] for r in picked))
            if picked and key > best_rank:
                best, best_rank = picked, key
        if not best:
            continue
        first, total = best[0], round(sum(r["value"] for r in best), 2)
        if len(best) > 1:  # each printed share, and their sum
            answers = " og ".join(f"{fmt(r['value'], 'pct')} «{r['option']}»" for r in best)
            answers += f" (til sammen {fmt(total, 'pct')})"
        else:
            answers = f"{fmt(total, 'pct')} «{first['option'].replace(' (sum)', '')}»"
        about = (
            f" om «{first['item'] or info.get('title') or ''}»"
            if first.get("item") or info.get("title")
            else ""
        )
        n = f", n = {n_text(first['n'])}" if first.get("n") else ""
        when = WAVE_TEXT.get(first["wave"], first["wave"])
        if first["unit"] == "mean":
            sentence = f"«{first['item']}» får gjennomsnittet {fmt(total, 'mean')} på en skala fra 1 til 4 ({first['source']}, {when})."
        else:
            sentence = f"Av bedriftene svarer {answers}{about} ({first['source']}, {when}{n})."
        label = (
            first["source"]
            if not first["source"][:1].isdigit()
            else f"{first['source']} {titles.get(first['source'], '')}".strip()
        )
        source = Source(
            label=label, section=first.get("section"), page=first.get("page"), quote=first.get("quote")
        )
        out.append(KeyFigure(sentence, source, "headline", best))
        ranks.append(best_rank[0])
    return [k for _r, k in sorted(zip(ranks, out, strict=True), key=lambda x: -x[0])]


def numbers_in(sentence: str) -> set[str]:
    """The figures a sentence states (years and size bands aside), to tell a new figure from a repeat."""
    return {re.sub(r"\s+", " ", m) for m in re.findall(r"\d+(?:,\d+)? ?(?:%|prosent|av \d+)", sentence)}
