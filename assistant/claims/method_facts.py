"""Claims about how the results were treated ("Resultatene er ikke vektet", "Forskjellene er testet for
signifikans"), judged on the method section's own sentence: the report says it did not weight the sample
and did not test differences for significance (7.2, 7.3). A claim that agrees in its negation is supported;
one that says the opposite is contradicted."""

from __future__ import annotations

import re

from .. import knowledge
from .parse import ParsedClaim
from .verdict import Verdict

# the claim's words for a method fact, and the report's sentence stating it (read from the report's text)
_FACTS = (
    (re.compile(r"\bvekt(?:et|ing|ingen|a|es|ede)\b|\bvektlagt\b", re.I), r"ikke benyttet vekting[^.]*\."),
    (re.compile(r"\bsignifikan\w*", re.I), r"ikke gjennomført statistisk signifikanstesting[^.]*\."),
)
_NOT = re.compile(r"\b(ikke|ikkje|uten|utan|aldri|ingen)\b", re.I)


def judge_method_fact(p: ParsedClaim) -> Verdict | None:
    """Supported or contradicted by the report's statement that it did not do it.

    >>> from assistant.claims.parse import parse
    >>> judge_method_fact(parse("Resultatene er ikke vektet")).verdict
    'supported'
    >>> judge_method_fact(parse("Resultatene er vektet etter bedriftsstørrelse")).verdict
    'contradicted'
    >>> judge_method_fact(parse("Forskjellene er statistisk signifikante")).verdict
    'not_in_report'
    """
    if p.amounts:
        return None
    for words, pattern in _FACTS:
        said = words.search(p.text)
        if said is None:
            continue
        sentence = knowledge.report_sentence(pattern)
        if sentence is None:
            return None
        where = "7.2" if "vekting" in pattern else "7.3"
        figure = {
            "value": None, "unit": "text", "source": where, "section": where, "section_label": where,
            "sentence": sentence,
        }  # fmt: skip
        negated = bool(_NOT.search(p.text[: said.start()] + " " + p.text[said.end() : said.end() + 20]))
        if negated:
            return Verdict("supported", f"Ja. Rapporten skriver: «{sentence}» ({where}).", None, figure)
        if where == "7.3" and not re.search(r"test", p.text, re.I):
            # "forskjellene er signifikante": untested, so neither shown nor refuted
            lead = f"Rapporten sier ikke noe om dette: den har ikke testet det. Rapporten skriver: «{sentence}» ({where})."
            return Verdict("not_in_report", lead, None, figure, reason="untested")
        return Verdict("contradicted", f"Nei. Rapporten skriver: «{sentence}» ({where}).", None, figure)
    return None


# the roles' scale (4.2, 7.3): 1–4 with «stor betydning» missing, so skewed
_ROLE_SCALE = re.compile(r"\b(?:svar)?skala\w*\b", re.I)
_ROLE_TOPIC = re.compile(r"\b(?:roll\w*|betydning\w*|ledelse\w*|verneombud\w*|tillitsvalgt\w*|amu)\b", re.I)
_BALANCED = re.compile(
    r"\b(?:balansert\w*|symmetrisk\w*|femdelt\w*|fem (?:trinn|punkt\w*|svaralternativ\w*|kategori\w*)|"
    r"1[–-]5|1 til 5|jevn\w*|fullstendig\w*|komplett\w*)\b",
    re.I,
)
_SKEWED = re.compile(
    r"\b(?:skjev\w*|skeiv\w*|ubalansert\w*|firedelt\w*|fire (?:trinn|punkt\w*|svaralternativ\w*|kategori\w*)|"
    r"mangl\w*|glipp\w*)\b",
    re.I,
)


def judge_role_scale(p: ParsedClaim) -> Verdict | None:
    """ "Rollespørsmålet hadde en balansert femdelt skala": the report says the roles' scale went from 1 to 4
    and was skewed, «stor betydning» missing by a slip in the coding (7.3).

    >>> from assistant.claims.parse import parse
    >>> judge_role_scale(parse("Spørsmålet om rollenes betydning hadde en balansert femdelt skala")).verdict
    'contradicted'
    >>> judge_role_scale(parse("Skalaen for rollenes betydning var skjev")).verdict
    'supported'
    """
    if p.amounts or not (_ROLE_SCALE.search(p.text) and _ROLE_TOPIC.search(p.text)):
        return None  # (a mean "på skalaen fra 1 til 4" is a figure claimed, judged on the figure)
    balanced, skewed = bool(_BALANCED.search(p.text)), bool(_SKEWED.search(p.text))
    if balanced == skewed:
        return None
    sentence = knowledge.report_sentence(r"Svarskalaen er med andre ord skjev[^.]*\.")
    if sentence is None:
        return None
    figure = {
        "value": None, "unit": "text", "source": "7.3", "section": "7.3", "section_label": "7.3",
        "sentence": sentence,
    }  # fmt: skip
    said = f"Rapporten skriver at skalaen gikk fra 1 til 4: «{sentence}» (7.3)."
    if skewed:
        return Verdict("supported", f"Ja. {said}", None, figure)
    return Verdict("contradicted", f"Nei. {said}", None, figure)
