"""Parse a claim: the figures it states (with the interval an editor accepts), comparison, change over
time, groups, waves and years. Vocabulary is data: knowledge/lexicon.yaml `claims`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .. import intents, knowledge
from ..normalize import expand_abbreviations, fold, normalize

_I = re.IGNORECASE
_WORD_NUMBERS = {
    "en": 1, "én": 1, "ein": 1, "éin": 1, "ei": 1, "ett": 1, "eitt": 1, "to": 2, "tre": 3, "fire": 4,
    "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10,
}  # fmt: skip
_NUM = r"\d+|" + "|".join(_WORD_NUMBERS)
# a share written in words ("rundt ti prosent", "femti prosent")
_TENS = {
    "fem": 5, "ti": 10, "femten": 15, "tjue": 20, "tjuefem": 25, "tretti": 30, "førti": 40, "femti": 50,
    "seksti": 60, "sytti": 70, "søtti": 70, "åtti": 80, "nitti": 90, "hundre": 100,
}  # fmt: skip
_PCT_SPELLED = re.compile(rf"(?<![\wæøå])({'|'.join(_TENS)})\s+(?:prosent|%)(?![\wæøå])", _I)
_RATIO = re.compile(rf"(?<![\wæøå,.])({_NUM})\s+av\s+({_NUM})(?![\wæøå]|\s*(?:%|prosent))", _I)
_PCT = re.compile(
    r"(?<![\w,.])(\d+(?:[.,]\d+)?)\s*(%|prosent\b|prosen\b|prosnet\b|porsent\b|prosetn\b|procent\b|pst\b|pct\b)"
    r"(?!\s*poeng|poeng)",
    _I,
)
_COUNT = re.compile(
    r"(?<![\w,.])(\d{1,3}(?:[ \u00a0]\d{3})+|\d{4,}|\d+(?=\s+(?:bedrifter|virksomheter|verksemder|svar\b|respondenter)))"
    r"(?![\w,.]|\s*(?:%|prosent|av\s(?!\d{1,3}[ \u00a0]\d{3}|\d{4,})))",
    _I,
)
# a share claimed within a range: "30–40 prosent av bedriftene"
_PCT_RANGE = re.compile(
    r"(?<![\w,.])(\d{1,2})\s*(?:-|–|til)\s*(\d{1,2})\s*(%|prosent\b)(?=\s+av\s+(?:alle\s+)?(?:de\s+|dei\s+)?"
    r"(?:bedrift|virksomhet|verksemd|firma|medlemsbedrift|arbeidsgiver))",
    _I,
)
# a bare number stated for a share: "svarprosenten var 13", "andelen er 40"
_BARE_PCT = re.compile(
    r"(?:prosent\w*|andel\w*|del(?:en)? av (?:bedriftene|verksemdene|virksomhetene))\b[^.?!]{0,60}?"
    r"(?<![\wæøå])(?:var|er|ligger på|lå på|låg på|på|utgjorde|utgjør)\s+(?:bare |kun |hele |om lag |omtrent |rundt |"
    r"cirka |ca\. |nesten |drøyt |i overkant av |i underkant av )?"
    r"(\d{1,2}(?:,\d)?)(?![\w,.]|\s*(?:%|prosent|av\s|-|–|til\s))",
    _I,
)
_MEAN = re.compile(r"(?<![\w,.])(\d,\d)(?![\d]|\s*(?:%|prosent))")
# a share written as a fraction, "1/3 fikk samme støtte" (not a date, "18/11", nor a range)
_FRACTION = re.compile(r"(?<![\w,./-])([1-9])\s*/\s*([2-9]|10)(?![\w/.,-]|\s*(?:%|prosent))")
_YEAR = re.compile(intents.YEAR)
# numbers that name something rather than state a figure: size bands, years, dialogmøte 2, covid-19
_NOT_FIGURES = re.compile(
    r"(?<!\d)\d{1,3}\s*(?:-|–|til)\s*\d+(?!\s*(?:%|prosent|\d))(?:\s*(?:ansatte|ansatt|årsverk|tilsette))?|"
    r"(?:over|flere enn|fleire enn|mer enn|meir enn|under|færre enn|minst)?\s*\d+\s*(?:\+|eller flere|eller fleire|eller mer)?\s*(?:ansatte|ansatt|årsverk|tilsette)|"
    r"\d+\s*(?:\+|eller flere|eller fleire|eller mer)|dialogmøte\s*2|covid-19|"
    r"(?<!mer enn )(?<!over )(?<!under )(?<!om lag )(?<!rundt )(?<!færre enn )(?<!flere enn )"
    r"\b(?:19[5-9]\d|20[0-4]\d)\b(?! (?:bedrifter|virksomheter|verksemder|svar|respondenter|deltakere)\b)|"
    r"(?<!\d)\d{1,3}\s*(?:-|–)\s*\d{1,3}\s*(?:%|prosent)|"
    # "mellom 1 og 20 prosent av arbeidstimene": an answer option (a band of hours), not a share of companies
    r"\bmellom \d{1,3}\s*(?:%|prosent)?\s*og\s*\d{1,3}\s*(?:%|prosent)|"
    r"(?:de |dei )?siste \w+ år(?:ene|a)?|"
    # "halvparten av tiden": how much of the time the employees are somewhere, not a share of companies
    r"\b(?:halvparten|halvdelen|mesteparten|brorparten|en tredjedel|en firedel|en fjerdedel) av (?:tiden|tida|"
    r"arbeidstiden|arbeidstida|arbeidstimene|uka|uken|arbeidsuka|arbeidsuken)\b",
    _I,
)
_NEGATION = re.compile(r"(?<![\wæøå])(ikke|ikkje|ingen|ingenting|aldri)(?![\wæøå])", _I)
_SUPERLATIVE = re.compile(
    r"(?<![\wæøå])(nyttigst|nyttigast|viktigst|viktigast|høyest|høgast|flest|størst|mest|lavest|lågast|færrest|"
    r"færrast|minst|dårligst|dårlegast|best|oftest|oftast|sjeldnest|sjeldnast|hyppigst|hyppigast)e?(?![\wæøå])",
    _I,
)


def superlative_forms(bokmal: str) -> re.Pattern[str]:
    """The words of one superlative, bokmål and nynorsk («viktigst», «viktigaste»), to strip from a claim."""
    forms = {bokmal, *(k for k, v in _SUPERLATIVE_BOKMAL.items() if v == bokmal)}
    return re.compile(r"(?<![\wæøå])(" + "|".join(map(re.escape, sorted(forms))) + r")e?(?![\wæøå])", re.I)


# a nynorsk superlative as its bokmål form, the one the judges compare with
_SUPERLATIVE_BOKMAL = {
    "nyttigast": "nyttigst", "viktigast": "viktigst", "høgast": "høyest", "lågast": "lavest", "færrast": "færrest",
    "dårlegast": "dårligst", "oftast": "oftest", "sjeldnast": "sjeldnest", "hyppigast": "hyppigst",
}  # fmt: skip


@dataclass
class Amount:
    kind: str  # pct | ratio | quant | count | mean
    value: float  # percent for pct/ratio/quant; the number itself for count/mean
    low: float
    high: float
    text: str  # as written, with its hedge or bound ("om lag 30 prosent")
    start: int
    end: int


@dataclass
class ParsedClaim:
    text: str
    amounts: list[Amount] = field(default_factory=list)
    comparison: str | None = None  # more | less: "flere X enn Y"
    comparator: str = ""  # the word as written ("flere", "oftere")
    sides: tuple[str, str] = ("", "")  # the text before and after "enn"
    change: str | None = None  # up | down over time ("økte fra 2021 til 2022")
    change_word: str = ""
    groups: list[tuple[str, str, float, float | None]] = field(default_factory=list)  # dim, key, lo, hi
    waves: list[str] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    other_source: str | None = None
    negated: bool = False
    superlative: str | None = None
    options: list[str] = field(default_factory=list)  # option labels the claim is about (set by the caller)
    side_options: tuple[list[str], list[str]] = ([], [])  # the options of each side of a comparison


@lru_cache(maxsize=1)
def _vocab() -> dict[str, Any]:
    lex = knowledge.lexicon()
    c = lex.get("claims") or {}

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    quants = {k.lower(): (float(v[0]), float(v[1])) for k, v in (c.get("quantifiers") or {}).items()}
    return {
        "quant": quants,
        "quant_re": re.compile(rf"(?<![\wæøå])({alternation(list(quants))})(?![\wæøå])", _I),
        "hedge_re": re.compile(rf"(?:^|\s)({alternation(c.get('hedges') or [])})\s*$", _I),
        "lower_re": re.compile(rf"(?:^|\s)({alternation(c.get('lower_bounds') or [])})\s*$", _I),
        "upper_re": re.compile(rf"(?:^|\s)({alternation(c.get('upper_bounds') or [])})\s*$", _I),
        "more": {w.lower() for w in (c.get("comparison") or {}).get("more") or []},
        "less": {w.lower() for w in (c.get("comparison") or {}).get("less") or []},
        "change": [
            (re.compile(rf"(?<![\wæøå])({alternation(ws)})(?![\wæøå])", _I), d)
            for d, ws in (c.get("change") or {}).items()
        ],
        "other_re": re.compile(
            rf"(?<![\wæøå])({alternation(c.get('other_sources') or ['-'])})(?![\wæøå])|"
            # another organisation's survey: "LOs tillitsvalgtundersøkelse", "YS' arbeidslivsbarometer"
            rf"(?<![\wæøå])((?:{alternation(c.get('other_organisations') or ['-'])})(?:s|'|’|-)?\s?"
            r"[\wæøå]*(?:undersøkelse|undersøking|barometer|måling|rapport|statistikk|tall)[\wæøå]*)",
            _I,
        ),
        "waves": {w: [fold(x) for x in ws] for w, ws in (lex.get("waves") or {}).items()},
        "groups": lex.get("groups") or {},
    }


def _ratio_value(a: str, b: str) -> float:
    n = int(a) if a.isdigit() else _WORD_NUMBERS[a.lower()]
    m = int(b) if b.isdigit() else _WORD_NUMBERS[b.lower()]
    return 100.0 * n / m if m else 0.0


def amounts_in(text: str) -> list[Amount]:
    """Every figure a claim states, with the interval an editor accepts for it."""
    v = _vocab()
    taken = [(m.start(), m.end()) for m in _NOT_FIGURES.finditer(text)]
    out: list[Amount] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(kind: str, value: float, s: int, e: int) -> None:
        before = text[max(0, s - 25) : s]
        lo, hi, offset = _interval(kind, value, before)
        out.append(Amount(kind, value, lo, hi, text[s + offset : e].strip(), s + offset, e))
        taken.append((s, e))

    for m in _PCT_RANGE.finditer(text):
        # "30–40 prosent av bedriftene": a share claimed within a range (not an answer like «1–20 %»)
        lo, hi = sorted(float(x) for x in m.group(1, 2))
        taken = [(a, b) for a, b in taken if b <= m.start() or a >= m.end(3)]
        out.append(Amount("pct", (lo + hi) / 2, lo - 0.5, hi + 0.5, text[m.start() : m.end(3)], m.start(), m.end(3)))
        taken.append((m.start(), m.end(3)))
    for m in _PCT.finditer(text):
        if free(m.start(), m.end()):
            add("pct", float(m.group(1).replace(",", ".")), m.start(), m.end())
    for m in _PCT_SPELLED.finditer(text):  # "rundt ti prosent", "femti prosent"
        if free(m.start(), m.end()):
            add("pct", float(_TENS[m.group(1).lower()]), m.start(), m.end())
    for m in _RATIO.finditer(text):
        n, d = (int(x) if x.isdigit() else _WORD_NUMBERS[x.lower()] for x in (m.group(1), m.group(2)))
        if d > 20 or n > d or re.match(r"\s*\d{3}\b", text[m.end() :]):
            continue  # "1713 av 16 861 inviterte": counts, not a ratio an editor rounds to
        if free(m.start(), m.end()):
            add("ratio", _ratio_value(m.group(1), m.group(2)), m.start(), m.end())
    for m in _FRACTION.finditer(text):
        if int(m.group(1)) < int(m.group(2)) and free(m.start(), m.end()):
            add("ratio", _ratio_value(m.group(1), m.group(2)), m.start(), m.end())
    for m in v["quant_re"].finditer(text):
        if m.group(1).lower() == "alle" and (
            _ALL_ASKED.match(text[m.end() :]) or not _ALL_COMPANIES.match(text[m.end() :])
        ):
            # "alle bedriftene fikk spørsmålet" is who was asked, and "høyest av alle typane" no share at all:
            # only "alle (store) bedrifter har …" claims a share (100 %)
            continue
        if free(m.start(), m.end()):
            lo, hi = v["quant"][m.group(1).lower()]
            mid, s0 = (lo + hi) / 2, m.start()
            before = text[max(0, s0 - 25) : s0]
            lower, upper = v["lower_re"].search(before), v["upper_re"].search(before)
            if upper and upper.group(1).lower() not in ("nesten", "knapt", "snaut"):
                lo, hi, s0 = 0.0, mid, s0 - len(before) + upper.start(1)  # "færre enn hver femte"
            elif lower and lower.group(1).lower() not in ("drøyt", "drøye", "i overkant av"):
                lo, hi, s0 = mid, 100.0, s0 - len(before) + lower.start(1)  # "mer enn hver tredje"
            elif hedge := (lower or upper or v["hedge_re"].search(before)):
                s0 = s0 - len(before) + hedge.start(1)  # "drøyt en tredel": the hedge belongs to the figure
            out.append(Amount("quant", mid, lo, hi, text[s0 : m.end()], s0, m.end()))
            taken.append((m.start(), m.end()))
    for m in _BARE_PCT.finditer(text):
        if free(m.start(1), m.end(1)):
            add("pct", float(m.group(1).replace(",", ".")), m.start(1), m.end(1))
    for m in _MEAN.finditer(text):
        if free(m.start(), m.end()):
            add("mean", float(m.group(1).replace(",", ".")), m.start(), m.end())
    for m in _COUNT.finditer(text):
        if free(m.start(), m.end()):
            add("count", float(re.sub(r"\D", "", m.group(1))), m.start(), m.end())
    return _appositions(sorted(out, key=lambda a: a.start), text)


_JOINT = re.compile(r",\s*(?:og|mens|men)\b|;|\s(?:og|mens|men|samtidig som)\s")


def _appositions(amounts: list[Amount], text: str) -> list[Amount]:
    """A quantifier restated by a figure in apposition is one figure, the exact one: "de fleste … syntes
    det var nyttig – 6 av 10", "flertallet (56 %)", "6 av 10 (de fleste)".

    >>> [a.text for a in amounts_in("de fleste syntes kontakten var nyttig – 6 av 10")]
    ['6 av 10']
    >>> [a.text for a in amounts_in("de fleste har avtale, og 6 av 10 synes den er nyttig")]
    ['de fleste', '6 av 10']
    """
    drop: set[int] = set()
    for i, (a, b) in enumerate(zip(amounts, amounts[1:], strict=False)):
        if {a.kind, b.kind} - {"quant"} == set() or "quant" not in (a.kind, b.kind):
            continue
        between = text[a.end : b.start]
        if _JOINT.search(between):
            continue
        if re.search(r"[–\-:(]\s*$", between):  # the second restates the first
            drop.add(i if a.kind == "quant" else i + 1)
    return [a for i, a in enumerate(amounts) if i not in drop]


def _interval(kind: str, value: float, before: str) -> tuple[float, float, int]:
    """(low, high, where the figure's words start) from the hedge or bound written before it."""
    v = _vocab()
    base = {"pct": 0.5, "ratio": 5.0, "count": 0.5, "mean": 0.05}[kind]
    # "om lag 50 prosent" covers 47–53, but "om lag 10 prosent" not 13: a hedge is relative to small figures
    hedge = {
        "pct": min(3.0, max(1.0, value * 0.15)),
        "ratio": 5.0,
        "count": max(2.0, value * 0.02),
        "mean": 0.15,
    }[kind]
    lo, hi = value - base, value + base
    start_offset = len(before)
    lower, upper, hedged = (
        v["lower_re"].search(before),
        v["upper_re"].search(before),
        v["hedge_re"].search(before),
    )
    if lower and (not upper or lower.start() >= upper.start()):
        lo, hi = value, (value + hedge if hedged else (100.0 if kind in ("pct", "ratio") else float("inf")))
        start_offset = lower.start(1)
    elif upper:
        lo, hi = (value - 2 * hedge if hedged else 0.0), value
        start_offset = upper.start(1)
    elif hedged:
        lo, hi = value - hedge, value + hedge
        start_offset = hedged.start(1)
    emphasis = re.search(r"(?:^|\s)(hele|bare|kun|så mange som|så få som)\s*$", before[:start_offset], _I)
    if emphasis:
        start_offset = emphasis.start(1)
    return lo, hi, start_offset - len(before)


@lru_cache(maxsize=1)
def _group_patterns() -> list[tuple[str, re.Pattern[str], str, tuple[str, str, float, float | None]]]:
    """(first word, pattern, word, (dim, key, min, max)) for every non-numeric group word of the lexicon."""
    out = []
    for dim, entries in _vocab()["groups"].items():
        for g in entries:
            key = g.get("canonical") or g.get("key")
            lo = float(g.get("min") or 0) if dim == "storrelse" else 0.0
            hi = (float(g["max"]) if g.get("max") is not None else None) if dim == "storrelse" else None
            for w in g.get("words") or []:
                if re.search(r"\d", w):
                    continue  # numeric bands are read by groups_in itself
                first = re.findall(r"[\wæøå]+", fold(w))[0]
                pattern = re.compile(r"(?<![\wæøå])" + re.escape(fold(w)) + r"(?![\wæøå])")
                out.append((first, pattern, w, (dim, key, lo, hi)))
    return out


@lru_cache(maxsize=1)
def _wave_patterns() -> list[tuple[str, list[re.Pattern[str]]]]:
    return [
        (wave, [re.compile(r"(?<![\wæøå])" + re.escape(w) + r"(?![\wæøå])") for w in words])
        for wave, words in _vocab()["waves"].items()
    ]


def groups_in(norm: str) -> list[tuple[str, str, float, float | None]]:
    """(dim, key, min, max) for every group the (normalised) text names, in order of mention."""
    return [g for _s, _e, g in _group_spans(norm)]


def without_groups(norm: str) -> str:
    """The (normalised) text with its group words taken out: what is claimed about, not about whom.

    >>> without_groups("hvor mange av bedriftene i nho reiseliv har hatt kontakt")
    'hvor mange av bedriftene i   har hatt kontakt'
    """
    for s, e, _g in reversed(_group_spans(norm)):
        norm = norm[:s] + " " + norm[e:]
    return norm


_VERB_NEXT = re.compile(
    r"\s+(?:har|hadde|er|var|ble|blir|vart|svarer|svarte|svara|oppgir|oppga|opplever|opplevde|mener|meiner|"
    r"syns|synes|synest|får|fikk|fekk|bruker|brukte|sliter|slit|gjør|gjorde|rapporterer|trekker)\b"
)


def _group_spans(norm: str) -> list[tuple[int, int, tuple[str, str, float, float | None]]]:
    found: list[tuple[int, int, tuple[str, str, float, float | None]]] = []
    for m in re.finditer(
        r"(\d+)\s*(?:-|–|til)\s*(\d+)\s*(eller flere|eller fleire|\+)?\s*(?:\)\s*)?(ansatte|årsverk)?", norm
    ):
        if re.match(r"\s*(?:%|prosent)", norm[m.end() :]):
            continue  # "1-20 prosent av arbeidstimene": an answer, not a size band
        if re.search(r"skala\w*\s*(?:fra|frå)?\s*$", norm[max(0, m.start() - 25) : m.start()]):
            continue  # "på skalaen fra 1 til 4": the answer scale, not a size band
        if m.group(4) or re.search(
            # "på vår størrelse (10–49)", "dei minste (1–9)": a size band
            r"bedrift|ansatt|størrelse|storleik|årsverk|minste|største|mellomstore|\bsmå\b|\bstore\b",
            norm[m.end() : m.end() + 20] + norm[max(0, m.start() - 20) : m.start()],
        ):
            lo, hi = float(m.group(1)), None if m.group(3) else float(m.group(2))  # "50-200 eller flere": 50+
            key = f"{m.group(1)}-" if hi is None else f"{m.group(1)}-{m.group(2)}"
            found.append((m.start(), m.end(), ("storrelse", key, lo, hi)))
    for m in re.finditer(
        r"(?:(\d+)\s*(?:\+|eller flere|eller mer|ansatte eller flere|årsverk eller flere))|(?:over|flere enn|mer enn|minst) (\d+) (?:ansatte|årsverk)",
        norm,
    ):
        lo = float(m.group(1) or m.group(2))
        found.append((m.start(), m.end(), ("storrelse", f"{int(lo)}-", lo, None)))
    words = set(re.findall(r"[\wæøå]+", norm))
    for first, pattern, w, group in _group_patterns():
        if first not in words:
            continue  # cheap: only phrases whose first word occurs can match
        for m in pattern.finditer(norm):
            if (
                group[0] == "storrelse"
                and not re.search(r"bedrift|virksomhet|foretak|ansatt", w + norm[m.end() : m.end() + 30])
                and norm[m.end() :].strip(' ?.!,»«"') != ""  # "… mot 46 prosent blant de minste": a group
                and not _VERB_NEXT.match(norm[m.end() :])  # "de store har hatt kontakt": a group, as subject
            ) or (
                group[0] == "storrelse"
                and not re.search(r"bedrift|virksomhet|foretak|ansatt", w)
                and re.search(r"\b(?:er|var|ble|blir|vart)\s+$", norm[: m.start()])
            ):
                continue  # "de største utfordringene", "… utfordringene … er de største" are not a size group
            found.append((m.start(), m.end(), group))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, tuple[str, str, float, float | None]]] = []
    end = -1
    for s, e, g in found:
        if s < end:
            continue
        if out and _narrows(out[-1], (s, e, g), norm):
            out[-1] = (out[-1][0], e, g)  # "de aller minste bedriftene, med bare én ansatt": the narrower band
        else:
            out.append((s, e, g))
        end = e
    return out


def _narrows(
    first: tuple[int, int, tuple[str, str, float, float | None]],
    then: tuple[int, int, tuple[str, str, float, float | None]],
    norm: str,
) -> bool:
    """Whether a size group said right after another, in apposition («, med bare», «(»), names a band inside it.

    >>> [g[1] for g in groups_in("de aller minste bedriftene, med bare én ansatt, er underrepresentert")]
    ['one']
    >>> [g[1] for g in groups_in("de minste bedriftene og de med 200 ansatte eller flere")]
    ['smallest', '200-']
    """
    (_s1, e1, g1), (s2, _e2, g2) = first, then
    if g1[0] != "storrelse" or g2[0] != "storrelse" or (g1[2], g1[3]) == (g2[2], g2[3]):
        return False
    inside = g2[2] >= g1[2] and g1[3] is not None and g2[3] is not None and g2[3] <= g1[3]
    inside = inside or (g1[3] is None and g2[2] >= g1[2])
    between = norm[e1:s2]
    return inside and bool(re.fullmatch(r"\s*(?:(?:bedriftene|bedrifter|virksomhetene|virksomheter)\s*)?(?:,|\(|-|–)?\s*(?:altså\s+|dvs\.?\s+|det vil si\s+)?(?:med\s+)?(?:bare\s+|kun\s+)?", between))


def without_waves(norm: str) -> str:
    """The (normalised) text without the words that name a wave ("sommeren 2022", "i november").

    >>> without_waves("hvor mange hadde hjemmekontor sommeren 2022").split()
    ['hvor', 'mange', 'hadde', 'hjemmekontor']
    """
    patterns = [p for _wave, ps in _wave_patterns() for p in ps]
    for pattern in sorted(patterns, key=lambda p: -len(p.pattern)):  # "sommeren 2022" before "2022"
        norm = pattern.sub(" ", norm)
    return norm


def waves_in(norm: str) -> list[str]:
    return [wave for wave, patterns in _wave_patterns() if any(p.search(norm) for p in patterns)]


def _comparison(low: str) -> tuple[str, str, tuple[str, str]] | None:
    """("more"|"less", comparator, (left, right)) for "flere X enn Y"; None when there is no comparison."""
    v = _vocab()
    named = [(m.start(), m.end()) for m in _NOT_FIGURES.finditer(low)]  # "200 eller flere ansatte"
    for m in re.finditer(r"(?<![\wæøå])([a-zæøå]+)(?![\wæøå])", low):
        word = m.group(1)
        if word not in v["more"] and word not in v["less"] or any(a <= m.start() < b for a, b in named):
            continue
        enn = re.search(r"(?<![\wæøå])enn(?![\wæøå])", low[m.end() :])
        if not enn:
            continue
        after = low[m.end() + enn.end() :].strip()
        between = low[m.end() : m.end() + enn.start()]
        if re.match(r"(\d|halvparten|før|tidligere|i fjor|ventet|forventet)", after) or re.search(
            r"[.;]", between
        ):
            continue  # "flere enn 200 ansatte", "mer enn halvparten", "flere enn før"
        direction = "more" if word in v["more"] else "less"
        left = low[: m.start()] + " " + between
        return direction, word, (left.strip(), after)
    return None


_AFTER_PANDEMIC = (
    r"\better (?:pandemien|koronapandemien|korona\w*|covid\w*|gjenåpning\w*|gjenopning\w*|nedstengning\w*|"
    r"at (?:korona|smitte|pandemi)\w*|at samfunnet|at landet)|\bi løpet av (?:det siste )?(?:året|halvåret)\b"
)


# "alle (bedriftene) fikk spørsmålet / ble spurt / svarte på …": the questionnaire's filter, not a share
_ALL_ASKED = re.compile(
    r"\s+(?:\S+\s+){0,3}?(?:fikk|får|ble spurt|blei spurt|vart spurt|svarte på|mottok|fekk|har fått)\b", _I
)


_ALL_COMPANIES = re.compile(
    r"\s+(?:de |dei )?(?:\S+\s+){0,2}?(?:bedrift|virksomhet|verksemd|foretak|arbeidsgiver|medlemsbedrift)\w*",
    _I,
)


def parse(claim: str) -> ParsedClaim:
    """What a claim states: its figures, comparison, change over time, groups, waves and years.

    >>> p = parse("Flere bedrifter opplevde negativ endring enn positiv endring i produktiviteten")
    >>> p.comparison, p.sides
    ('more', ('bedrifter opplevde negativ endring', 'positiv endring i produktiviteten'))
    >>> [(a.kind, a.value) for a in parse("1 av 4 bedrifter med 1–9 ansatte, og 51 % i 2021").amounts]
    [('ratio', 25.0), ('pct', 51.0)]
    >>> parse("de minste bedriftene").groups
    [('storrelse', 'smallest', 1.0, 9.0)]
    >>> p = parse("Andelen med hjemmekontor økte fra november 2021 til juni 2022")
    >>> p.change, p.waves
    ('up', ['2021-11', '2022-06'])
    """
    text = re.sub(r"\s+", " ", claim).strip()
    low = expand_abbreviations(text).lower()  # "VO … enn de tillitsvalgte": the sides as written out
    norm = normalize(text)
    p = ParsedClaim(text=text, amounts=amounts_in(text))
    comp = _comparison(low)
    if comp:
        p.comparison, p.comparator, p.sides = comp
    p.groups = groups_in(norm)
    p.waves = waves_in(norm)
    p.years = _YEAR.findall(low)
    over_time = (
        len(set(p.waves)) > 1
        or len(set(p.years)) > 1
        or re.search(r"\bfra\b.+\btil\b|\bsiden\b", low)
        or re.search(_AFTER_PANDEMIC, low)  # between the two waves: the restrictions were lifted in 2022
    )
    for pattern, direction in _vocab()["change"]:
        m = pattern.search(low)
        if m and over_time:
            p.change, p.change_word = direction, m.group(1)
            break
    m = _vocab()["other_re"].search(low)
    p.other_source = (m.group(1) or m.group(2)) if m else None
    p.negated = bool(_NEGATION.search(low))
    spans = _group_spans(low)  # "de største bedriftene" names a group, not a ranking
    m = next(
        (m for m in _SUPERLATIVE.finditer(low) if not any(s <= m.start() < e for s, e, _g in spans)), None
    )
    p.superlative = _SUPERLATIVE_BOKMAL.get(m.group(1).lower(), m.group(1).lower()) if m else None
    return p


def split_figures(claim: str) -> list[str]:
    """A claim stating several figures, cut into one clause per figure (the first clause keeps the subject).

    >>> split_figures("77 prosent har avtale med BHT, og 90 prosent av dem synes risikovurderingene er nyttige")
    ['77 prosent har avtale med BHT', '90 prosent av dem synes risikovurderingene er nyttige']
    >>> split_figures("13 prosent opplevde positiv endring")
    ['13 prosent opplevde positiv endring']
    """
    amounts = amounts_in(claim)
    clauses, start = [], 0
    for a, b in zip(amounts, amounts[1:], strict=False):
        joints = list(
            re.finditer(
                r"\s*(?:,\s*(?:og|mens|men)?|;|\s(?:og|mens|men|samtidig som))\s+(?:at\s+)?",
                claim[a.end : b.start],
            )
        )
        if joints and _restated(claim, a, b, joints[-1]):
            continue  # "over en tredjedel av bedriftene, 37 prosent, …": the same share said twice
        if joints:  # the last joint before the next figure ends this clause
            clauses.append(claim[start : a.end + joints[-1].start()])
            start = a.end + joints[-1].end()
    clauses.append(claim[start:])
    return [c.strip(" ,;") for c in clauses if c.strip(" ,;")]


def _restated(claim: str, a: Any, b: Any, joint: re.Match[str]) -> bool:
    """The second figure restates the first in apposition, between commas and with no verb between them:
    "over en tredjedel av NHO-bedriftene, 37 prosent, ikke har …"."""
    between = claim[a.end : b.start]
    bare_comma = joint.group().strip() == "," and not re.search(r"\b(har|hadde|er|var|svarte|oppgir|mener)\b", between)
    return bare_comma and bool(re.match(r"\s*(?:prosent|%|pst\.?)?\s*,", claim[b.end :]))


# ---------------------------------------------------------------------------------------------- judge


def side_groups(side: str) -> list[tuple[str, str, float, float | None]]:
    """The groups one side of a comparison names; a bare size word counts there ("færre store enn små
    bedrifter": "store" is a size group although "bedrifter" follows only on the other side).

    >>> side_groups("færre store")[0][:2], side_groups("små bedrifter synes")[0][:2]
    (('storrelse', 'largest'), ('storrelse', 'smallest'))
    >>> side_groups("store har vært i kontakt med arbeidstilsynet")[0][:2]
    ('storrelse', 'largest')
    """
    found = groups_in(normalize(side))
    if found or re.fullmatch(r"(mindre|større)", side.strip(" .?!").lower()):
        return found  # "… enn mindre": a comparative («mer … enn mindre»), not "mindre bedrifter"
    bare = _BARE_SIZE.match(side)
    if bare:  # "… enn store har vært i kontakt med AT": the size word is the group, the rest what it did
        found = groups_in(normalize(f"{bare.group(1)} bedrifter {side[bare.end():]}"))
        if found:
            return found
    return groups_in(normalize(f"{side} bedrifter"))


_BARE_SIZE = re.compile(
    r"\s*((?:de |dei )?(?:små|store|minste|største|mellomstore))\b(?!\s+(?:bedrift|virksomhet|verksemd|firma))",
    re.I,
)
