"""Judge a parsed claim on the report's figures: supported, contradicted or not in the report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .. import knowledge
from ..normalize import normalize, tokens
from .parse import WAVE_TEXT, Amount, ParsedClaim, side_groups
from .readings import (
    UNIT_OF_KIND,
    Reading,
    describe,
    figure_phrase,
    fits_amount,
    fmt_value,
    group_fits,
    group_phrase,
    is_total,
    loose,
    narrow,
    readings_for,
    topic_tokens,
)

_I = re.IGNORECASE
_SPAN_WAVE = re.compile(
    r"(?:i |fra |frå )?(?:november|juni|høsten|sommeren|nov\.?)?\s*(?:2021|2022)|i juni|i november|"
    r"tilleggsundersøkelsen|hovedundersøkelsen|etter pandemien",
    _I,
)
_OPPOSITE_WORD = {
    "flere": "færre", "fleire": "færre", "færre": "flere", "høyere": "lavere", "lavere": "høyere",
    "større": "mindre", "mindre": "mer", "mer": "mindre", "meir": "mindre", "oftere": "sjeldnere",
    "sjeldnere": "oftere", "bedre": "dårligere", "dårligere": "bedre", "nyttigere": "mindre nyttige",
    "viktigere": "mindre viktige",
}  # fmt: skip
_CHANGE_OPPOSITE = {
    "økte": "gikk ned", "økt": "gått ned", "økning": "nedgang", "steg": "falt", "steget": "falt",
    "gått opp": "gått ned", "vokste": "falt", "vokst": "falt", "mer utbredt": "mindre utbredt",
    "blitt flere": "blitt færre", "falt": "økte", "gått ned": "økt", "gikk ned": "økte", "nedgang": "økning",
    "sank": "steg", "sunket": "steget", "redusert": "økt", "reduksjon": "økning", "mindre utbredt": "mer utbredt",
    "blitt færre": "blitt flere", "gått tilbake": "økt",
}  # fmt: skip


MIN_PROSE_FIT = 0.5  # share of the claim's content words a report sentence must hold to speak to it
MIN_STATEMENT_FIT = 0.7  # … and to support a claim without a figure by itself (two words at least)
NO_FIGURE = "jeg finner ikke et tall i rapporten som svarer til påstanden."


@dataclass
class Verdict:
    verdict: str  # supported | contradicted | partly | not_in_report
    lead: str
    corrected: str | None = None
    figure: dict[str, Any] | None = None
    reason: str = ""  # why, for a caller that may look further: no_figure | group | unit | wave | source
    fit: float = 1.0  # how well the figure it rests on matches the claim (prose: share of its words found)


def _replace(text: str, start: int, end: int, new: str) -> str:
    out = text[:start] + new + text[end:]
    out = re.sub(r"\s+", " ", out).strip()
    return out[:1].upper() + out[1:]


def _corrected_amount(p: ParsedClaim, a: Amount, r: Reading) -> str:
    new, end = figure_phrase(r), a.end
    if a.kind == "quant":
        noun = re.match(r"\s+(bedrift|virksomhet|verksemd)(?![\wæøå])", p.text[a.end :])
        if noun:  # "hver tredje bedrift" → "3 av 10 bedrifter"
            new, end = f"{new} {noun.group(1)}er", a.end + noun.end()
        elif not re.match(r"\s*av\b", p.text[a.end :]):
            new += " av"
    out = _replace(p.text, a.start, end, new)
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
    if p.comparison:
        v = _judge_comparison(p, figures)
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
        v = _judge_change(p, figures)
        if v is not None:
            return v
        return Verdict(
            "not_in_report",
            "Rapporten sier ikke noe om dette: den viser ikke tall for denne endringen fra november 2021 "
            "til juni 2022.",
            reason="no_figure",
        )
    if p.superlative and p.groups and not p.amounts:
        v = _judge_group_superlative(p, figures)
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
        and (r.first.get("sentence") is None or r.fit >= MIN_PROSE_FIT)
    ]
    if not readings:
        return Verdict("not_in_report", f"Rapporten sier ikke noe om dette: {NO_FIGURE}", reason="no_figure")
    if not p.amounts:
        return _judge_unquantified(p, readings)
    a = p.amounts[0]
    same_unit = [r for r in readings if r.unit == UNIT_OF_KIND[a.kind]]
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


def _judge_amount(p: ParsedClaim, a: Amount, best: Reading, figures: list[dict[str, Any]]) -> Verdict:
    """The claim's figure against the report's figure for its subject (wave, group and other readings)."""
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
    claimed = re.sub(r"^(hele|bare|kun|så mange som|så få som)\s+", "", a.text, flags=re.IGNORECASE)
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
            why += f" ({claimed} gjelder {group_phrase(r.first.get('group_label')) or 'alle bedriftene'})"
            break
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


def _component(a: Amount, best: Reading) -> dict[str, Any] | None:
    """The one printed answer of a merged pair («Nyttig» of «Nyttig» + «Svært nyttig») that the claim's
    exact figure matches, when the claim names the plain answer, not the «svært» one."""
    if a.kind != "pct" or len(best.rows) < 2 or a.high - a.low > 1:
        return None
    for r in best.rows:
        if not str(r.get("option", "")).lower().startswith("svært") and a.low <= float(r["value"]) <= a.high:
            return r
    return None


def _judge_unquantified(p: ParsedClaim, readings: list[Reading]) -> Verdict:
    """A claim without a figure: a superlative is checked against the ranking, a direction ("produktiviteten
    ble bedre") against its opposite, a statement against the report sentence that says it."""
    best = readings[0]
    if p.superlative:
        v = _judge_superlative(p, readings)
        if v is not None:
            return v
    opposite = _opposite_reading(p, best)
    if opposite is not None:
        detail = f"{describe(best)}, mot {describe(opposite)}"
        if best.value > opposite.value:
            return Verdict(
                "supported", f"Ja, flere svarte dette enn det motsatte: {detail}.", None, best.first
            )
        return Verdict(
            "contradicted", f"Nei. Færre svarte dette enn det motsatte: {detail}.", None, best.first
        )
    if best.first.get("sentence") is not None:
        found = topic_tokens(p) & set(tokens(normalize(best.first["sentence"])))
        if best.fit >= MIN_STATEMENT_FIT and len(found) >= 2:
            return Verdict("supported", f"Ja. {_capital(describe(best))}.", None, best.first)
        return Verdict("not_in_report", f"Rapporten sier ikke noe om dette: {NO_FIGURE}", reason="no_figure")
    if p.options and best.fit >= 1.5:
        return Verdict("supported", f"Ja. Rapporten viser {describe(best)}.", None, best.first)
    return Verdict(
        "not_in_report",
        f"Rapporten sier ikke noe om dette direkte. Den viser {describe(best)}.",
        None,
        best.first,
    )


def _judge_superlative(p: ParsedClaim, readings: list[Reading]) -> Verdict | None:
    """ "… er den nyttigste tjenesten": the item (or group) the claim names must top the ranking."""
    data = [r for r in readings if r.first.get("sentence") is None and r.value is not None]
    units = {r.unit for r in data}
    if len(data) < 2 or len(units) > 1 or not data[0].specific:
        return None  # nothing to rank, or the claim names none of the items
    named = data[0]
    data = [r for r in data if {x.get("option") for x in r.rows} == {x.get("option") for x in named.rows}]
    lowest = p.superlative in ("lavest", "færrest", "minst", "dårligst")
    top = (min if lowest else max)(data, key=lambda r: r.value)
    if named.fit <= min(r.fit for r in data):
        return None  # the claim does not single out one of them
    if top.value == named.value:
        return Verdict("supported", f"Ja. Det stemmer med rapporten: {describe(named)}.", None, named.first)
    return Verdict(
        "contradicted",
        f"Nei. {('Lavest' if lowest else 'Høyest')} er {describe(top)}; til sammenligning {describe(named)}.",
        None,
        top.first,
    )


_LOWEST = ("lavest", "lågast", "færrest", "minst", "dårligst", "sjeldnest", "sjeldnast")


def _judge_group_superlative(p: ParsedClaim, figures: list[dict[str, Any]]) -> Verdict | None:
    """ "De største bedriftene har oftest vært i kontakt …": the claim's group must top the groups the
    report gives for the same figure (or be lowest, for "lavest", "færrest", "sjeldnest")."""
    claimed = p.groups[0]
    readings = [
        r
        for r in readings_for(p, [f for f in figures if f.get("group_dim") == claimed[0]])
        if r.value is not None and r.unit == "pct" and (not r.first.get("sentence") or r.fit >= MIN_PROSE_FIT)
    ]
    mine = [r for r in readings if group_fits(claimed, r.first)]
    if not mine:
        return None
    own = mine[0]

    def key(r: Reading) -> tuple[Any, ...]:
        return (r.first.get("source"), r.first.get("item"), tuple(x.get("option") for x in r.rows))

    same = {r.first.get("group_label"): r for r in readings if key(r) == key(own)}
    if len(same) < 2:
        return None
    lowest = p.superlative in _LOWEST
    top = (min if lowest else max)(same.values(), key=lambda r: r.value)
    others = "; ".join(describe(r) for r in same.values() if r is not own)
    if top.value == own.value:
        return Verdict(
            "supported", f"Ja. Det stemmer med rapporten: {describe(own)}, mot {others}.", None, own.first
        )
    return Verdict(
        "contradicted",
        f"Nei. {('Lavest' if lowest else 'Høyest')} er {describe(top)}; til sammenligning {describe(own)}.",
        None,
        top.first,
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


def _value_for(p: ParsedClaim, figures: list[dict[str, Any]], side: str | None, group: Any) -> Reading | None:
    narrowed, missing = narrow(p, figures, group)
    if missing:
        return None
    readings = [r for r in readings_for(p, narrowed, side) if r.value is not None]
    return readings[0] if readings else None


def _judge_comparison(p: ParsedClaim, figures: list[dict[str, Any]]) -> Verdict | None:
    """ "Flere X enn Y": X and Y differ by group (size), by option, or by item; compare the two values."""
    left, right = p.sides
    lg, rg = side_groups(left), side_groups(right)
    lo_opts, ro_opts = p.side_options
    shared = p.groups[0] if p.groups else None
    if lg and rg and lg[0] != rg[0]:  # two groups
        pairs = _item_pairs(p, figures, lg[0], rg[0])
        if len(pairs) > 1:  # the claim names no one item: every item the two groups were asked about
            return _judge_pairs(p, pairs)
        a = _value_for(p, figures, left, lg[0])
        b = _value_for(p, figures, right, rg[0])
    elif lo_opts and ro_opts and lo_opts != ro_opts:  # two answers ("positiv enn negativ endring")
        # of the same item: the one the claim names, on either side ("kreativiteten ble dårligere enn bedre")
        a = _value_for(
            ParsedClaim(**{**p.__dict__, "options": lo_opts}), figures, None, lg[0] if lg else shared
        )
        b = _value_for(
            ParsedClaim(**{**p.__dict__, "options": ro_opts}), figures, None, rg[0] if rg else shared
        )
        if a is not None and b is not None and a.series and a.series is not b.series:
            same = [
                r
                for r in readings_for(ParsedClaim(**{**p.__dict__, "options": ro_opts}), a.series)
                if r.value is not None
            ]
            b = same[0] if same else b
    else:  # two items ("verneombudet … enn ledelsen"), each side naming its own
        a = _value_for(p, figures, left, shared)
        b = _value_for(p, figures, right, shared)
        if a is not None and b is not None and not (a.specific and b.specific):
            return None  # a side names no item of its own
    if a is None or b is None or a.rows == b.rows:
        return None
    return compare_readings(p, a, b)


def compare_readings(p: ParsedClaim, a: Reading, b: Reading) -> Verdict:
    """The claim's comparison of two figures: the left side's `a` against the right side's `b`."""
    holds = a.value > b.value if p.comparison == "more" else a.value < b.value
    detail = f"{describe(a)}, mot {describe(b)}"
    if holds:
        v = Verdict("supported", f"Ja. Det stemmer med rapporten: {detail}.", None, a.first)
    elif a.value == b.value:
        v = Verdict("contradicted", f"Nei. Andelene er like store: {detail}.", None, a.first)
    else:
        v = Verdict("contradicted", f"Nei. Det er omvendt: {detail}.", reversed_claim(p), a.first)
    v.fit = min(a.fit, b.fit, 1.0)  # as sure as the less certain of the two figures
    return v


def reversed_claim(p: ParsedClaim) -> str:
    """The claim with its comparison turned around ("mindre nyttige" → "mer nyttige"; "mindre bedrifter"
    stays a size: "større bedrifter").

    >>> from assistant.claims.parse import parse
    >>> reversed_claim(parse("store bedrifter synes BHT er mindre nyttig enn små"))
    'Store bedrifter synes BHT er mer nyttig enn små'
    """
    word = p.comparator
    m = re.search(r"(?<![\wæøå])" + re.escape(word) + r"(?![\wæøå])(\s+\S+)?", p.text, flags=_I)
    if not m:
        return p.text
    new = _OPPOSITE_WORD.get(word.lower(), word)
    if word.lower() == "mindre" and re.match(r"\s+(bedrift|virksomhet|verksemd|foretak)", m.group(1) or ""):
        new = "større"
    out = p.text[: m.start()] + new + p.text[m.start() + len(word) :]
    return out[:1].upper() + out[1:]


def _item_pairs(
    p: ParsedClaim, figures: list[dict[str, Any]], ga: Any, gb: Any
) -> list[tuple[Reading, Reading]]:
    """Two groups' readings of the same table item and answer, for every item when the claim names none
    ("de små bedriftene er mer fornøyde med BHT": each BHT service of Tabell 7); one pair, or none,
    when it names an item or the figures are the report's prose."""
    sides = []
    for group in (ga, gb):
        narrowed, missing = narrow(p, figures, group)
        if missing:
            return []
        sides.append(
            [r for r in readings_for(p, narrowed) if r.value is not None and not r.first.get("sentence")]
        )
    if any(r.specific for r in sides[0]):
        return []  # an item is named: the single comparison of that item
    pairs = []
    for a in sides[0]:
        key = (
            a.first.get("source"),
            a.first.get("item"),
            a.first.get("wave"),
            tuple(x.get("option") for x in a.rows),
        )
        for b in sides[1]:
            if key == (
                b.first.get("source"),
                b.first.get("item"),
                b.first.get("wave"),
                tuple(x.get("option") for x in b.rows),
            ):
                pairs.append((a, b))
                break
    return pairs


def _judge_pairs(p: ParsedClaim, pairs: list[tuple[Reading, Reading]]) -> Verdict:
    """A comparison of two groups over every item: supported when it holds for all, contradicted when for
    none, partly otherwise; the lead gives both groups' figures item by item."""
    more = p.comparison == "more"
    holds = [(a.value > b.value) if more else (a.value < b.value) for a, b in pairs]
    a0, b0 = pairs[0]
    options = " + ".join(f"«{x['option']}»" for x in a0.rows)
    ga = group_phrase(a0.first.get("group_label")) or "alle bedriftene"
    gb = group_phrase(b0.first.get("group_label")) or "alle bedriftene"
    items = "; ".join(
        f"«{a.first.get('item')}» {fmt_value(a.value, a.unit)} mot {fmt_value(b.value, b.unit)}"
        for a, b in pairs
    )
    where = [str(a0.first.get("source") or "")]
    if a0.first.get("wave") in WAVE_TEXT:
        where.append(WAVE_TEXT[a0.first["wave"]])
    detail = f"andel {options} blant {ga} mot {gb}: {items} ({', '.join(w for w in where if w)})"
    n = len(pairs)
    if all(holds):
        return Verdict(
            "supported", f"Ja. Det gjelder alle {n} punktene i rapporten, {detail}.", None, a0.first
        )
    if any(holds):
        k = sum(holds)
        return Verdict("partly", f"Delvis. Det gjelder {k} av {n} punkter, {detail}.", None, a0.first)
    reverse = all(a.value != b.value for a, b in pairs)
    return Verdict(
        "contradicted",
        f"Nei. {'Det er omvendt på' if reverse else 'Det gjelder ikke for'} alle {n} punktene, {detail}.",
        reversed_claim(p) if reverse else None,
        a0.first,
    )


def _paragraph_fit(p: ParsedClaim, r: Reading) -> float:
    """How much of the claim the quoted passage around a prose figure covers (a change is often stated in
    the sentence after the one that names the topic)."""
    own = topic_tokens(p)
    text = r.first.get("paragraph") or r.first.get("sentence") or ""
    return max(r.fit, len(own & set(tokens(normalize(text)))) / max(len(own), 1))


def _judge_change(p: ParsedClaim, figures: list[dict[str, Any]]) -> Verdict | None:
    """ "Andelen økte fra 2021 til 2022": the same measure in two waves."""
    by_wave: dict[str, Reading] = {}
    readings = [
        r
        for r in readings_for(p, [f for f in figures if is_total(f)])
        if r.first.get("sentence") is None or _paragraph_fit(p, r) >= MIN_PROSE_FIT  # about the claim's topic
    ]
    by_sentence: dict[str, dict[str, Reading]] = {}
    for r in readings:  # a sentence that states both waves ("fra 65 prosent … til 55 prosent") comes first
        if r.first.get("sentence") and r.first.get("wave") in WAVE_TEXT:
            by_sentence.setdefault(r.first["sentence"], {}).setdefault(r.first["wave"], r)
    both = [waves for waves in by_sentence.values() if len(waves) == 2]
    if both:
        by_wave = both[0]
    for r in readings:
        w = r.first.get("wave")
        if w in WAVE_TEXT and w not in by_wave and r.unit == "pct":
            by_wave[w] = r
    if len(by_wave) < 2:
        return None
    before, after = by_wave["2021-11"], by_wave["2022-06"]
    went_up = after.value > before.value
    detail = (
        f"{fmt_value(before.value, 'pct')} i november 2021 og {fmt_value(after.value, 'pct')} i juni 2022"
    )
    srcs = "; ".join(
        dict.fromkeys(str(r.first.get("section_label") or r.first.get("source")) for r in (before, after))
    )
    if went_up == (p.change == "up") and after.value != before.value:
        return Verdict("supported", f"Ja. Rapporten viser {detail} ({srcs}).", None, after.first)
    corrected = re.sub(
        re.escape(p.change_word),
        _CHANGE_OPPOSITE.get(p.change_word.lower(), "gått ned" if p.change == "up" else "økt"),
        p.text,
        count=1,
        flags=_I,
    )
    corrected += f" ({detail})"
    return Verdict(
        "contradicted",
        f"Nei. Andelen har {'økt' if went_up else 'gått ned'}: rapporten viser {detail} ({srcs}).",
        corrected[:1].upper() + corrected[1:],
        after.first,
    )
