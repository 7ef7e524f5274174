"""Judge a parsed claim on the report's figures: supported, contradicted or not in the report.

`judge` picks the claim's kind: a figure ("30 prosent …") is judged here against the report's figure for
its subject, as is a claim without a figure (a direction against its opposite, a statement against the
report sentence that says it); superlatives, comparisons and changes are judged in `compare`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .. import knowledge
from ..knowledge import WAVE_TEXT
from ..normalize import normalize, tokens
from .compare import judge_change, judge_comparison, judge_group_superlative, judge_superlative
from .parse import Amount, ParsedClaim, side_groups
from .readings import (
    UNIT_OF_KIND,
    Reading,
    band_of,
    describe,
    figure_phrase,
    fits_amount,
    fmt_value,
    group_fits,
    group_phrase,
    item_vocabulary,
    loose,
    narrow,
    readings_for,
    topic_tokens,
)
from .representation import judge_representation
from .verdict import MIN_PROSE_FIT, MIN_STATEMENT_FIT, NO_FIGURE, Verdict

_I = re.IGNORECASE
_SPAN_WAVE = re.compile(
    r"(?:i |fra |frå )?(?:november|juni|høsten|sommeren|nov\.?)?\s*(?:2021|2022)|i juni|i november|"
    r"tilleggsundersøkelsen|hovedundersøkelsen|etter pandemien",
    _I,
)


def _replace(text: str, start: int, end: int, new: str) -> str:
    out = text[:start] + new + text[end:]
    out = re.sub(r"\s+", " ", out).strip()
    return out[:1].upper() + out[1:]


def _corrected_amount(p: ParsedClaim, a: Amount, r: Reading) -> str:
    new, end = figure_phrase(r), a.end
    after = re.match(r"\s+av (?:de |dei )?(bedrift|virksomhet|verksemd)\w*", p.text[a.end :])
    if a.kind == "quant" and after and re.search(r"\d+ av \d+$", new):
        # "halvparten av bedriftene" → "1 av 3 bedrifter", not "1 av 3 av bedriftene"
        new, end = f"{new} {after.group(1)}er", a.end + after.end()
    elif a.kind == "quant":
        noun = re.match(r"\s+(bedrift|virksomhet|verksemd)(?![\wæøå])", p.text[a.end :])
        if noun:  # "hver tredje bedrift" → "3 av 10 bedrifter", "12 prosent av bedriftene"
            plural = f"av {noun.group(1)}ene" if new.endswith("prosent") else f"{noun.group(1)}er"
            new, end = f"{new} {plural}", a.end + noun.end()
        elif re.match(
            r"\s*(har|hadde|er|var|mener|meiner|oppgir|svarte|ikke|ikkje|synes|syns|synest|syntes|vurderer|opplever|opplevde|bruker|brukte|tror|trur|sier|seier|fikk|får|ønsker|jobber|jobbet)\b",
            p.text[a.end :],
        ):
            new += " av bedriftene"  # "et flertall har ikke …" → "37 prosent av bedriftene har ikke …"
        elif not re.match(r"\s*av\b", p.text[a.end :]) and not re.search(r"\d+ av \d+$", new):
            new += " av"  # ("nesten alle småbedriftene" → "6 av 10 småbedriftene", not "6 av 10 av …")
    elif a.kind == "ratio" and not re.search(r"\bav\b", new):
        # "6 av 10 bedrifter" → "68 prosent av bedriftene", not "68 prosent bedrifter"
        noun = re.match(r"\s+(bedrifter|virksomheter|verksemder)(?![\wæøå])", p.text[a.end :])
        if noun:
            new, end = f"{new} av {noun.group(1)[:-2]}ene", a.end + noun.end()
    out = _replace(p.text, a.start, end, new)
    # a subordinate clause made a main one: "37 prosent av bedriftene ikke har" → "… har ikke"
    out = re.sub(r"^([^,]*? av bedriftene) (ikke|ikkje) (har|hadde|er|var|mener|oppgir)\b", r"\1 \3 \2", out)
    return _fix_wave(out, p, r)


def _fix_wave(text: str, p: ParsedClaim, r: Reading) -> str:
    wave = r.first.get("wave")
    if not p.waves or wave not in WAVE_TEXT or wave in p.waves:
        return text
    m = _SPAN_WAVE.search(text)
    if not m:
        return text
    return _replace(text, m.start(), m.end(), f"i {WAVE_TEXT[wave]}")


def _wave_mismatch(p: ParsedClaim, r: Reading) -> bool:
    wave = r.first.get("wave")
    return bool(p.waves) and wave in WAVE_TEXT and wave not in p.waves and len(set(p.waves)) == 1


ANSWERED_FIT = 0.25  # a sentence the pipeline quoted with confidence, with the claim's group: fewer words do


def _found_for_group(p: ParsedClaim, r: Reading) -> bool:
    """A figure for the claim's own size group in a sentence the pipeline quoted, confidently, for the claim's
    content ("Kvar tredje verksemd med 50–199 tilsette … leie tilsette på avstand": «1 av 3 bedrifter med
    50–199 ansatte» after the sentence on leading at a distance) speaks to it with fewer shared words."""
    return (
        bool(p.groups)
        and float(r.first.get("answered") or 0.0) >= 0.7
        and r.first.get("group_dim") == p.groups[0][0]
        and r.fit >= ANSWERED_FIT
    )


def judge(p: ParsedClaim, figures: list[dict[str, Any]]) -> Verdict:
    """Compare a parsed claim with the report's figures for its topic.

    `figures` are rows like data/published (value, unit, option, item, group_label, wave, source, n) or
    prose figures (the same keys with `sentence`, `context`, `text` and an interval low/high).

    >>> from assistant.claims.parse import parse
    >>> rows = [{"value": 13.0, "unit": "pct", "option": "Positiv endring", "item": "Produktivitet",
    ...          "group_label": "Alle", "group_dim": "total", "wave": "2021-11", "source": "Tabell 2", "n": "1706"},
    ...         {"value": 11.0, "unit": "pct", "option": "Negativ endring", "item": "Produktivitet",
    ...          "group_label": "Alle", "group_dim": "total", "wave": "2021-11", "source": "Tabell 2", "n": "1706"}]
    >>> p = parse("30 prosent opplevde bedre produktivitet"); p.options = ["Positiv endring"]
    >>> v = judge(p, rows); v.verdict, v.corrected
    ('contradicted', '13 prosent opplevde bedre produktivitet')
    >>> p = parse("Flere opplevde negativ enn positiv endring i produktiviteten")
    >>> p.side_options = (["Negativ endring"], ["Positiv endring"])
    >>> judge(p, rows).verdict
    'contradicted'
    """
    if p.other_source:
        return Verdict(
            "not_in_report",
            f"Rapporten sier ikke noe om dette. Påstanden viser til en annen kilde («{p.other_source}»), "
            "ikke til NHOs Arbeidsmiljøbarometer 2021.",
            reason="source",
        )
    if not figures:
        return Verdict("not_in_report", f"Rapporten sier ikke noe om dette: {NO_FIGURE}", reason="no_figure")
    if (v := judge_representation(p, figures)) is not None:
        return v
    if (v := _judge_not_yes(p, figures)) is not None:
        return v
    if p.comparison:
        v = judge_comparison(p, figures)
        if v is not None:
            return v
        lg, rg = side_groups(p.sides[0]), side_groups(p.sides[1])
        lo, ro = p.side_options
        if (
            lg
            and rg
            and lg[0] != rg[0]
            or lo
            and ro
            and lo != ro
            or not (p.amounts or p.superlative or p.change)
        ):
            # two groups, answers or items compared, and the report gives only one of them (or neither):
            # one side's figure says nothing about the comparison
            return Verdict(
                "not_in_report",
                "Rapporten sier ikke noe om dette: den har ikke tall for begge sidene av sammenligningen.",
                reason="comparison",
            )
    if p.change:
        v = judge_change(p, figures)
        if v is not None:
            return v
        return Verdict(
            "not_in_report",
            "Rapporten sier ikke noe om dette: den viser ikke tall for denne endringen fra november 2021 "
            "til juni 2022.",
            reason="no_figure",
        )
    if p.superlative and p.groups and not p.amounts:
        v = judge_group_superlative(p, figures)
        if v is not None:
            return v
    narrowed, missing_group = narrow(p, figures)
    if missing_group:
        return Verdict(
            "not_in_report",
            "Rapporten sier ikke noe om dette: den viser ikke tall for denne gruppen "
            f"({missing_group}) om dette spørsmålet.",
            reason="group",
        )
    readings = [
        r
        for r in readings_for(p, narrowed)
        if (r.value is not None or not p.amounts)
        and (r.first.get("sentence") is None or r.fit >= MIN_PROSE_FIT or _found_for_group(p, r))
    ]
    if not readings:
        return Verdict("not_in_report", f"Rapporten sier ikke noe om dette: {NO_FIGURE}", reason="no_figure")
    if not p.amounts:
        return _judge_unquantified(p, readings)
    a = p.amounts[0]
    same_unit = [r for r in readings if r.unit == UNIT_OF_KIND[a.kind]]
    if not same_unit and (v := _judge_base(p, a, readings)) is not None:
        return v
    if not same_unit:
        return Verdict(
            "not_in_report",
            f"Rapporten sier ikke noe om dette i den formen: {describe(readings[0])}.",
            figure=readings[0].first,
            reason="unit",
        )
    same_wave = [r for r in same_unit if r.first.get("wave") in p.waves] if p.waves else same_unit
    # the claim's wave, unless its figures there are off the claim's topic (then the wave is what is wrong)
    pool = [r for r in same_wave if r.fit >= same_unit[0].fit - 0.5] or same_unit
    fitting = [r for r in pool if r.fit >= pool[0].fit - 1e-9]
    best = next((r for r in fitting if fits_amount(a, r)), fitting[0])
    verdict = _judge_amount(p, a, best, figures)
    verdict.fit = min(best.fit, 1.0)
    return verdict


_ANSWERED = re.compile(
    r"\b(svarte|svara|har svart|besvarte|vurderte|vurderer|vurdert|tok stilling|tatt stilling|svarer|svarar)\b"
)


def _judge_base(p: ParsedClaim, a: Amount, readings: list[Reading]) -> Verdict | None:
    """ "994 bedrifter vurderte nytten av helsekontrollene": a count of those who answered is the base of the
    figure found (its n), not a share."""
    if a.kind != "count" or not _ANSWERED.search(normalize(p.text)):
        return None
    best = readings[0]
    n = best.first.get("n")
    if best.first.get("sentence") is not None or not str(n or "").strip().isdigit():
        return None
    n_value = int(str(n).strip())
    said = fmt_value(float(n_value), "count")
    where = f"{best.first.get('source', '')}, {WAVE_TEXT.get(best.first.get('wave') or '', '')}".strip(", ")
    about = f" om «{best.first['item']}»" if best.first.get("item") else ""
    if abs(a.value - n_value) < 0.5:
        return Verdict("supported", f"Ja. {said} bedrifter svarte{about} ({where}).", None, best.first)
    return Verdict(
        "contradicted",
        f"Nei. {said} bedrifter svarte{about} ({where}), ikke {a.text}.",
        None,
        best.first,
    )


def _judge_not_yes(p: ParsedClaim, figures: list[dict[str, Any]]) -> Verdict | None:
    """ "Flertallet av de største bedriftene har ikke vært i kontakt med AT": a yes/no question printed with
    its «Ja» share only. Those not answering «Ja» are at most the rest (some answered «Vet ikke»), so a
    claim that more than that answered no is contradicted; one within it is not decided here.

    >>> from assistant.claims.parse import parse
    >>> rows = [{"value": 51.0, "unit": "pct", "option": "Ja", "group_dim": "storrelse",
    ...          "group_label": "200 eller flere", "source": "Figur 29", "wave": "2021-11"}]
    >>> _judge_not_yes(parse("Flertallet av bedriftene med 200 eller flere ansatte har ikke hatt kontakt"), rows).verdict
    'contradicted'
    """
    if not p.negated or not p.amounts or p.comparison:
        return None
    yes = [
        f
        for f in figures
        if f.get("option") == "Ja" and f.get("unit") == "pct" and f.get("value") is not None
    ]
    if not yes or any(f.get("option") == "Nei" for f in figures):
        return None
    if p.groups:
        yes = [f for f in yes if group_fits(p.groups[0], f)]
    else:
        yes = [f for f in yes if f.get("group_dim") in (None, "", "total")]
    if len(yes) != 1:
        return None
    row, a = yes[0], p.amounts[0]
    rest = 100.0 - float(row["value"])
    if a.kind not in ("pct", "ratio", "quant") or a.low <= rest:
        return None
    group = group_phrase(row.get("group_label")) or "bedriftene"
    return Verdict(
        "contradicted",
        f"Nei. {fmt_value(float(row['value']), 'pct')} av {group} svarte «Ja» ({row.get('source', '')}, "
        f"{WAVE_TEXT.get(row.get('wave') or '', row.get('wave') or '')}), så høyst "
        f"{fmt_value(rest, 'pct')} svarte noe annet – ikke {a.text}.",
        f"{fmt_value(float(row['value']), 'pct').replace(' %', ' prosent')} av {group} svarte ja "
        f"({row.get('source', '')}).",
        row,
    )


def judge_complement(p: ParsedClaim, figures: list[dict[str, Any]]) -> Verdict | None:
    """A negated share claim ("flertallet har ikke hatt kontakt …") against a report sentence that states the
    positive share ("1 av 4 bedrifter oppgir at de har vært i kontakt …"): the rest is at most 100 minus it
    (some answered «vet ikke»), so the claim holds when the rest clearly reaches it, and fails when it cannot.

    >>> from assistant.claims.parse import parse
    >>> row = {"value": 25.0, "low": 25.0, "high": 25.0, "unit": "pct", "sentence": "1 av 4 bedrifter har vært i kontakt med Arbeidstilsynet.",
    ...        "context": "1 av 4 bedrifter har vært i kontakt med Arbeidstilsynet", "text": "1 av 4", "section_label": "6.2"}
    >>> judge_complement(parse("Flertallet har ikke vært i kontakt med Arbeidstilsynet"), [row]).verdict
    'supported'
    >>> judge_complement(parse("90 prosent har ikke vært i kontakt med Arbeidstilsynet"), [row]).verdict
    'contradicted'
    """
    if not p.negated or not p.amounts or p.comparison or p.change:
        return None
    a = p.amounts[0]
    if a.kind not in ("pct", "ratio", "quant"):
        return None
    positive = replace(p, negated=False, text=re.sub(r"\b(ikke|ikkje)\s+", "", p.text, count=1))
    prose = [f for f in figures if f.get("sentence") is not None]
    readings = [
        r
        for r in readings_for(positive, prose)
        if r.unit == "pct" and r.value is not None and r.fit >= MIN_PROSE_FIT
    ]
    if not readings:
        return None
    best = readings[0]
    rest = float(round(100.0 - float(best.value)))
    most = 100.0 - float(best.low if best.low is not None else best.value)  # "1 av 4" may be as low as 22,5 %
    where = describe(best)
    if a.low > most + 2:
        return Verdict(
            "contradicted",
            f"Nei. {_capital(where)}, så høyst om lag {fmt_value(rest, 'pct')} har ikke det – ikke {a.text}.",
            None,
            best.first,
            fit=min(best.fit, 1.0),
        )
    margin = 10.0 if a.kind == "quant" else 5.0  # some answered «vet ikke»: the rest is an upper bound
    if a.low <= rest - (margin if a.kind == "quant" else 0) and rest - margin <= a.high:
        return Verdict(
            "supported",
            f"Ja. {_capital(where)}, så om lag {fmt_value(rest, 'pct')} har ikke det.",
            None,
            best.first,
            fit=min(best.fit, 1.0),
        )
    return None


def _scale_mismatch(p: ParsedClaim, a: Amount, best: Reading) -> Verdict | None:
    """A mean claimed on another scale than the question's ("3,9 av 5" when the scale is 1–4)."""
    if a.kind != "mean" or best.unit != "mean":
        return None
    said = re.search(
        rf"{re.escape(a.text)}\s*(?:av|/|ut av|på en skala (?:fra \d+ )?til)\s*(\d+)\b|"
        r"skalaen? (?:fra )?\d+\s*(?:til|-|–)\s*(\d+)\b",
        p.text,
    )
    scale = (knowledge.question(str(best.first.get("question_id") or "")) or {}).get("scale") or []
    if not said or not scale:
        return None
    claimed, top = int(said.group(1) or said.group(2)), max(int(x) for x in scale)
    if claimed == top:
        return None
    return Verdict(
        "contradicted",
        f"Nei. Skalaen går fra {min(int(x) for x in scale)} til {top}, ikke til {claimed}: {describe(best)}.",
        None,
        best.first,
    )


def _judge_amount(p: ParsedClaim, a: Amount, best: Reading, figures: list[dict[str, Any]]) -> Verdict:
    """The claim's figure against the report's figure for its subject (wave, group and other readings)."""
    if (v := _scale_mismatch(p, a, best)) is not None:
        return v
    if best.opposite:  # the report's figure is for the other end of the scale
        theirs = best.low if best.low is not None else best.value
        if best.unit == "pct" and theirs is not None and a.low + float(theirs) > 100:
            return Verdict(
                "contradicted",
                f"Nei. Rapporten sier det motsatte: {describe(best)}.",
                None,
                best.first,
            )
        return Verdict(
            "not_in_report",
            f"Rapporten sier ikke noe om dette: {NO_FIGURE}",
            figure=best.first,
            reason="no_figure",
        )
    if fits_amount(a, best):
        if _wave_mismatch(p, best):
            wave = WAVE_TEXT[best.first["wave"]]
            return Verdict(
                "contradicted",
                f"Nei. Tallet gjelder {wave}, ikke {WAVE_TEXT.get(p.waves[0], p.waves[0])}: {describe(best)}.",
                _fix_wave(p.text, p, best),
                best.first,
                reason="wave",
            )
        return Verdict("supported", f"Ja. Det stemmer med rapporten: {describe(best)}.", None, best.first)
    if a.kind == "count":  # a count the report prints as such ("1713 av 16 861 inviterte") is that count
        exact = [r for r in readings_for(p, figures) if r.unit == "count" and r.value is not None
                 and abs(float(r.value) - a.value) < 0.5]  # fmt: skip
        if exact and _wave_mismatch(p, exact[0]):  # "1713 svar … i juni 2022": November's count
            wave = WAVE_TEXT[exact[0].first["wave"]]
            return Verdict(
                "contradicted",
                f"Nei. Tallet gjelder {wave}, ikke {WAVE_TEXT.get(p.waves[0], p.waves[0])}: {describe(exact[0])}.",
                _fix_wave(p.text, p, exact[0]),
                exact[0].first,
                reason="wave",
            )
        if exact:
            return Verdict(
                "supported", f"Ja. Det stemmer med rapporten: {describe(exact[0])}.", None, exact[0].first
            )
    claimed = re.sub(r"^(hele|bare|kun|så mange som|så få som)\s+", "", a.text, flags=re.IGNORECASE)
    claimed = claimed[:1].lower() + claimed[1:] if claimed[:2].istitle() else claimed  # "Alle" mid-sentence
    why = f"Rapporten viser {figure_phrase(best)}, ikke {claimed}"
    elsewhere = [
        r
        for r in readings_for(p, figures)
        if r.value is not None and r.unit == best.unit and fits_amount(a, r)
    ]
    for r in elsewhere:
        if p.waves and r.first.get("wave") in WAVE_TEXT and r.first.get("wave") not in p.waves:
            why += f" ({claimed} gjelder {WAVE_TEXT[r.first['wave']]})"
            break
        if p.groups and not group_fits(p.groups[0], r.first):
            why += f" ({claimed} gjelder {_groups_sharing(r, elsewhere) or 'alle bedriftene'})"
            break
    else:
        other = _other_item_with(a, best)
        if other:
            why += f" ({claimed} gjelder «{other}»)"  # "verneombudet … 3,9": 3,9 is Ledelse's
    part = _component(a, best)
    if part is not None:  # "49 prosent synes den er nyttig": the table's «Nyttig» column alone
        return Verdict(
            "supported",
            f"Ja, om svaralternativet «{part['option']}» alene: {fmt_value(float(part['value']), 'pct')} svarte "
            f"«{part['option']}». Regnet med {' og '.join('«' + r['option'] + '»' for r in best.rows)} viser "
            f"rapporten {describe(best)}.",
            None,
            best.first,
        )
    return Verdict(
        "contradicted",
        f"Nei. {why}: {describe(best)}.",
        _corrected_amount(p, a, best),
        best.first,
        reason="wave" if p.waves and best.first.get("wave") not in p.waves else "",
    )


def _groups_sharing(r: Any, readings: list[Any]) -> str:
    """The groups one prose figure is stated for ("Blant bedrifter med 2-9, 10-49 og 50-100 ansatte oppgir
    3 av 4"), as a reader writes them; a table figure's one group."""
    first = r.first
    labels = [first.get("group_label")]
    if first.get("sentence"):
        for x in readings:
            same = x.first.get("sentence") == first["sentence"] and x.first.get("start") == first.get("start")
            if same and x.first.get("group_label") not in labels:
                labels.append(x.first.get("group_label"))
    bands = [
        lb for lb in labels if lb and band_of(lb) is not None and lb[:1].isdigit() and "årsverk" not in lb
    ]
    if len(labels) > 1 and len(bands) == len(labels):
        bands.sort(key=lambda lb: band_of(lb)[0])
        return f"bedrifter med {', '.join(bands[:-1])} og {bands[-1]} ansatte"
    return group_phrase(labels[0])


def _other_item_with(a: Amount, best: Reading) -> str | None:
    """Another item of the same question, group and answer whose published figure is the claimed one."""
    f = best.first
    if not f.get("question_id") or not f.get("item") or best.unit not in ("mean", "pct"):
        return None
    for r in knowledge.published():
        if (
            r.get("question_id") == f["question_id"]
            and r.get("item") not in ("", f["item"])
            and r.get("wave") == f.get("wave")
            and r.get("group_dim") == "total"
            and r.get("unit") == best.unit
            and (best.unit == "mean" or r.get("option") == f.get("option"))
            and r.get("value")
            and a.low <= float(r["value"]) <= a.high
        ):
            return str(r["item"])
    return None


def _component(a: Amount, best: Reading) -> dict[str, Any] | None:
    """The one printed answer of a merged pair («Nyttig» of «Nyttig» + «Svært nyttig») that the claim's
    exact figure matches, when the claim names the plain answer, not the «svært» one."""
    if a.kind != "pct" or len(best.rows) != 2 or a.high - a.low > 1:
        return None
    if not any(str(r.get("option", "")).lower().startswith("svært") for r in best.rows):
        return None  # a sum of several answers («1–20 %» + … + «Mer enn 60 %») has no plain one to mean
    for r in best.rows:
        if not str(r.get("option", "")).lower().startswith("svært") and a.low <= float(r["value"]) <= a.high:
            return r
    return None


def _judge_unquantified(p: ParsedClaim, readings: list[Reading]) -> Verdict:
    """A claim without a figure: a superlative is checked against the ranking, a direction ("produktiviteten
    ble bedre") against its opposite, a statement against the report sentence that says it."""
    best = readings[0]
    if p.superlative:
        v = judge_superlative(p, readings)
        if v is not None:
            return v
    opposite = _opposite_reading(p, best)
    # (an item of a table the claim does not name is no reading of it: "den økte bruken av hjemmekontor er en
    # varig endring" is not Tabell 2's «Evne til å lede …», whichever direction it went)
    if opposite is not None and (best.specific or not best.first.get("item")):
        detail = f"{describe(best)}, mot {describe(opposite)}"
        if best.value > opposite.value:
            return Verdict(
                "supported", f"Ja, flere svarte dette enn det motsatte: {detail}.", None, best.first
            )
        return Verdict(
            "contradicted", f"Nei. Færre svarte dette enn det motsatte: {detail}.", None, best.first
        )
    if best.first.get("sentence") is not None and str(best.first["sentence"]).strip().endswith("?"):
        # a question of the survey (Vedlegg 2) says what was asked, not what was found
        return Verdict(
            "not_in_report",
            f"Rapporten sier ikke noe om dette: spørsmålet ble stilt («{str(best.first['sentence']).strip()}»), "
            "men rapporten viser ikke hva bedriftene svarte.",
            None,
            best.first,
            reason="unpublished",
        )
    if best.first.get("sentence") is not None:
        said = set(tokens(normalize(best.first["sentence"])))
        found = topic_tokens(p) & said
        # the item the claim is about must be the sentence's too ("AMU er den viktigste rollen" is not supported by
        # "den viktigste suksessfaktoren er at … engasjert i arbeid med HMS")
        # (the subject: what stands before the claim's first verb)
        subject = re.split(r"\b(?:er|var|ble|vart|blir|har|hadde)\b", normalize(p.text), maxsplit=1)[0]
        unsaid = {
            w
            for w in set(tokens(subject)) & item_vocabulary()
            if not any(x.startswith(w) or (w.startswith(x) and len(x) >= len(w) - 2) for x in said)
        }
        if best.fit >= MIN_STATEMENT_FIT and len(found) >= 2 and not unsaid:
            return Verdict("supported", f"Ja. {_capital(describe(best))}.", None, best.first)
        return Verdict("not_in_report", f"Rapporten sier ikke noe om dette: {NO_FIGURE}", reason="no_figure")
    if p.options and best.fit >= 1.5 and (best.specific or not best.first.get("item")):
        return Verdict("supported", f"Ja. Rapporten viser {describe(best)}.", None, best.first)
    return Verdict(
        "not_in_report",
        f"Rapporten sier ikke noe om dette direkte. Den viser {describe(best)}.",
        None,
        best.first,
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _opposite_reading(p: ParsedClaim, r: Reading) -> Reading | None:
    pairs = (knowledge.lexicon().get("claims") or {}).get("opposites") or []
    if r.first.get("sentence") is not None:
        return None  # a report sentence has no answer options to weigh
    chosen = {loose(x.get("option") or "") for x in r.rows}
    for a, b in pairs:
        for mine, theirs in ((a, b), (b, a)):
            if loose(mine) in chosen:
                rows = [x for x in r.series if loose(x.get("option") or "") == loose(theirs)]
                if rows:
                    return Reading(float(rows[0]["value"]), rows[0].get("unit") or "pct", rows, r.fit)
    return None
