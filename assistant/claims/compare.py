"""Judge the claims that weigh figures against each other: a superlative against the ranking (of items,
or of groups for the same figure), a comparison of two groups, answers or items (item by item when the
claim names none), and a change between the survey's two waves."""

from __future__ import annotations

import re
from typing import Any

from ..knowledge import WAVE_TEXT
from ..normalize import normalize, tokens
from .parse import ParsedClaim, parse, side_groups
from .readings import (
    Reading,
    describe,
    fmt_value,
    group_fits,
    group_phrase,
    is_total,
    narrow,
    readings_for,
    topic_tokens,
)
from .verdict import MIN_PROSE_FIT, Verdict

_I = re.IGNORECASE
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


_LOWEST = ("lavest", "lågast", "færrest", "minst", "dårligst", "sjeldnest", "sjeldnast")


def judge_superlative(p: ParsedClaim, readings: list[Reading]) -> Verdict | None:
    """ "… er den nyttigste tjenesten": the item (or group) the claim names must top the ranking."""
    data = [r for r in readings if r.first.get("sentence") is None and r.value is not None]
    units = {r.unit for r in data}
    if len(data) < 2 or len(units) > 1 or not data[0].specific:
        return None  # nothing to rank, or the claim names none of the items
    named = data[0]
    data = [r for r in data if {x.get("option") for x in r.rows} == {x.get("option") for x in named.rows}]
    lowest = p.superlative in _LOWEST
    top = (min if lowest else max)(data, key=lambda r: r.value)
    if named.fit <= min(r.fit for r in data):
        # "ledelsen er den viktigste rollen, foran tillitsvalgte og verneombud": all are named; the one the
        # claim is about is its subject, before the first verb
        subject = set(tokens(re.split(r"\b(?:er|var|ble|vart|blir|har|hadde|kom|kommer)\b", normalize(p.text), maxsplit=1)[0]))
        said = [r for r in data if r.first.get("item") and subject & set(tokens(str(r.first["item"])))]
        if len(said) != 1:
            return None  # the claim does not single out one of them
        named = said[0]
    if top.value == named.value:
        return Verdict("supported", f"Ja. Det stemmer med rapporten: {describe(named)}.", None, named.first)
    return Verdict(
        "contradicted",
        f"Nei. {('Lavest' if lowest else 'Høyest')} er {describe(top)}; til sammenligning {describe(named)}.",
        None,
        top.first,
    )


def judge_group_superlative(p: ParsedClaim, figures: list[dict[str, Any]]) -> Verdict | None:
    """ "De største bedriftene har oftest vært i kontakt …": the claim's group must top the groups the
    report gives for the same figure (or be lowest, for "lavest", "færrest", "sjeldnest")."""
    claimed = p.groups[0]
    readings = [
        r
        for r in readings_for(p, [f for f in figures if f.get("group_dim") == claimed[0]])
        if r.value is not None
        and (
            r.unit == "pct" or r.first.get("option") == "Nettoutvalg (antall)"
        )  # or who answered (Tabell 9–11)
        and (not r.first.get("sentence") or r.fit >= MIN_PROSE_FIT)
    ]
    mine = [r for r in readings if group_fits(claimed, r.first)]
    if not mine:
        return None
    own = mine[0]

    def key(r: Reading) -> tuple[Any, ...]:
        return (r.first.get("source"), r.first.get("item"), tuple(x.get("option") for x in r.rows))

    same = {
        r.first.get("group_label"): r
        for r in readings
        if key(r) == key(own) and r.first.get("group_label") not in ("Sum", "Ukjent", "Alle", "Totalt")
    }
    if len(same) < 2:
        return None
    lowest = p.superlative in _LOWEST
    top = (min if lowest else max)(same.values(), key=lambda r: r.value)
    others = "; ".join(describe(r) for r in same.values() if r is not own)
    if top.value == own.value:
        return Verdict(
            "supported", f"Ja. Det stemmer med rapporten: {describe(own)}, mot {others}.", None, own.first
        )
    which = "Lavest" if lowest else "Høyest"
    if top.first.get("sentence") is not None and group_phrase(top.first.get("group_label")):
        # a prose figure: «Høyest er andelen blant bedrifter med 200 eller flere ansatte: rapporten skriver «…»»
        which = f"{which} er andelen blant {group_phrase(top.first.get('group_label'))}:"
    else:
        which += " er"
    return Verdict(
        "contradicted", f"Nei. {which} {describe(top)}; til sammenligning {describe(own)}.", None, top.first
    )


def _value_for(p: ParsedClaim, figures: list[dict[str, Any]], side: str | None, group: Any) -> Reading | None:
    narrowed, missing = narrow(p, figures, group)
    if missing:
        return None
    readings = [r for r in readings_for(p, narrowed, side) if r.value is not None]
    return readings[0] if readings else None


def judge_comparison(p: ParsedClaim, figures: list[dict[str, Any]]) -> Verdict | None:
    """ "Flere X enn Y": X and Y differ by group (size), by option, or by item; compare the two values."""
    left, right = p.sides
    lg, rg = side_groups(left), side_groups(right)
    lo_opts, ro_opts = p.side_options
    shared = p.groups[0] if p.groups else None
    lw, rw = parse(left).waves, parse(right).waves
    if (
        len(set(lw)) == 1 and len(set(rw)) == 1 and lw != rw
    ):  # two waves ("juni fikk flere svar enn november")
        by_wave = {}
        for r in readings_for(ParsedClaim(**{**p.__dict__, "waves": []}), figures):
            if r.value is not None and r.first.get("wave") in (lw[0], rw[0]):
                by_wave.setdefault(r.first["wave"], r)
        a, b = by_wave.get(lw[0]), by_wave.get(rw[0])
        if a is None or b is None or a.unit != b.unit or a.first.get("option") != b.first.get("option"):
            return None
        return compare_readings(p, a, b)
    if lg and rg and lg[0] != rg[0]:  # two groups
        pairs = _item_pairs(p, figures, lg[0], rg[0])
        if len(pairs) > 1:  # the claim names no one item: every item the two groups were asked about
            return _judge_pairs(p, pairs)
        a = _value_for(p, figures, left, lg[0])
        b = _value_for(p, figures, right, rg[0])
        if a is not None and b is not None and _key(a) != _key(b):
            # each group's best figure is of another item («Tilsyn med veiledning» against «… covid-19 …»):
            # the right group's figure of the left one's item and answer, or no comparison at all
            narrowed, _missing = narrow(p, figures, rg[0])
            same = [r for r in readings_for(p, narrowed) if r.value is not None and _key(r) == _key(a)]
            if not same:
                return None
            b = same[0]
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


def _key(r: Reading) -> tuple[Any, ...]:
    """What a figure is of: its table, item and answers (a prose figure: its sentence)."""
    f = r.first
    if f.get("sentence") is not None:
        return ("prose",)
    return (f.get("source"), f.get("item"), f.get("wave"), tuple(x.get("option") for x in r.rows))


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
    none, contradicted («Nei, bare delvis») when only some do; the lead gives both groups' figures item by item."""
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
        return Verdict(  # the claim says all: it does not hold as written
            "contradicted", f"Nei, bare delvis. Det gjelder {k} av {n} punkter, {detail}.", None, a0.first
        )
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
    text += " " + str(r.first.get("before") or "")  # (a quoted sentence alone: the report's text before it)
    return max(r.fit, len(own & set(tokens(normalize(text)))) / max(len(own), 1))


def judge_change(p: ParsedClaim, figures: list[dict[str, Any]]) -> Verdict | None:
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
    else:  # two figures of one measure: the same survey question, or the same paragraph of the report
        by_measure: dict[str, dict[str, Reading]] = {}
        for r in readings:
            w = r.first.get("wave")
            key = str(r.first.get("question_id") or r.first.get("paragraph") or "")
            if w in WAVE_TEXT and r.unit == "pct" and key:
                by_measure.setdefault(key, {}).setdefault(w, r)
        by_wave = next((waves for waves in by_measure.values() if len(waves) == 2), {})
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
