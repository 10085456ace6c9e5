"""Read a source file of any supported format and recognise which instrument it is.

Every format is reduced to plain text with one logical unit per line, so that one statute parser
serves markdown, HTML and PDF alike. Problems with a file raise `SourceError` with a message that
names the file and says what to do.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path


MAX_FILE_BYTES = 50_000_000  # larger files are refused: no statute comes close
TEXT_SUFFIXES = {".md", ".txt", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES


class SourceError(Exception):
    """A file that cannot be ingested; the message names the file and what to do about it."""


@dataclass
class Identity:
    """What a document is, read from its own title."""

    id: str
    kind: str  # "UU" | "KUHP" | "PP" | "PERMA" | "paper"
    number: str | None
    year: int | None
    title: str


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def decode_text(data: bytes, path: Path, warnings: list[str] | None = None) -> str:
    """UTF-8 first; legacy Windows/Latin-1 text is accepted with a warning; binary is refused."""
    if not data.strip():
        raise SourceError(f"{path}: the file is empty. Replace it with the full text of the document.")
    sample = data[:65536]
    if b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) * 0.05:
        raise SourceError(
            f"{path}: looks like a binary file, not text (control bytes found). "
            "Check that the extension matches the content, or convert it to .txt/.md/.html/.pdf."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if warnings is not None:
            warnings.append(f"{path.name}: not valid UTF-8; read as Windows-1252 (legacy encoding)")
        return text


def read_source_text(path: Path, warnings: list[str] | None = None) -> str:
    """The text of a source file, whatever its format, one logical unit per line."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"{path}: file not found.")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SourceError(
            f"{path}: {size / 1e6:.0f} MB is over the {MAX_FILE_BYTES // 1_000_000} MB limit per file. "
            "Split the document or remove embedded images."
        )
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        from ingest.pdf_text import PdfProblem, extract_pdf_text

        try:
            return extract_pdf_text(path)
        except PdfProblem as e:
            raise SourceError(str(e)) from None
    data = path.read_bytes()
    if suffix in HTML_SUFFIXES:
        return html_to_text(decode_text(data, path, warnings))
    if suffix in TEXT_SUFFIXES:
        return decode_text(data, path, warnings)
    raise SourceError(
        f"{path}: unsupported file type '{suffix}'. Supported: {', '.join(sorted(SUPPORTED))}."
    )


_BLOCKS = {
    "p", "div", "li", "ol", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "center", "td", "tr", "table",
    "br", "hr", "blockquote", "section", "article", "header", "footer", "dt", "dd", "pre", "title",
}


def html_to_text(html: str) -> str:
    """Flatten HTML to lines: block elements and <br> end a line, wrapped source whitespace does not."""
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "head", "noscript"]):
        tag.decompose()
    for s in list(soup.find_all(string=True)):
        if isinstance(s, NavigableString) and type(s) is NavigableString:
            s.replace_with(re.sub(r"\s+", " ", str(s)))
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = [re.sub(r"\s+", " ", l).strip() for l in soup.get_text().split("\n")]
    return "\n".join(l for l in lines if l)


_UNDANG2 = r"UNDANG\s*[-–.]?\s*UNDANG"  # "UNDANG-UNDANG", and the scans' "UNDANG UNDANG", "UNDANG – UNDANG", "UNDANG.UNDANG"
_RI = r"(?:\s+\^?REPUBLIK(?:\s+[A-Z]{1,10}){1,3}?)?"  # "REPUBLIK INDONESIA", OCR: "REPUBLIK INDO NESIA", "INDONESTA"
_KIND_PATTERNS = [
    ("PERMA", r"PERATURAN\s+MAHKAMAH\s+AGUNG" + _RI),
    ("PP", r"PERATURAN\s+PEMERINTAH" + _RI),
    ("PERPPU", r"PERATURAN\s+PEMERINTAH\s+PENGGANTI\s+" + _UNDANG2 + _RI),
    ("UU", _UNDANG2 + _RI),
]
_NUM = r"([0-9lIO]{1,4})"
_YEAR = r"\^?([0-9lIOL]{4})"


TITLE_ZONE_CHARS = 1200


def fix_ocr_digits(token: str) -> str:
    """A number or year in a title where OCR read digits as letters ("2OI7" -> "2017"); plain numbers pass."""
    return token.translate(str.maketrans({"l": "1", "I": "1", "L": "1", "O": "0", "o": "0"})).lstrip("0") or "0"


def identify(text: str, filename: str = "") -> Identity | None:
    """Recognise an instrument from the first page of its text; None means 'treat as a paper'."""
    head = re.sub(r"\s+", " ", text[:4000])
    if re.search(r"BATAS-BATAS\s+BERLAKUNYA\s+ATURAN\s+PIDANA", head[:600], re.I):
        # the old KUHP (Wetboek van Strafrecht) as commonly distributed starts at Buku Kesatu, without a title page
        return Identity("KUHP", "KUHP", None, None, "Kitab Undang-Undang Hukum Pidana")
    if re.search(r"KITAB\s+UNDANG-UNDANG\s+HUKUM\s+PIDANA", head[:1500], re.I) and not re.search(
        r"NOMOR\s+\S+\s+TAHUN\s+2023", head[:1500], re.I
    ):
        if not re.search(r"UNDANG-UNDANG\s+REPUBLIK\s+INDONESIA\s+NOMOR", head[:600], re.I):
            return Identity("KUHP", "KUHP", None, None, "Kitab Undang-Undang Hukum Pidana")
    # The instrument's own title comes before "Menimbang"; instruments named after it (Mengingat, the
    # body) are cited, not identified. Among the titles, the earliest wins: "UNDANG-UNDANG ... TENTANG
    # PENETAPAN PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG ..." is a UU.
    # Scanned copies may repeat "Menimbang" above the title, so the zone starts at the first capitalised
    # instrument word and ends at the first "Menimbang"/"Mengingat" after it.
    first = re.search("|".join(p for _, p in _KIND_PATTERNS), head)
    if first is None:
        return None
    start = first.start()
    cut = re.search(r"\b(?:Menimbang|Mengingat)\b", head[start:])
    end = start + cut.start() if cut else len(head)
    # a paper citing "Undang-Undang Nomor 11 Tahun 2012 tentang ..." far into its text is not that act
    title_zone = head[start : min(end, start + TITLE_ZONE_CHARS)] if start < TITLE_ZONE_CHARS else ""
    best: tuple[int, str, re.Match] | None = None
    for kind, pat in _KIND_PATTERNS:
        # Titles are set in capitals; a cited act in running text ("Undang-undang Nomor 15 Tahun 1969
        # tentang ...") is not, so the kind, NOMOR, TAHUN and TENTANG must be upper case.
        m = re.search(
            pat + rf"\s+(?:NOMOR|NO\.)[\s._]*{_NUM}[\s.]*TAH[UV]N\s*{_YEAR}(?:\s+\2)?[\s.]*TENT\s?ANG\s+(.{{3,700}}?)"
            r"(?=\s+DENGAN\s+RAHMAT|\s+PRESIDEN\s+REPUBLIK|\s+KETUA\s+MAHKAMAH|\s+Menimbang|\s+MEMUTUSKAN|\s+Mengingat|\s+BAB\s+I\b|\s+Pasal\s+1\b|\s*$)",
            title_zone,
        )
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), kind, m)
    if best is None:
        return None
    _, kind, m = best
    number = fix_ocr_digits(m.group(1))
    year = int(fix_ocr_digits(m.group(2)))
    subject = m.group(3).strip()
    if kind == "PERPPU":
        return Identity(f"PERPPU {number}/{year}", "UU", number, year, _title_case(kind, number, year, subject))
    return Identity(f"{kind} {number}/{year}", kind, number, year, _title_case(kind, number, year, subject))
    return None


_KIND_NAMES = {
    "UU": "Undang-Undang",
    "PP": "Peraturan Pemerintah",
    "PERMA": "Peraturan Mahkamah Agung",
    "PERPPU": "Peraturan Pemerintah Pengganti Undang-Undang",
}


def _title_case(kind: str, number: str, year: int, subject: str) -> str:
    subject = re.sub(r"\s+", " ", subject).strip().rstrip(".")
    small = {"dan", "atas", "tentang", "di", "dalam", "yang", "dari", "pada", "untuk", "ke", "atau", "serta"}
    words = []
    for k, w in enumerate(subject.lower().split(" ")):
        if k and w in small:
            words.append(w)
        else:
            words.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return f"{_KIND_NAMES[kind]} Nomor {number} Tahun {year} tentang {' '.join(words)}"
