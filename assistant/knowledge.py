"""Load the knowledge files: codebook (questionnaire), lexicon and the published numbers."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
PUBLISHED = ROOT / "data" / "published"
WAVE_TEXT = {"2021-11": "november 2021", "2022-06": "juni 2022"}  # the waves as answers name them

# libyaml's loader when PyYAML was built with it: the same documents as the pure-Python SafeLoader (the
# knowledge files load equal, types and key order included), about ten times faster at start
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CSV_COLUMNS = [
    "source", "section", "page", "wave", "question_id", "item", "group_dim", "group", "group_min",
    "group_max", "option", "value", "unit", "n", "note", "quote",
]  # fmt: skip


def load_yaml(path: Path) -> Any:
    """A knowledge file's YAML (safe loading only)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)


@lru_cache(maxsize=1)
def codebook() -> dict[str, Any]:
    return load_yaml(KNOWLEDGE / "codebook.yaml")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    if not (KNOWLEDGE / "lexicon.yaml").exists():
        return {}
    return load_yaml(KNOWLEDGE / "lexicon.yaml")


def questions() -> list[dict[str, Any]]:
    return codebook()["questions"]


def question(qid: str) -> dict[str, Any] | None:
    return next((q for q in questions() if q["id"] == qid), None)


def asked_only_in(q: Any) -> str | None:
    """The one wave the question a user asked about (a `Question`, found with confidence) was asked in, when
    the user named the other wave ("… i juni 2022" of a November question); else None."""
    if not q.wave or not q.question_id or q.intent == "method" or q.question_score < 0.5:
        return None
    asked = (question(q.question_id) or {}).get("wave")
    return str(asked) if asked and asked != q.wave else None


def wave(wid: str) -> dict[str, Any]:
    """The codebook's entry for a survey wave ("2021-11", "2022-06"), or {}."""
    return next((w for w in codebook().get("waves") or [] if w.get("id") == wid), {})


def wave_summary(wid: str) -> str:
    """When, among whom and by whom a wave was carried out: its description up to the response figures."""
    return str(wave(wid).get("description") or "").split(" Totalt")[0].rstrip(".")


def published_rows() -> list[dict[str, str]]:
    """All rows of data/published/*.csv, each with the file name it came from."""
    rows: list[dict[str, str]] = []
    for path in sorted(PUBLISHED.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                row = {k: (v or "").strip() for k, v in row.items() if k is not None}
                row["file"] = path.name
                row["row_order"] = str(i)
                rows.append(row)
    return rows


@lru_cache(maxsize=1)
def published() -> tuple[dict[str, str], ...]:
    """The published rows read once, for look-ups at run time (the build reads the files afresh)."""
    return tuple(published_rows())


@lru_cache(maxsize=1)
def report_text() -> str:
    """knowledge/report.txt, read once (empty when it is missing)."""
    path = KNOWLEDGE / "report.txt"
    return path.read_text(encoding="utf-8") if path.exists() else ""


@lru_cache(maxsize=16)
def report_sentence(pattern: str) -> str | None:
    """The report's sentence holding `pattern` (a regular expression), from its start, whitespace collapsed;
    None when the report has no such sentence."""
    found = re.search(r"[^.]*" + pattern, re.sub(r"\s+", " ", report_text()))
    return found.group(0).strip() if found else None


def knowledge_files() -> list[Path]:
    """Every file the build depends on (for the content hash)."""
    files = sorted(KNOWLEDGE.rglob("*")) + sorted(PUBLISHED.glob("*.csv"))
    code = ROOT / "assistant"
    files += [
        code / n for n in ("build.py", "report.py", "retrieve.py", "embed.py", "bank.py", "normalize.py")
    ]
    return [f for f in files if f.is_file()]
