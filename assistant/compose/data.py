"""Compose a data answer: every number is read from the SQL rows; the wording around them is fixed text."""

from __future__ import annotations

import re
from typing import Any

from .. import knowledge
from ..knowledge import WAVE_TEXT
from ..types import Question, Source
from .lead import group_phrase as _group_phrase
from .lead import lead
from .lead import series as _series
from .numbers import fmt, n_text

SMALL_N = 30


_EMPLOYEES_COUNTED = r"\b(hvor|kor) mange (av )?(de |dei )?(ansatte|tilsette|arbeidstakere|medarbeidere) (har|hadde|jobber|jobbar|arbeider)\b"


_JUDGED = (
    r"\b(mye|mykje|lite|lav|lavt|lave|låg|lågt|låge|høy|høyt|høg|høgt|forventet|venta|forventa|bra|god nok|godt nok|normal|normalt|"
    r"vanlig|vanleg|dårlig|dårleg|akseptabel|greit|sammenlign\w*|samanlikn\w*)\b"
)


def _series_title(item: str, group: str, group_dim: str) -> str:
    parts = []
    if item:
        parts.append(f"«{item}»")
    if group and group != "Alle":
        parts.append(_group_phrase(group, group_dim))
    return ", ".join(parts)


def describe_series(rows: list[dict[str, Any]], asked: list[str], measure: str) -> str:
    """One line for one distribution: the options asked for first, then the whole distribution."""
    unit = rows[0]["unit"]
    if measure == "n" and rows[0].get("n"):
        return f"N = {n_text(rows[0]['n'])} bedrifter svarte"
    if unit == "mean":
        return "gjennomsnitt " + ", ".join(fmt(r["value"], unit) for r in rows) + " (skala 1–4)"
    asked_rows = [r for r in rows if r["option"] in asked]
    parts = []
    if asked_rows:
        lead = " og ".join(f"{fmt(r['value'], unit)} «{r['option']}»" for r in asked_rows)
        if len(asked_rows) > 1 and unit == "pct":
            total = sum(r["value"] for r in asked_rows)
            lead += f" (til sammen {fmt(round(total, 2), unit)})"
        parts.append(lead)
    dist = ", ".join(f"{r['option']} {fmt(r['value'], unit)}" for r in rows)
    if not asked_rows or len(rows) > len(asked_rows):
        parts.append(("fordeling: " if asked_rows else "") + dist)
    return "; ".join(parts)


def compose_rows(q: Question, rows: list[dict[str, Any]], group_dim: str) -> tuple[str, list[str]]:
    """Markdown lines and caveats for a plain rows plan."""
    lines: list[str] = []
    caveats: list[str] = []
    first = rows[0]
    info = knowledge.question(first["question_id"]) or {}
    wave = WAVE_TEXT.get(first["wave"], first["wave"])
    qtext = info.get("text") or first.get("question_text") or ""
    if first["question_id"] == "UTVALG":
        return _compose_sample(rows, group_dim, q.text if q is not None else "")
    label = first["source"] if not first["source"][:1].isdigit() else f"Avsnitt {first['source']}"
    series = _series(rows)
    first_paragraph = lead(q, rows, group_dim)
    if first_paragraph and first["unit"] == "pct" and q is not None and re.search(_EMPLOYEES_COUNTED, q.text):
        # "hvor mange ansatte har hjemmekontor?": the survey counts companies, so the figure is theirs
        first_paragraph = (
            "Undersøkelsen teller bedrifter, ikke ansatte, så tallet er en andel av bedriftene. "
            + first_paragraph
        )
    if first_paragraph:
        lines.extend([first_paragraph, ""])  # its own paragraph
    header = f"**{label}** ({wave})"
    if qtext:
        header += f" – spørsmål: «{qtext}»"
    lines.append(header)
    for (item, group), srows in series:
        title = _series_title(item, group, group_dim)
        text = describe_series(srows, q.options, q.measure)
        lines.append(f"- {title + ': ' if title else ''}{text}.")
    ns = []
    for (_item, group), srows in _series(rows):
        n = srows[0].get("n")
        if n and n_text(n) not in ns:
            ns.append(n_text(n))
        n_min = srows[0].get("n_min")
        if n_min is not None and n_min < SMALL_N:
            caveats.append(
                f"Lite grunnlag for {_group_phrase(group, group_dim) if group != 'Alle' else 'denne gruppen'} "
                f"(n = {n_text(n)}): tallene bør tolkes med varsomhet."
            )
    base = f"Grunnlag: N = {', '.join(ns)}." if ns and q.measure != "n" else ""
    notes = []
    for r in rows:
        if r.get("note") and r["note"] not in notes:
            notes.append(r["note"])
    if base:
        lines.append(base)
    quotes = []
    for r in rows:
        if r.get("quote") and r["quote"] not in quotes:
            quotes.append(r["quote"])
    for quote in quotes[:3]:
        lines.append(f"\n> «{quote}»")
    for note in notes:
        caveats.append(note if note.endswith(".") else note + ".")
    return lines, dedupe(caveats)


def _wave_dates(wave: str) -> str:
    """ " (18.–29. november 2021, Kantar)": when the wave was carried out and by whom (codebook `waves`, 7.2)."""
    text = str(knowledge.wave(wave).get("description") or "")
    dates = re.search(r"\d{1,2}\.\s?[–-]\s?\d{1,2}\.\s+[a-zæøå]+\s+\d{4}", text)
    by = re.search(r"(?:gjennomført|utført) av ([A-ZÆØÅ][\wæøå]+)", text)
    bits = [dates.group(0) if dates else "", f"utført av {by.group(1)}" if by else ""]
    bits = [b for b in bits if b]
    return f" ({', '.join(bits)})" if bits else ""


def _compose_sample(
    rows: list[dict[str, Any]], group_dim: str, asked: str = ""
) -> tuple[list[str], list[str]]:
    lines: list[str] = []
    if group_dim == "total":
        sums = [r for r in rows if r.get("group_label") == "Sum"]
        rows = [r for r in rows if r.get("group_label") != "Sum"]
        by_wave: dict[str, dict[str, Any]] = {}
        for r in rows:
            by_wave.setdefault(r["wave"], {})[r["option"]] = r
        for wave, opts in by_wave.items():
            inv, done, rate = opts.get("Invitert"), opts.get("Fullført"), opts.get("Svarprosent")
            parts = []
            if inv:
                parts.append(f"{fmt(inv['value'], 'count')} bedrifter ble invitert")
            if done:
                parts.append(f"{fmt(done['value'], 'count')} fullførte undersøkelsen")
            if rate:
                approx = "om lag " if "om lag" in (rate.get("note") or "") + (rate.get("quote") or "") else ""
                parts.append(f"svarprosenten var {approx}{fmt(rate['value'], 'pct')}")
            lines.append(
                f"- **{WAVE_TEXT.get(wave, wave).capitalize()}**{_wave_dates(wave)}: "
                + ", ".join(parts)
                + "."
            )
        # the report's sentence judging the response rate (7.2)
        judged = (
            knowledge.report_sentence(r"Svarprosenten er i tråd med [^.]*\.")
            if re.search(
                _JUDGED, re.sub(r"\b(hvor|kor) (høy|høg|lav|låg)\b", " ", asked)
            )  # ("hvor høy": the figure)
            else None
        )
        if judged and any(r["option"] == "Svarprosent" for r in rows):
            # "er ikke det lavt?": the report's own judgement of the response rate (7.2)
            lines.insert(0, f"Rapporten skriver: «{judged}» (7.2).")
        s = {r["option"]: r for r in sums}
        if "Nettoutvalg (antall)" in s and "Bruttoutvalg (antall)" in s:
            net, gross = s["Nettoutvalg (antall)"], s["Bruttoutvalg (antall)"]
            lines.append(
                f"- {net['source']} (sum): {fmt(net['value'], 'count')} svar av {fmt(gross['value'], 'count')} "
                f"inviterte ({WAVE_TEXT.get(net['wave'], net['wave'])})."
            )
        return lines, ["Utvalget er ikke vektet; tallene gjelder bedriftene som svarte."]
    series = _series(rows)
    nets = [
        (r["value"], group)
        for (_i, group), srows in series
        for r in srows
        if r["option"] == "Nettoutvalg (antall)"
    ]
    said = re.match(r"^(?:og |men )?(?:er|var|ble)\b.*\b(under|over)representert", asked)
    shares = []
    for (_i, group), srows in series:
        o = {r["option"]: r["value"] for r in srows}
        if o.get("Differanse (prosentpoeng)") is not None and o.get("Nettoutvalg (prosent)") is not None:
            shares.append(
                (
                    group,
                    o["Nettoutvalg (prosent)"],
                    o.get("Bruttoutvalg (prosent)"),
                    o["Differanse (prosentpoeng)"],
                )
            )
    if said and shares:  # "Er de små bedriftene underrepresentert …?": yes or no first, with the shares
        want = -1 if said.group(1) == "under" else 1
        held = [d * want > 0 for _g, _n, _b, d in shares]
        verdict = "Ja" if all(held) else "Nei" if not any(held) else "Delvis"
        if re.search(r"\bover-? ?(eller|/) ?under|\bunder-? ?(eller|/) ?over", asked):
            # "over- eller underrepresentert?" asks which, not yes or no
            signs = {d > 0 for _g, _n, _b, d in shares}
            verdict = (
                ("Overrepresentert" if signs == {True} else "Underrepresentert")
                if len(signs) == 1
                else "Begge deler"
            )
        name = (lambda g: _group_phrase(g, group_dim)) if group_dim == "storrelse" else (lambda g: g)
        parts = [
            f"{name(g)} utgjør {fmt(n, 'pct')} av svarene"
            + (f" mot {fmt(b, 'pct')} av de inviterte" if b is not None else "")
            + f" ({'+' if d > 0 else '−'}{fmt(abs(d), 'pct').replace(' %', '')} prosentpoeng)"
            for g, n, b, d in shares
        ]
        lines.append(f"{verdict}: " + "; ".join(parts) + " (november 2021).\n")
    elif len(nets) == 2 and nets[0][0] != nets[1][0]:  # two groups: which gave more answers, first
        (hi, g_hi), (lo, g_lo) = sorted(nets, reverse=True)
        name = (lambda g: _group_phrase(g, group_dim)) if group_dim == "storrelse" else (lambda g: g)
        lines.append(
            f"Flest svar fra **{name(g_hi)}**: {fmt(hi, 'count')} mot {fmt(lo, 'count')} fra {name(g_lo)} "
            "(november 2021).\n"
        )
    for (_item, group), srows in series:
        o = {r["option"]: r["value"] for r in srows}
        net, netp = o.get("Nettoutvalg (antall)"), o.get("Nettoutvalg (prosent)")
        gross, grossp = o.get("Bruttoutvalg (antall)"), o.get("Bruttoutvalg (prosent)")
        diff = o.get("Differanse (prosentpoeng)")
        text = f"- **{_group_phrase(group, group_dim) if group_dim == 'storrelse' else group}**: "
        bits = []
        if net is not None:
            bits.append(
                f"{fmt(net, 'count')} svarte"
                + (f" ({fmt(netp, 'pct')} av svarene)" if netp is not None else "")
            )
        if gross is not None:
            bits.append(
                f"{fmt(gross, 'count')} ble invitert"
                + (f" ({fmt(grossp, 'pct')} av bruttoutvalget)" if grossp is not None else "")
            )
        if diff is not None:
            word = (
                "underrepresentert" if diff < 0 else "overrepresentert" if diff > 0 else "likt representert"
            )
            bits.append(f"differanse {fmt(diff, 'pct').replace(' %', '')} prosentpoeng ({word})")
        lines.append(text + "; ".join(bits) + ".")
    lines.append(
        "Kilde: nettoutvalg (svarene) sammenlignet med bruttoutvalg (alle inviterte), november 2021."
    )
    return lines, [
        "Utvalget er ikke vektet; rapporten vurderer forskjellene mellom netto- og bruttoutvalg som små."
    ]


def compose_rank(
    rows: list[dict[str, Any]],
    key: str,
    options: list[str],
    group_dim: str,
    descending: bool = True,
    focus: str | None = None,
    both_ends: bool = False,
    top_parts: str = "",
) -> list[str]:
    unit = rows[0]["unit"]
    names = {"Nettoutvalg (antall)": "antall svar", "Nettoutvalg (prosent)": "andel av svarene"}
    what = " + ".join(names.get(o, f"«{o}»") for o in options) if options else "gjennomsnitt"
    label = (lambda r: _group_phrase(r[key], group_dim)) if key == "group_label" else (lambda r: r[key])
    top = rows[0]
    word = "Høyest" if descending else "Lavest"

    def value(r: dict[str, Any]) -> str:
        if options == ["Differanse (prosentpoeng)"]:  # a difference of two shares, not a share
            return fmt(round(r["value"], 2), unit).replace(" %", "") + " prosentpoeng"
        return fmt(round(r["value"], 2), unit)

    parts = f"; {top_parts}" if top_parts else ""  # a sum answer by answer ("46 %; 36 % + 10 %")
    lines = [f"{word} {what}: **{label(top)}** ({value(top)}{parts})." if len(rows) > 1 else ""]
    if both_ends and len(rows) > 2:  # "hvilken er mest … og hvilken er minst …?": both ends, in one breath
        end, other = rows[-1], "Lavest" if descending else "Høyest"
        lines[0] = lines[0][:-1] + f"; {other.lower()}: **{label(end)}** ({value(end)})."
    place = next((i for i, r in enumerate(rows, 1) if key == "item" and r[key] == focus), None)
    if place is not None and len(rows) > 1:  # "er det mye sammenlignet med de andre?": where it stands
        r = rows[place - 1]
        lines[0] = f"«{label(r)}» har **{value(r)}** {what} og er nr. {place} av {len(rows)}. " + lines[0]
    lines.append("Rangert:")
    for i, r in enumerate(rows, 1):
        lines.append(f"{i}. {label(r)}: {value(r)}")
    return [x for x in lines if x]


def sources_for_rows(
    rows: list[dict[str, Any]], captions: dict[str, str], titles: dict[str, str]
) -> list[Source]:
    out: list[Source] = []
    seen: set[str] = set()
    for r in rows:
        label = r["source"]
        if label in seen:
            continue
        seen.add(label)
        if label[0].isdigit():  # a section: prose numbers without a figure
            label = f"{label} {titles.get(label, '')}".strip()
        quote = r.get("quote") or captions.get(r["source"])
        out.append(Source(label=label, section=r.get("section") or None, page=r.get("page"), quote=quote))
    return out


def dedupe(items: list[str]) -> list[str]:
    """Non-empty items, first occurrence kept, in order."""
    out: list[str] = []
    for i in items:
        if i not in out:
            out.append(i)
    return out
