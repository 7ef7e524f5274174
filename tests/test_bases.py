"""Bases stated only in a figure's caption (codebook `bases`): transcribed right, and answered."""

from __future__ import annotations

import re

from assistant import knowledge


def test_every_caption_base_is_in_the_report():
    report = (knowledge.KNOWLEDGE / "report.txt").read_text(encoding="utf-8")
    flat = re.sub(r"\s+", " ", report)
    found = 0
    for q in knowledge.questions():
        for b in q.get("bases") or []:
            found += 1
            # the caption names the figure and ends with its base: "Figur 31 … (n=575)"
            pattern = (
                re.escape(b["source"])
                + r" [^()]{5,200}(?:\([^()]*\)[^()]{0,40})?\(n ?= ?"
                + re.escape(b["n"])
                + r"\)"
            )
            assert re.search(pattern, flat), (q["id"], b)
    assert found >= 4


def test_how_many_answered_a_figure_without_values(assistant):
    a = assistant.ask("Hvor mange svarte på spørsmålet om kontakt med NAV Arbeidslivssenter?")
    assert a.answerable and "1 714" in a.answer.split("\n")[0]
    assert any(s.label == "Figur 30" for s in a.sources)
    b = assistant.ask("Hvor mange bedrifter vurderte nytten av kontakten med NAV Arbeidslivssenter?")
    assert "575" in b.answer.split("\n")[0]
    # a share of an option is not the base
    c = assistant.ask("Hvor mange vurderte tilsyn med veiledning som nyttig?")
    assert "48" in c.answer.split("\n")[0]
