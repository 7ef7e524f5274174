"""The question bank (knowledge/bank/*.yaml): phrasings users type, each tied to what answers it.

A target is a codebook question (with an item or options), a statement of the report (a quote inside one
of its sentences), a questionnaire entry or a method topic. Phrasings are matched question-to-question
(e5 `query:` on both sides, plus lexical), so a user's wording finds the target even when it shares no
word with the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import knowledge
from .normalize import normalize
from .report import split_sentences
from .types import Passage

BANK_DIR = knowledge.KNOWLEDGE / "bank"
ROUTES = ("data", "text", "questionnaire", "method")


@dataclass(frozen=True)
class Target:
    route: str  # data | text | questionnaire | method
    question_id: str | None = None
    item: str | None = None
    options: tuple[str, ...] = ()
    section: str | None = None
    quote: str | None = None  # words inside one sentence of the report (text targets)
    topic: str | None = None  # method topic

    @property
    def key(self) -> str:
        parts = [self.route, self.question_id or "", self.item or "", "|".join(self.options)]
        return "/".join(parts + [self.section or "", self.quote or "", self.topic or ""])


@dataclass
class Phrasing:
    text: str  # as written in the bank
    norm: str  # normalised like a user's question
    target: int  # index into targets


@dataclass
class Bank:
    targets: list[Target] = field(default_factory=list)
    phrasings: list[Phrasing] = field(default_factory=list)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip().lower()


@lru_cache(maxsize=1)
def load() -> Bank:
    bank = Bank()
    for path in sorted(BANK_DIR.glob("*.yaml")):
        for entry in knowledge.load_yaml(path) or []:
            t = entry.get("target") or {}
            target = Target(
                route=str(t.get("route")),
                question_id=t.get("question_id"),
                item=t.get("item"),
                options=tuple(t.get("option") or ()),
                section=str(t["section"]) if t.get("section") is not None else None,
                quote=t.get("quote"),
                topic=t.get("topic"),
            )
            bank.targets.append(target)
            for p in entry.get("phrasings") or []:
                bank.phrasings.append(Phrasing(str(p), normalize(str(p)), len(bank.targets) - 1))
    return bank


def locate(quote: str, passages: list[Passage]) -> tuple[int, str] | None:
    """The passage and the sentence(s) of the report that hold `quote` (whitespace and case ignored)."""
    want = _squash(quote)
    for p in passages:
        if want not in _squash(p.text):
            continue
        sentences = split_sentences(p.text)
        for size in (1, 2, 3):  # the fewest sentences that hold the quote
            for i in range(len(sentences) - size + 1):
                joined = " ".join(sentences[i : i + size])
                if want in _squash(joined):
                    return p.id, joined
        return p.id, p.text
    return None
