"""Domain types shared by the pipeline steps."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Route = Literal["data", "text", "none"]
_ATOMS = frozenset({str, int, float, bool, type(None)})  # `copy.deepcopy` returns these as they are


@dataclass
class _Boxed:
    value: Any


def _plain(obj: Any) -> Any:
    """What `dataclasses.asdict` makes of a field's value (a deep copy, dataclasses as dicts), without its
    generic walk for the JSON-like values an answer holds (a chart, rows): about five times faster."""
    kind = type(obj)
    if kind in _ATOMS:
        return obj
    if kind is dict:
        return {_plain(k): _plain(v) for k, v in obj.items()}
    if kind is list:
        return [_plain(v) for v in obj]
    return asdict(_Boxed(obj))["value"]  # anything else exactly as `asdict` copies it


@dataclass
class Source:
    label: str  # "Tabell 3", "Figur 12", "6.2 Tilsyn, veiledning og dialog med Arbeidstilsynet", "Vedlegg 2"
    section: str | None = None
    page: int | None = None
    quote: str | None = None


@dataclass
class Passage:
    id: int
    section: str  # "6.2"
    section_title: str
    text: str
    kind: str = "prose"  # prose | caption | footnote | table | questionnaire | bullets
    label: str | None = None  # "Figur 4", "Tabell 3", "Fotnote 9" for captions/footnotes
    figures: list[str] = field(default_factory=list)  # figure/table labels the passage refers to
    page: int | None = None

    @property
    def section_label(self) -> str:
        if self.section == "0":
            return self.section_title  # "Forord" has no number
        return f"{self.section} {self.section_title}".strip()


@dataclass
class Question:
    """A user question after normalisation and understanding."""

    raw: str
    text: str  # normalised text
    intent: str = (
        "figure"  # figure | compare | rank | method | questionnaire | explain | out_of_scope | empty
    )
    question_id: str | None = None
    question_score: float = 0.0
    runner_up: float = 0.0  # the ranker's probability for the next-best question
    question_lex: float = 0.0  # the lexical part of the match: how much of the wording the question covers
    items: list[str] = field(default_factory=list)
    focus_item: str | None = None  # a ranking asked about one item against the others: where it stands
    group_dim: str | None = None  # storrelse | landsforening | fylke
    group_key: str | None = None  # smallest | medium | large | largest | one | 2-9 (size) or canonical name
    group_keys: list[str] = field(default_factory=list)  # two or more size groups named: a comparison
    group_labels: list[str] = field(default_factory=list)  # those groups as the table's bands (set by route)
    options: list[str] = field(default_factory=list)
    option_word: str | None = None
    contrast: list[str] = field(
        default_factory=list
    )  # two answers set against each other ("mer eller mindre")
    wave: str | None = None
    measure: str = "share"  # share | n | mean
    method_topic: str | None = None
    out_of_scope_reason: str | None = None
    inherited: list[str] = field(default_factory=list)
    context: str = ""  # a follow-up's earlier question (normalised): the topic the new words refine
    votes: dict[int, float] = field(
        default_factory=dict
    )  # question-bank targets → share of the nearest phrasings


@dataclass
class Suggestion:
    label: str  # short button text
    question: str  # the question the button asks


@dataclass
class Answer:
    question: str
    route: Route
    answerable: bool
    answer: str
    sources: list[Source] = field(default_factory=list)
    sql: str | None = None
    data: list[dict[str, Any]] | None = None
    chart: dict[str, Any] | None = None
    caveats: list[str] = field(default_factory=list)
    latency_ms: float = 0.0
    confidence: float = 1.0  # calibrated 0–1: how sure the assistant is that it answered what was asked
    suggestions: list[Suggestion] = field(default_factory=list)  # only when it asks back
    verdict: str | None = None  # supported | contradicted | partly | not_in_report, for claim checks
    press: dict[str, str] | None = None  # {text, short, source} for a press-ready answer

    def to_dict(self) -> dict[str, Any]:
        """The answer as JSON-ready dicts and lists (sources and suggestions too), equal to `asdict(self)`."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}
