"""Claims about when the survey was carried out ("Hovedundersøkelsen ble gjennomført i oktober 2021"),
judged on the waves' dates in the codebook (from 7.2)."""

from __future__ import annotations

import re
from typing import Any

from .. import knowledge
from .parse import ParsedClaim
from .verdict import Verdict

_MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember"]  # fmt: skip
_CARRIED_OUT = re.compile(
    r"\b(gjennomført|gjennomførte|gjennomføres|utført|utførte|sendt ut|samlet inn|besvart|foregikk|tatt opp|"
    r"gjennomført|gjort|gjennomføringen|spurt|sto for|stod for|står for|sto bak|står bak|hadde ansvaret for|"
    r"hadde ansvar for|gjorde|laget|lagde)\b",
    re.I,
)
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b(?:\s+(20\d\d))?", re.I)
_WHICH = {"hovedundersøkelsen": "2021-11", "hovedundersøkinga": "2021-11", "tilleggsundersøkelsen": "2022-06",
          "tilleggsundersøkinga": "2022-06", "supplerende": "2022-06"}  # fmt: skip


_NUMBER_WORDS = {"en": 1, "ein": 1, "én": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7,
                 "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14}  # fmt: skip
_DAY_RANGE = re.compile(
    r"\b(\d{1,2})\.?\s*(?:–|-|til)\s*(\d{1,2})\.\s*(" + "|".join(_MONTHS) + r")\b(?:\s+(20\d\d))?", re.I
)
_DAY_COUNT = re.compile(r"\b(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r") (?:dager|dagar|døgn)\b", re.I)
_OPEN = re.compile(
    r"\b(lå ute|låg ute|var ute|var åpen|var open|lå åpen|pågikk|varte|feltperiode\w*|feltarbeid\w*|datainnsamling\w*|"
    r"gjennomført|gjennomførte|samlet inn|samla inn|besvart|foregikk|gikk)\b",
    re.I,
)
_WAVE_WORDS = {"juni": "2022-06", "tillegg": "2022-06", "supplerende": "2022-06", "november": "2021-11",
               "hovedundersøk": "2021-11", "hovudundersøk": "2021-11"}  # fmt: skip


def _judge_days(p: ParsedClaim) -> Verdict | None:
    """ "Juniundersøkelsen lå ute i seks dager, fra 1. til 6. juni 2022": the field period's days (7.2)."""
    text = p.text.lower()
    span, count = _DAY_RANGE.search(text), _DAY_COUNT.search(text)
    if not (span or count) or not _OPEN.search(text):
        return None
    named = next((wid for word, wid in _WAVE_WORDS.items() if word in text), None)
    wave = next((w for w in knowledge.codebook().get("waves") or [] if w.get("id") == named and w.get("start")), None)
    if wave is None:
        return None
    start, end = str(wave["start"]), str(wave["end"])
    first, last, month = int(start[8:10]), int(end[8:10]), _MONTHS[int(start[5:7]) - 1]
    right = True
    if span is not None:
        right = (int(span.group(1)), int(span.group(2)), span.group(3).lower()) == (first, last, month) and (
            span.group(4) is None or span.group(4) == start[:4]
        )
    if count is not None:
        said = count.group(1).lower()
        days = int(said) if said.isdigit() else _NUMBER_WORDS[said]
        right = right and days == last - first + 1
    figure = {"value": None, "unit": "text", "source": "7.2", "section": "7.2", "section_label": "7.2"}
    days = f"Det er {last - first + 1} dager."
    if right:
        return Verdict("supported", f"Ja. Det stemmer med rapporten: {_dates(wave)} (7.2). {days}", None, figure)
    return Verdict("contradicted", f"Nei. {_dates(wave)} (7.2). {days}", None, figure, reason="dates")


def _dates(wave: dict[str, Any]) -> str:
    return knowledge.wave_summary(str(wave.get("id") or ""))


def judge_dates(p: ParsedClaim) -> Verdict | None:
    """Supported when the month (and year) named is a wave's; contradicted with the wave's dates otherwise.

    >>> from assistant.claims.parse import parse
    >>> judge_dates(parse("Hovedundersøkelsen ble gjennomført i oktober 2021")).verdict
    'contradicted'
    >>> judge_dates(parse("Tilleggsundersøkelsen ble gjennomført i juni 2022")).verdict
    'supported'
    """
    text = p.text.lower()
    if not p.amounts and (days := _judge_days(p)) is not None:
        return days
    if p.amounts or not _CARRIED_OUT.search(text):
        return None
    m = _MONTH.search(text)
    if m is None:
        return None
    month, year = _MONTHS.index(m.group(1).lower()) + 1, m.group(2)
    waves = [w for w in knowledge.codebook().get("waves") or [] if w.get("start")]
    named = next((wid for word, wid in _WHICH.items() if word in text), None)
    if named is None and not re.search(r"undersøkelsen|undersøkinga|barometeret|spørreundersøkelsen", text):
        return None
    candidates = [w for w in waves if w.get("id") == named] if named else waves
    if not candidates:
        return None

    def matches(w: dict[str, Any]) -> bool:
        y, mo = str(w["start"])[:4], int(str(w["start"])[5:7])
        return mo == month and (year is None or year == y)

    figure = {"value": None, "unit": "text", "source": "7.2", "section": "7.2", "section_label": "7.2"}
    hit = next((w for w in candidates if matches(w)), None)
    if hit is not None:
        return Verdict("supported", f"Ja. Det stemmer med rapporten: {_dates(hit)} (7.2).", None, figure)
    right = (
        candidates[0]
        if named
        else min(candidates, key=lambda w: abs(int(str(w["start"])[:4]) - int(year or str(w["start"])[:4])))
    )
    corrected = re.sub(r"\b(i|frå|fra)\s+$", "", p.text[: m.start()]) + _MONTH.sub(
        lambda _x: (
            f"{int(str(right['start'])[8:10])}.–{int(str(right['end'])[8:10])}. "
            f"{_MONTHS[int(str(right['start'])[5:7]) - 1]} {str(right['start'])[:4]}"
        ),
        p.text[m.start() :],
        count=1,
    )
    return Verdict("contradicted", f"Nei. {_dates(right)} (7.2).", corrected, figure, reason="dates")


def _both_operated(p: ParsedClaim, org: str) -> Verdict | None:
    """«Kantar gjennomførte begge undersøkelsene»: supported only when the organisation carried out every wave."""
    waves = [knowledge.wave(w) for w in ("2021-11", "2022-06")]
    by = [_BY.search(str(w.get("description") or "")) for w in waves]
    if not all(by):
        return None
    figure = {"value": None, "unit": "text", "source": "2.1", "section": "2.1", "section_label": "2.1"}
    said = " ".join(f"{_dates(w)}." for w in waves)
    if all(b.group(1).lower() == org.lower() for b in by if b):
        return Verdict("supported", f"Ja. {said} (2.1, 7.2)", None, figure)
    return Verdict("contradicted", f"Nei. {said} (2.1, 7.2)", None, figure, reason="operator")


_ORGANISATIONS = {"kantar": "Kantar", "nho": "NHO", "agenda kaupang": "Agenda Kaupang"}
_BY = re.compile(r"(?:gjennomført|utført) av ([A-ZÆØÅ][\wæøå]+(?: [A-ZÆØÅ][\wæøå]+)?)")


def judge_operator(p: ParsedClaim) -> Verdict | None:
    """Who carried out a wave ("Kantar gjennomførte tilleggsundersøkelsen"), judged on the codebook's wave
    descriptions (7.2 and 2.1: the main survey by Kantar, the June supplement by NHO).

    >>> from assistant.claims.parse import parse
    >>> judge_operator(parse("Kantar gjennomførte tilleggsundersøkelsen i juni 2022")).verdict
    'contradicted'
    >>> judge_operator(parse("Hovedundersøkelsen ble gjennomført av Kantar")).verdict
    'supported'
    """
    text = p.text.lower()
    if p.amounts or not _CARRIED_OUT.search(text):
        return None
    org = next((name for word, name in _ORGANISATIONS.items() if re.search(rf"\b{word}\b", text)), None)
    if org is not None and re.search(r"\b(begge|alle)\b.{0,20}(undersøk|rund|bølge)", text):
        return _both_operated(p, org)
    if org is not None and not p.waves and re.search(_DATA_WORDS, text):
        return _collected(p, org)
    if org is None or len(set(p.waves)) != 1 or not re.search(r"undersøk|runden|barometer", text):
        return None
    wave_id = p.waves[0]
    wave = knowledge.wave(wave_id)
    by = _BY.search(str(wave.get("description") or ""))
    if by is None:
        return None
    # the report says who in 2.1 (the June supplement "ble utført av NHO") and 7.1 (Kantar collected the data)
    where = "2.1" if wave_id == "2022-06" else "7.1"
    figure = {"value": None, "unit": "text", "source": where, "section": where, "section_label": where}
    if by.group(1).lower() == org.lower():
        return Verdict("supported", f"Ja. Det stemmer med rapporten: {_dates(wave)} ({where}).", None, figure)
    corrected = re.sub(rf"\b{re.escape(org)}\b", by.group(1), p.text, count=1, flags=re.I)
    return Verdict("contradicted", f"Nei. {_dates(wave)} ({where}).", corrected, figure, reason="operator")


# "Kantar samlet inn dataene", "NHO sto for datainnsamlingen": the data of the barometer, no wave named
_DATA_WORDS = r"\b(data|dataene|dataa|datainnsamling\w*|svarene|svara|innsamling\w*)\b"


def _collected(p: ParsedClaim, org: str) -> Verdict | None:
    """Who collected the data, judged on the report's own sentence (7.1: «… Kantar har stått for
    datainnsamlingen»); the June supplement, carried out by NHO, is named beside it."""
    sentence = knowledge.report_sentence(r"har stått for datainnsamlingen\.")
    by = re.search(r"([A-ZÆØÅ][\wæøå]+) har stått for datainnsamlingen", sentence or "")
    if sentence is None or by is None:
        return None
    june = _dates(knowledge.wave("2022-06"))
    figure = {"value": None, "unit": "text", "source": "7.1", "section": "7.1", "section_label": "7.1",
              "sentence": sentence}  # fmt: skip
    said = f"rapporten skriver «{sentence}» (7.1). {june}."
    if by.group(1).lower() == org.lower():
        return Verdict("supported", f"Ja, for hovedundersøkelsen: {said}", None, figure)
    corrected = re.sub(rf"\b{re.escape(org)}\b", by.group(1), p.text, count=1, flags=re.I)
    return Verdict("contradicted", f"Nei: {said}", corrected, figure, reason="operator")
