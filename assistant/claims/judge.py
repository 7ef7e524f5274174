"""Judge a parsed claim on the report's figures: supported, contradicted or not in the report."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from .. import knowledge
from ..compose.numbers import n_text
from ..normalize import fold, normalize, tokens
from .parse import WAVE_TEXT, Amount, ParsedClaim, _groups

_I = re.IGNORECASE
_NOT_AN_ANSWER = re.compile(r"(?i)vet ikke|ikke relevant|ikke aktuelt")
_NEGATION = re.compile(r"(?<![\wæøå])(ikke|ikkje|ingen|aldri)(?![\wæøå])", _I)
_SPAN_WAVE = re.compile(
    r"(?:i |fra |frå )?(?:november|juni|høsten|sommeren|nov\.?)?\s*(?:2021|2022)|i juni|i november|"
    r"tilleggsundersøkelsen|hovedundersøkelsen|etter pandemien",
    _I,
)
_OPPOSITE_WORD = {
    "flere": "færre", "fleire": "færre", "færre": "flere", "høyere": "lavere", "lavere": "høyere",
    "større": "mindre", "mindre": "større", "mer": "mindre", "meir": "mindre", "oftere": "sjeldnere",
    "sjeldnere": "oftere", "bedre": "dårligere", "dårligere": "bedre", "nyttigere": "mindre nyttige",
    "viktigere": "mindre viktige",
}  # fmt: skip
_CHANGE_OPPOSITE = {"up": "gått ned", "down": "økt"}


MIN_PROSE_FIT = 0.5  # share of the claim's content words a report sentence must hold to speak to it
MIN_STATEMENT_FIT = 0.6  # … and to support a claim without a figure by itself
NO_FIGURE = "jeg finner ikke et tall i rapporten som svarer til påstanden."


@dataclass
class Verdict:
    verdict: str  # supported | contradicted | partly | not_in_report
    lead: str
    corrected: str | None = None
    figure: dict[str, Any] | None = None
    reason: str = ""  # why, for a caller that may look further: no_figure | group | unit | wave | source
    fit: float = 1.0  # how well the figure it rests on matches the claim (prose: share of its words found)


def band_of(label: str | None) -> tuple[float, float | None] | None:
    """Size band of a group label as printed ("1–9", "200 eller flere", "opp til 9 årsverk"); None for all.

    >>> band_of("1–9"), band_of("200 eller flere"), band_of("Alle"), band_of("10 årsverk eller flere")
    ((1.0, 9.0), (200.0, None), None, (10.0, None))
    """
    t = fold(label or "")
    if not t or t in ("alle", "sum", "total"):
        return None
    m = re.match(r"^(\d+)\s*-\s*(\d+)", t)
    if m:
        return float(m.group(1)), float(m.group(2))
    m = re.search(r"opp til (\d+)", t)
    if m:
        return 1.0, float(m.group(1))
    m = re.match(r"^(\d+)\s*(?:\+|eller flere|årsverk eller flere|ansatte eller flere)", t)
    if m:
        return float(m.group(1)), None
    m = re.match(r"^(\d+)$", t)
    if m:
        return float(m.group(1)), float(m.group(1))
    return None


def _group_fits(claim_group: tuple[str, str, float, float | None], fig: dict[str, Any]) -> bool:
    dim, key, lo, hi = claim_group
    label = fig.get("group_label") or ""
    if dim != "storrelse":
        return fold(label) == fold(key)
    band = band_of(label)
    if band is None:
        return False
    a, b = band
    hi_v = hi if hi is not None else 1e9
    b_v = b if b is not None else 1e9
    inside = a >= lo and b_v <= hi_v
    around = lo >= a and hi_v <= b_v and (b_v - a) <= 2 * (hi_v - lo + 1)  # "2–9" asked, "1–9" printed
    return inside or around


def _is_total(fig: dict[str, Any]) -> bool:
    return fig.get("group_dim") in (None, "", "total") and band_of(fig.get("group_label")) is None


def _loose(label: str) -> str:
    return re.sub(r"^[…\.\s]+", "", fold(label or ""))


def _options_in(series: list[dict[str, Any]], wanted: list[str], negated: bool) -> list[dict[str, Any]]:
    """The rows of a series for the options a claim names; a negated option the claim does not negate
    ("har ansatte på hjemmekontor" is not «Har ikke ansatte …») gives way to its affirmative sibling."""
    want = {_loose(o) for o in wanted}
    rows = [r for r in series if _loose(r.get("option") or "") in want]
    agree = [r for r in rows if bool(_NEGATION.search(r["option"])) == negated]
    if rows and not agree:
        words = {w for r in rows for w in tokens(r["option"])}
        agree = [
            r
            for r in series
            if bool(_NEGATION.search(r.get("option") or "")) == negated and words <= set(tokens(r["option"]))
        ]
    rows = agree or rows
    sums = [r for r in rows if "(sum)" in r["option"]]
    return sums[:1] or rows


def _series(figures: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    out: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for f in figures:
        key = (
            f.get("source"),
            f.get("item"),
            f.get("group_label"),
            f.get("wave"),
            f.get("sentence"),
            f.get("start"),
        )
        out.setdefault(key, []).append(f)
    return list(out.values())


@dataclass
class _Reading:
    """One way the report answers the claim: a value, the rows it sums, and how well it fits the claim."""

    value: float
    unit: str
    rows: list[dict[str, Any]]
    fit: float
    low: float | None = None  # a figure the report states only as an interval ("om lag halvparten")
    high: float | None = None
    series: list[dict[str, Any]] = field(default_factory=list)  # every row of this item and group

    @property
    def first(self) -> dict[str, Any]:
        return self.rows[0]


def _topic_tokens(p: ParsedClaim, text: str | None = None) -> set[str]:
    """The claim's content words, without its figures and years (they say how many, not what)."""
    text = text if text is not None else p.text
    for a in sorted(p.amounts, key=lambda a: -a.start):
        if text is p.text or a.text in text:
            text = text.replace(a.text, " ")
    text = re.sub(r"\b(19|20)\d\d\b", " ", text)
    return {t for t in tokens(normalize(text)) if not t.isdigit()}


_UNIT_OF_KIND = {"pct": "pct", "ratio": "pct", "quant": "pct", "count": "count", "mean": "mean"}


def _readings(p: ParsedClaim, figures: list[dict[str, Any]], text: str | None = None) -> list[_Reading]:
    """Candidate figures for the claim's subject, best first. A data series needs the claim's options (or
    only one answer to choose); a prose figure needs the claim's words in its sentence."""
    claim_tok = _topic_tokens(p, text)
    kind = p.amounts[0].kind if p.amounts else None
    out: list[_Reading] = []
    for series in _series(figures):
        first = series[0]
        if first.get("sentence") is not None:  # a figure stated in the report's prose
            sentence = set(tokens(normalize(first["sentence"])))
            piece = set(tokens(normalize(first.get("context") or "")))
            # the sentence must speak to the claim; its piece around the figure breaks ties between figures
            fit = (len(claim_tok & sentence) + 0.25 * len(claim_tok & piece)) / max(len(claim_tok), 1)
            unit = first.get("unit") or "pct"
            out.append(_Reading(first["value"], unit, series, fit, first.get("low"), first.get("high")))
            continue
        rows = _options_in(series, p.options, p.negated) if p.options else []
        if not rows:
            plain = [r for r in series if not _NOT_AN_ANSWER.match(r.get("option") or "")]
            if kind is not None:  # "1713 bedrifter svarte": the series' one count, not its share
                plain = [r for r in plain if r.get("unit") == _UNIT_OF_KIND[kind]] or plain
            if len(plain) == 1:
                rows = plain
            elif any(r.get("option") == "Ja" for r in series):
                rows = [r for r in series if r.get("option") == "Ja"]
            elif kind == "count" and plain and all(r.get("unit") == "count" for r in plain):
                rows = [
                    min(plain, key=lambda r: abs(math.log((r["value"] or 1) / (p.amounts[0].value or 1))))
                ]
        if not rows:
            continue
        item_tok = set(tokens(normalize(first.get("item") or "")))
        fit = 1.0 + (len(claim_tok & item_tok) / max(len(item_tok), 1) if item_tok else 0.0)
        if p.options and any(_loose(r["option"]) in {_loose(o) for o in p.options} for r in rows):
            fit += 0.5
        value = round(sum(float(r["value"]) for r in rows), 2)
        out.append(_Reading(value, rows[0].get("unit") or "pct", rows, fit, series=series))
        words = {w for r in rows for w in tokens(r["option"])}
        for total in series:  # the report's own merge of this answer with its neighbour ("… (sum)")
            if (
                "(sum)" in (total.get("option") or "")
                and total not in rows
                and words <= set(tokens(total["option"]))
            ):
                out.append(
                    _Reading(float(total["value"]), total.get("unit") or "pct", [total], fit, series=series)
                )
    return sorted(out, key=lambda r: -r.fit)


def _fits_amount(a: Amount, r: _Reading) -> bool:
    if a.kind == "mean" and r.unit != "mean":
        return False
    if a.kind in ("pct", "ratio", "quant") and r.unit not in ("pct",):
        return False
    slack = 0.5 if len(r.rows) > 1 and a.kind == "pct" else 0.0  # a sum of rounded shares
    if r.low is not None and r.high is not None:  # the report itself is approximate: the intervals overlap
        return a.low - slack <= r.high and r.low <= a.high + slack
    return a.low - slack <= r.value <= a.high + slack


def fmt_value(value: float, unit: str) -> str:
    """Norwegian figure: '13 %', '3,9', '1 713'.

    >>> fmt_value(13.0, "pct"), fmt_value(3.9, "mean"), fmt_value(1713.0, "count")
    ('13 %', '3,9', '1 713')
    """
    if unit == "mean":
        return f"{value:.1f}".replace(".", ",")
    if unit == "count":
        return f"{value:,.0f}".replace(",", " ")
    text = f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} %"


def _group_phrase(label: str | None) -> str:
    if not label or label in ("Alle", "Sum"):
        return ""
    if band_of(label) is not None and label[:1].isdigit():
        unit = "årsverk" if "årsverk" in label else "ansatte"
        return (
            f"bedrifter med {label.replace(' årsverk', '')} {unit}"
            if "årsverk" not in label
            else f"bedrifter med {label}"
        )
    return label if "bedrift" in label else f"bedrifter med {label}"


def describe(r: _Reading) -> str:
    """The report's figure with its source, in one clause."""
    f = r.first
    if f.get("sentence") is not None:
        where = f.get("section_label") or f.get("source") or "rapporten"
        return f"rapporten skriver «{f.get('context') or f['sentence']}» ({where})"
    opts = " + ".join(f"«{x['option'].lstrip('… ')}»" for x in r.rows)
    parts = [f"{fmt_value(r.value, r.unit)} svarte {opts}" if r.unit == "pct" else fmt_value(r.value, r.unit)]
    if r.unit == "mean":
        parts = [f"gjennomsnittet {fmt_value(r.value, r.unit)} (skala 1–4)"]
    elif r.unit == "count":
        parts = [f"{fmt_value(r.value, r.unit)} ({f['option'].lower()})"]
    if f.get("item"):
        parts.append(f"om «{f['item']}»")
    g = _group_phrase(f.get("group_label"))
    if g:
        parts.append(f"blant {g}")
    src = [str(f.get("source") or "")]
    if f.get("wave") in WAVE_TEXT:
        src.append(WAVE_TEXT[f["wave"]])
    if f.get("n"):
        src.append(f"n = {n_text(str(f['n']))}")
    return " ".join(parts) + f" ({', '.join(s for s in src if s)})"


def _figure_phrase(r: _Reading) -> str:
    """The report's figure written the way the claim wrote its own ("1 av 4" stays a ratio when the report says so)."""
    f = r.first
    if f.get("sentence") is not None and f.get("text"):
        return f["text"]
    if r.unit == "pct":
        return f"{fmt_value(round(r.value), 'pct').replace(' %', '')} prosent"
    return fmt_value(r.value, r.unit)


def _replace(text: str, start: int, end: int, new: str) -> str:
    out = text[:start] + new + text[end:]
    out = re.sub(r"\s+", " ", out).strip()
    return out[:1].upper() + out[1:]


def _corrected_amount(p: ParsedClaim, a: Amount, r: _Reading) -> str:
    new, end = _figure_phrase(r), a.end
    if a.kind == "quant":
        noun = re.match(r"\s+(bedrift|virksomhet|verksemd)(?![\wæøå])", p.text[a.end :])
        if noun:  # "hver tredje bedrift" → "3 av 10 bedrifter"
            new, end = f"{new} {noun.group(1)}er", a.end + noun.end()
        elif not re.match(r"\s*av\b", p.text[a.end :]):
            new += " av"
    out = _replace(p.text, a.start, end, new)
    return _fix_wave(out, p, r)


def _fix_wave(text: str, p: ParsedClaim, r: _Reading) -> str:
    wave = r.first.get("wave")
    if not p.waves or wave not in WAVE_TEXT or wave in p.waves:
        return text
    m = _SPAN_WAVE.search(text)
    if not m:
        return text
    return _replace(text, m.start(), m.end(), f"i {WAVE_TEXT[wave]}")


def _wave_mismatch(p: ParsedClaim, r: _Reading) -> bool:
    wave = r.first.get("wave")
    return bool(p.waves) and wave in WAVE_TEXT and wave not in p.waves and len(set(p.waves)) == 1


def _narrow(
    p: ParsedClaim, figures: list[dict[str, Any]], group: Any = None
) -> tuple[list[dict[str, Any]], str | None]:
    """The figures about the claim's group (or all companies when it names none). Second: a reason they do not exist."""
    group = group if group is not None else (p.groups[0] if p.groups else None)
    if group is None:
        total = [f for f in figures if _is_total(f)]
        return (total or figures), None
    fitting = [f for f in figures if _group_fits(group, f)]
    if fitting:
        return fitting, None
    return [], group[1]


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
    if p.change:
        v = _judge_change(p, figures)
        if v is not None:
            return v
    narrowed, missing_group = _narrow(p, figures)
    if missing_group:
        return Verdict(
            "not_in_report",
            "Rapporten sier ikke noe om dette: den viser ikke tall for denne gruppen "
            f"({missing_group}) om dette spørsmålet.",
            reason="group",
        )
    readings = [
        r
        for r in _readings(p, narrowed)
        if (r.value is not None or not p.amounts)
        and (r.first.get("sentence") is None or r.fit >= MIN_PROSE_FIT)
    ]
    if not readings:
        return Verdict("not_in_report", f"Rapporten sier ikke noe om dette: {NO_FIGURE}", reason="no_figure")
    if not p.amounts:
        return _judge_unquantified(p, readings)
    a = p.amounts[0]
    same_unit = [r for r in readings if r.unit == _UNIT_OF_KIND[a.kind]]
    if not same_unit:
        return Verdict(
            "not_in_report",
            f"Rapporten sier ikke noe om dette i den formen: {describe(readings[0])}.",
            figure=readings[0].first,
            reason="unit",
        )
    same_wave = [r for r in same_unit if r.first.get("wave") in p.waves] if p.waves else same_unit
    pool = same_wave or same_unit
    fitting = [r for r in pool if r.fit >= pool[0].fit - 1e-9]
    best = next((r for r in fitting if _fits_amount(a, r)), fitting[0])
    verdict = _judge_amount(p, a, best, figures)
    verdict.fit = min(best.fit, 1.0)
    return verdict


def _judge_amount(p: ParsedClaim, a: Amount, best: _Reading, figures: list[dict[str, Any]]) -> Verdict:
    """The claim's figure against the report's figure for its subject (wave, group and other readings)."""
    if _fits_amount(a, best):
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
    why = f"Rapporten viser {_figure_phrase(best)}, ikke {a.text}"
    elsewhere = [
        r for r in _readings(p, figures) if r.value is not None and r.unit == best.unit and _fits_amount(a, r)
    ]
    for r in elsewhere:
        if p.waves and r.first.get("wave") in WAVE_TEXT and r.first.get("wave") not in p.waves:
            why += f" ({a.text} gjelder {WAVE_TEXT[r.first['wave']]})"
            break
        if p.groups and not _group_fits(p.groups[0], r.first):
            why += f" ({a.text} gjelder {_group_phrase(r.first.get('group_label')) or 'alle bedriftene'})"
            break
    return Verdict(
        "contradicted", f"Nei. {why}: {describe(best)}.", _corrected_amount(p, a, best), best.first
    )


def _judge_unquantified(p: ParsedClaim, readings: list[_Reading]) -> Verdict:
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
        if best.fit >= MIN_STATEMENT_FIT:
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


def _judge_superlative(p: ParsedClaim, readings: list[_Reading]) -> Verdict | None:
    """ "… er den nyttigste tjenesten": the item (or group) the claim names must top the ranking."""
    data = [r for r in readings if r.first.get("sentence") is None and r.value is not None]
    if len(data) < 2:
        return None
    named = data[0]
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


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _opposite_reading(p: ParsedClaim, r: _Reading) -> _Reading | None:
    pairs = (knowledge.lexicon().get("claims") or {}).get("opposites") or []
    chosen = {_loose(x["option"]) for x in r.rows}
    for a, b in pairs:
        for mine, theirs in ((a, b), (b, a)):
            if _loose(mine) in chosen:
                rows = [x for x in r.series if _loose(x.get("option") or "") == _loose(theirs)]
                if rows:
                    return _Reading(float(rows[0]["value"]), rows[0].get("unit") or "pct", rows, r.fit)
    return None


def _value_for(p: ParsedClaim, figures: list[dict[str, Any]], side: str, group: Any) -> _Reading | None:
    narrowed, missing = _narrow(p, figures, group)
    if missing:
        return None
    readings = _readings(p, narrowed, side)
    return readings[0] if readings else None


def _judge_comparison(p: ParsedClaim, figures: list[dict[str, Any]]) -> Verdict | None:
    """ "Flere X enn Y": X and Y differ by group (size), by option, or by item; compare the two values."""
    left, right = p.sides
    lg, rg = _groups(normalize(left)), _groups(normalize(right))
    lo_opts, ro_opts = p.side_options
    shared = p.groups[0] if p.groups else None
    if lg and rg and lg[0] != rg[0]:  # two groups
        a = _value_for(p, figures, left, lg[0])
        b = _value_for(p, figures, right, rg[0])
    elif lo_opts and ro_opts and lo_opts != ro_opts:  # two answers ("positiv enn negativ endring")
        a = _value_for(
            ParsedClaim(**{**p.__dict__, "options": lo_opts}), figures, left, lg[0] if lg else shared
        )
        b = _value_for(
            ParsedClaim(**{**p.__dict__, "options": ro_opts}), figures, right, rg[0] if rg else shared
        )
    else:  # two items ("verneombudet … enn ledelsen"), each side naming its own
        a = _value_for(p, figures, left, shared)
        b = _value_for(p, figures, right, shared)
        if a is not None and b is not None and (a.fit <= 1.0 or b.fit <= 1.0):
            return None  # a side names no item of its own
    if a is None or b is None or a.rows == b.rows:
        return None
    holds = a.value > b.value if p.comparison == "more" else a.value < b.value
    detail = f"{describe(a)}, mot {describe(b)}"
    if holds:
        return Verdict("supported", f"Ja. Det stemmer med rapporten: {detail}.", None, a.first)
    if a.value == b.value:
        return Verdict("contradicted", f"Nei. Andelene er like store: {detail}.", None, a.first)
    word = p.comparator
    corrected = re.sub(
        r"(?<![\wæøå])" + re.escape(word) + r"(?![\wæøå])",
        _OPPOSITE_WORD.get(word, word),
        p.text,
        count=1,
        flags=_I,
    )
    return Verdict(
        "contradicted", f"Nei. Det er omvendt: {detail}.", corrected[:1].upper() + corrected[1:], a.first
    )


def _judge_change(p: ParsedClaim, figures: list[dict[str, Any]]) -> Verdict | None:
    """ "Andelen økte fra 2021 til 2022": the same measure in two waves."""
    by_wave: dict[str, _Reading] = {}
    readings = _readings(p, [f for f in figures if _is_total(f)])
    by_sentence: dict[str, dict[str, _Reading]] = {}
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
        re.escape(p.change_word), _CHANGE_OPPOSITE[p.change or "up"], p.text, count=1, flags=_I
    )
    corrected += f" ({detail})"
    return Verdict(
        "contradicted",
        f"Nei. Andelen har {'økt' if went_up else 'gått ned'}: rapporten viser {detail} ({srcs}).",
        corrected[:1].upper() + corrected[1:],
        after.first,
    )
