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
    (r"undang-undang\s+dasar(?:\s+negara\s+republik\s+indonesia)?(?:\s+tahun)?\s+1945|uud\s*(?:nri\s*)?(?:tahun\s*)?1945|uud\s*45", "UUD 1945"),
    (r"kuh\s+perdata|kuhperdata|kitab\s+undang-undang\s+hukum\s+perdata|burgerlijk\s+wetboek", "KUHPerdata"),
    (r"kuhap|kitab\s+undang-undang\s+hukum\s+acara\s+pidana", "KUHAP"),
    (r"kha|konvensi\s+hak(?:-hak)?\s+anak|convention\s+on\s+the\s+rights\s+of\s+the\s+child", "KHA"),
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


# "Pasal 76C", "pasal 76 c", and the old code's inserted articles "Pasal 303 bis" (ter, quater)
_NUM = r"\d{1,4}(?:\s+(?:bis|ter|quater)|\s?[a-z])?"
_PASAL = rf"(?:pasal|psl\.?|ps\.?)\s*({_NUM})\b"
_AYAT = r"(?:ayat|ay\.?)\s*\(?\s*(\d{1,2}[a-z]?)\s*\)?"
_HURUF = r"huruf\s+([a-z])\b"


def _norm_num(s: str) -> str:
    m = re.fullmatch(r"(\d+)\s+(bis|ter|quater)", s.strip(), re.I)
    if m:
        return f"{m.group(1)} {m.group(2).lower()}"
    s = s.replace(" ", "")
    return s[:-1] + s[-1].upper() if s[-1].isalpha() else s


def find_doc(text: str) -> tuple[str | None, tuple[int, int] | None]:
    """The instrument named in `text` (canonical id) and where it was named."""
    t = text.lower()
    # "UU No. 11 Tahun 2012", "UU 11/2012", "Undang-Undang Nomor 11 Tahun 2012", "PP 65 tahun 2015"
    for pat, kind in KIND_WORDS:
        m = re.search(
            rf"\b(?:{pat})\b\.?(?:\s+(?:republik\s+indonesia|ri))?\s*(?:(?:no\.?|nomor|nomer|nmr\.?)\s*)?(\d{{1,4}})\s*(?:/|\s+th\.?\s+|\s+tahun\s+|\s+thn\.?\s+|\s+)(\d{{4}})\b",
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
        raise CitationError("kutipan kosong atau terlalu panjang (maksimum 300 karakter)")
    t = " ".join(text.lower().split())
    doc, span = find_doc(t)
    rest = t if span is None else t[: span[0]] + " " + t[span[1]:]
    m = re.search(_PASAL, rest)
    pasal = _norm_num(m.group(1)) if m else None
    if pasal is None:
        # "310 KUHP", "76c uu 35/2014": a bare number next to the instrument
        m2 = re.fullmatch(rf"\s*({_NUM})\s*", rest) or re.search(r"(?:^|\s)(\d{1,4}(?:\s+(?:bis|ter|quater)|[a-z])?)(?=\s|$)", rest)
        if m2 and doc:
            pasal = _norm_num(m2.group(1))
    if pasal is None:
        raise CitationError(f"nomor pasal tidak ditemukan dalam {text!r}; tulis misalnya 'UU 11/2012 Pasal 7 ayat (2)' atau '310 KUHP'")
    ma = re.search(_AYAT, rest)
    mh = re.search(_HURUF, rest)
    return Citation(doc or default_doc, pasal, ma.group(1) if ma else None, mh.group(1) if mh else None)


_MENTION = re.compile(
    rf"{_PASAL}(?:\s*{_AYAT})?(?:\s*{_HURUF})?",
    re.I,
)


def doc_mentions(text: str) -> list[tuple[int, int, str]]:
    """Every place an instrument is named, as (start, end, canonical id), in order."""
    t = text.lower()
    found: list[tuple[int, int, str]] = []
    for pat, kind in KIND_WORDS:
        for m in re.finditer(
            rf"\b(?:{pat})\b\.?(?:\s+(?:republik\s+indonesia|ri))?\s*(?:(?:no\.?|nomor|nomer|nmr\.?)\s*)?(\d{{1,4}})\s*(?:/|\s+th\.?\s+|\s+tahun\s+|\s+thn\.?\s+|\s+)(\d{{4}})\b",
            t,
        ):
            found.append((m.start(), m.end(), f"{kind} {int(m.group(1))}/{m.group(2)}"))
    for pat, doc in ALIASES:
        for m in re.finditer(rf"\b(?:{pat})\b", t):
            found.append((m.start(), m.end(), doc))
    found.sort()
    out: list[tuple[int, int, str]] = []
    for f in found:  # drop mentions inside a longer one ("kuhp" inside "kuhp baru")
        if out and f[0] < out[-1][1]:
            if f[1] - f[0] > out[-1][1] - out[-1][0]:
                out[-1] = f
            continue
        out.append(f)
    return out


_TAIL = re.compile(r"^(?:\s*(?:,|dan|serta|atau|jo\.?|(?:ayat|huruf|angka|butir)\s*\(?[0-9a-z]{1,3}\)?|\(\d{1,2}[a-z]?\)))*\s*")


def find_citations(text: str) -> list[tuple[Citation, tuple[int, int]]]:
    """Every article mentioned in a free text, with the instrument it belongs to.

    The instrument is the one named right after the mention ("Pasal 76C UU 35/2014", "Pasal 80
    ayat (1), (2) UU 35/2014"), or for a chain joined by "jo."/"dan" the one after the chain, else
    the nearest one named before it in the preceding text ("KUHP ... khususnya Pasal 310").
    """
    out: list[tuple[Citation, tuple[int, int]]] = []
    low = text.lower()
    docs = doc_mentions(text)
    mentions = list(_MENTION.finditer(low))
    for k, m in enumerate(mentions):
        pasal = _norm_num(m.group(1))
        ayat, huruf = m.group(2), m.group(3)
        doc = None
        # after: skip ayat/huruf lists and, for "Pasal A jo. Pasal B UU X", the rest of the chain
        pos = m.end()
        j = k
        while True:
            pos += _TAIL.match(low[pos:]).end()
            nxt = mentions[j + 1] if j + 1 < len(mentions) else None
            if nxt is not None and nxt.start() == pos:
                j += 1
                pos = nxt.end()
                continue
            break
        after = next((d for d in docs if d[0] == pos or (d[0] > m.end() and d[0] <= pos + 2)), None)
        if after is not None:
            doc = after[2]
        else:
            before = [d for d in docs if d[1] <= m.start() and m.start() - d[1] <= 200]
            # only the part of the text since the previous sentence break matters most, but legal prose often
            # names the act once and lists articles after it: take the nearest one before
            if before:
                doc = before[-1][2]
        out.append((Citation(doc, pasal, ayat, huruf), m.span()))
    return out
