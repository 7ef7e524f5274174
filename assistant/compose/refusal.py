"""Compose refusals: what the survey cannot answer, why, and what it does have instead."""

from __future__ import annotations

import re
from typing import Any

from .. import knowledge
from ..knowledge import WAVE_TEXT
from ..normalize import names_nothing
from ..state import Context, Turn
from ..types import Answer, Question, Source, Suggestion

GROUP_NAMES = {"storrelse": "bedriftsstørrelse", "landsforening": "landsforening", "fylke": "fylke"}


REFUSALS = {
    "smalltalk": "Hei! Jeg svarer på spørsmål om NHOs Arbeidsmiljøbarometer 2021: hjemmekontor og fjernarbeid, "
    "forebyggende arbeidsmiljøarbeid, sykefravær og sykefraværsoppfølging, og støtte fra Arbeidstilsynet, NAV "
    "Arbeidslivssenter og bedriftshelsetjenesten, samt om utvalget og metoden. Prøv for eksempel «Hvor nyttige var "
    "risikovurderingene fra BHT?» eller «Hvor mange bedrifter svarte på undersøkelsen?»",
    "empty": "Jeg fikk ikke noe spørsmål. Skriv et spørsmål om NHOs Arbeidsmiljøbarometer 2021, for eksempel "
    "«Hvor mange bedrifter svarte på undersøkelsen?»",
    "injection": "Jeg kan ikke endre hvordan jeg arbeider eller hvilke data jeg bruker. Jeg svarer gjerne på "
    "spørsmål om NHOs Arbeidsmiljøbarometer 2021.",
    "code": "Jeg kjører ikke kode eller SQL som brukere skriver inn, og ingenting du skriver kan endre dataene. "
    "Still gjerne spørsmålet med vanlige ord, for eksempel «Hvor nyttige var risikovurderingene fra BHT?»",
    "english": "Jeg svarer på norsk om NHOs Arbeidsmiljøbarometer 2021. Prøv å stille spørsmålet på norsk, for "
    "eksempel «Hvor mange bedrifter svarte på undersøkelsen?»",
}

# a greeting or an empty message: a question from each theme to start with (buttons in the app)
STARTERS = (
    Suggestion("Hjemmekontor", "Hvor stor andel av bedriftene har ansatte på hjemmekontor?"),
    Suggestion("Bedriftshelsetjenesten", "Hvor mange bedrifter har avtale med en bedriftshelsetjeneste?"),
    Suggestion("Om undersøkelsen", "Hvor mange bedrifter svarte på undersøkelsen?"),
)


def available_overview(und: Any, q: Question) -> list[str]:
    """What the survey does have near the question: published questions and their breakdowns."""
    lines: list[str] = []
    qid = q.question_id if q.question_score >= 0.45 else None
    info = knowledge.question(qid) if qid else None
    if info is None:
        themes = ", ".join(
            t["label"] for t in knowledge.codebook().get("themes") or [] if t["id"] != "bakgrunn"
        )
        lines.append(f"Resultater om fire temaer: {themes}.")
        lines.append(
            "Fakta om utvalget og metoden: hvem som svarte (fylke, landsforening, størrelse), svarprosent og datoer."
        )
    if info is not None and str(info.get("results")) != "none":
        dims = sorted({r["group_dim"] for r in und.catalogue if r["question_id"] == qid})
        names = {
            "total": "alle bedrifter",
            "storrelse": "bedriftsstørrelse",
            "landsforening": "landsforening",
            "fylke": "fylke",
        }
        pubs = ", ".join(info.get("published_in") or [])
        if dims:
            lines.append(
                f"For {_name(info)} publiserer rapporten tall for "
                + " og ".join(names.get(d, d) for d in dims)
                + (f" ({pubs})." if pubs else ".")
            )
        elif pubs:
            lines.append(f"For {_name(info)} har rapporten {pubs} (avsnitt {info.get('section')}).")
    lines.append(
        "Fordeling på fylke og landsforening finnes bare for hvem som svarte (Tabell 9 og 10); resultatene er "
        "ellers fordelt på bedriftsstørrelse der rapporten viser det."
    )
    return lines


def _name(info: dict[str, Any]) -> str:
    """A question's short title ("Avtale med bedriftshelsetjeneste") or, without one, its wording in quotes."""
    title = str(info.get("title") or "")
    if not title:
        return f"«{info['text']}»"
    return title[0].lower() + title[1:] if title[1:2].islower() else title  # keep "NAV …", lower "Avtale …"


# "Spurte dere om …?", "Ble det spurt om …?", "Var det med et spørsmål om …?": whether a question was asked
WAS_ASKED = (
    r"\b(spurte|spurde|spør) (dere|de|dei|man|en|ein|nho|undersøkelsen|undersøkinga|barometeret|bedriftene)\b|"
    r"\b(ble|vart|var|blei) (det|bedriftene|verksemdene) (også |og )?spurt\b|"
    r"\b(var|finnes|fantes|fanst|fins) det (med )?(et|eit|noe|noko|noen|nokon) spørsmål\b"
)
FIGURE_ASKED = r"\b(hvor|kor) mange\b|\bandel|\bprosent|\bhvor (stor|nyttig)|\bkor (stor|nyttig)"


def run(turn: Turn, ctx: Context) -> None:
    """The last step: when nothing answered, say why and what the survey has instead."""
    if turn.answer is None:
        assert turn.question is not None
        reason = turn.decision.reason if turn.decision is not None else "not_found"
        turn.answer = compose_none(ctx.match, turn.question, reason)


def compose_none(und: Any, q: Question, reason: str) -> Answer:
    """A refusal (`answerable: false`) in Norwegian: never a figure, always what is available instead."""
    if reason in REFUSALS:
        starters = list(STARTERS) if reason in ("smalltalk", "empty") else []
        return Answer(q.raw, "none", False, REFUSALS[reason], suggestions=starters)
    info = knowledge.question(q.question_id) if q.question_id else None
    lines: list[str] = []
    sources: list[Source] = []
    if reason == "out_of_scope" or q.intent == "out_of_scope":
        lines.append(
            "Rapporten sier ikke noe om dette: det kan ikke besvares ut fra NHOs Arbeidsmiljøbarometer 2021."
        )
        if q.out_of_scope_reason:
            lines.append(q.out_of_scope_reason)
    elif (
        reason == "unpublished"
        and info
        and re.search(WAS_ASKED, q.text)
        and not re.search(FIGURE_ASKED, q.text)
    ):
        # "Spurte dere om X?": yes, it was asked; that is the answer, though no results are published
        when = WAVE_TEXT.get(str(info.get("wave") or ""), "")
        text = (
            f"Ja. Bedriftene ble spurt om dette{' i ' + when if when else ''}: «{info['text']}» (Vedlegg 2). "
            "Rapporten publiserer likevel ingen resultater for spørsmålet, så jeg har ingen tall å gi."
        )
        return Answer(
            q.raw, "text", True, text, sources=[Source(label="Vedlegg 2", section="8", quote=info["text"])]
        )
    elif reason == "unpublished" and info:
        lines.append(
            f"Spørsmålet «{info['text']}» ble stilt i undersøkelsen, men rapporten publiserer ingen resultater "
            "for det. Jeg har derfor ingen tall å gi."
        )
        sources.append(Source(label="Vedlegg 2", section="8", quote=info["text"]))
    elif reason == "measure_mismatch" and info:
        means = [
            r for r in knowledge.published() if r["question_id"] == q.question_id and r["unit"] == "mean"
        ]
        said = ", ".join(f"{r['item']} {str(r['value']).replace('.', ',')}" for r in means)
        lines.append(
            f"Rapporten oppgir ikke hvor mange bedrifter som svarte dette. Spørsmålet var «{info['text']}», og "
            "rapporten gir bare gjennomsnitt på en skala fra 1 til 4"
            + (f" ({said}; avsnitt {info.get('section')})." if said else ".")
        )
    elif reason == "item_unpublished" and info:
        items = ", ".join(f"«{i}»" for i in q.items) or "dette"
        lines.append(
            f"Rapporten publiserer ikke tall for {items} ({_name(info)}), så det kan jeg ikke svare på."
        )
    elif reason in ("group_prose", "group_unpublished", "no_group") and (stated := _bands_stated(und, q)):
        # the report states some size groups in its text (the rest are only in a figure shown as an image)
        what = _name(info) if info else "dette"
        lines.append(
            f"Rapporten oppgir ikke tallet for {what} for {band_name(und, q.group_key)}. Teksten gir "
            f"tallet bare for bedrifter med {' og '.join(stated)} ansatte"
            + (
                f" ({', '.join(info.get('published_in') or [])})."
                if info and info.get("published_in")
                else "."
            )
        )
    elif reason in ("group_prose", "group_unpublished", "no_group"):
        what = _name(info) if info else "dette"
        group = GROUP_NAMES.get(q.group_dim or "", "den gruppen du spør om")
        if q.group_key and q.group_dim in ("fylke", "landsforening"):
            group += f" ({q.group_key})"
        lines.append(
            f"Rapporten publiserer ikke tall for {what} fordelt på {group}, så det kan jeg ikke svare på."
        )
    elif not q.context and names_nothing(q.text):
        # "Er det mye eller lite?" with nothing before it: say what is missing, not that nothing was found
        lines.append(
            "Spørsmålet sier ikke hva det gjelder. Skriv gjerne hva du vil vite noe om, for eksempel hjemmekontor, "
            "Arbeidstilsynet, NAV Arbeidslivssenter, bedriftshelsetjenesten eller sykefravær."
        )
    else:
        lines.append("Jeg finner ikke noe svar på dette i NHOs Arbeidsmiljøbarometer 2021.")
    lines.append("")
    lines.append("**Dette har undersøkelsen:**")
    lines.extend(f"- {x}" for x in available_overview(und, q))
    return Answer(q.raw, "none", False, "\n".join(lines), sources=sources)


def _bands_stated(und: Any, q: Question) -> list[str]:
    """The size groups the report states a figure for, when a size group it does not state was asked."""
    if q.group_dim != "storrelse" or not q.group_key or not q.question_id:
        return []
    rows = [r for r in und.catalogue_rows(q.question_id) if r["group_dim"] == "storrelse"]
    return list(dict.fromkeys(str(r["group_label"]).replace("-", "–") for r in rows))


def band_name(und: Any, key: str | None) -> str:
    """ "bedrifter med 10–49 ansatte"; a headcount ("vi er 12 ansatte") named with the report's band."""
    band = und.size_band(key or "")
    if band is None:
        return "den størrelsesgruppen"
    lo, hi = band
    if lo == hi:
        for b in ((1, 9), (10, 49), (50, 199)):
            if b[0] <= lo <= b[1]:
                return f"bedrifter med {lo} ansatte (gruppen {b[0]}–{b[1]} ansatte)"
        return f"bedrifter med {lo} ansatte" + (" (gruppen 200 eller flere)" if lo >= 200 else "")
    return f"bedrifter med {lo}–{hi} ansatte" if hi else f"bedrifter med {lo} eller flere ansatte"
