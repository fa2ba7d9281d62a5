"""Charts must be valid, accessible, honest about their axis, and safe with staff-written text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from ita_site.site.charts import Band, Bar, bar_chart, trend_chart
from ita_site.site.levels import chart_bands

SVG = "{http://www.w3.org/2000/svg}"
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
BANDS = (
    Band("AA", "ผ่านดีเยี่ยม", Decimal("95.00"), Decimal("100.00")),
    Band("A", "ผ่านดีมาก", Decimal("85.00"), Decimal("94.99")),
    Band("B", "ผ่านดี", Decimal("75.00"), Decimal("84.99")),
)


def thai(d: Decimal) -> str:
    return f"{d:.2f}".translate(THAI_DIGITS)


def indicator_bars() -> list[Bar]:
    values = ["99.12", "98.54", "100.00", "99.87", "98.90", "99.45", "100.00", "98.76", "100.00", "99.50"]
    return [
        Bar(f"ตัวชี้วัดที่ {i + 1} การใช้ทรัพย์สินของราชการ".translate(THAI_DIGITS), Decimal(v))
        for i, v in enumerate(values)
    ]


def demo_bar(**overrides: object) -> str:
    args: dict[str, object] = dict(
        chart_id="ita-2566",
        title="คะแนนรายตัวชี้วัด",
        description="คะแนนแยกตามตัวชี้วัด",
        bars=indicator_bars(),
        bands=BANDS,
        fmt=thai,
    )
    args.update(overrides)
    return bar_chart(**args)  # type: ignore[arg-type]


def demo_trend(**overrides: object) -> str:
    args: dict[str, object] = dict(
        chart_id="trend",
        title="คะแนนรวมรายปี",
        description="คะแนนรวมย้อนหลังสามปี",
        points=[("๒๕๖๔", Decimal("91.20")), ("๒๕๖๕", Decimal("96.84")), ("๒๕๖๖", Decimal("99.41"))],
        bands=BANDS,
        fmt=thai,
    )
    args.update(overrides)
    return trend_chart(**args)  # type: ignore[arg-type]


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def svg_of(figure: ET.Element) -> ET.Element:
    svg = figure.find(f"{SVG}svg")
    assert svg is not None
    return svg


def texts(figure: ET.Element) -> list[ET.Element]:
    return list(figure.iter(f"{SVG}text"))


def joined(element: ET.Element) -> str:
    return "".join(element.itertext())


def by_class(figure: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    return [e for e in figure.iter(f"{SVG}{tag}") if cls in e.get("class", "").split()]


def caption(figure: ET.Element) -> str:
    cap = figure.find("figcaption")
    assert cap is not None
    return joined(cap)


@pytest.mark.parametrize("make", [demo_bar, demo_trend])
def test_accessible_figure_structure(make) -> None:
    figure = parse(make())
    assert figure.tag == "figure"
    assert figure.get("class") == "ita-chart"
    svg = svg_of(figure)
    assert svg.get("role") == "img"
    ids = svg.get("aria-labelledby", "").split()
    assert len(ids) == 2
    title, desc = list(svg)[:2]
    assert (title.tag, desc.tag) == (f"{SVG}title", f"{SVG}desc")
    assert [title.get("id"), desc.get("id")] == ids
    assert title.text
    assert desc.text
    assert caption(figure).startswith(title.text)
    view_box = svg.get("viewBox", "")
    assert re.fullmatch(r"0 0 \d+ [\d.]+", view_box)
    assert view_box.split()[2:] == [svg.get("width"), svg.get("height")], "drawn at natural size: units are CSS px"
    assert "max-width:100%" in svg.get("style", "") and "height:auto" in svg.get("style", ""), "shrinks, never grows"
    assert "font-family:inherit" in svg.get("style", "")


@pytest.mark.parametrize("make", [demo_bar, demo_trend])
def test_every_text_is_at_least_12px(make) -> None:
    for text in texts(parse(make())):
        assert float(text.get("font-size", "0")) >= 12, joined(text)


@pytest.mark.parametrize("make", [demo_bar, demo_trend])
def test_every_drawn_number_goes_through_fmt(make) -> None:
    figure = parse(make())
    assert texts(figure)
    for text in texts(figure):
        assert not re.search(r"[0-9]", joined(text)), joined(text)
    assert not re.search(r"[0-9]", caption(figure))
    desc = svg_of(figure).find(f"{SVG}desc")
    assert desc is not None and not re.search(r"[0-9]", desc.text or "")


def test_one_bar_per_input_with_its_value_printed() -> None:
    bars = indicator_bars()
    figure = parse(demo_bar(bars=bars))
    assert len(by_class(figure, "rect", "ita-chart-bar")) == len(bars)
    values = [joined(t) for t in by_class(figure, "text", "ita-chart-value")]
    assert values == [thai(bar.value) for bar in bars]
    labels = [joined(t) for t in by_class(figure, "text", "ita-chart-label")]
    assert labels == [bar.label for bar in bars]


def test_bar_lengths_follow_values() -> None:
    bars = [Bar("ก", Decimal("50")), Bar("ข", Decimal("100")), Bar("ค", Decimal("0"))]
    figure = parse(bar_chart(chart_id="c", title="t", description="d", bars=bars))
    widths = [float(r.get("width", "nan")) for r in by_class(figure, "rect", "ita-chart-bar")]
    assert widths[2] == 0
    assert widths[0] == pytest.approx(widths[1] / 2, abs=0.1)


def test_high_scores_get_a_raised_axis_that_is_stated() -> None:
    bars = [Bar("ก", Decimal("97")), Bar("ข", Decimal("98.5")), Bar("ค", Decimal("100"))]
    figure = parse(bar_chart(chart_id="c", title="t", description="d", bars=bars, bands=BANDS))
    ticks = [joined(t) for t in by_class(figure, "text", "ita-chart-tick")]
    axis_min = Decimal(ticks[0])
    assert 0 < axis_min < 97
    assert ticks[-1] == "100"
    note = caption(figure)
    assert f"แกนเริ่มที่ {axis_min}" in note
    assert f"{axis_min}–100" in note
    widths = [float(r.get("width", "nan")) for r in by_class(figure, "rect", "ita-chart-bar")]
    assert widths[0] / widths[2] < 0.8  # differences are visible, unlike on a 0-100 axis
    assert by_class(figure, "path", "ita-chart-break")


def test_explicit_axis_min_is_used() -> None:
    bars = [Bar("ก", Decimal("97")), Bar("ข", Decimal("100"))]
    figure = parse(bar_chart(chart_id="c", title="t", description="d", bars=bars, axis_min=Decimal("80")))
    assert joined(by_class(figure, "text", "ita-chart-tick")[0]) == "80"
    assert "แกนเริ่มที่ 80" in caption(figure)


def test_spread_out_scores_keep_a_zero_axis_without_a_note() -> None:
    bars = [Bar("ก", Decimal("40")), Bar("ข", Decimal("100"))]
    figure = parse(bar_chart(chart_id="c", title="ชื่อ", description="d", bars=bars, bands=BANDS))
    assert joined(by_class(figure, "text", "ita-chart-tick")[0]) == "0"
    assert caption(figure) == "ชื่อ"
    assert not by_class(figure, "path", "ita-chart-break")


def test_bands_are_labelled_once_and_only_when_on_the_axis() -> None:
    figure = parse(demo_bar())  # axis 90-100: AA and part of A are shown, B is not
    legend = [joined(t) for t in by_class(figure, "text", "ita-chart-legend")]
    assert legend == ["A ผ่านดีมาก ๘๕.๐๐–๙๔.๙๙", "AA ผ่านดีเยี่ยม ตั้งแต่ ๙๕.๐๐"]
    plain = parse(bar_chart(chart_id="c", title="t", description="d", bars=[Bar("ก", Decimal("99"))], bands=BANDS))
    assert "AA ผ่านดีเยี่ยม ตั้งแต่ 95" in [joined(t) for t in by_class(plain, "text", "ita-chart-legend")]


def test_rating_year_bands_are_ranges_with_reference_lines_at_85_and_95() -> None:
    """From 2566 a level is not a score range: the chart shows the scheme's thresholds, no letter."""
    figure = parse(demo_bar(bands=chart_bands(2566), bars=[Bar("ก", Decimal("80.00")), Bar("ข", Decimal("99.00"))]))
    legend = [joined(t) for t in by_class(figure, "text", "ita-chart-legend")]
    assert legend == ["ช่วงคะแนน ๐.๐๐–๘๔.๙๙", "ช่วงคะแนน ๘๕.๐๐–๙๔.๙๙", "ช่วงคะแนน ตั้งแต่ ๙๕.๐๐"]
    assert [b.min for b in chart_bands(2565)][:2] == [Decimal("95.00"), Decimal("85.00")]
    assert chart_bands(2565)[0].code == "AA"


def test_user_text_is_escaped() -> None:
    evil = "<script>alert('x')</script> & \"q\""
    markup = bar_chart(
        chart_id="c",
        title=evil,
        description=evil,
        bars=[Bar(evil, Decimal("99"))],
    )
    assert "<script" not in markup
    figure = parse(markup)
    assert not [e for e in figure.iter() if e.tag.endswith("script")]
    label = by_class(figure, "text", "ita-chart-label")[0]
    assert joined(label) == evil
    trend = trend_chart(chart_id="t", title=evil, description=evil, points=[(evil, Decimal("99")), ("x", Decimal("98"))])
    assert "<script" not in trend
    parse(trend)


def test_charts_contain_no_links() -> None:
    figure = parse(bar_chart(chart_id="c", title="t", description="d", bars=[Bar("ก", Decimal("99"))]))
    assert not list(figure.iter(f"{SVG}a"))


def test_output_is_one_raw_html_block() -> None:
    messy = "บรรทัดแรก\n\n    บรรทัดที่สอง\r\n\tจบ"
    for markup in (
        demo_bar(title=messy, description=messy, bars=[Bar(messy, Decimal("99"))]),
        demo_trend(title=messy, description=messy, points=[(messy, Decimal("99")), ("๒๕๖๖", Decimal("98"))]),
    ):
        lines = markup.split("\n")
        assert all(line.strip() for line in lines)
        assert not [line for line in lines if line.startswith("    ") or line.startswith("\t")]
        assert lines[0].startswith("<figure") and lines[-1] == "</figure>"


def test_markdown_passes_the_chart_through_untouched() -> None:
    markdown = pytest.importorskip("markdown")
    chart = demo_bar()
    html = markdown.markdown(f"ก่อนหน้า\n\n{chart}\n\nถัดไป *เน้น*")
    assert chart in html
    assert "<em>เน้น</em>" in html


def test_output_is_deterministic() -> None:
    assert demo_bar() == demo_bar()
    assert demo_trend() == demo_trend()


@pytest.mark.parametrize("make", [demo_bar, demo_trend])
def test_coordinates_have_fixed_precision(make) -> None:
    markup = make()
    for name, value in re.findall(r' (x|y|x1|x2|y1|y2|cx|cy|width|height)="([^"%]+)"', markup):
        assert re.fullmatch(r"\d+(\.\d)?", value), (name, value)


def test_trend_with_three_points_draws_three_markers_and_a_line() -> None:
    figure = parse(demo_trend())
    assert len(by_class(figure, "circle", "ita-chart-point")) == 3
    lines = by_class(figure, "polyline", "ita-chart-line")
    assert len(lines) == 1
    assert len(lines[0].get("points", "").split()) == 3
    assert [joined(t) for t in by_class(figure, "text", "ita-chart-value")] == ["๙๑.๒๐", "๙๖.๘๔", "๙๙.๔๑"]
    assert [joined(t) for t in by_class(figure, "text", "ita-chart-category")] == ["๒๕๖๔", "๒๕๖๕", "๒๕๖๖"]
    assert "แกนเริ่มที่" in caption(figure)


def test_trend_points_rise_with_value() -> None:
    figure = parse(demo_trend())
    ys = [float(c.get("cy", "nan")) for c in by_class(figure, "circle", "ita-chart-point")]
    assert ys[0] > ys[1] > ys[2]  # SVG y grows downward


@pytest.mark.parametrize("count", [2, 5, 12, 20])
def test_trend_fits_any_number_of_years(count: int) -> None:
    points = [(str(2547 + i).translate(THAI_DIGITS), Decimal(80 + (i * 7) % 20)) for i in range(count)]
    figure = parse(demo_trend(points=points))
    svg = svg_of(figure)
    width = float(svg.get("viewBox", "").split()[2])
    xs = [float(c.get("cx", "nan")) for c in by_class(figure, "circle", "ita-chart-point")]
    assert len(xs) == count
    assert all(0 < x < width for x in xs)
    assert xs == sorted(xs)
    assert len(by_class(figure, "text", "ita-chart-value")) == count


def test_long_labels_wrap_to_the_chart_width() -> None:
    label = "ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูลสาธารณะเกี่ยวกับการบริหารงานบุคคลและการจัดซื้อจัดจ้างประจำปีงบประมาณ"
    figure = parse(bar_chart(chart_id="c", title="t", description="d", bars=[Bar(label, Decimal("99"))]))
    text = by_class(figure, "text", "ita-chart-label")[0]
    lines = [t.text or "" for t in text.iter(f"{SVG}tspan")]
    assert len(lines) > 1
    assert "".join(lines).replace(" ", "") == label.replace(" ", "")
    assert not any(re.match(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0e30\u0e32\u0e33]", line) for line in lines)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("make", [demo_bar, demo_trend])
def test_colours_have_enough_contrast(make) -> None:
    figure = parse(make())
    backgrounds = {"#ffffff"} | {r.get("fill", "") for r in by_class(figure, "rect", "ita-chart-band")}
    marks = by_class(figure, "rect", "ita-chart-bar") + by_class(figure, "circle", "ita-chart-point")
    marks += by_class(figure, "polyline", "ita-chart-line")
    assert marks
    for mark in marks:
        colour = mark.get("fill") if mark.tag.endswith("rect") or mark.tag.endswith("circle") else mark.get("stroke")
        assert all(_contrast(colour or "", bg) >= 3 for bg in backgrounds)
    for text in texts(figure):
        assert all(_contrast(text.get("fill", ""), bg) >= 4.5 for bg in backgrounds), joined(text)


def test_invalid_input_is_rejected() -> None:
    with pytest.raises(ValueError):
        bar_chart(chart_id="bad id", title="t", description="d", bars=[Bar("ก", Decimal("1"))])
    with pytest.raises(ValueError):
        bar_chart(chart_id="c", title="t", description="d", bars=[Bar("ก", Decimal("101"))])
    with pytest.raises(ValueError):
        bar_chart(chart_id="c", title="t", description="d", bars=[])
    with pytest.raises(ValueError):
        bar_chart(chart_id="c", title="t", description="d", bars=[Bar("ก", Decimal("1"))], axis_min=Decimal("100"))
    with pytest.raises(ValueError):
        trend_chart(chart_id="c", title="t", description="d", points=[])


#: 60 % of a 1280×900 desktop screen: the tallest a chart may be, so the page goes on below it.
DESKTOP_SHARE = 0.6 * 900
BODY_TEXT_PX = 16


def test_ten_indicators_fit_well_within_a_desktop_screen() -> None:
    """Drawn at natural size (CSS px), the ten-indicator chart leaves 40 % of a desktop screen for the page."""
    svg = svg_of(parse(demo_bar(bars=[Bar(f"{i} การแก้ไขปัญหาการทุจริต", Decimal("98.54")) for i in range(1, 11)])))
    assert float(svg.get("height", "inf")) <= DESKTOP_SHARE


@pytest.mark.parametrize("make", [demo_bar, demo_trend])
def test_no_text_is_larger_than_body_text(make) -> None:
    sizes = [float(text.get("font-size", "0")) for text in texts(parse(make()))]
    assert max(sizes) <= BODY_TEXT_PX
    labels = by_class(parse(make()), "text", "ita-chart-label") + by_class(parse(make()), "text", "ita-chart-category")
    assert labels and all(float(t.get("font-size", "0")) >= 13 for t in labels)


def test_values_sit_clear_of_the_bands_and_their_lines() -> None:
    """Each value is right-aligned in a column of its own, right of every band and boundary line, so it
    never collides with them however narrow the screen."""
    figure = parse(demo_bar(bars=[Bar("ก", Decimal("90.10")), Bar("ข", Decimal("94.99")), Bar("ค", Decimal("100"))]))
    drawn_right = [float(r.get("x", "0")) + float(r.get("width", "0")) for r in by_class(figure, "rect", "ita-chart-band")]
    drawn_right += [float(line.get("x2", "0")) for line in figure.iter(f"{SVG}line")
                    if line.get("y1") != line.get("y2")]  # upright lines: band boundaries and ticks
    width = float(svg_of(figure).get("width", "0"))
    for value in by_class(figure, "text", "ita-chart-value"):
        assert value.get("text-anchor") == "end"
        left = float(value.get("x", "0")) - len(joined(value)) * 0.66 * float(value.get("font-size", "0"))
        assert left >= max(drawn_right) - 0.5, joined(value)
        assert float(value.get("x", "0")) <= width


def test_long_thai_labels_wrap_between_words() -> None:
    label = "การเปิดเผยข้อมูลข่าวสารของเจ้าหน้าที่ผู้รับผิดชอบในหน่วยงานเกี่ยวกับการจัดซื้อจัดจ้างประจำปี"
    figure = parse(bar_chart(chart_id="c", title="t", description="d", bars=[Bar(label, Decimal("99"))]))
    lines = [t.text or "" for t in by_class(figure, "text", "ita-chart-label")[0].iter(f"{SVG}tspan")]
    assert len(lines) > 1 and "".join(lines) == label
    for word in ("เจ้าหน้าที่", "ผู้รับผิดชอบ", "หน่วยงาน", "จัดซื้อจัดจ้าง"):
        assert any(word in line for line in lines), f"{word} split over two lines: {lines}"


def test_trend_values_are_not_crossed_by_the_level_lines() -> None:
    """Scores just above a threshold (85.60 over the 85 line) put their label where no dashed line runs."""
    points = [("๒๕๖๔", Decimal("72.50")), ("๒๕๖๕", Decimal("85.60")), ("๒๕๖๖", Decimal("90.20")),
              ("๒๕๖๗", Decimal("95.40"))]
    figure = parse(demo_trend(points=points, bands=chart_bands(2566)))
    levels = [float(line.get("y1", "nan")) for line in figure.iter(f"{SVG}line") if line.get("stroke-dasharray")]
    assert levels
    for value in by_class(figure, "text", "ita-chart-value"):
        base, size = float(value.get("y", "nan")), float(value.get("font-size", "0"))
        top, bottom = base - 1.1 * size, base + 0.25 * size  # Sarabun's reach, Thai marks included
        assert not [y for y in levels if top <= y <= bottom], joined(value)
