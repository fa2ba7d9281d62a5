"""Fiscal years 2569 and 2570, and the OIT items that the site's own measures pages answer."""

from __future__ import annotations

from ita_site.content.framework import SitePage, load_framework


def test_2569_oit_list_is_the_single_source_list() -> None:
    fy2569 = load_framework(2569)
    assert fy2569.oit("O25").title == "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"
    assert fy2569.oit("O26").title == "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert [code for code, item in fy2569.oit_items.items() if item.title is None] == ["O2", "O6", "O7"]
    assert not any(item.verified for item in fy2569.oit_items.values())
    assert fy2569.indicators_verified is False and len(fy2569.indicators) == 10
    assert fy2569.carried_from is None


def test_measures_items_name_the_plan_they_are_answered_by() -> None:
    def pages(year: int) -> dict[str, SitePage]:
        return {code: item.site_page for code, item in load_framework(year).oit_items.items() if item.site_page}

    assert pages(2564) == {"O42": SitePage("plan", 2564), "O43": SitePage("report", 2564)}
    assert pages(2566) == {"O42": SitePage("plan", 2566), "O43": SitePage("report", 2566)}
    assert pages(2569) == {"O25": SitePage("plan", 2569), "O26": SitePage("report", 2568)}
    assert pages(2568) == {} and pages(2567) == {}


def test_2570_carries_2569_over_and_says_so() -> None:
    fy2569, fy2570 = load_framework(2569), load_framework(2570)
    assert fy2570.carried_from == 2569 and fy2570.fiscal_year == 2570
    assert fy2570.indicators == fy2569.indicators and fy2570.tools == fy2569.tools
    assert [(c, i.title) for c, i in fy2570.oit_items.items()] == [(c, i.title) for c, i in fy2569.oit_items.items()]
    assert fy2570.oit("O25").site_page == SitePage("plan", 2570)
    assert fy2570.oit("O26").site_page == SitePage("report", 2569)
    assert "2569" in fy2570.notes["carried_from"]
    assert fy2570.notes["oit_items"] == fy2569.notes["oit_items"]
