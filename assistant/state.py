"""The typed state one question carries through the pipeline, and the resources the steps read.

Each step is a function `step(turn, ctx)` that reads what earlier steps filled in and fills in its own
fields; `pipeline.py` only chains them (as sqlglot's optimizer runs its RULES).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from .types import Answer, Question

if TYPE_CHECKING:
    import numpy as np

    from .confidence import Calibration
    from .embed import Embedder, LazyVector
    from .match import Matcher
    from .retrieve import Index
    from .route import Decision
    from .sql.execute import Executor


@dataclass
class Turn:
    """One question on its way through the pipeline."""

    raw: str  # as typed (cut to the length limit)
    history: list[str] = field(default_factory=list)  # earlier questions of the conversation
    fresh: bool = True  # the question asked now, not a history turn re-read for context
    text: str = ""  # normalised: lower-case bokmål, lexicon applied, claim frame removed
    vector: LazyVector | None = None  # the question's embedding, computed at most once and only if needed
    prev: Question | None = None  # the previous turn, understood
    question: Question | None = None  # intent and slots
    decision: Decision | None = None  # route and plan
    answer: Answer | None = None  # set by the step that answers; later steps only add to it
    caveats: list[str] = field(default_factory=list)  # caveats found before an answer exists
    exclude: int | None = None  # a bank phrasing left out of the bank (fitting the calibration only)
    typed: bool = True  # worded by the user, not a question a claim check words for its lookups

    def qvec(self, compute: bool = True) -> np.ndarray | None:
        if self.vector is None:
            return None
        return self.vector.get() if compute else self.vector.peek()


class Context(Protocol):
    """What the steps read: the built database, the index and the matcher (an `Assistant` provides them)."""

    match: Matcher
    index: Index
    executor: Executor
    embedder: Embedder
    captions: dict[str, str]
    titles: dict[str, str]
    following: dict[int, list[str]]
    preceding: dict[int, str]
    max_chars: int
    calibration: Calibration

    def mentioning(self, words: tuple[str, ...]) -> frozenset[int]: ...

    def previous_answer(self, history: list[str]) -> Answer | None: ...
