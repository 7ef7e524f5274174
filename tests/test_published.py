"""Checks the published-number CSVs in data/published/ against the report text.

Every row is verified against knowledge/report.txt:

* table rows: the value is parsed out of the printed table at the row/column
  position given by the row's labels (column order is read from the table header);
* figure data-label rows: the label run after the figure caption is split into
  series, ordered by the category axis printed in the figure;
* prose rows: the quote must occur in the report (inside the row's section) and
  must contain the value written the Norwegian way.

On top of that come schema checks, distribution sums and sample-table arithmetic.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data" / "published"
REPORT = ROOT / "knowledge" / "report.txt"

COLUMNS = [
    "source",
    "section",
    "page",
    "wave",
    "question_id",
    "item",
    "group_dim",
    "group",
    "group_min",
    "group_max",
    "option",
    "value",
    "unit",
    "n",
    "note",
    "quote",
]

EXPECTED_FILES = [
    "tabell02.csv",
    "tabell03.csv",
    "tabell04.csv",
    "tabell05.csv",
    "tabell06.csv",
    "tabell07.csv",
    "tabell09.csv",
    "tabell10.csv",
    "tabell11.csv",
    "figur01.csv",
    "figur03.csv",
    "figur12.csv",
    "fotnote09.csv",
    "prose.csv",
]

QUESTION_IDS = {
    "HJEM_SITUASJON",
    "HJEM_ONSKE",
    "TILGJ_DISKUTERT",
    "TILGJ_DIALOG",
    "HJEM_ANDEL_2021",
    "HJEM_ENDRING",
    "PARTS_SAMARBEID",
    "PARTS_FORSTAELSE",
    "ROLLER_BETYDNING",
    "SAMARBEID_OMRADER",
    "GRUNNER",
    "UTFORDRINGER",
    "SUKSESSFAKTORER",
    "SF_UTFORDRING",
    "SF_DIALOG",
    "SF_NYTTE",
    "AT_KONTAKT",
    "AT_NYTTE",
    "NAV_ALS_KONTAKT",
    "NAV_ALS_NYTTE",
    "NAV_ALS_UTVIKLING",
    "BHT_AVTALE",
    "BHT_NYTTE",
    "UTVALG",
}
# Questions from the June 2022 supplement; UTVALG exists for both waves, the rest is November 2021.
JUNE_2022_QIDS = {"HJEM_SITUASJON", "HJEM_ONSKE", "TILGJ_DISKUTERT", "TILGJ_DIALOG"}
UNITS = {"pct", "count", "mean"}
WAVES = {"2021-11", "2022-06"}
GROUP_DIMS = {"total", "storrelse", "landsforening", "fylke"}

# Files whose rows come from table cells or figure data labels (never from prose).
CELL_FILES = {f for f in EXPECTED_FILES if f.startswith("tabell")} | {"figur12.csv"}
# Files where every row is a prose statement and must carry a quote.
PROSE_FILES = {"figur01.csv", "fotnote09.csv", "prose.csv"}

# Section headings of the report, in document order (number, start of the heading text).
SECTION_HEADINGS = [
    ("1", "Sammendrag"),
    ("2", "Introduksjon"),
    ("2.1", "Om NHOs Arbeidsmiljøbarometer"),
    ("3", "Trender i arbeidslivet:"),
    ("3.1", "Om hjemmearbeid og fjernarbeid"),
    ("3.2", "Omfang av hjemmearbeid og fjernarbeid"),
    ("3.3", "Ansattes tilgjengelighet etter arbeidstid"),
    ("3.4", "Opplevde endringer som følge av hjemmearbeid"),
    ("4", "Forebyggende arbeidsmiljøarbeid"),
    ("4.1", "Forebyggende arbeidsmiljøarbeid i bedriftene"),
    ("4.2", "Partssamarbeid i arbeidsmiljøarbeidet"),
    ("4.3", "Grunner for arbeidsmiljøarbeid"),
    ("4.4", "Utfordringer og suksessfaktorer i arbeidsmiljøarbeidet"),
    ("5", "Sykefravær og"),
    ("5.1", "Om sykefravær og sykefraværsoppfølging"),
    ("5.2", "Utfordringer med sykefravær"),
    ("5.3", "Dialog med aktørene ved sykefraværsoppfølging"),
    ("6", "Støtte og bistand fra eksterne"),
    ("6.1", "Om støtte og bistand til bedriftenes arbeidsmiljøarbeid"),
    ("6.2", "Tilsyn, veiledning og dialog med Arbeidstilsynet"),
    ("6.3", "Støtte og bistand fra NAV Arbeidslivssenter"),
    ("6.4", "Støtte og bistand fra bedriftshelsetjenesten"),
    ("7", "Vedlegg 1: Metode"),
    ("7.1", "NHOs Arbeidsmiljøbarometer: bakgrunn og temaer"),
    ("7.2", "Beskrivelse av utvalget"),
    ("7.3", "Analyser og presentasjon av resultater"),
    ("8", "Vedlegg 2: Spørsmål og"),
]

# Layout of the printed tables: which CSV column names the table row and which the table column.
ROW_TABLES = {
    # source: (row label column, column label column or None, has trailing "N =" column, "N =" row)
    "Tabell 2": ("item", "option", True, False),
    "Tabell 3": ("option", "item", False, True),
    "Tabell 5": ("option", None, False, False),
    "Tabell 6": ("option", "item", False, True),
}
SAMPLE_TABLES = {"Tabell 9": "fylke", "Tabell 10": "landsforening", "Tabell 11": "storrelse"}
# Header text printed above each column of the sample tables.
SAMPLE_HEADERS = {
    "Nettoutvalg (antall)": "Fra undersøkelsen",
    "Nettoutvalg (prosent)": "Prosent av sum",
    "Bruttoutvalg (antall)": "Fra utvalget",
    "Bruttoutvalg (prosent)": "Prosent i bruttoutvalget",
    "Differanse (prosentpoeng)": "Differanse i prosent",
}
GROUPED_TABLES = {"Tabell 4", "Tabell 7"}  # item headings, size groups as columns
# Figures checked through their data labels: (series column, category column, series follow legend order).
LABEL_FIGURES = {
    "Figur 3": ("item", "option", False),
    "Figur 12": ("option", "item", True),
}
# Sources whose rows form complete response distributions (summing to about 100 %).
DISTRIBUTION_SOURCES = {
    "Tabell 2",
    "Tabell 3",
    "Tabell 4",
    "Tabell 5",
    "Tabell 6",
    "Tabell 7",
    "Figur 3",
    "Figur 12",
    "Fotnote 9",
}

NUMBER_TOKEN = r"-?\d+(?:,\d+)?(?:\s*%)?"
SAMPLE_ROW = (
    r"(\d{1,3}(?: \d{3})*|\d+)\s+(-?\d+,\d+)\s*%\s+(\d{1,3}(?: \d{3})*|\d+)\s+"
    r"(-?\d+,\d+)\s*%\s+(-?\d+,\d+)\s*%"
)
# Prose lines may also start with "Figur 3 viser ..." or "Tabell 2 nedenfor ..."; those are not captions.
NOT_CAPTION = r"(?!(?:viser|nedenfor|under)\b)"
CAPTION_RE = re.compile(r"^\s*(?:Tabell|Figur) \d+\s+" + NOT_CAPTION)
LABEL_LINE_RE = re.compile(r"^\s*\d+(?:,\d+)?\s*%?\s*$")


# ---------------------------------------------------------------- helpers


def norm(text: str) -> str:
    """Join lines and collapse all whitespace to single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def loose(label: str) -> str:
    """Regex for a label that tolerates line breaks, hyphenation and spacing around slashes."""
    chars = [re.escape(c) for c in label if not c.isspace() and c not in "-/"]
    return r"[\s\-/]*".join(chars)


def to_number(token: str) -> Decimal:
    """Parse a number as printed in the report ('1 713', '-0,36 %', '46%')."""
    cleaned = token.replace("%", "").replace(" ", "").replace("\u00a0", "").replace(",", ".")
    return Decimal(cleaned)


def group_thousands(digits: str, sep: str) -> str:
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return sep.join(out)


def norwegian_forms(value: str) -> set[str]:
    """All ways the report may print a CSV value: decimal comma, 0-2 decimals, space as thousands separator."""
    number = Decimal(value)
    sign = "-" if number < 0 else ""
    magnitude = abs(number)
    forms = set()
    for decimals in (0, 1, 2):
        quantum = Decimal(1).scaleb(-decimals)
        rounded = magnitude.quantize(quantum)
        if rounded != magnitude:
            continue
        whole, _, frac = f"{rounded:f}".partition(".")
        for sep in ("", " ", "\u00a0"):
            text = sign + group_thousands(whole, sep) if sep else sign + whole
            forms.add(text + ("," + frac if frac else ""))
    return forms


def printed_forms(value: str, unit: str) -> set[str]:
    """Norwegian forms plus the percent-sign spellings the report uses for percentages."""
    forms = set(norwegian_forms(value))
    if unit == "pct":
        forms |= {f"{f} %" for f in forms} | {f"{f}%" for f in forms}
    return forms


def contains_number(text: str, forms: set[str]) -> bool:
    """True if one of the forms occurs in text as a whole number token (not inside a longer number)."""
    for form in sorted(forms, key=len, reverse=True):
        pattern = r"(?<![\d,\-])" + re.escape(form) + r"(?!\d|,\d)"
        pattern = pattern.replace(r"\ ", r"\s")
        if re.search(pattern, text):
            return True
    return False


def is_number_equal(token: str, value: str) -> bool:
    return to_number(token) == Decimal(value)


# ---------------------------------------------------------------- report access


@cache
def report_lines() -> tuple[str, ...]:
    return tuple(REPORT.read_text(encoding="utf-8").splitlines())


@cache
def report_norm() -> str:
    return norm("\n".join(report_lines()))


@cache
def heading_lines() -> dict[str, int]:
    """Line index of each section heading."""
    found = {}
    lines = report_lines()
    for number, title in SECTION_HEADINGS:
        pattern = re.compile(r"^\s*" + re.escape(number) + r" " + re.escape(title))
        hits = [i for i, line in enumerate(lines) if pattern.match(line)]
        assert len(hits) == 1, f"section heading {number} {title!r} found {len(hits)} times"
        found[number] = hits[0]
    return found


def section_span(number: str) -> tuple[int, int]:
    """Lines [start, end) of a section: from its heading to the next heading in document order."""
    heads = heading_lines()
    start = heads[number]
    later = [i for i in heads.values() if i > start]
    return start, min(later) if later else len(report_lines())


def section_text(number: str) -> str:
    start, end = section_span(number)
    return "\n".join(report_lines()[start:end])


def section_of_line(index: int) -> str:
    candidates = [(i, num) for num, i in heading_lines().items() if i <= index]
    return max(candidates)[1]


def is_boundary(line: str) -> bool:
    """A line that ends a table/figure block: another caption or a section heading."""
    if CAPTION_RE.match(line):
        return True
    return any(
        re.match(r"^\s*" + re.escape(num) + r" " + re.escape(title), line) for num, title in SECTION_HEADINGS
    )


@cache
def caption_index(source: str) -> int:
    pattern = re.compile(r"^\s*" + re.escape(source) + r"\s+" + NOT_CAPTION)
    hits = [i for i, line in enumerate(report_lines()) if pattern.match(line)]
    assert len(hits) == 1, f"{len(hits)} captions for {source}"
    return hits[0]


@cache
def block(source: str) -> str:
    """Text from the caption line of a table/figure up to the next caption or section heading."""
    lines = report_lines()
    start = caption_index(source)
    end = start + 1
    while end < len(lines) and not is_boundary(lines[end]):
        end += 1
    return "\n".join(lines[start:end])


@cache
def label_block(source: str) -> tuple[tuple[str, ...], str]:
    """Data labels of a figure and the printed axis/legend text that follows them.

    The labels are the first run of lines after the caption that hold only a number; the
    axis and legend run from the end of that run to the next page header or boundary.
    """
    lines = report_lines()
    i = caption_index(source) + 1
    while not LABEL_LINE_RE.match(lines[i]):
        i += 1
    labels = []
    while i < len(lines) and (LABEL_LINE_RE.match(lines[i]) or not lines[i].strip()):
        if lines[i].strip():
            labels.append(lines[i].strip())
        i += 1
    end = i
    while end < len(lines) and not lines[end].startswith("R1021796") and not is_boundary(lines[end]):
        end += 1
    return tuple(labels), "\n".join(lines[i:end])


def first_position(text: str, label: str) -> int:
    match = re.search(loose(label), text)
    assert match, f"label {label!r} not found"
    return match.start()


def printed_label(row: dict, column: str) -> str:
    """The label as printed; a note 'Trykt som «...»' records a misprinted option label."""
    match = re.search(r"Trykt som «(.+?)»", row["note"]) if column == "option" else None
    return match.group(1) if match else row[column]


# ---------------------------------------------------------------- data loading


def read_csv(name: str) -> tuple[list[str], list[dict]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, values, strict=True)) for values in reader]
    return header, rows


def all_rows() -> list[tuple[str, int, dict]]:
    out = []
    for name in EXPECTED_FILES:
        if (DATA_DIR / name).exists():
            _, rows = read_csv(name)
            out.extend((name, i + 2, r) for i, r in enumerate(rows))
    return out


ROWS = all_rows()
CELL_ROWS = [(f, ln, r) for f, ln, r in ROWS if not r["quote"]]
PROSE_ROWS = [(f, ln, r) for f, ln, r in ROWS if r["quote"]]


def row_id(entry) -> str:
    name, line, row = entry
    return f"{name}:{line}"


def rows_of(source: str) -> list[dict]:
    return [r for _, _, r in CELL_ROWS if r["source"] == source]


# ---------------------------------------------------------------- formatting helper tests


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("46", "46"),
        ("11.97", "11,97"),
        ("-0.36", "-0,36"),
        ("3.9", "3,9"),
        ("2.5", "2,5"),
        ("0.1", "0,10"),
        ("100", "100,00"),
        ("1713", "1 713"),
        ("1713", "1713"),
        ("16861", "16 861"),
        ("16861", "16861"),
        ("0", "0,00"),
    ],
)
def test_norwegian_forms_include(value, expected):
    assert expected in norwegian_forms(value)


@pytest.mark.parametrize(
    ("value", "unexpected"),
    [("46", "46,5"), ("11.97", "11,9"), ("11.97", "12"), ("3.9", "39"), ("1713", "17 13"), ("0.1", "0")],
)
def test_norwegian_forms_exclude(value, unexpected):
    assert unexpected not in norwegian_forms(value)


def test_printed_forms_percent_spellings():
    forms = printed_forms("46", "pct")
    assert {"46", "46 %", "46%"} <= forms
    assert "46 %" not in printed_forms("46", "count")


@pytest.mark.parametrize(
    ("text", "value", "unit", "found"),
    [
        ("Nyttig 46 % 39 %", "46", "pct", True),
        ("Nyttig 146 % 39 %", "46", "pct", False),
        ("til sammen 81 prosent", "8", "pct", False),
        ("Sum 1 713 100,00 %", "1713", "count", True),
        ("Sum 1 713 100,00 %", "100", "pct", True),
        ("Agder 85 4,96 % 898", "4.9", "pct", False),
        ("ledelse (3,9), deretter", "3.9", "mean", True),
        ("Totalt ble 16 861 bedrifter", "16861", "count", True),
        ("Agder 85 4,96 % 898 5,33 % -0,36 %", "-0.36", "pct", True),
        ("Agder 85 4,96 % 898 5,33 % -0,36 %", "0.36", "pct", False),
    ],
)
def test_contains_number(text, value, unit, found):
    assert contains_number(text, printed_forms(value, unit)) is found


def test_to_number_and_loose_label():
    assert to_number("1 713") == Decimal(1713)
    assert to_number("-0,36 %") == Decimal("-0.36")
    assert re.search(loose("Tilsyn med covid-19-forskriften"), "Tilsyn med \n\ncovid-19-\n\nforskriften")
    assert re.search(
        loose("Arbeidsmiljøkartlegging/medarbeiderundersøkelse"),
        "Arbeidsmiljø-\n\nkartlegging/ \n\nmedarbeider-\n\nundersøkelse",
    )
    assert not re.search(loose("Tilsyn med veiledning"), "Tilsyn, men uten veiledning")


# ---------------------------------------------------------------- schema


def test_all_files_present():
    missing = [f for f in EXPECTED_FILES if not (DATA_DIR / f).exists()]
    assert not missing
    assert len(ROWS) > 0


@pytest.mark.parametrize("name", EXPECTED_FILES)
def test_header(name):
    header, rows = read_csv(name)
    assert header == COLUMNS
    assert rows, f"{name} has no rows"


@pytest.mark.parametrize("entry", ROWS, ids=row_id)
def test_row_schema(entry):
    name, _, row = entry
    assert row["question_id"] in QUESTION_IDS
    assert row["unit"] in UNITS
    assert row["wave"] in WAVES
    assert row["group_dim"] in GROUP_DIMS
    assert re.fullmatch(r"-?\d+(?:\.\d+)?", row["value"]), row["value"]
    assert re.fullmatch(r"\d+(?:\.\d+)?", row["section"]), row["section"]
    assert row["page"] == "" or re.fullmatch(r"\d+", row["page"])
    assert row["n"] == "" or re.fullmatch(r"\d+(?:–\d+)?", row["n"]), row["n"]
    assert row["source"] and row["option"]
    if row["group_dim"] == "total":
        assert row["group"] == "Alle"
        assert row["group_min"] == row["group_max"] == ""
    else:
        assert row["group"] and row["group"] != "Alle"
    if row["group_dim"] == "storrelse" and row["group"] != "Sum":
        assert row["group_min"] or row["group_max"], "size group needs a numeric band"
        for bound in (row["group_min"], row["group_max"]):
            assert bound == "" or re.fullmatch(r"\d+", bound)
        if row["group_min"] and row["group_max"]:
            assert int(row["group_min"]) <= int(row["group_max"])
    elif row["group_dim"] != "storrelse":
        assert row["group_min"] == row["group_max"] == ""
    if row["unit"] == "pct":
        assert -100 <= float(row["value"]) <= 100
    if row["unit"] == "mean":
        assert 1 <= float(row["value"]) <= 4
    if row["question_id"] in JUNE_2022_QIDS:
        assert row["wave"] == "2022-06"
    elif row["question_id"] != "UTVALG":
        assert row["wave"] == "2021-11"
    if name in CELL_FILES:
        assert row["quote"] == "", "table/figure-label rows carry no quote"
    if name in PROSE_FILES:
        assert row["quote"], "prose rows must quote the report"


def test_no_duplicate_keys():
    seen = {}
    for name, line, row in ROWS:
        key = (
            row["source"],
            row["wave"],
            row["question_id"],
            row["item"],
            row["group_dim"],
            row["group"],
            row["option"],
        )
        assert key not in seen, f"{name}:{line} duplicates {seen[key]}"
        seen[key] = f"{name}:{line}"


def test_merged_categories_are_noted():
    for source in GROUPED_TABLES:
        rows = rows_of(source)
        assert rows
        for row in rows:
            if row["option"] in ("Lite nyttig", "Nyttig"):
                assert row["note"].startswith("Sammenslått"), row


def test_every_cell_row_has_a_checker():
    known = set(ROW_TABLES) | set(SAMPLE_TABLES) | GROUPED_TABLES | set(LABEL_FIGURES)
    unknown = {r["source"] for _, _, r in CELL_ROWS} - known
    assert not unknown, f"rows without a quote from sources no checker covers: {unknown}"


# ---------------------------------------------------------------- table and figure cells


@pytest.mark.parametrize("entry", CELL_ROWS, ids=row_id)
def test_cell_value_in_block(entry):
    """The value, printed the Norwegian way, occurs in the table/figure block."""
    _, _, row = entry
    if row["source"] in LABEL_FIGURES:
        labels, _ = label_block(row["source"])
        text = "\n".join(labels)
    else:
        text = block(row["source"])
    assert contains_number(text, printed_forms(row["value"], row["unit"])), row


@pytest.mark.parametrize("entry", CELL_ROWS, ids=row_id)
def test_cell_section_and_page(entry):
    """The caption lies in the row's section (or that section points to the table), page header agrees."""
    _, _, row = entry
    index = caption_index(row["source"])
    physical = section_of_line(index)
    if physical != row["section"]:
        number = int(row["source"].split()[1])
        kind = row["source"].split()[0].lower()
        referenced = set()
        for m in re.finditer(kind + r"\s+(\d+)(?:\s*[-–]\s*(\d+))?", section_text(row["section"]).lower()):
            lo = int(m.group(1))
            hi = int(m.group(2) or lo)
            referenced.update(range(lo, hi + 1))
        assert number in referenced, f"{row['source']} is in section {physical}, not {row['section']}"
    if row["page"]:
        # A page header 'R1021796 ► ... ► <page>' must directly precede the caption.
        lines = report_lines()
        prev = [line for line in lines[max(0, index - 4) : index] if line.strip()]
        assert prev and prev[-1].startswith("R1021796"), "no page header right before the caption"
        assert re.search(r"►\s*" + row["page"] + r"\s*$", prev[-1])


def column_rank(text: str, labels: list[str]) -> dict[str, int]:
    """Column index of each label, from the order in which the header prints them."""
    positions = {label: first_position(text, label) for label in labels}
    ordered = sorted(labels, key=positions.__getitem__)
    return {label: i for i, label in enumerate(ordered)}


def row_tokens(text: str, label: str, count: int) -> list[str]:
    repeat = r"(?:\s+" + NUMBER_TOKEN + r"){" + str(count - 1) + "}"
    pattern = r"(?:^|(?<=\s))" + loose(label) + r"\s+(" + NUMBER_TOKEN + repeat + ")"
    match = re.search(pattern, text)
    assert match, f"row {label!r} with {count} numbers not found"
    return re.findall(NUMBER_TOKEN, match.group(1))


@pytest.mark.parametrize("source", sorted(ROW_TABLES))
def test_row_table_cells(source):
    row_key, col_key, n_column, n_row = ROW_TABLES[source]
    rows = rows_of(source)
    assert rows, source
    text = block(source)
    columns = sorted({r[col_key] for r in rows}) if col_key else [None]
    ranks = column_rank(text, columns) if col_key else {None: 0}
    width = len(columns) + (1 if n_column else 0)
    for row in rows:
        tokens = row_tokens(text, row[row_key], width)
        col = ranks[row[col_key] if col_key else None]
        assert is_number_equal(tokens[col], row["value"]), (row, tokens)
        if n_column:
            assert row["n"] == str(to_number(tokens[-1])), (row, tokens)
        if n_row:
            n_tokens = row_tokens(text, "N =", len(columns))
            assert row["n"] == str(to_number(n_tokens[col])), (row, n_tokens)
        if not n_column and not n_row and row["n"]:
            assert re.search(r"[nN]\s*=\s*" + re.escape(row["n"]) + r"(?!\d)", text)


@pytest.mark.parametrize("source", sorted(SAMPLE_TABLES))
def test_sample_table_cells(source):
    rows = rows_of(source)
    assert rows, source
    text = block(source)
    ranks = column_rank(text, list(SAMPLE_HEADERS.values()))
    for row in rows:
        assert row["group_dim"] == SAMPLE_TABLES[source]
        pattern = r"(?:^|(?<=\s))" + loose(row["group"]) + r"\s+" + SAMPLE_ROW
        match = re.search(pattern, text)
        assert match, row["group"]
        token = match.group(ranks[SAMPLE_HEADERS[row["option"]]] + 1)
        assert is_number_equal(token, row["value"]), (row, match.group(0))


@pytest.mark.parametrize("source", sorted(GROUPED_TABLES))
def test_grouped_table_cells(source):
    rows = rows_of(source)
    assert rows, source
    text = block(source)
    groups = sorted({r["group"] for r in rows})
    ranks = column_rank(text, groups)
    items = sorted({r["item"] for r in rows})
    starts = {item: re.search(loose(item), text) for item in items}
    assert all(starts.values()), starts
    for row in rows:
        begin = starts[row["item"]].end()
        later = [m.start() for m in starts.values() if m.start() > begin]
        segment = text[begin : min(later) if later else len(text)]
        tokens = row_tokens(segment, row["option"], len(groups))
        assert is_number_equal(tokens[ranks[row["group"]]], row["value"]), (row, tokens)
        # The n range is printed under the group label in the header.
        n_pattern = loose(row["group"]) + r"\s*[nN]\s*=\s*" + re.escape(row["n"]) + r"(?!\d)"
        assert re.search(n_pattern, text), (row["group"], row["n"])


@pytest.mark.parametrize("source", sorted(LABEL_FIGURES))
def test_figure_labels(source):
    series_key, category_key, legend_order = LABEL_FIGURES[source]
    rows = rows_of(source)
    assert rows, source
    labels, axis_text = label_block(source)
    printed = [to_number(label) for label in labels]
    # Category order is the order in which the axis prints the category labels.
    by_series = defaultdict(list)
    for row in rows:
        pos = first_position(axis_text, printed_label(row, category_key))
        by_series[row[series_key]].append((pos, Decimal(row["value"])))
    series_values = {s: [v for _, v in sorted(vals)] for s, vals in by_series.items()}
    # Every series name is printed in the legend.
    series_pos = {}
    for row in rows:
        series_pos[row[series_key]] = first_position(axis_text, printed_label(row, series_key))
    assert sum(len(v) for v in series_values.values()) == len(printed), "label count differs"
    if legend_order:
        ordered = sorted(series_values, key=series_pos.__getitem__)
        assert [v for s in ordered for v in series_values[s]] == printed
    else:
        # Series are contiguous runs of labels, in some order.
        remaining = printed
        pending = dict(series_values)
        while remaining:
            match = [s for s, vals in pending.items() if remaining[: len(vals)] == vals]
            assert match, f"no series matches labels {remaining}"
            remaining = remaining[len(pending.pop(match[0])) :]
        assert not pending


# ---------------------------------------------------------------- prose


@pytest.mark.parametrize("entry", PROSE_ROWS, ids=row_id)
def test_prose_quote(entry):
    _, _, row = entry
    quote = norm(row["quote"])
    assert quote in report_norm(), "quote not found in report"
    assert quote in norm(section_text(row["section"])), f"quote not in section {row['section']}"
    assert contains_number(quote, printed_forms(row["value"], row["unit"])), "value not in quote"
    if row["source"].startswith(("Figur", "Tabell")):
        # The figure the prose describes has a caption in the report, in the row's section.
        assert section_of_line(caption_index(row["source"])) == row["section"]


# ---------------------------------------------------------------- distributions and arithmetic


def distributions() -> dict[tuple, list[dict]]:
    groups = defaultdict(list)
    for _, _, row in ROWS:
        if row["source"] not in DISTRIBUTION_SOURCES or row["unit"] != "pct":
            continue
        if row["option"].endswith("(sum)"):
            continue
        groups[(row["source"], row["wave"], row["question_id"], row["item"], row["group"])].append(row)
    return groups


def test_distributions_sum_to_100():
    dists = distributions()
    assert {key[0] for key in dists} == DISTRIBUTION_SOURCES
    for key, rows in dists.items():
        assert len(rows) >= 4, key
        total = sum(Decimal(r["value"]) for r in rows)
        assert abs(total - 100) <= 2, (key, total)


@pytest.mark.parametrize("source", sorted(SAMPLE_TABLES))
def test_sample_table_sums(source):
    rows = rows_of(source)
    by_option = defaultdict(dict)
    for row in rows:
        by_option[row["option"]][row["group"]] = Decimal(row["value"])
    assert set(by_option) == set(SAMPLE_HEADERS)
    for option, values in by_option.items():
        total = values.pop("Sum")
        parts = sum(values.values())
        if option.endswith("(antall)"):
            assert parts == total, (option, parts, total)
        elif option.startswith("Differanse"):
            assert total == 0 and abs(parts) <= Decimal("0.1"), (option, parts)
        else:
            assert total == 100 and abs(parts - 100) <= Decimal("0.1"), (option, parts)
    # Percentages agree with the counts, and the difference column with the two percentages.
    for group in by_option["Nettoutvalg (antall)"]:
        for count, pct in (
            ("Nettoutvalg (antall)", "Nettoutvalg (prosent)"),
            ("Bruttoutvalg (antall)", "Bruttoutvalg (prosent)"),
        ):
            share = by_option[count][group] / sum(by_option[count].values()) * 100
            assert abs(share - by_option[pct][group]) <= Decimal("0.006"), (group, pct)
        diff = by_option["Nettoutvalg (prosent)"][group] - by_option["Bruttoutvalg (prosent)"][group]
        assert abs(diff - by_option["Differanse (prosentpoeng)"][group]) <= Decimal("0.011"), group


def test_sample_facts_match_tables():
    facts = {
        (r["wave"], r["option"]): Decimal(r["value"])
        for _, _, r in PROSE_ROWS
        if r["question_id"] == "UTVALG"
    }
    assert set(facts) == {(w, o) for w in WAVES for o in ("Invitert", "Fullført", "Svarprosent")}
    for wave in WAVES:
        rate = facts[(wave, "Fullført")] / facts[(wave, "Invitert")] * 100
        assert abs(rate - facts[(wave, "Svarprosent")]) < 1, (wave, rate)
    for source in SAMPLE_TABLES:
        sums = {r["option"]: Decimal(r["value"]) for r in rows_of(source) if r["group"] == "Sum"}
        assert sums["Nettoutvalg (antall)"] == facts[("2021-11", "Fullført")]
        assert sums["Bruttoutvalg (antall)"] == facts[("2021-11", "Invitert")]


def test_figure3_current_situation_matches_figure1():
    """Figur 3 'Dagens situasjon' is Figur 1 without firms lacking home-office employees."""
    fig1 = {
        r["option"]: Decimal(r["value"])
        for _, _, r in ROWS
        if r["source"] == "Figur 1" and not r["option"].endswith("(sum)")
    }
    fig3 = {r["option"]: Decimal(r["value"]) for r in rows_of("Figur 3") if r["item"] == "Dagens situasjon"}
    home = "Overvekt av tiden eller det aller meste av tiden på hjemmekontor"
    fig3_merged = dict(fig3)
    fig3_merged[home] = fig3_merged.pop("Det aller meste av tiden på hjemmekontor") + fig3_merged.pop(
        "Overvekt av tiden på hjemmekontor"
    )
    base = {k: v for k, v in fig1.items() if k != "Har ikke ansatte på hjemmekontor"}
    assert set(base) == set(fig3_merged)
    denominator = sum(base.values())
    for option, value in base.items():
        rebased = value / denominator * 100
        assert abs(rebased - fig3_merged[option]) <= Decimal("1.5"), (option, rebased, fig3_merged[option])


def test_figure3_prose_sums_match_labels():
    """The prose sums (81 and 79) equal the two 'lokaler' labels of each series within rounding."""
    fig3 = rows_of("Figur 3")
    premises = {
        "Det aller meste av tiden i virksomhetens lokaler",
        "Overvekt av tiden i virksomhetens lokaler",
    }
    sums = {
        r["item"]: Decimal(r["value"])
        for _, _, r in PROSE_ROWS
        if r["source"] == "Figur 3" and r["option"].endswith("(sum)")
    }
    for item, stated in sums.items():
        labels = sum(Decimal(r["value"]) for r in fig3 if r["item"] == item and r["option"] in premises)
        assert abs(labels - stated) <= 1, (item, labels, stated)


def test_footnote9_sum_matches_prose():
    rows = [r for _, _, r in ROWS if r["question_id"] == "HJEM_ANDEL_2021"]
    stated = [Decimal(r["value"]) for r in rows if r["option"].endswith("(sum)")]
    assert len(stated) == 1
    parts = sum(
        Decimal(r["value"])
        for r in rows
        if r["source"] == "Fotnote 9" and r["option"] not in ("Ikke noe", "Vet ikke")
    )
    assert parts == stated[0]
