"""The claim-check step: ask the pipeline for each claim's figures, judge them, and answer with a verdict.

The only part of `assistant.claims` that runs the pipeline. A claim is asked as a question (its content
with the frame stripped); the figures are the answer's data rows plus the figures its quoted report
sentences state; `judge` compares. A claim stating several figures is checked clause by clause, a
pasted draft sentence by sentence (at most MAX_CLAIMS).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .. import knowledge
from ..normalize import normalize, tokens
from ..report import split_sentences
from ..types import Answer, Passage, Source, Suggestion
from .compare import compare_readings
from .detect import MAX_CLAIMS, ClaimRequest, detect
from .judge import MIN_PROSE_FIT, NO_FIGURE, Verdict, judge
from .parse import ParsedClaim, amounts_in, groups_in, parse, side_groups, split_figures, without_groups
from .prose import prose_figures
from .readings import loose, narrow, readings_for, shared, topic_tokens

AnswerFn = Callable[[str, list[str]], Answer]
_FIGURE_LABEL = re.compile(r"^(Tabell|Figur|Fotnote)\s+\d+")
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


def check(
    question: str, history: list[str], answer: AnswerFn, und: Any, passages: list[Passage] | None = None
) -> Answer | None:
    """The answer to a claim check, or None when the question is not one (the pipeline answers it).
    `passages`: the report's text, searched for a statement when the pipeline's answer has no figure."""
    request = detect(question)
    if request is None:
        return None
    if not request.claims:  # "Stemmer det?": the claim may be the previous message
        earlier = detect(history[-1]) if history else None
        claims = (
            earlier.claims if earlier and earlier.claims else [h for h in history[-1:] if parse(h).amounts]
        )
        if not claims:
            return _ask_back(question)
        request = ClaimRequest(question, claims)
    sentences = []
    for s in request.claims:
        clauses = split_figures(s)
        sentences.append(
            (
                s,
                [
                    _check_clause(c, _context_of(clauses, i, und), answer, und, passages or [])
                    for i, c in enumerate(clauses)
                ],
            )
        )
    return _compose(question, request, sentences)


def _context_of(clauses: list[str], i: int, und: Any) -> str | None:
    """For a clause without a topic of its own ("og 3000 i juni 2022", "51 prosent av de største
    bedriftene og …"), the clause that has the most of one, as a question: the pipeline's follow-up context."""
    if len(clauses) < 2:
        return None
    sizes = [len(topic_tokens(parse(und.strip_slots(normalize(c))))) for c in clauses]
    if sizes[i] >= 2:
        return None
    j = max((j for j in range(len(clauses)) if j != i), key=lambda j: (sizes[j], -abs(j - i), -j))
    if sizes[j] < 2 and i == 0:
        return None
    return as_question(parse(clauses[j if sizes[j] >= 2 else 0]))


def strip_frame(text: str) -> str:
    """The claim inside a claim frame ("kan jeg skrive at X" → X); other text unchanged."""
    request = detect(text)
    return " ".join(request.claims) if request and request.claims else text


# ---------------------------------------------------------------------------------------------- figures


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
            key = tuple(sorted((k, str(v)) for k, v in f.items() if k not in ("paragraph", "page")))
            if key not in seen:
                seen[key] = len(out)
                out.append(f)
            elif len(f.get("paragraph") or "") > len(out[seen[key]].get("paragraph") or ""):
                out[seen[key]] = f  # the same sentence with more of its passage around it
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
            found = [{**f, "paragraph": src.quote} for f in prose_figures(sentence, section, src.label, wave)]
            figures += found or [
                {"value": None, "unit": "text", "sentence": sentence, "context": sentence, "source": src.label,
                 "section": section, "section_label": src.label, "group_label": "Alle", "group_dim": "total",
                 "wave": wave, "start": 0}
            ]  # fmt: skip
    return figures


def as_question(p: ParsedClaim) -> str:
    """A claim's content as the question the pipeline answers: its figures become «hvor mange».

    >>> as_question(parse("Hele 30 prosent av bedriftene opplevde bedre produktivitet"))
    'hvor mange av bedriftene opplevde bedre produktivitet'
    >>> as_question(parse("56 prosent av bedriftene med 1–9 ansatte synes kartleggingen var nyttig"))
    'hvor mange av bedriftene (1–9 ansatte) synes kartleggingen var nyttig'
    """
    text = p.text
    for a in sorted(p.amounts, key=lambda a: -a.start):
        text = text[: a.start] + ("" if a.kind == "mean" else "hvor mange") + text[a.end :]
    # a size band written as the report does, "bedrifter (1–9 ansatte)": "… med 1–9 ansatte synes" would
    # read as what the employees think (the survey asked the managements)
    text = _BAND_BEFORE_VERB.sub(r"(\1)", text)
    return re.sub(r"\s+", " ", text).strip()


_BAND_BEFORE_VERB = re.compile(
    r"(?<=[a-zæøå] )med ((?:over |under |minst |flere enn |fleire enn |mer enn )?\d+\s*(?:(?:-|–|til)\s*\d+\s*)?"
    r"(?:eller flere |eller fleire |\+ ?)?(?:ansatte|tilsette|årsverk))(?= [a-zæøå])",
    re.I,
)


_BREAKDOWN = {
    "storrelse": "etter bedriftsstørrelse",
    "landsforening": "etter landsforening",
    "fylke": "etter fylke",
}


def breakdown_question(p: ParsedClaim, strip_slots: Callable[[str], str] = lambda t: t) -> str:
    """Two groups compared ("de små … er mer fornøyde … enn de store"): what is compared, without the
    groups and the comparison, asked as a breakdown by the groups' dimension.

    >>> breakdown_question(parse("de små bedriftene er mer fornøyde med BHT enn de store"))
    'hvor mange er fornøyde med bedriftshelsetjenesten etter bedriftsstørrelse'
    >>> breakdown_question(parse("Færre store enn små bedrifter har hatt tilsyn"))
    'hvor mange har hatt tilsyn etter bedriftsstørrelse'
    """
    sides = []
    superlative = re.compile(r"(?<![\wæøå])" + re.escape(p.superlative or "-") + r"e?(?![\wæøå])", re.I)
    for side in p.sides if p.comparison else (superlative.sub(" ", p.text), ""):
        for a in sorted(amounts_in(side), key=lambda a: -a.start):
            side = side[: a.start] + " " + side[a.end :]
        norm = strip_slots(normalize(side))  # "bedrifter med 200 eller flere ansatte" as a whole
        if not groups_in(norm):  # a bare size word ("enn de store"): a group beside "bedrifter"
            norm = re.sub(r"\s*bedrifter$", "", without_groups(f"{norm} bedrifter"))
        sides.append(without_groups(norm))
    if p.comparator in (
        knowledge.lexicon().get("options") or {}
    ):  # "nyttigere": the comparison is the answer
        sides[0] += f" {p.comparator}"
    content = re.sub(r"\s+", " ", strip_slots(" ".join(sides))).strip()
    content = re.sub(r"^(?:(?:de|dei|av|blant|i|som|at|bedrifter|bedriftene|virksomheter)\s+)+", "", content)
    dim = (side_groups(p.sides[0]) or side_groups(p.sides[1]) or p.groups or [("storrelse",)])[0][0]
    return f"hvor mange {content} {_BREAKDOWN.get(dim, _BREAKDOWN['storrelse'])}".replace("  ", " ")


def _prose_lookup(question: str) -> str:
    """The same question worded so the pipeline quotes the report's prose: naming both waves makes it look
    for the sentences that compare them, and otherwise for the best sentences of the topic's section."""
    text = re.sub(
        r"(?i)\b(i |fra |frå |til )?(november |juni |høsten |sommeren )?(2021|2022)\b", " ", question
    )
    return re.sub(r"\s+", " ", text).strip() + " i november 2021 og juni 2022"


def _check_clause(
    clause: str, previous: str | None, answer: AnswerFn, und: Any, passages: list[Passage]
) -> Checked:
    p = parse(clause)
    if p.other_source:
        return Checked(clause, p, judge(p, []), [])
    question = as_question(p)
    left, right = p.sides
    if (
        p.comparison
        and side_groups(left)
        and side_groups(right)
        or p.superlative
        and p.groups
        and not p.amounts
    ):
        question = breakdown_question(p, und.strip_slots)  # groups compared or ranked: the whole breakdown
    history = [previous] if previous else []
    if history:  # worded as a follow-up so the pipeline keeps the earlier clause's topic
        question = "og " + question
    first = answer(question, history)
    answers, figures = [first], figures_of(first)
    if not first.answerable and first.suggestions:
        # the pipeline asks back: its first guess of what was meant, when that guess is about most of the
        # claim's words ("Hvor mange bedrifter hadde ingen hjemmekontor i november 2021?")
        own = topic_tokens(p)
        guessed = first.suggestions[0].question
        found = shared(own, set(tokens(normalize(guessed))))
        if own and len(found) >= min(2, len(own)) and len(found) >= 0.6 * len(own):
            guess = answer(guessed, history)
            if guess.answerable:
                answers, figures = [guess], figures_of(guess)
    qid = next((f.get("question_id") for f in figures if f.get("question_id")), None)
    if p.superlative and not p.amounts and qid and (info := knowledge.question(qid)):
        # "X er den nyttigste": the ranking needs every item, so ask the survey question itself too
        every = answer(info.get("text") or "", [])
        if every.answerable:
            answers.append(every)
            figures += [f for f in figures_of(every) if f.get("question_id") == qid and f not in figures]
    verdict = _judge_with_options(p, clause, figures, und)
    unsure = (
        verdict.reason in ("no_figure", "wave", "unit", "group") or verdict.fit < 1.0
    )  # a prose figure not fully on topic
    if unsure and not (first.route == "none" and _refused_for_good(first)):
        second = answer(_prose_lookup(question), history)
        if second.answerable:
            again = _judge_with_options(p, clause, merged(figures, figures_of(second)), und)
            if again.verdict != "not_in_report" or verdict.verdict == "not_in_report":
                verdict, answers = again, [first, second]
    if (
        p.waves
        and (verdict.reason in ("no_figure", "wave", "unit") or verdict.fit < 1.0)
        and not (first.route == "none" and _refused_for_good(first))
    ):
        # the figure may be the other wave's ("13 prosent … i juni 2022" when 13 % was November 2021)
        other = answer(_without_waves(question), history)
        if other.answerable:
            again = _judge_with_options(p, clause, merged(figures, figures_of(other)), und)
            if again.verdict != "not_in_report" and again.fit >= verdict.fit:
                verdict, answers = again, [*answers, other]
    if verdict.reason == "comparison":  # "X er nyttigere enn Y", X and Y asked about one by one
        sides = _sides_one_by_one(p, answer, und)
        if sides is not None:
            verdict, answers = sides[0], [*answers, *sides[1]]
    lacking = verdict.verdict == "not_in_report" and verdict.reason in ("no_figure", "group")
    refused = first.route == "none" and _refused_for_good(first)  # another year, a topic not covered
    if passages and not refused and (lacking or verdict.verdict != "not_in_report" and verdict.fit < 1.0):
        # the pipeline's answer has no figure for it, or one not fully on topic: the report's own sentences
        stated = statement_figures(p, passages)
        if stated:
            again = _judge_with_options(p, clause, merged(figures, stated), und)
            if again.verdict != "not_in_report" and (lacking or again.fit > verdict.fit):
                verdict, answers = again, [*answers, _quoted(question, again.figure)]
    if verdict.verdict == "not_in_report" and first.route == "none":
        lead = first.answer.strip().split("\n\n")[0]
        verdict.lead = "Rapporten sier ikke noe om dette. " + re.sub(
            r"^(Rapporten sier ikke noe om dette|Jeg finner ikke noe svar på dette[^.]*)\.?\s*", "", lead
        )
        verdict.lead = verdict.lead.strip()
        if verdict.lead.endswith("dette."):
            verdict.lead = f"Rapporten sier ikke noe om dette: {NO_FIGURE}"
    return Checked(clause, p, verdict, [a for a in answers if a.answerable] or answers)


_LINK = re.compile(
    r"(?:\s+(?:oppleves|opplevast|vurderes|vurderast|anses|blir|ble|er|var|vart|som|sett|synes|syntes|å være))+\s*$",
    re.I,
)


def _sides_one_by_one(p: ParsedClaim, answer: AnswerFn, und: Any) -> tuple[Verdict, list[Answer]] | None:
    """Two things compared on an answer the comparison word names ("BHT oppleves som nyttigere enn NAVs
    digitale oppfølging"): each side asked as its own question ("hvor nyttig er …"), then compared."""
    labels = (knowledge.lexicon().get("options") or {}).get((p.comparator or "").lower()) or []
    if not labels:
        return None  # "flere", "mer": what is compared is not named by the word itself
    base = labels[0].lower()  # "Nyttig" of "nyttigere"
    readings, answers = [], []
    for side in p.sides:
        subject = _LINK.sub("", without_groups(normalize(side))).strip()
        if len(topic_tokens(parse(subject))) < 1:
            return None
        a = answer(f"hvor {base} er {subject}", [])
        sp = parse(f"{subject} er {base}")
        figures = figures_of(a)
        qids = list(dict.fromkeys(f["question_id"] for f in figures if f.get("question_id")))
        sp.options = list(dict.fromkeys(o for q in qids for o in und.match_options(base, q)[0]))
        narrowed, _missing = narrow(sp, figures)
        found = [
            r
            for r in readings_for(sp, narrowed)
            if r.value is not None
            and r.unit == "pct"
            and (r.specific or r.first.get("sentence") is None and r.fit > 1)
            and (not r.first.get("sentence") or r.fit >= MIN_PROSE_FIT)
        ]
        if not found:
            return None
        readings.append(found[0])
        answers.append(a)
    if readings[0].rows == readings[1].rows:
        return None
    return compare_readings(p, readings[0], readings[1]), answers


def _without_waves(question: str) -> str:
    text = re.sub(
        r"(?i)\b(i |fra |frå |til )?(november |juni |høsten |sommeren )?(2021|2022)\b", " ", question
    )
    return re.sub(r"\s+", " ", text).strip()


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
    named = _actors(normalize(p.text))
    out = []
    for f, words in statements:
        if p.groups and f.get("group_dim") != p.groups[0][0] or _actors(normalize(f["sentence"])) - named:
            continue
        found = shared(own, words)
        if len(found) >= 2 and sum(weight[w] for w in found) >= 0.7 * total:
            out.append(f)
    return out


@lru_cache(maxsize=1)
def _actor_patterns() -> list[tuple[str, re.Pattern[str]]]:
    actors = (knowledge.lexicon().get("claims") or {}).get("actors") or []
    return [(a, re.compile(r"(?<![\wæøå])" + re.escape(a) + r"(?![\wæøå])")) for a in actors]


def _actors(norm: str) -> set[str]:
    """The survey's actors a (normalised) text names (lexicon `claims.actors`), a longer name covering
    the shorter ones inside it ("nav arbeidslivssenter" is not also "nav")."""
    found = {a for a, pattern in _actor_patterns() if pattern.search(norm)}
    return {a for a in found if not any(a != b and a in b for b in found)}


def _quoted(question: str, figure: dict[str, Any] | None) -> Answer:
    """The report sentence a verdict rests on, as an answer to cite."""
    f = figure or {}
    sentence = str(f.get("sentence") or "")
    label = str(f.get("section_label") or f.get("source") or "Rapporten")
    return Answer(
        question=question,
        route="text",
        answerable=True,
        answer=f"> «{sentence}»\n>\n> — Rapporten, {label}",
        sources=[Source(label=label, section=f.get("section"), page=f.get("page"), quote=sentence)],
    )


def _refused_for_good(a: Answer) -> bool:
    """A deliberate refusal (another year, a topic the survey does not cover), not a failed search."""
    return getattr(a, "_reason", "") not in ("not_found", "")


def _judge_with_options(p: ParsedClaim, clause: str, figures: list[dict[str, Any]], und: Any) -> Verdict:
    """Judge after reading which answer options the claim is about, in the terms of the question found."""
    qids = list(dict.fromkeys(f["question_id"] for f in figures if f.get("question_id")))

    def options(text: str) -> list[str]:  # a figure may print two questions side by side (Figur 3)
        return list(dict.fromkeys(o for q in qids for o in und.match_options(normalize(text), q)[0]))

    if qids:
        p.options = options(clause)
        if p.comparison:
            available = {str(f["option"]) for f in figures if f.get("option")}
            left, right = (options(side) or direction_options(side, available) for side in p.sides)
            p.side_options = (left, right)
            if not (p.options or left or right) and side_groups(p.sides[0]) and side_groups(p.sides[1]):
                p.options = positive_options(available)  # "mer fornøyde": the favourable answer
    return judge(p, figures)


def positive_options(available: set[str]) -> list[str]:
    """The favourable answer of the figures' scale (lexicon `claims.positive`, first that fits).

    >>> positive_options({"Lite nyttig", "Nyttig", "Verken/eller"}), positive_options({"Ja", "Nei"})
    (['Nyttig'], ['Ja'])
    """
    for labels in (knowledge.lexicon().get("claims") or {}).get("positive") or []:
        found = [o for o in labels if o in available]
        if found:
            return found
    return []


@lru_cache(maxsize=1)
def _directions() -> list[tuple[str, re.Pattern[str]]]:
    found = (knowledge.lexicon().get("claims") or {}).get("directions") or {}
    return [
        (d, re.compile(r"(?<![\wæøå])(" + "|".join(re.escape(w) for w in ws) + r")(?![\wæøå])", re.I))
        for d, ws in found.items()
    ]


def direction_options(side: str, available: set[str]) -> list[str]:
    """The option one side of a comparison names by its direction alone ("… gikk ned enn opp"): the first
    (up) or second (down) option of a pair of opposites (lexicon `claims.opposites`) that the figures have.

    >>> direction_options("opp med hjemmekontor", {"Positiv endring", "Negativ endring", "Ingen endring"})
    ['Positiv endring']
    >>> direction_options("produktiviteten gikk ned", {"Positiv endring", "Negativ endring"})
    ['Negativ endring']
    """
    named = {d for d, pattern in _directions() if pattern.search(side)}
    if len(named) != 1:
        return []  # no direction, or both
    index = 0 if named == {"up"} else 1
    printed = {loose(o): o for o in available}  # the table's own label («… mer støtte og informasjon»)
    for pair in (knowledge.lexicon().get("claims") or {}).get("opposites") or []:
        if all(loose(o) in printed for o in pair):
            return [printed[loose(pair[index])]]
    return []


# ---------------------------------------------------------------------------------------------- answer


def aggregate(verdicts: list[str]) -> str:
    """One verdict for several figures: all hold → supported; none hold → contradicted (or not in the
    report when none is there); some hold → partly.

    >>> aggregate(["supported", "contradicted"]), aggregate(["contradicted", "not_in_report"])
    ('partly', 'contradicted')
    """
    kinds = set(verdicts)
    if kinds == {"supported"}:
        return "supported"
    if kinds == {"not_in_report"}:
        return "not_in_report"
    if "supported" in kinds or "partly" in kinds:
        return "partly"
    return "contradicted"


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
    lead = f"{OPENER[verdict]}. " + " ".join(p if p.endswith(".") else p + "." for p in parts)
    return verdict, lead, corrected if corrected != sentence else None


def _without_opener(lead: str) -> str:
    """A verdict's lead without its «Ja.»/«Nei.» opening, to be quoted inside another lead."""
    body = re.sub(r"^(Ja|Nei|Delvis|Rapporten sier ikke noe om dette)[.,:]?\s*", "", lead)
    body = re.sub(r"^Det stemmer med rapporten:\s*", "", body)
    return body[:1].lower() + body[1:] if body[:2] != body[:2].upper() else body


def _with_correction(lead: str, corrected: str | None) -> str:
    if not corrected:
        return lead
    corrected = corrected.rstrip(". ")
    return f"{lead} Skriv heller: «{corrected}.»"


def _compose(question: str, request: ClaimRequest, sentences: list[tuple[str, list[Checked]]]) -> Answer:
    results = [(s, *_sentence_verdict(s, checked)) for s, checked in sentences]
    verdict = aggregate([v for _s, v, _l, _c in results])
    if len(results) == 1:
        _s, _v, lead, corrected = results[0]
        lines = [_with_correction(lead, corrected)]
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
        lines = [f"{OPENER[verdict]}. {summary} {first_wrong}".strip()]
        lines += [f"- «{s}» – {_with_correction(lead, c)}" for s, _v, lead, c in results]
    answers = [a for _s, checked in sentences for c in checked for a in c.answers]
    caveats: list[str] = []
    if request.unchecked:
        caveats.append(
            f"Jeg sjekker høyst {MAX_CLAIMS} setninger om gangen; disse ble ikke sjekket: "
            + " ".join(f"«{u}»" for u in request.unchecked)
        )
    basis = [a.answer.strip() for a in answers if a.answerable and a.answer.strip()]
    if basis:
        lines.append("**Grunnlag i rapporten:**")
        lines += list(dict.fromkeys(basis))
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
    )


def _ask_back(question: str) -> Answer:
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
