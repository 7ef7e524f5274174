"""The one place that chains the steps. Each step is `step(turn, ctx)` over one typed `Turn`:

    claims → briefs → two questions → normalize → understand → followup → route → responses → answer_data → answer_text
    → refusal → confidence → press

A step that cannot answer leaves `turn.answer` empty (and may change the decision: a data question with no
rows falls back to the text); the refusal step answers whatever is left.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import time
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from . import (
    answer_data,
    answer_text,
    bank,
    briefs,
    claims,
    confidence,
    english,
    followup,
    normalize,
    press,
    route,
    settings,
    two_parts,
    two_questions,
    two_waves,
    understand,
)
from .build import DB_NAME, INDEX_DIR
from .compose import refusal
from .embed import make_embedder
from .integrity import ensure_build
from .llm import make_chat_model, rewrite_question
from .match import Matcher
from .report import section_titles, split_sentences
from .responses import hook as responses
from .retrieve import Index
from .sql.execute import Executor
from .state import Turn
from .types import Answer, Question

log = logging.getLogger(__name__)

UNDERSTAND = (normalize.run, understand.run, followup.run)
ANSWER = (
    *UNDERSTAND,
    route.run,
    responses.run,  # respondent-level data, when imported for the wave (issue 9)
    answer_data.run,
    answer_text.run,
    refusal.run,
    confidence.run,
    press.run,
)
# a claim check or a key-figure brief is answered whole (the claim's content by ANSWER); the other steps
# that only understand are skipped once a step has answered
STEPS = (claims.run, briefs.run, two_questions.run, two_waves.run, two_parts.run, *ANSWER)
SKIP_WHEN_ANSWERED = {*UNDERSTAND, route.run}


class Assistant:
    """Answers questions about NHOs Arbeidsmiljøbarometer 2021. One instance serves many threads."""

    def __init__(self, data_dir: Path | None = None, embeddings: str | None = None, chat_model: Any = None):
        """`chat_model`: an optional langchain chat model (default: from the ASSISTANT_LLM settings, usually none)."""
        # the vectors are small (2 081 × 384): BLAS threads only contend with the embedding and other users
        # (measured under load: 16 ms a product with threads, 0.4 ms without)
        threadpool_limits(limits=1, user_api="blas")
        path = ensure_build(data_dir or settings.data_dir())  # manifest checked; heals or raises BuildError
        self.chat_model = chat_model if chat_model is not None else make_chat_model()
        self.executor = Executor(path / DB_NAME)
        index_dir = path / INDEX_DIR
        embedder_file = index_dir / "embedder.txt"
        built_with = embedder_file.read_text().strip() if embedder_file.exists() else "none"
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
        bvec_path = index_dir / "bank.npy"
        bvecs = np.load(bvec_path) if use_vectors and bvec_path.exists() else None
        self.match = Matcher(targets, tvecs, catalogue, bank.load(index_dir), bvecs)
        self.match.attach_statements(self.index.passages)
        self.match.query_vector = self.embedder.cached_query
        self.captions = {p.label: p.text for p in self.index.passages if p.kind == "caption" and p.label}
        ps = self.index.passages
        self.following = {  # the sentences that continue a prose passage in the next one
            a.id: split_sentences(b.text)
            for a, b in zip(ps, ps[1:], strict=False)
            if a.kind == b.kind == "prose" and a.section == b.section
        }
        self.preceding = {  # the sentence before a prose passage, in the passage before it
            b.id: split_sentences(a.text)[-1]
            for a, b in zip(ps, ps[1:], strict=False)
            if a.kind == b.kind == "prose" and a.section == b.section and split_sentences(a.text)
        }
        self.titles = section_titles(self.index.passages)
        self.max_chars = settings.get_int("ASSISTANT_MAX_QUESTION_CHARS")
        self.calibration = confidence.Calibration.load()

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
        """The question's intent and slots after follow-up resolution (no answer)."""
        return self._turn(question, history or [], UNDERSTAND).question  # type: ignore[return-value]

    def close(self) -> None:
        self.executor.close()

    # ------------------------------------------------------------------ chaining
    def _turn(self, question: str, history: list[str], steps, typed: bool = True) -> Turn:
        prev: Question | None = None
        # a question in English is read in bokmål through the glossary (`english.to_norwegian`)
        history = [english.to_norwegian(h) for h in history]
        for h in history:  # the conversation so far, understood turn by turn
            prev = self._run(Turn(raw=h[: self.max_chars], fresh=False, prev=prev), UNDERSTAND).question
        question = english.to_norwegian(question)
        return self._run(Turn(raw=question[: self.max_chars], history=history, prev=prev, typed=typed), steps)

    def _run(self, turn: Turn, steps) -> Turn:
        for step in steps:
            if turn.answer is not None and step in SKIP_WHEN_ANSWERED:
                continue
            step(turn, self)
        return turn

    def answer_question(self, question: str, history: list[str]) -> Answer:
        """The pipeline's answer without the claim and brief front steps (a claim check asks this)."""
        turn = self._turn(question, history, ANSWER, typed=False)
        answer = turn.answer
        assert answer is not None
        # why the pipeline routed as it did: a claim check tells a deliberate refusal from a failed search
        answer._reason = turn.decision.reason if turn.decision is not None else ""  # type: ignore[attr-defined]
        # …and the survey question it was placed on: a claim check reads who that question was asked
        answer._question_id = turn.question.question_id if turn.question is not None else None  # type: ignore[attr-defined]
        return answer

    def _ask(self, question: str, history: list[str]) -> Answer:
        caveats: list[str] = []
        if len(question) > self.max_chars:
            caveats.append(f"Spørsmålet var svært langt; jeg leste bare de første {self.max_chars} tegnene.")
        read_as = english.to_norwegian(question)
        if read_as != question:
            caveats.append(f"Spørsmålet var på engelsk; jeg svarer på norsk og leste det som: «{read_as}»")
        turn = self._turn(question, history, STEPS)
        answer = turn.answer
        assert answer is not None
        if turn.decision is not None and turn.decision.reason == "not_found" and self.chat_model is not None:
            # the language model may reword what the pipeline could not place; the pipeline answers again
            rewritten = rewrite_question(self.chat_model, question)
            if rewritten and rewritten.strip().lower() != question.strip().lower():
                second = self._turn(rewritten, history, STEPS).answer
                if second is not None and second.answerable:
                    second.caveats.insert(0, f"Jeg tolket spørsmålet som: «{rewritten}»")
                    answer = second
        answer.question = question
        q = turn.question
        if q is not None and "own_size_all" in q.inherited and answer.answerable:
            key = next((x.split("=", 1)[1] for x in q.inherited if x.startswith("own_size=")), "")
            band = refusal.band_name(self.match, key)
            caveats.append(f"Rapporten oppgir ikke tallet for {band}; svaret gjelder alle bedriftene.")
        answer.caveats = caveats + answer.caveats
        return answer

    def previous_answer(self, history: list[str]) -> Answer | None:
        """The answer the conversation's last question got (for questions about that answer)."""
        return self._previous(tuple(history)) if history else None

    @functools.lru_cache(maxsize=256)  # noqa: B019  # one Assistant per process
    def _previous(self, history: tuple[str, ...]) -> Answer | None:
        return self._turn(history[-1], list(history[:-1]), STEPS).answer

    @functools.lru_cache(maxsize=256)  # noqa: B019  # one Assistant per process; the words come from the lexicon
    def mentioning(self, words: tuple[str, ...]) -> frozenset[int]:
        """Passages (not tables) that name one of `words`."""
        pattern = re.compile(r"(?<![\wæøå])(" + "|".join(re.escape(w) for w in words) + r")(?![\wæøå])")
        return frozenset(
            p.id for p in self.index.passages if p.kind != "table" and pattern.search(p.text.lower())
        )
