"""Citations: the id of a passage, its display form, and parsing of the spellings users type.

Accepted, among others: "UU 11/2012 Pasal 7 ayat (2)", "Pasal 7 UU No. 11 Tahun 2012",
"pasal 76c uu 35/2014", "310 KUHP", "Pasal 27A UU ITE", "psl 80 ayat 1 UU Perlindungan Anak",
"Pasal 433 KUHP baru", "PP 65/2015 pasal 3 huruf b".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Names people use for the instruments of this corpus -> canonical id.
ALIASES: list[tuple[str, str]] = [
    (r"kuhp\s+(?:baru|nasional|2023)|uu\s+kuhp", "UU 1/2023"),
    (r"kuhp(?:\s+lama)?|kitab\s+undang-undang\s+hukum\s+pidana|wetboek\s+van\s+strafrecht", "KUHP"),
    (r"uu\s*sppa|sppa|uu\s+sistem\s+peradilan\s+pidana\s+anak", "UU 11/2012"),
    (r"uu\s*pa|uupa|uu\s+perlindungan\s+anak", "UU 23/2002"),
    (r"uu\s*ite|uu\s+informasi\s+dan\s+transaksi\s+elektronik", "UU 11/2008"),
    (r"perma\s+diversi", "PERMA 4/2014"),
]

KIND_WORDS = [
    (r"peraturan\s+mahkamah\s+agung|perma", "PERMA"),
    (r"peraturan\s+pemerintah\s+pengganti\s+undang-undang|perppu|perpu", "PERPPU"),
    (r"peraturan\s+pemerintah|pp", "PP"),
    (r"undang-undang|undang\s+undang|uu", "UU"),
]


@dataclass(frozen=True)
class Citation:
    """doc is a canonical id ("UU 11/2012", "KUHP"); any part may be None when not given."""

    doc: str | None
    pasal: str | None = None
    ayat: str | None = None
    huruf: str | None = None

    def display(self) -> str:
        parts = [self.doc] if self.doc else []
        if self.pasal:
            parts.append(f"Pasal {self.pasal}")
        if self.ayat:
            parts.append(f"ayat ({self.ayat})")
        if self.huruf:
            parts.append(f"huruf {self.huruf}")
        return " ".join(parts)

    def legal_form(self, doc_title: str | None = None) -> str:
        """The way Indonesian legal writing cites: "Pasal 7 ayat (2) Undang-Undang Nomor 11 Tahun 2012"."""
        head = " ".join(p for p in [f"Pasal {self.pasal}" if self.pasal else "", f"ayat ({self.ayat})" if self.ayat else "", f"huruf {self.huruf}" if self.huruf else ""] if p)
        return f"{head} {doc_title or long_name(self.doc)}".strip()

    def article(self) -> Citation:
        return Citation(self.doc, self.pasal)


def long_name(doc: str | None) -> str:
    if not doc:
        return ""
    m = re.fullmatch(r"(UU|PP|PERMA|PERPPU) (\d+)/(\d{4})", doc)
    if not m:
        return "Kitab Undang-Undang Hukum Pidana" if doc == "KUHP" else doc
    names = {"UU": "Undang-Undang", "PP": "Peraturan Pemerintah", "PERMA": "Peraturan Mahkamah Agung", "PERPPU": "Perppu"}
    return f"{names[m.group(1)]} Nomor {m.group(2)} Tahun {m.group(3)}"


class CitationError(ValueError):
    pass


_PASAL = r"(?:pasal|psl\.?|ps\.?)\s*(\d{1,4}\s?[a-z]?)\b"
_AYAT = r"(?:ayat|ay\.?)\s*\(?\s*(\d{1,2}[a-z]?)\s*\)?"
_HURUF = r"huruf\s+([a-z])\b"


def _norm_num(s: str) -> str:
    s = s.replace(" ", "")
    return s[:-1] + s[-1].upper() if s[-1].isalpha() else s


def find_doc(text: str) -> tuple[str | None, tuple[int, int] | None]:
    """The instrument named in `text` (canonical id) and where it was named."""
    t = text.lower()
    # "UU No. 11 Tahun 2012", "UU 11/2012", "Undang-Undang Nomor 11 Tahun 2012", "PP 65 tahun 2015"
    for pat, kind in KIND_WORDS:
        m = re.search(
            rf"\b(?:{pat})\b\.?\s*(?:(?:no\.?|nomor|nomer|nmr\.?)\s*)?(\d{{1,4}})\s*(?:/|\s+th\.?\s+|\s+tahun\s+|\s+thn\.?\s+|\s+)(\d{{4}})\b",
            t,
        )
        if m:
            return f"{kind} {int(m.group(1))}/{m.group(2)}", m.span()
    for pat, doc in ALIASES:
        m = re.search(rf"\b(?:{pat})\b", t)
        if m:
            return doc, m.span()
    return None, None


def parse_citation(text: str, default_doc: str | None = None) -> Citation:
    """Parse one citation typed by a user. Raises CitationError when no article number is present."""
    if not text or len(text) > 300:
        raise CitationError("citation is empty or too long")
    t = " ".join(text.lower().split())
    doc, span = find_doc(t)
    rest = t if span is None else t[: span[0]] + " " + t[span[1]:]
    m = re.search(_PASAL, rest)
    pasal = _norm_num(m.group(1)) if m else None
    if pasal is None:
        # "310 KUHP", "76c uu 35/2014": a bare number next to the instrument
        m2 = re.fullmatch(r"\s*(\d{1,4}\s?[a-z]?)\s*", rest) or re.search(r"(?:^|\s)(\d{1,4}[a-z]?)(?=\s|$)", rest)
        if m2 and doc:
            pasal = _norm_num(m2.group(1))
    if pasal is None:
        raise CitationError(f"no article number found in {text!r}; write it like 'UU 11/2012 Pasal 7 ayat (2)'")
    ma = re.search(_AYAT, rest)
    mh = re.search(_HURUF, rest)
    return Citation(doc or default_doc, pasal, ma.group(1) if ma else None, mh.group(1) if mh else None)


_MENTION = re.compile(
    rf"{_PASAL}(?:\s*{_AYAT})?(?:\s*{_HURUF})?",
    re.I,
)


def find_citations(text: str) -> list[tuple[Citation, tuple[int, int]]]:
    """Every article mentioned in a free text ("... Pasal 76C jo. Pasal 80 UU 35/2014 ...").

    A mention without an instrument takes the next instrument named after it in the same sentence
    ("Pasal 76C jo. Pasal 80 UU 35/2014"), else the previous one, else None.
    """
    out: list[tuple[Citation, tuple[int, int]]] = []
    low = text.lower()
    for m in _MENTION.finditer(low):
        pasal = _norm_num(m.group(1))
        ayat, huruf = m.group(2), m.group(3)
        tail = low[m.end(): m.end() + 80]
        sentence_end = re.search(r"(?<!\bjo)(?<!\bno)[.;?!]\s", tail)
        window = tail[: sentence_end.start()] if sentence_end else tail
        # stop at the next article mention: its instrument is not ours unless we share it via "jo."/"dan"
        doc, _ = find_doc(window)
        if doc is None:
            head = low[max(0, m.start() - 120): m.start()]
            doc, _ = find_doc(head[-60:]) if re.search(r"(?:uu|undang|kuhp|pp|perma)", head[-60:]) else (None, None)
        out.append((Citation(doc, pasal, ayat, huruf), m.span()))
    return out
