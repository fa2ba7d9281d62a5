"""The rating rules per fiscal year, at their edges: letters by the total until 2565, the Rating Score after."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ita_site.content.rating import SchemeKind, Status, evaluate, judge, scheme_for, weighted_total

D = Decimal
ALL_95 = {"IIT": D("95.00"), "EIT": D("95.00"), "OIT": D("95.00")}


def _level(year: int, total: str, **tools: str) -> str | None:
    scheme = scheme_for(year)
    assert scheme is not None
    rule = evaluate(scheme, D(total), {k: D(v) for k, v in tools.items()}).level
    return rule.label if rule else None


@pytest.mark.parametrize(("total", "code"), [("84.99", "B"), ("85.00", "A"), ("94.99", "A"), ("95.00", "AA"),
                                              ("100.00", "AA"), ("49.99", "F")])
def test_2564_letters_follow_the_total_alone(total: str, code: str) -> None:
    scheme = scheme_for(2564)
    assert scheme is not None and scheme.kind is SchemeKind.LETTERS
    level = evaluate(scheme, D(total), {"EIT": D("10.00")}).level
    assert level is not None and level.code == code


@pytest.mark.parametrize("year", [2566, 2568])
@pytest.mark.parametrize(("total", "tools", "label"), [
    ("95.00", {"IIT": "95.00", "EIT": "95.00", "OIT": "95.00"}, "ผ่านดีเยี่ยม"),
    ("94.99", {"IIT": "95.00", "EIT": "95.00", "OIT": "95.00"}, "ผ่านดี"),
    ("96.00", {"IIT": "99.00", "EIT": "94.99", "OIT": "99.00"}, "ผ่านดี"),
    ("96.00", {"IIT": "99.00", "EIT": "84.99", "OIT": "99.00"}, "ผ่าน"),
    ("85.00", {"IIT": "85.00", "EIT": "85.00", "OIT": "85.00"}, "ผ่านดี"),
    ("85.00", {"IIT": "85.00", "EIT": "84.99", "OIT": "85.00"}, "ผ่าน"),
    ("84.99", {"IIT": "99.00", "EIT": "99.00", "OIT": "99.00"}, "ต้องปรับปรุง"),
    ("70.00", {}, "ต้องปรับปรุง"),
    ("69.99", {}, "ต้องปรับปรุงโดยด่วน"),
])
def test_from_2566_the_level_needs_the_total_and_every_tool(year: int, total: str, tools: dict[str, str],
                                                            label: str) -> None:
    assert _level(year, total, **tools) == label


def test_without_tool_scores_the_evaluator_says_what_is_missing() -> None:
    scheme = scheme_for(2566)
    assert scheme is not None
    evaluation = evaluate(scheme, D("99.50"), {"EIT": D("99.00")})
    assert evaluation.level is None
    assert [r.label for r in evaluation.possible] == ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน"]
    assert evaluation.missing_tools == ("IIT", "OIT")


@pytest.mark.parametrize(("year", "total", "tools", "written", "outcome"), [
    (2566, "99.50", {}, "ต้องปรับปรุง", "error"),         # the pass line is verified
    (2566, "99.50", {}, "ผ่านดีเยี่ยม", "agrees"),        # possible without tool scores
    (2566, "99.50", {}, "AA", "error"),                 # letter grades were abolished from 2566
    (2566, "94.34", {"EIT": "84.00"}, "ผ่าน", "agrees"),
    (2566, "94.34", {"EIT": "84.00"}, "ผ่านดี", "error"),
    (2566, "94.34", {}, "ผ่านดีเยี่ยม", "error"),           # the total alone rules it out
    (2566, "96.00", {"OIT": "94.00"}, "ผ่านดีเยี่ยม", "error"),
    (2568, "94.64", {"EIT": "84.50"}, "ผ่าน", "agrees"),  # the State Audit Office's ITA 2568
    (2564, "88.37", {}, "ผ่าน", "note"),                 # 2564 bands are unverified
    (2564, "88.37", {}, "ผ่านดี", "agrees"),
    (2564, "99.00", {}, "AA", "agrees"),
    (2569, "99.50", {}, "ต้องปรับปรุง", "note"),           # 2569 rules stand by continuity only
])
def test_only_a_contradiction_of_a_verified_rule_blocks(year: int, total: str, tools: dict[str, str], written: str,
                                                       outcome: str) -> None:
    scheme = scheme_for(year)
    assert scheme is not None
    judgement = judge(scheme, D(total), {k: D(v) for k, v in tools.items()}, written)
    seen = "agrees" if judgement.broken is None else "error" if judgement.blocks else "note"
    assert seen == outcome


def test_rules_carry_their_status_and_sources() -> None:
    for year in range(2563, 2571):
        scheme = scheme_for(year)
        assert scheme is not None, year
        assert all(rule.sources and isinstance(rule.status, Status) for rule in scheme.rules)
    assert scheme_for(2562) is None and scheme_for(2571) is None
    assert scheme_for(2565).rules[0].status is Status.VERIFIED and scheme_for(2564).rules[0].status is Status.UNVERIFIED
    assert scheme_for(2569).rules[0].status is Status.INFERRED


def test_the_total_follows_the_tool_weights() -> None:
    scheme = scheme_for(2566)
    assert scheme is not None
    assert weighted_total(scheme, {"IIT": D("99.00"), "EIT": D("98.00"), "OIT": D("100.00")}) == D("99.10")
    assert weighted_total(scheme, {"IIT": D("99.00")}) is None
    assert scheme.bands == (D("95.00"), D("85.00"))
    assert scheme_for(2565).bands[:2] == (D("95.00"), D("85.00")) and len(scheme_for(2565).bands) == 6


def test_a_label_several_letter_bands_share_agrees_with_any_of_them() -> None:
    scheme = scheme_for(2564)
    assert scheme is not None
    for total in ("70.00", "60.00", "52.00", "10.00"):
        assert judge(scheme, D(total), {}, "ไม่ผ่าน").broken is None, total
