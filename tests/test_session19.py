"""Session-19 behaviour through the real Assistant: a claim about one size group of a list the report gives one
figure for («Blant bedrifter med 2-9, 10-49 og 50-100 ansatte oppgir om lag 3 av 4 …»)."""

from __future__ import annotations

from assistant.claims.prose import prose_figures

LISTED = (
    "Blant bedrifter med 2-9, 10-49 og 50-100 ansatte oppgir om lag 3 av 4 bedrifter at de er «delvis» eller "
    "«helt enig» i påstanden om at det er en felles forståelse av mål og roller, sammenliknet med bedrifter med "
    "200 ansatte eller flere der om lag 2 av 3 bedrifter oppgir dette."
)


def test_a_list_of_size_groups_cut_by_commas_shares_its_figure():
    figs = prose_figures(LISTED)
    three = sorted(f["group_label"] for f in figs if f["text"] == "om lag 3 av 4")
    assert three == ["10–49", "2–9", "50–100"], figs
    assert [f["group_label"] for f in figs if f["text"] == "om lag 2 av 3"] == ["200 eller flere"]
    # the quote the verdict shows starts where the list starts
    assert all(f["context"].startswith("Blant bedrifter med 2-9") for f in figs if f["text"] == "om lag 3 av 4")


def test_a_figure_after_a_list_of_findings_is_not_shared():
    s = "Blant små bedrifter svarer 40 %, mens 10-49 ansatte oppgir om lag 3 av 4 dette."
    assert [f["group_label"] for f in prose_figures(s) if f["text"] == "om lag 3 av 4"] == ["10–49"]


def test_a_claim_about_one_group_of_the_list_is_checked(assistant):
    a = assistant.ask(
        "Stemmer det at 3 av 4 bedrifter med 10-49 ansatte opplever felles forståelse av mål og roller med de "
        "tillitsvalgte?"
    )
    assert a.answerable and a.answer.startswith("Ja"), a.answer
    a = assistant.ask("Kan jeg skrive at halvparten av bedriftene med 10-49 ansatte har felles forståelse av mål og roller?")
    assert a.answer.startswith("Nei") and "3 av 4" in a.answer.split("\n")[0], a.answer


def test_a_wrong_group_names_every_group_the_figure_is_for(assistant):
    a = assistant.ask(
        "Stemmer det at 3 av 4 bedrifter med 200 eller flere ansatte opplever felles forståelse av mål og roller?"
    )
    first = a.answer.split("\n")[0]
    assert first.startswith("Nei") and "2 av 3" in first, a.answer
    assert "2–9, 10–49 og 50–100 ansatte" in first, a.answer
