"""Build, store and load the index: FAISS vectors + BM25 + SQLite metadata, swapped in atomically.

Layout under <data home>/index/:
  CURRENT           name of the live version folder (replaced atomically with os.replace)
  v-<stamp>/        one complete build: meta.json, lentera.sqlite, vectors.faiss, bm25/
  .build.lock       held (flock) by the one build allowed at a time
A build writes a new version folder and only then points CURRENT at it, so a killed build leaves
the previous index untouched and a half-written folder is never read (it has no `complete` mark).
"""
from __future__ import annotations

import fcntl
import functools
import hashlib
import json
import os
import shutil
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

from index.glosses import Gloss
from ingest.model import Chunk, Document

GLOSS_PROMPT = "passage"  # a gloss is indexed text like a passage (tried "query": 5 fewer read questions in the top 5)
APPROX_THRESHOLD = 200_000  # vectors; above this an HNSW index replaces exact search


class IndexError_(RuntimeError):
    """No usable index, or one built with another model."""


class BuildLocked(RuntimeError):
    pass


def index_root(home: Path) -> Path:
    return home / "index"


EMBED_CHARS = 480  # the embedder costs ~1 ms per token here; BM25 still sees every word


def embed_text(c: Chunk) -> str:
    """What the dense model sees: citation, subject and BAB give an ayat its context, then its text."""
    subject = c.doc_title.split(" tentang ", 1)[-1] if c.doc_kind != "paper" else c.doc_title
    head = " / ".join(h for h in c.heading_path if not h.startswith("BUKU"))
    pj = "Penjelasan: " if c.kind == "penjelasan" else ""
    return f"{c.citation} ({subject}). {head}. {pj}{c.text}"[:EMBED_CHARS]


def lexical_text(c: Chunk) -> str:
    """What BM25 sees: the whole text with its citation and headings."""
    return f"{c.citation} {c.doc_title}. {' / '.join(c.heading_path)}. {c.text}"


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    root.mkdir(parents=True, exist_ok=True)
    f = open(root / ".build.lock", "w")
    try:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(
                f"another `lentera build` is running on {root} (lock {root / '.build.lock'}); wait for it to finish."
            ) from None
        yield
    finally:
        f.close()


def embedding_key(model: str, text: str, prompt: str = "passage") -> str:
    """The content hash a vector is stored under, in the cache and in the shipped seed."""
    return hashlib.sha256(f"{model}\x00{prompt}\x00{text}".encode()).hexdigest()


class EmbeddingCache:
    """Vectors keyed by (model, prompt, text) hash, so a rebuild embeds only what changed."""

    def __init__(self, path: Path, model: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, vec BLOB)")
        self.model = model

    def key(self, text: str, prompt: str = "passage") -> str:
        return embedding_key(self.model, text, prompt)

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            part = keys[i: i + 500]
            q = f"SELECT key, vec FROM emb WHERE key IN ({','.join('?' * len(part))})"
            for k, v in self.db.execute(q, part):
                out[k] = np.frombuffer(v, dtype=np.float32)
        return out

    def put_many(self, items: list[tuple[str, np.ndarray]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO emb VALUES (?, ?)", [(k, v.astype(np.float32).tobytes()) for k, v in items])
        self.db.commit()


SEED_DIR = Path(__file__).resolve().parents[1] / "corpus" / "embeddings"


def seed_path(model: str) -> Path:
    """The shipped vectors of the pinned corpus for one model (`lentera build --save-seed` writes it)."""
    return SEED_DIR / f"{_model_slug(model)}.npz"


def load_seed(path: Path | None, model: str) -> dict[str, np.ndarray]:
    """Vectors keyed like EmbeddingCache; empty when there is no seed or it is for another model.
    Keys are content hashes, so a seed can only ever supply the vector of the very same text."""
    if path is None or not path.is_file():
        return {}
    try:
        with np.load(path, allow_pickle=False) as z:
            if str(z["model"]) != model:
                return {}
            return {k: v for k, v in zip(z["keys"].tolist(), z["vectors"])}
    except (OSError, KeyError, ValueError):
        return {}  # a damaged seed only costs time: everything is embedded as if it were absent


def save_seed(path: Path, model: str, keys: list[str], vectors: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, model=np.array(model), keys=np.array(keys), vectors=vectors.astype(np.float32))
    os.replace(tmp, path)


@dataclass
class BuildReport:
    version: str
    chunks: int
    documents: int
    embedded: int  # chunks and glosses embedded now (the rest came from the cache or the seed)
    seconds: float
    index_bytes: int
    model: str
    faiss: str
    timings: dict[str, float] = field(default_factory=dict)
    glosses: int = 0


def _model_slug(model: str) -> str:
    return hashlib.sha256(model.encode()).hexdigest()[:12]


def build_index(
    docs: list[Document],
    chunks: list[Chunk],
    embedder,
    home: Path,
    progress: bool = False,
    stem: bool = True,
    on_stage: Callable[[str], None] | None = None,
    approx_threshold: int = APPROX_THRESHOLD,
    seed: Path | None = None,
    save_seed_to: Path | None = None,
    glosses: list[Gloss] | None = None,
) -> BuildReport:
    import faiss

    from index.lexical import BM25Index

    t0 = time.perf_counter()
    timings: dict[str, float] = {}
    root = index_root(home)
    say = on_stage or (lambda s: None)
    with build_lock(root):
        version = "v-" + time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}-{time.time_ns() % 1_000_000:06d}"
        tmp = root / (version + ".partial")
        if tmp.exists():
            shutil.rmtree(tmp)
        tmp.mkdir(parents=True)
        texts = [embed_text(c) for c in chunks]
        # dense vectors, from cache where possible
        t = time.perf_counter()
        cache = EmbeddingCache(home / "cache" / f"emb-{_model_slug(embedder.name)}.sqlite", embedder.name)
        shipped = functools.lru_cache(maxsize=1)(lambda: load_seed(seed, embedder.name))  # read only if needed

        def vectors_of(items: list[str], prompt: str, what: str) -> tuple[np.ndarray, list[str], int]:
            keys = [cache.key(x, prompt) for x in items]
            have = cache.get_many(keys)
            todo = [i for i, k in enumerate(keys) if k not in have]
            found = [(keys[i], shipped()[keys[i]]) for i in todo if keys[i] in shipped()] if todo else []
            if found:
                cache.put_many(found)
                have.update(found)
                todo = [i for i in todo if keys[i] not in have]
            if items:
                say(f"embedding {len(todo)} of {len(items)} {what} ({len(items) - len(todo) - len(found)} cached"
                    + (f", {len(found)} from the shipped seed {seed.name})" if found else ")"))
            if todo:
                new = embedder.encode([items[i] for i in todo], prompt_name=prompt, batch_size=32, show_progress_bar=progress)
                cache.put_many([(keys[i], new[j]) for j, i in enumerate(todo)])
                for j, i in enumerate(todo):
                    have[keys[i]] = new[j]
            out = np.zeros((len(items), embedder.dim), dtype=np.float32)
            for i, k in enumerate(keys):
                out[i] = have[k]
            return out, keys, len(todo)

        mat, keys, embedded = vectors_of(texts, "passage", "chunks")
        glosses = glosses or []
        gmat, gkeys, gembedded = vectors_of([g.text for g in glosses], GLOSS_PROMPT, "article glosses")
        dim = embedder.dim
        timings["embed"] = time.perf_counter() - t
        if save_seed_to is not None:
            save_seed(save_seed_to, embedder.name, keys + gkeys, np.concatenate([mat, gmat]))
        t = time.perf_counter()
        if len(texts) > approx_threshold:
            index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
            # recall@10 on 200k vectors (docs/benchmarks.md): 0.75 at 64, 0.92 at 256, for ~2 ms more
            index.hnsw.efSearch = 256
            kind = "hnsw32"
        else:
            index = faiss.IndexFlatIP(dim)
            kind = "flat-ip"
        if len(texts):
            index.add(mat)
        faiss.write_index(index, str(tmp / "vectors.faiss"))
        timings["faiss"] = time.perf_counter() - t
        t = time.perf_counter()
        bm = BM25Index(stem=stem)
        bm.index([lexical_text(c) for c in chunks])
        bm.save(tmp / "bm25")
        if glosses:
            gbm = BM25Index(stem=stem)
            gbm.index([g.text for g in glosses])
            gbm.save(tmp / "bm25-gloss")
            np.save(tmp / "gloss_vectors.npy", gmat)
            (tmp / "glosses.jsonl").write_text("".join(json.dumps([g.doc, g.pasal, g.text], ensure_ascii=False) + "\n" for g in glosses), encoding="utf-8")
        timings["bm25"] = time.perf_counter() - t
        t = time.perf_counter()
        db = sqlite3.connect(tmp / "lentera.sqlite")
        db.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, kind TEXT, title TEXT, json TEXT)")
        db.execute(
            "CREATE TABLE chunks (idx INTEGER PRIMARY KEY, id TEXT, doc TEXT, pasal TEXT, ayat TEXT, citation TEXT, "
            "heading_path TEXT, text TEXT, kind TEXT, doc_title TEXT, doc_kind TEXT, section TEXT)"
        )
        db.executemany(
            "INSERT INTO documents VALUES (?,?,?,?)",
            [(d.id, d.kind, d.title, json.dumps(d.to_dict(), ensure_ascii=False)) for d in docs],
        )
        db.executemany(
            "INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (i, c.id, c.doc, c.pasal, c.ayat, c.citation, json.dumps(c.heading_path, ensure_ascii=False), c.text, c.kind, c.doc_title, c.doc_kind, c.section)
                for i, c in enumerate(chunks)
            ],
        )
        db.commit()
        db.close()
        timings["sqlite"] = time.perf_counter() - t
        meta = {
            "version": version,
            "model": embedder.name,
            "dim": dim,
            "faiss": kind,
            "stem": stem,
            "chunks": len(chunks),
            "glosses": len(glosses),
            "documents": [d.id for d in docs],
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        (tmp / "meta.json").write_text(json.dumps(meta, indent=1))
        _fsync_dir(tmp)
        final = root / version
        os.replace(tmp, final)
        (final / "complete").write_text("ok")
        _fsync_dir(final)
        cur_tmp = root / "CURRENT.tmp"
        cur_tmp.write_text(version)
        os.replace(cur_tmp, root / "CURRENT")
        _fsync_dir(root)
        _collect_garbage(root, keep={version, _previous(root, version)})
        size = sum(p.stat().st_size for p in final.rglob("*") if p.is_file())
        return BuildReport(version, len(chunks), len(docs), embedded + gembedded, time.perf_counter() - t0, size, embedder.name, kind, timings, len(glosses))


def _fsync_dir(p: Path) -> None:
    try:
        fd = os.open(p, os.O_RDONLY)
        os.fsync(fd)
        os.close(fd)
    except OSError:
        pass


def _previous(root: Path, current: str) -> str:
    versions = sorted(p.name for p in root.glob("v-*") if (p / "complete").exists() and p.name != current)
    return versions[-1] if versions else ""


def _collect_garbage(root: Path, keep: set[str]) -> None:
    """Keep the live and the previous version (a reader may still hold it); drop the rest."""
    for p in root.glob("v-*"):
        if p.name in keep:
            continue
        if p.name.endswith(".partial"):
            # a partial folder of a build that is not running any more (we hold the lock)
            shutil.rmtree(p, ignore_errors=True)
        elif p.is_dir():
            shutil.rmtree(p, ignore_errors=True)


def current_version(home: Path) -> Path | None:
    root = index_root(home)
    cur = root / "CURRENT"
    if not cur.is_file():
        return None
    v = root / cur.read_text().strip()
    return v if (v / "complete").is_file() else None


@dataclass
class LoadedIndex:
    path: Path
    meta: dict
    chunks: list[Chunk]
    documents: dict[str, Document]
    faiss_index: object
    bm25: object
    glosses: list[Gloss] = field(default_factory=list)
    gloss_vectors: np.ndarray | None = None
    gloss_bm25: object = None

    @property
    def version(self) -> str:
        return self.meta["version"]


def load_index(home: Path) -> LoadedIndex:
    import faiss

    from index.lexical import BM25Index

    path = current_version(home)
    if path is None:
        raise IndexError_(f"no index in {index_root(home)} yet. Build one with: lentera build")
    meta = json.loads((path / "meta.json").read_text())
    db = sqlite3.connect(f"file:{path / 'lentera.sqlite'}?mode=ro", uri=True)
    chunks = [
        Chunk(id=r[1], doc=r[2], pasal=r[3], ayat=r[4], citation=r[5], heading_path=json.loads(r[6]), text=r[7], kind=r[8], doc_title=r[9], doc_kind=r[10], section=r[11])
        for r in db.execute("SELECT * FROM chunks ORDER BY idx")
    ]
    documents = {r[0]: Document.from_dict(json.loads(r[1])) for r in db.execute("SELECT id, json FROM documents")}
    db.close()
    fi = faiss.read_index(str(path / "vectors.faiss"))
    bm = BM25Index.load(path / "bm25")
    idx = LoadedIndex(path, meta, chunks, documents, fi, bm)
    if (path / "glosses.jsonl").is_file():  # indexes built before glosses existed have none
        idx.glosses = [Gloss(*json.loads(line)) for line in (path / "glosses.jsonl").read_text(encoding="utf-8").splitlines()]
        idx.gloss_vectors = np.load(path / "gloss_vectors.npy")
        idx.gloss_bm25 = BM25Index.load(path / "bm25-gloss")
    return idx


def report_dict(r: BuildReport) -> dict:
    return asdict(r)


def load_documents(home: Path) -> tuple[dict[str, Document], dict]:
    """Only the parsed documents and the index meta (cheap: for `stats` and `pasal`)."""
    path = current_version(home)
    if path is None:
        raise IndexError_(f"no index in {index_root(home)} yet. Build one with: lentera build")
    meta = json.loads((path / "meta.json").read_text())
    db = sqlite3.connect(f"file:{path / 'lentera.sqlite'}?mode=ro", uri=True)
    docs = {r[0]: Document.from_dict(json.loads(r[1])) for r in db.execute("SELECT id, json FROM documents")}
    counts = dict(db.execute("SELECT doc, COUNT(*) FROM chunks GROUP BY doc"))
    db.close()
    meta["chunk_counts"] = counts
    return docs, meta
