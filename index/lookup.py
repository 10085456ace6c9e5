"""Read an article by citation, with its Penjelasan, its amendment history and its cross-references.

Works on the parsed documents alone (no vectors), so `lentera pasal` and the app's "Cari Pasal"
answer instantly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

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


def lookup(docs: dict[str, Document], text_or_citation: str | Citation, refs=None) -> ArticleView:
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
    current = history[-1]
    shown_doc = docs[current.act]
    pasal = shown_doc.get_pasal(req.pasal or "")
    assert pasal is not None
    notes: list[str] = []
    if len(history) > 1 or current.act != req.doc:
        for v in history[1:] if history[0].action == "asli" else history:
            if v.act != req.doc or doc.amends:
                verb = {"diubah": "diubah", "disisipkan": "disisipkan", "dihapus": "dihapus"}.get(v.action, v.action)
                base = base_of(docs[v.act]) or req.doc
                notes.append(f"Pasal {req.pasal} {base} {verb} dengan {v.act}" + (f" ({v.date})" if v.date else ""))
    if current.act != req.doc and not doc.amends:
        notes.append(f"Teks yang ditampilkan adalah rumusan terbaru menurut {current.act}.")
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
    heading = pasal.heading_path
    if not heading:
        orig = docs.get(base_of(shown_doc) or "", None)
        op = orig.get_pasal(pasal.number) if orig else None
        heading = op.heading_path if op else []
    view = ArticleView(
        citation=Citation(shown_doc.id, pasal.number, ayat.number if ayat else None, req.huruf),
        requested=req,
        doc_title=shown_doc.title,
        pasal=pasal,
        ayat=ayat,
        text=text,
        heading_path=heading,
        penjelasan=pasal.penjelasan,
        history=history,
        notes=notes,
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
            out.append(Version(base_id, "asli", str(base.meta.get("in_force") or base.year or ""), p.text))
    for act in amending_acts(docs, base_id):
        p = act.get_pasal(number)
        if p is not None:
            out.append(Version(act.id, p.amendment or "diubah", str(act.meta.get("in_force") or act.year or ""), p.text))
    if not out and doc.get_pasal(number) is not None:
        p = doc.get_pasal(number)
        out.append(Version(doc.id, "asli", str(doc.meta.get("in_force") or ""), p.text))
    if doc.amends and not any(v.act == doc_id for v in out):
        return []
    return out


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
