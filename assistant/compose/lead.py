"""The first paragraph of a data answer: the figure asked for, named by item, group and wave, before any
distribution. Comparisons lead with both figures and a one-line conclusion; a breakdown leads with every
group's figure; several items lead with the highest.

Which figure is "asked for": the options the question names ("lite nyttig", "vanskeligere" → «Negativ
endring»), else the share its scale implies («Nyttig» + «Svært nyttig»; positive against negative change).
"""

from __future__ import annotations

import math
import re
from typing import Any

from .. import knowledge
from ..knowledge import WAVE_TEXT
from ..normalize import tokens
from ..types import Question
from .numbers import fmt, n_text, pct, points

# a place below the top asked for: "andreplass", "nest vanligst", "tredjeplass"
_PLACE = re.compile(
    r"\b(?:andreplass\w*|nest (?:flest|størst|høyest|mest|vanligst\w*|oftest)"
    r"|(tredjeplass\w*|tredje (?:vanligst\w*|flest|størst|høyest|mest)))\b"
)


def partial_distribution(rows: list[dict[str, Any]]) -> bool:
    """Only some answers of the question are printed (the text names a few; the rest is an image, Figur 13),
    so neither "the most common answer" nor a ranking can be read from them."""
    if not rows or not any(r.get("from_prose") for r in rows):
        return False
    info = knowledge.question(str(rows[0].get("question_id") or "")) or {}
    n_options = len(info.get("options") or [])
    printed = {r["option"] for r in rows if "(sum)" not in str(r.get("option"))}
    return n_options > 0 and len(printed) < 0.7 * n_options


# scales whose "asked" share, when no option is named, is the positive end
POSITIVE_PAIRS = (
    ("Nyttig", "Svært nyttig"),
    ("Viktig", "Svært viktig"),
    ("Godt", "Svært godt"),
    ("Delvis enig", "Helt enig"),
    ("I stor grad", "I svært stor grad"),
)
BIPOLAR = {"Positiv endring": "Negativ endring", "Negativ endring": "Positiv endring"}
MORE = r"\b(mer|mest|høyere|flere|oftere|større|bedre|nyttigere|viktigere|mer fornøyd)\b"
LESS = r"\b(mindre|lavere|færre|sjeldnere|dårligere|misfornøyde?|utilfredse?|mer negative?)\b"


# the question asks how far apart two figures are, not only what they are
GAP = (
    r"\b(prosentpoeng\w*|differanse\w*|forskjell\w*|skil(?:ler|nad\w*|jer)|avstand\w*"
    r"|hvor (?:mye|mange prosent\w*) (?:høyere|lavere|større|mindre|flere|færre|mer)"
    r"|kor (?:mykje|mange prosent\w*) (?:høgare|lågare|større|mindre|fleire|færre|meir))\b"
)


def gap(q: Question, va: float, vb: float) -> str:
    """ " – 36 prosentpoeng forskjell." after two shares when the question asks for the difference.

    >>> from assistant.types import Question
    >>> gap(Question(raw="", text="hvor mange prosentpoeng skiller de?"), 51.0, 15.0)
    ' Forskjellen er **36 prosentpoeng**.'
    >>> gap(Question(raw="", text="er det flere blant de store?"), 51.0, 15.0)
    ''
    """
    if not re.search(GAP, q.text):
        return ""
    return f" Forskjellen er **{points(va, vb)}**."


def group_phrase(group: str, group_dim: str) -> str:
    """'1–9' → 'bedrifter med 1–9 ansatte'; '1' → 'bedrifter med 1 ansatt'."""
    if group_dim == "storrelse":
        g = group.replace("+", " eller flere")
        if g == "1":
            return "bedrifter med 1 ansatt"
        if "årsverk" in g or "ansatte" in g:  # the text's own unit: "opp til 9 årsverk"
            return f"bedrifter med {g}"
        return f"bedrifter med {g} ansatte" if g[0].isdigit() else g
    return group


def series(rows: list[dict[str, Any]]) -> list[tuple[tuple[str, str], list[dict[str, Any]]]]:
    """Rows grouped by (item, group) in table order."""
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault((r.get("item") or "", r.get("group_label") or ""), []).append(r)
    return list(out.items())


def asked_options(q: Question, rows: list[dict[str, Any]]) -> list[str]:
    """The options the question asks about, or those its scale implies."""
    present = [r["option"] for r in rows]
    named = [o for o in q.options if o in present]
    if named:
        return named
    if "Positiv endring" in present and "Negativ endring" in present:
        return ["Positiv endring", "Negativ endring"]
    for pair in POSITIVE_PAIRS:
        if all(p in present for p in pair):
            return list(pair)
        if pair[0] in present and not any(o.startswith("Svært") for o in present):
            return [pair[0]]  # a merged category ("Nyttig" = nyttig + svært nyttig, Tabell 4 and 7)
    if "Ja" in present and set(present) <= {"Ja", "Nei", "Vet ikke"}:
        return [
            "Ja"
        ]  # a yes/no question ("Har flere store enn små hatt kontakt …?"): the share answering yes
    return []


def _share(srows: list[dict[str, Any]], options: list[str]) -> float | None:
    values = [r["value"] for r in srows if r["option"] in options]
    return round(math.fsum(values), 2) if values else None


def _options_text(options: list[str]) -> str:
    return " + ".join(f"«{o}»" for o in options)


def _where(rows: list[dict[str, Any]]) -> str:
    first = rows[0]
    src = first.get("source") or ""
    src = f"avsnitt {src}" if src[:1].isdigit() else src
    wave = WAVE_TEXT.get(first.get("wave") or "", first.get("wave") or "")
    return f" ({src}, {wave})" if src and wave else ""


def lead(q: Question, rows: list[dict[str, Any]], group_dim: str) -> str | None:
    """One or two sentences that answer exactly what was asked, numbers first."""
    groups = series(rows)
    first = rows[0]
    unit = first["unit"]
    if q.measure == "n" and first.get("n"):
        if len(groups) == 1:
            return _one(q, groups[0][1], [], group_dim, rows)
        bases = [
            f"**{n_text(s[0]['n'])}** om «{item}»"
            if item
            else f"**{n_text(s[0]['n'])}** ({group_phrase(group, group_dim)})"
            for (item, group), s in groups
            if s[0].get("n")
        ]
        said = f"Antall bedrifter som svarte{_where(rows)}: " + ", ".join(bases) + "."
        counted = [(int(str(s[0]["n"]).replace(" ", "")), str(s[0]["n"]), item) for (item, _g), s in groups
                   if item and str(s[0].get("n") or "").replace(" ", "").isdigit()]  # fmt: skip
        if q.intent == "rank" and len(counted) > 1 and len({c[0] for c in counted}) == len(counted):
            # "Hvilken tilsynstype hadde flest respondenter, og hvilken færrest?": the bases ranked
            (_m, most_n, most), (_l, least_n, least) = max(counted), min(counted)
            said = (
                f"Flest svar om «{most}» (**{n_text(most_n)}**), færrest om «{least}» "
                f"(**{n_text(least_n)}**){_where(rows)}. " + said
            )
        return said
    if unit == "mean":
        if len(groups) == 1:
            return _one(q, groups[0][1], [], group_dim, rows)
        ranked = sorted(groups, key=lambda g: -g[1][0]["value"])
        parts = ", ".join(f"{item or group} **{fmt(s[0]['value'], unit)}**" for (item, group), s in ranked)
        return f"Gjennomsnitt på en skala fra 1 til 4: {parts}{_where(rows)}."
    asked = asked_options(q, rows)
    if len(groups) == 1 and len(q.contrast) == 2 and unit == "pct":
        values = {r["option"]: r["value"] for r in groups[0][1]}
        a, b = q.contrast
        if a in values and b in values:  # "mer eller mindre støtte?": both answers, and which is larger
            more = a if values[a] > values[b] else b
            verdict = f"Flere svarte «{more}»: " if values[a] != values[b] else "Like mange: "
            item = groups[0][0][0]
            about = f" om «{item}»" if item else ""
            rest = "; ".join(f"«{o}» {pct(v)}" for o, v in values.items() if o not in (a, b))
            rest = f" Øvrige svar: {rest}." if rest else ""
            return (f"{verdict}**{pct(values[a])}** svarte «{a}» mot **{pct(values[b])}** «{b}»{about}"
                    f"{_where(rows)}.{gap(q, values[a], values[b])}{rest}")  # fmt: skip
    if len(groups) == 1:
        return _one(q, groups[0][1], asked, group_dim, rows)
    if not asked or unit != "pct":
        return None
    items = {item for (item, _g), _s in groups}
    if len(items) == 1:
        return _by_group(q, groups, asked, group_dim, rows)
    if len(q.group_labels) == 2 and not q.items:
        return _groups_by_item(q, groups, asked, group_dim, rows)
    parts = {(item, group): _parts(s, asked) for (item, group), s in groups}
    ranked = sorted(
        ((item, group, _share(s, asked)) for (item, group), s in groups if _share(s, asked) is not None),
        key=lambda x: -(x[2] or 0.0),
    )
    if not ranked:
        return None
    named = [r for r in ranked if r[0] in q.items]
    if len(named) == 2 and len({g for _i, g, _v in named}) == 1 and re.search(_TWO_SIDES, q.text):
        return _two_items(q, named, asked, rows, parts)
    top = ranked[0]
    if q.intent == "figure" and not q.items and len(ranked) > 2 and len({g for _i, g, _v in ranked}) == 1:
        # "hvor stor andel syns tjenestene er lite nyttige?" asks no ranking: the span over the items first
        low = ranked[-1]
        return (
            f"{_options_text(asked)} svarte mellom **{pct(low[2] or 0.0)}** og **{pct(top[2] or 0.0)}**, "
            f"avhengig av hva det gjaldt{_where(rows)}: høyest for «{top[0]}», lavest for «{low[0]}»."
        )
    rest = ", ".join(f"«{i}» {pct(v or 0.0)}{parts[(i, g)]}" for i, g, v in ranked[1:4])
    more = f" Deretter følger {rest}." if rest else ""
    who = f" blant {group_phrase(top[1], group_dim)}" if top[1] not in ("", "Alle") else ""
    return (
        f"Høyest andel {_options_text(asked)}{who} har «{top[0]}»: **{pct(top[2] or 0.0)}**"
        f"{parts[(top[0], top[1])]}{_where(rows)}.{more}"
    )


def _parts(srows: list[dict[str, Any]], asked: list[str]) -> str:
    """A share of several answers, answer by answer, in the order the answers were named: " (46 % + 8 %)"."""
    picked = [r for o in asked for r in srows if r["option"] == o]
    if len(picked) < 2:
        return ""
    return " (" + " + ".join(pct(r["value"]) for r in picked) + ")"


# a question answered yes or no opens with its verb ("Er X mer nyttig enn Y?"); "Hvor mange …" is not
_YES_NO = r"(og |men )?(er|var|har|hadde|ble|blir|vart|syns|synes|synest|opplever|opplevde|gir|ga|fikk|får|stemmer|kan|bruker|brukte)\b"
# two things set against each other in the wording
_TWO_SIDES = r"\b(eller|enn|og|mot|kontra|versus|vs|sammenlign\w*|sammenliknet|samanlikna)\b"


_DISCONTENT = r"\b(misfornøyde?|misnøgde?|utilfredse?)\b"
_NEGATIVE_ANSWER = re.compile(r"^(svært lite|lite|dårlig|svært dårlig|negativ)", re.IGNORECASE)


# "Er X eller Y oftest «svært viktig»?": which of the two, not yes or no (not "… mer enn Y, eller …")
_EITHER_OR = re.compile(r"^(er|var|blir|ble|har|hadde)\b(?!.*\benn\b).*\beller\b")


def _outside_items(q: Question) -> str:
    """The question without a comparative that is part of how an item is named («lavere sykefravær» for
    «Redusere sykefravær»): what is left says which end is asked for."""
    words = {t for item in q.items for t in tokens(item)}

    def keep(m: re.Match[str]) -> str:
        return " " if set(tokens(m.group(2))) & words else m.group(0)

    return re.sub(
        r"\b(mer|mest|høyere|flere|oftere|større|bedre|mindre|lavere|færre|sjeldnere|dårligere)\s+([\wæøå-]+)",
        keep,
        q.text,
    )


def _more_asked(q: Question, asked: list[str]) -> bool | None:
    """Whether a comparative question asks which is higher (True) or lower (False) on the answers shown; None
    when it asks neither. «mer misfornøyd» is more of a negative answer («Lite nyttig»), but less of a
    positive one."""
    text = q.text
    if asked and all(_NEGATIVE_ANSWER.match(o) for o in asked):
        text = re.sub(_DISCONTENT, " ", text)
    if not (re.search(MORE, text) or re.search(LESS, text)):
        return None
    return bool(re.search(MORE, text)) and not re.search(LESS, text)


def _two_items(q: Question, named, asked: list[str], rows, parts: dict) -> str:
    """ "Er tilsyn med veiledning mer nyttig enn tilsyn uten?": both figures, in the order asked, and a verdict."""
    (a, _ga, va), (b, _gb, vb) = sorted(named, key=lambda r: q.items.index(r[0]))  # in the order asked
    verdict = ""
    which = re.match(r"(hva|hvilken|hvilket|hvilke|kva|kven|hvem)\b", q.text) or _EITHER_OR.search(q.text)
    if which and va != vb:  # "Hva ble oftere forbedret: X eller Y?" names the one, no yes or no
        if re.search(rf"{LESS}|\b(minst|færrest|lavest|lågast|sjeldnest)\b", _outside_items(q)):
            verdict = f"Færrest om «{a if (va or 0) < (vb or 0) else b}»: "
        else:
            verdict = f"Flest om «{a if (va or 0) > (vb or 0) else b}»: "
    elif (more := _more_asked(q, asked)) is not None and re.match(_YES_NO, q.text):
        yes = (va or 0) > (vb or 0) if more else (va or 0) < (vb or 0)
        verdict = ("Ja" if yes else "Nei") + ": " if va != vb else "Nei, like mange: "
    return (
        f"{verdict}**{pct(va or 0.0)}** svarte {_options_text(asked)}{parts[(a, _ga)]} om «{a}», mot "
        f"**{pct(vb or 0.0)}**{parts[(b, _gb)]} om «{b}»{_where(rows)}.{gap(q, va or 0.0, vb or 0.0)}"
    )


# words of a sum's label that say nothing of what it sums ("Har ansatte på hjemmekontor (sum)": «hjemmekontor»)
_SUM_GENERIC = frozenset(
    "har ansatte andel med noe arbeid det aller meste eller overvekt av tiden sum".split()
)


def _same_series(srows: list[dict[str, Any]], rows) -> list[dict[str, Any]]:
    """Rows of the same question, item, group and wave as `srows` from another source (the chapter's own sum
    of a footnote's answers)."""
    f = srows[0]
    keys = ("question_id", "item", "group_label", "wave")
    return [r for r in rows or [] if r not in srows and all(r.get(k) == f.get(k) for k in keys)]


def _sum_named(q: Question, srows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The report's sum row («… (sum)») whose own words the question names, when it asks a share and no one
    answer: "Hvor stor andel hadde hjemmekontor?" is the sum of every answer with some home office."""
    if q.intent == "rank" or re.search(r"\b(ikke|ikkje|ingen|uten|utan)\b", q.text or ""):
        return None
    said = set(tokens(q.text or ""))
    for r in srows:
        if "(sum)" in r["option"] and r.get("unit") == "pct":
            own = set(tokens(r["option"])) - _SUM_GENERIC
            if own and own <= said:
                return r
    return None


def _one(q: Question, srows: list[dict[str, Any]], asked: list[str], group_dim: str, rows) -> str | None:
    first = srows[0]
    unit = first["unit"]
    item = f"«{first['item']}»" if first.get("item") else ""
    group = (
        ""
        if first.get("group_label") in (None, "", "Alle")
        else group_phrase(first["group_label"], group_dim)
    )
    if group:
        opening, tail = f"Blant {group}", f" om {item}" if item else ""
    elif item:
        opening, tail = f"Om {item}", ""
    else:
        opening, tail = "Av bedriftene", ""
    where = _where(rows)
    if q.measure == "n" and first.get("n"):
        # "Hva er grunnlaget for tallet?" after a share: that share again, with how many it rests on
        shares = [r for r in srows if r["option"] in q.options and r.get("unit") == "pct"]
        said = " og ".join(f"{pct(r['value'])} «{r['option']}»" for r in shares[:2])
        of = f" Tallet {said} gjelder dem." if said else ""
        return f"{opening} svarte **{n_text(first['n'])}** bedrifter{tail}{where}.{of}"
    if unit == "mean":
        return f"{opening} er gjennomsnittet **{fmt(first['value'], unit)}**{tail} på en skala fra 1 til 4{where}."
    picked = [r for r in srows if r["option"] in asked]
    if not picked and (total := _sum_named(q, [*srows, *_same_series(srows, rows)])) is not None:
        # "hjemmekontor nov 21 andel": the share that has it at all, the report's own sum of the answers
        label = total["option"].replace(" (sum)", "")
        return f"{opening} svarte til sammen **{fmt(total['value'], unit)}** «{label}»{tail}{_where(rows)}."
    if not picked:
        plain = [r for r in srows if "(sum)" not in r["option"]]
        # "which is most common": a real answer before «Ingen av disse» / «Vet ikke»
        plain = [
            r for r in plain if not re.match(r"(ingen av disse|vet ikke|ikke relevant)", r["option"].lower())
        ] or plain
        if not plain:
            return None
        if partial_distribution(srows):
            # only some answers are stated in the text (the rest is an image): no "most common" from those
            stated = ", ".join(f"«{r['option']}» **{fmt(r['value'], unit)}**" for r in srows)
            return (
                f"{opening}{tail} oppgir rapportens tekst{where}: {stated}. De øvrige svarene står bare i "
                "figuren, så jeg kan ikke si hvilket svar som var vanligst."
            )
        ranked = sorted(plain, key=lambda r: -r["value"])
        if q.intent != "rank" and re.match(r"(hvor|kor) (mange|stor (andel|del))\b", q.text or "") and len(ranked) > 2:
            # "Hvor mange prosent har ansatte som mest er på kontoret …?" with no answer recognised: a share of
            # one answer was asked, so every answer's share, not the most common one as if it were asked
            stated = ", ".join(f"«{r['option']}» **{fmt(r['value'], unit)}**" for r in ranked)
            return f"{opening}{tail} fordelte svarene seg slik{where}: {stated}."
        place = _PLACE.search(q.text or "")
        nth = 1 if place is None else (3 if place.group(1) else 2)
        if nth > 1 and len(ranked) > nth and len({r["value"] for r in ranked[: nth + 1]}) == nth + 1:
            # "hvilket svar kom på andreplass?": the answer after the most common one(s), ties ruled out
            at, above = ranked[nth - 1], ranked[:nth - 1]
            before = ", ".join(f"«{r['option']}» ({fmt(r['value'], unit)})" for r in above)
            word = "nest vanligste" if nth == 2 else "tredje vanligste"
            return (
                f"{opening} var det {word} svaret «{at['option']}» (**{fmt(at['value'], unit)}**){tail}{where}, "
                f"etter {before}."
            )
        top = ranked[0]
        return f"{opening} var det vanligste svaret «{top['option']}» (**{fmt(top['value'], unit)}**){tail}{where}."
    if all(o in BIPOLAR for o in asked) or (len(asked) == 1 and asked[0] in BIPOLAR):
        return _bipolar(opening, tail, srows, asked, where)
    said = " og ".join(f"**{fmt(r['value'], unit)}** «{r['option']}»" for r in picked)
    if len(picked) > 1 and unit == "pct":
        said += f" (til sammen {fmt(round(math.fsum(r['value'] for r in picked), 2), unit)})"
    others = [r for r in srows if r not in picked and "(sum)" not in r["option"]]
    rest = ""
    if unit == "pct" and 0 < len(others) <= 3:  # a short scale (Tabell 4, 7): the rest of it in one breath
        rest = " Resten: " + ", ".join(f"«{r['option']}» {fmt(r['value'], unit)}" for r in others) + "."
    elif (
        unit == "pct"
        and [r["option"] for r in picked] == ["Ja"]
        and not others
        and re.search(r"\b(ikke|ikkje|ingen|uten|utan)\b", q.text or "")
        and (answers := _options_of(first)) in ({"Ja", "Nei"}, {"Ja", "Nei", "Vet ikke"})
    ):
        # "Hvor mange har ikke avtale med BHT?": only «Ja» is printed; a yes/no question's rest is «Nei» (or
        # «Nei» and «Vet ikke» together, which the report does not tell apart)
        no = round(100 - float(picked[0]["value"]))
        which = "«Nei»" if "Vet ikke" not in answers else "«Nei» eller «Vet ikke» (rapporten skiller dem ikke)"
        rest = f" Resten, **{no} %**, svarte {which} (regnet ut: 100 − {fmt(picked[0]['value'], unit)})."
    return f"{opening} svarte {said}{tail}{where}.{rest}"


def _options_of(row: dict[str, Any]) -> set[str]:
    """The answers the codebook gives the row's question."""
    info = knowledge.question(str(row.get("question_id") or "")) or {}
    return {str(o.get("label")) for o in info.get("options") or [] if isinstance(o, dict)}


def _bipolar(opening: str, tail: str, srows, asked: list[str], where: str) -> str:
    """A change: the side asked about against the other side, and how many saw no change."""
    values = {r["option"]: r for r in srows}
    main = asked[0]
    other = BIPOLAR[main]
    parts = [f"**{pct(values[main]['value'])}** «{main}»"]
    if other in values:
        parts.append(f"mot **{pct(values[other]['value'])}** «{other}»")
    text = f"{opening} svarte {' '.join(parts)}{tail}{where}."
    if "Ingen endring" in values:
        text += f" {pct(values['Ingen endring']['value'])} svarte «Ingen endring»."
    return text


def _groups_by_item(q: Question, groups, asked: list[str], group_dim: str, rows) -> str | None:
    """ "Har små bedrifter like mye nytte av BHT som store?": the two groups item by item, and for how many
    items the first group's share is the higher."""
    a, b = q.group_labels
    by_item: dict[str, dict[str, float]] = {}
    for (item, group), srows in groups:
        v = _share(srows, asked)
        if v is not None and group in (a, b):
            by_item.setdefault(item, {})[group] = v
    pairs = [(item, v[a], v[b]) for item, v in by_item.items() if a in v and b in v]
    if len(pairs) < 2:
        return None
    higher = sum(va > vb for _i, va, vb in pairs)
    listed = "; ".join(f"«{i}» **{pct(va)}** mot **{pct(vb)}**" for i, va, vb in pairs)
    ga, gb = group_phrase(a, group_dim), group_phrase(b, group_dim)
    return (
        f"Andel {_options_text(asked)} blant {ga} mot {gb}{_where(rows)}: {listed}. "
        f"Høyere blant {ga} for {higher} av {len(pairs)}."
    )


def _by_group(q: Question, groups, asked: list[str], group_dim: str, rows) -> str:
    """The asked share for each group; with two groups named in a comparative question, a verdict."""
    item = groups[0][0][0]
    what = _options_text(asked) + (f" om «{item}»" if item else "")
    shares = [(group, _share(s, asked)) for (_i, group), s in groups if group != "Sum"]
    shares = [(g, v) for g, v in shares if v is not None]
    named = [g for g in q.group_labels if any(g == x for x, _v in shares)]
    if len(named) == 2:
        a, b = named
        va = dict(shares)[a]
        vb = dict(shares)[b]
        verdict = ""
        if (more := _more_asked(q, asked)) is not None and re.match(_YES_NO, q.text):
            yes = va > vb if more else va < vb
            verdict = ("Ja" if yes else "Nei") + ": " if va != vb else "Nei, like mange: "
        return (
            f"{verdict}**{pct(va)}** blant {group_phrase(a, group_dim)} mot **{pct(vb)}** blant "
            f"{group_phrase(b, group_dim)} svarte {what}{_where(rows)}.{gap(q, va, vb)}"
        )
    listed = ", ".join(f"{group_phrase(g, group_dim)}: **{pct(v)}**" for g, v in shares)
    return f"Andel {what}{_where(rows)} – {listed}."
