"""Claims about shares of employees: the barometer asked the companies, but the report cites other surveys
of employees («I Arbeidskraftundersøkelsen fra 2017 svarte 9960 lønnstakere … og kun 35 prosent svarte
«ja»», «De fant at 27 prosent av de ansatte …»). A claim on such a sentence's topic is judged on it, and the
verdict says where the figure is from; a claim that credits the barometer itself with it is not supported."""

from __future__ import annotations

import re

from ..normalize import tokens
from ..report import split_sentences
from ..types import Passage
from .judge import Verdict
from .parse import ParsedClaim
from .statements import sentence_figure

# a sentence about employees that states a share of them
_EMPLOYEE_SENTENCE = re.compile(
    r"\b(lønnstakere|lønnstakerne|av de ansatte|av ansatte|arbeidstakerne|arbeidstakere)\b", re.IGNORECASE
)
_PERCENT = re.compile(r"(?<![\d,])(\d+(?:,\d+)?) prosent")
# "barometeret viser at …", "… av de ansatte i NHO-bedriftene": the claim credits this survey with the figure
_OWN_SURVEY = re.compile(
    r"\b(arbeidsmiljøbarometer\w*|barometer\w*|nho-undersøkelsen|undersøkelsen fra nho|nhos undersøkelse|"
    r"nho-bedrift\w*|nhos medlemsbedrift\w*|medlemsbedrift\w*)",
    re.I,
)
_EMPLOYEE_STEMS = ("ansatt", "lønnstak", "arbeidstak", "tilsett", "prosent", "medarbeid")
_CITED = re.compile(r"\b(I|Ifølge) ([A-ZÆØÅ][\wæøå-]+(?: fra \d{4})?)|([A-ZÆØÅ][\wæøå]+ m\.fl\. \(\d{4}\))")


def _cited_study(sentence: str, before: str) -> str:
    """The study a sentence reports («Arbeidskraftundersøkelsen fra 2017», «Ingelsrud m.fl. (2022)»)."""
    for text in (sentence, before):
        m = _CITED.search(text)
        if m:
            return m.group(2) or m.group(3)
    return "en annen undersøkelse"


def judge_employee_share(
    p: ParsedClaim, clause: str, passages: list[Passage], framed: str = ""
) -> Verdict | None:
    """The verdict on a claim stating a share of employees, judged on the report sentence citing another
    survey on the same topic (its `figure` is that sentence); `framed`, the message as typed, may credit the
    barometer with it («Barometeret viser at …»). None when no such sentence shares the claim's topic."""
    # the claim's topic: its words but the employees and its figures (a year, «2017», is topic)
    topic = {
        t for t in tokens(clause) if not t.startswith(_EMPLOYEE_STEMS) and not (t.isdigit() and len(t) != 4)
    }
    best: tuple[float, Passage, str, str] | None = None
    for k, ps in enumerate(passages):
        if ps.kind != "prose":
            continue
        # the sentences before, the previous passage's included (the study may be named there)
        sentences = split_sentences((passages[k - 1].text[-400:] + "\n\n" if k else "") + ps.text)
        for i, s in enumerate(sentences):
            if s not in ps.text or not (_EMPLOYEE_SENTENCE.search(s) and _PERCENT.search(s)):
                continue
            shared = topic & set(tokens(s))
            if len(shared) < 2:
                continue
            score = len(shared) / max(len(topic), 1)
            if best is None or score > best[0]:
                best = (score, ps, s, " ".join(sentences[max(0, i - 2) : i]))
    if best is None or best[0] < 0.34:
        return None
    _score, ps, sentence, before = best
    figure = sentence_figure(ps, sentence)
    study = _cited_study(sentence, before)
    where = f"Tallet er fra {study}, som rapporten viser til ({ps.section_label}), ikke fra Arbeidsmiljøbarometeret"
    stated = [float(x.replace(",", ".")) for x in _PERCENT.findall(sentence)]
    claimed = [a for a in p.amounts if a.kind in ("pct", "ratio", "quant")]
    if not claimed:
        return None
    fits = any(a.low <= v <= a.high for a in claimed for v in stated)
    if _OWN_SURVEY.search(framed or clause):
        return Verdict(
            "not_in_report",
            f"Rapporten sier ikke noe om dette: barometeret er besvart av bedriftene, ikke av de ansatte. {where}.",
            None,
            figure,
            reason="employees",
        )
    if fits:
        quote = re.sub(r"\s+", " ", sentence).strip()
        return Verdict(
            "supported", f"Ja, det står i rapporten: «{quote}» {where}: barometeret spurte bedriftene, ikke de ansatte.",
            None, figure,
        )  # fmt: skip
    if len(stated) != 1:
        return None
    value = f"{stated[0]:g}".replace(".", ",")
    a = claimed[0]
    corrected = p.text[: a.start] + f"{value} prosent" + p.text[a.end :]
    corrected = re.sub(r"\s+", " ", corrected).strip()
    return Verdict(
        "contradicted",
        f"Nei. Rapporten viser {value} prosent, ikke {a.text}. {where}.",
        corrected[:1].upper() + corrected[1:],
        figure,
    )
