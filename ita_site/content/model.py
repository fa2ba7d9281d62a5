"""The typed content model: what an agency's disclosure is made of.

Each content file validates into one of the top-level models below. Field names are the YAML
keys staff type, so the JSON Schema (``ita-site schema``) doubles as their reference.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Score = Annotated[Decimal, Field(allow_inf_nan=False)]
Number = Annotated[str, StringConstraints(pattern=r"^[0-9]+(?:\.[0-9]+)*$")]
ToolCode = Literal["IIT", "EIT", "OIT"]
ToolPart = Literal["public", "survey"]
Status = Literal["not_started", "in_progress", "done", "delayed", "cancelled"]
WebUrl = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://[^\s]+$")]

STATUS_LABELS: dict[str, str] = {
    "not_started": "ยังไม่เริ่ม",
    "in_progress": "กำลังดำเนินการ",
    "done": "ดำเนินการแล้วเสร็จ",
    "delayed": "ล่าช้า",
    "cancelled": "ยกเลิก",
}


class Model(BaseModel):
    """Strict base: unknown keys are errors, because a misspelt key would silently vanish."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class SourceNote(Model):
    """A correction made while transcribing the source, recorded so readers can see it."""

    id: Slug
    kind: Literal["misspelling", "editorial", "other"] = "other"
    text: Text


class Contradiction(Model):
    """Where the source document disagrees with itself. Kept, shown, and reported by checks."""

    id: Slug
    field: str | None = None
    indicator: int | None = None
    value: Decimal | None = None
    source_says: Decimal | None = None
    quote: str | None = None
    note: Text


class Contact(Model):
    address: str | None = None
    phone: str | None = None
    email: str | None = None


class Agency(Model):
    """``content/agency.yaml``: who publishes the site."""

    id: Slug
    name: Text
    short_name: str | None = None
    aliases: list[Text] = []
    type: Text
    district: Text
    province: Text
    website: str | None = None
    contact: Contact = Contact()
    digits: Literal["thai", "arabic"] = "thai"
    updated: dt.date | None = None
    source_notes: list[SourceNote] = []


class Overall(Model):
    score: Score
    level: Text


class IndicatorScore(Model):
    number: int
    score: Score


class Analysis(Model):
    """The agency's own reading of its results, as prose."""

    summary: str | None = None
    urgent_heading: str | None = None
    urgent: str | None = None


class ToolResult(Model):
    """What the assessors said per tool (IIT, EIT and its parts, OIT)."""

    tool: ToolCode
    part: ToolPart | None = None
    score: Score | None = None
    maintain: list[int] = []
    improve: list[int] = []
    text: str | None = None

    @property
    def key(self) -> str:
        return f"{self.tool}-{self.part}" if self.part else self.tool


class Question(Model):
    """A low-scoring assessment question and its score."""

    id: Slug
    tool: ToolCode
    indicator: int
    code: str | None = None
    text: Text
    score: Score


class OitRef(Model):
    """An OIT item cited in a recommendation, with the code exactly as the text writes it.

    ``numbering`` names the framework year whose numbering the code follows when that is not the
    assessment's own year; ``meaning`` says what the text refers to when no catalogue item fits.
    """

    code: Text
    numbering: int | None = None
    meaning: str | None = None


class Recommendation(Model):
    id: Slug
    tool: ToolCode
    part: ToolPart | None = None
    indicator: int | None = None
    question: Slug | None = None
    text: Text
    oit_refs: list[OitRef] = []


class Weakness(Model):
    """A weakness the agency derived from its results; measures answer it by id."""

    id: Slug
    indicator: int | None = None
    title: Text
    urgent: bool = False
    text: str | None = None
    questions: list[Slug] = []
    recommendations: list[Slug] = []


class Assessment(Model):
    """``content/assessments/<year>.yaml``: one fiscal year's ITA result."""

    fiscal_year: int = Field(ge=2500, le=2700)
    overall: Overall
    indicators: list[IndicatorScore]
    analysis: Analysis = Analysis()
    tools: list[ToolResult] = []
    questions: list[Question] = []
    recommendations: list[Recommendation] = []
    weaknesses: list[Weakness] = []
    contradictions: list[Contradiction] = []
    source_notes: list[SourceNote] = []


class Evidence(Model):
    """A document that proves something was done or published: a file under content/files/ or a web address.

    ``file`` is relative to the content folder (e.g. ``files/2566/o1-structure.pdf``); the site copies it
    to the same path, so its address never changes while the file keeps its name.
    """

    title: str | None = None
    file: str | None = None
    url: WebUrl | None = None
    published: dt.date | None = None

    @model_validator(mode="after")
    def _one_target(self) -> Evidence:
        if (self.file is None) == (self.url is None):
            raise ValueError("ใส่ file หรือ url อย่างใดอย่างหนึ่ง / give exactly one of file or url")
        return self


class Progress(Model):
    """One dated progress report on a measure: what was done by then, and the evidence."""

    date: dt.date
    status: Status
    percent: int | None = Field(default=None, ge=0, le=100)
    text: Text
    evidence: list[Evidence] = []


class Step(Model):
    number: Number
    text: Text


class Period(Model):
    start: dt.date
    end: dt.date


class Measure(Model):
    """One measure of a plan. Owner, steps and dates fall back to the plan's."""

    id: Slug
    number: Number
    title: Text
    text: str | None = None
    addresses: list[Slug] = []
    indicators: list[int] = []
    owner: str | None = None
    steps: list[Step] | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    status: Status | None = None
    progress: list[Progress] = []

    @field_validator("addresses", "indicators")
    @classmethod
    def _no_repeats(cls, value: list) -> list:
        if len(set(value)) != len(value):
            raise ValueError("ซ้ำกัน / repeated")
        return value


class Plan(Model):
    """``content/plans/<year>.yaml``: the measures an agency will take in a fiscal year."""

    fiscal_year: int = Field(ge=2500, le=2700)
    based_on: int | None = Field(default=None, ge=2500, le=2700)
    title: Text
    intro: str | None = None
    owner: str | None = None
    period: Period | None = None
    steps: list[Step] = []
    measures: list[Measure] = []
    contradictions: list[Contradiction] = []
    source_notes: list[SourceNote] = []

    def owner_of(self, measure: Measure) -> str | None:
        return measure.owner or self.owner

    def steps_of(self, measure: Measure) -> list[Step]:
        return measure.steps if measure.steps is not None else self.steps

    def start_of(self, measure: Measure) -> dt.date | None:
        return measure.start or (self.period.start if self.period else None)

    def end_of(self, measure: Measure) -> dt.date | None:
        return measure.end or (self.period.end if self.period else None)


class OitEntry(Model):
    """What the agency publishes for one OIT item: its own title for it, the documents and when."""

    code: Text
    title: str | None = None
    published: dt.date | None = None
    documents: list[Evidence] = []
    notes: str | None = None


class OitEvidence(Model):
    """``content/oit/<year>.yaml``: the agency's OIT evidence for one fiscal year, item by item."""

    fiscal_year: int = Field(ge=2500, le=2700)
    items: list[OitEntry] = []
