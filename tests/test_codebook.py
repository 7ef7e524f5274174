"""Checks knowledge/codebook.yaml for internal consistency and against the report text.

The report checks parse "8 Vedlegg 2: Spørsmål og svaralternativer" from knowledge/report.txt and
compare question stems, filters, numbered options and grid header rows with the codebook.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
REPORT = KNOWLEDGE / "report.txt"
CODEBOOK = yaml.safe_load((KNOWLEDGE / "codebook.yaml").read_text(encoding="utf-8"))
QUESTIONS: list[dict] = CODEBOOK["questions"]
QIDS = [q["id"] for q in QUESTIONS]
BY_ID = {q["id"]: q for q in QUESTIONS}

REQUIRED_KEYS = {
    "id",
    "wave",
    "theme",
    "block",
    "order",
    "text",
    "type",
    "items",
    "options",
    "filter",
    "asked_to",
    "section",
    "published_in",
    "results",
    "keywords",
    "note",
    "in_vedlegg2",
}
TYPES = {"grid", "single", "multi", "yes_no_grid"}
RESULTS = {"tables", "figures", "prose", "none"}
GRID_TYPES = {"grid", "yes_no_grid"}

EXPECTED_IDS = {
    "2021-11": [
        "SF_UTFORDRING",
        "SF_DIALOG",
        "SF_NYTTE",
        "PARTS_SAMARBEID",
        "PARTS_FORSTAELSE",
        "ROLLER_BETYDNING",
        "SAMARBEID_OMRADER",
        "AT_KONTAKT",
        "AT_NYTTE",
        "NAV_ALS_KONTAKT",
        "NAV_ALS_NYTTE",
        "NAV_ALS_UTVIKLING",
        "BHT_AVTALE",
        "BHT_NYTTE",
        "HJEM_ENDRING",
        "HJEM_DIGITALE_MOTER",
        "UTFORDRINGER",
        "SUKSESSFAKTORER",
        "GRUNNER",
        "BAKGRUNN_ANSATTE",
        "BAKGRUNN_HR",
        "HJEM_ANDEL_2021",
    ],
    "2022-06": ["HJEM_SITUASJON", "HJEM_ONSKE", "TILGJ_DISKUTERT", "TILGJ_DIALOG"],
}


# --------------------------------------------------------------------------- text helpers

_MARKERS = re.compile(r"\*fixed|\*exclusive")
# footnote numbers glued to the end of a word or punctuation: "forhold29.", "arbeidstid?30"
_FOOTNOTE = re.compile(r"(?<=[a-zæøå?.)»])\d{1,2}\b")


def norm(text: str) -> str:
    """Lower-case, drop questionnaire markers and glued footnote digits, collapse whitespace and
    join a slash left at a line break ("Verken/ eller" -> "verken/eller")."""
    t = text.lower()
    t = _MARKERS.sub(" ", t)
    t = _FOOTNOTE.sub("", t)
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"/ ", "/", t)
    return t.strip()


@cache
def report_lines() -> tuple[str, ...]:
    return tuple(REPORT.read_text(encoding="utf-8").splitlines())


@cache
def report_norm() -> str:
    return norm(" ".join(report_lines()))


@cache
def vedlegg2() -> dict[str, list[str]]:
    """Non-empty, stripped lines of Vedlegg 2 per wave (page footers removed)."""
    lines = report_lines()
    start = next(i for i, line in enumerate(lines) if line.startswith(" 8 Vedlegg 2"))
    body = [s for s in (line.strip() for line in lines[start + 1 :]) if s and not s.startswith("R1021796")]
    split = next(
        i for i, s in enumerate(body) if s.startswith("Spørsmål stilt i tilleggsundersøkelsen i 2022")
    )
    first = next(i for i, s in enumerate(body) if s.startswith("Spørsmål i undersøkelsen gjennomført i 2021"))
    return {"2021-11": body[first + 1 : split], "2022-06": body[split + 1 :]}


def vedlegg_questions(wave: str) -> list[dict]:
    return [q for q in QUESTIONS if q["wave"] == wave and q["in_vedlegg2"]]


@cache
def stem_index() -> dict[str, int]:
    """Line index (within the wave's Vedlegg 2 lines) where each question's stem starts."""
    found: dict[str, int] = {}
    for wave, lines in vedlegg2().items():
        normed = [norm(s) for s in lines]
        for q in vedlegg_questions(wave):
            text = norm(q["text"])
            hits = [i for i, s in enumerate(normed) if len(s) >= 15 and text.startswith(s)]
            hits += [i for i, s in enumerate(normed) if s == text and i not in hits]
            assert len(hits) == 1, f"{q['id']}: stem found {len(hits)} times in Vedlegg 2"
            found[q["id"]] = hits[0]
    return found


def segment(qid: str) -> list[str]:
    """Vedlegg 2 lines from a question's stem up to the next question's stem."""
    q = BY_ID[qid]
    lines = vedlegg2()[q["wave"]]
    starts = sorted(stem_index()[x["id"]] for x in vedlegg_questions(q["wave"]))
    start = stem_index()[qid]
    later = [s for s in starts if s > start]
    return lines[start : later[0] if later else len(lines)]


_NUMBERED = re.compile(r"^(\d{1,2}) (.+)$")


def numbered_runs(lines: list[str]) -> list[list[str]]:
    """Runs of consecutive lines "1 label", "2 label", ... (a run must start at 1)."""
    runs: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        m = _NUMBERED.match(line)
        if m and int(m.group(1)) == 1:
            current = [m.group(2)]
            runs.append(current)
        elif m and current is not None and int(m.group(1)) == len(current) + 1:
            current.append(m.group(2))
        else:
            current = None
    return runs


def in_order(haystack: str, needles: list[str]) -> bool:
    pos = 0
    for needle in needles:
        found = haystack.find(needle, pos)
        if found < 0:
            return False
        pos = found + len(needle)
    return True


# --------------------------------------------------------------------------- structure


def test_top_level_keys():
    assert {"waves", "themes", "questions", "register_variables", "blocks"} <= set(CODEBOOK)


def test_waves_match_report():
    waves = {w["id"]: w for w in CODEBOOK["waves"]}
    assert set(waves) == {"2021-11", "2022-06"}
    text = report_norm()
    assert "18.–29. november 2021" in text
    assert "1.–6. juni 2022" in text
    assert (waves["2021-11"]["invited"], waves["2021-11"]["completed"]) == (16861, 1713)
    assert (waves["2022-06"]["invited"], waves["2022-06"]["completed"]) == (16853, 2253)
    for w in waves.values():
        assert w["start"] <= w["end"]
        assert w["response_rate_pct"] == round(100 * w["completed"] / w["invited"])
        assert w["vedlegg2_heading"] in " ".join(report_lines())


def test_themes():
    themes = {t["id"]: t for t in CODEBOOK["themes"]}
    assert set(themes) == {"hjemmearbeid", "forebyggende", "sykefravar", "eksterne", "bakgrunn"}
    # Tabell 8 repeats Tabell 1 (the four main themes) without page breaks in between
    lines = report_lines()
    start = next(i for i, s in enumerate(lines) if s.strip().startswith("Tabell 8 Oversikt over temaer"))
    end = next(i for i, s in enumerate(lines) if s.startswith("7.2 Beskrivelse av utvalget"))
    tabell8 = norm(" ".join(lines[start:end]))
    for tid in ("hjemmearbeid", "forebyggende", "sykefravar", "eksterne"):
        assert norm(themes[tid]["label"]) in tabell8, tid
    for t in themes.values():
        pattern = re.compile(rf"^\s*{re.escape(t['section'])} [A-ZÆØÅ]")
        assert any(pattern.match(line) for line in report_lines()), t["id"]


def test_expected_question_ids_and_counts():
    for wave, ids in EXPECTED_IDS.items():
        assert sorted(q["id"] for q in QUESTIONS if q["wave"] == wave) == sorted(ids)
    assert len(QIDS) == len(set(QIDS)), "question ids must be unique"


@pytest.mark.parametrize("qid", QIDS)
def test_question_structure(qid):
    q = BY_ID[qid]
    assert REQUIRED_KEYS <= set(q), REQUIRED_KEYS - set(q)
    assert re.fullmatch(r"[A-Z][A-Z0-9_]+", qid)
    assert q["wave"] in {w["id"] for w in CODEBOOK["waves"]}
    assert q["theme"] in {t["id"] for t in CODEBOOK["themes"]}
    assert q["type"] in TYPES
    assert q["results"] in RESULTS
    assert isinstance(q["text"], str) and q["text"].strip() == q["text"] and "  " not in q["text"]
    assert isinstance(q["asked_to"], str) and q["asked_to"]
    assert q["keywords"] and all(isinstance(k, str) and k for k in q["keywords"])
    # options: codes 1..k in printed order, labels unique and free of questionnaire markers
    codes = [o["code"] for o in q["options"]]
    assert codes == list(range(1, len(codes) + 1))
    labels = [o["label"] for o in q["options"]]
    assert len(labels) == len(set(labels)) and all(labels)
    assert not any("*" in label for label in labels)
    # items: grids have rows, single/multi have none
    item_ids = [i["id"] for i in q["items"]]
    if q["type"] in GRID_TYPES:
        assert item_ids, "grid questions need items"
    else:
        assert not item_ids
    assert len(item_ids) == len(set(item_ids))
    for item in q["items"]:
        assert re.fullmatch(r"[a-z0-9_]+", item["id"])
        assert item["label"] and isinstance(item.get("aliases", []), list)
        assert set(item.get("published_in", [])) <= set(q["published_in"])
    if q["type"] == "yes_no_grid":
        assert sorted(labels) == ["Ja", "Nei"]


def test_order_per_wave():
    for wave in EXPECTED_IDS:
        listed = [q for q in QUESTIONS if q["wave"] == wave]
        inside = [q for q in listed if q["in_vedlegg2"]]
        assert [q["order"] for q in inside] == list(range(1, len(inside) + 1))
        assert all(q["order"] is None for q in listed if not q["in_vedlegg2"])


def test_exclusive_options_of_sf_dialog():
    q = BY_ID["SF_DIALOG"]
    assert q["type"] == "multi"
    flagged = [o["label"] for o in q["options"] if o.get("exclusive")]
    assert flagged == ["Ingen av disse", "Vet ikke"]
    assert [o["code"] for o in q["options"] if o.get("exclusive")] == [6, 7]


def test_brief_specifics():
    assert BY_ID["SF_NYTTE"]["filter"] == "Hvis svaralternativ 1-5 på forrige spørsmål"
    assert len(BY_ID["SF_NYTTE"]["items"]) == 5
    assert len(BY_ID["PARTS_SAMARBEID"]["items"]) == 2
    assert len(BY_ID["SAMARBEID_OMRADER"]["items"]) == 8
    assert len(BY_ID["HJEM_ENDRING"]["items"]) == 6
    assert len(BY_ID["UTFORDRINGER"]["options"]) == 12
    assert BY_ID["UTFORDRINGER"]["max_choices"] == 3
    assert BY_ID["AT_NYTTE"]["options"][0]["label"] == "Ikke aktuelt i 2021"
    assert BY_ID["BHT_NYTTE"]["options"][0]["label"] == "Brukte ikke tjenesten i 2021"
    assert [i["label"] for i in BY_ID["ROLLER_BETYDNING"]["items"]] == [
        "Ledelse",
        "Verneombud",
        "Tillitsvalgte",
        "Arbeidsmiljøutvalg (AMU)",
    ]
    roller = [o["label"] for o in BY_ID["ROLLER_BETYDNING"]["options"]]
    assert "Stor betydning" not in roller and "Ikke relevant" in roller
    assert "stor betydning" in BY_ID["ROLLER_BETYDNING"]["note"]
    assert [o["label"] for o in BY_ID["BAKGRUNN_ANSATTE"]["options"]] == [
        "1",
        "2-9",
        "10-49",
        "50-199",
        "200 eller flere",
    ]
    for qid in ("TILGJ_DISKUTERT", "TILGJ_DIALOG"):
        assert "helt eller delvis" in BY_ID[qid]["asked_to"]


# --------------------------------------------------------------------------- results / sources


def test_questions_without_results():
    none = {q["id"] for q in QUESTIONS if q["results"] == "none"}
    assert {"BAKGRUNN_HR", "HJEM_DIGITALE_MOTER"} <= none
    for qid in none:
        assert BY_ID[qid]["published_in"] == [] and BY_ID[qid]["section"] is None


_LABEL = re.compile(r"^(Tabell|Figur|Fotnote) (\d+)$|^Avsnitt (\d\.\d)$")


@pytest.mark.parametrize("qid", QIDS)
def test_published_in_consistent_with_results(qid):
    q = BY_ID[qid]
    kinds = []
    for label in q["published_in"]:
        m = _LABEL.match(label)
        assert m, f"unexpected label {label!r}"
        kinds.append(m.group(1) or "Avsnitt")
    if q["results"] == "tables":
        assert "Tabell" in kinds
    elif q["results"] == "figures":
        assert "Figur" in kinds and "Tabell" not in kinds
    elif q["results"] == "prose":
        assert "Tabell" not in kinds and "Figur" not in kinds and kinds
    if q["results"] != "none":
        assert q["section"] is not None


def test_result_tables_are_tabell_2_to_7():
    """Result tables are Tabell 2-7; Tabell 1 and 8 list themes, 9-11 describe the sample (only the
    background size question may point to Tabell 11)."""
    for q in QUESTIONS:
        numbers = {int(p.split()[1]) for p in q["published_in"] if p.startswith("Tabell ")}
        allowed = {11} if q["theme"] == "bakgrunn" else set(range(2, 8))
        assert numbers <= allowed, (q["id"], numbers)
    used = {p for q in QUESTIONS for p in q["published_in"] if p.startswith("Tabell ")}
    assert {f"Tabell {n}" for n in range(2, 8)} <= used, "every result table is claimed by a question"


def test_published_labels_exist_in_report():
    lines = report_lines()
    for q in QUESTIONS:
        for label in q["published_in"]:
            kind, _, number = label.partition(" ")
            if kind in ("Tabell", "Figur"):
                pattern = re.compile(rf"^\s*{kind} {re.escape(number)} [A-Za-zÆØÅæøå]")
            elif kind == "Fotnote":
                pattern = re.compile(rf"^{re.escape(number)} ?[A-ZÆØÅ]")
            else:
                pattern = re.compile(rf"^\s*{re.escape(number)} [A-ZÆØÅ]")
            assert any(pattern.match(line) for line in lines), (q["id"], label)
        if q["section"]:
            pattern = re.compile(rf"^\s*{re.escape(q['section'])} [A-ZÆØÅ]")
            assert any(pattern.match(line) for line in lines), (q["id"], q["section"])


def test_every_figure_1_to_32_is_claimed():
    claimed = {p for q in QUESTIONS for p in q["published_in"] if p.startswith("Figur ")}
    assert claimed == {f"Figur {n}" for n in range(1, 33)}


# --------------------------------------------------------------------------- coverage against Vedlegg 2


def test_vedlegg2_stems_found_in_order():
    index = stem_index()
    for wave in EXPECTED_IDS:
        positions = [index[q["id"]] for q in vedlegg_questions(wave)]
        assert positions == sorted(positions), f"{wave}: codebook order differs from Vedlegg 2"


@pytest.mark.parametrize("qid", [q["id"] for q in QUESTIONS if q["in_vedlegg2"]])
def test_stem_wording_exact(qid):
    joined = norm(" ".join(segment(qid)))
    assert joined.startswith(norm(BY_ID[qid]["text"])), qid


@cache
def merged_lines(wave: str) -> list[str]:
    """Vedlegg 2 lines with wrapped sentences re-joined (a line that does not end a sentence is
    joined with the next when that starts in lower case)."""
    out: list[str] = []
    for line in vedlegg2()[wave]:
        if out and not out[-1].rstrip().endswith(("?", ".", ":")) and line[:1].islower():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def test_every_printed_question_is_in_codebook():
    """Every line of Vedlegg 2 containing '?' is a question stem in the codebook (or a yes/no grid
    row such as 'Avtale med en bedriftshelsetjeneste?')."""
    for wave in EXPECTED_IDS:
        texts = {q["id"]: norm(q["text"]) for q in QUESTIONS if q["wave"] == wave}
        rows = {norm(i["label"]) + "?" for q in QUESTIONS if q["wave"] == wave for i in q["items"]}
        matched: set[str] = set()
        stems = 0
        for line in merged_lines(wave):
            if "?" not in line or line.startswith("Hvis svaralternativ"):
                continue
            stem = norm(line[: line.rindex("?") + 1])
            if stem in rows:
                continue
            stems += 1
            hits = [qid for qid, text in texts.items() if stem in text]
            assert hits, f"question printed in Vedlegg 2 but missing in codebook: {stem!r}"
            matched.update(hits)
        assert stems == len(matched), f"{wave}: two printed stems matched the same question"
        with_qmark = {q["id"] for q in vedlegg_questions(wave) if "?" in q["text"]}
        assert matched == with_qmark


@pytest.mark.parametrize("qid", [q["id"] for q in QUESTIONS if q["in_vedlegg2"]])
def test_filter_line_matches(qid):
    q = BY_ID[qid]
    lines = vedlegg2()[q["wave"]]
    before = lines[stem_index()[qid] - 1]
    if q["filter"] is None:
        assert not before.startswith("Hvis svaralternativ"), qid
    else:
        assert norm(before) == norm(q["filter"]) + ":", (qid, before)


def test_every_printed_filter_is_in_codebook():
    printed = sum(1 for lines in vedlegg2().values() for s in lines if s.startswith("Hvis svaralternativ"))
    assert printed == sum(1 for q in QUESTIONS if q["filter"])


@pytest.mark.parametrize("qid", [q["id"] for q in QUESTIONS if q["in_vedlegg2"]])
def test_numbered_options_match(qid):
    q = BY_ID[qid]
    runs = numbered_runs(segment(qid))
    labels = [norm(o["label"]) for o in q["options"]]
    if q["type"] in GRID_TYPES:
        assert runs == [], f"{qid}: grid question with a numbered list"
    else:
        assert len(runs) == 1, f"{qid}: expected one numbered option list, got {len(runs)}"
        assert [norm(s) for s in runs[0]] == labels


def test_all_numbered_lists_are_assigned():
    total = sum(len(numbered_runs(lines)) for lines in vedlegg2().values())
    expected = sum(1 for q in QUESTIONS if q["in_vedlegg2"] and q["type"] not in GRID_TYPES)
    assert total == expected


@pytest.mark.parametrize("qid", [q["id"] for q in QUESTIONS if q["in_vedlegg2"] and q["type"] in GRID_TYPES])
def test_grid_header_and_rows(qid):
    """The scale header printed above the grid rows holds the option labels in order, followed by
    the item rows in codebook order."""
    q = BY_ID[qid]
    joined = norm(" ".join(segment(qid)))
    rest = joined[len(norm(q["text"])) :]
    items = [norm(i["label"]) for i in q["items"]]
    first_item = rest.find(items[0])
    assert first_item > 0, qid
    header = rest[:first_item]
    assert in_order(header, [norm(o["label"]) for o in q["options"]]), (qid, header)
    assert in_order(rest[first_item:], items), qid


def test_blocks_follow_vedlegg2_headings():
    for wave, lines in vedlegg2().items():
        blocks = [b for b in CODEBOOK["blocks"] if b["wave"] == wave]
        headings = {b["label"] for b in blocks} | {s for b in blocks for s in b.get("subblocks", [])}
        positions = [lines.index(b["label"]) for b in blocks]
        assert positions == sorted(positions)
        for b in blocks:
            if b["intro"]:
                after = norm(" ".join(lines[lines.index(b["label"]) + 1 : lines.index(b["label"]) + 4]))
                assert after.startswith(norm(b["intro"])), b["label"]
        for q in vedlegg_questions(wave):
            start = stem_index()[q["id"]]
            previous = [s for s in lines[:start] if s in headings]
            nearest = previous[-1] if previous else None
            if q["block"] is None:
                # printed without a heading, straight after the Bedriftshelsetjeneste questions
                assert q["theme"] == "hjemmearbeid" and nearest == "Bedriftshelsetjeneste", q["id"]
            else:
                assert nearest in {q["block"], q.get("subblock")}, (q["id"], nearest)
                block_heads = [s for s in previous if s in {b["label"] for b in blocks}]
                assert block_heads[-1] == q["block"], q["id"]


# --------------------------------------------------------------------------- wording found elsewhere


@pytest.mark.parametrize("qid", QIDS)
def test_alt_texts_and_table_labels_in_report(qid):
    q = BY_ID[qid]
    text = report_norm()
    for alt in q.get("alt_texts", []):
        assert norm(alt) in text, (qid, alt)
    for item in q["items"]:
        if "table_label" in item:
            assert norm(item["table_label"]) in text, (qid, item["table_label"])


def test_hjem_andel_2021_from_footnote_9():
    q = BY_ID["HJEM_ANDEL_2021"]
    assert q["in_vedlegg2"] is False and q["published_in"] == ["Fotnote 9"] and q["results"] == "prose"
    text = report_norm()
    assert norm(q["text"]) in text
    assert norm(q["text"]) not in norm(" ".join(vedlegg2()["2021-11"]))
    footnote = text[text.index("spørsmålet i november 2021-undersøkelsen") :][:800]
    assert in_order(footnote, [f"«{norm(o['label'])}»" for o in q["options"]])


def test_register_variables_match_sample_tables():
    regs = {r["id"]: r for r in CODEBOOK["register_variables"]}
    assert set(regs) == {"fylke", "landsforening"}
    assert regs["fylke"]["published_in"] == ["Tabell 9"]
    assert regs["landsforening"]["published_in"] == ["Tabell 10"]
    assert sorted(regs["fylke"]["values"]) == sorted(sample_table_rows(9))
    assert sorted(regs["landsforening"]["values"]) == sorted(sample_table_rows(10))


def sample_table_rows(number: int) -> list[str]:
    """Row labels of Tabell 9/10 (net vs gross sample), with wrapped labels re-joined."""
    lines = report_lines()
    start = next(i for i, s in enumerate(lines) if s.strip().startswith(f"Tabell {number} "))
    end = next(i for i, s in enumerate(lines) if s.strip().startswith(f"Tabell {number + 1} "))
    block = re.sub(r"\s+", " ", " ".join(lines[start:end]))
    body = block.split("Differanse i prosent", 1)[1]
    row_end = re.compile(r"\s\d[\d ]*? -?\d+,\d+ % \d+ -?\d+,\d+ % -?\d+,\d+ %")
    names, pos = [], 0
    for m in row_end.finditer(body):
        names.append(body[pos : m.start()].strip())
        pos = m.end()
    names = [re.sub(r"^(Fylke|Landsforening) ", "", n) for n in names if n != "Sum"]
    return names
