"""Checks knowledge/lexicon.yaml: structure, consistency between its maps, and agreement with the
report (Tabell 9 and 10) and with knowledge/codebook.yaml."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
REPORT = KNOWLEDGE / "report.txt"
LEXICON = yaml.safe_load((KNOWLEDGE / "lexicon.yaml").read_text(encoding="utf-8"))
CODEBOOK = yaml.safe_load((KNOWLEDGE / "codebook.yaml").read_text(encoding="utf-8"))

SYNONYMS: dict[str, str] = LEXICON["synonyms"]
NYNORSK: dict[str, str] = LEXICON["nynorsk"]
ABBREVIATIONS: dict[str, str] = LEXICON["abbreviations_case_sensitive"]
GROUPS = LEXICON["groups"]

# Synonym keys that do occur in the report but are deliberately normalised (spelling variants).
REPORT_WORDS_NORMALISED = {"bedriftshelsetjeneste", "sykmeldte", "amu", "covid-19 forskriften", "på kontoret"}
# ("på kontoret" is the report's own everyday word for "i virksomhetens lokaler", the questionnaire's wording)
# Lower-case forms that are ordinary Norwegian words (or too short to be safe) and therefore may
# only appear as case-sensitive abbreviations.
RISKY_LOWERCASE = {"at", "als", "vo", "tv", "sf", "mu", "ia", "hvo", "dm2"}


# --------------------------------------------------------------------------- helpers


def whole_word(key: str) -> str:
    """Regex for a whole word/phrase: not directly preceded or followed by a letter, digit or hyphen."""
    return rf"(?<![\w-]){re.escape(key)}(?![\w-])"


def compile_map(mapping: dict[str, str], hyphen_is_part_of_word: bool = True) -> Callable[[str], str]:
    """Single-pass, longest-key-first whole-word replacement (the contract in lexicon.yaml).

    With hyphen_is_part_of_word=False a hyphen counts as a word boundary (looser rule, as in a plain
    `[\\w]`-based pattern); the lexicon must stay consistent under both rules."""
    keys = sorted(mapping, key=len, reverse=True)
    edge = r"[\w-]" if hyphen_is_part_of_word else r"\w"
    pattern = re.compile(rf"(?<!{edge})(" + "|".join(re.escape(k) for k in keys) + rf")(?!{edge})")
    return lambda text: pattern.sub(lambda m: mapping[m.group(1)], text)


NORMALISE = compile_map({**NYNORSK, **SYNONYMS})
NORMALISERS = {
    "hyphen-aware": NORMALISE,
    "letters-only": compile_map({**NYNORSK, **SYNONYMS}, hyphen_is_part_of_word=False),
}


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@cache
def report_lines() -> tuple[str, ...]:
    return tuple(REPORT.read_text(encoding="utf-8").splitlines())


@cache
def report_lower() -> str:
    return collapse(" ".join(report_lines())).lower()


def table_block(number: int) -> str:
    """Text of Tabell `number` up to the next table, line breaks repaired (whitespace collapsed)."""
    lines = report_lines()
    start = next(i for i, s in enumerate(lines) if s.strip().startswith(f"Tabell {number} "))
    end = next(i for i, s in enumerate(lines) if s.strip().startswith(f"Tabell {number + 1} "))
    return collapse(" ".join(lines[start:end]))


def table_rows(number: int) -> list[str]:
    """Row labels of the net/gross sample tables (Tabell 9 and 10)."""
    body = table_block(number).split("Differanse i prosent", 1)[1]
    row_end = re.compile(r"\s\d[\d ]*? -?\d+,\d+ % \d+ -?\d+,\d+ % -?\d+,\d+ %")
    names, pos = [], 0
    for m in row_end.finditer(body):
        names.append(body[pos : m.start()].strip())
        pos = m.end()
    return [re.sub(r"^(Fylke|Landsforening) ", "", n) for n in names if n != "Sum"]


def all_group_words() -> list[tuple[str, str, str]]:
    """(dimension, group, word) for every group word."""
    out = []
    for entry in GROUPS["storrelse"]:
        out += [("storrelse", entry["key"], w) for w in entry["words"]]
    for dim in ("landsforening", "fylke"):
        for entry in GROUPS[dim]:
            out += [(dim, entry["canonical"], w) for w in entry["words"]]
    return out


def lookup_words() -> list[str]:
    """Every word the engine looks up after normalisation."""
    words = [w for _, _, w in all_group_words()]
    words += list(LEXICON["options"])
    words += [w for ws in LEXICON["waves"].values() for w in ws]
    words += [w for entry in LEXICON["out_of_scope"] for w in entry["words"]]
    return words


def codebook_option_labels() -> set[str]:
    return {o["label"] for q in CODEBOOK["questions"] for o in q["options"]}


# --------------------------------------------------------------------------- structure


def test_top_level_keys():
    assert set(LEXICON) == {
        "synonyms",
        "abbreviations_case_sensitive",
        "nynorsk",
        "groups",
        "options",
        "waves",
        "typo_vocabulary_extra",
        "out_of_scope",
        "claims",
        "scales",
    }
    assert set(GROUPS) == {"storrelse", "landsforening", "fylke"}


@pytest.mark.parametrize("name", ["synonyms", "nynorsk"])
def test_lowercase_maps_are_clean(name):
    mapping = LEXICON[name]
    assert mapping
    for key, target in mapping.items():
        assert isinstance(key, str) and isinstance(target, str), key
        assert key == key.lower() == collapse(key), f"{name}: key {key!r} must be lower-case and normalised"
        assert target == target.lower() == collapse(target) and target, f"{name}: target of {key!r}"


def test_abbreviations_are_case_sensitive_forms():
    assert ABBREVIATIONS["AT"] == "Arbeidstilsynet"
    assert ABBREVIATIONS["BHT"] == "bedriftshelsetjenesten"
    for key, target in ABBREVIATIONS.items():
        assert key != key.lower(), f"{key!r} has no upper-case letter, so it is not case-sensitive"
        assert target and collapse(target) == target


def test_risky_lowercase_words_only_as_abbreviations():
    for word in RISKY_LOWERCASE:
        assert word not in SYNONYMS and word not in NYNORSK, word
    assert {"AT", "ALS", "VO"} <= set(ABBREVIATIONS)


def test_required_entries():
    assert SYNONYMS["bht"] == "bedriftshelsetjenesten"
    assert SYNONYMS["bedriftshelsetjeneste"] == "bedriftshelsetjenesten"
    assert NYNORSK["heimekontor"] == "hjemmekontor"
    assert SYNONYMS["amu"] == "arbeidsmiljøutvalg"
    assert SYNONYMS["nav-møte"] == "navs dialogmøte 2"
    for typo, target in {
        "bedriftshelsetjenst": "bedriftshelsetjenesten",
        "arbeidstilsynt": "arbeidstilsynet",
        "sykefravar": "sykefravær",
        "hjemmekontoret": "hjemmekontor",
    }.items():
        assert SYNONYMS[typo] == target
    for key, target in {
        "kva": "hva",
        "kor": "hvor",
        "kven": "hvem",
        "korleis": "hvordan",
        "ikkje": "ikke",
        "eg": "jeg",
        "tilsette": "ansatte",
        "fleire": "flere",
        "undersøkinga": "undersøkelsen",
        "blei": "ble",
        "vore": "vært",
        "sjukefråvær": "sykefravær",
        "tillitsvalde": "tillitsvalgte",
    }.items():
        assert NYNORSK[key] == target, key
    assert len(NYNORSK) >= 60


# --------------------------------------------------------------------------- consistency of the maps


def test_no_entry_maps_to_itself():
    for name, mapping in (("synonyms", SYNONYMS), ("nynorsk", NYNORSK), ("abbreviations", ABBREVIATIONS)):
        for key, target in mapping.items():
            assert key.lower() != target.lower(), f"{name}: {key!r} maps to itself"


def test_no_key_with_two_targets():
    seen: dict[str, tuple[str, str]] = {}
    for name, mapping in (("synonyms", SYNONYMS), ("nynorsk", NYNORSK), ("abbreviations", ABBREVIATIONS)):
        for key, target in mapping.items():
            k = key.lower()
            if k in seen:
                other_map, other_target = seen[k]
                assert other_target.lower() == target.lower(), (
                    f"{key!r}: {other_map} -> {other_target!r}, {name} -> {target!r}"
                )
            seen[k] = (name, target)


@pytest.mark.parametrize("rule", sorted(NORMALISERS))
def test_targets_are_stable(rule):
    """Applying the maps to a target leaves it unchanged (no chains, no growth like 'covid-19-19')."""
    normalise = NORMALISERS[rule]
    for key, target in {**NYNORSK, **SYNONYMS}.items():
        assert normalise(target) == target, f"{key!r} -> {target!r} -> {normalise(target)!r}"
    for target in ABBREVIATIONS.values():
        lowered = target.lower()
        assert normalise(lowered) == lowered, target


def test_normalisation_examples():
    assert NORMALISE("kva seier bht om sjukefråvær") == "hva sier bedriftshelsetjenesten om sykefravær"
    assert NORMALISE("nytte av covid-19-forskriften") == "nytte av covid-19-forskriften"
    assert NORMALISE("kontakt med nav arbeidslivssenteret") == "kontakt med nav arbeidslivssenter"
    assert NORMALISE("hyppig gjentakende fravær") == "hyppig gjentagende sykefravær"
    assert NORMALISE("at det er") == "at det er"


@pytest.mark.parametrize("rule", sorted(NORMALISERS))
def test_lookup_words_survive_normalisation(rule):
    """Group, option, wave and out-of-scope words are written in normalised form, so they still
    match after synonyms and nynorsk forms have been replaced."""
    normalise = NORMALISERS[rule]
    for word in lookup_words():
        assert word == word.lower() == collapse(word), word
        assert normalise(word) == word, f"{word!r} becomes {normalise(word)!r}"


def test_synonym_targets_are_report_terms():
    text = report_lower()
    for key, target in SYNONYMS.items():
        # A verb kept on both sides ("jobber på X" -> "jobber i Y") is context; the part that is
        # replaced must be the report's wording.
        kept, new = key.split(), target.split()
        while len(kept) > 1 and len(new) > 1 and kept[0] == new[0]:
            kept, new = kept[1:], new[1:]
        replaced = " ".join(new)
        if replaced in text:
            continue
        # Otherwise a phrase built from the report's words around one of its word pairs
        # ("har størst utfordringer med": "utfordringer med" is the report's).
        words = set(re.findall(r"[\wæøå-]+", text))
        pairs = [" ".join(new[i : i + 2]) for i in range(len(new) - 1)]
        assert all(w in words for w in new) and any(p in text for p in pairs), (
            f"{key!r} -> {target!r}: {replaced!r} is not the report's wording"
        )


def test_synonym_keys_are_not_report_words():
    """We never rewrite the report's own wording, except a few deliberate spelling normalisations."""
    text = report_lower()
    for key in SYNONYMS:
        if key in REPORT_WORDS_NORMALISED:
            assert re.search(whole_word(key), text), f"{key!r} no longer in the report; drop it from the list"
            continue
        assert not re.search(whole_word(key), text), f"synonym key {key!r} is a word of the report"


def test_nynorsk_keys_are_not_bokmaal_words_of_the_report():
    text = report_lower()
    for key in NYNORSK:
        assert not re.search(whole_word(key), text), f"nynorsk key {key!r} occurs in the (bokmål) report"


# --------------------------------------------------------------------------- groups


def test_size_groups():
    entries = GROUPS["storrelse"]
    keys = [e["key"] for e in entries]
    assert len(keys) == len(set(keys))
    assert {"smallest", "medium", "large", "largest", "one", "2-9"} <= set(keys)
    for e in entries:
        assert e["words"], e["key"]
        assert isinstance(e["min"], int) and e["min"] >= 1
        assert e["max"] is None or (isinstance(e["max"], int) and e["min"] <= e["max"]), e["key"]
    bands = {e["key"]: (e["min"], e["max"]) for e in entries}
    assert bands["smallest"] == (1, 9) and bands["medium"] == (10, 49)
    assert bands["large"] == (50, 199) and bands["largest"] == (200, None)
    assert bands["one"] == (1, 1) and bands["2-9"] == (2, 9)
    assert "store bedrifter" in next(e["words"] for e in entries if e["key"] == "largest")


def test_group_words_unique():
    seen: dict[str, tuple[str, str]] = {}
    for dim, group, word in all_group_words():
        assert word not in seen, f"{word!r} in {seen.get(word)} and {(dim, group)}"
        seen[word] = (dim, group)


def test_landsforening_canonicals_match_tabell_10():
    canon = [e["canonical"] for e in GROUPS["landsforening"]]
    block = table_block(10)
    assert "Mediebedriftenes Landsforening" in block  # line break repaired
    for name in canon:
        assert name in block, name
    assert sorted(canon) == sorted(table_rows(10))
    assert len(canon) == 17


def test_fylke_canonicals_match_tabell_9():
    canon = [e["canonical"] for e in GROUPS["fylke"]]
    block = table_block(9)
    for name in canon:
        assert name in block, name
    assert sorted(canon) == sorted(table_rows(9))


@pytest.mark.parametrize("dim", ["landsforening", "fylke"])
def test_canonical_name_is_a_word_of_its_group(dim):
    for entry in GROUPS[dim]:
        if entry["canonical"] == "Ukjent":
            continue  # bare "ukjent" is too common a word
        plain = re.sub(r"\s*\(.*?\)", "", entry["canonical"]).lower()
        assert plain in entry["words"], entry["canonical"]


@pytest.mark.parametrize("dim", ["landsforening", "fylke"])
def test_groups_agree_with_codebook_register(dim):
    register = next(r for r in CODEBOOK["register_variables"] if r["id"] == dim)
    assert sorted(register["values"]) == sorted(e["canonical"] for e in GROUPS[dim])


# --------------------------------------------------------------------------- options, waves, misc


def published_option_labels() -> set[str]:
    import csv

    labels: set[str] = set()
    for path in (ROOT / "data" / "published").glob("*.csv"):
        with path.open(encoding="utf-8") as f:
            labels |= {row["option"] for row in csv.DictReader(f) if row.get("option")}
    return labels


def test_options_point_to_codebook_labels():
    """Each target is a codebook answer, or a merged answer as a table prints it (Figur 1)."""
    labels = codebook_option_labels() | published_option_labels()
    assert LEXICON["options"]["nyttig"] == ["Nyttig", "Svært nyttig"]
    assert LEXICON["options"]["enig"] == ["Delvis enig", "Helt enig"]
    for word, targets in LEXICON["options"].items():
        assert targets and len(targets) == len(set(targets)), word
        for label in targets:
            assert label in labels, f"options[{word!r}]: {label!r} is not an option label in the codebook"


def test_waves():
    waves = LEXICON["waves"]
    assert set(waves) == {w["id"] for w in CODEBOOK["waves"]}
    words = [w for ws in waves.values() for w in ws]
    assert len(words) == len(set(words))
    assert "tilleggsundersøkelsen" in waves["2022-06"] and "hovedundersøkelsen" in waves["2021-11"]


def test_typo_vocabulary():
    vocab = LEXICON["typo_vocabulary_extra"]
    assert isinstance(vocab, list) and len(vocab) == len(set(vocab))
    text = report_lower()
    for word in vocab:
        assert word == word.lower() and word in text, word


def test_out_of_scope():
    entries = LEXICON["out_of_scope"]
    assert len(entries) >= 8
    seen: set[str] = set()
    used_elsewhere = set(SYNONYMS) | set(NYNORSK) | set(LEXICON["options"])
    used_elsewhere |= {w for _, _, w in all_group_words()}
    used_elsewhere |= {w for ws in LEXICON["waves"].values() for w in ws}
    codebook_terms = {k.lower() for q in CODEBOOK["questions"] for k in q["keywords"]}
    codebook_terms |= {
        a.lower() for q in CODEBOOK["questions"] for i in q["items"] for a in i.get("aliases", [])
    }
    for entry in entries:
        assert set(entry) == {"words", "why"}
        assert entry["words"] and entry["why"].endswith(".") and len(entry["why"]) > 40
        for word in entry["words"]:
            assert word not in seen, word
            assert word not in used_elsewhere, f"out-of-scope word {word!r} is also used elsewhere"
            assert word not in codebook_terms, f"out-of-scope word {word!r} is a codebook keyword/alias"
            seen.add(word)
    assert "sykefraværsprosent" in seen
