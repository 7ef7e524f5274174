"""The claim-check step: ask the pipeline for each claim's figures, judge them, and answer with a verdict.

The only part of `assistant.claims` that runs the pipeline. A claim is asked as a question (its content
with the frame stripped); the figures are the answer's data rows plus the figures its quoted report
sentences state (`statements`); `judge` compares. A claim stating several figures is checked clause by
clause, a pasted draft sentence by sentence (at most MAX_CLAIMS); `compose` puts the verdicts together
into the answer.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from .. import knowledge
from ..knowledge import WAVE_TEXT
from ..normalize import normalize, tokens
from ..report import ALL_COMPANIES, split_sentences
from ..types import Answer, Passage, Source
from .compare import compare_readings
from .compose import Checked, ask_back, compose
from .compose import aggregate as aggregate  # re-exported: tests import it from here
from .dates import judge_dates, judge_operator
from .detect import ClaimRequest, detect
from .judge import MIN_PROSE_FIT, NO_FIGURE, Verdict, _capital, judge, judge_complement
from .method_facts import judge_method_fact, judge_role_scale
from .options import direction_options, positive_options
from .other_study import judge_employee_share
from .parse import (
    ParsedClaim,
    _group_spans,
    _vocab,
    amounts_in,
    groups_in,
    parse,
    side_groups,
    split_figures,
    superlative_forms,
    without_groups,
    without_waves,
)
from .readings import narrow, readings_for, shared, topic_tokens
from .size_prose import judge_size_direction, judge_size_superlative
from .statements import figures_of, merged, quoted, sentence_figure, statement_figures, verbatim_statement
from .superlative_prose import judge_actor_comparison, judge_actor_superlative, judge_association_superlative
from .unknown import unknown_term, unsupported_cause

AnswerFn = Callable[[str, list[str]], Answer]


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
            return ask_back(question)
        request = ClaimRequest(question, claims)
    sentences = []
    for k, s in enumerate(request.claims):
        clauses = split_figures(s)
        clauses = [clauses[0], *(_parallel(clauses[0], c) for c in clauses[1:])] if clauses else clauses

        def context(i: int, cl: list[str] = clauses, k: int = k) -> str | None:
            if k and len(cl) == 1:
                # «… 81 prosent av lederne ønsker … . Faktisk gjelder det 79 prosent.»: a sentence with no
                # topic of its own goes on from the sentence before it
                return _context_of([request.claims[k - 1], cl[0]], 1, und)
            return _context_of(cl, i, und)

        sentences.append(
            (
                s,
                _one_wave(
                    _same_sentence(
                        [
                            _check_clause(c, context(i), answer, und, passages or [], question)
                            for i, c in enumerate(clauses)
                        ]
                    ),
                    lambda c, i, ctx=context: _check_clause(c, ctx(i), answer, und, passages or [], question),
                ),
            )
        )
    return compose(question, request, sentences)


def _one_wave(checked: list[Checked], again: Callable[[str, int], Checked]) -> list[Checked]:
    """ "1713 bedrifter svarte, og svarprosenten var 13 prosent": facts about the sample in one sentence are
    of one wave. A clause naming no wave, judged on another wave's sample figure than the clause before it,
    is checked again in that clause's wave (13 % was June's response rate; November's was 10 %)."""
    for i, c in enumerate(checked[1:], start=1):
        first = checked[i - 1].verdict.figure or {}
        mine = c.verdict.figure or {}
        wave = first.get("wave")
        if (
            not c.parsed.waves
            and first.get("question_id") == mine.get("question_id") == "UTVALG"
            and wave in WAVE_TEXT
            and mine.get("wave") not in (None, wave)
        ):
            checked[i] = again(f"{c.clause.rstrip('. ')} i {WAVE_TEXT[wave]}", i)
    return checked


def _same_sentence(checked: list[Checked]) -> list[Checked]:
    """ "8 prosent av de minste …, mot 2,5 prosent av de større": a clause with no figure found of its own is
    supported by the report sentence that supports the clause beside it when that sentence states the
    clause's figure too («… 8 prosent av dem …, mens 2,5 prosent av de mellomstore og store …»)."""
    for c in checked:
        if c.verdict.verdict != "not_in_report" or len(c.parsed.amounts) != 1:
            continue
        a = c.parsed.amounts[0]
        for other in checked:
            sentence = str((other.verdict.figure or {}).get("sentence") or "")
            if other is c or other.verdict.verdict != "supported" or not sentence:
                continue
            stated = [x for x in parse(sentence).amounts if x.kind == a.kind and x.value == a.value]
            if stated:
                where = (other.verdict.figure or {}).get("section_label") or "rapporten"
                lead = f"Ja. Rapporten skriver: «{sentence.strip()}» ({where})."
                c.verdict = Verdict("supported", lead, None, other.verdict.figure)
                c.answers = c.answers or other.answers
                break
    return checked


def _parallel(first: str, clause: str) -> str:
    """A clause that only names a figure and a group ("mot 15 prosent blant dem med 200 eller flere
    ansatte") says the first clause again for that group: the first clause with its figure and group swapped.

    >>> _parallel("19 prosent av bedriftene med 1–9 ansatte syntes tilsyn var lite nyttig",
    ...           "mot 15 prosent blant dem med 200 eller flere ansatte")
    '15 prosent av bedriftene med 200 eller flere ansatte syntes tilsyn var lite nyttig'
    """
    p1, p2 = parse(first), parse(clause)
    if len(p1.amounts) != 1 or len(p2.amounts) != 1:
        return clause
    about = re.fullmatch(
        rf"\s*(?:mot|og|men|mens)?\s*{re.escape(p2.amounts[0].text)}\s+(om|for)\s+(.+?)\s*[.?!]?\s*", clause, re.I
    )
    said = re.search(r"\s(om|for)\s+(?!.*\s(?:om|for)\s)", first[p1.amounts[0].end :])
    if about and said and not _group_spans(clause.lower()):
        # "46 % svarte «nyttig» om tilsyn uten veiledning, mot 39 % om tilsyn med veiledning": the first clause
        # again, for the other thing named, with its figure
        a1, cut = p1.amounts[0], p1.amounts[0].end + said.end()
        return first[: a1.start] + p2.amounts[0].text + first[a1.end : cut] + about.group(2)
    s1, s2 = _joined_spans(_group_spans(first.lower())), _joined_spans(_group_spans(clause.lower()))
    if len(s1) != 1 or len(s2) != 1 or s1[0][2][0] != s2[0][2][0]:
        return clause
    low = clause.lower()
    (gs0, ge0, _g), (hs0, he0, _h) = s1[0], s2[0]
    s1 = [(*_widen(first.lower(), gs0, ge0), s1[0][2])]
    s2 = [(*_widen(low, hs0, he0), s2[0][2])]
    rest = (low[: s2[0][0]] + " " + low[s2[0][1] :]).replace(p2.amounts[0].text.lower(), " ")  # group, figure
    rest = re.sub(
        r"\b(mot|mens|og|men|blant|hos|i|for|dem|de|dei|med|av|bedriftene|bedrifter|ansatte|årsverk|tilsette)\b",
        " ",
        rest,
    )
    if re.search(r"[a-zæøå]{3,}", rest):
        return clause  # the clause says something of its own
    a1 = p1.amounts[0]
    (gs, ge, _g1), (hs, he, _g2) = s1[0], s2[0]
    tail = re.match(r"\s+(?:ansatte|årsverk|tilsette)\b", clause[he:])
    he += tail.end() if tail and not re.match(r"\s+(?:ansatte|årsverk|tilsette)\b", first[ge:]) else 0
    named = clause[hs:he]
    if not re.search(
        r"\d", named
    ):  # "blant de minste": "av de minste bedriftene", not "bedriftene med de minste"
        before = re.search(r"(?:bedriftene|bedrifter|virksomhetene|verksemdene) med\s*$", first[:gs])
        after = re.match(r"\s*(?:ansatte|årsverk|tilsette)\b", first[ge:])
        gs, ge = (before.start() if before else gs), (ge + after.end() if after else ge)
        named = f"{named} bedriftene" if before else named
    parts = sorted([(a1.start, a1.end, p2.amounts[0].text), (gs, ge, named)], reverse=True)
    if parts[0][0] < parts[1][1]:
        return clause  # the figure and the group overlap
    text = first
    for start, end, new in parts:
        text = text[:start] + new + text[end:]
    return text


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """A group's span with its article, the size word before a band in brackets and the closing bracket
    ("dei minste (1–9)", "dei største bedriftene (200+)")."""
    m = re.search(
        r"(?:\b(?:de|dei)\s+)?(?:\b(?:minste|største|mellomstore|små|store)\s+(?:(?:bedriftene|bedrifter|verksemdene|"
        r"virksomhetene)\s+)?\(\s*)?$",
        text[:start],
    )
    if m and m.group(0).strip():
        start = m.start()
    close = re.match(r"\s*\)", text[end:]) if "(" in text[start:end] else None
    return start, end + (close.end() if close else 0)


def _joined_spans(spans: list) -> list:
    """Group spans side by side as one ("de største bedriftene (200+)": one group named twice)."""
    out: list = []
    for sp in spans:
        if out and sp[0] - out[-1][1] <= 2 and sp[2][0] == out[-1][2][0]:
            out[-1] = (out[-1][0], sp[1], sp[2])
        else:
            out.append(sp)
    return out


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


def as_question(p: ParsedClaim) -> str:
    """A claim's content as the question the pipeline answers: its figures become «hvor mange».

    >>> as_question(parse("Hele 30 prosent av bedriftene opplevde bedre produktivitet"))
    'hvor mange av bedriftene opplevde bedre produktivitet'
    >>> as_question(parse("56 prosent av bedriftene med 1–9 ansatte synes kartleggingen var nyttig"))
    'hvor mange av bedriftene (1–9 ansatte) synes kartleggingen var nyttig'
    """
    text = p.text
    first = min(p.amounts, key=lambda a: a.start) if p.amounts else None
    m = _VERB_FIRST.match(text[: first.start]) if first is not None and first.kind != "mean" else None
    n = _COMPANIES.match(text[first.end :]) if m and first is not None else None
    if m and n and first is not None:
        # "I juni 2022 svarte 1713 bedrifter på …": the figure and its companies first, as a question reads
        rest = text[first.end + n.end() :].strip()
        text = f"hvor mange {n.group(1)} {m.group(2)} {rest} {m.group(1)}".strip()
        return re.sub(r"\s+", " ", text)
    amounts = sorted(p.amounts, key=lambda a: -a.start)
    for a in amounts:
        dash = re.search(r"\s*[–\-:(]\s*$", text[: a.start])
        quant = _vocab()["quant_re"].search(text[: a.start]) if dash else None
        if dash and quant:  # "de fleste … syntes det – 6 av 10": the quantifier's place asks, the figure goes
            text = text[: dash.start()] + text[a.end :].lstrip(")")
            text = text[: quant.start()] + "hvor mange" + text[quant.end() :]
            continue
        text = text[: a.start] + ("" if a.kind == "mean" else "hvor mange") + text[a.end :]
    # a size band written as the report does, "bedrifter (1–9 ansatte)": "… med 1–9 ansatte synes" would
    # read as what the employees think (the survey asked the managements)
    text = _BAND_BEFORE_VERB.sub(r"(\1)", text)
    return re.sub(r"\s+", " ", text).strip()


# a claim that opens with when or where, then its verb, then the figure ("I juni 2022 svarte 1713 …")
_VERB_FIRST = re.compile(
    r"^(.*\S)\s+((?:svarte|svarde|deltok|oppga|oppgav|oppgir|sier|sa|har|hadde|var|er|ble|fikk))\s+$", re.I
)
_COMPANIES = re.compile(r"^\s*((?:NHO-)?(?:bedrift|virksomhet|verksemd|foretak)[a-zæøå]*)\b", re.I)
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
    >>> breakdown_question(parse("dialogmøte 2 er mest nyttig for de minste bedriftene"))
    'hvor mange syns dialogmøte 2 er nyttig etter bedriftsstørrelse'
    """
    sides = []
    for side in p.sides if p.comparison else (superlative_forms(p.superlative or "-").sub(" ", p.text), ""):
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
    content = re.sub(r"(?:\s+(?:for|blant|hos|i|av))+$", "", content)  # "… nyttig for [de minste]"
    if re.match(r"^(?!(?:har|hadde|er|var|syns|synes|mener|oppgir|svarer|svarte|bruker|får|fikk|ser)\b)[\wæøå0-9 -]+? (?:er|var) ", content):
        content = f"syns {content}"  # "dialogmøte 2 er nyttig": how many find it so, not how many meetings
    dim = (side_groups(p.sides[0]) or side_groups(p.sides[1]) or p.groups or [("storrelse",)])[0][0]
    return f"hvor mange {content} {_BREAKDOWN.get(dim, _BREAKDOWN['storrelse'])}".replace("  ", " ")


def _wave_dates_sentence(passages: list[Passage]) -> dict[str, Any]:
    """The method chapter's sentence with the survey's dates (7.2), to cite beside a verdict on them."""
    for p in passages:
        if p.section == "7.2":
            for sentence in split_sentences(p.text):
                if re.search(r"gjennomført \d", sentence):
                    return {"sentence": sentence, "section_label": p.section_label, "source": "7.2"}
    return {"sentence": "", "section_label": "7.2", "source": "7.2"}


def _prose_lookup(question: str) -> str:
    """The same question worded so the pipeline quotes the report's prose: naming both waves makes it look
    for the sentences that compare them, and otherwise for the best sentences of the topic's section."""
    text = re.sub(
        r"(?i)\b(i |fra |frå |til )?(november |juni |høsten |sommeren )?(2021|2022)\b", " ", question
    )
    return re.sub(r"\s+", " ", text).strip() + " i november 2021 og juni 2022"


# a share of the employees ("35 prosent av lønnstakerne", "27 prosent av de ansatte"): not what was measured
_EMPLOYEE_SHARE = re.compile(
    r"(?:prosent|%|av \d+|halvparten|flertallet|de fleste)\s+av\s+(?:de\s+|dei\s+)?(?:ansatte|lønnstakerne|lønnstakere|"
    r"arbeidstakerne|arbeidstakere|medarbeiderne|tilsette|arbeidstakarane)\b",
    re.IGNORECASE,
)


_ASKED_IN = re.compile(
    r"\bspørsmål\w*\b.*\b(stilt|spurt|med)\b|\b(ble|vart) (det |bedriftene )?spurt om\b", re.I
)


def _judge_question_wave(p: ParsedClaim, und: Any) -> tuple[Verdict, Answer] | None:
    """A claim about the wave a question was asked in, judged on the codebook (Vedlegg 2, 7.2), with the
    question's wording to cite (and the tables it is published in)."""
    if p.amounts or len(set(p.waves)) != 1 or not _ASKED_IN.search(p.text) or und is None:
        return None
    topic = und.strip_slots(without_waves(normalize(p.text)))
    ranked = und.match_questions(topic, und.query_vector(topic))
    if not ranked or ranked[0][1] < 0.5:
        return None
    info = knowledge.question(ranked[0][0]) or {}
    asked, claimed = str(info.get("wave") or ""), p.waves[0]
    when = WAVE_TEXT.get(asked, asked)
    text = str(info.get("text") or "")
    figure = {"value": None, "unit": "text", "source": "Vedlegg 2", "section": "8", "section_label": "Vedlegg 2",
              "sentence": text, "context": text}  # fmt: skip
    cited = quoted(p.text, figure)
    cited.sources += [Source(label=str(x), section=str(info.get("section") or ""), page=None, quote=None)
                      for x in info.get("published_in") or []]  # fmt: skip
    name = f"«{text}»" if len(text) >= 25 and not text.endswith("…") else f"om «{info.get('title')}»"
    said = f"spørsmålet {name} ble stilt i {when} (Vedlegg 2)"
    if asked == claimed:
        return Verdict("supported", f"Ja. Det stemmer med rapporten: {said}.", None, figure), cited
    corrected = re.sub(
        r"(?i)\b(i |fra |frå )?(november |juni |høsten |sommeren )?(2021|2022)\b|\bi (november|juni)\b",
        f"i {when}",
        p.text,
        count=1,
    )
    corrected = corrected[:1].upper() + corrected[1:]
    return Verdict(
        "contradicted", f"Nei. {said[0].upper()}{said[1:]}.", corrected, figure, reason="wave"
    ), cited


def _check_clause(
    clause: str, previous: str | None, answer: AnswerFn, und: Any, passages: list[Passage], framed: str = ""
) -> Checked:
    return _whole_base(_judged_clause(_equal_to_other(clause), previous, answer, und, passages, framed))


# "X får like høy skår som Y (3,9)": the figure is Y's, and the claim is that X has it too
_EQUAL = re.compile(
    r"\b(?:like|lika|så|same|samme)\s+(?:høy|høg|stor|mange|mye|mykje|god|bra|viktig|nyttig)\w*"
    r"(?:\s+(?P<noun>[a-zæøå-]+))?\s+som\s+[^,.;()]+?\s*\((?P<figure>[^()]*\d[^()]*)\)",
    re.IGNORECASE,
)


def _equal_to_other(clause: str) -> str:
    """«verneombudet får like høy gjennomsnittsskår som ledelsen (3,9)» → «verneombudet får
    gjennomsnittsskår på 3,9»: the claim holds only if the subject's own figure is the one given.

    >>> _equal_to_other("verneombudet får like høy gjennomsnittsskår som ledelsen (3,9) for betydning")
    'verneombudet får gjennomsnittsskår på 3,9 for betydning'
    """
    m = _EQUAL.search(clause)
    if m is None:
        return clause
    said = f"{m.group('noun')} på {m.group('figure')}" if m.group("noun") else m.group("figure")
    return clause[: m.start()] + said + clause[m.end() :]


# "av alle NHO-bedrifter", "samtlige bedrifter": a claim about every company, not those a question was put to
_EVERY_COMPANY = re.compile(
    r"\b(?:alle|samtlige)\s+(?:de\s+|dei\s+)?(?:nho-?\s?)?(?:bedrift\w*|medlemsbedrift\w*|virksomhet\w*|verksemd\w*|"
    r"nho-bedrift\w*|medlemmer\w*)|\bav\s+(?:alle\s+)?nho-bedriftene\b",
    re.IGNORECASE,
)


def _whole_base(c: Checked) -> Checked:
    """A supported figure credited to all companies when its question was put only to some («6 av 10 … av dem
    som hadde kontakt» written as «60 prosent av alle NHO-bedrifter»): the base is wrong, so it does not hold."""
    if c.verdict.verdict != "supported" or not _EVERY_COMPANY.search(c.clause):
        return c
    qid = next(
        (getattr(a, "_question_id", None) for a in c.answers if getattr(a, "_question_id", None)), None
    )
    info = knowledge.question(qid or "") or {}
    base = info.get("base_filter") or {}
    asked = knowledge.question(str(base.get("question") or "")) or {}
    if not asked:
        return c
    title = str(asked.get("title") or asked.get("text") or base.get("question"))
    lead = (
        f"Nei. Tallet gjelder ikke alle bedrifter, bare dem som fikk spørsmålet: bedriftene som svarte ja på "
        f"«{title}» ({info.get('filter') or 'filter i spørreskjemaet'}). "
        + _capital(re.sub(r"^Det stemmer med rapporten:\s*", "", re.sub(r"^Ja\.\s*", "", c.verdict.lead)))
    )
    return Checked(
        c.clause, c.parsed, Verdict("contradicted", lead, None, c.verdict.figure, reason="base"), c.answers
    )


def _judged_clause(
    clause: str, previous: str | None, answer: AnswerFn, und: Any, passages: list[Passage], framed: str = ""
) -> Checked:
    """One clause's verdict; `framed`: the message as typed, frame included (who the claim credits)."""
    p = parse(clause)
    treated = judge_method_fact(p) or judge_role_scale(p)
    if treated is not None:  # "resultatene er ikke vektet": the method section says so (7.2, 7.3)
        return Checked(clause, p, treated, [quoted(clause, treated.figure)])
    cause, term = unsupported_cause(clause), unknown_term(clause)
    if cause or term:  # "… fordi tjenestene er for dyre", "overtredelsesgebyr": the report never speaks of it
        said = f"årsaken «{cause}»" if cause else f"«{term}»"
        lead = f"Rapporten sier ikke noe om dette: den nevner ikke {said}."
        return Checked(clause, p, Verdict("not_in_report", lead, None, None, reason="unknown"), [])
    uncovered = _not_measured(clause)
    if uncovered:  # "sykefraværet er høyere i store bedrifter": a level the survey never measured
        lead = f"Rapporten sier ikke noe om dette. {uncovered}"
        return Checked(clause, p, Verdict("not_in_report", lead, None, None, reason="out_of_scope"), [])
    employees = _EMPLOYEE_SHARE.search(clause)
    other = (
        judge_employee_share(p, clause, passages, framed)
        if (employees or p.other_source) and p.amounts
        else None
    )
    if p.other_source and other is None:
        return Checked(clause, p, judge(p, []), [])
    if other is not None:  # the report cites another survey of employees on this topic
        return Checked(clause, p, other, [quoted(clause, other.figure)])
    if employees and p.amounts:  # "35 prosent av lønnstakerne …": the survey asked the companies
        cited = next((ps for ps in passages if ps.kind == "prose" and any(
            re.search(rf"(?<![\d,]){int(a.value)} prosent av (de )?(ansatte|lønnstakere)", ps.text) for a in p.amounts)), None)  # fmt: skip
        lead = (
            "Rapporten sier ikke noe om dette: barometeret er besvart av bedriftene, ikke av de ansatte, og måler "
            "ikke andeler av ansatte eller lønnstakere."
        )
        answers: list[Answer] = []
        if cited is not None:
            sentence = next((x for x in split_sentences(cited.text) if re.search(r"\d+ prosent", x)), "")
            lead += f" Tallet er fra en annen undersøkelse som rapporten viser til ({cited.section_label})."
            answers = [quoted(clause, sentence_figure(cited, sentence))]
        return Checked(clause, p, Verdict("not_in_report", lead, None, None, reason="employees"), answers)
    asked = _judge_question_wave(p, und)
    if asked is not None:  # "spørsmålet om X ble stilt i juni 2022": the wave the codebook has it in
        return Checked(clause, p, asked[0], [asked[1]])
    operated = judge_operator(p)
    if operated is not None:  # who carried out a wave: the report's sentence saying so
        section = str((operated.figure or {}).get("section") or "")
        said = next(
            ((ps, x) for ps in passages if ps.section == section for x in split_sentences(ps.text)
             if re.search(r"utført av NHO|Kantar har (stått for|hatt ansvaret for)", x)),
            None,
        )  # fmt: skip
        return Checked(clause, p, operated, [quoted(clause, sentence_figure(*said))] if said else [])
    dated = judge_dates(p)
    if dated is not None:  # when the survey was carried out: the waves' dates (7.2)
        return Checked(clause, p, dated, [quoted(clause, _wave_dates_sentence(passages))])
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
    if p.negated and verdict.verdict == "not_in_report" and re.search(r"\b(ikke|ikkje)\b", question):
        # "… ikke har vært i kontakt": the report may print only the «Ja» share of a yes/no question
        positive = answer(re.sub(r"\b(ikke|ikkje)\s+", "", question, count=1), history)
        if positive.answerable and positive.route == "data":
            again = _judge_with_options(p, clause, figures_of(positive), und)
            if again.verdict != "not_in_report":
                verdict, answers = again, [*answers, positive]
        elif positive.answerable:  # a sentence states the positive share ("1 av 4 … har vært i kontakt")
            rest = judge_complement(p, figures_of(positive))
            if rest is not None:
                verdict, answers = rest, [*answers, positive]
    if verdict.verdict == "not_in_report" and p.amounts and p.amounts[0].kind == "mean":
        # "ledelsen fikk 3,9 på en skala fra 1 til 4": the mean of the item the claim names, asked outright
        for ask in _mean_questions(p):
            again_answer = answer(ask, history)
            if again_answer.answerable and again_answer.data:
                again = _judge_with_options(p, clause, figures_of(again_answer), und)
                if again.verdict != "not_in_report":
                    verdict, answers = again, [again_answer]  # the grounds shown: the mean itself
                    break
    if verdict.reason == "comparison":  # "X er nyttigere enn Y", X and Y asked about one by one
        sides = _sides_one_by_one(p, answer, und)
        if sides is not None:
            verdict, answers = sides[0], [*answers, *sides[1]]
    lacking = verdict.verdict == "not_in_report" and verdict.reason in ("no_figure", "group")
    refused = first.route == "none" and _refused_for_good(first)  # another year, a topic not covered
    # contradicted by one of the report's sentences: another of its sentences on the same subject may state
    # the claim's figure as written ("3 av 10 bedrifter har hatt kontakt …" beside "Om lag 1 av 3 …")
    if passages and not refused and verdict.verdict == "contradicted":
        restated = verbatim_statement(p, passages)  # the claim is the report's own sentence, figure and all
        if restated is not None:  # verbatim_statement returns only a sentence stating the claimed figure
            said = f"Rapporten skriver «{restated['sentence'].strip()}» ({restated.get('section_label')})"
            verdict, answers = (
                Verdict("supported", f"Ja. {said}.", None, restated),
                [quoted(question, restated)],
            )
    if passages and not refused and verdict.verdict == "contradicted" and (verdict.figure or {}).get("item"):
        # "8 av 10 syns BHT er nyttig (i sykefraværsoppfølgingen)", judged on one item of a table: a report
        # sentence holding every word of the claim, with the sentence before it as its context, may state the
        # claim's figure about another measure of the same thing ("Bedriftene har kontakt med … ved
        # oppfølgingen av sykefravær … Bedriftene vurderer kontakten med bedriftshelsetjenesten som klart
        # nyttigst (8 av 10 …)"): the claim holds as the report words it, and the table's figure is noted
        own = topic_tokens(p) - _HOLDING  # (who holds the view is not what it is about)
        unnamed = _item_unnamed(clause, verdict.figure)
        # (every word: "22 prosent … negativ endring i evnen til å lede" is not «1 av 5 … positiv utvikling i sin evne»)
        # (and, for an item the claim names, the answer it claims said beside the figure: «positiv utvikling» is no
        # «negativ endring»)
        answer_said = set(tokens(normalize(" ".join(p.options)))) if p.options and not unnamed else set()
        stated = [
            f for f in statement_figures(p, passages)
            if len(shared(own, set(tokens(normalize(_with_lead_in(f, unnamed)))))) == len(own)
            and (not answer_said or shared(answer_said, set(tokens(normalize(_beside_figure(f))))))
        ]  # fmt: skip
        again = _judge_with_options(p, clause, stated, und) if stated else None
        if again is not None and again.verdict == "supported" and not unnamed:
            # the sentence must state another measure than the table, not round the table's own figure: «om lag
            # halvparten» beside Tabell 3's 48 % is that figure, and the table's is the exact one
            shown_pct = re.search(r"Rapporten viser (\d+) prosent, ikke ", verdict.lead)
            stated_value = (again.figure or {}).get("value")
            if not shown_pct or not isinstance(stated_value, (int, float)) or abs(int(shown_pct.group(1)) - stated_value) < 15:
                again = None
        if again is not None and again.verdict == "supported":
            table, shown = verdict.figure or {}, re.search(r"Rapporten viser (.+?), ikke ", verdict.lead)
            value = f"{shown.group(1)} " if shown else ""
            again.lead = (
                f"{again.lead} Merk: {table.get('source')} har egne tall for hver del, for eksempel "
                f"{value}for «{table.get('item')}»."
                if unnamed
                else f"{again.lead} Merk: {table.get('source')} viser {value}for «{table.get('item')}», fra et "
                f"annet spørsmål i undersøkelsen."
            )
            verdict, answers = again, [quoted(question, again.figure), *answers]
    by_prose = verdict.verdict == "contradicted" and not (verdict.figure or {}).get("question_id")
    if passages and not refused and by_prose and p.amounts:
        again = _judge_with_options(p, clause, merged(figures, statement_figures(p, passages)), und)
        if again.verdict == "supported" and again.fit >= verdict.fit:
            verdict, answers = again, [*answers, quoted(question, again.figure)]
    if passages and not refused and (lacking or verdict.verdict != "not_in_report" and verdict.fit < 1.0):
        # the pipeline's answer has no figure for it, or one not fully on topic: the report's own sentences
        stated = statement_figures(p, passages)
        if stated:
            again = _judge_with_options(p, clause, merged(figures, stated), und)
            if again.verdict != "not_in_report" and (lacking or again.fit > verdict.fit):
                verdict, answers = again, [*answers, quoted(question, again.figure)]
    if verdict.verdict == "not_in_report" and passages and not refused:
        # "mer fornøyd med BHT enn med NAV": the report's sentence naming the most useful actor
        ranked = judge_actor_comparison(p, passages)
        if ranked is not None:
            verdict, answers = ranked[0], [*answers, quoted(question, ranked[1])]
    if verdict.verdict == "not_in_report" and passages and not refused:
        # "lavest andel blant bedrifter med 10–49 ansatte": the report's sentence naming the lowest group
        ranked = judge_size_superlative(p, passages)
        if ranked is not None:
            verdict, answers = ranked[0], [*answers, quoted(question, ranked[1])]
    if verdict.verdict == "not_in_report" and passages and not refused:
        # small against large companies without a figure: the report's sentence that ranks the sizes
        ranked = judge_size_direction(p, passages)
        if ranked is not None:
            verdict, answers = ranked[0], [*answers, quoted(question, ranked[1])]
    if p.comparison and side_groups(left) and side_groups(right) and verdict.verdict != "not_in_report":
        # two groups compared: the pipeline's answer to the comparison as asked names each group's figure
        asked = answer(f"Er det slik at {clause.rstrip('.!?')}?", history)
        if asked.answerable and asked.route == "text" and all(asked.answer != a.answer for a in answers):
            answers = [*answers, asked]
    ranked_actor = (
        judge_actor_superlative(p, passages) or judge_association_superlative(p, passages)
        if passages and not refused
        else None
    )
    from_data = verdict.verdict != "not_in_report" and bool((verdict.figure or {}).get("question_id"))
    if ranked_actor is not None and not (from_data and verdict.reason != "superlative" and p.groups):
        # "X er den nyttigste aktøren": the report's sentence naming the top actor (a group ranked on the
        # data, "Viken er fylket med flest svar", stays judged on the data)
        verdict, answers = ranked_actor[0], [quoted(question, ranked_actor[1]), *answers]
    total = (
        _total_after(verdict, passages) if verdict.verdict == "supported" and p.amounts and passages else None
    )
    if total is not None and not p.groups:
        # "31 prosent oppgir …" is a group's share; the next sentence gives all companies' («For alle
        # bedriftene sett under ett så er denne andelen rundt 22 prosent»): the claim, made of all, is judged on it
        claimed = p.amounts[0]
        if not (claimed.low - 2 <= total[0] <= claimed.high + 2):
            lead = f"Nei. Det gjelder ikke alle bedriftene: rapporten skriver «{total[1].rstrip('.')}»."
            verdict = Verdict("contradicted", lead, None, verdict.figure, reason="group")
    if verdict.verdict == "contradicted" and p.waves and p.amounts and not refused:
        # "55 prosent … i november 2021": the claimed figure may be the other wave's; say so
        verdict.lead = f"{verdict.lead} {_other_wave_note(p, clause, question, history, answer, und)}".strip()
    if verdict.verdict == "not_in_report" and first.route == "none" and first.suggestions:
        # the pipeline asked back: what the claim is about was not understood, so what it may be about is offered
        verdict.lead = (
            "Rapporten sier ikke noe om dette, slik jeg forstod påstanden. Den kan gjelde noe jeg ikke fant; "
            "mente du ett av disse spørsmålene?"
        )
        return Checked(clause, p, verdict, [first])  # (what other lookups found did not bear on it either)
    if verdict.verdict == "not_in_report" and first.route == "none":
        lead = first.answer.strip().split("\n\n")[0]
        rest = re.sub(r"^(Rapporten sier ikke noe om dette|Jeg finner ikke noe svar på dette[^.]*)[.:]?\s*", "", lead)
        verdict.lead = f"Rapporten sier ikke noe om dette. {rest[:1].upper()}{rest[1:]}".strip()
        if verdict.lead.endswith("dette."):
            verdict.lead = f"Rapporten sier ikke noe om dette: {NO_FIGURE}"
    return Checked(clause, p, verdict, [a for a in answers if a.answerable] or answers)


_HOLDING = frozenset(tokens("syntes synes syns mente mener meinte opplevde opplever svarte svarer oppgir oppga"))


def _beside_figure(f: dict[str, Any], words: int = 10) -> str:
    """The words of a stated figure's sentence just around it («1 av 5 bedrifter at de opplever en positiv
    utvikling»): what that figure is a share of."""
    context = str(f.get("context") or f.get("sentence") or "")
    at = f.get("start")
    at = at if isinstance(at, int) and 0 <= at <= len(context) else context.find(str(f.get("text") or ""))
    if at < 0:
        return context
    before = context[:at].split()[-3:]
    return " ".join([*before, *context[at:].split()[:words]])


def _with_lead_in(f: dict[str, Any], alone: bool) -> str:
    """A stated figure's sentence, and unless `alone` the sentence before it in its paragraph (which may say
    what it is about: «… ved oppfølgingen av sykefravær …»)."""
    sentence = str(f.get("sentence") or "")
    if alone:
        return sentence
    sentences = split_sentences(str(f.get("paragraph") or ""))
    at = next((i for i, x in enumerate(sentences) if sentence.strip() and sentence.strip() in x), 0)
    return " ".join(sentences[max(0, at - 1) : at + 1]) or sentence


def _item_unnamed(clause: str, figure: dict[str, Any] | None) -> bool:
    """The figure is one item of a survey question with several, and the claim names none of the item's
    words ("8 av 10 syns BHT er nyttig" judged on Tabell 6's «Arbeidsmiljøkartlegging»)."""
    f = figure or {}
    info = knowledge.question(str(f.get("question_id") or "")) if f.get("item") else None
    if not info or len(info.get("items") or []) < 2:
        return False
    return not shared(set(tokens(normalize(str(f["item"])))), set(tokens(normalize(clause))))


def _other_wave_note(p: ParsedClaim, clause: str, question: str, history: list[str], answer: AnswerFn, und: Any) -> str:
    """«55 prosent er tallet for juni 2022.» when the claim's figure is the other wave's, on the claim's topic."""
    other = answer(_without_waves(question), history)
    if not other.answerable:
        return ""
    again = _judge_with_options(copy.copy(p), clause, figures_of(other), und)
    figure, a = again.figure or {}, p.amounts[0]
    wave, value, where = figure.get("wave"), figure.get("value"), str(figure.get("source") or "")
    # judged on the other wave alone: supported, or «Tallet gjelder juni 2022, ikke november 2021»
    same = again.verdict == "supported" or again.reason == "wave"
    if not same or wave not in WAVE_TEXT or wave in p.waves or again.fit < MIN_PROSE_FIT:
        return ""
    if value is None or not (a.low - 0.5 <= float(value) <= a.high + 0.5):
        return ""  # the other wave's figure is not the claimed one either
    return f"{_capital(a.text.strip())} er tallet for {WAVE_TEXT[wave]}{f' ({where})' if where else ''}."


_LINK = re.compile(
    r"(?:\s+(?:oppleves|opplevast|vurderes|vurderast|anses|blir|ble|er|var|vart|som|sett|synes|syntes|å være))+\s*$",
    re.I,
)


def _sides_one_by_one(p: ParsedClaim, answer: AnswerFn, und: Any) -> tuple[Verdict, list[Answer]] | None:
    """Two things compared on an answer the comparison word names ("BHT oppleves som nyttigere enn NAVs
    digitale oppfølging"): each side asked as its own question ("hvor nyttig er …"), then compared."""
    words = knowledge.lexicon().get("options") or {}
    labels = words.get((p.comparator or "").lower()) or []
    if not labels and (p.comparator or "").lower() in ("mer", "meir", "mindre"):
        # "mer nyttig enn": the word after names the answer ("nyttig")
        after = re.search(rf"\b{re.escape(p.comparator)}\s+([\wæøå]+)", p.text, re.IGNORECASE)
        labels = words.get(after.group(1).lower()) or [] if after else []
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




def _total_after(verdict: Verdict, passages: list[Passage]) -> tuple[float, str] | None:
    """The all-companies share the report gives in the sentence right after the one a verdict rests on."""
    sentence = str((verdict.figure or {}).get("sentence") or "").strip()
    if not sentence:
        return None
    for ps in passages:
        if ps.kind != "prose" or sentence[:40] not in re.sub(r"\s+", " ", ps.text):
            continue
        parts = split_sentences(re.sub(r"\s+", " ", ps.text))
        at = next((i for i, x in enumerate(parts) if sentence[:40] in x), None)
        if at is None or at + 1 >= len(parts) or not ALL_COMPANIES.search(parts[at + 1]):
            return None
        share = re.search(r"(\d+(?:,\d+)?) prosent", parts[at + 1])
        return (float(share.group(1).replace(",", ".")), parts[at + 1].strip()) if share else None
    return None


@lru_cache(maxsize=1)
def _not_measured_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The lexicon's out-of-scope patterns written as expressions (a level of sick leave, wages): specific
    enough to apply to a claim's own words (its plain words, such as "sykefraværet blant", are not)."""
    return tuple(
        (re.compile(w[3:].strip()), str(entry.get("why") or ""))
        for entry in knowledge.lexicon().get("out_of_scope") or []
        for w in entry.get("words") or []
        if isinstance(w, str) and w.startswith("re:")
    )


def _not_measured(clause: str) -> str | None:
    text = normalize(clause)
    return next((why for pattern, why in _not_measured_patterns() if pattern.search(text)), None)


def _mean_questions(p: ParsedClaim) -> list[str]:
    """Questions asking the mean of each item the claim names, of the survey questions the report gives
    means for (the roles' importance, 4.2)."""
    said = set(tokens(normalize(p.text)))
    means = {
        (r["question_id"], r["item"]) for r in knowledge.published() if r["unit"] == "mean" and r["item"]
    }
    out = []
    for qid, item in sorted(means):
        info = knowledge.question(qid) or {}
        names = [item] + [
            a for it in info.get("items") or [] if it.get("label") == item for a in it.get("aliases") or []
        ]
        if any(set(tokens(normalize(n))) and set(tokens(normalize(n))) <= said for n in names):
            out.append(f"Hva er gjennomsnittet for «{item}» i «{info.get('title') or info.get('text')}»?")
    return out


def _without_waves(question: str) -> str:
    text = re.sub(
        r"(?i)\b(i |fra |frå |til )?(november |juni |høsten |sommeren )?(2021|2022)\b", " ", question
    )
    return re.sub(r"\s+", " ", text).strip()


def _refused_for_good(a: Answer) -> bool:
    """A deliberate refusal (another year, a topic the survey does not cover), not a failed search."""
    return getattr(a, "_reason", "") in _DELIBERATE


# the pipeline's refusals that no other lookup may overrule: a topic or year the survey does not cover, or
# text that is no question; a table without the group or item asked for may still have a report sentence
_DELIBERATE = frozenset({"out_of_scope", "injection", "code", "english", "smalltalk", "empty"})


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
        elif not p.options and p.amounts and not p.groups:
            # "nesten én av fem … ga mer kreativitet": the direction names the answer (Positiv endring)
            rest = clause
            for a in p.amounts:
                rest = rest.replace(a.text, " ")
            p.options = direction_options(rest, {str(f["option"]) for f in figures if f.get("option")})
        elif p.superlative and p.groups and not p.options and not p.amounts:
            # "de minste er de mest fornøyde": the favourable answer, group against group
            p.options = positive_options({str(f["option"]) for f in figures if f.get("option")})
    return judge(p, figures)
