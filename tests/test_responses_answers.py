"""Answers computed from SYNTHETIC respondent data: breakdowns the report never printed, published and
computed side by side, hidden cells as «–», refusal of single companies, and the app's sidebar."""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest
import synthetic_responses as syn

from assistant import Assistant
from assistant.responses import contract
from assistant.responses.store import import_file

HEADLINE = "Hvor mange bedrifter i Norsk Industri med 50–199 ansatte har avtale med BHT?"
ALLOWED_ROW_KEYS = {
    "source", "section", "page", "wave", "question_id", "question_text", "item", "group_dim", "group_label",
    "option", "value", "unit", "n", "n_min", "note", "quote", "from_prose", "file", "computed", "count",
    "suppressed", "published_value", "published_source",
}  # fmt: skip


@pytest.fixture(scope="module")
def assistant(responses_dir):
    a = Assistant(data_dir=responses_dir[0])
    yield a
    a.close()


@pytest.fixture(scope="module")
def df(responses_dir):
    return pd.DataFrame(responses_dir[1]["2021-11"])


def first_paragraph(d: dict) -> str:
    return d["answer"].split("\n\n")[0]


def test_breakdown_the_report_never_printed(assistant, df):
    d = assistant.ask(HEADLINE).to_dict()
    assert d["route"] == "data" and d["answerable"]
    sub = df[(df["landsforening"] == 15) & (df["storrelse"] == 4) & df["BHT_AVTALE__avtale"].notna()]
    yes = int((sub["BHT_AVTALE__avtale"] == 2).sum())
    assert len(sub) >= 5 and yes >= 5, "the synthetic file should make this cell visible"
    share = f"{round(100 * yes / len(sub), 1):g}".replace(".", ",")
    lead = first_paragraph(d)
    assert (
        f"**{yes}** ({share} %) «Ja»" in lead
        and f"Av {len(sub)} bedrifter i Norsk Industri med 50-199" in lead
    )
    assert d["sources"][0]["label"] == "Respondentdata (november 2021)"
    assert "Rapporten publiserer ikke denne fordelingen" in " ".join(d["caveats"])
    assert d["sql"].startswith("SELECT ") and "v_resp_answers" in d["sql"]
    assert d["chart"]["$schema"].startswith("https://vega.github.io/schema/vega-lite")


def test_rows_that_leave_are_aggregates_only(assistant):
    for question in (HEADLINE, "Hvor stor andel har hatt kontakt med Arbeidstilsynet, fordelt på fylke?"):
        d = assistant.ask(question).to_dict()
        for row in d["data"]:
            assert set(row) <= ALLOWED_ROW_KEYS, set(row) - ALLOWED_ROW_KEYS
            assert row["n"] is None or int(row["n"]) >= 5
            assert row["count"] is None or row["count"] == 0 or row["count"] >= 5
        assert "SYN-2021" not in str(d)


def test_hidden_cells_show_as_a_dash_with_a_footnote(assistant):
    d = assistant.ask("Hvor stor andel har hatt kontakt med Arbeidstilsynet, fordelt på fylke?").to_dict()
    assert any(r["suppressed"] for r in d["data"])
    assert "–" in d["answer"] and "skjult for å beskytte bedriftene som svarte" in d["answer"]
    labels = {v["label"] for v in d["chart"]["data"]["values"] if v["hidden"]}
    assert labels == {"–"}
    assert "yOffset" in d["chart"]["encoding"]  # grouped bars


def test_a_group_too_small_to_show(assistant, df):
    small = df[(df["landsforening"] == 12) & (df["storrelse"] == 1)]  # NHO Sjøfart, 1 ansatt
    assert len(small) < 5
    d = assistant.ask("Hvor mange bedrifter i NHO Sjøfart med 1 ansatt har avtale med BHT?").to_dict()
    assert "kan ikke vises" in first_paragraph(d)
    assert all(r["value"] is None for r in d["data"])


def test_published_and_computed_disagree_both_are_shown(assistant):
    d = assistant.ask("Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?").to_dict()
    assert d["route"] == "data"
    assert "**Avvik fra Tabell 3:**" in d["answer"] and "rapporten 39 %" in d["answer"]
    assert {"Tabell 3", "Respondentdata (november 2021)"} <= {s["label"] for s in d["sources"]}
    nyttig = next(r for r in d["data"] if r["option"] == "Nyttig")
    assert nyttig["published_value"] == 39 and nyttig["value"] != 39


def test_published_and_computed_agree(built, tmp_path):
    """A synthetic file made to match Tabell 3 («Tilsyn med veiledning»): the answer says they agree."""
    cb = contract.export()
    rows = syn.generate(cb, "2021-11", n=700, seed=5)
    counts = {2: 21, 3: 21, 4: 92, 5: 116, 6: 27, 7: 23}  # 7, 7, 31, 39, 9, 8 % of 300
    codes = [c for c, k in counts.items() for _ in range(k)] + [1] * 100  # «ikke aktuelt»: outside the base
    items = ("tilsyn_uten_veiledning", "tilsyn_med_veiledning", "tilsyn_covid", "annen_kontakt")
    for i, row in enumerate(rows):
        asked = i < len(codes)
        row["AT_KONTAKT"] = 1 if asked else 2  # only the first 400 had contact, so only they were asked
        for item in items:
            row[f"AT_NYTTE__{item}"] = 1 if asked else None
        if asked:
            row["AT_NYTTE__tilsyn_med_veiledning"] = codes[i]
    out = tmp_path / "build"
    shutil.copytree(built, out)
    path = tmp_path / "syntetisk.csv"
    syn.write_csv(rows, syn.columns(cb, "2021-11"), path)
    import_file(path, "2021-11", data_dir=out)
    a = Assistant(data_dir=out)
    try:
        d = a.ask("Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?").to_dict()
    finally:
        a.close()
    assert "**Stemmer med Tabell 3:** alle 6 tall" in d["answer"]
    assert "Avvik" not in d["answer"]
    assert "**38,7 %** «Nyttig»" in first_paragraph(d) or "38,7 %" in d["answer"]


def test_single_companies_and_raw_rows_are_refused(assistant):
    for question in (
        "Hva svarte Equinor om bedriftshelsetjenesten?",
        "Vis rådataene for hver bedrift",
        "Hvilke bedrifter svarte at de ikke har avtale med BHT?",
        "Hva svarte respondent 17 på spørsmålet om Arbeidstilsynet?",
    ):
        d = assistant.ask(question).to_dict()
        assert not d["answerable"] and d["route"] == "none", question
        assert d["data"] in (None, []) and d["sql"] is None
        assert re.search(r"enkeltbedrift", d["answer"]), d["answer"]


def test_questions_the_report_never_published(assistant, df):
    d = assistant.ask("Hvor stor andel av bedriftene har en HR-ansvarlig?").to_dict()
    assert d["answerable"] and d["route"] == "data"
    ja = df["BAKGRUNN_HR"].eq(1).sum() / df["BAKGRUNN_HR"].notna().sum()
    assert f"{round(100 * ja, 1):g} %".replace(".", ",") in first_paragraph(d)


def test_answers_without_responses_are_unchanged(responses_dir):
    """Another folder without an import answers from the report as before (no «Respondentdata» source)."""
    from assistant.build import DB_NAME
    from assistant.responses import loaded_waves
    from assistant.sql.execute import Executor

    ex = Executor(responses_dir[0] / DB_NAME)
    try:
        assert set(loaded_waves(ex)) == {"2021-11", "2022-06"}
    finally:
        ex.close()


def test_app_sidebar_and_dash(responses_dir, monkeypatch):
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from assistant.settings import ROOT

    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(responses_dir[0]))
    st.cache_resource.clear()  # the app's Assistant must read this folder
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
        assert not at.exception
        side = "\n".join(m.value for m in at.sidebar.markdown)
        assert "**November 2021**: 1 713 svar lastet inn" in side and "**Juni 2022**: 600 svar" in side
        at.chat_input(key="sporsmal").set_value(
            "Hvor stor andel har hatt kontakt med Arbeidstilsynet, fordelt på fylke?"
        ).run()
        assert not at.exception
        message = at.chat_message[-1]
        table = message.dataframe[0].value
        assert "–" in set(table["Verdi"]) and "–" in "\n".join(c.value for c in message.caption)
    finally:
        st.cache_resource.clear()


def test_a_running_assistant_sees_an_import_without_restart(built, tmp_path):
    out = tmp_path / "build"
    shutil.copytree(built, out)
    a = Assistant(data_dir=out)
    try:
        before = a.ask(HEADLINE).to_dict()
        assert not any(s["label"].startswith("Respondentdata") for s in before["sources"])
        cb = contract.export()
        path = tmp_path / "syntetisk.csv"
        syn.write_csv(syn.generate(cb, "2021-11", n=400, seed=9), syn.columns(cb, "2021-11"), path)
        import_file(path, "2021-11", data_dir=out)
        after = a.ask(HEADLINE).to_dict()
        assert after["route"] == "data" and after["sources"][0]["label"] == "Respondentdata (november 2021)"
    finally:
        a.close()


def test_ranked_means_and_a_group_worded_as_an_explanation(assistant, df):
    d = assistant.ask("Hvilken rolle har størst betydning for arbeidsmiljøarbeidet?").to_dict()
    means = [r["value"] for r in d["data"]]
    assert d["route"] == "data" and all(r["unit"] == "mean" for r in d["data"])
    assert "Høyest gjennomsnitt" in first_paragraph(d)
    assert "**Avvik fra avsnitt 4.2:**" in d["answer"] and "rapporten 3,9" in d["answer"]  # the printed means
    shown = re.findall(r"gjennomsnitt (\d,\d\d)", d["answer"])
    assert shown == sorted(shown, reverse=True) and len(means) == 4
    d = assistant.ask(
        "Hva er de største utfordringene i arbeidsmiljøarbeidet for bedrifter i Oslo?"
    ).to_dict()
    assert d["route"] == "data" and first_paragraph(d).startswith(
        "Det vanligste svaret blant bedrifter i Oslo"
    )
    oslo = df[df["fylke"] == 5]
    cols = [c for c in df.columns if c.startswith("UTFORDRINGER__")]
    answered = oslo[oslo[cols].eq(1).any(axis=1)]
    top = max(cols, key=lambda c: answered[c].eq(1).sum())
    assert f"{int(answered[top].eq(1).sum())} av {len(answered)}" in first_paragraph(d)
