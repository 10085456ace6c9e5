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

from ingest.textnorm import fix_ocr_digits


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
_RI = r"(?:\s+\^?REPUBLIK(?:\s+[A-Z.]{1,12}){1,3}?)?"  # "REPUBLIK INDONESIA", OCR: "INDO NESIA", "INDONESTA", "INDONESI.A"
_KIND_PATTERNS = [
    ("PERMA", r"PERATURAN\s+MAHKAMAH\s+AGUNG" + _RI),
    ("PP", r"PERATURAN\s+PEMERINTAH" + _RI),
    ("PERPPU", r"PERATURAN\s+PEMERINTAH\s+PENGGANTI\s+" + _UNDANG2 + _RI),
    ("UU", _UNDANG2 + _RI),
]
_NUM = r"([0-9lIO]{1,4})"
_YEAR = r"\^?([0-9lIOL]{4})"


TITLE_ZONE_CHARS = 2500  # a title (with OCR noise) is never longer
TITLE_START_MAX = 1000  # characters of page furniture that may precede it
TITLE_SLACK = 120  # characters: how far below the first instrument word the title may start
_TITLE_END = (
    r"(?=(?i:\s+DENGAN\s+RAHMAT|\s+PRESIDEN\s+REPUBLIK|\s+KETUA\s+MAHKAMAH|\s+Menimbang|\s+MEMUTUSKAN"
    r"|\s+Mengingat|\s+BAB\s+I\b|\s+Pasal\s+1\b)|\s*$)"
)


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
    # a paper citing "UNDANG-UNDANG NOMOR 11 TAHUN 2012 TENTANG ..." far into its text is not that act
    if first is not None and first.start() < TITLE_START_MAX:
        start = first.start()
        cut = re.search(r"\b(?:Menimbang|Mengingat)\b", head[start:])
        end = start + cut.start() if cut else len(head)
        found = _title_match(head[start : min(end, start + TITLE_ZONE_CHARS)], strict=True)
    else:
        found = None
    # the title is at the top of the zone (headers may repeat "UNDANG-UNDANG REPUBLIK INDONESIA" once);
    # an instrument named further down is one the title cites, read when the title itself is damaged
    if found and found[1].start() > TITLE_SLACK:
        found = None
    if found is None:
        # a title in title case ("Undang-Undang Republik Indonesia Nomor 11 Tahun 2012 tentang ..."),
        # accepted only at the very top of the text
        top = head.lstrip()[:TITLE_ZONE_CHARS]
        loose = _title_match(top, strict=False)
        # nothing in running text before it ("Penelitian ini membahas Undang-Undang Nomor ..." is a paper)
        found = loose if loose and loose[1].start() <= TITLE_SLACK and not re.search(r"[a-z]", top[: loose[1].start()]) else None
    if found is None:
        return None
    kind, m = found
    number = fix_ocr_digits(m.group(1))
    year = int(fix_ocr_digits(m.group(2)))
    subject = m.group(3).strip()
    if kind == "PERPPU":
        return Identity(f"PERPPU {number}/{year}", "UU", number, year, _title_case(kind, number, year, subject))
    return Identity(f"{kind} {number}/{year}", kind, number, year, _title_case(kind, number, year, subject))


def _title_match(zone: str, strict: bool) -> tuple[str, re.Match] | None:
    """The earliest "<KIND> NOMOR n TAHUN y TENTANG subject" in the zone. Strict: in capitals, as titles are
    set; a cited act in running text ("Undang-undang Nomor 15 Tahun 1969 tentang ...") is not."""
    best: tuple[str, re.Match] | None = None
    for kind, pat in _KIND_PATTERNS:
        rx = (
            pat + rf"\s*(?:NOMOR|NO\.)[\s._]*{_NUM}[\s.]*TAH[UV]N\s*{_YEAR}(?:\s+\2)?[\s.]*TENT\s?ANG\s+(.{{3,700}}?)" + _TITLE_END
        )
        m = re.search(rx, zone, 0 if strict else re.I)
        if m and (best is None or m.start() < best[1].start()):
            best = (kind, m)
    return best


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
