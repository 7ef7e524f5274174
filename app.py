"""Streamlit chat for Barometerassistenten: a thin shell over `assistant.Assistant`.

Start with `make run` (or `.venv/bin/python -m streamlit run app.py`). Every widget has a key; widgets under
an answer repeat for every answer, so their keys carry the message index.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import logging
import re
import threading
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from assistant import charts, knowledge, settings
from assistant.compose.numbers import fmt
from assistant.export_docx import answer_docx, conversation_docx
from assistant.integrity import BuildError
from assistant.press import SHORT_MAX, plain_text, press_text, source_line  # noqa: F401  (tests use them from here)
from assistant.responses.compose import HIDDEN, footnote

log = logging.getLogger("barometerassistenten.app")

ERROR_TEXT = "Beklager, noe gikk galt da jeg skulle svare. Prøv igjen, gjerne med litt andre ord."
EXAMPLES = [
    "Hvor mange bedrifter svarte på undersøkelsen i november 2021?",
    "Hvor stor andel av bedriftene har ingen ansatte på hjemmekontor?",
    "Hvilken rolle har størst betydning for arbeidsmiljøarbeidet?",
    "Hvilke landsforeninger har størst utfordringer med langtidsfravær?",
    "Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?",
    "Hvor nyttige var risikovurderingene fra BHT?",
    "Ble resultatene vektet?",
    "Hvor stor andel av bedriftene har en HR-ansvarlig?",
]
CANNOT = (
    "**Dette kan jeg ikke svare på:** tall rapporten ikke publiserer (for eksempel de fleste spørsmål fordelt "
    "på fylke eller landsforening), andre år enn undersøkelsene i 2021 og 2022, enkeltbedrifter, og spørsmål "
    "som ble stilt, men ikke rapportert (som om bedriften har en HR-ansvarlig). Da sier jeg fra, og viser "
    "hva undersøkelsen faktisk har."
)
MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "desember"]  # fmt: skip
# Columns shown in "Data og SQL" (the CSV keeps every column), with Norwegian headers.
TABLE_COLUMNS = {
    "source": "Kilde", "wave": "Undersøkelse", "item": "Delspørsmål", "group_label": "Gruppe",
    "option": "Svar", "value": "Verdi", "unit": "Enhet", "n": "n",
}  # fmt: skip
UNITS = {"pct": "%", "count": "antall", "mean": "snitt"}
NUMBER_LOCALE = {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0kr"]}
EXPORT_WIDTH = charts.EXPORT_WIDTH  # "container" width has no meaning in a PNG/SVG file
# The verdict of a claim check, as a badge at the top of the answer: (label, colour, icon).
VERDICT_BADGES = {
    "supported": ("Ja", "green", ":material/check_circle:"),
    "contradicted": ("Nei", "red", ":material/cancel:"),
    "partly": ("Delvis", "orange", ":material/contrast:"),
    "not_in_report": ("Ikke i rapporten", "gray", ":material/help:"),
}
LOW_CONFIDENCE = 0.5  # below this the answer says, quietly, that it may have misread the question
# Static CSS only (never user or report text): keep the long one-word title on one line on a phone.
PAGE_CSS = "<style>@media (max-width: 640px) { h1 { font-size: 2rem !important; } }</style>"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


# ---------- engine and knowledge ----------


@st.cache_resource(show_spinner="Laster inn undersøkelsen …")
def load_assistant():
    """One Assistant (database, index, embedding model) per server process, shared by all sessions."""
    from assistant import Assistant

    return Assistant()


@st.cache_resource
def _feedback_lock() -> threading.Lock:
    return threading.Lock()


def ask(question: str, history: list[str]) -> dict[str, Any]:
    """The engine's answer as a dict; on any failure a short Norwegian message (details go to the log).
    A missing or damaged build that could not be rebuilt gets its own message, naming the command to run."""
    try:
        return load_assistant().ask(question, history=history).to_dict()
    except BuildError as err:
        log.error("%s", err)
        text = str(err)
    except Exception:
        log.exception("Answering failed for question %r", question)
        text = ERROR_TEXT
    return {"question": question, "route": "none", "answerable": False, "answer": text, "sources": [],
            "sql": None, "data": None, "chart": None, "caveats": [], "error": True}  # fmt: skip


def responses_loaded() -> dict[str, dict[str, Any]]:
    """Waves with imported respondent-level responses (issue 9); empty when none or on any failure."""
    try:
        from assistant.responses import loaded_waves

        return loaded_waves(load_assistant().executor)
    except Exception:
        log.exception("Could not read the respondent-data status")
        return {}


def waves() -> dict[str, dict[str, Any]]:
    return {w["id"]: w for w in knowledge.codebook()["waves"]}


# ---------- text helpers ----------


def escape_md(text: Any) -> str:
    """Text shown literally: no markdown, HTML, LaTeX or Streamlit directives from users or quoted passages."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", "  \n")


def date_span(start: str, end: str) -> str:
    """'2021-11-18', '2021-11-29' → '18.–29. november 2021'."""
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}.–{b.day}. {MONTHS[b.month - 1]} {b.year}"
    return f"{a.day}. {MONTHS[a.month - 1]} {a.year} – {b.day}. {MONTHS[b.month - 1]} {b.year}"


def thousands(n: int) -> str:
    return f"{n:,}".replace(",", " ")


# ---------- charts ----------


def display_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """Presentation settings on top of the engine's Vega-Lite spec (each kept if the spec sets it already):
    - text labels layered on coloured bars inherit the colour encoding and vanish into their own bar, so
      they get the colour their mark asks for;
    - Norwegian numbers: decimal comma, space as thousands separator (3,9 and 16 861);
    - legends wrap into rows, since one long row runs off a phone screen."""
    spec = copy.deepcopy(spec)
    if "color" in (spec.get("encoding") or {}):
        for layer in spec.get("layer") or []:
            mark = layer.get("mark")
            if isinstance(mark, dict) and mark.get("type") == "text" and mark.get("color"):
                layer.setdefault("encoding", {}).setdefault("color", {"value": mark["color"]})
    config = spec.setdefault("config", {})
    config.setdefault("locale", {"number": NUMBER_LOCALE})
    # Narrow screens (phones): shorter axis labels, legend in one column. The engine's general axis
    # labelLimit is kept on wider screens.
    narrow = "containerSize()[0] < 500"
    limit = (config.get("axis") or {}).get("labelLimit", 260)
    config.setdefault("axisY", {}).setdefault("labelLimit", {"expr": f"{narrow} ? 120 : {limit}"})
    legend = config.setdefault("legend", {})
    legend.setdefault("columns", {"expr": f"{narrow} ? 1 : 3"})
    if isinstance(legend.get("labelLimit", 320), int | float):  # long option labels: shorter on a phone
        legend["labelLimit"] = {"expr": f"{narrow} ? 150 : {legend.get('labelLimit', 320)}"}
    return spec


def export_spec(spec: dict[str, Any], source: str | None = None) -> dict[str, Any]:
    """A file has no container to measure: the wide-screen values at a fixed width, and the source line
    inside the image."""
    return charts.export_spec(display_spec(spec), source, width=EXPORT_WIDTH)


@st.cache_data(show_spinner=False, max_entries=128)
def chart_png(spec_json: str, source: str | None = None) -> bytes:
    import vl_convert as vlc

    return vlc.vegalite_to_png(export_spec(json.loads(spec_json), source), scale=2)


@st.cache_data(show_spinner=False, max_entries=128)
def chart_svg(spec_json: str, source: str | None = None) -> bytes:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(export_spec(json.loads(spec_json), source)).encode("utf-8")


def show_chart(i: int, spec: dict[str, Any]) -> None:
    spec = display_spec(spec)
    try:
        st.altair_chart(alt.Chart.from_dict(spec), width="stretch", key=f"diagram_{i}")
    except Exception:
        log.warning("Altair could not read the chart spec; showing it with st.vega_lite_chart", exc_info=True)
        st.vega_lite_chart(spec, width="stretch", key=f"diagram_vl_{i}")


# ---------- conversation ----------


def queue(question: str) -> None:
    """Buttons (examples, sidebar) ask by queueing a question for this run."""
    st.session_state.pending = question


def new_conversation() -> None:
    st.session_state.messages = []
    st.session_state.pop("pending", None)
    for key in [k for k in st.session_state if re.match(r"^(vurdering|kilder|data|presse)_\d+$", str(k))]:
        del st.session_state[key]


def save_feedback(i: int) -> None:
    rating = st.session_state.get(f"vurdering_{i}")
    messages = st.session_state.get("messages", [])
    if rating is None or i >= len(messages):
        return
    answer = messages[i]["answer"]
    # Question, answer and rating only: no user, session or network details.
    record = {
        "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "question": answer.get("question"),
        "answer": answer.get("answer"),
        "route": answer.get("route"),
        "answerable": answer.get("answerable"),
        "rating": "up" if rating == 1 else "down",
    }
    folder = Path(settings.get("ASSISTANT_FEEDBACK_DIR"))
    folder = folder if folder.is_absolute() else settings.ROOT / folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with _feedback_lock(), (folder / "feedback.jsonl").open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    except OSError as err:  # a read-only install without ASSISTANT_FEEDBACK_DIR: warn, answering goes on
        log.warning("Could not store feedback in %s (%s); set ASSISTANT_FEEDBACK_DIR to a writable folder",
                    folder, err.strerror or err)  # fmt: skip
        st.toast("Kunne ikke lagre tilbakemeldingen, men svarene virker som før.", icon=":material/warning:")
        return
    st.toast("Takk for tilbakemeldingen!")


# ---------- drawing ----------


def show_sources(i: int, sources: list[dict[str, Any]]) -> None:
    with st.expander("Kilder", icon=":material/menu_book:", key=f"kilder_{i}"):
        for s in sources:
            where = [s["label"]]
            if s.get("section") and not str(s["label"]).startswith(str(s["section"])):
                where.append(f"avsnitt {s['section']}")
            if s.get("page"):
                where.append(f"s. {s['page']}")
            st.markdown("**" + escape_md(", ".join(where)) + "**")
            if s.get("quote"):
                st.markdown("> " + escape_md(f"«{s['quote']}»"))


def show_data(i: int, answer: dict[str, Any]) -> None:
    rows = answer.get("data") or []
    with st.expander("Data og SQL", icon=":material/table_chart:", key=f"data_{i}"):
        if rows:
            frame = pd.DataFrame(rows)
            table = frame[[c for c in TABLE_COLUMNS if c in frame.columns]].copy()
            hidden = "suppressed" in frame.columns and bool(frame["suppressed"].fillna(False).any())
            if "suppressed" in frame.columns:  # computed from responses: hidden cells read «–»
                table["value"] = [
                    HIDDEN if r.get("value") is None else fmt(r["value"], r.get("unit") or "") for r in rows
                ]
                table["n"] = [HIDDEN if r.get("n") is None else r["n"] for r in rows]
                if "published_value" in frame.columns:
                    table["published_value"] = [
                        "" if pd.isna(v) else fmt(v, r.get("unit") or "")
                        for v, r in zip(frame["published_value"], rows, strict=True)
                    ]
            if "wave" in table:
                table["wave"] = table["wave"].map(lambda w: waves().get(w, {}).get("label", w))
            if "unit" in table:
                table["unit"] = table["unit"].map(lambda u: UNITS.get(u, u))
            st.dataframe(
                table.rename(columns={**TABLE_COLUMNS, "published_value": "Rapporten"}),
                hide_index=True,
                key=f"tabell_{i}",
            )
            if hidden:
                st.caption(escape_md(footnote(settings.get_int("ASSISTANT_MIN_CELL"))))
            st.download_button(
                "Last ned CSV", frame.to_csv(index=False).encode("utf-8"), file_name=f"barometer-svar-{i}.csv",
                mime="text/csv", key=f"csv_{i}", on_click="ignore", icon=":material/download:",
            )  # fmt: skip
        else:
            st.caption("Ingen tabellrader bak dette svaret.")
        if answer.get("sql"):
            st.code(answer["sql"], language="sql", wrap_lines=True)


def show_verdict(answer: dict[str, Any]) -> None:
    """A claim check's verdict as a coloured badge above the answer."""
    badge = VERDICT_BADGES.get(answer.get("verdict") or "")
    if badge:
        label, colour, icon = badge
        st.badge(label, color=colour, icon=icon)


def show_confidence(answer: dict[str, Any]) -> None:
    confidence = answer.get("confidence")
    if isinstance(confidence, int | float) and confidence < LOW_CONFIDENCE and not answer.get("suggestions"):
        st.caption(":material/help: Jeg er usikker på om jeg forsto spørsmålet riktig. Sjekk at svaret gjelder "
                   "det du lurte på, eller spør med andre ord.")  # fmt: skip


def show_suggestions(i: int, answer: dict[str, Any]) -> None:
    """When the assistant asks back: one button per suggestion, which asks that question."""
    suggestions = [s for s in answer.get("suggestions") or [] if s.get("question")]
    if not suggestions:
        return
    st.caption("Forslag til spørsmål:")
    row = st.container(horizontal=True)
    for k, s in enumerate(suggestions):
        row.button(s.get("label") or s["question"], key=f"forslag_{i}_{k}", on_click=queue, args=(s["question"],),
                   help=s["question"], icon=":material/arrow_forward:")  # fmt: skip


def word_download(i: int, answer: dict[str, Any], container: Any = st) -> None:
    container.download_button(
        "Last ned som Word", lambda: answer_docx(answer), file_name=f"barometer-svar-{i}.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document", key=f"word_{i}",
        on_click="ignore", icon=":material/description:",
    )  # fmt: skip


def conversation_download(messages: list[dict[str, Any]], container: Any = st) -> None:
    """The whole conversation as one Word document. Built when clicked, from the session's messages at
    that moment (so an answer added later in this run is included); failed answers are left out."""

    def document() -> bytes:
        answers = [m["answer"] for m in messages if m["role"] == "assistant" and not m["answer"].get("error")]
        return conversation_docx(answers)

    container.download_button(
        "Samtalen som Word", document, file_name="barometer-samtale.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document", key="word_samtale",
        on_click="ignore", icon=":material/description:", width="stretch",
    )  # fmt: skip


def show_press(i: int, answer: dict[str, Any]) -> None:
    press = answer.get("press")
    with st.expander("Til pressemelding", icon=":material/content_copy:", key=f"presse_{i}"):
        if press:
            st.caption(
                "Nyhetsavsnitt uten formatering, klart til å kopiere (knappen øverst til høyre i feltet)."
            )
            st.code(press["text"] + "\n\n" + press["source"], language=None, wrap_lines=True)
            length = len(press["short"])
            st.caption(f"Kort versjon til sosiale medier: {length} av {SHORT_MAX} tegn")
            st.code(press["short"], language=None, wrap_lines=True)
        else:
            st.caption("Ren tekst med kildelinje, klar til å kopiere (knappen øverst til høyre i feltet).")
            st.code(press_text(answer), language=None, wrap_lines=True)
        row = st.container(horizontal=True)
        word_download(i, answer, row)
        spec = answer.get("chart")
        if spec:
            spec_json = json.dumps(spec, ensure_ascii=False, sort_keys=True)
            source = (press or {}).get("source") or source_line(answer)
            # Rendered only when clicked (and cached), so answers stay fast.
            row.download_button(
                "Figur som PNG", lambda: chart_png(spec_json, source), file_name=f"barometer-figur-{i}.png",
                mime="image/png", key=f"png_{i}", on_click="ignore", icon=":material/image:",
            )  # fmt: skip
            row.download_button(
                "Figur som SVG", lambda: chart_svg(spec_json, source), file_name=f"barometer-figur-{i}.svg",
                mime="image/svg+xml", key=f"svg_{i}", on_click="ignore", icon=":material/draw:",
            )  # fmt: skip


def show_answer(i: int, answer: dict[str, Any]) -> None:
    if answer.get("error"):
        st.warning(answer.get("answer") or ERROR_TEXT, icon=":material/error:")
        return
    show_verdict(answer)
    st.markdown(answer["answer"])  # the engine's own markdown; HTML stays off
    show_confidence(answer)
    show_suggestions(i, answer)
    if answer.get("chart"):
        show_chart(i, answer["chart"])
    if answer.get("caveats"):
        st.caption("  \n".join("Merk: " + escape_md(c) for c in answer["caveats"]))
    if answer.get("sources"):
        show_sources(i, answer["sources"])
    if answer.get("data") or answer.get("sql"):
        show_data(i, answer)
    if answer.get("answerable"):
        show_press(i, answer)
    st.feedback("thumbs", key=f"vurdering_{i}", on_change=save_feedback, args=(i,))


def show_message(i: int, message: dict[str, Any]) -> None:
    with st.chat_message(message["role"]):
        if message["role"] == "user":
            st.markdown(escape_md(message["content"]))
        else:
            show_answer(i, message["answer"])


def start_page() -> None:
    st.markdown(
        "Still spørsmål på vanlig norsk om **NHOs Arbeidsmiljøbarometer 2021**. Svarene bygger bare på tallene "
        "og teksten i rapporten, og hvert tall har kilde: tabell eller figur, avsnitt og antall svar (n)."
    )
    st.subheader("Dette vet jeg noe om")
    columns = st.columns(len(waves()))
    for column, wave in zip(columns, waves().values(), strict=True):
        kind = wave.get("description", "").split(" ")[0]
        with column, st.container(border=True):
            st.markdown(
                f"**{escape_md(wave['label'])}**"
                + (f" · {escape_md(kind.lower())}" if kind.endswith("undersøkelsen") else "")
            )
            st.markdown(
                f"{date_span(wave['start'], wave['end'])}  \n"
                f"{thousands(wave['invited'])} bedrifter invitert, {thousands(wave['completed'])} svarte  \n"
                f"Svarprosent om lag {wave['response_rate_pct']} %"
            )
    themes = [t for t in knowledge.codebook()["themes"] if t["id"] != "bakgrunn"]  # background = the sample
    st.markdown(
        "**Temaene i rapporten:**\n"
        + "\n".join(f"- {escape_md(t['label'])} (kapittel {t['section']})" for t in themes)
    )
    st.subheader("Prøv for eksempel")
    columns = st.columns(2)
    for k, question in enumerate(EXAMPLES):
        columns[k % 2].button(
            question, key=f"eksempel_{k}", on_click=queue, args=(question,), width="stretch", wrap=True
        )
    st.info(CANNOT, icon=":material/info:")


def responses_section() -> None:
    """Which waves have respondent-level data loaded (the figures are then computed from them)."""
    loaded = responses_loaded()
    st.subheader("Respondentdata")
    if not loaded:
        st.caption("Ingen respondentdata er lastet inn. Svarene bygger på tallene i rapporten.")
        return
    for wave_id, meta in loaded.items():
        label = waves().get(wave_id, {}).get("label", wave_id)
        st.markdown(
            f"**{escape_md(label)}**: {thousands(int(meta['respondents']))} svar lastet inn  \n"
            + escape_md(f"fra «{meta['file_name']}», {str(meta['imported_at']).replace('T', ' ')}")
        )
    st.caption(
        "Tall for disse bølgene beregnes fra svarene og sammenlignes med rapporten. Grupper og svar med færre "
        f"enn {settings.get_int('ASSISTANT_MIN_CELL')} bedrifter vises som «–»."
    )


def sidebar():
    """The sidebar; returns the slot at its top for the respondent-data status, filled last so the page
    does not wait for the engine to load before it shows."""
    with st.sidebar:
        status = st.container()
        st.header("Spørsmålene i undersøkelsen")
        st.caption(
            "Fra spørreskjemaet (Vedlegg 2), ordnet etter tema. Se hvordan et spørsmål ble stilt, eller hva bedriftene svarte."
        )
        questions = knowledge.codebook()["questions"]
        for theme in knowledge.codebook()["themes"]:
            in_theme = [q for q in questions if q["theme"] == theme["id"]]
            if not in_theme:
                continue
            with st.expander(f"{theme['label']} ({len(in_theme)})", key=f"tema_{theme['id']}"):
                for q in in_theme:
                    published = ", ".join(q.get("published_in") or []) or "resultatene er ikke publisert"
                    wave = waves().get(q["wave"], {}).get("label", q["wave"])
                    st.markdown(f"**{escape_md(q['title'])}**  \n" + escape_md(f"{wave} · {published}"))
                    left, right = st.columns(2)
                    left.button("Spørsmålet", key=f"skjema_{q['id']}", type="tertiary", icon=":material/help:",
                                on_click=queue, args=(f"Hvordan var spørsmålet «{q['text']}» formulert?",))  # fmt: skip
                    title = q["title"] if q["title"][:2].isupper() else q["title"][0].lower() + q["title"][1:]
                    right.button("Resultater", key=f"resultater_{q['id']}", type="tertiary", icon=":material/bar_chart:",
                                 on_click=queue, args=(f"Hva svarte bedriftene om {title}?",))  # fmt: skip
    return status


def main() -> None:
    st.set_page_config(page_title="Barometerassistenten", page_icon=":material/forum:", layout="centered")
    st.html(PAGE_CSS)
    st.session_state.setdefault("messages", [])
    messages: list[dict[str, Any]] = st.session_state.messages

    prompt = st.chat_input(
        "Spør om arbeidsmiljøbarometeret …",
        key="sporsmal",
        max_chars=settings.get_int("ASSISTANT_MAX_QUESTION_CHARS"),
    )
    prompt = (prompt or st.session_state.pop("pending", None) or "").strip() or None

    status = sidebar()
    head, button = st.columns([5, 2], vertical_alignment="bottom")
    head.title("Barometerassistenten")
    if messages or prompt:
        button.button(
            "Ny samtale",
            key="ny_samtale",
            on_click=new_conversation,
            icon=":material/refresh:",
            width="stretch",
        )
        conversation_download(messages, button)
    else:
        start_page()

    for i, message in enumerate(messages):
        show_message(i, message)

    if prompt:
        # Questions that failed gave no answer, so they are no context for a follow-up.
        history = [m["content"] for m in messages if m["role"] == "user" and not m.get("failed")]
        messages.append({"role": "user", "content": prompt})
        show_message(len(messages) - 1, messages[-1])
        with st.chat_message("assistant"):
            with st.spinner("Leter i rapporten …"):
                answer = ask(prompt, history)
            messages[-1]["failed"] = bool(answer.get("error"))
            messages.append({"role": "assistant", "answer": answer})
            show_answer(len(messages) - 1, answer)
    with status:
        responses_section()


if __name__ == "__main__":  # how Streamlit (and AppTest) runs the script; tests import the helpers
    main()
