"""Word export (python-docx): one answer, or a whole conversation, as a document a communications
adviser can edit — heading, press text, the chart as an image with its source line, a table of the
numbers, sources and caveats. Everything printed comes from the answer dict; nothing is computed here."""

from __future__ import annotations

import datetime as dt
import io
import logging
from typing import Any

from docx import Document
from docx.document import Document as DocumentType
from docx.shared import Cm, Pt, RGBColor

from . import charts, knowledge
from .compose.numbers import fmt, n_text
from .press import plain_text, press_for, source_line

log = logging.getLogger(__name__)

VERDICTS = {
    "supported": "Ja – rapporten støtter påstanden",
    "contradicted": "Nei – rapporten sier noe annet",
    "partly": "Delvis – påstanden må justeres",
    "not_in_report": "Rapporten sier ikke noe om dette",
}
COLUMNS = [("source", "Kilde"), ("wave", "Undersøkelse"), ("item", "Delspørsmål"), ("group_label", "Gruppe"),
           ("option", "Svar"), ("value", "Verdi"), ("n", "n")]  # fmt: skip
GREY = RGBColor(0x55, 0x55, 0x55)


def _waves() -> dict[str, str]:
    return {w["id"]: w["label"] for w in knowledge.codebook()["waves"]}


def _cell(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    if key == "value" and isinstance(value, int | float):
        return fmt(float(value), row.get("unit") or "pct")
    if key == "wave":
        return _waves().get(str(value), str(value or ""))
    if key == "n":
        return n_text(str(value or ""))
    return str(value or "")


def _caption(doc: DocumentType, text: str) -> None:
    run = doc.add_paragraph().add_run(text)
    run.italic = True
    run.font.size = Pt(9)
    run.font.color.rgb = GREY


def _add_answer(doc: DocumentType, answer: dict[str, Any]) -> None:
    doc.add_heading(answer.get("question") or "Spørsmål", level=1)
    if answer.get("verdict") in VERDICTS:
        run = doc.add_paragraph().add_run(VERDICTS[answer["verdict"]])
        run.bold = True
    press = answer.get("press") if "press" in answer else press_for(answer)
    source = (press or {}).get("source") or source_line(answer)
    if press:
        doc.add_heading("Pressetekst", level=2)
        doc.add_paragraph(press["text"])
        doc.add_heading(f"Kort versjon ({len(press['short'])} tegn)", level=3)
        doc.add_paragraph(press["short"])
    doc.add_heading("Svaret", level=2)
    for paragraph in plain_text(answer.get("answer") or "").split("\n\n"):
        doc.add_paragraph(paragraph.strip())
    if answer.get("chart"):
        try:
            image = charts.png(answer["chart"], source)
        except Exception:  # a chart that will not render must not cost the rest of the document
            log.exception("Could not render the chart for %r", answer.get("question"))
        else:
            doc.add_heading("Figur", level=2)
            doc.add_picture(io.BytesIO(image), width=Cm(16))
    rows = answer.get("data") or []
    if rows:
        doc.add_heading("Tallene", level=2)
        columns = [(k, label) for k, label in COLUMNS if any(r.get(k) not in (None, "") for r in rows)]
        table = doc.add_table(rows=1, cols=len(columns))
        table.style = "Light Grid Accent 1"
        for cell, (_, label) in zip(table.rows[0].cells, columns, strict=True):
            cell.text = label
        for r in rows:
            cells = table.add_row().cells
            for cell, (key, _) in zip(cells, columns, strict=True):
                cell.text = _cell(r, key)
    if answer.get("sources"):
        doc.add_heading("Kilder", level=2)
        for s in answer["sources"]:
            where = [s.get("label") or ""]
            if s.get("section") and not str(s.get("label", "")).startswith(str(s["section"])):
                where.append(f"avsnitt {s['section']}")
            if s.get("page"):
                where.append(f"s. {s['page']}")
            text = ", ".join(w for w in where if w)
            if s.get("quote"):
                text += f": «{s['quote']}»"
            doc.add_paragraph(text, style="List Bullet")
    if answer.get("caveats"):
        doc.add_heading("Forbehold", level=2)
        for caveat in answer["caveats"]:
            doc.add_paragraph(caveat, style="List Bullet")
    _caption(doc, source)


def _new_document(title: str) -> DocumentType:
    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.author = "Barometerassistenten"
    doc.core_properties.language = "nb-NO"
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    return doc


def _bytes(doc: DocumentType) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def answer_docx(answer: dict[str, Any]) -> bytes:
    """One answer as a .docx file (bytes)."""
    doc = _new_document(answer.get("question") or "Barometerassistenten")
    _add_answer(doc, answer)
    return _bytes(doc)


def conversation_docx(answers: list[dict[str, Any]], today: dt.date | None = None) -> bytes:
    """A whole conversation: a title page heading, then each answer on its own page."""
    doc = _new_document("Barometerassistenten – samtale")
    doc.add_heading("Barometerassistenten – samtale", level=0)
    _caption(
        doc, f"NHOs Arbeidsmiljøbarometer 2021 · {len(answers)} svar · {(today or dt.date.today()):%d.%m.%Y}"
    )
    for k, answer in enumerate(answers):
        if k:
            doc.add_page_break()
        _add_answer(doc, answer)
    return _bytes(doc)
