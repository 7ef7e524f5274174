"""Compose text answers (quoted passages), questionnaire answers (from the codebook) and refusals."""

from __future__ import annotations

import math
import re

from .. import intents, knowledge
from ..knowledge import WAVE_TEXT
from ..match.questions import scales_named
from ..normalize import tokens
from ..report import ALL_COMPANIES, split_sentences
from ..types import Passage, Question, Source
from .numbers import n_text


def _digit_ratio(s: str) -> float:
    toks = s.split()
    return sum(1 for t in toks if re.fullmatch(r"[\d,.%–-]+", t)) / max(len(toks), 1)


SIZE_MENTION = re.compile(
    r"\d+\s*[–-]\s*\d+\s*(\)\s*)?ansatte|\d+ eller flere|flere enn \d+|\d+ årsverk|"
    r"(de )?(store|største|små|minste|mellomstore) bedrift|"
    # landsforeninger and counties are groups too: a sentence about them does not answer for all companies
    r"\blandsforening(ene|er)?\b|\bfylke(ne|r)?\b"
)


EXPLANATION = re.compile(
    r"(Dette|Det) (kan|indikerer|tyder|betyr|innebærer)|Resultatet (har|kan|er)|Resultatene (indikerer|tyder)|Trolig|Samtidig kan"
)
_QUESTION_WORDING = re.compile(
    r"følgende spørsmål|\?\s*»?$|^Vi (ber|har (derfor )?(spurt|stilt))", re.IGNORECASE
)
CONCLUSION = re.compile(r"\b(tyder på|kan tyde på|indikerer|viser at det er behov)\b", re.IGNORECASE)
CAUSAL = re.compile(r"\b(fordi|siden|ettersom|på grunn av|pålagt|trolig|årsak|skyldes)\b", re.IGNORECASE)
BECAUSE_BEFORE = re.compile(r"\bderfor\b|på bakgrunn av dette|med bakgrunn i", re.IGNORECASE)
_GROUP_TOKENS = frozenset(
    tokens(
        "små store mellomstore minste største ansatte årsverk flere færre tilsette landsforeninger landsforening"
    )
)


def _only_group_words(qtok: set[str], sentence: str) -> bool:
    """The sentence shares words with the question, but only which companies («små», «ansatte»)."""
    shared = qtok & set(tokens(sentence))
    return bool(shared) and shared <= _GROUP_TOKENS


_HIGH_END = re.compile(r"\b(høyest\w*|størst\w*|flest|mest|største)\b")
_LOW_END = re.compile(r"\b(lavest\w*|minst|minste|færrest)\b")
ANAPHOR = re.compile(
    r"(Utfordringen|Dette|Denne|Disse|Andelen|Det samme|Mønsteret|Tilsvarende|Resultatet|Slike|Slik endring|Samme)\b"
)
_DEFINITION = re.compile(r"^(hva er|hva betyr|hva menes med|hva innebærer) (.+)$")
NUMBER_STATEMENT = re.compile(
    r"\d+\s*(%|prosent)|\d+ av \d+|\d,\d|halvparten|flertall|de fleste|de aller fleste|færrest|flest",
    re.IGNORECASE,
)


_FINITE = re.compile(
    r"\b(er|var|har|hadde|ble|blir|kan|vil|skal|må|oppgir|svarer|svarte|viser|opplever|vurderer|mener|"
    r"gjelder|finner|ser|peker|tyder|ligger|utgjør|sier|rapporterer|oppleves|vurderes|bruker|brukte)\b",
    re.IGNORECASE,
)


def _is_label(sentence: str) -> bool:
    """A short line without a verb: an entry of a list or a heading, not a finding to quote.

    >>> _is_label("► NAVs dialogmøte 2."), _is_label("Dialog med den som sykemelder (vanligvis lege)."), _is_label("8 av 10 svarer dette.")
    (True, True, False)
    """
    return len(sentence.split()) <= 8 and not _FINITE.search(sentence)



def best_sentences(
    question: str,
    passages: list[tuple[Passage, float]],
    idf: dict[str, float],
    limit: int = 3,
    prefer_total: bool = False,
    focus: str = "",
    must_mention: list[str] | None = None,
    explain: bool = False,
    expansion: str = "",
    prefer: re.Pattern[str] | None = None,
    want_number: bool = False,
    group_words: list[str] | None = None,
    following: dict[int, list[str]] | None = None,
    preceding: dict[int, str] | None = None,
) -> list[tuple[Passage, str, float]]:
    """The sentences that best answer the question, from the top passages, scored by weighted overlap.

    The user's words count fully, the asked item's words double, expansion words (topic hints) a third.
    Captions are labels, not statements, so they are never quoted. With `prefer_total`, a sentence about
    one size group ranks below one about all companies; with `must_mention`, sentences naming one of those
    groups rank first. An explanation is quoted together with the finding it explains.
    """
    qtok = set(tokens(question))
    ftok = set(tokens(focus))
    # what the question is about, apart from which companies: a sentence that shares none of it answers
    # another question («… kontakt med Arbeidstilsynet … små bedrifter …» for one about home office)
    topic = {t for t in qtok | ftok if t not in _GROUP_TOKENS and not t[:1].isdigit()}
    xtok = set(tokens(expansion)) - qtok
    mention = [
        re.compile(r"(?<![\wæøå])" + re.escape(w.lower()) + r"(?![\wæøå])") for w in must_mention or [] if w
    ]
    group_res = [
        re.compile(r"(?<![\wæøå])" + re.escape(w.lower()) + r"(?![\wæøå])")
        for w in group_words or []
        if w and w.lower() != "ansatte"  # the word alone names no group
    ]
    definition = _DEFINITION.match(question.strip().lower().split("?")[0])
    term = (
        re.sub(r"^(egentlig|eigentleg|nå|no|da|så) ", "", definition.group(2).strip(" ?"))
        if definition
        else None
    )
    asked_scales = scales_named(question.lower()) - {"yesno"}  # "hvor nyttig …" asks about usefulness
    # "hvilke … har minst …": the low end asked for, not the high end (and the other way round)
    low, high = bool(_LOW_END.search(question.lower())), bool(_HIGH_END.search(question.lower()))
    asked_end, other_end = (
        (_LOW_END, _HIGH_END)
        if low and not high
        else (_HIGH_END, _LOW_END)
        if high and not low
        else (None, None)
    )
    scored: list[tuple[float, int, int, Passage, str]] = []
    for rank, (p, _score) in enumerate(passages):
        if p.kind in ("chart", "table", "caption", "questionnaire", "codebook"):
            continue
        own_sentences = split_sentences(p.text)
        # an explanation may start the next passage of the same section ("Dette kan indikere …")
        sentences = own_sentences + ((following or {}).get(p.id, [])[:2] if explain else [])
        for j, sent in enumerate(own_sentences):
            if len(sent.split()) < 4 or (_digit_ratio(sent) > 0.45 and len(sent.split()) >= 8):
                continue
            if _is_label(sent):
                continue  # an entry of a bulleted list ("► Dialog med den som sykemelder (vanligvis lege)")
            stoks = set(tokens(sent))
            before = sentences[j - 1] if j > 0 else (preceding or {}).get(p.id)
            if before and (ANAPHOR.match(sent) or re.search(r"det samme\.?$|\bgjelder dette\b", sent)):
                # "Utfordringen er minst hos …", "… svarer 1 av 10 det samme": the previous sentence's topic
                # (the previous passage's last one when the paragraph opens with "Slike …")
                stoks |= set(tokens(before))
            overlap = (
                math.fsum(idf.get(t, 1.0) for t in qtok & stoks)
                + math.fsum(idf.get(t, 1.0) for t in ftok & stoks)
                + 0.3 * math.fsum(idf.get(t, 1.0) for t in xtok & stoks)
            )
            bonus = 0.3 if re.search(r"\d|av 10|halvparten|flertall", sent) else 0.0
            if sent.startswith(("►", "•")) and (len(sent.split()) >= 10 or re.search(r"\d", sent)):
                bonus += 0.4  # the report's own summary of its findings (not a bullet list of names)
            if prefer_total and SIZE_MENTION.search(sent):
                bonus -= 0.8
            if group_res and any(g.search(sent.lower().replace("–", "-")) for g in group_res):
                bonus += 1.5  # about the size group asked for
                overlap *= 1.25
            elif (group_res or mention) and not SIZE_MENTION.search(sent):
                bonus -= 1.0  # a size group was asked for: the figure for all companies comes after
            if mention and any(m.search(sent.lower()) for m in mention):
                bonus += 3.0  # a sentence that names the group asked about
            if term and re.search(
                re.escape(term) + r"\s+(er|betyr|dreier seg om|handler om|innebærer)\b", sent.lower()
            ):
                bonus += 3.0  # "NAVs dialogmøte 2 er et møte …" answers "Hva er NAVs dialogmøte 2?"
            if prefer is not None and prefer.search(sent):
                bonus += 2.0
            if want_number:
                if NUMBER_STATEMENT.search(sent):
                    bonus += 1.5  # a figure was asked for: the sentence that states one
                else:
                    overlap *= 0.6  # …and one without a figure does not lead
                if _QUESTION_WORDING.search(sent):
                    overlap *= 0.4  # the survey's own question repeats the user's words but answers nothing
            if asked_scales and not asked_scales & scales_named(sent.lower()):
                overlap *= 0.6  # a rating was asked for: a sentence that states none does not lead
            elif want_number and not asked_scales and "useful" in scales_named(sent.lower()):
                overlap *= 0.7  # how many had it was asked, not how useful they found it
            if asked_end is not None and other_end is not None:
                if asked_end.search(sent.lower()):
                    bonus += 1.0
                elif other_end.search(sent.lower()):
                    after = own_sentences[j + 1] if j + 1 < len(own_sentences) else ""
                    if asked_end.search(after.lower()) and not ANAPHOR.match(after):
                        # "X har de største utfordringene. Bedriftene i Y oppgir å ha minst.": the pair answers
                        sent = f"{sent} {after}"
                        bonus += 1.0
                    else:
                        overlap *= 0.6
            if topic and not topic & stoks and _only_group_words(qtok, sent):
                overlap *= 0.3  # it shares only which companies with the question
            if overlap <= 0 and bonus < 3.0:
                continue
            # a short numeric sentence right after belongs to this one ("… sykemeldte arbeidstakere. 8 av 10 svarer dette.")
            if (
                j + 1 < len(sentences)
                and len(sentences[j + 1].split()) <= 8
                and re.search(r"\d", sentences[j + 1])
                and not _is_label(sentences[j + 1])
            ) or (
                # "31 prosent oppgir …" (a group's share): "For alle bedriftene sett under ett … 22 prosent"
                j + 1 < len(sentences)
                and not (group_res or mention)
                and ALL_COMPANIES.search(sentences[j + 1])
                and re.search(r"\d", sentences[j + 1])
            ):
                sent = f"{sent} {sentences[j + 1]}"
            if before and (
                (j == 0 and re.match(r"(Slike|Slik endring|Samme)\b", sent))
                or re.search(r"\bdet samme\.?$|\bgjelder dette\b", own_sentences[j])
                # "Resultatet er i tråd med forventningene …" names nothing asked: what it refers to, first
                or (ANAPHOR.match(sent) and topic and not topic & set(tokens(own_sentences[j])))
            ):
                # "Slike positive endringer …", "… svarer 1 av 10 det samme": nothing without what it refers to
                sent = f"{before} {sent}"
            if explain:
                if j > 0 and BECAUSE_BEFORE.search(sent):
                    sent = f"{sentences[j - 1]} {sent}"
                # the explanation that follows a finding, at most two sentences on, never a new bullet point
                last = j
                for k in (j + 1, j + 2, j + 3):
                    if k >= len(sentences) or sentences[k].startswith(("►", "•")):
                        break
                    related = k == j + 1 and (
                        ANAPHOR.match(sentences[k])
                        or CAUSAL.search(sentences[k])
                        or qtok & set(tokens(sentences[k]))
                    )
                    # the paragraph's conclusion ("… tyder på at …") may come a sentence or two later
                    concludes = bool(CONCLUSION.search(sentences[k]))
                    if k == j + 3 and not concludes:
                        break
                    if EXPLANATION.match(sentences[k]) or related or concludes:
                        if sentences[k] not in sent:
                            gap = " […] " if k > last + 1 else " "  # sentences left out are marked
                            sent = f"{sent}{gap}{sentences[k]}"
                            last = k
                        if EXPLANATION.match(sentences[k]) or concludes:
                            break
            scored.append((overlap + bonus - 0.05 * rank, rank, j, p, sent))
    scored.sort(key=lambda x: -x[0])
    unique: dict[str, tuple[float, int, int, Passage, str]] = {}
    for x in scored:  # the summary repeats chapter sentences word for word: keep the best-placed copy
        unique.setdefault(x[4].lstrip("►• "), x)
    scored = list(unique.values())
    picked = scored[:limit]
    if picked:
        floor = picked[0][0] * 0.4
        picked = [x for x in picked if x[0] >= floor]
        if group_res and all(SIZE_MENTION.search(x[4]) for x in picked):
            # a size group asked about: the figure for all companies comes after it, for comparison
            total = next(
                (x for x in scored if not SIZE_MENTION.search(x[4]) and x[0] >= picked[0][0] * 0.3), None
            )
            if total is not None:
                picked = [*picked[: limit - 1], total]
        # the report's own summary bullet on the topic, when there is one, belongs in the answer
        if not any(x[4].startswith(("►", "•")) for x in picked):
            bullet = next((x for x in scored if x[4].startswith(("►", "•"))), None)
            rare = {t for t in qtok if idf.get(t, 0.0) >= 2.5}
            if (
                bullet is not None
                and bullet[0] >= scored[0][0] * 0.3
                and (not rare or rare & set(tokens(bullet[4])))
                and not (topic and not topic & set(tokens(bullet[4])) and _only_group_words(qtok, bullet[4]))
            ):
                picked = [*picked[: limit - 1], bullet]
    # drop a sentence said twice (the summary repeats chapter text) or contained in a longer picked one
    kept: list[tuple[float, int, int, Passage, str]] = []
    for x in picked:
        if any(x[4] == y[4] for y in kept):
            continue
        if any(x is not y and x[4] != y[4] and x[4] in y[4] for y in picked):
            continue
        kept.append(x)
    picked = kept
    # the best passage first; within a passage, reading order
    best_of: dict[int, float] = {}
    for x in picked:
        best_of[x[3].id] = max(best_of.get(x[3].id, x[0]), x[0])
    # …unless a passage's best sentence is far better than one it follows: the answer leads
    lead = {pid: x for x in picked if x[0] == best_of[(pid := x[3].id)]}
    first = {
        pid: any(y[3].id == pid and y[2] < x[2] and y[0] * 1.5 < x[0] for y in picked)
        for pid, x in lead.items()
    }
    picked.sort(key=lambda x: (-best_of[x[3].id], 0 if first[x[3].id] and x is lead[x[3].id] else 1, x[2]))
    return [(p, s, sc) for sc, _r, _j, p, s in picked]


def passage_source(p: Passage, quote: str) -> Source:
    if p.kind == "codebook":
        return Source(label="Vedlegg 2", section="8", page=p.page, quote=quote)
    if p.label and p.kind in ("caption", "table", "chart"):
        return Source(label=p.label, section=p.section, page=p.page, quote=quote)
    if p.label and p.kind == "footnote":
        return Source(
            label=f"{p.section} {p.section_title} ({p.label.lower()})",
            section=p.section,
            page=p.page,
            quote=quote,
        )
    return Source(label=p.section_label, section=p.section, page=p.page, quote=quote)


def compose_passages(picked: list[tuple[Passage, str, float]]) -> tuple[str, list[Source]]:
    lines: list[str] = []
    sources: list[Source] = []
    by_passage: dict[int, list[str]] = {}
    order: list[Passage] = []
    for p, s, _ in picked:
        if p.id not in by_passage:
            by_passage[p.id] = []
            order.append(p)
        by_passage[p.id].append(s)
    for p in order:
        parts = by_passage[p.id]
        # sentences quoted out of the report's order are marked as separate excerpts
        # and so are sentences with others left out between them
        pos = [p.text.find(x[:40]) for x in parts]
        joints = [
            " " if 0 <= a <= b and not re.search(r"\w", p.text[a + len(x) : b]) else " […] "
            for a, b, x in zip(pos, pos[1:], parts, strict=False)
        ]
        quote = parts[0] + "".join(j + x for j, x in zip(joints, parts[1:], strict=True))
        quote = quote.lstrip("►• ").strip()
        shown = f"… {quote}" if quote[:1].islower() else quote  # the report's text lost the sentence's start
        lines.append(f"> «{shown}»\n>\n> — Rapporten, {p.section_label}")
        src = passage_source(p, quote)
        sources.append(src)
        for fig in p.figures:
            if fig.startswith(("Figur", "Tabell")) and all(x.label != fig for x in sources):
                sources.append(Source(label=fig, section=p.section, page=None, quote=None))
    return "\n\n".join(lines), sources


def _figure_base(info: dict) -> tuple[list[str], list[Source]]:
    """The base of a question's published percentages (n of its whole-sample rows) and the answers the
    report leaves out of it."""
    rows = [
        r
        for r in knowledge.published()
        if r["question_id"] == info["id"] and r["group_dim"] == "total" and r["n"] and r["unit"] == "pct"
    ]
    left_out = [str(o["label"]) for o in info.get("options") or [] if o.get("excluded_in_report")]
    # a figure shown as an image: the base its caption states (codebook `bases`)
    rows = rows or [
        {"n": str(b["n"]), "source": str(b["source"]), "section": str(info.get("section") or "")}
        for b in info.get("bases") or []
    ]
    ns = sorted({float(r["n"]) for r in rows if r["n"].replace(".", "").isdigit()})
    if not ns:
        return [], []
    many = (
        f"mellom **{n_text(str(ns[0]))}** og **{n_text(str(ns[-1]))}**"
        if len(ns) > 1
        else f"**{n_text(str(ns[0]))}**"
    )
    each = ", etter forhold" if len(ns) > 1 else ""
    line = f"Prosentene bygger på {many} bedrifter som svarte{each} ({rows[0]['source']})"
    if left_out:
        line += "; bedrifter som svarte " + " eller ".join(f"«{x}»" for x in left_out) + " er holdt utenfor"
    source = Source(label=rows[0]["source"], section=rows[0]["section"] or None, page=None, quote=None)
    return [line + "."], [source]


def compose_questionnaire(q: Question, matches: list[tuple[str, float, float]]) -> tuple[str, list[Source]]:
    """Wording, items, options, filter and wave of the questions asked about, from the codebook."""
    cb = knowledge.codebook()
    text = q.text
    if re.search(
        r"hvilke spørsmål|hva slags spørsmål|hva spørsmål|spørsmål (fikk|ble stilt)|hva ble (bedriftene )?spurt",
        text,
    ):
        wanted = [m for m in matches if m[1] >= max(0.3, 0.7 * (matches[0][1] if matches else 0))]
        ids = [m[0] for m in wanted]
        chosen = [x for x in cb["questions"] if x["id"] in ids and (q.wave is None or x["wave"] == q.wave)]
        if not chosen:
            chosen = [x for x in cb["questions"] if q.wave is None or x["wave"] == q.wave]
        head = "Spørsmål i undersøkelsen"
        if q.wave:
            head += f" ({WAVE_TEXT.get(q.wave, q.wave)})"
        lines = [head + ", slik de står i Vedlegg 2:"]
        for x in chosen:
            items = "; ".join(i["label"] for i in x.get("items") or [])
            detail = (
                f" – {items}" if items and len(x["text"]) < 40 else ""
            )  # «Har din bedrift …» needs its rows
            lines.append(f"- «{x['text']}»{detail} ({WAVE_TEXT.get(x['wave'], x['wave'])})")
        quote = "; ".join(x["text"] for x in chosen[:6])
        return "\n".join(lines), [Source(label="Vedlegg 2", section="8", page=None, quote=quote)]
    best = knowledge.question(q.question_id) if q.question_id else None
    if best is None:
        return "", []
    lines: list[str] = []
    based_on: list[Source] = []
    named = re.search(intents.WAVE_NAMED, text) if re.search(r"\b(spurt|stilt|med)\b", text) else None
    other = (best.get("other_wave") or {}).get("question")
    if named and other and re.search(r"\b(hvordan|korleis|ordlyd\w*|formulert|formulering\w*)\b", text):
        asked_in = "2022-06" if re.match(r"juni|2022|tilleggs|sommeren", named.group(1)) else "2021-11"
        if asked_in != best["wave"] and knowledge.question(other):
            # "Korleis var spørsmålet stilt i november?" of June's question: the other wave's own question
            best, named = knowledge.question(other), None
            lines.append(f"I {WAVE_TEXT.get(asked_in, asked_in)} ble det spurt annerledes:")
    when = WAVE_TEXT.get(best["wave"], best["wave"])
    survey = knowledge.wave_summary(best["wave"])
    where = f" ({survey}, avsnitt 7.2)." if survey else "."
    if named and not re.search(r"\b(når|kva tid)\b", text):
        # "Ble det spurt om i november også?": yes or no, from the wave the question was asked in
        asked_in = "2022-06" if re.match(r"juni|2022|tilleggs|sommeren", named.group(1)) else "2021-11"
        if asked_in == best["wave"]:
            lines.append(f"Ja. Spørsmålet ble stilt i **{when}**{where}")
        else:
            lines.append(f"Nei, spørsmålet ble bare stilt i **{when}**{where}")
            others = [
                str(x.get("title"))
                for x in knowledge.questions()
                if x.get("wave") == asked_in and x.get("theme") == best.get("theme") and x.get("title")
            ]
            if others:  # what that wave asked about the same theme
                lines.append(
                    f"I {WAVE_TEXT.get(asked_in, asked_in)} spurte undersøkelsen om samme tema: "
                    + "; ".join(f"«{t}»" for t in others[:4])
                    + "."
                )
    elif re.search(
        rf"\b(når|kva tid)\b.*\b{intents.ASKED}\b|\b{intents.ASKED}\b.*\b(når|kva tid)\b|"
        rf"\b(hvilket|kva) år\b|\b{intents.PERIOD}\b",
        text,
    ):
        # when it was asked: the wave, with its dates as the codebook has them from 7.2
        lines.append(f"Spørsmålet ble stilt i **{when}**{where}")
    everyone = re.search(r"\b(fikk|fekk) alle\b|\b(ble|vart) alle\b|\bbare noen\b", text)
    if everyone or re.search(
        r"\b(hvem|kven)\b|\bgjelder (det|dette|tallet|tallene)|\balle (bedrifter|bedriftene) spurt|"
        r"\b(hvilke|kva for) (bedrifter|verksemder|virksomheter) (fikk|fekk|ble spurt)",
        text,
    ):
        # who was asked is what was asked: that first, then the wording
        who = best.get("asked_to") or "Alle bedrifter"
        yes = "" if not everyone else ("Ja. " if who == "Alle bedrifter" else "Nei, bare noen. ")
        among = (
            f" – det vil si alle som svarte på undersøkelsen: {survey[:1].lower()}{survey[1:]} (avsnitt 7.2)"
            if who == "Alle bedrifter" and survey and not best.get("filter")
            else ""
        )  # «alle bedrifter» are the member companies that answered that wave
        lines.append(
            f"{yes}Spørsmålet ble stilt til: **{who}**{among}"
            + (f" (filter: {best['filter']})." if best.get("filter") else ".")
        )
        if re.search(r"\bgjelder (det|dette|tallet|tallene|talet|tala)\b", text):
            base, based_on = _figure_base(best)  # whom the figure covers: its base and the answers left out
            lines += base
    lines += [
        f"Spørsmålet ble stilt slik ({WAVE_TEXT.get(best['wave'], best['wave'])}):",
        f"> «{best['text']}»",
    ]
    if best.get("items"):
        lines.append("Forhold det ble spurt om: " + "; ".join(f"«{i['label']}»" for i in best["items"]) + ".")
    if best.get("options"):
        opts = "; ".join(f"{o.get('code', '')} {o['label']}".strip() for o in best["options"])
        words = {2: "to", 3: "tre", 4: "fire", 5: "fem"}
        most = best.get("max_choices")
        kind = (
            f" (flere svar er mulig: bedriftene ble bedt om å velge inntil {words.get(most, most)})"
            if best.get("type") == "multi" and most
            else " (flere svar er mulig)"
            if best.get("type") == "multi"
            else ""
        )
        lines.append(f"Svaralternativer{kind}: {opts}.")
    if best.get("filter"):
        lines.append(f"Filter: {best['filter']}.")
    if best.get("asked_to"):
        lines.append(f"Stilt til: {best['asked_to']}.")
    quote = best["text"] + " " + "; ".join(o["label"] for o in best.get("options") or [])
    # the wave's dates are the method chapter's (7.2): cited when the answer gives them
    dated = (
        [Source(label="7.2", section="7.2", page=None, quote=None)]
        if any("avsnitt 7.2" in x for x in lines)
        else []
    )
    if best.get("in_vedlegg2") is False:  # quoted only in the chapter text (footnote 9), not in Vedlegg 2
        section = str(best.get("section") or "")
        pubs = [p for p in best.get("published_in") or [] if p.startswith("Fotnote")]
        label = f"{section} ({pubs[0].lower()})" if pubs else section
        return "\n\n".join(lines), [
            Source(label=label, section=section, page=None, quote=quote.strip()),
            *[Source(label=p, section=section, page=None, quote=None) for p in pubs],
            *dated,
        ]
    return "\n\n".join(lines), [
        *based_on,
        Source(label="Vedlegg 2", section="8", page=None, quote=quote.strip()),
        *dated,
    ]
