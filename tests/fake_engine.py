"""A fake at the engine's edge: answers the engine does not give yet (claim verdicts, asking back with
suggestions), built from real rows with the real chart and press code. Every other question goes to the
real Assistant. Used by tests/test_app.py (AppTest) and, through tests/e2e_fake_app.py, by the browser
tests."""

from __future__ import annotations

from typing import Any

CLAIM = "Kan jeg skrive at 30 prosent av bedriftene opplevde at produktiviteten ble bedre med hjemmearbeid?"
UNSURE = "Er bedriftene mer innovative nå?"
SUGGESTED = "Har hjemmekontor gjort bedriftene mer produktive?"
TABELL2 = [
    {"source": "Tabell 2", "section": "3.4", "page": None, "wave": "2021-11", "question_id": "HJEM_ENDRING",
     "question_text": "Har bruk av hjemmearbeid/fjernarbeid i 2021 ført til endringer i negativ eller positiv retning for bedriften?",
     "item": "Produktivitet", "group_dim": "total", "group_label": "Alle", "option": o, "value": v, "unit": "pct",
     "n": "1706", "n_min": 1706, "note": "", "quote": ""}
    for o, v in [("Negativ endring", 11.0), ("Ingen endring", 39.0), ("Positiv endring", 13.0),
                 ("Ikke relevant", 30.0), ("Vet ikke", 6.0)]
]  # fmt: skip


def fake_answer(question: str):
    """Answers the engine does not give yet (verdicts, asking back), built at the edge like the real ones."""
    from assistant.charts import chart_for
    from assistant.press import press_for
    from assistant.types import Answer, Source, Suggestion

    if question == CLAIM:
        answer = Answer(
            question, "data", True,
            "**Nei.** Rapporten viser at **13 %** svarte «Positiv endring» for produktivitet, ikke 30 %.\n\n"
            "Skriv heller: «13 prosent av bedriftene opplevde at produktiviteten ble bedre.»",
            sources=[Source("Tabell 2", "3.4", None, "Tabell 2 Endringer i negativ eller positiv retning")],
            data=TABELL2, chart=chart_for(TABELL2, "distribution"), verdict="contradicted", confidence=0.9,
        )  # fmt: skip
        answer.press = press_for(answer.to_dict())
        return answer
    if question == UNSURE:
        return Answer(
            question, "none", False, "Jeg er ikke sikker på hva du mener. Mente du ett av disse?",
            confidence=0.3,
            suggestions=[Suggestion("Produktivitet og hjemmekontor", SUGGESTED),
                         Suggestion("Kreativitet og innovasjon", "Har hjemmekontor endret kreativitet og innovasjon?")],
        )  # fmt: skip
    return None


def install() -> None:
    """Route the fake questions to `fake_answer` (idempotent: Streamlit reruns the script)."""
    from assistant.pipeline import Assistant

    if getattr(Assistant.ask, "_fake", False):
        return
    real = Assistant.ask

    def ask(self: Any, question: str, history: list[str] | None = None):
        return fake_answer(question) or real(self, question, history)

    ask._fake = True  # type: ignore[attr-defined]
    Assistant.ask = ask  # type: ignore[method-assign]
