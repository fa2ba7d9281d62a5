"""Thai display conventions: Buddhist-era dates, Thai month names, fiscal years and digits.

Content files keep ISO dates and Arabic digits so that they stay machine-readable; everything
the public reads goes through these functions.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

#: Any character of the Unicode Thai block (letters, vowel and tone marks, digits, signs).
THAI_CHARACTER = re.compile("[\u0e00-\u0e7f]")

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")

MONTHS_FULL = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
BE_OFFSET = 543


def to_thai_digits(text: str) -> str:
    """Replace Arabic digits by Thai digits (๙๙.๕๐)."""
    return text.translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    """Replace Thai digits by Arabic digits, so figures typed either way compare equal."""
    return text.translate(_TO_ARABIC)


def digits(text: str, style: str) -> str:
    """Show the digits of ``text`` in the agency's chosen style ("thai" or "arabic")."""
    return to_thai_digits(text) if style == "thai" else to_arabic_digits(text)


def format_score(score: Decimal, style: str = "arabic") -> str:
    """A score with exactly two decimals, as ITA results are published (99.50, not 99.5)."""
    return digits(f"{score:.2f}", style)


def buddhist_year(year_ce: int) -> int:
    """พ.ศ. from ค.ศ."""
    return year_ce + BE_OFFSET


def format_date(value: dt.date, style: str = "arabic", *, short: bool = False) -> str:
    """``1 ตุลาคม 2566`` (or ``1 ต.ค. 2566`` with ``short``) in the agency's digit style."""
    months = MONTHS_SHORT if short else MONTHS_FULL
    text = f"{value.day} {months[value.month - 1]} {buddhist_year(value.year)}"
    return digits(text, style)


def fiscal_year_of(value: dt.date) -> int:
    """The Thai fiscal year (พ.ศ.) a date falls in: 1 October to 30 September."""
    year_be = buddhist_year(value.year)
    return year_be + 1 if value.month >= 10 else year_be


def fiscal_year_bounds(fiscal_year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a Thai fiscal year given in พ.ศ."""
    end_ce = fiscal_year - BE_OFFSET
    return dt.date(end_ce - 1, 10, 1), dt.date(end_ce, 9, 30)


def fiscal_year_label(fiscal_year: int, style: str = "arabic") -> str:
    """``ปีงบประมาณ พ.ศ. 2567``."""
    return digits(f"ปีงบประมาณ พ.ศ. {fiscal_year}", style)
