"""Read what Chromium printed into a PDF: its pages, where each page has ink, and the fonts it embeds.

No PDF library or renderer is installed, so this reads the few PDF operators Chromium's PDF writer
(Skia) uses: the graphics state (q Q cm), colours (rg g k and their stroke forms), paths (re m l c v y h)
and what is done with them (f F f* B B* S s, W n for clipping), and text (BT Tf Tm Td TD T* Tj TJ ' ").
Each filled or stroked path and each shown glyph run becomes a box in page coordinates, measured from
the top-left corner in points; white fills (the page's own background) are left out. The boxes are
enough to tell how far down a page the ink reaches, and to draw a map of each page.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Box", "PdfPage", "read_pages", "font_names", "draw_page"]

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
_STREAM = re.compile(rb"^(<<.*?>>)\s*stream\r?\n(.*)\r?\nendstream$", re.S)
_REF = re.compile(rb"(\d+) 0 R")
_TOKEN = re.compile(
    rb"<<|>>|\[|\]|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|/[^\s/\[\]()<>{}%]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'\"*]+")
_NUMBER = re.compile(rb"[-+]?(?:\d+\.?\d*|\.\d+)")


@dataclass(frozen=True)
class Box:
    """A drawn mark, in points from the page's top-left corner."""

    left: float
    top: float
    right: float
    bottom: float
    kind: str  # "text", "fill" or "stroke"


@dataclass
class PdfPage:
    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)

    @property
    def ink_bottom(self) -> float:
        """How far down the page (points from the top) the lowest mark reaches; 0 for a blank page."""
        return max((box.bottom for box in self.boxes), default=0.0)

    @property
    def ink_top(self) -> float:
        return min((box.top for box in self.boxes), default=self.height)


def _objects(data: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(data)}


def _stream(body: bytes) -> bytes:
    match = _STREAM.match(body)
    if match is None:
        return b""
    raw = match.group(2)
    return zlib.decompress(raw) if b"/FlateDecode" in match.group(1) else raw


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """m × n, the PDF way (row vectors): apply m, then n."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _page_objects(objects: dict[int, bytes]) -> list[int]:
    """Page object numbers in reading order, following the page tree from the catalogue."""
    root = next(n for n, body in objects.items() if re.search(rb"/Type\s*/Catalog\b", body))
    pages_ref = re.search(rb"/Pages (\d+) 0 R", objects[root])
    assert pages_ref is not None

    def walk(number: int) -> list[int]:
        body = objects[number]
        if re.search(rb"/Type\s*/Pages\b", body):
            kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)
            return [page for kid in _REF.findall(kids.group(1) if kids else b"") for page in walk(int(kid))]
        return [number]

    return walk(int(pages_ref.group(1)))


def read_pages(data: bytes) -> list[PdfPage]:
    """Every page of a PDF written by Chromium, with the boxes of its marks."""
    objects = _objects(data)
    pages = []
    for number in _page_objects(objects):
        body = objects[number]
        box = re.search(rb"/MediaBox\s*\[\s*([^\]]*)\]", body)
        x0, y0, x1, y1 = (float(v) for v in box.group(1).split()) if box else (0.0, 0.0, 595.0, 842.0)
        page = PdfPage(width=x1 - x0, height=y1 - y0)
        contents = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+ 0 R)", body)
        refs = _REF.findall(contents.group(1)) if contents else []
        stream = b"\n".join(_stream(objects[int(ref)]) for ref in refs)
        _Painter(page).run(stream)
        pages.append(page)
    return pages


def font_names(data: bytes) -> set[str]:
    """The base names of the fonts a PDF embeds, without the subset tag (``ABCDEF+Sarabun-Bold`` → ``Sarabun-Bold``)."""
    return {name.decode("latin-1").split("+", 1)[-1] for name in re.findall(rb"/BaseFont\s*/([^\s/>\]]+)", data)}


class _Painter:
    """Follows a content stream and records the box of each mark it paints."""

    def __init__(self, page: PdfPage) -> None:
        self.page = page
        self.ctm = _IDENTITY
        self.fill_white = False
        self.stroke_white = False
        self.stack: list[tuple[Matrix, bool, bool]] = []
        self.path: list[tuple[float, float]] = []
        self.clipping = False
        self.text_matrix = self.line_matrix = _IDENTITY
        self.font_size = 0.0

    def run(self, stream: bytes) -> None:
        operands: list[bytes] = []
        for token in _TOKEN.findall(stream):
            if _NUMBER.fullmatch(token) or token[:1] in b"/<([]" or token == b">>":
                operands.append(token)
                continue
            self.operator(token.decode("latin-1"), [float(t) for t in operands if _NUMBER.fullmatch(t)])
            operands = []

    def operator(self, op: str, nums: list[float]) -> None:
        if op == "q":
            self.stack.append((self.ctm, self.fill_white, self.stroke_white))
        elif op == "Q" and self.stack:
            self.ctm, self.fill_white, self.stroke_white = self.stack.pop()
        elif op == "cm" and len(nums) == 6:
            self.ctm = _multiply((nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]), self.ctm)
        elif op in ("rg", "g", "k", "sc", "scn"):
            self.fill_white = _is_white(op, nums)
        elif op in ("RG", "G", "K", "SC", "SCN"):
            self.stroke_white = _is_white(op.lower(), nums)
        elif op == "re" and len(nums) == 4:
            x, y, w, h = nums
            self.path += [(x, y), (x + w, y), (x, y + h), (x + w, y + h)]
        elif op in ("m", "l") and len(nums) >= 2 or op in ("c", "v", "y") and len(nums) >= 4:
            self.path += [(nums[i], nums[i + 1]) for i in range(0, len(nums) - 1, 2)]
        elif op in ("W", "W*"):
            self.clipping = True
        elif op in ("f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "n"):
            painted = op != "n" and not self.clipping
            white = self.stroke_white if op in ("S", "s") else self.fill_white
            if painted and not white and self.path:
                self._mark(self.path, self.ctm, "stroke" if op in ("S", "s") else "fill")
            self.path, self.clipping = [], False
        elif op == "BT":
            self.text_matrix = self.line_matrix = _IDENTITY
        elif op == "Tf" and nums:
            self.font_size = nums[-1]
        elif op == "Tm" and len(nums) == 6:
            self.text_matrix = self.line_matrix = (nums[0], nums[1], nums[2], nums[3], nums[4], nums[5])
        elif op in ("Td", "TD") and len(nums) == 2:
            self.text_matrix = self.line_matrix = _multiply((1, 0, 0, 1, nums[0], nums[1]), self.line_matrix)
        elif op in ("Tj", "TJ", "'", '"') and not self.fill_white:
            size = self.font_size
            corners = [(0.0, -0.25 * size), (0.6 * size, -0.25 * size), (0.0, 0.9 * size), (0.6 * size, 0.9 * size)]
            self._mark(corners, _multiply(self.text_matrix, self.ctm), "text")

    def _mark(self, points: list[tuple[float, float]], matrix: Matrix, kind: str) -> None:
        placed = [_apply(matrix, x, y) for x, y in points]
        xs = [x for x, _ in placed]
        ys = [self.page.height - y for _, y in placed]
        left, right = max(min(xs), 0.0), min(max(xs), self.page.width)
        top, bottom = max(min(ys), 0.0), min(max(ys), self.page.height)
        if left < right or top < bottom:
            self.page.boxes.append(Box(left, top, right, bottom, kind))


def _is_white(op: str, nums: list[float]) -> bool:
    if op == "k":
        return len(nums) == 4 and all(v <= 0.01 for v in nums)
    return bool(nums) and all(v >= 0.99 for v in nums)


def draw_page(page: PdfPage, path: Path, scale: float = 1.5) -> None:
    """A PNG map of one page: text runs as dark bars, filled areas grey, strokes as outlines."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (round(page.width * scale), round(page.height * scale)), "white")
    draw = ImageDraw.Draw(image)
    for box in page.boxes:
        rect = [box.left * scale, box.top * scale, max(box.right, box.left + 0.5) * scale,
                max(box.bottom, box.top + 0.5) * scale]
        if box.kind == "text":
            draw.rectangle(rect, fill=(40, 40, 40))
        elif box.kind == "fill":
            draw.rectangle(rect, fill=(200, 200, 200))
        else:
            draw.rectangle(rect, outline=(110, 110, 110))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
