"""Read an article by citation, with its Penjelasan, its amendment history and its cross-references.

Works on the parsed documents alone (no vectors), so `lentera pasal` and the app's "Cari Pasal"
answer instantly.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from index.law import consolidated_citation, tanggal, validity

from ingest.citation import Citation, CitationError, parse_citation
from ingest.model import Ayat, Document, Pasal


@dataclass
class Version:
    """One wording of an article: the original or an amendment."""

    act: str  # doc id holding this wording
    action: str  # "asli" | "diubah" | "disisipkan" | "dihapus"
    date: str | None
    text: str


@dataclass
class ArticleView:
    citation: Citation  # as resolved (doc is the act whose wording is shown)
    requested: Citation  # as typed
    doc_title: str
    pasal: Pasal
    ayat: Ayat | None
    text: str  # the ayat (when asked for) or the whole article
    heading_path: list[str]
    penjelasan: str | None
    history: list[Version] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    legal_citation: str = ""
    refers_to: list[Citation] = field(default_factory=list)
    referred_by: list[Citation] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "citation": self.citation.display(),
            "requested": self.requested.display(),
            "doc": self.citation.doc,
            "doc_title": self.doc_title,
            "pasal": self.pasal.number,
            "ayat": self.ayat.number if self.ayat else None,
            "status": self.pasal.status,
            "heading_path": self.heading_path,
            "text": self.text,
            "article_text": self.pasal.text,
            "penjelasan": self.penjelasan,
            "history": [vars(v) for v in self.history],
            "notes": self.notes,
            "legal_citation": self.legal_citation,
            "refers_to": [c.display() for c in self.refers_to],
            "referred_by": [c.display() for c in self.referred_by],
        }


class LookupError_(LookupError):
    pass


def amending_acts(docs: dict[str, Document], base: str) -> list[Document]:
    """Acts that amend `base`, oldest first."""
    return sorted((d for d in docs.values() if base in d.amends), key=lambda d: (d.year or 0, d.id))


def base_of(doc: Document) -> str | None:
    return doc.amends[0] if doc.amends else None


def _has_ayat(p: Pasal | None, number: str) -> bool:
    return p is not None and any(a.number.lower() == number.lower() for a in p.ayat)


def lookup(
    docs: dict[str, Document], text_or_citation: str | Citation, refs=None, on: dt.date | None = None
) -> ArticleView:
    """Resolve a citation in any common spelling to the article's current wording, with history."""
    try:
        req = text_or_citation if isinstance(text_or_citation, Citation) else parse_citation(text_or_citation)
    except CitationError as e:
        raise LookupError_(f"tidak dapat membaca kutipan: {e}") from None
    if req.doc is None:
        hits = [d for d in docs.values() if d.kind != "paper" and d.get_pasal(req.pasal or "")]
        if len(hits) != 1:
            names = ", ".join(sorted(d.id for d in hits)) or "tidak ada"
            raise LookupError_(
                f"sebutkan peraturannya: Pasal {req.pasal} ada di {names}. Contoh: 'UU 11/2012 Pasal {req.pasal}'"
            )
        req = Citation(hits[0].id, req.pasal, req.ayat, req.huruf)
    if req.doc not in docs:
        known = ", ".join(sorted(docs))
        raise LookupError_(f"{req.doc} tidak ada dalam korpus yang diindeks (tersedia: {known}).")
    doc = docs[req.doc]
    history = article_history(docs, req.doc, req.pasal or "")
    if not history:
        raise LookupError_(f"{req.doc} tidak memuat Pasal {req.pasal}.")
    on = on or dt.date.today()
    in_effect = [v for v in history if not v.date or v.date <= on.isoformat()] or history[:1]
    current = in_effect[-1]
    by_date = current.act != history[-1].act
    notes: list[str] = []
    if req.ayat and not _has_ayat(docs[current.act].get_pasal(req.pasal or ""), req.ayat):
        older = [v for v in in_effect if _has_ayat(docs[v.act].get_pasal(req.pasal or ""), req.ayat)]
        if older:
            notes.append(
                f"Ayat ({req.ayat}) tidak ada lagi dalam rumusan {current.act}; yang ditampilkan rumusan {older[-1].act}."
            )
            current = older[-1]
    shown_doc = docs[current.act]
    pasal = shown_doc.get_pasal(req.pasal or "")
    assert pasal is not None
    for v in history:
        if v.action != "asli":
            base = base_of(docs[v.act]) or req.doc
            notes.append(f"Pasal {req.pasal} {base} {v.action} dengan {v.act}" + (f" (berlaku {tanggal(v.date)})" if v.date else ""))
    if by_date:
        notes.append(f"Rumusan yang berlaku pada {tanggal(on.isoformat())}: {current.act}; rumusan terbaru: {history[-1].act}.")
    ayat = None
    text = pasal.text
    if req.ayat:
        ayat = next((a for a in pasal.ayat if a.number.lower() == req.ayat.lower()), None)
        if ayat is None:
            have = ", ".join(f"({a.number})" for a in pasal.ayat) or "tidak ada ayat"
            raise LookupError_(f"Pasal {req.pasal} {shown_doc.id} tidak memiliki ayat ({req.ayat}); ayat yang ada: {have}.")
        text = ayat.text
    if pasal.status == "dihapus":
        notes.append("Pasal ini dihapus.")
    shown = Citation(shown_doc.id, pasal.number, ayat.number if ayat else None, req.huruf)
    notes.extend(validity(Citation(current.act, pasal.number, req.ayat), on).notes)
    heading = pasal.heading_path
    if not heading:
        orig = docs.get(base_of(shown_doc) or "", None)
        op = orig.get_pasal(pasal.number) if orig else None
        heading = op.heading_path if op else []
    view = ArticleView(
        citation=shown,
        requested=req,
        doc_title=shown_doc.title,
        pasal=pasal,
        ayat=ayat,
        text=text,
        heading_path=heading,
        penjelasan=pasal.penjelasan,
        history=history,
        notes=notes,
        legal_citation=consolidated_citation(docs, shown) if current.act == history[-1].act else shown.display(),
    )
    if refs is not None:
        out, back = refs
        key = (shown_doc.id, pasal.number)
        view.refers_to = [Citation(d, p) for d, p in out.get(key, [])]
        view.referred_by = [Citation(d, p) for d, p in back.get(key, [])]
    return view


def article_history(docs: dict[str, Document], doc_id: str, number: str) -> list[Version]:
    """Every wording of an article, oldest first, across the act and the acts amending it."""
    doc = docs.get(doc_id)
    if doc is None:
        return []
    base_id = doc_id
    if doc.amends:
        # "UU 35/2014 Pasal 76C": the history is the base act's
        base_id = doc.amends[0]
    out: list[Version] = []
    base = docs.get(base_id)
    if base is not None:
        p = base.get_pasal(number)
        if p is not None:
            out.append(Version(base_id, "asli", _in_force(base), p.text))
    for act in amending_acts(docs, base_id):
        p = act.get_pasal(number)
        if p is not None:
            out.append(Version(act.id, p.amendment or "diubah", _in_force(act), p.text))
    if not out and doc.get_pasal(number) is not None:
        p = doc.get_pasal(number)
        out.append(Version(doc.id, "asli", _in_force(doc), p.text))
    if doc.amends and not any(v.act == doc_id for v in out):
        return []
    return out


def _in_force(doc: Document) -> str | None:
    from index.law import in_force_date

    d = in_force_date(doc.id)
    return d.isoformat() if d else (str(doc.meta["in_force"]) if doc.meta.get("in_force") else None)


def table_of_contents(doc: Document) -> list[tuple[str, list[str]]]:
    """[(BAB heading, [pasal numbers])] in order, for the browse view."""
    toc: list[tuple[str, list[str]]] = []
    for p in doc.pasal:
        head = p.bab or "(tanpa BAB)"
        if not toc or toc[-1][0] != head:
            toc.append((head, []))
        toc[-1][1].append(p.number)
    return toc


def normalise_pasal(number: str) -> str:
    return re.sub(r"\s+", "", number).upper()
