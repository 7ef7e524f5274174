"""The one place that chains the steps: normalize → follow-up → understand → route → SQL/retrieve → compose."""

from __future__ import annotations

import functools
import json
import logging
import math
import re
import time
from pathlib import Path
from typing import Any

import numpy as np

from . import intents, knowledge, settings
from .build import DB_NAME, INDEX_DIR
from .charts import chart_for
from .compose.data import compose_rank, compose_rows, dedupe, sources_for_rows
from .compose.numbers import pct
from .compose.refusal import compose_none
from .compose.text import (
    NUMBER_STATEMENT,
    best_sentences,
    compose_passages,
    compose_questionnaire,
    passage_source,
)
from .embed import make_embedder
from .followup import resolve
from .integrity import ensure_build
from .llm import make_chat_model, rewrite_question
from .normalize import normalize, tokens
from .plan import compile_plan
from .report import section_titles, split_sentences
from .retrieve import Index
from .route import Decision, decide, group_words
from .sql.execute import Executor, QueryError
from .sql.guard import GuardError
from .types import Answer, Question
from .understand import Understander

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


DATE_PATTERN = re.compile(
    r"\d+\.\s*[–-]\s*\d+\.|\d+\. (januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)"
)
METHOD_SECTIONS = {"0", "1", "2.1", "7.1", "7.2", "7.3"}
METHOD_QUERY = {
    "weighting": "vekting vektet vekt utvalget bruttoutvalget nettoutvalget",
    "significance": "statistisk signifikanstesting forskjeller",
    "who": "Agenda Kaupang Kantar oppdrag gjennomføringen datainnsamlingen",
    "dates": "gjennomført perioden",
    "representativeness": "bruttoutvalget nettoutvalget underrepresentert forskjeller",
    "method": "metode spørreskjemabasert undersøkelse utvalg",
}


def _size_words(und: Understander, key: str) -> list[str]:
    """Words the report uses for a size group ("2–9", "de minste", "200 eller flere")."""
    band = und.size_band(key)
    if band is None:
        return []
    lo, hi = band
    return [f"{lo}-{hi}" if hi else f"{lo} eller flere", "ansatte", *group_words(und, "storrelse", key)[1:13]]


class Assistant:
    """Answers questions about NHOs Arbeidsmiljøbarometer 2021. One instance serves many threads."""

    def __init__(self, data_dir: Path | None = None, embeddings: str | None = None, chat_model: Any = None):
        """`chat_model`: an optional langchain chat model (default: from the ASSISTANT_LLM settings, usually none)."""
        path = ensure_build(data_dir or settings.data_dir())  # manifest checked; heals or raises BuildError
        self.chat_model = chat_model if chat_model is not None else make_chat_model()
        self.executor = Executor(path / DB_NAME)
        index_dir = path / INDEX_DIR
        built_with = (
            (index_dir / "embedder.txt").read_text().strip()
            if (index_dir / "embedder.txt").exists()
            else "none"
        )
        self.embedder = make_embedder(embeddings or built_with)
        use_vectors = self.embedder.name == built_with and self.embedder.name != "none"
        self.index = Index.load(index_dir, use_vectors=use_vectors)
        targets = json.loads((index_dir / "targets.json").read_text(encoding="utf-8"))
        tvec_path = index_dir / "targets.npy"
        tvecs = np.load(tvec_path) if use_vectors and tvec_path.exists() else None
        catalogue = self.executor.run(
            "SELECT question_id, item, group_dim, group_label, group_min, group_max, option, source, wave, unit, "
            "from_prose FROM results ORDER BY file, row_order",
            max_rows=1_000_000,
        ).rows
        self.und = Understander(targets, tvecs, catalogue)
        self.captions = {p.label: p.text for p in self.index.passages if p.kind == "caption" and p.label}
        ps = self.index.passages
        self.following = {  # the sentences that continue a prose passage in the next one
            a.id: split_sentences(b.text)
            for a, b in zip(ps, ps[1:], strict=False)
            if a.kind == b.kind == "prose" and a.section == b.section
        }
        self.titles = section_titles(self.index.passages)
        self.max_chars = settings.get_int("ASSISTANT_MAX_QUESTION_CHARS")

    # ------------------------------------------------------------------ public API
    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        t0 = time.perf_counter()
        try:
            answer = self._ask(question or "", history or [])
        except Exception:  # the user always gets a Norwegian answer; details go to the log
            log.exception("Feil under svar på spørsmål")
            answer = Answer(
                question=question or "",
                route="none",
                answerable=False,
                answer="Beklager, noe gikk galt da jeg skulle svare. Prøv å formulere spørsmålet på en annen måte.",
            )
        answer.latency_ms = round((time.perf_counter() - t0) * 1000, 2)
        return answer

    def understand(self, question: str, history: list[str] | None = None) -> Question:
        prev: Question | None = None
        for h in history or []:
            prev = self._understand_one(h, prev, fresh=False)
        return self._understand_one(question, prev, fresh=True)

    # ------------------------------------------------------------------ steps
    def _understand_one(self, raw: str, prev: Question | None, fresh: bool) -> Question:
        raw = raw[: self.max_chars]
        text = re.sub(intents.VERIFY, "", normalize(raw))  # "Kan jeg skrive at X?" asks about X
        has_words = bool(re.search(r"[a-zæøå]{3}", text))
        lazy = LazyVector(lambda: self.embedder.cached_query(text, fresh=fresh) if has_words else None)
        q = self.und.understand(raw, text, lazy)
        q = resolve(q, prev, self.und)
        q._qvec = lazy  # type: ignore[attr-defined]  # reused by retrieval: embed at most once per question
        return q

    def _ask(self, question: str, history: list[str]) -> Answer:
        caveats: list[str] = []
        if len(question) > self.max_chars:
            caveats.append(f"Spørsmålet var svært langt; jeg leste bare de første {self.max_chars} tegnene.")
        answer = self._answer(question, history)
        if (
            answer.route == "none"
            and getattr(answer, "_reason", "") == "not_found"
            and self.chat_model is not None
        ):
            # the language model may reword what the pipeline could not place; the pipeline answers again
            rewritten = rewrite_question(self.chat_model, question)
            if rewritten and rewritten.strip().lower() != question.strip().lower():
                second = self._answer(rewritten, history)
                if second.answerable:
                    second.caveats.insert(0, f"Jeg tolket spørsmålet som: «{rewritten}»")
                    answer = second
        answer.question = question
        answer.caveats = caveats + answer.caveats
        return answer

    def _answer(self, question: str, history: list[str]) -> Answer:
        q = self.understand(question, history)
        decision = decide(q, self.und)
        if decision.route == "data":
            answer = self._data_answer(q, decision)
            if answer is None:
                decision = Decision("text", "fallback", sections=decision.sections, figures=decision.figures)
        if decision.route == "text":
            answer = self._text_answer(q, decision)
        if decision.route == "none":
            answer = self._none_answer(q, decision)
        return answer

    def _data_answer(self, q: Question, d: Decision) -> Answer | None:
        assert d.plan is not None
        sql, params = compile_plan(d.plan)
        try:
            result = self.executor.run(sql, params)
        except (GuardError, QueryError):
            log.exception("SQL refused or failed: %s", sql)
            return None
        rows = result.rows
        if not rows:
            return None
        if d.plan.kind in ("rank_items", "rank_groups"):
            key = "item" if d.plan.kind == "rank_items" else "group_label"
            lines = compose_rank(rows, key, d.plan.options, d.plan.group_dim, d.plan.descending)
            caveats: list[str] = []
            for r in rows[:1]:
                if r.get("note"):
                    caveats.append(r["note"])
        else:
            lines, caveats = compose_rows(q, rows, d.plan.group_dim)
        sources = sources_for_rows(rows, self.captions, self.titles)
        # the report's own sentence about this table/figure, when there is one
        generic = rows[0].get("question_id") == "UTVALG"  # the text on Tabell 9–11 only introduces them
        quote = None if generic or any(r.get("quote") for r in rows) else self._report_sentence(q, rows, d)
        if quote is not None:
            p, sent = quote
            if not any(r.get("quote") and sent in r["quote"] for r in rows):
                lines.append(f"\nRapporten skriver ({p.section_label}):\n\n> «{sent}»")
            src = passage_source(p, sent)
            if all(s.label != src.label for s in sources):
                sources.append(src)
            if d.plan.kind == "rows":
                caveats.extend(_rounding_notes(sent, rows))
        wave = rows[0].get("wave")
        if rows[0].get("question_id") == "ROLLER_BETYDNING":
            caveats.insert(0, SKEWED)
        if rows[0].get("question_id") != "UTVALG":
            caveats.append(UNWEIGHTED)
            if wave in WAVE_CAVEAT:
                caveats.append(WAVE_CAVEAT[wave])
        return Answer(
            question=q.raw,
            route=_route_of(rows),
            answerable=True,
            answer="\n".join(lines).strip(),
            sources=sources,
            sql=_inline_sql(sql, params),
            data=[_jsonable(r) for r in rows],
            chart=chart_for(rows, d.plan.kind),
            caveats=dedupe(caveats),
        )

    def _report_sentence(self, q: Question, rows: list[dict[str, Any]], d: Decision):
        source = rows[0].get("source") or ""
        allowed = {
            p.id
            for p in self.index.passages
            if p.kind == "prose" and (source in p.figures or (source[:1].isdigit() and p.section == source))
        }
        if not allowed:
            return None
        words = " ".join(
            [
                q.text,
                *(r.get("item") or "" for r in rows[:3]),
                *(r.get("group_label") or "" for r in rows[:3]),
            ]
        )
        hits = self.index.search(words, _vector(q, compute=False), k=4, allowed=allowed)
        picked = best_sentences(words, hits, self.index.bm25.idf, limit=1)
        if not picked:
            return None
        return picked[0][0], picked[0][1]

    def _text_answer(self, q: Question, d: Decision) -> Answer:
        if d.reason == "questionnaire":
            matches = self.und.match_questions(self.und.strip_slots(q.text), _vector(q))
            text, sources = compose_questionnaire(q, matches)
            if text:
                return Answer(q.raw, "text", True, text, sources=sources)
            d = Decision("text", "search", sections=["8"])
        boost: dict[int, float] = {}
        for p in self.index.passages if d.reason != "method" else []:  # method text: any method section
            w = 1.0
            if p.section in d.sections:
                w *= 1.6
            elif p.section == "1" or any(p.section.split(".")[0] == x.split(".")[0] for x in d.sections if x):
                w *= 1.2  # the chapter's own summary and the report's summary
            if d.figures and set(p.figures) & set(d.figures):
                w *= 1.4
            if p.kind in ("footnote",) and not d.sections:
                w *= 0.7
            if w != 1.0:
                boost[p.id] = w
        quotable = {p.id for p in self.index.passages if p.kind in ("prose", "footnote")}
        allowed = quotable
        if d.must_mention:
            allowed = {
                i
                for i in self._mentioning(tuple(sorted({w.lower() for w in d.must_mention if w})))
                if not d.sections
                or self.index.passages[i].section in d.sections
                or set(self.index.passages[i].figures) & set(d.figures)
            }
            if not allowed:
                return self._none_answer(q, Decision("none", "group_unpublished", sections=d.sections))
        if d.reason == "method":
            allowed = {i for i in quotable if self.index.passages[i].section in METHOD_SECTIONS}
        expansion = METHOD_QUERY.get(q.method_topic or "", "")
        if q.group_dim == "storrelse" and q.group_key:
            expansion += " " + " ".join(_size_words(self.und, q.group_key))
        if q.wave:
            expansion += " " + {"2021-11": "november 2021", "2022-06": "juni 2022"}[q.wave]
        if q.intent == "rank":
            expansion += " høyest flest størst lavest minst"
        if q.question_id:
            info = knowledge.question(q.question_id) or {}
            expansion += " " + " ".join((info.get("keywords") or [])[:4])
        topic = f"{q.context} {q.text} {' '.join(q.items)}".strip()  # a follow-up keeps its earlier topic
        query = f"{topic} {expansion}"
        hits = self.index.search(query, _vector(q), k=10, allowed=allowed, boost=boost)
        # the best passages anywhere, too: an exact rare word ("skjev") may sit outside the boosted section
        seen = {p.id for p, _ in hits}
        hits += [h for h in self.index.search(query, _vector(q), k=4, allowed=allowed) if h[0].id not in seen]
        picked = best_sentences(
            topic,
            hits,
            self.index.bm25.idf,
            limit=3,
            prefer_total=q.group_dim is None,
            focus=" ".join(q.items),
            must_mention=d.must_mention,
            explain=q.intent == "explain" or bool(re.search(r"\bhvorfor\b", q.text)),
            expansion=expansion,
            prefer=DATE_PATTERN if q.method_topic == "dates" else None,
            want_number=q.intent in ("figure", "rank", "compare") and q.question_id is not None,
            group_words=_size_words(self.und, q.group_key)
            if q.group_dim == "storrelse" and q.group_key
            else None,
            following=self.following,
        )
        if not picked or not self._covers(q, query, picked):
            return self._none_answer(q, Decision("none", "not_found"))
        if (
            d.reason in ("item_prose", "figure_only")
            and q.intent == "figure"
            and q.measure in ("share", "mean")
        ):
            # a figure was asked for; prose without any figure for that item does not answer it
            if not self._mentions_item(q, picked) or not any(
                NUMBER_STATEMENT.search(s) for _p, s, _ in picked
            ):
                return self._none_answer(q, Decision("none", "item_unpublished"))
        text, sources = compose_passages(picked)
        caveats = []
        if q.question_id == "ROLLER_BETYDNING" or any("svarskala" in s.lower() for _p, s, _ in picked):
            caveats.append(SKEWED)
        return Answer(q.raw, "text", True, text, sources=sources, caveats=caveats)

    @functools.lru_cache(maxsize=256)  # noqa: B019  # one Assistant per process; the words come from the lexicon
    def _mentioning(self, words: tuple[str, ...]) -> frozenset[int]:
        """Passages (not tables) that name one of `words`."""
        pattern = re.compile(r"(?<![\wæøå])(" + "|".join(re.escape(w) for w in words) + r")(?![\wæøå])")
        return frozenset(
            p.id for p in self.index.passages if p.kind != "table" and pattern.search(p.text.lower())
        )

    def _mentions_item(self, q: Question, picked) -> bool:
        """The quoted sentences name the item asked about (its own words, not the question's)."""
        if not q.items or not q.question_id:
            return True
        info = knowledge.question(q.question_id) or {}
        others: set[str] = set(tokens(info.get("text", "")))
        for it in info.get("items") or []:
            if it["label"] not in q.items and (it.get("table_label") or "") not in q.items:
                others |= set(tokens(it["label"]))
        own = set(tokens(" ".join(q.items))) - others  # the words that tell this item from its siblings
        return not own or any(own & set(tokens(s)) and NUMBER_STATEMENT.search(s) for _p, s, _ in picked)

    def _covers(self, q: Question, query: str, picked) -> bool:
        """A text answer needs real overlap with the question: most of the weight of the question's own
        words must be found in the quoted sentences (unknown words weigh the most)."""
        idf = self.index.bm25.idf
        unknown = (
            sorted(idf.values())[len(idf) // 2] if idf else 3.0
        )  # an unknown word weighs like a typical one
        own = set(tokens(f"{q.context} {q.text}"))
        found = set().union(*(set(tokens(s)) for _p, s, _ in picked)) | set(tokens(query)) - own
        total = math.fsum(idf.get(t, unknown) for t in own)
        covered = math.fsum(idf.get(t, unknown) for t in own & found)
        if q.intent == "method" or (q.question_id is not None and q.question_score >= 0.45):
            return covered > 0 or q.intent == "method"
        # a question placed on a survey question already has its topic; otherwise most words must be found
        threshold = 0.25 if q.question_id is not None and q.question_score >= 0.35 else 0.4
        return total > 0 and covered / total >= threshold

    def _none_answer(self, q: Question, d: Decision) -> Answer:
        answer = compose_none(self.und, q, d.reason)
        answer._reason = d.reason  # type: ignore[attr-defined]  # not part of the JSON contract
        return answer

    def close(self) -> None:
        self.executor.close()


class LazyVector:
    """The question's embedding, computed on first use: a clear wording match needs none."""

    def __init__(self, compute):
        self._compute = compute
        self._done = False
        self._value = None

    def get(self):
        if not self._done:
            self._value, self._done = self._compute(), True
        return self._value

    def peek(self):
        return self._value if self._done else None


def _vector(q: Question, compute: bool = True):
    lazy = getattr(q, "_qvec", None)
    if lazy is None:
        return None
    return lazy.get() if compute else lazy.peek()


def _rounding_notes(sentence: str, rows: list[dict[str, Any]]) -> list[str]:
    """Where the report's text rounds a table's figure to "N av M", say so: a press text must not mix them.

    >>> _rounding_notes("om lag 1 av 4 bedrifter", [{"item": "", "group_label": "Alle", "option": "Ja", "value": 26.0, "unit": "pct"}])
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


def _route_of(rows: list[dict[str, Any]]) -> str:
    """'data' for numbers from the report's tables and charted figures (and breakdowns); 'text' when every
    number is a whole-sample figure stated only in the prose (data/published/prose.csv), which the answer
    quotes. Either way the numbers are read from the database rows shown with the answer."""
    if rows and all(r.get("file") == "prose.csv" and r.get("group_dim") == "total" for r in rows):
        return "text"
    return "data"


def _inline_sql(sql: str, params: list[Any]) -> str:
    """The SQL as run, with its bound values shown as literals for the reader (it is not re-executed)."""
    out = sql
    for p in params:
        lit = str(p) if isinstance(p, int | float) else "'" + str(p).replace("'", "''") + "'"
        out = out.replace("?", lit, 1)
    return out


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
