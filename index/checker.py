"""Citation checker: every article cited in a text, whether it exists, whether it is in force,
and whether the wording quoted next to it matches the article exactly, closely, or not at all."""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from index.law import validity
from index.lookup import LookupError_, lookup
from ingest.citation import Citation, find_citations
from ingest.model import Document

RE_QUOTE = re.compile(r"[“\"]([^”\"]{20,1500})[”\"]")
CLOSE = 0.75


@dataclass
class Finding:
    citation: Citation
    span: tuple[int, int]
    context: str
    status: str  # "ada" | "dokumen tidak ada di korpus" | "pasal tidak ada" | "ayat tidak ada" | "peraturan tidak disebut"
    message: str = ""
    quote: str | None = None
    quote_status: str | None = None  # "persis" | "mirip" | "tidak cocok"
    quote_score: float | None = None
    validity: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "citation": self.citation.display(),
            "span": list(self.span),
            "context": self.context,
            "status": self.status,
            "message": self.message,
            "quote": self.quote,
            "quote_status": self.quote_status,
            "quote_score": None if self.quote_score is None else round(self.quote_score, 3),
            "validity": self.validity,
        }


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00ad", "")).strip().lower()


def quote_match(quote: str, article: str) -> tuple[str, float]:
    """'persis' when the quote occurs in the article (whitespace/case aside), else the best window ratio."""
    q, a = _norm(quote).strip(" .,;"), _norm(article)
    if q and q in a:
        return "persis", 1.0
    best = 0.0
    n = len(q)
    if n == 0 or not a:
        return "tidak cocok", 0.0
    step = max(1, n // 8)
    for i in range(0, max(1, len(a) - n + 1), step):
        r = difflib.SequenceMatcher(None, q, a[i: i + n], autojunk=False).ratio()
        best = max(best, r)
    return ("mirip" if best >= CLOSE else "tidak cocok"), best


def check_text(docs: dict[str, Document], text: str, on: dt.date | None = None) -> list[Finding]:
    out: list[Finding] = []
    cits = find_citations(text)
    quotes = [(m.start(), m.end(), m.group(1)) for m in RE_QUOTE.finditer(text)]
    for k, (c, span) in enumerate(cits):
        ctx = text[max(0, span[0] - 60): span[1] + 80].replace("\n", " ")
        if c.doc is None:
            out.append(Finding(c, span, ctx, "peraturan tidak disebut", "Pasal disebut tanpa nama peraturan; tidak dapat diperiksa."))
            continue
        if c.doc not in docs:
            out.append(Finding(c, span, ctx, "dokumen tidak ada di korpus", f"{c.doc} tidak ada dalam korpus; tidak dapat diperiksa."))
            continue
        try:
            view = lookup(docs, c)
        except LookupError_ as e:
            status = "ayat tidak ada" if "ayat" in str(e) and c.ayat else "pasal tidak ada"
            out.append(Finding(c, span, ctx, status, str(e)))
            continue
        f = Finding(c, span, ctx, "ada", f"{view.citation.display()} ditemukan.")
        f.validity = validity(c, on).notes
        # the quote that belongs to this citation: the nearest one after it (before the next citation),
        # else the nearest one just before it
        nxt = cits[k + 1][1][0] if k + 1 < len(cits) else len(text)
        after = [q for q in quotes if span[1] <= q[0] < nxt and q[0] - span[1] < 400]
        before = [q for q in quotes if q[1] <= span[0] and span[0] - q[1] < 200]
        q = after[0] if after else (before[-1] if before else None)
        if q:
            versions = [v.text for v in view.history] or [view.pasal.text]
            if view.pasal.penjelasan:
                versions.append(view.pasal.penjelasan)
            results = [quote_match(q[2], t) for t in versions]
            st, score = max(results, key=lambda x: x[1])
            f.quote, f.quote_status, f.quote_score = q[2], st, score
        out.append(f)
    return out


def format_report(findings: list[Finding]) -> str:
    if not findings:
        return "Tidak ada kutipan pasal dalam teks."
    lines = []
    for f in findings:
        mark = {"ada": "OK ", "peraturan tidak disebut": "?  "}.get(f.status, "X  ")
        lines.append(f"{mark} {f.citation.display():<32} {f.status}: {f.message}")
        if f.quote:
            lines.append(f"      kutipan {f.quote_status} ({f.quote_score:.2f}): “{f.quote[:100]}{'…' if len(f.quote) > 100 else ''}”")
        for n in f.validity:
            lines.append(f"      ! {n}")
    ok = sum(f.status == "ada" for f in findings)
    lines.append(f"\n{len(findings)} kutipan: {ok} ditemukan, {len(findings) - ok} bermasalah atau tidak dapat diperiksa.")
    return "\n".join(lines)
