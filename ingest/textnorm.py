"""Text clean-up shared by every parser: whitespace, extraction artefacts, numbering helpers."""
from __future__ import annotations

import re

_WS = re.compile(r"[ \t\u00a0\u2002-\u200b\u3000]+")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def clean_line(line: str) -> str:
    """Collapse runs of spaces and drop the `__` marks the markdown conversions left behind."""
    line = line.replace("\u00ad", "")
    line = re.sub(r"(?<!\w)_{2,}(?!\w)", " ", line)
    return _WS.sub(" ", line).strip()


def roman_to_int(s: str) -> int:
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = _ROMAN.get(ch, 0)
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def pasal_key(number: str) -> tuple[int, str]:
    """Sort key for article numbers: "76" < "76A" < "76B" < "77"."""
    m = re.match(r"(\d+)\s*([A-Za-z]*)", number)
    if not m:
        return (roman_to_int(number) if re.fullmatch(r"[IVXLC]+", number) else 0, number)
    suffix = m.group(2).lower()
    suffix = {"bis": "~1", "ter": "~2", "quater": "~3"}.get(suffix, suffix.upper())
    return (int(m.group(1)), suffix)


def ayat_key(number: str) -> tuple[int, str]:
    return pasal_key(number)


def fix_ocr_digits(token: str) -> str:
    """A number or year in a title where OCR read digits as letters ("2OI7" -> "2017"). Unlike
    fix_ocr_number (article numbers, where a trailing capital is a real letter: "76C"), every letter
    here stands for a digit."""
    return token.translate(str.maketrans({"l": "1", "I": "1", "L": "1", "O": "0", "o": "0"})).lstrip("0") or "0"


def fix_ocr_number(token: str) -> str:
    """Repair letters typed for digits in an article number ("37l" -> "371", "2O" -> "20", "l0" -> "10")."""
    m = re.fullmatch(r"(I?)([0-9lO]*\d[0-9lO]*)([A-Z]?)", token)
    if not m:
        return token
    digits = ("1" if m.group(1) else "") + m.group(2).replace("l", "1").replace("O", "0")
    return digits + m.group(3)
