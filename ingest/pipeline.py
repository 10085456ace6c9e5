"""Source folder -> parsed documents (cached by file hash) -> chunks.

Each file is parsed on its own; a file that fails is reported (`Problem`) and the rest goes on.
Parsed documents are cached as JSON keyed by the file's sha256 and the parser's own code hash, so
an unchanged file is never parsed twice and a parser change re-parses everything.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ingest import corpus as corpus_mod
from ingest.chunking import chunk_document
from ingest.model import Chunk, Document
from ingest.sources import MAX_FILE_BYTES, SUPPORTED, Identity, SourceError, identify, read_source_text, sha256_file
from ingest.statute import StatuteParseError, parse_statute

_PARSER_FILES = ["statute.py", "sources.py", "papers.py", "pdf_text.py", "textnorm.py", "model.py", "pipeline.py"]


def parser_version() -> str:
    h = hashlib.sha256()
    here = Path(__file__).parent
    for name in _PARSER_FILES:
        p = here / name
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


@dataclass
class Problem:
    """Something wrong with one input file; `level` is "error" (file skipped) or "warning" (ingested)."""

    file: str
    message: str
    level: str = "error"


@dataclass
class SourceFile:
    path: Path
    sha256: str
    entry: corpus_mod.SourceEntry | None = None
    rank: int = 0  # 0 = primary rendering in the manifest, 1+ = alternates, 9 = not in manifest
    changed: bool = False  # named in the manifest, but its sha256 differs (edited locally, or replaced)


@dataclass
class CorpusBuild:
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    parsed: int = 0  # files parsed now
    cached: int = 0  # files taken from the parse cache


def discover(sources: Path | None = None) -> tuple[list[SourceFile], list[Problem]]:
    """The files to ingest: the synced manifest files, or every supported file under `sources`."""
    entries = corpus_mod.load_manifest()
    by_hash: dict[str, tuple[corpus_mod.SourceEntry, int]] = {}
    by_name: dict[str, tuple[corpus_mod.SourceEntry, int]] = {}
    for e in entries:
        for rank, ref in enumerate(e.files):
            if ref.sha256:
                by_hash[ref.sha256] = (e, rank)
            by_name[ref.file] = (e, rank)
    root = Path(sources) if sources else corpus_mod.sources_dir()
    problems: list[Problem] = []
    if not root.is_dir():
        return [], [Problem(str(root), f"sources folder {root} does not exist; run `lentera sync` or pass --sources DIR.")]
    files: list[SourceFile] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        if path.name.startswith(".") or path.suffix == ".part" or path.name in ("PROVENANCE.md", "README.md"):
            continue
        if path.suffix.lower() not in SUPPORTED:
            problems.append(Problem(rel, f"{rel}: unsupported file type '{path.suffix}'; supported: {', '.join(sorted(SUPPORTED))}. Skipped."))
            continue
        try:
            h = sha256_file(path)
        except OSError as e:
            problems.append(Problem(rel, f"{rel}: cannot be read ({e.strerror}). Check its permissions."))
            continue
        hit = by_hash.get(h)
        changed = False
        if hit is None and rel in by_name:
            e, rank = by_name[rel]
            ref = e.files[rank]
            hit = (e, rank)
            changed = bool(ref.sha256) and ref.sha256 != h
            if changed:
                problems.append(
                    Problem(rel, f"{rel}: sha256 {h[:12]}… does not match the manifest entry for {e.id} ({ref.sha256[:12]}…); "
                            "the file changed or is corrupt. Re-run `lentera sync`, or update the manifest if the change is intended. "
                            f"Ingested as {e.id}" + ("" if e.type == "paper" else " if its title still names that act, otherwise as an unlisted file") + ".", "warning")
                )
        files.append(SourceFile(path, h, hit[0] if hit else None, hit[1] if hit else 9, changed))
    return files, problems


def parse_source(sf: SourceFile) -> tuple[Document, list[str]]:
    """Parse one file into a Document; returns it with the warnings met on the way."""
    warnings: list[str] = []
    entry = sf.entry
    name = sf.path.name
    if sf.path.suffix.lower() not in (".pdf",):
        # size, emptiness, binary content and encoding are checked the same way for every text format
        read_source_text(sf.path, [])
    elif sf.path.stat().st_size > MAX_FILE_BYTES:
        read_source_text(sf.path, [])
    if entry is not None and entry.type == "paper" or (entry is None and sf.path.suffix.lower() in (".html", ".htm", ".txt", ".md") and _looks_like_paper(sf.path)):
        from ingest.papers import parse_paper

        try:
            doc = parse_paper(sf.path, doc_id=entry.id if entry else None)
        except ValueError as e:
            raise SourceError(str(e)) from None
        if entry is not None:
            doc.title = entry.title or doc.title
            doc.authors = entry.get("authors", doc.authors)
            if entry.get("cite_as"):
                doc.meta["cite_as"] = entry.get("cite_as")
            if entry.get("year"):
                doc.year = entry.get("year")
        doc.sha256 = sf.sha256
        if entry is None:
            warnings.append(
                f"{name}: not recognised as a statute (no 'UNDANG-UNDANG ... NOMOR .. TAHUN ..' title, no 'Pasal 1'); "
                "ingested as a paper (sections and paragraphs)"
            )
        return doc, warnings + list(doc.warnings)
    text = read_source_text(sf.path, warnings)
    ident: Identity | None
    if entry is not None and sf.changed and entry.type != "paper":
        # an edited copy keeps its manifest identity (title, dates, what it amends) and so its cached
        # embeddings; a different act put under the name does not
        own = identify(text, name)
        # an amending act's title names the act it amends; a damaged title may be read as that one
        related = own is not None and (
            own.id in entry.get("amends", []) or f"Nomor {own.number} Tahun {own.year}" in (entry.title or "")
        )
        if own is not None and own.id != entry.id and not related:
            warnings.append(f"{name}: its title names {own.id}, not {entry.id}; ingested as {own.id}")
            entry = None
    if entry is not None:
        ident = Identity(entry.id, entry.type, entry.get("number"), entry.get("year"), entry.title)
    else:
        ident = identify(text, name)
    if ident is None:
        warnings.append(f"{name}: not recognised as a statute (no 'UNDANG-UNDANG ... NOMOR .. TAHUN ..' title); ingested as a paper")
        return _as_paper(text, sf, warnings), warnings
    try:
        doc = parse_statute(
            text, doc_id=ident.id, title=ident.title, kind=ident.kind, number=ident.number, year=ident.year, source_file=name
        )
    except StatuteParseError as e:
        warnings.append(f"{name}: {e}; ingested as plain paragraphs so nothing is lost")
        doc = _as_paper(text, sf, warnings)
        doc.id, doc.title = ident.id, ident.title
        return doc, warnings
    doc.sha256 = sf.sha256
    if entry is not None:
        doc.meta.update({k: v for k, v in entry.meta.items() if isinstance(v, (str, int, float, list))})
        doc.amends = doc.amends or list(entry.get("amends", []))
    for p in doc.pasal:
        for w in p.warnings:
            warnings.append(f"{name}: Pasal {p.number}: {w}")
    return doc, warnings


def _looks_like_paper(path: Path) -> bool:
    try:
        head = path.read_bytes()[:6000].decode("utf-8", errors="replace")
    except OSError:
        return False
    if path.suffix.lower() in (".html", ".htm"):
        from ingest.sources import html_to_text

        head = html_to_text(head)
    return identify(head) is None and not re.search(r"^\s*Pasal\s+1\s*$", head, re.M)


def _as_paper(text: str, sf: SourceFile, warnings: list[str]) -> Document:
    from ingest.papers import parse_paper_text

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / (sf.path.stem + ".txt")
        p.write_text(text, encoding="utf-8")
        try:
            doc = parse_paper_text(p, doc_id=sf.entry.id if sf.entry else _slug(sf.path))
        except ValueError as e:
            raise SourceError(f"{sf.path.name}: {e}") from None
    doc.source_file = sf.path.name
    doc.sha256 = sf.sha256
    warnings.extend(doc.warnings)
    return doc


def _slug(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "dokumen"


def load_corpus(
    sources: Path | None = None,
    cache_dir: Path | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> CorpusBuild:
    """Parse every source (or take it from the cache); duplicates of one instrument are reported and skipped."""
    files, problems = discover(sources)
    cache_dir = cache_dir or corpus_mod.data_home() / "parsed"
    cache_dir.mkdir(parents=True, exist_ok=True)
    version = parser_version()
    out = CorpusBuild(problems=problems)
    seen: dict[str, tuple[Document, SourceFile]] = {}
    seen_hash: dict[str, str] = {}
    files.sort(key=lambda f: (f.rank, f.path.as_posix()))
    for k, sf in enumerate(files):
        rel = sf.path.name
        if progress:
            progress(k, len(files), rel)
        if sf.sha256 in seen_hash:
            out.problems.append(Problem(rel, f"{rel}: identical to {seen_hash[sf.sha256]} (same sha256); skipped as a duplicate.", "warning"))
            continue
        seen_hash[sf.sha256] = rel
        cache = cache_dir / f"{sf.sha256[:32]}-{version}-{_entry_key(sf)}.json"
        doc: Document | None = None
        warnings: list[str] = []
        if cache.is_file():
            try:
                data = json.loads(cache.read_text(encoding="utf-8"))
                doc, warnings = Document.from_dict(data["document"]), data["warnings"]
                out.cached += 1
            except (ValueError, KeyError, TypeError):
                doc = None
        if doc is None:
            try:
                doc, warnings = parse_source(sf)
            except SourceError as e:
                out.problems.append(Problem(rel, str(e)))
                continue
            except Exception as e:  # a parser bug must not stop the build: report it, keep going
                out.problems.append(Problem(rel, f"{rel}: could not be parsed ({type(e).__name__}: {e}); please report this file."))
                continue
            out.parsed += 1
            tmp = cache.with_suffix(".tmp")
            tmp.write_text(json.dumps({"document": doc.to_dict(), "warnings": warnings}, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, cache)
        for w in warnings:
            out.problems.append(Problem(rel, w if w.startswith(rel) else f"{rel}: {w}", "warning"))
        if doc.id in seen:
            first = seen[doc.id][1].path.name
            out.problems.append(Problem(rel, f"{rel}: another copy of {doc.id} (already ingested from {first}); skipped as a duplicate.", "warning"))
            continue
        seen[doc.id] = (doc, sf)
        out.documents.append(doc)
    return out


def _entry_key(sf: SourceFile) -> str:
    return hashlib.sha256((sf.entry.id if sf.entry else "-").encode()).hexdigest()[:8]


def chunk_corpus(docs: list[Document]) -> list[Chunk]:
    out: list[Chunk] = []
    for d in docs:
        out.extend(chunk_document(d))
    return out
