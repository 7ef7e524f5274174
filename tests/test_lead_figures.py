"""Which rows an answer's lead states (assistant/lead_figures.py)."""

from __future__ import annotations

from assistant.lead_figures import headline_rows


def row(option: str, value: float, group: str = "Alle", item: str = "Produktivitet") -> dict:
    return {"option": option, "value": value, "unit": "pct", "item": item, "group_label": group,
            "group_dim": "total" if group == "Alle" else "storrelse"}  # fmt: skip


ROWS = [row("Negativ endring", 11), row("Ingen endring", 39), row("Positiv endring", 13),
        row("Ikke relevant", 30), row("Vet ikke", 6)]  # fmt: skip


def test_the_lead_figures_in_order():
    answer = {
        "question": "Ble de mer produktive?",
        "answer": "**13 %** «Positiv endring» mot **11 %** «Negativ endring».\n\n- …",
    }
    assert [r["value"] for r in headline_rows(answer, ROWS)] == [13, 11]


def test_a_claimed_number_is_not_the_reports_figure():
    answer = {"question": "Kan jeg skrive at 30 prosent ble mer produktive?",
              "answer": "**Nei.** Rapporten viser **13 %** «Positiv endring», ikke 30 %."}  # fmt: skip
    assert [r["option"] for r in headline_rows(answer, ROWS)] == ["Positiv endring"]


def test_table_labels_years_and_bases_are_not_figures():
    rows = [
        row("Nyttig", 55, "1–9"),
        row("Lite nyttig", 7, "10–49"),
        row("Nyttig", 73, "10–49"),
        row("Nyttig", 73, "50–199"),
    ]
    answer = {"question": "Varierer nytten med størrelse?",
              "answer": "**Tabell 7** (november 2021) – spørsmål: «…»\n- bedrifter med 1–9 ansatte: 55 % «Nyttig»\n"
                        "- bedrifter med 10–49 ansatte: 73 % «Nyttig»; fordeling: Lite nyttig 7 %\n"
                        "- bedrifter med 50–199 ansatte: 73 % «Nyttig»\nGrunnlag: N = 166–197."}  # fmt: skip
    picked = headline_rows(answer, rows)
    assert [(r["group_label"], r["value"]) for r in picked] == [("1–9", 55), ("10–49", 73), ("50–199", 73)]


def test_without_a_match_the_largest_real_answer():
    answer = {"question": "?", "answer": "Se tabellen."}
    assert headline_rows(answer, ROWS)[0]["option"] == "Ingen endring"
