"""Press-ready text: a news paragraph, a social-media version and a source line, built from an answer's
data rows (or the report sentence it quotes). Wording lives in knowledge/press.yaml; every number comes
from a row, the question's own wording or a quoted report sentence, never from a template."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from . import knowledge
from .compose.numbers import count, mean
from .lead_figures import fmt_as_printed, headline_rows, option_core
from .report import split_sentences

log = logging.getLogger(__name__)

PUBLICATION = "NHOs Arbeidsmiljøbarometer 2021 (Agenda Kaupang/Kantar for NHO)"
ATTRIBUTION = "viser NHOs Arbeidsmiljøbarometer 2021"
SHORT_MAX = 280
# sentences of the report about other surveys of employees ("I Arbeidskraftundersøkelsen …", "De fant at …")
OTHER_STUDY = re.compile(
    r"Arbeidskraftundersøkelsen|Ingelsrud|\bDe fant\b|lønnstakere|\bav de ansatte\b|\bav ansatte\b"
)
CITED = "en annen undersøkelse, sitert i NHOs Arbeidsmiljøbarometer 2021"
FIGURE_LABEL = re.compile(r"^(Tabell|Figur|Fotnote)\s+\d+")


@lru_cache(maxsize=1)
def wording() -> dict[str, Any]:
    return knowledge.load_yaml(knowledge.KNOWLEDGE / "press.yaml")


# ---------------------------------------------------------------- plain text and source line


def plain_text(markdown: str) -> str:
    """The answer as plain text for pasting into a press release."""
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", markdown)
    text = re.sub(r"^>\s?", "", text, flags=re.M)
    text = re.sub(r"\\(.)", r"\1", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _n_text(rows: list[dict[str, Any]]) -> str | None:
    values = [str(r.get("n") or "").strip() for r in rows]
    values = list(dict.fromkeys(v for v in values if v))
    if not values:
        return None
    if len(values) == 1:
        return f"n = {values[0]}"
    numbers = [int(x) for v in values for x in re.findall(r"\d+", v)]
    return f"n = {min(numbers)}–{max(numbers)}"


def source_line(answer: dict[str, Any]) -> str:
    """'Kilde: NHOs Arbeidsmiljøbarometer 2021 (…), Tabell 3, n = 336', from the answer's sources and rows."""
    rows = answer.get("data") or []
    # Sources that only name a table a quoted passage mentions are not what the answer rests on.
    sources = [s for s in answer.get("sources") or [] if s.get("quote")] or answer.get("sources") or []
    labels = [s["label"] for s in sources if FIGURE_LABEL.match(s.get("label") or "")]
    labels += [str(r.get("source")) for r in rows if FIGURE_LABEL.match(str(r.get("source") or ""))]
    labels = list(dict.fromkeys(labels))
    if not labels and sources:
        first = sources[0]["label"]
        labels = [first if first.startswith("Vedlegg") else f"avsnitt {first}"]
    pages = sorted({s["page"] for s in sources if s.get("page")})
    parts = [PUBLICATION, *labels]
    if pages:
        parts.append("s. " + ", ".join(str(p) for p in pages))
    n = _n_text(rows)
    if n:
        parts.append(n)
    return "Kilde: " + ", ".join(parts)


def press_text(answer: dict[str, Any]) -> str:
    r"""The press paragraph and its source line; the plain answer text when there is no press text.

    >>> press_text({"answer": "**Tabell 3**: 39 %", "sources": [{"label": "Tabell 3", "quote": "x"}], "data": [{"n": "257"}]})
    'Tabell 3: 39 %\n\nKilde: NHOs Arbeidsmiljøbarometer 2021 (Agenda Kaupang/Kantar for NHO), Tabell 3, n = 257'
    """
    press = answer.get("press")
    if press:
        return press["text"] + "\n\n" + press["source"]
    return plain_text(answer.get("answer") or "") + "\n\n" + source_line(answer)


# ---------------------------------------------------------------- words for one row


def _group(r: dict[str, Any]) -> str:
    """' med 1–9 ansatte', ' i Oslo', '' for all companies."""
    g = str(r.get("group_label") or r.get("group") or "").strip()
    if g in ("", "Alle", "Sum"):
        return ""
    if r.get("group_dim") == "storrelse":
        g = g.replace("-", "–").replace("+", " eller flere")
        if "årsverk" in g or not g[0].isdigit():
            return f" med {g}"
        return " med 1 ansatt" if g == "1" else f" med {g} ansatte"
    return f" i {g}"


def _spec(r: dict[str, Any]) -> dict[str, Any]:
    return (wording().get("questions") or {}).get(r.get("question_id") or "", {})


def _item(r: dict[str, Any], spec: dict[str, Any]) -> tuple[str, bool]:
    item = r.get("item") or ""
    given = (spec.get("items") or {}).get(item)
    if isinstance(given, dict):
        return given["tekst"], bool(given.get("flertall"))
    if given:
        return given, False
    return (item[:1].lower() + item[1:] if item[1:2].islower() else item), False


def _plural(words: str) -> str:
    return re.sub(r"\b(\w+ig)\b", r"\1e", words)


def _answer_words(r: dict[str, Any], spec: dict[str, Any], plural: bool) -> str:
    option = r.get("option") or ""
    merged = re.match(r"Sammenslått:\s*([^;]+)", r.get("note") or "")
    parts = [p.strip() for p in merged.group(1).split("+")] if merged else []
    if option.lower() in parts:
        words = " eller ".join(parts)  # Tabell 4 and 7 print "Nyttig" for nyttig + svært nyttig
    else:
        words = (spec.get("svar") or {}).get(option) or option_core(option)
    return _plural(words) if plural else words


def _share(r: dict[str, Any]) -> str:
    return f"{fmt_as_printed(float(r['value']), 'pct')} prosent"


def _subject_predicate(r: dict[str, Any]) -> tuple[str, str]:
    """('bedriftene som hadde kontakt med Arbeidstilsynet i 2021', 'opplevde tilsyn … som nyttig')."""
    spec = _spec(r)
    item, plural = _item(r, spec)
    who = spec.get("hvem", "bedriftene{gruppe}").format(gruppe=_group(r))
    option = r.get("option") or ""
    pattern = (spec.get("utsagn_for") or {}).get(option) or spec.get("utsagn")
    if not pattern:
        pattern = "svarer «{svar}»" + (" om {item}" if item else "")
    return who, pattern.format(item=item, svar=_answer_words(r, spec, plural))


def _clause(r: dict[str, Any]) -> str:
    """The whole statement for one row, without attribution."""
    if r.get("unit") == "mean":
        spec = _spec(r)
        item, _ = _item(r, spec)
        pattern = spec.get("mean") or "{item} har et gjennomsnitt på {verdi}"
        text = pattern.format(item=item, verdi=mean(float(r["value"])))
        return text[:1].upper() + text[1:]
    who, predicate = _subject_predicate(r)
    comma = "," if " som " in who else ""  # a relative clause in the subject ends with a comma
    return f"{_share(r)} av {who}{comma} {predicate}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " og " + parts[-1]


def _follow_up(primary: dict[str, Any], others: list[dict[str, Any]]) -> list[str]:
    """Sentences for the lead's other figures, phrased against the first one."""
    keys = ("question_id", "item", "option", "unit")
    by_group = [r for r in others if r.get("unit") == "pct" and all(r.get(k) == primary.get(k) for k in keys)]
    out = []
    if by_group:
        first, *rest = by_group
        parts = [f"blant bedriftene{_group(first)} er andelen {_share(first)}"]
        parts += [f"blant bedriftene{_group(r)} {_share(r)}" for r in rest]
        text = _join(parts)
        out.append(text[:1].upper() + text[1:] + ".")
    keys = ("question_id", "group_label", "option", "unit")
    by_item = [r for r in others if r not in by_group and r.get("unit") == "pct"
               and all(r.get(k) == primary.get(k) for k in keys)]  # fmt: skip
    if by_item:
        parts = [f"{_share(r)} for {_item(r, _spec(r))[0]}" for r in by_item]
        out.append(f"Andelen er {_join(parts)}.")
    for r in others:
        if r in by_group or r in by_item:
            continue
        if r.get("unit") == "mean":
            item, _ = _item(r, _spec(r))
            out.append(f"For {item[:1].lower() + item[1:]} er gjennomsnittet {mean(float(r['value']))}.")
            continue
        same_subject = all(r.get(k) == primary.get(k) for k in ("question_id", "item", "group_label"))
        if same_subject and r.get("unit") == "pct":
            verb, _, rest = _subject_predicate(r)[1].partition(" ")
            out.append(f"Samtidig {verb} {_share(r)} {rest}.")
        else:
            out.append(_clause(r) + ".")
    return out


# ---------------------------------------------------------------- wave and base


def _waves() -> dict[str, dict[str, Any]]:
    return {w["id"]: w for w in knowledge.codebook()["waves"]}


def _survey(wave: dict[str, Any]) -> str:
    """'Hovedundersøkelsen ble gjennomført blant NHOs medlemsbedrifter i november 2021'."""
    kind = (wave.get("description") or "Undersøkelsen").split(" ")[0]
    if not kind.endswith("undersøkelsen"):
        kind = "Undersøkelsen"
    return f"{kind} ble gjennomført blant NHOs medlemsbedrifter i {wave['label'].lower()}"


def _survey_and_sample(wave: dict[str, Any] | None) -> str:
    """The second sentence where the base is the whole sample (or both waves, when the passage is not tied
    to one)."""
    if wave:
        return f"{_survey(wave)}, og {count(wave['completed'])} bedrifter svarte på undersøkelsen."
    both = " og ".join(f"{w['label'].lower()} ({count(w['completed'])} svar)" for w in _waves().values())
    return f"Undersøkelsen ble gjennomført blant NHOs medlemsbedrifter i {both}."


def _wave_and_base(rows: list[dict[str, Any]]) -> str:
    """The second sentence: when the survey ran and how many answered."""
    wave = _waves().get(rows[0].get("wave") or "")
    if wave is None:
        return ""
    bases = list(dict.fromkeys(str(r.get("n") or "").replace("-", "–") for r in rows))
    bases = [b for b in bases if b]
    numbers = sorted({int(x) for b in bases for x in re.findall(r"\d+", b)})
    if not numbers:
        base = f"{count(wave['completed'])} bedrifter svarte på undersøkelsen"
    elif len(numbers) == 1:
        base = f"{count(numbers[0])} bedrifter svarte på spørsmålet"
    else:
        many = " i hver gruppe" if len({r.get("group_label") for r in rows}) > 1 else ""
        base = f"mellom {count(numbers[0])} og {count(numbers[-1])} bedrifter{many} svarte på spørsmålet"
    return f"{_survey(wave)}, og {base}."


def _method(rows: list[dict[str, Any]]) -> list[str]:
    """Who is left out of the base, and small groups."""
    out = []
    for part in (rows[0].get("note") or "").split(";"):
        part = part.strip()
        if "holdt utenfor" in part:
            part = re.sub(r"^«", "Bedrifter som svarte «", part)
            part = re.sub(r"\s*er holdt utenfor.*$|\s*holdt utenfor.*$", "", part)
            out.append(f"{part}, er holdt utenfor beregningen.")
            break
    small = [r for r in rows if isinstance(r.get("n_min"), int | float) and r["n_min"] < 30]
    if small:
        out.append(f"Tallene for bedriftene{_group(small[0])} bygger på få svar og må tolkes med varsomhet.")
    return out


# ---------------------------------------------------------------- the sample (Tabell 9–11, 7.2)


def _sample(rows: list[dict[str, Any]]) -> tuple[str, str] | None:
    by_option: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        by_option.setdefault((r.get("wave") or "", r.get("group_label") or ""), {})[r.get("option")] = r
    sentences = []
    for (wave_id, group), opts in by_option.items():
        wave = _waves().get(wave_id, {})
        if {"Invitert", "Fullført"} <= set(opts):
            rate = opts.get("Svarprosent")
            about = "om lag " if rate and "om lag" in (rate.get("note") or "") else ""
            text = (
                f"I {wave.get('label', '').lower()} svarte {count(opts['Fullført']['value'])} av "
                f"{count(opts['Invitert']['value'])} inviterte medlemsbedrifter"
            )
            if rate:
                text += f", en svarprosent på {about}{fmt_as_printed(rate['value'], 'pct')} prosent"
            sentences.append(text)
        elif "Nettoutvalg (antall)" in opts and group not in ("Sum", "Alle"):
            net, share = opts["Nettoutvalg (antall)"], opts.get("Nettoutvalg (prosent)")
            text = f"{count(net['value'])} bedrifter{_group(net)} svarte på undersøkelsen i {wave.get('label', '').lower()}"
            if share:
                text += f", {fmt_as_printed(share['value'], 'pct')} prosent av alle som svarte"
            gross = opts.get("Bruttoutvalg (prosent)")
            if gross:
                text += f", mot {fmt_as_printed(gross['value'], 'pct')} prosent av de inviterte"
            sentences.append(text)
    if not sentences:
        return None
    first = f"{sentences[0]}, {ATTRIBUTION}."
    rest = [s + "." for s in sentences[1:4]]
    wave = _waves().get(rows[0].get("wave") or "")
    if wave and rows[0].get("option") not in ("Invitert", "Fullført", "Svarprosent"):
        rest.insert(0, _survey_and_sample(wave))
    return " ".join([first, *rest]), first


# ---------------------------------------------------------------- a quoted report sentence


def _from_quote(answer: dict[str, Any]) -> tuple[str, str] | None:
    """A text answer whose quoted report sentence states a figure: that sentence, made printable."""
    lead_ins = [re.compile(p, re.I) for p in wording().get("lead_ins") or []]
    for source in answer.get("sources") or []:
        for sentence in split_sentences(source.get("quote") or ""):
            if not re.search(r"\d+\s*(%|prosent)|\d+ av \d+", sentence):
                continue
            for pattern in lead_ins:
                sentence = pattern.sub("", sentence)
            sentence = re.sub(r"\s*\((?:se |jf\. )?(?:tabell|figur) \d+\)", "", sentence, flags=re.I)
            sentence = re.sub(r"(\d)\s*%", r"\1 prosent", sentence).rstrip(" .")
            if OTHER_STUDY.search(sentence):
                # a figure of another survey the report cites: never credited to the barometer
                first = f"{sentence[:1].upper()}{sentence[1:]} ({CITED})."
                return first, first
            first = f"{sentence[:1].upper()}{sentence[1:]}, {ATTRIBUTION}."
            waves = {q["wave"] for q in knowledge.questions() if q.get("section") == source.get("section")}
            second = _survey_and_sample(_waves()[waves.pop()] if len(waves) == 1 else None)
            return f"{first} {second}", first
    return None


# ---------------------------------------------------------------- the press text


def _short(first: str, rows: list[dict[str, Any]]) -> str:
    """At most 280 characters: the first sentence, with wave and base when they fit."""
    extra = ""
    if rows:
        wave = _waves().get(rows[0].get("wave") or "", {})
        ns = [str(r.get("n")) for r in rows if r.get("n")]
        label = wave.get("label", "").lower()
        if ns and len(set(ns)) == 1 and ns[0].isdigit():
            extra = f" ({label}, {count(int(ns[0]))} svar)"
        elif rows[0].get("question_id") != "UTVALG":
            extra = f" ({label})"
    for text in (first[:-1] + extra + ".", first):
        if len(text) <= SHORT_MAX:
            return text
    cut = first[: SHORT_MAX - 1].rsplit(" ", 1)[0]
    return cut + "…"


def press_for(answer: dict[str, Any]) -> dict[str, str] | None:
    """{text, short, source} for an answer with a figure; None for refusals, questions asked back and
    answers with nothing to print. Never raises: a press text is an extra."""
    try:
        return _press_for(answer)
    except Exception:
        log.exception("Could not build press text for %r", answer.get("question"))
        return None


def _press_for(answer: dict[str, Any]) -> dict[str, str] | None:
    if not answer.get("answerable") or answer.get("error") or answer.get("route") == "none":
        return None
    if answer.get("verdict") == "not_in_report" or answer.get("suggestions"):
        return None
    rows = [r for r in answer.get("data") or [] if isinstance(r.get("value"), int | float)]
    picked: list[dict[str, Any]] = []
    if rows and rows[0].get("question_id") == "UTVALG":
        built = _sample(rows)
    elif rows:
        picked = headline_rows(answer, rows)[:4]
        first = f"{_clause(picked[0])}, {ATTRIBUTION}."
        rest = [_wave_and_base(picked), *_follow_up(picked[0], picked[1:]), *_method(picked)]
        built = " ".join(s for s in [first, *rest] if s), first
    else:
        built = _from_quote(answer)
    if not built:
        return None
    text, first = built
    return {"text": text, "short": _short(first, picked), "source": source_line(answer)}


def run(turn, ctx) -> None:
    """The last step: a press-ready paragraph, short text and source line for the answer (or None)."""
    if turn.answer is not None and turn.answer.press is None:
        turn.answer.press = press_for(turn.answer.to_dict())
