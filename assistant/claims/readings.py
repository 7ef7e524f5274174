"""What the report says about a claim's subject: candidate figures (readings) from data rows and report
sentences, how well each fits the claim, and how to describe one with its source."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .. import knowledge
from ..compose.numbers import n_text
from ..knowledge import WAVE_TEXT
from ..normalize import fold, normalize, tokens
from ..report import split_sentences
from .parse import Amount, ParsedClaim, without_groups, without_waves

_I = re.IGNORECASE
NOT_AN_ANSWER = re.compile(r"(?i)vet ikke|ikke relevant|ikke aktuelt")
NEGATION = re.compile(r"(?<![\wæøå])(ikke|ikkje|ingen|aldri)(?![\wæøå])", _I)
UNIT_OF_KIND = {"pct": "pct", "ratio": "pct", "quant": "pct", "count": "count", "mean": "mean"}


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


def group_fits(claim_group: tuple[str, str, float, float | None], fig: dict[str, Any]) -> bool:
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


def is_total(fig: dict[str, Any]) -> bool:
    return fig.get("group_dim") in (None, "", "total") and band_of(fig.get("group_label")) is None


def loose(label: str) -> str:
    return re.sub(r"^[…\.\s]+", "", fold(label or ""))


def options_in(series: list[dict[str, Any]], wanted: list[str], negated: bool) -> list[dict[str, Any]]:
    """The rows of a series for the options a claim names; a negated option the claim does not negate
    ("har ansatte på hjemmekontor" is not «Har ikke ansatte …») gives way to its affirmative sibling."""
    want = {loose(o) for o in wanted}
    rows = [r for r in series if loose(r.get("option") or "") in want]
    agree = [r for r in rows if bool(NEGATION.search(r["option"])) == negated]
    if rows and not agree:
        words = {w for r in rows for w in tokens(r["option"])}
        agree = [
            r
            for r in series
            if bool(NEGATION.search(r.get("option") or "")) == negated and words <= set(tokens(r["option"]))
        ]
    rows = agree or rows
    sums = [r for r in rows if "(sum)" in r["option"]]
    return sums[:1] or rows


def series_of(figures: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
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
class Reading:
    """One way the report answers the claim: a value, the rows it sums, and how well it fits the claim."""

    value: float
    unit: str
    rows: list[dict[str, Any]]
    fit: float
    low: float | None = None  # a figure the report states only as an interval ("om lag halvparten")
    high: float | None = None
    series: list[dict[str, Any]] = field(default_factory=list)  # every row of this item and group
    specific: bool = False  # the claim names this reading's own item (or, in prose, its part of the sentence)
    opposite: bool = False  # a prose figure for the other end of the scale ("i liten grad" for "stor")

    @property
    def first(self) -> dict[str, Any]:
        return self.rows[0]


def topic_tokens(p: ParsedClaim, text: str | None = None) -> set[str]:
    """The claim's content words, without its figures and years (they say how many, not what)."""
    text = text if text is not None else p.text
    for a in sorted(p.amounts, key=lambda a: -a.start):
        if text is p.text or a.text in text:
            text = text.replace(a.text, " ")
    text = re.sub(r"\b(19|20)\d\d\b", " ", text)
    text = without_waves(without_groups(normalize(text)))  # when and about whom, not what
    return {t for t in tokens(text) if not t.isdigit()} - _how_much_words()


@lru_cache(maxsize=1)
def _how_much_words() -> frozenset[str]:
    """Words that say how much or which way, not what: "andelen", "økte", "falt" (lexicon `claims.change`)."""
    change = (knowledge.lexicon().get("claims") or {}).get("change") or {}
    words = {t for ws in change.values() for w in ws for t in tokens(w)}
    # ("fortsatt", "fremdeles": that it still holds, not what holds)
    return frozenset(words | set(tokens("andel andelen antall antallet prosentandel del fortsatt fremdeles")))


UNIT_OF_KIND = {"pct": "pct", "ratio": "pct", "quant": "pct", "count": "count", "mean": "mean"}


@lru_cache(maxsize=1)
def _negative_answer_phrases() -> re.Pattern[str] | None:
    """The lexicon's words for an answer that is a negation, said without one («likegyldig hvor», «gir
    blaffen» for «Det har ingen betydning for meg …»)."""
    options = knowledge.lexicon().get("options") or {}
    keys = [
        fold(str(k))
        for k, labels in options.items()
        if not NEGATION.search(str(k)) and any(NEGATION.search(str(x)) for x in labels or [])
    ]
    if not keys:
        return None
    alternation = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<![\wæøå])({alternation})(?![\wæøå])")


def names_negative_answer(text: str) -> bool:
    """The claim names a negative answer in other words, so a sentence stating it with «ikke» speaks to it.

    >>> names_negative_answer("8 prosent sier det er helt likegyldig hvor de ansatte jobber fra")
    True
    >>> names_negative_answer("8 prosent sier det er viktig hvor de ansatte jobber fra")
    False
    """
    pattern = _negative_answer_phrases()
    return bool(pattern and pattern.search(normalize(text)))


_COMMON = {"bedrift", "bedrifter", "nav", "nytt", "nyttig"}  # words too general to single out a figure
_SUBJECT = {"ansatt", "bedrift", "virksom", "verksemd"}  # who an option is about, not what it says


def _named_option(series: list[dict[str, Any]], words: set[str], negated: bool) -> list[dict[str, Any]]:
    """The answer option the claim writes out in full (every word of a label of two or more words)."""
    best: list[dict[str, Any]] = []
    for r in series:
        own = set(tokens(r.get("option") or ""))
        # "ikke har hjemmekontor" names «Har ikke ansatte på hjemmekontor»: who has it is the claim's subject
        if (
            len(own) >= 2
            and own - _SUBJECT <= words
            and own - _SUBJECT
            and bool(NEGATION.search(r["option"])) == negated
        ):
            if not best or len(own) > len(tokens(best[0]["option"])):
                best = [r]
    return best


@lru_cache(maxsize=1)
def _answer_words() -> frozenset[str]:
    """Words that name an answer on a rating scale (lexicon `claims.answer_words`)."""
    words = (knowledge.lexicon().get("claims") or {}).get("answer_words") or []
    return frozenset(t for w in words for t in tokens(w))


def _forms(text: str) -> set[str]:
    """The longer words of a text as written (normalised, not stemmed)."""
    return {w for w in re.findall(r"[a-zæøå]{5,}", normalize(text))}


def answer_words(words: set[str]) -> set[str]:
    """The rating-scale answers among stemmed words, each as its shortest form ("nyttiger" → "nytt").

    >>> sorted(answer_words({"nyttiger", "kontakt", "vikt"}))
    ['nytt', 'vikt']
    """
    return {a for a in _answer_words() for w in words if w == a or len(a) >= 4 and w.startswith(a)}


def shared(words: set[str], other: set[str]) -> set[str]:
    """The words that are also in `other`, or that one of its words starts (or that start one): the stems of
    one word's forms differ ("kreativitet" of "kreativiteten", "kreativit" of "kreativitet").

    >>> sorted(shared({"kreativitet", "bedre"}, {"kreativit", "innovasjon"}))
    ['kreativitet']
    """
    out = words & other
    for w in words - out:
        if len(w) >= 6 and any(
            len(o) >= 6 and (w.startswith(o) or o.startswith(w)) or len(o) >= 7 and w.endswith(o)
            for o in other
        ):  # and a compound on the other's word ("sykefraværsoppfølging" on "oppfølging")
            out.add(w)
    return out


_NOUNS = r"(?:utfordring|utfordringer|utfordringar|problem|problemer|betydning|nytte)"
_EXTENT = {
    "high": re.compile(
        rf"\b(?:i (?:svært |veldig )?stor grad|(?:svært |veldig )?(?:stor|store|stort) {_NOUNS})\b"
        r"|(?<!lite )(?<!lita )(?<!ikke )(?<!ikkje )(?<!mindre )\bnyttig(?:e|ere|st)?\b"  # of usefulness, too
    ),
    "low": re.compile(
        rf"\b(?:i (?:svært |veldig )?liten grad|(?:svært |veldig )?(?:liten|lita|lite|små) {_NOUNS})\b"
        r"|\b(?:lite|lita|ikke|ikkje) nyttig(?:e)?\b|\bunyttig"
    ),
}


def extent(text: str) -> str | None:
    """Which end of an extent scale a text speaks of: high, low, or None (neither or both).

    >>> extent("flertallet opplever sykefravær som en stor utfordring"), extent("i liten eller svært liten grad")
    ('high', 'low')
    """
    t = re.sub(r"\b(liten|stor) eller (?:svært|veldig) \1\b", r"\1", normalize(text))
    found = [k for k, pattern in _EXTENT.items() if pattern.search(t)]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=1)
def item_vocabulary() -> frozenset[str]:
    """Words that name a survey item (codebook item labels and aliases), but the common ones."""
    words: set[str] = set()
    for q in knowledge.questions():
        for it in q.get("items") or []:
            words.update(tokens(" ".join([str(it.get("label") or ""), *(it.get("aliases") or [])])))
    return frozenset(w for w in words if len(w) >= 6) - _COMMON


@lru_cache(maxsize=1)
def _alias_labels() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Per codebook item alias, its words and the item label's words («langtidsfravær» → langvarig sykefravær)."""
    out = []
    for q in knowledge.questions():
        for it in q.get("items") or []:
            label = frozenset(tokens(normalize(str(it.get("label") or ""))))
            for alias in it.get("aliases") or []:
                words = frozenset(tokens(normalize(str(alias))))
                # the same head word («langtidsfravær», «langvarig sykefravær»): not a loose alias («sykemeldte»)
                if (
                    words
                    and label
                    and not words & label
                    and any(_same_head(w, x) for w in words for x in label)
                ):
                    out.append((words, label))
    return tuple(out)


def _same_head(a: str, b: str, n: int = 5) -> bool:
    """Two compounds that end in the same word of at least `n` letters («langtidsfravær», «sykefravær»)."""
    return len(a) > n and len(b) > n and a[-n:] == b[-n:] and a != b


def with_item_labels(claim_tok: set[str]) -> set[str]:
    """The claim's words and, for an item named by another word than the report's («langtidsfraværet»), the
    words of the item's label, which the report's sentences use («langvarig sykefravær»)."""
    return claim_tok.union(*(label for words, label in _alias_labels() if words <= claim_tok))


def passage_words(f: dict[str, Any]) -> set[str]:
    """The words of a prose figure's sentence, its passage and the passage before it."""
    # (and the passage before it in the section: "… mellom ledelsen og de tillitsvalgte. Blant bedrifter med …")
    return set(
        tokens(normalize(f"{f.get('sentence') or ''} {f.get('paragraph') or ''} {f.get('before') or ''}"))
    )


def _item_words(f: dict[str, Any], n: int = 3) -> set[str]:
    """The words just before a figure in its piece of the sentence: what it is the figure of
    («… forebyggende arbeidsmiljøarbeid (8 av 10 bedrifter)» → forebyggende arbeidsmiljøarbeid)."""
    context, text = str(f.get("context") or ""), str(f.get("text") or "")
    head = context[: context.find(text)] if text and text in context else context
    sentence, start = str(f.get("sentence") or ""), f.get("start")
    if isinstance(start, int) and 0 < start <= len(sentence):
        # what stands between the previous figure's bracket and this one («…(8 av 10 bedrifter), omstilling og
        # endring (7 av 10 …)»: both words name it, though «og» cuts the sentence into pieces between them)
        before = sentence[:start].rstrip(" (")
        head = before.rsplit(")", 1)[-1] if ")" in before else head
    return set(tokens(normalize(" ".join(re.findall(r"[\wæøå/-]+", head)[-n:]))))


def _about_a_sibling(claim_tok: set[str], first: dict[str, Any], figures: list[dict[str, Any]]) -> bool:
    """The claim names the item of another figure of the same sentence and not this one's
    («kompetanseutvikling … 8 av 10»: the sentence's 8 av 10 is forebyggende arbeidsmiljøarbeid's)."""
    others = [
        _item_words(f)
        for f in figures
        if f.get("sentence") == first["sentence"] and f.get("context") != first.get("context")
    ]
    if not others:
        return False
    # an item's name a little further back counts too ("kontakten med bedriftshelsetjenesten som klart
    # nyttigst (8 av 10)" is the figure of the contact with BHT)
    own = _item_words(first) | (_item_words(first, 6) & item_vocabulary())
    theirs = shared(claim_tok, set().union(*others) - own) - _COMMON
    return bool(theirs) and not shared(claim_tok, own) - _COMMON


# a sentence whose figures are shares of a subset of the companies ("Blant bedriftene som ønsker …")
_SUBSET_OF = re.compile(r"Blant (?:bedriftene|de|dei|virksomhetene|verksemdene) som\b", re.I)


def readings_for(p: ParsedClaim, figures: list[dict[str, Any]], text: str | None = None) -> list[Reading]:
    """Candidate figures for the claim's subject, best first. A data series needs the claim's options (or
    only one answer to choose); a prose figure needs the claim's words in its sentence."""
    claim_tok = with_item_labels(topic_tokens(p, text))
    kind = p.amounts[0].kind if p.amounts else None
    negated = p.negated or names_negative_answer(p.text)  # «helt likegyldig» is said with «ikke» in the report
    out: list[Reading] = []
    for series in series_of(figures):
        first = series[0]
        if first.get("sentence") is not None:  # a figure stated in the report's prose
            if bool(NEGATION.search(first.get("context") or "")) != negated:
                continue  # "65 prosent har hjemmekontor" does not speak to "… ikke har hjemmekontor"
            if kind == "count" and _other_count(p.text, first.get("context") or ""):
                continue  # "1713 bedrifter ble invitert" is not "… og 1713 bedrifter fullførte"
            sentence = set(tokens(normalize(first["sentence"])))
            piece = set(tokens(normalize(first.get("context") or "")))
            named = claim_tok & item_vocabulary() if p.amounts else set()
            if named and not shared(named, passage_words(first)):
                continue  # "produktiviteten gikk ned …": a sentence that never names productivity does not judge it
            if _about_a_sibling(claim_tok, first, figures):
                continue  # "kompetanseutvikling … 8 av 10": the sentence's 8 av 10 is another item's
            if _SUBSET_OF.match(str(first["sentence"]).lstrip("►• ")) and not re.search(r"\bblant\b", p.text, re.I):
                continue  # "Blant bedriftene som ønsker …, svarer 1 av 10 …": a share of some, not of all companies
            passage = set(tokens(normalize(first.get("paragraph") or ""))) | sentence
            # the sentence must speak to the claim (or its passage: "… i kontakt med NAV Arbeidslivssenter.
            # Høyest andel finner vi …"); its piece around the figure breaks ties between figures
            found = max(len(shared(claim_tok, sentence)), 0.9 * len(shared(claim_tok, passage)))
            fit = (found + 0.25 * len(shared(claim_tok, piece))) / max(len(claim_tok), 1)
            claimed, stated = answer_words(set(tokens(normalize(p.text)))), answer_words(sentence)
            if claimed and not stated & claimed:
                continue  # the claim is about an answer the sentence does not state ("nyttigere" of contact)
            if stated - claimed:
                fit -= 0.25  # the sentence states an answer the claim does not ("… oppgir at kontakten var nyttig")
            # the same word form breaks ties the stems cannot ("sykemelder" is not "sykemeldte")
            fit += 0.01 * len(
                _forms(text if text is not None else p.text) & _forms(first.get("context") or "")
            )
            unit = first.get("unit") or "pct"
            specific = bool(shared(claim_tok, piece) - _COMMON)
            said, stated_end = extent(p.text), extent(first.get("context") or first["sentence"])
            opposite = bool(said and stated_end and said != stated_end)
            if opposite:
                fit -= 0.3  # the other end of the scale ("«nyttig» eller «svært nyttig»" for "lite nyttig")
            out.append(
                Reading(
                    first["value"],
                    unit,
                    series,
                    fit,
                    first.get("low"),
                    first.get("high"),
                    specific=specific,
                    opposite=opposite,
                )
            )
            continue
        rows = options_in(series, p.options, p.negated) if p.options else []
        named = _named_option(series, claim_tok, p.negated)
        if named and len(tokens(named[0]["option"])) > max(
            (len(tokens(r["option"])) for r in rows), default=0
        ):
            rows = named  # an answer written out in full beats a shorter one the words also fit
        if not rows:
            plain = [r for r in series if not NOT_AN_ANSWER.match(r.get("option") or "")]
            if kind is not None:  # "1713 bedrifter svarte": the series' one count, not its share
                plain = [r for r in plain if r.get("unit") == UNIT_OF_KIND[kind]] or plain
            if len(plain) == 1:
                rows = plain
            elif any(r.get("option") == "Ja" for r in series):
                rows = [r for r in series if r.get("option") == "Ja"]
            elif (
                kind is None
                and first.get("question_id") == "UTVALG"
                and re.search(r"svar|deltok|deltak", p.text.lower())
            ):
                # "flest bedrifter som svarte": who answered (Tabell 9–11, 7.2)
                rows = [r for r in series if r.get("option") in ("Nettoutvalg (antall)", "Fullført")][:1]
            elif first.get("question_id") == "UTVALG" and kind is not None and UNIT_OF_KIND[kind] == "pct":
                # "nesten halvparten av dem som svarte hadde 10–49 ansatte": the group's share of the answers,
                # or of the invited companies when the claim says so
                sample = (
                    "Bruttoutvalg" if re.search(r"invitert|bruttoutvalg", p.text.lower()) else "Nettoutvalg"
                )
                if sample == "Bruttoutvalg" or re.search(r"svar|deltok|deltak|nettoutvalg", p.text.lower()):
                    rows = [r for r in series if r.get("option") == f"{sample} (prosent)"][:1]
            elif kind == "count" and plain and all(r.get("unit") == "count" for r in plain):
                # "1713 bedrifter ble invitert": the count of those invited, not the nearest count
                said = [r for r in plain if _SAMPLE_WORDS.get(str(r.get("option")), "x") and
                        re.search(_SAMPLE_WORDS.get(str(r.get("option")), "$^"), p.text.lower())]  # fmt: skip
                rows = [
                    min(
                        said or plain,
                        key=lambda r: abs(math.log((r["value"] or 1) / (p.amounts[0].value or 1))),
                    )
                ]
        if not rows:
            continue
        item_tok = set(tokens(normalize(first.get("item") or "")))
        fit = 1.0 + (len(shared(item_tok, claim_tok)) / max(len(item_tok), 1) if item_tok else 0.0)
        if p.options and any(loose(r["option"]) in {loose(o) for o in p.options} for r in rows):
            fit += 0.5
        value = round(sum(float(r["value"]) for r in rows), 2)
        specific = bool(shared(item_tok, claim_tok))
        out.append(Reading(value, rows[0].get("unit") or "pct", rows, fit, series=series, specific=specific))
        words = {w for r in rows for w in tokens(r["option"])}
        for total in series:  # the report's own merge of this answer with its neighbour ("… (sum)")
            if (
                "(sum)" in (total.get("option") or "")
                and total not in rows
                and words <= set(tokens(total["option"]))
                and bool(NEGATION.search(total["option"])) == bool(NEGATION.search(rows[0]["option"]))
            ):
                out.append(
                    Reading(float(total["value"]), total.get("unit") or "pct", [total], fit, series=series)
                )
    return sorted(_restated(out), key=lambda r: -r.fit)


def _restated(out: list[Reading]) -> list[Reading]:
    """ "De aller fleste … 8 av 10 svarer dette.": the figure that restates a word ("de aller fleste") in the
    next sentence of the same paragraph is the report's figure for it, and fits as well."""
    words = [r for r in out if r.first.get("sentence") and not re.search(r"\d", r.first.get("text") or "")]
    for r in out:
        f = r.first
        sentence = str(f.get("sentence") or "")
        if not sentence or not re.search(r"\d", f.get("text") or ""):
            continue
        if len(sentence.split()) > 8 or not re.search(r"\b(dette|det samme)\b", sentence):
            continue
        same = [w for w in words if w.first.get("paragraph") == f.get("paragraph")]
        if same:
            best = max(same, key=lambda w: w.fit)
            r.fit = max(r.fit, best.fit + 0.01)
            r.rows = [
                {**f, "context": f"{best.first.get('sentence')} {sentence}"},
                *r.rows[1:],
            ]  # quoted whole
    return out


def fits_amount(a: Amount, r: Reading) -> bool:
    if a.kind == "mean" and r.unit != "mean":
        return False
    if a.kind in ("pct", "ratio", "quant") and r.unit not in ("pct",):
        return False
    slack = 0.5 if len(r.rows) > 1 and a.kind == "pct" else 0.0  # a sum of rounded shares
    if r.low is not None and r.high is not None:  # the report itself rounds ("1 av 4", "om lag halvparten")
        middle = (r.low + r.high) / 2
        if not re.search(r"\d", r.first.get("text") or ""):  # a word such as "mer enn halvparten"
            return r.low <= a.value <= r.high  # the claim must fall inside it
        if (
            a.kind == "quant"
        ):  # the claim is the word ("nesten alle"): the report's figure must fall inside it
            return a.low <= middle <= a.high
        # "1 av 5" is not the report's "om lag 1 av 6"; "rundt 3 av 10" is its "om lag 1 av 3"
        hedged = re.match(r"(rundt|om lag|omlag|cirka|ca\.?|omtrent|tilnærmet)\s", a.text, re.IGNORECASE)
        return abs(a.value - middle) <= (5.0 if hedged else 3.0)
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


def group_phrase(label: str | None) -> str:
    if not label or label in ("Alle", "Sum"):
        return ""
    if band_of(label) is not None and label[:1].isdigit():
        unit = "årsverk" if "årsverk" in label else "ansatt" if label.strip() == "1" else "ansatte"
        return (
            f"bedrifter med {label.replace(' årsverk', '')} {unit}"
            if "årsverk" not in label
            else f"bedrifter med {label}"
        )
    if "bedrift" in label:
        return label
    return f"bedrifter med {label}" if re.search(r"\d|ansatt|årsverk", label) else f"bedrifter i {label}"


# the words a claim uses for a count of the sample (Tabell 9–11, 7.2)
_INVITED = r"invitert|inviterte|fikk (undersøkelsen|spørreskjemaet|invitasjon)|sendt til|bruttoutvalg"
_ANSWERED = r"svarte|svart|fullført|fullførte|deltok|besvarte|nettoutvalg"
_SAMPLE_WORDS = {
    "Invitert": _INVITED,
    "Bruttoutvalg (antall)": _INVITED,
    "Fullført": _ANSWERED,
    "Nettoutvalg (antall)": _ANSWERED,
}


def _other_count(claim: str, context: str) -> bool:
    """The claim counts those invited and the report's words around the figure count those who answered,
    or the other way round."""
    c, x = claim.lower(), context.lower()
    for own, other in ((_INVITED, _ANSWERED), (_ANSWERED, _INVITED)):
        if re.search(own, c) and not re.search(other, c) and re.search(other, x) and not re.search(own, x):
            return True
    return False


SAMPLE_SHARE = {
    "Nettoutvalg (prosent)": "bedriftene som svarte",
    "Bruttoutvalg (prosent)": "de inviterte bedriftene",
}


def describe(r: Reading) -> str:
    """The report's figure with its source, in one clause."""
    f = r.first
    if f.get("sentence") is not None:
        where = f.get("section_label") or f.get("source") or "rapporten"
        # the whole sentence when it is short enough to read (a piece cut at «og» may lose its end)
        said = f["sentence"] if len(str(f["sentence"])) <= 240 else (f.get("context") or f["sentence"])
        start, sentence = f.get("start"), str(f["sentence"])
        if len(str(said)) < 60 and isinstance(start, int) and len(sentence) > 240:
            # a short piece («endring (7 av 10 bedrifter)»): the words around the figure, marked as cut
            end = sentence.find(")", start)
            end = end + 1 if 0 <= end < start + 40 else start + len(str(f.get("text") or "")) + 10
            window = sentence[max(0, start - 110) : end]
            said = "… " + (window.split(" ", 1)[1] if start > 110 and " " in window else window).strip(" ,") + " …"
        said = re.sub(r"\s+", " ", str(said)).lstrip("►• ").strip()
        if len(said) < 60 and re.search(r"\b(dette|det samme|disse|desse)\b", said):
            # «8 av 10 svarer dette.»: the sentence before it says what «dette» is
            paragraph = re.sub(r"\s+", " ", str(f.get("paragraph") or ""))
            sentences = split_sentences(paragraph)
            at = next((i for i, x in enumerate(sentences) if said in x), 0)
            if at > 0:
                said = f"{sentences[at - 1].strip()} {said}"
        return f"rapporten skriver «{said}» ({where})"
    opts = " + ".join(f"«{x['option'].lstrip('… ')}»" for x in r.rows)
    # a sum of answers, answer by answer: «70 % svarte «Nyttig» + «Svært nyttig» (54 % + 16 %)»
    each = " (" + " + ".join(fmt_value(x["value"], r.unit) for x in r.rows) + ")" if len(r.rows) > 1 else ""
    parts = [
        f"{fmt_value(r.value, r.unit)} svarte {opts}{each}" if r.unit == "pct" else fmt_value(r.value, r.unit)
    ]
    sample = SAMPLE_SHARE.get(str(f.get("option"))) if f.get("question_id") == "UTVALG" else None
    if sample and r.unit == "pct":  # Tabell 11: a size group's share of the answers or of the invited
        g = group_phrase(f.get("group_label")) or "bedriftene"
        parts = [f"{fmt_value(r.value, r.unit)} av {sample} var {g}"]
    elif f.get("question_id") == "UTVALG" and f.get("option") == "Svarprosent":
        parts = [f"svarprosenten var {fmt_value(r.value, r.unit)}"]
    elif r.unit == "mean":
        parts = [f"gjennomsnittet {fmt_value(r.value, r.unit)} (skala 1–4)"]
    elif r.unit == "count":
        parts = [f"{fmt_value(r.value, r.unit)} ({f['option'].lower()})"]
    if f.get("item"):
        parts.append(f"om «{f['item']}»")
    g = group_phrase(f.get("group_label"))
    if g and not sample:
        parts.append(f"blant {g}")
    src = [str(f.get("source") or "")]
    if f.get("wave") in WAVE_TEXT:
        src.append(WAVE_TEXT[f["wave"]])
    if f.get("n"):
        src.append(f"n = {n_text(str(f['n']))}")
    return " ".join(parts) + f" ({', '.join(s for s in src if s)})"


def figure_phrase(r: Reading) -> str:
    """The report's figure written the way the claim wrote its own ("1 av 4" stays a ratio when the report says so)."""
    f = r.first
    if f.get("sentence") is not None and f.get("text"):
        text = str(f["text"])
        # "Om lag 1 av 3" opened its sentence; mid-sentence it is "om lag 1 av 3"
        return text[:1].lower() + text[1:] if text[1:2].islower() else text
    if r.unit == "pct":
        return f"{fmt_value(round(r.value), 'pct').replace(' %', '')} prosent"
    return fmt_value(r.value, r.unit)


def narrow(
    p: ParsedClaim, figures: list[dict[str, Any]], group: Any = None
) -> tuple[list[dict[str, Any]], str | None]:
    """The figures about the claim's group (or all companies when it names none). Second: a reason they do not exist."""
    group = group if group is not None else (p.groups[0] if p.groups else None)
    if group is None:
        total = [f for f in figures if is_total(f)]
        return (total or figures), None
    fitting = [f for f in figures if group_fits(group, f)]
    if fitting:
        return fitting, None
    return [], _group_label(group)


def _group_label(group: Any) -> str:
    """A group as a reader writes it: "bedrifter med 200 eller flere ansatte", "NHO Reiseliv"."""
    if group[0] == "storrelse" and len(group) >= 4 and group[2] is not None:
        lo, hi = int(group[2]), (int(group[3]) if group[3] is not None else None)
        band = f"{lo} eller flere" if hi is None else (f"{lo}" if lo == hi else f"{lo}–{hi}")
        return f"bedrifter med {band} ansatte"
    return str(group[1])
