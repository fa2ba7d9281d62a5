"""How an ITA result is rated, per fiscal year: the rules as data (frameworks/ratings.yaml), one evaluator.

Letter grades (AA-F, by the total alone) belong to 2563-2565. From 2566 the NACC's Rating Score
depends on the total and on each tool's score: ผ่านดีเยี่ยม needs the total and every tool at 95 or
more, ผ่านดี at 85 or more, and a total of 85 or more otherwise is ผ่าน. The evaluator uses what the
content gives (the total only, or the total and tool scores) and, where it cannot decide, says which
tool scores are missing. Every rule carries its verification status, so a check can follow the
evidence: only a contradiction of a verified rule blocks publication.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import cache
from importlib.resources import files

import yaml

TOOLS = ("IIT", "EIT", "OIT")
_CENT = Decimal("0.01")


class Status(StrEnum):
    """How well a rule is established."""

    VERIFIED = "verified"
    SINGLE_SOURCE = "single-source"
    INFERRED = "inferred"
    UNVERIFIED = "unverified"


class SchemeKind(StrEnum):
    LETTERS = "letters"
    RATING = "rating"


@dataclass(frozen=True)
class Rule:
    """One level of a year's scheme: the least total it needs and, from 2566, the least score of every tool."""

    label: str
    total_min: Decimal
    tools_min: Decimal | None
    code: str | None
    status: Status
    sources: tuple[str, ...]
    rule_th: str

    def matches(self, written: str) -> bool:
        """Staff may write the Thai label, or (letter years) the letter code."""
        wanted = _plain(written)
        return wanted == _plain(self.label) or (self.code is not None and wanted == self.code.casefold())


@dataclass(frozen=True)
class Scheme:
    """A fiscal year's rating scheme: its rules best first, its pass line and the tool weights of the total."""

    year: int
    kind: SchemeKind
    rules: tuple[Rule, ...]
    pass_min: Decimal | None
    pass_status: Status
    weights: Mapping[str, Decimal]
    weights_status: Status

    @property
    def bands(self) -> tuple[Decimal, ...]:
        """The totals where a level starts, for chart reference lines: every band for letters, 85 and 95 after."""
        if self.kind is SchemeKind.LETTERS:
            return tuple(r.total_min for r in self.rules if r.total_min > 0)
        return tuple(sorted({r.tools_min for r in self.rules if r.tools_min is not None}, reverse=True))


@dataclass(frozen=True)
class Evaluation:
    """What the rules say of a result: the level they give, or the levels still possible and why."""

    possible: tuple[Rule, ...]
    missing_tools: tuple[str, ...]

    @property
    def level(self) -> Rule | None:
        """The one level the result has, or None when the content lacks the tool scores to decide."""
        return self.possible[0] if len(self.possible) == 1 else None


@dataclass(frozen=True)
class Judgement:
    """A stated level against the rules: None for ``broken`` when it agrees."""

    evaluation: Evaluation
    stated: Rule | None
    broken: Rule | None
    status: Status | None

    @property
    def blocks(self) -> bool:
        """Only a contradiction of a verified rule stops publication."""
        return self.broken is not None and self.status is Status.VERIFIED


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _status(table: Mapping[object, str] | str, year: int) -> Status:
    if isinstance(table, str):
        return Status(table)
    return Status(table.get(year, table["default"]))


@cache
def _data() -> dict:
    text = files("ita_site.content").joinpath("frameworks", "ratings.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def scheme_for(year: int) -> Scheme | None:
    """The rating scheme of fiscal year ``year`` (พ.ศ.), or None for a year no rule is known for."""
    data = _data()
    entry = next((s for s in data["schemes"] if s["years"][0] <= year <= s["years"][1]), None)
    if entry is None:
        return None
    weights = data["weights"]
    has_weights = weights["years"][0] <= year <= weights["years"][1]
    rules = tuple(Rule(label=r["label"], total_min=Decimal(r["total_min"]),
                       tools_min=Decimal(r["tools_min"]) if r.get("tools_min") else None, code=r.get("code"),
                       status=_status(r["status"], year), sources=tuple(r["sources"]), rule_th=r.get("rule_th", ""))
                  for r in entry["rules"])
    return Scheme(year=year, kind=SchemeKind(entry["kind"]), rules=rules,
                  pass_min=Decimal(entry["pass_min"]) if entry.get("pass_min") else None,
                  pass_status=_status(entry.get("pass_status", "unverified"), year),
                  weights={t: Decimal(w) for t, w in weights["tools"].items()} if has_weights else {},
                  weights_status=_status(weights["status"], year) if has_weights else Status.UNVERIFIED)


def evaluate(scheme: Scheme, total: Decimal, tools: Mapping[str, Decimal]) -> Evaluation:
    """The levels ``total`` and the known tool totals allow, best first; a level is decided when one is left."""
    possible = []
    missing = tuple(t for t in TOOLS if t not in tools)
    for rule in scheme.rules:
        if total < rule.total_min:
            continue
        if rule.tools_min is not None and any(score < rule.tools_min for score in tools.values()):
            continue
        possible.append(rule)
        if rule.tools_min is None or not missing:
            break  # a rule that needs no tool score, or one every tool score satisfies, is the best
    return Evaluation(possible=tuple(possible), missing_tools=missing if len(possible) > 1 else ())


def judge(scheme: Scheme, total: Decimal, tools: Mapping[str, Decimal], written: str) -> Judgement:
    """The stated level ``written`` against the rules, with the status of the rule it breaks (if any).

    A label of another scheme (a letter grade after 2566) breaks the resolution that abolished it; a
    level the total and tool scores rule out breaks the weakest rule that excludes it.
    """
    evaluation = evaluate(scheme, total, tools)
    named = [r for r in scheme.rules if r.matches(written)]  # letter years give ไม่ผ่าน to four bands
    agreeing = [r for r in named if r in evaluation.possible]
    if agreeing:
        return Judgement(evaluation, agreeing[0], None, None)
    stated = named[0] if named else None
    if stated is None:
        best = evaluation.possible[0]
        return Judgement(evaluation, None, best, best.status if scheme.kind is SchemeKind.RATING else Status.UNVERIFIED)
    # The stated level is ruled out: by the total (its total_min, or a level the total passes beyond) or
    # by a tool score below its tools_min. The evidence is that of the rules involved, the weakest first.
    involved = [stated, evaluation.possible[0]]
    if scheme.pass_min is not None and (stated.total_min >= scheme.pass_min) != (total >= scheme.pass_min):
        status = scheme.pass_status  # one side of the pass line, the other side written
    else:
        status = min((r.status for r in involved), key=_STRENGTH.index)
    return Judgement(evaluation, stated, evaluation.possible[0], status)


_STRENGTH = [Status.UNVERIFIED, Status.INFERRED, Status.SINGLE_SOURCE, Status.VERIFIED]


def weighted_total(scheme: Scheme, tools: Mapping[str, Decimal]) -> Decimal | None:
    """The total the year's tool weights give, to 0.01, when every tool's total is known."""
    if not scheme.weights or any(t not in tools for t in scheme.weights):
        return None
    total = sum((scheme.weights[t] * tools[t] for t in scheme.weights), Decimal(0)) / sum(scheme.weights.values())
    return total.quantize(_CENT, rounding=ROUND_HALF_UP)
