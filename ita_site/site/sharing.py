"""How a page looks when a link to it is shared: its description, Open Graph tags and the share image.

The image shows the agency, the fiscal year, the overall score and the stated level. It is drawn at build
time with Pillow (raqm shapes the Thai) from the Sarabun files the site already ships, so it needs no network
and the same content always gives the same bytes. FreeType reads WOFF2 itself, so no converted copy of the
font is kept.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import lru_cache
from itertools import groupby

from markupsafe import Markup
from PIL import Image, ImageDraw, ImageFont

from ita_site.content import thai
from ita_site.content.project import Project
from ita_site.site.site_assets import ASSETS_DIR

WIDTH, HEIGHT = 1200, 630
_MARGIN = 80
_INK = "#1b1b1b"
_MUTED = "#3d3d3d"
_ACCENT = "#283593"
_BACKGROUND = "#ffffff"
_FONTS = ASSETS_DIR / "fonts"
#: Sarabun is shipped as a Thai and a Latin subset: each character is drawn from the file that has it.
_THAI_SUBSET = range(0x0E01, 0x0E5C)
_ELLIPSIS = "…"


@lru_cache(maxsize=32)
def _font(subset: str, weight: int, size: int) -> ImageFont.FreeTypeFont:
    path = _FONTS / f"sarabun-{subset}-{weight}-normal.woff2"
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


def _runs(text: str) -> Iterator[tuple[str, str]]:
    """``(subset, text)`` runs: Thai letters, marks and digits from the Thai file, the rest from the Latin one."""
    for subset, chars in groupby(text, key=lambda char: "thai" if ord(char) in _THAI_SUBSET else "latin"):
        yield subset, "".join(chars)


def _width(text: str, weight: int, size: int) -> float:
    return sum(_font(subset, weight, size).getlength(run) for subset, run in _runs(text))


def _fitted(text: str, weight: int, size: int, smallest: int) -> tuple[str, int]:
    """The text at the largest size from ``size`` down to ``smallest`` that fits the width; cut with an
    ellipsis when even the smallest does not."""
    room = WIDTH - 2 * _MARGIN
    while size > smallest and _width(text, weight, size) > room:
        size -= 4
    if _width(text, weight, size) <= room:
        return text, size
    low, high = 0, len(text)  # the longest start that fits, found in log(len) measurements
    while low < high:
        middle = (low + high + 1) // 2
        if _width(text[:middle] + _ELLIPSIS, weight, size) <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + _ELLIPSIS, size


def _line(draw: ImageDraw.ImageDraw, y: int, text: str, weight: int, size: int, fill: str,
          smallest: int | None = None) -> None:
    text, size = _fitted(" ".join(text.split()), weight, size, smallest or size)
    x = float(_MARGIN)
    for subset, run in _runs(text):
        font = _font(subset, weight, size)
        draw.text((x, y), run, font=font, fill=fill)
        x += font.getlength(run)


def share_lines(project: Project) -> list[str]:
    """What the share image says, line by line, in the agency's digits: figures as transcribed."""
    style = project.agency.digits
    assessment = project.latest_assessment
    if assessment is None:
        return [project.agency.name, "การเปิดเผยข้อมูลคุณธรรมและความโปร่งใส (ITA)"]
    return [project.agency.name, "ผลการประเมินคุณธรรมและความโปร่งใส (ITA)",
            thai.fiscal_year_label(assessment.fiscal_year, style),
            f"{thai.format_score(assessment.overall.score, style)} คะแนน", f"ระดับ{assessment.overall.level}"]


def share_image(project: Project) -> bytes:
    """The PNG shown beside a shared link."""
    image = Image.new("RGB", (WIDTH, HEIGHT), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 16), fill=_ACCENT)
    lines = share_lines(project)
    _line(draw, 60, lines[0], 700, 60, _INK, smallest=32)
    _line(draw, 160, lines[1], 400, 44, _MUTED, smallest=28)
    if len(lines) > 2:
        _line(draw, 220, lines[2], 400, 44, _MUTED, smallest=28)
        _line(draw, 300, lines[3], 700, 120, _ACCENT, smallest=48)
        _line(draw, 470, lines[4], 700, 64, _INK, smallest=32)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def head_tags(*, title: str, description: str, site_name: str, image_url: str, page_url: str | None,
              with_description: bool = True) -> Markup:
    """The description and Open Graph tags of a page, every value escaped as an attribute; without the
    description tag where the theme already gives one (mkdocs.yml's site_description)."""
    tags = [("name", "description", description)] if with_description else []
    tags += [("property", "og:type", "website"), ("property", "og:locale", "th_TH"),
             ("property", "og:site_name", site_name), ("property", "og:title", title),
             ("property", "og:description", description), ("property", "og:image", image_url),
             ("property", "og:image:width", str(WIDTH)), ("property", "og:image:height", str(HEIGHT))]
    if page_url:
        tags.append(("property", "og:url", page_url))
    return Markup("\n").join(Markup('<meta {}="{}" content="{}">').format(kind, key, " ".join(value.split()))
                             for kind, key, value in tags) + Markup("\n")

