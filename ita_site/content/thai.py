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


# What keeps its Arabic digits on a Thai-digit site, because it is typed or followed rather than read:
# web addresses (https://x.go.th/2566/o12, www.x.go.th/2566), e-mail addresses, and ids and codes (eit-6-1,
# O13, E1: Latin letters with digits, hyphens or dots, which staff type into ITAS as they are). A figure after
# a space or Thai text is none of them. Each alternative starts only where its run of characters starts, so
# the scan stays linear however long a line is.
_KEPT_AS_TYPED = re.compile(
    r"(?:https?://|mailto:|www\.)[!-~]+"
    r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*"
)


def digits(text: str, style: str) -> str:
    """Show the digits of ``text`` in the agency's chosen style ("thai" or "arabic"); web and e-mail addresses,
    ids and codes keep theirs."""
    if style != "thai":
        return to_arabic_digits(text)
    out, last = [], 0
    for match in _KEPT_AS_TYPED.finditer(text):
        out += [to_thai_digits(text[last:match.start()]), match.group()]
        last = match.end()
    out.append(to_thai_digits(text[last:]))
    return "".join(out)


def format_score(score: Decimal, style: str = "arabic") -> str:
    """A score with exactly two decimals, as ITA results are published (99.50, not 99.5)."""
    return digits(f"{score:.2f}", style)


def buddhist_year(year_ce: int) -> int:
    """พ.ศ. from ค.ศ."""
    return year_ce + BE_OFFSET


#: ISO dates are written in ค.ศ.; a year past this is a พ.ศ. year typed by habit (2567-09-30).
BUDDHIST_ERA_FROM = 2400
_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")


def christian_era_date(written: str) -> str | None:
    """The ISO date meant by one written with a พ.ศ. year (``2567-09-30`` -> ``2024-09-30``), else None."""
    match = _ISO_DATE.match(written)
    if match is None or int(match.group(1)) <= BUDDHIST_ERA_FROM:
        return None
    fixed = f"{int(match.group(1)) - BE_OFFSET:04d}-{match.group(2)}-{match.group(3)}"
    try:
        dt.date.fromisoformat(fixed)
    except ValueError:
        return None
    return fixed


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
