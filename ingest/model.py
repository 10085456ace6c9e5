"""Plain data for parsed legal documents.

Every stage downstream (chunking, indexing, the app) reads only these dataclasses, so a parser
for a new format only has to produce them. Text is kept verbatim (whitespace normalised).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Item:
    """A huruf (a., b.) or angka (1., 2)) inside an ayat or pasal, possibly with nested items."""

    label: str  # "a", "b", "1", "2"
    text: str
    children: list[Item] = field(default_factory=list)


@dataclass
class Ayat:
    """A numbered paragraph "(1)", "(1a)" of a pasal. `text` is the full verbatim text incl. items."""

    number: str  # "1", "1a"
    text: str
    items: list[Item] = field(default_factory=list)


@dataclass
class Pasal:
    """An article. `text` is its whole body verbatim; `ayat` is empty for an article without ayat."""

    number: str  # "7", "76C", "II" (articles of an amending act)
    text: str
    ayat: list[Ayat] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)  # items directly under the pasal (no ayat)
    buku: str | None = None  # "BUKU KEDUA KEJAHATAN" (codes only)
    bab: str | None = None  # "BAB II DIVERSI"
    bagian: str | None = None  # "Bagian Kesatu Umum"
    paragraf: str | None = None  # "Paragraf 1 Hakim Tingkat Pertama"
    penjelasan: str | None = None  # the Penjelasan pasal demi pasal for this article
    status: str = "berlaku"  # "berlaku" | "dihapus"
    amendment: str | None = None  # for articles of an amending act: "diubah" | "disisipkan" | "dihapus"
    warnings: list[str] = field(default_factory=list)  # what the parser had to repair here

    @property
    def heading_path(self) -> list[str]:
        return [h for h in (self.buku, self.bab, self.bagian, self.paragraf) if h]


@dataclass
class Amendment:
    """One numbered instruction of Pasal I of an amending act ("65. Ketentuan Pasal 80 diubah ...")."""

    item: str  # "65"; "" when the instruction number was lost in the source
    instruction: str  # verbatim instruction text
    action: str  # "diubah" | "disisipkan" | "dihapus" | "ditambah"
    targets: list[str]  # pasal numbers affected, e.g. ["76A", ..., "76J"]
    target_units: str = "pasal"  # "pasal" | "bab" | "ayat" | "penjelasan"


@dataclass
class Section:
    """A section of a paper: its heading and its paragraphs in order."""

    heading: str
    paragraphs: list[str]
    level: int = 1


@dataclass
class Footnote:
    marker: str  # "1"
    text: str


@dataclass
class Document:
    """A parsed source: a statute (pasal list) or a paper (sections)."""

    id: str  # canonical id: "UU 11/2012", "KUHP", "PP 65/2015", or a paper id
    title: str
    kind: str  # "UU" | "KUHP" | "PP" | "PERMA" | "paper"
    number: str | None = None
    year: int | None = None
    source_file: str | None = None
    sha256: str | None = None
    menimbang: list[str] = field(default_factory=list)
    mengingat: list[str] = field(default_factory=list)
    pasal: list[Pasal] = field(default_factory=list)
    penjelasan_umum: str | None = None
    amends: list[str] = field(default_factory=list)  # ids of acts this document amends
    amendments: list[Amendment] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)  # papers
    sections: list[Section] = field(default_factory=list)  # papers
    footnotes: list[Footnote] = field(default_factory=list)  # papers
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def get_pasal(self, number: str) -> Pasal | None:
        key = number.upper()
        for p in self.pasal:
            if p.number.upper() == key:
                return p
        return None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def from_dict(d: dict[str, Any]) -> Document:
        def items(xs: list[dict]) -> list[Item]:
            return [Item(x["label"], x["text"], items(x.get("children", []))) for x in xs]

        pasal = []
        for p in d.get("pasal", []):
            p = dict(p)
            p["ayat"] = [Ayat(a["number"], a["text"], items(a.get("items", []))) for a in p.get("ayat", [])]
            p["items"] = items(p.get("items", []))
            pasal.append(Pasal(**p))
        dd = dict(d)
        dd["pasal"] = pasal
        dd["amendments"] = [Amendment(**a) for a in d.get("amendments", [])]
        dd["sections"] = [Section(**s) for s in d.get("sections", [])]
        dd["footnotes"] = [Footnote(**f) for f in d.get("footnotes", [])]
        return Document(**dd)


@dataclass
class Chunk:
    """The unit of retrieval: never spans two pasal. `id` is stable across rebuilds."""

    id: str  # "UU 11/2012|7|2|" (doc|pasal|ayat|part)
    doc: str
    pasal: str | None
    ayat: str | None
    citation: str  # display form: "UU 11/2012 Pasal 7 ayat (2)"
    heading_path: list[str]
    text: str
    kind: str = "pasal"  # "pasal" | "ayat" | "penjelasan" | "paper"
    doc_title: str = ""
    doc_kind: str = ""
    section: str | None = None  # papers
