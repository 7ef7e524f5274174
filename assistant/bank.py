"""The question bank (knowledge/bank/*.yaml): phrasings users type, each tied to what answers it.

A target is a codebook question (with an item or options), a statement of the report (a quote inside one
of its sentences), a questionnaire entry or a method topic. Phrasings are matched question-to-question
(e5 `query:` on both sides, plus lexical), so a user's wording finds the target even when it shares no
word with the report.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import knowledge
from .normalize import digest, normalize
from .report import split_sentences
from .types import Passage

BANK_DIR = knowledge.KNOWLEDGE / "bank"
ROUTES = ("data", "text", "questionnaire", "method")
NORMS_FILE = "bank_norms.json"  # in the build's index: every phrasing normalised, with `normalize.digest()`


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


_SPACES = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u00ad", "")).strip().lower()


def squashed(passages: list[Passage]) -> list[str]:
    """The passages' texts as `locate` compares them: squash once when locating many quotes."""
    return [_squash(p.text) for p in passages]


@lru_cache(maxsize=4)
def load(index_dir: Path | None = None) -> Bank:
    """The bank. With a build's `index_dir`, a phrasing the build normalised is not normalised again, as
    long as `normalize` reads the same knowledge with the same code as then (its digest); normalising them
    all takes most of a second."""
    norms = _built_norms(index_dir) if index_dir is not None else {}
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
                text = str(p)
                norm = norms.get(text)
                bank.phrasings.append(
                    Phrasing(text, norm if norm is not None else normalize(text), len(bank.targets) - 1)
                )
    return bank


def save_norms(index_dir: Path, bank: Bank) -> None:
    """Write the phrasings' normalised texts for `load(index_dir)` (the build)."""
    norms = {p.text: p.norm for p in bank.phrasings}
    data = {"digest": digest(), "norms": norms}
    (index_dir / NORMS_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _built_norms(index_dir: Path) -> dict[str, str]:
    """The build's normalised phrasings, or {} when they are missing or were normalised otherwise."""
    try:
        data = json.loads((index_dir / NORMS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    norms = data.get("norms") if isinstance(data, dict) else None
    return norms if isinstance(norms, dict) and data.get("digest") == digest() else {}


def locate(quote: str, passages: list[Passage], texts: Iterable[str] | None = None) -> tuple[int, str] | None:
    """The passage and the sentence(s) of the report that hold `quote` (whitespace and case ignored).
    `texts`: the passages `squashed`, for a caller that locates many quotes."""
    want = _squash(quote)
    if texts is None:  # squashed here, up to the passage that holds the quote
        texts = (_squash(p.text) for p in passages)
    for p, text in zip(passages, texts, strict=True):
        if want not in text:
            continue
        sentences = split_sentences(p.text)
        for size in (1, 2, 3):  # the fewest sentences that hold the quote
            for i in range(len(sentences) - size + 1):
                joined = " ".join(sentences[i : i + size])
                if want in _squash(joined):
                    return p.id, joined
        return p.id, p.text
    return None
