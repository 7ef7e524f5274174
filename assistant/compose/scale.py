"""What the report itself says about a question's answer scale (4.2: "fra 1-4"; 7.3: the scale lacks
«stor betydning», a slip in the coding, so read the averages with care). A question about the scale of a
question gets these sentences first, before the questionnaire's wording."""

from __future__ import annotations

import re

from ..normalize import fold
from ..report import split_sentences
from ..types import Passage, Source

ASKS_SCALE = re.compile(r"\b(?:svar)?skala\w*|\bskalaen\b")
_SCALE_WORDS = re.compile(r"svarskal|svaralternativ|\bskala")


def _its_labels(sentence: str, labels: str) -> bool:
    """A sentence of the question's section that quotes answer labels quotes this question's (the roles'
    «svært liten betydning» is not the scale of «I svært liten grad»)."""
    quoted = [fold(x) for x in re.findall(r"«([^»]+)»", sentence)]
    return not quoted or any(x in labels for x in quoted)


def scale_sentences(passages: list[Passage], info: dict) -> list[tuple[Passage, str]]:
    """Report sentences about the answer scale of the codebook question `info`: in a passage that quotes
    the question, or in the question's own section, and the passages that continue them."""
    head = fold(str(info.get("text") or ""))[:45]
    labels = " | ".join(fold(str(o.get("label") or "")) for o in info.get("options") or [] if isinstance(o, dict))
    section = str(info.get("section") or "")
    found: list[tuple[Passage, str]] = []
    keep_on = False
    for p in passages:
        if p.kind != "prose":
            keep_on = False
            continue
        t = fold(p.text)
        starts = bool(head) and head in t and "svarskal" in t
        own = p.section == section and re.search(r"svarskalaen på spørsmålet", t) is not None
        if starts or own or (keep_on and "svarskal" in t):
            found += [
                (p, s)
                for s in split_sentences(p.text)
                if _SCALE_WORDS.search(fold(s)) and "vedlegg" not in fold(s)  # not "all are in Vedlegg 2"
                and (starts or keep_on or _its_labels(s, labels))
            ]
            keep_on = starts or (keep_on and "svarskal" in t)
        else:
            keep_on = False
    return found


def scale_part(passages: list[Passage], info: dict) -> tuple[str, list[Source]]:
    """The report's sentences about the scale, quoted, with their section as the source ("" when none).
    One section's account: the method chapter's (7.3) when it has one, as it repeats the chapter's "fra 1-4"
    and adds the caveat a question about the scale needs to know."""
    found = scale_sentences(passages, info)
    if not found:
        return "", []
    where = min((p for p, _s in found), key=lambda p: not p.section.startswith("7"))
    said = " ".join(s for p, s in found if p.section == where.section)
    text = f"Rapporten skriver om svarskalaen:\n\n> «{said}»\n>\n> — Rapporten, {where.section_label}"
    return text, [Source(label=where.section, section=where.section, page=where.page, quote=said)]
