"""Check a respondent file against the codebook and turn it into coded rows, or say exactly what is wrong.

Value rules, per cell: blank (or a value the mapping lists under `missing`) = no answer; a value the
mapping translates under `values` wins; else a value label (SPSS) or a text is matched to the
codebook's option labels; else the value must be a valid code. Multi-choice columns hold 1 (chosen),
0 or blank. Row checks: a unique respondent id, every background variable set, exclusive options alone,
at most `max_choices`, and answers only from respondents the question's filter let through.

Mapping file (YAML), every key optional:

    columns: {VendorColumn: template_column}   # rename before anything else
    ignore: [VendorColumnWeNeverUse]
    values:                                     # per template column, question id, background id or "*"
      landsforening: {"Industri": 15}
      "*": {"99": null}
    missing: [99, -1]                           # values that mean "no answer"
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import contract
from .readers import RawTable, ReadError, read_table

MAX_SHOWN = 20
YES = {"1", "ja", "valgt", "x", "true", "yes"}
NO = {"0", "nei", "ikke valgt", "false", "no"}


@dataclass
class Problem:
    message: str
    column: str | None = None
    row: int | None = None  # 1 = the first data row (the header is not counted)
    value: Any = None

    def text(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"rad {self.row}")
        if self.column is not None:
            where.append(f"kolonne «{self.column}»")
        if self.value is not None:
            where.append(f"verdi «{self.value}»")
        return (", ".join(where) + ": " if where else "") + self.message


class ImportRejected(ValueError):
    """The file does not fit the codebook; nothing was imported."""

    def __init__(self, problems: list[Problem], source: str):
        self.problems = problems
        self.source = source
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.problems)
        lines = [
            f"Importen ble avbrutt: fant {n} feil i «{self.source}». "
            "Ingenting ble importert, og databasen er uendret."
        ]
        if n > MAX_SHOWN:
            lines.append(f"De første {MAX_SHOWN}:")
        lines += [f"  - {p.text()}" for p in self.problems[:MAX_SHOWN]]
        if n > MAX_SHOWN:
            lines.append(f"  … og {n - MAX_SHOWN} til.")
        lines.append(
            "Rett filen (eller mappingfilen, se `--mapping`) og kjør importen på nytt. Kolonnene og kodene "
            "står i `python -m assistant responses-template` og `python -m assistant codebook --json`."
        )
        return "\n".join(lines)


@dataclass
class Mapping:
    columns: dict[str, str] = field(default_factory=dict)
    ignore: set[str] = field(default_factory=set)
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)
    digest: str = ""


@dataclass
class Coded:
    """A valid file, coded: the rows the store writes."""

    wave: str
    respondents: list[tuple[int, int, int, int]]  # rid, storrelse, landsforening, fylke
    answers: list[tuple[int, str, str, int]]  # rid, question_id, item ('' unless a grid), code
    columns: int


def _key(value: Any) -> str:
    return contract.fold_label(str(value))


def load_mapping(path: Path | None) -> Mapping:
    if path is None:
        return Mapping()
    try:
        raw = path.read_bytes()
        data = yaml.safe_load(raw.decode("utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise ImportRejected([Problem(f"Mappingfilen kunne ikke leses ({err}).")], str(path)) from err
    problems = []
    if not isinstance(data, dict):
        data = {}
        problems.append(Problem("Mappingfilen må være et YAML-oppslag med columns/ignore/values/missing."))
    unknown = set(data) - {"columns", "ignore", "values", "missing"}
    for k in sorted(unknown):
        problems.append(
            Problem(f"Ukjent nøkkel «{k}» i mappingfilen (tillatt: columns, ignore, values, missing).")
        )
    columns = {str(k): str(v) for k, v in (data.get("columns") or {}).items()}
    values = {
        str(k): {_key(a): b for a, b in (v or {}).items()} for k, v in (data.get("values") or {}).items()
    }
    if problems:
        raise ImportRejected(problems, str(path))
    return Mapping(
        columns=columns,
        ignore={str(x) for x in data.get("ignore") or []},
        values=values,
        missing={_key(x) for x in data.get("missing") or []},
        digest=hashlib.sha256(raw).hexdigest(),
    )


class _Coder:
    """Translates one column's cells into codes."""

    def __init__(self, col: contract.Column, mapping: Mapping, labels: dict[Any, str], wave: str):
        self.col = col
        self.mapping = mapping
        self.labels = labels
        self.vmap: dict[str, Any] = {}
        for key in ("*", col.var, col.question_id, col.name):  # the most specific key wins
            if key and key in mapping.values:
                self.vmap.update(mapping.values[key])
        if col.kind == "background":
            options = contract.background()[col.var]["options"]
            self.valid = {o["code"] for o in options}
            self.by_label = {_key(o["label"]): o["code"] for o in options}
            self.what = f"{col.var} (kodene {min(self.valid)}–{max(self.valid)})"
        elif col.kind in ("single", "grid"):
            q = next(x for x in contract.wave_questions(wave) if x["id"] == col.question_id)
            self.valid = {o["code"] for o in q["options"]}
            self.by_label = contract.option_codes_by_label(q)
            self.what = f"spørsmålet {q['id']} (kodene {min(self.valid)}–{max(self.valid)})"

    def code(self, value: Any) -> tuple[int | None, str | None]:
        """(code or None for no answer, error message or None)."""
        if value is None:
            return None, None
        key = _key(value)
        if key in self.mapping.missing:
            return None, None
        if self.col.kind == "multi":
            if key in self.vmap:
                value = self.vmap[key]
                if value is None:
                    return None, None
                key = _key(value)
            if key in YES:
                return 1, None
            if key in NO:
                return 0, None
            return (
                None,
                "Ugyldig verdi for et flervalgsalternativ: bruk 1 (valgt), 0 eller tom celle (ikke valgt).",
            )
        if key in self.vmap:
            mapped = self.vmap[key]
            if mapped is None:
                return None, None
            if isinstance(mapped, int) and mapped in self.valid:
                return mapped, None
            return (
                None,
                f"Mappingfilen oversetter til «{mapped}», som ikke er en gyldig kode for {self.what}.",
            )
        if value in self.labels:  # SPSS value labels are matched to the codebook's labels
            code = self.by_label.get(_key(self.labels[value]))
            if code is None:
                return None, (
                    f"Verdietiketten «{self.labels[value]}» passer ikke til noe svaralternativ for {self.what}. "
                    "Oversett verdien under `values:` i mappingfilen."
                )
            return code, None
        if isinstance(value, int) and value in self.valid:
            return value, None
        if isinstance(value, str):
            if key in self.by_label:
                return self.by_label[key], None
            if key.lstrip("-").isdigit() and int(key) in self.valid:
                return int(key), None
        return None, f"Ugyldig verdi for {self.what}."


def code_file(path: Path, wave: str, mapping_path: Path | None = None) -> Coded:
    """Read, map and check a file. Raises ImportRejected listing every problem (the report shows 20)."""
    if wave not in contract.wave_ids():
        raise ImportRejected(
            [Problem(f"Ukjent bølge «{wave}». Gyldige bølger: {', '.join(contract.wave_ids())}.")], str(path)
        )
    mapping = load_mapping(mapping_path)
    try:
        table = read_table(path)
    except ReadError as err:
        raise ImportRejected([Problem(str(err), row=err.row)], path.name) from err
    return check_table(table, wave, mapping, path.name)


def check_table(table: RawTable, wave: str, mapping: Mapping, source: str) -> Coded:
    problems: list[Problem] = []
    expected = {c.name: c for c in contract.template_columns(wave)}
    names: list[str | None] = []
    for raw_name in table.columns:
        name = mapping.columns.get(raw_name, raw_name)
        if raw_name in mapping.ignore:
            names.append(None)
        elif name not in expected:
            names.append(None)
            problems.append(
                Problem(
                    f"Ukjent kolonne: finnes ikke i malen for {wave}. Gi den riktig navn under `columns:` i "
                    "mappingfilen, eller legg den under `ignore:`.",
                    column=raw_name,
                )
            )
        else:
            names.append(name)
    seen = [n for n in names if n]
    for dup in sorted({n for n in seen if seen.count(n) > 1}):
        problems.append(Problem("Kolonnen finnes mer enn én gang.", column=dup))
    for name in expected:
        if name not in seen:
            problems.append(Problem("Kolonnen mangler i filen.", column=name))
    if not table.rows:
        problems.append(Problem("Filen har ingen datarader."))
    if problems:
        raise ImportRejected(problems, source)

    position = {n: i for i, n in enumerate(names) if n}
    coders = {
        n: _Coder(
            c,
            mapping,
            table.value_labels.get(table.columns[position[n]], {}) if c.kind != "multi" else {},
            wave,
        )
        for n, c in expected.items()
        if c.kind != "id"
    }
    questions = {q["id"]: q for q in contract.wave_questions(wave)}
    respondents: list[tuple[int, int, int, int]] = []
    answers: list[tuple[int, str, str, int]] = []
    ids: dict[str, int] = {}
    for r, row in enumerate(table.rows, 1):
        rid_value = row[position[contract.ID_COLUMN]]
        if rid_value is None:
            problems.append(Problem("Mangler respondent_id.", column=contract.ID_COLUMN, row=r))
        elif str(rid_value) in ids:
            problems.append(
                Problem(
                    f"respondent_id finnes allerede i rad {ids[str(rid_value)]}.",
                    column=contract.ID_COLUMN,
                    row=r,
                    value=rid_value,
                )
            )
        else:
            ids[str(rid_value)] = r
        bg: list[int] = []
        for var in contract.BACKGROUND:
            value = row[position[var]]
            code, err = coders[var].code(value)
            if err:
                problems.append(Problem(err, column=var, row=r, value=value))
            elif code is None:
                problems.append(Problem(f"Mangler verdi: {var} må være satt for alle.", column=var, row=r))
            bg.append(code or 0)
        coded: dict[str, dict[str, int]] = {}  # question → item (or multi code as text) → code
        for name, coder in coders.items():
            col = coder.col
            if col.kind == "background":
                continue
            value = row[position[name]]
            code, err = coder.code(value)
            if err:
                problems.append(Problem(err, column=name, row=r, value=value))
                continue
            if code is None:
                continue
            key = str(col.code) if col.kind == "multi" else (col.item or "")
            coded.setdefault(col.question_id, {})[key] = code
        for qid, got in coded.items():
            q = questions[qid]
            if contract.qtype(q) == "multi":
                chosen = sorted(int(k) for k, v in got.items() if v == 1)
                if not chosen:
                    continue  # all 0: counted as no answer
                problems += _multi_problems(q, chosen, r)
                got = {str(c): 1 for c in chosen}
            if not _asked(q, coded):
                first = next(iter(got))
                column = qid + (f"__{first}" if first else "")
                problems.append(
                    Problem(
                        f"Svar fra en bedrift som ikke fikk spørsmålet: det gikk bare til «{q.get('asked_to')}».",
                        column=column,
                        row=r,
                    )
                )
            for key, code in got.items():
                if contract.qtype(q) == "multi":
                    answers.append((r, qid, "", int(key)))
                else:
                    answers.append((r, qid, key, code))
        respondents.append((r, bg[0], bg[1], bg[2]))
    if problems:
        raise ImportRejected(problems, source)
    return Coded(wave=wave, respondents=respondents, answers=answers, columns=len(expected))


def _multi_problems(q: dict[str, Any], chosen: list[int], row: int) -> list[Problem]:
    out = []
    exclusive = [o for o in q["options"] if o.get("exclusive") and o["code"] in chosen]
    if exclusive and len(chosen) > 1:
        o = exclusive[0]
        out.append(
            Problem(
                f"«{o['label']}» kan ikke kombineres med andre svar.",
                column=f"{q['id']}__{o['code']}",
                row=row,
            )
        )
    if q.get("max_choices") and len(chosen) > q["max_choices"]:
        out.append(
            Problem(
                f"{len(chosen)} svar er valgt, men spørsmålet tillater høyst {q['max_choices']}.",
                column=q["id"],
                row=row,
            )
        )
    return out


def _asked(q: dict[str, Any], coded: dict[str, dict[str, int]]) -> bool:
    """Did the question's filter let this respondent through (from its coded answers)?"""
    rule = q.get("base_filter")
    if not rule:
        return True
    got = coded.get(rule["question"]) or {}
    codes = set(rule["codes"])
    if rule.get("items"):
        return any(got.get(item) in codes for item in rule["items"])
    if got and all(v in (0, 1) for v in got.values()) and any(k.isdigit() for k in got):
        return any(int(k) in codes and v == 1 for k, v in got.items() if k.isdigit())  # multi
    return got.get("") in codes
