"""Word export (assistant/export_docx.py and `ask --docx`): the file opens and holds the figure, the chart
as a picture, the numbers and the source line."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import docx

from assistant.export_docx import answer_docx, conversation_docx

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?"
SOURCE = "Kilde: NHOs Arbeidsmiljøbarometer 2021 (Agenda Kaupang/Kantar for NHO), Tabell 3, n = 257"


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def pictures(document) -> list[bytes]:
    return [r.target_part.blob for r in document.part.rels.values() if "image" in r.reltype]


def test_answer_document_holds_figure_picture_table_and_source(assistant):
    answer = assistant.ask(QUESTION).to_dict()
    document = docx.Document(io.BytesIO(answer_docx(answer)))
    text = all_text(document)
    assert document.paragraphs[0].text == QUESTION and document.paragraphs[0].style.name == "Heading 1"
    assert answer["press"]["text"] in text and "39 prosent" in text
    assert SOURCE in text
    images = pictures(document)
    assert len(images) == 1 and images[0].startswith(b"\x89PNG")
    table = document.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header[:2] == ["Kilde", "Undersøkelse"] and "Verdi" in header
    values = [row.cells[header.index("Verdi")].text for row in table.rows[1:]]
    assert "39 %" in values and len(values) == len(answer["data"])
    assert "Forbehold" in text and "ikke aktuelt i 2021" in text


def test_refusal_document_has_no_picture_and_no_press_text(assistant):
    answer = assistant.ask("Hvor stor andel av bedriftene har en HR-ansvarlig?").to_dict()
    document = docx.Document(io.BytesIO(answer_docx(answer)))
    text = all_text(document)
    assert "Pressetekst" not in text and not pictures(document)
    assert "HR-ansvarlig" in text


def test_conversation_document_has_every_answer(assistant):
    answers = [assistant.ask(q).to_dict() for q in (QUESTION, "Har hjemmekontor gjort bedriftene mer produktive?",
                                                     "Ble resultatene vektet?")]  # fmt: skip
    document = docx.Document(io.BytesIO(conversation_docx(answers)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [a["question"] for a in answers]
    assert len(pictures(document)) == 2
    assert "Tabell 2" in all_text(document) and SOURCE in all_text(document)


def test_cli_writes_docx_and_prints_press_text(built, tmp_path):
    target = tmp_path / "svar.docx"
    run = subprocess.run([sys.executable, "-m", "assistant", "ask", "--press", "--docx", str(target), QUESTION],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("39 prosent av bedriftene")
    assert "Kort (" in run.stdout and SOURCE in run.stdout
    document = docx.Document(str(target))
    assert "39 prosent" in all_text(document) and len(pictures(document)) == 1
