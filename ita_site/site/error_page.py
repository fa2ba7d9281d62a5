"""The page a local preview shows instead of the site while the content has errors.

Staff keep the browser open while they edit, so the errors must be where they look; every text on the
page comes from the content or from MkDocs, so all of it is escaped.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from ita_site.content.findings import Finding, sort_findings

_TEXT = {
    "th": {"title": "เนื้อหามีข้อผิดพลาด ยังแสดงเว็บไซต์ไม่ได้",
           "lead": "แก้ไฟล์ตามรายการนี้แล้วบันทึก หน้านี้จะกลับไปที่เว็บไซต์เองเมื่อไม่มีข้อผิดพลาด",
           "hint": "วิธีแก้:"},
    "en": {"title": "The content has errors; the site cannot be shown yet",
           "lead": "Fix the files as listed and save; this page returns to the site by itself once they are fixed.",
           "hint": "Fix:"},
}

_ENV = Environment(loader=PackageLoader("ita_site.site", "templates"), autoescape=True, undefined=StrictUndefined)


def error_page(findings: list[Finding], messages: list[str], lang: str = "th") -> str:
    """The HTML page listing each finding (file:line:column, message, hint) and each message of MkDocs."""
    return _ENV.get_template("error.html.j2").render(
        lang=lang, text=_TEXT[lang], findings=sort_findings(findings), messages=messages)
