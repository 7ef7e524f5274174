"""The answer to a claim check, composed from its clauses' verdicts: one verdict for each sentence and for
the whole (`aggregate`), the lead with the sentence to write instead, and the pipeline's answers it rests
on as the basis, with their sources and caveats; or, with no claim to check, a question asked back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Answer, Source, Suggestion
from .detect import MAX_CLAIMS, ClaimRequest
from .parse import ParsedClaim
from .verdict import Verdict

OPENER = {
    "supported": "Ja",
    "contradicted": "Nei",
    "partly": "Delvis",
    "not_in_report": "Rapporten sier ikke noe om dette",
}
EXAMPLES = [
    (
        "Sjekk et tall om BHT",
        "Stemmer det at 77 prosent av bedriftene har avtale med bedriftshelsetjenesten?",
    ),
    (
        "Sjekk et tall om hjemmekontor",
        "Kan jeg skrive at 55 prosent av bedriftene hadde ansatte på hjemmekontor i juni 2022?",
    ),
    (
        "Sjekk et tall om Arbeidstilsynet",
        "Er det riktig at 1 av 4 bedrifter var i kontakt med Arbeidstilsynet i 2021?",
    ),
]


@dataclass
class Checked:
    """One clause: what it claims, the verdict, and the pipeline's answer it was judged on."""

    clause: str
    parsed: ParsedClaim
    verdict: Verdict
    answers: list[Answer]


def aggregate(verdicts: list[str]) -> str:
    """One verdict for several figures: all hold → supported; none in the report → not in the report; any
    figure wrong → contradicted (a sentence with one wrong figure cannot be published: «Nei, bare delvis»);
    some hold and the rest are not in the report → partly.

    >>> aggregate(["supported", "contradicted"]), aggregate(["supported", "not_in_report"])
    ('contradicted', 'partly')
    """
    kinds = set(verdicts)
    if kinds == {"supported"}:
        return "supported"
    if kinds == {"not_in_report"}:
        return "not_in_report"
    if "contradicted" in kinds:
        return "contradicted"
    return "partly"


def opener(verdict: str, parts: list[str]) -> str:
    """The lead's first words: «Nei, bare delvis» when some of what was claimed holds and some does not."""
    mixed = verdict == "contradicted" and {"supported", "partly"} & set(parts)
    return "Nei, bare delvis" if mixed else OPENER[verdict]


def _sentence_verdict(sentence: str, checked: list[Checked]) -> tuple[str, str, str | None]:
    """(verdict, lead text, corrected sentence) for one sentence of a claim."""
    if len(checked) == 1:
        c = checked[0]
        return c.verdict.verdict, c.verdict.lead, c.verdict.corrected
    verdict = aggregate([c.verdict.verdict for c in checked])
    parts, corrected = [], sentence
    for c in checked:
        status = {
            "supported": "stemmer",
            "contradicted": "stemmer ikke",
            "not_in_report": "finnes ikke i rapporten",
        }
        body = _without_opener(c.verdict.lead)
        parts.append(f"«{c.clause}» {status.get(c.verdict.verdict, 'stemmer delvis')}: {body}")
        if c.verdict.corrected and c.clause in corrected:
            new = c.verdict.corrected
            if not corrected.startswith(c.clause) and c.clause[:1].islower():
                new = new[:1].lower() + new[1:]
            corrected = corrected.replace(c.clause, new, 1)
    lead = f"{opener(verdict, [c.verdict.verdict for c in checked])}. " + " ".join(
        p if p.endswith(".") else p + "." for p in parts
    )
    return verdict, lead, corrected if corrected != sentence else None


def _without_opener(lead: str) -> str:
    """A verdict's lead without its «Ja.»/«Nei.» opening, to be quoted inside another lead."""
    body = re.sub(r"^(Ja|Nei, bare delvis|Nei|Delvis|Rapporten sier ikke noe om dette)[.,:]?\s*", "", lead)
    body = re.sub(r"^Det stemmer med rapporten:\s*", "", body)
    return body[:1].lower() + body[1:] if body[:2] != body[:2].upper() else body


def _with_correction(lead: str, corrected: str | None, claim: str = "") -> str:
    if not corrected or re.sub(r"\W+", " ", corrected).strip().lower() == re.sub(r"\W+", " ", claim).strip().lower():
        return lead  # (a correction that repeats the claim corrects nothing)
    corrected = corrected.rstrip(". ")
    return f"{lead} Skriv heller: «{corrected}.»"


def compose(question: str, request: ClaimRequest, sentences: list[tuple[str, list[Checked]]]) -> Answer:
    results = [(s, *_sentence_verdict(s, checked)) for s, checked in sentences]
    verdict = aggregate([v for _s, v, _l, _c in results])
    if len(results) == 1:
        claim, _v, lead, corrected = results[0]
        lines = [_with_correction(lead, corrected, claim)]
    else:
        held = sum(v == "supported" for _s, v, _l, _c in results)
        first_wrong = next(
            (
                f"Dette stemmer ikke: «{s}» – {_with_correction(_without_opener(lead), c)}"
                for s, v, lead, c in results
                if v != "supported"
            ),
            "",
        )
        summary = f"{held} av {len(results)} påstander stemmer med rapporten."
        lines = [f"{opener(verdict, [v for _s, v, _l, _c in results])}. {summary} {first_wrong}".strip()]
        lines += [f"- «{s}» – {_with_correction(lead, c)}" for s, _v, lead, c in results]
    answers = [a for _s, checked in sentences for c in checked for a in c.answers]
    caveats: list[str] = []
    if request.unchecked:
        caveats.append(
            f"Jeg sjekker høyst {MAX_CLAIMS} setninger om gangen; disse ble ikke sjekket: "
            + " ".join(f"«{u}»" for u in request.unchecked)
        )
    basis = _without_repeats([a.answer.strip() for a in answers if a.answerable and a.answer.strip()])
    if basis:
        lines.append("**Grunnlag i rapporten:**")
        lines += list(dict.fromkeys(basis))
    elif answers and verdict == "not_in_report" and answers[0].suggestions:
        lines.append("\n".join(f"- {s.question}" for s in answers[0].suggestions))
    elif answers and verdict == "not_in_report":
        rest = answers[0].answer.strip().split("\n\n")[1:]
        lines += rest
    sources: list[Source] = []
    for a in answers:
        for s in a.sources:
            if all(x.label != s.label for x in sources):
                sources.append(s)
    for a in answers:
        for c in a.caveats:
            if c not in caveats:
                caveats.append(c)
    routes = [a.route for a in answers]
    data = [r for a in answers for r in a.data or []]
    return Answer(
        question=question,
        route="data" if "data" in routes else "text" if "text" in routes else "none",
        answerable=verdict != "not_in_report",
        answer="\n\n".join(lines),
        sources=sources,
        sql=next((a.sql for a in answers if a.sql), None),
        data=data or None,
        chart=next((a.chart for a in answers if a.chart), None),
        caveats=caveats,
        confidence=min([a.confidence for a in answers] or [1.0]),
        verdict=verdict,
        # a claim not placed in the report: what the pipeline offered instead, as buttons
        suggestions=list(answers[0].suggestions) if verdict == "not_in_report" and answers and not basis else [],
    )


def ask_back(question: str) -> Answer:
    return Answer(
        question=question,
        route="none",
        answerable=False,
        answer=(
            "Hva vil du at jeg skal sjekke? Skriv eller lim inn påstanden du vil kontrollere mot rapporten, "
            "for eksempel: «Stemmer det at 77 prosent av bedriftene har avtale med bedriftshelsetjenesten?»"
        ),
        confidence=0.2,
        suggestions=[Suggestion(label, q) for label, q in EXAMPLES],
    )


def _without_repeats(answers: list[str]) -> list[str]:
    r"""The answers' paragraphs, each quoted report sentence once: a quote that an earlier one already holds
    (the same sentence alone and with the next one) is left out, with its source line.

    >>> _without_repeats(["> «A. B.»\n>\n> — Rapporten, 5.3", "> «A.»\n>\n> — Rapporten, 5.3\n\nTekst."])
    ['> «A. B.»\n>\n> — Rapporten, 5.3', 'Tekst.']
    """
    seen: list[str] = []
    lines_seen: set[str] = set()
    out: list[str] = []
    for answer in answers:
        kept = []
        for block in answer.split("\n\n"):
            quote = re.match(r"> «(.+?)»\n", block, re.S)
            if quote is not None:
                text = quote.group(1)
                if any(text in earlier for earlier in seen):
                    continue
                seen.append(text)
            elif block.lstrip().startswith("- "):  # a list: each line once (two clauses of one wave's facts)
                fresh = [x for x in block.split("\n") if not (x.startswith("- ") and x in lines_seen)]
                lines_seen.update(x for x in fresh if x.startswith("- "))
                if not any(x.startswith("- ") for x in fresh):
                    continue
                block = "\n".join(fresh)
            kept.append(block)
        if kept:
            out.append("\n\n".join(kept))
    return out
