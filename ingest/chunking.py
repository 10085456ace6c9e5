"""Documents -> chunks with citation ids. A chunk never spans two pasal."""
from __future__ import annotations

import re

from ingest.citation import Citation
from ingest.model import Chunk, Document, Item, Pasal

SHORT_PASAL = 900  # characters: a pasal this short is one chunk, longer ones split by ayat
MAX_CHUNK = 1600  # a longer ayat (definitions, long lists) is split at item boundaries
PAPER_TARGET = 900


def chunk_document(doc: Document) -> list[Chunk]:
    if doc.kind == "paper":
        return _paper_chunks(doc)
    out: list[Chunk] = []
    for p in doc.pasal:
        out.extend(pasal_chunks(doc, p))
    return out


def _chunk(doc: Document, p: Pasal, ayat: str | None, text: str, part: int = 0, kind: str = "pasal") -> Chunk:
    cit = Citation(doc.id, p.number, ayat)
    return Chunk(
        id=f"{doc.id}|{p.number}|{ayat or ''}|{kind[0]}{part}",
        doc=doc.id,
        pasal=p.number,
        ayat=ayat,
        citation=cit.display(),
        heading_path=p.heading_path,
        text=text,
        kind=kind,
        doc_title=doc.title,
        doc_kind=doc.kind,
    )


def _definition_chunks(doc: Document, p: Pasal) -> list[Chunk]:
    """'Dalam Undang-Undang ini yang dimaksud dengan: 1. Anak adalah ...': one chunk per defined term,
    cited "Pasal 1 angka 7", so "apa itu diversi?" finds its definition and not a 5,000-character list."""
    lead = p.text.split("\n", 1)[0]
    out = []
    for it in p.items:
        c = _chunk(doc, p, None, f"{lead}\n{it.label}. {it.text}", 0, "pasal")
        c.id = f"{doc.id}|{p.number}||n{it.label}"
        c.citation = f"{c.citation} angka {it.label}"
        out.append(c)
    return out


def pasal_chunks(doc: Document, p: Pasal) -> list[Chunk]:
    out: list[Chunk] = []
    if not p.ayat and p.items and len(p.items) >= 3 and re.search(r"dimaksud\s+dengan\s*:\s*$", p.text.split("\n", 1)[0]):
        out.extend(_definition_chunks(doc, p))
    elif len(p.text) <= SHORT_PASAL or not p.ayat:
        for k, piece in enumerate(_split_items(p.text, p.items)):
            out.append(_chunk(doc, p, None, piece, k))
    else:
        intro = p.text.split("\n(1)", 1)[0] if not p.text.startswith("(1)") else ""
        for a in p.ayat:
            for k, piece in enumerate(_split_items(a.text, a.items)):
                out.append(_chunk(doc, p, a.number, (intro + "\n" + piece).strip() if intro and k == 0 else piece, k, "ayat"))
    if p.penjelasan and p.penjelasan.strip().rstrip(".").lower() not in ("cukup jelas", "dihapus"):
        for k, piece in enumerate(_split_plain(p.penjelasan)):
            out.append(_chunk(doc, p, None, piece, k, "penjelasan"))
    return out


def _split_items(text: str, items: list[Item]) -> list[str]:
    """Keep a unit whole when it fits; otherwise cut between items, repeating the lead sentence."""
    if len(text) <= MAX_CHUNK:
        return [text]
    lines = text.split("\n")
    lead, rest = lines[0], lines[1:]
    if not rest:
        return _split_plain(text)
    pieces: list[str] = []
    cur: list[str] = []
    size = len(lead)
    for line in rest:
        if cur and size + len(line) > MAX_CHUNK:
            pieces.append("\n".join([lead] + cur))
            cur, size = [], len(lead)
        cur.append(line)
        size += len(line) + 1
    if cur:
        pieces.append("\n".join([lead] + cur))
    return pieces


def _split_plain(text: str) -> list[str]:
    if len(text) <= MAX_CHUNK:
        return [text]
    sents = re.split(r"(?<=[.;])\s+", text)
    pieces, cur = [], ""
    for s in sents:
        if cur and len(cur) + len(s) > MAX_CHUNK:
            pieces.append(cur.strip())
            cur = ""
        cur += s + " "
    if cur.strip():
        pieces.append(cur.strip())
    return pieces


def _paper_chunks(doc: Document) -> list[Chunk]:
    out: list[Chunk] = []
    cite_as = doc.meta.get("cite_as") or doc.title
    skip = set(doc.meta.get("references_sections", []))
    refs_heading = doc.meta.get("references_heading")
    in_refs = False
    for si, sec in enumerate(doc.sections):
        if refs_heading and sec.heading == refs_heading:
            in_refs = True
        if in_refs and sec.level > 1 or sec.heading == refs_heading or si in skip:
            continue
        in_refs = False
        cur: list[str] = []
        part = 0

        def flush() -> None:
            nonlocal cur, part
            if cur:
                text = "\n".join(cur)
                label = f"{cite_as}, {sec.heading}" if sec.heading else cite_as
                out.append(
                    Chunk(
                        id=f"{doc.id}|s{si}|p{part}",
                        doc=doc.id,
                        pasal=None,
                        ayat=None,
                        citation=label,
                        heading_path=[sec.heading] if sec.heading else [],
                        text=text,
                        kind="paper",
                        doc_title=doc.title,
                        doc_kind="paper",
                        section=sec.heading,
                    )
                )
                part += 1
                cur = []

        for para in sec.paragraphs:
            if cur and sum(len(c) for c in cur) + len(para) > PAPER_TARGET:
                flush()
            cur.append(para)
        flush()
    return out
