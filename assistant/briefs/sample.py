"""Key figures about the survey itself («hovedtall om selve undersøkelsen (utvalg, svarprosent) til en
faktaboks»): who was invited and who answered in each wave (7.2), and which company size and which
landsforening gave the largest share of the answers (Tabell 11, Tabell 10). Every number is read from the
database (`UTVALG`) through the plan, the SQL guard and the read-only executor."""

from __future__ import annotations

import re
from typing import Any

from ..compose.numbers import count, pct
from ..knowledge import WAVE_TEXT
from ..normalize import normalize
from ..types import Source
from .candidates import KeyFigure, _group_phrase, rows_of_question

# the theme is the survey itself: its sample, response, method
SURVEY_THEME = re.compile(
    r"\b(selve undersøkelsen|undersøkelsen selv|undersøkinga|utvalg\w*|svarprosent\w*|metode\w*|respondent\w*|"
    r"deltak\w*|hvem som svarte|om undersøkelsen|om barometeret|datagrunnlag\w*|svarinngang)\b"
)


def is_survey_theme(theme: str) -> bool:
    return bool(SURVEY_THEME.search(normalize(theme)))


def _value(rows: list[dict[str, Any]], wave: str, option: str) -> Any:
    return next((r["value"] for r in rows if r["wave"] == wave and r["option"] == option), None)


def sample_figures(executor: Any) -> tuple[list[KeyFigure], str | None]:
    """Key figures of the sample, in order: each wave's response, then the largest size group and the largest
    landsforening among the answers."""
    total, sql = rows_of_question(executor, "UTVALG", "total")
    out: list[KeyFigure] = []
    for wave in sorted(WAVE_TEXT):
        invited, done, rate = (_value(total, wave, o) for o in ("Invitert", "Fullført", "Svarprosent"))
        if None in (invited, done, rate):
            continue
        about = "om lag " if wave == "2022-06" else ""
        sentence = (
            f"I {WAVE_TEXT[wave]} svarte {count(float(done))} av {count(float(invited))} inviterte bedrifter: "
            f"en svarprosent på {about}{pct(float(rate))}."
        )
        rows = [r for r in total if r["wave"] == wave]
        out.append(
            KeyFigure(sentence, Source(label=f"7.2 ({WAVE_TEXT[wave]})", section="7.2"), "summary", rows)
        )
    for dim, label in (("storrelse", "Tabell 11"), ("landsforening", "Tabell 10")):
        rows, _ = rows_of_question(executor, "UTVALG", dim)
        shares = [
            r
            for r in rows
            if r["option"] == "Nettoutvalg (prosent)" and r["value"] is not None and r["group_label"] != "Sum"
        ]
        if not shares:
            continue
        top = max(shares, key=lambda r: float(r["value"]))
        group = str(top["group_label"])
        who = _group_phrase(group) if dim == "storrelse" else f"bedrifter i {group}"
        value = float(top["value"])
        exact, whole = pct(value), pct(float(round(value)))
        share = (
            exact if exact == whole else f"om lag {whole} ({exact} i tabellen)"
        )  # "45,24 %": a press figure
        sentence = f"Flest av svarene i november 2021 kom fra {who}: {share} av alle svarene."
        out.append(KeyFigure(sentence, Source(label=label, section="7.2"), "headline", [top]))
    return out, sql
