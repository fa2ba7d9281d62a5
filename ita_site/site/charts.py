"""Score charts drawn at build time as inline SVG.

The charts need no JavaScript or network access, so pages keep working when
printed or opened from disk. Output is one raw-HTML block (no blank lines, no
indented lines) so Markdown passes it through untouched, and it is
deterministic so rebuilding unchanged content yields identical pages.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from ita_site.site.line_breaks import thai_words

__all__ = ["Band", "Bar", "bar_chart", "trend_chart"]


@dataclass(frozen=True)
class Band:
    """A score range drawn behind a chart: a letter band (AA 95.00-100.00 "ผ่านดีเยี่ยม") or, with no code, a plain range."""

    code: str
    label: str
    min: Decimal
    max: Decimal


@dataclass(frozen=True)
class Bar:
    """One labelled score. Charts carry no links: an image must not contain interactive
    content, and the data table printed beside every chart links each row instead."""

    label: str
    value: Decimal


# Drawing units are CSS pixels: a chart is drawn at its natural size (as wide as a phone's content
# column), shrinks to fit a narrower column and never grows, so its text stays at body size on every
# screen and a chart of ten rows fits well within a desktop screen.
_WIDTH = 360
_PAD = 8
_LABEL_SIZE = 16  # the body text size
_LABEL_LINE = 20
_VALUE_SIZE = 14
_LEGEND_SIZE = 14
_LEGEND_LINE = 18
_TICK_SIZE = 12
_TRACK_H = 16
_BAR_H = 10
_ROW_GAP = 6
_VALUE_GAP = 8
# How far Sarabun's glyphs (Thai marks included) reach above and below the baseline, in em.
_ASCENT = 1.1
_DESCENT = 0.25
_PLOT_H = 160
_SCALE_TOP = Decimal(100)

# Colours are explicit attributes so they survive printing and dark themes.
_BACKGROUND = "#ffffff"
_INK = "#1a1a1a"  # 17:1 on white, >= 12:1 on every tint
_MUTED_INK = "#404040"
_BAR_FILL = "#1f4e79"  # 8.7:1 on white, >= 6.5:1 on every tint
_AXIS = "#595959"  # 7:1 on white
_BOUNDARY = "#6b6b6b"  # 5.3:1 on white
# Light tints for level bands, best level first.
_TINTS = ("#d8eedd", "#e3eef9", "#fbf0cf", "#fde3cf", "#f7d9d9", "#eadff3", "#e8e8e8")

_CHART_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_THAI_MARK = frozenset(
    [0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)]
)  # vowel and tone marks drawn above or below the previous letter
_THAI_TRAILING = frozenset([0x0E30, 0x0E32, 0x0E33, 0x0E45])  # never start a line
_THAI_LEADING = frozenset(range(0x0E40, 0x0E45))  # never end a line
_STEPS = tuple(Decimal(s) for s in ("0.5", "1", "2", "2.5", "5", "10", "20", "25", "50"))

Fmt = Callable[[Decimal], str]


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    bars: Sequence[Bar],
    bands: Sequence[Band] = (),
    fmt: Fmt = str,
    axis_min: Decimal | None = None,
) -> str:
    """Horizontal bars, one row per score, over tinted level bands.

    Each label sits above its bar so long Thai labels fit a phone screen, and
    each value sits in a column of its own right of the plot, clear of the
    bands and their boundary lines. When ``axis_min`` is omitted and all
    scores are high, the axis starts near the lowest score so small differences stay visible; the caption says where
    the axis starts so the chart stays honest. Every drawn number goes through
    ``fmt`` (e.g. to show Thai digits); labels are drawn as given.
    """
    _check_id(chart_id)
    if not bars:
        raise ValueError("bar_chart needs at least one bar")
    for bar in bars:
        _check_score(bar.value, bar.label)
    lo = _auto_axis_min(min(bar.value for bar in bars), bands) if axis_min is None else axis_min
    if not Decimal(0) <= lo < _SCALE_TOP:
        raise ValueError(f"axis_min must be in 0..100, got {axis_min}")
    hi = _SCALE_TOP

    body: list[str] = []
    legend, y = _legend(_sorted_bands(bands), bands, fmt, _PAD, lo, hi)
    body += legend
    values = [fmt(bar.value) for bar in bars]
    px0 = float(_PAD)
    px1 = _WIDTH - _PAD - max(_text_width(v, _VALUE_SIZE) for v in values) - _VALUE_GAP

    def px(v: Decimal) -> float:
        v = min(max(v, lo), hi)
        return px0 + float((v - lo) / (hi - lo)) * (px1 - px0)

    y += 6
    for bar, value in zip(bars, values):
        lines = _wrap(_clean(bar.label), _WIDTH - 2 * _PAD, _LABEL_SIZE)
        tspans = "".join(
            f'<tspan x="{_n(_PAD)}" y="{_n(y + _LABEL_SIZE + i * _LABEL_LINE)}">{_esc(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        body.append(f'<text class="ita-chart-label" font-size="{_LABEL_SIZE}" fill="{_INK}">{tspans}</text>')
        y += len(lines) * _LABEL_LINE + 2
        for band, start, end in _band_spans(bands, lo, hi):
            body.append(
                f'<rect class="ita-chart-band" x="{_n(px(start))}" y="{_n(y)}" '
                f'width="{_n(px(end) - px(start))}" height="{_TRACK_H}" fill="{_tint(band, bands)}"/>'
            )
        for edge in _boundaries(bands, lo, hi):
            body.append(_line(px(edge), y, px(edge), y + _TRACK_H, _BOUNDARY))
        end_x = px(bar.value)
        bar_y = y + (_TRACK_H - _BAR_H) / 2
        body.append(
            f'<rect class="ita-chart-bar" x="{_n(px0)}" y="{_n(bar_y)}" width="{_n(end_x - px0)}" '
            f'height="{_BAR_H}" fill="{_BAR_FILL}"/>'
        )
        body.append(
            f'<text class="ita-chart-value" x="{_n(_WIDTH - _PAD)}" y="{_n(y + _TRACK_H / 2 + 5)}" '
            f'font-size="{_VALUE_SIZE}" font-weight="bold" text-anchor="end" fill="{_INK}">{_esc(value)}</text>'
        )
        y += _TRACK_H + _ROW_GAP

    body.append(_line(px0, y, px1, y, _AXIS))
    for tick in _ticks(lo, hi, (px1 - px0) / float(hi - lo), fmt, horizontal=True):
        x = px(tick)
        label = fmt(tick)
        half = _text_width(label, _TICK_SIZE) / 2
        body.append(_line(x, y, x, y + 4, _AXIS))
        body.append(
            f'<text class="ita-chart-tick" x="{_n(min(max(x, half + 1), _WIDTH - half - 1))}" '
            f'y="{_n(y + 4 + _TICK_SIZE + 2)}" font-size="{_TICK_SIZE}" text-anchor="middle" '
            f'fill="{_MUTED_INK}">{_esc(label)}</text>'
        )
    if lo > 0:
        body.append(_break_mark(px0 + 6, y))
    height = y + 4 + _TICK_SIZE + 2 + 4 + _PAD

    data = "; ".join(f"{_clean(bar.label)} {value}" for bar, value in zip(bars, values))
    return _figure(chart_id, title, description, data, _axis_note(lo, hi, fmt), height, body)


def trend_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    points: Sequence[tuple[str, Decimal]],
    bands: Sequence[Band] = (),
    fmt: Fmt = str,
) -> str:
    """A line of scores across fiscal years over tinted level bands.

    Every point is labelled with its value. With many years the year and value
    labels turn vertical so they never overlap on a phone. The score axis
    starts near the lowest score when scores are high, and the caption says so.
    Year labels are drawn as given (pass Thai digits if the site uses them).
    """
    _check_id(chart_id)
    if not points:
        raise ValueError("trend_chart needs at least one point")
    for name, value in points:
        _check_score(value, name)
    lo = _auto_axis_min(min(value for _, value in points), bands)
    hi = _SCALE_TOP
    names = [_clean(name) for name, _ in points]
    values = [fmt(value) for _, value in points]
    count = len(points)

    body: list[str] = []
    legend, top = _legend(list(reversed(_sorted_bands(bands))), bands, fmt, _PAD, lo, hi)
    body += legend
    ticks = _ticks(lo, hi, _PLOT_H / float(hi - lo), fmt, horizontal=False)
    tick_w = max(_text_width(fmt(t), _TICK_SIZE) for t in ticks)
    px0 = _PAD + tick_w + 8
    px1 = float(_WIDTH - _PAD)
    value_w = max(_text_width(v, _VALUE_SIZE) for v in values)
    name_w = max(_text_width(n, _VALUE_SIZE) for n in names)
    label_w = max(value_w, name_w)
    inset = label_w / 2 + 4
    step = (px1 - px0 - 2 * inset) / (count - 1) if count > 1 else 0.0
    dense = count > 1 and step < label_w + 6
    if dense:
        inset = 10.0
        step = (px1 - px0 - 2 * inset) / (count - 1)
    py0 = top + (value_w + 14 if dense else 24)
    py1 = py0 + _PLOT_H

    def py(v: Decimal) -> float:
        return py1 - float((v - lo) / (hi - lo)) * _PLOT_H

    xs = [px0 + inset + i * step for i in range(count)] if count > 1 else [(px0 + px1) / 2]
    ys = [py(value) for _, value in points]

    for band, start, end in _band_spans(bands, lo, hi):
        body.append(
            f'<rect class="ita-chart-band" x="{_n(px0)}" y="{_n(py(end))}" width="{_n(px1 - px0)}" '
            f'height="{_n(py(start) - py(end))}" fill="{_tint(band, bands)}"/>'
        )
    for edge in _boundaries(bands, lo, hi):
        body.append(
            f'<line x1="{_n(px0)}" y1="{_n(py(edge))}" x2="{_n(px1)}" y2="{_n(py(edge))}" '
            f'stroke="{_BOUNDARY}" stroke-width="1" stroke-dasharray="4 3"/>'
        )
    body.append(
        f'<path d="M{_n(px0)} {_n(py0)}V{_n(py1)}H{_n(px1)}" fill="none" stroke="{_AXIS}" stroke-width="1"/>'
    )
    for tick in ticks:
        y = py(tick)
        body.append(_line(px0 - 4, y, px0, y, _AXIS))
        body.append(
            f'<text class="ita-chart-tick" x="{_n(px0 - 6)}" y="{_n(y + 4)}" font-size="{_TICK_SIZE}" '
            f'text-anchor="end" fill="{_MUTED_INK}">{_esc(fmt(tick))}</text>'
        )
    if lo > 0:
        body.append(_break_mark(px0, py1 - 6, vertical=True))
    if count > 1:
        coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in zip(xs, ys))
        body.append(
            f'<polyline class="ita-chart-line" points="{coords}" fill="none" stroke="{_BAR_FILL}" '
            f'stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>'
        )
    halo = 'stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'
    band_lines = [py(edge) for edge in _boundaries(bands, lo, hi)]
    for i, (x, y) in enumerate(zip(xs, ys)):
        body.append(
            f'<circle class="ita-chart-point" cx="{_n(x)}" cy="{_n(y)}" r="4.5" fill="{_BAR_FILL}" '
            f'stroke="#ffffff" stroke-width="1.5"/>'
        )
        if dense:
            below = _label_below(ys, i) and y + 9 + value_w < py1
            vx, vy = x + _VALUE_SIZE * 0.35, y + 9 if below else y - 9
            body.append(
                f'<text class="ita-chart-value" x="{_n(vx)}" y="{_n(vy)}" transform="rotate(-90 {_n(vx)} {_n(vy)})" '
                f'font-size="{_VALUE_SIZE}" font-weight="bold" text-anchor="{"end" if below else "start"}" '
                f'fill="{_INK}" {halo}>{_esc(values[i])}</text>'
            )
            nx, ny = x + _VALUE_SIZE * 0.35, py1 + 8
            body.append(
                f'<text class="ita-chart-category" x="{_n(nx)}" y="{_n(ny)}" transform="rotate(-90 {_n(nx)} {_n(ny)})" '
                f'font-size="{_VALUE_SIZE}" text-anchor="end" fill="{_INK}">{_esc(names[i])}</text>'
            )
            continue
        vy = _value_baseline(y, _label_below(ys, i), band_lines, py0, py1)
        body.append(
            f'<text class="ita-chart-value" x="{_n(x)}" y="{_n(vy)}" font-size="{_VALUE_SIZE}" font-weight="bold" '
            f'text-anchor="middle" fill="{_INK}" {halo}>{_esc(values[i])}</text>'
        )
        body.append(
            f'<text class="ita-chart-category" x="{_n(x)}" y="{_n(py1 + 6 + _VALUE_SIZE)}" font-size="{_VALUE_SIZE}" '
            f'text-anchor="middle" fill="{_INK}">{_esc(names[i])}</text>'
        )
    height = py1 + (8 + name_w if dense else 6 + _VALUE_SIZE + 4) + _PAD

    data = "; ".join(f"{name} {value}" for name, value in zip(names, values))
    return _figure(chart_id, title, description, data, _axis_note(lo, hi, fmt), height, body)


def _figure(
    chart_id: str, title: str, description: str, data: str, note: str, height: float, body: list[str]
) -> str:
    """Wrap drawn elements in an accessible, self-contained figure."""
    desc = " ".join(part for part in (_clean(description), data, note) if part)
    caption = _esc(_clean(title))
    if note:
        caption += f'<span class="ita-chart-axis-note"> — {_esc(note)}</span>'
    lines = [
        f'<figure class="ita-chart" id="{chart_id}">',
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {_WIDTH} {_n(height)}" width="{_WIDTH}" height="{_n(height)}" '
        f'preserveAspectRatio="xMidYMin meet" style="max-width:100%;height:auto;display:block;font-family:inherit">',
        f'<title id="{chart_id}-title">{_esc(_clean(title))}</title>',
        f'<desc id="{chart_id}-desc">{_esc(desc)}</desc>',
        f'<rect x="0" y="0" width="{_WIDTH}" height="{_n(height)}" fill="{_BACKGROUND}"/>',
        *body,
        "</svg>",
        f"<figcaption>{caption}</figcaption>",
        "</figure>",
    ]
    return "\n".join(lines)


def _legend(
    ordered: list[Band], bands: Sequence[Band], fmt: Fmt, y: float, lo: Decimal, hi: Decimal
) -> tuple[list[str], float]:
    """Name each band shown on the axis once, with a swatch matching its tint; returns the rows and their bottom."""
    shown = [b for b in ordered if _visible(b, bands, lo, hi)]
    out: list[str] = []
    x = float(_PAD)
    row_h = 0.0
    limit = _WIDTH - _PAD
    for band in shown:
        text = " ".join(part for part in (_clean(band.code), _clean(band.label), _band_range(band, bands, fmt)) if part)
        lines = _wrap(text, limit - _PAD - 17, _LEGEND_SIZE)
        width = 17 + max(_text_width(line, _LEGEND_SIZE) for line in lines)
        if x > _PAD and (x + width > limit or len(lines) > 1):
            x, y, row_h = float(_PAD), y + row_h, 0.0
        out.append(
            f'<rect x="{_n(x)}" y="{_n(y + 3)}" width="12" height="12" fill="{_tint(band, bands)}" '
            f'stroke="{_AXIS}" stroke-width="1"/>'
        )
        tspans = "".join(
            f'<tspan x="{_n(x + 17)}" y="{_n(y + _LEGEND_SIZE + i * _LEGEND_LINE)}">{_esc(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        out.append(f'<text class="ita-chart-legend" font-size="{_LEGEND_SIZE}" fill="{_INK}">{tspans}</text>')
        row_h = max(row_h, len(lines) * _LEGEND_LINE + 4)
        x += width + 14
    return out, y + row_h


def _band_range(band: Band, bands: Sequence[Band], fmt: Fmt) -> str:
    """Describe a band's range; the top band reads "ตั้งแต่ min" (in words: Sarabun has no "≥")."""
    if band.max >= max(b.max for b in bands):
        return f"ตั้งแต่ {fmt(_plain(band.min))}"
    return f"{fmt(_plain(band.min))}–{fmt(_plain(band.max))}"


def _sorted_bands(bands: Sequence[Band]) -> list[Band]:
    return sorted(bands, key=lambda b: (b.min, b.max))


def _band_spans(bands: Sequence[Band], lo: Decimal, hi: Decimal) -> list[tuple[Band, Decimal, Decimal]]:
    """Each band's drawn extent within the axis, closing rounding gaps like 94.99→95."""
    ordered = _sorted_bands(bands)
    spans = []
    for i, band in enumerate(ordered):
        end = band.max
        if i + 1 < len(ordered) and Decimal(0) <= ordered[i + 1].min - band.max <= 1:
            end = ordered[i + 1].min
        start, end = max(band.min, lo), min(end, hi)
        if start < end:
            spans.append((band, start, end))
    return spans


def _visible(band: Band, bands: Sequence[Band], lo: Decimal, hi: Decimal) -> bool:
    return any(b is band for b, _, _ in _band_spans(bands, lo, hi))


def _boundaries(bands: Sequence[Band], lo: Decimal, hi: Decimal) -> list[Decimal]:
    """Band thresholds strictly inside the axis, drawn as lines so levels do not rely on tint alone."""
    return sorted({b.min for b in bands if lo < b.min < hi})


def _tint(band: Band, bands: Sequence[Band]) -> str:
    rank = sorted(bands, key=lambda b: (b.min, b.max), reverse=True).index(band)
    return _TINTS[rank % len(_TINTS)]


def _auto_axis_min(lowest: Decimal, bands: Sequence[Band]) -> Decimal:
    """Start the axis one step below the band the lowest score falls in.

    High, close scores (e.g. 97-100) are indistinguishable on a 0-100 axis.
    Starting below the lowest score's band threshold keeps that threshold
    visible; if that would still start low, a 0 axis is clearer.
    """
    floor_at = max((b.min for b in bands if b.min <= lowest), default=lowest)
    start = ((floor_at - 5) / 5).to_integral_value(rounding=ROUND_FLOOR) * 5
    return start if start >= 50 else Decimal(0)


def _axis_note(lo: Decimal, hi: Decimal, fmt: Fmt) -> str:
    """Say plainly when the axis is truncated, so bar lengths are not misread."""
    if lo <= 0:
        return ""
    start, end, zero = fmt(_plain(lo)), fmt(_plain(hi)), fmt(Decimal(0))
    return f"แกนคะแนนแสดงช่วง {start}–{end} (แกนเริ่มที่ {start} ไม่ได้เริ่มที่ {zero})"


def _ticks(lo: Decimal, hi: Decimal, px_per_unit: float, fmt: Fmt, *, horizontal: bool) -> list[Decimal]:
    """Choose round tick values whose labels do not collide."""
    for step in _STEPS:
        if (hi - lo) / step > 5:
            continue
        first = (lo / step).to_integral_value(rounding=ROUND_FLOOR) * step
        values = {lo, hi}
        v = first
        while v <= hi:
            if v >= lo:
                values.add(v)
            v += step
        ticks = sorted(_plain(t) for t in values)
        if all(_tick_gap(a, b, fmt, horizontal) <= float(b - a) * px_per_unit for a, b in zip(ticks, ticks[1:])):
            return ticks
    return [_plain(lo), _plain(hi)]


def _tick_gap(a: Decimal, b: Decimal, fmt: Fmt, horizontal: bool) -> float:
    if not horizontal:
        return _TICK_SIZE + 6.0
    return (_text_width(fmt(a), _TICK_SIZE) + _text_width(fmt(b), _TICK_SIZE)) / 2 + 8


def _line(x1: float, y1: float, x2: float, y2: float, colour: str) -> str:
    return f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{colour}" stroke-width="1"/>'


def _break_mark(x: float, y: float, *, vertical: bool = False) -> str:
    """A zigzag on the axis line: the conventional sign that the axis skips from 0."""
    if vertical:
        d = f"M{_n(x - 5)} {_n(y + 3)}L{_n(x + 5)} {_n(y - 1)}M{_n(x - 5)} {_n(y - 1)}L{_n(x + 5)} {_n(y - 5)}"
    else:
        d = f"M{_n(x - 3)} {_n(y + 5)}L{_n(x + 1)} {_n(y - 5)}M{_n(x + 1)} {_n(y + 5)}L{_n(x + 5)} {_n(y - 5)}"
    return f'<path class="ita-chart-break" d="{d}" fill="none" stroke="{_AXIS}" stroke-width="1.5"/>'


def _value_baseline(y: float, below_first: bool, band_lines: list[float], top: float, bottom: float) -> float:
    """Baseline of the value label of a point at height ``y``: above or below the point (below first when
    its neighbours are higher), on the first spot, moving away from the point, that no band line crosses
    and that stays inside the plot."""
    above, below = y - 9, y + 20

    def fits(base: float) -> bool:
        return base - _VALUE_SIZE * _ASCENT >= top - 12 and base + 3 <= bottom

    def clear(base: float) -> bool:
        return not any(base - _VALUE_SIZE * _ASCENT - 1 <= line <= base + _VALUE_SIZE * _DESCENT + 1
                       for line in band_lines)

    for shift in range(0, 25, 3):
        candidates = (below + shift, above - shift) if below_first else (above - shift, below + shift)
        for base in candidates:
            if fits(base) and clear(base):
                return base
    return below if below_first and fits(below) else above


def _label_below(ys: list[float], i: int) -> bool:
    """Put a value under its point when neighbours are higher, so the line does not cross it."""
    neighbours = [ys[j] for j in (i - 1, i + 1) if 0 <= j < len(ys)]
    return bool(neighbours) and ys[i] > sum(neighbours) / len(neighbours)


def _check_id(chart_id: str) -> None:
    if not _CHART_ID.fullmatch(chart_id):
        raise ValueError(f"chart_id must be letters, digits, '-' or '_' starting with a letter: {chart_id!r}")


def _check_score(value: Decimal, what: str) -> None:
    if not Decimal(0) <= value <= _SCALE_TOP:
        raise ValueError(f"score {value} for {what!r} is outside 0..100")


def _clean(text: str) -> str:
    """Collapse whitespace so staff-written newlines cannot end the raw HTML block."""
    return " ".join(_CONTROL.sub("", text).split())


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _n(x: float) -> str:
    """Fixed-precision coordinate, so output is byte-for-byte repeatable."""
    s = f"{x:.1f}"
    return "0.0" if s == "-0.0" else s


def _plain(d: Decimal) -> Decimal:
    """Drop trailing zeros (95.00 → 95) without switching to exponent notation."""
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


def _char_width(ch: str) -> float:
    code = ord(ch)
    if code in _THAI_MARK:
        return 0.0
    if ch == " ":
        return 0.3
    if ch in ".,:;|!'ilI()[]":
        return 0.32
    if 0x0E00 <= code <= 0x0E7F:
        return 0.64
    return 0.62


def _text_width(text: str, size: float) -> float:
    """Estimated drawn width; SVG text does not wrap, so labels are broken by estimate."""
    return sum(_char_width(ch) for ch in text) * size


def _clusters(word: str) -> list[str]:
    """Split a word into pieces that may be broken between without splitting a Thai syllable's marks."""
    pieces: list[str] = []
    for ch in word:
        code = ord(ch)
        joins = pieces and (
            code in _THAI_MARK or code in _THAI_TRAILING or ord(pieces[-1][-1]) in _THAI_LEADING
        )
        if joins:
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return pieces


def _wrap(text: str, width: float, size: float) -> list[str]:
    """Greedy line breaking at spaces, then between Thai words as a reader sees them (the browser's own
    dictionary, see :func:`line_breaks.thai_words`), and between letter clusters only inside a word wider
    than the whole line."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if _text_width(candidate, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for unit in thai_words(word):
            pieces = _clusters(unit) if _text_width(unit, size) > width else [unit]
            for piece in pieces:
                if line and _text_width(line + piece, size) > width:
                    lines.append(line)
                    line = ""
                line += piece
    if line or not lines:
        lines.append(line)
    return lines
