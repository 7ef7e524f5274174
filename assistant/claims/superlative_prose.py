"""Claims that one actor is the most useful ("bedriftshelsetjenesten er den aktøren bedriftene syns er
nyttigst i sykefraværsoppfølgingen"), judged on the report's sentence that names the top actor
("Bedriftene vurderer kontakten med bedriftshelsetjenesten som klart nyttigst …"): the same actor
supports the claim, another contradicts it. Figures of one actor's services (Tabell 6) do not rank actors."""

from __future__ import annotations

import re
from typing import Any

from ..normalize import normalize, tokens
from ..report import split_sentences
from ..types import Passage
from .parse import ParsedClaim
from .readings import answer_words, shared, topic_tokens
from .statements import actors
from .verdict import Verdict

_TOP = re.compile(
    r"\b(?:klart |aller )?(?:nyttigst|nyttigaste?|mest nyttige?|viktigst|viktigaste?|mest verdifull)\b"
)
_VERB = re.compile(r"\b(er|var)\b")
_NOT_TOPIC = set(tokens("nyttigst nyttig mest aktør aktøren bedriftene syns synes er den det som"))


def _first_actor(norm: str, end: int) -> tuple[str, int] | None:
    """The one actor the text names before position `end`, with where it stands (None for none or two)."""
    found = [(a, norm.find(a)) for a in actors(norm[:end])]
    return found[0] if len(found) == 1 else None


def _same(a: str, b: str) -> bool:
    ta, tb = set(tokens(a)) - {"nav"}, set(tokens(b)) - {"nav"}
    return bool(ta & tb) or bool(shared(ta, tb))


def judge_actor_superlative(p: ParsedClaim, passages: list[Passage]) -> tuple[Verdict, dict[str, Any]] | None:
    if not p.superlative or p.amounts or p.groups:
        return None
    claim = normalize(p.text)
    top = _TOP.search(claim)
    if top is None:
        return None
    mine = _first_actor(claim, top.start())
    verb = _VERB.search(claim)
    if mine is None or (verb is not None and mine[1] > verb.start()):
        return None  # the actor is not the claim's subject ("X er den BHT-tjenesten som er nyttigst")
    scale = answer_words(set(tokens(claim)))
    own = {w for w in topic_tokens(p) if w not in _NOT_TOPIC} - set(tokens(mine[0]))
    for ps in passages:
        if ps.kind != "prose":
            continue
        for sentence in split_sentences(ps.text):
            norm = normalize(sentence)
            mark = _TOP.search(norm)
            if mark is None or (scale and not answer_words(set(tokens(norm))) & scale):
                continue
            theirs = _first_actor(norm, mark.end())
            if theirs is None:
                continue
            context = set(tokens(norm)) | set(tokens(normalize(ps.section_label)))
            if own and not shared(own, context):
                continue  # another topic than the claim's
            figure = {
                "value": None, "unit": "text", "sentence": sentence, "context": sentence,
                "source": ps.section_label, "section": ps.section, "section_label": ps.section_label,
                "page": ps.page,
            }  # fmt: skip
            where = f"({ps.section_label})"
            if _same(mine[0], theirs[0]):
                return Verdict(
                    "supported", f"Ja. Rapporten skriver: «{sentence}» {where}.", None, figure
                ), figure
            return Verdict(
                "contradicted",
                f"Nei. Rapporten peker på en annen aktør som den nyttigste: «{sentence}» {where}.",
                None,
                figure,
                reason="superlative",
            ), figure
    return None
