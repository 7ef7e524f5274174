"""Parse the report's extracted text into passages that keep section, captions, footnotes and pages.

The PDF extraction puts a blank line between text lines, starts a new page with a line that begins with
one space, prints page headers ("R1021796 ► … ► 12") in a few places, glues footnote markers to words
("arbeidslivet1.") and scatters chart data labels as lines of bare numbers. This module undoes what it
can and keeps what it cannot (pages stay unknown unless a header states them).

>>> split_sentences("Det er 44 prosent, jf. figur 4. Resten svarer nei.")
['Det er 44 prosent, jf. figur 4.', 'Resten svarer nei.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .types import Passage

REPORT_PATH = Path(__file__).resolve().parent.parent / "knowledge" / "report.txt"

_HEADER = re.compile(r"^R\d+\s+►.*►\s*(\d+)\s*$")
_CHAPTER = re.compile(r"^ (\d) (\S.*?)\s*$")
_SUBSECTION = re.compile(r"^ ?(\d)\.(\d) (\S.*?)\s*$")
_FOOTNOTE = re.compile(r"^(\d{1,2}) ?([A-ZÆØÅh].*)$")
_NUMERIC_LINE = re.compile(r"^\s*-?\d+(?:[,.]\d+)?\s*%?\s*$")
_AXIS_LINE = re.compile(r"^\s*(?:\d+\s*%?\s+){3,}\d+\s*%?\s*$")
_CAPTION = re.compile(r"^\s*(Figur|Tabell) (\d+)\s+(\S+)")
_CAPTION_VERBS = {"viser", "nedenfor", "under", "oppsummerer", "gir"}
_URL_LINE = re.compile(r"^\s*https?://\S+\s*$")
_FIG_REF = re.compile(r"\b(figur|tabell)\s+(\d+)(?:\s*[–-]\s*(\d+))?", re.IGNORECASE)
_JOIN_WORDS = {"og", "fra", "av", "i", "til", "for", "med", "om"}
_ABBREV = ("m.fl.", "bl.a.", "f.eks.", "jf.", "dvs.", "mv.", "ca.", "nr.", "s.", "mm.", "evt.", "inkl.")

MAX_WORDS = 70


@dataclass
class _Block:
    kind: str  # prose | caption | footnote | table | chart
    section: str
    title: str
    page: int | None
    lines: list[str] = field(default_factory=list)
    label: str | None = None


def _is_heading(line: str, chapter: int) -> tuple[str, str] | None:
    m = _SUBSECTION.match(line)
    if m and int(m.group(1)) == chapter:
        return f"{m.group(1)}.{m.group(2)}", m.group(3)
    m = _CHAPTER.match(line)
    if m and int(m.group(1)) == chapter + 1:
        return m.group(1), m.group(2)
    return None


def dehyphenate(text: str) -> str:
    """Join words broken over lines: 'medarbeider- undersøkelse' → 'medarbeiderundersøkelse',
    but keep real hyphens after capitals and digits ('IA- avtalen' → 'IA-avtalen').

    >>> dehyphenate("Arbeidsmiljø- kartlegging og IA- avtalen")
    'Arbeidsmiljøkartlegging og IA-avtalen'
    """

    def fix(m: re.Match[str]) -> str:
        before, after = m.group(1), m.group(2)
        if after in ("og", "eller", "til"):  # "arbeidsgiver- og arbeidstakersiden"
            return f"{before}- {after}"
        return f"{before}-{after}" if before[-1].isupper() or before[-1].isdigit() else before + after

    return re.sub(r"(\w+)-\s+([a-zæøå]\w*)", fix, text)


def strip_footnote_markers(text: str, numbers: set[int]) -> str:
    """Remove footnote numbers glued to words ('korona3.' → 'korona.')."""

    def fix(m: re.Match[str]) -> str:
        return m.group(1) if int(m.group(2)) in numbers else m.group(0)

    return re.sub(r"([a-zæøåA-ZÆØÅ\.»\)\?])(\d{1,2})(?=[\s\.,;:]|$)", fix, text)


# a sentence giving all companies' share after a group's ("For alle bedriftene sett under ett så er denne andelen …")
ALL_COMPANIES = re.compile(r"^(?:For|Blant) alle (?:bedriftene|bedrifter)\b|\bsett under ett\b", re.IGNORECASE)


def split_sentences(text: str) -> list[str]:
    protected = text
    for i, abbr in enumerate(_ABBREV):
        protected = protected.replace(abbr, f"\x00{i}\x00")
    # a quote's mark for sentences left out («… utfordring. […] 1 av 5 …») ends a sentence, too
    parts = re.split(r"(?<=[.!?])\s+(?=[«A-ZÆØÅ0-9►•])|\s+(?=[►•]\s)|\s*\[…\]\s*", protected)
    out = []
    for part in parts:
        for i, abbr in enumerate(_ABBREV):
            part = part.replace(f"\x00{i}\x00", abbr)
        part = part.strip()
        if part:
            out.append(part)
    return out


def figure_refs(text: str) -> list[str]:
    """Figure/table labels a text refers to, ranges expanded.

    >>> figure_refs("I figur 15–17 viser vi, jf. tabell 2")
    ['Figur 15', 'Figur 16', 'Figur 17', 'Tabell 2']
    """
    refs: list[str] = []
    for kind, a, b in _FIG_REF.findall(text):
        lo, hi = int(a), int(b) if b else int(a)
        for n in range(lo, min(hi, lo + 20) + 1):
            label = f"{kind.capitalize()} {n}"
            if label not in refs:
                refs.append(label)
    return refs


def _is_table_end(line: str) -> bool:
    words = line.split()
    digits = sum(1 for w in words if re.fullmatch(r"[\d,.%–-]+", w))
    capitals = sum(1 for w in words if w[:1].isupper())
    return (
        len(words) >= 9 and digits <= 2 and capitals / len(words) < 0.25 and not line.lstrip().startswith("►")
    )


def _blocks(lines: list[str]) -> tuple[list[_Block], dict[int, int]]:
    """First pass: classify lines into blocks and follow sections and pages."""
    chapter, section, title = 0, "0", "Forord"
    page: int | None = None
    blocks: list[_Block] = []
    footnote_pages: dict[int, int] = {}
    last_footnote = 0
    mode = "prose"  # prose | table | chart | footnote
    last_caption: str | None = None
    i = 0
    n = len(lines)

    def new(kind: str, label: str | None = None) -> _Block:
        b = _Block(kind, section, title, page, label=label)
        blocks.append(b)
        return b

    cur = new("prose")
    while i < n:
        raw = lines[i].rstrip("\n")
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            if raw.startswith(" ") and page is not None and cur.lines:
                # a page that starts with an empty line: page number no longer known
                page = None
                cur = new(mode, label=cur.label if mode == "table" else None)
            if mode == "footnote":
                mode = "prose"
                cur = new("prose")
            i += 1
            continue
        header = _HEADER.match(stripped)
        if header:
            # the header stands at the top of its page: what follows is on that page
            page = int(header.group(1))
            if mode in ("chart", "footnote"):
                mode = "prose"
            cur = new(mode, label=cur.label if mode == "table" else None)
            i += 1
            continue
        if raw.startswith(" ") and not raw.startswith("  ") and page is not None:
            # a new page starts; we only know page numbers right after a printed header
            page = None
            if cur.lines:
                cur = new(mode, label=cur.label if mode == "table" else None)
            else:
                cur.page = None
        heading = _is_heading(line, chapter)
        if heading and mode != "footnote":
            section, title = heading
            if "." not in section:
                chapter = int(section)
            # titles broken over lines: "5 Sykefravær og" / "sykefraværsoppfølging"
            j = i + 1
            while j < n and not lines[j].strip():
                j += 1
            if j < n:
                nxt = lines[j].strip()
                last_word = title.split()[-1].lower() if title.split() else ""
                if (last_word in _JOIN_WORDS or title.endswith(":") or len(nxt.split()) <= 2) and not (
                    _is_heading(lines[j].rstrip(), chapter)
                ):
                    title = f"{title} {nxt}"
                    i = j
            title = title.strip()
            mode = "prose"
            cur = new("prose")
            i += 1
            continue
        if _URL_LINE.match(stripped):
            i += 1
            continue
        fm = _FOOTNOTE.match(stripped)
        if fm and last_footnote < int(fm.group(1)) <= last_footnote + 2 and not raw.startswith(" "):
            last_footnote = int(fm.group(1))
            if page is not None:
                footnote_pages[last_footnote] = page
            mode = "footnote"
            cur = new("footnote", label=f"Fotnote {last_footnote}")
            cur.lines.append(fm.group(2))
            i += 1
            continue
        if mode == "footnote":
            if raw.startswith(" "):
                mode = "prose"
                cur = new("prose")
            else:
                cur.lines.append(stripped)
                i += 1
                continue
        if mode == "table" and not _is_table_end(stripped) and not _CAPTION.match(line):
            cur.lines.append(stripped)
            i += 1
            continue
        if section != "8" and (_NUMERIC_LINE.match(stripped) or _AXIS_LINE.match(stripped)):
            if mode != "chart":
                mode = "chart"
                cur = new("chart", label=last_caption)
            cur.lines.append(stripped)
            i += 1
            continue
        if mode == "chart":
            if len(stripped.split()) <= 12 and not stripped.endswith("."):
                cur.lines.append(stripped)
                i += 1
                continue
            mode = "prose"
            cur = new("prose")
        cap = _CAPTION.match(line)
        if cap and cap.group(3).lower() not in _CAPTION_VERBS:
            label = f"{cap.group(1)} {cap.group(2)}"
            last_caption = label
            cb = new("caption", label=label)
            cb.lines.append(stripped)
            j = i + 1
            # caption continues on lines that follow without a blank line
            while (
                j < n
                and lines[j].strip()
                and not lines[j].startswith(" ")
                and not _CAPTION.match(lines[j])
                and not _HEADER.match(lines[j].strip())
            ):
                cb.lines.append(lines[j].strip())
                j += 1
            i = j
            if cap.group(1) == "Tabell":
                mode = "table"
                cur = new("table", label=label)
            else:
                mode = "prose"
                cur = new("prose")
            continue
        if mode == "table":
            mode = "prose"
            cur = new("prose")
        cur.lines.append(stripped)
        i += 1
    return [b for b in blocks if b.lines], footnote_pages


def _close_bullets(lines: list[str]) -> list[str]:
    """End a bullet line with a full stop when the next line starts something new, so that
    "► Langvarig sykefravær" does not run into the next sentence."""
    out = list(lines)
    for i, line in enumerate(out[:-1]):
        nxt = out[i + 1]
        if line.startswith(("►", "•")) and not re.search(r"[.!?:;,]$", line) and re.match(r"[►•A-ZÆØÅ]", nxt):
            out[i] = line + "."
    return out


def parse_report(path: Path = REPORT_PATH) -> list[Passage]:
    """Passages of the report: prose windows of whole sentences, captions, footnotes, tables, charts."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks, _ = _blocks(lines)
    footnotes = {int(b.label.split()[1]) for b in blocks if b.kind == "footnote" and b.label}
    passages: list[Passage] = []

    def add(kind: str, b: _Block, text: str, label: str | None = None) -> None:
        text = re.sub(r"\s+", " ", text).strip()
        if not text:
            return
        figs = figure_refs(text)
        if label and label not in figs and label.split()[0] in ("Figur", "Tabell"):
            figs.insert(0, label)
        passages.append(
            Passage(
                id=len(passages),
                section=b.section,
                section_title=b.title,
                text=text,
                kind=kind,
                label=label,
                figures=figs,
                page=b.page,
            )
        )

    # merge consecutive prose blocks of the same section so sentences broken by captions rejoin
    merged: list[_Block] = []
    for b in blocks:
        if (
            b.kind in ("prose", "table")
            and merged
            and merged[-1].kind == b.kind
            and merged[-1].label == b.label
            and merged[-1].section == b.section
            and merged[-1].page == b.page
        ):
            merged[-1].lines.extend(b.lines)
        elif b.kind == "prose" and (before := _broken_sentence(merged, b)) is not None:
            before.lines.extend(
                b.lines
            )  # a sentence broken by a figure and a page break («… fra disse | analysene …»)
        else:
            merged.append(_Block(b.kind, b.section, b.title, b.page, list(b.lines), b.label))
    for b in merged:
        text = dehyphenate(" ".join(_close_bullets(b.lines)))
        if b.kind in ("prose",):
            text = strip_footnote_markers(text, footnotes)
            window: list[str] = []
            count = 0
            for sent in split_sentences(text):
                words = len(sent.split())
                if window and count + words > MAX_WORDS:
                    add("prose", b, " ".join(window))
                    window, count = [], 0
                window.append(sent)
                count += words
            if window:
                add("prose", b, " ".join(window))
        elif b.kind == "caption":
            add("caption", b, strip_footnote_markers(text, footnotes), b.label)
        elif b.kind == "table":
            add("table", b, text, b.label)
        elif b.kind == "chart":
            add("chart", b, text, b.label)
        else:  # footnote
            add("footnote", b, text, b.label)
    for p in passages:
        if p.section == "8" and p.kind == "prose":
            p.kind = "questionnaire"
    return passages


def _broken_sentence(merged: list[_Block], b: _Block) -> _Block | None:
    """The prose block of the same section whose last sentence `b` continues: it ends without a full stop and
    `b` starts in lower case, with only captions, charts and tables in between."""
    first = next((line.strip() for line in b.lines if line.strip()), "")
    if not first[:1].islower():
        return None
    for prev in reversed(merged):
        if prev.section != b.section or prev.kind == "prose":
            last = next((line.strip() for line in reversed(prev.lines) if line.strip()), "")
            ok = prev.section == b.section and prev.kind == "prose" and last and last[-1] not in ".!?:»)"
            return prev if ok else None
    return None


def section_titles(passages: list[Passage]) -> dict[str, str]:
    """Section number → title, in report order."""
    titles: dict[str, str] = {}
    for p in passages:
        titles.setdefault(p.section, p.section_title)
    return titles
