"""The codebook as a contract for respondent-level files: `codebook --json` and the template's columns.

Column names: `respondent_id`, the background variables, then per question of the wave in codebook
order: `QID` (single), `QID__ITEM` (one per grid item), `QID__CODE` (one 0/1 column per multi option).

>>> [c.name for c in template_columns("2022-06")][:5]
['respondent_id', 'storrelse', 'landsforening', 'fylke', 'HJEM_SITUASJON']
>>> fold_label("… Mindre  støtte og informasjon")
'mindre støtte og informasjon'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .. import knowledge

ID_COLUMN = "respondent_id"
BACKGROUND = ("storrelse", "landsforening", "fylke")
QUESTION_TYPES = {"grid": "grid", "yes_no_grid": "grid", "single": "single", "multi": "multi"}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # id | background | single | grid | multi
    var: str | None = None  # background variable
    question_id: str | None = None
    item: str | None = None  # grid item id
    code: int | None = None  # multi option code


def fold_label(text: str) -> str:
    """A label for matching: lower case, no leading ellipsis, one kind of dash and slash spacing."""
    t = str(text).strip().lower().replace("–", "-").replace("—", "-")
    t = re.sub(r"^[…\.\s]+", "", t)
    t = re.sub(r"\s*/\s*", "/", t)
    return re.sub(r"\s+", " ", t).strip()


def wave_ids() -> list[str]:
    return [w["id"] for w in knowledge.codebook()["waves"]]


@lru_cache(maxsize=1)
def background() -> dict[str, dict[str, Any]]:
    return {b["id"]: b for b in knowledge.codebook()["background"]}


def wave_questions(wave: str) -> list[dict[str, Any]]:
    return [q for q in knowledge.questions() if q["wave"] == wave]


def qtype(q: dict[str, Any]) -> str:
    return QUESTION_TYPES[q["type"]]


def excluded_from_base(q: dict[str, Any]) -> list[int]:
    """Codes the report leaves out of the percentage base («ikke aktuelt», «brukte ikke tjenesten»)."""
    return [o["code"] for o in q["options"] if o.get("excluded_in_report")]


def option_label(q: dict[str, Any], code: int) -> str:
    return next(o["label"] for o in q["options"] if o["code"] == code)


def item_label(q: dict[str, Any], item_id: str) -> str:
    return next(i["label"] for i in q["items"] if i["id"] == item_id)


def option_codes_by_label(q: dict[str, Any]) -> dict[str, int]:
    """Folded option labels (and their aliases) → code."""
    out: dict[str, int] = {}
    for o in q["options"]:
        for label in [o["label"], *(o.get("aliases") or [])]:
            out.setdefault(fold_label(label), o["code"])
    return out


def item_ids_by_label(q: dict[str, Any]) -> dict[str, str]:
    """Folded item ids, labels, table labels and aliases → item id."""
    out: dict[str, str] = {}
    for it in q["items"]:
        for label in [it["id"], it["label"], it.get("table_label") or "", *(it.get("aliases") or [])]:
            if label:
                out.setdefault(fold_label(label), it["id"])
    return out


@lru_cache(maxsize=8)
def template_columns(wave: str) -> tuple[Column, ...]:
    cols = [Column(ID_COLUMN, "id")]
    cols += [Column(b, "background", var=b) for b in BACKGROUND]
    for q in wave_questions(wave):
        kind = qtype(q)
        if kind == "single":
            cols.append(Column(q["id"], "single", question_id=q["id"]))
        elif kind == "grid":
            cols += [
                Column(f"{q['id']}__{it['id']}", "grid", question_id=q["id"], item=it["id"])
                for it in q["items"]
            ]
        else:
            cols += [
                Column(f"{q['id']}__{o['code']}", "multi", question_id=q["id"], code=o["code"])
                for o in q["options"]
            ]
    return tuple(cols)


def _filter(q: dict[str, Any]) -> dict[str, Any] | None:
    rule = q.get("base_filter")
    if not rule:
        return None
    return {
        "question": rule["question"],
        "items": list(rule.get("items") or []),
        "codes": list(rule["codes"]),
        "text": q.get("filter"),
        "asked_to": q.get("asked_to"),
    }


def export() -> dict[str, Any]:
    """The codebook as the JSON contract of `python -m assistant codebook --json`."""
    cb = knowledge.codebook()
    waves = [
        {k: w.get(k) for k in ("id", "label", "start", "end", "invited", "completed")} for w in cb["waves"]
    ]
    bg = [
        {
            "id": b["id"],
            "label": b["label"],
            "column": b["id"],
            "options": [{k: o[k] for k in ("code", "label", "min", "max") if k in o} for o in b["options"]],
        }
        for b in cb["background"]
    ]
    questions = []
    for q in cb["questions"]:
        kind = qtype(q)
        cols = [c.name for c in template_columns(q["wave"]) if c.question_id == q["id"]]
        entry: dict[str, Any] = {
            "id": q["id"],
            "wave": q["wave"],
            "title": q.get("title"),
            "text": q["text"],
            "type": kind,
            "items": [{"id": i["id"], "label": i["label"]} for i in q["items"]],
            "options": [
                {
                    "code": o["code"],
                    "label": o["label"],
                    **({"exclusive": True} if o.get("exclusive") else {}),
                }
                for o in q["options"]
            ],
            "excluded_from_base": excluded_from_base(q),
            "filter": _filter(q),
            "asked_to": q.get("asked_to"),
            "max_choices": q.get("max_choices"),
            "scale": q.get("scale"),
            "published_in": list(q.get("published_in") or []),
            "columns": cols,
        }
        questions.append(entry)
    return {
        "id_column": ID_COLUMN,
        "missing": "tom celle = ikke svart / ikke spurt",
        "multi_values": {"1": "valgt", "0": "ikke valgt"},
        "waves": waves,
        "background": bg,
        "questions": questions,
    }
